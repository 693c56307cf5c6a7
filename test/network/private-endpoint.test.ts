import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { endpointFixture, VAULT } from './endpoint-fixture';
import { PrivateDnsZones, PrivateLinkZone, PrivateNetwork, ServicePrivateEndpointProps } from '../../src/network';
import { onlyResource, synth, synthJson } from '../util';

const target = VAULT;
/** The fixture's network is a new PrivateNetwork here. */
const setup = (props: Partial<ServicePrivateEndpointProps> = {}) => {
  const made = endpointFixture(props);
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
