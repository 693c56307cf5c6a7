// The rules that hold the history store: TLS and backups (PCHAT-PG-*), and the generic rules it is
// held to as well (public access, private endpoint, prevent_destroy), each passing on a
// PostgresHistoryStore and failing when one setting is broken.
import { TerraformStack } from 'cdktf';
import { Compliance, ComplianceFinding, PostgresHistoryStore } from '../../src';
import { historyStore } from '../validation/catalogue/history';

const RULES = ['PCHAT-PG-001', 'PCHAT-PG-002', 'PCHAT-ISO-001', 'PCHAT-ISO-002', 'PCHAT-LIFE-001'];

/** Findings of these rules only, on the history store's resources. */
function failures(stack: TerraformStack): ComplianceFinding[] {
  return Compliance.report(stack).failures.filter((f) => RULES.includes(f.ruleId));
}

const parameter = (store: PostgresHistoryStore, name: string) => store.configurations.find((c) => c.node.id === `Parameter-${name.replace(/[^A-Za-z0-9]+/g, '-')}`)!;

describe('history store rules', () => {
  test('are in the pack with the checks they stand for', () => {
    const rules = Compliance.rules().filter((r) => r.id.startsWith('PCHAT-PG-'));
    expect(rules.map((r) => [r.id, r.resourceTypes])).toEqual([
      ['PCHAT-PG-001', ['azurerm_postgresql_flexible_server']],
      ['PCHAT-PG-002', ['azurerm_postgresql_flexible_server']],
    ]);
    expect(Compliance.rules().find((r) => r.id === 'PCHAT-LIFE-001')!.resourceTypes).toContain('azurerm_postgresql_flexible_server');
  });

  test('a PostgresHistoryStore passes them all, with and without retention', () => {
    for (const props of [{}, { retentionDays: 30 }]) {
      const store = historyStore(props);
      expect(failures(TerraformStack.of(store))).toEqual([]);
    }
  });

  test.each<[string, string, (s: PostgresHistoryStore) => void, string]>([
    ['PCHAT-PG-001', 'TLS 1.1 is allowed', (s) => { parameter(s, 'ssl_min_protocol_version').value = 'TLSv1.1'; }, "'ssl_min_protocol_version' must be 'TLSv1.2', got 'TLSv1.1'"],
    ['PCHAT-PG-001', 'secure transport is off', (s) => { parameter(s, 'require_secure_transport').value = 'off'; }, "'require_secure_transport' must be 'on', got 'off'"],
    ['PCHAT-PG-002', 'backups are kept 1 day', (s) => { s.resource.backupRetentionDays = 1; }, "'backup_retention_days' must be set to 7-35, got 1"],
    ['PCHAT-ISO-001', 'public network access is on', (s) => { s.resource.publicNetworkAccessEnabled = true; }, "'public_network_access_enabled' must be false, got true"],
    ['PCHAT-LIFE-001', 'prevent_destroy is off', (s) => { s.resource.lifecycle = { preventDestroy: false }; }, "'lifecycle.prevent_destroy' must be true, got false"],
  ])('%s fails when %s', (id, _, breakIt, problem) => {
    const store = historyStore();
    breakIt(store);
    const found = failures(TerraformStack.of(store));
    expect(found.map((f) => [f.ruleId, f.constructPath])).toEqual([[id, 'test/History/Resource']]);
    expect(found[0].problem).toContain(problem);
  });

  test('PCHAT-PG-002 fails without diagnostics (no monitoring given)', () => {
    const store = historyStore({ monitoring: undefined });
    expect(failures(TerraformStack.of(store)).map((f) => [f.ruleId, f.problem])).toEqual([
      ['PCHAT-PG-002', 'no azurerm_monitor_diagnostic_setting targets it'],
    ]);
  });

  test('PCHAT-ISO-002 fails when the endpoint connects to another subresource', () => {
    const store = historyStore();
    store.privateEndpoint.resource.putPrivateServiceConnection({
      name: 'history', privateConnectionResourceId: store.serverId, subresourceNames: ['sqlServer'], isManualConnection: false,
    });
    const found = failures(TerraformStack.of(store));
    expect(found.map((f) => f.ruleId)).toEqual(['PCHAT-ISO-002']);
    expect(found[0].problem).toContain('connects to subresource ["sqlServer"], expected \'postgresqlServer\'');
  });

  test('preventDestroy: false is a finding until it is acknowledged', () => {
    const store = historyStore({ preventDestroy: false });
    expect(failures(TerraformStack.of(store)).map((f) => f.ruleId)).toEqual(['PCHAT-LIFE-001']);
    Compliance.acknowledge(store, 'PCHAT-LIFE-001', 'throwaway test environment');
    expect(failures(TerraformStack.of(store))).toEqual([]);
  });
});
