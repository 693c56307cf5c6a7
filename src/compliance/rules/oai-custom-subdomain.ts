import { expectSet, isOpenAiAccount, resourceRule } from '../private/rule-kit';

/**
 * The model account (kind OpenAI or AIServices) has its own custom subdomain.
 *
 * It holds for both kinds, so it is a PCHAT-OAI-* rule (the family the model-account rules
 * share), not a PCHAT-AIS-* one. It was half of PCHAT-OAI-002 before; split out so that each
 * finding names one fix. No scanner check for the subdomain exists, so `mapsTo` points at the
 * azurerm documentation that states the requirement.
 */
export const OAI_CUSTOM_SUBDOMAIN = resourceRule({
  id: 'PCHAT-OAI-008',
  title: 'Model account (OpenAI or AIServices): custom subdomain set',
  mapsTo: ['azurerm cognitive_account docs (custom_subdomain_name)'],
  rationale: 'Without a custom subdomain the account has only the shared regional endpoint: Entra ID token authentication and private endpoints need {subdomain}.openai.azure.com (and {subdomain}.services.ai.azure.com for AIServices), and once set the subdomain cannot change without replacing the account.',
  fix: 'Set custom_subdomain_name (customSubdomainName) to a globally unique name; OpenAiAccount and AiAccount set one for you.',
  resourceTypes: ['azurerm_cognitive_account'],
}, (r) => expectSet(r.config, 'custom_subdomain_name'), isOpenAiAccount);
