import { attr, resourceRule } from '../private/rule-kit';

/**
 * The history can be restored to a point in time after a mistaken delete or a corruption, and its
 * server logs reach the workspace. Checkov's CKV_AZURE_136 (and Azure Policy cee2f9fd) want
 * geo-redundant backups on; they copy conversations to the paired region and are fixed at
 * creation, so they stay an opt-in (`geoRedundantBackupEnabled`) and this rule does not demand them.
 *
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/PostgreSQLFlexiServerGeoBackupEnabled.py
 */
export const PG_BACKUPS = resourceRule({
  id: 'PCHAT-PG-002',
  title: 'PostgreSQL: point-in-time backups kept at least 7 days, and diagnostics on',
  mapsTo: ['CKV_AZURE_136 (geo-redundant backups: opt-in here, see docs/data-protection.md)', 'AzPol 78ed47da', 'SECURITY-BASELINE history stores'],
  rationale: 'Conversations are the one piece of user data the stack keeps; backups and logs are what an incident response needs.',
  fix: 'Set backup_retention_days between 7 and 35 (PostgresHistoryStore: backupRetentionDays, default 35) and send the server\'s logs to the workspace (monitoring).',
  resourceTypes: ['azurerm_postgresql_flexible_server'],
}, (r, model) => {
  const days = attr(r.config, 'backup_retention_days');
  const backups = typeof days === 'number' && days >= 7 ? undefined : `'backup_retention_days' must be set to 7-35, got ${days === undefined ? 'undefined' : JSON.stringify(days)}`;
  const logs = model.referencing(['azurerm_monitor_diagnostic_setting'], r, (d) => [d.config.target_resource_id]).length > 0
    ? undefined : 'no azurerm_monitor_diagnostic_setting targets it';
  return [backups, logs];
});
