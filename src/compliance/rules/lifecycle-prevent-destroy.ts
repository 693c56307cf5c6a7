import { expectBool, isOpenAiAccount, resourceRule } from '../private/rule-kit';

/** The stateful pieces survive a mistaken plan. */
export const LIFECYCLE_PREVENT_DESTROY = resourceRule({
  id: 'PCHAT-LIFE-001',
  title: 'Lifecycle: prevent_destroy on the model account (OpenAI or AIServices), the Key Vault and the history database',
  mapsTo: ['SECURITY-BASELINE lifecycle'],
  rationale: 'A replaced history server loses every conversation; a replaced model account loses its deployments and endpoint name and blocks its own name while soft-deleted; a purge-protected vault cannot be recreated under its name.',
  fix: 'Set lifecycle { prevent_destroy = true } (lifecycle: { preventDestroy: true }); to remove the resource on purpose, acknowledge this rule on it first.',
  resourceTypes: ['azurerm_cognitive_account', 'azurerm_key_vault', 'azurerm_postgresql_flexible_server'],
}, (r) => expectBool(r.config, 'lifecycle.prevent_destroy', true), (r) => r.type !== 'azurerm_cognitive_account' || isOpenAiAccount(r));
