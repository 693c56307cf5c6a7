import { isPremiumRegistry } from './acr-export-policy';
import { expectBool, resourceRule } from '../private/rule-kit';

/**
 * Image layers come from the registry's own data endpoint (`<name>.<region>.data.azurecr.io`),
 * not a shared storage domain. Behind a private endpoint that name resolves through
 * `privatelink.azurecr.io`, where the endpoint registers it next to the login server.
 *
 * @see https://learn.microsoft.com/azure/container-registry/container-registry-dedicated-data-endpoints
 */
export const ACR_DATA_ENDPOINT = resourceRule({
  id: 'PCHAT-ACR-004',
  title: 'Container registry: dedicated data endpoints',
  mapsTo: ['CKV_AZURE_237'],
  rationale: 'Without dedicated data endpoints, layers come from a shared *.blob.core.windows.net domain that egress rules can only allow whole.',
  fix: 'Set data_endpoint_enabled = true (dataEndpointEnabled: true); it needs the Premium tier.',
  resourceTypes: ['azurerm_container_registry'],
}, (r) => expectBool(r.config, 'data_endpoint_enabled', true), isPremiumRegistry);
