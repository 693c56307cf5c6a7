import { Construct } from 'constructs';
import { checkField, checkGuid, checkNotBlank, checkResourceId, is } from '../../core/private/validate';
import type { ICustomerManagedKey } from '../customer-managed-key';

/** A built-in Key Vault data-plane role, by name (for ids and descriptions) and by definition id. */
export interface KeyVaultRole {
  readonly name: string;
  readonly guid: string;
}

/**
 * ARM type and API version of a vault key: the newest stable version in azapi 2.4's embedded
 * schema, which has `rotationPolicy` (since 2021-11-01-preview / 2022-07-01).
 *
 * @see https://github.com/Azure/azure-rest-api-specs/blob/main/specification/keyvault/resource-manager/Microsoft.KeyVault/stable/2024-11-01/keys.json
 */
export const VAULT_KEY_TYPE = 'Microsoft.KeyVault/vaults/keys@2024-11-01';

/**
 * `Key Vault Crypto Service Encryption User`: read key metadata, wrap and unwrap. The role Azure
 * OpenAI, PostgreSQL flexible server and Container Registry document for their CMK identity.
 *
 * @see https://learn.microsoft.com/azure/key-vault/general/rbac-guide#azure-built-in-roles-for-key-vault-data-plane-operations
 * @see https://learn.microsoft.com/azure/ai-foundry/openai/encrypt-data-at-rest
 */
export const CRYPTO_SERVICE_ENCRYPTION_USER_ROLE: KeyVaultRole = {
  name: 'Key Vault Crypto Service Encryption User',
  guid: 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
};

/**
 * Checks what every service that encrypts with `key` needs of it: a user-assigned identity
 * (resource id and client id) and a key id. Errors name `<prop>.identityId` and so on.
 */
export function checkKeyReference(scope: Construct, prop: string, key: ICustomerManagedKey | undefined): void {
  if (key === undefined) return;
  checkResourceId(scope, `${prop}.identityId`, key.identityId, 'Microsoft.ManagedIdentity/userAssignedIdentities');
  checkGuid(scope, `${prop}.identityClientId`, key.identityClientId);
  checkNotBlank(scope, `${prop}.keyId`, key.keyId);
  checkField(scope, `${prop}.dependables`, key.dependables, is.arrayOf(is.any(), true));
}

/** Wait after the key identity's role assignment, before a service reads the key with it. */
export const KEY_ROLE_WAIT = '60s';

/** Hosts of the Key Vault data plane in the public and sovereign clouds. */
export const VAULT_DNS_SUFFIXES = ['vault.azure.net', 'vault.azure.cn', 'vault.usgovcloudapi.net'];

/** The parts of a Key Vault key id (`https://<vault>.<suffix>/keys/<name>[/<version>]`), or undefined. */
export interface ParsedKeyId {
  readonly vaultName: string;
  readonly keyName: string;
  readonly version?: string;
}

export function parseKeyId(value: string): ParsedKeyId | undefined {
  const m = /^https:\/\/([A-Za-z0-9-]+)\.([a-z.]+?)(?::443)?\/keys\/([^/]+)(?:\/([^/]*))?\/?$/.exec(value);
  if (!m || !VAULT_DNS_SUFFIXES.includes(m[2])) return undefined;
  return { vaultName: m[1], keyName: m[3], version: m[4] || undefined };
}
