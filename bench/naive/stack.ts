// The default deployment's resources written by hand, for the benchmark only: the stack behind
// both yardsticks that do the same Terraform work as examples/private-chat (bench/naive, with
// root-package provider imports, and bench/handwritten, with one module per resource). The
// provider modules come in as an argument, so both import styles run this same code; the imports
// below are types only and load nothing. bench/run.ts checks at bench time that the resource
// types and counts still match the private-chat example.
import type * as application from '@cdktf/provider-azuread/lib/application';
import type * as applicationPassword from '@cdktf/provider-azuread/lib/application-password';
import type * as azuread from '@cdktf/provider-azuread/lib/provider';
import type * as servicePrincipal from '@cdktf/provider-azuread/lib/service-principal';
import type * as cognitiveAccount from '@cdktf/provider-azurerm/lib/cognitive-account';
import type * as cognitiveAccountRaiPolicy from '@cdktf/provider-azurerm/lib/cognitive-account-rai-policy';
import type * as cognitiveDeployment from '@cdktf/provider-azurerm/lib/cognitive-deployment';
import type * as dataAzurermClientConfig from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import type * as keyVault from '@cdktf/provider-azurerm/lib/key-vault';
import type * as linuxWebApp from '@cdktf/provider-azurerm/lib/linux-web-app';
import type * as logAnalyticsWorkspace from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import type * as monitorDiagnosticSetting from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import type * as natGateway from '@cdktf/provider-azurerm/lib/nat-gateway';
import type * as natGatewayPublicIpAssociation from '@cdktf/provider-azurerm/lib/nat-gateway-public-ip-association';
import type * as networkSecurityGroup from '@cdktf/provider-azurerm/lib/network-security-group';
import type * as postgresqlFlexibleServer from '@cdktf/provider-azurerm/lib/postgresql-flexible-server';
import type * as postgresqlFlexibleServerConfiguration from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-configuration';
import type * as postgresqlFlexibleServerDatabase from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-database';
import type * as privateDnsZone from '@cdktf/provider-azurerm/lib/private-dns-zone';
import type * as privateDnsZoneVirtualNetworkLink from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import type * as privateEndpoint from '@cdktf/provider-azurerm/lib/private-endpoint';
import type * as azurerm from '@cdktf/provider-azurerm/lib/provider';
import type * as publicIp from '@cdktf/provider-azurerm/lib/public-ip';
import type * as resourceGroup from '@cdktf/provider-azurerm/lib/resource-group';
import type * as roleAssignment from '@cdktf/provider-azurerm/lib/role-assignment';
import type * as servicePlan from '@cdktf/provider-azurerm/lib/service-plan';
import type * as subnet from '@cdktf/provider-azurerm/lib/subnet';
import type * as subnetNatGatewayAssociation from '@cdktf/provider-azurerm/lib/subnet-nat-gateway-association';
import type * as subnetNetworkSecurityGroupAssociation from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import type * as userAssignedIdentity from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import type * as virtualNetwork from '@cdktf/provider-azurerm/lib/virtual-network';
import type * as offset from '@cdktf/provider-time/lib/offset';
import type * as time from '@cdktf/provider-time/lib/provider';
import type * as sleep from '@cdktf/provider-time/lib/sleep';
import { AzurermBackend, Fn, TerraformProvider, TerraformResource, TerraformResourceLifecycle, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

// azapi has no prebuilt provider package: a user writes the block by hand, as here.
class AzapiProvider extends TerraformProvider {
  constructor(scope: Construct, id: string) {
    super(scope, id, { terraformResourceType: 'azapi', terraformProviderSource: 'azure/azapi', terraformGeneratorMetadata: { providerName: 'azapi', providerVersionConstraint: '~> 2.4' } });
  }
  protected synthesizeAttributes(): { [name: string]: any } {
    return {};
  }
}
class AzapiResource extends TerraformResource {
  constructor(scope: Construct, id: string, private readonly args: { [name: string]: any }) {
    super(scope, id, { terraformResourceType: 'azapi_resource', terraformGeneratorMetadata: { providerName: 'azapi' } });
  }
  protected synthesizeAttributes(): { [name: string]: any } {
    return this.args;
  }
}

class AzapiUpdateResource extends TerraformResource {
  constructor(scope: Construct, id: string, private readonly args: { [name: string]: any }) {
    super(scope, id, { terraformResourceType: 'azapi_update_resource', terraformGeneratorMetadata: { providerName: 'azapi' } });
  }
  protected synthesizeAttributes(): { [name: string]: any } {
    return this.args;
  }
}

const location = 'swedencentral';

/** The provider modules the stack uses: one namespace each, however the caller imported it. */
export interface ProviderModules {
  readonly application: typeof application;
  readonly applicationPassword: typeof applicationPassword;
  readonly servicePrincipal: typeof servicePrincipal;
  readonly azuread: typeof azuread;
  readonly cognitiveAccount: typeof cognitiveAccount;
  readonly cognitiveAccountRaiPolicy: typeof cognitiveAccountRaiPolicy;
  readonly cognitiveDeployment: typeof cognitiveDeployment;
  readonly dataAzurermClientConfig: typeof dataAzurermClientConfig;
  readonly keyVault: typeof keyVault;
  readonly linuxWebApp: typeof linuxWebApp;
  readonly logAnalyticsWorkspace: typeof logAnalyticsWorkspace;
  readonly monitorDiagnosticSetting: typeof monitorDiagnosticSetting;
  readonly natGateway: typeof natGateway;
  readonly natGatewayPublicIpAssociation: typeof natGatewayPublicIpAssociation;
  readonly postgresqlFlexibleServer: typeof postgresqlFlexibleServer;
  readonly postgresqlFlexibleServerConfiguration: typeof postgresqlFlexibleServerConfiguration;
  readonly postgresqlFlexibleServerDatabase: typeof postgresqlFlexibleServerDatabase;
  readonly networkSecurityGroup: typeof networkSecurityGroup;
  readonly privateDnsZone: typeof privateDnsZone;
  readonly privateDnsZoneVirtualNetworkLink: typeof privateDnsZoneVirtualNetworkLink;
  readonly privateEndpoint: typeof privateEndpoint;
  readonly azurerm: typeof azurerm;
  readonly publicIp: typeof publicIp;
  readonly resourceGroup: typeof resourceGroup;
  readonly roleAssignment: typeof roleAssignment;
  readonly servicePlan: typeof servicePlan;
  readonly subnet: typeof subnet;
  readonly subnetNatGatewayAssociation: typeof subnetNatGatewayAssociation;
  readonly subnetNetworkSecurityGroupAssociation: typeof subnetNetworkSecurityGroupAssociation;
  readonly userAssignedIdentity: typeof userAssignedIdentity;
  readonly virtualNetwork: typeof virtualNetwork;
  readonly offset: typeof offset;
  readonly time: typeof time;
  readonly sleep: typeof sleep;
}

/** Makes the `terraform_data` that holds a generated value (`input`, read back as `output`). */
export type TerraformDataFactory = (scope: Construct, id: string, config: { input: any; lifecycle: TerraformResourceLifecycle }) => TerraformResource;

/**
 * The default deployment's resources, written by hand in one flat stack. Only how the provider
 * classes were imported differs between the naive and the hand-written yardstick; this code is
 * the same for both.
 */
export class NaiveChatStack extends TerraformStack {
  constructor(scope: Construct, id: string, modules: ProviderModules, terraformData: TerraformDataFactory) {
    super(scope, id);
    const {
      application, applicationPassword, servicePrincipal, azuread, cognitiveAccount, cognitiveAccountRaiPolicy, cognitiveDeployment,
      dataAzurermClientConfig, keyVault, linuxWebApp, logAnalyticsWorkspace, monitorDiagnosticSetting, natGateway,
      natGatewayPublicIpAssociation, postgresqlFlexibleServer, postgresqlFlexibleServerConfiguration, postgresqlFlexibleServerDatabase,
      networkSecurityGroup, privateDnsZone, privateDnsZoneVirtualNetworkLink, privateEndpoint, azurerm, publicIp, resourceGroup,
      roleAssignment, servicePlan, subnet, subnetNatGatewayAssociation, subnetNetworkSecurityGroupAssociation, userAssignedIdentity,
      virtualNetwork, offset, time, sleep,
    } = modules;
    new azurerm.AzurermProvider(this, 'azurerm', { features: [{}] });
    new azuread.AzureadProvider(this, 'azuread', {});
    new time.TimeProvider(this, 'time', {});
    new AzapiProvider(this, 'azapi');
    new AzurermBackend(this, {
      resourceGroupName: 'rg-tfstate',
      storageAccountName: 'sttfstatechat',
      containerName: 'tfstate',
      key: 'naive-chat.tfstate',
      useAzureadAuth: true,
    });

    const client = new dataAzurermClientConfig.DataAzurermClientConfig(this, 'client', {});
    const suffix = Fn.substr(Fn.sha256(client.subscriptionId), 0, 8);
    const rg = new resourceGroup.ResourceGroup(this, 'rg', { name: 'rg-chat', location });
    const common = { resourceGroupName: rg.name, location };

    // Network: VNet, two subnets with an NSG each, NAT gateway for the app's outbound traffic.
    const vnet = new virtualNetwork.VirtualNetwork(this, 'vnet', { ...common, name: 'vnet-chat', addressSpace: ['10.0.0.0/16'] });
    const peSubnet = new subnet.Subnet(this, 'pe_subnet', {
      name: 'private-endpoints',
      resourceGroupName: rg.name,
      virtualNetworkName: vnet.name,
      addressPrefixes: ['10.0.0.0/24'],
      defaultOutboundAccessEnabled: false,
      privateEndpointNetworkPolicies: 'Enabled',
    });
    const appSubnet = new subnet.Subnet(this, 'app_subnet', {
      name: 'app-integration',
      resourceGroupName: rg.name,
      virtualNetworkName: vnet.name,
      addressPrefixes: ['10.0.1.0/24'],
      defaultOutboundAccessEnabled: false,
      delegation: [{
        name: 'app-service',
        serviceDelegation: { name: 'Microsoft.Web/serverFarms', actions: ['Microsoft.Network/virtualNetworks/subnets/action'] },
      }],
    });
    const denyRules = [
      { name: 'DenyInternetInbound', priority: 4000, sourceAddressPrefix: 'Internet' },
      { name: 'DenyAllOtherInbound', priority: 4096, sourceAddressPrefix: '*' },
    ].map((r) => ({
      ...r,
      access: 'Deny',
      direction: 'Inbound',
      protocol: '*',
      sourcePortRange: '*',
      destinationPortRange: '*',
      destinationAddressPrefix: '*',
    }));
    const peNsg = new networkSecurityGroup.NetworkSecurityGroup(this, 'pe_nsg', {
      ...common,
      name: 'nsg-private-endpoints',
      securityRule: [
        {
          name: 'AllowVnetHttpsInbound',
          priority: 100,
          access: 'Allow',
          direction: 'Inbound',
          protocol: 'Tcp',
          sourceAddressPrefix: 'VirtualNetwork',
          sourcePortRange: '*',
          destinationAddressPrefix: '10.0.0.0/24',
          destinationPortRange: '443',
        },
        ...denyRules,
      ],
    });
    const appNsg = new networkSecurityGroup.NetworkSecurityGroup(this, 'app_nsg', { ...common, name: 'nsg-app-integration', securityRule: denyRules });
    new subnetNetworkSecurityGroupAssociation.SubnetNetworkSecurityGroupAssociation(this, 'pe_nsg_assoc', { subnetId: peSubnet.id, networkSecurityGroupId: peNsg.id });
    new subnetNetworkSecurityGroupAssociation.SubnetNetworkSecurityGroupAssociation(this, 'app_nsg_assoc', { subnetId: appSubnet.id, networkSecurityGroupId: appNsg.id });
    const pip = new publicIp.PublicIp(this, 'nat_pip', { ...common, name: 'pip-nat', allocationMethod: 'Static', sku: 'Standard' });
    const nat = new natGateway.NatGateway(this, 'nat', { ...common, name: 'ng-chat', skuName: 'Standard' });
    new natGatewayPublicIpAssociation.NatGatewayPublicIpAssociation(this, 'nat_pip_assoc', { natGatewayId: nat.id, publicIpAddressId: pip.id });
    new subnetNatGatewayAssociation.SubnetNatGatewayAssociation(this, 'app_nat_assoc', { subnetId: appSubnet.id, natGatewayId: nat.id });

    // Private DNS zones, each linked to the VNet.
    const zones: Record<string, privateDnsZone.PrivateDnsZone> = {};
    for (const [key, zoneName] of Object.entries({
      ai: 'privatelink.services.ai.azure.com',
      openai: 'privatelink.openai.azure.com',
      cognitive: 'privatelink.cognitiveservices.azure.com',
      vault: 'privatelink.vaultcore.azure.net',
      web: 'privatelink.azurewebsites.net',
      postgres: 'privatelink.postgres.database.azure.com',
      blob: 'privatelink.blob.core.windows.net',
    })) {
      const zone = new privateDnsZone.PrivateDnsZone(this, `zone_${key}`, { name: zoneName, resourceGroupName: rg.name });
      new privateDnsZoneVirtualNetworkLink.PrivateDnsZoneVirtualNetworkLink(this, `zone_${key}_link`, {
        name: 'link-chat', resourceGroupName: rg.name, privateDnsZoneName: zone.name, virtualNetworkId: vnet.id, registrationEnabled: false,
      });
      zones[key] = zone;
    }

    const workspace = new logAnalyticsWorkspace.LogAnalyticsWorkspace(this, 'logs', {
      ...common,
      name: 'log-chat',
      sku: 'PerGB2018',
      retentionInDays: 30,
      internetIngestionEnabled: false,
      internetQueryEnabled: true,
      localAuthenticationEnabled: false,
    });
    const endpoint = (cid: string, name: string, resourceId: string, subresource: string, zoneIds: string[], dependsOn?: sleep.Sleep[]) =>
      new privateEndpoint.PrivateEndpoint(this, cid, {
        ...common,
        name,
        subnetId: peSubnet.id,
        customNetworkInterfaceName: `${name}-nic`,
        privateServiceConnection: { name: `${name}-connection`, privateConnectionResourceId: resourceId, subresourceNames: [subresource], isManualConnection: false },
        privateDnsZoneGroup: { name: 'default', privateDnsZoneIds: zoneIds },
        dependsOn,
      });
    const diagnostics = (cid: string, targetResourceId: string, logs: { category?: string; categoryGroup?: string }[]) =>
      new monitorDiagnosticSetting.MonitorDiagnosticSetting(this, cid, {
        name: 'to-log-analytics',
        targetResourceId,
        logAnalyticsWorkspaceId: workspace.id,
        logAnalyticsDestinationType: 'Dedicated',
        enabledLog: logs,
        enabledMetric: [{ category: 'AllMetrics' }],
      });

    // Foundry (AIServices) account, content filter, one model deployment, private endpoint.
    const openai = new cognitiveAccount.CognitiveAccount(this, 'openai', {
      ...common,
      name: `oai-${suffix}`,
      customSubdomainName: `oai-${suffix}`,
      kind: 'AIServices',
      projectManagementEnabled: true,
      skuName: 'S0',
      localAuthEnabled: false,
      publicNetworkAccessEnabled: false,
      outboundNetworkAccessRestricted: true,
      fqdns: [],
      networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' },
      identity: { type: 'SystemAssigned' },
      lifecycle: { preventDestroy: true },
    });
    const filters = ['Hate', 'Sexual', 'Violence', 'Selfharm'].flatMap((name) => ['Prompt', 'Completion'].map((source) => ({
      name, source, severityThreshold: 'Medium', blockEnabled: true, filterEnabled: true,
    })));
    const raiPolicy = new cognitiveAccountRaiPolicy.CognitiveAccountRaiPolicy(this, 'content_filter', {
      name: 'cf-chat',
      cognitiveAccountId: openai.id,
      basePolicyName: 'Microsoft.DefaultV2',
      mode: 'Default',
      contentFilter: [
        ...filters,
        { name: 'Jailbreak', source: 'Prompt', severityThreshold: 'Medium', blockEnabled: true, filterEnabled: true },
        { name: 'Indirect Attack', source: 'Prompt', severityThreshold: 'Medium', blockEnabled: true, filterEnabled: true },
        { name: 'Protected Material Text', source: 'Completion', severityThreshold: 'Medium', blockEnabled: true, filterEnabled: true },
        { name: 'Protected Material Code', source: 'Completion', severityThreshold: 'Medium', blockEnabled: true, filterEnabled: true },
      ],
    });
    new cognitiveDeployment.CognitiveDeployment(this, 'gpt', {
      name: 'Llama-4-Maverick-17B-128E-Instruct-FP8',
      cognitiveAccountId: openai.id,
      model: { format: 'Meta', name: 'Llama-4-Maverick-17B-128E-Instruct-FP8', version: '1' },
      sku: { name: 'GlobalStandard', capacity: 10 },
      raiPolicyName: raiPolicy.name,
      versionUpgradeOption: 'NoAutoUpgrade',
      dependsOn: [raiPolicy],
    });
    const openaiWait = new sleep.Sleep(this, 'openai_wait', { createDuration: '30s', dependsOn: [openai] });
    endpoint('openai_pe', 'pe-openai', openai.id, 'account', [zones.ai.id, zones.openai.id, zones.cognitive.id], [openaiWait]);
    diagnostics('openai_diag', openai.id, [{ category: 'Audit' }, { category: 'RequestResponse' }, { category: 'AzureOpenAIRequestUsage' }]);

    // Key Vault with a private endpoint; the deployer may write secrets after a wait.
    const vault = new keyVault.KeyVault(this, 'vault', {
      ...common,
      name: `kv-${suffix}`,
      tenantId: client.tenantId,
      skuName: 'standard',
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: 90,
      publicNetworkAccessEnabled: false,
      enabledForDeployment: false,
      enabledForDiskEncryption: false,
      enabledForTemplateDeployment: false,
      networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [], virtualNetworkSubnetIds: [] },
      lifecycle: { preventDestroy: true },
    });
    const vaultPe = endpoint('vault_pe', 'pe-vault', vault.id, 'vault', [zones.vault.id]);
    diagnostics('vault_diag', vault.id, [{ categoryGroup: 'audit' }]);
    // Secrets go through Azure Resource Manager (Microsoft.KeyVault/vaults/secrets), as the library writes them.
    const vaultSecret = (cid: string, name: string, value: string, contentType: string, exp: string | number, dependsOn: TerraformResource[] = []) =>
      new AzapiResource(this, cid, {
        type: 'Microsoft.KeyVault/vaults/secrets@2024-11-01',
        parent_id: vault.id,
        name,
        body: { properties: { contentType, attributes: { enabled: true, exp } } },
        sensitive_body: { properties: { value } },
        depends_on: [vaultPe, ...dependsOn].map((r) => `${r.terraformResourceType}.${r.friendlyUniqueId}`),
      });

    // Sign-in: app registration, its service principal and client secret (kept in the vault).
    const appName = `app-chat-${suffix}`;
    const registration = new application.Application(this, 'app_registration', {
      displayName: 'Private chat',
      signInAudience: 'AzureADMyOrg',
      web: {
        redirectUris: [`https://${appName}.azurewebsites.net/.auth/login/aad/callback`],
        implicitGrant: { idTokenIssuanceEnabled: true, accessTokenIssuanceEnabled: false },
      },
    });
    new servicePrincipal.ServicePrincipal(this, 'app_sp', { clientId: registration.clientId, appRoleAssignmentRequired: false });
    const password = new applicationPassword.ApplicationPasswordA(this, 'app_password', {
      applicationId: registration.id, displayName: 'App Service authentication', endDateRelative: '4320h',
    });
    const secret = vaultSecret('signin_secret', 'signin-app', password.value, 'entra-client-secret', `\${provider::time::rfc3339_parse(${password.endDate}).unix}`);

    // Open WebUI's session key and the history database: a generated password and URL in the vault,
    // a private flexible server with its parameters, endpoint and diagnostics.
    const secretUri = (s: TerraformResource) => `${Fn.trimsuffix(vault.vaultUri, '/')}/secrets/${s.getStringAttribute('name')}`;
    // A generated value is kept once in state by a terraform_data, so that the server and the URL secret share it.
    const generated = (cid: string, name: string, contentType: string, initial: string, expires: offset.Offset) => {
      const held = terraformData(this, `${cid}_value`, { input: Fn.sensitive(initial), lifecycle: { ignoreChanges: ['input'] } });
      const value = held.getStringAttribute('output');
      return { resource: vaultSecret(cid, name, value, contentType, expires.unix), value };
    };
    const sessionExpiry = new offset.Offset(this, 'session_expiry', { offsetDays: 365 });
    const session = generated('session_secret', 'session-app', 'session-signing-key', Fn.join('', [Fn.uuid(), Fn.uuid()]), sessionExpiry);
    const dbExpiry = new offset.Offset(this, 'db_secret_expiry', { offsetDays: 1825 });
    const dbPassword = generated('db_password', 'pgpass-history', 'postgresql-password', Fn.join('', [Fn.uuid(), Fn.uuid()]), dbExpiry);
    const db = new postgresqlFlexibleServer.PostgresqlFlexibleServer(this, 'history', {
      ...common,
      name: `psql-${suffix}`,
      version: '17',
      skuName: 'B_Standard_B2s',
      storageMb: 32768,
      autoGrowEnabled: true,
      backupRetentionDays: 35,
      geoRedundantBackupEnabled: false,
      publicNetworkAccessEnabled: false,
      administratorLogin: 'chatadmin',
      administratorPassword: dbPassword.value,
      authentication: { passwordAuthEnabled: true, activeDirectoryAuthEnabled: false },
      lifecycle: { preventDestroy: true },
    });
    const database = new postgresqlFlexibleServerDatabase.PostgresqlFlexibleServerDatabase(this, 'history_db', { name: 'openwebui', serverId: db.id, charset: 'UTF8', collation: 'en_US.utf8' });
    let previous: { fqn: string } = database;
    for (const [name, value] of [['require_secure_transport', 'on'], ['ssl_min_protocol_version', 'TLSv1.2'], ['log_connections', 'on'],
      ['log_disconnections', 'on'], ['log_checkpoints', 'on'], ['connection_throttle.enable', 'on'], ['azure.extensions', 'VECTOR']]) {
      previous = new postgresqlFlexibleServerConfiguration.PostgresqlFlexibleServerConfiguration(this, `history_${name.replace(/\W/g, '_')}`, {
        name, value, serverId: db.id, dependsOn: [previous as postgresqlFlexibleServerDatabase.PostgresqlFlexibleServerDatabase],
      });
    }
    // The app's own login (created by the setup at start), the administrator's URL for that setup,
    // and the URL Open WebUI connects with.
    const appPassword = generated('db_app_password', 'pgapppass-history', 'postgresql-password', Fn.join('', [Fn.uuid(), Fn.uuid()]), dbExpiry);
    const host = `${db.name}.postgres.database.azure.com:5432/openwebui?sslmode=require`;
    const dbAdminUrl = vaultSecret('db_admin_url', 'pgadminurl-history', `postgresql://chatadmin:${dbPassword.value}@${host}`, 'database-url', dbExpiry.unix, [database]);
    const dbUrl = vaultSecret('db_url', 'pgurl-history', `postgresql://openwebui_app:${appPassword.value}@${host}`, 'database-url', dbExpiry.unix, [database]);
    // Open WebUI's placeholder admin (password login off), so nobody becomes admin by being first.
    const bootstrapExpiry = new offset.Offset(this, 'bootstrap_admin_expiry', { offsetDays: 1825 });
    const bootstrap = generated('bootstrap_admin', 'webui-admin', 'open-webui-admin-password', Fn.join('', [Fn.uuid(), Fn.uuid()]), bootstrapExpiry);
    endpoint('history_pe', 'pe-history', db.id, 'postgresqlServer', [zones.postgres.id]);
    diagnostics('history_diag', db.id, [{ category: 'PostgreSQLLogs' }, { category: 'PostgreSQLFlexSessions' }]);

    // The chat web app, its identity and role grants, private endpoint and diagnostics.
    const identity = new userAssignedIdentity.UserAssignedIdentity(this, 'app_identity', { ...common, name: 'id-chat' });
    const grants = [
      new roleAssignment.RoleAssignment(this, 'app_openai_user', {
        scope: openai.id, roleDefinitionName: 'Cognitive Services OpenAI User', principalId: identity.principalId, principalType: 'ServicePrincipal',
      }),
      new roleAssignment.RoleAssignment(this, 'app_secrets_user', {
        scope: vault.id, roleDefinitionName: 'Key Vault Secrets User', principalId: identity.principalId, principalType: 'ServicePrincipal',
      }),
    ];
    // Uploads: a storage account through ARM (azurerm_storage_account would read its data plane),
    // its blob service, a container, a private endpoint, diagnostics and the app's grant.
    const storage = new AzapiResource(this, 'files', {
      type: 'Microsoft.Storage/storageAccounts@2024-01-01',
      parent_id: rg.id,
      name: `st${suffix}`.replace(/-/g, '').slice(0, 24),
      location,
      body: {
        kind: 'StorageV2',
        sku: { name: 'Standard_ZRS' },
        properties: { publicNetworkAccess: 'Disabled', allowSharedKeyAccess: false, allowBlobPublicAccess: false, minimumTlsVersion: 'TLS1_2', supportsHttpsTrafficOnly: true },
      },
    });
    new AzapiUpdateResource(this, 'files_blob_service', {
      type: 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01',
      resource_id: `${storage.getStringAttribute('id')}/blobServices/default`,
      body: { properties: { deleteRetentionPolicy: { enabled: true, days: 7 }, containerDeleteRetentionPolicy: { enabled: true, days: 7 } } },
    });
    const container = new AzapiResource(this, 'files_container', {
      type: 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01',
      parent_id: `${storage.getStringAttribute('id')}/blobServices/default`,
      name: 'uploads',
      body: { properties: { publicAccess: 'None' } },
    });
    endpoint('files_pe', 'pe-files', storage.getStringAttribute('id'), 'blob', [zones.blob.id]);
    diagnostics('files_diag', `${storage.getStringAttribute('id')}/blobServices/default`, [{ category: 'StorageRead' }, { category: 'StorageWrite' }]);
    grants.push(new roleAssignment.RoleAssignment(this, 'app_blob_contributor', {
      scope: container.getStringAttribute('id'), roleDefinitionName: 'Storage Blob Data Contributor', principalId: identity.principalId, principalType: 'ServicePrincipal',
    }));
    const grantsWait = new sleep.Sleep(this, 'grants_wait', { createDuration: '60s', dependsOn: grants });
    const plan = new servicePlan.ServicePlan(this, 'plan', { ...common, name: 'asp-chat', osType: 'Linux', skuName: 'P0v3', workerCount: 1, zoneBalancingEnabled: false });
    const web = new linuxWebApp.LinuxWebApp(this, 'app', {
      ...common,
      name: appName,
      servicePlanId: plan.id,
      httpsOnly: true,
      enabled: true,
      publicNetworkAccessEnabled: false,
      clientAffinityEnabled: false,
      clientCertificateEnabled: false,
      ftpPublishBasicAuthenticationEnabled: false,
      webdeployPublishBasicAuthenticationEnabled: false,
      virtualNetworkSubnetId: appSubnet.id,
      vnetImagePullEnabled: true,
      identity: { type: 'UserAssigned', identityIds: [identity.id] },
      keyVaultReferenceIdentityId: identity.id,
      appSettings: {
        OPENAI_API_BASE_URLS: `${openai.endpoint}openai/v1`,
        OPENAI_API_CONFIGS: JSON.stringify({ 0: { enable: true, auth_type: 'microsoft_entra_id', model_ids: ['Llama-4-Maverick-17B-128E-Instruct-FP8'] } }),
        AZURE_CLIENT_ID: identity.clientId,
        AZURE_TOKEN_CREDENTIALS: 'ManagedIdentityCredential',
        WEBUI_AUTH_TRUSTED_EMAIL_HEADER: 'X-MS-CLIENT-PRINCIPAL-NAME',
        ENABLE_PERSISTENT_CONFIG: 'False',
        WEBUI_SECRET_KEY: `@Microsoft.KeyVault(SecretUri=${secretUri(session.resource)})`,
        DATABASE_URL: `@Microsoft.KeyVault(SecretUri=${secretUri(dbUrl)})`,
        PCHAT_DB_SETUP_URL: `@Microsoft.KeyVault(SecretUri=${secretUri(dbAdminUrl)})`,
        PCHAT_DB_SETUP_SECRET_APP_PASSWORD: `@Microsoft.KeyVault(SecretUri=${secretUri(appPassword.resource)})`,
        WEBUI_ADMIN_PASSWORD: `@Microsoft.KeyVault(SecretUri=${secretUri(bootstrap.resource)})`,
        WEBSITES_PORT: '8080',
        MICROSOFT_PROVIDER_AUTHENTICATION_SECRET: `@Microsoft.KeyVault(SecretUri=${secretUri(secret)})`,
      },
      siteConfig: {
        alwaysOn: true,
        applicationStack: { dockerImageName: 'open-webui/open-webui@sha256:9591b13f13843c7721c2b8eaf7382846c81b3ffe126526d1888d1fed50c6a33f', dockerRegistryUrl: 'https://ghcr.io' },
        containerRegistryUseManagedIdentity: false,
        ftpsState: 'Disabled',
        healthCheckPath: '/health',
        healthCheckEvictionTimeInMin: 5,
        http2Enabled: true,
        minimumTlsVersion: '1.2',
        scmMinimumTlsVersion: '1.2',
        remoteDebuggingEnabled: false,
        use32BitWorker: false,
        vnetRouteAllEnabled: true,
        websocketsEnabled: true,
      },
      authSettingsV2: {
        authEnabled: true,
        requireAuthentication: true,
        requireHttps: true,
        unauthenticatedAction: 'RedirectToLoginPage',
        defaultProvider: 'azureactivedirectory',
        activeDirectoryV2: {
          clientId: registration.clientId,
          clientSecretSettingName: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET',
          tenantAuthEndpoint: `https://login.microsoftonline.com/${client.tenantId}/v2.0`,
        },
        login: { tokenStoreEnabled: true },
      },
      logs: {
        detailedErrorMessages: true,
        failedRequestTracing: true,
        applicationLogs: { fileSystemLevel: 'Information' },
        httpLogs: { fileSystem: { retentionInDays: 7, retentionInMb: 35 } },
      },
      dependsOn: [grantsWait],
    });
    endpoint('app_pe', 'pe-app', web.id, 'sites', [zones.web.id]);
    diagnostics('app_diag', web.id, ['AppServiceHTTPLogs', 'AppServiceConsoleLogs', 'AppServiceAppLogs', 'AppServiceAuditLogs', 'AppServicePlatformLogs', 'AppServiceAuthenticationLogs']
      .map((category) => ({ category })));
  }
}
