import { ApiManagement } from '@cdktf/provider-azurerm/lib/api-management';
import { ApiManagementApi } from '@cdktf/provider-azurerm/lib/api-management-api';
import { ApiManagementBackend } from '@cdktf/provider-azurerm/lib/api-management-backend';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
// A dev-time transitive dependency (jsii-rosetta); the lead may add it to devDependencies.
import { Attr, Document, DOMParser, Element, Node } from '@xmldom/xmldom';
import { TerraformVariable } from 'cdktf';
import { APIM_SUBNET, buildGateway, CALLER, gatewayFixture, RG, SUB, TENANT } from './fixture';
import { AiAccount, OpenAiAccount } from '../../src/ai';
import { ChatIdentity } from '../../src/app';
import { Compliance } from '../../src/compliance';
import { Conformance } from '../../src/conformance';
import { AzapiProvider, AzapiUpdateResource } from '../../src/core/private/azapi';
import { AiGateway, AiGatewayProps, GatewayUserSource } from '../../src/gateway';
import { Monitoring, MonitorPrivateLinkScope } from '../../src/monitoring';
import { PrivateDnsZones, PrivateLinkZone } from '../../src/network';
import { address, blockOf, ref } from '../ai/fixture';
import { resolved, resourcesOf, synth, synthJson } from '../util';

/** The policy XML as Terraform gets it (tokens resolved), parsed. */
function policyDoc(gateway: AiGateway): Document {
  const json = JSON.parse(synth(gateway.node.scope as any));
  const xml = blockOf(json, gateway.policy).xml_content as string;
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level: string, msg: string) => { if (level !== 'warning') errors.push(msg); } })
    .parseFromString(xml, 'text/xml') as unknown as Document;
  expect(errors).toEqual([]);
  return doc;
}

function elements(doc: Document, name: string): Element[] {
  return Array.from(doc.getElementsByTagName(name) as unknown as ArrayLike<Element>);
}

function attrs(e: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of Array.from(e.attributes as unknown as ArrayLike<Attr>)) out[a.name] = a.value;
  return out;
}

function texts(doc: Document, name: string): string[] {
  return elements(doc, name).map((e) => e.textContent ?? '');
}

describe('AiGateway', () => {
  test('creates a Standard v2 service with outbound VNet integration, the secure settings written out and public access left to the PATCH', () => {
    const { f, gateway } = buildGateway();
    const json = synth(f.stack);
    expect(json).toHaveResourceWithProperties(ApiManagement, {
      resource_group_name: RG,
      location: 'swedencentral',
      sku_name: 'StandardV2_1',
      publisher_email: 'platform@contoso.com',
      identity: { type: 'SystemAssigned' },
      virtual_network_type: 'External',
      virtual_network_configuration: { subnet_id: APIM_SUBNET },
      public_network_access_enabled: true,
      lifecycle: { prevent_destroy: false, ignore_changes: ['public_network_access_enabled'] },
      security: {
        backend_ssl30_enabled: false,
        backend_tls10_enabled: false,
        backend_tls11_enabled: false,
        frontend_ssl30_enabled: false,
        frontend_tls10_enabled: false,
        frontend_tls11_enabled: false,
        triple_des_ciphers_enabled: false,
      },
    });
    const apim = blockOf(JSON.parse(json), gateway.resource);
    expect(apim.name).toMatch(/^apim-\$\{substr\(sha256\(join\("", \[data\.azurerm_client_config\.AzurermClientConfig\.subscription_id, "\/test\/Gateway"\]\)\), 0, 8\)\}$/);
  });

  test('exposes the URLs, ids and principal', () => {
    const { gateway } = buildGateway();
    const r = (v: string) => resolved(gateway, v);
    expect(r(gateway.gatewayId)).toBe(ref(gateway.resource, 'id'));
    expect(r(gateway.gatewayUrl)).toBe(ref(gateway.resource, 'gateway_url'));
    expect(r(gateway.endpoint)).toBe(`${ref(gateway.resource, 'gateway_url')}/`);
    expect(r(gateway.openAiBaseUrl)).toBe(`${ref(gateway.resource, 'gateway_url')}/openai/v1`);
    expect(r(gateway.principalId)).toBe(`\${${address(gateway.resource)}.identity[0].principal_id}`);
    expect(gateway.principalType).toBe('ServicePrincipal');
  });

  test('puts its private endpoint on Gateway in privatelink.azure-api.net', () => {
    const { f, gateway } = buildGateway();
    expect(synth(f.stack)).toHaveResourceWithProperties(PrivateEndpoint, {
      subnet_id: ref(f.network.privateEndpointSubnet, 'id'),
      private_service_connection: expect.objectContaining({
        private_connection_resource_id: ref(gateway.resource, 'id'), subresource_names: ['Gateway'], is_manual_connection: false,
      }),
      private_dns_zone_group: { name: 'default', private_dns_zone_ids: [ref(f.dnsZones.zones['privatelink.azure-api.net'], 'id')] },
    });
  });

  test('disables public network access with an azapi PATCH after the private endpoint', () => {
    const { f, gateway } = buildGateway();
    const json = synthJson(f.stack);
    const update = blockOf(json, gateway.publicNetworkAccessUpdate);
    expect(update).toEqual({
      type: 'Microsoft.ApiManagement/service@2024-05-01',
      resource_id: ref(gateway.resource, 'id'),
      body: { properties: { publicNetworkAccess: 'Disabled' } },
      depends_on: [address(gateway.privateEndpoint.resource)],
    });
    expect(gateway.publicNetworkAccessUpdate).toBeInstanceOf(AzapiUpdateResource);
  });

  test('adds the azapi provider once, pinned to 2.x, and keeps a provider the user declared', () => {
    const f = gatewayFixture();
    new AiGateway(f.stack, 'One', f.props);
    new AiGateway(f.stack, 'Two', { ...f.props, integrationSubnetId: `${APIM_SUBNET}-2` });
    const json = synthJson(f.stack);
    expect(json.provider?.azapi).toEqual([{}]);
    expect(json.terraform?.required_providers?.azapi).toEqual({ source: 'azure/azapi', version: '~> 2.4' });

    const g = gatewayFixture();
    new AzapiProvider(g.stack, 'mine');
    new AiGateway(g.stack, 'Gateway', g.props);
    expect(synthJson(g.stack).provider?.azapi).toHaveLength(1);
  });

  test('creates one backend per account, each with a circuit breaker that trips on sustained failure, in priority order in the policy', () => {
    const f = gatewayFixture();
    const gateway = new AiGateway(f.stack, 'Gateway', {
      ...f.props,
      backends: [{ account: f.secondary, priority: 2, name: 'spill-over' }, { account: f.primary, priority: 1, name: 'provisioned' }],
    });
    const json = synth(f.stack);
    for (const [name, host] of [['provisioned', 'oai-primary'], ['spill-over', 'oai-secondary']]) {
      expect(json).toHaveResourceWithProperties(ApiManagementBackend, {
        name,
        protocol: 'http',
        url: `https://${host}.openai.azure.com/openai`,
        api_management_name: ref(gateway.resource, 'name'),
        circuit_breaker_rule: {
          name: 'trip-on-throttling-and-errors',
          trip_duration: 'PT1M',
          accept_retry_after_enabled: true,
          failure_condition: { count: 3, interval_duration: 'PT1M', status_code_range: [{ min: 429, max: 429 }, { min: 500, max: 599 }] },
        },
      });
    }
    expect(gateway.backends.map((b) => b.nameInput)).toEqual(['provisioned', 'spill-over']);
    const doc = policyDoc(gateway);
    const [retry] = elements(doc, 'retry');
    expect(attrs(retry)).toEqual({
      'condition': '@(context.Response.StatusCode == 429 || context.Response.StatusCode >= 500)',
      'count': '1',
      'interval': '0',
      'first-fast-retry': 'true',
    });
    expect(elements(doc, 'set-backend-service').map((e) => e.getAttribute('backend-id'))).toEqual(['provisioned', 'spill-over']);
    expect(elements(doc, 'when').filter((w) => w.parentNode?.parentNode === retry).map((w) => w.getAttribute('condition')))
      .toEqual(['@(context.Variables.GetValueOrDefault<int>("gateway-backend-attempt", 0) == 0)']);
    expect(attrs(elements(doc, 'forward-request')[0])).toEqual({ 'buffer-request-body': 'true' });
  });

  test('one backend: no circuit breaker, no retry, the backend set and the body buffered', () => {
    const { f, gateway } = buildGateway();
    expect(blockOf(synthJson(f.stack), gateway.backends[0]).circuit_breaker_rule).toBeUndefined();
    const doc = policyDoc(gateway);
    expect(elements(doc, 'retry')).toEqual([]);
    expect(elements(doc, 'set-backend-service').map((e) => e.getAttribute('backend-id'))).toEqual([gateway.backends[0].nameInput]);
    expect(gateway.backends[0].nameInput).toMatch(/^Primary-[0-9a-f]{6}$/);
  });

  test('an AiAccount backend gets an https URL from its subdomain, and the gateway its use grant', () => {
    const f = gatewayFixture();
    const account = new AiAccount(f.stack, 'Foundry', {
      resourceGroupName: RG, location: 'swedencentral', network: f.network, dnsZones: f.dnsZones, monitoring: f.monitoring,
    });
    const gateway = new AiGateway(f.stack, 'Gateway', { ...f.props, backends: [{ account }, { account: f.primary }] });
    const json = synth(f.stack);
    const url = blockOf(JSON.parse(json), gateway.backends[0]).url as string;
    expect(url).toMatch(/^https:\/\/.*\.openai\.azure\.com\/openai$/);
    expect(json).toHaveResourceWithProperties(RoleAssignment, {
      scope: ref(account.resource, 'id'),
      principal_id: `\${${address(gateway.resource)}.identity[0].principal_id}`,
      principal_type: 'ServicePrincipal',
    });
    expect(json).toHaveResourceWithProperties(RoleAssignment, {
      scope: `${SUB}/resourceGroups/${RG}/providers/Microsoft.CognitiveServices/accounts/oai-primary`,
      principal_id: `\${${address(gateway.resource)}.identity[0].principal_id}`,
    });
    expect(gateway.backendGrants).toHaveLength(2);
  });

  test('a backend URL has one slash before openai, whether the endpoint has a trailing slash, lacks it, or is known only at plan time', () => {
    const f = gatewayFixture();
    const id = (n: string) => `${SUB}/resourceGroups/${RG}/providers/Microsoft.CognitiveServices/accounts/${n}`;
    const bare = OpenAiAccount.fromAttributes(f.stack, 'Bare', { accountId: id('oai-bare'), endpoint: 'https://oai-bare.openai.azure.com' });
    const variable = new TerraformVariable(f.stack, 'endpoint', { type: 'string' });
    const planned = OpenAiAccount.fromAttributes(f.stack, 'Planned', { accountId: id('oai-planned'), endpoint: variable.stringValue });
    const gateway = new AiGateway(f.stack, 'Gateway', { ...f.props, backends: [{ account: f.primary }, { account: bare }, { account: planned }] });
    const json = synthJson(f.stack);
    expect(gateway.backends.map((b) => blockOf(json, b).url)).toEqual([
      'https://oai-primary.openai.azure.com/openai',
      'https://oai-bare.openai.azure.com/openai',
      '${trimsuffix(var.endpoint, "/")}/openai',
    ]);
  });

  test('the policy waits for the backends, the operations and the grants\' propagation', () => {
    const { f, gateway } = buildGateway();
    const policy = blockOf(synthJson(f.stack), gateway.policy);
    expect(policy.depends_on).toEqual([
      ...gateway.backends.map(address), ...gateway.operations.map(address), address(gateway.grantsWait),
    ]);
    const wait = blockOf(synthJson(f.stack), gateway.grantsWait);
    expect(wait.create_duration).toBe('60s');
    expect(wait.depends_on).toEqual(gateway.backendGrants.map(address));
  });

  test('exposes one keyless API at /openai with the OpenAI v1 and Azure OpenAI deployment operations, no wildcard', () => {
    const { f, gateway } = buildGateway();
    const json = synth(f.stack);
    expect(json).toHaveResourceWithProperties(ApiManagementApi, {
      name: 'openai', path: 'openai', protocols: ['https'], subscription_required: false, revision: '1',
    });
    const out = synthJson(f.stack);
    const ops = gateway.operations.map((o) => blockOf(out, o));
    expect(ops.map((o) => [o.operation_id, o.method, o.url_template])).toEqual([
      ['v1-chat-completions', 'POST', '/v1/chat/completions'],
      ['v1-responses', 'POST', '/v1/responses'],
      ['v1-get-response', 'GET', '/v1/responses/{response-id}'],
      ['v1-delete-response', 'DELETE', '/v1/responses/{response-id}'],
      ['v1-embeddings', 'POST', '/v1/embeddings'],
      ['v1-list-models', 'GET', '/v1/models'],
      ['deployment-chat-completions', 'POST', '/deployments/{deployment-id}/chat/completions'],
      ['deployment-embeddings', 'POST', '/deployments/{deployment-id}/embeddings'],
    ]);
    for (const op of ops) {
      expect(op.api_name).toBe(ref(gateway.api, 'name'));
      expect(op.url_template).not.toContain('*');
      // azurerm refuses a {parameter} of url_template that template_parameter does not declare, and the reverse.
      const used = [...String(op.url_template).matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect((op.template_parameter ?? []).map((p: any) => [p.name, p.required, p.type])).toEqual(used.map((n) => [n, true, 'string']));
    }
    // Open WebUI's base URL is <gateway>/openai/v1: its chat call is one of the operations.
    expect(gateway.openAiBaseUrl).toMatch(/\/openai\/v1$/);
  });

  test('the policy validates Entra tokens of the allowed callers for the Cognitive Services audience', () => {
    const { gateway } = buildGateway({ tenantId: TENANT, allowedCallerClientIds: [CALLER, 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'] });
    const doc = policyDoc(gateway);
    const [validate] = elements(doc, 'validate-azure-ad-token');
    expect(attrs(validate)).toEqual(expect.objectContaining({ 'tenant-id': TENANT, 'header-name': 'Authorization', 'failed-validation-httpcode': '401' }));
    expect(texts(doc, 'application-id')).toEqual([CALLER, 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee']);
    expect(texts(doc, 'audience')).toEqual(['https://cognitiveservices.azure.com', 'https://cognitiveservices.azure.com/']);
    // The reference fixes the element order: client ids before audiences.
    expect(Array.from(validate.childNodes as unknown as ArrayLike<Node>).filter((n) => n.nodeType === 1).map((n) => n.nodeName))
      .toEqual(['client-application-ids', 'audiences']);
  });

  test('the tenant defaults to the one Terraform runs in', () => {
    const { gateway } = buildGateway();
    const [validate] = elements(policyDoc(gateway), 'validate-azure-ad-token');
    expect(validate.getAttribute('tenant-id')).toBe('${data.azurerm_client_config.AzurermClientConfig.tenant_id}');
  });

  test('per user and deployment: tokens per minute and a daily quota, with a message for each limit', () => {
    const { gateway } = buildGateway({ tokensPerMinutePerUser: 5000, tokensPerDayPerUser: 100000 });
    const doc = policyDoc(gateway);
    const [limit] = elements(doc, 'llm-token-limit');
    expect(attrs(limit)).toEqual(expect.objectContaining({
      'counter-key': '@((string)context.Variables["gateway-user"] + "|" + (string)context.Variables["gateway-deployment"])',
      'tokens-per-minute': '5000',
      'token-quota': '100000',
      'token-quota-period': 'Daily',
      'estimate-prompt-tokens': 'true',
      'retry-after-variable-name': 'gateway-retry-after',
    }));
    const user = elements(doc, 'set-variable').find((e) => e.getAttribute('name') === 'gateway-user')!;
    expect(user.getAttribute('value')).toBe('@(context.Request.Headers.GetValueOrDefault("X-OpenWebUI-User-Email", "").Trim().ToLowerInvariant())');
    const onError = elements(doc, 'on-error')[0];
    const statuses = Array.from(onError.getElementsByTagName('set-status') as unknown as ArrayLike<Element>).map((e) => e.getAttribute('code'));
    expect(statuses).toEqual(['429', '403']);
    expect(onError.textContent).toContain('user_tokens_per_minute_exceeded');
    expect(onError.textContent).toContain('user_daily_token_quota_exceeded');
    // The deployment: a deployment route's segment, else the v1 body's model.
    const deployment = elements(doc, 'set-variable').find((e) => e.getAttribute('name') === 'gateway-deployment')!;
    expect(deployment.getAttribute('value')).toContain('/deployments/([^/]+)');
    expect(deployment.getAttribute('value')).toContain('body["model"]');
  });

  test('deployment limits get their own branch, the defaults the rest', () => {
    const { gateway } = buildGateway({ deploymentLimits: [{ deployment: 'gpt-5', tokensPerMinutePerUser: 1000 }] });
    const limits = elements(policyDoc(gateway), 'llm-token-limit').map(attrs);
    // The rest get the default: 4000 with imported accounts, whose capacity the gateway cannot see.
    expect(limits.map((l) => [l['tokens-per-minute'], l['token-quota']])).toEqual([['1000', '500000'], ['4000', '500000']]);
    const when = elements(policyDoc(gateway), 'when').find((w) => (w.getAttribute('condition') ?? '').includes('gpt-5'))!;
    expect(when.getAttribute('condition')).toBe('@((string)context.Variables["gateway-deployment"] == "gpt-5")');
  });

  test('TOKEN_CLAIM keys on the oid claim of the validated token', () => {
    const { gateway } = buildGateway({ userSource: GatewayUserSource.TOKEN_CLAIM });
    const user = elements(policyDoc(gateway), 'set-variable').find((e) => e.getAttribute('name') === 'gateway-user')!;
    expect(user.getAttribute('value')).toBe('@(((Jwt)context.Variables["gateway-caller-token"]).Claims.GetValueOrDefault("oid", ""))');
  });

  test('authenticates to the backends with its system-assigned identity', () => {
    const { gateway } = buildGateway();
    const [mi] = elements(policyDoc(gateway), 'authentication-managed-identity');
    expect(attrs(mi)).toEqual({ resource: 'https://cognitiveservices.azure.com' });
    expect(elements(policyDoc(gateway), 'llm-emit-token-metric')).toEqual([]);
  });

  test('with a user-assigned identity: the identity on the service, its client id in the policy, the grant to it', () => {
    const f = gatewayFixture();
    const identity = new ChatIdentity(f.stack, 'GatewayIdentity', { resourceGroupName: RG, location: 'swedencentral' });
    const gateway = new AiGateway(f.stack, 'Gateway', { ...f.props, userAssignedIdentity: identity });
    const json = synth(f.stack);
    expect(json).toHaveResourceWithProperties(ApiManagement, { identity: { type: 'UserAssigned', identity_ids: [ref(identity.resource, 'id')] } });
    expect(json).toHaveResourceWithProperties(RoleAssignment, { principal_id: ref(identity.resource, 'principal_id') });
    const [mi] = elements(policyDoc(gateway), 'authentication-managed-identity');
    expect(mi.getAttribute('client-id')).toBe(ref(identity.resource, 'client_id'));
  });

  test('emitTokenMetrics adds llm-emit-token-metric with user, deployment and caller dimensions', () => {
    const f = gatewayFixture(true);
    const gateway = new AiGateway(f.stack, 'Gateway', { ...f.props, monitoring: f.monitoring, emitTokenMetrics: true });
    const doc = policyDoc(gateway);
    const [metric] = elements(doc, 'llm-emit-token-metric');
    expect(metric.getAttribute('namespace')).toBe('ai-gateway');
    expect(elements(doc, 'dimension').map((d) => d.getAttribute('name'))).toEqual(['User', 'Deployment', 'Caller']);
  });

  test('sends gateway and LLM logs to the workspace in resource-specific tables', () => {
    const g = gatewayFixture();
    const gw = new AiGateway(g.stack, 'Gateway', { ...g.props, monitoring: g.monitoring });
    expect(synth(g.stack)).toHaveResourceWithProperties(MonitorDiagnosticSetting, {
      target_resource_id: ref(gw.resource, 'id'),
      log_analytics_destination_type: 'Dedicated',
      enabled_log: [{ category: 'GatewayLogs' }, { category: 'GatewayLlmLogs' }],
    });
  });

  test('passes the compliance pack and the schema conformance (azapi included)', () => {
    const { f } = buildGateway();
    expect(Compliance.report(f.stack).failures).toEqual([]);
    expect(Conformance.check(f.stack)).toEqual([]);
  });

  test('the azapi resource is held against its hand-written schema', () => {
    const { f, gateway } = buildGateway();
    gateway.publicNetworkAccessUpdate.addOverride('bodyy', {});
    expect(Conformance.check(f.stack).map((v) => [v.address, v.attribute])).toEqual([[address(gateway.publicNetworkAccessUpdate), 'bodyy']]);
  });

  test('names backends after the account construct, stable when the list is reordered', () => {
    const a = gatewayFixture();
    const one = new AiGateway(a.stack, 'Gateway', { ...a.props, backends: [{ account: a.primary }, { account: a.secondary }] });
    const b = gatewayFixture();
    const two = new AiGateway(b.stack, 'Gateway', { ...b.props, backends: [{ account: b.secondary }, { account: b.primary }] });
    expect(new Set(one.backends.map((x) => x.nameInput))).toEqual(new Set(two.backends.map((x) => x.nameInput)));
    expect(one.backends.map((x) => x.friendlyUniqueId).sort()).toEqual(two.backends.map((x) => x.friendlyUniqueId).sort());
  });

  test('preventDestroy opts in to lifecycle protection', () => {
    const { f } = buildGateway({ preventDestroy: true });
    const apim = Object.values(resourcesOf(synthJson(f.stack), 'azurerm_api_management'))[0];
    expect(apim.lifecycle.prevent_destroy).toBe(true);
  });

  test('AiGateway.checkUserSource accepts what the front end supplies', () => {
    expect(() => AiGateway.checkUserSource(GatewayUserSource.FORWARDED_HEADER, [GatewayUserSource.FORWARDED_HEADER])).not.toThrow();
    expect(() => AiGateway.checkUserSource(GatewayUserSource.TOKEN_CLAIM, [GatewayUserSource.FORWARDED_HEADER]))
      .toThrow(/AiGateway.checkUserSource: 'userSource' must be a source the calling front end can supply/);
  });
});

describe('AiGateway per-user request logging', () => {
  test('with a workspace, the API logs the forwarded user header (no bodies) through the built-in azuremonitor logger', () => {
    const f = gatewayFixture();
    const gateway = new AiGateway(f.stack, 'Gateway', { ...f.props, monitoring: f.monitoring });
    const json = synthJson(gateway.node.scope as never);
    const diagnostic = blockOf(json, gateway.apiDiagnostic!);
    expect(diagnostic).toMatchObject({
      type: 'Microsoft.ApiManagement/service/apis/diagnostics@2024-05-01',
      name: 'azuremonitor',
      parent_id: `${ref(gateway.resource, 'id')}/apis/${ref(gateway.api, 'name')}`,
      body: {
        properties: {
          sampling: { samplingType: 'fixed', percentage: 100 },
          alwaysLog: 'allErrors',
          logClientIp: false,
          verbosity: 'information',
          frontend: { request: { headers: ['X-OpenWebUI-User-Email'], body: { bytes: 0 } } },
        },
      },
    });
    expect(diagnostic.body.properties.loggerId).toMatch(/^\$\{azurerm_api_management\..*\.id\}\/loggers\/azuremonitor$/);
  });

  test('the azuremonitor API diagnostic plans: it is not azurerm_api_management_api_diagnostic, whose default operation_name_format trips its own CustomizeDiff', () => {
    const f = gatewayFixture();
    const gateway = new AiGateway(f.stack, 'Gateway', { ...f.props, monitoring: f.monitoring });
    const json = synthJson(f.stack);
    // azurerm 4.55 defaults operation_name_format to "Name" and refuses any value unless identifier
    // is applicationinsights (hashicorp/terraform-provider-azurerm#28547).
    expect(resourcesOf(json, 'azurerm_api_management_api_diagnostic')).toEqual({});
    expect(address(gateway.apiDiagnostic!)).toMatch(/^azapi_resource\./);
    const properties = blockOf(json, gateway.apiDiagnostic!).body.properties;
    // An azuremonitor diagnostic must not carry operationNameFormat (ARM: "only supported for Application Insights diagnostics").
    expect(properties).not.toHaveProperty('operationNameFormat');
    expect(Conformance.checkSynthesized(JSON.stringify(json))).toEqual([]);
  });

  test('no request logging without a workspace', () => {
    const { gateway } = buildGateway({ monitoring: undefined });
    const json = synthJson(gateway.node.scope as never);
    expect(gateway.apiDiagnostic).toBeUndefined();
    expect(Object.values(resourcesOf(json, 'azapi_resource')).filter((r: any) => r.name === 'azuremonitor')).toEqual([]);
    expect(resourcesOf(json, 'azapi_update_resource')).toHaveProperty(gateway.publicNetworkAccessUpdate.friendlyUniqueId);
    expect(Object.keys(resourcesOf(json, 'azapi_update_resource'))).toHaveLength(1);
    expect(gateway.llmLogging).toBeUndefined();
  });

  test('when the user comes from the token, the API diagnostic logs no header (token counts only)', () => {
    const f = gatewayFixture();
    const gateway = new AiGateway(f.stack, 'Gateway', { ...f.props, monitoring: f.monitoring, userSource: GatewayUserSource.TOKEN_CLAIM });
    const diagnostic = blockOf(synthJson(f.stack), gateway.apiDiagnostic!);
    expect(diagnostic.body.properties.frontend).toEqual({ request: { body: { bytes: 0 } } });
    expect(gateway.llmLogging).toBeDefined();
  });
});

describe('AiGateway language-model logging', () => {
  test('turns on LLM logs on the azuremonitor API diagnostic with azapi: token counts, no messages by default', () => {
    const f = gatewayFixture();
    const gateway = new AiGateway(f.stack, 'Gateway', { ...f.props, monitoring: f.monitoring });
    const block = blockOf(synthJson(f.stack), gateway.llmLogging!);
    expect(block.type).toBe('Microsoft.ApiManagement/service/apis/diagnostics@2024-06-01-preview');
    expect(block.resource_id).toBe(`${ref(gateway.resource, 'id')}/apis/${ref(gateway.api, 'name')}/diagnostics/azuremonitor`);
    expect(block.body).toEqual({
      properties: { largeLanguageModel: { logs: 'enabled' } },
    });
    expect(block.depends_on).toEqual([address(gateway.apiDiagnostic!)]);
  });

  test('logLlmMessages logs prompts and completions in 32 KB entries', () => {
    const f = gatewayFixture();
    const gateway = new AiGateway(f.stack, 'Gateway', { ...f.props, monitoring: f.monitoring, logLlmMessages: true });
    const part = { messages: 'all', maxSizeInBytes: 32768 };
    expect(blockOf(synthJson(f.stack), gateway.llmLogging!).body.properties.largeLanguageModel).toEqual({ logs: 'enabled', requests: part, responses: part });
  });
});

describe('AiGateway token metrics', () => {
  function withMetrics(overrides: Partial<AiGatewayProps> = {}) {
    const f = gatewayFixture(true);
    const gateway = new AiGateway(f.stack, 'Gateway', { ...f.props, monitoring: f.monitoring, emitTokenMetrics: true, ...overrides });
    return { f, gateway, json: synthJson(f.stack) };
  }

  test('an Application Insights component in the workspace, private and Entra-only', () => {
    const { f, gateway, json } = withMetrics();
    expect(blockOf(json, gateway.applicationInsights!)).toMatchObject({
      workspace_id: ref(f.monitoring.workspace, 'id'),
      application_type: 'other',
      local_authentication_disabled: true,
      internet_ingestion_enabled: false,
      internet_query_enabled: true,
      location: 'swedencentral',
      resource_group_name: RG,
    });
  });

  test('a new private link scope: PrivateOnly ingestion, the workspace and the component in it, its endpoint in the five monitor zones', () => {
    const { f, gateway, json } = withMetrics();
    const scope = gateway.monitorPrivateLinkScope as MonitorPrivateLinkScope;
    expect(scope).toBeInstanceOf(MonitorPrivateLinkScope);
    expect(blockOf(json, scope.resource)).toMatchObject({ ingestion_access_mode: 'PrivateOnly', query_access_mode: 'Open', resource_group_name: RG });
    const scoped = Object.values(resourcesOf(json, 'azurerm_monitor_private_link_scoped_service')) as any[];
    expect(scoped.map((s) => s.linked_resource_id).sort()).toEqual([ref(gateway.applicationInsights!, 'id'), ref(f.monitoring.workspace, 'id')].sort());
    expect(new Set(scoped.map((s) => s.scope_name))).toEqual(new Set([ref(scope.resource, 'name')]));
    expect(scope.resource.nameInput).toMatch(/^ampls-/);
    const pe = blockOf(json, scope.privateEndpoint.resource);
    expect(pe.private_service_connection).toMatchObject({ subresource_names: ['azuremonitor'], private_connection_resource_id: ref(scope.resource, 'id') });
    expect(pe.private_dns_zone_group.private_dns_zone_ids).toEqual(
      PrivateLinkZone.azureMonitor().map((z) => f.dnsZones.zoneIdFor(z)).map((id) => resolved(f.stack, id)));
  });

  test('the gateway identity publishes metrics (Monitoring Metrics Publisher on the component), and its logger waits for that', () => {
    const { gateway, json } = withMetrics();
    expect(blockOf(json, gateway.metricsPublisherGrant!)).toMatchObject({
      scope: ref(gateway.applicationInsights!, 'id'),
      role_definition_name: 'Monitoring Metrics Publisher',
      principal_id: ref(gateway.resource, 'identity[0].principal_id'),
      principal_type: 'ServicePrincipal',
    });
    const logger = blockOf(json, gateway.metricsLogger!);
    expect(logger.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^time_sleep\./), expect.stringMatching(/^azurerm_monitor_private_link_scoped_service\./)]));
  });

  test('the logger authenticates with the managed identity: a connection string, write-only, no instrumentation key', () => {
    const { gateway, json } = withMetrics();
    const logger = blockOf(json, gateway.metricsLogger!);
    expect(logger).toMatchObject({ type: 'Microsoft.ApiManagement/service/loggers@2024-05-01', name: 'token-metrics', parent_id: ref(gateway.resource, 'id') });
    expect(logger.body.properties).toEqual({
      loggerType: 'applicationInsights',
      description: expect.stringContaining('managed identity'),
      resourceId: ref(gateway.applicationInsights!, 'id'),
      isBuffered: true,
    });
    // Write-only: out of state, and out of drift detection (the service returns a reference).
    expect(logger.sensitive_body).toEqual({
      properties: { credentials: { connectionString: ref(gateway.applicationInsights!, 'connection_string'), identityClientId: 'SystemAssigned' } },
    });
    expect(JSON.stringify(logger)).not.toMatch(/instrumentation/i);
  });

  test('with a user-assigned identity, the logger names its client id and the grant goes to it', () => {
    const f = gatewayFixture(true);
    const identity = new ChatIdentity(f.stack, 'GatewayIdentity', { resourceGroupName: RG, location: 'swedencentral' });
    const gateway = new AiGateway(f.stack, 'Gateway', { ...f.props, monitoring: f.monitoring, emitTokenMetrics: true, userAssignedIdentity: identity });
    const json = synthJson(f.stack);
    expect(blockOf(json, gateway.metricsLogger!).sensitive_body.properties.credentials.identityClientId).toBe(ref(identity.resource, 'client_id'));
    expect(blockOf(json, gateway.metricsPublisherGrant!).principal_id).toBe(ref(identity.resource, 'principal_id'));
  });

  test('the API diagnostic to Application Insights turns custom metrics on, after the policy', () => {
    const { gateway, json } = withMetrics();
    const diagnostic = blockOf(json, gateway.metricsDiagnostic!);
    expect(diagnostic).toMatchObject({
      type: 'Microsoft.ApiManagement/service/apis/diagnostics@2024-05-01',
      name: 'applicationinsights',
      parent_id: `${ref(gateway.resource, 'id')}/apis/${ref(gateway.api, 'name')}`,
    });
    expect(diagnostic.body.properties).toMatchObject({ loggerId: ref(gateway.metricsLogger!, 'id'), metrics: true, logClientIp: false });
    expect(diagnostic.depends_on).toEqual([address(gateway.policy)]);
  });

  test('joins an existing scope instead of creating one, with the workspace the stack created', () => {
    const f = gatewayFixture(true);
    const scopeId = `${SUB}/resourceGroups/rg-hub/providers/Microsoft.Insights/privateLinkScopes/ampls-hub`;
    const gateway = new AiGateway(f.stack, 'Gateway', {
      ...f.props, monitoring: f.monitoring, emitTokenMetrics: true, monitorPrivateLinkScope: MonitorPrivateLinkScope.fromScopeId(f.stack, 'HubScope', scopeId),
    });
    const json = synthJson(f.stack);
    expect(resourcesOf(json, 'azurerm_monitor_private_link_scope')).toEqual({});
    const scoped = Object.values(resourcesOf(json, 'azurerm_monitor_private_link_scoped_service')) as any[];
    expect(scoped.map((s) => s.linked_resource_id).sort()).toEqual([ref(gateway.applicationInsights!, 'id'), ref(f.monitoring.workspace, 'id')].sort());
    for (const s of scoped) expect(s).toMatchObject({ scope_name: 'ampls-hub', resource_group_name: 'rg-hub' });
    expect(Object.values(resourcesOf(json, 'azurerm_private_endpoint')).map((pe: any) => pe.private_service_connection.subresource_names)).toEqual([['Gateway']]);
  });

  test('an existing workspace is left for the platform to scope', () => {
    const f = gatewayFixture(true);
    const central = Monitoring.fromWorkspaceId(f.stack, 'Central', `${SUB}/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/log-central`);
    const gateway = new AiGateway(f.stack, 'Gateway', {
      ...f.props,
      monitoring: central,
      emitTokenMetrics: true,
      monitorPrivateLinkScope: MonitorPrivateLinkScope.fromScopeId(f.stack, 'HubScope', `${SUB}/resourceGroups/rg-hub/providers/Microsoft.Insights/privateLinkScopes/ampls-hub`),
    });
    const scoped = Object.values(resourcesOf(synthJson(f.stack), 'azurerm_monitor_private_link_scoped_service')) as any[];
    expect(scoped.map((s) => s.linked_resource_id)).toEqual([ref(gateway.applicationInsights!, 'id')]);
  });

  test('passes the compliance pack and the schema conformance', () => {
    const { f } = withMetrics();
    expect(Compliance.report(f.stack).failures).toEqual([]);
    expect(Conformance.check(f.stack)).toEqual([]);
  });

  test('the azapi_resource blocks are held against their hand-written schema too', () => {
    const { f, gateway } = withMetrics();
    gateway.metricsLogger!.addOverride('sensitive_bodyy', {});
    expect(Conformance.check(f.stack).map((v) => [v.address, v.attribute])).toEqual([[address(gateway.metricsLogger!), 'sensitive_bodyy']]);
  });

  test('refuses metrics and message logs without a workspace, and a scope without metrics', () => {
    expect(() => buildGateway({ emitTokenMetrics: true })).toThrow(
      "AiGateway 'test/Gateway': 'emitTokenMetrics' needs 'monitoring': the metrics and logs go to its workspace; give the stack's Monitoring or leave this out, got true");
    expect(() => buildGateway({ logLlmMessages: true })).toThrow(/'logLlmMessages' needs 'monitoring'/);
    const f = gatewayFixture();
    const scope = MonitorPrivateLinkScope.fromScopeId(f.stack, 'Hub', `${SUB}/resourceGroups/rg-hub/providers/Microsoft.Insights/privateLinkScopes/ampls-hub`);
    expect(() => new AiGateway(f.stack, 'Gateway', { ...f.props, monitoring: f.monitoring, monitorPrivateLinkScope: scope })).toThrow(
      "AiGateway 'test/Gateway': 'monitorPrivateLinkScope' is used only with 'emitTokenMetrics: true' (it carries the token metrics), got a scope without it");
  });

  test('a new scope needs the Azure Monitor zones in dnsZones', () => {
    const f = gatewayFixture();
    const zones = PrivateDnsZones.fromHubZoneIds(f.stack, 'HubZones', {
      apiManagement: `${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/privatelink.azure-api.net`,
    });
    expect(() => new AiGateway(f.stack, 'Gateway', { ...f.props, dnsZones: zones, monitoring: f.monitoring, emitTokenMetrics: true }))
      .toThrow(/privatelink\.monitor\.azure\.com/);
  });
});
