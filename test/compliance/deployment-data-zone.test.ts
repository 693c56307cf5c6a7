// PCHAT-DEP-004 (issue 22): every model deployment processes prompts in its account's data zone
// or region, unless the deployment's allowGlobalProcessing opt-in acknowledges it.
import { TerraformStack, TerraformVariable } from 'cdktf';
import { synthError } from './fixture';
import { DeploymentSku, ModelDeployment, ModelDeploymentProps } from '../../src/ai';
import { Compliance, ComplianceFinding } from '../../src/compliance';
import { newStack } from '../util';

const ACCOUNT_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/ai-chat';

function deployment(props: Partial<ModelDeploymentProps> = {}): ModelDeployment {
  return new ModelDeployment(newStack(), 'Deployment', { cognitiveAccountId: ACCOUNT_ID, modelName: 'gpt-5.4', modelVersion: '2026-03-05', ...props });
}

const findings = (stack: TerraformStack): ComplianceFinding[] => Compliance.report(stack).failures.filter((f) => f.ruleId === 'PCHAT-DEP-004');

describe('PCHAT-DEP-004 data-zone processing', () => {
  test('is in the pack, on model deployments, mapped to the baseline\'s data-zone row', () => {
    const rule = Compliance.rules().find((r) => r.id === 'PCHAT-DEP-004')!;
    expect(rule.resourceTypes).toEqual(['azurerm_cognitive_deployment']);
    expect(rule.mapsTo).toEqual(['SECURITY-BASELINE Identity and data: data-zone processing', 'GDPR and data-residency reviews']);
    expect(rule.fix).toContain('allowGlobalProcessing: true');
  });

  test.each([DeploymentSku.DATA_ZONE_STANDARD, DeploymentSku.STANDARD, DeploymentSku.DATA_ZONE_PROVISIONED_MANAGED, DeploymentSku.PROVISIONED_MANAGED,
    DeploymentSku.DATA_ZONE_BATCH])('passes on %p', (sku) => {
    const d = deployment({ sku, ...sku === DeploymentSku.STANDARD ? { modelName: 'gpt-5.1', modelVersion: '2025-11-13' } : {} });
    expect(findings(TerraformStack.of(d))).toEqual([]);
  });

  test.each(['GlobalStandard', 'GlobalProvisionedManaged', 'GlobalBatch', 'DeveloperTier', 'globalstandard'])('fails when sku.name is %s', (name) => {
    const d = deployment();
    d.resource.putSku({ name, capacity: 10 });
    const found = findings(TerraformStack.of(d));
    expect(found.map((f) => [f.constructPath, f.problem])).toEqual([[
      'test/Deployment/Resource', `'sku.name' must not be a Global deployment type (prompts may be processed in any Azure region), got '${name}'`,
    ]]);
  });

  test('fails when sku.name is an expression that cannot be proven at synth', () => {
    const d = deployment();
    const sku = new TerraformVariable(TerraformStack.of(d), 'sku', { type: 'string' });
    d.resource.putSku({ name: sku.stringValue, capacity: 10 });
    expect(findings(TerraformStack.of(d)).map((f) => f.problem)).toEqual([
      "'sku.name' must be a deployment type that processes in the data zone or region, got '${var.sku}', a Terraform expression that cannot be proven at synth",
    ]);
  });

  test('a Global deployment fails synth unless allowGlobalProcessing acknowledges it', () => {
    const d = deployment();
    d.resource.putSku({ name: 'GlobalStandard', capacity: 10 });
    Compliance.applyTo(TerraformStack.of(d));
    expect(synthError(TerraformStack.of(d))).toContain('PCHAT-DEP-004');
    const acknowledged = deployment({ sku: DeploymentSku.GLOBAL_STANDARD, allowGlobalProcessing: true });
    const report = Compliance.report(TerraformStack.of(acknowledged));
    expect(findings(TerraformStack.of(acknowledged))).toEqual([]);
    expect(report.acknowledged.map((f) => [f.ruleId, f.acknowledgedAt])).toEqual([['PCHAT-DEP-004', 'test/Deployment/Resource']]);
  });
});
