import { Construct } from 'constructs';
import { Monitoring, MonitoringProps } from '../../src/monitoring';
import { newStack, synth } from '../util';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const WS = `${SUB}/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/log-central`;
const VAULT = `${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1`;

function monitoring(props: Partial<MonitoringProps> | Record<string, unknown> = {}) {
  return new Monitoring(newStack(), 'Monitoring', { resourceGroupName: 'rg', location: 'swedencentral', ...props } as MonitoringProps);
}

describe('Monitoring: JavaScript types at the boundary', () => {
  test.each([
    ['retentionInDays is a string', { retentionInDays: '90' }, /'retentionInDays' must be a finite number, got '90'/],
    ['internetQueryEnabled is a string', { internetQueryEnabled: 'false' }, /'internetQueryEnabled' must be true or false/],
    ['dailyQuotaGb is NaN', { dailyQuotaGb: NaN }, /'dailyQuotaGb' must be a finite number, got NaN/],
    ['location is null', { location: null }, /'location' must be a string/],
    ['location has a trailing tab', { location: 'swedencentral\t' }, /'location' must not start or end with whitespace/],
    ['a tag value is too long', { tags: { note: 'x'.repeat(257) } }, /'tags.note' must be at most 256 characters/],
  ])('fails when %s', (_n, props, expected) => {
    expect(() => monitoring(props)).toThrow(expected);
  });

  test('accepts a region in display form and a Unicode resource group', () => {
    expect(() => synth(newStack())).not.toThrow();
    const m = monitoring({ location: 'Sweden Central', resourceGroupName: 'rg-überwachung' });
    expect(m.workspaceName).toMatch(/^log-monitoring-/);
  });
});

describe('Monitoring.fromWorkspaceId', () => {
  test.each([
    ['a Log Analytics cluster', `${SUB}/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/clusters/cl`, /'workspaceId' must be the id of a Microsoft.OperationalInsights\/workspaces resource \(found Microsoft.OperationalInsights\/clusters\)/],
    ['a query pack', `${SUB}/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/queryPacks/qp`, /found Microsoft.OperationalInsights\/queryPacks/],
    ['a workspace child resource', `${WS}/tables/AppLogs`, /found Microsoft.OperationalInsights\/workspaces\/tables/],
    ['a workspace (customer) GUID', '11111111-2222-3333-4444-555555555555', /'workspaceId' must be an Azure resource id/],
    ['an id with an empty segment', `${SUB}/resourceGroups//providers/Microsoft.OperationalInsights/workspaces/w`, /'workspaceId' must be an Azure resource id/],
    ['undefined', undefined, /'workspaceId' is required/],
    ['a number', 7, /'workspaceId' must be a string, got 7/],
  ])('fails when the id is %s', (_n, value, expected) => {
    expect(() => Monitoring.fromWorkspaceId(newStack(), 'Central', value as any)).toThrow(expected);
  });
});

describe('Monitoring.addDiagnosticSetting', () => {
  function add(options: Record<string, unknown>, id = 'Logs') {
    const m = monitoring();
    const target = new Construct(m.node.scope!, 'Target');
    return { m, target, setting: m.addDiagnosticSetting(target, id, { targetResourceId: VAULT, ...options } as any) };
  }

  test.each([
    ['a name with a slash', { name: 'logs/vault' }, /'addDiagnosticSetting\(Logs\).name' must not contain .*'\/'.*, got 'logs\/vault'/],
    ['a name with a colon', { name: 'logs:vault' }, /'addDiagnosticSetting\(Logs\).name' must not contain/],
    ['a name with a question mark', { name: 'logs?' }, /'addDiagnosticSetting\(Logs\).name' must not contain/],
    ['an empty name', { name: '' }, /'addDiagnosticSetting\(Logs\).name' must be 1-260 characters/],
    ['a name too long', { name: 'x'.repeat(261) }, /'addDiagnosticSetting\(Logs\).name' must be 1-260 characters/],
    ['a padded name', { name: ' logs' }, /'addDiagnosticSetting\(Logs\).name' must not start or end with whitespace/],
    ['metrics as a string', { metrics: 'false' }, /'addDiagnosticSetting\(Logs\).metrics' must be true or false/],
    ['categories holding undefined', { logCategories: ['Audit', undefined] }, /'addDiagnosticSetting\(Logs\).logCategories\[1\]' must be a string/],
    ['a repeated category', { logCategories: ['Audit', 'audit'] }, /'addDiagnosticSetting\(Logs\).logCategories\[1\]' must not repeat a category, got 'audit'/],
    ['a blank category group', { logCategoryGroups: [' '] }, /'addDiagnosticSetting\(Logs\).logCategoryGroups\[0\]' must not be empty/],
    ['a misspelt option', { logCategory: ['Audit'] }, /'addDiagnosticSetting\(Logs\).logCategory' is not a known prop/],
  ])('fails on %s', (_n, options, expected) => {
    expect(() => add(options)).toThrow(expected);
  });

  test('fails when options are missing', () => {
    const m = monitoring();
    expect(() => m.addDiagnosticSetting(m, 'Logs', undefined as any)).toThrow(/'addDiagnosticSetting\(Logs\).targetResourceId' is required/);
  });

  test('fails when the scope is not a construct', () => {
    const m = monitoring();
    expect(() => m.addDiagnosticSetting('stack' as any, 'Logs', { targetResourceId: VAULT })).toThrow(/'addDiagnosticSetting.scope' must be a construct/);
  });

  test('fails with a named error when the id is taken under the scope', () => {
    const { m, target } = add({});
    expect(() => m.addDiagnosticSetting(target, 'Logs', { targetResourceId: VAULT, name: 'other' }))
      .toThrow(/'addDiagnosticSetting.id' must be unique under test\/Target: .*, got 'Logs'/);
  });

  test('fails when one target gets two settings of the same name (case-insensitively)', () => {
    const { m, target } = add({ name: 'to-la' });
    expect(() => m.addDiagnosticSetting(target, 'Again', { targetResourceId: VAULT, name: 'TO-LA' }))
      .toThrow(/'addDiagnosticSetting\(Again\).name' must be unique per target resource: diagnostic setting 'test\/Target\/Logs' already uses it .*, got 'TO-LA'/);
  });

  test('fails when a second workspace of the stack sends a same-named setting from the same target', () => {
    const { m, target } = add({});
    const central = Monitoring.fromWorkspaceId(m.node.scope as Construct, 'Central', WS);
    expect(() => central.addDiagnosticSetting(target, 'Central', { targetResourceId: VAULT }))
      .toThrow(/'addDiagnosticSetting\(Central\).name' must be unique per target resource/);
  });

  test('accepts the same name on different targets, and different names on one target', () => {
    const { m, target } = add({});
    expect(() => m.addDiagnosticSetting(target, 'Other', { targetResourceId: `${VAULT}2` })).not.toThrow();
    expect(() => m.addDiagnosticSetting(target, 'Second', { targetResourceId: VAULT, name: 'to-central' })).not.toThrow();
    expect(() => synth(m.node.scope as any)).not.toThrow();
  });
});
