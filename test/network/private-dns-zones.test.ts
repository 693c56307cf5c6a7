import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { PrivateDnsZones, PrivateLinkZone, PrivateNetwork, ServicePrivateEndpoint, ZoneGroupMode } from '../../src/network';
import { newStack, resolved, resourcesOf, synth, synthJson } from '../util';

const hub = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones';

function setup() {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg', location: 'swedencentral' });
  return { stack, network };
}

describe('PrivateDnsZones', () => {
  test('creates the five privatelink zones of the chat deployment', () => {
    const { stack, network } = setup();
    new PrivateDnsZones(stack, 'Zones', { resourceGroupName: 'rg', network });
    const names = Object.values(resourcesOf(synthJson(stack), 'azurerm_private_dns_zone')).map((z: any) => z.name).sort();
    expect(names).toEqual([
      'privatelink.azurewebsites.net',
      'privatelink.cognitiveservices.azure.com',
      'privatelink.openai.azure.com',
      'privatelink.services.ai.azure.com',
      'privatelink.vaultcore.azure.net',
    ]);
  });

  test('keeps the existing zones first and their construct ids, and adds the AI services zone and its link last', () => {
    const { stack, network } = setup();
    const zones = new PrivateDnsZones(stack, 'Zones', { resourceGroupName: 'rg', network });
    expect(PrivateLinkZone.all().map((z) => z.key)).toEqual(['openAi', 'cognitiveServices', 'keyVault', 'appService', 'aiServices']);
    expect(zones.node.children.map((c) => c.node.id)).toEqual(['OpenAi', 'CognitiveServices', 'KeyVault', 'AppService', 'AiServices']);

    const ai = zones.zones['privatelink.services.ai.azure.com'];
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_private_dns_zone')[ai.friendlyUniqueId]).toEqual({ name: 'privatelink.services.ai.azure.com', resource_group_name: 'rg' });
    const links = Object.values(resourcesOf(json, 'azurerm_private_dns_zone_virtual_network_link'))
      .filter((l: any) => l.private_dns_zone_name === `\${azurerm_private_dns_zone.${ai.friendlyUniqueId}.name}`);
    expect(links).toEqual([expect.objectContaining({
      registration_enabled: false,
      virtual_network_id: `\${azurerm_virtual_network.${network.virtualNetwork.friendlyUniqueId}.id}`,
    })]);
    expect(resolved(stack, zones.zoneIdFor(PrivateLinkZone.AI_SERVICES))).toBe(`\${azurerm_private_dns_zone.${ai.friendlyUniqueId}.id}`);
  });

  test('lets endpoints create their zone groups', () => {
    const { stack, network } = setup();
    expect(new PrivateDnsZones(stack, 'Zones', { resourceGroupName: 'rg', network }).zoneGroupMode).toBe(ZoneGroupMode.CREATE);
  });

  test('links every zone to the VNet without auto-registration', () => {
    const { stack, network } = setup();
    const zones = new PrivateDnsZones(stack, 'Zones', { resourceGroupName: 'rg', network });
    const links = Object.values(resourcesOf(synthJson(stack), 'azurerm_private_dns_zone_virtual_network_link'));
    expect(links).toHaveLength(5);
    const vnetRef = `\${azurerm_virtual_network.${network.virtualNetwork.friendlyUniqueId}.id}`;
    for (const link of links) {
      expect(link.virtual_network_id).toBe(vnetRef);
      expect(link.registration_enabled).toBe(false);
    }
    const zoneRefs = Object.values(zones.zones).map((z) => `\${azurerm_private_dns_zone.${z.friendlyUniqueId}.name}`).sort();
    expect(links.map((l: any) => l.private_dns_zone_name).sort()).toEqual(zoneRefs);
    expect(synth(stack)).toHaveResource(PrivateDnsZoneVirtualNetworkLink);
  });

  test('creates only the zones asked for, and resolves ids by service', () => {
    const { stack, network } = setup();
    const zones = new PrivateDnsZones(stack, 'Zones', { resourceGroupName: 'rg', network, zones: [PrivateLinkZone.KEY_VAULT] });
    expect(Object.keys(resourcesOf(synthJson(stack), 'azurerm_private_dns_zone'))).toHaveLength(1);
    expect(resolved(stack, zones.zoneIdFor(PrivateLinkZone.KEY_VAULT)))
      .toBe(`\${azurerm_private_dns_zone.${zones.zones['privatelink.vaultcore.azure.net'].friendlyUniqueId}.id}`);
    expect(() => zones.zoneIdFor(PrivateLinkZone.OPENAI))
      .toThrow(/PrivateDnsZones 'test\/Zones': no private DNS zone 'privatelink.openai.azure.com' in this set/);
  });

  test('fails when zones is empty or repeats a zone', () => {
    const { stack, network } = setup();
    expect(() => new PrivateDnsZones(stack, 'Empty', { resourceGroupName: 'rg', network, zones: [] }))
      .toThrow(/'zones' must list at least one zone, got \[\]/);
    expect(() => new PrivateDnsZones(stack, 'Twice', { resourceGroupName: 'rg', network, zones: [PrivateLinkZone.OPENAI, PrivateLinkZone.OPENAI] }))
      .toThrow(/'zones\[1\]' must not repeat a zone, got 'privatelink.openai.azure.com'/);
  });

  test('fails when resourceGroupName is blank', () => {
    const { stack, network } = setup();
    expect(() => new PrivateDnsZones(stack, 'Zones', { resourceGroupName: ' ', network })).toThrow(/'resourceGroupName' must not be empty, got ' '/);
  });
});

describe('PrivateDnsZones.fromHubZoneIds', () => {
  test('creates no zone and no link and returns the hub ids', () => {
    const stack = newStack();
    const zones = PrivateDnsZones.fromHubZoneIds(stack, 'Hub', {
      openAi: `${hub}/privatelink.openai.azure.com`,
      keyVault: `${hub}/privatelink.vaultcore.azure.net`,
    });
    expect(zones.zoneIdFor(PrivateLinkZone.OPENAI)).toBe(`${hub}/privatelink.openai.azure.com`);
    expect(zones.zoneIdFor(PrivateLinkZone.KEY_VAULT)).toBe(`${hub}/privatelink.vaultcore.azure.net`);
    expect(synthJson(stack).resource).toBeUndefined();
  });

  test('zones in the hub\'s subscription reach the endpoints\' zone groups whole: a zone group takes zones of any subscription', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: '00000000-0000-0000-0000-000000000000' });
    const connectivity = '/subscriptions/55555555-5555-5555-5555-555555555555/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones';
    const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg', location: 'swedencentral' });
    const dnsZones = PrivateDnsZones.fromHubZoneIds(stack, 'Hub', { keyVault: `${connectivity}/privatelink.vaultcore.azure.net` });
    new ServicePrivateEndpoint(stack, 'Endpoint', {
      resourceGroupName: 'rg',
      location: 'swedencentral',
      network,
      dnsZones,
      subresource: 'vault',
      zones: [PrivateLinkZone.KEY_VAULT],
      targetResourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1',
    });
    const json = synthJson(stack);
    expect(Object.values(resourcesOf(json, 'azurerm_private_endpoint')).map((e: any) => e.private_dns_zone_group))
      .toEqual([{ name: 'default', private_dns_zone_ids: [`${connectivity}/privatelink.vaultcore.azure.net`] }]);
    expect(resourcesOf(json, 'azurerm_private_dns_zone_virtual_network_link')).toEqual({});
  });

  test('fails at synth when a needed hub zone was not given', () => {
    const stack = newStack();
    const zones = PrivateDnsZones.fromHubZoneIds(stack, 'Hub', { openAi: `${hub}/privatelink.openai.azure.com` });
    expect(() => zones.zoneIdFor(PrivateLinkZone.APP_SERVICE))
      .toThrow(/'appService' is needed for a private endpoint in zone 'privatelink.azurewebsites.net' but was not given to fromHubZoneIds/);
  });

  test('fails when an id points at the wrong zone', () => {
    const stack = newStack();
    expect(() => PrivateDnsZones.fromHubZoneIds(stack, 'Hub', { keyVault: `${hub}/privatelink.openai.azure.com` }))
      .toThrow(/'keyVault' must be the id of the private DNS zone 'privatelink.vaultcore.azure.net'.*, got '\/subscriptions\/.*'/);
  });

  test('returns the hub\'s AI services zone id', () => {
    const zones = PrivateDnsZones.fromHubZoneIds(newStack(), 'Hub', { aiServices: `${hub}/privatelink.services.ai.azure.com` });
    expect(zones.zoneIdFor(PrivateLinkZone.AI_SERVICES)).toBe(`${hub}/privatelink.services.ai.azure.com`);
  });

  test('fails when the AI services id points at another zone', () => {
    expect(() => PrivateDnsZones.fromHubZoneIds(newStack(), 'Hub', { aiServices: `${hub}/privatelink.openai.azure.com` }))
      .toThrow(/PrivateDnsZones.fromHubZoneIds 'test\/Hub': 'aiServices' must be the id of the private DNS zone 'privatelink.services.ai.azure.com' \(…\/privateDnsZones\/privatelink.services.ai.azure.com\), got '\/subscriptions\/.*\/privatelink.openai.azure.com'/);
  });

  test('lets endpoints create their zone groups unless told otherwise', () => {
    expect(PrivateDnsZones.fromHubZoneIds(newStack(), 'Hub', {}).zoneGroupMode).toBe(ZoneGroupMode.CREATE);
    expect(PrivateDnsZones.fromHubZoneIds(newStack(), 'Hub', {}, {}).zoneGroupMode).toBe(ZoneGroupMode.CREATE);
    expect(PrivateDnsZones.fromHubZoneIds(newStack(), 'Hub', {}, { zoneGroups: ZoneGroupMode.CREATE }).zoneGroupMode).toBe(ZoneGroupMode.CREATE);
  });

  test('reports zone groups managed by Policy, with no zone id at all, and creates nothing', () => {
    const stack = newStack();
    const zones = PrivateDnsZones.fromHubZoneIds(stack, 'Hub', {}, { zoneGroups: ZoneGroupMode.MANAGED_BY_POLICY });
    expect(zones.zoneGroupMode).toBe(ZoneGroupMode.MANAGED_BY_POLICY);
    expect(synthJson(stack).resource).toBeUndefined();
  });

  test('still checks and returns the ids given with zone groups managed by Policy', () => {
    const ids = { aiServices: `${hub}/privatelink.services.ai.azure.com` };
    const zones = PrivateDnsZones.fromHubZoneIds(newStack(), 'Hub', ids, { zoneGroups: ZoneGroupMode.MANAGED_BY_POLICY });
    expect(zones.zoneIdFor(PrivateLinkZone.AI_SERVICES)).toBe(ids.aiServices);
    expect(() => PrivateDnsZones.fromHubZoneIds(newStack(), 'Hub', { aiServices: `${hub}/privatelink.openai.azure.com` }, { zoneGroups: ZoneGroupMode.MANAGED_BY_POLICY }))
      .toThrow(/'aiServices' must be the id of the private DNS zone 'privatelink.services.ai.azure.com'/);
  });

  test('fails when zoneGroups is not a ZoneGroupMode', () => {
    expect(() => PrivateDnsZones.fromHubZoneIds(newStack(), 'Hub', {}, { zoneGroups: 'Policy' as ZoneGroupMode }))
      .toThrow(/^PrivateDnsZones.fromHubZoneIds 'test\/Hub': 'options.zoneGroups' must be one of 'Create', 'ManagedByPolicy', got 'Policy'$/);
  });

  test('fails when an id is not a resource id', () => {
    const stack = newStack();
    expect(() => PrivateDnsZones.fromHubZoneIds(stack, 'Hub', { openAi: 'privatelink.openai.azure.com' }))
      .toThrow(/'openAi' must be an Azure resource id/);
  });
});
