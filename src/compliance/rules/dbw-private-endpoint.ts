import { privateEndpointProblem, resourceRule } from '../private/rule-kit';

/** The front-end/back-end Private Link subresource of a workspace and the zone that resolves it. */
const WORKSPACE_ENDPOINT = { databricks_ui_api: ['privatelink.azuredatabricks.net'] };

/**
 * A workspace has a `databricks_ui_api` private endpoint registered in
 * `privatelink.azuredatabricks.net`: users, the gateway and (back-end Private Link) the clusters
 * reach it there. The `browser_authentication` endpoint is one per region and zone and may belong
 * to another workspace, so it is not required of every workspace (docs/databricks.md).
 *
 * @see https://learn.microsoft.com/azure/databricks/security/network/classic/private-link-standard
 */
export const DBW_PRIVATE_ENDPOINT = resourceRule({
  id: 'PCHAT-DBW-004',
  title: 'Databricks: a databricks_ui_api private endpoint with privatelink.azuredatabricks.net',
  mapsTo: ['SECURITY-BASELINE (Azure Databricks: private endpoints)', 'Databricks private-link guidance'],
  rationale: 'With public access off the workspace is reachable only through its private endpoint, and only if its privatelink zone resolves the workspace URL to it.',
  fix: 'Add an azurerm_private_endpoint on subresource databricks_ui_api with a zone group holding privatelink.azuredatabricks.net (DatabricksWorkspace does).',
  resourceTypes: ['azurerm_databricks_workspace'],
}, (r, model) => privateEndpointProblem(model, r, { zonesBySubresource: WORKSPACE_ENDPOINT }));
