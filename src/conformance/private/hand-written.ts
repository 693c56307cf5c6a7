import type { ProviderSchema } from './schema-types';

/**
 * Schemas written by hand for providers that have no prebuilt `@cdktf/provider-*` package on
 * npm, covering only the types and arguments the library emits. They are `partial`: a type
 * they do not list is skipped, as for any provider without bindings, rather than reported.
 */
export const HAND_WRITTEN_SCHEMAS: { readonly [packageName: string]: ProviderSchema } = {
  /**
   * Azure/azapi 2.x: the `azapi_update_resource` the AI gateway uses to turn off public network
   * access and to turn on language-model logging (`type`, `resource_id`, `body` as an object), and
   * the `azapi_resource` of its Application Insights logger and diagnostic (`type`, `name`,
   * `parent_id`, `body`, `sensitive_body`). The Key Vault secrets and keys (`Microsoft.KeyVault/vaults/secrets`
   * and `/keys`, written through Azure Resource Manager) use the same `azapi_resource` arguments.
   *
   * @see https://registry.terraform.io/providers/Azure/azapi/latest/docs/resources/update_resource
   * @see https://registry.terraform.io/providers/Azure/azapi/latest/docs/resources/resource
   */
  '@cdktf/provider-azapi': {
    format: 1,
    packageName: '@cdktf/provider-azapi',
    packageVersion: 'hand-written',
    provider: 'azapi',
    providerVersion: '2.x',
    partial: true,
    providerConfig: { attributes: {}, blocks: {} },
    resources: {
      azapi_update_resource: {
        attributes: {
          type: { kind: 'string', required: true },
          resource_id: { kind: 'string' },
          parent_id: { kind: 'string' },
          name: { kind: 'string' },
          body: { kind: 'any' },
          response_export_values: { kind: 'any' },
          locks: { kind: 'list', element: 'string' },
          ignore_casing: { kind: 'bool' },
          ignore_missing_property: { kind: 'bool' },
        },
        blocks: {},
      },
      azapi_resource: {
        attributes: {
          type: { kind: 'string', required: true },
          name: { kind: 'string' },
          parent_id: { kind: 'string' },
          location: { kind: 'string' },
          body: { kind: 'any' },
          sensitive_body: { kind: 'any' },
          tags: { kind: 'map', element: 'string' },
          response_export_values: { kind: 'any' },
          locks: { kind: 'list', element: 'string' },
          schema_validation_enabled: { kind: 'bool' },
          ignore_casing: { kind: 'bool' },
          ignore_missing_property: { kind: 'bool' },
        },
        blocks: {},
      },
    },
    dataSources: {},
  },
};
