// The five lines with the AI gateway on: Open WebUI calls a private API Management instance, which
// validates the app's identity token, limits every user's tokens per minute and per day, logs usage
// for the workbook, and calls the Foundry account as its own identity.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { PrivateChat } from 'cdktf-private-chat';

export class PrivateChatGatewayStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });
    new PrivateChat(this, 'chat', {
      location: 'swedencentral',
      gateway: { publisherEmail: 'platform@contoso.com' },
    });
  }
}

if (require.main === module) {
  const app = new App();
  new PrivateChatGatewayStack(app, 'chat-gateway');
  app.synth();
}
