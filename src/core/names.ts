import { createHash } from 'crypto';
import { Fn, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { conventionalName } from './naming';
import { clientConfig } from './private/client-config';
import { checkField, checkIntRange, checkNotBlank, checkShape, is, isUnresolved, propError } from './private/validate';

/** Options for an {@link AzureNameRule}. */
export interface AzureNameRuleOptions {
  /** Resource type as Azure documents it, used in error messages (e.g. `Key Vault`). */
  readonly resourceType: string;
  /** Shortest name Azure accepts. */
  readonly minLength: number;
  /** Longest name Azure accepts. */
  readonly maxLength: number;
  /** Regular expression (source text) a whole name must match. */
  readonly pattern: string;
  /** Plain-language description of `pattern`, for error messages. */
  readonly description: string;
  /**
   * Whether generated names must be lowercase.
   *
   * @default false
   */
  readonly lowercase?: boolean;
  /**
   * Whether hyphens are allowed in generated names.
   *
   * @default true
   */
  readonly allowHyphens?: boolean;
  /**
   * Compile `pattern` with the `u` flag, so that Unicode property escapes such as `\p{L}`
   * (any letter) and `\p{Nd}` (any decimal digit) work.
   *
   * @default false
   */
  readonly unicode?: boolean;
}

/** Longest resource name any Azure resource type accepts (a bound for rule lengths). */
const MAX_RULE_LENGTH = 1024;

/**
 * Azure's naming rules for one resource type: length, character set and shape.
 *
 * Used both to validate names users pass in and to shape the names the library derives.
 *
 * @see https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
 */
export class AzureNameRule {
  /**
   * Resource group: 1-90 characters, Unicode letters and digits, `-_.()`, not ending in a period.
   *
   * Azure allows any character that .NET's `Char.IsLetterOrDigit` accepts (`rg-données`, `rg-日本`).
   */
  public static readonly RESOURCE_GROUP = new AzureNameRule({
    resourceType: 'resource group',
    minLength: 1,
    maxLength: 90,
    unicode: true,
    pattern: '^[-_.()\\p{L}\\p{Nd}]*[-_()\\p{L}\\p{Nd}]$',
    description: 'letters, digits, underscores, hyphens, periods and parentheses, not ending in a period',
  });
  /** Virtual network: 2-64 characters. */
  public static readonly VIRTUAL_NETWORK = new AzureNameRule({
    resourceType: 'virtual network',
    minLength: 2,
    maxLength: 64,
    pattern: '^[A-Za-z0-9][-\\w.]*\\w$',
    description: 'letters, digits, underscores, periods and hyphens; start with a letter or digit, end with a letter, digit or underscore',
  });
  /** Subnet: 1-80 characters. */
  public static readonly SUBNET = new AzureNameRule({
    resourceType: 'subnet',
    minLength: 1,
    maxLength: 80,
    pattern: '^[A-Za-z0-9]([-\\w.]*\\w)?$',
    description: 'letters, digits, underscores, periods and hyphens; start with a letter or digit, end with a letter, digit or underscore',
  });
  /** Network security group and other network resources: 1-80 characters. */
  public static readonly NETWORK_RESOURCE = new AzureNameRule({
    resourceType: 'network resource',
    minLength: 1,
    maxLength: 80,
    pattern: '^[A-Za-z0-9]([-\\w.]*\\w)?$',
    description: 'letters, digits, underscores, periods and hyphens; start with a letter or digit, end with a letter, digit or underscore',
  });
  /** Private endpoint: 2-64 characters. */
  public static readonly PRIVATE_ENDPOINT = new AzureNameRule({
    resourceType: 'private endpoint',
    minLength: 2,
    maxLength: 64,
    pattern: '^[A-Za-z0-9][-\\w.]*\\w$',
    description: 'letters, digits, underscores, periods and hyphens; start with a letter or digit, end with a letter, digit or underscore',
  });
  /** Log Analytics workspace: 4-63 characters, letters, digits and hyphens, not starting or ending with a hyphen. */
  public static readonly LOG_ANALYTICS_WORKSPACE = new AzureNameRule({
    resourceType: 'Log Analytics workspace',
    minLength: 4,
    maxLength: 63,
    pattern: '^[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]$',
    description: 'letters, digits and hyphens, starting and ending with a letter or digit',
  });
  /** Cognitive Services account and its custom subdomain: 2-64 characters, lowercase letters, digits and hyphens. Globally unique. */
  public static readonly COGNITIVE_ACCOUNT = new AzureNameRule({
    resourceType: 'AI account',
    minLength: 2,
    maxLength: 64,
    lowercase: true,
    pattern: '^[a-z0-9][a-z0-9-]*[a-z0-9]$',
    description: 'lowercase letters, digits and hyphens, starting and ending with a letter or digit',
  });
  /** Model deployment: 2-64 characters. */
  public static readonly COGNITIVE_DEPLOYMENT = new AzureNameRule({
    resourceType: 'model deployment',
    minLength: 2,
    maxLength: 64,
    pattern: '^[A-Za-z0-9][-\\w.]*$',
    description: 'letters, digits, underscores, periods and hyphens, starting with a letter or digit',
  });
  /** Foundry project (`azurerm_cognitive_account_project`): 2-64 characters, unique within its account. */
  public static readonly FOUNDRY_PROJECT = new AzureNameRule({
    resourceType: 'Foundry project',
    minLength: 2,
    maxLength: 64,
    pattern: '^[A-Za-z0-9][-\\w.]*$',
    description: 'letters, digits, underscores, periods and hyphens, starting with a letter or digit',
  });
  /** Content filter (RAI policy): 2-64 characters. */
  public static readonly RAI_POLICY = new AzureNameRule({
    resourceType: 'content filter policy',
    minLength: 2,
    maxLength: 64,
    pattern: '^[A-Za-z0-9][-\\w]*$',
    description: 'letters, digits, underscores and hyphens, starting with a letter or digit',
  });
  /** Key Vault: 3-24 characters, letters, digits and hyphens, starting with a letter, no consecutive hyphens. Globally unique. */
  public static readonly KEY_VAULT = new AzureNameRule({
    resourceType: 'Key Vault',
    minLength: 3,
    maxLength: 24,
    lowercase: true,
    pattern: '^[A-Za-z](?!.*--)[A-Za-z0-9-]*[A-Za-z0-9]$',
    description: 'letters, digits and hyphens, starting with a letter, ending with a letter or digit, without consecutive hyphens',
  });
  /** Key Vault secret: 1-127 characters, letters, digits and hyphens. */
  public static readonly KEY_VAULT_SECRET = new AzureNameRule({
    resourceType: 'Key Vault secret',
    minLength: 1,
    maxLength: 127,
    pattern: '^[A-Za-z0-9-]+$',
    description: 'letters, digits and hyphens',
  });
  /** App Service plan: 1-60 characters. */
  public static readonly SERVICE_PLAN = new AzureNameRule({
    resourceType: 'App Service plan',
    minLength: 1,
    maxLength: 60,
    pattern: '^[A-Za-z0-9-]+$',
    description: 'letters, digits and hyphens',
  });
  /** Web app: 2-60 characters, letters, digits and hyphens, not starting or ending with a hyphen. Globally unique. */
  public static readonly WEB_APP = new AzureNameRule({
    resourceType: 'web app',
    minLength: 2,
    maxLength: 60,
    lowercase: true,
    pattern: '^[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]$',
    description: 'letters, digits and hyphens, starting and ending with a letter or digit',
  });
  /** User-assigned managed identity: 3-128 characters. */
  public static readonly USER_ASSIGNED_IDENTITY = new AzureNameRule({
    resourceType: 'managed identity',
    minLength: 3,
    maxLength: 128,
    pattern: '^[A-Za-z0-9][-\\w]*$',
    description: 'letters, digits, hyphens and underscores, starting with a letter or digit',
  });

  /** Key Vault key: 1-127 characters, letters, digits and hyphens. */
  public static readonly KEY_VAULT_KEY = new AzureNameRule({
    resourceType: 'Key Vault key',
    minLength: 1,
    maxLength: 127,
    pattern: '^[A-Za-z0-9-]+$',
    description: 'letters, digits and hyphens',
  });
  /**
   * PostgreSQL Flexible Server: 3-63 lowercase letters, digits and hyphens, not starting or
   * ending with a hyphen. Globally unique (`<name>.postgres.database.azure.com`).
   */
  public static readonly POSTGRESQL_SERVER = new AzureNameRule({
    resourceType: 'PostgreSQL flexible server',
    minLength: 3,
    maxLength: 63,
    lowercase: true,
    pattern: '^[a-z0-9][a-z0-9-]*[a-z0-9]$',
    description: 'lowercase letters, digits and hyphens, starting and ending with a letter or digit',
  });
  /** PostgreSQL database: 1-63 characters, starting with a letter or underscore. */
  public static readonly POSTGRESQL_DATABASE = new AzureNameRule({
    resourceType: 'PostgreSQL database',
    minLength: 1,
    maxLength: 63,
    pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
    description: 'letters, digits and underscores, starting with a letter or underscore',
  });
  /** Container registry: 5-50 letters and digits. Globally unique (`<name>.azurecr.io`). */
  public static readonly CONTAINER_REGISTRY = new AzureNameRule({
    resourceType: 'container registry',
    minLength: 5,
    maxLength: 50,
    lowercase: true,
    allowHyphens: false,
    pattern: '^[A-Za-z0-9]+$',
    description: 'letters and digits',
  });
  /**
   * API Management service: 1-50 letters, digits and hyphens, starting with a letter and ending
   * with a letter or digit. Globally unique (`<name>.azure-api.net`).
   *
   * @see https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftapimanagement
   */
  public static readonly API_MANAGEMENT = new AzureNameRule({
    resourceType: 'API Management service',
    minLength: 1,
    maxLength: 50,
    lowercase: true,
    pattern: '^[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?$',
    description: 'letters, digits and hyphens, starting with a letter and ending with a letter or digit',
  });

  /**
   * Azure Monitor Private Link Scope and its scoped resources: 1-255 characters, letters, digits,
   * hyphens, underscores, periods and parentheses, not ending with a period.
   */
  public static readonly MONITOR_PRIVATE_LINK_SCOPE = new AzureNameRule({
    resourceType: 'Azure Monitor Private Link Scope',
    minLength: 1,
    maxLength: 255,
    pattern: '^[-\\w.()]*[-\\w()]$',
    description: 'letters, digits, hyphens, underscores, periods and parentheses, not ending with a period',
  });
  /**
   * Application Insights component: 1-260 characters, without `%&\\?/` or control characters, not
   * ending with a space or period. Derived names use letters, digits and hyphens only.
   */
  public static readonly APPLICATION_INSIGHTS = new AzureNameRule({
    resourceType: 'Application Insights component',
    minLength: 1,
    maxLength: 260,
    pattern: '^[^%&\\\\?/\\u0000-\\u001f]*[^%&\\\\?/\\u0000-\\u001f .]$',
    description: 'any characters except % & \\ ? / and control characters, not ending with a space or period',
  });
  /**
   * Storage account: 3-24 lowercase letters and digits. Globally unique
   * (`<name>.blob.core.windows.net`).
   *
   * @see https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftstorage
   */
  public static readonly STORAGE_ACCOUNT = new AzureNameRule({
    resourceType: 'storage account',
    minLength: 3,
    maxLength: 24,
    lowercase: true,
    allowHyphens: false,
    pattern: '^[a-z0-9]+$',
    description: 'lowercase letters and digits',
  });
  /**
   * Blob container: 3-63 lowercase letters, digits and hyphens, starting and ending with a letter
   * or digit, no two hyphens in a row.
   *
   * @see https://learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata#container-names
   */
  public static readonly BLOB_CONTAINER = new AzureNameRule({
    resourceType: 'blob container',
    minLength: 3,
    maxLength: 63,
    lowercase: true,
    pattern: '^[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$',
    description: 'lowercase letters, digits and single hyphens, starting and ending with a letter or digit',
  });

  /** Resource type, for messages. */
  public readonly resourceType: string;
  /** Shortest allowed name. */
  public readonly minLength: number;
  /** Longest allowed name. */
  public readonly maxLength: number;
  /** Whether derived names are lowercased. */
  public readonly lowercase: boolean;
  /** Whether derived names may contain hyphens. */
  public readonly allowHyphens: boolean;
  private readonly regex: RegExp;
  private readonly description: string;
  private readonly unicode: boolean;

  constructor(options: AzureNameRuleOptions) {
    const owner = 'AzureNameRule';
    checkShape(owner, options, {
      resourceType: is.string(true),
      minLength: is.integer(true),
      maxLength: is.integer(true),
      pattern: is.string(true),
      description: is.string(true),
      lowercase: is.boolean(),
      allowHyphens: is.boolean(),
      unicode: is.boolean(),
    }, '', false);
    checkNotBlank(owner, 'resourceType', options.resourceType);
    checkNotBlank(owner, 'description', options.description);
    checkNotBlank(owner, 'pattern', options.pattern);
    checkIntRange(owner, 'minLength', options.minLength, 1, MAX_RULE_LENGTH);
    checkIntRange(owner, 'maxLength', options.maxLength, 1, MAX_RULE_LENGTH);
    if (options.minLength > options.maxLength) {
      throw propError(owner, 'minLength', `must not exceed 'maxLength' (${options.maxLength})`, options.minLength);
    }
    let regex: RegExp;
    try {
      regex = new RegExp(options.pattern, options.unicode ? 'u' : '');
    } catch (e) {
      throw propError(owner, 'pattern', `must be a valid JavaScript regular expression (${(e as Error).message})`, options.pattern);
    }
    this.resourceType = options.resourceType;
    this.minLength = options.minLength;
    this.maxLength = options.maxLength;
    this.lowercase = options.lowercase ?? false;
    this.allowHyphens = options.allowHyphens ?? true;
    this.regex = regex;
    this.unicode = options.unicode ?? false;
    this.description = options.description;
  }

  /**
   * Returns why `name` breaks this rule, or undefined when it is valid (or an unresolved token).
   */
  public check(name: string): string | undefined {
    if (isUnresolved(name)) return undefined;
    if (typeof name !== 'string') return `must be a string (${withArticle(this.resourceType)} name)`;
    // A Unicode rule counts characters (code points), as Azure does, not UTF-16 units.
    const length = this.unicode ? Array.from(name).length : name.length;
    if (length < this.minLength || length > this.maxLength) {
      return `must be ${this.minLength}-${this.maxLength} characters long for ${withArticle(this.resourceType)} (got ${length})`;
    }
    if (!this.regex.test(name)) return `must contain only ${this.description}`;
    return undefined;
  }

  /**
   * Throws a synth-time error naming `prop` when `name` breaks this rule.
   */
  public validate(scope: IConstruct, prop: string, name: string | undefined): void {
    if (name === undefined || isUnresolved(name)) return;
    const problem = this.check(name);
    if (problem) throw propError(scope as Construct, prop, problem, name);
  }
}

/**
 * Deterministic resource names derived from the construct path.
 *
 * Nothing random is involved: the same construct tree yields the same names on every synth,
 * so snapshots do not churn and upgrades do not rename (and so replace) resources.
 */
export class Names {
  /**
   * A stable hexadecimal hash of a construct's path.
   *
   * @param scope the construct
   * @param length number of hex characters (1-64)
   */
  public static hashOf(scope: IConstruct, length: number = 8): string {
    checkField('Names.hashOf', 'scope', scope, CONSTRUCT);
    checkField('Names.hashOf', 'length', length, is.integer(true));
    checkIntRange('Names.hashOf', 'length', length, 1, MAX_HASH_LENGTH);
    return stableHash(scope.node.path, length);
  }

  /**
   * A name unique within a resource group: `<prefix>-<construct id>-<hash of path>`, lowercase, shaped to the rule.
   *
   * Readable in the portal, and distinct for two constructs with the same id in different scopes.
   * A role-named id (`PrivateEndpoint`, `Identity`, `ServicePlan`…) is replaced by its parent's
   * id, so the AI account's endpoint is `pe-openai-…` rather than `pe-privateendpoint-…`.
   */
  public static local(scope: IConstruct, rule: AzureNameRule, prefix: string): string {
    checkFactoryArgs('Names.local', scope, rule, prefix, LOCAL_HASH_LENGTH);
    const hash = stableHash(scope.node.path, LOCAL_HASH_LENGTH);
    // A role-named id ('PrivateEndpoint' under 'OpenAi') says less than its parent's id does.
    const owner = ownerOf(scope);
    const label = sanitize(`${prefix}-${owner.node.id}`, rule).toLowerCase();
    const separator = rule.allowHyphens ? '-' : '';
    const room = rule.maxLength - hash.length - separator.length;
    const name = `${trimEnd(label.slice(0, room))}${separator}${hash}`;
    const problem = rule.check(name);
    if (problem) {
      throw propError('Names.local', 'rule', `cannot be met by a derived name for ${scope.node.path}: the name ${problem}; pass a name explicitly`, name);
    }
    return byConvention(scope, rule, prefix, name, false) ?? name;
  }

  /**
   * A name that must be unique across Azure (Key Vault, Azure OpenAI subdomain, web app).
   *
   * It is `<prefix>-<8 hex characters>`, where the hex is a hash of the subscription id and
   * the construct path. The subscription is part of the input because the construct path alone
   * is the same for every team that deploys the same example: two tenants would otherwise
   * fight over one name. The hash is a Terraform expression, so the synthesized JSON stays
   * byte-identical across runs while the name itself is fixed at plan time for a subscription.
   */
  public static globallyUnique(scope: IConstruct, rule: AzureNameRule, prefix: string): string {
    checkFactoryArgs('Names.globallyUnique', scope, rule, prefix, GLOBAL_HASH_LENGTH);
    const config = clientConfig(scope);
    const label = trimEnd(sanitize(prefix, rule).slice(0, rule.maxLength - GLOBAL_HASH_LENGTH - 1));
    const digest = Fn.substr(Fn.sha256(Fn.join('', [config.subscriptionId, `/${scope.node.path}`])), 0, GLOBAL_HASH_LENGTH);
    // Hyphen-free types (storage accounts, registries) join prefix and hash directly.
    const name = rule.allowHyphens ? `${label}-${digest}` : `${label}${digest}`;
    return byConvention(scope, rule, prefix, name, true) ?? name;
  }
}

/** The construct a name is about: a role-named part ('PrivateEndpoint', 'Identity', …) stands for its parent. */
function ownerOf(scope: IConstruct): IConstruct {
  const parent = scope.node.scope;
  return GENERIC_IDS.includes(scope.node.id) && parent && !TerraformStack.isStack(parent) ? parent : scope;
}

/** Data-plane names (vault secrets) are not Azure resources, so naming policies do not cover them. */
const NOT_BY_CONVENTION = (rule: AzureNameRule) => rule === AzureNameRule.KEY_VAULT_SECRET;

/** Names given by conventions per stack, to refuse two resources of one type with one name. */
const GIVEN = new WeakMap<TerraformStack, Map<string, string>>();

/**
 * The name the naming convention in force gives (see NamingConvention), checked against the rule
 * and against the other names it gave in the stack; undefined when there is none.
 */
function byConvention(scope: IConstruct, rule: AzureNameRule, prefix: string, defaultName: string, globallyUnique: boolean): string | undefined {
  if (NOT_BY_CONVENTION(rule)) return undefined;
  const [abbreviation, ...rest] = prefix.split('-');
  const role = rest.length > 0 ? rest.join('-') : sanitize(ownerOf(scope).node.id, rule).toLowerCase();
  const name = conventionalName(scope, {
    resourceType: rule.resourceType,
    abbreviation,
    role,
    constructPath: scope.node.path,
    defaultName,
    globallyUnique,
    hash: stableHash(scope.node.path, LOCAL_HASH_LENGTH),
    minLength: rule.minLength,
    maxLength: rule.maxLength,
    separatorsAllowed: rule.allowHyphens,
  }, (n) => rule.check(n));
  if (name === undefined || isUnresolved(name)) return name;
  const stack = TerraformStack.of(scope);
  const given = GIVEN.get(stack) ?? new Map<string, string>();
  GIVEN.set(stack, given);
  const key = `${rule.resourceType}|${name.toLowerCase()}`;
  const other = given.get(key);
  if (other !== undefined && other !== scope.node.path) {
    throw propError(scope as Construct, 'naming',
      `gives the ${rule.resourceType} the same name as the one of '${other}'; put {role} (or {hash}) in the pattern so that resources of one type differ`, name);
  }
  given.set(key, scope.node.path);
  return name;
}

const GLOBAL_HASH_LENGTH = 8;
const LOCAL_HASH_LENGTH = 6;
/** Hex characters of a sha256 digest. */
const MAX_HASH_LENGTH = 64;

const CONSTRUCT = is.reference(['node'], 'a construct', true);

/** Arguments of Names.local / Names.globallyUnique: a construct, a rule with room for the hash, a prefix. */
function checkFactoryArgs(owner: string, scope: unknown, rule: unknown, prefix: unknown, hashLength: number): void {
  checkField(owner, 'scope', scope, CONSTRUCT);
  checkField(owner, 'rule', rule, is.instance(AzureNameRule, 'an AzureNameRule (e.g. AzureNameRule.KEY_VAULT)', true));
  checkField(owner, 'prefix', prefix, is.string(true));
  const { maxLength, minLength, resourceType } = rule as AzureNameRule;
  // At least one label character, the separator and the hash.
  const needed = hashLength + 2;
  if (maxLength < needed) {
    throw propError(owner, 'rule', `must allow names of at least ${needed} characters (a label, '-' and a ${hashLength}-character hash); the ${resourceType} rule allows ${maxLength}`, `maxLength ${maxLength}`);
  }
  if (owner === 'Names.globallyUnique' && Math.max((prefix as string).length, 1) + 1 + hashLength < minLength) {
    throw propError(owner, 'prefix', `is too short for a ${resourceType} name of at least ${minLength} characters once the ${hashLength}-character hash is added`, prefix);
  }
}

/** Construct ids that name a part's role rather than the thing it belongs to. */
const GENERIC_IDS = ['Resource', 'Default', 'PrivateEndpoint', 'ContentFilter', 'Identity', 'ServicePlan', 'Diagnostics'];

/** sha256 of the text, hex, truncated. Same input, same output, on every machine. */
export function stableHash(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

function sanitize(text: string, rule: AzureNameRule): string {
  let out = text.replace(/[^A-Za-z0-9-]/g, '-');
  if (!rule.allowHyphens) out = out.replace(/-/g, '');
  out = out.replace(/-+/g, '-').replace(/^-+/, '');
  if (rule.lowercase) out = out.toLowerCase();
  if (!/^[A-Za-z]/.test(out)) out = `x${out}`;
  return out;
}

function trimEnd(text: string): string {
  return text.replace(/-+$/, '');
}

/** `a subnet`, `an AI account`: the article by the first letter, which fits every resource type named here. */
function withArticle(resourceType: string): string {
  return `${/^[aeiou]/i.test(resourceType) ? 'an' : 'a'} ${resourceType}`;
}
