// What the gateway hands to FrontEndEmbeddings (AiGateway.addFrontEndEmbeddings): its service, its
// backends in failover order, and the inputs of its own policy, so that the embeddings API routes,
// meters and authenticates exactly as the main API does.
import { ITerraformDependable, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { PolicyDeploymentLimit } from './policy';
import { IAiAccount } from '../../ai/ai-account-props';

/** One backend of the gateway, in failover order. */
export interface EmbeddingsBackend {
  readonly account: IAiAccount;
  /** The API Management backend's name (`set-backend-service backend-id`). */
  readonly name: string;
}

/** The gateway, as FrontEndEmbeddings sees it. */
export interface EmbeddingsConfig {
  /** Resource id of the service. */
  readonly gatewayId: string;
  /** Name of the service. */
  readonly apiManagementName: string;
  readonly resourceGroupName: string;
  /** `https://<name>.azure-api.net`. */
  readonly gatewayUrl: string;
  readonly backends: EmbeddingsBackend[];
  /** Header that names the user (the gateway's, or the default when the gateway reads a token claim). */
  readonly userHeaderName: string;
  /** Client id of the user-assigned identity that calls the backends; undefined for the system-assigned one. */
  readonly identityClientId?: string;
  readonly tokensPerMinute: number;
  readonly tokensPerDay: number;
  readonly deploymentLimits: PolicyDeploymentLimit[];
  readonly emitTokenMetrics: boolean;
  /** What the policy waits for: the backends and the propagation of the gateway's grants. */
  readonly policyDependsOn: ITerraformDependable[];
  /**
   * Adds the main API's diagnostics to another API, under `scope`; undefined without the gateway's
   * `monitoring`.
   */
  readonly addTelemetry?: (scope: Construct, apiName: string, policy: ITerraformDependable) => TerraformResource[];
}
