import { TimeProvider } from '@cdktf/provider-time/lib/provider';
import { Sleep } from '@cdktf/provider-time/lib/sleep';
import { ITerraformDependable, TerraformProvider, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';

/**
 * Adds a provider to the stack unless the stack already has one of that type.
 *
 * Used only for providers a user cannot be expected to declare for a library's internals
 * (hashicorp/time, and azuread when the construct creates the app registration itself).
 */
export function ensureProvider(scope: IConstruct, terraformType: string, create: (stack: TerraformStack) => TerraformProvider): void {
  const stack = TerraformStack.of(scope);
  const present = stack.node.children.some(
    (c) => c instanceof TerraformProvider && c.terraformResourceType === terraformType && !(c as TerraformProvider).alias,
  );
  if (!present) create(stack);
}

/** The hashicorp/time provider, added once per stack. */
export function ensureTimeProvider(scope: IConstruct): void {
  ensureProvider(scope, 'time', (stack) => new TimeProvider(stack, 'time'));
}

/**
 * A `time_sleep` that waits after `dependsOn` are created.
 *
 * Azure reports some resources as created before they are usable (role assignments that have
 * not propagated, accounts still provisioning). A short wait, ordered in Terraform's graph, turns
 * a flaky first apply into a reliable one.
 */
export function waitAfter(scope: Construct, id: string, dependsOn: ITerraformDependable[], createDuration: string): Sleep {
  ensureTimeProvider(scope);
  return new Sleep(scope, id, { createDuration, dependsOn });
}
