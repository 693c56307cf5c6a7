import { expectOneOf, resourceRule } from '../private/rule-kit';

/** The vault firewall denies by default. */
export const KV_NETWORK_ACLS = resourceRule({
  id: 'PCHAT-KV-004',
  title: 'Key Vault: network ACL default Deny',
  mapsTo: ['CKV_AZURE_109', 'AVD-AZU-0013'],
  rationale: 'A default-Deny firewall keeps the vault closed even if public access is switched back on.',
  fix: "Add network_acls { default_action = \"Deny\", bypass = \"AzureServices\" } (networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' }).",
  resourceTypes: ['azurerm_key_vault'],
}, (r) => expectOneOf(r.config, 'network_acls.default_action', ['Deny']));
