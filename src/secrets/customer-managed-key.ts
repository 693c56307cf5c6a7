import { ITerraformDependable } from 'cdktf';

/**
 * A customer-managed key that a stateful resource encrypts its data with, and the identity that
 * wraps and unwraps it.
 *
 * Implemented by {@link EncryptionKey}; stores, registries and accounts take this interface, so
 * that a key the platform team owns can be used too.
 */
export interface ICustomerManagedKey {
  /**
   * Versionless id of the key, `https://<vault>.vault.azure.net/keys/<name>`, so that services
   * follow automatic rotation to the newest version.
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
