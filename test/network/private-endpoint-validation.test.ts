import { Construct } from 'constructs';
import { endpointFixture, policyZones, SUB, VAULT, VNET } from './endpoint-fixture';
import { IPrivateDnsZones, PrivateLinkZone, ZoneGroupMode } from '../../src/network';
import { synth, warningsOf } from '../util';

const id = (type: string, name = 'x') => `${SUB}/resourceGroups/rg/providers/${type}/${name}`;
const setup = endpointFixture;

describe('ServicePrivateEndpoint: region', () => {
  test('fails when the endpoint is not in its network\'s region', () => {
    expect(() => setup({ location: 'westeurope' }))
      .toThrow(/ServicePrivateEndpoint 'test\/Endpoint': 'location' must be the region of its network \('swedencentral'\).*, got 'westeurope'/);
  });

  test('fails when an imported network\'s given region differs', () => {
    expect(() => setup({}, 'westeurope')).toThrow(/'location' must be the region of its network \('westeurope'\)/);
  });

  test('accepts the display form of the same region, and an imported network without a region', () => {
    expect(() => setup({ location: 'Sweden Central' })).not.toThrow();
    expect(() => setup({ location: 'westeurope' }, null)).not.toThrow();
  });

  test('fails when the region has surrounding whitespace', () => {
    expect(() => setup({ location: ' swedencentral' })).toThrow(/'location' must not start or end with whitespace, got ' swedencentral'/);
  });
});

describe('ServicePrivateEndpoint: JavaScript types at the boundary', () => {
  test.each([
    ['zones holds undefined', { zones: [PrivateLinkZone.KEY_VAULT, undefined] }, /'zones\[1\]' must be a PrivateLinkZone/],
    ['a zone is a plain object', { zones: [{ key: 'keyVault', zoneName: 'privatelink.vaultcore.azure.net' }] }, /'zones\[0\]' must be a PrivateLinkZone/],
    ['the network is a plain object', { network: { virtualNetworkId: VNET } }, /'network' must be a PrivateNetwork or PrivateNetwork.fromAttributes/],
    ['dnsZones is a string', { dnsZones: 'zones' }, /'dnsZones' must be a PrivateDnsZones/],
    ['subresource is an array', { subresource: ['vault'] }, /'subresource' must be a string/],
    ['subresource has a trailing space', { subresource: 'vault ' }, /'subresource' must not start or end with whitespace/],
    ['the target id is of no resource', { targetResourceId: `${SUB}/resourceGroups/rg` }, /'targetResourceId' must be an Azure resource id/],
    ['tags exceed Azure\'s limit', { tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'v'])) }, /'tags' must hold at most 50 tags/],
  ])('fails when %s', (_n, props, expected) => {
    expect(() => setup(props)).toThrow(expected);
  });
});

describe('ServicePrivateEndpoint: sub-resource of the target', () => {
  test.each([
    ['vault for a Key Vault', VAULT, 'vault'],
    ['account for Cognitive Services', id('Microsoft.CognitiveServices/accounts'), 'account'],
    ['sites for a web app', id('Microsoft.Web/sites'), 'sites'],
    ['a slot of a web app', id('Microsoft.Web/sites'), 'sites-staging'],
    ['Sql for Cosmos DB', id('Microsoft.DocumentDB/databaseAccounts'), 'Sql'],
    ['sql (any case) for Cosmos DB', id('Microsoft.DocumentDB/databaseAccounts'), 'sql'],
    ['registry for a container registry', id('Microsoft.ContainerRegistry/registries'), 'registry'],
    ['postgresqlServer for PostgreSQL flexible server', id('Microsoft.DBforPostgreSQL/flexibleServers'), 'postgresqlServer'],
    ['Gateway for API Management', id('Microsoft.ApiManagement/service'), 'Gateway'],
    ['blob for storage', id('Microsoft.Storage/storageAccounts'), 'blob'],
    ['anything for an unknown type', id('Contoso.Widgets/widgets'), 'widget'],
  ])('accepts %s without a warning', (_n, targetResourceId, subresource) => {
    const { stack } = setup({ targetResourceId, subresource, zones: [PrivateLinkZone.KEY_VAULT] });
    expect(warningsOf(stack).filter((w) => /endpoint-subresource-mismatch/.test(w))).toEqual([]);
  });

  test.each([
    ['account for a Key Vault', VAULT, 'account'],
    ['vault for Cognitive Services', id('Microsoft.CognitiveServices/accounts'), 'vault'],
    ['vault for a web app', id('Microsoft.Web/sites'), 'vault'],
    ['vault for Cosmos DB', id('Microsoft.DocumentDB/databaseAccounts'), 'vault'],
    ['acr for a container registry', id('Microsoft.ContainerRegistry/registries'), 'acr'],
    ['sqlServer for PostgreSQL flexible server', id('Microsoft.DBforPostgreSQL/flexibleServers'), 'sqlServer'],
    ['gateways for API Management', id('Microsoft.ApiManagement/service'), 'gateways'],
  ])('warns when the sub-resource is %s', (_n, targetResourceId, subresource) => {
    const { stack } = setup({ targetResourceId, subresource });
    const found = warningsOf(stack).filter((w) => /\[endpoint-subresource-mismatch\]$/.test(w));
    expect(found).toEqual([expect.stringMatching(new RegExp(`^ServicePrivateEndpoint 'test/Endpoint': 'subresource' is '${subresource}'`))]);
    expect(() => synth(stack)).not.toThrow();
  });

  test('warns when a zone does not resolve the target type', () => {
    const { stack } = setup({ zones: [PrivateLinkZone.OPENAI] });
    expect(warningsOf(stack)).toEqual([expect.stringMatching(/'zones\[0\]' is 'privatelink.openai.azure.com', which does not resolve a Microsoft.KeyVault\/vaults target.*\[endpoint-zone-mismatch\]$/)]);
  });

  test('accepts both OpenAI zones for a Cognitive Services account', () => {
    const { stack } = setup({
      targetResourceId: id('Microsoft.CognitiveServices/accounts'), subresource: 'account', zones: [PrivateLinkZone.OPENAI, PrivateLinkZone.COGNITIVE_SERVICES],
    });
    expect(warningsOf(stack)).toEqual([]);
  });

  test('accepts the three zones of a Foundry (AIServices) account', () => {
    const { stack } = setup({
      targetResourceId: id('Microsoft.CognitiveServices/accounts'),
      subresource: 'account',
      zones: [PrivateLinkZone.AI_SERVICES, PrivateLinkZone.OPENAI, PrivateLinkZone.COGNITIVE_SERVICES],
    });
    expect(warningsOf(stack)).toEqual([]);
  });

  test('warns when the AI services zone is given to another target type, listing the expected zone', () => {
    const { stack } = setup({ zones: [PrivateLinkZone.AI_SERVICES] });
    expect(warningsOf(stack)).toEqual([expect.stringMatching(
      /'zones\[0\]' is 'privatelink.services.ai.azure.com', which does not resolve a Microsoft.KeyVault\/vaults target \(expected 'privatelink.vaultcore.azure.net'\).*\[endpoint-zone-mismatch\]$/)]);
  });

  test('names the AI services zone among those a Cognitive Services account expects', () => {
    const { stack } = setup({ targetResourceId: id('Microsoft.CognitiveServices/accounts'), subresource: 'account', zones: [PrivateLinkZone.KEY_VAULT] });
    expect(warningsOf(stack)).toEqual([expect.stringMatching(
      /expected 'privatelink.openai.azure.com' or 'privatelink.cognitiveservices.azure.com' or 'privatelink.services.ai.azure.com'\).*\[endpoint-zone-mismatch\]$/)]);
  });
});

describe('ServicePrivateEndpoint: zone group mode of dnsZones', () => {
  /** A user's own IPrivateDnsZones, as JavaScript may write it. */
  const userZones = (zoneGroupMode: unknown) => (stack: Construct): IPrivateDnsZones => Object.assign(new Construct(stack, 'Zones'), {
    zoneGroupMode: zoneGroupMode as ZoneGroupMode,
    zoneIdFor: () => `${SUB}/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net`,
  });

  test.each([
    ['a misspelt mode', 'ManagedByPolicies', /'dnsZones.zoneGroupMode' must be one of 'Create', 'ManagedByPolicy' \(did you mean 'ManagedByPolicy'\?\), got 'ManagedByPolicies'/],
    ['the enum member name', 'MANAGED_BY_POLICY', /'dnsZones.zoneGroupMode' must be one of 'Create', 'ManagedByPolicy' \(did you mean 'ManagedByPolicy'\?\), got 'MANAGED_BY_POLICY'/],
    ['a boolean', true, /'dnsZones.zoneGroupMode' must be one of 'Create', 'ManagedByPolicy', got true/],
  ])('fails when a user implementation reports %s', (_n, mode, expected) => {
    expect(() => setup({}, undefined, userZones(mode))).toThrow(new RegExp(`^ServicePrivateEndpoint 'test/Endpoint': ${expected.source}$`));
  });

  test('accepts a user implementation without zoneGroupMode as one that creates zone groups', () => {
    const { endpoint } = setup({}, undefined, userZones(undefined));
    expect(endpoint.zoneGroupManagedByPolicy).toBe(false);
  });

  test('accepts a user implementation whose zone groups are managed by Policy', () => {
    const { endpoint } = setup({}, undefined, userZones(ZoneGroupMode.MANAGED_BY_POLICY));
    expect(endpoint.zoneGroupManagedByPolicy).toBe(true);
  });

  test.each([
    ['zones holds undefined', { zones: [PrivateLinkZone.KEY_VAULT, undefined] }, /'zones\[1\]' must be a PrivateLinkZone/],
    ['a zone is a zone name string', { zones: ['privatelink.vaultcore.azure.net'] }, /'zones\[0\]' must be a PrivateLinkZone/],
    ['zones is missing', { zones: undefined }, /'zones' is required/],
  ])('checks zones as strictly when Policy manages zone groups: fails when %s', (_n, props, expected) => {
    expect(() => setup(props, undefined, policyZones)).toThrow(expected);
  });
});
