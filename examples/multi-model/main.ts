// Several model deployments behind one private account, with a stricter content filter than
// the default. Open WebUI offers every chat deployment (not the embeddings one) and opens on the
// chosen one.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ContentFilterSeverity, DeploymentSku, PrivateChat } from 'cdktf-private-chat';

export class MultiModelStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });

    const strict = { promptSeverity: ContentFilterSeverity.LOW, completionSeverity: ContentFilterSeverity.LOW };
    new PrivateChat(this, 'chat', {
      location: 'swedencentral',
      models: [
        // Deliberately global (allowGlobalProcessing, PCHAT-DEP-004): Llama 4 Maverick is sold only as
        // GlobalStandard, and gpt-5.4-mini is DataZoneStandard in the US data zone only, so Azure may
        // process these two deployments' prompts in any region.
        { name: 'chat', modelName: 'Llama-4-Maverick-17B-128E-Instruct-FP8', modelVersion: '1', sku: DeploymentSku.GLOBAL_STANDARD, allowGlobalProcessing: true, capacity: 20 },
        { name: 'chat-mini', modelName: 'gpt-5.4-mini', modelVersion: '2026-03-17', sku: DeploymentSku.GLOBAL_STANDARD, allowGlobalProcessing: true, capacity: 10 },
        // Processed in the EU data zone.
        { name: 'reasoning', modelName: 'gpt-5.4', modelVersion: '2026-03-05', sku: DeploymentSku.DATA_ZONE_STANDARD, capacity: 5 },
        { name: 'embeddings', modelName: 'text-embedding-3-small', modelVersion: '1', sku: DeploymentSku.DATA_ZONE_STANDARD, capacity: 10 },
      ],
      chatDeploymentName: 'chat',
      contentFilter: {
        name: 'strict',
        hate: strict,
        sexual: strict,
        violence: strict,
        selfHarm: strict,
        jailbreakShield: true,
        indirectAttackShield: true,
      },
    });
  }
}

if (require.main === module) {
  const app = new App();
  new MultiModelStack(app, 'multi-model');
  app.synth();
}
