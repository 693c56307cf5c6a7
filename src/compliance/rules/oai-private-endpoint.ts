import { AI_SERVICES_ZONES } from './ais-private-endpoint';
import { PrivateLinkZone } from '../../network/private-dns-zones';
import { isAiServicesAccount, isOpenAiAccount, privateEndpointProblem, resourceRule } from '../private/rule-kit';

/**
 * The model account has a private endpoint on `account` whose zone group resolves it: through the
 * openai privatelink zone for kind OpenAI, through any of its three zones for kind AIServices
 * (PCHAT-AIS-001 then demands all three, so a partial zone group is reported once, there).
 */
export const OAI_PRIVATE_ENDPOINT = resourceRule({
  id: 'PCHAT-OAI-006',
  title: 'Model account (OpenAI or AIServices): private endpoint on account with its privatelink zone',
  mapsTo: ['AzPol d6759c02'],
  rationale: 'With public access off, the private endpoint is the only path in; without a privatelink record (privatelink.openai.azure.com for an OpenAI account) the endpoint name resolves to the public IP.',
  fix: "Add an azurerm_private_endpoint whose private_service_connection targets the account's id with subresource_names = [\"account\"] and whose zone group holds privatelink.openai.azure.com (OpenAI kind; ServicePrivateEndpoint with PrivateLinkZone.OPENAI) or, for an AIServices account, privatelink.services.ai.azure.com, privatelink.openai.azure.com and privatelink.cognitiveservices.azure.com (PCHAT-AIS-001).",
  resourceTypes: ['azurerm_cognitive_account'],
}, (r, model) => privateEndpointProblem(model, r, {
  zonesBySubresource: { account: isAiServicesAccount(r) ? AI_SERVICES_ZONES : [PrivateLinkZone.OPENAI.zoneName] },
}), isOpenAiAccount);
