import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { stableHash } from '../../core/names';

/**
 * The flows a network lets through its NSGs, registered by the private endpoints on it
 * (`ServicePrivateEndpoint.allowFrom`) and rendered lazily into NSG rules at synth, so that an
 * endpoint created after the network still gets its rules.
 *
 * Kept out of the public API: a `PrivateNetwork` owns one, created in its constructor.
 */

/** A subnet the network owns, which can be the source of a flow. */
export interface OwnedSubnet {
  /** Subnet name, e.g. `app-integration`; names the NSG rules. */
  readonly name: string;
  /** Address prefix (literal, or a token when the prop was one). */
  readonly cidr: string;
  /** The subnet's `id` attribute, to recognise it in `EndpointCaller.subnet(id)`. */
  readonly id: string;
}

/** Where a flow comes from. */
export interface FlowSource {
  /** A subnet of the network, or of another network of the stack (a peered spoke) when `remote`. */
  readonly subnet?: OwnedSubnet;
  /** The subnet belongs to another network of the stack, which writes its outbound rule. */
  readonly remote?: boolean;
  /** An address range (CIDR) or the `VirtualNetwork` service tag. */
  readonly prefix?: string;
}

/** One caller of one endpoint. */
interface Flow {
  readonly source: FlowSource;
  readonly ports: readonly number[];
  readonly description?: string;
}

/** The service tag that covers the VNet, its peerings, VPN and ExpressRoute. */
export const VIRTUAL_NETWORK_TAG = 'VirtualNetwork';

/** Lowest and highest priority of the derived inbound rules (100 is the VNet rule, 4000+ the denies). */
const FIRST_PRIORITY = 200;
const LAST_PRIORITY = 3999;
/** Priority of the outbound rule on a source subnet's NSG that lets it reach the endpoints. */
export const OUTBOUND_PRIORITY = 150;
/** First priority of the outbound rules to endpoint subnets of other networks (peered spokes), one per subnet. */
const REMOTE_OUTBOUND_PRIORITY = 160;

/** A flow from an owned subnet to the endpoint subnet of another network of the stack. */
interface RemoteFlow {
  readonly subnet: OwnedSubnet;
  readonly destination: string;
  readonly ports: readonly number[];
}

/** An NSG rule, in the provider's camelCase struct (inline `security_rule`). */
export interface RenderedRule {
  readonly name: string;
  readonly priority: number;
  readonly direction: 'Inbound' | 'Outbound';
  readonly access: 'Allow' | 'Deny';
  readonly protocol: string;
  readonly description: string;
  readonly sourceAddressPrefix: string;
  readonly sourcePortRange: string;
  readonly destinationAddressPrefix: string;
  readonly destinationPortRange?: string;
  readonly destinationPortRanges?: string[];
}

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** A token's Terraform text (`${azurerm_subnet.x.id}`), to compare two tokens for the same attribute. */
export function resolvedText(scope: IConstruct, value: string): string {
  try {
    return String(Tokenization.resolve(value, { scope, preparing: false, resolver: RESOLVER }));
  } catch {
    return value;
  }
}

export class FlowRegistry {
  private readonly flows: Flow[] = [];
  private readonly remoteFlows: RemoteFlow[] = [];

  constructor(
    private readonly scope: IConstruct,
    /** Address prefix of the endpoint subnet: the destination of every rule. */
    private readonly endpointSubnetCidr: string,
    private readonly subnets: OwnedSubnet[],
  ) {}

  /** Adds a subnet the network created after construction (`addDelegatedSubnet`). */
  public addSubnet(subnet: OwnedSubnet): void {
    this.subnets.push(subnet);
  }

  /** The owned subnet whose id this is (two tokens for the same attribute resolve alike), or undefined. */
  public subnetById(id: string): OwnedSubnet | undefined {
    const wanted = resolvedText(this.scope, id);
    return this.subnets.find((s) => s.id === id || resolvedText(this.scope, s.id) === wanted);
  }

  public add(source: FlowSource, ports: readonly number[], description?: string): void {
    this.flows.push({ source, ports, description });
  }

  /** Records that an owned subnet calls endpoints in `destination`, the endpoint subnet of another network. */
  public addRemote(subnet: OwnedSubnet, destination: string, ports: readonly number[]): void {
    this.remoteFlows.push({ subnet, destination, ports });
  }

  /** Address prefix of the endpoint subnet, the destination of the network's inbound rules. */
  public get endpointSubnet(): string {
    return this.endpointSubnetCidr;
  }

  /**
   * Inbound Allow rules for the endpoint subnet's NSG: one per source, over the union of the
   * ports of every endpoint the source is wired to. The `VirtualNetwork` source keeps the
   * name and priority the rule had before rules were derived (`AllowVnetHttpsInbound`, 100).
   * Other priorities come from a hash of the rule name (stable when sources are added or
   * removed), moved up on a collision in name order.
   */
  public inboundRules(): RenderedRule[] {
    const groups = this.grouped();
    const out: RenderedRule[] = [];
    const vnet = groups.find((g) => g.key === `prefix:${VIRTUAL_NETWORK_TAG}`);
    if (vnet) {
      const https = vnet.ports.length === 1 && vnet.ports[0] === 443;
      out.push({
        ...portFields(vnet.ports),
        name: https ? 'AllowVnetHttpsInbound' : 'AllowVnetToEndpointsInbound',
        priority: 100,
        direction: 'Inbound',
        access: 'Allow',
        protocol: 'Tcp',
        description: https
          ? 'HTTPS from the VNet, peered hubs, VPN and ExpressRoute to the private endpoints'
          : clip(`TCP ${vnet.ports.join(', ')} from the VNet, peered hubs, VPN and ExpressRoute to the private endpoints`),
        sourceAddressPrefix: VIRTUAL_NETWORK_TAG,
        sourcePortRange: '*',
        destinationAddressPrefix: this.endpointSubnetCidr,
      });
    }
    const others = groups.filter((g) => g !== vnet).map((g) => ({ ...g, name: `Allow-${g.label}-Inbound` }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const taken = new Set<number>();
    for (const g of others) {
      const span = LAST_PRIORITY - FIRST_PRIORITY + 1;
      let priority = FIRST_PRIORITY + (parseInt(stableHash(g.name, 8), 16) % span);
      while (taken.has(priority)) priority = priority === LAST_PRIORITY ? FIRST_PRIORITY : priority + 1;
      taken.add(priority);
      out.push({
        ...portFields(g.ports),
        name: g.name,
        priority,
        direction: 'Inbound',
        access: 'Allow',
        protocol: 'Tcp',
        description: clip(g.descriptions.length > 0 ? g.descriptions.join('; ') : `TCP ${g.ports.join(', ')} from ${g.label} to the private endpoints`),
        sourceAddressPrefix: g.address,
        sourcePortRange: '*',
        destinationAddressPrefix: this.endpointSubnetCidr,
      });
    }
    return out.sort((a, b) => a.priority - b.priority);
  }

  /**
   * The outbound Allow rule for an owned subnet's NSG: from the subnet to the endpoint subnet, on
   * every port it is wired to. Written even while the NSG denies nothing outbound, so that
   * closing egress later does not cut the flows.
   */
  public outboundRules(subnet: OwnedSubnet): RenderedRule[] {
    return [...this.ownOutbound(subnet), ...this.remoteOutbound(subnet)];
  }

  /**
   * Outbound Allow rules from an owned subnet to the endpoint subnets of other networks it calls
   * over a peering: one per destination, in address order, from priority 160.
   */
  private remoteOutbound(subnet: OwnedSubnet): RenderedRule[] {
    const byDestination = new Map<string, Set<number>>();
    for (const flow of this.remoteFlows.filter((f) => f.subnet === subnet)) {
      const ports = byDestination.get(flow.destination) ?? new Set<number>();
      flow.ports.forEach((p) => ports.add(p));
      byDestination.set(flow.destination, ports);
    }
    return [...byDestination.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([destination, set], i) => {
      const ports = [...set].sort((a, b) => a - b);
      return {
        ...portFields(ports),
        name: `AllowPeeredEndpointsOutbound-${destination.replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, 80),
        priority: REMOTE_OUTBOUND_PRIORITY + i,
        direction: 'Outbound' as const,
        access: 'Allow' as const,
        protocol: 'Tcp',
        description: clip(`TCP ${ports.join(', ')} to the private endpoints of a peered network that this subnet calls`),
        sourceAddressPrefix: subnet.cidr,
        sourcePortRange: '*',
        destinationAddressPrefix: destination,
      };
    });
  }

  private ownOutbound(subnet: OwnedSubnet): RenderedRule[] {
    const group = this.grouped().find((g) => g.key === `subnet:${subnet.name}`);
    if (!group) return [];
    return [{
      ...portFields(group.ports),
      name: 'AllowPrivateEndpointsOutbound',
      priority: OUTBOUND_PRIORITY,
      direction: 'Outbound',
      access: 'Allow',
      protocol: 'Tcp',
      description: clip(`TCP ${group.ports.join(', ')} to the private endpoints this subnet calls`),
      sourceAddressPrefix: subnet.cidr,
      sourcePortRange: '*',
      destinationAddressPrefix: this.endpointSubnetCidr,
    }];
  }

  private grouped(): { key: string; label: string; address: string; ports: number[]; descriptions: string[] }[] {
    const byKey = new Map<string, { key: string; label: string; address: string; ports: Set<number>; descriptions: string[] }>();
    for (const flow of this.flows) {
      // A subnet of another network may share a name with one of ours: its key and label carry its range.
      const remote = flow.source.subnet && flow.source.remote ? `${flow.source.subnet.name}-${flow.source.subnet.cidr.replace(/[^A-Za-z0-9]/g, '_')}` : undefined;
      const key = remote !== undefined ? `remote:${remote}` : flow.source.subnet ? `subnet:${flow.source.subnet.name}` : `prefix:${flow.source.prefix}`;
      let group = byKey.get(key);
      if (!group) {
        const raw = remote ?? (flow.source.subnet ? flow.source.subnet.name : String(flow.source.prefix).replace(/[^A-Za-z0-9]/g, '_'));
        // Azure caps rule names at 80 characters: 'Allow-' + label + '-Inbound' must fit.
        const label = raw.length <= 60 ? raw : `${raw.slice(0, 53)}-${stableHash(raw, 6)}`;
        const address = flow.source.subnet ? flow.source.subnet.cidr : String(flow.source.prefix);
        group = { key, label, address, ports: new Set(), descriptions: [] };
        byKey.set(key, group);
      }
      flow.ports.forEach((p) => group!.ports.add(p));
      if (flow.description && !group.descriptions.includes(flow.description)) group.descriptions.push(flow.description);
    }
    return [...byKey.values()].map((g) => ({ ...g, ports: [...g.ports].sort((a, b) => a - b), descriptions: [...g.descriptions].sort() }));
  }
}

function portFields(list: readonly number[]): { destinationPortRange?: string; destinationPortRanges?: string[] } {
  return list.length === 1 ? { destinationPortRange: String(list[0]) } : { destinationPortRanges: list.map(String) };
}

/** Azure caps an NSG rule's description at 140 characters. */
function clip(text: string): string {
  return text.length <= 140 ? text : `${text.slice(0, 137)}...`;
}

const REGISTRIES = new WeakMap<IConstruct, FlowRegistry>();

/** Registers the flow registry of a network (called once by `PrivateNetwork`). */
export function registerFlows(network: IConstruct, registry: FlowRegistry): void {
  REGISTRIES.set(network, registry);
}

/** The flow registry of a network, when the library creates its NSGs (undefined for an imported one). */
export function flowsOf(network: IConstruct): FlowRegistry | undefined {
  return REGISTRIES.get(network);
}

/** The registry, among the networks of `scope`'s stack, that owns the subnet with this id, and that subnet. */
export function ownerOfSubnet(scope: IConstruct, subnetId: string): { registry: FlowRegistry; subnet: OwnedSubnet } | undefined {
  for (const construct of TerraformStack.of(scope).node.findAll()) {
    const registry = REGISTRIES.get(construct);
    const subnet = registry?.subnetById(subnetId);
    if (registry && subnet) return { registry, subnet };
  }
  return undefined;
}
