import { TerraformStack } from 'cdktf';
import { invokeAspects } from 'cdktf/lib/synthesize/synthesizer';
import { checkConfiguration } from './private/checker';

/** One place where a synthesized configuration breaks its provider's schema. */
export interface ConformanceViolation {
  /** Terraform address of the resource, data source or provider, e.g. `azuread_application.chat_App_SignIn_Application_1234`. */
  readonly address: string;
  /**
   * Path of the offending argument inside it, blocks separated by dots and list items indexed,
   * e.g. `web.implicit_grant[0].id_token_issuance_enabled` or `tags`; empty when the whole
   * resource is wrong (an unknown type).
   */
  readonly attribute: string;
  /** What is wrong and what the schema wants. */
  readonly message: string;
}

/**
 * Holds synthesized Terraform against the schemas of its providers, before Terraform does.
 *
 * The provider bindings type what goes through them, but Aspects, `addOverride` and other escape
 * hatches write raw JSON, and Terraform is the first to notice a map where it wants a set of
 * strings. This check reads the schema of every resource type, data source and provider from the
 * jsii assembly that the prebuilt provider package ships (`@cdktf/provider-azurerm/.jsii`,
 * cached on disk after the first parse) and reports:
 * - arguments and blocks the schema does not have;
 * - values of the wrong kind (string, number, bool, list or set, map, nested block), except
 *   Terraform expressions (`${…}`), which may stand for any type;
 * - a block that takes at most one item given several;
 * - missing required arguments and blocks;
 * - deprecated arguments (a table kept with the library);
 * - the providers' plan-time rules that no schema carries (`ConflictsWith`, `ExactlyOneOf`, enums,
 *   ranges, `CustomizeDiff` checks …), from the table of {@link ProviderRules}.
 *
 * Resources of providers without a prebuilt package here (e.g. `random`) are skipped.
 *
 * @example
 * expect(Conformance.check(stack)).toEqual([]);
 */
export class Conformance {
  /**
   * Synthesizes `stack` (running its Aspects, as `Testing.synth` does) and returns every violation.
   */
  public static check(stack: TerraformStack): ConformanceViolation[] {
    invokeAspects(stack);
    return checkConfiguration(stack.toTerraform());
  }

  /**
   * Returns every violation in a synthesized configuration: the JSON text of `cdk.tf.json` or of
   * `Testing.synth(stack)`.
   */
  public static checkSynthesized(json: string): ConformanceViolation[] {
    let config: unknown;
    try {
      config = JSON.parse(json);
    } catch (e) {
      return [{ address: '', attribute: '', message: `the synthesized configuration is not valid JSON: ${(e as Error).message}` }];
    }
    return checkConfiguration(config);
  }

  /**
   * Throws one error that lists every violation of `stack`, or returns when there is none.
   */
  public static assertConformant(stack: TerraformStack): void {
    const violations = Conformance.check(stack);
    if (violations.length > 0) throw new Error(Conformance.describe(stack.node.path, violations));
  }

  /**
   * The text `assertConformant` throws: one line per violation.
   *
   * @param subject what was checked, e.g. the stack's path
   * @param violations the violations to list
   */
  public static describe(subject: string, violations: ConformanceViolation[]): string {
    const lines = violations.map((v) => `  - ${v.address}: ${v.message}`);
    return `Conformance: ${subject} breaks its provider schemas in ${violations.length} place(s):\n${lines.join('\n')}`;
  }

  private constructor() {}
}
