import { PrivateLinkZone } from '../../network/private-dns-zones';
import { isOpenAiAccount, privateEndpointProblem, resourceRule } from '../private/rule-kit';

/** The account has a private endpoint on `account`, resolved through the OpenAI privatelink zone. */
export const OAI_PRIVATE_ENDPOINT = resourceRule({
  id: 'PCHAT-OAI-006',
  title: 'OpenAI account: private endpoint on account with the openai zone',
  mapsTo: ['AzPol d6759c02'],
  rationale: 'With public access off, the private endpoint is the only path in; without the privatelink.openai.azure.com record the endpoint name resolves to the public IP.',
  fix: "Add an azurerm_private_endpoint whose private_service_connection targets the account's id with subresource_names = [\"account\"] and whose zone group holds privatelink.openai.azure.com (ServicePrivateEndpoint with PrivateLinkZone.OPENAI).",
  resourceTypes: ['azurerm_cognitive_account'],
}, (r, model) => privateEndpointProblem(model, r, { zonesBySubresource: { account: [PrivateLinkZone.OPENAI.zoneName] } }), isOpenAiAccount);
