import { IAiAccount } from '../ai/ai-account-props';
import { IChatIdentity } from '../core/identity';
import { IDatabricksServingEndpoint } from '../databricks/serving-endpoint';
import { IMonitoring } from '../monitoring/monitoring';
import { IMonitorPrivateLinkScope } from '../monitoring/private-link-scope';
import { PrivateEndpointOptions } from '../network/private-endpoint';

// The props of AiGateway and the option structs they hold, apart from the construct.

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
  readonly account: IAiAccount;
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

/**
 * One Azure Databricks model serving endpoint behind the gateway, offered to callers as a chat
 * model beside the Foundry deployments.
 *
 * A request to `POST /openai/v1/chat/completions` whose `model` is {@link modelName} goes to the
 * workspace's OpenAI-compatible route, `POST https://<workspace URL>/serving-endpoints/chat/completions`
 * with `model` set to the endpoint name, as the gateway's managed identity with an Entra token for
 * Azure Databricks (resource `2ff814a6-3304-4ab8-85cb-cd0e6f879c1d`), never a personal access
 * token. Other operations (responses, embeddings, the deployment routes) answer 400 for it:
 * Databricks serves the Responses API only for OpenAI's own models. No failover to the Foundry
 * backends (they serve other models), and no circuit breaker (one backend per model).
 *
 * @see https://learn.microsoft.com/azure/databricks/machine-learning/model-serving/query-chat-models
 */
export interface AiGatewayDatabricksBackend {
  /**
   * The serving endpoint: a `DatabricksServingEndpoint`, or `DatabricksServingEndpoint.fromAttributes({ workspace, endpointName })`
   * when it lives in the serving stack. Its workspace must have a `databricks_ui_api` private
   * endpoint (`hasPrivateEndpoint`); the gateway's identity needs `CAN_QUERY` on it
   * (`DatabricksServingEndpoint` `caller`: {@link AiGateway.databricksCaller}).
   */
  readonly endpoint: IDatabricksServingEndpoint;
  /**
   * The model name callers send (`model`) and the front end offers: 2-64 letters, digits, `_`,
   * `.` and `-`, unlike any deployment behind the gateway.
   *
   * @default - the endpoint name
   */
  readonly modelName?: string;
  /**
   * Name of the API Management backend: 1-80 letters, digits and hyphens, starting and ending
   * with a letter or digit.
   *
   * @default - `<endpoint construct id>-<6 hex of its path>`
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
   * Azure Databricks serving endpoints behind the gateway, each offered as a chat model on the
   * OpenAI-compatible chat completions route (see {@link AiGatewayDatabricksBackend}). With any,
   * the gateway calls every backend as a user-assigned identity (`userAssignedIdentity`, or one
   * created here), because the workspace registers its caller by client id, which a
   * system-assigned identity of API Management does not expose.
   *
   * @default - none
   */
  readonly databricksBackends?: AiGatewayDatabricksBackend[];
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
   * @default - the system-assigned identity; with `databricksBackends`, a user-assigned identity created here
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
