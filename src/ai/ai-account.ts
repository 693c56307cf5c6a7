import { Construct } from 'constructs';
import { AiAccountAttributes, AiAccountProps, IAiAccount } from './ai-account-props';
import { FoundryProject, FoundryProjectOptions } from './foundry-project';
import { ModelDeploymentOptions } from './model-deployment';
import { AZURE_AI_USER_ROLE } from './private/model-account';
import { _ImportedModelAccount, _ModelAccount, checkAddArgs, DEFAULT_MODELS } from './private/model-account-base';
import { FOUNDRY_PROJECT_OPTIONS_SHAPE } from './private/project-shapes';
import { accountShape } from './private/shapes';
import { isUnresolved, propError } from '../core/private/validate';
import { PrivateLinkZone } from '../network/private-dns-zones';

/**
 * A Microsoft Foundry account (`azurerm_cognitive_account` kind `AIServices`) reachable only
 * through a private endpoint: OpenAI models and open models (Llama, DeepSeek, Mistral, gpt-oss,
 * Grok) behind one endpoint, with Entra ID authentication only, a content filter on every
 * deployment, model deployments created one at a time, and Foundry projects.
 *
 * - kind `AIServices`, SKU `S0`, project management on, a custom subdomain; public network
 *   access off; network ACL default Deny; key authentication off; outbound access restricted to
 *   `allowedFqdns`; a system-assigned identity;
 * - one private endpoint (`account`) whose zone group holds the three zones a Foundry account
 *   answers on: `privatelink.services.ai.azure.com`, `privatelink.openai.azure.com` and
 *   `privatelink.cognitiveservices.azure.com` (or none, when the hub's Azure Policy manages zone
 *   groups); created after a short wait, because an endpoint on an account that is still
 *   provisioning fails;
 * - a diagnostic setting sending `Audit`, `RequestResponse` and `AzureOpenAIRequestUsage` logs
 *   and all metrics to the workspace;
 * - `lifecycle.prevent_destroy` unless `preventDestroy: false`.
 *
 * Every model is called through the OpenAI-compatible endpoint, `{@link openAiV1Endpoint}`,
 * with the deployment name as `model` and an Entra token for `https://cognitiveservices.azure.com/.default`.
 *
 * @see https://learn.microsoft.com/azure/foundry/foundry-models/concepts/endpoints
 * @see https://learn.microsoft.com/azure/foundry/how-to/configure-private-link
 */
export class AiAccount extends _ModelAccount {
  /**
   * The deployments an account makes when `models` is left out (one current GA chat model in the
   * region's data zone, small capacity), as fresh copies: e.g. to add one beside them.
   */
  public static defaultModels(): ModelDeploymentOptions[] {
    return DEFAULT_MODELS.map((m) => ({ ...m }));
  }

  /**
   * Uses an existing Foundry account: nothing is created; `grantUse` assigns `Azure AI User`, also
   * on an account in another subscription (the assignment's scope is the whole id).
   */
  public static fromAttributes(scope: Construct, id: string, attrs: AiAccountAttributes): IAiAccount {
    return new ImportedAiAccount(scope, id, attrs);
  }

  /** Foundry endpoint, `https://<custom subdomain>.services.ai.azure.com/`. */
  public readonly servicesEndpoint: string;
  /**
   * OpenAI-compatible v1 base URL for every model of the account,
   * `https://<custom subdomain>.openai.azure.com/openai/v1/`: no `api-version`, the deployment
   * name as `model`.
   */
  public readonly openAiV1Endpoint: string;
  /** Foundry projects, in creation order. */
  public readonly projects: FoundryProject[] = [];

  constructor(scope: Construct, id: string, props: AiAccountProps) {
    super(scope, id, props, {
      kind: 'AIServices',
      defaultModels: DEFAULT_MODELS,
      zones: [PrivateLinkZone.AI_SERVICES, PrivateLinkZone.OPENAI, PrivateLinkZone.COGNITIVE_SERVICES],
      useRole: AZURE_AI_USER_ROLE,
    }, accountShape());
    this.servicesEndpoint = `https://${this.customSubdomainName}.services.ai.azure.com/`;
    this.openAiV1Endpoint = `${this.endpoint}openai/v1/`;
  }

  /**
   * Adds a Foundry project, created after every deployment and project added before (Azure
   * rejects concurrent writes to one account). Grant people access with
   * {@link FoundryProject.grantUse} or {@link FoundryProject.grantManage}.
   *
   * @param id construct id of the project
   */
  public addProject(id: string, options: FoundryProjectOptions = {}): FoundryProject {
    checkAddArgs(this, 'addProject', 'project', id, options, FOUNDRY_PROJECT_OPTIONS_SHAPE);
    const name = options.name;
    const clash = name === undefined || isUnresolved(name) ? undefined
      : this.projects.find((p) => !isUnresolved(p.projectName) && p.projectName.toLowerCase() === name.toLowerCase());
    if (clash) {
      throw propError(this, `addProject(${id}).name`, `must be unique within the account ('${clash.projectName}' is already used by '${clash.node.path}'; names compare case-insensitively)`, name);
    }
    const project = new FoundryProject(this, id, {
      ...options,
      cognitiveAccountId: this.accountId,
      location: this.location,
      dependsOn: [this._lastInChain],
    });
    this.projects.push(project);
    this._lastInChain = project.resource;
    return project;
  }
}

class ImportedAiAccount extends _ImportedModelAccount {
  /** Shown in error messages instead of this internal class name. */
  public static readonly errorKind = 'AiAccount.fromAttributes';

  constructor(scope: Construct, id: string, attrs: AiAccountAttributes) {
    super(scope, id, attrs, AZURE_AI_USER_ROLE);
  }
}
