import { APPLY_PATHS, ApplyPath, dataPlaneOperationsOf } from '../private/apply-paths';
import { RuleDefinition, Violation } from '../private/rule-kit';
import { ComplianceRule } from '../rule';

const INFO: ComplianceRule = {
  // The same id as APPLY_CONTROL_PLANE_RULE_ID, which constructs use to acknowledge it.
  id: 'PCHAT-APPLY-001',
  title: 'The apply needs only Azure Resource Manager (and Microsoft Graph)',
  mapsTo: ['ARCHITECTURE: one apply from outside the network'],
  rationale: 'The applying machine (a laptop, a hosted CI runner) reaches only Azure Resource Manager and Microsoft Graph; a data-plane '
    + 'operation needs a network path into the VNet (every data plane here is private), so the first apply from outside fails with 403 or a timeout.',
  fix: 'Use the control-plane form (azapi_resource on the ARM type, storage_account_id instead of storage_account_name), run the step inside '
    + 'the network (e.g. PostgresHistoryStore retentionJobRunner APP_STARTUP), or, when the applying machine does have a path, '
    + "acknowledge PCHAT-APPLY-001 on the resource with the reason (docs/deploy.md, 'What an apply touches').",
  // Every type that is, or can be, a data-plane operation; provisioners are checked on every resource.
  resourceTypes: APPLY_PATHS.filter((e) => (e.path === ApplyPath.DATA_PLANE || e.dataPlaneWhenSet !== undefined)
    && !e.subject.startsWith('provisioner.') && !e.subject.startsWith('data.')).map((e) => e.subject),
};

/** Every resource whose type, arguments or provisioners need a data-plane path from the applying machine. */
export const APPLY_CONTROL_PLANE: RuleDefinition = {
  info: INFO,
  check(model) {
    const out: Violation[] = [];
    for (const resource of model.resources) {
      const found = dataPlaneOperationsOf(resource.type, resource.config ?? {});
      if (found.length === 0) continue;
      out.push({
        resource,
        problem: found.map((op) => `${op.what} needs ${op.entry.endpoint ?? 'a data-plane endpoint'} from the applying machine`).join('; '),
      });
    }
    return out;
  },
};
