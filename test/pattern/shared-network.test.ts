// Two chats on one network: what Azure refuses at apply must fail at synth, and sharing zones
// must be the path that works.
import { TerraformStack } from 'cdktf';
import { Principal, PrivateChat, PrivateChatProps, PrivateLinkZone, PrivateNetwork } from '../../src';
import { newStack, resourcesOf, synthJson, warningsOf } from '../util';

const RG = 'rg-chat';
const LOCATION = 'swedencentral';

/**
 * Props that keep a chat from warning about anything but its network: a sign-in group is
 * assigned, and the database has an Entra administrator.
 */
const quiet = (stack: TerraformStack): Partial<PrivateChatProps> => ({
  signInPrincipals: [Principal.fromGroupObjectId(stack, 'ChatUsers', '22222222-2222-2222-2222-222222222222')],
  history: { entraAdministrator: { objectId: '33333333-3333-3333-3333-333333333333', principalName: 'chat-dbas' } },
});

describe('two PrivateChats on one VNet', () => {
  test('fails at synth when each would create and link its own zones', () => {
    const stack = newStack();
    const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
    new PrivateChat(stack, 'first', { location: LOCATION, network });
    expect(() => new PrivateChat(stack, 'second', { location: LOCATION, network })).toThrow(
      /^PrivateDnsZones 'test\/second\/DnsZones': 'network' is already linked to a 'privatelink\.\S+' zone by PrivateDnsZones 'test\/first\/DnsZones'; Azure allows one link per zone name and VNet.*Share the zones instead.*dnsZones: first\.dnsZones/,
    );
  });

  test('synthesizes when the second chat shares the first one\'s zones (one link per zone)', () => {
    const stack = newStack();
    const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
    const first = new PrivateChat(stack, 'first', { location: LOCATION, network });
    new PrivateChat(stack, 'second', { location: LOCATION, network, dnsZones: first.dnsZones });
    const json = synthJson(stack);
    const links = Object.values(resourcesOf(json, 'azurerm_private_dns_zone_virtual_network_link'));
    const zones = Object.values(resourcesOf(json, 'azurerm_private_dns_zone'));
    // One set of zones (the first chat's), each linked once, to the one VNet.
    const expected = [...PrivateLinkZone.all(), PrivateLinkZone.POSTGRESQL, PrivateLinkZone.BLOB];
    expect(zones.map((z) => z.name).sort()).toEqual(expected.map((z) => z.zoneName).sort());
    expect(links).toHaveLength(zones.length);
    expect(new Set(links.map((l) => l.virtual_network_id))).toEqual(new Set([`\${azurerm_virtual_network.${network.virtualNetwork.friendlyUniqueId}.id}`]));
  });

  test('two chats with their own new VNets on the default range warn that they overlap', () => {
    const stack = newStack();
    new PrivateChat(stack, 'first', { location: LOCATION });
    const second = new PrivateChat(stack, 'second', { location: LOCATION, ...quiet(stack) });
    expect(warningsOf(second)).toEqual([
      expect.stringMatching(/^PrivateNetwork 'test\/second\/Network': 'addressSpace' 10\.0\.0\.0\/16 overlaps 10\.0\.0\.0\/16 of the VNet of 'test\/first\/Network'.*\[overlapping-address-spaces\]$/),
    ]);
  });

  test('distinct ranges do not warn', () => {
    const stack = newStack();
    new PrivateChat(stack, 'first', { location: LOCATION });
    const second = new PrivateChat(stack, 'second', {
      location: LOCATION, addressSpace: '10.1.0.0/16', privateEndpointSubnetCidr: '10.1.0.0/24', appIntegrationSubnetCidr: '10.1.1.0/24', ...quiet(stack),
    });
    expect(warningsOf(second)).toEqual([]);
  });
});
