import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from 'cdktf';
import { Construct } from 'constructs';
import { normalizeRegion } from '../../core/private/regions';
import { checkField, checkGuid, checkNotBlank, checkResourceId, GUID, is, isUnresolved, ruleError } from '../../core/private/validate';
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
  checkTwoIdsOfOneIdentity(scope, `${prop}.identityClientId`, key.identityClientId, `${prop}.identityPrincipalId`, key.identityPrincipalId);
  checkNotBlank(scope, `${prop}.keyId`, key.keyId);
  checkField(scope, `${prop}.dependables`, key.dependables, is.arrayOf(is.any(), true));
}

/**
 * The region of the vault that holds `key`, when that vault is created in the same stack with a
 * literal location (a {@link PrivateKeyVault}, or a plain azurerm_key_vault). Undefined when it
 * cannot be known at synth: a vault imported by id (`EncryptionKey.fromKeyId`,
 * `PrivateKeyVault.fromAttributes`) lives outside the stack, and ARM ids carry no region.
 */
export function keyVaultRegionOf(scope: Construct, key: ICustomerManagedKey): string | undefined {
  const vaultId = key.keyVaultId;
  if (typeof vaultId !== 'string' || !isUnresolved(vaultId)) return undefined;
  const stack = TerraformStack.of(scope);
  const resolver = new DefaultTokenResolver(new StringConcat());
  const resolve = (value: string): unknown => Tokenization.resolve(value, { scope: stack, preparing: false, resolver });
  const wanted = resolve(vaultId);
  const vault = stack.node.findAll().find((c): c is KeyVault => c instanceof KeyVault && resolve(c.id) === wanted);
  const location = vault?.locationInput;
  return typeof location === 'string' && !isUnresolved(location) ? location : undefined;
}

/**
 * Throws when `key` comes from a vault created in the stack in another region than `location`,
 * for a service that takes keys only from its own region (Azure AI services: "the Azure AI
 * services resource and the key vault must be in the same region and in the same Microsoft Entra
 * tenant"). Skipped for tokens and for vaults outside the stack (see {@link keyVaultRegionOf}),
 * which Azure then checks at apply.
 *
 * @param service who refuses it, for the message (e.g. 'Azure OpenAI and Foundry accounts')
 * @see https://learn.microsoft.com/azure/ai-services/openai/encrypt-data-at-rest
 */
export function checkKeyVaultRegion(
  scope: Construct, prop: string, key: ICustomerManagedKey | undefined, location: string | undefined, service: string,
): void {
  if (key === undefined || location === undefined || typeof location !== 'string' || isUnresolved(location)) return;
  const vaultRegion = keyVaultRegionOf(scope, key);
  if (vaultRegion === undefined || normalizeRegion(vaultRegion) === normalizeRegion(location)) return;
  throw ruleError(scope, `'${prop}' must come from a Key Vault in '${location}', the region of the resource it encrypts: ${service} take a `
    + `customer-managed key only from a vault in their own region; create the key in a vault in '${location}', got a key from a vault in '${vaultRegion}'`);
}

/**
 * Throws when an identity's client id and principal id are the same GUID. A managed identity has
 * two different GUIDs (the application's client id, and the object id of its service principal);
 * the same value for both means one was pasted for the other (`az identity show` prints both,
 * `clientId` and `principalId`), and the service would then fail to use the key, or a role
 * assignment would name no one. Only decidable when both are literal GUIDs.
 */
export function checkTwoIdsOfOneIdentity(scope: Construct, clientProp: string, clientId: unknown, principalProp: string, principalId: unknown): void {
  if (typeof clientId !== 'string' || typeof principalId !== 'string' || isUnresolved(clientId) || isUnresolved(principalId)) return;
  if (!GUID.test(clientId) || clientId.toLowerCase() !== principalId.toLowerCase()) return;
  throw ruleError(scope, `'${clientProp}' and '${principalProp}' must be the two different ids of one identity: a managed identity's client id `
    + '(application id) and principal id (object id) are never equal, so one was pasted for the other; take both from '
    + `\`az identity show --query "{clientId: clientId, principalId: principalId}"\`, got '${clientId}' for both`);
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
