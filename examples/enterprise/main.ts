// The production reference of the private chat, sized for thousands of people (docs/sizing.md):
// three zone-redundant app instances that autoscale to ten, the private Redis they share, uploads
// in a private storage account, chat with your documents (vectors in the history database,
// embeddings through the AI gateway with no model key), a zone-redundant history database kept 30
// days, one customer-managed key for everything that stores data, the image pulled through a
// private registry mirror, and an open model beside an OpenAI model on one Foundry account.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ChatScale, DeploymentSku, Encryption, HighAvailabilityMode, Principal, PrivateChat } from 'cdktf-private-chat';

// Entra ID groups the identity team runs (object ids): who may sign in, who administers Open WebUI,
// and who operates the history database.
const CHAT_USERS_GROUP = '44444444-5555-6666-7777-888888888888';
const CHAT_ADMINS_GROUP = '55555555-6666-7777-8888-999999999999';
const DB_OPERATORS_GROUP = '66666666-7777-8888-9999-aaaaaaaaaaaa';

export class EnterpriseStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });

    new PrivateChat(this, 'chat', {
      location: 'swedencentral',
      models: [
        // Processed in the EU data zone: gpt-5.4 is DataZoneStandard in swedencentral (gpt-5.4-mini is not).
        { name: 'gpt-5-4', modelName: 'gpt-5.4', modelVersion: '2026-03-05', sku: DeploymentSku.DATA_ZONE_STANDARD, capacity: 20 },
        // Deliberately global: Llama 4 Maverick is sold only as GlobalStandard, so its prompts may be
        // processed in any Azure region. allowGlobalProcessing records that choice (PCHAT-DEP-004).
        {
          name: 'llama-4-maverick',
          modelName: 'Llama-4-Maverick-17B-128E-Instruct-FP8',
          modelVersion: '1',
          modelFormat: 'Meta',
          sku: DeploymentSku.GLOBAL_STANDARD,
          allowGlobalProcessing: true,
          capacity: 10,
        },
      ],
      // Sign-in requires assignment: only these groups get in, and only the admins' group administers.
      signInPrincipals: [Principal.fromGroupObjectId(this, 'ChatUsers', CHAT_USERS_GROUP)],
      adminGroups: [Principal.fromGroupObjectId(this, 'ChatAdmins', CHAT_ADMINS_GROUP)],
      // Three P1v3 instances, one per availability zone, autoscaling to 10 on CPU and requests.
      scale: ChatScale.production(),
      // Every call to a model goes through the gateway, which meters each user; document chat's
      // embeddings too, with a key the gateway issues (Open WebUI sends embeddings only with a key).
      gateway: { publisherEmail: 'platform-team@contoso.example' },
      documentChat: {},
      history: {
        retentionDays: 30,
        // A standby in another zone: General Purpose, since Burstable servers have none.
        skuName: 'GP_Standard_D2ds_v5',
        highAvailability: HighAvailabilityMode.ZONE_REDUNDANT,
        // Operators sign in to the database with Entra tokens, not the shared administrator password.
        entraAdministrator: { objectId: DB_OPERATORS_GROUP, principalName: 'Chat DB operators' },
      },
      encryption: Encryption.customerManagedKey(),
      imageMirror: true,
      tags: { 'environment': 'prod', 'data-classification': 'confidential' },
    });
  }
}

if (require.main === module) {
  const app = new App();
  new EnterpriseStack(app, 'enterprise');
  app.synth();
}
