import { Annotations, Token } from 'cdktf';
import { Construct } from 'constructs';

/**
 * Builds the error every construct throws for bad input, in the form
 * `Kind 'path': 'prop' must be <allowed>, got <value>`.
 *
 * The construct path tells the user which instance is wrong in a stack with many; the prop
 * name tells them which line of their code to change.
 */
export function propError(scope: Construct, prop: string, allowed: string, value: unknown): Error {
  return new Error(`${kindOf(scope)} '${scope.node.path}': '${prop}' ${allowed}, got ${show(value)}`);
}

/** The same form, for a rule that involves several props at once (no single value to show). */
export function ruleError(scope: Construct, message: string): Error {
  return new Error(`${kindOf(scope)} '${scope.node.path}': ${message}`);
}

/**
 * Records a warning in the same form as a cdktf annotation: `cdktf synth` prints it and it is
 * kept in the stack's manifest, where the examples' summary shows it too.
 */
export function propWarning(scope: Construct, message: string): void {
  Annotations.of(scope).addWarning(`${kindOf(scope)} '${scope.node.path}': ${message}`);
}

export function isUnresolved(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  // An element of a list token (`variable.listValue`) is a string that only the list form detects.
  if (typeof value === 'string') return Token.isUnresolved(value) || Token.isUnresolved([value]);
  if (typeof value === 'number') return Token.isUnresolved(value);
  if (Array.isArray(value)) return Token.isUnresolved(value) || value.some((v) => isUnresolved(v));
  return Token.isUnresolved(value);
}

export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `'${value}'`;
  return JSON.stringify(value);
}

/**
 * The name users know the construct by. Classes behind a `fromXxx` factory are not public, so
 * they set a static `errorKind` (e.g. `PrivateNetwork.fromAttributes`) instead of showing
 * their internal class name.
 */
function kindOf(scope: Construct): string {
  return (scope.constructor as { readonly errorKind?: string }).errorKind ?? scope.constructor.name;
}

/** Throws unless `value` is an integer in [min, max]. Unresolved tokens and undefined pass. */
export function checkIntRange(scope: Construct, prop: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined || isUnresolved(value)) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw propError(scope, prop, `must be an integer between ${min} and ${max}`, value);
  }
}

/** Throws unless `value` is one of `allowed`. Unresolved tokens and undefined pass. */
export function checkOneOf<T>(scope: Construct, prop: string, value: T | undefined, allowed: readonly T[]): void {
  if (value === undefined || isUnresolved(value)) return;
  if (!allowed.includes(value)) {
    throw propError(scope, prop, `must be one of ${allowed.map((a) => show(a)).join(', ')}`, value);
  }
}

/** Throws when a string prop is present but empty or blank. */
export function checkNotBlank(scope: Construct, prop: string, value: string | undefined): void {
  if (value === undefined || isUnresolved(value)) return;
  if (value.trim() === '') throw propError(scope, prop, 'must not be empty', value);
}

/** Throws when a string is not an Azure resource id (skipped for tokens). */
export function checkResourceId(scope: Construct, prop: string, value: string | undefined, type?: string): void {
  if (value === undefined || isUnresolved(value)) return;
  const ok = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/[^/]+\/.+/i.test(value);
  if (!ok) {
    throw propError(scope, prop, 'must be an Azure resource id (/subscriptions/<id>/resourceGroups/<rg>/providers/...)', value);
  }
  if (type && !value.toLowerCase().includes(`/providers/${type.toLowerCase()}/`)) {
    throw propError(scope, prop, `must be the id of a ${type} resource`, value);
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Throws unless `value` is a GUID (tenant ids, client ids, principal ids). */
export function checkGuid(scope: Construct, prop: string, value: string | undefined): void {
  if (value === undefined || isUnresolved(value)) return;
  if (!GUID.test(value)) throw propError(scope, prop, 'must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)', value);
}
