import { Application } from '@cdktf/provider-azuread/lib/application';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { Aspects } from 'cdktf';
import { loadProviderSchema } from '../../src/conformance/schema';
import { TagResources } from '../../src/core';
import { LABEL_LIST_TAGS, SET_OF_STRINGS_TAGS } from '../../src/core/private/tag-forms';
import { newStack, resourcesOf, synthJson } from '../util';

describe('TagResources', () => {
  test('tags every taggable resource, keeping a resource\'s own value, in sorted key order', () => {
    const stack = newStack();
    new NetworkSecurityGroup(stack, 'Plain', { name: 'a', location: 'swedencentral', resourceGroupName: 'rg' });
    new NetworkSecurityGroup(stack, 'Own', { name: 'b', location: 'swedencentral', resourceGroupName: 'rg', tags: { workload: 'mine', owner: 'me' } });
    new SubnetNetworkSecurityGroupAssociation(stack, 'Untaggable', { subnetId: 's', networkSecurityGroupId: 'n' });
    Aspects.of(stack).add(new TagResources({ workload: 'chat', costCenter: '42' }));
    const json = synthJson(stack);
    const nsgs = resourcesOf(json, 'azurerm_network_security_group');
    expect(nsgs.Plain.tags).toEqual({ costCenter: '42', workload: 'chat' });
    expect(Object.keys(nsgs.Own.tags)).toEqual(['costCenter', 'owner', 'workload']);
    expect(nsgs.Own.tags.workload).toBe('mine');
    expect(resourcesOf(json, 'azurerm_subnet_network_security_group_association').Untaggable.tags).toBeUndefined();
  });
});

describe('TagResources on Entra objects', () => {
  function entraStack() {
    const stack = newStack();
    new AzureadProvider(stack, 'azuread', {});
    const app = new Application(stack, 'App', { displayName: 'chat', tags: ['HideApp', 'env:mine'] });
    new ServicePrincipal(stack, 'Sp', { clientId: app.clientId });
    new Application(stack, 'Featured', { displayName: 'f', featureTags: [{ hide: true }] });
    Aspects.of(stack).add(new TagResources({ env: 'prod', costCenter: '42' }));
    return resourcesOfAll(synthJson(stack));
  }
  function resourcesOfAll(json: ReturnType<typeof synthJson>) {
    return { apps: resourcesOf(json, 'azuread_application'), sps: resourcesOf(json, 'azuread_service_principal') };
  }

  test('writes tags as a set of key:value strings, as azuread_application and azuread_service_principal require', () => {
    const { sps } = entraStack();
    expect(sps.Sp.tags).toEqual(['costCenter:42', 'env:prod']);
    for (const t of sps.Sp.tags) expect(typeof t).toBe('string');
  });

  test('keeps the strings a resource already has, and its own value for a key', () => {
    const { apps } = entraStack();
    expect(apps.App.tags).toEqual(['HideApp', 'env:mine', 'costCenter:42']);
  });

  test('leaves resources with feature_tags alone (azuread refuses tags with feature_tags)', () => {
    const { apps } = entraStack();
    expect(apps.Featured.tags).toBeUndefined();
  });
});

describe('TagResources validation', () => {
  test.each([
    [{ 'a/b': 'x' }, /TagResources: 'tags.a\/b' is not a valid tag name/],
    [{ k: 'v'.repeat(257) }, /TagResources: 'tags.k' must be at most 256 characters/],
    [{ ['k'.repeat(513)]: 'v' }, /TagResources: 'tags' keys must be 1-512 characters/],
    [Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])), /TagResources: 'tags' must hold at most 50 tags .*, got '51 tags'/],
    [{ k: 1 }, /TagResources: 'tags.k' must be a string, got 1/],
    [null, /TagResources: 'tags' must be an object of string values or left out, got null/],
    [['a'], /TagResources: 'tags' must be an object of string values .*, got \["a"\]/],
    [{ env: 'prod', Env: 'dev' }, /^TagResources: 'tags.Env' must differ from 'tags.env' by more than letter case: Azure tag names are case-insensitive, so one would overwrite the other, got 'Env'$/],
  ])('fails when tags are %j', (tags, expected) => {
    expect(() => new TagResources(tags as any)).toThrow(expected);
  });

  test('accepts tag names that differ by more than case', () => {
    expect(() => new TagResources({ env: 'prod', envOwner: 'ops' })).not.toThrow();
  });

  test('accepts 50 tags at the limits', () => {
    const tags = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`.padEnd(512, 'x'), 'v'.repeat(256)]));
    expect(() => new TagResources(tags)).not.toThrow();
  });
});

describe('TagResources and the provider schemas', () => {
  // The aspect knows which types take a set of strings; the schemas derived from the provider
  // packages say which really do. A new provider version that changes a `tags` kind fails here.
  test.each(['@cdktf/provider-azurerm', '@cdktf/provider-azuread', '@cdktf/provider-time'])('writes tags in the kind %s declares for every type', (pkg) => {
    const schema = loadProviderSchema(pkg)!;
    const wrong: string[] = [];
    for (const [type, block] of Object.entries(schema.resources)) {
      const tags = block.attributes.tags;
      if (!tags) continue;
      if (LABEL_LIST_TAGS.has(type)) continue; // left alone on purpose
      const aspectWritesSet = SET_OF_STRINGS_TAGS.has(type);
      const schemaWantsSet = tags.kind === 'list' && tags.element === 'string';
      const schemaWantsMap = tags.kind === 'map';
      if (aspectWritesSet ? !schemaWantsSet : !schemaWantsMap) wrong.push(`${type}: ${JSON.stringify(tags)}`);
    }
    expect(wrong).toEqual([]);
  });
});
