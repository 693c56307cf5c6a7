import { PrivateLinkZone } from '../../network/private-dns-zones';
import { privateEndpointProblem, resourceRule } from '../private/rule-kit';

/** Users reach the app through a private endpoint on `sites`, resolved through the azurewebsites privatelink zone. */
export const APP_PRIVATE_ENDPOINT = resourceRule({
  id: 'PCHAT-APP-002',
  title: 'Web app: private endpoint on sites with the azurewebsites zone',
  mapsTo: ['CKV_AZURE_222'],
  rationale: 'With public access off the private endpoint is the only way in, and clients find it only through privatelink.azurewebsites.net.',
  fix: "Add an azurerm_private_endpoint whose private_service_connection targets the app's id with subresource_names = [\"sites\"] and whose zone group holds privatelink.azurewebsites.net (ServicePrivateEndpoint with PrivateLinkZone.APP_SERVICE).",
  resourceTypes: ['azurerm_linux_web_app'],
}, (r, model) => privateEndpointProblem(model, r, { zonesBySubresource: { sites: [PrivateLinkZone.APP_SERVICE.zoneName] } }));
