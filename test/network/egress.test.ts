import { NatGateway } from '@cdktf/provider-azurerm/lib/nat-gateway';
import { RouteTable } from '@cdktf/provider-azurerm/lib/route-table';
import { SubnetRouteTableAssociation } from '@cdktf/provider-azurerm/lib/subnet-route-table-association';
import { Testing } from 'cdktf';
import { Egress, EgressKind, PrivateNetwork, PrivateNetworkProps, Warnings } from '../../src';
import { newStack, warningsOf } from '../util';

const network = (p: Partial<PrivateNetworkProps> = {}) =>
  new PrivateNetwork(newStack(), 'Network', { resourceGroupName: 'rg-chat', location: 'swedencentral', ...p });

describe('PrivateNetwork egress', () => {
  test('defaults to a NAT gateway and no route table', () => {
    const n = network();
    expect(n.egress.kind).toBe(EgressKind.NAT_GATEWAY);
    const out = Testing.synth(n.node.scope as any);
    expect(out).toHaveResource(NatGateway);
    expect(out).not.toHaveResource(RouteTable);
    expect(warningsOf(n)).toEqual([]);
  });

  test('sends everything to the firewall through a route table on the app subnet, with gateway propagation off', () => {
    const n = network({ egress: Egress.throughFirewall('10.100.0.4') });
    const out = Testing.synth(n.node.scope as any);
    expect(out).not.toHaveResource(NatGateway);
    expect(out).toHaveResourceWithProperties(RouteTable, {
      bgp_route_propagation_enabled: false,
      route: [{ name: 'default-to-firewall', address_prefix: '0.0.0.0/0', next_hop_type: 'VirtualAppliance', next_hop_in_ip_address: '10.100.0.4' }],
    });
    expect(out).toHaveResourceWithProperties(SubnetRouteTableAssociation, {
      subnet_id: `\${azurerm_subnet.${n.appIntegrationSubnet.friendlyUniqueId}.id}`,
      route_table_id: `\${azurerm_route_table.${n.egressRouteTable!.friendlyUniqueId}.id}`,
    });
    expect(warningsOf(n)).toEqual([]);
  });

  test('creates nothing for egress provided elsewhere, and does not warn', () => {
    const n = network({ egress: Egress.providedElsewhere('Azure Policy attaches the hub route table') });
    const out = Testing.synth(n.node.scope as any);
    expect(out).not.toHaveResource(NatGateway);
    expect(out).not.toHaveResource(RouteTable);
    expect(warningsOf(n)).toEqual([]);
  });

  test.each([
    ['egress: Egress.none()', { egress: Egress.none() }],
    ['natGateway: false', { natGateway: false }],
  ])('warns when there is no egress (%s), unless acknowledged', (_, props) => {
    const n = network(props);
    expect(warningsOf(n)).toEqual([expect.stringMatching(/^PrivateNetwork 'test\/Network': has no egress for the app subnet .*Easy Auth cannot reach Entra ID.*\[no-egress\]$/)]);
    Warnings.acknowledge(n, 'no-egress', 'sign-in is tested with a private IdP proxy');
    expect(warningsOf(n)).toEqual([]);
  });

  test('fails when natGateway and egress contradict each other', () => {
    expect(() => network({ natGateway: true, egress: Egress.none() })).toThrow(/^PrivateNetwork 'test\/Network': 'natGateway' true contradicts 'egress' None: set only 'egress', got both$/);
    expect(() => network({ natGateway: true, egress: Egress.natGateway() })).not.toThrow();
  });

  test.each([
    [() => Egress.throughFirewall('8.8.8.8'), /^Egress.throughFirewall: 'nextHopIp' must be a private address .*, got '8.8.8.8'$/],
    [() => Egress.throughFirewall('10.0.0'), /^Egress.throughFirewall: 'nextHopIp' must be an IPv4 address such as 10.100.0.4, got '10.0.0'$/],
    [() => Egress.throughFirewall(undefined as any), /^Egress.throughFirewall: 'nextHopIp' is required \(a string\), got undefined$/],
    [() => Egress.providedElsewhere('hub'), /^Egress.providedElsewhere: 'description' must say how egress is provided, in at least 10 characters, got 'hub'$/],
    [() => network({ egress: { kind: 'None' } as any }), /^PrivateNetwork 'test\/Network': 'egress' must be an Egress \(Egress.natGateway\(\).*got \{"kind":"None"\}$/],
  ])('fails on bad input (%#)', (make, expected) => {
    expect(make).toThrow(expected);
  });
});

describe('PrivateNetwork.fromAttributes without an app subnet', () => {
  test('is accepted for a network that only holds private endpoints', () => {
    const vnet = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke';
    const n = PrivateNetwork.fromAttributes(newStack(), 'Spoke', { virtualNetworkId: vnet, privateEndpointSubnetId: `${vnet}/subnets/pe` });
    expect(n.appIntegrationSubnetId).toBeUndefined();
    expect(n.privateEndpointSubnetId).toBe(`${vnet}/subnets/pe`);
  });
});
