import { Testing } from 'cdktf';
import { PrivateChatStack } from '../../examples/private-chat/main';
import { Warnings } from '../../src/core/warnings';
import { onlyResource, resourcesOf, synth } from '../util';

describe('examples/private-chat', () => {
  const build = () => new PrivateChatStack(Testing.app(), 'chat');
  const json = JSON.parse(synth(build()));

  test('is the five lines: one PrivateChat with the secure defaults, and remote state', () => {
    expect(json.terraform.backend.azurerm).toMatchObject({ use_azuread_auth: true, key: 'private-chat.tfstate' });
    expect(onlyResource(json, 'azurerm_cognitive_account')).toMatchObject({
      kind: 'AIServices',
      sku_name: 'S0',
      public_network_access_enabled: false,
      local_auth_enabled: false,
      outbound_network_access_restricted: true,
      network_acls: expect.objectContaining({ default_action: 'Deny' }),
    });
    expect(onlyResource(json, 'azurerm_key_vault')).toMatchObject({
      purge_protection_enabled: true, soft_delete_retention_days: 90, public_network_access_enabled: false, rbac_authorization_enabled: true,
    });
    expect(onlyResource(json, 'azurerm_linux_web_app')).toMatchObject({
      public_network_access_enabled: false,
      https_only: true,
      ftp_publish_basic_authentication_enabled: false,
      webdeploy_publish_basic_authentication_enabled: false,
      site_config: expect.objectContaining({ minimum_tls_version: '1.2', vnet_route_all_enabled: true, remote_debugging_enabled: false }),
    });
    expect(onlyResource(json, 'azurerm_linux_web_app').site_config.application_stack).toEqual({
      docker_image_name: 'open-webui/open-webui@sha256:9591b13f13843c7721c2b8eaf7382846c81b3ffe126526d1888d1fed50c6a33f',
      docker_registry_url: 'https://ghcr.io',
    });
  });

  test('has no public data-plane endpoint', () => {
    for (const type of ['azurerm_cognitive_account', 'azurerm_key_vault', 'azurerm_linux_web_app', 'azurerm_postgresql_flexible_server']) {
      for (const block of Object.values(resourcesOf(json, type))) expect([type, block.public_network_access_enabled]).toEqual([type, false]);
    }
    // The app, the account, the vault, the history database and the file store.
    expect(Object.keys(resourcesOf(json, 'azurerm_private_endpoint'))).toHaveLength(5);
    const storage = Object.values(resourcesOf(json, 'azapi_resource')).find((r: any) => String(r.type).startsWith('Microsoft.Storage/storageAccounts@')) as any;
    expect(storage.body.properties).toMatchObject({ publicNetworkAccess: 'Disabled', allowSharedKeyAccess: false });
  });

  test('requires assignment and assigns nobody: the five lines warn that nobody can sign in yet, and say how to assign a group', () => {
    expect(onlyResource(json, 'azuread_service_principal').app_role_assignment_required).toBe(true);
    expect(resourcesOf(json, 'azuread_app_role_assignment')).toEqual({});
    const stack = build();
    Testing.synth(stack);
    const warnings = Warnings.of(stack);
    expect(warnings.map((w) => [w.id, w.constructPath, w.acknowledgedReason])).toEqual([
      ['history-no-entra-administrator', 'chat/chat/History', undefined],
      ['no-sign-in-assignments', 'chat/chat/App', undefined],
    ]);
    // The Azure CLI step names the registration's own User role.
    const userRole = (onlyResource(json, 'azuread_application').app_role as any[]).find((r) => r.value === 'User').id;
    const signIn = warnings.find((w) => w.id === 'no-sign-in-assignments')!.message;
    expect(signIn).toContain(`"appRoleId":"${userRole}"`);
    expect(signIn).toContain("'signInPrincipals' and 'adminGroups' are empty");
    expect(warnings.find((w) => w.id === 'history-no-entra-administrator')!.message).toMatch(/'entraAdministrator' is not set/);
  });

  test('matches the snapshot', () => {
    expect(synth(build())).toMatchSnapshot();
  });
});
