import { ApiManagementApi } from '@cdktf/provider-azurerm/lib/api-management-api';
import { ApiManagementApiOperation } from '@cdktf/provider-azurerm/lib/api-management-api-operation';
import { ApiManagementApiPolicy } from '@cdktf/provider-azurerm/lib/api-management-api-policy';
import { ApiManagementSubscription } from '@cdktf/provider-azurerm/lib/api-management-subscription';
// A dev-time transitive dependency (jsii-rosetta), as in ai-gateway.test.ts.
import { Attr, Document, DOMParser, Element } from '@xmldom/xmldom';
import { TerraformVariable } from 'cdktf';
import { GatewayFixture, gatewayFixture, LOCATION, RG } from './fixture';
import { ModelDeploymentOptions, OpenAiAccount } from '../../src/ai';
import { ChatIdentity } from '../../src/app';
import { Conformance } from '../../src/conformance';
import { AiGateway, AiGatewayProps, FrontEndEmbeddings, FrontEndEmbeddingsOptions, GatewayUserSource } from '../../src/gateway';
import { PrivateKeyVault } from '../../src/secrets';
import { address, blockOf } from '../ai/fixture';
import { resolved, synth, synthJson } from '../util';

const CHAT = { modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14' };
const SMALL = { modelName: 'text-embedding-3-small', modelVersion: '1', name: 'embeddings' };
const LARGE = { modelName: 'text-embedding-3-large', modelVersion: '1', name: 'embeddings-large' };

interface Built {
  readonly f: GatewayFixture;
  readonly gateway: AiGateway;
  readonly vault: PrivateKeyVault;
  readonly account: OpenAiAccount;
}

function accountWith(f: GatewayFixture, id: string, models: ModelDeploymentOptions[]): OpenAiAccount {
  return new OpenAiAccount(f.stack, id, {
    resourceGroupName: RG, location: LOCATION, network: f.network, dnsZones: f.dnsZones, monitoring: f.monitoring, models,
  });
}

/** A gateway over an account this app creates (a chat and an embeddings deployment), and a vault. */
function build(
  models: ModelDeploymentOptions[] = [CHAT, SMALL],
  gatewayProps: (f: GatewayFixture, account: OpenAiAccount) => Partial<AiGatewayProps> = () => ({}),
): Built {
  const f = gatewayFixture();
  const account = accountWith(f, 'Foundry', models);
  const vault = new PrivateKeyVault(f.stack, 'Vault', { resourceGroupName: RG, location: LOCATION, network: f.network, dnsZones: f.dnsZones, monitoring: f.monitoring });
  const gateway = new AiGateway(f.stack, 'Gateway', { ...f.props, backends: [{ account }], ...gatewayProps(f, account) });
  return { f, gateway, vault, account };
}

function embeddingsOf(b: Built, options: Partial<FrontEndEmbeddingsOptions> = {}): FrontEndEmbeddings {
  return b.gateway.addFrontEndEmbeddings('Embeddings', { vault: b.vault, deploymentName: 'embeddings', ...options });
}

function policyDoc(b: Built, e: FrontEndEmbeddings): Document {
  const xml = blockOf(synthJson(b.f.stack), e.policy).xml_content as string;
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level: string, msg: string) => { if (level !== 'warning') errors.push(msg); } })
    .parseFromString(xml, 'text/xml') as unknown as Document;
  expect(errors).toEqual([]);
  return doc;
}

/** The name of the gateway's backend at `index` (failover order), as synthesized. */
function backendName(gateway: AiGateway, index: number): string {
  return blockOf(synthJson(gateway.node.scope as any), gateway.backends[index]).name;
}

function elements(doc: Document | Element, name: string): Element[] {
  return Array.from(doc.getElementsByTagName(name) as unknown as ArrayLike<Element>);
}

function attrs(e: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of Array.from(e.attributes as unknown as ArrayLike<Attr>)) out[a.name] = a.value;
  return out;
}

describe('AiGateway.addFrontEndEmbeddings', () => {
  test('a second API at /frontend-embeddings/openai that requires a subscription key in the api-key header', () => {
    const b = build();
    const e = embeddingsOf(b);
    const json = synth(b.f.stack);
    expect(json).toHaveResourceWithProperties(ApiManagementApi, {
      name: 'frontend-embeddings',
      path: 'frontend-embeddings/openai',
      protocols: ['https'],
      revision: '1',
      subscription_required: true,
      subscription_key_parameter_names: { header: 'api-key', query: 'subscription-key' },
    });
    // The main API is unchanged: Entra tokens, no keys.
    expect(json).toHaveResourceWithProperties(ApiManagementApi, { name: 'openai', path: 'openai', subscription_required: false });
    expect(synthJson(b.f.stack).resource!.azurerm_api_management_api).toHaveProperty(e.api.friendlyUniqueId);
  });

  test('the IChatEmbeddings values: base URL, key reference, deployment, GA api-version, model dimensions', () => {
    const b = build();
    const e = embeddingsOf(b);
    const stack = b.f.stack;
    const json = synthJson(stack);
    expect(e.deploymentName).toBe('embeddings');
    expect(e.apiVersion).toBe('2024-10-21');
    expect(e.dimensions).toBe(1536);
    // Open WebUI appends /openai/deployments/<name>/embeddings: that lands on the API's path.
    const resolvedUrl = JSON.stringify(resolved(stack, e.baseUrl));
    expect(resolvedUrl).toContain('gateway_url');
    expect(resolvedUrl).toMatch(/\/frontend-embeddings"$/);
    expect(JSON.stringify(resolved(stack, e.apiKeyReference))).toMatch(/^"@Microsoft\.KeyVault\(SecretUri=.*\/secrets\/\$\{azapi_resource\..*\.name\}\)"$/);
    expect(json.resource).toBeDefined();
  });

  test('the one operation: POST /deployments/{deployment-id}/embeddings, nothing else on the API', () => {
    const b = build();
    const e = embeddingsOf(b);
    const ops = Object.values(synthJson(b.f.stack).resource!.azurerm_api_management_api_operation as Record<string, any>)
      .filter((op) => op.api_name === `\${${address(e.api)}.name}`);
    expect(ops).toEqual([expect.objectContaining({
      operation_id: 'deployment-embeddings',
      method: 'POST',
      url_template: '/deployments/{deployment-id}/embeddings',
      template_parameter: [{ name: 'deployment-id', required: true, type: 'string' }],
    })]);
    expect(e.operation).toBeInstanceOf(ApiManagementApiOperation);
  });

  test('one active subscription scoped to that API only (id without ;rev=), tracing off, fixed name', () => {
    const b = build();
    const e = embeddingsOf(b);
    const sub = blockOf(synthJson(b.f.stack), e.subscription);
    expect(sub).toEqual(expect.objectContaining({
      subscription_id: 'frontend-embeddings',
      state: 'active',
      allow_tracing: false,
      api_id: `\${${address(b.gateway.resource)}.id}/apis/\${${address(e.api)}.name}`,
    }));
    expect(sub.product_id).toBeUndefined();
    expect(sub.api_id).not.toContain(';rev=');
    expect(Object.keys(synthJson(b.f.stack).resource!.azurerm_api_management_subscription)).toHaveLength(1);
    expect(synth(b.f.stack)).toHaveResourceWithProperties(ApiManagementSubscription, { subscription_id: 'frontend-embeddings' });
  });

  test('the key goes to the vault through ARM: value = the subscription primary key, content type, expiry', () => {
    const b = build();
    const e = embeddingsOf(b);
    const json = synthJson(b.f.stack);
    const secret = blockOf(json, e.secret.resource);
    expect(secret.type).toMatch(/^Microsoft\.KeyVault\/vaults\/secrets@/);
    expect(secret.sensitive_body).toEqual({ properties: { value: `\${${address(e.subscription)}.primary_key}` } });
    expect(secret.body.properties.contentType).toBe('apim-subscription-key');
    // The vault's default expiry: a time_offset computed once at apply, never the wall clock.
    expect(secret.body.properties.attributes).toEqual({ enabled: true, exp: expect.stringMatching(/^\$\{time_offset\..*\.unix\}$/) });
    expect(e.secretExpiresOn).toBe(e.secret.expiresOn);
  });

  test('a given expiration date is written as given', () => {
    const b = build();
    const e = embeddingsOf(b, { expirationDate: '2027-12-31T00:00:00Z' });
    const secret = blockOf(synthJson(b.f.stack), e.secret.resource);
    expect(secret.body.properties.attributes.exp).toBe(Date.parse('2027-12-31T00:00:00Z') / 1000);
  });

  test('the policy: only this subscription, no key in the query, only the deployment, per-user limit, key removed, managed identity', () => {
    const b = build();
    const e = embeddingsOf(b);
    const doc = policyDoc(b, e);
    const conditions = elements(doc, 'when').map((w) => attrs(w).condition);
    expect(conditions).toEqual(expect.arrayContaining([
      '@(context.Subscription == null || context.Subscription.Id != "frontend-embeddings")',
      '@(context.Request.Url.Query.ContainsKey("subscription-key"))',
      '@((string)context.Variables["gateway-deployment"] != "embeddings")',
      '@(string.IsNullOrEmpty((string)context.Variables["gateway-user"]))',
    ]));
    // No Entra validation on this API: the subscription is the caller.
    expect(elements(doc, 'validate-azure-ad-token')).toHaveLength(0);
    const statuses = elements(doc, 'set-status').map((s) => attrs(s).code);
    expect(statuses).toEqual(expect.arrayContaining(['401', '400', '404']));
    // The user from the forwarded header, as on the main API.
    expect(e.policyXml).toContain('context.Request.Headers.GetValueOrDefault(&quot;X-OpenWebUI-User-Email&quot;');
    const [limit] = elements(doc, 'llm-token-limit').map(attrs);
    expect(limit).toEqual(expect.objectContaining({
      'counter-key': '@((string)context.Variables["gateway-user"] + "|" + (string)context.Variables["gateway-deployment"])',
      'tokens-per-minute': String(b.gateway.tokensPerMinutePerUser),
      'token-quota': '500000',
      'token-quota-period': 'Daily',
    }));
    expect(elements(doc, 'set-header').map(attrs)).toEqual(expect.arrayContaining([{ 'name': 'api-key', 'exists-action': 'delete' }]));
    expect(elements(doc, 'authentication-managed-identity').map(attrs)).toEqual([{ resource: 'https://cognitiveservices.azure.com' }]);
    expect(elements(doc, 'set-backend-service').map((s) => attrs(s)['backend-id'])).toEqual([backendName(b.gateway, 0)]);
    // Order: caller check, user, deployment, limit, then the backend's identity.
    const order = ['context.Subscription.Id', 'gateway-user', 'gateway-deployment&quot;] != ', '<llm-token-limit', '<authentication-managed-identity'];
    const at = order.map((s) => e.policyXml.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
  });

  test('the policy waits for the backends, the grants and the operation', () => {
    const b = build();
    const e = embeddingsOf(b);
    const dependsOn = blockOf(synthJson(b.f.stack), e.policy).depends_on as string[];
    expect(dependsOn).toEqual(expect.arrayContaining([address(b.gateway.backends[0]), address(b.gateway.grantsWait), address(e.operation)]));
    expect(e.policy).toBeInstanceOf(ApiManagementApiPolicy);
  });

  test('a user-assigned gateway identity is named in the backend authentication; the gateway header is reused', () => {
    const b = build([CHAT, SMALL], (f) => ({
      userAssignedIdentity: new ChatIdentity(f.stack, 'GatewayIdentity', { resourceGroupName: RG, location: LOCATION }),
      userHeaderName: 'X-User',
    }));
    const e = embeddingsOf(b);
    const doc = policyDoc(b, e);
    const [auth] = elements(doc, 'authentication-managed-identity').map(attrs);
    expect(auth.resource).toBe('https://cognitiveservices.azure.com');
    expect(auth['client-id']).toMatch(/client_id/);
    expect(e.policyXml).toContain('GetValueOrDefault(&quot;X-User&quot;');
  });

  test('a token-claim gateway: the embeddings API still reads the user from the default header', () => {
    const b = build([CHAT, SMALL], () => ({ userSource: GatewayUserSource.TOKEN_CLAIM }));
    const e = embeddingsOf(b);
    expect(e.policyXml).toContain('GetValueOrDefault(&quot;X-OpenWebUI-User-Email&quot;');
    expect(e.policyXml).not.toContain('oid');
  });

  test('a deployment limit of the embeddings deployment applies; others are left out', () => {
    const b = build([CHAT, SMALL], () => ({ deploymentLimits: [{ deployment: 'embeddings', tokensPerMinutePerUser: 5000 }, { deployment: 'gpt-4.1-mini', tokensPerDayPerUser: 10 }] }));
    const e = embeddingsOf(b);
    expect(e.policyXml).toContain('tokens-per-minute="5000"');
    expect(e.policyXml).not.toContain('gpt-4.1-mini');
  });

  test('failover only over the backends that hold the deployment, in the gateway order', () => {
    const f = gatewayFixture();
    const first = accountWith(f, 'First', [CHAT]);
    const second = accountWith(f, 'Second', [CHAT, SMALL]);
    const vault = new PrivateKeyVault(f.stack, 'Vault', { resourceGroupName: RG, location: LOCATION, network: f.network, dnsZones: f.dnsZones, monitoring: f.monitoring });
    const gateway = new AiGateway(f.stack, 'Gateway', { ...f.props, backends: [{ account: first }, { account: second }] });
    const e = gateway.addFrontEndEmbeddings('Embeddings', { vault, deploymentName: 'embeddings' });
    expect([...e.policyXml.matchAll(/backend-id="([^"]+)"/g)].map((m) => m[1])).toEqual([backendName(gateway, 1)]);
    expect(e.policyXml).not.toContain('<retry');
  });

  test('with monitoring and token metrics: the main API\'s diagnostics on this API too', () => {
    const f = gatewayFixture(true);
    const account = accountWith(f, 'Foundry', [CHAT, SMALL]);
    const vault = new PrivateKeyVault(f.stack, 'Vault', { resourceGroupName: RG, location: LOCATION, network: f.network, dnsZones: f.dnsZones, monitoring: f.monitoring });
    const gateway = new AiGateway(f.stack, 'Gateway', { ...f.props, backends: [{ account }], monitoring: f.monitoring, emitTokenMetrics: true });
    const e = gateway.addFrontEndEmbeddings('Embeddings', { vault, deploymentName: 'embeddings' });
    const json = synthJson(f.stack);
    expect(e.diagnostics).toHaveLength(3);
    const [workspace, llm, metrics] = e.diagnostics.map((d) => blockOf(json, d));
    expect(workspace.name).toBe('azuremonitor');
    expect(workspace.parent_id).toBe(`\${${address(gateway.resource)}.id}/apis/\${${address(e.api)}.name}`);
    expect(workspace.body.properties.frontend.request.headers).toEqual(['X-OpenWebUI-User-Email']);
    expect(llm.body).toEqual({ properties: { largeLanguageModel: { logs: 'enabled' } } });
    expect(metrics.name).toBe('applicationinsights');
    expect(metrics.body.properties.metrics).toBe(true);
    expect(e.policyXml).toContain('<llm-emit-token-metric namespace="ai-gateway">');
  });

  test('without monitoring: no diagnostics', () => {
    const b = build();
    expect(embeddingsOf(b).diagnostics).toEqual([]);
  });

  test('text-embedding-3-large: 3072 dimensions; a given matching value is accepted', () => {
    const b = build([CHAT, LARGE]);
    expect(embeddingsOf(b, { deploymentName: 'embeddings-large', dimensions: 3072 }).dimensions).toBe(3072);
  });

  test('an imported backend: a name not on the created accounts is accepted with dimensions, routed to the imported account only', () => {
    const f = gatewayFixture();
    const created = accountWith(f, 'Foundry', [CHAT]);
    const vault = new PrivateKeyVault(f.stack, 'Vault', { resourceGroupName: RG, location: LOCATION, network: f.network, dnsZones: f.dnsZones, monitoring: f.monitoring });
    const gateway = new AiGateway(f.stack, 'Gateway', { ...f.props, backends: [{ account: created }, { account: f.primary }] });
    const e = gateway.addFrontEndEmbeddings('Embeddings', { vault, deploymentName: 'hub-embeddings', dimensions: 1024 });
    expect(e.dimensions).toBe(1024);
    expect([...e.policyXml.matchAll(/backend-id="([^"]+)"/g)].map((m) => m[1])).toEqual([backendName(gateway, 1)]);
  });

  test('passes the provider-side rules and the schema', () => {
    const b = build();
    embeddingsOf(b);
    expect(Conformance.check(b.f.stack)).toEqual([]);
  });

  test('the provider-side rules of the subscription fire on an escape-hatch override (state case, product and API together)', () => {
    const b = build();
    const e = embeddingsOf(b);
    e.subscription.addOverride('state', 'Active');
    // Known values on both sides (an expression is not counted, as in the provider).
    e.subscription.addOverride('api_id', '/subscriptions/0/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim/apis/frontend-embeddings');
    e.subscription.addOverride('product_id', '/subscriptions/0/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim/products/p');
    const found = Conformance.check(b.f.stack).filter((v) => v.address === address(e.subscription)).map((v) => v.attribute).sort();
    expect(found).toEqual(['api_id', 'product_id', 'state']);
  });

  test('deterministic: two synths of the same input are identical', () => {
    const once = () => {
      const b = build();
      embeddingsOf(b);
      return synth(b.f.stack);
    };
    expect(once()).toBe(once());
  });
});

describe('AiGateway.addFrontEndEmbeddings: bad input', () => {
  const PATH = "FrontEndEmbeddings 'test/Gateway/Embeddings'";

  test('fails when the deployment is not deployed, naming the embeddings deployments (did you mean)', () => {
    const b = build([CHAT, SMALL, LARGE]);
    expect(() => embeddingsOf(b, { deploymentName: 'embedding' })).toThrow(
      `${PATH}: 'deploymentName' must name an embeddings deployment on a backend account of the gateway (did you mean 'embeddings', 'embeddings-large'?), got 'embedding'`);
  });

  test('fails when the gateway has no embeddings deployment at all', () => {
    const b = build([CHAT]);
    expect(() => embeddingsOf(b)).toThrow(
      `${PATH}: 'deploymentName' must name an embeddings deployment on a backend account of the gateway (it has none: add a deployment of e.g. text-embedding-3-small to a backend account), got 'embeddings'`);
  });

  test('fails when the deployment is a chat model; its embeddings twin passes', () => {
    const b = build();
    expect(() => embeddingsOf(b, { deploymentName: 'gpt-4.1-mini' })).toThrow(
      `${PATH}: 'deploymentName' must name an embeddings deployment, but 'gpt-4.1-mini' deploys 'gpt-4.1-mini', a chat model (did you mean 'embeddings'?), got 'gpt-4.1-mini'`);
    expect(() => embeddingsOf(build())).not.toThrow();
  });

  test('fails when dimensions contradict the model', () => {
    const b = build();
    expect(() => embeddingsOf(b, { dimensions: 3072 })).toThrow(
      `${PATH}: 'dimensions' must be 1536, the length of the vectors 'text-embedding-3-small' returns (Open WebUI sends no 'dimensions' parameter), got 3072`);
    expect(embeddingsOf(build(), { dimensions: 1536 }).dimensions).toBe(1536);
  });

  test('fails when dimensions are out of range', () => {
    expect(() => embeddingsOf(build(), { dimensions: 0 })).toThrow(`${PATH}: 'dimensions' must be an integer between 1 and 3072, got 0`);
  });

  test('fails when an imported backend\'s deployment comes without dimensions; passes with them', () => {
    const f = gatewayFixture();
    const vault = new PrivateKeyVault(f.stack, 'Vault', { resourceGroupName: RG, location: LOCATION, network: f.network, dnsZones: f.dnsZones, monitoring: f.monitoring });
    const gateway = new AiGateway(f.stack, 'Gateway', f.props);
    expect(() => gateway.addFrontEndEmbeddings('Embeddings', { vault, deploymentName: 'hub-embeddings' })).toThrow(
      `${PATH}: 'dimensions' must be given: 'hub-embeddings' is on none of the accounts this app creates, so it must be on an imported account, whose model the gateway cannot see, got undefined`);
    // The failed call left nothing behind: the same id works once corrected.
    expect(gateway.addFrontEndEmbeddings('Embeddings', { vault, deploymentName: 'hub-embeddings', dimensions: 1536 }).dimensions).toBe(1536);
  });

  test('fails when the deployment is an expression and dimensions are missing', () => {
    const b = build();
    const name = new TerraformVariable(b.f.stack, 'name', { type: 'string' }).stringValue;
    expect(() => embeddingsOf(b, { deploymentName: name })).toThrow(
      `${PATH}: 'dimensions' must be given: the deployment is a Terraform expression, so its model is not known at synth, got undefined`);
  });

  test('fails on a malformed api-version; a preview version passes', () => {
    expect(() => embeddingsOf(build(), { apiVersion: 'latest' })).toThrow(
      `${PATH}: 'apiVersion' must be an Azure OpenAI data-plane API version such as '2024-10-21' (YYYY-MM-DD, optionally -preview), got 'latest'`);
    expect(embeddingsOf(build(), { apiVersion: '2025-04-01-preview' }).apiVersion).toBe('2025-04-01-preview');
  });

  test('fails on a deployment name Azure refuses', () => {
    expect(() => embeddingsOf(build(), { deploymentName: '-bad' })).toThrow(`${PATH}: 'deploymentName'`);
  });

  test('fails without a vault', () => {
    expect(() => embeddingsOf(build(), { vault: undefined as any })).toThrow(`${PATH}: 'vault'`);
  });

  test('fails on a second call for the same gateway', () => {
    const b = build();
    embeddingsOf(b);
    expect(() => b.gateway.addFrontEndEmbeddings('Again', { vault: b.vault, deploymentName: 'embeddings' })).toThrow(
      "AiGateway 'test/Gateway': addFrontEndEmbeddings may be called once per gateway (its API path and subscription are fixed), got a second call with id 'Again' after 'Embeddings'");
  });
});
