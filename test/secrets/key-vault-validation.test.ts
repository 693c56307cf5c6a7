// Bad input at the public boundary of the secrets area (issue 11).
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Principal, Warnings } from '../../src/core';
import { Monitoring } from '../../src/monitoring';
import { PrivateDnsZones, PrivateNetwork } from '../../src/network';
import { KeyVaultSecretOptions, PrivateKeyVault, PrivateKeyVaultProps, VaultSecret } from '../../src/secrets';
import { newStack, synth, warningsOf } from '../util';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const VAULT_ID = `${SUB}/resourceGroups/rg-shared/providers/Microsoft.KeyVault/vaults/kv-shared`;
const VAULT_URI = 'https://kv-shared.vault.azure.net/';
const js = <T>(value: unknown): T => value as T;
const secret = (o: Record<string, unknown> = {}): KeyVaultSecretOptions => js({ name: 'db-password', value: 'hunter2', contentType: 'text/plain', ...o });

function vault(props: Partial<PrivateKeyVaultProps> | Record<string, unknown> = {}, stack: TerraformStack = newStack()): PrivateKeyVault {
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg-chat', location: 'swedencentral' });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: 'rg-chat', network });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: 'rg-chat', location: 'swedencentral' });
  return new PrivateKeyVault(stack, 'Vault', js({ resourceGroupName: 'rg-chat', location: 'swedencentral', network, dnsZones, monitoring, ...props }));
}

/** A stack whose app sets the context key `cdktf-private-chat:today`. */
function stackOn(today: unknown): TerraformStack {
  const app = Testing.app({ context: { 'cdktf-private-chat:today': today } });
  const stack = new TerraformStack(app, 'test');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

describe('PrivateKeyVault input', () => {
  test('fails when props is null, with a named error rather than a TypeError', () => {
    expect(() => new PrivateKeyVault(newStack(), 'Vault', js(null))).toThrow(/^PrivateKeyVault 'test\/Vault': 'props' must be an object of props, got null$/);
  });

  test('fails when network, dnsZones or monitoring are not what they claim', () => {
    expect(() => vault({ network: 'vnet' })).toThrow(/'network' must be a PrivateNetwork or PrivateNetwork.fromAttributes\(...\), got 'vnet'/);
    expect(() => vault({ dnsZones: {} })).toThrow(/'dnsZones' must be a PrivateDnsZones/);
    expect(() => vault({ monitoring: { workspaceId: 'x' } })).toThrow(/'monitoring' must be a Monitoring/);
  });

  test('fails when a boolean is a string', () => {
    expect(() => vault({ preventDestroy: 'false' })).toThrow(/'preventDestroy' must be true or false .*, got 'false'/);
    expect(() => vault({ grantDeployerAccess: 'no' })).toThrow(/'grantDeployerAccess' must be true or false .*, got 'no'/);
  });

  test('fails when softDeleteRetentionDays is a string or not whole', () => {
    expect(() => vault({ softDeleteRetentionDays: '30' })).toThrow(/'softDeleteRetentionDays' must be an integer between 7 and 90, got '30'/);
    expect(() => vault({ softDeleteRetentionDays: 7.5 })).toThrow(/'softDeleteRetentionDays' must be an integer between 7 and 90, got 7.5/);
  });

  test('fails when a prop is misspelt', () => {
    expect(() => vault({ softDeleteRetention: 30 })).toThrow(/'softDeleteRetention' is not a known prop/);
  });

  test('fails when tags break Azure\'s limits', () => {
    expect(() => vault({ tags: { 'a%b': 'x' } })).toThrow(/'tags.a%b' is not a valid tag name/);
    expect(() => vault({ tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'x'])) })).toThrow(/'tags' must hold at most 50 tags/);
  });

  test('fails when the vault is in another region than its network', () => {
    expect(() => vault({ location: 'northeurope' })).toThrow(/^PrivateKeyVault 'test\/Vault': 'location' must be the region of its network \('swedencentral'\).*, got 'northeurope'$/);
  });

  test('fails when grantSecretsRead gets something that is not a principal', () => {
    expect(() => vault().grantSecretsRead(js('11111111-2222-3333-4444-555555555555'))).toThrow(/'grantSecretsRead.principal' must be an IPrincipal/);
    const v = vault();
    expect(() => v.grantSecretsRead(Principal.fromGroupObjectId(v.node.scope as any, 'Readers', '11111111-2222-3333-4444-555555555555'))).not.toThrow();
  });

  test('keyVaultReference fails for anything but a secret', () => {
    expect(() => PrivateKeyVault.keyVaultReference(js({ versionlessId: 'x' }))).toThrow(/^PrivateKeyVault.keyVaultReference: 'secret' must be a VaultSecret returned by addSecret\(...\), got \{"versionlessId":"x"\}$/);
    expect(() => PrivateKeyVault.keyVaultReference(js(undefined))).toThrow(/'secret' is required/);
    const s = vault().addSecret('Db', secret());
    expect(s).toBeInstanceOf(VaultSecret);
    expect(PrivateKeyVault.keyVaultReference(s)).toMatch(/^@Microsoft.KeyVault\(SecretUri=/);
  });
});

describe('addSecret input', () => {
  test('fails when the options are missing or the id is blank', () => {
    expect(() => vault().addSecret('Db', js(undefined))).toThrow(/'addSecret\(Db\)' is required \(an object\), got undefined/);
    expect(() => vault().addSecret('', secret())).toThrow(/'addSecret.id' must not be empty/);
  });

  test('fails when the name is missing (it used to reach Terraform as null)', () => {
    expect(() => vault().addSecret('Db', secret({ name: undefined }))).toThrow(/'addSecret\(Db\).name' is required \(a string\), got undefined/);
  });

  test('fails when the value or content type has the wrong type', () => {
    expect(() => vault().addSecret('Db', secret({ value: 42 }))).toThrow(/'addSecret\(Db\).value' must be a string, got 42/);
    expect(() => vault().addSecret('Db', secret({ contentType: 1 }))).toThrow(/'addSecret\(Db\).contentType' must be a string, got 1/);
  });

  test('fails when the value is larger than Key Vault stores, without showing it', () => {
    const big = 'é'.repeat(12_801); // 25,602 bytes in UTF-8
    expect(() => vault().addSecret('Db', secret({ value: big }))).toThrow(/'addSecret\(Db\).value' must be at most 25600 bytes .*, got 'a value of 25602 bytes'$/);
    expect(() => vault().addSecret('Db', secret({ value: 'x'.repeat(25_600) }))).not.toThrow();
  });

  test('fails when a date is a Date object or not RFC3339', () => {
    expect(() => vault().addSecret('Db', secret({ expirationDate: new Date() }))).toThrow(/'addSecret\(Db\).expirationDate' must be a string/);
    expect(() => vault().addSecret('Db', secret({ expirationDate: '2026-12-31' }))).toThrow(/'addSecret\(Db\).expirationDate' must be an RFC3339 timestamp/);
    expect(() => vault().addSecret('Db', secret({ notBeforeDate: 'tomorrow' }))).toThrow(/'addSecret\(Db\).notBeforeDate' must be an RFC3339 timestamp/);
  });

  test('fails when an option is misspelt', () => {
    expect(() => vault().addSecret('Db', secret({ expires: '2026-12-31T00:00:00Z' }))).toThrow(/'addSecret\(Db\).expires' is not a known prop/);
  });
});

describe('expiry-in-past', () => {
  test('warns when the expiry is before the context\'s today', () => {
    const v = vault({}, stackOn('2026-11-22'));
    v.addSecret('Db', secret({ expirationDate: '2026-11-21T23:59:59Z' }));
    expect(warningsOf(v)).toEqual([
      expect.stringMatching(/^PrivateKeyVault 'test\/Vault': 'addSecret\(Db\).expirationDate' is '2026-11-21T23:59:59Z', already past on 2026-11-22 \(context 'cdktf-private-chat:today'\).* \[expiry-in-past\]$/),
    ]);
  });

  test('does not warn for an expiry today or later', () => {
    const v = vault({}, stackOn('2026-11-22'));
    v.addSecret('Db', secret({ expirationDate: '2026-11-22T00:00:00Z' }));
    v.addSecret('Db2', secret({ name: 'db-user', expirationDate: '2030-01-01T00:00:00+02:00' }));
    expect(warningsOf(v)).toEqual([]);
  });

  test('without the context key, today is the model catalogue\'s research date, and the warning says so (never the clock)', () => {
    const v = vault();
    v.addSecret('Db', secret({ expirationDate: '2000-01-01T00:00:00Z' }));
    v.addSecret('Db2', secret({ name: 'db-user', expirationDate: '2026-11-22T00:00:00Z' }));
    expect(warningsOf(v)).toEqual([
      "PrivateKeyVault 'test/Vault': 'addSecret(Db).expirationDate' is '2000-01-01T00:00:00Z', already past on 2026-11-22 "
      + "(taken as today: the date the model catalogue was researched; set context 'cdktf-private-chat:today' to check another date): "
      + 'the value is unusable from the moment it is stored [expiry-in-past]',
    ]);
  });

  test('accepts an RFC3339 timestamp as today: its UTC day counts, as for the model checks', () => {
    const v = vault({}, stackOn('2026-11-22T12:00:00Z'));
    v.addSecret('Db', secret({ expirationDate: '2026-11-22T11:00:00Z' }));
    expect(warningsOf(v)).toEqual([]);
    v.addSecret('Db2', secret({ name: 'db-user', expirationDate: '2026-11-21T23:00:00Z' }));
    expect(warningsOf(v)).toHaveLength(1);
  });

  test('fails when the context key is not a date', () => {
    for (const today of ['22/11/2026', '2026-02-30', 20261122]) {
      const v = vault({}, stackOn(today));
      expect(() => v.addSecret('Db', secret({ expirationDate: '2026-12-31T00:00:00Z' })))
        .toThrow(/'cdktf-private-chat:today' must be today's date as an ISO date such as '2026-11-22'/);
    }
  });

  test('is silenced by Warnings.acknowledge', () => {
    const v = vault({}, stackOn('2026-11-22'));
    v.addSecret('Db', secret({ expirationDate: '2020-01-01T00:00:00Z' }));
    Warnings.acknowledge(v, 'expiry-in-past', 'placeholder secret rotated by the pipeline');
    expect(warningsOf(v)).toEqual([]);
  });

  test('skips tokens', () => {
    const stack = stackOn('2026-11-22');
    const expiry = new TerraformVariable(stack, 'expiry', { type: 'string' });
    const v = vault({}, stack);
    v.addSecret('Db', secret({ expirationDate: expiry.stringValue }));
    expect(warningsOf(v)).toEqual([]);
    expect(() => synth(stack)).not.toThrow();
  });
});

describe('PrivateKeyVault.fromAttributes input', () => {
  const attrs = (a: unknown) => () => PrivateKeyVault.fromAttributes(newStack(), 'Shared', js(a));

  test('fails when vaultUri is missing or has whitespace around it', () => {
    expect(attrs({ vaultId: VAULT_ID })).toThrow(/'vaultUri' is required \(a string\), got undefined/);
    expect(attrs({ vaultId: VAULT_ID, vaultUri: ` ${VAULT_URI}` })).toThrow(/'vaultUri' must not start or end with whitespace/);
  });

  test('fails when vaultId has a non-GUID subscription or an empty segment', () => {
    expect(attrs({ vaultId: VAULT_ID.replace('00000000-0000-0000-0000-000000000000', 'prod'), vaultUri: VAULT_URI })).toThrow(/'vaultId' must be an Azure resource id/);
    expect(attrs({ vaultId: VAULT_ID.replace('/resourceGroups/rg-shared/', '/resourceGroups//'), vaultUri: VAULT_URI })).toThrow(/'vaultId' must be an Azure resource id/);
  });

  test('fails when grantDeployerAccess is a string', () => {
    expect(attrs({ vaultId: VAULT_ID, vaultUri: VAULT_URI, grantDeployerAccess: 'false' })).toThrow(/'grantDeployerAccess' must be true or false/);
  });

  test('fails when an attribute is misspelt', () => {
    expect(attrs({ vaultId: VAULT_ID, vaultURI: VAULT_URI })).toThrow(/'vaultURI' is not a known prop \(did you mean 'vaultUri'\? known: grantDeployerAccess, purgeProtectionEnabled, vaultId, vaultUri\)/);
  });
});
