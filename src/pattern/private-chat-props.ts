// The props of PrivateChat. The option structs its props hold are in chat-options.ts and chat-scale.ts.
import { ChatGatewayOptions, ChatHistoryOptions, ChatWorkspaceOptions, PrivateChatNames } from './chat-options';
import { ChatFileStoreOptions, ChatScaleOptions, ChatSharedStateOptions, DocumentChatOptions } from './chat-scale';
import { Encryption } from './encryption';
import { AccountKind, IAiAccount } from '../ai/ai-account-props';
import { ContentFilterOptions } from '../ai/content-filter';
import { ModelDeploymentOptions } from '../ai/model-deployment';
import { ContainerImage } from '../app/container-image';
import { ChatFrontEnd } from '../app/front-end';
import { SignIn } from '../app/sign-in';
import { IChatIdentity } from '../core/identity';
import { INamingConvention } from '../core/naming';
import { IPrincipal } from '../core/principal';
import { IMonitoring } from '../monitoring/monitoring';
import { Egress } from '../network/egress';
import { IPrivateDnsZones } from '../network/private-dns-zones';
import { IPrivateNetwork } from '../network/private-network';
import { IPrivateKeyVault } from '../secrets/key-vault';

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
   * Retention and daily quota of the Log Analytics workspace this construct creates. Refused with
   * `monitoring` (an existing workspace keeps its own settings).
   *
   * @default - 90 days, no daily cap
   */
  readonly workspace?: ChatWorkspaceOptions;

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
   * @default - every deployment of `models` the front end can call (with an existing `aiAccount`: `chatDeploymentName` only)
   */
  readonly chatDeploymentNames?: string[];
  /**
   * Content filter attached to every deployment.
   *
   * @default - hate, sexual, violence and self-harm blocked at medium severity and above on prompts and completions; prompt shields on
   */
  readonly contentFilter?: ContentFilterOptions;
  /**
   * FQDNs the AI account may reach (outbound access is restricted to this list).
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
   * Protect the AI account and the Key Vault with `lifecycle.prevent_destroy`.
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
  readonly aiAccount?: IAiAccount;
  /**
   * The former name of `aiAccount`; give one of the two.
   *
   * @deprecated use `aiAccount`; this name goes in the next breaking release (0.2.0).
   * @default - a new AiAccount (or OpenAiAccount, per `accountKind`) with `models`
   */
  readonly openAi?: IAiAccount;
  /**
   * Resource id of an existing App Service plan (`Microsoft.Web/serverFarms`) to run the app on.
   * It must be a Linux plan in the VNet's region with a SKU that supports private endpoints and
   * VNet integration.
   *
   * @default - a new plan of `appServicePlanSku`
   */
  readonly servicePlanId?: string;
}
