// A construct that creates a private endpoint reports a zone set without the endpoint's zone
// under its own 'dnsZones' prop, the one the user wrote, not in the zone set's words.
import { ChatWebApp, Monitoring, PostgresHistoryStore, PrivateDnsZones, PrivateKeyVault, PrivateLinkZone, PrivateNetwork, RegistryMirror } from '../../src';
import { baseProps, fixture } from '../app/fixtures';
import { newStack } from '../util';

const RG = 'rg-chat';
const LOCATION = 'swedencentral';
const DNS = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones';
const HELD = "'privatelink.openai.azure.com', 'privatelink.cognitiveservices.azure.com', 'privatelink.vaultcore.azure.net', "
  + "'privatelink.azurewebsites.net', 'privatelink.services.ai.azure.com'";

function pieces(zones?: PrivateLinkZone[]) {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: RG, network, ...(zones ? { zones } : {}) });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: RG, location: LOCATION });
  return { stack, network, dnsZones, monitoring };
}

describe('a zone set without the endpoint\'s zone', () => {
  test('fails on the history store\'s dnsZones', () => {
    const { stack, network, dnsZones, monitoring } = pieces();
    const vault = new PrivateKeyVault(stack, 'Vault', { resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring });
    expect(() => new PostgresHistoryStore(stack, 'History', { resourceGroupName: RG, location: LOCATION, network, dnsZones, vault, monitoring })).toThrow(
      "PostgresHistoryStore 'test/History': 'dnsZones' must hold 'privatelink.postgres.database.azure.com', the private DNS zone the endpoint registers in; "
      + "PrivateDnsZones 'test/DnsZones' says: no private DNS zone 'privatelink.postgres.database.azure.com' in this set; "
      + `add PrivateLinkZone for 'postgreSql' to 'zones', got ${HELD}`);
  });

  test('fails on the registry mirror\'s dnsZones', () => {
    const { stack, network, dnsZones, monitoring } = pieces();
    expect(() => new RegistryMirror(stack, 'Mirror', { resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring }))
      .toThrow(/^RegistryMirror 'test\/Mirror': 'dnsZones' must hold 'privatelink.azurecr.io', the private DNS zone the endpoint registers in; PrivateDnsZones 'test\/DnsZones' says: /);
  });

  test('fails on the vault\'s dnsZones with hub zones that lack it', () => {
    const stack = newStack();
    const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
    const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: RG, location: LOCATION });
    const dnsZones = PrivateDnsZones.fromHubZoneIds(stack, 'Hub', { openAi: `${DNS}/privatelink.openai.azure.com` });
    expect(() => new PrivateKeyVault(stack, 'Vault', { resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring }))
      .toThrow(/^PrivateKeyVault 'test\/Vault': 'dnsZones' must hold 'privatelink.vaultcore.azure.net', the private DNS zone the endpoint registers in; PrivateDnsZones.fromHubZoneIds 'test\/Hub' says: 'keyVault' is needed/);
  });

  test('fails on the chat web app\'s dnsZones with hub zones that lack the App Service zone', () => {
    const f = fixture();
    const dnsZones = PrivateDnsZones.fromHubZoneIds(f.stack, 'Hub', { openAi: `${DNS}/privatelink.openai.azure.com` });
    expect(() => new ChatWebApp(f.stack, 'Web', { ...baseProps(f), dnsZones }))
      .toThrow(/^ChatWebApp 'test\/Web': 'dnsZones' must hold 'privatelink.azurewebsites.net', the private DNS zone the endpoint registers in; PrivateDnsZones.fromHubZoneIds 'test\/Hub' says: 'appService' is needed/);
  });

  test('accepts a zone set that holds the zone', () => {
    const { stack, network, dnsZones, monitoring } = pieces([...PrivateLinkZone.all(), PrivateLinkZone.POSTGRESQL]);
    const vault = new PrivateKeyVault(stack, 'Vault', { resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring });
    expect(() => new PostgresHistoryStore(stack, 'History', { resourceGroupName: RG, location: LOCATION, network, dnsZones, vault, monitoring })).not.toThrow();
  });
});
