// Catalogue entries of the AI gateway: AiGateway's props and AiGateway.checkUserSource.
import { TerraformStack } from 'cdktf';
import { CatalogueEntry, GUID, LOCATION, placement, RG, SUB } from './common';
import {
  AiGateway, AiGatewayBackend, AiGatewayProps, GatewayUserSource, IAiAccount, Monitoring, MonitorPrivateLinkScope, OpenAiAccount, PrivateDnsZones,
  PrivateLinkZone, PrivateNetwork,
} from '../../../src';
import { newStack } from '../../util';

/** Untyped input, as JavaScript callers (or TypeScript holding `any`) pass it. */
const js = <T>(value: unknown): T => value as T;

const SUBNET = `${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/virtualNetworks/vnet-chat/subnets/apim-integration`;

function account(stack: TerraformStack, id: string): IAiAccount {
  return OpenAiAccount.fromAttributes(stack, id, {
    accountId: `${SUB}/resourceGroups/${RG}/providers/Microsoft.CognitiveServices/accounts/oai-${id.toLowerCase()}`,
    endpoint: `https://oai-${id.toLowerCase()}.openai.azure.com/`,
  });
}

/**
 * A gateway in a fresh stack whose zones include privatelink.azure-api.net (and Azure Monitor's
 * with `emitTokenMetrics: true`).
 * `backends` builds the backends from the stack's two accounts (`A` and `B`); the default is
 * `[{ account: a }]`. `inStack` adds props made in that stack (a workspace, a scope).
 */
export function aiGateway(
  p: Partial<AiGatewayProps> = {},
  backends?: (a: IAiAccount, b: IAiAccount) => AiGatewayBackend[],
  inStack?: (stack: TerraformStack) => Partial<AiGatewayProps>,
): AiGateway {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
  // Azure Monitor's five zones only where a new monitor scope needs them (more zones, slower synth).
  const monitorZones = p.emitTokenMetrics === true ? PrivateLinkZone.azureMonitor() : [];
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', {
    resourceGroupName: RG, network, zones: [...PrivateLinkZone.all(), PrivateLinkZone.API_MANAGEMENT, ...monitorZones],
  });
  const a = account(stack, 'A');
  const b = account(stack, 'B');
  return new AiGateway(stack, 'Gateway', {
    ...inStack?.(stack),
    resourceGroupName: RG,
    location: LOCATION,
    network,
    dnsZones,
    backends: backends ? backends(a, b) : [{ account: a }],
    integrationSubnetId: SUBNET,
    allowedCallerClientIds: [GUID],
    publisherEmail: 'platform@contoso.com',
    ...p,
  });
}

const valid = () => aiGateway();
/** The stack's own workspace, for the telemetry props. */
const workspace = (stack: TerraformStack): Partial<AiGatewayProps> => ({
  monitoring: new Monitoring(stack, 'Monitoring', { resourceGroupName: RG, location: LOCATION }),
});
const HUB_SCOPE = `${SUB}/resourceGroups/rg-hub/providers/Microsoft.Insights/privateLinkScopes/ampls-hub`;
/** The workspace and the hub's monitor scope, for the token-metrics props. */
const workspaceAndHubScope = (stack: TerraformStack): Partial<AiGatewayProps> => ({
  ...workspace(stack), monitorPrivateLinkScope: MonitorPrivateLinkScope.fromScopeId(stack, 'Hub', HUB_SCOPE),
});

export const GATEWAY_ENTRIES: CatalogueEntry[] = [
  ...placement('AiGateway', (p) => aiGateway(p)).map((e) => ({ ...e, valid })),
  {
    construct: 'AiGateway',
    prop: 'backends',
    description: 'at least one account',
    build: () => aiGateway({}, () => []),
    expected: /'backends' must list at least one account, got \[\]/,
    fix: 'List the model accounts the gateway fronts, e.g. `[{ account: chat.aiAccount }]`.',
    valid,
  },
  {
    construct: 'AiGateway',
    prop: 'backends[1].account',
    description: 'each account once',
    build: () => aiGateway({}, (a) => [{ account: a }, { account: a, name: 'again' }]),
    expected: /'backends\[1\].account' must not repeat the account of 'backends\[0\]', got 'test\/A'/,
    fix: 'List each account once; order them with `priority`.',
    valid: () => aiGateway({}, (a, b) => [{ account: a }, { account: b }]),
  },
  {
    construct: 'AiGateway',
    prop: 'backends[0].priority',
    description: 'a positive integer',
    build: () => aiGateway({}, (a) => [{ account: a, priority: 0 }]),
    expected: /'backends\[0\].priority' must be an integer between 1 and 1000, got 0/,
    fix: 'Use 1 for the first backend to try, higher numbers for spill-over.',
    valid: () => aiGateway({}, (a) => [{ account: a, priority: 1 }]),
  },
  {
    construct: 'AiGateway',
    prop: 'backends[0].name',
    description: 'an API Management backend name',
    build: () => aiGateway({}, (a) => [{ account: a, name: 'east us' }]),
    expected: /'backends\[0\].name' must be 1-80 letters, digits and hyphens, starting and ending with a letter or digit, got 'east us'/,
    fix: 'Use letters, digits and hyphens, e.g. `east-us`.',
    valid: () => aiGateway({}, (a) => [{ account: a, name: 'east-us' }]),
  },
  {
    construct: 'AiGateway',
    prop: 'backends[1].name',
    description: 'unique backend names',
    build: () => aiGateway({}, (a, b) => [{ account: a, name: 'primary' }, { account: b, name: 'Primary' }]),
    expected: /'backends\[1\].name' must differ from 'backends\[0\]' \(backend names are case-insensitive\), got 'Primary'/,
    fix: 'Give each backend its own name, or leave names out.',
    valid: () => aiGateway({}, (a, b) => [{ account: a, name: 'primary' }, { account: b, name: 'secondary' }]),
  },
  {
    construct: 'AiGateway',
    prop: 'skuName',
    description: 'Basic v2 has no inbound private endpoint',
    build: () => aiGateway({ skuName: 'BasicV2_1' }),
    expected: /'skuName' must be 'StandardV2_1'…'StandardV2_10' or 'PremiumV2_1'…'PremiumV2_30', the tiers with an inbound private endpoint and outbound VNet integration: Basic v2 has no inbound private endpoint, got 'BasicV2_1'/,
    fix: 'Use `StandardV2_1` (the default) or a Premium v2 SKU.',
    valid: () => aiGateway({ skuName: 'StandardV2_1' }),
  },
  {
    construct: 'AiGateway',
    prop: 'skuName',
    description: 'no classic tier (VNet injection, out of scope)',
    build: () => aiGateway({ skuName: 'Developer_1' }),
    expected: /'skuName' must be .*: classic tiers reach private backends only through VNet injection.*, got 'Developer_1'/,
    fix: 'Use `StandardV2_1`: it deploys in minutes and combines a private endpoint with VNet integration.',
    valid: () => aiGateway({ skuName: 'PremiumV2_1' }),
  },
  {
    construct: 'AiGateway',
    prop: 'skuName',
    description: 'no Consumption tier',
    build: () => aiGateway({ skuName: 'Consumption_0' }),
    expected: /'skuName' must be .*: Consumption has neither an inbound private endpoint nor VNet integration, got 'Consumption_0'/,
    fix: 'Use `StandardV2_1`.',
    valid,
  },
  {
    construct: 'AiGateway',
    prop: 'skuName',
    description: 'tier and units',
    build: () => aiGateway({ skuName: 'StandardV2' }),
    expected: /'skuName' must be .* \(the tier and units, e.g. 'StandardV2_1'\), got 'StandardV2'/,
    fix: 'Append the number of units: `StandardV2_1`.',
    valid,
  },
  {
    construct: 'AiGateway',
    prop: 'integrationSubnetId',
    description: 'a subnet dedicated to the gateway',
    build: () => {
      const stack = newStack();
      const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
      const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: RG, network, zones: [PrivateLinkZone.API_MANAGEMENT] });
      return new AiGateway(stack, 'Gateway', {
        resourceGroupName: RG,
        location: LOCATION,
        network,
        dnsZones,
        backends: [{ account: account(stack, 'A') }],
        integrationSubnetId: network.appIntegrationSubnetId as string,
        allowedCallerClientIds: [GUID],
        publisherEmail: 'platform@contoso.com',
      });
    },
    expected: /'integrationSubnetId' must be a subnet dedicated to this gateway, not the network's 'app-integration' subnet: Azure refuses an integration subnet shared with another resource/,
    fix: 'Add a /27 or larger subnet delegated to Microsoft.Web/serverFarms, with an NSG, and pass its id.',
    valid,
  },
  {
    construct: 'AiGateway',
    prop: 'integrationSubnetId',
    description: 'a subnet id',
    build: () => aiGateway({ integrationSubnetId: 'apim-integration' }),
    expected: /'integrationSubnetId' must be .*, got 'apim-integration'/,
    fix: 'Pass the subnet\'s full resource id.',
    valid,
  },
  {
    construct: 'AiGateway',
    prop: 'allowedCallerClientIds',
    description: 'at least one caller',
    build: () => aiGateway({ allowedCallerClientIds: [] }),
    expected: /'allowedCallerClientIds' must list at least one client id .*, got \[\]/,
    fix: 'Pass the front end identity\'s `clientId`.',
    valid,
  },
  {
    construct: 'AiGateway',
    prop: 'allowedCallerClientIds[0]',
    description: 'client ids are GUIDs',
    build: () => aiGateway({ allowedCallerClientIds: ['open-webui'] }),
    expected: /'allowedCallerClientIds\[0\]' must be a GUID .*, got 'open-webui'/,
    fix: 'Pass the client (application) id, not a name.',
    valid,
  },
  {
    construct: 'AiGateway',
    prop: 'tokensPerMinutePerUser',
    description: 'a positive integer',
    build: () => aiGateway({ tokensPerMinutePerUser: 0 }),
    expected: /'tokensPerMinutePerUser' must be an integer between 1 and 1000000000, got 0/,
    fix: 'Give each user a positive number of tokens per minute, e.g. 20000.',
    valid: () => aiGateway({ tokensPerMinutePerUser: 20000 }),
  },
  {
    construct: 'AiGateway',
    prop: 'tokensPerDayPerUser',
    description: 'a positive integer',
    build: () => aiGateway({ tokensPerDayPerUser: -5 }),
    expected: /'tokensPerDayPerUser' must be an integer between 1 and 1000000000, got -5/,
    fix: 'Give each user a positive daily quota, e.g. 500000.',
    valid: () => aiGateway({ tokensPerDayPerUser: 500000 }),
  },
  {
    construct: 'AiGateway',
    prop: 'deploymentLimits[1].deployment',
    description: 'each deployment once',
    build: () => aiGateway({ deploymentLimits: [{ deployment: 'gpt-5', tokensPerMinutePerUser: 5000 }, { deployment: 'gpt-5', tokensPerDayPerUser: 9000 }] }),
    expected: /'deploymentLimits\[1\].deployment' must not repeat a deployment listed before \(deployment names are case-insensitive\), got 'gpt-5'/,
    fix: 'Merge the two entries into one.',
    valid: () => aiGateway({ deploymentLimits: [{ deployment: 'gpt-5', tokensPerMinutePerUser: 5000, tokensPerDayPerUser: 9000 }] }),
  },
  {
    construct: 'AiGateway',
    prop: 'deploymentLimits[0]',
    description: 'sets a limit',
    build: () => aiGateway({ deploymentLimits: [{ deployment: 'gpt-5' }] }),
    expected: /'deploymentLimits\[0\]' must set 'tokensPerMinutePerUser' or 'tokensPerDayPerUser' \(otherwise it changes nothing\), got neither for 'gpt-5'/,
    fix: 'Set at least one of the two limits, or drop the entry.',
    valid: () => aiGateway({ deploymentLimits: [{ deployment: 'gpt-5', tokensPerDayPerUser: 100000 }] }),
  },
  {
    construct: 'AiGateway',
    prop: 'userSource',
    description: 'one the front end can supply',
    build: () => aiGateway({ userSource: GatewayUserSource.TOKEN_CLAIM, callerUserSources: [GatewayUserSource.FORWARDED_HEADER] }),
    expected: /'userSource' must be a source the calling front end can supply \('ForwardedHeader'\): the front end calls with its own identity's token, so the token names no user; use GatewayUserSource.FORWARDED_HEADER, got 'TokenClaim'/,
    fix: 'With Open WebUI, keep `GatewayUserSource.FORWARDED_HEADER` and set `ENABLE_FORWARD_USER_INFO_HEADERS=true`.',
    valid: () => aiGateway({ userSource: GatewayUserSource.FORWARDED_HEADER, callerUserSources: [GatewayUserSource.FORWARDED_HEADER] }),
  },
  {
    construct: 'AiGateway',
    prop: 'userSource',
    description: 'a GatewayUserSource',
    build: () => aiGateway({ userSource: js('header') }),
    expected: /'userSource' must be one of 'ForwardedHeader', 'TokenClaim' \(GatewayUserSource\), got 'header'/,
    fix: 'Use `GatewayUserSource.FORWARDED_HEADER` or `GatewayUserSource.TOKEN_CLAIM`.',
    valid,
  },
  {
    construct: 'AiGateway',
    prop: 'userHeaderName',
    description: 'only with a forwarded header',
    build: () => aiGateway({ userSource: GatewayUserSource.TOKEN_CLAIM, userHeaderName: 'X-User' }),
    expected: /'userHeaderName' must be left out unless 'userSource' is GatewayUserSource.FORWARDED_HEADER .*, got 'X-User'/,
    fix: 'Drop `userHeaderName`, or use `GatewayUserSource.FORWARDED_HEADER`.',
    valid: () => aiGateway({ userSource: GatewayUserSource.TOKEN_CLAIM }),
  },
  {
    construct: 'AiGateway',
    prop: 'userHeaderName',
    description: 'an HTTP header name',
    build: () => aiGateway({ userHeaderName: 'X User' }),
    expected: /'userHeaderName' must be an HTTP header name .*, got 'X User'/,
    fix: 'Use the header the front end sends, e.g. `X-OpenWebUI-User-Email`.',
    valid: () => aiGateway({ userHeaderName: 'X-OpenWebUI-User-Id' }),
  },
  {
    construct: 'AiGateway',
    prop: 'name',
    description: 'API Management service name',
    build: () => aiGateway({ name: '1-gateway' }),
    expected: /'name' must contain only letters, digits and hyphens, starting with a letter and ending with a letter or digit, got '1-gateway'/,
    fix: 'Start with a letter: names become `<name>.azure-api.net`.',
    valid: () => aiGateway({ name: 'apim-chat-1' }),
  },
  {
    construct: 'AiGateway',
    prop: 'publisherEmail',
    description: 'an email address',
    build: () => aiGateway({ publisherEmail: 'platform team' }),
    expected: /'publisherEmail' must be an email address, got 'platform team'/,
    fix: 'Pass a mailbox that receives API Management notifications.',
    valid,
  },
  {
    construct: 'AiGateway',
    prop: 'emitTokenMetrics',
    description: 'needs a workspace',
    build: () => aiGateway({ emitTokenMetrics: true }),
    expected: /'emitTokenMetrics' needs 'monitoring': the metrics and logs go to its workspace; give the stack's Monitoring or leave this out, got true/,
    fix: 'Pass `monitoring` (the stack\'s `Monitoring`), or leave `emitTokenMetrics` out.',
    valid: () => aiGateway({ emitTokenMetrics: true }, undefined, workspace),
  },
  {
    construct: 'AiGateway',
    prop: 'logLlmMessages',
    description: 'needs a workspace',
    build: () => aiGateway({ logLlmMessages: true }),
    expected: /'logLlmMessages' needs 'monitoring': .*, got true/,
    fix: 'Pass `monitoring`, or leave `logLlmMessages` out.',
    valid: () => aiGateway({ logLlmMessages: true }, undefined, workspace),
  },
  {
    construct: 'AiGateway',
    prop: 'monitorPrivateLinkScope',
    description: 'only with token metrics',
    build: () => aiGateway({}, undefined, workspaceAndHubScope),
    expected: /'monitorPrivateLinkScope' is used only with 'emitTokenMetrics: true' \(it carries the token metrics\), got a scope without it/,
    fix: 'Set `emitTokenMetrics: true`, or drop the scope.',
    valid: () => aiGateway({ emitTokenMetrics: true }, undefined, workspaceAndHubScope),
  },
  {
    construct: 'AiGateway',
    prop: 'monitorPrivateLinkScope',
    description: 'a MonitorPrivateLinkScope',
    build: () => aiGateway({ emitTokenMetrics: true, monitorPrivateLinkScope: js(HUB_SCOPE) }, undefined, workspace),
    expected: /'monitorPrivateLinkScope' must be a MonitorPrivateLinkScope or MonitorPrivateLinkScope.fromScopeId\(...\), got '\/subscriptions\/.*ampls-hub'/,
    fix: 'Wrap the id: `MonitorPrivateLinkScope.fromScopeId(this, \'HubScope\', id)`.',
    valid: () => aiGateway({ emitTokenMetrics: true }, undefined, workspaceAndHubScope),
  },
  {
    construct: 'AiGateway.checkUserSource',
    prop: 'userSource',
    description: 'a source the front end supplies',
    factory: true,
    build: () => AiGateway.checkUserSource(GatewayUserSource.FORWARDED_HEADER, [GatewayUserSource.TOKEN_CLAIM]),
    expected: /AiGateway.checkUserSource: 'userSource' must be a source the calling front end can supply \('TokenClaim'\): the front end does not forward the user in a header.*, got 'ForwardedHeader'/,
    fix: 'Pick the source the front end supports.',
    valid: () => {
      AiGateway.checkUserSource(GatewayUserSource.FORWARDED_HEADER, [GatewayUserSource.FORWARDED_HEADER]);
      return valid();
    },
  },
  ...RESILIENCE_ENTRIES(),
];

/**
 * A gateway in front of one account this stack creates, so that the gateway sees its deployments:
 * `deployments` are `[name, capacity]` pairs of gpt-4.1-mini (capacity in thousands of tokens per minute).
 */
function gatewayWithCapacity(p: Partial<AiGatewayProps>, deployments: Array<[string, number]>): AiGateway {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: RG, network, zones: [...PrivateLinkZone.all(), PrivateLinkZone.API_MANAGEMENT] });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: RG, location: LOCATION });
  const created = new OpenAiAccount(stack, 'Account', {
    resourceGroupName: RG,
    location: LOCATION,
    network,
    dnsZones,
    monitoring,
    models: deployments.map(([name, capacity]) => ({ modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14', name, capacity })),
  });
  return new AiGateway(stack, 'Gateway', {
    resourceGroupName: RG,
    location: LOCATION,
    network,
    dnsZones,
    backends: [{ account: created }],
    integrationSubnetId: SUBNET,
    allowedCallerClientIds: [GUID],
    publisherEmail: 'platform@contoso.com',
    ...p,
  });
}

/** The circuit breaker and the per-user limits against the capacity behind the gateway (issue 22). */
function RESILIENCE_ENTRIES(): CatalogueEntry[] {
  const two = (a: IAiAccount, b: IAiAccount): AiGatewayBackend[] => [{ account: a }, { account: b }];
  return [
    {
      construct: 'AiGateway',
      prop: 'circuitBreaker',
      description: 'only with two or more backends',
      build: () => aiGateway({ circuitBreaker: { failureCount: 5 } }),
      expected: /'circuitBreaker' must be left out with a single backend: a tripped breaker makes API Management answer 503 to every caller .*, got \{"failureCount":5\}/,
      fix: 'Remove `circuitBreaker`, or add a second account to `backends` for the gateway to fail over to.',
      valid: () => aiGateway({ circuitBreaker: { failureCount: 5 } }, two),
    },
    {
      construct: 'AiGateway',
      prop: 'circuitBreaker.failureCount',
      description: 'trips on sustained failure, never on one',
      build: () => aiGateway({ circuitBreaker: { failureCount: 1 } }, two),
      expected: /'circuitBreaker.failureCount' must be an integer between 2 and 10000, got 1/,
      fix: 'Count several failures within the interval, e.g. the default 3.',
      valid: () => aiGateway({ circuitBreaker: { failureCount: 3 } }, two),
    },
    {
      construct: 'AiGateway',
      prop: 'circuitBreaker.interval',
      description: 'an ISO 8601 duration',
      build: () => aiGateway({ circuitBreaker: { interval: '1 minute' } }, two),
      expected: /'circuitBreaker.interval' must be an ISO 8601 duration such as 'PT30S', 'PT1M' or 'PT1H', got '1 minute'/,
      fix: "Write the duration in ISO 8601, e.g. 'PT1M'.",
      valid: () => aiGateway({ circuitBreaker: { interval: 'PT1M' } }, two),
    },
    {
      construct: 'AiGateway',
      prop: 'circuitBreaker.tripDuration',
      description: 'longer than zero',
      build: () => aiGateway({ circuitBreaker: { tripDuration: 'PT0S' } }, two),
      expected: /'circuitBreaker.tripDuration' must be longer than zero, got 'PT0S'/,
      fix: "Skip a tripped backend for a while, e.g. 'PT1M'.",
      valid: () => aiGateway({ circuitBreaker: { tripDuration: 'PT30S' } }, two),
    },
    {
      construct: 'AiGateway',
      prop: 'tokensPerMinutePerUser',
      description: 'at most the capacity behind the gateway',
      build: () => gatewayWithCapacity({ tokensPerMinutePerUser: 20000 }, [['chat', 10]]),
      expected: /'tokensPerMinutePerUser' must be at most 10000, the capacity of deployment 'chat' behind the gateway \(10000 tokens per minute on its one backend\).*, got 20000/,
      fix: "Lower the limit (or leave it out for a quarter of the capacity), raise the deployment's capacity, add a backend that holds the deployment, or give the deployment its own `deploymentLimits` entry.",
      valid: () => gatewayWithCapacity({ tokensPerMinutePerUser: 5000 }, [['chat', 10]]),
    },
    {
      construct: 'AiGateway',
      prop: 'deploymentLimits[0].tokensPerMinutePerUser',
      description: "at most the deployment's capacity",
      build: () => gatewayWithCapacity({ deploymentLimits: [{ deployment: 'chat', tokensPerMinutePerUser: 15000 }] }, [['chat', 10]]),
      expected: /'deploymentLimits\[0\].tokensPerMinutePerUser' must be at most 10000, the capacity of deployment 'chat' behind the gateway .*, got 15000/,
      fix: "Lower the deployment's limit, or raise its capacity.",
      valid: () => gatewayWithCapacity({ deploymentLimits: [{ deployment: 'chat', tokensPerMinutePerUser: 10000 }] }, [['chat', 10]]),
    },
  ];
}
