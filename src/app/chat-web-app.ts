import { AppRoleAssignment } from '@cdktf/provider-azuread/lib/app-role-assignment';
import { Application } from '@cdktf/provider-azuread/lib/application';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { LinuxWebApp } from '@cdktf/provider-azurerm/lib/linux-web-app';
import { MonitorAutoscaleSetting } from '@cdktf/provider-azurerm/lib/monitor-autoscale-setting';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { ServicePlan } from '@cdktf/provider-azurerm/lib/service-plan';
import { Sleep } from '@cdktf/provider-time/lib/sleep';
import { Construct } from 'constructs';
import { AUTH_SECRET_SETTING_NAME, ChatWebAppProps, WEB_APP_LOG_CATEGORIES } from './chat-web-app-props';
import { ChatFrontEnd } from './front-end';
import { ChatIdentity } from './identity';
import { addAutoscaleSetting } from './private/autoscale-setting';
import { ChatSignIn } from './private/chat-sign-in';
import { markSetupRun } from './private/database-setup';
import { severalInstances, startingInstances } from './private/web-app-scale';
import { checkAppSetting } from './private/web-app-settings';
import { propsShape, validateWebApp } from './private/web-app-validation';
import { SignIn } from './sign-in';
import { IAiAccount } from '../ai/ai-account-props';
import { IChatIdentity } from '../core/identity';
import { AzureNameRule, Names } from '../core/names';
import { clientConfig } from '../core/private/client-config';
import { waitAfter } from '../core/private/providers';
import { AI_ACCOUNT_REF } from '../core/private/references';
import { renamedProp } from '../core/private/renamed';
import { checkField, checkShape, is, isUnresolved, propError, ruleError } from '../core/private/validate';
import { servicePrivateEndpoint } from '../network/private/wiring';
import { PrivateLinkZone } from '../network/private-dns-zones';
import { ServicePrivateEndpoint } from '../network/private-endpoint';
import { PrivateKeyVault } from '../secrets/key-vault';
import { addGeneratedSecret } from '../secrets/private/generated-secret';
import { VaultSecret } from '../secrets/vault-secret';

export * from './chat-web-app-props';

/** Propagation wait between the app's role assignments and the app's first start. */
const ROLE_PROPAGATION_WAIT = '60s';

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
  private readonly wiredFrom: { readonly [key: string]: string };

  constructor(scope: Construct, id: string, props: ChatWebAppProps) {
    super(scope, id);
    checkShape(this, props, propsShape());
    const given = renamedProp<IAiAccount>(this, props, 'openAi', 'aiAccount');
    checkField(this, 'aiAccount', given, AI_ACCOUNT_REF(true));
    const account = given!;
    if (props.image !== undefined && props.frontEnd !== undefined) {
      throw ruleError(this, "'image' and 'frontEnd' are mutually exclusive: 'image' is short for 'frontEnd: ChatFrontEnd.fromImage(image)', got both");
    }
    let frontEnd = props.frontEnd ?? (props.image !== undefined ? ChatFrontEnd.fromImage(props.image) : ChatFrontEnd.openWebUi());
    const image = frontEnd.image;
    const signIn = props.signIn ?? SignIn.createAppRegistration();
    this.deploymentNames = [props.deploymentName, ...(props.deploymentNames ?? []).filter((n) => n !== props.deploymentName)];
    this.wiredFrom = validateWebApp(this, props, frontEnd, signIn, this.deploymentNames);

    const tags = props.tags;
    this.identity = props.identity ?? new ChatIdentity(this, 'Identity', {
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags,
    });
    // `app-<id>-<hash>`, but not `app-app-<hash>` for the usual construct id `App`.
    this.webAppName = props.name ?? Names.globallyUnique(this, AzureNameRule.WEB_APP, id.toLowerCase() === 'app' ? 'app' : `app-${id}`);

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
    const grants: RoleAssignment[] = props.gatewayEndpoint === undefined ? [account.grantUse(this.identity)] : [];
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
      endpoint: props.gatewayEndpoint ?? account.endpoint,
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

    // A missing zone is reported as this construct's 'dnsZones', the prop its user wrote.
    this.privateEndpoint = servicePrivateEndpoint(this, { ...props, tags }, {
      targetResourceId: this.webAppId,
      subresource: 'sites',
      zones: [PrivateLinkZone.APP_SERVICE],
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
    checkAppSetting(this, this.wiredFrom, prop, name, value);
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
}
