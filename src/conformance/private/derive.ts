import type { AttributeKind, AttributeSchema, BlockSchema, NestedBlockSchema, ProviderSchema } from './schema-types';

// The subset of the jsii assembly format (@jsii/spec) that the derivation reads.
interface JsiiTypeRef {
  readonly primitive?: string;
  readonly fqn?: string;
  readonly collection?: { readonly kind: string; readonly elementtype: JsiiTypeRef };
  readonly union?: { readonly types: JsiiTypeRef[] };
}
interface JsiiDocs {
  readonly summary?: string;
  readonly remarks?: string;
}
interface JsiiProperty {
  readonly name: string;
  readonly optional?: boolean;
  readonly static?: boolean;
  readonly type: JsiiTypeRef;
  readonly docs?: JsiiDocs;
}
interface JsiiType {
  readonly fqn: string;
  readonly kind: string;
  readonly base?: string;
  readonly datatype?: boolean;
  readonly interfaces?: string[];
  readonly docs?: JsiiDocs;
  readonly properties?: JsiiProperty[];
  readonly initializer?: { readonly parameters?: { readonly name: string; readonly type: JsiiTypeRef }[] };
}
export interface JsiiAssembly {
  readonly name: string;
  readonly version: string;
  readonly types: { readonly [fqn: string]: JsiiType };
}

const RESOURCE_BASE = 'cdktf.TerraformResource';
const DATA_SOURCE_BASE = 'cdktf.TerraformDataSource';
const PROVIDER_BASE = 'cdktf.TerraformProvider';
const RESOLVABLE = 'cdktf.IResolvable';

/**
 * The registry link every generated class and config property carries in its docs: the anchor is
 * the Terraform argument name, the link text the resource type. The bindings rename arguments
 * that clash with JavaScript or cdktf names (`count` → `countValue`), so the link is the only
 * reliable source of the snake_case name.
 */
const REGISTRY_LINK = /\{@link https?:\/\/registry\.terraform\.io\/providers\/[^/\s]+\/([^/\s]+)\/([^/\s]+)\/docs(?:\/(resources|data-sources)\/[^\s#}]+)?\s+([A-Za-z0-9_]+)\}/;
const ANCHOR = /\{@link https?:\/\/\S+#([A-Za-z0-9_]+)\s[^}]*\}/;
const BLOCK_SUMMARY = /^[A-Za-z0-9_]+ block\.$/;

/**
 * Derives the compact schema of every resource, data source and the provider configuration
 * from the jsii assembly of a prebuilt provider package (`@cdktf/provider-*`).
 */
export function deriveProviderSchema(assembly: JsiiAssembly, format: number): ProviderSchema {
  const types = assembly.types;
  const memo = new Map<string, BlockSchema>();
  const resources: Record<string, BlockSchema> = {};
  const dataSources: Record<string, BlockSchema> = {};
  let providerConfig: BlockSchema = { attributes: {}, blocks: {} };
  let provider = assembly.name.replace(/^@cdktf\/provider-/, '');
  let providerVersion = '';

  for (const type of Object.values(types)) {
    if (type.kind !== 'class') continue;
    const base = type.base;
    if (base !== RESOURCE_BASE && base !== DATA_SOURCE_BASE && base !== PROVIDER_BASE) continue;
    const link = REGISTRY_LINK.exec(type.docs?.summary ?? '');
    if (!link) throw new Error(`${type.fqn}: no registry link in its docs summary to take the Terraform type from`);
    const config = type.initializer?.parameters?.find((p) => p.name === 'config');
    const schema = config?.type.fqn ? blockOf(types, config.type.fqn, memo, 0) : { attributes: {}, blocks: {} };
    if (base === PROVIDER_BASE) {
      provider = link[4];
      providerVersion = link[2];
      providerConfig = schema;
    } else if (base === RESOURCE_BASE) {
      resources[link[4]] = schema;
    } else {
      dataSources[link[4]] = schema;
    }
  }
  return {
    format,
    packageName: assembly.name,
    packageVersion: assembly.version,
    provider,
    providerVersion,
    providerConfig,
    resources,
    dataSources,
  };
}

function blockOf(types: JsiiAssembly['types'], fqn: string, memo: Map<string, BlockSchema>, depth: number): BlockSchema {
  const known = memo.get(fqn);
  if (known) return known;
  if (depth > 32) throw new Error(`${fqn}: nested deeper than any Terraform schema`);
  const attributes: Record<string, AttributeSchema> = {};
  const blocks: Record<string, NestedBlockSchema> = {};
  for (const property of propertiesOf(types, fqn)) {
    const docs = `${property.docs?.summary ?? ''} ${property.docs?.remarks ?? ''}`;
    const name = ANCHOR.exec(docs)?.[1] ?? snakeCase(property.name);
    const required = property.optional !== true;
    const type = withoutResolvable(property.type);
    const struct = structOf(types, type);
    const elementStruct = type.collection ? structOf(types, type.collection.elementtype) : undefined;
    if (BLOCK_SUMMARY.test(property.docs?.summary ?? '') && (struct || elementStruct)) {
      const nested = blockOf(types, (struct ?? elementStruct)!, memo, depth + 1);
      blocks[name] = compact({ schema: nested, maxOne: struct !== undefined || undefined, required: required || undefined });
      continue;
    }
    attributes[name] = attributeOf(types, type, required, memo, depth);
  }
  const schema = { attributes, blocks };
  memo.set(fqn, schema);
  return schema;
}

function attributeOf(types: JsiiAssembly['types'], type: JsiiTypeRef, required: boolean, memo: Map<string, BlockSchema>, depth: number): AttributeSchema {
  const req = required || undefined;
  const struct = structOf(types, type);
  if (struct) return compact({ kind: 'object', required: req, nested: blockOf(types, struct, memo, depth + 1) });
  if (type.collection) {
    const kind: AttributeKind = type.collection.kind === 'map' ? 'map' : 'list';
    const element = withoutResolvable(type.collection.elementtype);
    const elementStruct = structOf(types, element);
    if (elementStruct) return compact({ kind, required: req, element: 'object', nested: blockOf(types, elementStruct, memo, depth + 1) });
    return compact({ kind, required: req, element: kindOf(element) });
  }
  return compact({ kind: kindOf(type), required: req });
}

function kindOf(type: JsiiTypeRef): AttributeKind {
  switch (type.primitive) {
    case 'string': return 'string';
    case 'number': return 'number';
    case 'boolean': return 'bool';
    default: break;
  }
  if (type.collection) return type.collection.kind === 'map' ? 'map' : 'list';
  return 'any';
}

/** `boolean | IResolvable` is a boolean; `IResolvable | Foo[]` is a list of Foo. */
function withoutResolvable(type: JsiiTypeRef): JsiiTypeRef {
  if (!type.union) return type;
  const rest = type.union.types.filter((t) => t.fqn !== RESOLVABLE);
  return rest.length === 1 ? withoutResolvable(rest[0]) : { primitive: 'any' };
}

function structOf(types: JsiiAssembly['types'], type: JsiiTypeRef): string | undefined {
  if (!type.fqn) return undefined;
  const t = types[type.fqn];
  return t && t.kind === 'interface' && t.datatype ? t.fqn : undefined;
}

/** Own and inherited properties of a struct, except cdktf's (the meta-arguments). */
function propertiesOf(types: JsiiAssembly['types'], fqn: string): JsiiProperty[] {
  const t = types[fqn];
  if (!t) return [];
  const inherited = (t.interfaces ?? []).filter((i) => types[i] !== undefined).flatMap((i) => propertiesOf(types, i));
  return [...inherited, ...(t.properties ?? []).filter((p) => !p.static)];
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Drops undefined fields so the cache stays small and the objects compare cleanly. */
function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
