// A zone-redundant registry needs a region with availability zones.
import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { Testing } from 'cdktf';
import { Monitoring } from '../../src/monitoring';
import { PrivateDnsZones, PrivateLinkZone, PrivateNetwork } from '../../src/network';
import { RegistryMirror } from '../../src/registry';
import { newStack } from '../util';

function build(location: string, zoneRedundancyEnabled?: boolean) {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg-chat', location });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: 'rg-chat', network, zones: [...PrivateLinkZone.all(), PrivateLinkZone.CONTAINER_REGISTRY] });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: 'rg-chat', location });
  new RegistryMirror(stack, 'Mirror', { resourceGroupName: 'rg-chat', location, network, dnsZones, monitoring, zoneRedundancyEnabled });
  return stack;
}

describe('RegistryMirror zone redundancy', () => {
  test('fails when zone redundancy is asked for in a region without availability zones', () => {
    expect(() => build('westus', true)).toThrow(
      "RegistryMirror 'test/Mirror': 'zoneRedundancyEnabled' needs a region with availability zones for a zone-redundant registry; 'westus' has none (regions with zones near it: 'westus3', 'westus2', 'eastus'), got 'westus'",
    );
  });

  test('accepts zone redundancy in a region with zones', () => {
    expect(Testing.synth(build('westus3', true))).toHaveResourceWithProperties(ContainerRegistry, { zone_redundancy_enabled: true });
  });

  test('accepts a region without zones when zone redundancy is off', () => {
    expect(Testing.synth(build('westus', false))).toHaveResourceWithProperties(ContainerRegistry, { zone_redundancy_enabled: false });
  });
});
