import { expectBool, resourceRule } from '../private/rule-kit';

/** No debugger port is opened on the app. */
export const APP_REMOTE_DEBUGGING = resourceRule({
  id: 'PCHAT-APP-008',
  title: 'Web app: remote debugging off',
  mapsTo: ['CKV_AZURE_72'],
  rationale: 'Remote debugging opens extra ports and gives a debugger full control of the process.',
  fix: 'Set site_config.remote_debugging_enabled = false (siteConfig: { remoteDebuggingEnabled: false }).',
  resourceTypes: ['azurerm_linux_web_app'],
}, (r) => expectBool(r.config, 'site_config.remote_debugging_enabled', false));
