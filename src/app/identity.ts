import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Construct } from 'constructs';
import { IChatIdentity } from '../core/identity';
import { AzureNameRule, Names } from '../core/names';
import { PrincipalType } from '../core/principal';
import { checkPlacement } from '../core/private/placement';
import { checkGuid, checkResourceId, checkShape, checkTags, is } from '../core/private/validate';
import { checkTwoIdsOfOneIdentity } from '../secrets/private/keys';

/** Attributes of an existing user-assigned identity, for {@link ChatIdentity.fromIdentityAttributes}. */
export interface ChatIdentityAttributes {
  /** Resource id (`/subscriptions/.../providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>`). */
  readonly identityId: string;
  /** Client id of the identity. */
  readonly clientId: string;
  /** Object (principal) id of the identity, for role assignments. */
  readonly principalId: string;
  /** Entra tenant id of the identity. */
  readonly tenantId: string;
}

/** Props of {@link ChatIdentity}. */
export interface ChatIdentityProps {
  /** Resource group of the identity. */
  readonly resourceGroupName: string;
  /** Azure region of the identity. */
  readonly location: string;
  /**
   * Name of the identity.
   *
   * @default - `id-<construct id>-<hash of the construct path>`
   */
  readonly name?: string;
  /**
   * Tags.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * One user-assigned managed identity for the chat app.
 *
 * User-assigned rather than system-assigned because it exists before the app does: its role
 * assignments can be created and propagated first, and App Service can resolve Key Vault
 * references with it on the app's very first start (a system-assigned identity cannot be
 * granted anything until the app exists, which makes the first start fail).
 *
 * @see https://learn.microsoft.com/azure/app-service/overview-managed-identity
 */
export class ChatIdentity extends Construct implements IChatIdentity {
  /**
   * Uses an identity created elsewhere (e.g. by a platform team); nothing is created.
   *
   * The identity may be in another subscription of the tenant: the app's `identity_ids`, its Key
   * Vault reference identity and every grant carry the whole id or the object id.
   */
  public static fromIdentityAttributes(scope: Construct, id: string, attrs: ChatIdentityAttributes): IChatIdentity {
    return new ImportedChatIdentity(scope, id, attrs);
  }

  public readonly identityId: string;
  public readonly clientId: string;
  public readonly principalId: string;
  public readonly tenantId: string;
  public readonly principalType: PrincipalType = PrincipalType.SERVICE_PRINCIPAL;
  /** Name of the identity. */
  public readonly identityName: string;
  /** The `azurerm_user_assigned_identity` (escape hatch). */
  public readonly resource: UserAssignedIdentity;

  constructor(scope: Construct, id: string, props: ChatIdentityProps) {
    super(scope, id);
    checkShape(this, props, {
      resourceGroupName: is.string(true),
      location: is.string(true),
      name: is.string(),
      tags: is.stringMap(),
    });
    checkTags(this, 'tags', props.tags);
    checkPlacement(this, props.resourceGroupName, props.location);
    AzureNameRule.USER_ASSIGNED_IDENTITY.validate(this, 'name', props.name);

    this.identityName = props.name ?? Names.local(this, AzureNameRule.USER_ASSIGNED_IDENTITY, 'id');
    this.resource = new UserAssignedIdentity(this, 'Resource', {
      name: this.identityName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags: props.tags,
    });
    this.identityId = this.resource.id;
    this.clientId = this.resource.clientId;
    this.principalId = this.resource.principalId;
    this.tenantId = this.resource.tenantId;
  }
}

class ImportedChatIdentity extends Construct implements IChatIdentity {
  /** Shown in error messages instead of this internal class name. */
  public static readonly errorKind = 'ChatIdentity.fromIdentityAttributes';

  public readonly identityId: string;
  public readonly clientId: string;
  public readonly principalId: string;
  public readonly tenantId: string;
  public readonly principalType: PrincipalType = PrincipalType.SERVICE_PRINCIPAL;

  constructor(scope: Construct, id: string, attrs: ChatIdentityAttributes) {
    super(scope, id);
    checkShape(this, attrs, {
      identityId: is.string(true),
      clientId: is.string(true),
      principalId: is.string(true),
      tenantId: is.string(true),
    });
    checkResourceId(this, 'identityId', attrs.identityId, 'Microsoft.ManagedIdentity/userAssignedIdentities');
    checkGuid(this, 'clientId', attrs.clientId);
    checkGuid(this, 'principalId', attrs.principalId);
    checkGuid(this, 'tenantId', attrs.tenantId);
    checkTwoIdsOfOneIdentity(this, 'clientId', attrs.clientId, 'principalId', attrs.principalId);
    this.identityId = attrs.identityId;
    this.clientId = attrs.clientId;
    this.principalId = attrs.principalId;
    this.tenantId = attrs.tenantId;
  }
}
