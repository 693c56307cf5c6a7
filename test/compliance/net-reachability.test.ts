import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import { KeyVaultSecret } from '@cdktf/provider-azurerm/lib/key-vault-secret';
import { LinuxWebApp } from '@cdktf/provider-azurerm/lib/linux-web-app';
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { PostgresqlFlexibleServer } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { compliantStack, nsgRule, synthError } from './fixture';
import { exampleNames, instantiateExample } from '../../scripts/addresses';
import { Compliance, ComplianceFinding } from '../../src/compliance';
import { Addresses, DEFAULT_RULES, evaluate, Flow, matchPort, matchPrefix, NsgRule, readRule } from '../../src/compliance/private/nsg-eval';
import { parseCidr, Cidr } from '../../src/core/private/cidr';
import { EndpointCaller, PrivateDnsZones, PrivateLinkZone, PrivateNetwork, ServicePrivateEndpoint } from '../../src/network';
import { PrivateChat } from '../../src/pattern/private-chat';
import { newStack, resolved, synth } from '../util';

const ID = 'PCHAT-NET-003';

function cidr(text: string): Cidr {
  return parseCidr(text) as Cidr;
}

/** A standalone rule on the app subnet's NSG that denies all outbound traffic at `priority`. */
function denyAllOutbound(stack: TerraformStack, network: PrivateNetwork, priority: number): NetworkSecurityRule {
  return nsgRule(stack, 'DenyAllOutbound', { nsgName: network.appIntegrationNsg.name, resourceGroupName: network.virtualNetwork.resourceGroupName },
    { priority, access: 'Deny', destinationAddressPrefix: '*' });
}

function findings(stack: TerraformStack): ComplianceFinding[] {
  return Compliance.report(stack).failures.filter((f) => f.ruleId === ID);
}

/** The rules of the private-endpoints NSG before rules were derived: HTTPS from the VNet, then deny. */
const OLD_ENDPOINT_RULES = [
  {
    name: 'AllowVnetHttpsInbound',
    priority: 100,
    direction: 'Inbound',
    access: 'Allow',
    protocol: 'Tcp',
    sourceAddressPrefix: 'VirtualNetwork',
    sourcePortRange: '*',
    destinationAddressPrefix: '10.0.0.0/24',
    destinationPortRange: '443',
  },
  {
    name: 'DenyAllOtherInbound',
    priority: 4096,
    direction: 'Inbound',
    access: 'Deny',
    protocol: '*',
    sourceAddressPrefix: '*',
    sourcePortRange: '*',
    destinationAddressPrefix: '*',
    destinationPortRange: '*',
  },
];

describe('NSG evaluation engine', () => {
  const VNET = [cidr('10.0.0.0/16')];
  const app: Addresses = { cidrs: [cidr('10.0.1.0/24')] };
  const pe: Addresses = { cidrs: [cidr('10.0.0.0/24')] };
  const inbound = (port: number, source: Addresses = app): Flow => ({ direction: 'Inbound', port, source, destination: pe, vnetSpace: VNET });
  const rule = (over: Partial<NsgRule>): NsgRule => ({
    name: 'r',
    priority: 100,
    direction: 'Inbound',
    access: 'Allow',
    protocol: 'Tcp',
    sourcePrefixes: ['*'],
    destinationPrefixes: ['*'],
    destinationPorts: ['*'],
    ...over,
  });

  test.each([
    ['*', 5432, 'yes'], ['5432', 5432, 'yes'], ['443', 5432, 'no'], ['5000-6000', 5432, 'yes'], ['1000-2000', 5432, 'no'],
    ['${var.port}', 5432, 'maybe'], [5432, 5432, 'yes'],
  ])('port range %j against %d: %s', (range, port, expected) => {
    expect(matchPort(range, port)).toBe(expected);
  });

  test.each([
    ['*', app, 'yes'], ['VirtualNetwork', app, 'yes'], ['virtualnetwork', { virtualNetworkTag: true }, 'yes'],
    ['VirtualNetwork', { cidrs: [cidr('10.200.0.0/24')] }, 'maybe'],
    ['Internet', app, 'no'], ['Internet', { virtualNetworkTag: true }, 'no'], ['Internet', { cidrs: [cidr('20.0.0.0/24')] }, 'maybe'],
    ['AzureLoadBalancer', app, 'no'], ['AzureActiveDirectory', app, 'no'], ['Storage.WestEurope', app, 'no'],
    ['10.0.0.0/16', app, 'yes'], ['10.0.1.0/24', app, 'yes'], ['10.0.2.0/24', app, 'no'], ['10.0.1.0/25', app, 'maybe'], ['10.0.1.7', app, 'maybe'],
    ['10.0.1.0/24', { unknown: 'x' }, 'maybe'], ['${var.range}', app, 'maybe'],
  ])('prefix %j against %j: %s', (prefix, addresses, expected) => {
    expect(matchPrefix(prefix, addresses as Addresses, VNET)).toBe(expected);
  });

  test('the lowest priority number wins, whatever order the rules come in', () => {
    const rules = [rule({ name: 'deny', priority: 200, access: 'Deny' }), rule({ name: 'allow', priority: 150 })];
    expect(evaluate(rules, inbound(5432))).toMatchObject({ access: 'Allow', rule: { name: 'allow' } });
    expect(evaluate([rule({ name: 'allow', priority: 300 }), rules[0]], inbound(5432))).toMatchObject({ access: 'Deny', rule: { name: 'deny' } });
  });

  test('a rule for another port, protocol, direction or source does not match', () => {
    const deny = rule({ name: 'deny-all', priority: 4096, access: 'Deny' });
    for (const other of [
      rule({ destinationPorts: ['443'] }), rule({ protocol: 'Udp' }), rule({ direction: 'Outbound' }), rule({ sourcePrefixes: ['10.5.0.0/16'] }),
    ]) {
      expect(evaluate([other, deny], inbound(5432))).toMatchObject({ access: 'Deny', rule: { name: 'deny-all' } });
    }
  });

  test('lists match on any entry', () => {
    const allow = rule({ sourcePrefixes: ['10.9.0.0/16', '10.0.1.0/24'], destinationPorts: ['443', '5432'] });
    expect(evaluate([allow], inbound(5432)).access).toBe('Allow');
    expect(evaluate([allow], inbound(6380)).rule.name).toBe('AllowVnetInBound');
  });

  test("Azure's default rules apply last: VNet traffic is allowed, the rest denied", () => {
    expect(evaluate([], inbound(5432))).toMatchObject({ access: 'Allow', rule: { name: 'AllowVnetInBound', priority: 65000, builtIn: true } });
    expect(evaluate([], inbound(5432, { cidrs: [cidr('20.1.0.0/24')] }))).toMatchObject({ access: 'Unknown', rule: { name: 'AllowVnetInBound' } });
    expect(evaluate([], { direction: 'Outbound', port: 443, source: app, destination: { cidrs: [cidr('20.1.0.0/24')] }, vnetSpace: VNET }))
      .toMatchObject({ access: 'Unknown' });
    expect(DEFAULT_RULES.map((r) => `${r.name}:${r.priority}`)).toEqual([
      'AllowVnetInBound:65000', 'AllowAzureLoadBalancerInBound:65001', 'DenyAllInBound:65500',
      'AllowVnetOutBound:65000', 'AllowInternetOutBound:65001', 'DenyAllOutBound:65500',
    ]);
  });

  test('an expression or an application security group never counts as a pass', () => {
    expect(evaluate([rule({ sourcePrefixes: ['${var.range}'] })], inbound(5432))).toMatchObject({ access: 'Unknown', rule: { name: 'r' } });
    expect(evaluate([rule({ sourcePrefixes: [], usesAsgs: true, access: 'Deny' })], inbound(5432)).access).toBe('Unknown');
    expect(evaluate([rule({ access: '${var.access}' })], inbound(5432)).access).toBe('Unknown');
    const late = rule({ name: 'late', priority: '${var.p}', access: 'Deny' });
    expect(evaluate([rule({ priority: 100 }), late], inbound(5432))).toMatchObject({ access: 'Unknown', rule: { name: 'late' } });
  });

  test('reads inline blocks and standalone rules alike, single values and lists', () => {
    expect(readRule({
      name: 'x',
      priority: 100,
      direction: 'Inbound',
      access: 'Allow',
      protocol: 'Tcp',
      source_address_prefix: null,
      source_address_prefixes: ['10.0.1.0/24'],
      destination_address_prefix: '10.0.0.0/24',
      destination_port_range: null,
      destination_port_ranges: ['443', '5432'],
      source_application_security_group_ids: null,
    })).toEqual({
      name: 'x',
      priority: 100,
      direction: 'Inbound',
      access: 'Allow',
      protocol: 'Tcp',
      sourcePrefixes: ['10.0.1.0/24'],
      destinationPrefixes: ['10.0.0.0/24'],
      destinationPorts: ['443', '5432'],
      usesAsgs: false,
    });
  });
});

describe('PCHAT-NET-003 on PrivateChat', () => {
  function chat(props: object = {}) {
    const stack = newStack();
    const made = new PrivateChat(stack, 'chat', { location: 'swedencentral', ...props });
    return { stack, chat: made, network: made.network as PrivateNetwork };
  }

  test('passes on the defaults (Open WebUI with its PostgreSQL history), and is in the pack', () => {
    const { stack } = chat();
    expect(Compliance.rules().map((r) => r.id)).toContain(ID);
    expect(() => synth(stack)).not.toThrow();
    expect(findings(stack)).toEqual([]);
  });

  test('records every flow of the architecture on the endpoints (the rule and the NSGs read them)', () => {
    const { stack, chat: made, network } = chat();
    const subnets = (e: ServicePrivateEndpoint | undefined) =>
      (e?.callers ?? []).map((c) => resolved(stack, c.caller.subnetId ?? c.caller.sourceAddressPrefix));
    const app = resolved(stack, network.appIntegrationSubnet.id);
    expect(subnets(made.app.privateEndpoint)).toEqual(['VirtualNetwork']);
    expect(subnets(made.history?.privateEndpoint)).toEqual([app]);
    expect(subnets(made.createdVault?.privateEndpoint)).toEqual([app]);
    expect(subnets(made.createdAiAccount?.privateEndpoint)).toEqual([app]);
    expect(made.history?.privateEndpoint.servicePorts).toEqual([5432]);

    const gated = chat({ gateway: { publisherEmail: 'ops@example.com' } });
    const gatewaySubnet = resolved(gated.stack, (gated.network.node.findChild('GatewaySubnet') as Subnet).id);
    const gatedSubnets = (e: ServicePrivateEndpoint | undefined) => (e?.callers ?? []).map((c) => resolved(gated.stack, c.caller.subnetId));
    expect(gatedSubnets(gated.chat.gateway!.privateEndpoint)).toEqual([resolved(gated.stack, gated.network.appIntegrationSubnet.id)]);
    expect(gatedSubnets(gated.chat.createdAiAccount?.privateEndpoint)).toEqual([gatewaySubnet]);
    const scope = gated.chat.gateway!.monitorPrivateLinkScope as unknown as { privateEndpoint: ServicePrivateEndpoint };
    expect(gatedSubnets(scope.privateEndpoint)).toEqual([gatewaySubnet]);
  });

  test('passes with the gateway, whose subnet reaches the account and Azure Monitor', () => {
    const { stack } = chat({ gateway: { publisherEmail: 'ops@example.com' } });
    expect(findings(stack)).toEqual([]);
  });

  test('fails on the old 443-only endpoint NSG: the app cannot open DATABASE_URL on 5432', () => {
    const { stack, chat: made, network } = chat();
    network.privateEndpointNsg.putSecurityRule(OLD_ENDPOINT_RULES);
    const found = findings(stack);
    expect(found).toHaveLength(1);
    expect(found[0].constructPath).toBe('test/chat/History/PrivateEndpoint/Resource');
    expect(found[0].problem).toContain(`subnet "app-integration" (${network.appIntegrationSubnet.terraformResourceType}.${network.appIntegrationSubnet.friendlyUniqueId}, 10.0.1.0/24)`);
    expect(found[0].problem).toContain(`cannot reach private endpoint '${made.history!.privateEndpoint.resource.node.path}'`);
    expect(found[0].problem).toContain("sub-resource 'postgresqlServer') on TCP 5432: blocked at NSG");
    expect(found[0].problem).toContain("inbound by rule 'DenyAllOtherInbound' (priority 4096)");
    expect(found[0].problem).not.toContain('TCP 443');
    expect(() => synth(stack)).toThrow(/breaks PCHAT-NET-003 \(Network: every private endpoint's service port is open from each caller wired to it\)/);
  });

  test('passes on the old NSG when endpoint network policies are off (NSGs then do not filter endpoint traffic)', () => {
    const { stack, network } = chat();
    network.privateEndpointNsg.putSecurityRule(OLD_ENDPOINT_RULES);
    network.privateEndpointSubnet.privateEndpointNetworkPolicies = 'Disabled';
    expect(findings(stack)).toEqual([]);
  });

  test('fails when an outbound deny on the app subnet comes before the flows', () => {
    const { stack, network } = chat();
    denyAllOutbound(stack, network, 120);
    const problems = findings(stack).map((f) => f.problem).join('\n');
    for (const port of [443, 5432]) expect(problems).toContain(`on TCP ${port}: blocked at NSG`);
    expect(problems).toContain("outbound by rule 'DenyAllOutbound' (priority 120)");
    // The VNet's users do not cross the app subnet.
    expect(findings(stack).map((f) => f.constructPath)).not.toContain('test/chat/App/PrivateEndpoint/Resource');
  });

  test('an outbound deny after the library\'s allow (priority 150) blocks nothing', () => {
    const { stack, network } = chat();
    denyAllOutbound(stack, network, 4000);
    expect(findings(stack)).toEqual([]);
  });

  test('fails when the users\' HTTPS rule is gone, naming the app endpoint', () => {
    const { stack, network } = chat();
    network.privateEndpointNsg.putSecurityRule([OLD_ENDPOINT_RULES[1]]);
    const app = findings(stack).find((f) => f.constructPath === 'test/chat/App/PrivateEndpoint/Resource');
    expect(app?.problem).toContain("'VirtualNetwork' ('Users (VNet, hub, VPN, ExpressRoute) to the chat app') cannot reach private endpoint");
    expect(app?.problem).toContain("sub-resource 'sites') on TCP 443");
  });

  test('a rule the checker cannot evaluate is reported, not passed', () => {
    const { stack, network } = chat();
    const range = new TerraformVariable(stack, 'range', { type: 'string' });
    network.privateEndpointNsg.putSecurityRule([{ ...OLD_ENDPOINT_RULES[0], sourceAddressPrefix: range.stringValue, destinationPortRange: '*' }, OLD_ENDPOINT_RULES[1]]);
    const problem = findings(stack).map((f) => f.problem).join('\n');
    expect(problem).toContain('not provably open at NSG');
    expect(problem).toContain("rule 'AllowVnetHttpsInbound' (priority 100) its source address cannot be evaluated at synth");
  });

  test('an acknowledgement on the endpoint accepts the finding', () => {
    const { stack, chat: made, network } = chat();
    network.privateEndpointNsg.putSecurityRule(OLD_ENDPOINT_RULES);
    Compliance.acknowledge(made.history!.privateEndpoint, ID, 'the hub firewall opens 5432 in a rule this stack cannot see');
    expect(findings(stack)).toEqual([]);
    expect(Compliance.report(stack).acknowledged.map((f) => f.ruleId)).toContain(ID);
  });
});

describe('PCHAT-NET-003 on stacks built from raw resources', () => {
  /** A user's own VNet, subnets and NSGs, with a web app that reads a database URL from Key Vault. */
  function userStack(endpointRules: any[]) {
    const stack = newStack();
    const common = { resourceGroupName: 'rg', location: 'swedencentral' };
    const vnet = new VirtualNetwork(stack, 'Vnet', { ...common, name: 'vnet', addressSpace: ['10.1.0.0/16'] });
    const peSubnet = new Subnet(stack, 'PeSubnet', {
      name: 'pe', resourceGroupName: 'rg', virtualNetworkName: vnet.name, addressPrefixes: ['10.1.0.0/24'], privateEndpointNetworkPolicies: 'Enabled',
    });
    const appSubnet = new Subnet(stack, 'AppSubnet', { name: 'app', resourceGroupName: 'rg', virtualNetworkName: vnet.name, addressPrefixes: ['10.1.1.0/24'] });
    const peNsg = new NetworkSecurityGroup(stack, 'PeNsg', { ...common, name: 'nsg-pe', securityRule: endpointRules });
    new SubnetNetworkSecurityGroupAssociation(stack, 'PeNsgAssoc', { subnetId: peSubnet.id, networkSecurityGroupId: peNsg.id });
    const server = new PostgresqlFlexibleServer(stack, 'Pg', { ...common, name: 'psql-user', publicNetworkAccessEnabled: false });
    new PrivateEndpoint(stack, 'PgEndpoint', {
      ...common,
      name: 'pe-pg',
      subnetId: peSubnet.id,
      privateServiceConnection: { name: 'c', privateConnectionResourceId: server.id, subresourceNames: ['postgresqlServer'], isManualConnection: false },
    });
    const secret = new KeyVaultSecret(stack, 'DbUrl', {
      name: 'db-url',
      keyVaultId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv',
      value: `postgresql://app@${server.fqdn}:5432/chat`,
      contentType: 'text/plain',
      expirationDate: '2030-01-01T00:00:00Z',
    });
    new LinuxWebApp(stack, 'App', {
      ...common,
      name: 'app-user',
      servicePlanId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Web/serverFarms/plan',
      virtualNetworkSubnetId: appSubnet.id,
      siteConfig: {},
      appSettings: { DATABASE_URL: `@Microsoft.KeyVault(SecretUri=${secret.versionlessId})` },
    });
    return { stack, appSubnet, peSubnet };
  }

  test('derives the app → PostgreSQL flow from the app settings and the secret, and fails when the NSG drops 5432', () => {
    const { stack } = userStack(OLD_ENDPOINT_RULES.map((r) => ({ ...r, destinationAddressPrefix: r.destinationAddressPrefix === '*' ? '*' : '10.1.0.0/24' })));
    const found = findings(stack);
    expect(found.map((f) => f.constructPath)).toEqual(['test/PgEndpoint']);
    expect(found[0].problem).toContain('subnet "app" (azurerm_subnet.AppSubnet, 10.1.1.0/24) (VNet integration of azurerm_linux_web_app.App)');
    expect(found[0].problem).toContain("cannot reach private endpoint 'test/PgEndpoint' (azurerm_postgresql_flexible_server.Pg, sub-resource 'postgresqlServer') on TCP 5432");
    expect(found[0].problem).toContain("blocked at NSG \"nsg-pe\" (azurerm_network_security_group.PeNsg) inbound by rule 'DenyAllOtherInbound' (priority 4096)");
  });

  test('passes once the NSG allows 5432 from the app subnet', () => {
    const { stack } = userStack([
      { ...OLD_ENDPOINT_RULES[0], name: 'AllowAppPg', priority: 110, sourceAddressPrefix: '10.1.1.0/24', destinationAddressPrefix: '10.1.0.0/24', destinationPortRange: '5432' },
      OLD_ENDPOINT_RULES[1],
    ]);
    expect(findings(stack)).toEqual([]);
  });

  test('flows recorded on an imported network are checked against the user\'s NSGs in the stack', () => {
    const { stack, appSubnet, peSubnet } = userStack([OLD_ENDPOINT_RULES[1]]);
    const network = PrivateNetwork.fromAttributes(stack, 'Imported', {
      virtualNetworkId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet',
      privateEndpointSubnetId: peSubnet.id,
      appIntegrationSubnetId: appSubnet.id,
    });
    const zones = PrivateDnsZones.fromHubZoneIds(stack, 'Zones', {
      keyVault: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net',
    });
    const vault = new ServicePrivateEndpoint(stack, 'VaultEndpoint', {
      resourceGroupName: 'rg',
      location: 'swedencentral',
      network,
      dnsZones: zones,
      targetResourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv2',
      subresource: 'vault',
      zones: [PrivateLinkZone.KEY_VAULT],
    });
    vault.allowFrom(EndpointCaller.subnet(appSubnet.id), 'app reads its secrets');
    const found = findings(stack).find((f) => f.constructPath === 'test/VaultEndpoint/Resource');
    expect(found?.problem).toContain("subnet \"app\" (azurerm_subnet.AppSubnet, 10.1.1.0/24) ('app reads its secrets') cannot reach private endpoint 'test/VaultEndpoint/Resource'");
    expect(found?.problem).toContain('on TCP 443: blocked at NSG "nsg-pe"');
  });
});

describe('PCHAT-NET-003 on every example', () => {
  const examplesDir = join(resolve(__dirname, '..', '..'), 'examples');
  test.each(exampleNames(examplesDir))('examples/%s: every wired flow is open', (example) => {
    const main = join(examplesDir, example, 'main.ts');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(main) as Record<string, unknown>;
    for (const stack of instantiateExample(Testing.app(), example, mod, readFileSync(main, 'utf8'))) {
      expect(findings(stack)).toEqual([]);
    }
  });
});

describe('PCHAT-NET-003 on the compliance fixture', () => {
  test('fails when the VNet-integrated app is given a setting that points at the database, which no NSG rule opens', () => {
    const f = compliantStack();
    f.app.appSettings = { DATABASE_HOST: f.history.fqdn };
    Compliance.applyTo(f.stack);
    const message = synthError(f.stack);
    expect(message).toContain(`breaks ${ID}`);
    expect(message).toContain('on TCP 5432: blocked at NSG');
    // The mutation breaks this rule and nothing else the unmutated fixture does not already break.
    const before = new Set(Compliance.report(compliantStack().stack).failures.map((x) => x.ruleId));
    expect([...new Set(Compliance.report(f.stack).failures.map((x) => x.ruleId))].filter((id) => !before.has(id))).toEqual([ID]);
    expect(findings(f.stack).map((x) => x.constructPath)).toEqual(['test/HistoryEndpoint']);
  });
});
