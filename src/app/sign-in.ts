import { APP_REGISTRATION_SHAPE, EXISTING_REGISTRATION_SHAPE } from './private/checks';
import { checkShape, is, Shape } from '../core/private/validate';

/** Fields of `ExistingRegistrationOptions`, with the ids that let the construct assign principals. */
const EXISTING_SHAPE: Shape = {
  ...EXISTING_REGISTRATION_SHAPE,
  servicePrincipalObjectId: is.string(),
  userAppRoleId: is.string(),
  adminAppRoleId: is.string(),
};

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
  /**
   * Object id of the registration's service principal (its enterprise application). With
   * `userAppRoleId` (and `adminAppRoleId` for admins), the construct assigns `signInPrincipals`
   * and `adminGroups` to it (`azuread_app_role_assignment`); without it, it assigns nobody and the
   * tenant's administrators do (docs/front-ends.md, "Who gets in, and who administers").
   *
   * @default - no assignments are created; principals given to the web app are an error
   */
  readonly servicePrincipalObjectId?: string;
  /**
   * Id (GUID) of the registration's app role whose value is `User` ({@link SignIn.USER_ROLE_VALUE}).
   *
   * @default - none; needed with `servicePrincipalObjectId` to assign `signInPrincipals`
   */
  readonly userAppRoleId?: string;
  /**
   * Id (GUID) of the registration's app role whose value is `Admin` ({@link SignIn.ADMIN_ROLE_VALUE}).
   *
   * @default - none; needed with `servicePrincipalObjectId` to assign `adminGroups`
   */
  readonly adminAppRoleId?: string;
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
   * Allow only users and groups assigned to the enterprise application to sign in
   * (`app_role_assignment_required` on its service principal). Entra ID then refuses the token to
   * anyone else, before App Service or the front end sees a request.
   *
   * `false` lets every user of the tenant sign in and fails compliance rule PCHAT-ID-001 unless
   * acknowledged.
   *
   * @default true - only the web app's `signInPrincipals` and `adminGroups` (or principals the
   * tenant's administrators assign) can sign in
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
  /** Value of the app role that lets a user or group sign in as an ordinary user (the `roles` claim). */
  public static readonly USER_ROLE_VALUE = 'User';
  /** Value of the app role that lets a group sign in and administer the front end (the `roles` claim). */
  public static readonly ADMIN_ROLE_VALUE = 'Admin';

  /**
   * Uses an existing app registration, e.g. one the identity team manages.
   *
   * What the registration needs (the tenant's administrators set it up):
   * - the redirect URI `https://<web app name>.azurewebsites.net/.auth/login/aad/callback`, and for
   *   Open WebUI also `https://<web app name>.azurewebsites.net/oauth/oidc/callback`;
   * - app roles with the values `User` and `Admin` ({@link SignIn.USER_ROLE_VALUE},
   *   {@link SignIn.ADMIN_ROLE_VALUE}), allowed for users and groups; Open WebUI takes its roles
   *   from them;
   * - assignment required on its service principal, and the users, groups and admin groups
   *   assigned to those roles. The construct makes the assignments only when given
   *   `servicePrincipalObjectId` and the role ids.
   */
  public static withExistingRegistration(options: ExistingRegistrationOptions): SignIn {
    checkShape('SignIn.withExistingRegistration', options, EXISTING_SHAPE, 'options');
    return new SignIn(options, undefined);
  }

  /**
   * Creates the app registration, its service principal and a client secret through
   * hashicorp/azuread. Terraform's identity needs permission to create applications
   * (e.g. the `Application Developer` directory role).
   *
   * The registration defines the app roles `User` and `Admin` (ids derived from the construct
   * path, the same on every synth); its service principal requires assignment, and the web app's
   * `signInPrincipals` and `adminGroups` are assigned to those roles. Assigning principals needs
   * permission to manage app role assignments (e.g. the `Cloud Application Administrator`
   * directory role, or the Microsoft Graph permission `AppRoleAssignment.ReadWrite.All`).
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
