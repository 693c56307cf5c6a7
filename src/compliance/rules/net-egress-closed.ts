import { isPrivateRange, parseCidr } from '../../core/private/cidr';
import { ENTRA_ID_TAG } from '../../network/private/egress-rules';
import { block, blocks, isExpression, ResourceView, StackModel } from '../private/model';
import { Addresses, Flow, matchRule, NsgRule, ordering, priorityOf } from '../private/nsg-eval';
import { cidrsOf, nsgOf, rulesOf } from '../private/nsg-model';
import { RuleDefinition, Violation } from '../private/rule-kit';
import { ComplianceRule } from '../rule';

const INFO: ComplianceRule = {
  // The same id as EGRESS_RULE_ID (src/network/private/egress-rules.ts), with which the network floor,
  // below this one, acknowledges Egress.openInternet; test/compliance/net-egress-closed.test.ts holds them equal.
  id: 'PCHAT-NET-004',
  title: 'Network: outbound to the Internet denied from the app and gateway subnets, except the service tags they need',
  mapsTo: ["Microsoft's baseline egress guidance", 'CIS network controls'],
  rationale: 'A misconfigured or compromised front end (an admin-added connection, a tool, a web fetch) can send chats and tokens anywhere the network lets it; '
    + 'the NSG default AllowInternetOutBound (65001) lets everything out. The subnets that carry outbound traffic of an app or an API Management gateway '
    + '(delegated to Microsoft.Web/serverFarms, or an app\'s or gateway\'s integration subnet) must deny the Internet tag on every port, over TCP and UDP, '
    + `after allowing only what the deployment needs: the private endpoints (private addresses) and Entra ID (the ${ENTRA_ID_TAG} service tag). `
    + 'NSG rules are evaluated in Azure\'s order; a rule that allows part of the Internet (a public range, another service tag) or cannot be evaluated at synth fails.',
  fix: 'On a PrivateNetwork, egress is closed by default (AllowEntraIdOutbound 400, DenyInternetOutbound 4000); remove the rule that opens it, or, when the Internet '
    + 'must be reachable, say so with Egress.natGateway().openInternet(reason) (or .throughFirewall(ip).openInternet(reason)), which acknowledges this rule. '
    + 'On NSGs you manage, add an outbound Deny to the Internet service tag with a lower priority number than any Allow that reaches it.',
  resourceTypes: ['azurerm_subnet', 'azurerm_network_security_group', 'azurerm_network_security_rule'],
};

/** Service tags the deployment needs on the Internet: an Allow to them alone is not an opening. */
const NEEDED_TAGS = [ENTRA_ID_TAG.toLowerCase()];

const APP_TYPES = ['azurerm_linux_web_app', 'azurerm_windows_web_app', 'azurerm_linux_function_app', 'azurerm_windows_function_app',
  'azurerm_linux_web_app_slot', 'azurerm_windows_web_app_slot'];
const INTEGRATION_DELEGATION = 'microsoft.web/serverfarms';

/** The subnets that carry an app's or a gateway's outbound traffic, with why. */
function egressSubnets(model: StackModel): Map<string, { subnet: ResourceView; why: string }> {
  const out = new Map<string, { subnet: ResourceView; why: string }>();
  const add = (value: unknown, why: string) => {
    const subnet = model.target(value);
    if (subnet?.type === 'azurerm_subnet' && !out.has(subnet.address)) out.set(subnet.address, { subnet, why });
  };
  for (const app of model.ofType(...APP_TYPES)) add(app.config.virtual_network_subnet_id, `VNet integration of ${app.address}`);
  for (const swift of model.ofType('azurerm_app_service_virtual_network_swift_connection')) add(swift.config.subnet_id, `VNet integration ${swift.address}`);
  for (const apim of model.ofType('azurerm_api_management')) add(block(apim.config.virtual_network_configuration).subnet_id, `VNet integration of ${apim.address}`);
  for (const subnet of model.ofType('azurerm_subnet')) {
    const delegated = blocks(subnet.config.delegation).some((d) => String(block(d.service_delegation).name).toLowerCase() === INTEGRATION_DELEGATION);
    if (delegated && !out.has(subnet.address)) out.set(subnet.address, { subnet, why: 'delegated to Microsoft.Web/serverFarms (outbound VNet integration)' });
  }
  return out;
}


/** Whether a route table on the subnet routes a public prefix (Azure then adds it to the VirtualNetwork tag). */
function routesPublicPrefixes(model: StackModel, subnet: ResourceView): boolean {
  const associations = model.referencing(['azurerm_subnet_route_table_association'], subnet, (a) => [a.config.subnet_id]);
  const tables = associations.map((a) => model.target(a.config.route_table_id)).filter((t): t is ResourceView => t !== undefined);
  const standalone = tables.flatMap((t) => model.referencing(['azurerm_route'], t, (r) => [r.config.route_table_name]).map((r) => r.config));
  const routes = [...tables.flatMap((t) => blocks(t.config.route)), ...standalone];
  return routes.some((r) => {
    const cidr = typeof r.address_prefix === 'string' && !isExpression(r.address_prefix) ? parseCidr(r.address_prefix) : undefined;
    return cidr === undefined || typeof cidr === 'string' || !isPrivateRange(cidr);
  });
}

/** The ports where a rule's verdict can change: 1, 65535 and both sides of every range bound. */
function candidatePorts(rules: readonly NsgRule[]): number[] {
  const ports = new Set<number>([1, 53, 80, 443, 65535]);
  for (const rule of rules) {
    for (const range of rule.destinationPorts) {
      const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(String(range).trim());
      if (!m) continue;
      const from = Number(m[1]);
      const to = m[2] === undefined ? from : Number(m[2]);
      for (const p of [from - 1, from, to, to + 1]) if (p >= 1 && p <= 65535) ports.add(p);
    }
  }
  return [...ports].sort((a, b) => a - b);
}

function describe(rule: NsgRule): string {
  return `'${rule.name}' (priority ${String(rule.priority)}${rule.builtIn ? ', an Azure default rule' : ''})`;
}

/** Only needed tags as destinations: an Allow to them is the deployment's own need, not an opening. */
function onlyNeededTags(rule: NsgRule): boolean {
  return rule.destinationPrefixes.length > 0
    && rule.destinationPrefixes.every((p) => typeof p === 'string' && NEEDED_TAGS.includes(p.trim().toLowerCase()));
}

/**
 * Walks the NSG as Azure would for traffic to the Internet: the first rule covering every Internet
 * address decides; a Deny covering part of it lets the walk go on for the rest; an Allow covering
 * any part (other than a needed service tag) is an opening.
 */
function opening(rules: readonly NsgRule[], flow: Flow): string | undefined {
  for (const rule of rules.filter((r) => priorityOf(r) === undefined)) {
    const { match } = matchRule(rule, flow);
    if (match !== 'no' && String(rule.access).toLowerCase() !== 'deny') {
      return `rule '${rule.name}' has a priority that cannot be evaluated at synth and may allow it`;
    }
  }
  for (const rule of ordering(rules)) {
    const { match, reason } = matchRule(rule, flow);
    if (match === 'no') continue;
    const access = typeof rule.access === 'string' && !isExpression(rule.access) ? rule.access.toLowerCase() : undefined;
    if (access === 'deny') {
      if (match === 'yes') return undefined;
      continue;
    }
    if (access === 'allow' && onlyNeededTags(rule)) continue;
    if (access === 'allow' && match === 'yes') return `rule ${describe(rule)} allows it`;
    if (access === 'allow') return `rule ${describe(rule)} allows part of the Internet (${rule.destinationPrefixes.map((p) => `'${String(p)}'`).join(', ')}) or ${reason}`;
    return `rule ${describe(rule)} has an access that cannot be evaluated at synth`;
  }
  return undefined; // DenyAllOutBound (65500) always matches
}

/** Outbound to the Internet is denied from every app and gateway subnet of the stack. */
export const NET_EGRESS_CLOSED: RuleDefinition = {
  info: INFO,
  check(model) {
    const out: Violation[] = [];
    for (const { subnet, why } of egressSubnets(model).values()) {
      const nsg = nsgOf(model, subnet);
      const label = `subnet ${JSON.stringify(subnet.config.name)} (${why})`;
      if (!nsg) {
        out.push({ resource: subnet, problem: `${label} has no NSG in this stack, so the default rule AllowInternetOutBound (65001) lets everything out` });
        continue;
      }
      const rules = rulesOf(model, nsg);
      const cidrs = cidrsOf(subnet.config.address_prefixes);
      const source: Addresses = cidrs ? { cidrs } : { unknown: 'address prefixes that cannot be evaluated at synth' };
      const vnet = model.target(subnet.config.virtual_network_name);
      const vnetSpace = (vnet && cidrsOf(vnet.config.address_space)) ?? [];
      const destination: Addresses = { internet: true, virtualNetworkTagCoversInternet: routesPublicPrefixes(model, subnet) };
      let problem: string | undefined;
      for (const protocol of ['Tcp', 'Udp'] as const) {
        for (const port of candidatePorts(rules)) {
          const found = opening(rules, { direction: 'Outbound', port, protocol, source, destination, vnetSpace });
          if (found) {
            problem = `${label} can reach the Internet on ${protocol.toUpperCase()} ${port} through NSG ${JSON.stringify(nsg.config.name)} (${nsg.address}): ${found}`;
            break;
          }
        }
        if (problem) break;
      }
      if (problem) out.push({ resource: subnet, problem });
    }
    return out;
  },
};
