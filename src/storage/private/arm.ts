import { Fn } from 'cdktf';
import { isUnresolved } from '../../core/private/validate';
import { parseKeyId } from '../../secrets/private/keys';

/**
 * ARM API version of every `Microsoft.Storage` resource the file store writes: the newest stable
 * version in azapi 2.4's embedded schema (its generated types stop at
 * `internal/azure/generated/storage/microsoft.storage/2024-01-01/types.json` at tag v2.4.0), so
 * that azapi validates the body at plan with the lowest version the library's `~> 2.4` admits.
 * Azure lists 2024-01-01 among the supported versions of the storage resource provider.
 *
 * @see https://github.com/Azure/terraform-provider-azapi/tree/v2.4.0/internal/azure/generated/storage/microsoft.storage
 * @see https://learn.microsoft.com/rest/api/storagerp/
 */
export const STORAGE_API_VERSION = '2024-01-01';
/** `azapi_resource` type of the account. */
export const STORAGE_ACCOUNT_TYPE = `Microsoft.Storage/storageAccounts@${STORAGE_API_VERSION}`;
/** `azapi_resource` type of the account's blob service (always named `default`). */
export const BLOB_SERVICE_TYPE = `Microsoft.Storage/storageAccounts/blobServices@${STORAGE_API_VERSION}`;
/** `azapi_resource` type of a blob container. */
export const BLOB_CONTAINER_TYPE = `Microsoft.Storage/storageAccounts/blobServices/containers@${STORAGE_API_VERSION}`;

/** Azure's built-in `Storage Blob Data Contributor` role (read, write, delete and list blobs; no role management). */
export const STORAGE_BLOB_DATA_CONTRIBUTOR_ROLE_ID = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe';

/**
 * Resource log categories of `Microsoft.Storage/storageAccounts/blobServices`.
 *
 * @see https://learn.microsoft.com/azure/storage/blobs/monitor-blob-storage-reference#resource-logs
 */
export const BLOB_LOG_CATEGORIES: readonly string[] = ['StorageRead', 'StorageWrite', 'StorageDelete'];

/** `keyvaultproperties` of a storage account's encryption: the vault URI and the key name, no version. */
export interface StorageKeyVaultProperties {
  readonly keyvaulturi: string;
  readonly keyname: string;
  readonly keyversion?: string;
}

/**
 * Splits a Key Vault key id (`https://<vault>.vault.azure.net/keys/<name>[/<version>]`) into what
 * a storage account's encryption takes. Without a version the account follows the key's rotation
 * (Azure checks for a new version daily). A key id known only at apply (an `EncryptionKey`'s) is
 * split by Terraform functions.
 *
 * @see https://learn.microsoft.com/azure/storage/common/customer-managed-keys-overview#update-the-key-version
 */
export function keyVaultPropertiesOf(keyId: string,
  known?: { readonly vaultUri?: unknown; readonly keyName?: unknown }): StorageKeyVaultProperties | undefined {
  // A key this stack creates knows its vault URI and name: no need to split its id at apply.
  if (typeof known?.vaultUri === 'string' && typeof known.keyName === 'string') {
    return { keyvaulturi: known.vaultUri, keyname: known.keyName };
  }
  if (isUnresolved(keyId)) {
    // https: / '' / <vault host> / keys / <name>
    const parts = Fn.split('/', keyId);
    return { keyvaulturi: `https://${Fn.element(parts, 2)}`, keyname: Fn.element(parts, 4) };
  }
  const parsed = parseKeyId(keyId);
  if (!parsed) return undefined;
  const host = /^https:\/\/([^/:]+)/.exec(keyId)![1];
  return { keyvaulturi: `https://${host}`, keyname: parsed.keyName, ...(parsed.version ? { keyversion: parsed.version } : {}) };
}
