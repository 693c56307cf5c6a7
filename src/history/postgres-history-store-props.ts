import { PrincipalType } from '../core/principal';
import { IMonitoring } from '../monitoring/monitoring';
import { PrivateEndpointOptions } from '../network/private-endpoint';
import { ICustomerManagedKey } from '../secrets/customer-managed-key';
import { IPrivateKeyVault } from '../secrets/key-vault';

// The props of PostgresHistoryStore, and the options PrivateChat passes through (`history`).
// Re-exported by postgres-history-store.ts.

/** High availability of a PostgreSQL Flexible Server (General Purpose and Memory Optimized tiers only). */
export enum HighAvailabilityMode {
  /** A standby in another availability zone of the region. */
  ZONE_REDUNDANT = 'ZoneRedundant',
  /** A standby in the same zone. */
  SAME_ZONE = 'SameZone',
}

/**
 * Who runs the one-time database setup (enabling pg_cron and scheduling the retention job).
 *
 * @see src/history/README.md, "Who schedules the retention job"
 */
export enum RetentionJobRunner {
  /**
   * The front end, at every start, from inside the VNet: the store exposes the statements as
   * `setupStatements` and Open WebUI runs them before its own start command. The applying
   * machine needs no path to the database. The default.
   */
  APP_STARTUP = 'AppStartup',
  /**
   * The machine that runs `terraform apply`, once, with `psql` through the server's private
   * endpoint (a `terraform_data` with a `local-exec`). NEEDS A NETWORK PATH into the VNet from
   * that machine (a self-hosted runner in the VNet or a peered one, or a VPN) and `psql`; it is a
   * data-plane operation of the apply, acknowledged on PCHAT-APPLY-001.
   */
  APPLYING_MACHINE = 'ApplyingMachine',
  /**
   * Nobody: pg_cron is enabled on the server, and you run `retentionJobSql` yourself as the
   * administrator from inside the network (a jump host, a pipeline agent in the VNet).
   */
  NONE = 'None',
}

/** An Entra ID administrator of the history database, for operators who sign in with Entra tokens. */
export interface HistoryEntraAdministrator {
  /** Object id of the user, group or service principal. */
  readonly objectId: string;
  /** Its name as PostgreSQL shows it (a UPN, a group's display name or an app's name). */
  readonly principalName: string;
  /**
   * `User`, `Group` or `ServicePrincipal`.
   *
   * @default PrincipalType.GROUP
   */
  readonly principalType?: PrincipalType;
}

/** Options of the history store that `PrivateChat` passes through (its `history` prop). */
export interface HistoryOptions {
  /**
   * Days a chat is kept after its last update; a daily job deletes older ones (1-3650).
   *
   * @default - chats are kept until users delete them
   */
  readonly retentionDays?: number;
  /**
   * Who enables pg_cron and schedules the retention job (only with `retentionDays`).
   *
   * @default RetentionJobRunner.APP_STARTUP - the front end runs `setupStatements` at its start,
   * inside the VNet; give the store to a `ChatWebApp` running `ChatFrontEnd.openWebUi()` (as
   * `PrivateChat` does)
   */
  readonly retentionJobRunner?: RetentionJobRunner;
  /**
   * SKU of the server, `<tier>_<family>_<size>`: Burstable (`B_`), General Purpose (`GP_`) or
   * Memory Optimized (`MO_`).
   *
   * @default 'B_Standard_B2s' - 2 burstable vCores and 4 GiB, the cheapest size whose connection
   * limit (414 user connections) several app instances' pools cannot exhaust; B1ms allows only 35.
   * Burstable bills a fraction of General Purpose (see the Azure pricing page for your region), but
   * has no high availability.
   * @see https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-limits
   */
  readonly skuName?: string;
  /**
   * Days of point-in-time backups (7-35).
   *
   * @default 35
   */
  readonly backupRetentionDays?: number;
  /**
   * Copy backups to the paired region (geo-redundant backup storage), so that a server can be
   * restored there when the whole region is lost.
   *
   * Off by default, for three reasons: it moves every conversation to a second region (the
   * region's Azure pair, e.g. Sweden Central's is Sweden South), which a data-residency review
   * must accept; geo-redundant backup storage is billed at a higher rate than locally redundant
   * storage (see the Azure Database for PostgreSQL pricing page for your region); and Azure decides it only
   * when the server is created: changing it later replaces the server, which `preventDestroy`
   * stops. It cannot be combined with `customerManagedKey` here (that needs a second key and
   * identity in the paired region).
   *
   * @default false
   * @see https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-backup-restore
   * @see https://azure.microsoft.com/pricing/details/postgresql/flexible-server/
   */
  readonly geoRedundantBackupEnabled?: boolean;
  /**
   * A standby server; needs a General Purpose or Memory Optimized SKU.
   *
   * @default - none
   */
  readonly highAvailability?: HighAvailabilityMode;
  /**
   * An Entra ID administrator (best: the operators' group), so that operators sign in with Entra
   * tokens instead of the shared administrator password. Entra authentication is on either way;
   * the administrator's role also becomes a member of the app's login, so operators reach the chat
   * data for support and erasure requests.
   *
   * @default - none, with a warning (`history-no-entra-administrator`): only the generated
   * administrator password (in the vault) signs in as an administrator
   * @see https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-azure-ad-authentication
   */
  readonly entraAdministrator?: HistoryEntraAdministrator;
}

/** Props of `PostgresHistoryStore`. */
export interface PostgresHistoryStoreProps extends PrivateEndpointOptions, HistoryOptions {
  /** Resource group of the server and its private endpoint. */
  readonly resourceGroupName: string;
  /** Azure region: the VNet's, since the private endpoint goes there too. */
  readonly location: string;
  /** Vault that receives the generated administrator password and the connection URL. */
  readonly vault: IPrivateKeyVault;
  /**
   * Workspace that receives the server's logs (PostgreSQL logs, sessions) and metrics.
   *
   * @default - no diagnostic setting
   */
  readonly monitoring?: IMonitoring;
  /**
   * Name of the server: 3-63 lowercase letters, digits and hyphens, globally unique.
   *
   * @default - `psql-<id>-<8 hex characters>` hashed from the subscription and the construct path
   */
  readonly name?: string;
  /**
   * Major PostgreSQL version, one of those azurerm 4.55 accepts ('11' to '18'). Versions 11-13 are
   * past Azure's standard support (a warning): new servers on them run on paid extended support.
   * Upgrading in place later is possible; going down a version replaces the server.
   *
   * @default '17' - in Azure's standard support, and a version on which Azure documents the
   * pg_cron extension the retention job needs (18 is accepted; check pg_cron there before relying
   * on retention)
   * @see https://learn.microsoft.com/azure/postgresql/configure-maintain/concepts-version-policy
   */
  readonly version?: string;
  /**
   * Storage in MB, one of the sizes Azure offers (32768 up to 33553408).
   *
   * @default 32768
   */
  readonly storageMb?: number;
  /**
   * Name of the database the front end uses.
   *
   * @default 'openwebui'
   */
  readonly databaseName?: string;
  /**
   * Administrator login of the server. Only the database setup connects as it (at the front end's
   * start, or from the applying machine with `RetentionJobRunner.APPLYING_MACHINE`); the front end
   * itself connects as `appLogin`.
   *
   * @default 'chatadmin'
   */
  readonly administratorLogin?: string;
  /**
   * The login the front end connects as: created by the setup statements, it owns the database
   * and nothing else (no CREATEDB, no CREATEROLE), and its password is generated once into the
   * vault.
   *
   * @default 'openwebui_app'
   */
  readonly appLogin?: string;
  /**
   * The SQL statement the retention job runs daily, for a front end other than Open WebUI. It
   * must delete what is older than `retentionDays`.
   *
   * @default - Open WebUI's: delete chats whose `updated_at` is older than `retentionDays`
   */
  readonly retentionStatement?: string;
  /**
   * `false` is `retentionJobRunner: RetentionJobRunner.NONE`; `true` is the default runner.
   *
   * @deprecated Use `retentionJobRunner`. Until this version `true` (the default) scheduled the
   * job from the applying machine; that is now `RetentionJobRunner.APPLYING_MACHINE`, an explicit
   * opt-in, because it needs a network path into the VNet.
   * @default - see `retentionJobRunner`
   */
  readonly scheduleRetentionJob?: boolean;
  /**
   * Days the password and URL secrets are valid, counted from their creation (computed once by a
   * hashicorp/time `time_offset`, so the synthesized JSON never changes).
   *
   * Key Vault may refuse to return an expired secret (`SecretExpired`), and then App Service cannot
   * resolve `DATABASE_URL`: rotate before the date (`secretsExpireOn`). To rotate, replace the
   * password secret and the offset (`terraform apply -replace=<password secret> -replace=<time_offset>`):
   * the server takes the new password in place, the URL secret follows, and the app reads it on
   * its next Key Vault reference refresh (or a restart).
   *
   * @default 1825 (five years: long enough not to break a running deployment unnoticed; set it to
   * what a 'maximum validity period' policy on the vault demands)
   * @see https://learn.microsoft.com/azure/key-vault/secrets/about-secrets
   */
  readonly secretLifetimeDays?: number;
  /**
   * Encrypt the server with a customer-managed key (only at creation: adding or changing it later
   * replaces the server, which `preventDestroy` stops).
   *
   * @default - Microsoft-managed keys
   */
  readonly customerManagedKey?: ICustomerManagedKey;
  /**
   * Adds `lifecycle.prevent_destroy` to the server and the database. Setting this to false
   * WEAKENS PROTECTION: a change that forces replacement would delete every conversation.
   *
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * Tags of the server and its private endpoint.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}
