import { ITerraformDependable } from 'cdktf';

/**
 * A customer-managed key that a stateful resource encrypts its data with, and the identity that
 * wraps and unwraps it.
 *
 * Implemented by {@link EncryptionKey} (a new key) and `EncryptionKey.fromKeyId` (a key the
 * platform team owns); stores, registries and accounts take this interface.
 *
 * What every service that takes it needs from Azure: a Key Vault with soft delete and purge
 * protection, in the service's tenant (and, for Azure OpenAI and Foundry, its region); the
 * identity attached to the service as a user-assigned identity and holding `Key Vault Crypto
 * Service Encryption User` on the key or the vault; a vault firewall that lets trusted Azure
 * services through. Sizes differ: Azure OpenAI and Foundry take only RSA 2048.
 *
 * @see https://learn.microsoft.com/azure/ai-foundry/openai/encrypt-data-at-rest
 * @see https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-data-encryption
 * @see https://learn.microsoft.com/azure/container-registry/tutorial-customer-managed-keys
 */
export interface ICustomerManagedKey {
  /**
   * Versionless id of the key, `https://<vault>.vault.azure.net/keys/<name>`, so that services
   * follow automatic rotation to the newest version (PostgreSQL flexible server and Container
   * Registry do; Azure OpenAI documents pointing the account at each new version).
   */
  readonly keyId: string;
  /** Resource id of the vault that holds the key. */
  readonly keyVaultId: string;
  /** Resource id of the user-assigned identity that wraps and unwraps the key. */
  readonly identityId: string;
  /** Client (application) id of that identity. */
  readonly identityClientId: string;
  /** Principal (object) id of that identity. */
  readonly identityPrincipalId: string;
  /**
   * What a resource that uses the key must be created after: the identity's role assignment on
   * the key and the wait for it to propagate. Without them, the first apply fails because the
   * service cannot yet read the key.
   */
  readonly dependables: ITerraformDependable[];
}
