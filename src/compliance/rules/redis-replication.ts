import { expectBool, resourceRule } from '../private/rule-kit';

/**
 * The shared Redis has a replica of every shard (and sits across availability zones where the
 * region has them), so that losing a node neither drops every instance's WebSockets nor forgets
 * token revocations. azurerm defaults `high_availability_enabled` to true; it is written out
 * because scanners read the JSON. A dev/test stack that turns it off acknowledges this rule.
 *
 * @see https://learn.microsoft.com/azure/redis/high-availability
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/RedisCacheStandardReplicationEnabled.py
 */
export const REDIS_REPLICATION = resourceRule({
  id: 'PCHAT-REDIS-005',
  title: 'Redis: high availability (replication, zone redundancy where available) on',
  mapsTo: ['CKV_AZURE_230 (its azurerm_redis_cache counterpart)'],
  rationale: 'Several app instances exist to survive a failure; a single-node Redis would be the failure they all share.',
  fix: 'Set high_availability_enabled = true (PrivateRedisCache: highAvailability, default true); it cannot be turned off on an existing Redis, and turning it on later replaces it.',
  resourceTypes: ['azurerm_managed_redis'],
}, (r) => expectBool(r.config, 'high_availability_enabled', true));
