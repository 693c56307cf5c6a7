import { isAzapiStorageAccount, isStorageAccount, settingPath, STORAGE_RESOURCE_TYPES } from './storage-accounts';
import { attr, expectBool, resourceRule } from '../private/rule-kit';

/** The account refuses plain HTTP. */
export const STORAGE_HTTPS_ONLY = resourceRule({
  id: 'PCHAT-ST-006',
  title: 'Storage account: HTTPS only',
  mapsTo: ['CKV_AZURE_3'],
  rationale: 'Over plain HTTP, uploads and the bearer tokens that authorize them cross the network in clear.',
  fix: 'Set https_traffic_only_enabled = true on azurerm_storage_account (enable_https_traffic_only before azurerm 4), or properties.supportsHttpsTrafficOnly = true in the ARM body (PrivateFileStore does).',
  resourceTypes: STORAGE_RESOURCE_TYPES,
}, (r) => {
  // azurerm 4 renamed the argument; Checkov still reads the old name.
  const legacy = !isAzapiStorageAccount(r) && attr(r.config, 'https_traffic_only_enabled') === undefined
    && attr(r.config, 'enable_https_traffic_only') !== undefined;
  return expectBool(r.config, legacy ? 'enable_https_traffic_only' : settingPath(r, 'supportsHttpsTrafficOnly', 'https_traffic_only_enabled'), true);
}, isStorageAccount);
