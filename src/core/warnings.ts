import { Annotations, Aspects, IAspect, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';

/** Shortest reason an acknowledgement accepts: long enough to say why, not just "ok". */
const MIN_REASON_LENGTH = 10;

/** A warning the library recorded on a construct. */
export interface LibraryWarning {
  /** Stable id, e.g. `unknown-model`; acknowledge it with {@link Warnings.acknowledge}. */
  readonly id: string;
  /** Construct path the warning is about. */
  readonly constructPath: string;
  /** The message, in the form `Kind 'path': …`. */
  readonly message: string;
  /** When acknowledged: the reason given, else undefined. */
  readonly acknowledgedReason?: string;
}

interface Recorded {
  readonly id: string;
  readonly message: string;
}

interface Ack {
  readonly id: string;
  readonly reason: string;
}

const RECORDED = new WeakMap<IConstruct, Recorded[]>();
const ACKS = new WeakMap<IConstruct, Ack[]>();
/** Warnings already annotated (a stack can be synthesized more than once: tests, then the app). */
const EMITTED = new WeakMap<IConstruct, Set<string>>();

/** Environment variable that stops warnings from being printed on stderr (they stay in the manifest). */
export const QUIET_ENV = 'CDKTF_PRIVATE_CHAT_QUIET';

/**
 * Warnings of this library: things that deploy but probably not as meant (an unknown model, an
 * expiry in the past, a filter weaker than Azure's default).
 *
 * Each has a stable id. A deliberate choice is acknowledged on the construct (or a parent) with
 * a reason, the way {@link Compliance.acknowledge} accepts a deviation from a rule; there is no
 * switch that silences a warning everywhere.
 *
 * Warnings are decided at synth, so an acknowledgement may come before or after the construct
 * it silences. Unacknowledged ones become cdktf warning annotations (shown by `cdktf synth` and
 * kept in the manifest) and are printed on stderr, so plain `node main.js` shows them too
 * (set `CDKTF_PRIVATE_CHAT_QUIET=1` to keep stderr quiet; jest workers never print).
 */
export class Warnings {
  /**
   * Silences warning `warningId` on `scope` and every construct below it.
   *
   * @param scope the construct that warns, or a parent
   * @param warningId the id shown in brackets at the end of the warning, e.g. `unknown-model`
   * @param reason why it is acceptable here (at least 10 characters)
   */
  public static acknowledge(scope: IConstruct, warningId: string, reason: string): void {
    const label = 'Warnings.acknowledge';
    if (typeof warningId !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(warningId)) {
      throw new Error(`${label}: 'warningId' must be a warning id such as 'unknown-model' (see docs/errors.md), got ${JSON.stringify(warningId)}`);
    }
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
      throw new Error(`${label}: 'reason' must explain why the warning is acceptable in at least ${MIN_REASON_LENGTH} characters, got ${JSON.stringify(reason)}`);
    }
    const acks = ACKS.get(scope) ?? [];
    if (!acks.some((a) => a.id === warningId)) acks.push({ id: warningId, reason: reason.trim() });
    ACKS.set(scope, acks);
  }

  /**
   * Every warning recorded on `scope` and below, acknowledged or not, in construct order.
   *
   * Read it after the construct tree is complete; for jest: `expect(Warnings.unacknowledged(stack)).toEqual([])`.
   */
  public static of(scope: IConstruct): LibraryWarning[] {
    const out: LibraryWarning[] = [];
    for (const node of scope.node.findAll()) {
      for (const w of RECORDED.get(node) ?? []) {
        const ack = acknowledgementFor(node, w.id);
        out.push({ id: w.id, constructPath: node.node.path, message: w.message, acknowledgedReason: ack?.reason });
      }
    }
    return out;
  }

  /** The messages of the warnings under `scope` that no acknowledgement silences. */
  public static unacknowledged(scope: IConstruct): string[] {
    return Warnings.of(scope).filter((w) => w.acknowledgedReason === undefined).map((w) => w.message);
  }

  private constructor() {}
}

/**
 * Records warning `id` on `scope`. The message gets the `Kind 'path': ` prefix from the caller
 * (see validate.ts) and a ` [id]` suffix here, so users can see what to acknowledge.
 */
export function warn(scope: Construct, id: string, message: string): void {
  const list = RECORDED.get(scope) ?? [];
  const full = `${prefixOf(scope)}: ${message} [${id}]`;
  if (list.some((w) => w.id === id && w.message === full)) return;
  list.push({ id, message: full });
  RECORDED.set(scope, list);
  ensureEmitter(scope);
}

/**
 * Records warning `id` on `scope` from a validation, which runs at synth after the Aspect that
 * emits warnings: it is annotated (and printed) at once, unless acknowledged, like any other.
 */
export function warnAtSynth(scope: Construct, id: string, message: string): void {
  warn(scope, id, message);
  emitRecorded(scope);
}

function prefixOf(scope: Construct): string {
  const kind = (scope.constructor as { readonly errorKind?: string }).errorKind ?? scope.constructor.name;
  return `${kind} '${scope.node.path}'`;
}

function acknowledgementFor(node: IConstruct, id: string): Ack | undefined {
  for (let c: IConstruct | undefined = node; c; c = c.node.scope) {
    const ack = ACKS.get(c)?.find((a) => a.id === id);
    if (ack) return ack;
  }
  return undefined;
}

/** Turns recorded warnings into annotations (and stderr lines) when the stack is synthesized. */
class WarningEmitter implements IAspect {
  public visit(node: IConstruct): void {
    emitRecorded(node);
  }
}

/** Annotates (and prints) the unacknowledged warnings recorded on `node` that are not yet annotated. */
function emitRecorded(node: IConstruct): void {
  const recorded = RECORDED.get(node);
  if (!recorded) return;
  const emitted = EMITTED.get(node) ?? new Set<string>();
  EMITTED.set(node, emitted);
  for (const w of recorded) {
    if (emitted.has(w.message) || acknowledgementFor(node, w.id)) continue;
    emitted.add(w.message);
    Annotations.of(node).addWarning(w.message);
    if (shouldPrint()) process.stderr.write(`[WARNING] ${w.message}\n`);
  }
}

function shouldPrint(): boolean {
  const env = process.env;
  return env[QUIET_ENV] !== '1' && env.JEST_WORKER_ID === undefined;
}

const HAS_EMITTER = new WeakSet<TerraformStack>();

function ensureEmitter(scope: IConstruct): void {
  let stack: TerraformStack;
  try {
    stack = TerraformStack.of(scope);
  } catch {
    return;
  }
  if (HAS_EMITTER.has(stack)) return;
  HAS_EMITTER.add(stack);
  Aspects.of(stack).add(new WarningEmitter());
}
