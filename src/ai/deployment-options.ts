import { checkField, is, show } from '../core/private/validate';

// The deployment options and SKUs, apart from the ModelDeployment construct so that the private
// validation modules can take them without importing the construct that imports them.

/** How a deployment SKU counts its `capacity`. */
export enum DeploymentSkuFamily {
  /** Pay per token; capacity is a rate limit in units of 1,000 tokens per minute. */
  STANDARD = 'Standard',
  /** Reserved throughput; capacity is a number of provisioned throughput units (PTUs). */
  PROVISIONED = 'Provisioned',
  /** Asynchronous batch jobs; capacity is the enqueued-token quota in units of 1,000 tokens. */
  BATCH = 'Batch',
}

/**
 * Deployment type of a model deployment: where requests are processed and how they are billed.
 *
 * @see https://learn.microsoft.com/azure/ai-foundry/foundry-models/concepts/deployment-types
 */
export class DeploymentSku {
  /** Processed in the account's region; pay per token. */
  public static readonly STANDARD = new DeploymentSku('Standard', DeploymentSkuFamily.STANDARD);
  /**
   * Processed in any Azure region, whatever the account's location; pay per token; the highest
   * default quota. Weakens data residency: needs `allowGlobalProcessing: true`.
   */
  public static readonly GLOBAL_STANDARD = new DeploymentSku('GlobalStandard', DeploymentSkuFamily.STANDARD);
  /** Processed within the data zone (EU or US) of the account; pay per token. */
  public static readonly DATA_ZONE_STANDARD = new DeploymentSku('DataZoneStandard', DeploymentSkuFamily.STANDARD);
  /** Reserved throughput in the account's region. */
  public static readonly PROVISIONED_MANAGED = new DeploymentSku('ProvisionedManaged', DeploymentSkuFamily.PROVISIONED);
  /** Reserved throughput processed in any Azure region. Weakens data residency: needs `allowGlobalProcessing: true`. */
  public static readonly GLOBAL_PROVISIONED_MANAGED = new DeploymentSku('GlobalProvisionedManaged', DeploymentSkuFamily.PROVISIONED);
  /** Reserved throughput processed within the account's data zone. */
  public static readonly DATA_ZONE_PROVISIONED_MANAGED = new DeploymentSku('DataZoneProvisionedManaged', DeploymentSkuFamily.PROVISIONED);
  /** Batch jobs processed in any Azure region within 24 hours, at a discount. Weakens data residency: needs `allowGlobalProcessing: true`. */
  public static readonly GLOBAL_BATCH = new DeploymentSku('GlobalBatch', DeploymentSkuFamily.BATCH);
  /** Batch jobs processed within the account's data zone. */
  public static readonly DATA_ZONE_BATCH = new DeploymentSku('DataZoneBatch', DeploymentSkuFamily.BATCH);

  /** Every SKU, in a fixed order. */
  public static all(): DeploymentSku[] {
    return [
      DeploymentSku.STANDARD, DeploymentSku.GLOBAL_STANDARD, DeploymentSku.DATA_ZONE_STANDARD,
      DeploymentSku.PROVISIONED_MANAGED, DeploymentSku.GLOBAL_PROVISIONED_MANAGED, DeploymentSku.DATA_ZONE_PROVISIONED_MANAGED,
      DeploymentSku.GLOBAL_BATCH, DeploymentSku.DATA_ZONE_BATCH,
    ];
  }

  /**
   * The SKU with Azure name `name` (e.g. read from configuration). Throws on an unknown name.
   *
   * @param name Azure's SKU name, e.g. `GlobalStandard`
   */
  public static of(name: string): DeploymentSku {
    checkField('DeploymentSku.of', 'name', name, is.string(true));
    const found = DeploymentSku.all().find((s) => s.name === name);
    if (!found) {
      const allowed = DeploymentSku.all().map((s) => `'${s.name}'`).join(', ');
      // Azure's SKU names are case-sensitive in the provider's validation; point at the right spelling.
      const near = DeploymentSku.all().find((s) => s.name.toLowerCase() === String(name).trim().toLowerCase());
      const hint = near ? ` (did you mean '${near.name}'?)` : '';
      throw new Error(`DeploymentSku.of: 'name' must be one of ${allowed}${hint}, got ${show(name)}`);
    }
    return found;
  }

  /**
   * @param name Azure's SKU name
   * @param family how the SKU counts capacity
   */
  private constructor(public readonly name: string, public readonly family: DeploymentSkuFamily) {}
}

/** When Azure may move a deployment to a newer model version. */
export enum VersionUpgradeOption {
  /** Never: the pinned version is kept until it retires (then the deployment stops working). */
  NO_AUTO_UPGRADE = 'NoAutoUpgrade',
  /** As soon as Azure makes a newer version the default. */
  ONCE_NEW_DEFAULT_VERSION_AVAILABLE = 'OnceNewDefaultVersionAvailable',
  /** When the pinned version expires. */
  ONCE_CURRENT_VERSION_EXPIRED = 'OnceCurrentVersionExpired',
}

/** One model deployment; used by {@link AiAccountProps.models} and {@link AiAccount.addDeployment}. */
export interface ModelDeploymentOptions {
  /**
   * Model name as Azure lists it (case-sensitive), e.g. `gpt-4.1-mini`, `text-embedding-3-small`,
   * `DeepSeek-V3.2` or `Llama-4-Maverick-17B-128E-Instruct-FP8`. See {@link ModelCatalogue.all}.
   */
  readonly modelName: string;
  /**
   * Model version, pinned so that behaviour does not change under the application:
   * e.g. `2025-04-14`, or `1` for embeddings and most open models.
   *
   * Checked at synth against the {@link ModelCatalogue}: a retired version (or one whose
   * retirement date is on or before today) fails the synth; a deprecated, legacy, preview or
   * soon-retiring (within 180 days) version gives a warning. "Today" is the context key
   * `cdktf-private-chat:today` (`YYYY-MM-DD`, e.g. set by the pipeline) or, when it is not set,
   * {@link ModelCatalogue.RESEARCHED_ON}: synthesis never reads the clock, so the same code
   * gives the same result on every run.
   */
  readonly modelVersion: string;
  /**
   * Model format (`model.format`): who publishes the model, e.g. `OpenAI`, `OpenAI-OSS`, `Meta`,
   * `DeepSeek`, `Mistral AI` or `xAI`. Case-sensitive. Models other than `OpenAI` ones need an
   * AIServices (Foundry) account ({@link AiAccount}).
   *
   * A format other than the one the {@link ModelCatalogue} lists for a known model fails the synth.
   *
   * @default - the catalogue's format for a known model, else `OpenAI`
   */
  readonly modelFormat?: string;
  /**
   * Deployment name: what clients pass as `model` (or in the URL) when they call the API.
   *
   * @default - the model name
   */
  readonly name?: string;
  /**
   * Deployment type: where prompts are processed, and how they are billed.
   *
   * A type the {@link ModelCatalogue} does not list for the model (or its version) fails the
   * synth, and so does, on an account, a `DataZoneStandard` or `Standard` type that Microsoft's
   * region table documents as missing for the model in the account's region. A Global type
   * (`GLOBAL_STANDARD`, `GLOBAL_PROVISIONED_MANAGED`, `GLOBAL_BATCH`) may process prompts in any
   * Azure region and fails the synth unless `allowGlobalProcessing` is true.
   *
   * @default - on an account: `DataZoneStandard` in an EU or US data-zone region where the model is
   * offered so, else `Standard` (processed in the region) where it is offered so, else the synth
   * fails; a standalone {@link ModelDeployment}: `DataZoneStandard`
   * @see https://learn.microsoft.com/azure/foundry/foundry-models/concepts/deployment-types
   */
  readonly sku?: DeploymentSku;
  /**
   * Capacity, in the unit of the SKU's family:
   * - standard SKUs: 1,000 tokens per minute, 1 to 100,000;
   * - regional provisioned: PTUs, at least 25 and a multiple of 25;
   * - global and data zone provisioned: PTUs, at least 15 and a multiple of 5;
   * - batch: 1,000 enqueued tokens, 1 to 100,000,000.
   *
   * The upper bounds are sanity limits; the real limit is the subscription's quota for the
   * model, SKU and region, which only Azure knows at apply time.
   *
   * @default 10 for standard SKUs, 1000 for batch SKUs, the family's minimum (25 or 15) for provisioned SKUs
   */
  readonly capacity?: number;
  /**
   * When Azure may upgrade the model version.
   *
   * @default VersionUpgradeOption.NO_AUTO_UPGRADE
   */
  readonly versionUpgradeOption?: VersionUpgradeOption;
  /**
   * Content filter (RAI policy) applied to the deployment's prompts and completions.
   *
   * A `Microsoft.*` name other than `Microsoft.Default` and `Microsoft.DefaultV2` records the
   * warning `unknown-rai-policy`.
   *
   * @default - the account's content filter when added through {@link OpenAiAccount}; `Microsoft.DefaultV2` for a standalone deployment
   */
  readonly raiPolicyName?: string;
  /**
   * Accept a model name and version missing from the library's {@link ModelCatalogue} without
   * the `unknown-model` warning: for models released after this library version.
   *
   * It silences only that warning: a retired version, a SKU the model is not offered on or a
   * wrong `modelFormat` still fail the synth.
   *
   * @default false
   */
  readonly allowUnknownModel?: boolean;
  /**
   * Accept a Global deployment type (`GLOBAL_STANDARD`, `GLOBAL_PROVISIONED_MANAGED`,
   * `GLOBAL_BATCH`), which WEAKENS DATA RESIDENCY: Azure may then process this deployment's
   * prompts and completions in any Azure region, outside the account's data zone and geography
   * (data at rest stays in the account's geography).
   *
   * Needed for models offered only globally (most open models) and for regions outside the EU
   * and US data zones. It acknowledges the compliance rule PCHAT-DEP-004 on the deployment, with
   * the deployment type as the reason; on any other type it has no effect.
   *
   * @default false
   */
  readonly allowGlobalProcessing?: boolean;
}
