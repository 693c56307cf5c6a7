import { CUSTOMER_MANAGED_KEY_REF, DNS_ZONES_REF, MONITORING_REF, NETWORK_REF } from '../../core/private/references';
import { FieldSpec, is, Shape } from '../../core/private/validate';

// Runtime shapes of the ai area's props. Built lazily: DeploymentSku lives in model-deployment.ts,
// which imports this module, so a module-level constant would read it before it exists.

/**
 * Azure's built-in content filter policies, the only `Microsoft.*` names a base policy or a
 * deployment's `raiPolicyName` can have.
 *
 * @see https://learn.microsoft.com/azure/ai-foundry/openai/concepts/default-safety-policies
 */
export const BUILT_IN_RAI_POLICIES = ['Microsoft.Default', 'Microsoft.DefaultV2'];

/** Whether `name` looks like a built-in policy (`Microsoft.*`) but is none of them. Azure compares names case-insensitively. */
export function isUnknownBuiltInPolicy(name: string): boolean {
  return /^microsoft\./i.test(name) && !BUILT_IN_RAI_POLICIES.some((b) => b.toLowerCase() === name.toLowerCase());
}

/** Typed references, by the members every implementation has. */
/** `dependsOn` elements: Terraform resources (anything with an `fqn`). */
export const DEPENDABLE_REF = (): FieldSpec => is.reference(['fqn'], 'a Terraform resource or data source (ITerraformDependable)');

const HARM_FILTER_SHAPE: Shape = {
  // Enum values: `is.any` here, `checkOneOf` in the construct, so the message lists the members.
  promptSeverity: is.any(),
  completionSeverity: is.any(),
  blocking: is.boolean(),
};

/** Fields of `ContentFilterOptions` (the account's `contentFilter` prop, and PrivateChat's). */
export const CONTENT_FILTER_OPTIONS_SHAPE: Shape = {
  name: is.string(),
  basePolicyName: is.string(),
  hate: is.object(HARM_FILTER_SHAPE),
  sexual: is.object(HARM_FILTER_SHAPE),
  violence: is.object(HARM_FILTER_SHAPE),
  selfHarm: is.object(HARM_FILTER_SHAPE),
  jailbreakShield: is.boolean(),
  indirectAttackShield: is.boolean(),
  protectedMaterialText: is.boolean(),
  protectedMaterialCode: is.boolean(),
  mode: is.any(),
};

/** Fields of `ContentFilterProps`. */
export const CONTENT_FILTER_PROPS_SHAPE: Shape = {
  ...CONTENT_FILTER_OPTIONS_SHAPE,
  cognitiveAccountId: is.string(true),
  tags: is.stringMap(),
};

/**
 * Fields of `ModelDeploymentOptions` (the account's `models[i]`, `addDeployment`, PrivateChat's
 * `models[i]`). `modelName`, `modelVersion`, `sku` and `capacity` get their own messages from
 * `validateDeploymentOptions` (a missing version says why a version is required).
 */
export const DEPLOYMENT_OPTIONS_SHAPE: Shape = {
  modelName: is.any(),
  modelVersion: is.any(),
  modelFormat: is.string(),
  name: is.string(),
  sku: is.any(),
  capacity: is.any(),
  versionUpgradeOption: is.any(),
  raiPolicyName: is.string(),
  allowUnknownModel: is.boolean(),
  allowGlobalProcessing: is.boolean(),
};

/** Fields of `ModelDeploymentProps`. */
export const DEPLOYMENT_PROPS_SHAPE: Shape = {
  ...DEPLOYMENT_OPTIONS_SHAPE,
  cognitiveAccountId: is.string(true),
  dependsOn: is.arrayOf(DEPENDABLE_REF()),
};

/** Fields of `AiAccountProps` (and of `OpenAiAccountProps`, which adds none). */
export function accountShape(): Shape {
  return {
    resourceGroupName: is.string(true),
    location: is.string(true),
    network: NETWORK_REF(true),
    dnsZones: DNS_ZONES_REF(true),
    monitoring: MONITORING_REF(true),
    name: is.string(),
    customSubdomainName: is.string(),
    allowedFqdns: is.arrayOf(is.string()),
    trustedServicesBypass: is.boolean(),
    models: is.arrayOf(is.object(DEPLOYMENT_OPTIONS_SHAPE)),
    contentFilter: is.object(CONTENT_FILTER_OPTIONS_SHAPE),
    preventDestroy: is.boolean(),
    userAssignedIdentityIds: is.arrayOf(is.string()),
    customerManagedKey: CUSTOMER_MANAGED_KEY_REF(),
    tags: is.stringMap(),
  };
}

/** Fields of `AiAccountAttributes` (and of `OpenAiAccountAttributes`, which adds none). */
export const ACCOUNT_ATTRIBUTES_SHAPE: Shape = {
  accountId: is.string(true),
  endpoint: is.string(),
};
