// The backends' circuit breaker: only across two or more backends, tripping on sustained failure.
//
// Sources (Microsoft Learn, "Backends in API Management", circuit breaker section):
// - a tripped breaker makes API Management stop calling the backend and answer 503 to the client
//   until the trip duration ends;
// - Azure OpenAI answers 429 with a Retry-After that can be long (up to a day), and Microsoft
//   recommends a rule on 429 that accepts the Retry-After duration;
// - Microsoft's example trips on three or more 5xx answers within the interval;
// - one rule per backend; rules are approximate (gateway instances do not share counts).
// https://learn.microsoft.com/azure/api-management/backends#circuit-breaker
import { checkIntRange, is, isUnresolved, Owner, propError, Shape } from '../../core/private/validate';

/** The `circuitBreaker` prop, as this module reads it (structurally the public `AiGatewayCircuitBreaker`). */
export interface BreakerOptions {
  readonly failureCount?: number;
  readonly interval?: string;
  readonly tripDuration?: string;
  readonly acceptRetryAfter?: boolean;
}

/** The rule written to `circuit_breaker_rule` of every backend. */
export interface BreakerRule {
  readonly failureCount: number;
  readonly interval: string;
  readonly tripDuration: string;
  readonly acceptRetryAfter: boolean;
}

/** Rule name on every backend (one rule per backend is all API Management takes). */
export const BREAKER_RULE_NAME = 'trip-on-throttling-and-errors';
/** Answers that count as failures: throttling (429) and server errors (5xx). */
export const BREAKER_STATUS_CODES: ReadonlyArray<{ readonly min: number; readonly max: number }> = [{ min: 429, max: 429 }, { min: 500, max: 599 }];

/**
 * Defaults: three failures (Microsoft's example count) within a minute (the window Azure OpenAI's
 * tokens-per-minute quota renews in) trip a backend for a minute, or for as long as its Retry-After says.
 */
export const DEFAULT_BREAKER: BreakerRule = { failureCount: 3, interval: 'PT1M', tripDuration: 'PT1M', acceptRetryAfter: true };
/** Fewest failures that may trip: one failure is a single throttled request, not a sustained failure. */
export const MIN_FAILURES = 2;
/** azurerm 4.55's bound on `failure_condition.count`. */
export const MAX_FAILURES = 10000;

export const BREAKER_SHAPE: Shape = {
  failureCount: is.integer(),
  interval: is.string(),
  tripDuration: is.string(),
  acceptRetryAfter: is.boolean(),
};

/** ISO 8601 durations as API Management takes them: `PT30S`, `PT1M`, `PT1H`, `P1D`, `P1DT12H`. */
const DURATION = /^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

/**
 * The breaker rule for `backendCount` backends, or undefined for one backend.
 *
 * With one backend a breaker only turns the backend's own throttling into 503s for every caller
 * (there is nothing to fail over to), so a breaker the user sets there is an error.
 *
 * @param prefix prop path of the gateway props as the user wrote them (`gateway.` from PrivateChat)
 */
export function breakerRuleFor(owner: Owner, prefix: string, options: BreakerOptions | undefined, backendCount: number): BreakerRule | undefined {
  const prop = `${prefix}circuitBreaker`;
  if (options !== undefined && options !== null && typeof options === 'object') {
    checkIntRange(owner, `${prop}.failureCount`, options.failureCount, MIN_FAILURES, MAX_FAILURES);
    checkDuration(owner, `${prop}.interval`, options.interval);
    checkDuration(owner, `${prop}.tripDuration`, options.tripDuration);
  }
  if (backendCount < 2) {
    if (options !== undefined) {
      throw propError(owner, prop, 'must be left out with a single backend: a tripped breaker makes API Management answer 503 to every caller '
        + 'until it resets, and one backend leaves nothing to fail over to; add a backend or remove the breaker', options);
    }
    return undefined;
  }
  return {
    failureCount: options?.failureCount ?? DEFAULT_BREAKER.failureCount,
    interval: options?.interval ?? DEFAULT_BREAKER.interval,
    tripDuration: options?.tripDuration ?? DEFAULT_BREAKER.tripDuration,
    acceptRetryAfter: options?.acceptRetryAfter ?? DEFAULT_BREAKER.acceptRetryAfter,
  };
}

function checkDuration(owner: Owner, prop: string, value: string | undefined): void {
  if (value === undefined || isUnresolved(value)) return;
  if (typeof value !== 'string' || !DURATION.test(value)) {
    throw propError(owner, prop, "must be an ISO 8601 duration such as 'PT30S', 'PT1M' or 'PT1H'", value);
  }
  if (!/[1-9]/.test(value)) throw propError(owner, prop, 'must be longer than zero', value);
}
