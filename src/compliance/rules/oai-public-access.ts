import { expectBool, isOpenAiAccount, resourceRule } from '../private/rule-kit';

/** The OpenAI account's data plane is reachable only through private endpoints. */
export const OAI_PUBLIC_ACCESS = resourceRule({
  id: 'PCHAT-OAI-001',
  title: 'OpenAI account: public network access off',
  mapsTo: ['CKV_AZURE_134', 'AzPol 47ba1dd7'],
  rationale: 'Prompts and completions must never cross a public endpoint; the account is reached through its private endpoint only.',
  fix: 'Set public_network_access_enabled = false (publicNetworkAccessEnabled: false) and add a private endpoint.',
  resourceTypes: ['azurerm_cognitive_account'],
}, (r) => expectBool(r.config, 'public_network_access_enabled', false), isOpenAiAccount);
