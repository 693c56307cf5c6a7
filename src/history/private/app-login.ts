import { sqlLiteral } from './sql';

/** Name of the secret parameter that carries the app login's password into the setup. */
export const APP_PASSWORD_PARAMETER = 'app_password';
/** Transaction-local setting that hands the password from the parameterised statement to the DO block. */
const PASSWORD_SETTING = 'pchat.app_password';

/** Who the app logs in as, and who else may reach its data. */
export interface AppLoginOptions {
  /** The login the app connects as. */
  readonly appLogin: string;
  /** The database it owns. */
  readonly databaseName: string;
  /** The PostgreSQL role of the Entra administrator, when one is set: it gets the app's privileges. */
  readonly entraAdministratorName?: string;
}

/**
 * The idempotent statements, run as the server administrator, that give the app a login of its
 * own which owns its database and nothing else:
 *
 * 1. the password arrives as the parameter `%(app_password)s` (filled in by psycopg2 from a Key
 *    Vault reference) into a transaction-local setting, so that no statement text holds it;
 * 2. the login is created, or, on every later start, altered: LOGIN, no CREATEDB, no CREATEROLE
 *    (a role created by a non-superuser is never SUPERUSER, REPLICATION or BYPASSRLS), and the
 *    password from the vault, which is how a rotated password reaches the server;
 * 3. the administrator becomes a member of the login (needed to hand it ownership, PostgreSQL's
 *    ALTER ... OWNER rule, and what lets the retention job, which runs as the administrator who
 *    scheduled it, delete from the app's tables);
 * 4. the login owns the database (on PostgreSQL 15 and later the database owner owns the `public`
 *    schema through `pg_database_owner`, where Open WebUI's migrations create their tables), and
 *    PUBLIC loses CONNECT and TEMPORARY on it: other logins of the server cannot open it;
 * 5. tables, views, sequences and enum types in `public` that the administrator owns (a
 *    deployment from before this login, when Open WebUI connected as the administrator) pass to
 *    the login, so the app keeps its data on the upgrade;
 * 6. with an Entra administrator whose role exists, that role becomes a member of the login, so
 *    operators who sign in with Entra reach the chat data (their role appears once the
 *    `azurerm_postgresql_flexible_server_active_directory_administrator` exists; until then, and
 *    on servers without one, the step does nothing, and the next start grants it).
 *
 * Proven on PostgreSQL 15 by test/history/db-setup.pg.test.ts, run by a non-superuser
 * administrator with CREATEDB and CREATEROLE like Azure's.
 *
 * @see https://www.postgresql.org/docs/current/sql-alterdatabase.html
 * @see https://www.postgresql.org/docs/current/ddl-schemas.html#DDL-SCHEMAS-PATTERNS
 */
export function appLoginStatements(options: AppLoginOptions): string[] {
  const app = sqlLiteral(options.appLogin);
  const db = sqlLiteral(options.databaseName);
  const statements = [
    `SELECT set_config('${PASSWORD_SETTING}', %(${APP_PASSWORD_PARAMETER})s, true)`,
    // NOSUPERUSER, NOREPLICATION and NOBYPASSRLS are not written: a non-superuser may not name
    // those attributes in ALTER ROLE at all, and a role it creates never has them.
    'DO $pchat$ BEGIN '
      + `IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${app}) THEN `
      + `EXECUTE format('ALTER ROLE %I WITH LOGIN NOCREATEDB NOCREATEROLE PASSWORD %L', ${app}, current_setting('${PASSWORD_SETTING}')); `
      + `ELSE EXECUTE format('CREATE ROLE %I WITH LOGIN NOCREATEDB NOCREATEROLE PASSWORD %L', ${app}, current_setting('${PASSWORD_SETTING}')); `
      + 'END IF; '
      + `PERFORM set_config('${PASSWORD_SETTING}', '', true); `
      + `EXECUTE format('GRANT %I TO CURRENT_USER', ${app}); `
      + `EXECUTE format('ALTER DATABASE %I OWNER TO %I', ${db}, ${app}); `
      + `EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', ${db}); `
      + 'END $pchat$',
    // Owned sequences ('a'uto or 'i'dentity dependencies) follow their table and cannot be moved alone.
    'DO $pchat$ DECLARE r record; BEGIN '
      + 'FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace '
      + "WHERE n.nspname = 'public' AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = CURRENT_USER) "
      + "AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') "
      + "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i') AND c.relkind = 'S') "
      + `LOOP EXECUTE format('ALTER %s %I OWNER TO %I', CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.relname, ${app}); END LOOP; `
      + 'FOR r IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace '
      + "WHERE n.nspname = 'public' AND t.typtype = 'e' AND t.typowner = (SELECT oid FROM pg_roles WHERE rolname = CURRENT_USER) "
      + `LOOP EXECUTE format('ALTER TYPE %I OWNER TO %I', r.typname, ${app}); END LOOP; `
      + 'END $pchat$',
  ];
  if (options.entraAdministratorName !== undefined) {
    const admin = sqlLiteral(options.entraAdministratorName);
    statements.push('DO $pchat$ BEGIN '
      + `IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${admin}) THEN EXECUTE format('GRANT %I TO %I', ${app}, ${admin}); END IF; `
      + 'END $pchat$');
  }
  return statements;
}
