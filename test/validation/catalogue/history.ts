// Catalogue entries of the history store: PostgresHistoryStore's props.
import { TerraformStack } from 'cdktf';
import { CatalogueEntry, LOCATION, placement, RG } from './common';
import {
  HighAvailabilityMode, Monitoring, PostgresHistoryStore, PostgresHistoryStoreProps, PrivateDnsZones, PrivateKeyVault, PrivateLinkZone,
  PrivateNetwork,
} from '../../../src';
import { newStack } from '../../util';

/** A history store in a fresh stack whose zones include the postgres zone. */
export function historyStore(p: Partial<PostgresHistoryStoreProps> = {}, stack: TerraformStack = newStack()): PostgresHistoryStore {
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: RG, network, zones: [...PrivateLinkZone.all(), PrivateLinkZone.POSTGRESQL] });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: RG, location: LOCATION });
  const vault = new PrivateKeyVault(stack, 'Vault', { resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring });
  return new PostgresHistoryStore(stack, 'History', { resourceGroupName: RG, location: LOCATION, network, dnsZones, vault, monitoring, ...p });
}

const KEY = {
  keyId: 'https://kv-keys.vault.azure.net/keys/cmk',
  keyVaultId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-keys',
  identityId: 'id',
  identityClientId: 'c',
  identityPrincipalId: 'p',
  dependables: [],
};

type Props = Partial<PostgresHistoryStoreProps>;
const e = (prop: string, description: string, bad: Props, good: Props, expected: RegExp, fix: string): CatalogueEntry => ({ construct: 'PostgresHistoryStore', prop, description, build: () => historyStore(bad), valid: () => historyStore(good), expected, fix });

/** The entries of this area, in the order the docs list them. */
export const HISTORY_ENTRIES: CatalogueEntry[] = [
  ...placement('PostgresHistoryStore', (p) => historyStore(p)).map((x) => ({ ...x, valid: () => historyStore() })),
  e('retentionDays', 'between 1 and 3650 days', { retentionDays: 0 }, { retentionDays: 30 },
    /'retentionDays' must be an integer between 1 and 3650, got 0/, 'Keep chats 1 day to 10 years, or leave `retentionDays` out to keep them until users delete them.'),
  e('backupRetentionDays', 'between 7 and 35 days (Azure\'s range)', { backupRetentionDays: 36 }, { backupRetentionDays: 35 },
    /'backupRetentionDays' must be an integer between 7 and 35, got 36/, 'Use 7-35 days; longer retention needs long-term backups outside this library.'),
  e('version', 'a PostgreSQL major version in support', { version: '12' }, { version: '17' },
    /'version' must be one of '13', '14', '15', '16', '17'/, 'Use 16 (the default) or 17.'),
  e('skuName', 'a flexible-server SKU', { skuName: 'GP_Gen5_2' }, { skuName: 'GP_Standard_D2ds_v5' },
    /'skuName' must be a flexible-server SKU/, 'Use a flexible-server SKU such as `B_Standard_B2s` or `GP_Standard_D2ds_v5` (single-server `Gen5` SKUs are retired).'),
  e('storageMb', 'a storage size Azure offers', { storageMb: 40000 }, { storageMb: 65536 },
    /'storageMb' must be one of the sizes Azure offers/, 'Pick one of the sizes the message lists (in MB).'),
  e('highAvailability', 'a standby needs a General Purpose or Memory Optimized SKU', { highAvailability: HighAvailabilityMode.ZONE_REDUNDANT },
    { highAvailability: HighAvailabilityMode.ZONE_REDUNDANT, skuName: 'GP_Standard_D2ds_v5' },
    /'highAvailability' needs a General Purpose or Memory Optimized SKU/, 'Set `skuName` to a `GP_` or `MO_` SKU, or drop `highAvailability`.'),
  e('customerManagedKey', 'no geo-redundant backups with a customer-managed key', { customerManagedKey: KEY, geoRedundantBackupEnabled: true },
    { customerManagedKey: KEY }, /'customerManagedKey' and 'geoRedundantBackupEnabled' together need a second key/,
    'Turn geo-redundant backups off, or use Microsoft-managed keys for this server.'),
  e('administratorLogin', 'not a reserved login', { administratorLogin: 'postgres' }, { administratorLogin: 'chatowner' },
    /'administratorLogin' must not be a name PostgreSQL or Azure reserves/, 'Pick another login, e.g. `chatadmin` (the default).'),
  e('retentionStatement', 'needs retentionDays', { retentionStatement: 'DELETE FROM chat' }, { retentionStatement: 'DELETE FROM chat', retentionDays: 30 },
    /'retentionStatement' is what the retention job runs, so it needs 'retentionDays'/, 'Set `retentionDays` with it.'),
  e('name', 'a PostgreSQL server name', { name: 'Chat_History' }, { name: 'psql-chat-history' },
    /'name' must/, 'Use 3-63 lowercase letters, digits and hyphens.'),
];
