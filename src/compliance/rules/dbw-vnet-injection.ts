import { expectSet, resourceRule } from '../private/rule-kit';

const VNET_INJECTION = [
  'virtual_network_id', 'public_subnet_name', 'private_subnet_name',
  'public_subnet_network_security_group_association_id', 'private_subnet_network_security_group_association_id',
];

/**
 * VNet injection: the workspace's classic compute runs in two subnets of the customer's VNet
 * (host and container), each with an NSG, instead of a VNet Databricks manages and the customer
 * cannot see, route or inspect.
 *
 * @see https://learn.microsoft.com/azure/databricks/security/network/classic/vnet-inject
 * @see https://github.com/hashicorp/terraform-provider-azurerm/blob/v4.55.0/internal/services/databricks/databricks_workspace_resource.go#L161-L260
 */
export const DBW_VNET_INJECTION = resourceRule({
  id: 'PCHAT-DBW-003',
  title: 'Databricks: VNet injection into two subnets with NSGs',
  mapsTo: ['SECURITY-BASELINE (Azure Databricks: VNet injection)', 'CKV2_AZURE_31 (every subnet has an NSG)'],
  rationale: 'Without VNet injection, clusters run in a Databricks-managed VNet: no private endpoints, routes or NSGs of the customer apply to them.',
  fix: 'Set custom_parameters.virtual_network_id, public_subnet_name, private_subnet_name and both *_network_security_group_association_id '
    + '(DatabricksWorkspace does, with DatabricksSubnets.create or fromSubnets).',
  resourceTypes: ['azurerm_databricks_workspace'],
}, (r) => VNET_INJECTION.map((a) => expectSet(r.config, `custom_parameters.${a}`)));
