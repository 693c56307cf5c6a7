import { armPath, isAzapiStorageAccount } from './storage-accounts';
import { expectOneOf, resourceRule } from '../private/rule-kit';

/**
 * The file store's account has no public endpoint. An `azurerm_storage_account` is held to the
 * same by PCHAT-ISO-001 (`public_network_access_enabled = false`); this rule reads the ARM body.
 *
 * @see https://learn.microsoft.com/azure/storage/common/storage-network-security
 */
export const STORAGE_PUBLIC_ACCESS = resourceRule({
  id: 'PCHAT-ST-001',
  title: 'Storage account (ARM body): public network access disabled',
  mapsTo: ['CKV_AZURE_59'],
  rationale: 'Uploaded files are user data; a public blob endpoint, even behind network rules, is reachable by anyone holding a token.',
  fix: "Set properties.publicNetworkAccess = 'Disabled' in the account's body (PrivateFileStore does) and reach it through a private endpoint on blob.",
  resourceTypes: ['azapi_resource'],
}, (r) => expectOneOf(r.config, armPath('publicNetworkAccess'), ['Disabled']), isAzapiStorageAccount);
