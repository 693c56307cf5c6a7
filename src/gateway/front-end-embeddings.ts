import { ApiManagementApi } from '@cdktf/provider-azurerm/lib/api-management-api';
import { ApiManagementApiOperation } from '@cdktf/provider-azurerm/lib/api-management-api-operation';
import { ApiManagementApiPolicy } from '@cdktf/provider-azurerm/lib/api-management-api-policy';
import { ApiManagementSubscription } from '@cdktf/provider-azurerm/lib/api-management-subscription';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { distance } from 'fastest-levenshtein';
import { deploymentsOf } from './private/capacity';
import { EmbeddingsBackend, EmbeddingsConfig } from './private/embeddings-config';
import { OPERATIONS } from './private/operations';
import { buildEmbeddingsPolicyXml } from './private/policy';
import { ModelCatalogue, ModelKind } from '../ai/models';
import { IChatEmbeddings } from '../app/front-end';
import { AzureNameRule, Names } from '../core/names';
import { VAULT_REF } from '../core/private/references';
import { checkIntRange, checkNotBlank, checkShape, is, isUnresolved, propError, Shape } from '../core/private/validate';
import { IPrivateKeyVault } from '../secrets/key-vault';
import { VaultSecret } from '../secrets/vault-secret';

/** Options of {@link AiGateway.addFrontEndEmbeddings}. */
export interface FrontEndEmbeddingsOptions {
  /** The vault that receives the front end's subscription key (the front end reads it as a Key Vault reference). */
  readonly vault: IPrivateKeyVault;
  /**
   * The embeddings deployment the front end calls: a deployment of an embeddings model
   * (`text-embedding-3-small`, `-3-large`, `ada-002`) on a backend account of the gateway. When a
   * backend is an imported account the gateway cannot see its deployments, so a name it does not
   * find on the others is accepted for the imported ones, and `dimensions` must be given.
   */
  readonly deploymentName: string;
  /**
   * The `api-version` the front end sends (Open WebUI's `RAG_AZURE_OPENAI_API_VERSION`).
   *
   * @default '2024-10-21' - the newest GA version of the Azure OpenAI data-plane inference API
   * @see https://learn.microsoft.com/azure/ai-foundry/openai/reference
   */
  readonly apiVersion?: string;
  /**
   * Length of the vectors the deployment returns. Open WebUI sends no `dimensions` parameter, so
   * it is the model's full length; a different value is an error for a model the library knows.
   *
   * @default - from the model: 1536 for `text-embedding-3-small` and `text-embedding-ada-002`, 3072 for `text-embedding-3-large`; required for a deployment on an imported account or of another model
   * @see https://learn.microsoft.com/azure/ai-foundry/openai/concepts/models#embeddings
   */
  readonly dimensions?: number;
  /**
   * When the vault secret with the key expires (RFC3339, UTC). Key Vault may refuse an expired
   * secret, and then the front end's Key Vault reference no longer resolves: rotate before.
   *
   * @default - 365 days after the secret is first created (the vault's default for secrets)
   */
  readonly expirationDate?: string;
}

/** Name (and path prefix) of the embeddings API. */
const API_NAME = 'frontend-embeddings';
/**
 * Name (`sid`) of the subscription: fixed, so that the policy can name it, and so that a
 * re-created subscription keeps it (azurerm generates a random one when it is left out).
 */
const SUBSCRIPTION_NAME = 'frontend-embeddings';
/** Open WebUI sends its key in this header. */
const KEY_HEADER = 'api-key';
/**
 * azurerm requires a query parameter name beside the header (both are `Required` in
 * `subscription_key_parameter_names`); the policy refuses a request that uses it.
 */
const KEY_QUERY = 'subscription-key';
/** Newest GA version of the data-plane inference API (Microsoft's REST reference, "Latest GA release"). */
const DEFAULT_API_VERSION = '2024-10-21';
const API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;
/**
 * Vector lengths of the embeddings models, from Microsoft's model table ("Output dimensions").
 *
 * @see https://learn.microsoft.com/azure/ai-foundry/openai/concepts/models#embeddings
 */
const MODEL_DIMENSIONS: { readonly [model: string]: number } = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};
/** Largest vector length of any model above; a bound against typos for other models. */
const MAX_DIMENSIONS = 3072;
const CONTENT_TYPE = 'apim-subscription-key';

const SHAPE: Shape = {
  vault: VAULT_REF(true),
  deploymentName: is.string(true),
  apiVersion: is.string(),
  dimensions: is.integer(),
  expirationDate: is.string(),
};

/** What validation found out about the deployment. */
interface Resolved {
  /** Backends that hold the deployment (or may: imported accounts), in failover order. */
  readonly backends: EmbeddingsBackend[];
  readonly dimensions: number;
}

/**
 * Embeddings for the front end through the AI gateway, with a key that reaches nothing else: the
 * keyless way for Open WebUI's document chat.
 *
 * Open WebUI calls embeddings only with a static key: its `azure_openai` engine POSTs
 * `{RAG_AZURE_OPENAI_BASE_URL}/openai/deployments/{model}/embeddings?api-version=…` with an
 * `api-key` header (`backend/open_webui/retrieval/utils.py`, `generate_azure_openai_batch_embeddings`),
 * and the model accounts keep key authentication off. So the key is a gateway credential
 * instead of a model key:
 *
 * - a second API on the gateway at `/frontend-embeddings/openai` (so `baseUrl` is
 *   `<gateway>/frontend-embeddings` and Open WebUI's URL lands on it) with the one operation
 *   `POST /deployments/{deployment-id}/embeddings`, subscription keys required in the `api-key`
 *   header;
 * - one subscription scoped to that API only (`active`, tracing off), named `frontend-embeddings`;
 *   its primary key is written to the vault (an ARM write, see {@link VaultSecret}) and reaches
 *   the front end as a Key Vault reference;
 * - a policy that accepts only that subscription (not the service's built-in all-access one) and
 *   only `deploymentName` (any other deployment gets 404 before a backend is called), removes
 *   the key, and then does what the main API does, with the same policy builders: the user from the
 *   forwarded header (trusted because only the front end holds the key: anyone with the key can
 *   name any user), the same per-user token limits and metrics, the gateway's managed identity
 *   towards the accounts, failover over the backends that hold the deployment;
 * - with the gateway's `monitoring`, the same diagnostics as the main API.
 *
 * The key is in Terraform state (the subscription's `primary_key`, read by azurerm) and in the
 * vault. Rotate: `terraform apply -replace=<subscription>` (a new subscription of the same name
 * with new keys; the secret gets a new version), then restart the front end or wait for its
 * Key Vault reference refresh (up to 24 hours), during which embeddings fail with 401.
 *
 * @see https://learn.microsoft.com/azure/api-management/api-management-subscriptions
 */
export class FrontEndEmbeddings extends Construct implements IChatEmbeddings {
  /** @internal */
  public static _create(scope: Construct, id: string, config: EmbeddingsConfig, options: FrontEndEmbeddingsOptions): FrontEndEmbeddings {
    return new FrontEndEmbeddings(scope, id, config, options);
  }

  /** `<gateway url>/frontend-embeddings`: Open WebUI's `RAG_AZURE_OPENAI_BASE_URL`. */
  public readonly baseUrl: string;
  /** Key Vault reference to the subscription key: Open WebUI's `RAG_AZURE_OPENAI_API_KEY`. */
  public readonly apiKeyReference: string;
  /** The embeddings deployment: Open WebUI's `RAG_EMBEDDING_MODEL`. */
  public readonly deploymentName: string;
  /** Open WebUI's `RAG_AZURE_OPENAI_API_VERSION`. */
  public readonly apiVersion: string;
  /** Length of the vectors the deployment returns. */
  public readonly dimensions: number;
  /** The API at `/frontend-embeddings/openai`. */
  public readonly api: ApiManagementApi;
  /** Its one operation, `POST /deployments/{deployment-id}/embeddings`. */
  public readonly operation: ApiManagementApiOperation;
  /** The subscription scoped to the API, whose key the front end holds. */
  public readonly subscription: ApiManagementSubscription;
  /** The vault secret with the subscription's primary key. */
  public readonly secret: VaultSecret;
  /** When that secret expires (RFC3339; known after the first apply when not given): rotate before. */
  public readonly secretExpiresOn: string;
  /** The API policy. */
  public readonly policy: ApiManagementApiPolicy;
  /** The policy XML, as sent (tokens unresolved). */
  public readonly policyXml: string;
  /** The API's diagnostics (workspace log, language-model logging, token metrics), with the gateway's `monitoring`. */
  public readonly diagnostics: TerraformResource[];

  private constructor(scope: Construct, id: string, config: EmbeddingsConfig, options: FrontEndEmbeddingsOptions) {
    super(scope, id);
    const resolved = this.validate(config, options);
    this.deploymentName = options.deploymentName;
    this.apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
    this.dimensions = resolved.dimensions;

    this.api = new ApiManagementApi(this, 'Api', {
      name: API_NAME,
      displayName: 'Front-end embeddings',
      description: 'Embeddings for the chat front end, which can only send a static key',
      apiManagementName: config.apiManagementName,
      resourceGroupName: config.resourceGroupName,
      revision: '1',
      // `/openai` inside the API path: the backends' URLs end in /openai, and the front end
      // appends /openai/deployments/... to its base URL.
      path: `${API_NAME}/openai`,
      protocols: ['https'],
      subscriptionRequired: true,
      subscriptionKeyParameterNames: { header: KEY_HEADER, query: KEY_QUERY },
    });
    const spec = OPERATIONS.find((op) => op.operationId === 'deployment-embeddings')!;
    this.operation = new ApiManagementApiOperation(this, 'Operation', {
      operationId: spec.operationId,
      apiName: this.api.name,
      apiManagementName: config.apiManagementName,
      resourceGroupName: config.resourceGroupName,
      displayName: spec.displayName,
      description: spec.description,
      method: spec.method,
      urlTemplate: spec.urlTemplate,
      templateParameter: spec.templateParameters.map((name) => ({ name, required: true, type: 'string' })),
    });
    this.subscription = new ApiManagementSubscription(this, 'Subscription', {
      subscriptionId: SUBSCRIPTION_NAME,
      displayName: 'Chat front end (embeddings)',
      apiManagementName: config.apiManagementName,
      resourceGroupName: config.resourceGroupName,
      // The API's id without `;rev=1`: azurerm_api_management_api.id carries the revision, and a
      // subscription scoped with it gets a key that does not work (hashicorp/terraform-provider-azurerm#23399).
      // Left out, the scope would be every API (`/apis`).
      apiId: `${config.gatewayId}/apis/${this.api.name}`,
      // azurerm's default is `submitted`, which is not usable; tracing would let the key holder
      // ask for policy traces that show backend details.
      state: 'active',
      allowTracing: false,
    });
    this.secret = options.vault.addSecret(`EmbeddingsKey-${Names.hashOf(this, 8)}`, {
      name: Names.local(this, AzureNameRule.KEY_VAULT_SECRET, 'apim-embeddings-key'),
      value: this.subscription.primaryKey,
      contentType: CONTENT_TYPE,
      expirationDate: options.expirationDate,
    });
    this.secretExpiresOn = this.secret.expiresOn;
    this.apiKeyReference = this.secret.keyVaultReference;
    this.baseUrl = `${config.gatewayUrl}/${API_NAME}`;

    this.policyXml = buildEmbeddingsPolicyXml({
      subscriptionName: SUBSCRIPTION_NAME,
      subscriptionKeyQueryName: KEY_QUERY,
      subscriptionKeyHeaderName: KEY_HEADER,
      allowedDeployments: [options.deploymentName],
      userHeaderName: config.userHeaderName,
      identityClientId: config.identityClientId,
      backends: resolved.backends.map((b) => ({ backendId: b.name })),
      tokensPerMinute: config.tokensPerMinute,
      tokensPerDay: config.tokensPerDay,
      deploymentLimits: config.deploymentLimits.filter((d) => d.deployment === options.deploymentName),
      emitTokenMetrics: config.emitTokenMetrics,
    });
    this.policy = new ApiManagementApiPolicy(this, 'Policy', {
      apiName: this.api.name,
      apiManagementName: config.apiManagementName,
      resourceGroupName: config.resourceGroupName,
      xmlContent: this.policyXml,
      dependsOn: [...config.policyDependsOn, this.operation],
    });
    this.diagnostics = config.addTelemetry ? config.addTelemetry(this, this.api.name, this.policy) : [];
  }

  private validate(config: EmbeddingsConfig, options: FrontEndEmbeddingsOptions): Resolved {
    checkShape(this, options, SHAPE);
    const name = options.deploymentName;
    checkNotBlank(this, 'deploymentName', name);
    AzureNameRule.COGNITIVE_DEPLOYMENT.validate(this, 'deploymentName', name);
    const version = options.apiVersion;
    if (version !== undefined && !isUnresolved(version) && !API_VERSION.test(version)) {
      throw propError(this, 'apiVersion', "must be an Azure OpenAI data-plane API version such as '2024-10-21' (YYYY-MM-DD, optionally -preview)", version);
    }
    if (options.dimensions !== undefined) checkIntRange(this, 'dimensions', options.dimensions, 1, MAX_DIMENSIONS);
    if (options.expirationDate !== undefined) checkNotBlank(this, 'expirationDate', options.expirationDate);

    const imported = config.backends.filter((b) => deploymentsOf(b.account) === undefined);
    const needDimensions = (why: string): Resolved => {
      if (options.dimensions === undefined) throw propError(this, 'dimensions', `must be given: ${why}`, undefined);
      return { backends: isUnresolved(name) ? config.backends : imported, dimensions: options.dimensions };
    };
    if (isUnresolved(name)) return needDimensions('the deployment is a Terraform expression, so its model is not known at synth');

    const holders = config.backends.flatMap((b) => (deploymentsOf(b.account) ?? [])
      .filter((d) => !isUnresolved(d.deploymentName) && d.deploymentName === name)
      .map((d) => ({ backend: b, model: d.modelName })));
    if (holders.length === 0) {
      if (imported.length > 0) return needDimensions(`'${name}' is on none of the accounts this app creates, so it must be on an imported account, whose model the gateway cannot see`);
      throw propError(this, 'deploymentName', `must name an embeddings deployment on a backend account of the gateway (${this.embeddingsHint(config, name)})`, name);
    }
    const dimensions = new Set<number>();
    for (const { model } of holders) {
      const kind = isUnresolved(model) ? undefined : ModelCatalogue.find(model)?.kind;
      if (kind !== undefined && kind !== ModelKind.EMBEDDINGS) {
        throw propError(this, 'deploymentName', `must name an embeddings deployment, but '${name}' deploys '${model}', a ${kind} model (${this.embeddingsHint(config, name)})`, name);
      }
      const length = isUnresolved(model) ? undefined : MODEL_DIMENSIONS[model];
      if (length === undefined) return needDimensions(`the vector length of model '${isUnresolved(model) ? 'an expression' : model}' is not known to the library`);
      dimensions.add(length);
    }
    if (dimensions.size > 1) {
      throw propError(this, 'deploymentName', `must deploy one model on every backend that holds it: '${name}' returns vectors of ${[...dimensions].join(' and ')} dimensions`, name);
    }
    const [length] = [...dimensions];
    if (options.dimensions !== undefined && !isUnresolved(options.dimensions) && options.dimensions !== length) {
      throw propError(this, 'dimensions', `must be ${length}, the length of the vectors '${holders[0].model}' returns (Open WebUI sends no 'dimensions' parameter)`, options.dimensions);
    }
    const held = new Set(holders.map((h) => h.backend));
    return { backends: config.backends.filter((b) => held.has(b) || imported.includes(b)), dimensions: length };
  }

  /** The embeddings deployments the gateway knows, with the closest one first. */
  private embeddingsHint(config: EmbeddingsConfig, name: string): string {
    const known = new Set<string>();
    for (const b of config.backends) {
      for (const d of deploymentsOf(b.account) ?? []) {
        if (isUnresolved(d.deploymentName) || isUnresolved(d.modelName)) continue;
        if (ModelCatalogue.find(d.modelName)?.kind === ModelKind.EMBEDDINGS) known.add(d.deploymentName);
      }
    }
    if (known.size === 0) return 'it has none: add a deployment of e.g. text-embedding-3-small to a backend account';
    // Every candidate, nearest first (core's `nearest` keeps only the near ones): the list is short and all of it helps.
    const from = (n: string) => distance(n.toLowerCase(), name.toLowerCase());
    const sorted = [...known].sort((a, b) => from(a) - from(b) || (a < b ? -1 : 1));
    return `did you mean ${sorted.map((n) => `'${n}'`).join(', ')}?`;
  }
}
