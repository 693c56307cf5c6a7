import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Cidr, overlaps, parseCidr } from '../../core/private/cidr';
import { ruleError, warn } from '../../core/private/validate';

/**
 * What the network constructs of one stack have already claimed, to catch at synth what Azure
 * would refuse at apply or what would deploy but not route.
 */
interface StackClaims {
  /** `<zone name>|<VNet id>` → path of the PrivateDnsZones that links it. */
  readonly zoneLinks: Map<string, string>;
  /** Address spaces of new VNets, with the path of their construct. */
  readonly addressSpaces: { readonly cidr: Cidr; readonly path: string }[];
}

const CLAIMS = new WeakMap<TerraformStack, StackClaims>();

function claimsOf(scope: Construct): StackClaims {
  const stack = TerraformStack.of(scope);
  let claims = CLAIMS.get(stack);
  if (!claims) {
    claims = { zoneLinks: new Map(), addressSpaces: [] };
    CLAIMS.set(stack, claims);
  }
  return claims;
}

/**
 * Records that `scope` links zone `zoneName` to the VNet `virtualNetworkId`, and throws when
 * another construct of the stack already does.
 *
 * Azure allows one link of a zone NAME per VNet: two PrivateChats given one VNet would each create
 * `privatelink.openai.azure.com` and link it, and the second link fails at apply (and would split
 * name resolution if it did not). The same VNet object (or the same literal id) gives the same
 * `virtualNetworkId` text, token or not.
 */
export function claimZoneLink(scope: Construct, zoneName: string, virtualNetworkId: string): void {
  const claims = claimsOf(scope);
  const key = `${zoneName.toLowerCase()}|${virtualNetworkId.toLowerCase()}`;
  const other = claims.zoneLinks.get(key);
  if (other !== undefined && other !== scope.node.path) {
    throw ruleError(scope,
      `'network' is already linked to a '${zoneName}' zone by PrivateDnsZones '${other}'; Azure allows one link per zone name and VNet, `
      + 'so the second link would fail at apply. Share the zones instead: create one PrivateDnsZones for the VNet and pass it to every '
      + "construct on that VNet (e.g. new PrivateChat(stack, 'second', { network, dnsZones: first.dnsZones }))");
  }
  claims.zoneLinks.set(key, scope.node.path);
}

/**
 * Records the address space of a new VNet and warns (id `overlapping-address-spaces`) when it
 * overlaps another new VNet of the same stack: two chats that both take the default
 * `10.0.0.0/16` deploy, but can never be peered with each other or to one hub.
 */
export function claimAddressSpace(scope: Construct, prop: string, addressSpace: string): void {
  const cidr = parseCidr(addressSpace);
  if (typeof cidr === 'string') return; // the construct reports malformed input itself
  const claims = claimsOf(scope);
  for (const other of claims.addressSpaces) {
    if (other.path !== scope.node.path && overlaps(other.cidr, cidr)) {
      warn(scope, 'overlapping-address-spaces',
        `'${prop}' ${addressSpace} overlaps ${other.cidr.text} of the VNet of '${other.path}' in the same stack; VNets that overlap cannot be peered `
        + 'with each other or to one hub. Give each a distinct range (addressSpace), or share one network');
    }
  }
  claims.addressSpaces.push({ cidr, path: scope.node.path });
}
