// PrivateChat's conversation history: on by default for Open WebUI, with its options passed through.
import { ChatFrontEnd, Encryption, PrivateChat, PrivateChatProps } from '../../src';
import { newStack, resourcesOf, synthJson } from '../util';

function chat(props: Partial<PrivateChatProps> = {}) {
  const stack = newStack();
  const made = new PrivateChat(stack, 'chat', { location: 'swedencentral', ...props });
  return { stack, chat: made, json: () => synthJson(stack) };
}
const servers = (json: any) => Object.values(resourcesOf(json, 'azurerm_postgresql_flexible_server')) as any[];

describe('PrivateChat history', () => {
  test('options reach the store: retention, SKU, backups, name, and the stack key', () => {
    const { json, chat: made } = chat({
      history: { retentionDays: 30, skuName: 'GP_Standard_D2ds_v5', backupRetentionDays: 14 },
      names: { historyServer: 'psql-contoso-chat' },
      encryption: Encryption.customerManagedKey(),
    });
    const out = json();
    expect(servers(out)).toEqual([expect.objectContaining({ name: 'psql-contoso-chat', sku_name: 'GP_Standard_D2ds_v5', backup_retention_days: 14 })]);
    expect(servers(out)[0].customer_managed_key.key_vault_key_id).toMatch(/\/keys\/\$\{azapi_resource\.[\w-]+\.name\}$/);
    expect(made.history!.retentionDays).toBe(30);
    // The retention job is scheduled by Open WebUI at its start, inside the VNet: nothing runs from the applying machine.
    expect(Object.keys(resourcesOf(out, 'terraform_data')).filter((k) => !/_Value_[0-9A-F]{8}$/.test(k))).toEqual([]);
    const app = Object.values(resourcesOf(out, 'azurerm_linux_web_app'))[0] as any;
    // The app's own login is set up first (issue 22), then the retention job is scheduled.
    const statements = JSON.parse(app.app_settings.PCHAT_DB_SETUP_STATEMENTS) as string[];
    expect(statements).toEqual(made.history!.setupStatements);
    expect(statements.slice(-2)).toEqual(['CREATE EXTENSION IF NOT EXISTS pg_cron', made.history!.retentionJobSql]);
    expect(statements.slice(0, -2).join('\n')).toMatch(/CREATE ROLE %I WITH LOGIN NOCREATEDB NOCREATEROLE PASSWORD %L', 'openwebui_app'/);
    expect(app.site_config.app_command_line).toMatch(/^python3 -c "/);
  });

  test('enabled: false keeps no store (a trial): no server, no postgres zone, no DATABASE_URL', () => {
    const { json, chat: made } = chat({ history: { enabled: false } });
    const out = json();
    expect(servers(out)).toEqual([]);
    expect(made.history).toBeUndefined();
    expect(Object.values(resourcesOf(out, 'azurerm_private_dns_zone')).map((z: any) => z.name)).not.toContain('privatelink.postgres.database.azure.com');
    expect((Object.values(resourcesOf(out, 'azurerm_linux_web_app'))[0] as any).app_settings.DATABASE_URL).toBeUndefined();
  });

  test('the sample app keeps no history in a store, so none is created', () => {
    const { json } = chat({ frontEnd: ChatFrontEnd.sampleChatApp() });
    expect(servers(json())).toEqual([]);
  });

  test('fails on history options for a front end without a store, and on options of a disabled store', () => {
    expect(() => chat({ frontEnd: ChatFrontEnd.sampleChatApp(), history: { retentionDays: 30 } }))
      .toThrow(/^PrivateChat 'test\/chat': 'history' must be left out \(or \{ enabled: false \}\) for a front end that keeps no history in a store/);
    expect(() => chat({ history: { enabled: false, retentionDays: 30 } }))
      .toThrow(/'history.enabled' is false, so no store is created and its other options do nothing; remove them, got 'history.retentionDays'/);
  });

  test('fails on retention outside the store\'s range, naming the store\'s prop', () => {
    expect(() => chat({ history: { retentionDays: 0 } })).toThrow(/PostgresHistoryStore 'test\/chat\/History': 'retentionDays' must be an integer between 1 and 3650, got 0/);
    expect(() => chat({ history: { retention: 30 } as never })).toThrow(/'history.retention' is not a known prop/);
  });
});
