import { expectBool, resourceRule } from '../private/rule-kit';

/** Registries on the Premium tier, the only one where the export policy and dedicated data endpoints exist. */
export function isPremiumRegistry(r: { readonly config: Record<string, any> }): boolean {
  return typeof r.config.sku === 'string' && r.config.sku.toLowerCase() === 'premium';
}

/**
 * Images leave a Premium registry only through its data plane: no `az acr import` into another
 * registry and no transfer pipeline. Other tiers cannot turn exports off (nor public access,
 * which PCHAT-ISO-001 already refuses).
 *
 * @see https://learn.microsoft.com/azure/container-registry/data-loss-prevention
 */
export const ACR_EXPORT_POLICY = resourceRule({
  id: 'PCHAT-ACR-003',
  title: 'Container registry: exports disabled',
  mapsTo: ['AzPol 524b0254'],
  rationale: 'With exports on, anyone allowed to import can copy the registry\'s content to a registry outside the private network.',
  fix: 'Set export_policy_enabled = false (exportPolicyEnabled: false); azurerm accepts it only with public_network_access_enabled = false.',
  resourceTypes: ['azurerm_container_registry'],
}, (r) => expectBool(r.config, 'export_policy_enabled', false), isPremiumRegistry);
