// The five lines with the AI gateway on: Open WebUI calls a private API Management instance, which
// validates the app's identity token, limits every user's tokens per minute and per day, logs usage
// for the workbook, and calls the Foundry account as its own identity. As in production, it names
// the groups who sign in and administer, and the database's Entra administrator.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Principal, PrivateChat } from 'cdktf-private-chat';

// Entra ID groups (object ids): who may sign in, who administers Open WebUI, who operates the database.
const CHAT_USERS_GROUP = '44444444-5555-6666-7777-888888888888';
const CHAT_ADMINS_GROUP = '55555555-6666-7777-8888-999999999999';
const DB_OPERATORS_GROUP = '66666666-7777-8888-9999-aaaaaaaaaaaa';

export class PrivateChatGatewayStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });
    new PrivateChat(this, 'chat', {
      location: 'swedencentral',
      gateway: { publisherEmail: 'platform@contoso.com' },
      signInPrincipals: [Principal.fromGroupObjectId(this, 'ChatUsers', CHAT_USERS_GROUP)],
      adminGroups: [Principal.fromGroupObjectId(this, 'ChatAdmins', CHAT_ADMINS_GROUP)],
      history: { entraAdministrator: { objectId: DB_OPERATORS_GROUP, principalName: 'Chat DB operators' } },
    });
  }
}

if (require.main === module) {
  const app = new App();
  new PrivateChatGatewayStack(app, 'chat-gateway');
  app.synth();
}
