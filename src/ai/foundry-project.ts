import { CognitiveAccountProject } from '@cdktf/provider-azurerm/lib/cognitive-account-project';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { AZURE_AI_PROJECT_MANAGER_ROLE, AZURE_AI_USER_ROLE, grantModelRole } from './private/model-account';
import { FOUNDRY_PROJECT_OPTIONS_SHAPE } from './private/project-shapes';
import { DEPENDABLE_REF } from './private/shapes';
import { AzureNameRule, Names } from '../core/names';
import { IPrincipal } from '../core/principal';
import { PRINCIPAL_REF } from '../core/private/references';
import { checkLocation } from '../core/private/regions';
import { checkField, checkNotBlank, checkResourceId, checkShape, checkTags, checkTrimmed, is } from '../core/private/validate';


/** A Foundry project on an {@link AiAccount}: for {@link AiAccount.addProject}. */
export interface FoundryProjectOptions {
  /**
   * Name of the project: part of its endpoint, `https://<subdomain>.services.ai.azure.com/api/projects/<name>`.
   * Changing it replaces the project.
   *
   * @default - `proj-<construct id>-<hash of the construct path>`
   */
  readonly name?: string;
  /**
   * Name shown in the Foundry portal. Once set, clearing it replaces the project (Azure cannot
   * set it back to empty).
   *
   * @default - none
   */
  readonly displayName?: string;
  /**
   * Description shown in the Foundry portal. Once set, clearing it replaces the project.
   *
   * @default - none
   */
  readonly description?: string;
  /**
   * Tags.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** Props of {@link FoundryProject}. */
export interface FoundryProjectProps extends FoundryProjectOptions {
  /**
   * Resource id of the Foundry account (kind `AIServices` with project management on, a custom
   * subdomain and a managed identity; {@link AiAccount} has all of them).
   */
  readonly cognitiveAccountId: string;
  /** Region of the account: a project lives in its account's region. */
  readonly location: string;
  /**
   * Resources that must be created first: the account's previous deployment or project, since
   * Azure rejects concurrent writes to one account.
   *
   * @default - none
   */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * A Microsoft Foundry project (`azurerm_cognitive_account_project`): a workspace for agents,
 * evaluations and files inside a Foundry account, with its own system-assigned identity and
 * its own access control. The account's private endpoint, network rules and model
 * deployments serve it; the project adds no network path.
 *
 * Prefer {@link AiAccount.addProject}, which serializes the project with the account's
 * deployments.
 *
 * azurerm 4.55 has no resource for project connections or capability hosts yet, so agents that
 * need your own storage, search or Cosmos DB are configured outside this library.
 *
 * @see https://learn.microsoft.com/azure/foundry/how-to/create-projects
 */
export class FoundryProject extends Construct {
  /** Resource id of the project. */
  public readonly projectId: string;
  /** Name of the project. */
  public readonly projectName: string;
  /** Object id of the project's system-assigned identity. */
  public readonly principalId: string;
  /** The `azurerm_cognitive_account_project` (escape hatch). */
  public readonly resource: CognitiveAccountProject;

  constructor(scope: Construct, id: string, props: FoundryProjectProps) {
    super(scope, id);
    checkShape(this, props, {
      ...FOUNDRY_PROJECT_OPTIONS_SHAPE,
      cognitiveAccountId: is.string(true),
      location: is.string(true),
      dependsOn: is.arrayOf(DEPENDABLE_REF()),
    });
    checkResourceId(this, 'cognitiveAccountId', props.cognitiveAccountId, 'Microsoft.CognitiveServices/accounts');
    checkLocation(this, 'location', props.location);
    AzureNameRule.FOUNDRY_PROJECT.validate(this, 'name', props.name);
    for (const prop of ['displayName', 'description'] as const) {
      checkNotBlank(this, prop, props[prop]);
      checkTrimmed(this, prop, props[prop]);
    }
    checkTags(this, 'tags', props.tags);

    this.projectName = props.name ?? Names.local(this, AzureNameRule.FOUNDRY_PROJECT, 'proj');
    this.resource = new CognitiveAccountProject(this, 'Resource', {
      name: this.projectName,
      cognitiveAccountId: props.cognitiveAccountId,
      location: props.location,
      displayName: props.displayName,
      description: props.description,
      identity: { type: 'SystemAssigned' },
      dependsOn: props.dependsOn,
      tags: props.tags,
    });
    this.projectId = this.resource.id;
    this.principalId = this.resource.identity.principalId;
  }

  /**
   * Lets `principal` work in the project: build and run agents, evaluations and files, and call
   * the account's models (role `Azure AI User` on the project, assigned by role id).
   */
  public grantUse(principal: IPrincipal): RoleAssignment {
    checkField(this, 'grantUse.principal', principal, PRINCIPAL_REF(true));
    return grantModelRole(this, this.projectId, AZURE_AI_USER_ROLE, principal);
  }

  /**
   * Lets `principal` manage the project: everything {@link grantUse} allows, plus assigning
   * `Azure AI User` to others in the project (role `Azure AI Project Manager` on the project).
   */
  public grantManage(principal: IPrincipal): RoleAssignment {
    checkField(this, 'grantManage.principal', principal, PRINCIPAL_REF(true));
    return grantModelRole(this, this.projectId, AZURE_AI_PROJECT_MANAGER_ROLE, principal);
  }
}
