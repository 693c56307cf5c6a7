// Processing location (issue 22): deployments default to the data zone of the account's region
// (or its region), Global types need a named opt-in, and the catalogue's region tables are
// checked at synth.
import { TerraformVariable } from 'cdktf';
import {
  AiAccount, DeploymentSku, ModelCatalogue, ModelDeploymentOptions, OpenAiAccount, AiAccountProps,
} from '../../src/ai';
import {
  chatModelsProcessingIn, DATA_ZONE_REGIONS, dataZoneOfRegion, defaultSkuName, isGlobalSku, RegionalOffer, regionalOffer, SUGGESTION_WINDOW_DAYS,
} from '../../src/ai/private/data-zones';
import { RETIRING_WINDOW_DAYS } from '../../src/ai/private/model-checks';
import { Compliance } from '../../src/compliance';
import { GLOBAL_PROCESSING_SKUS } from '../../src/compliance/rules/deployment-data-zone';
import { Monitoring } from '../../src/monitoring';
import { PrivateDnsZones, PrivateNetwork } from '../../src/network';
import { newStack, warningsOf } from '../util';

const TABLE = 'https://learn.microsoft.com/en-us/azure/foundry/foundry-models/concepts/models-sold-directly-by-azure-region-availability?pivots=standard';

/** A Foundry account whose network, zones and workspace are in `location`. */
function accountIn(location: string, props: Partial<AiAccountProps> = {}) {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg', location });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: 'rg', network });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: 'rg', location });
  return new AiAccount(stack, 'Ai', { resourceGroupName: 'rg', location, network, dnsZones, monitoring, ...props });
}

const skusOf = (account: AiAccount | OpenAiAccount) => account.deployments.map((d) => [d.deploymentName, d.sku.name]);

describe('data zones', () => {
  test('map the regions of Microsoft\'s Data Zone tables to the EU and US zones, display names too', () => {
    expect(DATA_ZONE_REGIONS.EU).toEqual([
      'francecentral', 'germanywestcentral', 'italynorth', 'norwayeast', 'polandcentral', 'spaincentral', 'swedencentral', 'switzerlandnorth', 'westeurope',
    ]);
    expect(DATA_ZONE_REGIONS.US).toEqual(['centralus', 'eastus', 'eastus2', 'northcentralus', 'southcentralus', 'westcentralus', 'westus', 'westus2', 'westus3']);
    expect(dataZoneOfRegion('Sweden Central')).toBe('EU');
    expect(dataZoneOfRegion('eastus2')).toBe('US');
    for (const region of ['uksouth', 'switzerlandwest', 'japaneast', 'australiaeast', 'uaenorth', 'brazilsouth', 'canadaeast']) {
      expect([region, dataZoneOfRegion(region)]).toEqual([region, undefined]);
    }
    const stack = newStack();
    expect(dataZoneOfRegion(new TerraformVariable(stack, 'r', { type: 'string' }).stringValue)).toBeUndefined();
  });

  test('every region a model is recorded with as DataZoneStandard is in a data zone', () => {
    for (const model of ModelCatalogue.all()) {
      for (const region of model.dataZoneStandardRegions ?? []) {
        expect([model.name, region, dataZoneOfRegion(region) !== undefined]).toEqual([model.name, region, true]);
      }
    }
  });

  test('the Global deployment types are exactly the SKUs named Global*, and DeveloperTier', () => {
    const globals = DeploymentSku.all().filter((s) => s.name.startsWith('Global')).map((s) => s.name);
    expect(globals).toEqual(['GlobalStandard', 'GlobalProvisionedManaged', 'GlobalBatch']);
    expect(GLOBAL_PROCESSING_SKUS).toEqual([...globals, 'DeveloperTier']);
    for (const sku of DeploymentSku.all()) expect([sku.name, isGlobalSku(sku.name)]).toEqual([sku.name, globals.includes(sku.name)]);
  });

  test('suggest only models outside the catalogue\'s retirement warning window', () => {
    expect(SUGGESTION_WINDOW_DAYS).toBe(RETIRING_WINDOW_DAYS);
    expect(chatModelsProcessingIn('swedencentral')).toEqual([
      "'gpt-5.5' version '2026-04-24' (DataZoneStandard)", "'gpt-5.4' version '2026-03-05' (DataZoneStandard)",
    ]);
    // gpt-4.1-mini (Standard there) is Legacy and retires within the window.
    expect(chatModelsProcessingIn('uksouth')).toEqual([]);
  });

  test('regionalOffer follows the recorded tables: offered, documented as missing, or unknown', () => {
    expect(regionalOffer('gpt-5.4', 'DataZoneStandard', 'swedencentral')).toBe(RegionalOffer.OFFERED);
    expect(regionalOffer('gpt-5.4-mini', 'DataZoneStandard', 'swedencentral')).toBe(RegionalOffer.NOT_OFFERED);
    expect(regionalOffer('gpt-5.4-mini', 'DataZoneStandard', 'eastus2')).toBe(RegionalOffer.OFFERED);
    expect(regionalOffer('gpt-5.4', 'DataZoneStandard', 'uksouth')).toBe(RegionalOffer.NOT_OFFERED);
    expect(regionalOffer('gpt-5.4', 'Standard', 'swedencentral')).toBe(RegionalOffer.NOT_OFFERED);
    expect(regionalOffer('gpt-4.1-mini', 'Standard', 'uksouth')).toBe(RegionalOffer.OFFERED);
    expect(regionalOffer('gpt-5.6-luna', 'DataZoneStandard', 'swedencentral')).toBe(RegionalOffer.UNKNOWN);
    expect(regionalOffer('my-model', 'Standard', 'swedencentral')).toBe(RegionalOffer.UNKNOWN);
  });

  test('defaultSkuName prefers the data zone, then the region, else none', () => {
    expect(defaultSkuName('gpt-5.4', 'swedencentral')).toBe('DataZoneStandard');
    expect(defaultSkuName('gpt-4.1-mini', 'switzerlandnorth')).toBe('Standard');
    expect(defaultSkuName('gpt-4.1-mini', 'uksouth')).toBe('Standard');
    expect(defaultSkuName('gpt-5.4', 'uksouth')).toBeUndefined();
    expect(defaultSkuName('Llama-4-Maverick-17B-128E-Instruct-FP8', 'swedencentral')).toBeUndefined();
    expect(defaultSkuName('my-model', 'uksouth')).toBe('Standard');
    expect(defaultSkuName('my-model', 'eastus')).toBe('DataZoneStandard');
  });
});

describe('the default deployment', () => {
  test.each(['swedencentral', 'germanywestcentral', 'norwayeast', 'switzerlandnorth', 'eastus2', 'westus3'])('is gpt-5.4 on DataZoneStandard in %s, without warnings', (region) => {
    const account = accountIn(region);
    expect(skusOf(account)).toEqual([['gpt-5.4', 'DataZoneStandard']]);
    expect(warningsOf(account)).toEqual([]);
    expect(Compliance.report(account).failures.filter((f) => f.ruleId === 'PCHAT-DEP-004')).toEqual([]);
  });

  test('is the same on an OpenAI-kind account', () => {
    const stack = newStack();
    const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg', location: 'francecentral' });
    const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: 'rg', network });
    const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: 'rg', location: 'francecentral' });
    const account = new OpenAiAccount(stack, 'OpenAi', { resourceGroupName: 'rg', location: 'francecentral', network, dnsZones, monitoring });
    expect(skusOf(account)).toEqual([['gpt-5.4', 'DataZoneStandard']]);
  });

  test('fails in a region outside the data zones, giving both ways out', () => {
    expect(() => accountIn('uksouth')).toThrow(
      "AiAccount 'test/Ai': 'location' must be a region where the default model keeps prompts in its data zone or region: 'uksouth' is in neither "
      + "the EU nor the US data zone, and model 'gpt-5.4' has no regional (Standard) deployment there in Microsoft's model catalogue; either set 'models' "
      + 'to a model with a data-zone or regional deployment there, or opt in to global processing, which weakens data residency: '
      + "models: [{ modelName: 'gpt-5.4', modelVersion: '2026-03-05', sku: DeploymentSku.GLOBAL_STANDARD, allowGlobalProcessing: true }], got 'uksouth'");
  });

  test('both ways out of that error synthesize', () => {
    const regional = accountIn('uksouth', { models: [{ modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14' }] });
    expect(skusOf(regional)).toEqual([['gpt-4.1-mini', 'Standard']]);
    const global = accountIn('uksouth', { models: [{ modelName: 'gpt-5.4', modelVersion: '2026-03-05', sku: DeploymentSku.GLOBAL_STANDARD, allowGlobalProcessing: true }] });
    expect(skusOf(global)).toEqual([['gpt-5.4', 'GlobalStandard']]);
    const report = Compliance.report(global);
    expect(report.failures.filter((f) => f.ruleId === 'PCHAT-DEP-004')).toEqual([]);
    expect(report.acknowledged.map((f) => [f.ruleId, f.constructPath])).toEqual([['PCHAT-DEP-004', 'test/Ai/gpt-5.4/Resource']]);
  });

  test('defaults to DataZoneStandard when the region is a token', () => {
    const stack = newStack();
    const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg', location: 'swedencentral' });
    const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: 'rg', network });
    const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: 'rg', location: 'swedencentral' });
    const region = new TerraformVariable(stack, 'region', { type: 'string' });
    const account = new AiAccount(stack, 'Ai', { resourceGroupName: 'rg', location: region.stringValue, network, dnsZones, monitoring });
    expect(skusOf(account)).toEqual([['gpt-5.4', 'DataZoneStandard']]);
  });
});

describe('deployments without a sku', () => {
  test('take Standard where the model has no data-zone deployment in the region but a regional one', () => {
    const account = accountIn('switzerlandnorth', { models: [{ modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14' }] });
    expect(skusOf(account)).toEqual([['gpt-4.1-mini', 'Standard']]);
  });

  test('fail, naming the entry and both ways out, for a model offered only globally', () => {
    expect(() => accountIn('swedencentral', { models: [{ modelName: 'DeepSeek-V3.2', modelVersion: '1' }] })).toThrow(
      "AiAccount 'test/Ai': 'models[0].sku' must be set: no deployment type keeps model 'DeepSeek-V3.2' in the data zone or region of the account: "
      + "model 'DeepSeek-V3.2' is offered neither as DataZoneStandard nor as Standard in 'swedencentral' in Microsoft's model catalogue; "
      + "either pick a model with a data-zone or regional deployment there (e.g. 'gpt-5.5' version '2026-04-24' (DataZoneStandard), "
      + "'gpt-5.4' version '2026-03-05' (DataZoneStandard)), or opt in to global processing, which weakens data residency: "
      + "{ modelName: 'DeepSeek-V3.2', modelVersion: '1', sku: DeploymentSku.GLOBAL_STANDARD, allowGlobalProcessing: true }, got undefined");
  });

  test('fail for addDeployment, naming its id', () => {
    const account = accountIn('swedencentral');
    expect(() => account.addDeployment('Mini', { modelName: 'gpt-5.4-mini', modelVersion: '2026-03-17' }))
      .toThrow(/^AiAccount 'test\/Ai': 'addDeployment\(Mini\).sku' must be set: no deployment type keeps model 'gpt-5.4-mini' in the data zone or region/);
  });
});

describe('deployments with a sku', () => {
  const one = (options: ModelDeploymentOptions, region = 'swedencentral') => accountIn(region, { models: [options] });

  test('fail on a Global type without the opt-in, naming the entry', () => {
    expect(() => one({ modelName: 'gpt-5.4', modelVersion: '2026-03-05' }).addDeployment('Batch', {
      modelName: 'gpt-5.4', modelVersion: '2026-03-05', name: 'batch', sku: DeploymentSku.GLOBAL_BATCH,
    })).toThrow(/^ModelDeployment 'test\/Ai\/Batch': 'sku' must keep processing in the account's data zone or region: 'GlobalBatch' may process/);
    expect(() => one({ modelName: 'gpt-5.4', modelVersion: '2026-03-05', sku: DeploymentSku.GLOBAL_STANDARD }))
      .toThrow(/^AiAccount 'test\/Ai': 'models\[0\].sku' must keep processing in the account's data zone or region: 'GlobalStandard' may process .*, got 'GlobalStandard'$/);
  });

  test('fail where Microsoft\'s region table documents the type as missing for the model in the region', () => {
    expect(() => one({ modelName: 'gpt-5.4-mini', modelVersion: '2026-03-17', sku: DeploymentSku.DATA_ZONE_STANDARD })).toThrow(
      "AiAccount 'test/Ai': 'models[0].sku' must be a deployment type Azure offers for model 'gpt-5.4-mini' in 'swedencentral': Microsoft's region table "
      + `(${TABLE}, rev 2026-06-11) lists 'DataZoneStandard' for it only in centralus, eastus, eastus2, northcentralus, southcentralus, westus, westus3; `
      + "pick another model (e.g. 'gpt-5.5' version '2026-04-24' (DataZoneStandard), 'gpt-5.4' version '2026-03-05' (DataZoneStandard)), or another region, got 'DataZoneStandard'");
  });

  test('name Standard as the alternative where the region offers it', () => {
    expect(() => one({ modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14', sku: DeploymentSku.DATA_ZONE_STANDARD }, 'switzerlandnorth'))
      .toThrow(/'models\[0\].sku' must be a deployment type Azure offers for model 'gpt-4.1-mini' in 'switzerlandnorth': .*; use DeploymentSku.STANDARD \(offered there\), pick another model/);
  });

  test('fail on a regional type the region lacks', () => {
    expect(() => one({ modelName: 'text-embedding-3-small', modelVersion: '1', sku: DeploymentSku.STANDARD }))
      .toThrow(/'models\[0\].sku' must be a deployment type Azure offers for model 'text-embedding-3-small' in 'swedencentral': .* lists 'Standard' for it only in australiaeast, canadaeast, eastus, eastus2, japaneast, switzerlandnorth, uaenorth, westus; /);
    expect(skusOf(one({ modelName: 'text-embedding-3-small', modelVersion: '1' }))).toEqual([['text-embedding-3-small', 'DataZoneStandard']]);
  });

  test('warn model-region-unconfirmed where the catalogue records no region list', () => {
    const account = one({ modelName: 'gpt-5.6-luna', modelVersion: '2026-07-09', sku: DeploymentSku.DATA_ZONE_STANDARD });
    expect(warningsOf(account)).toEqual([
      expect.stringMatching(/^AiAccount 'test\/Ai': 'models\[0\].sku' is 'DataZoneStandard' for model 'gpt-5.6-luna' in 'swedencentral', but the model catalogue records no region list .*\[model-region-unconfirmed\]$/),
    ]);
  });

  test('pass where the table lists the model in the region', () => {
    for (const [region, options] of [
      ['swedencentral', { modelName: 'gpt-5.5', modelVersion: '2026-04-24', sku: DeploymentSku.DATA_ZONE_STANDARD }],
      ['swedencentral', { modelName: 'Mistral-Large-3', modelVersion: '1', sku: DeploymentSku.DATA_ZONE_STANDARD }],
      ['eastus2', { modelName: 'grok-4-1-fast-non-reasoning', modelVersion: '1', sku: DeploymentSku.DATA_ZONE_STANDARD }],
      ['swedencentral', { modelName: 'gpt-5.1', modelVersion: '2025-11-13', sku: DeploymentSku.STANDARD }],
    ] as Array<[string, ModelDeploymentOptions]>) {
      expect(() => one(options, region)).not.toThrow();
    }
  });
});

describe('ModelCatalogue region data', () => {
  test('records the default model\'s data-zone regions with source and check date', () => {
    const info = ModelCatalogue.find('gpt-5.4')!;
    expect(info.dataZoneStandardRegions).toEqual(expect.arrayContaining([...DATA_ZONE_REGIONS.EU, 'eastus2']));
    expect(info.standardRegions).toBeUndefined();
    expect(info.regionsSource).toBe(TABLE);
    expect(info.regionsCheckedOn).toBe('2026-06-11');
    expect(ModelCatalogue.find('gpt-5.6-luna')!.dataZoneStandardRegions).toBeUndefined();
  });
});
