import { CatalogueEntry, build, ok, placement, SUB, VNET_ID } from './common';
import {
  ChatFrontEnd, ContainerImage, DeploymentSku, Egress, NamingConvention, OpenAiAccount, PrivateChat, PrivateChatProps, PrivateKeyVault, PrivateNetwork, SignIn,
} from '../../../src';
import { newStack } from '../../util';

/** Untyped input, as JavaScript callers (or TypeScript holding `any`) pass it. */
const js = <T>(value: unknown): T => value as T;
const chat = (p: unknown) => build.chat(js<Partial<PrivateChatProps>>(p));

const ACCOUNT_ID = `${SUB}/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/ais-shared`;
const PLAN_ID = `${SUB}/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp-shared`;

/** A PrivateChat on an existing spoke in the same stack. */
function onSpoke(p: Partial<PrivateChatProps> = {}) {
  const stack = newStack();
  const network = PrivateNetwork.fromAttributes(stack, 'Spoke', {
    virtualNetworkId: VNET_ID, privateEndpointSubnetId: `${VNET_ID}/subnets/private-endpoints`, appIntegrationSubnetId: `${VNET_ID}/subnets/app-integration`,
  });
  return new PrivateChat(stack, 'chat', { location: 'swedencentral', network, ...p });
}

/** A PrivateChat on an existing AI account in the same stack. */
function onSharedAccount(p: Partial<PrivateChatProps> = {}) {
  const stack = newStack();
  const openAi = OpenAiAccount.fromAttributes(stack, 'SharedAi', { accountId: ACCOUNT_ID });
  return new PrivateChat(stack, 'chat', { location: 'swedencentral', openAi, chatDeploymentName: 'gpt-4.1-mini', ...p });
}

/** A PrivateChat on an existing spoke whose region is known. */
function onSpokeIn(spokeLocation: string) {
  const stack = newStack();
  const network = PrivateNetwork.fromAttributes(stack, 'Spoke', {
    virtualNetworkId: VNET_ID,
    privateEndpointSubnetId: `${VNET_ID}/subnets/private-endpoints`,
    appIntegrationSubnetId: `${VNET_ID}/subnets/app-integration`,
    location: spokeLocation,
  });
  return new PrivateChat(stack, 'chat', { location: 'swedencentral', network });
}

/** Microsoft's sample chat app, built again with `fromRegistry` at another tag. */
const sampleAppAt = (tag: string) =>
  ContainerImage.fromRegistry(ContainerImage.SAMPLE_CHAT_APP.registryUrl, ContainerImage.SAMPLE_CHAT_APP.imageName, tag);

const entry = (
  prop: string, description: string, bad: () => unknown, valid: () => unknown, expected: RegExp, fix: string, warning = false,
): CatalogueEntry =>
  ({ construct: 'PrivateChat', prop, description, build: bad, valid, expected, fix, ...(warning ? { warning } : {}) });

const CHAT: CatalogueEntry[] = [
  ...placement('PrivateChat', (p) => build.chat(p as Partial<PrivateChatProps>)).map((e) => ({ ...e, valid: () => build.chat() })),
  entry('addressSpace', 'an existing network excludes the address props',
    () => onSpoke({ addressSpace: '10.1.0.0/16' }), () => onSpoke(),
    /'network' and 'addressSpace' are mutually exclusive: an existing network brings its own addresses and egress, got both \(addressSpace '10.1.0.0\/16'\)/,
    'Drop `addressSpace`, the subnet CIDRs and `egress` when passing `network`.'),
  entry('egress', 'an existing network brings its own egress',
    () => onSpoke({ egress: Egress.none() }), () => onSpoke({ natGateway: false }),
    /'network' and 'egress' are mutually exclusive/,
    'Drop `egress` with an existing network; its egress is the platform\'s.'),
  entry('natGateway', 'no NAT gateway is added to an existing network',
    () => onSpoke({ natGateway: true }), () => onSpoke({ natGateway: false }),
    /'network' and 'natGateway' are mutually exclusive when 'natGateway' is true: no NAT gateway is added to an existing network, got both/,
    'Drop `natGateway` (or set it false) with an existing network.'),
  entry('chatDeploymentName', 'names one of the given models',
    () => build.chat({ models: [ok], chatDeploymentName: 'gpt-4o' }), () => build.chat({ models: [ok], chatDeploymentName: 'gpt-4.1-mini' }),
    /'chatDeploymentName' must name one of the deployments in 'models' \('gpt-4.1-mini'\), got 'gpt-4o'/,
    'Use the `name` (or model name) of one entry of `models`.'),
  entry('chatDeploymentName', 'names one of the default deployments',
    () => build.chat({ chatDeploymentName: 'gpt-4o' }), () => build.chat({ chatDeploymentName: 'Llama-4-Maverick-17B-128E-Instruct-FP8' }),
    /'chatDeploymentName' must name one of the account's deployments \('Llama-4-Maverick-17B-128E-Instruct-FP8'\), got 'gpt-4o'/,
    'Leave it unset, or list the model in `models`.'),
  entry('models', 'at least one model for the chat app',
    () => build.chat({ models: [] }), () => build.chat({ models: [ok] }),
    /'models' must list at least one deployment for the chat app, got \[\]/,
    'Leave `models` unset for the default, or list at least one.'),
  entry('appServicePlanSku', 'a SKU with private endpoints and VNet integration',
    () => build.chat({ appServicePlanSku: 'F1' }), () => build.chat({ appServicePlanSku: 'P1v3' }),
    /'appServicePlanSku' must be a SKU that supports private endpoints and VNet integration: one of B1, .*, got 'F1'/,
    'Use Basic, Standard or Premium v2/v3/v4 (default `P0v3`).'),

  // Runtime types at the public boundary (JavaScript, or TypeScript holding `any`).
  entry('location', 'a string, not null',
    () => chat({ location: null }), () => chat({ location: 'swedencentral' }),
    /^PrivateChat 'test\/chat': 'location' must be a string, got null$/,
    'Pass the region as a string, e.g. `swedencentral`.'),
  entry('location', 'no surrounding whitespace',
    () => chat({ location: 'swedencentral ' }), () => chat({ location: 'swedencentral' }),
    /'location' must not start or end with whitespace, got 'swedencentral '/,
    'Trim the region (often read from a file with a trailing newline).'),
  entry('natGateway', 'a boolean, not a string',
    () => chat({ natGateway: 'false' }), () => chat({ natGateway: false }),
    /'natGateway' must be true or false \(a boolean, not a string or number\), got 'false'/,
    'Pass `false`, not `\'false\'` (or use `egress`).'),
  entry('preventDestroy', 'a boolean, not a number',
    () => chat({ preventDestroy: 0 }), () => chat({ preventDestroy: false }),
    /'preventDestroy' must be true or false .*, got 0/,
    'Pass `true` or `false`.'),
  entry('signIn', 'a SignIn from its factories',
    () => chat({ signIn: { clientId: '11111111-2222-3333-4444-555555555555' } }), () => chat({ signIn: SignIn.createAppRegistration() }),
    /'signIn' must be a SignIn \(SignIn.createAppRegistration\(\) or SignIn.withExistingRegistration\(...\)\), got \{"clientId"/,
    'Build it with `SignIn.withExistingRegistration({ clientId, ... })` or `SignIn.createAppRegistration()`.'),
  entry('image', 'a ContainerImage from its factories',
    () => chat({ image: { registryUrl: 'https://myregistry.azurecr.io', imageName: 'chat', tag: '1.0' } }),
    () => chat({ image: ContainerImage.fromRegistry('https://myregistry.azurecr.io', 'chat', '1.0') }),
    /'image' must be a ContainerImage \(ContainerImage.SAMPLE_CHAT_APP, .*\), got \{"registryUrl"/,
    'Build it with `ContainerImage.fromRegistry(...)` or `fromRegistryDigest(...)`.'),
  entry('identity', 'an IChatIdentity',
    () => chat({ identity: { clientId: '11111111-2222-3333-4444-555555555555' } }), () => chat({}),
    /'identity' must be an IChatIdentity .*, got \{"clientId"/,
    'Pass a `ChatIdentity` or `ChatIdentity.fromIdentityAttributes(...)`.'),
  entry('network', 'an IPrivateNetwork',
    () => chat({ network: 'vnet-spoke' }), () => onSpoke(),
    /'network' must be a PrivateNetwork or PrivateNetwork.fromAttributes\(...\), got 'vnet-spoke'/,
    'Pass `PrivateNetwork.fromAttributes(stack, id, { virtualNetworkId, ... })`.'),
  entry('models[1]', 'no undefined element',
    () => chat({ models: [ok, undefined] }), () => chat({ models: [ok] }),
    /'models\[1\]' must be an object, got undefined/,
    'Remove the empty element (often a conditional model that evaluated to undefined).'),
  entry('models[0].capacity', 'a number, not a string',
    () => chat({ models: [{ ...ok, capacity: '10' }] }), () => chat({ models: [{ ...ok, capacity: 10 }] }),
    /'models\[0\].capacity' must be an integer between 1 and \d+ .*, got '10'/,
    'Pass the capacity as a number.'),
  entry('contentFilter.hate.blocking', 'a boolean, not a string',
    () => chat({ contentFilter: { hate: { blocking: 'false' } } }), () => chat({ contentFilter: { hate: { blocking: true } } }),
    /'contentFilter.hate.blocking' must be true or false .*, got 'false'/,
    'Pass `true` or `false`; `\'false\'` is a string.'),
  entry('appSettings.PORT', 'string values',
    () => chat({ appSettings: { PORT: 8080 } }), () => chat({ appSettings: { PORT: '8080' } }),
    /'appSettings.PORT' must be a string, got 8080/,
    'App settings are strings: `\'8080\'`.'),
  entry('allowedFqdns[0]', 'strings',
    () => chat({ allowedFqdns: [42] }), () => chat({ allowedFqdns: ['example.com'] }),
    /'allowedFqdns\[0\]' must be a string, got 42/,
    'List host names as strings.'),
  entry('tags.a/b', 'Azure tag names',
    () => chat({ tags: { 'a/b': 'x' } }), () => chat({ tags: { ab: 'x' } }),
    /'tags.a\/b' is not a valid tag name: Azure refuses '<', '>', '%', '&', '\\', '\?' and '\/' in tag names, got 'a\/b'/,
    'Remove `< > % & \\ ? /` from tag names.'),
  entry('colour', 'no unknown prop (a typo is not ignored)',
    () => chat({ colour: 'blue' }), () => chat({}),
    /'colour' is not a known prop \(known: .*\), got 'blue'/,
    'Check the prop name against API.md.'),
  entry('egress', 'an Egress from its factories',
    () => chat({ egress: 'nat' }), () => chat({ egress: Egress.natGateway() }),
    /'egress' must be an Egress \(.*\), got 'nat'/,
    'Use `Egress.natGateway()`, `Egress.throughFirewall(ip)`, `Egress.providedElsewhere(description)` or `Egress.none()`.'),
  entry('naming', 'an INamingConvention',
    () => chat({ naming: '{abbr}-{role}' }), () => chat({ naming: NamingConvention.fromPattern('{abbr}-chat-{role}-{hash}') }),
    /'naming' must be an INamingConvention .*, got '\{abbr\}-\{role\}'/,
    'Wrap the pattern: `NamingConvention.fromPattern(\'{abbr}-chat-{role}\')`.'),

  // Names and bring-your-own pieces.
  entry('names.keyVault', 'a Key Vault name Azure accepts',
    () => chat({ names: { keyVault: 'kv_chat' } }), () => chat({ names: { keyVault: 'kv-chat-prod-001' } }),
    /'names.keyVault' must contain only .*, got 'kv_chat'/,
    'Use 3-24 letters, digits and hyphens, starting with a letter.'),
  entry('names.webApp', 'a web app name Azure accepts',
    () => chat({ names: { webApp: '-chat' } }), () => chat({ names: { webApp: 'app-chat-prod-001' } }),
    /'names.webApp' must contain only .*, got '-chat'/,
    'Use 2-60 letters, digits and hyphens, not starting or ending with a hyphen.'),
  entry('names.resourceGroup', 'not with an existing resource group',
    () => chat({ names: { resourceGroup: 'rg-x' }, resourceGroupName: 'rg-y' }), () => chat({ names: { resourceGroup: 'rg-x' } }),
    /'names.resourceGroup' names a resource group to create and 'resourceGroupName' an existing one: set one, got both/,
    'Set `resourceGroupName` for an existing group, or `names.resourceGroup` for a new one.'),
  entry('servicePlanId', 'the id of an App Service plan',
    () => chat({ servicePlanId: `${SUB}/resourceGroups/rg-web/providers/Microsoft.Web/sites/app-x` }), () => chat({ servicePlanId: PLAN_ID }),
    /'servicePlanId' must be the id of a Microsoft.Web\/serverFarms resource \(found Microsoft.Web\/sites\)/,
    'Pass the plan\'s id (`az appservice plan show --query id`), not the app\'s.'),
  entry('servicePlanId', 'an existing plan keeps its SKU',
    () => chat({ servicePlanId: PLAN_ID, appServicePlanSku: 'P1v3' }), () => chat({ servicePlanId: PLAN_ID }),
    /'servicePlanId' and 'appServicePlanSku' are mutually exclusive/,
    'Drop `appServicePlanSku` with an existing plan.'),
  entry('chatDeploymentName', 'required with an existing account',
    () => onSharedAccount({ chatDeploymentName: undefined }), () => onSharedAccount(),
    /'chatDeploymentName' is required with an existing 'openAi' account: name the deployment the app chats with, got undefined/,
    'Name the deployment on the shared account that the app should use.'),
  entry('models', 'not with an existing account',
    () => onSharedAccount({ models: [ok] }), () => onSharedAccount(),
    /'openAi' and 'models' are mutually exclusive/,
    'Deploy models where the shared account is managed, and name one in `chatDeploymentName`.'),
  entry('vault', 'an IPrivateKeyVault',
    () => chat({ vault: { vaultId: 'kv' } }),
    () => {
      const stack = newStack();
      const vault = PrivateKeyVault.fromAttributes(stack, 'SharedVault', {
        vaultId: `${SUB}/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-shared`, vaultUri: 'https://kv-shared.vault.azure.net/',
      });
      return new PrivateChat(stack, 'chat', { location: 'swedencentral', vault });
    },
    /'vault' must be an IPrivateKeyVault .*, got \{"vaultId":"kv"\}/,
    'Pass `PrivateKeyVault.fromAttributes(stack, id, { vaultId, vaultUri })`.'),

  // Names Azure reserves, regions, more runtime types (issue 11).
  entry('names.webApp', 'no reserved word as the whole name',
    () => chat({ names: { webApp: 'office' } }), () => chat({ names: { webApp: 'office-chat' } }),
    /'names.webApp' must not use a word Azure reserves for names with a public endpoint .*: 'office' is reserved as a whole name, got 'office'/,
    'Pick another name; reserved words such as `azure`, `office` or `xbox` cannot be the whole name.'),
  entry('names.webApp', 'no MICROSOFT or WINDOWS anywhere in the name',
    () => chat({ names: { webApp: 'chat-windows-prod' } }), () => chat({ names: { webApp: 'chat-contoso-prod' } }),
    /'names.webApp' must not use a word Azure reserves .*: 'windows' is refused anywhere in the name, got 'chat-windows-prod'/,
    'Remove `microsoft` and `windows` from the name.'),
  entry('names.webApp', 'no LOGIN at the start of the name',
    () => chat({ names: { webApp: 'login-chat' } }), () => chat({ names: { webApp: 'chat-login' } }),
    /'names.webApp' must not use a word Azure reserves .*: 'login' is refused at the start of the name, got 'login-chat'/,
    'Do not start the name with `login`.'),
  entry('names.webapp', 'no unknown key in names (a typo is not ignored)',
    () => chat({ names: { webapp: 'chat-prod' } }), () => chat({ names: { webApp: 'chat-prod' } }),
    /'names.webapp' is not a known prop \(known: .*webApp.*\), got 'chat-prod'/,
    'Check the key against `PrivateChatNames` (`webApp`).'),
  entry('location', 'the region of an existing network, when it is given',
    () => onSpokeIn('westeurope'), () => onSpokeIn('swedencentral'),
    /'location' must be the region of its network \('westeurope'\).*, got 'swedencentral'/,
    'Deploy in the spoke\'s region, or correct the `location` given to `PrivateNetwork.fromAttributes`.'),
  entry('location', 'a string, not a number',
    () => chat({ location: 42 }), () => chat({ location: 'swedencentral' }),
    /'location' must be a string, got 42/,
    'Pass the region as a string.'),
  entry('natGateway', 'a boolean, not a number',
    () => chat({ natGateway: 1 }), () => chat({ natGateway: true }),
    /'natGateway' must be true or false .*, got 1/,
    'Pass `true` or `false`.'),
  entry('allowedFqdns[1]', 'no undefined element',
    () => chat({ allowedFqdns: ['example.com', undefined] }), () => chat({ allowedFqdns: ['example.com'] }),
    /'allowedFqdns\[1\]' must be a string, got undefined/,
    'Remove the empty element.'),
  entry('chatDeploymentName', 'a string, not a number',
    () => chat({ chatDeploymentName: 4 }), () => chat({ chatDeploymentName: 'Llama-4-Maverick-17B-128E-Instruct-FP8' }),
    /'chatDeploymentName' must be a string, got 4/,
    'Name the deployment as a string.'),
  entry('dnsZones', 'an IPrivateDnsZones',
    () => chat({ dnsZones: `${SUB}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones` }), () => chat({}),
    /'dnsZones' must be a PrivateDnsZones or PrivateDnsZones.fromHubZoneIds\(...\), got '\/subscriptions/,
    'Pass `PrivateDnsZones.fromHubZoneIds(stack, id, { ... })`.'),
  entry('monitoring', 'an IMonitoring',
    () => chat({ monitoring: { workspaceId: 'log-central' } }), () => chat({}),
    /'monitoring' must be a Monitoring or Monitoring.fromWorkspaceId\(...\), got \{"workspaceId"/,
    'Pass `Monitoring.fromWorkspaceId(stack, id, workspaceId)`.'),
  entry('openAi', 'an IOpenAiAccount',
    () => chat({ openAi: ACCOUNT_ID, chatDeploymentName: 'gpt-4.1-mini' }), () => onSharedAccount(),
    /'openAi' must be an IOpenAiAccount .*, got '\/subscriptions/,
    'Pass `OpenAiAccount.fromAttributes(stack, id, { accountId })`.'),
  entry('servicePlanId', 'a well-formed id with a GUID subscription',
    () => chat({ servicePlanId: '/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp-shared' }), () => chat({ servicePlanId: PLAN_ID }),
    /'servicePlanId' must be an Azure resource id .*, got '\/subscriptions\/0000\//,
    'Copy the id from `az appservice plan show --query id`.'),
  entry('tags', 'at most 50 tags',
    () => chat({ tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`tag${i}`, 'x'])) }),
    () => chat({ tags: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`tag${i}`, 'x'])) }),
    /'tags' must hold at most 50 tags \(Azure's limit per resource\), got '51 tags'/,
    'Keep at most 50 tags; fewer if resources add their own.'),
  entry('appSettings.OPENAI_API_KEY', 'no key in plain text (checked by the app)',
    () => chat({ appSettings: { OPENAI_API_KEY: 'sk-abc' } }), () => chat({ appSettings: {} }),
    /^ChatWebApp 'test\/chat\/App': 'appSettings.OPENAI_API_KEY' must not hold a key or secret in plain text .*, got 'a plain-text value'$/,
    'Remove it: the app signs in to Azure OpenAI with its managed identity. Other secrets go in as Key Vault references.'),
  entry('image.tag', 'no moving tag (checked by the app)',
    () => chat({ image: ContainerImage.fromRegistry('https://myregistry.azurecr.io', 'chat', 'stable') }),
    () => chat({ image: ContainerImage.fromRegistry('https://myregistry.azurecr.io', 'chat', '1.2.0') }),
    /'image.tag' must be a pinned tag, not 'stable' \(a moving tag: .*, got 'stable'/,
    'Pin a version tag, or set `allowMutableTag` in the image options for a dev environment.'),

  // Chat deployments the front end cannot call (warnings until issue 13 made them errors).
  entry('chatDeploymentName', 'a chat deployment the front end can call, not an embeddings model',
    () => build.chat({ models: [ok, { modelName: 'text-embedding-3-small', modelVersion: '1' }], chatDeploymentName: 'text-embedding-3-small' }),
    () => build.chat({ models: [ok, { modelName: 'text-embedding-3-small', modelVersion: '1' }], chatDeploymentName: 'gpt-4.1-mini' }),
    /'chatDeploymentName' must name a chat deployment Open WebUI can call, not an embeddings model \(text-embedding-3-small\): it answers no chat requests, got 'text-embedding-3-small'/,
    'Name a chat deployment in `chatDeploymentName`; embeddings deployments serve retrieval, not chat.'),
  entry('chatDeploymentName', 'a chat deployment the front end can call, not a batch SKU',
    () => build.chat({ models: [ok, { ...ok, name: 'batch', sku: DeploymentSku.GLOBAL_BATCH }], chatDeploymentName: 'batch' }),
    () => build.chat({ models: [ok, { ...ok, name: 'batch', sku: DeploymentSku.GLOBAL_BATCH }], chatDeploymentName: 'gpt-4.1-mini' }),
    /'chatDeploymentName' must name a chat deployment Open WebUI can call, not a GlobalBatch deployment: batch deployments answer files hours later/,
    'Name a Standard or Provisioned deployment in `chatDeploymentName`.'),
  entry('chatDeploymentNames[0]', 'each offered deployment can be called by the front end',
    () => build.chat({ models: [ok, { modelName: 'text-embedding-3-small', modelVersion: '1' }], chatDeploymentNames: ['text-embedding-3-small'] }),
    () => build.chat({ models: [ok, { modelName: 'text-embedding-3-small', modelVersion: '1' }], chatDeploymentNames: ['gpt-4.1-mini'] }),
    /'chatDeploymentNames\[0\]' must name a chat deployment Open WebUI can call, not an embeddings model/,
    'Offer chat deployments only; leave `chatDeploymentNames` out to offer every one the front end can call.'),
  entry('chatDeploymentNames', 'a one-model front end is offered one deployment',
    () => build.chat({ models: [ok, { ...ok, name: 'second' }], chatDeploymentNames: ['second'], frontEnd: ChatFrontEnd.sampleChatApp() }),
    () => build.chat({ models: [ok, { ...ok, name: 'second' }], chatDeploymentNames: ['second'] }),
    /'chatDeploymentNames' must be left out for Microsoft's sample chat app, which calls one deployment/,
    'Use Open WebUI (the default) to offer several models, or leave `chatDeploymentNames` out.'),
  entry('models', 'the sample app cannot call an open reasoning model',
    () => build.chat({ models: [{ modelName: 'gpt-oss-120b', modelVersion: '1' }], frontEnd: ChatFrontEnd.sampleChatApp() }),
    () => build.chat({ models: [{ modelName: 'gpt-oss-120b', modelVersion: '1' }] }),
    /'models' must include a chat deployment Microsoft's sample chat app can call \('gpt-oss-120b' is a reasoning model \(gpt-oss-120b\), which Microsoft's sample chat app cannot call/,
    'Use Open WebUI (the default), which calls reasoning models, or a non-reasoning chat model (e.g. Llama-4-Maverick-17B-128E-Instruct-FP8) with the sample app.'),
  entry('models', 'the sample app, rebuilt with fromRegistry, cannot call a reasoning model',
    () => build.chat({ models: [{ modelName: 'gpt-5-mini', modelVersion: '2025-08-07' }], image: sampleAppAt('2025-03-01_1') }),
    () => build.chat({ models: [ok], image: sampleAppAt('2025-03-01_1') }),
    /'models' must include a chat deployment Microsoft's sample chat app can call \('gpt-5-mini' is a reasoning model/,
    'Use a non-reasoning chat model with the sample app (any tag of it), or Open WebUI.'),
  entry('models', 'at least one deployment has chat completions',
    () => build.chat({ models: [{ modelName: 'whisper', modelVersion: '001', allowUnknownModel: true }] }),
    () => build.chat({ models: [{ modelName: 'whisper', modelVersion: '001', allowUnknownModel: true }, ok] }),
    /'models' must include a chat deployment Open WebUI can call \('whisper' is a model without chat completions \(whisper\)/,
    'Add a chat model to `models`; speech, image and realtime models cannot serve the chat app.'),
  entry('frontEnd', "'image' and 'frontEnd' are mutually exclusive",
    () => build.chat({ image: ContainerImage.SAMPLE_CHAT_APP, frontEnd: ChatFrontEnd.sampleChatApp() }),
    () => build.chat({ frontEnd: ChatFrontEnd.sampleChatApp() }),
    /'image' and 'frontEnd' are mutually exclusive: 'image' is short for 'frontEnd: ChatFrontEnd.fromImage\(image\)', got both/,
    'Give the image to `ChatFrontEnd.fromImage(image)` and pass that as `frontEnd`, or pass `image` alone.'),
];

/** The entries of this area, in the order the docs list them. */
export const PATTERN_ENTRIES: CatalogueEntry[] = [...CHAT];
