// The retention job on a real PostgreSQL with pg_cron: a throwaway server in a temp dir (unix socket
// only, no TCP port), Open WebUI v0.11.4's tables (fixtures/open-webui-v0.11.4.sql), and the exact
// `cron.schedule` call PostgresHistoryStore hands to Terraform. Asserts what is gone and what stays.
// As on Azure, Open WebUI's tables belong to the app's own login (created by the store's setup
// statements, run by a non-superuser administrator), and the administrator schedules the job, so
// pg_cron runs it as the administrator: the job must still delete from the app's tables.
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  Monitoring, PostgresHistoryStore, PrivateDnsZones, PrivateKeyVault, PrivateLinkZone, PrivateNetwork,
} from '../../src';
import { openWebUiRetentionStatement } from '../../src/history/open-webui-retention';
import { newStack } from '../util';

const INSTALL = 'apt-get install -y postgresql-15 postgresql-15-cron';
const DAYS = 30;
const DB = 'openwebui';

/** A PostgreSQL whose server binaries and pg_cron extension are installed (Debian layout). */
function findPostgres(): string | undefined {
  for (const version of ['17', '16', '15']) {
    const bin = `/usr/lib/postgresql/${version}/bin`;
    if (fs.existsSync(`${bin}/initdb`) && fs.existsSync(`${bin}/pg_ctl`) && fs.existsSync(`${bin}/psql`)
      && fs.existsSync(`/usr/share/postgresql/${version}/extension/pg_cron.control`)) {
      return bin;
    }
  }
  return undefined;
}

const BIN = findPostgres();
const IS_ROOT = process.getuid?.() === 0;

/** Runs a command; `asServerUser` runs it as 'postgres' under root (initdb and the server refuse root). */
function run(cmd: string, args: string[], input?: string, asServerUser = false): SpawnSyncReturns<string> {
  const [file, argv] = IS_ROOT && asServerUser ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const result = spawnSync(file, argv, { encoding: 'utf8', input, timeout: 30_000 });
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
  }
  return result;
}

/** The `cron.schedule` call a store with a 30-day retention hands to its job runner. */
function scheduledJobSql(): string {
  return historyStore().retentionJobSql!;
}

/** The store whose statements the test runs. */
function historyStore(): PostgresHistoryStore {
  const stack = newStack();
  const common = { resourceGroupName: 'rg-chat', location: 'swedencentral' };
  const network = new PrivateNetwork(stack, 'Network', common);
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: 'rg-chat', network, zones: [...PrivateLinkZone.all(), PrivateLinkZone.POSTGRESQL] });
  const monitoring = new Monitoring(stack, 'Monitoring', common);
  const vault = new PrivateKeyVault(stack, 'Vault', { ...common, network, dnsZones, monitoring });
  return new PostgresHistoryStore(stack, 'History', { ...common, network, dnsZones, vault, monitoring, retentionDays: DAYS });
}
const ADMIN = 'chatadmin';
const APP = 'openwebui_app';
const STATEMENT = openWebUiRetentionStatement(DAYS);

// Old: 40 days without an update (past the 30-day retention); recent: one day.
const OLD = 'extract(epoch FROM now() - interval \'40 days\')::bigint';
const RECENT = 'extract(epoch FROM now() - interval \'1 day\')::bigint';

/** Two users' data: what the job must delete is named 'old…' or hangs off chat-old. */
const SEED = `
TRUNCATE chat, chat_message, chat_file, shared_chat, access_grant, file, knowledge, knowledge_file, feedback, tag, memory, automation_run, auth, "user";
INSERT INTO auth (id, email, password, active) VALUES ('u1', 'alice@contoso.com', '', true), ('u2', 'bob@contoso.com', '', true);
INSERT INTO "user" (id, name, email, role) VALUES ('u1', 'Alice', 'alice@contoso.com', 'user'), ('u2', 'Bob', 'bob@contoso.com', 'user');
INSERT INTO chat (id, user_id, title, chat, created_at, updated_at, archived, pinned, meta) VALUES
  ('chat-old', 'u1', 'old secret', '{"history":{"messages":{"m1":{"content":"old secret text"}}}}', ${OLD}, ${OLD}, false, false, '{"tags":["finance","shared-tag","archived-tag"]}'),
  ('chat-old-child', 'u1', 'internal', '{}', ${RECENT}, ${RECENT}, false, false, '{"internal":true,"parent_chat_id":"chat-old"}'),
  ('chat-old-archived', 'u1', 'archived old', '{}', ${OLD}, ${OLD}, true, false, '{"tags":"not-an-array"}'),
  ('chat-new', 'u1', 'new', '{}', ${RECENT}, ${RECENT}, false, false, '{"tags":["shared-tag"]}'),
  ('chat-new-archived', 'u1', 'archived new', '{}', ${RECENT}, ${RECENT}, true, false, '{"tags":["archived-tag"]}'),
  ('chat-u2', 'u2', 'other user', '{}', ${RECENT}, ${RECENT}, false, false, '{"tags":["finance"]}'),
  ('legacy-share', 'shared-chat-old', 'legacy snapshot', '{}', ${RECENT}, ${RECENT}, false, false, '{}');
INSERT INTO chat_message (id, chat_id, user_id, role, content, created_at, updated_at) VALUES
  ('chat-old-m1', 'chat-old', 'u1', 'user', '"old secret text"', ${OLD}, ${OLD}),
  ('chat-old-m2', 'chat-old', 'u1', 'assistant', '"old answer"', ${OLD}, ${OLD}),
  ('chat-old-child-m1', 'chat-old-child', 'u1', 'user', '"child text"', ${RECENT}, ${RECENT}),
  ('chat-new-m1', 'chat-new', 'u1', 'user', '"new text"', ${RECENT}, ${RECENT});
INSERT INTO shared_chat (id, chat_id, user_id, title, chat, created_at, updated_at) VALUES
  ('share-old', 'chat-old', 'u1', 'old secret', '{"messages":["old secret text"]}', ${RECENT}, ${RECENT}),
  ('share-new', 'chat-new', 'u1', 'new', '{}', ${RECENT}, ${RECENT});
INSERT INTO file (id, user_id, filename, path, data, meta, created_at, updated_at) VALUES
  ('file-only-old', 'u1', 'a.pdf', '/app/backend/data/uploads/file-only-old_a.pdf', '{"content":"extracted secret"}', '{}', ${OLD}, ${OLD}),
  ('file-also-new', 'u1', 'b.pdf', '/app/backend/data/uploads/file-also-new_b.pdf', '{"content":"still used"}', '{}', ${OLD}, ${OLD}),
  ('file-in-kb', 'u1', 'c.pdf', '/app/backend/data/uploads/file-in-kb_c.pdf', '{"content":"knowledge"}', '{}', ${OLD}, ${OLD}),
  ('file-unlinked', 'u1', 'd.pdf', '/app/backend/data/uploads/file-unlinked_d.pdf', '{"content":"workspace"}', '{}', ${OLD}, ${OLD});
INSERT INTO chat_file (id, user_id, chat_id, message_id, file_id, created_at, updated_at) VALUES
  ('cf1', 'u1', 'chat-old', 'm1', 'file-only-old', ${OLD}, ${OLD}),
  ('cf2', 'u1', 'chat-old', 'm1', 'file-also-new', ${OLD}, ${OLD}),
  ('cf3', 'u1', 'chat-new', 'm1', 'file-also-new', ${RECENT}, ${RECENT}),
  ('cf4', 'u1', 'chat-old', 'm1', 'file-in-kb', ${OLD}, ${OLD});
INSERT INTO knowledge (id, user_id, name, description, created_at, updated_at) VALUES ('kb', 'u1', 'Docs', '', ${OLD}, ${OLD});
INSERT INTO knowledge_file (id, user_id, knowledge_id, file_id, created_at, updated_at) VALUES ('kf', 'u1', 'kb', 'file-in-kb', ${OLD}, ${OLD});
INSERT INTO access_grant (id, resource_type, resource_id, principal_type, principal_id, permission, created_at) VALUES
  ('grant-share-old', 'shared_chat', 'chat-old', 'user', '*', 'read', ${OLD}),
  ('grant-share-new', 'shared_chat', 'chat-new', 'user', '*', 'read', ${RECENT}),
  ('grant-file-old', 'file', 'file-only-old', 'user', 'u2', 'read', ${OLD}),
  ('grant-file-kb', 'file', 'file-in-kb', 'user', 'u2', 'read', ${OLD});
INSERT INTO feedback (id, user_id, version, type, data, meta, snapshot, created_at, updated_at) VALUES
  ('fb-old', 'u1', 0, 'rating', '{"rating":1}', '{"chat_id":"chat-old"}', '{"chat":{"title":"old secret"}}', ${RECENT}, ${RECENT}),
  ('fb-new', 'u1', 0, 'rating', '{"rating":1}', '{"chat_id":"chat-new"}', '{}', ${RECENT}, ${RECENT});
INSERT INTO tag (id, name, user_id, meta) VALUES
  ('finance', 'Finance', 'u1', '{}'), ('shared-tag', 'Shared', 'u1', '{}'), ('archived-tag', 'Archived', 'u1', '{}'),
  ('unused', 'Unused', 'u1', '{}'), ('finance', 'Finance', 'u2', '{}');
INSERT INTO memory (id, user_id, content, updated_at, created_at) VALUES
  ('mem-old', 'u1', 'likes old secrets', ${OLD}, ${OLD}), ('mem-new', 'u2', 'likes tea', ${RECENT}, ${OLD});
INSERT INTO automation_run (id, automation_id, chat_id, status, created_at) VALUES
  ('run-old', 'auto', 'chat-old', 'success', 1), ('run-new', 'auto', 'chat-new', 'success', 2);
`;

/** Exactly what must be left after the job (table -> its remaining rows, sorted). */
const EXPECTED_AFTER: Record<string, string[]> = {
  // chat-old, its internal child, the old archived chat and the legacy shared-chat-old row are gone.
  'SELECT id FROM chat': ['chat-new', 'chat-new-archived', 'chat-u2'],
  'SELECT id FROM chat_message': ['chat-new-m1'],
  'SELECT id FROM shared_chat': ['share-new'],
  // file-only-old was linked to chat-old alone; the others are used elsewhere or never linked.
  'SELECT id FROM file': ['file-also-new', 'file-in-kb', 'file-unlinked'],
  'SELECT id FROM chat_file': ['cf3'],
  'SELECT id FROM knowledge_file': ['kf'],
  'SELECT id FROM access_grant': ['grant-file-kb', 'grant-share-new'],
  'SELECT id FROM feedback': ['fb-new'],
  // u1's 'finance' was carried by chat-old alone; 'archived-tag' by chat-old and an archived chat,
  // which Open WebUI does not count; 'shared-tag' stays on chat-new; u2's 'finance' is another user's.
  "SELECT user_id || ':' || id FROM tag": ['u1:shared-tag', 'u1:unused', 'u2:finance'],
  'SELECT id FROM memory': ['mem-new'],
  "SELECT id || ':' || coalesce(chat_id, 'NULL') FROM automation_run": ['run-new:chat-new', 'run-old:NULL'],
};

const describeWithPostgres = BIN ? describe : describe.skip;

if (!BIN) {
  const message = `retention.pg.test.ts: PostgreSQL server binaries with pg_cron are missing, so the retention job is NOT tested on a real database. Install them: ${INSTALL}`;
  if (process.env.CI === 'true') {
    test('PostgreSQL with pg_cron is installed (CI must prove the retention job)', () => {
      throw new Error(message);
    });
  } else {
    // eslint-disable-next-line no-console
    console.warn(`\n!!! ${message}\n`);
  }
}

describeWithPostgres('the retention job on PostgreSQL with pg_cron (Open WebUI v0.11.4 schema)', () => {
  let dir: string;
  let data: string;
  let started = false;

  const psql = (sql: string, db = DB, user = 'postgres'): string =>
    run(`${BIN}/psql`, ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-p', '5432', '-U', user, '-d', db], sql).stdout.trim();
  const rows = (query: string): string[] => psql(`${query} ORDER BY 1`).split('\n').filter((l) => l !== '');
  const expectAfterRetention = () => {
    const actual = Object.fromEntries(Object.keys(EXPECTED_AFTER).map((q) => [q, rows(q)]));
    expect(actual).toEqual(EXPECTED_AFTER);
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-pg-'));
    if (IS_ROOT) run('chown', ['postgres:postgres', dir]);
    data = path.join(dir, 'data');
    run(`${BIN}/initdb`, ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'], undefined, true);
    // No TCP listener at all: the socket lives in the temp dir. The job's command runs here in the
    // test, so pg_cron's scheduler need not connect anywhere (background workers, not libpq).
    const options = [
      "-c listen_addresses=''", `-c unix_socket_directories=${dir}`, '-c port=5432', '-c fsync=off',
      '-c shared_preload_libraries=pg_cron', `-c cron.database_name=${DB}`, '-c cron.use_background_workers=on',
    ].join(' ');
    run(`${BIN}/pg_ctl`, ['start', '-w', '-t', '30', '-D', data, '-l', path.join(dir, 'server.log'), '-o', options], undefined, true);
    started = true;
    // Azure's administrator: no superuser, CREATEDB and CREATEROLE, allowed to schedule jobs; it
    // owns the database ARM creates.
    psql(`CREATE ROLE ${ADMIN} LOGIN CREATEDB CREATEROLE`, 'postgres');
    psql(`CREATE DATABASE ${DB} OWNER ${ADMIN}`, 'postgres');
    psql('CREATE EXTENSION pg_cron');
    psql(`GRANT USAGE ON SCHEMA cron TO ${ADMIN}`);
    // The store's setup statements as the administrator; psycopg2 would fill in the password.
    const setup = historyStore().setupStatements!.filter((s) => !s.includes('cron.'))
      .map((s) => s.replace('%(app_password)s', "'app-password'"));
    psql(`BEGIN;\n${setup.join(';\n')};\nCOMMIT;`, DB, ADMIN);
    // Open WebUI's migrations, run as the app's login.
    psql(fs.readFileSync(path.join(__dirname, 'fixtures', 'open-webui-v0.11.4.sql'), 'utf8'), DB, APP);
    expect(psql("SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'")).toBe(APP);
  }, 60_000);

  afterAll(() => {
    if (started) spawnSync(IS_ROOT ? 'runuser' : `${BIN}/pg_ctl`, [...(IS_ROOT ? ['-u', 'postgres', '--', `${BIN}/pg_ctl`] : []), 'stop', '-m', 'immediate', '-D', data], { timeout: 30_000 });
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  test('the store schedules exactly this statement, and PostgresHistoryStore.openWebUiRetentionStatement is it', () => {
    expect(scheduledJobSql()).toBe(`SELECT cron.schedule('chat-retention', '17 3 * * *', $$${STATEMENT}$$)`);
    expect(PostgresHistoryStore.openWebUiRetentionStatement(DAYS)).toBe(STATEMENT);
  });

  test('cron.schedule registers the job with the statement as its command, and the command deletes exactly the expired data', () => {
    const statement = STATEMENT;
    psql(SEED);
    psql(scheduledJobSql(), DB, ADMIN);
    // pg_cron runs a job as the user who scheduled it: the administrator, not the app's login.
    expect(rows("SELECT jobname || '|' || schedule || '|' || database || '|' || username FROM cron.job")).toEqual([`chat-retention|17 3 * * *|${DB}|${ADMIN}`]);
    expect(psql("SELECT command FROM cron.job WHERE jobname = 'chat-retention'")).toBe(statement);
    // Run what pg_cron stored, not the string the test holds, as the user pg_cron runs it as.
    psql("DO $run$ BEGIN EXECUTE (SELECT command FROM cron.job WHERE jobname = 'chat-retention'); END $run$", DB, ADMIN);
    expectAfterRetention();
    // A second run finds nothing more to delete.
    psql(statement);
    expectAfterRetention();
  });

  test('the statement run directly deletes the same, and keeps everything when nothing is expired', () => {
    const statement = STATEMENT;
    psql(SEED);
    psql(statement);
    expectAfterRetention();

    psql(SEED);
    psql(`UPDATE chat SET updated_at = ${RECENT}; UPDATE memory SET updated_at = ${RECENT}`);
    psql(statement);
    expect(rows('SELECT id FROM chat')).toHaveLength(7);
    expect(rows('SELECT id FROM file')).toHaveLength(4);
    expect(rows('SELECT id FROM tag')).toHaveLength(5);
    expect(rows('SELECT id FROM memory')).toHaveLength(2);
  });

  test('scheduling twice keeps one job (re-applying Terraform is harmless)', () => {
    const jobSql = scheduledJobSql();
    psql(jobSql, DB, ADMIN);
    psql(jobSql, DB, ADMIN);
    expect(rows("SELECT jobname FROM cron.job WHERE jobname = 'chat-retention'")).toEqual(['chat-retention']);
  });

  test("docs/data-protection.md's purge of one user removes every row of theirs and nothing of anyone else's", () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'data-protection.md'), 'utf8');
    const purge = /psql "\$DATABASE_URL" -v ON_ERROR_STOP=1 -v uid='<id>' <<'SQL'\n([\s\S]*?)\nSQL\n/.exec(doc);
    expect(purge).not.toBeNull();
    psql(SEED);
    run(`${BIN}/psql`, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-v', 'uid=u1', '-h', dir, '-p', '5432', '-U', 'postgres', '-d', DB], purge![1]);
    const owners = [
      'SELECT user_id FROM chat', 'SELECT user_id FROM chat_message', 'SELECT user_id FROM shared_chat', 'SELECT user_id FROM feedback',
      'SELECT user_id FROM file', 'SELECT user_id FROM chat_file', 'SELECT user_id FROM knowledge', 'SELECT user_id FROM knowledge_file',
      'SELECT user_id FROM memory', 'SELECT user_id FROM tag', 'SELECT id FROM auth', 'SELECT id FROM "user"',
    ];
    expect(Object.fromEntries(owners.map((q) => [q, [...new Set(rows(q))]]))).toEqual({
      'SELECT user_id FROM chat': ['u2'],
      'SELECT user_id FROM chat_message': [],
      'SELECT user_id FROM shared_chat': [],
      'SELECT user_id FROM feedback': [],
      'SELECT user_id FROM file': [],
      'SELECT user_id FROM chat_file': [],
      'SELECT user_id FROM knowledge': [],
      'SELECT user_id FROM knowledge_file': [],
      'SELECT user_id FROM memory': ['u2'],
      'SELECT user_id FROM tag': ['u2'],
      'SELECT id FROM auth': ['u2'],
      'SELECT id FROM "user"': ['u2'],
    });
    // Every seeded grant is on u1's shared links or files, or for u1.
    expect(rows('SELECT id FROM access_grant')).toEqual([]);
  });

  test('on a schema without shared_chat (before migration c1d2e3f4a5b6) the job fails whole and deletes nothing', () => {
    const statement = STATEMENT;
    psql(SEED);
    psql('ALTER TABLE shared_chat RENAME TO shared_chat_missing');
    try {
      expect(() => psql(statement)).toThrow(/relation "shared_chat" does not exist/);
      expect(rows('SELECT id FROM chat')).toHaveLength(7);
    } finally {
      psql('ALTER TABLE shared_chat_missing RENAME TO shared_chat');
    }
  });
});
