// How far the rule pack's enforcement reaches, switch by switch, as the README states it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { Compliance, PrivateChat } from '../../src';

/** A stack whose vault has public network access back on, through the escape hatch. */
function publicVault(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'chat');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const chat = new PrivateChat(stack, 'chat', { location: 'swedencentral' });
  chat.createdVault!.resource.addOverride('public_network_access_enabled', true);
  return stack;
}

const outdir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'pchat-enforce-'));

describe('rule pack enforcement', () => {
  test('app.synth() refuses a stack that breaks a rule', () => {
    const app = new App({ outdir: outdir() });
    publicVault(app);
    expect(() => app.synth()).toThrow(/PCHAT-KV-002|public_network_access_enabled/);
  });

  test('app.synth() still refuses it with skipValidation: true, and writes no stack', () => {
    const dir = outdir();
    const app = new App({ outdir: dir, skipValidation: true });
    publicVault(app);
    expect(() => app.synth()).toThrow(/breaks PCHAT-KV-\d+/);
    expect(fs.existsSync(path.join(dir, 'stacks', 'chat', 'cdk.tf.json'))).toBe(false);
  });

  test('Testing.synth(stack, true) refuses it', () => {
    const stack = publicVault(Testing.app());
    expect(() => Testing.synth(stack, true)).toThrow(/breaks PCHAT-KV-\d+/);
  });

  test('Testing.synth(stack) without validations does NOT run the pack (stated in the README); Compliance.report still sees it', () => {
    const stack = publicVault(Testing.app());
    expect(() => Testing.synth(stack)).not.toThrow();
    expect(Compliance.report(stack).failures.map((f) => f.ruleId)).toEqual(expect.arrayContaining([expect.stringMatching(/^PCHAT-KV-/)]));
  });
});
