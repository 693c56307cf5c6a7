import {
  anyToHclTerraform, anyToTerraform, stringToHclTerraform, stringToTerraform, TerraformMetaArguments, TerraformProvider, TerraformResource,
} from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ensureProvider } from '../../core/private/providers';

/**
 * Version constraint of the Azure/azapi provider: 2.x, whose `body` takes an HCL object (1.x took
 * a JSON string) and which is the current major version.
 *
 * @see https://github.com/Azure/terraform-provider-azapi/releases/tag/v2.0.1
 */
export const AZAPI_VERSION_CONSTRAINT = '~> 2.0';
/** Registry source of the azapi provider. */
export const AZAPI_SOURCE = 'azure/azapi';

/**
 * The `azapi` provider block, with no arguments: it authenticates the way azurerm does
 * (Azure CLI, managed identity, `ARM_*` variables). There is no prebuilt
 * `@cdktf/provider-azapi` package on npm, so this minimal binding stands in for it.
 */
export class AzapiProvider extends TerraformProvider {
  constructor(scope: Construct, id: string) {
    super(scope, id, {
      terraformResourceType: 'azapi',
      terraformGeneratorMetadata: { providerName: 'azapi', providerVersionConstraint: AZAPI_VERSION_CONSTRAINT },
      terraformProviderSource: AZAPI_SOURCE,
    });
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return {};
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return {};
  }
}

/** Adds the azapi provider to the stack at synth, unless it declares one (with any construct id). */
export function ensureAzapiProvider(scope: IConstruct): void {
  ensureProvider(scope, 'azapi', 'azapi', (stack, id) => new AzapiProvider(stack, id));
}

/** The arguments of `azapi_update_resource` that this library writes. */
export interface AzapiUpdateResourceConfig extends TerraformMetaArguments {
  /** Resource type and API version, e.g. `Microsoft.ApiManagement/service@2024-05-01`. */
  readonly type: string;
  /** Id of the existing resource to patch. */
  readonly resourceId: string;
  /** The properties to set, as an object: azapi 2.x sends it as the request body. */
  readonly body: { [key: string]: any };
}

/**
 * `azapi_update_resource`: sets some properties of an existing Azure resource with a PATCH-like
 * read-modify-write, and leaves them as they are when it is destroyed.
 *
 * @see https://registry.terraform.io/providers/Azure/azapi/latest/docs/resources/update_resource
 */
export class AzapiUpdateResource extends TerraformResource {
  public static readonly tfResourceType = 'azapi_update_resource';

  /** Resource type and API version. */
  public readonly type: string;
  /** Id of the patched resource. */
  public readonly resourceId: string;
  /** The body sent. */
  public readonly body: { [key: string]: any };

  constructor(scope: Construct, id: string, config: AzapiUpdateResourceConfig) {
    ensureAzapiProvider(scope);
    super(scope, id, {
      terraformResourceType: AzapiUpdateResource.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'azapi', providerVersionConstraint: AZAPI_VERSION_CONSTRAINT },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      forEach: config.forEach,
    });
    this.type = config.type;
    this.resourceId = config.resourceId;
    this.body = config.body;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      type: stringToTerraform(this.type),
      resource_id: stringToTerraform(this.resourceId),
      body: anyToTerraform(this.body),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return {
      type: { value: stringToHclTerraform(this.type), isBlock: false, type: 'simple', storageClassType: 'string' },
      resource_id: { value: stringToHclTerraform(this.resourceId), isBlock: false, type: 'simple', storageClassType: 'string' },
      body: { value: anyToHclTerraform(this.body), isBlock: false, type: 'simple', storageClassType: 'any' },
    };
  }
}
