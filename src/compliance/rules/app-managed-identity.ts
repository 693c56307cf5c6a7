import { expectIdentity, resourceRule } from '../private/rule-kit';

/** The app authenticates to OpenAI and Key Vault as itself. */
export const APP_MANAGED_IDENTITY = resourceRule({
  id: 'PCHAT-APP-006',
  title: 'Web app: managed identity',
  mapsTo: ['CKV_AZURE_16', 'CKV_AZURE_71'],
  rationale: 'A managed identity removes keys and connection strings from app settings.',
  fix: "Add identity { type = \"UserAssigned\", identity_ids = [...] } (identity: { type: 'UserAssigned', identityIds: [id] }) or SystemAssigned.",
  resourceTypes: ['azurerm_linux_web_app'],
}, (r) => expectIdentity(r.config));
