import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { endpointFixture, policyZones, SUB, VAULT, ZonesFactory } from './endpoint-fixture';
import { Warnings } from '../../src/core';
import { EndpointCaller, PrivateDnsZones, PrivateLinkZone, PrivateNetwork, ServicePrivateEndpointProps, ZoneGroupMode } from '../../src/network';
import { onlyResource, synth, synthJson, warningsOf } from '../util';

const target = VAULT;
/** The fixture's network is a new PrivateNetwork here. */
const setup = (props: Partial<ServicePrivateEndpointProps> = {}, zonesOf?: ZonesFactory) => {
  const made = endpointFixture(props, undefined, zonesOf);
  return { ...made, network: made.network as PrivateNetwork };
};

describe('ServicePrivateEndpoint', () => {
  test('puts one endpoint in the private-endpoints subnet with one automatic connection', () => {
    const { stack, network } = setup();
    expect(synth(stack)).toHaveResourceWithProperties(PrivateEndpoint, {
      subnet_id: `\${azurerm_subnet.${network.privateEndpointSubnet.friendlyUniqueId}.id}`,
      private_service_connection: expect.objectContaining({
        private_connection_resource_id: target,
        subresource_names: ['vault'],
        is_manual_connection: false,
      }),
    });
  });

  test('has exactly one zone group holding the requested zones', () => {
    const { stack, dnsZones } = setup({ zones: [PrivateLinkZone.OPENAI, PrivateLinkZone.COGNITIVE_SERVICES] });
    const pe = onlyResource(synthJson(stack), 'azurerm_private_endpoint');
    expect(Array.isArray(pe.private_dns_zone_group)).toBe(false);
    const zoneRef = (name: string) => `\${azurerm_private_dns_zone.${(dnsZones as PrivateDnsZones).zones[name].friendlyUniqueId}.id}`;
    expect(pe.private_dns_zone_group).toEqual({
      name: 'default',
      private_dns_zone_ids: [zoneRef('privatelink.openai.azure.com'), zoneRef('privatelink.cognitiveservices.azure.com')],
    });
  });

  test('derives a deterministic name and NIC name', () => {
    const pe = onlyResource(synthJson(setup().stack), 'azurerm_private_endpoint');
    expect(pe.name).toMatch(/^pe-endpoint-[0-9a-f]{6}$/);
    expect(pe.custom_network_interface_name).toBe(`${pe.name}-nic`);
  });

  test('fails when no zone is given or a zone repeats', () => {
    expect(() => setup({ zones: [] })).toThrow(/ServicePrivateEndpoint 'test\/Endpoint': 'zones' must list at least one private DNS zone, got \[\]/);
    expect(() => setup({ zones: [PrivateLinkZone.KEY_VAULT, PrivateLinkZone.KEY_VAULT] })).toThrow(/'zones' must not repeat a zone/);
  });

  test('fails when subresource is blank or the name breaks the rules', () => {
    expect(() => setup({ subresource: '' })).toThrow(/'subresource' must not be empty, got ''/);
    expect(() => setup({ name: 'x' })).toThrow(/'name' must be 2-64 characters long for a private endpoint \(got 1\), got 'x'/);
  });
});

const HUB = `${SUB}/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones`;
const FOUNDRY = `${SUB}/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/ais-chat`;
const FOUNDRY_ZONES = [PrivateLinkZone.AI_SERVICES, PrivateLinkZone.OPENAI, PrivateLinkZone.COGNITIVE_SERVICES];
/** A hub's zones with ids, in the given mode. */
const hubZones = (zoneGroups?: ZoneGroupMode): ZonesFactory => (stack) => PrivateDnsZones.fromHubZoneIds(stack, 'Zones', {
  keyVault: `${HUB}/privatelink.vaultcore.azure.net`,
  aiServices: `${HUB}/privatelink.services.ai.azure.com`,
  openAi: `${HUB}/privatelink.openai.azure.com`,
  cognitiveServices: `${HUB}/privatelink.cognitiveservices.azure.com`,
}, { zoneGroups });

describe('ServicePrivateEndpoint: Foundry (AIServices) account', () => {
  test('registers the endpoint in the AI services, OpenAI and Cognitive Services zones, without a warning', () => {
    const { stack, dnsZones, endpoint } = setup({ targetResourceId: FOUNDRY, subresource: 'account', zones: FOUNDRY_ZONES });
    endpoint.allowFrom(EndpointCaller.virtualNetwork());
    const zoneRef = (name: string) => `\${azurerm_private_dns_zone.${(dnsZones as PrivateDnsZones).zones[name].friendlyUniqueId}.id}`;
    expect(onlyResource(synthJson(stack), 'azurerm_private_endpoint').private_dns_zone_group).toEqual({
      name: 'default',
      private_dns_zone_ids: ['privatelink.services.ai.azure.com', 'privatelink.openai.azure.com', 'privatelink.cognitiveservices.azure.com'].map(zoneRef),
    });
    expect(warningsOf(stack)).toEqual([]);
  });

  test('uses the hub\'s AI services zone id', () => {
    const { stack } = setup({ targetResourceId: FOUNDRY, subresource: 'account', zones: FOUNDRY_ZONES }, hubZones());
    expect(onlyResource(synthJson(stack), 'azurerm_private_endpoint').private_dns_zone_group.private_dns_zone_ids).toEqual([
      `${HUB}/privatelink.services.ai.azure.com`, `${HUB}/privatelink.openai.azure.com`, `${HUB}/privatelink.cognitiveservices.azure.com`,
    ]);
  });
});

describe('ServicePrivateEndpoint: callers', () => {
  test('warns at synth when nobody is allowed to call it on a network whose NSGs the library writes', () => {
    const { stack } = setup({ targetResourceId: FOUNDRY, subresource: 'account', zones: FOUNDRY_ZONES });
    synth(stack);
    expect(warningsOf(stack)).toEqual([
      "ServicePrivateEndpoint 'test/Endpoint': has no callers ('allowFrom' was never called), so the endpoint subnet's NSG lets nothing reach it: call allowFrom(EndpointCaller.subnet(id)) "
      + 'for a subnet of the network, allowFrom(EndpointCaller.addressPrefix(cidr)) for a range, or allowFrom(EndpointCaller.virtualNetwork()) for the VNet, '
      + 'its peerings, VPN and ExpressRoute [endpoint-no-callers]',
    ]);
  });

  test('a caller added after the endpoint, or an acknowledgement, silences it', () => {
    const late = setup({ targetResourceId: FOUNDRY, subresource: 'account', zones: FOUNDRY_ZONES });
    late.endpoint.allowFrom(EndpointCaller.addressPrefix('10.100.0.0/16'), 'apps in the hub');
    synth(late.stack);
    expect(warningsOf(late.stack)).toEqual([]);
    const acked = setup({ targetResourceId: FOUNDRY, subresource: 'account', zones: FOUNDRY_ZONES });
    Warnings.acknowledge(acked.endpoint, 'endpoint-no-callers', 'callers are added by the platform team in another stack');
    synth(acked.stack);
    expect(warningsOf(acked.stack)).toEqual([]);
    expect(Warnings.of(acked.stack).map((w) => w.acknowledgedReason)).toEqual(['callers are added by the platform team in another stack']);
  });
});

describe('ServicePrivateEndpoint: zone groups managed by Azure Policy', () => {
  test('creates no zone group and ignores the one Policy adds', () => {
    const { stack, endpoint } = setup({ targetResourceId: FOUNDRY, subresource: 'account', zones: FOUNDRY_ZONES }, policyZones);
    endpoint.allowFrom(EndpointCaller.virtualNetwork());
    const pe = onlyResource(synthJson(stack), 'azurerm_private_endpoint');
    expect(pe).not.toHaveProperty('private_dns_zone_group');
    expect(pe.lifecycle).toEqual({ ignore_changes: ['private_dns_zone_group'] });
    expect(endpoint.zoneGroupManagedByPolicy).toBe(true);
    expect(warningsOf(stack)).toEqual([]);
  });

  test('keeps the connection, subnet, names and tags of a created-group endpoint', () => {
    const props = { tags: { env: 'prod' }, name: 'pe-kv' };
    const created = onlyResource(synthJson(setup(props, hubZones()).stack), 'azurerm_private_endpoint');
    const managed = onlyResource(synthJson(setup(props, hubZones(ZoneGroupMode.MANAGED_BY_POLICY)).stack), 'azurerm_private_endpoint');
    const { private_dns_zone_group: group, ...rest } = created;
    expect(group).toEqual({ name: 'default', private_dns_zone_ids: [`${HUB}/privatelink.vaultcore.azure.net`] });
    expect(managed).toEqual({ ...rest, lifecycle: { ignore_changes: ['private_dns_zone_group'] } });
  });

  test('needs no zone id, even for zones the hub set does not hold', () => {
    expect(() => setup({ zones: [PrivateLinkZone.KEY_VAULT, PrivateLinkZone.APP_SERVICE] }, policyZones)).not.toThrow();
  });

  test('still requires and checks zones, which name the zones Policy must fill', () => {
    expect(() => setup({ zones: undefined }, policyZones)).toThrow(/'zones' is required \(an array of a PrivateLinkZone/);
    expect(() => setup({ zones: [] }, policyZones)).toThrow(/'zones' must list at least one private DNS zone, got \[\]/);
    expect(() => setup({ zones: [PrivateLinkZone.KEY_VAULT, PrivateLinkZone.KEY_VAULT] }, policyZones)).toThrow(/'zones' must not repeat a zone/);
    const { stack } = setup({ zones: [PrivateLinkZone.OPENAI] }, policyZones);
    expect(warningsOf(stack)).toEqual([expect.stringMatching(/'zones\[0\]' is 'privatelink.openai.azure.com', which does not resolve a Microsoft.KeyVault\/vaults target.*\[endpoint-zone-mismatch\]$/)]);
  });
});

describe('ServicePrivateEndpoint: zone groups created by the endpoint', () => {
  test.each([
    ['created zones', undefined],
    ['hub zones', hubZones()],
    ['hub zones with ZoneGroupMode.CREATE', hubZones(ZoneGroupMode.CREATE)],
  ])('has one zone group and no lifecycle with %s', (_n, zonesOf) => {
    const { stack, endpoint } = setup({}, zonesOf);
    const pe = onlyResource(synthJson(stack), 'azurerm_private_endpoint');
    expect(pe.private_dns_zone_group).toEqual({ name: 'default', private_dns_zone_ids: [expect.any(String)] });
    expect(pe).not.toHaveProperty('lifecycle');
    expect(endpoint.zoneGroupManagedByPolicy).toBe(false);
  });

  test('synthesizes exactly the attributes it always had', () => {
    const { stack, network, dnsZones } = setup({ tags: { env: 'prod' } });
    const pe = onlyResource(synthJson(stack), 'azurerm_private_endpoint');
    const name = pe.name;
    expect(Object.keys(pe)).toEqual([
      'custom_network_interface_name', 'location', 'name', 'private_dns_zone_group', 'private_service_connection', 'resource_group_name', 'subnet_id', 'tags',
    ]);
    expect(pe).toEqual({
      custom_network_interface_name: `${name}-nic`,
      location: 'swedencentral',
      name,
      private_dns_zone_group: {
        name: 'default',
        private_dns_zone_ids: [`\${azurerm_private_dns_zone.${(dnsZones as PrivateDnsZones).zones['privatelink.vaultcore.azure.net'].friendlyUniqueId}.id}`],
      },
      private_service_connection: {
        is_manual_connection: false, name: `${name}-connection`, private_connection_resource_id: VAULT, subresource_names: ['vault'],
      },
      resource_group_name: 'rg',
      subnet_id: `\${azurerm_subnet.${network.privateEndpointSubnet.friendlyUniqueId}.id}`,
      tags: { env: 'prod' },
    });
  });
});
