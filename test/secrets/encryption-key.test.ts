import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Sleep } from '@cdktf/provider-time/lib/sleep';
import { TerraformResource, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { ChatIdentity } from '../../src/app';
import { Monitoring } from '../../src/monitoring';
import { PrivateDnsZones, PrivateNetwork } from '../../src/network';
import { EncryptionKey, EncryptionKeyProps, IPrivateKeyVault, PrivateKeyVault } from '../../src/secrets';
import { newStack, onlyResource, resolved, resourcesOf, synth, synthJson, warningsOf } from '../util';

const SUB = '00000000-0000-0000-0000-000000000000';
const VAULT_ID = `/subscriptions/${SUB}/resourceGroups/rg-shared/providers/Microsoft.KeyVault/vaults/kv-shared`;
const VAULT_URI = 'https://kv-shared.vault.azure.net/';
const KEY_ID = 'https://kv-shared.vault.azure.net/keys/cmk-history';
const IDENTITY_ID = `/subscriptions/${SUB}/resourceGroups/rg-shared/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk`;
const GUID = '11111111-2222-3333-4444-555555555555';
/** The principal (object) id of the shared identity: never its client id. */
const PRINCIPAL = '99999999-8888-7777-6666-555555555555';
const ENCRYPTION_USER = 'e147488a-f6f5-4113-8e2d-b22465e65bf6';
const CRYPTO_OFFICER = '14b46e9e-c2b7-41b4-b07b-48a6ebf60603';

function vaultIn(stack: TerraformStack): PrivateKeyVault {
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg-chat', location: 'swedencentral' });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: 'rg-chat', network });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: 'rg-chat', location: 'swedencentral' });
  return new PrivateKeyVault(stack, 'Vault', { resourceGroupName: 'rg-chat', location: 'swedencentral', network, dnsZones, monitoring });
}

function build(overrides: Partial<EncryptionKeyProps> = {}) {
  const stack = newStack();
  const vault = vaultIn(stack);
  const key = new EncryptionKey(stack, 'Key', { vault, resourceGroupName: 'rg-chat', location: 'swedencentral', ...overrides });
  return { stack, vault, key };
}

/** `${type.name.attr}`. */
function ref(resource: TerraformResource, attr: string): string {
  return `\${${resource.terraformResourceType}.${resource.friendlyUniqueId}.${attr}}`;
}

function address(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

function sharedVault(stack: TerraformStack, id: string, purgeProtectionEnabled?: boolean): IPrivateKeyVault {
  return PrivateKeyVault.fromAttributes(stack, id, { vaultId: VAULT_ID, vaultUri: VAULT_URI, purgeProtectionEnabled });
}

function errorOf(make: () => unknown): string {
  try {
    make();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

const assignments = (stack: TerraformStack) => Object.values(resourcesOf(synthJson(stack), 'azurerm_role_assignment'));

describe('EncryptionKey', () => {
  describe('the key', () => {
    test('an RSA 2048 key for wrapping only, rotating yearly, protected from destroy, created through ARM', () => {
      const { stack, vault } = build();
      const json = synthJson(stack);
      expect(resourcesOf(json, 'azurerm_key_vault_key')).toEqual({});
      const key = onlyResource(json, 'azapi_resource');
      expect(key).toEqual({
        type: 'Microsoft.KeyVault/vaults/keys@2024-11-01',
        name: expect.stringMatching(/^cmk-key-[0-9a-f]{6}$/),
        parent_id: ref(vault.resource, 'id'),
        body: {
          properties: {
            kty: 'RSA',
            keySize: 2048,
            keyOps: ['wrapKey', 'unwrapKey'],
            attributes: { enabled: true },
            rotationPolicy: {
              attributes: { expiryTime: 'P365D' },
              lifetimeActions: [
                { trigger: { timeAfterCreate: 'P335D' }, action: { type: 'rotate' } },
                { trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'notify' } },
              ],
            },
          },
        },
        lifecycle: { prevent_destroy: true, ignore_changes: ['body'] },
      });
      // No fixed date on the first version, and nothing written through the vault's data plane.
      expect(key.body.properties.attributes).not.toHaveProperty('exp');
      expect(key).not.toHaveProperty('depends_on');
    });

    test('gets a stable name derived from the construct path', () => {
      const first = onlyResource(synthJson(build().stack), 'azapi_resource').name;
      expect(first).toMatch(/^cmk-key-[0-9a-f]{6}$/);
      expect(onlyResource(synthJson(build().stack), 'azapi_resource').name).toBe(first);
    });

    test('takes a name, a size, tags and the opt-out of prevent_destroy', () => {
      const { stack, key } = build({ name: 'cmk-history', keySize: 4096, preventDestroy: false, tags: { env: 'dev' } });
      expect(onlyResource(synthJson(stack), 'azapi_resource')).toMatchObject({
        name: 'cmk-history', body: { properties: { keySize: 4096 }, tags: { env: 'dev' } }, lifecycle: { prevent_destroy: false },
      });
      expect(synth(stack)).toHaveResourceWithProperties(UserAssignedIdentity, { tags: { env: 'dev' } });
      expect(key.keyName).toBe('cmk-history');
      expect(key.keySize).toBe(4096);
    });

    test('exposes the versionless key id (https://<vault>.vault.azure.net/keys/<name>), the vault id and the identity', () => {
      const { key, vault } = build();
      expect(resolved(key, key.keyId)).toBe(`\${trimsuffix(${ref(vault.resource, 'vault_uri').slice(2, -1)}, "/")}/keys/${ref(key.resource, 'name')}`);
      expect(resolved(key, key.keyResourceId)).toBe(ref(key.resource, 'id'));
      expect(key.keyVaultId).toBe(vault.vaultId);
      expect(resolved(key, key.identityId)).toBe(ref(key.identity!, 'id'));
      expect(resolved(key, key.identityClientId)).toBe(ref(key.identity!, 'client_id'));
      expect(resolved(key, key.identityPrincipalId)).toBe(ref(key.identity!, 'principal_id'));
    });

    test('in an imported vault the key id is a literal host and the name reference', () => {
      const stack = newStack();
      const key = new EncryptionKey(stack, 'Key', { vault: sharedVault(stack, 'Shared', true), resourceGroupName: 'rg-chat', location: 'swedencentral' });
      expect(resolved(key, key.keyId)).toBe(`https://kv-shared.vault.azure.net/keys/${ref(key.resource, 'name')}`);
    });
  });

  describe('rotation policy', () => {
    test.each([
      [{ rotateAfterDays: 80, expireAfterDays: 90 }, 'P80D', 'P90D', 'P30D'],
      [{ expireAfterDays: 730 }, 'P700D', 'P730D', 'P30D'],
      [{ expireAfterDays: 28 }, 'P7D', 'P28D', 'P21D'],
      [{ rotateAfterDays: 90 }, 'P90D', 'P365D', 'P30D'],
      [{ rotateAfterDays: 400 }, 'P400D', 'P430D', 'P30D'],
    ])('%j rotates after %s and expires after %s, notifying %s before', (props, rotate, expire, notify) => {
      expect(onlyResource(synthJson(build(props).stack), 'azapi_resource').body.properties.rotationPolicy).toEqual({
        attributes: { expiryTime: expire },
        lifetimeActions: [
          { trigger: { timeAfterCreate: rotate }, action: { type: 'rotate' } },
          { trigger: { timeBeforeExpiry: notify }, action: { type: 'notify' } },
        ],
      });
    });

    test('takes the days as Terraform expressions', () => {
      const stack = newStack();
      const vault = vaultIn(stack);
      const expire = new TerraformVariable(stack, 'expire', { type: 'number' });
      new EncryptionKey(stack, 'Key', { vault, resourceGroupName: 'rg-chat', location: 'swedencentral', expireAfterDays: expire.numberValue });
      const policy = onlyResource(synthJson(stack), 'azapi_resource').body.properties.rotationPolicy;
      expect(policy.attributes.expiryTime).toBe('P${var.expire}D');
      expect(policy.lifetimeActions[0].trigger.timeAfterCreate).toBe('P${max(7, (var.expire - 30))}D');
      expect(policy.lifetimeActions[1].trigger.timeBeforeExpiry).toBe('P${min(30, (var.expire - 7))}D');
    });

    test.each([
      [{ rotateAfterDays: 6 }, "'rotateAfterDays' must be an integer between 7 and 36493, got 6"],
      [{ rotateAfterDays: 30.5 }, "'rotateAfterDays' must be an integer between 7 and 36493, got 30.5"],
      [{ expireAfterDays: 27 }, "'expireAfterDays' must be an integer between 28 and 36500, got 27"],
      [{ expireAfterDays: 36501 }, "'expireAfterDays' must be an integer between 28 and 36500, got 36501"],
      [{ rotateAfterDays: 360, expireAfterDays: 365 },
        "'rotateAfterDays' must be at least 7 days less than 'expireAfterDays' (Key Vault rotates a key no later than 7 days before it expires), got 360 and 365"],
      [{ rotateAfterDays: 40, expireAfterDays: 30 }, "'rotateAfterDays' must be at least 7 days less than 'expireAfterDays'"],
    ])('fails when %j', (props, message) => {
      const error = errorOf(() => build(props));
      expect(error).toContain("EncryptionKey 'test/Key': ");
      expect(error).toContain(message);
    });
  });

  describe('access', () => {
    test('creates an identity and grants it Crypto Service Encryption User on the key alone, then waits', () => {
      const { stack, key } = build();
      const json = synth(stack);
      expect(json).toHaveResourceWithProperties(UserAssignedIdentity, { resource_group_name: 'rg-chat', location: 'swedencentral' });
      expect(onlyResource(synthJson(stack), 'azurerm_user_assigned_identity').name).toMatch(/^id-key-[0-9a-f]{6}$/);
      expect(json).toHaveResourceWithProperties(RoleAssignment, {
        scope: ref(key.resource, 'id'),
        role_definition_id: `/subscriptions/\${element(split("/", ${ref(key.resource, 'id').slice(2, -1)}), 2)}/providers/Microsoft.Authorization/roleDefinitions/${ENCRYPTION_USER}`,
        principal_id: ref(key.identity!, 'principal_id'),
        principal_type: 'ServicePrincipal',
      });
      expect(json).toHaveResourceWithProperties(Sleep, { create_duration: '60s', depends_on: [address(key.roleAssignment)] });
    });

    test('dependables are the role assignment and the wait after it', () => {
      const { key } = build();
      expect(key.dependables).toEqual([key.roleAssignment, key.roleAssignmentWait]);
      expect(key.roleAssignment).toBeInstanceOf(RoleAssignment);
      expect(key.roleAssignmentWait).toBeInstanceOf(Sleep);
    });

    test('uses an identity passed in instead of creating one', () => {
      const stack = newStack();
      const vault = vaultIn(stack);
      const identity = new ChatIdentity(stack, 'CmkIdentity', { resourceGroupName: 'rg-chat', location: 'swedencentral' });
      const key = new EncryptionKey(stack, 'Key', { vault, identity });
      expect(key.identity).toBeUndefined();
      expect(key.identityId).toBe(identity.identityId);
      expect(key.identityClientId).toBe(identity.clientId);
      expect(key.identityPrincipalId).toBe(identity.principalId);
      expect(Object.keys(resourcesOf(synthJson(stack), 'azurerm_user_assigned_identity'))).toHaveLength(1);
      expect(synth(stack)).toHaveResourceWithProperties(RoleAssignment, {
        scope: ref(key.resource, 'id'),
        principal_id: ref(identity.resource, 'principal_id'),
      });
    });

    test('an existing identity by attributes works too', () => {
      const stack = newStack();
      const identity = ChatIdentity.fromIdentityAttributes(stack, 'Shared', { identityId: IDENTITY_ID, clientId: GUID, principalId: PRINCIPAL, tenantId: GUID });
      const key = new EncryptionKey(stack, 'Key', { vault: vaultIn(stack), identity });
      expect(key.identityClientId).toBe(GUID);
      expect(synth(stack)).toHaveResourceWithProperties(RoleAssignment, { principal_id: PRINCIPAL, principal_type: 'ServicePrincipal' });
    });

    test('makes no data-plane grant for the deployer (no Crypto Officer), with or without grantDeployerAccess (deprecated)', () => {
      for (const grantDeployerAccess of [undefined, true, false]) {
        const { stack, vault } = build({ grantDeployerAccess });
        expect(assignments(stack).filter((a) => String(a.role_definition_id).endsWith(CRYPTO_OFFICER))).toEqual([]);
        expect(assignments(stack).filter((a) => a.principal_id === '${data.azurerm_client_config.AzurermClientConfig.object_id}')).toEqual([]);
        expect(vault.node.tryFindChild('KeyDeployerRoleWait')).toBeUndefined();
        expect(vault.node.tryFindChild('Deployer')).toBeUndefined();
      }
    });

    test('a secret and a key in one vault: no deployer grant at all, and only the key identity\'s role', () => {
      const stack = newStack();
      const vault = vaultIn(stack);
      vault.addSecret('Db', { name: 'db-password', value: 'hunter2', contentType: 'text/plain' });
      new EncryptionKey(stack, 'Key', { vault, resourceGroupName: 'rg-chat', location: 'swedencentral' });
      expect(assignments(stack).map((a) => String(a.role_definition_id).split('/').pop())).toEqual([ENCRYPTION_USER]);
    });
  });

  describe('vault', () => {
    test('a created vault has purge protection: no warning', () => {
      const { key } = build();
      expect(warningsOf(key)).toEqual([]);
    });

    test('fails when an imported vault says it has no purge protection', () => {
      const stack = newStack();
      const vault = sharedVault(stack, 'Shared', false);
      expect(() => new EncryptionKey(stack, 'Key', { vault, resourceGroupName: 'rg-chat', location: 'swedencentral' })).toThrow(
        "EncryptionKey 'test/Key': 'vault' must have purge protection: Azure refuses a customer-managed key from a vault without soft delete and purge protection. "
        + "Turn purge protection on for the vault (it cannot be turned off again), or use another vault; the vault 'test/Shared' says purgeProtectionEnabled: false, got 'test/Shared'");
    });

    test('warns when an imported vault does not say', () => {
      const stack = newStack();
      const key = new EncryptionKey(stack, 'Key', { vault: sharedVault(stack, 'Shared'), resourceGroupName: 'rg-chat', location: 'swedencentral' });
      const warnings = warningsOf(key);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^EncryptionKey 'test\/Key': 'vault' \('test\/Shared'\) does not say whether purge protection is on.*purgeProtectionEnabled: true to PrivateKeyVault.fromAttributes/);
      expect(warnings[0]).toContain('[vault-purge-protection-unknown]');
    });

    test('an imported vault with purge protection: no warning, and the key goes under it with nothing to wait for', () => {
      const stack = newStack();
      const vault = sharedVault(stack, 'Shared', true);
      const key = new EncryptionKey(stack, 'Key', { vault, resourceGroupName: 'rg-chat', location: 'swedencentral' });
      expect(warningsOf(key)).toEqual([]);
      expect(vault.purgeProtectionEnabled).toBe(true);
      const created = onlyResource(synthJson(stack), 'azapi_resource');
      expect(created.parent_id).toBe(VAULT_ID);
      expect(created).not.toHaveProperty('depends_on');
    });

    test('a created vault says it has purge protection', () => {
      expect(build().vault.purgeProtectionEnabled).toBe(true);
    });
  });

  describe('bad input', () => {
    test.each<[string, Partial<EncryptionKeyProps>, string]>([
      ['keySize 1024', { keySize: 1024 }, "'keySize' must be one of 2048, 3072, 4096, got 1024"],
      ['an underscore in the name', { name: 'cmk_history' }, "'name' must contain only letters, digits and hyphens, got 'cmk_history'"],
      ['no resource group for the identity', { resourceGroupName: undefined }, "'resourceGroupName' is required when no 'identity' is passed: the key's user-assigned identity is created there, got undefined"],
      ['no region for the identity', { location: undefined }, "'location' is required when no 'identity' is passed"],
      ['an unknown region', { location: 'swedencentrall' }, "'location' must be an Azure region name"],
      ['an identity that is not one', { identity: {} as any }, "'identity' must be an IChatIdentity (a ChatIdentity or ChatIdentity.fromIdentityAttributes(...)), got {}"],
      ['no vault', { vault: undefined as any }, "'vault' is required (an IPrivateKeyVault"],
      ['a bad tag name', { tags: { 'a/b': 'x' } }, "'tags.a/b' is not a valid tag name"],
      ['grantDeployerAccess as a string', { grantDeployerAccess: 'no' as any }, "'grantDeployerAccess' must be true or false"],
    ])('fails for %s', (_, props, message) => {
      const error = errorOf(() => build(props));
      expect(error).toContain("EncryptionKey 'test/Key': ");
      expect(error).toContain(message);
    });
  });
});

describe('EncryptionKey.fromKeyId', () => {
  const identity = (stack: TerraformStack) => ChatIdentity.fromIdentityAttributes(stack, 'Shared', {
    identityId: IDENTITY_ID, clientId: GUID, principalId: PRINCIPAL, tenantId: GUID,
  });

  test('an existing key and identity, with nothing created', () => {
    const stack = newStack();
    const key = EncryptionKey.fromKeyId(stack, 'Key', { keyId: KEY_ID, keyVaultId: VAULT_ID, identity: identity(stack) });
    expect(key).toMatchObject({
      keyId: KEY_ID, keyVaultId: VAULT_ID, identityId: IDENTITY_ID, identityClientId: GUID, identityPrincipalId: PRINCIPAL, dependables: [],
    });
    expect(synthJson(stack).resource ?? {}).toEqual({});
  });

  test('grantAccess grants the identity on the key and waits', () => {
    const stack = newStack();
    const key = EncryptionKey.fromKeyId(stack, 'Key', { keyId: KEY_ID, keyVaultId: VAULT_ID, identity: identity(stack), grantAccess: true });
    expect(synth(stack)).toHaveResourceWithProperties(RoleAssignment, {
      scope: `${VAULT_ID}/keys/cmk-history`,
      role_definition_id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${ENCRYPTION_USER}`,
      principal_id: PRINCIPAL,
      principal_type: 'ServicePrincipal',
    });
    expect(key.dependables).toHaveLength(2);
    expect(key.dependables[1]).toBeInstanceOf(Sleep);
  });

  test('a key in another subscription\'s vault: the grant\'s scope and role id carry that subscription', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUB });
    const other = '66666666-6666-6666-6666-666666666666';
    const otherVault = `/subscriptions/${other}/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-shared`;
    EncryptionKey.fromKeyId(stack, 'Key', { keyId: KEY_ID, keyVaultId: otherVault, identity: identity(stack), grantAccess: true });
    expect(synth(stack)).toHaveResourceWithProperties(RoleAssignment, {
      scope: `${otherVault}/keys/cmk-history`,
      role_definition_id: `/subscriptions/${other}/providers/Microsoft.Authorization/roleDefinitions/${ENCRYPTION_USER}`,
    });
  });

  test('takes a key id from another resource as a token', () => {
    const stack = newStack();
    const keyId = new TerraformVariable(stack, 'key_id', { type: 'string' }).stringValue;
    const key = EncryptionKey.fromKeyId(stack, 'Key', { keyId, keyVaultId: VAULT_ID, identity: identity(stack), grantAccess: true });
    expect(key.keyId).toBe(keyId);
    expect(synth(stack)).toHaveResourceWithProperties(RoleAssignment, { scope: `${VAULT_ID}/keys/\${element(split("/", var.key_id), 4)}` });
  });

  test.each([
    ['a version', `${KEY_ID}/0123456789abcdef0123456789abcdef`,
      "'keyId' must not name a version: pass 'https://kv-shared.<host>/keys/cmk-history', so that services follow the key's rotation"],
    ['a secret id', 'https://kv-shared.vault.azure.net/secrets/cmk-history', "'keyId' must be a versionless Key Vault key id"],
    ['a Managed HSM key', 'https://hsm.managedhsm.azure.net/keys/cmk-history', "'keyId' must be a versionless Key Vault key id"],
    ['http', 'http://kv-shared.vault.azure.net/keys/cmk-history', "'keyId' must be a versionless Key Vault key id"],
    ['a bad key name', 'https://kv-shared.vault.azure.net/keys/cmk_history', "'keyId' must contain only letters, digits and hyphens, got 'cmk_history'"],
    ['another vault', 'https://kv-other.vault.azure.net/keys/cmk-history', "'keyId' must be a key of the vault 'keyVaultId' names ('kv-shared'), got 'https://kv-other.vault.azure.net/keys/cmk-history'"],
    ['whitespace', `${KEY_ID} `, "'keyId' must not start or end with whitespace"],
    ['empty', '', "'keyId' must not be empty"],
  ])('fails for %s', (_, keyId, message) => {
    const stack = newStack();
    const error = errorOf(() => EncryptionKey.fromKeyId(stack, 'Key', { keyId, keyVaultId: VAULT_ID, identity: identity(stack) }));
    expect(error).toContain("EncryptionKey.fromKeyId 'test/Key': ");
    expect(error).toContain(message);
  });

  test('fails when keyVaultId is not a vault', () => {
    const stack = newStack();
    expect(() => EncryptionKey.fromKeyId(stack, 'Key', { keyId: KEY_ID, keyVaultId: IDENTITY_ID, identity: identity(stack) }))
      .toThrow(/'keyVaultId' must be the id of a Microsoft.KeyVault\/vaults resource/);
  });

  test('fails without an identity', () => {
    const stack = newStack();
    expect(() => EncryptionKey.fromKeyId(stack, 'Key', { keyId: KEY_ID, keyVaultId: VAULT_ID } as any))
      .toThrow("EncryptionKey.fromKeyId 'test/Key': 'identity' is required (an IChatIdentity (a ChatIdentity or ChatIdentity.fromIdentityAttributes(...))), got undefined");
  });
});
