import { diagnosticSettingsOf, enabledLogs, resourceRule } from '../private/rule-kit';

const AUDIT = ['auditevent', 'audit', 'alllogs'];

/** Every secret read and every permission change is logged. */
export const KV_DIAGNOSTICS = resourceRule({
  id: 'PCHAT-KV-007',
  title: 'Key Vault: diagnostic setting with audit events',
  mapsTo: ['AzPol cf820ca0'],
  rationale: 'The audit log is the only record of who read which secret and when.',
  fix: "Add an azurerm_monitor_diagnostic_setting targeting the vault with enabled_log category 'AuditEvent' or category_group 'audit' (IMonitoring.addDiagnosticSetting with logCategoryGroups: ['audit']).",
  resourceTypes: ['azurerm_key_vault'],
}, (r, model) => {
  const settings = diagnosticSettingsOf(model, r);
  if (settings.some((d) => enabledLogs(d).some((l) => AUDIT.includes(l)))) return undefined;
  if (settings.length === 0) return 'no azurerm_monitor_diagnostic_setting targets it';
  return `diagnostic setting(s) ${settings.map((d) => `'${d.path}'`).join(', ')} enable no audit logs (category 'AuditEvent' or category_group 'audit'/'allLogs')`;
});
