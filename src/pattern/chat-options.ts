// The option structs of PrivateChat's `history`, `gateway` and `names` props.
import { AiGatewayBackend, AiGatewayCircuitBreaker, AiGatewayDatabricksBackend, AiGatewayDeploymentLimit } from '../gateway/ai-gateway';
import { HistoryOptions } from '../history/postgres-history-store';
import { IMonitorPrivateLinkScope } from '../monitoring/private-link-scope';

/** The `history` prop of {@link PrivateChat}. */
export interface ChatHistoryOptions extends HistoryOptions {
  /**
   * Keep history in a store. `false` leaves Open WebUI's chats in SQLite inside the container,
   * where a restart loses them: for trials only.
   *
   * @default true
   */
  readonly enabled?: boolean;
}

/** The `gateway` prop of {@link PrivateChat}. */
export interface ChatGatewayOptions {
  /** E-mail address of the API Management publisher (Azure requires one; it receives service notices). */
  readonly publisherEmail: string;
  /**
   * Address prefix of the gateway's outbound integration subnet, created in the new VNet (a /27 or
   * larger, dedicated, delegated to `Microsoft.Web/serverFarms`).
   *
   * @default '10.0.2.0/27', or in a custom `addressSpace` that does not hold it, the /27 right after the endpoint and app subnets' two /24s
   */
  readonly integrationSubnetCidr?: string;
  /**
   * Id of an existing dedicated integration subnet, with an existing `network`.
   *
   * @default - a subnet is created in the new VNet
   */
  readonly integrationSubnetId?: string;
  /**
   * More accounts behind the gateway (another region, or standard spill-over after a provisioned
   * deployment), tried after this stack's account in priority order.
   *
   * @default - only this stack's AI account
   */
  readonly additionalBackends?: AiGatewayBackend[];
  /**
   * Azure Databricks serving endpoints behind the gateway (see {@link AiGatewayDatabricksBackend}):
   * Open WebUI offers each model name beside the Foundry deployments, and the gateway's per-user
   * limits, token metrics and logs cover them. The gateway then calls its backends as a
   * user-assigned identity, `chat.gateway.databricksCaller`, which the serving stack registers
   * in the workspace with `CAN_QUERY` (docs/databricks.md). Open WebUI only.
   *
   * @default - none
   */
  readonly databricksBackends?: AiGatewayDatabricksBackend[];
  /**
   * The backends' circuit breaker (see {@link AiGatewayProps.circuitBreaker}): only with
   * `additionalBackends`, an error without them.
   *
   * @default - with `additionalBackends`: 3 failures (429 or 5xx) within a minute skip a backend for a minute, or for its Retry-After; without: none
   */
  readonly circuitBreaker?: AiGatewayCircuitBreaker;
  /**
   * Tokens per minute each user may spend per deployment. Above the capacity behind the gateway
   * (a deployment's capacity × 1,000, summed over the backends that hold it) it is an error.
   *
   * @default - a quarter of the smallest deployment's tokens per minute behind the gateway, at least 4000 and at most that capacity (4000 for the default capacity of 10)
   */
  readonly tokensPerMinutePerUser?: number;
  /**
   * Tokens per day each user may spend per deployment.
   *
   * @default 500000
   */
  readonly tokensPerDayPerUser?: number;
  /**
   * Limits for particular deployments.
   *
   * @default - every deployment gets the per-user defaults
   */
  readonly deploymentLimits?: AiGatewayDeploymentLimit[];
  /**
   * SKU of the gateway: `StandardV2_n` or `PremiumV2_n`.
   *
   * @default 'StandardV2_1'
   */
  readonly skuName?: string;
  /**
   * Token metrics by user, deployment and front end, through a private, Entra-only Application
   * Insights component (see {@link AiGatewayProps.emitTokenMetrics}). Without a
   * `monitorPrivateLinkScope`, a new Azure Monitor Private Link Scope is created with its
   * endpoint in the stack's network, and the five Azure Monitor zones join the stack's zones
   * (with hub zones, give their ids).
   *
   * @default true
   */
  readonly tokenMetrics?: boolean;
  /**
   * The landing zone's Azure Monitor Private Link Scope, from `MonitorPrivateLinkScope.fromScopeId`,
   * for the token metrics.
   *
   * @default - a new scope in the stack's network
   */
  readonly monitorPrivateLinkScope?: IMonitorPrivateLinkScope;
  /**
   * Log prompts and completions in the workspace, beside the token counts (see
   * {@link AiGatewayProps.logLlmMessages}). They are conversation content.
   *
   * @default false
   */
  readonly logLlmMessages?: boolean;
}

/** Explicit names for the main resources of a {@link PrivateChat}. Each must obey Azure's rule for its type. */
export interface PrivateChatNames {
  /** @default - derived */
  readonly resourceGroup?: string;
  /** @default - derived */
  readonly virtualNetwork?: string;
  /** @default - derived */
  readonly workspace?: string;
  /** Name of the AI account. @default - its custom subdomain */
  readonly aiAccount?: string;
  /** Custom subdomain of the AI account (its endpoint host); globally unique. @default - derived, hashed */
  readonly aiSubdomain?: string;
  /** Globally unique. @default - derived, hashed */
  readonly keyVault?: string;
  /** @default - derived */
  readonly servicePlan?: string;
  /** Globally unique; the sign-in redirect URI follows it. @default - derived, hashed */
  readonly webApp?: string;
  /** Globally unique; 5-50 letters and digits. @default - derived, hashed */
  readonly registry?: string;
  /** Name of the history server; globally unique. @default - derived, hashed */
  readonly historyServer?: string;
  /** Name of the shared state's Azure Managed Redis; globally unique. @default - derived, hashed */
  readonly sharedState?: string;
  /** Name of the file store's storage account; globally unique, 3-24 lowercase letters and digits. @default - derived, hashed */
  readonly fileStore?: string;
}

/**
 * Settings of the Log Analytics workspace `PrivateChat` creates (`PrivateChatProps.workspace`).
 * Not for an existing workspace (`monitoring`): its settings are managed where it was created.
 */
export interface ChatWorkspaceOptions {
  /**
   * Days logs are kept (30-730). The model account's request/response logs hold prompts and
   * completions: keep them no longer than the chats themselves (`history.retentionDays`).
   *
   * @default 90
   */
  readonly retentionInDays?: number;
  /**
   * Daily ingestion cap in GB, to bound the cost of request/response logging. Past the cap,
   * Log Analytics drops logs until the next day, audit logs included.
   *
   * @default - no cap
   */
  readonly dailyQuotaGb?: number;
}
