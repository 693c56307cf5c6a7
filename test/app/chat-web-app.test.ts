import { Application } from '@cdktf/provider-azuread/lib/application';
import { ApplicationPasswordA } from '@cdktf/provider-azuread/lib/application-password';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { LinuxWebApp } from '@cdktf/provider-azurerm/lib/linux-web-app';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { ServicePlan } from '@cdktf/provider-azurerm/lib/service-plan';
import { Sleep } from '@cdktf/provider-time/lib/sleep';
import { TerraformVariable } from 'cdktf';
import {
  AUTH_SECRET_SETTING_NAME, ChatFrontEnd, ChatIdentity, ChatWebApp, ChatWebAppProps, ContainerImage, PRIVATE_APP_SERVICE_SKUS, SignIn,
  WEB_APP_LOG_CATEGORIES,
} from '../../src/app';
import { grantRole, Principal } from '../../src/core';
import { newStack, onlyResource, resolved, resourcesOf, synth, synthJson } from '../util';
import { address, baseProps, buildApp, Fixture, fixture, ref } from './fixtures';

const CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const TENANT_ID = '12345678-1234-1234-1234-123456789abc';
const SECRET_ID = 'https://kv-shared.vault.azure.net/secrets/chat-client-secret';
const PLAN_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers/Microsoft.Web/serverFarms/asp-shared';

function webApp(f: Fixture): any {
  return onlyResource(synthJson(f.stack), 'azurerm_linux_web_app');
}

describe('ChatWebApp', () => {
  describe('App Service plan', () => {
    test('a Linux P0v3 plan with one worker and zone redundancy off by default', () => {
      const { f } = buildApp();
      expect(synth(f.stack)).toHaveResourceWithProperties(ServicePlan, {
        os_type: 'Linux',
        sku_name: 'P0v3',
        worker_count: 1,
        zone_balancing_enabled: false,
        resource_group_name: 'rg-chat',
        location: 'swedencentral',
      });
      expect(onlyResource(synthJson(f.stack), 'azurerm_service_plan').name).toMatch(/^asp-chat-[0-9a-f]{6}$/);
    });

    test('SKU, worker count, zone balancing and name can be set', () => {
      const { f } = buildApp({ skuName: 'P1v3', workerCount: 3, zoneBalancingEnabled: true, servicePlanName: 'asp-chat-prod' });
      expect(synth(f.stack)).toHaveResourceWithProperties(ServicePlan, {
        name: 'asp-chat-prod', sku_name: 'P1v3', worker_count: 3, zone_balancing_enabled: true,
      });
    });

    test('the app runs on the plan it created', () => {
      const { f, app } = buildApp();
      expect(webApp(f).service_plan_id).toBe(ref(app.servicePlan!, 'id'));
      expect(resolved(app, app.servicePlanId)).toBe(ref(app.servicePlan!, 'id'));
    });

    test('an existing plan is reused and none is created', () => {
      const { f, app } = buildApp({ servicePlanId: PLAN_ID });
      const json = synthJson(f.stack);
      expect(resourcesOf(json, 'azurerm_service_plan')).toEqual({});
      expect(onlyResource(json, 'azurerm_linux_web_app').service_plan_id).toBe(PLAN_ID);
      expect(app.servicePlan).toBeUndefined();
      expect(app.servicePlanId).toBe(PLAN_ID);
    });

    test('every allowed SKU is accepted', () => {
      for (const sku of ['B1', 'S3', 'P3v2', 'P5mv3', 'P0v4', 'P5mv4']) {
        expect(PRIVATE_APP_SERVICE_SKUS).toContain(sku);
        expect(() => buildApp({ skuName: sku })).not.toThrow();
      }
    });
  });

  describe('web app security', () => {
    test('public access off, HTTPS only, no basic publishing credentials, no client affinity', () => {
      const { f } = buildApp();
      expect(synth(f.stack)).toHaveResourceWithProperties(LinuxWebApp, {
        public_network_access_enabled: false,
        https_only: true,
        ftp_publish_basic_authentication_enabled: false,
        webdeploy_publish_basic_authentication_enabled: false,
        client_affinity_enabled: false,
        resource_group_name: 'rg-chat',
        location: 'swedencentral',
      });
    });

    test('site config: TLS 1.2 (site and SCM), FTP disabled, remote debugging off, HTTP/2, always on, route-all', () => {
      const { f } = buildApp({ frontEnd: ChatFrontEnd.sampleChatApp() });
      expect(synth(f.stack)).toHaveResourceWithProperties(LinuxWebApp, {
        site_config: expect.objectContaining({
          minimum_tls_version: '1.2',
          scm_minimum_tls_version: '1.2',
          ftps_state: 'Disabled',
          remote_debugging_enabled: false,
          http2_enabled: true,
          always_on: true,
          vnet_route_all_enabled: true,
          health_check_path: '/',
          health_check_eviction_time_in_min: 5,
        }),
      });
    });

    test('outbound VNet integration in the delegated subnet, image pulled through the VNet', () => {
      const { f } = buildApp();
      const app = webApp(f);
      expect(app.virtual_network_subnet_id).toBe(ref(f.network.appIntegrationSubnet, 'id'));
      expect(app.vnet_image_pull_enabled).toBe(true);
    });

    test('image pull through the VNet can be turned off', () => {
      const { f } = buildApp({ vnetImagePullEnabled: false });
      expect(webApp(f).vnet_image_pull_enabled).toBe(false);
    });

    test('application logs at Information and HTTP logs on the file system', () => {
      const { f } = buildApp();
      expect(webApp(f).logs).toEqual({
        application_logs: { file_system_level: 'Information' },
        http_logs: { file_system: { retention_in_days: 7, retention_in_mb: 35 } },
        detailed_error_messages: true,
        failed_request_tracing: true,
      });
    });

    test('health check path and eviction time can be set', () => {
      const { f } = buildApp({ healthCheckPath: '/healthz', healthCheckEvictionTimeInMin: 2 });
      expect(webApp(f).site_config).toEqual(expect.objectContaining({ health_check_path: '/healthz', health_check_eviction_time_in_min: 2 }));
    });

    test('the name is globally unique and derived from the subscription and the construct path', () => {
      const { f } = buildApp();
      expect(webApp(f).name).toBe('app-chat-${substr(sha256(join("", [data.azurerm_client_config.AzurermClientConfig.subscription_id, "/test/Chat"])), 0, 8)}');
    });

    test('a given name is used as is', () => {
      const { f } = buildApp({ name: 'chat-contoso-prod' });
      expect(webApp(f).name).toBe('chat-contoso-prod');
    });
  });

  describe('identity', () => {
    test('creates one user-assigned identity, the only identity of the app and its Key Vault reference identity', () => {
      const { f, app } = buildApp();
      const identity = app.identity as ChatIdentity;
      expect(Object.keys(resourcesOf(synthJson(f.stack), 'azurerm_user_assigned_identity'))).toHaveLength(1);
      const web = webApp(f);
      expect(web.identity).toEqual({ type: 'UserAssigned', identity_ids: [ref(identity.resource, 'id')] });
      expect(web.key_vault_reference_identity_id).toBe(ref(identity.resource, 'id'));
    });

    test('uses a given identity and creates none', () => {
      const f = fixture();
      const identity = new ChatIdentity(f.stack, 'SharedIdentity', { resourceGroupName: 'rg-chat', location: 'swedencentral' });
      const app = new ChatWebApp(f.stack, 'Chat', { ...baseProps(f), identity });
      expect(app.identity).toBe(identity);
      const json = synthJson(f.stack);
      expect(Object.keys(resourcesOf(json, 'azurerm_user_assigned_identity'))).toHaveLength(1);
      const web = onlyResource(json, 'azurerm_linux_web_app');
      expect(web.identity.identity_ids).toEqual([ref(identity.resource, 'id')]);
      expect(web.app_settings.AZURE_CLIENT_ID).toBe(ref(identity.resource, 'client_id'));
    });

    test('grants the identity Cognitive Services OpenAI User on the account and Key Vault Secrets User on the vault', () => {
      const { f, app } = buildApp();
      const identity = app.identity as ChatIdentity;
      const out = synth(f.stack);
      expect(out).toHaveResourceWithProperties(RoleAssignment, {
        scope: ref(f.openAi.resource, 'id'),
        role_definition_name: 'Cognitive Services OpenAI User',
        principal_id: ref(identity.resource, 'principal_id'),
        principal_type: 'ServicePrincipal',
      });
      expect(out).toHaveResourceWithProperties(RoleAssignment, {
        scope: ref(f.vault.resource, 'id'),
        role_definition_name: 'Key Vault Secrets User',
        principal_id: ref(identity.resource, 'principal_id'),
      });
    });

    test('a grant the pattern already made is not made twice', () => {
      const f = fixture();
      const identity = new ChatIdentity(f.stack, 'SharedIdentity', { resourceGroupName: 'rg-chat', location: 'swedencentral' });
      f.openAi.grantUse(identity);
      new ChatWebApp(f.stack, 'Chat', { ...baseProps(f), identity });
      const grants = Object.values(resourcesOf(synthJson(f.stack), 'azurerm_role_assignment'))
        .filter((r: any) => r.role_definition_name === 'Cognitive Services OpenAI User');
      expect(grants).toHaveLength(1);
    });
  });

  describe('app settings', () => {
    test('wires the account endpoint, the deployment name, the identity client id and the port', () => {
      const { f, app } = buildApp({ frontEnd: ChatFrontEnd.sampleChatApp() });
      const identity = app.identity as ChatIdentity;
      expect(webApp(f).app_settings).toEqual(expect.objectContaining({
        AZURE_OPENAI_ENDPOINT: ref(f.openAi.resource, 'endpoint'),
        AZURE_OPENAI_MODEL: 'gpt-4o-mini',
        AZURE_CLIENT_ID: ref(identity.resource, 'client_id'),
        WEBSITES_PORT: '80',
        AUTH_ENABLED: 'true',
      }));
    });

    test('no Azure OpenAI key anywhere', () => {
      const { f } = buildApp();
      const out = synth(f.stack);
      expect(out).not.toMatch(/AZURE_OPENAI_KEY|AZURE_OPENAI_API_KEY|primary_access_key/);
    });

    test('a deployment name token is passed through', () => {
      const f = fixture();
      const v = new TerraformVariable(f.stack, 'deployment', { type: 'string' });
      new ChatWebApp(f.stack, 'Chat', { ...baseProps(f), deploymentName: v.stringValue, frontEnd: ChatFrontEnd.sampleChatApp() });
      expect(webApp(f).app_settings.AZURE_OPENAI_MODEL).toBe('${var.deployment}');
    });

    test('user settings are merged and may override the image defaults', () => {
      const { f } = buildApp({ appSettings: { UI_TITLE: 'Contoso Chat', AUTH_ENABLED: 'false' }, frontEnd: ChatFrontEnd.sampleChatApp() });
      expect(webApp(f).app_settings).toEqual(expect.objectContaining({ UI_TITLE: 'Contoso Chat', AUTH_ENABLED: 'false', AZURE_OPENAI_MODEL: 'gpt-4o-mini' }));
    });
  });

  describe('container image', () => {
    test('the sample chat app is pinned to its dated tag on port 80', () => {
      const { f } = buildApp({ frontEnd: ChatFrontEnd.sampleChatApp() });
      expect(webApp(f).site_config.application_stack).toEqual({
        docker_registry_url: 'https://sampleappaoaichatgpt.azurecr.io',
        docker_image_name: 'sample-app-aoai-chatgpt:2025-02-13_52',
      });
      expect(ContainerImage.SAMPLE_CHAT_APP.port).toBe(80);
      expect(ContainerImage.SAMPLE_CHAT_APP.reference).toBe('sample-app-aoai-chatgpt:2025-02-13_52');
    });

    test('any image from a registry, with its own port and settings', () => {
      const image = ContainerImage.fromRegistry('https://contoso.azurecr.io', 'team/chat-ui', '1.4.2', { port: 8080, appSettings: { LOG_LEVEL: 'info' } });
      const { f } = buildApp({ image });
      const web = webApp(f);
      expect(web.site_config.application_stack).toEqual({ docker_registry_url: 'https://contoso.azurecr.io', docker_image_name: 'team/chat-ui:1.4.2' });
      expect(web.app_settings.WEBSITES_PORT).toBe('8080');
      expect(web.app_settings.LOG_LEVEL).toBe('info');
      expect(web.app_settings.AUTH_ENABLED).toBeUndefined();
      expect(web.site_config.container_registry_use_managed_identity).toBe(false);
    });

    test('an image pinned by digest', () => {
      const digest = `sha256:${'a'.repeat(64)}`;
      const { f } = buildApp({ image: ContainerImage.fromRegistryDigest('https://mcr.microsoft.com', 'org/chat', digest) });
      expect(webApp(f).site_config.application_stack.docker_image_name).toBe(`org/chat@${digest}`);
    });

    test('a private registry pulled with the app identity', () => {
      const image = ContainerImage.fromRegistry('https://contoso.azurecr.io', 'chat', '2.0.0', { pullWithManagedIdentity: true });
      const { f, app } = buildApp({ image });
      expect(webApp(f).site_config).toEqual(expect.objectContaining({
        container_registry_use_managed_identity: true,
        container_registry_managed_identity_client_id: ref((app.identity as ChatIdentity).resource, 'client_id'),
      }));
    });

    test('latest is accepted only when explicitly allowed', () => {
      const image = ContainerImage.fromRegistry('https://contoso.azurecr.io', 'chat', 'latest', { allowMutableTag: true });
      const { f } = buildApp({ image });
      expect(webApp(f).site_config.application_stack.docker_image_name).toBe('chat:latest');
    });
  });

  describe('private endpoint and diagnostics', () => {
    test('a private endpoint on sites with the App Service zone', () => {
      const { f, app } = buildApp();
      expect(synth(f.stack)).toHaveResourceWithProperties(PrivateEndpoint, {
        subnet_id: ref(f.network.privateEndpointSubnet, 'id'),
        private_service_connection: expect.objectContaining({
          private_connection_resource_id: ref(app.resource, 'id'),
          subresource_names: ['sites'],
          is_manual_connection: false,
        }),
        private_dns_zone_group: {
          name: 'default',
          private_dns_zone_ids: [ref(f.dnsZones.zones['privatelink.azurewebsites.net'], 'id')],
        },
      });
    });

    test('a diagnostic setting to the workspace with the App Service log categories', () => {
      const { f, app } = buildApp();
      expect(synth(f.stack)).toHaveResourceWithProperties(MonitorDiagnosticSetting, {
        target_resource_id: ref(app.resource, 'id'),
        log_analytics_workspace_id: ref(f.monitoring.workspace, 'id'),
        enabled_log: WEB_APP_LOG_CATEGORIES.map((category) => ({ category })),
        enabled_metric: [{ category: 'AllMetrics' }],
      });
      expect(WEB_APP_LOG_CATEGORIES).toEqual([
        'AppServiceHTTPLogs', 'AppServiceConsoleLogs', 'AppServiceAppLogs',
        'AppServiceAuditLogs', 'AppServicePlatformLogs', 'AppServiceAuthenticationLogs',
      ]);
    });

    test('no diagnostic setting without monitoring', () => {
      const { f, app } = buildApp({ monitoring: undefined });
      expect(app.diagnosticSetting).toBeUndefined();
      const settings = Object.values(resourcesOf(synthJson(f.stack), 'azurerm_monitor_diagnostic_setting'));
      expect(settings.filter((s: any) => s.target_resource_id === ref(app.resource, 'id'))).toHaveLength(0);
    });
  });

  describe('ordering', () => {
    test('the app depends on a 60s wait that depends on its role assignments', () => {
      const f = fixture();
      const operators = Principal.fromGroupObjectId(f.stack, 'Operators', '99999999-9999-9999-9999-999999999999');
      const extra = grantRole(f.openAi, { scopeId: f.openAi.accountId, roleDefinitionName: 'Reader', principal: operators });
      const app = new ChatWebApp(f.stack, 'Chat', { ...baseProps(f), roleAssignments: [extra] });
      const json = synthJson(f.stack);
      const grants = resourcesOf(json, 'azurerm_role_assignment');
      const names = (role: string) => Object.entries(grants).filter(([, r]: any) => r.role_definition_name === role).map(([n]) => `azurerm_role_assignment.${n}`);

      expect(webApp(f).depends_on).toEqual([address(app.roleAssignmentWait)]);
      const wait = resourcesOf(json, 'time_sleep')[app.roleAssignmentWait.friendlyUniqueId];
      expect(wait.create_duration).toBe('60s');
      expect(wait.depends_on).toEqual(expect.arrayContaining([
        ...names('Cognitive Services OpenAI User'),
        ...names('Key Vault Secrets User'),
        address(extra),
      ]));
      expect(wait.depends_on).toHaveLength(3);
      expect(synth(f.stack)).toHaveResourceWithProperties(Sleep, { create_duration: '60s' });
    });

    test('the time provider is added once', () => {
      const { f } = buildApp();
      expect(Object.keys(synthJson(f.stack).provider ?? {})).toContain('time');
    });

    test('the private endpoint targets the app, so it is created after it', () => {
      const { f, app } = buildApp();
      const pe = onlyResourceWhere(synthJson(f.stack), 'azurerm_private_endpoint', (r) => r.private_service_connection.subresource_names[0] === 'sites');
      expect(pe.private_service_connection.private_connection_resource_id).toBe(ref(app.resource, 'id'));
    });
  });

  describe('sign-in', () => {
    test('auth_settings_v2 requires Entra sign-in with the token store', () => {
      const { f, app } = buildApp();
      expect(webApp(f).auth_settings_v2).toEqual({
        auth_enabled: true,
        require_authentication: true,
        unauthenticated_action: 'RedirectToLoginPage',
        default_provider: 'azureactivedirectory',
        require_https: true,
        login: { token_store_enabled: true },
        active_directory_v2: {
          client_id: ref(app.application!, 'client_id'),
          tenant_auth_endpoint: 'https://login.microsoftonline.com/${data.azurerm_client_config.AzurermClientConfig.tenant_id}/v2.0',
          client_secret_setting_name: AUTH_SECRET_SETTING_NAME,
        },
      });
    });

    test('excluded paths are passed to auth_settings_v2', () => {
      const { f } = buildApp({ authExcludedPaths: ['/healthz'] });
      expect(webApp(f).auth_settings_v2.excluded_paths).toEqual(['/healthz']);
    });

    describe('createAppRegistration (default)', () => {
      test('an application with the app callback as redirect URI, id tokens, single tenant', () => {
        const { f } = buildApp();
        expect(synth(f.stack)).toHaveResourceWithProperties(Application, {
          display_name: 'Private chat (test/Chat)',
          sign_in_audience: 'AzureADMyOrg',
          web: {
            redirect_uris: [
              'https://app-chat-${substr(sha256(join("", [data.azurerm_client_config.AzurermClientConfig.subscription_id, "/test/Chat"])), 0, 8)}.azurewebsites.net/.auth/login/aad/callback',
              // Open WebUI's own OpenID Connect sign-in (roles from the registration, see sign-in.test.ts).
              'https://app-chat-${substr(sha256(join("", [data.azurerm_client_config.AzurermClientConfig.subscription_id, "/test/Chat"])), 0, 8)}.azurewebsites.net/oauth/oidc/callback',
            ],
            implicit_grant: { id_token_issuance_enabled: true, access_token_issuance_enabled: false },
          },
        });
      });

      test('the redirect host is the web app name, so the registration does not depend on the app', () => {
        const { f } = buildApp();
        const json = synthJson(f.stack);
        const web = onlyResource(json, 'azurerm_linux_web_app');
        const application = onlyResource(json, 'azuread_application');
        expect(application.web.redirect_uris[0]).toBe(`https://${web.name}.azurewebsites.net/.auth/login/aad/callback`);
        expect(JSON.stringify(application)).not.toContain('azurerm_linux_web_app');
      });

      test('a service principal and a password for the application', () => {
        const { f, app } = buildApp();
        const out = synth(f.stack);
        expect(out).toHaveResourceWithProperties(ServicePrincipal, { client_id: ref(app.application!, 'client_id'), app_role_assignment_required: true });
        expect(out).toHaveResourceWithProperties(ApplicationPasswordA, {
          application_id: ref(app.application!, 'id'),
          end_date: '${timeadd(timestamp(), "4320h")}',
          rotate_when_changed: { secret_lifetime_days: '180' },
          lifecycle: { ignore_changes: ['end_date'] },
        });
        expect(resolved(app, app.clientId)).toBe(ref(app.application!, 'client_id'));
      });

      test('the password goes into the vault and the app reads it as a Key Vault reference', () => {
        const { f, app } = buildApp();
        const json = synthJson(f.stack);
        expect(resourcesOf(json, 'azurerm_key_vault_secret')).toEqual({});
        const [secretName, secret] = Object.entries(resourcesOf(json, 'azapi_resource')).find(([k]) => k.includes('SignIn')) as [string, any];
        const password = Object.keys(resourcesOf(json, 'azuread_application_password'))[0];
        expect(secret).toEqual(expect.objectContaining({
          type: 'Microsoft.KeyVault/vaults/secrets@2024-11-01',
          parent_id: ref(f.vault.resource, 'id'),
          sensitive_body: { properties: { value: `\${azuread_application_password.${password}.value}` } },
          body: {
            properties: {
              contentType: 'entra-client-secret',
              attributes: { enabled: true, exp: `\${provider::time::rfc3339_parse(azuread_application_password.${password}.end_date).unix}` },
            },
          },
        }));
        expect(secret.name).toMatch(/^signin-chat-[0-9a-f]{6}$/);
        expect(webApp(f).app_settings[AUTH_SECRET_SETTING_NAME]).toBe(`@Microsoft.KeyVault(SecretUri=\${trimsuffix(azurerm_key_vault.${f.vault.resource.friendlyUniqueId}.vault_uri, "/")}/secrets/\${azapi_resource.${secretName}.name})`);
        expect(app.signInSecret).toBeDefined();
      });

      test('registration options: display name, owners, secret lifetime, assignment required', () => {
        const owner = '44444444-4444-4444-4444-444444444444';
        const { f } = buildApp({ signIn: SignIn.createAppRegistration({ displayName: 'Contoso Chat', owners: [owner], secretLifetimeDays: 90, assignmentRequired: true }) });
        const out = synth(f.stack);
        expect(out).toHaveResourceWithProperties(Application, { display_name: 'Contoso Chat', owners: [owner] });
        expect(out).toHaveResourceWithProperties(ServicePrincipal, { app_role_assignment_required: true, owners: [owner] });
        expect(out).toHaveResourceWithProperties(ApplicationPasswordA, { end_date: '${timeadd(timestamp(), "2160h")}', rotate_when_changed: { secret_lifetime_days: '90' } });
      });

      test('the azuread provider is added once for two apps', () => {
        const f = fixture();
        new ChatWebApp(f.stack, 'Chat', baseProps(f));
        new ChatWebApp(f.stack, 'Chat2', baseProps(f));
        expect(synthJson(f.stack).provider?.azuread).toHaveLength(1);
        expect(f.stack.node.children.filter((c) => c instanceof AzureadProvider)).toHaveLength(1);
      });

      test('the azuread provider is not added when the stack has one', () => {
        const stack = newStack();
        new AzureadProvider(stack, 'MyAzuread', { tenantId: TENANT_ID });
        const f = fixture(stack);
        new ChatWebApp(f.stack, 'Chat', baseProps(f));
        const providers = synthJson(f.stack).provider?.azuread;
        expect(providers).toHaveLength(1);
        expect(providers[0].tenant_id).toBe(TENANT_ID);
      });
    });

    describe('withExistingRegistration', () => {
      test('a client secret (sensitive variable) is stored in the vault; nothing is created in Entra', () => {
        const f = fixture();
        const secretVar = new TerraformVariable(f.stack, 'client_secret', { type: 'string', sensitive: true });
        const app = new ChatWebApp(f.stack, 'Chat', {
          ...baseProps(f),
          signIn: SignIn.withExistingRegistration({ clientId: CLIENT_ID, clientSecret: secretVar.stringValue, clientSecretExpirationDate: '2026-12-31T00:00:00Z', tenantId: TENANT_ID }),
        });
        const json = synthJson(f.stack);
        expect(json.resource?.azuread_application).toBeUndefined();
        expect(json.provider?.azuread).toBeUndefined();
        const [secretName, secret] = Object.entries(resourcesOf(json, 'azapi_resource')).find(([k]) => k.includes('SignIn')) as [string, any];
        expect(secret).toEqual(expect.objectContaining({
          sensitive_body: { properties: { value: '${var.client_secret}' } },
          body: { properties: { contentType: 'entra-client-secret', attributes: { enabled: true, exp: 1798675200 } } },
        }));
        const web = onlyResource(json, 'azurerm_linux_web_app');
        expect(web.app_settings[AUTH_SECRET_SETTING_NAME]).toBe(`@Microsoft.KeyVault(SecretUri=\${trimsuffix(azurerm_key_vault.${f.vault.resource.friendlyUniqueId}.vault_uri, "/")}/secrets/\${azapi_resource.${secretName}.name})`);
        expect(web.auth_settings_v2.active_directory_v2).toEqual({
          client_id: CLIENT_ID,
          tenant_auth_endpoint: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
          client_secret_setting_name: AUTH_SECRET_SETTING_NAME,
        });
        expect(app.clientId).toBe(CLIENT_ID);
        expect(JSON.stringify(web)).not.toContain('var.client_secret');
      });

      test('a secret already in a vault is referenced; no secret is created', () => {
        const signIn = SignIn.withExistingRegistration({ clientId: CLIENT_ID, clientSecretKeyVaultSecretId: SECRET_ID });
        const { f, app } = buildApp({ frontEnd: ChatFrontEnd.sampleChatApp(), signIn });
        const json = synthJson(f.stack);
        expect(resourcesOf(json, 'azapi_resource')).toEqual({});
        expect(onlyResource(json, 'azurerm_linux_web_app').app_settings[AUTH_SECRET_SETTING_NAME]).toBe(`@Microsoft.KeyVault(SecretUri=${SECRET_ID})`);
        expect(app.signInSecret).toBeUndefined();
      });

      test('a secret already in a vault needs no vault prop', () => {
        const signIn = SignIn.withExistingRegistration({ clientId: CLIENT_ID, clientSecretKeyVaultSecretId: SECRET_ID });
        expect(() => buildApp({ vault: undefined, signIn, frontEnd: ChatFrontEnd.sampleChatApp() })).not.toThrow();
      });
    });
  });

  test('synthesizes byte-identical JSON every time', () => {
    expect(synth(buildApp().f.stack)).toEqual(synth(buildApp().f.stack));
  });

  test('the web app matches the snapshot', () => {
    expect(webApp(buildApp().f)).toMatchSnapshot();
    expect(webApp(buildApp({ frontEnd: ChatFrontEnd.sampleChatApp() }).f)).toMatchSnapshot();
  });

  describe('validation', () => {
    const fails = (overrides: Partial<ChatWebAppProps>) => () => buildApp(overrides);
    const image = (tag: string, extra = {}) => ContainerImage.fromRegistry('https://contoso.azurecr.io', 'chat', tag, extra);
    const existing = (o: object) => SignIn.withExistingRegistration({ clientId: CLIENT_ID, clientSecretKeyVaultSecretId: SECRET_ID, ...o });

    test('fails when resourceGroupName is blank', () => {
      expect(fails({ resourceGroupName: '' })).toThrow(/ChatWebApp 'test\/Chat': 'resourceGroupName' must not be empty, got ''/);
    });
    test('fails when location is not a region', () => {
      expect(fails({ location: 'westeurop' })).toThrow(/'location' must be an Azure region name .*got 'westeurop'/);
    });
    test('fails when deploymentName is blank', () => {
      expect(fails({ deploymentName: ' ' })).toThrow(/'deploymentName' must not be empty, got ' '/);
    });
    test('fails when name breaks the web app rule', () => {
      expect(fails({ name: 'chat_app' })).toThrow(/'name' must contain only letters, digits and hyphens.*got 'chat_app'/);
    });
    test('fails when name is too long', () => {
      expect(fails({ name: 'a'.repeat(61) })).toThrow(/'name' must be 2-60 characters long for a web app \(got 61\), got 'a{61}'/);
    });
    test('fails when servicePlanName breaks the plan rule', () => {
      expect(fails({ servicePlanName: 'asp chat' })).toThrow(/'servicePlanName' must contain only letters, digits and hyphens, got 'asp chat'/);
    });
    test('fails when skuName does not support private endpoints and VNet integration', () => {
      expect(fails({ skuName: 'F1' })).toThrow(/'skuName' must be a SKU that supports both private endpoints and VNet integration \(Basic, Standard, Premium v2\/v3\/v4\): one of B1, .*got 'F1'/);
    });
    test('fails when skuName is a Functions plan', () => {
      expect(fails({ skuName: 'EP1' })).toThrow(/'skuName' must be a SKU that supports both private endpoints and VNet integration.*got 'EP1'/);
    });
    test('fails when skuName is Isolated v2', () => {
      expect(fails({ skuName: 'I1v2' })).toThrow(/'skuName' must not be an Isolated SKU here: .*App Service Environment v3.*'servicePlanId'.*got 'I1v2'/);
    });
    test('fails when workerCount is 0', () => {
      expect(fails({ workerCount: 0 })).toThrow(/'workerCount' must be an integer between 1 and 30, got 0/);
    });
    test('fails when workerCount exceeds the Basic tier', () => {
      expect(fails({ skuName: 'B1', workerCount: 4 })).toThrow(/'workerCount' must be an integer between 1 and 3, got 4/);
    });
    test('fails when workerCount exceeds the Standard tier', () => {
      expect(fails({ skuName: 'S1', workerCount: 11 })).toThrow(/'workerCount' must be an integer between 1 and 10, got 11/);
    });
    test('fails when zone balancing is asked on a non-Premium SKU', () => {
      expect(fails({ skuName: 'S1', workerCount: 3, zoneBalancingEnabled: true })).toThrow(/'zoneBalancingEnabled' needs a Premium SKU .*got 'skuName' 'S1'/);
    });
    test('fails when zone balancing is asked with one instance', () => {
      expect(fails({ zoneBalancingEnabled: true })).toThrow(/'zoneBalancingEnabled' needs at least 2 instances.*got 'workerCount' 1/);
    });
    test('fails when servicePlanId is not a Microsoft.Web resource id', () => {
      expect(fails({ servicePlanId: 'asp-shared' })).toThrow(/'servicePlanId' must be an Azure resource id .*got 'asp-shared'/);
    });
    test('fails when servicePlanId is given with skuName', () => {
      expect(fails({ servicePlanId: PLAN_ID, skuName: 'P1v3' })).toThrow(/'servicePlanId' and 'skuName' are mutually exclusive/);
    });
    test('fails when servicePlanId is given with workerCount', () => {
      expect(fails({ servicePlanId: PLAN_ID, workerCount: 2 })).toThrow(/'servicePlanId' and 'workerCount' are mutually exclusive/);
    });
    test('fails when the image tag is latest', () => {
      expect(fails({ image: image('latest') })).toThrow(/'image.tag' must be a pinned tag, not 'latest'.*'allowMutableTag'.*got 'latest'/);
    });
    test('fails when the image is untagged', () => {
      expect(fails({ image: image('') })).toThrow(/'image.tag' must be a pinned tag \(an untagged image means 'latest'\).*got ''/);
    });
    test('fails when the image tag is not a Docker tag', () => {
      expect(fails({ image: image('v1:2') })).toThrow(/'image.tag' must be a Docker tag.*got 'v1:2'/);
    });
    test('fails when the registry URL has no scheme', () => {
      expect(fails({ image: ContainerImage.fromRegistry('contoso.azurecr.io', 'chat', '1.0') })).toThrow(/'image.registryUrl' must be a registry URL with its scheme.*got 'contoso.azurecr.io'/);
    });
    test('fails when the image name has a tag or uppercase', () => {
      expect(fails({ image: ContainerImage.fromRegistry('https://contoso.azurecr.io', 'Chat:1', '1.0') })).toThrow(/'image.imageName' must be a repository path.*got 'Chat:1'/);
    });
    test('fails when the digest is not a sha256 digest', () => {
      expect(fails({ image: ContainerImage.fromRegistryDigest('https://contoso.azurecr.io', 'chat', 'sha256:abc') })).toThrow(/'image.digest' must be 'sha256:' followed by 64 lowercase hex characters, got 'sha256:abc'/);
    });
    test('fails when the port is 0', () => {
      expect(fails({ image: image('1.0', { port: 0 }) })).toThrow(/'image.port' must be an integer between 1 and 65535, got 0/);
    });
    test('fails when the port is above 65535', () => {
      expect(fails({ image: image('1.0', { port: 70000 }) })).toThrow(/'image.port' must be an integer between 1 and 65535, got 70000/);
    });
    test('fails when healthCheckPath does not start with /', () => {
      expect(fails({ healthCheckPath: 'healthz' })).toThrow(/'healthCheckPath' must be a path starting with '\/'.*got 'healthz'/);
    });
    test('fails when healthCheckEvictionTimeInMin is out of range', () => {
      expect(fails({ healthCheckEvictionTimeInMin: 11 })).toThrow(/'healthCheckEvictionTimeInMin' must be an integer between 2 and 10, got 11/);
    });
    test('fails when an excluded path does not start with /', () => {
      expect(fails({ authExcludedPaths: ['healthz'] })).toThrow(/'authExcludedPaths\[0\]' must be a path starting with '\/', got 'healthz'/);
    });
    test('fails when the whole app is excluded from sign-in', () => {
      expect(fails({ authExcludedPaths: ['/healthz', '/'] })).toThrow(/'authExcludedPaths\[1\]' must not exclude the whole app from sign-in, got '\/'/);
    });
    test('fails when appSettings overrides a wired setting', () => {
      expect(fails({ appSettings: { AZURE_OPENAI_ENDPOINT: 'https://other.openai.azure.com/' }, frontEnd: ChatFrontEnd.sampleChatApp() }))
        .toThrow(/'appSettings.AZURE_OPENAI_ENDPOINT' must not be set: the construct wires it from 'aiAccount', got 'https:\/\/other.openai.azure.com\/'/);
    });
    test('fails when appSettings overrides a wired setting in another case', () => {
      expect(fails({ appSettings: { websites_port: '8080' } })).toThrow(/'appSettings.websites_port' must not be set: the construct wires it from 'image.port', got '8080'/);
    });
    test('fails when appSettings sets the sign-in secret setting', () => {
      expect(fails({ appSettings: { [AUTH_SECRET_SETTING_NAME]: 'plain' } })).toThrow(/'appSettings.MICROSOFT_PROVIDER_AUTHENTICATION_SECRET' must not be set: the construct wires it from 'signIn', got 'plain'/);
    });
    test('fails when appSettings sets an Azure OpenAI key', () => {
      expect(fails({ appSettings: { AZURE_OPENAI_KEY: 'k' } })).toThrow(/'appSettings.AZURE_OPENAI_KEY' must not hold a key or secret in plain text .*got 'a plain-text value'/);
      expect(fails({ appSettings: { AZURE_OPENAI_KEY: '@Microsoft.KeyVault(SecretUri=https://kv-shared.vault.azure.net/secrets/oai)' } }))
        .toThrow(/'appSettings.AZURE_OPENAI_KEY' must not be set: the app signs in to Azure OpenAI with its managed identity/);
    });
    test('fails when an app setting name has characters Linux does not pass', () => {
      expect(fails({ appSettings: { 'MY-SETTING': 'x' } })).toThrow(/'appSettings.MY-SETTING' must be named with letters, digits, '_' and '.' only.*got 'MY-SETTING'/);
    });
    test('fails when the image settings collide with a wired setting', () => {
      expect(fails({ image: image('1.0', { appSettings: { AZURE_CLIENT_ID: 'x' } }) })).toThrow(/'image.appSettings.AZURE_CLIENT_ID' must not be set: the construct wires it from 'identity', got 'x'/);
    });
    test('fails when an existing registration has neither secret option', () => {
      expect(fails({ signIn: SignIn.withExistingRegistration({ clientId: CLIENT_ID }) }))
        .toThrow(/'signIn' needs exactly one of 'clientSecret' and 'clientSecretKeyVaultSecretId', got neither/);
    });
    test('fails when an existing registration has both secret options', () => {
      expect(fails({ signIn: existing({ clientSecret: 's' }) })).toThrow(/'signIn' needs exactly one of 'clientSecret' and 'clientSecretKeyVaultSecretId', got both/);
    });
    test('fails when the client id is not a GUID', () => {
      expect(fails({ signIn: existing({ clientId: 'my-app' }) })).toThrow(/'signIn.clientId' must be a GUID .*got 'my-app'/);
    });
    test('fails when the tenant id is not a GUID', () => {
      expect(fails({ signIn: existing({ tenantId: 'contoso.onmicrosoft.com' }) })).toThrow(/'signIn.tenantId' must be a GUID .*got 'contoso.onmicrosoft.com'/);
    });
    test('fails when the secret id has a version', () => {
      expect(fails({ signIn: existing({ clientSecretKeyVaultSecretId: `${SECRET_ID}/0123456789abcdef` }) }))
        .toThrow(/'signIn.clientSecretKeyVaultSecretId' must be a versionless Key Vault secret id .*got 'https:\/\/kv-shared.vault.azure.net\/secrets\/chat-client-secret\/0123456789abcdef'/);
    });
    test('fails when a client secret is given without a vault', () => {
      expect(fails({ vault: undefined, signIn: SignIn.withExistingRegistration({ clientId: CLIENT_ID, clientSecret: 's' }), frontEnd: ChatFrontEnd.sampleChatApp() }))
        .toThrow(/'vault' is required when 'signIn.clientSecret' is given/);
    });
    test('fails when the app registration is created without a vault', () => {
      expect(fails({ vault: undefined, frontEnd: ChatFrontEnd.sampleChatApp() })).toThrow(/ChatWebApp 'test\/Chat': 'vault' is required when 'signIn' creates the app registration/);
    });
    test('fails when secretLifetimeDays is out of range', () => {
      expect(fails({ signIn: SignIn.createAppRegistration({ secretLifetimeDays: 731 }) })).toThrow(/'signIn.secretLifetimeDays' must be an integer between 1 and 730, got 731/);
    });
    test('fails when an owner is not a GUID', () => {
      expect(fails({ signIn: SignIn.createAppRegistration({ owners: ['alice'] }) })).toThrow(/'signIn.owners\[0\]' must be a GUID .*got 'alice'/);
    });
    test('fails when displayName is blank', () => {
      expect(fails({ signIn: SignIn.createAppRegistration({ displayName: ' ' }) })).toThrow(/'signIn.displayName' must not be empty, got ' '/);
    });
  });
});

function onlyResourceWhere(json: any, type: string, predicate: (r: any) => boolean): any {
  const all = Object.values(resourcesOf(json, type)).filter(predicate);
  if (all.length !== 1) throw new Error(`expected exactly one matching ${type}, found ${all.length}`);
  return all[0];
}
