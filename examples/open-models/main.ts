// Model-agnostic and private: one Microsoft Foundry account serving an OpenAI model and three
// open models (Meta Llama, DeepSeek, OpenAI's open-weight gpt-oss) behind the same private
// endpoint and the same content filter, with a Foundry project for the team that builds agents.
// Every model is called the same way: the account's OpenAI-compatible /openai/v1/ endpoint,
// an Entra token, and the deployment name as `model` (see README.md).
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AiAccount, Compliance, DeploymentSku, EndpointCaller, Monitoring, Principal, PrivateDnsZones, PrivateNetwork } from 'cdktf-private-chat';

/** Entra group of the people and workloads allowed to call the models (an example object id). */
const MODEL_USERS_GROUP = '22222222-3333-4444-5555-666666666666';
/** Entra group of the team that builds agents in the project (an example object id). */
const AGENT_BUILDERS_GROUP = '33333333-4444-5555-6666-777777777777';
/** Open models are sold only as GlobalStandard: a deliberate, named opt-in to processing outside the data zone. */
const GLOBAL = { sku: DeploymentSku.GLOBAL_STANDARD, allowGlobalProcessing: true };

export class OpenModelsStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AzurermProvider(this, 'azurerm', { features: [{}] });

    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-open-models', location: 'swedencentral' });
    const network = new PrivateNetwork(this, 'Network', { resourceGroupName: rg.name, location: rg.location });
    const dnsZones = new PrivateDnsZones(this, 'DnsZones', { resourceGroupName: rg.name, network });
    const monitoring = new Monitoring(this, 'Monitoring', { resourceGroupName: rg.name, location: rg.location });

    const models = new AiAccount(this, 'Models', {
      resourceGroupName: rg.name,
      location: rg.location,
      network,
      dnsZones,
      monitoring,
      // The format of each model comes from the library's model catalogue; every deployment is
      // pinned and behind the content filter. These open models are sold only as GlobalStandard,
      // so this example deliberately accepts global processing (allowGlobalProcessing,
      // PCHAT-DEP-004): Azure may process their prompts in any region. gpt-5.4 stays in the EU
      // data zone.
      models: [
        { name: 'gpt-5-4', modelName: 'gpt-5.4', modelVersion: '2026-03-05', sku: DeploymentSku.DATA_ZONE_STANDARD, capacity: 10 },
        { name: 'llama-4-maverick', modelName: 'Llama-4-Maverick-17B-128E-Instruct-FP8', modelVersion: '1', ...GLOBAL, capacity: 10 },
        { name: 'deepseek-v3-2', modelName: 'DeepSeek-V3.2', modelVersion: '1', ...GLOBAL, capacity: 10 },
        { name: 'gpt-oss-120b', modelName: 'gpt-oss-120b', modelVersion: '1', ...GLOBAL, capacity: 10 },
      ],
    });

    const users = Principal.fromGroupObjectId(this, 'ModelUsers', MODEL_USERS_GROUP);
    models.grantUse(users);
    // Who may reach the endpoint on the network: apps in this VNet and the peered hub (HTTPS).
    models.privateEndpoint.allowFrom(EndpointCaller.virtualNetwork(), 'Apps in the VNet and the hub');

    const agents = models.addProject('Agents', { name: 'agents', displayName: 'Agents', description: 'Agents built on the private models' });
    agents.grantUse(Principal.fromGroupObjectId(this, 'AgentBuilders', AGENT_BUILDERS_GROUP));

    new TerraformOutput(this, 'openai_v1_base_url', { value: models.openAiV1Endpoint });
    new TerraformOutput(this, 'deployments', { value: models.deployments.map((d) => d.deploymentName) });

    Compliance.applyTo(this);
  }
}

if (require.main === module) {
  const app = new App();
  new OpenModelsStack(app, 'open-models');
  app.synth();
}
