import { CATALOGUE_MODELS, CATALOGUE_RESEARCHED_ON } from './private/catalogue-data';
import { CatalogueModelData, CatalogueVersionData } from './private/catalogue-types';

/** Where a model version is in Microsoft's lifecycle. */
export enum ModelLifecycle {
  /** Generally available. */
  GA = 'GA',
  /** Preview: preview terms, and it may change or retire at short notice. */
  PREVIEW = 'Preview',
  /** Legacy: still served, with a successor; a retirement date is usually announced. */
  LEGACY = 'Legacy',
  /** Deprecated: still served to existing deployments until its retirement date; plan a move. */
  DEPRECATED = 'Deprecated',
  /** Retired: Azure no longer serves it; a deployment of it fails. */
  RETIRED = 'Retired',
}

/** What a model does. */
export enum ModelKind {
  /** Chat completions without a reasoning phase. */
  CHAT = 'chat',
  /** Reasoning models: they reject `temperature`, `top_p` and `max_tokens`. */
  REASONING = 'reasoning',
  /** Text embeddings. */
  EMBEDDINGS = 'embeddings',
  /** Images and documents (generation, OCR). */
  IMAGE = 'image',
  /** Speech and audio. */
  AUDIO = 'audio',
}

/** One version of a model in the {@link ModelCatalogue}. */
export interface ModelVersionInfo {
  /** The version, as `model.version` of a deployment takes it (e.g. `2025-04-14`, `1`). */
  readonly version: string;
  /** Lifecycle stage of this version when the table was researched. */
  readonly lifecycle: ModelLifecycle;
  /**
   * Retirement date (ISO date, `YYYY-MM-DD`). Microsoft publishes these as "not before", so a
   * version may outlive its date.
   *
   * @default - none announced
   */
  readonly retirementDate?: string;
  /** Deployment types (SKU names) this version is offered on: the model's, unless the table lists its own. */
  readonly skus: string[];
}

/** One model in the {@link ModelCatalogue}. */
export interface ModelInfo {
  /** Model name, as `model.name` of a deployment takes it (case-sensitive), e.g. `gpt-4.1-mini`. */
  readonly name: string;
  /** Model format, as `model.format` of a deployment takes it, e.g. `OpenAI`, `Meta`, `DeepSeek`. */
  readonly format: string;
  /** Known versions, newest or preferred first, then earlier versions known only from their retirement. */
  readonly versions: ModelVersionInfo[];
  /** Deployment types (SKU names, e.g. `GlobalStandard`) Microsoft lists for at least one version and region. */
  readonly skus: string[];
  /** What the model does. */
  readonly kind: ModelKind;
  /** A reasoning model: it rejects `temperature`, `top_p` and `max_tokens` (use `max_completion_tokens`). */
  readonly reasoning: boolean;
  /** Serves the Chat Completions API (false: Responses or another API only). */
  readonly chatCompletions: boolean;
  /**
   * Sold directly by Azure ("Foundry Models sold by Azure") with a known version, so that an
   * `azurerm_cognitive_deployment` can deploy it. False for Marketplace models.
   */
  readonly soldDirectly: boolean;
  /** The Microsoft page the lifecycle facts come from. */
  readonly source: string;
  /** Revision date (ISO date) of that page. */
  readonly checkedOn: string;
  /**
   * Caveats of the research: disagreements between revisions, facts not confirmed by Microsoft.
   *
   * @default - none
   */
  readonly note?: string;
  /**
   * Regions where Microsoft's region table shows the model as `DataZoneStandard`, processed
   * within the EU or US data zone (see {@link ModelInfo.regionsSource}).
   *
   * @default - not recorded: unknown, not unavailable
   */
  readonly dataZoneStandardRegions?: string[];
  /**
   * Regions where Microsoft's region table shows the model as `Standard`, processed in the
   * account's region.
   *
   * @default - not recorded: unknown, not unavailable
   */
  readonly standardRegions?: string[];
  /**
   * The Microsoft page the region lists come from.
   *
   * @default - no region list recorded
   */
  readonly regionsSource?: string;
  /**
   * Revision date (ISO date) of that page's region table.
   *
   * @default - no region list recorded
   */
  readonly regionsCheckedOn?: string;
}

/**
 * The models Azure offers for deployment, with their versions, deployment types, lifecycle and
 * retirement dates, as published in Microsoft's model catalogue ("Foundry Models sold directly
 * by Azure") and model retirement schedule.
 *
 * Generated from `docs/research/model-catalogue.json` (researched on {@link ModelCatalogue.RESEARCHED_ON}).
 * {@link ModelDeployment} checks every deployment against it at synth: a retired version, a
 * deployment type the model is not offered on or the wrong `modelFormat` fail the synth; a
 * deprecated, legacy, preview or soon-retiring version, a model not sold directly by Azure and a
 * model or version missing from the table give warnings.
 *
 * @see https://learn.microsoft.com/azure/foundry/foundry-models/concepts/models-sold-directly-by-azure
 * @see https://learn.microsoft.com/azure/foundry/openai/concepts/model-retirement-schedule
 */
export class ModelCatalogue {
  /**
   * Date the table was researched (`YYYY-MM-DD`). Synthesis never reads the wall clock: this is
   * the date the deployment checks assume when the context key `cdktf-private-chat:today` is
   * not set.
   */
  public static readonly RESEARCHED_ON: string = CATALOGUE_RESEARCHED_ON;

  /** Every model of the table (copies), in a fixed order. */
  public static all(): ModelInfo[] {
    return CATALOGUE_MODELS.map(toInfo);
  }

  /**
   * The model named `modelName` (a copy), or undefined when the table does not list it.
   *
   * Names match exactly: Azure's model names are case-sensitive (`DeepSeek-V3.2`, not `deepseek-v3.2`).
   *
   * @param modelName model name, e.g. `gpt-4.1-mini`
   */
  public static find(modelName: string): ModelInfo | undefined {
    const found = findData(modelName);
    return found ? toInfo(found) : undefined;
  }

  /**
   * Version `version` of model `modelName` (a copy), or undefined when the table does not list it.
   *
   * @param modelName model name, e.g. `gpt-4.1-mini`
   * @param version model version, e.g. `2025-04-14`
   */
  public static findVersion(modelName: string, version: string): ModelVersionInfo | undefined {
    const found = findData(modelName);
    const v = found?.versions.find((x) => x.version === version);
    return found && v ? toVersionInfo(found, v) : undefined;
  }

  /**
   * Whether the default sample chat app (which always sends `temperature` and `max_tokens`
   * through Chat Completions) can use the model: a chat-kind, non-reasoning model that serves
   * Chat Completions. False for a model the table does not list. Lifecycle is not considered.
   *
   * @param modelName model name, e.g. `gpt-4.1-mini`
   */
  public static servesPlainChat(modelName: string): boolean {
    const found = findData(modelName);
    return found !== undefined && found.kind === ModelKind.CHAT && !found.reasoning && found.chatCompletions;
  }

  private constructor() {}
}

/** The table entry named exactly `modelName`. */
function findData(modelName: string): CatalogueModelData | undefined {
  if (typeof modelName !== 'string') return undefined;
  return CATALOGUE_MODELS.find((m) => m.name === modelName);
}

function toInfo(m: CatalogueModelData): ModelInfo {
  const info: ModelInfo = {
    name: m.name,
    format: m.format,
    versions: m.versions.map((v) => toVersionInfo(m, v)),
    skus: [...m.skus],
    kind: m.kind as ModelKind,
    reasoning: m.reasoning,
    chatCompletions: m.chatCompletions,
    soldDirectly: m.soldDirectly,
    source: m.source,
    checkedOn: m.checkedOn,
  };
  const regions = m.regions === undefined ? {} : {
    ...(m.regions.DataZoneStandard ? { dataZoneStandardRegions: [...m.regions.DataZoneStandard] } : {}),
    ...(m.regions.Standard ? { standardRegions: [...m.regions.Standard] } : {}),
    regionsSource: m.regionsSource,
    regionsCheckedOn: m.regionsCheckedOn,
  };
  return { ...info, ...(m.note === undefined ? {} : { note: m.note }), ...regions };
}

function toVersionInfo(m: CatalogueModelData, v: CatalogueVersionData): ModelVersionInfo {
  const info: ModelVersionInfo = { version: v.version, lifecycle: v.lifecycle as ModelLifecycle, skus: [...(v.skus ?? m.skus)] };
  return v.retirementDate === undefined ? info : { ...info, retirementDate: v.retirementDate };
}
