import { armPath, isAzapiStorageAccount, isStorageAccount, STORAGE_RESOURCE_TYPES, valueAt } from './storage-accounts';
import { expectBool, resourceRule } from '../private/rule-kit';

/** The account refuses plain HTTP. */
export const STORAGE_HTTPS_ONLY = resourceRule({
  id: 'PCHAT-ST-006',
  title: 'Storage account: HTTPS only',
  mapsTo: ['CKV_AZURE_3'],
  rationale: 'Over plain HTTP, uploads and the bearer tokens that authorize them cross the network in clear.',
  fix: 'Set https_traffic_only_enabled = true on azurerm_storage_account (enable_https_traffic_only before azurerm 4), or properties.supportsHttpsTrafficOnly = true in the ARM body (PrivateFileStore does).',
  resourceTypes: STORAGE_RESOURCE_TYPES,
}, (r) => {
  if (isAzapiStorageAccount(r)) return expectBool(r.config, armPath('supportsHttpsTrafficOnly'), true);
  // azurerm 4 renamed the argument; Checkov still reads the old name.
  const name = valueAt(r, 'https_traffic_only_enabled') === undefined && valueAt(r, 'enable_https_traffic_only') !== undefined
    ? 'enable_https_traffic_only' : 'https_traffic_only_enabled';
  return expectBool(r.config, name, true);
}, isStorageAccount);
