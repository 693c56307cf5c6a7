import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TimeProvider } from '@cdktf/provider-time/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { Compliance } from '../../src/compliance';
import { Conformance } from '../../src/conformance';
import { Monitoring, MonitorPrivateLinkScope, MonitorPrivateLinkScopeProps, ScopeAccessMode } from '../../src/monitoring';
import { PrivateDnsZones, PrivateLinkZone, PrivateNetwork } from '../../src/network';
import { blockOf, ref } from '../ai/fixture';
import { newStack, resourcesOf, synthJson } from '../util';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const HUB_SCOPE = `${SUB}/resourceGroups/rg-hub/providers/Microsoft.Insights/privateLinkScopes/ampls-hub`;
const COMPONENT = `${SUB}/resourceGroups/rg/providers/Microsoft.Insights/components/appi-chat`;

function fixture() {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg', location: 'swedencentral' });
  const dnsZones = new PrivateDnsZones(stack, 'Zones', { resourceGroupName: 'rg', network, zones: PrivateLinkZone.azureMonitor() });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: 'rg', location: 'swedencentral' });
  const props: MonitorPrivateLinkScopeProps = { resourceGroupName: 'rg', location: 'swedencentral', network, dnsZones };
  return { stack, network, dnsZones, monitoring, props };
}

describe('MonitorPrivateLinkScope', () => {
  test('PrivateOnly ingestion and Open query by default, its endpoint on azuremonitor in the five zones, after the workspace joined', () => {
    const f = fixture();
    const scope = new MonitorPrivateLinkScope(f.stack, 'Scope', { ...f.props, monitoring: f.monitoring });
    const json = synthJson(f.stack);
    expect(blockOf(json, scope.resource)).toEqual(expect.objectContaining({
      name: expect.stringMatching(/^ampls-scope-[0-9a-f]+$/), resource_group_name: 'rg', ingestion_access_mode: 'PrivateOnly', query_access_mode: 'Open',
    }));
    expect(blockOf(json, scope.workspaceScopedService!)).toMatchObject({
      linked_resource_id: ref(f.monitoring.workspace, 'id'), scope_name: ref(scope.resource, 'name'), resource_group_name: ref(scope.resource, 'resource_group_name'),
    });
    const pe = blockOf(json, scope.privateEndpoint.resource);
    expect(pe.private_service_connection.subresource_names).toEqual(['azuremonitor']);
    expect(pe.private_dns_zone_group.private_dns_zone_ids).toHaveLength(5);
    expect(pe.depends_on).toEqual([`azurerm_monitor_private_link_scoped_service.${scope.workspaceScopedService!.friendlyUniqueId}`]);
    expect(PrivateLinkZone.azureMonitor().map((z) => z.zoneName)).toEqual([
      'privatelink.monitor.azure.com', 'privatelink.oms.opinsights.azure.com', 'privatelink.ods.opinsights.azure.com',
      'privatelink.agentsvc.azure-automation.net', 'privatelink.blob.core.windows.net',
    ]);
  });

  test('access modes and the name can be chosen; no workspace joins without monitoring', () => {
    const f = fixture();
    const scope = new MonitorPrivateLinkScope(f.stack, 'Scope', {
      ...f.props, name: 'ampls-(chat)_1', ingestionAccessMode: ScopeAccessMode.OPEN, queryAccessMode: ScopeAccessMode.PRIVATE_ONLY,
    });
    const json = synthJson(f.stack);
    expect(blockOf(json, scope.resource)).toMatchObject({ name: 'ampls-(chat)_1', ingestion_access_mode: 'Open', query_access_mode: 'PrivateOnly' });
    expect(scope.workspaceScopedService).toBeUndefined();
    expect(resourcesOf(json, 'azurerm_monitor_private_link_scoped_service')).toEqual({});
    expect(blockOf(json, scope.privateEndpoint.resource).depends_on).toBeUndefined();
  });

  test('addScopedResource names the membership after the linked resource, so stacks sharing a hub scope never clash', () => {
    const f = fixture();
    const scope = new MonitorPrivateLinkScope(f.stack, 'Scope', f.props);
    const owner = new Construct(f.stack, 'Owner');
    const scoped = scope.addScopedResource(owner, 'Join', COMPONENT);
    expect(blockOf(synthJson(f.stack), scoped)).toMatchObject({
      name: `amplss-\${substr(sha1(lower("${COMPONENT}")), 0, 16)}`,
      linked_resource_id: COMPONENT,
    });
    expect(() => scope.addScopedResource(owner, 'Join', COMPONENT)).toThrow(
      "MonitorPrivateLinkScope 'test/Scope': 'addScopedResource.id' must be unique under test/Owner: a construct with this id already exists there, got 'Join'");
  });

  test('fromScopeId joins resources to an existing scope by its name and resource group, creating nothing else', () => {
    const stack = newStack();
    const hub = MonitorPrivateLinkScope.fromScopeId(stack, 'Hub', HUB_SCOPE);
    expect(hub.scopeId).toBe(HUB_SCOPE);
    const scoped = hub.addScopedResource(new Construct(stack, 'Owner'), 'Join', COMPONENT);
    const json = synthJson(stack);
    expect(blockOf(json, scoped)).toMatchObject({ scope_name: 'ampls-hub', resource_group_name: 'rg-hub' });
    expect(resourcesOf(json, 'azurerm_monitor_private_link_scope')).toEqual({});
    expect(resourcesOf(json, 'azurerm_private_endpoint')).toEqual({});
  });

  test('fromScopeId with an id known only at plan time takes the name and group from it in Terraform', () => {
    const stack = newStack();
    const variable = new TerraformVariable(stack, 'ampls_id', { type: 'string' });
    const hub = MonitorPrivateLinkScope.fromScopeId(stack, 'Hub', variable.stringValue);
    const scoped = hub.addScopedResource(new Construct(stack, 'Owner'), 'Join', COMPONENT);
    expect(blockOf(synthJson(stack), scoped)).toMatchObject({
      scope_name: '${element(split("/", var.ampls_id), 8)}', resource_group_name: '${element(split("/", var.ampls_id), 4)}',
    });
  });

  describe('a scope in another subscription (a landing zone\'s hub)', () => {
    const OTHER = '11111111-1111-1111-1111-111111111111';
    const OTHER_SCOPE = `/subscriptions/${OTHER}/resourceGroups/rg-hub/providers/Microsoft.Insights/privateLinkScopes/ampls-hub`;
    const stackIn = (subscriptionId?: string) => {
      const stack = new TerraformStack(Testing.app(), 'test');
      new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId });
      return stack;
    };

    test('fails at synth when the stack\'s provider names another subscription, naming the prop and the way out', () => {
      const stack = stackIn('00000000-0000-0000-0000-000000000000');
      const hub = MonitorPrivateLinkScope.fromScopeId(stack, 'Hub', OTHER_SCOPE);
      expect(() => hub.addScopedResource(new Construct(stack, 'Owner'), 'Join', COMPONENT)).toThrow(
        `MonitorPrivateLinkScope.fromScopeId 'test/Hub': 'scopeId' is in subscription ${OTHER}, but azurerm_monitor_private_link_scoped_service `
        + 'names its scope by name and resource group, so it joins a scope only in its provider\'s subscription, and the stack\'s azurerm provider '
        + 'is in subscription 00000000-0000-0000-0000-000000000000; pass an azurerm provider for that subscription as \'options.provider\' of '
        + `fromScopeId, or add the resource to the scope from a stack in that subscription, got '${OTHER_SCOPE}'`);
    });

    test('with an azurerm provider for the scope\'s subscription, the scoped service is created by that provider', () => {
      const stack = stackIn('00000000-0000-0000-0000-000000000000');
      const hubProvider = new AzurermProvider(stack, 'hub', { features: [{}], alias: 'hub', subscriptionId: OTHER });
      const hub = MonitorPrivateLinkScope.fromScopeId(stack, 'Hub', OTHER_SCOPE, { provider: hubProvider });
      const scoped = hub.addScopedResource(new Construct(stack, 'Owner'), 'Join', COMPONENT);
      const block = blockOf(synthJson(stack), scoped) as Record<string, unknown>;
      expect(block).toMatchObject({ provider: 'azurerm.hub', scope_name: 'ampls-hub', resource_group_name: 'rg-hub', linked_resource_id: COMPONENT });
      expect(block.lifecycle).toBeUndefined();
    });

    test('fails at synth when the passed provider names yet another subscription', () => {
      const stack = stackIn();
      const wrong = new AzurermProvider(stack, 'mgmt', { features: [{}], alias: 'mgmt', subscriptionId: '22222222-2222-2222-2222-222222222222' });
      const hub = MonitorPrivateLinkScope.fromScopeId(stack, 'Hub', OTHER_SCOPE, { provider: wrong });
      expect(() => hub.addScopedResource(new Construct(stack, 'Owner'), 'Join', COMPONENT))
        .toThrow(/'scopeId' is in subscription 1{8}-.*, and the azurerm provider 'test\/mgmt' is in subscription 2{8}-2222-2222-2222-2{12}; pass an azurerm provider/);
    });

    test('when the provider\'s subscription comes from the environment, a precondition fails the plan instead', () => {
      const stack = stackIn();
      const hub = MonitorPrivateLinkScope.fromScopeId(stack, 'Hub', OTHER_SCOPE);
      const scoped = hub.addScopedResource(new Construct(stack, 'Owner'), 'Join', COMPONENT);
      const json = synthJson(stack);
      type Lifecycle = { lifecycle: { precondition: Array<{ condition: string; error_message: string }> } };
      const [precondition] = (blockOf(json, scoped) as Lifecycle).lifecycle.precondition;
      expect(precondition.condition).toBe(`\${(lower(data.azurerm_client_config.AzurermClientConfig.subscription_id) == "${OTHER}")}`);
      expect(precondition.error_message).toMatch(new RegExp(`^MonitorPrivateLinkScope.fromScopeId 'test/Hub': 'scopeId' is in subscription ${OTHER}, but .*, and the azurerm provider is in another one; pass an azurerm provider .*\\.$`));
    });

    test('a scope in the provider\'s own subscription needs nothing more', () => {
      const stack = stackIn(OTHER.toUpperCase());
      const hub = MonitorPrivateLinkScope.fromScopeId(stack, 'Hub', OTHER_SCOPE);
      const scoped = hub.addScopedResource(new Construct(stack, 'Owner'), 'Join', COMPONENT);
      const json = synthJson(stack);
      expect((blockOf(json, scoped) as Record<string, unknown>).lifecycle).toBeUndefined();
      expect(json.data?.azurerm_client_config).toBeUndefined();
    });

    test('refuses a provider that is not azurerm', () => {
      const stack = stackIn();
      const notAzurerm = new TimeProvider(stack, 'time');
      expect(() => MonitorPrivateLinkScope.fromScopeId(stack, 'Hub', OTHER_SCOPE, { provider: notAzurerm }))
        .toThrow("MonitorPrivateLinkScope.fromScopeId 'test/Hub': 'options.provider' must be an azurerm provider (AzurermProvider) for the scope's subscription, got 'time'");
    });
  });

  test('passes the compliance pack and the schema conformance', () => {
    const f = fixture();
    new MonitorPrivateLinkScope(f.stack, 'Scope', { ...f.props, monitoring: f.monitoring });
    expect(Compliance.report(f.stack).failures).toEqual([]);
    expect(Conformance.check(f.stack)).toEqual([]);
  });

  test.each([
    ['an access mode outside the two', { ingestionAccessMode: 'Private' }, "'ingestionAccessMode' must be one of 'PrivateOnly', 'Open', got 'Private'"],
    ['a name ending with a period', { name: 'ampls.' }, "'name' must contain only letters, digits, hyphens, underscores, periods and parentheses, not ending with a period, got 'ampls.'"],
    ['a region other than the network\'s', { location: 'westeurope' }, "'location' must be the region of its network ('swedencentral')"],
    ['no dnsZones', { dnsZones: undefined }, "'dnsZones' is required (a PrivateDnsZones or PrivateDnsZones.fromHubZoneIds(...)), got undefined"],
  ])('refuses %s', (_n, overrides, expected) => {
    const f = fixture();
    expect(() => new MonitorPrivateLinkScope(f.stack, 'Scope', { ...f.props, ...overrides } as MonitorPrivateLinkScopeProps))
      .toThrow(expected);
  });

  test('refuses a scope id of another type and a scoped resource that is not a workspace or component', () => {
    const stack = newStack();
    expect(() => MonitorPrivateLinkScope.fromScopeId(stack, 'Hub', `${SUB}/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/x`))
      .toThrow(/MonitorPrivateLinkScope.fromScopeId 'test\/Hub': 'scopeId' must be .*Microsoft.Insights\/privateLinkScopes/);
    const hub = MonitorPrivateLinkScope.fromScopeId(stack, 'Hub2', HUB_SCOPE);
    const vault = `${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1`;
    expect(() => hub.addScopedResource(new Construct(stack, 'Owner'), 'Join', vault)).toThrow(
      "MonitorPrivateLinkScope.fromScopeId 'test/Hub2': 'addScopedResource.resourceId' must be the id of a Microsoft.OperationalInsights/workspaces "
      + `or Microsoft.Insights/components resource (found Microsoft.KeyVault/vaults), got '${vault}'`);
  });
});
