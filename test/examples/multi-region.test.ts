import { Testing } from 'cdktf';
import { MultiRegionStack } from '../../examples/multi-region/main';
import { Compliance, PrivateNetwork } from '../../src';
import { onlyResource, resourcesOf, synth, warningsOf } from '../util';
import { CHAT_ADMINS_GROUP, CHAT_USERS_GROUP, DB_OPERATORS_GROUP, expectEntraDatabaseAdministrator, expectSignInByGroups } from './sign-in-expectations';

describe('examples/multi-region', () => {
  const build = () => new MultiRegionStack(Testing.app(), 'multi-region');
  const json = JSON.parse(synth(build()));

  test('two Foundry accounts in two regions, each with its private endpoint in its own spoke, registered in the hub zones', () => {
    const accounts = Object.entries(resourcesOf(json, 'azurerm_cognitive_account')) as [string, any][];
    expect(accounts.map(([, a]) => a.location).sort()).toEqual(['francecentral', 'swedencentral']);
    for (const [name, account] of accounts) {
      expect(account).toMatchObject({ public_network_access_enabled: false, local_auth_enabled: false });
      const pe = Object.values(resourcesOf(json, 'azurerm_private_endpoint')).find((e: any) => e.private_service_connection.private_connection_resource_id === `\${azurerm_cognitive_account.${name}.id}`) as any;
      expect(pe.location).toBe(account.location);
      expect(pe.private_dns_zone_group.private_dns_zone_ids.every((z: string) => z.includes('rg-hub-dns'))).toBe(true);
    }
    expect(resourcesOf(json, 'azurerm_private_dns_zone')).toEqual({});
  });

  test('the gateway reaches region B\'s account over the peering: an inbound rule on B\'s endpoint NSG and an outbound rule on the gateway subnet', () => {
    const rules = (name: string) => (Object.entries(resourcesOf(json, 'azurerm_network_security_group')) as [string, any][])
      .find(([k]) => k.startsWith(name))![1].security_rule as any[];
    expect(rules('NetworkB_PrivateEndpointNsg')).toContainEqual(expect.objectContaining({
      direction: 'Inbound', access: 'Allow', source_address_prefix: '10.0.2.0/27', destination_address_prefix: '10.1.0.0/24', destination_port_range: '443',
    }));
    expect(rules('chat_Network_GatewaySubnetNsg')).toContainEqual(expect.objectContaining({
      direction: 'Outbound', access: 'Allow', priority: 160, source_address_prefix: '10.0.2.0/27', destination_address_prefix: '10.1.0.0/24', destination_port_range: '443',
    }));
  });

  test('PCHAT-NET-003 holds the cross-region path: without the inbound rule on B, the gateway\'s call to account B fails the pack', () => {
    const stack = build();
    const networkB = stack.node.findChild('NetworkB') as PrivateNetwork;
    // As the NSG was before callers in peered networks were wired: nothing but the denies.
    networkB.privateEndpointNsg.addOverride('security_rule', [
      { name: 'DenyAllOtherInbound', priority: 4096, direction: 'Inbound', access: 'Deny', protocol: '*', source_port_range: '*', destination_port_range: '*', source_address_prefix: '*', destination_address_prefix: '*', description: 'deny' },
    ]);
    const failures = Compliance.report(stack).failures.filter((f) => f.ruleId === 'PCHAT-NET-003');
    expect(failures).toHaveLength(1);
    expect(failures[0].constructPath).toMatch(/^multi-region\/AccountB\//);
    expect(failures[0].problem).toMatch(/on TCP 443: blocked at NSG .*DenyAllOtherInbound/);
  });

  test('the gateway tries region A first and fails over to region B, as its own identity on both', () => {
    const apim = onlyResource(json, 'azurerm_api_management');
    expect(apim.public_network_access_enabled).toBe(true); // flipped to Disabled by the azapi update after the private endpoint
    // The gateway's two patches (the file store's blob-service properties are the third).
    const patches = Object.values(resourcesOf(json, 'azapi_update_resource')).filter((u: any) => !String(u.type).startsWith('Microsoft.Storage/'))
      .map((u: any) => Object.keys(u.body.properties));
    expect(patches.sort()).toEqual([['largeLanguageModel'], ['publicNetworkAccess']]);
    const backends = Object.values(resourcesOf(json, 'azurerm_api_management_backend')) as any[];
    expect(backends).toHaveLength(2);
    for (const b of backends) expect(b.circuit_breaker_rule).toBeDefined();
    const policy = onlyResource(json, 'azurerm_api_management_api_policy').xml_content as string;
    expect(policy).toContain('<retry');
    expect(policy).toMatch(/llm-token-limit/);
    const apimName = Object.keys(resourcesOf(json, 'azurerm_api_management'))[0];
    const grants = Object.values(resourcesOf(json, 'azurerm_role_assignment')).filter((r: any) => r.principal_id === `\${azurerm_api_management.${apimName}.identity[0].principal_id}`);
    const onAccounts = grants.filter((g: any) => String(g.scope).includes('azurerm_cognitive_account'));
    expect(onAccounts).toHaveLength(2);
    expect(grants.filter((g: any) => !onAccounts.includes(g)).map((g: any) => g.role_definition_name)).toEqual(['Monitoring Metrics Publisher']);
  });

  test('token metrics join the hub\'s Azure Monitor Private Link Scope: no scope, endpoint or monitor zone of its own', () => {
    expect(resourcesOf(json, 'azurerm_monitor_private_link_scope')).toEqual({});
    const scoped = Object.values(resourcesOf(json, 'azurerm_monitor_private_link_scoped_service')) as any[];
    for (const s of scoped) expect(s).toMatchObject({ scope_name: 'ampls-hub', resource_group_name: 'rg-hub-monitor' });
    // The component and the workspace it ingests through (PrivateChat creates it, so it joins too).
    expect(scoped.map((s) => String(s.linked_resource_id).split('.')[0]).sort()).toEqual(['${azurerm_application_insights', '${azurerm_log_analytics_workspace']);
    const subresources = Object.values(resourcesOf(json, 'azurerm_private_endpoint')).map((pe: any) => pe.private_service_connection.subresource_names[0]);
    expect(subresources).not.toContain('azuremonitor');
  });

  test('the spokes are peered both ways', () => {
    expect(Object.keys(resourcesOf(json, 'azurerm_virtual_network_peering'))).toHaveLength(2);
  });

  test('only the chat users\' and admins\' groups sign in, and only the admins\' group administers', () => {
    expectSignInByGroups(json, CHAT_USERS_GROUP, CHAT_ADMINS_GROUP);
  });

  test('the operators\' group administers the history database through Entra ID', () => {
    expectEntraDatabaseAdministrator(json, DB_OPERATORS_GROUP);
  });

  test('synthesizes with no warning: someone can sign in, and operators reach the database through Entra ID', () => {
    const stack = build();
    Testing.synth(stack);
    expect(warningsOf(stack)).toEqual([]);
  });

  test('matches the snapshot', () => {
    expect(synth(build())).toMatchSnapshot();
  });
});
