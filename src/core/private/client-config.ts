import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

const ID = 'AzurermClientConfig';

/**
 * The stack's one `azurerm_client_config` data source (tenant and subscription of the caller).
 *
 * A data source has no state, so adding it never plans a change to a real resource.
 */
export function clientConfig(scope: IConstruct): DataAzurermClientConfig {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(ID);
  if (existing) return existing as DataAzurermClientConfig;
  return new DataAzurermClientConfig(stack, ID, {});
}
