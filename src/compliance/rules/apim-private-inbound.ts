import { attr, privateEndpointProblem, resourceRule } from '../private/rule-kit';

/** Zone of API Management private endpoints (`Gateway` subresource). */
export const APIM_ZONE = 'privatelink.azure-api.net';

/**
 * Callers reach the gateway only from the private network: a private endpoint on `Gateway`
 * whose zone group holds `privatelink.azure-api.net`, or classic internal VNet injection.
 *
 * @see https://learn.microsoft.com/azure/api-management/private-endpoint
 * @see https://learn.microsoft.com/azure/api-management/virtual-network-concepts
 */
export const APIM_PRIVATE_INBOUND = resourceRule({
  id: 'PCHAT-APIM-002',
  title: 'AI gateway: inbound through a private endpoint or an internal VNet',
  mapsTo: ['SECURITY-BASELINE AI gateway'],
  rationale: 'With public access off, the gateway is reachable only through a private endpoint resolved by privatelink.azure-api.net, or at its private IP in internal mode.',
  fix: 'Add an azurerm_private_endpoint on subresource Gateway with a zone group holding privatelink.azure-api.net (AiGateway does), or set virtual_network_type = "Internal".',
  resourceTypes: ['azurerm_api_management'],
}, (r, model) => {
  const mode = attr(r.config, 'virtual_network_type');
  if (typeof mode === 'string' && mode.toLowerCase() === 'internal') return undefined;
  return privateEndpointProblem(model, r, { zonesBySubresource: { Gateway: [APIM_ZONE] } });
});
