import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateDnsZones, PrivateLinkZone, PrivateNetwork } from '../../src/network';
import { newStack, resolved, resourcesOf, synth, synthJson } from '../util';

const hub = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones';

function setup() {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg', location: 'swedencentral' });
  return { stack, network };
}

describe('PrivateDnsZones', () => {
  test('creates the four privatelink zones of the chat deployment', () => {
    const { stack, network } = setup();
    new PrivateDnsZones(stack, 'Zones', { resourceGroupName: 'rg', network });
    const names = Object.values(resourcesOf(synthJson(stack), 'azurerm_private_dns_zone')).map((z: any) => z.name).sort();
    expect(names).toEqual([
      'privatelink.azurewebsites.net',
      'privatelink.cognitiveservices.azure.com',
      'privatelink.openai.azure.com',
      'privatelink.vaultcore.azure.net',
    ]);
  });

  test('links every zone to the VNet without auto-registration', () => {
    const { stack, network } = setup();
    const zones = new PrivateDnsZones(stack, 'Zones', { resourceGroupName: 'rg', network });
    const links = Object.values(resourcesOf(synthJson(stack), 'azurerm_private_dns_zone_virtual_network_link'));
    expect(links).toHaveLength(4);
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

  test('fails when an id is not a resource id', () => {
    const stack = newStack();
    expect(() => PrivateDnsZones.fromHubZoneIds(stack, 'Hub', { openAi: 'privatelink.openai.azure.com' }))
      .toThrow(/'openAi' must be an Azure resource id/);
  });
});
