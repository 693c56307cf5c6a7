/**
 * Open foundation models from Databricks' `system.ai` Unity Catalog schema that the library knows
 * how to serve on provisioned throughput, with how each one is sized.
 *
 * Sources:
 * - which models size by model units (GPT OSS 120B and 20B, Gemma 3 12B, Llama 4 Maverick) and
 *   which by tokens-per-second bands (Llama 3.3, 3.2, 3.1, GTE v1.5, BGE v1.5…), read 2026-12:
 *   https://learn.microsoft.com/azure/databricks/machine-learning/foundation-model-apis/model-units
 * - provisioned throughput endpoints for `system.ai` models, `entity_name`/`entity_version`:
 *   https://learn.microsoft.com/azure/databricks/machine-learning/foundation-model-apis/deploy-prov-throughput-foundation-model-apis
 *
 * NOT verified here (docs/databricks.md): the exact Unity Catalog names (the GPT OSS names are the
 * ones public code calls `system.ai.gpt-oss-120b`), their versions, and the regions that serve
 * them. Region availability changes faster than releases and is not encoded: an endpoint in a
 * region without the model fails at apply with the serving API's error.
 */

/** How provisioned capacity of a model is expressed. */
export enum CapacityKind {
  /** `provisioned_model_units` (newer models: GPT OSS, Gemma 3, Llama 4). */
  MODEL_UNITS = 'model units',
  /** `min_provisioned_throughput` / `max_provisioned_throughput`, tokens per second (legacy families: Llama 3.x, GTE, BGE). */
  TOKENS_PER_SECOND = 'tokens per second',
}

/** One catalogue row. */
export interface CatalogueModel {
  /** Unity Catalog name, `system.ai.<model>`. */
  readonly entityName: string;
  readonly displayName: string;
  readonly capacity: CapacityKind;
  /** What the model is for: chat completions or embeddings. */
  readonly task: 'chat' | 'embeddings';
}

export const SERVING_CATALOGUE: readonly CatalogueModel[] = [
  { entityName: 'system.ai.gpt-oss-120b', displayName: 'OpenAI GPT OSS 120B', capacity: CapacityKind.MODEL_UNITS, task: 'chat' },
  { entityName: 'system.ai.gpt-oss-20b', displayName: 'OpenAI GPT OSS 20B', capacity: CapacityKind.MODEL_UNITS, task: 'chat' },
  { entityName: 'system.ai.meta_llama_v3_3_70b_instruct', displayName: 'Meta Llama 3.3 70B Instruct', capacity: CapacityKind.TOKENS_PER_SECOND, task: 'chat' },
  { entityName: 'system.ai.meta_llama_v3_1_8b_instruct', displayName: 'Meta Llama 3.1 8B Instruct', capacity: CapacityKind.TOKENS_PER_SECOND, task: 'chat' },
  { entityName: 'system.ai.gte_large_en_v1_5', displayName: 'GTE Large (English) v1.5', capacity: CapacityKind.TOKENS_PER_SECOND, task: 'embeddings' },
  { entityName: 'system.ai.bge_large_en_v1_5', displayName: 'BGE Large (English) v1.5', capacity: CapacityKind.TOKENS_PER_SECOND, task: 'embeddings' },
];

/** The catalogue row of a `system.ai` model, case-insensitive. */
export function catalogueModel(entityName: string): CatalogueModel | undefined {
  return SERVING_CATALOGUE.find((m) => m.entityName.toLowerCase() === entityName.toLowerCase());
}

/**
 * A Unity Catalog three-part name, `<catalog>.<schema>.<model>`: letters, digits, `_` and `-` per
 * part (backquotes are not accepted by the serving API's `entity_name`).
 *
 * @see https://learn.microsoft.com/azure/databricks/sql/language-manual/sql-ref-names
 */
export const UNITY_CATALOG_MODEL = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Serving endpoint names: at most 63 characters, letters, digits, `-` and `_`.
 *
 * @see https://learn.microsoft.com/azure/databricks/machine-learning/model-serving/model-serving-limits
 */
export const ENDPOINT_NAME = /^[A-Za-z0-9_-]{1,63}$/;
