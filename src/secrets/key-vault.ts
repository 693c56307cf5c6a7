import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Fn } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AzureNameRule, Names } from '../core/names';
import { IPrincipal } from '../core/principal';
import { clientConfig } from '../core/private/client-config';
import { checkSameRegionAsNetwork } from '../core/private/regions';
import {
  checkField, checkIntRange, checkNotBlank, checkResourceId, checkShape, checkTags, checkTrimmed, is, isUnresolved, propError, ruleError, Shape, warn,
} from '../core/private/validate';
import { IMonitoring } from '../monitoring/monitoring';
import { PrivateLinkZone } from '../network/private-dns-zones';
import { PrivateEndpointOptions, ServicePrivateEndpoint } from '../network/private-endpoint';
import { VaultSecretWriter } from './private/secrets';
import { VaultSecret } from './vault-secret';
import { checkPlacement } from '../core/private/placement';
import { DNS_ZONES_REF, MONITORING_REF, NETWORK_REF } from '../core/private/references';
import { servicePrivateEndpoint } from '../network/private/wiring';

/**
 * A Key Vault that apps read secrets from over a private endpoint: created here or existing.
 *
 * Other constructs take this interface, so a chat app can use a vault the platform team owns.
 */
export interface IPrivateKeyVault extends IConstruct {
  /** Resource id of the vault. */
  readonly vaultId: string;
  /** Name of the vault. */
  readonly vaultName: string;
  /** Data-plane URI of the vault, `https://<name>.vault.azure.net/`. */
  readonly vaultUri: string;
  /**
   * Whether purge protection is on. Azure refuses a customer-managed key from a vault without
   * soft delete and purge protection, so {@link EncryptionKey} checks it.
   *
   * @default - unknown (an imported vault whose attributes do not say)
   * @see https://learn.microsoft.com/azure/ai-foundry/openai/encrypt-data-at-rest
   */
  readonly purgeProtectionEnabled?: boolean;

  /**
   * Lets `principal` read secret values (role `Key Vault Secrets User` on the vault), e.g. an
   * app identity that resolves Key Vault references.
   *
   * @returns the role assignment, so that dependents can wait for it
   */
  grantSecretsRead(principal: IPrincipal): RoleAssignment;

  /**
   * Stores a secret in the vault, through Azure Resource Manager (a {@link VaultSecret}).
   *
   * The secret always has a content type and an expiration date. The write goes to
   * `management.azure.com`, not to the vault's private endpoint: the first apply works from a
   * machine that reaches only Azure Resource Manager, and the principal running Terraform needs
   * `Microsoft.KeyVault/vaults/secrets/write` on the vault (Contributor or Owner), no data-plane
   * role. The value is sent as a write-only argument and is not kept in Terraform state by the
   * secret; where it comes from (a generated password, an app registration's secret) may be.
   *
   * @param id construct id of the secret (part of its Terraform address; keep it stable)
   */
  addSecret(id: string, options: KeyVaultSecretOptions): VaultSecret;
}

/** A secret to store with {@link IPrivateKeyVault.addSecret}. */
export interface KeyVaultSecretOptions {
  /** Name of the secret in the vault: 1-127 letters, digits and hyphens. */
  readonly name: string;
  /**
   * The secret value. It is sent to Azure as a write-only argument and is not stored in
   * Terraform state by the secret; a new value (compared by hash) writes a new version.
   */
  readonly value: string;
  /**
   * What the value is, e.g. `text/plain` or `client-secret`. Required: scanners flag secrets
   * without one, and it tells operators how to rotate the value.
   */
  readonly contentType: string;
  /**
   * When the secret expires, as an RFC3339 timestamp in UTC (`2026-12-31T00:00:00Z`).
   *
   * A date before today records the warning `expiry-in-past`. Today is read from the context key
   * `cdktf-private-chat:today` (`2026-11-22`), never from the clock, so that synthesis is
   * repeatable; without the key the warning is not given.
   *
   * @default - 365 days after the secret is first created, computed once at apply by a
   * hashicorp/time `time_offset` and then kept in state (replace that resource to renew)
   */
  readonly expirationDate?: string;
  /**
   * Before when the secret must not be used, as an RFC3339 timestamp.
   *
   * @default - usable at once
   */
  readonly notBeforeDate?: string;
}

/** Props of {@link PrivateKeyVault}. */
export interface PrivateKeyVaultProps extends PrivateEndpointOptions {
  /** Resource group the vault and its private endpoint are created in. */
  readonly resourceGroupName: string;
  /** Azure region, e.g. `swedencentral`; the VNet's region, since the private endpoint goes there too. */
  readonly location: string;
  /** Workspace that receives the vault's audit logs and metrics. */
  readonly monitoring: IMonitoring;
  /**
   * Name of the vault: 3-24 letters, digits and hyphens, globally unique.
   *
   * A deleted vault keeps its name reserved for `softDeleteRetentionDays`, so a name cannot be
   * reused right after a destroy.
   *
   * @default - `kv-<8 hex characters>` from a hash of the subscription id and the construct path
   */
  readonly name?: string;
  /**
   * Adds `lifecycle.prevent_destroy` to the vault so that a plan that would destroy or replace
   * it fails instead. Set false only for short-lived environments; even then purge protection
   * keeps the deleted vault (and its name) for the retention period.
   *
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * Days a deleted vault, and each deleted secret, can be recovered (7-90). Fixed once the vault
   * exists: Azure does not let it change afterwards.
   *
   * @default 90
   */
  readonly softDeleteRetentionDays?: number;
  /**
   * Ignored. Secrets are now written through Azure Resource Manager, which needs no Key Vault
   * data-plane role for the principal running Terraform, so no grant is made.
   *
   * @default - no grant is made
   * @deprecated secrets no longer need a data-plane role for the deployer; remove the prop
   */
  readonly grantDeployerAccess?: boolean;
  /**
   * Tags applied to the vault and its private endpoint.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** Attributes of an existing vault, for {@link PrivateKeyVault.fromAttributes}. */
export interface PrivateKeyVaultAttributes {
  /** Resource id of the vault (`/subscriptions/…/providers/Microsoft.KeyVault/vaults/<name>`). */
  readonly vaultId: string;
  /** Data-plane URI of the vault (`https://<name>.vault.azure.net/`). */
  readonly vaultUri: string;
  /**
   * Ignored: secrets are written through Azure Resource Manager, with no data-plane role.
   *
   * @default - no grant is made
   * @deprecated secrets no longer need a data-plane role for the deployer; remove the prop
   */
  readonly grantDeployerAccess?: boolean;
  /**
   * Whether the vault has purge protection on (`az keyvault show --query properties.enablePurgeProtection`).
   *
   * A customer-managed key needs it: {@link EncryptionKey} refuses a vault given as `false`, and
   * warns (`vault-purge-protection-unknown`) when this is left out.
   *
   * @default - unknown
   */
  readonly purgeProtectionEnabled?: boolean;
}

const RETENTION_MAX = 90;

const VAULT_SHAPE: Shape = {
  resourceGroupName: is.string(true),
  location: is.string(true),
  network: NETWORK_REF(true),
  dnsZones: DNS_ZONES_REF(true),
  monitoring: MONITORING_REF(true),
  name: is.string(),
  preventDestroy: is.boolean(),
  // A number check of its own, so the message gives the range.
  softDeleteRetentionDays: is.any(),
  grantDeployerAccess: is.boolean(),
  tags: is.stringMap(),
};

const ATTRIBUTES_SHAPE: Shape = {
  vaultId: is.string(true),
  vaultUri: is.string(true),
  grantDeployerAccess: is.boolean(),
  purgeProtectionEnabled: is.boolean(),
};

/**
 * A Key Vault reachable only through its private endpoint, locked down by default.
 *
 * - Standard SKU, Azure RBAC for data-plane access (no access policies);
 * - purge protection on, soft-delete retention 90 days;
 * - public network access off, network ACL default `Deny` (trusted Azure services bypass);
 * - a private endpoint on `vault` registered in `privatelink.vaultcore.azure.net`;
 * - audit logs and metrics sent to Log Analytics;
 * - `lifecycle.prevent_destroy` unless `preventDestroy` is false.
 *
 * Purge protection cannot be turned off once on, and a deleted vault keeps its name reserved
 * until the retention period ends.
 *
 * @see https://learn.microsoft.com/azure/key-vault/general/private-link-service
 */
export class PrivateKeyVault extends Construct implements IPrivateKeyVault {
  /**
   * Uses an existing vault: nothing of the vault is created, but grants and secrets are.
   */
  public static fromAttributes(scope: Construct, id: string, attrs: PrivateKeyVaultAttributes): IPrivateKeyVault {
    return new ImportedPrivateKeyVault(scope, id, attrs);
  }

  /**
   * The App Service Key Vault reference of a secret: `@Microsoft.KeyVault(SecretUri=<versionless URI>)`,
   * the same as {@link VaultSecret.keyVaultReference}.
   *
   * Versionless, so that the app picks up a new value on its next refresh without a redeploy.
   *
   * @see https://learn.microsoft.com/azure/app-service/app-service-key-vault-references
   */
  public static keyVaultReference(secret: VaultSecret): string {
    checkField('PrivateKeyVault.keyVaultReference', 'secret', secret, is.instance(VaultSecret, 'a VaultSecret returned by addSecret(...)', true));
    return secret.keyVaultReference;
  }

  public readonly vaultId: string;
  public readonly vaultName: string;
  public readonly vaultUri: string;
  /** Always true: a created vault has purge protection, which cannot be turned off again. */
  public readonly purgeProtectionEnabled?: boolean = true;
  /** Tenant whose Entra ID authenticates requests to the vault: the deploying tenant. */
  public readonly tenantId: string;
  /** The `azurerm_key_vault` (escape hatch). */
  public readonly resource: KeyVault;
  /** The vault's private endpoint. */
  public readonly privateEndpoint: ServicePrivateEndpoint;
  /** The diagnostic setting that sends audit logs and metrics to the workspace. */
  public readonly diagnosticSetting: MonitorDiagnosticSetting;
  private readonly writer: VaultSecretWriter;

  constructor(scope: Construct, id: string, props: PrivateKeyVaultProps) {
    super(scope, id);
    checkShape(this, props, VAULT_SHAPE);
    checkPlacement(this, props.resourceGroupName, props.location);
    const networkLocation = (props.network as { readonly location?: unknown }).location;
    checkSameRegionAsNetwork(this, 'location', props.location, typeof networkLocation === 'string' ? networkLocation : undefined);
    checkTags(this, 'tags', props.tags);
    AzureNameRule.KEY_VAULT.validate(this, 'name', props.name);
    checkIntRange(this, 'softDeleteRetentionDays', props.softDeleteRetentionDays, 7, RETENTION_MAX);
    const retention = props.softDeleteRetentionDays ?? RETENTION_MAX;
    if (!isUnresolved(retention) && retention < RETENTION_MAX) {
      warn(this, 'short-soft-delete-retention', `'softDeleteRetentionDays' is ${retention}; the security baseline (CKV_AZURE_111) expects ${RETENTION_MAX} days, and the value cannot be changed after the vault exists`);
    }

    this.tenantId = clientConfig(this).tenantId;
    this.vaultName = props.name ?? Names.globallyUnique(this, AzureNameRule.KEY_VAULT, 'kv');
    this.resource = new KeyVault(this, 'Resource', {
      name: this.vaultName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tenantId: this.tenantId,
      skuName: 'standard',
      // azurerm 4.42 renamed enable_rbac_authorization (deprecated, removed in 5.0) to this.
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: retention,
      publicNetworkAccessEnabled: false,
      networkAcls: {
        defaultAction: 'Deny',
        // Trusted first-party services (e.g. App Service resolving references) still get through.
        bypass: 'AzureServices',
        ipRules: [],
        virtualNetworkSubnetIds: [],
      },
      // The vault holds app secrets only: no VM, disk-encryption or ARM-template access.
      enabledForDeployment: false,
      enabledForDiskEncryption: false,
      enabledForTemplateDeployment: false,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
      tags: props.tags,
    });
    this.vaultId = this.resource.id;
    this.vaultUri = this.resource.vaultUri;

    this.privateEndpoint = servicePrivateEndpoint(this, props, {
      targetResourceId: this.vaultId,
      subresource: 'vault',
      zones: [PrivateLinkZone.KEY_VAULT],
    });
    this.diagnosticSetting = props.monitoring.addDiagnosticSetting(this, 'Diagnostics', {
      targetResourceId: this.vaultId,
      logCategoryGroups: ['audit'],
      metrics: true,
    });

    // Secret writes go through Azure Resource Manager: no private endpoint, no data-plane role.
    this.writer = new VaultSecretWriter(this, this.vaultId, this.vaultUri);
  }

  public grantSecretsRead(principal: IPrincipal): RoleAssignment {
    return this.writer.grantRead(principal);
  }

  public addSecret(id: string, options: KeyVaultSecretOptions): VaultSecret {
    return this.writer.add(id, options);
  }
}

const VAULT_HOSTS = ['vault.azure.net', 'vault.azure.cn', 'vault.usgovcloudapi.net'];

class ImportedPrivateKeyVault extends Construct implements IPrivateKeyVault {
  /** Shown in error messages instead of this internal class name. */
  public static readonly errorKind = 'PrivateKeyVault.fromAttributes';

  public readonly vaultId: string;
  public readonly vaultName: string;
  public readonly vaultUri: string;
  public readonly purgeProtectionEnabled?: boolean;
  private readonly writer: VaultSecretWriter;

  constructor(scope: Construct, id: string, attrs: PrivateKeyVaultAttributes) {
    super(scope, id);
    checkShape(this, attrs, ATTRIBUTES_SHAPE);
    checkResourceId(this, 'vaultId', attrs.vaultId, 'Microsoft.KeyVault/vaults');
    const idName = isUnresolved(attrs.vaultId) ? undefined : /\/providers\/Microsoft\.KeyVault\/vaults\/([^/]+)$/i.exec(attrs.vaultId)?.[1];
    if (!isUnresolved(attrs.vaultId) && idName === undefined) {
      throw propError(this, 'vaultId', 'must be the id of a vault (…/providers/Microsoft.KeyVault/vaults/<name>)', attrs.vaultId);
    }
    if (idName !== undefined) AzureNameRule.KEY_VAULT.validate(this, 'vaultId', idName);
    checkNotBlank(this, 'vaultUri', attrs.vaultUri);
    checkTrimmed(this, 'vaultUri', attrs.vaultUri);
    if (!isUnresolved(attrs.vaultUri)) {
      const m = /^https:\/\/([A-Za-z0-9-]+)\.([a-z.]+?)\/?$/.exec(attrs.vaultUri);
      if (!m || !VAULT_HOSTS.includes(m[2])) {
        throw propError(this, 'vaultUri', 'must be a vault URI like \'https://<name>.vault.azure.net/\'', attrs.vaultUri);
      }
      if (idName !== undefined && m[1].toLowerCase() !== idName.toLowerCase()) {
        throw ruleError(this, `'vaultUri' must name the same vault as 'vaultId' ('${idName}'), got '${attrs.vaultUri}'`);
      }
    }

    this.vaultId = attrs.vaultId;
    this.vaultUri = attrs.vaultUri;
    this.purgeProtectionEnabled = attrs.purgeProtectionEnabled;
    this.vaultName = idName ?? Fn.element(Fn.split('/', attrs.vaultId), 8);
    this.writer = new VaultSecretWriter(this, this.vaultId, this.vaultUri);
  }

  public grantSecretsRead(principal: IPrincipal): RoleAssignment {
    return this.writer.grantRead(principal);
  }

  public addSecret(id: string, options: KeyVaultSecretOptions): VaultSecret {
    // The secret is an ARM child of the vault's full id (azapi parent_id), so a vault in another
    // subscription works as well as grants and Key Vault references do.
    return this.writer.add(id, options);
  }
}
