import { diagnosticSettingsOf, enabledLogs, isOpenAiAccount, resourceRule } from '../private/rule-kit';

/**
 * The model account's audit, request and usage logs land in Log Analytics. Any enabled log passes:
 * both kinds log the same categories (Audit, RequestResponse, AzureOpenAIRequestUsage), and the
 * rule names none of them, so it holds for OpenAI and AIServices accounts alike.
 */
export const OAI_DIAGNOSTICS = resourceRule({
  id: 'PCHAT-OAI-007',
  title: 'Model account (OpenAI or AIServices): diagnostic setting to Log Analytics',
  mapsTo: ['AzPol 1b4d1c4e'],
  rationale: 'Without resource logs nobody can tell who called the model, how often, or whether the content filter fired.',
  fix: 'Add an azurerm_monitor_diagnostic_setting targeting the account with log_analytics_workspace_id and at least one enabled_log, e.g. Audit, RequestResponse and AzureOpenAIRequestUsage (IMonitoring.addDiagnosticSetting).',
  resourceTypes: ['azurerm_cognitive_account'],
}, (r, model) => {
  const settings = diagnosticSettingsOf(model, r);
  if (settings.some((d) => typeof d.config.log_analytics_workspace_id === 'string' && enabledLogs(d).length > 0)) return undefined;
  if (settings.length === 0) return 'no azurerm_monitor_diagnostic_setting targets it';
  return `diagnostic setting(s) ${settings.map((d) => `'${d.path}'`).join(', ')} send no logs to a Log Analytics workspace (log_analytics_workspace_id and enabled_log are required)`;
}, isOpenAiAccount);
