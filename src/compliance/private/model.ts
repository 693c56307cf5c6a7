import { DefaultTokenResolver, ResolveOptions, StringConcat, TerraformDataSource, TerraformResource, TerraformStack, Token, Tokenization } from 'cdktf';

/**
 * One Terraform resource as the checker sees it: its synthesized (resolved, snake_case)
 * attributes plus where it lives in the construct tree.
 */
export interface ResourceView {
  /** Terraform type, e.g. `azurerm_key_vault`. */
  readonly type: string;
  /** Terraform name (the resource's friendly unique id). */
  readonly name: string;
  /** `type.name`, how other resources reference it. */
  readonly address: string;
  /** The construct; acknowledgements are looked up on it and its ancestors. */
  readonly construct: TerraformResource;
  /** Construct path, for messages. */
  readonly path: string;
  /** Resolved attributes; `undefined` when the resource could not be resolved at all. */
  readonly config: Record<string, any>;
}

const RESOLVER = new DefaultTokenResolver(new StringConcat());
const REFERENCE = /\$\{([^}]*)\}/g;
const ADDRESS = /\b((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)/g;

/**
 * The synthesized view of one stack, plus the cross-resource lookups the rules need
 * (endpoints of a resource, diagnostic settings of a resource, dependency order).
 *
 * Built once per check run from `toTerraform()` of every element, resolved through the stack,
 * so escape-hatch overrides are seen exactly as Terraform will see them.
 */
export class StackModel {
  public readonly resources: ResourceView[] = [];
  /** Resources that could not be resolved; reported, never a crash. */
  public readonly unresolvable: string[] = [];
  private readonly byAddress = new Map<string, ResourceView>();
  private readonly dataByAddress = new Map<string, Record<string, any>>();
  private readonly edges = new Map<string, Set<string>>();

  constructor(public readonly stack: TerraformStack) {
    for (const node of stack.node.findAll()) {
      if (node instanceof TerraformResource) {
        this.addResource(node);
      } else if (node instanceof TerraformDataSource) {
        const resolved = this.tryResolve(node);
        const body = resolved?.data?.[node.terraformResourceType]?.[node.friendlyUniqueId];
        if (body) this.dataByAddress.set(`data.${node.terraformResourceType}.${node.friendlyUniqueId}`, body);
      }
    }
    for (const r of this.resources) {
      this.edges.set(r.address, this.referencesOf(r));
    }
  }

  /** Every resource of the given Terraform types, in construct-tree order. */
  public ofType(...types: string[]): ResourceView[] {
    return this.resources.filter((r) => types.includes(r.type));
  }

  public get(address: string): ResourceView | undefined {
    return this.byAddress.get(address);
  }

  /** Attributes of a data source by `data.type.name`. */
  public dataSource(address: string): Record<string, any> | undefined {
    return this.dataByAddress.get(address);
  }

  /** The resources of `types` whose attribute `attribute` references `target` (e.g. endpoints of a vault). */
  public referencing(types: string[], target: ResourceView, read: (r: ResourceView) => unknown[]): ResourceView[] {
    return this.ofType(...types).filter((r) => read(r).some((v) => refersTo(v, target)));
  }

  /** True when Terraform creates `from` only after `to` (directly or through other resources). */
  public dependsOn(from: ResourceView, to: ResourceView): boolean {
    const seen = new Set<string>();
    const stack = [from.address];
    while (stack.length > 0) {
      const current = stack.pop()!;
      for (const next of this.edges.get(current) ?? []) {
        if (next === to.address) return true;
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return false;
  }

  /** The resource a value such as `${azurerm_private_dns_zone.x.id}` points at, if any in this stack. */
  public target(value: unknown): ResourceView | undefined {
    if (typeof value !== 'string') return undefined;
    const m = /^\$\{([a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)\.[a-z_]+\}$/.exec(value);
    return m ? this.byAddress.get(m[1]) : undefined;
  }

  /** Same for data sources: `${data.azurerm_private_dns_zone.x.id}`. */
  public dataTarget(value: unknown): Record<string, any> | undefined {
    if (typeof value !== 'string') return undefined;
    const m = /^\$\{(data\.[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)\.[a-z_]+\}$/.exec(value);
    return m ? this.dataByAddress.get(m[1]) : undefined;
  }

  private addResource(node: TerraformResource): void {
    const type = node.terraformResourceType;
    const name = node.friendlyUniqueId;
    const resolved = this.tryResolve(node);
    const config = resolved?.resource?.[type]?.[name];
    if (!config) {
      // A resource that moved away has no body; one that failed to resolve is recorded.
      if (resolved === undefined) this.unresolvable.push(node.node.path);
      return;
    }
    const view: ResourceView = { type, name, address: `${type}.${name}`, construct: node, path: node.node.path, config };
    this.resources.push(view);
    this.byAddress.set(view.address, view);
  }

  private tryResolve(node: TerraformResource | TerraformDataSource): any {
    try {
      return resolveLikeCdktf(node.toTerraform(), { scope: this.stack, preparing: false, resolver: RESOLVER });
    } catch {
      return undefined;
    }
  }

  private referencesOf(r: ResourceView): Set<string> {
    const out = new Set<string>();
    const { depends_on: dependsOn, ...rest } = r.config;
    for (const dep of asArray(dependsOn)) {
      if (typeof dep === 'string') out.add(dep.replace(/^\$\{(.*)\}$/, '$1'));
    }
    const text = JSON.stringify(rest);
    for (const expr of text.matchAll(REFERENCE)) {
      for (const m of expr[1].matchAll(ADDRESS)) {
        if (this.byAddress.has(m[1])) out.add(m[1]);
      }
    }
    out.delete(r.address);
    return out;
  }
}

/** What cdktf's resolver looks for in a string: a token marker (`${TfToken[`, `#{TfToken[`, `&{TfToken[`). */
const TOKEN_MARKER = 'TfToken[';
/** cdktf's own pattern for a number token written into a string (its `TokenString.forNumbers`). */
const NUMBER_IN_STRING = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/;

/**
 * `Tokenization.resolve(value, options)`, with the same result in less time.
 *
 * cdktf's resolver builds a resolution context and re-tests every string and object key of the
 * plain data around the tokens, and an element's `toTerraform()` is mostly plain data. This walks
 * the plain part itself and hands every value that is or may hold a token, whole, to
 * `Tokenization.resolve` with the same options. Those values resolve exactly as before: the
 * context cdktf would give them is the top-level one too, since plain data changes nothing in it.
 * Whatever the tests here are unsure about goes to cdktf: a string with a token marker or with
 * what cdktf would try as a number token, a number token, an array with a list token, a
 * resolvable or map token, a construct, a key with a marker. Undefined values are dropped, as
 * cdktf drops them. Errors are cdktf's own; only the path in their message is the value's rather
 * than its place in the element (`tryResolve` records such a resource as unresolvable either way).
 *
 * Measured on the default PrivateChat stack: a model build takes 8-10 ms instead of 12-13 ms in
 * a warmed-up process, and the rule pack's share of the five lines' synth went from about 27 ms
 * to about 21 ms. test/compliance/model-resolve.test.ts checks the equality on every element of
 * every example and on each kind of token.
 */
export function resolveLikeCdktf(value: unknown, options: ResolveOptions): any {
  if (value === undefined || value === null) return value;
  switch (typeof value) {
    case 'string':
      return mayHoldToken(value) ? Tokenization.resolve(value, options) : value;
    case 'number':
      return Token.isUnresolved(value) || value === Token.NUMBER_MAP_TOKEN_VALUE ? Tokenization.resolve(value, options) : value;
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      return Tokenization.resolve(value, options); // functions: cdktf's error
  }
  if (value instanceof Date) return value;
  if (Array.isArray(value)) {
    if (value.some(isListTokenElement)) return Tokenization.resolve(value, options);
    const out: unknown[] = [];
    for (const item of value) {
      const resolved = resolveLikeCdktf(item, options);
      if (resolved !== undefined) out.push(resolved);
    }
    return out;
  }
  const record = value as Record<string, unknown>;
  if (Token.isUnresolved(record) || isConstruct(record)) return Tokenization.resolve(record, options);
  const keys = Object.keys(record);
  if (keys.some(mayHoldToken)) return Tokenization.resolve(record, options);
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const resolved = resolveLikeCdktf(record[key], options);
    if (resolved !== undefined) out[key] = resolved;
  }
  return out;
}

function mayHoldToken(s: string): boolean {
  return s.includes(TOKEN_MARKER) || NUMBER_IN_STRING.test(s) || s === Token.STRING_MAP_TOKEN_VALUE || s === Token.ANY_MAP_TOKEN_VALUE;
}

/** A string or number list token among an array's elements (cdktf resolves such arrays whole). */
function isListTokenElement(x: unknown): boolean {
  return (typeof x === 'string' && mayHoldToken(x)) || (typeof x === 'number' && Token.isUnresolved([x]));
}

/** cdktf refuses to resolve a construct; the check is its own (`_children` and `_metadata`). */
function isConstruct(x: Record<string, unknown>): boolean {
  return x._children !== undefined && x._metadata !== undefined;
}

/** True when `value` is or contains a Terraform reference to `target` (any attribute). */
export function refersTo(value: unknown, target: ResourceView): boolean {
  if (typeof value !== 'string') return false;
  for (const expr of value.matchAll(REFERENCE)) {
    for (const m of expr[1].matchAll(ADDRESS)) {
      if (m[1] === target.address) return true;
    }
  }
  return false;
}

/** Nested blocks come out as an object or a list of objects; rules always want a list. */
export function blocks(value: unknown): Record<string, any>[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
}

/** The first block, or an empty object. */
export function block(value: unknown): Record<string, any> {
  return blocks(value)[0] ?? {};
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A Terraform expression the checker cannot evaluate (a variable, a function call, another resource's attribute). */
export function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}
