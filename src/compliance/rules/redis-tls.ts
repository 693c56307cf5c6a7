import { expectOneOf, resourceRule } from '../private/rule-kit';

/**
 * The shared Redis speaks TLS only: `default_database.client_protocol = "Encrypted"` (the
 * counterpart of the non-TLS port being off). azurerm pins TLS 1.2 as the cluster's minimum
 * version itself, so there is no attribute for it to check. Checkov's CKV_AZURE_91 (non-TLS port)
 * and CKV_AZURE_148 (minimum TLS) read only `azurerm_redis_cache`.
 *
 * @see https://github.com/hashicorp/terraform-provider-azurerm/blob/v4.55.0/internal/services/managedredis/managed_redis_resource.go#L150-L155
 * @see https://github.com/hashicorp/terraform-provider-azurerm/blob/v4.55.0/internal/services/managedredis/managed_redis_resource.go#L320-L327
 */
export const REDIS_TLS = resourceRule({
  id: 'PCHAT-REDIS-003',
  title: 'Redis: TLS only (client_protocol Encrypted)',
  mapsTo: ['CKV_AZURE_91 and CKV_AZURE_148 (their azurerm_redis_cache counterparts)', 'SECURITY-BASELINE (TLS in transit)'],
  rationale: 'The app sends the access key and every chat event to the Redis; in plaintext both would cross the VNet readable.',
  fix: 'Set default_database.client_protocol = "Encrypted" (PrivateRedisCache does) and connect with rediss://.',
  resourceTypes: ['azurerm_managed_redis'],
}, (r) => expectOneOf(r.config, 'default_database.client_protocol', ['Encrypted']));
