import { Testing } from 'cdktf';
import { DatabricksChatStack, DatabricksServingStack } from '../../examples/databricks/main';
import { Compliance } from '../../src/compliance';
import { Conformance } from '../../src/conformance';
import { onlyResource, resourcesOf, synth, warningsOf } from '../util';

describe('examples/databricks', () => {
  const app = () => Testing.app();
  const buildChat = () => new DatabricksChatStack(app(), 'chat');
  const buildServing = () => new DatabricksServingStack(app(), 'serving');
  const chat = JSON.parse(synth(buildChat()));
  const serving = JSON.parse(synth(buildServing()));

  test('the chat offers the Databricks model beside the Foundry one, through the gateway (the synthesized settings)', () => {
    const settings = onlyResource(chat, 'azurerm_linux_web_app').app_settings;
    const apimName = Object.keys(resourcesOf(chat, 'azurerm_api_management'))[0];
    expect(settings.OPENAI_API_BASE_URLS).toBe(`\${azurerm_api_management.${apimName}.gateway_url}/openai/v1`);
    const connection = JSON.parse(settings.OPENAI_API_CONFIGS)['0'];
    expect(connection.auth_type).toBe('microsoft_entra_id');
    expect(connection.model_ids).toHaveLength(2);
    expect(connection.model_ids[1]).toBe('llama-3.3-70b');
    const deployments = Object.values(resourcesOf(chat, 'azurerm_cognitive_deployment')).map((d: any) => d.name);
    expect(deployments).toContain(connection.model_ids[0]);
  });

  test('the gateway routes that model to the workspace\'s serving endpoint, as its user-assigned identity with an Azure Databricks token', () => {
    const backends = Object.values(resourcesOf(chat, 'azurerm_api_management_backend')) as any[];
    const workspaceName = Object.keys(resourcesOf(chat, 'azurerm_databricks_workspace'))[0];
    expect(backends.map((b) => b.url)).toContain(`https://\${azurerm_databricks_workspace.${workspaceName}.workspace_url}/serving-endpoints`);
    const policy = onlyResource(chat, 'azurerm_api_management_api_policy').xml_content as string;
    expect(policy).toContain('context.Variables[&quot;gateway-deployment&quot;] == &quot;llama-3.3-70b&quot;');
    expect(policy).toContain('body[&quot;model&quot;] = &quot;chat-llama&quot;;');
    expect(policy).toContain('<rewrite-uri template="/chat/completions" copy-unmatched-params="false" />');
    expect(policy).toMatch(/<authentication-managed-identity resource="2ff814a6-3304-4ab8-85cb-cd0e6f879c1d" client-id="\$\{azurerm_user_assigned_identity\.[^}]+\.client_id\}" \/>/);
    const apim = onlyResource(chat, 'azurerm_api_management');
    expect(apim.identity.type).toBe('UserAssigned');
  });

  test('the workspace is private and in the chat\'s VNet, and the gateway subnet may reach its endpoint (PCHAT-NET-003)', () => {
    const workspace = onlyResource(chat, 'azurerm_databricks_workspace');
    expect(workspace).toMatchObject({ sku: 'premium', public_network_access_enabled: false, custom_parameters: { no_public_ip: true } });
    const stack = buildChat();
    Compliance.applyTo(stack);
    expect(Compliance.report(stack).failures.filter((f) => f.ruleId === 'PCHAT-NET-003')).toEqual([]);
    const subnets = Object.values(resourcesOf(chat, 'azurerm_subnet')).map((s: any) => s.name);
    expect(subnets).toEqual(expect.arrayContaining(['apim-integration']));
  });

  test('the chat stack passes the whole rule pack and schema conformance, with no acknowledgement and no warning', () => {
    const stack = buildChat();
    Compliance.applyTo(stack);
    const report = Compliance.report(stack);
    expect(report.failures).toEqual([]);
    expect(report.acknowledged).toEqual([]);
    expect(Conformance.check(stack)).toEqual([]);
    Testing.synth(stack);
    expect(warningsOf(stack)).toEqual([]);
  });

  test('the chat stack outputs what the serving stack takes as variables', () => {
    const outputs = Object.keys(chat.output ?? {}).sort();
    const variables = Object.keys(serving.variable ?? {}).sort();
    expect(outputs).toEqual(variables);
  });

  test('the serving stack: the endpoint on provisioned throughput, the gateway identity as its only caller, Azure sign-in', () => {
    const endpoint = onlyResource(serving, 'databricks_model_serving');
    expect(endpoint.name).toBe('chat-llama');
    expect(endpoint.config.served_entities[0]).toMatchObject({ entity_name: 'system.ai.meta_llama_v3_3_70b_instruct', scale_to_zero_enabled: false });
    const principal = onlyResource(serving, 'databricks_service_principal');
    expect(principal.application_id).toBe('${var.gateway_identity_client_id}');
    const permissions = onlyResource(serving, 'databricks_permissions');
    expect(permissions.access_control).toEqual([expect.objectContaining({ permission_level: 'CAN_QUERY' })]);
    expect(serving.provider.databricks[0]).toEqual({ auth_type: 'azure-msi', azure_workspace_resource_id: '${var.databricks_workspace_resource_id}' });
  });

  test('the serving stack acknowledges the first-apply rule only, on its databricks resources, with where it is applied from', () => {
    const stack = buildServing();
    Compliance.applyTo(stack);
    const report = Compliance.report(stack);
    expect(report.failures).toEqual([]);
    expect(new Set(report.acknowledged.map((f) => f.ruleId))).toEqual(new Set(['PCHAT-APPLY-001']));
    expect(report.acknowledged.every((f) => (f.acknowledgedReason ?? '').startsWith('appliedFromInsideNetwork: self-hosted runner'))).toBe(true);
    expect(Conformance.check(stack)).toEqual([]);
  });

  test('matches the snapshot', () => {
    expect(synth(buildChat())).toMatchSnapshot();
    expect(synth(buildServing())).toMatchSnapshot();
  });
});
