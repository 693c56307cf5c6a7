import { asArray, blocks, isExpression, ResourceView, StackModel } from './model';
import { NsgRule, readRule } from './nsg-eval';
import { Cidr, parseCidr } from '../../core/private/cidr';

/**
 * The NSG side of the synthesized stack, shared by the network rules (PCHAT-NET-003 reachability,
 * PCHAT-NET-004 closed egress): address prefixes, the NSG of a subnet, and the rules of an NSG.
 */

/** The CIDR blocks of an address-prefix list, or undefined when any of them is not known at synth. */
export function cidrsOf(prefixes: unknown): Cidr[] | undefined {
  const list = asArray(prefixes);
  if (list.length === 0 || isExpression(prefixes)) return undefined;
  const out: Cidr[] = [];
  for (const p of list) {
    if (typeof p !== 'string' || isExpression(p)) return undefined;
    const parsed = parseCidr(p);
    if (typeof parsed === 'string') return undefined;
    out.push(parsed);
  }
  return out;
}

/** The NSG associated with a subnet in this stack, if any. */
export function nsgOf(model: StackModel, subnet: ResourceView): ResourceView | undefined {
  const association = model.referencing(['azurerm_subnet_network_security_group_association'], subnet, (a) => [a.config.subnet_id])[0];
  return association ? model.target(association.config.network_security_group_id) : undefined;
}

/** Every rule of an NSG: inline blocks and standalone `azurerm_network_security_rule`s. */
export function rulesOf(model: StackModel, nsg: ResourceView): NsgRule[] {
  const standalone = model.referencing(['azurerm_network_security_rule'], nsg, (r) => [r.config.network_security_group_name]);
  return [...blocks(nsg.config.security_rule), ...standalone.map((r) => r.config)].map(readRule);
}
