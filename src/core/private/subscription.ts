import { Fn, Op, TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { clientConfig } from './client-config';
import { isUnresolved, parseResourceId, ruleError } from './validate';

/**
 * The subscription an azurerm provider works in, when the code says it: `subscriptionId` of
 * `provider`, or of the stack's default (unaliased) azurerm provider.
 *
 * Undefined when it is not known at synth: no provider yet, `ARM_SUBSCRIPTION_ID` or the Azure
 * CLI's default subscription, or a token.
 */
export function providerSubscriptionId(scope: IConstruct, provider?: TerraformProvider): string | undefined {
  const chosen = provider ?? TerraformStack.of(scope).node.findAll()
    .find((c): c is TerraformProvider => c instanceof TerraformProvider && c.terraformResourceType === 'azurerm' && !c.alias);
  const value = (chosen as { readonly subscriptionId?: unknown } | undefined)?.subscriptionId;
  return typeof value === 'string' && !isUnresolved(value) && value.trim() !== '' ? value.trim() : undefined;
}

/** Something created in the provider's subscription from an id that names another subscription. */
export interface SubscriptionBoundUse {
  /** Construct the message is about (its `errorKind` names the factory). */
  readonly owner: Construct;
  /** Prop that holds the id, e.g. `scopeId`. */
  readonly prop: string;
  /** The id the user gave. */
  readonly resourceId: string;
  /** Why the resource works only in its provider's subscription: `<resource type> <why>`. */
  readonly why: string;
  /** What the user does instead, after `;`. */
  readonly wayOut: string;
  /** The provider the resource is created with, when not the stack's default. */
  readonly provider?: TerraformProvider;
}

/**
 * Fails when `use.resourceId` is in another subscription than the provider that creates `resource`:
 * at synth when both subscriptions are literals, and otherwise (the provider's subscription comes
 * from the environment) at plan, through a precondition on `resource` that compares the id's
 * subscription with `azurerm_client_config`'s. Ids that are tokens are not checked.
 */
export function requireProviderSubscription(use: SubscriptionBoundUse, resource?: TerraformResource): void {
  const subscription = subscriptionOf(use.resourceId);
  if (subscription === undefined) return;
  const providerSubscription = providerSubscriptionId(use.owner, use.provider);
  if (providerSubscription !== undefined) {
    if (providerSubscription.toLowerCase() === subscription.toLowerCase()) return;
    throw ruleError(use.owner, `${mismatch(use, subscription, `the ${providerLabel(use.provider)} is in subscription ${providerSubscription}`)}, got '${use.resourceId}'`);
  }
  // A provider the user passed with no literal subscription is their explicit choice.
  if (!resource || use.provider) return;
  const caller = clientConfig(use.owner);
  const preconditions = [...(resource.lifecycle?.precondition ?? []), {
    condition: Op.eq(Fn.lower(caller.subscriptionId), subscription.toLowerCase()),
    errorMessage: `${ruleError(use.owner, mismatch(use, subscription, 'the azurerm provider is in another one')).message}.`,
  }];
  resource.lifecycle = { ...resource.lifecycle, precondition: preconditions };
}

function mismatch(use: SubscriptionBoundUse, subscription: string, provider: string): string {
  return `'${use.prop}' is in subscription ${subscription}, but ${use.why}, and ${provider}; ${use.wayOut}`;
}

function providerLabel(provider?: TerraformProvider): string {
  return provider ? `azurerm provider '${provider.node.path}'` : "stack's azurerm provider";
}

/** The literal subscription of an ARM id, or undefined for tokens and non-ids. */
export function subscriptionOf(resourceId: string): string | undefined {
  if (isUnresolved(resourceId)) return undefined;
  const parsed = parseResourceId(resourceId);
  if (!parsed || isUnresolved(parsed.subscriptionId)) return undefined;
  return parsed.subscriptionId;
}
