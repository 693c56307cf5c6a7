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
 * How the app's outbound traffic leaves the VNet.
 *
 * The subnets have default outbound access off and the app routes all traffic through the VNet,
 * so without an egress path Easy Auth cannot reach Entra ID to complete a sign-in, and App Service
 * cannot pull a public image. Pick the path your landing zone uses.
 *
 * @see https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access
 */
export class Egress {
  /** A NAT gateway with a static public IP, associated with the app subnet (the default). */
  public static natGateway(): Egress {
    return new Egress(EgressKind.NAT_GATEWAY);
  }

  /**
   * A route table on the app subnet that sends everything (0.0.0.0/0) to a hub firewall or
   * network virtual appliance at `nextHopIp`, with gateway route propagation off so that
   * on-premises routes cannot bypass it. The firewall must allow Entra ID
   * (`login.microsoftonline.com`, the `AzureActiveDirectory` service tag) and your image registry.
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

  private constructor(kind: EgressKind, nextHopIp?: string, description?: string) {
    this.kind = kind;
    this.nextHopIp = nextHopIp;
    this.description = description;
  }
}
