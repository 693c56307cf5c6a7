import { PrivateDnsZones, PrivateLinkZone, PrivateNetwork } from '../../src/network';
import { newStack } from '../util';

const DNS = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dns/providers/Microsoft.Network';

function zones(props: Record<string, unknown> = {}) {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg', location: 'swedencentral' });
  return new PrivateDnsZones(stack, 'Zones', { resourceGroupName: 'rg', network, ...props } as any);
}

describe('PrivateDnsZones: JavaScript types at the boundary', () => {
  test.each([
    ['zones holds undefined', { zones: [PrivateLinkZone.KEY_VAULT, undefined] }, /'zones\[1\]' must be a PrivateLinkZone/],
    ['a zone is a zone name string', { zones: ['privatelink.vaultcore.azure.net'] }, /'zones\[0\]' must be a PrivateLinkZone .*, got 'privatelink.vaultcore.azure.net'/],
    ['the network is missing', { network: undefined }, /'network' is required/],
    ['the network is an id string', { network: '/subscriptions/x' }, /'network' must be a PrivateNetwork/],
    ['tags are an array', { tags: ['a'] }, /'tags' must be an object of string values/],
    ['the resource group is padded', { resourceGroupName: 'rg ' }, /'resourceGroupName' must not start or end with whitespace/],
  ])('fails when %s', (_n, props, expected) => {
    expect(() => zones(props)).toThrow(expected);
  });

  test('fails when zoneIdFor is given something other than a PrivateLinkZone', () => {
    expect(() => zones().zoneIdFor('keyVault' as any)).toThrow(/PrivateDnsZones 'test\/Zones': 'zone' must be a PrivateLinkZone .*, got 'keyVault'/);
  });

  test('accepts a resource group with Unicode letters', () => {
    expect(() => zones({ resourceGroupName: 'rg-données' })).not.toThrow();
  });
});

describe('PrivateDnsZones.fromHubZoneIds', () => {
  const hub = (ids: Record<string, unknown>) => PrivateDnsZones.fromHubZoneIds(newStack(), 'Hub', ids as any);

  test.each([
    ['the id is of a public DNS zone', { keyVault: `${DNS}/dnszones/privatelink.vaultcore.azure.net` }, /'keyVault' must be the id of a Microsoft.Network\/privateDnsZones resource \(found Microsoft.Network\/dnszones\)/],
    ['the id is of a zone\'s record set', { keyVault: `${DNS}/privateDnsZones/privatelink.vaultcore.azure.net/A/kv` }, /'keyVault' must be the id of a Microsoft.Network\/privateDnsZones resource/],
    ['the zone name has a suffix', { openAi: `${DNS}/privateDnsZones/privatelink.openai.azure.com.evil` }, /'openAi' must be the id of the private DNS zone 'privatelink.openai.azure.com'/],
    ['an id is empty', { appService: '' }, /'appService' must be an Azure resource id/],
    ['an id is a number', { appService: 42 }, /'appService' must be a string, got 42/],
    ['a key is misspelt', { keyvault: `${DNS}/privateDnsZones/privatelink.vaultcore.azure.net` }, /'keyvault' is not a known prop \(known: appService, cognitiveServices, keyVault, openAi\)/],
  ])('fails when %s', (_n, ids, expected) => {
    expect(() => hub(ids)).toThrow(expected);
  });

  test('accepts zone ids in any case, as Azure returns them', () => {
    const ids = { keyVault: `${DNS.toLowerCase()}/privatednszones/privatelink.vaultcore.azure.net` };
    expect(hub(ids).zoneIdFor(PrivateLinkZone.KEY_VAULT)).toBe(ids.keyVault);
  });
});
