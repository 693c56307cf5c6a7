// PrivateChat's gateway row: the AI gateway in front of the account, its usage workbook, and the
// embeddings operation document chat uses; with the app's identity, which the gateway must know
// before the app exists.
import { Construct } from 'constructs';
import { ChatIsolation, ChatPlacement } from './chat-foundation';
import { createEmbeddings, DEFAULT_EMBEDDINGS_MODEL, ScaleOutPlan } from './scale-out';
import { IAiAccount } from '../../ai/ai-account-props';
import { ChatFrontEnd } from '../../app/front-end';
import { ChatIdentity } from '../../app/identity';
import { IChatIdentity } from '../../core/identity';
import { defaultSubnetIn, parseCidr } from '../../core/private/cidr';
import { inUsersWords } from '../../core/private/pass-through';
import { isUnresolved, ownerLabel, propError } from '../../core/private/validate';
import { AiGateway, AiGatewayBackend } from '../../gateway/ai-gateway';
import { FrontEndEmbeddings } from '../../gateway/front-end-embeddings';
import { capacityBehind, checkLimitsAgainstCapacity } from '../../gateway/private/capacity';
import { breakerRuleFor } from '../../gateway/private/circuit-breaker';
import { UsageWorkbook } from '../../gateway/usage-workbook';
import { IPrivateNetwork, PrivateNetwork } from '../../network/private-network';
import { IPrivateKeyVault } from '../../secrets/key-vault';
import { ChatGatewayOptions } from '../chat-options';
import { PrivateChatProps } from '../private-chat-props';

/** The gateway's pieces, and the identity the app runs as (made here when the gateway needs it first). */
export interface ChatGateway {
  readonly gateway?: AiGateway;
  readonly usageWorkbook?: UsageWorkbook;
  readonly embeddings?: FrontEndEmbeddings;
  readonly appIdentity?: IChatIdentity;
  /** The model names of the Databricks backends, which the front end offers beside the deployments. */
  readonly databricksModelNames: string[];
}

/** Whether the gateway emits token metrics: on by default when there is a gateway. */
export function tokenMetricsOf(gateway: ChatGatewayOptions | undefined): boolean {
  return gateway !== undefined && (gateway.tokenMetrics ?? true);
}

/** With `gateway`: the app's identity, the gateway calling the AI account (first) and the additional backends, the workbook and document chat's embeddings. */
export function createChatGateway(owner: Construct, props: PrivateChatProps, frontEnd: ChatFrontEnd, plan: ScaleOutPlan,
  common: ChatPlacement, isolation: ChatIsolation, aiAccount: IAiAccount, vault: IPrivateKeyVault): ChatGateway {
  let appIdentity = props.identity;
  if (!props.gateway) return { appIdentity, databricksModelNames: [] };
  const options = props.gateway;
  if (!frontEnd.forwardsSignedInUser) {
    throw propError(owner, 'gateway', `must be left out for ${frontEnd.name}: the gateway meters each signed-in user by a header the front end forwards (X-OpenWebUI-User-Email), and this front end cannot forward one; use Open WebUI`, 'a gateway');
  }
  if ((options.databricksBackends ?? []).length > 0 && !frontEnd.offersSeveralModels) {
    throw propError(owner, 'gateway.databricksBackends', `must be left out for ${frontEnd.name}, which calls one deployment: `
      + 'a Databricks model is one more model to pick, on the gateway\'s /openai/v1/chat/completions route; use ChatFrontEnd.openWebUi()',
    options.databricksBackends!.map((b) => b?.modelName ?? b?.endpoint?.endpointName));
  }
  appIdentity ??= new ChatIdentity(owner, 'AppIdentity', { ...common });
  const backends: AiGatewayBackend[] = [{ account: aiAccount, priority: 1 }, ...(options.additionalBackends ?? [])];
  // The gateway checks these too; here they name the props as written ('gateway.…').
  breakerRuleFor(owner, 'gateway.', options.circuitBreaker, backends.length);
  checkLimitsAgainstCapacity(owner, 'gateway.', capacityBehind(backends.map((b) => b?.account)), options.tokensPerMinutePerUser, options.deploymentLimits);
  // The gateway's errors name the props the user wrote: 'gateway.…', and 'gateway.additionalBackends[i]'
  // for the gateway's 'backends[i + 1]' (its first backend is this chat's own account).
  const gateway = inUsersWords(owner, gatewayWords, () => new AiGateway(owner, 'Gateway', {
    ...common,
    ...isolation,
    backends,
    databricksBackends: options.databricksBackends,
    circuitBreaker: options.circuitBreaker,
    integrationSubnetId: options.integrationSubnetId ?? gatewaySubnet(owner, isolation.network, options.integrationSubnetCidr, props.addressSpace),
    allowedCallerClientIds: [appIdentity.clientId],
    publisherEmail: options.publisherEmail,
    skuName: options.skuName,
    tokensPerMinutePerUser: options.tokensPerMinutePerUser,
    tokensPerDayPerUser: options.tokensPerDayPerUser,
    deploymentLimits: options.deploymentLimits,
    emitTokenMetrics: tokenMetricsOf(options),
    monitorPrivateLinkScope: options.monitorPrivateLinkScope,
    logLlmMessages: options.logLlmMessages,
  }));
  const usageWorkbook = new UsageWorkbook(owner, 'UsageWorkbook', { ...common, monitoring: isolation.monitoring });
  let embeddings: FrontEndEmbeddings | undefined;
  if (plan.documentChat) {
    const name = props.documentChat?.deploymentName ?? embeddingsDeploymentName(props);
    embeddings = createEmbeddings(owner, gateway, vault, name, props.documentChat?.dimensions);
  }
  return { gateway, usageWorkbook, embeddings, appIdentity, databricksModelNames: gateway.databricksModelNames };
}

/** Gateway props the user writes under `gateway.` with the same name. */
const GATEWAY_PASSED = ['databricksBackends', 'deploymentLimits', 'tokensPerMinutePerUser', 'tokensPerDayPerUser', 'circuitBreaker', 'skuName',
  'publisherEmail', 'monitorPrivateLinkScope', 'logLlmMessages', 'integrationSubnetId'];

/** An AiGateway prop path in PrivateChat's words (see createChatGateway). */
function gatewayWords(name: string, tail: string): string | undefined {
  if (GATEWAY_PASSED.includes(name)) return `gateway.${name}${tail}`;
  const m = name === 'backends' ? /^\[(\d+)\]([\s\S]*)$/.exec(tail) : null;
  if (m && Number(m[1]) >= 1) return `gateway.additionalBackends[${Number(m[1]) - 1}]${m[2]}`;
  return undefined;
}

/** The gateway's integration subnet when the default address space is kept. */
const DEFAULT_GATEWAY_SUBNET = '10.0.2.0/27';

/**
 * The gateway's dedicated integration subnet in the new VNet (API Management needs a /27 or
 * larger, shared with nothing). Without `gateway.integrationSubnetCidr` it is `10.0.2.0/27`, or,
 * in a custom `addressSpace` that does not hold it, the /27 right after the two /24s of the
 * endpoint and app subnets. The network's errors about it name `gateway.integrationSubnetCidr`.
 */
function gatewaySubnet(owner: Construct, network: IPrivateNetwork, given: string | undefined, addressSpace: string | undefined): string {
  const cidr = given ?? defaultSubnetIn(addressSpace ?? '10.0.0.0/16', 16, 27, DEFAULT_GATEWAY_SUBNET);
  const parsed = isUnresolved(cidr) ? undefined : parseCidr(cidr);
  if (typeof parsed === 'string') throw propError(owner, 'gateway.integrationSubnetCidr', `must be a CIDR block: ${parsed}`, cidr);
  if (parsed && parsed.prefix > 27) throw propError(owner, 'gateway.integrationSubnetCidr', 'must be a /27 or larger: API Management needs it for outbound VNet integration', cidr);
  try {
    // The app's egress path too: the gateway fetches Entra ID's signing keys for its token check,
    // and the subnet has default outbound access off. ('GatewaySubnet' is only the construct id,
    // kept for the addresses; the subnet is named apim-integration.)
    return (network as PrivateNetwork).addDelegatedSubnet('GatewaySubnet', { name: 'apim-integration', cidr, egress: true }).id;
  } catch (e) {
    const m = e instanceof Error ? /^[^:]+: 'addDelegatedSubnet\(GatewaySubnet\)\.cidr' ([\s\S]*)$/.exec(e.message) : null;
    if (!m) throw e;
    const derived = given === undefined ? ` (the default, derived from 'addressSpace' ${addressSpace === undefined ? "'10.0.0.0/16'" : `'${addressSpace}'`}; give 'gateway.integrationSubnetCidr' a free /27 inside it)` : '';
    throw new Error(`${ownerLabel(owner)}: 'gateway.integrationSubnetCidr'${derived} ${m[1]}`);
  }
}

/** Name of the embeddings deployment document chat adds (named after its model). */
function embeddingsDeploymentName(props: PrivateChatProps): string {
  return props.documentChat?.embeddingsModel ?? DEFAULT_EMBEDDINGS_MODEL;
}
