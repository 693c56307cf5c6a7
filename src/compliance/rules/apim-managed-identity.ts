import { expectIdentity, resourceRule } from '../private/rule-kit';

/**
 * The gateway has a managed identity, with which it authenticates to every backend
 * (`authentication-managed-identity`), so that no backend key exists anywhere.
 *
 * @see https://learn.microsoft.com/azure/api-management/api-management-howto-use-managed-service-identity
 */
export const APIM_MANAGED_IDENTITY = resourceRule({
  id: 'PCHAT-APIM-005',
  title: 'AI gateway: managed identity',
  mapsTo: ['SECURITY-BASELINE AI gateway'],
  rationale: 'Without an identity the gateway could only call the model accounts with keys, and key authentication stays off on them.',
  fix: 'Set identity { type = "SystemAssigned" } (or UserAssigned with identity_ids) and grant it use of each account (AiGateway does both).',
  resourceTypes: ['azurerm_api_management'],
}, (r) => expectIdentity(r.config));
