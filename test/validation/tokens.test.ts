// Values only known at plan time (variables, references) are never checked at synth: each
// construct must accept an unresolved token in the props it validates, and pass it through.
import { TerraformStack, TerraformVariable } from 'cdktf';
import { ACCOUNT_ID, base, GUID, LOCATION, RG, VAULT_ID } from './catalogue';
import {
  ChatIdentity, ChatWebApp, ContainerImage, ContentFilter, EndpointCaller, ModelDeployment, Monitoring, OpenAiAccount, Principal, PrivateChat,
  PrivateDnsZones, PrivateKeyVault, PrivateLinkZone, PrivateNetwork, ServicePrivateEndpoint, SignIn,
} from '../../src';
import { newStack, resolved, synthJson } from '../util';

const str = (stack: TerraformStack, id: string) => new TerraformVariable(stack, id, { type: 'string' }).stringValue;
const num = (stack: TerraformStack, id: string) => new TerraformVariable(stack, id, { type: 'number' }).numberValue;
const list = (stack: TerraformStack, id: string) => new TerraformVariable(stack, id, { type: 'list(string)' }).listValue;
const v = (id: string) => `\${var.${id}}`;

describe('unresolved tokens skip validation', () => {
  test('PrivateNetwork: names, region, address space, subnets and DNS servers', () => {
    const stack = newStack();
    new PrivateNetwork(stack, 'Network', {
      resourceGroupName: str(stack, 'rg'),
      location: str(stack, 'location'),
      name: str(stack, 'name'),
      addressSpace: str(stack, 'space'),
      privateEndpointSubnetCidr: str(stack, 'pe'),
      appIntegrationSubnetCidr: str(stack, 'app'),
      dnsServers: [str(stack, 'dns')],
    });
    const vnet = Object.values(synthJson(stack).resource!.azurerm_virtual_network)[0];
    expect(vnet).toMatchObject({ name: v('name'), location: v('location'), address_space: [v('space')], dns_servers: [v('dns')] });
  });

  test('PrivateNetwork.fromAttributes: ids', () => {
    const stack = newStack();
    const net = PrivateNetwork.fromAttributes(stack, 'Spoke', {
      virtualNetworkId: str(stack, 'vnet'), privateEndpointSubnetId: str(stack, 'pe'), appIntegrationSubnetId: str(stack, 'app'),
    });
    expect(resolved(stack, net.privateEndpointSubnetId)).toBe(v('pe'));
  });

  test('PrivateDnsZones and fromHubZoneIds: resource group and zone ids', () => {
    const stack = newStack();
    const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
    new PrivateDnsZones(stack, 'Zones', { resourceGroupName: str(stack, 'rg'), network });
    const hub = PrivateDnsZones.fromHubZoneIds(stack, 'Hub', { keyVault: str(stack, 'kv_zone') });
    expect(resolved(stack, hub.zoneIdFor(PrivateLinkZone.KEY_VAULT))).toBe(v('kv_zone'));
  });

  test('ServicePrivateEndpoint: resource group, region, name, target and sub-resource', () => {
    const { stack, network, dnsZones } = base();
    new ServicePrivateEndpoint(stack, 'Endpoint', {
      resourceGroupName: str(stack, 'rg'),
      location: str(stack, 'location'),
      name: str(stack, 'name'),
      targetResourceId: str(stack, 'target'),
      subresource: str(stack, 'sub'),
      network,
      dnsZones,
      zones: [PrivateLinkZone.KEY_VAULT],
    });
    const pe = Object.values(synthJson(stack).resource!.azurerm_private_endpoint)[0];
    expect(pe).toMatchObject({ name: v('name'), private_service_connection: { private_connection_resource_id: v('target'), subresource_names: [v('sub')] } });
  });

  test('Monitoring and fromWorkspaceId: names, retention, quota, workspace and target ids', () => {
    const stack = newStack();
    const monitoring = new Monitoring(stack, 'Monitoring', {
      resourceGroupName: str(stack, 'rg'),
      location: str(stack, 'location'),
      name: str(stack, 'name'),
      retentionInDays: num(stack, 'retention'),
      dailyQuotaGb: num(stack, 'quota'),
    });
    const central = Monitoring.fromWorkspaceId(stack, 'Central', str(stack, 'workspace'));
    central.addDiagnosticSetting(monitoring, 'Logs', { targetResourceId: str(stack, 'target') });
    const json = synthJson(stack);
    expect(Object.values(json.resource!.azurerm_log_analytics_workspace)[0]).toMatchObject({ retention_in_days: v('retention'), daily_quota_gb: v('quota') });
    expect(Object.values(json.resource!.azurerm_monitor_diagnostic_setting)[0]).toMatchObject({ target_resource_id: v('target'), log_analytics_workspace_id: v('workspace') });
  });

  test('OpenAiAccount and fromAttributes: names, subdomain, FQDNs, identities and model fields', () => {
    const { stack, network, dnsZones, monitoring } = base();
    const account = new OpenAiAccount(stack, 'OpenAi', {
      resourceGroupName: str(stack, 'rg'),
      location: str(stack, 'location'),
      network,
      dnsZones,
      monitoring,
      name: str(stack, 'name'),
      customSubdomainName: str(stack, 'subdomain'),
      allowedFqdns: [str(stack, 'fqdn')],
      userAssignedIdentityIds: [str(stack, 'identity')],
      models: [{ modelName: 'gpt-5.4-mini', modelVersion: str(stack, 'version'), name: str(stack, 'deployment'), capacity: num(stack, 'capacity') }],
    });
    expect(account.deployments).toHaveLength(1);
    expect(account.deployments[0].node.id).toBe('Deployment0');
    const shared = OpenAiAccount.fromAttributes(stack, 'Shared', { accountId: str(stack, 'account'), endpoint: str(stack, 'endpoint') });
    expect(resolved(stack, shared.endpoint)).toBe(v('endpoint'));
  });

  test('ModelDeployment: account id, model, version, name and capacity', () => {
    const stack = newStack();
    const deployment = new ModelDeployment(stack, 'Deployment', {
      cognitiveAccountId: str(stack, 'account'),
      modelName: str(stack, 'model'),
      modelVersion: str(stack, 'version'),
      name: str(stack, 'name'),
      raiPolicyName: str(stack, 'policy'),
      capacity: num(stack, 'capacity'),
    });
    expect(resolved(stack, deployment.deploymentName)).toBe(v('name'));
  });

  test('ContentFilter: account id, name and base policy', () => {
    const stack = newStack();
    const filter = new ContentFilter(stack, 'Filter', {
      cognitiveAccountId: str(stack, 'account'), name: str(stack, 'name'), basePolicyName: str(stack, 'base'),
    });
    expect(resolved(stack, filter.policyName)).toBe(v('name'));
  });

  test('PrivateKeyVault, addSecret and fromAttributes: names, retention, dates, ids and URI', () => {
    const { stack, network, dnsZones, monitoring } = base();
    const vault = new PrivateKeyVault(stack, 'Vault', {
      resourceGroupName: str(stack, 'rg'),
      location: str(stack, 'location'),
      network,
      dnsZones,
      monitoring,
      name: str(stack, 'name'),
      softDeleteRetentionDays: num(stack, 'retention'),
    });
    vault.addSecret('Db', { name: str(stack, 'secret'), value: str(stack, 'value'), contentType: str(stack, 'type'), expirationDate: str(stack, 'expires') });
    PrivateKeyVault.fromAttributes(stack, 'Shared', { vaultId: str(stack, 'vault_id'), vaultUri: str(stack, 'vault_uri') });
    expect(Object.values(synthJson(stack).resource!.azurerm_key_vault)[0]).toMatchObject({ name: v('name'), soft_delete_retention_days: v('retention') });
  });

  test('ChatIdentity and fromIdentityAttributes: names, region, ids and GUIDs', () => {
    const stack = newStack();
    new ChatIdentity(stack, 'Identity', { resourceGroupName: str(stack, 'rg'), location: str(stack, 'location'), name: str(stack, 'name') });
    const shared = ChatIdentity.fromIdentityAttributes(stack, 'Shared', {
      identityId: str(stack, 'id'), clientId: str(stack, 'client'), principalId: str(stack, 'principal'), tenantId: str(stack, 'tenant'),
    });
    expect(resolved(stack, shared.clientId)).toBe(v('client'));
  });

  test('ChatWebApp, ContainerImage and SignIn: names, plan, image, paths and sign-in ids', () => {
    const { stack, network, dnsZones, monitoring } = base();
    const openAi = OpenAiAccount.fromAttributes(stack, 'OpenAi', { accountId: ACCOUNT_ID });
    const app = new ChatWebApp(stack, 'App', {
      resourceGroupName: str(stack, 'rg'),
      location: str(stack, 'location'),
      network,
      dnsZones,
      monitoring,
      aiAccount: openAi,
      deploymentName: str(stack, 'deployment'),
      name: str(stack, 'name'),
      servicePlanName: str(stack, 'plan'),
      skuName: str(stack, 'sku'),
      workerCount: num(stack, 'workers'),
      healthCheckPath: str(stack, 'health'),
      healthCheckEvictionTimeInMin: num(stack, 'eviction'),
      authExcludedPaths: [str(stack, 'anonymous')],
      image: ContainerImage.fromRegistry(str(stack, 'registry'), str(stack, 'image'), str(stack, 'tag'), { port: num(stack, 'port') }),
      signIn: SignIn.withExistingRegistration({
        clientId: str(stack, 'client'),
        tenantId: str(stack, 'tenant'),
        clientSecretKeyVaultSecretId: str(stack, 'secret_id'),
        clientSecretExpirationDate: str(stack, 'expires'),
      }),
    });
    expect(resolved(stack, app.clientId)).toBe(v('client'));
  });

  test('PrivateChat: region, resource group, chat deployment and plan SKU', () => {
    const stack = newStack();
    const chat = new PrivateChat(stack, 'chat', {
      location: str(stack, 'location'),
      resourceGroupName: str(stack, 'rg'),
      chatDeploymentName: 'gpt-5.4',
      appServicePlanSku: str(stack, 'sku'),
    });
    expect(resolved(stack, chat.resourceGroupName)).toBe(v('rg'));
  });

  test('Principal: object id', () => {
    const stack = newStack();
    const principal = Principal.fromGroupObjectId(stack, 'Operators', str(stack, 'group'));
    expect(resolved(stack, principal.principalId)).toBe(v('group'));
  });

  test('list tokens are skipped as a whole', () => {
    const stack = newStack();
    expect(() => new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION, dnsServers: list(stack, 'dns') })).not.toThrow();
    const { stack: s2, network, dnsZones, monitoring } = base();
    expect(() => new OpenAiAccount(s2, 'OpenAi', {
      resourceGroupName: RG,
      location: LOCATION,
      network,
      dnsZones,
      monitoring,
      allowedFqdns: list(s2, 'fqdns'),
      userAssignedIdentityIds: list(s2, 'identities'),
    })).not.toThrow();
  });

  test('EndpointCaller and allowFrom: a plan-time range and a plan-time subnet id of an imported network', () => {
    const { stack, network, dnsZones } = base();
    const endpoint = new ServicePrivateEndpoint(stack, 'Endpoint', {
      resourceGroupName: RG, location: LOCATION, network, dnsZones, targetResourceId: VAULT_ID, subresource: 'vault', zones: [PrivateLinkZone.KEY_VAULT],
    });
    endpoint.allowFrom(EndpointCaller.addressPrefix(str(stack, 'hub_range')), 'Hub users');
    const nsg = Object.values(synthJson(stack).resource!.azurerm_network_security_group)
      .find((g: any) => g.security_rule.some((r: any) => r.source_address_prefix === v('hub_range'))) as any;
    expect(nsg.security_rule).toContainEqual(expect.objectContaining({
      access: 'Allow', direction: 'Inbound', source_address_prefix: v('hub_range'), destination_port_range: '443',
    }));

    const { stack: s2, dnsZones: zones2 } = base();
    const spoke = PrivateNetwork.fromAttributes(s2, 'Spoke', {
      virtualNetworkId: str(s2, 'vnet'), privateEndpointSubnetId: str(s2, 'pe'), appIntegrationSubnetId: str(s2, 'app'),
    });
    const onSpoke = new ServicePrivateEndpoint(s2, 'Endpoint', {
      resourceGroupName: RG, location: LOCATION, network: spoke, dnsZones: zones2, targetResourceId: VAULT_ID, subresource: 'vault', zones: [PrivateLinkZone.KEY_VAULT],
    });
    onSpoke.allowFrom(EndpointCaller.subnet(str(s2, 'caller_subnet')));
    expect(onSpoke.callers.map((c) => resolved(s2, c.caller.subnetId))).toEqual([v('caller_subnet')]);
  });

  test('the same literal values are still checked (control)', () => {
    expect(() => Principal.fromGroupObjectId(newStack(), 'Operators', 'not-a-guid')).toThrow(/'objectId' must be a GUID/);
    expect(() => Principal.fromGroupObjectId(newStack(), 'Operators', GUID)).not.toThrow();
  });
});
