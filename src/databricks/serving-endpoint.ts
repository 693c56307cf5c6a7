import type { ModelServing } from '@cdktf/provider-databricks/lib/model-serving';
import type { Permissions } from '@cdktf/provider-databricks/lib/permissions';
import type { ServicePrincipal } from '@cdktf/provider-databricks/lib/service-principal';
import { TerraformProvider, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { DatabricksWorkspace, IDatabricksWorkspace } from './databricks-workspace';
import { AZURE_DATABRICKS_APP_ID } from './private/facts';
import { DATABRICKS_PACKAGE, loadDatabricks } from './private/provider-package';
import { CapacityKind, catalogueModel, ENDPOINT_NAME, SERVING_CATALOGUE, UNITY_CATALOG_MODEL } from './private/serving-catalogue';
import { Compliance } from '../compliance/compliance';
import { APPLY_CONTROL_PLANE_RULE_ID } from '../compliance/private/apply-paths';
import { IChatIdentity } from '../core/identity';
import { Names } from '../core/names';
import { IDENTITY_REF } from '../core/private/references';
import {
  checkField, checkIntRange, checkNotBlank, checkShape, checkTrimmed, is, isUnresolved, propError, ruleError, Shape, warn,
} from '../core/private/validate';

/**
 * A model serving endpoint of an Azure Databricks workspace, created here or existing: what an AI
 * gateway backend needs to call it.
 */
export interface IDatabricksServingEndpoint extends IConstruct {
  /** The workspace that serves it. */
  readonly workspace: IDatabricksWorkspace;
  /** Name of the serving endpoint. */
  readonly endpointName: string;
  /**
   * The endpoint's invocation URL, `https://<workspace URL>/serving-endpoints/<name>/invocations`.
   * For a chat model it takes an OpenAI chat-completions request body (`messages`, `max_tokens`…).
   */
  readonly invocationsUrl: string;
  /**
   * Base URL of the workspace's OpenAI-compatible API, `https://<workspace URL>/serving-endpoints`:
   * an OpenAI client pointed at it calls `POST /chat/completions` with `model` set to
   * {@link endpointName}.
   */
  readonly openAiBaseUrl: string;
  /**
   * The Entra application id whose tokens the workspace accepts (the token audience / resource):
   * `2ff814a6-3304-4ab8-85cb-cd0e6f879c1d`, Azure Databricks' first-party application.
   */
  readonly tokenAudience: string;
}

/** Attributes of an existing serving endpoint, for {@link DatabricksServingEndpoint.fromAttributes}. */
export interface DatabricksServingEndpointAttributes {
  /** The workspace that serves it. */
  readonly workspace: IDatabricksWorkspace;
  /** Name of the serving endpoint. */
  readonly endpointName: string;
}

/** Props of {@link DatabricksServingEndpoint}. */
export interface DatabricksServingEndpointProps {
  /** The workspace that serves the model. It must be in ANOTHER stack than this construct (see the class comment). */
  readonly workspace: IDatabricksWorkspace;
  /**
   * Unity Catalog name of the model: an open model of Databricks' catalogue (`system.ai.gpt-oss-120b`,
   * `system.ai.meta_llama_v3_3_70b_instruct`…) or your own registered model (`<catalog>.<schema>.<model>`).
   */
  readonly modelName: string;
  /** Version of the Unity Catalog model, pinned: a new version is a deliberate change. */
  readonly modelVersion: string;
  /**
   * Where this stack is applied from: a machine INSIDE the network that reaches the workspace's
   * private endpoint (e.g. "self-hosted runner in vnet-data/snet-runners"). The databricks
   * provider calls the workspace's private REST API for every resource here, so PCHAT-APPLY-001 is
   * acknowledged on them with this text as the reason.
   */
  readonly appliedFromInsideNetwork: string;
  /**
   * Name of the serving endpoint (1-63 letters, digits, `-`, `_`). Changing it replaces the endpoint.
   *
   * @default - `chat-<construct id>-<8 hex characters>` hashed from the construct path
   */
  readonly endpointName?: string;
  /**
   * Provisioned capacity in model units, for models that are sized that way (GPT OSS, Gemma 3,
   * Llama 4 in Databricks' docs).
   *
   * @default - required for such a model
   */
  readonly provisionedModelUnits?: number;
  /**
   * Lower bound of provisioned throughput in tokens per second, for models sized in tokens-per-second
   * bands (Llama 3.x, GTE, BGE, and fine-tuned models of those architectures).
   *
   * @default - required for such a model
   */
  readonly minProvisionedThroughput?: number;
  /**
   * Upper bound of provisioned throughput in tokens per second.
   *
   * @default - required for such a model
   */
  readonly maxProvisionedThroughput?: number;
  /**
   * Let the endpoint scale to zero when idle. Cheaper, but the first request after an idle period
   * waits minutes for capacity, which a chat user sees as a hang.
   *
   * @default false
   */
  readonly scaleToZero?: boolean;
  /**
   * The identity that queries the endpoint (the AI gateway's managed identity). It is registered in
   * the workspace as a service principal (by its client id) with `CAN_QUERY` on this endpoint only.
   *
   * @default - no caller is registered; call {@link DatabricksServingEndpoint.grantQuery} later
   */
  readonly caller?: IChatIdentity;
}

const SHAPE: Shape = {
  workspace: is.reference(['workspaceResourceId', 'workspaceUrl', 'hasPrivateEndpoint'], 'a DatabricksWorkspace or DatabricksWorkspace.fromAttributes(...)', true),
  modelName: is.string(true),
  modelVersion: is.string(true),
  appliedFromInsideNetwork: is.string(true),
  endpointName: is.string(),
  provisionedModelUnits: is.integer(),
  minProvisionedThroughput: is.integer(),
  maxProvisionedThroughput: is.integer(),
  scaleToZero: is.boolean(),
  caller: IDENTITY_REF(),
};

/** Provider arguments that carry a Databricks-issued secret instead of an Azure credential. */
const NON_AZURE_CREDENTIALS: ReadonlyArray<[string, string]> = [
  ['token', 'a personal access token'], ['password', 'a Databricks password'], ['client_secret', 'a Databricks OAuth secret'],
];

/**
 * A model served from a private Azure Databricks workspace on provisioned throughput, and the one
 * identity allowed to query it.
 *
 * Creates `databricks_model_serving` (one served entity, the pinned Unity Catalog model version),
 * and, for each caller, a `databricks_service_principal` with the identity's client id and a
 * `databricks_permissions` granting `CAN_QUERY` on this endpoint. `databricks_permissions` is
 * authoritative for the endpoint: it removes any grant not listed (workspace admins and the
 * identity that applies keep `CAN_MANAGE`, which the provider adds itself).
 *
 * **The apply path.** Every `databricks_*` resource is created through the workspace's REST API,
 * which is private (public network access off). So this construct belongs in a SECOND stack,
 * applied after the workspace's stack from a machine inside the network (a self-hosted runner in
 * the VNet or a peered one) whose DNS resolves `privatelink.azuredatabricks.net`. The first stack
 * stays Azure-Resource-Manager-only; in this one PCHAT-APPLY-001 is acknowledged on each resource
 * with `appliedFromInsideNetwork` as the reason. A workspace created in the same stack is refused.
 *
 * **Sign-in.** The stack's databricks provider must sign in with Azure credentials
 * (`azure_workspace_resource_id` with Azure CLI, a managed identity or `ARM_*` environment
 * variables), never with a personal access token, a password or a Databricks OAuth secret:
 * checked at synth.
 *
 * @see https://learn.microsoft.com/azure/databricks/machine-learning/foundation-model-apis/deploy-prov-throughput-foundation-model-apis
 * @see https://registry.terraform.io/providers/databricks/databricks/1.99.0/docs/resources/model_serving
 */
export class DatabricksServingEndpoint extends Construct implements IDatabricksServingEndpoint {
  /** An existing serving endpoint: nothing is created and the databricks package is not needed. */
  public static fromAttributes(scope: Construct, id: string, attrs: DatabricksServingEndpointAttributes): IDatabricksServingEndpoint {
    return new ImportedServingEndpoint(scope, id, attrs);
  }

  /** The Unity Catalog models of the built-in catalogue, `system.ai.<model>`. */
  public static catalogue(): string[] {
    return SERVING_CATALOGUE.map((m) => m.entityName);
  }

  public readonly workspace: IDatabricksWorkspace;
  public readonly endpointName: string;
  public readonly invocationsUrl: string;
  public readonly openAiBaseUrl: string;
  public readonly tokenAudience: string = AZURE_DATABRICKS_APP_ID;
  /** The `databricks_model_serving` (escape hatch). */
  public readonly resource: ModelServing;
  private readonly reason: string;
  private readonly granted = new Map<string, [ServicePrincipal, Permissions]>();

  constructor(scope: Construct, id: string, props: DatabricksServingEndpointProps) {
    super(scope, id);
    this.validate(props);
    const modules = loadDatabricks(this);
    this.workspace = props.workspace;
    this.endpointName = props.endpointName ?? `chat-${id.toLowerCase().replace(/[^a-z0-9_-]/g, '-').slice(0, 40)}-${Names.hashOf(this, 8)}`;
    this.reason = `appliedFromInsideNetwork: ${props.appliedFromInsideNetwork}. The databricks provider reaches the workspace's private REST API `
      + 'from there; the workspace stack itself is applied through Azure Resource Manager only';

    this.resource = new modules.modelServing.ModelServing(this, 'Resource', {
      name: this.endpointName,
      config: {
        servedEntities: [{
          name: 'model',
          entityName: props.modelName,
          entityVersion: props.modelVersion,
          ...(props.provisionedModelUnits !== undefined ? { provisionedModelUnits: props.provisionedModelUnits } : {}),
          ...(props.minProvisionedThroughput !== undefined ? { minProvisionedThroughput: props.minProvisionedThroughput } : {}),
          ...(props.maxProvisionedThroughput !== undefined ? { maxProvisionedThroughput: props.maxProvisionedThroughput } : {}),
          scaleToZeroEnabled: props.scaleToZero ?? false,
        }],
      },
    });
    Compliance.acknowledge(this.resource, APPLY_CONTROL_PLANE_RULE_ID, this.reason);

    const base = `https://${props.workspace.workspaceUrl}/serving-endpoints`;
    this.openAiBaseUrl = base;
    this.invocationsUrl = `${base}/${this.endpointName}/invocations`;

    if (props.caller) this.grantQuery(props.caller);

    this.node.addValidation({ validate: () => this.checkStack() });
  }

  /**
   * Registers `identity` in the workspace as a service principal (by its client id, with no
   * entitlement to create clusters, pools or SQL warehouses) and grants it `CAN_QUERY` on this
   * endpoint only. Granting the same identity twice returns the first grant.
   *
   * @returns the `databricks_permissions` resource
   */
  public grantQuery(identity: IChatIdentity): Permissions {
    checkField(this, 'grantQuery.identity', identity, IDENTITY_REF(true));
    const key = String(identity.clientId);
    const existing = this.granted.get(key);
    if (existing) return existing[1];
    const modules = loadDatabricks(this);
    const n = this.granted.size;
    const suffix = n === 0 ? '' : `${n + 1}`;
    const principal = new modules.servicePrincipal.ServicePrincipal(this, `Caller${suffix}`, {
      applicationId: identity.clientId,
      displayName: `${this.endpointName}-caller${suffix}`,
      // Nothing but querying: no compute, no pools, no SQL.
      allowClusterCreate: false,
      allowInstancePoolCreate: false,
      databricksSqlAccess: false,
    });
    const permissions = new modules.permissions.Permissions(this, `CallerQuery${suffix}`, {
      servingEndpointId: this.resource.servingEndpointId,
      accessControl: [{ servicePrincipalName: principal.applicationId, permissionLevel: 'CAN_QUERY' }],
    });
    Compliance.acknowledge(principal, APPLY_CONTROL_PLANE_RULE_ID, this.reason);
    Compliance.acknowledge(permissions, APPLY_CONTROL_PLANE_RULE_ID, this.reason);
    this.granted.set(key, [principal, permissions]);
    return permissions;
  }

  private validate(props: DatabricksServingEndpointProps): void {
    checkShape(this, props, SHAPE);
    if (props.workspace instanceof DatabricksWorkspace && TerraformStack.of(props.workspace) === TerraformStack.of(this)) {
      throw propError(this, 'workspace', 'must be in another stack: the workspace\'s REST API is private, so the serving resources go into a second stack '
        + 'applied from inside the network after the workspace exists (use DatabricksWorkspace.fromAttributes there)', props.workspace.node.path);
    }
    if (!isUnresolved(props.workspace.hasPrivateEndpoint) && props.workspace.hasPrivateEndpoint !== true) {
      throw propError(this, 'workspace', 'must have a databricks_ui_api private endpoint (hasPrivateEndpoint true): this library never serves a model from a public workspace',
        props.workspace.node.path);
    }
    checkNotBlank(this, 'appliedFromInsideNetwork', props.appliedFromInsideNetwork);
    checkNotBlank(this, 'modelVersion', props.modelVersion);
    checkTrimmed(this, 'modelVersion', props.modelVersion);
    checkEndpointName(this, 'endpointName', props.endpointName);
    checkIntRange(this, 'provisionedModelUnits', props.provisionedModelUnits, 1, 10000);
    checkIntRange(this, 'minProvisionedThroughput', props.minProvisionedThroughput, 0, 1000000);
    checkIntRange(this, 'maxProvisionedThroughput', props.maxProvisionedThroughput, 1, 1000000);

    const name = props.modelName;
    if (isUnresolved(name)) return;
    checkTrimmed(this, 'modelName', name);
    if (!UNITY_CATALOG_MODEL.test(name)) {
      throw propError(this, 'modelName', 'must be a Unity Catalog model, <catalog>.<schema>.<model>: one of Databricks\' open models '
        + `(${DatabricksServingEndpoint.catalogue().join(', ')}) or a model registered in Unity Catalog`, name);
    }
    const known = catalogueModel(name);
    const system = name.toLowerCase().startsWith('system.ai.');
    if (name.toLowerCase().startsWith('system.') && !system) {
      throw propError(this, 'modelName', "must be in 'system.ai' when it is in the 'system' catalog (Databricks' open models live there)", name);
    }
    if (system && !known) {
      warn(this, 'databricks-model-not-in-catalogue', `'modelName' '${name}' is not in the library's catalogue (${DatabricksServingEndpoint.catalogue().join(', ')}); `
        + 'it may be newer than this release: its capacity kind cannot be checked, and the apply fails if the workspace\'s region does not serve it');
    }
    const units = props.provisionedModelUnits !== undefined;
    const band = props.minProvisionedThroughput !== undefined || props.maxProvisionedThroughput !== undefined;
    if (units && band) {
      throw ruleError(this, "'provisionedModelUnits' and 'minProvisionedThroughput'/'maxProvisionedThroughput' are two ways to size one model: set one, got both");
    }
    if (!units && !band) {
      const hint = known ? ` ('${name}' is sized in ${known.capacity})` : '';
      throw ruleError(this, `'provisionedModelUnits' or 'minProvisionedThroughput' with 'maxProvisionedThroughput' must be set: the model is served on provisioned throughput${hint}, got neither`);
    }
    if (band && (props.minProvisionedThroughput === undefined || props.maxProvisionedThroughput === undefined)) {
      throw ruleError(this, "'minProvisionedThroughput' and 'maxProvisionedThroughput' must be set together, got one");
    }
    if (band && props.minProvisionedThroughput! > props.maxProvisionedThroughput!) {
      throw propError(this, 'minProvisionedThroughput', `must not exceed 'maxProvisionedThroughput' (${props.maxProvisionedThroughput})`, props.minProvisionedThroughput);
    }
    if (known && known.capacity === CapacityKind.MODEL_UNITS && band) {
      throw propError(this, 'minProvisionedThroughput', `cannot size '${name}': Databricks provisions it in model units; set 'provisionedModelUnits'`, props.minProvisionedThroughput);
    }
    if (known && known.capacity === CapacityKind.TOKENS_PER_SECOND && units) {
      throw propError(this, 'provisionedModelUnits', `cannot size '${name}': Databricks provisions it in tokens-per-second bands; set 'minProvisionedThroughput' and 'maxProvisionedThroughput'`,
        props.provisionedModelUnits);
    }
  }

  /** The stack's databricks provider signs in with Azure credentials, never a PAT. */
  private checkStack(): string[] {
    const stack = TerraformStack.of(this);
    const providers = stack.node.findAll().filter((c): c is TerraformProvider => c instanceof TerraformProvider
      && (c as TerraformProvider).terraformProviderSource === 'databricks/databricks');
    if (providers.length === 0) {
      return [`${this.node.path}: the stack needs a databricks provider (${DATABRICKS_PACKAGE}/lib/provider) with azureWorkspaceResourceId set to the workspace's resource id, signing in with Azure credentials`];
    }
    const errors: string[] = [];
    for (const p of providers) {
      const rendered = p.toTerraform() as { provider?: { [type: string]: Array<{ [attribute: string]: unknown }> } };
      const config = rendered.provider?.databricks?.[0] ?? {};
      for (const [attribute, what] of NON_AZURE_CREDENTIALS) {
        if (config[attribute] !== undefined) {
          errors.push(`databricks provider '${p.node.path}': '${attribute}' must not be set (${what}); sign in with Azure credentials `
            + '(azure_workspace_resource_id with Azure CLI, a managed identity or ARM_* variables)');
        }
      }
      if (config.azure_workspace_resource_id === undefined) {
        errors.push(`databricks provider '${p.node.path}': 'azure_workspace_resource_id' must be set, so that it signs in with Azure credentials to this workspace`);
      }
      const auth = config.auth_type;
      if (typeof auth === 'string' && !isUnresolved(auth) && !auth.startsWith('azure-')) {
        errors.push(`databricks provider '${p.node.path}': 'auth_type' must be an Azure method (azure-cli, azure-msi, azure-client-secret), got '${auth}'`);
      }
    }
    return errors;
  }
}

/** A serving endpoint name, when given and known at synth. */
function checkEndpointName(scope: Construct, prop: string, name: string | undefined): void {
  if (name !== undefined && !isUnresolved(name) && !ENDPOINT_NAME.test(name)) {
    throw propError(scope, prop, 'must be 1-63 letters, digits, hyphens and underscores', name);
  }
}

/** An existing serving endpoint, from {@link DatabricksServingEndpoint.fromAttributes}. */
class ImportedServingEndpoint extends Construct implements IDatabricksServingEndpoint {
  /** Shown in error messages instead of this internal class name. */
  public static readonly errorKind = 'DatabricksServingEndpoint.fromAttributes';

  public readonly workspace: IDatabricksWorkspace;
  public readonly endpointName: string;
  public readonly invocationsUrl: string;
  public readonly openAiBaseUrl: string;
  public readonly tokenAudience: string = AZURE_DATABRICKS_APP_ID;

  constructor(scope: Construct, id: string, attrs: DatabricksServingEndpointAttributes) {
    super(scope, id);
    checkShape(this, attrs, { workspace: SHAPE.workspace, endpointName: is.string(true) }, 'attrs');
    checkEndpointName(this, 'attrs.endpointName', attrs.endpointName);
    this.workspace = attrs.workspace;
    this.endpointName = attrs.endpointName;
    this.openAiBaseUrl = `https://${attrs.workspace.workspaceUrl}/serving-endpoints`;
    this.invocationsUrl = `${this.openAiBaseUrl}/${attrs.endpointName}/invocations`;
  }
}
