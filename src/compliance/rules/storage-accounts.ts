import { ResourceView, StackModel } from '../private/model';

/**
 * Storage accounts in both forms a stack may hold them: the library's `azapi_resource` of type
 * `Microsoft.Storage/storageAccounts` (a `PrivateFileStore`, written through Azure Resource
 * Manager only), and an `azurerm_storage_account` a user brings. The PCHAT-ST-* rules read the
 * same setting from either: `body.properties.<armName>` or the azurerm argument.
 */
export const STORAGE_RESOURCE_TYPES = ['azurerm_storage_account', 'azapi_resource'];

/** ARM type of a storage account, lowercased, as an `azapi_resource` names it before `@<api-version>`. */
const ARM_TYPE = 'microsoft.storage/storageaccounts';
/** ARM type of an account's blob service (`…/blobServices/default`), lowercased. */
const BLOB_SERVICE_TYPE = 'microsoft.storage/storageaccounts/blobservices';

/** The ARM type an `azapi_resource` or `azapi_update_resource` writes, lowercased, without its API version. */
export function armTypeOf(r: ResourceView): string | undefined {
  const type = r.config.type;
  return typeof type === 'string' ? type.split('@')[0].toLowerCase() : undefined;
}

/** An `azapi_resource` that creates a storage account. */
export function isAzapiStorageAccount(r: ResourceView): boolean {
  return r.type === 'azapi_resource' && armTypeOf(r) === ARM_TYPE;
}

/** A storage account in either form. */
export function isStorageAccount(r: ResourceView): boolean {
  return r.type === 'azurerm_storage_account' || isAzapiStorageAccount(r);
}

/** Path of an ARM property of the account inside an `azapi_resource`'s body. */
export function armPath(property: string): string {
  return `body.properties.${property}`;
}

/** Where `account` holds one setting: `body.properties.<armProperty>` in ARM form, else the azurerm argument. */
export function settingPath(account: ResourceView, armProperty: string, azurermArgument: string): string {
  return isAzapiStorageAccount(account) ? armPath(armProperty) : azurermArgument;
}

/** The blob services (`…/blobServices/default`) written for `account` in ARM form, by update or by resource. */
export function blobServicesOf(model: StackModel, account: ResourceView): ResourceView[] {
  return model.referencing(['azapi_update_resource', 'azapi_resource'], account, (s) => [s.config.resource_id, s.config.parent_id])
    .filter((s) => armTypeOf(s) === BLOB_SERVICE_TYPE);
}
