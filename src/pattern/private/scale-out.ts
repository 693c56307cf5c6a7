// What PrivateChat adds so that the chat serves many people: several instances with a shared
// Redis, durable private files, and document chat with keyless embeddings. Each check names the
// prop as the user wrote it on PrivateChat.
import { Construct } from 'constructs';
import { ModelDeploymentOptions } from '../../ai/model-deployment';
import { ModelCatalogue, ModelKind } from '../../ai/models';
import { ChatFrontEnd } from '../../app/front-end';
import { PrivateRedisCache } from '../../cache/private-redis-cache';
import { inUsersWords } from '../../core/private/pass-through';
import { closest } from '../../core/private/suggest';
import { isUnresolved, propError, ruleError } from '../../core/private/validate';
import { AiGateway } from '../../gateway/ai-gateway';
import { FrontEndEmbeddings } from '../../gateway/front-end-embeddings';
import { IMonitoring } from '../../monitoring/monitoring';
import { IPrivateDnsZones, PrivateDnsZones, PrivateLinkZone, ZoneGroupMode } from '../../network/private-dns-zones';
import { IPrivateNetwork } from '../../network/private-network';
import { ICustomerManagedKey } from '../../secrets/customer-managed-key';
import { IPrivateKeyVault } from '../../secrets/key-vault';
import { PrivateFileStore } from '../../storage/private-file-store';
import { ChatFileStoreOptions, ChatScaleOptions, ChatSharedStateOptions, DocumentChatOptions } from '../chat-scale';

/** The embeddings model document chat adds by default. */
export const DEFAULT_EMBEDDINGS_MODEL = 'text-embedding-3-small';
/** Its capacity (thousands of tokens per minute): indexing a 300-page document takes about 150,000 tokens. */
const DEFAULT_EMBEDDINGS_CAPACITY = 50;

/** Whether the app may run more than one instance. */
export function mayRunSeveral(scale: ChatScaleOptions | undefined): boolean {
  if (scale === undefined) return false;
  const above1 = (n: number | undefined) => typeof n === 'number' && !isUnresolved(n) && n > 1;
  return above1(scale.instances) || above1(scale.autoscale?.maxInstances) || above1(scale.autoscale?.minInstances);
}

/** What the props ask for, resolved against the front end and the history store. */
export interface ScaleOutPlan {
  readonly several: boolean;
  readonly sharedState: boolean;
  readonly fileStore: boolean;
  readonly documentChat: boolean;
}

/**
 * Checks the scale-out props together, before anything is built, and decides which pieces to
 * create. Open WebUI runs as several instances only with PostgreSQL, Redis and shared files
 * (docs: getting-started/advanced-topics/scaling.md, steps 1 to 4).
 */
export function planScaleOut(owner: Construct, props: {
  readonly scale?: ChatScaleOptions;
  readonly appServicePlanSku?: string;
  readonly sharedState?: ChatSharedStateOptions;
  readonly fileStore?: ChatFileStoreOptions;
  readonly documentChat?: DocumentChatOptions;
  readonly gateway?: object;
  readonly servicePlanId?: string;
  readonly aiAccount?: object;
  readonly openAi?: object;
}, frontEnd: ChatFrontEnd, keepsHistory: boolean): ScaleOutPlan {
  const several = mayRunSeveral(props.scale);
  const openWebUi = frontEnd.runsDatabaseSetup;
  if (props.scale?.skuName !== undefined && props.appServicePlanSku !== undefined) {
    throw ruleError(owner, "'scale.skuName' and 'appServicePlanSku' both set the plan's SKU: give one, got both");
  }
  if (props.scale !== undefined && props.servicePlanId !== undefined) {
    throw ruleError(owner, "'scale' sizes the plan this construct creates, but 'servicePlanId' names an existing plan: scale that plan where it is defined, got both");
  }
  for (const [prop, given] of [['sharedState', props.sharedState], ['fileStore', props.fileStore], ['documentChat', props.documentChat]] as const) {
    if (given !== undefined && (given as { enabled?: boolean }).enabled !== false && !openWebUi) {
      throw propError(owner, prop, `must be left out for ${frontEnd.name}: only Open WebUI reads a shared Redis, a blob file store and a vector store from its settings`, 'options');
    }
  }
  if (several && openWebUi) {
    if (!keepsHistory) {
      throw ruleError(owner, "'scale' runs more than one instance, which Open WebUI supports only with its database in PostgreSQL (SQLite on each instance's disk diverges and locks): keep 'history' on, got 'history.enabled' false");
    }
    if (props.sharedState?.enabled === false) {
      throw ruleError(owner, "'scale' runs more than one instance, and Open WebUI's instances share sessions and WebSocket events only through Redis: leave 'sharedState.enabled' on, got false");
    }
    if (props.fileStore?.enabled === false) {
      throw ruleError(owner, "'scale' runs more than one instance, and an upload on one instance's disk is missing on the others: leave 'fileStore.enabled' on, got false");
    }
  }
  const documentChat = props.documentChat !== undefined;
  if (documentChat) {
    if (!keepsHistory) {
      throw ruleError(owner, "'documentChat' keeps its vectors in the history database (pgvector): keep 'history' on, got 'history.enabled' false");
    }
    if (props.gateway === undefined) {
      throw ruleError(owner, "'documentChat' needs 'gateway': Open WebUI calls embeddings only with a static key, and the model account's keys stay off, so the gateway issues the front end a key for its embeddings operation and calls the deployment as its own identity");
    }
    const existing = props.aiAccount !== undefined ? 'aiAccount' : props.openAi !== undefined ? 'openAi' : undefined;
    if (existing !== undefined && props.documentChat?.deploymentName === undefined) {
      throw ruleError(owner, `'documentChat.deploymentName' must name the embeddings deployment of the existing '${existing}': this construct cannot add one to an account it does not create, got none`);
    }
  }
  return {
    several,
    sharedState: openWebUi && keepsHistory && (props.sharedState?.enabled ?? several),
    fileStore: openWebUi && keepsHistory && (props.fileStore?.enabled ?? true),
    documentChat,
  };
}

/**
 * The embeddings deployment document chat adds to the account's models, or none when
 * `documentChat.deploymentName` names one of `models` (checked here: it must exist and be an
 * embeddings deployment).
 */
export function embeddingsDeploymentFor(owner: Construct, options: DocumentChatOptions | undefined, models: ModelDeploymentOptions[],
  existingAccount: boolean): ModelDeploymentOptions | undefined {
  if (options === undefined) return undefined;
  const name = options.deploymentName;
  if (name !== undefined) {
    if (options.embeddingsModel !== undefined || options.capacity !== undefined) {
      throw ruleError(owner, "'documentChat.deploymentName' names an existing deployment, so 'documentChat.embeddingsModel' and 'documentChat.capacity' have nothing to size: give one or the other, got both");
    }
    if (existingAccount || isUnresolved(name)) return undefined;
    const found = models.find((m) => (m.name ?? m.modelName) === name);
    if (found === undefined) {
      const names = models.map((m) => m.name ?? m.modelName);
      const near = closest(name, names);
      throw propError(owner, 'documentChat.deploymentName', `must name one of 'models' (${names.map((n) => `'${n}'`).join(', ')})${near ? `; did you mean '${near}'?` : ''}`, name);
    }
    const model = ModelCatalogue.find(found.modelName);
    if (model !== undefined && model.kind !== ModelKind.EMBEDDINGS) {
      throw propError(owner, 'documentChat.deploymentName', `must name an embeddings deployment, not '${name}', a ${model.kind} model (${found.modelName})`, name);
    }
    return undefined;
  }
  const modelName = options.embeddingsModel ?? DEFAULT_EMBEDDINGS_MODEL;
  const model = ModelCatalogue.find(modelName);
  if (model === undefined || model.kind !== ModelKind.EMBEDDINGS) {
    const near = closest(modelName, ['text-embedding-3-small', 'text-embedding-3-large', 'text-embedding-ada-002']);
    throw propError(owner, 'documentChat.embeddingsModel', `must be an embeddings model (text-embedding-3-small, text-embedding-3-large, text-embedding-ada-002)${near ? `; did you mean '${near}'?` : ''}`, modelName);
  }
  if (models.some((m) => (m.name ?? m.modelName) === modelName)) {
    throw propError(owner, 'documentChat.embeddingsModel', 'is already a deployment in \'models\': name it with \'documentChat.deploymentName\' instead of adding a second one', modelName);
  }
  const version = model.versions.find((v) => v.lifecycle === 'GA')?.version ?? model.versions[0].version;
  return { name: modelName, modelName, modelVersion: version, capacity: options.capacity ?? DEFAULT_EMBEDDINGS_CAPACITY };
}

/**
 * With existing (hub) zones, the zones the file store and the Redis register in must be among
 * them; says so in PrivateChat's words, with the way out, before an inner construct fails.
 */
export function checkHubZonesFor(owner: Construct, dnsZones: IPrivateDnsZones | undefined, plan: ScaleOutPlan): void {
  // Zone groups Azure Policy manages need no zone id from the stack.
  if (dnsZones === undefined || dnsZones.zoneGroupMode === ZoneGroupMode.MANAGED_BY_POLICY) return;
  const needs: Array<[boolean, PrivateLinkZone, string, string]> = [
    [plan.fileStore, PrivateLinkZone.BLOB, 'BLOB', "the file store for uploads (on by default with Open WebUI; 'fileStore: { enabled: false }' keeps uploads on the container's disk, which a restart loses)"],
    [plan.sharedState, PrivateLinkZone.MANAGED_REDIS, 'MANAGED_REDIS', 'the Redis that several instances share'],
  ];
  for (const [needed, zone, constant, what] of needs) {
    if (!needed) continue;
    try {
      dnsZones.zoneIdFor(zone);
    } catch {
      // A zone set created in this stack (another PrivateChat's, shared) takes zones, not hub ids.
      const wayOut = dnsZones instanceof PrivateDnsZones
        ? `pass a PrivateDnsZones whose 'zones' include PrivateLinkZone.${constant} (the set '${dnsZones.node.path}' was created without it)`
        : `pass its id as '${zone.key}' to PrivateDnsZones.fromHubZoneIds (and link the zone to this VNet)`;
      throw ruleError(owner, `'dnsZones' must hold '${zone.zoneName}' for ${what}: ${wayOut}, got zones without it`);
    }
  }
}

/** Where the pieces go: the pattern's own placement. */
export interface Placement {
  readonly resourceGroupName: string;
  readonly location: string;
  readonly network: IPrivateNetwork;
  readonly dnsZones: IPrivateDnsZones;
  readonly monitoring: IMonitoring;
  readonly vault: IPrivateKeyVault;
  readonly customerManagedKey?: ICustomerManagedKey;
  readonly preventDestroy?: boolean;
}

/**
 * The Redis the instances share, reporting bad options as `sharedState.…`. It stays on
 * Microsoft-managed keys even when `encryption` is customer-managed: azurerm_managed_redis takes
 * only a versioned key id, which would pin it to one version of the stack's rotating key and
 * break at the first rotation; it holds sessions, locks and events in memory, never history.
 */
export function createSharedState(owner: Construct, options: ChatSharedStateOptions | undefined, at: Placement, name?: string): PrivateRedisCache {
  const { enabled: _enabled, ...rest } = options ?? {};
  // The Redis's 'name' is the user's only when 'names.sharedState' gave it.
  const words = { skuName: 'sharedState.skuName', highAvailability: 'sharedState.highAvailability', ...(name !== undefined ? { name: 'names.sharedState' } : {}) };
  return inUsersWords(owner, words,
    () => new PrivateRedisCache(owner, 'SharedState', {
      resourceGroupName: at.resourceGroupName,
      location: at.location,
      network: at.network,
      dnsZones: at.dnsZones,
      monitoring: at.monitoring,
      vault: at.vault,
      name,
      ...rest,
    }));
}

/** The private file store for uploads, reporting bad options as `fileStore.…`. */
export function createFileStore(owner: Construct, options: ChatFileStoreOptions | undefined, at: Placement, name?: string): PrivateFileStore {
  const { enabled: _enabled, ...rest } = options ?? {};
  const words = {
    ...Object.fromEntries(['containerName', 'softDeleteRetentionDays', 'zoneRedundant', 'preventDestroy'].map((k) => [k, `fileStore.${k}`])),
    ...(name !== undefined ? { name: 'names.fileStore' } : {}),
  };
  return inUsersWords(owner, words, () => new PrivateFileStore(owner, 'Files', {
    resourceGroupName: at.resourceGroupName,
    location: at.location,
    network: at.network,
    dnsZones: at.dnsZones,
    monitoring: at.monitoring,
    customerManagedKey: at.customerManagedKey,
    preventDestroy: at.preventDestroy,
    name,
    ...rest,
  }));
}

/** The gateway's embeddings operation for the front end, reporting bad options as `documentChat.…`. */
export function createEmbeddings(owner: Construct, gateway: AiGateway, vault: IPrivateKeyVault, deploymentName: string,
  dimensions?: number): FrontEndEmbeddings {
  return inUsersWords(owner, { deploymentName: 'documentChat.deploymentName', dimensions: 'documentChat.dimensions' },
    () => gateway.addFrontEndEmbeddings('Embeddings', { vault, deploymentName, dimensions }));
}
