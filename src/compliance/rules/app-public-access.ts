import { expectBool, resourceRule } from '../private/rule-kit';

/** The web app takes no requests from the Internet. */
export const APP_PUBLIC_ACCESS = resourceRule({
  id: 'PCHAT-APP-001',
  title: 'Web app: public network access off',
  mapsTo: ['CKV_AZURE_222'],
  rationale: 'The chat front end is for the private network only; Entra sign-in alone is not a network boundary.',
  fix: 'Set public_network_access_enabled = false (publicNetworkAccessEnabled: false) and add a private endpoint on sites.',
  resourceTypes: ['azurerm_linux_web_app'],
}, (r) => expectBool(r.config, 'public_network_access_enabled', false));
