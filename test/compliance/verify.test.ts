import { Application } from '@cdktf/provider-azuread/lib/application';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { Testing } from 'cdktf';
import { ModelDeployment, PrivateChat, Verify, Warnings } from '../../src';
import { withoutConformance } from '../conformance-hook';
import { newStack } from '../util';

const ACCOUNT_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai';

describe('Verify.stack', () => {
  test('passes the default PrivateChat', () => {
    const stack = newStack();
    new PrivateChat(stack, 'chat', { location: 'swedencentral' });
    expect(() => Verify.stack(stack)).not.toThrow();
  });

  test('runs the rule pack on a stack built without PrivateChat', () => {
    const stack = newStack();
    new KeyVault(stack, 'Vault', { name: 'kv-open', location: 'swedencentral', resourceGroupName: 'rg', tenantId: '11111111-2222-3333-4444-555555555555', skuName: 'standard' });
    expect(() => Verify.stack(stack)).toThrow(/compliance: KeyVault 'test\/Vault' \(azurerm_key_vault\.Vault\) breaks PCHAT-KV-/);
  });

  test('reports a schema violation that Testing.synth lets through', () => {
    const stack = newStack();
    new AzureadProvider(stack, 'azuread', {});
    const app = new Application(stack, 'App', { displayName: 'x' });
    app.addOverride('tags', { env: 'prod' });
    withoutConformance(() => expect(() => Testing.synth(stack)).not.toThrow());
    expect(() => withoutConformance(() => Verify.stack(stack))).toThrow(/conformance: azuread_application\.App: .*tags/);
  });

  test('fails on unacknowledged warnings only when asked, and never on acknowledged ones', () => {
    const stack = newStack();
    const deployment = new ModelDeployment(stack, 'Deployment', { cognitiveAccountId: ACCOUNT_ID, modelName: 'gpt-9', modelVersion: '2030-01-01' });
    expect(() => Verify.stack(stack)).not.toThrow();
    expect(() => Verify.stack(stack, { failOnWarnings: true })).toThrow(/warning: ModelDeployment 'test\/Deployment': model 'gpt-9'.*\[unknown-model\]/);
    Warnings.acknowledge(deployment, 'unknown-model', 'gpt-9 is in private preview for this tenant');
    expect(() => Verify.stack(stack, { failOnWarnings: true })).not.toThrow();
  });

  test('fails when cdktf validation fails, ending with the library\'s advice, never cdktf\'s skipValidation hint', () => {
    const stack = newStack();
    stack.node.addValidation({ validate: () => ['the chat has no door'] });
    let message = '';
    try {
      Verify.stack(stack);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/synth: Validation failed with the following errors:\n.*the chat has no door/s);
    expect(message).not.toMatch(/skipValidation/);
    expect(message.trimEnd().split('\n').pop()).toBe('Fix each problem where it is reported: the message names the construct and the prop to change. '
      + 'A compliance finding you accept on purpose takes Compliance.acknowledge(scope, ruleId, reason), and a warning '
      + 'Warnings.acknowledge(scope, warningId, reason); skipping validation hides the problems without fixing them.');
  });

  test('a compliance failure also ends with the library\'s advice', () => {
    const stack = newStack();
    new KeyVault(stack, 'Vault', { name: 'kv-open', location: 'swedencentral', resourceGroupName: 'rg', tenantId: '11111111-2222-3333-4444-555555555555', skuName: 'standard' });
    expect(() => Verify.stack(stack)).toThrow(/Compliance\.acknowledge\(scope, ruleId, reason\).*without fixing them\.$/s);
  });
});
