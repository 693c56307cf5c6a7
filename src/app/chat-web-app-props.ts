// The props of ChatWebApp and the constants that describe what they accept.
import { ITerraformDependable } from 'cdktf';
import { AutoscaleOptions } from './autoscale';
import { ContainerImage, IImageMirror } from './container-image';
import { ChatFrontEnd, IChatEmbeddings, IChatFileStore, IChatHistoryStore, IChatSharedState } from './front-end';
import { SignIn } from './sign-in';
import { IAiAccount } from '../ai/ai-account-props';
import { IChatIdentity } from '../core/identity';
import { IPrincipal } from '../core/principal';
import { IMonitoring } from '../monitoring/monitoring';
import { PrivateEndpointOptions } from '../network/private-endpoint';
import { IPrivateKeyVault } from '../secrets/key-vault';

/**
 * App Service plan SKUs that support both a private endpoint (inbound) and regional VNet
 * integration (outbound): Basic, Standard, Premium v2, Premium v3 (incl. memory-optimized) and
 * Premium v4 (incl. memory-optimized).
 *
 * Isolated v2 is left out on purpose: it only runs inside an App Service Environment v3, whose
 * apps are already in the VNet and do not use regional VNet integration. To host the app in an
 * ASE, pass the ASE plan's id as `servicePlanId`.
 *
 * @see https://learn.microsoft.com/azure/app-service/overview-private-endpoint
 * @see https://learn.microsoft.com/azure/app-service/overview-vnet-integration
 */
export const PRIVATE_APP_SERVICE_SKUS: readonly string[] = [
  'B1', 'B2', 'B3',
  'S1', 'S2', 'S3',
  'P1v2', 'P2v2', 'P3v2',
  'P0v3', 'P1v3', 'P2v3', 'P3v3', 'P1mv3', 'P2mv3', 'P3mv3', 'P4mv3', 'P5mv3',
  'P0v4', 'P1v4', 'P2v4', 'P3v4', 'P1mv4', 'P2mv4', 'P3mv4', 'P4mv4', 'P5mv4',
];

/** App setting that holds the sign-in client secret; App Service authentication reads it by this name. */
export const AUTH_SECRET_SETTING_NAME = 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET';

/** Log categories of `Microsoft.Web/sites` sent to the workspace. */
export const WEB_APP_LOG_CATEGORIES: readonly string[] = [
  'AppServiceHTTPLogs',
  'AppServiceConsoleLogs',
  'AppServiceAppLogs',
  'AppServiceAuditLogs',
  'AppServicePlatformLogs',
  'AppServiceAuthenticationLogs',
];

/** Props of {@link ChatWebApp}. */
export interface ChatWebAppProps extends PrivateEndpointOptions {
  /** Resource group of the plan, the app and its private endpoint. */
  readonly resourceGroupName: string;
  /**
   * Azure region; the VNet's region, since VNet integration and the private endpoint need it.
   * When the network's region is known (a created network, or `location` given to
   * `PrivateNetwork.fromAttributes`), another region is an error.
   */
  readonly location: string;
  /**
   * The AI account the app calls (an {@link AiAccount}, an {@link OpenAiAccount}, or
   * `AiAccount.fromAttributes`); without `gatewayEndpoint` the app's identity is granted the
   * account's use role on it (`Azure AI User` on a Foundry account, `Cognitive Services OpenAI
   * User` on an OpenAI-kind account). Required (or its deprecated name `openAi`).
   *
   * @default - none: give `aiAccount`
   */
  readonly aiAccount?: IAiAccount;
  /**
   * The former name of `aiAccount`; give one of the two.
   *
   * @deprecated use `aiAccount`; this name goes in the next breaking release (0.2.0).
   * @default - none: give `aiAccount`
   */
  readonly openAi?: IAiAccount;
  /** Name of the model deployment the app chats with by default; pass the deployment construct's name attribute. */
  readonly deploymentName: string;
  /**
   * More deployments the front end offers besides `deploymentName`, for a front end that lets
   * users pick a model ({@link ChatFrontEnd.offersSeveralModels}). Each must be a chat model the
   * front end can call.
   *
   * @default - only `deploymentName`
   */
  readonly deploymentNames?: string[];
  /**
   * Base URL of an AI gateway (`AiGateway.endpoint`) that the front end calls instead of the
   * account. The gateway calls the account as its own identity, so the app's identity gets no role
   * on the account, and Open WebUI forwards the signed-in user for the gateway's per-user limits.
   *
   * @default - the front end calls `aiAccount` directly
   */
  readonly gatewayEndpoint?: string;
  /**
   * The chat front end: its image, port, health path and settings.
   *
   * @default - ChatFrontEnd.openWebUi(), or ChatFrontEnd.fromImage(image) when `image` is given
   */
  readonly frontEnd?: ChatFrontEnd;
  /**
   * Where the front end keeps conversation history; it must be the kind the front end reads
   * ({@link ChatFrontEnd.historyStore}). The connection URL reaches the app as a Key Vault
   * reference.
   *
   * @default - none: Open WebUI then keeps chats in SQLite inside the container, which a restart loses
   */
  readonly history?: IChatHistoryStore;
  /**
   * A private registry that mirrors the front end's image (`RegistryMirror`): the app then
   * pulls the mirrored copy over the VNet as its own identity, which is granted `AcrPull` first.
   *
   * @default - the image is pulled from its own registry, through the VNet's egress
   */
  readonly imageMirror?: IImageMirror;
  /**
   * The identity the app runs as.
   *
   * @default - a new {@link ChatIdentity} with construct id `Identity`
   */
  readonly identity?: IChatIdentity;
  /**
   * Vault that holds the sign-in client secret; the app's identity is granted `Key Vault Secrets User` on it.
   *
   * Required when `signIn` creates the app registration or stores a client secret.
   *
   * @default - none
   */
  readonly vault?: IPrivateKeyVault;
  /**
   * How users sign in.
   *
   * @default SignIn.createAppRegistration()
   */
  readonly signIn?: SignIn;
  /**
   * Users and groups who may sign in (`Principal.fromGroupObjectId(...)`, `Principal.fromUserObjectId(...)`):
   * each is assigned the registration's `User` app role. The registration requires assignment, so
   * nobody else can sign in. Prefer groups.
   *
   * With `SignIn.withExistingRegistration`, assignments are made only when its
   * `servicePrincipalObjectId` and `userAppRoleId` are given.
   *
   * @default - nobody is assigned; the warning `no-sign-in-assignments` says how to assign a group
   */
  readonly signInPrincipals?: IPrincipal[];
  /**
   * Groups who administer the front end (`Principal.fromGroupObjectId(...)`): each is assigned the
   * registration's `Admin` app role, which also lets them sign in, so they need not be among
   * `signInPrincipals`. Open WebUI makes their members admins at each sign-in and everyone else a
   * user; nobody becomes admin by signing in first.
   *
   * @default - no admins: every signed-in user is an ordinary user
   */
  readonly adminGroups?: IPrincipal[];
  /**
   * Workspace that receives the app's logs (HTTP, console, app, audit, platform, authentication).
   *
   * @default - no diagnostic setting
   */
  readonly monitoring?: IMonitoring;
  /**
   * Container image the app runs, as a front end of its own: the same as
   * `frontEnd: ChatFrontEnd.fromImage(image)`. It gets the settings the sample app reads
   * (`AZURE_OPENAI_ENDPOINT`, `AZURE_OPENAI_MODEL`). Do not combine with `frontEnd`.
   *
   * @default - the front end's image
   */
  readonly image?: ContainerImage;
  /**
   * Extra app settings (environment variables of the container). They may override the image's
   * and the front end's default settings, but not the settings the construct wires
   * (`AZURE_CLIENT_ID`, `WEBSITES_PORT`, `MICROSOFT_PROVIDER_AUTHENTICATION_SECRET`, and the front
   * end's own: the model connection, the sign-in header, the secrets and the switches that keep
   * the app's token from going elsewhere): that is an error.
   *
   * Values are strings. A setting whose name looks like a key or secret (ending in `_KEY`,
   * `APIKEY`, `_SECRET`, `PASSWORD`, `_TOKEN` or `CONNECTION_STRING`, in any case) must be a Key
   * Vault reference (`@Microsoft.KeyVault(SecretUri=...)`); Azure OpenAI keys (`AZURE_OPENAI_KEY`,
   * `AZURE_OPENAI_API_KEY`, `OPENAI_API_KEY`) are refused even then, since the app signs in with
   * its managed identity. `APPLICATIONINSIGHTS_CONNECTION_STRING` is no secret and may be plain.
   *
   * To add a setting that refers to something created later, use {@link ChatWebApp.addAppSetting}.
   *
   * @default - none
   */
  readonly appSettings?: { [key: string]: string };
  /**
   * Name of the web app; globally unique, since it is also the `<name>.azurewebsites.net` host name.
   * 2-60 letters, digits and hyphens; not a word Azure reserves (e.g. `azure`, `office`), without
   * `microsoft` or `windows`, and not starting with `login`.
   *
   * @default - `app-<construct id>-<8 hex characters>` from a hash of the subscription id and the construct path
   */
  readonly name?: string;
  /**
   * Id of an existing App Service plan (Linux) to host the app; then no plan is created, and
   * `skuName`, `workerCount`, `zoneBalancingEnabled` and `servicePlanName` must not be set.
   *
   * @default - a new plan
   */
  readonly servicePlanId?: string;
  /**
   * Name of the plan created.
   *
   * @default - `asp-<construct id>-<hash of the construct path>`
   */
  readonly servicePlanName?: string;
  /**
   * SKU of the plan created; one of {@link PRIVATE_APP_SERVICE_SKUS}.
   *
   * @default 'P0v3'
   */
  readonly skuName?: string;
  /**
   * Instances of the plan (Basic up to 3, Standard up to 10, Premium up to 30). With `autoscale`,
   * the count the plan starts with (raised to `autoscale.minInstances`), after which autoscale
   * owns it.
   *
   * @default 1
   * @see https://learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits#app-service-limits
   */
  readonly workerCount?: number;
  /**
   * Spread the plan's instances across availability zones: a Premium v2/v3/v4 SKU, at least 2
   * instances (App Service's minimum for a zone-redundant plan), and a region with availability
   * zones.
   *
   * @default false
   * @see https://learn.microsoft.com/azure/reliability/reliability-app-service#availability-zone-support
   */
  readonly zoneBalancingEnabled?: boolean;
  /**
   * Scale the plan between `minInstances` and `maxInstances` on CPU (and, when asked, on
   * requests per instance) with an `azurerm_monitor_autoscale_setting` on the plan. Needs a
   * Standard or Premium plan. The plan's `worker_count` is then left to autoscale (ignored on
   * later plans), so an apply does not reset the instances autoscale added.
   *
   * @default - no autoscale: `workerCount` instances
   */
  readonly autoscale?: AutoscaleOptions;
  /**
   * The Redis the instances share their state through (Open WebUI: its WebSocket manager,
   * sessions, token revocation), e.g. a `PrivateRedisCache`. Needed as soon as the app may run
   * more than one instance; only Open WebUI can use it.
   *
   * @default - none: each instance keeps its own state, which is only right for one instance
   */
  readonly sharedState?: IChatSharedState;
  /**
   * A private blob container the front end keeps uploads in, e.g. a `PrivateFileStore`; the app's
   * identity is granted read and write on it before the app starts. Only Open WebUI can use it.
   *
   * @default - none: uploads stay on the instance's disk, which a restart loses
   */
  readonly fileStore?: IChatFileStore;
  /**
   * The embeddings the front end's document search uses (the AI gateway's embeddings API). Only
   * Open WebUI can use it.
   *
   * @default - none: the front end's own embedding defaults
   */
  readonly embeddings?: IChatEmbeddings;
  /**
   * Path App Service probes on every instance; instances that keep failing are replaced.
   * Starts with `/`, at most 255 characters, without query or fragment. App Service
   * authentication lets the platform's own health probe through, so the path needs no entry in
   * `authExcludedPaths` (add one only for an external probe, e.g. an Application Gateway's).
   *
   * @default - the front end's health path (`/health` for Open WebUI, `/` otherwise)
   */
  readonly healthCheckPath?: string;
  /**
   * Minutes an instance may fail the health check before it is taken out of rotation (2-10).
   *
   * @default 5
   */
  readonly healthCheckEvictionTimeInMin?: number;
  /**
   * Paths that skip sign-in (`auth_settings_v2.excluded_paths`), e.g. `/healthz` for an external
   * probe (an Application Gateway's). Each starts with `/` and appears once; `/` and `/*` cannot be
   * excluded: that would switch sign-in off for the whole app.
   *
   * @default - none
   */
  readonly authExcludedPaths?: string[];
  /**
   * Let clients open WebSocket connections (e.g. a front end that streams over WebSockets or
   * SignalR). The sample chat app streams over plain HTTP and does not need them.
   *
   * @default - what the front end needs (true for Open WebUI, whose Socket.IO uses them)
   */
  readonly webSocketsEnabled?: boolean;
  /**
   * Route image pulls through the VNet (and so through its egress path and DNS).
   *
   * @default true
   */
  readonly vnetImagePullEnabled?: boolean;
  /**
   * Role assignments the app needs before it starts (e.g. `AcrPull` on a private registry).
   * The grants the construct makes itself (Azure OpenAI, the vault) are always included.
   *
   * @default - only the construct's own grants
   */
  readonly roleAssignments?: ITerraformDependable[];
  /**
   * Tags applied to the plan, the app, the identity and the private endpoint.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}
