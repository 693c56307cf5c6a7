// The gateway's telemetry: gateway and LLM logs in the workspace, the per-API diagnostics, and the
// private Application Insights path of the token metrics.
import { ApiManagementApi } from '@cdktf/provider-azurerm/lib/api-management-api';
import { ApiManagementApiPolicy } from '@cdktf/provider-azurerm/lib/api-management-api-policy';
import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { ITerraformDependable, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { DEFAULT_USER_HEADER } from './gateway-validation';
import { AzureNameRule, Names } from '../../core/names';
import { grantRole, IPrincipal } from '../../core/principal';
import { AzapiResource, AzapiUpdateResource } from '../../core/private/azapi';
import { waitAfter } from '../../core/private/providers';
import { IMonitoring, Monitoring } from '../../monitoring/monitoring';
import { IMonitorPrivateLinkScope, MonitorPrivateLinkScope } from '../../monitoring/private-link-scope';
import { endpointOf, wireSubnetCaller } from '../../network/private/wiring';
import { AiGatewayProps, GatewayUserSource } from '../ai-gateway-props';

/**
 * API version of the azapi PATCH: v2 tiers need 2024-05-01 or later.
 *
 * @see https://github.com/pulumi/pulumi-azure-native/issues/4510
 */
export const APIM_API_VERSION = '2024-05-01';
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

/** The token-metrics pieces, with `emitTokenMetrics`. */
export interface TokenMetrics {
  readonly applicationInsights: ApplicationInsights;
  readonly monitorPrivateLinkScope: IMonitorPrivateLinkScope;
  readonly metricsPublisherGrant: RoleAssignment;
  readonly metricsLogger: TerraformResource;
  readonly metricsDiagnostic: TerraformResource;
}

/** The telemetry pieces, with `monitoring`. */
export interface Telemetry {
  readonly diagnosticSetting: MonitorDiagnosticSetting;
  readonly apiDiagnostic: TerraformResource;
  readonly llmLogging: TerraformResource;
  readonly metrics?: TokenMetrics;
}

/** The gateway as its telemetry sees it: the construct and what it has created before. */
export interface TelemetryGateway extends Construct {
  readonly gatewayId: string;
  readonly api: ApiManagementApi;
  readonly policy: ApiManagementApiPolicy;
  readonly diagnosticSetting?: MonitorDiagnosticSetting;
  readonly metricsLogger?: TerraformResource;
}

/** The main API's diagnostics, for the API `apiName` under `scope` (a front-end embeddings API). */
export function apiTelemetry(gateway: TelemetryGateway, scope: Construct, apiName: string, policy: ITerraformDependable,
  props: AiGatewayProps): TerraformResource[] {
  const forwarded = (props.userSource ?? GatewayUserSource.FORWARDED_HEADER) === GatewayUserSource.FORWARDED_HEADER;
  const after = [...(gateway.diagnosticSetting ? [gateway.diagnosticSetting] : []), policy];
  const { apiDiagnostic, llmLogging } = workspaceDiagnostic(gateway, scope, apiName, after, {
    // The embeddings API always reads the user from a header.
    header: forwarded ? props.userHeaderName ?? DEFAULT_USER_HEADER : DEFAULT_USER_HEADER,
    logMessages: props.logLlmMessages ?? false,
  });
  const metrics = gateway.metricsLogger ? [metricsDiagnosticOf(gateway, scope, apiName, gateway.metricsLogger.getStringAttribute('id'), [policy])] : [];
  return [apiDiagnostic, llmLogging, ...metrics];
}

/**
 * Logs to the workspace (gateway and LLM logs, the user header, token counts) and, with
 * `emitTokenMetrics`, the private Application Insights path of the token metrics.
 */
export function addTelemetry(gateway: TelemetryGateway, props: AiGatewayProps, monitoring: IMonitoring, principal: IPrincipal): Telemetry {
  const forwarded = (props.userSource ?? GatewayUserSource.FORWARDED_HEADER) === GatewayUserSource.FORWARDED_HEADER;
  const diagnosticSetting = monitoring.addDiagnosticSetting(gateway, 'Diagnostics', {
    targetResourceId: gateway.gatewayId,
    logCategories: LOG_CATEGORIES,
    metrics: true,
  });
  const { apiDiagnostic, llmLogging } = workspaceDiagnostic(gateway, gateway, gateway.api.name, [diagnosticSetting, gateway.policy], {
    header: forwarded ? props.userHeaderName ?? DEFAULT_USER_HEADER : undefined,
    logMessages: props.logLlmMessages ?? false,
  });
  const metrics = props.emitTokenMetrics ? addTokenMetrics(gateway, props, monitoring, principal) : undefined;
  return { diagnosticSetting, apiDiagnostic, llmLogging, metrics };
}

/**
 * The `azuremonitor` diagnostic of one API (gateway log rows with the user header, no bodies) and
 * its language-model logging. Used for the main API and for each front-end embeddings API, with
 * the construct ids `ApiDiagnostic` and `LlmLogging` under `scope`.
 */
function workspaceDiagnostic(gateway: TelemetryGateway, scope: Construct, apiName: string, dependsOn: ITerraformDependable[],
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
    parentId: `${gateway.gatewayId}/apis/${apiName}`,
    body: {
      properties: {
        loggerId: `${gateway.gatewayId}/loggers/azuremonitor`,
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
    resourceId: `${gateway.gatewayId}/apis/${apiName}/diagnostics/azuremonitor`,
    body: { properties: { largeLanguageModel: llmLogSettings(o.logMessages) } },
    dependsOn: [apiDiagnostic],
  });
  return { apiDiagnostic, llmLogging };
}

/**
 * The `applicationinsights` diagnostic of one API with custom metrics on, which
 * `llm-emit-token-metric` needs (construct id `MetricsDiagnostic` under `scope`).
 */
function metricsDiagnosticOf(gateway: TelemetryGateway, scope: Construct, apiName: string, loggerId: string,
  dependsOn: ITerraformDependable[]): TerraformResource {
  return new AzapiResource(scope, 'MetricsDiagnostic', {
    type: `Microsoft.ApiManagement/service/apis/diagnostics@${APIM_API_VERSION}`,
    name: 'applicationinsights',
    parentId: `${gateway.gatewayId}/apis/${apiName}`,
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
function addTokenMetrics(gateway: TelemetryGateway, props: AiGatewayProps, monitoring: IMonitoring, principal: IPrincipal): TokenMetrics {
  const insights = new ApplicationInsights(gateway, 'Insights', {
    name: Names.local(gateway, AzureNameRule.APPLICATION_INSIGHTS, 'appi'),
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
  const scope = props.monitorPrivateLinkScope ?? new MonitorPrivateLinkScope(gateway, 'MonitorPrivateLinkScope', {
    resourceGroupName: props.resourceGroupName,
    location: props.location,
    network: props.network,
    dnsZones: props.dnsZones,
    monitoring,
    tags: props.tags,
  });
  const scoped = scope.addScopedResource(gateway, 'InsightsScope', insights.id);
  // Token metrics leave through the integration subnet to the scope's private endpoint.
  wireSubnetCaller(endpointOf(scope), props.integrationSubnetId, 'AI gateway token metrics to Azure Monitor');
  // A workspace-based component ingests through its workspace, which must be in the scope too
  // (a new scope adds it itself). A workspace this stack creates joins a given scope here; an
  // existing one (Monitoring.fromWorkspaceId) is the platform's to scope.
  const joinsWorkspace = props.monitorPrivateLinkScope !== undefined && monitoring instanceof Monitoring;
  const workspaceScoped = joinsWorkspace ? scope.addScopedResource(gateway, 'WorkspaceScope', monitoring.workspaceId) : undefined;
  const publisher = grantRole(gateway, {
    scopeId: insights.id,
    roleDefinitionName: 'Monitoring Metrics Publisher',
    principal,
    description: 'The AI gateway sends token metrics to Application Insights as its managed identity',
  });
  const publisherWait = waitAfter(gateway, 'WaitForMetricsPublisher', [publisher], '60s');
  const logger = new AzapiResource(gateway, 'MetricsLogger', {
    type: `Microsoft.ApiManagement/service/loggers@${APIM_API_VERSION}`,
    name: METRICS_LOGGER,
    parentId: gateway.gatewayId,
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
  const diagnostic = metricsDiagnosticOf(gateway, gateway, gateway.api.name, logger.id, [gateway.policy]);
  return {
    applicationInsights: insights,
    monitorPrivateLinkScope: scope,
    metricsPublisherGrant: publisher,
    metricsLogger: logger,
    metricsDiagnostic: diagnostic,
  };
}
