import { TimeProvider } from '@cdktf/provider-time/lib/provider';
import { Sleep } from '@cdktf/provider-time/lib/sleep';
import { Aspects, IAspect, ITerraformDependable, TerraformProvider, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';

/** Makes the provider when the stack turns out to have none; `id` is a free construct id. */
type ProviderFactory = (stack: TerraformStack, id: string) => TerraformProvider;

interface Needed {
  readonly id: string;
  readonly create: ProviderFactory;
}

const NEEDED = new WeakMap<TerraformStack, Map<string, Needed>>();

/**
 * Makes sure the stack has a default (unaliased) provider of `terraformType` when it is
 * synthesized, adding one only if the stack has none by then.
 *
 * Used only for providers a user cannot be expected to declare for a library's internals
 * (hashicorp/time, and azuread when the construct creates the app registration itself).
 *
 * The decision is taken at synth, not here: a user may declare their own `AzureadProvider` before
 * or after our constructs, with any id, and the stack still ends up with exactly one default
 * block. Deciding at construction either clashed with the user's `'azuread'` id or produced two
 * default blocks, which Terraform refuses.
 *
 * @param id the construct id to give an added provider; a free variant is used when it is taken
 */
export function ensureProvider(scope: IConstruct, terraformType: string, id: string, create: ProviderFactory): void {
  const stack = TerraformStack.of(scope);
  let needed = NEEDED.get(stack);
  if (!needed) {
    needed = new Map();
    NEEDED.set(stack, needed);
    Aspects.of(stack).add(new AddMissingProviders(needed));
  }
  if (!needed.has(terraformType)) needed.set(terraformType, { id, create });
}

/** Adds, at synth, the providers the stack's constructs need and the user did not declare. */
class AddMissingProviders implements IAspect {
  constructor(private readonly needed: Map<string, Needed>) {}

  public visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    const stack = node as TerraformStack;
    const providers = stack.node.findAll().filter((c): c is TerraformProvider => c instanceof TerraformProvider);
    for (const [type, { id, create }] of this.needed) {
      if (providers.some((p) => p.terraformResourceType === type && !p.alias)) continue;
      create(stack, freeId(stack, id));
    }
  }
}

function freeId(stack: TerraformStack, wanted: string): string {
  let id = wanted;
  for (let i = 2; stack.node.tryFindChild(id); i++) id = `${wanted}-${i}`;
  return id;
}

/** The hashicorp/time provider, added at synth unless the stack has one. */
export function ensureTimeProvider(scope: IConstruct): void {
  ensureProvider(scope, 'time', 'time', (stack, id) => new TimeProvider(stack, id));
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
