// Which `tags` are not Azure resource-tag maps. Not public API; test/core/tags.test.ts holds
// these lists against the schemas derived from the provider packages.

/**
 * Terraform types whose `tags` is a set of strings rather than a map (hashicorp/azuread 3.x).
 * A test holds this list against the schemas derived from the provider packages.
 */
export const SET_OF_STRINGS_TAGS: ReadonlySet<string> = new Set(['azuread_application', 'azuread_service_principal']);

/**
 * azurerm types whose `tags` is a list of labels of the service itself (an API Management named
 * value's tags, a threat-intelligence indicator's), not Azure resource tags: left alone.
 */
export const LABEL_LIST_TAGS: ReadonlySet<string> = new Set(['azurerm_api_management_named_value', 'azurerm_sentinel_threat_intelligence_indicator']);
