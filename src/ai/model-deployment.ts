import { CognitiveDeployment } from '@cdktf/provider-azurerm/lib/cognitive-deployment';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { DeploymentSku, ModelDeploymentOptions, VersionUpgradeOption } from './deployment-options';
import { isGlobalSku } from './private/data-zones';
import { capacityRule, validateDeploymentOptions } from './private/deployment-validation';
import { checkModelAgainstCatalogue } from './private/model-checks';
import { BUILT_IN_RAI_POLICIES, DEPLOYMENT_PROPS_SHAPE, isUnknownBuiltInPolicy } from './private/shapes';
import { Compliance } from '../compliance/compliance';
import { DEPLOYMENT_DATA_ZONE_RULE_ID } from '../compliance/rules/deployment-data-zone';
import { checkOneOf, checkResourceId, checkShape, isUnresolved, warn } from '../core/private/validate';

export * from './deployment-options';

/** Props of {@link ModelDeployment}. */
export interface ModelDeploymentProps extends ModelDeploymentOptions {
  /** Resource id of the AI account (Azure OpenAI or AIServices). */
  readonly cognitiveAccountId: string;
  /**
   * Resources that must be created first: the previous deployment on the same account, since
   * Azure rejects concurrent writes to one account.
   *
   * @default - none
   */
  readonly dependsOn?: ITerraformDependable[];
}

const UPGRADE_OPTIONS = [
  VersionUpgradeOption.NO_AUTO_UPGRADE, VersionUpgradeOption.ONCE_NEW_DEFAULT_VERSION_AVAILABLE, VersionUpgradeOption.ONCE_CURRENT_VERSION_EXPIRED,
];

/**
 * A model deployment (`azurerm_cognitive_deployment`): an OpenAI model on an Azure OpenAI or
 * AIServices account, or an open model (Meta, DeepSeek, Mistral AI, xAI, gpt-oss, …) sold
 * directly by Azure on an AIServices (Foundry) account.
 *
 * Prefer {@link AiAccount.addDeployment} or {@link OpenAiAccount.addDeployment}, which chain
 * deployments one after another and attach the account's content filter.
 *
 * The model is checked at synth against the {@link ModelCatalogue} (see
 * {@link ModelDeploymentOptions.modelVersion}): retired versions, SKUs the model is not offered
 * on and a wrong format fail; deprecated, legacy, preview and soon-retiring versions, models not
 * sold directly by Azure and models missing from the table give warnings
 * (`model-deprecated`, `model-legacy`, `model-preview`, `model-retiring`,
 * `model-not-sold-directly`, `model-sku-unconfirmed`, `unknown-model`).
 *
 * @see https://learn.microsoft.com/azure/ai-foundry/openai/how-to/create-resource#deploy-a-model
 */
export class ModelDeployment extends Construct {
  /** Deployment name: the `model` value clients send. */
  public readonly deploymentName: string;
  /** Model name. */
  public readonly modelName: string;
  /** Pinned model version. */
  public readonly modelVersion: string;
  /** Model format written to `model.format`, e.g. `OpenAI` or `Meta`. */
  public readonly modelFormat: string;
  /** Deployment type. */
  public readonly sku: DeploymentSku;
  /** Capacity, in the SKU family's unit. */
  public readonly capacity: number;
  /** The `azurerm_cognitive_deployment` (escape hatch). */
  public readonly resource: CognitiveDeployment;

  constructor(scope: Construct, id: string, props: ModelDeploymentProps) {
    super(scope, id);
    checkShape(this, props, DEPLOYMENT_PROPS_SHAPE);
    checkResourceId(this, 'cognitiveAccountId', props.cognitiveAccountId, 'Microsoft.CognitiveServices/accounts');
    validateDeploymentOptions(this, '', props);
    checkOneOf(this, 'versionUpgradeOption', props.versionUpgradeOption, UPGRADE_OPTIONS);
    const sku = props.sku ?? DeploymentSku.DATA_ZONE_STANDARD;
    const { format } = checkModelAgainstCatalogue(this, '', {
      modelName: props.modelName,
      modelVersion: props.modelVersion,
      modelFormat: props.modelFormat,
      sku,
      allowUnknownModel: props.allowUnknownModel,
    });
    const policy = props.raiPolicyName;
    if (policy !== undefined && !isUnresolved(policy) && isUnknownBuiltInPolicy(policy)) {
      warn(this, 'unknown-rai-policy', `'raiPolicyName' is '${policy}', which is neither one of Azure's built-in policies `
        + `(${BUILT_IN_RAI_POLICIES.map((b) => `'${b}'`).join(', ')}) nor a custom policy (custom policy names have no '.'): the deployment fails at apply`);
    }
    const upgrade = props.versionUpgradeOption ?? VersionUpgradeOption.NO_AUTO_UPGRADE;
    if (upgrade !== VersionUpgradeOption.NO_AUTO_UPGRADE) {
      warn(this, 'auto-upgrade', `'versionUpgradeOption' is '${upgrade}': Azure may change the model under the application; pin with NO_AUTO_UPGRADE`);
    }

    this.sku = sku;
    this.capacity = props.capacity ?? capacityRule(this.sku).defaultCapacity;
    this.modelName = props.modelName;
    this.modelVersion = props.modelVersion;
    this.modelFormat = format;
    this.deploymentName = props.name ?? props.modelName;
    this.resource = new CognitiveDeployment(this, 'Resource', {
      name: this.deploymentName,
      cognitiveAccountId: props.cognitiveAccountId,
      model: { format: this.modelFormat, name: props.modelName, version: props.modelVersion },
      sku: { name: this.sku.name, capacity: this.capacity },
      versionUpgradeOption: upgrade,
      raiPolicyName: props.raiPolicyName ?? 'Microsoft.DefaultV2',
      dependsOn: props.dependsOn,
    });
    if (isGlobalSku(sku.name) && props.allowGlobalProcessing === true) {
      Compliance.acknowledge(this.resource, DEPLOYMENT_DATA_ZONE_RULE_ID, `allowGlobalProcessing is true: the user accepted that the '${sku.name}' `
        + 'deployment may process prompts and completions in any Azure region, outside the account\'s data zone');
    }
  }
}
