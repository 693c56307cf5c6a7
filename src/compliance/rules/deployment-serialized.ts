import { RuleDefinition, Violation } from '../private/rule-kit';
import { ComplianceRule } from '../rule';

const INFO: ComplianceRule = {
  id: 'PCHAT-DEP-003',
  title: 'Model deployments on one account are serialized',
  mapsTo: ['azurerm RequestConflict issues'],
  rationale: 'Azure rejects concurrent writes to one account with RequestConflict; deployments Terraform creates in parallel fail the apply at random.',
  fix: 'Make each deployment on an account depend on the previous one (dependsOn: [previous]), so Terraform creates them one after another.',
  resourceTypes: ['azurerm_cognitive_deployment'],
};

/** Every two deployments on the same account are ordered by Terraform's dependency graph. */
export const DEPLOYMENT_SERIALIZED: RuleDefinition = {
  info: INFO,
  check(model) {
    const out: Violation[] = [];
    const byAccount = new Map<string, typeof model.resources>();
    for (const d of model.ofType(...INFO.resourceTypes)) {
      const account = d.config.cognitive_account_id;
      if (typeof account !== 'string') continue;
      byAccount.set(account, [...(byAccount.get(account) ?? []), d]);
    }
    for (const deployments of byAccount.values()) {
      for (const [i, later] of deployments.entries()) {
        const parallel = deployments.slice(0, i).filter((earlier) => !model.dependsOn(later, earlier) && !model.dependsOn(earlier, later));
        if (parallel.length > 0) {
          out.push({
            resource: later,
            problem: `it and ${parallel.map((p) => `'${p.path}'`).join(', ')} deploy to the same account with no depends_on chain between them, so Terraform creates them in parallel`,
          });
        }
      }
    }
    return out;
  },
};
