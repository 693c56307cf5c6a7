import { Token } from 'cdktf';
import { Construct } from 'constructs';
import {
  AZURE_OPENAI_REGIONS, AZURE_REGIONS, checkLocation, checkSameRegionAsNetwork, checkZoneRedundancy, hasAvailabilityZones, hasAzureOpenAi,
  normalizeRegion, ZONE_REGIONS,
} from '../../src/core/private/regions';
import { newStack } from '../util';

const scope = () => new Construct(newStack(), 'Thing');

describe('checkLocation', () => {
  test.each(['swedencentral', 'Sweden Central', 'SwedenCentral', 'westus3'])('accepts %s', (location) => {
    expect(() => checkLocation(scope(), 'location', location)).not.toThrow();
  });

  test.each([
    ['trailing whitespace', 'swedencentral ', /'location' must not start or end with whitespace, got 'swedencentral '/],
    ['leading whitespace', ' Sweden Central', /'location' must not start or end with whitespace/],
    ['a trailing newline', 'swedencentral\n', /'location' must not start or end with whitespace/],
    ['an unknown region', 'swedencentrall', /'location' must be an Azure region name such as 'swedencentral' \(did you mean/],
    ['a number', 1, /'location' must be an Azure region name string/],
  ])('fails on %s', (_n, value, expected) => {
    expect(() => checkLocation(scope(), 'location', value as any)).toThrow(expected);
  });

  test.each([
    ['a doubled letter', 'swedencentrall', "(did you mean 'swedencentral'?)"],
    ['swapped letters, which a prefix match misses', 'sewdencentral', "(did you mean 'swedencentral'?)"],
    ['a dropped letter', 'westeurpe', "(did you mean 'westeurope'?)"],
    ['a wrong digit', 'eastus4', "(did you mean 'eastus', 'eastus2'?)"],
    ['a half-written region, by its first letters', 'swedenxyzzy', "(did you mean 'swedencentral', 'swedensouth'?)"],
  ])('fails on %s, suggesting the nearest regions', (_n, value, hint) => {
    expect(() => checkLocation(scope(), 'location', value)).toThrow(
      `Construct 'test/Thing': 'location' must be an Azure region name such as 'swedencentral' ${hint}, got '${value}'`);
  });

  test('fails without a suggestion when nothing is near', () => {
    expect(() => checkLocation(scope(), 'location', 'mars')).toThrow(
      "Construct 'test/Thing': 'location' must be an Azure region name such as 'swedencentral', got 'mars'");
  });
});

describe('checkSameRegionAsNetwork', () => {
  test('fails when the regions differ and both are known', () => {
    expect(() => checkSameRegionAsNetwork(scope(), 'location', 'westeurope', 'swedencentral'))
      .toThrow(/'location' must be the region of its network \('swedencentral'\).*, got 'westeurope'/);
  });

  test('accepts display and provider forms of one region, and an unknown network region', () => {
    expect(() => checkSameRegionAsNetwork(scope(), 'location', 'Sweden Central', 'swedencentral')).not.toThrow();
    expect(() => checkSameRegionAsNetwork(scope(), 'location', 'westeurope', undefined)).not.toThrow();
  });
});

describe('Azure OpenAI regions', () => {
  test('every Azure OpenAI region is an Azure region', () => {
    for (const r of AZURE_OPENAI_REGIONS) expect(AZURE_REGIONS).toContain(r);
  });

  test('knows which regions have Azure OpenAI', () => {
    expect(hasAzureOpenAi('swedencentral')).toBe(true);
    expect(hasAzureOpenAi('Sweden Central')).toBe(true);
    expect(hasAzureOpenAi('westindia')).toBe(false);
    expect(normalizeRegion('Sweden Central')).toBe('swedencentral');
  });
});

describe('availability zones', () => {
  test('every zone region is an Azure region', () => {
    for (const r of ZONE_REGIONS) expect(AZURE_REGIONS).toContain(r);
  });

  test.each(['swedencentral', 'Sweden Central', 'westeurope', 'eastus2', 'japanwest'])('%s has zones', (region) => {
    expect(hasAvailabilityZones(region)).toBe(true);
  });

  test.each(['westus', 'northcentralus', 'swedensouth', 'ukwest', 'Norway West', 'usgovvirginia'])('%s has none (or is unknown)', (region) => {
    expect(hasAvailabilityZones(region)).toBe(false);
  });

  test('a token counts as having zones', () => {
    expect(hasAvailabilityZones(Token.asString({ Ref: 'loc' }))).toBe(true);
  });

  test('fails when a region without zones is asked for zone redundancy, naming nearby regions with zones', () => {
    expect(() => checkZoneRedundancy(scope(), 'zoneBalancingEnabled', 'westus', 'zone-balanced instances')).toThrow(
      "Construct 'test/Thing': 'zoneBalancingEnabled' needs a region with availability zones for zone-balanced instances; 'westus' has none (regions with zones near it: 'westus3', 'westus2', 'eastus'), got 'westus'",
    );
    expect(() => checkZoneRedundancy(scope(), 'zoneRedundancyEnabled', 'Sweden South', 'a zone-redundant registry')).toThrow(
      "'zoneRedundancyEnabled' needs a region with availability zones for a zone-redundant registry; 'Sweden South' has none (regions with zones near it: 'swedencentral'), got 'Sweden South'",
    );
  });

  test('every known region without zones names at least one neighbour with zones', () => {
    for (const region of AZURE_REGIONS.filter((r) => !ZONE_REGIONS.includes(r))) {
      expect(() => checkZoneRedundancy(scope(), 'p', region, 'x')).toThrow(/regions with zones near it: '[a-z0-9]+'/);
    }
  });

  test.each([
    ['a region with zones', 'swedencentral'],
    ['a display name with zones', 'West Europe'],
    ['an unknown (sovereign) region', 'usgovvirginia'],
    ['undefined', undefined],
  ])('passes for %s', (_n, region) => {
    expect(() => checkZoneRedundancy(scope(), 'p', region, 'x')).not.toThrow();
  });

  test('skips tokens', () => {
    expect(() => checkZoneRedundancy(scope(), 'p', Token.asString({ Ref: 'loc' }), 'x')).not.toThrow();
  });
});
