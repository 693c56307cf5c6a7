import { CognitiveDeployment } from '@cdktf/provider-azurerm/lib/cognitive-deployment';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  DeploymentSku, DeploymentSkuFamily, ModelCatalogue, ModelDeployment, ModelDeploymentProps, ModelLifecycle, OpenAiAccount, VersionUpgradeOption,
} from '../../src/ai';
import { Compliance } from '../../src/compliance';
import { Warnings } from '../../src/core';
import { newStack, synth, synthJson, warningsOf } from '../util';
import { aiFixture, blockOf } from './fixture';

const ACCOUNT_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai-chat';

/** Global SKUs need the opt-in; tests of other checks opt in unless they say otherwise. */
const GLOBAL_SKUS = [DeploymentSku.GLOBAL_STANDARD, DeploymentSku.GLOBAL_PROVISIONED_MANAGED, DeploymentSku.GLOBAL_BATCH];

function deploy(props: Partial<ModelDeploymentProps>, id = 'Deployment', today?: string) {
  const stack = today === undefined ? newStack() : stackOn(today);
  const optIn = props.sku !== undefined && GLOBAL_SKUS.includes(props.sku) && props.allowGlobalProcessing === undefined;
  const deployment = new ModelDeployment(stack, id, {
    cognitiveAccountId: ACCOUNT_ID,
    modelName: 'gpt-4o',
    modelVersion: '2024-11-20',
    ...props,
    ...optIn ? { allowGlobalProcessing: true } : {},
  } as ModelDeploymentProps);
  return { stack, deployment };
}

/** A stack whose app sets the context key `cdktf-private-chat:today`. */
function stackOn(today: string): TerraformStack {
  const stack = new TerraformStack(Testing.app({ context: { 'cdktf-private-chat:today': today } }), 'test');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

/** Ids of the warnings recorded on `scope`, in order. */
const warningIds = (scope: ModelDeployment) => Warnings.of(scope).map((w) => w.id);

describe('DeploymentSku', () => {
  test('has the eight Azure deployment types with their Azure names and families', () => {
    expect(DeploymentSku.all().map((s) => [s.name, s.family])).toEqual([
      ['Standard', DeploymentSkuFamily.STANDARD],
      ['GlobalStandard', DeploymentSkuFamily.STANDARD],
      ['DataZoneStandard', DeploymentSkuFamily.STANDARD],
      ['ProvisionedManaged', DeploymentSkuFamily.PROVISIONED],
      ['GlobalProvisionedManaged', DeploymentSkuFamily.PROVISIONED],
      ['DataZoneProvisionedManaged', DeploymentSkuFamily.PROVISIONED],
      ['GlobalBatch', DeploymentSkuFamily.BATCH],
      ['DataZoneBatch', DeploymentSkuFamily.BATCH],
    ]);
    expect(DeploymentSku.DATA_ZONE_STANDARD.name).toBe('DataZoneStandard');
    expect(DeploymentSku.GLOBAL_PROVISIONED_MANAGED.name).toBe('GlobalProvisionedManaged');
    expect(DeploymentSku.DATA_ZONE_BATCH.name).toBe('DataZoneBatch');
  });

  test('of returns the matching SKU', () => {
    expect(DeploymentSku.of('GlobalStandard')).toBe(DeploymentSku.GLOBAL_STANDARD);
    expect(DeploymentSku.of('ProvisionedManaged')).toBe(DeploymentSku.PROVISIONED_MANAGED);
  });

  test('fails when of is given an unknown name', () => {
    expect(() => DeploymentSku.of('Global-Standard'))
      .toThrow(/DeploymentSku.of: 'name' must be one of 'Standard', 'GlobalStandard', .*'DataZoneBatch', got 'Global-Standard'/);
  });
});

describe('ModelDeployment', () => {
  test('pins the model and disables auto-upgrade, with a small DataZoneStandard capacity by default', () => {
    const { stack, deployment } = deploy({});
    expect(blockOf(synthJson(stack), deployment.resource)).toEqual({
      name: 'gpt-4o',
      cognitive_account_id: ACCOUNT_ID,
      model: { format: 'OpenAI', name: 'gpt-4o', version: '2024-11-20' },
      sku: { name: 'DataZoneStandard', capacity: 10 },
      version_upgrade_option: 'NoAutoUpgrade',
      rai_policy_name: 'Microsoft.DefaultV2',
    });
    expect(deployment.deploymentName).toBe('gpt-4o');
    expect(deployment.modelName).toBe('gpt-4o');
    expect(deployment.modelVersion).toBe('2024-11-20');
    expect(deployment.sku).toBe(DeploymentSku.DATA_ZONE_STANDARD);
    expect(deployment.capacity).toBe(10);
    expect(deployment.node.tryFindChild('Resource')).toBe(deployment.resource);
  });

  test('takes a name, SKU, capacity, content filter and dependencies', () => {
    const stack = newStack();
    const first = new ModelDeployment(stack, 'First', { cognitiveAccountId: ACCOUNT_ID, modelName: 'gpt-4o', modelVersion: '2024-11-20' });
    new ModelDeployment(stack, 'Second', {
      cognitiveAccountId: ACCOUNT_ID,
      modelName: 'text-embedding-3-large',
      modelVersion: '1',
      name: 'embeddings',
      sku: DeploymentSku.DATA_ZONE_STANDARD,
      capacity: 120,
      raiPolicyName: 'my-filter',
      dependsOn: [first.resource],
    });
    expect(synth(stack)).toHaveResourceWithProperties(CognitiveDeployment, {
      name: 'embeddings',
      model: { format: 'OpenAI', name: 'text-embedding-3-large', version: '1' },
      sku: { name: 'DataZoneStandard', capacity: 120 },
      rai_policy_name: 'my-filter',
      depends_on: [`azurerm_cognitive_deployment.${first.resource.friendlyUniqueId}`],
    });
  });

  test('defaults provisioned capacity to the minimum deployment and batch capacity to 1,000', () => {
    expect(deploy({ sku: DeploymentSku.PROVISIONED_MANAGED }).deployment.capacity).toBe(25);
    expect(deploy({ sku: DeploymentSku.GLOBAL_PROVISIONED_MANAGED }).deployment.capacity).toBe(15);
    expect(deploy({ sku: DeploymentSku.DATA_ZONE_PROVISIONED_MANAGED }).deployment.capacity).toBe(15);
    expect(deploy({ sku: DeploymentSku.GLOBAL_BATCH }).deployment.capacity).toBe(1000);
    expect(deploy({ sku: DeploymentSku.STANDARD }).deployment.capacity).toBe(10);
  });

  test('accepts capacities on the SKU family grid', () => {
    expect(() => deploy({ sku: DeploymentSku.PROVISIONED_MANAGED, capacity: 50 })).not.toThrow();
    expect(() => deploy({ sku: DeploymentSku.GLOBAL_PROVISIONED_MANAGED, capacity: 20 })).not.toThrow();
    expect(() => deploy({ sku: DeploymentSku.DATA_ZONE_BATCH, capacity: 5_000_000 })).not.toThrow();
    expect(() => deploy({ sku: DeploymentSku.STANDARD, capacity: 100_000 })).not.toThrow();
  });

  test('skips checks for unresolved tokens', () => {
    const stack = newStack();
    const version = new TerraformVariable(stack, 'version', { type: 'string' });
    const capacity = new TerraformVariable(stack, 'capacity', { type: 'number' });
    const deployment = new ModelDeployment(stack, 'D', {
      cognitiveAccountId: ACCOUNT_ID, modelName: 'gpt-4o', modelVersion: version.stringValue, capacity: capacity.numberValue,
    });
    expect(warningsOf(deployment)).toEqual([]);
  });

  describe('warnings', () => {
    test('warns when the model and version are not in the table', () => {
      const { deployment } = deploy({ modelName: 'gpt-9', modelVersion: '2030-01-01' });
      expect(warningsOf(deployment)).toEqual([
        expect.stringMatching(/ModelDeployment 'test\/Deployment': model 'gpt-9' version '2030-01-01' is not known to this library \('gpt-9' is not in the table of known models\); .*allowUnknownModel: true/),
      ]);
    });

    test('lists the versions Azure still serves when only the version is unknown', () => {
      // 2024-05-13 is in the table but retired (2026-10-01), so it is not offered as a known version.
      const { deployment } = deploy({ modelName: 'gpt-4o', modelVersion: '2024-01-01' });
      expect(warningsOf(deployment)).toEqual([
        expect.stringMatching(/^ModelDeployment 'test\/Deployment': model 'gpt-4o' version '2024-01-01' is not known to this library \(known versions of 'gpt-4o' are '2024-11-20', '2024-08-06'\); check 'modelName' and 'modelVersion', or set 'allowUnknownModel: true' .* \[unknown-model\]$/),
      ]);
    });

    test('says so when every known version of the model is retired', () => {
      const { deployment } = deploy({ modelName: 'o3', modelVersion: '2025-01-31' });
      expect(warningsOf(deployment)).toEqual([expect.stringMatching(/model 'o3' version '2025-01-31' is not known to this library \(every known version of 'o3' is retired\)/)]);
    });

    test('fails when a name differs from a known model only in case', () => {
      expect(() => deploy({ modelName: 'deepseek-v3.2', modelVersion: '1' })).toThrow(
        "ModelDeployment 'test/Deployment': 'modelName' must be a model name as Azure spells it: did you mean 'DeepSeek-V3.2'? "
        + "(Azure's model names are case-sensitive and exact; set 'allowUnknownModel: true' only for a different model newer than the table), got 'deepseek-v3.2'");
      expect(ModelCatalogue.find('deepseek-v3.2')).toBeUndefined();
    });

    test('fails when a name differs from a known model only in separators (gpt-5.4mini)', () => {
      expect(() => deploy({ modelName: 'gpt-5.4mini', modelVersion: '2026-03-17' })).toThrow(
        /^ModelDeployment 'test\/Deployment': 'modelName' must be a model name as Azure spells it: did you mean 'gpt-5.4-mini'\? .*, got 'gpt-5.4mini'$/);
    });

    test('allowUnknownModel lets a differently spelt name through, as a model newer than the table', () => {
      expect(() => deploy({ modelName: 'gpt-5.4mini', modelVersion: '1', allowUnknownModel: true })).not.toThrow();
    });

    test('warns with the nearest known name for another unknown model', () => {
      const { deployment } = deploy({ modelName: 'gpt-5.4-mino', modelVersion: '1' });
      expect(warningsOf(deployment)).toEqual([
        expect.stringMatching(/model 'gpt-5.4-mino' version '1' is not known to this library \('gpt-5.4-mino' is not in the table of known models; did you mean 'gpt-5.4-mini'\?\).*\[unknown-model\]$/),
      ]);
    });

    test('warns without a suggestion when no known name is near', () => {
      const { deployment } = deploy({ modelName: 'my-finetune-42', modelVersion: '1' });
      expect(warningsOf(deployment)).toEqual([
        expect.stringMatching(/\('my-finetune-42' is not in the table of known models\); check 'modelName'/),
      ]);
    });

    test('is silenced by allowUnknownModel', () => {
      const { deployment } = deploy({ modelName: 'gpt-9', modelVersion: '2030-01-01', allowUnknownModel: true });
      expect(warningsOf(deployment)).toEqual([]);
    });

    test('gives every deployable version in the catalogue only the warnings its lifecycle calls for', () => {
      let checked = 0;
      for (const model of ModelCatalogue.all().filter((m) => m.soldDirectly)) {
        for (const v of model.versions) {
          const retired = v.lifecycle === ModelLifecycle.RETIRED
            || (v.retirementDate !== undefined && v.retirementDate <= ModelCatalogue.RESEARCHED_ON);
          if (retired) continue;
          for (const skuName of v.skus) {
            const { stack, deployment } = deploy({ modelName: model.name, modelVersion: v.version, sku: DeploymentSku.of(skuName) });
            const expected = [
              ...v.lifecycle === ModelLifecycle.DEPRECATED ? ['model-deprecated'] : [],
              ...v.lifecycle === ModelLifecycle.LEGACY ? ['model-legacy'] : [],
              ...v.lifecycle === ModelLifecycle.PREVIEW ? ['model-preview'] : [],
              ...v.retirementDate !== undefined && daysBetween(ModelCatalogue.RESEARCHED_ON, v.retirementDate) <= 180 ? ['model-retiring'] : [],
            ];
            expect([model.name, v.version, skuName, warningIds(deployment)]).toEqual([model.name, v.version, skuName, expected]);
            expect(blockOf(synthJson(stack), deployment.resource).model).toEqual({ format: model.format, name: model.name, version: v.version });
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(100);
    });

    test('does not treat prototype properties as models', () => {
      const { deployment } = deploy({ modelName: 'constructor', modelVersion: '1' });
      expect(warningsOf(deployment)).toEqual([expect.stringContaining("'constructor' is not in the table")]);
    });

    test('warns when auto-upgrade is on', () => {
      const { stack, deployment } = deploy({ modelName: 'gpt-5.4-mini', modelVersion: '2026-03-17', versionUpgradeOption: VersionUpgradeOption.ONCE_NEW_DEFAULT_VERSION_AVAILABLE });
      expect(warningsOf(deployment)).toEqual([expect.stringMatching(/'versionUpgradeOption' is 'OnceNewDefaultVersionAvailable'/)]);
      expect(synth(stack)).toHaveResourceWithProperties(CognitiveDeployment, { version_upgrade_option: 'OnceNewDefaultVersionAvailable' });
    });

    test('reaches the account-level deployments too', () => {
      const f = aiFixture();
      const account = new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, models: [{ modelName: 'gpt-7o', modelVersion: '2031-01-01' }] });
      expect(warningsOf(account)).toEqual([expect.stringMatching(/ModelDeployment 'test\/OpenAi\/gpt-7o': model 'gpt-7o'/)]);
      const g = aiFixture();
      const quiet = new OpenAiAccount(g.stack, 'OpenAi', { ...g.props, models: [{ modelName: 'gpt-7o', modelVersion: '2031-01-01', allowUnknownModel: true }] });
      expect(warningsOf(quiet)).toEqual([]);
    });
  });

  describe('validation', () => {
    test('fails when standard capacity is below 1', () => {
      expect(() => deploy({ capacity: 0 }))
        .toThrow(/ModelDeployment 'test\/Deployment': 'capacity' must be an integer between 1 and 100000 \(thousands of tokens per minute\) for SKU 'DataZoneStandard', got 0/);
    });

    test('fails when standard capacity is above 100,000', () => {
      expect(() => deploy({ sku: DeploymentSku.STANDARD, capacity: 100_001 }))
        .toThrow(/'capacity' must be an integer between 1 and 100000 .* for SKU 'Standard', got 100001/);
    });

    test('fails when capacity is not an integer', () => {
      expect(() => deploy({ capacity: 1.5 })).toThrow(/'capacity' must be an integer between 1 and 100000 .*, got 1.5/);
    });

    test('fails when regional provisioned capacity is below 25 PTUs', () => {
      expect(() => deploy({ sku: DeploymentSku.PROVISIONED_MANAGED, capacity: 20 }))
        .toThrow(/'capacity' must be an integer between 25 and 100000 \(PTUs\) for SKU 'ProvisionedManaged', got 20/);
    });

    test('fails when regional provisioned capacity is not a multiple of 25', () => {
      expect(() => deploy({ sku: DeploymentSku.PROVISIONED_MANAGED, capacity: 30 }))
        .toThrow(/'capacity' must be a multiple of 25 PTUs for SKU 'ProvisionedManaged', got 30/);
    });

    test('fails when global provisioned capacity is below 15 PTUs', () => {
      expect(() => deploy({ sku: DeploymentSku.GLOBAL_PROVISIONED_MANAGED, capacity: 10 }))
        .toThrow(/'capacity' must be an integer between 15 and 100000 \(PTUs\) for SKU 'GlobalProvisionedManaged', got 10/);
    });

    test('fails when data zone provisioned capacity is not a multiple of 5', () => {
      expect(() => deploy({ sku: DeploymentSku.DATA_ZONE_PROVISIONED_MANAGED, capacity: 17 }))
        .toThrow(/'capacity' must be a multiple of 5 PTUs for SKU 'DataZoneProvisionedManaged', got 17/);
    });

    test('fails when batch capacity is out of range', () => {
      expect(() => deploy({ sku: DeploymentSku.GLOBAL_BATCH, capacity: 0 }))
        .toThrow(/'capacity' must be an integer between 1 and 100000000 \(thousands of enqueued tokens\) for SKU 'GlobalBatch', got 0/);
    });

    test('fails when modelVersion is missing', () => {
      expect(() => deploy({ modelVersion: undefined }))
        .toThrow(/'modelVersion' must be a pinned model version such as '2025-04-14' .*, got undefined/);
    });

    test('fails when modelVersion is blank', () => {
      expect(() => deploy({ modelVersion: '  ' })).toThrow(/'modelVersion' must be a pinned model version .*, got ' {2}'/);
    });

    test('fails when modelVersion is a floating alias', () => {
      expect(() => deploy({ modelVersion: 'latest' })).toThrow(/'modelVersion' must be a pinned model version .*not a floating alias, got 'latest'/);
    });

    test('fails when modelVersion has the wrong shape', () => {
      expect(() => deploy({ modelVersion: '2024 11 20' })).toThrow(/'modelVersion' must be a model version such as '2025-04-14' or '1' .*, got '2024 11 20'/);
    });

    test('fails when modelName is blank', () => {
      expect(() => deploy({ modelName: '' })).toThrow(/'modelName' must not be empty, got ''/);
    });

    test('fails when modelName is missing', () => {
      expect(() => deploy({ modelName: undefined })).toThrow(/'modelName' must be a model name such as 'gpt-4.1-mini', got undefined/);
    });

    test('fails when modelName has the wrong shape', () => {
      expect(() => deploy({ modelName: 'GPT 4o' }))
        .toThrow(/^ModelDeployment 'test\/Deployment': 'modelName' must be a model name such as 'gpt-4.1-mini' or 'DeepSeek-V3.2' \(letters, digits, '.', '_' and '-', at most 64 characters\), got 'GPT 4o'$/);
      expect(() => deploy({ modelName: `m${'a'.repeat(64)}` })).toThrow(/'modelName' must be a model name .*, got 'ma+'/);
    });

    test('accepts open-model names with capital letters', () => {
      for (const [modelName, modelFormat] of [['Llama-4-Maverick-17B-128E-Instruct-FP8', 'Meta'], ['DeepSeek-V3.2', 'DeepSeek'], ['Mistral-Large-3', 'Mistral AI']]) {
        const { stack, deployment } = deploy({ modelName, modelVersion: '1', sku: DeploymentSku.GLOBAL_STANDARD });
        expect(blockOf(synthJson(stack), deployment.resource).model).toEqual({ format: modelFormat, name: modelName, version: '1' });
      }
    });

    test('fails when modelFormat is blank, padded, too long or not a string', () => {
      expect(() => deploy({ modelFormat: '' })).toThrow(/^ModelDeployment 'test\/Deployment': 'modelFormat' must not be empty, got ''$/);
      expect(() => deploy({ modelFormat: ' OpenAI' })).toThrow(/^ModelDeployment 'test\/Deployment': 'modelFormat' must not start or end with whitespace, got ' OpenAI'$/);
      expect(() => deploy({ modelName: 'my-model', modelVersion: '1', modelFormat: 'x'.repeat(65) }))
        .toThrow(/'modelFormat' must be a model format such as 'OpenAI' or 'Meta' \(at most 64 characters\), got 'x{65}'/);
      expect(() => deploy({ modelFormat: 1 as any })).toThrow(/'modelFormat' must be a string, got 1/);
    });

    test('fails when name breaks the deployment naming rule', () => {
      expect(() => deploy({ name: 'x' })).toThrow(/'name' must be 2-64 characters long for a model deployment .*, got 'x'/);
      expect(() => deploy({ name: 'chat/prod' })).toThrow(/'name' must contain only .*, got 'chat\/prod'/);
    });

    test('fails when name is blank', () => {
      expect(() => deploy({ name: ' ' })).toThrow(/'name' must not be empty, got ' '/);
    });

    test('fails when raiPolicyName is blank', () => {
      expect(() => deploy({ raiPolicyName: '' })).toThrow(/'raiPolicyName' must not be empty, got ''/);
    });

    test('fails when sku is not a DeploymentSku', () => {
      expect(() => deploy({ sku: 'GlobalStandard' as any })).toThrow(/'sku' must be a DeploymentSku such as DeploymentSku.DATA_ZONE_STANDARD .*, got 'GlobalStandard'/);
    });

    test('fails when versionUpgradeOption is unknown', () => {
      expect(() => deploy({ versionUpgradeOption: 'Never' as any }))
        .toThrow(/'versionUpgradeOption' must be one of 'NoAutoUpgrade', 'OnceNewDefaultVersionAvailable', 'OnceCurrentVersionExpired', got 'Never'/);
    });

    test('fails when cognitiveAccountId is not an account id', () => {
      expect(() => deploy({ cognitiveAccountId: 'oai-chat' })).toThrow(/'cognitiveAccountId' must be an Azure resource id .*, got 'oai-chat'/);
    });
  });
});

/** Whole days from `from` to `to` (ISO dates). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

describe('ModelDeployment against the model catalogue', () => {
  describe('model.format', () => {
    test('is the catalogue\'s format for a known model, written to model.format and exposed as modelFormat', () => {
      for (const [modelName, modelVersion, format] of [
        ['gpt-5.4-mini', '2026-03-17', 'OpenAI'], ['gpt-oss-120b', '1', 'OpenAI-OSS'], ['DeepSeek-V3.2', '1', 'DeepSeek'],
        ['Mistral-Large-3', '1', 'Mistral AI'], ['grok-4', '1', 'xAI'], ['Llama-3.3-70B-Instruct', '1', 'Meta'],
      ]) {
        const { stack, deployment } = deploy({ modelName, modelVersion, sku: DeploymentSku.GLOBAL_STANDARD });
        expect(deployment.modelFormat).toBe(format);
        expect(blockOf(synthJson(stack), deployment.resource).model).toEqual({ format, name: modelName, version: modelVersion });
      }
    });

    test('is the given format when it matches the catalogue\'s', () => {
      const { stack, deployment } = deploy({ modelName: 'DeepSeek-V3.2', modelVersion: '1', modelFormat: 'DeepSeek', sku: DeploymentSku.GLOBAL_STANDARD });
      expect(blockOf(synthJson(stack), deployment.resource).model.format).toBe('DeepSeek');
      expect(warningsOf(deployment)).toEqual([]);
    });

    test('is OpenAI for a model the catalogue does not list, unless given', () => {
      const unknown = deploy({ modelName: 'gpt-9', modelVersion: '2030-01-01', allowUnknownModel: true });
      expect(blockOf(synthJson(unknown.stack), unknown.deployment.resource).model.format).toBe('OpenAI');
      const given = deploy({ modelName: 'Cohere-command-z', modelVersion: '1', modelFormat: 'Cohere', allowUnknownModel: true });
      expect(given.deployment.modelFormat).toBe('Cohere');
      expect(blockOf(synthJson(given.stack), given.deployment.resource).model).toEqual({ format: 'Cohere', name: 'Cohere-command-z', version: '1' });
      expect(warningsOf(given.deployment)).toEqual([]);
    });

    test('fails when the given format is not the catalogue\'s, naming the expected one', () => {
      expect(() => deploy({ modelName: 'Llama-3.3-70B-Instruct', modelVersion: '1', modelFormat: 'OpenAI' }))
        .toThrow(/^ModelDeployment 'test\/Deployment': 'modelFormat' must be 'Meta' for model 'Llama-3.3-70B-Instruct', the format Microsoft's model catalogue lists; leave it unset to take the catalogue's, got 'OpenAI'$/);
      expect(() => deploy({ modelName: 'gpt-4o', modelVersion: '2024-11-20', modelFormat: 'openai' }))
        .toThrow(/'modelFormat' must be 'OpenAI' for model 'gpt-4o', the format Microsoft's model catalogue lists \(formats are case-sensitive\); .*, got 'openai'$/);
    });

    test('allowUnknownModel does not silence a format mismatch', () => {
      expect(() => deploy({ modelName: 'DeepSeek-V3.2', modelVersion: '1', modelFormat: 'Deepseek', allowUnknownModel: true }))
        .toThrow(/'modelFormat' must be 'DeepSeek' for model 'DeepSeek-V3.2'.*, got 'Deepseek'/);
    });
  });

  describe('retired versions', () => {
    test('fail with the model, version, retirement date and a current model to pick', () => {
      expect(() => deploy({ modelName: 'o3', modelVersion: '2025-04-16' }))
        .toThrow(/^ModelDeployment 'test\/Deployment': 'modelVersion' must be a version Azure still serves: model 'o3' version '2025-04-16' was retired on 2026-10-21 \(today is taken as 2026-11-22, the date the model catalogue was researched; set context 'cdktf-private-chat:today' to check another date\); pick a current model from ModelCatalogue.all\(\), e.g. 'gpt-5.6-luna' version '2026-07-09', got '2025-04-16'$/);
    });

    test('suggest a current model of the same kind and format', () => {
      expect(() => deploy({ modelName: 'DeepSeek-R1', modelVersion: '1' })).toThrow(/retired on 2026-08-13 .*e.g. 'DeepSeek-V4-Pro' version '2026-04-23', got '1'$/);
      expect(() => deploy({ modelName: 'grok-3', modelVersion: '1' })).toThrow(/e.g. 'grok-4-1-fast-non-reasoning' version '1', got '1'$/);
    });

    test('include versions known only from their retirement, and versions past their date though not marked Retired', () => {
      expect(() => deploy({ modelName: 'gpt-chat-latest', modelVersion: '2026-05-05' }))
        .toThrow(/'modelVersion' must be a version Azure still serves: model 'gpt-chat-latest' version '2026-05-05' was retired on 2026-08-05/);
      // Deprecated in the table, retirement date 2026-10-01 before the research date.
      expect(() => deploy({ modelName: 'gpt-4o', modelVersion: '2024-05-13' }))
        .toThrow(/model 'gpt-4o' version '2024-05-13' was retired on 2026-10-01 .*, got '2024-05-13'$/);
    });

    test('are judged against the context date when it is set', () => {
      expect(() => deploy({ modelName: 'text-embedding-3-small', modelVersion: '1' }, 'Deployment', '2028-02-09'))
        .toThrow(/^ModelDeployment 'test\/Deployment': 'modelVersion' must be a version Azure still serves: model 'text-embedding-3-small' version '1' was retired on 2028-02-09 \(today is 2028-02-09, from context 'cdktf-private-chat:today'\); .*, got '1'$/);
      const dayBefore = deploy({ modelName: 'text-embedding-3-small', modelVersion: '1' }, 'Deployment', '2028-02-08');
      expect(warningsOf(dayBefore.deployment)).toEqual([
        expect.stringMatching(/^ModelDeployment 'test\/Deployment': 'modelVersion' is '1': model 'text-embedding-3-small' version '1' retires on 2028-02-09, in 1 day \(today is 2028-02-08, from context 'cdktf-private-chat:today'\): the deployment stops answering then; .*\[model-retiring\]$/),
      ]);
      // Before its retirement date, the version is served: Deprecated, and retiring in 30 days.
      const before = deploy({ modelName: 'gpt-4o', modelVersion: '2024-05-13' }, 'Deployment', '2026-09-01');
      expect(warningIds(before.deployment)).toEqual(['model-deprecated', 'model-retiring']);
    });

    test('a version marked Retired fails even before its date', () => {
      expect(() => deploy({ modelName: 'o3', modelVersion: '2025-04-16' }, 'Deployment', '2026-01-01'))
        .toThrow(/model 'o3' version '2025-04-16' is marked Retired in Microsoft's model catalogue \(retirement date 2026-10-21\) \(today is 2026-01-01, from context 'cdktf-private-chat:today'\)/);
    });

    test('allowUnknownModel does not silence a retired version', () => {
      expect(() => deploy({ modelName: 'o4-mini', modelVersion: '2025-04-16', allowUnknownModel: true })).toThrow(/model 'o4-mini' version '2025-04-16' was retired on 2026-10-16/);
    });

    test('are judged on the context date, never the clock', () => {
      const clock = jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2031-01-01T00:00:00Z'));
      try {
        const { deployment } = deploy({ modelName: 'text-embedding-3-large', modelVersion: '1' });
        expect(warningsOf(deployment)).toEqual([]);
      } finally {
        clock.mockRestore();
      }
    });
  });

  describe('SKUs', () => {
    test('fail when the model is not offered on the SKU, naming the one it is offered on', () => {
      expect(() => deploy({ modelName: 'gpt-5-pro', modelVersion: '2025-10-06', sku: DeploymentSku.STANDARD }))
        .toThrow(/^ModelDeployment 'test\/Deployment': 'sku' must be a deployment type the model is offered on: model 'gpt-5-pro' is offered on 'GlobalStandard' only \(Microsoft's model catalogue\), which may process prompts in any Azure region: set sku: DeploymentSku.GLOBAL_STANDARD with 'allowGlobalProcessing: true' \(this weakens data residency\), or pick a model offered as DataZoneStandard or Standard, got 'Standard'$/);
    });

    test('fail with the list when the model is offered on several', () => {
      expect(() => deploy({ modelName: 'gpt-5.4-nano', modelVersion: '2026-03-17', sku: DeploymentSku.GLOBAL_BATCH }))
        .toThrow(/'sku' must be a deployment type the model is offered on: model 'gpt-5.4-nano' is offered on 'GlobalStandard', 'DataZoneStandard' \(Microsoft's model catalogue\), got 'GlobalBatch'$/);
    });

    test('follow a version\'s own SKU list', () => {
      expect(() => deploy({ modelName: 'text-embedding-ada-002', modelVersion: '1' }))
        .toThrow(/'sku' must be a deployment type the model is offered on: model 'text-embedding-ada-002' version '1' is offered on 'Standard' only .*, got 'DataZoneStandard'$/);
      expect(() => deploy({ modelName: 'text-embedding-ada-002', modelVersion: '1', sku: DeploymentSku.STANDARD })).not.toThrow();
      expect(() => deploy({ modelName: 'text-embedding-ada-002', modelVersion: '2' })).not.toThrow();
    });

    test('allowUnknownModel does not silence a SKU the model is not offered on, also for an unknown version', () => {
      expect(() => deploy({ modelName: 'gpt-5-pro', modelVersion: '2027-01-01', sku: DeploymentSku.GLOBAL_BATCH, allowUnknownModel: true }))
        .toThrow(/'sku' must be a deployment type the model is offered on: model 'gpt-5-pro' is offered on 'GlobalStandard' only .*, got 'GlobalBatch'$/);
    });

    test('only warn model-sku-unconfirmed outside a SKU list no Microsoft page confirms', () => {
      const { deployment } = deploy({ modelName: 'gpt-5.6-luna', modelVersion: '2026-07-09', sku: DeploymentSku.STANDARD });
      expect(warningsOf(deployment)).toEqual([
        expect.stringMatching(/^ModelDeployment 'test\/Deployment': 'sku' is 'Standard', but model 'gpt-5.6-luna' is listed on 'GlobalStandard', 'DataZoneStandard', 'GlobalProvisionedManaged' only, a list no Microsoft page confirms yet: the deployment may fail at apply; .*\[model-sku-unconfirmed\]$/),
      ]);
    });
  });

  describe('lifecycle warnings', () => {
    test('model-legacy and model-retiring for the default model of OpenAiAccount, with the date and the number of days', () => {
      const { deployment } = deploy({ modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14' });
      expect(warningsOf(deployment)).toEqual([
        expect.stringMatching(/^ModelDeployment 'test\/Deployment': 'modelVersion' is '2025-04-14': model 'gpt-4.1-mini' version '2025-04-14' is a legacy model in Microsoft's model catalogue \(a successor exists\), retiring on 2027-04-14: plan the move; pick a current model from ModelCatalogue.all\(\), e.g. '[^']+' version '[^']+' \[model-legacy\]$/),
        expect.stringMatching(/^ModelDeployment 'test\/Deployment': 'modelVersion' is '2025-04-14': model 'gpt-4.1-mini' version '2025-04-14' retires on 2027-04-14, in 143 days \(today is taken as 2026-11-22, the date the model catalogue was researched; set context 'cdktf-private-chat:today' to check another date\): .*\[model-retiring\]$/),
      ]);
    });

    test('model-retiring starts 180 days before the retirement date', () => {
      // o3-pro 2025-06-10 retires on 2026-12-17.
      expect(warningIds(deploy({ modelName: 'o3-pro', modelVersion: '2025-06-10', sku: DeploymentSku.GLOBAL_STANDARD }, 'Deployment', '2026-06-20').deployment)).toEqual(['model-retiring']);
      expect(warningIds(deploy({ modelName: 'o3-pro', modelVersion: '2025-06-10', sku: DeploymentSku.GLOBAL_STANDARD }, 'Deployment', '2026-06-19').deployment)).toEqual([]);
      expect(warningIds(deploy({ modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14' }, 'Deployment', '2026-10-01').deployment)).toEqual(['model-legacy']);
    });

    test('model-deprecated for a deprecated version', () => {
      const { deployment } = deploy({ modelName: 'gpt-4o-mini', modelVersion: '2024-07-18' }, 'Deployment', '2026-06-01');
      expect(warningsOf(deployment)).toEqual([
        expect.stringMatching(/^ModelDeployment 'test\/Deployment': 'modelVersion' is '2024-07-18': model 'gpt-4o-mini' version '2024-07-18' is deprecated in Microsoft's model catalogue, retiring on 2027-04-14: Azure may refuse new deployments of it; .*\[model-deprecated\]$/),
      ]);
    });

    test('model-preview for a preview version', () => {
      const { deployment } = deploy({ modelName: 'Mistral-Large-3', modelVersion: '1' });
      expect(warningsOf(deployment)).toEqual([
        expect.stringMatching(/^ModelDeployment 'test\/Deployment': 'modelVersion' is '1': model 'Mistral-Large-3' version '1' is in preview in Microsoft's model catalogue: preview terms apply, .*\[model-preview\]$/),
      ]);
      expect(warningIds(deploy({ modelName: 'gpt-chat-latest', modelVersion: '2026-08-06', sku: DeploymentSku.GLOBAL_STANDARD }).deployment)).toEqual(['model-preview', 'model-retiring']);
    });

    test('none for a current GA version', () => {
      for (const today of [undefined, '2026-01-01', '2027-03-01']) {
        expect(warningsOf(deploy({ modelName: 'gpt-5.5', modelVersion: '2026-04-24' }, 'Deployment', today).deployment)).toEqual([]);
      }
    });

    test('are not silenced by allowUnknownModel, but by Warnings.acknowledge', () => {
      const { deployment } = deploy({ modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14', allowUnknownModel: true });
      expect(warningIds(deployment)).toEqual(['model-legacy', 'model-retiring']);
      Warnings.acknowledge(deployment, 'model-legacy', 'Moving to gpt-5 is planned for Q1');
      Warnings.acknowledge(deployment, 'model-retiring', 'Moving to gpt-5 is planned for Q1');
      expect(warningsOf(deployment)).toEqual([]);
    });
  });

  describe('models not sold directly by Azure', () => {
    test('warn model-not-sold-directly, and unknown-model when no version is known', () => {
      const { deployment } = deploy({ modelName: 'Phi-4', modelVersion: '7', modelFormat: 'Microsoft' });
      expect(warningsOf(deployment)).toEqual([
        expect.stringMatching(/^ModelDeployment 'test\/Deployment': 'modelName' is 'Phi-4', which Microsoft's model catalogue does not list among the models sold directly by Azure \(format 'Microsoft'\): it probably needs an Azure Marketplace subscription, and azurerm_cognitive_deployment may not be able to deploy it; .*\[model-not-sold-directly\]$/),
        expect.stringMatching(/model 'Phi-4' version '7' is not known to this library \(the table records no version of 'Phi-4'\).*\[unknown-model\]$/),
      ]);
    });

    test('allowUnknownModel silences only unknown-model', () => {
      const { deployment } = deploy({ modelName: 'Llama-4-Scout-17B-16E-Instruct', modelVersion: '1', allowUnknownModel: true });
      expect(warningIds(deployment)).toEqual(['model-not-sold-directly']);
      expect(deployment.modelFormat).toBe('Meta');
    });

    test('a format the research could not confirm is not enforced', () => {
      // Phi-4's format 'Microsoft' is formatVerified: false in the research file.
      expect(() => deploy({ modelName: 'Phi-4', modelVersion: '7', modelFormat: 'Microsoft-Phi', allowUnknownModel: true })).not.toThrow();
    });
  });

  describe('the context date', () => {
    test('fails on a value that is not a date, naming the deployment', () => {
      expect(() => deploy({ modelName: 'gpt-5.5', modelVersion: '2026-04-24' }, 'Deployment', '22/11/2026'))
        .toThrow(/^ModelDeployment 'test\/Deployment': 'cdktf-private-chat:today' must be today's date as an ISO date such as '2026-11-22' \(a context key: set it in cdktf.json or by the pipeline\), got '22\/11\/2026'$/);
      expect(() => deploy({ modelName: 'gpt-9', modelVersion: '1', allowUnknownModel: true }, 'Deployment', '2026-02-30')).toThrow(/'cdktf-private-chat:today' must be today's date/);
    });

    test('takes an RFC3339 timestamp by its UTC day', () => {
      // 23:30 at UTC-1 is 00:30 UTC on the next day.
      expect(warningIds(deploy({ modelName: 'text-embedding-3-small', modelVersion: '1' }, 'Deployment', '2028-02-08T22:30:00-01:00').deployment)).toEqual(['model-retiring']);
      expect(() => deploy({ modelName: 'text-embedding-3-small', modelVersion: '1' }, 'Deployment', '2028-02-08T23:30:00-01:00'))
        .toThrow(/was retired on 2028-02-09 \(today is 2028-02-09, from context/);
    });
  });

  describe('unresolved tokens', () => {
    test('skip the checks that depend on them', () => {
      const stack = newStack();
      const name = new TerraformVariable(stack, 'name', { type: 'string' });
      const version = new TerraformVariable(stack, 'version', { type: 'string' });
      const format = new TerraformVariable(stack, 'format', { type: 'string' });
      const byName = new ModelDeployment(stack, 'ByName', { cognitiveAccountId: ACCOUNT_ID, modelName: name.stringValue, modelVersion: '1', sku: DeploymentSku.STANDARD });
      expect(byName.modelFormat).toBe('OpenAI');
      const retired = new ModelDeployment(stack, 'Retired', { cognitiveAccountId: ACCOUNT_ID, modelName: 'o3', modelVersion: version.stringValue });
      const byFormat = new ModelDeployment(stack, 'ByFormat', { cognitiveAccountId: ACCOUNT_ID, modelName: 'gpt-5.5', modelVersion: '2026-04-24', modelFormat: format.stringValue });
      expect(warningsOf(stack)).toEqual([]);
      const json = synthJson(stack);
      expect(blockOf(json, retired.resource).model).toEqual({ format: 'OpenAI', name: 'o3', version: '${var.version}' });
      expect(blockOf(json, byFormat.resource).model.format).toBe('${var.format}');
    });

    test('still check the SKU of a known model whose version is a token', () => {
      const stack = newStack();
      const version = new TerraformVariable(stack, 'version', { type: 'string' });
      expect(() => new ModelDeployment(stack, 'D', { cognitiveAccountId: ACCOUNT_ID, modelName: 'gpt-5-pro', modelVersion: version.stringValue, sku: DeploymentSku.STANDARD }))
        .toThrow(/'sku' must be a deployment type the model is offered on: model 'gpt-5-pro' is offered on 'GlobalStandard' only/);
    });
  });

  describe('account-level deployments', () => {
    test('fail at the deployment, by its construct path', () => {
      const f = aiFixture();
      expect(() => new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, models: [{ modelName: 'o1', modelVersion: '2024-12-17' }] }))
        .toThrow(/^ModelDeployment 'test\/OpenAi\/o1': 'modelVersion' must be a version Azure still serves: model 'o1' version '2024-12-17' was retired on 2026-10-21 .*, got '2024-12-17'$/);
    });
  });
});

describe('ModelDeployment processing location', () => {
  const raw = (props: Partial<ModelDeploymentProps>) => {
    const stack = newStack();
    const deployment = new ModelDeployment(stack, 'Deployment', {
      cognitiveAccountId: ACCOUNT_ID, modelName: 'gpt-5.4', modelVersion: '2026-03-05', ...props,
    } as ModelDeploymentProps);
    return { stack, deployment };
  };
  const dataZoneFindings = (stack: TerraformStack) => Compliance.report(stack).failures.filter((f) => f.ruleId === 'PCHAT-DEP-004');

  test.each([
    ['GlobalStandard', DeploymentSku.GLOBAL_STANDARD],
    ['GlobalProvisionedManaged', DeploymentSku.GLOBAL_PROVISIONED_MANAGED],
    ['GlobalBatch', DeploymentSku.GLOBAL_BATCH],
  ])('fails when sku is %s without allowGlobalProcessing', (name, sku) => {
    expect(() => raw({ sku })).toThrow(`ModelDeployment 'test/Deployment': 'sku' must keep processing in the account's data zone or region: '${name}' may process `
      + 'prompts and completions in any Azure region; use DeploymentSku.DATA_ZONE_STANDARD (EU and US regions) or DeploymentSku.STANDARD, '
      + `or set 'allowGlobalProcessing: true' on this deployment to accept processing outside the data zone, got '${name}'`);
    expect(() => raw({ sku, allowGlobalProcessing: false })).toThrow(/'sku' must keep processing in the account's data zone or region/);
  });

  test('fails when allowGlobalProcessing is not a boolean', () => {
    expect(() => raw({ sku: DeploymentSku.GLOBAL_STANDARD, allowGlobalProcessing: 'yes' as any })).toThrow("ModelDeployment 'test/Deployment': 'allowGlobalProcessing' must be true or false (a boolean, not a string or number), got 'yes'");
  });

  test('allowGlobalProcessing writes the Global SKU and acknowledges PCHAT-DEP-004 on the deployment, with its reason', () => {
    const { stack, deployment } = raw({ sku: DeploymentSku.GLOBAL_STANDARD, allowGlobalProcessing: true });
    expect(blockOf(synthJson(stack), deployment.resource).sku).toEqual({ name: 'GlobalStandard', capacity: 10 });
    expect(dataZoneFindings(stack)).toEqual([]);
    const acknowledged = Compliance.report(stack).acknowledged.filter((f) => f.ruleId === 'PCHAT-DEP-004');
    expect(acknowledged.map((f) => [f.constructPath, f.acknowledgedReason])).toEqual([[
      'test/Deployment/Resource',
      "allowGlobalProcessing is true: the user accepted that the 'GlobalStandard' deployment may process prompts and completions in any Azure region, outside the account's data zone",
    ]]);
  });

  test('allowGlobalProcessing on a data-zone or regional SKU acknowledges nothing', () => {
    for (const sku of [DeploymentSku.DATA_ZONE_STANDARD, undefined]) {
      const { stack } = raw({ sku, allowGlobalProcessing: true });
      expect(Compliance.report(stack).acknowledged.filter((f) => f.ruleId === 'PCHAT-DEP-004')).toEqual([]);
      expect(dataZoneFindings(stack)).toEqual([]);
    }
  });

  test('a model offered only globally names the opt-in when no sku is given', () => {
    expect(() => raw({ modelName: 'Llama-4-Maverick-17B-128E-Instruct-FP8', modelVersion: '1' })).toThrow(
      "ModelDeployment 'test/Deployment': 'sku' must be a deployment type the model is offered on: model 'Llama-4-Maverick-17B-128E-Instruct-FP8' is offered on "
      + "'GlobalStandard' only (Microsoft's model catalogue), which may process prompts in any Azure region: set sku: DeploymentSku.GLOBAL_STANDARD with "
      + "'allowGlobalProcessing: true' (this weakens data residency), or pick a model offered as DataZoneStandard or Standard, got 'DataZoneStandard'");
  });
});
