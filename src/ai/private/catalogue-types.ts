// Shapes of the generated model catalogue (catalogue-data.ts), shared by the generator
// (scripts/gen-model-catalogue.ts) and the library.

/** One version of a model, as the research file records it. */
export interface CatalogueVersionData {
  readonly version: string;
  /** GA, Preview, Legacy, Deprecated or Retired. */
  readonly lifecycle: string;
  /** ISO date; absent when none is announced. */
  readonly retirementDate?: string;
  /** SKUs of this version when they differ from the model's. */
  readonly skus?: readonly string[];
}

/** One model, as the research file records it. */
export interface CatalogueModelData {
  readonly name: string;
  readonly format: string;
  /** Newest or preferred first; then earlier versions known only from their retirement. */
  readonly versions: readonly CatalogueVersionData[];
  readonly skus: readonly string[];
  /** chat, reasoning, embeddings, image or audio. */
  readonly kind: string;
  readonly reasoning: boolean;
  readonly chatCompletions: boolean;
  /** Sold directly by Azure and with at least one known version. */
  readonly soldDirectly: boolean;
  /** False when no Microsoft page confirms the SKU list. */
  readonly skusVerified: boolean;
  /** False when no Microsoft page confirms the versions. */
  readonly versionsVerified: boolean;
  /** False when no Microsoft page confirms the format. */
  readonly formatVerified: boolean;
  readonly source: string;
  readonly checkedOn: string;
  readonly note?: string;
  /**
   * Regions where Microsoft's region table shows the model with a deployment type, by SKU name
   * (`DataZoneStandard`, `Standard`). A SKU missing here is unknown, not unavailable.
   */
  readonly regions?: { readonly [sku: string]: readonly string[] };
  /** The page of the region table; set with `regions`. */
  readonly regionsSource?: string;
  /** Revision date (ISO) of that table; set with `regions`. */
  readonly regionsCheckedOn?: string;
}
