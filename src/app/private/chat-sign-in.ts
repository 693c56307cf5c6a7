import { AppRoleAssignment } from '@cdktf/provider-azuread/lib/app-role-assignment';
import { Application } from '@cdktf/provider-azuread/lib/application';
import { ApplicationPasswordA } from '@cdktf/provider-azuread/lib/application-password';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { AzureNameRule, Names, stableHash } from '../../core/names';
import { IPrincipal, PrincipalType } from '../../core/principal';
import { ensureProvider } from '../../core/private/providers';
import { PRINCIPAL_REF } from '../../core/private/references';
import { checkField, checkGuid, is, isUnresolved, propError, ruleError, warn } from '../../core/private/validate';
import { IPrivateKeyVault } from '../../secrets/key-vault';
import { VaultSecret } from '../../secrets/vault-secret';
import { SignIn } from '../sign-in';

/** Content type recorded on the vault secret, so operators know how to rotate it. */
export const SIGN_IN_SECRET_CONTENT_TYPE = 'entra-client-secret';

/** Default lifetime of a generated client secret. */
export const DEFAULT_SECRET_LIFETIME_DAYS = 180;

/** Warning id: the registration requires assignment and the stack assigns nobody. */
export const NO_SIGN_IN_ASSIGNMENTS = 'no-sign-in-assignments';

export interface ChatSignInProps {
  readonly signIn: SignIn;
  readonly vault?: IPrivateKeyVault;
  /** Host name of the web app, for the registration's redirect URI. */
  readonly redirectHost: string;
  /** Paths of the front end's own sign-in callbacks (Open WebUI's `/oauth/oidc/callback`), added as redirect URIs. */
  readonly frontEndRedirectPaths?: string[];
  /** Users and groups assigned the `User` role. */
  readonly signInPrincipals?: IPrincipal[];
  /** Groups assigned the `Admin` role. */
  readonly adminGroups?: IPrincipal[];
}

/**
 * A name-based UUID (RFC 4122 version 5 layout) for an app role of the registration at
 * `registrationPath`: the same on every synth and machine, different per registration and role.
 */
export function appRoleIdFor(registrationPath: string, roleValue: string): string {
  const hex = stableHash(`cdktf-private-chat/SignInAppRole/${registrationPath}/${roleValue}`, 32).split('');
  hex[12] = '5';
  hex[16] = (8 + (parseInt(hex[16], 16) % 4)).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const SIGN_IN_TYPES: readonly string[] = [PrincipalType.USER, PrincipalType.GROUP];

/**
 * Checks `signInPrincipals` and `adminGroups` (named as the user wrote them on `scope`): typed
 * principals, users or groups only (admins: groups only), each once per list, and, with an
 * existing registration, the ids the assignments need.
 */
export function checkSignInPrincipals(scope: Construct, signIn: SignIn, signInPrincipals: unknown, adminGroups: unknown): void {
  const lists: Array<[string, unknown, readonly string[], string]> = [
    ['signInPrincipals', signInPrincipals, SIGN_IN_TYPES,
      'must be a user or a group (Principal.fromUserObjectId or Principal.fromGroupObjectId): a service principal or managed identity cannot sign in to the chat'],
    ['adminGroups', adminGroups, [PrincipalType.GROUP],
      'must be a group (Principal.fromGroupObjectId): the front end\'s admins come from an Entra group, whose membership is reviewed in one place'],
  ];
  for (const [prop, value, types, why] of lists) {
    if (value === undefined) continue;
    checkField(scope, prop, value, is.arrayOf(PRINCIPAL_REF(true)));
    const principals = value as IPrincipal[];
    principals.forEach((p, i) => {
      if (!types.includes(p.principalType)) throw ruleError(scope, `'${prop}[${i}]' ${why}, got ${p.principalType} '${p.node.path}'`);
      checkGuid(scope, `${prop}[${i}].principalId`, p.principalId);
      const previous = principals.findIndex((q, j) => j < i && (q === p
        || (!isUnresolved(q.principalId) && q.principalId.toLowerCase() === String(p.principalId).toLowerCase())));
      if (previous >= 0) {
        throw propError(scope, `${prop}[${i}]`, `must not repeat a principal (same as '${prop}[${previous}]')`, p.principalId);
      }
    });
  }
  const existing = signIn._existing;
  if (!existing) return;
  checkGuid(scope, 'signIn.servicePrincipalObjectId', existing.servicePrincipalObjectId);
  checkGuid(scope, 'signIn.userAppRoleId', existing.userAppRoleId);
  checkGuid(scope, 'signIn.adminAppRoleId', existing.adminAppRoleId);
  const need: Array<[string, unknown, string | undefined, string]> = [
    ['signInPrincipals', signInPrincipals, existing.userAppRoleId, 'userAppRoleId'],
    ['adminGroups', adminGroups, existing.adminAppRoleId, 'adminAppRoleId'],
  ];
  for (const [prop, value, roleId, roleProp] of need) {
    if (!Array.isArray(value) || value.length === 0) continue;
    const missing = [existing.servicePrincipalObjectId === undefined ? "'signIn.servicePrincipalObjectId'" : undefined,
      roleId === undefined ? `'signIn.${roleProp}'` : undefined].filter((m) => m !== undefined);
    if (missing.length > 0) {
      throw ruleError(scope, `'${prop}' with an existing registration needs ${missing.join(' and ')} to assign them `
        + `(or leave the assignments to the tenant's administrators and pass no '${prop}'), got none`);
    }
  }
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
  /** Id of the `User` app role, when known (created, or given for an existing registration). */
  public readonly userRoleId?: string;
  /** Id of the `Admin` app role, when known. */
  public readonly adminRoleId?: string;
  /** One app role assignment per principal and role, in the order given. */
  public readonly assignments: AppRoleAssignment[] = [];

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
      this.userRoleId = existing.userAppRoleId;
      this.adminRoleId = existing.adminAppRoleId;
      if (existing.servicePrincipalObjectId !== undefined && [...props.signInPrincipals ?? [], ...props.adminGroups ?? []].length > 0) {
        ensureProvider(this, 'azuread', 'azuread', (stack, providerId) => new AzureadProvider(stack, providerId, {}));
        this.assign(existing.servicePrincipalObjectId, props);
      }
      return;
    }

    const options = props.signIn._registration ?? {};
    ensureProvider(this, 'azuread', 'azuread', (stack, providerId) => new AzureadProvider(stack, providerId, {}));
    this.userRoleId = appRoleIdFor(this.node.path, SignIn.USER_ROLE_VALUE);
    this.adminRoleId = appRoleIdFor(this.node.path, SignIn.ADMIN_ROLE_VALUE);
    this.application = new Application(this, 'Application', {
      displayName: options.displayName ?? `Private chat (${scope.node.path})`,
      signInAudience: 'AzureADMyOrg',
      owners: options.owners,
      web: {
        redirectUris: [
          `https://${props.redirectHost}/.auth/login/aad/callback`,
          ...(props.frontEndRedirectPaths ?? []).map((path) => `https://${props.redirectHost}${path}`),
        ],
        implicitGrant: { idTokenIssuanceEnabled: true, accessTokenIssuanceEnabled: false },
      },
      // Users and groups only: the roles decide who signs in and who administers the front end;
      // the values reach the front end in the ID token's `roles` claim.
      appRole: [
        {
          id: this.userRoleId,
          value: SignIn.USER_ROLE_VALUE,
          displayName: 'Chat user',
          description: 'Signs in to the private chat.',
          allowedMemberTypes: ['User'],
          enabled: true,
        },
        {
          id: this.adminRoleId,
          value: SignIn.ADMIN_ROLE_VALUE,
          displayName: 'Chat administrator',
          description: 'Signs in to the private chat and administers its front end (users, models, settings).',
          allowedMemberTypes: ['User'],
          enabled: true,
        },
      ],
    });
    const assignmentRequired = options.assignmentRequired ?? true;
    this.servicePrincipal = new ServicePrincipal(this, 'ServicePrincipal', {
      clientId: this.application.clientId,
      appRoleAssignmentRequired: assignmentRequired,
      owners: options.owners,
    });
    this.assign(this.servicePrincipal.objectId, props);
    if (assignmentRequired && this.assignments.length === 0) {
      warn(scope as Construct, NO_SIGN_IN_ASSIGNMENTS, 'nobody can sign in until a user or group is assigned: the sign-in registration requires '
        + "assignment, and 'signInPrincipals' and 'adminGroups' are empty. Pass them (Principal.fromGroupObjectId(...)), or after the "
        + 'apply assign a group in the portal (Enterprise applications > the registration > Users and groups, role \'Chat user\') or with the '
        + 'Azure CLI: az rest --method POST --uri https://graph.microsoft.com/v1.0/servicePrincipals/<service principal object id>/appRoleAssignedTo '
        + `--body '{"principalId":"<group object id>","resourceId":"<service principal object id>","appRoleId":"${this.userRoleId}"}'`);
    }
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

  /**
   * Assigns each sign-in principal the `User` role and each admin group the `Admin` role on the
   * service principal `resourceObjectId`. The construct id names the role and hashes the
   * principal's path and object id, so reordering the lists changes no address.
   */
  private assign(resourceObjectId: string, props: AssignOptions): void {
    const roles: Array<[string, string | undefined, IPrincipal[]]> = [
      [SignIn.USER_ROLE_VALUE, this.userRoleId, props.signInPrincipals ?? []],
      [SignIn.ADMIN_ROLE_VALUE, this.adminRoleId, props.adminGroups ?? []],
    ];
    for (const [role, roleId, principals] of roles) {
      if (roleId === undefined) continue;
      for (const principal of principals) {
        // The path, and the object id when known: two principals of one path in different stacks stay apart.
        const key = isUnresolved(principal.principalId) ? principal.node.path : `${principal.node.path}|${principal.principalId.toLowerCase()}`;
        this.assignments.push(new AppRoleAssignment(this, `${role}-${stableHash(key, 8)}`, {
          appRoleId: roleId,
          principalObjectId: principal.principalId,
          resourceObjectId,
        }));
      }
    }
  }
}

export interface AssignOptions {
  readonly signInPrincipals?: IPrincipal[];
  readonly adminGroups?: IPrincipal[];
}

function keyVaultReference(versionlessSecretId: string): string {
  return `@Microsoft.KeyVault(SecretUri=${versionlessSecretId})`;
}
