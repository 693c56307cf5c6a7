// The whole product in the five lines of the architecture: a network-isolated ChatGPT
// equivalent on Azure. Everything else is a default (see the README's picture).
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, AzurermBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { PrivateChat } from 'cdktf-private-chat';

export class PrivateChatStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });
    new PrivateChat(this, 'chat', { location: 'swedencentral' });

    // Remote state in an Azure Storage account (see docs/deploy.md). Entra auth, no storage keys.
    new AzurermBackend(this, {
      resourceGroupName: 'rg-tfstate',
      storageAccountName: 'sttfstatechat',
      containerName: 'tfstate',
      key: 'private-chat.tfstate',
      useAzureadAuth: true,
    });
  }
}

if (require.main === module) {
  const app = new App();
  new PrivateChatStack(app, 'chat');
  app.synth();
}
