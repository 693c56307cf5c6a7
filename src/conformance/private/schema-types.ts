// The shapes of a derived provider schema, apart from schema.ts (which loads and caches them) so
// that the deriving and hand-written modules it imports can name them without importing it back.

/**
 * What a Terraform argument holds, as the synthesized JSON must write it.
 *
 * `list` covers lists and sets (a JSON array), `map` a JSON object of values, `object` a single
 * object-typed attribute, `any` whatever the provider accepts (no check).
 */
export type AttributeKind = 'string' | 'number' | 'bool' | 'list' | 'map' | 'object' | 'any';

/** One attribute of a resource, data source, provider or nested block. */
export interface AttributeSchema {
  readonly kind: AttributeKind;
  /** Present (true) only when the argument is required. */
  readonly required?: boolean;
  /** Kind of each element of a `list` or `map`. */
  readonly element?: AttributeKind;
  /** Attributes of each object of a `list` of objects, or of an `object`. */
  readonly nested?: BlockSchema;
}

/** A nested block: its own schema and how many times it may appear. */
export interface NestedBlockSchema {
  readonly schema: BlockSchema;
  /** Present (true) when the block may appear at most once. */
  readonly maxOne?: boolean;
  /** Present (true) when the block must appear at least once. */
  readonly required?: boolean;
}

/** The arguments of one resource, data source, provider configuration or nested block. */
export interface BlockSchema {
  readonly attributes: { readonly [name: string]: AttributeSchema };
  readonly blocks: { readonly [name: string]: NestedBlockSchema };
}

/** The compact schema of one provider package, as derived from its jsii assembly. */
export interface ProviderSchema {
  /** Version of the cache layout; a different one is re-derived. */
  readonly format: number;
  /** npm package, e.g. `@cdktf/provider-azurerm`. */
  readonly packageName: string;
  /** npm version of the package. */
  readonly packageVersion: string;
  /** Terraform provider name, e.g. `azurerm`. */
  readonly provider: string;
  /** Terraform provider version the bindings were generated from, e.g. `4.55.0`. */
  readonly providerVersion: string;
  /** Configuration arguments of the provider block. */
  readonly providerConfig: BlockSchema;
  /** Resources by Terraform type (`azurerm_key_vault`). */
  readonly resources: { readonly [type: string]: BlockSchema };
  /** Data sources by Terraform type (`azurerm_client_config`). */
  readonly dataSources: { readonly [type: string]: BlockSchema };
  /** Present (true) for a hand-written schema that lists only some types: the others are skipped. */
  readonly partial?: boolean;
}
