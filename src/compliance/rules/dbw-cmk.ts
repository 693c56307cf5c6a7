import { isExpression } from '../private/model';
import { attr, resourceRule, show } from '../private/rule-kit';

const KEYS = ['managed_services_cmk_key_vault_key_id', 'managed_disk_cmk_key_vault_key_id'];
const VERSIONED_KEY = /^https:\/\/[^/]+\/keys\/[^/]+\/[^/]+\/?$/;

/**
 * When a workspace is encrypted with customer-managed keys (a key id is set), each key id is a
 * versioned Key Vault key id (azurerm 4.55 parses it with a version), and a managed-disk key is
 * granted to the workspace's disk encryption set identity (`managed_disk_identity[0].principal_id`),
 * without which the first cluster cannot attach its disks. Workspaces without a key pass: the
 * Microsoft-managed default is not a finding here (Checkov's CKV2_AZURE_48 asks for the DBFS root
 * key on every Premium workspace; see docs/databricks.md).
 *
 * @see https://learn.microsoft.com/azure/databricks/security/keys/cmk-managed-disks-azure/cmk-managed-disks-azure
 * @see https://github.com/hashicorp/terraform-provider-azurerm/blob/v4.55.0/internal/services/databricks/databricks_workspace_resource.go#L278-L305
 */
export const DBW_CMK = resourceRule({
  id: 'PCHAT-DBW-005',
  title: 'Databricks: customer-managed keys, when requested, are versioned and granted',
  mapsTo: ['SECURITY-BASELINE (Azure Databricks: CMK when encryption is requested)', 'CKV2_AZURE_48 (its DBFS-root counterpart)'],
  rationale: 'A versionless key id fails at plan, and a disk key the disk encryption set cannot read makes every cluster fail to start.',
  fix: 'Pass versioned key ids and grant the disk encryption set identity Key Vault Crypto Service Encryption User on the key or vault '
    + '(DatabricksWorkspace customerManagedKeys does both).',
  resourceTypes: ['azurerm_databricks_workspace'],
}, (r, model) => {
  const problems: string[] = [];
  for (const key of KEYS) {
    const value = attr(r.config, key);
    if (value === undefined || isExpression(value)) continue;
    if (typeof value !== 'string' || !VERSIONED_KEY.test(value)) problems.push(`'${key}' must be a versioned Key Vault key id, got ${show(value)}`);
  }
  if (attr(r.config, 'managed_disk_cmk_key_vault_key_id') !== undefined) {
    const grants = model.referencing(['azurerm_role_assignment'], r, (ra) => [ra.config.principal_id]);
    if (grants.length === 0) {
      problems.push("'managed_disk_cmk_key_vault_key_id' is set but no azurerm_role_assignment grants the key to managed_disk_identity[0].principal_id");
    }
  }
  return problems;
});
