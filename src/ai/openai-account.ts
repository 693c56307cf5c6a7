// The Azure OpenAI (kind `OpenAI`) account. This module also re-exports the names it held before
// the Foundry account moved to ./ai-account (`AiAccount`, `IAiAccount`, `AccountKind`, and the
// deprecated `IOpenAiAccount`), so that deep imports of 'cdktf-private-chat/lib/ai/openai-account'
// keep working.
import { Construct } from 'constructs';
import { AiAccountAttributes, AiAccountProps, IAiAccount } from './ai-account-props';
import { OPENAI_USER_ROLE } from './private/model-account';
import { _ImportedModelAccount, _ModelAccount, DEFAULT_MODELS } from './private/model-account-base';
import { accountShape } from './private/shapes';
import { PrivateLinkZone } from '../network/private-dns-zones';

export * from './ai-account-props';
export * from './ai-account';

/** An existing account, for {@link OpenAiAccount.fromAttributes}: the same as {@link AiAccountAttributes}. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface OpenAiAccountAttributes extends AiAccountAttributes {}

/** Props of {@link OpenAiAccount}: the same as {@link AiAccountProps}. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface OpenAiAccountProps extends AiAccountProps {}

/**
 * An Azure OpenAI account (kind `OpenAI`) reachable only through a private endpoint, with
 * Entra ID authentication only, a content filter, and model deployments created one at a time.
 *
 * New stacks should use {@link AiAccount} (kind `AIServices`, Microsoft Foundry), which serves
 * the same OpenAI models and open models too. This class stays for stacks that already have an
 * OpenAI-kind account: in azurerm 4.55 `kind` forces replacement, so switching an existing
 * account to {@link AiAccount} plans a new account (see docs/operations.md for the migration).
 *
 * - kind `OpenAI`, SKU `S0`, a custom subdomain; public network access off; network ACL
 *   default Deny; key authentication off; outbound access restricted to `allowedFqdns`;
 *   a system-assigned identity;
 * - one private endpoint (`account`) with one zone group holding the OpenAI and the Cognitive
 *   Services zones, created after a short wait, because an endpoint on an account that is still
 *   provisioning fails;
 * - a diagnostic setting sending `Audit`, `RequestResponse` and `AzureOpenAIRequestUsage` logs
 *   and all metrics to the workspace;
 * - `lifecycle.prevent_destroy` unless `preventDestroy: false`;
 * - default deployment `gpt-5.4` `2026-03-05`, DataZoneStandard (see {@link AiAccountProps.models}).
 *
 * @see https://learn.microsoft.com/azure/ai-foundry/openai/how-to/network
 */
export class OpenAiAccount extends _ModelAccount {
  /**
   * Uses an existing account: nothing is created; `grantUse` still works, also for an account in
   * another subscription (the assignment's scope is the whole id, the role id is built under the
   * account's subscription).
   */
  public static fromAttributes(scope: Construct, id: string, attrs: OpenAiAccountAttributes): IAiAccount {
    return new ImportedOpenAiAccount(scope, id, attrs);
  }

  constructor(scope: Construct, id: string, props: OpenAiAccountProps) {
    super(scope, id, props, {
      kind: 'OpenAI',
      defaultModels: DEFAULT_MODELS,
      zones: [PrivateLinkZone.OPENAI, PrivateLinkZone.COGNITIVE_SERVICES],
      useRole: OPENAI_USER_ROLE,
    }, accountShape());
  }
}

class ImportedOpenAiAccount extends _ImportedModelAccount {
  /** Shown in error messages instead of this internal class name. */
  public static readonly errorKind = 'OpenAiAccount.fromAttributes';

  constructor(scope: Construct, id: string, attrs: OpenAiAccountAttributes) {
    super(scope, id, attrs, OPENAI_USER_ROLE);
  }
}
