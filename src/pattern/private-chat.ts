import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Aspects, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ChatFileStoreOptions, ChatScaleOptions, ChatSharedStateOptions, DocumentChatOptions } from './chat-scale';
import { Encryption } from './encryption';
import { ContentFilterOptions } from '../ai/content-filter';
import { ModelDeployment, ModelDeploymentOptions } from '../ai/model-deployment';
import { AccountKind, AiAccount, IOpenAiAccount, OpenAiAccount } from '../ai/openai-account';
import { CONTENT_FILTER_OPTIONS_SHAPE, DEPLOYMENT_OPTIONS_SHAPE } from '../ai/private/shapes';
import { ChatWebApp, PRIVATE_APP_SERVICE_SKUS } from '../app/chat-web-app';
import { ContainerImage } from '../app/container-image';
import { ChatFrontEnd, HistoryStoreKind } from '../app/front-end';
import { ChatIdentity, IChatIdentity } from '../app/identity';
import { checkSignInPrincipals } from '../app/private/chat-sign-in';
import { checkWebAppNameNotReserved } from '../app/private/checks';
import { SignIn } from '../app/sign-in';
import { Compliance } from '../compliance/compliance';
import { AzureNameRule, Names } from '../core/names';
import { INamingConvention, NamingConvention } from '../core/naming';
import { IPrincipal } from '../core/principal';
import { parseCidr } from '../core/private/cidr';
import { inUsersWords } from '../core/private/pass-through';
import { DNS_ZONES_REF, IDENTITY_REF, MONITOR_SCOPE_REF, MONITORING_REF, NETWORK_REF, OPENAI_REF, PRINCIPAL_REF, VAULT_REF } from '../core/private/references';
import { checkLocation, checkSameRegionAsNetwork } from '../core/private/regions';
import { checkNotBlank, checkOneOf, checkResourceId, checkShape, checkTags, checkTrimmed, is, isUnresolved, propError, ruleError, Shape, show, warn } from '../core/private/validate';
import { TagResources } from '../core/tags';
import { AiGateway, AiGatewayBackend, AiGatewayCircuitBreaker, AiGatewayDeploymentLimit } from '../gateway/ai-gateway';
import { capacityBehind, checkLimitsAgainstCapacity } from '../gateway/private/capacity';
import { BREAKER_SHAPE, breakerRuleFor } from '../gateway/private/circuit-breaker';
import { UsageWorkbook } from '../gateway/usage-workbook';
import { HistoryOptions, PostgresHistoryStore } from '../history/postgres-history-store';
import { IMonitoring, Monitoring } from '../monitoring/monitoring';
import { IMonitorPrivateLinkScope } from '../monitoring/private-link-scope';
import { Egress } from '../network/egress';
import { endpointOf, wireSubnetCaller } from '../network/private/wiring';
import { IPrivateDnsZones, PrivateDnsZones, PrivateLinkZone } from '../network/private-dns-zones';
import { EndpointCaller } from '../network/private-endpoint';
import { IPrivateNetwork, PrivateNetwork } from '../network/private-network';
import { RegistryMirror } from '../registry/registry-mirror';
import { ICustomerManagedKey } from '../secrets/customer-managed-key';
import { EncryptionKey } from '../secrets/encryption-key';
import { IPrivateKeyVault, PrivateKeyVault } from '../secrets/key-vault';
import { defaultModelsFor, whyFrontEndCannotCall } from './private/chat-models';
import { checkHubZonesFor, createEmbeddings, createFileStore, createSharedState, DEFAULT_EMBEDDINGS_MODEL, embeddingsDeploymentFor, planScaleOut, ScaleOutPlan } from './private/scale-out';
import { PrivateRedisCache } from '../cache/private-redis-cache';
import { FrontEndEmbeddings } from '../gateway/front-end-embeddings';
import { PrivateFileStore } from '../storage/private-file-store';

/** Props of {@link PrivateChat}. Only `location` is required. */
export interface PrivateChatProps {
  /** Azure region of every resource, e.g. `swedencentral`. Pick one that offers your models. */
  readonly location: string;

  /**
   * Existing resource group to deploy into. When set, no resource group is created.
   *
   * @default - a new resource group `rg-<construct id>-<hash of the construct path>`
   */
  readonly resourceGroupName?: string;

  /**
   * An existing VNet and subnets (e.g. a spoke vended by the platform team). When set, no VNet,
   * subnet, NSG or NAT gateway is created; do not combine with the address props.
   *
   * @default - a new {@link PrivateNetwork}
   */
  readonly network?: IPrivateNetwork;
  /**
   * Address space of the new VNet.
   *
   * @default '10.0.0.0/16'
   */
  readonly addressSpace?: string;
  /**
   * Address prefix of the new `private-endpoints` subnet.
   *
   * @default '10.0.0.0/24'
   */
  readonly privateEndpointSubnetCidr?: string;
  /**
   * Address prefix of the new `app-integration` subnet.
   *
   * @default '10.0.1.0/24'
   */
  readonly appIntegrationSubnetCidr?: string;
  /**
   * Egress for the app subnet through a NAT gateway (see {@link PrivateNetworkProps.natGateway}).
   * `false` is the same as `egress: Egress.none()`, which warns; prefer `egress`. With an existing
   * `network`, `false` is accepted (nothing is created either way).
   *
   * @default true
   */
  readonly natGateway?: boolean;

  /**
   * A hub's privatelink DNS zones (`PrivateDnsZones.fromHubZoneIds`). When set, no zone and no
   * VNet link is created.
   *
   * @default - the zones the deployment needs are created and linked to the VNet: Foundry
   * (`services.ai`, `openai`, `cognitiveservices`), Key Vault, App Service and, with history,
   * PostgreSQL; plus the registry's, the gateway's and Azure Monitor's when those are on
   */
  readonly dnsZones?: IPrivateDnsZones;

  /**
   * An existing Log Analytics workspace (`Monitoring.fromWorkspaceId`). When set, no workspace is created.
   *
   * @default - a new workspace with 90 days retention
   */
  readonly monitoring?: IMonitoring;

  /**
   * Kind of the AI account to create.
   *
   * `AccountKind.AI_SERVICES` (the default) creates a Microsoft Foundry account
   * ({@link AiAccount}) that serves OpenAI and open models. `AccountKind.OPENAI` creates the
   * Azure OpenAI account ({@link OpenAiAccount}) that stacks made before Foundry became the
   * default have: set it to keep such a stack's account, since in azurerm 4.55 changing `kind`
   * replaces the account (see docs/operations.md for the migration). Both keep the same construct
   * path and names.
   *
   * @default AccountKind.AI_SERVICES
   */
  readonly accountKind?: AccountKind;
  /**
   * Model deployments of the AI account. The app chats with `chatDeploymentName`.
   *
   * Each deployment is processed in the account's data zone (`DataZoneStandard`) or region
   * (`Standard`) unless it sets a Global `sku` with `allowGlobalProcessing: true`, which weakens
   * data residency (see {@link ModelDeploymentOptions.sku}).
   *
   * @default - one small deployment of a current GA chat model Open WebUI calls, processed in the EU or US data zone: `gpt-5.4` (`2026-03-05`) on `DataZoneStandard`, capacity 10; in a region outside both data zones the synth fails and names both ways out (see {@link AiAccount})
   */
  readonly models?: ModelDeploymentOptions[];
  /**
   * Name of the deployment the chat app uses by default. It must be a chat deployment the front
   * end can call (not embeddings, batch, speech or images; not a reasoning model for the sample app).
   *
   * @default - the first deployment of `models` the front end can call
   */
  readonly chatDeploymentName?: string;
  /**
   * Deployments the front end offers users to pick from, for a front end that offers several
   * (Open WebUI). Each must be a chat deployment the front end can call.
   *
   * @default - every deployment of `models` the front end can call (with an existing `openAi` account: `chatDeploymentName` only)
   */
  readonly chatDeploymentNames?: string[];
  /**
   * Content filter attached to every deployment.
   *
   * @default - hate, sexual, violence and self-harm blocked at medium severity and above on prompts and completions; prompt shields on
   */
  readonly contentFilter?: ContentFilterOptions;
  /**
   * FQDNs the Azure OpenAI account may reach (outbound access is restricted to this list).
   *
   * @default - none
   */
  readonly allowedFqdns?: string[];

  /**
   * The chat front end (see docs/front-ends.md for the choice).
   *
   * @default ChatFrontEnd.openWebUi()
   */
  readonly frontEnd?: ChatFrontEnd;
  /**
   * Container image of the chat app: short for `frontEnd: ChatFrontEnd.fromImage(image)`. Do not
   * combine with `frontEnd`.
   *
   * @default - the front end's image
   */
  readonly image?: ContainerImage;
  /**
   * Conversation history, for a front end that keeps it in a store (Open WebUI: a private
   * PostgreSQL Flexible Server, see {@link PostgresHistoryStore}): retention, SKU, backups.
   *
   * @default - a history store with the defaults of PostgresHistoryStore (chats kept until users delete them, 35 days of backups) when the front end reads one
   */
  readonly history?: ChatHistoryOptions;
  /**
   * An AI gateway (API Management Standard v2, see {@link AiGateway}) between the front end and
   * the models: per-user token limits, usage analytics, failover to more accounts. Off by default:
   * it adds a fixed cost (about USD 730 a month at list price for Standard v2) and a few minutes of
   * deploy time.
   *
   * @default - none: the front end calls the AI account directly
   */
  readonly gateway?: ChatGatewayOptions;
  /**
   * Pull the front end's image through a private Azure Container Registry in the stack (a
   * {@link RegistryMirror}): a pull-through cache rule copies it from its upstream on first pull,
   * the registry has a private endpoint in `privatelink.azurecr.io`, and the app pulls over the VNet
   * as its own identity (`AcrPull`). The image must come from a registry with cache-rule support
   * (Open WebUI's, `ghcr.io`, has it).
   *
   * @default false - the app pulls from the image's own registry. On a network `PrivateChat`
   * creates, it pulls over App Service's own path (`vnetImagePullEnabled` false: the VNet's NSGs
   * deny the Internet), unless `egress` opens the Internet, which pulls through the VNet; on an
   * existing `network`, through that network (the web app's default, `vnetImagePullEnabled` true)
   */
  readonly imageMirror?: boolean;
  /**
   * Extra app settings for the container.
   *
   * @default - none
   */
  readonly appSettings?: { [key: string]: string };
  /**
   * How users sign in with Entra ID.
   *
   * @default SignIn.createAppRegistration() - an app registration is created through the azuread provider
   */
  readonly signIn?: SignIn;
  /**
   * Users and groups who may sign in (`Principal.fromGroupObjectId(this, 'Staff', '<object id>')`):
   * each is assigned the registration's `User` app role. The registration requires assignment,
   * so nobody else can sign in. Prefer groups.
   *
   * @default - nobody is assigned; the synth warning `no-sign-in-assignments` says how to assign a group
   */
  readonly signInPrincipals?: IPrincipal[];
  /**
   * Groups who administer the chat front end (`Principal.fromGroupObjectId(...)`): each is assigned
   * the registration's `Admin` app role, which also lets its members sign in. Open WebUI makes
   * them admins at each sign-in and everyone else a user; nobody becomes admin by signing in first.
   *
   * @default - no admins
   */
  readonly adminGroups?: IPrincipal[];
  /**
   * SKU of the App Service plan; it must support private endpoints and VNet integration.
   *
   * @default 'P0v3'
   */
  readonly appServicePlanSku?: string;
  /**
   * How many instances of the chat app run, and where: an instance count, zone redundancy and
   * autoscale. `ChatScale.production()` is the production profile (three zone-redundant `P1v3`
   * instances, autoscale to 10). With more than one instance the stack adds the Redis Open
   * WebUI's instances share.
   *
   * @default - one instance (`ChatScale.single()`), no Redis
   * @see docs/sizing.md
   */
  readonly scale?: ChatScaleOptions;
  /**
   * The private Redis (Azure Managed Redis) the app's instances share their state through.
   *
   * @default - created exactly when `scale` allows more than one instance
   */
  readonly sharedState?: ChatSharedStateOptions;
  /**
   * The private storage account uploads go to (blob, private endpoint, no shared keys, the app's
   * identity as the only writer), instead of the container's disk, which a restart loses.
   *
   * @default - on with Open WebUI and a history store
   */
  readonly fileStore?: ChatFileStoreOptions;
  /**
   * Chat with your documents: knowledge bases and file search, with vectors in the history
   * database and embeddings from an embeddings deployment on the same account, called through
   * the gateway (required) with no model key anywhere.
   *
   * @default - off: uploads are still searchable with Open WebUI's built-in local embedding model
   */
  readonly documentChat?: DocumentChatOptions;
  /**
   * Turn on WebSockets for front ends that stream over them.
   *
   * @default - what the front end needs (on for Open WebUI)
   */
  readonly webSocketsEnabled?: boolean;
  /**
   * Path App Service's health check probes (see {@link ChatWebAppProps.healthCheckPath}).
   *
   * @default - the front end's health path (`/health` for Open WebUI)
   */
  readonly healthCheckPath?: string;
  /**
   * Paths App Service authentication lets through without a sign-in, e.g. a front end's own
   * static assets or a webhook (see {@link ChatWebAppProps.authExcludedPaths}). Every one is a
   * path anyone on the private network can reach unauthenticated.
   *
   * @default - none
   */
  readonly authExcludedPaths?: string[];
  /**
   * An existing identity for the app.
   *
   * @default - a new user-assigned managed identity
   */
  readonly identity?: IChatIdentity;

  /**
   * Protect the Azure OpenAI account and the Key Vault with `lifecycle.prevent_destroy`.
   *
   * Setting this to false WEAKENS PROTECTION: a later change that forces replacement would
   * destroy the account (its deployments and endpoint name) and the vault. Only for disposable
   * environments.
   *
   * @default true
   */
  readonly preventDestroy?: boolean;

  /**
   * How stored data is encrypted at rest. `Encryption.customerManagedKey()` creates one key in
   * the vault (with a rotation policy) that the AI account, the history store and the registry
   * mirror encrypt with; see docs/data-protection.md for the pieces that cannot use it.
   *
   * @default Encryption.microsoftManagedKeys()
   */
  readonly encryption?: Encryption;

  /**
   * Tags added to every taggable resource of this construct (by an Aspect; a resource's own tags
   * win). Entra objects get them as `key:value` strings (see TagResources).
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };

  /**
   * Your organization's naming convention for every resource this construct names, e.g.
   * `NamingConvention.fromPattern('{abbr}-chat-prod-weu-{role}-001')`. Explicit `names` win.
   * Addresses do not change; everything derived from a name (redirect URI, endpoints) follows it.
   *
   * @default - the library's names: `<abbr>-<id>-<hash>`, and hashed globally unique names
   */
  readonly naming?: INamingConvention;
  /**
   * Explicit names of the main resources, for a naming policy that wants exact names.
   *
   * @default - from `naming`, else the library's names
   */
  readonly names?: PrivateChatNames;

  /**
   * How the app subnet of a new network reaches Entra ID.
   *
   * Egress is closed whatever the path: the subnets' NSGs allow Entra ID (TCP 443) and the
   * private endpoints, and deny the Internet; without `imageMirror` the image is pulled over
   * App Service's own path instead of the VNet. `Egress.natGateway().openInternet(reason)` opens
   * the Internet (weakening isolation; the compliance report lists it with the reason).
   *
   * @default Egress.natGateway()
   */
  readonly egress?: Egress;

  /**
   * An existing Key Vault for the sign-in secret (`PrivateKeyVault.fromAttributes`), e.g. the
   * platform team's. When set, no vault is created; the vault must allow the Terraform identity
   * to write secrets and must be reachable from where Terraform runs.
   *
   * @default - a new PrivateKeyVault
   */
  readonly vault?: IPrivateKeyVault;
  /**
   * An existing AI account (`AiAccount.fromAttributes` or `OpenAiAccount.fromAttributes`), e.g. a shared one behind the
   * platform's private endpoint. When set, no account, deployment or content filter is created:
   * name the deployment to chat with in `chatDeploymentName`. The account must have local
   * (key) authentication off; the app reaches it with its managed identity.
   *
   * @default - a new AiAccount (or OpenAiAccount, per `accountKind`) with `models`
   */
  readonly openAi?: IOpenAiAccount;
  /**
   * Resource id of an existing App Service plan (`Microsoft.Web/serverFarms`) to run the app on.
   * It must be a Linux plan in the VNet's region with a SKU that supports private endpoints and
   * VNet integration.
   *
   * @default - a new plan of `appServicePlanSku`
   */
  readonly servicePlanId?: string;
}

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
   * @default '10.0.2.0/27' - inside the default address space
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
 * A network-isolated ChatGPT equivalent on Azure, in one construct.
 *
 * Wires a resource group, a {@link PrivateNetwork}, the {@link PrivateDnsZones}, a
 * {@link Monitoring} workspace, a Foundry {@link AiAccount} with model deployments and a content
 * filter, a {@link PrivateKeyVault} and a {@link ChatWebApp} signed in with Entra ID. Nothing has
 * a public data-plane endpoint; the app reaches the model with its managed identity, never with
 * a key. The compliance rule pack is applied to the whole stack.
 *
 * Every piece can be replaced by an existing one: resource group, network, DNS zones, workspace, identity.
 *
 * @example
 * new PrivateChat(stack, 'chat', { location: 'swedencentral' });
 */
export class PrivateChat extends Construct {
  /** Name of the resource group everything is deployed to. */
  public readonly resourceGroupName: string;
  /** The resource group, when this construct created it. */
  public readonly resourceGroup?: ResourceGroup;
  /** The network (created or existing). */
  public readonly network: IPrivateNetwork;
  /** The privatelink DNS zones (created or the hub's). */
  public readonly dnsZones: IPrivateDnsZones;
  /** The Log Analytics workspace (created or existing). */
  public readonly monitoring: IMonitoring;
  /** The AI account the app calls (created, or the one passed in `openAi`). */
  public readonly openAi: IOpenAiAccount;
  /** The Foundry account this construct created, with its deployments and content filter (with the default `accountKind`). */
  public readonly createdAiAccount?: AiAccount;
  /** The OpenAI-kind account this construct created (only with `accountKind: AccountKind.OPENAI`). */
  public readonly createdOpenAi?: OpenAiAccount;
  /** The Key Vault holding the sign-in secret (created, or the one passed in `vault`). */
  public readonly vault: IPrivateKeyVault;
  /** The vault this construct created (none with an existing vault). */
  public readonly createdVault?: PrivateKeyVault;
  /** The chat web app. */
  public readonly app: ChatWebApp;
  /** The deployment the app chats with, when this construct created it. */
  public readonly chatDeployment?: ModelDeployment;
  /** Name of the deployment the app chats with by default. */
  public readonly chatDeploymentName: string;
  /** Names of the deployments the front end offers, the default first. */
  public readonly chatDeploymentNames: string[];
  /** The chat front end the app runs. */
  public readonly frontEnd: ChatFrontEnd;
  /** The AI gateway, with `gateway`. */
  public readonly gateway?: AiGateway;
  /** The usage workbook of the gateway, with `gateway`. */
  public readonly usageWorkbook?: UsageWorkbook;
  /** The conversation-history store, when the front end keeps history in one. */
  public readonly history?: PostgresHistoryStore;
  /** The registry mirror, with `imageMirror`. */
  public readonly registryMirror?: RegistryMirror;
  /** The Redis the app's instances share, when the app may run more than one (or `sharedState` asks for it). */
  public readonly sharedState?: PrivateRedisCache;
  /** The private file store for uploads, when on. */
  public readonly fileStore?: PrivateFileStore;
  /** The gateway's embeddings operation for document chat, when on. */
  public readonly embeddings?: FrontEndEmbeddings;
  /** The customer-managed key, with `Encryption.customerManagedKey()`. */
  public readonly encryptionKey?: ICustomerManagedKey;
  /** The app's managed identity. */
  public readonly identity: IChatIdentity;
  /** OpenAI endpoint of the AI account (`https://<subdomain>.openai.azure.com/`), private-only. */
  public readonly openAiEndpoint: string;
  /**
   * Host name users browse to (`<app>.azurewebsites.net`). It resolves to the app's private
   * endpoint for clients that use the `privatelink.azurewebsites.net` zone.
   */
  public readonly appHostname: string;

  constructor(scope: Construct, id: string, props: PrivateChatProps) {
    super(scope, id);
    this.frontEnd = this.validate(props);
    if (props.naming) NamingConvention.applyTo(this, props.naming);
    const names = props.names ?? {};

    const location = props.location;
    if (props.resourceGroupName !== undefined) {
      this.resourceGroupName = props.resourceGroupName;
    } else {
      this.resourceGroup = new ResourceGroup(this, 'ResourceGroup', {
        name: names.resourceGroup ?? Names.local(this, AzureNameRule.RESOURCE_GROUP, 'rg'),
        location,
      });
      this.resourceGroupName = this.resourceGroup.name;
    }
    const common = { resourceGroupName: this.resourceGroupName, location };

    this.network = props.network ?? new PrivateNetwork(this, 'Network', {
      ...common,
      name: names.virtualNetwork,
      addressSpace: props.addressSpace,
      privateEndpointSubnetCidr: props.privateEndpointSubnetCidr,
      appIntegrationSubnetCidr: props.appIntegrationSubnetCidr,
      natGateway: props.natGateway,
      egress: props.egress,
    });
    // Zones of optional pieces come after the default ones, so no existing zone moves.
    const zones = PrivateLinkZone.all();
    const keepsHistory = this.frontEnd.historyStore === HistoryStoreKind.POSTGRESQL && props.history?.enabled !== false;
    const plan = planScaleOut(this, props, this.frontEnd, keepsHistory);
    if (keepsHistory) zones.push(PrivateLinkZone.POSTGRESQL);
    if (props.imageMirror) zones.push(PrivateLinkZone.CONTAINER_REGISTRY);
    if (props.gateway) zones.push(PrivateLinkZone.API_MANAGEMENT);
    if (tokenMetricsOf(props.gateway) && !props.gateway?.monitorPrivateLinkScope) zones.push(...PrivateLinkZone.azureMonitor());
    if (plan.fileStore && !zones.includes(PrivateLinkZone.BLOB)) zones.push(PrivateLinkZone.BLOB);
    if (plan.sharedState) zones.push(PrivateLinkZone.MANAGED_REDIS);
    this.dnsZones = props.dnsZones ?? new PrivateDnsZones(this, 'DnsZones', {
      resourceGroupName: this.resourceGroupName,
      network: this.network,
      zones,
    });
    this.monitoring = props.monitoring ?? new Monitoring(this, 'Monitoring', { ...common, name: names.workspace });
    const isolation = { network: this.network, dnsZones: this.dnsZones, monitoring: this.monitoring };

    if (props.vault) {
      this.vault = props.vault;
    } else {
      this.createdVault = new PrivateKeyVault(this, 'Vault', {
        ...common,
        ...isolation,
        name: names.keyVault,
        preventDestroy: props.preventDestroy,
      });
      this.vault = this.createdVault;
    }

    const encryption = props.encryption ?? Encryption.microsoftManagedKeys();
    if (encryption.customerManaged) {
      const options = encryption.options;
      this.encryptionKey = options.key ?? new EncryptionKey(this, 'EncryptionKey', {
        ...common,
        vault: this.vault,
        rotateAfterDays: options.rotateAfterDays,
        expireAfterDays: options.expireAfterDays,
        preventDestroy: props.preventDestroy,
      });
    }

    if (props.openAi && this.encryptionKey) {
      warn(this, 'encryption-existing-account', "'encryption' is customer-managed, but 'openAi' is an existing account: its encryption is managed where it was created, and this stack's key does not reach it. Set its customer-managed key there (AiAccountProps.customerManagedKey)");
    }
    if (props.openAi) {
      this.openAi = props.openAi;
      this.chatDeploymentName = props.chatDeploymentName!;
      const others = (props.chatDeploymentNames ?? []).filter((n) => n !== this.chatDeploymentName);
      this.chatDeploymentNames = this.oneOrSeveral([this.chatDeploymentName, ...others]);
    } else {
      const accountProps = {
        ...common,
        ...isolation,
        name: names.aiAccount,
        customSubdomainName: names.aiSubdomain,
        models: this.modelsWithEmbeddings(props),
        contentFilter: props.contentFilter,
        allowedFqdns: props.allowedFqdns,
        preventDestroy: props.preventDestroy,
        customerManagedKey: this.encryptionKey,
      };
      // One construct id for both kinds: the names hashed from the path stay the same, so that
      // azurerm >= 4.56 can change the kind in place (see docs/address-stability.md).
      let account: AiAccount | OpenAiAccount;
      if (props.accountKind === AccountKind.OPENAI) {
        account = this.createdOpenAi = new OpenAiAccount(this, 'OpenAi', accountProps);
      } else {
        account = this.createdAiAccount = new AiAccount(this, 'OpenAi', accountProps);
      }
      this.openAi = account;
      this.chatDeployment = this.findChatDeployment(account, props.chatDeploymentName);
      this.chatDeploymentName = this.chatDeployment.deploymentName;
      this.chatDeploymentNames = this.offeredDeployments(account, props.chatDeploymentNames);
    }

    if (keepsHistory) {
      const { enabled: _enabled, ...history } = props.history ?? {};
      this.history = new PostgresHistoryStore(this, 'History', {
        ...common,
        ...isolation,
        ...history,
        name: names.historyServer,
        vault: this.vault,
        customerManagedKey: this.encryptionKey,
        preventDestroy: props.preventDestroy,
      });
    }

    if (props.imageMirror) {
      this.registryMirror = new RegistryMirror(this, 'Registry', {
        ...common,
        ...isolation,
        name: names.registry,
        customerManagedKey: this.encryptionKey,
      });
    }

    checkHubZonesFor(this, props.dnsZones, plan);
    const pieces = this.scaleOutPieces(props, plan, common);
    this.sharedState = pieces.sharedState;
    this.fileStore = pieces.fileStore;

    // With a gateway, the gateway must know the app's identity (its only allowed caller) before the
    // app exists, so the identity is made here rather than inside the app.
    let appIdentity = props.identity;
    if (props.gateway) {
      const options = props.gateway;
      if (!this.frontEnd.forwardsSignedInUser) {
        throw propError(this, 'gateway', `must be left out for ${this.frontEnd.name}: the gateway meters each signed-in user by a header the front end forwards (X-OpenWebUI-User-Email), and this front end cannot forward one; use Open WebUI`, 'a gateway');
      }
      appIdentity ??= new ChatIdentity(this, 'AppIdentity', { ...common });
      const backends: AiGatewayBackend[] = [{ account: this.openAi, priority: 1 }, ...(options.additionalBackends ?? [])];
      // The gateway checks these too; here they name the props as written ('gateway.…').
      breakerRuleFor(this, 'gateway.', options.circuitBreaker, backends.length);
      checkLimitsAgainstCapacity(this, 'gateway.', capacityBehind(backends.map((b) => b?.account)), options.tokensPerMinutePerUser, options.deploymentLimits);
      this.gateway = new AiGateway(this, 'Gateway', {
        ...common,
        ...isolation,
        backends,
        circuitBreaker: options.circuitBreaker,
        integrationSubnetId: options.integrationSubnetId ?? this.gatewaySubnet(options.integrationSubnetCidr ?? '10.0.2.0/27'),
        allowedCallerClientIds: [appIdentity.clientId],
        publisherEmail: options.publisherEmail,
        skuName: options.skuName,
        tokensPerMinutePerUser: options.tokensPerMinutePerUser,
        tokensPerDayPerUser: options.tokensPerDayPerUser,
        deploymentLimits: options.deploymentLimits,
        emitTokenMetrics: tokenMetricsOf(options),
        monitorPrivateLinkScope: options.monitorPrivateLinkScope,
        logLlmMessages: options.logLlmMessages,
      });
      this.usageWorkbook = new UsageWorkbook(this, 'UsageWorkbook', { ...common, monitoring: this.monitoring });
      if (plan.documentChat) {
        const name = props.documentChat?.deploymentName ?? embeddingsDeploymentName(props);
        this.embeddings = createEmbeddings(this, this.gateway, this.vault, name);
      }
    }

    const scale = props.scale ?? {};
    const appWords: { [inner: string]: string } = {
      workerCount: 'scale.instances',
      zoneBalancingEnabled: 'scale.zoneRedundant',
      autoscale: 'scale.autoscale',
      skuName: scale.skuName !== undefined ? 'scale.skuName' : 'appServicePlanSku',
    };
    this.app = inUsersWords(this, appWords, () => new ChatWebApp(this, 'App', {
      ...common,
      ...isolation,
      name: names.webApp,
      servicePlanName: names.servicePlan,
      servicePlanId: props.servicePlanId,
      openAi: this.openAi,
      deploymentName: this.chatDeploymentName,
      vault: this.vault,
      identity: appIdentity,
      gatewayEndpoint: this.gateway?.endpoint,
      signIn: props.signIn,
      signInPrincipals: props.signInPrincipals,
      adminGroups: props.adminGroups,
      frontEnd: this.frontEnd,
      imageMirror: this.registryMirror,
      // Egress is closed: without the mirror the public image is pulled over App Service's own
      // path, not through the VNet (whose NSG denies the Internet); with the mirror, or once the
      // Internet is opened, through the VNet. An existing network keeps the app's default.
      vnetImagePullEnabled: props.network ? undefined : props.imageMirror === true || (this.network as PrivateNetwork).egress.opensInternet,
      history: this.history,
      deploymentNames: this.frontEnd.offersSeveralModels ? this.chatDeploymentNames : undefined,
      appSettings: props.appSettings,
      skuName: scale.skuName ?? props.appServicePlanSku,
      workerCount: scale.instances,
      zoneBalancingEnabled: scale.zoneRedundant,
      autoscale: scale.autoscale,
      sharedState: this.sharedState,
      fileStore: this.fileStore,
      embeddings: this.embeddings,
      webSocketsEnabled: props.webSocketsEnabled,
      healthCheckPath: props.healthCheckPath,
      authExcludedPaths: props.authExcludedPaths,
    }));
    if (props.preventDestroy === false) {
      // The opt-out is explicit in the props; record it as an acknowledged deviation so that the
      // compliance report shows who turned protection off, instead of failing the synth.
      const reason = `preventDestroy: false was set on PrivateChat '${this.node.path}' (disposable environment)`;
      const account = this.createdAiAccount ?? this.createdOpenAi;
      if (account) Compliance.acknowledge(account, 'PCHAT-LIFE-001', reason);
      if (this.createdVault) Compliance.acknowledge(this.createdVault, 'PCHAT-LIFE-001', reason);
      if (this.history) Compliance.acknowledge(this.history, 'PCHAT-LIFE-001', reason);
      if (this.fileStore) Compliance.acknowledge(this.fileStore, 'PCHAT-LIFE-001', reason);
    }
    this.wireFlows();
    this.identity = this.app.identity;
    this.openAiEndpoint = this.openAi.endpoint;
    this.appHostname = this.app.defaultHostname;

    if (props.tags && Object.keys(props.tags).length > 0) {
      Aspects.of(this).add(new TagResources(props.tags));
    }
    // The rule pack guards the whole stack, including resources the user adds next to this construct.
    Compliance.applyTo(TerraformStack.of(this));
  }

  /**
   * The flows of the architecture, each on its service's port (NSG rules on a new network; recorded
   * for PCHAT-NET-003 on an existing one): users reach the app through the VNet, and the app's
   * subnet reaches what its settings point at. The gateway wires its own subnet to its backends.
   */
  private wireFlows(): void {
    this.app.privateEndpoint.allowFrom(EndpointCaller.virtualNetwork(), 'Users (VNet, hub, VPN, ExpressRoute) to the chat app');
    const subnet = this.network.appIntegrationSubnetId;
    wireSubnetCaller(this.gateway ? this.gateway.privateEndpoint : endpointOf(this.openAi), subnet, 'Chat app to its model endpoint');
    wireSubnetCaller(endpointOf(this.vault), subnet, 'Chat app to Key Vault references');
    wireSubnetCaller(this.history?.privateEndpoint, subnet, 'Chat app to its history database');
    wireSubnetCaller(this.registryMirror?.privateEndpoint, subnet, 'Chat app pulls its image over the VNet');
    wireSubnetCaller(this.sharedState?.privateEndpoint, subnet, 'Chat app instances share state through Redis');
    wireSubnetCaller(this.fileStore?.privateEndpoint, subnet, 'Chat app keeps uploads in its file store');
  }

  /** The account's models: the user's (or the front end's default), plus document chat's embeddings deployment. */
  private modelsWithEmbeddings(props: PrivateChatProps): ModelDeploymentOptions[] | undefined {
    const models = props.models ?? defaultModelsFor(this.frontEnd);
    // Without `models` the account deploys its own defaults: the embeddings deployment comes after them.
    const all = models ?? AiAccount.defaultModels();
    const embeddings = embeddingsDeploymentFor(this, props.documentChat, all, props.openAi !== undefined);
    return embeddings ? [...all, embeddings] : models;
  }

  /** The Redis and the file store the plan asks for, in the stack's network, zones and vault. */
  private scaleOutPieces(props: PrivateChatProps, plan: ScaleOutPlan, common: { resourceGroupName: string; location: string }) {
    const at = {
      ...common,
      network: this.network,
      dnsZones: this.dnsZones,
      monitoring: this.monitoring,
      vault: this.vault,
      customerManagedKey: this.encryptionKey,
      preventDestroy: props.preventDestroy,
    };
    const names = props.names ?? {};
    return {
      sharedState: plan.sharedState ? createSharedState(this, props.sharedState, at, names.sharedState) : undefined,
      fileStore: plan.fileStore ? createFileStore(this, props.fileStore, at, names.fileStore) : undefined,
    };
  }

  /** Checks the props and returns the front end they pick. */
  private validate(props: PrivateChatProps): ChatFrontEnd {
    checkShape(this, props, propsShape());
    checkSignInPrincipals(this, props.signIn ?? SignIn.createAppRegistration(), props.signInPrincipals, props.adminGroups);
    const cmk = props.encryption?.options ?? {};
    if (cmk.key !== undefined && (cmk.rotateAfterDays !== undefined || cmk.expireAfterDays !== undefined)) {
      throw ruleError(this, "'encryption.key' and 'encryption.rotateAfterDays'/'expireAfterDays' are mutually exclusive: an existing key keeps its own rotation policy, got both");
    }
    if (props.image !== undefined && props.frontEnd !== undefined) {
      throw ruleError(this, "'image' and 'frontEnd' are mutually exclusive: 'image' is short for 'frontEnd: ChatFrontEnd.fromImage(image)', got both");
    }
    const frontEnd = props.frontEnd ?? (props.image !== undefined ? ChatFrontEnd.fromImage(props.image) : ChatFrontEnd.openWebUi());
    checkOneOf(this, 'accountKind', props.accountKind, [AccountKind.AI_SERVICES, AccountKind.OPENAI]);
    checkTags(this, 'tags', props.tags);
    checkTrimmed(this, 'location', props.location);
    checkLocation(this, 'location', props.location);
    if (props.resourceGroupName !== undefined) {
      checkNotBlank(this, 'resourceGroupName', props.resourceGroupName);
      AzureNameRule.RESOURCE_GROUP.validate(this, 'resourceGroupName', props.resourceGroupName);
    }
    if (props.network) {
      for (const prop of ['addressSpace', 'privateEndpointSubnetCidr', 'appIntegrationSubnetCidr', 'egress'] as const) {
        if (props[prop] !== undefined) {
          throw ruleError(this, `'network' and '${prop}' are mutually exclusive: an existing network brings its own addresses and egress, got both (${prop} ${show(props[prop])})`);
        }
      }
      // natGateway: false with an existing network says what is true anyway (nothing is created).
      if (props.natGateway === true) {
        throw ruleError(this, "'network' and 'natGateway' are mutually exclusive when 'natGateway' is true: no NAT gateway is added to an existing network, got both");
      }
      checkSameRegionAsNetwork(this, 'location', props.location, props.network.location);
    }
    if (props.names?.resourceGroup !== undefined && props.resourceGroupName !== undefined) {
      throw ruleError(this, "'names.resourceGroup' names a resource group to create and 'resourceGroupName' an existing one: set one, got both");
    }
    this.validateNames(props.names ?? {});
    if (props.openAi) {
      for (const prop of ['models', 'contentFilter', 'allowedFqdns', 'accountKind'] as const) {
        if (props[prop] !== undefined) {
          throw ruleError(this, `'openAi' and '${prop}' are mutually exclusive: deployments and the content filter of an existing account are managed where the account is, got both`);
        }
      }
      if (props.names?.aiAccount !== undefined || props.names?.aiSubdomain !== undefined) {
        throw ruleError(this, "'openAi' and 'names.aiAccount'/'names.aiSubdomain' are mutually exclusive: an existing account keeps its names, got both");
      }
      if (props.chatDeploymentName === undefined) {
        throw propError(this, 'chatDeploymentName', "is required with an existing 'openAi' account: name the deployment the app chats with", props.chatDeploymentName);
      }
      checkNotBlank(this, 'chatDeploymentName', props.chatDeploymentName);
    }
    const historyProps = props.history ?? {};
    if (props.history !== undefined && frontEnd.historyStore === HistoryStoreKind.NONE && historyProps.enabled !== false) {
      throw propError(this, 'history', 'must be left out (or { enabled: false }) for a front end that keeps no history in a store: only Open WebUI reads one', historyProps);
    }
    if (historyProps.enabled === false && Object.keys(historyProps).length > 1) {
      throw ruleError(this, "'history.enabled' is false, so no store is created and its other options do nothing; remove them, got " + Object.keys(historyProps).filter((k) => k !== 'enabled').map((k) => `'history.${k}'`).join(', '));
    }
    if (props.gateway && props.network && props.gateway.integrationSubnetId === undefined) {
      throw propError(this, 'gateway.integrationSubnetId', "is required with an existing 'network': name a dedicated /27 subnet delegated to Microsoft.Web/serverFarms, with an NSG", undefined);
    }
    if (props.gateway && !props.network && props.gateway.integrationSubnetId !== undefined) {
      throw ruleError(this, "'gateway.integrationSubnetId' names a subnet of an existing network, but 'network' is not given; use 'gateway.integrationSubnetCidr' for the new VNet, got 'integrationSubnetId'");
    }
    if (props.names?.registry !== undefined && props.imageMirror !== true) {
      throw ruleError(this, "'names.registry' names the registry mirror, which only 'imageMirror: true' creates, got 'names.registry' without it");
    }
    if (props.vault && props.names?.keyVault !== undefined) {
      throw ruleError(this, "'vault' and 'names.keyVault' are mutually exclusive: an existing vault keeps its name, got both");
    }
    if (props.servicePlanId !== undefined) {
      checkResourceId(this, 'servicePlanId', props.servicePlanId, 'Microsoft.Web/serverFarms');
      for (const prop of ['appServicePlanSku'] as const) {
        if (props[prop] !== undefined) throw ruleError(this, `'servicePlanId' and '${prop}' are mutually exclusive: an existing plan keeps its SKU, got both`);
      }
      if (props.names?.servicePlan !== undefined) throw ruleError(this, "'servicePlanId' and 'names.servicePlan' are mutually exclusive: an existing plan keeps its name, got both");
    }
    if (props.chatDeploymentName !== undefined && !isUnresolved(props.chatDeploymentName) && props.models) {
      const names = props.models.map((m) => m.name ?? m.modelName);
      if (!names.includes(props.chatDeploymentName)) {
        throw propError(this, 'chatDeploymentName', `must name one of the deployments in 'models' (${names.map((n) => `'${n}'`).join(', ')})`, props.chatDeploymentName);
      }
    }
    const sku = props.appServicePlanSku;
    if (sku !== undefined && !isUnresolved(sku) && !PRIVATE_APP_SERVICE_SKUS.includes(sku)) {
      throw propError(this, 'appServicePlanSku', `must be a SKU that supports private endpoints and VNet integration: one of ${PRIVATE_APP_SERVICE_SKUS.join(', ')}`, sku);
    }
    if (props.models && props.models.length === 0) {
      throw propError(this, 'models', 'must list at least one deployment for the chat app', []);
    }
    return frontEnd;
  }

  /** The gateway's dedicated integration subnet in the new VNet (API Management needs a /27 or larger, shared with nothing). */
  private gatewaySubnet(cidr: string): string {
    const parsed = isUnresolved(cidr) ? undefined : parseCidr(cidr);
    if (typeof parsed === 'string') throw propError(this, 'gateway.integrationSubnetCidr', `must be a CIDR block: ${parsed}`, cidr);
    if (parsed && parsed.prefix > 27) throw propError(this, 'gateway.integrationSubnetCidr', 'must be a /27 or larger: API Management needs it for outbound VNet integration', cidr);
    // The app's egress path too: the gateway fetches Entra ID's signing keys for its token check,
    // and the subnet has default outbound access off.
    return (this.network as PrivateNetwork).addDelegatedSubnet('GatewaySubnet', { name: 'apim-integration', cidr, egress: true }).id;
  }

  /** Each explicit name against Azure's rule for its type, named by its prop. */
  private validateNames(names: PrivateChatNames): void {
    const rules: [keyof PrivateChatNames, AzureNameRule][] = [
      ['resourceGroup', AzureNameRule.RESOURCE_GROUP], ['virtualNetwork', AzureNameRule.VIRTUAL_NETWORK],
      ['workspace', AzureNameRule.LOG_ANALYTICS_WORKSPACE], ['aiAccount', AzureNameRule.COGNITIVE_ACCOUNT],
      ['aiSubdomain', AzureNameRule.COGNITIVE_ACCOUNT], ['keyVault', AzureNameRule.KEY_VAULT],
      ['servicePlan', AzureNameRule.SERVICE_PLAN], ['webApp', AzureNameRule.WEB_APP], ['registry', AzureNameRule.CONTAINER_REGISTRY],
      ['historyServer', AzureNameRule.POSTGRESQL_SERVER],
    ];
    for (const [key, rule] of rules) rule.validate(this, `names.${key}`, names[key]);
    checkTrimmed(this, 'names.webApp', names.webApp);
    checkWebAppNameNotReserved(this, 'names.webApp', names.webApp);
  }

  /** The default chat deployment: the one named, which must be callable, else the first callable one. */
  private findChatDeployment(account: AiAccount | OpenAiAccount, name: string | undefined): ModelDeployment {
    const deployments = account.deployments;
    if (name !== undefined) {
      const found = deployments.find((d) => d.deploymentName === name);
      if (!found) {
        throw propError(this, 'chatDeploymentName', `must name one of the account's deployments (${deployments.map((d) => `'${d.deploymentName}'`).join(', ')})`, name);
      }
      const why = whyFrontEndCannotCall(this.frontEnd, found);
      if (why !== undefined) throw propError(this, 'chatDeploymentName', `must name a chat deployment ${this.frontEnd.name} can call, not ${why}`, name);
      return found;
    }
    const callable = deployments.find((d) => whyFrontEndCannotCall(this.frontEnd, d) === undefined);
    if (!callable) {
      const reasons = deployments.map((d) => `'${d.deploymentName}' is ${whyFrontEndCannotCall(this.frontEnd, d)}`).join('; ');
      throw propError(this, 'models', `must include a chat deployment ${this.frontEnd.name} can call (${reasons})`, deployments.map((d) => d.modelName));
    }
    return callable;
  }

  /** The deployments the front end offers: the ones named (each callable), else every callable one; the default first. */
  private offeredDeployments(account: AiAccount | OpenAiAccount, names: string[] | undefined): string[] {
    const first = this.chatDeploymentName;
    if (names === undefined) {
      if (!this.frontEnd.offersSeveralModels) return [first];
      const callable = account.deployments.filter((d) => whyFrontEndCannotCall(this.frontEnd, d) === undefined).map((d) => d.deploymentName);
      return [first, ...callable.filter((n) => n !== first)];
    }
    for (const [i, name] of names.entries()) {
      if (isUnresolved(name)) continue;
      const found = account.deployments.find((d) => d.deploymentName === name);
      if (!found) {
        throw propError(this, `chatDeploymentNames[${i}]`, `must name one of the account's deployments (${account.deployments.map((d) => `'${d.deploymentName}'`).join(', ')})`, name);
      }
      const why = whyFrontEndCannotCall(this.frontEnd, found);
      if (why !== undefined) throw propError(this, `chatDeploymentNames[${i}]`, `must name a chat deployment ${this.frontEnd.name} can call, not ${why}`, name);
    }
    return this.oneOrSeveral([first, ...names.filter((n) => n !== first)]);
  }

  private oneOrSeveral(names: string[]): string[] {
    if (names.length > 1 && !this.frontEnd.offersSeveralModels) {
      throw propError(this, 'chatDeploymentNames', `must be left out for ${this.frontEnd.name}, which calls one deployment ('chatDeploymentName'); use ChatFrontEnd.openWebUi() to offer several models`, names.slice(1));
    }
    return names;
  }
}

let SHAPE: Shape | undefined;
/** Props of PrivateChat at runtime; built on first use, after the classes it names exist. */
function propsShape(): Shape {
  SHAPE ??= {
    location: is.string(true),
    resourceGroupName: is.string(),
    network: NETWORK_REF(),
    addressSpace: is.string(),
    privateEndpointSubnetCidr: is.string(),
    appIntegrationSubnetCidr: is.string(),
    natGateway: is.boolean(),
    egress: is.instance(Egress, 'an Egress (Egress.natGateway(), Egress.throughFirewall(ip), Egress.providedElsewhere(description) or Egress.none())'),
    dnsZones: DNS_ZONES_REF(),
    monitoring: MONITORING_REF(),
    accountKind: is.any(),
    models: is.arrayOf(is.object(DEPLOYMENT_OPTIONS_SHAPE)),
    chatDeploymentName: is.string(),
    contentFilter: is.object(CONTENT_FILTER_OPTIONS_SHAPE),
    allowedFqdns: is.arrayOf(is.string()),
    image: is.instance(ContainerImage, 'a ContainerImage (ContainerImage.SAMPLE_CHAT_APP, ContainerImage.fromRegistry(...) or ContainerImage.fromRegistryDigest(...))'),
    encryption: is.instance(Encryption, 'an Encryption (Encryption.microsoftManagedKeys() or Encryption.customerManagedKey(...))'),
    frontEnd: is.instance(ChatFrontEnd, 'a ChatFrontEnd (ChatFrontEnd.openWebUi(), ChatFrontEnd.sampleChatApp() or ChatFrontEnd.fromImage(...))'),
    chatDeploymentNames: is.arrayOf(is.string()),
    imageMirror: is.boolean(),
    gateway: is.object({
      publisherEmail: is.string(true),
      integrationSubnetCidr: is.string(),
      integrationSubnetId: is.string(),
      additionalBackends: is.arrayOf(is.any()),
      circuitBreaker: is.object(BREAKER_SHAPE),
      tokensPerMinutePerUser: is.integer(),
      tokensPerDayPerUser: is.integer(),
      deploymentLimits: is.arrayOf(is.any()),
      skuName: is.string(),
      tokenMetrics: is.boolean(),
      monitorPrivateLinkScope: MONITOR_SCOPE_REF(),
      logLlmMessages: is.boolean(),
    }),
    history: is.object({
      enabled: is.boolean(),
      retentionDays: is.integer(),
      retentionJobRunner: is.any(),
      skuName: is.string(),
      backupRetentionDays: is.integer(),
      geoRedundantBackupEnabled: is.boolean(),
      highAvailability: is.any(),
      entraAdministrator: is.object({ objectId: is.string(true), principalName: is.string(true), principalType: is.any() }),
    }),
    appSettings: is.stringMap(),
    signIn: is.instance(SignIn, 'a SignIn (SignIn.createAppRegistration() or SignIn.withExistingRegistration(...))'),
    signInPrincipals: is.arrayOf(PRINCIPAL_REF(true)),
    adminGroups: is.arrayOf(PRINCIPAL_REF(true)),
    appServicePlanSku: is.string(),
    scale: is.object({
      instances: is.integer(),
      zoneRedundant: is.boolean(),
      skuName: is.string(),
      autoscale: is.object({
        minInstances: is.integer(true),
        maxInstances: is.integer(true),
        cpuPercentScaleOut: is.number(),
        cpuPercentScaleIn: is.number(),
        requestsPerInstanceScaleOut: is.number(),
        requestsPerInstanceScaleIn: is.number(),
      }),
    }),
    sharedState: is.object({ enabled: is.boolean(), skuName: is.string(), highAvailability: is.boolean() }),
    fileStore: is.object({
      enabled: is.boolean(),
      containerName: is.string(),
      softDeleteRetentionDays: is.integer(),
      zoneRedundant: is.boolean(),
      preventDestroy: is.boolean(),
    }),
    documentChat: is.object({ deploymentName: is.string(), embeddingsModel: is.string(), capacity: is.integer() }),
    identity: IDENTITY_REF(),
    preventDestroy: is.boolean(),
    webSocketsEnabled: is.boolean(),
    healthCheckPath: is.string(),
    authExcludedPaths: is.arrayOf(is.string()),
    tags: is.stringMap(),
    naming: is.reference(['nameFor'], 'an INamingConvention (e.g. NamingConvention.fromPattern(...))'),
    names: is.object({
      resourceGroup: is.string(),
      virtualNetwork: is.string(),
      workspace: is.string(),
      aiAccount: is.string(),
      aiSubdomain: is.string(),
      keyVault: is.string(),
      servicePlan: is.string(),
      webApp: is.string(),
      registry: is.string(),
      historyServer: is.string(),
      sharedState: is.string(),
      fileStore: is.string(),
    }),
    vault: VAULT_REF(),
    openAi: OPENAI_REF(),
    servicePlanId: is.string(),
  };
  return SHAPE;
}

/** Whether the gateway emits token metrics: on by default when there is a gateway. */
function tokenMetricsOf(gateway: ChatGatewayOptions | undefined): boolean {
  return gateway !== undefined && (gateway.tokenMetrics ?? true);
}

/** Name of the embeddings deployment document chat adds (named after its model). */
function embeddingsDeploymentName(props: PrivateChatProps): string {
  return props.documentChat?.embeddingsModel ?? DEFAULT_EMBEDDINGS_MODEL;
}
