import { Annotations, Aspects, IAspect, ISynthesisSession, TerraformResource, TerraformStack } from 'cdktf';
// Not re-exported by the package root, but public in cdktf's own modules (TerraformAsset uses it).
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { Construct, IConstruct } from 'constructs';
import { runChecks } from './private/checker';
import { ComplianceReport, ComplianceRule } from './rule';
import { ALL_RULES } from './rules';
import { acknowledgementsOn, recordAcknowledgement } from '../core/private/acknowledgements';
import { checkNotBlank, isUnresolved, propError } from '../core/private/validate';

/** Shortest reason an acknowledgement accepts: long enough to say why, not just "ok". */
const MIN_REASON_LENGTH = 10;

/** What the aspect has seen in one stack, and what it has already reported there. */
interface StackState {
  readonly visited: Set<TerraformResource>;
  lastSummary?: string;
  readonly warned: Set<string>;
}

const STATES = new WeakMap<TerraformStack, StackState>();

/**
 * The rule pack as an Aspect: every Terraform resource it visits is checked against the
 * private-chat security baseline, and any failure is a synth error.
 *
 * The aspect only records what it visits; the checks run in a validation on the stack, after
 * every aspect has run, because isolation is a property of the whole stack (a vault is private
 * only if some endpoint elsewhere in the stack connects to it). Validations fail both
 * `app.synth()` and `Testing.synth(stack, true)`, whereas error annotations would only stop the former.
 *
 * Prefer {@link Compliance.applyTo}, which adds the aspect once however often it is called.
 */
export class ComplianceChecks implements IAspect {
  public visit(node: IConstruct): void {
    const stack = stackOf(node);
    if (!stack) return;
    const state = stateOf(stack);
    if (node instanceof TerraformResource) state.visited.add(node);
  }
}

/**
 * Entry points of the compliance rule pack: apply it, acknowledge deliberate deviations, read
 * the rules and the report.
 *
 * There is deliberately no switch that turns a rule off: a deviation is accepted only by an
 * acknowledgement on the construct concerned, with a reason that the report shows.
 */
export class Compliance {
  /**
   * Checks every resource under `scope` (a stack, or an app for all its stacks) at synth.
   *
   * Idempotent: calling it again on the same scope adds nothing.
   */
  public static applyTo(scope: IConstruct): void {
    const aspects = Aspects.of(scope);
    if (aspects.all.some((a) => a instanceof ComplianceChecks)) return;
    aspects.add(new ComplianceChecks());
  }

  /**
   * Accepts a failure of rule `ruleId` on `scope` and every resource below it, for a stated reason.
   *
   * The finding no longer fails synth; it is listed, with the reason, in the report and the
   * info annotation on the stack.
   *
   * @param scope the resource, or a construct that contains it
   * @param ruleId id of a rule in {@link Compliance.rules}, e.g. `PCHAT-KV-001`
   * @param reason why the deviation is accepted (at least 10 characters)
   */
  public static acknowledge(scope: IConstruct, ruleId: string, reason: string): void {
    const construct = scope as Construct;
    const ids = ALL_RULES.map((r) => r.info.id);
    if (isUnresolved(ruleId) || !ids.includes(ruleId)) {
      throw propError(construct, 'ruleId', "must be the id of a rule in Compliance.rules() (e.g. 'PCHAT-KV-001'; see docs/compliance.md)", ruleId);
    }
    checkNotBlank(construct, 'reason', reason);
    if (reason === undefined || reason === null || isUnresolved(reason) || reason.trim().length < MIN_REASON_LENGTH) {
      throw propError(construct, 'reason', `must explain the deviation in at least ${MIN_REASON_LENGTH} characters`, reason);
    }
    const existing = acknowledgementsOn(scope).find((a) => a.ruleId === ruleId);
    if (existing) {
      if (existing.reason === reason.trim()) return;
      throw propError(construct, 'ruleId', `is already acknowledged on this construct with reason '${existing.reason}'`, ruleId);
    }
    recordAcknowledgement(scope, ruleId, reason.trim());
  }

  /** Every rule of the pack, in report order: for docs and tooling. */
  public static rules(): ComplianceRule[] {
    return ALL_RULES.map((r) => ({ ...r.info, mapsTo: [...r.info.mapsTo], resourceTypes: [...r.info.resourceTypes] }));
  }

  /**
   * Checks the stack of `scope` now and returns the outcome, without failing.
   *
   * Resources outside `scope` are used as context (endpoints, diagnostic settings) but not
   * reported. Run it after the construct tree is complete.
   */
  public static report(scope: IConstruct): ComplianceReport {
    const stack = TerraformStack.of(scope);
    const prefix = scope.node.path;
    return runChecks(stack, (r) => scope === stack || r.path === prefix || r.path.startsWith(`${prefix}/`));
  }

  private constructor() {}
}

function stackOf(node: IConstruct): TerraformStack | undefined {
  if (TerraformStack.isStack(node)) return node;
  try {
    return TerraformStack.of(node);
  } catch {
    return undefined;
  }
}

function stateOf(stack: TerraformStack): StackState {
  let state = STATES.get(stack);
  if (!state) {
    state = { visited: new Set(), warned: new Set() };
    STATES.set(stack, state);
    const registered = state;
    stack.node.addValidation({ validate: () => validateStack(stack, registered) });
    enforceWhenValidationIsSkipped(stack, registered);
  }
  return state;
}

/**
 * `new App({ skipValidation: true })` (which cdktf's own error messages suggest) skips every
 * validation, the rule pack's included. cdktf still runs custom synthesis and then refuses to
 * write a stack with error annotations, so the pack also runs there when validation was skipped,
 * and its failures become error annotations: a stack that breaks a rule is never written.
 */
function enforceWhenValidationIsSkipped(stack: TerraformStack, state: StackState): void {
  try {
    addCustomSynthesis(stack, {
      onSynthesize: (session: ISynthesisSession) => {
        if (!session.skipValidation) return; // the validation above has already run
        for (const message of validateStack(stack, state)) Annotations.of(stack).addError(message);
      },
    });
  } catch {
    // The stack already has a custom synthesis of its own (defined once, not configurable); the
    // validation still enforces the pack unless validation is skipped, as the README says.
  }
}

/** Runs the pack on what the aspect visited; failures become validation errors. */
function validateStack(stack: TerraformStack, state: StackState): string[] {
  const report = runChecks(stack, (r) => state.visited.has(r.construct));
  if (report.summary !== state.lastSummary) {
    Annotations.of(stack).addInfo(report.summary);
    state.lastSummary = report.summary;
  }
  for (const u of report.unusedAcknowledgements) {
    const key = `${u.constructPath}\u0000${u.ruleId}`;
    if (state.warned.has(key)) continue;
    state.warned.add(key);
    const target = findByPath(stack, u.constructPath) ?? stack;
    Annotations.of(target).addWarning(`Compliance: acknowledgement of ${u.ruleId} on '${u.constructPath}' matches no finding; remove it so it cannot hide a future failure`);
  }
  return report.failures.map((f) => f.message);
}

function findByPath(stack: TerraformStack, path: string): IConstruct | undefined {
  return stack.node.findAll().find((c) => c.node.path === path);
}
