// The database setup the front end runs at its start, run for real: the startup command App Service
// gets, read the two ways App Service may read it (split into words like a POSIX shell, or given to
// `sh -c`), against a throwaway PostgreSQL 15 with pg_cron, with Debian's python3 and psycopg2
// standing in for the Open WebUI image's Python and psycopg2. It must schedule the retention job,
// then exec the image's own command; twice (or twice at once) must leave one job; a failure must
// stop the start.
import { execFileSync, spawn, spawnSync } from 'child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { PrivateChat } from '../../src';
import {
  DB_SETUP_ATTEMPTS_SETTING, DB_SETUP_RETRY_SECONDS_SETTING, DB_SETUP_SCRIPT_SETTING, DB_SETUP_STATEMENTS_SETTING,
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

/** What App Service would get from the stack: the startup command and the two setup settings, as Terraform renders them. */
function fromStack() {
  const stack = newStack();
  new PrivateChat(stack, 'chat', { location: 'swedencentral', history: { retentionDays: 30 } });
  const app = Object.values(resourcesOf(synthJson(stack), 'azurerm_linux_web_app'))[0] as any;
  const rendered = (text: string) => text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  return {
    command: app.site_config.app_command_line as string,
    statements: rendered(app.app_settings[DB_SETUP_STATEMENTS_SETTING]),
    script: rendered(app.app_settings[DB_SETUP_SCRIPT_SETTING]),
  };
}

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
    pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    port = await freePort();
    pg('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '30', 'start', '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c shared_preload_libraries=pg_cron -c cron.database_name=openwebui`]);
    pg('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', 'CREATE DATABASE openwebui']);
    url = `postgresql://postgres:unused@127.0.0.1:${port}/openwebui?sslmode=disable`;
  }, 60_000);

  afterAll(() => {
    if (!dir) return;
    try {
      pg('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  function query(sql: string): string {
    return pg('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'openwebui', '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql]).trim();
  }

  /** The image's working directory with its `start.sh`, which records that it ran. */
  function workdir(): string {
    const cwd = mkdtempSync(join(dir, 'backend-'));
    writeFileSync(join(cwd, 'start.sh'), 'echo started > "$(dirname "$0")/started"\n');
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
    return { ...result, started: existsSync(join(cwd, 'started')) };
  }

  const appEnv = () => ({
    DATABASE_URL: url,
    [DB_SETUP_STATEMENTS_SETTING]: setup.statements,
    [DB_SETUP_SCRIPT_SETTING]: setup.script,
  });

  test.each(['words', 'shell'] as const)('read as %s: enables pg_cron, schedules the job the stack defines, then execs start.sh', (how) => {
    query("DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') THEN PERFORM cron.unschedule(jobid) FROM cron.job; END IF; END $$");
    const result = run(how, appEnv());
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('pchat-db-setup: applied 2 statement(s)');
    expect(result.status).toBe(0);
    expect(result.started).toBe(true);
    const statements = JSON.parse(setup.statements) as string[];
    expect(query("SELECT extname FROM pg_extension WHERE extname = 'pg_cron'")).toBe('pg_cron');
    const jobs = query("SELECT jobname || '|' || schedule || '|' || database || '|' || command FROM cron.job");
    const scheduled = /\$\$(.*)\$\$\)$/s.exec(statements[1])![1];
    expect(jobs).toBe(`chat-retention|17 3 * * *|openwebui|${scheduled}`);
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
    expect(query("SELECT count(*) FROM pg_extension WHERE extname = 'pg_cron'")).toBe('1');
  }, 60_000);

  test('fails closed when the database stays unreachable: every attempt logged, exit 1, start.sh never runs', async () => {
    const closed = await freePort();
    const result = run('shell', {
      ...appEnv(),
      DATABASE_URL: `postgresql://postgres:unused@127.0.0.1:${closed}/openwebui?sslmode=disable`,
      [DB_SETUP_ATTEMPTS_SETTING]: '2',
      [DB_SETUP_RETRY_SECONDS_SETTING]: '0.1',
    });
    expect(result.status).toBe(1);
    expect(result.started).toBe(false);
    expect(result.stderr).toMatch(/pchat-db-setup: attempt 1 of 2 failed: .*Connection refused/s);
    expect(result.stderr).toMatch(/pchat-db-setup: attempt 2 of 2 failed/);
    expect(result.stderr).toContain('pchat-db-setup: giving up; the front end does not start without its database setup (retention job)');
    expect(result.stderr).not.toContain('unused'); // the password in the URL is never logged
  });

  test('fails closed on a failing statement, and applies none of them (one transaction)', () => {
    query('SELECT cron.unschedule(jobid) FROM cron.job');
    const statements = JSON.stringify([JSON.parse(setup.statements)[1], 'SELECT no_such_function()']);
    const result = run('words', { ...appEnv(), [DB_SETUP_STATEMENTS_SETTING]: statements, [DB_SETUP_ATTEMPTS_SETTING]: '1' });
    expect(result.status).toBe(1);
    expect(result.started).toBe(false);
    expect(result.stderr).toContain('function no_such_function() does not exist');
    expect(query('SELECT count(*) FROM cron.job')).toBe('0');
  });

  test('the server log shows the setup connected as the URL says (sanity check of the harness)', () => {
    expect(readFileSync(join(dir, 'server.log'), 'utf8')).toMatch(/database system is ready to accept connections/);
  });
});
