import { attr, resourceRule, show } from '../private/rule-kit';

/** Data-plane access is Azure RBAC, not vault access policies. */
export const KV_RBAC = resourceRule({
  id: 'PCHAT-KV-005',
  title: 'Key Vault: RBAC authorization on',
  mapsTo: ['AzPol 12d4fa5e'],
  rationale: 'RBAC grants are scoped, audited and managed like every other Azure permission; access policies are a second, weaker permission system.',
  fix: 'Set rbac_authorization_enabled = true (rbacAuthorizationEnabled: true; older providers: enable_rbac_authorization).',
  resourceTypes: ['azurerm_key_vault'],
}, (r) => {
  const current = attr(r.config, 'rbac_authorization_enabled');
  const legacy = attr(r.config, 'enable_rbac_authorization');
  if (current === true || legacy === true) return undefined;
  return `'rbac_authorization_enabled' (or the older 'enable_rbac_authorization') must be true, got ${show(current ?? legacy)}`;
});
