import { PrivateDnsZones, PrivateLinkZone, PrivateNetwork, ZoneGroupMode } from '../../src/network';
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
    ['a key is misspelt', { keyvault: `${DNS}/privateDnsZones/privatelink.vaultcore.azure.net` }, /'keyvault' is not a known prop \(did you mean 'keyVault'\? known: agentService, aiServices, apiManagement, appService, .*keyVault, managedRedis, odsOpinsights, omsOpinsights, openAi, postgreSql\)/],
    ['the AI services id is of the OpenAI zone', { aiServices: `${DNS}/privateDnsZones/privatelink.openai.azure.com` }, /'aiServices' must be the id of the private DNS zone 'privatelink.services.ai.azure.com'/],
    ['the AI services id is of the public zone', { aiServices: `${DNS}/privateDnsZones/services.ai.azure.com` }, /'aiServices' must be the id of the private DNS zone 'privatelink.services.ai.azure.com'/],
    ['the AI services id is of a public DNS zone', { aiServices: `${DNS}/dnszones/privatelink.services.ai.azure.com` }, /'aiServices' must be the id of a Microsoft.Network\/privateDnsZones resource/],
    ['the AI services id is a zone name', { aiServices: 'privatelink.services.ai.azure.com' }, /'aiServices' must be an Azure resource id/],
    ['the AI services key is misspelt', { aiservices: `${DNS}/privateDnsZones/privatelink.services.ai.azure.com` }, /'aiservices' is not a known prop \(did you mean 'aiServices'\? known: agentService, aiServices,/],
    ['the options are passed as ids', { zoneGroups: ZoneGroupMode.MANAGED_BY_POLICY }, /'zoneGroups' is not a known prop \(known: agentService, aiServices,/],
  ])('fails when %s', (_n, ids, expected) => {
    expect(() => hub(ids)).toThrow(expected);
  });

  test('accepts the AI services zone id in any case', () => {
    const ids = { aiServices: `${DNS.toLowerCase()}/privatednszones/PrivateLink.Services.AI.Azure.com` };
    expect(hub(ids).zoneIdFor(PrivateLinkZone.AI_SERVICES)).toBe(ids.aiServices);
  });

  test('names the missing AI services key when an endpoint needs it', () => {
    expect(() => hub({ openAi: `${DNS}/privateDnsZones/privatelink.openai.azure.com` }).zoneIdFor(PrivateLinkZone.AI_SERVICES))
      .toThrow(/'aiServices' is needed for a private endpoint in zone 'privatelink.services.ai.azure.com' but was not given to fromHubZoneIds, got 'openAi'/);
  });

  test('accepts zone ids in any case, as Azure returns them', () => {
    const ids = { keyVault: `${DNS.toLowerCase()}/privatednszones/privatelink.vaultcore.azure.net` };
    expect(hub(ids).zoneIdFor(PrivateLinkZone.KEY_VAULT)).toBe(ids.keyVault);
  });
});

describe('PrivateDnsZones.fromHubZoneIds: options', () => {
  const hub = (options: unknown) => PrivateDnsZones.fromHubZoneIds(newStack(), 'Hub', {}, options as any);

  test.each([
    ['zoneGroups is a misspelt mode', { zoneGroups: 'ManagedByPolicies' }, /'options.zoneGroups' must be one of 'Create', 'ManagedByPolicy' \(did you mean 'ManagedByPolicy'\?\), got 'ManagedByPolicies'/],
    ['zoneGroups is the enum member name', { zoneGroups: 'MANAGED_BY_POLICY' }, /'options.zoneGroups' must be one of 'Create', 'ManagedByPolicy' \(did you mean 'ManagedByPolicy'\?\), got 'MANAGED_BY_POLICY'/],
    ['zoneGroups is lower case', { zoneGroups: 'managedbypolicy' }, /'options.zoneGroups' must be one of 'Create', 'ManagedByPolicy' \(did you mean 'ManagedByPolicy'\?\), got 'managedbypolicy'/],
    ['zoneGroups is a boolean', { zoneGroups: true }, /'options.zoneGroups' must be one of 'Create', 'ManagedByPolicy', got true/],
    ['zoneGroups is null', { zoneGroups: null }, /'options.zoneGroups' must be one of 'Create', 'ManagedByPolicy', got null/],
    ['an option is misspelt', { zoneGroup: ZoneGroupMode.MANAGED_BY_POLICY }, /'options.zoneGroup' is not a known prop \(did you mean 'zoneGroups'\? known: zoneGroups\), got 'ManagedByPolicy'/],
    ['the options are a string', 'ManagedByPolicy', /'options' must be an object of props, got 'ManagedByPolicy'/],
    ['the options are null', null, /'options' must be an object of props, got null/],
  ])('fails when %s', (_n, options, expected) => {
    expect(() => hub(options)).toThrow(new RegExp(`^PrivateDnsZones.fromHubZoneIds 'test/Hub': ${expected.source}$`));
  });

  test('accepts each mode, and no options', () => {
    expect(hub(undefined).zoneGroupMode).toBe(ZoneGroupMode.CREATE);
    expect(hub({ zoneGroups: undefined }).zoneGroupMode).toBe(ZoneGroupMode.CREATE);
    expect(hub({ zoneGroups: 'Create' }).zoneGroupMode).toBe(ZoneGroupMode.CREATE);
    expect(hub({ zoneGroups: 'ManagedByPolicy' }).zoneGroupMode).toBe(ZoneGroupMode.MANAGED_BY_POLICY);
  });
});
