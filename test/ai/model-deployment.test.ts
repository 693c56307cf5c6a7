import { CognitiveDeployment } from '@cdktf/provider-azurerm/lib/cognitive-deployment';
import { TerraformVariable } from 'cdktf';
import { DeploymentSku, DeploymentSkuFamily, ModelDeployment, ModelDeploymentProps, OpenAiAccount, VersionUpgradeOption } from '../../src/ai';
import { KNOWN_MODELS } from '../../src/ai/models';
import { newStack, synth, synthJson, warningsOf } from '../util';
import { aiFixture, blockOf } from './fixture';

const ACCOUNT_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai-chat';

function deploy(props: Partial<ModelDeploymentProps>, id = 'Deployment') {
  const stack = newStack();
  const deployment = new ModelDeployment(stack, id, {
    cognitiveAccountId: ACCOUNT_ID,
    modelName: 'gpt-4o',
    modelVersion: '2024-11-20',
    ...props,
  } as ModelDeploymentProps);
  return { stack, deployment };
}

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
  test('pins the model and disables auto-upgrade, with a small GlobalStandard capacity by default', () => {
    const { stack, deployment } = deploy({});
    expect(blockOf(synthJson(stack), deployment.resource)).toEqual({
      name: 'gpt-4o',
      cognitive_account_id: ACCOUNT_ID,
      model: { format: 'OpenAI', name: 'gpt-4o', version: '2024-11-20' },
      sku: { name: 'GlobalStandard', capacity: 10 },
      version_upgrade_option: 'NoAutoUpgrade',
      rai_policy_name: 'Microsoft.DefaultV2',
    });
    expect(deployment.deploymentName).toBe('gpt-4o');
    expect(deployment.modelName).toBe('gpt-4o');
    expect(deployment.modelVersion).toBe('2024-11-20');
    expect(deployment.sku).toBe(DeploymentSku.GLOBAL_STANDARD);
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

    test('lists the known versions when only the version is unknown', () => {
      const { deployment } = deploy({ modelName: 'gpt-4o', modelVersion: '2024-05-13' });
      expect(warningsOf(deployment)).toEqual([
        expect.stringMatching(/model 'gpt-4o' version '2024-05-13' is not known .*known versions of 'gpt-4o' are '2024-08-06', '2024-11-20'/),
      ]);
    });

    test('is silenced by allowUnknownModel', () => {
      const { deployment } = deploy({ modelName: 'gpt-9', modelVersion: '2030-01-01', allowUnknownModel: true });
      expect(warningsOf(deployment)).toEqual([]);
    });

    test('is silent for every pair in the table', () => {
      for (const [name, versions] of Object.entries(KNOWN_MODELS)) {
        for (const version of versions) {
          const { deployment } = deploy({ modelName: name, modelVersion: version });
          expect(warningsOf(deployment)).toEqual([]);
        }
      }
    });

    test('does not treat prototype properties as models', () => {
      const { deployment } = deploy({ modelName: 'constructor', modelVersion: '1' });
      expect(warningsOf(deployment)).toEqual([expect.stringContaining("'constructor' is not in the table")]);
    });

    test('warns when auto-upgrade is on', () => {
      const { stack, deployment } = deploy({ versionUpgradeOption: VersionUpgradeOption.ONCE_NEW_DEFAULT_VERSION_AVAILABLE });
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
        .toThrow(/ModelDeployment 'test\/Deployment': 'capacity' must be an integer between 1 and 100000 \(thousands of tokens per minute\) for SKU 'GlobalStandard', got 0/);
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
      expect(() => deploy({ modelName: 'GPT 4o' })).toThrow(/'modelName' must be a model name such as 'gpt-4.1-mini' .*, got 'GPT 4o'/);
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
      expect(() => deploy({ sku: 'GlobalStandard' as any })).toThrow(/'sku' must be a DeploymentSku such as DeploymentSku.GLOBAL_STANDARD .*, got 'GlobalStandard'/);
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
