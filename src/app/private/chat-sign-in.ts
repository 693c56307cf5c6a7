import { Application } from '@cdktf/provider-azuread/lib/application';
import { ApplicationPasswordA } from '@cdktf/provider-azuread/lib/application-password';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { AzureNameRule, Names } from '../../core/names';
import { ensureProvider } from '../../core/private/providers';
import { IPrivateKeyVault } from '../../secrets/key-vault';
import { VaultSecret } from '../../secrets/vault-secret';
import { SignIn } from '../sign-in';

/** Content type recorded on the vault secret, so operators know how to rotate it. */
export const SIGN_IN_SECRET_CONTENT_TYPE = 'entra-client-secret';

/** Default lifetime of a generated client secret. */
export const DEFAULT_SECRET_LIFETIME_DAYS = 180;

export interface ChatSignInProps {
  readonly signIn: SignIn;
  readonly vault?: IPrivateKeyVault;
  /** Host name of the web app, for the registration's redirect URI. */
  readonly redirectHost: string;
}

/**
 * The Entra side of the app's sign-in: resolves the client id and the Key Vault reference of
 * the client secret, creating the registration and the secret when asked.
 *
 * Props were validated by the web app; this only builds.
 */
export class ChatSignIn extends Construct {
  public readonly clientId: string;
  /** `@Microsoft.KeyVault(SecretUri=<versionless id>)` of the client secret. */
  public readonly secretReference: string;
  public readonly application?: Application;
  public readonly servicePrincipal?: ServicePrincipal;
  public readonly password?: ApplicationPasswordA;
  public readonly secret?: VaultSecret;

  constructor(scope: Construct, id: string, props: ChatSignInProps) {
    super(scope, id);
    const existing = props.signIn._existing;
    const secretName = Names.local(scope, AzureNameRule.KEY_VAULT_SECRET, 'signin');
    const secretId = `SignInSecret-${Names.hashOf(this, 8)}`;

    if (existing) {
      this.clientId = existing.clientId;
      if (existing.clientSecretKeyVaultSecretId !== undefined) {
        this.secretReference = keyVaultReference(existing.clientSecretKeyVaultSecretId);
      } else {
        this.secret = props.vault!.addSecret(secretId, {
          name: secretName,
          value: existing.clientSecret!,
          contentType: SIGN_IN_SECRET_CONTENT_TYPE,
          expirationDate: existing.clientSecretExpirationDate,
        });
        this.secretReference = this.secret.keyVaultReference;
      }
      return;
    }

    const options = props.signIn._registration ?? {};
    ensureProvider(this, 'azuread', 'azuread', (stack, providerId) => new AzureadProvider(stack, providerId, {}));
    this.application = new Application(this, 'Application', {
      displayName: options.displayName ?? `Private chat (${scope.node.path})`,
      signInAudience: 'AzureADMyOrg',
      owners: options.owners,
      web: {
        redirectUris: [`https://${props.redirectHost}/.auth/login/aad/callback`],
        implicitGrant: { idTokenIssuanceEnabled: true, accessTokenIssuanceEnabled: false },
      },
    });
    this.servicePrincipal = new ServicePrincipal(this, 'ServicePrincipal', {
      clientId: this.application.clientId,
      appRoleAssignmentRequired: options.assignmentRequired ?? false,
      owners: options.owners,
    });
    // `end_date_relative` is deprecated in azuread 3.x. The end date is computed by Terraform when
    // the password is created (`timeadd(timestamp(), …)`) and then frozen by `ignore_changes`, so
    // the synthesized JSON is the same on every synth and the date does not move on later plans.
    // `rotate_when_changed` carries the lifetime, so a new `secretLifetimeDays` still replaces the
    // password (with a fresh end date), as `end_date_relative` used to.
    const lifetimeDays = options.secretLifetimeDays ?? DEFAULT_SECRET_LIFETIME_DAYS;
    this.password = new ApplicationPasswordA(this, 'Password', {
      applicationId: this.application.id,
      displayName: 'App Service authentication',
      endDate: Fn.timeadd(Fn.timestamp(), `${lifetimeDays * 24}h`),
      rotateWhenChanged: { secret_lifetime_days: String(lifetimeDays) },
      lifecycle: { ignoreChanges: ['end_date'] },
    });
    this.secret = props.vault!.addSecret(secretId, {
      name: secretName,
      value: this.password.value,
      contentType: SIGN_IN_SECRET_CONTENT_TYPE,
      // The vault secret expires with the password it holds.
      expirationDate: this.password.endDate,
    });
    this.clientId = this.application.clientId;
    this.secretReference = this.secret.keyVaultReference;
  }
}

function keyVaultReference(versionlessSecretId: string): string {
  return `@Microsoft.KeyVault(SecretUri=${versionlessSecretId})`;
}
