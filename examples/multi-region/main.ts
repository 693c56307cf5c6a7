// Two regions behind one private AI gateway: the chat runs in Sweden Central, and the gateway
// fails over to a second Foundry account in France Central when the first answers 429 or 5xx.
// Each account has its private endpoint in its own region's spoke, registered in the hub's
// privatelink zones, so both are reachable from the hub; the two spokes are peered so that the
// gateway reaches the second region privately.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { VirtualNetworkPeering } from '@cdktf/provider-azurerm/lib/virtual-network-peering';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AiAccount, DeploymentSku, Monitoring, MonitorPrivateLinkScope, Principal, PrivateChat, PrivateDnsZones, PrivateNetwork } from 'cdktf-private-chat';

const SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-000000000000';
const HUB_DNS = `${SUBSCRIPTION}/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones`;
// Both regions are in the EU data zone, and gpt-5.4 is DataZoneStandard in both: prompts stay in the EU.
// Entra ID groups (object ids): who may sign in, who administers Open WebUI, who operates the database.
const CHAT_USERS_GROUP = '44444444-5555-6666-7777-888888888888';
const CHAT_ADMINS_GROUP = '55555555-6666-7777-8888-999999999999';
const DB_OPERATORS_GROUP = '66666666-7777-8888-9999-aaaaaaaaaaaa';
const MODEL = { name: 'gpt-5-4', modelName: 'gpt-5.4', modelVersion: '2026-03-05', sku: DeploymentSku.DATA_ZONE_STANDARD, capacity: 20 };

export class MultiRegionStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });

    // The hub's zones, shared by both regions (one private endpoint per account, one A record each).
    const dnsZones = PrivateDnsZones.fromHubZoneIds(this, 'HubDnsZones', {
      aiServices: `${HUB_DNS}/privatelink.services.ai.azure.com`,
      openAi: `${HUB_DNS}/privatelink.openai.azure.com`,
      cognitiveServices: `${HUB_DNS}/privatelink.cognitiveservices.azure.com`,
      keyVault: `${HUB_DNS}/privatelink.vaultcore.azure.net`,
      appService: `${HUB_DNS}/privatelink.azurewebsites.net`,
      postgreSql: `${HUB_DNS}/privatelink.postgres.database.azure.com`,
      apiManagement: `${HUB_DNS}/privatelink.azure-api.net`,
      // The file store for uploads (on by default with Open WebUI) registers its blob endpoint here.
      blob: `${HUB_DNS}/privatelink.blob.core.windows.net`,
    });

    // Region B: a spoke and a Foundry account with the same deployment, no chat app.
    const groupB = new ResourceGroup(this, 'RegionB', { name: 'rg-chat-francecentral', location: 'francecentral' });
    const common = { resourceGroupName: groupB.name, location: 'francecentral' };
    const networkB = new PrivateNetwork(this, 'NetworkB', { ...common, addressSpace: '10.1.0.0/16', privateEndpointSubnetCidr: '10.1.0.0/24', appIntegrationSubnetCidr: '10.1.1.0/24' });
    const monitoringB = new Monitoring(this, 'MonitoringB', common);
    const accountB = new AiAccount(this, 'AccountB', { ...common, network: networkB, dnsZones, monitoring: monitoringB, models: [MODEL] });

    // Region A: the whole chat, with the gateway in front of its own account and region B's.
    const chat = new PrivateChat(this, 'chat', {
      location: 'swedencentral',
      dnsZones,
      models: [MODEL],
      signInPrincipals: [Principal.fromGroupObjectId(this, 'ChatUsers', CHAT_USERS_GROUP)],
      adminGroups: [Principal.fromGroupObjectId(this, 'ChatAdmins', CHAT_ADMINS_GROUP)],
      history: { entraAdministrator: { objectId: DB_OPERATORS_GROUP, principalName: 'Chat DB operators' } },
      gateway: {
        publisherEmail: 'platform@contoso.com',
        additionalBackends: [{ account: accountB, priority: 2 }],
        tokensPerMinutePerUser: 20_000,
        tokensPerDayPerUser: 500_000,
        // The hub's Azure Monitor Private Link Scope carries the token metrics: a network's DNS
        // holds one scope, and the hub already has its endpoint and the five monitor zones.
        monitorPrivateLinkScope: MonitorPrivateLinkScope.fromScopeId(this, 'HubMonitorScope',
          `${SUBSCRIPTION}/resourceGroups/rg-hub-monitor/providers/Microsoft.Insights/privateLinkScopes/ampls-hub`),
      },
    });

    // The gateway (in spoke A) reaches account B's private endpoint (in spoke B) over peering.
    const networkA = chat.network as PrivateNetwork;
    new VirtualNetworkPeering(this, 'PeeringAToB', {
      name: 'peer-a-to-b',
      resourceGroupName: chat.resourceGroupName,
      virtualNetworkName: networkA.virtualNetworkName,
      remoteVirtualNetworkId: networkB.virtualNetworkId,
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: false,
    });
    new VirtualNetworkPeering(this, 'PeeringBToA', {
      name: 'peer-b-to-a',
      resourceGroupName: groupB.name,
      virtualNetworkName: networkB.virtualNetworkName,
      remoteVirtualNetworkId: networkA.virtualNetworkId,
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: false,
    });
  }
}

if (require.main === module) {
  const app = new App();
  new MultiRegionStack(app, 'multi-region');
  app.synth();
}
