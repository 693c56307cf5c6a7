import { Fn, Token } from 'cdktf';
import { propError } from '../../core/private/validate';
import { IChatHistoryStore } from '../front-end';

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
    `os.execvpe(${JSON.stringify(command[0])}, ${JSON.stringify([...command])}, env)`,
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
 * administrator's URL when given, and one setting per secret parameter (each a Key Vault reference).
 */
export function databaseSetupSettings(statements: readonly string[], secretReferences: { [name: string]: string } = {},
  setupUrlReference?: string): { [key: string]: string } {
  const settings: { [key: string]: string } = {
    // A statement Terraform only knows at plan is JSON-encoded by Terraform itself.
    [DB_SETUP_STATEMENTS_SETTING]: statements.some((s) => Token.isUnresolved(s))
      ? Fn.jsonencode([...statements])
      : terraformLiteral(JSON.stringify(statements)),
    [DB_SETUP_SCRIPT_SETTING]: terraformLiteral(JSON.stringify(databaseSetupScript())),
  };
  if (setupUrlReference !== undefined) settings[DB_SETUP_URL_SETTING] = setupUrlReference;
  for (const [name, reference] of Object.entries(secretReferences)) {
    if (!DB_SETUP_PARAMETER_NAME.test(name)) {
      throw propError('databaseSetupSettings', 'secretReferences', `keys must be parameter names (${DB_SETUP_PARAMETER_NAME.source})`, name);
    }
    settings[`${DB_SETUP_SECRET_PREFIX}${name.toUpperCase()}`] = reference;
  }
  return settings;
}

/** History stores whose setup statements a front end runs; a store warns at synth when none does. */
const RUN_BY_A_FRONT_END = new WeakSet<IChatHistoryStore>();

/** Records that a front end runs the store's setup statements at its start. */
export function markSetupRun(store: IChatHistoryStore): void {
  RUN_BY_A_FRONT_END.add(store);
}

/** Whether some front end runs the store's setup statements. */
export function isSetupRun(store: IChatHistoryStore): boolean {
  return RUN_BY_A_FRONT_END.has(store);
}
