/** What a {@link ProviderRule} holds a configuration to. */
export enum ProviderRuleKind {
  /**
   * `ConflictsWith`: when the first attribute is set, none of the others may be. A Terraform
   * expression in one of the others is not counted (the provider defers the check too).
   */
  CONFLICTS = 'conflicts',
  /**
   * `ExactlyOneOf`: exactly one of the attributes is set. An expression counts as "maybe set":
   * none set and one expression passes, as it does in the provider.
   */
  EXACTLY_ONE_OF = 'exactlyOneOf',
  /** `AtLeastOneOf`: one of the attributes or more is set (an expression counts as set). */
  AT_LEAST_ONE_OF = 'atLeastOneOf',
  /** `RequiredWith`: when the first attribute is set, all the others are set too. */
  REQUIRED_WITH = 'requiredWith',
  /** `StringInSlice` and the like: the value (or each element of a list) is one of `allowedValues`. */
  ONE_OF = 'oneOf',
  /** A regular expression or a non-empty check: the string value matches `pattern`. */
  PATTERN = 'pattern',
  /** `IntBetween`, `FloatBetween`, `IntAtLeast`: the number lies within `minimum` and `maximum`. */
  RANGE = 'range',
  /** `StringLenBetween`: the string's length lies within `minimum` and `maximum`. */
  LENGTH = 'length',
  /** A `CustomizeDiff` check or a typed resource's validation: code, run on the planned values. */
  CUSTOMIZE_DIFF = 'customizeDiff',
  /**
   * No plan-time rule beyond what the schema (types, required arguments, blocks) already says,
   * reviewed at the pinned provider version. A marker, so that every type is covered by a reviewed
   * entry; it never reports anything.
   */
  NONE = 'none',
}

/**
 * One plan-time rule of a Terraform provider that the provider's schema (and so the jsii
 * assembly `Conformance` derives its schema from) does not carry: `terraform plan` enforces it
 * from the provider's Go code.
 *
 * Attribute paths are relative to `block` and written without indices; values that are
 * Terraform expressions (`${…}`) are unknown at plan time and are treated the way the provider
 * treats unknown values.
 */
export interface ProviderRule {
  /** Unique id, `<resource type>/<attribute or check>`, e.g. `azurerm_api_management_api_diagnostic/operation_name_format-identifier`. */
  readonly id: string;
  /** Terraform resource type (or data source type with `dataSource`), e.g. `azurerm_key_vault`. */
  readonly resourceType: string;
  /**
   * Whether the rule is of the data source of that name rather than the resource.
   *
   * @default false
   */
  readonly dataSource?: boolean;
  /** What the rule holds the configuration to. */
  readonly kind: ProviderRuleKind;
  /**
   * Path of the nested block the rule lives in, blocks separated by dots and without indices
   * (`site_config.application_stack`); the rule is checked once per instance of that block, and
   * not at all when the block is absent.
   *
   * @default - the resource's top level
   */
  readonly block?: string;
  /**
   * The attributes the rule names, relative to `block` (a leading `/` names a top-level attribute
   * from inside a block rule, e.g. `/identity`). For `CONFLICTS` and `REQUIRED_WITH` the first is
   * the one the provider declares the rule on. Empty for `NONE`.
   */
  readonly attributes: string[];
  /**
   * The allowed values of a `ONE_OF` rule.
   *
   * @default - none
   */
  readonly allowedValues?: string[];
  /**
   * Whether `ONE_OF` compares case-insensitively (`StringInSlice(…, true)`).
   *
   * @default false
   */
  readonly ignoreCase?: boolean;
  /**
   * The JavaScript regular expression of a `PATTERN` rule (the provider's Go RE2 expression,
   * which means the same in both for the expressions in the table).
   *
   * @default - none
   */
  readonly pattern?: string;
  /**
   * Lower bound (inclusive) of a `RANGE` or `LENGTH` rule.
   *
   * @default - no lower bound
   */
  readonly minimum?: number;
  /**
   * Upper bound (inclusive) of a `RANGE` or `LENGTH` rule.
   *
   * @default - no upper bound
   */
  readonly maximum?: number;
  /**
   * Schema defaults the provider fills in before the rule runs, by attribute path relative to
   * `block`. They matter only where `defaultCountsAsSet` is true.
   *
   * @default - none
   */
  readonly defaults?: { [attribute: string]: any };
  /**
   * Whether an attribute that is absent but has a schema default counts as set with that default.
   * True for `CUSTOMIZE_DIFF` rules, which see the planned values (defaults filled in); false for
   * `ConflictsWith` and the other schema-level checks, which read the raw configuration.
   *
   * @default false
   */
  readonly defaultCountsAsSet?: boolean;
  /** The condition in words, e.g. "`operation_name_format` may only be non-empty when `identifier` is `applicationinsights`". */
  readonly condition: string;
  /**
   * The provider's own error text, where it has one; `{attribute}` and `{value}` stand for the
   * offending attribute path and value.
   */
  readonly message: string;
  /** Link to the exact file and line(s) at the pinned provider tag. */
  readonly source: string;
}
