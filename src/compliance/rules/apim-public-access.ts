import { ResourceView, StackModel } from '../private/model';
import { attr, endpointsOf, expectBool, resourceRule } from '../private/rule-kit';

/** The azapi type prefix of an API Management service, compared case-insensitively. */
const SERVICE_TYPE = 'microsoft.apimanagement/service@';

/**
 * The gateway takes no traffic from public networks: `public_network_access_enabled = false`,
 * or, for v2 tiers that azurerm 4.55 must create with public access on, an
 * `azapi_update_resource` that sets `properties.publicNetworkAccess = "Disabled"` after a private
 * endpoint to the service exists, with `lifecycle.ignore_changes` keeping azurerm from turning
 * it back on. Checkov's CKV_AZURE_174 reads only the azurerm attribute, so it flags the second
 * form; skip it there with this rule as the reason.
 *
 * @see https://github.com/hashicorp/terraform-provider-azurerm/issues/31788
 * @see https://learn.microsoft.com/azure/api-management/private-endpoint
 */
export const APIM_PUBLIC_ACCESS = resourceRule({
  id: 'PCHAT-APIM-001',
  title: 'AI gateway: public network access off',
  mapsTo: ['CKV_AZURE_174'],
  rationale: 'A gateway with a public endpoint lets anyone on the internet reach the model APIs, token validation being the only barrier.',
  fix: 'Set public_network_access_enabled = false, or (v2 tiers, which Azure creates only with public access on) use AiGateway: it adds an azapi_update_resource '
    + 'that sets publicNetworkAccess = "Disabled" after the private endpoint and ignores changes to public_network_access_enabled.',
  resourceTypes: ['azurerm_api_management'],
}, (r, model) => {
  const direct = expectBool(r.config, 'public_network_access_enabled', false);
  if (direct === undefined) return undefined;
  return disabledLater(model, r) ? undefined : `${direct}, and no azapi_update_resource disables it after a private endpoint (see the fix)`;
});

/** True when an azapi PATCH disables public access after a private endpoint, and azurerm ignores the attribute. */
function disabledLater(model: StackModel, r: ResourceView): boolean {
  const ignored = attr(r.config, 'lifecycle.ignore_changes');
  if (!Array.isArray(ignored) || !ignored.some((x) => x === 'public_network_access_enabled')) return false;
  const updates = model.referencing(['azapi_update_resource'], r, (u) => [u.config.resource_id]).filter((u) => {
    const type = typeof u.config.type === 'string' ? u.config.type.toLowerCase() : '';
    const value = attr(u.config, 'body.properties.publicNetworkAccess');
    return type.startsWith(SERVICE_TYPE) && typeof value === 'string' && value.toLowerCase() === 'disabled';
  });
  const endpoints = endpointsOf(model, r).map((e) => e.endpoint);
  return updates.some((u) => endpoints.some((pe) => model.dependsOn(u, pe)));
}

