import { PrivateLinkZone } from '../../network/private-dns-zones';
import { privateEndpointProblem, resourceRule } from '../private/rule-kit';

/** The vault has a private endpoint on `vault`, resolved through the vaultcore privatelink zone. */
export const KV_PRIVATE_ENDPOINT = resourceRule({
  id: 'PCHAT-KV-006',
  title: 'Key Vault: private endpoint on vault with the vaultcore zone',
  mapsTo: ['CKV2_AZURE_32'],
  rationale: 'With public access off the private endpoint is the only way to the secrets, and the app finds it only through privatelink.vaultcore.azure.net.',
  fix: "Add an azurerm_private_endpoint whose private_service_connection targets the vault's id with subresource_names = [\"vault\"] and whose zone group holds privatelink.vaultcore.azure.net (ServicePrivateEndpoint with PrivateLinkZone.KEY_VAULT).",
  resourceTypes: ['azurerm_key_vault'],
}, (r, model) => privateEndpointProblem(model, r, { zonesBySubresource: { vault: [PrivateLinkZone.KEY_VAULT.zoneName] } }));
