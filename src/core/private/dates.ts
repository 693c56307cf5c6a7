import { Construct } from 'constructs';
import { isUnresolved, Owner, propError, warn } from './validate';

// Dates at synth: today by one rule (never the wall clock) and RFC3339 timestamps.

/**
 * Context key holding today's date (`2026-11-22`, or an RFC3339 timestamp whose UTC day counts)
 * for every synth-time check that depends on the date: model retirement and lifecycle warnings,
 * and the "expiry already in the past" warning of secrets and client secrets. Synthesis never
 * reads the wall clock, so that the same code gives the same output (and the same warnings) on
 * every run. Without the key, today is {@link RESEARCH_DATE}.
 */
export const TODAY_CONTEXT_KEY = 'cdktf-private-chat:today';

/**
 * The date the library's dated facts were researched: the model catalogue's research date
 * (`CATALOGUE_RESEARCHED_ON` in src/ai/private/catalogue-data.ts, which test/core/dates.test.ts
 * holds equal to this). "Today" for every date check when {@link TODAY_CONTEXT_KEY} is absent.
 */
export const RESEARCH_DATE = '2026-11-22';

/** Today for the date checks, and where it came from. */
export interface SynthToday {
  /** `YYYY-MM-DD` (UTC). */
  readonly day: string;
  /** Epoch milliseconds of the start of that day (UTC). */
  readonly ms: number;
  /** Whether it comes from the context key (else it is {@link RESEARCH_DATE}). */
  readonly fromContext: boolean;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Throws unless `value` is an RFC3339 timestamp; returns its epoch milliseconds (undefined for tokens). */
export function checkRfc3339(scope: Owner, prop: string, value: string | undefined): number | undefined {
  if (value === undefined || isUnresolved(value)) return undefined;
  if (typeof value !== 'string') throw propError(scope, prop, 'must be an RFC3339 timestamp string such as \'2026-12-31T00:00:00Z\'', value);
  const m = RFC3339.exec(value);
  const ms = m ? Date.parse(value) : NaN;
  // Date.parse rolls 2025-02-30 over to March; compare the fields to reject it.
  const exact = m && !Number.isNaN(ms) && Number(m[2]) >= 1 && Number(m[2]) <= 12
    && Number(m[3]) <= daysIn(Number(m[1]), Number(m[2])) && Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60;
  if (!exact) throw propError(scope, prop, 'must be an RFC3339 timestamp such as \'2026-12-31T00:00:00Z\'', value);
  return ms;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Today, from the context key {@link TODAY_CONTEXT_KEY} (never the wall clock: synthesis must give
 * the same output on every run). Undefined when the key is absent; throws when it is not a date.
 *
 * @returns epoch milliseconds of the start of that day (UTC), or of the timestamp given
 */
export function todayFromContext(scope: Construct): number | undefined {
  const value: unknown = scope.node.tryGetContext(TODAY_CONTEXT_KEY);
  if (value === undefined || value === null || isUnresolved(value)) return undefined;
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (m) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    const d = new Date(ms);
    if (d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])) return ms;
  } else if (typeof value === 'string' && RFC3339.test(value)) {
    return checkRfc3339(scope, TODAY_CONTEXT_KEY, value);
  }
  throw propError(scope, TODAY_CONTEXT_KEY, "must be today's date as an ISO date such as '2026-11-22' (a context key: set it in cdktf.json or by the pipeline)", value);
}

/**
 * Today, by the one rule every date check follows: the context key {@link TODAY_CONTEXT_KEY} when
 * set (its UTC day), else {@link RESEARCH_DATE}. Never the wall clock. Throws on a bad key value.
 */
export function synthToday(scope: Construct): SynthToday {
  const ms = todayFromContext(scope);
  const day = ms === undefined ? RESEARCH_DATE : new Date(ms).toISOString().slice(0, 10);
  return { day, ms: Date.parse(`${day}T00:00:00Z`), fromContext: ms !== undefined };
}

/** Which date a date check used, for its message (every date warning says it). */
export function todayText(today: SynthToday): string {
  return today.fromContext
    ? `today is ${today.day}, from context '${TODAY_CONTEXT_KEY}'`
    : `today is taken as ${today.day}, the date the model catalogue was researched; set context '${TODAY_CONTEXT_KEY}' to check another date`;
}

/**
 * Warns `expiry-in-past` when `expires` (epoch ms of `value`) is before today ({@link synthToday}).
 * A secret or client secret that has already expired deploys but cannot be used.
 */
export function warnIfPast(scope: Construct, prop: string, value: string | undefined, expires: number | undefined): void {
  if (value === undefined || expires === undefined) return;
  const today = synthToday(scope);
  if (expires >= today.ms) return;
  const source = today.fromContext ? `context '${TODAY_CONTEXT_KEY}'`
    : `taken as today: the date the model catalogue was researched; set context '${TODAY_CONTEXT_KEY}' to check another date`;
  warn(scope, 'expiry-in-past', `'${prop}' is '${value}', already past on ${today.day} (${source}): `
    + 'the value is unusable from the moment it is stored');
}
