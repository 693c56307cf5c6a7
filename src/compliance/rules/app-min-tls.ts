import { attr, expectOneOf, resourceRule, show } from '../private/rule-kit';

const MODERN = ['1.2', '1.3'];

/** Clients must speak TLS 1.2 or newer, on the site and on its SCM (Kudu) endpoint. */
export const APP_MIN_TLS = resourceRule({
  id: 'PCHAT-APP-004',
  title: 'Web app: minimum TLS 1.2',
  mapsTo: ['CKV_AZURE_15'],
  rationale: 'TLS 1.0 and 1.1 have known weaknesses and are deprecated across Azure.',
  fix: "Set site_config.minimum_tls_version = \"1.2\" (siteConfig: { minimumTlsVersion: '1.2' }) or \"1.3\", and leave scm_minimum_tls_version unset or at 1.2+.",
  resourceTypes: ['azurerm_linux_web_app'],
}, (r) => {
  const scm = attr(r.config, 'site_config.scm_minimum_tls_version');
  return [
    expectOneOf(r.config, 'site_config.minimum_tls_version', MODERN),
    scm === undefined || MODERN.includes(String(scm)) ? undefined : `'site_config.scm_minimum_tls_version' must be '1.2' or '1.3', got ${show(scm)}`,
  ];
});
