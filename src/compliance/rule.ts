/**
 * What one compliance rule demands, for docs, reports and acknowledgements.
 *
 * The check itself is internal: rules are data a user reads, never code a user switches off.
 */
export interface ComplianceRule {
  /** Stable id, e.g. `PCHAT-KV-001`; acknowledgements name it. */
  readonly id: string;
  /** Short name of the requirement. */
  readonly title: string;
  /** Scanner checks the rule stands for: Checkov `CKV_*`, Azure Policy GUID prefixes (`AzPol 1b4d1c4e`), Trivy `AVD-AZU-*`. */
  readonly mapsTo: string[];
  /** Why the requirement exists, in one line. */
  readonly rationale: string;
  /** How to make a failing resource pass. */
  readonly fix: string;
  /** Terraform resource types the rule inspects. */
  readonly resourceTypes: string[];
}

/** One resource that breaks (or broke, then was acknowledged on) one rule. */
export interface ComplianceFinding {
  /** The rule's id. */
  readonly ruleId: string;
  /** Construct path of the offending resource. */
  readonly constructPath: string;
  /** Terraform address of the offending resource (`type.name`). */
  readonly address: string;
  /** What is wrong, naming the attribute and the value found. */
  readonly problem: string;
  /** How to fix it (the rule's fix). */
  readonly fix: string;
  /** The full message, as the synth error shows it. */
  readonly message: string;
  /**
   * Reason given in the acknowledgement that accepts this finding.
   *
   * @default - not acknowledged: the finding fails synth
   */
  readonly acknowledgedReason?: string;
  /**
   * Construct path where the acknowledgement was made (the resource or one of its ancestors).
   *
   * @default - not acknowledged
   */
  readonly acknowledgedAt?: string;
}

/** An acknowledgement recorded on a construct. */
export interface ComplianceAcknowledgement {
  /** The acknowledged rule. */
  readonly ruleId: string;
  /** Why the deviation is accepted. */
  readonly reason: string;
  /** Construct path the acknowledgement was made on. */
  readonly constructPath: string;
}

/** The outcome of checking one stack. */
export interface ComplianceReport {
  /** Construct path of the stack. */
  readonly stackPath: string;
  /** Number of Terraform resources checked. */
  readonly checkedResources: number;
  /** Number of rules checked. */
  readonly rulesChecked: number;
  /** Findings that fail synth. */
  readonly failures: ComplianceFinding[];
  /** Findings accepted by an acknowledgement; they do not fail synth. */
  readonly acknowledged: ComplianceFinding[];
  /** Acknowledgements that matched no finding: stale, and worth removing. */
  readonly unusedAcknowledgements: ComplianceAcknowledgement[];
  /** Resources whose configuration could not be resolved and were therefore not checked. */
  readonly unresolvedResources: string[];
  /** Human-readable summary, also recorded as an info annotation on the stack. */
  readonly summary: string;
}
