// Customer-managed keys across the pattern: one key, honoured by every stateful piece that can.
import { Testing } from 'cdktf';
import { ChatIdentity, EncryptionKey, Encryption, OpenAiAccount, PrivateChat, PrivateChatProps, PrivateKeyVault } from '../../src';
import { newStack, resourcesOf, synthJson, warningsOf } from '../util';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const VAULT_ID = `${SUB}/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-sec`;

function chat(props: Partial<PrivateChatProps> = {}) {
  const stack = newStack();
  const made = new PrivateChat(stack, 'chat', { location: 'swedencentral', ...props });
  return { stack, chat: made, json: () => synthJson(stack) };
}

describe('PrivateChat encryption', () => {
  test('Microsoft-managed keys by default: no key, no customer_managed_key', () => {
    const { chat: made, json } = chat();
    expect(made.encryptionKey).toBeUndefined();
    const out = json();
    expect(resourcesOf(out, 'azurerm_key_vault_key')).toEqual({});
    expect(JSON.stringify(out.resource!.azapi_resource ?? {})).not.toContain('Microsoft.KeyVault/vaults/keys');
    expect(JSON.stringify(out.resource!.azurerm_cognitive_account)).not.toContain('customer_managed_key');
  });

  test('a customer-managed key in the stack vault encrypts the AI account, after its role has propagated', () => {
    const { chat: made, json } = chat({ encryption: Encryption.customerManagedKey({ rotateAfterDays: 180, expireAfterDays: 365 }) });
    const out = json();
    const key = made.encryptionKey as EncryptionKey;
    expect(key).toBeInstanceOf(EncryptionKey);
    expect(resourcesOf(out, 'azurerm_key_vault_key')).toEqual({});
    const [keyName, keyBlock] = Object.entries(resourcesOf(out, 'azapi_resource')).find(([, r]) => r.type.startsWith('Microsoft.KeyVault/vaults/keys@')) as [string, any];
    const vaultName = Object.keys(resourcesOf(out, 'azurerm_key_vault'))[0];
    expect(keyBlock.parent_id).toBe(`\${azurerm_key_vault.${vaultName}.id}`);
    expect(keyBlock.body.properties.rotationPolicy.lifetimeActions[0]).toEqual({ trigger: { timeAfterCreate: 'P180D' }, action: { type: 'rotate' } });
    expect(keyBlock.lifecycle.prevent_destroy).toBe(true);
    const account = Object.values(resourcesOf(out, 'azurerm_cognitive_account'))[0] as any;
    expect(account.customer_managed_key).toEqual({
      key_vault_key_id: `\${trimsuffix(azurerm_key_vault.${vaultName}.vault_uri, "/")}/keys/\${azapi_resource.${keyName}.name}`,
      identity_client_id: expect.stringMatching(/^\$\{azurerm_user_assigned_identity\..*\.client_id\}$/),
    });
    expect(account.identity.type).toBe('SystemAssigned, UserAssigned');
    expect(account.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^time_sleep\./), expect.stringMatching(/^azurerm_role_assignment\./)]));
    expect(() => Testing.synth(made.node.scope as never, true)).not.toThrow();
  });

  test('an existing key is used as given', () => {
    const stack = newStack();
    const key = EncryptionKey.fromKeyId(stack, 'Key', {
      keyId: 'https://kv-sec.vault.azure.net/keys/cmk-chat',
      keyVaultId: VAULT_ID,
      identity: ChatIdentity.fromIdentityAttributes(stack, 'CmkIdentity', {
        identityId: `${SUB}/resourceGroups/rg-sec/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk`,
        clientId: '11111111-1111-1111-1111-111111111111',
        principalId: '22222222-2222-2222-2222-222222222222',
        tenantId: '33333333-3333-3333-3333-333333333333',
      }),
    });
    const made = new PrivateChat(stack, 'chat', { location: 'swedencentral', encryption: Encryption.customerManagedKey({ key }) });
    const out = synthJson(stack);
    expect(made.encryptionKey).toBe(key);
    expect(resourcesOf(out, 'azurerm_key_vault_key')).toEqual({});
    expect((Object.values(resourcesOf(out, 'azurerm_cognitive_account'))[0] as any).customer_managed_key.key_vault_key_id).toBe('https://kv-sec.vault.azure.net/keys/cmk-chat');
  });

  test('fails when an existing vault has purge protection off', () => {
    const stack = newStack();
    const vault = PrivateKeyVault.fromAttributes(stack, 'Vault', { vaultId: VAULT_ID, vaultUri: 'https://kv-sec.vault.azure.net/', purgeProtectionEnabled: false });
    expect(() => new PrivateChat(stack, 'chat', { location: 'swedencentral', vault, encryption: Encryption.customerManagedKey() }))
      .toThrow(/'vault' .*purge protection/);
  });

  test('fails when an existing key is given with a rotation policy', () => {
    const stack = newStack();
    const key = { keyId: 'k', keyVaultId: VAULT_ID, identityId: 'i', identityClientId: 'c', identityPrincipalId: 'p', dependables: [] };
    expect(() => new PrivateChat(stack, 'chat', { location: 'swedencentral', encryption: Encryption.customerManagedKey({ key, rotateAfterDays: 90 }) }))
      .toThrow(/^PrivateChat 'test\/chat': 'encryption.key' and 'encryption.rotateAfterDays'\/'expireAfterDays' are mutually exclusive/);
  });

  test('fails on a bad encryption value', () => {
    expect(() => chat({ encryption: 'cmk' as never })).toThrow(/'encryption' must be an Encryption/);
    expect(() => Encryption.customerManagedKey({ rotateAfterDays: 'soon' } as never)).toThrow(/Encryption.customerManagedKey: 'options.rotateAfterDays'/);
  });

  test('warns that an existing AI account keeps its own encryption', () => {
    const stack = newStack();
    const openAi = OpenAiAccount.fromAttributes(stack, 'Ai', { accountId: `${SUB}/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/ais-x` });
    const made = new PrivateChat(stack, 'chat', { location: 'swedencentral', aiAccount: openAi, chatDeploymentName: 'gpt-4.1-mini', encryption: Encryption.customerManagedKey() });
    expect(warningsOf(made)).toEqual(expect.arrayContaining([expect.stringMatching(/'aiAccount' is an existing account.*\[encryption-existing-account\]$/)]));
  });
});
