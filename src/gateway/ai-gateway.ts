import { ApiManagement } from '@cdktf/provider-azurerm/lib/api-management';
import { ApiManagementApi } from '@cdktf/provider-azurerm/lib/api-management-api';
import { ApiManagementApiOperation } from '@cdktf/provider-azurerm/lib/api-management-api-operation';
import { ApiManagementApiPolicy } from '@cdktf/provider-azurerm/lib/api-management-api-policy';
import { ApiManagementBackend } from '@cdktf/provider-azurerm/lib/api-management-backend';
import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Sleep } from '@cdktf/provider-time/lib/sleep';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { AiGatewayProps, GatewayUserSource } from './ai-gateway-props';
import { FrontEndEmbeddings, FrontEndEmbeddingsOptions } from './front-end-embeddings';
import { BREAKER_RULE_NAME, BREAKER_STATUS_CODES } from './private/circuit-breaker';
import { EmbeddingsConfig } from './private/embeddings-config';
import { addTelemetry, apiTelemetry, APIM_API_VERSION } from './private/gateway-telemetry';
import { checkUserSourceOf, DEFAULT_SKU, DEFAULT_TOKENS_PER_DAY, DEFAULT_USER_HEADER, validateGateway } from './private/gateway-validation';
import { OPERATIONS } from './private/operations';
import { buildPolicyXml, COGNITIVE_SERVICES_RESOURCE, PolicyDeploymentLimit } from './private/policy';
import { ChatIdentity } from '../app/identity';
import { IChatIdentity } from '../core/identity';
import { AzureNameRule, Names } from '../core/names';
import { IPrincipal, PrincipalType } from '../core/principal';
import { AzapiUpdateResource } from '../core/private/azapi';
import { clientConfig } from '../core/private/client-config';
import { withoutTrailingSlash } from '../core/private/endpoints';
import { waitAfter } from '../core/private/providers';
import { ruleError, warn } from '../core/private/validate';
import { IMonitorPrivateLinkScope } from '../monitoring/private-link-scope';
import { endpointOf, wireSubnetCaller } from '../network/private/wiring';
import { PrivateLinkZone } from '../network/private-dns-zones';
import { ServicePrivateEndpoint } from '../network/private-endpoint';

export * from './ai-gateway-props';

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
 * - with `databricksBackends`: Azure Databricks serving endpoints offered as more chat models on
 *   `/openai/v1/chat/completions`, called as the gateway's user-assigned identity with an Entra
 *   token for Azure Databricks, under the same per-user limits and metrics;
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
  /** One backend per Databricks serving endpoint (`databricksBackends`), in the order given. */
  public readonly databricksBackends: ApiManagementBackend[] = [];
  /**
   * The model names the Databricks backends answer to (the `model` of a chat completions request),
   * in the order given: what a front end offers beside the Foundry deployments.
   */
  public readonly databricksModelNames: string[];
  /**
   * The identity the gateway calls the backends with when it is user-assigned: `userAssignedIdentity`,
   * or the one created here for `databricksBackends`.
   *
   * @default - none: the system-assigned identity
   */
  public readonly userAssignedIdentity?: IChatIdentity;
  /**
   * With `databricksBackends`: the identity to register in each workspace with `CAN_QUERY` on its
   * serving endpoint (`DatabricksServingEndpoint` `caller`, in the serving stack). Databricks
   * registers a managed identity by its client (application) id, which only a user-assigned
   * identity exposes in Terraform.
   *
   * @default - none without `databricksBackends`
   */
  public readonly databricksCaller?: IChatIdentity;
  /**
   * The client (application) id of {@link databricksCaller}: pass it to the serving stack.
   *
   * @default - none without `databricksBackends`
   */
  public readonly databricksCallerClientId?: string;
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
    const { ordered, databricks, breaker, tokensPerMinute } = validateGateway(this, props);
    this.tokensPerMinutePerUser = tokensPerMinute;
    this.databricksModelNames = databricks.map((b) => b.modelName);

    // A workspace registers its callers by client id; azurerm exposes none for API Management's
    // system-assigned identity (identity exports principal_id and tenant_id only), so Databricks
    // backends bring a user-assigned identity, which then calls every backend.
    const uami = props.userAssignedIdentity ?? (databricks.length > 0
      ? new ChatIdentity(this, 'Identity', { resourceGroupName: props.resourceGroupName, location: props.location, tags: props.tags })
      : undefined);
    this.userAssignedIdentity = uami;
    if (databricks.length > 0) {
      this.databricksCaller = uami;
      this.databricksCallerClientId = uami!.clientId;
    }
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
    for (const { endpoint, modelName, name } of databricks) {
      this.databricksBackends.push(new ApiManagementBackend(this, `DatabricksBackend-${name}`, {
        name,
        apiManagementName: this.resource.name,
        resourceGroupName: props.resourceGroupName,
        protocol: 'http',
        url: endpoint.openAiBaseUrl,
        description: `Azure Databricks serving endpoint ${endpoint.node.path} (model ${modelName})`,
      }));
      // Port 443 of the workspace's databricks_ui_api endpoint, when the workspace is in this stack.
      if (!wireSubnetCaller(endpointOf(endpoint.workspace), props.integrationSubnetId, 'AI gateway to its Databricks serving endpoints', [443])) {
        warn(this, 'gateway-databricks-flow', `the workspace of 'databricksBackends' endpoint '${endpoint.node.path}' is not a DatabricksWorkspace of this stack, `
          + "so no NSG rule is written for it: allow the gateway's integration subnet outbound, and the workspace's private-endpoint subnet inbound, "
          + "on TCP 443 to its databricks_ui_api private endpoint, and make privatelink.azuredatabricks.net resolve in the gateway's VNet");
      }
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

    // Shared by the main API's policy and the front-end embeddings API (addFrontEndEmbeddings).
    // A token-claim gateway refuses `userHeaderName`, so its embeddings API (Open WebUI forwards
    // the user in headers only) names the user in the default header.
    const userHeaderName = props.userHeaderName ?? DEFAULT_USER_HEADER;
    const tokensPerDay = props.tokensPerDayPerUser ?? DEFAULT_TOKENS_PER_DAY;
    const emitTokenMetrics = props.emitTokenMetrics ?? false;
    const deploymentLimits = (props.deploymentLimits ?? []).map((d): PolicyDeploymentLimit => ({
      deployment: d.deployment,
      tokensPerMinute: d.tokensPerMinutePerUser ?? tokensPerMinute,
      tokensPerDay: d.tokensPerDayPerUser ?? tokensPerDay,
    }));
    this.policyXml = buildPolicyXml({
      tenantId: props.tenantId ?? clientConfig(this).tenantId,
      allowedCallerClientIds: props.allowedCallerClientIds,
      // Managed identity tokens for `https://cognitiveservices.azure.com/.default` carry the
      // resource without the slash; tokens asked for with the slash keep it.
      audiences: [COGNITIVE_SERVICES_RESOURCE, `${COGNITIVE_SERVICES_RESOURCE}/`],
      userSource: props.userSource ?? GatewayUserSource.FORWARDED_HEADER,
      userHeaderName,
      identityClientId: uami?.clientId,
      backends: ordered.map((b) => ({ backendId: b.name })),
      databricksBackends: databricks.map((b) => ({
        backendId: b.name, modelName: b.modelName, endpointName: b.endpoint.endpointName, tokenResource: b.endpoint.tokenAudience,
      })),
      tokensPerMinute,
      tokensPerDay,
      deploymentLimits,
      emitTokenMetrics,
    });
    // A policy naming a backend that does not exist yet is refused ("Backend with id ... could
    // not be found"), so it waits for every backend, the operations and the grants' propagation.
    this.policy = new ApiManagementApiPolicy(this, 'Policy', {
      apiName: this.api.name,
      apiManagementName: this.resource.name,
      resourceGroupName: props.resourceGroupName,
      xmlContent: this.policyXml,
      dependsOn: [...this.backends, ...this.databricksBackends, ...this.operations, this.grantsWait],
    });

    this.embeddingsConfig = {
      gatewayId: this.gatewayId,
      apiManagementName: this.resource.name,
      resourceGroupName: props.resourceGroupName,
      gatewayUrl: this.gatewayUrl,
      backends: ordered,
      userHeaderName,
      identityClientId: uami?.clientId,
      tokensPerMinute,
      tokensPerDay,
      deploymentLimits,
      emitTokenMetrics,
      policyDependsOn: [...this.backends, this.grantsWait],
      addTelemetry: props.monitoring && ((owner, apiName, policy) => apiTelemetry(this, owner, apiName, policy, props)),
    };

    if (props.monitoring) {
      // The metrics logger signs in as the identity that calls the backends (created here with Databricks backends).
      const telemetry = addTelemetry(this, { ...props, userAssignedIdentity: uami }, props.monitoring, principal);
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
}
