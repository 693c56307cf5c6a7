import { isExpression } from '../private/model';
import { attr, resourceRule, show } from '../private/rule-kit';

/** The rule id, which constructs use to acknowledge a deliberate global deployment. */
export const DEPLOYMENT_DATA_ZONE_RULE_ID = 'PCHAT-DEP-004';

/**
 * Deployment types (`sku.name`) whose prompts and completions may be processed in any Azure
 * region, outside the account's data zone and geography. Microsoft's "Deployment types for
 * Microsoft Foundry Models" (include rev 2026-05-08) lists GlobalStandard, GlobalProvisionedManaged
 * and GlobalBatch as "Any Azure region", and DeveloperTier (fine-tuned models only) as "Any Azure
 * region" without data residency guarantees.
 *
 * @see https://learn.microsoft.com/azure/foundry/foundry-models/concepts/deployment-types
 */
export const GLOBAL_PROCESSING_SKUS: readonly string[] = ['GlobalStandard', 'GlobalProvisionedManaged', 'GlobalBatch', 'DeveloperTier'];

/** Every deployment processes prompts in its account's data zone or region. */
export const DEPLOYMENT_DATA_ZONE = resourceRule({
  id: DEPLOYMENT_DATA_ZONE_RULE_ID,
  title: 'Model deployment: processed in the data zone or the region',
  mapsTo: ['SECURITY-BASELINE Identity and data: data-zone processing', 'GDPR and data-residency reviews'],
  rationale: 'A Global deployment type may process prompts and completions in any Azure region, whatever the account\'s location; '
    + 'DataZone types keep processing in the EU or US data zone, Standard and ProvisionedManaged in the account\'s region.',
  fix: "Use sku 'DataZoneStandard' (EU and US regions) or 'Standard' (regional), or, for a deliberate global deployment, "
    + "set 'allowGlobalProcessing: true' on the deployment, which acknowledges this rule with its reason.",
  resourceTypes: ['azurerm_cognitive_deployment'],
}, (r) => {
  const name = attr(r.config, 'sku.name');
  if (isExpression(name)) return `'sku.name' must be a deployment type that processes in the data zone or region, got ${show(name)}, a Terraform expression that cannot be proven at synth`;
  if (typeof name !== 'string') return `'sku.name' must be set, got ${show(name)}`;
  if (GLOBAL_PROCESSING_SKUS.some((g) => g.toLowerCase() === name.toLowerCase())) {
    return `'sku.name' must not be a Global deployment type (prompts may be processed in any Azure region), got ${show(name)}`;
  }
  return undefined;
});
