// AiGateway with Azure Databricks serving endpoints as backends: routing of their model names to
// the workspace's OpenAI-compatible chat completions route, the Azure Databricks token, the
// user-assigned identity the workspace registers, per-user limits and metrics, the flow to the
// workspace's private endpoint, and the bad input.
import { ApiManagement } from '@cdktf/provider-azurerm/lib/api-management';
import { ApiManagementBackend } from '@cdktf/provider-azurerm/lib/api-management-backend';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Attr, Document, DOMParser, Element } from '@xmldom/xmldom';
import { TerraformVariable } from 'cdktf';
import { gatewayFixture, GatewayFixture, LOCATION, RG, SUB } from './fixture';
import { OpenAiAccount } from '../../src/ai';
import { ChatIdentity } from '../../src/app';
import { Compliance } from '../../src/compliance';
import { Conformance } from '../../src/conformance';
import {
  DatabricksServingEndpoint, DatabricksSubnets, DatabricksWorkspace, IDatabricksServingEndpoint, IDatabricksWorkspace,
} from '../../src/databricks';
import { AiGateway, AiGatewayProps } from '../../src/gateway';
import { PrivateDnsZones, PrivateLinkZone } from '../../src/network';
import { address, blockOf, ref } from '../ai/fixture';
import { resourcesOf, synth, synthJson, warningsOf } from '../util';

const DATABRICKS_RESOURCE = '2ff814a6-3304-4ab8-85cb-cd0e6f879c1d';
const WORKSPACE_ID = `${SUB}/resourceGroups/rg-data/providers/Microsoft.Databricks/workspaces/dbw-data`;
const WORKSPACE_URL = 'adb-1234567890123456.7.azuredatabricks.net';

/** The fixture with a real integration subnet of its network (so flows can be wired), and an existing workspace. */
function fixture(hasPrivateEndpoint = true): { f: GatewayFixture; subnetId: string; imported: IDatabricksWorkspace } {
  const f = gatewayFixture();
  const subnetId = f.network.addDelegatedSubnet('GatewaySubnet', { name: 'apim-integration', cidr: '10.0.2.0/27', egress: true }).id;
  const imported = DatabricksWorkspace.fromAttributes(f.stack, 'DataWorkspace', { workspaceResourceId: WORKSPACE_ID, workspaceUrl: WORKSPACE_URL, hasPrivateEndpoint });
  return { f, subnetId, imported };
}

function endpoint(f: GatewayFixture, workspace: IDatabricksWorkspace, name = 'chat-llama', id = 'Llama'): IDatabricksServingEndpoint {
  return DatabricksServingEndpoint.fromAttributes(f.stack, id, { workspace, endpointName: name });
}

function build(overrides: Partial<AiGatewayProps> = {}): { f: GatewayFixture; gateway: AiGateway; llama: IDatabricksServingEndpoint } {
  const { f, subnetId, imported } = fixture();
  const llama = endpoint(f, imported);
  const gateway = new AiGateway(f.stack, 'Gateway', { ...f.props, integrationSubnetId: subnetId, databricksBackends: [{ endpoint: llama }], ...overrides });
  return { f, gateway, llama };
}

function policyOf(gateway: AiGateway): Document {
  const xml = blockOf(synthJson(gateway.node.scope as any), gateway.policy).xml_content as string;
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level: string, msg: string) => { if (level !== 'warning') errors.push(msg); } })
    .parseFromString(xml, 'text/xml') as unknown as Document;
  expect(errors).toEqual([]);
  return doc;
}

function elements(scope: Document | Element, name: string): Element[] {
  return Array.from(scope.getElementsByTagName(name) as unknown as ArrayLike<Element>);
}

function attrs(e: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of Array.from(e.attributes as unknown as ArrayLike<Attr>)) out[a.name] = a.value;
  return out;
}

/** The direct children of `e` named `name`. */
function children(e: Element, name: string): Element[] {
  return Array.from(e.childNodes as unknown as ArrayLike<Element>).filter((c) => c.nodeName === name);
}

/** The `when` elements that hold `child` directly (the branches of a choose). */
function whenHolding(doc: Document, child: string): Element[] {
  return elements(doc, 'when').filter((w) => Array.from(w.childNodes as unknown as ArrayLike<Element>).some((c) => c.nodeName === child));
}

describe('AiGateway with Databricks backends', () => {
  test('one backend per serving endpoint at the workspace\'s /serving-endpoints, without a circuit breaker', () => {
    const { f, gateway } = build();
    expect(gateway.databricksBackends).toHaveLength(1);
    const backend = blockOf(synthJson(f.stack), gateway.databricksBackends[0]);
    expect(backend).toMatchObject({ protocol: 'http', url: `https://${WORKSPACE_URL}/serving-endpoints` });
    expect(backend.name).toMatch(/^Llama-[0-9a-f]{6}$/);
    expect(backend.circuit_breaker_rule).toBeUndefined();
    expect(gateway.backends).toHaveLength(1);
    expect(gateway.databricksModelNames).toEqual(['chat-llama']);
  });

  test('the model name routes to the workspace: chat completions only, the path rewritten, the body\'s model left as the endpoint name', () => {
    const { gateway } = build();
    const doc = policyOf(gateway);
    const [route] = whenHolding(doc, 'rewrite-uri');
    expect(route.getAttribute('condition')).toBe('@((string)context.Variables["gateway-deployment"] == "chat-llama")');
    expect(attrs(elements(route, 'rewrite-uri')[0])).toEqual({ 'template': '/chat/completions', 'copy-unmatched-params': 'false' });
    expect(children(route, 'set-body')).toEqual([]);
    const [refusal] = whenHolding(doc, 'return-response').filter((w) => w.getAttribute('condition')!.includes('context.Operation.Id'));
    expect(refusal.getAttribute('condition')).toBe('@(context.Operation.Id != "v1-chat-completions")');
    expect(elements(refusal, 'set-status')[0].getAttribute('code')).toBe('400');
    expect(elements(refusal, 'set-body')[0].textContent).toContain('Model chat-llama is served by Azure Databricks and answers only POST /openai/v1/chat/completions');
    const variable = elements(route, 'set-variable').find((v) => v.getAttribute('name') === 'gateway-databricks-backend')!;
    expect(variable.getAttribute('value')).toBe(gateway.databricksBackends[0].nameInput);
  });

  test('a model name other than the endpoint\'s: the body\'s model becomes the endpoint name', () => {
    const { gateway } = build({ databricksBackends: undefined });
    const { f, subnetId, imported } = fixture();
    const renamed = new AiGateway(f.stack, 'Gateway', {
      ...f.props, integrationSubnetId: subnetId, databricksBackends: [{ endpoint: endpoint(f, imported), modelName: 'llama-3.3-70b', name: 'databricks-llama' }],
    });
    expect(gateway.databricksModelNames).toEqual([]);
    expect(renamed.databricksModelNames).toEqual(['llama-3.3-70b']);
    const [route] = whenHolding(policyOf(renamed), 'rewrite-uri');
    expect(route.getAttribute('condition')).toBe('@((string)context.Variables["gateway-deployment"] == "llama-3.3-70b")');
    const body = children(route, 'set-body')[0].textContent!;
    expect(body).toContain('body["model"] = "chat-llama";');
    expect(body).toContain('context.Request.Body.As<JObject>(preserveContent: true)');
    expect(renamed.databricksBackends[0].nameInput).toBe('databricks-llama');
  });

  test('an Entra token for Azure Databricks as the user-assigned identity for its model, the Cognitive Services one for the rest', () => {
    const { gateway } = build();
    const doc = policyOf(gateway);
    const identities = elements(doc, 'authentication-managed-identity').map(attrs);
    const clientId = ref((gateway.databricksCaller as ChatIdentity).resource, 'client_id');
    expect(identities).toEqual([
      { 'resource': DATABRICKS_RESOURCE, 'client-id': clientId },
      { 'resource': 'https://cognitiveservices.azure.com', 'client-id': clientId },
    ]);
    const [databricks] = whenHolding(doc, 'authentication-managed-identity');
    expect(databricks.getAttribute('condition')).toBe(`@((string)context.Variables.GetValueOrDefault("gateway-databricks-backend", "") == "${gateway.databricksBackends[0].nameInput}")`);
  });

  test('the Databricks model is forwarded to its backend alone; other models keep the accounts\' failover', () => {
    const { gateway } = build();
    const doc = policyOf(gateway);
    const backend = elements(doc, 'backend')[0];
    const sets = elements(backend, 'set-backend-service').map((s) => s.getAttribute('backend-id'));
    expect(sets).toEqual([gateway.databricksBackends[0].nameInput, gateway.backends[0].nameInput]);
    expect(elements(backend, 'forward-request')).toHaveLength(2);
    expect(elements(backend, 'otherwise')).toHaveLength(1);
  });

  test('per-user limits and token metrics key on the model name, as for a deployment', () => {
    const { f, subnetId, imported } = fixture();
    const gateway = new AiGateway(f.stack, 'Gateway', {
      ...f.props,
      integrationSubnetId: subnetId,
      databricksBackends: [{ endpoint: endpoint(f, imported) }],
      deploymentLimits: [{ deployment: 'chat-llama', tokensPerMinutePerUser: 2000 }],
    });
    const doc = policyOf(gateway);
    const [branch] = whenHolding(doc, 'llm-token-limit');
    expect(branch.getAttribute('condition')).toBe('@((string)context.Variables["gateway-deployment"] == "chat-llama")');
    expect(elements(branch, 'llm-token-limit')[0].getAttribute('tokens-per-minute')).toBe('2000');
    // The routing runs before the limits, so a refused operation is not metered.
    const inbound = elements(doc, 'inbound')[0];
    const order = Array.from(inbound.getElementsByTagName('*') as unknown as ArrayLike<Element>).map((e) => e.nodeName);
    expect(order.indexOf('rewrite-uri')).toBeLessThan(order.indexOf('llm-token-limit'));
  });

  test('a user-assigned identity is created and calls every backend; its client id is what the serving stack registers', () => {
    const { f, gateway } = build();
    const json = synth(f.stack);
    const identity = gateway.databricksCaller as ChatIdentity;
    expect(identity).toBeInstanceOf(ChatIdentity);
    expect(gateway.userAssignedIdentity).toBe(identity);
    expect(json).toHaveResourceWithProperties(UserAssignedIdentity, { resource_group_name: RG, location: LOCATION });
    expect(json).toHaveResourceWithProperties(ApiManagement, { identity: { type: 'UserAssigned', identity_ids: [ref(identity.resource, 'id')] } });
    expect(gateway.databricksCallerClientId).toBe(identity.clientId);
    const grants = Object.values(resourcesOf(JSON.parse(json), 'azurerm_role_assignment')).map((r: any) => r.principal_id);
    expect(grants).toEqual([ref(identity.resource, 'principal_id')]);
  });

  test('a given user-assigned identity is used instead of creating one', () => {
    const { f, subnetId, imported } = fixture();
    const mine = new ChatIdentity(f.stack, 'GatewayIdentity', { resourceGroupName: RG, location: LOCATION });
    const gateway = new AiGateway(f.stack, 'Gateway', { ...f.props, integrationSubnetId: subnetId, userAssignedIdentity: mine, databricksBackends: [{ endpoint: endpoint(f, imported) }] });
    expect(gateway.databricksCaller).toBe(mine);
    expect(Object.keys(resourcesOf(synthJson(f.stack), 'azurerm_user_assigned_identity'))).toHaveLength(1);
  });

  test('without Databricks backends nothing changes: system-assigned identity, no caller, one authentication element', () => {
    const f = gatewayFixture();
    const gateway = new AiGateway(f.stack, 'Gateway', f.props);
    expect(gateway.databricksCaller).toBeUndefined();
    expect(gateway.databricksCallerClientId).toBeUndefined();
    expect(gateway.userAssignedIdentity).toBeUndefined();
    expect(synth(f.stack)).toHaveResourceWithProperties(ApiManagement, { identity: { type: 'SystemAssigned' } });
    const doc = policyOf(gateway);
    expect(elements(doc, 'authentication-managed-identity')).toHaveLength(1);
    expect(elements(doc, 'rewrite-uri')).toEqual([]);
  });

  test('an imported workspace: no NSG rule is written, and a warning says what to open', () => {
    const { gateway } = build();
    expect(warningsOf(gateway).filter((w) => w.includes('[gateway-databricks-flow]'))).toEqual([
      expect.stringContaining("on TCP 443 to its databricks_ui_api private endpoint, and make privatelink.azuredatabricks.net resolve in the gateway's VNet"),
    ]);
  });

  test('a workspace of the stack: the gateway subnet is its endpoint\'s caller, PCHAT-NET-003 passes, no warning', () => {
    const { f, subnetId } = fixture();
    const zones = new PrivateDnsZones(f.stack, 'DatabricksZones', { resourceGroupName: RG, network: f.network, zones: [PrivateLinkZone.AZURE_DATABRICKS] });
    const workspace = new DatabricksWorkspace(f.stack, 'Databricks', {
      resourceGroupName: RG, location: LOCATION, network: f.network, dnsZones: zones, subnets: DatabricksSubnets.create('10.0.4.0/26', '10.0.4.64/26'),
    });
    const gateway = new AiGateway(f.stack, 'Gateway', { ...f.props, integrationSubnetId: subnetId, databricksBackends: [{ endpoint: endpoint(f, workspace) }] });
    const callers = workspace.privateEndpoint.callers.filter((c) => c.caller.subnetId === subnetId);
    expect(callers).toEqual([{ caller: expect.anything(), description: 'AI gateway to its Databricks serving endpoints', ports: [443] }]);
    expect(warningsOf(gateway).filter((w) => w.includes('[gateway-databricks-flow]'))).toEqual([]);
    expect(Compliance.report(f.stack).failures.filter((x) => x.ruleId === 'PCHAT-NET-003')).toEqual([]);
  });

  test('passes the compliance pack and the schema conformance', () => {
    const { f } = build();
    expect(Compliance.report(f.stack).failures).toEqual([]);
    expect(Conformance.check(f.stack)).toEqual([]);
  });

  test('the backend address is stable when the list is reordered', () => {
    const a = fixture();
    const la = endpoint(a.f, a.imported, 'chat-llama', 'Llama');
    const ga = endpoint(a.f, a.imported, 'chat-gpt-oss', 'GptOss');
    const one = new AiGateway(a.f.stack, 'Gateway', { ...a.f.props, integrationSubnetId: a.subnetId, databricksBackends: [{ endpoint: la }, { endpoint: ga }] });
    const b = fixture();
    const lb = endpoint(b.f, b.imported, 'chat-llama', 'Llama');
    const gb = endpoint(b.f, b.imported, 'chat-gpt-oss', 'GptOss');
    const two = new AiGateway(b.f.stack, 'Gateway', { ...b.f.props, integrationSubnetId: b.subnetId, databricksBackends: [{ endpoint: gb }, { endpoint: lb }] });
    expect(one.databricksBackends.map((x) => address(x)).sort()).toEqual(two.databricksBackends.map((x) => address(x)).sort());
    expect(one.databricksModelNames).toEqual(['chat-llama', 'chat-gpt-oss']);
  });
});

describe('AiGateway Databricks backends: bad input', () => {
  const make = (databricksBackends: any, extra: Partial<AiGatewayProps> = {}, hasPrivateEndpoint = true) => {
    const { f, subnetId, imported } = fixture(hasPrivateEndpoint);
    const list = typeof databricksBackends === 'function' ? databricksBackends(f, imported) : databricksBackends;
    return () => new AiGateway(f.stack, 'Gateway', { ...f.props, integrationSubnetId: subnetId, databricksBackends: list, ...extra });
  };

  test('fails when the workspace has no private endpoint', () => {
    expect(make((f: GatewayFixture, w: IDatabricksWorkspace) => [{ endpoint: endpoint(f, w) }], {}, false)).toThrow(
      "AiGateway 'test/Gateway': 'databricksBackends[0].endpoint' must be served by a workspace with a databricks_ui_api private endpoint (hasPrivateEndpoint true): "
      + "the gateway reaches its backends only through private endpoints, never a public workspace, got 'workspace 'test/DataWorkspace' without one'",
    );
  });

  test('fails when the endpoint is not a serving endpoint', () => {
    expect(make([{ endpoint: { endpointName: 'x' } }])).toThrow(
      /^AiGateway 'test\/Gateway': 'databricksBackends\[0\]\.endpoint' must be a DatabricksServingEndpoint or DatabricksServingEndpoint\.fromAttributes\(\.\.\.\)/,
    );
  });

  test('fails when two backends offer the same model name', () => {
    expect(make((f: GatewayFixture, w: IDatabricksWorkspace) => [
      { endpoint: endpoint(f, w, 'chat-llama', 'A') }, { endpoint: endpoint(f, w, 'chat-llama-2', 'B'), modelName: 'CHAT-LLAMA' },
    ])).toThrow("AiGateway 'test/Gateway': 'databricksBackends[1].modelName' must differ from the model name of 'databricksBackends[0]', got 'CHAT-LLAMA'");
  });

  test('fails when the same serving endpoint is listed twice', () => {
    expect(make((f: GatewayFixture, w: IDatabricksWorkspace) => [
      { endpoint: endpoint(f, w, 'chat-llama', 'A') }, { endpoint: endpoint(f, w, 'chat-llama', 'B'), modelName: 'other' },
    ])).toThrow("AiGateway 'test/Gateway': 'databricksBackends[1].endpoint' must not repeat the serving endpoint of 'databricksBackends[0]' (offer it once), got 'chat-llama'");
  });

  test('fails when the model name is also a deployment behind the gateway', () => {
    const { f, subnetId, imported } = fixture();
    const account = new OpenAiAccount(f.stack, 'Account', {
      resourceGroupName: RG, location: LOCATION, network: f.network, dnsZones: f.dnsZones, monitoring: f.monitoring, models: [{ modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14' }],
    });
    expect(() => new AiGateway(f.stack, 'Gateway', {
      ...f.props, backends: [{ account }], integrationSubnetId: subnetId, databricksBackends: [{ endpoint: endpoint(f, imported), modelName: 'gpt-4.1-mini' }],
    })).toThrow(/^AiGateway 'test\/Gateway': 'databricksBackends\[0\]\.modelName' must differ from every deployment behind the gateway: .*, got 'gpt-4\.1-mini'$/);
  });

  test('fails when the model name breaks the deployment-name rule the front end applies', () => {
    expect(make((f: GatewayFixture, w: IDatabricksWorkspace) => [{ endpoint: endpoint(f, w), modelName: '-llama' }])).toThrow(
      /^AiGateway 'test\/Gateway': 'databricksBackends\[0\]\.modelName' .*got '-llama'/,
    );
  });

  test('fails when the model name is not known at synth', () => {
    expect(make((f: GatewayFixture, w: IDatabricksWorkspace) => {
      const v = new TerraformVariable(f.stack, 'endpoint_name', { type: 'string' });
      return [{ endpoint: DatabricksServingEndpoint.fromAttributes(f.stack, 'Llama', { workspace: w, endpointName: v.stringValue }) }];
    })).toThrow(/^AiGateway 'test\/Gateway': 'databricksBackends\[0\]\.modelName' must be known at synth .*got a Terraform expression/);
  });

  test('fails when a backend name repeats an account backend\'s', () => {
    const { f, subnetId, imported } = fixture();
    expect(() => new AiGateway(f.stack, 'Gateway', {
      ...f.props, backends: [{ account: f.primary, name: 'SAME' }], integrationSubnetId: subnetId, databricksBackends: [{ endpoint: endpoint(f, imported), name: 'same' }],
    })).toThrow("AiGateway 'test/Gateway': 'databricksBackends[0].name' must differ from the name of a model account backend (backend names are case-insensitive), got 'same'");
  });

  test('fails when a backend name is not an API Management name', () => {
    expect(make((f: GatewayFixture, w: IDatabricksWorkspace) => [{ endpoint: endpoint(f, w), name: 'bad_name' }])).toThrow(
      "AiGateway 'test/Gateway': 'databricksBackends[0].name' must be 1-80 letters, digits and hyphens, starting and ending with a letter or digit, got 'bad_name'",
    );
  });

  test('the backend resource type is covered by the schema', () => {
    const { f } = build();
    expect(synth(f.stack)).toHaveResourceWithProperties(ApiManagementBackend, { url: `https://${WORKSPACE_URL}/serving-endpoints` });
  });
});
