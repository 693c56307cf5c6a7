import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { ApiManagementApiDiagnostic } from '@cdktf/provider-azurerm/lib/api-management-api-diagnostic';
import { Testing } from 'cdktf';
import { exampleNames, instantiateExample } from '../../scripts/addresses';
import { Conformance, ConformanceViolation, ProviderRuleKind, ProviderRules } from '../../src/conformance';
import { PREDICATES } from '../../src/conformance/private/provider-rule-predicates';
import { AiGateway } from '../../src/gateway';
import { withoutConformance } from '../conformance-hook';
import { gatewayFixture } from '../gateway/fixture';
import { newStack } from '../util';

const ROOT = resolve(__dirname, '..', '..');
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg';

/** The provider-rule violations of one resource body (schema violations left out). */
function ruleViolations(type: string, body: Record<string, unknown>, dataSource = false): ConformanceViolation[] {
  const section = dataSource ? 'data' : 'resource';
  const config = { [section]: { [type]: { this: body } } };
  return Conformance.checkSynthesized(JSON.stringify(config)).filter((v) => v.message.includes('refuses this at plan time'));
}

/** The provider's own text inside a violation message. */
function providerText(violation: ConformanceViolation): string {
  const match = /refuses this at plan time: (.*) \(provider rule [^ ]+, https:\/\/github\.com\/[^)]+\)$/.exec(violation.message);
  if (!match) throw new Error(`not a provider-rule violation: ${violation.message}`);
  return match[1];
}

function onlyRuleViolation(type: string, body: Record<string, unknown>): ConformanceViolation {
  const found = ruleViolations(type, body);
  expect(found).toHaveLength(1);
  return found[0];
}

const DIAGNOSTIC = {
  api_management_logger_id: '${azurerm_api_management.gw.id}/loggers/azuremonitor',
  api_management_name: '${azurerm_api_management.gw.name}',
  api_name: '${azurerm_api_management_api.api.name}',
  resource_group_name: 'rg',
};

describe('the gateway diagnostic that failed every plan (issue 21)', () => {
  test('fails on the old configuration: an azurerm_api_management_api_diagnostic with identifier azuremonitor, as the gateway had it', () => {
    const stack = newStack();
    new ApiManagementApiDiagnostic(stack, 'ApiDiagnostic', {
      identifier: 'azuremonitor',
      apiManagementName: 'apim-chat',
      resourceGroupName: 'rg',
      apiName: 'openai',
      apiManagementLoggerId: `${SUB}/providers/Microsoft.ApiManagement/service/apim-chat/loggers/azuremonitor`,
      samplingPercentage: 100,
      alwaysLogErrors: true,
      logClientIp: false,
      verbosity: 'information',
      frontendRequest: { headersToLog: ['X-OpenWebUI-User-Email'], bodyBytes: 0 },
    });
    const violations = withoutConformance(() => Conformance.check(stack));
    expect(violations).toHaveLength(1);
    expect(violations[0].attribute).toBe('operation_name_format');
    expect(providerText(violations[0])).toBe('`operation_name_format` cannot be set when `identifier` is not `applicationinsights`');
    expect(violations[0].message).toContain(
      'https://github.com/hashicorp/terraform-provider-azurerm/blob/v4.55.0/internal/services/apimanagement/api_management_api_diagnostic_resource.go#L117-L135');
  });

  test('passes on the new configuration: the gateway writes the azuremonitor diagnostic with azapi', () => {
    const f = gatewayFixture();
    new AiGateway(f.stack, 'Gateway', { ...f.props, monitoring: f.monitoring });
    const json = JSON.parse(Testing.synth(f.stack));
    expect(json.resource.azurerm_api_management_api_diagnostic).toBeUndefined();
    expect(Object.values(json.resource.azapi_resource).map((r: any) => r.name)).toContain('azuremonitor');
    expect(Conformance.check(f.stack)).toEqual([]);
  });

  test('the schema default counts as set: no value written still trips the rule; applicationinsights passes; an unknown value passes', () => {
    expect(ruleViolations('azurerm_api_management_api_diagnostic', { ...DIAGNOSTIC, identifier: 'azuremonitor' })).toHaveLength(1);
    expect(ruleViolations('azurerm_api_management_api_diagnostic', { ...DIAGNOSTIC, identifier: 'azuremonitor', operation_name_format: 'Url' })).toHaveLength(1);
    expect(ruleViolations('azurerm_api_management_api_diagnostic', { ...DIAGNOSTIC, identifier: 'applicationinsights' })).toEqual([]);
    expect(ruleViolations('azurerm_api_management_api_diagnostic', { ...DIAGNOSTIC, identifier: 'applicationinsights', operation_name_format: 'Url' })).toEqual([]);
    expect(ruleViolations('azurerm_api_management_api_diagnostic', { ...DIAGNOSTIC, identifier: 'azuremonitor', operation_name_format: '${var.format}' })).toEqual([]);
  });

  test('"" is no way out: the attribute\'s enum refuses it', () => {
    const v = onlyRuleViolation('azurerm_api_management_api_diagnostic', { ...DIAGNOSTIC, identifier: 'azuremonitor', operation_name_format: '' });
    expect(providerText(v)).toBe('expected operation_name_format to be one of ["Name" "Url"], got ');
  });
});

describe('provider rules, one kind at a time', () => {
  const ROLE = { scope: '${azurerm_key_vault.kv.id}', principal_id: '${azurerm_user_assigned_identity.id.principal_id}' };

  test('conflicts: passes with one of the pair, fails with both, skips an expression', () => {
    const vault = { name: 'kv-chat', location: 'swedencentral', resource_group_name: 'rg', sku_name: 'standard', tenant_id: '00000000-0000-0000-0000-000000000000' };
    expect(ruleViolations('azurerm_key_vault', { ...vault, rbac_authorization_enabled: true })).toEqual([]);
    const v = ruleViolations('azurerm_key_vault', { ...vault, rbac_authorization_enabled: true, enable_rbac_authorization: true });
    expect(v.map(providerText)).toEqual([
      '"rbac_authorization_enabled": conflicts with enable_rbac_authorization',
      '"enable_rbac_authorization": conflicts with rbac_authorization_enabled',
    ]);
    // The SDK checks an attribute's conflicts only when its own value is known, and does not count an unknown other.
    expect(ruleViolations('azurerm_key_vault', { ...vault, rbac_authorization_enabled: true, enable_rbac_authorization: '${var.rbac}' })).toEqual([]);
  });

  test('exactlyOneOf: one passes; both or none fail with the SDK\'s two messages; an expression may be the one', () => {
    expect(ruleViolations('azurerm_role_assignment', { ...ROLE, role_definition_name: 'Key Vault Secrets User' })).toEqual([]);
    expect(providerText(onlyRuleViolation('azurerm_role_assignment', { ...ROLE, role_definition_name: 'Reader', role_definition_id: '/x' })))
      .toBe('"role_definition_name": only one of `role_definition_id,role_definition_name` can be specified, but `role_definition_id,role_definition_name` were specified.');
    expect(providerText(onlyRuleViolation('azurerm_role_assignment', ROLE)))
      .toBe('"role_definition_id": one of `role_definition_id,role_definition_name` must be specified');
    expect(ruleViolations('azurerm_role_assignment', { ...ROLE, role_definition_id: '${data.azurerm_role_definition.r.id}' })).toEqual([]);
  });

  test('exactlyOneOf inside a nested block: the web app\'s one application stack', () => {
    const app = (stack: Record<string, unknown>) => ({ site_config: [{ application_stack: [stack] }] });
    expect(ruleViolations('azurerm_linux_web_app', app({ docker_image_name: 'open-webui/open-webui:v1' }))).toEqual([]);
    const v = onlyRuleViolation('azurerm_linux_web_app', app({ docker_image_name: 'open-webui/open-webui:v1', python_version: '3.12' }));
    expect(v.attribute).toBe('site_config[0].application_stack[0].python_version');
    expect(providerText(v)).toContain('but `site_config.0.application_stack.0.docker_image_name,site_config.0.application_stack.0.python_version` were specified.');
  });

  test('atLeastOneOf: a diagnostic setting needs a destination', () => {
    const setting = { name: 'to-log-analytics', target_resource_id: '${azurerm_key_vault.kv.id}', enabled_log: [{ category_group: 'audit' }] };
    expect(ruleViolations('azurerm_monitor_diagnostic_setting', { ...setting, log_analytics_workspace_id: '${azurerm_log_analytics_workspace.w.id}' })).toEqual([]);
    expect(providerText(onlyRuleViolation('azurerm_monitor_diagnostic_setting', setting)))
      .toBe('"eventhub_authorization_rule_id": one of `eventhub_authorization_rule_id,log_analytics_workspace_id,partner_solution_id,storage_account_id` must be specified');
  });

  test('requiredWith: a health check path needs its eviction time, and the other way round', () => {
    expect(ruleViolations('azurerm_linux_web_app', { site_config: [{ health_check_path: '/health', health_check_eviction_time_in_min: 5 }] })).toEqual([]);
    const v = onlyRuleViolation('azurerm_linux_web_app', { site_config: [{ health_check_path: '/health' }] });
    expect(v.attribute).toBe('site_config[0].health_check_path');
    expect(providerText(v)).toBe('"site_config.0.health_check_path": all of `site_config.0.health_check_eviction_time_in_min,site_config.0.health_check_path` must be specified');
  });

  test('requiredWith reaching a top-level attribute from a block: a customer-managed key needs the identity block', () => {
    const server = { customer_managed_key: [{ key_vault_key_id: '${azurerm_key_vault_key.k.versionless_id}', primary_user_assigned_identity_id: '${azurerm_user_assigned_identity.i.id}' }] };
    expect(ruleViolations('azurerm_postgresql_flexible_server', { ...server, identity: [{ type: 'UserAssigned', identity_ids: ['${azurerm_user_assigned_identity.i.id}'] }] })).toEqual([]);
    expect(providerText(onlyRuleViolation('azurerm_postgresql_flexible_server', server)))
      .toBe('"customer_managed_key.0.key_vault_key_id": all of `customer_managed_key.0.key_vault_key_id,customer_managed_key.0.primary_user_assigned_identity_id,identity` must be specified');
  });

  test('oneOf: an enum, case-sensitive, element by element for a list', () => {
    const deployment = { name: 'chat', cognitive_account_id: '${azurerm_cognitive_account.a.id}', model: [{ format: 'OpenAI', name: 'gpt-5.4-mini', version: '2026-03-17' }], sku: [{ name: 'DataZoneStandard', capacity: 10 }] };
    expect(ruleViolations('azurerm_cognitive_deployment', { ...deployment, version_upgrade_option: 'NoAutoUpgrade' })).toEqual([]);
    expect(providerText(onlyRuleViolation('azurerm_cognitive_deployment', { ...deployment, version_upgrade_option: 'noautoupgrade' })))
      .toBe('expected version_upgrade_option to be one of ["OnceCurrentVersionExpired" "OnceNewDefaultVersionAvailable" "NoAutoUpgrade"], got noautoupgrade');
    const v = onlyRuleViolation('azurerm_key_vault_key', { key_opts: ['wrapKey', 'unwrap'] });
    expect(v.attribute).toBe('key_opts[1]');
    expect(providerText(v)).toContain('expected key_opts.1 to be one of');
  });

  test('oneOf on numbers (IntInSlice): PostgreSQL storage sizes', () => {
    expect(ruleViolations('azurerm_postgresql_flexible_server', { storage_mb: 32768 })).toEqual([]);
    expect(providerText(onlyRuleViolation('azurerm_postgresql_flexible_server', { storage_mb: 30000 })))
      .toBe('expected storage_mb to be one of [32768 65536 131072 262144 524288 1048576 2097152 4193280 4194304 8388608 16777216 33553408], got 30000');
  });

  test('pattern: an API Management SKU, and a PostgreSQL SKU', () => {
    expect(ruleViolations('azurerm_api_management', { sku_name: 'StandardV2_1' })).toEqual([]);
    expect(providerText(onlyRuleViolation('azurerm_api_management', { sku_name: 'StandardV2_0' })))
      .toBe('invalid value for sku_name (This is not a valid Api Management sku name.)');
    expect(ruleViolations('azurerm_postgresql_flexible_server', { sku_name: 'B_Standard_B2s' })).toEqual([]);
    expect(providerText(onlyRuleViolation('azurerm_postgresql_flexible_server', { sku_name: 'B_Standard_B2' })))
      .toBe('"sku_name" is not a valid sku name, got B_Standard_B2');
  });

  test('pattern (not empty): a deployment without a content filter name is refused, an absent one is not', () => {
    expect(ruleViolations('azurerm_cognitive_deployment', {})).toEqual([]);
    expect(providerText(onlyRuleViolation('azurerm_cognitive_deployment', { rai_policy_name: '' })))
      .toBe('expected "rai_policy_name" to not be an empty string, got ');
  });

  test('range: NSG rule priorities, reported at the rule\'s index', () => {
    const rule = { name: 'r', access: 'Allow', direction: 'Inbound', protocol: 'Tcp' };
    expect(ruleViolations('azurerm_network_security_group', { security_rule: [{ ...rule, priority: 100 }, { ...rule, priority: 4096 }] })).toEqual([]);
    const v = onlyRuleViolation('azurerm_network_security_group', { security_rule: [{ ...rule, priority: 100 }, { ...rule, priority: 99 }] });
    expect(v.attribute).toBe('security_rule[1].priority');
    expect(providerText(v)).toBe('expected security_rule.1.priority to be in the range (100 - 4096), got 99');
  });

  test('range with a lower bound only: deployment capacity', () => {
    expect(providerText(onlyRuleViolation('azurerm_cognitive_deployment', { sku: [{ name: 'GlobalStandard', capacity: 0 }] })))
      .toBe('expected sku.0.capacity to be at least (1), got 0');
  });

  test('length: a private endpoint request message', () => {
    const connection = (message: string) => ({ private_service_connection: [{ name: 'c', is_manual_connection: true, private_connection_resource_id: '/x', request_message: message }] });
    expect(ruleViolations('azurerm_private_endpoint', connection('please approve'))).toEqual([]);
    expect(providerText(onlyRuleViolation('azurerm_private_endpoint', connection('x'.repeat(141)))))
      .toBe(`expected length of private_service_connection.0.request_message to be in the range (1 - 140), got ${'x'.repeat(141)}`);
  });

  test('customizeDiff: a Foundry project needs kind AIServices and an identity', () => {
    const account = { kind: 'AIServices', project_management_enabled: true, identity: [{ type: 'SystemAssigned' }] };
    expect(ruleViolations('azurerm_cognitive_account', account)).toEqual([]);
    expect(ruleViolations('azurerm_cognitive_account', { kind: 'OpenAI' })).toEqual([]);
    expect(ruleViolations('azurerm_cognitive_account', { ...account, kind: 'OpenAI' }).map(providerText))
      .toEqual(['`project_management_enabled` can only be set to `true` when `kind` is set to `AIServices`']);
    expect(ruleViolations('azurerm_cognitive_account', { ...account, identity: undefined }).map(providerText))
      .toEqual(['for `project_management_enabled` to be set to `true`, a managed identity must be assigned. Please configure the `identity` block']);
  });

  test('customizeDiff with defaults: a registry with export off needs Premium and public access off (public access defaults to on)', () => {
    const registry = { sku: 'Premium', export_policy_enabled: false, public_network_access_enabled: false };
    expect(ruleViolations('azurerm_container_registry', registry)).toEqual([]);
    expect(ruleViolations('azurerm_container_registry', { sku: 'Basic' })).toEqual([]);
    expect(providerText(onlyRuleViolation('azurerm_container_registry', { ...registry, public_network_access_enabled: undefined })))
      .toBe('to disable export of artifacts, `public_network_access_enabled` must also be `false`');
    expect(providerText(onlyRuleViolation('azurerm_container_registry', { ...registry, sku: 'Standard' })))
      .toBe('an ACR export policy can only be disabled when using the Premium Sku. If you are downgrading from a Premium SKU please unset `export_policy_enabled` or set `export_policy_enabled = true`');
  });

  test('customizeDiff: zone balancing only on SKUs that have it', () => {
    expect(ruleViolations('azurerm_service_plan', { sku_name: 'P0v3', zone_balancing_enabled: true })).toEqual([]);
    expect(providerText(onlyRuleViolation('azurerm_service_plan', { sku_name: 'B1', zone_balancing_enabled: true })))
      .toBe('`zone_balancing_enabled` cannot be set to `true` when sku tier is `B1`');
  });

  test('customizeDiff: an API operation\'s template parameters', () => {
    expect(ruleViolations('azurerm_api_management_api_operation', { url_template: '/*' })).toEqual([]);
    expect(ruleViolations('azurerm_api_management_api_operation', { url_template: '/deployments/{id}', template_parameter: [{ name: 'id', required: true, type: 'string' }] })).toEqual([]);
    expect(providerText(onlyRuleViolation('azurerm_api_management_api_operation', { url_template: '/deployments/{id}' })))
      .toBe('template parameter `id` used in `url_template` is not defined in `template_parameter`');
  });
});

describe('azapi, time, azuread and the built-in provider', () => {
  const VAULT = `${SUB}/providers/Microsoft.KeyVault/vaults/kv-chat`;

  test('azapi_update_resource: resource_id, or name with parent_id, never both', () => {
    const update = { type: 'Microsoft.KeyVault/vaults@2023-07-01', body: { properties: {} } };
    expect(ruleViolations('azapi_update_resource', { ...update, resource_id: VAULT })).toEqual([]);
    expect(ruleViolations('azapi_update_resource', { ...update, name: 'kv-chat', parent_id: `${SUB}` })).toEqual([]);
    expect(providerText(onlyRuleViolation('azapi_update_resource', { ...update, resource_id: VAULT, name: 'kv-chat', parent_id: SUB })))
      .toBe('Only one of the arguments "name" or "resource_id" can be set');
    expect(providerText(onlyRuleViolation('azapi_update_resource', update))).toBe('One of the arguments "name" or "resource_id" must be set');
  });

  test('azapi_resource: a Key Vault secret\'s parent is a vault; body is an object; type names an API version', () => {
    const secret = { type: 'Microsoft.KeyVault/vaults/secrets@2023-07-01', name: 'signin', body: { properties: { contentType: 'entra-client-secret' } } };
    expect(ruleViolations('azapi_resource', { ...secret, parent_id: VAULT })).toEqual([]);
    expect(ruleViolations('azapi_resource', { ...secret, parent_id: '${azurerm_key_vault.kv.id}' })).toEqual([]);
    expect(providerText(onlyRuleViolation('azapi_resource', { ...secret, parent_id: `${SUB}/providers/Microsoft.Storage/storageAccounts/st` })))
      .toBe('`parent_id is invalid`: expect ID of `Microsoft.KeyVault/vaults`');
    expect(providerText(onlyRuleViolation('azapi_resource', { ...secret, parent_id: VAULT, body: '{"properties":{}}' })))
      .toContain('The value must not be a string. From 2.0, the value only accepts an HCL object.');
    expect(providerText(onlyRuleViolation('azapi_resource', { ...secret, parent_id: VAULT, type: 'Microsoft.KeyVault/vaults/secrets' })))
      .toBe('expected "type" to be <resource-type>@<api-version>');
    expect(providerText(onlyRuleViolation('azapi_resource', { ...secret })))
      .toBe('The argument "parent_id" is required, but no definition was found.');
    expect(providerText(onlyRuleViolation('azapi_resource', { ...secret, parent_id: VAULT, tags: { a: 'b' }, body: { tags: { a: 'b' } } })))
      .toBe('can\'t specify both the argument "tags" and "tags" in the argument "body"');
  });

  test('time: a sleep needs a well-formed duration, an offset needs an offset', () => {
    expect(ruleViolations('time_sleep', { create_duration: '60s' })).toEqual([]);
    expect(providerText(onlyRuleViolation('time_sleep', {}))).toBe('At least one attribute out of [create_duration,destroy_duration] must be specified');
    expect(providerText(onlyRuleViolation('time_sleep', { create_duration: '1 minute' })))
      .toBe('Attribute create_duration must be a number immediately followed by ms (milliseconds), s (seconds), m (minutes), or h (hours). For example, "30s" for 30 seconds., got: "1 minute"');
    expect(ruleViolations('time_offset', { offset_days: 365 })).toEqual([]);
    expect(ruleViolations('time_offset', {})).toHaveLength(1);
  });

  test('azuread: tags conflict with feature_tags; personal-account audiences need v2 tokens', () => {
    expect(ruleViolations('azuread_application', { display_name: 'chat', tags: ['a'] })).toEqual([]);
    expect(ruleViolations('azuread_application', { display_name: 'chat', tags: ['a'], feature_tags: [{ hide: true }] })).toHaveLength(2);
    expect(providerText(onlyRuleViolation('azuread_application', { display_name: 'chat', sign_in_audience: 'PersonalMicrosoftAccount' })))
      .toBe('`requested_access_token_version` must be 2 when `sign_in_audience` is "AzureADandPersonalMicrosoftAccount" or "PersonalMicrosoftAccount"');
    expect(ruleViolations('azuread_application', { display_name: 'chat', sign_in_audience: 'PersonalMicrosoftAccount', api: [{ requested_access_token_version: 2 }] })).toEqual([]);
  });

  test('terraform_data: id and output are read-only', () => {
    expect(ruleViolations('terraform_data', { input: 'x' })).toEqual([]);
    expect(providerText(onlyRuleViolation('terraform_data', { input: 'x', output: 'y' }))).toBe('"output" attribute is read-only');
  });
});

describe('the table', () => {
  const rules = ProviderRules.all();
  const LINK = /^https:\/\/github\.com\/(hashicorp\/terraform-provider-azurerm\/blob\/v4\.55\.0|hashicorp\/terraform-provider-azuread\/blob\/v3\.7\.0|hashicorp\/terraform-provider-time\/blob\/v0\.13\.1|Azure\/terraform-provider-azapi\/blob\/v2\.\d+\.\d+|databricks\/terraform-provider-databricks\/blob\/v1\.99\.0)\/[^#]+\.go#L\d+(-L\d+)?$/;
  /** Terraform's built-in provider (`terraform_data`) lives in Terraform itself. */
  const BUILTIN_LINK = /^https:\/\/github\.com\/hashicorp\/terraform\/blob\/v1\.\d+\.\d+\/internal\/builtin\/[^#]+\.go#L\d+(-L\d+)?$/;

  test('every entry links the exact lines at the pinned provider tag', () => {
    const bad = rules.filter((r) => !(LINK.test(r.source) || (r.resourceType.startsWith('terraform_') && BUILTIN_LINK.test(r.source))));
    expect(bad.map((r) => `${r.id}: ${r.source}`)).toEqual([]);
  });

  test('ids are unique, each kind carries what it needs, each customizeDiff has a predicate', () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.condition).not.toBe('');
      if (r.kind !== ProviderRuleKind.NONE) {
        expect(r.attributes.length).toBeGreaterThan(0);
        expect(r.message).not.toBe('');
      }
      if (r.kind === ProviderRuleKind.ONE_OF) expect(r.allowedValues?.length).toBeGreaterThan(0);
      if (r.kind === ProviderRuleKind.PATTERN) expect(() => new RegExp(r.pattern!)).not.toThrow();
      if (r.kind === ProviderRuleKind.RANGE || r.kind === ProviderRuleKind.LENGTH) {
        expect(r.minimum !== undefined || r.maximum !== undefined).toBe(true);
      }
      if (r.kind === ProviderRuleKind.CUSTOMIZE_DIFF) expect(PREDICATES[r.id]).toBeDefined();
    }
    const diffIds = new Set(rules.filter((r) => r.kind === ProviderRuleKind.CUSTOMIZE_DIFF).map((r) => r.id));
    expect(Object.keys(PREDICATES).filter((id) => !diffIds.has(id))).toEqual([]);
  });

  test('ProviderRules hands out copies: a caller cannot change the table', () => {
    const first = ProviderRules.forType('azurerm_api_management_api_diagnostic');
    expect(first.map((r) => r.id)).toContain('azurerm_api_management_api_diagnostic/operation_name_format-needs-applicationinsights');
    (first[0] as { condition: string }).condition = 'changed';
    expect(ProviderRules.forType('azurerm_api_management_api_diagnostic')[0].condition).not.toBe('changed');
    expect(ProviderRules.isReviewed('azurerm_client_config', true)).toBe(true);
    expect(ProviderRules.isReviewed('azurerm_client_config')).toBe(false);
  });

  test('coverage: every type the examples synthesize, the committed address lists name, or the library may add has a reviewed entry', () => {
    const types = new Set<string>([
      // Named in issue 21 beside the address lists: a hub's route table, the Entra database administrator,
      // and the Key Vault items another change may write with azapi.
      'azurerm_route_table', 'azurerm_subnet_route_table_association', 'azurerm_postgresql_flexible_server_active_directory_administrator',
      'azurerm_key_vault_key', 'azurerm_key_vault_secret', 'azurerm_api_management_api_diagnostic',
    ]);
    const addresses = join(ROOT, 'docs', 'addresses');
    for (const file of readdirSync(addresses).filter((f) => f.endsWith('.json'))) {
      const lists = JSON.parse(readFileSync(join(addresses, file), 'utf8')) as Record<string, Record<string, string>>;
      for (const list of Object.values(lists)) for (const address of Object.keys(list)) types.add(address.startsWith('data.') ? `data.${address.split('.')[1]}` : address.split('.')[0]);
    }
    const examples = join(ROOT, 'examples');
    for (const example of exampleNames(examples)) {
      const main = join(examples, example, 'main.ts');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const stacks = instantiateExample(Testing.app(), example, require(main), readFileSync(main, 'utf8'));
      for (const stack of stacks) {
        const json = JSON.parse(Testing.synth(stack));
        for (const type of Object.keys(json.resource ?? {})) types.add(type);
        for (const type of Object.keys(json.data ?? {})) types.add(`data.${type}`);
      }
    }
    const unreviewed = [...types].sort().filter((t) => (t.startsWith('data.') ? !ProviderRules.isReviewed(t.slice(5), true) : !ProviderRules.isReviewed(t)));
    expect(unreviewed).toEqual([]);
    expect(types.size).toBeGreaterThan(45);
  });
});
