import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { TerraformResource, TerraformStack } from 'cdktf';
import { compliantStack, failuresOf, synthError } from './fixture';
import { Compliance, ComplianceFinding } from '../../src/compliance';
import { Monitoring } from '../../src/monitoring';
import { EndpointCaller, PrivateLinkZone } from '../../src/network';
import { PrivateFileStore } from '../../src/storage';
import { newStack, serviceFixture, synth } from '../util';

const ST_RULES = ['PCHAT-ST-001', 'PCHAT-ST-002', 'PCHAT-ST-003', 'PCHAT-ST-004', 'PCHAT-ST-005', 'PCHAT-ST-006', 'PCHAT-ST-007', 'PCHAT-ST-008', 'PCHAT-ST-009'];
const BOTH = ['azurerm_storage_account', 'azapi_resource'];

interface Fixture {
  readonly stack: TerraformStack;
  readonly store: PrivateFileStore;
}

/** A file store as the library builds it, its endpoint called from the app subnet. */
function storeStack(monitored = true): Fixture {
  const { stack, network, dnsZones, monitoring } = serviceFixture(PrivateLinkZone.BLOB);
  const store = new PrivateFileStore(stack, 'Files', {
    resourceGroupName: 'rg-chat', location: 'swedencentral', network, dnsZones, monitoring: monitored ? monitoring : undefined,
  });
  store.privateEndpoint.allowFrom(EndpointCaller.subnet(network.appIntegrationSubnetId!));
  return { stack, store };
}

const stFailures = (stack: TerraformStack): ComplianceFinding[] => failuresOf(stack, ST_RULES);
const found = (stack: TerraformStack) => stFailures(stack).map((x) => [x.ruleId, x.constructPath, x.problem]);

describe('storage account rules', () => {
  test('are in the pack with the checks they stand for', () => {
    const rules = Compliance.rules().filter((r) => ST_RULES.includes(r.id));
    expect(rules.map((r) => [r.id, r.mapsTo, r.resourceTypes])).toEqual([
      ['PCHAT-ST-001', ['CKV_AZURE_59'], ['azapi_resource']],
      ['PCHAT-ST-002', ['CKV_AZURE_35'], BOTH],
      ['PCHAT-ST-003', ['CKV_AZURE_190'], BOTH],
      ['PCHAT-ST-004', ['CKV2_AZURE_40'], BOTH],
      ['PCHAT-ST-005', ['CKV_AZURE_44'], BOTH],
      ['PCHAT-ST-006', ['CKV_AZURE_3'], BOTH],
      ['PCHAT-ST-007', ['CKV2_AZURE_33'], ['azapi_resource']],
      ['PCHAT-ST-008', ['CKV2_AZURE_38'], BOTH],
      ['PCHAT-ST-009', ['SECURITY-BASELINE history stores: diagnostics to the workspace'], BOTH],
    ]);
  });

  test('a PrivateFileStore passes them, and the whole pack, and synthesizes with the pack applied', () => {
    const f = storeStack();
    expect(stFailures(f.stack)).toEqual([]);
    expect(Compliance.report(f.stack).failures).toEqual([]);
    Compliance.applyTo(f.stack);
    expect(() => synth(f.stack)).not.toThrow();
  });

  test('the compliant fixture\'s azurerm_storage_account passes them', () => {
    expect(stFailures(compliantStack().stack)).toEqual([]);
  });

  describe('over the ARM body of a PrivateFileStore', () => {
    const account = (s: PrivateFileStore): TerraformResource => s.resource;
    test.each<[string, string, (s: PrivateFileStore) => void, string]>([
      ['PCHAT-ST-001', 'public network access is Enabled', (s) => account(s).addOverride('body.properties.publicNetworkAccess', 'Enabled'),
        "'body.properties.publicNetworkAccess' must be 'Disabled', got 'Enabled'"],
      ['PCHAT-ST-002', 'the network rules allow by default', (s) => account(s).addOverride('body.properties.networkAcls.defaultAction', 'Allow'),
        "'body.properties.networkAcls.defaultAction' must be 'Deny', got 'Allow'"],
      ['PCHAT-ST-003', 'anonymous blob access is allowed', (s) => account(s).addOverride('body.properties.allowBlobPublicAccess', true),
        "'body.properties.allowBlobPublicAccess' must be false, got true"],
      ['PCHAT-ST-004', 'shared keys are allowed', (s) => account(s).addOverride('body.properties.allowSharedKeyAccess', true),
        "'body.properties.allowSharedKeyAccess' must be false, got true"],
      ['PCHAT-ST-005', 'TLS 1.0 is accepted', (s) => account(s).addOverride('body.properties.minimumTlsVersion', 'TLS1_0'),
        "'body.properties.minimumTlsVersion' must be one of 'TLS1_2', 'TLS1_3', got 'TLS1_0'"],
      ['PCHAT-ST-006', 'plain HTTP is accepted', (s) => account(s).addOverride('body.properties.supportsHttpsTrafficOnly', false),
        "'body.properties.supportsHttpsTrafficOnly' must be true, got false"],
    ])('%s fails when %s', (id, _, breakIt, problem) => {
      const f = storeStack();
      breakIt(f.store);
      expect(found(f.stack)).toEqual([[id, 'test/Files/Resource', problem]]);
      Compliance.applyTo(f.stack);
      const message = synthError(f.stack);
      const rule = Compliance.rules().find((r) => r.id === id)!;
      expect(message).toContain(`breaks ${id} (${rule.title})`);
      expect(message).toContain(problem);
    });

    test('PCHAT-ST-007 fails when the private endpoint connects on another subresource', () => {
      const f = storeStack();
      const pe = f.store.privateEndpoint.resource;
      pe.putPrivateServiceConnection({
        name: 'files-connection', privateConnectionResourceId: f.store.storageAccountId, subresourceNames: ['file'], isManualConnection: false,
      });
      expect(found(f.stack)).toEqual([['PCHAT-ST-007', 'test/Files/Resource',
        "private endpoint 'test/Files/PrivateEndpoint/Resource' connects to subresource [\"file\"], expected 'blob'"]]);
    });

    test('PCHAT-ST-008 fails when blob soft delete is off', () => {
      const f = storeStack();
      f.store.blobService.addOverride('body.properties.deleteRetentionPolicy.enabled', false);
      expect(found(f.stack)).toEqual([['PCHAT-ST-008', 'test/Files/Resource',
        "blob service 'test/Files/BlobService': 'body.properties.deleteRetentionPolicy' must be enabled with 'days' of at least 1, got enabled false and days 7"]]);
    });

    test('PCHAT-ST-008 fails when container soft delete keeps nothing', () => {
      const f = storeStack();
      f.store.blobService.addOverride('body.properties.containerDeleteRetentionPolicy.days', 0);
      expect(found(f.stack)).toEqual([['PCHAT-ST-008', 'test/Files/Resource',
        "blob service 'test/Files/BlobService': 'body.properties.containerDeleteRetentionPolicy' must be enabled with 'days' of at least 1, got enabled true and days 0"]]);
    });

    test('PCHAT-ST-008 fails when nothing sets the blob service', () => {
      const f = storeStack();
      f.store.blobService.addOverride('resource_id', '/subscriptions/x/resourceGroups/y/providers/Microsoft.Storage/storageAccounts/other/blobServices/default');
      const [finding] = stFailures(f.stack);
      expect(finding.ruleId).toBe('PCHAT-ST-008');
      expect(finding.problem).toMatch(/^no azapi_update_resource or azapi_resource of type Microsoft.Storage\/storageAccounts\/blobServices targets it/);
    });

    test('PCHAT-ST-009 fails without monitoring', () => {
      const f = storeStack(false);
      expect(found(f.stack)).toEqual([['PCHAT-ST-009', 'test/Files/Resource',
        "no azurerm_monitor_diagnostic_setting targets its blob service ('<account id>/blobServices/default')"]]);
    });

    test('PCHAT-ST-009 fails when the blob logs leave out deletes', () => {
      const f = storeStack();
      f.store.diagnosticSetting!.putEnabledLog([{ category: 'StorageRead' }, { category: 'StorageWrite' }]);
      expect(found(f.stack)).toEqual([['PCHAT-ST-009', 'test/Files/Resource',
        "diagnostic setting(s) 'test/Files/Diagnostics' do not enable StorageRead, StorageWrite and StorageDelete (or category_group 'allLogs')"]]);
    });

    test('PCHAT-ST-009 accepts a setting that targets the blob service resource, and no setting on another account\'s', () => {
      const f = storeStack();
      const service = f.store.blobService;
      f.store.diagnosticSetting!.targetResourceId = `\${${service.terraformResourceType}.${service.friendlyUniqueId}.id}`;
      expect(stFailures(f.stack)).toEqual([]);
      const g = storeStack();
      g.store.diagnosticSetting!.targetResourceId = '/subscriptions/x/resourceGroups/y/providers/Microsoft.Storage/storageAccounts/other/blobServices/default';
      expect(found(g.stack)).toEqual([['PCHAT-ST-009', 'test/Files/Resource',
        "no azurerm_monitor_diagnostic_setting targets its blob service ('<account id>/blobServices/default')"]]);
    });

    test('an acknowledgement on the store accepts a finding', () => {
      const f = storeStack(false);
      Compliance.acknowledge(f.store, 'PCHAT-ST-009', 'blob logs go to the platform team\'s workspace through Azure Policy');
      expect(stFailures(f.stack)).toEqual([]);
      expect(Compliance.report(f.stack).acknowledged.map((x) => x.ruleId)).toEqual(['PCHAT-ST-009']);
    });
  });

  describe('over an azurerm_storage_account a user brings', () => {
    test.each<[string, string, (s: StorageAccount) => void, string]>([
      ['PCHAT-ST-002', 'the network rules allow by default', (s) => s.putNetworkRules({ defaultAction: 'Allow' }),
        "'network_rules.default_action' must be 'Deny', got 'Allow'"],
      ['PCHAT-ST-003', 'nested items may be public', (s) => { s.allowNestedItemsToBePublic = true; },
        "'allow_nested_items_to_be_public' must be false, got true"],
      ['PCHAT-ST-004', 'shared keys are left to the provider default', (s) => s.resetSharedAccessKeyEnabled(),
        "'shared_access_key_enabled' must be false, got undefined"],
      ['PCHAT-ST-005', 'TLS 1.1 is the minimum', (s) => { s.minTlsVersion = 'TLS1_1'; },
        "'min_tls_version' must be one of 'TLS1_2', 'TLS1_3', got 'TLS1_1'"],
      ['PCHAT-ST-006', 'plain HTTP is accepted', (s) => { s.httpsTrafficOnlyEnabled = false; },
        "'https_traffic_only_enabled' must be true, got false"],
      ['PCHAT-ST-008', 'container soft delete is left out', (s) => s.putBlobProperties({ deleteRetentionPolicy: { days: 7 } }),
        "'blob_properties.container_delete_retention_policy' must be set, got undefined"],
    ])('%s fails when %s', (id, _, breakIt, problem) => {
      const f = compliantStack();
      breakIt(f.storage);
      expect(found(f.stack)).toEqual([[id, 'test/Storage', problem]]);
    });

    test('PCHAT-ST-006 reads the pre-azurerm-4 enable_https_traffic_only when only it is written', () => {
      const f = compliantStack();
      f.storage.resetHttpsTrafficOnlyEnabled();
      f.storage.addOverride('enable_https_traffic_only', false);
      expect(found(f.stack)).toEqual([['PCHAT-ST-006', 'test/Storage', "'enable_https_traffic_only' must be true, got false"]]);
    });

    test('PCHAT-ST-009 fails when the only diagnostic setting is on the account, not its blob service', () => {
      const stack = newStack();
      const account = new StorageAccount(stack, 'Raw', {
        name: 'straw0001', resourceGroupName: 'rg-chat', location: 'swedencentral', accountTier: 'Standard', accountReplicationType: 'LRS',
      });
      const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: 'rg-chat', location: 'swedencentral' });
      monitoring.addDiagnosticSetting(stack, 'AccountDiagnostics', { targetResourceId: account.id, metrics: true, logCategories: [] });
      expect(stFailures(stack).find((x) => x.ruleId === 'PCHAT-ST-009')?.problem)
        .toBe("no azurerm_monitor_diagnostic_setting targets its blob service ('<account id>/blobServices/default')");
    });

    test('a raw account written with defaults fails every rule that reads azurerm_storage_account', () => {
      const stack = newStack();
      new StorageAccount(stack, 'Raw', {
        name: 'straw0001', resourceGroupName: 'rg-chat', location: 'swedencentral', accountTier: 'Standard', accountReplicationType: 'LRS',
      });
      expect(stFailures(stack).map((x) => x.ruleId)).toEqual(['PCHAT-ST-002', 'PCHAT-ST-003', 'PCHAT-ST-004', 'PCHAT-ST-005', 'PCHAT-ST-006', 'PCHAT-ST-008', 'PCHAT-ST-009']);
    });
  });
});
