import { Testing } from 'cdktf';
import { HubSpokeStack } from '../../examples/hub-spoke/main';
import { onlyResource, resourcesOf, synth, warningsOf } from '../util';
import { DB_OPERATORS_GROUP, expectEntraDatabaseAdministrator } from './sign-in-expectations';

describe('examples/hub-spoke', () => {
  const build = () => new HubSpokeStack(Testing.app(), 'hub-spoke');
  const json = JSON.parse(synth(build()));

  test('creates none of the hub\'s pieces: no resource group, VNet, subnet, NSG, zone, link or workspace', () => {
    for (const type of [
      'azurerm_resource_group', 'azurerm_virtual_network', 'azurerm_subnet', 'azurerm_network_security_group',
      'azurerm_subnet_network_security_group_association', 'azurerm_nat_gateway', 'azurerm_public_ip',
      'azurerm_private_dns_zone', 'azurerm_private_dns_zone_virtual_network_link', 'azurerm_log_analytics_workspace',
      'azuread_application',
    ]) {
      expect([type, Object.keys(resourcesOf(json, type))]).toEqual([type, []]);
    }
  });

  test('puts the endpoints in the spoke subnet and registers them in the hub zones', () => {
    const zonesByTarget = Object.values(resourcesOf(json, 'azurerm_private_endpoint')).map((pe: any) => [
      pe.private_service_connection.subresource_names[0],
      pe.private_dns_zone_group.private_dns_zone_ids.map((id: string) => id.split('/').pop()),
      pe.subnet_id.split('/').pop(),
    ]).sort();
    expect(zonesByTarget).toEqual([
      ['account', ['privatelink.services.ai.azure.com', 'privatelink.openai.azure.com', 'privatelink.cognitiveservices.azure.com'], 'snet-private-endpoints'],
      ['blob', ['privatelink.blob.core.windows.net'], 'snet-private-endpoints'],
      ['postgresqlServer', ['privatelink.postgres.database.azure.com'], 'snet-private-endpoints'],
      ['sites', ['privatelink.azurewebsites.net'], 'snet-private-endpoints'],
      ['vault', ['privatelink.vaultcore.azure.net'], 'snet-private-endpoints'],
    ]);
    expect(onlyResource(json, 'azurerm_linux_web_app').virtual_network_subnet_id).toMatch(/\/subnets\/snet-app-integration$/);
  });

  test('sends every diagnostic setting to the central workspace', () => {
    const settings = Object.values(resourcesOf(json, 'azurerm_monitor_diagnostic_setting'));
    // The app, the file store's blob service, the database, the account and the vault.
    expect(settings).toHaveLength(5);
    for (const s of settings) expect(s.log_analytics_workspace_id).toMatch(/\/workspaces\/log-platform$/);
  });

  test('stores the existing registration\'s secret from a sensitive variable in the vault', () => {
    expect(json.variable.chat_client_secret).toMatchObject({ sensitive: true, type: 'string' });
    // Written through Azure Resource Manager (azapi), not the vault's private data plane.
    expect(resourcesOf(json, 'azurerm_key_vault_secret')).toEqual({});
    const secrets = Object.entries(resourcesOf(json, 'azapi_resource')).filter(([, r]: [string, any]) => r.type.startsWith('Microsoft.KeyVault/vaults/secrets@'));
    expect(secrets.map(([k]) => k.split('-')[0]).sort()).toEqual([
      'chat_Vault_Secrets_BootstrapAdmin', 'chat_Vault_Secrets_HistoryAdminUrl', 'chat_Vault_Secrets_HistoryAppPassword',
      'chat_Vault_Secrets_HistoryPassword', 'chat_Vault_Secrets_HistoryUrl', 'chat_Vault_Secrets_SessionSecret', 'chat_Vault_Secrets_SignInSecret',
    ]);
    const secret = secrets.find(([k]) => k.includes('SignInSecret'))![1] as any;
    // The value goes in the write-only sensitive_body: not stored in state by this resource.
    expect(secret.sensitive_body).toEqual({ properties: { value: '${var.chat_client_secret}' } });
    expect(secret.body.properties.contentType).toBeTruthy();
    // 2027-06-30T00:00:00Z, in Unix seconds as ARM takes it.
    expect(secret.body.properties.attributes).toEqual({ enabled: true, exp: Date.UTC(2027, 5, 30) / 1000 });
    expect(onlyResource(json, 'azurerm_linux_web_app').auth_settings_v2.active_directory_v2.client_id).toBe('11111111-2222-3333-4444-555555555555');
  });

  test('assigns nobody and needs no Graph access: the identity team owns the registration and its assignments', () => {
    expect(resourcesOf(json, 'azuread_app_role_assignment')).toEqual({});
    expect(resourcesOf(json, 'azuread_service_principal')).toEqual({});
    expect(json.provider?.azuread).toBeUndefined();
    // Open WebUI still takes its roles from the token's app roles, which the identity team defines.
    expect(onlyResource(json, 'azurerm_linux_web_app').app_settings).toMatchObject({
      ENABLE_OAUTH_ROLE_MANAGEMENT: 'True', OAUTH_ADMIN_ROLES: 'Admin', OAUTH_ALLOWED_ROLES: 'User,Admin', OAUTH_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
    });
  });

  test('the platform\'s operators\' group administers the history database through Entra ID', () => {
    expectEntraDatabaseAdministrator(json, DB_OPERATORS_GROUP);
  });

  test('synthesizes with no warning', () => {
    const stack = build();
    Testing.synth(stack);
    expect(warningsOf(stack)).toEqual([]);
  });

  test('tags what it creates', () => {
    expect(onlyResource(json, 'azurerm_key_vault').tags).toEqual({ environment: 'prod', workload: 'private-chat' });
  });

  test('matches the snapshot', () => {
    expect(synth(build())).toMatchSnapshot();
  });
});
