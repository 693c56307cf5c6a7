import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { TerraformStack } from 'cdktf';
import { failuresOf, synthError } from './fixture';
import { Compliance, ComplianceFinding } from '../../src/compliance';
import { Monitoring } from '../../src/monitoring';
import { PrivateDnsZones, PrivateLinkZone, PrivateNetwork } from '../../src/network';
import { RegistryMirror } from '../../src/registry';
import { newStack, synth } from '../util';

const ACR_RULES = ['PCHAT-ACR-001', 'PCHAT-ACR-002', 'PCHAT-ACR-003', 'PCHAT-ACR-004'];

interface Fixture {
  readonly stack: TerraformStack;
  readonly mirror: RegistryMirror;
}

/** A registry mirror as the library builds it. */
function mirrorStack(): Fixture {
  const stack = newStack();
  const common = { resourceGroupName: 'rg-chat', location: 'swedencentral' };
  const network = new PrivateNetwork(stack, 'Network', common);
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: 'rg-chat', network, zones: [...PrivateLinkZone.all(), PrivateLinkZone.CONTAINER_REGISTRY] });
  const monitoring = new Monitoring(stack, 'Monitoring', common);
  const mirror = new RegistryMirror(stack, 'Mirror', { ...common, network, dnsZones, monitoring });
  return { stack, mirror };
}

const acrFailures = (stack: TerraformStack): ComplianceFinding[] => failuresOf(stack, ACR_RULES);


describe('container registry rules', () => {
  test('are in the pack with the checks they stand for', () => {
    const rules = Compliance.rules().filter((r) => ACR_RULES.includes(r.id));
    expect(rules.map((r) => [r.id, r.mapsTo, r.resourceTypes])).toEqual([
      ['PCHAT-ACR-001', ['CKV_AZURE_137'], ['azurerm_container_registry']],
      ['PCHAT-ACR-002', ['CKV_AZURE_138'], ['azurerm_container_registry']],
      ['PCHAT-ACR-003', ['AzPol 524b0254'], ['azurerm_container_registry']],
      ['PCHAT-ACR-004', ['CKV_AZURE_237'], ['azurerm_container_registry']],
    ]);
  });

  test('a RegistryMirror passes them, and the whole pack, and synthesizes with the pack applied', () => {
    const f = mirrorStack();
    expect(acrFailures(f.stack)).toEqual([]);
    expect(Compliance.report(f.stack).failures).toEqual([]);
    Compliance.applyTo(f.stack);
    expect(() => synth(f.stack)).not.toThrow();
  });

  test.each<[string, string, (r: ContainerRegistry) => void, string]>([
    ['PCHAT-ACR-001', 'the admin user is on', (r) => { r.adminEnabled = true; }, "'admin_enabled' must be false, got true"],
    ['PCHAT-ACR-001', 'admin_enabled is left to the provider default', (r) => r.resetAdminEnabled(), "'admin_enabled' must be false, got undefined"],
    ['PCHAT-ACR-002', 'anonymous pull is on', (r) => { r.anonymousPullEnabled = true; }, "'anonymous_pull_enabled' must be false, got true"],
    ['PCHAT-ACR-002', 'anonymous_pull_enabled is left out', (r) => r.resetAnonymousPullEnabled(), "'anonymous_pull_enabled' must be false, got undefined"],
    ['PCHAT-ACR-003', 'exports are allowed', (r) => { r.exportPolicyEnabled = true; }, "'export_policy_enabled' must be false, got true"],
    ['PCHAT-ACR-003', 'export_policy_enabled is left to the provider default (true)', (r) => r.resetExportPolicyEnabled(),
      "'export_policy_enabled' must be false, got undefined"],
    ['PCHAT-ACR-004', 'dedicated data endpoints are off', (r) => { r.dataEndpointEnabled = false; }, "'data_endpoint_enabled' must be true, got false"],
  ])('%s fails when %s', (id, _, breakIt, problem) => {
    const f = mirrorStack();
    breakIt(f.mirror.resource);
    expect(acrFailures(f.stack).map((x) => [x.ruleId, x.constructPath, x.problem])).toEqual([[id, 'test/Mirror/Resource', problem]]);
    Compliance.applyTo(f.stack);
    const message = synthError(f.stack);
    const rule = Compliance.rules().find((r) => r.id === id)!;
    expect(message).toContain(`breaks ${id} (${rule.title})`);
    expect(message).toContain(problem);
  });

  test('an acknowledgement on the registry accepts a finding', () => {
    const f = mirrorStack();
    f.mirror.resource.dataEndpointEnabled = false;
    Compliance.acknowledge(f.mirror, 'PCHAT-ACR-004', 'clients allow *.blob.core.windows.net already');
    expect(acrFailures(f.stack)).toEqual([]);
    expect(Compliance.report(f.stack).acknowledged.map((x) => x.ruleId)).toEqual(['PCHAT-ACR-004']);
  });

  test('a registry below Premium is held to the admin and anonymous rules only (public access is PCHAT-ISO-001\'s)', () => {
    const stack = newStack();
    new ContainerRegistry(stack, 'Basic', {
      name: 'crbasic0001', resourceGroupName: 'rg-chat', location: 'swedencentral', sku: 'Basic', adminEnabled: true,
    });
    expect(acrFailures(stack).map((x) => x.ruleId)).toEqual(['PCHAT-ACR-001', 'PCHAT-ACR-002']);
    expect(Compliance.report(stack).failures.map((x) => x.ruleId)).toContain('PCHAT-ISO-001');
  });

  test('a raw Premium registry written like the fixture of the generic PaaS rules fails all four', () => {
    const stack = newStack();
    new ContainerRegistry(stack, 'Registry', {
      name: 'crchat0001', resourceGroupName: 'rg-chat', location: 'swedencentral', sku: 'premium', publicNetworkAccessEnabled: false,
    });
    expect(acrFailures(stack).map((x) => x.ruleId)).toEqual(ACR_RULES);
  });
});
