// The rules that hold the shared Redis (PCHAT-REDIS-*): each passes on a PrivateRedisCache and
// fails when one setting is broken; the Key Vault secret rule holds for its URL secret too.
import { TerraformStack } from 'cdktf';
import { PrivateRedisCache, PrivateRedisCacheProps } from '../../src/cache';
import { Compliance, ComplianceFinding } from '../../src/compliance';
import { EndpointCaller, PrivateLinkZone } from '../../src/network';
import { PrivateKeyVault } from '../../src/secrets';
import { serviceFixture } from '../util';

const RG = 'rg-chat';
const LOCATION = 'swedencentral';
const RULES = ['PCHAT-REDIS-001', 'PCHAT-REDIS-002', 'PCHAT-REDIS-003', 'PCHAT-REDIS-004', 'PCHAT-REDIS-005', 'PCHAT-KV-008', 'PCHAT-NET-003'];

function redisCache(p: Partial<PrivateRedisCacheProps> = {}): PrivateRedisCache {
  const { stack, network, dnsZones, monitoring } = serviceFixture(PrivateLinkZone.MANAGED_REDIS, LOCATION);
  const vault = new PrivateKeyVault(stack, 'Vault', { resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring });
  const redis = new PrivateRedisCache(stack, 'Redis', { resourceGroupName: RG, location: LOCATION, network, dnsZones, vault, monitoring, ...p });
  redis.privateEndpoint.allowFrom(EndpointCaller.subnet(network.appIntegrationSubnetId!));
  return redis;
}

/** Findings of the Redis rules (and the secret and reachability rules) only. */
function failures(stack: TerraformStack): ComplianceFinding[] {
  return Compliance.report(stack).failures.filter((f) => RULES.includes(f.ruleId));
}

describe('Redis rules', () => {
  test('are in the pack, each on azurerm_managed_redis, with the checks they stand for', () => {
    const rules = Compliance.rules().filter((r) => r.id.startsWith('PCHAT-REDIS-'));
    expect(rules.map((r) => [r.id, r.resourceTypes])).toEqual([
      ['PCHAT-REDIS-001', ['azurerm_managed_redis']],
      ['PCHAT-REDIS-002', ['azurerm_managed_redis']],
      ['PCHAT-REDIS-003', ['azurerm_managed_redis']],
      ['PCHAT-REDIS-004', ['azurerm_managed_redis']],
      ['PCHAT-REDIS-005', ['azurerm_managed_redis']],
    ]);
    expect(rules.find((r) => r.id === 'PCHAT-REDIS-001')!.mapsTo.join(' ')).toContain('CKV_AZURE_89');
    expect(rules.find((r) => r.id === 'PCHAT-REDIS-003')!.mapsTo.join(' ')).toContain('CKV_AZURE_148');
    expect(rules.find((r) => r.id === 'PCHAT-REDIS-005')!.mapsTo.join(' ')).toContain('CKV_AZURE_230');
  });

  test('a PrivateRedisCache passes them all, its URL secret and its flow included', () => {
    expect(failures(TerraformStack.of(redisCache()))).toEqual([]);
  });

  test.each<[string, string, (r: PrivateRedisCache) => void, string]>([
    ['PCHAT-REDIS-001', 'public network access is on', (r) => { r.resource.publicNetworkAccess = 'Enabled'; }, "'public_network_access' must be 'Disabled', got 'Enabled'"],
    ['PCHAT-REDIS-001', 'public network access is left to the provider default', (r) => { r.resource.resetPublicNetworkAccess(); }, "'public_network_access' must be 'Disabled', got undefined"],
    ['PCHAT-REDIS-003', 'the database speaks plaintext', (r) => { r.resource.defaultDatabase.clientProtocol = 'Plaintext'; },
      "'default_database.client_protocol' must be 'Encrypted', got 'Plaintext'"],
    ['PCHAT-REDIS-005', 'high availability is off', (r) => { r.resource.highAvailabilityEnabled = false; }, "'high_availability_enabled' must be true, got false"],
  ])('%s fails when %s', (id, _, breakIt, problem) => {
    const redis = redisCache();
    breakIt(redis);
    const found = failures(TerraformStack.of(redis));
    expect(found.map((f) => [f.ruleId, f.constructPath])).toEqual([[id, 'test/Redis/Resource']]);
    expect(found[0].problem).toContain(problem);
  });

  test('PCHAT-REDIS-002 fails when the endpoint connects to the old Azure Cache for Redis subresource', () => {
    const redis = redisCache();
    redis.privateEndpoint.resource.putPrivateServiceConnection({
      name: 'redis', privateConnectionResourceId: redis.redisId, subresourceNames: ['redisCache'], isManualConnection: false,
    });
    const found = failures(TerraformStack.of(redis)).filter((f) => f.ruleId.startsWith('PCHAT-REDIS'));
    expect(found.map((f) => f.ruleId)).toEqual(['PCHAT-REDIS-002']);
    expect(found[0].problem).toContain('connects to subresource ["redisCache"], expected \'redisEnterprise\'');
  });

  test('PCHAT-REDIS-002 fails when the zone group holds another zone', () => {
    const redis = redisCache();
    redis.privateEndpoint.resource.putPrivateDnsZoneGroup({
      name: 'default', privateDnsZoneIds: ['/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/privatelink.redis.cache.windows.net'],
    });
    const found = failures(TerraformStack.of(redis));
    expect(found.map((f) => f.ruleId)).toEqual(['PCHAT-REDIS-002']);
    expect(found[0].problem).toContain('privatelink.redis.cache.windows.net');
    expect(found[0].problem).toContain("in its zone group, expected 'privatelink.redis.azure.net'");
  });

  test('PCHAT-REDIS-004 fails without diagnostics (no monitoring given)', () => {
    const redis = redisCache({ monitoring: undefined });
    expect(failures(TerraformStack.of(redis)).map((f) => [f.ruleId, f.problem])).toEqual([
      ['PCHAT-REDIS-004', 'no azurerm_monitor_diagnostic_setting sends its ConnectionEvents to a workspace'],
    ]);
  });

  test('PCHAT-REDIS-004 fails when the database setting sends another category', () => {
    const redis = redisCache();
    redis.diagnosticSetting!.putEnabledLog([{ category: 'SomethingElse' }]);
    expect(failures(TerraformStack.of(redis)).map((f) => f.ruleId)).toEqual(['PCHAT-REDIS-004']);
  });

  test('highAvailability: false is a finding until it is acknowledged', () => {
    const redis = redisCache({ highAvailability: false });
    expect(failures(TerraformStack.of(redis)).map((f) => f.ruleId)).toEqual(['PCHAT-REDIS-005']);
    Compliance.acknowledge(redis, 'PCHAT-REDIS-005', 'dev/test stack, one instance');
    expect(failures(TerraformStack.of(redis))).toEqual([]);
  });
});
