import { expectBool, expectOneOf, resourceRule } from '../private/rule-kit';

/** No FTP, and no username/password publishing at all. */
export const APP_FTP_BASIC_AUTH = resourceRule({
  id: 'PCHAT-APP-005',
  title: 'Web app: FTP and basic publishing credentials off',
  mapsTo: ['CKV_AZURE_78'],
  rationale: 'FTP and basic-auth publishing are password-based side doors that bypass Entra ID and the private endpoint.',
  fix: 'Set site_config.ftps_state = "Disabled", ftp_publish_basic_authentication_enabled = false and webdeploy_publish_basic_authentication_enabled = false.',
  resourceTypes: ['azurerm_linux_web_app'],
}, (r) => [
  expectOneOf(r.config, 'site_config.ftps_state', ['Disabled']),
  expectBool(r.config, 'ftp_publish_basic_authentication_enabled', false),
  expectBool(r.config, 'webdeploy_publish_basic_authentication_enabled', false),
]);
