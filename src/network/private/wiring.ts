import { flowsOf, ownerOfSubnet } from './flows';
import { EndpointCaller, ServicePrivateEndpoint } from '../private-endpoint';

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
