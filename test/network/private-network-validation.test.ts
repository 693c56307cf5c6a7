import { PrivateNetwork, PrivateNetworkProps } from '../../src/network';
import { newStack, synth, warningsOf } from '../util';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const VNET = `${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke`;

function build(props: Partial<PrivateNetworkProps> | Record<string, unknown> = {}) {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg-chat', location: 'swedencentral', ...props } as PrivateNetworkProps);
  return { stack, network };
}

function imported(attrs: Record<string, unknown> = {}) {
  return PrivateNetwork.fromAttributes(newStack(), 'Spoke', {
    virtualNetworkId: VNET,
    privateEndpointSubnetId: `${VNET}/subnets/pe`,
    appIntegrationSubnetId: `${VNET}/subnets/app`,
    ...attrs,
  } as any);
}

describe('PrivateNetwork: JavaScript types at the boundary', () => {
  test.each([
    ['location is null', { location: null }, /'location' must be a string or left out|'location' is required|'location' must be a string/],
    ['natGateway is a string', { natGateway: 'false' }, /'natGateway' must be true or false .*, got 'false'/],
    ['dnsServers holds undefined', { dnsServers: ['10.0.0.4', undefined] }, /'dnsServers\[1\]' must be a string, got undefined/],
    ['addressSpace is an array', { addressSpace: ['10.0.0.0/16'] }, /'addressSpace' must be a string, got \["10.0.0.0\/16"\]/],
    ['a prop is misspelt', { adressSpace: '10.0.0.0/16' }, /'adressSpace' is not a known prop/],
    ['tags hold a number', { tags: { team: 1 } }, /'tags.team' must be a string, got 1/],
    ['a tag name has a slash', { tags: { 'cost/center': 'x' } }, /'tags.cost\/center' is not a valid tag name/],
  ])('fails when %s', (_n, props, expected) => {
    expect(() => build(props)).toThrow(expected);
  });

  test('fails with a named error, not a TypeError, when props are missing altogether', () => {
    expect(() => new PrivateNetwork(newStack(), 'Network', undefined as any)).toThrow(/PrivateNetwork 'test\/Network': 'resourceGroupName' is required/);
  });

  test('exposes its location for endpoints and apps to compare with', () => {
    expect(build().network.location).toBe('swedencentral');
  });
});

describe('PrivateNetwork: address spaces Azure refuses', () => {
  test.each([
    ['0.0.0.0/0', { addressSpace: '0.0.0.0/0' }, /'addressSpace' must not be 0.0.0.0\/0/],
    ['0.0.0.0/8', { addressSpace: '0.0.0.0/16' }, /'addressSpace' must not overlap 0.0.0.0\/8/],
    ['loopback', { addressSpace: '127.0.0.0/16' }, /'addressSpace' must not overlap 127.0.0.0\/8 \(loopback\)/],
    ['link-local', { addressSpace: '169.254.0.0/16' }, /'addressSpace' must not overlap 169.254.0.0\/16 \(link-local\)/],
    ['multicast', { addressSpace: '224.0.0.0/16' }, /'addressSpace' must not overlap 224.0.0.0\/4 \(multicast\)/],
    ['reserved', { addressSpace: '240.0.0.0/16' }, /'addressSpace' must not overlap 240.0.0.0\/4/],
    ['a range holding 168.63.129.16', { addressSpace: '168.63.0.0/16' }, /'addressSpace' must not overlap 168.63.129.16/],
    ['a supernet of a reserved range', { addressSpace: '0.0.0.0/1' }, /'addressSpace' must not overlap 0.0.0.0\/8/],
  ])('fails when the address space is %s', (_n, props, expected) => {
    expect(() => build(props)).toThrow(expected);
  });

  test.each([
    ['a /29', '10.0.0.0/29'],
    ['a /30', '10.0.0.0/30'],
    ['a /32', '10.0.0.0/32'],
  ])('fails when a subnet is %s, smaller than Azure and the services allow', (_n, cidr) => {
    expect(() => build({ privateEndpointSubnetCidr: cidr })).toThrow(/'privateEndpointSubnetCidr' must be a \/28 or larger/);
  });

  test('fails when a subnet is outside the space or the subnets overlap', () => {
    expect(() => build({ privateEndpointSubnetCidr: '10.1.0.0/24' })).toThrow(/'privateEndpointSubnetCidr' must lie inside addressSpace/);
    expect(() => build({ privateEndpointSubnetCidr: '10.0.1.0/25' })).toThrow(/must not overlap/);
  });

  test('fails when a DNS server is loopback or repeated', () => {
    expect(() => build({ dnsServers: ['127.0.0.1'] })).toThrow(/'dnsServers\[0\]' must be a usable IPv4 address, not in 127.0.0.0\/8/);
    expect(() => build({ dnsServers: ['10.0.0.4', '10.0.0.4'] })).toThrow(/'dnsServers\[1\]' must not repeat a DNS server, got '10.0.0.4'/);
  });

  test('accepts Azure\'s platform DNS address as a DNS server', () => {
    expect(() => build({ dnsServers: ['168.63.129.16'] })).not.toThrow();
  });

  test.each([
    ['10/8', '10.0.0.0/16', '10.0.0.0/24', '10.0.1.0/24'],
    ['172.16/12', '172.16.0.0/20', '172.16.0.0/27', '172.16.1.0/26'],
    ['192.168/16', '192.168.0.0/22', '192.168.0.0/24', '192.168.1.0/24'],
    ['100.64/10 (shared)', '100.64.0.0/16', '100.64.0.0/24', '100.64.1.0/24'],
  ])('accepts %s without a warning', (_n, addressSpace, privateEndpointSubnetCidr, appIntegrationSubnetCidr) => {
    const { stack } = build({ addressSpace, privateEndpointSubnetCidr, appIntegrationSubnetCidr });
    expect(() => synth(stack)).not.toThrow();
    expect(warningsOf(stack)).toEqual([]);
  });

  test('accepts a public range (Azure allows it) with a warning', () => {
    const { stack } = build({ addressSpace: '20.0.0.0/16', privateEndpointSubnetCidr: '20.0.0.0/24', appIntegrationSubnetCidr: '20.0.1.0/24' });
    expect(() => synth(stack)).not.toThrow();
    expect(warningsOf(stack)).toEqual([expect.stringMatching(/'addressSpace' 20.0.0.0\/16 is not a private .* \[public-address-space\]$/)]);
  });
});

describe('PrivateNetwork.fromAttributes', () => {
  test.each([
    ['the VNet id is a subnet id', { virtualNetworkId: `${VNET}/subnets/pe` }, /'virtualNetworkId' must be the id of a Microsoft.Network\/virtualNetworks resource \(found Microsoft.Network\/virtualNetworks\/subnets\)/],
    ['the VNet id is an NSG id', { virtualNetworkId: `${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg` }, /'virtualNetworkId' must be the id of a Microsoft.Network\/virtualNetworks resource/],
    ['a subnet id is a VNet id', { privateEndpointSubnetId: VNET }, /'privateEndpointSubnetId' must be the id of a Microsoft.Network\/virtualNetworks\/subnets resource/],
    ['a subnet id has an empty segment', { appIntegrationSubnetId: `${VNET}/subnets/` }, /'appIntegrationSubnetId' must be an Azure resource id/],
    ['the subscription is not a GUID', { virtualNetworkId: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v' }, /'virtualNetworkId' must be an Azure resource id/],
    ['the location has a trailing space', { location: 'swedencentral ' }, /'location' must not start or end with whitespace, got 'swedencentral '/],
    ['the location is unknown', { location: 'atlantis' }, /'location' must be an Azure region name/],
    ['the location is a number', { location: 1 }, /'location' must be a string, got 1/],
    ['a subnet is in a same-named VNet of another group', { privateEndpointSubnetId: `${SUB}/resourceGroups/rg-other/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/pe` }, /'privateEndpointSubnetId' must be a subnet of virtualNetworkId/],
    ['the subnets differ only by case', { appIntegrationSubnetId: `${VNET}/subnets/PE` }, /must be different subnets/],
    ['attrs are null', null, /'props' must be an object of props, got null/],
  ])('fails when %s', (_n, attrs, expected) => {
    expect(() => (attrs === null ? PrivateNetwork.fromAttributes(newStack(), 'Spoke', null as any) : imported(attrs))).toThrow(expected);
  });

  test('keeps an optional location, in display form too', () => {
    expect(imported({ location: 'Sweden Central' }).location).toBe('Sweden Central');
    expect(imported().location).toBeUndefined();
  });
});
