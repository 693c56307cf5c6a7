import { isStorageAccount, settingPath, STORAGE_RESOURCE_TYPES } from './storage-accounts';
import { expectOneOf, resourceRule } from '../private/rule-kit';

/** The account's network rules deny by default, so only private endpoints reach it. */
export const STORAGE_NETWORK_ACLS = resourceRule({
  id: 'PCHAT-ST-002',
  title: 'Storage account: network rules deny by default',
  mapsTo: ['CKV_AZURE_35'],
  rationale: 'With the default action Allow, turning public network access back on (or a policy doing it) would open the account to every network at once.',
  fix: "Set network_rules { default_action = \"Deny\" } on azurerm_storage_account, or properties.networkAcls.defaultAction = 'Deny' in the ARM body (PrivateFileStore does).",
  resourceTypes: STORAGE_RESOURCE_TYPES,
}, (r) => expectOneOf(r.config, settingPath(r, 'networkAcls.defaultAction', 'network_rules.default_action'), ['Deny']), isStorageAccount);
