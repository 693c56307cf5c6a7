import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { flowsOf, ownerOfSubnet } from './flows';
import { inUsersWords } from '../../core/private/pass-through';
import { IPrivateDnsZones, PrivateLinkZone } from '../private-dns-zones';
import { EndpointCaller, ServicePrivateEndpoint } from '../private-endpoint';
import { IPrivateNetwork } from '../private-network';

/**
 * The private endpoint of a construct that has one (`privateEndpoint`, a ServicePrivateEndpoint
 * of this library), or undefined for an existing resource passed in by reference.
 */
export function endpointOf(thing: unknown): ServicePrivateEndpoint | undefined {
  if (thing === null || typeof thing !== 'object' || !('privateEndpoint' in thing)) return undefined;
  const endpoint = (thing as { privateEndpoint: unknown }).privateEndpoint;
  return endpoint instanceof ServicePrivateEndpoint ? endpoint : undefined;
}

/**
 * Wires a subnet as a caller of an endpoint when the endpoint's network can take it: an imported
 * network records any subnet; a PrivateNetwork its own subnets and those of another PrivateNetwork
 * of the stack (e.g. a gateway calling a backend in a peered second region), whose network then
 * writes the outbound rule. A subnet the stack does not create (its NSGs are someone else's) is
 * left to the user's `allowFrom`.
 *
 * @returns true when the caller was wired
 */
export function wireSubnetCaller(endpoint: ServicePrivateEndpoint | undefined, subnetId: string | undefined, description: string,
  ports?: number[]): boolean {
  if (endpoint === undefined || subnetId === undefined) return false;
  const registry = flowsOf(endpoint.network);
  if (registry && !registry.subnetById(subnetId) && !ownerOfSubnet(endpoint, subnetId)) return false;
  endpoint.allowFrom(EndpointCaller.subnet(subnetId), description, ports);
  return true;
}

/** Where a construct's own private endpoint goes: the placement props every such construct takes. */
export interface EndpointPlacement {
  readonly resourceGroupName: string;
  readonly location: string;
  readonly network: IPrivateNetwork;
  readonly dnsZones: IPrivateDnsZones;
  readonly tags?: { [key: string]: string };
}

/**
 * The private endpoint of a construct's service (`<owner>/PrivateEndpoint`), placed by the
 * construct's own props, with a missing zone reported as the construct's 'dnsZones', the prop its
 * user wrote (not in the zone set's words).
 */
export function servicePrivateEndpoint(owner: Construct, placement: EndpointPlacement, target: {
  readonly targetResourceId: string;
  readonly subresource: string;
  readonly zones: PrivateLinkZone[];
  readonly dependsOn?: ITerraformDependable[];
}): ServicePrivateEndpoint {
  return inUsersWords(owner, { dnsZones: 'dnsZones' }, () => new ServicePrivateEndpoint(owner, 'PrivateEndpoint', {
    resourceGroupName: placement.resourceGroupName,
    location: placement.location,
    network: placement.network,
    dnsZones: placement.dnsZones,
    ...target,
    tags: placement.tags,
  }));
}
