// The database setup the front end runs at its start, run for real: the startup command App Service
// gets, read the two ways App Service may read it (split into words like a POSIX shell, or given to
// `sh -c`), against a throwaway PostgreSQL 15 with pg_cron, with Debian's python3 and psycopg2
// standing in for the Open WebUI image's Python and psycopg2. The setup connects as a non-superuser
// administrator with CREATEDB and CREATEROLE, as Azure's server administrator is. It must create
// the app's own login (owner of its database only), schedule the retention job, then exec the
// image's own command without the administrator's URL; twice (or twice at once) must leave one
// login and one job; a failure must stop the start. pgvector cannot be installed here, so the one
// statement that creates its extension is replaced by a no-op (withoutPgvector); everything else
// runs as the stack gives it. With a file store, the setup starts the blob purger beside the front
// end (stand-in azure.* modules on PYTHONPATH record what it deletes).
import { execFileSync, spawn, spawnSync } from 'child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { PrivateChat } from '../../src';
import {
  BLOB_PURGE_ONCE_SETTING, BLOB_PURGER_SCRIPT_SETTING, databaseSetupSettings, DB_SETUP_ATTEMPTS_SETTING, DB_SETUP_RETRY_SECONDS_SETTING,
  DB_SETUP_SCRIPT_SETTING, DB_SETUP_SECRET_PREFIX, DB_SETUP_STATEMENTS_SETTING, DB_SETUP_URL_SETTING,
} from '../../src/app/private/database-setup';
import { newStack, resourcesOf, synthJson } from '../util';

const BIN = '/usr/lib/postgresql/15/bin';
const PYTHON_DIR = '/usr/bin'; // Debian's python3, where apt's python3-psycopg2 lives
const INSTALL = 'apt-get install -y postgresql-15 postgresql-15-cron python3-psycopg2';

function missing(): string | undefined {
  if (!existsSync(join(BIN, 'initdb')) || !existsSync('/usr/lib/postgresql/15/lib/pg_cron.so')) return 'PostgreSQL 15 with pg_cron';
  const py = spawnSync(join(PYTHON_DIR, 'python3'), ['-c', 'import psycopg2'], { encoding: 'utf8' });
  if (py.status !== 0) return 'python3-psycopg2';
  return undefined;
}

const absent = missing();
if (absent !== undefined) {
  const message = `db-setup.pg.test.ts needs ${absent}: ${INSTALL}`;
  if (process.env.CI === 'true') throw new Error(message);
  process.stderr.write(`\n[SKIPPED] ${message}\n`);
}
const describeWithPostgres = absent === undefined ? describe : describe.skip;

const asRoot = process.getuid?.() === 0;
/** Runs a PostgreSQL binary, as the postgres user when this process is root (initdb refuses root). */
function pg(binary: string, args: string[]): string {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(BIN, binary), ...args]] : [join(BIN, binary), args];
  return execFileSync(cmd, argv, { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

const PGVECTOR = 'CREATE EXTENSION IF NOT EXISTS vector';
/** The statements (a JSON array) with pgvector's CREATE EXTENSION, which cannot run here, replaced by a no-op. */
function withoutPgvector(json: string): string {
  const statements = JSON.parse(json) as string[];
  if (!statements.includes(PGVECTOR)) throw new Error('the setup no longer creates the vector extension');
  return JSON.stringify(statements.map((s) => (s === PGVECTOR ? "SELECT 'pgvector stands in here'" : s)));
}

/** What App Service would get from the stack: the startup command and the two setup settings, as Terraform renders them. */
function fromStack() {
  const stack = newStack();
  new PrivateChat(stack, 'chat', { location: 'swedencentral', history: { retentionDays: 30 } });
  const app = Object.values(resourcesOf(synthJson(stack), 'azurerm_linux_web_app'))[0] as any;
  const rendered = (text: string) => text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  return {
    command: app.site_config.app_command_line as string,
    statements: withoutPgvector(rendered(app.app_settings[DB_SETUP_STATEMENTS_SETTING])),
    script: rendered(app.app_settings[DB_SETUP_SCRIPT_SETTING]),
    // Key Vault references in the app; the test puts the values App Service would resolve.
    settings: Object.keys(app.app_settings) as string[],
  };
}

const ADMIN = 'chatadmin';
const ADMIN_PASSWORD = 'admin-Secret-1';
const APP = 'openwebui_app';
const APP_PASSWORD = '0e9a1c52-6f0b-4d8e-9f7e-3a2b1c0d9e8f11f3b2a4-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
const PASSWORD_SETTING = `${DB_SETUP_SECRET_PREFIX}APP_PASSWORD`;

describeWithPostgres('database setup at the front end\'s start, on a real PostgreSQL 15 with pg_cron', () => {
  let dir: string;
  let port: number;
  let url: string;
  const setup = fromStack();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pchat-db-setup-'));
    chmodSync(dir, 0o755);
    const data = join(dir, 'data');
    if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
    // Unix socket: trust, for the test's own checks; TCP: passwords, as on Azure.
    pg('initdb', ['-D', data, '--auth-local=trust', '--auth-host=scram-sha-256', '-U', 'postgres', '--no-sync']);
    port = await freePort();
    pg('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '30', 'start', '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c shared_preload_libraries=pg_cron -c cron.database_name=openwebui`]);
    // Azure's administrator: no superuser, CREATEDB and CREATEROLE, a member of azure_pg_admin,
    // allowed to schedule pg_cron jobs. A database made through ARM on a server with password
    // authentication belongs to the administrator login
    // (https://github.com/hashicorp/terraform-provider-azurerm/issues/27895).
    const setupSql = [
      'CREATE ROLE azure_pg_admin NOLOGIN',
      `CREATE ROLE ${ADMIN} LOGIN CREATEDB CREATEROLE PASSWORD '${ADMIN_PASSWORD}' IN ROLE azure_pg_admin`,
      'CREATE ROLE other_login LOGIN PASSWORD \'other-Secret-1\'',
      'CREATE ROLE "Chat Operators" LOGIN PASSWORD \'ops-Secret-1\'',
      `CREATE DATABASE openwebui OWNER ${ADMIN}`,
    ];
    for (const sql of setupSql) pg('psql', ['-h', dir, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql]);
    query('CREATE EXTENSION pg_cron');
    query(`GRANT USAGE ON SCHEMA cron TO ${ADMIN}`);
    url = `postgresql://${ADMIN}:${ADMIN_PASSWORD}@127.0.0.1:${port}/openwebui?sslmode=disable`;
  }, 60_000);

  afterAll(() => {
    if (!dir) return;
    try {
      pg('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  /** As the superuser, through the socket (trust). */
  function query(sql: string, db = 'openwebui'): string {
    return pg('psql', ['-h', dir, '-p', String(port), '-U', 'postgres', '-d', db, '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql]).trim();
  }

  /** As `user` with `password`, over TCP (scram): what a client of the server gets. */
  function as(user: string, password: string, sql: string, db = 'openwebui') {
    const result = spawnSync(join(BIN, 'psql'), ['-X', '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql,
      `postgresql://${encodeURIComponent(user)}:${password}@127.0.0.1:${port}/${db}?sslmode=disable`], { encoding: 'utf8', timeout: 30_000 });
    return { status: result.status, stdout: (result.stdout ?? '').trim(), stderr: result.stderr ?? '' };
  }

  /** The image's working directory with its `start.sh`, which records that it ran. */
  function workdir(): string {
    const cwd = mkdtempSync(join(dir, 'backend-'));
    writeFileSync(join(cwd, 'start.sh'), 'echo started > "$(dirname "$0")/started"; env > "$(dirname "$0")/env"\n');
    return cwd;
  }

  /**
   * Starts the container's command the way App Service may: `words` splits the startup command
   * like a POSIX shell and execs the words; `shell` hands it to `sh -c`.
   */
  function start(how: 'words' | 'shell', env: Record<string, string>, cwd: string) {
    const [cmd, args] = how === 'shell'
      ? ['/bin/sh', ['-c', setup.command]]
      : [join(PYTHON_DIR, 'python3'), ['-c', 'import os, shlex, sys; words = shlex.split(sys.argv[1]); os.execvp(words[0], words)', setup.command]];
    return { cmd, args, options: { cwd, encoding: 'utf8' as const, timeout: 60_000, env: { PATH: `${PYTHON_DIR}:/bin`, ...env } } };
  }

  function run(how: 'words' | 'shell', env: Record<string, string>) {
    const cwd = workdir();
    const { cmd, args, options } = start(how, env, cwd);
    const result = spawnSync(cmd, args, options);
    const started = existsSync(join(cwd, 'started'));
    return { ...result, started, env: started ? readFileSync(join(cwd, 'env'), 'utf8') : '' };
  }

  const appEnv = (password = APP_PASSWORD): Record<string, string> => ({
    DATABASE_URL: `postgresql://${APP}:${password}@127.0.0.1:${port}/openwebui?sslmode=disable`,
    [DB_SETUP_URL_SETTING]: url,
    [PASSWORD_SETTING]: password,
    [DB_SETUP_STATEMENTS_SETTING]: setup.statements,
    [DB_SETUP_SCRIPT_SETTING]: setup.script,
  });
  const statements = () => JSON.parse(setup.statements) as string[];
  const jobStatement = () => statements().find((s) => s.startsWith('SELECT cron.schedule('))!;

  test('the stack gives the app the administrator URL and the app password as settings of their own', () => {
    expect(setup.settings).toEqual(expect.arrayContaining(['DATABASE_URL', DB_SETUP_URL_SETTING, PASSWORD_SETTING]));
  });

  test('upgrade: what the administrator created before (tables, a serial, a view, an enum) passes to the app login', () => {
    const before = [
      'CREATE TYPE mood AS ENUM (\'ok\', \'bad\')',
      'CREATE TABLE legacy_chat (n serial PRIMARY KEY, title text, m mood)',
      'INSERT INTO legacy_chat (title) VALUES (\'kept\')',
      'CREATE VIEW legacy_titles AS SELECT n, title FROM legacy_chat',
    ];
    for (const sql of before) expect(as(ADMIN, ADMIN_PASSWORD, sql).status).toBe(0);
    expect(run('words', appEnv()).status).toBe(0);
    expect(query("SELECT string_agg(c.relname || ':' || pg_get_userbyid(c.relowner), ',' ORDER BY c.relname) FROM pg_class c "
      + "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'S', 'v')"))
      .toBe(`legacy_chat:${APP},legacy_chat_n_seq:${APP},legacy_titles:${APP}`);
    expect(query("SELECT pg_get_userbyid(typowner) FROM pg_type WHERE typname = 'mood'")).toBe(APP);
    const used = as(APP, APP_PASSWORD, "INSERT INTO legacy_chat (title, m) VALUES ('new', 'ok'); SELECT string_agg(title, ',' ORDER BY n) FROM legacy_titles");
    expect(used.stderr).toBe('');
    expect(used).toMatchObject({ status: 0, stdout: 'INSERT 0 1\nkept,new' });
  });

  test('the app login owns its database and nothing else: it creates tables there, not databases, roles or tables elsewhere', () => {
    expect(run('shell', appEnv()).status).toBe(0);
    expect(query(`SELECT rolcanlogin || '|' || rolcreatedb || '|' || rolcreaterole || '|' || rolsuper || '|' || rolreplication || '|' || rolbypassrls FROM pg_roles WHERE rolname = '${APP}'`))
      .toBe('true|false|false|false|false|false');
    expect(query("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'openwebui'")).toBe(APP);
    // Open WebUI's migrations create and alter their own tables in public.
    expect(as(APP, APP_PASSWORD, 'CREATE TABLE probe (id text PRIMARY KEY); ALTER TABLE probe ADD COLUMN x int; CREATE INDEX probe_x ON probe (x); DROP TABLE probe'))
      .toMatchObject({ status: 0 });
    expect(as(APP, APP_PASSWORD, 'CREATE DATABASE other').stderr).toContain('permission denied to create database');
    expect(as(APP, APP_PASSWORD, 'CREATE ROLE other').stderr).toContain('permission denied to create role');
    expect(as(APP, APP_PASSWORD, `ALTER ROLE ${APP} CREATEDB`).stderr).toContain('permission denied');
    // It may open the maintenance database, as every role may, but can create nothing there.
    expect(as(APP, APP_PASSWORD, 'CREATE TABLE probe (id int)', 'postgres').stderr).toContain('permission denied for schema public');
    // Other logins of the server lose CONNECT on the app's database (revoked from PUBLIC).
    expect(as('other_login', 'other-Secret-1', 'SELECT 1').stderr).toContain('permission denied for database "openwebui"');
    expect(as(APP, 'wrong-password', 'SELECT 1').stderr).toContain('password authentication failed');
  });

  test('the front end never holds the administrator URL or the secret parameters; DATABASE_URL is the app login', () => {
    const result = run('words', appEnv());
    expect(result.started).toBe(true);
    expect(result.env).toContain(`DATABASE_URL=postgresql://${APP}:`);
    const names = result.env.split('\n').map((line) => line.split('=')[0]);
    expect(names).toEqual(expect.arrayContaining(['DATABASE_URL', DB_SETUP_STATEMENTS_SETTING]));
    expect(names.filter((n) => n === DB_SETUP_URL_SETTING || n.startsWith(DB_SETUP_SECRET_PREFIX))).toEqual([]);
    expect(result.env).not.toContain(ADMIN_PASSWORD);
  });

  test('rotation: a new password from the vault is the login\'s password after the next start; the old one stops working', () => {
    const rotated = 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9';
    expect(run('words', appEnv(rotated)).status).toBe(0);
    expect(as(APP, rotated, 'SELECT current_user')).toMatchObject({ status: 0, stdout: APP });
    expect(as(APP, APP_PASSWORD, 'SELECT 1').stderr).toContain('password authentication failed');
    expect(run('words', appEnv()).status).toBe(0);
    expect(as(APP, APP_PASSWORD, 'SELECT current_user')).toMatchObject({ status: 0, stdout: APP });
    expect(query(`SELECT count(*) FROM pg_roles WHERE rolname = '${APP}'`)).toBe('1');
    // The password never stays in a setting of the session that set it.
    expect(statements()[1]).toContain("PERFORM set_config('pchat.app_password', '', true)");
  });

  test('the Entra administrator\'s role, once it exists, reaches the chat data through the app login', () => {
    const stackWithAdmin = newStack();
    new PrivateChat(stackWithAdmin, 'chat', {
      location: 'swedencentral',
      history: { entraAdministrator: { objectId: '11111111-2222-3333-4444-555555555555', principalName: 'Chat Operators' } },
    });
    const app = Object.values(resourcesOf(synthJson(stackWithAdmin), 'azurerm_linux_web_app'))[0] as any;
    const withAdmin = withoutPgvector(app.app_settings[DB_SETUP_STATEMENTS_SETTING] as string);
    expect(as('Chat Operators', 'ops-Secret-1', 'SELECT count(*) FROM legacy_chat').stderr).toContain('permission denied');
    expect(run('words', { ...appEnv(), [DB_SETUP_STATEMENTS_SETTING]: withAdmin }).status).toBe(0);
    expect(as('Chat Operators', 'ops-Secret-1', 'SELECT count(*) FROM legacy_chat')).toMatchObject({ status: 0, stdout: '2' });
  });

  test('fails closed without the secret parameter: named in the log, exit 1, no connection, start.sh never runs', () => {
    const env = appEnv();
    delete env[PASSWORD_SETTING];
    const result = run('words', env);
    expect(result.status).toBe(1);
    expect(result.started).toBe(false);
    expect(result.stderr.trim()).toBe(`pchat-db-setup: no secret parameter app_password; set ${PASSWORD_SETTING}`);
  });

  test('a failing parameterised statement logs the server\'s message, never the secret it carried', () => {
    const failing = JSON.stringify(["SELECT set_config('pchat.app_password', %(app_password)s, true) FROM no_such_table"]);
    const result = run('words', { ...appEnv(), [DB_SETUP_STATEMENTS_SETTING]: failing, [DB_SETUP_ATTEMPTS_SETTING]: '1' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('relation "no_such_table" does not exist');
    expect(result.stderr).not.toContain(APP_PASSWORD);
  });

  test.each(['words', 'shell'] as const)('read as %s: enables pg_cron, schedules the job the stack defines, then execs start.sh', (how) => {
    query('SELECT cron.unschedule(jobid) FROM cron.job');
    const result = run(how, appEnv());
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`pchat-db-setup: applied ${statements().length} statement(s)`);
    expect(result.status).toBe(0);
    expect(result.started).toBe(true);
    expect(query("SELECT extname FROM pg_extension WHERE extname = 'pg_cron'")).toBe('pg_cron');
    // pg_cron runs a job as the user who scheduled it: the administrator, a member of the app login.
    const jobs = query("SELECT jobname || '|' || schedule || '|' || database || '|' || username || '|' || command FROM cron.job");
    const scheduled = /\$\$(.*)\$\$\)$/s.exec(jobStatement())![1];
    expect(jobs).toBe(`chat-retention|17 3 * * *|openwebui|${ADMIN}|${scheduled}`);
  });

  test('is idempotent: a second start, and two instances starting at once, leave one job', async () => {
    expect(run('words', appEnv()).status).toBe(0);
    const together = await Promise.all([0, 1].map(() => new Promise<number | null>((resolve) => {
      const { cmd, args, options } = start('words', appEnv(), workdir());
      const child = spawn(cmd, args, { cwd: options.cwd, env: options.env, stdio: 'ignore' });
      child.on('exit', (code) => resolve(code));
    })));
    expect(together).toEqual([0, 0]);
    expect(query("SELECT count(*) FROM cron.job WHERE jobname = 'chat-retention'")).toBe('1');
    expect(query(`SELECT count(*) FROM pg_roles WHERE rolname = '${APP}'`)).toBe('1');
    expect(query("SELECT count(*) FROM pg_extension WHERE extname = 'pg_cron'")).toBe('1');
  }, 60_000);

  test('fails closed when the database stays unreachable: every attempt logged, exit 1, start.sh never runs', async () => {
    const closed = await freePort();
    const result = run('shell', {
      ...appEnv(),
      [DB_SETUP_URL_SETTING]: `postgresql://${ADMIN}:unused@127.0.0.1:${closed}/openwebui?sslmode=disable`,
      [DB_SETUP_ATTEMPTS_SETTING]: '2',
      [DB_SETUP_RETRY_SECONDS_SETTING]: '0.1',
    });
    expect(result.status).toBe(1);
    expect(result.started).toBe(false);
    expect(result.stderr).toMatch(/pchat-db-setup: attempt 1 of 2 failed: .*Connection refused/s);
    expect(result.stderr).toMatch(/pchat-db-setup: attempt 2 of 2 failed/);
    expect(result.stderr).toContain('pchat-db-setup: giving up; the front end does not start without its database setup (its login, retention job)');
    expect(result.stderr).not.toContain('unused'); // the password in the URL is never logged
  });

  test('fails closed on a failing statement, and applies none of them (one transaction)', () => {
    query('SELECT cron.unschedule(jobid) FROM cron.job');
    const failing = JSON.stringify([jobStatement(), 'SELECT no_such_function()']);
    const result = run('words', { ...appEnv(), [DB_SETUP_STATEMENTS_SETTING]: failing, [DB_SETUP_ATTEMPTS_SETTING]: '1' });
    expect(result.status).toBe(1);
    expect(result.started).toBe(false);
    expect(result.stderr).toContain('function no_such_function() does not exist');
    expect(query('SELECT count(*) FROM cron.job')).toBe('0');
  });

  test('the server log shows the setup connected as the URL says (sanity check of the harness)', () => {
    expect(readFileSync(join(dir, 'server.log'), 'utf8')).toMatch(/database system is ready to accept connections/);
  });

  describe('with a file store, the blob purger', () => {
    let fake: string;
    const purger = () => JSON.parse(databaseSetupSettings([], {}, undefined, true)[BLOB_PURGER_SCRIPT_SETTING]) as string[];
    const fileStore = () => ({
      PYTHONPATH: fake,
      [BLOB_PURGER_SCRIPT_SETTING]: JSON.stringify(purger()),
      [BLOB_PURGE_ONCE_SETTING]: '1',
      STORAGE_PROVIDER: 'azure',
      AZURE_STORAGE_ENDPOINT: 'https://stchat.blob.core.windows.net',
      AZURE_STORAGE_CONTAINER_NAME: 'uploads',
      DATA_DIR: join(fake, 'data'),
      FAKE_BLOB_LOG: join(fake, 'deleted.log'),
    });

    beforeAll(() => {
      fake = mkdtempSync(join(dir, 'fake-azure-'));
      const files: Record<string, string> = {
        'azure/__init__.py': '',
        'azure/core/__init__.py': '',
        'azure/storage/__init__.py': '',
        'azure/core/exceptions.py': 'class ResourceNotFoundError(Exception):\n    pass\n',
        'azure/identity/__init__.py': 'class DefaultAzureCredential:\n    pass\n',
        'azure/storage/blob/__init__.py': 'import os\nclass _Container:\n    def __init__(self, url, name):\n        self.url, self.name = url, name\n'
          + '    def delete_blob(self, blob):\n        open(os.environ["FAKE_BLOB_LOG"], "a").write(self.url + "/" + self.name + "/" + blob + "\\n")\n'
          + 'class BlobServiceClient:\n    def __init__(self, account_url, credential):\n        self.url = account_url\n'
          + '    def get_container_client(self, name):\n        return _Container(self.url, name)\n',
      };
      for (const [file, text] of Object.entries(files)) {
        execFileSync('mkdir', ['-p', join(fake, file, '..')]);
        writeFileSync(join(fake, file), text);
      }
    });

    test('starts in the background with the front end\'s environment, and deletes the queued blob while start.sh runs', async () => {
      query('INSERT INTO pchat.blob_purge_queue (file_id, path) VALUES (\'f1\', \'https://stchat.blob.core.windows.net/uploads/f1_report.pdf\')');
      const result = run('words', { ...appEnv(), ...fileStore() });
      expect(result.status).toBe(0);
      expect(result.started).toBe(true);
      expect(result.stdout).toContain('pchat-db-setup: started the blob purger');
      // It runs beside start.sh (here already done): wait for its one pass.
      for (let i = 0; i < 100 && query('SELECT count(*) FROM pchat.blob_purge_queue') !== '0'; i++) await new Promise((r) => setTimeout(r, 100));
      expect(query('SELECT count(*) FROM pchat.blob_purge_queue')).toBe('0');
      expect(readFileSync(join(fake, 'deleted.log'), 'utf8')).toBe('https://stchat.blob.core.windows.net/uploads/f1_report.pdf\n');
    }, 30_000);

    test('is not started when Open WebUI does not write to Azure Blob Storage, and says so', () => {
      const result = run('words', { ...appEnv(), ...fileStore(), STORAGE_PROVIDER: 'local' });
      expect(result.status).toBe(0);
      expect(result.started).toBe(true);
      expect(result.stdout).not.toContain('started the blob purger');
      expect(result.stderr).toBe('pchat-db-setup: blob purger not started: it needs STORAGE_PROVIDER=azure, AZURE_STORAGE_ENDPOINT and AZURE_STORAGE_CONTAINER_NAME\n');
    });

    test('the setup creates the queue and the vector function once, owned by the administrator; the app login may use the queue only', () => {
      expect(query("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'pchat'")).toBe(ADMIN);
      expect(query("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'pchat.blob_purge_queue'::regclass")).toBe(ADMIN);
      expect(query("SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'delete_vectors'")).toBe(ADMIN);
      expect(query("SELECT string_agg(privilege_type, ',' ORDER BY privilege_type) FROM information_schema.role_table_grants WHERE table_schema = 'pchat' AND grantee = 'openwebui_app'"))
        .toBe('DELETE,INSERT,SELECT,UPDATE');
      expect(as(APP, APP_PASSWORD, "SELECT pchat.delete_vectors('{}', '{}')").stderr).toContain('permission denied for function delete_vectors');
    });
  });
});
