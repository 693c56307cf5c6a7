import { AzureNameRule } from '../../core/names';

/** Where the facts below were read: azurerm 4.55.0's managed Redis resource and its validators. */
export const MANAGED_REDIS_SOURCE = 'https://github.com/hashicorp/terraform-provider-azurerm/blob/v4.55.0/internal/services/managedredis/';

/**
 * SKU names `azurerm_managed_redis` 4.55 accepts: the SDK's (redisenterprise 2025-07-01) minus the
 * retired `Enterprise_*` and `EnterpriseFlash_*` ones, sorted as the provider sorts them.
 *
 * @see https://github.com/hashicorp/terraform-provider-azurerm/blob/v4.55.0/internal/services/managedredis/validate/managed_redis_sku.go#L10-L22
 */
export const MANAGED_REDIS_SKUS: readonly string[] = [
  'Balanced_B0', 'Balanced_B1', 'Balanced_B10', 'Balanced_B100', 'Balanced_B1000', 'Balanced_B150', 'Balanced_B20', 'Balanced_B250',
  'Balanced_B3', 'Balanced_B350', 'Balanced_B5', 'Balanced_B50', 'Balanced_B500', 'Balanced_B700',
  'ComputeOptimized_X10', 'ComputeOptimized_X100', 'ComputeOptimized_X150', 'ComputeOptimized_X20', 'ComputeOptimized_X250',
  'ComputeOptimized_X3', 'ComputeOptimized_X350', 'ComputeOptimized_X5', 'ComputeOptimized_X50', 'ComputeOptimized_X500',
  'ComputeOptimized_X700',
  'FlashOptimized_A1000', 'FlashOptimized_A1500', 'FlashOptimized_A2000', 'FlashOptimized_A250', 'FlashOptimized_A4500',
  'FlashOptimized_A500', 'FlashOptimized_A700',
  'MemoryOptimized_M10', 'MemoryOptimized_M100', 'MemoryOptimized_M1000', 'MemoryOptimized_M150', 'MemoryOptimized_M1500',
  'MemoryOptimized_M20', 'MemoryOptimized_M2000', 'MemoryOptimized_M250', 'MemoryOptimized_M350', 'MemoryOptimized_M50',
  'MemoryOptimized_M500', 'MemoryOptimized_M700',
];

/**
 * The default SKU: the smallest Azure Managed Redis (0.5 GB, 2 vCPUs, 15,000 client connections).
 * Microsoft's feature table gives every tier and size private endpoints, replication with
 * failover and zone redundancy; B0 and B1 lack only active geo-replication, which this library
 * does not use.
 *
 * @see https://learn.microsoft.com/azure/redis/overview#feature-comparison
 */
export const DEFAULT_SKU = 'Balanced_B0';

/** The TLS port of every Azure Managed Redis database (its private endpoint's port too). */
export const MANAGED_REDIS_PORT = 10000;

/** The connection-audit log category of the database (`Microsoft.Cache/redisEnterprise/databases`). */
export const CONNECTION_LOG_CATEGORIES: readonly string[] = ['ConnectionEvents'];

/**
 * Azure Managed Redis cluster name, as azurerm 4.55 checks it: 3-63 letters, digits and hyphens,
 * starting and ending with a letter or digit, no `--` (checked apart). The host name is
 * `<name>.<region>.redis.azure.net`.
 *
 * @see https://github.com/hashicorp/terraform-provider-azurerm/blob/v4.55.0/internal/services/managedredis/validate/managed_redis_name.go
 */
export const MANAGED_REDIS_NAME = new AzureNameRule({
  resourceType: 'Azure Managed Redis',
  minLength: 3,
  maxLength: 63,
  lowercase: true,
  pattern: '^[A-Za-z0-9][A-Za-z0-9-]+[A-Za-z0-9]$',
  description: 'letters, digits and hyphens, starting and ending with a letter or digit',
});

/**
 * The SKU names closest to `value` (same letters ignoring case and separators first, then an
 * edit distance of at most 3), for a did-you-mean hint.
 */
export function nearestSkus(value: string): string[] {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const exact = MANAGED_REDIS_SKUS.filter((s) => norm(s) === norm(value));
  if (exact.length > 0) return exact;
  // `B1`, `X10`, `m20`: the size code alone.
  const code = MANAGED_REDIS_SKUS.filter((s) => norm(s.split('_')[1]) === norm(value));
  if (code.length > 0) return code;
  const scored = MANAGED_REDIS_SKUS.map((s) => ({ s, d: distance(norm(s), norm(value)) })).filter((x) => x.d <= 3);
  const best = Math.min(...scored.map((x) => x.d));
  return scored.filter((x) => x.d === best).map((x) => x.s);
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
