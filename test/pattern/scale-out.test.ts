// PrivateChat for ten thousand people (issue 23): the production profile one prop away, the
// Redis several instances need, durable private files, document chat through the gateway, and
// bad input reported in the words of PrivateChat's props.
import { ManagedRedis } from '@cdktf/provider-azurerm/lib/managed-redis';
import { MonitorAutoscaleSetting } from '@cdktf/provider-azurerm/lib/monitor-autoscale-setting';
import { ServicePlan } from '@cdktf/provider-azurerm/lib/service-plan';
import { Testing } from 'cdktf';
import { AiAccount, ChatFrontEnd, ChatScale, PrivateChat, PrivateChatProps } from '../../src';
import { Compliance } from '../../src/compliance';
import { Monitoring } from '../../src/monitoring';
import { PrivateDnsZones } from '../../src/network';
import { newStack, onlyResource, resourcesOf, synthJson, warningsOf } from '../util';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const DNS = `${SUB}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones`;
const GATEWAY = { publisherEmail: 'platform@contoso.example' };

function build(props: Partial<PrivateChatProps> = {}) {
  const stack = newStack();
  const chat = new PrivateChat(stack, 'chat', { location: 'swedencentral', ...props });
  return { stack, chat };
}

const fails = (props: Partial<PrivateChatProps>) => () => build(props);

describe('the production profile', () => {
  const { stack, chat } = build({ scale: ChatScale.production() });
  const json = synthJson(stack);

  test('three zone-balanced P1v3 instances, autoscaling from 3 to 10 on CPU and requests', () => {
    const out = Testing.synth(stack);
    expect(out).toHaveResourceWithProperties(ServicePlan, { sku_name: 'P1v3', worker_count: 3, zone_balancing_enabled: true });
    const autoscale = onlyResource(json, 'azurerm_monitor_autoscale_setting');
    expect(autoscale.profile[0].capacity).toEqual({ minimum: 3, maximum: 10, default: 3 });
    const metrics = autoscale.profile[0].rule.map((r: any) => `${r.metric_trigger.metric_name} ${r.scale_action.direction}`).sort();
    expect(metrics).toEqual(['CpuPercentage Decrease', 'CpuPercentage Increase', 'Requests Decrease', 'Requests Increase']);
    expect(out).toHaveResourceWithProperties(MonitorAutoscaleSetting, { target_resource_id: expect.stringContaining('azurerm_service_plan.') });
  });

  test('adds the private Redis Open WebUI needs for several instances, and wires it as Key Vault references only', () => {
    expect(chat.sharedState).toBeDefined();
    const redis = onlyResource(json, 'azurerm_managed_redis');
    expect(redis.public_network_access).toBe('Disabled');
    const app = onlyResource(json, 'azurerm_linux_web_app');
    expect(app.app_settings).toMatchObject({ WEBSOCKET_MANAGER: 'redis', STORAGE_PROVIDER: 'azure', VECTOR_DB: 'pgvector', ENABLE_ORJSON: 'True' });
    expect(app.app_settings.REDIS_URL).toMatch(/^@Microsoft\.KeyVault\(SecretUri=.*RedisUrl/);
    expect(app.app_settings.WEBSOCKET_REDIS_URL).toBe(app.app_settings.REDIS_URL);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(ManagedRedis, { high_availability_enabled: true });
  });

  test('the configuration is complete, so the multi-instance warning does not fire', () => {
    expect(warningsOf(chat).filter((w) => w.includes('front-end-multi-instance'))).toEqual([]);
  });

  test('the app subnet reaches Redis on 10000 and blob storage on 443 (PCHAT-NET-003 passes)', () => {
    const rules = Object.values(resourcesOf(json, 'azurerm_network_security_rule')).concat(
      Object.values(resourcesOf(json, 'azurerm_network_security_group')).flatMap((n: any) => n.security_rule ?? []));
    const ports = rules.filter((r: any) => r.access === 'Allow').flatMap((r: any) => String(r.destination_port_range ?? r.destination_port_ranges).split(','));
    expect(ports).toEqual(expect.arrayContaining(['10000', '443', '5432']));
    expect(Compliance.report(stack).failures.filter((f) => f.ruleId === 'PCHAT-NET-003')).toEqual([]);
  });

  test('passes the whole rule pack', () => {
    expect(Compliance.report(stack).failures).toEqual([]);
  });
});

describe('the five lines stay cheap', () => {
  const { stack, chat } = build();
  const json = synthJson(stack);

  test('one instance, no Redis, no autoscale; uploads and vectors durable all the same', () => {
    expect(onlyResource(json, 'azurerm_service_plan')).toMatchObject({ sku_name: 'P0v3', worker_count: 1 });
    expect(resourcesOf(json, 'azurerm_managed_redis')).toEqual({});
    expect(resourcesOf(json, 'azurerm_monitor_autoscale_setting')).toEqual({});
    expect(chat.fileStore).toBeDefined();
    expect(onlyResource(json, 'azurerm_linux_web_app').app_settings).toMatchObject({ STORAGE_PROVIDER: 'azure', VECTOR_DB: 'pgvector' });
  });

  test('a Redis for one instance is one prop away (sign-out then revokes tokens at once)', () => {
    const one = build({ sharedState: { enabled: true } });
    expect(Object.keys(resourcesOf(synthJson(one.stack), 'azurerm_managed_redis'))).toHaveLength(1);
  });

  test('fileStore.enabled false keeps uploads on the container disk, and no storage account is made', () => {
    const off = build({ fileStore: { enabled: false } });
    const j = synthJson(off.stack);
    expect(Object.values(resourcesOf(j, 'azapi_resource')).filter((r: any) => r.type.startsWith('Microsoft.Storage/'))).toEqual([]);
    expect(onlyResource(j, 'azurerm_linux_web_app').app_settings.STORAGE_PROVIDER).toBeUndefined();
  });
});

describe('document chat', () => {
  const { stack, chat } = build({ gateway: GATEWAY, documentChat: {} });
  const json = synthJson(stack);

  test('adds a text-embedding-3-small deployment in the data zone, not offered as a chat model', () => {
    const deployments = Object.values(resourcesOf(json, 'azurerm_cognitive_deployment'));
    const embeddings = deployments.find((d: any) => d.model.name === 'text-embedding-3-small');
    expect(embeddings).toMatchObject({ name: 'text-embedding-3-small', model: { version: '1' }, sku: { name: 'DataZoneStandard', capacity: 50 } });
    expect(chat.chatDeploymentNames).not.toContain('text-embedding-3-small');
  });

  test('Open WebUI embeds through the gateway with the key the gateway issued, as a Key Vault reference', () => {
    const app = onlyResource(json, 'azurerm_linux_web_app');
    expect(app.app_settings).toMatchObject({
      RAG_EMBEDDING_ENGINE: 'azure_openai',
      RAG_EMBEDDING_MODEL: 'text-embedding-3-small',
      RAG_AZURE_OPENAI_BASE_URL: expect.stringMatching(/^\$\{trimsuffix\("\$\{azurerm_api_management\.chat_Gateway_\w+\.gateway_url\}\/frontend-embeddings", "\/"\)\}$/),
      PGVECTOR_INITIALIZE_MAX_VECTOR_LENGTH: '1536',
    });
    expect(app.app_settings.RAG_AZURE_OPENAI_API_KEY).toMatch(/^@Microsoft\.KeyVault\(SecretUri=.*EmbeddingsKey/);
    expect(chat.embeddings!.deploymentName).toBe('text-embedding-3-small');
  });

  test('the model account keeps its keys off', () => {
    expect(onlyResource(json, 'azurerm_cognitive_account').local_auth_enabled).toBe(false);
  });

  test('an embeddings deployment the user already has is used by name', () => {
    const named = build({
      gateway: GATEWAY,
      models: [{ modelName: 'gpt-5.4', modelVersion: '2026-03-05' }, { name: 'embed', modelName: 'text-embedding-3-large', modelVersion: '1' }],
      documentChat: { deploymentName: 'embed' },
    });
    const app = onlyResource(synthJson(named.stack), 'azurerm_linux_web_app');
    expect(app.app_settings).toMatchObject({ RAG_EMBEDDING_MODEL: 'embed', PGVECTOR_INITIALIZE_MAX_VECTOR_LENGTH: '3072', PGVECTOR_USE_HALFVEC: 'True' });
  });
});

describe('bad input, in the words of PrivateChat\'s props', () => {
  test('fails when document chat has no gateway', () => {
    expect(fails({ documentChat: {} })).toThrow(/^PrivateChat 'test\/chat': 'documentChat' needs 'gateway': Open WebUI calls embeddings only with a static key/);
  });

  test('fails when the embeddings deployment is not deployed, with the nearest name', () => {
    expect(fails({
      gateway: GATEWAY,
      models: [{ modelName: 'gpt-5.4', modelVersion: '2026-03-05' }, { name: 'embeddings', modelName: 'text-embedding-3-small', modelVersion: '1' }],
      documentChat: { deploymentName: 'embedings' },
    })).toThrow("PrivateChat 'test/chat': 'documentChat.deploymentName' must name one of 'models' ('gpt-5.4', 'embeddings'); did you mean 'embeddings'?, got 'embedings'");
  });

  test('fails when an existing account is given without the name of its embeddings deployment', () => {
    const stack = newStack();
    const aiAccount = AiAccount.fromAttributes(stack, 'Acc', { accountId: `${SUB}/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai-x` });
    expect(() => new PrivateChat(stack, 'chat', { location: 'swedencentral', aiAccount, chatDeploymentName: 'gpt', gateway: GATEWAY, documentChat: {} }))
      .toThrow("PrivateChat 'test/chat': 'documentChat.deploymentName' must name the embeddings deployment of the existing 'aiAccount': this construct cannot add one to an account it does not create, got none");
  });

  test('an embeddings deployment on an existing account is named, with its vector length in PrivateChat\'s words', () => {
    const build2 = (dimensions?: number) => {
      const stack = newStack();
      const aiAccount = AiAccount.fromAttributes(stack, 'Acc', { accountId: `${SUB}/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai-x` });
      return () => new PrivateChat(stack, 'chat', {
        location: 'swedencentral', aiAccount, chatDeploymentName: 'gpt', gateway: GATEWAY, documentChat: { deploymentName: 'embed', dimensions },
      });
    };
    expect(build2()).toThrow(/^PrivateChat 'test\/chat': 'documentChat.dimensions' must be given: 'embed' is on none of the accounts this app creates/);
    const chat = build2(1536)();
    expect(chat.embeddings!.dimensions).toBe(1536);
  });

  test('fails when the named deployment is a chat model', () => {
    expect(fails({ gateway: GATEWAY, documentChat: { deploymentName: 'gpt-5.4' } }))
      .toThrow("PrivateChat 'test/chat': 'documentChat.deploymentName' must name an embeddings deployment, not 'gpt-5.4', a reasoning model (gpt-5.4), got 'gpt-5.4'");
  });

  test('fails when the embeddings model is not one, with the nearest', () => {
    expect(fails({ gateway: GATEWAY, documentChat: { embeddingsModel: 'text-embedding-3-smal' } }))
      .toThrow(/'documentChat\.embeddingsModel' must be an embeddings model .*; did you mean 'text-embedding-3-small'\?, got 'text-embedding-3-smal'$/);
  });

  test('fails when several instances run without the history database, Redis or the file store', () => {
    expect(fails({ scale: { instances: 2 }, history: { enabled: false } })).toThrow(/'scale' runs more than one instance, which Open WebUI supports only with its database in PostgreSQL/);
    expect(fails({ scale: { instances: 2 }, sharedState: { enabled: false } })).toThrow(/leave 'sharedState\.enabled' on, got false$/);
    expect(fails({ scale: { instances: 2 }, fileStore: { enabled: false } })).toThrow(/leave 'fileStore\.enabled' on, got false$/);
  });

  test('fails when the SKU is given twice, or scale meets an existing plan', () => {
    expect(fails({ scale: { skuName: 'P1v3' }, appServicePlanSku: 'P1v3' })).toThrow("PrivateChat 'test/chat': 'scale.skuName' and 'appServicePlanSku' both set the plan's SKU: give one, got both");
    expect(fails({ scale: { instances: 2 }, servicePlanId: `${SUB}/resourceGroups/rg/providers/Microsoft.Web/serverFarms/plan` }))
      .toThrow(/'scale' sizes the plan this construct creates, but 'servicePlanId' names an existing plan/);
  });

  test('the web app\'s own checks name scale\'s props: zones, instance limits, crossed bounds', () => {
    // northcentralus has no availability zones.
    expect(fails({ location: 'northcentralus', scale: { instances: 3, zoneRedundant: true } }))
      .toThrow(/^PrivateChat 'test\/chat': 'scale\.zoneRedundant' needs a region with availability zones/);
    expect(fails({ scale: { instances: 40 } })).toThrow(/^PrivateChat 'test\/chat': 'scale\.instances' /);
    expect(fails({ scale: { autoscale: { minInstances: 5, maxInstances: 3 } } })).toThrow(/^PrivateChat 'test\/chat': 'scale\.autoscale\.minInstances'/);
  });

  test('the Redis\' and the file store\'s checks name their PrivateChat props', () => {
    expect(fails({ sharedState: { enabled: true, skuName: 'Balanced_B9' } })).toThrow(/^PrivateChat 'test\/chat': 'sharedState\.skuName' /);
    expect(fails({ fileStore: { containerName: 'Uploads!' } })).toThrow(/^PrivateChat 'test\/chat': 'fileStore\.containerName' /);
  });

  test('fails when a setting would need a public endpoint: no such prop exists', () => {
    expect(fails({ fileStore: { publicNetworkAccessEnabled: true } as any })).toThrow(/'fileStore\.publicNetworkAccessEnabled' is not a known prop/);
    expect(fails({ sharedState: { publicNetworkAccess: 'Enabled' } as any })).toThrow(/'sharedState\.publicNetworkAccess' is not a known prop/);
  });

  test('fails when hub zones lack the blob zone, naming the way out', () => {
    const stack = newStack();
    const zones = PrivateDnsZones.fromHubZoneIds(stack, 'Hub', {
      aiServices: `${DNS}/privatelink.services.ai.azure.com`,
      openAi: `${DNS}/privatelink.openai.azure.com`,
      cognitiveServices: `${DNS}/privatelink.cognitiveservices.azure.com`,
      keyVault: `${DNS}/privatelink.vaultcore.azure.net`,
      appService: `${DNS}/privatelink.azurewebsites.net`,
      postgreSql: `${DNS}/privatelink.postgres.database.azure.com`,
    });
    expect(() => new PrivateChat(stack, 'chat', { location: 'swedencentral', dnsZones: zones }))
      .toThrow("PrivateChat 'test/chat': 'dnsZones' must hold 'privatelink.blob.core.windows.net' for the file store for uploads (on by default with Open WebUI; 'fileStore: { enabled: false }' keeps uploads on the container's disk, which a restart loses): pass its id as 'blob' to PrivateDnsZones.fromHubZoneIds (and link the zone to this VNet), got zones without it");
  });

  test('fails when zones shared from another chat lack the Redis zone, naming the way out for a created set (not hub ids)', () => {
    const stack = newStack();
    const first = new PrivateChat(stack, 'first', { location: 'swedencentral' });
    expect(() => new PrivateChat(stack, 'second', { location: 'swedencentral', network: first.network, dnsZones: first.dnsZones, scale: { instances: 2 } }))
      .toThrow("PrivateChat 'test/second': 'dnsZones' must hold 'privatelink.redis.azure.net' for the Redis that several instances share: pass a PrivateDnsZones whose 'zones' include PrivateLinkZone.MANAGED_REDIS (the set 'test/first/DnsZones' was created without it), got zones without it");
  });

  test('fails when names.fileStore or names.sharedState is not a valid name, naming them', () => {
    expect(fails({ names: { fileStore: 'ST_bad!' } })).toThrow(/^PrivateChat 'test\/chat': 'names\.fileStore' must contain only lowercase letters and digits, got 'ST_bad!'$/);
    expect(fails({ scale: { instances: 2 }, names: { sharedState: 'bad_redis!' } })).toThrow(/^PrivateChat 'test\/chat': 'names\.sharedState' must contain /);
  });

  test('fails when a front end other than Open WebUI is given the Open WebUI pieces', () => {
    expect(fails({ frontEnd: ChatFrontEnd.sampleChatApp(), sharedState: { enabled: true } })).toThrow(/'sharedState' must be left out for Microsoft's sample chat app/);
  });

  test('valid twins: each of the above, corrected, synthesizes', () => {
    for (const props of [
      { gateway: GATEWAY, documentChat: {} },
      { scale: { instances: 2 } },
      { scale: { skuName: 'P1v3' } },
      { location: 'swedencentral', scale: { instances: 3, zoneRedundant: true } },
      { scale: { autoscale: { minInstances: 2, maxInstances: 5 } } },
      { sharedState: { enabled: true, skuName: 'Balanced_B1' } },
      { fileStore: { containerName: 'uploads' } },
      { frontEnd: ChatFrontEnd.sampleChatApp() },
    ] as Array<Partial<PrivateChatProps>>) {
      expect(() => synthJson(build(props).stack)).not.toThrow();
    }
  });
});

describe('workspace settings through PrivateChat', () => {
  test('retention and daily quota reach the workspace it creates', () => {
    const { stack } = build({ workspace: { retentionInDays: 30, dailyQuotaGb: 5 } });
    expect(onlyResource(synthJson(stack), 'azurerm_log_analytics_workspace')).toMatchObject({ retention_in_days: 30, daily_quota_gb: 5 });
  });

  test('the default stays 90 days without a cap', () => {
    const ws = onlyResource(synthJson(build().stack), 'azurerm_log_analytics_workspace');
    expect(ws.retention_in_days).toBe(90);
    expect(ws.daily_quota_gb).toBeUndefined();
  });

  test('fails when the retention is out of range, naming workspace.retentionInDays', () => {
    expect(fails({ workspace: { retentionInDays: 7 } })).toThrow(/^PrivateChat 'test\/chat': 'workspace\.retentionInDays' /);
  });

  test('fails when an existing workspace is given settings', () => {
    const stack = newStack();
    const monitoring = Monitoring.fromWorkspaceId(stack, 'Central', `${SUB}/resourceGroups/rg-log/providers/Microsoft.OperationalInsights/workspaces/central`);
    expect(() => new PrivateChat(stack, 'chat', { location: 'swedencentral', monitoring, workspace: { retentionInDays: 30 } }))
      .toThrow("PrivateChat 'test/chat': 'workspace' sets the workspace this construct creates, but 'monitoring' is an existing one, whose retention and quota are managed where it was created: give one, got both");
  });

  test('fails when a workspace prop is misspelt', () => {
    expect(fails({ workspace: { retentionDays: 30 } as any })).toThrow(/'workspace\.retentionDays' is not a known prop \(did you mean 'retentionInDays'\? known: dailyQuotaGb, retentionInDays\), got 30$/);
  });
});
