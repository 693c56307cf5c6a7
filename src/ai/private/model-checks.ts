import { Construct } from 'constructs';
import { CATALOGUE_MODELS } from './catalogue-data';
import { CatalogueModelData, CatalogueVersionData } from './catalogue-types';
import { isGlobalSku } from './data-zones';
import { SynthToday, synthToday, todayText } from '../../core/private/dates';
import { closest } from '../../core/private/suggest';
import { isUnresolved, propError, warn } from '../../core/private/validate';
import type { DeploymentSku } from '../deployment-options';

// Synth-time checks of a model deployment against the model catalogue (src/ai/models.ts,
// generated from docs/research/model-catalogue.json). Internal: ModelDeployment runs them.

/** A version retiring within this many days of today gets the `model-retiring` warning. */
export const RETIRING_WINDOW_DAYS = 180;

/** Format written for a model the catalogue does not list and whose format is not given. */
export const DEFAULT_MODEL_FORMAT = 'OpenAI';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What {@link checkModelAgainstCatalogue} checks. */
export interface ModelCheckInput {
  readonly modelName: string;
  readonly modelVersion: string;
  readonly modelFormat?: string;
  readonly sku: DeploymentSku;
  readonly allowUnknownModel?: boolean;
}

/** What a deployment writes, decided by the catalogue. */
export interface ModelCheckResult {
  /** `model.format`: the given format, else the catalogue's for a known model, else `OpenAI`. */
  readonly format: string;
}

/** The date the checks compare retirement dates with (the one rule of core/private/dates.ts). */
export type CatalogueToday = SynthToday;

/**
 * Today for the catalogue checks: {@link synthToday}, the rule every date check follows (the
 * context key `cdktf-private-chat:today`, else the catalogue's research date). Never the wall clock.
 */
export function catalogueToday(scope: Construct): CatalogueToday {
  return synthToday(scope);
}

/**
 * Checks one deployment against the catalogue; returns the format to write.
 *
 * Errors (`allowUnknownModel` does not silence them): a version the catalogue marks Retired or
 * whose retirement date is on or before today; a SKU the model (or version) is not offered on; a
 * `modelFormat` other than the catalogue's. Warnings: `model-deprecated`, `model-legacy`,
 * `model-preview`, `model-retiring` (within 180 days), `model-not-sold-directly`,
 * `model-sku-unconfirmed` (a SKU outside a list no Microsoft page confirms) and `unknown-model`
 * (model or version not in the table; the only one `allowUnknownModel: true` silences).
 * Checks that depend on an unresolved token are skipped.
 *
 * "Today" is {@link catalogueToday}.
 *
 * @param prefix prepended to prop names in messages (`models[1].`)
 */
export function checkModelAgainstCatalogue(scope: Construct, prefix: string, input: ModelCheckInput): ModelCheckResult {
  const p = (prop: string) => `${prefix}${prop}`;
  const today = catalogueToday(scope);
  const name = input.modelName;
  const version = input.modelVersion;
  const format = input.modelFormat;
  if (typeof name !== 'string' || isUnresolved(name)) return { format: format ?? DEFAULT_MODEL_FORMAT };

  const model = CATALOGUE_MODELS.find((m) => m.name === name);
  if (!model) {
    if (!input.allowUnknownModel) {
      // Azure's model names are exact: one that differs from a known model only in case or
      // separators ('gpt-5.4mini', 'deepseek-v3.2') is a typo, never a newer model.
      const spelled = CATALOGUE_MODELS.find((m) => looseName(m.name) === looseName(name));
      if (spelled) {
        throw propError(scope, p('modelName'), `must be a model name as Azure spells it: did you mean '${spelled.name}'? `
          + "(Azure's model names are case-sensitive and exact; set 'allowUnknownModel: true' only for a different model newer than the table)", name);
      }
    }
    if (!input.allowUnknownModel && typeof version === 'string' && !isUnresolved(version)) {
      // Only names with the same numbers: 'gpt-9' is another model than 'gpt-5', not a typo of it.
      const digits = (n: string) => n.replace(/\D/g, '');
      const near = closest(name, CATALOGUE_MODELS.map((m) => m.name).filter((n) => digits(n) === digits(name)));
      const known = near
        ? `'${name}' is not in the table of known models; did you mean '${near}'?`
        : `'${name}' is not in the table of known models`;
      warnUnknown(scope, p, name, version, known);
    }
    return { format: format ?? DEFAULT_MODEL_FORMAT };
  }

  if (format !== undefined && !isUnresolved(format) && format !== model.format && model.formatVerified) {
    const near = format.toLowerCase() === model.format.toLowerCase() ? ' (formats are case-sensitive)' : '';
    throw propError(scope, p('modelFormat'), `must be '${model.format}' for model '${name}', the format Microsoft's model catalogue lists${near}; `
      + 'leave it unset to take the catalogue\'s', format);
  }

  const versionKnown = typeof version === 'string' && !isUnresolved(version);
  const info = versionKnown ? model.versions.find((v) => v.version === version) : undefined;
  if (info) checkNotRetired(scope, p, model, info, today);

  const skus = info?.skus ?? model.skus;
  const skuName = input.sku.name;
  if (skus.length > 0 && !skus.includes(skuName)) {
    const offered = skus.length === 1 ? `'${skus[0]}' only` : skus.map((s) => `'${s}'`).join(', ');
    const subject = info?.skus ? `model '${name}' version '${version}'` : `model '${name}'`;
    if (model.skusVerified) {
      const globalOnly = !isGlobalSku(skuName) && skus.every((s) => isGlobalSku(s))
        ? `, which may process prompts in any Azure region: set sku: DeploymentSku.${skus[0] === 'GlobalStandard' ? 'GLOBAL_STANDARD' : 'of(...)'} with `
          + "'allowGlobalProcessing: true' (this weakens data residency), or pick a model offered as DataZoneStandard or Standard"
        : '';
      throw propError(scope, p('sku'), `must be a deployment type the model is offered on: ${subject} is offered on ${offered} (Microsoft's model catalogue)${globalOnly}`, skuName);
    }
    warn(scope, 'model-sku-unconfirmed', `'${p('sku')}' is '${skuName}', but ${subject} is listed on ${offered} only, a list no Microsoft page confirms yet: `
      + `the deployment may fail at apply; use ${skus.length === 1 ? `'${skus[0]}'` : 'one of them'} unless the Foundry portal offers '${skuName}' for the model`);
  }

  if (!model.soldDirectly) {
    warn(scope, 'model-not-sold-directly', `'${p('modelName')}' is '${name}', which Microsoft's model catalogue does not list among the models sold directly by Azure `
      + `(format '${model.format}'): it probably needs an Azure Marketplace subscription, and azurerm_cognitive_deployment may not be able to deploy it; `
      + 'pick a model sold directly by Azure from ModelCatalogue.all(), or deploy this one from the Foundry portal');
  }

  if (versionKnown && !info && !input.allowUnknownModel) {
    const current = model.versions.filter((v) => !isRetired(v, today));
    const known = model.versions.length === 0
      ? `the table records no version of '${name}'`
      : current.length === 0
        ? `every known version of '${name}' is retired`
        : `known versions of '${name}' are ${current.map((v) => `'${v.version}'`).join(', ')}`;
    warnUnknown(scope, p, name, version, known);
  }

  if (info) warnAboutLifecycle(scope, p, model, info, today);
  return { format: format ?? model.format };
}

/** A model name without case and separators, to tell a misspelling from another model. */
function looseName(name: string): string {
  return name.toLowerCase().replace(/[-._\s]/g, '');
}

function warnUnknown(scope: Construct, p: PropName, name: string, version: string, known: string): void {
  warn(scope, 'unknown-model', `model '${name}' version '${version}' is not known to this library (${known}); `
    + `check '${p('modelName')}' and '${p('modelVersion')}', or set 'allowUnknownModel: true' for a model newer than the table`);
}

/** Prepends the prop prefix (`models[1].`) to a prop name. */
type PropName = (prop: string) => string;

function checkNotRetired(scope: Construct, p: PropName, model: CatalogueModelData, v: CatalogueVersionData, today: CatalogueToday): void {
  if (!isRetired(v, today)) return;
  const date = v.retirementDate;
  const when = date !== undefined && dayMs(date) <= today.ms
    ? `was retired on ${date}`
    : date !== undefined
      ? `is marked Retired in Microsoft's model catalogue (retirement date ${date})`
      : 'is marked Retired in Microsoft\'s model catalogue';
  throw propError(scope, p('modelVersion'), `must be a version Azure still serves: model '${model.name}' version '${v.version}' ${when} (${todayText(today)}); `
    + `${successorAdvice(model, v, today)}`, v.version);
}

function warnAboutLifecycle(scope: Construct, p: PropName, model: CatalogueModelData, v: CatalogueVersionData, today: CatalogueToday): void {
  const subject = `'${p('modelVersion')}' is '${v.version}': model '${model.name}' version '${v.version}'`;
  const retires = v.retirementDate !== undefined ? `, retiring on ${v.retirementDate}` : '';
  switch (v.lifecycle) {
    case 'Deprecated':
      warn(scope, 'model-deprecated', `${subject} is deprecated in Microsoft's model catalogue${retires}: Azure may refuse new deployments of it; ${successorAdvice(model, v, today)}`);
      break;
    case 'Legacy':
      warn(scope, 'model-legacy', `${subject} is a legacy model in Microsoft's model catalogue (a successor exists)${retires}: plan the move; ${successorAdvice(model, v, today)}`);
      break;
    case 'Preview':
      warn(scope, 'model-preview', `${subject} is in preview in Microsoft's model catalogue${retires}: preview terms apply, and Microsoft may change or retire it at short notice; `
        + 'use a GA version for production');
      break;
    default:
      break;
  }
  if (v.retirementDate !== undefined) {
    const days = Math.round((dayMs(v.retirementDate) - today.ms) / DAY_MS);
    if (days > 0 && days <= RETIRING_WINDOW_DAYS) {
      warn(scope, 'model-retiring', `${subject} retires on ${v.retirementDate}, in ${days} day${days === 1 ? '' : 's'} (${todayText(today)}): the deployment stops answering then; `
        + `${successorAdvice(model, v, today)}`);
    }
  }
}

/** Retired in the table, or its retirement date is today or earlier. */
function isRetired(v: CatalogueVersionData, today: CatalogueToday): boolean {
  return v.lifecycle === 'Retired' || (v.retirementDate !== undefined && dayMs(v.retirementDate) <= today.ms);
}

/** GA, sold directly, and not retiring within the window. */
function isCurrentGa(model: CatalogueModelData, v: CatalogueVersionData, today: CatalogueToday): boolean {
  return model.soldDirectly && v.lifecycle === 'GA'
    && (v.retirementDate === undefined || dayMs(v.retirementDate) > today.ms + RETIRING_WINDOW_DAYS * DAY_MS);
}

/**
 * What to move to: a current GA version of the same model, else the newest current GA model of
 * the same kind and format (then of the same format, then of the same kind).
 */
function successorAdvice(model: CatalogueModelData, v: CatalogueVersionData, today: CatalogueToday): string {
  const sameModel = model.versions.find((x) => x !== v && isCurrentGa(model, x, today));
  if (sameModel) return `use version '${sameModel.version}' (GA), or pick a current model from ModelCatalogue.all()`;
  const candidates = CATALOGUE_MODELS
    .map((m, index) => ({ m, index, version: m.versions.find((x) => isCurrentGa(m, x, today)) }))
    .filter((c) => c.m !== model && c.version !== undefined);
  const newest = (list: typeof candidates) => [...list].sort((a, b) => {
    const da = ISO_DATE.test(a.version!.version) ? a.version!.version : '';
    const db = ISO_DATE.test(b.version!.version) ? b.version!.version : '';
    return da === db ? a.index - b.index : da < db ? 1 : -1;
  })[0];
  const pick = newest(candidates.filter((c) => c.m.kind === model.kind && c.m.format === model.format))
    ?? newest(candidates.filter((c) => c.m.format === model.format))
    ?? newest(candidates.filter((c) => c.m.kind === model.kind));
  return pick
    ? `pick a current model from ModelCatalogue.all(), e.g. '${pick.m.name}' version '${pick.version!.version}'`
    : 'pick a current model from ModelCatalogue.all()';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function dayMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}
