import { Construct, IConstruct } from 'constructs';
import { NAMING_ABBREVIATIONS } from './private/abbreviations';
import { nearest } from './private/suggest';
import { checkField, checkShape, is, isUnresolved, propError, ruleError } from './private/validate';

/** What a naming convention is asked for: one Azure resource the library is about to name. */
export interface NameRequest {
  /** Azure resource type as the naming rules call it, e.g. `web app`, `Key Vault`. */
  readonly resourceType: string;
  /**
   * Short type prefix the library uses, after Microsoft's Cloud Adoption Framework
   * abbreviations: `rg`, `vnet`, `nsg`, `pe`, `kv`, `oai`, `app`, `asp`, `id`, `log`, …
   */
  readonly abbreviation: string;
  /**
   * What this resource is for, to tell apart resources of one type: `chat`, `openai`, `vault`,
   * `private-endpoints`, `app-integration`, … (lowercase).
   */
  readonly role: string;
  /** Construct path of the resource's construct. */
  readonly constructPath: string;
  /** The name the library would give it without a convention (may hold a Terraform expression). */
  readonly defaultName: string;
  /** Whether the name must be unique across Azure (Key Vault, web app, AI account subdomain). */
  readonly globallyUnique: boolean;
  /** Six hex characters of a stable hash of the construct path. */
  readonly hash: string;
  /** Shortest name Azure accepts for this type. */
  readonly minLength: number;
  /** Longest name Azure accepts for this type. */
  readonly maxLength: number;
  /**
   * Whether Azure accepts separators (hyphens) in this type's names. False for storage accounts
   * and container registries: `fromPattern` then drops the separators of its pattern.
   *
   * @default true
   */
  readonly separatorsAllowed?: boolean;
}

/**
 * Names resources by an organization's policy. Implement it for full control, or use
 * {@link NamingConvention.fromPattern}.
 */
export interface INamingConvention {
  /**
   * The name for one resource, or undefined to keep the library's default for it.
   *
   * The result is checked against Azure's rule for the type at synth.
   */
  nameFor(request: NameRequest): string | undefined;
}

/** Options of {@link NamingConvention.fromPattern}. */
export interface NamingPatternOptions {
  /**
   * Values of your own placeholders, e.g. `{ workload: 'chat', env: 'prod', region: 'weu', instance: '001' }`.
   *
   * @default - only the built-in placeholders
   */
  readonly values?: { [placeholder: string]: string };
  /**
   * A different pattern for some abbreviations, e.g. `{ kv: 'kv{workload}{env}{instance}' }`
   * for a type whose names must be short. For a type whose names may not hold separators
   * (storage account `st`, registry `cr`) the pattern's separators are dropped anyway.
   *
   * @default - the one pattern for every type
   */
  readonly patternsByAbbreviation?: { [abbreviation: string]: string };
  /**
   * Lowercase every name (most Azure names are case-insensitive; some policies want lowercase).
   *
   * @default true
   */
  readonly lowercase?: boolean;
}

/** Built-in placeholders of a naming pattern. */
const BUILT_IN = ['abbr', 'role', 'hash'];

const CONVENTIONS = new WeakMap<IConstruct, INamingConvention>();

/**
 * Naming conventions: how an enterprise's naming policy (e.g. `app-chat-prod-weu-001`) reaches
 * every resource the library names, instead of the default `<abbr>-<id>-<hash>`.
 *
 * A convention is set on a construct with {@link NamingConvention.applyTo} (or `PrivateChat`'s
 * `naming` prop) and applies to every construct below it. It changes names only: construct ids,
 * and so Terraform addresses, stay the same. Everything derived from a name follows it: the web
 * app's host name in the sign-in redirect URI and the app's private DNS record, the AI account's
 * endpoint, the vault URI.
 *
 * An explicit `name` prop on a construct still wins over the convention.
 *
 * @see https://learn.microsoft.com/azure/cloud-adoption-framework/ready/azure-best-practices/resource-naming
 */
export class NamingConvention {
  /**
   * A convention from a pattern with placeholders: `{abbr}` (the type abbreviation), `{role}`
   * (what the resource is for), `{hash}` (6 hex characters of the construct path) and your own
   * `values`.
   *
   * Two resources of one type must not end up with the same name: put `{role}` in the pattern
   * when a stack has several of a type (NSGs, private endpoints, DNS zone links).
   *
   * @example
   * NamingConvention.fromPattern('{abbr}-{workload}-{env}-{region}-{role}-{instance}', {
   *   values: { workload: 'chat', env: 'prod', region: 'weu', instance: '001' },
   * });
   */
  public static fromPattern(pattern: string, options: NamingPatternOptions = {}): INamingConvention {
    const label = 'NamingConvention.fromPattern';
    checkField(label, 'pattern', pattern, is.string(true));
    checkShape(label, options, {
      values: is.stringMap(), patternsByAbbreviation: is.stringMap(), lowercase: is.boolean(),
    }, 'options');
    const values = options.values ?? {};
    for (const key of Object.keys(values)) {
      if (BUILT_IN.includes(key)) throw propError(label, `options.values.${key}`, `must not redefine a built-in placeholder (${BUILT_IN.join(', ')})`, values[key]);
    }
    for (const [abbr, p] of Object.entries(options.patternsByAbbreviation ?? {})) {
      if (NAMING_ABBREVIATIONS.includes(abbr)) continue;
      // A key no resource asks for would be ignored: the user's pattern for that type never applies.
      const near = nearest(abbr, NAMING_ABBREVIATIONS, 3);
      const hint = near.length > 0 ? `did you mean ${near.map((n) => `'${n}'`).join(', ')}? ` : '';
      throw propError(label, `options.patternsByAbbreviation.${abbr}`, 'is not an abbreviation the library names resources with, so it would never apply '
        + `(${hint}known: ${NAMING_ABBREVIATIONS.join(', ')})`, p);
    }
    const patterns = { '*': pattern, ...(options.patternsByAbbreviation ?? {}) };
    for (const [abbr, p] of Object.entries(patterns)) {
      const prop = abbr === '*' ? 'pattern' : `options.patternsByAbbreviation.${abbr}`;
      if (p.trim() === '') throw propError(label, prop, 'must not be empty', p);
      for (const [, name] of p.matchAll(/\{([^{}]*)\}/g)) {
        if (!BUILT_IN.includes(name) && !(name in values)) {
          throw propError(label, prop, `uses the placeholder {${name}}, which is neither built in (${BUILT_IN.map((b) => `{${b}}`).join(', ')}) nor in options.values`, p);
        }
      }
    }
    return new PatternConvention(patterns, values, options.lowercase ?? true);
  }

  /**
   * Names every resource under `scope` by `convention`.
   *
   * A convention set deeper in the tree wins over one set higher up.
   */
  public static applyTo(scope: IConstruct, convention: INamingConvention): void {
    if (convention === null || typeof convention !== 'object' || typeof (convention as INamingConvention).nameFor !== 'function') {
      throw propError(scope as Construct, 'naming', 'must be an INamingConvention (an object with a nameFor(request) method, e.g. NamingConvention.fromPattern(...))', convention);
    }
    CONVENTIONS.set(scope, convention);
  }

  /** The convention in force for `scope`: its own, or its nearest ancestor's. */
  public static of(scope: IConstruct): INamingConvention | undefined {
    for (let c: IConstruct | undefined = scope; c; c = c.node.scope) {
      const found = CONVENTIONS.get(c);
      if (found) return found;
    }
    return undefined;
  }

  private constructor() {}
}

class PatternConvention implements INamingConvention {
  constructor(
    private readonly patterns: { [abbr: string]: string },
    private readonly values: { [key: string]: string },
    private readonly lowercase: boolean,
  ) {}

  public nameFor(request: NameRequest): string | undefined {
    const pattern = this.patterns[request.abbreviation] ?? this.patterns['*'];
    const all: { [key: string]: string } = { ...this.values, abbr: request.abbreviation, role: request.role, hash: request.hash };
    const name = pattern.replace(/\{([^{}]*)\}/g, (_, key: string) => all[key])
      // An empty value (e.g. an empty role) must not leave doubled or dangling separators.
      .replace(/([-_.])[-_.]+/g, '$1').replace(/^[-_.]+|[-_.]+$/g, '');
    // A type without separators (storage account, registry) gets the pattern without them, the
    // way the Cloud Adoption Framework writes such names (`stchatprodweu001`).
    const joined = request.separatorsAllowed === false ? name.replace(/[-_.]/g, '') : name;
    return this.lowercase ? joined.toLowerCase() : joined;
  }
}

/**
 * Asks the convention in force (if any) for a name, and checks what it returns.
 * Returns undefined when there is no convention or it keeps the default.
 *
 * @internal
 */
export function conventionalName(scope: IConstruct, request: NameRequest, check: (name: string) => string | undefined): string | undefined {
  const convention = NamingConvention.of(scope);
  if (!convention) return undefined;
  let name: string | undefined;
  try {
    name = convention.nameFor(request);
  } catch (e) {
    throw ruleError(scope as Construct, `the naming convention failed for the ${request.resourceType} (${request.abbreviation}/${request.role}): ${(e as Error).message}`);
  }
  if (name === undefined || name === null) return undefined;
  if (typeof name !== 'string') {
    throw propError(scope as Construct, 'naming', `must return a string (or undefined) for the ${request.resourceType}`, name);
  }
  if (isUnresolved(name)) return name;
  const problem = check(name);
  if (problem) {
    throw propError(scope as Construct, 'naming', `gave a name for the ${request.resourceType} (${request.abbreviation}/${request.role}) that Azure refuses: it ${problem}`, name);
  }
  return name;
}
