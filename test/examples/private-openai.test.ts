import { Testing } from 'cdktf';
import { PrivateOpenAiStack } from '../../examples/private-openai/main';
import { resourcesOf, synth } from '../util';

describe('examples/private-openai', () => {
  const build = () => new PrivateOpenAiStack(Testing.app(), 'private-openai');

  test('synthesizes a private, keyless OpenAI account behind one private endpoint', () => {
    const json = JSON.parse(synth(build()));
    const accounts = Object.values(resourcesOf(json, 'azurerm_cognitive_account'));
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({
      kind: 'OpenAI',
      sku_name: 'S0',
      public_network_access_enabled: false,
      local_auth_enabled: false,
      network_acls: { default_action: 'Deny' },
      outbound_network_access_restricted: true,
      fqdns: [],
      identity: { type: 'SystemAssigned' },
      lifecycle: { prevent_destroy: true },
    });
    const endpoints = Object.values(resourcesOf(json, 'azurerm_private_endpoint'));
    expect(endpoints).toHaveLength(1);
    expect(endpoints[0].private_service_connection.subresource_names).toEqual(['account']);
    expect(endpoints[0].private_dns_zone_group.private_dns_zone_ids).toHaveLength(2);
    expect(endpoints[0].depends_on).toEqual([expect.stringMatching(/^time_sleep\./)]);
  });

  test('deploys a chat and an embeddings model one after the other, after the content filter', () => {
    const json = JSON.parse(synth(build()));
    const policies = resourcesOf(json, 'azurerm_cognitive_account_rai_policy');
    const [policyKey] = Object.keys(policies);
    const deployments = resourcesOf(json, 'azurerm_cognitive_deployment');
    const byName = Object.fromEntries(Object.entries(deployments).map(([key, d]: [string, any]) => [d.name, { key, ...d }]));
    expect(Object.keys(byName).sort()).toEqual(['chat', 'embeddings']);
    expect(byName.chat).toMatchObject({
      model: { format: 'OpenAI', name: 'gpt-5.4', version: '2026-03-05' },
      sku: { name: 'DataZoneStandard', capacity: 10 },
      version_upgrade_option: 'NoAutoUpgrade',
      rai_policy_name: policies[policyKey].name,
      depends_on: [`azurerm_cognitive_account_rai_policy.${policyKey}`],
    });
    expect(byName.embeddings).toMatchObject({
      model: { format: 'OpenAI', name: 'text-embedding-3-small', version: '1' },
      sku: { name: 'DataZoneStandard', capacity: 10 },
      rai_policy_name: policies[policyKey].name,
      depends_on: [`azurerm_cognitive_deployment.${byName.chat.key}`],
    });
  });

  test('sends the account logs to the workspace', () => {
    const json = JSON.parse(synth(build()));
    const settings = Object.values(resourcesOf(json, 'azurerm_monitor_diagnostic_setting'));
    expect(settings).toHaveLength(1);
    expect(settings[0].enabled_log.map((l: any) => l.category)).toEqual(['Audit', 'RequestResponse', 'AzureOpenAIRequestUsage']);
  });

  test('synthesizes byte-identical JSON every time', () => {
    expect(synth(build())).toEqual(synth(build()));
  });

  test('matches the snapshot', () => {
    expect(synth(build())).toMatchSnapshot();
  });
});
