/**
 * A deprecated argument of a Terraform resource type, which the conformance check refuses.
 *
 * The prebuilt bindings do not mark deprecations, so they are listed by hand in
 * {@link DEPRECATED_ARGUMENTS}; a test holds every entry against the derived schema, so an entry
 * that names nothing (a typo, or an argument a provider upgrade removed) fails the build.
 */
export interface DeprecatedArgument {
  /** Terraform resource type, e.g. `azurerm_key_vault`. */
  readonly resourceType: string;
  /**
   * Path of the argument inside the resource, blocks separated by dots and without indices,
   * e.g. `enable_rbac_authorization` or `enabled_log.retention_policy`.
   */
  readonly argument: string;
  /** What to write instead. */
  readonly replacement: string;
  /** Why it is deprecated (from the provider's docs or upgrade guide). */
  readonly reason: string;
}

/**
 * Deprecated arguments of the providers this library uses, at the versions it is built against
 * (azurerm 4.55, azuread 3.7).
 */
export const DEPRECATED_ARGUMENTS: readonly DeprecatedArgument[] = [
  {
    resourceType: 'azuread_application_password',
    argument: 'end_date_relative',
    replacement: 'end_date (e.g. from a time_offset resource)',
    reason: 'deprecated in azuread 2.x and removed in the next major version; a relative end date is recomputed on every apply',
  },
  {
    resourceType: 'azuread_service_principal',
    argument: 'features',
    replacement: 'feature_tags',
    reason: 'the features block is deprecated in favour of feature_tags, which also covers custom single sign-on',
  },
  {
    resourceType: 'azurerm_key_vault',
    argument: 'enable_rbac_authorization',
    replacement: 'rbac_authorization_enabled',
    reason: 'renamed in azurerm 4.x; the old name is removed in azurerm 5.0',
  },
  {
    resourceType: 'azurerm_key_vault',
    argument: 'contact',
    replacement: 'the azurerm_key_vault_certificate_contacts resource',
    reason: 'certificate contacts in the vault resource need data-plane access at plan time; removed in azurerm 5.0',
  },
  {
    resourceType: 'azurerm_log_analytics_workspace',
    argument: 'local_authentication_disabled',
    replacement: 'local_authentication_enabled',
    reason: 'replaced by the positively named local_authentication_enabled; removed in azurerm 5.0',
  },
  {
    resourceType: 'azurerm_monitor_diagnostic_setting',
    argument: 'metric',
    replacement: 'enabled_metric',
    reason: 'the metric block is deprecated in favour of enabled_metric; removed in azurerm 5.0',
  },
  {
    resourceType: 'azurerm_monitor_diagnostic_setting',
    argument: 'enabled_log.retention_policy',
    replacement: 'an azurerm_storage_management_policy on the destination storage account',
    reason: 'Azure retired retention on diagnostic settings; the API ignores or rejects it',
  },
  {
    resourceType: 'azurerm_monitor_diagnostic_setting',
    argument: 'metric.retention_policy',
    replacement: 'an azurerm_storage_management_policy on the destination storage account',
    reason: 'Azure retired retention on diagnostic settings; the API ignores or rejects it',
  },
];
