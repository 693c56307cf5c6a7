import { Testing } from 'cdktf';
import { EnterpriseStack } from '../../examples/enterprise/main';
import { onlyResource, resourcesOf, synth } from '../util';

describe('examples/enterprise', () => {
  const build = () => new EnterpriseStack(Testing.app(), 'enterprise');
  const json = JSON.parse(synth(build()));

  test('history in a private PostgreSQL server, chats deleted after 30 days by a daily pg_cron job', () => {
    const server = onlyResource(json, 'azurerm_postgresql_flexible_server');
    expect(server).toMatchObject({ public_network_access_enabled: false, backup_retention_days: 35, lifecycle: { prevent_destroy: true } });
    const job = onlyResource(json, 'terraform_data');
    expect(job.triggers_replace.statement).toContain("interval '30 days'");
    expect(job.triggers_replace.statement).toMatch(/^SELECT cron\.schedule\('chat-retention'/);
    const params = Object.values(resourcesOf(json, 'azurerm_postgresql_flexible_server_configuration')).map((p: any) => p.name);
    expect(params).toEqual(expect.arrayContaining(['azure.extensions', 'shared_preload_libraries', 'cron.database_name']));
  });

  test('one customer-managed key, with a rotation policy, encrypts the AI account, the history server and the registry', () => {
    const [keyName, key] = Object.entries(resourcesOf(json, 'azurerm_key_vault_key'))[0] as [string, any];
    expect(Object.keys(resourcesOf(json, 'azurerm_key_vault_key'))).toHaveLength(1);
    expect(key.rotation_policy).toMatchObject({ automatic: { time_after_creation: 'P335D' }, expire_after: 'P365D' });
    const keyRef = `\${azurerm_key_vault_key.${keyName}.versionless_id}`;
    expect(onlyResource(json, 'azurerm_cognitive_account').customer_managed_key.key_vault_key_id).toBe(keyRef);
    expect(onlyResource(json, 'azurerm_postgresql_flexible_server').customer_managed_key.key_vault_key_id).toBe(keyRef);
    expect(onlyResource(json, 'azurerm_container_registry').encryption[0].key_vault_key_id).toBe(keyRef);
    expect(onlyResource(json, 'azurerm_key_vault').purge_protection_enabled).toBe(true);
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
    expect(deployments).toEqual(expect.arrayContaining([['gpt-5-4-mini', 'OpenAI'], ['llama-4-maverick', 'Meta']]));
    const settings = onlyResource(json, 'azurerm_linux_web_app').app_settings;
    expect(JSON.parse(settings.OPENAI_API_CONFIGS)['0'].model_ids).toEqual(['gpt-5-4-mini', 'llama-4-maverick']);
  });

  test('every data store has a private endpoint; nothing has public access', () => {
    const subresources = Object.values(resourcesOf(json, 'azurerm_private_endpoint')).map((e: any) => e.private_service_connection.subresource_names[0]).sort();
    expect(subresources).toEqual(['account', 'postgresqlServer', 'registry', 'sites', 'vault']);
    for (const type of ['azurerm_cognitive_account', 'azurerm_key_vault', 'azurerm_linux_web_app', 'azurerm_postgresql_flexible_server', 'azurerm_container_registry']) {
      for (const block of Object.values(resourcesOf(json, type))) expect([type, (block as any).public_network_access_enabled]).toEqual([type, false]);
    }
  });

  test('matches the snapshot', () => {
    expect(synth(build())).toMatchSnapshot();
  });
});
