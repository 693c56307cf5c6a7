import { IPrincipal } from './principal';

/**
 * The managed identity the chat app runs as: created here or existing.
 *
 * The app reaches Azure OpenAI and Key Vault as this identity, so grants (`grantUse`,
 * `grantSecretsRead`) take it as their principal. It is declared on the core floor, below the
 * app's `ChatIdentity` that implements it, because lower floors take it too: a customer-managed
 * key's identity (`EncryptionKey`) and the gateway's.
 */
export interface IChatIdentity extends IPrincipal {
  /** Resource id of the user-assigned identity (what `identity_ids` and `key_vault_reference_identity_id` take). */
  readonly identityId: string;
  /** Client (application) id; Azure SDKs pick the identity by it through `AZURE_CLIENT_ID`. */
  readonly clientId: string;
  /** Entra tenant of the identity. */
  readonly tenantId: string;
}
