import { blocks } from '../private/model';
import { RuleDefinition, Violation } from '../private/rule-kit';
import { ComplianceRule } from '../rule';

/** Subnets Azure reserves for gateways, firewalls, Bastion and Route Server, where an NSG is unsupported or managed by the service. */
const EXEMPT = ['gatewaysubnet', 'azurefirewallsubnet', 'azurefirewallmanagementsubnet', 'azurebastionsubnet', 'routeserversubnet'];

const INFO: ComplianceRule = {
  id: 'PCHAT-NET-001',
  title: 'Network: every subnet has an NSG',
  mapsTo: ['CKV2_AZURE_31'],
  rationale: 'A subnet without an NSG takes whatever the platform defaults allow, including all traffic from peered networks.',
  fix: 'Add an azurerm_subnet_network_security_group_association for the subnet (or security_group on an inline subnet). GatewaySubnet, AzureFirewallSubnet, AzureFirewallManagementSubnet, AzureBastionSubnet and RouteServerSubnet are exempt.',
  resourceTypes: ['azurerm_subnet', 'azurerm_virtual_network'],
};

function exempt(name: unknown): boolean {
  return typeof name === 'string' && EXEMPT.includes(name.toLowerCase());
}

/** Every subnet, standalone or inline, is associated with a network security group. */
export const NET_SUBNET_NSG: RuleDefinition = {
  info: INFO,
  check(model) {
    const out: Violation[] = [];
    for (const subnet of model.ofType('azurerm_subnet')) {
      if (exempt(subnet.config.name)) continue;
      const associations = model.referencing(['azurerm_subnet_network_security_group_association'], subnet, (a) => [a.config.subnet_id]);
      if (associations.length === 0) {
        out.push({ resource: subnet, problem: `subnet ${JSON.stringify(subnet.config.name)} has no azurerm_subnet_network_security_group_association` });
      }
    }
    for (const vnet of model.ofType('azurerm_virtual_network')) {
      const bare = blocks(vnet.config.subnet)
        .filter((s) => !exempt(s.name) && !(typeof s.security_group === 'string' && s.security_group.trim() !== ''));
      if (bare.length > 0) {
        out.push({ resource: vnet, problem: `inline subnet(s) ${bare.map((s) => JSON.stringify(s.name)).join(', ')} have no security_group` });
      }
    }
    return out;
  },
};
