import { CognitiveAccount } from '@cdktf/provider-azurerm/lib/cognitive-account';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { TerraformStack } from 'cdktf';
import { address, aiFixture, AiFixture, blockOf, ref } from './fixture';
import { AiAccount, OpenAiAccount, AiAccountProps } from '../../src/ai';
import { ChatIdentity } from '../../src/app';
import { EncryptionKey, EncryptionKeyProps, ICustomerManagedKey, PrivateKeyVault } from '../../src/secrets';
import { resolved, synth, synthJson } from '../util';

const SUB = '00000000-0000-0000-0000-000000000000';
const VAULT_ID = `/subscriptions/${SUB}/resourceGroups/rg-shared/providers/Microsoft.KeyVault/vaults/kv-shared`;
const KEY_ID = 'https://kv-shared.vault.azure.net/keys/cmk-ai';
const IDENTITY_ID = `/subscriptions/${SUB}/resourceGroups/rg-shared/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk`;
const GUID = '11111111-2222-3333-4444-555555555555';

function keyIn(f: AiFixture, overrides: Partial<EncryptionKeyProps> = {}): EncryptionKey {
  const vault = new PrivateKeyVault(f.stack, 'Vault', { ...f.props });
  return new EncryptionKey(f.stack, 'Key', { vault, resourceGroupName: 'rg-chat', location: 'swedencentral', ...overrides });
}

type AccountClass = typeof AiAccount | typeof OpenAiAccount;
const KINDS: [string, AccountClass][] = [['AiAccount', AiAccount], ['OpenAiAccount', OpenAiAccount]];

/** The account's block in a stack synthesized without a CMK, and the same with `extra` props. */
interface Built {
  readonly stack: TerraformStack;
  readonly block: any;
  readonly account: AiAccount | OpenAiAccount;
}

function accountJson(kind: AccountClass, extra: (f: AiFixture) => Partial<AiAccountProps> = () => ({})): Built {
  const f = aiFixture();
  const account = new kind(f.stack, 'Ai', { ...f.props, ...extra(f) });
  return { stack: f.stack, block: blockOf(synthJson(f.stack), account.resource), account };
}

describe.each(KINDS)('%s with a customer-managed key', (_, kind) => {
  test('adds the key identity next to the system-assigned one, sets the key and waits for its role assignment', () => {
    const f = aiFixture();
    const key = keyIn(f);
    const account = new kind(f.stack, 'Ai', { ...f.props, customerManagedKey: key });
    expect(synth(f.stack)).toHaveResourceWithProperties(CognitiveAccount, {
      identity: { type: 'SystemAssigned, UserAssigned', identity_ids: [ref(key.identity!, 'id')] },
      customer_managed_key: { key_vault_key_id: resolved(key, key.keyId), identity_client_id: ref(key.identity!, 'client_id') },
      depends_on: [address(key.roleAssignment), address(key.roleAssignmentWait)],
    });
    expect(blockOf(synthJson(f.stack), account.resource).customer_managed_key.key_vault_key_id).toMatch(/\/keys\/\$\{azapi_resource\.[\w-]+\.name\}$/);
  });

  test('keeps the identities given, and does not repeat the key identity when it is one of them', () => {
    const f = aiFixture();
    const identity = ChatIdentity.fromIdentityAttributes(f.stack, 'CmkIdentity', { identityId: IDENTITY_ID, clientId: GUID, principalId: '99999999-2222-3333-4444-555555555555', tenantId: GUID });
    const other = IDENTITY_ID.replace('id-cmk', 'id-other');
    const key = EncryptionKey.fromKeyId(f.stack, 'Key', { keyId: KEY_ID, keyVaultId: VAULT_ID, identity });
    const account = new kind(f.stack, 'Ai', { ...f.props, customerManagedKey: key, userAssignedIdentityIds: [other, IDENTITY_ID.toUpperCase().replace('/SUBSCRIPTIONS/', '/subscriptions/')] });
    const block = blockOf(synthJson(f.stack), account.resource);
    expect(block.identity.identity_ids).toHaveLength(2);
    expect(block.customer_managed_key).toEqual({ key_vault_key_id: KEY_ID, identity_client_id: GUID });
    // An existing key with no grant to wait for: nothing to depend on.
    expect(block).not.toHaveProperty('depends_on');
  });

  test('adds the key identity after the identities given', () => {
    const f = aiFixture();
    const key = keyIn(f);
    const other = IDENTITY_ID.replace('id-cmk', 'id-other');
    const account = new kind(f.stack, 'Ai', { ...f.props, customerManagedKey: key, userAssignedIdentityIds: [other] });
    expect(blockOf(synthJson(f.stack), account.resource).identity).toEqual({
      type: 'SystemAssigned, UserAssigned', identity_ids: [other, ref(key.identity!, 'id')],
    });
  });

  test('without a key the account is exactly what it was', () => {
    const without = accountJson(kind);
    const undefinedKey = accountJson(kind, () => ({ customerManagedKey: undefined }));
    expect(undefinedKey.block).toEqual(without.block);
    expect(without.block).not.toHaveProperty('customer_managed_key');
    expect(without.block).not.toHaveProperty('depends_on');
    expect(without.block.identity).toEqual({ type: 'SystemAssigned' });
    expect(synth(without.stack)).toEqual(synth(undefinedKey.stack));
  });

  test('fails for a key of another size than 2048 bits', () => {
    const f = aiFixture();
    const key = keyIn(f, { keySize: 4096 });
    expect(() => new kind(f.stack, 'Ai', { ...f.props, customerManagedKey: key })).toThrow(
      `${kind.name} 'test/Ai': 'customerManagedKey' must be a 2048-bit RSA key: Azure OpenAI and Foundry accept no other size `
      + "(leave EncryptionKey's keySize at its default, 2048), got 'a 4096-bit key'");
  });

  /** A key in a plain azurerm_key_vault the stack creates in `location` (a hub's vault, say). */
  const keyInVaultAt = (f: AiFixture, location: string): ICustomerManagedKey => {
    const vault = new KeyVault(f.stack, 'HubVault', {
      name: 'kv-hub', location, resourceGroupName: 'rg-hub', tenantId: GUID, skuName: 'standard', purgeProtectionEnabled: true,
    });
    return { keyId: KEY_ID, keyVaultId: vault.id, identityId: IDENTITY_ID, identityClientId: GUID, identityPrincipalId: '99999999-2222-3333-4444-555555555555', dependables: [] };
  };

  test('fails for a key from a vault the stack creates in another region than the account', () => {
    const f = aiFixture();
    expect(() => new kind(f.stack, 'Ai', { ...f.props, customerManagedKey: keyInVaultAt(f, 'westeurope') })).toThrow(
      `${kind.name} 'test/Ai': 'customerManagedKey' must come from a Key Vault in 'swedencentral', the region of the resource it encrypts: `
      + 'Azure OpenAI and Foundry accounts take a customer-managed key only from a vault in their own region; '
      + "create the key in a vault in 'swedencentral', got a key from a vault in 'westeurope'");
  });

  test('accepts a key from a vault in the account\'s region, also written in display form', () => {
    const f = aiFixture();
    expect(() => new kind(f.stack, 'Ai', { ...f.props, customerManagedKey: keyInVaultAt(f, 'Sweden Central') })).not.toThrow();
    const g = aiFixture();
    expect(() => new kind(g.stack, 'Ai', { ...g.props, customerManagedKey: keyIn(g) })).not.toThrow();
  });

  test('cannot check the region of a vault outside the stack (an imported key): Azure checks it at apply', () => {
    const f = aiFixture();
    const key: ICustomerManagedKey = {
      keyId: KEY_ID, keyVaultId: VAULT_ID, identityId: IDENTITY_ID, identityClientId: GUID, identityPrincipalId: '99999999-2222-3333-4444-555555555555', dependables: [],
    };
    expect(() => new kind(f.stack, 'Ai', { ...f.props, customerManagedKey: key })).not.toThrow();
  });

  test('fails when the key identity\'s client id and principal id are the same GUID (one pasted for the other)', () => {
    const f = aiFixture();
    const key: ICustomerManagedKey = {
      keyId: KEY_ID, keyVaultId: VAULT_ID, identityId: IDENTITY_ID, identityClientId: GUID, identityPrincipalId: GUID.toUpperCase(), dependables: [],
    };
    expect(() => new kind(f.stack, 'Ai', { ...f.props, customerManagedKey: key })).toThrow(
      `${kind.name} 'test/Ai': 'customerManagedKey.identityClientId' and 'customerManagedKey.identityPrincipalId' must be the two different ids of one identity: `
      + "a managed identity's client id (application id) and principal id (object id) are never equal, so one was pasted for the other; "
      + `take both from \`az identity show --query "{clientId: clientId, principalId: principalId}"\`, got '${GUID}' for both`);
  });

  test('fails for something that is not a customer-managed key', () => {
    const f = aiFixture();
    expect(() => new kind(f.stack, 'Ai', { ...f.props, customerManagedKey: { keyId: KEY_ID } as unknown as ICustomerManagedKey })).toThrow(
      `${kind.name} 'test/Ai': 'customerManagedKey' must be an ICustomerManagedKey (an EncryptionKey or EncryptionKey.fromKeyId(...)), got {"keyId":"${KEY_ID}"}`);
  });

  test('fails for a key whose identity is not a user-assigned identity', () => {
    const f = aiFixture();
    const key: ICustomerManagedKey = {
      keyId: KEY_ID, keyVaultId: VAULT_ID, identityId: VAULT_ID, identityClientId: GUID, identityPrincipalId: GUID, dependables: [],
    };
    expect(() => new kind(f.stack, 'Ai', { ...f.props, customerManagedKey: key }))
      .toThrow(/'customerManagedKey.identityId' must be the id of a Microsoft.ManagedIdentity\/userAssignedIdentities resource/);
  });
});
