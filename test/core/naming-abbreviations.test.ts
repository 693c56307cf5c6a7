// Every abbreviation the library names resources with is in NAMING_ABBREVIATIONS, the list
// NamingConvention.fromPattern holds `patternsByAbbreviation` keys against.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { ChatScale, Encryption, INamingConvention, NameRequest, NamingConvention, PrivateChat } from '../../src';
import { NAMING_ABBREVIATIONS } from '../../src/core/private/abbreviations';

test('the list holds every abbreviation a full PrivateChat asks names for', () => {
  const seen = new Set<string>();
  const recorder: INamingConvention = { nameFor: (r: NameRequest) => { seen.add(r.abbreviation); return undefined; } };
  const stack = new TerraformStack(new App({ outdir: '/tmp/cdktf-abbr' }), 'test');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new PrivateChat(stack, 'chat', {
    location: 'swedencentral',
    naming: recorder,
    scale: ChatScale.production(),
    gateway: { publisherEmail: 'platform-team@contoso.example' },
    documentChat: {},
    encryption: Encryption.customerManagedKey(),
    imageMirror: true,
    natGateway: true,
  });
  expect(seen.size).toBeGreaterThan(20);
  expect([...seen].filter((a) => !NAMING_ABBREVIATIONS.includes(a))).toEqual([]);
});

describe('NamingConvention.fromPattern: patternsByAbbreviation', () => {
  const PATTERN = '{abbr}-{workload}-{role}';
  const values = { workload: 'chat' };

  test('fails when a key is not an abbreviation the library uses, suggesting the nearest', () => {
    expect(() => NamingConvention.fromPattern(PATTERN, { values, patternsByAbbreviation: { kvv: 'kv{workload}' } })).toThrow(
      "NamingConvention.fromPattern: 'options.patternsByAbbreviation.kvv' is not an abbreviation the library names resources with, so it would never apply "
      + `(did you mean 'kv'? known: ${NAMING_ABBREVIATIONS.join(', ')}), got 'kv{workload}'`);
  });

  test('fails without a suggestion for a long name of the type', () => {
    expect(() => NamingConvention.fromPattern(PATTERN, { values, patternsByAbbreviation: { storageaccount: 'st{workload}' } }))
      .toThrow(/'options.patternsByAbbreviation.storageaccount' is not an abbreviation the library names resources with, so it would never apply \(known: ampls, /);
  });

  test('accepts every abbreviation of the list', () => {
    const patternsByAbbreviation = Object.fromEntries(NAMING_ABBREVIATIONS.map((a) => [a, `${a}{workload}{hash}`]));
    expect(() => NamingConvention.fromPattern(PATTERN, { values, patternsByAbbreviation })).not.toThrow();
  });
});
