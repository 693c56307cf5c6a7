import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import {
  CatalogueEntry, SUB, RG, GUID, GUID_2, LOCATION, STORAGE_ID, VAULT_ID, VAULT_URI, base, build, placement,
} from './common';
import {
  ChatIdentity, EncryptionKey, EncryptionKeyAttributes, EncryptionKeyProps, KeyVaultSecretOptions, Principal, PrivateKeyVault,
} from '../../../src';
import { newStack } from '../../util';

/** Gives the shared placement entries (common.ts) their valid twin: the same construct with its defaults. */
function withTwin(entries: CatalogueEntry[], valid: () => unknown): CatalogueEntry[] {
  return entries.map((e) => ({ ...e, valid: e.valid ?? valid }));
}

/** Untyped input, as JavaScript callers (or TypeScript holding `any`) pass it. */
const js = <T>(value: unknown): T => value as T;

/** The vault's props, unchecked: for entries that replace a whole prop with a wrong type. */
function vaultRaw(p: Record<string, unknown>): PrivateKeyVault {
  const { stack, network, dnsZones, monitoring } = base();
  return new PrivateKeyVault(stack, 'Vault', js({ resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring, ...p }));
}

/** A vault in a stack whose app sets the context key `cdktf-private-chat:today`. */
function vaultOn(today: unknown): PrivateKeyVault {
  const app = Testing.app({ context: { 'cdktf-private-chat:today': today } });
  const stack = new TerraformStack(app, 'test');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const { network, dnsZones, monitoring } = base(stack);
  return new PrivateKeyVault(stack, 'Vault', { resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring });
}

/** One `addSecret` call on a new vault, with raw options. */
function secretRaw(id: unknown, options: unknown, vault = build.vault()): PrivateKeyVault {
  vault.addSecret(js(id), js(options));
  return vault;
}

const secret = (o: Record<string, unknown> = {}): KeyVaultSecretOptions => js({ name: 'db-password', value: 'hunter2', contentType: 'text/plain', ...o });
const attrsRaw = (a: unknown) => PrivateKeyVault.fromAttributes(newStack(), 'SharedVault', js(a));
const tooManyTags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`tag${i}`, 'x']));
const fiftyTags = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`tag${i}`, 'x']));


const VAULT: CatalogueEntry[] = [
  ...withTwin(placement('PrivateKeyVault', (p) => build.vault(p)), () => build.vault()),
  {
    construct: 'PrivateKeyVault',
    prop: 'name',
    description: 'Key Vault name: 3-24 characters',
    build: () => build.vault({ name: 'kv' }),
    expected: /'name' must be 3-24 characters long for a Key Vault \(got 2\), got 'kv'/,
    fix: 'Use 3-24 characters, unique across Azure, or leave `name` unset for a derived one.',
    valid: () => build.vault({ name: 'kv-chat' }),
  },
  {
    construct: 'PrivateKeyVault',
    prop: 'name',
    description: 'Key Vault name: no consecutive hyphens',
    build: () => build.vault({ name: 'kv--chat' }),
    expected: /'name' must contain only letters, digits and hyphens, starting with a letter, ending with a letter or digit, without consecutive hyphens, got 'kv--chat'/,
    fix: 'Start with a letter, end with a letter or digit, and avoid `--`.',
    valid: () => build.vault({ name: 'kv-chat' }),
  },
  {
    construct: 'PrivateKeyVault',
    prop: 'softDeleteRetentionDays',
    description: 'between 7 and 90 days',
    build: () => build.vault({ softDeleteRetentionDays: 120 }),
    expected: /'softDeleteRetentionDays' must be an integer between 7 and 90, got 120/,
    fix: 'Use 7 to 90 days; 90 (the default) is what the baseline expects.',
    valid: () => build.vault({ softDeleteRetentionDays: 90 }),
  },
  {
    construct: 'PrivateKeyVault',
    prop: 'softDeleteRetentionDays',
    description: 'retention below the baseline\'s 90 days',
    warning: true,
    build: () => build.vault({ softDeleteRetentionDays: 30 }),
    expected: /'softDeleteRetentionDays' is 30; the security baseline \(CKV_AZURE_111\) expects 90 days, and the value cannot be changed after the vault exists/,
    fix: 'Leave it unset (90); it cannot be changed once the vault exists.',
    valid: () => build.vault({ softDeleteRetentionDays: 90 }),
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).name',
    description: 'must not be empty',
    build: () => build.secrets(['Db', { name: '' }]),
    expected: /'addSecret\(Db\).name' must not be empty, got ''/,
    fix: 'Name the secret.',
    valid: () => build.secrets(['Db', { name: 'db-password' }]),
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).name',
    description: 'Key Vault secret name rule',
    build: () => build.secrets(['Db', { name: 'db_password' }]),
    expected: /'addSecret\(Db\).name' must contain only letters, digits and hyphens, got 'db_password'/,
    fix: 'Use 1-127 letters, digits and hyphens (no `_` or `.`).',
    valid: () => build.secrets(['Db', { name: 'db-password' }]),
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).contentType',
    description: 'a content type is required',
    build: () => build.secrets(['Db', { contentType: ' ' }]),
    expected: /'addSecret\(Db\).contentType' must be a non-empty MIME type or label \(e.g. 'text\/plain'\), .*, got ' '/,
    fix: 'Say what the secret holds, e.g. `text/plain` or `client-secret`.',
    valid: () => build.secrets(['Db', { contentType: 'text/plain' }]),
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).value',
    description: 'a value is required',
    build: () => build.secrets(['Db', { value: undefined }]),
    expected: /'addSecret\(Db\).value' must be set, got undefined/,
    fix: 'Pass the value, ideally a sensitive `TerraformVariable`.',
    valid: () => build.secrets(['Db', { value: 'hunter2' }]),
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).expirationDate',
    description: 'an RFC 3339 timestamp',
    build: () => build.secrets(['Db', { expirationDate: '2026-02-30T00:00:00Z' }]),
    expected: /'addSecret\(Db\).expirationDate' must be an RFC3339 timestamp such as '2026-12-31T00:00:00Z', got '2026-02-30T00:00:00Z'/,
    fix: 'Write a real date and time with a zone, e.g. `2026-12-31T00:00:00Z`, or leave it unset for 365 days.',
    valid: () => build.secrets(['Db', { expirationDate: '2026-02-28T00:00:00Z' }]),
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).notBeforeDate',
    description: 'usable before it expires',
    build: () => build.secrets(['Db', { notBeforeDate: '2027-01-01T00:00:00Z', expirationDate: '2026-12-31T00:00:00Z' }]),
    expected: /'addSecret\(Db\).notBeforeDate' must be earlier than 'addSecret\(Db\).expirationDate', got '2027-01-01T00:00:00Z' and '2026-12-31T00:00:00Z'/,
    fix: 'Swap or correct the two dates.',
    valid: () => build.secrets(['Db', { notBeforeDate: '2026-01-01T00:00:00Z', expirationDate: '2026-12-31T00:00:00Z' }]),
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db2).name',
    description: 'secret names unique (case-insensitive)',
    build: () => build.secrets(['Db', { name: 'db-password' }], ['Db2', { name: 'DB-Password' }]),
    expected: /'addSecret\(Db2\).name' must be unique in the vault \(secret names are case-insensitive; already used by 'Db'\), got 'DB-Password'/,
    fix: 'Give each secret its own name.',
    valid: () => build.secrets(['Db', { name: 'db-password' }], ['Db2', { name: 'db-user' }]),
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'id',
    description: 'construct ids unique among the vault\'s secrets',
    build: () => build.secrets(['Db', { name: 'db-password' }], ['Db', { name: 'db-user' }]),
    expected: /'id' must be unique among the secrets of this vault, got 'Db'/,
    fix: 'Pass another construct id to `addSecret`.',
    valid: () => build.secrets(['Db', { name: 'db-password' }], ['Db2', { name: 'db-user' }]),
  },
  {
    construct: 'PrivateKeyVault.fromAttributes',
    prop: 'vaultId',
    description: 'must be an Azure resource id',
    build: () => build.vaultAttrs({ vaultId: 'kv-shared' }),
    expected: /'vaultId' must be an Azure resource id .*, got 'kv-shared'/,
    fix: 'Pass the vault\'s resource id, e.g. from `az keyvault show --query id`.',
    valid: () => build.vaultAttrs({ vaultId: VAULT_ID }),
  },
  {
    construct: 'PrivateKeyVault.fromAttributes',
    prop: 'vaultId',
    description: 'must be the id of a vault itself',
    build: () => build.vaultAttrs({ vaultId: `${VAULT_ID}/secrets/db` }),
    expected: /'vaultId' must be the id of a Microsoft.KeyVault\/vaults resource \(found Microsoft.KeyVault\/vaults\/secrets\), got '\/subscriptions\/.*'/,
    fix: 'Cut the id after `vaults/<name>`.',
    valid: () => build.vaultAttrs({ vaultId: VAULT_ID }),
  },
  {
    construct: 'PrivateKeyVault.fromAttributes',
    prop: 'vaultId',
    description: 'the vault name in the id follows the Key Vault rule',
    build: () => build.vaultAttrs({ vaultId: `${SUB}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv_shared` }),
    expected: /'vaultId' must contain only letters, digits and hyphens, .*, got 'kv_shared'/,
    fix: 'Check the id for a typo in the vault name.',
    valid: () => build.vaultAttrs({ vaultId: VAULT_ID }),
  },
  {
    construct: 'PrivateKeyVault.fromAttributes',
    prop: 'vaultUri',
    description: 'must not be empty',
    build: () => build.vaultAttrs({ vaultUri: '' }),
    expected: /'vaultUri' must not be empty, got ''/,
    fix: 'Pass the vault URI, e.g. from `az keyvault show --query properties.vaultUri`.',
    valid: () => build.vaultAttrs({ vaultUri: VAULT_URI }),
  },
  {
    construct: 'PrivateKeyVault.fromAttributes',
    prop: 'vaultUri',
    description: 'a Key Vault URI',
    build: () => build.vaultAttrs({ vaultUri: 'https://kv-shared.example.com/' }),
    expected: /'vaultUri' must be a vault URI like 'https:\/\/<name>.vault.azure.net\/', got 'https:\/\/kv-shared.example.com\/'/,
    fix: 'Use `https://<name>.vault.azure.net/` (or the sovereign cloud\'s vault domain).',
    valid: () => build.vaultAttrs({ vaultUri: VAULT_URI }),
  },
  {
    construct: 'PrivateKeyVault.fromAttributes',
    prop: 'vaultUri',
    description: 'the same vault as the id',
    build: () => build.vaultAttrs({ vaultUri: 'https://kv-other.vault.azure.net/' }),
    expected: /'vaultUri' must name the same vault as 'vaultId' \('kv-shared'\), got 'https:\/\/kv-other.vault.azure.net\/'/,
    fix: 'Pass the id and the URI of one vault.',
    valid: () => build.vaultAttrs({ vaultUri: VAULT_URI }),
  },
];


// Wrong JavaScript types, typed references, ids, regions, sizes and dates (issue 11).
const VAULT_INPUT: CatalogueEntry[] = [
  {
    construct: 'PrivateKeyVault',
    prop: 'props',
    description: 'props must be an object',
    build: () => new PrivateKeyVault(newStack(), 'Vault', js(null)),
    expected: /'props' must be an object of props, got null/,
    fix: 'Pass the props object: `{ resourceGroupName, location, network, dnsZones, monitoring }`.',
    valid: () => build.vault(),
  },
  {
    construct: 'PrivateKeyVault',
    prop: 'network',
    description: 'network must be a PrivateNetwork',
    build: () => vaultRaw({ network: 'vnet-spoke' }),
    expected: /'network' must be a PrivateNetwork or PrivateNetwork.fromAttributes\(...\), got 'vnet-spoke'/,
    fix: 'Pass a `PrivateNetwork`, or `PrivateNetwork.fromAttributes(...)` for an existing VNet.',
    valid: () => build.vault(),
  },
  {
    construct: 'PrivateKeyVault',
    prop: 'dnsZones',
    description: 'dnsZones must be a PrivateDnsZones',
    build: () => vaultRaw({ dnsZones: {} }),
    expected: /'dnsZones' must be a PrivateDnsZones or PrivateDnsZones.fromHubZoneIds\(...\), got \{\}/,
    fix: 'Pass a `PrivateDnsZones`, or `PrivateDnsZones.fromHubZoneIds(...)`.',
    valid: () => build.vault(),
  },
  {
    construct: 'PrivateKeyVault',
    prop: 'monitoring',
    description: 'monitoring must be a Monitoring',
    build: () => vaultRaw({ monitoring: null }),
    expected: /'monitoring' must be a Monitoring or Monitoring.fromWorkspaceId\(...\), got null/,
    fix: 'Pass a `Monitoring`, or `Monitoring.fromWorkspaceId(...)`.',
    valid: () => build.vault(),
  },
  {
    construct: 'PrivateKeyVault',
    prop: 'preventDestroy',
    description: 'a boolean, not a string',
    build: () => vaultRaw({ preventDestroy: 'false' }),
    expected: /'preventDestroy' must be true or false \(a boolean, not a string or number\), got 'false'/,
    fix: 'Write `false` without quotes.',
    valid: () => vaultRaw({ preventDestroy: false }),
  },
  {
    construct: 'PrivateKeyVault',
    prop: 'grantDeployerAccess',
    description: 'a boolean, not a number',
    build: () => vaultRaw({ grantDeployerAccess: 1 }),
    expected: /'grantDeployerAccess' must be true or false \(a boolean, not a string or number\), got 1/,
    fix: 'Write `true` or `false`.',
    valid: () => vaultRaw({ grantDeployerAccess: true }),
  },
  {
    construct: 'PrivateKeyVault',
    prop: 'softDeleteRetentionDays',
    description: 'a number, not a string',
    build: () => vaultRaw({ softDeleteRetentionDays: '90' }),
    expected: /'softDeleteRetentionDays' must be an integer between 7 and 90, got '90'/,
    fix: 'Write the number without quotes.',
    valid: () => vaultRaw({ softDeleteRetentionDays: 90 }),
  },
  {
    construct: 'PrivateKeyVault',
    prop: 'sku',
    description: 'unknown props (typos) are refused',
    build: () => vaultRaw({ sku: 'premium' }),
    expected: /'sku' is not a known prop \(known: .*softDeleteRetentionDays.*\), got 'premium'/,
    fix: 'Remove the prop; the vault is always Standard.',
    valid: () => vaultRaw({}),
  },
  {
    construct: 'PrivateKeyVault',
    prop: 'tags',
    description: 'at most 50 tags',
    build: () => build.vault({ tags: tooManyTags }),
    expected: /'tags' must hold at most 50 tags \(Azure's limit per resource\), got '51 tags'/,
    fix: 'Keep 50 tags or fewer on the vault.',
    valid: () => build.vault({ tags: fiftyTags }),
  },
  {
    construct: 'PrivateKeyVault',
    prop: 'tags.owner',
    description: 'tag values of at most 256 characters',
    build: () => build.vault({ tags: { owner: 'x'.repeat(257) } }),
    expected: /'tags.owner' must be at most 256 characters \(Azure's limit for a tag value\), got 'x[x…]+'/,
    fix: 'Shorten the tag value to 256 characters.',
    valid: () => build.vault({ tags: { owner: 'x'.repeat(256) } }),
  },
  {
    construct: 'PrivateKeyVault',
    prop: 'location',
    description: 'the vault is in its network\'s region',
    build: () => build.vault({ location: 'westeurope' }),
    expected: /'location' must be the region of its network \('swedencentral'\): .*, got 'westeurope'/,
    fix: 'Put the vault in the VNet\'s region (its private endpoint must be there).',
    valid: () => build.vault({ location: 'swedencentral' }),
  },
  {
    construct: 'PrivateKeyVault',
    prop: 'location',
    description: 'no whitespace around the region',
    build: () => build.vault({ location: ' swedencentral' }),
    expected: /'location' must not start or end with whitespace, got ' swedencentral'/,
    fix: 'Trim the region name.',
    valid: () => build.vault({ location: 'swedencentral' }),
  },
  {
    construct: 'PrivateKeyVault',
    prop: 'grantSecretsRead.principal',
    description: 'grantSecretsRead takes an IPrincipal',
    build: () => build.vault().grantSecretsRead(js(GUID)),
    expected: /'grantSecretsRead.principal' must be an IPrincipal \(a ChatIdentity, or Principal.fromGroupObjectId\(...\)\), got '11111111-2222-3333-4444-555555555555'/,
    fix: 'Pass `Principal.fromGroupObjectId(scope, id, objectId)` or a `ChatIdentity`, not the object id alone.',
    valid: () => {
      const vault = build.vault();
      vault.grantSecretsRead(Principal.fromGroupObjectId(vault.node.scope!, 'Readers', GUID));
      return vault;
    },
  },
  {
    construct: 'PrivateKeyVault.keyVaultReference',
    prop: 'secret',
    description: 'takes a secret from addSecret',
    factory: true,
    build: () => PrivateKeyVault.keyVaultReference(js({ versionlessId: 'https://kv-shared.vault.azure.net/secrets/db' })),
    expected: /^PrivateKeyVault.keyVaultReference: 'secret' must be a VaultSecret returned by addSecret\(...\), got \{.*\}$/,
    fix: 'Pass the `VaultSecret` that `addSecret` returned (or use its `keyVaultReference`).',
    valid: () => PrivateKeyVault.keyVaultReference(build.vault().addSecret('Db', secret())),
  },
];

const SECRET_INPUT: CatalogueEntry[] = [
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db)',
    description: 'options are required',
    build: () => secretRaw('Db', undefined),
    expected: /'addSecret\(Db\)' is required \(an object\), got undefined/,
    fix: 'Pass `{ name, value, contentType }`.',
    valid: () => secretRaw('Db', secret()),
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret.id',
    description: 'an id is required',
    build: () => secretRaw(' ', secret()),
    expected: /'addSecret.id' must not be empty, got ' '/,
    fix: 'Pass a construct id, e.g. `Db`.',
    valid: () => secretRaw('Db', secret()),
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).name',
    description: 'a name is required',
    build: () => secretRaw('Db', secret({ name: undefined })),
    expected: /'addSecret\(Db\).name' is required \(a string\), got undefined/,
    fix: 'Name the secret.',
    valid: () => secretRaw('Db', secret({ name: 'db-password' })),
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).value',
    description: 'the value is a string',
    build: () => secretRaw('Db', secret({ value: 42 })),
    expected: /'addSecret\(Db\).value' must be a string, got 42/,
    fix: 'Pass the value as a string (`String(n)`) or a sensitive `TerraformVariable`.',
    valid: () => secretRaw('Db', secret({ value: '42' })),
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).value',
    description: 'at most 25 KB',
    build: () => secretRaw('Db', secret({ value: 'x'.repeat(25 * 1024 + 1) })),
    expected: /'addSecret\(Db\).value' must be at most 25600 bytes \(Key Vault's limit for a secret value\), got 'a value of 25601 bytes'/,
    fix: 'Store large material elsewhere (a storage account) and keep a reference or key in the vault.',
    valid: () => secretRaw('Db', secret({ value: 'x'.repeat(25 * 1024) })),
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).contentType',
    description: 'the content type is a string',
    build: () => secretRaw('Db', secret({ contentType: ['text/plain'] })),
    expected: /'addSecret\(Db\).contentType' must be a string, got \["text\/plain"\]/,
    fix: 'Pass one content type, e.g. `text/plain`.',
    valid: () => secretRaw('Db', secret({ contentType: 'text/plain' })),
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).expirationDate',
    description: 'a string, not a Date',
    build: () => secretRaw('Db', secret({ expirationDate: new Date(Date.UTC(2026, 11, 31)) })),
    expected: /'addSecret\(Db\).expirationDate' must be a string, got .*/,
    fix: 'Pass `date.toISOString()`, e.g. `2026-12-31T00:00:00.000Z`.',
    valid: () => secretRaw('Db', secret({ expirationDate: new Date(Date.UTC(2026, 11, 31)).toISOString() })),
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).expirationDate',
    description: 'a timestamp, not a date alone',
    build: () => secretRaw('Db', secret({ expirationDate: '2026-12-31' })),
    expected: /'addSecret\(Db\).expirationDate' must be an RFC3339 timestamp such as '2026-12-31T00:00:00Z', got '2026-12-31'/,
    fix: 'Add a time and a zone: `2026-12-31T00:00:00Z`.',
    valid: () => secretRaw('Db', secret({ expirationDate: '2026-12-31T00:00:00Z' })),
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).notBeforeDate',
    description: 'notBeforeDate is an RFC3339 timestamp',
    build: () => secretRaw('Db', secret({ notBeforeDate: '2026-01-01 00:00:00' })),
    expected: /'addSecret\(Db\).notBeforeDate' must be an RFC3339 timestamp such as '2026-12-31T00:00:00Z', got '2026-01-01 00:00:00'/,
    fix: 'Write `2026-01-01T00:00:00Z`.',
    valid: () => secretRaw('Db', secret({ notBeforeDate: '2026-01-01T00:00:00Z' })),
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).expiry',
    description: 'unknown options (typos) are refused',
    build: () => secretRaw('Db', secret({ expiry: '2026-12-31T00:00:00Z' })),
    expected: /'addSecret\(Db\).expiry' is not a known prop \(known: contentType, expirationDate, name, notBeforeDate, value\), got '2026-12-31T00:00:00Z'/,
    fix: 'Use `expirationDate`.',
    valid: () => secretRaw('Db', secret({ expirationDate: '2026-12-31T00:00:00Z' })),
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'cdktf-private-chat:today',
    description: 'today\'s date from the context is an ISO date',
    build: () => secretRaw('Db', secret({ expirationDate: '2026-12-31T00:00:00Z' }), vaultOn('22/11/2026')),
    expected: /'cdktf-private-chat:today' must be today's date as an ISO date such as '2026-11-22' \(a context key: set it in cdktf.json or by the pipeline\), got '22\/11\/2026'/,
    fix: 'Set the context key to `YYYY-MM-DD` (under `context` in cdktf.json, or `new App({ context })`).',
    valid: () => secretRaw('Db', secret({ expirationDate: '2026-12-31T00:00:00Z' }), vaultOn('2026-11-22')),
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).expirationDate',
    description: 'an expiry already in the past',
    warning: true,
    build: () => secretRaw('Db', secret({ expirationDate: '2025-06-30T00:00:00Z' }), vaultOn('2026-11-22')),
    expected: /'addSecret\(Db\).expirationDate' is '2025-06-30T00:00:00Z', already past on 2026-11-22 \(context 'cdktf-private-chat:today'\)/,
    fix: 'Set a future `expirationDate`, or leave it unset for 365 days after creation.',
    valid: () => secretRaw('Db', secret({ expirationDate: '2027-06-30T00:00:00Z' }), vaultOn('2026-11-22')),
  },
  {
    construct: 'PrivateKeyVault.addSecret',
    prop: 'addSecret(Db).expirationDate',
    description: 'an expiry already in the past, without the today context key (today is the catalogue\'s research date)',
    warning: true,
    build: () => secretRaw('Db', secret({ expirationDate: '2025-06-30T00:00:00Z' })),
    expected: /'addSecret\(Db\).expirationDate' is '2025-06-30T00:00:00Z', already past on 2026-11-22 \(taken as today: the date the model catalogue was researched; set context 'cdktf-private-chat:today' to check another date\)/,
    fix: 'Set a future `expirationDate`; set the context key `cdktf-private-chat:today` (in cdktf.json or from the pipeline) so that date checks use the real date.',
    valid: () => secretRaw('Db', secret({ expirationDate: '2027-06-30T00:00:00Z' })),
  },
];

const ATTRIBUTES_INPUT: CatalogueEntry[] = [
  {
    construct: 'PrivateKeyVault.fromAttributes',
    prop: 'vaultUri',
    description: 'vaultUri is required',
    build: () => attrsRaw({ vaultId: VAULT_ID }),
    expected: /'vaultUri' is required \(a string\), got undefined/,
    fix: 'Pass the vault URI, e.g. from `az keyvault show --query properties.vaultUri`.',
    valid: () => attrsRaw({ vaultId: VAULT_ID, vaultUri: VAULT_URI }),
  },
  {
    construct: 'PrivateKeyVault.fromAttributes',
    prop: 'vaultId',
    description: 'the id of a vault, not of another resource type',
    build: () => build.vaultAttrs({ vaultId: STORAGE_ID }),
    expected: /'vaultId' must be the id of a Microsoft.KeyVault\/vaults resource \(found Microsoft.Storage\/storageAccounts\), got '.*'/,
    fix: 'Pass the id of the vault (`…/Microsoft.KeyVault/vaults/<name>`).',
    valid: () => build.vaultAttrs({ vaultId: VAULT_ID }),
  },
  {
    construct: 'PrivateKeyVault.fromAttributes',
    prop: 'vaultId',
    description: 'the subscription of the id is a GUID',
    build: () => build.vaultAttrs({ vaultId: VAULT_ID.replace('00000000-0000-0000-0000-000000000000', 'prod') }),
    expected: /'vaultId' must be an Azure resource id .*, got '\/subscriptions\/prod\/.*'/,
    fix: 'Copy the id from `az keyvault show --query id`; the subscription part is a GUID.',
    valid: () => build.vaultAttrs({ vaultId: VAULT_ID }),
  },
  {
    construct: 'PrivateKeyVault.fromAttributes',
    prop: 'grantDeployerAccess',
    description: 'a boolean, not a string',
    build: () => attrsRaw({ vaultId: VAULT_ID, vaultUri: VAULT_URI, grantDeployerAccess: 'no' }),
    expected: /'grantDeployerAccess' must be true or false \(a boolean, not a string or number\), got 'no'/,
    fix: 'Write `false` without quotes.',
    valid: () => attrsRaw({ vaultId: VAULT_ID, vaultUri: VAULT_URI, grantDeployerAccess: false }),
  },
  {
    construct: 'PrivateKeyVault.fromAttributes',
    prop: 'vaultUri',
    description: 'no whitespace around the URI',
    build: () => build.vaultAttrs({ vaultUri: `${VAULT_URI}\n` }),
    expected: /'vaultUri' must not start or end with whitespace, got 'https:\/\/kv-shared.vault.azure.net\/\n'/,
    fix: 'Trim the URI (often read from a file with a trailing newline).',
    valid: () => build.vaultAttrs({ vaultUri: VAULT_URI }),
  },
];

/** Purge protection of an imported vault, as its attributes say it (`unknown`: they do not). */
const PURGE_PROTECTION = { protected: true, unprotected: false, unknown: undefined };

/**
 * An EncryptionKey in a new stack with raw props: in a created vault, or in an imported one
 * whose attributes give its purge protection.
 */
export function encryptionKey(p: Record<string, unknown> = {}, vaultKind: 'created' | keyof typeof PURGE_PROTECTION = 'created'): EncryptionKey {
  const { stack, network, dnsZones, monitoring } = base();
  const vault = vaultKind === 'created'
    ? new PrivateKeyVault(stack, 'Vault', { resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring })
    : PrivateKeyVault.fromAttributes(stack, 'SharedVault', { vaultId: VAULT_ID, vaultUri: VAULT_URI, purgeProtectionEnabled: PURGE_PROTECTION[vaultKind] });
  return new EncryptionKey(stack, 'Key', js<EncryptionKeyProps>({ vault, resourceGroupName: RG, location: LOCATION, ...p }));
}

const KEY_ID = 'https://kv-shared.vault.azure.net/keys/cmk-history';
const sharedIdentity = (stack = newStack()) => ChatIdentity.fromIdentityAttributes(stack, 'SharedIdentity', {
  identityId: `${SUB}/resourceGroups/${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk`, clientId: GUID, principalId: GUID_2, tenantId: GUID,
});

/** `EncryptionKey.fromKeyId` in a new stack, with raw attributes. */
export function encryptionKeyAttrs(a: Record<string, unknown> = {}) {
  const stack = newStack();
  return EncryptionKey.fromKeyId(stack, 'Key', js<EncryptionKeyAttributes>({ keyId: KEY_ID, keyVaultId: VAULT_ID, identity: sharedIdentity(stack), ...a }));
}

const KEY: CatalogueEntry[] = [
  ...withTwin(placement('EncryptionKey', (p) => encryptionKey(p)), () => encryptionKey()),
  {
    construct: 'EncryptionKey',
    prop: 'keySize',
    description: '2048, 3072 or 4096 bits',
    build: () => encryptionKey({ keySize: 1024 }),
    expected: /'keySize' must be one of 2048, 3072, 4096, got 1024/,
    fix: 'Leave it at 2048 (the only size Azure OpenAI accepts), or use 3072 or 4096 for a key only PostgreSQL or the registry uses.',
    valid: () => encryptionKey({ keySize: 2048 }),
  },
  {
    construct: 'EncryptionKey',
    prop: 'name',
    description: 'Key Vault key name rule',
    build: () => encryptionKey({ name: 'cmk_history' }),
    expected: /'name' must contain only letters, digits and hyphens, got 'cmk_history'/,
    fix: 'Use 1-127 letters, digits and hyphens, or leave `name` unset for a derived one.',
    valid: () => encryptionKey({ name: 'cmk-history' }),
  },
  {
    construct: 'EncryptionKey',
    prop: 'rotateAfterDays',
    description: 'at least 7 days',
    build: () => encryptionKey({ rotateAfterDays: 6 }),
    expected: /'rotateAfterDays' must be an integer between 7 and 36493, got 6/,
    fix: 'Key Vault rotates a key 7 days after creation at the earliest; use whole days from 7.',
    valid: () => encryptionKey({ rotateAfterDays: 7 }),
  },
  {
    construct: 'EncryptionKey',
    prop: 'expireAfterDays',
    description: 'between 28 and 36500 days',
    build: () => encryptionKey({ expireAfterDays: 27 }),
    expected: /'expireAfterDays' must be an integer between 28 and 36500, got 27/,
    fix: 'Key Vault needs a key lifetime of at least 28 days; the default is 365.',
    valid: () => encryptionKey({ expireAfterDays: 28 }),
  },
  {
    construct: 'EncryptionKey',
    prop: 'rotateAfterDays',
    description: 'at least 7 days before the expiry',
    build: () => encryptionKey({ rotateAfterDays: 360, expireAfterDays: 365 }),
    expected: /'rotateAfterDays' must be at least 7 days less than 'expireAfterDays' \(Key Vault rotates a key no later than 7 days before it expires\), got 360 and 365/,
    fix: 'Rotate earlier or let versions live longer; leaving `rotateAfterDays` unset rotates 30 days before expiry.',
    valid: () => encryptionKey({ rotateAfterDays: 335, expireAfterDays: 365 }),
  },
  {
    construct: 'EncryptionKey',
    prop: 'resourceGroupName',
    description: 'needed to create the key identity',
    build: () => encryptionKey({ resourceGroupName: undefined }),
    expected: /'resourceGroupName' is required when no 'identity' is passed: the key's user-assigned identity is created there, got undefined/,
    fix: 'Pass `resourceGroupName` and `location` for the identity, or pass an existing `identity`.',
    valid: () => encryptionKey({ resourceGroupName: RG }),
  },
  {
    construct: 'EncryptionKey',
    prop: 'identity',
    description: 'an IChatIdentity',
    build: () => encryptionKey({ identity: { identityId: 'id-cmk' } }),
    expected: /'identity' must be an IChatIdentity \(a ChatIdentity or ChatIdentity.fromIdentityAttributes\(...\)\), got \{"identityId":"id-cmk"\}/,
    fix: 'Pass a `ChatIdentity` or `ChatIdentity.fromIdentityAttributes(...)`, or leave it out to create one.',
    valid: () => encryptionKey({ identity: undefined }),
  },
  {
    construct: 'EncryptionKey',
    prop: 'vault',
    description: 'a customer-managed key needs purge protection on its vault',
    build: () => encryptionKey({}, 'unprotected'),
    expected: /'vault' must have purge protection: Azure refuses a customer-managed key from a vault without soft delete and purge protection\. .*, got 'test\/SharedVault'/,
    fix: 'Turn purge protection on for the vault (`az keyvault update --enable-purge-protection true`; it cannot be turned off again), or keep the key in another vault.',
    valid: () => encryptionKey({}, 'protected'),
  },
  {
    construct: 'EncryptionKey',
    prop: 'vault',
    description: 'an imported vault whose purge protection is unknown',
    warning: true,
    build: () => encryptionKey({}, 'unknown'),
    expected: /'vault' \('test\/SharedVault'\) does not say whether purge protection is on, and Azure refuses a customer-managed key from a vault without it/,
    fix: 'Check with `az keyvault show --query properties.enablePurgeProtection` and pass `purgeProtectionEnabled: true` to `PrivateKeyVault.fromAttributes`.',
    valid: () => encryptionKey({}, 'protected'),
  },
  {
    construct: 'EncryptionKey.fromKeyId',
    prop: 'keyId',
    description: 'versionless, so that services follow rotation',
    build: () => encryptionKeyAttrs({ keyId: `${KEY_ID}/0123456789abcdef0123456789abcdef` }),
    expected: /'keyId' must not name a version: pass 'https:\/\/kv-shared.<host>\/keys\/cmk-history', so that services follow the key's rotation, got '.*'/,
    fix: 'Drop the last segment (the version) of the key id.',
    valid: () => encryptionKeyAttrs({ keyId: KEY_ID }),
  },
  {
    construct: 'EncryptionKey.fromKeyId',
    prop: 'keyId',
    description: 'a Key Vault key id',
    build: () => encryptionKeyAttrs({ keyId: 'https://kv-shared.vault.azure.net/secrets/cmk-history' }),
    expected: /'keyId' must be a versionless Key Vault key id, 'https:\/\/<vault>.vault.azure.net\/keys\/<name>' .*, got 'https:\/\/kv-shared.vault.azure.net\/secrets\/cmk-history'/,
    fix: 'Pass `https://<vault>.vault.azure.net/keys/<name>` (`az keyvault key show --query key.kid`, without the version).',
    valid: () => encryptionKeyAttrs({ keyId: KEY_ID }),
  },
  {
    construct: 'EncryptionKey.fromKeyId',
    prop: 'keyId',
    description: 'a key of the vault keyVaultId names',
    build: () => encryptionKeyAttrs({ keyId: 'https://kv-other.vault.azure.net/keys/cmk-history' }),
    expected: /'keyId' must be a key of the vault 'keyVaultId' names \('kv-shared'\), got 'https:\/\/kv-other.vault.azure.net\/keys\/cmk-history'/,
    fix: 'Pass the id of the vault that holds the key as `keyVaultId`.',
    valid: () => encryptionKeyAttrs({ keyId: KEY_ID }),
  },
  {
    construct: 'EncryptionKey.fromKeyId',
    prop: 'keyVaultId',
    description: 'the id of a vault',
    build: () => encryptionKeyAttrs({ keyVaultId: STORAGE_ID }),
    expected: /'keyVaultId' must be the id of a Microsoft.KeyVault\/vaults resource \(found Microsoft.Storage\/storageAccounts\), got '.*'/,
    fix: 'Pass the id of the vault (`az keyvault show --query id`).',
    valid: () => encryptionKeyAttrs({ keyVaultId: VAULT_ID }),
  },
];

/** The entries of this area, in the order the docs list them. */
export const SECRETS_ENTRIES: CatalogueEntry[] = [...VAULT, ...VAULT_INPUT, ...SECRET_INPUT, ...ATTRIBUTES_INPUT, ...KEY];
