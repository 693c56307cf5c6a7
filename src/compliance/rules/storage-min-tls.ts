import { isStorageAccount, settingPath, STORAGE_RESOURCE_TYPES } from './storage-accounts';
import { expectOneOf, resourceRule } from '../private/rule-kit';

/** Clients negotiate TLS 1.2 or later with the account. */
export const STORAGE_MIN_TLS = resourceRule({
  id: 'PCHAT-ST-005',
  title: 'Storage account: TLS 1.2 minimum',
  mapsTo: ['CKV_AZURE_44'],
  rationale: 'TLS 1.0 and 1.1 are deprecated and weaken the only encryption uploads have in transit.',
  fix: "Set min_tls_version = \"TLS1_2\" on azurerm_storage_account, or properties.minimumTlsVersion = 'TLS1_2' in the ARM body (PrivateFileStore does).",
  resourceTypes: STORAGE_RESOURCE_TYPES,
}, (r) => expectOneOf(r.config, settingPath(r, 'minimumTlsVersion', 'min_tls_version'), ['TLS1_2', 'TLS1_3']), isStorageAccount);
