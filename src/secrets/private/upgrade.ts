import { Lazy, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * Context key that turns on the one-time adoption of the secrets and keys that earlier releases
 * created with `azurerm_key_vault_secret` / `azurerm_key_vault_key`: each `azapi_resource` then
 * gets an `import` block for the vault item of the same name.
 *
 * Off by default because Terraform refuses an `import` block whose object does not exist, which
 * is the case in every new deployment.
 */
export const ADOPT_CONTEXT_KEY = 'cdktf-private-chat:adopt-azurerm-vault-items';

/**
 * Adds `import { to = <resource>; id = "<resourceId>?api-version=<apiVersion>" }` when the context
 * key {@link ADOPT_CONTEXT_KEY} is true: the azapi resource then adopts the vault item an earlier
 * release created, instead of failing because it exists. The API version in the id makes the
 * imported state's `type` match the configuration.
 */
export function adoptIfAsked(resource: TerraformResource, resourceId: string, apiVersion: string): void {
  const asked = resource.node.tryGetContext(ADOPT_CONTEXT_KEY);
  if (asked !== true && asked !== 'true') return;
  resource.importFrom(`${resourceId}?api-version=${apiVersion}`);
}

const REMOVED = new WeakMap<TerraformStack, Map<string, true>>();

/**
 * Writes `removed { from = <address>; lifecycle { destroy = false } }` into the stack (Terraform
 * 1.7 or later): a stack upgraded from a version that managed the object under `address` forgets
 * it instead of destroying it. In a stack that never had the address, the block does nothing.
 *
 * Why not `moved`: azapi 2.x moves state only from an azurerm resource whose id is an ARM id, and
 * the azurerm ids of vault secrets and keys are data-plane URLs that its id parser refuses
 * (Azure/terraform-provider-azapi v2.4.0, internal/services/azapi_resource.go `MoveState` and
 * internal/services/parse/azurerm_resource_id.go).
 *
 * @param address `<type>.<logical id>` of the object the previous version created
 */
export function forgetPreviousAddress(scope: IConstruct, address: string): void {
  const stack = TerraformStack.of(scope);
  let addresses = REMOVED.get(stack);
  if (!addresses) {
    const created = new Map<string, true>();
    addresses = created;
    REMOVED.set(stack, created);
    stack.addOverride('removed', Lazy.anyValue({
      produce: () => [...created.keys()].sort().map((from) => ({ from, lifecycle: { destroy: false } })),
    }));
  }
  addresses.set(address, true);
}

/** The logical id a Terraform element at `construct`'s path gets: what an earlier version's resource there was called. */
export function logicalIdAt(construct: IConstruct): string {
  return TerraformStack.of(construct).getLogicalId(construct.node);
}
