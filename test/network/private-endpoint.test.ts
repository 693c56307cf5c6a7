import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { PrivateDnsZones, PrivateLinkZone, PrivateNetwork, ServicePrivateEndpoint, ServicePrivateEndpointProps } from '../../src/network';
import { newStack, onlyResource, synth, synthJson } from '../util';

const target = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1';

function setup(props: Partial<ServicePrivateEndpointProps> = {}) {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg', location: 'swedencentral' });
  const dnsZones = new PrivateDnsZones(stack, 'Zones', { resourceGroupName: 'rg', network });
  const endpoint = new ServicePrivateEndpoint(stack, 'Endpoint', {
    resourceGroupName: 'rg',
    location: 'swedencentral',
    network,
    dnsZones,
    targetResourceId: target,
    subresource: 'vault',
    zones: [PrivateLinkZone.KEY_VAULT],
    ...props,
  });
  return { stack, network, dnsZones, endpoint };
}

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
