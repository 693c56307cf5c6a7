// An open model served from a private Azure Databricks workspace, offered in the private chat
// beside the Foundry model, behind the same AI gateway.
//
// Two stacks, applied in this order (docs/databricks.md, "The apply path"):
// 1. `chat` (DatabricksChatStack), from anywhere, through Azure Resource Manager only: the VNet,
//    the chat with its gateway, and a private Databricks workspace injected into two subnets of
//    the same VNet. The gateway already routes the model `llama-3.3-70b` to the serving endpoint
//    `chat-llama`, which answers once the second stack exists.
// 2. `serving` (DatabricksServingStack), from a machine INSIDE the network (a self-hosted runner
//    whose DNS resolves privatelink.azuredatabricks.net): the serving endpoint on provisioned
//    throughput, and the gateway's identity registered in the workspace with CAN_QUERY on it and
//    nothing else. Its variables are the outputs of `chat`.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { DatabricksProvider } from '@cdktf/provider-databricks/lib/provider';
import { App, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  ChatIdentity, DatabricksServingEndpoint, DatabricksSubnets, DatabricksWorkspace, Monitoring, Principal, PrivateChat, PrivateDnsZones,
  PrivateLinkZone, PrivateNetwork,
} from 'cdktf-private-chat';

const LOCATION = 'swedencentral';
// Entra ID groups (object ids): who may sign in, who administers Open WebUI, who operates the database.
const CHAT_USERS_GROUP = '44444444-5555-6666-7777-888888888888';
const CHAT_ADMINS_GROUP = '55555555-6666-7777-8888-999999999999';
const DB_OPERATORS_GROUP = '66666666-7777-8888-9999-aaaaaaaaaaaa';
/** The serving endpoint's name: the gateway routes to it (chat stack), the serving stack creates it. */
const ENDPOINT_NAME = 'chat-llama';
/** The model name users pick in Open WebUI. */
const MODEL_NAME = 'llama-3.3-70b';

export class DatabricksChatStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });

    const group = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-chat-databricks', location: LOCATION });
    const resourceGroupName = group.name;
    const network = new PrivateNetwork(this, 'Network', { resourceGroupName, location: LOCATION });
    const monitoring = new Monitoring(this, 'Monitoring', { resourceGroupName, location: LOCATION });

    // The workspace, in the chat's VNet: its host and container subnets, its databricks_ui_api
    // and browser_authentication endpoints in the chat's private-endpoints subnet.
    const databricksZones = new PrivateDnsZones(this, 'DatabricksZones', { resourceGroupName, network, zones: [PrivateLinkZone.AZURE_DATABRICKS] });
    const workspace = new DatabricksWorkspace(this, 'Databricks', {
      resourceGroupName,
      location: LOCATION,
      network,
      dnsZones: databricksZones,
      subnets: DatabricksSubnets.create('10.0.16.0/24', '10.0.17.0/24'),
      monitoring,
    });
    const llama = DatabricksServingEndpoint.fromAttributes(this, 'Llama', { workspace, endpointName: ENDPOINT_NAME });

    const chat = new PrivateChat(this, 'chat', {
      location: LOCATION,
      resourceGroupName,
      network,
      monitoring,
      gateway: {
        publisherEmail: 'platform@contoso.com',
        // With an existing network the gateway's dedicated subnet is named here.
        integrationSubnetId: network.addDelegatedSubnet('GatewaySubnet', { name: 'apim-integration', cidr: '10.0.2.0/27', egress: true }).id,
        databricksBackends: [{ endpoint: llama, modelName: MODEL_NAME }],
      },
      signInPrincipals: [Principal.fromGroupObjectId(this, 'ChatUsers', CHAT_USERS_GROUP)],
      adminGroups: [Principal.fromGroupObjectId(this, 'ChatAdmins', CHAT_ADMINS_GROUP)],
      history: { entraAdministrator: { objectId: DB_OPERATORS_GROUP, principalName: 'Chat DB operators' } },
    });

    // What the serving stack needs (its variables of the same names).
    const caller = chat.gateway!.databricksCaller!;
    new TerraformOutput(this, 'databricks_workspace_resource_id', { value: workspace.workspaceResourceId });
    new TerraformOutput(this, 'databricks_workspace_url', { value: workspace.workspaceUrl });
    new TerraformOutput(this, 'gateway_identity_id', { value: caller.identityId });
    new TerraformOutput(this, 'gateway_identity_client_id', { value: caller.clientId });
    new TerraformOutput(this, 'gateway_identity_principal_id', { value: caller.principalId });
    new TerraformOutput(this, 'gateway_identity_tenant_id', { value: caller.tenantId });
  }
}

export class DatabricksServingStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const input = (name: string, description: string) => new TerraformVariable(this, name, { type: 'string', description }).stringValue;
    const workspaceResourceId = input('databricks_workspace_resource_id', 'Output databricks_workspace_resource_id of the chat stack');

    // Azure credentials only (the runner's managed identity), never a personal access token.
    new DatabricksProvider(this, 'databricks', { azureWorkspaceResourceId: workspaceResourceId, authType: 'azure-msi' });
    const workspace = DatabricksWorkspace.fromAttributes(this, 'Workspace', {
      workspaceResourceId,
      workspaceUrl: input('databricks_workspace_url', 'Output databricks_workspace_url of the chat stack'),
      hasPrivateEndpoint: true,
      location: LOCATION,
    });
    const gateway = ChatIdentity.fromIdentityAttributes(this, 'GatewayIdentity', {
      identityId: input('gateway_identity_id', 'Output gateway_identity_id of the chat stack'),
      clientId: input('gateway_identity_client_id', 'Output gateway_identity_client_id of the chat stack'),
      principalId: input('gateway_identity_principal_id', 'Output gateway_identity_principal_id of the chat stack'),
      tenantId: input('gateway_identity_tenant_id', 'Output gateway_identity_tenant_id of the chat stack'),
    });

    // Llama 3.3 70B Instruct from Databricks' catalogue, on provisioned throughput, sized in
    // tokens-per-second bands. Scale to zero stays off: a chat user would wait minutes for a cold start.
    new DatabricksServingEndpoint(this, 'Llama', {
      workspace,
      endpointName: ENDPOINT_NAME,
      modelName: 'system.ai.meta_llama_v3_3_70b_instruct',
      modelVersion: '3',
      minProvisionedThroughput: 0,
      maxProvisionedThroughput: 9500,
      appliedFromInsideNetwork: 'self-hosted runner in the chat VNet (or a peered hub) resolving privatelink.azuredatabricks.net',
      caller: gateway,
    });
  }
}

if (require.main === module) {
  const app = new App();
  new DatabricksChatStack(app, 'chat');
  new DatabricksServingStack(app, 'serving');
  app.synth();
}
