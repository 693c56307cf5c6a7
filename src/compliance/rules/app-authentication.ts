import { expectBool, resourceRule } from '../private/rule-kit';

/** App Service authentication signs every user in before the app sees a request. */
export const APP_AUTHENTICATION = resourceRule({
  id: 'PCHAT-APP-007',
  title: 'Web app: App Service authentication on',
  mapsTo: ['CKV_AZURE_13'],
  rationale: 'The chat app relies on Easy Auth headers to know the user; without it anyone on the network can use the model anonymously.',
  fix: 'Add auth_settings_v2 { auth_enabled = true, require_authentication = true, ... } with an Entra ID (active_directory_v2) provider.',
  resourceTypes: ['azurerm_linux_web_app'],
}, (r) => expectBool(r.config, 'auth_settings_v2.auth_enabled', true));
