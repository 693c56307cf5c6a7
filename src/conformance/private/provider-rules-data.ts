import { ProviderRule, ProviderRuleKind } from '../provider-rule';

// The provider-side plan-time rules, read from the providers' Go source at the pinned tags. Each
// entry links the exact lines. Messages are the providers' own (terraform-plugin-sdk v2.38.1 for
// the schema-level checks, vendored by azurerm 4.55.0:
// https://github.com/hashicorp/terraform-provider-azurerm/blob/v4.55.0/vendor/github.com/hashicorp/terraform-plugin-sdk/v2/helper/schema/schema.go#L1947-L2063
// and helper/validation/strings.go, int.go, float.go for the value checks).

const AZURERM = 'https://github.com/hashicorp/terraform-provider-azurerm/blob/v4.55.0/internal/services/';
const AZUREAD = 'https://github.com/hashicorp/terraform-provider-azuread/blob/v3.7.0/internal/services/';
const TIME = 'https://github.com/hashicorp/terraform-provider-time/blob/v0.13.1/internal/provider/';
const AZAPI = 'https://github.com/Azure/terraform-provider-azapi/blob/v2.4.0/internal/services/';
const DATABRICKS = 'https://github.com/databricks/terraform-provider-databricks/blob/v1.99.0/';

function lines(base: string, file: string, from: number, to?: number): string {
  return `${base}${file}#L${from}${to === undefined ? '' : `-L${to}`}`;
}
const az = (file: string, from: number, to?: number): string => lines(AZURERM, file, from, to);
const ad = (file: string, from: number, to?: number): string => lines(AZUREAD, file, from, to);
const tm = (file: string, from: number, to?: number): string => lines(TIME, file, from, to);
const ap = (file: string, from: number, to?: number): string => lines(AZAPI, file, from, to);
const db = (file: string, from: number, to?: number): string => lines(DATABRICKS, file, from, to);

/** The SDK's messages, by kind (`{key}` etc. are filled by the checker). */
const SDK = {
  conflicts: '"{key}": conflicts with {other}',
  requiredWith: '"{key}": all of `{keys}` must be specified',
  exactlyOneOf: '"{key}": only one of `{keys}` can be specified, but `{specified}` were specified.',
  atLeastOneOf: '"{key}": one of `{keys}` must be specified',
  oneOf: 'expected {key} to be one of {allowed}, got {value}',
  range: 'expected {key} to be in the range ({min} - {max}), got {value}',
  atLeast: 'expected {key} to be at least ({min}), got {value}',
  length: 'expected length of {key} to be in the range ({min} - {max}), got {value}',
  notEmpty: 'expected "{key}" to not be an empty string, got {value}',
  notWhiteSpace: 'expected "{key}" to not be an empty string or whitespace',
};

interface Where {
  readonly block?: string;
  readonly dataSource?: boolean;
}

function id(type: string, name: string): string {
  return `${type}/${name}`;
}

function conflicts(type: string, attribute: string, others: string[], source: string, where: Where = {}): ProviderRule {
  return {
    id: id(type, `${where.block ? `${where.block}.` : ''}${attribute}-conflicts`),
    resourceType: type,
    kind: ProviderRuleKind.CONFLICTS,
    attributes: [attribute, ...others],
    condition: `\`${attribute}\` may not be set together with ${others.map((o) => `\`${o}\``).join(' or ')}`,
    message: SDK.conflicts,
    source,
    ...where,
  };
}

function requiredWith(type: string, attribute: string, others: string[], source: string, where: Where = {}): ProviderRule {
  return {
    id: id(type, `${where.block ? `${where.block}.` : ''}${attribute}-requires`),
    resourceType: type,
    kind: ProviderRuleKind.REQUIRED_WITH,
    attributes: [attribute, ...others],
    condition: `when \`${attribute}\` is set, ${others.map((o) => `\`${o}\``).join(' and ')} must be set too`,
    message: SDK.requiredWith,
    source,
    ...where,
  };
}

function exactlyOneOf(type: string, name: string, attributes: string[], source: string, where: Where = {}): ProviderRule {
  return {
    id: id(type, name),
    resourceType: type,
    kind: ProviderRuleKind.EXACTLY_ONE_OF,
    attributes,
    condition: `exactly one of ${attributes.map((a) => `\`${a}\``).join(', ')} must be set`,
    message: SDK.exactlyOneOf,
    source,
    ...where,
  };
}

function atLeastOneOf(type: string, name: string, attributes: string[], source: string, where: Where = {}): ProviderRule {
  return {
    id: id(type, name),
    resourceType: type,
    kind: ProviderRuleKind.AT_LEAST_ONE_OF,
    attributes,
    condition: `at least one of ${attributes.map((a) => `\`${a}\``).join(', ')} must be set`,
    message: SDK.atLeastOneOf,
    source,
    ...where,
  };
}

function oneOf(
  type: string, attribute: string, allowedValues: string[], source: string, where: Where & { readonly ignoreCase?: boolean } = {},
): ProviderRule {
  return {
    id: id(type, `${where.block ? `${where.block}.` : ''}${attribute}`),
    resourceType: type,
    kind: ProviderRuleKind.ONE_OF,
    attributes: [attribute],
    allowedValues,
    condition: `\`${attribute}\` is one of ${allowedValues.join(', ')}`,
    message: SDK.oneOf,
    source,
    ...where,
  };
}

function pattern(type: string, attribute: string, regex: string, message: string, source: string, where: Where = {}): ProviderRule {
  return {
    id: id(type, `${where.block ? `${where.block}.` : ''}${attribute}`),
    resourceType: type,
    kind: ProviderRuleKind.PATTERN,
    attributes: [attribute],
    pattern: regex,
    condition: `\`${attribute}\` matches ${regex}`,
    message,
    source,
    ...where,
  };
}

/** `validation.IntInSlice`. */
function intOneOf(type: string, attribute: string, allowed: number[], source: string, where: Where = {}): ProviderRule {
  return {
    ...oneOf(type, attribute, allowed.map(String), source, where),
    message: `expected {key} to be one of [${allowed.join(' ')}], got {value}`,
  };
}

/** `validation.StringIsNotEmpty`. */
function notEmpty(type: string, attribute: string, source: string, where: Where = {}): ProviderRule {
  return { ...pattern(type, attribute, '^[\\s\\S]+$', SDK.notEmpty, source, where), condition: `\`${attribute}\` is not an empty string` };
}

/** `validation.StringIsNotWhiteSpace`. */
function notWhiteSpace(type: string, attribute: string, source: string, where: Where = {}): ProviderRule {
  return { ...pattern(type, attribute, '\\S', SDK.notWhiteSpace, source, where), condition: `\`${attribute}\` is not empty or whitespace` };
}

function range(
  type: string, attribute: string, minimum: number | undefined, maximum: number | undefined, source: string, where: Where = {},
): ProviderRule {
  const bounds = maximum === undefined ? `at least ${minimum}` : `between ${minimum} and ${maximum}`;
  return {
    id: id(type, `${where.block ? `${where.block}.` : ''}${attribute}`),
    resourceType: type,
    kind: ProviderRuleKind.RANGE,
    attributes: [attribute],
    minimum,
    maximum,
    condition: `\`${attribute}\` is ${bounds}`,
    message: maximum === undefined ? SDK.atLeast : SDK.range,
    source,
    ...where,
  };
}

function length(type: string, attribute: string, minimum: number, maximum: number, source: string, where: Where = {}): ProviderRule {
  return {
    id: id(type, `${where.block ? `${where.block}.` : ''}${attribute}-length`),
    resourceType: type,
    kind: ProviderRuleKind.LENGTH,
    attributes: [attribute],
    minimum,
    maximum,
    condition: `\`${attribute}\` is ${minimum} to ${maximum} characters long`,
    message: SDK.length,
    source,
    ...where,
  };
}

function customizeDiff(
  type: string, name: string, attributes: string[], condition: string, message: string, source: string,
  defaults?: { [attribute: string]: any },
): ProviderRule {
  return {
    id: id(type, name),
    resourceType: type,
    kind: ProviderRuleKind.CUSTOMIZE_DIFF,
    attributes,
    condition,
    message,
    source,
    defaults,
    defaultCountsAsSet: true,
  };
}

function none(type: string, source: string, condition: string, where: Where = {}): ProviderRule {
  return { id: id(type, 'none'), resourceType: type, kind: ProviderRuleKind.NONE, attributes: [], condition, message: '', source, ...where };
}

const TLS_VERSIONS = ['1.0', '1.1', '1.2', '1.3'];
const SERVICE_PLAN_SKUS = [
  'B1', 'B2', 'B3', 'S1', 'S2', 'S3', 'Y1', 'EP1', 'EP2', 'EP3', 'FC1', 'F1',
  'I1', 'I2', 'I3', 'I1v2', 'I2v2', 'I3v2', 'I4v2', 'I5v2', 'I6v2', 'I1mv2', 'I2mv2', 'I3mv2', 'I4mv2', 'I5mv2',
  'P1v2', 'P2v2', 'P3v2', 'P0v3', 'P1v3', 'P2v3', 'P3v3', 'P1mv3', 'P2mv3', 'P3mv3', 'P4mv3', 'P5mv3',
  'P0v4', 'P1v4', 'P2v4', 'P3v4', 'P1mv4', 'P2mv4', 'P3mv4', 'P4mv4', 'P5mv4', 'D1', 'SHARED', 'WS1', 'WS2', 'WS3',
];

const APIM_DIAG = 'apimanagement/api_management_api_diagnostic_resource.go';
const APIM = 'apimanagement/api_management_resource.go';
const COG = 'cognitive/cognitive_account_resource.go';
const DEP = 'cognitive/cognitive_deployment_resource.go';
const RAI = 'cognitive/cognitive_account_rai_policy_resource.go';
const PROJ = 'cognitive/cognitive_account_project_resource.go';
const ACR = 'containers/container_registry_resource.go';
const AMR = 'managedredis/managed_redis_resource.go';
const DBW = 'databricks/databricks_workspace_resource.go';
const DBW_NAME = 'databricks/validate/workspace_name.go';
const AMR_NAME = 'managedredis/validate/managed_redis_name.go';
/** `azurerm_managed_redis` SKUs (validate/managed_redis_sku.go: the SDK's, minus the retired Enterprise_ and EnterpriseFlash_ ones). */
const AMR_SKUS = [
  'Balanced_B0', 'Balanced_B1', 'Balanced_B10', 'Balanced_B100', 'Balanced_B1000', 'Balanced_B150', 'Balanced_B20', 'Balanced_B250',
  'Balanced_B3', 'Balanced_B350', 'Balanced_B5', 'Balanced_B50', 'Balanced_B500', 'Balanced_B700',
  'ComputeOptimized_X10', 'ComputeOptimized_X100', 'ComputeOptimized_X150', 'ComputeOptimized_X20', 'ComputeOptimized_X250',
  'ComputeOptimized_X3', 'ComputeOptimized_X350', 'ComputeOptimized_X5', 'ComputeOptimized_X50', 'ComputeOptimized_X500', 'ComputeOptimized_X700',
  'FlashOptimized_A1000', 'FlashOptimized_A1500', 'FlashOptimized_A2000', 'FlashOptimized_A250', 'FlashOptimized_A4500', 'FlashOptimized_A500',
  'FlashOptimized_A700',
  'MemoryOptimized_M10', 'MemoryOptimized_M100', 'MemoryOptimized_M1000', 'MemoryOptimized_M150', 'MemoryOptimized_M1500', 'MemoryOptimized_M20',
  'MemoryOptimized_M2000', 'MemoryOptimized_M250', 'MemoryOptimized_M350', 'MemoryOptimized_M50', 'MemoryOptimized_M500', 'MemoryOptimized_M700',
];
const APP = 'appservice/linux_web_app_resource.go';
const APP_SCHEMA = 'appservice/helpers/linux_web_app_schema.go';
const APP_STACK = 'appservice/helpers/app_stack.go';
const AUTH_V2 = 'appservice/helpers/auth_v2_schema.go';
const WEB_COMMON = 'appservice/helpers/common_web_app_schema.go';
const PLAN = 'appservice/service_plan_resource.go';
const KV = 'keyvault/key_vault_resource.go';
const KV_KEY = 'keyvault/key_vault_key_resource.go';
const KV_SECRET = 'keyvault/key_vault_secret_resource.go';
const PG = 'postgres/postgresql_flexible_server_resource.go';
const PE = 'network/private_endpoint_resource.go';
const SUBNET = 'network/subnet_resource.go';
const NSG = 'network/network_security_group_resource.go';
const DIAG = 'monitor/monitor_diagnostic_setting_resource.go';
const AUTOSCALE = 'monitor/monitor_autoscale_setting_resource.go';
const ROLE = 'authorization/role_assignment_resource.go';
const LAW = 'loganalytics/log_analytics_workspace_resource.go';

const APIM_SKU = '^Consumption_0$|^Basic_(1|2)$|^BasicV2_([1-9]|10)|^Developer_1$|^Premium_([1-9][0-9]{0,1})$|^PremiumV2_([1-9]|1[0-9]|2[0-9]|30)$|^Standard_[1-4]$|^StandardV2_([1-9]|10)$';
const PG_SKU = '^((B_Standard_B((1|2|4|8|12|16|20)ms|2s))|(GP_Standard_D(((2|4|8|16|32|48|64)s_v3)|((2|4|8|16|32|48|64)ds_v4)|((2|4|8|16|32|48|64|96)ds_v5)|((2|4|8|16|32|48|64|96)ads_v5)))|(MO_Standard_E((((2|4|8|16|20|32|48|64)s)_v3)|((2|4|6|8|16|20|32|48|64)ds_v4)|((2|4|8|16|20|32|48|64|96)ds_v5)|((2|4|8|16|32|48|64|96)ads_v5))))$';
const PRIVATE_LINK_NAME = '^[a-zA-Z\\d]([a-zA-Z\\d_.-]{0,78}[a-zA-Z\\d_])?$';

/** azurerm 4.55.0: the types the library sets most attributes on first. */
const AZURERM_RULES: ProviderRule[] = [
  // --- API Management ---
  customizeDiff('azurerm_api_management_api_diagnostic', 'operation_name_format-needs-applicationinsights', ['operation_name_format', 'identifier'],
    '`operation_name_format` (schema default "Name", so always non-empty unless an unknown value) is refused unless `identifier` is `applicationinsights`: an `azuremonitor` diagnostic can never plan (hashicorp/terraform-provider-azurerm#28547)',
    '`operation_name_format` cannot be set when `identifier` is not `applicationinsights`', az(APIM_DIAG, 117, 135), { operation_name_format: 'Name' }),
  oneOf('azurerm_api_management_api_diagnostic', 'identifier', ['applicationinsights', 'azuremonitor'], az(APIM_DIAG, 46, 54)),
  range('azurerm_api_management_api_diagnostic', 'sampling_percentage', 0, 100, az(APIM_DIAG, 68, 73)),
  oneOf('azurerm_api_management_api_diagnostic', 'verbosity', ['verbose', 'information', 'error'], az(APIM_DIAG, 81, 90)),
  oneOf('azurerm_api_management_api_diagnostic', 'http_correlation_protocol', ['None', 'Legacy', 'W3C'], az(APIM_DIAG, 98, 107)),
  oneOf('azurerm_api_management_api_diagnostic', 'operation_name_format', ['Name', 'Url'], az(APIM_DIAG, 117, 125)),
  range('azurerm_api_management_api_diagnostic', 'body_bytes', 0, 8192, az(APIM_DIAG, 149, 153), { block: 'frontend_request' }),
  range('azurerm_api_management_api_diagnostic', 'body_bytes', 0, 8192, az(APIM_DIAG, 149, 153), { block: 'frontend_response' }),
  range('azurerm_api_management_api_diagnostic', 'body_bytes', 0, 8192, az(APIM_DIAG, 149, 153), { block: 'backend_request' }),
  range('azurerm_api_management_api_diagnostic', 'body_bytes', 0, 8192, az(APIM_DIAG, 149, 153), { block: 'backend_response' }),

  pattern('azurerm_api_management', 'sku_name', APIM_SKU, 'invalid value for {key} (This is not a valid Api Management sku name.)', az(APIM, 129, 133)),
  pattern('azurerm_api_management', 'publisher_name', '^.{1,100}$', '"{key}" may only be up to 100 characters in length', az(APIM, 117, 121)),
  pattern('azurerm_api_management', 'publisher_email', '^[\\S*]{1,100}$', '"{key}" may only be up to 100 characters in length', az(APIM, 123, 127)),
  pattern('azurerm_api_management', 'name', '^[0-9a-zA-Z-]{1,50}$', '"{key}" may only contain alphanumeric characters and dashes up to 50 characters in length', az(APIM, 111)),
  oneOf('azurerm_api_management', 'virtual_network_type', ['None', 'External', 'Internal'], az(APIM, 137, 146)),
  range('azurerm_api_management', 'capacity', 0, 50, az(APIM, 215, 220), { block: 'additional_location' }),

  // --- Cognitive Services / Foundry ---
  customizeDiff('azurerm_cognitive_account', 'project_management_enabled-needs-aiservices', ['project_management_enabled', 'kind'],
    '`project_management_enabled = true` only with `kind = "AIServices"`',
    '`project_management_enabled` can only be set to `true` when `kind` is set to `AIServices`', az(COG, 359, 365), { project_management_enabled: false }),
  customizeDiff('azurerm_cognitive_account', 'project_management_enabled-needs-identity', ['project_management_enabled', 'identity'],
    '`project_management_enabled = true` only with an `identity` block',
    'for `project_management_enabled` to be set to `true`, a managed identity must be assigned. Please configure the `identity` block', az(COG, 362, 369), { project_management_enabled: false }),
  customizeDiff('azurerm_cognitive_account', 'dynamic_throttling_enabled-kind', ['dynamic_throttling_enabled', 'kind'],
    '`dynamic_throttling_enabled = true` is refused for kinds `OpenAI` and `AIServices`',
    '`dynamic_throttling_enabled` is currently not supported when `kind` is set to `OpenAI` or `AIServices`', az(COG, 382, 384)),
  customizeDiff('azurerm_cognitive_account', 'network_acls.bypass-kind', ['network_acls.bypass', 'kind'],
    '`network_acls.bypass` only with kinds `OpenAI`, `AIServices` and `TextAnalytics`',
    '`network_acls.bypass` cannot be set when `kind` is set to `{value}`', az(COG, 386, 388)),
  customizeDiff('azurerm_cognitive_account', 'network_injection-kind', ['network_injection', 'kind'],
    'the `network_injection` block only with `kind = "AIServices"`',
    'the `network_injection` block is only supported when `kind` is set to `AIServices`', az(COG, 390, 395)),
  requiredWith('azurerm_cognitive_account', 'network_acls', ['custom_subdomain_name'], az(COG, 204, 208)),
  pattern('azurerm_cognitive_account', 'name', '^([a-zA-Z0-9]{1}[a-zA-Z0-9_.-]{1,})$',
    'invalid value for {key} (The Cognitive Services Account Name can only start with an alphanumeric character, and must only contain alphanumeric characters, periods, dashes or underscores.)', az(COG, 56, 61)),
  oneOf('azurerm_cognitive_account', 'kind', [
    'AIServices', 'Academic', 'AnomalyDetector', 'Bing.Autosuggest', 'Bing.Autosuggest.v7', 'Bing.CustomSearch', 'Bing.Search', 'Bing.Search.v7',
    'Bing.Speech', 'Bing.SpellCheck', 'Bing.SpellCheck.v7', 'CognitiveServices', 'ComputerVision', 'ContentModerator',
    'ConversationalLanguageUnderstanding', 'ContentSafety', 'CustomSpeech', 'CustomVision.Prediction', 'CustomVision.Training', 'Emotion',
    'Face', 'FormRecognizer', 'ImmersiveReader', 'LUIS', 'LUIS.Authoring', 'MetricsAdvisor', 'OpenAI', 'Personalizer', 'QnAMaker',
    'Recommendations', 'SpeakerRecognition', 'Speech', 'SpeechServices', 'SpeechTranslation', 'TextAnalytics', 'TextTranslation', 'WebLM',
  ], az(COG, 68, 110)),
  oneOf('azurerm_cognitive_account', 'sku_name', ['C2', 'C3', 'C4', 'D3', 'DC0', 'E0', 'F0', 'F1', 'P0', 'P1', 'P2', 'S', 'S0', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6'], az(COG, 112, 119)),
  notEmpty('azurerm_cognitive_account', 'custom_subdomain_name', az(COG, 126, 131)),
  notEmpty('azurerm_cognitive_account', 'fqdns', az(COG, 159, 166)),
  oneOf('azurerm_cognitive_account', 'default_action', ['Allow', 'Deny'], az(COG, 211, 218), { block: 'network_acls' }),
  oneOf('azurerm_cognitive_account', 'bypass', ['AzureServices', 'None'], az(COG, 253, 259), { block: 'network_acls' }),
  oneOf('azurerm_cognitive_account', 'scenario', ['agent'], az(COG, 271, 277), { block: 'network_injection' }),

  notEmpty('azurerm_cognitive_deployment', 'name', az(DEP, 63, 68)),
  notEmpty('azurerm_cognitive_deployment', 'format', az(DEP, 89, 94), { block: 'model' }),
  notEmpty('azurerm_cognitive_deployment', 'name', az(DEP, 96, 101), { block: 'model' }),
  oneOf('azurerm_cognitive_deployment', 'name', ['Standard', 'DataZoneBatch', 'DataZoneProvisionedManaged', 'DataZoneStandard', 'GlobalBatch', 'GlobalProvisionedManaged', 'GlobalStandard', 'ProvisionedManaged'], az(DEP, 117, 131), { block: 'sku' }),
  oneOf('azurerm_cognitive_deployment', 'tier', ['Free', 'Basic', 'Standard', 'Premium', 'Enterprise'], az(DEP, 133, 143), { block: 'sku' }),
  range('azurerm_cognitive_deployment', 'capacity', 1, undefined, az(DEP, 158, 163), { block: 'sku' }),
  notEmpty('azurerm_cognitive_deployment', 'rai_policy_name', az(DEP, 168, 172)),
  oneOf('azurerm_cognitive_deployment', 'version_upgrade_option', ['OnceCurrentVersionExpired', 'OnceNewDefaultVersionAvailable', 'NoAutoUpgrade'], az(DEP, 174, 183)),

  notEmpty('azurerm_cognitive_account_rai_policy', 'name', az(RAI, 50, 55)),
  notEmpty('azurerm_cognitive_account_rai_policy', 'base_policy_name', az(RAI, 64, 69)),
  notEmpty('azurerm_cognitive_account_rai_policy', 'name', az(RAI, 76, 80), { block: 'content_filter' }),
  oneOf('azurerm_cognitive_account_rai_policy', 'severity_threshold', ['High', 'Low', 'Medium'], az(RAI, 89, 93), { block: 'content_filter' }),
  oneOf('azurerm_cognitive_account_rai_policy', 'source', ['Completion', 'Prompt'], az(RAI, 94, 98), { block: 'content_filter' }),
  oneOf('azurerm_cognitive_account_rai_policy', 'mode', ['Asynchronous_filter', 'Blocking', 'Default', 'Deferred'], az(RAI, 103, 107)),

  pattern('azurerm_cognitive_account_project', 'name', '^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,63}$',
    'invalid value for {key} (`name` must be between 2 and 64 characters long, start with an alphanumeric character, and contain only alphanumeric characters, dashes(-), periods(.) or underscores(_).)', az(PROJ, 79, 87)),
  notEmpty('azurerm_cognitive_account_project', 'description', az(PROJ, 95, 99)),
  notEmpty('azurerm_cognitive_account_project', 'display_name', az(PROJ, 101, 105)),

  // --- Container Registry ---
  oneOf('azurerm_container_registry', 'sku', ['Basic', 'Standard', 'Premium'], az(ACR, 73, 82)),
  range('azurerm_container_registry', 'retention_policy_in_days', 0, 365, az(ACR, 211, 215)),
  oneOf('azurerm_container_registry', 'network_rule_bypass_option', ['AzureServices', 'None'], az(ACR, 254, 262)),
  customizeDiff('azurerm_container_registry', 'export_policy_enabled-premium', ['export_policy_enabled', 'sku'],
    '`export_policy_enabled = false` only with the Premium SKU',
    'an ACR export policy can only be disabled when using the Premium Sku. If you are downgrading from a Premium SKU please unset `export_policy_enabled` or set `export_policy_enabled = true`',
    az(ACR, 304, 308), { export_policy_enabled: true }),
  customizeDiff('azurerm_container_registry', 'export_policy_enabled-public-access', ['export_policy_enabled', 'public_network_access_enabled'],
    '`export_policy_enabled = false` only with `public_network_access_enabled = false`',
    'to disable export of artifacts, `public_network_access_enabled` must also be `false`', az(ACR, 304, 312),
    { export_policy_enabled: true, public_network_access_enabled: true }),
  customizeDiff('azurerm_container_registry', 'encryption-premium', ['encryption', 'sku'], 'the `encryption` block only with the Premium SKU',
    'an ACR encryption can only be applied when using the Premium Sku', az(ACR, 314, 317)),
  customizeDiff('azurerm_container_registry', 'zone_redundancy_enabled-premium', ['zone_redundancy_enabled', 'sku'], '`zone_redundancy_enabled = true` only with the Premium SKU',
    'ACR zone redundancy can only be applied when using the Premium Sku', az(ACR, 319, 323)),
  customizeDiff('azurerm_container_registry', 'anonymous_pull_enabled-sku', ['anonymous_pull_enabled', 'sku'], '`anonymous_pull_enabled = true` only with the Standard or Premium SKU',
    '`anonymous_pull_enabled` can only be applied when using the Standard/Premium Sku', az(ACR, 332, 335)),
  customizeDiff('azurerm_container_registry', 'data_endpoint_enabled-premium', ['data_endpoint_enabled', 'sku'], '`data_endpoint_enabled = true` only with the Premium SKU',
    '`data_endpoint_enabled` can only be applied when using the Premium Sku', az(ACR, 337, 340)),
  customizeDiff('azurerm_container_registry', 'georeplications-premium', ['georeplications', 'sku'], '`georeplications` only with the Premium SKU',
    'an ACR geo-replication can only be applied when using the Premium Sku', az(ACR, 268, 274)),
  customizeDiff('azurerm_container_registry', 'premium-policies', ['quarantine_policy_enabled', 'retention_policy_in_days', 'trust_policy_enabled', 'sku'],
    'quarantine, retention (days > 0) and trust policies only with the Premium SKU',
    'an ACR {value} policy can only be applied when using the Premium Sku', az(ACR, 289, 302)),

  // --- Azure Databricks workspace --- (ForceNew: name, managed_resource_group_name, the custom_parameters subnets and VNet;
  // a change to sku 'trial' replaces the workspace: databricks_workspace_resource.go#L402-L409)
  pattern('azurerm_databricks_workspace', 'name', '^(.{0,2}|.{65,}|[a-zA-Z0-9_-]*)$', '"{key}" can contain only alphanumeric characters, underscores, and hyphens: "{value}"',
    az(DBW_NAME, 41, 43)),
  { ...pattern('azurerm_databricks_workspace', 'name', '^.{3,}$', '"{key}" must be at least 3 characters: "{value}"', az(DBW_NAME, 28, 30)), id: 'azurerm_databricks_workspace/name-min-length' },
  { ...pattern('azurerm_databricks_workspace', 'name', '^.{0,64}$', '"{key}" must be no more than 64 characters: "{value}"', az(DBW_NAME, 36, 38)), id: 'azurerm_databricks_workspace/name-max-length' },
  oneOf('azurerm_databricks_workspace', 'sku', ['standard', 'premium', 'trial'], az(DBW, 69, 77)),
  oneOf('azurerm_databricks_workspace', 'network_security_group_rules_required', ['AllRules', 'NoAzureDatabricksRules', 'NoAzureServiceRules'], az(DBW, 144, 152)),
  requiredWith('azurerm_databricks_workspace', 'default_storage_firewall_enabled', ['access_connector_id'], az(DBW, 132, 136)),
  requiredWith('azurerm_databricks_workspace', 'access_connector_id', ['default_storage_firewall_enabled'], az(DBW, 138, 142)),
  requiredWith('azurerm_databricks_workspace', 'managed_disk_cmk_rotation_to_latest_version_enabled', ['managed_disk_cmk_key_vault_key_id'], az(DBW, 301, 305)),
  pattern('azurerm_databricks_workspace', 'managed_services_cmk_key_vault_key_id', '^https://[^/]+/keys/[^/]+/[^/]+/?$',
    'expected "{key}" to be a versioned Key Vault key id (https://<vault>/keys/<name>/<version>), got {value}', az(DBW, 278, 282)),
  pattern('azurerm_databricks_workspace', 'managed_disk_cmk_key_vault_key_id', '^https://[^/]+/keys/[^/]+/[^/]+/?$',
    'expected "{key}" to be a versioned Key Vault key id (https://<vault>/keys/<name>/<version>), got {value}', az(DBW, 290, 294)),
  atLeastOneOf('azurerm_databricks_workspace', 'custom_parameters-at-least-one', [
    'machine_learning_workspace_id', 'nat_gateway_name', 'no_public_ip', 'public_ip_name', 'public_subnet_name', 'public_subnet_network_security_group_association_id',
    'private_subnet_name', 'private_subnet_network_security_group_association_id', 'virtual_network_id', 'storage_account_name', 'storage_account_sku_name', 'vnet_address_prefix',
  ], az(DBW, 161, 260), { block: 'custom_parameters' }),
  customizeDiff('azurerm_databricks_workspace', 'private-workspace-nsg-rules', ['public_network_access_enabled', 'network_security_group_rules_required'],
    'with `public_network_access_enabled = false`, `network_security_group_rules_required` is not `AllRules`',
    'having `network_security_group_rules_required` set to "AllRules" and `public_network_access_enabled` set to `false` is an invalid configuration', az(DBW, 394, 397),
    { public_network_access_enabled: true }),
  customizeDiff('azurerm_databricks_workspace', 'private-workspace-load-balancer', ['public_network_access_enabled', 'load_balancer_backend_address_pool_id'],
    'with `public_network_access_enabled = false`, no `load_balancer_backend_address_pool_id`',
    'having `load_balancer_backend_address_pool_id` defined and having `public_network_access_enabled` set to `false` is an invalid configuration', az(DBW, 398, 400),
    { public_network_access_enabled: true }),
  customizeDiff('azurerm_databricks_workspace', 'premium-features', [
    'sku', 'customer_managed_key_enabled', 'default_storage_firewall_enabled', 'enhanced_security_compliance', 'infrastructure_encryption_enabled',
    'managed_disk_cmk_key_vault_key_id', 'managed_services_cmk_key_vault_key_id',
  ], 'customer-managed keys, infrastructure encryption, the default storage firewall and enhanced security compliance only with the premium SKU',
  '`customer_managed_key_enabled`, `default_storage_firewall_enabled`, `enhanced_security_compliance`, `infrastructure_encryption_enabled`, `managed_disk_cmk_key_vault_key_id` and `managed_services_cmk_key_vault_key_id` are only available with a `premium` workspace `sku`, got "{value}"',
  az(DBW, 412, 414)),

  // --- Azure Managed Redis --- (ForceNew: name, sku_name, high_availability_enabled; changing clustering_policy,
  // geo_replication_group_name or module deletes and re-creates the database in place, losing its data: managed_redis_resource.go#L539-L552)
  { ...length('azurerm_managed_redis', 'name', 3, 63, az(AMR_NAME, 19, 27)), message: '"{key}" length should be between 3 and 63, got {value}' },
  // The validator returns at its first failure (length, then `--`, then characters): each pattern lets through what an earlier check reports.
  {
    ...pattern('azurerm_managed_redis', 'name', '^(.{0,2}|.{64,}|(?!.*--).*)$', '"{key}" must not contain any consecutive hyphens, got {value}', az(AMR_NAME, 29, 32)),
    id: 'azurerm_managed_redis/name-consecutive-hyphens',
  },
  pattern('azurerm_managed_redis', 'name', '^(.{0,2}|.{64,}|.*--.*|[A-Za-z0-9][A-Za-z0-9-]+[A-Za-z0-9])$',
    '"{key}" can only contain letters, numbers and hyphens. The first and last characters must each be a letter or a number, got {value}', az(AMR_NAME, 34, 37)),
  oneOf('azurerm_managed_redis', 'sku_name', AMR_SKUS, az(AMR, 105, 110)),
  oneOf('azurerm_managed_redis', 'public_network_access', ['Disabled', 'Enabled'], az(AMR, 257, 262)),
  pattern('azurerm_managed_redis', 'key_vault_key_id', '^https://[^/]+/keys/[^/]+/[^/]+/?$',
    'parsing {value}: expected a key vault versioned ID but no version information was found in: {value}', az(AMR, 118, 122), { block: 'customer_managed_key' }),
  oneOf('azurerm_managed_redis', 'client_protocol', ['Encrypted', 'Plaintext'], az(AMR, 150, 155), { block: 'default_database' }),
  oneOf('azurerm_managed_redis', 'clustering_policy', ['EnterpriseCluster', 'NoCluster', 'OSSCluster'], az(AMR, 157, 162), { block: 'default_database' }),
  oneOf('azurerm_managed_redis', 'eviction_policy', ['AllKeysLFU', 'AllKeysLRU', 'AllKeysRandom', 'NoEviction', 'VolatileLFU', 'VolatileLRU', 'VolatileRandom', 'VolatileTTL'],
    az(AMR, 164, 169), { block: 'default_database' }),
  oneOf('azurerm_managed_redis', 'persistence_append_only_file_backup_frequency', ['1s'], az(AMR, 207, 216), { block: 'default_database' }),
  oneOf('azurerm_managed_redis', 'persistence_redis_database_backup_frequency', ['12h', '1h', '6h'], az(AMR, 218, 226), { block: 'default_database' }),
  conflicts('azurerm_managed_redis', 'persistence_append_only_file_backup_frequency', ['geo_replication_group_name', 'persistence_redis_database_backup_frequency'],
    az(AMR, 207, 216), { block: 'default_database' }),
  conflicts('azurerm_managed_redis', 'persistence_redis_database_backup_frequency', ['geo_replication_group_name', 'persistence_append_only_file_backup_frequency'],
    az(AMR, 218, 226), { block: 'default_database' }),
  oneOf('azurerm_managed_redis', 'name', ['RedisBloom', 'RedisTimeSeries', 'RediSearch', 'RedisJSON'], az(AMR, 183, 192), { block: 'default_database.module' }),
  customizeDiff('azurerm_managed_redis', 'geo_replication-sku', ['default_database.geo_replication_group_name', 'sku_name'],
    '`default_database.geo_replication_group_name` only with a SKU other than Balanced_B0 and Balanced_B1',
    'SKU "{value}" does not support geo-replication, only following SKUs are supported: ' + AMR_SKUS.filter((x) => x !== 'Balanced_B0' && x !== 'Balanced_B1').join(', '),
    az(AMR, 656, 659)),
  customizeDiff('azurerm_managed_redis', 'geo_replication-modules', ['default_database.geo_replication_group_name', 'default_database.module'],
    'with `default_database.geo_replication_group_name`, only the RediSearch and RedisJSON modules',
    'invalid module "{value}", only following modules are supported when `geo_replication_group_name` is not empty: RediSearch, RedisJSON', az(AMR, 661, 665)),
  customizeDiff('azurerm_managed_redis', 'redisearch-eviction', ['default_database.module', 'default_database.eviction_policy'],
    'with the RediSearch module, `default_database.eviction_policy` is NoEviction',
    'invalid eviction_policy "{value}", when using RediSearch module, eviction_policy must be set to NoEviction', az(AMR, 668, 673),
    { 'default_database.eviction_policy': 'VolatileLRU' }),
  customizeDiff('azurerm_managed_redis', 'redisearch-clustering', ['default_database.module', 'default_database.clustering_policy'],
    'with the RediSearch module, `default_database.clustering_policy` is EnterpriseCluster',
    'invalid clustering_policy "{value}", when using RediSearch module, clustering_policy must be set to EnterpriseCluster', az(AMR, 668, 677),
    { 'default_database.clustering_policy': 'OSSCluster' }),

  // --- Linux web app ---
  exactlyOneOf('azurerm_linux_web_app', 'site_config.application_stack-one-stack', [
    'docker_image_name', 'dotnet_version', 'java_version', 'node_version', 'php_version', 'python_version', 'ruby_version', 'go_version',
  ], az(APP_STACK, 338, 347), { block: 'site_config.application_stack' }),
  requiredWith('azurerm_linux_web_app', 'docker_registry_url', ['docker_image_name'], az(APP_STACK, 477, 483), { block: 'site_config.application_stack' }),
  requiredWith('azurerm_linux_web_app', 'java_version', ['java_server_version', 'java_server'], az(APP_STACK, 436, 448), { block: 'site_config.application_stack' }),
  notEmpty('azurerm_linux_web_app', 'docker_image_name', az(APP_STACK, 471, 476), { block: 'site_config.application_stack' }),
  pattern('azurerm_linux_web_app', 'docker_registry_url', '^https?://\\S+$', 'expected "{key}" to have a host, got {value}', az(APP_STACK, 477, 483), { block: 'site_config.application_stack' }),
  requiredWith('azurerm_linux_web_app', 'health_check_path', ['health_check_eviction_time_in_min'], az(APP_SCHEMA, 216, 220), { block: 'site_config' }),
  requiredWith('azurerm_linux_web_app', 'health_check_eviction_time_in_min', ['health_check_path'], az(APP_SCHEMA, 222, 227), { block: 'site_config' }),
  range('azurerm_linux_web_app', 'health_check_eviction_time_in_min', 2, 10, az(APP_SCHEMA, 222, 227), { block: 'site_config' }),
  range('azurerm_linux_web_app', 'worker_count', 1, 100, az(APP_SCHEMA, 230, 235), { block: 'site_config' }),
  oneOf('azurerm_linux_web_app', 'minimum_tls_version', TLS_VERSIONS, az(APP_SCHEMA, 237, 242), { block: 'site_config' }),
  oneOf('azurerm_linux_web_app', 'scm_minimum_tls_version', TLS_VERSIONS, az(APP_SCHEMA, 244, 249), { block: 'site_config' }),
  oneOf('azurerm_linux_web_app', 'ftps_state', ['AllAllowed', 'Disabled', 'FtpsOnly'], az(APP_SCHEMA, 205, 214), { block: 'site_config' }),
  pattern('azurerm_linux_web_app', 'container_registry_managed_identity_client_id', '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
    'expected "{key}" to be a valid UUID, got {value}', az(APP_SCHEMA, 98, 102), { block: 'site_config' }),
  oneOf('azurerm_linux_web_app', 'unauthenticated_action', ['RedirectToLoginPage', 'AllowAnonymous', 'Return401', 'Return403'], az(AUTH_V2, 82, 93), { block: 'auth_settings_v2' }),
  atLeastOneOf('azurerm_linux_web_app', 'auth_settings_v2-one-provider', [
    'apple_v2', 'active_directory_v2', 'azure_static_web_app_v2', 'custom_oidc_v2', 'facebook_v2', 'github_v2', 'google_v2', 'microsoft_v2', 'twitter_v2',
  ], az(AUTH_V2, 575, 587), { block: 'auth_settings_v2' }),
  conflicts('azurerm_linux_web_app', 'client_secret_setting_name', ['client_secret_certificate_thumbprint'], az(AUTH_V2, 734, 742), { block: 'auth_settings_v2.active_directory_v2' }),
  conflicts('azurerm_linux_web_app', 'client_secret_certificate_thumbprint', ['client_secret_setting_name'], az(AUTH_V2, 744, 752), { block: 'auth_settings_v2.active_directory_v2' }),
  notEmpty('azurerm_linux_web_app', 'client_id', az(AUTH_V2, 720, 724), { block: 'auth_settings_v2.active_directory_v2' }),
  conflicts('azurerm_linux_web_app', 'token_store_path', ['token_store_sas_setting_name'], az(AUTH_V2, 322, 330), { block: 'auth_settings_v2.login' }),
  conflicts('azurerm_linux_web_app', 'file_system', ['azure_blob_storage'], az(WEB_COMMON, 801, 806), { block: 'logs.http_logs' }),
  range('azurerm_linux_web_app', 'retention_in_mb', 25, 100, az(WEB_COMMON, 809, 813), { block: 'logs.http_logs.file_system' }),
  range('azurerm_linux_web_app', 'retention_in_days', 0, undefined, az(WEB_COMMON, 815, 819), { block: 'logs.http_logs.file_system' }),

  // --- App Service plan ---
  oneOf('azurerm_service_plan', 'sku_name', SERVICE_PLAN_SKUS, az(PLAN, 74, 82)),
  oneOf('azurerm_service_plan', 'os_type', ['Windows', 'Linux', 'WindowsContainer'], az(PLAN, 84, 93)),
  range('azurerm_service_plan', 'worker_count', 1, undefined, az(PLAN, 107, 112)),
  customizeDiff('azurerm_service_plan', 'zone_balancing_enabled-sku', ['zone_balancing_enabled', 'sku_name'],
    '`zone_balancing_enabled = true` only on Premium, Elastic Premium, Workflow, Consumption, Flex Consumption and Isolated SKUs',
    '`zone_balancing_enabled` cannot be set to `true` when sku tier is `{value}`', az(PLAN, 405, 410), { zone_balancing_enabled: false }),
  customizeDiff('azurerm_service_plan', 'premium_plan_auto_scale_enabled-premium', ['premium_plan_auto_scale_enabled', 'sku_name'],
    '`premium_plan_auto_scale_enabled = true` only on Premium SKUs',
    '`premium_plan_auto_scale_enabled` can only be set for premium app service plans', az(PLAN, 393, 397)),

  // --- Key Vault ---
  pattern('azurerm_key_vault', 'name', '^[a-zA-Z0-9-]{3,24}$', '"{key}" may only contain alphanumeric characters and dashes and must be between 3-24 chars', az(KV, 66, 71)),
  oneOf('azurerm_key_vault', 'sku_name', ['standard', 'premium'], az(KV, 76, 84)),
  range('azurerm_key_vault', 'soft_delete_retention_days', 7, 90, az(KV, 199, 204)),
  oneOf('azurerm_key_vault', 'default_action', ['Allow', 'Deny'], az(KV, 150, 157), { block: 'network_acls' }),
  oneOf('azurerm_key_vault', 'bypass', ['None', 'AzureServices'], az(KV, 158, 165), { block: 'network_acls' }),
  conflicts('azurerm_key_vault', 'rbac_authorization_enabled', ['enable_rbac_authorization'], az(KV, 216, 222)),
  conflicts('azurerm_key_vault', 'enable_rbac_authorization', ['rbac_authorization_enabled'], az(KV, 223, 229)),

  pattern('azurerm_key_vault_secret', 'name', '^[0-9a-zA-Z-]+$', '"{key}" may only contain alphanumeric characters and dashes', az(KV_SECRET, 51, 56)),
  exactlyOneOf('azurerm_key_vault_secret', 'value-or-value_wo', ['value', 'value_wo'], az(KV_SECRET, 59, 73)),
  requiredWith('azurerm_key_vault_secret', 'value_wo', ['value_wo_version'], az(KV_SECRET, 67, 73)),
  requiredWith('azurerm_key_vault_secret', 'value_wo_version', ['value_wo'], az(KV_SECRET, 75, 80)),
  range('azurerm_key_vault_secret', 'value_wo_version', 1, undefined, az(KV_SECRET, 75, 80)),
  pattern('azurerm_key_vault_secret', 'expiration_date', '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$',
    '"{key}" is not a valid RFC3339 date: {value}', az(KV_SECRET, 93, 97)),

  pattern('azurerm_key_vault_key', 'name', '^[0-9a-zA-Z-]+$', '"{key}" may only contain alphanumeric characters and dashes', az(KV_KEY, 62, 67)),
  oneOf('azurerm_key_vault_key', 'key_type', ['EC', 'EC-HSM', 'RSA', 'RSA-HSM'], az(KV_KEY, 70, 82)),
  conflicts('azurerm_key_vault_key', 'key_size', ['curve'], az(KV_KEY, 86, 90)),
  conflicts('azurerm_key_vault_key', 'curve', ['key_size'], az(KV_KEY, 115, 131)),
  oneOf('azurerm_key_vault_key', 'key_opts', ['decrypt', 'encrypt', 'sign', 'unwrapKey', 'verify', 'wrapKey'], az(KV_KEY, 89, 105)),
  atLeastOneOf('azurerm_key_vault_key', 'rotation_policy-expire-or-automatic', ['expire_after', 'automatic'], az(KV_KEY, 151, 163), { block: 'rotation_policy' }),
  requiredWith('azurerm_key_vault_key', 'notify_before_expiry', ['expire_after'], az(KV_KEY, 166, 175), { block: 'rotation_policy' }),
  atLeastOneOf('azurerm_key_vault_key', 'rotation_policy.automatic-one-trigger', ['time_after_creation', 'time_before_expiry'], az(KV_KEY, 182, 200), { block: 'rotation_policy.automatic' }),

  // --- PostgreSQL Flexible Server ---
  conflicts('azurerm_postgresql_flexible_server', 'administrator_password', ['administrator_password_wo'], az(PG, 82, 88)),
  conflicts('azurerm_postgresql_flexible_server', 'administrator_password_wo', ['administrator_password'], az(PG, 90, 97)),
  requiredWith('azurerm_postgresql_flexible_server', 'administrator_password_wo', ['administrator_password_wo_version'], az(PG, 90, 97)),
  requiredWith('azurerm_postgresql_flexible_server', 'administrator_password_wo_version', ['administrator_password_wo'], az(PG, 99, 103)),
  notEmpty('azurerm_postgresql_flexible_server', 'administrator_password', az(PG, 82, 88)),
  notWhiteSpace('azurerm_postgresql_flexible_server', 'administrator_login', az(PG, 75, 80)),
  requiredWith('azurerm_postgresql_flexible_server', 'tenant_id', ['active_directory_auth_enabled'], az(PG, 122, 129), { block: 'authentication' }),
  pattern('azurerm_postgresql_flexible_server', 'sku_name', PG_SKU, '"{key}" is not a valid sku name, got {value}', az(PG, 134, 139)),
  intOneOf('azurerm_postgresql_flexible_server', 'storage_mb', [32768, 65536, 131072, 262144, 524288, 1048576, 2097152, 4193280, 4194304, 8388608, 16777216, 33553408], az(PG, 147, 152)),
  oneOf('azurerm_postgresql_flexible_server', 'storage_tier', ['P4', 'P6', 'P10', 'P15', 'P20', 'P30', 'P40', 'P50', 'P60', 'P70', 'P80'], az(PG, 154, 171)),
  oneOf('azurerm_postgresql_flexible_server', 'version', ['11', '12', '13', '14', '15', '16', '17', '18'], az(PG, 173, 186)),
  range('azurerm_postgresql_flexible_server', 'backup_retention_days', 7, 35, az(PG, 267, 272)),
  requiredWith('azurerm_postgresql_flexible_server', 'key_vault_key_id', ['/identity', 'primary_user_assigned_identity_id'], az(PG, 329, 338), { block: 'customer_managed_key' }),
  requiredWith('azurerm_postgresql_flexible_server', 'geo_backup_key_vault_key_id', ['/identity', 'geo_backup_user_assigned_identity_id'], az(PG, 343, 352), { block: 'customer_managed_key' }),

  // --- Network ---
  exactlyOneOf('azurerm_private_endpoint', 'private_service_connection-id-or-alias', ['private_connection_resource_alias', 'private_connection_resource_id'],
    az(PE, 153, 166), { block: 'private_service_connection' }),
  pattern('azurerm_private_endpoint', 'name', PRIVATE_LINK_NAME,
    '{key} must be between 1 - 80 characters long, begin with a letter or number, end with a letter, number or underscore, and may contain only letters, numbers, periods, hyphens or underscores', az(PE, 67, 72)),
  pattern('azurerm_private_endpoint', 'name', PRIVATE_LINK_NAME,
    '{key} must be between 1 - 80 characters long, begin with a letter or number, end with a letter, number or underscore, and may contain only letters, numbers, periods, hyphens or underscores', az(PE, 141, 146), { block: 'private_service_connection' }),
  pattern('azurerm_private_endpoint', 'name', PRIVATE_LINK_NAME,
    '{key} must be between 1 - 80 characters long, begin with a letter or number, end with a letter, number or underscore, and may contain only letters, numbers, periods, hyphens or underscores', az(PE, 118, 122), { block: 'private_dns_zone_group' }),
  pattern('azurerm_private_endpoint', 'subresource_names', '^([a-zA-Z0-9])([\\w.-]{1,61})([a-zA-Z0-9])$',
    '{key} must begin and end with a alphanumeric character, be between 3 and 63 characters in length, only contain letters, numbers, underscores, periods, and dashes', az(PE, 166, 173), { block: 'private_service_connection' }),
  length('azurerm_private_endpoint', 'request_message', 1, 140, az(PE, 175, 179), { block: 'private_service_connection' }),

  exactlyOneOf('azurerm_subnet', 'address_prefixes-or-ip_address_pool', ['address_prefixes', 'ip_address_pool'], az(SUBNET, 149, 160)),
  notEmpty('azurerm_subnet', 'address_prefixes', az(SUBNET, 149, 160)),
  oneOf('azurerm_subnet', 'private_endpoint_network_policies', ['Disabled', 'Enabled', 'NetworkSecurityGroupEnabled', 'RouteTableEnabled'], az(SUBNET, 279, 284)),
  oneOf('azurerm_subnet', 'sharing_scope', ['Tenant'], az(SUBNET, 188, 193)),
  customizeDiff('azurerm_subnet', 'sharing_scope-default_outbound_access', ['sharing_scope', 'default_outbound_access_enabled'],
    '`sharing_scope` only with `default_outbound_access_enabled = false` (its default is true)',
    '`sharing_scope` cannot be set if `default_outbound_access_enabled` is set to `true`', az(SUBNET, 114, 122), { default_outbound_access_enabled: true }),

  length('azurerm_network_security_group', 'description', 0, 140, az(NSG, 75, 79), { block: 'security_rule' }),
  oneOf('azurerm_network_security_group', 'protocol', ['Tcp', 'Udp', 'Icmp', '*', 'Ah', 'Esp'], az(NSG, 81, 92), { block: 'security_rule' }),
  oneOf('azurerm_network_security_group', 'access', ['Allow', 'Deny'], az(NSG, 156, 163), { block: 'security_rule' }),
  range('azurerm_network_security_group', 'priority', 100, 4096, az(NSG, 165, 169), { block: 'security_rule' }),
  oneOf('azurerm_network_security_group', 'direction', ['Inbound', 'Outbound'], az(NSG, 171, 178), { block: 'security_rule' }),

  // --- Monitoring ---
  atLeastOneOf('azurerm_monitor_diagnostic_setting', 'destination', ['eventhub_authorization_rule_id', 'log_analytics_workspace_id', 'storage_account_id', 'partner_solution_id'], az(DIAG, 74, 100)),
  atLeastOneOf('azurerm_monitor_diagnostic_setting', 'enabled_log-or-metric', ['enabled_log', 'enabled_metric', 'metric'], az(DIAG, 172, 187)),
  conflicts('azurerm_monitor_diagnostic_setting', 'enabled_metric', ['metric'], az(DIAG, 178)),
  oneOf('azurerm_monitor_diagnostic_setting', 'log_analytics_destination_type', ['Dedicated', 'AzureDiagnostics'], az(DIAG, 102, 111)),
  pattern('azurerm_monitor_diagnostic_setting', 'name', '^[^<>*%&:\\\\?+/]{1,260}$', 'characters <, >, *, %, &, :, \\, ?, +, / are not allowed in "{key}": "{value}"', az(DIAG, 51, 56)),
  notEmpty('azurerm_monitor_diagnostic_setting', 'category', az(DIAG, 119, 123), { block: 'enabled_log' }),
  notEmpty('azurerm_monitor_diagnostic_setting', 'category_group', az(DIAG, 125, 129), { block: 'enabled_log' }),
  notEmpty('azurerm_monitor_diagnostic_setting', 'category', az(DIAG, 162, 166), { block: 'enabled_metric' }),

  notEmpty('azurerm_monitor_autoscale_setting', 'name', az(AUTOSCALE, 56, 61)),
  notEmpty('azurerm_monitor_autoscale_setting', 'name', az(AUTOSCALE, 112, 116), { block: 'profile' }),
  range('azurerm_monitor_autoscale_setting', 'minimum', 0, 1000, az(AUTOSCALE, 123, 127), { block: 'profile.capacity' }),
  range('azurerm_monitor_autoscale_setting', 'maximum', 0, 1000, az(AUTOSCALE, 128, 132), { block: 'profile.capacity' }),
  range('azurerm_monitor_autoscale_setting', 'default', 0, 1000, az(AUTOSCALE, 133, 137), { block: 'profile.capacity' }),
  notEmpty('azurerm_monitor_autoscale_setting', 'metric_name', az(AUTOSCALE, 153, 157), { block: 'profile.rule.metric_trigger' }),
  oneOf('azurerm_monitor_autoscale_setting', 'statistic', ['Average', 'Max', 'Min', 'Sum'], az(AUTOSCALE, 168, 177), { block: 'profile.rule.metric_trigger' }),
  oneOf('azurerm_monitor_autoscale_setting', 'time_aggregation', ['Average', 'Count', 'Maximum', 'Minimum', 'Total', 'Last'], az(AUTOSCALE, 183, 194), { block: 'profile.rule.metric_trigger' }),
  oneOf('azurerm_monitor_autoscale_setting', 'operator', ['Equals', 'GreaterThan', 'GreaterThanOrEqual', 'LessThan', 'LessThanOrEqual', 'NotEquals'],
    az(AUTOSCALE, 195, 206), { block: 'profile.rule.metric_trigger' }),
  notEmpty('azurerm_monitor_autoscale_setting', 'metric_namespace', az(AUTOSCALE, 212, 216), { block: 'profile.rule.metric_trigger' }),
  oneOf('azurerm_monitor_autoscale_setting', 'direction', ['Decrease', 'Increase'], az(AUTOSCALE, 263, 270), { block: 'profile.rule.scale_action' }),
  oneOf('azurerm_monitor_autoscale_setting', 'type', ['ChangeCount', 'ExactCount', 'PercentChangeCount', 'ServiceAllowedNextValue'], az(AUTOSCALE, 271, 280), { block: 'profile.rule.scale_action' }),
  range('azurerm_monitor_autoscale_setting', 'value', 0, undefined, az(AUTOSCALE, 281, 285), { block: 'profile.rule.scale_action' }),

  conflicts('azurerm_log_analytics_workspace', 'local_authentication_disabled', ['local_authentication_enabled'], az(LAW, 186, 192)),
  conflicts('azurerm_log_analytics_workspace', 'local_authentication_enabled', ['local_authentication_disabled'], az(LAW, 193, 199)),
  customizeDiff('azurerm_log_analytics_workspace', 'sku-not-standard-or-premium', ['sku'], '`sku` is neither `Standard` nor `Premium` (Azure no longer creates them)',
    'creation of log analytics workspaces with `Standard` or `Premium` SKUs is no longer supported by Azure - see https://learn.microsoft.com/en-us/azure/azure-monitor/logs/cost-logs#standard-and-premium-pricing-tiers',
    az(LAW, 211, 231)),

  // --- Authorization ---
  exactlyOneOf('azurerm_role_assignment', 'role_definition-id-or-name', ['role_definition_id', 'role_definition_name'], az(ROLE, 81, 99)),
  notEmpty('azurerm_role_assignment', 'role_definition_name', az(ROLE, 91, 99)),
  oneOf('azurerm_role_assignment', 'principal_type', ['User', 'Group', 'ServicePrincipal'], az(ROLE, 106, 116)),
  notEmpty('azurerm_role_assignment', 'description', az(ROLE, 131, 136)),
  notEmpty('azurerm_role_assignment', 'condition', az(ROLE, 138, 143)),
  oneOf('azurerm_role_assignment', 'condition_version', ['1.0', '2.0'], az(ROLE, 145, 155)),

  // --- API Management: API, operations, policy, backend ---
  customizeDiff('azurerm_api_management_api', 'display_name-protocols-without-source', ['display_name', 'protocols', 'source_api_id'],
    '`display_name` and `protocols` are set unless `source_api_id` is', '`display_name`, `protocols` are required when `source_api_id` is not set', az('apimanagement/api_management_api_resource.go', 350, 353)),
  customizeDiff('azurerm_api_management_api', 'version-needs-version_set_id', ['version', 'version_set_id'],
    '`version` only with `version_set_id`', 'setting `version` without the required `version_set_id`', az('apimanagement/api_management_api_resource.go', 345, 348)),
  oneOf('azurerm_api_management_api', 'protocols', ['http', 'https', 'ws', 'wss'], az('apimanagement/api_management_api_resource.go', 74, 86)),
  notEmpty('azurerm_api_management_api', 'display_name', az('apimanagement/api_management_api_resource.go', 60, 65)),
  notEmpty('azurerm_api_management_api', 'revision', az('apimanagement/api_management_api_resource.go', 89, 94)),
  pattern('azurerm_api_management_api', 'path', '^(?:|[\\w]|[\\w.][\\w\\-/.:]{0,398}[\\w-])$',
    '"{key}" may only be up to 400 characters in length, not start or end with `/` and only contain valid url characters', az('apimanagement/api_management_api_resource.go', 67, 72)),
  conflicts('azurerm_api_management_api', 'oauth2_authorization', ['openid_authentication'], az('apimanagement/api_management_api_resource.go', 265, 270)),
  conflicts('azurerm_api_management_api', 'openid_authentication', ['oauth2_authorization'], az('apimanagement/api_management_api_resource.go', 286, 291)),
  notEmpty('azurerm_api_management_api', 'header', az('apimanagement/api_management_api_resource.go', 233, 237), { block: 'subscription_key_parameter_names' }),
  notEmpty('azurerm_api_management_api', 'query', az('apimanagement/api_management_api_resource.go', 238, 242), { block: 'subscription_key_parameter_names' }),

  // Not plan-time, so not here: `state` defaults to `submitted` (a key that does not work), `api_id` and
  // `product_id` both left out scope the key to every API (`/apis`), and an `api_id` with `;rev=1` (the
  // id azurerm_api_management_api returns) gives a key that does not work (azurerm#23399). FrontEndEmbeddings
  // sets `active` and the API id without the revision.
  conflicts('azurerm_api_management_subscription', 'product_id', ['api_id'], az('apimanagement/api_management_subscription_resource.go', 77, 83)),
  conflicts('azurerm_api_management_subscription', 'api_id', ['product_id'], az('apimanagement/api_management_subscription_resource.go', 85, 91)),
  oneOf('azurerm_api_management_subscription', 'state', ['active', 'cancelled', 'expired', 'rejected', 'submitted', 'suspended'],
    az('apimanagement/api_management_subscription_resource.go', 93, 105)),
  notEmpty('azurerm_api_management_subscription', 'display_name', az('apimanagement/api_management_subscription_resource.go', 71, 75)),
  pattern('azurerm_api_management_subscription', 'subscription_id', '^$|^[a-zA-Z0-9]([a-zA-Z0-9-_]{0,78}[a-zA-Z0-9])?$',
    '"{key}" may only contain alphanumeric characters, underscores and dashes up to 80 characters in length', az('apimanagement/api_management_subscription_resource.go', 51, 57)),

  customizeDiff('azurerm_api_management_api_operation', 'url_template-parameters', ['url_template', 'template_parameter'],
    'every `{name}` in `url_template` has a `template_parameter` and every `template_parameter` is used',
    'template parameter `{value}` used in `url_template` is not defined in `template_parameter`', az('apimanagement/api_management_api_operation_resource.go', 118, 152)),

  conflicts('azurerm_api_management_api_policy', 'xml_content', ['xml_link'], az('apimanagement/api_management_api_policy_resource.go', 56, 61)),
  conflicts('azurerm_api_management_api_policy', 'xml_link', ['xml_content'], az('apimanagement/api_management_api_policy_resource.go', 64, 68)),
  atLeastOneOf('azurerm_api_management_api_policy', 'xml_content-or-xml_link', ['xml_content', 'xml_link'], az('apimanagement/api_management_api_policy_resource.go', 56, 70)),

  pattern('azurerm_api_management_backend', 'name', '(^[\\w]+$)|(^[\\w][\\w\\-]+[\\w]$)', '"{key}" may only contain alphanumeric characters and dashes up to 50 characters in length', az('apimanagement/api_management_backend_resource.go', 48, 53)),
  oneOf('azurerm_api_management_backend', 'protocol', ['http', 'soap'], az('apimanagement/api_management_backend_resource.go', 208, 215)),
  length('azurerm_api_management_backend', 'description', 1, 2000, az('apimanagement/api_management_backend_resource.go', 202, 206)),
  pattern('azurerm_api_management_backend', 'name', '^[a-zA-Z0-9]([a-zA-Z0-9-]{0,78}[a-zA-Z0-9])?$',
    'invalid value for {key} (name must be 1-80 characters long, start and end with an alphanumeric and contain only alphanumerics and dashes)', az('apimanagement/api_management_backend_resource.go', 65, 72), { block: 'circuit_breaker_rule' }),
  exactlyOneOf('azurerm_api_management_backend', 'circuit_breaker_rule.failure_condition-count-or-percentage', ['count', 'percentage'],
    az('apimanagement/api_management_backend_resource.go', 95, 115), { block: 'circuit_breaker_rule.failure_condition' }),
  atLeastOneOf('azurerm_api_management_backend', 'circuit_breaker_rule.failure_condition-status-or-reasons', ['status_code_range', 'error_reasons'],
    az('apimanagement/api_management_backend_resource.go', 101, 121), { block: 'circuit_breaker_rule.failure_condition' }),
  range('azurerm_api_management_backend', 'count', 1, 10000, az('apimanagement/api_management_backend_resource.go', 95, 99), { block: 'circuit_breaker_rule.failure_condition' }),
  range('azurerm_api_management_backend', 'percentage', 1, 100, az('apimanagement/api_management_backend_resource.go', 111, 115), { block: 'circuit_breaker_rule.failure_condition' }),
  range('azurerm_api_management_backend', 'min', 200, 599, az('apimanagement/api_management_backend_resource.go', 123, 127), { block: 'circuit_breaker_rule.failure_condition.status_code_range' }),
  range('azurerm_api_management_backend', 'max', 200, 599, az('apimanagement/api_management_backend_resource.go', 128, 132), { block: 'circuit_breaker_rule.failure_condition.status_code_range' }),
  atLeastOneOf('azurerm_api_management_backend', 'credentials-one-kind', ['authorization', 'certificate', 'header', 'query'], az('apimanagement/api_management_backend_resource.go', 167, 197), { block: 'credentials' }),
  atLeastOneOf('azurerm_api_management_backend', 'tls-one-check', ['validate_certificate_chain', 'validate_certificate_name'], az('apimanagement/api_management_backend_resource.go', 324, 333), { block: 'tls' }),

  // --- Application Insights ---
  oneOf('azurerm_application_insights', 'application_type', ['web', 'other', 'java', 'MobileCenter', 'phone', 'store', 'ios', 'Node.JS'], az('applicationinsights/application_insights_resource.go', 64, 77)),
  intOneOf('azurerm_application_insights', 'retention_in_days', [30, 60, 90, 120, 180, 270, 365, 550, 730], az('applicationinsights/application_insights_resource.go', 88, 103)),
  { ...range('azurerm_application_insights', 'sampling_percentage', 0, 100, az('applicationinsights/application_insights_resource.go', 105, 110)), message: 'expected {key} to be in the range ({min}.000000 - {max}.000000), got {value}' },

  pattern('azurerm_application_insights_workbook', 'name', '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
    'expected "{key}" to be a valid UUID without uppercase letters, got {value}', az('applicationinsights/application_insights_workbook_resource.go', 54, 62)),
  notEmpty('azurerm_application_insights_workbook', 'display_name', az('applicationinsights/application_insights_workbook_resource.go', 68, 72)),
  pattern('azurerm_application_insights_workbook', 'source_id', '^[^A-Z]*$', 'expected value of {key} to not contain any uppercase letter', az('applicationinsights/application_insights_workbook_resource.go', 81, 86)),
  notEmpty('azurerm_application_insights_workbook', 'category', az('applicationinsights/application_insights_workbook_resource.go', 88, 93)),

  // --- Container registry cache rule ---
  none('azurerm_container_registry_cache_rule', az('containers/container_registry_cache_rule_resource.go', 247, 259),
    'no refusal at plan: its CustomizeDiff only forces a replacement when `credential_set_id` is removed; `name` and the ids have format validators, not encoded'),

  // --- Monitor private link scope ---
  oneOf('azurerm_monitor_private_link_scope', 'ingestion_access_mode', ['Open', 'PrivateOnly'], az('monitor/monitor_private_link_scope_resource.go', 50, 55)),
  oneOf('azurerm_monitor_private_link_scope', 'query_access_mode', ['Open', 'PrivateOnly'], az('monitor/monitor_private_link_scope_resource.go', 57, 62)),
  notEmpty('azurerm_monitor_private_link_scoped_service', 'name', az('monitor/monitor_private_link_scoped_service_resource.go', 45, 50)),

  // --- NAT gateway, public IP ---
  range('azurerm_nat_gateway', 'idle_timeout_in_minutes', 4, 120, az('network/nat_gateway_resource.go', 69, 74)),
  oneOf('azurerm_nat_gateway', 'sku_name', ['Standard'], az('network/nat_gateway_resource.go', 76, 84)),
  none('azurerm_nat_gateway_public_ip_association', az('network/nat_gateway_public_ip_association_resource.go', 41, 55),
    'only the format validators of its two ids (always references here), not encoded'),
  notEmpty('azurerm_public_ip', 'name', az('network/public_ip_resource.go', 52, 57)),
  oneOf('azurerm_public_ip', 'allocation_method', ['Static', 'Dynamic'], az('network/public_ip_resource.go', 62, 70)),
  oneOf('azurerm_public_ip', 'sku', ['Basic', 'Standard'], az('network/public_ip_resource.go', 104, 114)),
  oneOf('azurerm_public_ip', 'ip_version', ['IPv4', 'IPv6'], az('network/public_ip_resource.go', 92, 101)),
  range('azurerm_public_ip', 'idle_timeout_in_minutes', 4, 30, az('network/public_ip_resource.go', 126, 131)),

  // --- PostgreSQL configuration, database, Entra administrator ---
  notEmpty('azurerm_postgresql_flexible_server_configuration', 'name', az('postgres/postgresql_flexible_server_configuration_resource.go', 42, 47)),
  notEmpty('azurerm_postgresql_flexible_server_configuration', 'value', az('postgres/postgresql_flexible_server_configuration_resource.go', 55, 60)),
  pattern('azurerm_postgresql_flexible_server_database', 'name', '^[a-zA-Z_-][a-zA-Z0-9_-]{0,62}$', '"{key}" must begin with a letter and only contain numbers, characters and `-`, `_` (1 to 63), got {value}', az('postgres/postgresql_flexible_server_database_resource.go', 40, 45)),
  {
    ...oneOf('azurerm_postgresql_flexible_server_database', 'charset', [
      'BIG5', 'EUC_CN', 'EUC_JP', 'EUC_JIS_2004', 'EUC_KR', 'EUC_TW', 'GB18030', 'GBK', 'ISO_8859_5', 'ISO_8859_6', 'ISO_8859_7', 'ISO_8859_8', 'JOHAB',
      'KOI8R', 'KOI8U', 'LATIN1', 'LATIN2', 'LATIN3', 'LATIN4', 'LATIN5', 'LATIN6', 'LATIN7', 'LATIN8', 'LATIN9', 'LATIN10', 'MULE_INTERNAL', 'SJIS',
      'SHIFT_JIS_2004', 'SQL_ASCII', 'UHC', 'UTF8', 'WIN866', 'WIN874', 'WIN1250', 'WIN1251', 'WIN1252', 'WIN1253', 'WIN1254', 'WIN1255', 'WIN1256',
      'WIN1257', 'WIN1258',
    ], az('postgres/postgresql_flexible_server_database_resource.go', 54, 61)),
    message: '{key} contains unknown charset {value}, see https://www.postgresql.org/docs/13/multibyte.html#CHARSET-TABLE for available charsets in PostgreSQL',
  },
  oneOf('azurerm_postgresql_flexible_server_active_directory_administrator', 'principal_type', ['Group', 'ServicePrincipal', 'User'], az('postgres/postgresql_flexible_server_active_directory_administrator_resource.go', 62, 71)),
  notEmpty('azurerm_postgresql_flexible_server_active_directory_administrator', 'principal_name', az('postgres/postgresql_flexible_server_active_directory_administrator_resource.go', 55, 60)),

  // --- Private DNS ---
  none('azurerm_private_dns_zone', az('privatedns/private_dns_zone_resource.go', 83, 128),
    'only the optional `soa_record` block has value checks (non-negative times), which the library never sets'),
  notEmpty('azurerm_private_dns_zone_virtual_network_link', 'private_dns_zone_name', az('privatedns/private_dns_zone_virtual_network_link_resource.go', 59, 64)),
  oneOf('azurerm_private_dns_zone_virtual_network_link', 'resolution_policy', ['Default', 'NxDomainRedirect'], az('privatedns/private_dns_zone_virtual_network_link_resource.go', 82, 87)),

  // --- Resource group, identity, associations ---
  notEmpty('azurerm_resource_group', 'managed_by', az('resource/resource_group_resource.go', 52, 57)),
  none('azurerm_user_assigned_identity', az('managedidentity/user_assigned_identity_resource.go', 1, 60), 'no plan-time rule beyond the schema (name, location, resource group, tags)'),
  none('azurerm_subnet_nat_gateway_association', az('network/subnet_nat_gateway_association_resource.go', 41, 55), 'only the format validators of its two ids (always references here), not encoded'),
  none('azurerm_subnet_network_security_group_association', az('network/subnet_network_security_group_association_resource.go', 41, 55), 'only the format validators of its two ids (always references here), not encoded'),
  none('azurerm_subnet_route_table_association', az('network/subnet_route_table_association_resource.go', 41, 55), 'only the format validators of its two ids (always references here), not encoded'),

  // --- Virtual network, peering, route table, subnet delegation ---
  exactlyOneOf('azurerm_virtual_network', 'address_space-or-ip_address_pool', ['address_space', 'ip_address_pool'], az('network/virtual_network_resource.go', 78, 88)),
  notEmpty('azurerm_virtual_network', 'address_space', az('network/virtual_network_resource.go', 78, 88)),
  notEmpty('azurerm_virtual_network', 'name', az('network/virtual_network_resource.go', 68, 73)),
  range('azurerm_virtual_network', 'flow_timeout_in_minutes', 4, 30, az('network/virtual_network_resource.go', 157, 161)),
  none('azurerm_virtual_network_peering', az('network/virtual_network_peering_resource.go', 60, 125), 'only non-empty subnet names in `local_subnet_names`/`remote_subnet_names`, which the library never sets'),
  oneOf('azurerm_route_table', 'next_hop_type', ['VirtualNetworkGateway', 'VnetLocal', 'Internet', 'VirtualAppliance', 'None'], az('network/route_table_resource.go', 80, 90), { block: 'route' }),
  notEmpty('azurerm_route_table', 'address_prefix', az('network/route_table_resource.go', 74, 78), { block: 'route' }),
  oneOf('azurerm_subnet', 'name', [
    'GitHub.Network/networkSettings', 'Informatica.DataManagement/organizations', 'Microsoft.ApiManagement/service', 'Microsoft.Apollo/npu', 'Microsoft.App/environments',
    'Microsoft.App/testClients', 'Microsoft.AVS/PrivateClouds', 'Microsoft.AzureCosmosDB/clusters', 'Microsoft.BareMetal/AzureHostedService', 'Microsoft.BareMetal/AzureHPC',
    'Microsoft.BareMetal/AzurePaymentHSM', 'Microsoft.BareMetal/AzureVMware', 'Microsoft.BareMetal/CrayServers', 'Microsoft.BareMetal/MonitoringServers',
    'Microsoft.Batch/batchAccounts', 'Microsoft.CloudTest/hostedpools', 'Microsoft.CloudTest/images', 'Microsoft.CloudTest/pools', 'Microsoft.Codespaces/plans',
    'Microsoft.ContainerInstance/containerGroups', 'Microsoft.ContainerService/managedClusters', 'Microsoft.ContainerService/TestClients', 'Microsoft.Databricks/workspaces',
    'Microsoft.DBforMySQL/flexibleServers', 'Microsoft.DBforMySQL/servers', 'Microsoft.DBforMySQL/serversv2', 'Microsoft.DBforPostgreSQL/flexibleServers',
    'Microsoft.DBforPostgreSQL/serversv2', 'Microsoft.DBforPostgreSQL/singleServers', 'Microsoft.DelegatedNetwork/controller', 'Microsoft.DevCenter/networkConnection',
    'Microsoft.DevOpsInfrastructure/pools', 'Microsoft.DocumentDB/cassandraClusters', 'Microsoft.Fidalgo/networkSettings', 'Microsoft.HardwareSecurityModules/dedicatedHSMs',
    'Microsoft.Kusto/clusters', 'Microsoft.LabServices/labplans', 'Microsoft.Logic/integrationServiceEnvironments', 'Microsoft.MachineLearningServices/workspaces',
    'Microsoft.Netapp/volumes', 'Microsoft.Network/applicationGateways', 'Microsoft.Network/dnsResolvers', 'Microsoft.Network/managedResolvers',
    'Microsoft.Network/fpgaNetworkInterfaces', 'Microsoft.Network/networkWatchers.', 'Microsoft.Network/virtualNetworkGateways', 'Microsoft.Orbital/orbitalGateways',
    'Microsoft.PowerAutomate/hostedRpa', 'Microsoft.PowerPlatform/enterprisePolicies', 'Microsoft.PowerPlatform/vnetaccesslinks', 'Microsoft.ServiceFabricMesh/networks',
    'Microsoft.ServiceNetworking/trafficControllers', 'Microsoft.Singularity/accounts/networks', 'Microsoft.Singularity/accounts/npu', 'Microsoft.Sql/managedInstances',
    'Microsoft.Sql/managedInstancesOnebox', 'Microsoft.Sql/managedInstancesStage', 'Microsoft.Sql/managedInstancesTest', 'Microsoft.Sql/servers',
    'Microsoft.StoragePool/diskPools', 'Microsoft.StreamAnalytics/streamingJobs', 'Microsoft.Synapse/workspaces', 'Microsoft.Web/hostingEnvironments',
    'Microsoft.Web/serverFarms', 'NGINX.NGINXPLUS/nginxDeployments', 'Oracle.Database/networkAttachments', 'PaloAltoNetworks.Cloudngfw/firewalls', 'Qumulo.Storage/fileSystems',
  ], az(SUBNET, 210, 214), { block: 'delegation.service_delegation' }),
  oneOf('azurerm_subnet', 'actions', [
    'Microsoft.Network/networkinterfaces/*', 'Microsoft.Network/publicIPAddresses/join/action', 'Microsoft.Network/publicIPAddresses/read',
    'Microsoft.Network/virtualNetworks/read', 'Microsoft.Network/virtualNetworks/subnets/action', 'Microsoft.Network/virtualNetworks/subnets/join/action',
    'Microsoft.Network/virtualNetworks/subnets/prepareNetworkPolicies/action', 'Microsoft.Network/virtualNetworks/subnets/unprepareNetworkPolicies/action',
  ], az(SUBNET, 216, 231), { block: 'delegation.service_delegation' }),

  // --- Data sources ---
  none('azurerm_client_config', az('authorization/client_config_data_source.go', 1, 60), 'no arguments at all', { dataSource: true }),
  // --- Linux web app: what cannot be encoded ---
  pattern('azurerm_linux_web_app', 'name', '^[0-9a-zA-Z-]{2,60}$', '{key} must be between 2 and 60 characters, and contain only alphanumeric characters and dashes', az(APP, 83, 88)),
];

const AD_APP = 'applications/application_resource.go';
const AD_PASSWORD = 'applications/application_password_resource.go';
const AD_SP = 'serviceprincipals/service_principal_resource.go';
const AD_ARA = 'approleassignments/app_role_assignment_resource.go';
const PERSONAL_AUDIENCES = ['AzureADandPersonalMicrosoftAccount', 'PersonalMicrosoftAccount'];

/** azuread 3.7.0. */
const AZUREAD_RULES: ProviderRule[] = [
  notEmpty('azuread_application', 'display_name', ad(AD_APP, 82, 87)),
  oneOf('azuread_application', 'sign_in_audience', ['AzureADMyOrg', 'AzureADMultipleOrgs', ...PERSONAL_AUDIENCES], ad(AD_APP, 524, 530)),
  conflicts('azuread_application', 'tags', ['feature_tags'], ad(AD_APP, 559, 566)),
  conflicts('azuread_application', 'feature_tags', ['tags'], ad(AD_APP, 289, 295)),
  pattern('azuread_application', 'redirect_uris', '^(urn:[^:]*:.+|(https?|ms-appx-web|brk-multihub)://\\S+)$', 'URI must have a scheme of http, https, ms-appx-web or brk-multihub (or be a URN) for "{key}"',
    ad(AD_APP, 607, 615), { block: 'web' }),
  { ...length('azuread_application', 'redirect_uris', 1, 256, lines('https://github.com/hashicorp/terraform-provider-azuread/blob/v3.7.0/internal/', 'helpers/tf/validation/uri.go', 52, 54), { block: 'web' }), message: 'URI must be 256 characters or less for "{key}"' },
  customizeDiff('azuread_application', 'personal-accounts-need-v2-tokens', ['sign_in_audience', 'api.requested_access_token_version'],
    'with a `sign_in_audience` that admits personal Microsoft accounts, `api.requested_access_token_version` must be 2',
    '`requested_access_token_version` must be 2 when `sign_in_audience` is "AzureADandPersonalMicrosoftAccount" or "PersonalMicrosoftAccount"', ad(AD_APP, 727, 742),
    { sign_in_audience: 'AzureADMyOrg' }),

  conflicts('azuread_application_password', 'end_date', ['end_date_relative'], ad(AD_PASSWORD, 76, 84)),
  conflicts('azuread_application_password', 'end_date_relative', ['end_date'], ad(AD_PASSWORD, 86, 93)),
  pattern('azuread_application_password', 'end_date', '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$', '"{key}" is not a valid RFC3339 date: {value}', ad(AD_PASSWORD, 76, 84)),

  pattern('azuread_service_principal', 'client_id', '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', 'expected "{key}" to be a valid UUID, got {value}', ad(AD_SP, 71, 77)),
  conflicts('azuread_service_principal', 'tags', ['features', 'feature_tags'], ad(AD_SP, 223, 230)),
  conflicts('azuread_service_principal', 'feature_tags', ['features', 'tags'], ad(AD_SP, 109, 115)),
  conflicts('azuread_service_principal', 'features', ['feature_tags', 'tags'], ad(AD_SP, 144, 151)),
  length('azuread_service_principal', 'description', 0, 1024, ad(AD_SP, 102, 107)),
  pattern('azuread_app_role_assignment', 'app_role_id', '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', 'expected "{key}" to be a valid UUID, got {value}', ad(AD_ARA, 60, 66)),
  pattern('azuread_app_role_assignment', 'principal_object_id', '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', 'expected "{key}" to be a valid UUID, got {value}', ad(AD_ARA, 68, 74)),
  pattern('azuread_app_role_assignment', 'resource_object_id', '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', 'expected "{key}" to be a valid UUID, got {value}', ad(AD_ARA, 76, 82)),
];

const DURATION_MESSAGE = 'Attribute {key} must be a number immediately followed by ms (milliseconds), s (seconds), m (minutes), or h (hours). For example, "30s" for 30 seconds., got: "{value}"';

/** time 0.13.1 (terraform-plugin-framework validators). */
const TIME_RULES: ProviderRule[] = [
  {
    ...atLeastOneOf('time_offset', 'one-offset', ['offset_seconds', 'offset_minutes', 'offset_hours', 'offset_days', 'offset_months', 'offset_years'], tm('resource_time_offset.go', 157, 168)),
    message: 'At least one attribute out of [{keys}] must be specified',
  },
  {
    ...atLeastOneOf('time_sleep', 'create-or-destroy-duration', ['create_duration', 'destroy_duration'], tm('resource_time_sleep.go', 74, 94)),
    message: 'At least one attribute out of [{keys}] must be specified',
  },
  pattern('time_sleep', 'create_duration', '^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$', DURATION_MESSAGE, tm('resource_time_sleep.go', 74, 82)),
  pattern('time_sleep', 'destroy_duration', '^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$', DURATION_MESSAGE, tm('resource_time_sleep.go', 84, 93)),
];

/** Azure/azapi 2.x, read at v2.4.0, the lowest version the library's `~> 2.4` admits. */
const AZAPI_RULES: ProviderRule[] = [
  {
    ...pattern('azapi_resource', 'type', '^[^@]+@[^@]+$', 'expected "{key}" to be <resource-type>@<api-version>', ap('validate/resource_id.go', 38, 54)),
  },
  customizeDiff('azapi_resource', 'parent_id-required', ['parent_id', 'type'],
    '`parent_id` is set, except for a resource group', 'The argument "parent_id" is required, but no definition was found.', ap('azapi_resource.go', 396, 403)),
  customizeDiff('azapi_resource', 'body-not-string', ['body'], '`body` is an object, not a JSON string (azapi 2.x)',
    'The value must not be a string. From 2.0, the value only accepts an HCL object. Please refer to the documentation for more information: https://registry.terraform.io/providers/Azure/azapi/latest/docs/guides/2.0-upgrade-guide#dynamic-properties-support',
    ap('azapi_resource.go', 164, 176)),
  customizeDiff('azapi_resource', 'no-duplicated-definitions', ['body', 'sensitive_body', 'tags', 'location', 'identity'],
    '`tags`, `location` and `identity` are not given both as arguments and inside `body` or `sensitive_body`',
    'can\'t specify both the argument "{value}"', ap('azapi_resource.go', 1259, 1278)),
  customizeDiff('azapi_resource', 'parent_id-type', ['parent_id', 'type'],
    'a child resource type\'s `parent_id` is an id of its parent type (azapi checks this when it builds the id, at apply; caught here at synth)',
    '`parent_id is invalid`: expect ID of `{value}`', ap('parse/resource.go', 131, 134)),

  pattern('azapi_update_resource', 'type', '^[^@]+@[^@]+$', 'expected "{key}" to be <resource-type>@<api-version>', ap('validate/resource_id.go', 38, 54)),
  customizeDiff('azapi_update_resource', 'name-or-resource_id', ['name', 'resource_id', 'parent_id'],
    'exactly one of `name` (with `parent_id`) and `resource_id`', '{value}', ap('azapi_update_resource.go', 253, 264)),
  customizeDiff('azapi_update_resource', 'body-not-string', ['body'], '`body` is an object, not a JSON string (azapi 2.x)',
    'The value must not be a string. From 2.0, the value only accepts an HCL object. Please refer to the documentation for more information: https://registry.terraform.io/providers/Azure/azapi/latest/docs/guides/2.0-upgrade-guide#dynamic-properties-support',
    ap('azapi_update_resource.go', 146, 155)),
  customizeDiff('azapi_update_resource', 'parent_id-type', ['parent_id', 'type', 'name'],
    'with `name` and a known `parent_id`, the parent id is of the type\'s parent type', '`parent_id is invalid`: expect ID of `{value}`', ap('azapi_update_resource.go', 270, 280)),
];

/**
 * databricks provider 1.99.0, for the resources DatabricksServingEndpoint writes. Not plan-time, so not
 * here: the serving API's checks of entity names, versions and capacity (at apply).
 */
const DATABRICKS_RULES: ProviderRule[] = [
  { ...conflicts('databricks_model_serving', 'served_models', ['served_entities'], db('serving/resource_model_serving.go', 262, 263), { block: 'config' }) },
  atLeastOneOf('databricks_service_principal', 'application_id-or-display_name', ['application_id', 'display_name'], db('scim/resource_service_principal.go', 140, 141)),
  // Every object id of databricks_permissions conflicts with every other (ForceNew, one object per resource).
  conflicts('databricks_permissions', 'serving_endpoint_id', ['alert_v2_id', 'app_name', 'authorization', 'cluster_id', 'cluster_policy_id', 'dashboard_id', 'database_instance_name', 'directory_id', 'directory_path', 'experiment_id', 'instance_pool_id', 'job_id', 'notebook_id', 'notebook_path', 'pipeline_id', 'registered_model_id', 'repo_id', 'repo_path', 'sql_alert_id', 'sql_dashboard_id', 'sql_endpoint_id', 'sql_query_id', 'vector_search_endpoint_id', 'workspace_file_id', 'workspace_file_path'],
    db('permissions/resource_permissions.go', 170, 181)),
  customizeDiff('databricks_permissions', 'serving_endpoint-permission_level', ['serving_endpoint_id', 'access_control'],
    'on a serving endpoint, each `access_control.permission_level` is CAN_MANAGE, CAN_QUERY or CAN_VIEW',
    'permission_level {value} is not supported with serving_endpoint_id objects; allowed levels: CAN_MANAGE, CAN_QUERY, CAN_VIEW',
    db('permissions/resource_permissions.go', 214, 236)),
];

/** Terraform's built-in provider. */
const BUILTIN_RULES: ProviderRule[] = [
  customizeDiff('terraform_data', 'read-only', ['id', 'output'], '`id` and `output` are computed and may not be set',
    '"{value}" attribute is read-only', 'https://github.com/hashicorp/terraform/blob/v1.13.5/internal/builtin/providers/terraform/resource_data.go#L48-L61'),
];

/** Every entry, the data behind `ProviderRules` and the conformance check. */
export const PROVIDER_RULE_DATA: readonly ProviderRule[] = [
  ...AZURERM_RULES,
  ...AZUREAD_RULES,
  ...TIME_RULES,
  ...AZAPI_RULES,
  ...DATABRICKS_RULES,
  ...BUILTIN_RULES,
];
