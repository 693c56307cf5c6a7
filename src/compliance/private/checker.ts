import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ComplianceAcknowledgement, ComplianceFinding, ComplianceReport } from '../rule';
import { ALL_RULES } from '../rules';
import { ResourceView, StackModel } from './model';
import { acknowledgementsOn } from '../../core/private/acknowledgements';


/**
 * Runs every rule on a stack and sorts the violations into failures and acknowledged findings.
 *
 * `include` limits which resources may be reported (the ones the aspect visited); every
 * resource of the stack still counts as context, so an endpoint outside the checked subtree
 * still proves the vault inside it private.
 */
export function runChecks(stack: TerraformStack, include: (r: ResourceView) => boolean): ComplianceReport {
  const model = new StackModel(stack);
  const failures: ComplianceFinding[] = [];
  const acknowledged: ComplianceFinding[] = [];
  const used = new Set<string>();

  for (const rule of ALL_RULES) {
    for (const v of rule.check(model)) {
      if (!include(v.resource)) continue;
      const message = `${v.resource.construct.constructor.name} '${v.resource.path}' (${v.resource.address}) breaks ${rule.info.id} `
        + `(${rule.info.title}): ${v.problem}. Fix: ${rule.info.fix}`;
      const base = {
        ruleId: rule.info.id, constructPath: v.resource.path, address: v.resource.address, problem: v.problem, fix: rule.info.fix, message,
      };
      const ack = findAcknowledgement(v.resource.construct, rule.info.id);
      if (ack) {
        used.add(`${ack.at}\u0000${rule.info.id}`);
        acknowledged.push({ ...base, acknowledgedReason: ack.reason, acknowledgedAt: ack.at });
      } else {
        failures.push({
          ...base,
          message: `${message} If the deviation is deliberate, call Compliance.acknowledge(<construct>, '${rule.info.id}', '<reason>') on the resource or a parent.`,
        });
      }
    }
  }

  const unusedAcknowledgements: ComplianceAcknowledgement[] = [];
  for (const node of stack.node.findAll()) {
    for (const ack of acknowledgementsOn(node)) {
      if (!used.has(`${node.node.path}\u0000${ack.ruleId}`)) {
        unusedAcknowledgements.push({ ruleId: ack.ruleId, reason: ack.reason, constructPath: node.node.path });
      }
    }
  }

  const checked = model.resources.filter(include).length;
  const summary = summarize(stack.node.path, checked, failures, acknowledged, unusedAcknowledgements, model.unresolvable);
  return {
    stackPath: stack.node.path,
    checkedResources: checked,
    rulesChecked: ALL_RULES.length,
    failures,
    acknowledged,
    unusedAcknowledgements,
    unresolvedResources: [...model.unresolvable],
    summary,
  };
}

/** The nearest acknowledgement of `ruleId` on the construct or an ancestor. */
function findAcknowledgement(c: IConstruct, ruleId: string): { reason: string; at: string } | undefined {
  for (const scope of [...c.node.scopes].reverse()) {
    const ack = acknowledgementsOn(scope).find((a) => a.ruleId === ruleId);
    if (ack) return { reason: ack.reason, at: scope.node.path };
  }
  return undefined;
}

function summarize(
  stackPath: string, checked: number, failures: ComplianceFinding[], acknowledged: ComplianceFinding[],
  unused: ComplianceAcknowledgement[], unresolved: string[],
): string {
  const lines = [
    `Compliance '${stackPath}': ${checked} resources checked against ${ALL_RULES.length} rules; `
      + `${failures.length} failing, ${acknowledged.length} acknowledged.`,
  ];
  for (const a of acknowledged) {
    lines.push(`  acknowledged ${a.ruleId} on '${a.constructPath}' (at '${a.acknowledgedAt}'): ${a.acknowledgedReason}`);
  }
  for (const u of unused) {
    lines.push(`  unused acknowledgement ${u.ruleId} on '${u.constructPath}': it matches no finding and can be removed`);
  }
  for (const path of unresolved) {
    lines.push(`  not checked: '${path}' could not be resolved`);
  }
  return lines.join('\n');
}
