import { CognitiveAccount } from '@cdktf/provider-azurerm/lib/cognitive-account';
import { CognitiveDeployment } from '@cdktf/provider-azurerm/lib/cognitive-deployment';
import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { LinuxWebApp } from '@cdktf/provider-azurerm/lib/linux-web-app';
import { ManagedRedis } from '@cdktf/provider-azurerm/lib/managed-redis';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { NetworkSecurityRule, NetworkSecurityRuleConfig } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { PostgresqlFlexibleServer } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server';
import { PostgresqlFlexibleServerConfiguration } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-configuration';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  AiGateway, Compliance, ComplianceFinding, EndpointCaller, Monitoring, OpenAiAccount, PrivateDnsZones, PrivateFileStore, PrivateLinkZone,
  PrivateNetwork, ServicePrivateEndpoint,
} from '../../src';
import { AzapiResource } from '../../src/core/private/azapi';
import { DatabricksSubnets, DatabricksWorkspace } from '../../src/databricks';
import { newStack, synth } from '../util';

export const RG = 'rg-chat';
export const LOCATION = 'swedencentral';
export const AI_SERVICES_ZONE = 'privatelink.services.ai.azure.com';
/** A hub's zone id, as a literal: `/subscriptions/…/privateDnsZones/<zone>`. */
export function hubZoneId(zone: string): string {
  return `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/${zone}`;
}
export const ACR_ZONE_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/privatelink.azurecr.io';

/** Handles on a stack that passes every rule, built from raw provider resources plus our network constructs. */
export interface Fixture {
  readonly stack: TerraformStack;
  readonly network: PrivateNetwork;
  readonly zones: PrivateDnsZones;
  readonly monitoring: Monitoring;
  readonly account: CognitiveAccount;
  readonly accountEndpoint: PrivateEndpoint;
  readonly accountDiagnostics: MonitorDiagnosticSetting;
  /** A Microsoft Foundry account (kind AIServices), held to the same PCHAT-OAI-* rules plus PCHAT-AIS-*. */
  readonly aiAccount: CognitiveAccount;
  /** Its private endpoint, in all three zones an AIServices account answers on. */
  readonly aiAccountEndpoint: PrivateEndpoint;
  readonly aiAccountDiagnostics: MonitorDiagnosticSetting;
  /** `privatelink.services.ai.azure.com`, a zone resource in the stack (PrivateDnsZones does not make it). */
  readonly aiServicesZone: PrivateDnsZone;
  readonly chat: CognitiveDeployment;
  readonly embeddings: CognitiveDeployment;
  readonly secrets: Construct;
  readonly vault: KeyVault;
  readonly vaultEndpoint: PrivateEndpoint;
  readonly vaultDiagnostics: MonitorDiagnosticSetting;
  /** A secret written through Azure Resource Manager, as the library writes them. */
  readonly secret: AzapiResource;
  /** A customer-managed key with a rotation policy, which the Foundry account encrypts with. */
  readonly key: AzapiResource;
  readonly app: LinuxWebApp;
  readonly appEndpoint: ServicePrivateEndpoint;
  readonly storage: StorageAccount;
  readonly storageEndpoint: PrivateEndpoint;
  /** A blob container in the control-plane form (`storage_account_id`), which PCHAT-APPLY-001 inspects. */
  readonly container: StorageContainer;
  /** The library's file store (storage account, blob service and container as azapi resources), in a hub's blob zone. */
  readonly files: PrivateFileStore;
  /** The shared Redis of several app instances, as PrivateRedisCache writes it. */
  readonly redis: ManagedRedis;
  readonly redisEndpoint: PrivateEndpoint;
  readonly redisDiagnostics: MonitorDiagnosticSetting;
  readonly registry: ContainerRegistry;
  readonly registryEndpoint: PrivateEndpoint;
  /** The chat history server, with its TLS parameters, diagnostics and private endpoint. */
  readonly history: PostgresqlFlexibleServer;
  readonly historyTls: PostgresqlFlexibleServerConfiguration;
  /** An AI gateway in front of `account`, in a hub's privatelink.azure-api.net zone. */
  readonly gateway: AiGateway;
  /** A private Azure Databricks workspace with a customer-managed disk key, in a hub's privatelink.azuredatabricks.net zone. */
  readonly databricks: DatabricksWorkspace;
}

/** A complete private deployment that breaks no rule. */
export function compliantStack(stack: TerraformStack = newStack()): Fixture {
  const common = { resourceGroupName: RG, location: LOCATION };
  const network = new PrivateNetwork(stack, 'Network', common);
  const zones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: RG, network });
  const monitoring = new Monitoring(stack, 'Monitoring', common);

  const account = new CognitiveAccount(stack, 'OpenAi', {
    ...common,
    name: 'oai-chat',
    kind: 'OpenAI',
    skuName: 'S0',
    customSubdomainName: 'oai-chat',
    publicNetworkAccessEnabled: false,
    localAuthEnabled: false,
    outboundNetworkAccessRestricted: true,
    fqdns: ['oai-chat.openai.azure.com'],
    networkAcls: { defaultAction: 'Deny' },
    identity: { type: 'SystemAssigned' },
    lifecycle: { preventDestroy: true },
  });
  const accountEndpoint = endpoint(stack, 'OpenAiEndpoint', network, account.id, 'account', [zones.zoneIdFor(PrivateLinkZone.OPENAI)]);
  const accountDiagnostics = monitoring.addDiagnosticSetting(stack, 'OpenAiDiagnostics', {
    targetResourceId: account.id,
    logCategories: ['Audit', 'RequestResponse'],
  });

  const aiServicesZone = new PrivateDnsZone(stack, 'AiServicesZone', { name: AI_SERVICES_ZONE, resourceGroupName: RG });
  const aiAccount = new CognitiveAccount(stack, 'Foundry', {
    ...common,
    name: 'ais-chat',
    kind: 'AIServices',
    skuName: 'S0',
    customSubdomainName: 'ais-chat',
    projectManagementEnabled: true,
    publicNetworkAccessEnabled: false,
    localAuthEnabled: false,
    outboundNetworkAccessRestricted: true,
    fqdns: [],
    networkAcls: { defaultAction: 'Deny' },
    identity: { type: 'SystemAssigned' },
    lifecycle: { preventDestroy: true },
  });
  const aiAccountEndpoint = endpoint(stack, 'FoundryEndpoint', network, aiAccount.id, 'account',
    [aiServicesZone.id, zones.zoneIdFor(PrivateLinkZone.OPENAI), zones.zoneIdFor(PrivateLinkZone.COGNITIVE_SERVICES)]);
  const aiAccountDiagnostics = monitoring.addDiagnosticSetting(stack, 'FoundryDiagnostics', {
    targetResourceId: aiAccount.id,
    logCategories: ['Audit', 'RequestResponse', 'AzureOpenAIRequestUsage'],
  });

  const chat = new CognitiveDeployment(stack, 'ChatDeployment', {
    name: 'chat',
    cognitiveAccountId: account.id,
    raiPolicyName: 'chat-filter',
    versionUpgradeOption: 'NoAutoUpgrade',
    model: { format: 'OpenAI', name: 'gpt-4o-mini', version: '2024-07-18' },
    sku: { name: 'DataZoneStandard', capacity: 10 },
  });
  const embeddings = new CognitiveDeployment(stack, 'EmbeddingsDeployment', {
    name: 'embeddings',
    cognitiveAccountId: account.id,
    raiPolicyName: 'chat-filter',
    versionUpgradeOption: 'NoAutoUpgrade',
    model: { format: 'OpenAI', name: 'text-embedding-3-small', version: '1' },
    sku: { name: 'Standard', capacity: 10 },
    dependsOn: [chat],
  });

  const secrets = new Construct(stack, 'Secrets');
  const vault = new KeyVault(secrets, 'Vault', {
    ...common,
    name: 'kv-chat-0001',
    tenantId: '00000000-0000-0000-0000-000000000000',
    skuName: 'standard',
    purgeProtectionEnabled: true,
    softDeleteRetentionDays: 90,
    publicNetworkAccessEnabled: false,
    rbacAuthorizationEnabled: true,
    networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' },
    lifecycle: { preventDestroy: true },
  });
  const vaultEndpoint = endpoint(secrets, 'VaultEndpoint', network, vault.id, 'vault', [zones.zoneIdFor(PrivateLinkZone.KEY_VAULT)]);
  const vaultDiagnostics = monitoring.addDiagnosticSetting(secrets, 'VaultDiagnostics', {
    targetResourceId: vault.id,
    logCategoryGroups: ['audit'],
  });
  // Secrets and keys as the library writes them: through Azure Resource Manager (azapi), so that
  // the apply needs no path to the vault's data plane (PCHAT-APPLY-001).
  const secret = new AzapiResource(secrets, 'ClientSecret', {
    type: 'Microsoft.KeyVault/vaults/secrets@2024-11-01',
    name: 'client-secret',
    parentId: vault.id,
    body: { properties: { contentType: 'text/plain', attributes: { enabled: true, exp: 1893456000 } } },
    sensitiveBody: { properties: { value: 'not-a-real-secret' } },
  });

  const key = new AzapiResource(secrets, 'Key', {
    type: 'Microsoft.KeyVault/vaults/keys@2024-11-01',
    name: 'cmk-chat',
    parentId: vault.id,
    body: {
      properties: {
        kty: 'RSA',
        keySize: 2048,
        keyOps: ['wrapKey', 'unwrapKey'],
        rotationPolicy: {
          attributes: { expiryTime: 'P365D' },
          lifetimeActions: [
            { trigger: { timeAfterCreate: 'P335D' }, action: { type: 'rotate' } },
            { trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'notify' } },
          ],
        },
      },
    },
  });
  aiAccount.putIdentity({
    type: 'SystemAssigned, UserAssigned',
    identityIds: ['/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-chat/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk'],
  });
  aiAccount.putCustomerManagedKey({ keyVaultKeyId: `${vault.vaultUri}keys/${key.nameRef}`, identityClientId: '11111111-1111-1111-1111-111111111111' });

  const app = new LinuxWebApp(stack, 'ChatApp', {
    ...common,
    name: 'app-chat-0001',
    servicePlanId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-chat/providers/Microsoft.Web/serverFarms/plan',
    publicNetworkAccessEnabled: false,
    httpsOnly: true,
    ftpPublishBasicAuthenticationEnabled: false,
    webdeployPublishBasicAuthenticationEnabled: false,
    virtualNetworkSubnetId: network.appIntegrationSubnetId,
    identity: { type: 'SystemAssigned' },
    // azurerm refuses auth_settings_v2 without an identity provider block at plan (AtLeastOneOf).
    authSettingsV2: {
      authEnabled: true,
      requireAuthentication: true,
      login: {},
      activeDirectoryV2: { clientId: '11111111-2222-3333-4444-555555555555', tenantAuthEndpoint: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0' },
    },
    siteConfig: {
      minimumTlsVersion: '1.2',
      ftpsState: 'Disabled',
      remoteDebuggingEnabled: false,
      vnetRouteAllEnabled: true,
    },
  });
  const appEndpoint = new ServicePrivateEndpoint(stack, 'ChatAppEndpoint', {
    ...common,
    network,
    dnsZones: zones,
    targetResourceId: app.id,
    subresource: 'sites',
    zones: [PrivateLinkZone.APP_SERVICE],
  });

  const blobZone = new PrivateDnsZone(stack, 'BlobZone', { name: 'privatelink.blob.core.windows.net', resourceGroupName: RG });
  const storage = new StorageAccount(stack, 'Storage', {
    ...common,
    name: 'stchat0001',
    accountTier: 'Standard',
    accountReplicationType: 'ZRS',
    publicNetworkAccessEnabled: false,
    // What the PCHAT-ST-* rules hold a user's azurerm_storage_account to.
    networkRules: { defaultAction: 'Deny', bypass: ['None'] },
    allowNestedItemsToBePublic: false,
    sharedAccessKeyEnabled: false,
    minTlsVersion: 'TLS1_2',
    httpsTrafficOnlyEnabled: true,
    blobProperties: { deleteRetentionPolicy: { days: 7 }, containerDeleteRetentionPolicy: { days: 7 } },
  });
  const storageEndpoint = endpoint(stack, 'StorageEndpoint', network, storage.id, 'blob', [blobZone.id]);
  monitoring.addDiagnosticSetting(stack, 'StorageBlobDiagnostics', {
    targetResourceId: `${storage.id}/blobServices/default`,
    logCategories: ['StorageRead', 'StorageWrite', 'StorageDelete'],
    metrics: false,
  });
  const container = new StorageContainer(stack, 'Container', { name: 'uploads', storageAccountId: storage.id, containerAccessType: 'private' });
  const files = new PrivateFileStore(stack, 'Files', {
    ...common,
    network,
    dnsZones: PrivateDnsZones.fromHubZoneIds(stack, 'FilesZones', { blob: hubZoneId('privatelink.blob.core.windows.net') }),
    monitoring,
    name: 'stfiles0001',
  });
  files.privateEndpoint.allowFrom(EndpointCaller.subnet(network.appIntegrationSubnetId!), 'chat app uploads');

  const redis = new ManagedRedis(stack, 'Redis', {
    ...common,
    name: 'redis-chat-0001',
    skuName: 'Balanced_B0',
    highAvailabilityEnabled: true,
    publicNetworkAccess: 'Disabled',
    defaultDatabase: { accessKeysAuthenticationEnabled: true, clientProtocol: 'Encrypted', clusteringPolicy: 'EnterpriseCluster', evictionPolicy: 'NoEviction' },
  });
  const redisEndpoint = endpoint(stack, 'RedisEndpoint', network, redis.id, 'redisEnterprise', [hubZoneId('privatelink.redis.azure.net')]);
  const redisDiagnostics = monitoring.addDiagnosticSetting(stack, 'RedisDiagnostics', {
    targetResourceId: redis.defaultDatabase.id,
    logCategories: ['ConnectionEvents'],
    metrics: false,
  });

  const registry = new ContainerRegistry(stack, 'Registry', {
    ...common,
    name: 'crchat0001',
    sku: 'Premium',
    publicNetworkAccessEnabled: false,
    adminEnabled: false,
    anonymousPullEnabled: false,
    exportPolicyEnabled: false,
    dataEndpointEnabled: true,
  });
  const registryEndpoint = endpoint(stack, 'RegistryEndpoint', network, registry.id, 'registry', [ACR_ZONE_ID]);

  const gateway = new AiGateway(stack, 'Gateway', {
    ...common,
    network,
    dnsZones: PrivateDnsZones.fromHubZoneIds(stack, 'GatewayZones', {
      apiManagement: hubZoneId('privatelink.azure-api.net'),
      ...Object.fromEntries(PrivateLinkZone.azureMonitor().map((z) => [z.key, hubZoneId(z.zoneName)])),
    }),
    backends: [{ account: OpenAiAccount.fromAttributes(stack, 'GatewayBackend', { accountId: account.id, endpoint: account.endpoint }) }],
    monitoring,
    emitTokenMetrics: true,
    integrationSubnetId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-chat/providers/Microsoft.Network/virtualNetworks/vnet-chat/subnets/apim',
    allowedCallerClientIds: ['11111111-2222-3333-4444-555555555555'],
    publisherEmail: 'platform@contoso.com',
  });

  const history = new PostgresqlFlexibleServer(stack, 'History', {
    ...common,
    name: 'psql-chat-0001',
    version: '16',
    skuName: 'B_Standard_B2s',
    backupRetentionDays: 35,
    publicNetworkAccessEnabled: false,
    lifecycle: { preventDestroy: true },
  });
  new PostgresqlFlexibleServerConfiguration(stack, 'HistorySecureTransport', { serverId: history.id, name: 'require_secure_transport', value: 'on' });
  const historyTls = new PostgresqlFlexibleServerConfiguration(stack, 'HistoryTls', { serverId: history.id, name: 'ssl_min_protocol_version', value: 'TLSv1.2' });
  monitoring.addDiagnosticSetting(stack, 'HistoryDiagnostics', { targetResourceId: history.id, logCategories: ['PostgreSQLLogs'] });
  endpoint(stack, 'HistoryEndpoint', network, history.id, 'postgresqlServer', [hubZoneId('privatelink.postgres.database.azure.com')]);

  const databricks = new DatabricksWorkspace(stack, 'Databricks', {
    ...common,
    network,
    dnsZones: PrivateDnsZones.fromHubZoneIds(stack, 'DatabricksZones', { azureDatabricks: hubZoneId('privatelink.azuredatabricks.net') }),
    subnets: DatabricksSubnets.create('10.0.200.0/26', '10.0.200.64/26'),
    monitoring,
    customerManagedKeys: {
      managedDisks: {
        keyId: 'https://kv-keys.vault.azure.net/keys/dbw/0123456789abcdef0123456789abcdef',
        keyVaultId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-keys',
        identityId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-keys/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-keys',
        identityClientId: '11111111-2222-3333-4444-555555555555',
        identityPrincipalId: '11111111-2222-3333-4444-555555555555',
        dependables: [],
      },
    },
  });

  return {
    databricks,
    history,
    historyTls,
    stack,
    network,
    zones,
    monitoring,
    account,
    accountEndpoint,
    accountDiagnostics,
    aiAccount,
    aiAccountEndpoint,
    aiAccountDiagnostics,
    aiServicesZone,
    chat,
    embeddings,
    secrets,
    vault,
    vaultEndpoint,
    vaultDiagnostics,
    secret,
    key,
    app,
    appEndpoint,
    storage,
    storageEndpoint,
    container,
    files,
    redis,
    redisEndpoint,
    redisDiagnostics,
    registry,
    registryEndpoint,
    gateway,
  };
}

/** A raw private endpoint, as a user would write one without our helper. */
export function endpoint(
  scope: Construct, id: string, network: PrivateNetwork, target: string, subresource: string, zoneIds: string[],
): PrivateEndpoint {
  return new PrivateEndpoint(scope, id, {
    name: `pe-${id.toLowerCase()}`,
    resourceGroupName: RG,
    location: LOCATION,
    subnetId: network.privateEndpointSubnetId,
    privateServiceConnection: {
      name: `pe-${id.toLowerCase()}-connection`,
      privateConnectionResourceId: target,
      subresourceNames: [subresource],
      isManualConnection: false,
    },
    privateDnsZoneGroup: { name: 'default', privateDnsZoneIds: zoneIds },
  });
}

/** The message of the synth error `stack` must raise (the rule pack fails it). */
/**
 * A standalone NSG rule named `name` (also its construct id) on the NSG `nsgName` in `resourceGroupName`:
 * by default an outbound Allow of everything to the Internet at priority 300; `over` changes any field.
 */
export function nsgRule(stack: TerraformStack, name: string, nsg: { readonly nsgName: string; readonly resourceGroupName: string },
  over: Partial<NetworkSecurityRuleConfig> = {}): NetworkSecurityRule {
  return new NetworkSecurityRule(stack, name, {
    name,
    priority: 300,
    direction: 'Outbound',
    access: 'Allow',
    protocol: '*',
    sourceAddressPrefix: '*',
    sourcePortRange: '*',
    destinationAddressPrefix: 'Internet',
    destinationPortRange: '*',
    resourceGroupName: nsg.resourceGroupName,
    networkSecurityGroupName: nsg.nsgName,
    ...over,
  });
}

export function synthError(stack: TerraformStack): string {
  try {
    synth(stack);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected synth to fail');
}

/** The pack's findings for the rules `ids` only; the rest of the pack has its own tests. */
export function failuresOf(stack: TerraformStack, ids: readonly string[]): ComplianceFinding[] {
  return Compliance.report(stack).failures.filter((f) => ids.includes(f.ruleId));
}
