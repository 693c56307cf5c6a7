import { NatGateway } from '@cdktf/provider-azurerm/lib/nat-gateway';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { TerraformStack, Testing } from 'cdktf';
import {
  Egress, IPrivateNetwork, PrivateDnsZones, PrivateLinkZone, PrivateNetwork, PrivateNetworkProps, ServicePrivateEndpoint,
} from '../../src/network';
import { newStack, onlyResource, resolved, resourcesOf, synth, synthJson, warningsOf } from '../util';

const base: PrivateNetworkProps = { resourceGroupName: 'rg-chat', location: 'swedencentral' };

function build(props: Partial<PrivateNetworkProps> = {}) {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { ...base, ...props });
  return { stack, network };
}

describe('PrivateNetwork', () => {
  test('creates a 10.0.0.0/16 VNet with a deterministic name by default', () => {
    const { stack } = build();
    expect(synth(stack)).toHaveResourceWithProperties(VirtualNetwork, {
      address_space: ['10.0.0.0/16'],
      location: 'swedencentral',
      resource_group_name: 'rg-chat',
      name: expect.stringMatching(/^vnet-network-[0-9a-f]{6}$/),
    });
  });

  test('creates the private-endpoints subnet with network policies on and no default outbound access', () => {
    const { stack } = build();
    const subnets = Object.values(resourcesOf(synthJson(stack), 'azurerm_subnet'));
    const pe = subnets.find((s: any) => s.name === 'private-endpoints');
    expect(pe).toMatchObject({
      address_prefixes: ['10.0.0.0/24'],
      default_outbound_access_enabled: false,
      private_endpoint_network_policies: 'Enabled',
    });
    expect(pe.delegation).toBeUndefined();
  });

  test('delegates the app-integration subnet to Microsoft.Web/serverFarms', () => {
    const { stack } = build();
    expect(synth(stack)).toHaveResourceWithProperties(Subnet, {
      name: 'app-integration',
      address_prefixes: ['10.0.1.0/24'],
      default_outbound_access_enabled: false,
      delegation: [expect.objectContaining({
        service_delegation: expect.objectContaining({ name: 'Microsoft.Web/serverFarms' }),
      })],
    });
  });

  test('honours custom address space and subnet sizes', () => {
    const { stack } = build({
      addressSpace: '172.16.0.0/20',
      privateEndpointSubnetCidr: '172.16.0.0/27',
      appIntegrationSubnetCidr: '172.16.1.0/26',
    });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_virtual_network').address_space).toEqual(['172.16.0.0/20']);
    const prefixes = Object.values(resourcesOf(json, 'azurerm_subnet')).map((s: any) => s.address_prefixes[0]).sort();
    expect(prefixes).toEqual(['172.16.0.0/27', '172.16.1.0/26']);
  });

  test.each([
    ['a /16 elsewhere', '10.20.0.0/16', ['10.20.0.0/24', '10.20.1.0/24']],
    ['a /24', '192.168.5.0/24', ['192.168.5.0/25', '192.168.5.128/25']],
    ['a /8 that holds the fixed defaults', '10.0.0.0/8', ['10.0.0.0/24', '10.0.1.0/24']],
    ['the /24 of the first fixed default only', '10.0.0.0/24', ['10.0.0.0/25', '10.0.0.128/25']],
  ])('derives the default subnets from a custom address space (%s), never naming addresses the user did not give', (_n, addressSpace, expected) => {
    const { stack } = build({ addressSpace });
    const prefixes = Object.values(resourcesOf(synthJson(stack), 'azurerm_subnet')).map((s: any) => s.address_prefixes[0]).sort();
    expect(prefixes).toEqual([...expected].sort());
  });

  test('fails on the subnet the user wrote when it lies outside their address space', () => {
    expect(() => build({ addressSpace: '10.20.0.0/16', appIntegrationSubnetCidr: '10.0.1.0/24' }))
      .toThrow("PrivateNetwork 'test/Network': 'appIntegrationSubnetCidr' must lie inside addressSpace '10.20.0.0/16', got '10.0.1.0/24'");
  });

  test('attaches one NSG to each subnet', () => {
    const { stack, network } = build();
    const json = synthJson(stack);
    const assocs = Object.values(resourcesOf(json, 'azurerm_subnet_network_security_group_association'));
    expect(assocs).toHaveLength(2);
    const pairs = assocs.map((a: any) => [a.subnet_id, a.network_security_group_id]);
    const ref = (r: { terraformResourceType: string; friendlyUniqueId: string }) => `\${${r.terraformResourceType}.${r.friendlyUniqueId}.id}`;
    expect(pairs).toEqual(expect.arrayContaining([
      [ref(network.privateEndpointSubnet), ref(network.privateEndpointNsg)],
      [ref(network.appIntegrationSubnet), ref(network.appIntegrationNsg)],
    ]));
    expect(synth(stack)).toHaveResource(SubnetNetworkSecurityGroupAssociation);
  });

  test('NSGs deny inbound from the Internet and allow nothing in until a caller is wired to an endpoint; both deny the Internet outbound', () => {
    const { stack, network } = build();
    const nsgs = resourcesOf(synthJson(stack), 'azurerm_network_security_group') as any;
    expect(Object.keys(nsgs)).toHaveLength(2);
    const denyInbound = [
      expect.objectContaining({ name: 'DenyInternetInbound', access: 'Deny', direction: 'Inbound', source_address_prefix: 'Internet', priority: 4000 }),
      expect.objectContaining({ name: 'DenyAllOtherInbound', access: 'Deny', direction: 'Inbound', source_address_prefix: '*', priority: 4096 }),
    ];
    const denyInternet = expect.objectContaining({
      name: 'DenyInternetOutbound', access: 'Deny', direction: 'Outbound', protocol: '*', source_address_prefix: '*', destination_address_prefix: 'Internet', destination_port_range: '*', priority: 4000,
    });
    expect(nsgs[network.privateEndpointNsg.friendlyUniqueId].security_rule).toEqual([...denyInbound, denyInternet]);
    // The app subnet has a path out (the NAT gateway): Entra ID on 443, then nothing else on the Internet.
    expect(nsgs[network.appIntegrationNsg.friendlyUniqueId].security_rule).toEqual([
      ...denyInbound,
      expect.objectContaining({
        name: 'AllowEntraIdOutbound', access: 'Allow', direction: 'Outbound', protocol: 'Tcp', source_address_prefix: '10.0.1.0/24', destination_address_prefix: 'AzureActiveDirectory', destination_port_range: '443', priority: 400,
      }),
      denyInternet,
    ]);
  });

  test('gives the app subnet a NAT gateway for egress by default, and none when disabled', () => {
    const on = build();
    const json = synthJson(on.stack);
    expect(onlyResource(json, 'azurerm_subnet_nat_gateway_association').subnet_id)
      .toBe(`\${azurerm_subnet.${on.network.appIntegrationSubnet.friendlyUniqueId}.id}`);
    expect(onlyResource(json, 'azurerm_public_ip')).toMatchObject({ allocation_method: 'Static', sku: 'Standard' });
    expect(synth(on.stack)).toHaveResourceWithProperties(NatGateway, { sku_name: 'Standard' });

    const off = build({ natGateway: false });
    expect(synth(off.stack)).not.toHaveResource(NatGateway);
    expect(off.network.natGateway).toBeUndefined();
  });

  test('passes custom DNS servers to the VNet', () => {
    const { stack } = build({ dnsServers: ['10.100.0.4'] });
    expect(synth(stack)).toHaveResourceWithProperties(VirtualNetwork, { dns_servers: ['10.100.0.4'] });
  });

  test('exposes subnet ids as references to the created subnets', () => {
    const { network } = build();
    expect(resolved(network, network.privateEndpointSubnetId)).toBe(`\${azurerm_subnet.${network.privateEndpointSubnet.friendlyUniqueId}.id}`);
    expect(resolved(network, network.appIntegrationSubnetId)).toBe(`\${azurerm_subnet.${network.appIntegrationSubnet.friendlyUniqueId}.id}`);
    expect(resolved(network, network.virtualNetworkId)).toBe(`\${azurerm_virtual_network.${network.virtualNetwork.friendlyUniqueId}.id}`);
  });

  test('warns when the app subnet is smaller than the recommended /26', () => {
    const { network } = build({ appIntegrationSubnetCidr: '10.0.1.0/28' });
    expect(warningsOf(network)).toEqual([expect.stringMatching(/^PrivateNetwork 'test\/Network': 'appIntegrationSubnetCidr' is a \/28; Microsoft recommends a \/26/)]);
    expect(warningsOf(build().network)).toEqual([]);
  });

  describe('validation', () => {
    test.each([
      ['addressSpace', { addressSpace: '10.0.0.0' }, /'addressSpace' must be an IPv4 CIDR block like 10.0.0.0\/16, got '10.0.0.0'/],
      ['addressSpace', { addressSpace: '10.0.0.300/16' }, /'addressSpace' must be an IPv4 CIDR block with octets between 0 and 255, got '10.0.0.300\/16'/],
      ['addressSpace', { addressSpace: '10.0.0.1/16' }, /'addressSpace' must have no host bits set \(did you mean 10.0.0.0\/16\?\), got '10.0.0.1\/16'/],
      ['addressSpace', { addressSpace: '10.0.0.0/33' }, /'addressSpace' must have a prefix length between 0 and 32, got '10.0.0.0\/33'/],
      ['privateEndpointSubnetCidr', { privateEndpointSubnetCidr: '10.1.0.0/24' }, /'privateEndpointSubnetCidr' must lie inside addressSpace '10.0.0.0\/16', got '10.1.0.0\/24'/],
      ['appIntegrationSubnetCidr', { appIntegrationSubnetCidr: '10.0.1.0/29' }, /'appIntegrationSubnetCidr' must be a \/28 or larger .*, got '10.0.1.0\/29'/],
      ['privateEndpointSubnetCidr', { privateEndpointSubnetCidr: '10.0.0.0/30' }, /'privateEndpointSubnetCidr' must be a \/28 or larger .*, got '10.0.0.0\/30'/],
      ['overlap', { privateEndpointSubnetCidr: '10.0.0.0/23', appIntegrationSubnetCidr: '10.0.1.0/24' }, /'privateEndpointSubnetCidr' \('10.0.0.0\/23'\) and 'appIntegrationSubnetCidr' \('10.0.1.0\/24'\) must not overlap/],
      ['location', { location: 'mars-north' }, /'location' must be an Azure region name such as 'swedencentral'.*, got 'mars-north'/],
      ['resourceGroupName', { resourceGroupName: '' }, /'resourceGroupName' must not be empty, got ''/],
      ['name', { name: '-bad' }, /'name' must contain only .*, got '-bad'/],
      ['dnsServers', { dnsServers: ['dns.example.com'] }, /'dnsServers\[0\]' must be an IPv4 address, got 'dns.example.com'/],
    ])('fails when %s is invalid (%j)', (_prop, props, message) => {
      expect(() => build(props as Partial<PrivateNetworkProps>)).toThrow(message);
    });

    test('names the construct path in errors', () => {
      expect(() => build({ addressSpace: 'nope' })).toThrow(/^PrivateNetwork 'test\/Network': /);
    });

    test('accepts a location in display form', () => {
      expect(() => build({ location: 'Sweden Central' })).not.toThrow();
    });
  });
});

describe('PrivateNetwork.fromAttributes', () => {
  const vnet = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-spoke';

  test('creates nothing and exposes the given ids', () => {
    const stack = newStack();
    const net = PrivateNetwork.fromAttributes(stack, 'Existing', {
      virtualNetworkId: vnet,
      privateEndpointSubnetId: `${vnet}/subnets/pe`,
      appIntegrationSubnetId: `${vnet}/subnets/app`,
    });
    expect(net.privateEndpointSubnetId).toBe(`${vnet}/subnets/pe`);
    expect(net.appIntegrationSubnetId).toBe(`${vnet}/subnets/app`);
    expect(synthJson(stack).resource).toBeUndefined();
  });

  test('fails when a subnet is not in the VNet', () => {
    const stack = newStack();
    expect(() => PrivateNetwork.fromAttributes(stack, 'Existing', {
      virtualNetworkId: vnet,
      privateEndpointSubnetId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/other/subnets/pe',
      appIntegrationSubnetId: `${vnet}/subnets/app`,
    })).toThrow(/'privateEndpointSubnetId' must be a subnet of virtualNetworkId '.*vnet-spoke'.*, got '\/subscriptions\/.*virtualNetworks\/other/);
  });

  test('fails when an id is not a resource id', () => {
    const stack = newStack();
    expect(() => PrivateNetwork.fromAttributes(stack, 'Existing', {
      virtualNetworkId: 'vnet-spoke',
      privateEndpointSubnetId: `${vnet}/subnets/pe`,
      appIntegrationSubnetId: `${vnet}/subnets/app`,
    })).toThrow(/'virtualNetworkId' must be an Azure resource id .*, got 'vnet-spoke'/);
  });

  test('fails when both subnets are the same', () => {
    const stack = newStack();
    expect(() => PrivateNetwork.fromAttributes(stack, 'Existing', {
      virtualNetworkId: vnet,
      privateEndpointSubnetId: `${vnet}/subnets/one`,
      appIntegrationSubnetId: `${vnet}/subnets/one`,
    })).toThrow(/'privateEndpointSubnetId' and 'appIntegrationSubnetId' must be different subnets/);
  });

  describe('a virtual network in another subscription', () => {
    // A private endpoint must be in its virtual network's subscription, and the library creates
    // endpoints with the stack's azurerm provider.
    const OTHER = '11111111-1111-1111-1111-111111111111';
    const otherVnet = `/subscriptions/${OTHER}/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke`;
    const stackIn = (subscriptionId?: string) => {
      const stack = new TerraformStack(Testing.app(), 'test');
      new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId });
      return stack;
    };
    const importInto = (stack: TerraformStack) => PrivateNetwork.fromAttributes(stack, 'Spoke', {
      virtualNetworkId: otherVnet, privateEndpointSubnetId: `${otherVnet}/subnets/pe`, location: 'swedencentral',
    });
    const endpointIn = (stack: TerraformStack, network: IPrivateNetwork) => new ServicePrivateEndpoint(stack, 'Endpoint', {
      resourceGroupName: 'rg-chat',
      location: 'swedencentral',
      network,
      dnsZones: PrivateDnsZones.fromHubZoneIds(stack, 'Hub', { keyVault: `/subscriptions/${OTHER}/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net` }),
      targetResourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-chat/providers/Microsoft.KeyVault/vaults/kv-chat',
      subresource: 'vault',
      zones: [PrivateLinkZone.KEY_VAULT],
    });

    test('fails at synth when the stack\'s provider names another subscription', () => {
      expect(() => importInto(stackIn('00000000-0000-0000-0000-000000000000'))).toThrow(
        `PrivateNetwork.fromAttributes 'test/Spoke': 'virtualNetworkId' is in subscription ${OTHER}, but a private endpoint must be in the same `
        + 'subscription as its virtual network, and the library creates the endpoints with the stack\'s azurerm provider, and the stack\'s azurerm '
        + 'provider is in subscription 00000000-0000-0000-0000-000000000000; deploy this stack with an azurerm provider in the virtual network\'s '
        + `subscription (the spoke's), or import a virtual network of this stack's subscription, got '${otherVnet}'`);
    });

    test('when the provider\'s subscription is not in the code, each endpoint carries a precondition that fails the plan', () => {
      const stack = stackIn();
      const endpoint = endpointIn(stack, importInto(stack));
      const block = synthJson(stack).resource!.azurerm_private_endpoint[endpoint.resource.friendlyUniqueId];
      expect(block.lifecycle.precondition).toEqual([{
        condition: `\${(lower(data.azurerm_client_config.AzurermClientConfig.subscription_id) == "${OTHER}")}`,
        error_message: expect.stringMatching(/^PrivateNetwork\.fromAttributes 'test\/Spoke': 'virtualNetworkId' is in subscription 1{8}-.*, and the azurerm provider is in another one; deploy this stack .*\.$/),
      }]);
    });

    test('works when the stack\'s provider is in the virtual network\'s subscription: no check, no precondition', () => {
      const stack = stackIn(OTHER);
      const endpoint = endpointIn(stack, importInto(stack));
      const block = synthJson(stack).resource!.azurerm_private_endpoint[endpoint.resource.friendlyUniqueId];
      expect(block.subnet_id).toBe(`${otherVnet}/subnets/pe`);
      expect(block.lifecycle?.precondition).toBeUndefined();
    });
  });
});

describe('PrivateNetwork.addDelegatedSubnet', () => {
  const make = () => {
    const stack = newStack();
    return { stack, network: new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg', location: 'swedencentral' }) };
  };

  test('a delegated subnet with its own deny-inbound NSG, no default outbound access', () => {
    const { stack, network } = make();
    const subnet = network.addDelegatedSubnet('ApimSubnet', { name: 'apim-integration', cidr: '10.0.2.0/27' });
    const json = synthJson(stack);
    const block = (resourcesOf(json, 'azurerm_subnet') as any)[subnet.friendlyUniqueId];
    expect(block).toMatchObject({
      name: 'apim-integration',
      address_prefixes: ['10.0.2.0/27'],
      default_outbound_access_enabled: false,
      delegation: [{ name: 'delegation', service_delegation: { name: 'Microsoft.Web/serverFarms', actions: ['Microsoft.Network/virtualNetworks/subnets/action'] } }],
    });
    const association = Object.values(resourcesOf(json, 'azurerm_subnet_network_security_group_association')).find((a: any) => a.subnet_id === `\${azurerm_subnet.${subnet.friendlyUniqueId}.id}`) as any;
    const nsg = (resourcesOf(json, 'azurerm_network_security_group') as any)[association.network_security_group_id.replace(/^\$\{azurerm_network_security_group\.(.*)\.id\}$/, '$1')];
    // No path out (egress not asked): no Entra ID rule, the Internet denied all the same.
    expect(nsg.security_rule.map((r: any) => [r.name, r.access, r.direction])).toEqual([
      ['DenyInternetInbound', 'Deny', 'Inbound'], ['DenyAllOtherInbound', 'Deny', 'Inbound'], ['DenyInternetOutbound', 'Deny', 'Outbound'],
    ]);
  });

  test.each([
    ['outside the address space', '10.9.0.0/27', /'addDelegatedSubnet\(S\).cidr' must lie inside addressSpace '10.0.0.0\/16', got '10.9.0.0\/27'/],
    ['overlapping the private-endpoint subnet', '10.0.0.128/27', /'addDelegatedSubnet\(S\).cidr' must not overlap 'privateEndpointSubnetCidr' \('10.0.0.0\/24'\), got '10.0.0.128\/27'/],
    ['too small', '10.0.2.0/29', /'addDelegatedSubnet\(S\).cidr' must be a \/28 or larger/],
    ['not a CIDR', '10.0.2.0', /'addDelegatedSubnet\(S\).cidr'/],
  ])('fails when the prefix is %s', (_, cidr, expected) => {
    expect(() => make().network.addDelegatedSubnet('S', { name: 'extra', cidr })).toThrow(expected);
  });

  test('no egress path unless asked; with egress the NAT gateway or the firewall route table, as the app subnet', () => {
    const { stack, network } = make();
    const plain = network.addDelegatedSubnet('Plain', { name: 'plain', cidr: '10.0.2.0/27' });
    const withEgress = network.addDelegatedSubnet('Apim', { name: 'apim', cidr: '10.0.3.0/27', egress: true });
    const json = synthJson(stack);
    const nat = Object.values(resourcesOf(json, 'azurerm_subnet_nat_gateway_association')).map((a: any) => [a.subnet_id, a.nat_gateway_id]);
    expect(nat).toContainEqual([`\${azurerm_subnet.${withEgress.friendlyUniqueId}.id}`, `\${azurerm_nat_gateway.${network.natGateway!.friendlyUniqueId}.id}`]);
    expect(nat.map(([subnet]) => subnet)).not.toContain(`\${azurerm_subnet.${plain.friendlyUniqueId}.id}`);

    const fw = newStack();
    const routed = new PrivateNetwork(fw, 'Network', { resourceGroupName: 'rg', location: 'swedencentral', egress: Egress.throughFirewall('10.100.0.4') });
    const apim = routed.addDelegatedSubnet('Apim', { name: 'apim', cidr: '10.0.3.0/27', egress: true });
    const tables = Object.values(resourcesOf(synthJson(fw), 'azurerm_subnet_route_table_association')).map((a: any) => [a.subnet_id, a.route_table_id]);
    expect(tables).toContainEqual([`\${azurerm_subnet.${apim.friendlyUniqueId}.id}`, `\${azurerm_route_table.${routed.egressRouteTable!.friendlyUniqueId}.id}`]);

    const none = newStack();
    const closed = new PrivateNetwork(none, 'Network', { resourceGroupName: 'rg', location: 'swedencentral', egress: Egress.none() });
    closed.addDelegatedSubnet('Apim', { name: 'apim', cidr: '10.0.3.0/27', egress: true });
    const closedJson = synthJson(none);
    expect(resourcesOf(closedJson, 'azurerm_subnet_nat_gateway_association')).toEqual({});
    expect(resourcesOf(closedJson, 'azurerm_subnet_route_table_association')).toEqual({});
  });

  test('fails when a second added subnet overlaps the first', () => {
    const { network } = make();
    network.addDelegatedSubnet('A', { name: 'a', cidr: '10.0.2.0/27' });
    expect(() => network.addDelegatedSubnet('B', { name: 'b', cidr: '10.0.2.0/28' })).toThrow(/'addDelegatedSubnet\(B\).cidr' must not overlap 'addDelegatedSubnet\(A\).cidr' \('10.0.2.0\/27'\)/);
  });
});
