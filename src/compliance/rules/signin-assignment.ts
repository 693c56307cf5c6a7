import { asArray, blocks, ResourceView } from '../private/model';
import { expectBool, RuleDefinition, show, Violation } from '../private/rule-kit';
import { ComplianceRule } from '../rule';

const INFO: ComplianceRule = {
  id: 'PCHAT-ID-001',
  title: 'Sign-in: the web app\'s service principal requires assignment',
  mapsTo: ['SECURITY-BASELINE: Identity and data'],
  rationale: 'Without app_role_assignment_required every user of the tenant gets a token for the app and reaches the chat; '
    + 'with it, Entra ID issues tokens only to the users and groups assigned to the enterprise application.',
  fix: 'Set app_role_assignment_required = true on the azuread_service_principal of the application the web app signs users in with '
    + "(SignIn.createAppRegistration() does by default), and assign the users and groups who may sign in ('signInPrincipals', 'adminGroups').",
  // Web apps are listed so that a sign-in application without a service principal is found too.
  resourceTypes: ['azuread_service_principal', 'azurerm_linux_web_app'],
};

/**
 * The applications in this stack that a web app signs users in with: those whose `client_id`
 * its `auth_settings_v2.active_directory_v2.client_id` references. A literal client id is an
 * existing registration, which the tenant's administrators configure: nothing to check here.
 */
function signInApplications(model: { ofType(...types: string[]): ResourceView[] }, app: ResourceView): ResourceView[] {
  const clientIds = blocks(app.config.auth_settings_v2)
    .flatMap((a) => blocks(a.active_directory_v2))
    .map((ad) => ad.client_id);
  return model.ofType('azuread_application').filter((application) => clientIds.some((id) => typeof id === 'string'
    && id.includes(`\${${application.address}.client_id}`)));
}

/** Every service principal of a sign-in application must require assignment. */
export const SIGNIN_ASSIGNMENT: RuleDefinition = {
  info: INFO,
  check(model) {
    const out: Violation[] = [];
    const seen = new Set<string>();
    for (const app of model.ofType('azurerm_linux_web_app')) {
      for (const application of signInApplications(model, app)) {
        const principals = model.ofType('azuread_service_principal').filter((sp) => asArray(sp.config.client_id)
          .some((id) => typeof id === 'string' && id.includes(`\${${application.address}.client_id}`)));
        if (principals.length === 0) {
          out.push({
            resource: app,
            problem: `it signs users in with '${application.path}', but no azuread_service_principal in the stack is that application's `
              + `(expected client_id = ${show(`\${${application.address}.client_id}`)} and app_role_assignment_required = true)`,
          });
          continue;
        }
        for (const sp of principals) {
          if (seen.has(sp.address)) continue;
          seen.add(sp.address);
          const problem = expectBool(sp.config, 'app_role_assignment_required', true);
          if (problem) out.push({ resource: sp, problem: `${problem} (the service principal of '${application.path}', which '${app.path}' signs users in with)` });
        }
      }
    }
    return out;
  },
};
