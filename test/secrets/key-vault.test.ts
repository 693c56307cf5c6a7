import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Sleep } from '@cdktf/provider-time/lib/sleep';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Principal } from '../../src/core';
import { Monitoring } from '../../src/monitoring';
import { EndpointCaller, PrivateDnsZones, PrivateNetwork } from '../../src/network';
import { IPrivateKeyVault, PrivateKeyVault, PrivateKeyVaultProps, VaultSecret } from '../../src/secrets';
import { newStack, onlyResource, resolved, resourcesOf, synth, synthJson, warningsOf } from '../util';

const VAULT_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers/Microsoft.KeyVault/vaults/kv-shared';
const VAULT_URI = 'https://kv-shared.vault.azure.net/';
const APP_OBJECT_ID = '11111111-2222-3333-4444-555555555555';

interface Fixture {
  readonly stack: TerraformStack;
  readonly network: PrivateNetwork;
  readonly dnsZones: PrivateDnsZones;
  readonly monitoring: Monitoring;
}

function fixture(): Fixture {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg-chat', location: 'swedencentral' });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: 'rg-chat', network });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: 'rg-chat', location: 'swedencentral' });
  return { stack, network, dnsZones, monitoring };
}

function build(overrides: Partial<PrivateKeyVaultProps> = {}): { f: Fixture; vault: PrivateKeyVault } {
  const f = fixture();
  const vault = new PrivateKeyVault(f.stack, 'Vault', {
    resourceGroupName: 'rg-chat',
    location: 'swedencentral',
    network: f.network,
    dnsZones: f.dnsZones,
    monitoring: f.monitoring,
    ...overrides,
  });
  return { f, vault };
}

/** `${<type>.<name>.<attr>}` of a resource, the way references synthesize. */
function ref(resource: { terraformResourceType: string; friendlyUniqueId: string }, attr: string): string {
  return `\${${resource.terraformResourceType}.${resource.friendlyUniqueId}.${attr}}`;
}

function props(overrides: Partial<PrivateKeyVaultProps> = {}): () => PrivateKeyVault {
  return () => build(overrides).vault;
}

describe('PrivateKeyVault', () => {
  describe('defaults', () => {
    test('a standard, RBAC-authorized, purge-protected vault with no public access', () => {
      const { f } = build();
      expect(synth(f.stack)).toHaveResourceWithProperties(KeyVault, {
        sku_name: 'standard',
        location: 'swedencentral',
        resource_group_name: 'rg-chat',
        rbac_authorization_enabled: true,
        purge_protection_enabled: true,
        soft_delete_retention_days: 90,
        public_network_access_enabled: false,
        network_acls: { default_action: 'Deny', bypass: 'AzureServices', ip_rules: [], virtual_network_subnet_ids: [] },
        enabled_for_deployment: false,
        enabled_for_disk_encryption: false,
        enabled_for_template_deployment: false,
        lifecycle: { prevent_destroy: true },
        tenant_id: '${data.azurerm_client_config.AzurermClientConfig.tenant_id}',
      });
    });

    test('uses the non-deprecated RBAC argument only', () => {
      const { f } = build();
      const vault = onlyResource(synthJson(f.stack), 'azurerm_key_vault');
      expect(vault).not.toHaveProperty('enable_rbac_authorization');
      expect(vault).not.toHaveProperty('access_policy');
    });

    test('derives a globally unique name from the subscription and the construct path', () => {
      const { f, vault } = build();
      const expected = 'kv-${substr(sha256(join("", [data.azurerm_client_config.AzurermClientConfig.subscription_id, "/test/Vault"])), 0, 8)}';
      expect(onlyResource(synthJson(f.stack), 'azurerm_key_vault').name).toBe(expected);
      expect(resolved(vault, vault.vaultName)).toBe(expected);
    });

    test('exposes typed attributes of the vault resource', () => {
      const { vault } = build();
      expect(resolved(vault, vault.vaultId)).toBe(ref(vault.resource, 'id'));
      expect(resolved(vault, vault.vaultUri)).toBe(ref(vault.resource, 'vault_uri'));
      expect(resolved(vault, vault.tenantId)).toBe('${data.azurerm_client_config.AzurermClientConfig.tenant_id}');
    });

    test('synthesizes byte-identical JSON every time', () => {
      const once = () => {
        const { f, vault } = build();
        vault.addSecret('Db', { name: 'db-password', value: 'x', contentType: 'text/plain' });
        return synth(f.stack);
      };
      expect(once()).toEqual(once());
    });
  });

  describe('props', () => {
    test('uses the given name', () => {
      const { f } = build({ name: 'kv-chat-prod' });
      expect(synth(f.stack)).toHaveResourceWithProperties(KeyVault, { name: 'kv-chat-prod' });
    });

    test('preventDestroy false drops the lifecycle guard', () => {
      const { f } = build({ preventDestroy: false });
      expect(synth(f.stack)).toHaveResourceWithProperties(KeyVault, { lifecycle: { prevent_destroy: false } });
    });

    test('softDeleteRetentionDays below 90 is applied with a warning', () => {
      const { f, vault } = build({ softDeleteRetentionDays: 7 });
      vault.privateEndpoint.allowFrom(EndpointCaller.virtualNetwork());
      expect(synth(f.stack)).toHaveResourceWithProperties(KeyVault, { soft_delete_retention_days: 7 });
      expect(warningsOf(vault)).toEqual([
        expect.stringMatching(/^PrivateKeyVault 'test\/Vault': 'softDeleteRetentionDays' is 7; .*CKV_AZURE_111.* 90 days/),
      ]);
      expect(warningsOf(build().vault)).toEqual([]);
    });

    test('tags go on the vault and its private endpoint', () => {
      const { f } = build({ tags: { env: 'prod' } });
      const out = synth(f.stack);
      expect(out).toHaveResourceWithProperties(KeyVault, { tags: { env: 'prod' } });
      expect(out).toHaveResourceWithProperties(PrivateEndpoint, { tags: { env: 'prod' } });
    });

    test('a token retention skips the checks and is passed through', () => {
      const f = fixture();
      const days = new TerraformVariable(f.stack, 'days', { type: 'number' });
      new PrivateKeyVault(f.stack, 'Vault', {
        resourceGroupName: 'rg-chat',
        location: 'swedencentral',
        network: f.network,
        dnsZones: f.dnsZones,
        monitoring: f.monitoring,
        softDeleteRetentionDays: days.numberValue,
      });
      expect(synth(f.stack)).toHaveResourceWithProperties(KeyVault, { soft_delete_retention_days: '${var.days}' });
    });
  });

  describe('validation', () => {
    test('fails when resourceGroupName is blank', () => {
      expect(props({ resourceGroupName: ' ' })).toThrow(/^PrivateKeyVault 'test\/Vault': 'resourceGroupName' must not be empty, got ' '$/);
    });

    test('fails when resourceGroupName breaks the naming rule', () => {
      expect(props({ resourceGroupName: 'rg.' })).toThrow(/'resourceGroupName' must contain only .*, got 'rg\.'/);
    });

    test('fails when location is not an Azure region', () => {
      expect(props({ location: 'swedenc' })).toThrow(/^PrivateKeyVault 'test\/Vault': 'location' must be an Azure region name .*, got 'swedenc'$/);
    });

    test('fails when name is too short', () => {
      expect(props({ name: 'kv' })).toThrow(/'name' must be 3-24 characters long for a Key Vault \(got 2\), got 'kv'/);
    });

    test('fails when name is too long', () => {
      expect(props({ name: 'k'.repeat(25) })).toThrow(/'name' must be 3-24 characters long for a Key Vault \(got 25\), got 'k{25}'/);
    });

    test('fails when name has consecutive hyphens', () => {
      expect(props({ name: 'kv--chat' })).toThrow(/'name' must contain only .*without consecutive hyphens, got 'kv--chat'/);
    });

    test('fails when name starts with a digit', () => {
      expect(props({ name: '1kv-chat' })).toThrow(/'name' must contain only .*starting with a letter.*, got '1kv-chat'/);
    });

    test('fails when softDeleteRetentionDays is below 7', () => {
      expect(props({ softDeleteRetentionDays: 6 })).toThrow(/^PrivateKeyVault 'test\/Vault': 'softDeleteRetentionDays' must be an integer between 7 and 90, got 6$/);
    });

    test('fails when softDeleteRetentionDays is above 90', () => {
      expect(props({ softDeleteRetentionDays: 91 })).toThrow(/'softDeleteRetentionDays' must be an integer between 7 and 90, got 91/);
    });

    test('fails when softDeleteRetentionDays is not an integer', () => {
      expect(props({ softDeleteRetentionDays: 30.5 })).toThrow(/'softDeleteRetentionDays' must be an integer between 7 and 90, got 30.5/);
    });
  });

  describe('private endpoint', () => {
    test('connects to the vault subresource in the private-endpoints subnet', () => {
      const { f, vault } = build();
      expect(synth(f.stack)).toHaveResourceWithProperties(PrivateEndpoint, {
        subnet_id: ref(f.network.privateEndpointSubnet, 'id'),
        private_service_connection: expect.objectContaining({
          private_connection_resource_id: ref(vault.resource, 'id'),
          subresource_names: ['vault'],
          is_manual_connection: false,
        }),
        private_dns_zone_group: expect.objectContaining({
          private_dns_zone_ids: [ref(f.dnsZones.zones['privatelink.vaultcore.azure.net'], 'id')],
        }),
      });
      expect(vault.privateEndpoint.resource.friendlyUniqueId).toMatch(/^Vault_PrivateEndpoint_/);
    });

    test('uses a hub zone when the zones are the hub\'s', () => {
      const f = fixture();
      const hubZone = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net';
      const dnsZones = PrivateDnsZones.fromHubZoneIds(f.stack, 'Hub', { keyVault: hubZone });
      new PrivateKeyVault(f.stack, 'Vault', {
        resourceGroupName: 'rg-chat', location: 'swedencentral', network: f.network, dnsZones, monitoring: f.monitoring,
      });
      expect(synth(f.stack)).toHaveResourceWithProperties(PrivateEndpoint, {
        private_dns_zone_group: expect.objectContaining({ private_dns_zone_ids: [hubZone] }),
      });
    });
  });

  describe('diagnostics', () => {
    test('sends audit events and metrics of the vault to the workspace', () => {
      const { f, vault } = build();
      expect(synth(f.stack)).toHaveResourceWithProperties(MonitorDiagnosticSetting, {
        target_resource_id: ref(vault.resource, 'id'),
        log_analytics_workspace_id: ref(f.monitoring.workspace, 'id'),
        enabled_log: [{ category_group: 'audit' }],
        enabled_metric: [{ category: 'AllMetrics' }],
      });
      expect(resolved(vault, vault.diagnosticSetting.targetResourceIdInput)).toBe(ref(vault.resource, 'id'));
    });

    test('works with an existing workspace', () => {
      const f = fixture();
      const workspaceId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/central';
      new PrivateKeyVault(f.stack, 'Vault', {
        resourceGroupName: 'rg-chat',
        location: 'swedencentral',
        network: f.network,
        dnsZones: f.dnsZones,
        monitoring: Monitoring.fromWorkspaceId(f.stack, 'Central', workspaceId),
      });
      expect(synth(f.stack)).toHaveResourceWithProperties(MonitorDiagnosticSetting, { log_analytics_workspace_id: workspaceId });
    });
  });

  describe('grantSecretsRead', () => {
    test('assigns Key Vault Secrets User on THE vault to the principal', () => {
      const { f, vault } = build();
      const app = Principal.fromServicePrincipalObjectId(f.stack, 'App', APP_OBJECT_ID);
      const assignment = vault.grantSecretsRead(app);
      expect(synth(f.stack)).toHaveResourceWithProperties(RoleAssignment, {
        scope: ref(vault.resource, 'id'),
        role_definition_name: 'Key Vault Secrets User',
        principal_id: APP_OBJECT_ID,
        principal_type: 'ServicePrincipal',
      });
      expect(assignment.node.scope).toBe(vault);
    });

    test('granting twice to the same principal yields the same assignment', () => {
      const { f, vault } = build();
      const app = Principal.fromServicePrincipalObjectId(f.stack, 'App', APP_OBJECT_ID);
      expect(vault.grantSecretsRead(app)).toBe(vault.grantSecretsRead(app));
      expect(Object.keys(resourcesOf(synthJson(f.stack), 'azurerm_role_assignment'))).toHaveLength(1);
    });
  });

  describe('addSecret', () => {
    test('writes the secret through ARM: an azapi_resource of type Microsoft.KeyVault/vaults/secrets under the vault', () => {
      const { f, vault } = build();
      const secret = vault.addSecret('DbPassword', { name: 'db-password', value: 'hunter2', contentType: 'text/plain' });
      const json = synthJson(f.stack);
      const offsets = resourcesOf(json, 'time_offset');
      expect(Object.keys(offsets)).toEqual([expect.stringMatching(/^Vault_Secrets_DbPassword_Expiry_/)]);
      const offsetName = Object.keys(offsets)[0];
      expect(offsets[offsetName]).toEqual({ offset_days: 365 });
      expect(resourcesOf(json, 'azurerm_key_vault_secret')).toEqual({});
      expect(onlyResource(json, 'azapi_resource')).toEqual({
        type: 'Microsoft.KeyVault/vaults/secrets@2024-11-01',
        name: 'db-password',
        parent_id: ref(vault.resource, 'id'),
        body: { properties: { contentType: 'text/plain', attributes: { enabled: true, exp: `\${time_offset.${offsetName}.unix}` } } },
        sensitive_body: { properties: { value: 'hunter2' } },
      });
      expect(secret).toBeInstanceOf(VaultSecret);
      expect(secret.resource.friendlyUniqueId).toMatch(/^Vault_Secrets_DbPassword_[0-9A-F]{8}$/);
      expect(secret.secretName).toBe('db-password');
      expect(secret.value).toBe('hunter2');
      expect(resolved(vault, secret.expiresOn)).toBe(`\${time_offset.${offsetName}.rfc3339}`);
      expect(resolved(vault, secret.secretId)).toBe(`\${azapi_resource.${secret.resource.friendlyUniqueId}.id}`);
    });

    test('adds the hashicorp/time and azapi providers once for many secrets', () => {
      const { f, vault } = build();
      vault.addSecret('A', { name: 'a', value: 'x', contentType: 'text/plain' });
      vault.addSecret('B', { name: 'b', value: 'y', contentType: 'text/plain' });
      const json = synthJson(f.stack);
      expect(json.provider?.time).toHaveLength(1);
      expect(json.provider?.azapi).toHaveLength(1);
      expect(Object.keys(resourcesOf(json, 'time_offset'))).toHaveLength(2);
    });

    test('maps given expiration and not-before dates to Unix seconds, without a time_offset', () => {
      const { f, vault } = build();
      const secret = vault.addSecret('Db', {
        name: 'db',
        value: 'x',
        contentType: 'text/plain',
        expirationDate: '2027-01-31T00:00:00Z',
        notBeforeDate: '2026-01-01T00:00:00+01:00',
      });
      const json = synthJson(f.stack);
      // 2027-01-31T00:00:00Z and 2025-12-31T23:00:00Z, in seconds since 1970.
      expect(onlyResource(json, 'azapi_resource').body.properties.attributes).toEqual({ enabled: true, exp: 1801353600, nbf: 1767222000 });
      expect(resourcesOf(json, 'time_offset')).toEqual({});
      expect(secret.expiresOn).toBe('2027-01-31T00:00:00Z');
    });

    test('a plan-time date becomes Unix seconds through the time provider\'s rfc3339_parse function', () => {
      const { f, vault } = build();
      const date = new TerraformVariable(f.stack, 'expires', { type: 'string' });
      vault.addSecret('Db', { name: 'db', value: 'x', contentType: 'text/plain', expirationDate: date.stringValue, notBeforeDate: date.stringValue });
      const json = synthJson(f.stack);
      expect(onlyResource(json, 'azapi_resource').body.properties.attributes).toEqual({
        enabled: true,
        exp: '${provider::time::rfc3339_parse(var.expires).unix}',
        nbf: '${provider::time::rfc3339_parse(var.expires).unix}',
      });
      expect(json.provider?.time).toHaveLength(1);
    });

    test('needs no data-plane role, no wait and no private endpoint: nothing but the secret is added', () => {
      const { f, vault } = build();
      vault.addSecret('A', { name: 'a', value: 'x', contentType: 'text/plain' });
      vault.addSecret('B', { name: 'b', value: 'y', contentType: 'text/plain' });
      const json = synthJson(f.stack);
      expect(resourcesOf(json, 'azurerm_role_assignment')).toEqual({});
      expect(resourcesOf(json, 'time_sleep')).toEqual({});
      for (const secret of Object.values(resourcesOf(json, 'azapi_resource'))) expect(secret).not.toHaveProperty('depends_on');
    });

    test('no role, wait or grant before the first secret', () => {
      const { f } = build();
      const out = synth(f.stack);
      expect(out).not.toHaveResource(RoleAssignment);
      expect(out).not.toHaveResource(Sleep);
    });

    test('grantDeployerAccess is still accepted (deprecated) and changes nothing', () => {
      for (const grantDeployerAccess of [true, false]) {
        const { f, vault } = build({ grantDeployerAccess });
        vault.addSecret('A', { name: 'a', value: 'x', contentType: 'text/plain' });
        const json = synthJson(f.stack);
        expect(resourcesOf(json, 'azurerm_role_assignment')).toEqual({});
        expect(resourcesOf(json, 'time_sleep')).toEqual({});
      }
    });

    test('keyVaultReference is the App Service reference to the versionless secret URI, which waits for the secret', () => {
      const { vault } = build();
      const secret = vault.addSecret('Db', { name: 'db', value: 'x', contentType: 'text/plain' });
      const uri = `\${trimsuffix(azurerm_key_vault.${vault.resource.friendlyUniqueId}.vault_uri, "/")}/secrets/\${azapi_resource.${secret.resource.friendlyUniqueId}.name}`;
      expect(resolved(vault, secret.versionlessUri)).toBe(uri);
      expect(resolved(vault, secret.keyVaultReference)).toBe(`@Microsoft.KeyVault(SecretUri=${uri})`);
      expect(resolved(vault, PrivateKeyVault.keyVaultReference(secret))).toBe(`@Microsoft.KeyVault(SecretUri=${uri})`);
    });

    test('an imported vault\'s literal URI, with or without the slash, gives https://<vault>.vault.azure.net/secrets/<name>', () => {
      for (const vaultUri of [VAULT_URI, VAULT_URI.slice(0, -1)]) {
        const stack = newStack();
        const secret = PrivateKeyVault.fromAttributes(stack, 'Shared', { vaultId: VAULT_ID, vaultUri })
          .addSecret('Db', { name: 'db', value: 'x', contentType: 'text/plain' });
        expect(resolved(stack, secret.versionlessUri)).toBe(`https://kv-shared.vault.azure.net/secrets/\${azapi_resource.${secret.resource.friendlyUniqueId}.name}`);
      }
    });

    const add = (options: Partial<Parameters<IPrivateKeyVault['addSecret']>[1]>, id = 'Db') => () => {
      const { vault } = build();
      vault.addSecret(id, { name: 'db', value: 'x', contentType: 'text/plain', ...options });
    };

    test('fails when name breaks the secret naming rule', () => {
      expect(add({ name: 'db_password' })).toThrow(/^PrivateKeyVault 'test\/Vault': 'addSecret\(Db\)\.name' must contain only letters, digits and hyphens, got 'db_password'$/);
    });

    test('fails when name is empty', () => {
      expect(add({ name: '' })).toThrow(/'addSecret\(Db\)\.name' must not be empty, got ''/);
    });

    test('fails when name is longer than 127 characters', () => {
      expect(add({ name: 'a'.repeat(128) })).toThrow(/'addSecret\(Db\)\.name' must be 1-127 characters long .*, got 'a[a…]+'/);
    });

    test('fails when contentType is blank', () => {
      expect(add({ contentType: '  ' })).toThrow(/^PrivateKeyVault 'test\/Vault': 'addSecret\(Db\)\.contentType' must be a non-empty MIME type .*, got ' {2}'$/);
    });

    test('fails when contentType is missing (JavaScript callers)', () => {
      expect(add({ contentType: undefined })).toThrow(/'addSecret\(Db\)\.contentType' must be a non-empty .*, got undefined/);
    });

    test('fails when value is missing (JavaScript callers)', () => {
      expect(add({ value: undefined })).toThrow(/'addSecret\(Db\)\.value' must be set, got undefined/);
    });

    test('fails when expirationDate is not RFC3339', () => {
      expect(add({ expirationDate: '2027-01-31' })).toThrow(/'addSecret\(Db\)\.expirationDate' must be an RFC3339 timestamp .*, got '2027-01-31'/);
    });

    test('fails when expirationDate is not a real date', () => {
      expect(add({ expirationDate: '2027-02-30T00:00:00Z' })).toThrow(/'addSecret\(Db\)\.expirationDate' must be an RFC3339 timestamp .*, got '2027-02-30T00:00:00Z'/);
    });

    test('fails when notBeforeDate is not RFC3339', () => {
      expect(add({ notBeforeDate: 'tomorrow' })).toThrow(/'addSecret\(Db\)\.notBeforeDate' must be an RFC3339 timestamp .*, got 'tomorrow'/);
    });

    test('fails when notBeforeDate is not before expirationDate', () => {
      expect(add({ expirationDate: '2027-01-01T00:00:00Z', notBeforeDate: '2027-01-01T00:00:00Z' }))
        .toThrow(/^PrivateKeyVault 'test\/Vault': 'addSecret\(Db\)\.notBeforeDate' must be earlier than 'addSecret\(Db\)\.expirationDate', got '2027-01-01T00:00:00Z' and '2027-01-01T00:00:00Z'$/);
    });

    test('fails when two secrets share a name, ignoring case', () => {
      const { vault } = build();
      vault.addSecret('A', { name: 'db', value: 'x', contentType: 'text/plain' });
      expect(() => vault.addSecret('B', { name: 'DB', value: 'y', contentType: 'text/plain' }))
        .toThrow(/'addSecret\(B\)\.name' must be unique in the vault .*already used by 'A'.*, got 'DB'/);
    });

    test('fails when two secrets share an id', () => {
      const { vault } = build();
      vault.addSecret('A', { name: 'a', value: 'x', contentType: 'text/plain' });
      expect(() => vault.addSecret('A', { name: 'b', value: 'y', contentType: 'text/plain' }))
        .toThrow(/^PrivateKeyVault 'test\/Vault': 'id' must be unique among the secrets of this vault, got 'A'$/);
    });

    test('token dates and names skip the checks', () => {
      const { f, vault } = build();
      const date = new TerraformVariable(f.stack, 'expires', { type: 'string' });
      const name = new TerraformVariable(f.stack, 'secretName', { type: 'string' });
      vault.addSecret('Db', { name: name.stringValue, value: 'x', contentType: 'text/plain', expirationDate: date.stringValue });
      const secret = onlyResource(synthJson(f.stack), 'azapi_resource');
      expect(secret.name).toBe('${var.secretName}');
      expect(secret.body.properties.attributes.exp).toBe('${provider::time::rfc3339_parse(var.expires).unix}');
    });
  });

  describe('fromAttributes', () => {
    test('grants and secrets target the existing vault and nothing of the vault is created', () => {
      const stack = newStack();
      const vault = PrivateKeyVault.fromAttributes(stack, 'Shared', { vaultId: VAULT_ID, vaultUri: VAULT_URI });
      const app = Principal.fromServicePrincipalObjectId(stack, 'App', APP_OBJECT_ID);
      vault.grantSecretsRead(app);
      vault.addSecret('Token', { name: 'token', value: 'x', contentType: 'text/plain' });
      const json = synthJson(stack);
      expect(resourcesOf(json, 'azurerm_key_vault')).toEqual({});
      expect(resourcesOf(json, 'azurerm_private_endpoint')).toEqual({});
      expect(resourcesOf(json, 'time_sleep')).toEqual({});
      const out = synth(stack);
      expect(out).toHaveResourceWithProperties(RoleAssignment, {
        scope: VAULT_ID, role_definition_name: 'Key Vault Secrets User', principal_id: APP_OBJECT_ID,
      });
      expect(Object.values(resourcesOf(json, 'azurerm_role_assignment'))).toHaveLength(1);
      expect(onlyResource(json, 'azapi_resource')).toMatchObject({ parent_id: VAULT_ID, name: 'token', body: { properties: { contentType: 'text/plain' } } });
      expect(vault.vaultName).toBe('kv-shared');
      expect(vault.vaultUri).toBe(VAULT_URI);
      expect(vault.vaultId).toBe(VAULT_ID);
    });

    describe('a vault in another subscription', () => {
      const OTHER = '11111111-1111-1111-1111-111111111111';
      const OTHER_VAULT = `/subscriptions/${OTHER}/resourceGroups/rg-shared/providers/Microsoft.KeyVault/vaults/kv-shared`;
      const stackIn = (subscriptionId?: string) => {
        const stack = new TerraformStack(Testing.app(), 'test');
        new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId });
        return stack;
      };

      test('grants reach it: a role assignment scope carries its subscription', () => {
        const stack = stackIn('00000000-0000-0000-0000-000000000000');
        const vault = PrivateKeyVault.fromAttributes(stack, 'Shared', { vaultId: OTHER_VAULT, vaultUri: VAULT_URI });
        vault.grantSecretsRead(Principal.fromServicePrincipalObjectId(stack, 'App', APP_OBJECT_ID));
        expect(synth(stack)).toHaveResourceWithProperties(RoleAssignment, { scope: OTHER_VAULT, role_definition_name: 'Key Vault Secrets User' });
      });

      test('secrets reach it too: the secret is an ARM child of the vault\'s full id, with no subscription check', () => {
        const stack = stackIn('00000000-0000-0000-0000-000000000000');
        const vault = PrivateKeyVault.fromAttributes(stack, 'Shared', { vaultId: OTHER_VAULT, vaultUri: VAULT_URI });
        const secret = vault.addSecret('Token', { name: 'token', value: 'x', contentType: 'text/plain' });
        const block = synthJson(stack).resource!.azapi_resource[secret.resource.friendlyUniqueId];
        expect(block.parent_id).toBe(OTHER_VAULT);
        expect(block.lifecycle?.precondition).toBeUndefined();
      });
    });

    test('grantDeployerAccess (deprecated) is accepted and makes no grant', () => {
      const stack = newStack();
      const vault = PrivateKeyVault.fromAttributes(stack, 'Shared', { vaultId: VAULT_ID, vaultUri: VAULT_URI, grantDeployerAccess: true });
      vault.addSecret('Token', { name: 'token', value: 'x', contentType: 'text/plain' });
      expect(resourcesOf(synthJson(stack), 'azurerm_role_assignment')).toEqual({});
    });

    test('accepts tokens and derives the name from the id at plan time', () => {
      const stack = newStack();
      const id = new TerraformVariable(stack, 'vaultId', { type: 'string' });
      const uri = new TerraformVariable(stack, 'vaultUri', { type: 'string' });
      const vault = PrivateKeyVault.fromAttributes(stack, 'Shared', { vaultId: id.stringValue, vaultUri: uri.stringValue });
      expect(resolved(stack, vault.vaultName)).toBe('${element(split("/", var.vaultId), 8)}');
    });

    const attrs = (vaultId: string, vaultUri: string) => () => PrivateKeyVault.fromAttributes(newStack(), 'Shared', { vaultId, vaultUri });

    test('fails when vaultId is not a resource id', () => {
      expect(attrs('kv-shared', VAULT_URI)).toThrow(/^PrivateKeyVault\.fromAttributes 'test\/Shared': 'vaultId' must be an Azure resource id .*, got 'kv-shared'$/);
    });

    test('fails when vaultId is not a Key Vault id', () => {
      const other = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st';
      expect(attrs(other, VAULT_URI)).toThrow(/'vaultId' must be the id of a Microsoft.KeyVault\/vaults resource \(found Microsoft.Storage\/storageAccounts\), got '\/subscriptions\/0{8}-.*storageAccounts\/st'/);
    });

    test('fails when vaultId is a child of a vault rather than the vault', () => {
      expect(attrs(`${VAULT_ID}/secrets/x`, VAULT_URI)).toThrow(/'vaultId' must be the id of a Microsoft.KeyVault\/vaults resource \(found Microsoft.KeyVault\/vaults\/secrets\), got '\/subscriptions\/.*'/);
    });

    test('fails when vaultUri is not a vault URI', () => {
      expect(attrs(VAULT_ID, 'https://kv-shared.example.com/')).toThrow(/'vaultUri' must be a vault URI like 'https:\/\/<name>.vault.azure.net\/', got 'https:\/\/kv-shared.example.com\/'/);
      expect(attrs(VAULT_ID, 'http://kv-shared.vault.azure.net/')).toThrow(/'vaultUri' must be a vault URI .*, got 'http:\/\/kv-shared.vault.azure.net\/'/);
    });

    test('fails when vaultUri is blank', () => {
      expect(attrs(VAULT_ID, '')).toThrow(/'vaultUri' must not be empty, got ''/);
    });

    test('fails when vaultUri names another vault than vaultId', () => {
      expect(attrs(VAULT_ID, 'https://kv-other.vault.azure.net/'))
        .toThrow(/^PrivateKeyVault\.fromAttributes 'test\/Shared': 'vaultUri' must name the same vault as 'vaultId' \('kv-shared'\), got 'https:\/\/kv-other.vault.azure.net\/'$/);
    });
  });
});
