import { expectOneOf, expectSet, isOpenAiAccount, resourceRule } from '../private/rule-kit';

/** Network ACLs deny by default, and the custom subdomain exists that private endpoints and Entra auth need. */
export const OAI_NETWORK_ACLS = resourceRule({
  id: 'PCHAT-OAI-002',
  title: 'OpenAI account: network ACL default Deny and a custom subdomain',
  mapsTo: ['AzPol 037eea7a'],
  rationale: 'A default-Deny ACL keeps the account closed if public access is ever re-enabled; private endpoints and Entra tokens need the custom subdomain.',
  fix: "Add network_acls { default_action = \"Deny\" } (networkAcls: { defaultAction: 'Deny' }) and set custom_subdomain_name.",
  resourceTypes: ['azurerm_cognitive_account'],
}, (r) => [expectOneOf(r.config, 'network_acls.default_action', ['Deny']), expectSet(r.config, 'custom_subdomain_name')], isOpenAiAccount);
