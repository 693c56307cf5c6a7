// Scale-out and availability of the chat web app: autoscale on the plan, zone balancing in a
// region with zones, the shared state Open WebUI needs for several instances, and the warning
// that names what is still missing.
import { MonitorAutoscaleSetting } from '@cdktf/provider-azurerm/lib/monitor-autoscale-setting';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { ServicePlan } from '@cdktf/provider-azurerm/lib/service-plan';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { FakeOpenAiAccount, RG, address, baseProps, buildApp, fixture, ref } from './fixtures';
import {
  AutoscaleOptions, ChatFrontEnd, ChatWebApp, ChatWebAppProps, ContainerImage, HistoryStoreKind, IChatEmbeddings, IChatFileStore, IChatHistoryStore,
  IChatSharedState,
} from '../../src/app';
import { Conformance } from '../../src/conformance';
import { grantRole, IPrincipal } from '../../src/core';
import { Monitoring } from '../../src/monitoring';
import { PrivateDnsZones, PrivateNetwork } from '../../src/network';
import { PrivateKeyVault } from '../../src/secrets';
import { newStack, onlyResource, resourcesOf, synthJson, warningsOf } from '../util';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const PLAN_ID = `${SUB}/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp-shared`;
const REDIS_REF = '@Microsoft.KeyVault(SecretUri=https://kv-chat.vault.azure.net/secrets/redis-url)';
const DB_URL_REF = '@Microsoft.KeyVault(SecretUri=https://kv-chat.vault.azure.net/secrets/history-url)';
const CONTAINER_ID = `${SUB}/resourceGroups/${RG}/providers/Microsoft.Storage/storageAccounts/stchat/blobServices/default/containers/uploads`;

class FakeHistory extends Construct implements IChatHistoryStore {
  public readonly historyStoreKind = HistoryStoreKind.POSTGRESQL;
  public readonly connectionUrlReference = DB_URL_REF;
}
class FakeRedis extends Construct implements IChatSharedState {
  public readonly redisUrlReference = REDIS_REF;
}
class FakeFiles extends Construct implements IChatFileStore {
  public readonly blobEndpoint = 'https://stchat.blob.core.windows.net';
  public readonly containerName = 'uploads';
  public readonly grants: IPrincipal[] = [];
  public grantReadWrite(principal: IPrincipal): RoleAssignment {
    this.grants.push(principal);
    return grantRole(this, { scopeId: CONTAINER_ID, roleDefinitionName: 'Storage Blob Data Contributor', principal });
  }
}
class FakeEmbeddings extends Construct implements IChatEmbeddings {
  public readonly baseUrl = 'https://apim-chat.azure-api.net/embeddings';
  public readonly apiKeyReference = '@Microsoft.KeyVault(SecretUri=https://kv-chat.vault.azure.net/secrets/embeddings-key)';
  public readonly deploymentName = 'text-embedding-3-small';
  public readonly apiVersion = '2024-10-21';
  public readonly dimensions = 1536;
}

/** The three pieces Open WebUI needs for several instances, in the fixture's stack. */
function complete(app: { f: { stack: Construct } }): Partial<ChatWebAppProps> {
  const s = app.f.stack;
  return { history: new FakeHistory(s, 'History'), sharedState: new FakeRedis(s, 'Redis'), fileStore: new FakeFiles(s, 'Files') };
}

/** A web app whose stack is ready before its props are: `make` gets the stack for fakes. */
function build(make: (stack: Construct) => Partial<ChatWebAppProps> = () => ({})): { app: ChatWebApp; json: () => any; stack: TerraformStack } {
  const f = fixture();
  const app = new ChatWebApp(f.stack, 'Chat', { ...baseProps(f), ...make(f.stack) });
  return { app, json: () => synthJson(f.stack), stack: f.stack };
}

function fails(make: (stack: Construct) => Partial<ChatWebAppProps>): () => unknown {
  return () => build(make);
}

/** A web app in `location`, with its network there too. */
function buildIn(location: string, overrides: Partial<ChatWebAppProps>): ChatWebApp {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: RG, network });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: RG, location });
  const vault = new PrivateKeyVault(stack, 'Vault', { resourceGroupName: RG, location, network, dnsZones, monitoring });
  return new ChatWebApp(stack, 'Chat', {
    resourceGroupName: RG, location, network, dnsZones, monitoring, vault, aiAccount: new FakeOpenAiAccount(stack, 'OpenAi'), deploymentName: 'gpt-4o-mini', ...overrides,
  });
}

const multiInstanceWarnings = (app: ChatWebApp) => warningsOf(app).filter((w) => w.endsWith('[front-end-multi-instance]'));
const PROD: AutoscaleOptions = { minInstances: 3, maxInstances: 10 };

describe('autoscale', () => {
  test('the setting targets the plan: one profile, capacity min/max/default, CPU rules with cool-downs, no notification', () => {
    const { app, json } = build(() => ({ skuName: 'P1v3', autoscale: PROD }));
    const out = json();
    const setting = onlyResource(out, 'azurerm_monitor_autoscale_setting');
    expect(app.autoscaleSetting).toBeInstanceOf(MonitorAutoscaleSetting);
    expect(setting.target_resource_id).toBe(ref(app.servicePlan!, 'id'));
    expect(setting).toMatchObject({ resource_group_name: RG, location: 'swedencentral', enabled: true });
    expect(setting.name).toMatch(/^autoscale-chat-[0-9a-f]+$/);
    expect(setting.notification).toBeUndefined();
    expect(setting.profile).toHaveLength(1);
    expect(setting.profile[0].name).toBe('default');
    expect(setting.profile[0].capacity).toEqual({ minimum: 3, maximum: 10, default: 3 });
    const cpu = (direction: string) => setting.profile[0].rule.find((r: any) => r.scale_action.direction === direction);
    expect(setting.profile[0].rule).toHaveLength(2);
    expect(cpu('Increase')).toEqual({
      metric_trigger: {
        metric_name: 'CpuPercentage',
        metric_namespace: 'microsoft.web/serverfarms',
        metric_resource_id: ref(app.servicePlan!, 'id'),
        time_grain: 'PT1M',
        statistic: 'Average',
        time_window: 'PT10M',
        time_aggregation: 'Average',
        operator: 'GreaterThan',
        threshold: 70,
        divide_by_instance_count: false,
      },
      scale_action: { direction: 'Increase', type: 'ChangeCount', value: 1, cooldown: 'PT5M' },
    });
    expect(cpu('Decrease')).toMatchObject({
      metric_trigger: { metric_name: 'CpuPercentage', operator: 'LessThan', threshold: 30, metric_resource_id: ref(app.servicePlan!, 'id') },
      scale_action: { type: 'ChangeCount', value: 1, cooldown: 'PT10M' },
    });
  });

  test('the plan starts at max(minInstances, workerCount) and leaves its worker count to autoscale', () => {
    const { json } = build(() => ({ skuName: 'P1v3', workerCount: 5, autoscale: PROD }));
    const out = json();
    expect(onlyResource(out, 'azurerm_monitor_autoscale_setting').profile[0].capacity).toEqual({ minimum: 3, maximum: 10, default: 5 });
    const plan = onlyResource(out, 'azurerm_service_plan');
    expect(plan.worker_count).toBe(5);
    expect(plan.lifecycle).toEqual({ ignore_changes: ['worker_count'] });
  });

  test('without autoscale there is no setting, and the plan keeps its worker count under Terraform', () => {
    const { app, json } = build(() => ({ workerCount: 2 }));
    const out = json();
    expect(app.autoscaleSetting).toBeUndefined();
    expect(resourcesOf(out, 'azurerm_monitor_autoscale_setting')).toEqual({});
    expect(onlyResource(out, 'azurerm_service_plan').lifecycle).toBeUndefined();
  });

  test('requests per instance: the site\'s Requests, summed per minute, averaged, divided by the instances; scale-in at 40%', () => {
    const { app, json } = build(() => ({ skuName: 'P1v3', autoscale: { ...PROD, requestsPerInstanceScaleOut: 600 } }));
    const rules = onlyResource(json(), 'azurerm_monitor_autoscale_setting').profile[0].rule;
    expect(rules).toHaveLength(4);
    const requests = rules.filter((r: any) => r.metric_trigger.metric_name === 'Requests');
    expect(requests).toEqual([
      expect.objectContaining({
        metric_trigger: expect.objectContaining({
          metric_namespace: 'microsoft.web/sites',
          metric_resource_id: ref(app.resource, 'id'),
          statistic: 'Sum',
          time_aggregation: 'Average',
          divide_by_instance_count: true,
          operator: 'GreaterThan',
          threshold: 600,
          time_window: 'PT10M',
          time_grain: 'PT1M',
        }),
        scale_action: expect.objectContaining({ direction: 'Increase', cooldown: 'PT5M' }),
      }),
      expect.objectContaining({
        metric_trigger: expect.objectContaining({ operator: 'LessThan', threshold: 240, divide_by_instance_count: true }),
        scale_action: expect.objectContaining({ direction: 'Decrease', cooldown: 'PT10M' }),
      }),
    ]);
  });

  test('custom thresholds reach the rules', () => {
    const { json } = build(() => ({ skuName: 'S1', autoscale: { minInstances: 1, maxInstances: 10, cpuPercentScaleOut: 80, cpuPercentScaleIn: 35, requestsPerInstanceScaleOut: 100, requestsPerInstanceScaleIn: 20 } }));
    const thresholds = onlyResource(json(), 'azurerm_monitor_autoscale_setting').profile[0].rule.map((r: any) => [r.metric_trigger.metric_name, r.metric_trigger.threshold]);
    expect(thresholds).toEqual([['CpuPercentage', 80], ['CpuPercentage', 35], ['Requests', 100], ['Requests', 20]]);
  });

  test('on a plan given by id, the setting targets that plan', () => {
    const { json } = build(() => ({ servicePlanId: PLAN_ID, autoscale: PROD }));
    const out = json();
    expect(resourcesOf(out, 'azurerm_service_plan')).toEqual({});
    expect(onlyResource(out, 'azurerm_monitor_autoscale_setting').target_resource_id).toBe(PLAN_ID);
  });

  test('synthesizes a setting the provider-rule and schema checks accept', () => {
    const { stack } = build(() => ({ skuName: 'P1v3', zoneBalancingEnabled: true, autoscale: { ...PROD, requestsPerInstanceScaleOut: 600 } }));
    expect(Testing.synth(stack)).toHaveResourceWithProperties(MonitorAutoscaleSetting, { enabled: true });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(ServicePlan, { zone_balancing_enabled: true, worker_count: 3 });
    // What the title says: nothing azurerm 4.55 refuses at plan, on the setting or on the plan it scales.
    const refused = Conformance.checkSynthesized(Testing.synth(stack))
      .filter((v) => /^azurerm_(monitor_autoscale_setting|service_plan)\./.test(v.address));
    expect(refused).toEqual([]);
  });

  test('the provider-side rules hold the setting as azurerm 4.55 would at plan time', () => {
    const { json } = build(() => ({ skuName: 'P1v3', autoscale: PROD }));
    const out = json();
    const check = (mutate: (setting: any) => void): string[] => {
      const copy = JSON.parse(JSON.stringify(out));
      mutate(Object.values(copy.resource.azurerm_monitor_autoscale_setting)[0]);
      return Conformance.checkSynthesized(JSON.stringify(copy)).filter((v) => v.message.includes('refuses this at plan time')).map((v) => v.message);
    };
    expect(check(() => undefined)).toEqual([]);
    expect(check((s) => { s.profile[0].capacity.maximum = 1001; })).toEqual([expect.stringContaining('expected profile.0.capacity.0.maximum to be in the range (0 - 1000), got 1001')]);
    expect(check((s) => { s.profile[0].rule[0].metric_trigger.statistic = 'Count'; })).toEqual([expect.stringContaining('statistic')]);
    expect(check((s) => { s.profile[0].rule[1].scale_action.direction = 'None'; })).toEqual([expect.stringContaining('direction')]);
  });

  describe('bad input', () => {
    test('fails when the bounds cross', () => {
      expect(fails(() => ({ skuName: 'P1v3', autoscale: { minInstances: 5, maxInstances: 3 } }))).toThrow(
        "ChatWebApp 'test/Chat': 'autoscale.minInstances' (5) must not exceed 'autoscale.maxInstances' (3): the bounds cross, got 5 > 3",
      );
      expect(fails(() => ({ skuName: 'P1v3', autoscale: { minInstances: 3, maxInstances: 3 } }))).not.toThrow();
    });

    test('fails when maxInstances exceeds a Standard plan\'s 10', () => {
      expect(fails(() => ({ skuName: 'S1', autoscale: { minInstances: 1, maxInstances: 11 } }))).toThrow(
        "ChatWebApp 'test/Chat': 'autoscale.maxInstances' must be at most 10, the instance limit of a Standard plan ('skuName' 'S1'), got 11",
      );
      expect(fails(() => ({ skuName: 'S1', autoscale: { minInstances: 1, maxInstances: 10 } }))).not.toThrow();
    });

    test('fails when maxInstances exceeds a Premium plan\'s 30 (the default P0v3 too)', () => {
      expect(fails(() => ({ autoscale: { minInstances: 2, maxInstances: 31 } }))).toThrow(
        "'autoscale.maxInstances' must be at most 30, the instance limit of a Premium plan ('skuName' 'P0v3'), got 31",
      );
      expect(fails(() => ({ autoscale: { minInstances: 2, maxInstances: 30 } }))).not.toThrow();
    });

    test('fails when minInstances exceeds the plan\'s limit', () => {
      expect(fails(() => ({ skuName: 'S2', autoscale: { minInstances: 12, maxInstances: 12 } }))).toThrow(
        "'autoscale.minInstances' must be at most 10, the instance limit of a Standard plan ('skuName' 'S2'), got 12",
      );
    });

    test('fails when maxInstances exceeds the largest plan\'s limit on a plan given by id', () => {
      expect(fails(() => ({ servicePlanId: PLAN_ID, autoscale: { minInstances: 1, maxInstances: 101 } }))).toThrow(
        "'autoscale.maxInstances' must be at most 100, the instance limit of an App Service plan, got 101",
      );
      expect(fails(() => ({ servicePlanId: PLAN_ID, autoscale: { minInstances: 1, maxInstances: 100 } }))).not.toThrow();
    });

    test('fails when minInstances is under 1', () => {
      expect(fails(() => ({ autoscale: { minInstances: 0, maxInstances: 3 } }))).toThrow("'autoscale.minInstances' must be an integer between 1 and 1000, got 0");
    });

    test('fails when autoscale is asked for on a Basic plan', () => {
      expect(fails(() => ({ skuName: 'B2', autoscale: { minInstances: 1, maxInstances: 3 } }))).toThrow(
        "ChatWebApp 'test/Chat': 'autoscale' needs a Standard or Premium plan: App Service offers no autoscale on Free or Basic, got 'skuName' 'B2'",
      );
      expect(fails(() => ({ skuName: 'S1', autoscale: { minInstances: 1, maxInstances: 3 } }))).not.toThrow();
    });

    test('fails when workerCount is above the autoscale maximum', () => {
      expect(fails(() => ({ skuName: 'P1v3', workerCount: 5, autoscale: { minInstances: 1, maxInstances: 3 } }))).toThrow(
        "'workerCount' (5) must not exceed 'autoscale.maxInstances' (3): the plan starts within the autoscale bounds, got 5 > 3",
      );
      expect(fails(() => ({ skuName: 'P1v3', workerCount: 3, autoscale: { minInstances: 1, maxInstances: 3 } }))).not.toThrow();
    });

    test('fails when a zone-balanced plan may scale in under 2 instances', () => {
      expect(fails(() => ({ skuName: 'P1v3', zoneBalancingEnabled: true, autoscale: { minInstances: 1, maxInstances: 6 } }))).toThrow(
        "ChatWebApp 'test/Chat': 'zoneBalancingEnabled' needs at least 2 instances (App Service's minimum for a zone-redundant plan), got 'autoscale.minInstances' 1",
      );
      expect(fails(() => ({ skuName: 'P1v3', zoneBalancingEnabled: true, autoscale: { minInstances: 2, maxInstances: 6 } }))).not.toThrow();
    });

    test('fails when the CPU scale-in threshold is not below the scale-out one', () => {
      expect(fails(() => ({ autoscale: { ...PROD, cpuPercentScaleOut: 60, cpuPercentScaleIn: 60 } }))).toThrow(
        "'autoscale.cpuPercentScaleIn' (60) must be below 'autoscale.cpuPercentScaleOut' (60): with the same or a higher threshold autoscale would "
        + 'remove an instance only to add it back (keep it under half), got 60 >= 60',
      );
      expect(fails(() => ({ autoscale: { ...PROD, cpuPercentScaleOut: 60, cpuPercentScaleIn: 25 } }))).not.toThrow();
    });

    test('fails when the default CPU scale-in (30) is not below a low scale-out threshold', () => {
      expect(fails(() => ({ autoscale: { ...PROD, cpuPercentScaleOut: 30 } }))).toThrow(/'autoscale.cpuPercentScaleIn' \(30\) must be below 'autoscale.cpuPercentScaleOut' \(30\)/);
    });

    test('fails when a CPU threshold is not a percentage above 0', () => {
      expect(fails(() => ({ autoscale: { ...PROD, cpuPercentScaleOut: 101 } }))).toThrow("'autoscale.cpuPercentScaleOut' must be a percentage above 0 and at most 100, got 101");
      expect(fails(() => ({ autoscale: { ...PROD, cpuPercentScaleIn: 0 } }))).toThrow("'autoscale.cpuPercentScaleIn' must be a percentage above 0 and at most 100, got 0");
      expect(fails(() => ({ autoscale: { ...PROD, cpuPercentScaleOut: 72.5, cpuPercentScaleIn: 27.5 } }))).not.toThrow();
    });

    test('fails when a requests threshold is not above 0', () => {
      expect(fails(() => ({ autoscale: { ...PROD, requestsPerInstanceScaleOut: 0 } }))).toThrow("'autoscale.requestsPerInstanceScaleOut' must be above 0, got 0");
    });

    test('fails when the requests scale-in threshold is not below the scale-out one', () => {
      expect(fails(() => ({ autoscale: { ...PROD, requestsPerInstanceScaleOut: 100, requestsPerInstanceScaleIn: 150 } }))).toThrow(
        /'autoscale.requestsPerInstanceScaleIn' \(150\) must be below 'autoscale.requestsPerInstanceScaleOut' \(100\).*, got 150 >= 100$/,
      );
    });

    test('fails when a requests scale-in threshold comes without a scale-out one', () => {
      expect(fails(() => ({ autoscale: { ...PROD, requestsPerInstanceScaleIn: 50 } }))).toThrow(
        /'autoscale.requestsPerInstanceScaleIn' needs 'autoscale.requestsPerInstanceScaleOut'.*, got requestsPerInstanceScaleIn 50 alone$/,
      );
    });

    test('fails when an autoscale field has the wrong type or is unknown', () => {
      expect(fails(() => ({ autoscale: { minInstances: '2', maxInstances: 3 } as any }))).toThrow("'autoscale.minInstances' must be an integer, got '2'");
      expect(fails(() => ({ autoscale: { maxInstances: 3 } as any }))).toThrow("'autoscale.minInstances' is required (an integer), got undefined");
      expect(fails(() => ({ autoscale: { ...PROD, cpuScaleOut: 80 } as any }))).toThrow(/'autoscale.cpuScaleOut' is not a known prop/);
    });

    test('skips checks on tokens', () => {
      const f = fixture();
      const max = new TerraformVariable(f.stack, 'max', { type: 'number' }).numberValue;
      expect(() => new ChatWebApp(f.stack, 'Chat', { ...baseProps(f), autoscale: { minInstances: 2, maxInstances: max } })).not.toThrow();
      const g = fixture();
      const min = new TerraformVariable(g.stack, 'min', { type: 'number' }).numberValue;
      new ChatWebApp(g.stack, 'Chat', { ...baseProps(g), workerCount: 2, autoscale: { minInstances: min, maxInstances: 10 } });
      const out = synthJson(g.stack);
      expect(onlyResource(out, 'azurerm_service_plan').worker_count).toBe('${max(var.min, 2)}');
      expect(onlyResource(out, 'azurerm_monitor_autoscale_setting').profile[0].capacity).toEqual({ minimum: '${var.min}', maximum: 10, default: '${max(var.min, 2)}' });
    });
  });
});

describe('zone balancing needs a region with availability zones', () => {
  test('fails in a region without zones, naming the nearby regions with zones', () => {
    expect(() => buildIn('westus', { skuName: 'P1v3', workerCount: 3, zoneBalancingEnabled: true })).toThrow(
      "ChatWebApp 'test/Chat': 'zoneBalancingEnabled' needs a region with availability zones for zone-balanced instances; 'westus' has none "
      + "(regions with zones near it: 'westus3', 'westus2', 'eastus'), got 'westus'",
    );
  });

  test('accepts the same plan in a region with zones, and a region without zones when zone balancing is off', () => {
    expect(() => buildIn('westus3', { skuName: 'P1v3', workerCount: 3, zoneBalancingEnabled: true })).not.toThrow();
    expect(() => buildIn('westus', { skuName: 'P1v3', workerCount: 3 })).not.toThrow();
  });
});

describe('shared state, files and embeddings', () => {
  test('are wired into Open WebUI\'s settings; the file store is granted to the app\'s identity before the app starts', () => {
    let files!: FakeFiles;
    const { app, json } = build((s) => {
      files = new FakeFiles(s, 'Files');
      return { sharedState: new FakeRedis(s, 'Redis'), fileStore: files, embeddings: new FakeEmbeddings(s, 'Embeddings'), history: new FakeHistory(s, 'History') };
    });
    const out = json();
    const web = onlyResource(out, 'azurerm_linux_web_app');
    expect(web.app_settings).toMatchObject({
      REDIS_URL: REDIS_REF,
      WEBSOCKET_MANAGER: 'redis',
      WEBSOCKET_REDIS_URL: REDIS_REF,
      STORAGE_PROVIDER: 'azure',
      AZURE_STORAGE_ENDPOINT: 'https://stchat.blob.core.windows.net',
      AZURE_STORAGE_CONTAINER_NAME: 'uploads',
      RAG_EMBEDDING_ENGINE: 'azure_openai',
      RAG_EMBEDDING_MODEL: 'text-embedding-3-small',
    });
    expect(files.grants).toEqual([app.identity]);
    const grant = Object.entries(resourcesOf(out, 'azurerm_role_assignment')).find(([, r]) => (r as any).scope === CONTAINER_ID);
    expect(grant).toBeDefined();
    expect(grant![1]).toMatchObject({ role_definition_name: 'Storage Blob Data Contributor', principal_id: expect.stringMatching(/^\$\{azurerm_user_assigned_identity\.Chat_Identity_[0-9A-F]+\.principal_id\}$/) });
    const wait = resourcesOf(out, 'time_sleep')[app.roleAssignmentWait.friendlyUniqueId];
    expect(wait.depends_on).toContain(`azurerm_role_assignment.${grant![0]}`);
    expect(web.depends_on).toEqual([address(app.roleAssignmentWait)]);
  });

  test('the settings they wire cannot be overridden in appSettings', () => {
    expect(fails((s) => ({ sharedState: new FakeRedis(s, 'Redis'), appSettings: { REDIS_URL: REDIS_REF } }))).toThrow(
      "'appSettings.REDIS_URL' must not be set: the construct wires it from 'sharedState'",
    );
    expect(fails(() => ({ appSettings: { WEBSOCKET_MANAGER: 'redis' } }))).not.toThrow();
  });

  test.each([
    ['sharedState', (s: Construct) => ({ sharedState: new FakeRedis(s, 'Redis') }), 'an instance of FakeRedis'],
    ['fileStore', (s: Construct) => ({ fileStore: new FakeFiles(s, 'Files') }), 'an instance of FakeFiles'],
    ['embeddings', (s: Construct) => ({ embeddings: new FakeEmbeddings(s, 'Embeddings') }), 'an instance of FakeEmbeddings'],
  ])('fails when %s is given to a front end that cannot use it', (prop, make, shown) => {
    expect(fails((s) => ({ frontEnd: ChatFrontEnd.sampleChatApp(), ...make(s) }))).toThrow(
      `ChatWebApp 'test/Chat': '${prop}' must not be set for Microsoft's sample chat app, which has no setting to use it (only Open WebUI does), got ${shown}`,
    );
    expect(fails((s) => make(s))).not.toThrow();
  });

  test('fails when sharedState is not an IChatSharedState', () => {
    expect(fails(() => ({ sharedState: { url: 'redis://x' } as any }))).toThrow("'sharedState' must be an IChatSharedState (e.g. a PrivateRedisCache)");
  });
});

describe('the front-end-multi-instance warning', () => {
  test('fires with several instances and nothing shared, naming all three missing props', () => {
    const { app } = buildApp({ workerCount: 3 });
    expect(multiInstanceWarnings(app)).toEqual([
      "ChatWebApp 'test/Chat': 'workerCount' is 3, but Open WebUI needs, to run as several instances: "
      + "'history' (a PostgreSQL store: otherwise each instance keeps its own database on its disk), "
      + "'sharedState' (a Redis for the WebSocket manager and shared state: otherwise sessions break between instances), "
      + "'fileStore' (a private blob container: otherwise an upload sits on one instance's disk) [front-end-multi-instance]",
    ]);
  });

  test('names only what is still missing', () => {
    const { app } = build((s) => ({ workerCount: 2, history: new FakeHistory(s, 'History'), sharedState: new FakeRedis(s, 'Redis') }));
    const warnings = multiInstanceWarnings(app);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/needs, to run as several instances: 'fileStore' \(a private blob container/);
    expect(warnings[0]).not.toMatch(/'history'|'sharedState'/);
  });

  test('goes away when the configuration is complete', () => {
    const f = fixture();
    const app = new ChatWebApp(f.stack, 'Chat', { ...baseProps(f), skuName: 'P1v3', zoneBalancingEnabled: true, autoscale: PROD, ...complete({ f }) });
    expect(multiInstanceWarnings(app)).toEqual([]);
    const f2 = fixture();
    const app2 = new ChatWebApp(f2.stack, 'Chat', { ...baseProps(f2), workerCount: 3, ...complete({ f: f2 }) });
    expect(multiInstanceWarnings(app2)).toEqual([]);
  });

  test('fires when autoscale may add instances, and says so', () => {
    const { app } = buildApp({ skuName: 'P1v3', autoscale: { minInstances: 1, maxInstances: 5 } });
    expect(multiInstanceWarnings(app)).toEqual([expect.stringMatching(/^ChatWebApp 'test\/Chat': 'autoscale.maxInstances' is 5, so the app may run several instances, but Open WebUI needs/)]);
  });

  test('stays quiet for one instance (workerCount 1, or an autoscale maximum of 1)', () => {
    expect(multiInstanceWarnings(buildApp({}).app)).toEqual([]);
    expect(multiInstanceWarnings(buildApp({ skuName: 'S1', autoscale: { minInstances: 1, maxInstances: 1 } }).app)).toEqual([]);
  });

  test('for a front end that cannot share state: warns only when it keeps WebSocket sessions', () => {
    expect(multiInstanceWarnings(buildApp({ workerCount: 2, frontEnd: ChatFrontEnd.sampleChatApp() }).app)).toEqual([]);
    const sockets = ChatFrontEnd.fromImage(ContainerImage.fromRegistry('https://contoso.azurecr.io', 'chat', '1.0.0', { port: 8080 }), { webSocketsEnabled: true });
    expect(multiInstanceWarnings(buildApp({ workerCount: 2, frontEnd: sockets }).app)).toEqual([
      expect.stringMatching(/'workerCount' is 2, but a custom image keeps WebSocket sessions in memory.*\[front-end-multi-instance\]$/),
    ]);
  });

  test('stays quiet when the instance count is a token', () => {
    const f = fixture();
    const workers = new TerraformVariable(f.stack, 'workers', { type: 'number' }).numberValue;
    const app = new ChatWebApp(f.stack, 'Chat', { ...baseProps(f), workerCount: workers });
    expect(multiInstanceWarnings(app)).toEqual([]);
  });
});
