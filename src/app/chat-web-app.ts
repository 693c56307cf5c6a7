import { AppRoleAssignment } from '@cdktf/provider-azuread/lib/app-role-assignment';
import { Application } from '@cdktf/provider-azuread/lib/application';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { LinuxWebApp } from '@cdktf/provider-azurerm/lib/linux-web-app';
import { MonitorAutoscaleSetting } from '@cdktf/provider-azurerm/lib/monitor-autoscale-setting';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { ServicePlan } from '@cdktf/provider-azurerm/lib/service-plan';
import { Sleep } from '@cdktf/provider-time/lib/sleep';
import { Fn, ITerraformDependable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { AutoscaleOptions } from './autoscale';
import { ContainerImage, IImageMirror } from './container-image';
import {
  ChatFrontEnd, FrontEndSettings, HistoryStoreKind, IChatEmbeddings, IChatFileStore, IChatHistoryStore, IChatSharedState,
} from './front-end';
import { ChatIdentity, IChatIdentity } from './identity';
import { SignIn } from './sign-in';
import { IOpenAiAccount } from '../ai/openai-account';
import { AzureNameRule, Names } from '../core/names';
import { IPrincipal } from '../core/principal';
import { addAutoscaleSetting, AUTOSCALE_SHAPE, checkAutoscale } from './private/autoscale-setting';
import { ChatSignIn, checkSignInPrincipals } from './private/chat-sign-in';
import {
  checkVersionlessSecretUri, checkWebAppNameNotReserved, DEPENDABLE_REF, DNS_ZONES_REF, IDENTITY_REF, isAzureContainerRegistry,
  isKeyVaultReference, isKeyShapedSetting, looksLikeKeyVaultReference, MONITORING_REF, MUTABLE_TAGS, NETWORK_REF, OPENAI_REF, registryHost, VAULT_REF,
} from './private/checks';
import { markSetupRun } from './private/database-setup';
import { clientConfig } from '../core/private/client-config';
import { checkRfc3339, warnIfPast } from '../core/private/dates';
import { checkPlacement } from '../core/private/placement';
import { waitAfter } from '../core/private/providers';
import { PRINCIPAL_REF } from '../core/private/references';
import { checkSameRegionAsNetwork, checkZoneRedundancy } from '../core/private/regions';
import {
  checkField, checkGuid, checkIntRange, checkNotBlank, checkResourceId, checkShape, checkTags, checkTrimmed, is, isUnresolved, propError, ruleError,
  Shape, show, warn,
} from '../core/private/validate';
import { IMonitoring } from '../monitoring/monitoring';
import { PrivateLinkZone } from '../network/private-dns-zones';
import { PrivateEndpointOptions, ServicePrivateEndpoint } from '../network/private-endpoint';
import { IPrivateKeyVault, PrivateKeyVault } from '../secrets/key-vault';
import { addGeneratedSecret } from '../secrets/private/generated-secret';
import { VaultSecret } from '../secrets/vault-secret';

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

/** Propagation wait between the app's role assignments and the app's first start. */
const ROLE_PROPAGATION_WAIT = '60s';

/** Settings that would switch the app to key-based (Azure) OpenAI auth; the account has local auth off. */
const FORBIDDEN_SETTINGS = ['AZURE_OPENAI_KEY', 'AZURE_OPENAI_API_KEY', 'OPENAI_API_KEY', 'OPENAI_API_KEYS'];

/** Settings the construct wires for every front end, by the prop they come from. */
const WIRED_FROM: { readonly [key: string]: string } = {
  AZURE_CLIENT_ID: 'identity',
  WEBSITES_PORT: 'image.port',
  [AUTH_SECRET_SETTING_NAME]: 'signIn',
};

/** Longest display name Entra ID accepts for an application. */
const MAX_DISPLAY_NAME = 256;

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
  /** The Azure OpenAI account the app calls; the app's identity is granted `Cognitive Services OpenAI User` on it. */
  readonly openAi: IOpenAiAccount;
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
   * @default - the front end calls `openAi` directly
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

/**
 * The chat web app: a Linux App Service app running a container, reachable only through its
 * private endpoint, signing users in with Entra ID and calling Azure OpenAI as its own
 * user-assigned identity, without keys.
 *
 * - public network access off; private endpoint on `sites` in `privatelink.azurewebsites.net`;
 * - outbound VNet integration in the delegated subnet, with all traffic routed through the VNet;
 * - HTTPS only, TLS 1.2 minimum (site and SCM), FTP and basic publishing credentials off,
 *   remote debugging off, HTTP/2, always on, client affinity off, health check;
 * - App Service authentication (`auth_settings_v2`) with Entra ID; the client secret comes from
 *   Key Vault through a Key Vault reference resolved by the user-assigned identity;
 * - the app is created only after its role assignments have had time to propagate.
 *
 * @see https://learn.microsoft.com/azure/app-service/overview-private-endpoint
 */
export class ChatWebApp extends Construct {
  /** Resource id of the web app. */
  public readonly webAppId: string;
  /** Name of the web app. */
  public readonly webAppName: string;
  /**
   * Host name users browse to, `<name>.azurewebsites.net`. It resolves to the private endpoint
   * through `privatelink.azurewebsites.net` wherever that zone is resolvable.
   */
  public readonly defaultHostname: string;
  /** The identity the app runs as. */
  public readonly identity: IChatIdentity;
  /** Resource id of the App Service plan (created or given). */
  public readonly servicePlanId: string;
  /** The plan, when the construct created it. */
  public readonly servicePlan?: ServicePlan;
  /** Application (client) id of the sign-in app registration. */
  public readonly clientId: string;
  /** The `azurerm_linux_web_app` (escape hatch). */
  public readonly resource: LinuxWebApp;
  /** The app's private endpoint. */
  public readonly privateEndpoint: ServicePrivateEndpoint;
  /** The wait between the role assignments and the app. */
  public readonly roleAssignmentWait: Sleep;
  /** The diagnostic setting, when `monitoring` is given. */
  public readonly diagnosticSetting?: MonitorDiagnosticSetting;
  /** The plan's `azurerm_monitor_autoscale_setting`, when `autoscale` is given (escape hatch). */
  public readonly autoscaleSetting?: MonitorAutoscaleSetting;
  /** The app registration, when `signIn` creates it. */
  public readonly application?: Application;
  /** The registration's service principal (enterprise application), when `signIn` creates it. */
  public readonly servicePrincipal?: ServicePrincipal;
  /** The vault secret holding the sign-in client secret, when the construct stores one. */
  public readonly signInSecret?: VaultSecret;
  /** The app role assignments of `signInPrincipals` (`User`) and `adminGroups` (`Admin`), in that order. */
  public readonly signInAssignments: AppRoleAssignment[];
  /**
   * The vault secret with the password of the front end's placeholder admin, when it needs one
   * (Open WebUI's `WEBUI_ADMIN_PASSWORD`; password sign-in is off, so nobody uses it).
   */
  public readonly bootstrapAdminSecret?: VaultSecret;
  /** The front end the app runs (with the mirrored image when `imageMirror` is given). */
  public readonly frontEnd: ChatFrontEnd;
  /** The vault secret the front end signs its sessions with, generated once (Open WebUI's `WEBUI_SECRET_KEY`). */
  public readonly sessionSecret?: VaultSecret;
  /** Every deployment the front end offers, the default first. */
  public readonly deploymentNames: string[];
  /** Every app setting of the app, in order: the image's, the front end's defaults, `appSettings`, the wired ones, then added ones. */
  private readonly settings: { [key: string]: string } = {};
  /** Settings nobody may set, by the prop they come from (upper case). */
  private wiredFrom: { [key: string]: string } = { ...WIRED_FROM };

  constructor(scope: Construct, id: string, props: ChatWebAppProps) {
    super(scope, id);
    checkShape(this, props, propsShape());
    if (props.image !== undefined && props.frontEnd !== undefined) {
      throw ruleError(this, "'image' and 'frontEnd' are mutually exclusive: 'image' is short for 'frontEnd: ChatFrontEnd.fromImage(image)', got both");
    }
    let frontEnd = props.frontEnd ?? (props.image !== undefined ? ChatFrontEnd.fromImage(props.image) : ChatFrontEnd.openWebUi());
    const image = frontEnd.image;
    const signIn = props.signIn ?? SignIn.createAppRegistration();
    this.deploymentNames = [props.deploymentName, ...(props.deploymentNames ?? []).filter((n) => n !== props.deploymentName)];
    this.validate(props, frontEnd, signIn);

    const tags = props.tags;
    this.identity = props.identity ?? new ChatIdentity(this, 'Identity', {
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags,
    });
    this.webAppName = props.name ?? Names.globallyUnique(this, AzureNameRule.WEB_APP, `app-${id}`);

    const autoscale = props.autoscale;
    // The plan starts within the autoscale bounds; afterwards autoscale owns the instance count.
    const startCount = autoscale !== undefined ? startingInstances(autoscale.minInstances, props.workerCount ?? 1) : props.workerCount ?? 1;
    if (props.servicePlanId !== undefined) {
      this.servicePlanId = props.servicePlanId;
    } else {
      this.servicePlan = new ServicePlan(this, 'ServicePlan', {
        name: props.servicePlanName ?? Names.local(this, AzureNameRule.SERVICE_PLAN, 'asp'),
        resourceGroupName: props.resourceGroupName,
        location: props.location,
        osType: 'Linux',
        skuName: props.skuName ?? 'P0v3',
        workerCount: startCount,
        zoneBalancingEnabled: props.zoneBalancingEnabled ?? false,
        lifecycle: autoscale !== undefined ? { ignoreChanges: ['worker_count'] } : undefined,
        tags,
      });
      this.servicePlanId = this.servicePlan.id;
    }

    // Grants the app cannot start without; grantRole returns the existing assignment when a
    // pattern already made the same grant, so nothing is assigned twice.
    const grants: RoleAssignment[] = props.gatewayEndpoint === undefined ? [props.openAi.grantUse(this.identity)] : [];
    if (props.vault) grants.push(props.vault.grantSecretsRead(this.identity));
    if (props.imageMirror) {
      frontEnd = frontEnd.withImage(props.imageMirror.mirror(image));
      grants.push(props.imageMirror.grantPull(this.identity));
    }
    if (props.fileStore) grants.push(props.fileStore.grantReadWrite(this.identity));
    this.frontEnd = frontEnd;
    const pulled = frontEnd.image;

    const tenantId = signIn._existing?.tenantId ?? clientConfig(this).tenantId;
    const chatSignIn = new ChatSignIn(this, 'SignIn', {
      signIn,
      vault: props.vault,
      // The registration's redirect URI is computed from the name, not read from the app, so the
      // app (which needs the client id) and the registration (which needs the host) form no cycle.
      redirectHost: `${this.webAppName}.azurewebsites.net`,
      frontEndRedirectPaths: frontEnd.signInCallbackPath !== undefined ? [frontEnd.signInCallbackPath] : undefined,
      signInPrincipals: props.signInPrincipals,
      adminGroups: props.adminGroups,
    });
    this.clientId = chatSignIn.clientId;
    this.signInAssignments = chatSignIn.assignments;
    this.application = chatSignIn.application;
    this.servicePrincipal = chatSignIn.servicePrincipal;
    this.signInSecret = chatSignIn.secret;

    this.roleAssignmentWait = waitAfter(this, 'WaitForRoleAssignments', [...grants, ...(props.roleAssignments ?? [])], ROLE_PROPAGATION_WAIT);

    if (frontEnd.needsSessionSecret) {
      this.sessionSecret = addGeneratedSecret(props.vault!, `SessionSecret-${Names.hashOf(this, 8)}`, {
        name: Names.local(this, AzureNameRule.KEY_VAULT_SECRET, 'session'),
        contentType: 'session-signing-key',
      });
    }
    if (frontEnd.needsBootstrapAdmin) {
      this.bootstrapAdminSecret = addGeneratedSecret(props.vault!, `BootstrapAdmin-${Names.hashOf(this, 8)}`, {
        name: Names.local(this, AzureNameRule.KEY_VAULT_SECRET, 'bootstrap-admin'),
        contentType: 'unused-admin-password',
      });
    }
    const fromFrontEnd = frontEnd._settings({
      endpoint: props.gatewayEndpoint ?? props.openAi.endpoint,
      throughGateway: props.gatewayEndpoint !== undefined,
      deploymentName: props.deploymentName,
      deploymentNames: this.deploymentNames,
      identityClientId: this.identity.clientId,
      appUrl: `https://${this.webAppName}.azurewebsites.net`,
      sessionSecretReference: this.sessionSecret ? PrivateKeyVault.keyVaultReference(this.sessionSecret) : undefined,
      history: props.history,
      sharedState: props.sharedState,
      files: props.fileStore,
      embeddings: props.embeddings,
      multiInstance: severalInstances(props) !== false,
      signIn: {
        clientId: this.clientId,
        clientSecretReference: chatSignIn.secretReference,
        tenantId,
        bootstrapAdminPasswordReference: this.bootstrapAdminSecret ? PrivateKeyVault.keyVaultReference(this.bootstrapAdminSecret) : undefined,
      },
    });
    const wired: { [key: string]: string } = {
      ...fromFrontEnd.wired,
      AZURE_CLIENT_ID: this.identity.clientId,
      WEBSITES_PORT: String(image.port),
      [AUTH_SECRET_SETTING_NAME]: chatSignIn.secretReference,
    };

    Object.assign(this.settings, image.appSettings, fromFrontEnd.defaults, props.appSettings ?? {}, wired);
    if (fromFrontEnd.startupCommand !== undefined && props.history !== undefined) markSetupRun(props.history);
    this.resource = new LinuxWebApp(this, 'Resource', {
      name: this.webAppName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      servicePlanId: this.servicePlanId,
      enabled: true,
      httpsOnly: true,
      publicNetworkAccessEnabled: false,
      clientAffinityEnabled: false,
      clientCertificateEnabled: false,
      ftpPublishBasicAuthenticationEnabled: false,
      webdeployPublishBasicAuthenticationEnabled: false,
      virtualNetworkSubnetId: props.network.appIntegrationSubnetId,
      vnetImagePullEnabled: props.vnetImagePullEnabled ?? true,
      identity: { type: 'UserAssigned', identityIds: [this.identity.identityId] },
      keyVaultReferenceIdentityId: this.identity.identityId,
      appSettings: { ...this.settings },
      siteConfig: {
        alwaysOn: true,
        http2Enabled: true,
        minimumTlsVersion: '1.2',
        scmMinimumTlsVersion: '1.2',
        ftpsState: 'Disabled',
        remoteDebuggingEnabled: false,
        vnetRouteAllEnabled: true,
        use32BitWorker: false,
        websocketsEnabled: props.webSocketsEnabled ?? frontEnd.webSocketsEnabled,
        healthCheckPath: props.healthCheckPath ?? frontEnd.healthCheckPath,
        healthCheckEvictionTimeInMin: props.healthCheckEvictionTimeInMin ?? 5,
        appCommandLine: fromFrontEnd.startupCommand,
        containerRegistryUseManagedIdentity: pulled.pullWithManagedIdentity,
        containerRegistryManagedIdentityClientId: pulled.pullWithManagedIdentity ? this.identity.clientId : undefined,
        applicationStack: {
          dockerRegistryUrl: pulled.registryUrl,
          dockerImageName: pulled.reference,
        },
      },
      logs: {
        detailedErrorMessages: true,
        failedRequestTracing: true,
        applicationLogs: { fileSystemLevel: 'Information' },
        httpLogs: { fileSystem: { retentionInDays: 7, retentionInMb: 35 } },
      },
      authSettingsV2: {
        authEnabled: true,
        requireAuthentication: true,
        unauthenticatedAction: 'RedirectToLoginPage',
        defaultProvider: 'azureactivedirectory',
        requireHttps: true,
        excludedPaths: props.authExcludedPaths,
        login: { tokenStoreEnabled: true },
        activeDirectoryV2: {
          clientId: this.clientId,
          tenantAuthEndpoint: `https://login.microsoftonline.com/${tenantId}/v2.0`,
          clientSecretSettingName: AUTH_SECRET_SETTING_NAME,
        },
      },
      dependsOn: [this.roleAssignmentWait],
      tags,
    });
    this.webAppId = this.resource.id;
    this.defaultHostname = this.resource.defaultHostname;

    this.privateEndpoint = new ServicePrivateEndpoint(this, 'PrivateEndpoint', {
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      network: props.network,
      dnsZones: props.dnsZones,
      targetResourceId: this.webAppId,
      subresource: 'sites',
      zones: [PrivateLinkZone.APP_SERVICE],
      tags,
    });

    if (props.monitoring) {
      this.diagnosticSetting = props.monitoring.addDiagnosticSetting(this, 'Diagnostics', {
        targetResourceId: this.webAppId,
        logCategories: [...WEB_APP_LOG_CATEGORIES],
        metrics: true,
      });
    }

    if (autoscale !== undefined) {
      this.autoscaleSetting = addAutoscaleSetting(this, 'Autoscale', {
        options: autoscale,
        resourceGroupName: props.resourceGroupName,
        location: props.location,
        servicePlanId: this.servicePlanId,
        webAppId: this.webAppId,
        defaultCapacity: startCount,
        tags,
      });
    }
  }

  private validate(props: ChatWebAppProps, frontEnd: ChatFrontEnd, signIn: SignIn): void {
    const image = frontEnd.image;
    checkTags(this, 'tags', props.tags);
    checkPlacement(this, props.resourceGroupName, props.location);
    checkSameRegionAsNetwork(this, 'location', props.location, props.network.location);
    const subnet = props.network.appIntegrationSubnetId;
    if (subnet === undefined) {
      throw propError(this, 'network', "must have an app-integration subnet ('appIntegrationSubnetId', delegated to Microsoft.Web/serverFarms) for the app's outbound VNet integration", 'a network without one');
    }
    checkResourceId(this, 'network.appIntegrationSubnetId', subnet, 'Microsoft.Network/virtualNetworks/subnets');
    if (props.identity !== undefined) {
      // An IChatIdentity may be any object with the right members; its ids still have to be real ones.
      checkResourceId(this, 'identity.identityId', props.identity.identityId, 'Microsoft.ManagedIdentity/userAssignedIdentities');
      checkGuid(this, 'identity.clientId', props.identity.clientId);
    }
    checkNotBlank(this, 'deploymentName', props.deploymentName);
    AzureNameRule.COGNITIVE_DEPLOYMENT.validate(this, 'deploymentName', props.deploymentName);
    checkTrimmed(this, 'name', props.name);
    AzureNameRule.WEB_APP.validate(this, 'name', props.name);
    checkWebAppNameNotReserved(this, 'name', props.name);
    this.validatePlan(props);
    this.validateImage(image);
    this.validateFrontEnd(props, frontEnd);
    this.validateSettings(props, image, frontEnd);
    this.validateHealthAndAuth(props);
    validateSignIn(this, signIn, props.vault);
    checkSignInPrincipals(this, signIn, props.signInPrincipals, props.adminGroups);
  }

  private validatePlan(props: ChatWebAppProps): void {
    if (props.servicePlanId !== undefined) {
      checkResourceId(this, 'servicePlanId', props.servicePlanId, 'Microsoft.Web/serverFarms');
      const planProps: [string, unknown][] = [
        ['skuName', props.skuName], ['workerCount', props.workerCount],
        ['zoneBalancingEnabled', props.zoneBalancingEnabled], ['servicePlanName', props.servicePlanName],
      ];
      for (const [name, value] of planProps) {
        if (value !== undefined) {
          throw ruleError(this, `'servicePlanId' and '${name}' are mutually exclusive: '${name}' configures the plan created when no 'servicePlanId' is given, got both`);
        }
      }
      // The given plan's SKU is unknown here: only the bounds and the largest plan's limit are checked.
      if (props.autoscale !== undefined) checkAutoscale(this, props.autoscale, {});
      return;
    }
    AzureNameRule.SERVICE_PLAN.validate(this, 'servicePlanName', props.servicePlanName);
    const sku = props.skuName ?? 'P0v3';
    if (!isUnresolved(sku) && !PRIVATE_APP_SERVICE_SKUS.includes(sku)) {
      const why = /^I\d/.test(sku)
        ? 'must not be an Isolated SKU here: Isolated v2 plans exist only inside an App Service Environment v3; pass that plan\'s id as \'servicePlanId\' instead'
        : `must be a SKU that supports both private endpoints and VNet integration (Basic, Standard, Premium v2/v3/v4): one of ${PRIVATE_APP_SERVICE_SKUS.join(', ')}`;
      throw propError(this, 'skuName', why, sku);
    }
    const maxWorkers = isUnresolved(sku) ? 30 : sku.startsWith('B') ? 3 : sku.startsWith('S') ? 10 : 30;
    checkIntRange(this, 'workerCount', props.workerCount, 1, maxWorkers);
    if (props.zoneBalancingEnabled === true) {
      if (!isUnresolved(sku) && !sku.startsWith('P')) {
        throw ruleError(this, `'zoneBalancingEnabled' needs a Premium SKU (P*v2, P*v3, P*v4), got 'skuName' '${sku}'`);
      }
      // With autoscale, the plan starts at its minimum at least, which checkAutoscale holds to 2.
      const workers = props.workerCount ?? 1;
      if (props.autoscale === undefined && !isUnresolved(workers) && workers < 2) {
        throw ruleError(this, `'zoneBalancingEnabled' needs at least 2 instances (ideally a multiple of the region's zones), got 'workerCount' ${workers}`);
      }
      checkZoneRedundancy(this, 'zoneBalancingEnabled', props.location, 'zone-balanced instances');
    }
    if (props.autoscale !== undefined) {
      checkAutoscale(this, props.autoscale, { sku, workerCount: props.workerCount, zoneBalancingEnabled: props.zoneBalancingEnabled });
    }
  }

  private validateImage(image: ContainerImage): void {
    checkNotBlank(this, 'image.registryUrl', image.registryUrl);
    if (!isUnresolved(image.registryUrl) && !/^https:\/\/[A-Za-z0-9.-]+(:\d+)?\/?$/.test(image.registryUrl)) {
      throw propError(this, 'image.registryUrl', 'must be a registry URL with its scheme and no path, e.g. \'https://myregistry.azurecr.io\'', image.registryUrl);
    }
    checkNotBlank(this, 'image.imageName', image.imageName);
    if (!isUnresolved(image.imageName) && !/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/.test(image.imageName)) {
      throw propError(this, 'image.imageName', 'must be a repository path in lowercase letters, digits, \'.\', \'_\', \'-\' and \'/\', without tag or digest', image.imageName);
    }
    const first = image.imageName.split('/')[0];
    if (!isUnresolved(image.imageName) && !isUnresolved(image.registryUrl) && image.imageName.includes('/') && isRegistryHost(first, image.registryUrl)) {
      throw propError(this, 'image.imageName', `must be the repository path inside the registry, not start with a registry host ('${first}'): put the registry in 'registryUrl'`, image.imageName);
    }
    if (image.digest !== undefined) {
      if (!isUnresolved(image.digest) && !/^sha256:[a-f0-9]{64}$/.test(image.digest)) {
        throw propError(this, 'image.digest', 'must be \'sha256:\' followed by 64 lowercase hex characters', image.digest);
      }
    } else if (!isUnresolved(image.tag)) {
      const tag = image.tag ?? '';
      if (tag.trim() === '') {
        throw propError(this, 'image.tag', 'must be a pinned tag (an untagged image means \'latest\'); use fromRegistryDigest to pin by digest', tag);
      }
      if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag)) {
        throw propError(this, 'image.tag', 'must be a Docker tag: up to 128 letters, digits, \'_\', \'.\' and \'-\', not starting with \'.\' or \'-\'', tag);
      }
      if (MUTABLE_TAGS.includes(tag.toLowerCase()) && !image.allowMutableTag) {
        throw propError(this, 'image.tag', `must be a pinned tag, not '${tag.toLowerCase()}' (a moving tag: a restart could silently upgrade the app; moving tags are ${MUTABLE_TAGS.join(', ')}); set 'allowMutableTag' to accept it`, tag);
      }
    }
    checkIntRange(this, 'image.port', image.port, 1, 65535);
    if (image.pullWithManagedIdentity && !isUnresolved(image.registryUrl) && !isAzureContainerRegistry(image.registryUrl)) {
      warn(this, 'mi-pull-non-acr', `'image.pullWithManagedIdentity' is true for ${show(image.registryUrl)}, which is not an Azure Container Registry (*.azurecr.io): App Service pulls with a managed identity only from ACR, so the pull fails. Turn it off for a public registry, or mirror the image into ACR`);
    }
  }

  private validateFrontEnd(props: ChatWebAppProps, frontEnd: ChatFrontEnd): void {
    const seen = new Map<string, number>();
    for (const [i, name] of (props.deploymentNames ?? []).entries()) {
      checkNotBlank(this, `deploymentNames[${i}]`, name);
      AzureNameRule.COGNITIVE_DEPLOYMENT.validate(this, `deploymentNames[${i}]`, name);
      if (isUnresolved(name)) continue;
      const previous = seen.get(name);
      if (previous !== undefined) throw propError(this, `deploymentNames[${i}]`, `must not repeat a deployment (same as 'deploymentNames[${previous}]')`, name);
      seen.set(name, i);
    }
    if (!frontEnd.offersSeveralModels && this.deploymentNames.length > 1) {
      throw propError(this, 'deploymentNames', `must be empty or name only 'deploymentName' for ${frontEnd.name}, which calls one deployment; use ChatFrontEnd.openWebUi() to offer several models`, props.deploymentNames);
    }
    if (props.history !== undefined) {
      if (frontEnd.historyStore === HistoryStoreKind.NONE) {
        throw propError(this, 'history', `must not be set for ${frontEnd.name}, which keeps no history in a store the library can wire`, props.history.historyStoreKind);
      }
      if (props.history.historyStoreKind !== frontEnd.historyStore) {
        throw propError(this, 'history', `must be a ${frontEnd.historyStore} store, the kind ${frontEnd.name} reads`, props.history.historyStoreKind);
      }
      const setup = Array.isArray(props.history.setupStatements) ? props.history.setupStatements : [];
      if (setup.length > 0 && !frontEnd.runsDatabaseSetup) {
        throw propError(this, 'history', `must not carry 'setupStatements' for ${frontEnd.name}, which cannot run them at its start; `
          + "use ChatFrontEnd.openWebUi(), or run the store's 'setupStatements' yourself as the administrator from inside the network "
          + "(they create the login its 'connectionUrlReference' names) and give the front end a store without them", `${setup.length} statement(s)`);
      }
    }
    const gateway = props.gatewayEndpoint;
    if (gateway !== undefined && !isUnresolved(gateway)) {
      if (!/^https:\/\/[^\s/]+(\/\S*)?$/.test(gateway)) throw propError(this, 'gatewayEndpoint', "must be an https URL, e.g. the gateway's 'endpoint'", gateway);
    }
    if (gateway !== undefined && !frontEnd.forwardsSignedInUser) {
      throw propError(this, 'gatewayEndpoint', `must not be set for ${frontEnd.name}: it cannot forward the signed-in user, so a gateway could not tell users apart (use Open WebUI)`, gateway);
    }
    if (frontEnd.needsSessionSecret && props.vault === undefined) {
      throw ruleError(this, `'vault' is required for ${frontEnd.name}: the secret it signs sessions with is generated there and read as a Key Vault reference, got none`);
    }
    const uses = scaleOutPropsOf(frontEnd);
    const unusable: [string, unknown][] = [['sharedState', props.sharedState], ['fileStore', props.fileStore], ['embeddings', props.embeddings]];
    for (const [prop, value] of unusable) {
      if (value !== undefined && !uses.has(prop)) {
        throw propError(this, prop, `must not be set for ${frontEnd.name}, which has no setting to use it (only Open WebUI does)`, value);
      }
    }
    this.warnIfIncompleteForSeveralInstances(props, frontEnd, uses);
  }

  /**
   * Warns when the app may run several instances and the front end lacks what it needs to share
   * its state between them, naming each missing prop; silent once all are given.
   */
  private warnIfIncompleteForSeveralInstances(props: ChatWebAppProps, frontEnd: ChatFrontEnd, uses: ReadonlySet<string>): void {
    if (severalInstances(props) !== true) return;
    const why = props.autoscale !== undefined
      ? `'autoscale.maxInstances' is ${props.autoscale.maxInstances}, so the app may run several instances`
      : `'workerCount' is ${props.workerCount}`;
    if (!uses.has('sharedState')) {
      if (frontEnd.webSocketsEnabled) {
        warn(this, 'front-end-multi-instance', `${why}, but ${frontEnd.name} keeps WebSocket sessions in memory: with more than one instance (and client affinity off) sessions break unless it is given a Redis manager (WEBSOCKET_MANAGER=redis, WEBSOCKET_REDIS_URL) in 'appSettings'`);
      }
      return;
    }
    const missing: string[] = [];
    if (frontEnd.historyStore !== HistoryStoreKind.NONE && props.history === undefined) {
      missing.push(`'history' (a ${frontEnd.historyStore} store: otherwise each instance keeps its own database on its disk)`);
    }
    if (props.sharedState === undefined) missing.push("'sharedState' (a Redis for the WebSocket manager and shared state: otherwise sessions break between instances)");
    if (uses.has('fileStore') && props.fileStore === undefined) missing.push("'fileStore' (a private blob container: otherwise an upload sits on one instance's disk)");
    if (missing.length > 0) {
      warn(this, 'front-end-multi-instance', `${why}, but ${frontEnd.name} needs, to run as several instances: ${missing.join(', ')}`);
    }
  }

  private validateSettings(props: ChatWebAppProps, image: ContainerImage, frontEnd: ChatFrontEnd): void {
    this.wiredFrom = { ...WIRED_FROM, ...wiredKeysOf(frontEnd, props) };
    for (const [key, value] of Object.entries(image.appSettings)) this.checkSetting(`image.appSettings.${key}`, key, value);
    for (const [key, value] of Object.entries(props.appSettings ?? {})) this.checkSetting(`appSettings.${key}`, key, value);
  }

  /** The rules every app setting follows, however it is given (`prop` names it in errors). */
  private checkSetting(prop: string, key: string, value: string): void {
    if (isUnresolved(key)) return;
    if (!/^[A-Za-z0-9_.]+$/.test(key)) {
      throw propError(this, prop, 'must be named with letters, digits, \'_\' and \'.\' only (what Linux App Service passes to a container)', key);
    }
    const owner = this.wiredFrom[key.toUpperCase()];
    if (owner !== undefined) {
      throw propError(this, prop, `must not be set: the construct wires it from '${owner}'`, value);
    }
    if (isUnresolved(value)) return;
    if (looksLikeKeyVaultReference(value) && !isKeyVaultReference(value)) {
      throw propError(this, prop, "must be a well-formed Key Vault reference: '@Microsoft.KeyVault(SecretUri=https://<vault>.vault.azure.net/secrets/<name>)' or '@Microsoft.KeyVault(VaultName=<vault>;SecretName=<name>)'", value);
    }
    if (isKeyShapedSetting(key) && !isKeyVaultReference(value)) {
      // The value is a secret: never shown.
      throw propError(this, prop, "must not hold a key or secret in plain text (app settings are readable by anyone who can read the app): use a Key Vault reference '@Microsoft.KeyVault(SecretUri=...)'; Azure OpenAI needs no key, the app signs in with its managed identity", 'a plain-text value');
    }
    if (FORBIDDEN_SETTINGS.includes(key.toUpperCase())) {
      throw propError(this, prop, 'must not be set: the app signs in to Azure OpenAI with its managed identity and the account has key auth off', value);
    }
  }

  /**
   * Adds an app setting after construction, e.g. one that refers to a resource created later:
   * `chat.app.addAppSetting('SEARCH_ENDPOINT', search.endpoint)`.
   *
   * The same rules as `appSettings` apply: a key-shaped name (`_KEY`, `_SECRET`, `PASSWORD`,
   * `_TOKEN`, `CONNECTION_STRING`, …) needs a Key Vault reference as its value, and the settings
   * the construct wires cannot be set. A name already set (by the image, `appSettings`, the
   * construct or an earlier call; names compare case-insensitively) is an error.
   *
   * @param name setting name: letters, digits, `_` and `.`
   * @param value setting value (a string, or a token such as another resource's attribute)
   */
  public addAppSetting(name: string, value: string): void {
    checkField(this, 'addAppSetting.name', name, is.string(true));
    checkField(this, 'addAppSetting.value', value, is.string(true));
    const prop = `addAppSetting(${name})`;
    this.checkSetting(prop, name, value);
    if (!isUnresolved(name)) {
      const taken = Object.keys(this.settings).find((k) => !isUnresolved(k) && k.toUpperCase() === name.toUpperCase());
      if (taken !== undefined) {
        throw propError(this, prop, `must not repeat a setting that is already set ('${taken}', by the image, 'appSettings' or an earlier addAppSetting)`, name);
      }
    }
    this.settings[name] = value;
    // Set again rather than passed lazily: the synthesized map stays plain JSON.
    this.resource.appSettings = { ...this.settings };
  }

  private validateHealthAndAuth(props: ChatWebAppProps): void {
    const path = props.healthCheckPath;
    if (path !== undefined && !isUnresolved(path) && !/^\/[^\s?#]*$/.test(path)) {
      throw propError(this, 'healthCheckPath', 'must be a path starting with \'/\', without spaces, query or fragment', path);
    }
    if (path !== undefined && !isUnresolved(path) && path.length > 255) {
      throw propError(this, 'healthCheckPath', 'must be at most 255 characters', path);
    }
    checkIntRange(this, 'healthCheckEvictionTimeInMin', props.healthCheckEvictionTimeInMin, 2, 10);
    const seen = new Set<string>();
    for (const [i, excluded] of (props.authExcludedPaths ?? []).entries()) {
      if (isUnresolved(excluded)) continue;
      if (!/^\/[^\s?#]*$/.test(excluded)) {
        throw propError(this, `authExcludedPaths[${i}]`, 'must be a path starting with \'/\'', excluded);
      }
      if (excluded === '/' || excluded === '/*') {
        throw propError(this, `authExcludedPaths[${i}]`, 'must not exclude the whole app from sign-in', excluded);
      }
      if (seen.has(excluded)) throw propError(this, `authExcludedPaths[${i}]`, 'must not repeat a path', excluded);
      seen.add(excluded);
    }
  }
}

function validateSignIn(scope: Construct, signIn: SignIn, vault: IPrivateKeyVault | undefined): void {
  const existing = signIn._existing;
  if (existing) {
    checkNotBlank(scope, 'signIn.clientId', existing.clientId);
    if (existing.clientId === undefined) throw propError(scope, 'signIn.clientId', 'must be set', existing.clientId);
    checkGuid(scope, 'signIn.clientId', existing.clientId);
    checkGuid(scope, 'signIn.tenantId', existing.tenantId);
    const given = [existing.clientSecret, existing.clientSecretKeyVaultSecretId].filter((v) => v !== undefined).length;
    if (given !== 1) {
      throw ruleError(scope, `'signIn' needs exactly one of 'clientSecret' and 'clientSecretKeyVaultSecretId', got ${given === 0 ? 'neither' : 'both'}`);
    }
    checkNotBlank(scope, 'signIn.clientSecret', existing.clientSecret);
    // A token skips the rule like every other check (the test of tokens passes one with a vault secret id).
    const expiry = existing.clientSecretExpirationDate;
    if (expiry !== undefined && !isUnresolved(expiry) && existing.clientSecret === undefined) {
      throw ruleError(scope, "'signIn.clientSecretExpirationDate' is recorded on the vault secret the construct stores, so it needs 'clientSecret'; a secret given by 'clientSecretKeyVaultSecretId' keeps its own expiry, got 'clientSecretExpirationDate' without 'clientSecret'");
    }
    const expires = checkRfc3339(scope, 'signIn.clientSecretExpirationDate', existing.clientSecretExpirationDate);
    warnIfPast(scope, 'signIn.clientSecretExpirationDate', existing.clientSecretExpirationDate, expires);
    checkVersionlessSecretUri(scope, 'signIn.clientSecretKeyVaultSecretId', existing.clientSecretKeyVaultSecretId);
    if (existing.clientSecret !== undefined && vault === undefined) {
      throw ruleError(scope, '\'vault\' is required when \'signIn.clientSecret\' is given: the secret is stored there and read as a Key Vault reference, got none');
    }
    return;
  }
  const registration = signIn._registration ?? {};
  checkIntRange(scope, 'signIn.secretLifetimeDays', registration.secretLifetimeDays, 1, 730);
  const displayName = registration.displayName;
  if (displayName !== undefined) {
    checkNotBlank(scope, 'signIn.displayName', displayName);
    if (!isUnresolved(displayName) && displayName.length > MAX_DISPLAY_NAME) {
      throw propError(scope, 'signIn.displayName', `must be at most ${MAX_DISPLAY_NAME} characters (Entra ID's limit for an application's display name)`, displayName);
    }
  }
  const owners = new Map<string, number>();
  for (const [i, owner] of (registration.owners ?? []).entries()) {
    checkGuid(scope, `signIn.owners[${i}]`, owner);
    if (isUnresolved(owner)) continue;
    const previous = owners.get(owner.toLowerCase());
    if (previous !== undefined) throw propError(scope, `signIn.owners[${i}]`, `must not repeat an owner (same as 'signIn.owners[${previous}]')`, owner);
    owners.set(owner.toLowerCase(), i);
  }
  if (vault === undefined) {
    throw ruleError(scope, '\'vault\' is required when \'signIn\' creates the app registration: its client secret is stored there and read as a Key Vault reference, got none');
  }
}

/**
 * Whether the first segment of an image name is a registry host (the registry's own, or a
 * well-known one) rather than a namespace: `my.team/chat` is a valid path, `ghcr.io/x/chat` is not.
 */
function isRegistryHost(segment: string, registryUrl: string): boolean {
  const s = segment.toLowerCase();
  return s === registryHost(registryUrl)?.toLowerCase() || s === 'localhost'
    || /(^|\.)(azurecr\.(io|cn|us)|docker\.io|mcr\.microsoft\.com|ghcr\.io|quay\.io|gcr\.io|pkg\.dev)$/.test(s);
}

/** A sign-in registration of placeholders, for {@link wiredKeysOf}. */
const NO_SIGN_IN = { clientId: '', clientSecretReference: '', tenantId: '', bootstrapAdminPasswordReference: '' };

/** The parts of the props a front end's settings read, for {@link wiredKeysOf} and {@link scaleOutPropsOf}. */
interface WiredInputs {
  readonly history?: IChatHistoryStore;
  readonly sharedState?: IChatSharedState;
  readonly fileStore?: IChatFileStore;
  readonly embeddings?: IChatEmbeddings;
}

/** Names of the settings a front end wires (its settings are pure, so placeholders show the names). */
function wiredKeysOf(frontEnd: ChatFrontEnd, inputs: WiredInputs): { [key: string]: string } {
  const placeholders = { endpoint: '', deploymentName: '', deploymentNames: [], identityClientId: '', appUrl: '', sessionSecretReference: '', signIn: NO_SIGN_IN };
  const given = { history: inputs.history, sharedState: inputs.sharedState, files: inputs.fileStore, embeddings: inputs.embeddings };
  const settings: FrontEndSettings = frontEnd._settings({ ...placeholders, ...given });
  return Object.fromEntries(Object.entries(settings.wiredFrom).map(([k, v]) => [k.toUpperCase(), v]));
}

/** Placeholders with the members a front end's settings read: only the names of what they wire matter. */
const PLACEHOLDERS: WiredInputs = {
  sharedState: { redisUrlReference: '' } as unknown as IChatSharedState,
  fileStore: { blobEndpoint: '', containerName: '' } as unknown as IChatFileStore,
  embeddings: { baseUrl: '', apiKeyReference: '', deploymentName: '', apiVersion: '', dimensions: 1536 } as unknown as IChatEmbeddings,
};

/**
 * Which of `sharedState`, `fileStore` and `embeddings` the front end has settings for, found by
 * asking it for its settings with placeholders: a front end that wires nothing from one cannot use it.
 */
function scaleOutPropsOf(frontEnd: ChatFrontEnd): ReadonlySet<string> {
  return new Set(Object.values(wiredKeysOf(frontEnd, PLACEHOLDERS)));
}

/**
 * Whether the app may run more than one instance: `workerCount` above 1, or an autoscale maximum
 * above 1. Undefined when that is unknown (a token, or a given plan without autoscale).
 */
function severalInstances(props: ChatWebAppProps): boolean | undefined {
  if (props.autoscale !== undefined) {
    const max = props.autoscale.maxInstances;
    return isUnresolved(max) ? undefined : max > 1;
  }
  if (props.servicePlanId !== undefined) return undefined;
  const workers = props.workerCount ?? 1;
  return isUnresolved(workers) ? undefined : workers > 1;
}

/** max(minInstances, workerCount); Terraform's `max()` when either is a token (a number token is no number to compare). */
function startingInstances(minInstances: number, workers: number): number {
  if (isUnresolved(minInstances) || isUnresolved(workers)) return Token.asNumber(Fn.max([minInstances, workers]));
  return Math.max(minInstances, workers);
}

let SHAPE: Shape | undefined;
/** Props of ChatWebApp at runtime; built on first use, after the classes it names exist. */
function propsShape(): Shape {
  SHAPE ??= {
    resourceGroupName: is.string(true),
    location: is.string(true),
    network: NETWORK_REF(true),
    dnsZones: DNS_ZONES_REF(true),
    openAi: OPENAI_REF(true),
    deploymentName: is.string(true),
    identity: IDENTITY_REF(),
    vault: VAULT_REF(),
    signIn: is.instance(SignIn, 'a SignIn (SignIn.createAppRegistration() or SignIn.withExistingRegistration(...))'),
    signInPrincipals: is.arrayOf(PRINCIPAL_REF(true)),
    adminGroups: is.arrayOf(PRINCIPAL_REF(true)),
    monitoring: MONITORING_REF(),
    image: is.instance(ContainerImage, 'a ContainerImage (ContainerImage.SAMPLE_CHAT_APP, ContainerImage.fromRegistry(...) or ContainerImage.fromRegistryDigest(...))'),
    frontEnd: is.instance(ChatFrontEnd, 'a ChatFrontEnd (ChatFrontEnd.openWebUi(), ChatFrontEnd.sampleChatApp() or ChatFrontEnd.fromImage(...))'),
    deploymentNames: is.arrayOf(is.string()),
    history: is.reference(['historyStoreKind', 'connectionUrlReference'], 'an IChatHistoryStore (e.g. a PostgresHistoryStore)'),
    imageMirror: is.reference(['mirror', 'grantPull'], 'an IImageMirror (e.g. a RegistryMirror)'),
    gatewayEndpoint: is.string(),
    appSettings: is.stringMap(),
    name: is.string(),
    servicePlanId: is.string(),
    servicePlanName: is.string(),
    skuName: is.string(),
    workerCount: is.integer(),
    zoneBalancingEnabled: is.boolean(),
    autoscale: AUTOSCALE_SHAPE,
    sharedState: is.reference(['redisUrlReference'], 'an IChatSharedState (e.g. a PrivateRedisCache)'),
    fileStore: is.reference(['blobEndpoint', 'containerName', 'grantReadWrite'], 'an IChatFileStore (e.g. a PrivateFileStore)'),
    embeddings: is.reference(['baseUrl', 'apiKeyReference', 'deploymentName', 'apiVersion', 'dimensions'], 'an IChatEmbeddings (e.g. the AI gateway\'s embeddings)'),
    healthCheckPath: is.string(),
    healthCheckEvictionTimeInMin: is.integer(),
    authExcludedPaths: is.arrayOf(is.string()),
    webSocketsEnabled: is.boolean(),
    vnetImagePullEnabled: is.boolean(),
    roleAssignments: is.arrayOf(DEPENDABLE_REF()),
    tags: is.stringMap(),
  };
  return SHAPE;
}
