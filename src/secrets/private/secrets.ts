import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct } from 'constructs';
import { VaultSecretConfig } from './secret-parts';
import { AzureNameRule } from '../../core/names';
import { grantRole, IPrincipal } from '../../core/principal';
import { checkRfc3339, warnIfPast } from '../../core/private/dates';
import { PRINCIPAL_REF } from '../../core/private/references';
import {
  checkField, checkNotBlank, is, isUnresolved, propError, ruleError, Shape,
} from '../../core/private/validate';
import { VaultSecret } from '../vault-secret';

/** Built-in role that reads secret values; what an app needs for a Key Vault reference. */
export const SECRETS_USER_ROLE = 'Key Vault Secrets User';

/** Largest secret value Key Vault stores (25 KB). */
export const MAX_SECRET_VALUE_BYTES = 25 * 1024;

/** Typed references of the secrets area, by the members every implementation has. */

/** Fields of `KeyVaultSecretOptions`. */
export const SECRET_OPTIONS_SHAPE: Shape = {
  name: is.string(true),
  value: is.string(),
  contentType: is.string(),
  expirationDate: is.string(),
  notBeforeDate: is.string(),
};

/** The options of `addSecret`, repeated here to keep this module free of the public one. */
export interface SecretInput {
  readonly name: string;
  readonly value: string;
  readonly contentType: string;
  readonly expirationDate?: string;
  readonly notBeforeDate?: string;
}

/**
 * Writes secrets into one vault, for both created and imported vaults, through Azure Resource
 * Manager (see {@link VaultSecret}): no data-plane role for the deployer, no wait for one, and no
 * dependency on the vault's private endpoint.
 */
export class VaultSecretWriter {
  private scope?: Construct;
  private readonly names = new Map<string, string>();

  constructor(
    private readonly vault: Construct,
    private readonly vaultId: string,
    private readonly vaultUri: string,
  ) {}

  public add(id: string, options: SecretInput): VaultSecret {
    checkField(this.vault, 'addSecret.id', id, is.string(true));
    checkNotBlank(this.vault, 'addSecret.id', id);
    const prop = (p: string) => `addSecret(${id}).${p}`;
    checkField(this.vault, `addSecret(${id})`, options, is.object(SECRET_OPTIONS_SHAPE, true));
    checkNotBlank(this.vault, prop('name'), options.name);
    AzureNameRule.KEY_VAULT_SECRET.validate(this.vault, prop('name'), options.name);
    if (options.contentType === undefined || (!isUnresolved(options.contentType) && options.contentType.trim() === '')) {
      throw propError(this.vault, prop('contentType'), 'must be a non-empty MIME type or label (e.g. \'text/plain\'), required so scanners and operators know what the secret holds', options.contentType);
    }
    if (options.value === undefined) throw propError(this.vault, prop('value'), 'must be set', options.value);
    const bytes = isUnresolved(options.value) ? 0 : Buffer.byteLength(options.value, 'utf8');
    if (bytes > MAX_SECRET_VALUE_BYTES) {
      // The value itself is never shown: it is a secret.
      throw propError(this.vault, prop('value'), `must be at most ${MAX_SECRET_VALUE_BYTES} bytes (Key Vault's limit for a secret value)`, `a value of ${bytes} bytes`);
    }
    const expires = checkRfc3339(this.vault, prop('expirationDate'), options.expirationDate);
    const notBefore = checkRfc3339(this.vault, prop('notBeforeDate'), options.notBeforeDate);
    if (expires !== undefined && notBefore !== undefined && notBefore >= expires) {
      throw ruleError(this.vault, `'${prop('notBeforeDate')}' must be earlier than '${prop('expirationDate')}', got '${options.notBeforeDate}' and '${options.expirationDate}'`);
    }
    warnIfPast(this.vault, prop('expirationDate'), options.expirationDate, expires);
    if (!isUnresolved(options.name)) {
      const key = options.name.toLowerCase();
      const previous = this.names.get(key);
      if (previous !== undefined) {
        throw propError(this.vault, prop('name'), `must be unique in the vault (secret names are case-insensitive; already used by '${previous}')`, options.name);
      }
      this.names.set(key, id);
    }

    const scope = this.secretsScope();
    if (scope.node.tryFindChild(id)) {
      throw propError(this.vault, 'id', 'must be unique among the secrets of this vault', id);
    }
    const config: VaultSecretConfig = {
      vaultId: this.vaultId,
      vaultUri: this.vaultUri,
      name: options.name,
      value: options.value,
      contentType: options.contentType,
      expirationDate: options.expirationDate,
      notBeforeDate: options.notBeforeDate,
    };
    return VaultSecret._create(scope, id, config);
  }

  public grantRead(principal: IPrincipal): RoleAssignment {
    checkField(this.vault, 'grantSecretsRead.principal', principal, PRINCIPAL_REF(true));
    return grantRole(this.vault, { scopeId: this.vaultId, roleDefinitionName: SECRETS_USER_ROLE, principal });
  }

  private secretsScope(): Construct {
    this.scope ??= new Construct(this.vault, 'Secrets');
    return this.scope;
  }
}
