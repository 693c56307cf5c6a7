import { TerraformStack, Testing } from 'cdktf';
import { Compliance } from './compliance';
import { Conformance } from '../conformance/conformance';
import { Warnings } from '../core/warnings';

/**
 * How to get past a Verify failure, ending every error it throws. cdktf's own validation error
 * ends by suggesting `skipValidation: true`, which would hide the problems rather than fix them
 * (and leaves them to fail at apply or in review), so that hint is cut from what Verify reports.
 */
const VERIFY_ADVICE = 'Fix each problem where it is reported: the message names the construct and the prop to change. '
  + 'A compliance finding you accept on purpose takes Compliance.acknowledge(scope, ruleId, reason), and a warning '
  + 'Warnings.acknowledge(scope, warningId, reason); skipping validation hides the problems without fixing them.';

/** cdktf's validation error, without its closing hint to skip validation. */
function withoutSkipHint(message: string): string {
  return message.replace(/\s*If you wish to ignore these validations, pass 'skipValidation: true'[^\n]*\s*$/, '')
    .replace(/\s*To skip validations, add 'skipValidation: true'[^\n]*\s*$/, '').trimEnd();
}

/** Options of {@link Verify.stack}. */
export interface VerifyOptions {
  /**
   * Also fail on the library's warnings that no `Warnings.acknowledge` silences.
   *
   * @default false
   */
  readonly failOnWarnings?: boolean;
}

/**
 * Everything this library can prove about a stack without Terraform, in one call for a user's
 * own tests.
 *
 * `Testing.synth(stack)` (cdktf's default in tests) runs no validation, so neither the rule pack
 * nor cdktf's own checks run there. `Verify.stack` runs them all, whatever the stack is built from
 * (with or without `PrivateChat`):
 * - cdktf's validations and the stack's Aspects (`Testing.synth(stack, true)`);
 * - the compliance rule pack on every resource (acknowledged findings pass);
 * - schema conformance against the provider packages ({@link Conformance});
 * - optionally, unacknowledged library warnings.
 *
 * @example
 * test('the chat stack is private and fits its providers', () => Verify.stack(stack));
 */
export class Verify {
  /**
   * Throws one error listing every problem found in `stack`, or returns when there is none.
   */
  public static stack(stack: TerraformStack, options: VerifyOptions = {}): void {
    const problems: string[] = [];
    let json: string | undefined;
    try {
      json = Testing.synth(stack, true);
    } catch (e) {
      problems.push(`synth: ${withoutSkipHint((e as Error).message)}`);
    }
    for (const failure of Compliance.report(stack).failures) {
      if (!problems.some((p) => p.includes(failure.message))) problems.push(`compliance: ${failure.message}`);
    }
    if (json !== undefined) {
      for (const v of Conformance.checkSynthesized(json)) problems.push(`conformance: ${v.address}: ${v.message}`);
    }
    if (options.failOnWarnings) {
      for (const w of Warnings.unacknowledged(stack)) problems.push(`warning: ${w}`);
    }
    if (problems.length > 0) {
      throw new Error(`Verify: stack '${stack.node.path}' has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}\n${VERIFY_ADVICE}`);
    }
  }

  private constructor() {}
}
