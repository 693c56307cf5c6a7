// A spoke in an enterprise landing zone: the platform team already runs the VNet and subnets,
// the privatelink DNS zones (in the hub, resolved from the corporate network) and the central
// Log Analytics workspace. This stack creates none of those; it only adds the chat workload.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { Monitoring, PrivateChat, PrivateDnsZones, PrivateNetwork, SignIn } from 'cdktf-private-chat';

const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000000';
const HUB_DNS = `${SUBSCRIPTION}/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones`;
// The platform's Entra ID group of database operators (object id).
const DB_OPERATORS_GROUP = '66666666-7777-8888-9999-aaaaaaaaaaaa';
const SPOKE_VNET = `${SUBSCRIPTION}/resourceGroups/rg-spoke-chat-network/providers/Microsoft.Network/virtualNetworks/vnet-spoke-chat`;

export class HubSpokeStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });

    const network = PrivateNetwork.fromAttributes(this, 'SpokeNetwork', {
      virtualNetworkId: SPOKE_VNET,
      privateEndpointSubnetId: `${SPOKE_VNET}/subnets/snet-private-endpoints`,
      appIntegrationSubnetId: `${SPOKE_VNET}/subnets/snet-app-integration`,
    });
    const dnsZones = PrivateDnsZones.fromHubZoneIds(this, 'HubDnsZones', {
      aiServices: `${HUB_DNS}/privatelink.services.ai.azure.com`,
      openAi: `${HUB_DNS}/privatelink.openai.azure.com`,
      cognitiveServices: `${HUB_DNS}/privatelink.cognitiveservices.azure.com`,
      keyVault: `${HUB_DNS}/privatelink.vaultcore.azure.net`,
      appService: `${HUB_DNS}/privatelink.azurewebsites.net`,
      postgreSql: `${HUB_DNS}/privatelink.postgres.database.azure.com`,
      // The file store for uploads (on by default with Open WebUI) registers its blob endpoint here.
      blob: `${HUB_DNS}/privatelink.blob.core.windows.net`,
    });
    const monitoring = Monitoring.fromWorkspaceId(this, 'CentralWorkspace',
      `${SUBSCRIPTION}/resourceGroups/rg-platform-logs/providers/Microsoft.OperationalInsights/workspaces/log-platform`);

    const clientSecret = new TerraformVariable(this, 'chat_client_secret', {
      type: 'string',
      sensitive: true,
      description: 'Client secret of the existing Entra app registration of the chat app',
    });

    new PrivateChat(this, 'chat', {
      location: 'swedencentral',
      resourceGroupName: 'rg-spoke-chat',
      network,
      dnsZones,
      monitoring,
      // The identity team owns app registrations here; the client secret arrives as a sensitive
      // variable (TF_VAR_chat_client_secret) and is stored in the stack's Key Vault. It also
      // defines the User and Admin app roles, requires assignment and assigns the groups in Entra ID
      // (docs/front-ends.md, "Who gets in"), so this stack assigns nobody and needs no Graph access.
      signIn: SignIn.withExistingRegistration({
        clientId: '11111111-2222-3333-4444-555555555555',
        clientSecret: clientSecret.stringValue,
        clientSecretExpirationDate: '2027-06-30T00:00:00Z',
      }),
      // Operators sign in to the database with Entra tokens, not the shared administrator password.
      history: { entraAdministrator: { objectId: DB_OPERATORS_GROUP, principalName: 'Chat DB operators' } },
      tags: { workload: 'private-chat', environment: 'prod' },
    });
  }
}

if (require.main === module) {
  const app = new App();
  new HubSpokeStack(app, 'hub-spoke');
  app.synth();
}
