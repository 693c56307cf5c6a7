import { expectBool, resourceRule } from '../private/rule-kit';

/** The `security` flags of the old protocols, all of which must be written as false. */
const OLD_PROTOCOLS = [
  'frontend_ssl30_enabled', 'frontend_tls10_enabled', 'frontend_tls11_enabled',
  'backend_ssl30_enabled', 'backend_tls10_enabled', 'backend_tls11_enabled',
];

/**
 * SSL 3.0, TLS 1.0 and TLS 1.1 off towards clients and backends, written explicitly in the
 * `security` block. They are off by default (azurerm sends false for each) and v2 tiers do not
 * take other protocol or cipher settings, so the block changes nothing on the wire: it is there
 * for scanners.
 *
 * @see https://learn.microsoft.com/azure/api-management/api-management-howto-manage-protocols-ciphers
 */
export const APIM_TLS = resourceRule({
  id: 'PCHAT-APIM-004',
  title: 'AI gateway: SSL 3.0, TLS 1.0 and TLS 1.1 off',
  mapsTo: ['CKV_AZURE_173'],
  rationale: 'Old protocols have known weaknesses; a scanner cannot tell a provider default from an omission.',
  fix: 'Write security { frontend_ssl30_enabled, frontend_tls10_enabled, frontend_tls11_enabled, backend_ssl30_enabled, backend_tls10_enabled, backend_tls11_enabled } all false.',
  resourceTypes: ['azurerm_api_management'],
}, (r) => OLD_PROTOCOLS.map((flag) => expectBool(r.config, `security.${flag}`, false)));
