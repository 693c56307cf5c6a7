import { ApiManagement } from '@cdktf/provider-azurerm/lib/api-management';
import { ApiManagementApi } from '@cdktf/provider-azurerm/lib/api-management-api';
import { ApiManagementApiOperation } from '@cdktf/provider-azurerm/lib/api-management-api-operation';
import { ApiManagementApiPolicy } from '@cdktf/provider-azurerm/lib/api-management-api-policy';
import { ApiManagementBackend } from '@cdktf/provider-azurerm/lib/api-management-backend';
import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Sleep } from '@cdktf/provider-time/lib/sleep';
import { ITerraformDependable, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { FrontEndEmbeddings, FrontEndEmbeddingsOptions } from './front-end-embeddings';
import { capacityBehind, checkLimitsAgainstCapacity, defaultTokensPerMinute, sameCapacity } from './private/capacity';
import { BREAKER_RULE_NAME, BREAKER_SHAPE, BREAKER_STATUS_CODES, BreakerRule, breakerRuleFor } from './private/circuit-breaker';
import { EmbeddingsConfig } from './private/embeddings-config';
import { OPERATIONS } from './private/operations';
import { buildPolicyXml, COGNITIVE_SERVICES_RESOURCE, PolicyDeploymentLimit } from './private/policy';
import { IOpenAiAccount } from '../ai/openai-account';
import { IChatIdentity } from '../app/identity';
import { AzureNameRule, Names, stableHash } from '../core/names';
import { grantRole, IPrincipal, PrincipalType } from '../core/principal';
import { AzapiResource, AzapiUpdateResource } from '../core/private/azapi';
import { clientConfig } from '../core/private/client-config';
import { withoutTrailingSlash } from '../core/private/endpoints';
import { checkPlacement } from '../core/private/placement';
import { waitAfter } from '../core/private/providers';
import { DNS_ZONES_REF, IDENTITY_REF, MONITOR_SCOPE_REF, MONITORING_REF, NETWORK_REF, OPENAI_REF } from '../core/private/references';
import { checkSameRegionAsNetwork } from '../core/private/regions';
import {
  checkField, checkGuid, checkIntRange, checkNotBlank, checkResourceId, checkShape, checkTags, is, isUnresolved, Owner, propError, ruleError, Shape,
} from '../core/private/validate';
import { IMonitoring, Monitoring } from '../monitoring/monitoring';
import { IMonitorPrivateLinkScope, MonitorPrivateLinkScope } from '../monitoring/private-link-scope';
import { endpointOf, wireSubnetCaller } from '../network/private/wiring';
import { PrivateLinkZone } from '../network/private-dns-zones';
import { PrivateEndpointOptions, ServicePrivateEndpoint } from '../network/private-endpoint';

/**
 * Where the gateway learns who the signed-in user is, for per-user token limits and metrics.
 */
export enum GatewayUserSource {
  /**
   * Trusted subsystem: the front end calls with its own (managed identity) token and names the
   * user in a header, e.g. Open WebUI's `X-OpenWebUI-User-Email` with
   * `ENABLE_FORWARD_USER_INFO_HEADERS=true`. The gateway trusts the header only because the
   * caller's token is validated; anyone holding the caller's identity can name any user.
   */
  FORWARDED_HEADER = 'ForwardedHeader',
  /**
   * The caller's token is the user's own (a delegated token the front end obtained for the
   * signed-in user): the user is its `oid` claim. Stronger, but the front end must obtain
   * user tokens; Open WebUI does not.
   */
  TOKEN_CLAIM = 'TokenClaim',
}

/** One model account behind the gateway. */
export interface AiGatewayBackend {
  /** The account (Foundry or Azure OpenAI); the gateway's identity gets `grantUse` on it. */
  readonly account: IOpenAiAccount;
  /**
   * Failover order: lower first. Equal priorities keep their order in `backends`. Put
   * provisioned (PTU) accounts first and pay-as-you-go spill-over after them, or region A before
   * region B.
   *
   * @default - the position in `backends` (1 for the first)
   */
  readonly priority?: number;
  /**
   * Name of the API Management backend: 1-80 letters, digits and hyphens, starting and ending
   * with a letter or digit.
   *
   * @default - `<account construct id>-<6 hex of its path>`
   */
  readonly name?: string;
}

/** Token limits of one deployment, replacing the gateway's per-user defaults for it. */
export interface AiGatewayDeploymentLimit {
  /** Deployment name (the `model` of a v1 request, the `{deployment-id}` of a deployment route). */
  readonly deployment: string;
  /**
   * Tokens per minute per user for this deployment.
   *
   * @default - the gateway's `tokensPerMinutePerUser`
   */
  readonly tokensPerMinutePerUser?: number;
  /**
   * Tokens per day per user for this deployment.
   *
   * @default - the gateway's `tokensPerDayPerUser`
   */
  readonly tokensPerDayPerUser?: number;
}

/**
 * The circuit breaker of every backend, when the gateway has two or more: a backend that keeps
 * failing (429 or 5xx) is skipped for a while, and the policy's failover sends its requests to
 * the next backend at once. While a backend's breaker is open, API Management answers 503 for it
 * without calling it, so with a single backend a breaker would turn that backend's own throttling
 * into 503s for every caller; it is never set on one backend.
 *
 * @see https://learn.microsoft.com/azure/api-management/backends#circuit-breaker
 */
export interface AiGatewayCircuitBreaker {
  /**
   * Failures (answers 429 or 500-599) within `interval` that trip a backend: 2 to 10000. Never 1,
   * which would trip on a single throttled request.
   *
   * @default 3 - the count of Microsoft's example rule
   */
  readonly failureCount?: number;
  /**
   * The window failures are counted in, an ISO 8601 duration.
   *
   * @default 'PT1M' - the window Azure OpenAI's tokens-per-minute quota renews in
   */
  readonly interval?: string;
  /**
   * How long a tripped backend is skipped, an ISO 8601 duration (unless its Retry-After is used).
   *
   * @default 'PT1M'
   */
  readonly tripDuration?: string;
  /**
   * Skip a tripped backend for as long as its `Retry-After` header says instead of `tripDuration`,
   * as Microsoft recommends for Azure OpenAI backends (their Retry-After can be long, up to a day).
   *
   * @default true
   */
  readonly acceptRetryAfter?: boolean;
}

/** Props of {@link AiGateway}. */
export interface AiGatewayProps extends PrivateEndpointOptions {
  /** Resource group of the gateway and its private endpoint. */
  readonly resourceGroupName: string;
  /** Azure region: the VNet's, since the private endpoint and the integration subnet are there. */
  readonly location: string;
  /** The model accounts, tried in priority order (failover on 429 and 5xx). At least one. */
  readonly backends: AiGatewayBackend[];
  /**
   * The backends' circuit breaker, with two or more backends. An error with one backend.
   *
   * @default - with two or more backends: 3 failures (429 or 5xx) within a minute skip a backend for a minute, or for its Retry-After; with one backend: none
   */
  readonly circuitBreaker?: AiGatewayCircuitBreaker;
  /**
   * Subnet for outbound VNet integration (`virtual_network_configuration.subnet_id`), through
   * which the gateway reaches the accounts' private endpoints. It must be dedicated to this one
   * gateway (Azure refuses a subnet shared with another resource, so not the chat app's
   * `app-integration` subnet), delegated to `Microsoft.Web/serverFarms`, /27 or larger, with a
   * network security group, in the gateway's region and subscription.
   *
   * @see https://learn.microsoft.com/azure/api-management/integrate-vnet-outbound
   */
  readonly integrationSubnetId: string;
  /**
   * Client (application) ids whose Entra tokens the gateway accepts (`appid`/`azp` claim): the
   * front end's managed identity, e.g. `ChatIdentity.clientId`. At least one.
   */
  readonly allowedCallerClientIds: string[];
  /** Publisher email API Management requires (notifications of the service). */
  readonly publisherEmail: string;
  /**
   * Publisher name API Management requires.
   *
   * @default 'AI gateway'
   */
  readonly publisherName?: string;
  /**
   * Name of the service: 1-50 letters, digits and hyphens, starting with a letter. Globally
   * unique (`<name>.azure-api.net`); a deleted service stays soft-deleted for 48 hours and
   * blocks its name unless purged or recovered.
   *
   * @default - `apim-<8 hex>` from a hash of the subscription and the construct path
   */
  readonly name?: string;
  /**
   * Tier and units. Only v2 tiers that take an inbound private endpoint and outbound VNet
   * integration: `StandardV2_1`…`StandardV2_10` and `PremiumV2_1`…`PremiumV2_30`.
   *
   * Standard v2 costs a fixed ~$734 per unit and month (list price, US, 2026; check
   * https://azure.microsoft.com/pricing/details/api-management/) and deploys in minutes.
   *
   * @default 'StandardV2_1'
   * @see https://learn.microsoft.com/azure/api-management/api-management-features
   */
  readonly skuName?: string;
  /**
   * Entra tenant whose tokens the gateway accepts.
   *
   * @default - the tenant Terraform runs in (`azurerm_client_config`)
   */
  readonly tenantId?: string;
  /**
   * Where the signed-in user comes from.
   *
   * @default GatewayUserSource.FORWARDED_HEADER
   */
  readonly userSource?: GatewayUserSource;
  /**
   * The user sources the calling front end can supply. When given, a `userSource` outside it
   * is an error at synth (see {@link AiGateway.checkUserSource}).
   *
   * @default - not checked
   */
  readonly callerUserSources?: GatewayUserSource[];
  /**
   * Header that names the user, with `GatewayUserSource.FORWARDED_HEADER`.
   *
   * @default 'X-OpenWebUI-User-Email'
   */
  readonly userHeaderName?: string;
  /**
   * Tokens per minute each user may use on each deployment (`llm-token-limit
   * tokens-per-minute`); beyond it the user gets a 429 saying when to retry.
   *
   * When every backend is an account this app creates, a value above the capacity behind the
   * gateway (a deployment's capacity × 1,000, summed over the backends that hold it) for a
   * deployment it applies to is an error: one user could take the whole deployment.
   *
   * @default - a quarter of the smallest deployment's tokens per minute behind the gateway, at least 4000 and at most that capacity (4000 for the default capacity of 10); 4000 when the backends are imported accounts
   */
  readonly tokensPerMinutePerUser?: number;
  /**
   * Tokens per day each user may use on each deployment (`token-quota`, `Daily`); beyond it
   * the user gets a 403 until the period renews.
   *
   * @default 500000
   */
  readonly tokensPerDayPerUser?: number;
  /**
   * Other limits for some deployments.
   *
   * @default - every deployment gets the per-user defaults
   */
  readonly deploymentLimits?: AiGatewayDeploymentLimit[];
  /**
   * A user-assigned identity for the gateway to call the backends with, instead of its
   * system-assigned one (the policy then names its client id).
   *
   * @default - the system-assigned identity
   */
  readonly userAssignedIdentity?: IChatIdentity;
  /**
   * Workspace that receives `GatewayLogs` and `GatewayLlmLogs` (resource-specific tables
   * `ApiManagementGatewayLogs`, `ApiManagementGatewayLlmLog`) and metrics.
   *
   * @default - no diagnostic setting
   */
  readonly monitoring?: IMonitoring;
  /**
   * Emit token metrics (`llm-emit-token-metric`: total, prompt and completion tokens by user,
   * deployment and calling front end) to an Application Insights component in the `monitoring`
   * workspace. The component takes telemetry only through an Azure Monitor Private Link Scope
   * (its public ingestion is off) and only from Entra identities (local authentication is off):
   * the gateway's identity gets Monitoring Metrics Publisher on it and its logger authenticates
   * as that identity. Needs `monitoring`, and the five Azure Monitor zones in `dnsZones` unless
   * `monitorPrivateLinkScope` names an existing scope.
   *
   * Off by default for the construct alone because of those zones; `PrivateChat` turns it on.
   *
   * @default false
   * @see https://learn.microsoft.com/azure/api-management/llm-emit-token-metric-policy
   */
  readonly emitTokenMetrics?: boolean;
  /**
   * The Azure Monitor Private Link Scope the Application Insights component joins, with
   * `emitTokenMetrics`: e.g. the landing zone's, from `MonitorPrivateLinkScope.fromScopeId`.
   * A network's private DNS should hold one scope.
   *
   * @default - a new scope with its private endpoint in `network`, the workspace in it
   */
  readonly monitorPrivateLinkScope?: IMonitorPrivateLinkScope;
  /**
   * Log the prompts and completions (up to 32 KB each per log entry) in `ApiManagementGatewayLlmLog`,
   * beside the token counts that are always logged with `monitoring`. They are conversation
   * content: whoever reads the workspace reads them, for as long as it keeps logs.
   *
   * @default false
   * @see https://learn.microsoft.com/azure/api-management/api-management-howto-llm-logs
   */
  readonly logLlmMessages?: boolean;
  /**
   * Protect the service from `terraform destroy` (`lifecycle.prevent_destroy`). The gateway
   * holds no data, only configuration this construct writes, so it is off by default.
   *
   * @default false
   */
  readonly preventDestroy?: boolean;
  /**
   * Tags of the service and its private endpoint.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

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
const DEFAULT_SKU = 'StandardV2_1';
const DEFAULT_USER_HEADER = 'X-OpenWebUI-User-Email';
const DEFAULT_TOKENS_PER_DAY = 500000;
/** Upper bound of the per-user limits, only to catch typos (a billion tokens). */
const MAX_TOKENS = 1_000_000_000;
/**
 * API version of the azapi PATCH: v2 tiers need 2024-05-01 or later.
 *
 * @see https://github.com/pulumi/pulumi-azure-native/issues/4510
 */
const APIM_API_VERSION = '2024-05-01';
/**
 * API version of the language-model logging settings (`largeLanguageModel`) of an API diagnostic:
 * the first that has them (2024-05-01, the newest stable version, does not).
 *
 * @see https://learn.microsoft.com/azure/templates/microsoft.apimanagement/2024-06-01-preview/service/apis/diagnostics
 */
const LLM_LOGGING_API_VERSION = '2024-06-01-preview';
/** Name of the Application Insights logger of the token metrics. */
const METRICS_LOGGER = 'token-metrics';
/** Largest message part logged per entry; larger messages are split into 32 KB entries. */
const LLM_MESSAGE_BYTES = 32768;

/**
 * `largeLanguageModel` of the API diagnostic: `logs` turns on the token usage rows; `requests` and
 * `responses` add the prompts and completions. `messages` takes only `all` (the ARM reference:
 * "currently there is only 'all' option"), so messages stay out by leaving those two out.
 */
function llmLogSettings(messages: boolean): { [key: string]: any } {
  if (!messages) return { logs: 'enabled' };
  const part = { messages: 'all', maxSizeInBytes: LLM_MESSAGE_BYTES };
  return { logs: 'enabled', requests: part, responses: part };
}
/**
 * Resource log categories of `Microsoft.ApiManagement/service`: gateway requests and the
 * generative AI gateway (LLM) log.
 *
 * @see https://learn.microsoft.com/azure/api-management/monitor-api-management-reference
 * @see https://learn.microsoft.com/azure/api-management/api-management-howto-llm-logs
 */
const LOG_CATEGORIES = ['GatewayLogs', 'GatewayLlmLogs'];
const BACKEND_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,78}[A-Za-z0-9])?$/;
/** Header names are RFC 7230 tokens. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const BACKEND_SHAPE: Shape = {
  account: OPENAI_REF(true),
  priority: is.integer(),
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

/** The token-metrics pieces, with `emitTokenMetrics`. */
interface TokenMetrics {
  readonly applicationInsights: ApplicationInsights;
  readonly monitorPrivateLinkScope: IMonitorPrivateLinkScope;
  readonly metricsPublisherGrant: RoleAssignment;
  readonly metricsLogger: TerraformResource;
  readonly metricsDiagnostic: TerraformResource;
}

/** The telemetry pieces, with `monitoring`. */
interface Telemetry {
  readonly diagnosticSetting: MonitorDiagnosticSetting;
  readonly apiDiagnostic: TerraformResource;
  readonly llmLogging: TerraformResource;
  readonly metrics?: TokenMetrics;
}

/** One backend after validation, in failover order. */
interface OrderedBackend {
  readonly account: IOpenAiAccount;
  readonly name: string;
}

/** What validation decided: the backends in order, the breaker rule and the per-user default. */
interface Validated {
  readonly ordered: OrderedBackend[];
  readonly breaker?: BreakerRule;
  readonly tokensPerMinute: number;
}

/**
 * A private Azure API Management instance in front of one or more model accounts: the AI
 * gateway. Callers reach it only through its private endpoint; it reaches the accounts through
 * its outbound VNet integration, as its own managed identity, so key authentication stays off
 * everywhere and the front end needs no role on the accounts.
 *
 * - Standard v2 (default) or Premium v2; inbound private endpoint on `Gateway`
 *   (`privatelink.azure-api.net`), outbound VNet integration (`virtual_network_type = "External"`
 *   on a dedicated subnet delegated to `Microsoft.Web/serverFarms`);
 * - public network access turned off after the private endpoint exists (see
 *   {@link AiGateway.publicNetworkAccessUpdate});
 * - one API at `/openai` with the operations the token policies are documented for: the
 *   OpenAI-compatible `/openai/v1/...` chat completions, responses, embeddings and models, and
 *   the Azure OpenAI deployment routes `/openai/deployments/{deployment-id}/...` (no wildcard);
 *   no subscription keys: callers present an Entra token of an allowed client id, for the
 *   Cognitive Services audience, so a front end that already calls Azure OpenAI with its managed
 *   identity works unchanged;
 * - per user and deployment: tokens per minute (by default a quarter of the capacity behind the
 *   gateway) and a daily token quota (`llm-token-limit`), with a JSON error telling the user
 *   which limit they hit;
 * - failover over the backends in priority order on 429 and 5xx; with two or more backends each
 *   has a circuit breaker that trips on sustained failure and honours `Retry-After`;
 * - with `monitoring`: gateway and LLM logs in the workspace, the forwarded user header, and the
 *   token counts of every request (language-model logging on the API);
 * - with `emitTokenMetrics`: token metrics by user, deployment and front end, through a private,
 *   Entra-only Application Insights component behind an Azure Monitor Private Link Scope.
 *
 * Fixed cost: Standard v2 is ~$734 per unit and month (list price; check
 * https://azure.microsoft.com/pricing/details/api-management/), plus the private endpoint.
 * A v2 instance deploys in minutes.
 *
 * @see https://learn.microsoft.com/azure/api-management/private-endpoint
 * @see https://learn.microsoft.com/azure/api-management/api-management-authenticate-authorize-azure-openai
 */
export class AiGateway extends Construct implements IPrincipal {
  /**
   * Throws a named-prop error (`userSource`) when the front end cannot supply the chosen user
   * source: e.g. `AiGateway.checkUserSource(GatewayUserSource.TOKEN_CLAIM, [GatewayUserSource.FORWARDED_HEADER])`
   * for Open WebUI, which forwards user headers but calls with its own identity's token.
   *
   * @param source the source the gateway uses
   * @param callerSupplies the sources the calling front end can supply
   */
  public static checkUserSource(source: GatewayUserSource, callerSupplies: GatewayUserSource[]): void {
    checkUserSourceOf('AiGateway.checkUserSource', source, callerSupplies);
  }

  /** Resource id of the service. */
  public readonly gatewayId: string;
  /** Name of the service (a plan-time expression when derived). */
  public readonly gatewayName: string;
  /** `https://<name>.azure-api.net`. */
  public readonly gatewayUrl: string;
  /** `<gatewayUrl>/openai/v1`: the base URL of OpenAI-compatible clients (Open WebUI's `OPENAI_API_BASE_URLS`). */
  public readonly openAiBaseUrl: string;
  /** `<gatewayUrl>/`, usable where an account endpoint is expected (`<endpoint>openai/deployments/...`). */
  public readonly endpoint: string;
  /** Object id of the identity that calls the backends (system-assigned, or the user-assigned one). */
  public readonly principalId: string;
  /** Always a service principal (a managed identity). */
  public readonly principalType: PrincipalType = PrincipalType.SERVICE_PRINCIPAL;
  /** The `azurerm_api_management` (escape hatch). */
  public readonly resource: ApiManagement;
  /** The gateway's private endpoint (`Gateway`). */
  public readonly privateEndpoint: ServicePrivateEndpoint;
  /**
   * The `azapi_update_resource` that sets `publicNetworkAccess = "Disabled"` once the private
   * endpoint exists.
   *
   * Azure refuses to create a service with public access disabled, and refuses to disable it
   * before a private endpoint connection is approved (`ActivateServiceWithPrivateEndpointAccessNotAllowed`).
   * azurerm 4.55 sends the setting at creation, so the service is created with
   * `public_network_access_enabled = true` (ignored afterwards by `lifecycle.ignore_changes`),
   * then the private endpoint, then this PATCH. Between create and PATCH (minutes) the
   * gateway's public endpoint answers; every API requires an Entra token of an allowed caller
   * and the backends are private. If the endpoint connection waits for manual approval, the
   * PATCH fails until it is approved; apply again then.
   *
   * @see https://github.com/hashicorp/terraform-provider-azurerm/issues/31788
   * @see https://github.com/hashicorp/terraform-provider-azurerm/issues/21506
   * @see https://github.com/Azure/azure-rest-api-specs/issues/24947
   */
  public readonly publicNetworkAccessUpdate: TerraformResource;
  /** The API at `/openai`. */
  public readonly api: ApiManagementApi;
  /**
   * Its operations: `POST /v1/chat/completions`, `POST /v1/responses`, `GET` and `DELETE
   * /v1/responses/{response-id}`, `POST /v1/embeddings`, `GET /v1/models`, `POST
   * /deployments/{deployment-id}/chat/completions` and `POST /deployments/{deployment-id}/embeddings`.
   */
  public readonly operations: ApiManagementApiOperation[] = [];
  /**
   * The tokens per minute each user may use on a deployment without a limit of its own: the
   * `tokensPerMinutePerUser` prop, or the default derived from the capacity behind the gateway.
   */
  public readonly tokensPerMinutePerUser: number;
  /** One backend per account, in failover order. */
  public readonly backends: ApiManagementBackend[] = [];
  /** The API policy (authentication, user, limits, failover). */
  public readonly policy: ApiManagementApiPolicy;
  /** The policy XML, as sent (tokens unresolved). */
  public readonly policyXml: string;
  /** The role assignments on the accounts, one per backend account. */
  public readonly backendGrants: RoleAssignment[] = [];
  /** The wait for those grants to propagate, before the policy (and so traffic) is in place. */
  public readonly grantsWait: Sleep;
  /** What addFrontEndEmbeddings hands on. */
  private readonly embeddingsConfig: EmbeddingsConfig;
  /**
   * The diagnostic setting sending gateway and LLM logs to the workspace.
   *
   * @default - none, when no `monitoring` is given
   */
  public readonly diagnosticSetting?: MonitorDiagnosticSetting;
  /**
   * The API's diagnostic to the workspace (`azuremonitor`), with `monitoring`. With a forwarded
   * user header it logs that header with every request, so usage can be attributed per user (the
   * LLM log table has no user column). Request and response bodies are not logged. An
   * `azapi_resource`: azurerm 4.55's `azurerm_api_management_api_diagnostic` cannot plan with
   * identifier `azuremonitor` (hashicorp/terraform-provider-azurerm#28547).
   */
  public readonly apiDiagnostic?: TerraformResource;
  /**
   * The `azapi_update_resource` that turns on language-model logging on {@link AiGateway.apiDiagnostic}
   * (token counts per request in `ApiManagementGatewayLlmLog`; messages only with `logLlmMessages`),
   * which the stable API version of that diagnostic cannot set. If the diagnostic is ever rewritten
   * (a PUT), the next plan shows this update again.
   */
  public readonly llmLogging?: TerraformResource;
  /** The Application Insights component of the token metrics, with `emitTokenMetrics`. */
  public readonly applicationInsights?: ApplicationInsights;
  /** The private link scope the component joined (given, or created here), with `emitTokenMetrics`. */
  public readonly monitorPrivateLinkScope?: IMonitorPrivateLinkScope;
  /** Monitoring Metrics Publisher for the gateway's identity on the component, with `emitTokenMetrics`. */
  public readonly metricsPublisherGrant?: RoleAssignment;
  /** The Application Insights logger (`azapi_resource`, managed identity credentials), with `emitTokenMetrics`. */
  public readonly metricsLogger?: TerraformResource;
  /** The API's `applicationinsights` diagnostic with custom metrics on (`azapi_resource`), with `emitTokenMetrics`. */
  public readonly metricsDiagnostic?: TerraformResource;

  constructor(scope: Construct, id: string, props: AiGatewayProps) {
    super(scope, id);
    const { ordered, breaker, tokensPerMinute } = this.validate(props);
    this.tokensPerMinutePerUser = tokensPerMinute;

    const uami = props.userAssignedIdentity;
    this.gatewayName = props.name ?? Names.globallyUnique(this, AzureNameRule.API_MANAGEMENT, 'apim');
    this.resource = new ApiManagement(this, 'Resource', {
      name: this.gatewayName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      publisherEmail: props.publisherEmail,
      publisherName: props.publisherName ?? 'AI gateway',
      skuName: props.skuName ?? DEFAULT_SKU,
      identity: uami ? { type: 'UserAssigned', identityIds: [uami.identityId] } : { type: 'SystemAssigned' },
      // Outbound only: the gateway stays reachable through its private endpoint, and calls the
      // accounts' private endpoints through this subnet.
      virtualNetworkType: 'External',
      virtualNetworkConfiguration: { subnetId: props.integrationSubnetId },
      // Azure refuses Disabled at creation (see publicNetworkAccessUpdate); the PATCH below
      // turns it off and ignore_changes keeps Terraform from turning it back on.
      publicNetworkAccessEnabled: true,
      // The defaults, written out for scanners (CKV_AZURE_173): azurerm sends these as false
      // anyway, and v2 tiers do not take other protocol or cipher settings.
      security: {
        backendSsl30Enabled: false,
        backendTls10Enabled: false,
        backendTls11Enabled: false,
        frontendSsl30Enabled: false,
        frontendTls10Enabled: false,
        frontendTls11Enabled: false,
        tripleDesCiphersEnabled: false,
      },
      lifecycle: { preventDestroy: props.preventDestroy ?? false, ignoreChanges: ['public_network_access_enabled'] },
      tags: props.tags,
    });
    this.gatewayId = this.resource.id;
    this.gatewayUrl = this.resource.gatewayUrl;
    this.endpoint = `${this.gatewayUrl}/`;
    this.openAiBaseUrl = `${this.gatewayUrl}/openai/v1`;
    this.principalId = uami ? uami.principalId : this.resource.identity.principalId;

    this.privateEndpoint = new ServicePrivateEndpoint(this, 'PrivateEndpoint', {
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      network: props.network,
      dnsZones: props.dnsZones,
      targetResourceId: this.gatewayId,
      subresource: 'Gateway',
      zones: [PrivateLinkZone.API_MANAGEMENT],
      tags: props.tags,
    });
    this.publicNetworkAccessUpdate = new AzapiUpdateResource(this, 'DisablePublicNetworkAccess', {
      type: `Microsoft.ApiManagement/service@${APIM_API_VERSION}`,
      resourceId: this.gatewayId,
      body: { properties: { publicNetworkAccess: 'Disabled' } },
      dependsOn: [this.privateEndpoint.resource],
    });

    const principal: IPrincipal = uami ?? this;
    for (const { account, name } of ordered) {
      this.backends.push(new ApiManagementBackend(this, `Backend-${name}`, {
        name,
        apiManagementName: this.resource.name,
        resourceGroupName: props.resourceGroupName,
        protocol: 'http',
        url: `${withoutTrailingSlash(account.endpoint)}/openai`,
        description: `Model account ${account.node.path}`,
        // Only with two or more backends: a tripped backend answers 503 at once, and the retry in
        // the policy moves on to the next one. On a single backend it would only turn throttling
        // into 503s for everyone.
        circuitBreakerRule: breaker && {
          name: BREAKER_RULE_NAME,
          tripDuration: breaker.tripDuration,
          acceptRetryAfterEnabled: breaker.acceptRetryAfter,
          failureCondition: {
            count: breaker.failureCount,
            intervalDuration: breaker.interval,
            statusCodeRange: BREAKER_STATUS_CODES.map((r) => ({ min: r.min, max: r.max })),
          },
        },
      }));
      const grant = account.grantUse(principal);
      if (!this.backendGrants.includes(grant)) this.backendGrants.push(grant);
      // The gateway calls the backend from its integration subnet (port 443 of the account's endpoint).
      wireSubnetCaller(endpointOf(account), props.integrationSubnetId, 'AI gateway to its model backends');
    }
    this.grantsWait = waitAfter(this, 'WaitForBackendGrants', this.backendGrants, '60s');

    this.api = new ApiManagementApi(this, 'Api', {
      name: 'openai',
      displayName: 'Azure OpenAI',
      apiManagementName: this.resource.name,
      resourceGroupName: props.resourceGroupName,
      revision: '1',
      path: 'openai',
      protocols: ['https'],
      // Callers authenticate with Entra tokens (validate-azure-ad-token), never with keys.
      subscriptionRequired: false,
    });
    // The Azure OpenAI and OpenAI-compatible operations, not wildcards: the token policies are
    // documented for APIs that follow the chat completions and responses schemas, and any other
    // path gets API Management's 404 instead of reaching the accounts.
    for (const op of OPERATIONS) {
      this.operations.push(new ApiManagementApiOperation(this, `Operation-${op.operationId}`, {
        operationId: op.operationId,
        apiName: this.api.name,
        apiManagementName: this.resource.name,
        resourceGroupName: props.resourceGroupName,
        displayName: op.displayName,
        description: op.description,
        method: op.method,
        urlTemplate: op.urlTemplate,
        templateParameter: op.templateParameters.length === 0 ? undefined : op.templateParameters.map((name) => ({ name, required: true, type: 'string' })),
      }));
    }

    const deploymentLimits = (props.deploymentLimits ?? []).map((d): PolicyDeploymentLimit => ({
      deployment: d.deployment,
      tokensPerMinute: d.tokensPerMinutePerUser ?? tokensPerMinute,
      tokensPerDay: d.tokensPerDayPerUser ?? props.tokensPerDayPerUser ?? DEFAULT_TOKENS_PER_DAY,
    }));
    this.policyXml = buildPolicyXml({
      tenantId: props.tenantId ?? clientConfig(this).tenantId,
      allowedCallerClientIds: props.allowedCallerClientIds,
      // Managed identity tokens for `https://cognitiveservices.azure.com/.default` carry the
      // resource without the slash; tokens asked for with the slash keep it.
      audiences: [COGNITIVE_SERVICES_RESOURCE, `${COGNITIVE_SERVICES_RESOURCE}/`],
      userSource: props.userSource ?? GatewayUserSource.FORWARDED_HEADER,
      userHeaderName: props.userHeaderName ?? DEFAULT_USER_HEADER,
      identityClientId: uami?.clientId,
      backends: ordered.map((b) => ({ backendId: b.name })),
      tokensPerMinute,
      tokensPerDay: props.tokensPerDayPerUser ?? DEFAULT_TOKENS_PER_DAY,
      deploymentLimits,
      emitTokenMetrics: props.emitTokenMetrics ?? false,
    });
    // A policy naming a backend that does not exist yet is refused ("Backend with id ... could
    // not be found"), so it waits for every backend, the operations and the grants' propagation.
    this.policy = new ApiManagementApiPolicy(this, 'Policy', {
      apiName: this.api.name,
      apiManagementName: this.resource.name,
      resourceGroupName: props.resourceGroupName,
      xmlContent: this.policyXml,
      dependsOn: [...this.backends, ...this.operations, this.grantsWait],
    });

    this.embeddingsConfig = {
      gatewayId: this.gatewayId,
      apiManagementName: this.resource.name,
      resourceGroupName: props.resourceGroupName,
      gatewayUrl: this.gatewayUrl,
      backends: ordered,
      // Open WebUI forwards the user in headers only; with a token-claim gateway its embeddings
      // still name the user in the default header.
      userHeaderName: (props.userSource ?? GatewayUserSource.FORWARDED_HEADER) === GatewayUserSource.FORWARDED_HEADER
        ? props.userHeaderName ?? DEFAULT_USER_HEADER : DEFAULT_USER_HEADER,
      identityClientId: uami?.clientId,
      tokensPerMinute,
      tokensPerDay: props.tokensPerDayPerUser ?? DEFAULT_TOKENS_PER_DAY,
      deploymentLimits,
      emitTokenMetrics: props.emitTokenMetrics ?? false,
      policyDependsOn: [...this.backends, this.grantsWait],
      addTelemetry: props.monitoring && ((owner, apiName, policy) => this.apiTelemetry(owner, apiName, policy, props)),
    };

    if (props.monitoring) {
      const telemetry = this.addTelemetry(props, props.monitoring, principal);
      this.diagnosticSetting = telemetry.diagnosticSetting;
      this.apiDiagnostic = telemetry.apiDiagnostic;
      this.llmLogging = telemetry.llmLogging;
      this.applicationInsights = telemetry.metrics?.applicationInsights;
      this.monitorPrivateLinkScope = telemetry.metrics?.monitorPrivateLinkScope;
      this.metricsPublisherGrant = telemetry.metrics?.metricsPublisherGrant;
      this.metricsLogger = telemetry.metrics?.metricsLogger;
      this.metricsDiagnostic = telemetry.metrics?.metricsDiagnostic;
    }
  }

  /**
   * Embeddings for a front end that can call them only with a static key (Open WebUI's
   * `azure_openai` embeddings engine), through this gateway: a second API at
   * `/frontend-embeddings/openai` with the one embeddings operation, a subscription scoped to it
   * whose key goes to `options.vault`, and the main API's routing, per-user limits and
   * managed-identity backend calls for `options.deploymentName` only. No model key is created or
   * enabled anywhere. Once per gateway.
   *
   * @param id construct id, under the gateway
   * @param options the vault, the embeddings deployment, the API version and vector length
   */
  public addFrontEndEmbeddings(id: string, options: FrontEndEmbeddingsOptions): FrontEndEmbeddings {
    const existing = this.node.children.find((c) => c instanceof FrontEndEmbeddings);
    if (existing) {
      throw ruleError(this, `addFrontEndEmbeddings may be called once per gateway (its API path and subscription are fixed), got a second call with id '${id}' after '${existing.node.id}'`);
    }
    try {
      return FrontEndEmbeddings._create(this, id, this.embeddingsConfig, options);
    } catch (e) {
      // A refused call leaves nothing behind, so that a corrected call can follow.
      this.node.tryRemoveChild(id);
      throw e;
    }
  }

  /** The main API's diagnostics, for the API `apiName` under `scope` (a front-end embeddings API). */
  private apiTelemetry(scope: Construct, apiName: string, policy: ITerraformDependable, props: AiGatewayProps): TerraformResource[] {
    const forwarded = (props.userSource ?? GatewayUserSource.FORWARDED_HEADER) === GatewayUserSource.FORWARDED_HEADER;
    const after = [...(this.diagnosticSetting ? [this.diagnosticSetting] : []), policy];
    const { apiDiagnostic, llmLogging } = this.workspaceDiagnostic(scope, apiName, after, {
      // The embeddings API always reads the user from a header.
      header: forwarded ? props.userHeaderName ?? DEFAULT_USER_HEADER : DEFAULT_USER_HEADER,
      logMessages: props.logLlmMessages ?? false,
    });
    const metrics = this.metricsLogger ? [this.metricsDiagnosticOf(scope, apiName, this.metricsLogger.getStringAttribute('id'), [policy])] : [];
    return [apiDiagnostic, llmLogging, ...metrics];
  }

  /**
   * Logs to the workspace (gateway and LLM logs, the user header, token counts) and, with
   * `emitTokenMetrics`, the private Application Insights path of the token metrics.
   */
  private addTelemetry(props: AiGatewayProps, monitoring: IMonitoring, principal: IPrincipal): Telemetry {
    const forwarded = (props.userSource ?? GatewayUserSource.FORWARDED_HEADER) === GatewayUserSource.FORWARDED_HEADER;
    const diagnosticSetting = monitoring.addDiagnosticSetting(this, 'Diagnostics', {
      targetResourceId: this.gatewayId,
      logCategories: LOG_CATEGORIES,
      metrics: true,
    });
    const { apiDiagnostic, llmLogging } = this.workspaceDiagnostic(this, this.api.name, [diagnosticSetting, this.policy], {
      header: forwarded ? props.userHeaderName ?? DEFAULT_USER_HEADER : undefined,
      logMessages: props.logLlmMessages ?? false,
    });
    const metrics = props.emitTokenMetrics ? this.addTokenMetrics(props, monitoring, principal) : undefined;
    return { diagnosticSetting, apiDiagnostic, llmLogging, metrics };
  }

  /**
   * The `azuremonitor` diagnostic of one API (gateway log rows with the user header, no bodies) and
   * its language-model logging. Used for the main API and for each front-end embeddings API, with
   * the construct ids `ApiDiagnostic` and `LlmLogging` under `scope`.
   */
  private workspaceDiagnostic(scope: Construct, apiName: string, dependsOn: ITerraformDependable[],
    o: { readonly header?: string; readonly logMessages: boolean }): { apiDiagnostic: TerraformResource; llmLogging: TerraformResource } {
    // Every instance has the built-in 'azuremonitor' logger, which writes to the resource-specific
    // tables of the diagnostic setting (ApiManagementGatewayLogs.RequestHeaders).
    // Not azurerm_api_management_api_diagnostic: in azurerm 4.55 `operation_name_format` has the
    // schema default "Name", and a CustomizeDiff refuses any non-empty value unless `identifier` is
    // `applicationinsights`, so an `azuremonitor` diagnostic fails every plan whatever the config
    // says ("" is refused by the attribute's enum). azapi writes the same ARM resource.
    // https://github.com/hashicorp/terraform-provider-azurerm/blob/v4.55.0/internal/services/apimanagement/api_management_api_diagnostic_resource.go#L117-L135
    // https://github.com/hashicorp/terraform-provider-azurerm/issues/28547
    const apiDiagnostic = new AzapiResource(scope, 'ApiDiagnostic', {
      type: `Microsoft.ApiManagement/service/apis/diagnostics@${APIM_API_VERSION}`,
      name: 'azuremonitor',
      parentId: `${this.gatewayId}/apis/${apiName}`,
      body: {
        properties: {
          loggerId: `${this.gatewayId}/loggers/azuremonitor`,
          sampling: { samplingType: 'fixed', percentage: 100 },
          alwaysLog: 'allErrors',
          logClientIp: false,
          verbosity: 'information',
          frontend: { request: o.header !== undefined ? { headers: [o.header], body: { bytes: 0 } } : { body: { bytes: 0 } } },
        },
      },
      dependsOn,
    });
    const llmLogging = new AzapiUpdateResource(scope, 'LlmLogging', {
      type: `Microsoft.ApiManagement/service/apis/diagnostics@${LLM_LOGGING_API_VERSION}`,
      resourceId: `${this.gatewayId}/apis/${apiName}/diagnostics/azuremonitor`,
      body: { properties: { largeLanguageModel: llmLogSettings(o.logMessages) } },
      dependsOn: [apiDiagnostic],
    });
    return { apiDiagnostic, llmLogging };
  }

  /**
   * The `applicationinsights` diagnostic of one API with custom metrics on, which
   * `llm-emit-token-metric` needs (construct id `MetricsDiagnostic` under `scope`).
   */
  private metricsDiagnosticOf(scope: Construct, apiName: string, loggerId: string, dependsOn: ITerraformDependable[]): TerraformResource {
    return new AzapiResource(scope, 'MetricsDiagnostic', {
      type: `Microsoft.ApiManagement/service/apis/diagnostics@${APIM_API_VERSION}`,
      name: 'applicationinsights',
      parentId: `${this.gatewayId}/apis/${apiName}`,
      body: {
        properties: {
          loggerId,
          // Custom metrics on: without it llm-emit-token-metric sends nothing.
          metrics: true,
          alwaysLog: 'allErrors',
          logClientIp: false,
          verbosity: 'error',
          // No request telemetry (every request is in the workspace's gateway log already);
          // Application Insights never samples custom metrics.
          sampling: { samplingType: 'fixed', percentage: 0 },
          httpCorrelationProtocol: 'W3C',
        },
      },
      dependsOn,
    });
  }

  /** Application Insights behind the private link scope, its managed-identity logger, and the API's diagnostic with custom metrics. */
  private addTokenMetrics(props: AiGatewayProps, monitoring: IMonitoring, principal: IPrincipal): TokenMetrics {
    const insights = new ApplicationInsights(this, 'Insights', {
      name: Names.local(this, AzureNameRule.APPLICATION_INSIGHTS, 'appi'),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      applicationType: 'other',
      workspaceId: monitoring.workspaceId,
      // Entra-only ingestion, through the private link scope only.
      localAuthenticationDisabled: true,
      internetIngestionEnabled: false,
      // Operators read metrics in the portal, behind Entra ID and RBAC (as the workspace's default).
      internetQueryEnabled: true,
      disableIpMasking: false,
      tags: props.tags,
    });
    const scope = props.monitorPrivateLinkScope ?? new MonitorPrivateLinkScope(this, 'MonitorPrivateLinkScope', {
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      network: props.network,
      dnsZones: props.dnsZones,
      monitoring,
      tags: props.tags,
    });
    const scoped = scope.addScopedResource(this, 'InsightsScope', insights.id);
    // Token metrics leave through the integration subnet to the scope's private endpoint.
    wireSubnetCaller(endpointOf(scope), props.integrationSubnetId, 'AI gateway token metrics to Azure Monitor');
    // A workspace-based component ingests through its workspace, which must be in the scope too
    // (a new scope adds it itself). A workspace this stack creates joins a given scope here; an
    // existing one (Monitoring.fromWorkspaceId) is the platform's to scope.
    const joinsWorkspace = props.monitorPrivateLinkScope !== undefined && monitoring instanceof Monitoring;
    const workspaceScoped = joinsWorkspace ? scope.addScopedResource(this, 'WorkspaceScope', monitoring.workspaceId) : undefined;
    const publisher = grantRole(this, {
      scopeId: insights.id,
      roleDefinitionName: 'Monitoring Metrics Publisher',
      principal,
      description: 'The AI gateway sends token metrics to Application Insights as its managed identity',
    });
    const publisherWait = waitAfter(this, 'WaitForMetricsPublisher', [publisher], '60s');
    const logger = new AzapiResource(this, 'MetricsLogger', {
      type: `Microsoft.ApiManagement/service/loggers@${APIM_API_VERSION}`,
      name: METRICS_LOGGER,
      parentId: this.gatewayId,
      body: {
        properties: {
          loggerType: 'applicationInsights',
          description: 'Token metrics, sent with the gateway\'s managed identity',
          resourceId: insights.id,
          isBuffered: true,
        },
      },
      // No instrumentation key: the connection string names the endpoint, the identity
      // authenticates. Write-only: API Management returns a named-value reference instead.
      sensitiveBody: {
        properties: {
          credentials: { connectionString: insights.connectionString, identityClientId: props.userAssignedIdentity?.clientId ?? 'SystemAssigned' },
        },
      },
      dependsOn: [publisherWait, scoped, ...(workspaceScoped ? [workspaceScoped] : [])],
    });
    const diagnostic = this.metricsDiagnosticOf(this, this.api.name, logger.id, [this.policy]);
    return {
      applicationInsights: insights,
      monitorPrivateLinkScope: scope,
      metricsPublisherGrant: publisher,
      metricsLogger: logger,
      metricsDiagnostic: diagnostic,
    };
  }

  private validate(props: AiGatewayProps): Validated {
    checkShape(this, props, SHAPE);
    checkPlacement(this, props.resourceGroupName, props.location);
    checkSameRegionAsNetwork(this, 'location', props.location, props.network.location);
    checkTags(this, 'tags', props.tags);
    AzureNameRule.API_MANAGEMENT.validate(this, 'name', props.name);
    checkNotBlank(this, 'publisherEmail', props.publisherEmail);
    if (!isUnresolved(props.publisherEmail) && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(props.publisherEmail)) {
      throw propError(this, 'publisherEmail', 'must be an email address', props.publisherEmail);
    }
    if (props.publisherName !== undefined) checkNotBlank(this, 'publisherName', props.publisherName);
    this.checkSku(props.skuName ?? DEFAULT_SKU);
    this.checkSubnet(props);
    if (props.tenantId !== undefined) checkGuid(this, 'tenantId', props.tenantId);
    this.checkCallers(props.allowedCallerClientIds);
    if (props.userSource !== undefined) checkOneOfSources(this, 'userSource', props.userSource);
    if (props.callerUserSources !== undefined) {
      props.callerUserSources.forEach((s, i) => checkOneOfSources(this, `callerUserSources[${i}]`, s));
      checkUserSourceOf(this, props.userSource ?? GatewayUserSource.FORWARDED_HEADER, props.callerUserSources);
    }
    const header = props.userHeaderName;
    if (header !== undefined) {
      checkNotBlank(this, 'userHeaderName', header);
      if (!isUnresolved(header) && !HEADER_NAME.test(header)) {
        throw propError(this, 'userHeaderName', 'must be an HTTP header name (letters, digits and !#$%&\'*+.^_`|~-)', header);
      }
      if ((props.userSource ?? GatewayUserSource.FORWARDED_HEADER) !== GatewayUserSource.FORWARDED_HEADER) {
        throw propError(this, 'userHeaderName', 'must be left out unless \'userSource\' is GatewayUserSource.FORWARDED_HEADER (a token claim needs no header)', header);
      }
    }
    checkTokens(this, 'tokensPerMinutePerUser', props.tokensPerMinutePerUser);
    checkTokens(this, 'tokensPerDayPerUser', props.tokensPerDayPerUser);
    const seen = new Set<string>();
    for (const [i, limit] of (props.deploymentLimits ?? []).entries()) {
      checkNotBlank(this, `deploymentLimits[${i}].deployment`, limit.deployment);
      AzureNameRule.COGNITIVE_DEPLOYMENT.validate(this, `deploymentLimits[${i}].deployment`, limit.deployment);
      checkTokens(this, `deploymentLimits[${i}].tokensPerMinutePerUser`, limit.tokensPerMinutePerUser);
      checkTokens(this, `deploymentLimits[${i}].tokensPerDayPerUser`, limit.tokensPerDayPerUser);
      if (limit.tokensPerMinutePerUser === undefined && limit.tokensPerDayPerUser === undefined) {
        throw ruleError(this, `'deploymentLimits[${i}]' must set 'tokensPerMinutePerUser' or 'tokensPerDayPerUser' (otherwise it changes nothing), got neither for '${limit.deployment}'`);
      }
      if (isUnresolved(limit.deployment)) continue;
      if (seen.has(limit.deployment)) {
        throw propError(this, `deploymentLimits[${i}].deployment`, 'must not repeat a deployment listed before', limit.deployment);
      }
      seen.add(limit.deployment);
    }
    this.checkTelemetry(props);
    const uami = props.userAssignedIdentity;
    if (uami) {
      checkResourceId(this, 'userAssignedIdentity.identityId', uami.identityId, 'Microsoft.ManagedIdentity/userAssignedIdentities');
      checkGuid(this, 'userAssignedIdentity.clientId', uami.clientId);
    }
    const ordered = this.orderBackends(props.backends);
    const breaker = breakerRuleFor(this, '', props.circuitBreaker, ordered.length);
    const accounts = ordered.map((b) => b.account);
    const capacity = capacityBehind(accounts);
    checkLimitsAgainstCapacity(this, '', capacity, props.tokensPerMinutePerUser, props.deploymentLimits);
    // A deployment added to a backend account after this point is not in the default or the check.
    this.node.addValidation({
      validate: () => (sameCapacity(capacityBehind(accounts), capacity) ? [] : [
        ruleError(this, 'a backend account got model deployments after the gateway was created, so the per-user tokens per minute '
          + `(${this.tokensPerMinutePerUser}) were derived and checked without them; add the deployments before creating the AiGateway`).message,
      ]),
    });
    return { ordered, breaker, tokensPerMinute: props.tokensPerMinutePerUser ?? defaultTokensPerMinute(capacity, props.deploymentLimits) };
  }

  private checkTelemetry(props: AiGatewayProps): void {
    if (props.monitoring) {
      if (props.monitorPrivateLinkScope && !props.emitTokenMetrics) {
        throw ruleError(this, "'monitorPrivateLinkScope' is used only with 'emitTokenMetrics: true' (it carries the token metrics), got a scope without it");
      }
      return;
    }
    for (const prop of ['emitTokenMetrics', 'logLlmMessages'] as const) {
      if (props[prop]) {
        throw propError(this, prop, "needs 'monitoring': the metrics and logs go to its workspace; give the stack's Monitoring or leave this out", true);
      }
    }
    if (props.monitorPrivateLinkScope) {
      throw ruleError(this, "'monitorPrivateLinkScope' is used only with 'monitoring' and 'emitTokenMetrics: true', got a scope without them");
    }
  }

  private checkSku(sku: string): void {
    checkNotBlank(this, 'skuName', sku);
    if (isUnresolved(sku)) {
      throw ruleError(this, `'skuName' must be known at synth (${ACCEPTED_SKUS}), because only v2 tiers can be made private this way, got a Terraform expression`);
    }
    const family = SKU_FAMILIES.find((f) => f.pattern.test(sku));
    if (family?.accepted) return;
    const why = family ? `: ${family.why}` : ' (the tier and units, e.g. \'StandardV2_1\')';
    throw propError(this, 'skuName', `must be ${ACCEPTED_SKUS}, the tiers with an inbound private endpoint and outbound VNet integration${why}`, sku);
  }

  private checkSubnet(props: AiGatewayProps): void {
    const subnet = props.integrationSubnetId;
    checkResourceId(this, 'integrationSubnetId', subnet, 'Microsoft.Network/virtualNetworks/subnets');
    const network = props.network;
    if (subnet === network.privateEndpointSubnetId || subnet === network.appIntegrationSubnetId) {
      const which = subnet === network.privateEndpointSubnetId ? 'private-endpoints' : 'app-integration';
      throw propError(this, 'integrationSubnetId', `must be a subnet dedicated to this gateway, not the network's '${which}' subnet: `
        + 'Azure refuses an integration subnet shared with another resource; add a /27 or larger subnet delegated to Microsoft.Web/serverFarms with an NSG',
      isUnresolved(subnet) ? `the network's ${which} subnet id` : subnet);
    }
  }

  private checkCallers(ids: string[]): void {
    if (!Array.isArray(ids) || (ids.length === 1 && typeof ids[0] === 'string' && ids[0].includes('#{'))) {
      throw ruleError(this, "'allowedCallerClientIds' must be a list known at synth (each element may be an expression), because each id becomes a policy element, got a Terraform expression");
    }
    if (ids.length === 0) {
      throw propError(this, 'allowedCallerClientIds', 'must list at least one client id (the front end identity\'s clientId): the gateway accepts no caller otherwise', []);
    }
    const seen = new Map<string, number>();
    for (const [i, id] of ids.entries()) {
      checkGuid(this, `allowedCallerClientIds[${i}]`, id);
      if (isUnresolved(id)) continue;
      const first = seen.get(id.toLowerCase());
      if (first !== undefined) throw propError(this, `allowedCallerClientIds[${i}]`, `must not repeat 'allowedCallerClientIds[${first}]'`, id);
      seen.set(id.toLowerCase(), i);
    }
  }

  /** Backends in failover order, with their names; refuses an empty list, repeats and bad priorities. */
  private orderBackends(backends: AiGatewayBackend[]): OrderedBackend[] {
    if (isUnresolved(backends)) throw ruleError(this, "'backends' must be a list known at synth, got a Terraform expression");
    if (backends.length === 0) throw propError(this, 'backends', 'must list at least one account', []);
    const names = new Map<string, number>();
    const accounts = new Map<string, number>();
    const entries = backends.map((b, i) => {
      checkField(this, `backends[${i}].account`, b.account, OPENAI_REF(true));
      if (b.priority !== undefined) checkIntRange(this, `backends[${i}].priority`, b.priority, 1, 1000);
      const name = b.name ?? backendNameFor(b.account);
      if (b.name !== undefined) {
        checkNotBlank(this, `backends[${i}].name`, b.name);
        if (!isUnresolved(b.name) && !BACKEND_NAME.test(b.name)) {
          throw propError(this, `backends[${i}].name`, 'must be 1-80 letters, digits and hyphens, starting and ending with a letter or digit', b.name);
        }
      }
      if (isUnresolved(name)) throw ruleError(this, `'backends[${i}].name' must be known at synth (it names the policy's backend), got a Terraform expression`);
      const clash = names.get(name.toLowerCase());
      if (clash !== undefined) throw propError(this, `backends[${i}].name`, `must differ from 'backends[${clash}]' (backend names are case-insensitive)`, name);
      names.set(name.toLowerCase(), i);
      const accountKey = b.account.accountId;
      const same = accounts.get(accountKey);
      if (same !== undefined) throw propError(this, `backends[${i}].account`, `must not repeat the account of 'backends[${same}]'`, b.account.node.path);
      accounts.set(accountKey, i);
      return { account: b.account, name, priority: b.priority ?? i + 1, index: i };
    });
    return entries.sort((a, b) => a.priority - b.priority || a.index - b.index).map(({ account, name }) => ({ account, name }));
  }
}

/** `<construct id>-<6 hex>`: stable when backends are reordered, distinct for equal ids. */
function backendNameFor(account: IOpenAiAccount): string {
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

function checkUserSourceOf(scope: Owner, source: GatewayUserSource, supplies: GatewayUserSource[]): void {
  checkOneOfSources(scope, 'userSource', source);
  if (!Array.isArray(supplies)) throw propError(scope, 'callerUserSources', 'must be a list of GatewayUserSource', supplies);
  if (supplies.includes(source)) return;
  const hint = source === GatewayUserSource.TOKEN_CLAIM
    ? 'the front end calls with its own identity\'s token, so the token names no user; use GatewayUserSource.FORWARDED_HEADER'
    : 'the front end does not forward the user in a header; use GatewayUserSource.TOKEN_CLAIM with user tokens';
  throw propError(scope, 'userSource', `must be a source the calling front end can supply (${supplies.map((s) => `'${s}'`).join(', ') || 'none'}): ${hint}`, source);
}
