import { isAzapiStorageAccount } from './storage-accounts';
import { PrivateLinkZone } from '../../network/private-dns-zones';
import { privateEndpointProblem, resourceRule } from '../private/rule-kit';

/**
 * The file store's account has a private endpoint on `blob`, resolved through the blob privatelink
 * zone. An `azurerm_storage_account` is held to the same by PCHAT-ISO-002.
 */
export const STORAGE_PRIVATE_ENDPOINT = resourceRule({
  id: 'PCHAT-ST-007',
  title: 'Storage account (ARM body): private endpoint on blob with the blob zone',
  mapsTo: ['CKV2_AZURE_33'],
  rationale: 'With public access disabled the private endpoint is the only way to the uploads, and the app finds it only through privatelink.blob.core.windows.net.',
  fix: "Add an azurerm_private_endpoint whose private_service_connection targets the account's id with subresource_names = [\"blob\"] and whose zone group holds privatelink.blob.core.windows.net (PrivateFileStore does).",
  resourceTypes: ['azapi_resource'],
}, (r, model) => privateEndpointProblem(model, r, { zonesBySubresource: { blob: [PrivateLinkZone.BLOB.zoneName] } }), isAzapiStorageAccount);
