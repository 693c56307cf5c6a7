import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { TerraformStack } from 'cdktf';
import { failuresOf, synthError } from './fixture';
import { AiAccount } from '../../src/ai';
import { ChatIdentity } from '../../src/app';
import { Compliance, ComplianceFinding } from '../../src/compliance';
import { Monitoring } from '../../src/monitoring';
import { PrivateDnsZones, PrivateNetwork } from '../../src/network';
import { EncryptionKey, PrivateKeyVault } from '../../src/secrets';
import { newStack, synth } from '../util';

const CMK_RULES = ['PCHAT-KV-009', 'PCHAT-CMK-001'];
const GUID = '11111111-2222-3333-4444-555555555555';
const SUB = '00000000-0000-0000-0000-000000000000';

interface Fixture {
  readonly stack: TerraformStack;
  readonly vault: PrivateKeyVault;
  readonly key: EncryptionKey;
  readonly account: AiAccount;
}

/** A Foundry account encrypted with a rotating key from a purge-protected vault: what the library builds. */
function encryptedStack(): Fixture {
  const stack = newStack();
  const common = { resourceGroupName: 'rg-chat', location: 'swedencentral' };
  const network = new PrivateNetwork(stack, 'Network', common);
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: 'rg-chat', network });
  const monitoring = new Monitoring(stack, 'Monitoring', common);
  const vault = new PrivateKeyVault(stack, 'Vault', { ...common, network, dnsZones, monitoring });
  const key = new EncryptionKey(stack, 'Key', { ...common, vault });
  const account = new AiAccount(stack, 'Ai', { ...common, network, dnsZones, monitoring, customerManagedKey: key });
  return { stack, vault, key, account };
}

const cmkFailures = (stack: TerraformStack): ComplianceFinding[] => failuresOf(stack, CMK_RULES);
/** The rotation policy in the body of an EncryptionKey's azapi_resource, to break on purpose. */
const policyOf = (f: Fixture): any => (f.key.resource as unknown as { body: any }).body.properties.rotationPolicy;


describe('customer-managed key rules', () => {
  test('are in the pack with their Checkov mappings', () => {
    const rules = Compliance.rules().filter((r) => CMK_RULES.includes(r.id));
    expect(rules.map((r) => [r.id, r.mapsTo, r.resourceTypes])).toEqual([
      ['PCHAT-KV-009', ['CKV_AZURE_40'], ['azurerm_key_vault_key', 'azapi_resource']],
      ['PCHAT-CMK-001', ['CKV_AZURE_42', 'CKV_AZURE_110'], ['azurerm_cognitive_account']],
    ]);
  });

  test('an EncryptionKey and an account using it pass, and the pack synthesizes', () => {
    const f = encryptedStack();
    expect(cmkFailures(f.stack)).toEqual([]);
    Compliance.applyTo(f.stack);
    expect(() => synth(f.stack)).not.toThrow();
  });

  describe('PCHAT-KV-009 key rotation', () => {
    test.each<[string, (f: Fixture) => void, string]>([
      ['the key has no rotation policy', (f) => f.key.resource.addOverride('body.properties.rotationPolicy', null),
        "'body.properties.rotationPolicy' must be set, with attributes.expiryTime and a rotate lifetime action, got null"],
      ['the rotation policy has no expiry', (f) => delete policyOf(f).attributes.expiryTime,
        "'body.properties.rotationPolicy.attributes.expiryTime' must be set, got undefined"],
      ['the key does not rotate by itself', (f) => policyOf(f).lifetimeActions.splice(0, 1),
        "'body.properties.rotationPolicy.lifetimeActions' must hold a 'rotate' action with timeAfterCreate or timeBeforeExpiry, got [{\"trigger\":{\"timeBeforeExpiry\":\"P30D\"},\"action\":{\"type\":\"notify\"}}]"],
    ])('fails when %s', (_, breakIt, problem) => {
      const f = encryptedStack();
      breakIt(f);
      expect(cmkFailures(f.stack).map((x) => [x.ruleId, x.constructPath, x.problem])).toEqual([['PCHAT-KV-009', 'test/Key/Resource', problem]]);
      Compliance.applyTo(f.stack);
      const message = synthError(f.stack);
      expect(message).toContain('breaks PCHAT-KV-009 (Key Vault key: automatic rotation and an expiry in its rotation policy)');
      expect(message).toContain(problem);
    });

    test.each<[string, (k: KeyVaultKey) => void, string]>([
      ['an azurerm key has no rotation policy', (k) => k.resetRotationPolicy(),
        "'rotation_policy' must be set, with expire_after and an automatic block, got undefined"],
      ['an azurerm key\'s rotation policy has no expiry', (k) => k.rotationPolicy.resetExpireAfter(), "'rotation_policy.expire_after' must be set, got undefined"],
      ['an azurerm key does not rotate by itself', (k) => k.rotationPolicy.resetAutomatic(),
        "'rotation_policy.automatic' must rotate the key (time_after_creation or time_before_expiry), got undefined"],
    ])('fails when %s', (_, breakIt, problem) => {
      const stack = newStack();
      const key = new KeyVaultKey(stack, 'Raw', {
        name: 'raw',
        keyVaultId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-raw`,
        keyType: 'RSA',
        keySize: 2048,
        keyOpts: ['unwrapKey', 'wrapKey'],
        rotationPolicy: { expireAfter: 'P90D', notifyBeforeExpiry: 'P29D', automatic: { timeAfterCreation: 'P60D' } },
      });
      breakIt(key);
      expect(cmkFailures(stack).map((x) => [x.ruleId, x.problem])).toEqual([['PCHAT-KV-009', problem]]);
    });

    test('an azapi_resource of another type is not a key', () => {
      const f = encryptedStack();
      f.key.resource.addOverride('type', 'Microsoft.Storage/storageAccounts@2023-05-01');
      f.key.resource.addOverride('body.properties.rotationPolicy', null);
      expect(cmkFailures(f.stack).filter((x) => x.ruleId === 'PCHAT-KV-009')).toEqual([]);
    });

    test('a key rotating before expiry passes too', () => {
      const stack = newStack();
      new KeyVaultKey(stack, 'Raw', {
        name: 'raw',
        keyVaultId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-raw`,
        keyType: 'RSA',
        keySize: 2048,
        keyOpts: ['unwrapKey', 'wrapKey'],
        rotationPolicy: { expireAfter: 'P90D', notifyBeforeExpiry: 'P29D', automatic: { timeBeforeExpiry: 'P30D' } },
      });
      expect(cmkFailures(stack)).toEqual([]);
    });
  });

  describe('PCHAT-CMK-001 purge protection of the key vault', () => {
    test('fails on the account when its key sits in a vault without purge protection', () => {
      const f = encryptedStack();
      f.vault.resource.purgeProtectionEnabled = false;
      expect(cmkFailures(f.stack).map((x) => [x.ruleId, x.constructPath, x.problem])).toEqual([[
        'PCHAT-CMK-001', 'test/Ai/Resource',
        "its key 'test/Key/Resource' is in the vault 'test/Vault/Resource', whose 'purge_protection_enabled' must be true, got false",
      ]]);
      // The vault rule fails too: this one names the account that a waiver of it would break.
      expect(Compliance.report(f.stack).failures.map((x) => x.ruleId)).toContain('PCHAT-KV-001');
    });

    test('an acknowledgement on the account accepts it', () => {
      const f = encryptedStack();
      f.vault.resource.purgeProtectionEnabled = false;
      Compliance.acknowledge(f.account, 'PCHAT-CMK-001', 'short-lived test account, key destroyed with it');
      expect(cmkFailures(f.stack)).toEqual([]);
      expect(Compliance.report(f.stack).acknowledged.map((x) => x.ruleId)).toContain('PCHAT-CMK-001');
    });

    test('a key outside the stack is not checked', () => {
      const f = encryptedStack();
      const identity = ChatIdentity.fromIdentityAttributes(f.stack, 'Shared', {
        identityId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk`,
        clientId: GUID,
        principalId: '99999999-8888-7777-6666-555555555555',
        tenantId: GUID,
      });
      const key = EncryptionKey.fromKeyId(f.stack, 'SharedKey', {
        keyId: 'https://kv-shared.vault.azure.net/keys/cmk', keyVaultId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-shared`, identity,
      });
      f.vault.resource.purgeProtectionEnabled = false;
      f.account.resource.putCustomerManagedKey({ keyVaultKeyId: key.keyId, identityClientId: key.identityClientId });
      expect(cmkFailures(f.stack)).toEqual([]);
    });

    test('an account without a customer-managed key is not checked', () => {
      const f = encryptedStack();
      f.vault.resource.purgeProtectionEnabled = false;
      f.account.resource.resetCustomerManagedKey();
      expect(cmkFailures(f.stack)).toEqual([]);
    });
  });
});
