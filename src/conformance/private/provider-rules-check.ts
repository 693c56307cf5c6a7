import { PREDICATES, RuleView } from './provider-rule-predicates';
import { PROVIDER_RULE_DATA } from './provider-rules-data';
import { ProviderRule, ProviderRuleKind } from '../provider-rule';

/** One finding, as the public `ConformanceViolation` carries it. */
export interface RuleViolation {
  readonly address: string;
  readonly attribute: string;
  readonly message: string;
}

const BY_TYPE = new Map<string, ProviderRule[]>();
for (const rule of PROVIDER_RULE_DATA) {
  const key = typeKey(rule.resourceType, rule.dataSource ?? false);
  BY_TYPE.set(key, [...(BY_TYPE.get(key) ?? []), rule]);
}

function typeKey(type: string, dataSource: boolean): string {
  return dataSource ? `data.${type}` : type;
}

/** The state of one attribute in one block instance, as the provider sees it at plan time. */
type Slot =
  | { readonly state: 'absent' }
  | { readonly state: 'unknown' }
  | { readonly state: 'known'; readonly value: unknown; readonly fromDefault: boolean };

/** One instance of the block a rule lives in, with the paths to show for it. */
interface Instance {
  readonly body: Record<string, unknown>;
  /** The resource's top-level body, for attributes written `/name` (the provider's root-level keys). */
  readonly root: Record<string, unknown>;
  /** JSON path as the conformance violations show it (`site_config[0].application_stack[0]`). */
  readonly path: string;
  /** Key as the provider's SDK prints it (`site_config.0.application_stack.0`). */
  readonly key: string;
}

/**
 * Holds one resource or data source body against the provider rules of its type and appends what
 * `terraform plan` would refuse.
 */
export function checkProviderRules(type: string, dataSource: boolean, address: string, body: unknown, out: RuleViolation[]): void {
  const rules = BY_TYPE.get(typeKey(type, dataSource));
  if (!rules || !isObject(body)) return;
  for (const rule of rules) {
    if (rule.kind === ProviderRuleKind.NONE) continue;
    for (const instance of instancesOf(body, rule.block)) {
      const found = evaluate(rule, instance);
      if (found) {
        out.push({
          address,
          attribute: found.attribute,
          message: `${found.attribute || address}: ${rule.resourceType} refuses this at plan time: ${found.text} (provider rule ${rule.id}, ${rule.source})`,
        });
      }
    }
  }
}

interface Finding {
  readonly attribute: string;
  readonly text: string;
}

function evaluate(rule: ProviderRule, instance: Instance): Finding | undefined {
  const slot = (attribute: string): Slot =>
    (isRoot(attribute) ? slotOf(instance.root, attribute.slice(1), rule) : slotOf(instance.body, attribute, rule));
  const at = (attribute: string): string => (isRoot(attribute) ? attribute.slice(1) : join(instance.path, attribute));
  const key = (attribute: string): string => (isRoot(attribute) ? sdkKey(attribute.slice(1)) : join(instance.key, sdkKey(attribute)));
  const declared = (attribute: string): string => (isRoot(attribute) ? sdkKey(attribute.slice(1)) : join(declaredKey(rule.block), sdkKey(attribute)));
  const [first, ...others] = rule.attributes;
  switch (rule.kind) {
    case ProviderRuleKind.CONFLICTS: {
      // The SDK checks conflicts only for a wholly known value (schema.go, after isWhollyKnown).
      const own = slot(first);
      if (own.state !== 'known' || !whollyKnown(own.value)) return undefined;
      const other = others.find((o) => slot(o).state === 'known');
      return other === undefined ? undefined : { attribute: at(first), text: render(rule, { key: key(first), other: declared(other) }) };
    }
    case ProviderRuleKind.REQUIRED_WITH: {
      if (!isSet(slot(first))) return undefined;
      const missing = rule.attributes.find((a) => !isSet(slot(a)));
      return missing === undefined ? undefined : { attribute: at(first), text: render(rule, { key: key(first), keys: sortedKeys(rule) }) };
    }
    case ProviderRuleKind.EXACTLY_ONE_OF: {
      const slots = rule.attributes.map(slot);
      const specified = rule.attributes.filter((_, i) => slots[i].state === 'known');
      const unknown = slots.filter((s) => s.state === 'unknown').length;
      if (specified.length === 0 && unknown === 0) {
        // The SDK's other message for this rule: none of them is set.
        return { attribute: at(first), text: render({ ...rule, message: '"{key}": one of `{keys}` must be specified' }, { key: key(first), keys: sortedKeys(rule) }) };
      }
      if (specified.length > 1) {
        return { attribute: at(specified[1]), text: render(rule, { key: key(specified[1]), keys: sortedKeys(rule), specified: specified.map(declared).sort().join(',') }) };
      }
      return undefined;
    }
    case ProviderRuleKind.AT_LEAST_ONE_OF: {
      if (rule.attributes.some((a) => isSet(slot(a)))) return undefined;
      return { attribute: at(first), text: render(rule, { key: key(first), keys: sortedKeys(rule) }) };
    }
    case ProviderRuleKind.ONE_OF:
    case ProviderRuleKind.PATTERN:
    case ProviderRuleKind.RANGE:
    case ProviderRuleKind.LENGTH:
      return checkValues(rule, slot(first), at(first), key(first));
    case ProviderRuleKind.CUSTOMIZE_DIFF: {
      const predicate = PREDICATES[rule.id];
      if (!predicate) throw new Error(`provider rule ${rule.id} is a customizeDiff rule without a predicate`);
      const view: RuleView = {
        value: (attribute) => {
          const s = slot(attribute);
          return s.state === 'known' ? s.value : undefined;
        },
        isUnknown: (attribute) => slot(attribute).state === 'unknown',
        isSet: (attribute) => isSet(slot(attribute)),
      };
      const failure = predicate(view);
      return failure === undefined ? undefined : { attribute: at(failure.attribute), text: render(rule, { key: key(failure.attribute), value: failure.value ?? '' }) };
    }
    default:
      return undefined;
  }
}

/** Enum, pattern and range checks, element by element for a list; expressions are skipped. */
function checkValues(rule: ProviderRule, slot: Slot, at: string, key: string): Finding | undefined {
  if (slot.state !== 'known' || slot.fromDefault) return undefined;
  const values = Array.isArray(slot.value) ? slot.value.map((v, i) => [v, `${at}[${i}]`, `${key}.${i}`] as const) : [[slot.value, at, key] as const];
  for (const [value, path, valueKey] of values) {
    if (value === null || value === undefined || isExpression(value)) continue;
    if (!valueFits(rule, value)) return { attribute: path, text: render(rule, { key: valueKey, value: goValue(value) }) };
  }
  return undefined;
}

function valueFits(rule: ProviderRule, value: unknown): boolean {
  switch (rule.kind) {
    case ProviderRuleKind.ONE_OF: {
      if (typeof value !== 'string' && typeof value !== 'number') return true;
      const text = String(value);
      const allowed = rule.allowedValues ?? [];
      return rule.ignoreCase ? allowed.some((a) => a.toLowerCase() === text.toLowerCase()) : allowed.includes(text);
    }
    case ProviderRuleKind.PATTERN:
      return typeof value !== 'string' || new RegExp(rule.pattern ?? '').test(value);
    case ProviderRuleKind.RANGE:
      return typeof value !== 'number' || ((rule.minimum === undefined || value >= rule.minimum) && (rule.maximum === undefined || value <= rule.maximum));
    case ProviderRuleKind.LENGTH:
      return typeof value !== 'string' || ((rule.minimum === undefined || value.length >= rule.minimum) && (rule.maximum === undefined || value.length <= rule.maximum));
    default:
      return true;
  }
}

/**
 * The provider's message with its placeholders filled: `{key}` (the SDK key of the attribute),
 * `{value}`, `{allowed}` (Go's `%q` of the allowed values), `{keys}` (the rule's keys, sorted and
 * comma-joined, as the SDK prints them), `{other}` and `{specified}`.
 */
function render(rule: ProviderRule, values: { [name: string]: string }): string {
  const all: { [name: string]: string } = {
    allowed: `[${(rule.allowedValues ?? []).map((v) => JSON.stringify(v)).join(' ')}]`,
    min: rule.minimum === undefined ? '' : String(rule.minimum),
    max: rule.maximum === undefined ? '' : String(rule.maximum),
    ...values,
  };
  return rule.message.replace(/\{(key|value|allowed|keys|other|specified|min|max)\}/g, (_, name: string) => all[name] ?? '');
}

function sortedKeys(rule: ProviderRule): string {
  return rule.attributes.map((a) => (isRoot(a) ? sdkKey(a.slice(1)) : join(declaredKey(rule.block), sdkKey(a)))).sort().join(',');
}

/** An attribute written `/name` inside a block rule names the resource's top-level `name`. */
function isRoot(attribute: string): boolean {
  return attribute.startsWith('/');
}

/** `a.b.c` → the SDK key `a.0.b.0.c`. */
function sdkKey(attribute: string): string {
  return attribute.split('.').join('.0.');
}

function declaredKey(block: string | undefined): string {
  return block ? block.split('.').join('.0.') + '.0' : '';
}

/** Every instance of the block at `path`; the top level when there is no path. Dynamic blocks are unknown and skipped. */
function instancesOf(body: Record<string, unknown>, path: string | undefined): Instance[] {
  let instances: Instance[] = [{ body, root: body, path: '', key: '' }];
  if (!path) return instances;
  for (const segment of path.split('.')) {
    const next: Instance[] = [];
    for (const instance of instances) {
      const value = instance.body[segment];
      if (Array.isArray(value)) {
        value.forEach((item, i) => {
          if (isObject(item)) next.push({ body: item, root: body, path: `${join(instance.path, segment)}[${i}]`, key: join(instance.key, `${segment}.${i}`) });
        });
      } else if (isObject(value)) {
        next.push({ body: value, root: body, path: join(instance.path, segment), key: join(instance.key, `${segment}.0`) });
      }
    }
    instances = next;
  }
  return instances;
}

/** The attribute at a dotted path inside one block instance (the first item of each nested block, as the SDK's `.0.` keys name it). */
function slotOf(body: Record<string, unknown>, path: string, rule: ProviderRule): Slot {
  const segments = path.split('.');
  let current: Record<string, unknown> = body;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const value = current[segment];
    const last = i === segments.length - 1;
    if (value === undefined || value === null) {
      if (isObject(current.dynamic) && current.dynamic[segment] !== undefined) return { state: 'unknown' };
      if (last && rule.defaultCountsAsSet && rule.defaults && Object.prototype.hasOwnProperty.call(rule.defaults, path)) {
        return { state: 'known', value: rule.defaults[path], fromDefault: true };
      }
      return { state: 'absent' };
    }
    if (last) {
      if (isExpression(value)) return { state: 'unknown' };
      return { state: 'known', value, fromDefault: false };
    }
    const next = Array.isArray(value) ? value[0] : value;
    if (isExpression(next)) return { state: 'unknown' };
    if (!isObject(next)) return { state: 'absent' };
    current = next;
  }
  return { state: 'absent' };
}

/** No Terraform expression anywhere inside. */
function whollyKnown(value: unknown): boolean {
  if (isExpression(value)) return false;
  if (Array.isArray(value)) return value.every(whollyKnown);
  if (isObject(value)) return Object.values(value).every(whollyKnown);
  return true;
}

function isSet(slot: Slot): boolean {
  return slot.state !== 'absent';
}

/** Go's `%v` of a JSON value, for the provider's messages. */
function goValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

function join(path: string, key: string): string {
  if (!key) return path;
  return path ? `${path}.${key}` : key;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
