import { expectBool, resourceRule } from '../private/rule-kit';

/**
 * The registry has no admin user: pulls authenticate with Entra ID (the app's managed identity
 * and `AcrPull`), never with the shared admin password.
 *
 * @see https://learn.microsoft.com/azure/container-registry/container-registry-authentication#admin-account
 */
export const ACR_ADMIN_USER = resourceRule({
  id: 'PCHAT-ACR-001',
  title: 'Container registry: admin user off',
  mapsTo: ['CKV_AZURE_137'],
  rationale: 'The admin user is one shared password with push and pull rights on every repository, outside Entra ID and its audit.',
  fix: 'Set admin_enabled = false (adminEnabled: false) and grant AcrPull to the identities that pull (RegistryMirror.grantPull).',
  resourceTypes: ['azurerm_container_registry'],
}, (r) => expectBool(r.config, 'admin_enabled', false));
