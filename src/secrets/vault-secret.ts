import { Offset } from '@cdktf/provider-time/lib/offset';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { DEFAULT_SECRET_LIFETIME_DAYS, unixSeconds, VAULT_SECRET_TYPE, VaultSecretConfig } from './private/secret-parts';
import { adoptIfAsked, forgetPreviousAddress, logicalIdAt } from './private/upgrade';
import { AzapiResource } from '../core/private/azapi';
import { withoutTrailingSlash } from '../core/private/endpoints';
import { ensureTimeProvider } from '../core/private/providers';

/**
 * A secret in a Key Vault, written through Azure Resource Manager: what
 * {@link IPrivateKeyVault.addSecret} returns.
 *
 * The secret is an `azapi_resource` of type `Microsoft.KeyVault/vaults/secrets`. Its PUT goes to
 * `management.azure.com`, not to the vault: the vault's firewall and its public-access setting do
 * not apply to it, and the principal running Terraform needs `Microsoft.KeyVault/vaults/secrets/write`
 * (Contributor has it) rather than a Key Vault data-plane role. That is what lets the first apply
 * run from a machine that reaches only Azure Resource Manager.
 *
 * The value goes in azapi's write-only `sensitive_body`: it is sent to Azure but not stored in
 * Terraform state (azapi keeps a SHA-256 hash of it, to send it again when it changes). ARM never
 * returns a secret's value, so nothing reads it back either.
 *
 * @see https://learn.microsoft.com/azure/templates/microsoft.keyvault/vaults/secrets
 * @see https://registry.terraform.io/providers/Azure/azapi/latest/docs/resources/resource
 */
export class VaultSecret extends Construct {
  /** @internal */
  public static _create(scope: Construct, id: string, config: VaultSecretConfig): VaultSecret {
    return new VaultSecret(scope, id, config);
  }

  /** Name of the secret in the vault. */
  public readonly secretName: string;
  /**
   * URI of the secret without a version, `https://<vault>.vault.azure.net/secrets/<name>`: a
   * reader that uses it gets the newest version.
   */
  public readonly versionlessUri: string;
  /**
   * The App Service Key Vault reference to the secret, `@Microsoft.KeyVault(SecretUri=<versionless URI>)`.
   *
   * @see https://learn.microsoft.com/azure/app-service/app-service-key-vault-references
   */
  public readonly keyVaultReference: string;
  /** Resource-manager id of the secret (`…/vaults/<vault>/secrets/<name>`). */
  public readonly secretId: string;
  /**
   * The value given to `addSecret`, as an expression other resources may use (a database's
   * password, for example). A value the library generates is kept in a `terraform_data` (in
   * state); a value passed in lives wherever it came from.
   */
  public readonly value: string;
  /** When the secret expires (RFC3339); known after the first apply when it was not given. */
  public readonly expiresOn: string;
  /** The `azapi_resource` (escape hatch). */
  public readonly resource: TerraformResource;

  private constructor(scope: Construct, id: string, config: VaultSecretConfig) {
    super(scope, id);
    this.secretName = config.name;
    this.value = config.value;

    let exp: number;
    if (config.expirationDate === undefined) {
      // A fixed date computed at synth would change on every synth; time_offset computes it once,
      // at first apply, and keeps it in state. Same construct path as before the secret moved to
      // azapi, so an upgraded stack keeps its expiry.
      ensureTimeProvider(this);
      const expiry = new Offset(this, 'Expiry', { offsetDays: DEFAULT_SECRET_LIFETIME_DAYS });
      this.expiresOn = expiry.rfc3339;
      exp = expiry.unix;
    } else {
      this.expiresOn = config.expirationDate;
      exp = unixSeconds(this, config.expirationDate);
    }
    const attributes: { [key: string]: any } = { enabled: true, exp };
    if (config.notBeforeDate !== undefined) attributes.nbf = unixSeconds(this, config.notBeforeDate);

    const resource = new AzapiResource(this, 'Resource', {
      type: VAULT_SECRET_TYPE,
      name: config.name,
      parentId: config.vaultId,
      body: { properties: { contentType: config.contentType, attributes } },
      sensitiveBody: { properties: { value: config.value } },
    });
    this.resource = resource;
    this.secretId = resource.id;
    // Built from the vault's URI and the resource's name: the same text ARM returns as
    // `secretUri`, known at plan, and a reference to the secret, so readers wait for it.
    this.versionlessUri = `${withoutTrailingSlash(config.vaultUri)}/secrets/${resource.nameRef}`;
    this.keyVaultReference = `@Microsoft.KeyVault(SecretUri=${this.versionlessUri})`;

    forgetPreviousAddress(this, `azurerm_key_vault_secret.${logicalIdAt(this)}`);
    adoptIfAsked(resource, `${config.vaultId}/secrets/${config.name}`, VAULT_SECRET_TYPE.split('@')[1]);
  }
}
