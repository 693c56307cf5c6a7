// Properties every example must have, whatever it shows: it synthesizes, byte-identically on
// every run, and passes the whole compliance rule pack with no acknowledgement.
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import { Testing } from 'cdktf';
import { exampleNames, instantiateExample } from '../../scripts/addresses';
import { Compliance } from '../../src/compliance';

const examplesDir = join(resolve(__dirname, '..', '..'), 'examples');

function stacksOf(example: string) {
  const main = join(examplesDir, example, 'main.ts');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(main) as Record<string, unknown>;
  return instantiateExample(Testing.app(), example, mod, readFileSync(main, 'utf8'));
}

describe.each(exampleNames(examplesDir))('examples/%s', (example) => {
  test('synthesizes byte-identical JSON on every run', () => {
    const first = stacksOf(example).map((s) => Testing.synth(s, true));
    const second = stacksOf(example).map((s) => Testing.synth(s, true));
    expect(first.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });

  test('passes every compliance rule with no acknowledgement but a deployment\'s named global-processing opt-in, or a serving stack\'s apply from inside the network', () => {
    for (const stack of stacksOf(example)) {
      Compliance.applyTo(stack);
      const report = Compliance.report(stack);
      expect(report.failures).toEqual([]);
      // allowGlobalProcessing on a deployment acknowledges PCHAT-DEP-004 on it, with its reason.
      const globalOptIn = (f: { ruleId: string; acknowledgedReason?: string }) => f.ruleId === 'PCHAT-DEP-004'
        && (f.acknowledgedReason ?? '').startsWith('allowGlobalProcessing is true');
      // DatabricksServingEndpoint acknowledges PCHAT-APPLY-001 on its databricks_* resources with
      // its appliedFromInsideNetwork text: that stack is applied from a runner inside the network.
      const insideNetwork = (f: { ruleId: string; acknowledgedReason?: string }) => f.ruleId === 'PCHAT-APPLY-001'
        && (f.acknowledgedReason ?? '').startsWith('appliedFromInsideNetwork: ');
      expect(report.acknowledged.filter((f) => !globalOptIn(f) && !insideNetwork(f))).toEqual([]);
      expect(report.checkedResources).toBeGreaterThan(0);
      expect(report.unresolvedResources).toEqual([]);
    }
  });

  test('uses no random provider, and no timestamp that could change a plan', () => {
    for (const stack of stacksOf(example)) {
      const text = Testing.synth(stack);
      expect(text).not.toMatch(/"random_/);
      // Terraform evaluates timestamp() on every plan: it may only set an attribute that the
      // resource then ignores (a date computed once at creation, e.g. a client secret's end date).
      expect(timestampsOutsideIgnoredAttributes(JSON.parse(text))).toEqual([]);
    }
  });

  test('the sign-in secret lifetime uses no deprecated argument', () => {
    for (const stack of stacksOf(example)) expect(Testing.synth(stack)).not.toMatch(/end_date_relative/);
  });
});

/** `type.name.attribute` of every attribute holding timestamp() that its lifecycle does not ignore. */
function timestampsOutsideIgnoredAttributes(json: { resource?: Record<string, Record<string, any>> }): string[] {
  const found: string[] = [];
  for (const [type, byName] of Object.entries(json.resource ?? {})) {
    for (const [name, config] of Object.entries(byName)) {
      const ignored: string[] = config.lifecycle?.ignore_changes ?? [];
      for (const [attribute, value] of Object.entries(config)) {
        if (/timestamp\(/.test(JSON.stringify(value)) && !ignored.includes(attribute)) found.push(`${type}.${name}.${attribute}`);
      }
    }
  }
  return found;
}
