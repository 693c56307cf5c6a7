import { expectBool, expectOneOf, resourceRule } from '../private/rule-kit';

/**
 * An Azure Databricks workspace is private: `public_network_access_enabled = false` (azurerm
 * defaults it to true, so it must be written out), on the Premium SKU that Private Link needs, with
 * `network_security_group_rules_required = "NoAzureDatabricksRules"` (back-end Private Link: the
 * clusters reach the control plane through the private endpoint, not through NSG rules to its
 * public addresses).
 *
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/DatabricksWorkspaceIsNotPublic.py
 * @see https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.Databricks.PublicAccess/
 * @see https://github.com/hashicorp/terraform-provider-azurerm/blob/v4.55.0/internal/services/databricks/databricks_workspace_resource.go#L126-L152
 */
export const DBW_PUBLIC_ACCESS = resourceRule({
  id: 'PCHAT-DBW-001',
  title: 'Databricks: public network access off, Premium, back-end Private Link',
  mapsTo: ['CKV_AZURE_158', 'PSRule Azure.Databricks.PublicAccess', 'SECURITY-BASELINE (Azure Databricks)'],
  rationale: 'A public workspace exposes its web app, REST API and model serving endpoints to the Internet, guarded only by sign-in.',
  fix: 'Set sku = "premium", public_network_access_enabled = false and network_security_group_rules_required = "NoAzureDatabricksRules", '
    + 'and reach the workspace through its databricks_ui_api private endpoint (DatabricksWorkspace does).',
  resourceTypes: ['azurerm_databricks_workspace'],
}, (r) => [
  expectBool(r.config, 'public_network_access_enabled', false),
  expectOneOf(r.config, 'sku', ['premium']),
  expectOneOf(r.config, 'network_security_group_rules_required', ['NoAzureDatabricksRules']),
]);
