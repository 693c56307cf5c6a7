// The rules that hold an Azure Databricks workspace (PCHAT-DBW-*): each passes on a
// DatabricksWorkspace and fails when one setting is broken; the rest of the pack (network,
// reachability, lifecycle, apply path) holds for the workspace stack too.
import { TerraformStack } from 'cdktf';
import { Compliance, ComplianceFinding } from '../../src/compliance';
import { DatabricksSubnets, DatabricksWorkspace, DatabricksWorkspaceProps } from '../../src/databricks';
import { Monitoring } from '../../src/monitoring';
import { PrivateDnsZones, PrivateLinkZone, PrivateNetwork } from '../../src/network';
import { ICustomerManagedKey } from '../../src/secrets';
import { newStack } from '../util';

const RG = 'rg-data';
const LOCATION = 'swedencentral';
const DBW_RULES = ['PCHAT-DBW-001', 'PCHAT-DBW-002', 'PCHAT-DBW-003', 'PCHAT-DBW-004', 'PCHAT-DBW-005'];
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const GUID = '11111111-2222-3333-4444-555555555555';
const KEY: ICustomerManagedKey = {
  keyId: 'https://kv-keys.vault.azure.net/keys/dbw/0123456789abcdef0123456789abcdef',
  keyVaultId: `${SUB}/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-keys`,
  identityId: `${SUB}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id`,
  identityClientId: GUID,
  identityPrincipalId: GUID,
  dependables: [],
};

function workspace(p: Partial<DatabricksWorkspaceProps> = {}): DatabricksWorkspace {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: RG, network, zones: [PrivateLinkZone.AZURE_DATABRICKS] });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: RG, location: LOCATION });
  return new DatabricksWorkspace(stack, 'Databricks', {
    resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring, subnets: DatabricksSubnets.create('10.0.4.0/26', '10.0.4.64/26'), ...p,
  });
}

function failures(stack: TerraformStack, ids = DBW_RULES): ComplianceFinding[] {
  return Compliance.report(stack).failures.filter((f) => ids.includes(f.ruleId));
}

describe('Databricks rules', () => {
  test('are in the pack, each on azurerm_databricks_workspace, with the scanners\' ids they stand for', () => {
    const rules = Compliance.rules().filter((r) => r.id.startsWith('PCHAT-DBW-'));
    expect(rules.map((r) => [r.id, r.resourceTypes])).toEqual(DBW_RULES.map((id) => [id, ['azurerm_databricks_workspace']]));
    expect(rules.find((r) => r.id === 'PCHAT-DBW-001')!.mapsTo).toEqual(expect.arrayContaining(['CKV_AZURE_158', 'PSRule Azure.Databricks.PublicAccess']));
    expect(rules.find((r) => r.id === 'PCHAT-DBW-002')!.mapsTo).toContain('PSRule Azure.Databricks.SecureConnectivity');
  });

  test('a DatabricksWorkspace passes the whole pack, without and with customer-managed keys', () => {
    expect(Compliance.report(TerraformStack.of(workspace())).failures).toEqual([]);
    const encrypted = workspace({ customerManagedKeys: { managedServices: KEY, managedDisks: KEY } });
    expect(Compliance.report(TerraformStack.of(encrypted)).failures).toEqual([]);
  });

  test.each<[string, string, (w: DatabricksWorkspace) => void, string]>([
    ['PCHAT-DBW-001', 'public network access is on', (w) => { w.resource.publicNetworkAccessEnabled = true; }, "'public_network_access_enabled' must be false, got true"],
    ['PCHAT-DBW-001', 'public network access is left to the provider default', (w) => { w.resource.resetPublicNetworkAccessEnabled(); },
      "'public_network_access_enabled' must be false, got undefined"],
    ['PCHAT-DBW-001', 'the SKU is standard', (w) => { w.resource.sku = 'standard'; }, "'sku' must be 'premium', got 'standard'"],
    ['PCHAT-DBW-001', 'Databricks writes NSG rules to its public control plane', (w) => { w.resource.networkSecurityGroupRulesRequired = 'AllRules'; },
      "'network_security_group_rules_required' must be 'NoAzureDatabricksRules', got 'AllRules'"],
    ['PCHAT-DBW-002', 'cluster nodes get public IPs', (w) => { w.resource.customParameters.noPublicIp = false; }, "'custom_parameters.no_public_ip' must be true, got false"],
    ['PCHAT-DBW-003', 'the workspace is not injected into the VNet', (w) => { w.resource.customParameters.resetVirtualNetworkId(); },
      "'custom_parameters.virtual_network_id' must be set, got undefined"],
    ['PCHAT-DBW-003', 'the container subnet has no NSG association', (w) => { w.resource.customParameters.resetPrivateSubnetNetworkSecurityGroupAssociationId(); },
      "'custom_parameters.private_subnet_network_security_group_association_id' must be set, got undefined"],
  ])('%s fails when %s', (id, _, breakIt, problem) => {
    const w = workspace();
    breakIt(w);
    const found = failures(TerraformStack.of(w));
    expect(found.map((f) => [f.ruleId, f.constructPath])).toEqual([[id, 'test/Databricks/Resource']]);
    expect(found[0].problem).toContain(problem);
  });

  test('PCHAT-DBW-004 fails when the endpoint connects on browser_authentication only', () => {
    const w = workspace();
    w.privateEndpoint.resource.putPrivateServiceConnection({
      name: 'ui', privateConnectionResourceId: w.workspaceResourceId, subresourceNames: ['browser_authentication'], isManualConnection: false,
    });
    const found = failures(TerraformStack.of(w));
    expect(found.map((f) => f.ruleId)).toEqual(['PCHAT-DBW-004']);
    expect(found[0].problem).toContain("connects to subresource [\"browser_authentication\"], expected 'databricks_ui_api'");
  });

  test('PCHAT-DBW-004 fails when the zone group holds another zone', () => {
    const w = workspace();
    w.privateEndpoint.resource.putPrivateDnsZoneGroup({
      name: 'default', privateDnsZoneIds: [`${SUB}/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net`],
    });
    const found = failures(TerraformStack.of(w));
    expect(found.map((f) => f.ruleId)).toEqual(['PCHAT-DBW-004']);
    expect(found[0].problem).toContain("expected 'privatelink.azuredatabricks.net'");
  });

  test('PCHAT-DBW-005 fails when a key id has no version', () => {
    const w = workspace({ customerManagedKeys: { managedServices: KEY } });
    w.resource.managedServicesCmkKeyVaultKeyId = 'https://kv-keys.vault.azure.net/keys/dbw';
    const found = failures(TerraformStack.of(w));
    expect(found.map((f) => f.ruleId)).toEqual(['PCHAT-DBW-005']);
    expect(found[0].problem).toBe("'managed_services_cmk_key_vault_key_id' must be a versioned Key Vault key id, got 'https://kv-keys.vault.azure.net/keys/dbw'");
  });

  test('PCHAT-DBW-005 fails when the disk key is not granted to the disk encryption set', () => {
    const w = workspace({ customerManagedKeys: { managedDisks: KEY } });
    w.diskKeyRoleAssignment!.principalId = GUID;
    const found = failures(TerraformStack.of(w));
    expect(found.map((f) => f.ruleId)).toEqual(['PCHAT-DBW-005']);
    expect(found[0].problem).toContain('no azurerm_role_assignment grants the key to managed_disk_identity[0].principal_id');
  });

  test('PCHAT-DBW-005 passes a workspace without customer-managed keys', () => {
    expect(failures(TerraformStack.of(workspace()), ['PCHAT-DBW-005'])).toEqual([]);
  });
});
