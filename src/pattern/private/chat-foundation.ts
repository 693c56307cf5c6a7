// PrivateChat's first rows: the resource group, the VNet and its subnets, the private DNS zones
// every piece needs, and the Log Analytics workspace.
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Construct } from 'constructs';
import { planScaleOut, ScaleOutPlan } from './scale-out';
import { ChatFrontEnd } from '../../app/front-end';
import { AzureNameRule, Names } from '../../core/names';
import { inUsersWords } from '../../core/private/pass-through';
import { IMonitoring, Monitoring } from '../../monitoring/monitoring';
import { IPrivateDnsZones, PrivateDnsZones, PrivateLinkZone } from '../../network/private-dns-zones';
import { IPrivateNetwork, PrivateNetwork } from '../../network/private-network';
import { PrivateChatNames } from '../chat-options';
import { PrivateChatProps } from '../private-chat-props';

/** Where every piece goes: the resource group and the region. */
export interface ChatPlacement {
  readonly resourceGroupName: string;
  readonly location: string;
}

/** What keeps every piece private and observed: the network, the zones and the workspace. */
export interface ChatIsolation {
  readonly network: IPrivateNetwork;
  readonly dnsZones: IPrivateDnsZones;
  readonly monitoring: IMonitoring;
}

/** The foundation, and the scale-out plan its zones were chosen for. */
export interface ChatFoundation extends ChatPlacement, ChatIsolation {
  readonly resourceGroup?: ResourceGroup;
  readonly plan: ScaleOutPlan;
}

/**
 * Creates (or takes) the resource group, the network, the zones and the workspace, and plans the
 * scale-out pieces, whose zones the zone list needs. `keepsHistory`: whether a history store is made.
 */
export function createFoundation(owner: Construct, props: PrivateChatProps, names: PrivateChatNames, frontEnd: ChatFrontEnd,
  keepsHistory: boolean, tokenMetrics: boolean): ChatFoundation {
  const location = props.location;
  let resourceGroup: ResourceGroup | undefined;
  let resourceGroupName: string;
  if (props.resourceGroupName !== undefined) {
    resourceGroupName = props.resourceGroupName;
  } else {
    resourceGroup = new ResourceGroup(owner, 'ResourceGroup', {
      name: names.resourceGroup ?? Names.local(owner, AzureNameRule.RESOURCE_GROUP, 'rg'),
      location,
    });
    resourceGroupName = resourceGroup.name;
  }
  const common = { resourceGroupName, location };

  const network = props.network ?? new PrivateNetwork(owner, 'Network', {
    ...common,
    name: names.virtualNetwork,
    addressSpace: props.addressSpace,
    privateEndpointSubnetCidr: props.privateEndpointSubnetCidr,
    appIntegrationSubnetCidr: props.appIntegrationSubnetCidr,
    natGateway: props.natGateway,
    egress: props.egress,
  });
  // Zones of optional pieces come after the default ones, so no existing zone moves.
  const zones = PrivateLinkZone.all();
  const plan = planScaleOut(owner, props, frontEnd, keepsHistory);
  if (keepsHistory) zones.push(PrivateLinkZone.POSTGRESQL);
  if (props.imageMirror) zones.push(PrivateLinkZone.CONTAINER_REGISTRY);
  if (props.gateway) zones.push(PrivateLinkZone.API_MANAGEMENT);
  if (tokenMetrics && !props.gateway?.monitorPrivateLinkScope) zones.push(...PrivateLinkZone.azureMonitor());
  if (plan.fileStore && !zones.includes(PrivateLinkZone.BLOB)) zones.push(PrivateLinkZone.BLOB);
  if (plan.sharedState) zones.push(PrivateLinkZone.MANAGED_REDIS);
  const dnsZones = props.dnsZones ?? new PrivateDnsZones(owner, 'DnsZones', {
    resourceGroupName,
    network,
    zones,
  });
  const monitoring = props.monitoring ?? inUsersWords(owner, { retentionInDays: 'workspace.retentionInDays', dailyQuotaGb: 'workspace.dailyQuotaGb' },
    () => new Monitoring(owner, 'Monitoring', { ...common, name: names.workspace, ...props.workspace }));
  return { ...common, resourceGroup, network, dnsZones, monitoring, plan };
}
