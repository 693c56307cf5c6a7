import { isStorageAccount, settingPath, STORAGE_RESOURCE_TYPES } from './storage-accounts';
import { expectBool, resourceRule } from '../private/rule-kit';

/** No container of the account can be made anonymously readable. */
export const STORAGE_BLOB_PUBLIC_ACCESS = resourceRule({
  id: 'PCHAT-ST-003',
  title: 'Storage account: anonymous blob access disallowed',
  mapsTo: ['CKV_AZURE_190'],
  rationale: 'One container switched to public access would publish uploads to anyone who can reach the endpoint, without sign-in.',
  fix: 'Set allow_nested_items_to_be_public = false on azurerm_storage_account, or properties.allowBlobPublicAccess = false in the ARM body (PrivateFileStore does).',
  resourceTypes: STORAGE_RESOURCE_TYPES,
}, (r) => expectBool(r.config, settingPath(r, 'allowBlobPublicAccess', 'allow_nested_items_to_be_public'), false), isStorageAccount);
