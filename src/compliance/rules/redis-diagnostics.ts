import { diagnosticSettingsOf, enabledLogs, resourceRule } from '../private/rule-kit';

/**
 * Who connects to the shared Redis is logged: a diagnostic setting on its default database sends
 * `ConnectionEvents` (connections, authentications, failed ones included) to the workspace.
 *
 * @see https://learn.microsoft.com/azure/redis/monitor-diagnostic-settings
 */
export const REDIS_DIAGNOSTICS = resourceRule({
  id: 'PCHAT-REDIS-004',
  title: 'Redis: connection audit events sent to the workspace',
  mapsTo: ['SECURITY-BASELINE (diagnostics to Log Analytics)'],
  rationale: 'The access key is a shared credential: connection and authentication events are how an incident response finds who used it.',
  fix: "Add an azurerm_monitor_diagnostic_setting on the Redis's default database (default_database[0].id) with the ConnectionEvents category (PrivateRedisCache does when monitoring is given).",
  resourceTypes: ['azurerm_managed_redis'],
}, (r, model) => {
  const logged = diagnosticSettingsOf(model, r).some((d) => {
    const logs = enabledLogs(d);
    return logs.includes('connectionevents') || logs.includes('alllogs') || logs.includes('audit');
  });
  return logged ? undefined : 'no azurerm_monitor_diagnostic_setting sends its ConnectionEvents to a workspace';
});
