import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { NatGateway } from '@cdktf/provider-azurerm/lib/nat-gateway';
import { TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AccountKind, AiAccount, DeploymentSku } from '../../src/ai';
import { Compliance } from '../../src/compliance';
import { Monitoring } from '../../src/monitoring';
import { Egress, PrivateDnsZones, PrivateNetwork } from '../../src/network';
import { PrivateChat, PrivateChatProps } from '../../src/pattern';
import { newStack, onlyResource, resolved, resourcesOf, synth, synthJson, Synthesized } from '../util';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const VNET = `${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke`;
const DNS = `${SUB}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones`;

function build(props: Partial<PrivateChatProps> = {}, extra?: (scope: Construct) => void) {
  const stack = newStack();
  const chat = new PrivateChat(stack, 'chat', { location: 'swedencentral', ...props });
  extra?.(stack);
  return { stack, chat };
}

/** `${type.name.attr}` for a construct's resource. */
const ref = (r: TerraformResource, attr: string) => `\${${r.terraformResourceType}.${r.friendlyUniqueId}.${attr}}`;

function byTarget(json: Synthesized, target: string): any {
  const found = Object.values(resourcesOf(json, 'azurerm_private_endpoint'))
    .find((pe: any) => pe.private_service_connection.private_connection_resource_id === target);
  if (!found) throw new Error(`no private endpoint targets ${target}`);
  return found;
}

describe('PrivateChat with default props', () => {
  const { stack, chat } = build();
  const json = synthJson(stack);
  const blockOfAccount = (): any => onlyResource(json, 'azurerm_cognitive_account');

  test('creates the whole table of the architecture', () => {
    const count = (type: string) => Object.keys(resourcesOf(json, type)).length;
    expect(count('azurerm_resource_group')).toBe(1);
    expect(count('azurerm_virtual_network')).toBe(1);
    expect(count('azurerm_subnet')).toBe(2);
    expect(count('azurerm_network_security_group')).toBe(2);
    // The six zones of the architecture, plus blob for the file store.
    expect(count('azurerm_private_dns_zone')).toBe(7);
    expect(count('azurerm_private_dns_zone_virtual_network_link')).toBe(7);
    expect(count('azurerm_cognitive_account')).toBe(1);
    expect(count('azurerm_cognitive_deployment')).toBe(1);
    expect(count('azurerm_cognitive_account_rai_policy')).toBe(1);
    expect(count('azurerm_key_vault')).toBe(1);
    expect(count('azurerm_log_analytics_workspace')).toBe(1);
    expect(count('azurerm_service_plan')).toBe(1);
    expect(count('azurerm_linux_web_app')).toBe(1);
    expect(count('azurerm_user_assigned_identity')).toBe(1);
    expect(count('azurerm_private_endpoint')).toBe(5);
    // The file store for uploads; no Redis and no autoscale with one instance.
    const storage = Object.values(resourcesOf(json, 'azapi_resource')).filter((r: any) => r.type.startsWith('Microsoft.Storage/'));
    expect(storage.map((r: any) => r.type.replace(/@.*/, '')).sort())
      .toEqual(['Microsoft.Storage/storageAccounts', 'Microsoft.Storage/storageAccounts/blobServices/containers']);
    expect(count('azurerm_managed_redis')).toBe(0);
    expect(count('azurerm_monitor_autoscale_setting')).toBe(0);
    expect(count('azurerm_postgresql_flexible_server')).toBe(1);
    expect(count('azurerm_postgresql_flexible_server_database')).toBe(1);
    expect(count('azuread_application')).toBe(1);
    expect(count('azuread_service_principal')).toBe(1);
    expect(count('azurerm_monitor_diagnostic_setting')).toBe(5);
  });

  test('keeps the history in the private PostgreSQL server, read by Open WebUI as a Key Vault reference', () => {
    const app = onlyResource(json, 'azurerm_linux_web_app');
    const urlSecret = Object.keys(resourcesOf(json, 'azapi_resource')).find((k) => k.includes('HistoryUrl'));
    expect(app.app_settings.DATABASE_URL).toMatch(new RegExp(`^@Microsoft\\.KeyVault\\(SecretUri=\\$\\{trimsuffix\\(azurerm_key_vault\\.\\w+\\.vault_uri, "/"\\)\\}/secrets/\\$\\{azapi_resource\\.${urlSecret}\\.name\\}\\)$`));
    expect(onlyResource(json, 'azurerm_postgresql_flexible_server')).toMatchObject({ public_network_access_enabled: false, lifecycle: { prevent_destroy: true } });
    expect(chat.history).toBeDefined();
  });

  test('puts every resource in the created resource group and region', () => {
    const rg = chat.resourceGroup!;
    expect(onlyResource(json, 'azurerm_resource_group')).toMatchObject({ location: 'swedencentral', name: expect.stringMatching(/^rg-chat-[0-9a-f]{6}$/) });
    for (const [type, byName] of Object.entries(json.resource ?? {})) {
      for (const block of Object.values(byName)) {
        if ('resource_group_name' in block) expect([type, block.resource_group_name]).toEqual([type, ref(rg, 'name')]);
        if ('location' in block && type !== 'azurerm_resource_group') expect([type, block.location]).toEqual([type, 'swedencentral']);
      }
    }
  });

  test('grants the app identity Azure AI User on the account, Secrets User on the vault and Blob Data Contributor on the uploads container, nothing broader', () => {
    const identity = chat.app.identity as unknown as { resource: TerraformResource };
    const grants = Object.values(resourcesOf(json, 'azurerm_role_assignment'))
      .filter((g: any) => g.principal_id === ref(identity.resource, 'principal_id'))
      .map((g: any) => [g.role_definition_name ?? g.role_definition_id.replace(/^.*\/roleDefinitions\//, 'id:'), g.scope])
      .sort();
    expect(grants).toEqual([
      ['Key Vault Secrets User', ref(chat.createdVault!.resource, 'id')],
      ['id:53ca6127-db72-4b80-b1b0-d745d6d5456d', ref(chat.createdAiAccount!.resource, 'id')],
      // Storage Blob Data Contributor, on the container only.
      ['id:ba92f5b4-2d11-453d-a403-e96b0029c9fe', ref(chat.fileStore!.container, 'id')],
    ]);
  });

  test('wires the app settings from the constructs: endpoint, deployment and identity, and no key', () => {
    const app = onlyResource(json, 'azurerm_linux_web_app');
    const identity = chat.app.identity as unknown as { resource: TerraformResource };
    expect(app.app_settings).toMatchObject({
      OPENAI_API_BASE_URLS: `https://${blockOfAccount().custom_subdomain_name}.openai.azure.com/openai/v1`,
      DEFAULT_MODELS: chat.chatDeployment!.deploymentName,
      AZURE_CLIENT_ID: ref(identity.resource, 'client_id'),
      AZURE_TOKEN_CREDENTIALS: 'ManagedIdentityCredential',
    });
    expect(JSON.parse(app.app_settings.OPENAI_API_CONFIGS)).toEqual({ 0: { enable: true, auth_type: 'microsoft_entra_id', model_ids: [chat.chatDeployment!.deploymentName] } });
    expect(chat.chatDeployment!.deploymentName).toBe(onlyResource(json, 'azurerm_cognitive_deployment').name);
    expect(JSON.stringify(app.app_settings)).not.toMatch(/primary_access_key|api_key/i);
    for (const [name, value] of Object.entries(app.app_settings as Record<string, string>)) {
      if (/(KEY|SECRET)$/.test(name)) expect(value).toMatch(/^@Microsoft\.KeyVault\(SecretUri=/);
    }
    expect(app.key_vault_reference_identity_id).toBe(ref(identity.resource, 'id'));
    expect(app.identity).toEqual({ type: 'UserAssigned', identity_ids: [ref(identity.resource, 'id')] });
    expect(app.app_settings.MICROSOFT_PROVIDER_AUTHENTICATION_SECRET)
      .toMatch(/^@Microsoft\.KeyVault\(SecretUri=\$\{trimsuffix\(azurerm_key_vault\.\w+\.vault_uri, "\/"\)\}\/secrets\/\$\{azapi_resource\.[\w-]+\.name\}\)$/);
  });

  test('signs users in with the app registration it creates', () => {
    const app = onlyResource(json, 'azurerm_linux_web_app');
    expect(app.auth_settings_v2).toMatchObject({
      auth_enabled: true,
      require_authentication: true,
      unauthenticated_action: 'RedirectToLoginPage',
      active_directory_v2: { client_id: expect.stringMatching(/^\$\{azuread_application\.[\w-]+\.client_id\}$/) },
    });
    expect(Object.keys(json.provider ?? {}).sort()).toEqual(['azapi', 'azuread', 'azurerm', 'time']);
  });

  test('connects each service to its own private endpoint and privatelink zone', () => {
    const zones = chat.dnsZones as PrivateDnsZones;
    const zone = (name: string) => ref(zones.zones[name], 'id');
    const subnet = ref((chat.network as PrivateNetwork).privateEndpointSubnet, 'id');
    const cases: [TerraformResource, string, string[]][] = [
      [chat.createdAiAccount!.resource, 'account', [zone('privatelink.services.ai.azure.com'), zone('privatelink.openai.azure.com'), zone('privatelink.cognitiveservices.azure.com')]],
      [chat.createdVault!.resource, 'vault', [zone('privatelink.vaultcore.azure.net')]],
      [chat.app.resource, 'sites', [zone('privatelink.azurewebsites.net')]],
    ];
    for (const [target, subresource, zoneIds] of cases) {
      const pe = byTarget(json, ref(target, 'id'));
      expect(pe.subnet_id).toBe(subnet);
      expect(pe.private_service_connection.subresource_names).toEqual([subresource]);
      expect(pe.private_dns_zone_group.private_dns_zone_ids).toEqual(zoneIds);
    }
  });

  test('orders resources against the known failure modes', () => {
    const sleeps = resourcesOf(json, 'time_sleep');
    // The app starts only after its role assignments have propagated.
    const app = onlyResource(json, 'azurerm_linux_web_app');
    const appWait = sleeps[app.depends_on[0].replace('time_sleep.', '')];
    expect(appWait.depends_on.sort()).toEqual(
      Object.entries(resourcesOf(json, 'azurerm_role_assignment'))
        .filter(([, g]: any) => g.principal_type === 'ServicePrincipal')
        .map(([name]) => `azurerm_role_assignment.${name}`).sort(),
    );
    // The account's endpoint waits for provisioning.
    const pe = byTarget(json, ref(chat.createdAiAccount!.resource, 'id'));
    expect(sleeps[pe.depends_on[0].replace('time_sleep.', '')].depends_on).toEqual([`azurerm_cognitive_account.${chat.createdAiAccount!.resource.friendlyUniqueId}`]);
    // Deployments come after the content filter.
    expect(onlyResource(json, 'azurerm_cognitive_deployment').depends_on)
      .toEqual([`azurerm_cognitive_account_rai_policy.${chat.createdAiAccount!.contentFilter.resource.friendlyUniqueId}`]);
  });

  test('protects the account and the vault from destroy', () => {
    expect(onlyResource(json, 'azurerm_cognitive_account').lifecycle).toEqual({ prevent_destroy: true });
    expect(onlyResource(json, 'azurerm_key_vault').lifecycle).toEqual({ prevent_destroy: true });
  });

  test('exposes what users need next', () => {
    expect(resolved(stack, chat.openAiEndpoint)).toBe(`https://${blockOfAccount().custom_subdomain_name}.openai.azure.com/`);
    expect(chat.createdOpenAi).toBeUndefined();
    expect(resolved(stack, chat.appHostname)).toBe(ref(chat.app.resource, 'default_hostname'));
    expect(chat.identity).toBe(chat.app.identity);
    expect(resolved(stack, chat.resourceGroupName)).toBe(ref(chat.resourceGroup!, 'name'));
  });
});

describe('PrivateChat options', () => {
  test('accountKind OPENAI keeps the 0.x account: kind OpenAI, the same address, subdomain and default model (gpt-5.4 in the data zone) as the Foundry default', () => {
    const openAi = build({ accountKind: AccountKind.OPENAI });
    const foundry = build();
    const a = onlyResource(synthJson(openAi.stack), 'azurerm_cognitive_account');
    const b = onlyResource(synthJson(foundry.stack), 'azurerm_cognitive_account');
    expect(a.kind).toBe('OpenAI');
    expect(a).not.toHaveProperty('project_management_enabled');
    expect(b).toMatchObject({ kind: 'AIServices', project_management_enabled: true });
    expect(a.custom_subdomain_name).toEqual(b.custom_subdomain_name);
    expect(openAi.chat.createdOpenAi!.resource.friendlyUniqueId).toEqual(foundry.chat.createdAiAccount!.resource.friendlyUniqueId);
    expect(openAi.chat.createdAiAccount).toBeUndefined();
    // Issue 22: both kinds deploy gpt-5.4 on DataZoneStandard, so prompts stay in the EU data zone.
    for (const made of [openAi, foundry]) {
      const deployment = onlyResource(synthJson(made.stack), 'azurerm_cognitive_deployment');
      expect(deployment.model).toEqual({ format: 'OpenAI', name: 'gpt-5.4', version: '2026-03-05' });
      expect(deployment.sku).toEqual({ name: 'DataZoneStandard', capacity: 10 });
    }
  });

  test('refuses accountKind with an existing account, and an unknown kind', () => {
    const stack = newStack();
    const existing = { accountId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/shared' };
    expect(() => new PrivateChat(stack, 'a', {
      location: 'swedencentral', aiAccount: AiAccount.fromAttributes(stack, 'Shared', existing), chatDeploymentName: 'chat', accountKind: AccountKind.OPENAI,
    })).toThrow(/PrivateChat 'test\/a': 'aiAccount' and 'accountKind' are mutually exclusive/);
    expect(() => new PrivateChat(newStack(), 'b', { location: 'swedencentral', accountKind: 'Foundry' as AccountKind }))
      .toThrow(/PrivateChat 'test\/b': 'accountKind' must be one of 'AIServices', 'OpenAI', got 'Foundry'/);
  });

  test('deploys into an existing resource group without creating one', () => {
    const { stack } = build({ resourceGroupName: 'rg-existing' });
    const json = synthJson(stack);
    expect(resourcesOf(json, 'azurerm_resource_group')).toEqual({});
    expect(onlyResource(json, 'azurerm_key_vault').resource_group_name).toBe('rg-existing');
  });

  test('with an existing network, hub zones and workspace creates none of them', () => {
    const stack = newStack();
    new PrivateChat(stack, 'chat', {
      location: 'swedencentral',
      network: PrivateNetwork.fromAttributes(stack, 'Spoke', {
        virtualNetworkId: VNET, privateEndpointSubnetId: `${VNET}/subnets/pe`, appIntegrationSubnetId: `${VNET}/subnets/app`,
      }),
      dnsZones: PrivateDnsZones.fromHubZoneIds(stack, 'Hub', {
        aiServices: `${DNS}/privatelink.services.ai.azure.com`,
        openAi: `${DNS}/privatelink.openai.azure.com`,
        cognitiveServices: `${DNS}/privatelink.cognitiveservices.azure.com`,
        keyVault: `${DNS}/privatelink.vaultcore.azure.net`,
        appService: `${DNS}/privatelink.azurewebsites.net`,
        postgreSql: `${DNS}/privatelink.postgres.database.azure.com`,
        blob: `${DNS}/privatelink.blob.core.windows.net`,
      }),
      monitoring: Monitoring.fromWorkspaceId(stack, 'Central', `${SUB}/resourceGroups/rg-log/providers/Microsoft.OperationalInsights/workspaces/central`),
    });
    const json = synthJson(stack);
    for (const type of ['azurerm_virtual_network', 'azurerm_subnet', 'azurerm_network_security_group', 'azurerm_private_dns_zone',
      'azurerm_private_dns_zone_virtual_network_link', 'azurerm_log_analytics_workspace', 'azurerm_nat_gateway']) {
      expect([type, resourcesOf(json, type)]).toEqual([type, {}]);
    }
    for (const pe of Object.values(resourcesOf(json, 'azurerm_private_endpoint'))) {
      expect(pe.subnet_id).toBe(`${VNET}/subnets/pe`);
      for (const zoneId of pe.private_dns_zone_group.private_dns_zone_ids) expect(zoneId.startsWith(DNS)).toBe(true);
    }
    expect(onlyResource(json, 'azurerm_linux_web_app').virtual_network_subnet_id).toBe(`${VNET}/subnets/app`);
  });

  test('uses the chosen chat deployment among several', () => {
    const { stack } = build({
      models: [
        { name: 'small', modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14' },
        { name: 'big', modelName: 'gpt-4.1', modelVersion: '2025-04-14', sku: DeploymentSku.DATA_ZONE_STANDARD },
      ],
      chatDeploymentName: 'big',
    });
    const settings = onlyResource(synthJson(stack), 'azurerm_linux_web_app').app_settings;
    expect(settings.DEFAULT_MODELS).toBe('big');
    expect(JSON.parse(settings.OPENAI_API_CONFIGS)['0'].model_ids).toEqual(['big', 'small']);
  });

  test('preventDestroy: false removes the protection, as an acknowledged deviation in the compliance report', () => {
    const { stack, chat } = build({ preventDestroy: false });
    const json = synthJson(stack);
    expect(onlyResource(json, 'azurerm_cognitive_account').lifecycle?.prevent_destroy).not.toBe(true);
    expect(onlyResource(json, 'azurerm_key_vault').lifecycle?.prevent_destroy).not.toBe(true);
    const acknowledged = Compliance.report(stack).acknowledged;
    expect(acknowledged.map((f) => [f.ruleId, f.constructPath]).sort()).toEqual([
      ['PCHAT-LIFE-001', `${chat.createdAiAccount!.resource.node.path}`],
      ['PCHAT-LIFE-001', `${chat.createdVault!.resource.node.path}`],
      ['PCHAT-LIFE-001', `${chat.history!.resource.node.path}`],
    ].sort());
  });

  test('tags every taggable resource', () => {
    const json = synthJson(build({ tags: { workload: 'chat' } }).stack);
    for (const type of ['azurerm_virtual_network', 'azurerm_cognitive_account', 'azurerm_key_vault', 'azurerm_linux_web_app', 'azurerm_private_endpoint']) {
      for (const block of Object.values(resourcesOf(json, type))) expect([type, block.tags]).toEqual([type, expect.objectContaining({ workload: 'chat' })]);
    }
  });

  test('applies the compliance rule pack to the whole stack, including resources it did not create', () => {
    const { stack } = build({}, (scope) => {
      new KeyVault(scope, 'UsersOwnVault', { name: 'kv-users-own', location: 'swedencentral', resourceGroupName: 'rg', skuName: 'standard', tenantId: 't' });
    });
    expect(() => synth(stack)).toThrow(/UsersOwnVault/);
  });

  test('the default deployment passes every compliance rule with no acknowledgement', () => {
    expect(() => synth(build().stack)).not.toThrow();
  });
});

describe('PrivateChat validation', () => {
  test.each([
    ['location', { location: 'atlantis' }, /PrivateChat 'test\/chat': 'location' must be an Azure region name .*, got 'atlantis'/],
    ['resourceGroupName', { resourceGroupName: '' }, /'resourceGroupName' must not be empty, got ''/],
    ['resourceGroupName', { resourceGroupName: 'rg.' }, /'resourceGroupName' must contain only .*, got 'rg.'/],
    ['models', { models: [] }, /'models' must list at least one deployment for the chat app, got \[\]/],
    ['chatDeploymentName', { chatDeploymentName: 'nope', models: [{ modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14' }] },
      /'chatDeploymentName' must name one of the deployments in 'models' \('gpt-4.1-mini'\), got 'nope'/],
    ['chatDeploymentName', { chatDeploymentName: 'nope' }, /'chatDeploymentName' must name one of the account's deployments .*, got 'nope'/],
    ['addressSpace', { addressSpace: '10.0.0.0/33' }, /PrivateNetwork 'test\/chat\/Network': 'addressSpace' must have a prefix length between 0 and 32/],
  ])('fails when %s is invalid', (_prop, props, message) => {
    expect(() => build(props as Partial<PrivateChatProps>)).toThrow(message);
  });

  const spoke = (stack: TerraformStack) => PrivateNetwork.fromAttributes(stack, 'Spoke', {
    virtualNetworkId: VNET, privateEndpointSubnetId: `${VNET}/subnets/pe`, appIntegrationSubnetId: `${VNET}/subnets/app`,
  });

  test.each(['addressSpace', 'privateEndpointSubnetCidr', 'appIntegrationSubnetCidr'])('fails when an existing network is combined with %s', (prop) => {
    const stack = newStack();
    expect(() => new PrivateChat(stack, 'chat', { location: 'swedencentral', network: spoke(stack), [prop]: '10.0.0.0/24' }))
      .toThrow(new RegExp(`'network' and '${prop}' are mutually exclusive`));
  });

  test('fails when an existing network is combined with natGateway: true or an egress', () => {
    const a = newStack();
    expect(() => new PrivateChat(a, 'chat', { location: 'swedencentral', network: spoke(a), natGateway: true }))
      .toThrow(/'network' and 'natGateway' are mutually exclusive when 'natGateway' is true: no NAT gateway is added to an existing network/);
    const b = newStack();
    expect(() => new PrivateChat(b, 'chat', { location: 'swedencentral', network: spoke(b), egress: Egress.none() }))
      .toThrow(/'network' and 'egress' are mutually exclusive/);
  });

  test('accepts natGateway: false with an existing network, which creates nothing either way', () => {
    const stack = newStack();
    new PrivateChat(stack, 'chat', { location: 'swedencentral', network: spoke(stack), natGateway: false });
    expect(synth(stack)).not.toHaveResource(NatGateway);
  });
});
