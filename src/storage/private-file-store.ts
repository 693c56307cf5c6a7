import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Fn, IResolvable, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import {
  BLOB_CONTAINER_TYPE, BLOB_LOG_CATEGORIES, BLOB_SERVICE_TYPE, keyVaultPropertiesOf, STORAGE_ACCOUNT_TYPE, STORAGE_BLOB_DATA_CONTRIBUTOR_ROLE_ID,
} from './private/arm';
import { IChatFileStore } from '../app/front-end';
import { AzureNameRule, Names } from '../core/names';
import { grantRole, IPrincipal } from '../core/principal';
import { AzapiResource, AzapiUpdateResource } from '../core/private/azapi';
import { clientConfig } from '../core/private/client-config';
import { checkPlacement } from '../core/private/placement';
import { CUSTOMER_MANAGED_KEY_REF, DNS_ZONES_REF, MONITORING_REF, NETWORK_REF, PRINCIPAL_REF } from '../core/private/references';
import { checkSameRegionAsNetwork, checkZoneRedundancy, hasAvailabilityZones } from '../core/private/regions';
import { checkField, checkIntRange, checkRefused, checkShape, checkTags, checkTrimmed, is, isUnresolved, propError, Shape } from '../core/private/validate';
import { IMonitoring } from '../monitoring/monitoring';
import { servicePrivateEndpoint } from '../network/private/wiring';
import { PrivateLinkZone } from '../network/private-dns-zones';
import { PrivateEndpointOptions, ServicePrivateEndpoint } from '../network/private-endpoint';
import { ICustomerManagedKey } from '../secrets/customer-managed-key';
import { checkKeyReference } from '../secrets/private/keys';

/** Options of the file store that `PrivateChat` passes through. */
export interface FileStoreOptions {
  /**
   * Name of the blob container uploads go to (Open WebUI's `AZURE_STORAGE_CONTAINER_NAME`):
   * 3-63 lowercase letters, digits and single hyphens.
   *
   * @default 'uploads'
   */
  readonly containerName?: string;
  /**
   * Days a deleted blob, and a deleted container, can still be restored (blob and container soft
   * delete, 1-365). It is also how long a purged file survives its purge: when a user's data is
   * erased, the blobs Open WebUI deletes stay recoverable (by anyone with write access to the
   * container) for this many days and are then gone for good. Versioning stays off, so no older
   * version outlives that.
   *
   * @default 7 - a week to undo a mistaken delete, well inside the month an erasure request allows
   * @see https://learn.microsoft.com/azure/storage/blobs/soft-delete-blob-overview
   */
  readonly softDeleteRetentionDays?: number;
  /**
   * Keep three copies in three availability zones (`Standard_ZRS`) instead of three in one
   * datacenter (`Standard_LRS`). Geo-redundant SKUs are not offered: they copy every upload to the
   * paired region, which a data-residency review must accept first.
   *
   * @default - true where the region has availability zones, else false
   * @see https://learn.microsoft.com/azure/storage/common/storage-redundancy
   */
  readonly zoneRedundant?: boolean;
  /**
   * Adds `lifecycle.prevent_destroy` to the account and the container. Setting this to false
   * WEAKENS PROTECTION: a change that forces replacement would delete every uploaded file.
   *
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/** Props of {@link PrivateFileStore}. */
export interface PrivateFileStoreProps extends PrivateEndpointOptions, FileStoreOptions {
  /** Resource group of the account and its private endpoint. */
  readonly resourceGroupName: string;
  /** Azure region: the VNet's, since the private endpoint goes there too. */
  readonly location: string;
  /**
   * Workspace that receives the blob service's read, write and delete logs.
   *
   * @default - no diagnostic setting
   */
  readonly monitoring?: IMonitoring;
  /**
   * Name of the storage account: 3-24 lowercase letters and digits, globally unique.
   *
   * @default - `st<8 hex characters>` hashed from the subscription id and the construct path
   */
  readonly name?: string;
  /**
   * Encrypt the account with a customer-managed key, read by the key's user-assigned identity.
   * The account follows the key's rotation (no version is pinned). The vault must let trusted
   * Azure services through its firewall (a `PrivateKeyVault` does).
   *
   * @default - Microsoft-managed keys
   * @see https://learn.microsoft.com/azure/storage/common/customer-managed-keys-overview
   */
  readonly customerManagedKey?: ICustomerManagedKey;
  /**
   * Tags of the account and its private endpoint.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

const DEFAULT_CONTAINER = 'uploads';
const DEFAULT_SOFT_DELETE_DAYS = 7;

/**
 * Props a JavaScript caller might pass to open the store to a network or to keys. None is
 * offered: each would need a public endpoint or a credential outside Entra ID.
 */
const REFUSED: { readonly [prop: string]: string } = {
  publicNetworkAccessEnabled: 'the file store has no public endpoint: the app reaches it through its private endpoint',
  publicNetworkAccess: 'the file store has no public endpoint: the app reaches it through its private endpoint',
  allowedIpRanges: 'the file store has no public endpoint, so no IP rule can reach it: add callers to privateEndpoint.allowFrom(...)',
  ipRules: 'the file store has no public endpoint, so no IP rule can reach it: add callers to privateEndpoint.allowFrom(...)',
  allowBlobPublicAccess: 'anonymous blob access would publish uploads without sign-in',
  sharedAccessKeyEnabled: 'callers sign in with Entra ID (grantReadWrite); account keys and SAS tokens stay off',
  allowSharedKeyAccess: 'callers sign in with Entra ID (grantReadWrite); account keys and SAS tokens stay off',
};

/**
 * Durable, private blob storage for the files users upload to the chat (Open WebUI's
 * `STORAGE_PROVIDER=azure`), reached only through a private endpoint and only with Entra ID.
 *
 * - a StorageV2 account: public network access `Disabled`, network rules default `Deny` with
 *   bypass `None`, shared-key (account key and SAS) access off, OAuth the portal default,
 *   anonymous blob access off, cross-tenant replication off, local users and SFTP off, HTTPS only,
 *   TLS 1.2 minimum, infrastructure (double) encryption, and the customer-managed key when given;
 *   `Standard_ZRS` where the region has zones;
 * - the blob service (an update of the service every account has) with blob and container soft
 *   delete (`softDeleteRetentionDays`), versioning off;
 * - one private container (`containerName`, public access `None`);
 * - a private endpoint on `blob` in `privatelink.blob.core.windows.net`;
 * - the blob service's read, write and delete logs to the workspace;
 * - {@link PrivateFileStore.grantReadWrite}: `Storage Blob Data Contributor` on the container only.
 *
 * The account and the container are `azapi_resource`s and the blob service an
 * `azapi_update_resource` (Azure Resource Manager only), not an `azurerm_storage_account`: azurerm 4.55 calls the account's blob and queue endpoints while it
 * creates and reads the account (unless the provider's `features.storage.data_plane_available`
 * is false, which a library cannot set on the user's provider), and with public access and shared
 * keys off a machine outside the VNet fails there. See src/storage/README.md.
 *
 * What Open WebUI keeps here (`backend/open_webui/storage/provider.py`, `AzureStorageProvider`,
 * the same in the 0.6-era and current code read; see the README): one blob per upload, named `<file id>_<original file name>` at the
 * container's root; the file's `path` in the database is
 * `<AZURE_STORAGE_ENDPOINT>/<container>/<file id>_<name>`. It signs in with
 * `DefaultAzureCredential` when `AZURE_STORAGE_KEY` is empty, so the app's user-assigned identity
 * (`AZURE_CLIENT_ID`) is used. It never creates the container; it uploads, downloads, deletes and
 * lists blobs, all inside `Storage Blob Data Contributor` on the container.
 *
 * @see https://learn.microsoft.com/azure/storage/common/storage-private-endpoints
 * @see https://learn.microsoft.com/azure/storage/common/shared-key-authorization-prevent
 */
export class PrivateFileStore extends Construct implements IChatFileStore {
  /** Resource id of the storage account. */
  public readonly storageAccountId: string;
  /** Name of the storage account (a plan-time expression when derived). */
  public readonly storageAccountName: string;
  /** `https://<account>.blob.core.windows.net`, Open WebUI's `AZURE_STORAGE_ENDPOINT` (no trailing slash). */
  public readonly blobEndpoint: string;
  /** Name of the container uploads go to. */
  public readonly containerName: string;
  /** Resource id of the container, the scope of {@link PrivateFileStore.grantReadWrite}. */
  public readonly containerId: string;
  /** Days deleted blobs and containers stay restorable. */
  public readonly softDeleteRetentionDays: number;
  /** Whether the account keeps its copies in three zones (`Standard_ZRS`). */
  public readonly zoneRedundant: boolean;
  /** Resource id of the account's blob service, `<account id>/blobServices/default`, where blob logs are configured. */
  public readonly blobServiceId: string;
  /** The account's `azapi_resource` (escape hatch). */
  public readonly resource: TerraformResource;
  /**
   * The `azapi_update_resource` that sets the blob service's soft delete: the service exists with
   * the account and has no DELETE in the storage API, so it is updated, never created or deleted.
   */
  public readonly blobService: TerraformResource;
  /** The container's `azapi_resource`. */
  public readonly container: TerraformResource;
  /** The account's private endpoint on `blob`: call `allowFrom` for each subnet that reads or writes files. */
  public readonly privateEndpoint: ServicePrivateEndpoint;
  /**
   * The diagnostic setting on the blob service.
   *
   * @default - none, when no `monitoring` is given
   */
  public readonly diagnosticSetting?: MonitorDiagnosticSetting;

  constructor(scope: Construct, id: string, props: PrivateFileStoreProps) {
    super(scope, id);
    this.validate(props);
    const key = props.customerManagedKey;
    const preventDestroy = props.preventDestroy ?? true;
    this.zoneRedundant = props.zoneRedundant ?? hasAvailabilityZones(props.location);
    this.softDeleteRetentionDays = props.softDeleteRetentionDays ?? DEFAULT_SOFT_DELETE_DAYS;
    this.containerName = props.containerName ?? DEFAULT_CONTAINER;
    const name = props.name ?? Names.globallyUnique(this, AzureNameRule.STORAGE_ACCOUNT, 'st');

    const encryption: { [key: string]: any } = {
      // Free, and decided at creation only: a second AES-256 layer at the infrastructure level.
      requireInfrastructureEncryption: true,
      keySource: key ? 'Microsoft.Keyvault' : 'Microsoft.Storage',
      services: { blob: { enabled: true, keyType: 'Account' }, file: { enabled: true, keyType: 'Account' } },
    };
    if (key) {
      encryption.keyvaultproperties = keyVaultPropertiesOf(key.keyId, key as { vaultUri?: unknown; keyName?: unknown });
      encryption.identity = { userAssignedIdentity: key.identityId };
    }
    const account = new AzapiResource(this, 'Resource', {
      type: STORAGE_ACCOUNT_TYPE,
      name,
      parentId: `/subscriptions/${clientConfig(this).subscriptionId}/resourceGroups/${props.resourceGroupName}`,
      body: {
        location: props.location,
        kind: 'StorageV2',
        sku: { name: this.zoneRedundant ? 'Standard_ZRS' : 'Standard_LRS' },
        ...(key ? { identity: { type: 'UserAssigned', userAssignedIdentities: userAssignedIdentities(key.identityId) } } : {}),
        ...(props.tags ? { tags: props.tags } : {}),
        // Every setting written out, the secure value included, because scanners read the JSON.
        properties: {
          accessTier: 'Hot',
          publicNetworkAccess: 'Disabled',
          // The app reaches the account through its private endpoint, and nothing reaches it from
          // outside: no trusted-service bypass (a customer-managed key is read by the account
          // itself, outbound, so it needs none) and no IP or VNet rules.
          networkAcls: { defaultAction: 'Deny', bypass: 'None', ipRules: [], virtualNetworkRules: [] },
          allowSharedKeyAccess: false,
          defaultToOAuthAuthentication: true,
          allowBlobPublicAccess: false,
          allowCrossTenantReplication: false,
          isLocalUserEnabled: false,
          isSftpEnabled: false,
          supportsHttpsTrafficOnly: true,
          minimumTlsVersion: 'TLS1_2',
          encryption,
        },
      },
      // The identity's role on the key, and the wait for it, come first, or creation fails.
      dependsOn: key ? [...key.dependables] : undefined,
      lifecycle: { preventDestroy },
    });
    this.resource = account;
    this.storageAccountId = account.id;
    this.storageAccountName = account.nameRef;
    this.blobServiceId = `${this.storageAccountId}/blobServices/default`;
    this.blobEndpoint = `https://${this.storageAccountName}.blob.core.windows.net`;

    const retention = { enabled: true, days: this.softDeleteRetentionDays };
    this.blobService = new AzapiUpdateResource(this, 'BlobService', {
      type: BLOB_SERVICE_TYPE,
      resourceId: this.blobServiceId,
      body: {
        properties: {
          deleteRetentionPolicy: retention,
          containerDeleteRetentionPolicy: retention,
          // Off: a version would keep a deleted or overwritten upload beyond the soft-delete window.
          isVersioningEnabled: false,
        },
      },
    });

    const container = new AzapiResource(this, 'Container', {
      type: BLOB_CONTAINER_TYPE,
      name: this.containerName,
      parentId: this.blobServiceId,
      body: { properties: { publicAccess: 'None' } },
      // Soft delete covers the container from its first day.
      dependsOn: [this.blobService],
      lifecycle: { preventDestroy },
    });
    this.container = container;
    this.containerId = container.id;

    this.privateEndpoint = servicePrivateEndpoint(this, props, {
      targetResourceId: this.storageAccountId,
      subresource: 'blob',
      zones: [PrivateLinkZone.BLOB],
    });

    if (props.monitoring) {
      // Blob logs are a setting of the blob service (`…/blobServices/default`), not of the account.
      this.diagnosticSetting = props.monitoring.addDiagnosticSetting(this, 'Diagnostics', {
        targetResourceId: this.blobServiceId,
        logCategories: [...BLOB_LOG_CATEGORIES],
        metrics: false,
      });
    }
  }

  /**
   * Lets `principal` read, write, delete and list blobs in the container (`Storage Blob Data
   * Contributor` scoped to the container, nothing wider). Open WebUI needs no more: it never
   * creates the container. Granting the same principal twice returns the same assignment.
   *
   * @returns the role assignment, which the app must be created after (plus a wait for it to propagate)
   */
  public grantReadWrite(principal: IPrincipal): RoleAssignment {
    checkField(this, 'principal', principal, PRINCIPAL_REF(true));
    return grantRole(this, { scopeId: this.containerId, roleDefinitionName: 'Storage Blob Data Contributor', principal },
      STORAGE_BLOB_DATA_CONTRIBUTOR_ROLE_ID);
  }

  private validate(props: PrivateFileStoreProps): void {
    checkRefused(this, props, REFUSED, 'is not offered');
    checkShape(this, props, SHAPE);
    checkTags(this, 'tags', props.tags);
    checkPlacement(this, props.resourceGroupName, props.location);
    checkSameRegionAsNetwork(this, 'location', props.location, props.network.location);
    checkTrimmed(this, 'name', props.name);
    AzureNameRule.STORAGE_ACCOUNT.validate(this, 'name', props.name);
    AzureNameRule.BLOB_CONTAINER.validate(this, 'containerName', props.containerName);
    checkIntRange(this, 'softDeleteRetentionDays', props.softDeleteRetentionDays, 1, 365);
    if (props.zoneRedundant === true) checkZoneRedundancy(this, 'zoneRedundant', props.location, 'zone-redundant storage (Standard_ZRS)');
    checkKeyReference(this, 'customerManagedKey', props.customerManagedKey);
    const keyId = props.customerManagedKey?.keyId;
    if (keyId !== undefined && !isUnresolved(keyId) && keyVaultPropertiesOf(keyId) === undefined) {
      throw propError(this, 'customerManagedKey.keyId', "must be a Key Vault key id 'https://<vault>.vault.azure.net/keys/<name>'", keyId);
    }
  }
}

/**
 * `{ <identity id>: {} }`. An id known only at apply becomes `zipmap([id], [{}])`, so that the
 * key is a Terraform expression rather than an object key holding one.
 */
function userAssignedIdentities(identityId: string): { [id: string]: any } | IResolvable {
  return isUnresolved(identityId) ? Fn.zipmap([identityId], [{}]) : { [identityId]: {} };
}

const SHAPE: Shape = {
  resourceGroupName: is.string(true),
  location: is.string(true),
  network: NETWORK_REF(true),
  dnsZones: DNS_ZONES_REF(true),
  monitoring: MONITORING_REF(),
  name: is.string(),
  containerName: is.string(),
  softDeleteRetentionDays: is.integer(),
  zoneRedundant: is.boolean(),
  customerManagedKey: CUSTOMER_MANAGED_KEY_REF(),
  preventDestroy: is.boolean(),
  tags: is.stringMap(),
};
