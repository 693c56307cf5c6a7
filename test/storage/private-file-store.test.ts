import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { ChatIdentity } from '../../src/app';
import { Compliance } from '../../src/compliance';
import { Principal } from '../../src/core';
import { EndpointCaller, PrivateDnsZones, PrivateLinkZone, PrivateNetwork } from '../../src/network';
import { ICustomerManagedKey } from '../../src/secrets';
import { PrivateFileStore, PrivateFileStoreProps } from '../../src/storage';
import { ref } from '../app/fixtures';
import { newStack, onlyResource, resourcesOf, resolved, serviceFixture, ServiceFixture, synth, synthJson, thrown } from '../util';

const RG = 'rg-chat';
const LOCATION = 'swedencentral';
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const GUID = '11111111-2222-3333-4444-555555555555';
const CONTRIBUTOR_ROLE = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe';

const fixture = (location = LOCATION): ServiceFixture => serviceFixture(PrivateLinkZone.BLOB, location);

function build(overrides: Partial<PrivateFileStoreProps> = {}, location = LOCATION): { f: ServiceFixture; store: PrivateFileStore } {
  const f = fixture(location);
  const store = new PrivateFileStore(f.stack, 'Files', {
    resourceGroupName: RG, location, network: f.network, dnsZones: f.dnsZones, monitoring: f.monitoring, ...overrides,
  });
  store.privateEndpoint.allowFrom(EndpointCaller.subnet(f.network.appIntegrationSubnetId!), 'chat app reads and writes uploads');
  return { f, store };
}

/** The azapi resources of the store, by ARM type without API version. */
function azapi(json: ReturnType<typeof synthJson>, type: string, kind = 'azapi_resource'): any {
  const found = Object.values(resourcesOf(json, kind)).filter((r: any) => r.type.split('@')[0] === type);
  if (found.length !== 1) throw new Error(`expected one ${kind} of ${type}, found ${found.length}`);
  return found[0];
}

function fakeKey(stack: TerraformStack, keyId = 'https://kv-keys.vault.azure.net/keys/cmk-files'): ICustomerManagedKey {
  const identity = new UserAssignedIdentity(stack, 'KeyIdentity', { name: 'id-cmk', resourceGroupName: RG, location: LOCATION });
  return {
    keyId,
    keyVaultId: `${SUB}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv-keys`,
    identityId: `${SUB}/resourceGroups/${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk`,
    identityClientId: GUID,
    identityPrincipalId: '99999999-2222-3333-4444-555555555555',
    dependables: [identity],
  };
}

describe('PrivateFileStore', () => {
  describe('the storage account', () => {
    test('is an azapi_resource (ARM only) with every setting that keeps it private and keyless written out', () => {
      const { f, store } = build();
      const json = synthJson(f.stack);
      const account = azapi(json, 'Microsoft.Storage/storageAccounts');
      expect(account.type).toBe('Microsoft.Storage/storageAccounts@2024-01-01');
      expect(account.parent_id).toBe('/subscriptions/${data.azurerm_client_config.AzurermClientConfig.subscription_id}/resourceGroups/rg-chat');
      expect(account.name).toBe('st${substr(sha256(join("", [data.azurerm_client_config.AzurermClientConfig.subscription_id, "/test/Files"])), 0, 8)}');
      expect(account.lifecycle).toEqual({ prevent_destroy: true });
      expect(account.body).toEqual({
        location: LOCATION,
        kind: 'StorageV2',
        sku: { name: 'Standard_ZRS' },
        properties: {
          accessTier: 'Hot',
          publicNetworkAccess: 'Disabled',
          networkAcls: { defaultAction: 'Deny', bypass: 'None', ipRules: [], virtualNetworkRules: [] },
          allowSharedKeyAccess: false,
          defaultToOAuthAuthentication: true,
          allowBlobPublicAccess: false,
          allowCrossTenantReplication: false,
          isLocalUserEnabled: false,
          isSftpEnabled: false,
          supportsHttpsTrafficOnly: true,
          minimumTlsVersion: 'TLS1_2',
          encryption: {
            requireInfrastructureEncryption: true,
            keySource: 'Microsoft.Storage',
            services: { blob: { enabled: true, keyType: 'Account' }, file: { enabled: true, keyType: 'Account' } },
          },
        },
      });
      expect(store.zoneRedundant).toBe(true);
      expect(resolved(store, store.blobEndpoint)).toBe(`https://${ref(store.resource, 'name')}.blob.core.windows.net`);
      expect(synth(f.stack)).not.toContain('azurerm_storage_account');
    });

    test('is locally redundant in a region without availability zones, and when zoneRedundant is false', () => {
      const inNoZoneRegion = build({}, 'northcentralus');
      expect(azapi(synthJson(inNoZoneRegion.f.stack), 'Microsoft.Storage/storageAccounts').body.sku).toEqual({ name: 'Standard_LRS' });
      expect(inNoZoneRegion.store.zoneRedundant).toBe(false);
      const off = build({ zoneRedundant: false });
      expect(azapi(synthJson(off.f.stack), 'Microsoft.Storage/storageAccounts').body.sku).toEqual({ name: 'Standard_LRS' });
    });

    test('takes a given name and tags, and drops prevent_destroy only when asked', () => {
      const { f } = build({ name: 'stchatfiles01', tags: { env: 'prod' }, preventDestroy: false });
      const json = synthJson(f.stack);
      const account = azapi(json, 'Microsoft.Storage/storageAccounts');
      expect(account.name).toBe('stchatfiles01');
      expect(account.body.tags).toEqual({ env: 'prod' });
      expect(account.lifecycle).toEqual({ prevent_destroy: false });
      expect(azapi(json, 'Microsoft.Storage/storageAccounts/blobServices/containers').lifecycle).toEqual({ prevent_destroy: false });
      expect(onlyResource(json, 'azurerm_private_endpoint').tags).toEqual({ env: 'prod' });
    });

    test('encrypts with a customer-managed key through its user-assigned identity, after the key is usable', () => {
      const f = fixture();
      const key = fakeKey(f.stack);
      new PrivateFileStore(f.stack, 'Files', { resourceGroupName: RG, location: LOCATION, network: f.network, dnsZones: f.dnsZones, customerManagedKey: key });
      const account = azapi(synthJson(f.stack), 'Microsoft.Storage/storageAccounts');
      expect(account.body.identity).toEqual({ type: 'UserAssigned', userAssignedIdentities: { [key.identityId]: {} } });
      expect(account.body.properties.encryption).toEqual({
        requireInfrastructureEncryption: true,
        keySource: 'Microsoft.Keyvault',
        services: { blob: { enabled: true, keyType: 'Account' }, file: { enabled: true, keyType: 'Account' } },
        // No keyversion: the account follows the key's rotation.
        keyvaultproperties: { keyvaulturi: 'https://kv-keys.vault.azure.net', keyname: 'cmk-files' },
        identity: { userAssignedIdentity: key.identityId },
      });
      expect(account.depends_on).toEqual(['azurerm_user_assigned_identity.KeyIdentity']);
    });

    test('splits a key id known only at apply with Terraform functions', () => {
      const f = fixture();
      const keyId = new TerraformVariable(f.stack, 'key_id', { type: 'string' }).stringValue;
      new PrivateFileStore(f.stack, 'Files', {
        resourceGroupName: RG, location: LOCATION, network: f.network, dnsZones: f.dnsZones, customerManagedKey: fakeKey(f.stack, keyId),
      });
      const account = azapi(synthJson(f.stack), 'Microsoft.Storage/storageAccounts');
      expect(account.body.properties.encryption.keyvaultproperties).toEqual({
        keyvaulturi: 'https://${element(split("/", var.key_id), 2)}',
        keyname: '${element(split("/", var.key_id), 4)}',
      });
    });

    test('names an identity known only at apply through zipmap', () => {
      const f = fixture();
      const identity = new UserAssignedIdentity(f.stack, 'CmkIdentity', { name: 'id-cmk2', resourceGroupName: RG, location: LOCATION });
      new PrivateFileStore(f.stack, 'Files', {
        resourceGroupName: RG,
        location: LOCATION,
        network: f.network,
        dnsZones: f.dnsZones,
        customerManagedKey: { ...fakeKey(f.stack), identityId: identity.id },
      });
      const account = azapi(synthJson(f.stack), 'Microsoft.Storage/storageAccounts');
      expect(account.body.identity).toEqual({ type: 'UserAssigned', userAssignedIdentities: `\${zipmap([${ref(identity, 'id').slice(2, -1)}], [{}])}` });
      expect(account.body.properties.encryption.identity).toEqual({ userAssignedIdentity: ref(identity, 'id') });
    });
  });

  describe('the blob service and the container', () => {
    test('soft delete for blobs and containers is set on blobServices/default by an update, never a create or delete', () => {
      const { f, store } = build({ softDeleteRetentionDays: 14 });
      const json = synthJson(f.stack);
      const service = azapi(json, 'Microsoft.Storage/storageAccounts/blobServices', 'azapi_update_resource');
      expect(service.resource_id).toBe(`${ref(store.resource, 'id')}/blobServices/default`);
      expect(service.body).toEqual({
        properties: {
          deleteRetentionPolicy: { enabled: true, days: 14 },
          containerDeleteRetentionPolicy: { enabled: true, days: 14 },
          isVersioningEnabled: false,
        },
      });
      expect(store.softDeleteRetentionDays).toBe(14);
      expect(resourcesOf(json, 'azapi_resource')).not.toHaveProperty(store.blobService.friendlyUniqueId);
    });

    test('keeps deleted blobs 7 days by default', () => {
      const { f } = build();
      const service = azapi(synthJson(f.stack), 'Microsoft.Storage/storageAccounts/blobServices', 'azapi_update_resource');
      expect(service.body.properties.deleteRetentionPolicy).toEqual({ enabled: true, days: 7 });
    });

    test('the container is private, named uploads, protected, and made after soft delete is on', () => {
      const { f, store } = build();
      const container = azapi(synthJson(f.stack), 'Microsoft.Storage/storageAccounts/blobServices/containers');
      expect(container).toMatchObject({
        type: 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01',
        name: 'uploads',
        parent_id: `${ref(store.resource, 'id')}/blobServices/default`,
        body: { properties: { publicAccess: 'None' } },
        depends_on: [`azapi_update_resource.${store.blobService.friendlyUniqueId}`],
        lifecycle: { prevent_destroy: true },
      });
      expect(store.containerName).toBe('uploads');
      expect(build({ containerName: 'chat-files' }).store.containerName).toBe('chat-files');
    });
  });

  describe('the private endpoint', () => {
    test('connects on blob and registers in privatelink.blob.core.windows.net', () => {
      const { f, store } = build();
      const json = synthJson(f.stack);
      const endpoint = onlyResource(json, 'azurerm_private_endpoint');
      expect(endpoint.private_service_connection).toMatchObject({
        private_connection_resource_id: ref(store.resource, 'id'),
        subresource_names: ['blob'],
        is_manual_connection: false,
      });
      const zone = f.dnsZones.zones['privatelink.blob.core.windows.net'];
      expect(endpoint.private_dns_zone_group.private_dns_zone_ids).toEqual([ref(zone, 'id')]);
      expect(store.privateEndpoint.servicePorts).toEqual([443]);
    });

    test('fails when the DNS zones lack the blob zone', () => {
      const stack = newStack();
      const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
      const zones = PrivateDnsZones.fromHubZoneIds(stack, 'Hub', {
        keyVault: `${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net`,
      });
      expect(thrown(() => new PrivateFileStore(stack, 'Files', { resourceGroupName: RG, location: LOCATION, network, dnsZones: zones })))
        .toBe("PrivateFileStore 'test/Files': 'dnsZones' must hold 'privatelink.blob.core.windows.net', the private DNS zone the endpoint registers in; "
          + "PrivateDnsZones.fromHubZoneIds 'test/Hub' says: 'blob' is needed for a private endpoint in zone 'privatelink.blob.core.windows.net' but was not given to fromHubZoneIds, got 'keyVault'");
    });
  });

  describe('diagnostics', () => {
    test('send the blob service\'s read, write and delete logs to the workspace', () => {
      const { f, store } = build();
      const setting = onlyResource(synthJson(f.stack), 'azurerm_monitor_diagnostic_setting');
      expect(setting.target_resource_id).toBe(`${ref(store.resource, 'id')}/blobServices/default`);
      expect(setting.enabled_log).toEqual([{ category: 'StorageRead' }, { category: 'StorageWrite' }, { category: 'StorageDelete' }]);
      expect(setting.enabled_metric).toBeUndefined();
      expect(store.diagnosticSetting).toBeDefined();
    });

    test('are left out without monitoring', () => {
      const { f, store } = build({ monitoring: undefined });
      expect(resourcesOf(synthJson(f.stack), 'azurerm_monitor_diagnostic_setting')).toEqual({});
      expect(store.diagnosticSetting).toBeUndefined();
    });
  });

  describe('grantReadWrite', () => {
    test('gives Storage Blob Data Contributor on the container, nothing wider, once per principal', () => {
      const { f, store } = build();
      const identity = new ChatIdentity(f.stack, 'Identity', { resourceGroupName: RG, location: LOCATION });
      const grant = store.grantReadWrite(identity);
      expect(store.grantReadWrite(identity)).toBe(grant);
      const json = synthJson(f.stack);
      const assignment = onlyResource(json, 'azurerm_role_assignment');
      expect(assignment.scope).toBe(ref(store.container, 'id'));
      const containerId = ref(store.container, 'id').slice(2, -1);
      expect(assignment.role_definition_id)
        .toBe(`/subscriptions/\${element(split("/", ${containerId}), 2)}/providers/Microsoft.Authorization/roleDefinitions/${CONTRIBUTOR_ROLE}`);
      expect(assignment.principal_id).toBe(ref(identity.resource, 'principal_id'));
      expect(assignment.principal_type).toBe('ServicePrincipal');
    });

    test('fails when the principal is not one', () => {
      const { store } = build();
      expect(thrown(() => store.grantReadWrite({} as any))).toMatch(/^PrivateFileStore 'test\/Files': 'principal' must be /);
    });

    test('takes any principal, e.g. an operators\' group', () => {
      const { f, store } = build();
      store.grantReadWrite(Principal.fromGroupObjectId(f.stack, 'Ops', GUID));
      expect(onlyResource(synthJson(f.stack), 'azurerm_role_assignment')).toMatchObject({ principal_id: GUID, principal_type: 'Group' });
    });
  });

  describe('the whole pack', () => {
    test('passes every compliance rule, with nothing acknowledged, including PCHAT-APPLY-001', () => {
      const { f, store } = build();
      store.grantReadWrite(new ChatIdentity(f.stack, 'Identity', { resourceGroupName: RG, location: LOCATION }));
      expect(Compliance.report(f.stack).failures).toEqual([]);
      Compliance.applyTo(f.stack);
      expect(() => synth(f.stack)).not.toThrow();
    });

    test('synthesizes the same JSON every time', () => {
      expect(synth(build().f.stack)).toBe(synth(build().f.stack));
    });
  });

  describe('validation', () => {
    test.each<[string, Partial<PrivateFileStoreProps> | Record<string, unknown>, string]>([
      ['the name has uppercase letters', { name: 'StChat01' },
        "PrivateFileStore 'test/Files': 'name' must contain only lowercase letters and digits, got 'StChat01'"],
      ['the name is too long', { name: 's'.repeat(25) },
        "PrivateFileStore 'test/Files': 'name' must be 3-24 characters long for a storage account (got 25), got 'sssssssssssssssssssssssss'"],
      ['the container name has two hyphens in a row', { containerName: 'chat--files' },
        "PrivateFileStore 'test/Files': 'containerName' must contain only lowercase letters, digits and single hyphens, starting and ending with a letter or digit, got 'chat--files'"],
      ['the container is $root', { containerName: '$root' },
        "PrivateFileStore 'test/Files': 'containerName' must contain only lowercase letters, digits and single hyphens, starting and ending with a letter or digit, got '$root'"],
      ['soft delete is 0 days', { softDeleteRetentionDays: 0 },
        "PrivateFileStore 'test/Files': 'softDeleteRetentionDays' must be an integer between 1 and 365, got 0"],
      ['soft delete is over a year', { softDeleteRetentionDays: 366 },
        "PrivateFileStore 'test/Files': 'softDeleteRetentionDays' must be an integer between 1 and 365, got 366"],
      ['public network access is asked for', { publicNetworkAccessEnabled: true },
        "PrivateFileStore 'test/Files': 'publicNetworkAccessEnabled' is not offered: the file store has no public endpoint: the app reaches it through its private endpoint, got true"],
      ['IP rules are asked for', { allowedIpRanges: ['203.0.113.0/24'] },
        "PrivateFileStore 'test/Files': 'allowedIpRanges' is not offered: the file store has no public endpoint, so no IP rule can reach it: add callers to privateEndpoint.allowFrom(...), got [\"203.0.113.0/24\"]"],
      ['shared keys are asked for', { sharedAccessKeyEnabled: true },
        "PrivateFileStore 'test/Files': 'sharedAccessKeyEnabled' is not offered: callers sign in with Entra ID (grantReadWrite); account keys and SAS tokens stay off, got true"],
      ['anonymous blob access is asked for', { allowBlobPublicAccess: true },
        "PrivateFileStore 'test/Files': 'allowBlobPublicAccess' is not offered: anonymous blob access would publish uploads without sign-in, got true"],
      ['a prop is unknown', { versioning: true }, "PrivateFileStore 'test/Files': 'versioning' is not a known prop"],
      ['the location is not the network\'s', { location: 'westeurope' },
        "PrivateFileStore 'test/Files': 'location' must be the region of its network ('swedencentral'): Azure places a private endpoint or VNet integration only in its VNet's region, got 'westeurope'"],
    ])('fails when %s', (_, overrides, message) => {
      const f = fixture();
      const error = thrown(() => new PrivateFileStore(f.stack, 'Files', {
        resourceGroupName: RG, location: LOCATION, network: f.network, dnsZones: f.dnsZones, ...(overrides as Partial<PrivateFileStoreProps>),
      }));
      expect(error.startsWith(message)).toBe(true);
    });

    test('fails when zone redundancy is asked for in a region without availability zones', () => {
      const f = fixture('northcentralus');
      expect(thrown(() => new PrivateFileStore(f.stack, 'Files', {
        resourceGroupName: RG, location: 'northcentralus', network: f.network, dnsZones: f.dnsZones, zoneRedundant: true,
      }))).toBe("PrivateFileStore 'test/Files': 'zoneRedundant' needs a region with availability zones for zone-redundant storage (Standard_ZRS); "
        + "'northcentralus' has none (regions with zones near it: 'southcentralus', 'centralus', 'eastus2'), got 'northcentralus'");
    });

    test('fails when the customer-managed key id is not a Key Vault key id', () => {
      const f = fixture();
      expect(thrown(() => new PrivateFileStore(f.stack, 'Files', {
        resourceGroupName: RG,
        location: LOCATION,
        network: f.network,
        dnsZones: f.dnsZones,
        customerManagedKey: fakeKey(f.stack, 'https://example.com/keys/cmk'),
      }))).toBe("PrivateFileStore 'test/Files': 'customerManagedKey.keyId' must be a Key Vault key id 'https://<vault>.vault.azure.net/keys/<name>', got 'https://example.com/keys/cmk'");
    });

    test('fails when the customer-managed key names no user-assigned identity', () => {
      const f = fixture();
      expect(thrown(() => new PrivateFileStore(f.stack, 'Files', {
        resourceGroupName: RG,
        location: LOCATION,
        network: f.network,
        dnsZones: f.dnsZones,
        customerManagedKey: { ...fakeKey(f.stack), identityId: 'id-cmk' },
      }))).toBe("PrivateFileStore 'test/Files': 'customerManagedKey.identityId' must be an Azure resource id "
        + "(/subscriptions/<id>/resourceGroups/<rg>/providers/<namespace>/<type>/<name>), got 'id-cmk'");
    });

    test('fails when network is missing', () => {
      const f = fixture();
      expect(thrown(() => new PrivateFileStore(f.stack, 'Files', { resourceGroupName: RG, location: LOCATION, dnsZones: f.dnsZones } as any)))
        .toMatch(/^PrivateFileStore 'test\/Files': 'network' is required/);
    });
  });
});
