import { Testing } from 'cdktf';
import { OpenModelsStack } from '../../examples/open-models/main';
import { Compliance } from '../../src/compliance';
import { Conformance } from '../../src/conformance';
import { resourcesOf, synth, warningsOf } from '../util';

describe('examples/open-models', () => {
  const build = () => new OpenModelsStack(Testing.app(), 'open-models');

  test('one private Foundry account with the three Foundry zones on its endpoint', () => {
    const json = JSON.parse(synth(build()));
    const accounts = Object.values(resourcesOf(json, 'azurerm_cognitive_account'));
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({
      kind: 'AIServices',
      project_management_enabled: true,
      public_network_access_enabled: false,
      local_auth_enabled: false,
      network_acls: { default_action: 'Deny' },
      outbound_network_access_restricted: true,
      lifecycle: { prevent_destroy: true },
    });
    const zones = Object.entries(resourcesOf(json, 'azurerm_private_dns_zone')).map(([name, z]: [string, any]) => [z.name, name]);
    const zoneRef = (zone: string) => `\${azurerm_private_dns_zone.${zones.find(([n]) => n === zone)![1]}.id}`;
    const endpoints = Object.values(resourcesOf(json, 'azurerm_private_endpoint'));
    expect(endpoints).toHaveLength(1);
    expect(endpoints[0].private_dns_zone_group.private_dns_zone_ids).toEqual(
      ['privatelink.services.ai.azure.com', 'privatelink.openai.azure.com', 'privatelink.cognitiveservices.azure.com'].map(zoneRef));
  });

  test('deploys an OpenAI model and three open models, each with its format, pinned, serialized and filtered', () => {
    const json = JSON.parse(synth(build()));
    // In creation order: follow the depends_on chain from the one that waits for the content filter.
    const all = Object.entries(resourcesOf(json, 'azurerm_cognitive_deployment')) as [string, any][];
    const deployments: [string, any][] = [all.find(([, d]) => d.depends_on[0].startsWith('azurerm_cognitive_account_rai_policy.'))!];
    while (deployments.length < all.length) {
      const previous = `azurerm_cognitive_deployment.${deployments[deployments.length - 1][0]}`;
      deployments.push(all.find(([, d]) => d.depends_on[0] === previous)!);
    }
    expect(deployments.map(([, d]: [string, any]) => [d.name, d.model.format, d.model.name, d.model.version, d.sku.name])).toEqual([
      ['gpt-5-4', 'OpenAI', 'gpt-5.4', '2026-03-05', 'DataZoneStandard'],
      ['llama-4-maverick', 'Meta', 'Llama-4-Maverick-17B-128E-Instruct-FP8', '1', 'GlobalStandard'],
      ['deepseek-v3-2', 'DeepSeek', 'DeepSeek-V3.2', '1', 'GlobalStandard'],
      ['gpt-oss-120b', 'OpenAI-OSS', 'gpt-oss-120b', '1', 'GlobalStandard'],
    ]);
    const policies = new Set(deployments.map(([, d]: [string, any]) => d.rai_policy_name));
    expect(policies.size).toBe(1);
    for (const [i, [, d]] of deployments.entries()) {
      if (i > 0) expect(d.depends_on).toEqual([`azurerm_cognitive_deployment.${deployments[i - 1][0]}`]);
      expect(d.version_upgrade_option).toBe('NoAutoUpgrade');
    }
  });

  test('grants Azure AI User by role id on the account and on the project, which follows the last deployment', () => {
    const json = JSON.parse(synth(build()));
    const project: any = Object.values(resourcesOf(json, 'azurerm_cognitive_account_project'))[0];
    expect(project).toMatchObject({ name: 'agents', display_name: 'Agents', identity: { type: 'SystemAssigned' } });
    expect(project.depends_on).toEqual([expect.stringMatching(/^azurerm_cognitive_deployment\.Models_gpt-oss-120b_/)]);
    const grants = Object.values(resourcesOf(json, 'azurerm_role_assignment')).map((g: any) => [g.principal_id, g.role_definition_id, g.scope.split('.')[0]]);
    expect(grants).toEqual(expect.arrayContaining([
      ['22222222-3333-4444-5555-666666666666', expect.stringMatching(/\/roleDefinitions\/53ca6127-db72-4b80-b1b0-d745d6d5456d$/), '${azurerm_cognitive_account'],
      ['33333333-4444-5555-6666-777777777777', expect.stringMatching(/\/roleDefinitions\/53ca6127-db72-4b80-b1b0-d745d6d5456d$/), '${azurerm_cognitive_account_project'],
    ]));
    expect(grants).toHaveLength(2);
  });

  test('passes the rule pack (with the Foundry rules checked) and the provider schemas, with no warning', () => {
    const stack = build();
    const report = Compliance.report(stack);
    expect(report.failures).toEqual([]);
    // Only the open models, sold only as GlobalStandard, process outside the EU data zone, by the named opt-in.
    expect(report.acknowledged.map((f) => [f.ruleId, f.constructPath])).toEqual([
      ['PCHAT-DEP-004', 'open-models/Models/llama-4-maverick/Resource'],
      ['PCHAT-DEP-004', 'open-models/Models/deepseek-v3-2/Resource'],
      ['PCHAT-DEP-004', 'open-models/Models/gpt-oss-120b/Resource'],
    ]);
    expect(Conformance.check(stack)).toEqual([]);
    expect(warningsOf(stack)).toEqual([]);
  });

  test('synthesizes the same JSON twice, and matches the snapshot', () => {
    expect(synth(build())).toEqual(synth(build()));
    expect(JSON.parse(synth(build()))).toMatchSnapshot();
  });
});
