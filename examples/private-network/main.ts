// The network every other piece plugs into: a locked-down VNet, the privatelink DNS zones
// linked to it, and the Log Analytics workspace that receives every resource's logs.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Monitoring, PrivateDnsZones, PrivateNetwork } from 'cdktf-private-chat';

export class PrivateNetworkStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });

    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-private-network', location: 'swedencentral' });
    const network = new PrivateNetwork(this, 'Network', {
      resourceGroupName: rg.name,
      location: rg.location,
    });
    new PrivateDnsZones(this, 'DnsZones', { resourceGroupName: rg.name, network });
    new Monitoring(this, 'Monitoring', { resourceGroupName: rg.name, location: rg.location });
  }
}

if (require.main === module) {
  const app = new App();
  new PrivateNetworkStack(app, 'private-network');
  app.synth();
}
