import { Fn, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { propError } from '../../core/private/validate';

/**
 * The one-time database setup (today: pg_cron and the retention job) runs inside the VNet, in the
 * front end's own container, before the front end starts: the applying machine then needs no path
 * to the database's private endpoint. Why this mechanism and not a container instance or a
 * deployment script is in src/history/README.md ("Who schedules the retention job").
 *
 * How it runs:
 * - the statements are a JSON array in the app setting {@link DB_SETUP_STATEMENTS_SETTING};
 * - the script is a JSON array of Python lines in {@link DB_SETUP_SCRIPT_SETTING};
 * - App Service's startup command (`site_config.app_command_line`, which replaces the image's CMD)
 *   is {@link databaseSetupStartupCommand}: it joins and runs the script with the image's own
 *   Python and psycopg2 (the driver Open WebUI's sync engine uses for `postgresql://` URLs), which
 *   connects with {@link DB_SETUP_URL_SETTING} (the administrator's URL, a Key Vault reference App
 *   Service has resolved; `DATABASE_URL` when the store gives none), runs every statement in one
 *   transaction under an advisory lock (several instances start at once), and then replaces itself
 *   with the image's original command (`bash start.sh` in `/app/backend`), in an environment
 *   without the setup URL and the secret parameters: Open WebUI never holds them;
 * - a statement may name secret parameters, `%(name)s`, which psycopg2 fills in client side from
 *   the environment variable {@link DB_SETUP_SECRET_PREFIX}`NAME` (a Key Vault reference too), so
 *   that no secret is ever written in a statement or an app setting in clear. psycopg2 formats
 *   such a statement: a literal `%` in it must be written `%%`. Statements without parameters are
 *   sent as they are.
 *
 * It fails closed: when the database stays unreachable after the retries, or a statement fails,
 * the process exits 1 and the front end does not start, since a chat that runs without its
 * retention job breaks the retention the deployment promises; App Service restarts the container,
 * which retries. The log stream and `AppServiceConsoleLogs` show every failed attempt.
 */

/** App setting with the setup statements, a JSON array of SQL strings. */
export const DB_SETUP_STATEMENTS_SETTING = 'PCHAT_DB_SETUP_STATEMENTS';
/** App setting with the setup script, a JSON array of Python lines (app settings are one line each). */
export const DB_SETUP_SCRIPT_SETTING = 'PCHAT_DB_SETUP_SCRIPT';
/** App setting with the administrator's connection URL the setup runs with (a Key Vault reference). */
export const DB_SETUP_URL_SETTING = 'PCHAT_DB_SETUP_URL';
/** Prefix of the app settings that carry the statements' secret parameters: `%(app_password)s` reads `PCHAT_DB_SETUP_SECRET_APP_PASSWORD`. */
export const DB_SETUP_SECRET_PREFIX = 'PCHAT_DB_SETUP_SECRET_';
/** Names a secret parameter may have: lowercase, so that its app setting is the upper-case name. */
export const DB_SETUP_PARAMETER_NAME = /^[a-z][a-z0-9_]{0,62}$/;
/** App setting that overrides the number of connection attempts (default 6). */
export const DB_SETUP_ATTEMPTS_SETTING = 'PCHAT_DB_SETUP_ATTEMPTS';
/** App setting that overrides the seconds between attempts (default 10). */
export const DB_SETUP_RETRY_SECONDS_SETTING = 'PCHAT_DB_SETUP_RETRY_SECONDS';
/** Open WebUI's image command (its Dockerfile's `CMD ["bash", "start.sh"]`, run from `WORKDIR /app/backend`). */
export const OPEN_WEBUI_COMMAND: readonly string[] = ['bash', 'start.sh'];
/**
 * Key of the advisory lock the setup holds while it runs, so that instances starting together
 * apply the statements one after another (`CREATE EXTENSION` racing itself fails on a unique
 * index). Any constant works; this one spells "pchat" in ASCII.
 */
export const DB_SETUP_LOCK_KEY = 0x7063686174;

/** Schema the setup creates for the library's own objects, owned by the administrator (not by the app's login). */
export const PCHAT_SCHEMA = 'pchat';
/**
 * Table of uploaded blobs to delete: the retention job queues the `file.path` of each file it
 * deletes that lives on a blob store, and the blob purger empties it.
 */
export const BLOB_PURGE_QUEUE = `${PCHAT_SCHEMA}.blob_purge_queue`;
/** App setting with the blob purger, a JSON array of Python lines; the setup starts it only when it is set. */
export const BLOB_PURGER_SCRIPT_SETTING = 'PCHAT_BLOB_PURGER_SCRIPT';
/** App setting that overrides the seconds between two purger runs, and before a failed delete is retried (default 3600). */
export const BLOB_PURGE_INTERVAL_SETTING = 'PCHAT_BLOB_PURGE_INTERVAL_SECONDS';
/** App setting that makes the purger run once and exit (`1`), for operators and tests. */
export const BLOB_PURGE_ONCE_SETTING = 'PCHAT_BLOB_PURGE_ONCE';
/** Rows the purger takes per transaction. */
const BLOB_PURGE_BATCH = 50;

/**
 * The setup script, one Python line per element. It runs `statements` from the
 * {@link DB_SETUP_STATEMENTS_SETTING} environment variable and then execs `command`.
 */
export function databaseSetupScript(command: readonly string[] = OPEN_WEBUI_COMMAND): string[] {
  return [
    'import json, os, re, sys, time',
    'import psycopg2',
    `statements = json.loads(os.environ['${DB_SETUP_STATEMENTS_SETTING}'])`,
    `prefix = '${DB_SETUP_SECRET_PREFIX}'`,
    'params = {k[len(prefix):].lower(): v for k, v in os.environ.items() if k.startswith(prefix)}',
    // Every statement's parameters are checked before connecting: a missing one fails the start.
    "needed = [set(re.findall(r'%\\((\\w+)\\)s', s)) for s in statements]",
    'missing = sorted(set().union(*needed) - set(params)) if needed else []',
    'if missing:',
    "    print('pchat-db-setup: no secret parameter %s; set %s' % (', '.join(missing), ', '.join(prefix + m.upper() for m in missing)), file=sys.stderr, flush=True)",
    '    sys.exit(1)',
    `url = os.environ.get('${DB_SETUP_URL_SETTING}') or os.environ.get('DATABASE_URL', '')`,
    `attempts = int(os.environ.get('${DB_SETUP_ATTEMPTS_SETTING}') or 6)`,
    `pause = float(os.environ.get('${DB_SETUP_RETRY_SECONDS_SETTING}') or 10)`,
    // Only the server's primary message is logged: psycopg2's full text may quote the statement,
    // which for a parameterised one holds the secret.
    'def reason(error):',
    "    primary = getattr(getattr(error, 'diag', None), 'message_primary', None)",
    '    return primary or (str(error).strip().splitlines() or [type(error).__name__])[0]',
    'for attempt in range(1, attempts + 1):',
    '    try:',
    '        conn = psycopg2.connect(url, connect_timeout=10)',
    '        try:',
    '            with conn:',
    '                with conn.cursor() as cur:',
    `                    cur.execute('SELECT pg_advisory_xact_lock(%s)', (${DB_SETUP_LOCK_KEY},))`,
    '                    for statement, names in zip(statements, needed):',
    '                        if names:',
    '                            cur.execute(statement, {n: params[n] for n in names})',
    '                        else:',
    '                            cur.execute(statement)',
    '        finally:',
    '            conn.close()',
    "        print('pchat-db-setup: applied %d statement(s)' % len(statements), flush=True)",
    '        break',
    '    except psycopg2.Error as error:',
    "        print('pchat-db-setup: attempt %d of %d failed: %s' % (attempt, attempts, reason(error)), file=sys.stderr, flush=True)",
    '        if attempt < attempts:',
    '            time.sleep(pause)',
    'else:',
    "    print('pchat-db-setup: giving up; the front end does not start without its database setup (its login, retention job)', file=sys.stderr, flush=True)",
    '    sys.exit(1)',
    // The front end never sees the administrator's URL or the secret parameters.
    `env = {k: v for k, v in os.environ.items() if k != '${DB_SETUP_URL_SETTING}' and not k.startswith(prefix)}`,
    // The blob purger runs beside the front end, in the background, with the front end's own
    // environment (DATABASE_URL, the app's login; the identity Open WebUI writes blobs with).
    `purger = os.environ.get('${BLOB_PURGER_SCRIPT_SETTING}')`,
    'if purger:',
    "    if os.environ.get('STORAGE_PROVIDER') == 'azure' and os.environ.get('AZURE_STORAGE_ENDPOINT') and os.environ.get('AZURE_STORAGE_CONTAINER_NAME'):",
    '        import subprocess',
    "        subprocess.Popen([sys.executable, '-c', chr(10).join(json.loads(purger))], env=env, stdin=subprocess.DEVNULL)",
    "        print('pchat-db-setup: started the blob purger', flush=True)",
    '    else:',
    "        print('pchat-db-setup: blob purger not started: it needs STORAGE_PROVIDER=azure, AZURE_STORAGE_ENDPOINT and AZURE_STORAGE_CONTAINER_NAME', file=sys.stderr, flush=True)",
    `os.execvpe(${JSON.stringify(command[0])}, ${JSON.stringify([...command])}, env)`,
  ];
}

/**
 * The blob purger, one Python line per element: it deletes the uploaded bytes of the files the
 * retention job deleted, which SQL cannot reach. Started by the setup script in the background
 * when {@link BLOB_PURGER_SCRIPT_SETTING} is set and Open WebUI writes to Azure Blob Storage
 * (`STORAGE_PROVIDER=azure`); every instance runs one.
 *
 * Every {@link BLOB_PURGE_INTERVAL_SETTING} seconds (default: hourly), and once at start:
 * - it connects with `DATABASE_URL` (the app's own login, which may read and change the queue and
 *   nothing else of the `pchat` schema), and takes rows from {@link BLOB_PURGE_QUEUE} in batches,
 *   `DELETE ... WHERE id IN (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING`, one transaction per
 *   batch: instances running at once never take the same row, and a crash gives the rows back;
 * - it deletes each blob the way Open WebUI's `AzureStorageProvider.delete_file` does: the blob
 *   named by the last segment of `file.path` (`<endpoint>/<container>/<file id>_<name>`), in the
 *   container `AZURE_STORAGE_CONTAINER_NAME` of `AZURE_STORAGE_ENDPOINT`, with
 *   `DefaultAzureCredential` (the app's managed identity, the credential Open WebUI uses without
 *   a key); a blob already gone counts as deleted; a path outside that container is left alone
 *   (logged, not deleted, and not kept);
 * - a delete that fails for another reason puts the row back, with one more attempt, the error's
 *   class and a retry after the interval: nothing is lost, and a lasting failure (a missing role)
 *   shows once per run in the log;
 * - it also removes this instance's local copy (`DATA_DIR/uploads/<name>`, which Open WebUI keeps
 *   next to the blob);
 * - it logs file ids, never file names, to stdout (App Service's log stream and
 *   `AppServiceConsoleLogs`); a failed run is logged and retried at the next interval, and never
 *   stops the front end.
 *
 * Proven on PostgreSQL 15 with stand-in `azure.*` modules by test/history/retention.pg.test.ts, and started
 * by the real startup command in test/history/db-setup.pg.test.ts.
 *
 * @see https://github.com/open-webui/open-webui/blob/main/backend/open_webui/storage/provider.py
 */
export function blobPurgerScript(): string[] {
  return [
    'import os, sys, time',
    'import psycopg2',
    'def log(message, error=False):',
    "    print('pchat-blob-purge: ' + message, file=sys.stderr if error else sys.stdout, flush=True)",
    // Only the class and the first line: enough to act on, and no request dump.
    'def reason(error):',
    "    text = (str(error).strip().splitlines() or [''])[0]",
    "    return (type(error).__name__ + (': ' + text if text else ''))[:300]",
    'try:',
    '    from azure.core.exceptions import ResourceNotFoundError',
    '    from azure.identity import DefaultAzureCredential',
    '    from azure.storage.blob import BlobServiceClient',
    'except ImportError as error:',
    "    log('the Azure SDK is missing, so no blob is purged: ' + reason(error), True)",
    '    sys.exit(1)',
    "endpoint = os.environ['AZURE_STORAGE_ENDPOINT'].rstrip('/')",
    "container = os.environ['AZURE_STORAGE_CONTAINER_NAME']",
    "base = endpoint + '/' + container + '/'",
    `interval = float(os.environ.get('${BLOB_PURGE_INTERVAL_SETTING}') or 3600)`,
    `once = os.environ.get('${BLOB_PURGE_ONCE_SETTING}') == '1'`,
    // Open WebUI's UPLOAD_DIR is DATA_DIR/uploads, and DATA_DIR defaults to data/ under /app/backend, the working directory.
    "uploads = os.path.join(os.environ.get('DATA_DIR') or os.path.join(os.getcwd(), 'data'), 'uploads')",
    'blobs = BlobServiceClient(account_url=endpoint, credential=DefaultAzureCredential()).get_container_client(container)',
    'def run():',
    '    deleted = kept = skipped = 0',
    "    conn = psycopg2.connect(os.environ['DATABASE_URL'], connect_timeout=10)",
    '    try:',
    '        while True:',
    '            with conn:',
    '                with conn.cursor() as cur:',
    `                    cur.execute('DELETE FROM ${BLOB_PURGE_QUEUE} WHERE id IN (SELECT id FROM ${BLOB_PURGE_QUEUE} WHERE not_before <= now() ORDER BY id LIMIT ${BLOB_PURGE_BATCH} FOR UPDATE SKIP LOCKED) RETURNING id, file_id, path, queued_at, attempts')`,
    '                    rows = cur.fetchall()',
    '                    for row_id, file_id, path, queued_at, attempts in rows:',
    '                        if not path.startswith(base):',
    "                            log('file %s: its blob is not in %s, left alone' % (file_id, base), True)",
    '                            skipped += 1',
    '                            continue',
    "                        name = path.split('/')[-1]",
    '                        try:',
    '                            blobs.delete_blob(name)',
    "                            log('file %s: blob deleted' % file_id)",
    '                        except ResourceNotFoundError:',
    "                            log('file %s: blob already gone' % file_id)",
    '                        except Exception as error:',
    `                            cur.execute('INSERT INTO ${BLOB_PURGE_QUEUE} (id, file_id, path, queued_at, attempts, not_before, last_error) VALUES (%s, %s, %s, %s, %s, now() + make_interval(secs => %s), %s)',`,
    '                                        (row_id, file_id, path, queued_at, attempts + 1, interval, reason(error)))',
    "                            log('file %s: delete failed (attempt %d), kept for the next run: %s' % (file_id, attempts + 1, reason(error)), True)",
    '                            kept += 1',
    '                            continue',
    '                        local = os.path.join(uploads, name)',
    '                        if os.path.isfile(local):',
    '                            os.remove(local)',
    '                        deleted += 1',
    '            if not rows:',
    '                break',
    '    finally:',
    '        conn.close()',
    '    if deleted or kept or skipped:',
    "        log('run done: %d deleted, %d kept for a retry, %d left alone' % (deleted, kept, skipped))",
    'while True:',
    '    try:',
    '        run()',
    '    except Exception as error:',
    "        log('run failed, next in %d s: %s' % (interval, reason(error)), True)",
    '    if once:',
    '        break',
    '    time.sleep(interval)',
  ];
}

/**
 * The startup command App Service runs instead of the image's CMD. It holds no `$`, no newline
 * and one pair of double quotes, so it means the same whether App Service splits it into words
 * like a POSIX shell or hands it to `sh -c`; everything that varies lives in app settings.
 */
export function databaseSetupStartupCommand(): string {
  return `python3 -c "import json,os;exec(chr(10).join(json.loads(os.environ['${DB_SETUP_SCRIPT_SETTING}'])))"`;
}

/**
 * A string Terraform takes literally: `${` and `%{` would start an interpolation or a template
 * directive, so they are doubled. A cdktf token is left alone (its own `${` is Terraform's).
 *
 * @see https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences
 */
export function terraformLiteral(text: string): string {
  if (Token.isUnresolved(text)) return text;
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/**
 * The app settings that carry the setup, Terraform-escaped: the statements, the script, the
 * administrator's URL when given, one setting per secret parameter (each a Key Vault reference),
 * and with `purgeBlobs` (give it when the front end keeps uploads in a blob store) the blob purger.
 */
export function databaseSetupSettings(statements: readonly string[], secretReferences: { [name: string]: string } = {},
  setupUrlReference?: string, purgeBlobs = false): { [key: string]: string } {
  const settings: { [key: string]: string } = {
    // A statement Terraform only knows at plan is JSON-encoded by Terraform itself.
    [DB_SETUP_STATEMENTS_SETTING]: statements.some((s) => Token.isUnresolved(s))
      ? Fn.jsonencode([...statements])
      : terraformLiteral(JSON.stringify(statements)),
    [DB_SETUP_SCRIPT_SETTING]: terraformLiteral(JSON.stringify(databaseSetupScript())),
  };
  if (setupUrlReference !== undefined) settings[DB_SETUP_URL_SETTING] = setupUrlReference;
  if (purgeBlobs) settings[BLOB_PURGER_SCRIPT_SETTING] = terraformLiteral(JSON.stringify(blobPurgerScript()));
  for (const [name, reference] of Object.entries(secretReferences)) {
    if (!DB_SETUP_PARAMETER_NAME.test(name)) {
      throw propError('databaseSetupSettings', 'secretReferences', `keys must be parameter names (${DB_SETUP_PARAMETER_NAME.source})`, name);
    }
    settings[`${DB_SETUP_SECRET_PREFIX}${name.toUpperCase()}`] = reference;
  }
  return settings;
}

/**
 * History stores (`IChatHistoryStore`) whose setup statements a front end runs; a store warns at
 * synth when none does. Typed as constructs: front-end.ts, which declares the store interface,
 * imports this module.
 */
const RUN_BY_A_FRONT_END = new WeakSet<IConstruct>();

/** Records that a front end runs the store's setup statements at its start. */
export function markSetupRun(store: IConstruct): void {
  RUN_BY_A_FRONT_END.add(store);
}

/** Whether some front end runs the store's setup statements. */
export function isSetupRun(store: IConstruct): boolean {
  return RUN_BY_A_FRONT_END.has(store);
}
