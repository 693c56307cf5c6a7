// Catalogue entries of the history store: PostgresHistoryStore's props and its retention statement.
import { TerraformStack, Testing } from 'cdktf';
import { ACCOUNT_ID, CatalogueEntry, GUID, LOCATION, placement, RG, SUB } from './common';
import {
  ChatWebApp, HighAvailabilityMode, ICustomerManagedKey, Monitoring, OpenAiAccount, PostgresHistoryStore, PostgresHistoryStoreProps, PrincipalType,
  PrivateDnsZones, PrivateKeyVault, PrivateLinkZone, PrivateNetwork, RetentionJobRunner, Warnings,
} from '../../../src';
import { newStack } from '../../util';

/** Untyped input, as JavaScript callers (or TypeScript holding `any`) pass it. */
const js = <T>(value: unknown): T => value as T;

/** A history store in a fresh stack whose zones include privatelink.postgres.database.azure.com. */
export function historyStore(p: Partial<PostgresHistoryStoreProps> = {}, stack: TerraformStack = newStack()): PostgresHistoryStore {
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', {
    resourceGroupName: RG, network, zones: [...PrivateLinkZone.all(), PrivateLinkZone.POSTGRESQL],
  });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: RG, location: LOCATION });
  const vault = new PrivateKeyVault(stack, 'Vault', { resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring });
  return new PostgresHistoryStore(stack, 'History', { resourceGroupName: RG, location: LOCATION, network, dnsZones, vault, monitoring, ...p });
}

const KEY: ICustomerManagedKey = {
  keyId: 'https://kv-keys.vault.azure.net/keys/cmk-history',
  keyVaultId: `${SUB}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv-keys`,
  identityId: `${SUB}/resourceGroups/${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk`,
  identityClientId: GUID,
  identityPrincipalId: '99999999-2222-3333-4444-555555555555',
  dependables: [],
};

/** A history store whose zone set holds `zones` only. */
function historyStoreWithZones(zones: PrivateLinkZone[]): PostgresHistoryStore {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: RG, network, zones });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: RG, location: LOCATION });
  const vault = new PrivateKeyVault(stack, 'Vault', { resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring });
  return new PostgresHistoryStore(stack, 'History', { resourceGroupName: RG, location: LOCATION, network, dnsZones, vault, monitoring });
}

const PROPS: CatalogueEntry[] = [
  ...placement('PostgresHistoryStore', (p) => historyStore(p)).map((e) => ({ ...e, valid: () => historyStore() })),
  {
    construct: 'PostgresHistoryStore',
    prop: 'dnsZones',
    description: 'holds the zone its private endpoint registers in (reported on the store, not on the zone set)',
    build: () => historyStoreWithZones(PrivateLinkZone.all()),
    expected: /^PostgresHistoryStore 'test\/History': 'dnsZones' must hold 'privatelink.postgres.database.azure.com', the private DNS zone the endpoint registers in; PrivateDnsZones 'test\/DnsZones' says: no private DNS zone 'privatelink.postgres.database.azure.com' in this set; add PrivateLinkZone for 'postgreSql' to 'zones', got .*$/,
    fix: 'Add `PrivateLinkZone.POSTGRESQL` to the zones of `PrivateDnsZones` (or pass its id in `fromHubZoneIds`); `PrivateChat` does it for you.',
    valid: () => historyStoreWithZones([...PrivateLinkZone.all(), PrivateLinkZone.POSTGRESQL]),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'name',
    description: 'PostgreSQL server name: lowercase letters, digits and hyphens',
    build: () => historyStore({ name: 'PSQL_Chat' }),
    expected: /'name' must .*, got 'PSQL_Chat'/,
    fix: 'Use 3-63 lowercase letters, digits and hyphens (globally unique), or leave `name` unset for a derived one.',
    valid: () => historyStore({ name: 'psql-chat' }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'databaseName',
    description: 'PostgreSQL database name',
    build: () => historyStore({ databaseName: '1chats' }),
    expected: /'databaseName' must .*, got '1chats'/,
    fix: 'Start with a letter or underscore; use letters, digits and underscores.',
    valid: () => historyStore({ databaseName: 'chats1' }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'version',
    description: 'a major version azurerm 4.55 accepts',
    build: () => historyStore({ version: '10' }),
    expected: /'version' must be one of '11', '12', '13', '14', '15', '16', '17', '18', got '10'/,
    fix: 'Leave `version` unset (18) or pick one of 14-18.',
    valid: () => historyStore({ version: '17' }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'version',
    description: 'past Azure standard support',
    warning: true,
    build: () => historyStore({ version: '13' }),
    expected: /'version' is '13', whose Azure standard support ended on 2026-07-31: the server runs on paid extended support; use '17'/,
    fix: 'Use 14 or later (17 by default); to keep an older version on purpose, `Warnings.acknowledge(store, \'postgresql-version-extended-support\', reason)`.',
    silenced: () => {
      const stack = newStack();
      Warnings.acknowledge(stack, 'postgresql-version-extended-support', 'migrating an existing database first');
      return historyStore({ version: '13' }, stack);
    },
    valid: () => historyStore({ version: '14' }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'skuName',
    description: 'a flexible-server SKU azurerm accepts',
    build: () => historyStore({ skuName: 'Standard_D2s_v3' }),
    expected: /'skuName' must be a flexible-server SKU '<tier>_Standard_<size>'.*, got 'Standard_D2s_v3'/,
    fix: 'Prefix the tier: `B_Standard_B2s`, `GP_Standard_D2ds_v5`, `MO_Standard_E2ds_v5`.',
    valid: () => historyStore({ skuName: 'GP_Standard_D2s_v3' }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'skuName',
    description: 'a Burstable size Azure offers',
    build: () => historyStore({ skuName: 'B_Standard_B3ms' }),
    expected: /'skuName' must be a flexible-server SKU .*, got 'B_Standard_B3ms'/,
    fix: 'Burstable sizes are B1ms, B2s, B2ms, B4ms, B8ms, B12ms, B16ms and B20ms.',
    valid: () => historyStore({ skuName: 'B_Standard_B4ms' }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'storageMb',
    description: 'one of the storage sizes Azure offers',
    build: () => historyStore({ storageMb: 50000 }),
    expected: /'storageMb' must be one of the sizes Azure offers: 32768, 65536, .*, got 50000/,
    fix: 'Use 32768 (32 GiB), 65536, 131072 and so on; storage can grow later but never shrink.',
    valid: () => historyStore({ storageMb: 65536 }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'backupRetentionDays',
    description: '7-35 days of backups',
    build: () => historyStore({ backupRetentionDays: 3 }),
    expected: /'backupRetentionDays' must be an integer between 7 and 35, got 3/,
    fix: 'Keep 7-35 days (35 by default).',
    valid: () => historyStore({ backupRetentionDays: 7 }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'retentionDays',
    description: '1-3650 days',
    build: () => historyStore({ retentionDays: 0 }),
    expected: /'retentionDays' must be an integer between 1 and 3650, got 0/,
    fix: 'Keep chats 1-3650 days after their last update, or leave `retentionDays` unset to keep them until users delete them.',
    valid: () => historyStore({ retentionDays: 1 }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'retentionDays',
    description: 'a whole number of days',
    build: () => historyStore({ retentionDays: 30.5 }),
    expected: /'retentionDays' must be an integer, got 30.5/,
    fix: 'Use a whole number of days.',
    valid: () => historyStore({ retentionDays: 30 }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'highAvailability',
    description: 'needs General Purpose or Memory Optimized',
    build: () => historyStore({ highAvailability: HighAvailabilityMode.SAME_ZONE }),
    expected: /'highAvailability' needs a General Purpose or Memory Optimized SKU .*, got 'skuName' 'B_Standard_B2s'/,
    fix: 'Pick a `GP_` or `MO_` SKU with high availability, or drop `highAvailability`.',
    valid: () => historyStore({ highAvailability: HighAvailabilityMode.SAME_ZONE, skuName: 'GP_Standard_D2ds_v5' }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'highAvailability',
    description: 'a HighAvailabilityMode',
    build: () => historyStore({ highAvailability: js('zone-redundant') }),
    expected: /'highAvailability' must be one of 'ZoneRedundant', 'SameZone' \(did you mean 'ZoneRedundant'\?\), got 'zone-redundant'/,
    fix: 'Use `HighAvailabilityMode.ZONE_REDUNDANT` or `HighAvailabilityMode.SAME_ZONE`.',
    valid: () => historyStore({ highAvailability: HighAvailabilityMode.ZONE_REDUNDANT, skuName: 'GP_Standard_D2ds_v5' }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'customerManagedKey',
    description: 'not with geo-redundant backups',
    build: () => historyStore({ customerManagedKey: KEY, geoRedundantBackupEnabled: true }),
    expected: /'customerManagedKey' and 'geoRedundantBackupEnabled' together need a second key and identity in the paired region.*, got both/,
    fix: 'Turn `geoRedundantBackupEnabled` off (the default) with a customer-managed key, or use Microsoft-managed keys.',
    valid: () => historyStore({ customerManagedKey: KEY }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'administratorLogin',
    description: 'not a login Azure reserves',
    build: () => historyStore({ administratorLogin: 'azure_superuser' }),
    expected: /'administratorLogin' must not be a name PostgreSQL or Azure reserves \(azure_superuser, azure_pg_admin, admin, administrator, root, guest, public, or starting with 'pg_'\), got 'azure_superuser'/,
    fix: 'Pick another login, e.g. `chatadmin` (the default).',
    valid: () => historyStore({ administratorLogin: 'chat_owner' }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'administratorLogin',
    description: 'not starting with pg_',
    build: () => historyStore({ administratorLogin: 'pg_chat' }),
    expected: /'administratorLogin' must not be a name PostgreSQL or Azure reserves .*, got 'pg_chat'/,
    fix: 'Drop the `pg_` prefix: PostgreSQL keeps it for its own roles.',
    valid: () => historyStore({ administratorLogin: 'chat_pg' }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'administratorLogin',
    description: 'lowercase letters, digits and underscores',
    build: () => historyStore({ administratorLogin: 'ChatAdmin' }),
    expected: /'administratorLogin' must be 1-63 lowercase letters, digits and underscores, starting with a letter or underscore, got 'ChatAdmin'/,
    fix: 'Use lowercase: the login is part of the DATABASE_URL and of PostgreSQL role names.',
    valid: () => historyStore({ administratorLogin: 'chatadmin' }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'retentionStatement',
    description: 'needs retentionDays',
    build: () => historyStore({ retentionStatement: 'DELETE FROM chat' }),
    expected: /'retentionStatement' is what the retention job runs, so it needs 'retentionDays', got 'retentionStatement' alone/,
    fix: 'Set `retentionDays` too, or drop `retentionStatement`.',
    valid: () => historyStore({ retentionStatement: 'DELETE FROM chat', retentionDays: 30 }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'retentionStatement',
    description: 'no dollar quotes',
    build: () => historyStore({ retentionDays: 30, retentionStatement: 'SELECT $$x$$' }),
    expected: /'retentionStatement' must not contain '\$\$': the job wraps it in dollar quotes, got 'SELECT \$\$x\$\$'/,
    fix: "Use single quotes ('x') or a tagged dollar quote ($x$...$x$) in the statement.",
    valid: () => historyStore({ retentionDays: 30, retentionStatement: "SELECT 'x'" }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'retentionStatement',
    description: 'not blank',
    build: () => historyStore({ retentionDays: 30, retentionStatement: ' ' }),
    expected: /'retentionStatement' must not be empty, got ' '/,
    fix: 'Give the statement, or leave it out for Open WebUI\'s.',
    valid: () => historyStore({ retentionDays: 30 }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'scheduleRetentionJob',
    description: 'needs retentionDays',
    build: () => historyStore({ scheduleRetentionJob: false }),
    expected: /'scheduleRetentionJob' only matters with 'retentionDays', got 'scheduleRetentionJob' false alone/,
    fix: 'Set `retentionDays`, or drop `scheduleRetentionJob`.',
    valid: () => historyStore({ scheduleRetentionJob: false, retentionDays: 30 }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'retentionJobRunner',
    description: 'a RetentionJobRunner',
    build: () => historyStore({ retentionDays: 30, retentionJobRunner: js('Cron') }),
    expected: /'retentionJobRunner' must be one of 'AppStartup', 'ApplyingMachine', 'None', got 'Cron'/,
    fix: 'Use `RetentionJobRunner.APP_STARTUP` (the default), `RetentionJobRunner.APPLYING_MACHINE` or `RetentionJobRunner.NONE`.',
    valid: () => historyStore({ retentionDays: 30, retentionJobRunner: RetentionJobRunner.NONE }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'retentionJobRunner',
    description: 'needs retentionDays',
    build: () => historyStore({ retentionJobRunner: RetentionJobRunner.APPLYING_MACHINE }),
    expected: /'retentionJobRunner' only matters with 'retentionDays', got 'retentionJobRunner' 'ApplyingMachine' alone/,
    fix: 'Set `retentionDays` (the job deletes chats older than that), or drop `retentionJobRunner`.',
    valid: () => historyStore({ retentionJobRunner: RetentionJobRunner.APPLYING_MACHINE, retentionDays: 30 }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'scheduleRetentionJob',
    description: 'the deprecated boolean not together with retentionJobRunner',
    build: () => historyStore({ retentionDays: 30, retentionJobRunner: RetentionJobRunner.NONE, scheduleRetentionJob: false }),
    expected: /'scheduleRetentionJob' is deprecated and replaced by 'retentionJobRunner'; set only 'retentionJobRunner', got both \('scheduleRetentionJob' false\)/,
    fix: 'Drop `scheduleRetentionJob`; `retentionJobRunner` alone says who schedules the job.',
    valid: () => historyStore({ retentionDays: 30, retentionJobRunner: RetentionJobRunner.NONE }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'scheduleRetentionJob',
    description: 'deprecated: replaced by retentionJobRunner',
    warning: true,
    build: () => historyStore({ retentionDays: 30, scheduleRetentionJob: true }),
    expected: /'scheduleRetentionJob' is deprecated: use 'retentionJobRunner' \(true now means RetentionJobRunner.APP_STARTUP, .*; RetentionJobRunner.APPLYING_MACHINE is the old psql from the applying machine\) \[history-schedule-retention-job-deprecated\]$/,
    fix: 'Replace `scheduleRetentionJob: true` with `retentionJobRunner: RetentionJobRunner.APP_STARTUP` (or leave it out; `APPLYING_MACHINE` for the old psql from the applying machine) and `false` with `RetentionJobRunner.NONE`. To keep it for now, `Warnings.acknowledge(store, \'history-schedule-retention-job-deprecated\', reason)`.',
    silenced: () => {
      const stack = newStack();
      Warnings.acknowledge(stack, 'history-schedule-retention-job-deprecated', 'moving to retentionJobRunner in the next release');
      return historyStore({ retentionDays: 30, scheduleRetentionJob: true }, stack);
    },
    valid: () => historyStore({ retentionDays: 30, retentionJobRunner: RetentionJobRunner.APP_STARTUP }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'retentionJobRunner',
    description: 'APP_STARTUP needs a front end that runs the setup statements (checked at synth)',
    warning: true,
    build: () => {
      // Known only once the stack is complete, so the warning appears at synth.
      const store = historyStore({ retentionDays: 30 });
      Testing.synth(TerraformStack.of(store), true);
      return store;
    },
    expected: /'retentionJobRunner' is RetentionJobRunner.APP_STARTUP, but no front end runs the store's 'setupStatements', so the app login 'openwebui_app' that 'connectionUrlReference' names is never created and no retention job is scheduled: .* \[history-setup-not-run\]$/,
    fix: 'Give the store as `history` to a `ChatWebApp` running `ChatFrontEnd.openWebUi()` (as `PrivateChat` does), or choose `retentionJobRunner: RetentionJobRunner.NONE` and run `retentionJobSql` yourself from inside the network, or `RetentionJobRunner.APPLYING_MACHINE`; or acknowledge it (`Warnings.acknowledge(store, \'history-setup-not-run\', reason)`) when another process schedules the job.',
    valid: () => historyStore({ retentionDays: 30, retentionJobRunner: RetentionJobRunner.NONE }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'secretLifetimeDays',
    description: 'at least a day',
    build: () => historyStore({ secretLifetimeDays: 0 }),
    expected: /'secretLifetimeDays' must be an integer between 1 and 36500, got 0/,
    fix: 'Give the secrets a lifetime in days (1825 by default) and rotate before it ends.',
    valid: () => historyStore({ secretLifetimeDays: 365 }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'entraAdministrator.objectId',
    description: 'a GUID',
    build: () => historyStore({ entraAdministrator: { objectId: 'dbas', principalName: 'chat-dbas' } }),
    expected: /'entraAdministrator.objectId' must be a GUID .*, got 'dbas'/,
    fix: 'Pass the object id of the group, user or service principal (`az ad group show -g <name> --query id`).',
    valid: () => historyStore({ entraAdministrator: { objectId: GUID, principalName: 'chat-dbas' } }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'entraAdministrator.principalType',
    description: 'a PrincipalType',
    build: () => historyStore({ entraAdministrator: { objectId: GUID, principalName: 'chat-dbas', principalType: js('Team') } }),
    expected: /'entraAdministrator.principalType' must be one of 'User', 'Group', 'ServicePrincipal', got 'Team'/,
    fix: 'Use `PrincipalType.GROUP` (the default), `PrincipalType.USER` or `PrincipalType.SERVICE_PRINCIPAL`.',
    valid: () => historyStore({ entraAdministrator: { objectId: GUID, principalName: 'alice@contoso.com', principalType: PrincipalType.USER } }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'vault',
    description: 'required',
    build: () => historyStore({ vault: js(undefined) }),
    expected: /'vault' is required \(an IPrivateKeyVault .*\), got undefined/,
    fix: 'Pass the vault that receives the generated password and connection URL (a `PrivateKeyVault`).',
    valid: () => historyStore(),
  },
  {
    construct: 'PostgresHistoryStore.openWebUiRetentionStatement',
    prop: 'days',
    description: '1-3650 days',
    factory: true,
    build: () => PostgresHistoryStore.openWebUiRetentionStatement(0),
    expected: /^PostgresHistoryStore.openWebUiRetentionStatement: 'days' must be an integer between 1 and 3650, got 0$/,
    fix: 'Pass the number of days chats are kept, as `retentionDays`.',
    valid: () => PostgresHistoryStore.openWebUiRetentionStatement(30),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'appLogin',
    description: 'a PostgreSQL login name in lowercase',
    build: () => historyStore({ appLogin: 'OpenWebUI' }),
    expected: /^PostgresHistoryStore 'test\/History': 'appLogin' must be 1-63 lowercase letters, digits and underscores, starting with a letter or underscore, got 'OpenWebUI'$/,
    fix: 'Use lowercase letters, digits and underscores (`openwebui_app` by default).',
    valid: () => historyStore({ appLogin: 'openwebui' }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'appLogin',
    description: 'not a name PostgreSQL or Azure reserves',
    build: () => historyStore({ appLogin: 'azure_app' }),
    expected: /'appLogin' must not be a name PostgreSQL or Azure reserves \(.*, or starting with 'pg_' or 'azure_'\), got 'azure_app'$/,
    fix: 'Pick a name that does not start with `pg_` or `azure_` and is not a reserved login (`openwebui_app` by default).',
    valid: () => historyStore({ appLogin: 'chat_app' }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'appLogin',
    description: 'not the administrator login',
    build: () => historyStore({ administratorLogin: 'dba', appLogin: 'dba' }),
    expected: /^PostgresHistoryStore 'test\/History': 'appLogin' must differ from 'administratorLogin' \('dba'\): the app must not connect as the administrator, got 'dba'$/,
    fix: 'Give the app a login of its own (leave `appLogin` unset for `openwebui_app`); the administrator login is for the setup only.',
    valid: () => historyStore({ administratorLogin: 'dba', appLogin: 'chat_app' }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'entraAdministrator.principalName',
    description: "no '$pchat$' (the setup's dollar quote)",
    build: () => historyStore({ entraAdministrator: { objectId: GUID, principalName: 'ops$pchat$' } }),
    expected: /'entraAdministrator.principalName' must not contain '\$pchat\$': the setup statements quote it in that dollar quote, got 'ops\$pchat\$'$/,
    fix: "Use the Entra group's display name as PostgreSQL shows it; it cannot contain `$pchat$`.",
    valid: () => historyStore({ entraAdministrator: { objectId: GUID, principalName: 'ops$team' } }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'entraAdministrator',
    description: 'recommended: administrators sign in as themselves through Entra',
    warning: true,
    build: () => historyStore(),
    expected: /^PostgresHistoryStore 'test\/History': 'entraAdministrator' is not set, so administrators sign in with the shared administrator password from the vault, not as themselves: set it to your operators' Entra group \(objectId, principalName: the group's display name\) \[history-no-entra-administrator\]$/,
    fix: "Set `entraAdministrator` (`history.entraAdministrator` on `PrivateChat`) to the operators' Entra group: `{ objectId, principalName }`; or acknowledge it (`Warnings.acknowledge(store, 'history-no-entra-administrator', reason)`).",
    silenced: () => {
      const stack = newStack();
      Warnings.acknowledge(stack, 'history-no-entra-administrator', 'a trial without operators');
      return historyStore({}, stack);
    },
    valid: () => historyStore({ entraAdministrator: { objectId: GUID, principalName: 'chat-dbas' } }),
  },
  {
    construct: 'PostgresHistoryStore',
    prop: 'setupStatements',
    description: "a front end must run the setup that creates the app's login (checked at synth)",
    warning: true,
    build: () => {
      const store = historyStore();
      Testing.synth(TerraformStack.of(store), true);
      return store;
    },
    expected: /^PostgresHistoryStore 'test\/History': no front end runs the store's 'setupStatements', so the app login 'openwebui_app' that 'connectionUrlReference' names is never created: .* \[history-setup-not-run\]$/,
    fix: "Give the store as `history` to a `ChatWebApp` running `ChatFrontEnd.openWebUi()` (as `PrivateChat` does), or run `setupStatements` yourself as the administrator from inside the network, with the parameter `app_password` set to the value of `appPasswordSecret`; then acknowledge it (`Warnings.acknowledge(store, 'history-setup-not-run', reason)`).",
    silenced: () => {
      const stack = newStack();
      Warnings.acknowledge(stack, 'history-setup-not-run', 'our DBA runs the setup from a jump host');
      const store = historyStore({}, stack);
      Testing.synth(stack, true);
      return store;
    },
    valid: () => withOpenWebUi(historyStore()),
  },
];

/** The store given as `history` to Open WebUI (the default front end), which runs its setup statements at start. */
function withOpenWebUi(store: PostgresHistoryStore): PostgresHistoryStore {
  const stack = TerraformStack.of(store);
  const child = <T>(id: string) => stack.node.findChild(id) as unknown as T;
  new ChatWebApp(stack, 'App', {
    resourceGroupName: RG,
    location: LOCATION,
    network: child<PrivateNetwork>('Network'),
    dnsZones: child<PrivateDnsZones>('DnsZones'),
    monitoring: child<Monitoring>('Monitoring'),
    vault: child<PrivateKeyVault>('Vault'),
    aiAccount: OpenAiAccount.fromAttributes(stack, 'OpenAi', { accountId: ACCOUNT_ID }),
    deploymentName: 'gpt-4.1-mini',
    history: store,
  });
  return store;
}

export const HISTORY_ENTRIES: CatalogueEntry[] = [...PROPS];
