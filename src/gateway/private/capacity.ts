// The capacity behind the gateway, read from the model deployments of its backend accounts, and
// the per-user token limits derived from it and held against it.
//
// A Standard-family deployment's capacity is its rate limit in units of 1,000 tokens per minute
// (https://learn.microsoft.com/azure/ai-foundry/openai/how-to/quota). llm-token-limit counts the
// same tokens (prompt and completion) per counter key and minute
// (https://learn.microsoft.com/azure/api-management/llm-token-limit-policy), so a per-user limit
// above the deployment's capacity never binds: one user can take the whole deployment and every
// other user gets the deployment's 429s.
import { DeploymentSkuFamily, ModelDeployment } from '../../ai/model-deployment';
import { isUnresolved, Owner, propError } from '../../core/private/validate';

/** Tokens per minute behind the gateway for one deployment name. */
export interface DeploymentCapacity {
  readonly deployment: string;
  /**
   * Tokens per minute summed over the backends that hold a deployment of this name (failover
   * reaches each of them); undefined when a part is not counted in tokens per minute
   * (provisioned throughput units) or not known at synth.
   */
  readonly tokensPerMinute?: number;
  /** How many backends hold a deployment of this name. */
  readonly backends: number;
}

/** What the gateway can know of its backends' capacity at synth. */
export interface CapacitySummary {
  /** Whether the deployments of every backend are known (accounts created in this app, not imported). */
  readonly complete: boolean;
  /** Deployments by name, in name order. */
  readonly deployments: DeploymentCapacity[];
}

/** One entry of `deploymentLimits`, as this module reads it. */
export interface LimitOverride {
  readonly deployment?: string;
  readonly tokensPerMinutePerUser?: number;
}

/** The default per-user limit is this fraction (1/4) of the smallest deployment: four users at their limit fill it. */
export const PER_USER_SHARE = 4;
/**
 * Floor of the derived default: `llm-token-limit` estimates a request's prompt tokens before the
 * call and counts them against the minute's allowance, and a chat front end sends the whole
 * conversation with every turn, so a limit below a few thousand tokens cuts long conversations off
 * (how a single prompt above the limit is treated is unverified on a live gateway). Never above
 * the capacity itself.
 */
export const MIN_DEFAULT_TOKENS_PER_MINUTE = 4000;
/**
 * Capacity assumed when no backend's deployments are known (imported accounts): the library's
 * default deployment, capacity 10 (10,000 tokens per minute).
 */
export const ASSUMED_TOKENS_PER_MINUTE = 10000;

/** The deployments of an account this app creates (`OpenAiAccount`, `AiAccount`); undefined for an imported one. */
export function deploymentsOf(account: unknown): ModelDeployment[] | undefined {
  if (account === null || typeof account !== 'object') return undefined;
  const list = (account as { readonly deployments?: unknown }).deployments;
  if (!Array.isArray(list) || !list.every((d) => d instanceof ModelDeployment)) return undefined;
  return list as ModelDeployment[];
}

/** Sums the tokens per minute of each deployment name over `accounts` (the backends). */
export function capacityBehind(accounts: readonly unknown[]): CapacitySummary {
  let complete = true;
  const byName = new Map<string, { tokensPerMinute?: number; backends: number }>();
  for (const account of accounts) {
    const deployments = deploymentsOf(account);
    if (deployments === undefined) {
      complete = false;
      continue;
    }
    for (const d of deployments) {
      // Batch deployments take jobs through the files and batches APIs, which the gateway does not expose.
      if (d.sku.family === DeploymentSkuFamily.BATCH) continue;
      if (isUnresolved(d.deploymentName)) {
        complete = false;
        continue;
      }
      const own = d.sku.family === DeploymentSkuFamily.STANDARD && !isUnresolved(d.capacity) ? d.capacity * 1000 : undefined;
      const seen = byName.get(d.deploymentName);
      const sum = seen === undefined ? own : seen.tokensPerMinute === undefined || own === undefined ? undefined : seen.tokensPerMinute + own;
      byName.set(d.deploymentName, { tokensPerMinute: sum, backends: (seen?.backends ?? 0) + 1 });
    }
  }
  const deployments = [...byName.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([deployment, c]) => ({ deployment, tokensPerMinute: c.tokensPerMinute, backends: c.backends }));
  return { complete, deployments };
}

/** Names of the deployments whose `deploymentLimits` entry sets its own tokens per minute. */
function overridden(limits: readonly unknown[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const l of Array.isArray(limits) ? limits : []) {
    const limit = l as LimitOverride | null;
    if (limit && typeof limit === 'object' && typeof limit.deployment === 'string' && limit.tokensPerMinutePerUser !== undefined) out.add(limit.deployment);
  }
  return out;
}

/** Deployments that get the gateway-wide per-user limit, with a known capacity, smallest first. */
function defaultLimited(summary: CapacitySummary, limits: readonly unknown[] | undefined): Array<Required<DeploymentCapacity>> {
  const own = overridden(limits);
  return summary.deployments
    .filter((d): d is Required<DeploymentCapacity> => d.tokensPerMinute !== undefined && !own.has(d.deployment))
    .sort((a, b) => a.tokensPerMinute - b.tokensPerMinute || (a.deployment < b.deployment ? -1 : 1));
}

/**
 * The default tokens per minute per user: a quarter of the smallest deployment that gets it, at
 * least {@link MIN_DEFAULT_TOKENS_PER_MINUTE}, never above that deployment's capacity.
 */
export function defaultTokensPerMinute(summary: CapacitySummary, limits: readonly unknown[] | undefined): number {
  const smallest = defaultLimited(summary, limits)[0]?.tokensPerMinute ?? ASSUMED_TOKENS_PER_MINUTE;
  return Math.min(smallest, Math.max(MIN_DEFAULT_TOKENS_PER_MINUTE, Math.floor(smallest / PER_USER_SHARE)));
}

/**
 * Throws when a per-user limit the user set is above the capacity behind the gateway for a
 * deployment it applies to. Checked only when every backend's deployments are known: an imported
 * account may hold more.
 *
 * @param prefix prop path of the gateway props as the user wrote them (`gateway.` from PrivateChat)
 */
export function checkLimitsAgainstCapacity(owner: Owner, prefix: string, summary: CapacitySummary,
  tokensPerMinutePerUser: number | undefined, limits: readonly unknown[] | undefined): void {
  if (!summary.complete) return;
  if (isLimit(tokensPerMinutePerUser)) {
    const over = defaultLimited(summary, limits).find((d) => tokensPerMinutePerUser > d.tokensPerMinute);
    if (over) {
      throw propError(owner, `${prefix}tokensPerMinutePerUser`, `must be at most ${over.tokensPerMinute}, ${capacityText(over)}: `
        + `above it one user can take the whole deployment; lower it, add capacity, or give '${over.deployment}' its own 'deploymentLimits' entry`,
      tokensPerMinutePerUser);
    }
  }
  for (const [i, l] of (Array.isArray(limits) ? limits : []).entries()) {
    const limit = l as LimitOverride | null;
    if (!limit || typeof limit !== 'object' || !isLimit(limit.tokensPerMinutePerUser)) continue;
    const capacity = summary.deployments.find((d) => d.deployment === limit.deployment);
    if (capacity?.tokensPerMinute === undefined || limit.tokensPerMinutePerUser <= capacity.tokensPerMinute) continue;
    throw propError(owner, `${prefix}deploymentLimits[${i}].tokensPerMinutePerUser`,
      `must be at most ${capacity.tokensPerMinute}, ${capacityText(capacity as Required<DeploymentCapacity>)}: above it one user can take the whole deployment; lower it or add capacity`,
      limit.tokensPerMinutePerUser);
  }
}

function isLimit(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && !isUnresolved(value);
}

function capacityText(d: Required<DeploymentCapacity>): string {
  const where = d.backends === 1 ? 'on its one backend' : `summed over its ${d.backends} backends`;
  return `the capacity of deployment '${d.deployment}' behind the gateway (${d.tokensPerMinute} tokens per minute ${where})`;
}

/** Whether two summaries describe the same capacity (deployments added after the gateway change it). */
export function sameCapacity(a: CapacitySummary, b: CapacitySummary): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
