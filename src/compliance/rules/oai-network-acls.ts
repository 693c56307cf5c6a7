import { expectOneOf, isOpenAiAccount, resourceRule } from '../private/rule-kit';

/**
 * Network ACLs deny by default. (The custom subdomain this rule also demanded until the AIServices
 * kind joined the pack is PCHAT-OAI-008 now, so that each finding names one fix.)
 */
export const OAI_NETWORK_ACLS = resourceRule({
  id: 'PCHAT-OAI-002',
  title: 'Model account (OpenAI or AIServices): network ACL default Deny',
  mapsTo: ['AzPol 037eea7a'],
  rationale: 'A default-Deny ACL keeps the account closed to every network if public access is ever re-enabled.',
  fix: "Add network_acls { default_action = \"Deny\" } (networkAcls: { defaultAction: 'Deny' }); azurerm requires custom_subdomain_name with network_acls (PCHAT-OAI-008).",
  resourceTypes: ['azurerm_cognitive_account'],
}, (r) => expectOneOf(r.config, 'network_acls.default_action', ['Deny']), isOpenAiAccount);
