import { checkProviderRules } from './provider-rules-check';
import { DEPRECATED_ARGUMENTS, DeprecatedArgument } from '../deprecations';
import { AttributeKind, AttributeSchema, BlockSchema, NestedBlockSchema, ProviderSchema, schemaForType } from '../schema';

/** One finding, as the public `ConformanceViolation` carries it. */
export interface Violation {
  readonly address: string;
  readonly attribute: string;
  readonly message: string;
}

/** Arguments Terraform itself gives every resource and data source; no provider schema lists them. */
const META_ARGUMENTS = new Set(['depends_on', 'lifecycle', 'provider', 'count', 'for_each', 'provisioner', 'connection']);
/** Arguments of a provider block that are Terraform's, not the provider's. */
const PROVIDER_META = new Set(['alias', 'version']);
const METADATA_KEY = '//';

const DEPRECATIONS = new Map<string, DeprecatedArgument>(DEPRECATED_ARGUMENTS.map((d) => [`${d.resourceType} ${d.argument}`, d]));

/**
 * Holds every resource, data source and provider block of a synthesized configuration (the
 * object that `cdk.tf.json` holds) against the schema of its provider, and every resource and
 * data source against the provider-side plan-time rules of its type (`ProviderRules`).
 */
export function checkConfiguration(config: unknown): Violation[] {
  const out: Violation[] = [];
  if (!isObject(config)) {
    out.push({ address: '', attribute: '', message: `the synthesized configuration must be a JSON object, got ${describe(config)}` });
    return out;
  }
  checkSection(config.resource, 'resource', out);
  checkSection(config.data, 'data', out);
  checkProviders(config.provider, out);
  return out;
}

function checkSection(section: unknown, kind: 'resource' | 'data', out: Violation[]): void {
  if (!isObject(section)) return;
  for (const type of Object.keys(section).sort()) {
    const instances = section[type];
    if (!isObject(instances)) continue;
    // The provider-side plan-time rules the schema does not carry (ConflictsWith, enums,
    // CustomizeDiff, …), for every type the table knows, with or without a schema here.
    for (const name of Object.keys(instances).sort()) {
      const address = kind === 'resource' ? `${type}.${name}` : `data.${type}.${name}`;
      checkProviderRules(type, kind === 'data', address, instances[name], out);
    }
    const provider = schemaForType(type);
    // A provider without prebuilt bindings here (random, null, a private one): nothing to hold it against.
    if (!provider) continue;
    const schema = kind === 'resource' ? provider.resources[type] : provider.dataSources[type];
    for (const name of Object.keys(instances).sort()) {
      const address = kind === 'resource' ? `${type}.${name}` : `data.${type}.${name}`;
      if (!schema) {
        // A hand-written schema lists only the types the library emits.
        if (provider.partial) continue;
        const what = kind === 'resource' ? 'resource type' : 'data source';
        out.push({ address, attribute: '', message: `${type} is not a ${what} of the ${provider.provider} provider ${provider.providerVersion} (${provider.packageName}@${provider.packageVersion})` });
        continue;
      }
      const ctx: Context = { address, type: kind === 'resource' ? type : undefined, out };
      checkBody(ctx, instances[name], schema, '', '', true);
    }
  }
}

function checkProviders(section: unknown, out: Violation[]): void {
  if (!isObject(section)) return;
  for (const name of Object.keys(section).sort()) {
    const provider = loadForProvider(name);
    if (!provider) continue;
    const value = section[name];
    const configs = Array.isArray(value) ? value : [value];
    configs.forEach((config, i) => {
      const alias = isObject(config) && typeof config.alias === 'string' ? `.${config.alias}` : configs.length > 1 ? `[${i}]` : '';
      const ctx: Context = { address: `provider.${name}${alias}`, type: undefined, out };
      checkBody(ctx, config, provider.providerConfig, '', '', false, PROVIDER_META);
    });
  }
}

function loadForProvider(name: string): ProviderSchema | undefined {
  // Any type of the provider resolves its package; the provider name alone is its prefix.
  return schemaForType(`${name}_`);
}

interface Context {
  readonly address: string;
  /** Resource type, for deprecations (undefined for data sources and providers). */
  readonly type: string | undefined;
  readonly out: Violation[];
}

/**
 * @param path the JSON path shown to users, with indices (`web.implicit_grant[0]`)
 * @param schemaPath the path without indices, as the deprecation table names it
 */
function checkBody(ctx: Context, body: unknown, schema: BlockSchema, path: string, schemaPath: string, topLevel: boolean, meta?: Set<string>): void {
  if (!isObject(body)) {
    report(ctx, path, `must be a JSON object, got ${describe(body)}`);
    return;
  }
  const dynamic = new Set<string>();
  for (const key of Object.keys(body)) {
    const value = body[key];
    if (key === METADATA_KEY || value === undefined) continue;
    if (topLevel && META_ARGUMENTS.has(key)) continue;
    if (meta?.has(key)) continue;
    const at = join(path, key);
    const schemaAt = join(schemaPath, key);
    if (key === 'dynamic' && schema.attributes.dynamic === undefined) {
      checkDynamic(ctx, value, schema, at, schemaPath, dynamic);
      continue;
    }
    const attribute = schema.attributes[key];
    const block = schema.blocks[key];
    if (!attribute && !block) {
      report(ctx, at, `is not an argument of ${where(ctx, schemaPath)}; the schema has ${listNames(schema)}`);
      continue;
    }
    checkDeprecated(ctx, at, schemaAt);
    if (attribute) checkAttribute(ctx, value, attribute, at, schemaAt);
    else checkBlock(ctx, value, block!, at, schemaAt);
  }
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (attribute.required && (body[name] === undefined || body[name] === null)) {
      report(ctx, join(path, name), `is required by ${where(ctx, schemaPath)} (${describeKind(attribute)}) but is missing`);
    }
  }
  for (const [name, block] of Object.entries(schema.blocks)) {
    if (block.required && body[name] === undefined && !dynamic.has(name)) {
      report(ctx, join(path, name), `is a required block of ${where(ctx, schemaPath)} but is missing`);
    }
  }
}

function checkDynamic(ctx: Context, value: unknown, schema: BlockSchema, at: string, schemaPath: string, seen: Set<string>): void {
  if (!isObject(value)) {
    report(ctx, at, `must be a JSON object of dynamic blocks, got ${describe(value)}`);
    return;
  }
  for (const name of Object.keys(value)) {
    // A list of objects declared as an attribute (SDK v2 "attributes as blocks", e.g.
    // azurerm_key_vault.access_policy) is written with block syntax too, so it may be dynamic.
    const attribute = schema.attributes[name];
    const nested = schema.blocks[name]?.schema ?? (attribute?.element === 'object' ? attribute.nested : undefined);
    const blockAt = join(at, name);
    if (!nested) {
      report(ctx, blockAt, `generates '${name}', which is not a block of ${where(ctx, schemaPath)}; its blocks are ${names(schema.blocks)}`);
      continue;
    }
    seen.add(name);
    checkDeprecated(ctx, blockAt, join(schemaPath, name));
    const spec = value[name];
    // Dynamic blocks repeat `content` per element of `for_each`; the content is checked as one block.
    if (isObject(spec) && isObject(spec.content)) {
      checkBody(ctx, spec.content, nested, join(blockAt, 'content'), join(schemaPath, name), false);
    }
  }
}

function checkAttribute(ctx: Context, value: unknown, attribute: AttributeSchema, at: string, schemaAt: string): void {
  if (value === null || isExpression(value)) return;
  const problem = kindProblem(value, attribute.kind);
  if (problem) {
    report(ctx, at, `${problem}; the schema wants ${describeKind(attribute)}`);
    return;
  }
  if (attribute.kind === 'list' || attribute.kind === 'map') {
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [`${at}[${i}]`, v])
      : Object.entries(value as Record<string, unknown>).map(([k, v]) => [`${at}.${k}`, v]);
    for (const [elementAt, element] of entries) {
      if (element === null || isExpression(element)) continue;
      if (attribute.nested) {
        checkBody(ctx, element, attribute.nested, elementAt, schemaAt, false);
        continue;
      }
      const elementProblem = kindProblem(element, attribute.element ?? 'any');
      if (elementProblem) report(ctx, elementAt, `${elementProblem}; the schema wants ${describeKind(attribute)}`);
    }
  } else if (attribute.kind === 'object' && attribute.nested) {
    checkBody(ctx, value, attribute.nested, at, schemaAt, false);
  }
}

function checkBlock(ctx: Context, value: unknown, block: NestedBlockSchema, at: string, schemaAt: string): void {
  if (Array.isArray(value)) {
    if (block.maxOne && value.length > 1) {
      report(ctx, at, `is a block that takes at most one item, got ${value.length}`);
    }
    value.forEach((item, i) => checkBody(ctx, item, block.schema, `${at}[${i}]`, schemaAt, false));
    return;
  }
  if (isObject(value)) {
    checkBody(ctx, value, block.schema, at, schemaAt, false);
    return;
  }
  report(ctx, at, `is a nested block and must be a JSON object or an array of objects (use a dynamic block to compute it), got ${describe(value)}`);
}

function checkDeprecated(ctx: Context, at: string, schemaAt: string): void {
  if (!ctx.type) return;
  const deprecated = DEPRECATIONS.get(`${ctx.type} ${schemaAt}`);
  if (deprecated) report(ctx, at, `is deprecated: use ${deprecated.replacement} instead (${deprecated.reason})`);
}

function kindProblem(value: unknown, kind: AttributeKind): string | undefined {
  switch (kind) {
    case 'any': return undefined;
    case 'string': return typeof value === 'string' ? undefined : `got ${describe(value)}`;
    case 'number': return typeof value === 'number' ? undefined : `got ${describe(value)}`;
    case 'bool': return typeof value === 'boolean' ? undefined : `got ${describe(value)}`;
    case 'list': return Array.isArray(value) ? undefined : `got ${describe(value)}`;
    case 'map':
    case 'object': return isObject(value) ? undefined : `got ${describe(value)}`;
  }
}

/**
 * A Terraform template (`"${aws_x.y.id}"`, `"prefix-${var.x}"`) may stand for any type: a token
 * can resolve to a list, a number, a bool or a map at plan time.
 */
function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

function describeKind(attribute: AttributeSchema): string {
  const required = attribute.required ? 'required ' : '';
  switch (attribute.kind) {
    case 'string': return `a ${required}string`;
    case 'number': return `a ${required}JSON number`;
    case 'bool': return `a ${required}JSON boolean`;
    case 'any': return `a ${required}value of any type`;
    case 'object': return `a ${required}JSON object`;
    case 'list': return `a ${required}list or set (JSON array) of ${plural(attribute.element)}`;
    case 'map': return `a ${required}map (JSON object) of ${plural(attribute.element)}`;
  }
}

function plural(kind: AttributeKind | undefined): string {
  switch (kind) {
    case 'string': return 'strings';
    case 'number': return 'numbers';
    case 'bool': return 'booleans';
    case 'object': return 'objects';
    case 'list': return 'lists';
    case 'map': return 'maps';
    default: return 'values';
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a JSON array (${truncate(JSON.stringify(value))})`;
  if (typeof value === 'object') return `a JSON object (${truncate(JSON.stringify(value))})`;
  if (typeof value === 'string') return `the string ${truncate(JSON.stringify(value))}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return typeof value;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function where(ctx: Context, schemaPath: string): string {
  const owner = ctx.address.split('.').slice(0, ctx.address.startsWith('data.') ? 2 : 1).join('.');
  return schemaPath ? `block '${schemaPath}' of ${owner}` : owner;
}

function listNames(schema: BlockSchema): string {
  const attributes = names(schema.attributes);
  const blocks = names(schema.blocks);
  return `attributes ${attributes} and blocks ${blocks}`;
}

function names(record: object): string {
  const keys = Object.keys(record).sort();
  if (keys.length === 0) return '(none)';
  const shown = keys.slice(0, 30).join(', ');
  return keys.length > 30 ? `${shown}, … (${keys.length} in all)` : shown;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function report(ctx: Context, attribute: string, message: string): void {
  ctx.out.push({ address: ctx.address, attribute, message: `${attribute || ctx.address} ${message}` });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
