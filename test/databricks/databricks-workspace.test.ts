// DatabricksWorkspace: the private Azure Databricks workspace (VNet injection, secure cluster
// connectivity, public access off, front-end/back-end Private Link, browser authentication,
// customer-managed keys, diagnostics, prevent_destroy), its validation and determinism.
import { DatabricksWorkspace as AzDatabricksWorkspace } from '@cdktf/provider-azurerm/lib/databricks-workspace';
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { TerraformStack, TerraformVariable } from 'cdktf';
import {
  DatabricksSku, DatabricksSubnets, DatabricksWorkspace, DatabricksWorkspaceProps,
} from '../../src/databricks';
import { Monitoring } from '../../src/monitoring';
import { HubDnsZoneIds, PrivateDnsZones, PrivateLinkZone, PrivateNetwork, ServicePrivateEndpoint } from '../../src/network';
import { ICustomerManagedKey } from '../../src/secrets';
import { newStack, resourcesOf, synth, synthJson, warningsOf } from '../util';

const RG = 'rg-data';
const LOCATION = 'swedencentral';
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const GUID = '11111111-2222-3333-4444-555555555555';
const VAULT_ID = `${SUB}/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-keys`;
const KEY_ID = 'https://kv-keys.vault.azure.net/keys/dbw/0123456789abcdef0123456789abcdef';

interface Fixture {
  readonly stack: TerraformStack;
  readonly network: PrivateNetwork;
  readonly dnsZones: PrivateDnsZones;
  readonly monitoring: Monitoring;
}

function fixture(location = LOCATION): Fixture {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: RG, network, zones: [PrivateLinkZone.AZURE_DATABRICKS] });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: RG, location });
  return { stack, network, dnsZones, monitoring };
}

function build(overrides: Partial<DatabricksWorkspaceProps> = {}, f: Fixture = fixture()): { f: Fixture; ws: DatabricksWorkspace } {
  const ws = new DatabricksWorkspace(f.stack, 'Databricks', {
    resourceGroupName: RG,
    location: LOCATION,
    network: f.network,
    dnsZones: f.dnsZones,
    subnets: DatabricksSubnets.create('10.0.4.0/26', '10.0.4.64/26'),
    monitoring: f.monitoring,
    ...overrides,
  });
  return { f, ws };
}

function key(keyId = KEY_ID): ICustomerManagedKey {
  return {
    keyId,
    keyVaultId: VAULT_ID,
    identityId: `${SUB}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk`,
    identityClientId: GUID,
    identityPrincipalId: GUID,
    dependables: [],
  };
}

describe('DatabricksWorkspace', () => {
  test('is a Premium workspace with public access off, secure cluster connectivity and back-end Private Link NSG mode', () => {
    const { f } = build();
    expect(synth(f.stack)).toHaveResourceWithProperties(AzDatabricksWorkspace, {
      sku: 'premium',
      public_network_access_enabled: false,
      network_security_group_rules_required: 'NoAzureDatabricksRules',
      custom_parameters: expect.objectContaining({
        no_public_ip: true,
        virtual_network_id: expect.stringMatching(/^\$\{azurerm_virtual_network\.Network_[A-Za-z0-9_]+\.id\}$/),
      }),
      lifecycle: { prevent_destroy: true },
    });
  });

  test('injects into two delegated subnets, each with an NSG association the workspace references', () => {
    const { f } = build();
    const json = synthJson(f.stack);
    const subnets = Object.entries(resourcesOf(json, 'azurerm_subnet')).filter(([, s]) => s.name.startsWith('snet-databricks-'));
    expect(subnets.map(([, s]) => [s.name, s.address_prefixes, s.delegation[0].service_delegation.name])).toEqual([
      ['snet-databricks-container', ['10.0.4.64/26'], 'Microsoft.Databricks/workspaces'],
      ['snet-databricks-host', ['10.0.4.0/26'], 'Microsoft.Databricks/workspaces'],
    ]);
    const ws = Object.values(resourcesOf(json, 'azurerm_databricks_workspace'))[0];
    const [containerKey, hostKey] = subnets.map(([k]) => k);
    expect(ws.custom_parameters.public_subnet_name).toBe(`\${azurerm_subnet.${hostKey}.name}`);
    expect(ws.custom_parameters.private_subnet_name).toBe(`\${azurerm_subnet.${containerKey}.name}`);
    expect(ws.custom_parameters.public_subnet_network_security_group_association_id).toMatch(/^\$\{azurerm_subnet_network_security_group_association\.Databricks_HostNsgAssociation_[0-9A-F]+\.id\}$/);
    expect(ws.custom_parameters.private_subnet_network_security_group_association_id).toMatch(/ContainerNsgAssociation/);
    expect(ws.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/HostNsgAssociation/), expect.stringMatching(/ContainerNsgAssociation/)]));
  });

  test('leaves the NSG rules to Databricks (no inline security_rule that Terraform would fight over)', () => {
    const { f, ws } = build();
    const json = synthJson(f.stack);
    const nsgs = resourcesOf(json, 'azurerm_network_security_group');
    const ours = Object.entries(nsgs).filter(([k]) => k.startsWith('Databricks_'));
    expect(ours).toHaveLength(2);
    for (const [, nsg] of ours) expect(nsg.security_rule).toBeUndefined();
    expect(ws.hostNsg).toBeInstanceOf(NetworkSecurityGroup);
  });

  test('has a databricks_ui_api and a browser_authentication endpoint in privatelink.azuredatabricks.net', () => {
    const { f, ws } = build();
    const json = synthJson(f.stack);
    const endpoints = Object.values(resourcesOf(json, 'azurerm_private_endpoint')).filter((e) => String(e.private_service_connection.private_connection_resource_id).includes('azurerm_databricks_workspace'));
    expect(endpoints.map((e) => e.private_service_connection.subresource_names).sort()).toEqual([['browser_authentication'], ['databricks_ui_api']]);
    for (const e of endpoints) expect(e.private_dns_zone_group.private_dns_zone_ids).toEqual([expect.stringMatching(/^\$\{azurerm_private_dns_zone\.DnsZones_AzureDatabricks_[0-9A-F]+\.id\}$/)]);
    expect(ws.privateEndpoint.servicePorts).toEqual([443, 3306, 6666, 8443, 8444, 8445, 8446, 8447, 8448, 8449, 8450, 8451]);
    expect(ws.browserAuthenticationEndpoint!.servicePorts).toEqual([443]);
    expect(ws.browserAuthenticationEndpoint!.callers.map((c) => c.caller.sourceAddressPrefix)).toEqual(['VirtualNetwork']);
    expect(ws.hasPrivateEndpoint).toBe(true);
  });

  test('lets the host and container subnets reach the databricks_ui_api endpoint (back-end Private Link)', () => {
    const { ws } = build();
    expect(ws.privateEndpoint.callers.map((c) => c.caller.sourceAddressPrefix)).toEqual(['10.0.4.0/26', '10.0.4.64/26']);
    const { f } = build();
    const json = synthJson(f.stack);
    const peNsg = Object.entries(resourcesOf(json, 'azurerm_network_security_group')).find(([k]) => k.includes('PrivateEndpoint'))![1];
    const rules = (peNsg.security_rule as any[]).filter((r) => r.source_address_prefix === '10.0.4.0/26');
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.flatMap((r) => r.destination_port_ranges ?? [r.destination_port_range]).join(',')).toContain('6666');
  });

  test('the second workspace of a region shares the browser_authentication endpoint (browserAuthentication: false)', () => {
    const { f, ws } = build({ browserAuthentication: false });
    expect(ws.browserAuthenticationEndpoint).toBeUndefined();
    const endpoints = Object.values(resourcesOf(synthJson(f.stack), 'azurerm_private_endpoint'));
    expect(endpoints.map((e) => e.private_service_connection.subresource_names[0]).filter((s) => s === 'browser_authentication')).toEqual([]);
  });

  test('works with a hub zone id for privatelink.azuredatabricks.net', () => {
    const f = fixture();
    const ids: HubDnsZoneIds = { azureDatabricks: `${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/privatelink.azuredatabricks.net` };
    const dnsZones = PrivateDnsZones.fromHubZoneIds(f.stack, 'Hub', ids);
    build({ dnsZones }, f);
    const endpoints = Object.values(resourcesOf(synthJson(f.stack), 'azurerm_private_endpoint')).filter((e) => String(e.private_service_connection.private_connection_resource_id).includes('azurerm_databricks_workspace'));
    expect(endpoints.map((e) => e.private_dns_zone_group.private_dns_zone_ids)).toEqual([[ids.azureDatabricks], [ids.azureDatabricks]]);
  });

  test('sends audit and model-serving logs to Log Analytics', () => {
    const { f } = build();
    const json = synthJson(f.stack);
    const setting = Object.values(resourcesOf(json, 'azurerm_monitor_diagnostic_setting')).find((d) => String(d.target_resource_id).includes('azurerm_databricks_workspace'));
    expect(setting.enabled_log.map((l: any) => l.category)).toEqual(expect.arrayContaining(['accounts', 'clusters', 'serverlessRealTimeInference', 'unityCatalog']));
  });

  test('uses customer-managed keys for managed services and managed disks, and grants the disk encryption set the disk key', () => {
    const { f, ws } = build({ customerManagedKeys: { managedServices: key(), managedDisks: key() } });
    const out = synth(f.stack);
    expect(out).toHaveResourceWithProperties(AzDatabricksWorkspace, {
      managed_services_cmk_key_vault_key_id: KEY_ID,
      managed_disk_cmk_key_vault_key_id: KEY_ID,
      managed_disk_cmk_rotation_to_latest_version_enabled: true,
      // Without the vault ids azurerm looks the vaults up in the workspace's subscription only.
      managed_services_cmk_key_vault_id: VAULT_ID,
      managed_disk_cmk_key_vault_id: VAULT_ID,
    });
    const role = Object.values(resourcesOf(JSON.parse(out), 'azurerm_role_assignment'))[0];
    expect(role).toMatchObject({
      scope: VAULT_ID,
      role_definition_name: 'Key Vault Crypto Service Encryption User',
      principal_id: expect.stringMatching(/managed_disk_identity\[0\]\.principal_id\}$/),
    });
    expect(warningsOf(ws).join('\n')).toContain('[databricks-managed-services-key-grant]');
  });

  test('takes existing delegated subnets with NSG associations', () => {
    const f = fixture();
    const [host, container] = existingSubnets(f, 'Microsoft.Databricks/workspaces');
    const ws = new DatabricksWorkspace(f.stack, 'Databricks', {
      resourceGroupName: RG, location: LOCATION, network: f.network, dnsZones: f.dnsZones, subnets: DatabricksSubnets.fromSubnets(host, container),
    });
    expect(ws.hostNsg).toBeUndefined();
    const w = Object.values(resourcesOf(synthJson(f.stack), 'azurerm_databricks_workspace'))[0];
    expect(w.custom_parameters.public_subnet_name).toBe('${azurerm_subnet.ExistingHost.name}');
    expect(w.custom_parameters.public_subnet_network_security_group_association_id).toBe('${azurerm_subnet_network_security_group_association.ExistingHostAssoc.id}');
  });

  test('existing subnets reach the endpoint when their ranges are known; an unknown range warns (no rule can be written)', () => {
    const f = fixture();
    const [host, container] = existingSubnets(f, 'Microsoft.Databricks/workspaces');
    const ws = new DatabricksWorkspace(f.stack, 'Databricks', {
      resourceGroupName: RG, location: LOCATION, network: f.network, dnsZones: f.dnsZones, subnets: DatabricksSubnets.fromSubnets(host, container),
    });
    synth(f.stack);
    expect(warningsOf(ws).filter((w) => w.includes('[databricks-backend-flow]'))).toEqual([]);

    const g = fixture();
    const [knownHost, unknown] = existingSubnets(g, 'Microsoft.Databricks/workspaces');
    unknown.addressPrefixes = [new TerraformVariable(g.stack, 'range', { type: 'string' }).stringValue];
    const ws2 = new DatabricksWorkspace(g.stack, 'Databricks', {
      resourceGroupName: RG, location: LOCATION, network: g.network, dnsZones: g.dnsZones, subnets: DatabricksSubnets.fromSubnets(knownHost, unknown),
    });
    synth(g.stack);
    const flows = warningsOf(ws2).filter((w) => w.includes('[databricks-backend-flow]'));
    expect(flows).toHaveLength(1);
    expect(flows[0]).toContain("'subnets.containerSubnet' is not known at synth");
    expect(flows[0]).toContain('TCP 443, 3306, 6666, 8443');
  });

  test('fromAttributes describes an existing workspace', () => {
    const stack = newStack();
    const ws = DatabricksWorkspace.fromAttributes(stack, 'Existing', {
      workspaceResourceId: `${SUB}/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/dbw-data`,
      workspaceUrl: 'https://adb-1234567890123456.7.azuredatabricks.net/',
      hasPrivateEndpoint: true,
      location: LOCATION,
    });
    expect([ws.workspaceUrl, ws.hasPrivateEndpoint, ws.location]).toEqual(['adb-1234567890123456.7.azuredatabricks.net', true, LOCATION]);
  });

  test('warns about nothing with default props (every endpoint has its callers)', () => {
    const { f } = build();
    synth(f.stack);
    expect(warningsOf(f.stack)).toEqual([]);
    // The check is live: an endpoint without callers is reported at synth.
    const lonely = build({ browserAuthentication: false });
    new ServicePrivateEndpoint(lonely.ws, 'Extra', {
      resourceGroupName: RG,
      location: LOCATION,
      network: lonely.f.network,
      dnsZones: lonely.f.dnsZones,
      targetResourceId: lonely.ws.workspaceResourceId,
      subresource: 'browser_authentication',
      zones: [PrivateLinkZone.AZURE_DATABRICKS],
    });
    synth(lonely.f.stack);
    expect(warningsOf(lonely.f.stack).join('\n')).toContain('[endpoint-no-callers]');
  });

  test('is deterministic', () => {
    expect(synth(build().f.stack)).toEqual(synth(build().f.stack));
  });

  describe('fails when', () => {
    test.each<[string, Partial<DatabricksWorkspaceProps>, string]>([
      ['a Standard SKU is asked for with Private Link', { sku: DatabricksSku.STANDARD },
        "DatabricksWorkspace 'test/Databricks': 'sku' must be DatabricksSku.PREMIUM: Private Link (the workspace has public access off and private endpoints) needs the Premium tier, and a standard workspace is refused by Azure, got 'standard'"],
      ['the host subnet is smaller than /26', { subnets: DatabricksSubnets.create('10.0.4.0/27', '10.0.4.64/26') },
        "DatabricksWorkspace 'test/Databricks': 'subnets.hostSubnetCidr' must be a /26 or larger: Azure Databricks needs at least a /26 per workspace subnet, got '10.0.4.0/27'"],
      ['the container subnet is smaller than /26', { subnets: DatabricksSubnets.create('10.0.4.0/26', '10.0.4.64/28') },
        "DatabricksWorkspace 'test/Databricks': 'subnets.containerSubnetCidr' must be a /26 or larger: Azure Databricks needs at least a /26 per workspace subnet, got '10.0.4.64/28'"],
      ['the subnets overlap', { subnets: DatabricksSubnets.create('10.0.4.0/25', '10.0.4.64/26') },
        "DatabricksWorkspace 'test/Databricks': 'subnets.hostSubnetCidr' ('10.0.4.0/25') and 'subnets.containerSubnetCidr' ('10.0.4.64/26') must not overlap, got both"],
      ['the workspace is in another region than its VNet', { location: 'westeurope' },
        "DatabricksWorkspace 'test/Databricks': 'location' must be the region of its network ('swedencentral'): Azure places a private endpoint or VNet integration only in its VNet's region, got 'westeurope'"],
      ['public network access is asked for', { publicNetworkAccessEnabled: true } as any,
        "DatabricksWorkspace 'test/Databricks': 'publicNetworkAccessEnabled' cannot be set: the workspace is reached only through its private endpoints (public_network_access_enabled = false), got true"],
      ['the name has a dot', { name: 'dbw.data' }, "'name'"],
      ['the managed resource group is the workspace\'s own', { managedResourceGroupName: RG },
        "DatabricksWorkspace 'test/Databricks': 'managedResourceGroupName' must differ from 'resourceGroupName': Databricks creates and locks its own resource group, got 'rg-data'"],
      ['a customer-managed key block names no key', { customerManagedKeys: {} },
        "DatabricksWorkspace 'test/Databricks': 'customerManagedKeys' must set 'managedServices', 'managedDisks' or both (or be left out), got {}"],
      ['disk key rotation is set without a disk key', { customerManagedKeys: { managedServices: key(), managedDiskKeyRotation: false } },
        "DatabricksWorkspace 'test/Databricks': 'customerManagedKeys.managedDiskKeyRotation' needs 'customerManagedKeys.managedDisks' (azurerm: RequiredWith managed_disk_cmk_key_vault_key_id), got no disk key"],
      ['a key id has no version', { customerManagedKeys: { managedDisks: key('https://kv-keys.vault.azure.net/keys/dbw') } },
        "DatabricksWorkspace 'test/Databricks': 'customerManagedKeys.managedDisks.keyId' must be a versioned Key Vault key id (https://<vault>.vault.azure.net/keys/<name>/<version>): azurerm_databricks_workspace refuses a versionless one, got 'https://kv-keys.vault.azure.net/keys/dbw'"],
    ])('%s', (_, overrides, message) => {
      expect(() => build(overrides)).toThrow(message);
    });

    test('an existing subnet is not delegated to Microsoft.Databricks/workspaces', () => {
      const f = fixture();
      const [host, container] = existingSubnets(f, 'Microsoft.Web/serverFarms');
      expect(() => new DatabricksWorkspace(f.stack, 'Databricks', {
        resourceGroupName: RG, location: LOCATION, network: f.network, dnsZones: f.dnsZones, subnets: DatabricksSubnets.fromSubnets(host, container),
      })).toThrow("DatabricksWorkspace 'test/Databricks': 'subnets.hostSubnet' must be delegated to 'Microsoft.Databricks/workspaces' (Databricks deploys cluster nodes only into subnets delegated to it), got [\"Microsoft.Web/serverFarms\"]");
    });

    test('an existing subnet has no NSG association', () => {
      const f = fixture();
      const [host] = existingSubnets(f, 'Microsoft.Databricks/workspaces');
      const bare = new Subnet(f.stack, 'Bare', {
        name: 'bare',
        resourceGroupName: RG,
        virtualNetworkName: 'vnet',
        addressPrefixes: ['10.0.9.0/26'],
        delegation: [{ name: 'd', serviceDelegation: { name: 'Microsoft.Databricks/workspaces' } }],
      });
      expect(() => new DatabricksWorkspace(f.stack, 'Databricks', {
        resourceGroupName: RG, location: LOCATION, network: f.network, dnsZones: f.dnsZones, subnets: DatabricksSubnets.fromSubnets(host, bare),
      })).toThrow("'subnets.containerSubnet' must have an NSG association (azurerm_subnet_network_security_group_association) in this stack: the workspace references it, got 'test/Bare'");
    });

    test('the DNS zones lack privatelink.azuredatabricks.net', () => {
      const f = fixture();
      const dnsZones = new PrivateDnsZones(f.stack, 'Other', { resourceGroupName: RG, network: f.network, zones: [PrivateLinkZone.KEY_VAULT] });
      expect(() => build({ dnsZones }, f)).toThrow("no private DNS zone 'privatelink.azuredatabricks.net' in this set");
    });

    test('fromAttributes gets a URL that is not a workspace URL', () => {
      expect(() => DatabricksWorkspace.fromAttributes(newStack(), 'Existing', {
        workspaceResourceId: `${SUB}/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/dbw-data`, workspaceUrl: 'example.com', hasPrivateEndpoint: true,
      })).toThrow("DatabricksWorkspace.fromAttributes 'test/Existing': 'attrs.workspaceUrl' must be a workspace URL such as adb-1234567890123456.7.azuredatabricks.net, got 'example.com'");
    });
  });
});

function existingSubnets(f: Fixture, delegation: string): [Subnet, Subnet] {
  const make = (id: string, cidr: string) => {
    const subnet = new Subnet(f.stack, id, {
      name: id.toLowerCase(),
      resourceGroupName: RG,
      virtualNetworkName: 'vnet',
      addressPrefixes: [cidr],
      delegation: [{ name: 'd', serviceDelegation: { name: delegation } }],
    });
    const nsg = new NetworkSecurityGroup(f.stack, `${id}Nsg`, { name: `nsg-${id}`, resourceGroupName: RG, location: LOCATION });
    new SubnetNetworkSecurityGroupAssociation(f.stack, `${id}Assoc`, { subnetId: subnet.id, networkSecurityGroupId: nsg.id });
    return subnet;
  };
  return [make('ExistingHost', '10.0.8.0/26'), make('ExistingContainer', '10.0.8.64/26')];
}
