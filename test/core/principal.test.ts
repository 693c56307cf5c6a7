import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct } from 'constructs';
import { grantRole, Principal, PrincipalType } from '../../src/core/principal';
import { newStack, synth, synthJson } from '../util';

const scopeId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1';
const objectId = '11111111-2222-3333-4444-555555555555';

describe('Principal', () => {
  test.each([
    ['group', Principal.fromGroupObjectId, PrincipalType.GROUP],
    ['service principal', Principal.fromServicePrincipalObjectId, PrincipalType.SERVICE_PRINCIPAL],
    ['user', Principal.fromUserObjectId, PrincipalType.USER],
  ])('wraps an existing %s', (_n, factory, type) => {
    const p = factory(newStack(), 'P', objectId);
    expect(p.principalId).toBe(objectId);
    expect(p.principalType).toBe(type);
  });

  test('fails when the object id is not a GUID', () => {
    expect(() => Principal.fromGroupObjectId(newStack(), 'Ops', 'ops-team'))
      .toThrow(/Principal 'test\/Ops': 'objectId' must be a GUID .*, got 'ops-team'/);
  });
});

describe('grantRole', () => {
  test('creates one role assignment with role name, scope, principal and principal type', () => {
    const stack = newStack();
    const owner = new Construct(stack, 'Vault');
    const ops = Principal.fromGroupObjectId(stack, 'Ops', objectId);
    grantRole(owner, { scopeId, roleDefinitionName: 'Key Vault Secrets User', principal: ops });
    expect(synth(stack)).toHaveResourceWithProperties(RoleAssignment, {
      scope: scopeId,
      role_definition_name: 'Key Vault Secrets User',
      principal_id: objectId,
      principal_type: 'Group',
      description: 'Key Vault Secrets User granted by test/Vault',
    });
  });

  test('granting the same role to the same principal twice returns the same assignment', () => {
    const stack = newStack();
    const owner = new Construct(stack, 'Vault');
    const ops = Principal.fromGroupObjectId(stack, 'Ops', objectId);
    const a = grantRole(owner, { scopeId, roleDefinitionName: 'Reader', principal: ops });
    const b = grantRole(owner, { scopeId, roleDefinitionName: 'Reader', principal: ops });
    expect(a).toBe(b);
    expect(Object.keys(synthJson(stack).resource!.azurerm_role_assignment)).toHaveLength(1);
  });

  test('construct ids come from the role and the principal path, not from call order', () => {
    const stack = newStack();
    const owner = new Construct(stack, 'Vault');
    const ops = Principal.fromGroupObjectId(stack, 'Ops', objectId);
    const a = grantRole(owner, { scopeId, roleDefinitionName: 'Key Vault Secrets User', principal: ops });
    expect(a.node.id).toMatch(/^KeyVaultSecretsUser-[0-9a-f]{8}$/);
  });
});
