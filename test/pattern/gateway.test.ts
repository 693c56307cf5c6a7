// PrivateChat with the AI gateway: the app calls the gateway, the gateway calls the accounts.
import { Testing } from 'cdktf';
import { ChatFrontEnd, MonitorPrivateLinkScope, OpenAiAccount, PrivateChat, PrivateChatProps, PrivateLinkZone, PrivateNetwork } from '../../src';
import { newStack, resourcesOf, synthJson } from '../util';

const GW = { publisherEmail: 'platform@contoso.com' };
function chat(props: Partial<PrivateChatProps> = {}) {
  const stack = newStack();
  const made = new PrivateChat(stack, 'chat', { location: 'swedencentral', ...props });
  return { stack, chat: made, json: () => synthJson(stack) };
}
const one = (json: any, type: string) => {
  const all = Object.entries(resourcesOf(json, type));
  expect(all).toHaveLength(1);
  return all[0] as [string, any];
};

describe('PrivateChat gateway', () => {
  test('off by default: no API Management, the app calls the account', () => {
    const out = chat().json();
    expect(resourcesOf(out, 'azurerm_api_management')).toEqual({});
    expect(resourcesOf(out, 'azurerm_application_insights_workbook')).toEqual({});
  });

  test('the app calls the gateway with its identity token and forwards the signed-in user; the gateway, not the app, holds the account role', () => {
    const { json, chat: made } = chat({ gateway: GW });
    const out = json();
    const [apimName] = one(out, 'azurerm_api_management');
    const [, app] = one(out, 'azurerm_linux_web_app');
    expect(app.app_settings.OPENAI_API_BASE_URLS).toBe(`\${azurerm_api_management.${apimName}.gateway_url}/openai/v1`);
    expect(app.app_settings.ENABLE_FORWARD_USER_INFO_HEADERS).toBe('True');
    const [identityName] = Object.entries(resourcesOf(out, 'azurerm_user_assigned_identity')).find(([k]) => k.includes('AppIdentity'))!;
    const [, policy] = one(out, 'azurerm_api_management_api_policy');
    expect(policy.xml_content).toContain(`\${azurerm_user_assigned_identity.${identityName}.client_id}`);
    const onAccount = Object.values(resourcesOf(out, 'azurerm_role_assignment')).filter((r: any) => String(r.scope).includes('azurerm_cognitive_account')) as any[];
    expect(onAccount.map((r) => r.principal_id)).toEqual([`\${azurerm_api_management.${apimName}.identity[0].principal_id}`]);
    expect(made.gateway).toBeDefined();
  });

  test('a dedicated /27 integration subnet with an NSG, the API Management zone, and the usage workbook in the workspace', () => {
    const out = chat({ gateway: GW }).json();
    const [subnetName, subnet] = Object.entries(resourcesOf(out, 'azurerm_subnet')).find(([, s]: [string, any]) => s.name === 'apim-integration') as [string, any];
    expect(subnet.address_prefixes).toEqual(['10.0.2.0/27']);
    expect(subnet.delegation[0].service_delegation.name).toBe('Microsoft.Web/serverFarms');
    const [, apim] = one(out, 'azurerm_api_management');
    expect(apim.virtual_network_configuration.subnet_id).toBe(`\${azurerm_subnet.${subnetName}.id}`);
    expect(Object.values(resourcesOf(out, 'azurerm_subnet_network_security_group_association')).some((a: any) => a.subnet_id === `\${azurerm_subnet.${subnetName}.id}`)).toBe(true);
    expect(Object.values(resourcesOf(out, 'azurerm_private_dns_zone')).map((z: any) => z.name)).toContain(PrivateLinkZone.API_MANAGEMENT.zoneName);
    // The app's egress (the NAT gateway) too: the subnet has default outbound access off.
    expect(Object.values(resourcesOf(out, 'azurerm_subnet_nat_gateway_association')).map((a: any) => a.subnet_id)).toContain(`\${azurerm_subnet.${subnetName}.id}`);
    const [, workbook] = one(out, 'azurerm_application_insights_workbook');
    expect(workbook.source_id).toMatch(/azurerm_log_analytics_workspace/);
  });

  test('per-user limits reach the gateway policy', () => {
    const made = chat({ gateway: { ...GW, tokensPerMinutePerUser: 5000, tokensPerDayPerUser: 100000 } }).chat;
    const xml = made.gateway!.policyXml;
    expect(xml).toContain('tokens-per-minute="5000"');
    expect(xml).toContain('token-quota="100000"');
    expect(xml).toContain('token-quota-period="Daily"');
  });

  test('the per-user default derives from the chat deployment\'s capacity, and one backend gets no circuit breaker', () => {
    const { json, chat: made } = chat({ gateway: GW });
    const deployments = (made.aiAccount as any).deployments as Array<{ capacity: number }>;
    const smallest = Math.min(...deployments.map((d) => d.capacity * 1000));
    const expected = Math.min(smallest, Math.max(4000, Math.floor(smallest / 4)));
    expect(made.gateway!.tokensPerMinutePerUser).toBe(expected);
    expect(made.gateway!.tokensPerMinutePerUser).toBeLessThanOrEqual(smallest);
    expect(made.gateway!.policyXml).toContain(`tokens-per-minute="${expected}"`);
    const [, backend] = one(json(), 'azurerm_api_management_backend');
    expect(backend.circuit_breaker_rule).toBeUndefined();
  });

  test('gateway.circuitBreaker reaches every backend when there are additional backends', () => {
    const stack = newStack();
    const other = OpenAiAccount.fromAttributes(stack, 'Other', {
      accountId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai-other',
      endpoint: 'https://oai-other.openai.azure.com/',
    });
    new PrivateChat(stack, 'chat', {
      location: 'swedencentral',
      gateway: { ...GW, additionalBackends: [{ account: other }], circuitBreaker: { failureCount: 5, tripDuration: 'PT2M' } },
    });
    const backends = Object.values(resourcesOf(synthJson(stack), 'azurerm_api_management_backend')) as any[];
    expect(backends).toHaveLength(2);
    for (const b of backends) {
      expect(b.circuit_breaker_rule).toMatchObject({ trip_duration: 'PT2M', accept_retry_after_enabled: true, failure_condition: { count: 5, interval_duration: 'PT1M' } });
    }
  });

  test('token metrics by default: a private Application Insights, a new monitor scope with its five zones, token counts in the LLM log', () => {
    const { json, chat: made } = chat({ gateway: GW });
    const out = json();
    const [, insights] = one(out, 'azurerm_application_insights');
    expect(insights).toMatchObject({ local_authentication_disabled: true, internet_ingestion_enabled: false });
    expect(insights.workspace_id).toMatch(/azurerm_log_analytics_workspace/);
    one(out, 'azurerm_monitor_private_link_scope');
    const zones = Object.values(resourcesOf(out, 'azurerm_private_dns_zone')).map((z: any) => z.name);
    expect(zones).toEqual(expect.arrayContaining(PrivateLinkZone.azureMonitor().map((z) => z.zoneName)));
    expect(made.gateway!.policyXml).toContain('<llm-emit-token-metric namespace="ai-gateway">');
    expect(made.gateway!.llmLogging).toBeDefined();
  });

  test('tokenMetrics: false leaves out the component, the scope and the monitor zones; logLlmMessages reaches the LLM logging', () => {
    const { json, chat: made } = chat({ gateway: { ...GW, tokenMetrics: false, logLlmMessages: true } });
    const out = json();
    expect(resourcesOf(out, 'azurerm_application_insights')).toEqual({});
    expect(resourcesOf(out, 'azurerm_monitor_private_link_scope')).toEqual({});
    const zones = Object.values(resourcesOf(out, 'azurerm_private_dns_zone')).map((z: any) => z.name);
    expect(zones).not.toContain(PrivateLinkZone.AZURE_MONITOR.zoneName);
    expect(made.gateway!.policyXml).not.toContain('llm-emit-token-metric');
    const llm = Object.values(resourcesOf(out, 'azapi_update_resource')).find((u: any) => u.body.properties.largeLanguageModel) as any;
    expect(llm.body.properties.largeLanguageModel.requests).toEqual({ messages: 'all', maxSizeInBytes: 32768 });
  });

  test('the landing zone\'s monitor scope: the component and the stack\'s workspace join it; no scope or monitor zone of the stack\'s own', () => {
    const stack = newStack();
    const hub = MonitorPrivateLinkScope.fromScopeId(stack, 'HubScope',
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Insights/privateLinkScopes/ampls-hub');
    new PrivateChat(stack, 'chat', { location: 'swedencentral', gateway: { ...GW, monitorPrivateLinkScope: hub } });
    const out = synthJson(stack);
    expect(resourcesOf(out, 'azurerm_monitor_private_link_scope')).toEqual({});
    const scoped = Object.values(resourcesOf(out, 'azurerm_monitor_private_link_scoped_service')) as any[];
    expect(scoped.map((s) => String(s.linked_resource_id).split('.')[0]).sort()).toEqual(['${azurerm_application_insights', '${azurerm_log_analytics_workspace']);
    for (const s of scoped) expect(s).toMatchObject({ scope_name: 'ampls-hub', resource_group_name: 'rg-hub' });
    const zones = Object.values(resourcesOf(out, 'azurerm_private_dns_zone')).map((z: any) => z.name);
    expect(zones).not.toContain(PrivateLinkZone.AZURE_MONITOR.zoneName);
  });

  test('passes the rule pack and the provider schemas', () => {
    const { stack } = chat({ gateway: GW });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test.each([
    ['a front end that cannot forward the user', { gateway: GW, frontEnd: ChatFrontEnd.sampleChatApp() },
      /^PrivateChat 'test\/chat': 'gateway' must be left out for Microsoft's sample chat app: the gateway meters each signed-in user by a header the front end forwards/],
    ['a subnet smaller than /27', { gateway: { ...GW, integrationSubnetCidr: '10.0.2.0/28' } }, /'gateway.integrationSubnetCidr' must be a \/27 or larger/],
    ['a subnet outside the address space', { gateway: { ...GW, integrationSubnetCidr: '10.9.0.0/27' } },
      /^PrivateChat 'test\/chat': 'gateway.integrationSubnetCidr' must lie inside addressSpace '10.0.0.0\/16', got '10.9.0.0\/27'$/],
    ['a subnet overlapping the app subnet', { gateway: { ...GW, integrationSubnetCidr: '10.0.1.0/27' } },
      /^PrivateChat 'test\/chat': 'gateway.integrationSubnetCidr' must not overlap 'appIntegrationSubnetCidr' \('10.0.1.0\/24'\), got '10.0.1.0\/27'$/],
    ['a custom address space too small for the derived gateway subnet', { addressSpace: '10.1.0.0/24', gateway: GW },
      /^PrivateChat 'test\/chat': 'gateway.integrationSubnetCidr' \(the default, derived from 'addressSpace' '10.1.0.0\/24'; give 'gateway.integrationSubnetCidr' a free \/27 inside it\) must lie inside addressSpace '10.1.0.0\/24', got '10.0.2.0\/27'$/],
    ['zero token limits', { gateway: { ...GW, tokensPerMinutePerUser: 0 } }, /^PrivateChat 'test\/chat': 'gateway.tokensPerMinutePerUser' must be an integer between 1 and/],
    ['an additional backend that is not an account', { gateway: { ...GW, additionalBackends: [{ account: 'oai-other' as any }] } },
      /^PrivateChat 'test\/chat': 'gateway.additionalBackends\[0\]\.account' /],
    ['a deployment limit for a deployment nothing serves', {
      models: [{ modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14', name: 'chat', capacity: 10 }],
      gateway: { ...GW, deploymentLimits: [{ deployment: 'chta', tokensPerMinutePerUser: 1000 }] },
    }, /^PrivateChat 'test\/chat': 'gateway.deploymentLimits\[0\]\.deployment' must name a model behind the gateway \('chat'\); did you mean 'chat'\?: a limit for a name nothing serves never applies, got 'chta'$/],
    ['a deployment limit whose name differs only in case', {
      models: [{ modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14', name: 'chat', capacity: 10 }],
      gateway: { ...GW, deploymentLimits: [{ deployment: 'Chat', tokensPerMinutePerUser: 1000 }] },
    }, /'gateway.deploymentLimits\[0\]\.deployment' must name a model behind the gateway \('chat'\); 'chat' differs only in letter case/],
    ['two deployment limits for one deployment in two cases', {
      models: [{ modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14', name: 'chat', capacity: 10 }],
      gateway: { ...GW, deploymentLimits: [{ deployment: 'chat', tokensPerMinutePerUser: 1000 }, { deployment: 'CHAT', tokensPerMinutePerUser: 2000 }] },
    }, /'gateway.deploymentLimits\[1\]\.deployment' must not repeat a deployment listed before \(deployment names are case-insensitive\), got 'CHAT'/],
    ['a per-user limit above the capacity behind the gateway', { gateway: { ...GW, tokensPerMinutePerUser: 10_000_000 } },
      /^PrivateChat 'test\/chat': 'gateway.tokensPerMinutePerUser' must be at most \d+, the capacity of deployment '[^']+' behind the gateway \(\d+ tokens per minute on its one backend\).*, got 10000000$/],
    ['a deployment limit above its deployment\'s capacity', {
      models: [{ modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14', name: 'chat', capacity: 10 }],
      gateway: { ...GW, deploymentLimits: [{ deployment: 'chat', tokensPerMinutePerUser: 15000 }] },
    }, /^PrivateChat 'test\/chat': 'gateway.deploymentLimits\[0\].tokensPerMinutePerUser' must be at most 10000, the capacity of deployment 'chat' behind the gateway/],
    ['a circuit breaker with the one backend', { gateway: { ...GW, circuitBreaker: {} } },
      /^PrivateChat 'test\/chat': 'gateway.circuitBreaker' must be left out with a single backend: .*, got \{\}$/],
    ['a breaker that trips on one failure', { gateway: { ...GW, circuitBreaker: { failureCount: 1 } } },
      /^PrivateChat 'test\/chat': 'gateway.circuitBreaker.failureCount' must be an integer between 2 and 10000, got 1$/],
    ['no publisher e-mail', { gateway: {} as never }, /'gateway.publisherEmail'/],
    ['tokenMetrics as a string', { gateway: { ...GW, tokenMetrics: 'false' as never } }, /'gateway.tokenMetrics' must be true or false/],
    ['a scope id instead of a scope', { gateway: { ...GW, monitorPrivateLinkScope: 'ampls-hub' as never } },
      /'gateway.monitorPrivateLinkScope' must be a MonitorPrivateLinkScope or MonitorPrivateLinkScope.fromScopeId\(...\), got 'ampls-hub'/],
  ])('fails on %s', (_, props, expected) => {
    expect(() => chat(props as Partial<PrivateChatProps>)).toThrow(expected);
  });

  test('fails with an existing network but no integration subnet id', () => {
    const stack = newStack();
    const network = PrivateNetwork.fromAttributes(stack, 'Spoke', {
      virtualNetworkId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet',
      privateEndpointSubnetId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe',
      appIntegrationSubnetId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app',
    });
    expect(() => new PrivateChat(stack, 'chat', { location: 'swedencentral', network, gateway: GW }))
      .toThrow(/'gateway.integrationSubnetId' is required with an existing 'network'/);
  });
});

describe('the gateway subnet in a custom address space', () => {
  test('is derived from the address space: the /27 after the endpoint and app subnets', () => {
    const { stack } = chat({ addressSpace: '10.20.0.0/16', gateway: GW });
    const subnets = Object.values(resourcesOf(synthJson(stack), 'azurerm_subnet')).map((s: any) => [s.name, s.address_prefixes[0]]).sort();
    expect(subnets).toEqual([['apim-integration', '10.20.2.0/27'], ['app-integration', '10.20.1.0/24'], ['private-endpoints', '10.20.0.0/24']]);
  });

  test('keeps 10.0.2.0/27 in the default address space (no address or prefix change)', () => {
    const { stack } = chat({ gateway: GW });
    const apim = Object.values(resourcesOf(synthJson(stack), 'azurerm_subnet')).find((s: any) => s.name === 'apim-integration') as any;
    expect(apim.address_prefixes).toEqual(['10.0.2.0/27']);
  });
});
