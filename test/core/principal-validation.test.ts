import { Construct } from 'constructs';
import { grantRole, Principal, PrincipalType } from '../../src/core/principal';
import { newStack } from '../util';

const scopeId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1';
const objectId = '11111111-2222-3333-4444-555555555555';

describe('Principal factories', () => {
  test.each([
    ['undefined', undefined, /^Principal.fromGroupObjectId: 'objectId' is required \(a string\), got undefined$/],
    ['null', null, /^Principal.fromGroupObjectId: 'objectId' must be a string, got null$/],
    ['a number', 7, /^Principal.fromGroupObjectId: 'objectId' must be a string, got 7$/],
  ])('fail when the object id is %s', (_n, value, expected) => {
    expect(() => Principal.fromGroupObjectId(newStack(), 'P', value as any)).toThrow(expected);
  });

  test('name the factory that was called', () => {
    expect(() => Principal.fromUserObjectId(newStack(), 'P', undefined as any)).toThrow(/^Principal.fromUserObjectId: /);
    expect(() => Principal.fromServicePrincipalObjectId(newStack(), 'P', undefined as any)).toThrow(/^Principal.fromServicePrincipalObjectId: /);
  });
});

describe('grantRole', () => {
  const owner = () => new Construct(newStack(), 'Owner');

  test.each([
    ['the principal is a plain object without a construct', { principalId: objectId, principalType: 'Group' }, /'principal' must be an IPrincipal/],
    ['the principal is missing', undefined, /'principal' is required/],
  ])('fails when %s', (_n, principal, expected) => {
    expect(() => grantRole(owner(), { scopeId, roleDefinitionName: 'Reader', principal: principal as any })).toThrow(expected);
  });

  test('fails when the principal type is not one Azure knows', () => {
    const o = owner();
    const p = Principal.fromGroupObjectId(o, 'P', objectId);
    (p as any).principalType = 'Team';
    expect(() => grantRole(o, { scopeId, roleDefinitionName: 'Reader', principal: p })).toThrow(/'principal.principalType' must be one of 'ServicePrincipal', 'User', 'Group', got 'Team'/);
  });

  test('fails when the role name is blank', () => {
    const o = owner();
    const p = Principal.fromGroupObjectId(o, 'P', objectId);
    expect(() => grantRole(o, { scopeId, roleDefinitionName: ' ', principal: p })).toThrow(/'roleDefinitionName' must not be empty/);
  });

  test('accepts a subscription scope', () => {
    const o = owner();
    const p = Principal.fromGroupObjectId(o, 'P', objectId);
    expect(() => grantRole(o, { scopeId: '/subscriptions/00000000-0000-0000-0000-000000000000', roleDefinitionName: 'Reader', principal: p })).not.toThrow();
    expect(p.principalType).toBe(PrincipalType.GROUP);
  });
});
