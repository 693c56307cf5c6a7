// No public entry point may answer any input with a bare JavaScript error (TypeError, RangeError,
// "Cannot read properties of …") or the constructs library's own: whatever a JavaScript caller
// passes for one prop, the outcome is a synth or a named error in the house form.
import { TerraformStack, Testing } from 'cdktf';
import fc from 'fast-check';
import { build } from './catalogue';
import { aiGateway } from './catalogue/gateway';
import { historyStore } from './catalogue/history';
import { monitorScope } from './catalogue/network';
import { registryMirror } from './catalogue/registry';
import { encryptionKey, encryptionKeyAttrs } from './catalogue/secrets';
import {
  ChatFrontEnd, ContainerImage, DeploymentSku, Egress, EndpointCaller, ModelCatalogue, MonitorPrivateLinkScope, NamingConvention, Names,
  AzureNameRule, PrivateDnsZones, SignIn, TagResources,
} from '../../src';
import { newStack } from '../util';

const SEED = Number(process.env.FC_SEED ?? 20261122);
const RUNS = Number(process.env.FC_RUNS ?? 25);

/** `Kind 'path': …` or `Class.method: …` / `Class: …` — never a bare JavaScript error. */
const NAMED = /^([A-Z][A-Za-z]+(\.[a-z][A-Za-z]*)?( '[^']*')?): .+/s;
const BARE = /^(TypeError|RangeError|ReferenceError|SyntaxError)\b|Cannot read propert|is not a function|is not iterable|There is already a Construct/;

/** Any value a JavaScript caller could hold, cycles and class instances aside. */
const junk = fc.oneof(
  fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: false }),
  fc.constantFrom(null, undefined, '', ' ', 'false', 0, -1, 1.5, NaN, Infinity, [], {}, [undefined], () => 1),
);

function outcome(make: () => unknown): string | undefined {
  let made: unknown;
  try {
    made = make();
    if (made && typeof made === 'object' && 'node' in (made as object)) Testing.synth(TerraformStack.of(made as any), true);
  } catch (e) {
    const err = e as Error;
    const message = String(err?.message ?? err);
    if (err instanceof TypeError || err instanceof RangeError || BARE.test(message)) return `bare error: ${err.constructor?.name}: ${message}`;
    // Validation errors of the stack (the rule pack, cdktf) carry their own form; named errors ours.
    if (!NAMED.test(message) && !/^Validation failed/.test(message)) return `unnamed error: ${message}`;
  }
  return undefined;
}

/** Every builder of the catalogue, with the props it takes. */
const CONSTRUCTS: [string, (p: any) => unknown, string[]][] = [
  ['PrivateChat', build.chat, ['location', 'resourceGroupName', 'network', 'addressSpace', 'privateEndpointSubnetCidr', 'appIntegrationSubnetCidr', 'natGateway', 'egress', 'dnsZones', 'monitoring', 'models', 'chatDeploymentName', 'contentFilter', 'allowedFqdns', 'image', 'appSettings', 'signIn', 'appServicePlanSku', 'identity', 'preventDestroy', 'webSocketsEnabled', 'healthCheckPath', 'authExcludedPaths', 'tags', 'naming', 'names', 'vault', 'aiAccount', 'openAi', 'servicePlanId', 'accountKind', 'frontEnd', 'chatDeploymentNames', 'encryption', 'imageMirror', 'history', 'gateway']],
  ['PrivateNetwork', build.network, ['resourceGroupName', 'location', 'name', 'addressSpace', 'privateEndpointSubnetCidr', 'appIntegrationSubnetCidr', 'natGateway', 'egress', 'dnsServers', 'tags']],
  ['PrivateNetwork.fromAttributes', build.networkAttrs, ['virtualNetworkId', 'privateEndpointSubnetId', 'appIntegrationSubnetId', 'location']],
  ['PrivateDnsZones', build.dnsZones, ['resourceGroupName', 'network', 'zones', 'tags']],
  ['ServicePrivateEndpoint', build.endpoint, ['resourceGroupName', 'location', 'network', 'dnsZones', 'targetResourceId', 'subresource', 'zones', 'name', 'tags', 'servicePorts']],
  ['Monitoring', build.monitoring, ['resourceGroupName', 'location', 'name', 'retentionInDays', 'dailyQuotaGb', 'internetQueryEnabled', 'tags']],
  ['OpenAiAccount', build.openAi, ['resourceGroupName', 'location', 'network', 'dnsZones', 'monitoring', 'name', 'customSubdomainName', 'models', 'contentFilter', 'allowedFqdns', 'preventDestroy', 'userAssignedIdentityIds', 'tags']],
  ['OpenAiAccount.fromAttributes', build.openAiAttrs, ['accountId', 'endpoint']],
  ['AiAccount', build.aiAccount, ['resourceGroupName', 'location', 'network', 'dnsZones', 'monitoring', 'name', 'customSubdomainName', 'models', 'contentFilter', 'allowedFqdns', 'preventDestroy', 'userAssignedIdentityIds', 'tags']],
  ['FoundryProject', build.project, ['cognitiveAccountId', 'location', 'name', 'displayName', 'description', 'tags', 'dependsOn']],
  ['ModelDeployment', build.deployment, ['cognitiveAccountId', 'modelName', 'modelVersion', 'name', 'sku', 'capacity', 'versionUpgradeOption', 'raiPolicyName', 'allowUnknownModel', 'modelFormat', 'dependsOn']],
  ['ContentFilter', build.filter, ['cognitiveAccountId', 'name', 'basePolicyName', 'hate', 'sexual', 'violence', 'selfHarm', 'jailbreakShield', 'mode']],
  ['PrivateKeyVault', build.vault, ['resourceGroupName', 'location', 'network', 'dnsZones', 'monitoring', 'name', 'softDeleteRetentionDays', 'preventDestroy', 'tags']],
  ['PrivateKeyVault.fromAttributes', build.vaultAttrs, ['vaultId', 'vaultUri']],
  ['EncryptionKey', (p) => encryptionKey(p), ['vault', 'name', 'keySize', 'rotateAfterDays', 'expireAfterDays', 'identity', 'resourceGroupName', 'location', 'grantDeployerAccess', 'preventDestroy', 'tags']],
  ['EncryptionKey.fromKeyId', (a) => encryptionKeyAttrs(a), ['keyId', 'keyVaultId', 'identity', 'grantAccess']],
  ['ChatIdentity', build.identity, ['resourceGroupName', 'location', 'name', 'tags']],
  ['ChatIdentity.fromIdentityAttributes', build.identityAttrs, ['identityId', 'clientId', 'principalId', 'tenantId']],
  ['ChatWebApp', build.webApp, ['resourceGroupName', 'location', 'network', 'dnsZones', 'monitoring', 'aiAccount', 'openAi', 'vault', 'deploymentName', 'identity', 'signIn', 'image', 'appSettings', 'name', 'servicePlanId', 'servicePlanName', 'skuName', 'webSocketsEnabled', 'healthCheckPath', 'healthCheckEvictionTimeInMin', 'authExcludedPaths', 'roleAssignments', 'zoneBalancingEnabled', 'tags', 'frontEnd', 'deploymentNames', 'history', 'imageMirror', 'gatewayEndpoint']],
  ['PostgresHistoryStore', (p) => historyStore(p), ['resourceGroupName', 'location', 'network', 'dnsZones', 'vault', 'monitoring', 'name', 'version', 'skuName', 'storageMb', 'backupRetentionDays', 'geoRedundantBackupEnabled', 'highAvailability', 'databaseName', 'administratorLogin', 'retentionDays', 'retentionStatement', 'customerManagedKey', 'entraAdministrator', 'preventDestroy', 'tags', 'scheduleRetentionJob', 'secretLifetimeDays', 'retentionJobRunner']],
  ['RegistryMirror', (p) => registryMirror(p), ['resourceGroupName', 'location', 'network', 'dnsZones', 'monitoring', 'name', 'sku', 'customerManagedKey', 'zoneRedundancyEnabled', 'trustedServicesBypass', 'tags']],
  ['AiGateway', (p) => aiGateway(p), ['resourceGroupName', 'location', 'network', 'dnsZones', 'backends', 'integrationSubnetId', 'allowedCallerClientIds', 'publisherEmail', 'publisherName', 'name', 'skuName', 'tenantId', 'userSource', 'callerUserSources', 'userHeaderName', 'tokensPerMinutePerUser', 'tokensPerDayPerUser', 'deploymentLimits', 'userAssignedIdentity', 'monitoring', 'emitTokenMetrics', 'monitorPrivateLinkScope', 'logLlmMessages', 'preventDestroy', 'tags']],
  ['MonitorPrivateLinkScope', (p) => monitorScope(p), ['resourceGroupName', 'location', 'network', 'dnsZones', 'monitoring', 'ingestionAccessMode', 'queryAccessMode', 'name', 'tags']],
];

describe('no public entry point throws a bare JavaScript error', () => {
  test.each(CONSTRUCTS)(`%s: any value for any one prop (seed ${SEED})`, (_, make, props) => {
    fc.assert(fc.property(fc.constantFrom(...props), junk, (prop, value) => {
      const problem = outcome(() => make({ [prop]: value }));
      if (problem) throw new Error(`${prop} = ${safe(value)}: ${problem}`);
    }), { seed: SEED, numRuns: RUNS * 2 });
  });

  test.each(CONSTRUCTS)('%s: several props wrong at once', (_, make, props) => {
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...props), junk, { minKeys: 2, maxKeys: 5 }), (values) => {
      const problem = outcome(() => make(values));
      if (problem) throw new Error(`${safe(values)}: ${problem}`);
    }), { seed: SEED, numRuns: RUNS });
  });

  const FACTORIES: [string, (...args: any[]) => unknown, number][] = [
    ['ContainerImage.fromRegistry', (a, b, c, d) => ContainerImage.fromRegistry(a, b, c, d), 4],
    ['ContainerImage.fromRegistryDigest', (a, b, c, d) => ContainerImage.fromRegistryDigest(a, b, c, d), 4],
    ['SignIn.withExistingRegistration', (a) => SignIn.withExistingRegistration(a), 1],
    ['SignIn.createAppRegistration', (a) => SignIn.createAppRegistration(a), 1],
    ['DeploymentSku.of', (a) => DeploymentSku.of(a), 1],
    ['Egress.throughFirewall', (a) => Egress.throughFirewall(a), 1],
    ['Egress.providedElsewhere', (a) => Egress.providedElsewhere(a), 1],
    ['NamingConvention.fromPattern', (a, b) => NamingConvention.fromPattern(a, b), 2],
    ['TagResources', (a) => new TagResources(a), 1],
    ['Names.hashOf', (a) => Names.hashOf(newStack(), a), 1],
    ['Names.local', (a, b) => Names.local(newStack(), a ?? AzureNameRule.SUBNET, b), 2],
    ['AzureNameRule', (a) => new AzureNameRule(a), 1],
    ['ChatWebApp.addAppSetting', (a, b) => build.webApp().addAppSetting(a, b), 2],
    ['AiAccount.addProject', (a, b) => build.aiAccount().addProject(a, b), 2],
    ['AiAccount.addDeployment', (a, b) => build.aiAccount().addDeployment(a, b), 2],
    ['PrivateDnsZones.fromHubZoneIds', (a, b) => PrivateDnsZones.fromHubZoneIds(newStack(), 'Hub', a, b), 2],
    ['ModelCatalogue.find', (a) => ModelCatalogue.find(a), 1],
    ['ModelCatalogue.findVersion', (a, b) => ModelCatalogue.findVersion(a, b), 2],
    ['ModelCatalogue.servesPlainChat', (a) => ModelCatalogue.servesPlainChat(a), 1],
    ['PrivateNetwork.addDelegatedSubnet', (a, b) => build.network().addDelegatedSubnet(a, b), 2],
    ['ChatFrontEnd.openWebUi', (a) => ChatFrontEnd.openWebUi(a), 1],
    ['ChatFrontEnd.fromImage', (a, b) => ChatFrontEnd.fromImage(a, b), 2],
    ['ChatFrontEnd.withImage', (a) => ChatFrontEnd.openWebUi().withImage(a), 1],
    ['RegistryMirror.mirror', (a) => registryMirror().mirror(a), 1],
    ['RegistryMirror.mirrorAs', (a, b) => registryMirror().mirrorAs(a, b), 2],
    ['RegistryMirror.grantPull', (a) => registryMirror().grantPull(a), 1],
    ['MonitorPrivateLinkScope.fromScopeId', (a, b) => MonitorPrivateLinkScope.fromScopeId(newStack(), 'Hub', a, b), 2],
    ['MonitorPrivateLinkScope.addScopedResource', (a, b, c) => monitorScope().addScopedResource(a, b, c), 3],
    ['EndpointCaller.subnet', (a) => EndpointCaller.subnet(a), 1],
    ['EndpointCaller.addressPrefix', (a) => EndpointCaller.addressPrefix(a), 1],
    ['ServicePrivateEndpoint.allowFrom', (a, b) => build.endpoint().allowFrom(a, b), 2],
  ];

  test.each(FACTORIES)(`%s: any arguments (seed ${SEED})`, (_, call, arity) => {
    fc.assert(fc.property(fc.array(junk, { minLength: arity, maxLength: arity }), (args) => {
      const problem = outcome(() => call(...args));
      if (problem) throw new Error(`${safe(args)}: ${problem}`);
    }), { seed: SEED, numRuns: RUNS * 4 });
  });
});

function safe(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v) => (typeof v === 'function' ? '<function>' : v === undefined ? '<undefined>' : v)) ?? String(value);
  } catch {
    return String(value);
  }
}
