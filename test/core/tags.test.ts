import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { Aspects } from 'cdktf';
import { TagResources } from '../../src/core';
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
