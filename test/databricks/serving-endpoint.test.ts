// DatabricksServingEndpoint: a provisioned-throughput serving endpoint in a second stack applied
// from inside the network, the gateway identity as a service principal with CAN_QUERY only, the
// provider's Azure sign-in, the catalogue, validation and determinism.
import { ModelServing } from '@cdktf/provider-databricks/lib/model-serving';
import { Permissions } from '@cdktf/provider-databricks/lib/permissions';
import { DatabricksProvider, DatabricksProviderConfig } from '@cdktf/provider-databricks/lib/provider';
import { ServicePrincipal } from '@cdktf/provider-databricks/lib/service-principal';
import { App, TerraformStack, Testing } from 'cdktf';
import { ChatIdentity } from '../../src/app';
import { Compliance } from '../../src/compliance';
import { IChatIdentity } from '../../src/core';
import {
  DatabricksServingEndpoint, DatabricksServingEndpointProps, DatabricksSubnets, DatabricksWorkspace, IDatabricksWorkspace,
} from '../../src/databricks';
import { PrivateDnsZones, PrivateLinkZone, PrivateNetwork } from '../../src/network';
import { synth, synthJson, warningsOf } from '../util';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const WORKSPACE_ID = `${SUB}/resourceGroups/rg-data/providers/Microsoft.Databricks/workspaces/dbw-data`;
const URL = 'adb-1234567890123456.7.azuredatabricks.net';
const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
const RUNNER = 'self-hosted runner in vnet-data/snet-runners';

interface ServingStack {
  readonly stack: TerraformStack;
  readonly workspace: IDatabricksWorkspace;
  readonly caller: IChatIdentity;
}

function servingStack(provider: Partial<DatabricksProviderConfig> | false = {}): ServingStack {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'serving');
  if (provider !== false) new DatabricksProvider(stack, 'databricks', { host: `https://${URL}`, azureWorkspaceResourceId: WORKSPACE_ID, authType: 'azure-cli', ...provider });
  const workspace = DatabricksWorkspace.fromAttributes(stack, 'Workspace', { workspaceResourceId: WORKSPACE_ID, workspaceUrl: URL, hasPrivateEndpoint: true });
  const caller = ChatIdentity.fromIdentityAttributes(stack, 'Gateway', {
    identityId: `${SUB}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-gateway`, clientId: CLIENT_ID, principalId: '99999999-8888-7777-6666-555555555555', tenantId: CLIENT_ID,
  });
  return { stack, workspace, caller };
}

function build(overrides: Partial<DatabricksServingEndpointProps> = {}, provider: Partial<DatabricksProviderConfig> | false = {}) {
  const s = servingStack(provider);
  const endpoint = new DatabricksServingEndpoint(s.stack, 'Llama', {
    workspace: s.workspace,
    modelName: 'system.ai.meta_llama_v3_3_70b_instruct',
    modelVersion: '3',
    minProvisionedThroughput: 0,
    maxProvisionedThroughput: 9500,
    appliedFromInsideNetwork: RUNNER,
    caller: s.caller,
    ...overrides,
  });
  return { ...s, endpoint };
}

describe('DatabricksServingEndpoint', () => {
  test('serves the pinned Unity Catalog model version on provisioned throughput', () => {
    const { stack } = build();
    expect(synth(stack)).toHaveResourceWithProperties(ModelServing, {
      name: expect.stringMatching(/^chat-llama-[0-9a-f]{8}$/),
      config: {
        served_entities: [{
          name: 'model',
          entity_name: 'system.ai.meta_llama_v3_3_70b_instruct',
          entity_version: '3',
          min_provisioned_throughput: 0,
          max_provisioned_throughput: 9500,
          scale_to_zero_enabled: false,
        }],
      },
    });
  });

  test('sizes a model-unit model with provisioned_model_units', () => {
    const { stack } = build({ modelName: 'system.ai.gpt-oss-120b', modelVersion: '1', minProvisionedThroughput: undefined, maxProvisionedThroughput: undefined, provisionedModelUnits: 50 });
    const serving = Object.values(synthJson(stack).resource!.databricks_model_serving)[0];
    expect(serving.config.served_entities[0]).toEqual({
      name: 'model', entity_name: 'system.ai.gpt-oss-120b', entity_version: '1', provisioned_model_units: 50, scale_to_zero_enabled: false,
    });
  });

  test('registers the caller as a service principal with CAN_QUERY on this endpoint and nothing else', () => {
    const { stack } = build();
    const out = synth(stack);
    expect(out).toHaveResourceWithProperties(ServicePrincipal, {
      application_id: CLIENT_ID, allow_cluster_create: false, allow_instance_pool_create: false, databricks_sql_access: false,
    });
    const json = JSON.parse(out);
    const permissions = Object.values(json.resource.databricks_permissions) as any[];
    expect(permissions).toHaveLength(1);
    expect(permissions[0]).toEqual({
      serving_endpoint_id: expect.stringMatching(/^\$\{databricks_model_serving\.Llama_[A-Za-z0-9_]+\.serving_endpoint_id\}$/),
      access_control: [{ service_principal_name: expect.stringMatching(/^\$\{databricks_service_principal\.Llama_Caller_[A-Za-z0-9_]+\.application_id\}$/), permission_level: 'CAN_QUERY' }],
    });
  });

  test('granting the same identity twice adds nothing', () => {
    const { stack, endpoint, caller } = build();
    expect(endpoint.grantQuery(caller)).toBe(endpoint.grantQuery(caller));
    expect(Object.keys(synthJson(stack).resource!.databricks_permissions)).toHaveLength(1);
    expect(Object.keys(synthJson(stack).resource!.databricks_service_principal)).toHaveLength(1);
    void Permissions;
  });

  test('exposes what a gateway backend needs: the invocation URL, the OpenAI-compatible base and the token audience', () => {
    const { endpoint } = build({ endpointName: 'chat-llama' });
    expect(endpoint.invocationsUrl).toBe(`https://${URL}/serving-endpoints/chat-llama/invocations`);
    expect(endpoint.openAiBaseUrl).toBe(`https://${URL}/serving-endpoints`);
    expect(endpoint.tokenAudience).toBe('2ff814a6-3304-4ab8-85cb-cd0e6f879c1d');
    const imported = DatabricksServingEndpoint.fromAttributes(endpoint, 'Existing', { workspace: endpoint.workspace, endpointName: 'chat-llama' });
    expect(imported.invocationsUrl).toBe(endpoint.invocationsUrl);
  });

  test('acknowledges PCHAT-APPLY-001 on each databricks resource with the runner as the reason, and nothing else fails it', () => {
    const { stack } = build();
    const report = Compliance.report(stack);
    expect(report.failures.filter((f) => f.ruleId === 'PCHAT-APPLY-001')).toEqual([]);
    const acknowledged = report.acknowledged.filter((f) => f.ruleId === 'PCHAT-APPLY-001');
    expect(acknowledged.map((f) => f.constructPath).sort()).toEqual(['serving/Llama/Caller', 'serving/Llama/CallerQuery', 'serving/Llama/Resource']);
    expect(acknowledged[0].acknowledgedReason).toContain(RUNNER);
  });

  test('a system.ai model newer than the catalogue is a warning, not an error', () => {
    const { endpoint } = build({ modelName: 'system.ai.some_new_model', minProvisionedThroughput: 0, maxProvisionedThroughput: 100 });
    expect(warningsOf(endpoint).join('\n')).toContain("'modelName' 'system.ai.some_new_model' is not in the library's catalogue");
  });

  test('serves a model registered in Unity Catalog', () => {
    const { endpoint } = build({ modelName: 'main.finetuned.support_llama', minProvisionedThroughput: 0, maxProvisionedThroughput: 100 });
    expect(warningsOf(endpoint)).toEqual([]);
  });

  test('the catalogue lists the open models with sources', () => {
    expect(DatabricksServingEndpoint.catalogue()).toEqual(expect.arrayContaining(['system.ai.gpt-oss-120b', 'system.ai.meta_llama_v3_3_70b_instruct']));
  });

  test('is deterministic', () => {
    expect(synth(build().stack)).toEqual(synth(build().stack));
  });

  describe('fails when', () => {
    test.each<[string, Partial<DatabricksServingEndpointProps>, string]>([
      ['the model is not a Unity Catalog name', { modelName: 'databricks-meta-llama-3-3-70b-instruct' },
        "DatabricksServingEndpoint 'serving/Llama': 'modelName' must be a Unity Catalog model, <catalog>.<schema>.<model>: one of Databricks' open models (system.ai.gpt-oss-120b, "],
      ['the model is in the system catalog outside system.ai', { modelName: 'system.other.model' },
        "DatabricksServingEndpoint 'serving/Llama': 'modelName' must be in 'system.ai' when it is in the 'system' catalog (Databricks' open models live there), got 'system.other.model'"],
      ['no capacity is given', { minProvisionedThroughput: undefined, maxProvisionedThroughput: undefined },
        "DatabricksServingEndpoint 'serving/Llama': 'provisionedModelUnits' or 'minProvisionedThroughput' with 'maxProvisionedThroughput' must be set: the model is served on provisioned throughput ('system.ai.meta_llama_v3_3_70b_instruct' is sized in tokens per second), got neither"],
      ['both kinds of capacity are given', { provisionedModelUnits: 10 },
        "DatabricksServingEndpoint 'serving/Llama': 'provisionedModelUnits' and 'minProvisionedThroughput'/'maxProvisionedThroughput' are two ways to size one model: set one, got both"],
      ['a tokens-per-second model gets model units', { minProvisionedThroughput: undefined, maxProvisionedThroughput: undefined, provisionedModelUnits: 10 },
        "DatabricksServingEndpoint 'serving/Llama': 'provisionedModelUnits' cannot size 'system.ai.meta_llama_v3_3_70b_instruct': Databricks provisions it in tokens-per-second bands; set 'minProvisionedThroughput' and 'maxProvisionedThroughput', got 10"],
      ['a model-unit model gets a tokens-per-second band', { modelName: 'system.ai.gpt-oss-20b' },
        "DatabricksServingEndpoint 'serving/Llama': 'minProvisionedThroughput' cannot size 'system.ai.gpt-oss-20b': Databricks provisions it in model units; set 'provisionedModelUnits', got 0"],
      ['only one throughput bound is given', { minProvisionedThroughput: undefined },
        "DatabricksServingEndpoint 'serving/Llama': 'minProvisionedThroughput' and 'maxProvisionedThroughput' must be set together, got one"],
      ['the bounds are reversed', { minProvisionedThroughput: 200, maxProvisionedThroughput: 100 },
        "DatabricksServingEndpoint 'serving/Llama': 'minProvisionedThroughput' must not exceed 'maxProvisionedThroughput' (100), got 200"],
      ['the endpoint name has a dot', { endpointName: 'chat.llama' },
        "DatabricksServingEndpoint 'serving/Llama': 'endpointName' must be 1-63 letters, digits, hyphens and underscores, got 'chat.llama'"],
      ['the apply location is blank', { appliedFromInsideNetwork: ' ' }, "'appliedFromInsideNetwork'"],
    ])('%s', (_, overrides, message) => {
      expect(() => build(overrides)).toThrow(message);
    });

    test('the workspace has no private endpoint', () => {
      const s = servingStack();
      const workspace = DatabricksWorkspace.fromAttributes(s.stack, 'Public', { workspaceResourceId: WORKSPACE_ID, workspaceUrl: URL, hasPrivateEndpoint: false });
      expect(() => new DatabricksServingEndpoint(s.stack, 'Llama', {
        workspace, modelName: 'system.ai.gpt-oss-20b', modelVersion: '1', provisionedModelUnits: 10, appliedFromInsideNetwork: RUNNER,
      })).toThrow("DatabricksServingEndpoint 'serving/Llama': 'workspace' must have a databricks_ui_api private endpoint (hasPrivateEndpoint true): this library never serves a model from a public workspace, got 'serving/Public'");
    });

    test('the workspace is created in the same stack', () => {
      const app = new App();
      const stack = new TerraformStack(app, 'one');
      const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg', location: 'swedencentral' });
      const dnsZones = new PrivateDnsZones(stack, 'Zones', { resourceGroupName: 'rg', network, zones: [PrivateLinkZone.AZURE_DATABRICKS] });
      const workspace = new DatabricksWorkspace(stack, 'Databricks', {
        resourceGroupName: 'rg', location: 'swedencentral', network, dnsZones, subnets: DatabricksSubnets.create('10.0.4.0/26', '10.0.4.64/26'),
      });
      expect(() => new DatabricksServingEndpoint(stack, 'Llama', {
        workspace, modelName: 'system.ai.gpt-oss-20b', modelVersion: '1', provisionedModelUnits: 10, appliedFromInsideNetwork: RUNNER,
      })).toThrow("DatabricksServingEndpoint 'one/Llama': 'workspace' must be in another stack: the workspace's REST API is private");
    });

    test.each<[string, Partial<DatabricksProviderConfig>, string]>([
      ['the provider signs in with a personal access token', { token: 'dapi123' }, "'token' must not be set (a personal access token)"],
      ['the provider signs in with a Databricks OAuth secret', { clientId: 'x', clientSecret: 'y', authType: 'oauth-m2m' }, "'client_secret' must not be set (a Databricks OAuth secret)"],
      ['the provider has no workspace resource id', { azureWorkspaceResourceId: undefined }, "'azure_workspace_resource_id' must be set"],
      ['the provider uses a non-Azure auth type', { authType: 'pat' }, "'auth_type' must be an Azure method (azure-cli, azure-msi, azure-client-secret), got 'pat'"],
    ])('%s', (_, provider, message) => {
      const { stack } = build({}, provider);
      expect(() => synth(stack)).toThrow(message);
    });

    test('the stack has no databricks provider', () => {
      const { stack } = build({}, false);
      expect(() => synth(stack)).toThrow('serving/Llama: the stack needs a databricks provider');
    });
  });
});
