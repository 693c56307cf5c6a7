import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { endpointFixture, SUB, VAULT, VNET } from './endpoint-fixture';
import {
  EndpointCaller, IPrivateNetwork, PrivateDnsZones, PrivateLinkZone, PrivateNetwork, ServicePrivateEndpoint, ServicePrivateEndpointProps,
} from '../../src/network';
import { newStack, resourcesOf, synthJson } from '../util';

const PG = `${SUB}/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/psql1`;
const APP = `${SUB}/resourceGroups/rg/providers/Microsoft.Web/sites/app1`;
const SEARCH = `${SUB}/resourceGroups/rg/providers/Microsoft.Example/widgets/w1`;

/** A network with endpoints to a vault, a PostgreSQL server and a web app, in the order given. */
function networkWith(order: Array<'vault' | 'pg' | 'app'> = ['vault', 'pg', 'app']) {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg', location: 'swedencentral' });
  const dnsZones = new PrivateDnsZones(stack, 'Zones', { resourceGroupName: 'rg', network, zones: [...PrivateLinkZone.all(), PrivateLinkZone.POSTGRESQL] });
  type Extra = Partial<ServicePrivateEndpointProps>;
  const make = (id: string, targetResourceId: string, subresource: string, zones: PrivateLinkZone[], extra: Extra = {}) =>
    new ServicePrivateEndpoint(stack, id, { resourceGroupName: 'rg', location: 'swedencentral', network, dnsZones, targetResourceId, subresource, zones, ...extra });
  const endpoints: { [k: string]: ServicePrivateEndpoint } = {};
  for (const which of order) {
    if (which === 'vault') endpoints.vault = make('Vault', VAULT, 'vault', [PrivateLinkZone.KEY_VAULT]);
    if (which === 'pg') endpoints.pg = make('Pg', PG, 'postgresqlServer', [PrivateLinkZone.POSTGRESQL]);
    if (which === 'app') endpoints.app = make('App', APP, 'sites', [PrivateLinkZone.APP_SERVICE]);
  }
  return { stack, network, endpoints, make };
}

function nsgRules(stack: TerraformStack, nsg: NetworkSecurityGroup): any[] {
  return resourcesOf(synthJson(stack), 'azurerm_network_security_group')[nsg.friendlyUniqueId].security_rule;
}

function wireDefault(network: PrivateNetwork, endpoints: { [k: string]: ServicePrivateEndpoint }, order: string[] = ['vault', 'pg', 'app']) {
  const app = EndpointCaller.subnet(network.appIntegrationSubnetId!);
  for (const which of order) {
    if (which === 'app') endpoints.app.allowFrom(EndpointCaller.virtualNetwork());
    else endpoints[which].allowFrom(app, `app to ${which}`);
  }
}

describe('ServicePrivateEndpoint.servicePorts', () => {
  test.each([
    ['vault', VAULT, [443]],
    ['postgresqlServer', PG, [5432]],
    ['sites', APP, [443]],
    ['sites-staging', APP, [443]],
  ])('knows the port of sub-resource %s', (subresource, target, ports) => {
    const { endpoint } = endpointFixture({ subresource, targetResourceId: target, zones: [PrivateLinkZone.KEY_VAULT] });
    expect(endpoint.servicePorts).toEqual(ports);
  });

  test('takes servicePorts for a sub-resource it does not know, sorted', () => {
    const { endpoint } = endpointFixture({ targetResourceId: SEARCH, subresource: 'widget', servicePorts: [8443, 443] });
    expect(endpoint.servicePorts).toEqual([443, 8443]);
  });

  test('servicePorts overrides the known ports (a clustered Redis cache)', () => {
    const { endpoint } = endpointFixture({ servicePorts: [6380, 15000] });
    expect(endpoint.servicePorts).toEqual([6380, 15000]);
  });

  test('knows no port for an unknown sub-resource', () => {
    const { endpoint } = endpointFixture({ targetResourceId: SEARCH, subresource: 'widget' });
    expect(endpoint.servicePorts).toEqual([]);
  });

  test.each([
    [[], "'servicePorts' must list at least one TCP port, or be left out, got []"],
    [[0], "'servicePorts[0]' must be an integer between 1 and 65535, got 0"],
    [[443, 70000], "'servicePorts[1]' must be an integer between 1 and 65535, got 70000"],
    [[443, 443], "'servicePorts' must not repeat a port, got [443,443]"],
    [[44.3], "'servicePorts[0]' must be an integer"],
  ])('fails when servicePorts is %j', (servicePorts, message) => {
    expect(() => endpointFixture({ servicePorts })).toThrow(`ServicePrivateEndpoint 'test/Endpoint': ${message}`);
  });
});

describe('ServicePrivateEndpoint.allowFrom on a PrivateNetwork', () => {
  test('a bare network allows nothing in', () => {
    const { stack, network } = networkWith();
    // Outbound, the Internet is denied on both (and Entra ID allowed from the app subnet, which has a path out).
    expect(nsgRules(stack, network.privateEndpointNsg).map((r) => r.name)).toEqual(['DenyInternetInbound', 'DenyAllOtherInbound', 'DenyInternetOutbound']);
    expect(nsgRules(stack, network.appIntegrationNsg).map((r) => r.name)).toEqual(['DenyInternetInbound', 'DenyAllOtherInbound', 'AllowEntraIdOutbound', 'DenyInternetOutbound']);
  });

  test('users from the VNet keep the AllowVnetHttpsInbound rule, now derived from the app endpoint', () => {
    const { stack, network, endpoints } = networkWith();
    endpoints.app.allowFrom(EndpointCaller.virtualNetwork());
    expect(nsgRules(stack, network.privateEndpointNsg)[0]).toEqual({
      name: 'AllowVnetHttpsInbound',
      priority: 100,
      direction: 'Inbound',
      access: 'Allow',
      protocol: 'Tcp',
      description: 'HTTPS from the VNet, peered hubs, VPN and ExpressRoute to the private endpoints',
      source_address_prefix: 'VirtualNetwork',
      source_address_prefixes: null,
      source_application_security_group_ids: null,
      source_port_range: '*',
      source_port_ranges: null,
      destination_address_prefix: '10.0.0.0/24',
      destination_address_prefixes: null,
      destination_application_security_group_ids: null,
      destination_port_range: '443',
      destination_port_ranges: null,
    });
  });

  test('the app subnet gets one inbound rule for every port of every endpoint it calls, and the matching outbound rule', () => {
    const { stack, network, endpoints } = networkWith();
    wireDefault(network, endpoints);
    const inbound = nsgRules(stack, network.privateEndpointNsg);
    expect(inbound.map((r) => [r.name, r.direction, r.access])).toEqual([
      ['AllowVnetHttpsInbound', 'Inbound', 'Allow'],
      ['Allow-app-integration-Inbound', 'Inbound', 'Allow'],
      ['DenyInternetInbound', 'Inbound', 'Deny'],
      ['DenyAllOtherInbound', 'Inbound', 'Deny'],
      ['DenyInternetOutbound', 'Outbound', 'Deny'],
    ]);
    expect(inbound[1]).toMatchObject({
      protocol: 'Tcp',
      source_address_prefix: '10.0.1.0/24',
      destination_address_prefix: '10.0.0.0/24',
      destination_port_range: null,
      destination_port_ranges: ['443', '5432'],
      description: 'app to pg; app to vault',
    });
    expect(inbound[1].priority).toBeGreaterThanOrEqual(200);
    expect(inbound[1].priority).toBeLessThan(4000);
    expect(nsgRules(stack, network.appIntegrationNsg)).toEqual([
      expect.objectContaining({ name: 'DenyInternetInbound' }),
      expect.objectContaining({ name: 'DenyAllOtherInbound' }),
      expect.objectContaining({
        name: 'AllowPrivateEndpointsOutbound',
        priority: 150,
        direction: 'Outbound',
        access: 'Allow',
        protocol: 'Tcp',
        source_address_prefix: '10.0.1.0/24',
        destination_address_prefix: '10.0.0.0/24',
        destination_port_ranges: ['443', '5432'],
      }),
      expect.objectContaining({ name: 'AllowEntraIdOutbound', priority: 400 }),
      expect.objectContaining({ name: 'DenyInternetOutbound', priority: 4000 }),
    ]);
  });

  test('rules are the same whatever order endpoints and callers are created in', () => {
    const a = networkWith(['vault', 'pg', 'app']);
    wireDefault(a.network, a.endpoints, ['vault', 'pg', 'app']);
    const b = networkWith(['app', 'pg', 'vault']);
    wireDefault(b.network, b.endpoints, ['app', 'pg', 'vault']);
    expect(nsgRules(b.stack, b.network.privateEndpointNsg)).toEqual(nsgRules(a.stack, a.network.privateEndpointNsg));
    expect(nsgRules(b.stack, b.network.appIntegrationNsg)).toEqual(nsgRules(a.stack, a.network.appIntegrationNsg));
  });

  test('an endpoint created after the network and wired last still gets its rule (rendered at synth)', () => {
    const { stack, network, endpoints } = networkWith(['vault']);
    endpoints.vault.allowFrom(EndpointCaller.subnet(network.appIntegrationSubnetId!));
    expect(nsgRules(stack, network.privateEndpointNsg).find((r) => r.name === 'Allow-app-integration-Inbound').destination_port_range).toBe('443');
  });

  test('each source gets its own rule with its own priority: delegated subnets and address ranges', () => {
    const { stack, network, endpoints } = networkWith();
    const gateway = network.addDelegatedSubnet('GatewaySubnet', { name: 'apim-integration', cidr: '10.0.2.0/27' });
    wireDefault(network, endpoints);
    endpoints.vault.allowFrom(EndpointCaller.subnet(gateway.id));
    endpoints.pg.allowFrom(EndpointCaller.addressPrefix('10.100.0.0/24'), 'admins from the hub');
    const inbound = nsgRules(stack, network.privateEndpointNsg).filter((r) => r.direction === 'Inbound');
    const names = inbound.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['Allow-apim-integration-Inbound', 'Allow-app-integration-Inbound', 'Allow-10_100_0_0_24-Inbound']));
    const priorities = inbound.map((r) => r.priority);
    expect(new Set(priorities).size).toBe(priorities.length);
    expect(inbound.find((r) => r.name === 'Allow-10_100_0_0_24-Inbound')).toMatchObject({
      source_address_prefix: '10.100.0.0/24', destination_port_range: '5432', description: 'admins from the hub',
    });
    const gatewayNsg = network.node.findChild('GatewaySubnetNsg') as NetworkSecurityGroup;
    expect(nsgRules(stack, gatewayNsg).find((r) => r.direction === 'Outbound')).toMatchObject({
      name: 'AllowPrivateEndpointsOutbound', source_address_prefix: '10.0.2.0/27', destination_port_range: '443',
    });
  });

  test('a priority depends on the source, not on the other sources (adding one leaves the others alone)', () => {
    const one = networkWith();
    wireDefault(one.network, one.endpoints);
    const two = networkWith();
    wireDefault(two.network, two.endpoints);
    two.endpoints.pg.allowFrom(EndpointCaller.addressPrefix('10.100.0.0/24'));
    const priorityOf = (stack: TerraformStack, network: PrivateNetwork) =>
      nsgRules(stack, network.privateEndpointNsg).find((r) => r.name === 'Allow-app-integration-Inbound').priority;
    expect(priorityOf(two.stack, two.network)).toBe(priorityOf(one.stack, one.network));
  });

  test('the VNet rule keeps priority 100 and gets another name when it opens more than HTTPS', () => {
    const { stack, network, endpoints } = networkWith();
    endpoints.app.allowFrom(EndpointCaller.virtualNetwork());
    endpoints.pg.allowFrom(EndpointCaller.virtualNetwork());
    expect(nsgRules(stack, network.privateEndpointNsg)[0]).toMatchObject({
      name: 'AllowVnetToEndpointsInbound', priority: 100, destination_port_ranges: ['443', '5432'],
    });
  });

  test('the same caller twice adds nothing', () => {
    const { endpoints, network } = networkWith();
    const caller = EndpointCaller.subnet(network.appIntegrationSubnetId!);
    endpoints.vault.allowFrom(caller);
    endpoints.vault.allowFrom(EndpointCaller.subnet(network.appIntegrationSubnetId!));
    expect(endpoints.vault.callers).toHaveLength(1);
  });

  test('fails when the subnet is not one of the network\'s', () => {
    const { stack, endpoints } = networkWith();
    const other = new Subnet(stack, 'Other', { name: 'other', resourceGroupName: 'rg', virtualNetworkName: 'vnet-x', addressPrefixes: ['10.9.0.0/24'] });
    expect(() => endpoints.vault.allowFrom(EndpointCaller.subnet(other.id))).toThrow(
      /^ServicePrivateEndpoint 'test\/Vault': 'allowFrom.caller' must be a subnet of the endpoint's network \(its appIntegrationSubnetId, or a subnet from addDelegatedSubnet\) or of another PrivateNetwork of this stack; for another range use EndpointCaller.addressPrefix\(cidr\), got '\$\{TfToken/);
    expect(() => endpoints.vault.allowFrom(EndpointCaller.subnet(`${VNET}/subnets/app`))).toThrow(
      `ServicePrivateEndpoint 'test/Vault': 'allowFrom.caller' must be a subnet of the endpoint's network (its appIntegrationSubnetId, or a subnet from addDelegatedSubnet) or of another PrivateNetwork of this stack; for another range use EndpointCaller.addressPrefix(cidr), got '${VNET}/subnets/app'`);
  });

  test('a subnet of another PrivateNetwork of the stack (a peered spoke): inbound from its range here, outbound from it on its own NSG', () => {
    const { stack, network, endpoints } = networkWith(['vault', 'pg']);
    const spoke = new PrivateNetwork(stack, 'Spoke', {
      resourceGroupName: 'rg', location: 'swedencentral', addressSpace: '10.1.0.0/16', privateEndpointSubnetCidr: '10.1.0.0/24', appIntegrationSubnetCidr: '10.1.1.0/24',
    });
    endpoints.pg.allowFrom(EndpointCaller.subnet(spoke.appIntegrationSubnetId!), 'Spoke app to the database');
    endpoints.vault.allowFrom(EndpointCaller.subnet(spoke.appIntegrationSubnetId!));
    expect(nsgRules(stack, network.privateEndpointNsg)).toContainEqual(expect.objectContaining({
      name: 'Allow-app-integration-10_1_1_0_24-Inbound',
      direction: 'Inbound',
      access: 'Allow',
      protocol: 'Tcp',
      source_address_prefix: '10.1.1.0/24',
      destination_address_prefix: '10.0.0.0/24',
      destination_port_ranges: ['443', '5432'],
    }));
    expect(nsgRules(stack, spoke.appIntegrationNsg)).toContainEqual(expect.objectContaining({
      name: 'AllowPeeredEndpointsOutbound-10_0_0_0_24',
      direction: 'Outbound',
      access: 'Allow',
      priority: 160,
      source_address_prefix: '10.1.1.0/24',
      destination_address_prefix: '10.0.0.0/24',
      destination_port_ranges: ['443', '5432'],
    }));
    // The spoke's own endpoints are untouched: nothing calls them.
    expect(nsgRules(stack, spoke.privateEndpointNsg).filter((r) => r.access === 'Allow')).toEqual([]);
  });

  test('fails when servicePorts is only known at plan: the NSG rules are derived from it at synth', () => {
    const { stack, make } = networkWith([]);
    const ports = new TerraformVariable(stack, 'ports', { type: 'list(number)' }).listValue as unknown as number[];
    expect(() => make('Widget', SEARCH, 'widget', [PrivateLinkZone.KEY_VAULT], { servicePorts: ports })).toThrow(
      /^ServicePrivateEndpoint 'test\/Widget': 'servicePorts' must be a list of port numbers known at synth: the NSG rules of the endpoint's callers are derived from it, got /);
  });

  test('fails when the endpoint has no known port and no servicePorts', () => {
    const { make, network } = networkWith([]);
    const widget = make('Widget', SEARCH, 'widget', [PrivateLinkZone.KEY_VAULT]);
    expect(() => widget.allowFrom(EndpointCaller.subnet(network.appIntegrationSubnetId!))).toThrow(
      /^ServicePrivateEndpoint 'test\/Widget': 'servicePorts' must be set before callers are allowed: the library knows no port for sub-resource 'widget' \(known: vault, .*\), got none$/);
  });

  test.each([
    [undefined, "'allowFrom.caller' is required"],
    ['10.0.0.0/8', "'allowFrom.caller' must be an EndpointCaller"],
  ])('fails when the caller is %j', (caller, message) => {
    const { endpoints } = networkWith();
    expect(() => endpoints.vault.allowFrom(caller as any)).toThrow(`ServicePrivateEndpoint 'test/Vault': ${message}`);
  });

  test.each([
    ['', "'allowFrom.description' must be 1 to 100 characters"],
    ['x'.repeat(101), "'allowFrom.description' must be 1 to 100 characters"],
  ])('fails when the description is %j', (description, message) => {
    const { endpoints } = networkWith();
    expect(() => endpoints.vault.allowFrom(EndpointCaller.virtualNetwork(), description)).toThrow(`ServicePrivateEndpoint 'test/Vault': ${message}`);
  });
});

describe('EndpointCaller', () => {
  test.each([
    ['10.0.0.1/8', "EndpointCaller.addressPrefix: 'cidr' must have no host bits set (did you mean 10.0.0.0/8?), got '10.0.0.1/8'"],
    ['0.0.0.0/0', "EndpointCaller.addressPrefix: 'cidr' must not be 0.0.0.0/0: callers are named ranges, never the whole Internet, got '0.0.0.0/0'"],
    ['Internet', "EndpointCaller.addressPrefix: 'cidr' must be an IPv4 CIDR block like 10.0.0.0/16, got 'Internet'"],
  ])('addressPrefix fails when the range is %j', (cidr, message) => {
    expect(() => EndpointCaller.addressPrefix(cidr)).toThrow(message);
  });

  test('subnet fails when the id is not a subnet id', () => {
    expect(() => EndpointCaller.subnet(VNET)).toThrow(/^EndpointCaller.subnet: 'subnetId' must be/);
  });

  test('subnet and addressPrefix keep what they were given', () => {
    expect(EndpointCaller.subnet(`${VNET}/subnets/app`).subnetId).toBe(`${VNET}/subnets/app`);
    expect(EndpointCaller.addressPrefix('10.1.0.0/16').sourceAddressPrefix).toBe('10.1.0.0/16');
    expect(EndpointCaller.virtualNetwork().sourceAddressPrefix).toBe('VirtualNetwork');
  });
});

describe('ServicePrivateEndpoint.allowFrom on an imported network', () => {
  test('records the callers and creates nothing', () => {
    const { stack, endpoint, network } = endpointFixture({}, 'swedencentral');
    endpoint.allowFrom(EndpointCaller.subnet((network as IPrivateNetwork).appIntegrationSubnetId!), 'app to vault');
    endpoint.allowFrom(EndpointCaller.virtualNetwork());
    expect(endpoint.callers).toEqual([
      { caller: expect.objectContaining({ subnetId: `${VNET}/subnets/app` }), description: 'app to vault' },
      { caller: expect.objectContaining({ sourceAddressPrefix: 'VirtualNetwork' }), description: undefined },
    ]);
    expect(resourcesOf(synthJson(stack), 'azurerm_network_security_group')).toEqual({});
  });
});

describe('NSG rule names', () => {
  test('stay within Azure\'s 80 characters for a long subnet name', () => {
    const { stack, network, endpoints } = networkWith(['vault']);
    const name = `snet-${'x'.repeat(75)}`;
    const subnet = network.addDelegatedSubnet('Long', { name, cidr: '10.0.3.0/27' });
    endpoints.vault.allowFrom(EndpointCaller.subnet(subnet.id));
    const rule = nsgRules(stack, network.privateEndpointNsg).find((r) => r.name.startsWith('Allow-snet-'));
    expect(rule.name).toMatch(/^Allow-snet-x{48}-[0-9a-f]{6}-Inbound$/);
    expect(rule.name.length).toBeLessThanOrEqual(80);
  });
});

describe('ServicePrivateEndpoint.allowFrom with a subset of the ports', () => {
  const REDIS = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Cache/Redis/cache';

  test('opens only the ports the caller needs, and PCHAT-NET-003 checks only those', () => {
    const { stack, network, make } = networkWith([]);
    // A clustered Azure Cache for Redis: 6380 and the shard ports, of which this caller needs only 6380.
    const endpoint = make('Redis', REDIS, 'redisCache', [PrivateLinkZone.KEY_VAULT], { servicePorts: [6380, 15000, 15001] });
    endpoint.allowFrom(EndpointCaller.subnet(network.appIntegrationSubnetId!), 'app to its cache', [6380]);
    const rule = nsgRules(stack, network.privateEndpointNsg).find((r) => r.name === 'Allow-app-integration-Inbound');
    expect(rule.destination_port_range).toBe('6380');
    expect(endpoint.callers[0].ports).toEqual([6380]);
  });

  test('the same caller again with more ports widens its rule instead of being dropped', () => {
    const { stack, network, make } = networkWith([]);
    const endpoint = make('Redis', REDIS, 'redisCache', [PrivateLinkZone.KEY_VAULT], { servicePorts: [6380, 15000, 15001] });
    const app = () => EndpointCaller.subnet(network.appIntegrationSubnetId!);
    endpoint.allowFrom(app(), 'app to its cache', [6380]);
    endpoint.allowFrom(app(), 'app to its cache', [6380, 15000]);
    expect(endpoint.callers).toEqual([expect.objectContaining({ description: 'app to its cache', ports: [6380, 15000] })]);
    const rule = nsgRules(stack, network.privateEndpointNsg).find((r) => r.name === 'Allow-app-integration-Inbound');
    expect(rule.destination_port_ranges).toEqual(['6380', '15000']);
    // Every port: the entry no longer lists a subset.
    endpoint.allowFrom(app());
    expect(endpoint.callers).toHaveLength(1);
    expect(endpoint.callers[0].ports).toBeUndefined();
    expect(nsgRules(stack, network.privateEndpointNsg).find((r) => r.name === 'Allow-app-integration-Inbound').destination_port_ranges)
      .toEqual(['6380', '15000', '15001']);
  });

  test('fails when a port is not one of the endpoint\'s service ports', () => {
    const { network, endpoints } = networkWith(['vault']);
    expect(() => endpoints.vault.allowFrom(EndpointCaller.subnet(network.appIntegrationSubnetId!), 'x', [5432]))
      .toThrow("ServicePrivateEndpoint 'test/Vault': 'allowFrom.ports' must be some of the endpoint's service ports (443), got [5432]");
    expect(() => endpoints.vault.allowFrom(EndpointCaller.subnet(network.appIntegrationSubnetId!), 'x', []))
      .toThrow(/'allowFrom.ports' must be some of the endpoint's service ports \(443\), got \[\]/);
  });
});
