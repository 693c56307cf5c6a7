import { PrivateLinkZone } from '../../network/private-dns-zones';
import { privateEndpointProblem, resourceRule } from '../private/rule-kit';

/** Private-link subresource of Azure Managed Redis and the zone that resolves it. */
const REDIS_ENDPOINT = { redisEnterprise: [PrivateLinkZone.MANAGED_REDIS.zoneName] };

/**
 * The shared Redis has a private endpoint on `redisEnterprise`, registered in
 * `privatelink.redis.azure.net`, so that `<name>.<region>.redis.azure.net` resolves to it inside
 * the VNet.
 *
 * @see https://learn.microsoft.com/azure/redis/private-link
 * @see https://learn.microsoft.com/azure/private-link/private-endpoint-dns
 */
export const REDIS_PRIVATE_ENDPOINT = resourceRule({
  id: 'PCHAT-REDIS-002',
  title: 'Redis: a private endpoint on redisEnterprise with privatelink.redis.azure.net',
  mapsTo: ['SECURITY-BASELINE (private endpoint per PaaS resource)', 'CKV2_AZURE_33 (the same requirement for storage accounts)'],
  rationale: 'With public access off the Redis is reachable only through a private endpoint, and only if its privatelink zone resolves the host name to it.',
  fix: 'Add an azurerm_private_endpoint targeting the Redis on subresource redisEnterprise with a zone group holding privatelink.redis.azure.net (PrivateRedisCache does).',
  resourceTypes: ['azurerm_managed_redis'],
}, (r, model) => privateEndpointProblem(model, r, { zonesBySubresource: REDIS_ENDPOINT }));
