import { isExpression } from '../private/model';
import { resourceRule, show } from '../private/rule-kit';

/** `${azurerm_cognitive_account.<name>.endpoint}…` or `${trimsuffix(azurerm_cognitive_account.<name>.endpoint, "/")}…`. */
const ACCOUNT_ENDPOINT = /^\$\{(?:azurerm_cognitive_account\.[^.}]+\.endpoint|trimsuffix\(azurerm_cognitive_account\.[^.},]+\.endpoint, "\/"\))\}/;

/**
 * Every backend is called over HTTPS. A URL built from a model account's `endpoint` attribute
 * (always `https://…`), as it is or without its trailing slash, is accepted though the checker
 * cannot evaluate it.
 *
 * @see https://learn.microsoft.com/azure/api-management/backends
 */
export const APIM_BACKEND_HTTPS = resourceRule({
  id: 'PCHAT-APIM-006',
  title: 'AI gateway: backends over HTTPS',
  mapsTo: ['CKV_AZURE_215'],
  rationale: 'Prompts, completions and the gateway\'s tokens must not cross the network in clear text.',
  fix: 'Set url to an https:// address (an account\'s endpoint followed by openai).',
  resourceTypes: ['azurerm_api_management_backend'],
}, (r) => {
  const url = r.config.url;
  if (typeof url === 'string' && url.toLowerCase().startsWith('https://')) return undefined;
  if (typeof url === 'string' && ACCOUNT_ENDPOINT.test(url)) return undefined;
  return `'url' must start with https://, got ${isExpression(url) ? `${show(url)}, a Terraform expression that cannot be proven at synth` : show(url)}`;
});
