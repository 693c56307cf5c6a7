import { ManagedRedis } from '@cdktf/provider-azurerm/lib/managed-redis';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { Offset } from '@cdktf/provider-time/lib/offset';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import {
  CONNECTION_LOG_CATEGORIES, DEFAULT_SKU, MANAGED_REDIS_NAME, MANAGED_REDIS_PORT, MANAGED_REDIS_SKUS, nearestSkus,
} from './private/redis-facts';
import { IChatSharedState } from '../app/front-end';
import { AzureNameRule, Names } from '../core/names';
import { checkPlacement } from '../core/private/placement';
import { ensureTimeProvider } from '../core/private/providers';
import { CUSTOMER_MANAGED_KEY_REF, DNS_ZONES_REF, MONITORING_REF, NETWORK_REF, VAULT_REF } from '../core/private/references';
import { checkSameRegionAsNetwork, hasAvailabilityZones } from '../core/private/regions';
import { checkIntRange, checkNotBlank, checkRefused, checkResourceId, checkShape, checkTags, checkTrimmed, is, isUnresolved, propError, ruleError, Shape, warn } from '../core/private/validate';
import { IMonitoring } from '../monitoring/monitoring';
import { servicePrivateEndpoint } from '../network/private/wiring';
import { PrivateLinkZone } from '../network/private-dns-zones';
import { PrivateEndpointOptions, ServicePrivateEndpoint } from '../network/private-endpoint';
import { ICustomerManagedKey } from '../secrets/customer-managed-key';
import { EncryptionKey } from '../secrets/encryption-key';
import { IPrivateKeyVault } from '../secrets/key-vault';
import { checkKeyReference, parseKeyId } from '../secrets/private/keys';
import { VaultSecret } from '../secrets/vault-secret';

/**
 * A Redis that several instances of a chat front end share, created here or existing: what
 * `PrivateChat` hands the web app as its shared state.
 */
export interface IPrivateRedisCache extends IChatSharedState {
  /** Resource id of the Redis (`Microsoft.Cache/redisEnterprise`). */
  readonly redisId: string;
  /** Host name clients connect to, `<name>.<region>.redis.azure.net`. */
  readonly hostName: string;
  /** TLS port clients connect to (10000 on Azure Managed Redis). */
  readonly port: number;
}

/** Attributes of an existing Azure Managed Redis, for {@link PrivateRedisCache.fromRedisAttributes}. */
export interface PrivateRedisCacheAttributes {
  /** Resource id of the Redis (`…/providers/Microsoft.Cache/redisEnterprise/<name>`). */
  readonly redisId: string;
  /** Host name, `<name>.<region>.redis.azure.net`. */
  readonly hostName: string;
  /**
   * Key Vault reference (`@Microsoft.KeyVault(SecretUri=…)`) to a secret holding the full Redis
   * URL with its credential, `rediss://:<url-encoded key>@<host>:10000/0`.
   */
  readonly redisUrlReference: string;
  /**
   * TLS port.
   *
   * @default 10000
   */
  readonly port?: number;
}

/** Props of {@link PrivateRedisCache}. */
export interface PrivateRedisCacheProps extends PrivateEndpointOptions {
  /** Resource group of the Redis and its private endpoint. */
  readonly resourceGroupName: string;
  /** Azure region: the VNet's, since the private endpoint goes there too. */
  readonly location: string;
  /** Vault that receives the Redis URL (with the access key) the front end reads as a Key Vault reference. */
  readonly vault: IPrivateKeyVault;
  /**
   * Workspace that receives the database's connection audit events (`ConnectionEvents`) and the
   * cluster's metrics.
   *
   * @default - no diagnostic setting
   */
  readonly monitoring?: IMonitoring;
  /**
   * Name of the Redis: 3-63 letters, digits and hyphens, starting and ending with a letter or
   * digit, no `--`. Changing it replaces the Redis.
   *
   * @default - `redis-<id>-<8 hex characters>` hashed from the subscription and the construct path
   */
  readonly name?: string;
  /**
   * Azure Managed Redis SKU, `<tier>_<size>` (`Balanced_B0`, `Balanced_B5`, `MemoryOptimized_M10`…).
   * Changing it replaces the Redis in azurerm 4.55 (`sku_name` is ForceNew), which costs only the
   * shared state (see the README).
   *
   * @default 'Balanced_B0' - the smallest size (0.5 GB, 15,000 client connections); every size
   * has private endpoints, replication and zone redundancy
   * @see https://learn.microsoft.com/azure/redis/overview#choosing-the-right-tier
   */
  readonly skuName?: string;
  /**
   * Replicate every shard to a second node, spread over availability zones where the region has
   * them (99.99% SLA), else in one datacenter (99.9%). Without it there is no SLA and no failover;
   * Microsoft recommends it off only for dev/test. Changing it replaces the Redis.
   *
   * @default true
   * @see https://learn.microsoft.com/azure/redis/high-availability
   */
  readonly highAvailability?: boolean;
  /**
   * Encrypt the Redis's disks with a customer-managed key, unwrapped by the key's user-assigned
   * identity. azurerm 4.55 takes only a VERSIONED key id here (`…/keys/<name>/<version>`), and
   * `EncryptionKey` gives versionless ids only (one created in the stack, and
   * `EncryptionKey.fromKeyId`, which refuses a version), so pass an `ICustomerManagedKey` object
   * whose `keyId` names the key's current version, its identity already granted on the key. A
   * versionless key id is refused at synth, since the provider would refuse it at plan.
   *
   * @default - Microsoft-managed keys
   * @see https://learn.microsoft.com/azure/redis/how-to-encryption
   */
  readonly customerManagedKey?: ICustomerManagedKey;
  /**
   * Days the URL secret is valid, counted from its creation (computed once by a hashicorp/time
   * `time_offset`, so the synthesized JSON never changes). Rotate before: regenerate the access
   * key, then replace the offset (`terraform apply -replace=<time_offset>`).
   *
   * @default 1825
   */
  readonly secretLifetimeDays?: number;
  /**
   * Tags of the Redis and its private endpoint.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** Default validity of the URL secret, as the history store's secrets. */
const DEFAULT_SECRET_LIFETIME_DAYS = 1825;
/** Database number in the URL: Azure Managed Redis serves database 0 only. */
const DATABASE = 0;

/**
 * Settings that would open the Redis to a public network or to clear text, and why each is
 * refused (a JavaScript caller, or TypeScript holding `any`, can pass them).
 */
const REFUSED: { readonly [prop: string]: string } = {
  publicNetworkAccess: 'the Redis is reached only through its private endpoint (public_network_access = "Disabled")',
  publicNetworkAccessEnabled: 'the Redis is reached only through its private endpoint (public_network_access = "Disabled")',
  clientProtocol: 'the Redis speaks TLS only (client_protocol = "Encrypted"); a plaintext port would carry the access key in clear',
  nonSslPortEnabled: 'the Redis speaks TLS only (client_protocol = "Encrypted"); a plaintext port would carry the access key in clear',
};

const SHAPE: Shape = {
  resourceGroupName: is.string(true),
  location: is.string(true),
  network: NETWORK_REF(true),
  dnsZones: DNS_ZONES_REF(true),
  vault: VAULT_REF(true),
  monitoring: MONITORING_REF(),
  name: is.string(),
  skuName: is.string(),
  highAvailability: is.boolean(),
  customerManagedKey: CUSTOMER_MANAGED_KEY_REF(),
  secretLifetimeDays: is.integer(),
  tags: is.stringMap(),
};

/**
 * A private Azure Managed Redis for the shared state of several chat app instances (Open WebUI's
 * WebSocket manager over Pub/Sub, its session, user and usage pools, locks and token
 * revocations), reached only through a private endpoint.
 *
 * Why this shape (sources in src/cache/README.md):
 * - **Azure Managed Redis, not Azure Cache for Redis**: Microsoft retires Azure Cache for Redis
 *   (Basic, Standard and Premium on 2028-09-30; Enterprise on 2027-03-31) and points new
 *   deployments to Azure Managed Redis. `azurerm_managed_redis`, type
 *   `Microsoft.Cache/redisEnterprise`, private endpoint subresource `redisEnterprise` in
 *   `privatelink.redis.azure.net`, port 10000.
 * - **An access key, not Entra ID**: Open WebUI builds its clients from `REDIS_URL` and
 *   `WEBSOCKET_REDIS_URL` alone (`redis.from_url` in backend/open_webui/utils/redis.py, and
 *   python-socketio's `AsyncRedisManager` in backend/open_webui/socket/main.py);
 *   `WEBSOCKET_REDIS_OPTIONS` takes JSON only, so no credential provider object (the way redis-py
 *   authenticates with Entra tokens, which expire hourly) can be given. So access-key
 *   authentication is on, for this reason alone, and the full URL with the key lives in one Key
 *   Vault secret, written through Azure Resource Manager; the app reads it as a Key Vault
 *   reference, never in clear.
 * - **EnterpriseCluster**: one endpoint behind Redis's proxy, so Open WebUI's plain (not
 *   cluster-aware) client works without `REDIS_CLUSTER`; Pub/Sub, which Socket.IO relies on,
 *   is supported by Redis Enterprise databases. `OSSCluster` (azurerm's default) would need a
 *   cluster-aware client.
 * - **NoEviction**: Open WebUI stores a revoked token as a key with a TTL (`invalidate_token` in
 *   backend/open_webui/utils/auth.py), which azurerm's default `VolatileLRU` could evict under
 *   memory pressure, making the token valid again; writes fail loudly instead.
 * - TLS only (`client_protocol = "Encrypted"`; the provider pins TLS 1.2 minimum), public network
 *   access off, high availability on by default, connection audit logs to the workspace,
 *   optional customer-managed key.
 *
 * Not stateful in the sense of the history store: it holds sessions, locks and Pub/Sub traffic
 * that instances rebuild, so there is no `prevent_destroy`, no persistence and no backup. A
 * replacement (a new `name`, `skuName`, `highAvailability` or key identity forces one) signs users
 * out of live WebSocket sessions and forgets token revocations.
 *
 * @see https://learn.microsoft.com/azure/redis/overview
 * @see https://learn.microsoft.com/azure/redis/private-link
 * @see https://learn.microsoft.com/azure/redis/architecture#cluster-policies
 */
export class PrivateRedisCache extends Construct implements IPrivateRedisCache {
  /**
   * Uses an existing Redis and a secret that already holds its URL: nothing is created. The
   * caller wires the private endpoint and the NSG flows of that Redis.
   */
  public static fromRedisAttributes(scope: Construct, id: string, attrs: PrivateRedisCacheAttributes): IPrivateRedisCache {
    return new ImportedRedisCache(scope, id, attrs);
  }

  /** Resource id of the Redis (`Microsoft.Cache/redisEnterprise`). */
  public readonly redisId: string;
  /** Name of the Redis (a plan-time expression when derived). */
  public readonly redisName: string;
  /** Host name, `<name>.<region>.redis.azure.net` (it resolves to the private endpoint through `privatelink.redis.azure.net`). */
  public readonly hostName: string;
  /** TLS port, 10000. */
  public readonly port: number = MANAGED_REDIS_PORT;
  /** The SKU. */
  public readonly skuName: string;
  /** Whether every shard has a replica (and, in a region with zones, sits across zones). */
  public readonly highAvailability: boolean;
  /**
   * Whether the Redis is zone-redundant: high availability in a region the library knows to have
   * availability zones (a region it cannot check counts as yes).
   */
  public readonly zoneRedundant: boolean;
  /** The vault secret holding `rediss://:<url-encoded key>@<host>:10000/0`. */
  public readonly urlSecret: VaultSecret;
  /** Key Vault reference to {@link urlSecret}, for `REDIS_URL` and `WEBSOCKET_REDIS_URL`. */
  public readonly redisUrlReference: string;
  /** When the URL secret expires (RFC3339, known after the first apply): rotate before. */
  public readonly secretExpiresOn: string;
  /** The private endpoint (subresource `redisEnterprise`); call `allowFrom` on it for each caller. */
  public readonly privateEndpoint: ServicePrivateEndpoint;
  /** The `azurerm_managed_redis` (escape hatch). */
  public readonly resource: ManagedRedis;
  /** The diagnostic setting of the database's connection audit events, when `monitoring` is given. */
  public readonly diagnosticSetting?: MonitorDiagnosticSetting;
  /** The diagnostic setting of the cluster's metrics, when `monitoring` is given. */
  public readonly metricsSetting?: MonitorDiagnosticSetting;

  constructor(scope: Construct, id: string, props: PrivateRedisCacheProps) {
    super(scope, id);
    this.validate(props);
    const key = props.customerManagedKey;
    this.skuName = props.skuName ?? DEFAULT_SKU;
    this.highAvailability = props.highAvailability ?? true;
    this.zoneRedundant = this.highAvailability && hasAvailabilityZones(props.location);
    this.redisName = props.name ?? Names.globallyUnique(this, MANAGED_REDIS_NAME, `redis-${id}`);

    this.resource = new ManagedRedis(this, 'Resource', {
      name: this.redisName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      skuName: this.skuName,
      highAvailabilityEnabled: this.highAvailability,
      // Every setting written out, secure value included, because scanners read the JSON; the
      // provider defaults public access to Enabled.
      publicNetworkAccess: 'Disabled',
      defaultDatabase: {
        // Open WebUI cannot authenticate with Entra ID (see the class comment); the key reaches
        // the app only inside the vault secret.
        accessKeysAuthenticationEnabled: true,
        clientProtocol: 'Encrypted',
        clusteringPolicy: 'EnterpriseCluster',
        evictionPolicy: 'NoEviction',
      },
      ...(key === undefined ? {} : {
        identity: { type: 'UserAssigned', identityIds: [key.identityId] },
        customerManagedKey: { keyVaultKeyId: key.keyId, userAssignedIdentityId: key.identityId },
        // The identity's role on the key, and the wait for it, come first, or creation fails.
        dependsOn: key.dependables,
      }),
      tags: props.tags,
    });
    this.redisId = this.resource.id;
    this.hostName = this.resource.hostname;

    this.privateEndpoint = servicePrivateEndpoint(this, props, {
      targetResourceId: this.redisId,
      subresource: 'redisEnterprise',
      zones: [PrivateLinkZone.MANAGED_REDIS],
    });

    // Key Vault may refuse an expired secret, and then the app loses REDIS_URL: one long, explicit
    // lifetime instead of the vault's one-year default, as for the history store's secrets.
    ensureTimeProvider(this);
    const expiry = new Offset(this, 'SecretExpiry', { offsetDays: props.secretLifetimeDays ?? DEFAULT_SECRET_LIFETIME_DAYS });
    this.secretExpiresOn = expiry.rfc3339;
    // The key is base64 and may hold '/', '+' and '=': URL-encoded, so that the URL parses;
    // redis-py unquotes the password of the URL it is given.
    const accessKey = Fn.urlencode(this.resource.defaultDatabase.primaryAccessKey);
    this.urlSecret = props.vault.addSecret(`RedisUrl-${Names.hashOf(this, 8)}`, {
      name: Names.local(this, AzureNameRule.KEY_VAULT_SECRET, 'redisurl'),
      value: `rediss://:${accessKey}@${this.hostName}:${MANAGED_REDIS_PORT}/${DATABASE}`,
      contentType: 'redis-url',
      expirationDate: this.secretExpiresOn,
    });
    this.redisUrlReference = this.urlSecret.keyVaultReference;

    if (props.monitoring) {
      // Connection events are a log of the database child resource; metrics are the cluster's.
      this.diagnosticSetting = props.monitoring.addDiagnosticSetting(this, 'Diagnostics', {
        targetResourceId: this.resource.defaultDatabase.id,
        logCategories: [...CONNECTION_LOG_CATEGORIES],
        metrics: false,
      });
      this.metricsSetting = props.monitoring.addDiagnosticSetting(this, 'Metrics', {
        targetResourceId: this.redisId,
        logCategories: [],
        metrics: true,
      });
    }
  }

  private validate(props: PrivateRedisCacheProps): void {
    checkRefused(this, props, REFUSED);
    checkShape(this, props, SHAPE);
    checkTags(this, 'tags', props.tags);
    checkPlacement(this, props.resourceGroupName, props.location);
    checkSameRegionAsNetwork(this, 'location', props.location, props.network.location);
    checkTrimmed(this, 'name', props.name);
    MANAGED_REDIS_NAME.validate(this, 'name', props.name);
    if (props.name !== undefined && !isUnresolved(props.name) && props.name.includes('--')) {
      throw propError(this, 'name', 'must not contain consecutive hyphens', props.name);
    }
    const sku = props.skuName;
    checkNotBlank(this, 'skuName', sku);
    if (sku !== undefined && !isUnresolved(sku) && !MANAGED_REDIS_SKUS.includes(sku)) {
      const near = nearestSkus(sku);
      const hint = near.length > 0 ? ` (did you mean ${near.map((n) => `'${n}'`).join(', ')}?)` : '';
      const retired = /^Enterprise(Flash)?_/.test(sku) ? ': the Enterprise and Enterprise Flash SKUs are Azure Cache for Redis Enterprise, which retires on 2027-03-31' : '';
      throw propError(this, 'skuName', `must be an Azure Managed Redis SKU such as '${DEFAULT_SKU}', 'Balanced_B5' or 'MemoryOptimized_M10'${retired}${hint}`, sku);
    }
    checkIntRange(this, 'secretLifetimeDays', props.secretLifetimeDays, 1, 36500);
    const key = props.customerManagedKey;
    checkKeyReference(this, 'customerManagedKey', key);
    if (key !== undefined) {
      if (key instanceof EncryptionKey) {
        throw ruleError(this, "'customerManagedKey' must name a key version: azurerm_managed_redis takes only a versioned key id (…/keys/<name>/<version>), "
          + 'and an EncryptionKey created in the stack gives a versionless one; pass an ICustomerManagedKey whose keyId names the key\'s current version '
          + '(EncryptionKey.fromKeyId takes versionless ids only), '
          + `got the EncryptionKey '${key.node.path}'`);
      }
      if (!isUnresolved(key.keyId) && parseKeyId(key.keyId)?.version === undefined) {
        throw propError(this, 'customerManagedKey.keyId', 'must be a versioned Key Vault key id (https://<vault>.vault.azure.net/keys/<name>/<version>): azurerm_managed_redis refuses a versionless one', key.keyId);
      }
    }
    if ((props.highAvailability ?? true) === false) {
      warn(this, 'redis-no-high-availability', "'highAvailability' is false: the Redis has no replica, no failover and no SLA, and Microsoft recommends it only for dev/test; "
        + 'turning it on later replaces the Redis');
    } else if (!hasAvailabilityZones(props.location)) {
      warn(this, 'redis-not-zone-redundant', `'location' is '${props.location}', a region without availability zones: the Redis is replicated within one datacenter `
        + '(99.9% SLA), not across zones (99.99%)');
    }
  }
}

/** An existing Redis, from {@link PrivateRedisCache.fromRedisAttributes}. */
class ImportedRedisCache extends Construct implements IPrivateRedisCache {
  /** Shown in error messages instead of this internal class name. */
  public static readonly errorKind = 'PrivateRedisCache.fromRedisAttributes';

  public readonly redisId: string;
  public readonly hostName: string;
  public readonly port: number;
  public readonly redisUrlReference: string;

  constructor(scope: Construct, id: string, attrs: PrivateRedisCacheAttributes) {
    super(scope, id);
    checkShape(this, attrs, {
      redisId: is.string(true), hostName: is.string(true), redisUrlReference: is.string(true), port: is.integer(),
    }, 'attrs');
    checkResourceId(this, 'attrs.redisId', attrs.redisId, 'Microsoft.Cache/redisEnterprise');
    checkNotBlank(this, 'attrs.hostName', attrs.hostName);
    checkTrimmed(this, 'attrs.hostName', attrs.hostName);
    checkIntRange(this, 'attrs.port', attrs.port, 1, 65535);
    const ref = attrs.redisUrlReference;
    if (!isUnresolved(ref) && !/^@Microsoft\.KeyVault\((SecretUri|VaultName)=.+\)$/.test(ref)) {
      throw propError(this, 'attrs.redisUrlReference', "must be a Key Vault reference, '@Microsoft.KeyVault(SecretUri=https://<vault>.vault.azure.net/secrets/<name>)', "
        + 'so that the access key never sits in an app setting in clear', ref);
    }
    this.redisId = attrs.redisId;
    this.hostName = attrs.hostName;
    this.port = attrs.port ?? MANAGED_REDIS_PORT;
    this.redisUrlReference = ref;
  }
}
