import { isPrivateRange, parseCidr } from '../core/private/cidr';
import { checkField, is, isUnresolved, propError } from '../core/private/validate';

/** How the app-integration subnet reaches Entra ID and the image registry: the kinds of {@link Egress}. */
export enum EgressKind {
  /** A NAT gateway with one static public IP (outbound only). */
  NAT_GATEWAY = 'NatGateway',
  /** A route table sending 0.0.0.0/0 to a firewall or network virtual appliance. */
  FIREWALL = 'Firewall',
  /** Egress the platform provides outside this stack (a route table attached by policy, a VNet-wide UDR). */
  PROVIDED_ELSEWHERE = 'ProvidedElsewhere',
  /** No egress at all. */
  NONE = 'None',
}

/**
 * How the app's outbound traffic leaves the VNet, and whether it may reach the Internet at all.
 *
 * The subnets have default outbound access off and the app routes all traffic through the VNet,
 * so without an egress path Easy Auth cannot reach Entra ID to complete a sign-in. Pick the path
 * your landing zone uses.
 *
 * Whatever the path, egress is closed by default: the NSG of each subnet with a path out allows
 * TCP 443 to the `AzureActiveDirectory` service tag (sign-in and token checks) and the private
 * endpoints it is wired to, and denies every other destination on the Internet
 * (`DenyInternetOutbound`, priority 4000). Opening it is an explicit, named opt-in that weakens
 * isolation: `Egress.natGateway().openInternet(reason)`.
 *
 * @see https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access
 * @see https://learn.microsoft.com/azure/virtual-network/service-tags-overview
 */
export class Egress {
  /** A NAT gateway with a static public IP, associated with the app subnet (the default). */
  public static natGateway(): Egress {
    return new Egress(EgressKind.NAT_GATEWAY);
  }

  /**
   * A route table on the app subnet that sends everything (0.0.0.0/0) to a hub firewall or
   * network virtual appliance at `nextHopIp`, with gateway route propagation off so that
   * on-premises routes cannot bypass it. The subnet's NSG still closes egress (only Entra ID and
   * the private endpoints), so the firewall sees exactly the traffic the deployment needs: allow
   * `login.microsoftonline.com` (or the `AzureActiveDirectory` service tag) on TCP 443 there. To let
   * the firewall decide on everything else too, add `.openInternet(reason)`.
   *
   * @param nextHopIp private IPv4 address of the firewall, e.g. `10.100.0.4`
   */
  public static throughFirewall(nextHopIp: string): Egress {
    const owner = 'Egress.throughFirewall';
    checkField(owner, 'nextHopIp', nextHopIp, is.string(true));
    if (!isUnresolved(nextHopIp)) {
      const parsed = parseCidr(`${nextHopIp}/32`);
      if (typeof parsed === 'string') throw propError(owner, 'nextHopIp', 'must be an IPv4 address such as 10.100.0.4', nextHopIp);
      if (!isPrivateRange(parsed)) {
        throw propError(owner, 'nextHopIp', 'must be a private address (10/8, 172.16/12, 192.168/16 or 100.64/10): a virtual appliance is reached inside the network', nextHopIp);
      }
    }
    return new Egress(EgressKind.FIREWALL, nextHopIp);
  }

  /**
   * Egress that the platform provides outside this stack, e.g. a route table that Azure Policy
   * attaches to every subnet. Nothing is created and nothing is warned.
   *
   * @param description how egress is provided, for the reader of the code (at least 10 characters)
   */
  public static providedElsewhere(description: string): Egress {
    checkField('Egress.providedElsewhere', 'description', description, is.string(true));
    if (description.trim().length < 10) {
      throw propError('Egress.providedElsewhere', 'description', 'must say how egress is provided, in at least 10 characters', description);
    }
    return new Egress(EgressKind.PROVIDED_ELSEWHERE, undefined, description.trim());
  }

  /**
   * No egress. Sign-in and public image pulls fail after deploy, so this warns
   * (`no-egress`) unless acknowledged.
   */
  public static none(): Egress {
    return new Egress(EgressKind.NONE);
  }

  /** Which path this is. */
  public readonly kind: EgressKind;
  /** The firewall's address, for {@link EgressKind.FIREWALL}. */
  public readonly nextHopIp?: string;
  /** How egress is provided, for {@link EgressKind.PROVIDED_ELSEWHERE}. */
  public readonly description?: string;
  /**
   * Why the Internet was opened, when {@link Egress.openInternet} was called; undefined while
   * egress is closed (the default).
   */
  public readonly openInternetReason?: string;

  private constructor(kind: EgressKind, nextHopIp?: string, description?: string, openInternetReason?: string) {
    this.kind = kind;
    this.nextHopIp = nextHopIp;
    this.description = description;
    this.openInternetReason = openInternetReason;
  }

  /** True when {@link Egress.openInternet} opened the Internet to the subnets with a path out. */
  public get opensInternet(): boolean {
    return this.openInternetReason !== undefined;
  }

  /**
   * The same path, with the Internet open: WEAKENS ISOLATION.
   *
   * The NSGs of the app subnet and of every subnet added with `addDelegatedSubnet({ egress: true })`
   * then allow outbound traffic to the `Internet` service tag (`AllowInternetOutbound`, priority
   * 4000) instead of denying it, so a misconfigured or compromised front end can send chats and
   * tokens to any address the path lets through. Use it only when a feature needs the Internet
   * (web search, tools that fetch URLs) or when a hub firewall (`Egress.throughFirewall`) must see
   * and decide on everything. The compliance rule PCHAT-NET-004 records the opening as an
   * acknowledged finding with `reason`, so the compliance report shows who opened it and why.
   *
   * @param reason why the Internet must be reachable (at least 10 characters); shown in the NSG rule's description and the compliance report
   */
  public openInternet(reason: string): Egress {
    const owner = 'Egress.openInternet';
    checkField(owner, 'reason', reason, is.string(true));
    if (!isUnresolved(reason) && reason.trim().length < 10) {
      throw propError(owner, 'reason', 'must say why the Internet must be reachable, in at least 10 characters', reason);
    }
    if (this.kind === EgressKind.NONE) {
      throw propError(owner, 'kind', 'must have a path out to open: Egress.none() has none (use Egress.natGateway(), Egress.throughFirewall(ip) or Egress.providedElsewhere(description))', this.kind);
    }
    if (this.opensInternet) {
      throw propError(owner, 'reason', `is already set to '${this.openInternetReason}': call openInternet once`, reason);
    }
    return new Egress(this.kind, this.nextHopIp, this.description, reason.trim());
  }
}
