// PrivateRedisCache: the Azure Managed Redis Open WebUI's instances share, its private endpoint and
// flows on port 10000, the URL secret, diagnostics, every validation, and determinism.
import { ManagedRedis } from '@cdktf/provider-azurerm/lib/managed-redis';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { TerraformStack } from 'cdktf';
import { IPrivateRedisCache, PrivateRedisCache, PrivateRedisCacheProps } from '../../src/cache';
import { nearestSkus } from '../../src/cache/private/redis-facts';
import { Monitoring } from '../../src/monitoring';
import { EndpointCaller, PrivateDnsZones, PrivateLinkZone, PrivateNetwork } from '../../src/network';
import { EncryptionKey, ICustomerManagedKey, PrivateKeyVault } from '../../src/secrets';
import { address, ref } from '../app/fixtures';
import { newStack, onlyResource, resourcesOf, serviceFixture, ServiceFixture, synth, synthJson, thrown, warningsOf } from '../util';

const RG = 'rg-chat';
const LOCATION = 'swedencentral';
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const GUID = '11111111-2222-3333-4444-555555555555';

interface Fixture extends ServiceFixture {
  readonly vault: PrivateKeyVault;
}

function fixture(location = LOCATION): Fixture {
  const f = serviceFixture(PrivateLinkZone.MANAGED_REDIS, location);
  const vault = new PrivateKeyVault(f.stack, 'Vault', { resourceGroupName: RG, location, network: f.network, dnsZones: f.dnsZones, monitoring: f.monitoring });
  return { ...f, vault };
}

function build(overrides: Partial<PrivateRedisCacheProps> = {}, f: Fixture = fixture()): { f: Fixture; redis: PrivateRedisCache } {
  const redis = new PrivateRedisCache(f.stack, 'Redis', {
    resourceGroupName: RG, location: LOCATION, network: f.network, dnsZones: f.dnsZones, vault: f.vault, monitoring: f.monitoring, ...overrides,
  });
  return { f, redis };
}

const untyped = <T>(value: unknown): T => value as T;

const VERSIONED_KEY: ICustomerManagedKey = {
  keyId: 'https://kv-keys.vault.azure.net/keys/cmk-redis/0123456789abcdef0123456789abcdef',
  keyVaultId: `${SUB}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv-keys`,
  identityId: `${SUB}/resourceGroups/${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk`,
  identityClientId: GUID,
  identityPrincipalId: '99999999-2222-3333-4444-555555555555',
  dependables: [],
};

describe('PrivateRedisCache', () => {
  test('an Azure Managed Redis: private, TLS only, EnterpriseCluster, access keys only for the URL, HA on', () => {
    const { f, redis } = build();
    const synthesized = synth(f.stack);
    expect(synthesized).toHaveResourceWithProperties(ManagedRedis, {
      resource_group_name: RG,
      location: LOCATION,
      sku_name: 'Balanced_B0',
      high_availability_enabled: true,
      public_network_access: 'Disabled',
      default_database: {
        access_keys_authentication_enabled: true,
        client_protocol: 'Encrypted',
        clustering_policy: 'EnterpriseCluster',
        eviction_policy: 'NoEviction',
      },
    });
    const resource = onlyResource(JSON.parse(synthesized), 'azurerm_managed_redis');
    // No customer-managed key, identity, persistence, modules or geo-replication unless asked.
    expect(Object.keys(resource).sort()).toEqual([
      'default_database', 'high_availability_enabled', 'location', 'name', 'public_network_access', 'resource_group_name', 'sku_name',
    ]);
    expect(resource.name).toMatch(/^redis-redis-\$\{substr\(sha256\(/);
    expect(redis.port).toBe(10000);
    expect(redis.skuName).toBe('Balanced_B0');
    expect(redis.highAvailability).toBe(true);
    expect(redis.zoneRedundant).toBe(true);
    expect(redis.resource).toBeInstanceOf(ManagedRedis);
  });

  test('a private endpoint on redisEnterprise in privatelink.redis.azure.net, with the service port 10000', () => {
    const { f, redis } = build();
    const json = synthJson(f.stack);
    const endpoint = resourcesOf(json, 'azurerm_private_endpoint')[redis.privateEndpoint.resource.friendlyUniqueId];
    expect(endpoint.private_service_connection).toEqual(expect.objectContaining({
      private_connection_resource_id: ref(redis.resource, 'id'),
      subresource_names: ['redisEnterprise'],
      is_manual_connection: false,
    }));
    expect(endpoint.private_dns_zone_group.private_dns_zone_ids).toEqual([ref(f.dnsZones.zones['privatelink.redis.azure.net'], 'id')]);
    expect(redis.privateEndpoint.servicePorts).toEqual([10000]);
    // No warning about the subresource or the zone: the endpoint helper knows the target type.
    expect(warningsOf(redis).filter((w) => w.includes('endpoint-subresource-mismatch') || w.includes('endpoint-zone-mismatch'))).toEqual([]);
  });

  test('allowFrom(app subnet) opens TCP 10000 from the app subnet, inbound on the endpoint subnet and outbound on the app subnet', () => {
    const { f, redis } = build();
    redis.privateEndpoint.allowFrom(EndpointCaller.subnet(f.network.appIntegrationSubnetId!), 'Chat app to its shared Redis');
    const json = synthJson(f.stack);
    const rules = (nsg: { friendlyUniqueId: string }) => resourcesOf(json, 'azurerm_network_security_group')[nsg.friendlyUniqueId].security_rule as any[];
    const inbound = rules(f.network.privateEndpointNsg!).find((r) => r.name === 'Allow-app-integration-Inbound');
    expect(inbound).toMatchObject({
      direction: 'Inbound',
      access: 'Allow',
      protocol: 'Tcp',
      source_address_prefix: '10.0.1.0/24',
      destination_address_prefix: '10.0.0.0/24',
      destination_port_range: '10000',
      description: 'Chat app to its shared Redis',
    });
    const outbound = rules(f.network.appIntegrationNsg!).find((r) => r.name === 'AllowPrivateEndpointsOutbound');
    expect(outbound).toMatchObject({ direction: 'Outbound', access: 'Allow', destination_port_range: '10000' });
  });

  test('without allowFrom, nothing reaches the endpoint, and the endpoint says so', () => {
    const { f, redis } = build();
    synth(f.stack);
    expect(warningsOf(redis.privateEndpoint).some((w) => w.includes("has no callers ('allowFrom' was never called)"))).toBe(true);
  });

  test('the URL secret: rediss://:<url-encoded primary key>@<host>:10000/0, content type, explicit expiry, a Key Vault reference', () => {
    const { f, redis } = build();
    const json = synthJson(f.stack);
    const secret = resourcesOf(json, 'azapi_resource')[(redis.urlSecret.resource as any).friendlyUniqueId];
    expect(secret.type).toBe('Microsoft.KeyVault/vaults/secrets@2024-11-01');
    expect(secret.name).toMatch(/^redisurl-redis-[0-9a-f]{6}$/);
    expect(secret.body.properties.contentType).toBe('redis-url');
    expect(secret.sensitive_body.properties.value).toBe(
      `rediss://:\${urlencode(${redis.resource.terraformResourceType}.${redis.resource.friendlyUniqueId}.default_database[0].primary_access_key)}`
      + `@${ref(redis.resource, 'hostname')}:10000/0`);
    const offset = Object.entries(resourcesOf(json, 'time_offset')).find(([name]) => name.startsWith('Redis_SecretExpiry'))![1];
    expect(offset).toEqual({ offset_days: 1825 });
    expect(secret.body.properties.attributes.exp).toContain('time_offset.Redis_SecretExpiry');
    expect(redis.redisUrlReference).toBe(redis.urlSecret.keyVaultReference);
  });

  test('secretLifetimeDays sets the offset', () => {
    const { f } = build({ secretLifetimeDays: 90 });
    const json = synthJson(f.stack);
    expect(Object.entries(resourcesOf(json, 'time_offset')).find(([name]) => name.startsWith('Redis_SecretExpiry'))![1]).toEqual({ offset_days: 90 });
  });

  test('diagnostics: connection events from the database, metrics from the cluster', () => {
    const { f, redis } = build();
    const synthesized = synth(f.stack);
    expect(synthesized).toHaveResourceWithProperties(MonitorDiagnosticSetting, {
      target_resource_id: `\${${redis.resource.terraformResourceType}.${redis.resource.friendlyUniqueId}.default_database[0].id}`,
      enabled_log: [{ category: 'ConnectionEvents' }],
    });
    expect(synthesized).toHaveResourceWithProperties(MonitorDiagnosticSetting, {
      target_resource_id: ref(redis.resource, 'id'),
      enabled_metric: [{ category: 'AllMetrics' }],
    });
    const settings = resourcesOf(JSON.parse(synthesized), 'azurerm_monitor_diagnostic_setting');
    expect(settings[redis.diagnosticSetting!.friendlyUniqueId].enabled_metric).toBeUndefined();
  });

  test('no monitoring, no diagnostic setting', () => {
    const { f, redis } = build({ monitoring: undefined });
    expect(redis.diagnosticSetting).toBeUndefined();
    expect(redis.metricsSetting).toBeUndefined();
    const targets = Object.values(resourcesOf(synthJson(f.stack), 'azurerm_monitor_diagnostic_setting')).map((d: any) => d.target_resource_id);
    expect(targets.some((t: string) => t.includes('azurerm_managed_redis'))).toBe(false);
  });

  test('props reach the resource: name, SKU, high availability, tags', () => {
    const { f } = build({ name: 'redis-chat-prod', skuName: 'Balanced_B5', highAvailability: false, tags: { env: 'dev' } });
    expect(synth(f.stack)).toHaveResourceWithProperties(ManagedRedis, {
      name: 'redis-chat-prod', sku_name: 'Balanced_B5', high_availability_enabled: false, tags: { env: 'dev' },
    });
    expect(synth(f.stack)).toHaveResourceWithProperties(PrivateEndpoint, { tags: { env: 'dev' } });
  });

  test('a versioned customer-managed key: user-assigned identity, key and identity on the resource, created after the key grants', () => {
    const f = fixture();
    const grant = new UserAssignedIdentity(f.stack, 'KeyGrant', { name: 'id-cmk', resourceGroupName: RG, location: LOCATION });
    build({ customerManagedKey: { ...VERSIONED_KEY, dependables: [grant] } }, f);
    const resource = onlyResource(synthJson(f.stack), 'azurerm_managed_redis');
    expect(resource.identity).toEqual({ type: 'UserAssigned', identity_ids: [VERSIONED_KEY.identityId] });
    expect(resource.customer_managed_key).toEqual({ key_vault_key_id: VERSIONED_KEY.keyId, user_assigned_identity_id: VERSIONED_KEY.identityId });
    expect(resource.depends_on).toEqual([address(grant)]);
  });

  test('high availability off: a warning, and zoneRedundant false', () => {
    const { redis } = build({ highAvailability: false });
    expect(redis.zoneRedundant).toBe(false);
    expect(warningsOf(redis)).toEqual(expect.arrayContaining([
      expect.stringContaining("'highAvailability' is false: the Redis has no replica, no failover and no SLA"),
    ]));
  });

  test('in a region without availability zones: replicated, not zone-redundant, with a warning', () => {
    const f = fixture('northcentralus');
    const redis = new PrivateRedisCache(f.stack, 'Redis', {
      resourceGroupName: RG, location: 'northcentralus', network: f.network, dnsZones: f.dnsZones, vault: f.vault,
    });
    expect(redis.zoneRedundant).toBe(false);
    expect(warningsOf(redis)).toEqual(expect.arrayContaining([
      expect.stringContaining("'location' is 'northcentralus', a region without availability zones"),
    ]));
  });

  test('two synths of the same input are equal', () => {
    const a = build();
    a.redis.privateEndpoint.allowFrom(EndpointCaller.subnet(a.f.network.appIntegrationSubnetId!));
    const b = build();
    b.redis.privateEndpoint.allowFrom(EndpointCaller.subnet(b.f.network.appIntegrationSubnetId!));
    expect(synth(a.f.stack)).toBe(synth(b.f.stack));
  });

  describe('fails when', () => {
    const label = "PrivateRedisCache 'test/Redis'";

    test.each<[string, Partial<PrivateRedisCacheProps>, string]>([
      ['skuName is not a SKU', { skuName: 'Premium' }, `${label}: 'skuName' must be an Azure Managed Redis SKU such as 'Balanced_B0', 'Balanced_B5' or 'MemoryOptimized_M10', got 'Premium'`],
      ['skuName is a near miss', { skuName: 'balanced_b1' },
        `${label}: 'skuName' must be an Azure Managed Redis SKU such as 'Balanced_B0', 'Balanced_B5' or 'MemoryOptimized_M10' (did you mean 'Balanced_B1'?), got 'balanced_b1'`],
      ['skuName is a retired Enterprise SKU', { skuName: 'Enterprise_E10' },
        `${label}: 'skuName' must be an Azure Managed Redis SKU such as 'Balanced_B0', 'Balanced_B5' or 'MemoryOptimized_M10': the Enterprise and Enterprise Flash SKUs are Azure Cache for Redis Enterprise, which retires on 2027-03-31, got 'Enterprise_E10'`],
      ['skuName is blank', { skuName: ' ' }, `${label}: 'skuName' must not be empty, got ' '`],
      ['name has an underscore', { name: 'redis_chat' }, `${label}: 'name' must contain only letters, digits and hyphens, starting and ending with a letter or digit, got 'redis_chat'`],
      ['name is too short', { name: 'rc' }, `${label}: 'name' must be 3-63 characters long for an Azure Managed Redis (got 2), got 'rc'`],
      ['name has consecutive hyphens', { name: 'redis--chat' }, `${label}: 'name' must not contain consecutive hyphens, got 'redis--chat'`],
      ['secretLifetimeDays is 0', { secretLifetimeDays: 0 }, `${label}: 'secretLifetimeDays' must be an integer between 1 and 36500, got 0`],
      ['the customer-managed key has no version', { customerManagedKey: { ...VERSIONED_KEY, keyId: 'https://kv-keys.vault.azure.net/keys/cmk-redis' } },
        `${label}: 'customerManagedKey.keyId' must be a versioned Key Vault key id (https://<vault>.vault.azure.net/keys/<name>/<version>): azurerm_managed_redis refuses a versionless one, got 'https://kv-keys.vault.azure.net/keys/cmk-redis'`],
      ['the key identity is not a user-assigned identity id', { customerManagedKey: { ...VERSIONED_KEY, identityId: 'id-cmk' } }, `${label}: 'customerManagedKey.identityId'`],
      ['public network access is asked for', untyped({ publicNetworkAccess: 'Enabled' }),
        `${label}: 'publicNetworkAccess' cannot be set: the Redis is reached only through its private endpoint (public_network_access = "Disabled"), got 'Enabled'`],
      ['public network access is asked for as a boolean', untyped({ publicNetworkAccessEnabled: true }),
        `${label}: 'publicNetworkAccessEnabled' cannot be set: the Redis is reached only through its private endpoint (public_network_access = "Disabled"), got true`],
      ['a plaintext port is asked for', untyped({ clientProtocol: 'Plaintext' }),
        `${label}: 'clientProtocol' cannot be set: the Redis speaks TLS only (client_protocol = "Encrypted"); a plaintext port would carry the access key in clear, got 'Plaintext'`],
      ['an unknown prop is given', untyped({ evictionPolicy: 'AllKeysLRU' }), `${label}: 'evictionPolicy' is not a known prop`],
      ['location is another region than the network', { location: 'westeurope' }, `${label}: 'location'`],
      ['highAvailability is not a boolean', untyped({ highAvailability: 'yes' }), `${label}: 'highAvailability' must be`],
    ])('%s', (_, overrides, message) => {
      expect(thrown(() => build(overrides))).toContain(message);
    });

    test('the vault is missing', () => {
      expect(thrown(() => build(untyped({ vault: undefined })))).toContain(`${label}: 'vault' is required`);
    });

    test('the customer-managed key is an EncryptionKey created in the stack (versionless)', () => {
      const f = fixture();
      const key = new EncryptionKey(f.stack, 'Key', { vault: f.vault, resourceGroupName: RG, location: LOCATION });
      expect(thrown(() => build({ customerManagedKey: key }, f))).toBe(`${label}: 'customerManagedKey' must name a key version: azurerm_managed_redis takes `
        + 'only a versioned key id (…/keys/<name>/<version>), and an EncryptionKey created in the stack gives a versionless one; pass '
        + "an ICustomerManagedKey whose keyId names the key's current version (EncryptionKey.fromKeyId takes versionless ids only), got the EncryptionKey 'test/Key'");
    });

    test('the zone is missing from the DNS zones', () => {
      const stack = newStack();
      const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
      const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: RG, network });
      const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: RG, location: LOCATION });
      const vault = new PrivateKeyVault(stack, 'Vault', { resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring });
      expect(thrown(() => new PrivateRedisCache(stack, 'Redis', { resourceGroupName: RG, location: LOCATION, network, dnsZones, vault })))
        .toContain("no private DNS zone 'privatelink.redis.azure.net' in this set; add PrivateLinkZone for 'managedRedis' to 'zones'");
    });

    test("a hub's zones lack privatelink.redis.azure.net, and pass with it", () => {
      const f = fixture();
      const hub = PrivateDnsZones.fromHubZoneIds(f.stack, 'Hub', {});
      expect(thrown(() => build({ dnsZones: hub }, f))).toContain("'managedRedis' is needed for a private endpoint in zone 'privatelink.redis.azure.net' but was not given to fromHubZoneIds");
      const g = fixture();
      const zoneId = `${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/privatelink.redis.azure.net`;
      const { redis } = build({ dnsZones: PrivateDnsZones.fromHubZoneIds(g.stack, 'Hub', { managedRedis: zoneId }) }, g);
      expect(onlyResourceOf(g.stack, redis)).toEqual([zoneId]);
    });
  });

  test('nearestSkus suggests by case, by size code, and by edit distance', () => {
    expect(nearestSkus('BALANCED_B0')).toEqual(['Balanced_B0']);
    expect(nearestSkus('X10')).toEqual(['ComputeOptimized_X10']);
    expect(nearestSkus('Balanced_B2')).toEqual(['Balanced_B0', 'Balanced_B1', 'Balanced_B20', 'Balanced_B3', 'Balanced_B5']);
    expect(nearestSkus('Standard')).toEqual([]);
  });
});

describe('PrivateRedisCache.fromRedisAttributes', () => {
  const REDIS_ID = `${SUB}/resourceGroups/${RG}/providers/Microsoft.Cache/redisEnterprise/redis-shared`;
  const REFERENCE = '@Microsoft.KeyVault(SecretUri=https://kv-hub.vault.azure.net/secrets/redis-url)';

  test('an existing Redis: its attributes, port 10000 by default, nothing created', () => {
    const stack = newStack();
    const redis: IPrivateRedisCache = PrivateRedisCache.fromRedisAttributes(stack, 'Redis', {
      redisId: REDIS_ID, hostName: 'redis-shared.swedencentral.redis.azure.net', redisUrlReference: REFERENCE,
    });
    expect([redis.redisId, redis.hostName, redis.port, redis.redisUrlReference]).toEqual([REDIS_ID, 'redis-shared.swedencentral.redis.azure.net', 10000, REFERENCE]);
    expect(synthJson(stack).resource?.azurerm_managed_redis).toBeUndefined();
  });

  test.each<[string, object, string]>([
    ['the id is not a Managed Redis', { redisId: `${SUB}/resourceGroups/${RG}/providers/Microsoft.Cache/redis/old` }, "'attrs.redisId'"],
    ['the URL is given in clear', { redisUrlReference: 'rediss://:key@redis-shared.swedencentral.redis.azure.net:10000/0' },
      "PrivateRedisCache.fromRedisAttributes 'test/Redis': 'attrs.redisUrlReference' must be a Key Vault reference"],
    ['the port is out of range', { port: 70000 }, "'attrs.port' must be an integer between 1 and 65535, got 70000"],
    ['the host name is blank', { hostName: '' }, "'attrs.hostName' must not be empty"],
  ])('fails when %s', (_, overrides, message) => {
    const stack = newStack();
    expect(thrown(() => PrivateRedisCache.fromRedisAttributes(stack, 'Redis', {
      redisId: REDIS_ID, hostName: 'redis-shared.swedencentral.redis.azure.net', redisUrlReference: REFERENCE, ...overrides,
    }))).toContain(message);
  });
});

/** The zone ids of the Redis's private endpoint, as synthesized. */
function onlyResourceOf(stack: TerraformStack, redis: PrivateRedisCache): unknown {
  const endpoint = resourcesOf(synthJson(stack), 'azurerm_private_endpoint')[redis.privateEndpoint.resource.friendlyUniqueId];
  return endpoint.private_dns_zone_group.private_dns_zone_ids;
}

describe('junk input', () => {
  const PROPS = ['resourceGroupName', 'location', 'network', 'dnsZones', 'vault', 'monitoring', 'name', 'skuName', 'highAvailability',
    'customerManagedKey', 'secretLifetimeDays', 'tags'];
  const JUNK: unknown[] = [null, '', ' ', 0, -1, 1.5, NaN, [], {}, [undefined], () => 1, 'false', true];

  test.each(PROPS)('%s: every junk value gives a synth or a named error, never a bare JavaScript error', (prop) => {
    for (const value of JUNK) {
      let message: string | undefined;
      try {
        const { f } = build(untyped({ [prop]: value }));
        synth(f.stack);
      } catch (e) {
        message = String((e as Error).message);
        expect(e).not.toBeInstanceOf(TypeError);
        expect(message).toMatch(/^(PrivateRedisCache '[^']*'|[A-Z][A-Za-z.]+( '[^']*')?): .+|^Validation failed/s);
      }
    }
  });
});
