import { PrivateEndpoint as AzPrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { IPrivateDnsZones, PrivateLinkZone } from './private-dns-zones';
import { IPrivateNetwork } from './private-network';
import { AzureNameRule, Names } from '../core/names';
import { checkPlacement } from '../core/private/placement';
import { checkNotBlank, checkResourceId, propError, ruleError } from '../core/private/validate';

/**
 * Where and how a service gets its private endpoint; reused by every construct's props.
 */
export interface PrivateEndpointOptions {
  /** The network whose `private-endpoints` subnet holds the endpoint. */
  readonly network: IPrivateNetwork;
  /** Zones that resolve the endpoint's name (created here or the hub's). */
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
  /** Zones for the endpoint's single zone group, at least one. */
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
 * fail, so the zones an endpoint needs go into its single group.
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

  constructor(scope: Construct, id: string, props: ServicePrivateEndpointProps) {
    super(scope, id);
    checkPlacement(this, props.resourceGroupName, props.location);
    checkResourceId(this, 'targetResourceId', props.targetResourceId);
    checkNotBlank(this, 'subresource', props.subresource);
    AzureNameRule.PRIVATE_ENDPOINT.validate(this, 'name', props.name);
    if (props.zones.length === 0) throw propError(this, 'zones', 'must list at least one private DNS zone', []);
    const names = props.zones.map((z) => z.zoneName);
    if (new Set(names).size !== names.length) {
      throw ruleError(this, `'zones' must not repeat a zone, got ${JSON.stringify(names)}`);
    }

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
      privateDnsZoneGroup: {
        name: 'default',
        privateDnsZoneIds: props.zones.map((z) => props.dnsZones.zoneIdFor(z)),
      },
      dependsOn: props.dependsOn,
      tags: props.tags,
    });
    this.privateEndpointId = this.resource.id;
    this.privateIpAddress = this.resource.privateServiceConnection.privateIpAddress;
  }
}
