// Property: every valid PrivateChat configuration synthesizes, passes the compliance rule pack
// (PrivateChat applies it; a failure throws at synth), conforms to the provider schemas and
// names every resource within Azure's naming rules. The generator draws only inputs the public
// API documents as valid; when one is refused, that is a bug in the library, not in the generator.
//
// Reproduce a failure with the seed (and path) fast-check prints:
//   FC_SEED=<seed> npx jest test/property --coverage=false
// FC_RUNS sets the number of runs (default 120: the default deployment grew with the history store, and the suite must stay under 60 s on 2 cores; CI of a release can set FC_RUNS=500).
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import * as fc from 'fast-check';
import { ContentFilterMode, ContentFilterOptions, ContentFilterSeverity, HarmFilterOptions } from '../../src/ai/content-filter';
import { DeploymentSku, ModelDeploymentOptions, VersionUpgradeOption } from '../../src/ai/model-deployment';
import { ModelCatalogue, ModelInfo, ModelKind, ModelLifecycle, ModelVersionInfo } from '../../src/ai/models';
import { AccountKind } from '../../src/ai/openai-account';
import { dataZoneOfRegion } from '../../src/ai/private/data-zones';
import { PRIVATE_APP_SERVICE_SKUS } from '../../src/app/chat-web-app';
import { ContainerImage } from '../../src/app/container-image';
import { ChatIdentity } from '../../src/app/identity';
import { MUTABLE_TAGS } from '../../src/app/private/checks';
import { SignIn } from '../../src/app/sign-in';
import { Compliance } from '../../src/compliance';
import { Conformance } from '../../src/conformance';
import { AzureNameRule } from '../../src/core/names';
import { Monitoring } from '../../src/monitoring/monitoring';
import { PrivateDnsZones, ZoneGroupMode } from '../../src/network/private-dns-zones';
import { PrivateNetwork } from '../../src/network/private-network';
import { PrivateChat, PrivateChatProps } from '../../src/pattern/private-chat';

const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : 20261122;
const RUNS = process.env.FC_RUNS !== undefined ? Number(process.env.FC_RUNS) : 120;

/** Regions that offer Azure OpenAI (Microsoft's model availability table). */
const OPENAI_REGIONS = [
  'australiaeast', 'brazilsouth', 'canadacentral', 'canadaeast', 'eastus', 'eastus2', 'francecentral',
  'germanywestcentral', 'italynorth', 'japaneast', 'koreacentral', 'northcentralus', 'norwayeast', 'polandcentral',
  'southafricanorth', 'southcentralus', 'southindia', 'spaincentral', 'swedencentral', 'switzerlandnorth',
  'uaenorth', 'uksouth', 'westeurope', 'westus', 'westus3',
];

/** Naming rule of each resource type whose `name` the library derives or takes from the user. */
const NAME_RULES: Record<string, AzureNameRule> = {
  azurerm_resource_group: AzureNameRule.RESOURCE_GROUP,
  azurerm_virtual_network: AzureNameRule.VIRTUAL_NETWORK,
  azurerm_subnet: AzureNameRule.SUBNET,
  azurerm_network_security_group: AzureNameRule.NETWORK_RESOURCE,
  azurerm_nat_gateway: AzureNameRule.NETWORK_RESOURCE,
  azurerm_public_ip: AzureNameRule.NETWORK_RESOURCE,
  azurerm_private_endpoint: AzureNameRule.PRIVATE_ENDPOINT,
  azurerm_log_analytics_workspace: AzureNameRule.LOG_ANALYTICS_WORKSPACE,
  azurerm_cognitive_account: AzureNameRule.COGNITIVE_ACCOUNT,
  azurerm_cognitive_deployment: AzureNameRule.COGNITIVE_DEPLOYMENT,
  azurerm_cognitive_account_rai_policy: AzureNameRule.RAI_POLICY,
  azurerm_key_vault: AzureNameRule.KEY_VAULT,
  azurerm_key_vault_secret: AzureNameRule.KEY_VAULT_SECRET,
  azurerm_service_plan: AzureNameRule.SERVICE_PLAN,
  azurerm_linux_web_app: AzureNameRule.WEB_APP,
  azurerm_user_assigned_identity: AzureNameRule.USER_ASSIGNED_IDENTITY,
};
/** What `Names.globallyUnique` puts in a name: the first 8 hex characters of a sha256, computed at plan time. */
const PLAN_TIME_HASH = /\$\{substr\(sha256\([^}]*\), 0, 8\)\}/g;

/**
 * Versions of `model` a new deployment can use on the catalogue's research date (the date synth
 * assumes without the 'cdktf-private-chat:today' context): not Retired, not past their retirement
 * date and, with `window`, not retiring within 180 days (which would only add a warning).
 */
function currentVersions(model: ModelInfo, window: boolean): ModelVersionInfo[] {
  const today = Date.parse(`${ModelCatalogue.RESEARCHED_ON}T00:00:00Z`);
  const limit = window ? today + 180 * 86_400_000 : today;
  return model.versions.filter((v) => v.lifecycle !== ModelLifecycle.RETIRED
    && (v.retirementDate === undefined || Date.parse(`${v.retirementDate}T00:00:00Z`) > limit));
}

/** OpenAI-format models sold directly by Azure, with the versions drawn for each. */
const OPENAI_MODELS = ModelCatalogue.all().filter((m) => m.soldDirectly && m.format === 'OpenAI');
/** Deployable and not retiring within 180 days. */
const DEPLOYABLE = OPENAI_MODELS.filter((m) => currentVersions(m, true).length > 0);
const EMBEDDING_MODELS = DEPLOYABLE.filter((m) => m.kind === ModelKind.EMBEDDINGS).map((m) => m.name);
const OTHER_MODELS = DEPLOYABLE.filter((m) => m.kind !== ModelKind.EMBEDDINGS).map((m) => m.name);
/**
 * The chat deployment: models the default sample app can call. Every OpenAI one (gpt-4.1 and
 * gpt-4o families) retires within 180 days of the research date, so the retiring ones stay in:
 * they deploy, with the 'model-retiring' warning.
 */
const CHAT_MODELS = OPENAI_MODELS.filter((m) => ModelCatalogue.servesPlainChat(m.name) && currentVersions(m, false).length > 0).map((m) => m.name);
/** Versions drawn per model: the chat pool's may be retiring, the others' may not. */
const VERSIONS = new Map<string, ModelVersionInfo[]>(OPENAI_MODELS.map((m) => [m.name, currentVersions(m, !CHAT_MODELS.includes(m.name))]));
/** Each drawable (version, SKU name) pair of a model: the catalogue lists the SKUs per version. */
const versionsAndSkus = (modelName: string) => VERSIONS.get(modelName)!.flatMap((v) => v.skus.map((s) => [v.version, s] as const));
/** Deployment types that may process prompts in any Azure region: valid only with `allowGlobalProcessing: true` (issue 22). */
const GLOBAL_SKUS = ['GlobalStandard', 'GlobalProvisionedManaged', 'GlobalBatch'];
/**
 * Whether the catalogue lets `skuName` deploy `modelName` in `region`: a DataZoneStandard or
 * Standard deployment is refused where Microsoft's region table (ModelInfo's region lists) leaves
 * the region out; without a list the synth only warns (`model-region-unconfirmed`). A Data Zone
 * type outside the EU and US zones only warns too (`data-zone-region`), as before issue 22.
 */
function offeredIn(modelName: string, skuName: string, region: string): boolean {
  const model = ModelCatalogue.find(modelName)!;
  const regions = skuName === 'DataZoneStandard' ? model.dataZoneStandardRegions : skuName === 'Standard' ? model.standardRegions : undefined;
  if (regions === undefined) return true;
  return regions.includes(region) || (skuName === 'DataZoneStandard' && dataZoneOfRegion(region) === undefined);
}
/** The drawable (version, SKU name) pairs of a model in a region. */
const versionsAndSkusIn = (modelName: string, region: string) => versionsAndSkus(modelName).filter(([, sku]) => offeredIn(modelName, sku, region));
if (CHAT_MODELS.length === 0 || EMBEDDING_MODELS.length === 0 || OTHER_MODELS.length === 0) {
  throw new Error('the model catalogue has no deployable OpenAI chat, embeddings or other model for the property test');
}

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
const guid = fc.uuid();
const lowerWord = fc.stringMatching(/^[a-z][a-z0-9]{0,9}$/);
const subscriptionId = guid.map((g) => `/subscriptions/${g}`);
const resourceGroupName = fc.stringMatching(/^[A-Za-z0-9_()-][-\w.()]{0,30}[-\w()]$/);
const azureName = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/);

/** A private IPv4 address space and two non-overlapping subnets inside it. */
const addressing = fc.record({
  family: fc.constantFrom('10', '172', '192'),
  second: fc.integer({ min: 0, max: 255 }),
  third: fc.integer({ min: 0, max: 255 }),
  spacePrefix: fc.integer({ min: 16, max: 26 }),
  appExtra: fc.integer({ min: 1, max: 11 }),
  peExtra: fc.integer({ min: 1, max: 12 }),
  appFirst: fc.boolean(),
}).map(({ family, second, third, spacePrefix, appExtra, peExtra, appFirst }) => {
  const firstOctets = family === '10' ? [10, second] : family === '172' ? [172, 16 + (second % 16)] : [192, 168];
  const minPrefix = family === '10' ? 16 : family === '172' ? 16 : 16;
  const prefix = Math.max(spacePrefix, minPrefix);
  const base = firstOctets[0] * 2 ** 24 + firstOctets[1] * 2 ** 16 + third * 2 ** 8;
  const size = 2 ** (32 - prefix);
  const network = Math.floor(base / size) * size;
  // The app subnet is a /27 or larger, the endpoint subnet a /28 or larger; both fit in the space.
  const appPrefix = Math.min(prefix + appExtra, 27);
  const pePrefix = Math.min(prefix + peExtra, 28);
  const [firstPrefix, secondPrefix] = appFirst ? [appPrefix, pePrefix] : [pePrefix, appPrefix];
  const firstSize = 2 ** (32 - firstPrefix);
  const secondSize = 2 ** (32 - secondPrefix);
  const secondOffset = Math.max(firstSize, secondSize);
  const cidrs = [`${ip(network)}/${firstPrefix}`, `${ip(network + secondOffset)}/${secondPrefix}`];
  const [app, pe] = appFirst ? cidrs : [cidrs[1], cidrs[0]];
  return { addressSpace: `${ip(network)}/${prefix}`, appIntegrationSubnetCidr: app, privateEndpointSubnetCidr: pe };
});

function ip(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

const severity = fc.constantFrom(ContentFilterSeverity.LOW, ContentFilterSeverity.MEDIUM, ContentFilterSeverity.HIGH);
const harmFilter: fc.Arbitrary<HarmFilterOptions | undefined> = fc.option(fc.record({
  promptSeverity: fc.option(severity, { nil: undefined }),
  completionSeverity: fc.option(severity, { nil: undefined }),
  blocking: fc.option(fc.boolean(), { nil: undefined }),
}, { requiredKeys: [] }), { nil: undefined });

const contentFilter: fc.Arbitrary<ContentFilterOptions | undefined> = fc.option(fc.record({
  name: fc.option(fc.stringMatching(/^[A-Za-z0-9][-\w]{1,30}$/), { nil: undefined }),
  basePolicyName: fc.option(fc.constantFrom('Microsoft.DefaultV2', 'Microsoft.Default'), { nil: undefined }),
  hate: harmFilter,
  sexual: harmFilter,
  violence: harmFilter,
  selfHarm: harmFilter,
  jailbreakShield: fc.option(fc.boolean(), { nil: undefined }),
  indirectAttackShield: fc.option(fc.boolean(), { nil: undefined }),
  protectedMaterialText: fc.option(fc.boolean(), { nil: undefined }),
  protectedMaterialCode: fc.option(fc.boolean(), { nil: undefined }),
  mode: fc.option(fc.constantFrom(ContentFilterMode.DEFAULT, ContentFilterMode.ASYNCHRONOUS_FILTER), { nil: undefined }),
}, { requiredKeys: [] }), { nil: undefined });

function capacityFor(s: DeploymentSku): fc.Arbitrary<number | undefined> {
  switch (s.name) {
    case 'ProvisionedManaged': return fc.option(fc.integer({ min: 1, max: 8 }).map((k) => 25 * k), { nil: undefined });
    case 'GlobalProvisionedManaged':
    case 'DataZoneProvisionedManaged': return fc.option(fc.integer({ min: 0, max: 20 }).map((k) => 15 + 5 * k), { nil: undefined });
    case 'GlobalBatch':
    case 'DataZoneBatch': return fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined });
    default: return fc.option(fc.integer({ min: 1, max: 1_000 }), { nil: undefined });
  }
}

function deployment(models: string[], region: string, forChat = false): fc.Arbitrary<ModelDeploymentOptions> {
  const upgrades = [
    VersionUpgradeOption.NO_AUTO_UPGRADE, VersionUpgradeOption.ONCE_NEW_DEFAULT_VERSION_AVAILABLE, VersionUpgradeOption.ONCE_CURRENT_VERSION_EXPIRED,
  ];
  return fc.record({
    modelName: fc.constantFrom(...models),
    customName: fc.boolean(),
    name: fc.stringMatching(/^[A-Za-z0-9][-\w.]{1,30}$/),
    upgrade: fc.option(fc.constantFrom(...upgrades), { nil: undefined }),
  })
    // A version of the model, then a deployment type the catalogue offers it on in the region (any other fails the synth).
    // The chat deployment answers chat requests, so it is never a batch deployment (an error since issue 13).
    // A Global type needs the opt-in to global processing (an error since issue 22); any other type may carry it or not.
    .chain(({ modelName, customName, name, upgrade }) => fc.constantFrom(...versionsAndSkusIn(modelName, region).filter(([, sku]) => !forChat || !/Batch$/.test(sku)))
      .chain(([modelVersion, skuName]) => {
        const s = DeploymentSku.of(skuName);
        const allowGlobal = GLOBAL_SKUS.includes(skuName) ? fc.constant(true) : fc.option(fc.boolean(), { nil: undefined });
        return fc.tuple(capacityFor(s), allowGlobal).map(([capacity, allowGlobalProcessing]) => strip({
          modelName, modelVersion, sku: s, capacity, versionUpgradeOption: upgrade, name: customName ? name : undefined, allowGlobalProcessing,
        }));
      }));
}

/** Of `names`, the models with at least one drawable (version, SKU) pair in `region` (for the chat deployment: one that is not a batch type). */
function deployableIn(names: string[], region: string, forChat = false): string[] {
  return names.filter((n) => versionsAndSkusIn(n, region).some(([, sku]) => !forChat || !/Batch$/.test(sku)));
}

/**
 * 1-4 deployments in `region` with distinct names, at least one of a chat model; the chat
 * deployment named when it is not the first.
 */
const modelsIn = (region: string) => fc.tuple(
  deployment(deployableIn(CHAT_MODELS, region, true), region, true),
  fc.array(deployment(deployableIn([...OTHER_MODELS, ...EMBEDDING_MODELS, ...EMBEDDING_MODELS], region), region), { maxLength: 3 }),
  fc.nat(),
).map(([chat, others, position]) => {
  const list = [...others];
  const at = position % (list.length + 1);
  list.splice(at, 0, chat);
  const seen = new Set<string>();
  const unique = list.filter((d) => {
    const key = (d.name ?? d.modelName).toLowerCase();
    if (seen.has(key) && d !== chat) return false;
    seen.add(key);
    return true;
  });
  const chatName = chat.name ?? chat.modelName;
  return { models: unique, chatDeploymentName: unique[0] === chat ? undefined : chatName };
}).filter(({ models: m }) => new Set(m.map((d) => (d.name ?? d.modelName).toLowerCase())).size === m.length);

/** Settings the web app refuses (keys) or wires itself (the rest). */
const RESERVED_SETTINGS = [
  'AZURE_OPENAI_KEY', 'AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_MODEL', 'AZURE_CLIENT_ID', 'WEBSITES_PORT',
  'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET', 'OPENAI_API_KEYS', 'OPENAI_API_BASE_URLS', 'OPENAI_API_CONFIGS', 'WEBUI_SECRET_KEY', 'WEBUI_URL',
  'CORS_ALLOW_ORIGIN', 'DATABASE_URL', 'ENABLE_OPENAI_API', 'ENABLE_OLLAMA_API', 'AZURE_TOKEN_CREDENTIALS', 'ENABLE_PERSISTENT_CONFIG',
  'ENABLE_DIRECT_CONNECTIONS', 'ENABLE_OPENAI_API_PASSTHROUGH', 'WEBUI_AUTH_TRUSTED_EMAIL_HEADER', 'ENABLE_FORWARD_USER_INFO_HEADERS',
  'USER_PERMISSIONS_CHAT_TEMPORARY', 'USER_PERMISSIONS_CHAT_TEMPORARY_ENFORCED',
];
const settingKey = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.]{0,15}$/).filter((k) => !RESERVED_SETTINGS.includes(k.toUpperCase()));
const appSettings = fc.option(fc.dictionary(settingKey, fc.stringMatching(/^[ -~]{0,30}$/), { maxKeys: 4 }), { nil: undefined });

const registryUrl = fc.tuple(lowerWord, fc.constantFrom('.azurecr.io', '.example.com', ':5000')).map(([w, s]) => `https://${w}${s}`);
const imageName = fc.array(fc.stringMatching(/^[a-z0-9]+([._-][a-z0-9]+)*$/), { minLength: 1, maxLength: 3 }).map((p) => p.join('/'));
const imageOptions = fc.record({
  port: fc.option(fc.integer({ min: 1, max: 65_535 }), { nil: undefined }),
  appSettings,
  pullWithManagedIdentity: fc.option(fc.boolean(), { nil: undefined }),
}, { requiredKeys: [] });
const image: fc.Arbitrary<ContainerImage | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(ContainerImage.SAMPLE_CHAT_APP),
  fc.tuple(registryUrl, imageName, fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/).filter((t) => !MUTABLE_TAGS.includes(t.toLowerCase())), imageOptions)
    .map(([u, n, t, o]) => ContainerImage.fromRegistry(u, n, t, strip(o))),
  fc.tuple(registryUrl, imageName, hex(64), imageOptions).map(([u, n, d, o]) => ContainerImage.fromRegistryDigest(u, n, `sha256:${d}`, strip(o))),
);

// fast-check also draws objects made with Object.create(null), which users may pass too.
const tags = fc.option(fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,15}$/), fc.stringMatching(/^[A-Za-z0-9 _.:-]{0,20}$/), { maxKeys: 5 }), { nil: undefined });

/** Which parts the configuration brings instead of creating them. */
const bringYourOwn = fc.record({
  resourceGroup: fc.boolean(),
  network: fc.boolean(),
  dnsZones: fc.constantFrom('created', 'hub', 'hub-policy'),
  monitoring: fc.boolean(),
  identity: fc.boolean(),
  signIn: fc.constantFrom('default', 'created', 'existing-secret', 'existing-kv-secret'),
});

// The region first: the deployment types a model may use depend on it (issue 22).
const config = fc.constantFrom(...OPENAI_REGIONS).chain((location) => fc.record({
  location: fc.constant(location),
  accountKind: fc.constantFrom(undefined, AccountKind.AI_SERVICES, AccountKind.OPENAI),
  byo: bringYourOwn,
  resourceGroupName,
  addressing: fc.option(addressing, { nil: undefined }),
  natGateway: fc.option(fc.boolean(), { nil: undefined }),
  ids: fc.record({
    subscription: subscriptionId, rg: azureName, vnet: azureName, pe: azureName, app: azureName, workspace: azureName, identity: azureName,
  }),
  guids: fc.record({ client: guid, principal: guid, tenant: guid, signInClient: guid }),
  secretName: fc.stringMatching(/^[A-Za-z0-9-]{1,30}$/),
  // Key Vault names: 3-24 characters, no consecutive hyphens.
  vaultName: fc.stringMatching(/^[a-z][a-z0-9-]{1,20}[a-z0-9]$/).filter((n) => !n.includes('--')),
  models: modelsIn(location),
  contentFilter,
  image,
  appSettings,
  appServicePlanSku: fc.option(fc.constantFrom(...PRIVATE_APP_SERVICE_SKUS), { nil: undefined }),
  preventDestroy: fc.option(fc.boolean(), { nil: undefined }),
  tags,
}));
type Config = typeof config extends fc.Arbitrary<infer T> ? T : never;

/** Builds the stack of one configuration, through the public API only. */
function build(c: Config): TerraformStack {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'prop');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new AzureadProvider(stack, 'azuread', {});
  const sub = c.ids.subscription;
  const props: { -readonly [K in keyof PrivateChatProps]: PrivateChatProps[K] } = {
    location: c.location,
    models: c.models.models,
    chatDeploymentName: c.models.chatDeploymentName,
    contentFilter: c.contentFilter,
    image: c.image,
    appSettings: c.appSettings,
    appServicePlanSku: c.appServicePlanSku,
    preventDestroy: c.preventDestroy,
    tags: c.tags,
  };
  if (c.byo.resourceGroup) props.resourceGroupName = c.resourceGroupName;
  if (c.byo.network) {
    const vnet = `${sub}/resourceGroups/${c.ids.rg}/providers/Microsoft.Network/virtualNetworks/${c.ids.vnet}`;
    props.network = PrivateNetwork.fromAttributes(stack, 'Spoke', {
      virtualNetworkId: vnet,
      privateEndpointSubnetId: `${vnet}/subnets/${c.ids.pe}`,
      appIntegrationSubnetId: `${vnet}/subnets/${c.ids.app}-app`,
    });
  } else {
    Object.assign(props, c.addressing ?? {});
    props.natGateway = c.natGateway;
  }
  if (c.accountKind !== undefined) props.accountKind = c.accountKind;
  if (c.byo.dnsZones === 'hub') {
    const zones = `${sub}/resourceGroups/${c.ids.rg}-dns/providers/Microsoft.Network/privateDnsZones`;
    props.dnsZones = PrivateDnsZones.fromHubZoneIds(stack, 'Hub', {
      // A Foundry account's endpoint registers in the services.ai, openai and cognitiveservices zones.
      aiServices: `${zones}/privatelink.services.ai.azure.com`,
      openAi: `${zones}/privatelink.openai.azure.com`,
      cognitiveServices: `${zones}/privatelink.cognitiveservices.azure.com`,
      keyVault: `${zones}/privatelink.vaultcore.azure.net`,
      appService: `${zones}/privatelink.azurewebsites.net`,
      postgreSql: `${zones}/privatelink.postgres.database.azure.com`,
      // The file store for uploads (on by default with Open WebUI).
      blob: `${zones}/privatelink.blob.core.windows.net`,
    });
  } else if (c.byo.dnsZones === 'hub-policy') {
    props.dnsZones = PrivateDnsZones.fromHubZoneIds(stack, 'Hub', {}, { zoneGroups: ZoneGroupMode.MANAGED_BY_POLICY });
  }
  if (c.byo.monitoring) {
    props.monitoring = Monitoring.fromWorkspaceId(stack, 'Ops', `${sub}/resourceGroups/${c.ids.rg}-ops/providers/Microsoft.OperationalInsights/workspaces/${c.ids.workspace}`);
  }
  if (c.byo.identity) {
    props.identity = ChatIdentity.fromIdentityAttributes(stack, 'Id', {
      identityId: `${sub}/resourceGroups/${c.ids.rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${c.ids.identity}`,
      clientId: c.guids.client,
      principalId: c.guids.principal,
      tenantId: c.guids.tenant,
    });
  }
  switch (c.byo.signIn) {
    case 'created':
      props.signIn = SignIn.createAppRegistration();
      break;
    case 'existing-secret':
      props.signIn = SignIn.withExistingRegistration({ clientId: c.guids.signInClient, tenantId: c.guids.tenant, clientSecret: `${c.secretName}~secret` });
      break;
    case 'existing-kv-secret':
      props.signIn = SignIn.withExistingRegistration({ clientId: c.guids.signInClient, clientSecretKeyVaultSecretId: `https://${c.vaultName}.vault.azure.net/secrets/${c.secretName}` });
      break;
    default:
      break;
  }
  const chat = new PrivateChat(stack, 'chat', props);
  // Letting Azure upgrade a model is allowed by ModelDeployment (with a warning) but breaks
  // PCHAT-DEP-002, which PrivateChat applies; the documented way to choose it is an acknowledgement.
  if (c.models.models.some((m) => m.versionUpgradeOption !== undefined && m.versionUpgradeOption !== VersionUpgradeOption.NO_AUTO_UPGRADE)) {
    Compliance.acknowledge(chat, 'PCHAT-DEP-002', 'The team accepts Azure upgrading the model version in this environment');
  }
  return stack;
}

/** Names of planned resources that break Azure's rule for their type. */
function badNames(json: { resource?: Record<string, Record<string, { name?: unknown }>> }): string[] {
  const out: string[] = [];
  for (const [type, instances] of Object.entries(json.resource ?? {})) {
    const rule = NAME_RULES[type];
    if (!rule) continue;
    for (const [id, body] of Object.entries(instances)) {
      if (typeof body.name !== 'string') continue;
      const name = body.name.replace(PLAN_TIME_HASH, '0a1b2c3d');
      if (name.includes('${')) continue; // a reference to another resource's name, checked there
      const problem = rule.check(name);
      if (problem) out.push(`${type}.${id}: name '${name}' ${problem}`);
    }
  }
  return out;
}

function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

describe('PrivateChat: any valid configuration', () => {
  test(`synthesizes, passes the rule pack and the provider schemas, and names resources within Azure's rules (${RUNS} runs, seed ${SEED})`, () => {
    const start = Date.now();
    fc.assert(fc.property(config, (c) => {
      const stack = build(c);
      // Testing.synth runs the Aspects (the rule pack throws here) and the validations, and the
      // test suite's hook (test/setup.ts) holds the JSON against the provider schemas.
      const json = Testing.synth(stack, true);
      expect(Conformance.checkSynthesized(json)).toEqual([]);
      expect(badNames(JSON.parse(json))).toEqual([]);
    }), { seed: SEED, numRuns: RUNS });
    // Kept visible: the suite's time budget counts this test.
    // eslint-disable-next-line no-console
    console.log(`property test: ${RUNS} configurations in ${Date.now() - start} ms (seed ${SEED})`);
  });
});
