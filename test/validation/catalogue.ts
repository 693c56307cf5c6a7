// The catalogue of every synth-time validation of the library: one entry per rule, each with an
// input that breaks it, the message it must produce and the fix. errors.test.ts runs every entry
// and generates docs/errors.md from the messages they actually produce.
import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import {
  ChatIdentity, ChatIdentityAttributes, ChatIdentityProps, ChatWebApp, ChatWebAppProps, Compliance, ContainerImage,
  ContentFilter, ContentFilterMode, ContentFilterProps, ContentFilterSeverity, DeploymentSku, HubDnsZoneIds,
  KeyVaultSecretOptions, ModelDeployment, ModelDeploymentOptions, ModelDeploymentProps, Monitoring, MonitoringProps,
  OpenAiAccount, OpenAiAccountAttributes, OpenAiAccountProps, Principal, PrivateChat, PrivateChatProps, PrivateDnsZones,
  PrivateDnsZonesProps, PrivateKeyVault, PrivateKeyVaultAttributes, PrivateKeyVaultProps, PrivateLinkZone, PrivateNetwork,
  PrivateNetworkAttributes, PrivateNetworkProps, ServicePrivateEndpoint, ServicePrivateEndpointProps, SignIn,
  VersionUpgradeOption,
} from '../../src';
import { newStack } from '../util';

/** One validation rule: an input that breaks it, and what the user sees and does about it. */
export interface CatalogueEntry {
  /** Construct (or factory) whose prop is checked; the docs group entries by it. */
  readonly construct: string;
  /** The prop exactly as the message quotes it, e.g. `models[1].name`. */
  readonly prop: string;
  /** The rule, in a few words. */
  readonly description: string;
  /** Builds the bad input: throws for an error; returns the construct for a warning. */
  readonly build: () => unknown;
  /** What the message (or warning) must say, including the bad value. */
  readonly expected: RegExp;
  /** What the user changes to get past it. */
  readonly fix: string;
  /** A warning (cdktf annotation) rather than an error. */
  readonly warning?: boolean;
  /** For a warning with a silencer: the same input with the silencer set; must record no such warning. */
  readonly silenced?: () => IConstruct;
  /** Thrown by a static factory without a construct: `Class.method: 'prop' ..., got <value>`. */
  readonly factory?: boolean;
}

export const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
export const RG = 'rg-chat';
export const LOCATION = 'swedencentral';
export const GUID = '11111111-2222-3333-4444-555555555555';
export const VNET_ID = `${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke`;
export const ACCOUNT_ID = `${SUB}/resourceGroups/${RG}/providers/Microsoft.CognitiveServices/accounts/oai-chat`;
export const VAULT_ID = `${SUB}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv-shared`;
export const VAULT_URI = 'https://kv-shared.vault.azure.net/';
export const IDENTITY_ID = `${SUB}/resourceGroups/${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-chat`;
export const WORKSPACE_ID = `${SUB}/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/log-central`;
export const PLAN_ID = `${SUB}/resourceGroups/${RG}/providers/Microsoft.Web/serverFarms/asp-shared`;
export const DNS = `${SUB}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones`;
const STORAGE_ID = `${SUB}/resourceGroups/${RG}/providers/Microsoft.Storage/storageAccounts/stchat`;

/** The network, zones and workspace most constructs plug into, in a fresh stack. */
export function base(stack: TerraformStack = newStack()) {
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: RG, network });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: RG, location: LOCATION });
  return { stack, network, dnsZones, monitoring };
}

// One builder per construct: valid required props, overridden by the entry's bad input.
export const build = {
  network: (p: Partial<PrivateNetworkProps> = {}) =>
    new PrivateNetwork(newStack(), 'Network', { resourceGroupName: RG, location: LOCATION, ...p }),
  networkAttrs: (a: Partial<PrivateNetworkAttributes> = {}) => PrivateNetwork.fromAttributes(newStack(), 'Spoke', {
    virtualNetworkId: VNET_ID,
    privateEndpointSubnetId: `${VNET_ID}/subnets/private-endpoints`,
    appIntegrationSubnetId: `${VNET_ID}/subnets/app-integration`,
    ...a,
  }),
  dnsZones: (p: Partial<PrivateDnsZonesProps> = {}) => {
    const stack = newStack();
    const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
    return new PrivateDnsZones(stack, 'Zones', { resourceGroupName: RG, network, ...p });
  },
  hubZones: (ids: HubDnsZoneIds) => PrivateDnsZones.fromHubZoneIds(newStack(), 'HubZones', ids),
  endpoint: (p: Partial<ServicePrivateEndpointProps> = {}) => {
    const { stack, network, dnsZones } = base();
    return new ServicePrivateEndpoint(stack, 'Endpoint', {
      resourceGroupName: RG,
      location: LOCATION,
      network,
      dnsZones,
      targetResourceId: VAULT_ID,
      subresource: 'vault',
      zones: [PrivateLinkZone.KEY_VAULT],
      ...p,
    });
  },
  monitoring: (p: Partial<MonitoringProps> = {}) =>
    new Monitoring(newStack(), 'Monitoring', { resourceGroupName: RG, location: LOCATION, ...p }),
  openAi: (p: Partial<OpenAiAccountProps> = {}) => {
    const { stack, network, dnsZones, monitoring } = base();
    return new OpenAiAccount(stack, 'OpenAi', { resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring, ...p });
  },
  openAiAttrs: (a: Partial<OpenAiAccountAttributes> = {}) =>
    OpenAiAccount.fromAttributes(newStack(), 'SharedOpenAi', { accountId: ACCOUNT_ID, ...a }),
  deployment: (p: Partial<ModelDeploymentProps> = {}) => new ModelDeployment(newStack(), 'Deployment', {
    cognitiveAccountId: ACCOUNT_ID, modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14', ...p,
  }),
  filter: (p: Partial<ContentFilterProps> = {}) =>
    new ContentFilter(newStack(), 'ContentFilter', { cognitiveAccountId: ACCOUNT_ID, ...p }),
  vault: (p: Partial<PrivateKeyVaultProps> = {}) => {
    const { stack, network, dnsZones, monitoring } = base();
    return new PrivateKeyVault(stack, 'Vault', { resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring, ...p });
  },
  /** Adds the secrets in order to one new vault. */
  secrets: (...secrets: [string, Partial<KeyVaultSecretOptions>][]) => {
    const vault = build.vault();
    for (const [id, options] of secrets) {
      vault.addSecret(id, { name: 'db-password', value: 'hunter2', contentType: 'text/plain', ...options } as KeyVaultSecretOptions);
    }
    return vault;
  },
  vaultAttrs: (a: Partial<PrivateKeyVaultAttributes> = {}) =>
    PrivateKeyVault.fromAttributes(newStack(), 'SharedVault', { vaultId: VAULT_ID, vaultUri: VAULT_URI, ...a }),
  identity: (p: Partial<ChatIdentityProps> = {}) =>
    new ChatIdentity(newStack(), 'Identity', { resourceGroupName: RG, location: LOCATION, ...p }),
  identityAttrs: (a: Partial<ChatIdentityAttributes> = {}) => ChatIdentity.fromIdentityAttributes(newStack(), 'SharedIdentity', {
    identityId: IDENTITY_ID, clientId: GUID, principalId: GUID, tenantId: GUID, ...a,
  }),
  webApp: (p: Partial<ChatWebAppProps> = {}) => {
    const { stack, network, dnsZones, monitoring } = base();
    const openAi = OpenAiAccount.fromAttributes(stack, 'OpenAi', { accountId: ACCOUNT_ID });
    const vault = new PrivateKeyVault(stack, 'Vault', { resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring });
    return new ChatWebApp(stack, 'App', {
      resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring, openAi, vault, deploymentName: 'gpt-4.1-mini', ...p,
    });
  },
  image: (image: ContainerImage) => build.webApp({ image }),
  chat: (p: Partial<PrivateChatProps> = {}) => new PrivateChat(newStack(), 'chat', { location: LOCATION, ...p }),
};

const existingSignIn = (o: object) => SignIn.withExistingRegistration({ clientId: GUID, clientSecretKeyVaultSecretId: 'https://kv-shared.vault.azure.net/secrets/client-secret', ...o });
const image = (registryUrl: string, imageName: string, tag: string, options = {}) =>
  ContainerImage.fromRegistry(registryUrl, imageName, tag, options);
const ACR = 'https://myregistry.azurecr.io';

/** Resource group, region and name rules that every resource-creating construct shares. */
function placement(construct: string, make: (p: { resourceGroupName?: string; location?: string }) => unknown): CatalogueEntry[] {
  return [
    {
      construct,
      prop: 'resourceGroupName',
      description: 'must not be empty',
      build: () => make({ resourceGroupName: ' ' }),
      expected: /'resourceGroupName' must not be empty, got ' '/,
      fix: 'Pass the name of the resource group, e.g. `rg-chat`.',
    },
    {
      construct,
      prop: 'resourceGroupName',
      description: 'follows Azure\'s resource group naming rule',
      build: () => make({ resourceGroupName: 'rg-chat.' }),
      expected: /'resourceGroupName' must contain only letters, digits, underscores, hyphens, periods and parentheses, not ending in a period, got 'rg-chat\.'/,
      fix: 'Use 1-90 letters, digits, `-`, `_`, `.`, `(` and `)`, not ending in a period.',
    },
    {
      construct,
      prop: 'location',
      description: 'must be an Azure region',
      build: () => make({ location: 'swedencentrall' }),
      expected: /'location' must be an Azure region name such as 'swedencentral' \(did you mean 'swedencentral', 'swedensouth'\?\), got 'swedencentrall'/,
      fix: 'Use a region name as `az account list-locations -o table` prints it, e.g. `swedencentral`. For a sovereign cloud, pass a token (e.g. a variable) to skip the check.',
    },
  ];
}

const NETWORK: CatalogueEntry[] = [
  ...placement('PrivateNetwork', (p) => build.network(p)),
  {
    construct: 'PrivateNetwork',
    prop: 'name',
    description: 'virtual network name: 2-64 characters',
    build: () => build.network({ name: 'v' }),
    expected: /'name' must be 2-64 characters long for a virtual network \(got 1\), got 'v'/,
    fix: 'Use a name of 2 to 64 characters, or leave `name` unset for a derived one.',
  },
  {
    construct: 'PrivateNetwork',
    prop: 'name',
    description: 'virtual network name: allowed characters',
    build: () => build.network({ name: '-vnet' }),
    expected: /'name' must contain only letters, digits, underscores, periods and hyphens; .*, got '-vnet'/,
    fix: 'Start with a letter or digit, end with a letter, digit or `_`, and use only letters, digits, `_`, `.` and `-`.',
  },
  {
    construct: 'PrivateNetwork',
    prop: 'addressSpace',
    description: 'must be an IPv4 CIDR block',
    build: () => build.network({ addressSpace: '10.0.0.0' }),
    expected: /'addressSpace' must be an IPv4 CIDR block like 10.0.0.0\/16, got '10.0.0.0'/,
    fix: 'Write the block with its prefix length, e.g. `10.0.0.0/16`.',
  },
  {
    construct: 'PrivateNetwork',
    prop: 'addressSpace',
    description: 'octets between 0 and 255',
    build: () => build.network({ addressSpace: '10.0.0.300/16' }),
    expected: /'addressSpace' must be an IPv4 CIDR block with octets between 0 and 255, got '10.0.0.300\/16'/,
    fix: 'Correct the octet that is above 255.',
  },
  {
    construct: 'PrivateNetwork',
    prop: 'addressSpace',
    description: 'prefix length between 0 and 32',
    build: () => build.network({ addressSpace: '10.0.0.0/33' }),
    expected: /'addressSpace' must have a prefix length between 0 and 32, got '10.0.0.0\/33'/,
    fix: 'Use a prefix length of 32 or less (a VNet is usually /16 to /24).',
  },
  {
    construct: 'PrivateNetwork',
    prop: 'addressSpace',
    description: 'no host bits set',
    build: () => build.network({ addressSpace: '10.0.0.1/16' }),
    expected: /'addressSpace' must have no host bits set \(did you mean 10.0.0.0\/16\?\), got '10.0.0.1\/16'/,
    fix: 'Use the network address the message suggests; Azure rejects a prefix with host bits.',
  },
  {
    construct: 'PrivateNetwork',
    prop: 'privateEndpointSubnetCidr',
    description: 'subnet of at least a /28',
    build: () => build.network({ privateEndpointSubnetCidr: '10.0.0.0/29' }),
    expected: /'privateEndpointSubnetCidr' must be a \/28 or larger \(Azure reserves 5 addresses per subnet\), got '10.0.0.0\/29'/,
    fix: 'Give the subnet a /28 or a larger block (smaller prefix length).',
  },
  {
    construct: 'PrivateNetwork',
    prop: 'appIntegrationSubnetCidr',
    description: 'subnet inside the address space',
    build: () => build.network({ appIntegrationSubnetCidr: '10.1.0.0/24' }),
    expected: /'appIntegrationSubnetCidr' must lie inside addressSpace '10.0.0.0\/16', got '10.1.0.0\/24'/,
    fix: 'Pick a block inside `addressSpace`, or widen `addressSpace`.',
  },
  {
    construct: 'PrivateNetwork',
    prop: 'privateEndpointSubnetCidr',
    description: 'the two subnets must not overlap',
    build: () => build.network({ privateEndpointSubnetCidr: '10.0.0.0/23', appIntegrationSubnetCidr: '10.0.1.0/24' }),
    expected: /'privateEndpointSubnetCidr' \('10.0.0.0\/23'\) and 'appIntegrationSubnetCidr' \('10.0.1.0\/24'\) must not overlap, got '10.0.1.0\/24' in both/,
    fix: 'Give the subnets disjoint blocks, e.g. `10.0.0.0/24` and `10.0.1.0/24`.',
  },
  {
    construct: 'PrivateNetwork',
    prop: 'dnsServers[1]',
    description: 'DNS servers are IPv4 addresses',
    build: () => build.network({ dnsServers: ['10.10.0.4', '10.10.0.300'] }),
    expected: /'dnsServers\[1\]' must be an IPv4 address, got '10.10.0.300'/,
    fix: 'List IP addresses (e.g. a hub DNS resolver inbound endpoint), not host names.',
  },
  {
    construct: 'PrivateNetwork',
    prop: 'appIntegrationSubnetCidr',
    description: 'app subnet smaller than the recommended /26',
    warning: true,
    build: () => build.network({ appIntegrationSubnetCidr: '10.0.1.0/27' }),
    expected: /'appIntegrationSubnetCidr' is a \/27; Microsoft recommends a \/26 or larger so the App Service plan can scale out/,
    fix: 'Use a /26 or larger; keep a /27 or /28 only for a plan that never scales out.',
  },
  {
    construct: 'PrivateNetwork.fromAttributes',
    prop: 'virtualNetworkId',
    description: 'must be an Azure resource id',
    build: () => build.networkAttrs({ virtualNetworkId: 'vnet-spoke' }),
    expected: /'virtualNetworkId' must be an Azure resource id \(\/subscriptions\/<id>\/resourceGroups\/<rg>\/providers\/\.\.\.\), got 'vnet-spoke'/,
    fix: 'Pass the full resource id, e.g. from `az network vnet show --query id`.',
  },
  {
    construct: 'PrivateNetwork.fromAttributes',
    prop: 'virtualNetworkId',
    description: 'must be a Microsoft.Network resource',
    build: () => build.networkAttrs({ virtualNetworkId: STORAGE_ID }),
    expected: /'virtualNetworkId' must be the id of a Microsoft.Network resource, got '\/subscriptions\/.*\/storageAccounts\/stchat'/,
    fix: 'Pass the id of the virtual network, not of another resource.',
  },
  {
    construct: 'PrivateNetwork.fromAttributes',
    prop: 'privateEndpointSubnetId',
    description: 'subnet of the given VNet',
    build: () => build.networkAttrs({ privateEndpointSubnetId: `${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-other/subnets/pe` }),
    expected: /'privateEndpointSubnetId' must be a subnet of virtualNetworkId '.*vnet-spoke' \(<vnet id>\/subnets\/<name>\), got '.*vnet-other\/subnets\/pe'/,
    fix: 'Use subnets of the virtual network given as `virtualNetworkId`.',
  },
  {
    construct: 'PrivateNetwork.fromAttributes',
    prop: 'appIntegrationSubnetId',
    description: 'the two subnets must differ',
    build: () => build.networkAttrs({ privateEndpointSubnetId: `${VNET_ID}/subnets/shared`, appIntegrationSubnetId: `${VNET_ID}/subnets/shared` }),
    expected: /'privateEndpointSubnetId' and 'appIntegrationSubnetId' must be different subnets: .*, got '.*\/subnets\/shared' for both/,
    fix: 'Use a subnet without delegation for endpoints and one delegated to `Microsoft.Web/serverFarms` for the app.',
  },
];

const DNS_ZONES: CatalogueEntry[] = [
  ...placement('PrivateDnsZones', (p) => build.dnsZones(p)).filter((e) => e.prop !== 'location'),
  {
    construct: 'PrivateDnsZones',
    prop: 'zones',
    description: 'at least one zone',
    build: () => build.dnsZones({ zones: [] }),
    expected: /'zones' must list at least one zone, got \[\]/,
    fix: 'Leave `zones` unset for all four, or list the zones your endpoints need.',
  },
  {
    construct: 'PrivateDnsZones',
    prop: 'zones[1]',
    description: 'no zone twice',
    build: () => build.dnsZones({ zones: [PrivateLinkZone.KEY_VAULT, PrivateLinkZone.KEY_VAULT] }),
    expected: /'zones\[1\]' must not repeat a zone, got 'privatelink.vaultcore.azure.net'/,
    fix: 'List each `PrivateLinkZone` once.',
  },
  {
    construct: 'PrivateDnsZones',
    prop: 'zones',
    description: 'holds the zone an endpoint asks for',
    build: () => {
      const { stack, network } = base();
      const zones = new PrivateDnsZones(stack, 'Zones', { resourceGroupName: RG, network, zones: [PrivateLinkZone.KEY_VAULT] });
      return zones.zoneIdFor(PrivateLinkZone.OPENAI);
    },
    expected: /no private DNS zone 'privatelink.openai.azure.com' in this set; add PrivateLinkZone for 'openAi' to 'zones', got 'privatelink.vaultcore.azure.net'/,
    fix: 'Add the missing `PrivateLinkZone` to `zones` (or leave `zones` unset).',
  },
  {
    construct: 'PrivateDnsZones.fromHubZoneIds',
    prop: 'openAi',
    description: 'must be an Azure resource id',
    build: () => build.hubZones({ openAi: 'privatelink.openai.azure.com' }),
    expected: /'openAi' must be an Azure resource id .*, got 'privatelink.openai.azure.com'/,
    fix: 'Pass the zone\'s resource id, e.g. from `az network private-dns zone show --query id`.',
  },
  {
    construct: 'PrivateDnsZones.fromHubZoneIds',
    prop: 'keyVault',
    description: 'must be the id of the matching zone',
    build: () => build.hubZones({ keyVault: `${DNS}/privatelink.blob.core.windows.net` }),
    expected: /'keyVault' must be the id of the private DNS zone 'privatelink.vaultcore.azure.net' \(…\/privateDnsZones\/privatelink.vaultcore.azure.net\), got '.*privatelink.blob.core.windows.net'/,
    fix: 'Give each key the id of its own zone; the message names the zone expected.',
  },
  {
    construct: 'PrivateDnsZones.fromHubZoneIds',
    prop: 'appService',
    description: 'holds the zone an endpoint asks for',
    build: () => build.hubZones({ keyVault: `${DNS}/privatelink.vaultcore.azure.net` }).zoneIdFor(PrivateLinkZone.APP_SERVICE),
    expected: /'appService' is needed for a private endpoint in zone 'privatelink.azurewebsites.net' but was not given to fromHubZoneIds, got 'keyVault'/,
    fix: 'Pass the hub\'s zone id for the key the message names.',
  },
];

const ENDPOINT: CatalogueEntry[] = [
  ...placement('ServicePrivateEndpoint', (p) => build.endpoint(p)),
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'targetResourceId',
    description: 'must be an Azure resource id',
    build: () => build.endpoint({ targetResourceId: 'kv-shared' }),
    expected: /'targetResourceId' must be an Azure resource id .*, got 'kv-shared'/,
    fix: 'Pass the id of the service, e.g. `vault.vaultId`.',
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'subresource',
    description: 'must not be empty',
    build: () => build.endpoint({ subresource: '' }),
    expected: /'subresource' must not be empty, got ''/,
    fix: 'Name the sub-resource (group id) of the service: `account`, `vault`, `sites`…',
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'name',
    description: 'private endpoint name rule',
    build: () => build.endpoint({ name: 'pe-vault-' }),
    expected: /'name' must contain only letters, digits, underscores, periods and hyphens; .*, got 'pe-vault-'/,
    fix: 'Use 2-64 letters, digits, `_`, `.` and `-`, starting with a letter or digit and ending with a letter, digit or `_`.',
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'zones',
    description: 'at least one zone',
    build: () => build.endpoint({ zones: [] }),
    expected: /'zones' must list at least one private DNS zone, got \[\]/,
    fix: 'List the zone(s) that resolve the service, e.g. `[PrivateLinkZone.KEY_VAULT]`.',
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'zones',
    description: 'no zone twice',
    build: () => build.endpoint({ zones: [PrivateLinkZone.KEY_VAULT, PrivateLinkZone.KEY_VAULT] }),
    expected: /'zones' must not repeat a zone, got \["privatelink.vaultcore.azure.net","privatelink.vaultcore.azure.net"\]/,
    fix: 'List each zone once; all of them go into the endpoint\'s single zone group.',
  },
];

const MONITORING: CatalogueEntry[] = [
  ...placement('Monitoring', (p) => build.monitoring(p)),
  {
    construct: 'Monitoring',
    prop: 'name',
    description: 'Log Analytics workspace name rule',
    build: () => build.monitoring({ name: 'log' }),
    expected: /'name' must be 4-63 characters long for a Log Analytics workspace \(got 3\), got 'log'/,
    fix: 'Use 4-63 letters, digits and hyphens, starting and ending with a letter or digit.',
  },
  {
    construct: 'Monitoring',
    prop: 'retentionInDays',
    description: 'between 30 and 730 days',
    build: () => build.monitoring({ retentionInDays: 7 }),
    expected: /'retentionInDays' must be an integer between 30 and 730, got 7/,
    fix: 'Keep logs 30 to 730 days (default 90); archive longer elsewhere.',
  },
  {
    construct: 'Monitoring',
    prop: 'dailyQuotaGb',
    description: 'a positive number',
    build: () => build.monitoring({ dailyQuotaGb: 0 }),
    expected: /'dailyQuotaGb' must be a positive number of GB, got 0/,
    fix: 'Set a cap above 0 GB, or leave it unset for no cap.',
  },
  {
    construct: 'Monitoring',
    prop: 'logCategories',
    description: 'a diagnostic setting must send something',
    build: () => {
      const monitoring = build.monitoring();
      const target = new Construct(monitoring.node.scope!, 'Target');
      return monitoring.addDiagnosticSetting(target, 'Nothing', { targetResourceId: VAULT_ID, logCategories: [], metrics: false });
    },
    expected: /diagnostic setting 'Nothing' for test\/Target sends nothing: set 'logCategories', 'logCategoryGroups' or 'metrics', got no log categories and 'metrics' false/,
    fix: 'Enable at least one log category, category group or the metrics.',
  },
  {
    construct: 'Monitoring',
    prop: 'addDiagnosticSetting(Logs).targetResourceId',
    description: 'must be an Azure resource id',
    build: () => {
      const monitoring = build.monitoring();
      return monitoring.addDiagnosticSetting(monitoring, 'Logs', { targetResourceId: 'kv-shared' });
    },
    expected: /'addDiagnosticSetting\(Logs\).targetResourceId' must be an Azure resource id .*, got 'kv-shared'/,
    fix: 'Pass the id of the monitored resource, e.g. `vault.vaultId`.',
  },
  {
    construct: 'Monitoring.fromWorkspaceId',
    prop: 'workspaceId',
    description: 'must be a Log Analytics workspace id',
    build: () => Monitoring.fromWorkspaceId(newStack(), 'Central', `${SUB}/resourceGroups/rg-ops/providers/Microsoft.Insights/components/appi`),
    expected: /'workspaceId' must be the id of a Microsoft.OperationalInsights resource, got '.*Microsoft.Insights\/components\/appi'/,
    fix: 'Pass the workspace\'s resource id (`…/providers/Microsoft.OperationalInsights/workspaces/<name>`), not its workspace (customer) id.',
  },
];

const OPENAI: CatalogueEntry[] = [
  ...placement('OpenAiAccount', (p) => build.openAi(p)),
  {
    construct: 'OpenAiAccount',
    prop: 'name',
    description: 'lowercase account name',
    build: () => build.openAi({ name: 'OAI-Chat' }),
    expected: /'name' must contain only lowercase letters, digits and hyphens, starting and ending with a letter or digit, got 'OAI-Chat'/,
    fix: 'Use 2-64 lowercase letters, digits and hyphens.',
  },
  {
    construct: 'OpenAiAccount',
    prop: 'customSubdomainName',
    description: 'subdomain: 2-64 characters',
    build: () => build.openAi({ customSubdomainName: 'a' }),
    expected: /'customSubdomainName' must be 2-64 characters long for a Azure OpenAI account \(got 1\), got 'a'/,
    fix: 'Use 2-64 lowercase letters, digits and hyphens, unique across Azure, or leave it unset for a derived one.',
  },
  {
    construct: 'OpenAiAccount',
    prop: 'allowedFqdns[0]',
    description: 'host names only',
    build: () => build.openAi({ allowedFqdns: ['https://api.contoso.com/v1'] }),
    expected: /'allowedFqdns\[0\]' must be a host name such as 'api.contoso.com' \(no scheme, port or path\), got 'https:\/\/api.contoso.com\/v1'/,
    fix: 'Drop the scheme, port and path: `api.contoso.com`.',
  },
  {
    construct: 'OpenAiAccount',
    prop: 'userAssignedIdentityIds[0]',
    description: 'managed identity ids',
    build: () => build.openAi({ userAssignedIdentityIds: [VAULT_ID] }),
    expected: /'userAssignedIdentityIds\[0\]' must be the id of a Microsoft.ManagedIdentity resource, got '.*vaults\/kv-shared'/,
    fix: 'Pass `identity.identityId` of a user-assigned identity.',
  },
  {
    construct: 'OpenAiAccount',
    prop: 'models[1].name',
    description: 'deployment names unique within the account',
    build: () => build.openAi({
      models: [
        { modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14' },
        { modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14', sku: DeploymentSku.DATA_ZONE_STANDARD },
      ],
    }),
    expected: /'models\[1\].name' must be unique within the account \('models\[0\]' already deploys it\), got 'gpt-4.1-mini'/,
    fix: 'Give the second deployment of a model its own `name`.',
  },
  {
    construct: 'OpenAiAccount',
    prop: 'models[0].capacity',
    description: 'each model is checked like a ModelDeployment, named by its index',
    build: () => build.openAi({ models: [{ modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14', capacity: 0 }] }),
    expected: /'models\[0\].capacity' must be an integer between 1 and 100000 \(thousands of tokens per minute\) for SKU 'GlobalStandard', got 0/,
    fix: 'See the ModelDeployment rules below; the prefix names the entry of `models`.',
  },
  {
    construct: 'OpenAiAccount',
    prop: 'name',
    description: 'addDeployment: deployment names unique within the account',
    build: () => build.openAi().addDeployment('Again', { modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14' }),
    expected: /'name' must be unique within the account \('gpt-4.1-mini' is already deployed by 'test\/OpenAi\/gpt-4.1-mini'\), got 'gpt-4.1-mini'/,
    fix: 'Pass another `name` to `addDeployment`.',
  },
  {
    construct: 'OpenAiAccount.fromAttributes',
    prop: 'accountId',
    description: 'must be an Azure resource id',
    build: () => build.openAiAttrs({ accountId: 'oai-chat' }),
    expected: /'accountId' must be an Azure resource id .*, got 'oai-chat'/,
    fix: 'Pass the account\'s resource id, e.g. from `az cognitiveservices account show --query id`.',
  },
  {
    construct: 'OpenAiAccount.fromAttributes',
    prop: 'accountId',
    description: 'must be the id of an account itself',
    build: () => build.openAiAttrs({ accountId: `${ACCOUNT_ID}/deployments/gpt-4o` }),
    expected: /'accountId' must be the id of an account \(…\/providers\/Microsoft.CognitiveServices\/accounts\/<name>\), got '.*\/deployments\/gpt-4o'/,
    fix: 'Cut the id after `accounts/<name>`.',
  },
  {
    construct: 'OpenAiAccount.fromAttributes',
    prop: 'endpoint',
    description: 'must not be empty',
    build: () => build.openAiAttrs({ endpoint: '' }),
    expected: /'endpoint' must not be empty, got ''/,
    fix: 'Pass the endpoint, or leave it unset when the custom subdomain equals the account name.',
  },
  {
    construct: 'OpenAiAccount.fromAttributes',
    prop: 'endpoint',
    description: 'an https URL without a path',
    build: () => build.openAiAttrs({ endpoint: 'oai-chat.openai.azure.com' }),
    expected: /'endpoint' must be an https URL such as 'https:\/\/my-account.openai.azure.com\/', got 'oai-chat.openai.azure.com'/,
    fix: 'Write the endpoint as the portal shows it: `https://<subdomain>.openai.azure.com/`.',
  },
];

const ok: ModelDeploymentOptions = { modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14' };

const DEPLOYMENT: CatalogueEntry[] = [
  {
    construct: 'ModelDeployment',
    prop: 'cognitiveAccountId',
    description: 'must be a Cognitive Services id',
    build: () => build.deployment({ cognitiveAccountId: VAULT_ID }),
    expected: /'cognitiveAccountId' must be the id of a Microsoft.CognitiveServices resource, got '.*vaults\/kv-shared'/,
    fix: 'Pass `account.accountId`; better, use `account.addDeployment(...)`.',
  },
  {
    construct: 'ModelDeployment',
    prop: 'modelName',
    description: 'must not be empty',
    build: () => build.deployment({ modelName: '' }),
    expected: /'modelName' must not be empty, got ''/,
    fix: 'Name the model as Azure lists it, e.g. `gpt-4.1-mini`.',
  },
  {
    construct: 'ModelDeployment',
    prop: 'modelName',
    description: 'Azure model name format',
    build: () => build.deployment({ modelName: 'GPT-4o' }),
    expected: /'modelName' must be a model name such as 'gpt-4.1-mini' \(lowercase letters, digits, '.', '_' and '-', at most 64 characters\), got 'GPT-4o'/,
    fix: 'Use the lowercase model name, e.g. `gpt-4o`.',
  },
  {
    construct: 'ModelDeployment',
    prop: 'modelVersion',
    description: 'a version is required',
    build: () => build.deployment({ modelVersion: '' }),
    expected: /'modelVersion' must be a pinned model version such as '2025-04-14' \(required so the model never changes silently\), got ''/,
    fix: 'Pin the version, e.g. `2025-04-14` (see the model catalogue).',
  },
  {
    construct: 'ModelDeployment',
    prop: 'modelVersion',
    description: 'no floating alias',
    build: () => build.deployment({ modelVersion: 'latest' }),
    expected: /'modelVersion' must be a pinned model version such as '2025-04-14', not a floating alias, got 'latest'/,
    fix: 'Pin a dated version instead of `latest`, `default` or `current`.',
  },
  {
    construct: 'ModelDeployment',
    prop: 'modelVersion',
    description: 'Azure model version format',
    build: () => build.deployment({ modelVersion: '2025/04/14' }),
    expected: /'modelVersion' must be a model version such as '2025-04-14' or '1' .*, got '2025\/04\/14'/,
    fix: 'Write the version with hyphens, as Azure lists it.',
  },
  {
    construct: 'ModelDeployment',
    prop: 'name',
    description: 'model deployment name rule',
    build: () => build.deployment({ name: 'chat model' }),
    expected: /'name' must contain only letters, digits, underscores, periods and hyphens, starting with a letter or digit, got 'chat model'/,
    fix: 'Use 2-64 letters, digits, `_`, `.` and `-`; clients send this name as `model`.',
  },
  {
    construct: 'ModelDeployment',
    prop: 'raiPolicyName',
    description: 'must not be empty',
    build: () => build.deployment({ raiPolicyName: ' ' }),
    expected: /'raiPolicyName' must not be empty, got ' '/,
    fix: 'Name a content filter policy, or leave it unset for the account\'s filter.',
  },
  {
    construct: 'ModelDeployment',
    prop: 'sku',
    description: 'must be a DeploymentSku',
    build: () => build.deployment({ sku: { name: 'Standard' } as unknown as DeploymentSku }),
    expected: /'sku' must be a DeploymentSku such as DeploymentSku.GLOBAL_STANDARD \(use DeploymentSku.of\(name\) for a name\), got \{"name":"Standard"\}/,
    fix: 'Use a `DeploymentSku` constant, or `DeploymentSku.of(\'Standard\')` for a name from configuration.',
  },
  {
    construct: 'ModelDeployment',
    prop: 'capacity',
    description: 'within the SKU family\'s range',
    build: () => build.deployment({ capacity: 0 }),
    expected: /'capacity' must be an integer between 1 and 100000 \(thousands of tokens per minute\) for SKU 'GlobalStandard', got 0/,
    fix: 'Use at least 1 (1,000 tokens per minute). Above your quota, Azure fails at apply: see "Errors only Azure can raise".',
  },
  {
    construct: 'ModelDeployment',
    prop: 'capacity',
    description: 'in steps of the SKU\'s PTU increment',
    build: () => build.deployment({ sku: DeploymentSku.PROVISIONED_MANAGED, capacity: 30 }),
    expected: /'capacity' must be a multiple of 25 PTUs for SKU 'ProvisionedManaged', got 30/,
    fix: 'Round to the step the message gives (25 PTUs regional, 5 PTUs global and data zone).',
  },
  {
    construct: 'ModelDeployment',
    prop: 'versionUpgradeOption',
    description: 'a known upgrade option',
    build: () => build.deployment({ versionUpgradeOption: 'Always' as VersionUpgradeOption }),
    expected: /'versionUpgradeOption' must be one of 'NoAutoUpgrade', 'OnceNewDefaultVersionAvailable', 'OnceCurrentVersionExpired', got 'Always'/,
    fix: 'Use a `VersionUpgradeOption` value; `NO_AUTO_UPGRADE` is the default.',
  },
  {
    construct: 'ModelDeployment',
    prop: 'modelVersion',
    description: 'model and version pair unknown to the library',
    warning: true,
    build: () => build.deployment({ modelName: 'gpt-4.1-mini', modelVersion: '2024-01-01' }),
    silenced: () => build.deployment({ modelName: 'gpt-4.1-mini', modelVersion: '2024-01-01', allowUnknownModel: true }),
    expected: /model 'gpt-4.1-mini' version '2024-01-01' is not known to this library \(known versions of 'gpt-4.1-mini' are '2025-04-14'\); check 'modelName' and 'modelVersion', or set 'allowUnknownModel: true'/,
    fix: 'Correct a typo; for a model newer than the library, set `allowUnknownModel: true`.',
  },
  {
    construct: 'ModelDeployment',
    prop: 'versionUpgradeOption',
    description: 'automatic model upgrades',
    warning: true,
    build: () => build.deployment({ versionUpgradeOption: VersionUpgradeOption.ONCE_NEW_DEFAULT_VERSION_AVAILABLE }),
    expected: /'versionUpgradeOption' is 'OnceNewDefaultVersionAvailable': Azure may change the model under the application; pin with NO_AUTO_UPGRADE/,
    fix: 'Leave `versionUpgradeOption` unset (`NO_AUTO_UPGRADE`) and upgrade by changing `modelVersion`.',
  },
  {
    construct: 'DeploymentSku.of',
    prop: 'name',
    description: 'a known SKU name',
    factory: true,
    build: () => DeploymentSku.of('Premium'),
    expected: /^DeploymentSku.of: 'name' must be one of 'Standard', 'GlobalStandard', .*, got 'Premium'$/,
    fix: 'Use one of the names listed (case-sensitive).',
  },
];

const FILTER: CatalogueEntry[] = [
  {
    construct: 'ContentFilter',
    prop: 'cognitiveAccountId',
    description: 'must be an Azure resource id',
    build: () => build.filter({ cognitiveAccountId: 'oai-chat' }),
    expected: /'cognitiveAccountId' must be an Azure resource id .*, got 'oai-chat'/,
    fix: 'Pass `account.accountId`; the account creates its own filter from `contentFilter`.',
  },
  {
    construct: 'ContentFilter',
    prop: 'name',
    description: 'content filter policy name rule',
    build: () => build.filter({ name: 'strict.filter' }),
    expected: /'name' must contain only letters, digits, underscores and hyphens, starting with a letter or digit, got 'strict.filter'/,
    fix: 'Use 2-64 letters, digits, `_` and `-`.',
  },
  {
    construct: 'ContentFilter',
    prop: 'basePolicyName',
    description: 'must not be empty',
    build: () => build.filter({ basePolicyName: '' }),
    expected: /'basePolicyName' must not be empty, got ''/,
    fix: 'Leave it unset for `Microsoft.DefaultV2`.',
  },
  {
    construct: 'ContentFilter',
    prop: 'mode',
    description: 'a known streaming mode',
    build: () => build.filter({ mode: 'Blocking' as ContentFilterMode }),
    expected: /'mode' must be one of 'Default', 'Asynchronous_filter', got 'Blocking'/,
    fix: 'Use a `ContentFilterMode` value.',
  },
  {
    construct: 'ContentFilter',
    prop: 'hate.promptSeverity',
    description: 'a known severity',
    build: () => build.filter({ hate: { promptSeverity: 'Severe' as ContentFilterSeverity } }),
    expected: /'hate.promptSeverity' must be one of 'Low', 'Medium', 'High', got 'Severe'/,
    fix: 'Use a `ContentFilterSeverity` value (LOW is strictest).',
  },
  {
    construct: 'ContentFilter',
    prop: 'violence.completionSeverity',
    description: 'severity weaker than Azure\'s default',
    warning: true,
    build: () => build.filter({ violence: { completionSeverity: ContentFilterSeverity.HIGH } }),
    expected: /'violence.completionSeverity' is HIGH: only high-severity content is filtered, weaker than Azure's default \(MEDIUM\)/,
    fix: 'Use MEDIUM (default) or LOW; HIGH needs Microsoft\'s approval for modified content filtering.',
  },
  {
    construct: 'ContentFilter',
    prop: 'sexual.blocking',
    description: 'filter that annotates only',
    warning: true,
    build: () => build.filter({ sexual: { blocking: false } }),
    expected: /'sexual.blocking' is false: filtered content is only annotated and still reaches the caller/,
    fix: 'Leave `blocking` unset (true).',
  },
  {
    construct: 'ContentFilter',
    prop: 'jailbreakShield',
    description: 'prompt shield or protected-material check off',
    warning: true,
    build: () => build.filter({ jailbreakShield: false }),
    expected: /'jailbreakShield' is off: the content filter no longer checks for it/,
    fix: 'Leave the switch unset (on).',
  },
  {
    construct: 'ContentFilter',
    prop: 'mode',
    description: 'asynchronous filtering of streams',
    warning: true,
    build: () => build.filter({ mode: ContentFilterMode.ASYNCHRONOUS_FILTER }),
    expected: /'mode' is ASYNCHRONOUS_FILTER: streamed content reaches the caller before it is filtered/,
    fix: 'Leave `mode` unset (`DEFAULT`) unless the latency gain is worth unfiltered chunks.',
  },
];

const VAULT: CatalogueEntry[] = [
  ...placement('PrivateKeyVault', (p) => build.vault(p)),
  {
    construct: 'PrivateKeyVault',
    prop: 'name',
    description: 'Key Vault name: 3-24 characters',
    build: () => build.vault({ name: 'kv' }),
    expected: /'name' must be 3-24 characters long for a Key Vault \(got 2\), got 'kv'/,
    fix: 'Use 3-24 characters, unique across Azure, or leave `name` unset for a derived one.',
  },
  {
    construct: 'PrivateKeyVault',
    prop: 'name',
    description: 'Key Vault name: no consecutive hyphens',
    build: () => build.vault({ name: 'kv--chat' }),
    expected: /'name' must contain only letters, digits and hyphens, starting with a letter, ending with a letter or digit, without consecutive hyphens, got 'kv--chat'/,
    fix: 'Start with a letter, end with a letter or digit, and avoid `--`.',
  },
  {
    construct: 'PrivateKeyVault',
    prop: 'softDeleteRetentionDays',
    description: 'between 7 and 90 days',
    build: () => build.vault({ softDeleteRetentionDays: 120 }),
    expected: /'softDeleteRetentionDays' must be an integer between 7 and 90, got 120/,
    fix: 'Use 7 to 90 days; 90 (the default) is what the baseline expects.',
  },
  {
    construct: 'PrivateKeyVault',
    prop: 'softDeleteRetentionDays',
    description: 'retention below the baseline\'s 90 days',
    warning: true,
    build: () => build.vault({ softDeleteRetentionDays: 30 }),
    expected: /'softDeleteRetentionDays' is 30; the security baseline \(CKV_AZURE_111\) expects 90 days, and the value cannot be changed after the vault exists/,
    fix: 'Leave it unset (90); it cannot be changed once the vault exists.',
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).name',
    description: 'must not be empty',
    build: () => build.secrets(['Db', { name: '' }]),
    expected: /'addSecret\(Db\).name' must not be empty, got ''/,
    fix: 'Name the secret.',
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).name',
    description: 'Key Vault secret name rule',
    build: () => build.secrets(['Db', { name: 'db_password' }]),
    expected: /'addSecret\(Db\).name' must contain only letters, digits and hyphens, got 'db_password'/,
    fix: 'Use 1-127 letters, digits and hyphens (no `_` or `.`).',
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).contentType',
    description: 'a content type is required',
    build: () => build.secrets(['Db', { contentType: ' ' }]),
    expected: /'addSecret\(Db\).contentType' must be a non-empty MIME type or label \(e.g. 'text\/plain'\), .*, got ' '/,
    fix: 'Say what the secret holds, e.g. `text/plain` or `client-secret`.',
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).value',
    description: 'a value is required',
    build: () => build.secrets(['Db', { value: undefined }]),
    expected: /'addSecret\(Db\).value' must be set, got undefined/,
    fix: 'Pass the value, ideally a sensitive `TerraformVariable`.',
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).expirationDate',
    description: 'an RFC 3339 timestamp',
    build: () => build.secrets(['Db', { expirationDate: '2026-02-30T00:00:00Z' }]),
    expected: /'addSecret\(Db\).expirationDate' must be an RFC3339 timestamp such as '2026-12-31T00:00:00Z', got '2026-02-30T00:00:00Z'/,
    fix: 'Write a real date and time with a zone, e.g. `2026-12-31T00:00:00Z`, or leave it unset for 365 days.',
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).notBeforeDate',
    description: 'usable before it expires',
    build: () => build.secrets(['Db', { notBeforeDate: '2027-01-01T00:00:00Z', expirationDate: '2026-12-31T00:00:00Z' }]),
    expected: /'addSecret\(Db\).notBeforeDate' must be earlier than 'addSecret\(Db\).expirationDate', got '2027-01-01T00:00:00Z' and '2026-12-31T00:00:00Z'/,
    fix: 'Swap or correct the two dates.',
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db2).name',
    description: 'secret names unique (case-insensitive)',
    build: () => build.secrets(['Db', { name: 'db-password' }], ['Db2', { name: 'DB-Password' }]),
    expected: /'addSecret\(Db2\).name' must be unique in the vault \(secret names are case-insensitive; already used by 'Db'\), got 'DB-Password'/,
    fix: 'Give each secret its own name.',
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'id',
    description: 'construct ids unique among the vault\'s secrets',
    build: () => build.secrets(['Db', { name: 'db-password' }], ['Db', { name: 'db-user' }]),
    expected: /'id' must be unique among the secrets of this vault, got 'Db'/,
    fix: 'Pass another construct id to `addSecret`.',
  },
  {
    construct: 'PrivateKeyVault.fromAttributes',
    prop: 'vaultId',
    description: 'must be an Azure resource id',
    build: () => build.vaultAttrs({ vaultId: 'kv-shared' }),
    expected: /'vaultId' must be an Azure resource id .*, got 'kv-shared'/,
    fix: 'Pass the vault\'s resource id, e.g. from `az keyvault show --query id`.',
  },
  {
    construct: 'PrivateKeyVault.fromAttributes',
    prop: 'vaultId',
    description: 'must be the id of a vault itself',
    build: () => build.vaultAttrs({ vaultId: `${VAULT_ID}/secrets/db` }),
    expected: /'vaultId' must be the id of a vault \(…\/providers\/Microsoft.KeyVault\/vaults\/<name>\), got '.*\/secrets\/db'/,
    fix: 'Cut the id after `vaults/<name>`.',
  },
  {
    construct: 'PrivateKeyVault.fromAttributes',
    prop: 'vaultId',
    description: 'the vault name in the id follows the Key Vault rule',
    build: () => build.vaultAttrs({ vaultId: `${SUB}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv_shared` }),
    expected: /'vaultId' must contain only letters, digits and hyphens, .*, got 'kv_shared'/,
    fix: 'Check the id for a typo in the vault name.',
  },
  {
    construct: 'PrivateKeyVault.fromAttributes',
    prop: 'vaultUri',
    description: 'must not be empty',
    build: () => build.vaultAttrs({ vaultUri: '' }),
    expected: /'vaultUri' must not be empty, got ''/,
    fix: 'Pass the vault URI, e.g. from `az keyvault show --query properties.vaultUri`.',
  },
  {
    construct: 'PrivateKeyVault.fromAttributes',
    prop: 'vaultUri',
    description: 'a Key Vault URI',
    build: () => build.vaultAttrs({ vaultUri: 'https://kv-shared.example.com/' }),
    expected: /'vaultUri' must be a vault URI like 'https:\/\/<name>.vault.azure.net\/', got 'https:\/\/kv-shared.example.com\/'/,
    fix: 'Use `https://<name>.vault.azure.net/` (or the sovereign cloud\'s vault domain).',
  },
  {
    construct: 'PrivateKeyVault.fromAttributes',
    prop: 'vaultUri',
    description: 'the same vault as the id',
    build: () => build.vaultAttrs({ vaultUri: 'https://kv-other.vault.azure.net/' }),
    expected: /'vaultUri' must name the same vault as 'vaultId' \('kv-shared'\), got 'https:\/\/kv-other.vault.azure.net\/'/,
    fix: 'Pass the id and the URI of one vault.',
  },
];

const IDENTITY: CatalogueEntry[] = [
  ...placement('ChatIdentity', (p) => build.identity(p)),
  {
    construct: 'ChatIdentity',
    prop: 'name',
    description: 'managed identity name: 3-128 characters',
    build: () => build.identity({ name: 'id' }),
    expected: /'name' must be 3-128 characters long for a managed identity \(got 2\), got 'id'/,
    fix: 'Use 3-128 letters, digits, `-` and `_`, starting with a letter or digit.',
  },
  {
    construct: 'ChatIdentity.fromIdentityAttributes',
    prop: 'identityId',
    description: 'must be a managed identity id',
    build: () => build.identityAttrs({ identityId: VAULT_ID }),
    expected: /'identityId' must be the id of a Microsoft.ManagedIdentity resource, got '.*vaults\/kv-shared'/,
    fix: 'Pass the identity\'s resource id (`…/userAssignedIdentities/<name>`).',
  },
  {
    construct: 'ChatIdentity.fromIdentityAttributes',
    prop: 'clientId',
    description: 'a GUID',
    build: () => build.identityAttrs({ clientId: 'id-chat' }),
    expected: /'clientId' must be a GUID \(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\), got 'id-chat'/,
    fix: 'Pass the identity\'s client id (`az identity show --query clientId`).',
  },
  {
    construct: 'ChatIdentity.fromIdentityAttributes',
    prop: 'principalId',
    description: 'a GUID',
    build: () => build.identityAttrs({ principalId: '1234' }),
    expected: /'principalId' must be a GUID .*, got '1234'/,
    fix: 'Pass the identity\'s object (principal) id (`az identity show --query principalId`).',
  },
  {
    construct: 'ChatIdentity.fromIdentityAttributes',
    prop: 'tenantId',
    description: 'a GUID',
    build: () => build.identityAttrs({ tenantId: 'contoso.onmicrosoft.com' }),
    expected: /'tenantId' must be a GUID .*, got 'contoso.onmicrosoft.com'/,
    fix: 'Pass the tenant id, not the tenant domain.',
  },
];

const WEB_APP: CatalogueEntry[] = [
  ...placement('ChatWebApp', (p) => build.webApp(p)),
  {
    construct: 'ChatWebApp',
    prop: 'deploymentName',
    description: 'must not be empty',
    build: () => build.webApp({ deploymentName: '' }),
    expected: /'deploymentName' must not be empty, got ''/,
    fix: 'Pass the deployment the app chats with, e.g. `deployment.deploymentName`.',
  },
  {
    construct: 'ChatWebApp',
    prop: 'deploymentName',
    description: 'model deployment name rule',
    build: () => build.webApp({ deploymentName: 'gpt 4o' }),
    expected: /'deploymentName' must contain only letters, digits, underscores, periods and hyphens, starting with a letter or digit, got 'gpt 4o'/,
    fix: 'Use the name of a deployment on the account.',
  },
  {
    construct: 'ChatWebApp',
    prop: 'name',
    description: 'web app name rule',
    build: () => build.webApp({ name: 'chat_app' }),
    expected: /'name' must contain only letters, digits and hyphens, starting and ending with a letter or digit, got 'chat_app'/,
    fix: 'Use 2-60 letters, digits and hyphens, unique across Azure, or leave `name` unset for a derived one.',
  },
  {
    construct: 'ChatWebApp',
    prop: 'servicePlanId',
    description: 'must be a Microsoft.Web id',
    build: () => build.webApp({ servicePlanId: VAULT_ID }),
    expected: /'servicePlanId' must be the id of a Microsoft.Web resource, got '.*vaults\/kv-shared'/,
    fix: 'Pass the plan\'s resource id (`…/providers/Microsoft.Web/serverFarms/<name>`).',
  },
  {
    construct: 'ChatWebApp',
    prop: 'skuName',
    description: 'an existing plan excludes the plan props',
    build: () => build.webApp({ servicePlanId: PLAN_ID, skuName: 'P1v3' }),
    expected: /'servicePlanId' and 'skuName' are mutually exclusive: 'skuName' configures the plan created when no 'servicePlanId' is given, got both/,
    fix: 'Drop `skuName`, `workerCount`, `zoneBalancingEnabled` and `servicePlanName` when passing `servicePlanId`.',
  },
  {
    construct: 'ChatWebApp',
    prop: 'servicePlanName',
    description: 'App Service plan name rule',
    build: () => build.webApp({ servicePlanName: 'asp.chat' }),
    expected: /'servicePlanName' must contain only letters, digits and hyphens, got 'asp.chat'/,
    fix: 'Use 1-60 letters, digits and hyphens.',
  },
  {
    construct: 'ChatWebApp',
    prop: 'skuName',
    description: 'a SKU with private endpoints and VNet integration',
    build: () => build.webApp({ skuName: 'F1' }),
    expected: /'skuName' must be a SKU that supports both private endpoints and VNet integration \(Basic, Standard, Premium v2\/v3\/v4\): one of B1, .*, got 'F1'/,
    fix: 'Use Basic, Standard or Premium v2/v3/v4 (default `P0v3`); Free and Shared plans have neither feature.',
  },
  {
    construct: 'ChatWebApp',
    prop: 'skuName',
    description: 'no Isolated SKU for a new plan',
    build: () => build.webApp({ skuName: 'I1v2' }),
    expected: /'skuName' must not be an Isolated SKU here: Isolated v2 plans exist only inside an App Service Environment v3; .*, got 'I1v2'/,
    fix: 'Create the plan in the App Service Environment and pass its id as `servicePlanId`.',
  },
  {
    construct: 'ChatWebApp',
    prop: 'workerCount',
    description: 'within the SKU\'s instance limit',
    build: () => build.webApp({ skuName: 'B1', workerCount: 4 }),
    expected: /'workerCount' must be an integer between 1 and 3, got 4/,
    fix: 'Stay within the tier\'s limit (Basic 3, Standard 10, Premium 30), or pick a larger tier.',
  },
  {
    construct: 'ChatWebApp',
    prop: 'zoneBalancingEnabled',
    description: 'zone redundancy needs a Premium SKU',
    build: () => build.webApp({ skuName: 'S1', workerCount: 3, zoneBalancingEnabled: true }),
    expected: /'zoneBalancingEnabled' needs a Premium SKU \(P\*v2, P\*v3, P\*v4\), got 'skuName' 'S1'/,
    fix: 'Use a Premium v2/v3/v4 SKU, or turn zone balancing off.',
  },
  {
    construct: 'ChatWebApp',
    prop: 'zoneBalancingEnabled',
    description: 'zone redundancy needs 2 or more instances',
    build: () => build.webApp({ zoneBalancingEnabled: true }),
    expected: /'zoneBalancingEnabled' needs at least 2 instances \(ideally a multiple of the region's zones\), got 'workerCount' 1/,
    fix: 'Set `workerCount` to 2 or more (3 in a three-zone region).',
  },
  {
    construct: 'ChatWebApp',
    prop: 'healthCheckPath',
    description: 'a path',
    build: () => build.webApp({ healthCheckPath: 'health' }),
    expected: /'healthCheckPath' must be a path starting with '\/', without spaces, query or fragment, got 'health'/,
    fix: 'Start the path with `/`, e.g. `/healthz`.',
  },
  {
    construct: 'ChatWebApp',
    prop: 'healthCheckEvictionTimeInMin',
    description: 'between 2 and 10 minutes',
    build: () => build.webApp({ healthCheckEvictionTimeInMin: 1 }),
    expected: /'healthCheckEvictionTimeInMin' must be an integer between 2 and 10, got 1/,
    fix: 'Use 2 to 10 minutes (default 5).',
  },
  {
    construct: 'ChatWebApp',
    prop: 'authExcludedPaths[0]',
    description: 'paths',
    build: () => build.webApp({ authExcludedPaths: ['healthz'] }),
    expected: /'authExcludedPaths\[0\]' must be a path starting with '\/', got 'healthz'/,
    fix: 'Start each path with `/`.',
  },
  {
    construct: 'ChatWebApp',
    prop: 'authExcludedPaths[0]',
    description: 'sign-in cannot be excluded for the whole app',
    build: () => build.webApp({ authExcludedPaths: ['/*'] }),
    expected: /'authExcludedPaths\[0\]' must not exclude the whole app from sign-in, got '\/\*'/,
    fix: 'Exclude only the paths that must be anonymous, e.g. `/healthz`.',
  },
  {
    construct: 'ChatWebApp',
    prop: 'appSettings.MY-SETTING',
    description: 'setting names a Linux container can read',
    build: () => build.webApp({ appSettings: { 'MY-SETTING': 'x' } }),
    expected: /'appSettings.MY-SETTING' must be named with letters, digits, '_' and '.' only \(what Linux App Service passes to a container\), got 'MY-SETTING'/,
    fix: 'Use `_` instead of `-` in the setting name.',
  },
  {
    construct: 'ChatWebApp',
    prop: 'appSettings.AZURE_OPENAI_KEY',
    description: 'no API key settings',
    build: () => build.webApp({ appSettings: { AZURE_OPENAI_KEY: 'secret' } }),
    expected: /'appSettings.AZURE_OPENAI_KEY' must not be set: the app signs in to Azure OpenAI with its managed identity and the account has key auth off, got 'secret'/,
    fix: 'Remove the key: the app signs in with its managed identity.',
  },
  {
    construct: 'ChatWebApp',
    prop: 'appSettings.AZURE_OPENAI_ENDPOINT',
    description: 'no override of wired settings',
    build: () => build.webApp({ appSettings: { AZURE_OPENAI_ENDPOINT: 'https://elsewhere.openai.azure.com/' } }),
    expected: /'appSettings.AZURE_OPENAI_ENDPOINT' must not be set: the construct wires it from 'openAi', got 'https:\/\/elsewhere.openai.azure.com\/'/,
    fix: 'Change the prop the message names (`openAi`, `deploymentName`, `identity`, `image.port`, `signIn`) instead.',
  },
];

const IMAGE: CatalogueEntry[] = [
  {
    construct: 'ContainerImage',
    prop: 'image.registryUrl',
    description: 'must not be empty',
    build: () => build.image(image('', 'team/chat', '1.0.0')),
    expected: /'image.registryUrl' must not be empty, got ''/,
    fix: 'Pass the registry URL, e.g. `https://myregistry.azurecr.io`.',
  },
  {
    construct: 'ContainerImage',
    prop: 'image.registryUrl',
    description: 'a URL with scheme and no path',
    build: () => build.image(image('myregistry.azurecr.io', 'team/chat', '1.0.0')),
    expected: /'image.registryUrl' must be a registry URL with its scheme and no path, e.g. 'https:\/\/myregistry.azurecr.io', got 'myregistry.azurecr.io'/,
    fix: 'Add `https://`; put the repository path in `imageName`.',
  },
  {
    construct: 'ContainerImage',
    prop: 'image.imageName',
    description: 'must not be empty',
    build: () => build.image(image(ACR, ' ', '1.0.0')),
    expected: /'image.imageName' must not be empty, got ' '/,
    fix: 'Pass the repository path, e.g. `team/chat`.',
  },
  {
    construct: 'ContainerImage',
    prop: 'image.imageName',
    description: 'a lowercase repository path without tag',
    build: () => build.image(image(ACR, 'Team/Chat:1.0', '1.0.0')),
    expected: /'image.imageName' must be a repository path in lowercase letters, digits, '.', '_', '-' and '\/', without tag or digest, got 'Team\/Chat:1.0'/,
    fix: 'Lowercase the path and pass the tag separately.',
  },
  {
    construct: 'ContainerImage',
    prop: 'image.digest',
    description: 'a sha256 digest',
    build: () => build.image(ContainerImage.fromRegistryDigest(ACR, 'team/chat', 'sha256:abc')),
    expected: /'image.digest' must be 'sha256:' followed by 64 lowercase hex characters, got 'sha256:abc'/,
    fix: 'Copy the full digest, e.g. from `az acr repository show-manifests`.',
  },
  {
    construct: 'ContainerImage',
    prop: 'image.tag',
    description: 'a tag is required',
    build: () => build.image(image(ACR, 'team/chat', '')),
    expected: /'image.tag' must be a pinned tag \(an untagged image means 'latest'\); use fromRegistryDigest to pin by digest, got ''/,
    fix: 'Pass a version tag, or pin by digest.',
  },
  {
    construct: 'ContainerImage',
    prop: 'image.tag',
    description: 'Docker tag format',
    build: () => build.image(image(ACR, 'team/chat', '-1.0')),
    expected: /'image.tag' must be a Docker tag: up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-', got '-1.0'/,
    fix: 'Correct the tag.',
  },
  {
    construct: 'ContainerImage',
    prop: 'image.tag',
    description: 'no mutable tag',
    build: () => build.image(image(ACR, 'team/chat', 'latest')),
    expected: /'image.tag' must be a pinned tag, not 'latest' .*; set 'allowMutableTag' to accept it, got 'latest'/,
    fix: 'Pin a version tag; set `allowMutableTag: true` only for a dev environment.',
  },
  {
    construct: 'ContainerImage',
    prop: 'image.port',
    description: 'a TCP port',
    build: () => build.image(image(ACR, 'team/chat', '1.0.0', { port: 0 })),
    expected: /'image.port' must be an integer between 1 and 65535, got 0/,
    fix: 'Pass the port the container listens on.',
  },
  {
    construct: 'ContainerImage',
    prop: 'image.appSettings.WEBSITES_PORT',
    description: 'no override of wired settings',
    build: () => build.image(image(ACR, 'team/chat', '1.0.0', { appSettings: { WEBSITES_PORT: '8080' } })),
    expected: /'image.appSettings.WEBSITES_PORT' must not be set: the construct wires it from 'image.port', got '8080'/,
    fix: 'Set `port` in the image options instead. The other app setting rules of ChatWebApp apply here too.',
  },
];

const SIGN_IN: CatalogueEntry[] = [
  {
    construct: 'SignIn',
    prop: 'signIn.clientId',
    description: 'must not be empty',
    build: () => build.webApp({ signIn: existingSignIn({ clientId: '' }) }),
    expected: /'signIn.clientId' must not be empty, got ''/,
    fix: 'Pass the registration\'s application (client) id.',
  },
  {
    construct: 'SignIn',
    prop: 'signIn.clientId',
    description: 'a GUID',
    build: () => build.webApp({ signIn: existingSignIn({ clientId: 'chat-app' }) }),
    expected: /'signIn.clientId' must be a GUID .*, got 'chat-app'/,
    fix: 'Pass the application (client) id, not the display name.',
  },
  {
    construct: 'SignIn',
    prop: 'signIn.tenantId',
    description: 'a GUID',
    build: () => build.webApp({ signIn: existingSignIn({ tenantId: 'contoso.onmicrosoft.com' }) }),
    expected: /'signIn.tenantId' must be a GUID .*, got 'contoso.onmicrosoft.com'/,
    fix: 'Pass the tenant id, or leave it unset for the provider\'s tenant.',
  },
  {
    construct: 'SignIn',
    prop: 'signIn',
    description: 'exactly one client secret source: neither given',
    build: () => build.webApp({ signIn: SignIn.withExistingRegistration({ clientId: GUID }) }),
    expected: /'signIn' needs exactly one of 'clientSecret' and 'clientSecretKeyVaultSecretId', got neither/,
    fix: 'Pass the secret (`clientSecret`, stored in `vault`) or the id of a vault secret that holds it.',
  },
  {
    construct: 'SignIn',
    prop: 'signIn',
    description: 'exactly one client secret source: both given',
    build: () => build.webApp({ signIn: existingSignIn({ clientSecret: 's3cret' }) }),
    expected: /'signIn' needs exactly one of 'clientSecret' and 'clientSecretKeyVaultSecretId', got both/,
    fix: 'Keep one of the two.',
  },
  {
    construct: 'SignIn',
    prop: 'signIn.clientSecret',
    description: 'must not be empty',
    build: () => build.webApp({ signIn: SignIn.withExistingRegistration({ clientId: GUID, clientSecret: '' }) }),
    expected: /'signIn.clientSecret' must not be empty, got ''/,
    fix: 'Pass the secret, ideally as a sensitive `TerraformVariable`.',
  },
  {
    construct: 'SignIn',
    prop: 'signIn.clientSecretExpirationDate',
    description: 'an RFC 3339 timestamp',
    build: () => build.webApp({ signIn: SignIn.withExistingRegistration({ clientId: GUID, clientSecret: 's3cret', clientSecretExpirationDate: '31/12/2026' }) }),
    expected: /'signIn.clientSecretExpirationDate' must be an RFC3339 timestamp such as '2026-12-31T00:00:00Z', got '31\/12\/2026'/,
    fix: 'Write the expiry as `2026-12-31T00:00:00Z`.',
  },
  {
    construct: 'SignIn',
    prop: 'signIn.clientSecretKeyVaultSecretId',
    description: 'a versionless vault secret id',
    build: () => build.webApp({ signIn: existingSignIn({ clientSecretKeyVaultSecretId: 'https://kv-shared.vault.azure.net/secrets/client-secret/0123456789abcdef' }) }),
    expected: /'signIn.clientSecretKeyVaultSecretId' must be a versionless Key Vault secret id \(https:\/\/<vault>.vault.azure.net\/secrets\/<name>\), got '.*\/client-secret\/0123456789abcdef'/,
    fix: 'Drop the version from the id so the app follows rotations.',
  },
  {
    construct: 'SignIn',
    prop: 'vault',
    description: 'a client secret needs a vault to live in',
    build: () => build.webApp({ vault: undefined, signIn: SignIn.withExistingRegistration({ clientId: GUID, clientSecret: 's3cret' }) }),
    expected: /'vault' is required when 'signIn.clientSecret' is given: the secret is stored there and read as a Key Vault reference, got none/,
    fix: 'Pass `vault`, or store the secret yourself and pass `clientSecretKeyVaultSecretId`.',
  },
  {
    construct: 'SignIn',
    prop: 'signIn.secretLifetimeDays',
    description: 'between 1 and 730 days',
    build: () => build.webApp({ signIn: SignIn.createAppRegistration({ secretLifetimeDays: 1000 }) }),
    expected: /'signIn.secretLifetimeDays' must be an integer between 1 and 730, got 1000/,
    fix: 'Use at most 730 days (Entra\'s limit for client secrets) and plan the rotation.',
  },
  {
    construct: 'SignIn',
    prop: 'signIn.displayName',
    description: 'must not be empty',
    build: () => build.webApp({ signIn: SignIn.createAppRegistration({ displayName: ' ' }) }),
    expected: /'signIn.displayName' must not be empty, got ' '/,
    fix: 'Pass a display name, or leave it unset.',
  },
  {
    construct: 'SignIn',
    prop: 'signIn.owners[0]',
    description: 'owner object ids are GUIDs',
    build: () => build.webApp({ signIn: SignIn.createAppRegistration({ owners: ['alice@contoso.com'] }) }),
    expected: /'signIn.owners\[0\]' must be a GUID .*, got 'alice@contoso.com'/,
    fix: 'Pass object ids (`az ad user show --id <upn> --query id`), not user names.',
  },
  {
    construct: 'SignIn',
    prop: 'vault',
    description: 'a created registration needs a vault for its secret',
    build: () => build.webApp({ vault: undefined }),
    expected: /'vault' is required when 'signIn' creates the app registration: its client secret is stored there and read as a Key Vault reference, got none/,
    fix: 'Pass `vault`, or use `SignIn.withExistingRegistration` with `clientSecretKeyVaultSecretId`.',
  },
];

const CHAT: CatalogueEntry[] = [
  ...placement('PrivateChat', (p) => build.chat(p as Partial<PrivateChatProps>)),
  {
    construct: 'PrivateChat',
    prop: 'addressSpace',
    description: 'an existing network excludes the address props',
    build: () => build.chat({ network: build.networkAttrs(), addressSpace: '10.1.0.0/16' }),
    expected: /'network' and 'addressSpace' are mutually exclusive: an existing network brings its own addresses and egress, got both \(addressSpace "10.1.0.0\/16"\)/,
    fix: 'Drop `addressSpace`, the subnet CIDRs and `natGateway` when passing `network`.',
  },
  {
    construct: 'PrivateChat',
    prop: 'chatDeploymentName',
    description: 'names one of the given models',
    build: () => build.chat({ models: [ok], chatDeploymentName: 'gpt-4o' }),
    expected: /'chatDeploymentName' must name one of the deployments in 'models' \('gpt-4.1-mini'\), got 'gpt-4o'/,
    fix: 'Use the `name` (or model name) of one entry of `models`.',
  },
  {
    construct: 'PrivateChat',
    prop: 'chatDeploymentName',
    description: 'names one of the default deployments',
    build: () => build.chat({ chatDeploymentName: 'gpt-4o' }),
    expected: /'chatDeploymentName' must name one of the account's deployments \('gpt-4.1-mini'\), got 'gpt-4o'/,
    fix: 'Leave it unset, or list the model in `models`.',
  },
  {
    construct: 'PrivateChat',
    prop: 'models',
    description: 'at least one model for the chat app',
    build: () => build.chat({ models: [] }),
    expected: /'models' must list at least one deployment for the chat app, got \[\]/,
    fix: 'Leave `models` unset for the default, or list at least one.',
  },
  {
    construct: 'PrivateChat',
    prop: 'appServicePlanSku',
    description: 'a SKU with private endpoints and VNet integration',
    build: () => build.chat({ appServicePlanSku: 'F1' }),
    expected: /'appServicePlanSku' must be a SKU that supports private endpoints and VNet integration: one of B1, .*, got 'F1'/,
    fix: 'Use Basic, Standard or Premium v2/v3/v4 (default `P0v3`).',
  },
];

const OTHERS: CatalogueEntry[] = [
  {
    construct: 'Principal',
    prop: 'objectId',
    description: 'a GUID',
    build: () => Principal.fromGroupObjectId(newStack(), 'Operators', 'chat-operators'),
    expected: /^Principal 'test\/Operators': 'objectId' must be a GUID .*, got 'chat-operators'$/,
    fix: 'Pass the object id (`az ad group show -g <name> --query id`), not the name.',
  },
  {
    construct: 'Compliance.acknowledge',
    prop: 'ruleId',
    description: 'a rule of the pack',
    build: () => Compliance.acknowledge(build.vault(), 'CKV_AZURE_42', 'Recovery is handled by the backup vault'),
    expected: /'ruleId' must be the id of a rule in Compliance.rules\(\) \(e.g. 'PCHAT-KV-001'; see docs\/compliance.md\), got 'CKV_AZURE_42'/,
    fix: 'Use the rule id from the failure message or docs/compliance.md.',
  },
  {
    construct: 'Compliance.acknowledge',
    prop: 'reason',
    description: 'must not be empty',
    build: () => Compliance.acknowledge(build.vault(), 'PCHAT-KV-001', ' '),
    expected: /'reason' must not be empty, got ' '/,
    fix: 'Say why the deviation is accepted.',
  },
  {
    construct: 'Compliance.acknowledge',
    prop: 'reason',
    description: 'a real explanation',
    build: () => Compliance.acknowledge(build.vault(), 'PCHAT-KV-001', 'test'),
    expected: /'reason' must explain the deviation in at least 10 characters, got 'test'/,
    fix: 'Write a sentence a reviewer can check later.',
  },
  {
    construct: 'Compliance.acknowledge',
    prop: 'ruleId',
    description: 'one reason per rule and construct',
    build: () => {
      const vault = build.vault();
      Compliance.acknowledge(vault, 'PCHAT-KV-001', 'Short-lived test vault that must be purgeable');
      Compliance.acknowledge(vault, 'PCHAT-KV-001', 'Another reason for the same rule');
    },
    expected: /'ruleId' is already acknowledged on this construct with reason 'Short-lived test vault that must be purgeable', got 'PCHAT-KV-001'/,
    fix: 'Acknowledge each rule once per construct; edit the existing reason instead.',
  },
];

/** Every rule, grouped by construct in the order the docs list them. */
export const CATALOGUE: CatalogueEntry[] = [
  ...NETWORK, ...DNS_ZONES, ...ENDPOINT, ...MONITORING, ...OPENAI, ...DEPLOYMENT, ...FILTER,
  ...VAULT, ...IDENTITY, ...WEB_APP, ...IMAGE, ...SIGN_IN, ...CHAT, ...OTHERS,
];

/** The construct a warning entry returns, for reading its annotations. */
export function asConstruct(value: unknown): IConstruct {
  if (value && typeof value === 'object' && 'node' in value) return value as IConstruct;
  throw new Error('a warning entry must return the construct it built');
}
