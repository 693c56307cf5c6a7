import { Testing } from 'cdktf';
import { EnterpriseStack } from '../../examples/enterprise/main';
import { onlyResource, resourcesOf, synth, warningsOf } from '../util';
import { CHAT_ADMINS_GROUP, CHAT_USERS_GROUP, DB_OPERATORS_GROUP, expectEntraDatabaseAdministrator, expectSignInByGroups } from './sign-in-expectations';

describe('examples/enterprise', () => {
  const build = () => new EnterpriseStack(Testing.app(), 'enterprise');
  const json = JSON.parse(synth(build()));

  test('history in a private PostgreSQL server, chats deleted after 30 days by a daily pg_cron job that the app schedules from inside the VNet', () => {
    const server = onlyResource(json, 'azurerm_postgresql_flexible_server');
    expect(server).toMatchObject({ public_network_access_enabled: false, backup_retention_days: 35, lifecycle: { prevent_destroy: true } });
    // Nothing runs from the applying machine: Open WebUI's start-up runs the setup statements.
    expect(Object.values(resourcesOf(json, 'terraform_data')).filter((d: any) => d.provisioner !== undefined)).toEqual([]);
    const app = onlyResource(json, 'azurerm_linux_web_app');
    const statements: string[] = JSON.parse(app.app_settings.PCHAT_DB_SETUP_STATEMENTS);
    // The app's own login comes first (it owns the tables the job deletes from), then the retention job.
    expect(statements[1]).toContain("CREATE ROLE %I WITH LOGIN NOCREATEDB NOCREATEROLE PASSWORD %L', 'openwebui_app'");
    const [extension, job] = statements.slice(-2);
    expect(extension).toBe('CREATE EXTENSION IF NOT EXISTS pg_cron');
    expect(job).toMatch(/^SELECT cron\.schedule\('chat-retention'/);
    expect(job).toContain("interval '30 days'");
    expect(app.site_config.app_command_line).toMatch(/^python3 -c "/);
    const params = Object.values(resourcesOf(json, 'azurerm_postgresql_flexible_server_configuration')).map((p: any) => p.name);
    expect(params).toEqual(expect.arrayContaining(['azure.extensions', 'shared_preload_libraries', 'cron.database_name']));
  });

  test('the app connects as its own login; the operators\' group administers the database through Entra ID', () => {
    expectEntraDatabaseAdministrator(json, DB_OPERATORS_GROUP);
    const statements: string[] = JSON.parse(onlyResource(json, 'azurerm_linux_web_app').app_settings.PCHAT_DB_SETUP_STATEMENTS);
    expect(statements).toEqual(expect.arrayContaining([expect.stringContaining("GRANT %I TO %I', 'openwebui_app', 'Chat DB operators'")]));
    const urls = (Object.entries(resourcesOf(json, 'azapi_resource')) as [string, any][]).filter(([k]) => /_HistoryUrl-/.test(k));
    expect(urls).toHaveLength(1);
    expect(urls[0][1].sensitive_body.properties.value).toMatch(/^postgresql:\/\/openwebui_app:/);
  });

  test('only the chat users\' and admins\' groups sign in, and only the admins\' group administers', () => {
    expectSignInByGroups(json, CHAT_USERS_GROUP, CHAT_ADMINS_GROUP);
  });

  test('synthesizes with no warning: someone can sign in, and operators reach the database through Entra ID', () => {
    const stack = build();
    Testing.synth(stack);
    expect(warningsOf(stack)).toEqual([]);
  });

  test('one customer-managed key, created through Azure Resource Manager with a rotation policy, encrypts the AI account, the history server and the registry', () => {
    const keys = Object.entries(resourcesOf(json, 'azapi_resource')).filter(([, r]: [string, any]) => r.type.startsWith('Microsoft.KeyVault/vaults/keys@'));
    expect(keys).toHaveLength(1);
    expect(resourcesOf(json, 'azurerm_key_vault_key')).toEqual({});
    const [keyName, key] = keys[0] as [string, any];
    expect(key.body.properties).toMatchObject({ kty: 'RSA', keySize: 2048, keyOps: ['wrapKey', 'unwrapKey'] });
    expect(key.body.properties.rotationPolicy).toMatchObject({
      attributes: { expiryTime: 'P365D' },
      lifetimeActions: expect.arrayContaining([{ action: { type: 'rotate' }, trigger: { timeAfterCreate: 'P335D' } }]),
    });
    expect(key.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ['body'] });
    const [vaultName] = Object.keys(resourcesOf(json, 'azurerm_key_vault'));
    const keyRef = `\${trimsuffix(azurerm_key_vault.${vaultName}.vault_uri, "/")}/keys/\${azapi_resource.${keyName}.name}`;
    expect(onlyResource(json, 'azurerm_cognitive_account').customer_managed_key.key_vault_key_id).toBe(keyRef);
    expect(onlyResource(json, 'azurerm_postgresql_flexible_server').customer_managed_key.key_vault_key_id).toBe(keyRef);
    expect(onlyResource(json, 'azurerm_container_registry').encryption[0].key_vault_key_id).toBe(keyRef);
    expect(onlyResource(json, 'azurerm_key_vault').purge_protection_enabled).toBe(true);
    // An upgraded stack forgets the old azurerm key instead of destroying it.
    expect(json.removed).toEqual(expect.arrayContaining([{ from: `azurerm_key_vault_key.${keyName}`, lifecycle: { destroy: false } }]));
  });

  test('the app pulls Open WebUI through the private registry mirror as its identity', () => {
    const app = onlyResource(json, 'azurerm_linux_web_app');
    const [registryName] = Object.keys(resourcesOf(json, 'azurerm_container_registry'));
    expect(app.site_config.application_stack.docker_registry_url).toBe(`https://\${azurerm_container_registry.${registryName}.login_server}`);
    expect(app.site_config.container_registry_use_managed_identity).toBe(true);
    expect(onlyResource(json, 'azurerm_container_registry_cache_rule').source_repo).toBe('ghcr.io/open-webui/open-webui');
  });

  test('an open model beside an OpenAI model, both offered by the front end', () => {
    const deployments = Object.values(resourcesOf(json, 'azurerm_cognitive_deployment')).map((d: any) => [d.name, d.model.format]);
    expect(deployments).toEqual(expect.arrayContaining([['gpt-5-4', 'OpenAI'], ['llama-4-maverick', 'Meta']]));
    const settings = onlyResource(json, 'azurerm_linux_web_app').app_settings;
    expect(JSON.parse(settings.OPENAI_API_CONFIGS)['0'].model_ids).toEqual(['gpt-5-4', 'llama-4-maverick']);
  });

  test('gpt-5.4 and the embeddings are processed in the EU data zone; only the open model is global, by the named opt-in', () => {
    const skus = Object.values(resourcesOf(json, 'azurerm_cognitive_deployment')).map((d: any) => [d.name, d.sku.name]);
    expect(skus).toEqual(expect.arrayContaining([['gpt-5-4', 'DataZoneStandard'], ['llama-4-maverick', 'GlobalStandard'], ['text-embedding-3-small', 'DataZoneStandard']]));
    expect(skus).toHaveLength(3);
  });

  test('the production profile: three zone-balanced P1v3 instances autoscaling to 10, a zone-redundant database, the shared Redis, files and document chat', () => {
    expect(onlyResource(json, 'azurerm_service_plan')).toMatchObject({ sku_name: 'P1v3', worker_count: 3, zone_balancing_enabled: true });
    expect(onlyResource(json, 'azurerm_monitor_autoscale_setting').profile[0].capacity).toEqual({ minimum: 3, maximum: 10, default: 3 });
    expect(onlyResource(json, 'azurerm_postgresql_flexible_server')).toMatchObject({ sku_name: 'GP_Standard_D2ds_v5', high_availability: { mode: 'ZoneRedundant' } });
    expect(onlyResource(json, 'azurerm_managed_redis')).toMatchObject({ high_availability_enabled: true, public_network_access: 'Disabled' });
    const settings = onlyResource(json, 'azurerm_linux_web_app').app_settings;
    expect(settings).toMatchObject({ WEBSOCKET_MANAGER: 'redis', STORAGE_PROVIDER: 'azure', VECTOR_DB: 'pgvector', RAG_EMBEDDING_ENGINE: 'azure_openai' });
    const account = Object.values(resourcesOf(json, 'azapi_resource')).find((r: any) => String(r.type).startsWith('Microsoft.Storage/storageAccounts@')) as any;
    expect(account.body.sku.name).toBe('Standard_ZRS');
    // The customer-managed key reaches the uploads too.
    expect(account.body.properties.encryption.keySource).toBe('Microsoft.Keyvault');
  });

  test('every data store has a private endpoint; nothing has public access', () => {
    const subresources = Object.values(resourcesOf(json, 'azurerm_private_endpoint')).map((e: any) => e.private_service_connection.subresource_names[0]).sort();
    expect(subresources).toEqual(['Gateway', 'account', 'azuremonitor', 'blob', 'postgresqlServer', 'redisEnterprise', 'registry', 'sites', 'vault']);
    for (const type of ['azurerm_cognitive_account', 'azurerm_key_vault', 'azurerm_linux_web_app', 'azurerm_postgresql_flexible_server', 'azurerm_container_registry']) {
      for (const block of Object.values(resourcesOf(json, type))) expect([type, (block as any).public_network_access_enabled]).toEqual([type, false]);
    }
    expect(onlyResource(json, 'azurerm_managed_redis').public_network_access).toBe('Disabled');
    const storage = Object.values(resourcesOf(json, 'azapi_resource')).find((r: any) => String(r.type).startsWith('Microsoft.Storage/storageAccounts@')) as any;
    expect(storage.body.properties).toMatchObject({ publicNetworkAccess: 'Disabled', allowSharedKeyAccess: false, allowBlobPublicAccess: false });
  });

  test('matches the snapshot', () => {
    expect(synth(build())).toMatchSnapshot();
  });
});
