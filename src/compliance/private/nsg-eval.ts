import { Cidr, contains, isPrivateRange, overlaps, parseCidr } from '../../core/private/cidr';

/**
 * Evaluates Azure NSG rules for one TCP flow, the way Azure does: rules in priority order
 * (lowest number first), the first rule that matches decides, and the platform's default rules
 * (priorities 65000-65500) come last.
 *
 * Synthesized values may be Terraform expressions the checker cannot know. A rule that might
 * match (an expression, an application security group, a range that overlaps only part of the
 * flow's addresses) makes the verdict `Unknown`, never a pass: the caller reports it.
 *
 * @see https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#security-rules
 * @see https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#default-security-rules
 * @see https://learn.microsoft.com/azure/virtual-network/service-tags-overview
 */

/** Does a rule apply to the flow: certainly, certainly not, or cannot be told at synth. */
export type Match = 'yes' | 'no' | 'maybe';

/** Where a flow starts or ends. */
export interface Addresses {
  /** Known IPv4 ranges (a subnet's prefixes, an endpoint's subnet). */
  readonly cidrs?: readonly Cidr[];
  /** The `VirtualNetwork` service tag itself (users from the VNet, hubs, VPN, ExpressRoute). */
  readonly virtualNetworkTag?: boolean;
  /** Why the addresses are unknown (set when neither of the above is). */
  readonly unknown?: string;
  /**
   * Every address of the `Internet` service tag: a rule covers them all (`yes`) only through `*`,
   * `0.0.0.0/0` or `Internet`; a public range or another service tag covers part of them (`maybe`).
   */
  readonly internet?: boolean;
  /**
   * With `internet`: the `VirtualNetwork` tag covers Internet addresses too, because a route table on
   * the subnet has a route to a public prefix (e.g. `0.0.0.0/0` to a firewall), and Azure adds the
   * prefixes of user-defined routes to the tag.
   */
  readonly virtualNetworkTagCoversInternet?: boolean;
}

/** One rule as the engine reads it (inline `security_rule` or `azurerm_network_security_rule`, snake_case). */
export interface NsgRule {
  readonly name: string;
  /** Number, or the raw value when it is not one (an expression). */
  readonly priority: unknown;
  readonly direction: unknown;
  readonly access: unknown;
  readonly protocol: unknown;
  readonly sourcePrefixes: readonly unknown[];
  readonly destinationPrefixes: readonly unknown[];
  readonly destinationPorts: readonly unknown[];
  /** True when the rule matches through application security groups (membership unknown at synth). */
  readonly usesAsgs?: boolean;
  /** One of Azure's default rules. */
  readonly builtIn?: boolean;
}

/** The flow being evaluated at one NSG. */
export interface Flow {
  readonly direction: 'Inbound' | 'Outbound';
  readonly port: number;
  /** Transport protocol of the flow. @default 'Tcp' */
  readonly protocol?: 'Tcp' | 'Udp';
  readonly source: Addresses;
  readonly destination: Addresses;
  /** Address space of the NSG's virtual network, for the `VirtualNetwork` tag (empty when unknown). */
  readonly vnetSpace: readonly Cidr[];
}

/** The outcome at one NSG. */
export interface Verdict {
  readonly access: 'Allow' | 'Deny' | 'Unknown';
  /** The rule that decided (or that could not be evaluated). */
  readonly rule: NsgRule;
  /** For `Unknown`: what could not be told. */
  readonly reason?: string;
}

function builtIn(name: string, priority: number, direction: string, access: string, source: string, destination: string): NsgRule {
  return {
    name, priority, direction, access, protocol: '*', sourcePrefixes: [source], destinationPrefixes: [destination], destinationPorts: ['*'], builtIn: true,
  };
}

/** Azure's default rules, which every NSG has below its own. */
export const DEFAULT_RULES: readonly NsgRule[] = [
  builtIn('AllowVnetInBound', 65000, 'Inbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork'),
  builtIn('AllowAzureLoadBalancerInBound', 65001, 'Inbound', 'Allow', 'AzureLoadBalancer', '*'),
  builtIn('DenyAllInBound', 65500, 'Inbound', 'Deny', '*', '*'),
  builtIn('AllowVnetOutBound', 65000, 'Outbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork'),
  builtIn('AllowInternetOutBound', 65001, 'Outbound', 'Allow', '*', 'Internet'),
  builtIn('DenyAllOutBound', 65500, 'Outbound', 'Deny', '*', '*'),
];

function isExpr(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

function lower(value: unknown): string | undefined {
  return typeof value === 'string' && !isExpr(value) ? value.trim().toLowerCase() : undefined;
}

/** Combines the matches of a list's entries: one `yes` is enough, all `no` is no. */
function any(matches: Match[]): Match {
  if (matches.includes('yes')) return 'yes';
  if (matches.length > 0 && matches.every((m) => m === 'no')) return 'no';
  return matches.length === 0 ? 'maybe' : 'maybe';
}

/** Both must hold. */
function all(matches: Match[]): Match {
  if (matches.includes('no')) return 'no';
  if (matches.every((m) => m === 'yes')) return 'yes';
  return 'maybe';
}

/** Does a port range entry (`*`, `443`, `1000-2000`) hold the port. */
export function matchPort(range: unknown, port: number): Match {
  if (typeof range === 'number') return range === port ? 'yes' : 'no';
  const text = lower(range);
  if (text === undefined) return 'maybe';
  if (text === '*') return 'yes';
  const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(text);
  if (!m) return 'maybe';
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return port >= from && port <= to ? 'yes' : 'no';
}

/** Does the rule's protocol cover the flow's (TCP unless given). */
export function matchProtocol(protocol: unknown, wanted: 'Tcp' | 'Udp' = 'Tcp'): Match {
  const text = lower(protocol);
  if (text === undefined) return 'maybe';
  return text === '*' || text === wanted.toLowerCase() ? 'yes' : 'no';
}

const ANY = ['*', 'any', '0.0.0.0/0'];
const LOAD_BALANCER = parseCidr('168.63.129.16/32') as Cidr;

function cidrOf(text: string): Cidr | undefined {
  const parsed = parseCidr(text.includes('/') ? text : `${text}/32`);
  return typeof parsed === 'string' ? undefined : parsed;
}

/** Does one address prefix of a rule (CIDR, IP, `*`, service tag) cover the addresses. */
export function matchPrefix(prefix: unknown, addresses: Addresses, vnetSpace: readonly Cidr[]): Match {
  const text = lower(prefix);
  if (text === undefined) return 'maybe';
  if (ANY.includes(text)) return 'yes';
  if (addresses.internet) return matchInternet(text, addresses);
  const cidrs = addresses.cidrs ?? [];
  const known = cidrs.length > 0;
  const inVnet = known && vnetSpace.length > 0 && cidrs.every((c) => vnetSpace.some((v) => contains(v, c)));
  if (text === 'virtualnetwork') {
    if (addresses.virtualNetworkTag) return 'yes';
    return inVnet ? 'yes' : 'maybe';
  }
  if (text === 'internet') {
    if (addresses.virtualNetworkTag) return 'no';
    // Private ranges and the VNet's own space are not the Internet tag's.
    return known && cidrs.every((c) => isPrivateRange(c) || vnetSpace.some((v) => contains(v, c))) ? 'no' : 'maybe';
  }
  if (text === 'azureloadbalancer') {
    if (addresses.virtualNetworkTag) return 'no';
    return known && cidrs.every((c) => !overlaps(c, LOAD_BALANCER)) ? 'no' : 'maybe';
  }
  const rule = cidrOf(text);
  if (rule === undefined) {
    // Another service tag (AzureActiveDirectory, Storage...): Microsoft's public ranges, never
    // private addresses of a VNet.
    if (/^[a-z][a-z0-9]*(\.[a-z0-9]+)?$/.test(text) && known && cidrs.every((c) => isPrivateRange(c))) return 'no';
    if (/^[a-z][a-z0-9]*(\.[a-z0-9]+)?$/.test(text) && addresses.virtualNetworkTag) return 'no';
    return 'maybe';
  }
  if (!known) return 'maybe';
  if (cidrs.every((c) => contains(rule, c))) return 'yes';
  if (cidrs.every((c) => !overlaps(rule, c))) return 'no';
  return 'maybe';
}

/** Does one (lower-case, literal) prefix cover every Internet address, some, or none. */
function matchInternet(text: string, addresses: Addresses): Match {
  if (text === 'internet') return 'yes';
  if (text === 'virtualnetwork') return addresses.virtualNetworkTagCoversInternet ? 'maybe' : 'no';
  if (text === 'azureloadbalancer') return 'no';
  const rule = cidrOf(text);
  // A private range is not the Internet's; a public range or another service tag is part of it.
  if (rule !== undefined) return isPrivateRange(rule) ? 'no' : 'maybe';
  return 'maybe';
}

/** Does the rule apply to the flow, with the reason when it cannot be told. */
export function matchRule(rule: NsgRule, flow: Flow): { match: Match; reason?: string } {
  const direction = lower(rule.direction);
  if (direction !== undefined && direction !== flow.direction.toLowerCase()) return { match: 'no' };
  const parts: [string, Match][] = [
    ['direction', direction === undefined ? 'maybe' : 'yes'],
    ['protocol', matchProtocol(rule.protocol, flow.protocol)],
    ['destination port', any(rule.destinationPorts.map((p) => matchPort(p, flow.port)))],
    ['source address', rule.usesAsgs && rule.sourcePrefixes.length === 0 ? 'maybe' : any(rule.sourcePrefixes.map((p) => matchPrefix(p, flow.source, flow.vnetSpace)))],
    ['destination address', rule.usesAsgs && rule.destinationPrefixes.length === 0 ? 'maybe' : any(rule.destinationPrefixes.map((p) => matchPrefix(p, flow.destination, flow.vnetSpace)))],
  ];
  const match = all(parts.map(([, m]) => m));
  if (match !== 'maybe') return { match };
  const unclear = parts.filter(([, m]) => m === 'maybe').map(([what]) => what);
  return { match, reason: `its ${unclear.join(', ')} cannot be evaluated at synth (a Terraform expression, an application security group, or a range covering only part of the flow's addresses)` };
}

/** An NSG's own rules with a known priority, then Azure's defaults, in the order Azure evaluates them. */
export function ordering(rules: readonly NsgRule[]): NsgRule[] {
  return [...rules.filter((r) => priorityOf(r) !== undefined), ...DEFAULT_RULES].sort((a, b) => priorityOf(a)! - priorityOf(b)!);
}

export function priorityOf(rule: NsgRule): number | undefined {
  if (typeof rule.priority === 'number') return rule.priority;
  if (typeof rule.priority === 'string' && /^\d+$/.test(rule.priority)) return Number(rule.priority);
  return undefined;
}

/**
 * Decides the flow at one NSG: its own rules (any order given) then Azure's defaults.
 * Rules whose priority is an expression could sit anywhere: when such a rule may match and could
 * change the outcome, the verdict is `Unknown`.
 */
export function evaluate(rules: readonly NsgRule[], flow: Flow): Verdict {
  const ordered = ordering(rules);
  let verdict: Verdict | undefined;
  for (const rule of ordered) {
    const { match, reason } = matchRule(rule, flow);
    if (match === 'no') continue;
    const access = lower(rule.access);
    if (match === 'maybe') {
      verdict = { access: 'Unknown', rule, reason };
    } else if (access === 'allow' || access === 'deny') {
      verdict = { access: access === 'allow' ? 'Allow' : 'Deny', rule };
    } else {
      verdict = { access: 'Unknown', rule, reason: 'its access is a Terraform expression that cannot be evaluated at synth' };
    }
    break;
  }
  // The defaults end in a deny-all, so some rule always decides.
  verdict ??= { access: 'Deny', rule: DEFAULT_RULES[2] };
  for (const rule of rules.filter((r) => priorityOf(r) === undefined)) {
    const { match } = matchRule(rule, flow);
    if (match === 'no') continue;
    const access = lower(rule.access);
    if (match === 'yes' && access === verdict.access.toLowerCase()) continue;
    return { access: 'Unknown', rule, reason: 'its priority is a Terraform expression, so it may come before the rule that otherwise decides' };
  }
  return verdict;
}

/** Reads one synthesized rule (inline block or standalone resource config). */
export function readRule(config: Record<string, any>): NsgRule {
  const list = (single: unknown, many: unknown): unknown[] => {
    const out: unknown[] = [];
    if (single !== undefined && single !== null && single !== '') out.push(single);
    if (Array.isArray(many)) out.push(...many);
    else if (many !== undefined && many !== null) out.push(many); // an expression for the whole list
    return out;
  };
  const nonEmpty = (v: unknown) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null);
  return {
    name: typeof config.name === 'string' ? config.name : String(config.name),
    priority: config.priority,
    direction: config.direction,
    access: config.access,
    protocol: config.protocol,
    sourcePrefixes: list(config.source_address_prefix, config.source_address_prefixes),
    destinationPrefixes: list(config.destination_address_prefix, config.destination_address_prefixes),
    destinationPorts: list(config.destination_port_range, config.destination_port_ranges),
    usesAsgs: nonEmpty(config.source_application_security_group_ids) || nonEmpty(config.destination_application_security_group_ids),
  };
}
