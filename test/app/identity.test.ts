import { LinuxWebApp } from '@cdktf/provider-azurerm/lib/linux-web-app';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { TerraformStack, Testing } from 'cdktf';
import { ChatIdentity, ChatWebApp } from '../../src/app';
import { PrincipalType } from '../../src/core';
import { newStack, onlyResource, resolved, synth, synthJson } from '../util';
import { baseProps, fixture, ref } from './fixtures';

const IDENTITY_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-chat';
const GUID_A = '11111111-1111-1111-1111-111111111111';
const GUID_B = '22222222-2222-2222-2222-222222222222';
const GUID_C = '33333333-3333-3333-3333-333333333333';

describe('ChatIdentity', () => {
  test('creates one user-assigned identity with a derived name', () => {
    const stack = newStack();
    new ChatIdentity(stack, 'Identity', { resourceGroupName: 'rg-chat', location: 'swedencentral', tags: { env: 'test' } });
    expect(synth(stack)).toHaveResourceWithProperties(UserAssignedIdentity, {
      resource_group_name: 'rg-chat',
      location: 'swedencentral',
      tags: { env: 'test' },
    });
    const identity = onlyResource(synthJson(stack), 'azurerm_user_assigned_identity');
    expect(identity.name).toMatch(/^id-identity-[0-9a-f]{6}$/);
  });

  test('uses the given name', () => {
    const stack = newStack();
    new ChatIdentity(stack, 'Identity', { resourceGroupName: 'rg-chat', location: 'swedencentral', name: 'id-chat-prod' });
    expect(onlyResource(synthJson(stack), 'azurerm_user_assigned_identity').name).toBe('id-chat-prod');
  });

  test('is a service principal whose attributes come from the resource', () => {
    const stack = newStack();
    const identity = new ChatIdentity(stack, 'Identity', { resourceGroupName: 'rg-chat', location: 'swedencentral' });
    expect(identity.principalType).toBe(PrincipalType.SERVICE_PRINCIPAL);
    expect(resolved(identity, identity.identityId)).toBe(ref(identity.resource, 'id'));
    expect(resolved(identity, identity.clientId)).toBe(ref(identity.resource, 'client_id'));
    expect(resolved(identity, identity.principalId)).toBe(ref(identity.resource, 'principal_id'));
    expect(resolved(identity, identity.tenantId)).toBe(ref(identity.resource, 'tenant_id'));
  });

  test('fromIdentityAttributes creates nothing and exposes the attributes', () => {
    const stack = newStack();
    const identity = ChatIdentity.fromIdentityAttributes(stack, 'Existing', {
      identityId: IDENTITY_ID, clientId: GUID_A, principalId: GUID_B, tenantId: GUID_C,
    });
    expect(identity.identityId).toBe(IDENTITY_ID);
    expect(identity.clientId).toBe(GUID_A);
    expect(identity.principalId).toBe(GUID_B);
    expect(identity.tenantId).toBe(GUID_C);
    expect(identity.principalType).toBe(PrincipalType.SERVICE_PRINCIPAL);
    expect(synthJson(stack).resource?.azurerm_user_assigned_identity).toBeUndefined();
  });

  test('fromIdentityAttributes works for an identity in another subscription: the app and its grants carry its id and object id', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: '00000000-0000-0000-0000-000000000000' });
    const otherId = '/subscriptions/44444444-4444-4444-4444-444444444444/resourceGroups/rg-identity/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-chat';
    const identity = ChatIdentity.fromIdentityAttributes(stack, 'Existing', { identityId: otherId, clientId: GUID_A, principalId: GUID_B, tenantId: GUID_C });
    const f = fixture(stack);
    new ChatWebApp(stack, 'Chat', { ...baseProps(f), identity });
    const out = synth(stack);
    expect(out).toHaveResourceWithProperties(LinuxWebApp, {
      identity: expect.objectContaining({ type: 'UserAssigned', identity_ids: [otherId] }),
      key_vault_reference_identity_id: otherId,
    });
    expect(out).toHaveResourceWithProperties(RoleAssignment, { principal_id: GUID_B, role_definition_name: 'Key Vault Secrets User' });
  });

  describe('validation', () => {
    const make = (overrides: object) => () => new ChatIdentity(newStack(), 'Identity', {
      resourceGroupName: 'rg-chat', location: 'swedencentral', ...overrides,
    });

    test('fails when resourceGroupName is blank', () => {
      expect(make({ resourceGroupName: ' ' })).toThrow(/ChatIdentity 'test\/Identity': 'resourceGroupName' must not be empty, got ' '/);
    });
    test('fails when location is not a region', () => {
      expect(make({ location: 'mars' })).toThrow(/'location' must be an Azure region name .*got 'mars'/);
    });
    test('fails when name breaks the managed identity rule', () => {
      expect(make({ name: '-bad' })).toThrow(/'name' must contain only .*got '-bad'/);
    });
    test('fails when name is too short', () => {
      expect(make({ name: 'ab' })).toThrow(/'name' must be 3-128 characters .*got 'ab'/);
    });
    test('fails when an imported identityId is not a managed identity id', () => {
      expect(() => ChatIdentity.fromIdentityAttributes(newStack(), 'Existing', {
        identityId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Web/sites/app', clientId: GUID_A, principalId: GUID_B, tenantId: GUID_C,
      })).toThrow(/'identityId' must be the id of a Microsoft.ManagedIdentity\/userAssignedIdentities resource \(found Microsoft.Web\/sites\), got '\/subscriptions\/0{8}/);
    });
    test('fails when an imported clientId is not a GUID', () => {
      expect(() => ChatIdentity.fromIdentityAttributes(newStack(), 'Existing', {
        identityId: IDENTITY_ID, clientId: 'abc', principalId: GUID_B, tenantId: GUID_C,
      })).toThrow(/'clientId' must be a GUID .*got 'abc'/);
    });
    test('fails when an imported principalId is not a GUID', () => {
      expect(() => ChatIdentity.fromIdentityAttributes(newStack(), 'Existing', {
        identityId: IDENTITY_ID, clientId: GUID_A, principalId: 'xyz', tenantId: GUID_C,
      })).toThrow(/'principalId' must be a GUID .*got 'xyz'/);
    });
    test('fails when an imported tenantId is not a GUID', () => {
      expect(() => ChatIdentity.fromIdentityAttributes(newStack(), 'Existing', {
        identityId: IDENTITY_ID, clientId: GUID_A, principalId: GUID_B, tenantId: 'contoso',
      })).toThrow(/'tenantId' must be a GUID .*got 'contoso'/);
    });
  });
});

describe('ChatIdentity.fromIdentityAttributes: the two ids of one identity', () => {
  test('fails when the client id and the principal id are the same GUID (one was pasted for the other)', () => {
    const stack = newStack();
    expect(() => ChatIdentity.fromIdentityAttributes(stack, 'Existing', { identityId: IDENTITY_ID, clientId: GUID_A, principalId: GUID_A, tenantId: GUID_C }))
      .toThrow(/^ChatIdentity.fromIdentityAttributes 'test\/Existing': 'clientId' and 'principalId' must be the two different ids of one identity: .* got '11111111-1111-1111-1111-111111111111' for both$/);
  });

  test('accepts two different GUIDs', () => {
    const stack = newStack();
    expect(() => ChatIdentity.fromIdentityAttributes(stack, 'Existing', { identityId: IDENTITY_ID, clientId: GUID_A, principalId: GUID_B, tenantId: GUID_C })).not.toThrow();
  });
});
