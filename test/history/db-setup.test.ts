// Who runs the history database's setup (the app's own login, pg_cron and the retention job): by
// default the front end at its start, inside the VNet; the retention job from the applying machine
// only by a named opt-in.
import { Testing } from 'cdktf';
import {
  ChatFrontEnd, ChatWebApp, ContainerImage, Monitoring, OpenAiAccount, PostgresHistoryStore, PostgresHistoryStoreProps, PrivateChat,
  PrivateDnsZones, PrivateKeyVault, PrivateLinkZone, PrivateNetwork, RetentionJobRunner, Warnings,
} from '../../src';
import {
  BLOB_PURGE_QUEUE, BLOB_PURGER_SCRIPT_SETTING, blobPurgerScript, databaseSetupScript, databaseSetupSettings, databaseSetupStartupCommand,
  DB_SETUP_SCRIPT_SETTING, DB_SETUP_SECRET_PREFIX, DB_SETUP_STATEMENTS_SETTING, DB_SETUP_URL_SETTING, terraformLiteral,
} from '../../src/app/private/database-setup';
import { Compliance } from '../../src/compliance';
import { appLoginStatements } from '../../src/history/private/app-login';
import { vectorStoreStatements } from '../../src/history/private/vector-store';
import { newStack, resolved, resourcesOf, synthJson } from '../util';

const common = { resourceGroupName: 'rg-chat', location: 'swedencentral' };

function base() {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', common);
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: 'rg-chat', network, zones: [...PrivateLinkZone.all(), PrivateLinkZone.POSTGRESQL] });
  const monitoring = new Monitoring(stack, 'Monitoring', common);
  const vault = new PrivateKeyVault(stack, 'Vault', { ...common, network, dnsZones, monitoring });
  return { stack, network, dnsZones, monitoring, vault };
}

function store(props: Partial<PostgresHistoryStoreProps> = {}) {
  const b = base();
  const history = new PostgresHistoryStore(b.stack, 'History', { ...common, network: b.network, dnsZones: b.dnsZones, vault: b.vault, ...props });
  return { ...b, history };
}

function withApp(props: Partial<PostgresHistoryStoreProps> = { retentionDays: 30 }) {
  const s = store(props);
  const openAi = new OpenAiAccount(s.stack, 'OpenAi', { ...common, network: s.network, dnsZones: s.dnsZones, monitoring: s.monitoring });
  const app = new ChatWebApp(s.stack, 'App', {
    ...common, network: s.network, dnsZones: s.dnsZones, aiAccount: openAi, deploymentName: 'gpt', vault: s.vault, history: s.history,
  });
  return { ...s, app };
}

/** `terraform_data` with a provisioner: the retention job (other terraform_data hold generated values). */
const jobs = (json: any) => Object.values(resourcesOf(json, 'terraform_data')).filter((r: any) => r.provisioner !== undefined) as any[];
const webApp = (json: any) => Object.values(resourcesOf(json, 'azurerm_linux_web_app'))[0] as any;
const annotationsOf = (stack: any) => stack.node.findAll().flatMap((c: any) => c.node.metadata.filter((m: any) => m.type === '@cdktf/warn').map((m: any) => String(m.data)));
/** A Terraform string as Terraform renders it: `$${` and `%%{` are literal `${` and `%{`. */
const rendered = (text: string) => text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
/** The statements that give the app its own login, for the default names. */
const LOGIN = appLoginStatements({ appLogin: 'openwebui_app', databaseName: 'openwebui' });
/** What every start runs: the login, then pgvector's extension, the blob queue and the vector function. */
const ALWAYS = [...LOGIN, ...vectorStoreStatements('openwebui_app')];

describe('database setup: the front end runs it at start (RetentionJobRunner.APP_STARTUP, the default)', () => {
  test('the store exposes the setup as idempotent statements, and adds no local-exec', () => {
    const { history, stack } = store({ retentionDays: 30 });
    expect(history.retentionJobRunner).toBe(RetentionJobRunner.APP_STARTUP);
    expect(history.setupStatements).toEqual([...ALWAYS, 'CREATE EXTENSION IF NOT EXISTS pg_cron', history.retentionJobSql]);
    // The password reaches the setup as a parameter, never in a statement.
    expect(LOGIN[0]).toBe("SELECT set_config('pchat.app_password', %(app_password)s, true)");
    expect(history.setupSecretReferences).toEqual({ app_password: history.appPasswordSecret.keyVaultReference });
    expect(history.setupUrlReference).toBe(history.adminUrlSecret.keyVaultReference);
    expect(history.setupUrlReference).not.toBe(history.connectionUrlReference);
    expect(history.retentionJobSql).toMatch(/^SELECT cron\.schedule\('chat-retention', '17 3 \* \* \*', \$\$.+\$\$\)$/);
    expect(history.retentionJob).toBeUndefined();
    expect(jobs(synthJson(stack))).toEqual([]);
  });

  test('Open WebUI gets the statements, the script and a startup command that runs them before start.sh', () => {
    const { history, stack } = withApp();
    const app = webApp(synthJson(stack));
    expect(app.site_config.app_command_line).toBe(databaseSetupStartupCommand());
    expect(JSON.parse(rendered(app.app_settings[DB_SETUP_STATEMENTS_SETTING]))).toEqual(history.setupStatements);
    expect(JSON.parse(rendered(app.app_settings[DB_SETUP_SCRIPT_SETTING]))).toEqual(databaseSetupScript());
    expect(databaseSetupScript().at(-1)).toBe('os.execvpe("bash", ["bash","start.sh"], env)');
    // Open WebUI connects as the app's login; the setup as the administrator; the password of the
    // login reaches the setup as its own Key Vault reference.
    expect(app.app_settings.DATABASE_URL).toBe(resolved(history, history.connectionUrlReference));
    expect(app.app_settings[DB_SETUP_URL_SETTING]).toBe(resolved(history, history.setupUrlReference));
    expect(app.app_settings[`${DB_SETUP_SECRET_PREFIX}APP_PASSWORD`]).toBe(resolved(history, history.appPasswordSecret.keyVaultReference));
    expect(annotationsOf(stack).filter((w: string) => w.includes('history-setup-not-run'))).toEqual([]);
  });

  test('the startup command has no $, no newline and one pair of double quotes: a host shell and a word splitter read it alike', () => {
    const command = databaseSetupStartupCommand();
    expect(command).not.toMatch(/[$\n`\\]/);
    expect(command.match(/"/g)).toHaveLength(2);
    expect(command).toBe(`python3 -c "import json,os;exec(chr(10).join(json.loads(os.environ['${DB_SETUP_SCRIPT_SETTING}'])))"`);
  });

  test('a statement Terraform would interpolate is escaped in the app setting', () => {
    const statement = "DELETE FROM t WHERE note = '${x} %{y}'";
    const { stack } = withApp({ retentionDays: 7, retentionStatement: statement });
    const value = webApp(synthJson(stack)).app_settings[DB_SETUP_STATEMENTS_SETTING];
    expect(value).toContain("'$${x} %%{y}'");
    expect(JSON.parse(rendered(value)).at(-1)).toContain(statement);
    expect(terraformLiteral('a ${b} %{c}')).toBe('a $${b} %%{c}');
  });

  test('no retention: the setup still gives the app its own login, without pg_cron', () => {
    const { stack, history } = withApp({});
    const app = webApp(synthJson(stack));
    expect(history.setupStatements).toEqual(ALWAYS);
    expect(app.site_config.app_command_line).toBe(databaseSetupStartupCommand());
    expect(JSON.parse(rendered(app.app_settings[DB_SETUP_STATEMENTS_SETTING]))).toEqual(ALWAYS);
  });

  test('appLogin and an Entra administrator name the login and the role that joins it', () => {
    const { history } = store({ appLogin: 'chat_app', entraAdministrator: { objectId: '33333333-3333-3333-3333-333333333333', principalName: "O'Brien Ops" } });
    expect(history.appLogin).toBe('chat_app');
    expect(history.setupStatements!.join('\n')).toContain("rolname = 'chat_app'");
    expect(history.setupStatements!.join('\n')).not.toContain('openwebui_app');
    // Quoted as a SQL literal, then as an identifier by format('%I').
    expect(history.setupStatements).toContain("DO $pchat$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'O''Brien Ops') THEN "
      + "EXECUTE format('GRANT %I TO %I', 'chat_app', 'O''Brien Ops'); END IF; END $pchat$");
  });

  test('a secret parameter becomes its own setting; a name that is not one fails', () => {
    expect(databaseSetupSettings(['SELECT 1'], { app_password: '@ref' }, '@url')).toMatchObject({
      [`${DB_SETUP_SECRET_PREFIX}APP_PASSWORD`]: '@ref', [DB_SETUP_URL_SETTING]: '@url',
    });
    expect(() => databaseSetupSettings(['SELECT 1'], { 'App-Password': '@ref' }))
      .toThrow("databaseSetupSettings: 'secretReferences' keys must be parameter names (^[a-z][a-z0-9_]{0,62}$), got 'App-Password'");
  });

  test('the setup settings are wired: appSettings cannot override them', () => {
    const s = store({ retentionDays: 30 });
    const openAi = new OpenAiAccount(s.stack, 'OpenAi', { ...common, network: s.network, dnsZones: s.dnsZones, monitoring: s.monitoring });
    const props = { ...common, network: s.network, dnsZones: s.dnsZones, aiAccount: openAi, deploymentName: 'gpt', vault: s.vault, history: s.history };
    expect(() => new ChatWebApp(s.stack, 'App', { ...props, appSettings: { [DB_SETUP_STATEMENTS_SETTING]: '[]' } })).toThrow(`ChatWebApp 'test/App': 'appSettings.${DB_SETUP_STATEMENTS_SETTING}' must not be set: the construct wires it from 'history', got '[]'`);
  });

  test('PrivateChat wires it by default: the apply has no local-exec, and PCHAT-APPLY-001 passes', () => {
    const stack = newStack();
    const chat = new PrivateChat(stack, 'chat', { location: 'swedencentral', history: { retentionDays: 30 } });
    const out = synthJson(stack);
    expect(jobs(out)).toEqual([]);
    expect(webApp(out).site_config.app_command_line).toBe(databaseSetupStartupCommand());
    expect(chat.history!.setupStatements).toHaveLength(ALWAYS.length + 2);
    Compliance.applyTo(stack);
    expect(Compliance.report(stack).failures.filter((f) => f.ruleId === 'PCHAT-APPLY-001' && f.address.startsWith('terraform_data'))).toEqual([]);
  });

  test('warns at synth when no front end runs the statements of a standalone store', () => {
    const { stack } = store({ retentionDays: 30 });
    Testing.synth(stack, true);
    expect(annotationsOf(stack)).toContainEqual(expect.stringMatching(
      /^PostgresHistoryStore 'test\/History': 'retentionJobRunner' is RetentionJobRunner\.APP_STARTUP, but no front end runs the store's 'setupStatements'.*ChatFrontEnd\.openWebUi\(\).*RetentionJobRunner\.NONE.*RetentionJobRunner\.APPLYING_MACHINE.*\[history-setup-not-run\]$/,
    ));
    expect(Warnings.of(stack).map((w) => w.id)).toContain('history-setup-not-run');
  });

  test('warns without retention too: the app login is never created', () => {
    const { stack } = store({});
    Testing.synth(stack, true);
    expect(annotationsOf(stack)).toContainEqual("PostgresHistoryStore 'test/History': no front end runs the store's 'setupStatements', so the app login "
      + "'openwebui_app' that 'connectionUrlReference' names is never created: give the store as 'history' to a ChatWebApp running ChatFrontEnd.openWebUi(), "
      + "or run 'setupStatements' yourself as the administrator from inside the network (parameter 'app_password': the value of 'appPasswordSecret') [history-setup-not-run]");
  });

  test('the warning is acknowledged like any other: no annotation, and the reason is reported', () => {
    const { stack, history: made } = store({ retentionDays: 30 });
    Warnings.acknowledge(made, 'history-setup-not-run', 'our platform team schedules the job from a runner in the hub');
    Testing.synth(stack, true);
    expect(annotationsOf(stack).filter((w: string) => w.includes('history-setup-not-run'))).toEqual([]);
    expect(Warnings.of(stack).find((w) => w.id === 'history-setup-not-run')?.acknowledgedReason).toBe('our platform team schedules the job from a runner in the hub');
  });
});

describe('database setup: the vector store and the blob purger', () => {
  test('every start creates pgvector\'s extension, the blob queue and the vector function, after the login, whatever the retention', () => {
    for (const props of [{}, { retentionDays: 30 }, { retentionDays: 30, retentionJobRunner: RetentionJobRunner.NONE }]) {
      const { history } = store(props);
      expect(history.setupStatements!.slice(0, ALWAYS.length)).toEqual(ALWAYS);
    }
    const statements = vectorStoreStatements('chat_app');
    expect(statements[0]).toBe('CREATE EXTENSION IF NOT EXISTS vector');
    expect(statements).toContain("DO $pchat$ BEGIN EXECUTE format('GRANT USAGE ON SCHEMA pchat TO %I', 'chat_app'); "
      + "EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON pchat.blob_purge_queue TO %I', 'chat_app'); END $pchat$");
    // Run without parameters, so psycopg2 never formats them: a literal % stays as it is.
    expect(statements.join('\n')).not.toMatch(/%\(\w+\)s/);
  });

  test('the purger setting comes only with purgeBlobs, as a JSON array of Python lines Terraform takes literally', () => {
    expect(databaseSetupSettings(['SELECT 1'])).not.toHaveProperty(BLOB_PURGER_SCRIPT_SETTING);
    const settings = databaseSetupSettings(['SELECT 1'], {}, undefined, true);
    expect(JSON.parse(settings[BLOB_PURGER_SCRIPT_SETTING])).toEqual(blobPurgerScript());
    expect(settings[BLOB_PURGER_SCRIPT_SETTING]).not.toMatch(/[$%]\{/);
    // It reads the queue the retention statement fills, as the app's login, and deletes with the managed identity.
    const script = blobPurgerScript().join('\n');
    expect(script).toContain(`DELETE FROM ${BLOB_PURGE_QUEUE} WHERE id IN (SELECT id FROM ${BLOB_PURGE_QUEUE} WHERE not_before <= now() ORDER BY id LIMIT 50 FOR UPDATE SKIP LOCKED)`);
    expect(script).toContain("os.environ['DATABASE_URL']");
    expect(script).not.toContain(DB_SETUP_URL_SETTING);
    expect(script).toContain('DefaultAzureCredential()');
    // The setup starts it only for Open WebUI's Azure storage provider.
    expect(databaseSetupScript().join('\n')).toContain("os.environ.get('STORAGE_PROVIDER') == 'azure'");
  });
});

describe('database setup: the other runners', () => {
  test('APPLYING_MACHINE: the old psql local-exec, acknowledged on PCHAT-APPLY-001 with its reason; nothing for the app to run', () => {
    const { stack, history } = withApp({ retentionDays: 30, retentionJobRunner: RetentionJobRunner.APPLYING_MACHINE });
    const out = synthJson(stack);
    expect(jobs(out)).toHaveLength(1);
    expect(jobs(out)[0].provisioner[0]['local-exec'].command).toBe('psql -v ON_ERROR_STOP=1 -c "CREATE EXTENSION IF NOT EXISTS pg_cron" -c "$PGCHAT_RETENTION_JOB"');
    // The app still creates its own login at start; only the job is the applying machine's.
    expect(history.setupStatements).toEqual(ALWAYS);
    expect(webApp(out).site_config.app_command_line).toBe(databaseSetupStartupCommand());
    Compliance.applyTo(stack);
    const acknowledged = Compliance.report(stack).acknowledged.filter((f) => f.ruleId === 'PCHAT-APPLY-001');
    expect(acknowledged).toEqual([expect.objectContaining({
      constructPath: 'test/History/RetentionJob',
      acknowledgedReason: expect.stringContaining('retentionJobRunner is RetentionJobRunner.APPLYING_MACHINE'),
    })]);
  });

  test('NONE: pg_cron on the server, the statement for the operator, nothing run', () => {
    const { stack, history } = withApp({ retentionDays: 30, retentionJobRunner: RetentionJobRunner.NONE });
    const out = synthJson(stack);
    expect(jobs(out)).toEqual([]);
    expect(history.setupStatements).toEqual(ALWAYS);
    expect(history.retentionJobSql).toMatch(/^SELECT cron\.schedule/);
    expect(Object.values(resourcesOf(out, 'azurerm_postgresql_flexible_server_configuration')).map((c: any) => c.name)).toContain('azure.extensions');
  });

  test('PrivateChat passes the runner through', () => {
    const stack = newStack();
    new PrivateChat(stack, 'chat', { location: 'swedencentral', history: { retentionDays: 30, retentionJobRunner: RetentionJobRunner.APPLYING_MACHINE } });
    expect(jobs(synthJson(stack))).toHaveLength(1);
  });

  test('the deprecated scheduleRetentionJob: false is NONE, true the default runner, each with a warning', () => {
    const off = store({ retentionDays: 30, scheduleRetentionJob: false });
    expect(off.history.retentionJobRunner).toBe(RetentionJobRunner.NONE);
    const on = store({ retentionDays: 30, scheduleRetentionJob: true });
    expect(on.history.retentionJobRunner).toBe(RetentionJobRunner.APP_STARTUP);
    expect(on.history.retentionJob).toBeUndefined();
    Testing.synth(on.stack);
    expect(annotationsOf(on.stack)).toContainEqual(expect.stringContaining("'scheduleRetentionJob' is deprecated: use 'retentionJobRunner' (true now means RetentionJobRunner.APP_STARTUP"));
  });
});

describe('database setup: fails when …', () => {
  test.each([
    ['retentionJobRunner without retentionDays', { retentionJobRunner: RetentionJobRunner.NONE },
      "PostgresHistoryStore 'test/History': 'retentionJobRunner' only matters with 'retentionDays', got 'retentionJobRunner' 'None' alone"],
    ['retentionJobRunner is not a runner', { retentionDays: 30, retentionJobRunner: 'Laptop' as RetentionJobRunner },
      "PostgresHistoryStore 'test/History': 'retentionJobRunner' must be one of 'AppStartup', 'ApplyingMachine', 'None', got 'Laptop'"],
    ['both the runner and the deprecated boolean are set', { retentionDays: 30, retentionJobRunner: RetentionJobRunner.NONE, scheduleRetentionJob: false },
      "PostgresHistoryStore 'test/History': 'scheduleRetentionJob' is deprecated and replaced by 'retentionJobRunner'; set only 'retentionJobRunner', got both ('scheduleRetentionJob' false)"],
  ])('%s', (_label, props, message) => {
    expect(() => store(props as Partial<PostgresHistoryStoreProps>)).toThrow(message);
  });

  test('a front end that cannot run the statements is given a store that carries them', () => {
    const s = store({ retentionDays: 30 });
    const openAi = new OpenAiAccount(s.stack, 'OpenAi', { ...common, network: s.network, dnsZones: s.dnsZones, monitoring: s.monitoring });
    // A store whose kind a custom front end reads does not exist yet; a hand-made one stands in.
    const frontEnd = ChatFrontEnd.fromImage(ContainerImage.fromRegistry('https://ghcr.io', 'contoso/chat', '1.0.0', { port: 8080 }));
    Object.defineProperty(frontEnd, 'historyStore', { value: s.history.historyStoreKind });
    expect(() => new ChatWebApp(s.stack, 'App', {
      ...common, network: s.network, dnsZones: s.dnsZones, aiAccount: openAi, deploymentName: 'gpt', vault: s.vault, history: s.history, frontEnd,
    })).toThrow("ChatWebApp 'test/App': 'history' must not carry 'setupStatements' for a custom image, which cannot run them at its start; "
      + "use ChatFrontEnd.openWebUi(), or run the store's 'setupStatements' yourself as the administrator from inside the network "
      + `(they create the login its 'connectionUrlReference' names) and give the front end a store without them, got '${ALWAYS.length + 2} statement(s)'`);
  });
});
