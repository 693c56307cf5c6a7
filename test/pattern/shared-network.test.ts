// Two chats on one network: what Azure refuses at apply must fail at synth, and sharing zones
// must be the path that works.
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { Testing } from 'cdktf';
import { PrivateChat, PrivateDnsZones, PrivateNetwork } from '../../src';
import { newStack, resourcesOf, synthJson, warningsOf } from '../util';

const RG = 'rg-chat';
const LOCATION = 'swedencentral';

describe('two PrivateChats on one VNet', () => {
  test('fails at synth when each would create and link its own zones', () => {
    const stack = newStack();
    const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
    new PrivateChat(stack, 'first', { location: LOCATION, network });
    expect(() => new PrivateChat(stack, 'second', { location: LOCATION, network })).toThrow(
      /^PrivateDnsZones 'test\/second\/DnsZones': 'network' is already linked to a 'privatelink\.\S+' zone by PrivateDnsZones 'test\/first\/DnsZones'; Azure allows one link per zone name and VNet.*Share the zones instead.*dnsZones: first\.dnsZones/,
    );
  });

  test('synthesizes when the second chat shares the first one\'s zones (one link per zone)', () => {
    const stack = newStack();
    const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
    const first = new PrivateChat(stack, 'first', { location: LOCATION, network });
    new PrivateChat(stack, 'second', { location: LOCATION, network, dnsZones: first.dnsZones });
    const links = Object.values(resourcesOf(synthJson(stack), 'azurerm_private_dns_zone_virtual_network_link'));
    expect(links).toHaveLength(first.dnsZones instanceof PrivateDnsZones ? Object.keys(first.dnsZones.zones).length : 0);
    expect(Testing.synth(stack)).toHaveResource(PrivateDnsZoneVirtualNetworkLink);
  });

  test('two chats with their own new VNets on the default range warn that they overlap', () => {
    const stack = newStack();
    new PrivateChat(stack, 'first', { location: LOCATION });
    const second = new PrivateChat(stack, 'second', { location: LOCATION });
    expect(warningsOf(second)).toEqual([
      expect.stringMatching(/^PrivateNetwork 'test\/second\/Network': 'addressSpace' 10\.0\.0\.0\/16 overlaps 10\.0\.0\.0\/16 of the VNet of 'test\/first\/Network'.*\[overlapping-address-spaces\]$/),
    ]);
  });

  test('distinct ranges do not warn', () => {
    const stack = newStack();
    new PrivateChat(stack, 'first', { location: LOCATION });
    const second = new PrivateChat(stack, 'second', {
      location: LOCATION, addressSpace: '10.1.0.0/16', privateEndpointSubnetCidr: '10.1.0.0/24', appIntegrationSubnetCidr: '10.1.1.0/24',
    });
    expect(warningsOf(second)).toEqual([]);
  });
});
