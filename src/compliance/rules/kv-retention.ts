import { expectOneOf, resourceRule } from '../private/rule-kit';

/** Soft-deleted items are kept for the longest window. */
export const KV_RETENTION = resourceRule({
  id: 'PCHAT-KV-002',
  title: 'Key Vault: soft-delete retention 90 days',
  mapsTo: ['CKV_AZURE_111'],
  rationale: 'The retention window is how long a deletion can be undone; 90 days is the maximum, and it is fixed once the vault exists.',
  fix: 'Set soft_delete_retention_days = 90 (softDeleteRetentionDays: 90).',
  resourceTypes: ['azurerm_key_vault'],
}, (r) => expectOneOf(r.config, 'soft_delete_retention_days', [90]));
