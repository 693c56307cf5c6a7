import { Construct } from 'constructs';
import { CATALOGUE_MODELS, CATALOGUE_RESEARCHED_ON } from './catalogue-data';
import { CatalogueModelData } from './catalogue-types';
import { GLOBAL_PROCESSING_SKUS } from '../../compliance/rules/deployment-data-zone';
import { dataZoneOfRegion, normalizeRegion } from '../../core/private/regions';
import { isUnresolved, propError, warn } from '../../core/private/validate';

// Where a deployment processes prompts: the data zones of Microsoft's deployment types, the
// regions that belong to each, and the deployment type a deployment gets when none is given.
// Internal: the model accounts and ModelDeployment use it; ModelCatalogue exposes the data.

// The regions of each data zone live with the other region capabilities, in core/private/regions.ts.
export { DATA_ZONE_REGIONS, DATA_ZONES_CHECKED_ON, dataZoneOfRegion } from '../../core/private/regions';

/** The deployment types a deployment gets by default, in order of preference. */
export const DATA_ZONE_SKU = 'DataZoneStandard';
export const REGIONAL_SKU = 'Standard';

/** Whether a deployment type may process prompts in any Azure region (`GlobalStandard`, …). */
export function isGlobalSku(skuName: string): boolean {
  return typeof skuName === 'string' && GLOBAL_PROCESSING_SKUS.includes(skuName);
}

/** Whether Microsoft's tables show a model with a deployment type in a region. */
export enum RegionalOffer {
  OFFERED = 'offered',
  NOT_OFFERED = 'not offered',
  /** The table records no region list for this model and type, or the region is a token. */
  UNKNOWN = 'unknown',
}

/**
 * Whether `modelName` is offered with `skuName` in `region`, as the model catalogue records it.
 * A Data Zone type is never offered outside the data zones' regions; a SKU the model is not
 * listed on is not offered; a model missing from the catalogue is unknown.
 */
export function regionalOffer(modelName: string, skuName: string, region: string): RegionalOffer {
  if (typeof region !== 'string' || isUnresolved(region) || isUnresolved(modelName)) return RegionalOffer.UNKNOWN;
  const normalized = normalizeRegion(region);
  if (skuName.startsWith('DataZone') && dataZoneOfRegion(normalized) === undefined) return RegionalOffer.NOT_OFFERED;
  const model = findModel(modelName);
  if (!model) return RegionalOffer.UNKNOWN;
  if (model.skus.length > 0 && !model.skus.includes(skuName)) return RegionalOffer.NOT_OFFERED;
  const regions = model.regions?.[skuName];
  if (regions === undefined) return RegionalOffer.UNKNOWN;
  return regions.includes(normalized) ? RegionalOffer.OFFERED : RegionalOffer.NOT_OFFERED;
}

/**
 * The deployment type a deployment of `modelName` in `region` gets when none is given:
 * `DataZoneStandard` in an EU or US region unless the catalogue documents that the model lacks it
 * there, else `Standard` (regional) unless documented as missing there, else undefined: no
 * deployment type keeps the model's prompts in the region's data zone or region.
 *
 * A region that is a token gets `DataZoneStandard`: the safest type that cannot be checked.
 */
export function defaultSkuName(modelName: string, region: string): string | undefined {
  if (typeof region !== 'string' || isUnresolved(region)) return DATA_ZONE_SKU;
  if (dataZoneOfRegion(region) !== undefined && regionalOffer(modelName, DATA_ZONE_SKU, region) !== RegionalOffer.NOT_OFFERED) return DATA_ZONE_SKU;
  if (regionalOffer(modelName, REGIONAL_SKU, region) !== RegionalOffer.NOT_OFFERED) return REGIONAL_SKU;
  return undefined;
}

/** Models retiring within this many days of the catalogue's research date are not suggested (RETIRING_WINDOW_DAYS of model-checks). */
export const SUGGESTION_WINDOW_DAYS = 180;

/**
 * Current chat models (GA, served through Chat Completions, not retiring within the warning
 * window of the catalogue's research date) that the catalogue documents with a
 * deployment type that keeps processing in `region`'s data zone or region: the first way out
 * when the default model has none there.
 */
export function chatModelsProcessingIn(region: string): string[] {
  const horizon = Date.parse(`${CATALOGUE_RESEARCHED_ON}T00:00:00Z`) + SUGGESTION_WINDOW_DAYS * 24 * 60 * 60 * 1000;
  return CATALOGUE_MODELS
    .filter((m) => (m.kind === 'chat' || m.kind === 'reasoning') && m.chatCompletions && m.soldDirectly)
    .filter((m) => m.versions.length > 0 && m.versions[0].lifecycle === 'GA')
    .filter((m) => m.versions[0].retirementDate === undefined || Date.parse(`${m.versions[0].retirementDate}T00:00:00Z`) > horizon)
    .filter((m) => [DATA_ZONE_SKU, REGIONAL_SKU].some((sku) => regionalOffer(m.name, sku, region) === RegionalOffer.OFFERED))
    .map((m) => `'${m.name}' version '${m.versions[0].version}' (${[DATA_ZONE_SKU, REGIONAL_SKU].find((sku) => regionalOffer(m.name, sku, region) === RegionalOffer.OFFERED)})`);
}

/**
 * Checks that a `DataZoneStandard` or `Standard` deployment of a catalogued model is offered in
 * the account's region: an error where Microsoft's region table documents that it is not, the
 * warning `model-region-unconfirmed` where the catalogue records no region list for the model
 * and type. Other deployment types, models missing from the catalogue and tokens are not checked
 * here (the catalogue's SKU check and the `data-zone-region` warning cover them).
 *
 * @param prefix prepended to prop names in messages (`models[1].`)
 */
export function checkRegionalOffer(scope: Construct, prefix: string, modelName: string, skuName: string, region: string): void {
  if (skuName !== DATA_ZONE_SKU && skuName !== REGIONAL_SKU) return;
  const model = findModel(modelName);
  if (!model || typeof region !== 'string' || isUnresolved(region) || (model.skus.length > 0 && !model.skus.includes(skuName))) return;
  if (skuName === DATA_ZONE_SKU && dataZoneOfRegion(region) === undefined) return;
  const offer = regionalOffer(modelName, skuName, region);
  const normalized = normalizeRegion(region);
  if (offer === RegionalOffer.NOT_OFFERED) {
    const alternative = skuName === DATA_ZONE_SKU && regionalOffer(modelName, REGIONAL_SKU, region) === RegionalOffer.OFFERED
      ? 'use DeploymentSku.STANDARD (offered there), ' : '';
    const others = chatModelsProcessingIn(normalized).filter((m) => !m.startsWith(`'${modelName}' `)).slice(0, 4);
    throw propError(scope, `${prefix}sku`, `must be a deployment type Azure offers for model '${modelName}' in '${normalized}': Microsoft's region table `
      + `(${model.regionsSource}, rev ${model.regionsCheckedOn}) lists '${skuName}' for it only in ${model.regions![skuName].join(', ')}; `
      + `${alternative}pick another model${others.length > 0 ? ` (e.g. ${others.join(', ')})` : ''}, or another region`, skuName);
  }
  if (offer === RegionalOffer.UNKNOWN) {
    warn(scope, 'model-region-unconfirmed', `'${prefix}sku' is '${skuName}' for model '${modelName}' in '${normalized}', but the model catalogue records no `
      + 'region list for this model and deployment type: the deployment may fail at apply if Azure does not offer it there; check the Foundry portal '
      + `or 'az cognitiveservices model list --location ${normalized}'`);
  }
}

function findModel(modelName: string): CatalogueModelData | undefined {
  return typeof modelName === 'string' ? CATALOGUE_MODELS.find((m) => m.name === modelName) : undefined;
}
