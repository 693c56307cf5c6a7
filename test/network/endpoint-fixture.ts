import { TerraformStack } from 'cdktf';
import {
  IPrivateDnsZones, IPrivateNetwork, PrivateDnsZones, PrivateLinkZone, PrivateNetwork, ServicePrivateEndpoint, ServicePrivateEndpointProps,
  ZoneGroupMode,
} from '../../src/network';
import { newStack } from '../util';

export const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
/** The Key Vault every fixture endpoint connects to. */
export const VAULT = `${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1`;
export const VNET = `${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke`;

/** Zones for the fixture's endpoint, made in its stack (default: a new PrivateDnsZones with every zone). */
export type ZonesFactory = (stack: TerraformStack, network: IPrivateNetwork) => IPrivateDnsZones;

/** A hub whose Azure Policy creates the zone groups: no zone id given at all. */
export const policyZones: ZonesFactory = (stack) =>
  PrivateDnsZones.fromHubZoneIds(stack, 'Zones', {}, { zoneGroups: ZoneGroupMode.MANAGED_BY_POLICY });

/**
 * A Key Vault endpoint on a new network in swedencentral, or, with `networkLocation`, on an
 * imported spoke in that region (`null`: an imported spoke whose region is not given). `zonesOf`
 * replaces the zones the endpoint uses (e.g. {@link policyZones}).
 */
export function endpointFixture(
  props: Partial<ServicePrivateEndpointProps> | Record<string, unknown> = {}, networkLocation?: string | null, zonesOf?: ZonesFactory,
) {
  const stack = newStack();
  const network: IPrivateNetwork = networkLocation === undefined
    ? new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg', location: 'swedencentral' })
    : PrivateNetwork.fromAttributes(stack, 'Network', {
      virtualNetworkId: VNET, privateEndpointSubnetId: `${VNET}/subnets/pe`, appIntegrationSubnetId: `${VNET}/subnets/app`, location: networkLocation ?? undefined,
    });
  const dnsZones = zonesOf ? zonesOf(stack, network) : new PrivateDnsZones(stack, 'Zones', { resourceGroupName: 'rg', network });
  const endpoint = new ServicePrivateEndpoint(stack, 'Endpoint', {
    resourceGroupName: 'rg',
    location: 'swedencentral',
    network,
    dnsZones,
    targetResourceId: VAULT,
    subresource: 'vault',
    zones: [PrivateLinkZone.KEY_VAULT],
    ...props,
  } as ServicePrivateEndpointProps);
  return { stack, network, dnsZones, endpoint };
}
