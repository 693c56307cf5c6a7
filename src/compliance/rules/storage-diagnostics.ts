import { blobServicesOf, isStorageAccount, STORAGE_RESOURCE_TYPES } from './storage-accounts';
import { refersTo, ResourceView, StackModel } from '../private/model';
import { enabledLogs, resourceRule } from '../private/rule-kit';

/** The blob service's read, write and delete logs; `allLogs` holds them all. */
const NEEDED = ['storageread', 'storagewrite', 'storagedelete'];

/**
 * Diagnostic settings on the account's blob service: a target of `<account id>/blobServices/default`,
 * or of a blob service resource of the account in ARM form. A setting on the account itself
 * carries only its metrics, never blob logs.
 */
function blobDiagnosticsOf(model: StackModel, account: ResourceView): ResourceView[] {
  const services = blobServicesOf(model, account);
  return model.ofType('azurerm_monitor_diagnostic_setting').filter((d) => {
    const target = d.config.target_resource_id;
    return services.some((s) => refersTo(target, s)) || (refersTo(target, account) && /\/blobServices\/default$/i.test(target));
  });
}

/**
 * Every read, write and delete of an upload is logged to the workspace.
 *
 * @see https://learn.microsoft.com/azure/storage/blobs/monitor-blob-storage
 */
export const STORAGE_DIAGNOSTICS = resourceRule({
  id: 'PCHAT-ST-009',
  title: 'Storage account: blob read, write and delete logs to Log Analytics',
  mapsTo: ['SECURITY-BASELINE history stores: diagnostics to the workspace'],
  rationale: 'The blob logs are the only record of who read, replaced or deleted which uploaded file, and when: what an access review or an erasure request must show.',
  fix: "Add an azurerm_monitor_diagnostic_setting with target_resource_id = '<account id>/blobServices/default' and enabled_log categories StorageRead, StorageWrite and StorageDelete (or category_group 'allLogs'); PrivateFileStore does with 'monitoring'.",
  resourceTypes: STORAGE_RESOURCE_TYPES,
}, (r, model) => {
  const settings = blobDiagnosticsOf(model, r);
  if (settings.length === 0) return "no azurerm_monitor_diagnostic_setting targets its blob service ('<account id>/blobServices/default')";
  for (const s of settings) {
    const logs = enabledLogs(s);
    if (logs.includes('alllogs') || NEEDED.every((n) => logs.includes(n))) return undefined;
  }
  return `diagnostic setting(s) ${settings.map((d) => `'${d.path}'`).join(', ')} do not enable StorageRead, StorageWrite and StorageDelete (or category_group 'allLogs')`;
}, isStorageAccount);
