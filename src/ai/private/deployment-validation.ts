import { Construct } from 'constructs';
import { isGlobalSku } from './data-zones';
import { AzureNameRule } from '../../core/names';
import { checkNotBlank, checkTrimmed, isUnresolved, propError } from '../../core/private/validate';
import { DeploymentSku, DeploymentSkuFamily, ModelDeploymentOptions } from '../deployment-options';

/** Allowed capacity of one SKU: range, step and default, in the SKU family's unit. */
export interface CapacityRule {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly defaultCapacity: number;
  readonly unit: string;
}

/**
 * Capacity rules per SKU family.
 *
 * - Standard SKUs count a rate limit in units of 1,000 tokens per minute; 1 is the smallest
 *   deployment, and 100,000 (100M TPM) is above any published quota tier, so it only catches typos.
 * - Provisioned SKUs count PTUs. Microsoft's provisioned onboarding guide gives a minimum of
 *   15 PTUs in steps of 5 for global and data zone provisioned deployments, and a minimum of 25
 *   (50 for some models) in steps of 25 (or 50) for regional ones; the model-specific stricter
 *   minimums are left to Azure.
 * - Batch SKUs count the enqueued-token quota in units of 1,000 tokens; default quotas reach
 *   billions of tokens, so the cap is 100,000,000 (100B tokens).
 */
export function capacityRule(sku: DeploymentSku): CapacityRule {
  switch (sku.family) {
    case DeploymentSkuFamily.PROVISIONED:
      return sku.name === 'ProvisionedManaged'
        ? { min: 25, max: 100_000, step: 25, defaultCapacity: 25, unit: 'PTUs' }
        : { min: 15, max: 100_000, step: 5, defaultCapacity: 15, unit: 'PTUs' };
    case DeploymentSkuFamily.BATCH:
      return { min: 1, max: 100_000_000, step: 1, defaultCapacity: 1_000, unit: 'thousands of enqueued tokens' };
    default:
      return { min: 1, max: 100_000, step: 1, defaultCapacity: 10, unit: 'thousands of tokens per minute' };
  }
}

// Letters of either case: open models are named `DeepSeek-V3.2`, `Llama-4-Maverick-17B-128E-Instruct-FP8`.
const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Longest `modelFormat` accepted (Azure's formats are short publisher names such as `Mistral AI`). */
const MAX_MODEL_FORMAT = 64;
const MODEL_VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
const FLOATING_VERSIONS = ['latest', 'default', 'current'];

/**
 * Checks one deployment's options. `prefix` is prepended to prop names in messages, so that an
 * error about the account's `models` prop names the entry (`models[1].capacity`).
 */
export function validateDeploymentOptions(scope: Construct, prefix: string, options: ModelDeploymentOptions): void {
  const p = (prop: string) => `${prefix}${prop}`;

  checkNotBlank(scope, p('modelName'), options.modelName);
  if (options.modelName === undefined || options.modelName === null) {
    throw propError(scope, p('modelName'), "must be a model name such as 'gpt-4.1-mini'", options.modelName);
  }
  if (!isUnresolved(options.modelName) && !MODEL_NAME.test(options.modelName)) {
    throw propError(scope, p('modelName'),
      "must be a model name such as 'gpt-4.1-mini' or 'DeepSeek-V3.2' (letters, digits, '.', '_' and '-', at most 64 characters)", options.modelName);
  }

  const version = options.modelVersion;
  if (version !== undefined && version !== null && !isUnresolved(version) && typeof version !== 'string') {
    throw propError(scope, p('modelVersion'), "must be a model version string such as '2025-04-14' or '1' (a string, not a number)", version);
  }
  if (version === undefined || version === null || (!isUnresolved(version) && version.trim() === '')) {
    throw propError(scope, p('modelVersion'), "must be a pinned model version such as '2025-04-14' (required so the model never changes silently)", version);
  }
  if (!isUnresolved(version)) {
    if (FLOATING_VERSIONS.includes(version.toLowerCase())) {
      throw propError(scope, p('modelVersion'), "must be a pinned model version such as '2025-04-14', not a floating alias", version);
    }
    if (!MODEL_VERSION.test(version)) {
      throw propError(scope, p('modelVersion'),
        "must be a model version such as '2025-04-14' or '1' (letters, digits, '.', '_' and '-', at most 32 characters)", version);
    }
  }

  const format = options.modelFormat;
  checkNotBlank(scope, p('modelFormat'), format);
  checkTrimmed(scope, p('modelFormat'), format);
  if (format !== undefined && !isUnresolved(format) && format.length > MAX_MODEL_FORMAT) {
    throw propError(scope, p('modelFormat'), `must be a model format such as 'OpenAI' or 'Meta' (at most ${MAX_MODEL_FORMAT} characters)`, format);
  }

  checkNotBlank(scope, p('name'), options.name);
  AzureNameRule.COGNITIVE_DEPLOYMENT.validate(scope, p('name'), options.name);
  checkNotBlank(scope, p('raiPolicyName'), options.raiPolicyName);

  // A DeploymentSku made some other way (Object.create, a copy) carries a name Azure may refuse.
  if (options.sku !== undefined && (!(options.sku instanceof DeploymentSku) || !DeploymentSku.all().includes(options.sku))) {
    throw propError(scope, p('sku'), 'must be a DeploymentSku such as DeploymentSku.DATA_ZONE_STANDARD (use DeploymentSku.of(name) for a name)', options.sku);
  }

  if (options.sku !== undefined && isGlobalSku(options.sku.name) && options.allowGlobalProcessing !== true) {
    throw propError(scope, p('sku'), `must keep processing in the account's data zone or region: '${options.sku.name}' may process prompts and completions `
      + 'in any Azure region; use DeploymentSku.DATA_ZONE_STANDARD (EU and US regions) or DeploymentSku.STANDARD, '
      + "or set 'allowGlobalProcessing: true' on this deployment to accept processing outside the data zone", options.sku.name);
  }

  const capacity = options.capacity;
  if (capacity !== undefined && !isUnresolved(capacity)) {
    const sku = options.sku ?? DeploymentSku.DATA_ZONE_STANDARD;
    const rule = capacityRule(sku);
    if (!Number.isInteger(capacity) || capacity < rule.min || capacity > rule.max) {
      throw propError(scope, p('capacity'),
        `must be an integer between ${rule.min} and ${rule.max} (${rule.unit}) for SKU '${sku.name}'`, capacity);
    }
    if (capacity % rule.step !== 0) {
      throw propError(scope, p('capacity'), `must be a multiple of ${rule.step} ${rule.unit} for SKU '${sku.name}'`, capacity);
    }
  }
}
