import { isExpression } from '../private/model';
import { expectBool, isOpenAiAccount, resourceRule, show } from '../private/rule-kit';

/** The model account (kind OpenAI or AIServices) may call out only to the hosts listed; an explicit empty list means none at all. */
export const OAI_OUTBOUND = resourceRule({
  id: 'PCHAT-OAI-005',
  title: 'Model account (OpenAI or AIServices): outbound access restricted to listed FQDNs',
  mapsTo: ['CKV_AZURE_247'],
  rationale: 'Features such as "on your data", Foundry agents and tools make the account call other services; an allow-list stops data leaving for anywhere else.',
  fix: 'Set outbound_network_access_restricted = true (outboundNetworkAccessRestricted: true) and write fqdns explicitly: the hosts the account may call, or [] for none.',
  resourceTypes: ['azurerm_cognitive_account'],
}, (r) => [
  expectBool(r.config, 'outbound_network_access_restricted', true),
  Array.isArray(r.config.fqdns) || isExpression(r.config.fqdns)
    ? undefined
    : `'fqdns' must be written explicitly (the allowed hosts, or [] for none), got ${show(r.config.fqdns)}`,
], isOpenAiAccount);
