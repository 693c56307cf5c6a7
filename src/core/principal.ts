import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Fn, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { stableHash } from './names';
import { checkField, checkGuid, checkNotBlank, checkOneOf, checkShape, is } from './private/validate';

/** The kind of Entra ID object a role is granted to. */
export enum PrincipalType {
  /** A service principal or managed identity. */
  SERVICE_PRINCIPAL = 'ServicePrincipal',
  /** A user. */
  USER = 'User',
  /** A security group. */
  GROUP = 'Group',
}

/**
 * Something that can be granted an Azure role: a managed identity, a service principal, a user or a group.
 *
 * It is a construct so that the role assignments made for it get construct ids derived from its
 * path, which stay stable when unrelated code changes.
 */
export interface IPrincipal extends IConstruct {
  /** Object id of the principal in Entra ID. */
  readonly principalId: string;
  /** Kind of principal; role assignments state it so Azure skips a directory lookup that races with replication. */
  readonly principalType: PrincipalType;
}

/**
 * An existing principal, by its Entra object id: an operators' group, a pipeline's service principal.
 */
export class Principal extends Construct implements IPrincipal {
  /** A security group, e.g. the operators who may read logs or call the model directly. */
  public static fromGroupObjectId(scope: Construct, id: string, objectId: string): IPrincipal {
    checkField('Principal.fromGroupObjectId', 'objectId', objectId, is.string(true));
    return new Principal(scope, id, objectId, PrincipalType.GROUP);
  }

  /** A service principal or a managed identity created elsewhere. */
  public static fromServicePrincipalObjectId(scope: Construct, id: string, objectId: string): IPrincipal {
    checkField('Principal.fromServicePrincipalObjectId', 'objectId', objectId, is.string(true));
    return new Principal(scope, id, objectId, PrincipalType.SERVICE_PRINCIPAL);
  }

  /** A single user. Prefer groups for anything long-lived. */
  public static fromUserObjectId(scope: Construct, id: string, objectId: string): IPrincipal {
    checkField('Principal.fromUserObjectId', 'objectId', objectId, is.string(true));
    return new Principal(scope, id, objectId, PrincipalType.USER);
  }

  public readonly principalId: string;
  public readonly principalType: PrincipalType;

  private constructor(scope: Construct, id: string, objectId: string, type: PrincipalType) {
    super(scope, id);
    checkGuid(this, 'objectId', objectId);
    this.principalId = objectId;
    this.principalType = type;
  }
}

/** What a grant needs: where, which role, to whom. */
export interface RoleGrantOptions {
  /** Azure resource id the role is scoped to. */
  readonly scopeId: string;
  /** Built-in role name, e.g. `Cognitive Services OpenAI User`. */
  readonly roleDefinitionName: string;
  /** Who receives the role. */
  readonly principal: IPrincipal;
  /**
   * Shown in the portal next to the assignment.
   *
   * @default - names the role and the construct that made the grant
   */
  readonly description?: string;
}

/**
 * Creates one role assignment under `owner`, with a construct id derived from the role and the
 * principal's path so that granting the same role to the same principal twice is an error,
 * and reordering grants never changes an address.
 *
 * With `roleDefinitionGuid`, the assignment names the built-in role by its id (scoped to the
 * subscription of `scopeId`) rather than by `roleDefinitionName`, which then only labels the
 * assignment: for roles Microsoft is renaming (e.g. `Azure AI User`, shown as `Foundry User` in
 * some tenants), where a lookup by name can fail.
 */
export function grantRole(owner: Construct, options: RoleGrantOptions, roleDefinitionGuid?: string): RoleAssignment {
  checkShape(owner, options, {
    scopeId: is.string(true),
    roleDefinitionName: is.string(true),
    principal: is.reference(['node', 'principalId', 'principalType'], 'an IPrincipal (a ChatIdentity, or Principal.fromGroupObjectId(...))', true),
    description: is.string(),
  });
  checkNotBlank(owner, 'scopeId', options.scopeId);
  checkNotBlank(owner, 'roleDefinitionName', options.roleDefinitionName);
  checkOneOf(owner, 'principal.principalType', options.principal.principalType, Object.values(PrincipalType));
  const roleKey = options.roleDefinitionName.replace(/[^A-Za-z0-9]/g, '');
  const id = `${roleKey}-${stableHash(options.principal.node.path, 8)}`;
  const existing = owner.node.tryFindChild(id);
  if (existing) return existing as RoleAssignment;
  return new RoleAssignment(owner, id, {
    scope: options.scopeId,
    ...(roleDefinitionGuid === undefined
      ? { roleDefinitionName: options.roleDefinitionName }
      : { roleDefinitionId: roleDefinitionIdIn(options.scopeId, roleDefinitionGuid) }),
    principalId: options.principal.principalId,
    principalType: options.principal.principalType,
    description: options.description ?? `${options.roleDefinitionName} granted by ${owner.node.path}`,
  });
}

/** `/subscriptions/<subscription of scopeId>/providers/Microsoft.Authorization/roleDefinitions/<guid>`. */
function roleDefinitionIdIn(scopeId: string, guid: string): string {
  const subscription = Token.isUnresolved(scopeId) ? Fn.element(Fn.split('/', scopeId), 2) : scopeId.split('/')[2];
  return `/subscriptions/${subscription}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
}
