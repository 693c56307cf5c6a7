import { call, propertyAccess, Token } from 'cdktf';
import { Construct } from 'constructs';
import { ensureTimeProvider } from '../../core/private/providers';
import { isUnresolved } from '../../core/private/validate';

/**
 * ARM type and API version of a vault secret: the newest stable version in azapi 2.4's embedded
 * schema (its generated types list `Microsoft.KeyVault/vaults/secrets@2024-11-01`).
 *
 * @see https://github.com/Azure/azure-rest-api-specs/blob/main/specification/keyvault/resource-manager/Microsoft.KeyVault/stable/2024-11-01/secrets.json
 */
export const VAULT_SECRET_TYPE = 'Microsoft.KeyVault/vaults/secrets@2024-11-01';

/** Default lifetime of a secret when the caller gives no expiration date. */
export const DEFAULT_SECRET_LIFETIME_DAYS = 365;

/** What a secret is made of, after `addSecret` has checked it (internal). */
export interface VaultSecretConfig {
  /** Resource id of the vault. */
  readonly vaultId: string;
  /** Data-plane URI of the vault, with or without the trailing slash. */
  readonly vaultUri: string;
  /** Name of the secret in the vault. */
  readonly name: string;
  /** The value. */
  readonly value: string;
  /** Content type. */
  readonly contentType: string;
  /** RFC3339 expiry, or undefined for 365 days after creation. */
  readonly expirationDate?: string;
  /** RFC3339 not-before date. */
  readonly notBeforeDate?: string;
}

/**
 * Seconds since 1970 of an RFC3339 timestamp, the unit of Key Vault's `exp` and `nbf`: computed
 * here for a literal, by the hashicorp/time provider's `rfc3339_parse` function (Terraform 1.8 or
 * later) for a plan-time value.
 *
 * @see https://registry.terraform.io/providers/hashicorp/time/latest/docs/functions/rfc3339_parse
 */
export function unixSeconds(scope: Construct, rfc3339: string): number {
  if (!isUnresolved(rfc3339)) return Math.floor(Date.parse(rfc3339) / 1000);
  ensureTimeProvider(scope);
  return Token.asNumber(propertyAccess(call('provider::time::rfc3339_parse', [rfc3339]), ['unix']));
}
