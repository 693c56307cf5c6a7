import { anyToHclTerraform, anyToTerraform, TerraformResource, TerraformResourceLifecycle } from 'cdktf';
import { Construct } from 'constructs';

/**
 * A `terraform_data` that holds one value (`input`), read back as `output`: how the library keeps
 * a value Terraform generates once (a password) stable across plans, with
 * `ignore_changes = [input]`.
 *
 * cdktf's own `DataResource` adds, to every instance, a validation that runs `terraform version`
 * in a child process (about 50 ms each). Measured with `npm run bench`, those checks were most of
 * the synth time of the default stack (2.75x an empty app instead of 2.3x) and made a stack of
 * 50 chats super-linear; this binding writes the same JSON without them. The Terraform version
 * the stacks need (1.11, for write-only arguments) is stated in docs/deploy.md.
 *
 * @see https://developer.hashicorp.com/terraform/language/resources/terraform-data
 */
export class HeldValue extends TerraformResource {
  private readonly input: unknown;

  constructor(scope: Construct, id: string, config: { readonly input: unknown; readonly lifecycle?: TerraformResourceLifecycle }) {
    super(scope, id, {
      terraformResourceType: 'terraform_data',
      terraformGeneratorMetadata: { providerName: 'terraform' },
      lifecycle: config.lifecycle,
    });
    this.input = config.input;
  }

  /** The held value, as Terraform reads it back (`output`). */
  public get output(): string {
    return this.getStringAttribute('output');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return { input: anyToTerraform(this.input) };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return { input: { value: anyToHclTerraform(this.input), isBlock: false, type: 'simple', storageClassType: 'any' } };
  }
}
