import { expectBool, resourceRule } from '../private/rule-kit';

/** Plain HTTP is redirected to HTTPS. */
export const APP_HTTPS_ONLY = resourceRule({
  id: 'PCHAT-APP-003',
  title: 'Web app: HTTPS only',
  mapsTo: ['CKV_AZURE_14'],
  rationale: 'Sign-in cookies and chat content must never travel in clear text, even inside the private network.',
  fix: 'Set https_only = true (httpsOnly: true).',
  resourceTypes: ['azurerm_linux_web_app'],
}, (r) => expectBool(r.config, 'https_only', true));
