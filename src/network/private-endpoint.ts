import { PrivateEndpoint as AzPrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { IPrivateDnsZones, PrivateLinkZone, ZoneGroupMode } from './private-dns-zones';
import { IPrivateNetwork } from './private-network';
import { AzureNameRule, Names } from '../core/names';
import { checkPlacement } from '../core/private/placement';
import { DNS_ZONES_REF, NETWORK_REF } from '../core/private/references';
import { checkSameRegionAsNetwork } from '../core/private/regions';
import {
  checkNotBlank, checkOneOf, checkResourceId, checkShape, checkTags, checkTrimmed, is, isUnresolved, parseResourceId, propError, ruleError,
  warn,
} from '../core/private/validate';

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
            privateDnsZoneIds: props.zones.map((z) => props.dnsZones.zoneIdFor(z)),
          },
        }),
      dependsOn: props.dependsOn,
      tags: props.tags,
    });
    this.privateEndpointId = this.resource.id;
    this.privateIpAddress = this.resource.privateServiceConnection.privateIpAddress;
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
  'microsoft.servicebus/namespaces': { subresources: ['namespace'] },
  'microsoft.eventhub/namespaces': { subresources: ['namespace'] },
  'microsoft.appconfiguration/configurationstores': { subresources: ['configurationStores'] },
  'microsoft.machinelearningservices/workspaces': { subresources: ['amlworkspace'] },
  'microsoft.insights/privatelinkscopes': { subresources: ['azuremonitor'] },
  'microsoft.signalrservice/signalr': { subresources: ['signalr'] },
  'microsoft.eventgrid/topics': { subresources: ['topic'] },
  'microsoft.eventgrid/domains': { subresources: ['domain'] },
};
