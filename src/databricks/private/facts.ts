import { AzureNameRule } from '../../core/names';

/**
 * Facts about Azure Databricks the constructs of this area rely on, each with its source.
 */

/** The service subnets of a VNet-injected workspace are delegated to. */
export const DATABRICKS_DELEGATION = 'Microsoft.Databricks/workspaces';

/**
 * Smallest host or container subnet: Microsoft asks for "at least /26" and does not recommend
 * smaller (a /26 holds 59 usable addresses, one per cluster node).
 *
 * @see https://learn.microsoft.com/azure/databricks/security/network/classic/vnet-inject#virtual-network-requirements
 */
export const MIN_DATABRICKS_SUBNET_PREFIX = 26;

/**
 * azurerm `validate.WorkspaceName`: 3-64 characters, letters, digits, `_` and `-`.
 *
 * @see https://github.com/hashicorp/terraform-provider-azurerm/blob/v4.55.0/internal/services/databricks/validate/workspace_name.go
 */
export const DATABRICKS_WORKSPACE_NAME = new AzureNameRule({
  resourceType: 'Azure Databricks workspace',
  minLength: 3,
  maxLength: 64,
  pattern: '^[A-Za-z0-9_-]+$',
  description: 'letters, digits, underscores and hyphens',
});

/**
 * The Entra application id of the Azure Databricks first-party resource: the audience of tokens
 * that call a workspace's REST API (model serving included), and the enterprise application that
 * unwraps a managed-services customer-managed key.
 *
 * @see https://learn.microsoft.com/azure/databricks/dev-tools/auth/user-aad-token
 */
export const AZURE_DATABRICKS_APP_ID = '2ff814a6-3304-4ab8-85cb-cd0e6f879c1d';

/**
 * Diagnostic log categories of a workspace sent to Log Analytics: who signed in and changed what,
 * the compute, secrets and Unity Catalog audit trail, and model serving
 * (`serverlessRealTimeInference`).
 *
 * @see https://learn.microsoft.com/azure/databricks/admin/account-settings/audit-logs
 */
export const WORKSPACE_LOG_CATEGORIES: readonly string[] = [
  'accounts', 'clusters', 'jobs', 'notebook', 'secrets', 'workspace', 'unityCatalog', 'serverlessRealTimeInference',
];

/**
 * Ports the classic compute plane opens on the `databricks_ui_api` endpoint with back-end Private
 * Link: 443 (REST API and the secure cluster connectivity relay over HTTPS), 6666 (the relay),
 * 3306 (the legacy Hive metastore), 8443-8451 (internal control-plane calls). Databricks asks the
 * workspace subnets' NSGs to allow these outbound towards the private endpoint.
 *
 * @see https://learn.microsoft.com/azure/databricks/security/network/classic/private-link-standard
 */
export const BACKEND_PRIVATE_LINK_PORTS: readonly number[] = [443, 3306, 6666, 8443, 8444, 8445, 8446, 8447, 8448, 8449, 8450, 8451];
