import { APP_REGISTRATION_SHAPE, EXISTING_REGISTRATION_SHAPE } from './private/checks';
import { checkShape } from '../core/private/validate';

/** An Entra app registration that already exists, for {@link SignIn.withExistingRegistration}. */
export interface ExistingRegistrationOptions {
  /** Application (client) id of the registration. */
  readonly clientId: string;
  /**
   * The registration's client secret, as a sensitive value (e.g. a `TerraformVariable` with
   * `sensitive: true`). It is stored in the web app's `vault` and reaches the app as a Key Vault
   * reference, never as plain text in an app setting.
   *
   * Set exactly one of `clientSecret` and `clientSecretKeyVaultSecretId`.
   *
   * @default - none; `clientSecretKeyVaultSecretId` must be set
   */
  readonly clientSecret?: string;
  /**
   * Expiry of `clientSecret` (RFC 3339, e.g. `2026-12-31T00:00:00Z`), recorded on the vault secret
   * so that scanners and the vault's expiry events see it. Only with `clientSecret`.
   *
   * A date before today records the warning `expiry-in-past`; today is read from the context key
   * `cdktf-private-chat:today` (e.g. `2026-11-22`), never from the clock; without the key there
   * is no such check.
   *
   * @default - no expiry recorded
   */
  readonly clientSecretExpirationDate?: string;
  /**
   * Versionless id of a vault secret that already holds the client secret
   * (`https://<vault>.vault.azure.net/secrets/<name>`). Versionless so that App Service picks up
   * a rotated secret without a redeploy. The app's identity needs `Key Vault Secrets User` on
   * that vault: pass the vault as `vault` or the grant in `roleAssignments`.
   *
   * Set exactly one of `clientSecret` and `clientSecretKeyVaultSecretId`.
   *
   * @default - none; `clientSecret` must be set
   */
  readonly clientSecretKeyVaultSecretId?: string;
  /**
   * Tenant the registration lives in.
   *
   * @default - the tenant of the azurerm provider's credentials
   */
  readonly tenantId?: string;
}

/** An app registration created by the web app, for {@link SignIn.createAppRegistration}. */
export interface AppRegistrationOptions {
  /**
   * Display name of the registration in Entra ID (1-256 characters).
   *
   * @default - `Private chat (<construct path>)`
   */
  readonly displayName?: string;
  /**
   * Object ids (GUIDs) of the registration's owners, who can manage it later; each at most once.
   *
   * @default - the principal that runs Terraform (the azuread provider's default)
   */
  readonly owners?: string[];
  /**
   * Days the generated client secret is valid (1-730). Terraform replaces the secret when this
   * changes; a sign-in with an expired secret fails, so plan a rotation before it lapses.
   *
   * @default 180
   */
  readonly secretLifetimeDays?: number;
  /**
   * Allow only users and groups assigned to the enterprise application to sign in.
   *
   * @default false - every user of the tenant can sign in
   */
  readonly assignmentRequired?: boolean;
}

/**
 * How users sign in to the chat app: App Service authentication with Entra ID, either with an
 * existing app registration or one the construct creates.
 *
 * @see https://learn.microsoft.com/azure/app-service/configure-authentication-provider-aad
 */
export class SignIn {
  /**
   * Uses an existing app registration, e.g. one the identity team manages.
   *
   * Its redirect URI must be `https://<web app name>.azurewebsites.net/.auth/login/aad/callback`.
   */
  public static withExistingRegistration(options: ExistingRegistrationOptions): SignIn {
    checkShape('SignIn.withExistingRegistration', options, EXISTING_REGISTRATION_SHAPE, 'options');
    return new SignIn(options, undefined);
  }

  /**
   * Creates the app registration, its service principal and a client secret through
   * hashicorp/azuread. Terraform's identity needs permission to create applications
   * (e.g. the `Application Developer` directory role).
   */
  public static createAppRegistration(options: AppRegistrationOptions = {}): SignIn {
    checkShape('SignIn.createAppRegistration', options, APP_REGISTRATION_SHAPE, 'options');
    return new SignIn(undefined, options);
  }

  /** @internal */
  public readonly _existing?: ExistingRegistrationOptions;
  /** @internal */
  public readonly _registration?: AppRegistrationOptions;

  private constructor(existing: ExistingRegistrationOptions | undefined, registration: AppRegistrationOptions | undefined) {
    this._existing = existing;
    this._registration = registration;
  }

  /** Whether this sign-in creates the app registration. */
  public get createsRegistration(): boolean {
    return this._registration !== undefined;
  }
}
