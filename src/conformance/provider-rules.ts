import { PROVIDER_RULE_DATA } from './private/provider-rules-data';
import { ProviderRule } from './provider-rule';

/**
 * The table of provider-side plan-time rules that `Conformance` holds every resource to, beside
 * the schema: `ConflictsWith`, `ExactlyOneOf`, `AtLeastOneOf`, `RequiredWith`, enums, patterns,
 * ranges and `CustomizeDiff` checks of azurerm 4.55.0, azuread 3.7.0, time 0.13.1 and azapi 2.x,
 * read from their Go source. Every resource type the library synthesizes has at least one entry,
 * if only a reviewed `NONE`.
 *
 * @example
 * ProviderRules.forType('azurerm_api_management_api_diagnostic').map((r) => r.id);
 */
export class ProviderRules {
  /** Every rule in the table. */
  public static all(): ProviderRule[] {
    return PROVIDER_RULE_DATA.map((r) => ({
      ...r,
      attributes: [...r.attributes],
      allowedValues: r.allowedValues ? [...r.allowedValues] : undefined,
      defaults: r.defaults ? { ...r.defaults } : undefined,
    }));
  }

  /**
   * The rules of one resource type (or data source type, with `dataSource`).
   *
   * @param resourceType the Terraform type, e.g. `azurerm_key_vault`
   * @param dataSource whether `resourceType` names a data source
   */
  public static forType(resourceType: string, dataSource: boolean = false): ProviderRule[] {
    return ProviderRules.all().filter((r) => r.resourceType === resourceType && (r.dataSource ?? false) === dataSource);
  }

  /**
   * Whether the table has a reviewed entry (a rule or a `NONE` marker) for the type.
   *
   * @param resourceType the Terraform type
   * @param dataSource whether `resourceType` names a data source
   */
  public static isReviewed(resourceType: string, dataSource: boolean = false): boolean {
    return ProviderRules.forType(resourceType, dataSource).length > 0;
  }

  private constructor() {}
}
