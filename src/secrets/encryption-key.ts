import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Sleep } from '@cdktf/provider-time/lib/sleep';
import { Fn, ITerraformDependable, Op, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { ICustomerManagedKey } from './customer-managed-key';
import { IPrivateKeyVault } from './key-vault';
import {
  CRYPTO_SERVICE_ENCRYPTION_USER_ROLE, KEY_ROLE_WAIT, parseKeyId, VAULT_DNS_SUFFIXES, VAULT_KEY_TYPE,
} from './private/keys';
import { adoptIfAsked, forgetPreviousAddress, logicalIdAt } from './private/upgrade';
import { IChatIdentity } from '../core/identity';
import { AzureNameRule, Names } from '../core/names';
import { grantRole, IPrincipal, PrincipalType } from '../core/principal';
import { AzapiResource } from '../core/private/azapi';
import { withoutTrailingSlash } from '../core/private/endpoints';
import { checkPlacement } from '../core/private/placement';
import { waitAfter } from '../core/private/providers';
import { VAULT_REF } from '../core/private/references';
import {
  checkIntRange, checkNotBlank, checkOneOf, checkResourceId, checkShape, checkTags, checkTrimmed,
  FieldSpec, is, isUnresolved, propError, ruleError, Shape, warn,
} from '../core/private/validate';

/** Props of {@link EncryptionKey}. */
export interface EncryptionKeyProps {
  /**
   * The vault that holds the key. It must have purge protection (a created
   * {@link PrivateKeyVault} always has); Azure refuses a customer-managed key from a vault without
   * soft delete and purge protection.
   *
   * Services reach the key through the vault's trusted-services bypass (a created vault has
   * `network_acls.bypass = "AzureServices"`), not through its private endpoint.
   */
  readonly vault: IPrivateKeyVault;
  /**
   * Name of the key in the vault: 1-127 letters, digits and hyphens. Fixed once created (a new
   * name is a new key, and the data encrypted with the old one needs the old one).
   *
   * @default - `cmk-<construct id>-<hash of the construct path>`
   */
  readonly name?: string;
  /**
   * RSA key size in bits: 2048, 3072 or 4096.
   *
   * Azure OpenAI and Foundry accept only 2048-bit keys (so {@link AiAccount} refuses another
   * size); PostgreSQL flexible server accepts all three and recommends 4096.
   *
   * @default 2048
   * @see https://learn.microsoft.com/azure/ai-foundry/openai/encrypt-data-at-rest
   * @see https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-data-encryption
   */
  readonly keySize?: number;
  /**
   * Days after a key version is created when Key Vault creates the next version (automatic
   * rotation): 7 or more, and at least 7 days before the version expires.
   *
   * Rotation is triggered after creation rather than before expiry because the policy's expiry
   * applies only to versions the rotation creates: the first version has no expiration date,
   * so a before-expiry trigger would never fire for it.
   *
   * Set when the key is created: Azure Resource Manager does not update an existing key, so a
   * later change here is ignored; change the policy of a deployed key with
   * `az keyvault key rotation-policy update` from a machine that reaches the vault.
   *
   * @default - `expireAfterDays` minus 30 (335 with the default expiry)
   * @see https://learn.microsoft.com/azure/key-vault/keys/how-to-configure-key-rotation
   */
  readonly rotateAfterDays?: number;
  /**
   * Days after creation when each rotated key version expires (the rotation policy's
   * `expire_after`): 28 to 36500. Key Vault sends a near-expiry event 30 days before (or 7 days
   * after creation for short lifetimes).
   *
   * Set when the key is created, like `rotateAfterDays`.
   *
   * @default - 365, or `rotateAfterDays` plus 30 when that is later
   */
  readonly expireAfterDays?: number;
  /**
   * The user-assigned identity that services use to wrap and unwrap with the key. It is granted
   * `Key Vault Crypto Service Encryption User` on this key only.
   *
   * @default - a new user-assigned identity, `id-<construct id>-<hash>`, in `resourceGroupName` and `location`
   */
  readonly identity?: IChatIdentity;
  /**
   * Resource group of the identity this construct creates. Required when `identity` is not given.
   *
   * @default - none; only needed when no `identity` is passed
   */
  readonly resourceGroupName?: string;
  /**
   * Region of the identity this construct creates: the region of the services that use the key.
   * Required when `identity` is not given.
   *
   * @default - none; only needed when no `identity` is passed
   */
  readonly location?: string;
  /**
   * Ignored. The key is created through Azure Resource Manager, which needs no Key Vault
   * data-plane role (`Key Vault Crypto Officer`) for the principal running Terraform, so no grant
   * is made.
   *
   * @default - no grant is made
   * @deprecated the key no longer needs a data-plane role for the deployer; remove the prop
   */
  readonly grantDeployerAccess?: boolean;
  /**
   * Adds `lifecycle.prevent_destroy` to the key: losing the key loses every piece of data
   * encrypted with it. Set false only for short-lived environments.
   *
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * Tags applied to the key and to the identity this construct creates.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** An existing key and identity, for {@link EncryptionKey.fromKeyId}. */
export interface EncryptionKeyAttributes {
  /**
   * Versionless id of the key, `https://<vault>.vault.azure.net/keys/<name>` (`az keyvault key
   * show --query key.kid`, without the last segment), so that services follow its rotation.
   */
  readonly keyId: string;
  /** Resource id of the vault that holds the key (`/subscriptions/…/providers/Microsoft.KeyVault/vaults/<name>`). */
  readonly keyVaultId: string;
  /** The identity that wraps and unwraps with the key. */
  readonly identity: IChatIdentity;
  /**
   * Grant `identity` the role `Key Vault Crypto Service Encryption User` on the key, and wait for
   * it to propagate. Leave off when the platform team has granted it already.
   *
   * @default false
   */
  readonly grantAccess?: boolean;
}

/** RSA sizes Key Vault creates; 2048 is the one every CMK service of the stack accepts. */
export const ENCRYPTION_KEY_SIZES = [2048, 3072, 4096];
const DEFAULT_KEY_SIZE = 2048;
const DEFAULT_EXPIRE_DAYS = 365;
/** Days between the rotation of a version and its expiry, by default. */
const ROTATION_MARGIN_DAYS = 30;
/** Key Vault's bounds: rotation at least 7 days after creation and 7 days before expiry; expiry at least 28 days. */
const MIN_ROTATE_DAYS = 7;
const MIN_EXPIRE_DAYS = 28;
const MAX_EXPIRE_DAYS = 36500;
const NOTIFY_DAYS = 30;

/** An IChatIdentity, with what a role grant needs (a construct, a principal type). */
const IDENTITY_SPEC = (required = false): FieldSpec => is.reference(
  ['node', 'identityId', 'clientId', 'principalId', 'principalType'],
  'an IChatIdentity (a ChatIdentity or ChatIdentity.fromIdentityAttributes(...))', required);

const PROPS_SHAPE: Shape = {
  vault: VAULT_REF(true),
  name: is.string(),
  // Number checks of their own, so the messages give the allowed values.
  keySize: is.any(),
  rotateAfterDays: is.any(),
  expireAfterDays: is.any(),
  identity: IDENTITY_SPEC(),
  resourceGroupName: is.string(),
  location: is.string(),
  grantDeployerAccess: is.boolean(),
  preventDestroy: is.boolean(),
  tags: is.stringMap(),
};

const ATTRIBUTES_SHAPE: Shape = {
  keyId: is.string(true),
  keyVaultId: is.string(true),
  identity: IDENTITY_SPEC(true),
  grantAccess: is.boolean(),
};

/**
 * A customer-managed key in a Key Vault, with automatic rotation and the user-assigned identity
 * that services encrypt with: pass it as `customerManagedKey` to an {@link AiAccount}, a history
 * store or a registry.
 *
 * - RSA (2048 bits by default), software-protected: the stack's vault is Standard, and an
 *   `RSA-HSM` key needs a Premium vault;
 * - key operations `wrapKey` and `unwrapKey` only, all that envelope encryption needs;
 * - a rotation policy: a new version every `rotateAfterDays`, each rotated version expiring
 *   after `expireAfterDays`, a near-expiry event before that. No wall-clock date is written,
 *   so synthesis stays repeatable;
 * - a user-assigned identity (created, or passed in) holding `Key Vault Crypto Service
 *   Encryption User` on this key alone, and a wait for the grant to propagate: services that use
 *   the key depend on {@link dependables};
 * - created through Azure Resource Manager (an `azapi_resource` of type
 *   `Microsoft.KeyVault/vaults/keys`), not through the vault's data plane: the vault's firewall
 *   does not apply, the principal running Terraform needs `Microsoft.KeyVault/vaults/keys/write`
 *   (Contributor has it) and no `Key Vault Crypto Officer`, and the first apply works from a
 *   machine that reaches only Azure Resource Manager;
 * - `lifecycle.prevent_destroy` unless `preventDestroy` is false.
 *
 * Azure's PUT on a key creates its first version only: when the key exists it returns it
 * unchanged, and it never creates versions or updates a key. Changing `keySize`,
 * `rotateAfterDays` or `expireAfterDays` after the first apply therefore changes nothing in Azure
 * (the plan keeps showing the difference); change a live key's rotation policy with
 * `az keyvault key rotation-policy update`. Rotation itself is Key Vault's, by the policy.
 *
 * Services are given the versionless key id ({@link keyId}). PostgreSQL flexible server and
 * Container Registry then pick up each new version by themselves. Azure OpenAI documents that
 * the account must be pointed at a new version after a rotation; the first version never
 * expires, so an account still using it keeps working (see docs for the rotation runbook).
 *
 * The key deliberately has no `attributes.exp`: the first version never expires (a fixed date
 * would be one more thing to renew by hand, and the PUT cannot update it later); every version the
 * rotation creates expires after `expireAfterDays`. The rule pack's PCHAT-KV-009 checks the
 * rotation policy's expiry, as Checkov's ARM form of CKV_AZURE_40 does.
 *
 * @see https://learn.microsoft.com/azure/key-vault/keys/how-to-configure-key-rotation
 * @see https://learn.microsoft.com/azure/templates/microsoft.keyvault/vaults/keys
 * @see https://github.com/Azure/azure-rest-api-specs/blob/main/specification/keyvault/resource-manager/Microsoft.KeyVault/stable/2024-11-01/keys.json
 */
export class EncryptionKey extends Construct implements ICustomerManagedKey {
  /**
   * Uses an existing key and identity (e.g. a platform team's): nothing is created unless
   * `grantAccess` is set. The vault holding the key must have purge protection.
   */
  public static fromKeyId(scope: Construct, id: string, attrs: EncryptionKeyAttributes): ICustomerManagedKey {
    return new ImportedEncryptionKey(scope, id, attrs);
  }

  public readonly keyId: string;
  public readonly keyVaultId: string;
  public readonly identityId: string;
  public readonly identityClientId: string;
  public readonly identityPrincipalId: string;
  public readonly dependables: ITerraformDependable[];
  /** Name of the key in the vault. */
  public readonly keyName: string;
  /** URI of the vault that holds the key, without a trailing slash (`https://<vault>.vault.azure.net`). */
  public readonly vaultUri: string;
  /** RSA key size in bits. */
  public readonly keySize: number;
  /** Resource-manager id of the key without a version (`…/vaults/<vault>/keys/<name>`): the scope of its role assignment. */
  public readonly keyResourceId: string;
  /** The `azapi_resource` of type `Microsoft.KeyVault/vaults/keys` (escape hatch). */
  public readonly resource: TerraformResource;
  /**
   * The identity this construct created.
   *
   * @default - none when an `identity` was passed in
   */
  public readonly identity?: UserAssignedIdentity;
  /** The identity's `Key Vault Crypto Service Encryption User` role assignment on the key. */
  public readonly roleAssignment: RoleAssignment;
  /** The wait for that role assignment to propagate. */
  public readonly roleAssignmentWait: Sleep;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    checkShape(this, props, PROPS_SHAPE);
    checkPurgeProtection(this, props.vault);
    AzureNameRule.KEY_VAULT_KEY.validate(this, 'name', props.name);
    checkOneOf(this, 'keySize', props.keySize, ENCRYPTION_KEY_SIZES);
    const { rotate, expire } = rotationDays(this, props.rotateAfterDays, props.expireAfterDays);
    checkTags(this, 'tags', props.tags);
    if (props.identity === undefined) {
      for (const prop of ['resourceGroupName', 'location'] as const) {
        if (props[prop] === undefined) {
          throw propError(this, prop, 'is required when no \'identity\' is passed: the key\'s user-assigned identity is created there', props[prop]);
        }
      }
      checkPlacement(this, props.resourceGroupName!, props.location!);
    }

    this.keyVaultId = props.vault.vaultId;
    this.keyName = props.name ?? Names.local(this, AzureNameRule.KEY_VAULT_KEY, 'cmk');
    this.keySize = props.keySize ?? DEFAULT_KEY_SIZE;

    // The same key the azurerm_key_vault_key of earlier versions created: RSA, wrap and unwrap
    // only, rotated `rotate` days after each version is created, each rotated version expiring
    // after `expire` days, a near-expiry event before that.
    const body: { [key: string]: any } = {
      properties: {
        kty: 'RSA',
        keySize: this.keySize,
        keyOps: ['wrapKey', 'unwrapKey'],
        attributes: { enabled: true },
        rotationPolicy: {
          attributes: { expiryTime: days(expire) },
          lifetimeActions: [
            { trigger: { timeAfterCreate: days(rotate) }, action: { type: 'rotate' } },
            { trigger: { timeBeforeExpiry: days(notifyDays(expire)) }, action: { type: 'notify' } },
          ],
        },
      },
    };
    if (props.tags !== undefined) body.tags = props.tags;
    const resource = new AzapiResource(this, 'Resource', {
      type: VAULT_KEY_TYPE,
      name: this.keyName,
      parentId: props.vault.vaultId,
      body,
      // Azure Resource Manager only creates a key (Keys_CreateIfNotExist): a PUT to an existing key
      // returns it unchanged, so a changed body would plan an update that never applies, at every
      // plan. The body is what the key is created with.
      lifecycle: { preventDestroy: props.preventDestroy ?? true, ignoreChanges: ['body'] },
    });
    this.resource = resource;
    // `https://<vault>.vault.azure.net/keys/<name>`, what azurerm's versionless_id was: built
    // from the vault's URI (ARM's own keyUri adds `:443`), with the resource's name so that users
    // of the key id wait for the key.
    this.vaultUri = withoutTrailingSlash(props.vault.vaultUri);
    this.keyId = `${this.vaultUri}/keys/${resource.nameRef}`;
    this.keyResourceId = resource.id;
    // An upgraded stack forgets the azurerm_key_vault_key at the same path instead of destroying
    // it (prevent_destroy does not cover a resource removed from the configuration).
    forgetPreviousAddress(this, `azurerm_key_vault_key.${logicalIdAt(resource)}`);
    adoptIfAsked(resource, `${props.vault.vaultId}/keys/${this.keyName}`, VAULT_KEY_TYPE.split('@')[1]);

    let principal: IPrincipal;
    if (props.identity) {
      principal = props.identity;
      this.identityId = props.identity.identityId;
      this.identityClientId = props.identity.clientId;
      this.identityPrincipalId = props.identity.principalId;
    } else {
      this.identity = new UserAssignedIdentity(this, 'Identity', {
        name: Names.local(this, AzureNameRule.USER_ASSIGNED_IDENTITY, 'id'),
        resourceGroupName: props.resourceGroupName!,
        location: props.location!,
        tags: props.tags,
      });
      principal = { node: this.identity.node, principalId: this.identity.principalId, principalType: PrincipalType.SERVICE_PRINCIPAL };
      this.identityId = this.identity.id;
      this.identityClientId = this.identity.clientId;
      this.identityPrincipalId = this.identity.principalId;
    }

    // On the key, not the vault: the identity can wrap with this key and no other in the vault.
    this.roleAssignment = grantRole(this, {
      scopeId: this.keyResourceId,
      roleDefinitionName: CRYPTO_SERVICE_ENCRYPTION_USER_ROLE.name,
      principal,
      description: `Lets ${this.node.path} wrap and unwrap data encryption keys with its key`,
    }, CRYPTO_SERVICE_ENCRYPTION_USER_ROLE.guid);
    this.roleAssignmentWait = waitAfter(this, 'RoleAssignmentWait', [this.roleAssignment], KEY_ROLE_WAIT);
    this.dependables = [this.roleAssignment, this.roleAssignmentWait];
  }
}

/** An ISO 8601 duration of whole days, for a number or a number token. */
function days(n: number): string {
  return `P${Token.isUnresolved(n) ? Token.asString(n) : n}D`;
}

/** 30 days before expiry, or 7 days after creation when the lifetime is too short for that. */
function notifyDays(expire: number): number {
  if (Token.isUnresolved(expire)) return Fn.min([NOTIFY_DAYS, Token.asNumber(Op.sub(expire, MIN_ROTATE_DAYS))]);
  return Math.min(NOTIFY_DAYS, expire - MIN_ROTATE_DAYS);
}

/**
 * Checks `rotateAfterDays` and `expireAfterDays` against Key Vault's bounds and fills in the
 * defaults: the rotation 30 days before expiry, the expiry a year after creation.
 */
function rotationDays(scope: Construct, rotateAfterDays?: number, expireAfterDays?: number): { rotate: number; expire: number } {
  checkIntRange(scope, 'expireAfterDays', expireAfterDays, MIN_EXPIRE_DAYS, MAX_EXPIRE_DAYS);
  checkIntRange(scope, 'rotateAfterDays', rotateAfterDays, MIN_ROTATE_DAYS, MAX_EXPIRE_DAYS - MIN_ROTATE_DAYS);
  const rotateToken = isUnresolved(rotateAfterDays);
  const expireToken = isUnresolved(expireAfterDays);
  let expire: number;
  if (expireAfterDays !== undefined) {
    expire = expireAfterDays;
  } else if (rotateAfterDays === undefined) {
    expire = DEFAULT_EXPIRE_DAYS;
  } else {
    expire = rotateToken
      ? Fn.max([DEFAULT_EXPIRE_DAYS, Token.asNumber(Op.add(rotateAfterDays, ROTATION_MARGIN_DAYS))])
      : Math.max(DEFAULT_EXPIRE_DAYS, rotateAfterDays + ROTATION_MARGIN_DAYS);
  }
  let rotate: number;
  if (rotateAfterDays !== undefined) {
    rotate = rotateAfterDays;
  } else {
    rotate = expireToken
      ? Fn.max([MIN_ROTATE_DAYS, Token.asNumber(Op.sub(expire, ROTATION_MARGIN_DAYS))])
      : Math.max(MIN_ROTATE_DAYS, expire - ROTATION_MARGIN_DAYS);
  }
  if (!rotateToken && !expireToken && rotate > expire - MIN_ROTATE_DAYS) {
    throw ruleError(scope, `'rotateAfterDays' must be at least ${MIN_ROTATE_DAYS} days less than 'expireAfterDays' (Key Vault rotates a key no later than `
      + `${MIN_ROTATE_DAYS} days before it expires), got ${rotate} and ${expire}`);
  }
  return { rotate, expire };
}

/**
 * Azure refuses a customer-managed key from a vault without purge protection: a vault known to
 * have none is an error, one whose setting is unknown (imported without it) a warning.
 *
 * @see https://learn.microsoft.com/azure/ai-foundry/openai/encrypt-data-at-rest
 * @see https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-data-encryption
 */
function checkPurgeProtection(scope: Construct, vault: IPrivateKeyVault): void {
  const enabled = (vault as { readonly purgeProtectionEnabled?: unknown }).purgeProtectionEnabled;
  if (enabled === false) {
    throw propError(scope, 'vault', 'must have purge protection: Azure refuses a customer-managed key from a vault without soft delete and purge protection. '
      + 'Turn purge protection on for the vault (it cannot be turned off again), or use another vault; '
      + `the vault '${vault.node.path}' says purgeProtectionEnabled: false`, vault.node.path);
  }
  if (enabled === undefined) {
    warn(scope, 'vault-purge-protection-unknown', `'vault' ('${vault.node.path}') does not say whether purge protection is on, and Azure refuses a `
      + 'customer-managed key from a vault without it: confirm with `az keyvault show --query properties.enablePurgeProtection` and pass '
      + 'purgeProtectionEnabled: true to PrivateKeyVault.fromAttributes');
  }
}

class ImportedEncryptionKey extends Construct implements ICustomerManagedKey {
  /** Shown in error messages instead of this internal class name. */
  public static readonly errorKind = 'EncryptionKey.fromKeyId';

  public readonly keyId: string;
  public readonly keyVaultId: string;
  public readonly identityId: string;
  public readonly identityClientId: string;
  public readonly identityPrincipalId: string;
  public readonly dependables: ITerraformDependable[] = [];

  constructor(scope: Construct, id: string, attrs: EncryptionKeyAttributes) {
    super(scope, id);
    checkShape(this, attrs, ATTRIBUTES_SHAPE);
    const keyId = attrs.keyId;
    checkNotBlank(this, 'keyId', keyId);
    checkTrimmed(this, 'keyId', keyId);
    checkResourceId(this, 'keyVaultId', attrs.keyVaultId, 'Microsoft.KeyVault/vaults');
    const parsed = isUnresolved(keyId) ? undefined : parseKeyId(keyId);
    if (!isUnresolved(keyId)) {
      if (!parsed) {
        throw propError(this, 'keyId', `must be a versionless Key Vault key id, 'https://<vault>.vault.azure.net/keys/<name>' (or ${VAULT_DNS_SUFFIXES.slice(1).join(', ')}); `
          + 'Managed HSM keys are not supported', keyId);
      }
      if (parsed.version !== undefined) {
        throw propError(this, 'keyId', `must not name a version: pass 'https://${parsed.vaultName}.<host>/keys/${parsed.keyName}', so that services follow the key's rotation`, keyId);
      }
      AzureNameRule.KEY_VAULT_KEY.validate(this, 'keyId', parsed.keyName);
      const vaultName = isUnresolved(attrs.keyVaultId) ? undefined : attrs.keyVaultId.split('/')[8];
      if (vaultName !== undefined && vaultName.toLowerCase() !== parsed.vaultName.toLowerCase()) {
        throw ruleError(this, `'keyId' must be a key of the vault 'keyVaultId' names ('${vaultName}'), got '${keyId}'`);
      }
    }

    this.keyId = keyId;
    this.keyVaultId = attrs.keyVaultId;
    this.identityId = attrs.identity.identityId;
    this.identityClientId = attrs.identity.clientId;
    this.identityPrincipalId = attrs.identity.principalId;
    if (attrs.grantAccess ?? false) {
      const keyName = parsed?.keyName ?? Fn.element(Fn.split('/', keyId), 4);
      const assignment = grantRole(this, {
        scopeId: `${attrs.keyVaultId}/keys/${keyName}`,
        roleDefinitionName: CRYPTO_SERVICE_ENCRYPTION_USER_ROLE.name,
        principal: attrs.identity,
        description: `Lets ${attrs.identity.node.path} wrap and unwrap data encryption keys with ${this.node.path}`,
      }, CRYPTO_SERVICE_ENCRYPTION_USER_ROLE.guid);
      this.dependables = [assignment, waitAfter(this, 'RoleAssignmentWait', [assignment], KEY_ROLE_WAIT)];
    }
  }
}
