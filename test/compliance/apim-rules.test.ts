import { ApiManagement } from '@cdktf/provider-azurerm/lib/api-management';
import { ApiManagementBackend } from '@cdktf/provider-azurerm/lib/api-management-backend';
import { TerraformStack } from 'cdktf';
import { failuresOf, synthError } from './fixture';
import { Compliance, ComplianceFinding } from '../../src/compliance';
import { AiGateway } from '../../src/gateway';
import { buildGateway } from '../gateway/fixture';
import { newStack, synth } from '../util';

const APIM_RULES = ['PCHAT-APIM-001', 'PCHAT-APIM-002', 'PCHAT-APIM-003', 'PCHAT-APIM-004', 'PCHAT-APIM-005', 'PCHAT-APIM-006'];

const apimFailures = (stack: TerraformStack): ComplianceFinding[] => failuresOf(stack, APIM_RULES);


function gateway(): { stack: TerraformStack; gateway: AiGateway } {
  const { f, gateway: g } = buildGateway();
  return { stack: f.stack, gateway: g };
}

/** A bare Standard v2 service written by hand, with none of the gateway's settings. */
function rawApim(stack: TerraformStack, extra: Partial<ConstructorParameters<typeof ApiManagement>[2]> = {}): ApiManagement {
  return new ApiManagement(stack, 'Apim', {
    name: 'apim-raw',
    resourceGroupName: 'rg-chat',
    location: 'swedencentral',
    publisherEmail: 'a@contoso.com',
    publisherName: 'x',
    skuName: 'StandardV2_1',
    ...extra,
  });
}

describe('API Management rules', () => {
  test('are in the pack with the checks they stand for', () => {
    const rules = Compliance.rules().filter((r) => APIM_RULES.includes(r.id));
    expect(rules.map((r) => [r.id, r.mapsTo, r.resourceTypes])).toEqual([
      ['PCHAT-APIM-001', ['CKV_AZURE_174'], ['azurerm_api_management']],
      ['PCHAT-APIM-002', ['SECURITY-BASELINE AI gateway'], ['azurerm_api_management']],
      ['PCHAT-APIM-003', ['CKV_AZURE_107'], ['azurerm_api_management']],
      ['PCHAT-APIM-004', ['CKV_AZURE_173'], ['azurerm_api_management']],
      ['PCHAT-APIM-005', ['SECURITY-BASELINE AI gateway'], ['azurerm_api_management']],
      ['PCHAT-APIM-006', ['CKV_AZURE_215'], ['azurerm_api_management_backend']],
    ]);
  });

  test('an AiGateway passes them and the whole pack, and synthesizes with the pack applied', () => {
    const { stack } = gateway();
    expect(Compliance.report(stack).failures).toEqual([]);
    Compliance.applyTo(stack);
    expect(() => synth(stack)).not.toThrow();
  });

  test('a raw service with public access on and nothing else fails all five service rules', () => {
    const stack = newStack();
    rawApim(stack, { publicNetworkAccessEnabled: true });
    expect(apimFailures(stack).map((x) => x.ruleId)).toEqual(APIM_RULES.slice(0, 5));
  });

  test('a raw service in internal VNet mode with public access off, an identity and the security block passes', () => {
    const stack = newStack();
    rawApim(stack, {
      publicNetworkAccessEnabled: false,
      identity: { type: 'SystemAssigned' },
      virtualNetworkType: 'Internal',
      virtualNetworkConfiguration: { subnetId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s' },
      security: {
        frontendSsl30Enabled: false,
        frontendTls10Enabled: false,
        frontendTls11Enabled: false,
        backendSsl30Enabled: false,
        backendTls10Enabled: false,
        backendTls11Enabled: false,
      },
    });
    // Internal mode counts as private inbound.
    expect(apimFailures(stack)).toEqual([]);
  });

  test.each<[string, string, (g: AiGateway) => void, string]>([
    ['PCHAT-APIM-001', 'ignore_changes no longer lists public_network_access_enabled',
      (g) => { g.resource.lifecycle = { preventDestroy: false }; },
      "'public_network_access_enabled' must be false, got true, and no azapi_update_resource disables it after a private endpoint (see the fix)"],
    ['PCHAT-APIM-001', 'the PATCH sets Enabled',
      (g) => g.publicNetworkAccessUpdate.addOverride('body.properties.publicNetworkAccess', 'Enabled'),
      "'public_network_access_enabled' must be false, got true, and no azapi_update_resource disables it after a private endpoint (see the fix)"],
    ['PCHAT-APIM-001', 'the PATCH does not wait for the private endpoint',
      (g) => { g.publicNetworkAccessUpdate.dependsOn = []; },
      "'public_network_access_enabled' must be false, got true, and no azapi_update_resource disables it after a private endpoint (see the fix)"],
    ['PCHAT-APIM-003', 'the integration subnet is removed',
      (g) => g.resource.addOverride('virtual_network_configuration', undefined),
      "'virtual_network_configuration.subnet_id' must be set, got undefined"],
    ['PCHAT-APIM-004', 'TLS 1.0 is on towards clients',
      (g) => g.resource.addOverride('security.frontend_tls10_enabled', true),
      "'security.frontend_tls10_enabled' must be false, got true"],
    ['PCHAT-APIM-005', 'the identity is removed',
      (g) => g.resource.addOverride('identity', undefined),
      "'identity' must declare a managed identity (SystemAssigned or UserAssigned), got undefined"],
  ])('%s fails when %s', (id, _, breakIt, problem) => {
    const { stack, gateway: g } = gateway();
    breakIt(g);
    expect(apimFailures(stack).map((x) => [x.ruleId, x.constructPath, x.problem])).toEqual([[id, 'test/Gateway/Resource', problem]]);
    Compliance.applyTo(stack);
    const message = synthError(stack);
    const rule = Compliance.rules().find((r) => r.id === id)!;
    expect(message).toContain(`breaks ${id} (${rule.title})`);
    expect(message).toContain(problem);
  });

  test('PCHAT-APIM-002 fails when the private endpoint connects to another subresource', () => {
    const { stack, gateway: g } = gateway();
    g.privateEndpoint.resource.putPrivateServiceConnection({
      name: 'pe', privateConnectionResourceId: g.gatewayId, subresourceNames: ['Management'], isManualConnection: false,
    });
    const found = apimFailures(stack).filter((x) => x.ruleId === 'PCHAT-APIM-002');
    expect(found.map((x) => x.problem)).toEqual([expect.stringContaining("connects to subresource [\"Management\"], expected 'Gateway'")]);
  });

  test('PCHAT-APIM-002 fails when there is no private endpoint and the VNet mode is External', () => {
    const stack = newStack();
    rawApim(stack, { virtualNetworkType: 'External' });
    const found = apimFailures(stack).filter((x) => x.ruleId === 'PCHAT-APIM-002');
    expect(found.map((x) => x.problem)).toEqual([expect.stringContaining('no azurerm_private_endpoint connects to it')]);
  });

  test('PCHAT-APIM-006 fails for a plain-HTTP backend and passes for an account endpoint expression', () => {
    const { stack, gateway: g } = gateway();
    g.backends[0].url = 'http://10.0.0.4/openai';
    expect(apimFailures(stack).map((x) => [x.ruleId, x.problem])).toEqual([['PCHAT-APIM-006', "'url' must start with https://, got 'http://10.0.0.4/openai'"]]);
    g.backends[0].url = '${azurerm_cognitive_account.x.endpoint}openai';
    expect(apimFailures(stack)).toEqual([]);
    g.backends[0].url = '${trimsuffix(azurerm_cognitive_account.x.endpoint, "/")}/openai';
    expect(apimFailures(stack)).toEqual([]);
    g.backends[0].url = '${trimsuffix(var.endpoint, "/")}/openai';
    expect(apimFailures(stack).map((x) => x.problem)).toEqual([expect.stringContaining('a Terraform expression that cannot be proven at synth')]);
    const other = newStack();
    new ApiManagementBackend(other, 'B', { name: 'b', apiManagementName: 'a', resourceGroupName: 'rg', protocol: 'http', url: '${var.url}' });
    expect(apimFailures(other).map((x) => x.problem)).toEqual([expect.stringContaining('a Terraform expression that cannot be proven at synth')]);
  });

  test('an acknowledgement on the gateway accepts a finding', () => {
    const { stack, gateway: g } = gateway();
    g.resource.addOverride('security.frontend_tls11_enabled', true);
    Compliance.acknowledge(g, 'PCHAT-APIM-004', 'a legacy client needs TLS 1.1 for a month');
    expect(apimFailures(stack)).toEqual([]);
  });
});
