import { isStorageAccount, settingPath, STORAGE_RESOURCE_TYPES } from './storage-accounts';
import { expectBool, resourceRule } from '../private/rule-kit';

/**
 * Only Entra ID signs in to the account: no account keys, no SAS tokens signed with them.
 *
 * @see https://learn.microsoft.com/azure/storage/common/shared-key-authorization-prevent
 */
export const STORAGE_SHARED_KEY = resourceRule({
  id: 'PCHAT-ST-004',
  title: 'Storage account: shared-key authorization off',
  mapsTo: ['CKV2_AZURE_40'],
  rationale: 'An account key opens every blob to whoever holds it, outside Entra ID, role assignments and their audit; a SAS signed with it cannot be revoked short of rotating the key.',
  fix: 'Set shared_access_key_enabled = false on azurerm_storage_account, or properties.allowSharedKeyAccess = false in the ARM body (PrivateFileStore does), and grant Storage Blob Data roles instead.',
  resourceTypes: STORAGE_RESOURCE_TYPES,
}, (r) => expectBool(r.config, settingPath(r, 'allowSharedKeyAccess', 'shared_access_key_enabled'), false), isStorageAccount);
