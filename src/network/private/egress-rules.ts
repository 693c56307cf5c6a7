import { IConstruct } from 'constructs';
import { Egress, EgressKind } from '../egress';
import { RenderedRule } from './flows';
import { recordAcknowledgement } from '../../core/private/acknowledgements';

/**
 * The outbound rules that close (or, by the named opt-in, open) a subnet's way to the Internet.
 * Kept out of the public API: `PrivateNetwork` renders them into each NSG after the flow rules.
 *
 * Order on an NSG, lowest number first (Azure evaluates that way and stops at the first match):
 * - 150 `AllowPrivateEndpointsOutbound`, 160+ `AllowPeeredEndpointsOutbound-*` (flows.ts);
 * - 400 `AllowEntraIdOutbound`: TCP 443 to the `AzureActiveDirectory` service tag, on subnets with
 *   a path out (Easy Auth signs users in and redeems codes; the gateway fetches signing keys);
 * - 4000 `DenyInternetOutbound`, or `AllowInternetOutbound` when `Egress.openInternet(reason)`;
 * - Azure's defaults: 65000 `AllowVnetOutBound` keeps the VNet, its peerings, VPN and
 *   ExpressRoute reachable (custom DNS servers in a hub, for instance), 65001 `AllowInternetOutBound`
 *   is never reached for Internet addresses.
 *
 * No final deny-all outbound is added: besides the `Internet` tag, what the defaults let out is the
 * `VirtualNetwork` tag, whose traffic stays on private paths the hub governs, and a deny-all
 * would also cut a hub's DNS servers. With a route table that sends `0.0.0.0/0` to a firewall, the
 * `VirtualNetwork` tag grows to every prefix of the table's routes (0.0.0.0/0 included), which is
 * why the Internet deny must be explicit and come before 65000.
 *
 * @see https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#default-security-rules
 * @see https://learn.microsoft.com/azure/virtual-network/service-tags-overview
 */

/** Id of the compliance rule that checks closed egress (src/compliance/rules/net-egress-closed.ts). */
export const EGRESS_RULE_ID = 'PCHAT-NET-004';

/** The service tag of Entra ID's sign-in and token endpoints (`login.microsoftonline.com`). */
export const ENTRA_ID_TAG = 'AzureActiveDirectory';

/** Priority of the Entra ID allow rule: after the endpoint rules (150, 160+), far before the deny. */
export const ENTRA_ID_PRIORITY = 400;
/** Priority of the Internet deny (or, opened, allow); the inbound deny has the same number in the other direction. */
export const INTERNET_OUTBOUND_PRIORITY = 4000;


/** Azure caps an NSG rule's description at 140 characters. */
function clip(text: string): string {
  return text.length <= 140 ? text : `${text.slice(0, 137)}...`;
}

/**
 * Outbound rules for a subnet's NSG, after its endpoint rules.
 *
 * @param cidr the subnet's address prefix (source of the Entra ID allow)
 * @param egress the network's egress
 * @param hasPath whether the subnet has the network's egress path (the app subnet, `addDelegatedSubnet({ egress: true })`)
 */
export function egressRules(cidr: string, egress: Egress, hasPath: boolean): RenderedRule[] {
  const out: RenderedRule[] = [];
  const reachesOut = hasPath && egress.kind !== EgressKind.NONE;
  if (reachesOut) {
    out.push({
      name: 'AllowEntraIdOutbound',
      priority: ENTRA_ID_PRIORITY,
      direction: 'Outbound',
      access: 'Allow',
      protocol: 'Tcp',
      description: 'HTTPS to Entra ID (login.microsoftonline.com): sign-in and token checks',
      sourceAddressPrefix: cidr,
      sourcePortRange: '*',
      destinationAddressPrefix: ENTRA_ID_TAG,
      destinationPortRange: '443',
    });
  }
  if (reachesOut && egress.opensInternet) {
    out.push({
      name: 'AllowInternetOutbound',
      priority: INTERNET_OUTBOUND_PRIORITY,
      direction: 'Outbound',
      access: 'Allow',
      protocol: '*',
      description: clip(`Opened by Egress.openInternet (weakens isolation): ${egress.openInternetReason}`),
      sourceAddressPrefix: '*',
      sourcePortRange: '*',
      destinationAddressPrefix: 'Internet',
      destinationPortRange: '*',
    });
  } else {
    out.push({
      name: 'DenyInternetOutbound',
      priority: INTERNET_OUTBOUND_PRIORITY,
      direction: 'Outbound',
      access: 'Deny',
      protocol: '*',
      description: 'Nothing leaves for the Internet but the destinations allowed above (Egress.openInternet opens it)',
      sourceAddressPrefix: '*',
      sourcePortRange: '*',
      destinationAddressPrefix: 'Internet',
      destinationPortRange: '*',
    });
  }
  return out;
}

/**
 * Records the opt-in on the subnet it opens, as an acknowledgement of PCHAT-NET-004 with the
 * user's reason, so that the compliance report lists the opening instead of failing on it.
 */
export function acknowledgeOpenInternet(subnet: IConstruct, egress: Egress): void {
  if (!egress.opensInternet) return;
  recordAcknowledgement(subnet, EGRESS_RULE_ID, `Egress.openInternet: ${egress.openInternetReason}`);
}
