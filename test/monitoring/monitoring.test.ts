import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { Monitoring, MonitoringProps } from '../../src/monitoring';
import { newStack, synth, synthJson } from '../util';

const ws = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/central';
const target = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1';

function build(props: Partial<MonitoringProps> = {}) {
  const stack = newStack();
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: 'rg', location: 'swedencentral', ...props });
  return { stack, monitoring };
}

describe('Monitoring', () => {
  test('creates a PerGB2018 workspace with 90 days retention, Entra-only access and no public ingestion', () => {
    const { stack } = build();
    expect(synth(stack)).toHaveResourceWithProperties(LogAnalyticsWorkspace, {
      sku: 'PerGB2018',
      retention_in_days: 90,
      local_authentication_enabled: false,
      internet_ingestion_enabled: false,
      internet_query_enabled: true,
      name: expect.stringMatching(/^log-monitoring-[0-9a-f]{6}$/),
    });
  });

  test('honours retention, quota and query access', () => {
    const { stack } = build({ retentionInDays: 365, dailyQuotaGb: 5, internetQueryEnabled: false });
    expect(synth(stack)).toHaveResourceWithProperties(LogAnalyticsWorkspace, {
      retention_in_days: 365, daily_quota_gb: 5, internet_query_enabled: false,
    });
  });

  test('adds a diagnostic setting to the workspace under the given scope', () => {
    const { stack, monitoring } = build();
    const owner = new Construct(stack, 'Owner');
    monitoring.addDiagnosticSetting(owner, 'Diagnostics', { targetResourceId: target, logCategories: ['AuditEvent'] });
    expect(synth(stack)).toHaveResourceWithProperties(MonitorDiagnosticSetting, {
      target_resource_id: target,
      log_analytics_workspace_id: `\${azurerm_log_analytics_workspace.${monitoring.workspace.friendlyUniqueId}.id}`,
      log_analytics_destination_type: 'Dedicated',
      enabled_log: [{ category: 'AuditEvent' }],
      enabled_metric: [{ category: 'AllMetrics' }],
    });
  });

  test('defaults to all logs, and honours category groups and metrics off', () => {
    const { stack, monitoring } = build();
    monitoring.addDiagnosticSetting(stack, 'All', { targetResourceId: target });
    monitoring.addDiagnosticSetting(stack, 'Audit', { targetResourceId: target, logCategoryGroups: ['audit'], metrics: false, name: 'audit' });
    const settings = Object.values(synthJson(stack).resource!.azurerm_monitor_diagnostic_setting) as any[];
    expect(settings.find((s) => s.name === 'to-log-analytics').enabled_log).toEqual([{ category_group: 'allLogs' }]);
    const audit = settings.find((s) => s.name === 'audit');
    expect(audit.enabled_log).toEqual([{ category_group: 'audit' }]);
    expect(audit.enabled_metric).toBeUndefined();
  });

  test('fails when a diagnostic setting would send nothing', () => {
    const { stack, monitoring } = build();
    expect(() => monitoring.addDiagnosticSetting(stack, 'Nothing', { targetResourceId: target, logCategories: [], metrics: false }))
      .toThrow(/diagnostic setting 'Nothing' for test sends nothing/);
  });

  test.each([
    ['retentionInDays', { retentionInDays: 7 }, /'retentionInDays' must be an integer between 30 and 730, got 7/],
    ['dailyQuotaGb', { dailyQuotaGb: 0 }, /'dailyQuotaGb' must be a positive number of GB, got 0/],
    ['name', { name: 'ab' }, /'name' must be 4-63 characters long for a Log Analytics workspace \(got 2\), got 'ab'/],
    ['location', { location: 'moon' }, /'location' must be an Azure region name/],
  ])('fails when %s is invalid', (_p, props, message) => {
    expect(() => build(props as Partial<MonitoringProps>)).toThrow(message);
  });
});

describe('Monitoring.fromWorkspaceId', () => {
  test('creates no workspace and sends diagnostics to the existing one', () => {
    const stack = newStack();
    const monitoring = Monitoring.fromWorkspaceId(stack, 'Central', ws);
    monitoring.addDiagnosticSetting(stack, 'Diagnostics', { targetResourceId: target });
    expect(synth(stack)).not.toHaveResource(LogAnalyticsWorkspace);
    expect(synth(stack)).toHaveResourceWithProperties(MonitorDiagnosticSetting, { log_analytics_workspace_id: ws });
  });

  test('a workspace in another subscription (a central one) receives the logs: the setting carries its id whole', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: '00000000-0000-0000-0000-000000000000' });
    const central = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-mgmt/providers/Microsoft.OperationalInsights/workspaces/central';
    Monitoring.fromWorkspaceId(stack, 'Central', central).addDiagnosticSetting(stack, 'Diagnostics', { targetResourceId: target });
    expect(synth(stack)).toHaveResourceWithProperties(MonitorDiagnosticSetting, { log_analytics_workspace_id: central, target_resource_id: target });
  });

  test('fails when the id is not a workspace id', () => {
    const stack = newStack();
    expect(() => Monitoring.fromWorkspaceId(stack, 'Central', target)).toThrow(/'workspaceId' must be the id of a Microsoft.OperationalInsights\/workspaces resource \(found Microsoft.KeyVault\/vaults\), got '.*vaults\/kv1'/);
  });
});
