// Holds every configuration a test synthesizes against the provider schemas (src/conformance):
// `Testing.synth` (and `Testing.synthScope`, which calls it) fails the test on any violation, so
// every example and every test stack is checked without each test asking for it.
import { TerraformStack, Testing } from 'cdktf';
import { Conformance } from '../src/conformance';

const INSTALLED = Symbol.for('cdktf-private-chat.conformance-hook');
let suspended = 0;

/**
 * Runs `fn` with the conformance hook off: only for tests that build a non-conformant stack on
 * purpose (the conformance tests themselves).
 */
export function withoutConformance<T>(fn: () => T): T {
  suspended++;
  try {
    return fn();
  } finally {
    suspended--;
  }
}

/** Wraps `Testing.synth` in this test file's copy of cdktf; idempotent. */
export function installConformanceHook(): void {
  const testing = Testing as unknown as Record<symbol, boolean> & { synth: typeof Testing.synth };
  if (testing[INSTALLED]) return;
  testing[INSTALLED] = true;
  const synth = Testing.synth.bind(Testing);
  testing.synth = (stack: TerraformStack, runValidations?: boolean): string => {
    const json = synth(stack, runValidations);
    if (suspended === 0) {
      const violations = Conformance.checkSynthesized(json);
      if (violations.length > 0) {
        throw new Error(`${Conformance.describe(stack.node.path, violations)}\n(test/setup.ts checks every synthesized stack; a test that builds a bad stack on purpose wraps it in withoutConformance)`);
      }
    }
    return json;
  };
}
