// The checks of ChatWebApp's props: placement, names, image, front end, health check, sign-in.
import { Construct } from 'constructs';
import { AUTOSCALE_SHAPE } from './autoscale-setting';
import { checkSignInPrincipals } from './chat-sign-in';
import {
  checkVersionlessSecretUri, checkWebAppNameNotReserved, DEPENDABLE_REF, DNS_ZONES_REF, IDENTITY_REF, isAzureContainerRegistry,
  isMovingTag, MONITORING_REF, MUTABLE_TAGS, NETWORK_REF, AI_ACCOUNT_REF, registryHost, VAULT_REF,
} from './checks';
import { validatePlan, warnIfIncompleteForSeveralInstances } from './web-app-scale';
import { checkSettings, scaleOutPropsOf } from './web-app-settings';
import { AzureNameRule } from '../../core/names';
import { checkRfc3339, warnIfPast } from '../../core/private/dates';
import { checkPlacement } from '../../core/private/placement';
import { PRINCIPAL_REF } from '../../core/private/references';
import { checkSameRegionAsNetwork } from '../../core/private/regions';
import {
  checkGuid, checkIntRange, checkNotBlank, checkResourceId, checkTags, checkTrimmed, is, isUnresolved, propError, ruleError, Shape, show, warn,
} from '../../core/private/validate';
import { IPrivateKeyVault } from '../../secrets/key-vault';
import { ChatWebAppProps } from '../chat-web-app-props';
import { ContainerImage } from '../container-image';
import { ChatFrontEnd, HistoryStoreKind } from '../front-end';
import { SignIn } from '../sign-in';

/** Longest display name Entra ID accepts for an application. */
const MAX_DISPLAY_NAME = 256;

/**
 * Checks ChatWebApp's props, in the order the errors should come, and returns the names of the
 * settings the construct wires (see checkSettings).
 */
export function validateWebApp(owner: Construct, props: ChatWebAppProps, frontEnd: ChatFrontEnd, signIn: SignIn,
  deploymentNames: readonly string[]): { [key: string]: string } {
  const image = frontEnd.image;
  checkTags(owner, 'tags', props.tags);
  checkPlacement(owner, props.resourceGroupName, props.location);
  checkSameRegionAsNetwork(owner, 'location', props.location, props.network.location);
  const subnet = props.network.appIntegrationSubnetId;
  if (subnet === undefined) {
    throw propError(owner, 'network', "must have an app-integration subnet ('appIntegrationSubnetId', delegated to Microsoft.Web/serverFarms) for the app's outbound VNet integration", 'a network without one');
  }
  checkResourceId(owner, 'network.appIntegrationSubnetId', subnet, 'Microsoft.Network/virtualNetworks/subnets');
  if (props.identity !== undefined) {
    // An IChatIdentity may be any object with the right members; its ids still have to be real ones.
    checkResourceId(owner, 'identity.identityId', props.identity.identityId, 'Microsoft.ManagedIdentity/userAssignedIdentities');
    checkGuid(owner, 'identity.clientId', props.identity.clientId);
  }
  checkNotBlank(owner, 'deploymentName', props.deploymentName);
  AzureNameRule.COGNITIVE_DEPLOYMENT.validate(owner, 'deploymentName', props.deploymentName);
  checkTrimmed(owner, 'name', props.name);
  AzureNameRule.WEB_APP.validate(owner, 'name', props.name);
  checkWebAppNameNotReserved(owner, 'name', props.name);
  validatePlan(owner, props);
  validateImage(owner, image);
  validateFrontEnd(owner, props, frontEnd, deploymentNames);
  const wiredFrom = checkSettings(owner, props, image, frontEnd);
  validateHealthAndAuth(owner, props);
  validateSignIn(owner, signIn, props.vault);
  checkSignInPrincipals(owner, signIn, props.signInPrincipals, props.adminGroups);
  return wiredFrom;
}

function validateImage(owner: Construct, image: ContainerImage): void {
  checkNotBlank(owner, 'image.registryUrl', image.registryUrl);
  if (!isUnresolved(image.registryUrl) && !/^https:\/\/[A-Za-z0-9.-]+(:\d+)?\/?$/.test(image.registryUrl)) {
    throw propError(owner, 'image.registryUrl', 'must be a registry URL with its scheme and no path, e.g. \'https://myregistry.azurecr.io\'', image.registryUrl);
  }
  checkNotBlank(owner, 'image.imageName', image.imageName);
  if (!isUnresolved(image.imageName) && !/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/.test(image.imageName)) {
    throw propError(owner, 'image.imageName', 'must be a repository path in lowercase letters, digits, \'.\', \'_\', \'-\' and \'/\', without tag or digest', image.imageName);
  }
  const first = image.imageName.split('/')[0];
  if (!isUnresolved(image.imageName) && !isUnresolved(image.registryUrl) && image.imageName.includes('/') && isRegistryHost(first, image.registryUrl)) {
    throw propError(owner, 'image.imageName', `must be the repository path inside the registry, not start with a registry host ('${first}'): put the registry in 'registryUrl'`, image.imageName);
  }
  if (image.digest !== undefined) {
    if (!isUnresolved(image.digest) && !/^sha256:[a-f0-9]{64}$/.test(image.digest)) {
      throw propError(owner, 'image.digest', 'must be \'sha256:\' followed by 64 lowercase hex characters', image.digest);
    }
  } else if (!isUnresolved(image.tag)) {
    const tag = image.tag ?? '';
    if (tag.trim() === '') {
      throw propError(owner, 'image.tag', 'must be a pinned tag (an untagged image means \'latest\'); use fromRegistryDigest to pin by digest', tag);
    }
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag)) {
      throw propError(owner, 'image.tag', 'must be a Docker tag: up to 128 letters, digits, \'_\', \'.\' and \'-\', not starting with \'.\' or \'-\'', tag);
    }
    if (isMovingTag(tag) && !image.allowMutableTag) {
      throw propError(owner, 'image.tag', `must be a pinned tag, not '${tag.toLowerCase()}' (a moving tag: a restart could silently upgrade the app; moving tags are ${MUTABLE_TAGS.join(', ')}, alone or with variant words such as 'slim' or 'cuda'); set 'allowMutableTag' to accept it`, tag);
    }
  }
  checkIntRange(owner, 'image.port', image.port, 1, 65535);
  if (image.pullWithManagedIdentity && !isUnresolved(image.registryUrl) && !isAzureContainerRegistry(image.registryUrl)) {
    warn(owner, 'mi-pull-non-acr', `'image.pullWithManagedIdentity' is true for ${show(image.registryUrl)}, which is not an Azure Container Registry (*.azurecr.io): App Service pulls with a managed identity only from ACR, so the pull fails. Turn it off for a public registry, or mirror the image into ACR`);
  }
}

function validateFrontEnd(owner: Construct, props: ChatWebAppProps, frontEnd: ChatFrontEnd, deploymentNames: readonly string[]): void {
  const seen = new Map<string, number>();
  for (const [i, name] of (props.deploymentNames ?? []).entries()) {
    checkNotBlank(owner, `deploymentNames[${i}]`, name);
    AzureNameRule.COGNITIVE_DEPLOYMENT.validate(owner, `deploymentNames[${i}]`, name);
    if (isUnresolved(name)) continue;
    const previous = seen.get(name);
    if (previous !== undefined) throw propError(owner, `deploymentNames[${i}]`, `must not repeat a deployment (same as 'deploymentNames[${previous}]')`, name);
    seen.set(name, i);
  }
  if (!frontEnd.offersSeveralModels && deploymentNames.length > 1) {
    throw propError(owner, 'deploymentNames', `must be empty or name only 'deploymentName' for ${frontEnd.name}, which calls one deployment; use ChatFrontEnd.openWebUi() to offer several models`, props.deploymentNames);
  }
  if (props.history !== undefined) {
    if (frontEnd.historyStore === HistoryStoreKind.NONE) {
      throw propError(owner, 'history', `must not be set for ${frontEnd.name}, which keeps no history in a store the library can wire`, props.history.historyStoreKind);
    }
    if (props.history.historyStoreKind !== frontEnd.historyStore) {
      throw propError(owner, 'history', `must be a ${frontEnd.historyStore} store, the kind ${frontEnd.name} reads`, props.history.historyStoreKind);
    }
    const setup = Array.isArray(props.history.setupStatements) ? props.history.setupStatements : [];
    if (setup.length > 0 && !frontEnd.runsDatabaseSetup) {
      throw propError(owner, 'history', `must not carry 'setupStatements' for ${frontEnd.name}, which cannot run them at its start; `
        + "use ChatFrontEnd.openWebUi(), or run the store's 'setupStatements' yourself as the administrator from inside the network "
        + "(they create the login its 'connectionUrlReference' names) and give the front end a store without them", `${setup.length} statement(s)`);
    }
  }
  const gateway = props.gatewayEndpoint;
  if (gateway !== undefined && !isUnresolved(gateway)) {
    if (!/^https:\/\/[^\s/]+(\/\S*)?$/.test(gateway)) throw propError(owner, 'gatewayEndpoint', "must be an https URL, e.g. the gateway's 'endpoint'", gateway);
  }
  if (gateway !== undefined && !frontEnd.forwardsSignedInUser) {
    throw propError(owner, 'gatewayEndpoint', `must not be set for ${frontEnd.name}: it cannot forward the signed-in user, so a gateway could not tell users apart (use Open WebUI)`, gateway);
  }
  if (frontEnd.needsSessionSecret && props.vault === undefined) {
    throw ruleError(owner, `'vault' is required for ${frontEnd.name}: the secret it signs sessions with is generated there and read as a Key Vault reference, got none`);
  }
  const uses = scaleOutPropsOf(frontEnd);
  const unusable: [string, unknown][] = [['sharedState', props.sharedState], ['fileStore', props.fileStore], ['embeddings', props.embeddings]];
  for (const [prop, value] of unusable) {
    if (value !== undefined && !uses.has(prop)) {
      throw propError(owner, prop, `must not be set for ${frontEnd.name}, which has no setting to use it (only Open WebUI does)`, value);
    }
  }
  warnIfIncompleteForSeveralInstances(owner, props, frontEnd, uses);
}

function validateHealthAndAuth(owner: Construct, props: ChatWebAppProps): void {
  const path = props.healthCheckPath;
  if (path !== undefined && !isUnresolved(path) && !/^\/[^\s?#]*$/.test(path)) {
    throw propError(owner, 'healthCheckPath', 'must be a path starting with \'/\', without spaces, query or fragment', path);
  }
  if (path !== undefined && !isUnresolved(path) && path.length > 255) {
    throw propError(owner, 'healthCheckPath', 'must be at most 255 characters', path);
  }
  checkIntRange(owner, 'healthCheckEvictionTimeInMin', props.healthCheckEvictionTimeInMin, 2, 10);
  const seen = new Set<string>();
  for (const [i, excluded] of (props.authExcludedPaths ?? []).entries()) {
    if (isUnresolved(excluded)) continue;
    if (!/^\/[^\s?#]*$/.test(excluded)) {
      throw propError(owner, `authExcludedPaths[${i}]`, 'must be a path starting with \'/\'', excluded);
    }
    if (excluded === '/' || excluded === '/*') {
      throw propError(owner, `authExcludedPaths[${i}]`, 'must not exclude the whole app from sign-in', excluded);
    }
    if (seen.has(excluded)) throw propError(owner, `authExcludedPaths[${i}]`, 'must not repeat a path', excluded);
    seen.add(excluded);
  }
}

function validateSignIn(scope: Construct, signIn: SignIn, vault: IPrivateKeyVault | undefined): void {
  const existing = signIn._existing;
  if (existing) {
    checkNotBlank(scope, 'signIn.clientId', existing.clientId);
    if (existing.clientId === undefined) throw propError(scope, 'signIn.clientId', 'must be set', existing.clientId);
    checkGuid(scope, 'signIn.clientId', existing.clientId);
    checkGuid(scope, 'signIn.tenantId', existing.tenantId);
    const given = [existing.clientSecret, existing.clientSecretKeyVaultSecretId].filter((v) => v !== undefined).length;
    if (given !== 1) {
      throw ruleError(scope, `'signIn' needs exactly one of 'clientSecret' and 'clientSecretKeyVaultSecretId', got ${given === 0 ? 'neither' : 'both'}`);
    }
    checkNotBlank(scope, 'signIn.clientSecret', existing.clientSecret);
    // A token skips the rule like every other check (the test of tokens passes one with a vault secret id).
    const expiry = existing.clientSecretExpirationDate;
    if (expiry !== undefined && !isUnresolved(expiry) && existing.clientSecret === undefined) {
      throw ruleError(scope, "'signIn.clientSecretExpirationDate' is recorded on the vault secret the construct stores, so it needs 'clientSecret'; a secret given by 'clientSecretKeyVaultSecretId' keeps its own expiry, got 'clientSecretExpirationDate' without 'clientSecret'");
    }
    const expires = checkRfc3339(scope, 'signIn.clientSecretExpirationDate', existing.clientSecretExpirationDate);
    warnIfPast(scope, 'signIn.clientSecretExpirationDate', existing.clientSecretExpirationDate, expires);
    checkVersionlessSecretUri(scope, 'signIn.clientSecretKeyVaultSecretId', existing.clientSecretKeyVaultSecretId);
    if (existing.clientSecret !== undefined && vault === undefined) {
      throw ruleError(scope, '\'vault\' is required when \'signIn.clientSecret\' is given: the secret is stored there and read as a Key Vault reference, got none');
    }
    return;
  }
  const registration = signIn._registration ?? {};
  checkIntRange(scope, 'signIn.secretLifetimeDays', registration.secretLifetimeDays, 1, 730);
  const displayName = registration.displayName;
  if (displayName !== undefined) {
    checkNotBlank(scope, 'signIn.displayName', displayName);
    if (!isUnresolved(displayName) && displayName.length > MAX_DISPLAY_NAME) {
      throw propError(scope, 'signIn.displayName', `must be at most ${MAX_DISPLAY_NAME} characters (Entra ID's limit for an application's display name)`, displayName);
    }
  }
  const owners = new Map<string, number>();
  for (const [i, owner] of (registration.owners ?? []).entries()) {
    checkGuid(scope, `signIn.owners[${i}]`, owner);
    if (isUnresolved(owner)) continue;
    const previous = owners.get(owner.toLowerCase());
    if (previous !== undefined) throw propError(scope, `signIn.owners[${i}]`, `must not repeat an owner (same as 'signIn.owners[${previous}]')`, owner);
    owners.set(owner.toLowerCase(), i);
  }
  if (vault === undefined) {
    throw ruleError(scope, '\'vault\' is required when \'signIn\' creates the app registration: its client secret is stored there and read as a Key Vault reference, got none');
  }
}

/**
 * Whether the first segment of an image name is a registry host (the registry's own, or a
 * well-known one) rather than a namespace: `my.team/chat` is a valid path, `ghcr.io/x/chat` is not.
 */
function isRegistryHost(segment: string, registryUrl: string): boolean {
  const s = segment.toLowerCase();
  return s === registryHost(registryUrl)?.toLowerCase() || s === 'localhost'
    || /(^|\.)(azurecr\.(io|cn|us)|docker\.io|mcr\.microsoft\.com|ghcr\.io|quay\.io|gcr\.io|pkg\.dev)$/.test(s);
}

let SHAPE: Shape | undefined;
/** Props of ChatWebApp at runtime; built on first use, after the classes it names exist. */
export function propsShape(): Shape {
  SHAPE ??= {
    resourceGroupName: is.string(true),
    location: is.string(true),
    network: NETWORK_REF(true),
    dnsZones: DNS_ZONES_REF(true),
    aiAccount: AI_ACCOUNT_REF(),
    openAi: AI_ACCOUNT_REF(),
    deploymentName: is.string(true),
    identity: IDENTITY_REF(),
    vault: VAULT_REF(),
    signIn: is.instance(SignIn, 'a SignIn (SignIn.createAppRegistration() or SignIn.withExistingRegistration(...))'),
    signInPrincipals: is.arrayOf(PRINCIPAL_REF(true)),
    adminGroups: is.arrayOf(PRINCIPAL_REF(true)),
    monitoring: MONITORING_REF(),
    image: is.instance(ContainerImage, 'a ContainerImage (ContainerImage.SAMPLE_CHAT_APP, ContainerImage.fromRegistry(...) or ContainerImage.fromRegistryDigest(...))'),
    frontEnd: is.instance(ChatFrontEnd, 'a ChatFrontEnd (ChatFrontEnd.openWebUi(), ChatFrontEnd.sampleChatApp() or ChatFrontEnd.fromImage(...))'),
    deploymentNames: is.arrayOf(is.string()),
    history: is.reference(['historyStoreKind', 'connectionUrlReference'], 'an IChatHistoryStore (e.g. a PostgresHistoryStore)'),
    imageMirror: is.reference(['mirror', 'grantPull'], 'an IImageMirror (e.g. a RegistryMirror)'),
    gatewayEndpoint: is.string(),
    appSettings: is.stringMap(),
    name: is.string(),
    servicePlanId: is.string(),
    servicePlanName: is.string(),
    skuName: is.string(),
    workerCount: is.integer(),
    zoneBalancingEnabled: is.boolean(),
    autoscale: AUTOSCALE_SHAPE,
    sharedState: is.reference(['redisUrlReference'], 'an IChatSharedState (e.g. a PrivateRedisCache)'),
    fileStore: is.reference(['blobEndpoint', 'containerName', 'grantReadWrite'], 'an IChatFileStore (e.g. a PrivateFileStore)'),
    embeddings: is.reference(['baseUrl', 'apiKeyReference', 'deploymentName', 'apiVersion', 'dimensions'], 'an IChatEmbeddings (e.g. the AI gateway\'s embeddings)'),
    healthCheckPath: is.string(),
    healthCheckEvictionTimeInMin: is.integer(),
    authExcludedPaths: is.arrayOf(is.string()),
    webSocketsEnabled: is.boolean(),
    vnetImagePullEnabled: is.boolean(),
    roleAssignments: is.arrayOf(DEPENDABLE_REF()),
    tags: is.stringMap(),
  };
  return SHAPE;
}
