import { expectOneOf, resourceRule } from '../private/rule-kit';

/**
 * The shared Redis is reached only through its private endpoint. azurerm defaults
 * `public_network_access` of `azurerm_managed_redis` to `Enabled`, so it must be written out.
 * Checkov's check (CKV_AZURE_89) reads only the retiring `azurerm_redis_cache`; this is its
 * counterpart for Azure Managed Redis.
 *
 * @see https://github.com/hashicorp/terraform-provider-azurerm/blob/v4.55.0/internal/services/managedredis/managed_redis_resource.go#L257-L262
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/RedisCachePublicNetworkAccessEnabled.py
 */
export const REDIS_PUBLIC_ACCESS = resourceRule({
  id: 'PCHAT-REDIS-001',
  title: 'Redis: public network access off',
  mapsTo: ['CKV_AZURE_89 (its azurerm_redis_cache counterpart)', 'SECURITY-BASELINE (nothing has a public data-plane endpoint)'],
  rationale: 'The Redis holds session data, token revocations and every live chat event; a public endpoint would expose it, guarded only by an access key.',
  fix: 'Set public_network_access = "Disabled" (PrivateRedisCache always does) and reach the Redis through its private endpoint.',
  resourceTypes: ['azurerm_managed_redis'],
}, (r) => expectOneOf(r.config, 'public_network_access', ['Disabled']));
