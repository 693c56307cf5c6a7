// Zone-redundant high availability needs a region with availability zones; same-zone HA does not.
import { PostgresqlFlexibleServer } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server';
import { Testing } from 'cdktf';
import { HighAvailabilityMode, PostgresHistoryStore, PostgresHistoryStoreProps } from '../../src/history';
import { Monitoring } from '../../src/monitoring';
import { PrivateDnsZones, PrivateLinkZone, PrivateNetwork } from '../../src/network';
import { PrivateKeyVault } from '../../src/secrets';
import { newStack } from '../util';

function build(location: string, props: Partial<PostgresHistoryStoreProps> = {}) {
  const common = { resourceGroupName: 'rg-chat', location };
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', common);
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: 'rg-chat', network, zones: [...PrivateLinkZone.all(), PrivateLinkZone.POSTGRESQL] });
  const monitoring = new Monitoring(stack, 'Monitoring', common);
  const vault = new PrivateKeyVault(stack, 'Vault', { ...common, network, dnsZones, monitoring });
  new PostgresHistoryStore(stack, 'History', { ...common, network, dnsZones, vault, monitoring, skuName: 'GP_Standard_D2ds_v5', ...props });
  return stack;
}

describe('PostgresHistoryStore zone redundancy', () => {
  test('fails when a zone-redundant standby is asked for in a region without availability zones', () => {
    expect(() => build('northcentralus', { highAvailability: HighAvailabilityMode.ZONE_REDUNDANT })).toThrow(
      "PostgresHistoryStore 'test/History': 'highAvailability' needs a region with availability zones for a standby in another zone "
      + "(HighAvailabilityMode.ZONE_REDUNDANT; SAME_ZONE needs none); 'northcentralus' has none (regions with zones near it: 'southcentralus', 'centralus', 'eastus2'), got 'northcentralus'",
    );
  });

  test('accepts a zone-redundant standby in a region with zones', () => {
    const stack = build('swedencentral', { highAvailability: HighAvailabilityMode.ZONE_REDUNDANT });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(PostgresqlFlexibleServer, { high_availability: { mode: 'ZoneRedundant' } });
  });

  test('accepts a same-zone standby in a region without zones', () => {
    const stack = build('northcentralus', { highAvailability: HighAvailabilityMode.SAME_ZONE });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(PostgresqlFlexibleServer, { high_availability: { mode: 'SameZone' } });
  });
});
