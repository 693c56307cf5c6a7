// What the databricks constructs synthesize holds to the providers' schemas (azurerm 4.55 and
// databricks 1.99, derived from the installed packages' .jsii) and to the plan-time rules of the
// provider-rule table; each new rule passes on the constructs' output and fails on what the
// provider refuses. Every type they write is classified in the apply-paths table.
import { DatabricksProvider } from '@cdktf/provider-databricks/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { ChatIdentity } from '../../src/app';
import { APPLY_CONTROL_PLANE_RULE_ID, ApplyPath, applyPathEntry } from '../../src/compliance/private/apply-paths';
import { Conformance, ConformanceViolation, ProviderRules } from '../../src/conformance';
import { schemaForType } from '../../src/conformance/schema';
import { DatabricksServingEndpoint, DatabricksSubnets, DatabricksWorkspace } from '../../src/databricks';
import { Monitoring } from '../../src/monitoring';
import { PrivateDnsZones, PrivateLinkZone, PrivateNetwork } from '../../src/network';
import { newStack } from '../util';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const WORKSPACE_ID = `${SUB}/resourceGroups/rg-data/providers/Microsoft.Databricks/workspaces/dbw-data`;
const GUID = '11111111-2222-3333-4444-555555555555';

function workspaceStack(): TerraformStack {
  const stack = newStack('data');
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg', location: 'swedencentral' });
  const dnsZones = new PrivateDnsZones(stack, 'Zones', { resourceGroupName: 'rg', network, zones: [PrivateLinkZone.AZURE_DATABRICKS] });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: 'rg', location: 'swedencentral' });
  new DatabricksWorkspace(stack, 'Databricks', {
    resourceGroupName: 'rg', location: 'swedencentral', network, dnsZones, monitoring, subnets: DatabricksSubnets.create('10.0.4.0/26', '10.0.4.64/26'),
  });
  return stack;
}

function servingStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'serving');
  new DatabricksProvider(stack, 'databricks', { azureWorkspaceResourceId: WORKSPACE_ID, authType: 'azure-cli' });
  const workspace = DatabricksWorkspace.fromAttributes(stack, 'Workspace', { workspaceResourceId: WORKSPACE_ID, workspaceUrl: 'adb-1.2.azuredatabricks.net', hasPrivateEndpoint: true });
  const caller = ChatIdentity.fromIdentityAttributes(stack, 'Gateway', {
    identityId: `${SUB}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id`, clientId: GUID, principalId: '99999999-8888-7777-6666-555555555555', tenantId: GUID,
  });
  new DatabricksServingEndpoint(stack, 'Model', {
    workspace, modelName: 'system.ai.gpt-oss-120b', modelVersion: '1', provisionedModelUnits: 50, appliedFromInsideNetwork: 'runner in the VNet', caller,
  });
  return stack;
}

/** The provider-rule violations of one body of `type` (schema violations left out), as the provider's own text. */
function texts(type: string, body: Record<string, unknown>): string[] {
  const config = { resource: { [type]: { this: body } } };
  return Conformance.checkSynthesized(JSON.stringify(config)).filter((v: ConformanceViolation) => v.message.includes('refuses this at plan time')).map((v) => {
    const match = /refuses this at plan time: (.*) \(provider rule [^ ]+, https:\/\/github\.com\/[^)]+\)$/.exec(v.message);
    if (!match) throw new Error(`not a provider-rule violation: ${v.message}`);
    return match[1];
  });
}

const WORKSPACE = {
  name: 'dbw-data',
  resource_group_name: 'rg',
  location: 'swedencentral',
  sku: 'premium',
  public_network_access_enabled: false,
  network_security_group_rules_required: 'NoAzureDatabricksRules',
  custom_parameters: { no_public_ip: true },
};

describe('databricks conformance', () => {
  test('the databricks package\'s schema is derived from its .jsii (databricks provider 1.99.0)', () => {
    const schema = schemaForType('databricks_model_serving')!;
    expect([schema.packageName, schema.provider, schema.providerVersion]).toEqual(['@cdktf/provider-databricks', 'databricks', '1.99.0']);
    expect(Object.keys(schema.resources)).toEqual(expect.arrayContaining(['databricks_model_serving', 'databricks_service_principal', 'databricks_permissions']));
  });

  test('the workspace stack and the serving stack conform (schemas and provider rules)', () => {
    expect(Conformance.check(workspaceStack())).toEqual([]);
    expect(Conformance.check(servingStack())).toEqual([]);
  });

  test('a misspelt databricks attribute is caught by the derived schema', () => {
    const body = { resource: { databricks_service_principal: { this: { application_idd: GUID } } } };
    const violations = Conformance.checkSynthesized(JSON.stringify(body));
    expect(violations.map((v) => v.attribute)).toContain('application_idd');
  });

  test('every type the constructs write has reviewed provider rules and an apply path', () => {
    for (const type of ['azurerm_databricks_workspace', 'databricks_model_serving', 'databricks_service_principal', 'databricks_permissions']) {
      expect([type, ProviderRules.isReviewed(type)]).toEqual([type, true]);
    }
    expect(applyPathEntry('azurerm_databricks_workspace')!.path).toBe(ApplyPath.RESOURCE_MANAGER);
    for (const type of ['databricks_model_serving', 'databricks_service_principal', 'databricks_permissions']) {
      expect(applyPathEntry(type)).toMatchObject({ subject: type, path: ApplyPath.DATA_PLANE });
    }
    expect(APPLY_CONTROL_PLANE_RULE_ID).toBe('PCHAT-APPLY-001');
  });

  describe('azurerm_databricks_workspace rules (azurerm 4.55.0)', () => {
    test('what DatabricksWorkspace writes passes', () => {
      expect(texts('azurerm_databricks_workspace', WORKSPACE)).toEqual([]);
    });

    test.each<[string, Record<string, unknown>, string[]]>([
      ['a private workspace with AllRules', { network_security_group_rules_required: 'AllRules' },
        ['having `network_security_group_rules_required` set to "AllRules" and `public_network_access_enabled` set to `false` is an invalid configuration']],
      ['a private workspace behind a load balancer pool', { load_balancer_backend_address_pool_id: '/x' },
        ['having `load_balancer_backend_address_pool_id` defined and having `public_network_access_enabled` set to `false` is an invalid configuration']],
      ['a customer-managed key on a standard workspace', { sku: 'standard', managed_services_cmk_key_vault_key_id: 'https://kv.vault.azure.net/keys/k/v1' },
        ['`customer_managed_key_enabled`, `default_storage_firewall_enabled`, `enhanced_security_compliance`, `infrastructure_encryption_enabled`, `managed_disk_cmk_key_vault_key_id` and `managed_services_cmk_key_vault_key_id` are only available with a `premium` workspace `sku`, got "standard"']],
      ['a versionless key id', { managed_disk_cmk_key_vault_key_id: 'https://kv.vault.azure.net/keys/k' },
        ['expected "managed_disk_cmk_key_vault_key_id" to be a versioned Key Vault key id (https://<vault>/keys/<name>/<version>), got https://kv.vault.azure.net/keys/k']],
      ['disk key rotation without a disk key', { managed_disk_cmk_rotation_to_latest_version_enabled: true },
        ['"managed_disk_cmk_rotation_to_latest_version_enabled": all of `managed_disk_cmk_key_vault_key_id,managed_disk_cmk_rotation_to_latest_version_enabled` must be specified']],
      ['an unknown SKU', { sku: 'Premium' }, ['expected sku to be one of ["standard" "premium" "trial"], got Premium']],
      ['a name with a dot', { name: 'dbw.data' }, ['"name" can contain only alphanumeric characters, underscores, and hyphens: "dbw.data"']],
      ['a two-character name', { name: 'db' }, ['"name" must be at least 3 characters: "db"']],
    ])('fails on %s', (_, change, expected) => {
      expect(texts('azurerm_databricks_workspace', { ...WORKSPACE, ...change })).toEqual(expected);
    });

    test('public access on with AllRules passes (the rule is about private workspaces only)', () => {
      expect(texts('azurerm_databricks_workspace', { ...WORKSPACE, public_network_access_enabled: true, network_security_group_rules_required: 'AllRules' })).toEqual([]);
    });
  });

  describe('databricks provider rules (1.99.0)', () => {
    test('a permission level a serving endpoint does not know fails; CAN_QUERY passes', () => {
      const body = (level: string) => ({ serving_endpoint_id: 'abc', access_control: [{ service_principal_name: GUID, permission_level: level }] });
      expect(texts('databricks_permissions', body('CAN_QUERY'))).toEqual([]);
      expect(texts('databricks_permissions', body('CAN_RUN'))).toEqual([
        'permission_level CAN_RUN is not supported with serving_endpoint_id objects; allowed levels: CAN_MANAGE, CAN_QUERY, CAN_VIEW',
      ]);
    });

    test('two objects on one permissions resource fail', () => {
      expect(texts('databricks_permissions', { serving_endpoint_id: 'abc', job_id: '1', access_control: [{ user_name: 'a', permission_level: 'CAN_QUERY' }] }).join('\n'))
        .toContain('"serving_endpoint_id": conflicts with job_id');
    });

    test('a service principal needs an application id or a display name', () => {
      expect(texts('databricks_service_principal', { application_id: GUID })).toEqual([]);
      expect(texts('databricks_service_principal', { active: true })).toEqual(['"application_id": one of `application_id,display_name` must be specified']);
    });

    test('served_models conflicts with served_entities', () => {
      expect(texts('databricks_model_serving', { name: 'x', config: { served_entities: [{ entity_name: 'a.b.c' }] } })).toEqual([]);
      expect(texts('databricks_model_serving', { name: 'x', config: { served_entities: [{ entity_name: 'a.b.c' }], served_models: [{ model_name: 'm', model_version: '1', workload_size: 'Small' }] } }))
        .toEqual(['"config.0.served_models": conflicts with config.0.served_entities']);
    });
  });
});
