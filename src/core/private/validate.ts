import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { closest } from './suggest';

/**
 * Who a message is about: a construct (`Kind 'path'`) or a static factory that has no construct
 * yet (`SignIn.withExistingRegistration`).
 */
export type Owner = Construct | string;

/**
 * Builds the error every construct throws for bad input, in the form
 * `Kind 'path': 'prop' must be <allowed>, got <value>`.
 *
 * The construct path tells the user which instance is wrong in a stack with many; the prop
 * name tells them which line of their code to change.
 */
export function propError(scope: Owner, prop: string, allowed: string, value: unknown): Error {
  return new Error(`${ownerLabel(scope)}: '${prop}' ${allowed}, got ${show(value)}`);
}

/** The same form, for a rule that involves several props at once (no single value to show). */
export function ruleError(scope: Owner, message: string): Error {
  return new Error(`${ownerLabel(scope)}: ${message}`);
}

/** `Kind 'path'` for a construct, the factory name as it is for a factory. */
export function ownerLabel(scope: Owner): string {
  return typeof scope === 'string' ? scope : `${kindOf(scope)} '${scope.node.path}'`;
}

/**
 * Records a warning under a stable id. It reaches the user at synth (as a cdktf annotation, and on
 * stderr for plain `node main.js`) unless acknowledged with `Warnings.acknowledge(scope, id, reason)`.
 *
 * Implemented in core/warnings.ts; re-exported here so constructs import all of their checks
 * from one module.
 */
export { warn, warnAtSynth } from '../warnings';

export function isUnresolved(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  // An element of a list token (`variable.listValue`) is a string that only the list form detects.
  if (typeof value === 'string') return Token.isUnresolved(value) || Token.isUnresolved([value]);
  if (typeof value === 'number') return Token.isUnresolved(value);
  if (Array.isArray(value)) return Token.isUnresolved(value) || value.some((v) => isUnresolved(v));
  if (typeof value === 'object' || typeof value === 'function') return Token.isUnresolved(value);
  return false;
}

/** Longest value shown whole; longer ones keep their start and their end (where ids differ). */
const MAX_SHOWN = 240;

/** A value as the user wrote it, short and safe: never throws, even for constructs or cycles. */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${truncate(value)}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return `a function${value.name ? ` (${value.name})` : ''}`;
  if (typeof value === 'symbol') return value.toString();
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
    const name = (value as object).constructor?.name;
    return name ? `an instance of ${name}` : 'an object';
  }
  try {
    const text = JSON.stringify(value, (_k, v) => (v === undefined ? '<undefined>' : v));
    return text === undefined ? String(value) : truncate(text);
  } catch {
    return Array.isArray(value) ? 'an array' : 'an object';
  }
}

function truncate(text: string): string {
  if (text.length <= MAX_SHOWN) return text;
  return `${text.slice(0, MAX_SHOWN - 100)}…${text.slice(-99)}`;
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
export function checkIntRange(scope: Owner, prop: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined || isUnresolved(value)) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw propError(scope, prop, `must be an integer between ${min} and ${max}`, value);
  }
}

/** Throws unless `value` is one of `allowed`. Unresolved tokens and undefined pass. */
export function checkOneOf<T>(scope: Owner, prop: string, value: T | undefined, allowed: readonly T[]): void {
  if (value === undefined || isUnresolved(value)) return;
  if (!allowed.includes(value)) {
    const near = typeof value === 'string' && !/^\d+$/.test(value) ? closest(value, allowed.filter((a): a is T & string => typeof a === 'string')) : undefined;
    const hint = near !== undefined ? ` (did you mean '${near}'?)` : '';
    throw propError(scope, prop, `must be one of ${allowed.map((a) => show(a)).join(', ')}${hint}`, value);
  }
}

/** Throws when a string prop is present but empty or blank. */
export function checkNotBlank(scope: Owner, prop: string, value: string | undefined): void {
  if (value === undefined || isUnresolved(value)) return;
  if (typeof value !== 'string') throw propError(scope, prop, 'must be a string', value);
  if (value.trim() === '') throw propError(scope, prop, 'must not be empty', value);
}

/** Throws when a string has leading or trailing whitespace (Azure keeps it, and then refuses the name). */
export function checkTrimmed(scope: Owner, prop: string, value: string | undefined): void {
  if (value === undefined || isUnresolved(value) || typeof value !== 'string') return;
  if (value !== value.trim()) throw propError(scope, prop, 'must not start or end with whitespace', value);
}

/**
 * Throws unless `value` is an Azure resource id whose last type segment is `type` (e.g.
 * `Microsoft.Network/virtualNetworks`, or `Microsoft.Network/virtualNetworks/subnets` for a child).
 * A provider namespace alone (`Microsoft.CognitiveServices`) checks the namespace only.
 * Every segment must be non-empty. Skipped for tokens.
 */
export function checkResourceId(scope: Owner, prop: string, value: string | undefined, type?: string | readonly string[]): void {
  if (value === undefined || isUnresolved(value)) return;
  if (typeof value !== 'string') throw propError(scope, prop, 'must be an Azure resource id string', value);
  const parsed = parseResourceId(value);
  if (!parsed && value.length > 1 && value.endsWith('/') && parseResourceId(value.replace(/\/+$/, ''))) {
    throw propError(scope, prop, "must be an Azure resource id without a trailing '/' (remove the trailing '/': Azure ids end with the resource's name)", value);
  }
  if (!parsed) {
    throw propError(scope, prop, 'must be an Azure resource id (/subscriptions/<id>/resourceGroups/<rg>/providers/<namespace>/<type>/<name>)', value);
  }
  if (!type) return;
  const types = typeof type === 'string' ? [type] : type;
  const matches = (wanted: string) => (wanted.includes('/')
    ? parsed.fullType.toLowerCase() === wanted.toLowerCase()
    : parsed.namespace.toLowerCase() === wanted.toLowerCase());
  if (!types.some(matches)) {
    throw propError(scope, prop, `must be the id of a ${types.join(' or ')} resource (found ${parsed.namespace}/${parsed.types.join('/')})`, value);
  }
}

/** The parts of an ARM resource id, or undefined when it is not one. */
export interface ParsedResourceId {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly namespace: string;
  /** Type segments (`virtualNetworks`, `subnets`). */
  readonly types: string[];
  /** Name segments, one per type. */
  readonly names: string[];
  /** `Microsoft.Network/virtualNetworks/subnets`. */
  readonly fullType: string;
}

export function parseResourceId(id: string): ParsedResourceId | undefined {
  if (typeof id !== 'string' || id !== id.trim()) return undefined;
  const parts = id.split('/');
  // '', 'subscriptions', sub, 'resourceGroups', rg, 'providers', ns, type, name, [type, name]...
  if (parts.length < 9 || parts[0] !== '' || parts.some((p, i) => i > 0 && p === '')) return undefined;
  if (parts[1].toLowerCase() !== 'subscriptions' || parts[3].toLowerCase() !== 'resourcegroups' || parts[5].toLowerCase() !== 'providers') return undefined;
  if (!GUID.test(parts[2]) && !isUnresolved(parts[2])) return undefined;
  const rest = parts.slice(7);
  if (rest.length % 2 !== 0) return undefined;
  const types = rest.filter((_, i) => i % 2 === 0);
  const names = rest.filter((_, i) => i % 2 === 1);
  return {
    subscriptionId: parts[2], resourceGroup: parts[4], namespace: parts[6], types, names, fullType: [parts[6], ...types].join('/'),
  };
}

/** A GUID in any case (Azure compares them case-insensitively). */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Throws unless `value` is a GUID (tenant ids, client ids, principal ids). */
export function checkGuid(scope: Owner, prop: string, value: string | undefined): void {
  if (value === undefined || isUnresolved(value)) return;
  if (typeof value !== 'string' || !GUID.test(value)) throw propError(scope, prop, 'must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)', value);
}

// ---------------------------------------------------------------------------------------------
// Runtime shapes: jsii checks types only for the other languages; JavaScript callers, and
// TypeScript callers holding `any`, reach the constructs with whatever they have. Every public
// entry point describes its props once and `checkShape` holds the input against that.
// ---------------------------------------------------------------------------------------------

/** What one prop must be at runtime. Build with the helpers of {@link is}. */
export interface FieldSpec {
  readonly kind: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'stringMap' | 'instance' | 'reference' | 'any';
  readonly required?: boolean;
  /** For arrays: each element. */
  readonly element?: FieldSpec;
  /** For objects: their fields (unknown fields are refused, so a typo cannot pass silently). */
  readonly fields?: Shape;
  /** For instances: the class, and how users make one (for the message). */
  readonly instanceOf?: Function;
  /** For references (typed interfaces such as `IPrivateNetwork`): members an object must have. */
  readonly members?: readonly string[];
  /** What the user should pass, as the message says it (instances and references). */
  readonly description?: string;
  /** Allow unknown keys in an object (struct types users may extend). */
  readonly open?: boolean;
}

/** Props of one entry point, by name. */
export type Shape = { readonly [prop: string]: FieldSpec };

/** Builders of {@link FieldSpec}s: `is.string()`, `is.boolean()`, `is.arrayOf(is.string())`, … */
export const is = {
  string: (required = false): FieldSpec => ({ kind: 'string', required }),
  number: (required = false): FieldSpec => ({ kind: 'number', required }),
  integer: (required = false): FieldSpec => ({ kind: 'integer', required }),
  boolean: (required = false): FieldSpec => ({ kind: 'boolean', required }),
  stringMap: (required = false): FieldSpec => ({ kind: 'stringMap', required }),
  any: (required = false): FieldSpec => ({ kind: 'any', required }),
  arrayOf: (element: FieldSpec, required = false): FieldSpec => ({ kind: 'array', element, required }),
  object: (fields: Shape, required = false, open = false): FieldSpec => ({ kind: 'object', fields, required, open }),
  instance: (instanceOf: Function, description: string, required = false): FieldSpec => ({ kind: 'instance', instanceOf, description, required }),
  reference: (members: readonly string[], description: string, required = false): FieldSpec => ({ kind: 'reference', members, description, required }),
};

/**
 * Holds `props` against `shape`: wrong JavaScript types, `null`, `undefined` inside arrays and
 * unknown keys get a named-prop error. Unresolved tokens pass. Call it first in a constructor.
 *
 * @param prefix prop path of `props` itself (`models[0]` when checking one element's fields)
 */
export function checkShape(scope: Owner, props: unknown, shape: Shape, prefix = '', open = false): void {
  const label = prefix || 'props';
  if (props === undefined) props = {};
  if (props === null || typeof props !== 'object' || Array.isArray(props)) {
    throw propError(scope, label, 'must be an object of props', props);
  }
  if (isUnresolved(props)) return;
  const record = props as Record<string, unknown>;
  if (!open) {
    for (const key of Object.keys(record)) {
      if (!(key in shape) && record[key] !== undefined) {
        const known = Object.keys(shape).sort();
        const near = closest(key, known);
        const hint = near ? `did you mean '${near}'? ` : '';
        throw propError(scope, join(prefix, key), `is not a known prop (${hint}known: ${known.join(', ')})`, record[key]);
      }
    }
  }
  for (const [key, spec] of Object.entries(shape)) {
    checkField(scope, join(prefix, key), record[key], spec);
  }
}

function join(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}

/** Holds one value against its spec (exported for positional parameters of factories). */
export function checkField(scope: Owner, prop: string, value: unknown, spec: FieldSpec): void {
  if (value === undefined) {
    if (spec.required) throw propError(scope, prop, `is required (${describe(spec)})`, value);
    return;
  }
  if (value === null) throw propError(scope, prop, `must be ${describe(spec)}${spec.required ? '' : ' or left out'}`, value);
  if (isUnresolved(value) && spec.kind !== 'array' && spec.kind !== 'stringMap' && spec.kind !== 'object') return;
  switch (spec.kind) {
    case 'any':
      return;
    case 'string':
      if (typeof value !== 'string') throw propError(scope, prop, 'must be a string', value);
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw propError(scope, prop, 'must be a finite number', value);
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw propError(scope, prop, 'must be an integer', value);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') throw propError(scope, prop, 'must be true or false (a boolean, not a string or number)', value);
      return;
    case 'array': {
      if (isUnresolved(value) && !Array.isArray(value)) return;
      if (!Array.isArray(value)) throw propError(scope, prop, `must be an array of ${describe(spec.element!)}`, value);
      if (Token.isUnresolved(value) && value.length === 1) return; // a list token
      value.forEach((v, i) => {
        if (v === undefined || v === null) throw propError(scope, `${prop}[${i}]`, `must be ${describe(spec.element!)}`, v);
        checkField(scope, `${prop}[${i}]`, v, spec.element!);
      });
      return;
    }
    case 'stringMap': {
      if (isUnresolved(value)) return;
      const proto = typeof value === 'object' && value !== null ? Object.getPrototypeOf(value) : undefined;
      if (typeof value !== 'object' || Array.isArray(value) || (proto !== Object.prototype && proto !== null)) {
        throw propError(scope, prop, 'must be an object of string values ({ key: \'value\' })', value);
      }
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (typeof v !== 'string') throw propError(scope, `${prop}.${k}`, 'must be a string', v);
      }
      return;
    }
    case 'object':
      if (isUnresolved(value)) return;
      if (typeof value !== 'object' || Array.isArray(value)) throw propError(scope, prop, 'must be an object', value);
      checkShape(scope, value, spec.fields ?? {}, prop, spec.open);
      return;
    case 'instance':
      if (!(value instanceof (spec.instanceOf as new (...a: never[]) => unknown))) {
        throw propError(scope, prop, `must be ${spec.description}`, value);
      }
      return;
    case 'reference': {
      const obj = value as Record<string, unknown>;
      if (typeof value !== 'object' || spec.members!.some((m) => !(m in obj) || obj[m] === undefined)) {
        throw propError(scope, prop, `must be ${spec.description}`, value);
      }
      return;
    }
  }
}

function describe(spec: FieldSpec): string {
  switch (spec.kind) {
    case 'string': return 'a string';
    case 'number': return 'a number';
    case 'integer': return 'an integer';
    case 'boolean': return 'true or false';
    case 'array': return `an array of ${describe(spec.element!)}`;
    case 'stringMap': return 'an object of string values';
    case 'object': return 'an object';
    case 'instance':
    case 'reference': return spec.description!;
    default: return 'a value';
  }
}

// ---------------------------------------------------------------------------------------------
// Tags: Azure's limits, checked wherever tags enter (construct props and TagResources).
// ---------------------------------------------------------------------------------------------

/** Most tags one Azure resource may carry. */
export const MAX_TAGS = 50;
const MAX_TAG_KEY = 512;
const MAX_TAG_VALUE = 256;
const FORBIDDEN_TAG_KEY_CHARS = /[<>%&\\?/]/;

/**
 * Throws unless `tags` is something Azure accepts on a resource: at most 50 pairs, keys of 1-512
 * characters without `< > % & \ ? /`, values of at most 256 characters.
 *
 * @see https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations
 */
export function checkTags(scope: Owner, prop: string, tags: unknown): void {
  if (tags === undefined || isUnresolved(tags)) return;
  checkField(scope, prop, tags, is.stringMap());
  const entries = Object.entries(tags as Record<string, string>);
  if (entries.length > MAX_TAGS) {
    throw propError(scope, prop, `must hold at most ${MAX_TAGS} tags (Azure's limit per resource)`, `${entries.length} tags`);
  }
  const seen = new Map<string, string>();
  for (const [key, value] of entries) {
    if (isUnresolved(key)) continue;
    // "Tag names are case-insensitive for operations": Azure keeps one of the two, and Terraform then shows a diff forever.
    const first = seen.get(key.toLowerCase());
    if (first !== undefined) {
      throw propError(scope, `${prop}.${key}`, `must differ from '${prop}.${first}' by more than letter case: Azure tag names are case-insensitive, so one would overwrite the other`, key);
    }
    seen.set(key.toLowerCase(), key);
    if (key.trim() === '' || key.length > MAX_TAG_KEY) {
      throw propError(scope, `${prop}`, `keys must be 1-${MAX_TAG_KEY} characters`, key);
    }
    if (FORBIDDEN_TAG_KEY_CHARS.test(key)) {
      throw propError(scope, `${prop}.${key}`, "is not a valid tag name: Azure refuses '<', '>', '%', '&', '\\', '?' and '/' in tag names", key);
    }
    if (!isUnresolved(value) && value.length > MAX_TAG_VALUE) {
      throw propError(scope, `${prop}.${key}`, `must be at most ${MAX_TAG_VALUE} characters (Azure's limit for a tag value)`, value);
    }
  }
}

/**
 * Throws when `props` sets one of `refused`: settings a secure construct deliberately does not
 * take (public access, shared keys, …), each with why, so that a user who passes one learns it
 * is not silently ignored. Runs before the shape check, whose "not a known prop" would say less.
 *
 * @param verb how the message starts, e.g. `cannot be set` or `is not offered`
 */
export function checkRefused(scope: Owner, props: unknown, refused: { readonly [prop: string]: string }, verb = 'cannot be set'): void {
  if (props === null || typeof props !== 'object') return;
  for (const [prop, why] of Object.entries(refused)) {
    const value = (props as Record<string, unknown>)[prop];
    if (value !== undefined) throw propError(scope, prop, `${verb}: ${why}`, value);
  }
}
