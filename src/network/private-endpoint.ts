import { PrivateEndpoint as AzPrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { flowsOf, FlowSource, ownerOfSubnet, VIRTUAL_NETWORK_TAG } from './private/flows';
import { knownSubresources, servicePortsOf } from './private/service-ports';
import { IPrivateDnsZones, PrivateLinkZone, ZoneGroupMode } from './private-dns-zones';
import { IPrivateNetwork, requireNetworkSubscription } from './private-network';
import { AzureNameRule, Names } from '../core/names';
import { parseCidr } from '../core/private/cidr';
import { checkPlacement } from '../core/private/placement';
import { DNS_ZONES_REF, NETWORK_REF } from '../core/private/references';
import { checkSameRegionAsNetwork } from '../core/private/regions';
import {
  checkField, checkIntRange, checkNotBlank, checkOneOf, checkResourceId, checkShape, checkTags, checkTrimmed, is, isUnresolved, parseResourceId,
  propError, ruleError, warn, warnAtSynth,
} from '../core/private/validate';

/**
 * Who opens connections to a private endpoint: a subnet of the endpoint's network, an address
 * range, or everything the VNet reaches (service tag `VirtualNetwork`).
 *
 * Passed to {@link ServicePrivateEndpoint.allowFrom}; on a {@link PrivateNetwork} each caller
 * becomes NSG rules on the endpoint subnet (inbound) and, for a subnet, on the caller's own NSG
 * (outbound), on the endpoint's service ports.
 */
export class EndpointCaller {
  /**
   * A subnet of the endpoint's network: `network.appIntegrationSubnetId`, or the `id` of a subnet
   * from `PrivateNetwork.addDelegatedSubnet`. On an imported network, any subnet id of that VNet.
   *
   * @param subnetId resource id of the subnet (`.../virtualNetworks/<vnet>/subnets/<name>`)
   */
  public static subnet(subnetId: string): EndpointCaller {
    checkField('EndpointCaller.subnet', 'subnetId', subnetId, is.string(true));
    checkResourceId('EndpointCaller.subnet', 'subnetId', subnetId, 'Microsoft.Network/virtualNetworks/subnets');
    return new EndpointCaller(subnetId, undefined);
  }

  /**
   * An IPv4 address range, e.g. a hub's user range `10.100.0.0/16`.
   *
   * @param cidr the range, as a CIDR block
   */
  public static addressPrefix(cidr: string): EndpointCaller {
    checkField('EndpointCaller.addressPrefix', 'cidr', cidr, is.string(true));
    if (!isUnresolved(cidr)) {
      const parsed = parseCidr(cidr);
      if (typeof parsed === 'string') throw propError('EndpointCaller.addressPrefix', 'cidr', parsed, cidr);
      if (parsed.prefix === 0) throw propError('EndpointCaller.addressPrefix', 'cidr', 'must not be 0.0.0.0/0: callers are named ranges, never the whole Internet', cidr);
    }
    return new EndpointCaller(undefined, cidr);
  }

  /**
   * Everything the virtual network reaches: its address space, peered VNets (a hub), VPN and
   * ExpressRoute (service tag `VirtualNetwork`). The users of the chat app come this way.
   */
  public static virtualNetwork(): EndpointCaller {
    return new EndpointCaller(undefined, VIRTUAL_NETWORK_TAG);
  }

  /**
   * Resource id of the calling subnet, for {@link EndpointCaller.subnet}.
   *
   * @default - not a subnet
   */
  public readonly subnetId?: string;
  /**
   * The address range or service tag, for {@link EndpointCaller.addressPrefix} and {@link EndpointCaller.virtualNetwork}.
   *
   * @default - not a range
   */
  public readonly sourceAddressPrefix?: string;

  private constructor(subnetId: string | undefined, addressPrefix: string | undefined) {
    this.subnetId = subnetId;
    this.sourceAddressPrefix = addressPrefix;
  }
}

/** A caller recorded on an endpoint with {@link ServicePrivateEndpoint.allowFrom}. */
export interface EndpointCallerEntry {
  /** Who calls. */
  readonly caller: EndpointCaller;
  /**
   * Why it calls, as given.
   *
   * @default - none
   */
  readonly description?: string;
  /**
   * The ports this caller may open, a subset of the endpoint's {@link ServicePrivateEndpoint.servicePorts}.
   *
   * @default - all of the endpoint's service ports
   */
  readonly ports?: number[];
}

/**
 * Where and how a service gets its private endpoint; reused by every construct's props.
 */
export interface PrivateEndpointOptions {
  /** The network whose `private-endpoints` subnet holds the endpoint. */
  readonly network: IPrivateNetwork;
  /**
   * Zones that resolve the endpoint's name (created here or the hub's). Their `zoneGroupMode`
   * decides whether the endpoint gets a zone group or leaves it to the hub's Azure Policy.
   */
  readonly dnsZones: IPrivateDnsZones;
}

/** Props of {@link ServicePrivateEndpoint}. */
export interface ServicePrivateEndpointProps extends PrivateEndpointOptions {
  /** Resource group of the endpoint. */
  readonly resourceGroupName: string;
  /** Region of the endpoint: the VNet's region. */
  readonly location: string;
  /** Resource id of the service the endpoint connects to. */
  readonly targetResourceId: string;
  /** Sub-resource (group id) of the service: `account`, `vault`, `sites`… */
  readonly subresource: string;
  /**
   * Zones for the endpoint's single zone group, at least one. With zones whose zone groups are
   * managed by Policy, the zones Policy must register the endpoint in (checked the same way).
   */
  readonly zones: PrivateLinkZone[];
  /**
   * Name of the endpoint.
   *
   * @default - `pe-<construct id>-<hash of the construct path>`
   */
  readonly name?: string;
  /**
   * TCP ports clients open on the endpoint. Needed for a sub-resource the library does not
   * know; overrides the known ports otherwise (a clustered Redis cache, for instance).
   *
   * @default - from the sub-resource: 443 for HTTPS services (`vault`, `account`, `sites`,
   * `registry`, `Gateway`, `azuremonitor`, `blob`...), 5432 for `postgresqlServer`, 3306 for
   * `mysqlServer`, 1433 for `sqlServer`, 6380 for `redisCache`, 10000 for `redisEnterprise`,
   * 10255 for Cosmos DB `MongoDB`, 10350 for `Cassandra`; none for other sub-resources, and then
   * {@link ServicePrivateEndpoint.allowFrom} fails until this is set
   */
  readonly servicePorts?: number[];
  /**
   * Resources that must exist before the endpoint is created (e.g. a wait after the account is provisioned).
   *
   * @default - only the implicit dependency on the target
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Tags.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * One private endpoint with one service connection and one DNS zone group.
 *
 * One zone group per endpoint, always: a second zone group on the same endpoint makes destroy
 * fail, so the zones an endpoint needs go into its single group. When `dnsZones` leaves zone
 * groups to Azure Policy (`ZoneGroupMode.MANAGED_BY_POLICY`), the endpoint gets none and ignores
 * changes to `private_dns_zone_group`, so that Terraform keeps the group Policy adds.
 *
 * @see https://learn.microsoft.com/azure/private-link/private-endpoint-overview
 */
export class ServicePrivateEndpoint extends Construct {
  /** The `azurerm_private_endpoint` (escape hatch). */
  public readonly resource: AzPrivateEndpoint;
  /** Resource id of the endpoint. */
  public readonly privateEndpointId: string;
  /** Private IP address the endpoint got in the subnet. */
  public readonly privateIpAddress: string;
  /**
   * True when the hub's Azure Policy creates the endpoint's zone group (`dnsZones` in
   * `ZoneGroupMode.MANAGED_BY_POLICY`): the endpoint has none of its own and ignores Policy's.
   */
  public readonly zoneGroupManagedByPolicy: boolean;
  /**
   * TCP ports clients open on the endpoint, sorted: `servicePorts` when given, otherwise the
   * ports of the sub-resource (empty when the library does not know it).
   */
  public readonly servicePorts: number[];
  /** The network whose `private-endpoints` subnet holds the endpoint. */
  public readonly network: IPrivateNetwork;
  private readonly subresource: string;
  private readonly callerEntries: EndpointCallerEntry[] = [];

  constructor(scope: Construct, id: string, props: ServicePrivateEndpointProps) {
    super(scope, id);
    checkShape(this, props, {
      resourceGroupName: is.string(true),
      location: is.string(true),
      network: NETWORK_REF(true),
      dnsZones: DNS_ZONES_REF(true),
      targetResourceId: is.string(true),
      subresource: is.string(true),
      zones: is.arrayOf(is.instance(PrivateLinkZone, 'a PrivateLinkZone (e.g. PrivateLinkZone.KEY_VAULT)'), true),
      name: is.string(),
      servicePorts: is.arrayOf(is.integer()),
      dependsOn: is.arrayOf(is.any()),
      tags: is.stringMap(),
    });
    checkTags(this, 'tags', props.tags);
    checkOneOf(this, 'dnsZones.zoneGroupMode', props.dnsZones.zoneGroupMode, [ZoneGroupMode.CREATE, ZoneGroupMode.MANAGED_BY_POLICY]);
    checkPlacement(this, props.resourceGroupName, props.location);
    checkSameRegionAsNetwork(this, 'location', props.location, props.network.location);
    checkResourceId(this, 'targetResourceId', props.targetResourceId);
    checkNotBlank(this, 'subresource', props.subresource);
    checkTrimmed(this, 'subresource', props.subresource);
    AzureNameRule.PRIVATE_ENDPOINT.validate(this, 'name', props.name);
    const zones = isUnresolved(props.zones) ? [] : props.zones;
    if (!isUnresolved(props.zones) && zones.length === 0) throw propError(this, 'zones', 'must list at least one private DNS zone', []);
    const names = zones.map((z) => z.zoneName);
    if (new Set(names).size !== names.length) {
      throw ruleError(this, `'zones' must not repeat a zone, got ${JSON.stringify(names)}`);
    }
    this.checkTarget(props.targetResourceId, props.subresource, zones);
    this.network = props.network;
    this.subresource = props.subresource;
    this.servicePorts = this.portsOf(props.servicePorts, props.subresource);

    this.zoneGroupManagedByPolicy = props.dnsZones.zoneGroupMode === ZoneGroupMode.MANAGED_BY_POLICY;

    const name = props.name ?? Names.local(this, AzureNameRule.PRIVATE_ENDPOINT, 'pe');
    this.resource = new AzPrivateEndpoint(this, 'Resource', {
      name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      subnetId: props.network.privateEndpointSubnetId,
      customNetworkInterfaceName: `${name}-nic`.slice(0, 80),
      privateServiceConnection: {
        name: `${name}-connection`,
        privateConnectionResourceId: props.targetResourceId,
        subresourceNames: [props.subresource],
        isManualConnection: false,
      },
      // Policy's DeployIfNotExists adds the group after the endpoint exists; without
      // ignore_changes the next apply would remove it.
      ...(this.zoneGroupManagedByPolicy
        ? { lifecycle: { ignoreChanges: ['private_dns_zone_group'] } }
        : {
          privateDnsZoneGroup: {
            name: 'default',
            privateDnsZoneIds: props.zones.map((z) => zoneIdIn(this, props.dnsZones, z)),
          },
        }),
      dependsOn: props.dependsOn,
      tags: props.tags,
    });
    requireNetworkSubscription(props.network, this.resource);
    this.privateEndpointId = this.resource.id;
    this.privateIpAddress = this.resource.privateServiceConnection.privateIpAddress;

    // On a network whose NSGs the library writes, an endpoint nobody is allowed to call is
    // unreachable: the endpoint subnet denies everything it was not told about. Callers may be
    // added after the endpoint, so this is decided at synth.
    if (flowsOf(props.network)) {
      this.node.addValidation({
        validate: () => {
          if (this.callerEntries.length === 0) {
            warnAtSynth(this, 'endpoint-no-callers', "has no callers ('allowFrom' was never called), so the endpoint subnet's NSG lets nothing reach it: call "
              + 'allowFrom(EndpointCaller.subnet(id)) for a subnet of the network, allowFrom(EndpointCaller.addressPrefix(cidr)) for a range, or '
              + 'allowFrom(EndpointCaller.virtualNetwork()) for the VNet, its peerings, VPN and ExpressRoute');
          }
          return [];
        },
      });
    }
  }

  /** Callers wired with {@link allowFrom}, in call order. */
  public get callers(): EndpointCallerEntry[] {
    return [...this.callerEntries];
  }

  /**
   * Lets `caller` open connections to this endpoint on its {@link servicePorts}.
   *
   * On a {@link PrivateNetwork}, the endpoint subnet's NSG gets an inbound Allow rule for the
   * caller, and a calling subnet's NSG an outbound one; the rules are rendered at synth, so
   * callers may be added in any order. On an imported network (`PrivateNetwork.fromAttributes`)
   * nothing is created: the flow is recorded, the network team's NSGs must allow it, and the
   * compliance rule PCHAT-NET-003 checks it when those NSGs are in the stack.
   *
   * Adding the same caller twice adds only the ports it did not have yet.
   *
   * @param caller who calls: `EndpointCaller.subnet(id)`, `EndpointCaller.addressPrefix(cidr)` or `EndpointCaller.virtualNetwork()`
   * @param description why it calls, for the NSG rule (at most 100 characters)
   * @param ports the ports this caller needs, when fewer than the endpoint's (a Databricks
   *   workspace's `databricks_ui_api` endpoint also serves its clusters' back-end ports; an API
   *   client needs only 443)
   */
  public allowFrom(caller: EndpointCaller, description?: string, ports?: number[]): void {
    checkField(this, 'allowFrom.caller', caller, is.instance(EndpointCaller, 'an EndpointCaller (EndpointCaller.subnet(id), EndpointCaller.addressPrefix(cidr) or EndpointCaller.virtualNetwork())', true));
    checkField(this, 'allowFrom.description', description, is.string());
    if (description !== undefined && !isUnresolved(description) && (description.trim() === '' || description.length > 100)) {
      throw propError(this, 'allowFrom.description', 'must be 1 to 100 characters (it becomes part of an NSG rule description, which Azure caps at 140)', description);
    }
    if (this.servicePorts.length === 0) {
      throw ruleError(this, `'servicePorts' must be set before callers are allowed: the library knows no port for sub-resource '${this.subresource}' (known: ${knownSubresources().join(', ')}), got none`);
    }
    checkField(this, 'allowFrom.ports', ports, is.arrayOf(is.integer()));
    const extra = (ports ?? []).filter((p) => !this.servicePorts.includes(p));
    if (ports !== undefined && (ports.length === 0 || extra.length > 0)) {
      throw propError(this, 'allowFrom.ports', `must be some of the endpoint's service ports (${this.servicePorts.join(', ')})`, ports);
    }
    const allowed = ports !== undefined ? [...new Set(ports)].sort((a, b) => a - b) : this.servicePorts;
    const same = this.callerEntries.find((e) => e.caller.subnetId === caller.subnetId && e.caller.sourceAddressPrefix === caller.sourceAddressPrefix);
    // A caller wired again adds only the ports it did not have (the rules take the union per source).
    const had = same ? same.ports ?? this.servicePorts : [];
    if (same && allowed.every((p) => had.includes(p))) return;
    const registry = flowsOf(this.network);
    if (registry) {
      let source: FlowSource;
      if (caller.subnetId !== undefined) {
        const subnet = registry.subnetById(caller.subnetId);
        // A subnet of another PrivateNetwork of the stack (a peered spoke): its own network writes
        // the outbound rule to this endpoint subnet.
        const peer = subnet ? undefined : ownerOfSubnet(this, caller.subnetId);
        if (!subnet && !peer) {
          throw propError(this, 'allowFrom.caller', "must be a subnet of the endpoint's network (its appIntegrationSubnetId, or a subnet from addDelegatedSubnet) "
            + 'or of another PrivateNetwork of this stack; for another range use EndpointCaller.addressPrefix(cidr)', caller.subnetId);
        }
        if (peer) peer.registry.addRemote(peer.subnet, registry.endpointSubnet, allowed);
        source = subnet ? { subnet } : { subnet: peer!.subnet, remote: true };
      } else {
        source = { prefix: caller.sourceAddressPrefix };
      }
      registry.add(source, allowed, description);
    }
    if (!same) {
      this.callerEntries.push({ caller, description, ...(ports !== undefined ? { ports: allowed } : {}) });
      return;
    }
    const union = [...new Set([...had, ...allowed])].sort((a, b) => a - b);
    this.callerEntries[this.callerEntries.indexOf(same)] = {
      caller: same.caller,
      description: same.description,
      ...(union.length < this.servicePorts.length ? { ports: union } : {}),
    };
  }

  private portsOf(given: number[] | undefined, subresource: string): number[] {
    if (given !== undefined && isUnresolved(given)) {
      // The NSG rules are derived from the ports at synth, and a silent fallback to the
      // sub-resource's ports would open something other than what was asked for.
      throw propError(this, 'servicePorts', 'must be a list of port numbers known at synth: the NSG rules of the endpoint\'s callers are derived from it', given);
    }
    if (given === undefined) {
      return isUnresolved(subresource) ? [] : servicePortsOf(subresource) ?? [];
    }
    if (given.length === 0) throw propError(this, 'servicePorts', 'must list at least one TCP port, or be left out', given);
    for (const [i, port] of given.entries()) checkIntRange(this, `servicePorts[${i}]`, port, 1, 65535);
    if (new Set(given).size !== given.length) throw propError(this, 'servicePorts', 'must not repeat a port', given);
    return [...given].sort((a, b) => a - b);
  }

  /**
   * Warns when the sub-resource or a zone does not belong to the target's type: Azure may accept
   * the endpoint, but the connection is refused or the name does not resolve to it.
   */
  private checkTarget(targetResourceId: string, subresource: string, zones: PrivateLinkZone[]): void {
    if (isUnresolved(targetResourceId) || isUnresolved(subresource)) return;
    const parsed = parseResourceId(targetResourceId);
    if (!parsed) return;
    const known = TARGETS[parsed.fullType.toLowerCase()];
    if (!known) return;
    const wanted = subresource.toLowerCase();
    if (!known.subresources.some((s) => (s.endsWith('-*') ? wanted.startsWith(s.slice(0, -1).toLowerCase()) : s.toLowerCase() === wanted))) {
      warn(this, 'endpoint-subresource-mismatch',
        `'subresource' is '${subresource}', which a ${parsed.fullType} target does not offer (expected ${known.subresources.map((x) => `'${x}'`).join(' or ')}); `
        + 'the connection would be refused at apply');
    }
    if (known.zones) {
      for (const [i, zone] of zones.entries()) {
        if (!known.zones.includes(zone.zoneName)) {
          warn(this, 'endpoint-zone-mismatch',
            `'zones[${i}]' is '${zone.zoneName}', which does not resolve a ${parsed.fullType} target (expected ${known.zones.map((z) => `'${z}'`).join(' or ')}); `
            + 'clients would not reach the endpoint by name');
        }
      }
    }
  }
}

/** What a private endpoint to a known target type connects to. */
interface TargetType {
  /** Group ids (sub-resources) the type offers; `sites-*` matches a prefix (deployment slots). */
  readonly subresources: readonly string[];
  /** Zones of {@link PrivateLinkZone} that resolve it, when the library knows them. */
  readonly zones?: readonly string[];
}

/**
 * Sub-resources by target type, lowercase type keys.
 *
 * @see https://learn.microsoft.com/azure/private-link/private-endpoint-overview#private-link-resource
 * @see https://learn.microsoft.com/azure/private-link/private-endpoint-dns
 */
const TARGETS: { readonly [fullType: string]: TargetType } = {
  'microsoft.keyvault/vaults': { subresources: ['vault'], zones: [PrivateLinkZone.KEY_VAULT.zoneName] },
  'microsoft.cognitiveservices/accounts': {
    subresources: ['account'],
    zones: [PrivateLinkZone.OPENAI.zoneName, PrivateLinkZone.COGNITIVE_SERVICES.zoneName, PrivateLinkZone.AI_SERVICES.zoneName],
  },
  'microsoft.web/sites': { subresources: ['sites', 'sites-*'], zones: [PrivateLinkZone.APP_SERVICE.zoneName] },
  'microsoft.web/staticsites': { subresources: ['staticSites'] },
  'microsoft.documentdb/databaseaccounts': { subresources: ['Sql', 'SqlDedicated', 'MongoDB', 'Cassandra', 'Gremlin', 'Table', 'Analytical'] },
  'microsoft.containerregistry/registries': { subresources: ['registry'] },
  'microsoft.dbforpostgresql/flexibleservers': { subresources: ['postgresqlServer'] },
  'microsoft.dbformysql/flexibleservers': { subresources: ['mysqlServer'] },
  'microsoft.sql/servers': { subresources: ['sqlServer'] },
  'microsoft.apimanagement/service': { subresources: ['Gateway'] },
  'microsoft.storage/storageaccounts': {
    subresources: ['blob', 'blob_secondary', 'table', 'table_secondary', 'queue', 'queue_secondary', 'file', 'file_secondary', 'web', 'web_secondary', 'dfs', 'dfs_secondary'],
  },
  'microsoft.search/searchservices': { subresources: ['searchService'] },
  'microsoft.cache/redis': { subresources: ['redisCache'] },
  'microsoft.cache/redisenterprise': { subresources: ['redisEnterprise'], zones: [PrivateLinkZone.MANAGED_REDIS.zoneName] },
  'microsoft.servicebus/namespaces': { subresources: ['namespace'] },
  'microsoft.eventhub/namespaces': { subresources: ['namespace'] },
  'microsoft.appconfiguration/configurationstores': { subresources: ['configurationStores'] },
  'microsoft.machinelearningservices/workspaces': { subresources: ['amlworkspace'] },
  'microsoft.insights/privatelinkscopes': { subresources: ['azuremonitor'] },
  'microsoft.signalrservice/signalr': { subresources: ['signalr'] },
  'microsoft.eventgrid/topics': { subresources: ['topic'] },
  'microsoft.eventgrid/domains': { subresources: ['domain'] },
  'microsoft.databricks/workspaces': { subresources: ['databricks_ui_api', 'browser_authentication'], zones: [PrivateLinkZone.AZURE_DATABRICKS.zoneName] },
};

/**
 * The id of `zone` in `dnsZones`, or an error about this endpoint's `dnsZones` prop: a zone set
 * that lacks the zone reports it in its own words ('zones', fromHubZoneIds), which names neither
 * the construct nor the prop the user wrote; the constructs that create an endpoint translate
 * `dnsZones` into their own (inUsersWords).
 */
function zoneIdIn(endpoint: ServicePrivateEndpoint, dnsZones: IPrivateDnsZones, zone: PrivateLinkZone): string {
  try {
    return dnsZones.zoneIdFor(zone);
  } catch (e) {
    const m = e instanceof Error ? /^([A-Za-z][A-Za-z0-9.]*) '([^']*)': ([\s\S]*, got [\s\S]*)$/.exec(e.message) : null;
    if (!m) throw e;
    throw ruleError(endpoint, `'dnsZones' must hold '${zone.zoneName}', the private DNS zone the endpoint registers in; ${m[1]} '${m[2]}' says: ${m[3]}`);
  }
}
