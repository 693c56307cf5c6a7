// An Azure OpenAI account (kind OpenAI) reachable only through a private endpoint: the network
// foundation, then the account with a chat model and an embeddings model, deployed one after the
// other behind the library's default content filter. New stacks use AiAccount (see open-models);
// this is the shape of a stack that keeps its OpenAI-kind account.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { DeploymentSku, EndpointCaller, Monitoring, OpenAiAccount, PrivateDnsZones, PrivateNetwork } from 'cdktf-private-chat';

export class PrivateOpenAiStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });

    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-private-openai', location: 'swedencentral' });
    const network = new PrivateNetwork(this, 'Network', { resourceGroupName: rg.name, location: rg.location });
    const dnsZones = new PrivateDnsZones(this, 'DnsZones', { resourceGroupName: rg.name, network });
    const monitoring = new Monitoring(this, 'Monitoring', { resourceGroupName: rg.name, location: rg.location });

    const account = new OpenAiAccount(this, 'OpenAi', {
      resourceGroupName: rg.name,
      location: rg.location,
      network,
      dnsZones,
      monitoring,
      models: [
        // Processed in the EU data zone: gpt-5.4 and text-embedding-3-small are DataZoneStandard in
        // swedencentral (gpt-5.4-mini is not; text-embedding-3-small has no Standard deployment there).
        { name: 'chat', modelName: 'gpt-5.4', modelVersion: '2026-03-05', sku: DeploymentSku.DATA_ZONE_STANDARD, capacity: 10 },
        { name: 'embeddings', modelName: 'text-embedding-3-small', modelVersion: '1', sku: DeploymentSku.DATA_ZONE_STANDARD, capacity: 10 },
      ],
    });
    // Who may reach the endpoint on the network: apps in this VNet and the peered hub (HTTPS).
    account.privateEndpoint.allowFrom(EndpointCaller.virtualNetwork(), 'Apps in the VNet and the hub');
  }
}

if (require.main === module) {
  const app = new App();
  new PrivateOpenAiStack(app, 'private-openai');
  app.synth();
}
