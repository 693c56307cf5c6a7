import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PostgresqlFlexibleServer } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server';
import { PostgresqlFlexibleServerActiveDirectoryAdministrator } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-active-directory-administrator';
import { PostgresqlFlexibleServerConfiguration } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-configuration';
import { PostgresqlFlexibleServerDatabase } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-database';
import { Offset } from '@cdktf/provider-time/lib/offset';
import { DataResource, ITerraformDependable, Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { MAX_RETENTION_DAYS, openWebUiRetentionStatement } from './open-webui-retention';
import { HighAvailabilityMode, PostgresHistoryStoreProps, RetentionJobRunner } from './postgres-history-store-props';
import { APP_PASSWORD_PARAMETER, appLoginStatements } from './private/app-login';
import { vectorStoreStatements } from './private/vector-store';
import { HistoryStoreKind, IChatHistoryStore } from '../app/front-end';
import { isSetupRun, terraformLiteral } from '../app/private/database-setup';
import { Compliance } from '../compliance/compliance';
import { APPLY_CONTROL_PLANE_RULE_ID } from '../compliance/private/apply-paths';
import { AzureNameRule, Names } from '../core/names';
import { PrincipalType } from '../core/principal';
import { clientConfig } from '../core/private/client-config';
import { checkPlacement } from '../core/private/placement';
import { ensureTimeProvider } from '../core/private/providers';
import { CUSTOMER_MANAGED_KEY_REF, DNS_ZONES_REF, MONITORING_REF, NETWORK_REF, VAULT_REF } from '../core/private/references';
import { checkSameRegionAsNetwork, checkZoneRedundancy } from '../core/private/regions';
import {
  checkGuid, checkIntRange, checkNotBlank, checkOneOf, checkShape, checkTags, checkTrimmed, is, isUnresolved, propError, ruleError, Shape, warn,
  warnAtSynth,
} from '../core/private/validate';
import { servicePrivateEndpoint } from '../network/private/wiring';
import { PrivateLinkZone } from '../network/private-dns-zones';
import { ServicePrivateEndpoint } from '../network/private-endpoint';
import { addGeneratedSecret } from '../secrets/private/generated-secret';
import { checkKeyReference } from '../secrets/private/keys';
import { VaultSecret } from '../secrets/vault-secret';

/** Open WebUI's retention statement (defined in ./open-webui-retention), exported here as before. */
export { openWebUiRetentionStatement } from './open-webui-retention';
export * from './postgres-history-store-props';

/**
 * Major versions azurerm 4.55 accepts (`version` of `azurerm_postgresql_flexible_server`).
 *
 * @see https://github.com/hashicorp/terraform-provider-azurerm/blob/v4.55.0/internal/services/postgres/postgresql_flexible_server_resource.go
 */
export const POSTGRESQL_VERSIONS: readonly string[] = ['11', '12', '13', '14', '15', '16', '17', '18'];
/** Versions whose Azure standard support ended on 2026-07-31 (extended support is billed). */
const OUT_OF_STANDARD_SUPPORT = ['11', '12', '13'];
/** The default major version: supported, with pg_cron documented for it. */
const DEFAULT_VERSION = '17';
/** The login the front end connects as, unless `appLogin` names another. */
const DEFAULT_APP_LOGIN = 'openwebui_app';
/** Default validity of the generated secrets. */
const DEFAULT_SECRET_LIFETIME_DAYS = 1825;
/**
 * SKU names azurerm 4.55 accepts, its own pattern: Burstable B1ms-B20ms and B2s, General Purpose
 * D-series v3/v4/v5 sizes, Memory Optimized E-series v3/v4/v5 sizes.
 *
 * @see https://github.com/hashicorp/terraform-provider-azurerm/blob/v4.55.0/internal/services/postgres/validate/flexible_server_sku_name.go
 */
const SKU_NAME = new RegExp('^((B_Standard_B((1|2|4|8|12|16|20)ms|2s))|(GP_Standard_D(((2|4|8|16|32|48|64)s_v3)|((2|4|8|16|32|48|64)ds_v4)'
  + '|((2|4|8|16|32|48|64|96)ds_v5)|((2|4|8|16|32|48|64|96)ads_v5)))|(MO_Standard_E((((2|4|8|16|20|32|48|64)s)_v3)|((2|4|6|8|16|20|32|48|64)ds_v4)'
  + '|((2|4|8|16|20|32|48|64|96)ds_v5)|((2|4|8|16|32|48|64|96)ads_v5))))$');
/** Storage sizes Azure offers, in MB. */
export const POSTGRESQL_STORAGE_MB: readonly number[] = [
  32768, 65536, 131072, 262144, 524288, 1048576, 2097152, 4193280, 4194304, 8388608, 16777216, 33553408,
];
/** Log categories of a flexible server sent to the workspace. */
export const POSTGRESQL_LOG_CATEGORIES: readonly string[] = ['PostgreSQLLogs', 'PostgreSQLFlexSessions'];
/**
 * Administrator logins Azure refuses (besides any starting with `pg_`), as azurerm 4.55 checks them.
 *
 * @see https://github.com/hashicorp/terraform-provider-azurerm/blob/v4.55.0/internal/services/postgres/validate/admin_usernames.go
 */
const RESERVED_LOGINS = ['azure_superuser', 'azure_pg_admin', 'admin', 'administrator', 'root', 'guest', 'public'];
/** When the retention job runs (UTC): daily at 03:17, off the hour most jobs pick. */
const RETENTION_SCHEDULE = '17 3 * * *';
/** Name of the pg_cron job; `cron.schedule` with a name replaces the job of that name, so re-runs are idempotent. */
const RETENTION_JOB = 'chat-retention';

/**
 * The conversation history of a chat front end, kept in Azure Database for PostgreSQL Flexible
 * Server behind a private endpoint.
 *
 * - public network access off; one private endpoint on `postgresqlServer` in
 *   `privatelink.postgres.database.azure.com`; TLS 1.2 minimum, secure transport required;
 * - password authentication on, because Open WebUI cannot sign in with Entra tokens; the
 *   administrator's and the app login's passwords are generated once by Terraform (`uuid()`,
 *   held by a `terraform_data` with `ignore_changes`) and written to the vault through Azure
 *   Resource Manager; Open WebUI reads its own login's `DATABASE_URL` as a Key Vault reference,
 *   and only the setup at start reads the administrator's URL; Entra authentication is on too,
 *   for operators (`entraAdministrator`);
 * - backups kept 35 days, optionally geo-redundant; optional high availability;
 * - connection logging, diagnostics to the workspace, `prevent_destroy`;
 * - `retentionDays`: pg_cron deletes expired chats daily; by default the front end schedules the
 *   job at its start from inside the VNet (`setupStatements`, see `retentionJobRunner`), so the
 *   applying machine needs no path to the database; `retentionJobSql` holds the call for teams
 *   that run it themselves;
 * - an optional customer-managed key.
 *
 * @see https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-private-link
 * @see https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-extensions
 */
export class PostgresHistoryStore extends Construct implements IChatHistoryStore {
  /**
   * Open WebUI's retention statement for `days` (see the module function of the same name): the
   * default of `retentionStatement`.
   */
  public static openWebUiRetentionStatement(days: number): string {
    return openWebUiRetentionStatement(days);
  }

  /** Always PostgreSQL. */
  public readonly historyStoreKind = HistoryStoreKind.POSTGRESQL;
  /** Resource id of the server. */
  public readonly serverId: string;
  /** Name of the server. */
  public readonly serverName: string;
  /** `<name>.postgres.database.azure.com`: it resolves to the private endpoint through the privatelink zone. */
  public readonly fqdn: string;
  /** Name of the database. */
  public readonly databaseName: string;
  /** Administrator login. */
  public readonly administratorLogin: string;
  /** The login the front end connects as, owner of the database and of nothing else. */
  public readonly appLogin: string;
  /**
   * Key Vault reference to the `DATABASE_URL` the front end connects with: the app's own login
   * (`appLogin`), its password, host, database, `sslmode=require`.
   */
  public readonly connectionUrlReference: string;
  /** Key Vault reference to the administrator's URL, which only the setup statements run with. */
  public readonly setupUrlReference?: string;
  /** The setup statements' secret parameters: `app_password`, a Key Vault reference to `appPasswordSecret`. */
  public readonly setupSecretReferences?: { [name: string]: string };
  /** The vault secret with the generated administrator password. */
  public readonly passwordSecret: VaultSecret;
  /** The vault secret with the generated password of `appLogin`. */
  public readonly appPasswordSecret: VaultSecret;
  /** The vault secret with the app's connection URL (`appLogin`). */
  public readonly databaseUrlSecret: VaultSecret;
  /** The vault secret with the administrator's connection URL, for the setup. */
  public readonly adminUrlSecret: VaultSecret;
  /** When the password and URL secrets expire (RFC3339, known after the first apply): rotate before. */
  public readonly secretsExpireOn: string;
  /** Days chats are kept, when a retention is set. */
  public readonly retentionDays?: number;
  /** The `cron.schedule` call the retention job is, when a retention is set. */
  public readonly retentionJobSql?: string;
  /**
   * Who runs the database setup, when a retention is set.
   */
  public readonly retentionJobRunner?: RetentionJobRunner;
  /**
   * The idempotent statements the front end runs as the administrator at its start: the app's
   * login (created or given its current password, owner of the database), pgvector's `vector`
   * extension, the `pchat` schema with the blob queue and the function the retention statement
   * deletes vectors with (the retention job fails until they exist, so with
   * `RetentionJobRunner.APPLYING_MACHINE` or `NONE` the front end must have started once), then,
   * when a retention is set and `retentionJobRunner` is `APP_STARTUP`, `CREATE EXTENSION IF NOT
   * EXISTS pg_cron` and `retentionJobSql`. The first reads the parameter `%(app_password)s` (see
   * `setupSecretReferences`). Always set (optional only because `IChatHistoryStore` declares it so).
   */
  public readonly setupStatements?: string[];
  /**
   * Always true: the server allow-lists pgvector (`azure.extensions` holds `VECTOR`) and the setup
   * statements create the `vector` extension in the database as the administrator, so a front end
   * may keep its vectors here (Open WebUI: `VECTOR_DB=pgvector`, `PGVECTOR_CREATE_EXTENSION=false`,
   * since its login may not create extensions).
   */
  public readonly vectorExtension?: boolean = true;
  /** The `azurerm_postgresql_flexible_server` (escape hatch). */
  public readonly resource: PostgresqlFlexibleServer;
  /** The database. */
  public readonly database: PostgresqlFlexibleServerDatabase;
  /** Server parameters set, in the order they are applied. */
  public readonly configurations: PostgresqlFlexibleServerConfiguration[] = [];
  /** The private endpoint. */
  public readonly privateEndpoint: ServicePrivateEndpoint;
  /** The diagnostic setting, when `monitoring` is given. */
  public readonly diagnosticSetting?: MonitorDiagnosticSetting;
  /** The Entra administrator, when one is given. */
  public readonly entraAdministrator?: PostgresqlFlexibleServerActiveDirectoryAdministrator;
  /**
   * The `terraform_data` that schedules the retention job from the applying machine, with
   * `retentionJobRunner: RetentionJobRunner.APPLYING_MACHINE`.
   */
  public readonly retentionJob?: DataResource;

  constructor(scope: Construct, id: string, props: PostgresHistoryStoreProps) {
    super(scope, id);
    this.validate(props);
    const tags = props.tags;
    const preventDestroy = props.preventDestroy ?? true;
    this.serverName = props.name ?? Names.globallyUnique(this, AzureNameRule.POSTGRESQL_SERVER, `psql-${id}`);
    this.databaseName = props.databaseName ?? 'openwebui';
    this.administratorLogin = props.administratorLogin ?? 'chatadmin';
    this.appLogin = props.appLogin ?? DEFAULT_APP_LOGIN;

    // Key Vault may refuse an expired secret, and then the app loses DATABASE_URL: both secrets
    // get one long, explicit lifetime instead of the vault's one-year default.
    ensureTimeProvider(this);
    const expiry = new Offset(this, 'SecretExpiry', { offsetDays: props.secretLifetimeDays ?? DEFAULT_SECRET_LIFETIME_DAYS });
    this.secretsExpireOn = expiry.rfc3339;
    // No random_* resources (output must not change between synths) and no Azure service makes
    // passwords: two of Terraform's uuid() (crypto/rand, 122 random bits each; lowercase hex,
    // digits and hyphens meet Azure's three-of-four character classes), evaluated once at creation
    // and kept by the secret's value holder (a terraform_data, so the value is in Terraform state):
    // the server and the URL secret read the same value from it.
    this.passwordSecret = addGeneratedSecret(props.vault, `HistoryPassword-${Names.hashOf(this, 8)}`, {
      name: Names.local(this, AzureNameRule.KEY_VAULT_SECRET, 'pgpass'),
      contentType: 'postgresql-password',
      expirationDate: this.secretsExpireOn,
    });
    this.appPasswordSecret = addGeneratedSecret(props.vault, `HistoryAppPassword-${Names.hashOf(this, 8)}`, {
      name: Names.local(this, AzureNameRule.KEY_VAULT_SECRET, 'pgapppass'),
      contentType: 'postgresql-password',
      expirationDate: this.secretsExpireOn,
    });

    const key = props.customerManagedKey;
    const sku = props.skuName ?? 'B_Standard_B2s';
    const version = props.version ?? DEFAULT_VERSION;
    this.resource = new PostgresqlFlexibleServer(this, 'Resource', {
      name: this.serverName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      version,
      skuName: sku,
      storageMb: props.storageMb ?? 32768,
      autoGrowEnabled: true,
      backupRetentionDays: props.backupRetentionDays ?? 35,
      geoRedundantBackupEnabled: props.geoRedundantBackupEnabled ?? false,
      publicNetworkAccessEnabled: false,
      administratorLogin: this.administratorLogin,
      administratorPassword: this.passwordSecret.value,
      authentication: {
        // Open WebUI signs in with a password; administrators with Entra tokens.
        passwordAuthEnabled: true,
        activeDirectoryAuthEnabled: true,
        tenantId: clientConfig(this).tenantId,
      },
      highAvailability: props.highAvailability !== undefined ? { mode: props.highAvailability } : undefined,
      identity: key ? { type: 'UserAssigned', identityIds: [key.identityId] } : undefined,
      customerManagedKey: key ? { keyVaultKeyId: key.keyId, primaryUserAssignedIdentityId: key.identityId } : undefined,
      dependsOn: key ? [...key.dependables] : undefined,
      // Azure picks the zone when none is given and reports it back; a later plan must not move it.
      lifecycle: { preventDestroy, ignoreChanges: ['zone', 'high_availability[0].standby_availability_zone'] },
      tags,
    });
    this.serverId = this.resource.id;
    this.fqdn = this.resource.fqdn;

    this.database = new PostgresqlFlexibleServerDatabase(this, 'Database', {
      name: this.databaseName,
      serverId: this.serverId,
      charset: 'UTF8',
      collation: 'en_US.utf8',
      lifecycle: { preventDestroy },
    });

    this.privateEndpoint = servicePrivateEndpoint(this, { ...props, tags }, {
      targetResourceId: this.serverId,
      subresource: 'postgresqlServer',
      zones: [PrivateLinkZone.POSTGRESQL],
    });

    const host = `${this.serverName}.postgres.database.azure.com:5432/${this.databaseName}?sslmode=require`;
    // The secret that was the administrator's URL keeps its address and name, and now holds the
    // app login's URL: DATABASE_URL keeps pointing at it.
    this.databaseUrlSecret = props.vault.addSecret(`HistoryUrl-${Names.hashOf(this, 8)}`, {
      name: Names.local(this, AzureNameRule.KEY_VAULT_SECRET, 'pgurl'),
      value: `postgresql://${this.appLogin}:${this.appPasswordSecret.value}@${host}`,
      contentType: 'database-url',
      expirationDate: this.secretsExpireOn,
    });
    this.adminUrlSecret = props.vault.addSecret(`HistoryAdminUrl-${Names.hashOf(this, 8)}`, {
      name: Names.local(this, AzureNameRule.KEY_VAULT_SECRET, 'pgadminurl'),
      value: `postgresql://${this.administratorLogin}:${this.passwordSecret.value}@${host}`,
      contentType: 'database-url',
      expirationDate: this.secretsExpireOn,
    });
    // The app reads the URLs at start; the database they name must exist by then.
    // depends_on takes a bare address, read at synth so that an overrideLogicalId still holds.
    const database = this.database;
    for (const secret of [this.databaseUrlSecret.resource, this.adminUrlSecret.resource]) {
      secret.dependsOn = [...(secret.dependsOn ?? []),
        Lazy.stringValue({ produce: () => `${database.terraformResourceType}.${database.friendlyUniqueId}` })];
    }
    this.connectionUrlReference = this.databaseUrlSecret.keyVaultReference;
    this.setupUrlReference = this.adminUrlSecret.keyVaultReference;
    this.setupSecretReferences = { [APP_PASSWORD_PARAMETER]: this.appPasswordSecret.keyVaultReference };
    this.setupStatements = [
      ...appLoginStatements({
        appLogin: this.appLogin,
        databaseName: this.databaseName,
        entraAdministratorName: props.entraAdministrator?.principalName,
      }),
      ...vectorStoreStatements(this.appLogin),
    ];

    const parameters: [string, string][] = [
      ['require_secure_transport', 'on'],
      ['ssl_min_protocol_version', 'TLSv1.2'],
      ['log_connections', 'on'],
      ['log_disconnections', 'on'],
      ['log_checkpoints', 'on'],
    ];
    // Azure deprecated this parameter with PostgreSQL 18 (why Azure Policy dacf07fa, which checks
    // it, is deprecated), so only older versions get it.
    if (!isUnresolved(version) && Number(version) < 18) parameters.push(['connection_throttle.enable', 'on']);
    // pgvector is allow-listed always (the front end's vectors live here); pg_cron with a retention.
    // One parameter, so its address stays 'Parameter-azure-extensions' with or without retention.
    if (props.retentionDays !== undefined) {
      parameters.push(['azure.extensions', 'PG_CRON,VECTOR'], ['shared_preload_libraries', 'pg_cron,pg_stat_statements'], ['cron.database_name', this.databaseName]);
    } else {
      parameters.push(['azure.extensions', 'VECTOR']);
    }
    // Azure applies one parameter change to a server at a time; in parallel they fail with
    // "ServerIsBusy", so each waits for the one before.
    let previous: ITerraformDependable = this.database;
    for (const [name, value] of parameters) {
      const config = new PostgresqlFlexibleServerConfiguration(this, `Parameter-${name.replace(/[^A-Za-z0-9]+/g, '-')}`, {
        name, value, serverId: this.serverId, dependsOn: [previous],
      });
      this.configurations.push(config);
      previous = config;
    }

    if (props.retentionDays !== undefined) {
      this.retentionDays = props.retentionDays;
      const statement = props.retentionStatement ?? openWebUiRetentionStatement(props.retentionDays);
      this.retentionJobSql = `SELECT cron.schedule('${RETENTION_JOB}', '${RETENTION_SCHEDULE}', $$${statement}$$)`;
      this.retentionJobRunner = runnerOf(props);
      if (this.retentionJobRunner === RetentionJobRunner.APP_STARTUP) {
        // Both idempotent: IF NOT EXISTS, and cron.schedule with a job name replaces that job. Run
        // by the administrator, so the job runs as the administrator (pg_cron runs a job as the
        // user who scheduled it), who reaches the app's tables as a member of its login.
        this.setupStatements!.push('CREATE EXTENSION IF NOT EXISTS pg_cron', this.retentionJobSql);
      }
    }
    // Known only once the app that takes the store exists, so checked at synth (a validation,
    // which runs after the Aspect that emits warnings: warnAtSynth annotates at once).
    const store = this;
    const schedulesAtStart = this.retentionJobRunner === RetentionJobRunner.APP_STARTUP;
    this.node.addValidation({
      validate: () => {
        if (!isSetupRun(store)) {
          warnAtSynth(store, 'history-setup-not-run', (schedulesAtStart ? "'retentionJobRunner' is RetentionJobRunner.APP_STARTUP, but " : '')
            + `no front end runs the store's 'setupStatements', so the app login '${store.appLogin}' that 'connectionUrlReference' names is never created`
            + (schedulesAtStart ? ' and no retention job is scheduled' : '')
            + ": give the store as 'history' to a ChatWebApp running ChatFrontEnd.openWebUi(), or run 'setupStatements' yourself as the administrator "
            + `from inside the network (parameter '${APP_PASSWORD_PARAMETER}': the value of 'appPasswordSecret')`
            + (schedulesAtStart ? ', or set RetentionJobRunner.NONE and run \'retentionJobSql\' yourself, or RetentionJobRunner.APPLYING_MACHINE '
              + '(the applying machine then needs a network path to the private endpoint)' : ''));
        }
        return [];
      },
    });
    if (this.retentionJobRunner === RetentionJobRunner.APPLYING_MACHINE) {
      // The statement reaches psql through the environment, so that no shell quoting can break it;
      // cron.schedule with a job name replaces the job of that name, so a re-run is harmless.
      const job = terraformLiteral(this.retentionJobSql!);
      const command = 'psql -v ON_ERROR_STOP=1 -c "CREATE EXTENSION IF NOT EXISTS pg_cron" -c "$PGCHAT_RETENTION_JOB"';
      this.retentionJob = new DataResource(this, 'RetentionJob', {
        triggersReplace: { statement: job },
        dependsOn: [previous, this.privateEndpoint.resource],
        provisioners: [{
          type: 'local-exec',
          command,
          environment: {
            PGHOST: `${this.serverName}.postgres.database.azure.com`,
            PGPORT: '5432',
            PGDATABASE: this.databaseName,
            PGUSER: this.administratorLogin,
            PGPASSWORD: this.passwordSecret.value,
            PGSSLMODE: 'require',
            PGCHAT_RETENTION_JOB: job,
          },
        }],
      });
      // The one data-plane operation of the apply this store can add, chosen by name.
      Compliance.acknowledge(this.retentionJob, APPLY_CONTROL_PLANE_RULE_ID, 'retentionJobRunner is RetentionJobRunner.APPLYING_MACHINE: '
        + 'the user chose to schedule the retention job with psql from the applying machine, which has a network path to the private endpoint');
    }

    if (props.entraAdministrator) {
      const admin = props.entraAdministrator;
      this.entraAdministrator = new PostgresqlFlexibleServerActiveDirectoryAdministrator(this, 'EntraAdministrator', {
        serverName: this.serverName,
        resourceGroupName: props.resourceGroupName,
        tenantId: clientConfig(this).tenantId,
        objectId: admin.objectId,
        principalName: admin.principalName,
        principalType: admin.principalType ?? PrincipalType.GROUP,
        dependsOn: [this.resource],
      });
    }

    if (props.monitoring) {
      this.diagnosticSetting = props.monitoring.addDiagnosticSetting(this, 'Diagnostics', {
        targetResourceId: this.serverId,
        logCategories: [...POSTGRESQL_LOG_CATEGORIES],
        metrics: true,
      });
    }
  }

  private validate(props: PostgresHistoryStoreProps): void {
    checkShape(this, props, propsShape());
    checkTags(this, 'tags', props.tags);
    checkPlacement(this, props.resourceGroupName, props.location);
    checkSameRegionAsNetwork(this, 'location', props.location, props.network.location);
    checkTrimmed(this, 'name', props.name);
    AzureNameRule.POSTGRESQL_SERVER.validate(this, 'name', props.name);
    AzureNameRule.POSTGRESQL_DATABASE.validate(this, 'databaseName', props.databaseName);
    checkOneOf(this, 'version', props.version, POSTGRESQL_VERSIONS);
    if (props.version !== undefined && OUT_OF_STANDARD_SUPPORT.includes(props.version)) {
      warn(this, 'postgresql-version-extended-support', `'version' is '${props.version}', whose Azure standard support ended on 2026-07-31: `
        + `the server runs on paid extended support; use '${DEFAULT_VERSION}'`);
    }
    checkIntRange(this, 'secretLifetimeDays', props.secretLifetimeDays, 1, 36500);
    if (props.scheduleRetentionJob !== undefined && props.retentionDays === undefined) {
      throw ruleError(this, `'scheduleRetentionJob' only matters with 'retentionDays', got 'scheduleRetentionJob' ${props.scheduleRetentionJob} alone`);
    }
    checkOneOf(this, 'retentionJobRunner', props.retentionJobRunner,
      [RetentionJobRunner.APP_STARTUP, RetentionJobRunner.APPLYING_MACHINE, RetentionJobRunner.NONE]);
    if (props.retentionJobRunner !== undefined && props.retentionDays === undefined) {
      throw ruleError(this, `'retentionJobRunner' only matters with 'retentionDays', got 'retentionJobRunner' '${props.retentionJobRunner}' alone`);
    }
    if (props.retentionJobRunner !== undefined && props.scheduleRetentionJob !== undefined) {
      throw ruleError(this, `'scheduleRetentionJob' is deprecated and replaced by 'retentionJobRunner'; set only 'retentionJobRunner', got both ('scheduleRetentionJob' ${props.scheduleRetentionJob})`);
    }
    if (props.scheduleRetentionJob !== undefined) {
      warn(this, 'history-schedule-retention-job-deprecated', `'scheduleRetentionJob' is deprecated: use 'retentionJobRunner' (${props.scheduleRetentionJob
        ? 'true now means RetentionJobRunner.APP_STARTUP, the front end schedules the job at its start; RetentionJobRunner.APPLYING_MACHINE is the old psql from the applying machine'
        : 'false is RetentionJobRunner.NONE'})`);
    }
    const sku = props.skuName;
    if (sku !== undefined && !isUnresolved(sku) && !SKU_NAME.test(sku)) {
      throw propError(this, 'skuName', "must be a flexible-server SKU '<tier>_Standard_<size>': Burstable 'B_Standard_B1ms'..'B_Standard_B20ms', General Purpose 'GP_Standard_D2ds_v5' and the like, Memory Optimized 'MO_Standard_E2ds_v5' and the like", sku);
    }
    const storage = props.storageMb;
    if (storage !== undefined && !isUnresolved(storage) && !POSTGRESQL_STORAGE_MB.includes(storage)) {
      throw propError(this, 'storageMb', `must be one of the sizes Azure offers: ${POSTGRESQL_STORAGE_MB.join(', ')}`, storage);
    }
    checkIntRange(this, 'backupRetentionDays', props.backupRetentionDays, 7, 35);
    checkIntRange(this, 'retentionDays', props.retentionDays, 1, MAX_RETENTION_DAYS);
    checkOneOf(this, 'highAvailability', props.highAvailability, [HighAvailabilityMode.ZONE_REDUNDANT, HighAvailabilityMode.SAME_ZONE]);
    if (props.highAvailability === HighAvailabilityMode.ZONE_REDUNDANT) checkZoneRedundancy(this, 'highAvailability', props.location, 'a standby in another zone (HighAvailabilityMode.ZONE_REDUNDANT; SAME_ZONE needs none)');
    if (props.highAvailability !== undefined && !isUnresolved(sku ?? '') && (sku ?? 'B_').startsWith('B_')) {
      throw ruleError(this, `'highAvailability' needs a General Purpose or Memory Optimized SKU (GP_…, MO_…); Burstable servers have no standby, got 'skuName' '${sku ?? 'B_Standard_B2s'}'`);
    }
    checkKeyReference(this, 'customerManagedKey', props.customerManagedKey);
    if (props.customerManagedKey && props.geoRedundantBackupEnabled) {
      throw ruleError(this, "'customerManagedKey' and 'geoRedundantBackupEnabled' together need a second key and identity in the paired region, which this construct does not create; turn geo-redundant backups off, or encrypt with Microsoft-managed keys, got both");
    }
    const login = props.administratorLogin;
    if (login !== undefined && !isUnresolved(login)) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(login)) {
        throw propError(this, 'administratorLogin', 'must be 1-63 lowercase letters, digits and underscores, starting with a letter or underscore', login);
      }
      if (RESERVED_LOGINS.includes(login) || login.startsWith('pg_')) {
        throw propError(this, 'administratorLogin', `must not be a name PostgreSQL or Azure reserves (${RESERVED_LOGINS.join(', ')}, or starting with 'pg_')`, login);
      }
    }
    if (props.retentionStatement !== undefined) {
      checkNotBlank(this, 'retentionStatement', props.retentionStatement);
      if (props.retentionDays === undefined) {
        throw ruleError(this, "'retentionStatement' is what the retention job runs, so it needs 'retentionDays', got 'retentionStatement' alone");
      }
      if (!isUnresolved(props.retentionStatement) && props.retentionStatement.includes('$$')) {
        throw propError(this, 'retentionStatement', "must not contain '$$': the job wraps it in dollar quotes", props.retentionStatement);
      }
    }
    const app = props.appLogin;
    if (app !== undefined && !isUnresolved(app)) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(app)) {
        throw propError(this, 'appLogin', 'must be 1-63 lowercase letters, digits and underscores, starting with a letter or underscore', app);
      }
      if (RESERVED_LOGINS.includes(app) || app.startsWith('pg_') || app.startsWith('azure_')) {
        throw propError(this, 'appLogin', `must not be a name PostgreSQL or Azure reserves (${RESERVED_LOGINS.join(', ')}, or starting with 'pg_' or 'azure_')`, app);
      }
      if (app === (login ?? 'chatadmin')) {
        throw propError(this, 'appLogin', `must differ from 'administratorLogin' ('${login ?? 'chatadmin'}'): the app must not connect as the administrator`, app);
      }
    }
    const admin = props.entraAdministrator;
    if (!admin) {
      warn(this, 'history-no-entra-administrator', "'entraAdministrator' is not set, so administrators sign in with the shared administrator "
        + "password from the vault, not as themselves: set it to your operators' Entra group (objectId, principalName: the group's display name)");
    }
    if (admin) {
      checkGuid(this, 'entraAdministrator.objectId', admin.objectId);
      checkNotBlank(this, 'entraAdministrator.principalName', admin.principalName);
      if (!isUnresolved(admin.principalName) && admin.principalName.includes('$pchat$')) {
        throw propError(this, 'entraAdministrator.principalName', "must not contain '$pchat$': the setup statements quote it in that dollar quote", admin.principalName);
      }
      checkOneOf(this, 'entraAdministrator.principalType', admin.principalType, [PrincipalType.USER, PrincipalType.GROUP, PrincipalType.SERVICE_PRINCIPAL]);
    }
  }
}

/** The runner the props choose: `retentionJobRunner`, else the deprecated boolean, else the default. */
function runnerOf(props: PostgresHistoryStoreProps): RetentionJobRunner {
  if (props.retentionJobRunner !== undefined) return props.retentionJobRunner;
  return props.scheduleRetentionJob === false ? RetentionJobRunner.NONE : RetentionJobRunner.APP_STARTUP;
}

let SHAPE: Shape | undefined;
function propsShape(): Shape {
  SHAPE ??= {
    resourceGroupName: is.string(true),
    location: is.string(true),
    network: NETWORK_REF(true),
    dnsZones: DNS_ZONES_REF(true),
    vault: VAULT_REF(true),
    monitoring: MONITORING_REF(),
    name: is.string(),
    version: is.string(),
    skuName: is.string(),
    storageMb: is.integer(),
    backupRetentionDays: is.integer(),
    geoRedundantBackupEnabled: is.boolean(),
    highAvailability: is.any(),
    databaseName: is.string(),
    administratorLogin: is.string(),
    appLogin: is.string(),
    retentionDays: is.integer(),
    retentionStatement: is.string(),
    scheduleRetentionJob: is.boolean(),
    retentionJobRunner: is.any(),
    secretLifetimeDays: is.integer(),
    customerManagedKey: CUSTOMER_MANAGED_KEY_REF(),
    entraAdministrator: is.object({ objectId: is.string(true), principalName: is.string(true), principalType: is.any() }),
    preventDestroy: is.boolean(),
    tags: is.stringMap(),
  };
  return SHAPE;
}
