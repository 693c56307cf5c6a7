import {
  anyToHclTerraform, anyToTerraform, stringToHclTerraform, stringToTerraform, TerraformMetaArguments, TerraformProvider, TerraformResource,
} from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ensureProvider } from './providers';

/**
 * Version constraint of the Azure/azapi provider: 2.4 or later in 2.x. 2.x takes `body` as an HCL
 * object (1.x took a JSON string); 2.4 added `sensitive_body`, a write-only argument (Terraform
 * 1.11 or later) that is neither stored in state nor compared with what the service returns: the
 * token-metrics logger's credentials (API Management answers with a named-value reference, not
 * the connection string) and the values of Key Vault secrets go in it. azapi keeps only a SHA-256
 * hash of it in the resource's private state and sends it again when that hash changes.
 *
 * @see https://github.com/Azure/terraform-provider-azapi/releases/tag/v2.0.1
 * @see https://github.com/Azure/terraform-provider-azapi/blob/main/CHANGELOG.md (v2.4.0)
 */
export const AZAPI_VERSION_CONSTRAINT = '~> 2.4';
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

type Field = readonly [value: any, storage: 'string' | 'any'];

/** Writes the given arguments in both the JSON and the HCL form cdktf synthesizes. */
abstract class AzapiResourceBase extends TerraformResource {
  constructor(scope: Construct, id: string, resourceType: string, config: TerraformMetaArguments) {
    ensureAzapiProvider(scope);
    super(scope, id, {
      terraformResourceType: resourceType,
      terraformGeneratorMetadata: { providerName: 'azapi', providerVersionConstraint: AZAPI_VERSION_CONSTRAINT },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      forEach: config.forEach,
    });
  }

  /** The arguments, by Terraform name, in the order they are written. */
  protected abstract fields(): { [name: string]: Field };

  protected synthesizeAttributes(): { [name: string]: any } {
    return Object.fromEntries(Object.entries(this.fields()).map(([name, [value, storage]]) => [
      name, storage === 'string' ? stringToTerraform(value) : anyToTerraform(value),
    ]));
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return Object.fromEntries(Object.entries(this.fields()).map(([name, [value, storage]]) => [name, {
      value: storage === 'string' ? stringToHclTerraform(value) : anyToHclTerraform(value),
      isBlock: false,
      type: 'simple',
      storageClassType: storage,
    }]));
  }
}

/**
 * `azapi_update_resource`: sets some properties of an existing Azure resource with a PATCH-like
 * read-modify-write, and leaves them as they are when it is destroyed.
 *
 * @see https://registry.terraform.io/providers/Azure/azapi/latest/docs/resources/update_resource
 */
export class AzapiUpdateResource extends AzapiResourceBase {
  public static readonly tfResourceType = 'azapi_update_resource';

  /** Resource type and API version. */
  public readonly type: string;
  /** Id of the patched resource. */
  public readonly resourceId: string;
  /** The body sent. */
  public readonly body: { [key: string]: any };

  constructor(scope: Construct, id: string, config: AzapiUpdateResourceConfig) {
    super(scope, id, AzapiUpdateResource.tfResourceType, config);
    this.type = config.type;
    this.resourceId = config.resourceId;
    this.body = config.body;
  }

  protected fields(): { [name: string]: Field } {
    return { type: [this.type, 'string'], resource_id: [this.resourceId, 'string'], body: [this.body, 'any'] };
  }
}

/** The arguments of `azapi_resource` that this library writes. */
export interface AzapiResourceConfig extends TerraformMetaArguments {
  /** Resource type and API version, e.g. `Microsoft.ApiManagement/service/loggers@2024-05-01`. */
  readonly type: string;
  /** Name of the resource. */
  readonly name: string;
  /** Id of the parent resource (the service of a logger). */
  readonly parentId: string;
  /** The resource's body (`properties` and the like), as an object. */
  readonly body: { [key: string]: any };
  /**
   * Write-only properties, merged into the request body but kept out of state and out of drift
   * detection (secrets, and properties the service returns masked).
   *
   * @default - none
   */
  readonly sensitiveBody?: { [key: string]: any };
}

/**
 * `azapi_resource`: a resource created, updated and deleted with its own ARM type and API version,
 * through Azure Resource Manager only: for what azurerm cannot express, and for what azurerm would
 * write through a service's data plane (Key Vault secrets and keys).
 *
 * @see https://registry.terraform.io/providers/Azure/azapi/latest/docs/resources/resource
 */
export class AzapiResource extends AzapiResourceBase {
  public static readonly tfResourceType = 'azapi_resource';

  /** Resource type and API version. */
  public readonly type: string;
  /** Name of the resource. */
  public readonly name: string;
  /** Id of its parent. */
  public readonly parentId: string;
  /** The body sent. */
  public readonly body: { [key: string]: any };
  /** The write-only part of the body, if any. */
  public readonly sensitiveBody?: { [key: string]: any };

  constructor(scope: Construct, id: string, config: AzapiResourceConfig) {
    super(scope, id, AzapiResource.tfResourceType, config);
    this.type = config.type;
    this.name = config.name;
    this.parentId = config.parentId;
    this.body = config.body;
    this.sensitiveBody = config.sensitiveBody;
  }

  /** The resource id. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /**
   * The resource's name, as a reference: known at plan, and a use of it makes Terraform create
   * this resource first.
   */
  public get nameRef(): string {
    return this.getStringAttribute('name');
  }

  protected fields(): { [name: string]: Field } {
    const fields: { [name: string]: Field } = {
      type: [this.type, 'string'], name: [this.name, 'string'], parent_id: [this.parentId, 'string'], body: [this.body, 'any'],
    };
    if (this.sensitiveBody) fields.sensitive_body = [this.sensitiveBody, 'any'];
    return fields;
  }
}
