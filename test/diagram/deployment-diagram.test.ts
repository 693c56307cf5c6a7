import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { LinuxWebApp } from '@cdktf/provider-azurerm/lib/linux-web-app';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { DeploymentDiagram } from '../../src/diagram';
import { Monitoring, MonitorPrivateLinkScope } from '../../src/monitoring';
import { PrivateDnsZones, PrivateLinkZone, PrivateNetwork, ServicePrivateEndpoint } from '../../src/network';
import { ChatScale, PrivateChat } from '../../src/pattern';
import { newStack } from '../util';

function build() {
  const stack = newStack();
  const common = { resourceGroupName: 'rg', location: 'swedencentral' };
  const network = new PrivateNetwork(stack, 'Network', common);
  const dnsZones = new PrivateDnsZones(stack, 'Zones', { resourceGroupName: 'rg', network });
  const monitoring = new Monitoring(stack, 'Monitoring', common);
  const vault = new KeyVault(stack, 'Vault', { ...common, name: 'kv1', skuName: 'standard', tenantId: 't', publicNetworkAccessEnabled: false });
  new ServicePrivateEndpoint(stack, 'VaultEndpoint', { ...common, network, dnsZones, targetResourceId: vault.id, subresource: 'vault', zones: [PrivateLinkZone.KEY_VAULT] });
  monitoring.addDiagnosticSetting(vault, 'Diagnostics', { targetResourceId: vault.id });
  const identity = new UserAssignedIdentity(stack, 'Identity', { ...common, name: 'id-chat' });
  new RoleAssignment(stack, 'Grant', { scope: vault.id, principalId: identity.principalId, roleDefinitionName: 'Key Vault Secrets User' });
  const app = new LinuxWebApp(stack, 'App', {
    ...common,
    name: 'app',
    servicePlanId: 'plan',
    publicNetworkAccessEnabled: false,
    virtualNetworkSubnetId: network.appIntegrationSubnetId,
    identity: { type: 'UserAssigned', identityIds: [identity.id] },
    siteConfig: { vnetRouteAllEnabled: true },
  });
  new ServicePrivateEndpoint(stack, 'AppEndpoint', { ...common, network, dnsZones, targetResourceId: app.id, subresource: 'sites', zones: [PrivateLinkZone.APP_SERVICE] });
  return stack;
}

describe('DeploymentDiagram', () => {
  const diagram = DeploymentDiagram.ofStack(build());

  test('draws the VNet with its subnets and the endpoints inside the endpoint subnet', () => {
    expect(diagram).toMatch(/^flowchart LR\n/);
    expect(diagram).toMatch(/subgraph virtual_network_Network_\w+\["VNet Network 10\.0\.0\.0\/16"\]/);
    expect(diagram).toMatch(/subgraph subnet_Network_PrivateEndpointSubnet_\w+\["subnet private-endpoints 10\.0\.0\.0\/24<br\/>NSG"\]\n\s+private_endpoint_AppEndpoint_\w+\["private endpoint<br\/>AppEndpoint \(sites\)"\]\n\s+private_endpoint_VaultEndpoint_\w+\["private endpoint<br\/>VaultEndpoint \(vault\)"\]/);
    expect(diagram).toMatch(/subnet app-integration 10\.0\.1\.0\/24<br\/>NSG, delegated to Microsoft\.Web\/serverFarms/);
  });

  test('connects endpoints to their services and zones, and users to the app endpoint only', () => {
    expect(diagram).toMatch(/private_endpoint_VaultEndpoint_\w+ == private link ==> key_vault_Vault\w*/);
    expect(diagram).toMatch(/private_endpoint_VaultEndpoint_\w+ -\. A record \.-> zone_Zones_KeyVault_\w+/);
    expect(diagram).toMatch(/users -- HTTPS 443 --> private_endpoint_AppEndpoint_\w+/);
    expect(diagram.match(/users --/g)).toHaveLength(1);
  });

  test('shows the app\'s outbound integration, its identity, role grants and logs', () => {
    expect(diagram).toMatch(/linux_web_app_App\w* -- "outbound \(route all\)" --> subnet_Network_AppIntegrationSubnet_\w+$/m);
    expect(diagram).toMatch(/linux_web_app_App\w* -\. runs as \.- user_assigned_identity_Identity\w*/);
    expect(diagram).toMatch(/user_assigned_identity_Identity\w* -- "Key Vault Secrets User" --> key_vault_Vault\w*/);
    expect(diagram).toMatch(/key_vault_Vault\w* -\. logs \.-> log_analytics_workspace_Monitoring_\w+/);
    expect(diagram).toMatch(/\[\("Key Vault<br\/>Vault<br\/>public access off"\)\]/);
  });

  test('labels hub zones it does not create by their zone name', () => {
    const stack = newStack();
    const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg', location: 'swedencentral' });
    const dnsZones = PrivateDnsZones.fromHubZoneIds(stack, 'Hub', {
      keyVault: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/hub/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net',
    });
    new ServicePrivateEndpoint(stack, 'Pe', {
      resourceGroupName: 'rg',
      location: 'swedencentral',
      network,
      dnsZones,
      targetResourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv',
      subresource: 'vault',
      zones: [PrivateLinkZone.KEY_VAULT],
    });
    expect(DeploymentDiagram.ofStack(stack)).toMatch(/zone_privatelink_vaultcore_azure_net\{\{"privatelink\.vaultcore\.azure\.net \(hub\)"\}\}/);
  });

  test('is deterministic', () => {
    expect(DeploymentDiagram.ofStack(build())).toBe(diagram);
  });
});

describe('DeploymentDiagram with an existing spoke', () => {
  test('draws the existing subnets the endpoints and the app use', () => {
    const stack = newStack();
    const vnet = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet-spoke';
    const network = PrivateNetwork.fromAttributes(stack, 'Spoke', {
      virtualNetworkId: vnet, privateEndpointSubnetId: `${vnet}/subnets/snet-pe`, appIntegrationSubnetId: `${vnet}/subnets/snet-app`,
    });
    const dnsZones = PrivateDnsZones.fromHubZoneIds(stack, 'Hub', {
      keyVault: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/hub/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net',
    });
    const vault = new KeyVault(stack, 'Vault', { resourceGroupName: 'rg', location: 'swedencentral', name: 'kv1', skuName: 'standard', tenantId: 't' });
    new ServicePrivateEndpoint(stack, 'Pe', {
      resourceGroupName: 'rg', location: 'swedencentral', network, dnsZones, targetResourceId: vault.id, subresource: 'vault', zones: [PrivateLinkZone.KEY_VAULT],
    });
    new LinuxWebApp(stack, 'App', { resourceGroupName: 'rg', location: 'swedencentral', name: 'app', servicePlanId: 'p', virtualNetworkSubnetId: network.appIntegrationSubnetId, siteConfig: {} });
    const diagram = DeploymentDiagram.ofStack(stack);
    expect(diagram).toMatch(/subgraph existing_subnet_snet_pe\["existing subnet snet-pe<br\/>of VNet vnet-spoke"\]\n\s+private_endpoint_Pe_\w+\["private endpoint<br\/>Pe \(vault\)"\]\n\s+end/);
    expect(diagram).toMatch(/linux_web_app_App\w* -- "outbound \(VNet integration\)" --> existing_subnet_snet_app/);
  });
});

describe('DeploymentDiagram with monitoring pieces', () => {
  test('labels Application Insights and a private link scope by their ingestion, not public access', () => {
    const stack = newStack();
    const common = { resourceGroupName: 'rg', location: 'swedencentral' };
    const network = new PrivateNetwork(stack, 'Network', common);
    const dnsZones = new PrivateDnsZones(stack, 'Zones', { resourceGroupName: 'rg', network, zones: PrivateLinkZone.azureMonitor() });
    const monitoring = new Monitoring(stack, 'Monitoring', common);
    new MonitorPrivateLinkScope(stack, 'Scope', { ...common, network, dnsZones, monitoring });
    new ApplicationInsights(stack, 'Insights', { ...common, name: 'appi', applicationType: 'other', workspaceId: monitoring.workspaceId, internetIngestionEnabled: false });
    new ApplicationInsights(stack, 'OpenInsights', { ...common, name: 'appi-open', applicationType: 'other', workspaceId: monitoring.workspaceId });
    const diagram = DeploymentDiagram.ofStack(stack);
    expect(diagram).toMatch(/application_insights_Insights\w*\[\("Application Insights<br\/>Insights<br\/>public ingestion off"\)\]/);
    expect(diagram).toMatch(/application_insights_OpenInsights\w*\[\("Application Insights<br\/>OpenInsights<br\/>public ingestion ON"\)\]/);
    expect(diagram).toMatch(/(monitor_private_link_scope_Scope_\w+)\[\("Monitor private link scope<br\/>Scope<br\/>ingestion PrivateOnly"\)\]/);
    const scopeNode = /(monitor_private_link_scope_Scope_\w+)\[/.exec(diagram)![1];
    expect(diagram).toMatch(new RegExp(`private_endpoint_Scope_PrivateEndpoint_\\w+ == private link ==> ${scopeNode}`));
    expect(diagram).toMatch(new RegExp(`${scopeNode} -. scoped .-> log_analytics_workspace_Monitoring_\\w+`));
  });
});

describe('the pieces issue 23 added', () => {
  test('the file store (an azapi storage account), its grant and its logs, and the shared Redis, are drawn as services', () => {
    const stack = newStack();
    new PrivateChat(stack, 'chat', { location: 'swedencentral', scale: ChatScale.production() });
    const picture = DeploymentDiagram.ofStack(stack);
    expect(picture).toMatch(/azapi_resource_chat_Files_\w+\[\("Storage account<br\/>chat\/Files<br\/>public access off"\)\]/);
    expect(picture).toMatch(/managed_redis_chat_SharedState_\w+\[\("Managed Redis<br\/>chat\/SharedState<br\/>public access off"\)\]/);
    // The grant on the uploads container is drawn to the account it belongs to.
    expect(picture).toMatch(/-- "role" --> azapi_resource_chat_Files_\w+/);
    expect(picture).toMatch(/azapi_resource_chat_Files_\w+ -\. logs \.-> log_analytics_workspace_/);
    expect(picture).toMatch(/private_endpoint_chat_SharedState_PrivateEndpoint_\w+ == private link ==> managed_redis_chat_SharedState_/);
  });
});
