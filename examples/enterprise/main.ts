// The enterprise shape of the private chat: conversation history kept 30 days, one
// customer-managed key for everything that stores data, the chat app's image pulled through a
// private registry mirror, and an open model beside an OpenAI model on one Foundry account.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { DeploymentSku, Encryption, PrivateChat } from 'cdktf-private-chat';

export class EnterpriseStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });

    new PrivateChat(this, 'chat', {
      location: 'swedencentral',
      models: [
        { name: 'gpt-5-4-mini', modelName: 'gpt-5.4-mini', modelVersion: '2026-03-17', sku: DeploymentSku.DATA_ZONE_STANDARD, capacity: 20 },
        { name: 'llama-4-maverick', modelName: 'Llama-4-Maverick-17B-128E-Instruct-FP8', modelVersion: '1', modelFormat: 'Meta', capacity: 10 },
      ],
      history: { retentionDays: 30 },
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
