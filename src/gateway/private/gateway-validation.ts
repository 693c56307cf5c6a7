// AiGateway's props checks, and the defaults they share with the construct.
import { Construct } from 'constructs';
import { capacityBehind, checkLimitsAgainstCapacity, defaultTokensPerMinute, sameCapacity } from './capacity';
import { BREAKER_SHAPE, BreakerRule, breakerRuleFor } from './circuit-breaker';
import { IAiAccount } from '../../ai/ai-account-props';
import { AzureNameRule, stableHash } from '../../core/names';
import { checkPlacement } from '../../core/private/placement';
import { DNS_ZONES_REF, IDENTITY_REF, MONITOR_SCOPE_REF, MONITORING_REF, NETWORK_REF, AI_ACCOUNT_REF } from '../../core/private/references';
import { checkSameRegionAsNetwork } from '../../core/private/regions';
import { closest } from '../../core/private/suggest';
import {
  checkField, checkGuid, checkIntRange, checkNotBlank, checkResourceId, checkShape, checkTags, is, isUnresolved, Owner, propError, ruleError, Shape,
} from '../../core/private/validate';
import { IDatabricksServingEndpoint } from '../../databricks/serving-endpoint';
import { AiGatewayBackend, AiGatewayDatabricksBackend, AiGatewayProps, GatewayUserSource } from '../ai-gateway-props';

/** API Management tiers, and why each one that cannot be private the v2 way is refused. */
const SKU_FAMILIES: ReadonlyArray<{ readonly pattern: RegExp; readonly accepted: boolean; readonly why: string }> = [
  { pattern: /^StandardV2_([1-9]|10)$/, accepted: true, why: '' },
  { pattern: /^PremiumV2_([1-9]|1[0-9]|2[0-9]|30)$/, accepted: true, why: '' },
  { pattern: /^Consumption_0$/, accepted: false, why: 'Consumption has neither an inbound private endpoint nor VNet integration' },
  { pattern: /^BasicV2_/, accepted: false, why: 'Basic v2 has no inbound private endpoint' },
  { pattern: /^Basic_/, accepted: false, why: 'classic Basic has no outbound VNet integration to reach private backends' },
  {
    pattern: /^(Developer|Standard|Premium)_/,
    accepted: false,
    why: 'classic tiers reach private backends only through VNet injection, which takes 45 minutes or more to deploy and cannot be combined with a private endpoint; out of scope here',
  },
];
const ACCEPTED_SKUS = "'StandardV2_1'…'StandardV2_10' or 'PremiumV2_1'…'PremiumV2_30'";
export const DEFAULT_SKU = 'StandardV2_1';
export const DEFAULT_USER_HEADER = 'X-OpenWebUI-User-Email';
export const DEFAULT_TOKENS_PER_DAY = 500000;
/** Upper bound of the per-user limits, only to catch typos (a billion tokens). */
const MAX_TOKENS = 1_000_000_000;
const BACKEND_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,78}[A-Za-z0-9])?$/;
/** Header names are RFC 7230 tokens. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const BACKEND_SHAPE: Shape = {
  account: AI_ACCOUNT_REF(true),
  priority: is.integer(),
  name: is.string(),
};
const DATABRICKS_ENDPOINT_REF = is.reference(['workspace', 'endpointName', 'openAiBaseUrl', 'tokenAudience'],
  'a DatabricksServingEndpoint or DatabricksServingEndpoint.fromAttributes(...)', true);
const DATABRICKS_BACKEND_SHAPE: Shape = {
  endpoint: DATABRICKS_ENDPOINT_REF,
  modelName: is.string(),
  name: is.string(),
};
const LIMIT_SHAPE: Shape = {
  deployment: is.string(true),
  tokensPerMinutePerUser: is.integer(),
  tokensPerDayPerUser: is.integer(),
};
const SOURCES = Object.values(GatewayUserSource) as string[];
const SHAPE: Shape = {
  resourceGroupName: is.string(true),
  location: is.string(true),
  network: NETWORK_REF(true),
  dnsZones: DNS_ZONES_REF(true),
  backends: is.arrayOf(is.object(BACKEND_SHAPE), true),
  databricksBackends: is.arrayOf(is.object(DATABRICKS_BACKEND_SHAPE)),
  circuitBreaker: is.object(BREAKER_SHAPE),
  integrationSubnetId: is.string(true),
  allowedCallerClientIds: is.arrayOf(is.string(), true),
  publisherEmail: is.string(true),
  publisherName: is.string(),
  name: is.string(),
  skuName: is.string(),
  tenantId: is.string(),
  userSource: is.string(),
  callerUserSources: is.arrayOf(is.string()),
  userHeaderName: is.string(),
  tokensPerMinutePerUser: is.integer(),
  tokensPerDayPerUser: is.integer(),
  deploymentLimits: is.arrayOf(is.object(LIMIT_SHAPE)),
  userAssignedIdentity: IDENTITY_REF(),
  monitoring: MONITORING_REF(),
  emitTokenMetrics: is.boolean(),
  monitorPrivateLinkScope: MONITOR_SCOPE_REF(),
  logLlmMessages: is.boolean(),
  preventDestroy: is.boolean(),
  tags: is.stringMap(),
};

/** One backend after validation, in failover order. */
export interface OrderedBackend {
  readonly account: IAiAccount;
  readonly name: string;
}

/** One Databricks serving endpoint after validation. */
export interface OrderedDatabricksBackend {
  readonly endpoint: IDatabricksServingEndpoint;
  /** The `model` callers send. */
  readonly modelName: string;
  /** The API Management backend's name. */
  readonly name: string;
}

/** What validation decided: the backends in order, the breaker rule and the per-user default. */
export interface Validated {
  readonly ordered: OrderedBackend[];
  /** The Databricks backends, in the order given. */
  readonly databricks: OrderedDatabricksBackend[];
  readonly breaker?: BreakerRule;
  readonly tokensPerMinute: number;
}

export function validateGateway(owner: Construct, props: AiGatewayProps): Validated {
  checkShape(owner, props, SHAPE);
  checkPlacement(owner, props.resourceGroupName, props.location);
  checkSameRegionAsNetwork(owner, 'location', props.location, props.network.location);
  checkTags(owner, 'tags', props.tags);
  AzureNameRule.API_MANAGEMENT.validate(owner, 'name', props.name);
  checkNotBlank(owner, 'publisherEmail', props.publisherEmail);
  if (!isUnresolved(props.publisherEmail) && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(props.publisherEmail)) {
    throw propError(owner, 'publisherEmail', 'must be an email address', props.publisherEmail);
  }
  if (props.publisherName !== undefined) checkNotBlank(owner, 'publisherName', props.publisherName);
  checkSku(owner, props.skuName ?? DEFAULT_SKU);
  checkSubnet(owner, props);
  if (props.tenantId !== undefined) checkGuid(owner, 'tenantId', props.tenantId);
  checkCallers(owner, props.allowedCallerClientIds);
  if (props.userSource !== undefined) checkOneOfSources(owner, 'userSource', props.userSource);
  if (props.callerUserSources !== undefined) {
    props.callerUserSources.forEach((s, i) => checkOneOfSources(owner, `callerUserSources[${i}]`, s));
    checkUserSourceOf(owner, props.userSource ?? GatewayUserSource.FORWARDED_HEADER, props.callerUserSources);
  }
  const header = props.userHeaderName;
  if (header !== undefined) {
    checkNotBlank(owner, 'userHeaderName', header);
    if (!isUnresolved(header) && !HEADER_NAME.test(header)) {
      throw propError(owner, 'userHeaderName', 'must be an HTTP header name (letters, digits and !#$%&\'*+.^_`|~-)', header);
    }
    if ((props.userSource ?? GatewayUserSource.FORWARDED_HEADER) !== GatewayUserSource.FORWARDED_HEADER) {
      throw propError(owner, 'userHeaderName', 'must be left out unless \'userSource\' is GatewayUserSource.FORWARDED_HEADER (a token claim needs no header)', header);
    }
  }
  checkTokens(owner, 'tokensPerMinutePerUser', props.tokensPerMinutePerUser);
  checkTokens(owner, 'tokensPerDayPerUser', props.tokensPerDayPerUser);
  const seen = new Set<string>();
  for (const [i, limit] of (props.deploymentLimits ?? []).entries()) {
    checkNotBlank(owner, `deploymentLimits[${i}].deployment`, limit.deployment);
    AzureNameRule.COGNITIVE_DEPLOYMENT.validate(owner, `deploymentLimits[${i}].deployment`, limit.deployment);
    checkTokens(owner, `deploymentLimits[${i}].tokensPerMinutePerUser`, limit.tokensPerMinutePerUser);
    checkTokens(owner, `deploymentLimits[${i}].tokensPerDayPerUser`, limit.tokensPerDayPerUser);
    if (limit.tokensPerMinutePerUser === undefined && limit.tokensPerDayPerUser === undefined) {
      throw ruleError(owner, `'deploymentLimits[${i}]' must set 'tokensPerMinutePerUser' or 'tokensPerDayPerUser' (otherwise it changes nothing), got neither for '${limit.deployment}'`);
    }
    if (isUnresolved(limit.deployment)) continue;
    // Deployment names are case-insensitive in Azure: 'Chat' and 'chat' are one deployment.
    if (seen.has(limit.deployment.toLowerCase())) {
      throw propError(owner, `deploymentLimits[${i}].deployment`, 'must not repeat a deployment listed before (deployment names are case-insensitive)', limit.deployment);
    }
    seen.add(limit.deployment.toLowerCase());
  }
  checkTelemetry(owner, props);
  const uami = props.userAssignedIdentity;
  if (uami) {
    checkResourceId(owner, 'userAssignedIdentity.identityId', uami.identityId, 'Microsoft.ManagedIdentity/userAssignedIdentities');
    checkGuid(owner, 'userAssignedIdentity.clientId', uami.clientId);
  }
  const ordered = orderBackends(owner, props.backends);
  const breaker = breakerRuleFor(owner, '', props.circuitBreaker, ordered.length);
  const accounts = ordered.map((b) => b.account);
  const capacity = capacityBehind(accounts);
  const databricks = checkDatabricksBackends(owner, props.databricksBackends, ordered, capacity.deployments.map((d) => d.deployment));
  checkLimitsNameModels(owner, '', [...capacity.deployments.map((d) => d.deployment), ...databricks.map((d) => d.modelName)],
    capacity.complete, props.deploymentLimits);
  checkLimitsAgainstCapacity(owner, '', capacity, props.tokensPerMinutePerUser, props.deploymentLimits);
  const tokensPerMinute = props.tokensPerMinutePerUser ?? defaultTokensPerMinute(capacity, props.deploymentLimits);
  // A deployment added to a backend account after this point is not in the default or the check.
  owner.node.addValidation({
    validate: () => (sameCapacity(capacityBehind(accounts), capacity) ? [] : [
      ruleError(owner, 'a backend account got model deployments after the gateway was created, so the per-user tokens per minute '
        + `(${tokensPerMinute}) were derived and checked without them; add the deployments before creating the AiGateway`).message,
    ]),
  });
  return { ordered, databricks, breaker, tokensPerMinute };
}

/**
 * The Databricks backends: each served by a workspace with a private endpoint, each with a model
 * name that a deployment route could carry and that no Foundry deployment behind the gateway
 * already answers to (the policy routes by that name), and backend names unlike any other.
 *
 * @param deployments the deployment names of the Foundry backends, as far as they are known
 */
function checkDatabricksBackends(owner: Construct, list: AiGatewayDatabricksBackend[] | undefined, foundry: readonly OrderedBackend[],
  deployments: readonly string[]): OrderedDatabricksBackend[] {
  if (list === undefined) return [];
  if (isUnresolved(list)) throw ruleError(owner, "'databricksBackends' must be a list known at synth, got a Terraform expression");
  const backendNames = new Map<string, string>(foundry.map((b) => [b.name.toLowerCase(), 'a model account backend']));
  const models = new Map<string, number>();
  const endpoints = new Map<string, number>();
  return list.map((b, i) => {
    const at = `databricksBackends[${i}]`;
    const workspace = b.endpoint.workspace;
    if (!isUnresolved(workspace.hasPrivateEndpoint) && workspace.hasPrivateEndpoint !== true) {
      throw propError(owner, `${at}.endpoint`, 'must be served by a workspace with a databricks_ui_api private endpoint (hasPrivateEndpoint true): '
        + 'the gateway reaches its backends only through private endpoints, never a public workspace', `workspace '${workspace.node.path}' without one`);
    }
    const modelName = b.modelName ?? b.endpoint.endpointName;
    if (b.modelName !== undefined) checkNotBlank(owner, `${at}.modelName`, b.modelName);
    if (isUnresolved(modelName)) {
      throw ruleError(owner, `'${at}.modelName' must be known at synth (the policy routes by it and the front end offers it), `
        + 'got a Terraform expression; give the endpoint name as text or set modelName');
    }
    AzureNameRule.COGNITIVE_DEPLOYMENT.validate(owner, b.modelName !== undefined ? `${at}.modelName` : `${at}.endpoint.endpointName`, modelName);
    const key = modelName.toLowerCase();
    const clash = models.get(key);
    if (clash !== undefined) throw propError(owner, `${at}.modelName`, `must differ from the model name of 'databricksBackends[${clash}]'`, modelName);
    if (deployments.some((d) => d.toLowerCase() === key)) {
      throw propError(owner, `${at}.modelName`, 'must differ from every deployment behind the gateway: a request names its model, and the gateway would not know '
        + 'whether to call the account or the workspace', modelName);
    }
    models.set(key, i);
    const endpointKey = `${workspace.workspaceUrl}/${b.endpoint.endpointName}`;
    const same = endpoints.get(endpointKey);
    if (same !== undefined && !isUnresolved(endpointKey)) {
      throw propError(owner, `${at}.endpoint`, `must not repeat the serving endpoint of 'databricksBackends[${same}]' (offer it once)`, b.endpoint.endpointName);
    }
    endpoints.set(endpointKey, i);
    const name = backendName(owner, at, b.name, b.endpoint);
    const taken = backendNames.get(name.toLowerCase());
    if (taken !== undefined) throw propError(owner, `${at}.name`, `must differ from the name of ${taken} (backend names are case-insensitive)`, name);
    backendNames.set(name.toLowerCase(), `'${at}'`);
    return { endpoint: b.endpoint, modelName, name };
  });
}

function checkTelemetry(owner: Construct, props: AiGatewayProps): void {
  if (props.monitoring) {
    if (props.monitorPrivateLinkScope && !props.emitTokenMetrics) {
      throw ruleError(owner, "'monitorPrivateLinkScope' is used only with 'emitTokenMetrics: true' (it carries the token metrics), got a scope without it");
    }
    return;
  }
  for (const prop of ['emitTokenMetrics', 'logLlmMessages'] as const) {
    if (props[prop]) {
      throw propError(owner, prop, "needs 'monitoring': the metrics and logs go to its workspace; give the stack's Monitoring or leave this out", true);
    }
  }
  if (props.monitorPrivateLinkScope) {
    throw ruleError(owner, "'monitorPrivateLinkScope' is used only with 'monitoring' and 'emitTokenMetrics: true', got a scope without them");
  }
}

function checkSku(owner: Construct, sku: string): void {
  checkNotBlank(owner, 'skuName', sku);
  if (isUnresolved(sku)) {
    throw ruleError(owner, `'skuName' must be known at synth (${ACCEPTED_SKUS}), because only v2 tiers can be made private this way, got a Terraform expression`);
  }
  const family = SKU_FAMILIES.find((f) => f.pattern.test(sku));
  if (family?.accepted) return;
  const why = family ? `: ${family.why}` : ' (the tier and units, e.g. \'StandardV2_1\')';
  throw propError(owner, 'skuName', `must be ${ACCEPTED_SKUS}, the tiers with an inbound private endpoint and outbound VNet integration${why}`, sku);
}

function checkSubnet(owner: Construct, props: AiGatewayProps): void {
  const subnet = props.integrationSubnetId;
  checkResourceId(owner, 'integrationSubnetId', subnet, 'Microsoft.Network/virtualNetworks/subnets');
  const network = props.network;
  if (subnet === network.privateEndpointSubnetId || subnet === network.appIntegrationSubnetId) {
    const which = subnet === network.privateEndpointSubnetId ? 'private-endpoints' : 'app-integration';
    throw propError(owner, 'integrationSubnetId', `must be a subnet dedicated to this gateway, not the network's '${which}' subnet: `
      + 'Azure refuses an integration subnet shared with another resource; add a /27 or larger subnet delegated to Microsoft.Web/serverFarms with an NSG',
    isUnresolved(subnet) ? `the network's ${which} subnet id` : subnet);
  }
}

function checkCallers(owner: Construct, ids: string[]): void {
  if (!Array.isArray(ids) || (ids.length === 1 && typeof ids[0] === 'string' && ids[0].includes('#{'))) {
    throw ruleError(owner, "'allowedCallerClientIds' must be a list known at synth (each element may be an expression), because each id becomes a policy element, got a Terraform expression");
  }
  if (ids.length === 0) {
    throw propError(owner, 'allowedCallerClientIds', 'must list at least one client id (the front end identity\'s clientId): the gateway accepts no caller otherwise', []);
  }
  const seen = new Map<string, number>();
  for (const [i, id] of ids.entries()) {
    checkGuid(owner, `allowedCallerClientIds[${i}]`, id);
    if (isUnresolved(id)) continue;
    const first = seen.get(id.toLowerCase());
    if (first !== undefined) throw propError(owner, `allowedCallerClientIds[${i}]`, `must not repeat 'allowedCallerClientIds[${first}]'`, id);
    seen.set(id.toLowerCase(), i);
  }
}

/** Backends in failover order, with their names; refuses an empty list, repeats and bad priorities. */
function orderBackends(owner: Construct, backends: AiGatewayBackend[]): OrderedBackend[] {
  if (isUnresolved(backends)) throw ruleError(owner, "'backends' must be a list known at synth, got a Terraform expression");
  if (backends.length === 0) throw propError(owner, 'backends', 'must list at least one account', []);
  const names = new Map<string, number>();
  const accounts = new Map<string, number>();
  const entries = backends.map((b, i) => {
    checkField(owner, `backends[${i}].account`, b.account, AI_ACCOUNT_REF(true));
    if (b.priority !== undefined) checkIntRange(owner, `backends[${i}].priority`, b.priority, 1, 1000);
    const name = backendName(owner, `backends[${i}]`, b.name, b.account);
    const clash = names.get(name.toLowerCase());
    if (clash !== undefined) throw propError(owner, `backends[${i}].name`, `must differ from 'backends[${clash}]' (backend names are case-insensitive)`, name);
    names.set(name.toLowerCase(), i);
    const accountKey = b.account.accountId;
    const same = accounts.get(accountKey);
    if (same !== undefined) throw propError(owner, `backends[${i}].account`, `must not repeat the account of 'backends[${same}]'`, b.account.node.path);
    accounts.set(accountKey, i);
    return { account: b.account, name, priority: b.priority ?? i + 1, index: i };
  });
  return entries.sort((a, b) => a.priority - b.priority || a.index - b.index).map(({ account, name }) => ({ account, name }));
}

/**
 * The API Management backend's name: `given` (checked), or derived from the construct; either way
 * known at synth, since the policy names it.
 *
 * @param at the entry's prop path, `backends[0]` or `databricksBackends[0]`
 */
function backendName(owner: Construct, at: string, given: string | undefined, target: IAiAccount | IDatabricksServingEndpoint): string {
  if (given !== undefined) {
    checkNotBlank(owner, `${at}.name`, given);
    if (!isUnresolved(given) && !BACKEND_NAME.test(given)) {
      throw propError(owner, `${at}.name`, 'must be 1-80 letters, digits and hyphens, starting and ending with a letter or digit', given);
    }
  }
  const name = given ?? backendNameFor(target);
  if (isUnresolved(name)) throw ruleError(owner, `'${at}.name' must be known at synth (it names the policy's backend), got a Terraform expression`);
  return name;
}

/** `<construct id>-<6 hex>`: stable when backends are reordered, distinct for equal ids. */
function backendNameFor(account: IAiAccount | IDatabricksServingEndpoint): string {
  const label = account.node.id.replace(/[^A-Za-z0-9-]/g, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '').slice(0, 72) || 'account';
  return `${label}-${stableHash(account.node.path, 6)}`;
}

function checkTokens(scope: Owner, prop: string, value: number | undefined): void {
  if (value === undefined || isUnresolved(value)) return;
  checkIntRange(scope, prop, value, 1, MAX_TOKENS);
}

function checkOneOfSources(scope: Owner, prop: string, value: string): void {
  if (!SOURCES.includes(value)) {
    throw propError(scope, prop, `must be one of ${SOURCES.map((s) => `'${s}'`).join(', ')} (GatewayUserSource)`, value);
  }
}

export function checkUserSourceOf(scope: Owner, source: GatewayUserSource, supplies: GatewayUserSource[]): void {
  checkOneOfSources(scope, 'userSource', source);
  if (!Array.isArray(supplies)) throw propError(scope, 'callerUserSources', 'must be a list of GatewayUserSource', supplies);
  if (supplies.includes(source)) return;
  const hint = source === GatewayUserSource.TOKEN_CLAIM
    ? 'the front end calls with its own identity\'s token, so the token names no user; use GatewayUserSource.FORWARDED_HEADER'
    : 'the front end does not forward the user in a header; use GatewayUserSource.TOKEN_CLAIM with user tokens';
  throw propError(scope, 'userSource', `must be a source the calling front end can supply (${supplies.map((s) => `'${s}'`).join(', ') || 'none'}): ${hint}`, source);
}

/**
 * Every `deploymentLimits[i].deployment` must name a model behind the gateway: a limit for a name
 * nothing serves would be accepted and never apply. Checked when every backend's deployments are
 * known (accounts created in this app); the nearest known name is suggested.
 */
export function checkLimitsNameModels(owner: Owner, prefix: string, known: readonly string[], complete: boolean,
  limits: readonly unknown[] | undefined): void {
  if (!complete) return;
  for (const [i, l] of (Array.isArray(limits) ? limits : []).entries()) {
    const name = (l as { deployment?: unknown } | null)?.deployment;
    if (typeof name !== 'string' || isUnresolved(name) || known.includes(name)) continue;
    const sameButCase = known.find((k) => k.toLowerCase() === name.toLowerCase());
    const hint = sameButCase !== undefined ? `; '${sameButCase}' differs only in letter case`
      : closest(name, known) !== undefined ? `; did you mean '${closest(name, known)}'?` : '';
    throw propError(owner, `${prefix}deploymentLimits[${i}].deployment`,
      `must name a model behind the gateway (${known.map((k) => `'${k}'`).join(', ')})${hint}: a limit for a name nothing serves never applies`, name);
  }
}
