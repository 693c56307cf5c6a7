import { expectBool, resourceRule } from '../private/rule-kit';

/** The vault's data plane is reachable only through private endpoints. */
export const KV_PUBLIC_ACCESS = resourceRule({
  id: 'PCHAT-KV-003',
  title: 'Key Vault: public network access off',
  mapsTo: ['CKV_AZURE_189'],
  rationale: 'Secrets are read over the private endpoint only; a public endpoint is an attack surface for stolen tokens.',
  fix: 'Set public_network_access_enabled = false (publicNetworkAccessEnabled: false) and add a private endpoint.',
  resourceTypes: ['azurerm_key_vault'],
}, (r) => expectBool(r.config, 'public_network_access_enabled', false));
