import { expectBool, resourceRule } from '../private/rule-kit';

/** Deleted secrets and the vault itself can be recovered and cannot be purged early. */
export const KV_PURGE_PROTECTION = resourceRule({
  id: 'PCHAT-KV-001',
  title: 'Key Vault: purge protection on',
  mapsTo: ['CKV_AZURE_110', 'CKV_AZURE_42', 'AVD-AZU-0016'],
  rationale: 'Without purge protection a compromised or mistaken identity can destroy every secret for good; note it cannot be turned off again.',
  fix: 'Set purge_protection_enabled = true (purgeProtectionEnabled: true).',
  resourceTypes: ['azurerm_key_vault'],
}, (r) => expectBool(r.config, 'purge_protection_enabled', true));
