import { AutoscaleOptions } from '../app/autoscale';
import { FileStoreOptions } from '../storage/private-file-store';

/**
 * How many instances of the chat app run, and where.
 *
 * With more than one instance (`instances` above 1, or an autoscale maximum above 1), `PrivateChat`
 * gives Open WebUI everything it needs to run as several: a private Redis for its WebSocket
 * manager and shared state, the private file store (on by default anyway), vectors in the history
 * database, and the vault's session secret shared by every instance.
 *
 * @see https://docs.openwebui.com/getting-started/advanced-topics/scaling
 * @see docs/sizing.md
 */
export interface ChatScaleOptions {
  /**
   * Instances the App Service plan runs (its worker count). With `autoscale`, the instance count
   * the plan starts with; autoscale moves it between its bounds.
   *
   * @default 1 - or `autoscale.minInstances`
   */
  readonly instances?: number;
  /**
   * Spreads the instances across the region's availability zones (App Service zone balancing),
   * so that a zone outage leaves the others serving. Needs a Premium v2/v3/v4 plan, at least two
   * instances (three in a three-zone region keeps one per zone) and a region with availability
   * zones; the plan is re-created when this changes on azurerm 4.55.
   *
   * @default false
   * @see https://learn.microsoft.com/azure/reliability/reliability-app-service
   */
  readonly zoneRedundant?: boolean;
  /**
   * The App Service plan SKU. Same as `PrivateChatProps.appServicePlanSku`; give one of the two.
   *
   * @default 'P0v3'
   */
  readonly skuName?: string;
  /**
   * Scale on CPU (and on requests per instance when asked) between two bounds.
   *
   * @default - a fixed instance count
   */
  readonly autoscale?: AutoscaleOptions;
}

/** Ready-made scale profiles for {@link PrivateChatProps.scale}. */
export class ChatScale {
  /**
   * The production profile (docs/sizing.md): `P1v3`, three zone-redundant instances (one per
   * zone), autoscale from 3 to 10 instances on CPU (out above 70 %, in below 30 %) and on
   * requests (out above 600 a minute per instance). `PrivateChat` adds the Redis several
   * instances need.
   *
   * @param maxInstances the autoscale maximum (default 10)
   */
  public static production(maxInstances?: number): ChatScaleOptions {
    return {
      skuName: 'P1v3',
      instances: 3,
      zoneRedundant: true,
      autoscale: { minInstances: 3, maxInstances: maxInstances ?? 10, requestsPerInstanceScaleOut: 600 },
    };
  }

  /** One instance (the default): no Redis, no autoscale. */
  public static single(): ChatScaleOptions {
    return { instances: 1 };
  }

  private constructor() {}
}

/** Options of the Redis the chat app's instances share (`PrivateChatProps.sharedState`). */
export interface ChatSharedStateOptions {
  /**
   * Whether a Redis is created. It is needed with more than one instance; with one, it also makes
   * Open WebUI's sign-out revoke tokens at once.
   *
   * @default - true exactly when the app may run more than one instance
   */
  readonly enabled?: boolean;
  /**
   * Azure Managed Redis SKU.
   *
   * @default - `PrivateRedisCache`'s default
   */
  readonly skuName?: string;
  /**
   * A replica in another zone (or node), so a node failure does not drop every session.
   *
   * @default true
   */
  readonly highAvailability?: boolean;
}

/** Options of the private file store for uploads (`PrivateChatProps.fileStore`). */
export interface ChatFileStoreOptions extends FileStoreOptions {
  /**
   * Whether uploads go to a private storage account. Without it Open WebUI keeps them on the
   * container's disk, which a restart loses and other instances cannot read; turning it off is
   * refused with more than one instance.
   *
   * @default - true with Open WebUI and a history store; other front ends do not use it
   */
  readonly enabled?: boolean;
}

/**
 * Chat with your documents (`PrivateChatProps.documentChat`): Open WebUI's knowledge bases and
 * file retrieval, with vectors in the history database (pgvector) and embeddings from an
 * embeddings deployment on the same Foundry account.
 *
 * Open WebUI calls embeddings only with a static key, and the account's keys stay off, so the
 * embeddings go through the AI gateway (`gateway` is required): the gateway issues the front end a
 * key for one embeddings-only operation and calls the deployment as its own identity.
 */
export interface DocumentChatOptions {
  /**
   * An embeddings deployment in `models` to use (or on the existing `aiAccount`, where it is
   * required). Without it, `PrivateChat` adds one of `embeddingsModel` named after the model.
   *
   * @default - a deployment of `embeddingsModel` is added
   */
  readonly deploymentName?: string;
  /**
   * Embeddings model of the deployment `PrivateChat` adds.
   *
   * @default 'text-embedding-3-small' - 1,536 dimensions, which pgvector indexes as `vector`
   */
  readonly embeddingsModel?: string;
  /**
   * Capacity (thousands of tokens per minute) of the deployment `PrivateChat` adds.
   *
   * @default 50
   */
  readonly capacity?: number;
  /**
   * Length of the vectors the deployment returns. Needed only for a deployment on an existing
   * `aiAccount`, whose model the gateway cannot see.
   *
   * @default - the model's: 1,536 for `text-embedding-3-small`, 3,072 for `-3-large`
   */
  readonly dimensions?: number;
}
