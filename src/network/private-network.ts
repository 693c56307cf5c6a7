import { NatGateway } from '@cdktf/provider-azurerm/lib/nat-gateway';
import { NatGatewayPublicIpAssociation } from '@cdktf/provider-azurerm/lib/nat-gateway-public-ip-association';
import {
  NetworkSecurityGroup, NetworkSecurityGroupSecurityRule, networkSecurityGroupSecurityRuleToTerraform,
} from '@cdktf/provider-azurerm/lib/network-security-group';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { RouteTable } from '@cdktf/provider-azurerm/lib/route-table';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNatGatewayAssociation } from '@cdktf/provider-azurerm/lib/subnet-nat-gateway-association';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { SubnetRouteTableAssociation } from '@cdktf/provider-azurerm/lib/subnet-route-table-association';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { IResolvable, Lazy, TerraformResource } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { Egress, EgressKind } from './egress';
import { AzureNameRule, Names } from '../core/names';
import { acknowledgeOpenInternet, egressRules } from './private/egress-rules';
import { FlowRegistry, OwnedSubnet, registerFlows, RenderedRule } from './private/flows';
import { claimAddressSpace } from './private/stack-registry';
import { Cidr, contains, defaultSubnetsIn, isPrivateRange, overlaps, parseCidr, reservedOverlap } from '../core/private/cidr';
import { checkPlacement } from '../core/private/placement';
import { checkLocation } from '../core/private/regions';
import { requireProviderSubscription } from '../core/private/subscription';
import {
  checkField, checkResourceId, checkShape, checkTags, is, isUnresolved, parseResourceId, propError, ruleError, Shape, warn,
} from '../core/private/validate';

/**
 * A virtual network with the two subnets a private chat deployment plugs into.
 *
 * Implemented by {@link PrivateNetwork} (created here) and by {@link PrivateNetwork.fromAttributes}
 * (an existing spoke VNet, e.g. one a hub team vends).
 */
export interface IPrivateNetwork extends IConstruct {
  /** Resource id of the virtual network. */
  readonly virtualNetworkId: string;
  /** Resource id of the subnet that holds private endpoints. */
  readonly privateEndpointSubnetId: string;
  /**
   * Resource id of the subnet delegated to `Microsoft.Web/serverFarms` for the app's outbound VNet
   * integration.
   *
   * @default - none, for an imported network used only for private endpoints; a chat app needs one
   */
  readonly appIntegrationSubnetId?: string;
  /**
   * Azure region of the virtual network, when known. Private endpoints and VNet-integrated apps
   * must be in this region; constructs compare their `location` with it.
   *
   * @default - unknown for an imported network given no `location`
   */
  readonly location?: string;
}

/** Ids of an existing network, for {@link PrivateNetwork.fromAttributes}. */
export interface PrivateNetworkAttributes {
  /** Resource id of the existing virtual network. */
  readonly virtualNetworkId: string;
  /** Resource id of an existing subnet for private endpoints (no delegation). */
  readonly privateEndpointSubnetId: string;
  /**
   * Resource id of an existing subnet delegated to `Microsoft.Web/serverFarms`.
   *
   * @default - none: the network serves private endpoints only (a ChatWebApp on it is refused)
   */
  readonly appIntegrationSubnetId?: string;
  /**
   * Azure region of the existing virtual network, e.g. `swedencentral`.
   *
   * Given, it lets constructs refuse at synth a private endpoint or app in another region (Azure
   * refuses it at apply).
   *
   * @default - unknown: the region of endpoints on this network is not checked
   */
  readonly location?: string;
}

/** A dedicated subnet added with {@link PrivateNetwork.addDelegatedSubnet}. */
export interface DelegatedSubnetOptions {
  /** Name of the subnet. */
  readonly name: string;
  /** Address prefix: inside the address space, overlapping no other subnet of this network. */
  readonly cidr: string;
  /**
   * Service the subnet is delegated to.
   *
   * @default 'Microsoft.Web/serverFarms' (App Service and API Management v2 outbound VNet integration)
   */
  readonly delegation?: string;
  /**
   * Give the subnet the network's egress path, as the app subnet has it: the NAT gateway
   * (`Egress.natGateway()`) or the route table to the firewall (`Egress.throughFirewall(ip)`),
   * and its NSG rules: TCP 443 to Entra ID, the Internet denied (or opened, with
   * `Egress.openInternet(reason)`).
   * Subnets here have default outbound access off, so a service whose outbound traffic goes
   * through the subnet reaches nothing public without it (an API Management gateway fetching
   * Entra ID's signing keys, for instance). Nothing is added for the other egress kinds.
   *
   * @default false
   */
  readonly egress?: boolean;
}

/** Props of {@link PrivateNetwork}. */
export interface PrivateNetworkProps {
  /** Resource group the network is created in. */
  readonly resourceGroupName: string;
  /** Azure region, e.g. `swedencentral`. */
  readonly location: string;
  /**
   * Name of the virtual network.
   *
   * @default - `vnet-<construct id>-<hash of the construct path>`
   */
  readonly name?: string;
  /**
   * Address space of the virtual network.
   *
   * @default '10.0.0.0/16'
   */
  readonly addressSpace?: string;
  /**
   * Address prefix of the `private-endpoints` subnet. At least a /28; each private endpoint takes one address.
   *
   * @default '10.0.0.0/24', or the first /24 of a custom `addressSpace` that does not hold both default subnets (its first half for a /24 or smaller)
   */
  readonly privateEndpointSubnetCidr?: string;
  /**
   * Address prefix of the `app-integration` subnet. At least a /28; Microsoft recommends a /26
   * so that the plan can scale out.
   *
   * @default '10.0.1.0/24', or the second /24 of a custom `addressSpace` that does not hold both default subnets (its second half for a /24 or smaller)
   */
  readonly appIntegrationSubnetCidr?: string;
  /**
   * Give the app-integration subnet an egress path through a NAT gateway.
   *
   * Subnets here have default outbound access disabled, and the app routes all its traffic
   * through the VNet, so without an egress path App Service authentication cannot reach
   * Entra ID to complete a sign-in. The NAT gateway's public IP takes no inbound connections.
   * Setting false is the same as `egress: Egress.none()`, which warns; prefer `egress`.
   *
   * @default true
   */
  readonly natGateway?: boolean;
  /**
   * How the app subnet reaches Entra ID: a NAT gateway, a hub firewall
   * (`Egress.throughFirewall('10.100.0.4')`), egress the platform provides elsewhere, or none.
   *
   * Whatever the path, egress is closed: the NSGs allow only Entra ID (TCP 443 to the
   * `AzureActiveDirectory` tag) and the wired private endpoints, and deny the Internet.
   * `Egress.natGateway().openInternet(reason)` opens it, weakening isolation.
   *
   * @default Egress.natGateway()
   */
  readonly egress?: Egress;
  /**
   * Custom DNS servers for the VNet, e.g. a hub's DNS resolver or firewall DNS proxy.
   *
   * @default - Azure-provided DNS, which resolves the privatelink zones linked to this VNet
   */
  readonly dnsServers?: string[];
  /**
   * Tags applied to every resource created.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** Name of the subnet that holds private endpoints. */
export const PRIVATE_ENDPOINT_SUBNET_NAME = 'private-endpoints';
/** Name of the subnet delegated to App Service for VNet integration. */
export const APP_INTEGRATION_SUBNET_NAME = 'app-integration';

const MIN_SUBNET_PREFIX = 28;

const PROPS_SHAPE: Shape = {
  resourceGroupName: is.string(true),
  location: is.string(true),
  name: is.string(),
  addressSpace: is.string(),
  privateEndpointSubnetCidr: is.string(),
  appIntegrationSubnetCidr: is.string(),
  natGateway: is.boolean(),
  egress: is.instance(Egress, 'an Egress (Egress.natGateway(), Egress.throughFirewall(ip), Egress.providedElsewhere(description) or Egress.none())'),
  dnsServers: is.arrayOf(is.string()),
  tags: is.stringMap(),
};

const ATTRIBUTES_SHAPE: Shape = {
  virtualNetworkId: is.string(true),
  privateEndpointSubnetId: is.string(true),
  appIntegrationSubnetId: is.string(),
  location: is.string(),
};
const RECOMMENDED_APP_SUBNET_PREFIX = 26;

/**
 * A virtual network for private endpoints and App Service VNet integration, locked down by default.
 *
 * - subnet `private-endpoints`: holds every private endpoint; network policies enabled so that
 *   its NSG applies to the endpoints;
 * - subnet `app-integration`: delegated to `Microsoft.Web/serverFarms`;
 * - one NSG per subnet, denying inbound from the Internet and everything else, and allowing
 *   exactly the flows wired with {@link ServicePrivateEndpoint.allowFrom}: each caller on its
 *   endpoints' service ports (inbound on the endpoint subnet, outbound on a calling subnet);
 * - default outbound access disabled on both subnets;
 * - egress closed: outbound, only the wired endpoints and, from subnets with a path out, Entra ID
 *   (TCP 443, `AzureActiveDirectory`); the Internet denied (`DenyInternetOutbound`, 4000) unless
 *   `Egress.openInternet(reason)` opens it.
 *
 * @see https://learn.microsoft.com/azure/app-service/overview-vnet-integration
 */
export class PrivateNetwork extends Construct implements IPrivateNetwork {
  /**
   * Uses an existing virtual network and subnets: nothing of the network is created.
   *
   * The subnets must already carry their NSGs and, for the app subnet, the
   * `Microsoft.Web/serverFarms` delegation.
   */
  public static fromAttributes(scope: Construct, id: string, attrs: PrivateNetworkAttributes): IPrivateNetwork {
    return new ImportedPrivateNetwork(scope, id, attrs);
  }

  public readonly virtualNetworkId: string;
  /**
   * Azure region of the virtual network, as given in `location` (always set here; optional only
   * because {@link IPrivateNetwork} declares it so for imported networks, and jsii requires the same).
   */
  public readonly location?: string;
  public readonly privateEndpointSubnetId: string;
  public readonly appIntegrationSubnetId?: string;
  /** Name of the virtual network. */
  public readonly virtualNetworkName: string;
  /** The `azurerm_virtual_network` (escape hatch). */
  public readonly virtualNetwork: VirtualNetwork;
  /** The `private-endpoints` subnet. */
  public readonly privateEndpointSubnet: Subnet;
  /** The `app-integration` subnet. */
  public readonly appIntegrationSubnet: Subnet;
  /** NSG of the `private-endpoints` subnet. */
  public readonly privateEndpointNsg: NetworkSecurityGroup;
  /** NSG of the `app-integration` subnet. */
  public readonly appIntegrationNsg: NetworkSecurityGroup;
  /** The NAT gateway giving the app subnet egress, when egress is `Egress.natGateway()`. */
  public readonly natGateway?: NatGateway;
  /** The route table sending the app subnet's traffic to a firewall, when egress is `Egress.throughFirewall(...)`. */
  public readonly egressRouteTable?: RouteTable;
  /** How the app subnet reaches the Internet. */
  public readonly egress: Egress;
  /** The address space, parsed (undefined when it is a token). */
  private readonly space?: Cidr;
  /** Every subnet's prefix so far, by the prop or call that set it, to refuse overlaps. */
  private readonly subnetRanges: [string, Cidr][] = [];
  /** The flows wired to endpoints on this network, rendered into the NSGs at synth. */
  private readonly flows: FlowRegistry;
  /** Placement and tags of the resources it creates. */
  private readonly common: { readonly resourceGroupName: string; readonly location: string; readonly tags?: { [key: string]: string } };

  constructor(scope: Construct, id: string, props: PrivateNetworkProps) {
    super(scope, id);
    checkShape(this, props, PROPS_SHAPE);
    checkTags(this, 'tags', props.tags);
    checkPlacement(this, props.resourceGroupName, props.location);
    AzureNameRule.VIRTUAL_NETWORK.validate(this, 'name', props.name);
    this.location = props.location;

    const addressSpace = props.addressSpace ?? '10.0.0.0/16';
    // Defaults follow a custom address space, so that an error never names a range the user did not write.
    const [peDefault, appDefault] = defaultSubnetsIn(addressSpace, 24, ['10.0.0.0/24', '10.0.1.0/24']);
    const peCidr = props.privateEndpointSubnetCidr ?? peDefault;
    const appCidr = props.appIntegrationSubnetCidr ?? appDefault;
    this.validateAddresses(addressSpace, peCidr, appCidr);
    for (const [prop, text] of [['addressSpace', addressSpace], ['privateEndpointSubnetCidr', peCidr], ['appIntegrationSubnetCidr', appCidr]] as const) {
      const parsed = isUnresolved(text) ? undefined : parseCidr(text);
      if (parsed === undefined || typeof parsed === 'string') continue;
      if (prop === 'addressSpace') this.space = parsed;
      else this.subnetRanges.push([prop, parsed]);
    }
    this.common = { resourceGroupName: props.resourceGroupName, location: props.location, tags: props.tags };
    if (!isUnresolved(addressSpace)) claimAddressSpace(this, 'addressSpace', addressSpace);
    const servers = isUnresolved(props.dnsServers) ? [] : props.dnsServers ?? [];
    const seenServers = new Set<string>();
    for (const [i, server] of servers.entries()) {
      if (isUnresolved(server)) continue;
      if (typeof parseCidr(`${server}/32`) === 'string') {
        throw propError(this, `dnsServers[${i}]`, 'must be an IPv4 address', server);
      }
      const reserved = reservedOverlap(parseCidr(`${server}/32`) as Cidr);
      if (reserved && server !== '168.63.129.16') {
        throw propError(this, `dnsServers[${i}]`, `must be a usable IPv4 address, not in ${reserved}`, server);
      }
      if (seenServers.has(server)) throw propError(this, `dnsServers[${i}]`, 'must not repeat a DNS server', server);
      seenServers.add(server);
    }

    const common = this.common;
    this.virtualNetworkName = props.name ?? Names.local(this, AzureNameRule.VIRTUAL_NETWORK, 'vnet');
    this.virtualNetwork = new VirtualNetwork(this, 'Resource', {
      ...common,
      name: this.virtualNetworkName,
      addressSpace: [addressSpace],
      dnsServers: props.dnsServers,
    });

    this.privateEndpointNsg = new NetworkSecurityGroup(this, 'PrivateEndpointNsg', {
      ...common,
      name: Names.local(this, AzureNameRule.NETWORK_RESOURCE, `nsg-${PRIVATE_ENDPOINT_SUBNET_NAME}`),
      // Rendered at synth from the callers wired to the endpoints (ServicePrivateEndpoint.allowFrom),
      // so that endpoints created after the network get their rules too.
      securityRule: lazyRules(() => [...this.flows.inboundRules(), ...denyInbound(), ...egressRules(peCidr, this.egress, false)]),
    });
    this.appIntegrationNsg = new NetworkSecurityGroup(this, 'AppIntegrationNsg', {
      ...common,
      name: Names.local(this, AzureNameRule.NETWORK_RESOURCE, `nsg-${APP_INTEGRATION_SUBNET_NAME}`),
      // VNet integration carries only the app's outbound traffic: nothing may come in here.
      securityRule: lazyRules(() => [...denyInbound(), ...this.flows.outboundRules(appSubnet), ...egressRules(appCidr, this.egress, true)]),
    });

    this.privateEndpointSubnet = new Subnet(this, 'PrivateEndpointSubnet', {
      name: PRIVATE_ENDPOINT_SUBNET_NAME,
      resourceGroupName: props.resourceGroupName,
      virtualNetworkName: this.virtualNetwork.name,
      addressPrefixes: [peCidr],
      defaultOutboundAccessEnabled: false,
      // NSGs and route tables apply to private endpoints only when network policies are enabled.
      privateEndpointNetworkPolicies: 'Enabled',
    });
    this.appIntegrationSubnet = new Subnet(this, 'AppIntegrationSubnet', {
      name: APP_INTEGRATION_SUBNET_NAME,
      resourceGroupName: props.resourceGroupName,
      virtualNetworkName: this.virtualNetwork.name,
      addressPrefixes: [appCidr],
      defaultOutboundAccessEnabled: false,
      delegation: [{
        name: 'app-service',
        serviceDelegation: {
          name: 'Microsoft.Web/serverFarms',
          actions: ['Microsoft.Network/virtualNetworks/subnets/action'],
        },
      }],
    });
    const appSubnet: OwnedSubnet = { name: APP_INTEGRATION_SUBNET_NAME, cidr: appCidr, id: this.appIntegrationSubnet.id };
    this.flows = new FlowRegistry(this, peCidr, [appSubnet]);
    registerFlows(this, this.flows);
    new SubnetNetworkSecurityGroupAssociation(this, 'PrivateEndpointNsgAssociation', {
      subnetId: this.privateEndpointSubnet.id,
      networkSecurityGroupId: this.privateEndpointNsg.id,
    });
    new SubnetNetworkSecurityGroupAssociation(this, 'AppIntegrationNsgAssociation', {
      subnetId: this.appIntegrationSubnet.id,
      networkSecurityGroupId: this.appIntegrationNsg.id,
    });

    this.egress = this.egressOf(props);
    acknowledgeOpenInternet(this.appIntegrationSubnet, this.egress);
    if (this.egress.kind === EgressKind.NAT_GATEWAY) {
      const ip = new PublicIp(this, 'NatPublicIp', {
        ...common,
        name: Names.local(this, AzureNameRule.NETWORK_RESOURCE, 'pip-nat'),
        allocationMethod: 'Static',
        sku: 'Standard',
      });
      this.natGateway = new NatGateway(this, 'NatGateway', {
        ...common,
        name: Names.local(this, AzureNameRule.NETWORK_RESOURCE, 'ng'),
        skuName: 'Standard',
      });
      new NatGatewayPublicIpAssociation(this, 'NatPublicIpAssociation', {
        natGatewayId: this.natGateway.id,
        publicIpAddressId: ip.id,
      });
      new SubnetNatGatewayAssociation(this, 'AppIntegrationNatAssociation', {
        subnetId: this.appIntegrationSubnet.id,
        natGatewayId: this.natGateway.id,
      });
    }

    if (this.egress.kind === EgressKind.FIREWALL) {
      this.egressRouteTable = new RouteTable(this, 'EgressRouteTable', {
        ...common,
        name: Names.local(this, AzureNameRule.NETWORK_RESOURCE, 'rt-egress'),
        // Routes learnt from a VPN or ExpressRoute gateway must not bypass the firewall.
        bgpRoutePropagationEnabled: false,
        route: [{ name: 'default-to-firewall', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopInIpAddress: this.egress.nextHopIp }],
      });
      new SubnetRouteTableAssociation(this, 'AppIntegrationRouteTableAssociation', {
        subnetId: this.appIntegrationSubnet.id,
        routeTableId: this.egressRouteTable.id,
      });
    }
    if (this.egress.kind === EgressKind.NONE) {
      warn(this, 'no-egress', "has no egress for the app subnet (default outbound access is off): Easy Auth cannot reach Entra ID to sign users in, and App Service cannot pull a public image. Set 'egress' to Egress.natGateway(), Egress.throughFirewall(ip) or Egress.providedElsewhere(description)");
    }

    this.virtualNetworkId = this.virtualNetwork.id;
    this.privateEndpointSubnetId = this.privateEndpointSubnet.id;
    this.appIntegrationSubnetId = this.appIntegrationSubnet.id;
  }

  private egressOf(props: PrivateNetworkProps): Egress {
    if (props.egress !== undefined && props.natGateway !== undefined) {
      const nat = props.egress.kind === EgressKind.NAT_GATEWAY;
      if (nat !== props.natGateway) {
        throw ruleError(this, `'natGateway' ${props.natGateway} contradicts 'egress' ${props.egress.kind}: set only 'egress', got both`);
      }
    }
    if (props.egress !== undefined) return props.egress;
    return props.natGateway === false ? Egress.none() : Egress.natGateway();
  }

  /**
   * Adds a dedicated subnet, delegated to a service and with its own NSG that lets nothing in,
   * e.g. the outbound VNet integration subnet of an API Management v2 gateway, which Azure does not
   * let it share.
   *
   * @param id construct id of the subnet (its NSG and association get `<id>Nsg`, `<id>NsgAssociation`)
   */
  public addDelegatedSubnet(id: string, options: DelegatedSubnetOptions): Subnet {
    checkField(this, 'addDelegatedSubnet.id', id, is.string(true));
    checkShape(this, options, { name: is.string(true), cidr: is.string(true), delegation: is.string(), egress: is.boolean() }, `addDelegatedSubnet(${id})`);
    const prop = `addDelegatedSubnet(${id}).cidr`;
    AzureNameRule.SUBNET.validate(this, `addDelegatedSubnet(${id}).name`, options.name);
    if (!isUnresolved(options.cidr)) {
      const cidr = parseCidr(options.cidr);
      if (typeof cidr === 'string') throw propError(this, prop, cidr, options.cidr);
      const reserved = reservedOverlap(cidr);
      if (reserved) throw propError(this, prop, `must not overlap ${reserved}, which Azure refuses in a virtual network`, cidr.text);
      if (cidr.prefix > MIN_SUBNET_PREFIX) throw propError(this, prop, `must be a /${MIN_SUBNET_PREFIX} or larger (Azure reserves 5 addresses per subnet)`, cidr.text);
      if (this.space && !contains(this.space, cidr)) throw propError(this, prop, `must lie inside addressSpace '${this.space.text}'`, cidr.text);
      const taken = this.subnetRanges.find(([, other]) => overlaps(other, cidr));
      if (taken) throw propError(this, prop, `must not overlap '${taken[0]}' ('${taken[1].text}')`, cidr.text);
      this.subnetRanges.push([prop, cidr]);
    }
    let owned: OwnedSubnet | undefined;
    const nsg = new NetworkSecurityGroup(this, `${id}Nsg`, {
      ...this.common,
      name: Names.local(this, AzureNameRule.NETWORK_RESOURCE, `nsg-${options.name}`),
      securityRule: lazyRules(() => [
        ...denyInbound(), ...(owned ? this.flows.outboundRules(owned) : []), ...egressRules(options.cidr, this.egress, options.egress === true),
      ]),
    });
    const subnet = new Subnet(this, id, {
      name: options.name,
      resourceGroupName: this.common.resourceGroupName,
      virtualNetworkName: this.virtualNetwork.name,
      addressPrefixes: [options.cidr],
      defaultOutboundAccessEnabled: false,
      delegation: [{
        name: 'delegation',
        serviceDelegation: { name: options.delegation ?? 'Microsoft.Web/serverFarms', actions: ['Microsoft.Network/virtualNetworks/subnets/action'] },
      }],
    });
    owned = { name: options.name, cidr: options.cidr, id: subnet.id };
    this.flows.addSubnet(owned);
    new SubnetNetworkSecurityGroupAssociation(this, `${id}NsgAssociation`, { subnetId: subnet.id, networkSecurityGroupId: nsg.id });
    if (options.egress) acknowledgeOpenInternet(subnet, this.egress);
    if (options.egress && this.natGateway) {
      new SubnetNatGatewayAssociation(this, `${id}NatAssociation`, { subnetId: subnet.id, natGatewayId: this.natGateway.id });
    }
    if (options.egress && this.egressRouteTable) {
      new SubnetRouteTableAssociation(this, `${id}RouteTableAssociation`, { subnetId: subnet.id, routeTableId: this.egressRouteTable.id });
    }
    return subnet;
  }

  private validateAddresses(addressSpace: string, peCidr: string, appCidr: string): void {
    const parse = (prop: string, text: string): Cidr | undefined => {
      if (isUnresolved(text)) return undefined;
      const parsed = parseCidr(text);
      if (typeof parsed === 'string') throw propError(this, prop, parsed, text);
      return parsed;
    };
    const space = parse('addressSpace', addressSpace);
    const pe = parse('privateEndpointSubnetCidr', peCidr);
    const app = parse('appIntegrationSubnetCidr', appCidr);
    for (const [prop, cidr] of [['addressSpace', space], ['privateEndpointSubnetCidr', pe], ['appIntegrationSubnetCidr', app]] as const) {
      if (!cidr) continue;
      if (cidr.prefix === 0) {
        throw propError(this, prop, 'must not be 0.0.0.0/0: a virtual network needs a bounded range (e.g. 10.0.0.0/16)', cidr.text);
      }
      const reserved = reservedOverlap(cidr);
      if (reserved) {
        throw propError(this, prop, `must not overlap ${reserved}, which Azure refuses in a virtual network`, cidr.text);
      }
    }
    if (space && !isPrivateRange(space)) {
      warn(this, 'public-address-space',
        `'addressSpace' ${space.text} is not a private (10/8, 172.16/12, 192.168/16) or shared (100.64/10) range; Azure accepts it, `
        + 'but the VNet can no longer reach the public addresses it covers (e.g. Entra ID for the sign-in)');
    }
    for (const [prop, cidr] of [['privateEndpointSubnetCidr', pe], ['appIntegrationSubnetCidr', app]] as const) {
      if (!cidr) continue;
      if (cidr.prefix > MIN_SUBNET_PREFIX) {
        throw propError(this, prop, `must be a /${MIN_SUBNET_PREFIX} or larger (Azure reserves 5 addresses per subnet)`, cidr.text);
      }
      if (space && !contains(space, cidr)) {
        throw propError(this, prop, `must lie inside addressSpace '${space.text}'`, cidr.text);
      }
    }
    if (pe && app && overlaps(pe, app)) {
      // Two CIDR blocks that overlap always nest: the smaller one is the shared range.
      const shared = pe.prefix >= app.prefix ? pe : app;
      throw ruleError(this, `'privateEndpointSubnetCidr' ('${pe.text}') and 'appIntegrationSubnetCidr' ('${app.text}') must not overlap, got '${shared.text}' in both`);
    }
    if (app && app.prefix > RECOMMENDED_APP_SUBNET_PREFIX) {
      warn(this, 'small-app-subnet', `'appIntegrationSubnetCidr' is a /${app.prefix}; Microsoft recommends a /${RECOMMENDED_APP_SUBNET_PREFIX} or larger so the App Service plan can scale out`);
    }
  }
}

function rule(
  name: string, priority: number, access: 'Allow' | 'Deny', protocol: string,
  source: string, destination: string, port: string, description: string,
): NetworkSecurityGroupSecurityRule {
  return {
    name,
    priority,
    access,
    protocol,
    description,
    direction: 'Inbound',
    sourceAddressPrefix: source,
    sourcePortRange: '*',
    destinationAddressPrefix: destination,
    destinationPortRange: port,
  };
}

/** Inline `security_rule` list computed at synth; already in Terraform's snake_case (a token skips the provider's mapper). */
function lazyRules(produce: () => Array<NetworkSecurityGroupSecurityRule | RenderedRule>): IResolvable {
  return Lazy.anyValue({ produce: () => produce().map((r) => networkSecurityGroupSecurityRuleToTerraform(r)) });
}

function denyInbound(): NetworkSecurityGroupSecurityRule[] {
  return [
    rule('DenyInternetInbound', 4000, 'Deny', '*', 'Internet', '*', '*', 'Nothing reaches this subnet from the Internet'),
    rule('DenyAllOtherInbound', 4096, 'Deny', '*', '*', '*', '*', 'Only the flows allowed above; overrides the platform AllowVnetInBound default'),
  ];
}

class ImportedPrivateNetwork extends Construct implements IPrivateNetwork {
  /** Shown in error messages instead of this internal class name. */
  public static readonly errorKind = 'PrivateNetwork.fromAttributes';

  public readonly virtualNetworkId: string;
  public readonly privateEndpointSubnetId: string;
  public readonly appIntegrationSubnetId?: string;
  public readonly location?: string;

  constructor(scope: Construct, id: string, attrs: PrivateNetworkAttributes) {
    super(scope, id);
    checkShape(this, attrs, ATTRIBUTES_SHAPE);
    checkResourceId(this, 'virtualNetworkId', attrs.virtualNetworkId, 'Microsoft.Network/virtualNetworks');
    for (const prop of ['privateEndpointSubnetId', 'appIntegrationSubnetId'] as const) {
      const value = attrs[prop];
      if (value === undefined) continue;
      checkResourceId(this, prop, value, 'Microsoft.Network/virtualNetworks/subnets');
      if (isUnresolved(value) || isUnresolved(attrs.virtualNetworkId)) continue;
      const subnet = parseResourceId(value)!;
      const vnet = parseResourceId(attrs.virtualNetworkId)!;
      const sameVnet = subnet.subscriptionId.toLowerCase() === vnet.subscriptionId.toLowerCase()
        && subnet.resourceGroup.toLowerCase() === vnet.resourceGroup.toLowerCase()
        && subnet.names[0].toLowerCase() === vnet.names[0].toLowerCase();
      if (!sameVnet) {
        throw propError(this, prop, `must be a subnet of virtualNetworkId '${attrs.virtualNetworkId}' (<vnet id>/subnets/<name>)`, value);
      }
    }
    checkLocation(this, 'location', attrs.location);
    if (attrs.appIntegrationSubnetId !== undefined && !isUnresolved(attrs.privateEndpointSubnetId)
      && attrs.privateEndpointSubnetId.toLowerCase() === attrs.appIntegrationSubnetId.toLowerCase()) {
      throw ruleError(this, `'privateEndpointSubnetId' and 'appIntegrationSubnetId' must be different subnets: the app subnet is delegated to Microsoft.Web/serverFarms and cannot hold private endpoints, got '${attrs.privateEndpointSubnetId}' for both`);
    }
    this.virtualNetworkId = attrs.virtualNetworkId;
    this.privateEndpointSubnetId = attrs.privateEndpointSubnetId;
    this.appIntegrationSubnetId = attrs.appIntegrationSubnetId;
    this.location = attrs.location;
    // Private endpoints go in the stack's subscription; fail now when that is not the VNet's.
    requireNetworkSubscription(this);
  }
}

/**
 * A private endpoint must be in the same region and subscription as its virtual network, and this
 * library creates endpoints with the stack's azurerm provider. For a network whose id names another
 * subscription: an error at synth when the provider's subscription is in the code, otherwise a
 * precondition on `endpoint` that fails the plan. A network this stack creates is never checked.
 *
 * @see https://learn.microsoft.com/azure/private-link/private-endpoint-overview#private-endpoint-properties
 */
export function requireNetworkSubscription(network: IPrivateNetwork, endpoint?: TerraformResource): void {
  if (!(network instanceof ImportedPrivateNetwork)) return;
  requireProviderSubscription({
    owner: network,
    prop: 'virtualNetworkId',
    resourceId: network.virtualNetworkId,
    why: 'a private endpoint must be in the same subscription as its virtual network, and the library creates the endpoints with the stack\'s azurerm provider',
    wayOut: 'deploy this stack with an azurerm provider in the virtual network\'s subscription (the spoke\'s), or import a virtual network of this stack\'s subscription',
  }, endpoint);
}
