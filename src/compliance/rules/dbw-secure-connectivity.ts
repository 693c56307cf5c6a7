import { expectBool, resourceRule } from '../private/rule-kit';

/**
 * Secure cluster connectivity: `custom_parameters.no_public_ip = true`, so cluster nodes get no
 * public IP and open no inbound port; they reach the control plane outbound (here through the
 * private endpoint).
 *
 * @see https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.Databricks.SecureConnectivity/
 * @see https://learn.microsoft.com/azure/databricks/security/network/classic/secure-cluster-connectivity
 */
export const DBW_SECURE_CONNECTIVITY = resourceRule({
  id: 'PCHAT-DBW-002',
  title: 'Databricks: secure cluster connectivity (no public IPs)',
  mapsTo: ['PSRule Azure.Databricks.SecureConnectivity', 'SECURITY-BASELINE (Azure Databricks)'],
  rationale: 'Cluster nodes with public IPs are reachable from the Internet and bypass the VNet\'s egress controls.',
  fix: 'Set custom_parameters.no_public_ip = true (DatabricksWorkspace does).',
  resourceTypes: ['azurerm_databricks_workspace'],
}, (r) => expectBool(r.config, 'custom_parameters.no_public_ip', true));
