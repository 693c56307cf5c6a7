import { Application } from '@cdktf/provider-azuread/lib/application';
import { ApplicationPasswordA as ApplicationPassword } from '@cdktf/provider-azuread/lib/application-password';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { CognitiveAccount } from '@cdktf/provider-azurerm/lib/cognitive-account';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Aspects, IAspect, TerraformResource, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { Conformance, ConformanceViolation } from '../../src/conformance';
import { withoutConformance } from '../conformance-hook';
import { newStack } from '../util';

function vault(stack: TerraformStack, id = 'Vault'): KeyVault {
  return new KeyVault(stack, id, { name: 'kv-chat', location: 'swedencentral', resourceGroupName: 'rg', skuName: 'standard', tenantId: '00000000-0000-0000-0000-000000000000' });
}
function account(stack: TerraformStack): CognitiveAccount {
  // network_acls needs custom_subdomain_name (the provider's RequiredWith, held by ProviderRules).
  return new CognitiveAccount(stack, 'OpenAi', {
    name: 'oai', kind: 'OpenAI', location: 'swedencentral', resourceGroupName: 'rg', skuName: 'S0', customSubdomainName: 'oai', networkAcls: { defaultAction: 'Deny' },
  });
}
function entraStack(): { stack: TerraformStack; app: Application } {
  const stack = newStack();
  new AzureadProvider(stack, 'azuread', {});
  // No tags of its own: cdktf merges an object override into an existing array instead of replacing it.
  const app = new Application(stack, 'App', { displayName: 'chat', web: { implicitGrant: { idTokenIssuanceEnabled: true } } });
  return { stack, app };
}
/** The one violation of a stack; fails the test when there are none or several. */
function onlyViolation(stack: TerraformStack): ConformanceViolation {
  const violations = Conformance.check(stack);
  expect(violations).toHaveLength(1);
  return violations[0];
}

describe('Conformance', () => {
  test('passes a stack written through the typed bindings', () => {
    const stack = newStack();
    new ResourceGroup(stack, 'Rg', { name: 'rg', location: 'swedencentral', tags: { env: 'test' } });
    vault(stack);
    account(stack);
    new DataAzurermClientConfig(stack, 'Client');
    new AzureadProvider(stack, 'azuread', {});
    new Application(stack, 'App', { displayName: 'chat', tags: ['HideApp'], web: { implicitGrant: { idTokenIssuanceEnabled: true } } });
    expect(Conformance.check(stack)).toEqual([]);
  });

  test('fails when an override sets an argument the resource does not have', () => {
    const stack = newStack();
    vault(stack).addOverride('enable_purge_protection', true);
    const v = onlyViolation(stack);
    expect(v.address).toMatch(/^azurerm_key_vault\.Vault/);
    expect(v.attribute).toBe('enable_purge_protection');
    expect(v.message).toMatch(/enable_purge_protection is not an argument of azurerm_key_vault; the schema has attributes .*purge_protection_enabled/);
  });

  test('fails when an override writes a map where azuread_application.tags wants a set of strings', () => {
    const { stack, app } = entraStack();
    app.addOverride('tags', { a: 'b' });
    const v = onlyViolation(stack);
    expect(v.address).toMatch(/^azuread_application\.App/);
    expect(v.attribute).toBe('tags');
    expect(v.message).toMatch(/got a JSON object .*the schema wants a list or set \(JSON array\) of strings/);
  });

  test('fails when an Aspect writes a map into azuread_application.tags (the bug real Terraform caught)', () => {
    const { stack } = entraStack();
    class MapTags implements IAspect {
      visit(node: IConstruct) {
        if (node instanceof Application) node.addOverride('tags', { env: 'prod' });
      }
    }
    Aspects.of(stack).add(new MapTags());
    expect(Conformance.check(stack).map((v) => v.attribute)).toEqual(['tags']);
  });

  test('fails when a string literal is written where a number or a bool is required', () => {
    const stack = newStack();
    const kv = vault(stack);
    kv.addOverride('soft_delete_retention_days', '7');
    kv.addOverride('purge_protection_enabled', 'true');
    const violations = Conformance.check(stack);
    expect(violations.map((v) => [v.attribute, v.message])).toEqual(expect.arrayContaining([
      ['soft_delete_retention_days', expect.stringMatching(/got the string "7"; the schema wants a JSON number/)],
      ['purge_protection_enabled', expect.stringMatching(/got the string "true"; the schema wants a JSON boolean/)],
    ]));
    expect(violations).toHaveLength(2);
  });

  test('fails when a list is written where a string is wanted, or a number inside a list of strings', () => {
    const stack = newStack();
    const oai = account(stack);
    oai.addOverride('location', ['swedencentral']);
    oai.addOverride('fqdns', ['example.com', 42]);
    expect(Conformance.check(stack).map((v) => [v.attribute, v.message])).toEqual([
      ['fqdns[1]', expect.stringMatching(/got the number 42; the schema wants a list or set \(JSON array\) of strings/)],
      ['location', expect.stringMatching(/got a JSON array .*; the schema wants a required string/)],
    ]);
  });

  test('fails when a max-1 block gets two items', () => {
    const stack = newStack();
    account(stack).addOverride('network_acls', [{ default_action: 'Deny' }, { default_action: 'Allow' }]);
    const v = onlyViolation(stack);
    expect(v.attribute).toBe('network_acls');
    expect(v.message).toMatch(/takes at most one item, got 2/);
  });

  test('fails when a required attribute is removed, and names it with its path inside a block', () => {
    const stack = newStack();
    const oai = account(stack);
    oai.addOverride('sku_name', undefined);
    oai.addOverride('network_acls.default_action', undefined);
    expect(Conformance.check(stack).map((v) => [v.attribute, v.message])).toEqual([
      ['network_acls.default_action', expect.stringMatching(/is required by block 'network_acls' of azurerm_cognitive_account/)],
      ['sku_name', expect.stringMatching(/is required by azurerm_cognitive_account \(a required string\) but is missing/)],
    ]);
  });

  test('fails on a wrong kind deep inside nested blocks, with the JSON path', () => {
    const { stack, app } = entraStack();
    app.addOverride('web', [{ implicit_grant: [{ id_token_issuance_enabled: 'yes' }] }]);
    const v = onlyViolation(stack);
    expect(v.attribute).toBe('web[0].implicit_grant[0].id_token_issuance_enabled');
    expect(v.message).toMatch(/got the string "yes"; the schema wants a JSON boolean/);
  });

  test('fails when a block is given a scalar', () => {
    const stack = newStack();
    account(stack).addOverride('identity', 'SystemAssigned');
    expect(onlyViolation(stack).message).toMatch(/identity is a nested block and must be a JSON object or an array of objects/);
  });

  test.each([
    ['azuread_application_password.end_date_relative', (stack: TerraformStack) => {
      new AzureadProvider(stack, 'azuread', {});
      new ApplicationPassword(stack, 'Password', { applicationId: '/applications/x', endDateRelative: '4320h' });
    }, 'end_date_relative', /deprecated: use end_date/],
    ['azurerm_key_vault.enable_rbac_authorization', (stack: TerraformStack) => {
      vault(stack).addOverride('enable_rbac_authorization', true);
    }, 'enable_rbac_authorization', /deprecated: use rbac_authorization_enabled/],
    ['azurerm_key_vault.contact', (stack: TerraformStack) => {
      vault(stack).addOverride('contact', [{ email: 'a@example.com' }]);
    }, 'contact', /deprecated: use the azurerm_key_vault_certificate_contacts resource/],
    ['azurerm_monitor_diagnostic_setting.metric and enabled_log.retention_policy', (stack: TerraformStack) => {
      const setting = new MonitorDiagnosticSetting(stack, 'Diag', { name: 'd', targetResourceId: 'x', logAnalyticsWorkspaceId: 'w', enabledLog: [{ categoryGroup: 'allLogs' }] });
      setting.addOverride('enabled_log.0.retention_policy', { enabled: false });
    }, 'enabled_log[0].retention_policy', /deprecated: use an azurerm_storage_management_policy/],
  ])('fails when a deprecated argument is set: %s', (_, build, attribute, message) => {
    const stack = newStack();
    build(stack);
    const v = onlyViolation(stack);
    expect(v.attribute).toBe(attribute);
    expect(v.message).toMatch(message);
  });

  test('accepts Terraform expressions for any kind: a token may be a number, a bool, a list or a map', () => {
    const stack = newStack();
    const days = new TerraformVariable(stack, 'days', { type: 'number' });
    const tags = new TerraformVariable(stack, 'tags', { type: 'map(string)' });
    const kv = vault(stack);
    kv.addOverride('soft_delete_retention_days', days.stringValue);
    kv.addOverride('purge_protection_enabled', '${var.enabled}');
    kv.addOverride('tags', tags.stringValue);
    kv.addOverride('network_acls', { default_action: 'Deny', bypass: 'None', ip_rules: '${var.ips}' });
    const { app } = { app: new Application(stack, 'App', { displayName: 'x', tags: ['${var.tag}'] }) };
    app.addOverride('web', { implicit_grant: { id_token_issuance_enabled: '${var.id_tokens}' } });
    new AzureadProvider(stack, 'azuread', {});
    expect(Conformance.check(stack)).toEqual([]);
  });

  test('accepts meta-arguments, dynamic blocks of known blocks and null values; fails a dynamic block of an unknown one', () => {
    const stack = newStack();
    const rg = new ResourceGroup(stack, 'Rg', { name: 'rg', location: 'swedencentral', lifecycle: { preventDestroy: true } });
    const kv = vault(stack);
    kv.addOverride('depends_on', [`azurerm_resource_group.${rg.friendlyUniqueId}`]);
    kv.addOverride('count', 1);
    kv.addOverride('tags', null);
    kv.addOverride('dynamic.access_policy', { for_each: '${var.policies}', content: { tenant_id: '${access_policy.value.t}', object_id: 'o' } });
    expect(Conformance.check(stack)).toEqual([]);
    kv.addOverride('dynamic.access_policies', { for_each: '${var.policies}', content: {} });
    expect(Conformance.check(stack).map((v) => v.attribute)).toEqual(['dynamic.access_policies']);
  });

  test('checks data sources and provider blocks too', () => {
    const stack = newStack();
    new DataAzurermClientConfig(stack, 'Client').addOverride('tenant', 'x');
    new AzureadProvider(stack, 'azuread', { tenantId: 't' }).addOverride('use_msi', 'yes');
    expect(Conformance.check(stack).map((v) => [v.address, v.attribute])).toEqual([
      [expect.stringMatching(/^data\.azurerm_client_config\.Client/), 'tenant'],
      ['provider.azuread', 'use_msi'],
    ]);
  });

  test('fails a resource type the provider does not have; skips providers without a prebuilt package', () => {
    const stack = newStack();
    new TerraformResource(stack, 'Bogus', { terraformResourceType: 'azurerm_chat_bot' });
    new TerraformResource(stack, 'Random', { terraformResourceType: 'random_string' }).addOverride('anything', { goes: 1 });
    const v = onlyViolation(stack);
    expect(v.address).toMatch(/^azurerm_chat_bot\./);
    expect(v.attribute).toBe('');
    expect(v.message).toMatch(/azurerm_chat_bot is not a resource type of the azurerm provider 4\.\d+/);
  });

  test('checkSynthesized holds the JSON of Testing.synth, and reports JSON that does not parse', () => {
    const { stack, app } = entraStack();
    app.addOverride('tags', { a: 'b' });
    const json = withoutConformance(() => Testing.synth(stack));
    expect(Conformance.checkSynthesized(json)).toEqual(Conformance.check(stack));
    expect(Conformance.checkSynthesized('{')[0].message).toMatch(/not valid JSON/);
  });

  test('assertConformant throws one error that lists every violation', () => {
    const stack = newStack();
    const kv = vault(stack);
    kv.addOverride('soft_delete_retention_days', '7');
    kv.addOverride('sku', 'standard');
    expect(() => Conformance.assertConformant(stack)).toThrow(/test breaks its provider schemas in 2 place\(s\):\n {2}- azurerm_key_vault\.Vault: soft_delete_retention_days got the string "7".*\n {2}- azurerm_key_vault\.Vault: sku is not an argument/);
    expect(() => Conformance.assertConformant(newStack())).not.toThrow();
  });
});

describe('the conformance hook of the test suite (test/setup.ts)', () => {
  test('fails Testing.synth and Testing.synthScope on a non-conformant stack, unless the test opts out', () => {
    const { stack, app } = entraStack();
    app.addOverride('tags', { a: 'b' });
    expect(() => Testing.synth(stack)).toThrow(/azuread_application\.App: tags got a JSON object/);
    expect(() => Testing.synthScope((scope) => {
      new CognitiveAccount(scope, 'Oai', { name: 'o', kind: 'OpenAI', location: 'l', resourceGroupName: 'rg', skuName: 'S0' }).addOverride('kind', 1);
    })).toThrow(/kind got the number 1/);
    expect(() => withoutConformance(() => Testing.synth(stack))).not.toThrow();
  });
});
