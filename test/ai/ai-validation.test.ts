// Bad input at the public boundary of the ai area (issue 11): wrong JavaScript types, typed
// references, exact id types, regions, names and the warnings of combinations that do not work.
import { TerraformVariable } from 'cdktf';
import {
  ContentFilter, DeploymentSku, ModelDeployment, ModelDeploymentOptions, OpenAiAccount, AiAccountProps,
} from '../../src/ai';
import { Principal, Warnings } from '../../src/core';
import { Monitoring } from '../../src/monitoring';
import { PrivateDnsZones, PrivateNetwork } from '../../src/network';
import { newStack, synth, warningsOf } from '../util';
import { aiFixture } from './fixture';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const ACCOUNT_ID = `${SUB}/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai-chat`;
const IDENTITY_ID = `${SUB}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-chat`;
/** A current GA model on every standard and batch SKU, so that no model-lifecycle warning mixes in. */
const ok: ModelDeploymentOptions = { modelName: 'gpt-5.4', modelVersion: '2026-03-05' };
const js = <T>(value: unknown): T => value as T;

function account(props: Partial<AiAccountProps> | Record<string, unknown> = {}) {
  const f = aiFixture();
  return new OpenAiAccount(f.stack, 'OpenAi', js({ ...f.props, ...props }));
}

/** An account whose network, zones and workspace are in `location`. */
function accountIn(location: string, props: Partial<AiAccountProps> = {}) {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg', location });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: 'rg', network });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: 'rg', location });
  return new OpenAiAccount(stack, 'OpenAi', { resourceGroupName: 'rg', location, network, dnsZones, monitoring, models: [ok], ...props });
}

describe('OpenAiAccount input', () => {
  test('fails when props is null, with a named error rather than a TypeError', () => {
    expect(() => new OpenAiAccount(newStack(), 'OpenAi', js(null))).toThrow(/^OpenAiAccount 'test\/OpenAi': 'props' must be an object of props, got null$/);
  });

  test('fails when location is null', () => {
    expect(() => account({ location: null })).toThrow(/'location' must be a string, got null/);
  });

  test('fails when network, dnsZones or monitoring are plain objects', () => {
    expect(() => account({ network: {} })).toThrow(/'network' must be a PrivateNetwork or PrivateNetwork.fromAttributes\(...\), got \{\}/);
    expect(() => account({ dnsZones: { id: 'x' } })).toThrow(/'dnsZones' must be a PrivateDnsZones/);
    expect(() => account({ monitoring: 'log' })).toThrow(/'monitoring' must be a Monitoring or Monitoring.fromWorkspaceId\(...\), got 'log'/);
  });

  test('fails when a boolean prop is a string', () => {
    expect(() => account({ trustedServicesBypass: 'false' })).toThrow(/'trustedServicesBypass' must be true or false .*, got 'false'/);
    expect(() => account({ preventDestroy: 'true' })).toThrow(/'preventDestroy' must be true or false .*, got 'true'/);
  });

  test('fails when a prop name is misspelt', () => {
    expect(() => account({ contentfilter: {} })).toThrow(/'contentfilter' is not a known prop \(did you mean 'contentFilter'\? known: .*contentFilter.*\)/);
  });

  test('fails when models holds undefined', () => {
    expect(() => account({ models: [ok, undefined] })).toThrow(/'models\[1\]' must be an object, got undefined/);
  });

  test('fails when a model field has the wrong type', () => {
    expect(() => account({ models: [{ ...ok, allowUnknownModel: 1 }] })).toThrow(/'models\[0\].allowUnknownModel' must be true or false/);
    expect(() => account({ models: [{ ...ok, modelVersion: 20250414 }] })).toThrow(/'models\[0\].modelVersion' must be a model version string .*, got 20250414/);
    expect(() => account({ models: [{ ...ok, sku: 'GlobalStandard' }] })).toThrow(/'models\[0\].sku' must be a DeploymentSku .*, got 'GlobalStandard'/);
  });

  test('fails when a content-filter switch is a string or a number (it would turn the filter off)', () => {
    expect(() => account({ contentFilter: { violence: { blocking: 'false' } } })).toThrow(/'contentFilter.violence.blocking' must be true or false .*, got 'false'/);
    expect(() => account({ contentFilter: { indirectAttackShield: 0 } })).toThrow(/'contentFilter.indirectAttackShield' must be true or false .*, got 0/);
  });

  test('fails when tags break Azure\'s limits', () => {
    expect(() => account({ tags: { 'a?b': 'x' } })).toThrow(/'tags.a\?b' is not a valid tag name/);
    expect(() => account({ tags: { env: 1 } })).toThrow(/'tags.env' must be a string, got 1/);
  });

  test('fails when a user-assigned identity id has a non-GUID subscription or is listed twice', () => {
    expect(() => account({ userAssignedIdentityIds: [IDENTITY_ID.replace('00000000-0000-0000-0000-000000000000', 'sub')] }))
      .toThrow(/'userAssignedIdentityIds\[0\]' must be an Azure resource id/);
    expect(() => account({ userAssignedIdentityIds: [IDENTITY_ID, IDENTITY_ID] }))
      .toThrow(/'userAssignedIdentityIds\[1\]' must not repeat 'userAssignedIdentityIds\[0\]'/);
    expect(() => account({ userAssignedIdentityIds: [IDENTITY_ID] })).not.toThrow();
  });

  test('fails when the custom subdomain is longer than a DNS label', () => {
    expect(() => account({ customSubdomainName: 'a'.repeat(64) })).toThrow(/'customSubdomainName' must be at most 63 characters: it is the DNS label .*\(got 64\)/);
    expect(() => account({ customSubdomainName: 'a'.repeat(63) })).not.toThrow();
  });

  test('fails when grantUse is given something that is not a principal', () => {
    expect(() => account().grantUse(js({ principalId: 'x' }))).toThrow(/'grantUse.principal' must be an IPrincipal/);
  });
});

describe('OpenAiAccount regions', () => {
  test('fails when the account is in another region than its network', () => {
    expect(() => account({ location: 'westeurope' })).toThrow(/^OpenAiAccount 'test\/OpenAi': 'location' must be the region of its network \('swedencentral'\).*, got 'westeurope'$/);
  });

  test('compares display and provider forms of a region as one', () => {
    expect(() => account({ location: 'Sweden Central' })).not.toThrow();
  });

  test('fails when the region has whitespace around it', () => {
    expect(() => account({ location: 'swedencentral\n' })).toThrow(/'location' must not start or end with whitespace/);
  });

  test('skips the region comparison for an imported network without a location, and for tokens', () => {
    const f = aiFixture();
    const spoke = PrivateNetwork.fromAttributes(f.stack, 'Spoke', {
      virtualNetworkId: `${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet`,
      privateEndpointSubnetId: `${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe`,
      appIntegrationSubnetId: `${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app`,
    });
    expect(() => new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, network: spoke, location: 'westeurope' })).not.toThrow();
    const g = aiFixture();
    const region = new TerraformVariable(g.stack, 'region', { type: 'string' });
    const tokenAccount = new OpenAiAccount(g.stack, 'OpenAi', { ...g.props, location: region.stringValue, models: [{ ...ok, sku: DeploymentSku.DATA_ZONE_STANDARD }] });
    expect(warningsOf(tokenAccount)).toEqual([]);
  });

  test('warns region-without-openai for a region that has no Azure OpenAI', () => {
    const oai = accountIn('westcentralus', { models: [{ ...ok, sku: DeploymentSku.GLOBAL_STANDARD, allowGlobalProcessing: true }] });
    expect(warningsOf(oai)).toEqual([expect.stringMatching(/^OpenAiAccount 'test\/OpenAi': 'location' is 'westcentralus', a region without Azure OpenAI.* \[region-without-openai\]$/)]);
    expect(warningsOf(accountIn('swedencentral'))).toEqual([]);
  });

  test('warns data-zone-region for a Data Zone SKU outside the EU and US data zones', () => {
    const oai = accountIn('japaneast', { models: [{ ...ok, sku: DeploymentSku.DATA_ZONE_STANDARD }] });
    expect(warningsOf(oai)).toEqual([expect.stringMatching(/^ModelDeployment 'test\/OpenAi\/gpt-5.4': 'sku' is 'DataZoneStandard', but the account's region 'japaneast' is in neither the EU nor the US data zone.*\[data-zone-region\]$/)]);
    oai.addDeployment('Batch', { ...ok, name: 'batch', sku: DeploymentSku.DATA_ZONE_BATCH });
    expect(warningsOf(oai)).toHaveLength(2);
  });

  test('does not warn about Data Zone SKUs in EU or US regions', () => {
    for (const region of ['swedencentral', 'eastus2']) {
      expect(warningsOf(accountIn(region, { models: [{ ...ok, sku: DeploymentSku.DATA_ZONE_STANDARD }] }))).toEqual([]);
    }
  });

  test('Warnings.acknowledge on the account silences data-zone-region', () => {
    const oai = accountIn('japaneast', { models: [{ ...ok, sku: DeploymentSku.DATA_ZONE_STANDARD }] });
    Warnings.acknowledge(oai, 'data-zone-region', 'Processing in an EU zone is agreed with legal');
    expect(warningsOf(oai)).toEqual([]);
  });
});

describe('OpenAiAccount deployment names and ids', () => {
  test('fails when two models differ only by case, naming the second', () => {
    expect(() => account({ models: [{ ...ok, name: 'Chat' }, { ...ok, name: 'chat' }] }))
      .toThrow(/'models\[1\].name' must differ from 'models\[0\].name' \('Chat'\) by more than letter case: Azure deployment names are case-insensitive, got 'chat'/);
  });

  test('fails when addDeployment adds a name that differs only by case', () => {
    const oai = account({ models: [{ ...ok, name: 'chat' }] });
    expect(() => oai.addDeployment('Second', { ...ok, name: 'CHAT' })).toThrow(/'name' must differ from 'chat' \(deployed by 'test\/OpenAi\/chat'\) by more than letter case/);
  });

  test('fails when addDeployment repeats a construct id, with a named error', () => {
    const oai = account();
    oai.addDeployment('x', { ...ok, name: 'one' });
    expect(() => oai.addDeployment('x', { ...ok, name: 'two' }))
      .toThrow(/^OpenAiAccount 'test\/OpenAi': 'addDeployment' id 'x' is already used by 'test\/OpenAi\/x': give each deployment its own construct id, got 'x'$/);
    expect(() => oai.addDeployment('ContentFilter', { ...ok, name: 'three' })).toThrow(/'addDeployment' id 'ContentFilter' is already used/);
  });

  test('fails when addDeployment gets no options, or a blank id', () => {
    const oai = account();
    expect(() => oai.addDeployment('x', js(undefined))).toThrow(/'addDeployment\(x\)' is required \(an object\), got undefined/);
    expect(() => oai.addDeployment('', ok)).toThrow(/'addDeployment.id' must not be empty/);
    expect(() => oai.addDeployment(js(7), ok)).toThrow(/'addDeployment.id' must be a string, got 7/);
  });

  test('gives a model whose name is already a child id another construct id', () => {
    const oai = account({ models: [{ ...ok, name: 'Resource' }, { ...ok, name: 'ContentFilter' }] });
    expect(oai.deployments.map((d) => [d.node.id, d.deploymentName])).toEqual([['Deployment0', 'Resource'], ['Deployment1', 'ContentFilter']]);
    expect(() => synth(oai.node.scope as any)).not.toThrow();
  });
});

describe('OpenAiAccount.fromAttributes input', () => {
  const attrs = (a: unknown) => () => OpenAiAccount.fromAttributes(newStack(), 'Shared', js(a));

  test('fails when the attributes are not an object, or accountId is missing', () => {
    expect(attrs(ACCOUNT_ID)).toThrow(/'props' must be an object of props/);
    expect(attrs({})).toThrow(/'accountId' is required \(a string\), got undefined/);
  });

  test('fails when accountId is of another type or has an empty segment', () => {
    expect(attrs({ accountId: `${SUB}/resourceGroups/rg/providers/Microsoft.CognitiveServices/commitmentPlans/p` }))
      .toThrow(/'accountId' must be the id of a Microsoft.CognitiveServices\/accounts resource \(found Microsoft.CognitiveServices\/commitmentPlans\)/);
    expect(attrs({ accountId: ACCOUNT_ID.replace('/resourceGroups/rg/', '/resourceGroups//') })).toThrow(/'accountId' must be an Azure resource id/);
  });

  test('fails when an attribute is misspelt', () => {
    expect(attrs({ accountId: ACCOUNT_ID, endPoint: 'https://x.openai.azure.com/' })).toThrow(/'endPoint' is not a known prop \(did you mean 'endpoint'\? known: accountId, endpoint\)/);
  });
});

describe('ModelDeployment input', () => {
  const deploy = (p: Record<string, unknown>) => () => new ModelDeployment(newStack(), 'D', js({ cognitiveAccountId: ACCOUNT_ID, ...ok, ...p }));

  test('fails when cognitiveAccountId is missing or the id of a deployment', () => {
    expect(deploy({ cognitiveAccountId: undefined })).toThrow(/'cognitiveAccountId' is required \(a string\), got undefined/);
    expect(deploy({ cognitiveAccountId: `${ACCOUNT_ID}/deployments/chat` })).toThrow(/found Microsoft.CognitiveServices\/accounts\/deployments/);
  });

  test('fails when dependsOn holds something that is not a resource', () => {
    expect(deploy({ dependsOn: ['x'] })).toThrow(/'dependsOn\[0\]' must be a Terraform resource or data source/);
    expect(deploy({ dependsOn: [undefined] })).toThrow(/'dependsOn\[0\]' must be a Terraform resource/);
  });

  test('fails when capacity is not a whole number', () => {
    expect(deploy({ capacity: '10' })).toThrow(/'capacity' must be an integer between 1 and 100000 .*, got '10'/);
    expect(deploy({ capacity: Number.POSITIVE_INFINITY })).toThrow(/'capacity' must be an integer .*, got Infinity/);
    expect(deploy({ capacity: 1.5 })).toThrow(/'capacity' must be an integer .*, got 1.5/);
  });

  test('fails when an enum-like prop is not one of its members', () => {
    expect(deploy({ versionUpgradeOption: 0 })).toThrow(/'versionUpgradeOption' must be one of .*, got 0/);
    const fake = Object.assign(Object.create(DeploymentSku.prototype), { name: 'GlobalStandard', family: 'Standard' });
    expect(deploy({ sku: fake })).toThrow(/'sku' must be a DeploymentSku such as DeploymentSku.DATA_ZONE_STANDARD/);
  });

  test('fails when allowUnknownModel is a string', () => {
    expect(deploy({ allowUnknownModel: 'false' })).toThrow(/'allowUnknownModel' must be true or false .*, got 'false'/);
  });

  test('Warnings.acknowledge silences unknown-model', () => {
    const stack = newStack();
    const deployment = new ModelDeployment(stack, 'D', { cognitiveAccountId: ACCOUNT_ID, modelName: 'gpt-9', modelVersion: '2030-01-01' });
    expect(warningsOf(deployment)).toEqual([expect.stringMatching(/\[unknown-model\]$/)]);
    Warnings.acknowledge(deployment, 'unknown-model', 'gpt-9 is in preview in our subscription');
    expect(warningsOf(deployment)).toEqual([]);
  });

  test('Warnings.acknowledge on a parent silences unknown-model of every deployment below it', () => {
    const oai = account({ models: [{ modelName: 'gpt-9', modelVersion: '2030-01-01' }, { modelName: 'gpt-10', modelVersion: '2031-01-01' }] });
    expect(warningsOf(oai)).toHaveLength(2);
    Warnings.acknowledge(oai, 'unknown-model', 'models newer than the library table');
    expect(warningsOf(oai)).toEqual([]);
  });
});

describe('unknown-rai-policy', () => {
  const deploy = (raiPolicyName: string) => new ModelDeployment(newStack(), 'D', { cognitiveAccountId: ACCOUNT_ID, ...ok, raiPolicyName });

  test('warns for a Microsoft.* policy that is not built in', () => {
    expect(warningsOf(deploy('Microsoft.Strict'))).toEqual([expect.stringMatching(/^ModelDeployment 'test\/D': 'raiPolicyName' is 'Microsoft.Strict'.*\[unknown-rai-policy\]$/)]);
  });

  test('does not warn for built-in (any case) or custom policy names', () => {
    for (const name of ['Microsoft.Default', 'microsoft.defaultv2', 'cf-chat']) expect(warningsOf(deploy(name))).toEqual([]);
  });
});

describe('DeploymentSku.of input', () => {
  test('fails when name is missing or not a string', () => {
    expect(() => DeploymentSku.of(js(undefined))).toThrow(/^DeploymentSku.of: 'name' is required \(a string\), got undefined$/);
    expect(() => DeploymentSku.of(js(1))).toThrow(/^DeploymentSku.of: 'name' must be a string, got 1$/);
  });

  test('fails on a wrong case, suggesting the right spelling', () => {
    expect(() => DeploymentSku.of('datazonestandard')).toThrow(/\(did you mean 'DataZoneStandard'\?\), got 'datazonestandard'$/);
  });
});

describe('ContentFilter input', () => {
  const filter = (p: Record<string, unknown>) => () => new ContentFilter(newStack(), 'F', js({ cognitiveAccountId: ACCOUNT_ID, ...p }));

  test('fails when blocking is a string or a number', () => {
    expect(filter({ hate: { blocking: 'false' } })).toThrow(/^ContentFilter 'test\/F': 'hate.blocking' must be true or false \(a boolean, not a string or number\), got 'false'$/);
    expect(filter({ sexual: { blocking: 0 } })).toThrow(/'sexual.blocking' must be true or false .*, got 0/);
  });

  test('fails when a switch is a number (it would land in JSON as filter_enabled: 0)', () => {
    expect(filter({ protectedMaterialText: 0 })).toThrow(/'protectedMaterialText' must be true or false .*, got 0/);
  });

  test('fails when a harm category is not an object, or has a misspelt field', () => {
    expect(filter({ hate: 'Low' })).toThrow(/'hate' must be an object, got 'Low'/);
    expect(filter({ hate: { promptSeverty: 'Low' } })).toThrow(/'hate.promptSeverty' is not a known prop/);
  });

  test('fails when a severity or mode is not an enum member', () => {
    expect(filter({ violence: { completionSeverity: 2 } })).toThrow(/'violence.completionSeverity' must be one of 'Low', 'Medium', 'High', got 2/);
    expect(filter({ mode: null })).toThrow(/'mode' must be a value or left out, got null/);
  });

  test('fails when cognitiveAccountId is missing or not an account id', () => {
    expect(filter({ cognitiveAccountId: undefined })).toThrow(/'cognitiveAccountId' is required/);
    expect(filter({ cognitiveAccountId: `${SUB}/resourceGroups/rg/providers/Microsoft.Web/sites/app` })).toThrow(/found Microsoft.Web\/sites/);
  });

  test('fails when tags break Azure\'s limits', () => {
    expect(filter({ tags: { 'a<b': 'x' } })).toThrow(/'tags.a<b' is not a valid tag name/);
  });

  test('fails when basePolicyName has whitespace around it', () => {
    expect(filter({ basePolicyName: ' Microsoft.DefaultV2' })).toThrow(/'basePolicyName' must not start or end with whitespace/);
  });

  test('warns unknown-base-policy for a Microsoft.* name that is not built in', () => {
    const cf = filter({ basePolicyName: 'Microsoft.Nil' })();
    expect(warningsOf(cf)).toEqual([expect.stringMatching(/^ContentFilter 'test\/F': 'basePolicyName' is 'Microsoft.Nil', which is not one of Azure's built-in policies .*\[unknown-base-policy\]$/)]);
  });

  test('does not warn for the built-in policies (any case) or custom names', () => {
    for (const name of ['Microsoft.Default', 'Microsoft.DefaultV2', 'microsoft.defaultv2', 'contoso-strict']) {
      expect(warningsOf(filter({ basePolicyName: name })())).toEqual([]);
    }
  });

  test('passes through unresolved tokens', () => {
    const stack = newStack();
    const base = new TerraformVariable(stack, 'base', { type: 'string' });
    const flag = new TerraformVariable(stack, 'flag', { type: 'bool' });
    const cf = new ContentFilter(stack, 'F', { cognitiveAccountId: ACCOUNT_ID, basePolicyName: base.stringValue, hate: { blocking: js<boolean>(flag.booleanValue) } });
    expect(warningsOf(cf)).toEqual([]);
  });
});

describe('principals', () => {
  test('grantUse still accepts a principal made with Principal.fromGroupObjectId', () => {
    const oai = account();
    expect(() => oai.grantUse(Principal.fromGroupObjectId(oai.node.scope as any, 'Readers', '11111111-2222-3333-4444-555555555555'))).not.toThrow();
  });
});
