import { Fn, Lazy } from 'cdktf';
import { HeldValue } from '../../core/private/held-value';
import type { IPrivateKeyVault } from '../key-vault';
import type { VaultSecret } from '../vault-secret';

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
  /**
   * When the secret expires (RFC3339).
   *
   * @default - 365 days after creation
   */
  readonly expirationDate?: string;
}

/**
 * Stores a value that Terraform generates once, at creation, in the vault.
 *
 * The library may not use `random_*` resources (its output must be the same on every synth), and
 * no Azure service generates secrets, so the value is Terraform's `uuid()` (crypto/rand, 122
 * random bits each), evaluated at apply. A `terraform_data` (construct id `Value`, under the
 * secret) holds it, marked sensitive, and `ignore_changes = [input]` keeps the first one: later
 * plans never regenerate it, and other resources (a database's password) can read the same value
 * from {@link VaultSecret.value}. The value is therefore in Terraform state, in that
 * `terraform_data`; the secret itself sends it write-only. To rotate, replace the holder
 * (`terraform apply -replace=<address of Value>`): the secret then writes a new version, and its
 * readers pick it up at their next Key Vault reference refresh or restart.
 */
export function addGeneratedSecret(vault: IPrivateKeyVault, id: string, options: GeneratedSecretOptions): VaultSecret {
  const parts = Array.from({ length: options.uuids ?? 2 }, () => Fn.uuid());
  let holder: HeldValue | undefined;
  const secret = vault.addSecret(id, {
    name: options.name,
    // Resolved at synth, once the holder below exists.
    value: Lazy.stringValue({ produce: () => holder!.output }),
    contentType: options.contentType,
    expirationDate: options.expirationDate,
  });
  holder = new HeldValue(secret, 'Value', {
    input: Fn.sensitive(parts.length === 1 ? parts[0] : Fn.join('', parts)),
    lifecycle: { ignoreChanges: ['input'] },
  });
  return secret;
}
