import { TerraformStack, Testing } from 'cdktf';
import { Egress, EgressKind, PrivateChat, PrivateChatProps, PrivateNetwork } from '../../src';
import { newStack, resourcesOf, synthJson } from '../util';

/** NSG rules of each subnet, by subnet name: [name, priority, direction, access, protocol, destination, ports]. */
function rulesBySubnet(stack: TerraformStack): Record<string, string[][]> {
  const json = synthJson(stack);
  const subnets = resourcesOf(json, 'azurerm_subnet') as Record<string, any>;
  const nsgs = resourcesOf(json, 'azurerm_network_security_group') as Record<string, any>;
  const out: Record<string, string[][]> = {};
  for (const association of Object.values(resourcesOf(json, 'azurerm_subnet_network_security_group_association')) as any[]) {
    const subnet = subnets[/azurerm_subnet\.([^.]+)\.id/.exec(association.subnet_id)![1]];
    const nsg = nsgs[/azurerm_network_security_group\.([^.]+)\.id/.exec(association.network_security_group_id)![1]];
    out[subnet.name] = (nsg.security_rule as any[]).map((r) => [
      r.name, String(r.priority), r.direction, r.access, r.protocol, r.destination_address_prefix,
      r.destination_port_range ?? (r.destination_port_ranges as string[]).join(','),
    ]);
  }
  return out;
}

function chat(props: Omit<PrivateChatProps, 'location'> = {}): { stack: TerraformStack; chat: PrivateChat } {
  const stack = newStack();
  return { stack, chat: new PrivateChat(stack, 'chat', { location: 'swedencentral', ...props }) };
}

function webApp(stack: TerraformStack): any {
  return Object.values(resourcesOf(synthJson(stack), 'azurerm_linux_web_app'))[0];
}

const DENY_INBOUND = [
  ['DenyInternetInbound', '4000', 'Inbound', 'Deny', '*', '*', '*'],
  ['DenyAllOtherInbound', '4096', 'Inbound', 'Deny', '*', '*', '*'],
];
const ENTRA = ['AllowEntraIdOutbound', '400', 'Outbound', 'Allow', 'Tcp', 'AzureActiveDirectory', '443'];
const DENY_INTERNET = ['DenyInternetOutbound', '4000', 'Outbound', 'Deny', '*', 'Internet', '*'];

describe('egress closed by default', () => {
  test('PrivateChat: each subnet\'s rules, in order, with stable names and priorities', () => {
    const { stack } = chat();
    const rules = rulesBySubnet(stack);
    expect(rules['app-integration']).toEqual([
      ...DENY_INBOUND,
      ['AllowPrivateEndpointsOutbound', '150', 'Outbound', 'Allow', 'Tcp', '10.0.0.0/24', '443,5432'],
      ENTRA,
      DENY_INTERNET,
    ]);
    expect(rules['private-endpoints'].filter((r) => r[2] === 'Outbound')).toEqual([DENY_INTERNET]);
    // Same input, same output.
    expect(rulesBySubnet(chat().stack)).toEqual(rules);
  });

  test('PrivateChat with a gateway: the gateway subnet reaches its backends, Entra ID, and nothing else', () => {
    const { stack } = chat({ gateway: { publisherEmail: 'ops@contoso.com' } });
    const rules = rulesBySubnet(stack);
    expect(rules['apim-integration']).toEqual([
      ...DENY_INBOUND,
      ['AllowPrivateEndpointsOutbound', '150', 'Outbound', 'Allow', 'Tcp', '10.0.0.0/24', '443'],
      ENTRA,
      DENY_INTERNET,
    ]);
    expect(rules['app-integration'].slice(-2)).toEqual([ENTRA, DENY_INTERNET]);
  });

  test('the public image is pulled over App Service\'s own path, not the closed VNet; the mirror pulls through the VNet', () => {
    expect(webApp(chat().stack).vnet_image_pull_enabled).toBe(false);
    expect(webApp(chat({ imageMirror: true }).stack).vnet_image_pull_enabled).toBe(true);
    expect(webApp(chat({ egress: Egress.natGateway().openInternet('image pulls through the NAT gateway') }).stack).vnet_image_pull_enabled).toBe(true);
  });

  test('with a firewall the NSG stays closed: the firewall sees Entra ID traffic, nothing else reaches it', () => {
    const { stack } = chat({ egress: Egress.throughFirewall('10.100.0.4') });
    expect(rulesBySubnet(stack)['app-integration'].slice(-2)).toEqual([ENTRA, DENY_INTERNET]);
    expect(webApp(stack).vnet_image_pull_enabled).toBe(false);
  });

  test('with Egress.none() there is no path, so no Entra ID rule, and the Internet is denied all the same', () => {
    const stack = newStack();
    new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg', location: 'swedencentral', egress: Egress.none() });
    expect(rulesBySubnet(stack)['app-integration']).toEqual([...DENY_INBOUND, DENY_INTERNET]);
  });

  test('Open WebUI runs with every outbound feature off', () => {
    const settings = webApp(chat().stack).app_settings;
    expect(settings).toEqual(expect.objectContaining({
      OFFLINE_MODE: 'True',
      HF_HUB_OFFLINE: '1',
      RAG_EMBEDDING_MODEL_AUTO_UPDATE: 'False',
      RAG_RERANKING_MODEL_AUTO_UPDATE: 'False',
      ENABLE_WEB_SEARCH: 'False',
      ENABLE_PIP_INSTALL_FRONTMATTER_REQUIREMENTS: 'False',
      ENABLE_VERSION_UPDATE_CHECK: 'False',
      ENABLE_COMMUNITY_SHARING: 'False',
      ENABLE_DIRECT_CONNECTIONS: 'False',
    }));
  });
});

describe('Egress.openInternet', () => {
  test('replaces the Internet deny with an allow that names the opt-in and its reason, on every subnet with a path out', () => {
    const { stack } = chat({
      egress: Egress.natGateway().openInternet('web search for the research team'),
      gateway: { publisherEmail: 'ops@contoso.com' },
    });
    const open = ['AllowInternetOutbound', '4000', 'Outbound', 'Allow', '*', 'Internet', '*'];
    const rules = rulesBySubnet(stack);
    expect(rules['app-integration'].slice(-2)).toEqual([ENTRA, open]);
    expect(rules['apim-integration'].slice(-2)).toEqual([ENTRA, open]);
    // Endpoints never initiate: their subnet stays closed.
    expect(rules['private-endpoints'].filter((r) => r[2] === 'Outbound')).toEqual([DENY_INTERNET]);
    const nsg = Object.values(resourcesOf(synthJson(stack), 'azurerm_network_security_group')).find((n: any) => n.name.startsWith('nsg-app-integration')) as any;
    expect(nsg.security_rule.find((r: any) => r.name === 'AllowInternetOutbound').description)
      .toBe('Opened by Egress.openInternet (weakens isolation): web search for the research team');
  });

  test('keeps the path and records the reason', () => {
    const egress = Egress.throughFirewall('10.100.0.4').openInternet('  the hub firewall decides  ');
    expect(egress.kind).toBe(EgressKind.FIREWALL);
    expect(egress.nextHopIp).toBe('10.100.0.4');
    expect(egress.opensInternet).toBe(true);
    expect(egress.openInternetReason).toBe('the hub firewall decides');
    expect(Egress.natGateway().opensInternet).toBe(false);
    expect(Egress.natGateway().openInternetReason).toBeUndefined();
  });

  test('a long reason is clipped to the 140 characters Azure allows in a rule description', () => {
    const { stack } = chat({ egress: Egress.natGateway().openInternet('x'.repeat(200)) });
    const nsg = Object.values(resourcesOf(synthJson(stack), 'azurerm_network_security_group')).find((n: any) => n.name.startsWith('nsg-app-integration')) as any;
    const description = nsg.security_rule.find((r: any) => r.name === 'AllowInternetOutbound').description as string;
    expect(description).toHaveLength(140);
    expect(description.endsWith('...')).toBe(true);
  });

  test.each([
    [() => Egress.natGateway().openInternet('because'), /^Egress.openInternet: 'reason' must say why the Internet must be reachable, in at least 10 characters, got 'because'$/],
    [() => Egress.natGateway().openInternet(undefined as any), /^Egress.openInternet: 'reason' is required \(a string\), got undefined$/],
    [() => Egress.none().openInternet('web search for everyone'), /^Egress.openInternet: 'kind' must have a path out to open: Egress.none\(\) has none .*, got 'None'$/],
    [() => Egress.natGateway().openInternet('web search for everyone').openInternet('and the tools as well'),
      /^Egress.openInternet: 'reason' is already set to 'web search for everyone': call openInternet once, got 'and the tools as well'$/],
  ])('fails on bad input (%#)', (make, expected) => {
    expect(make).toThrow(expected);
  });
});

describe('determinism', () => {
  test('two synths of the same props give the same NSGs', () => {
    const a = chat({ egress: Egress.natGateway().openInternet('web search for the research team') });
    const b = chat({ egress: Egress.natGateway().openInternet('web search for the research team') });
    expect(Testing.synth(a.stack)).toEqual(Testing.synth(b.stack));
  });
});
