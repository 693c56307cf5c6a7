import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { NetworkSecurityRule, NetworkSecurityRuleConfig } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { TerraformStack, Testing } from 'cdktf';
import { nsgRule } from './fixture';
import { exampleNames, instantiateExample } from '../../scripts/addresses';
import { Compliance, ComplianceFinding } from '../../src/compliance';
import { Egress, PrivateNetwork, PrivateNetworkProps } from '../../src/network';
import { PrivateChat } from '../../src/pattern/private-chat';
import { newStack } from '../util';

const ID = 'PCHAT-NET-004';

function failures(stack: TerraformStack): ComplianceFinding[] {
  return Compliance.report(stack).failures.filter((f) => f.ruleId === ID);
}

function acknowledged(stack: TerraformStack): ComplianceFinding[] {
  return Compliance.report(stack).acknowledged.filter((f) => f.ruleId === ID);
}

function network(props: Partial<PrivateNetworkProps> = {}): { stack: TerraformStack; network: PrivateNetwork } {
  const stack = newStack();
  return { stack, network: new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg-chat', location: 'swedencentral', ...props }) };
}

/** A standalone outbound rule on the app subnet's NSG. */
function outbound(stack: TerraformStack, n: PrivateNetwork, name: string, over: Partial<NetworkSecurityRuleConfig>): NetworkSecurityRule {
  return nsgRule(stack, name, { nsgName: n.appIntegrationNsg.name, resourceGroupName: 'rg-chat' }, over);
}

describe('PCHAT-NET-004: outbound to the Internet denied from the app and gateway subnets', () => {
  test('passes on a default PrivateNetwork: Entra ID on 443 is the only Internet destination', () => {
    const { stack } = network();
    expect(failures(stack)).toEqual([]);
    expect(acknowledged(stack)).toEqual([]);
  });

  test.each([
    ['Egress.throughFirewall', () => Egress.throughFirewall('10.100.0.4')],
    ['Egress.providedElsewhere', () => Egress.providedElsewhere('Azure Policy attaches the hub route table')],
    ['Egress.none', () => Egress.none()],
  ])('passes with %s: the NSG closes egress whatever the path', (_, egress) => {
    const { stack } = network({ egress: egress() });
    expect(failures(stack)).toEqual([]);
  });

  test('passes on a delegated subnet with and without the egress path', () => {
    const { stack, network: n } = network();
    n.addDelegatedSubnet('Gateway', { name: 'apim-integration', cidr: '10.0.2.0/27', egress: true });
    n.addDelegatedSubnet('Other', { name: 'other', cidr: '10.0.3.0/27' });
    expect(failures(stack)).toEqual([]);
  });

  test('fails when an NSG rule allows the Internet before the deny, naming the rule, the port and the NSG', () => {
    const { stack, network: n } = network();
    outbound(stack, n, 'AllowAllOut', {});
    const found = failures(stack);
    expect(found).toHaveLength(1);
    expect(found[0].address).toBe(`azurerm_subnet.${n.appIntegrationSubnet.friendlyUniqueId}`);
    expect(found[0].problem).toMatch(/^subnet "app-integration" \(delegated to Microsoft.Web\/serverFarms \(outbound VNet integration\)\) can reach the Internet on TCP 1 through NSG "nsg-app-integration-[^"]+" \(azurerm_network_security_group\.\S+\): rule 'AllowAllOut' \(priority 300\) allows it$/);
  });

  test('fails when an Allow covers part of the Internet: a public range', () => {
    const { stack, network: n } = network();
    outbound(stack, n, 'AllowSaas', { protocol: 'Tcp', destinationAddressPrefix: '203.0.113.0/24', destinationPortRange: '443' });
    expect(failures(stack)[0].problem).toContain('on TCP 443 through NSG');
    expect(failures(stack)[0].problem).toContain("rule 'AllowSaas' (priority 300) allows part of the Internet ('203.0.113.0/24')");
  });

  test('fails when an Allow names a service tag the deployment does not need (Storage reaches any storage account)', () => {
    const { stack, network: n } = network();
    outbound(stack, n, 'AllowStorage', { protocol: 'Tcp', destinationAddressPrefix: 'Storage', destinationPortRange: '443' });
    expect(failures(stack)[0].problem).toContain("rule 'AllowStorage' (priority 300) allows part of the Internet ('Storage')");
  });

  test('passes when the only extra Allow is the needed AzureActiveDirectory tag, on any port', () => {
    const { stack, network: n } = network();
    outbound(stack, n, 'AllowEntraAll', { destinationAddressPrefix: 'AzureActiveDirectory' });
    expect(failures(stack)).toEqual([]);
  });

  test('fails on UDP when the Internet deny covers only TCP', () => {
    const stack = newStack();
    const { subnet, nsg } = handMadeSubnet(stack);
    rule(stack, nsg, 'DenyInternetTcp', { access: 'Deny', protocol: 'Tcp', priority: 4000 });
    expect(failures(stack).map((f) => f.address)).toEqual([`azurerm_subnet.${subnet.friendlyUniqueId}`]);
    expect(failures(stack)[0].problem).toContain('can reach the Internet on UDP 1 through NSG "nsg-hand"');
    expect(failures(stack)[0].problem).toContain("rule 'AllowInternetOutBound' (priority 65001, an Azure default rule) allows it");
  });

  test('fails when the Internet deny covers only some ports', () => {
    const stack = newStack();
    const { nsg } = handMadeSubnet(stack);
    rule(stack, nsg, 'DenyWeb', { access: 'Deny', destinationPortRange: '80-443', priority: 4000 });
    // The walk goes on past the partial deny: ports below 80 reach the default allow.
    expect(failures(stack)[0].problem).toContain('on TCP 1 through NSG');
    rule(stack, nsg, 'DenyRest', { access: 'Deny', priority: 4001 });
    expect(failures(stack)).toEqual([]);
  });

  test('fails on a delegated subnet whose NSG leaves the Azure default rules alone', () => {
    const stack = newStack();
    handMadeSubnet(stack);
    expect(failures(stack)[0].problem).toContain("rule 'AllowInternetOutBound' (priority 65001, an Azure default rule) allows it");
  });

  test('fails on a delegated subnet with no NSG in the stack', () => {
    const stack = newStack();
    const subnet = new Subnet(stack, 'Bare', { name: 'bare', resourceGroupName: 'rg', virtualNetworkName: 'vnet', addressPrefixes: ['10.0.5.0/24'], delegation: DELEGATION });
    expect(failures(stack)).toEqual([expect.objectContaining({
      address: `azurerm_subnet.${subnet.friendlyUniqueId}`,
      problem: 'subnet "bare" (delegated to Microsoft.Web/serverFarms (outbound VNet integration)) has no NSG in this stack, so the default rule AllowInternetOutBound (65001) lets everything out',
    })]);
  });

  test('an Allow to VirtualNetwork opens the Internet when a route table sends 0.0.0.0/0 to a firewall (Azure adds route prefixes to the tag)', () => {
    const vnetAllow = { protocol: 'Tcp', destinationAddressPrefix: 'VirtualNetwork', destinationPortRange: '443' };
    const plain = network();
    outbound(plain.stack, plain.network, 'AllowVnet', vnetAllow);
    expect(failures(plain.stack)).toEqual([]);
    const routed = network({ egress: Egress.throughFirewall('10.100.0.4') });
    outbound(routed.stack, routed.network, 'AllowVnet', vnetAllow);
    expect(failures(routed.stack)[0].problem).toContain("rule 'AllowVnet' (priority 300) allows part of the Internet ('VirtualNetwork')");
  });

  test('fails synth with the pack applied, and names the opt-in in the fix', () => {
    const { stack, network: n } = network();
    outbound(stack, n, 'AllowAllOut', {});
    Compliance.applyTo(stack);
    expect(() => Testing.synth(stack, true)).toThrow(/breaks PCHAT-NET-004 .*Egress.natGateway\(\).openInternet\(reason\)/s);
  });
});

describe('Egress.openInternet: the named opt-in', () => {
  test('opens the app subnet and the egress subnets, and acknowledges each with the reason', () => {
    const { stack, network: n } = network({ egress: Egress.natGateway().openInternet('web search for the research team (ticket SEC-42)') });
    const gateway = n.addDelegatedSubnet('Gateway', { name: 'apim-integration', cidr: '10.0.2.0/27', egress: true });
    n.addDelegatedSubnet('Other', { name: 'other', cidr: '10.0.3.0/27' });
    Compliance.applyTo(stack);
    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(failures(stack)).toEqual([]);
    expect(acknowledged(stack).map((f) => [f.address, f.acknowledgedReason])).toEqual([
      [`azurerm_subnet.${n.appIntegrationSubnet.friendlyUniqueId}`, 'Egress.openInternet: web search for the research team (ticket SEC-42)'],
      [`azurerm_subnet.${gateway.friendlyUniqueId}`, 'Egress.openInternet: web search for the research team (ticket SEC-42)'],
    ]);
    // Nothing left unused: every acknowledgement matches a real opening.
    expect(Compliance.report(stack).unusedAcknowledgements).toEqual([]);
  });

  test('the opening through a firewall is acknowledged too', () => {
    const { stack } = network({ egress: Egress.throughFirewall('10.100.0.4').openInternet('the hub firewall decides on every destination') });
    expect(failures(stack)).toEqual([]);
    expect(acknowledged(stack)).toHaveLength(1);
  });

  test('PrivateChat passes the opt-in through', () => {
    const stack = newStack();
    new PrivateChat(stack, 'chat', { location: 'swedencentral', egress: Egress.natGateway().openInternet('web search for the research team') });
    expect(failures(stack)).toEqual([]);
    expect(acknowledged(stack)).toHaveLength(1);
  });
});

describe('PCHAT-NET-004 on the examples', () => {
  const examplesDir = resolve(__dirname, '../../examples');
  test.each(exampleNames(examplesDir))('examples/%s: no subnet it creates lets the Internet in outbound', (example) => {
    const main = join(examplesDir, example, 'main.ts');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(main) as Record<string, unknown>;
    for (const stack of instantiateExample(Testing.app(), example, mod, readFileSync(main, 'utf8'))) {
      expect(failures(stack)).toEqual([]);
      expect(acknowledged(stack)).toEqual([]);
    }
  });
});

const DELEGATION = [{ name: 'delegation', serviceDelegation: { name: 'Microsoft.Web/serverFarms', actions: ['Microsoft.Network/virtualNetworks/subnets/action'] } }];

/** A delegated subnet and its NSG written by hand, with no rules. */
function handMadeSubnet(stack: TerraformStack): { subnet: Subnet; nsg: NetworkSecurityGroup } {
  const subnet = new Subnet(stack, 'Hand', { name: 'hand', resourceGroupName: 'rg', virtualNetworkName: 'vnet', addressPrefixes: ['10.0.4.0/24'], delegation: DELEGATION });
  const nsg = new NetworkSecurityGroup(stack, 'HandNsg', { name: 'nsg-hand', resourceGroupName: 'rg', location: 'swedencentral' });
  new SubnetNetworkSecurityGroupAssociation(stack, 'HandAssociation', { subnetId: subnet.id, networkSecurityGroupId: nsg.id });
  return { subnet, nsg };
}

function rule(stack: TerraformStack, nsg: NetworkSecurityGroup, name: string, over: Partial<NetworkSecurityRuleConfig>): NetworkSecurityRule {
  return nsgRule(stack, name, { nsgName: nsg.name, resourceGroupName: 'rg' }, over);
}
