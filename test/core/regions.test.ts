import { Construct } from 'constructs';
import {
  AZURE_OPENAI_REGIONS, AZURE_REGIONS, checkLocation, checkSameRegionAsNetwork, hasAzureOpenAi, normalizeRegion,
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
