/**
 * What a `CUSTOMIZE_DIFF` predicate sees of one resource: the planned values, with the schema
 * defaults of its entry filled in, as the provider's `ResourceDiff` shows them.
 */
export interface RuleView {
  /** The known value at the path (relative to the entry's block), the default when absent, else undefined. */
  value(attribute: string): unknown;
  /** Whether the value is a Terraform expression, unknown until apply. */
  isUnknown(attribute: string): boolean;
  /** Whether the attribute or block is present in the configuration (or unknown). */
  isSet(attribute: string): boolean;
}

/** Where a predicate found the configuration refused, and the value to show in the message. */
export interface PredicateFailure {
  readonly attribute: string;
  readonly value?: string;
}

/** A `CustomizeDiff` check in code: undefined when the configuration passes. */
export type Predicate = (view: RuleView) => PredicateFailure | undefined;

/**
 * The string the provider reads with `d.Get(...).(string)`: an unknown value reads as the zero
 * value `""`, and so does an absent one.
 */
function str(view: RuleView, attribute: string): string {
  const value = view.value(attribute);
  return typeof value === 'string' ? value : '';
}

/** `d.Get(...).(bool)`: unknown and absent read as `false`. */
function bool(view: RuleView, attribute: string): boolean {
  return view.value(attribute) === true;
}

function equalFold(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

const ACR = 'azurerm_container_registry';
const premium = (view: RuleView): boolean => equalFold(str(view, 'sku'), 'Premium');

/** Service plan SKUs whose plan type supports zone balancing (`helpers.PlanSupportsZoneBalancing`). */
const ZONE_BALANCING_SKUS = [
  'P1v2', 'P2v2', 'P3v2', 'P0v3', 'P1v3', 'P2v3', 'P3v3', 'P1mv3', 'P2mv3', 'P3mv3', 'P4mv3', 'P5mv3',
  'P0v4', 'P1v4', 'P2v4', 'P3v4', 'P1mv4', 'P2mv4', 'P3mv4', 'P4mv4', 'P5mv4',
  'EP1', 'EP2', 'EP3', 'WS1', 'WS2', 'WS3', 'Y1', 'FC1',
  'I1', 'I2', 'I3', 'I1v2', 'I2v2', 'I3v2', 'I4v2', 'I5v2', 'I6v2', 'I1mv2', 'I2mv2', 'I3mv2', 'I4mv2', 'I5mv2',
];
const PREMIUM_PLAN_SKUS = ZONE_BALANCING_SKUS.filter((s) => s.startsWith('P'));

/** The ARM type of a resource id (`…/providers/Microsoft.ApiManagement/service/x/apis/y` → `Microsoft.ApiManagement/service/apis`), or undefined. */
export function armTypeOf(id: string): string | undefined {
  const at = id.toLowerCase().lastIndexOf('/providers/');
  if (at < 0) {
    if (/^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/?$/i.test(id)) return 'Microsoft.Resources/resourceGroups';
    if (/^\/subscriptions\/[^/]+\/?$/i.test(id)) return 'Microsoft.Resources/subscriptions';
    return undefined;
  }
  const parts = id.slice(at + '/providers/'.length).split('/').filter((p) => p !== '');
  if (parts.length < 3) return undefined;
  const types = [parts[0]];
  for (let i = 1; i < parts.length; i += 2) types.push(parts[i]);
  return types.join('/');
}

/** The parent type a child ARM type expects (`Microsoft.KeyVault/vaults/secrets` → `Microsoft.KeyVault/vaults`), undefined for top-level types. */
function expectedParentType(type: string): string | undefined {
  const armType = type.split('@')[0];
  const segments = armType.split('/');
  return segments.length > 2 ? segments.slice(0, -1).join('/') : undefined;
}

function parentTypeProblem(view: RuleView): PredicateFailure | undefined {
  if (view.isUnknown('parent_id') || view.isUnknown('type')) return undefined;
  const parent = str(view, 'parent_id');
  const expected = expectedParentType(str(view, 'type'));
  if (!parent || !expected) return undefined;
  const actual = armTypeOf(parent);
  return actual !== undefined && !equalFold(actual, expected) ? { attribute: 'parent_id', value: expected } : undefined;
}

const URL_TEMPLATE_PARAMETER = /\{([^}]+)\}/g;

const PERSONAL_AUDIENCES = ['AzureADandPersonalMicrosoftAccount', 'PersonalMicrosoftAccount'];

/** Names of the `module` blocks of a managed Redis's `default_database` (unknown names read as ""). */
function redisModules(view: RuleView): string[] {
  const modules = view.value('default_database.module');
  if (!Array.isArray(modules)) return [];
  return modules.map((m) => (m !== null && typeof m === 'object' && typeof (m as { name?: unknown }).name === 'string'
    && !String((m as { name: string }).name).includes('${') ? (m as { name: string }).name : ''));
}

/** The predicates of the `CUSTOMIZE_DIFF` entries, by entry id. */
export const PREDICATES: { readonly [id: string]: Predicate } = {
  // azurerm_databricks_workspace CustomizeDiff (databricks_workspace_resource.go#L376-L415): `d.GetChange` values, so an
  // unknown string reads as "" and an unknown bool as false (public_network_access_enabled defaults to true).
  'azurerm_databricks_workspace/private-workspace-nsg-rules': (view) =>
    (view.value('public_network_access_enabled') === false && str(view, 'network_security_group_rules_required') === 'AllRules'
      ? { attribute: 'network_security_group_rules_required' } : undefined),
  'azurerm_databricks_workspace/private-workspace-load-balancer': (view) =>
    (view.value('public_network_access_enabled') === false && str(view, 'load_balancer_backend_address_pool_id') !== ''
      ? { attribute: 'load_balancer_backend_address_pool_id' } : undefined),
  'azurerm_databricks_workspace/premium-features': (view) => {
    const uses = bool(view, 'customer_managed_key_enabled') || bool(view, 'default_storage_firewall_enabled') || bool(view, 'infrastructure_encryption_enabled')
      || (view.isSet('enhanced_security_compliance') && !view.isUnknown('enhanced_security_compliance'))
      || str(view, 'managed_disk_cmk_key_vault_key_id') !== '' || str(view, 'managed_services_cmk_key_vault_key_id') !== '';
    if (!uses || view.isUnknown('sku')) return undefined;
    return equalFold(str(view, 'sku'), 'premium') ? undefined : { attribute: 'sku', value: str(view, 'sku') };
  },
  // databricks_permissions CustomizeDiff (resource_permissions.go#L214-L236): each planned level must be one the
  // object type allows; an empty (unknown) level is skipped.
  'databricks_permissions/serving_endpoint-permission_level': (view) => {
    if (!view.isSet('serving_endpoint_id')) return undefined;
    const acl = view.value('access_control');
    for (const entry of Array.isArray(acl) ? acl : []) {
      const level = entry !== null && typeof entry === 'object' ? (entry as { permission_level?: unknown }).permission_level : undefined;
      if (typeof level !== 'string' || level === '' || level.includes('${')) continue;
      if (!['CAN_MANAGE', 'CAN_QUERY', 'CAN_VIEW'].includes(level)) return { attribute: 'access_control.permission_level', value: level };
    }
    return undefined;
  },

  // `if _, n := d.GetChange("operation_name_format"); n != ""` with a schema default of "Name":
  // an unknown value reads as "", everything else trips the check unless the identifier is
  // applicationinsights (an unknown identifier reads as "" and trips it too).
  'azurerm_api_management_api_diagnostic/operation_name_format-needs-applicationinsights': (view) => {
    if (view.isUnknown('operation_name_format')) return undefined;
    const format = str(view, 'operation_name_format');
    if (format === '' || str(view, 'identifier') === 'applicationinsights') return undefined;
    return { attribute: 'operation_name_format', value: format };
  },

  'azurerm_cognitive_account/project_management_enabled-needs-aiservices': (view) =>
    (bool(view, 'project_management_enabled') && str(view, 'kind') !== 'AIServices' ? { attribute: 'project_management_enabled' } : undefined),
  'azurerm_cognitive_account/project_management_enabled-needs-identity': (view) =>
    (bool(view, 'project_management_enabled') && !view.isSet('identity') ? { attribute: 'project_management_enabled' } : undefined),
  'azurerm_cognitive_account/dynamic_throttling_enabled-kind': (view) =>
    (bool(view, 'dynamic_throttling_enabled') && ['OpenAI', 'AIServices'].includes(str(view, 'kind')) ? { attribute: 'dynamic_throttling_enabled' } : undefined),
  'azurerm_cognitive_account/network_acls.bypass-kind': (view) => {
    if (view.isUnknown('network_acls.bypass') || str(view, 'network_acls.bypass') === '') return undefined;
    const kind = str(view, 'kind');
    return ['OpenAI', 'AIServices', 'TextAnalytics'].includes(kind) ? undefined : { attribute: 'network_acls.bypass', value: kind };
  },
  'azurerm_cognitive_account/network_injection-kind': (view) =>
    (view.isSet('network_injection') && !view.isUnknown('network_injection') && str(view, 'kind') !== 'AIServices' ? { attribute: 'network_injection' } : undefined),

  [`${ACR}/export_policy_enabled-premium`]: (view) =>
    (view.value('export_policy_enabled') === false && !premium(view) ? { attribute: 'export_policy_enabled' } : undefined),
  [`${ACR}/export_policy_enabled-public-access`]: (view) =>
    (view.value('export_policy_enabled') === false && premium(view) && view.value('public_network_access_enabled') === true
      ? { attribute: 'public_network_access_enabled' } : undefined),
  [`${ACR}/encryption-premium`]: (view) =>
    (view.isSet('encryption') && !view.isUnknown('encryption') && !premium(view) ? { attribute: 'encryption' } : undefined),
  [`${ACR}/zone_redundancy_enabled-premium`]: (view) =>
    (bool(view, 'zone_redundancy_enabled') && !premium(view) ? { attribute: 'zone_redundancy_enabled' } : undefined),
  [`${ACR}/anonymous_pull_enabled-sku`]: (view) =>
    (bool(view, 'anonymous_pull_enabled') && !premium(view) && !equalFold(str(view, 'sku'), 'Standard') ? { attribute: 'anonymous_pull_enabled' } : undefined),
  [`${ACR}/data_endpoint_enabled-premium`]: (view) =>
    (bool(view, 'data_endpoint_enabled') && !premium(view) ? { attribute: 'data_endpoint_enabled' } : undefined),
  // azurerm_managed_redis CustomizeDiff (managed_redis_resource.go#L640-L684): read from the decoded model, so an
  // unknown value reads as "" and an absent default_database skips every check.
  'azurerm_managed_redis/geo_replication-sku': (view) => {
    if (view.isUnknown('default_database.geo_replication_group_name') || str(view, 'default_database.geo_replication_group_name') === '') return undefined;
    const sku = str(view, 'sku_name');
    return sku === 'Balanced_B0' || sku === 'Balanced_B1' ? { attribute: 'default_database.geo_replication_group_name', value: sku } : undefined;
  },
  'azurerm_managed_redis/geo_replication-modules': (view) => {
    if (view.isUnknown('default_database.geo_replication_group_name') || str(view, 'default_database.geo_replication_group_name') === '') return undefined;
    const bad = redisModules(view).find((m) => m !== '' && m !== 'RediSearch' && m !== 'RedisJSON');
    return bad === undefined ? undefined : { attribute: 'default_database.module', value: bad };
  },
  'azurerm_managed_redis/redisearch-eviction': (view) => {
    const eviction = str(view, 'default_database.eviction_policy');
    if (eviction === '' || !redisModules(view).includes('RediSearch')) return undefined;
    return eviction !== 'NoEviction' ? { attribute: 'default_database.eviction_policy', value: eviction } : undefined;
  },
  'azurerm_managed_redis/redisearch-clustering': (view) => {
    const eviction = str(view, 'default_database.eviction_policy');
    // The clustering check runs only after the eviction check passed (NoEviction).
    if (eviction !== 'NoEviction' || !redisModules(view).includes('RediSearch')) return undefined;
    const clustering = str(view, 'default_database.clustering_policy');
    return clustering !== 'EnterpriseCluster' ? { attribute: 'default_database.clustering_policy', value: clustering } : undefined;
  },

  [`${ACR}/georeplications-premium`]: (view) => {
    const replications = view.value('georeplications');
    return Array.isArray(replications) && replications.length > 0 && !premium(view) ? { attribute: 'georeplications' } : undefined;
  },
  [`${ACR}/premium-policies`]: (view) => {
    if (premium(view)) return undefined;
    if (bool(view, 'quarantine_policy_enabled')) return { attribute: 'quarantine_policy_enabled', value: 'quarantine' };
    const days = view.value('retention_policy_in_days');
    if (typeof days === 'number' && days > 0) return { attribute: 'retention_policy_in_days', value: 'retention' };
    if (bool(view, 'trust_policy_enabled')) return { attribute: 'trust_policy_enabled', value: 'trust' };
    return undefined;
  },

  'azurerm_service_plan/zone_balancing_enabled-sku': (view) => {
    if (!bool(view, 'zone_balancing_enabled')) return undefined;
    const sku = str(view, 'sku_name');
    return ZONE_BALANCING_SKUS.some((s) => equalFold(s, sku)) ? undefined : { attribute: 'zone_balancing_enabled', value: sku };
  },
  'azurerm_service_plan/premium_plan_auto_scale_enabled-premium': (view) =>
    (bool(view, 'premium_plan_auto_scale_enabled') && !PREMIUM_PLAN_SKUS.some((s) => equalFold(s, str(view, 'sku_name'))) ? { attribute: 'premium_plan_auto_scale_enabled' } : undefined),

  'azurerm_subnet/sharing_scope-default_outbound_access': (view) =>
    (str(view, 'sharing_scope') !== '' && bool(view, 'default_outbound_access_enabled') ? { attribute: 'sharing_scope' } : undefined),

  'azurerm_log_analytics_workspace/sku-not-standard-or-premium': (view) => {
    const sku = str(view, 'sku');
    return equalFold(sku, 'Standard') || equalFold(sku, 'Premium') ? { attribute: 'sku', value: sku } : undefined;
  },

  'azurerm_api_management_api/display_name-protocols-without-source': (view) => {
    if (view.isSet('source_api_id')) return undefined;
    if (!view.isSet('display_name')) return { attribute: 'display_name' };
    const protocols = view.value('protocols');
    if (view.isUnknown('protocols')) return undefined;
    return Array.isArray(protocols) && protocols.length > 0 ? undefined : { attribute: 'protocols' };
  },
  'azurerm_api_management_api/version-needs-version_set_id': (view) =>
    (str(view, 'version') !== '' && !view.isSet('version_set_id') ? { attribute: 'version' } : undefined),
  'azurerm_api_management_api_operation/url_template-parameters': (view) => {
    if (view.isUnknown('url_template') || view.isUnknown('template_parameter')) return undefined;
    const used = new Set([...str(view, 'url_template').matchAll(URL_TEMPLATE_PARAMETER)].map((m) => m[1].replace(/^\*/, '')));
    const raw = view.value('template_parameter');
    const defined = new Set((Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
      .map((p) => (typeof p === 'object' && p !== null ? (p as Record<string, unknown>).name : undefined))
      .filter((n): n is string => typeof n === 'string'));
    const missing = [...used].find((n) => !defined.has(n));
    return missing === undefined ? undefined : { attribute: 'url_template', value: missing };
  },

  'azuread_application/personal-accounts-need-v2-tokens': (view) => {
    if (!PERSONAL_AUDIENCES.includes(str(view, 'sign_in_audience'))) return undefined;
    if (view.isUnknown('api.requested_access_token_version')) return undefined;
    const version = view.value('api.requested_access_token_version');
    return version === undefined || version === 1 ? { attribute: 'sign_in_audience' } : undefined;
  },

  'azapi_resource/parent_id-required': (view) => {
    if (view.isSet('parent_id') || view.isUnknown('type')) return undefined;
    return equalFold(str(view, 'type').split('@')[0], 'Microsoft.Resources/resourceGroups') ? undefined : { attribute: 'parent_id' };
  },
  'azapi_resource/body-not-string': (view) =>
    (typeof view.value('body') === 'string' ? { attribute: 'body' } : undefined),
  'azapi_resource/no-duplicated-definitions': (view) => {
    for (const body of ['body', 'sensitive_body']) {
      const value = view.value(body);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      for (const argument of ['tags', 'location', 'identity']) {
        if (view.isSet(argument) && !view.isUnknown(argument) && (value as Record<string, unknown>)[argument] !== undefined) {
          return { attribute: body, value: `${argument}" and "${argument}" in the argument "${body}` };
        }
      }
    }
    return undefined;
  },
  'azapi_resource/parent_id-type': parentTypeProblem,
  'azapi_update_resource/name-or-resource_id': (view) => {
    const name = view.isSet('name');
    const parent = view.isSet('parent_id');
    const id = view.isSet('resource_id');
    if (!name && !id) return { attribute: 'resource_id', value: 'One of the arguments "name" or "resource_id" must be set' };
    if (name && id) return { attribute: 'name', value: 'Only one of the arguments "name" or "resource_id" can be set' };
    if (name && !parent) return { attribute: 'name', value: 'The argument "parent_id" is required when the argument "name" is set' };
    if (!name && parent) return { attribute: 'parent_id', value: 'The argument "name" is required when the argument "parent_id" is set' };
    return undefined;
  },
  'azapi_update_resource/body-not-string': (view) =>
    (typeof view.value('body') === 'string' ? { attribute: 'body' } : undefined),
  'azapi_update_resource/parent_id-type': (view) =>
    (str(view, 'name') !== '' ? parentTypeProblem(view) : undefined),

  'terraform_data/read-only': (view) => {
    for (const attribute of ['id', 'output']) if (view.isSet(attribute)) return { attribute, value: attribute };
    return undefined;
  },
};
