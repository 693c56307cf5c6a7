import { Application } from '@cdktf/provider-azuread/lib/application';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { KeyVaultSecret } from '@cdktf/provider-azurerm/lib/key-vault-secret';
import { LinuxWebApp } from '@cdktf/provider-azurerm/lib/linux-web-app';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { ServicePlan } from '@cdktf/provider-azurerm/lib/service-plan';
import { Sleep } from '@cdktf/provider-time/lib/sleep';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { ContainerImage } from './container-image';
import { ChatIdentity, IChatIdentity } from './identity';
import { SignIn } from './sign-in';
import { IOpenAiAccount } from '../ai/openai-account';
import { AzureNameRule, Names } from '../core/names';
import { ChatSignIn } from './private/chat-sign-in';
import { clientConfig } from '../core/private/client-config';
import { checkPlacement } from '../core/private/placement';
import { waitAfter } from '../core/private/providers';
import { checkGuid, checkIntRange, checkNotBlank, checkResourceId, isUnresolved, propError, ruleError } from '../core/private/validate';
import { IMonitoring } from '../monitoring/monitoring';
import { PrivateLinkZone } from '../network/private-dns-zones';
import { PrivateEndpointOptions, ServicePrivateEndpoint } from '../network/private-endpoint';
import { IPrivateKeyVault } from '../secrets/key-vault';
import { checkRfc3339 } from '../secrets/private/secrets';

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

/** Settings that would switch the app to key-based Azure OpenAI auth; the account has local auth off. */
const FORBIDDEN_SETTINGS = ['AZURE_OPENAI_KEY', 'AZURE_OPENAI_API_KEY'];

/** Props of {@link ChatWebApp}. */
export interface ChatWebAppProps extends PrivateEndpointOptions {
  /** Resource group of the plan, the app and its private endpoint. */
  readonly resourceGroupName: string;
  /** Azure region; the VNet's region, since VNet integration and the private endpoint need it. */
  readonly location: string;
  /** The Azure OpenAI account the app calls; the app's identity is granted `Cognitive Services OpenAI User` on it. */
  readonly openAi: IOpenAiAccount;
  /** Name of the model deployment the app chats with (`AZURE_OPENAI_MODEL`); pass the deployment construct's name attribute. */
  readonly deploymentName: string;
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
   * Workspace that receives the app's logs (HTTP, console, app, audit, platform, authentication).
   *
   * @default - no diagnostic setting
   */
  readonly monitoring?: IMonitoring;
  /**
   * Container image the app runs.
   *
   * @default ContainerImage.SAMPLE_CHAT_APP
   */
  readonly image?: ContainerImage;
  /**
   * Extra app settings (environment variables of the container). They may override the image's
   * own settings, but not the settings the construct wires (`AZURE_OPENAI_ENDPOINT`,
   * `AZURE_OPENAI_MODEL`, `AZURE_CLIENT_ID`, `WEBSITES_PORT`,
   * `MICROSOFT_PROVIDER_AUTHENTICATION_SECRET`): that is an error. Use Key Vault references
   * (`@Microsoft.KeyVault(SecretUri=...)`) for secrets.
   *
   * @default - none
   */
  readonly appSettings?: { [key: string]: string };
  /**
   * Name of the web app; globally unique, since it is also the `<name>.azurewebsites.net` host name.
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
   * Instances of the plan (Basic up to 3, Standard up to 10, Premium up to 30).
   *
   * @default 1
   */
  readonly workerCount?: number;
  /**
   * Spread the plan's instances across availability zones (Premium SKUs, at least 2 instances).
   *
   * @default false
   */
  readonly zoneBalancingEnabled?: boolean;
  /**
   * Path App Service probes on every instance; instances that keep failing are replaced.
   * App Service authentication lets the platform's own health probe through, so the path needs
   * no exclusion from sign-in.
   *
   * @default '/'
   */
  readonly healthCheckPath?: string;
  /**
   * Minutes an instance may fail the health check before it is taken out of rotation (2-10).
   *
   * @default 5
   */
  readonly healthCheckEvictionTimeInMin?: number;
  /**
   * Paths that skip sign-in, e.g. `/healthz` for an external probe (an Application Gateway's).
   * `/` cannot be excluded: that would switch sign-in off for the whole app.
   *
   * @default - none
   */
  readonly authExcludedPaths?: string[];
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
  /** The app registration, when `signIn` creates it. */
  public readonly application?: Application;
  /** The registration's service principal (enterprise application), when `signIn` creates it. */
  public readonly servicePrincipal?: ServicePrincipal;
  /** The vault secret holding the sign-in client secret, when the construct stores one. */
  public readonly signInSecret?: KeyVaultSecret;

  constructor(scope: Construct, id: string, props: ChatWebAppProps) {
    super(scope, id);
    const image = props.image ?? ContainerImage.SAMPLE_CHAT_APP;
    const signIn = props.signIn ?? SignIn.createAppRegistration();
    this.validate(props, image, signIn);

    const tags = props.tags;
    this.identity = props.identity ?? new ChatIdentity(this, 'Identity', {
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags,
    });
    this.webAppName = props.name ?? Names.globallyUnique(this, AzureNameRule.WEB_APP, `app-${id}`);

    if (props.servicePlanId !== undefined) {
      this.servicePlanId = props.servicePlanId;
    } else {
      this.servicePlan = new ServicePlan(this, 'ServicePlan', {
        name: props.servicePlanName ?? Names.local(this, AzureNameRule.SERVICE_PLAN, 'asp'),
        resourceGroupName: props.resourceGroupName,
        location: props.location,
        osType: 'Linux',
        skuName: props.skuName ?? 'P0v3',
        workerCount: props.workerCount ?? 1,
        zoneBalancingEnabled: props.zoneBalancingEnabled ?? false,
        tags,
      });
      this.servicePlanId = this.servicePlan.id;
    }

    // Grants the app cannot start without; grantRole returns the existing assignment when a
    // pattern already made the same grant, so nothing is assigned twice.
    const grants: RoleAssignment[] = [props.openAi.grantUse(this.identity)];
    if (props.vault) grants.push(props.vault.grantSecretsRead(this.identity));

    const tenantId = signIn._existing?.tenantId ?? clientConfig(this).tenantId;
    const chatSignIn = new ChatSignIn(this, 'SignIn', {
      signIn,
      vault: props.vault,
      // The registration's redirect URI is computed from the name, not read from the app, so the
      // app (which needs the client id) and the registration (which needs the host) form no cycle.
      redirectHost: `${this.webAppName}.azurewebsites.net`,
    });
    this.clientId = chatSignIn.clientId;
    this.application = chatSignIn.application;
    this.servicePrincipal = chatSignIn.servicePrincipal;
    this.signInSecret = chatSignIn.secret;

    this.roleAssignmentWait = waitAfter(this, 'WaitForRoleAssignments', [...grants, ...(props.roleAssignments ?? [])], ROLE_PROPAGATION_WAIT);

    const wired: { [key: string]: string } = {
      AZURE_OPENAI_ENDPOINT: props.openAi.endpoint,
      AZURE_OPENAI_MODEL: props.deploymentName,
      AZURE_CLIENT_ID: this.identity.clientId,
      WEBSITES_PORT: String(image.port),
      [AUTH_SECRET_SETTING_NAME]: chatSignIn.secretReference,
    };

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
      appSettings: { ...image.appSettings, ...(props.appSettings ?? {}), ...wired },
      siteConfig: {
        alwaysOn: true,
        http2Enabled: true,
        minimumTlsVersion: '1.2',
        scmMinimumTlsVersion: '1.2',
        ftpsState: 'Disabled',
        remoteDebuggingEnabled: false,
        vnetRouteAllEnabled: true,
        use32BitWorker: false,
        websocketsEnabled: false,
        healthCheckPath: props.healthCheckPath ?? '/',
        healthCheckEvictionTimeInMin: props.healthCheckEvictionTimeInMin ?? 5,
        containerRegistryUseManagedIdentity: image.pullWithManagedIdentity,
        containerRegistryManagedIdentityClientId: image.pullWithManagedIdentity ? this.identity.clientId : undefined,
        applicationStack: {
          dockerRegistryUrl: image.registryUrl,
          dockerImageName: image.reference,
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
  }

  private validate(props: ChatWebAppProps, image: ContainerImage, signIn: SignIn): void {
    checkPlacement(this, props.resourceGroupName, props.location);
    checkNotBlank(this, 'deploymentName', props.deploymentName);
    AzureNameRule.COGNITIVE_DEPLOYMENT.validate(this, 'deploymentName', props.deploymentName);
    AzureNameRule.WEB_APP.validate(this, 'name', props.name);
    this.validatePlan(props);
    this.validateImage(image);
    this.validateSettings(props, image);
    this.validateHealthAndAuth(props);
    validateSignIn(this, signIn, props.vault);
  }

  private validatePlan(props: ChatWebAppProps): void {
    if (props.servicePlanId !== undefined) {
      checkResourceId(this, 'servicePlanId', props.servicePlanId, 'Microsoft.Web');
      const planProps: [string, unknown][] = [
        ['skuName', props.skuName], ['workerCount', props.workerCount],
        ['zoneBalancingEnabled', props.zoneBalancingEnabled], ['servicePlanName', props.servicePlanName],
      ];
      for (const [name, value] of planProps) {
        if (value !== undefined) {
          throw ruleError(this, `'servicePlanId' and '${name}' are mutually exclusive: '${name}' configures the plan created when no 'servicePlanId' is given, got both`);
        }
      }
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
      const workers = props.workerCount ?? 1;
      if (!isUnresolved(workers) && workers < 2) {
        throw ruleError(this, `'zoneBalancingEnabled' needs at least 2 instances (ideally a multiple of the region's zones), got 'workerCount' ${workers}`);
      }
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
      if (tag.toLowerCase() === 'latest' && !image.allowMutableTag) {
        throw propError(this, 'image.tag', 'must be a pinned tag, not \'latest\' (a restart could silently upgrade the app); set \'allowMutableTag\' to accept it', tag);
      }
    }
    checkIntRange(this, 'image.port', image.port, 1, 65535);
  }

  private validateSettings(props: ChatWebAppProps, image: ContainerImage): void {
    const wiredFrom: { [key: string]: string } = {
      AZURE_OPENAI_ENDPOINT: 'openAi',
      AZURE_OPENAI_MODEL: 'deploymentName',
      AZURE_CLIENT_ID: 'identity',
      WEBSITES_PORT: 'image.port',
      [AUTH_SECRET_SETTING_NAME]: 'signIn',
    };
    const check = (prop: string, settings: { [key: string]: string }) => {
      for (const [key, value] of Object.entries(settings)) {
        if (!/^[A-Za-z0-9_.]+$/.test(key)) {
          throw propError(this, `${prop}.${key}`, 'must be named with letters, digits, \'_\' and \'.\' only (what Linux App Service passes to a container)', key);
        }
        if (FORBIDDEN_SETTINGS.includes(key.toUpperCase())) {
          throw propError(this, `${prop}.${key}`, 'must not be set: the app signs in to Azure OpenAI with its managed identity and the account has key auth off', value);
        }
        const owner = wiredFrom[key.toUpperCase()];
        if (owner !== undefined) {
          throw propError(this, `${prop}.${key}`, `must not be set: the construct wires it from '${owner}'`, value);
        }
      }
    };
    check('image.appSettings', image.appSettings);
    check('appSettings', props.appSettings ?? {});
  }

  private validateHealthAndAuth(props: ChatWebAppProps): void {
    const path = props.healthCheckPath;
    if (path !== undefined && !isUnresolved(path) && !/^\/[^\s?#]*$/.test(path)) {
      throw propError(this, 'healthCheckPath', 'must be a path starting with \'/\', without spaces, query or fragment', path);
    }
    checkIntRange(this, 'healthCheckEvictionTimeInMin', props.healthCheckEvictionTimeInMin, 2, 10);
    for (const [i, excluded] of (props.authExcludedPaths ?? []).entries()) {
      if (isUnresolved(excluded)) continue;
      if (!/^\/[^\s?#]*$/.test(excluded)) {
        throw propError(this, `authExcludedPaths[${i}]`, 'must be a path starting with \'/\'', excluded);
      }
      if (excluded === '/' || excluded === '/*') {
        throw propError(this, `authExcludedPaths[${i}]`, 'must not exclude the whole app from sign-in', excluded);
      }
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
    checkRfc3339(scope, 'signIn.clientSecretExpirationDate', existing.clientSecretExpirationDate);
    const secretId = existing.clientSecretKeyVaultSecretId;
    if (secretId !== undefined && !isUnresolved(secretId)
      && !/^https:\/\/[A-Za-z0-9-]+\.vault\.[a-z.]+\/secrets\/[A-Za-z0-9-]+\/?$/.test(secretId)) {
      throw propError(scope, 'signIn.clientSecretKeyVaultSecretId', 'must be a versionless Key Vault secret id (https://<vault>.vault.azure.net/secrets/<name>)', secretId);
    }
    if (existing.clientSecret !== undefined && vault === undefined) {
      throw ruleError(scope, '\'vault\' is required when \'signIn.clientSecret\' is given: the secret is stored there and read as a Key Vault reference, got none');
    }
    return;
  }
  const registration = signIn._registration ?? {};
  checkIntRange(scope, 'signIn.secretLifetimeDays', registration.secretLifetimeDays, 1, 730);
  if (registration.displayName !== undefined) checkNotBlank(scope, 'signIn.displayName', registration.displayName);
  for (const [i, owner] of (registration.owners ?? []).entries()) checkGuid(scope, `signIn.owners[${i}]`, owner);
  if (vault === undefined) {
    throw ruleError(scope, '\'vault\' is required when \'signIn\' creates the app registration: its client secret is stored there and read as a Key Vault reference, got none');
  }
}
