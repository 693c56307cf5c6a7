import { CognitiveAccountRaiPolicy, CognitiveAccountRaiPolicyContentFilter } from '@cdktf/provider-azurerm/lib/cognitive-account-rai-policy';
import { Construct } from 'constructs';
import { AzureNameRule, Names } from '../core/names';
import { BUILT_IN_RAI_POLICIES, CONTENT_FILTER_PROPS_SHAPE, isUnknownBuiltInPolicy } from './private/shapes';
import { checkNotBlank, checkOneOf, checkResourceId, checkShape, checkTags, checkTrimmed, isUnresolved, warn } from '../core/private/validate';

/**
 * Lowest severity a harm filter acts on: content at this severity and above is filtered.
 *
 * LOW is the strictest setting and HIGH the most permissive.
 *
 * @see https://learn.microsoft.com/azure/ai-foundry/openai/concepts/content-filter-severity-levels
 */
export enum ContentFilterSeverity {
  /** Filter low, medium and high severity content (strictest). */
  LOW = 'Low',
  /** Filter medium and high severity content (Azure's default). */
  MEDIUM = 'Medium',
  /** Filter only high severity content (weaker than Azure's default). */
  HIGH = 'High',
}

/**
 * When the filter runs on streamed completions.
 *
 * @see https://learn.microsoft.com/azure/ai-foundry/openai/concepts/content-streaming
 */
export enum ContentFilterMode {
  /** Each chunk is filtered before it is returned: nothing unfiltered reaches the caller. */
  DEFAULT = 'Default',
  /**
   * Chunks are returned at once and filtered afterwards: lower latency, but harmful content can
   * reach the caller before the filter annotates it.
   */
  ASYNCHRONOUS_FILTER = 'Asynchronous_filter',
}

/** How one harm category (hate, sexual, violence, self-harm) is filtered. */
export interface HarmFilterOptions {
  /**
   * Severity from which prompts are filtered.
   *
   * @default ContentFilterSeverity.MEDIUM
   */
  readonly promptSeverity?: ContentFilterSeverity;
  /**
   * Severity from which completions are filtered.
   *
   * @default ContentFilterSeverity.MEDIUM
   */
  readonly completionSeverity?: ContentFilterSeverity;
  /**
   * Block filtered content. When false, content is only annotated and still reaches the caller.
   *
   * @default true
   */
  readonly blocking?: boolean;
}

/**
 * Settings of a content filter (RAI policy); reused by {@link AiAccountProps.contentFilter}.
 *
 * Every setting defaults to the secure choice: all four harm categories filtered on prompts
 * and completions from medium severity and blocked, prompt shields against jailbreak and
 * indirect (document-borne) attacks on, and protected material (text and code) blocked.
 */
export interface ContentFilterOptions {
  /**
   * Name of the policy, as deployments reference it.
   *
   * @default - `cf-<construct id>-<hash of the construct path>`
   */
  readonly name?: string;
  /**
   * Azure policy the custom settings are layered on: `Microsoft.DefaultV2` or `Microsoft.Default`.
   *
   * Another `Microsoft.*` name records the warning `unknown-base-policy` (Azure has no such
   * built-in policy); other names are passed through unchecked.
   *
   * @default 'Microsoft.DefaultV2'
   */
  readonly basePolicyName?: string;
  /**
   * Hate and fairness.
   *
   * @default - prompts and completions filtered from MEDIUM and blocked
   */
  readonly hate?: HarmFilterOptions;
  /**
   * Sexual content.
   *
   * @default - prompts and completions filtered from MEDIUM and blocked
   */
  readonly sexual?: HarmFilterOptions;
  /**
   * Violence.
   *
   * @default - prompts and completions filtered from MEDIUM and blocked
   */
  readonly violence?: HarmFilterOptions;
  /**
   * Self-harm.
   *
   * @default - prompts and completions filtered from MEDIUM and blocked
   */
  readonly selfHarm?: HarmFilterOptions;
  /**
   * Prompt shield against jailbreak attempts in user prompts (detected and blocked).
   *
   * @default true
   */
  readonly jailbreakShield?: boolean;
  /**
   * Prompt shield against indirect attacks: instructions hidden in documents or tool output
   * the model is given (detected and blocked).
   *
   * @default true
   */
  readonly indirectAttackShield?: boolean;
  /**
   * Block completions that reproduce known protected text (lyrics, articles, recipes…).
   *
   * @default true
   */
  readonly protectedMaterialText?: boolean;
  /**
   * Block completions that reproduce code from public repositories without citation.
   *
   * @default true
   */
  readonly protectedMaterialCode?: boolean;
  /**
   * Streaming mode of the filter.
   *
   * @default ContentFilterMode.DEFAULT
   */
  readonly mode?: ContentFilterMode;
}

/** Props of {@link ContentFilter}. */
export interface ContentFilterProps extends ContentFilterOptions {
  /** Resource id of the AI account (Foundry or Azure OpenAI) the policy belongs to. */
  readonly cognitiveAccountId: string;
  /**
   * Tags.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}


const SEVERITIES = [ContentFilterSeverity.LOW, ContentFilterSeverity.MEDIUM, ContentFilterSeverity.HIGH];
const MODES = [ContentFilterMode.DEFAULT, ContentFilterMode.ASYNCHRONOUS_FILTER];
const HARMS = [
  { prop: 'hate', azureName: 'Hate' },
  { prop: 'sexual', azureName: 'Sexual' },
  { prop: 'violence', azureName: 'Violence' },
  { prop: 'selfHarm', azureName: 'Selfharm' },
] as const;

/**
 * A content filter (`azurerm_cognitive_account_rai_policy`) that model deployments reference.
 *
 * A custom policy, rather than Azure's implicit default, makes the filter visible in code,
 * reviewable, and the same in every environment.
 *
 * @see https://learn.microsoft.com/azure/ai-foundry/openai/how-to/content-filters
 */
export class ContentFilter extends Construct {
  /** Name of the policy: the value of a deployment's `rai_policy_name`. */
  public readonly policyName: string;
  /** The `azurerm_cognitive_account_rai_policy` (escape hatch). */
  public readonly resource: CognitiveAccountRaiPolicy;

  constructor(scope: Construct, id: string, props: ContentFilterProps) {
    super(scope, id);
    checkShape(this, props, CONTENT_FILTER_PROPS_SHAPE);
    checkResourceId(this, 'cognitiveAccountId', props.cognitiveAccountId, 'Microsoft.CognitiveServices/accounts');
    checkTags(this, 'tags', props.tags);
    AzureNameRule.RAI_POLICY.validate(this, 'name', props.name);
    checkNotBlank(this, 'basePolicyName', props.basePolicyName);
    checkTrimmed(this, 'basePolicyName', props.basePolicyName);
    checkOneOf(this, 'mode', props.mode, MODES);
    for (const harm of HARMS) {
      const options = props[harm.prop];
      checkOneOf(this, `${harm.prop}.promptSeverity`, options?.promptSeverity, SEVERITIES);
      checkOneOf(this, `${harm.prop}.completionSeverity`, options?.completionSeverity, SEVERITIES);
    }
    this.warnAboutWeakSettings(props);

    const filters: CognitiveAccountRaiPolicyContentFilter[] = [];
    for (const harm of HARMS) {
      const options = props[harm.prop] ?? {};
      const blocking = options.blocking ?? true;
      filters.push(
        harmFilter(harm.azureName, 'Prompt', options.promptSeverity ?? ContentFilterSeverity.MEDIUM, blocking),
        harmFilter(harm.azureName, 'Completion', options.completionSeverity ?? ContentFilterSeverity.MEDIUM, blocking),
      );
    }
    filters.push(
      switchFilter('Jailbreak', 'Prompt', props.jailbreakShield ?? true),
      switchFilter('Indirect Attack', 'Prompt', props.indirectAttackShield ?? true),
      switchFilter('Protected Material Text', 'Completion', props.protectedMaterialText ?? true),
      switchFilter('Protected Material Code', 'Completion', props.protectedMaterialCode ?? true),
    );

    this.policyName = props.name ?? Names.local(this, AzureNameRule.RAI_POLICY, 'cf');
    this.resource = new CognitiveAccountRaiPolicy(this, 'Resource', {
      name: this.policyName,
      cognitiveAccountId: props.cognitiveAccountId,
      basePolicyName: props.basePolicyName ?? 'Microsoft.DefaultV2',
      mode: props.mode ?? ContentFilterMode.DEFAULT,
      contentFilter: filters,
      tags: props.tags,
    });
  }

  private warnAboutWeakSettings(props: ContentFilterProps): void {
    const base = props.basePolicyName;
    // Custom names cannot be checked at synth; a Microsoft.* name that is not built in is a typo.
    // Azure compares names case-insensitively, so only a name matching no built-in policy warns.
    if (base !== undefined && !isUnresolved(base) && isUnknownBuiltInPolicy(base)) {
      warn(this, 'unknown-base-policy', `'basePolicyName' is '${base}', which is not one of Azure's built-in policies `
        + `(${BUILT_IN_RAI_POLICIES.map((b) => `'${b}'`).join(', ')}): creating the policy fails at apply`);
    }
    for (const harm of HARMS) {
      const options = props[harm.prop];
      for (const source of ['promptSeverity', 'completionSeverity'] as const) {
        if (options?.[source] === ContentFilterSeverity.HIGH) {
          warn(this, 'weak-filter-threshold', `'${harm.prop}.${source}' is HIGH: only high-severity content is filtered, weaker than Azure's default (MEDIUM)`);
        }
      }
      if (options?.blocking === false) {
        warn(this, 'filter-not-blocking', `'${harm.prop}.blocking' is false: filtered content is only annotated and still reaches the caller`);
      }
    }
    const switches = [
      ['jailbreakShield', props.jailbreakShield],
      ['indirectAttackShield', props.indirectAttackShield],
      ['protectedMaterialText', props.protectedMaterialText],
      ['protectedMaterialCode', props.protectedMaterialCode],
    ] as const;
    for (const [prop, value] of switches) {
      if (value === false) warn(this, 'filter-check-off', `'${prop}' is off: the content filter no longer checks for it`);
    }
    if (props.mode === ContentFilterMode.ASYNCHRONOUS_FILTER) {
      warn(this, 'async-filter', "'mode' is ASYNCHRONOUS_FILTER: streamed content reaches the caller before it is filtered");
    }
  }
}

function harmFilter(name: string, source: string, severity: ContentFilterSeverity, blocking: boolean): CognitiveAccountRaiPolicyContentFilter {
  return { name, source, severityThreshold: severity, filterEnabled: true, blockEnabled: blocking };
}

/**
 * Prompt shields and protected material have no severity, but azurerm 4.x requires the
 * attribute on every filter; the service ignores it for these.
 */
function switchFilter(name: string, source: string, on: boolean): CognitiveAccountRaiPolicyContentFilter {
  return { name, source, severityThreshold: ContentFilterSeverity.MEDIUM, filterEnabled: on, blockEnabled: on };
}
