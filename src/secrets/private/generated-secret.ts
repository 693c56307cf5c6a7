import { KeyVaultSecret } from '@cdktf/provider-azurerm/lib/key-vault-secret';
import { Fn } from 'cdktf';
import type { IPrivateKeyVault } from '../key-vault';

/** What a generated secret is. */
export interface GeneratedSecretOptions {
  /** Name of the secret in the vault. */
  readonly name: string;
  /** Content type, telling operators what the value is. */
  readonly contentType: string;
  /**
   * How many UUIDs the value joins: each adds 122 random bits, hex digits and hyphens.
   *
   * @default 2
   */
  readonly uuids?: number;
}

/**
 * Stores a value that Terraform generates once, at creation, in the vault.
 *
 * The library may not use `random_*` resources (its output must be the same on every synth), and
 * no Azure service generates secrets, so the value is Terraform's `uuid()` (crypto/rand, 122
 * random bits each), which is evaluated at apply, and `ignore_changes = [value]` keeps the first
 * one: later plans never regenerate it. To rotate, replace the secret
 * (`terraform apply -replace=<address>`) and restart its readers. The value is in Terraform state,
 * like every other secret Terraform writes.
 */
export function addGeneratedSecret(vault: IPrivateKeyVault, id: string, options: GeneratedSecretOptions): KeyVaultSecret {
  const parts = Array.from({ length: options.uuids ?? 2 }, () => Fn.uuid());
  const secret = vault.addSecret(id, {
    name: options.name,
    value: parts.length === 1 ? parts[0] : Fn.join('', parts),
    contentType: options.contentType,
  });
  secret.lifecycle = { ...(secret.lifecycle ?? {}), ignoreChanges: ['value'] };
  return secret;
}
