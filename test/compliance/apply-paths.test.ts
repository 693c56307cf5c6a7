// Every operation of an apply is classified (control plane, Graph, local, or data plane with the
// endpoint it needs), PCHAT-APPLY-001 fails on a data-plane one unless acknowledged, and the deploy
// guide lists every data-plane operation of the table with its network path.
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import { KeyVaultSecret } from '@cdktf/provider-azurerm/lib/key-vault-secret';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { DataResource, TerraformDataSource, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { exampleNames, instantiateExample } from '../../scripts/addresses';
import { Compliance, Encryption, PrivateChat, RetentionJobRunner } from '../../src';
import {
  APPLY_CONTROL_PLANE_RULE_ID, APPLY_PATHS, applyPathEntry, ApplyPath, dataPlaneOperationsOf, dataPlaneTableMarkdown,
} from '../../src/compliance/private/apply-paths';
import { newStack } from '../util';

const root = resolve(__dirname, '..', '..');
const examplesDir = join(root, 'examples');

/**
 * Every resource type, data source (`data.<type>`) and provisioner (`provisioner.<kind>`) a stack
 * synthesizes, read from its construct tree (what synth writes, without running synth's hooks).
 */
function subjectsOf(stack: TerraformStack): string[] {
  const subjects = new Set<string>();
  for (const node of stack.node.findAll()) {
    if (node instanceof TerraformResource) {
      subjects.add(node.terraformResourceType);
      for (const p of node.provisioners ?? []) subjects.add(`provisioner.${p.type}`);
    } else if (node instanceof TerraformDataSource) {
      subjects.add(`data.${node.terraformResourceType}`);
    }
  }
  return [...subjects].sort();
}

function exampleStacks(example: string): TerraformStack[] {
  const main = join(examplesDir, example, 'main.ts');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(main) as Record<string, unknown>;
  return instantiateExample(Testing.app(), example, mod, readFileSync(main, 'utf8'));
}

/** PrivateChat with the options that add resource types the examples may not show. */
function variants(): TerraformStack[] {
  const all: [string, ConstructorParameters<typeof PrivateChat>[2]][] = [
    ['encrypted', { location: 'swedencentral', encryption: Encryption.customerManagedKey(), imageMirror: true }],
    ['retention from the applying machine', { location: 'swedencentral', history: { retentionDays: 30, retentionJobRunner: RetentionJobRunner.APPLYING_MACHINE } }],
  ];
  return all.map(([id, props]) => {
    const stack = newStack(id.replace(/\W+/g, '-'));
    new PrivateChat(stack, 'chat', props);
    return stack;
  });
}

describe('apply paths: the table', () => {
  test.each(exampleNames(examplesDir))('examples/%s: every resource type, data source and provisioner is classified', (example) => {
    const unclassified = exampleStacks(example).flatMap(subjectsOf).filter((s) => applyPathEntry(s) === undefined);
    expect(unclassified).toEqual([]);
  });

  test('PrivateChat with encryption, a registry mirror and the opt-in runner: every subject is classified', () => {
    const unclassified = variants().flatMap(subjectsOf).filter((s) => applyPathEntry(s) === undefined);
    expect(unclassified).toEqual([]);
  });

  test('no example needs a data plane: PCHAT-APPLY-001 passes on every example with no acknowledgement, but a Databricks serving stack applied from inside the network', () => {
    for (const example of exampleNames(examplesDir)) {
      for (const stack of exampleStacks(example)) {
        const report = Compliance.report(stack);
        // DatabricksServingEndpoint's resources acknowledge the rule with where the stack is applied from (docs/databricks.md).
        const insideNetwork = (f: { address: string; acknowledgedReason?: string }) => f.address.startsWith('databricks_')
          && (f.acknowledgedReason ?? '').startsWith('appliedFromInsideNetwork: ');
        const found = [...report.failures, ...report.acknowledged.filter((f) => !insideNetwork(f))]
          .filter((f) => f.ruleId === APPLY_CONTROL_PLANE_RULE_ID);
        expect(found.map((f) => `${example}: ${f.address}: ${f.problem}`)).toEqual([]);
      }
    }
  });

  test('each subject appears once; data-plane rows name their endpoint', () => {
    const subjects = APPLY_PATHS.map((e) => e.subject);
    expect(subjects.filter((s, i) => subjects.indexOf(s) !== i)).toEqual([]);
    for (const e of APPLY_PATHS.filter((x) => x.path === ApplyPath.DATA_PLANE || x.dataPlaneWhenSet)) {
      expect({ subject: e.subject, endpoint: e.endpoint }).toEqual({ subject: e.subject, endpoint: expect.stringMatching(/\S/) });
    }
  });

  test('classifies by the facts read in the provider sources', () => {
    expect(applyPathEntry('azurerm_key_vault')!.path).toBe(ApplyPath.RESOURCE_MANAGER);
    expect(applyPathEntry('azurerm_key_vault_secret')!.path).toBe(ApplyPath.DATA_PLANE);
    expect(applyPathEntry('azurerm_key_vault_key')!.path).toBe(ApplyPath.DATA_PLANE);
    expect(applyPathEntry('azapi_resource')!.path).toBe(ApplyPath.RESOURCE_MANAGER);
    expect(applyPathEntry('azuread_application')!.path).toBe(ApplyPath.MICROSOFT_GRAPH);
    expect(applyPathEntry('time_sleep')!.path).toBe(ApplyPath.LOCAL);
    expect(applyPathEntry('databricks_notebook')!.path).toBe(ApplyPath.DATA_PLANE);
    expect(applyPathEntry('provisioner.local-exec')!.path).toBe(ApplyPath.DATA_PLANE);
    expect(applyPathEntry('azurerm_something_new')).toBeUndefined();
    expect(dataPlaneOperationsOf('azurerm_storage_container', { storage_account_id: '/subscriptions/x' })).toEqual([]);
    expect(dataPlaneOperationsOf('azurerm_storage_container', { storage_account_name: 'st' }).map((o) => o.what))
      .toEqual(["azurerm_storage_container with 'storage_account_name'"]);
    expect(dataPlaneOperationsOf('terraform_data', { input: 'x' })).toEqual([]);
    expect(dataPlaneOperationsOf('terraform_data', { provisioner: [{ 'local-exec': { command: 'true' } }] }).map((o) => o.what))
      .toEqual(['a local-exec provisioner']);
  });
});

describe(`${APPLY_CONTROL_PLANE_RULE_ID}: the apply needs only Azure Resource Manager`, () => {
  function stackWith(add: (stack: TerraformStack) => void): TerraformStack {
    const stack = newStack();
    new ResourceGroup(stack, 'Group', { name: 'rg-chat', location: 'swedencentral' });
    add(stack);
    Compliance.applyTo(stack);
    return stack;
  }
  test('the rule carries the id constructs acknowledge it by', () => {
    expect(Compliance.rules().filter((r) => r.id === APPLY_CONTROL_PLANE_RULE_ID)).toHaveLength(1);
  });

  const failures = (stack: TerraformStack) => Compliance.report(stack).failures.filter((f) => f.ruleId === APPLY_CONTROL_PLANE_RULE_ID);

  test('passes on a stack of control-plane resources, and on a terraform_data without provisioner', () => {
    const stack = stackWith((s) => new DataResource(s, 'Value', { input: { value: 'x' } }));
    expect(failures(stack)).toEqual([]);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test.each([
    ['a Key Vault secret written through the vault\'s data plane', (s: TerraformStack) => new KeyVaultSecret(s, 'Secret', {
      name: 's', value: 'v', keyVaultId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv', contentType: 'x', expirationDate: '2030-01-01T00:00:00Z',
    }), 'test/Secret', 'azurerm_key_vault_secret needs https://<vault>.vault.azure.net (Key Vault data plane) from the applying machine'],
    ['a storage container named by account name', (s: TerraformStack) => new StorageContainer(s, 'Container', { name: 'c', storageAccountName: 'st' }),
      'test/Container', "azurerm_storage_container with 'storage_account_name' needs https://<account>.blob.core.windows.net (Blob data plane) from the applying machine"],
    ['a local-exec provisioner', (s: TerraformStack) => new DataResource(s, 'Job', { provisioners: [{ type: 'local-exec', command: 'psql -c "SELECT 1"' }] }),
      'test/Job', 'a local-exec provisioner needs whatever its command connects to (the retention job: the PostgreSQL private endpoint on 5432) from the applying machine'],
    ['a databricks resource', (s: TerraformStack) => new TerraformResource(s, 'Notebook', { terraformResourceType: 'databricks_notebook' }),
      'test/Notebook', 'databricks_notebook needs https://adb-<id>.azuredatabricks.net (workspace REST API, private with public access off) from the applying machine'],
  ])('fails when the stack has %s', (_label, add, path, problem) => {
    const stack = stackWith(add);
    expect(failures(stack).map((f) => [f.constructPath, f.problem])).toEqual([[path, problem]]);
    expect(() => Testing.synth(stack, true)).toThrow(`breaks ${APPLY_CONTROL_PLANE_RULE_ID}`);
  });

  test('passes when the data-plane operation is acknowledged with its reason', () => {
    const stack = stackWith((s) => {
      const job = new DataResource(s, 'Job', { provisioners: [{ type: 'local-exec', command: 'true' }] });
      Compliance.acknowledge(job, APPLY_CONTROL_PLANE_RULE_ID, 'the pipeline agent runs inside the VNet');
    });
    expect(failures(stack)).toEqual([]);
    expect(Compliance.report(stack).acknowledged.map((f) => [f.ruleId, f.acknowledgedReason])).toEqual([[APPLY_CONTROL_PLANE_RULE_ID, 'the pipeline agent runs inside the VNet']]);
  });

  test('PrivateChat with the opt-in runner acknowledges its own local-exec; with the default it has none', () => {
    const [, optIn] = variants();
    Compliance.applyTo(optIn);
    const report = Compliance.report(optIn);
    expect(report.failures.filter((f) => f.ruleId === APPLY_CONTROL_PLANE_RULE_ID)).toEqual([]);
    expect(report.acknowledged.filter((f) => f.ruleId === APPLY_CONTROL_PLANE_RULE_ID).map((f) => f.constructPath)).toEqual(['retention-from-the-applying-machine/chat/History/RetentionJob']);
  });
});

describe('docs/deploy.md: "What an apply touches"', () => {
  test('lists every data-plane operation of the table with its network path, as generated from the table', () => {
    const doc = readFileSync(join(root, 'docs', 'deploy.md'), 'utf8');
    const section = /## \d+\. What an apply touches\n([\s\S]*?)(?=\n## |$)/.exec(doc);
    expect(section).not.toBeNull();
    // The table between the markers is dataPlaneTableMarkdown() exactly: paste its output there after changing the table.
    const table = /<!-- apply-paths:start[^>]*-->\n([\s\S]*?)\n<!-- apply-paths:end -->/.exec(section![1]);
    expect(table?.[1]).toBe(dataPlaneTableMarkdown());
    for (const e of APPLY_PATHS.filter((x) => x.path === ApplyPath.DATA_PLANE || x.dataPlaneWhenSet)) {
      expect(table![1]).toContain(`\`${e.subject}\``);
      expect(table![1]).toContain(e.endpoint!.replace(/https:\/\/\S+/g, (url) => `\`${url}\``));
    }
  });
});
