import { expectSet, resourceRule } from '../private/rule-kit';

/**
 * The gateway reaches its backends through a VNet: `virtual_network_configuration.subnet_id`
 * set (outbound integration on v2 tiers, injection on classic ones), so that the model
 * accounts can keep public access off.
 *
 * @see https://learn.microsoft.com/azure/api-management/integrate-vnet-outbound
 */
export const APIM_VNET = resourceRule({
  id: 'PCHAT-APIM-003',
  title: 'AI gateway: in a virtual network',
  mapsTo: ['CKV_AZURE_107'],
  rationale: 'Without a VNet the gateway cannot reach the model accounts\' private endpoints, and the accounts would need public access.',
  fix: 'Set virtual_network_type = "External" and virtual_network_configuration { subnet_id } to a dedicated subnet delegated to Microsoft.Web/serverFarms (AiGateway\'s integrationSubnetId).',
  resourceTypes: ['azurerm_api_management'],
}, (r) => expectSet(r.config, 'virtual_network_configuration.subnet_id'));
