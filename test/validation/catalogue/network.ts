import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  CatalogueEntry, SUB, RG, LOCATION, GUID, VNET_ID, VAULT_ID, DNS, STORAGE_ID, WORKSPACE_ID, base, build, placement,
} from './common';
import {
  AzureNameRule, Compliance, DiagnosticSettingOptions, Egress, EndpointCaller, IPrivateDnsZones, Monitoring, MonitorPrivateLinkScope,
  MonitorPrivateLinkScopeProps, Names, Principal, PrivateDnsZones, PrivateLinkZone, PrivateNetwork, ScopeAccessMode, ServicePrivateEndpoint,
  ZoneGroupMode,
} from '../../../src';
import { newStack } from '../../util';

/** Gives the shared placement entries (common.ts) their valid twin: the same construct with its defaults. */
function withTwin(entries: CatalogueEntry[], valid: () => unknown): CatalogueEntry[] {
  return entries.map((e) => ({ ...e, valid: e.valid ?? valid }));
}

/** Untyped input, as JavaScript callers (or TypeScript holding `any`) pass it. */
const js = <T>(value: unknown): T => value as T;

/** A monitored target and a workspace in one stack; `add` adds a diagnostic setting to the target. */
function diagnostics(...settings: [string, Partial<DiagnosticSettingOptions>][]) {
  const monitoring = build.monitoring();
  const target = new Construct(monitoring.node.scope!, 'Target');
  for (const [id, options] of settings) {
    monitoring.addDiagnosticSetting(target, id, { targetResourceId: VAULT_ID, ...options } as DiagnosticSettingOptions);
  }
  return monitoring;
}

/** An endpoint to a target of another type than the default Key Vault. */
const endpointTo = (fullType: string, subresource: string, zones = [PrivateLinkZone.KEY_VAULT]) =>
  build.endpoint({ targetResourceId: `${SUB}/resourceGroups/${RG}/providers/${fullType}/target`, subresource, zones });

const tooManyTags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`tag${i}`, 'x']));
const fiftyTags = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`tag${i}`, 'x']));

const NETWORK: CatalogueEntry[] = [
  ...withTwin(placement('PrivateNetwork', (p) => build.network(p)), () => build.network()),
  {
    construct: 'PrivateNetwork',
    prop: 'name',
    description: 'virtual network name: 2-64 characters',
    build: () => build.network({ name: 'v' }),
    expected: /'name' must be 2-64 characters long for a virtual network \(got 1\), got 'v'/,
    fix: 'Use a name of 2 to 64 characters, or leave `name` unset for a derived one.',
    valid: () => build.network({ name: 'vnet-chat' }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'name',
    description: 'virtual network name: allowed characters',
    build: () => build.network({ name: '-vnet' }),
    expected: /'name' must contain only letters, digits, underscores, periods and hyphens; .*, got '-vnet'/,
    fix: 'Start with a letter or digit, end with a letter, digit or `_`, and use only letters, digits, `_`, `.` and `-`.',
    valid: () => build.network({ name: 'vnet' }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'addressSpace',
    description: 'must be an IPv4 CIDR block',
    build: () => build.network({ addressSpace: '10.0.0.0' }),
    expected: /'addressSpace' must be an IPv4 CIDR block like 10.0.0.0\/16, got '10.0.0.0'/,
    fix: 'Write the block with its prefix length, e.g. `10.0.0.0/16`.',
    valid: () => build.network({ addressSpace: '10.0.0.0/16' }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'addressSpace',
    description: 'octets between 0 and 255',
    build: () => build.network({ addressSpace: '10.0.0.300/16' }),
    expected: /'addressSpace' must be an IPv4 CIDR block with octets between 0 and 255, got '10.0.0.300\/16'/,
    fix: 'Correct the octet that is above 255.',
    valid: () => build.network({ addressSpace: '10.0.0.0/16' }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'addressSpace',
    description: 'prefix length between 0 and 32',
    build: () => build.network({ addressSpace: '10.0.0.0/33' }),
    expected: /'addressSpace' must have a prefix length between 0 and 32, got '10.0.0.0\/33'/,
    fix: 'Use a prefix length of 32 or less (a VNet is usually /16 to /24).',
    valid: () => build.network({ addressSpace: '10.0.0.0/16' }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'addressSpace',
    description: 'no host bits set',
    build: () => build.network({ addressSpace: '10.0.0.1/16' }),
    expected: /'addressSpace' must have no host bits set \(did you mean 10.0.0.0\/16\?\), got '10.0.0.1\/16'/,
    fix: 'Use the network address the message suggests; Azure rejects a prefix with host bits.',
    valid: () => build.network({ addressSpace: '10.0.0.0/16' }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'privateEndpointSubnetCidr',
    description: 'subnet of at least a /28',
    build: () => build.network({ privateEndpointSubnetCidr: '10.0.0.0/29' }),
    expected: /'privateEndpointSubnetCidr' must be a \/28 or larger \(Azure reserves 5 addresses per subnet\), got '10.0.0.0\/29'/,
    fix: 'Give the subnet a /28 or a larger block (smaller prefix length).',
    valid: () => build.network({ privateEndpointSubnetCidr: '10.0.0.0/28' }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'appIntegrationSubnetCidr',
    description: 'subnet inside the address space',
    build: () => build.network({ appIntegrationSubnetCidr: '10.1.0.0/24' }),
    expected: /'appIntegrationSubnetCidr' must lie inside addressSpace '10.0.0.0\/16', got '10.1.0.0\/24'/,
    fix: 'Pick a block inside `addressSpace`, or widen `addressSpace`.',
    valid: () => build.network({ appIntegrationSubnetCidr: '10.0.1.0/24' }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'privateEndpointSubnetCidr',
    description: 'the two subnets must not overlap',
    build: () => build.network({ privateEndpointSubnetCidr: '10.0.0.0/23', appIntegrationSubnetCidr: '10.0.1.0/24' }),
    expected: /'privateEndpointSubnetCidr' \('10.0.0.0\/23'\) and 'appIntegrationSubnetCidr' \('10.0.1.0\/24'\) must not overlap, got '10.0.1.0\/24' in both/,
    fix: 'Give the subnets disjoint blocks, e.g. `10.0.0.0/24` and `10.0.1.0/24`.',
    valid: () => build.network({ privateEndpointSubnetCidr: '10.0.0.0/24', appIntegrationSubnetCidr: '10.0.1.0/24' }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'dnsServers[1]',
    description: 'DNS servers are IPv4 addresses',
    build: () => build.network({ dnsServers: ['10.10.0.4', '10.10.0.300'] }),
    expected: /'dnsServers\[1\]' must be an IPv4 address, got '10.10.0.300'/,
    fix: 'List IP addresses (e.g. a hub DNS resolver inbound endpoint), not host names.',
    valid: () => build.network({ dnsServers: ['10.10.0.4', '10.10.0.5'] }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'appIntegrationSubnetCidr',
    description: 'app subnet smaller than the recommended /26',
    warning: true,
    build: () => build.network({ appIntegrationSubnetCidr: '10.0.1.0/27' }),
    expected: /'appIntegrationSubnetCidr' is a \/27; Microsoft recommends a \/26 or larger so the App Service plan can scale out/,
    fix: 'Use a /26 or larger; keep a /27 or /28 only for a plan that never scales out.',
    valid: () => build.network({ appIntegrationSubnetCidr: '10.0.1.0/26' }),
  },
  {
    construct: 'PrivateNetwork.fromAttributes',
    prop: 'virtualNetworkId',
    description: 'must be an Azure resource id',
    build: () => build.networkAttrs({ virtualNetworkId: 'vnet-spoke' }),
    expected: /'virtualNetworkId' must be an Azure resource id \(\/subscriptions\/<id>\/resourceGroups\/<rg>\/providers\/<namespace>\/<type>\/<name>\), got 'vnet-spoke'/,
    fix: 'Pass the full resource id, e.g. from `az network vnet show --query id`.',
    valid: () => build.networkAttrs(),
  },
  {
    construct: 'PrivateNetwork.fromAttributes',
    prop: 'virtualNetworkId',
    description: 'a pasted id with a trailing slash',
    build: () => build.networkAttrs({ virtualNetworkId: `${VNET_ID}/` }),
    expected: /'virtualNetworkId' must be an Azure resource id without a trailing '\/' \(remove the trailing '\/': Azure ids end with the resource's name\), got '\/subscriptions\/.*\/vnet-spoke\/'/,
    fix: 'Remove the trailing `/` (the portal\'s address bar and some CLI output add one).',
    valid: () => build.networkAttrs({ virtualNetworkId: VNET_ID }),
  },
  {
    construct: 'PrivateNetwork.fromAttributes',
    prop: 'virtualNetworkId',
    description: 'must be a virtual network id',
    build: () => build.networkAttrs({ virtualNetworkId: STORAGE_ID }),
    expected: /'virtualNetworkId' must be the id of a Microsoft.Network\/virtualNetworks resource \(found Microsoft.Storage\/storageAccounts\), got '\/subscriptions\/.*'/,
    fix: 'Pass the id of the virtual network, not of another resource.',
    valid: () => build.networkAttrs(),
  },
  {
    construct: 'PrivateNetwork.fromAttributes',
    prop: 'privateEndpointSubnetId',
    description: 'subnet of the given VNet',
    build: () => build.networkAttrs({ privateEndpointSubnetId: `${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-other/subnets/pe` }),
    expected: /'privateEndpointSubnetId' must be a subnet of virtualNetworkId '.*vnet-spoke' \(<vnet id>\/subnets\/<name>\), got '\/subscriptions\/.*'/,
    fix: 'Use subnets of the virtual network given as `virtualNetworkId`.',
    valid: () => build.networkAttrs({ privateEndpointSubnetId: `${VNET_ID}/subnets/pe` }),
  },
  {
    construct: 'PrivateNetwork.fromAttributes',
    prop: 'appIntegrationSubnetId',
    description: 'the two subnets must differ',
    build: () => build.networkAttrs({ privateEndpointSubnetId: `${VNET_ID}/subnets/shared`, appIntegrationSubnetId: `${VNET_ID}/subnets/shared` }),
    expected: /'privateEndpointSubnetId' and 'appIntegrationSubnetId' must be different subnets: .*, got '.*\/subnets\/shared' for both/,
    fix: 'Use a subnet without delegation for endpoints and one delegated to `Microsoft.Web/serverFarms` for the app.',
    valid: () => build.networkAttrs({ privateEndpointSubnetId: `${VNET_ID}/subnets/shared`, appIntegrationSubnetId: `${VNET_ID}/subnets/app` }),
  },
  {
    construct: 'Egress.openInternet',
    prop: 'reason',
    description: 'opening the Internet says why',
    factory: true,
    build: () => Egress.natGateway().openInternet('needed'),
    expected: /^Egress.openInternet: 'reason' must say why the Internet must be reachable, in at least 10 characters, got 'needed'$/,
    fix: 'Say which feature needs the Internet and who decided, e.g. `web search for the research team (SEC-42)`; opening weakens isolation and the compliance report shows the reason.',
    valid: () => Egress.natGateway().openInternet('web search for the research team'),
  },
  {
    construct: 'Egress.openInternet',
    prop: 'kind',
    description: 'only a path out can be opened',
    factory: true,
    build: () => Egress.none().openInternet('web search for the research team'),
    expected: /^Egress.openInternet: 'kind' must have a path out to open: Egress.none\(\) has none .*, got 'None'$/,
    fix: 'Open a path: `Egress.natGateway().openInternet(reason)`, `Egress.throughFirewall(ip).openInternet(reason)` or `Egress.providedElsewhere(description).openInternet(reason)`.',
    valid: () => Egress.natGateway().openInternet('web search for the research team'),
  },
  {
    construct: 'Egress.openInternet',
    prop: 'reason',
    description: 'opened once',
    factory: true,
    build: () => Egress.natGateway().openInternet('web search for the research team').openInternet('tools that fetch URLs'),
    expected: /^Egress.openInternet: 'reason' is already set to 'web search for the research team': call openInternet once, got 'tools that fetch URLs'$/,
    fix: 'Call `openInternet` once, with every reason in one sentence.',
    valid: () => Egress.natGateway().openInternet('web search and tools that fetch URLs'),
  },
];

const DNS_ZONES: CatalogueEntry[] = [
  ...withTwin(placement('PrivateDnsZones', (p) => build.dnsZones(p)).filter((e) => e.prop !== 'location'), () => build.dnsZones()),
  {
    construct: 'PrivateDnsZones',
    prop: 'zones',
    description: 'at least one zone',
    build: () => build.dnsZones({ zones: [] }),
    expected: /'zones' must list at least one zone, got \[\]/,
    fix: 'Leave `zones` unset for all five, or list the zones your endpoints need.',
    valid: () => build.dnsZones({ zones: [PrivateLinkZone.KEY_VAULT] }),
  },
  {
    construct: 'PrivateDnsZones',
    prop: 'zones[1]',
    description: 'no zone twice',
    build: () => build.dnsZones({ zones: [PrivateLinkZone.KEY_VAULT, PrivateLinkZone.KEY_VAULT] }),
    expected: /'zones\[1\]' must not repeat a zone, got 'privatelink.vaultcore.azure.net'/,
    fix: 'List each `PrivateLinkZone` once.',
    valid: () => build.dnsZones({ zones: [PrivateLinkZone.KEY_VAULT, PrivateLinkZone.OPENAI] }),
  },
  {
    construct: 'PrivateDnsZones',
    prop: 'zones',
    description: 'holds the zone an endpoint asks for',
    build: () => {
      const zones = build.dnsZones({ zones: [PrivateLinkZone.KEY_VAULT] });
      return zones.zoneIdFor(PrivateLinkZone.OPENAI);
    },
    valid: () => {
      const zones = build.dnsZones({ zones: [PrivateLinkZone.KEY_VAULT, PrivateLinkZone.OPENAI] });
      zones.zoneIdFor(PrivateLinkZone.OPENAI);
      return zones;
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
    valid: () => build.hubZones({ openAi: `${DNS}/privatelink.openai.azure.com` }),
  },
  {
    construct: 'PrivateDnsZones.fromHubZoneIds',
    prop: 'keyVault',
    description: 'must be the id of the matching zone',
    build: () => build.hubZones({ keyVault: `${DNS}/privatelink.blob.core.windows.net` }),
    expected: /'keyVault' must be the id of the private DNS zone 'privatelink.vaultcore.azure.net' \(…\/privateDnsZones\/privatelink.vaultcore.azure.net\), got '\/subscriptions\/.*'/,
    fix: 'Give each key the id of its own zone; the message names the zone expected.',
    valid: () => build.hubZones({ keyVault: `${DNS}/privatelink.vaultcore.azure.net` }),
  },
  {
    construct: 'PrivateDnsZones.fromHubZoneIds',
    prop: 'appService',
    description: 'holds the zone an endpoint asks for',
    build: () => build.hubZones({ keyVault: `${DNS}/privatelink.vaultcore.azure.net` }).zoneIdFor(PrivateLinkZone.APP_SERVICE),
    valid: () => {
      const zones = build.hubZones({ keyVault: `${DNS}/privatelink.vaultcore.azure.net`, appService: `${DNS}/privatelink.azurewebsites.net` });
      zones.zoneIdFor(PrivateLinkZone.APP_SERVICE);
      return zones;
    },
    expected: /'appService' is needed for a private endpoint in zone 'privatelink.azurewebsites.net' but was not given to fromHubZoneIds, got 'keyVault'/,
    fix: 'Pass the hub\'s zone id for the key the message names.',
  },
];

const ENDPOINT: CatalogueEntry[] = [
  ...withTwin(placement('ServicePrivateEndpoint', (p) => build.endpoint(p)), () => build.endpoint()),
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'targetResourceId',
    description: 'must be an Azure resource id',
    build: () => build.endpoint({ targetResourceId: 'kv-shared' }),
    expected: /'targetResourceId' must be an Azure resource id .*, got 'kv-shared'/,
    fix: 'Pass the id of the service, e.g. `vault.vaultId`.',
    valid: () => build.endpoint({ targetResourceId: VAULT_ID }),
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'subresource',
    description: 'must not be empty',
    build: () => build.endpoint({ subresource: '' }),
    expected: /'subresource' must not be empty, got ''/,
    fix: 'Name the sub-resource (group id) of the service: `account`, `vault`, `sites`…',
    valid: () => build.endpoint({ subresource: 'vault' }),
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'name',
    description: 'private endpoint name rule',
    build: () => build.endpoint({ name: 'pe-vault-' }),
    expected: /'name' must contain only letters, digits, underscores, periods and hyphens; .*, got 'pe-vault-'/,
    fix: 'Use 2-64 letters, digits, `_`, `.` and `-`, starting with a letter or digit and ending with a letter, digit or `_`.',
    valid: () => build.endpoint({ name: 'pe-vault' }),
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'zones',
    description: 'at least one zone',
    build: () => build.endpoint({ zones: [] }),
    expected: /'zones' must list at least one private DNS zone, got \[\]/,
    fix: 'List the zone(s) that resolve the service, e.g. `[PrivateLinkZone.KEY_VAULT]`.',
    valid: () => build.endpoint({ zones: [PrivateLinkZone.KEY_VAULT] }),
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'zones',
    description: 'no zone twice',
    build: () => build.endpoint({ zones: [PrivateLinkZone.KEY_VAULT, PrivateLinkZone.KEY_VAULT] }),
    expected: /'zones' must not repeat a zone, got \["privatelink.vaultcore.azure.net","privatelink.vaultcore.azure.net"\]/,
    fix: 'List each zone once; all of them go into the endpoint\'s single zone group.',
    valid: () => build.endpoint({ zones: [PrivateLinkZone.KEY_VAULT] }),
  },
];

const MONITORING: CatalogueEntry[] = [
  ...withTwin(placement('Monitoring', (p) => build.monitoring(p)), () => build.monitoring()),
  {
    construct: 'Monitoring',
    prop: 'name',
    description: 'Log Analytics workspace name rule',
    build: () => build.monitoring({ name: 'log' }),
    expected: /'name' must be 4-63 characters long for a Log Analytics workspace \(got 3\), got 'log'/,
    fix: 'Use 4-63 letters, digits and hyphens, starting and ending with a letter or digit.',
    valid: () => build.monitoring({ name: 'log-chat' }),
  },
  {
    construct: 'Monitoring',
    prop: 'retentionInDays',
    description: 'between 30 and 730 days',
    build: () => build.monitoring({ retentionInDays: 7 }),
    expected: /'retentionInDays' must be an integer between 30 and 730, got 7/,
    fix: 'Keep logs 30 to 730 days (default 90); archive longer elsewhere.',
    valid: () => build.monitoring({ retentionInDays: 30 }),
  },
  {
    construct: 'Monitoring',
    prop: 'dailyQuotaGb',
    description: 'a positive number',
    build: () => build.monitoring({ dailyQuotaGb: 0 }),
    expected: /'dailyQuotaGb' must be a positive number of GB, got 0/,
    fix: 'Set a cap above 0 GB, or leave it unset for no cap.',
    valid: () => build.monitoring({ dailyQuotaGb: 0.5 }),
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
    valid: () => diagnostics(['Nothing', { logCategories: [], metrics: true }]),
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
    valid: () => diagnostics(['Logs', { targetResourceId: VAULT_ID }]),
    expected: /'addDiagnosticSetting\(Logs\).targetResourceId' must be an Azure resource id .*, got 'kv-shared'/,
    fix: 'Pass the id of the monitored resource, e.g. `vault.vaultId`.',
  },
  {
    construct: 'Monitoring.fromWorkspaceId',
    prop: 'workspaceId',
    description: 'must be a Log Analytics workspace id',
    build: () => Monitoring.fromWorkspaceId(newStack(), 'Central', `${SUB}/resourceGroups/rg-ops/providers/Microsoft.Insights/components/appi`),
    expected: /'workspaceId' must be the id of a Microsoft.OperationalInsights\/workspaces resource \(found Microsoft.Insights\/components\), got '.*Microsoft.Insights\/components\/appi'/,
    fix: 'Pass the workspace\'s resource id (`…/providers/Microsoft.OperationalInsights/workspaces/<name>`), not its workspace (customer) id.',
    valid: () => Monitoring.fromWorkspaceId(newStack(), 'Central', WORKSPACE_ID),
  },
];

/** A private link scope in a fresh stack with a network and the five Azure Monitor zones. */
export function monitorScope(p: Partial<MonitorPrivateLinkScopeProps> = {}): MonitorPrivateLinkScope {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
  const dnsZones = new PrivateDnsZones(stack, 'Zones', { resourceGroupName: RG, network, zones: PrivateLinkZone.azureMonitor() });
  return new MonitorPrivateLinkScope(stack, 'Scope', { resourceGroupName: RG, location: LOCATION, network, dnsZones, ...p });
}
const HUB_SCOPE = `${SUB}/resourceGroups/rg-hub/providers/Microsoft.Insights/privateLinkScopes/ampls-hub`;
const COMPONENT = `${SUB}/resourceGroups/${RG}/providers/Microsoft.Insights/components/appi-chat`;
const joinHub = (resourceId: string) => {
  const stack = newStack();
  return MonitorPrivateLinkScope.fromScopeId(stack, 'Hub', HUB_SCOPE).addScopedResource(new Construct(stack, 'Owner'), 'Join', resourceId);
};

const OTHER_SUB_SCOPE = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-hub/providers/Microsoft.Insights/privateLinkScopes/ampls-hub';
/** Joins a component to a scope from a stack whose provider names subscription 0000…, with or without a provider for the scope's. */
const joinScopeIn = (scopeId: string, withHubProvider = false) => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUB.split('/')[2] });
  const provider = withHubProvider
    ? new AzurermProvider(stack, 'hub', { features: [{}], alias: 'hub', subscriptionId: scopeId.split('/')[2] }) : undefined;
  return MonitorPrivateLinkScope.fromScopeId(stack, 'Hub', scopeId, { provider }).addScopedResource(new Construct(stack, 'Owner'), 'Join', COMPONENT);
};

const MONITOR_SCOPE: CatalogueEntry[] = [
  {
    construct: 'MonitorPrivateLinkScope',
    prop: 'ingestionAccessMode',
    description: 'PrivateOnly or Open',
    build: () => monitorScope({ ingestionAccessMode: js('Private') }),
    expected: /'ingestionAccessMode' must be one of 'PrivateOnly', 'Open', got 'Private'/,
    fix: 'Use `ScopeAccessMode.PRIVATE_ONLY` (the default) or `ScopeAccessMode.OPEN`.',
    valid: () => monitorScope({ ingestionAccessMode: ScopeAccessMode.PRIVATE_ONLY }),
  },
  {
    construct: 'MonitorPrivateLinkScope',
    prop: 'name',
    description: 'scope name rule',
    build: () => monitorScope({ name: 'ampls.' }),
    expected: /'name' must .*not ending with a period.*, got 'ampls.'/,
    fix: 'Use letters, digits, hyphens, underscores, periods and parentheses, not ending with a period.',
    valid: () => monitorScope({ name: 'ampls-(chat)' }),
  },
  {
    construct: 'MonitorPrivateLinkScope.fromScopeId',
    prop: 'scopeId',
    description: 'a private link scope id',
    build: () => MonitorPrivateLinkScope.fromScopeId(newStack(), 'Hub', WORKSPACE_ID),
    expected: /'scopeId' must be the id of a Microsoft.Insights\/privateLinkScopes resource \(found Microsoft.OperationalInsights\/workspaces\), got '.*'/,
    fix: 'Pass the scope\'s id (`…/providers/Microsoft.Insights/privateLinkScopes/<name>`).',
    valid: () => MonitorPrivateLinkScope.fromScopeId(newStack(), 'Hub', HUB_SCOPE),
  },
  {
    construct: 'MonitorPrivateLinkScope.fromScopeId',
    prop: 'addScopedResource.resourceId',
    description: 'a workspace or an Application Insights component',
    build: () => joinHub(VAULT_ID),
    expected: /'addScopedResource.resourceId' must be the id of a Microsoft.OperationalInsights\/workspaces or Microsoft.Insights\/components resource \(found Microsoft.KeyVault\/vaults\), got '.*vaults.*'/,
    fix: 'Scope only workspaces and Application Insights components.',
    valid: () => joinHub(COMPONENT),
  },
  {
    construct: 'MonitorPrivateLinkScope.fromScopeId',
    prop: 'scopeId',
    description: 'in the subscription of the provider that creates the scoped services',
    build: () => joinScopeIn(OTHER_SUB_SCOPE),
    expected: /'scopeId' is in subscription 11111111-1111-1111-1111-111111111111, but azurerm_monitor_private_link_scoped_service .*, and the stack's azurerm provider is in subscription 00000000-0000-0000-0000-000000000000; pass an azurerm provider for that subscription as 'options.provider' of fromScopeId, .*got '\/subscriptions\/1{8}-.*ampls-hub'/,
    fix: 'Pass `{ provider: new AzurermProvider(this, \'hub\', { features: [{}], alias: \'hub\', subscriptionId: \'<scope subscription>\' }) }` as the fourth argument of `fromScopeId`. Without `subscriptionId` on the stack\'s provider, a precondition fails the plan with the same message.',
    valid: () => joinScopeIn(OTHER_SUB_SCOPE, true),
  },
  {
    construct: 'MonitorPrivateLinkScope.fromScopeId',
    prop: 'options.provider',
    description: 'a provider, not a subscription id',
    build: () => MonitorPrivateLinkScope.fromScopeId(newStack(), 'Hub', OTHER_SUB_SCOPE, { provider: js(OTHER_SUB_SCOPE.split('/')[2]) }),
    expected: /'options.provider' must be an AzurermProvider for the scope's subscription, got '11111111-1111-1111-1111-111111111111'/,
    fix: 'Pass an `AzurermProvider` (with an `alias`) whose `subscriptionId` is the scope\'s subscription, not the subscription id itself.',
    valid: () => joinScopeIn(OTHER_SUB_SCOPE, true),
  },
  {
    construct: 'MonitorPrivateLinkScope.fromScopeId',
    prop: 'options.provider',
    description: 'an azurerm provider',
    build: () => {
      const stack = newStack();
      return MonitorPrivateLinkScope.fromScopeId(stack, 'Hub', OTHER_SUB_SCOPE, { provider: new AzureadProvider(stack, 'entra', {}) });
    },
    expected: /'options.provider' must be an azurerm provider \(AzurermProvider\) for the scope's subscription, got 'azuread'/,
    fix: 'The scoped services are azurerm resources: pass an `AzurermProvider` for the scope\'s subscription.',
    valid: () => joinScopeIn(OTHER_SUB_SCOPE, true),
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
    valid: () => Principal.fromGroupObjectId(newStack(), 'Operators', GUID),
  },
  {
    construct: 'Compliance.acknowledge',
    prop: 'ruleId',
    description: 'a rule of the pack',
    build: () => Compliance.acknowledge(build.vault(), 'CKV_AZURE_42', 'Recovery is handled by the backup vault'),
    expected: /'ruleId' must be the id of a rule in Compliance.rules\(\) \(e.g. 'PCHAT-KV-001'; see docs\/compliance.md\), got 'CKV_AZURE_42'/,
    fix: 'Use the rule id from the failure message or docs/compliance.md.',
    valid: () => { const vault = build.vault(); Compliance.acknowledge(vault, 'PCHAT-KV-002', 'Recovery is handled by the backup vault'); return vault; },
  },
  {
    construct: 'Compliance.acknowledge',
    prop: 'reason',
    description: 'must not be empty',
    build: () => Compliance.acknowledge(build.vault(), 'PCHAT-KV-001', ' '),
    expected: /'reason' must not be empty, got ' '/,
    fix: 'Say why the deviation is accepted.',
    valid: () => { const vault = build.vault(); Compliance.acknowledge(vault, 'PCHAT-KV-002', 'Short-lived test vault that must be purgeable'); return vault; },
  },
  {
    construct: 'Compliance.acknowledge',
    prop: 'reason',
    description: 'a real explanation',
    build: () => Compliance.acknowledge(build.vault(), 'PCHAT-KV-001', 'test'),
    expected: /'reason' must explain the deviation in at least 10 characters, got 'test'/,
    fix: 'Write a sentence a reviewer can check later.',
    valid: () => { const vault = build.vault(); Compliance.acknowledge(vault, 'PCHAT-KV-002', 'Short-lived test vault that must be purgeable'); return vault; },
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
    valid: () => {
      const vault = build.vault();
      Compliance.acknowledge(vault, 'PCHAT-KV-001', 'Short-lived test vault that must be purgeable');
      Compliance.acknowledge(vault, 'PCHAT-KV-002', 'Another reason, for another rule');
      return vault;
    },
    expected: /'ruleId' is already acknowledged on this construct with reason 'Short-lived test vault that must be purgeable', got 'PCHAT-KV-001'/,
    fix: 'Acknowledge each rule once per construct; edit the existing reason instead.',
  },
];

/** Bad input found by the adversarial review (issue 11): types, addresses, ids, regions, names. */
const NETWORK_BOUNDARY: CatalogueEntry[] = [
  {
    construct: 'PrivateNetwork',
    prop: 'natGateway',
    description: 'a boolean, not a string',
    build: () => build.network({ natGateway: js('false') }),
    expected: /'natGateway' must be true or false \(a boolean, not a string or number\), got 'false'/,
    fix: 'Pass `natGateway: false` (the boolean), not the string `\'false\'`.',
    valid: () => build.network({ natGateway: false }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'location',
    description: 'required, not null',
    build: () => build.network({ location: js(null) }),
    expected: /'location' must be a string, got null/,
    fix: 'Pass the region name, e.g. `swedencentral`.',
    valid: () => build.network({ location: LOCATION }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'location',
    description: 'no surrounding whitespace',
    build: () => build.network({ location: 'swedencentral ' }),
    expected: /'location' must not start or end with whitespace, got 'swedencentral '/,
    fix: 'Trim the region name (it often comes from a file or variable with a trailing newline).',
    valid: () => build.network({ location: 'Sweden Central' }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'dnsServers[1]',
    description: 'no undefined element',
    build: () => build.network({ dnsServers: js(['10.10.0.4', undefined]) }),
    expected: /'dnsServers\[1\]' must be a string, got undefined/,
    fix: 'Remove the empty element, or give its address.',
    valid: () => build.network({ dnsServers: ['10.10.0.4'] }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'adressSpace',
    description: 'no unknown (misspelt) prop',
    build: () => build.network(js({ adressSpace: '10.1.0.0/16' })),
    expected: /'adressSpace' is not a known prop \(did you mean 'addressSpace'\? known: .*addressSpace.*\), got '10.1.0.0\/16'/,
    fix: 'Correct the spelling to one of the known props the message lists.',
    valid: () => build.network({ addressSpace: '10.0.0.0/16' }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'tags.team',
    description: 'tag values are strings',
    build: () => build.network({ tags: js({ team: 42 }) }),
    expected: /'tags.team' must be a string, got 42/,
    fix: 'Quote the tag value: `{ team: \'42\' }`.',
    valid: () => build.network({ tags: { team: '42' } }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'tags.cost/center',
    description: 'tag names without < > % & \\ ? /',
    build: () => build.network({ tags: { 'cost/center': 'x' } }),
    expected: /'tags.cost\/center' is not a valid tag name: .*, got 'cost\/center'/,
    fix: 'Use another separator in the tag name, e.g. `cost-center`.',
    valid: () => build.network({ tags: { 'cost-center': 'x' } }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'addressSpace',
    description: 'not 0.0.0.0/0',
    build: () => build.network({ addressSpace: '0.0.0.0/0' }),
    expected: /'addressSpace' must not be 0.0.0.0\/0: .*, got '0.0.0.0\/0'/,
    fix: 'Give the VNet a bounded private range, e.g. `10.0.0.0/16`.',
    valid: () => build.network({ addressSpace: '10.0.0.0/16' }),
  },
  ...([
    ['0.0.0.0/8 (this network)', '0.0.0.0/16', /'addressSpace' must not overlap 0.0.0.0\/8 \('this network'\), .*, got '0.0.0.0\/16'/],
    ['loopback', '127.0.0.0/16', /'addressSpace' must not overlap 127.0.0.0\/8 \(loopback\), .*, got '127.0.0.0\/16'/],
    ['link-local', '169.254.0.0/16', /'addressSpace' must not overlap 169.254.0.0\/16 \(link-local\), .*, got '169.254.0.0\/16'/],
    ['multicast', '224.0.0.0/16', /'addressSpace' must not overlap 224.0.0.0\/4 \(multicast\), .*, got '224.0.0.0\/16'/],
    ['reserved 240.0.0.0/4', '240.0.0.0/16', /'addressSpace' must not overlap 240.0.0.0\/4 .*, got '240.0.0.0\/16'/],
    ['Azure\'s platform address 168.63.129.16', '168.63.0.0/16', /'addressSpace' must not overlap 168.63.129.16 .*, got '168.63.0.0\/16'/],
  ] as const).map(([what, addressSpace, expected]): CatalogueEntry => ({
    construct: 'PrivateNetwork',
    prop: 'addressSpace',
    description: `no ${what} range`,
    build: () => build.network({ addressSpace }),
    expected,
    fix: 'Use a private range (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) that your other networks do not use.',
    valid: () => build.network({ addressSpace: '10.0.0.0/16' }),
  })),
  {
    construct: 'PrivateNetwork',
    prop: 'addressSpace',
    description: 'a public range deploys, with a warning',
    warning: true,
    build: () => build.network({ addressSpace: '20.0.0.0/16', privateEndpointSubnetCidr: '20.0.0.0/24', appIntegrationSubnetCidr: '20.0.1.0/24' }),
    expected: /'addressSpace' 20.0.0.0\/16 is not a private .* \[public-address-space\]/,
    fix: 'Use a private range; if the public range is yours and deliberate, `Warnings.acknowledge(network, \'public-address-space\', reason)`.',
    valid: () => build.network({ addressSpace: '10.0.0.0/16', privateEndpointSubnetCidr: '10.0.0.0/24', appIntegrationSubnetCidr: '10.0.1.0/24' }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'privateEndpointSubnetCidr',
    description: 'no reserved range in a subnet',
    build: () => build.network({ addressSpace: js(undefined), privateEndpointSubnetCidr: '127.0.0.0/24' }),
    expected: /'privateEndpointSubnetCidr' must not overlap 127.0.0.0\/8 \(loopback\), .*, got '127.0.0.0\/24'/,
    fix: 'Pick the subnet inside a private address space.',
    valid: () => build.network({ privateEndpointSubnetCidr: '10.0.0.0/24' }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'dnsServers[0]',
    description: 'a usable DNS server address',
    build: () => build.network({ dnsServers: ['127.0.0.1'] }),
    expected: /'dnsServers\[0\]' must be a usable IPv4 address, not in 127.0.0.0\/8 \(loopback\), got '127.0.0.1'/,
    fix: 'List the address of a DNS server the VNet can reach (e.g. a hub DNS resolver inbound endpoint).',
    valid: () => build.network({ dnsServers: ['168.63.129.16'] }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'dnsServers[1]',
    description: 'no DNS server twice',
    build: () => build.network({ dnsServers: ['10.10.0.4', '10.10.0.4'] }),
    expected: /'dnsServers\[1\]' must not repeat a DNS server, got '10.10.0.4'/,
    fix: 'List each DNS server once.',
    valid: () => build.network({ dnsServers: ['10.10.0.4', '10.10.0.5'] }),
  },
  {
    construct: 'PrivateNetwork',
    prop: 'resourceGroupName',
    description: 'Unicode letters are allowed, a trailing period is not',
    build: () => build.network({ resourceGroupName: 'rg-données.' }),
    expected: /'resourceGroupName' must contain only letters, digits, .*, got 'rg-données\.'/,
    fix: 'Drop the trailing period; letters and digits of any script are fine.',
    valid: () => build.network({ resourceGroupName: 'rg-données' }),
  },
  {
    construct: 'PrivateNetwork.fromAttributes',
    prop: 'virtualNetworkId',
    description: 'a VNet id, not a subnet id',
    build: () => build.networkAttrs({ virtualNetworkId: `${VNET_ID}/subnets/pe` }),
    expected: /'virtualNetworkId' must be the id of a Microsoft.Network\/virtualNetworks resource \(found Microsoft.Network\/virtualNetworks\/subnets\), got '\/subscriptions\/.*'/,
    fix: 'Pass the VNet id, without `/subnets/<name>`.',
    valid: () => build.networkAttrs({ virtualNetworkId: VNET_ID }),
  },
  {
    construct: 'PrivateNetwork.fromAttributes',
    prop: 'privateEndpointSubnetId',
    description: 'a subnet id, not a VNet id',
    build: () => build.networkAttrs({ privateEndpointSubnetId: VNET_ID }),
    expected: /'privateEndpointSubnetId' must be the id of a Microsoft.Network\/virtualNetworks\/subnets resource \(found Microsoft.Network\/virtualNetworks\), got '\/subscriptions\/.*'/,
    fix: 'Pass the subnet id (`<vnet id>/subnets/<name>`).',
    valid: () => build.networkAttrs({ privateEndpointSubnetId: `${VNET_ID}/subnets/private-endpoints` }),
  },
  {
    construct: 'PrivateNetwork.fromAttributes',
    prop: 'appIntegrationSubnetId',
    description: 'no empty segment',
    build: () => build.networkAttrs({ appIntegrationSubnetId: `${VNET_ID}/subnets/` }),
    expected: /'appIntegrationSubnetId' must be an Azure resource id .*, got '\/subscriptions\/.*'/,
    fix: 'Complete the id with the subnet name.',
    valid: () => build.networkAttrs({ appIntegrationSubnetId: `${VNET_ID}/subnets/app-integration` }),
  },
  {
    construct: 'PrivateNetwork.fromAttributes',
    prop: 'virtualNetworkId',
    description: 'a GUID subscription',
    build: () => build.networkAttrs({
      virtualNetworkId: '/subscriptions/0000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke',
      privateEndpointSubnetId: '/subscriptions/0000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/pe',
      appIntegrationSubnetId: '/subscriptions/0000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/app',
    }),
    expected: /'virtualNetworkId' must be an Azure resource id .*, got '\/subscriptions\/0000\/.*'/,
    fix: 'Copy the id from Azure (`az network vnet show --query id`); the subscription is a GUID.',
    valid: () => build.networkAttrs(),
  },
  {
    construct: 'PrivateNetwork.fromAttributes',
    prop: 'location',
    description: 'a known region when given',
    build: () => build.networkAttrs({ location: 'sweden' }),
    expected: /'location' must be an Azure region name such as 'swedencentral'.*, got 'sweden'/,
    fix: 'Give the VNet\'s region (`az network vnet show --query location`), or leave it out.',
    valid: () => build.networkAttrs({ location: 'swedencentral' }),
  },
  {
    construct: 'PrivateNetwork.fromAttributes',
    prop: 'location',
    description: 'no surrounding whitespace',
    build: () => build.networkAttrs({ location: ' westeurope' }),
    expected: /'location' must not start or end with whitespace, got ' westeurope'/,
    fix: 'Trim the region name.',
    valid: () => build.networkAttrs({ location: 'westeurope' }),
  },
  {
    construct: 'PrivateNetwork.fromAttributes',
    prop: 'subnetId',
    description: 'no unknown attribute',
    build: () => build.networkAttrs(js({ subnetId: `${VNET_ID}/subnets/pe` })),
    expected: /'subnetId' is not a known prop \(known: appIntegrationSubnetId, location, privateEndpointSubnetId, virtualNetworkId\), got '\/subscriptions\/.*'/,
    fix: 'Use `privateEndpointSubnetId` and `appIntegrationSubnetId`.',
    valid: () => build.networkAttrs(),
  },
];

const DNS_BOUNDARY: CatalogueEntry[] = [
  {
    construct: 'PrivateDnsZones',
    prop: 'zones[0]',
    description: 'PrivateLinkZone values, not zone names',
    build: () => build.dnsZones({ zones: js(['privatelink.vaultcore.azure.net']) }),
    expected: /'zones\[0\]' must be a PrivateLinkZone \(e.g. PrivateLinkZone.KEY_VAULT\), got 'privatelink.vaultcore.azure.net'/,
    fix: 'Use the constants: `PrivateLinkZone.KEY_VAULT`.',
    valid: () => build.dnsZones({ zones: [PrivateLinkZone.KEY_VAULT] }),
  },
  {
    construct: 'PrivateDnsZones',
    prop: 'zones[1]',
    description: 'no undefined zone',
    build: () => build.dnsZones({ zones: js([PrivateLinkZone.KEY_VAULT, undefined]) }),
    expected: /'zones\[1\]' must be a PrivateLinkZone .*, got undefined/,
    fix: 'Remove the empty element (often a misspelt constant such as `PrivateLinkZone.KEYVAULT`).',
    valid: () => build.dnsZones({ zones: [PrivateLinkZone.KEY_VAULT] }),
  },
  {
    construct: 'PrivateDnsZones',
    prop: 'network',
    description: 'a network construct, not an id',
    build: () => build.dnsZones({ network: js(VNET_ID) }),
    expected: /'network' must be a PrivateNetwork or PrivateNetwork.fromAttributes\(...\), got '\/subscriptions\/.*'/,
    fix: 'Wrap an existing VNet with `PrivateNetwork.fromAttributes(...)`.',
    valid: () => build.dnsZones(),
  },
  {
    construct: 'PrivateDnsZones',
    prop: 'tags',
    description: 'at most 50 tags',
    build: () => build.dnsZones({ tags: tooManyTags }),
    expected: /'tags' must hold at most 50 tags \(Azure's limit per resource\), got '51 tags'/,
    fix: 'Keep at most 50 tags per resource.',
    valid: () => build.dnsZones({ tags: fiftyTags }),
  },
  {
    construct: 'PrivateDnsZones',
    prop: 'zone',
    description: 'zoneIdFor takes a PrivateLinkZone',
    build: () => build.dnsZones().zoneIdFor(js('keyVault')),
    expected: /'zone' must be a PrivateLinkZone .*, got 'keyVault'/,
    fix: 'Pass the constant: `zoneIdFor(PrivateLinkZone.KEY_VAULT)`.',
    valid: () => {
      const zones = build.dnsZones();
      zones.zoneIdFor(PrivateLinkZone.KEY_VAULT);
      return zones;
    },
  },
  {
    construct: 'PrivateDnsZones.fromHubZoneIds',
    prop: 'keyVault',
    description: 'a private DNS zone, not a public one',
    build: () => build.hubZones({ keyVault: `${SUB}/resourceGroups/rg-dns/providers/Microsoft.Network/dnszones/privatelink.vaultcore.azure.net` }),
    expected: /'keyVault' must be the id of a Microsoft.Network\/privateDnsZones resource \(found Microsoft.Network\/dnszones\), got '\/subscriptions\/.*'/,
    fix: 'Pass the id of the private zone (`Microsoft.Network/privateDnsZones`).',
    valid: () => build.hubZones({ keyVault: `${DNS}/privatelink.vaultcore.azure.net` }),
  },
  {
    construct: 'PrivateDnsZones.fromHubZoneIds',
    prop: 'openAi',
    description: 'the exact zone name, not one that ends like it',
    build: () => build.hubZones({ openAi: `${DNS}/contoso.privatelink.openai.azure.com` }),
    expected: /'openAi' must be the id of the private DNS zone 'privatelink.openai.azure.com' .*, got '\/subscriptions\/.*'/,
    fix: 'Pass the id of the zone named exactly `privatelink.openai.azure.com`.',
    valid: () => build.hubZones({ openAi: `${DNS}/privatelink.openai.azure.com` }),
  },
  {
    construct: 'PrivateDnsZones.fromHubZoneIds',
    prop: 'appService',
    description: 'an id string',
    build: () => build.hubZones(js({ appService: 42 })),
    expected: /'appService' must be a string, got 42/,
    fix: 'Pass the zone\'s resource id as a string.',
    valid: () => build.hubZones({ appService: `${DNS}/privatelink.azurewebsites.net` }),
  },
  {
    construct: 'PrivateDnsZones.fromHubZoneIds',
    prop: 'keyvault',
    description: 'no unknown (misspelt) key',
    build: () => build.hubZones(js({ keyvault: `${DNS}/privatelink.vaultcore.azure.net` })),
    expected: /'keyvault' is not a known prop \(did you mean 'keyVault'\? known: agentService, aiServices, apiManagement, appService, .*keyVault, managedRedis, odsOpinsights, omsOpinsights, openAi, postgreSql\), got '\/subscriptions\/.*'/,
    fix: 'Use the keys the message lists (`keyVault`, with a capital V).',
    valid: () => build.hubZones({ keyVault: `${DNS}/privatelink.vaultcore.azure.net` }),
  },
  {
    construct: 'PrivateDnsZones.fromHubZoneIds',
    prop: 'aiServices',
    description: 'the id of the AI services zone, not of the OpenAI zone',
    build: () => build.hubZones({ aiServices: `${DNS}/privatelink.openai.azure.com` }),
    expected: /'aiServices' must be the id of the private DNS zone 'privatelink.services.ai.azure.com' \(…\/privateDnsZones\/privatelink.services.ai.azure.com\), got '\/subscriptions\/.*'/,
    fix: 'A Foundry account needs three zones: pass `privatelink.services.ai.azure.com` as `aiServices`, and the OpenAI and Cognitive Services zones as `openAi` and `cognitiveServices`.',
    valid: () => build.hubZones({ aiServices: `${DNS}/privatelink.services.ai.azure.com`, openAi: `${DNS}/privatelink.openai.azure.com` }),
  },
  {
    construct: 'PrivateDnsZones.fromHubZoneIds',
    prop: 'aiServices',
    description: 'holds the zone a Foundry endpoint asks for',
    build: () => build.hubZones({ openAi: `${DNS}/privatelink.openai.azure.com` }).zoneIdFor(PrivateLinkZone.AI_SERVICES),
    valid: () => {
      const zones = build.hubZones({ openAi: `${DNS}/privatelink.openai.azure.com`, aiServices: `${DNS}/privatelink.services.ai.azure.com` });
      zones.zoneIdFor(PrivateLinkZone.AI_SERVICES);
      return zones;
    },
    expected: /'aiServices' is needed for a private endpoint in zone 'privatelink.services.ai.azure.com' but was not given to fromHubZoneIds, got 'openAi'/,
    fix: 'Pass the hub\'s `privatelink.services.ai.azure.com` zone id as `aiServices`, or let the hub\'s Azure Policy create the zone groups (`zoneGroups: ZoneGroupMode.MANAGED_BY_POLICY`).',
  },
  {
    construct: 'PrivateDnsZones.fromHubZoneIds',
    prop: 'options.zoneGroups',
    description: 'a ZoneGroupMode',
    build: () => hubZonesWith(js({ zoneGroups: 'Policy' })),
    expected: /'options.zoneGroups' must be one of 'Create', 'ManagedByPolicy', got 'Policy'/,
    fix: 'Use `ZoneGroupMode.MANAGED_BY_POLICY` when the hub\'s Azure Policy creates the zone groups, or leave `zoneGroups` unset.',
    valid: () => hubZonesWith({ zoneGroups: ZoneGroupMode.MANAGED_BY_POLICY }),
  },
  {
    construct: 'PrivateDnsZones.fromHubZoneIds',
    prop: 'options.zoneGroup',
    description: 'no unknown (misspelt) option',
    build: () => hubZonesWith(js({ zoneGroup: ZoneGroupMode.MANAGED_BY_POLICY })),
    expected: /'options.zoneGroup' is not a known prop \(did you mean 'zoneGroups'\? known: zoneGroups\), got 'ManagedByPolicy'/,
    fix: 'Spell the option `zoneGroups`.',
    valid: () => hubZonesWith({ zoneGroups: ZoneGroupMode.MANAGED_BY_POLICY }),
  },
];

/** A hub whose zone ids are all left out (as with zone groups managed by Policy), with `options`. */
const hubZonesWith = (options: { zoneGroups?: ZoneGroupMode }) => PrivateDnsZones.fromHubZoneIds(newStack(), 'HubZones', {}, options);

/** An endpoint whose `dnsZones` is a user's own IPrivateDnsZones reporting `zoneGroupMode`. */
function endpointWithUserZones(zoneGroupMode: ZoneGroupMode) {
  const { stack, network } = base();
  const dnsZones: IPrivateDnsZones = Object.assign(new Construct(stack, 'UserZones'), {
    zoneGroupMode,
    zoneIdFor: () => `${DNS}/privatelink.vaultcore.azure.net`,
  });
  return new ServicePrivateEndpoint(stack, 'Endpoint', {
    resourceGroupName: RG, location: LOCATION, network, dnsZones, targetResourceId: VAULT_ID, subresource: 'vault', zones: [PrivateLinkZone.KEY_VAULT],
  });
}

const ENDPOINT_BOUNDARY: CatalogueEntry[] = [
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'location',
    description: 'the network\'s region',
    build: () => build.endpoint({ location: 'westeurope' }),
    expected: /'location' must be the region of its network \('swedencentral'\): .*, got 'westeurope'/,
    fix: 'Place the endpoint in its VNet\'s region; the service it connects to may be in any region.',
    valid: () => build.endpoint({ location: 'Sweden Central' }),
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'location',
    description: 'the region given to an imported network',
    build: () => {
      const { stack, dnsZones } = base();
      const network = PrivateNetwork.fromAttributes(stack, 'Spoke', {
        virtualNetworkId: VNET_ID, privateEndpointSubnetId: `${VNET_ID}/subnets/pe`, appIntegrationSubnetId: `${VNET_ID}/subnets/app`, location: 'westeurope',
      });
      return new ServicePrivateEndpoint(stack, 'Endpoint', {
        resourceGroupName: RG, location: LOCATION, network, dnsZones, targetResourceId: VAULT_ID, subresource: 'vault', zones: [PrivateLinkZone.KEY_VAULT],
      });
    },
    expected: /'location' must be the region of its network \('westeurope'\): .*, got 'swedencentral'/,
    fix: 'Use the region of the existing VNet (or correct the `location` given to `fromAttributes`).',
    valid: () => {
      const { stack, dnsZones } = base();
      const network = PrivateNetwork.fromAttributes(stack, 'Spoke', {
        virtualNetworkId: VNET_ID, privateEndpointSubnetId: `${VNET_ID}/subnets/pe`, appIntegrationSubnetId: `${VNET_ID}/subnets/app`, location: 'westeurope',
      });
      return new ServicePrivateEndpoint(stack, 'Endpoint', {
        resourceGroupName: RG, location: 'westeurope', network, dnsZones, targetResourceId: VAULT_ID, subresource: 'vault', zones: [PrivateLinkZone.KEY_VAULT],
      });
    },
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'zones[1]',
    description: 'no undefined zone',
    build: () => build.endpoint({ zones: js([PrivateLinkZone.KEY_VAULT, undefined]) }),
    expected: /'zones\[1\]' must be a PrivateLinkZone .*, got undefined/,
    fix: 'Remove the empty element, or name the constant correctly.',
    valid: () => build.endpoint({ zones: [PrivateLinkZone.KEY_VAULT] }),
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'network',
    description: 'a network construct, not a plain object',
    build: () => build.endpoint({ network: js({ virtualNetworkId: VNET_ID }) }),
    expected: /'network' must be a PrivateNetwork or PrivateNetwork.fromAttributes\(...\), got \{"virtualNetworkId":.*/,
    fix: 'Wrap the existing VNet with `PrivateNetwork.fromAttributes(...)`.',
    valid: () => build.endpoint(),
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'dnsZones',
    description: 'a zone set, not a string',
    build: () => build.endpoint({ dnsZones: js('privatelink.vaultcore.azure.net') }),
    expected: /'dnsZones' must be a PrivateDnsZones or PrivateDnsZones.fromHubZoneIds\(...\), got 'privatelink.vaultcore.azure.net'/,
    fix: 'Pass a `PrivateDnsZones` (or the hub\'s, from `PrivateDnsZones.fromHubZoneIds`).',
    valid: () => build.endpoint(),
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'dnsZones.zoneGroupMode',
    description: 'a ZoneGroupMode, from a user\'s own IPrivateDnsZones',
    build: () => endpointWithUserZones(js('Policy')),
    expected: /'dnsZones.zoneGroupMode' must be one of 'Create', 'ManagedByPolicy', got 'Policy'/,
    fix: 'Return a `ZoneGroupMode` (or nothing, for `ZoneGroupMode.CREATE`) from your `IPrivateDnsZones.zoneGroupMode`.',
    valid: () => endpointWithUserZones(ZoneGroupMode.MANAGED_BY_POLICY),
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'zones',
    description: 'required even when Policy creates the zone groups',
    build: () => {
      const { stack, network } = base();
      const dnsZones = PrivateDnsZones.fromHubZoneIds(stack, 'HubZones', {}, { zoneGroups: ZoneGroupMode.MANAGED_BY_POLICY });
      return new ServicePrivateEndpoint(stack, 'Endpoint', {
        resourceGroupName: RG, location: LOCATION, network, dnsZones, targetResourceId: VAULT_ID, subresource: 'vault', zones: [],
      });
    },
    expected: /'zones' must list at least one private DNS zone, got \[\]/,
    fix: 'List the zones the hub\'s Policy must register the endpoint in (e.g. `PrivateLinkZone.KEY_VAULT`); they are checked against the target type.',
    valid: () => {
      const { stack, network } = base();
      const dnsZones = PrivateDnsZones.fromHubZoneIds(stack, 'HubZones', {}, { zoneGroups: ZoneGroupMode.MANAGED_BY_POLICY });
      return new ServicePrivateEndpoint(stack, 'Endpoint', {
        resourceGroupName: RG, location: LOCATION, network, dnsZones, targetResourceId: VAULT_ID, subresource: 'vault', zones: [PrivateLinkZone.KEY_VAULT],
      });
    },
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'subresource',
    description: 'no surrounding whitespace',
    build: () => build.endpoint({ subresource: 'vault ' }),
    expected: /'subresource' must not start or end with whitespace, got 'vault '/,
    fix: 'Trim the sub-resource name.',
    valid: () => build.endpoint({ subresource: 'vault' }),
  },
  ...([
    ['account for a Key Vault', 'Microsoft.KeyVault/vaults', 'account', 'vault'],
    ['vault for Cognitive Services', 'Microsoft.CognitiveServices/accounts', 'vault', 'account'],
    ['vault for a web app', 'Microsoft.Web/sites', 'vault', 'sites'],
    ['vault for Cosmos DB', 'Microsoft.DocumentDB/databaseAccounts', 'vault', 'Sql'],
    ['acr for a container registry', 'Microsoft.ContainerRegistry/registries', 'acr', 'registry'],
    ['sqlServer for PostgreSQL flexible server', 'Microsoft.DBforPostgreSQL/flexibleServers', 'sqlServer', 'postgresqlServer'],
    ['gateway for API Management', 'Microsoft.ApiManagement/service', 'Management', 'Gateway'],
  ] as const).map(([what, type, bad, good]): CatalogueEntry => ({
    construct: 'ServicePrivateEndpoint',
    prop: 'subresource',
    description: `matches the target type: ${what}`,
    warning: true,
    build: () => endpointTo(type, bad, [zoneFor(type)]),
    expected: new RegExp(`'subresource' is '${bad}', which a ${type.replace('/', '\\/')} target does not offer .*\\[endpoint-subresource-mismatch\\]`),
    fix: `Use the sub-resource (group id) of the target type: '${good}' for ${type}.`,
    valid: () => endpointTo(type, good, [zoneFor(type)]),
  })),
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'zones[0]',
    description: 'a zone that resolves the target type',
    warning: true,
    build: () => build.endpoint({ zones: [PrivateLinkZone.OPENAI] }),
    expected: /'zones\[0\]' is 'privatelink.openai.azure.com', which does not resolve a Microsoft.KeyVault\/vaults target .*\[endpoint-zone-mismatch\]/,
    fix: 'Use the zone of the target\'s service (e.g. `PrivateLinkZone.KEY_VAULT` for a vault).',
    valid: () => build.endpoint({ zones: [PrivateLinkZone.KEY_VAULT] }),
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'targetResourceId',
    description: 'a resource, not a resource group',
    build: () => build.endpoint({ targetResourceId: `${SUB}/resourceGroups/${RG}` }),
    expected: /'targetResourceId' must be an Azure resource id .*, got '\/subscriptions\/.*'/,
    fix: 'Pass the id of the service itself.',
    valid: () => build.endpoint({ targetResourceId: VAULT_ID }),
  },
];

/** An endpoint to a service type the library knows no port for (`Microsoft.Contoso/widgets`, sub-resource `widget`). */
const endpointToUnknown = (servicePorts?: number[]) => build.endpoint({
  targetResourceId: `${SUB}/resourceGroups/${RG}/providers/Microsoft.Contoso/widgets/widget-1`, subresource: 'widget', servicePorts,
});
/** The default endpoint (a vault on a new PrivateNetwork) with one caller wired. */
const endpointAllowing = (caller: (e: ServicePrivateEndpoint) => EndpointCaller, description?: string) => {
  const endpoint = build.endpoint();
  endpoint.allowFrom(caller(endpoint), description);
  return endpoint;
};
const OTHER_SUBNET = `${VNET_ID}/subnets/snet-other`;

const ENDPOINT_CALLERS: CatalogueEntry[] = [
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'allowFrom',
    description: 'an endpoint on a new network that nobody may call (checked at synth)',
    warning: true,
    build: () => {
      // Callers may be wired after the endpoint, so the warning appears at synth.
      const endpoint = build.endpoint();
      Testing.synth(TerraformStack.of(endpoint), true);
      return endpoint;
    },
    expected: /^ServicePrivateEndpoint 'test\/Endpoint': has no callers \('allowFrom' was never called\), so the endpoint subnet's NSG lets nothing reach it: call allowFrom\(EndpointCaller.subnet\(id\)\) .* \[endpoint-no-callers\]$/,
    fix: 'Wire whoever calls the endpoint: `endpoint.allowFrom(EndpointCaller.subnet(network.appIntegrationSubnetId))`, `EndpointCaller.addressPrefix(cidr)` for a range, or `EndpointCaller.virtualNetwork()` for the VNet and its peerings; or acknowledge it when the callers are wired in another stack.',
    valid: () => endpointAllowing(() => EndpointCaller.virtualNetwork()),
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'servicePorts',
    description: 'at least one port when given',
    build: () => build.endpoint({ servicePorts: [] }),
    expected: /^ServicePrivateEndpoint 'test\/Endpoint': 'servicePorts' must list at least one TCP port, or be left out, got \[\]$/,
    fix: 'List the TCP ports clients open on the endpoint, or leave `servicePorts` out for the sub-resource\'s own (443 for `vault`).',
    valid: () => build.endpoint({ servicePorts: [443] }),
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'servicePorts[1]',
    description: 'a TCP port, 1-65535',
    build: () => build.endpoint({ servicePorts: [443, 70000] }),
    expected: /'servicePorts\[1\]' must be an integer between 1 and 65535, got 70000/,
    fix: 'Use port numbers between 1 and 65535.',
    valid: () => build.endpoint({ servicePorts: [443, 8443] }),
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'servicePorts[0]',
    description: 'a number, not a string',
    build: () => build.endpoint({ servicePorts: js(['443']) }),
    expected: /'servicePorts\[0\]' must be an integer, got '443'/,
    fix: 'Pass the ports without quotes.',
    valid: () => build.endpoint({ servicePorts: [443] }),
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'servicePorts',
    description: 'no port twice',
    build: () => build.endpoint({ servicePorts: [443, 443] }),
    expected: /'servicePorts' must not repeat a port, got \[443,443\]/,
    fix: 'List each port once.',
    valid: () => build.endpoint({ servicePorts: [443] }),
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'servicePorts',
    description: 'needed before allowFrom when the library knows no port for the sub-resource',
    build: () => endpointToUnknown().allowFrom(EndpointCaller.virtualNetwork()),
    expected: /'servicePorts' must be set before callers are allowed: the library knows no port for sub-resource 'widget' \(known: vault, .*postgresqlserver, .*\), got none/,
    fix: 'Pass the TCP ports the service listens on as `servicePorts` (e.g. `[8443]`); the NSG rules that `allowFrom` writes open exactly those.',
    valid: () => {
      const endpoint = endpointToUnknown([8443]);
      endpoint.allowFrom(EndpointCaller.virtualNetwork());
      return endpoint;
    },
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'allowFrom.caller',
    description: 'an EndpointCaller, not a CIDR string',
    build: () => build.endpoint().allowFrom(js('10.100.0.0/16')),
    expected: /'allowFrom.caller' must be an EndpointCaller \(EndpointCaller.subnet\(id\), EndpointCaller.addressPrefix\(cidr\) or EndpointCaller.virtualNetwork\(\)\), got '10.100.0.0\/16'/,
    fix: 'Wrap the range: `allowFrom(EndpointCaller.addressPrefix(\'10.100.0.0/16\'))`.',
    valid: () => endpointAllowing(() => EndpointCaller.addressPrefix('10.100.0.0/16')),
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'allowFrom.caller',
    description: "a subnet of the endpoint's own network",
    build: () => endpointAllowing(() => EndpointCaller.subnet(OTHER_SUBNET)),
    expected: /'allowFrom.caller' must be a subnet of the endpoint's network \(its appIntegrationSubnetId, or a subnet from addDelegatedSubnet\)[^;]*; for another range use EndpointCaller.addressPrefix\(cidr\), got '\/subscriptions\/.*\/subnets\/snet-other'/,
    fix: 'Pass `network.appIntegrationSubnetId` or the `id` of a subnet from `addDelegatedSubnet`; for a subnet of a VNet the library does not write the NSGs of (a hub, a spoke of another stack), use `EndpointCaller.addressPrefix(cidr)` with its range.',
    valid: () => endpointAllowing((e) => EndpointCaller.subnet(e.network.appIntegrationSubnetId!)),
  },
  {
    construct: 'ServicePrivateEndpoint',
    prop: 'allowFrom.description',
    description: '1 to 100 characters',
    build: () => endpointAllowing(() => EndpointCaller.virtualNetwork(), 'x'.repeat(101)),
    expected: /'allowFrom.description' must be 1 to 100 characters \(it becomes part of an NSG rule description, which Azure caps at 140\), got 'x{101}'/,
    fix: 'Say who calls in at most 100 characters, or leave the description out.',
    valid: () => endpointAllowing(() => EndpointCaller.virtualNetwork(), 'x'.repeat(100)),
  },
  {
    construct: 'EndpointCaller.subnet',
    prop: 'subnetId',
    description: 'a subnet id, not a VNet id',
    factory: true,
    build: () => EndpointCaller.subnet(VNET_ID),
    expected: /^EndpointCaller.subnet: 'subnetId' must be the id of a Microsoft.Network\/virtualNetworks\/subnets resource \(found Microsoft.Network\/virtualNetworks\), got '.*\/virtualNetworks\/vnet-spoke'$/,
    fix: 'Pass the subnet\'s id (`…/virtualNetworks/<vnet>/subnets/<name>`), e.g. `network.appIntegrationSubnetId`; for every address of the VNet use `EndpointCaller.virtualNetwork()`.',
    valid: () => EndpointCaller.subnet(OTHER_SUBNET),
  },
  {
    construct: 'EndpointCaller.addressPrefix',
    prop: 'cidr',
    description: 'an IPv4 CIDR block without host bits',
    factory: true,
    build: () => EndpointCaller.addressPrefix('10.100.1.0/16'),
    expected: /^EndpointCaller.addressPrefix: 'cidr' must have no host bits set \(did you mean 10.100.0.0\/16\?\), got '10.100.1.0\/16'$/,
    fix: 'Use the network address of the range (the message suggests it).',
    valid: () => EndpointCaller.addressPrefix('10.100.0.0/16'),
  },
  {
    construct: 'EndpointCaller.addressPrefix',
    prop: 'cidr',
    description: 'not the whole Internet',
    factory: true,
    build: () => EndpointCaller.addressPrefix('0.0.0.0/0'),
    expected: /^EndpointCaller.addressPrefix: 'cidr' must not be 0.0.0.0\/0: callers are named ranges, never the whole Internet, got '0.0.0.0\/0'$/,
    fix: 'Name the range that calls (a hub\'s user range, a VPN pool), or use `EndpointCaller.virtualNetwork()` for everything the VNet reaches.',
    valid: () => EndpointCaller.addressPrefix('10.100.0.0/16'),
  },
];

const OTHER_SUB_VNET = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke';
/** Imports a spoke VNet into a stack whose azurerm provider names subscription 0000…. */
const importSpokeInto = (virtualNetworkId: string) => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUB.split('/')[2] });
  return PrivateNetwork.fromAttributes(stack, 'Spoke', { virtualNetworkId, privateEndpointSubnetId: `${virtualNetworkId}/subnets/pe`, location: LOCATION });
};

const IMPORTED_SUBSCRIPTION: CatalogueEntry[] = [
  {
    construct: 'PrivateNetwork.fromAttributes',
    prop: 'virtualNetworkId',
    description: "in the subscription of the stack's azurerm provider, which creates the endpoints",
    build: () => importSpokeInto(OTHER_SUB_VNET),
    expected: /^PrivateNetwork.fromAttributes 'test\/Spoke': 'virtualNetworkId' is in subscription 11111111-1111-1111-1111-111111111111, but a private endpoint must be in the same subscription as its virtual network, .*and the stack's azurerm provider is in subscription 00000000-0000-0000-0000-000000000000; .*, got '\/subscriptions\/1{8}-.*\/virtualNetworks\/vnet-spoke'$/,
    fix: 'Deploy the stack with an azurerm provider in the VNet\'s (the spoke\'s) subscription, or import a VNet of the stack\'s subscription. Without `subscriptionId` on the provider, a precondition on each endpoint fails the plan with the same message.',
    valid: () => importSpokeInto(VNET_ID),
  },
];

/** The zone that resolves a target type; services without a PrivateLinkZone take any (their zones are not checked). */
function zoneFor(type: string): PrivateLinkZone {
  if (type === 'Microsoft.CognitiveServices/accounts') return PrivateLinkZone.OPENAI;
  if (type === 'Microsoft.Web/sites') return PrivateLinkZone.APP_SERVICE;
  return PrivateLinkZone.KEY_VAULT;
}

const MONITORING_BOUNDARY: CatalogueEntry[] = [
  {
    construct: 'Monitoring',
    prop: 'retentionInDays',
    description: 'a number, not a string',
    build: () => build.monitoring({ retentionInDays: js('90') }),
    expected: /'retentionInDays' must be a finite number, got '90'/,
    fix: 'Pass the number of days without quotes.',
    valid: () => build.monitoring({ retentionInDays: 90 }),
  },
  {
    construct: 'Monitoring',
    prop: 'internetQueryEnabled',
    description: 'a boolean, not a string',
    build: () => build.monitoring({ internetQueryEnabled: js('false') }),
    expected: /'internetQueryEnabled' must be true or false .*, got 'false'/,
    fix: 'Pass `false` (the boolean).',
    valid: () => build.monitoring({ internetQueryEnabled: false }),
  },
  {
    construct: 'Monitoring',
    prop: 'location',
    description: 'no surrounding whitespace',
    build: () => build.monitoring({ location: 'swedencentral\n' }),
    expected: /'location' must not start or end with whitespace, got 'swedencentral\n'/,
    fix: 'Trim the region name.',
    valid: () => build.monitoring({ location: 'swedencentral' }),
  },
  {
    construct: 'Monitoring.fromWorkspaceId',
    prop: 'workspaceId',
    description: 'a workspace, not a Log Analytics cluster',
    build: () => Monitoring.fromWorkspaceId(newStack(), 'Central', `${SUB}/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/clusters/cl-central`),
    expected: /'workspaceId' must be the id of a Microsoft.OperationalInsights\/workspaces resource \(found Microsoft.OperationalInsights\/clusters\), got '\/subscriptions\/.*'/,
    fix: 'Pass the id of a workspace linked to the cluster, not of the cluster.',
    valid: () => Monitoring.fromWorkspaceId(newStack(), 'Central', WORKSPACE_ID),
  },
  {
    construct: 'Monitoring.fromWorkspaceId',
    prop: 'workspaceId',
    description: 'required',
    build: () => Monitoring.fromWorkspaceId(newStack(), 'Central', js(undefined)),
    expected: /'workspaceId' is required \(a string\), got undefined/,
    fix: 'Pass the workspace\'s resource id.',
    valid: () => Monitoring.fromWorkspaceId(newStack(), 'Central', WORKSPACE_ID),
  },
  {
    construct: 'Monitoring',
    prop: 'addDiagnosticSetting(Logs).name',
    description: 'no / or other character Azure refuses',
    build: () => diagnostics(['Logs', { name: 'logs/vault' }]),
    expected: /'addDiagnosticSetting\(Logs\).name' must not contain .*, got 'logs\/vault'/,
    fix: 'Use letters, digits, `-`, `_` and `.` in the name, e.g. `logs-vault`.',
    valid: () => diagnostics(['Logs', { name: 'logs-vault' }]),
  },
  {
    construct: 'Monitoring',
    prop: 'addDiagnosticSetting(Logs).name',
    description: 'at most 260 characters',
    build: () => diagnostics(['Logs', { name: 'l'.repeat(261) }]),
    expected: /'addDiagnosticSetting\(Logs\).name' must be 1-260 characters, got 'l+…l+'/,
    fix: 'Shorten the name.',
    valid: () => diagnostics(['Logs', { name: 'l'.repeat(260) }]),
  },
  {
    construct: 'Monitoring',
    prop: 'addDiagnosticSetting(Again).name',
    description: 'unique per target resource',
    build: () => diagnostics(['Logs', {}], ['Again', {}]),
    expected: /'addDiagnosticSetting\(Again\).name' must be unique per target resource: diagnostic setting 'test\/Target\/Logs' already uses it .*, got 'to-log-analytics'/,
    fix: 'Give the second setting on the same resource another `name`.',
    valid: () => diagnostics(['Logs', {}], ['Again', { name: 'to-central' }]),
  },
  {
    construct: 'Monitoring',
    prop: 'addDiagnosticSetting.id',
    description: 'a construct id not yet used under the scope',
    build: () => diagnostics(['Logs', {}], ['Logs', { name: 'other' }]),
    expected: /'addDiagnosticSetting.id' must be unique under test\/Target: .*, got 'Logs'/,
    fix: 'Give each diagnostic setting under one construct its own id.',
    valid: () => diagnostics(['Logs', {}], ['Other', { name: 'other' }]),
  },
  {
    construct: 'Monitoring',
    prop: 'addDiagnosticSetting(Logs).logCategories[1]',
    description: 'no category twice',
    build: () => diagnostics(['Logs', { logCategories: ['Audit', 'audit'] }]),
    expected: /'addDiagnosticSetting\(Logs\).logCategories\[1\]' must not repeat a category, got 'audit'/,
    fix: 'List each category once (Azure compares them case-insensitively).',
    valid: () => diagnostics(['Logs', { logCategories: ['Audit', 'RequestResponse'] }]),
  },
  {
    construct: 'Monitoring',
    prop: 'addDiagnosticSetting(Logs).metrics',
    description: 'a boolean, not a string',
    build: () => diagnostics(['Logs', { metrics: js('false') }]),
    expected: /'addDiagnosticSetting\(Logs\).metrics' must be true or false .*, got 'false'/,
    fix: 'Pass `metrics: false` (the boolean).',
    valid: () => diagnostics(['Logs', { metrics: false }]),
  },
];

const CORE_BOUNDARY: CatalogueEntry[] = [
  {
    construct: 'Principal.fromGroupObjectId',
    prop: 'objectId',
    description: 'required',
    factory: true,
    build: () => Principal.fromGroupObjectId(newStack(), 'Operators', js(undefined)),
    expected: /^Principal.fromGroupObjectId: 'objectId' is required \(a string\), got undefined$/,
    fix: 'Pass the group\'s object id (`az ad group show -g <name> --query id`).',
    valid: () => Principal.fromGroupObjectId(newStack(), 'Operators', GUID),
  },
  ...([
    ['zero', 0, /^Names.hashOf: 'length' must be an integer between 1 and 64, got 0$/],
    ['negative', -1, /^Names.hashOf: 'length' must be an integer between 1 and 64, got -1$/],
    ['longer than the hash', 65, /^Names.hashOf: 'length' must be an integer between 1 and 64, got 65$/],
    ['not an integer', 2.5, /^Names.hashOf: 'length' must be an integer, got 2.5$/],
  ] as const).map(([what, length, expected]): CatalogueEntry => ({
    construct: 'Names.hashOf',
    prop: 'length',
    description: `length not ${what}`,
    factory: true,
    build: () => Names.hashOf(newStack(), length),
    expected,
    fix: 'Ask for 1 to 64 hex characters (a sha256 digest has 64).',
    valid: () => Names.hashOf(newStack(), 8),
  })),
  {
    construct: 'Names.local',
    prop: 'rule',
    description: 'a rule with room for the hash',
    factory: true,
    build: () => Names.local(newStack(), new AzureNameRule({ resourceType: 'widget', minLength: 1, maxLength: 6, pattern: '^[a-z0-9-]+$', description: 'lowercase' }), 'w'),
    expected: /^Names.local: 'rule' must allow names of at least 8 characters .*, got 'maxLength 6'$/,
    fix: 'Pass a name explicitly for a resource type whose names are this short.',
    valid: () => Names.local(newStack(), new AzureNameRule({ resourceType: 'widget', minLength: 1, maxLength: 24, pattern: '^[a-z0-9-]+$', description: 'lowercase' }), 'w'),
  },
];

/** A created network with a dedicated subnet added at `cidr`. */
const withSubnet = (cidr: string) => build.network().addDelegatedSubnet('Extra', { name: 'extra', cidr });

const ADDED_SUBNETS: CatalogueEntry[] = [
  {
    construct: 'PrivateNetwork',
    prop: 'addDelegatedSubnet(Extra).cidr',
    description: 'an added subnet overlaps no other subnet',
    build: () => withSubnet('10.0.1.0/27'),
    valid: () => withSubnet('10.0.2.0/27'),
    expected: /'addDelegatedSubnet\(Extra\).cidr' must not overlap 'appIntegrationSubnetCidr' \('10.0.1.0\/24'\), got '10.0.1.0\/27'/,
    fix: 'Pick a free prefix inside `addressSpace` (the defaults use 10.0.0.0/24 and 10.0.1.0/24).',
  },
  {
    construct: 'PrivateNetwork',
    prop: 'addDelegatedSubnet(Extra).cidr',
    description: 'an added subnet lies in the address space',
    build: () => withSubnet('10.9.0.0/27'),
    valid: () => withSubnet('10.0.2.0/27'),
    expected: /'addDelegatedSubnet\(Extra\).cidr' must lie inside addressSpace '10.0.0.0\/16', got '10.9.0.0\/27'/,
    fix: 'Pick a prefix inside `addressSpace`.',
  },
];

/** The entries of this area, in the order the docs list them. */
export const NETWORK_ENTRIES: CatalogueEntry[] = [
  ...NETWORK, ...NETWORK_BOUNDARY, ...ADDED_SUBNETS, ...DNS_ZONES, ...DNS_BOUNDARY, ...ENDPOINT, ...ENDPOINT_BOUNDARY, ...ENDPOINT_CALLERS,
  ...IMPORTED_SUBSCRIPTION,
  ...MONITORING, ...MONITORING_BOUNDARY, ...MONITOR_SCOPE, ...OTHERS, ...CORE_BOUNDARY,
];
