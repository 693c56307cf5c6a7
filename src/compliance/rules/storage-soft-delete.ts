import { blobServicesOf, isAzapiStorageAccount, isStorageAccount, STORAGE_RESOURCE_TYPES } from './storage-accounts';
import { attr, resourceRule, show } from '../private/rule-kit';

/** Why a retention policy (`enabled`, `days`) does not hold, or undefined. */
function retentionProblem(path: string, enabled: unknown, days: unknown): string | undefined {
  const on = enabled === true || enabled === 'true';
  const n = typeof days === 'number' ? days : Number.NaN;
  if (on && Number.isInteger(n) && n >= 1) return undefined;
  return `'${path}' must be enabled with 'days' of at least 1, got enabled ${show(enabled)} and days ${show(days)}`;
}

/**
 * Deleted blobs and containers stay restorable for a while, so a mistaken delete (by a user, a
 * retention job or an operator) can be undone; after that, they are gone for good.
 *
 * @see https://learn.microsoft.com/azure/storage/blobs/soft-delete-blob-overview
 */
export const STORAGE_SOFT_DELETE = resourceRule({
  id: 'PCHAT-ST-008',
  title: 'Storage account: blob and container soft delete on',
  mapsTo: ['CKV2_AZURE_38'],
  rationale: 'Without soft delete a deleted upload or container is lost at once; with it, it can be restored for the retention days and is then purged.',
  fix: 'Set blob_properties { delete_retention_policy { days = 7 } container_delete_retention_policy { days = 7 } } on azurerm_storage_account, '
    + 'or deleteRetentionPolicy and containerDeleteRetentionPolicy ({ enabled: true, days: 7 }) on the account\'s blobServices/default (PrivateFileStore does).',
  resourceTypes: STORAGE_RESOURCE_TYPES,
}, (r, model) => {
  if (!isAzapiStorageAccount(r)) {
    const blob = attr(r.config, 'blob_properties.delete_retention_policy');
    const container = attr(r.config, 'blob_properties.container_delete_retention_policy');
    const days = (path: string) => {
      const value = attr(r.config, `${path}.days`);
      // The provider's default is 7 days when the block is written without them.
      return retentionProblem(path, true, value === undefined ? 7 : value);
    };
    return [
      blob === undefined ? '\'blob_properties.delete_retention_policy\' must be set, got undefined' : days('blob_properties.delete_retention_policy'),
      container === undefined ? '\'blob_properties.container_delete_retention_policy\' must be set, got undefined' : days('blob_properties.container_delete_retention_policy'),
    ];
  }
  const services = blobServicesOf(model, r);
  if (services.length === 0) {
    return `no azapi_update_resource or azapi_resource of type Microsoft.Storage/storageAccounts/blobServices targets it (expected resource_id = '\${${r.address}.id}/blobServices/default' with the retention policies)`;
  }
  const problems = services.map((s) => {
    const found = ['deleteRetentionPolicy', 'containerDeleteRetentionPolicy'].map((policy) => retentionProblem(
      `body.properties.${policy}`, attr(s.config, `body.properties.${policy}.enabled`), attr(s.config, `body.properties.${policy}.days`)));
    const wrong = found.filter((p): p is string => p !== undefined);
    return wrong.length === 0 ? undefined : `blob service '${s.path}': ${wrong.join('; ')}`;
  });
  return problems.some((p) => p === undefined) ? undefined : problems.join('; ');
}, isStorageAccount);
