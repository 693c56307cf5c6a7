// The retention job on a real PostgreSQL with pg_cron: a throwaway server in a temp dir (unix socket
// only, no TCP port), Open WebUI v0.11.4's tables (fixtures/open-webui-v0.11.4.sql), and the exact
// `cron.schedule` call PostgresHistoryStore hands to Terraform. Asserts what is gone and what stays.
// As on Azure, Open WebUI's tables belong to the app's own login (created by the store's setup
// statements, run by a non-superuser administrator), and the administrator schedules the job, so
// pg_cron runs it as the administrator: the job must still delete from the app's tables.
// pgvector cannot be installed here, so Open WebUI's `document_chunk` is a stand-in with the same
// columns and a real[] where pgvector has its `vector` column; the retention never reads that column.
// The blob purger (src/app/private/database-setup.ts) runs here too, with Debian's python3 and
// psycopg2 and stand-in `azure.*` modules on PYTHONPATH that record each deleted blob's URL.
import { spawn, spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  Monitoring, PostgresHistoryStore, PrivateDnsZones, PrivateKeyVault, PrivateLinkZone, PrivateNetwork,
} from '../../src';
import { BLOB_PURGE_INTERVAL_SETTING, BLOB_PURGE_ONCE_SETTING, blobPurgerScript } from '../../src/app/private/database-setup';
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
/** The stand-in for pgvector's `CREATE EXTENSION`, which cannot be installed here. */
const PGVECTOR = 'CREATE EXTENSION IF NOT EXISTS vector';
/**
 * Open WebUI's pgvector table as its `PgvectorClient` creates it (backend/open_webui/retrieval/vector/dbs/pgvector.py,
 * `DocumentChunk`, and its `idx_document_chunk_collection_name`), with real[] in place of `vector(1536)`.
 */
const DOCUMENT_CHUNK = 'CREATE TABLE document_chunk (id text PRIMARY KEY, vector real[], collection_name text NOT NULL, text text, vmetadata jsonb); '
  + 'CREATE INDEX idx_document_chunk_collection_name ON document_chunk (collection_name)';
const BLOB = 'https://stchat.blob.core.windows.net/uploads';

// Old: 40 days without an update (past the 30-day retention); recent: one day.
const OLD = 'extract(epoch FROM now() - interval \'40 days\')::bigint';
const RECENT = 'extract(epoch FROM now() - interval \'1 day\')::bigint';

/** Two users' data: what the job must delete is named 'old…' or hangs off chat-old. */
const SEED = `
TRUNCATE chat, chat_message, chat_file, shared_chat, access_grant, file, knowledge, knowledge_file, feedback, tag, memory, automation_run, auth, "user", pchat.blob_purge_queue;
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
  ('file-only-old', 'u1', 'a.pdf', '${BLOB}/file-only-old_a.pdf', '{"content":"extracted secret"}', '{}', ${OLD}, ${OLD}),
  ('file-local-old', 'u1', 'e.pdf', '/app/backend/data/uploads/file-local-old_e.pdf', '{"content":"local secret"}', '{}', ${OLD}, ${OLD}),
  ('file-no-path-old', 'u1', 'f.txt', NULL, '{"content":"pasted"}', '{}', ${OLD}, ${OLD}),
  ('file-also-new', 'u1', 'b.pdf', '${BLOB}/file-also-new_b.pdf', '{"content":"still used"}', '{}', ${OLD}, ${OLD}),
  ('file-in-kb', 'u1', 'c.pdf', '/app/backend/data/uploads/file-in-kb_c.pdf', '{"content":"knowledge"}', '{}', ${OLD}, ${OLD}),
  ('file-unlinked', 'u1', 'd.pdf', '/app/backend/data/uploads/file-unlinked_d.pdf', '{"content":"workspace"}', '{}', ${OLD}, ${OLD});
INSERT INTO chat_file (id, user_id, chat_id, message_id, file_id, created_at, updated_at) VALUES
  ('cf1', 'u1', 'chat-old', 'm1', 'file-only-old', ${OLD}, ${OLD}),
  ('cf2', 'u1', 'chat-old', 'm1', 'file-also-new', ${OLD}, ${OLD}),
  ('cf3', 'u1', 'chat-new', 'm1', 'file-also-new', ${RECENT}, ${RECENT}),
  ('cf4', 'u1', 'chat-old', 'm1', 'file-in-kb', ${OLD}, ${OLD}),
  ('cf5', 'u1', 'chat-old', 'm1', 'file-local-old', ${OLD}, ${OLD}),
  ('cf6', 'u1', 'chat-old-child', 'm1', 'file-no-path-old', ${RECENT}, ${RECENT});
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
/** Vectors: a file's chunks in 'file-<id>' (random ids), a knowledge base's in '<knowledge id>', a memory's in 'user-memory-<user>' under its id. */
const SEED_VECTORS = `
TRUNCATE document_chunk;
INSERT INTO document_chunk (id, vector, collection_name, text, vmetadata) VALUES
  ('c-only-old-1', '{0.1,0.2}', 'file-file-only-old', 'extracted secret part 1', '{"file_id":"file-only-old"}'),
  ('c-only-old-2', '{0.3,0.4}', 'file-file-only-old', 'extracted secret part 2', '{"file_id":"file-only-old"}'),
  ('c-local-old', '{0.1,0.2}', 'file-file-local-old', 'local secret', '{"file_id":"file-local-old"}'),
  ('c-no-path-old', '{0.1,0.2}', 'file-file-no-path-old', 'pasted', '{"file_id":"file-no-path-old"}'),
  ('c-also-new', '{0.1,0.2}', 'file-file-also-new', 'still used', '{"file_id":"file-also-new"}'),
  ('c-in-kb', '{0.1,0.2}', 'file-file-in-kb', 'knowledge', '{"file_id":"file-in-kb"}'),
  ('c-kb', '{0.1,0.2}', 'kb', 'knowledge', '{"file_id":"file-in-kb"}'),
  ('mem-old', '{0.1,0.2}', 'user-memory-u1', 'likes old secrets', '{}'),
  ('mem-new', '{0.1,0.2}', 'user-memory-u2', 'likes tea', '{}'),
  ('file-only-old', '{0.1,0.2}', 'web-search-file-only-old', 'an id that only looks like a memory or file id', '{}');
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
  // Only the bytes on a blob store wait for the purger: a local path or none is not queued.
  "SELECT file_id || ' ' || path FROM pchat.blob_purge_queue": [`file-only-old ${BLOB}/file-only-old_a.pdf`],
  'SELECT id FROM knowledge_file': ['kf'],
  'SELECT id FROM access_grant': ['grant-file-kb', 'grant-share-new'],
  'SELECT id FROM feedback': ['fb-new'],
  // u1's 'finance' was carried by chat-old alone; 'archived-tag' by chat-old and an archived chat,
  // which Open WebUI does not count; 'shared-tag' stays on chat-new; u2's 'finance' is another user's.
  "SELECT user_id || ':' || id FROM tag": ['u1:shared-tag', 'u1:unused', 'u2:finance'],
  'SELECT id FROM memory': ['mem-new'],
  "SELECT id || ':' || coalesce(chat_id, 'NULL') FROM automation_run": ['run-new:chat-new', 'run-old:NULL'],
};
/** The vectors left: those of the deleted files and the deleted memory are gone, nothing else. */
const VECTORS_AFTER = ['c-also-new', 'c-in-kb', 'c-kb', 'file-only-old', 'mem-new'];

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
  const expectAfterRetention = (vectors = true) => {
    const actual = Object.fromEntries(Object.keys(EXPECTED_AFTER).map((q) => [q, rows(q)]));
    expect(actual).toEqual(EXPECTED_AFTER);
    if (vectors) expect(rows('SELECT id FROM document_chunk')).toEqual(VECTORS_AFTER);
  };
  const seed = () => psql(SEED + SEED_VECTORS);

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
    const all = historyStore().setupStatements!;
    expect(all).toContain(PGVECTOR);
    const setup = all.filter((s) => !s.includes('cron.') && s !== PGVECTOR)
      .map((s) => s.replace('%(app_password)s', "'app-password'"));
    psql(`BEGIN;\n${setup.join(';\n')};\nCOMMIT;`, DB, ADMIN);
    // Open WebUI's migrations, and its pgvector table, created as the app's login.
    psql(fs.readFileSync(path.join(__dirname, 'fixtures', 'open-webui-v0.11.4.sql'), 'utf8'), DB, APP);
    psql(DOCUMENT_CHUNK, DB, APP);
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
    seed();
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
    seed();
    psql(statement);
    expectAfterRetention();

    seed();
    psql(`UPDATE chat SET updated_at = ${RECENT}; UPDATE memory SET updated_at = ${RECENT}`);
    psql(statement);
    expect(rows('SELECT id FROM chat')).toHaveLength(7);
    expect(rows('SELECT id FROM file')).toHaveLength(6);
    expect(rows('SELECT id FROM tag')).toHaveLength(5);
    expect(rows('SELECT id FROM memory')).toHaveLength(2);
    expect(rows('SELECT id FROM document_chunk')).toHaveLength(10);
    expect(rows('SELECT id FROM pchat.blob_purge_queue')).toEqual([]);
  });

  test('before Open WebUI created document_chunk (or with another vector store) the statement deletes the same rows and no vectors', () => {
    seed();
    psql('ALTER TABLE document_chunk RENAME TO document_chunk_elsewhere');
    try {
      expect(psql(STATEMENT)).toBe('0'); // the number of vectors deleted
      expectAfterRetention(false);
      expect(rows('SELECT id FROM document_chunk_elsewhere')).toHaveLength(10);
    } finally {
      psql('ALTER TABLE document_chunk_elsewhere RENAME TO document_chunk');
    }
    seed();
    expect(psql(STATEMENT)).toBe('5'); // file-only-old's two, file-local-old's, file-no-path-old's, mem-old
  });

  test('the app login cannot replace the function the job runs as the administrator, nor read the schema beyond the queue', () => {
    const asApp = (sql: string) => spawnSync(`${BIN}/psql`, ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-p', '5432', '-U', APP, '-d', DB, '-c', sql], { encoding: 'utf8' });
    expect(asApp('CREATE OR REPLACE FUNCTION pchat.delete_vectors(file_ids text[], memory_ids text[]) RETURNS bigint LANGUAGE sql AS \'SELECT 0::bigint\'').stderr)
      .toMatch(/permission denied for schema pchat|must be owner of function/);
    expect(asApp('DROP FUNCTION pchat.delete_vectors(text[], text[])').stderr).toContain('must be owner of function');
    expect(asApp('CREATE TABLE pchat.mine (id int)').stderr).toContain('permission denied for schema pchat');
    expect(asApp("SELECT pchat.delete_vectors('{}', '{}')").stderr).toContain('permission denied for function delete_vectors');
    expect(asApp('SELECT count(*) FROM pchat.blob_purge_queue')).toMatchObject({ status: 0 });
  });

  test('without the pchat schema the store\'s setup creates, the job fails whole and deletes nothing', () => {
    seed();
    psql('ALTER SCHEMA pchat RENAME TO pchat_missing');
    try {
      expect(() => psql(STATEMENT)).toThrow(/relation "pchat.blob_purge_queue" does not exist/);
      expect(rows('SELECT id FROM chat')).toHaveLength(7);
      expect(rows('SELECT id FROM document_chunk')).toHaveLength(10);
    } finally {
      psql('ALTER SCHEMA pchat_missing RENAME TO pchat');
    }
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
    seed();
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
    // u1's vectors (their files', their knowledge base's, their memories') are gone; u2's memory stays.
    expect(rows('SELECT id FROM document_chunk')).toEqual(['file-only-old', 'mem-new']);
    // The blobs of u1's files on the blob store wait for the purger.
    expect(rows("SELECT file_id || ' ' || path FROM pchat.blob_purge_queue"))
      .toEqual([`file-also-new ${BLOB}/file-also-new_b.pdf`, `file-only-old ${BLOB}/file-only-old_a.pdf`]);
  });

  test('on a schema without shared_chat (before migration c1d2e3f4a5b6) the job fails whole and deletes nothing', () => {
    const statement = STATEMENT;
    seed();
    psql('ALTER TABLE shared_chat RENAME TO shared_chat_missing');
    try {
      expect(() => psql(statement)).toThrow(/relation "shared_chat" does not exist/);
      expect(rows('SELECT id FROM chat')).toHaveLength(7);
    } finally {
      psql('ALTER TABLE shared_chat_missing RENAME TO shared_chat');
    }
  });

  describe('the blob purger (run once, against stand-in azure.* modules)', () => {
    const PYTHON = '/usr/bin/python3'; // Debian's, with python3-psycopg2
    let fake: string;
    let dataDir: string;
    const deletedLog = () => path.join(fake, 'deleted.log');
    const deleted = (): string[] => (fs.existsSync(deletedLog()) ? fs.readFileSync(deletedLog(), 'utf8').split('\n').filter((l) => l !== '') : []);
    const queue = (ids: string[], base = BLOB) =>
      psql(`TRUNCATE pchat.blob_purge_queue; INSERT INTO pchat.blob_purge_queue (file_id, path) VALUES ${ids.map((id) => `('${id}', '${base}/${id}_report.pdf')`).join(', ')}`);
    const purgerEnv = (extra: Record<string, string> = {}) => ({
      PATH: '/usr/bin:/bin',
      PYTHONPATH: fake,
      DATABASE_URL: `postgresql://${APP}@/${DB}?host=${dir}&port=5432`,
      STORAGE_PROVIDER: 'azure',
      AZURE_STORAGE_ENDPOINT: 'https://stchat.blob.core.windows.net',
      AZURE_STORAGE_CONTAINER_NAME: 'uploads',
      DATA_DIR: dataDir,
      [BLOB_PURGE_ONCE_SETTING]: '1',
      [BLOB_PURGE_INTERVAL_SETTING]: '3600',
      FAKE_BLOB_LOG: deletedLog(),
      ...extra,
    });
    const script = blobPurgerScript().join('\n');
    const purge = (extra: Record<string, string> = {}) => spawnSync(PYTHON, ['-c', script], { encoding: 'utf8', timeout: 60_000, env: purgerEnv(extra) });

    beforeAll(() => {
      fake = fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-fake-azure-'));
      dataDir = path.join(fake, 'data');
      const files: Record<string, string> = {
        'azure/__init__.py': '',
        'azure/core/__init__.py': '',
        'azure/core/exceptions.py': 'class ResourceNotFoundError(Exception):\n    pass\nclass HttpResponseError(Exception):\n    pass\n',
        'azure/identity/__init__.py': 'class DefaultAzureCredential:\n    pass\n',
        'azure/storage/__init__.py': '',
        'azure/storage/blob/__init__.py': [
          'import os, time',
          'from azure.core.exceptions import HttpResponseError, ResourceNotFoundError',
          'from azure.identity import DefaultAzureCredential',
          'class ContainerClient:',
          '    def __init__(self, url, name):',
          '        self.url, self.name = url, name',
          '    def delete_blob(self, blob):',
          "        time.sleep(float(os.environ.get('FAKE_BLOB_DELAY') or 0))",
          "        if blob in (os.environ.get('FAKE_BLOB_MISSING') or '').split(','):",
          "            raise ResourceNotFoundError('The specified blob does not exist.')",
          "        if blob in (os.environ.get('FAKE_BLOB_FAIL') or '').split(','):",
          "            raise HttpResponseError('This request is not authorized to perform this operation using this permission.\\nRequestId:1')",
          "        with open(os.environ['FAKE_BLOB_LOG'], 'a') as log:",
          "            log.write(self.url + '/' + self.name + '/' + blob + '\\n')",
          'class BlobServiceClient:',
          '    def __init__(self, account_url, credential):',
          '        assert isinstance(credential, DefaultAzureCredential)',
          '        self.url = account_url',
          '    def get_container_client(self, name):',
          '        return ContainerClient(self.url, name)',
          '',
        ].join('\n'),
      };
      for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(fake, file)), { recursive: true });
        fs.writeFileSync(path.join(fake, file), text);
      }
      fs.mkdirSync(path.join(dataDir, 'uploads'), { recursive: true });
    });

    afterAll(() => {
      if (fake) fs.rmSync(fake, { recursive: true, force: true });
    });

    beforeEach(() => fs.rmSync(deletedLog(), { force: true }));

    test('after the retention job, it deletes exactly the queued blob with the managed identity, empties the queue and removes the local copy', () => {
      seed();
      psql(STATEMENT);
      fs.writeFileSync(path.join(dataDir, 'uploads', 'file-only-old_a.pdf'), 'bytes');
      const result = purge();
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(deleted()).toEqual([`${BLOB}/file-only-old_a.pdf`]);
      expect(rows('SELECT id FROM pchat.blob_purge_queue')).toEqual([]);
      expect(fs.existsSync(path.join(dataDir, 'uploads', 'file-only-old_a.pdf'))).toBe(false);
      // File ids in the log, never file names.
      expect(result.stdout).toBe('pchat-blob-purge: file file-only-old: blob deleted\npchat-blob-purge: run done: 1 deleted, 0 kept for a retry, 0 left alone\n');
    });

    test('keeps the rows whose delete failed (with the attempt and the error), drops those already gone or outside the container', () => {
      queue(['ok', 'gone', 'denied']);
      psql('INSERT INTO pchat.blob_purge_queue (file_id, path) VALUES (\'elsewhere\', \'https://other.blob.core.windows.net/uploads/elsewhere_x.pdf\')');
      fs.writeFileSync(path.join(dataDir, 'uploads', 'denied_report.pdf'), 'bytes');
      const result = purge({ FAKE_BLOB_MISSING: 'gone_report.pdf', FAKE_BLOB_FAIL: 'denied_report.pdf' });
      expect(result.status).toBe(0);
      expect(deleted()).toEqual([`${BLOB}/ok_report.pdf`]);
      expect(rows("SELECT file_id || '|' || attempts || '|' || last_error || '|' || (not_before > now() + interval '59 minutes') FROM pchat.blob_purge_queue"))
        .toEqual(['denied|1|HttpResponseError: This request is not authorized to perform this operation using this permission.|true']);
      expect(fs.existsSync(path.join(dataDir, 'uploads', 'denied_report.pdf'))).toBe(true);
      expect(result.stdout).toContain('pchat-blob-purge: file gone: blob already gone');
      expect(result.stderr).toContain('pchat-blob-purge: file denied: delete failed (attempt 1), kept for the next run: HttpResponseError');
      expect(result.stderr).toContain('pchat-blob-purge: file elsewhere: its blob is not in https://stchat.blob.core.windows.net/uploads/, left alone');
      // A row waiting for its retry is not taken before its time.
      expect(purge().status).toBe(0);
      expect(deleted()).toEqual([`${BLOB}/ok_report.pdf`]);
      psql('UPDATE pchat.blob_purge_queue SET not_before = now()');
      expect(purge().status).toBe(0);
      expect(deleted()).toEqual([`${BLOB}/ok_report.pdf`, `${BLOB}/denied_report.pdf`]);
      expect(rows('SELECT id FROM pchat.blob_purge_queue')).toEqual([]);
    });

    test('two purgers at once never delete one blob twice, and together empty the queue', async () => {
      const ids = Array.from({ length: 120 }, (_, i) => `f${String(i).padStart(3, '0')}`);
      queue(ids);
      const outputs = await Promise.all([0, 1].map(() => new Promise<string>((resolve) => {
        const child = spawn(PYTHON, ['-c', script], { env: purgerEnv({ FAKE_BLOB_DELAY: '0.01' }) });
        let out = '';
        child.stdout.on('data', (d) => { out += d; });
        child.on('exit', () => resolve(out));
      })));
      const all = deleted();
      expect(new Set(all).size).toBe(all.length);
      expect([...all].sort()).toEqual(ids.map((id) => `${BLOB}/${id}_report.pdf`));
      expect(rows('SELECT id FROM pchat.blob_purge_queue')).toEqual([]);
      // Each took its own batches.
      for (const out of outputs) expect(out).toMatch(/blob deleted/);
    }, 60_000);

    test('a database it cannot reach is logged, and does not crash it', () => {
      const result = purge({ DATABASE_URL: `postgresql://${APP}@/${DB}?host=${dir}&port=1` });
      expect(result.status).toBe(0);
      expect(result.stderr).toMatch(/^pchat-blob-purge: run failed, next in 3600 s: OperationalError/);
    });
  });
});
