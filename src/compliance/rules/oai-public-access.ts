import { expectBool, isOpenAiAccount, resourceRule } from '../private/rule-kit';

/** The model account's data plane (kind OpenAI or AIServices) is reachable only through private endpoints. */
export const OAI_PUBLIC_ACCESS = resourceRule({
  id: 'PCHAT-OAI-001',
  title: 'Model account (OpenAI or AIServices): public network access off',
  mapsTo: ['CKV_AZURE_134', 'AzPol 47ba1dd7'],
  rationale: 'Prompts and completions must never cross a public endpoint; the account is reached through its private endpoint only.',
  fix: 'Set public_network_access_enabled = false (publicNetworkAccessEnabled: false) and add a private endpoint.',
  resourceTypes: ['azurerm_cognitive_account'],
}, (r) => expectBool(r.config, 'public_network_access_enabled', false), isOpenAiAccount);
