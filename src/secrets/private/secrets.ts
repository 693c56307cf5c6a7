import { KeyVaultSecret } from '@cdktf/provider-azurerm/lib/key-vault-secret';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Offset } from '@cdktf/provider-time/lib/offset';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { AzureNameRule } from '../../core/names';
import { grantRole, IPrincipal, PrincipalType } from '../../core/principal';
import { clientConfig } from '../../core/private/client-config';
import { checkRfc3339, warnIfPast } from '../../core/private/dates';
import { ensureTimeProvider, waitAfter } from '../../core/private/providers';
import { PRINCIPAL_REF } from '../../core/private/references';
import {
  checkField, checkNotBlank, is, isUnresolved, propError, ruleError, Shape,
} from '../../core/private/validate';

/** Built-in role that reads secret values; what an app needs for a Key Vault reference. */
export const SECRETS_USER_ROLE = 'Key Vault Secrets User';
/** Built-in role that writes secrets; what Terraform needs to create them. */
export const SECRETS_OFFICER_ROLE = 'Key Vault Secrets Officer';
/** Default lifetime of a secret when the caller gives no expiration date. */
export const DEFAULT_SECRET_LIFETIME_DAYS = 365;
/**
 * Wait after the deployer's role assignment before the first secret write. Key Vault data-plane
 * RBAC is evaluated from a cache that lags new assignments by up to a minute or two.
 */
export const DEPLOYER_ROLE_WAIT = '60s';

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
 * The principal Terraform runs as (`azurerm_client_config.object_id`): the pipeline's service
 * principal or managed identity, or the operator's own user on a laptop.
 *
 * Its kind is unknown at synth, so the role assignment made for it omits `principal_type`
 * (Azure then looks the object up); `principalType` here is only a placeholder for the interface.
 */
export class DeployingPrincipal extends Construct implements IPrincipal {
  public readonly principalId: string;
  public readonly principalType = PrincipalType.SERVICE_PRINCIPAL;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.principalId = clientConfig(this).objectId;
  }
}

/**
 * The vault's one {@link DeployingPrincipal} (construct id `Deployer`), shared by the secret writer
 * and by the keys created in the vault, whichever asks first.
 */
export function deployerOf(vault: Construct): DeployingPrincipal {
  const existing = vault.node.tryFindChild('Deployer');
  if (existing instanceof DeployingPrincipal) return existing;
  return new DeployingPrincipal(vault, 'Deployer');
}

/**
 * Writes secrets into one vault, for both created and imported vaults.
 *
 * The first secret grants the deployer `Key Vault Secrets Officer` on the vault and waits for it
 * to propagate; every secret depends on that wait and on `dependsOn` (the private endpoint, since
 * with public access off the write travels through it).
 */
export class VaultSecretWriter {
  private scope?: Construct;
  private readonly names = new Map<string, string>();

  constructor(
    private readonly vault: Construct,
    private readonly vaultId: string,
    private readonly grantDeployer: boolean,
    private readonly dependsOn: ITerraformDependable[],
  ) {}

  public add(id: string, options: SecretInput): KeyVaultSecret {
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
    const dependsOn = [...this.dependsOn];
    const wait = this.deployerWait();
    if (wait) dependsOn.push(wait);

    const secret = new KeyVaultSecret(scope, id, {
      name: options.name,
      value: options.value,
      keyVaultId: this.vaultId,
      contentType: options.contentType,
      expirationDate: options.expirationDate,
      notBeforeDate: options.notBeforeDate,
      dependsOn,
    });
    if (options.expirationDate === undefined) {
      // A fixed date computed at synth would change on every synth; time_offset computes it once,
      // at first apply, and keeps it in state.
      ensureTimeProvider(secret);
      const expiry = new Offset(secret, 'Expiry', { offsetDays: DEFAULT_SECRET_LIFETIME_DAYS });
      secret.expirationDate = expiry.rfc3339;
    }
    return secret;
  }

  public grantRead(principal: IPrincipal): RoleAssignment {
    checkField(this.vault, 'grantSecretsRead.principal', principal, PRINCIPAL_REF(true));
    return grantRole(this.vault, { scopeId: this.vaultId, roleDefinitionName: SECRETS_USER_ROLE, principal });
  }

  private secretsScope(): Construct {
    this.scope ??= new Construct(this.vault, 'Secrets');
    return this.scope;
  }

  private deployerWait(): ITerraformDependable | undefined {
    if (!this.grantDeployer) return undefined;
    return deployerGrantWait(this.vault, this.vaultId, 'DeployerRoleWait', { name: SECRETS_OFFICER_ROLE }, 'write the secrets');
  }
}

/**
 * Grants the principal running Terraform `role` on the vault, once per vault and role (the grant
 * and its wait live under the vault construct, so that every writer shares them instead of
 * failing with `RoleAssignmentExists`), and returns the wait for it to propagate: what every
 * data-plane write into the vault depends on.
 *
 * @param waitId construct id of the wait under the vault (part of its address; keep it stable)
 * @param role the built-in role by name, and by definition id when known
 * @param purpose what the grant lets Terraform do, for the assignment's description
 */
export function deployerGrantWait(vault: Construct, vaultId: string, waitId: string, role: { readonly name: string; readonly guid?: string },
  purpose: string): ITerraformDependable {
  const existing = vault.node.tryFindChild(waitId);
  if (existing) return existing as unknown as ITerraformDependable;
  const assignment = grantRole(vault, {
    scopeId: vaultId,
    roleDefinitionName: role.name,
    principal: deployerOf(vault),
    description: `Lets the principal that runs Terraform ${purpose} of ${vault.node.path}`,
  }, role.guid);
  // User on a laptop or service principal in a pipeline: unknown at synth.
  assignment.resetPrincipalType();
  return waitAfter(vault, waitId, [assignment], DEPLOYER_ROLE_WAIT);
}

