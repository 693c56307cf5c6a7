import { isOtherPaas, PAAS_ENDPOINTS, PAAS_TYPES } from './paas-services';
import { privateEndpointProblem, resourceRule } from '../private/rule-kit';

/** Every other PaaS resource is reachable through a private endpoint resolved by its privatelink zone. */
export const PAAS_PRIVATE_ENDPOINT = resourceRule({
  id: 'PCHAT-ISO-002',
  title: 'Isolation: other PaaS resources have a private endpoint with the matching zone',
  mapsTo: ['CKV2_AZURE_33'],
  rationale: 'With public access off a PaaS resource is reachable only through a private endpoint, and only if its privatelink zone resolves the name to it.',
  fix: 'Add an azurerm_private_endpoint targeting the resource on its subresource (blob, Sql, searchService, registry, account, sites…) with a zone group holding the matching privatelink zone.',
  resourceTypes: PAAS_TYPES,
}, (r, model) => privateEndpointProblem(model, r, { zonesBySubresource: PAAS_ENDPOINTS[r.type] }), isOtherPaas);
