// PrivateChat with Azure Databricks serving endpoints behind its gateway: the models are offered
// beside the Foundry deployments, the gateway's errors name 'gateway.databricksBackends[i]…', the
// flow to a workspace of the stack is wired, and a front end that offers one model is refused.
import { Testing } from 'cdktf';
import { ChatFrontEnd, Principal, PrivateChat, PrivateChatProps } from '../../src';
import { Compliance } from '../../src/compliance';
import { DatabricksServingEndpoint, DatabricksSubnets, DatabricksWorkspace, IDatabricksWorkspace } from '../../src/databricks';
import { Monitoring } from '../../src/monitoring';
import { PrivateDnsZones, PrivateLinkZone, PrivateNetwork } from '../../src/network';
import { newStack, onlyResource, synthJson, warningsOf } from '../util';

const LOCATION = 'swedencentral';
const RG = 'rg-chat';
const WORKSPACE_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Databricks/workspaces/dbw-data';
const WORKSPACE_URL = 'adb-1234567890123456.7.azuredatabricks.net';

function importedWorkspace(stack: ReturnType<typeof newStack>, hasPrivateEndpoint = true): IDatabricksWorkspace {
  return DatabricksWorkspace.fromAttributes(stack, 'DataWorkspace', { workspaceResourceId: WORKSPACE_ID, workspaceUrl: WORKSPACE_URL, hasPrivateEndpoint });
}

/** The model ids Open WebUI's one connection (the gateway) offers. */
function offeredModels(json: any): string[] {
  const configs = JSON.parse(onlyResource(json, 'azurerm_linux_web_app').app_settings.OPENAI_API_CONFIGS);
  return configs['0'].model_ids;
}

describe('PrivateChat gateway.databricksBackends', () => {
  test('Open WebUI offers the Databricks model beside the Foundry deployment, through the gateway', () => {
    const stack = newStack();
    const llama = DatabricksServingEndpoint.fromAttributes(stack, 'Llama', { workspace: importedWorkspace(stack), endpointName: 'chat-llama' });
    const chat = new PrivateChat(stack, 'chat', {
      location: LOCATION,
      gateway: { publisherEmail: 'ops@contoso.com', databricksBackends: [{ endpoint: llama, modelName: 'llama-3.3-70b' }] },
    });
    const json = synthJson(stack);
    expect(offeredModels(json)).toEqual([chat.chatDeploymentName, 'llama-3.3-70b']);
    expect(onlyResource(json, 'azurerm_linux_web_app').app_settings.OPENAI_API_BASE_URLS).toMatch(/\.gateway_url\}\/openai\/v1$/);
    expect(chat.gateway!.databricksModelNames).toEqual(['llama-3.3-70b']);
    expect(chat.gateway!.databricksCallerClientId).toBeDefined();
    // The public list of the account's deployments is unchanged.
    expect(chat.chatDeploymentNames).toEqual([chat.chatDeploymentName]);
  });

  test('without Databricks backends the offered models are the deployments alone', () => {
    const stack = newStack();
    const chat = new PrivateChat(stack, 'chat', { location: LOCATION, gateway: { publisherEmail: 'ops@contoso.com' } });
    expect(offeredModels(synthJson(stack))).toEqual([chat.chatDeploymentName]);
  });

  test('a workspace in the chat\'s VNet: the gateway subnet reaches its endpoint, and the whole rule pack passes', () => {
    const stack = newStack();
    const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
    const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: RG, location: LOCATION });
    const zones = new PrivateDnsZones(stack, 'DatabricksZones', { resourceGroupName: RG, network, zones: [PrivateLinkZone.AZURE_DATABRICKS] });
    const workspace = new DatabricksWorkspace(stack, 'Databricks', {
      resourceGroupName: RG, location: LOCATION, network, dnsZones: zones, monitoring, subnets: DatabricksSubnets.create('10.0.16.0/24', '10.0.17.0/24'),
    });
    const llama = DatabricksServingEndpoint.fromAttributes(stack, 'Llama', { workspace, endpointName: 'chat-llama' });
    const props: PrivateChatProps = {
      location: LOCATION,
      resourceGroupName: RG,
      network,
      monitoring,
      gateway: {
        publisherEmail: 'ops@contoso.com',
        integrationSubnetId: network.addDelegatedSubnet('GatewaySubnet', { name: 'apim-integration', cidr: '10.0.2.0/27', egress: true }).id,
        databricksBackends: [{ endpoint: llama }],
      },
      signInPrincipals: [Principal.fromGroupObjectId(stack, 'Users', '22222222-2222-2222-2222-222222222222')],
      history: { entraAdministrator: { objectId: '33333333-3333-3333-3333-333333333333', principalName: 'chat-dbas' } },
    };
    const chat = new PrivateChat(stack, 'chat', props);
    const gatewaySubnet = props.gateway!.integrationSubnetId;
    expect(workspace.privateEndpoint.callers.map((c) => c.caller.subnetId)).toContain(gatewaySubnet);
    Testing.synth(stack);
    expect(warningsOf(chat).filter((w) => w.includes('gateway-databricks-flow'))).toEqual([]);
    expect(Compliance.report(stack).failures).toEqual([]);
  });

  test('fails when a backend\'s workspace has no private endpoint, naming gateway.databricksBackends[0]', () => {
    const stack = newStack();
    const llama = DatabricksServingEndpoint.fromAttributes(stack, 'Llama', { workspace: importedWorkspace(stack, false), endpointName: 'chat-llama' });
    expect(() => new PrivateChat(stack, 'chat', { location: LOCATION, gateway: { publisherEmail: 'ops@contoso.com', databricksBackends: [{ endpoint: llama }] } }))
      .toThrow("PrivateChat 'test/chat': 'gateway.databricksBackends[0].endpoint' must be served by a workspace with a databricks_ui_api private endpoint "
        + "(hasPrivateEndpoint true): the gateway reaches its backends only through private endpoints, never a public workspace, got 'workspace 'test/DataWorkspace' without one'");
  });

  test('fails when a Databricks model takes the name of the chat deployment, naming gateway.databricksBackends[0].modelName', () => {
    const stack = newStack();
    const llama = DatabricksServingEndpoint.fromAttributes(stack, 'Llama', { workspace: importedWorkspace(stack), endpointName: 'chat-llama' });
    const probe = new PrivateChat(newStack(), 'chat', { location: LOCATION });
    expect(() => new PrivateChat(stack, 'chat', {
      location: LOCATION,
      gateway: { publisherEmail: 'ops@contoso.com', databricksBackends: [{ endpoint: llama, modelName: probe.chatDeploymentName }] },
    })).toThrow(new RegExp(`^PrivateChat 'test/chat': 'gateway\\.databricksBackends\\[0\\]\\.modelName' must differ from every deployment behind the gateway: .*, got '${probe.chatDeploymentName.replace(/\./g, '\\.')}'$`));
  });

  test('fails when databricksBackends is not a list of backends, naming the prop', () => {
    const stack = newStack();
    expect(() => new PrivateChat(stack, 'chat', { location: LOCATION, gateway: { publisherEmail: 'ops@contoso.com', databricksBackends: 'llama' as any } }))
      .toThrow(/^PrivateChat 'test\/chat': 'gateway\.databricksBackends' must be an array/);
  });

  test('fails for a front end that offers one model', () => {
    const stack = newStack();
    const llama = DatabricksServingEndpoint.fromAttributes(stack, 'Llama', { workspace: importedWorkspace(stack), endpointName: 'chat-llama' });
    const oneModel = ChatFrontEnd.sampleChatApp();
    expect(() => new PrivateChat(stack, 'chat', {
      location: LOCATION, frontEnd: oneModel, gateway: { publisherEmail: 'ops@contoso.com', databricksBackends: [{ endpoint: llama }] },
    })).toThrow(/^PrivateChat 'test\/chat': 'gateway(\.databricksBackends)?' must be left out for /);
  });
});
