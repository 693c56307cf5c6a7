// The private history store: PostgreSQL Flexible Server behind a private endpoint, its generated
// credential in the vault, retention, keys and the input it refuses.
import { PostgresqlFlexibleServer } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server';
import { Testing } from 'cdktf';
import {
  HighAvailabilityMode, HistoryStoreKind, Monitoring, PostgresHistoryStore, PostgresHistoryStoreProps, PrincipalType, PrivateDnsZones,
  PrivateKeyVault, PrivateLinkZone, PrivateNetwork, RetentionJobRunner,
} from '../../src';
import { Compliance } from '../../src/compliance';
import { openWebUiRetentionStatement } from '../../src/history/open-webui-retention';
import { newStack, resourcesOf, synthJson, warningsOf } from '../util';

const common = { resourceGroupName: 'rg-chat', location: 'swedencentral' };
const KEY = {
  keyId: 'https://kv-chat.vault.azure.net/keys/cmk',
  keyVaultId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-chat',
  identityId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk',
  identityClientId: '11111111-1111-1111-1111-111111111111',
  identityPrincipalId: '22222222-2222-2222-2222-222222222222',
  dependables: [],
};

function build(props: Partial<PostgresHistoryStoreProps> = {}) {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', common);
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: 'rg-chat', network, zones: [...PrivateLinkZone.all(), PrivateLinkZone.POSTGRESQL] });
  const monitoring = new Monitoring(stack, 'Monitoring', common);
  const vault = new PrivateKeyVault(stack, 'Vault', { ...common, network, dnsZones, monitoring });
  const store = new PostgresHistoryStore(stack, 'History', { ...common, network, dnsZones, vault, monitoring, ...props });
  return { stack, store, vault, dnsZones, json: () => synthJson(stack) };
}
/** The terraform_data resources other than the generated password's value holder. */
const retentionJobs = (json: any): [string, any][] => Object.entries(resourcesOf(json, 'terraform_data')).filter(([, v]) => (v as any).provisioner !== undefined);
const only = (json: any, type: string): [string, any] => {
  const all = Object.entries(resourcesOf(json, type));
  expect(all).toHaveLength(1);
  return all[0] as [string, any];
};

describe('PostgresHistoryStore', () => {
  test('a private flexible server: public access off, TLS, backups, password auth for the front end, prevent_destroy', () => {
    const { stack, store } = build();
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(PostgresqlFlexibleServer, {
      version: '17',
      sku_name: 'B_Standard_B2s',
      storage_mb: 32768,
      auto_grow_enabled: true,
      backup_retention_days: 35,
      geo_redundant_backup_enabled: false,
      public_network_access_enabled: false,
      administrator_login: 'chatadmin',
      // Open WebUI signs in with a password; administrators with Entra, which is on even without one.
      authentication: { password_auth_enabled: true, active_directory_auth_enabled: true, tenant_id: '${data.azurerm_client_config.AzurermClientConfig.tenant_id}' },
      lifecycle: { prevent_destroy: true, ignore_changes: ['zone', 'high_availability[0].standby_availability_zone'] },
    });
    expect(store.historyStoreKind).toBe(HistoryStoreKind.POSTGRESQL);
    expect(store.databaseName).toBe('openwebui');
  });

  test('the password is generated once by Terraform into the vault and never appears in clear', () => {
    const { json } = build();
    const out = json();
    expect(resourcesOf(out, 'azurerm_key_vault_secret')).toEqual({});
    const secrets = Object.entries(resourcesOf(out, 'azapi_resource')) as [string, any][];
    const [, pass] = secrets.find(([k]) => k.includes('HistoryPassword'))!;
    const [holderName, holder] = Object.entries(resourcesOf(out, 'terraform_data')).find(([k]) => k.includes('HistoryPassword'))!;
    expect(holder).toEqual({ input: '${sensitive(join("", [uuid(), uuid()]))}', lifecycle: { ignore_changes: ['input'] } });
    const password = `\${terraform_data.${holderName}.output}`;
    expect(pass).toMatchObject({ sensitive_body: { properties: { value: password } }, body: { properties: { contentType: 'postgresql-password' } } });
    // One explicit, long lifetime for both secrets, from a time_offset of the store (not the vault's one-year default).
    const [offsetName, offset] = only(out, 'time_offset');
    expect(offset).toMatchObject({ offset_days: 1825 });
    expect(pass.body.properties.attributes.exp).toBe(`\${provider::time::rfc3339_parse(time_offset.${offsetName}.rfc3339).unix}`);
    const [, server] = only(out, 'azurerm_postgresql_flexible_server');
    expect(server.administrator_password).toBe(password);
    // DATABASE_URL names the app's own login with its own generated password; the administrator's
    // URL is a secret of its own, for the setup only.
    const [appHolderName, appHolder] = Object.entries(resourcesOf(out, 'terraform_data')).find(([k]) => k.includes('HistoryAppPassword'))! as [string, any];
    expect(appHolder).toEqual(holder);
    const appPassword = `\${terraform_data.${appHolderName}.output}`;
    const [, appPass] = secrets.find(([k]) => k.includes('HistoryAppPassword'))!;
    expect(appPass).toMatchObject({ sensitive_body: { properties: { value: appPassword } }, body: { properties: { contentType: 'postgresql-password' } } });
    const [, url] = secrets.find(([k]) => k.includes('HistoryUrl'))!;
    expect(url.body.properties.contentType).toBe('database-url');
    expect(url.sensitive_body.properties.value).toBe(`postgresql://openwebui_app:${appPassword}@${server.name}.postgres.database.azure.com:5432/openwebui?sslmode=require`);
    const [, adminUrl] = secrets.find(([k]) => k.includes('HistoryAdminUrl'))!;
    expect(adminUrl.sensitive_body.properties.value).toBe(`postgresql://chatadmin:${password}@${server.name}.postgres.database.azure.com:5432/openwebui?sslmode=require`);
    expect(adminUrl.body.properties.attributes.exp).toBe(pass.body.properties.attributes.exp);
    expect(url.body.properties.attributes.exp).toBe(pass.body.properties.attributes.exp);
    const [dbName] = only(out, 'azurerm_postgresql_flexible_server_database');
    expect(url.depends_on).toEqual(expect.arrayContaining([`azurerm_postgresql_flexible_server_database.${dbName}`]));
    expect(JSON.stringify(out)).not.toMatch(/random_/);
  });

  test('the front end reads the URL as a Key Vault reference', () => {
    const { store, json } = build();
    const urlName = Object.keys(resourcesOf(json(), 'azapi_resource')).find((k) => k.includes('HistoryUrl'));
    expect(JSON.stringify(json())).toContain(urlName!);
    expect(store.connectionUrlReference).toMatch(/^@Microsoft\.KeyVault\(SecretUri=.*\/secrets\/\$\{TfToken\[TOKEN\.\d+\]\}\)$/);
  });

  test('one private endpoint on postgresqlServer in the postgres privatelink zone', () => {
    const { json } = build();
    const out = json();
    const [serverName] = only(out, 'azurerm_postgresql_flexible_server');
    const endpoints = Object.values(resourcesOf(out, 'azurerm_private_endpoint')).filter((e: any) => e.private_service_connection.subresource_names[0] === 'postgresqlServer') as any[];
    expect(endpoints).toHaveLength(1);
    expect(endpoints[0].private_service_connection.private_connection_resource_id).toBe(`\${azurerm_postgresql_flexible_server.${serverName}.id}`);
    const zone = Object.entries(resourcesOf(out, 'azurerm_private_dns_zone')).find(([, z]: [string, any]) => z.name === 'privatelink.postgres.database.azure.com')!;
    expect(endpoints[0].private_dns_zone_group.private_dns_zone_ids).toEqual([`\${azurerm_private_dns_zone.${zone[0]}.id}`]);
  });

  test('the database keeps prevent_destroy; server parameters are applied one after another', () => {
    const { json, store } = build();
    const out = json();
    const [dbName, db] = only(out, 'azurerm_postgresql_flexible_server_database');
    expect(db).toMatchObject({ name: 'openwebui', charset: 'UTF8', lifecycle: { prevent_destroy: true } });
    const params = store.configurations.map((c) => (resourcesOf(out, 'azurerm_postgresql_flexible_server_configuration') as any)[c.friendlyUniqueId]);
    expect(params.map((p: any) => [p.name, p.value])).toEqual([
      ['require_secure_transport', 'on'], ['ssl_min_protocol_version', 'TLSv1.2'], ['log_connections', 'on'], ['log_disconnections', 'on'],
      ['log_checkpoints', 'on'], ['connection_throttle.enable', 'on'], ['azure.extensions', 'VECTOR'],
    ]);
    // pgvector is allow-listed whatever the retention, under the one address the parameter always had.
    expect(store.configurations.at(-1)!.node.id).toBe('Parameter-azure-extensions');
    expect(store.vectorExtension).toBe(true);
    expect(store.setupStatements).toContain('CREATE EXTENSION IF NOT EXISTS vector');
    expect(params[0].depends_on).toEqual([`azurerm_postgresql_flexible_server_database.${dbName}`]);
    for (let i = 1; i < params.length; i++) {
      expect(params[i].depends_on).toEqual([`azurerm_postgresql_flexible_server_configuration.${store.configurations[i - 1].friendlyUniqueId}`]);
    }
  });

  test('diagnostics go to the workspace', () => {
    const out = build().json();
    const setting = Object.values(resourcesOf(out, 'azurerm_monitor_diagnostic_setting')).find((d: any) => d.target_resource_id.includes('postgresql')) as any;
    expect(setting.enabled_log.map((l: any) => l.category)).toEqual(['PostgreSQLLogs', 'PostgreSQLFlexSessions']);
  });

  test('retentionDays: pg_cron on, and by default the job is a setup statement the front end runs, with nothing run by the apply', () => {
    const { json, store } = build({ retentionDays: 30 });
    const out = json();
    const params = Object.values(resourcesOf(out, 'azurerm_postgresql_flexible_server_configuration')).map((p: any) => [p.name, p.value]);
    expect(params).toEqual(expect.arrayContaining([['azure.extensions', 'PG_CRON,VECTOR'], ['shared_preload_libraries', 'pg_cron,pg_stat_statements'], ['cron.database_name', 'openwebui']]));
    expect(params.filter(([name]) => name === 'azure.extensions')).toHaveLength(1);
    expect(store.setupStatements!.slice(-2)).toEqual(['CREATE EXTENSION IF NOT EXISTS pg_cron', store.retentionJobSql]);
    expect(retentionJobs(out)).toEqual([]);
  });

  test('retentionJobRunner APPLYING_MACHINE: a daily job scheduled once with psql from the applying machine', () => {
    const { json, store } = build({ retentionDays: 30, retentionJobRunner: RetentionJobRunner.APPLYING_MACHINE });
    const out = json();
    const params = Object.values(resourcesOf(out, 'azurerm_postgresql_flexible_server_configuration')).map((p: any) => [p.name, p.value]);
    expect(params).toEqual(expect.arrayContaining([['azure.extensions', 'PG_CRON,VECTOR'], ['shared_preload_libraries', 'pg_cron,pg_stat_statements'], ['cron.database_name', 'openwebui']]));
    expect(store.retentionJobSql).toBe(`SELECT cron.schedule('chat-retention', '17 3 * * *', $$${PostgresHistoryStore.openWebUiRetentionStatement(30)}$$)`);
    const [, job] = retentionJobs(out)[0];
    expect(job.triggers_replace).toEqual({ statement: store.retentionJobSql });
    // The statement travels in the environment: no shell quoting of the SQL.
    expect(job.provisioner[0]['local-exec'].command).toBe('psql -v ON_ERROR_STOP=1 -c "CREATE EXTENSION IF NOT EXISTS pg_cron" -c "$PGCHAT_RETENTION_JOB"');
    expect(job.provisioner[0]['local-exec'].environment).toMatchObject({
      PGDATABASE: 'openwebui', PGUSER: 'chatadmin', PGSSLMODE: 'require', PGPORT: '5432', PGCHAT_RETENTION_JOB: store.retentionJobSql,
    });
    expect(job.provisioner[0]['local-exec'].environment.PGPASSWORD).toMatch(/^\$\{terraform_data\..*HistoryPassword.*\.output\}$/);
    expect(job.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^azurerm_private_endpoint\./), expect.stringMatching(/^azurerm_postgresql_flexible_server_configuration\./)]));
  });

  test("Open WebUI's statement is one command over the v0.11.4 tables (proven on PostgreSQL in retention.pg.test.ts)", () => {
    const sql = PostgresHistoryStore.openWebUiRetentionStatement(90);
    expect(sql).toBe(openWebUiRetentionStatement(90));
    // One command that cron.schedule can wrap in dollar quotes.
    expect(sql).not.toContain('$$');
    expect(sql).not.toContain(';');
    expect(sql).toMatch(/^WITH cutoff AS \(SELECT extract\(epoch FROM now\(\) - interval '90 days'\)::bigint AS t\), /);
    expect(sql).toMatch(/, chats AS \(DELETE FROM chat WHERE id IN \(SELECT id FROM target\) RETURNING id\) /);
    // The vectors of the deleted files and memories go in the same command, through the setup's function.
    expect(sql).toMatch(/ SELECT pchat\.delete_vectors\(ARRAY\(SELECT id FROM files\), ARRAY\(SELECT id FROM memories\)\)$/);
    expect(sql).toContain("queued AS (INSERT INTO pchat.blob_purge_queue (file_id, path) SELECT id, path FROM files WHERE path LIKE 'https://%' RETURNING id)");
    const touched = [...sql.matchAll(/(?:DELETE FROM|UPDATE|INSERT INTO) ([\w.]+)/g)].map((m) => m[1]);
    expect([...new Set(touched)].sort()).toEqual([
      'access_grant', 'automation_run', 'chat', 'chat_message', 'feedback', 'file', 'memory', 'pchat.blob_purge_queue', 'shared_chat', 'tag',
    ]);
    expect(() => PostgresHistoryStore.openWebUiRetentionStatement(0))
      .toThrow(/^PostgresHistoryStore.openWebUiRetentionStatement: 'days' must be an integer between 1 and 3650, got 0$/);
    expect(() => openWebUiRetentionStatement(3651))
      .toThrow(/^PostgresHistoryStore.openWebUiRetentionStatement: 'days' must be an integer between 1 and 3650, got 3651$/);
  });

  test('a custom statement reaches Terraform escaped, and reaches psql unchanged', () => {
    const statement = 'DELETE FROM "user_log" WHERE note = \'${x} %{y}\'';
    const { json, store } = build({ retentionDays: 7, retentionStatement: statement, retentionJobRunner: RetentionJobRunner.APPLYING_MACHINE });
    const [, job] = retentionJobs(json())[0];
    expect(store.retentionJobSql).toContain(statement);
    expect(job.provisioner[0]['local-exec'].environment.PGCHAT_RETENTION_JOB).toContain('\'$${x} %%{y}\'');
    expect(job.triggers_replace.statement).toContain('$${x}');
  });

  test('scheduleRetentionJob: false keeps pg_cron on and the statement, without the job', () => {
    const { json, store } = build({ retentionDays: 30, scheduleRetentionJob: false });
    const out = json();
    expect(retentionJobs(out)).toEqual([]);
    expect(store.retentionJobSql).toContain('cron.schedule');
    expect(Object.values(resourcesOf(out, 'azurerm_postgresql_flexible_server_configuration')).map((p: any) => p.name)).toContain('shared_preload_libraries');
  });

  test('PostgreSQL 17 and older also get connection throttling; 11-13 warn about extended support', () => {
    const { json } = build({ version: '17' });
    expect(Object.values(resourcesOf(json(), 'azurerm_postgresql_flexible_server_configuration')).map((p: any) => [p.name, p.value]))
      .toContainEqual(['connection_throttle.enable', 'on']);
    const admin = { objectId: '33333333-3333-3333-3333-333333333333', principalName: 'chat-dbas' };
    expect(warningsOf(build({ version: '17', entraAdministrator: admin }).store)).toEqual([]);
    expect(warningsOf(build({ version: '13' }).store).join('\n')).toMatch(/'version' is '13', whose Azure standard support ended on 2026-07-31/);
  });

  test('secretLifetimeDays sets the lifetime of both secrets', () => {
    const [, offset] = only(build({ secretLifetimeDays: 365 }).json(), 'time_offset');
    expect(offset.offset_days).toBe(365);
  });

  test('no retention: no job, pg_cron untouched', () => {
    const { json, store } = build();
    expect(retentionJobs(json())).toEqual([]);
    expect(store.retentionJobSql).toBeUndefined();
  });

  test('a customer-managed key encrypts the server after the key grant', () => {
    const [, server] = only(build({ customerManagedKey: KEY }).json(), 'azurerm_postgresql_flexible_server');
    expect(server.identity).toEqual({ type: 'UserAssigned', identity_ids: [KEY.identityId] });
    expect(server.customer_managed_key).toEqual({ key_vault_key_id: KEY.keyId, primary_user_assigned_identity_id: KEY.identityId });
  });

  test('options: SKU, HA, geo backups, Entra administrator', () => {
    const out = build({
      skuName: 'GP_Standard_D2ds_v5',
      highAvailability: HighAvailabilityMode.ZONE_REDUNDANT,
      geoRedundantBackupEnabled: true,
      backupRetentionDays: 7,
      entraAdministrator: { objectId: '33333333-3333-3333-3333-333333333333', principalName: 'chat-dbas' },
    }).json();
    const [serverName, server] = only(out, 'azurerm_postgresql_flexible_server');
    expect(server).toMatchObject({ sku_name: 'GP_Standard_D2ds_v5', high_availability: { mode: 'ZoneRedundant' }, geo_redundant_backup_enabled: true, backup_retention_days: 7 });
    expect(server.authentication.active_directory_auth_enabled).toBe(true);
    const [, admin] = only(out, 'azurerm_postgresql_flexible_server_active_directory_administrator');
    expect(admin).toMatchObject({ object_id: '33333333-3333-3333-3333-333333333333', principal_name: 'chat-dbas', principal_type: PrincipalType.GROUP });
    expect(admin.depends_on).toEqual([`azurerm_postgresql_flexible_server.${serverName}`]);
  });

  test('Entra authentication is on without an administrator, with a warning that names the way out', () => {
    const { stack, store } = build();
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(PostgresqlFlexibleServer, {
      authentication: { password_auth_enabled: true, active_directory_auth_enabled: true, tenant_id: '${data.azurerm_client_config.AzurermClientConfig.tenant_id}' },
    });
    expect(resourcesOf(synthJson(stack), 'azurerm_postgresql_flexible_server_active_directory_administrator')).toEqual({});
    expect(warningsOf(store)).toContainEqual(
      "PostgresHistoryStore 'test/History': 'entraAdministrator' is not set, so administrators sign in with the shared administrator password from the vault, "
      + "not as themselves: set it to your operators' Entra group (objectId, principalName: the group's display name) [history-no-entra-administrator]",
    );
    const withAdmin = build({ entraAdministrator: { objectId: '33333333-3333-3333-3333-333333333333', principalName: 'chat-dbas' } });
    Testing.synth(withAdmin.stack, true);
    expect(warningsOf(withAdmin.store).filter((w) => w.includes('history-no-entra-administrator'))).toEqual([]);
  });

  test('the app login defaults to openwebui_app and can be renamed', () => {
    expect(build().store.appLogin).toBe('openwebui_app');
    const { store, json } = build({ appLogin: 'chat_app' });
    expect(store.appLogin).toBe('chat_app');
    const url = (Object.entries(resourcesOf(json(), 'azapi_resource')) as [string, any][]).find(([k]) => k.includes('HistoryUrl'))![1];
    expect(url.sensitive_body.properties.value).toMatch(/^postgresql:\/\/chat_app:/);
  });

  test('passes the rule pack and the provider schemas', () => {
    const { stack } = build({ retentionDays: 30 });
    expect(Compliance.report(stack).failures).toEqual([]);
    Compliance.applyTo(stack);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test.each([
    ['retention outside the range', { retentionDays: 0 }, /^PostgresHistoryStore 'test\/History': 'retentionDays' must be an integer between 1 and 3650, got 0$/],
    ['retention too long', { retentionDays: 3651 }, /'retentionDays' must be an integer between 1 and 3650, got 3651/],
    ['backups too short', { backupRetentionDays: 3 }, /'backupRetentionDays' must be an integer between 7 and 35, got 3/],
    ['a version azurerm 4.55 refuses', { version: '10' }, /'version' must be one of '11', '12', '13', '14', '15', '16', '17', '18', got '10'/],
    ['secrets valid 0 days', { secretLifetimeDays: 0 }, /'secretLifetimeDays' must be an integer between 1 and 36500, got 0/],
    ['scheduleRetentionJob without retention', { scheduleRetentionJob: false }, /'scheduleRetentionJob' only matters with 'retentionDays'/],
    ['a login starting with pg_', { administratorLogin: 'pg_chat' }, /'administratorLogin' must not be a name PostgreSQL or Azure reserves/],
    ['a SKU of another service', { skuName: 'Standard_D2s_v3' }, /'skuName' must be a flexible-server SKU/],
    ['a storage size Azure does not offer', { storageMb: 50000 }, /'storageMb' must be one of the sizes Azure offers/],
    ['HA on Burstable', { highAvailability: HighAvailabilityMode.SAME_ZONE }, /'highAvailability' needs a General Purpose or Memory Optimized SKU/],
    ['CMK with geo backups', { customerManagedKey: KEY, geoRedundantBackupEnabled: true }, /'customerManagedKey' and 'geoRedundantBackupEnabled' together need a second key/],
    ['a reserved login', { administratorLogin: 'azure_superuser' }, /'administratorLogin' must not be a name PostgreSQL or Azure reserves/],
    ['a login with capitals', { administratorLogin: 'ChatAdmin' }, /'administratorLogin' must be 1-63 lowercase letters/],
    ['a statement without retention days', { retentionStatement: 'DELETE FROM t' }, /'retentionStatement' is what the retention job runs, so it needs 'retentionDays'/],
    ['a statement with dollar quotes', { retentionDays: 5, retentionStatement: 'SELECT $$x$$' }, /'retentionStatement' must not contain '\$\$'/],
    ['a bad server name', { name: 'PSQL_Chat' }, /'name' must/],
    ['a bad Entra admin', { entraAdministrator: { objectId: 'dbas', principalName: 'x' } }, /'entraAdministrator.objectId' must be a GUID/],
    ['an unknown prop', { retention: 30 } as never, /'retention' is not a known prop/],
    ['an app login with capitals', { appLogin: 'OpenWebUI' },
      /^PostgresHistoryStore 'test\/History': 'appLogin' must be 1-63 lowercase letters, digits and underscores, starting with a letter or underscore, got 'OpenWebUI'$/],
    ['a reserved app login', { appLogin: 'azure_pg_admin' }, /'appLogin' must not be a name PostgreSQL or Azure reserves .*, got 'azure_pg_admin'$/],
    ['the app logging in as the administrator', { appLogin: 'chatadmin' },
      /^PostgresHistoryStore 'test\/History': 'appLogin' must differ from 'administratorLogin' \('chatadmin'\): the app must not connect as the administrator, got 'chatadmin'$/],
    ['the app logging in as a renamed administrator', { administratorLogin: 'dba', appLogin: 'dba' }, /'appLogin' must differ from 'administratorLogin' \('dba'\)/],
    ['an Entra admin name that breaks the dollar quote', { entraAdministrator: { objectId: '33333333-3333-3333-3333-333333333333', principalName: 'a$pchat$b' } },
      /'entraAdministrator.principalName' must not contain '\$pchat\$': the setup statements quote it in that dollar quote, got 'a\$pchat\$b'$/],
  ])('fails on %s', (_, props, expected) => {
    expect(() => build(props as Partial<PostgresHistoryStoreProps>)).toThrow(expected);
  });

  test('fails when the zone set lacks the postgres zone', () => {
    const stack = newStack();
    const network = new PrivateNetwork(stack, 'Network', common);
    const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: 'rg-chat', network });
    const monitoring = new Monitoring(stack, 'Monitoring', common);
    const vault = new PrivateKeyVault(stack, 'Vault', { ...common, network, dnsZones, monitoring });
    expect(() => new PostgresHistoryStore(stack, 'History', { ...common, network, dnsZones, vault })).toThrow(/no private DNS zone 'privatelink.postgres.database.azure.com' in this set/);
  });
});
