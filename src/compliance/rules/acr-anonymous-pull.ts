import { expectBool, resourceRule } from '../private/rule-kit';

/**
 * Nobody pulls from the registry without signing in.
 *
 * @see https://learn.microsoft.com/azure/container-registry/anonymous-pull-access
 */
export const ACR_ANONYMOUS_PULL = resourceRule({
  id: 'PCHAT-ACR-002',
  title: 'Container registry: anonymous pull off',
  mapsTo: ['CKV_AZURE_138'],
  rationale: 'Anonymous pull lets anyone who reaches the registry read every image in it, with no identity in the logs.',
  fix: 'Set anonymous_pull_enabled = false (anonymousPullEnabled: false).',
  resourceTypes: ['azurerm_container_registry'],
}, (r) => expectBool(r.config, 'anonymous_pull_enabled', false));
