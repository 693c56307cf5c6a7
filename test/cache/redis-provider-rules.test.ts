// The plan-time rules of azurerm_managed_redis (azurerm 4.55) in the provider-rule table: each
// passes on what PrivateRedisCache writes and fails on what the provider refuses.
import { Conformance, ConformanceViolation, ProviderRules } from '../../src/conformance';

/** The provider-rule violations of one managed Redis body (schema violations left out). */
function ruleViolations(body: Record<string, unknown>): ConformanceViolation[] {
  const config = { resource: { azurerm_managed_redis: { this: body } } };
  return Conformance.checkSynthesized(JSON.stringify(config)).filter((v) => v.message.includes('refuses this at plan time'));
}

/** The provider's own text inside each violation message. */
function texts(body: Record<string, unknown>): string[] {
  return ruleViolations(body).map((v) => {
    const match = /refuses this at plan time: (.*) \(provider rule [^ ]+, https:\/\/github\.com\/[^)]+\)$/.exec(v.message);
    if (!match) throw new Error(`not a provider-rule violation: ${v.message}`);
    return match[1];
  });
}

const BASE = {
  name: 'redis-chat-1a2b3c4d',
  resource_group_name: 'rg',
  location: 'swedencentral',
  sku_name: 'Balanced_B0',
  high_availability_enabled: true,
  public_network_access: 'Disabled',
  default_database: {
    access_keys_authentication_enabled: true, client_protocol: 'Encrypted', clustering_policy: 'EnterpriseCluster', eviction_policy: 'NoEviction',
  },
};
const db = (extra: Record<string, unknown>) => ({ ...BASE, default_database: { ...BASE.default_database, ...extra } });

describe('azurerm_managed_redis provider rules', () => {
  test('the table has the reviewed entries, each linked to the v4.55.0 source', () => {
    const rules = ProviderRules.forType('azurerm_managed_redis');
    expect(ProviderRules.isReviewed('azurerm_managed_redis')).toBe(true);
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining([
      'azurerm_managed_redis/name-length', 'azurerm_managed_redis/name', 'azurerm_managed_redis/name-consecutive-hyphens', 'azurerm_managed_redis/sku_name',
      'azurerm_managed_redis/customer_managed_key.key_vault_key_id', 'azurerm_managed_redis/default_database.clustering_policy',
      'azurerm_managed_redis/geo_replication-sku', 'azurerm_managed_redis/redisearch-eviction', 'azurerm_managed_redis/redisearch-clustering',
    ]));
    for (const r of rules) expect(r.source).toMatch(/^https:\/\/github\.com\/hashicorp\/terraform-provider-azurerm\/blob\/v4\.55\.0\/internal\/services\/managedredis\//);
  });

  test('what PrivateRedisCache writes passes', () => {
    expect(ruleViolations(BASE)).toEqual([]);
  });

  test('name: length, characters, consecutive hyphens', () => {
    expect(texts({ ...BASE, name: 'rc' })).toEqual(['"name" length should be between 3 and 63, got rc']);
    expect(texts({ ...BASE, name: 'redis_chat' })).toEqual([
      '"name" can only contain letters, numbers and hyphens. The first and last characters must each be a letter or a number, got redis_chat',
    ]);
    expect(texts({ ...BASE, name: 'redis--chat' })).toEqual(['"name" must not contain any consecutive hyphens, got redis--chat']);
  });

  test('sku_name: the retired Enterprise SKUs are refused', () => {
    expect(texts({ ...BASE, sku_name: 'Enterprise_E10' })[0]).toMatch(/^expected sku_name to be one of \["Balanced_B0" "Balanced_B1" .*, got Enterprise_E10$/);
    expect(ruleViolations({ ...BASE, sku_name: 'MemoryOptimized_M10' })).toEqual([]);
  });

  test('customer_managed_key: only a versioned key id', () => {
    const identity = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id';
    expect(ruleViolations({ ...BASE, customer_managed_key: { key_vault_key_id: 'https://kv.vault.azure.net/keys/k/0123abcd', user_assigned_identity_id: identity } })).toEqual([]);
    expect(texts({ ...BASE, customer_managed_key: { key_vault_key_id: 'https://kv.vault.azure.net/keys/k', user_assigned_identity_id: identity } }))
      .toHaveLength(1);
  });

  test('persistence: AOF and RDB conflict', () => {
    expect(texts(db({ persistence_append_only_file_backup_frequency: '1s', persistence_redis_database_backup_frequency: '1h' }))).toHaveLength(2);
    expect(ruleViolations(db({ persistence_redis_database_backup_frequency: '1h' }))).toEqual([]);
  });

  test('customizeDiff: geo-replication needs a SKU above B1, and only RediSearch or RedisJSON', () => {
    expect(texts({ ...db({ geo_replication_group_name: 'g1' }), sku_name: 'Balanced_B1' })[0]).toMatch(/^SKU "Balanced_B1" does not support geo-replication/);
    expect(ruleViolations({ ...db({ geo_replication_group_name: 'g1' }), sku_name: 'Balanced_B3' })).toEqual([]);
    expect(texts({ ...db({ geo_replication_group_name: 'g1', module: [{ name: 'RedisBloom' }] }), sku_name: 'Balanced_B3' }))
      .toEqual(['invalid module "RedisBloom", only following modules are supported when `geo_replication_group_name` is not empty: RediSearch, RedisJSON']);
  });

  test('customizeDiff: RediSearch needs NoEviction, then EnterpriseCluster (the provider defaults are VolatileLRU and OSSCluster)', () => {
    expect(ruleViolations(db({ module: [{ name: 'RediSearch' }] }))).toEqual([]);
    expect(texts({ ...BASE, default_database: { module: [{ name: 'RediSearch' }] } }))
      .toEqual(['invalid eviction_policy "VolatileLRU", when using RediSearch module, eviction_policy must be set to NoEviction']);
    expect(texts({ ...BASE, default_database: { eviction_policy: 'NoEviction', module: [{ name: 'RediSearch' }] } }))
      .toEqual(['invalid clustering_policy "OSSCluster", when using RediSearch module, clustering_policy must be set to EnterpriseCluster']);
  });
});
