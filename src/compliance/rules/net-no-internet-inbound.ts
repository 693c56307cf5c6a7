import { asArray, blocks, isExpression } from '../private/model';
import { resourceRule } from '../private/rule-kit';

/** Source prefixes that mean "anyone on the Internet". */
const OPEN = ['*', 'internet', 'any', '0.0.0.0/0', '0.0.0.0', '::/0'];

/** Why one rule (inline or standalone) breaks the requirement, or undefined. */
function problemOf(rule: Record<string, any>, where: string): string | undefined {
  if (String(rule.direction).toLowerCase() !== 'inbound' || String(rule.access).toLowerCase() !== 'allow') return undefined;
  const sources = [...asArray(rule.source_address_prefix), ...asArray(rule.source_address_prefixes)];
  const open = sources.filter((s) => typeof s === 'string' && OPEN.includes(s.trim().toLowerCase()));
  if (open.length > 0) {
    return `${where} ${JSON.stringify(rule.name)} allows inbound from ${open.map((s) => `'${s}'`).join(', ')}`;
  }
  const unknown = sources.filter(isExpression);
  if (unknown.length > 0) {
    return `${where} ${JSON.stringify(rule.name)} allows inbound from ${unknown.map((s) => `'${s}'`).join(', ')}, a Terraform expression that cannot be proven not to be the Internet`;
  }
  return undefined;
}

/** No NSG lets the Internet in. */
export const NET_NO_INTERNET_INBOUND = resourceRule({
  id: 'PCHAT-NET-002',
  title: 'Network: no NSG rule allows inbound from the Internet',
  mapsTo: ['CKV_AZURE_9', 'CKV_AZURE_10', 'AVD-AZU-0047'],
  rationale: 'Everything in the deployment is reached through private endpoints; an Allow from *, Internet, Any or 0.0.0.0/0 opens the subnet to the world.',
  fix: "Narrow the rule's source to the VNet, a hub range or a service tag such as VirtualNetwork, or make it a Deny.",
  resourceTypes: ['azurerm_network_security_group', 'azurerm_network_security_rule'],
}, (r) => r.type === 'azurerm_network_security_rule'
  ? problemOf(r.config, 'rule')
  : blocks(r.config.security_rule).map((rule) => problemOf(rule, 'security_rule')));
