import { distance } from 'fastest-levenshtein';

/**
 * The known name nearest to `input`, for a "did you mean" hint, or undefined when none is near
 * enough to help: case is ignored, and a candidate counts when at most a third of its letters
 * (at least one, at most three) differ; two swapped neighbours count as one. Ties go to the earlier candidate.
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  return nearest(input, candidates, 1)[0];
}

/** Up to `count` known names nearest to `input`, nearest first (see {@link closest}). */
export function nearest(input: string, candidates: readonly string[], count: number): string[] {
  if (typeof input !== 'string') return [];
  const wanted = input.trim().toLowerCase();
  const scored = candidates
    .filter((c) => typeof c === 'string')
    .map((c, i) => ({ c, i, d: distance(wanted, c.toLowerCase()) }))
    .map((x) => (isTransposition(wanted, x.c.toLowerCase()) ? { ...x, d: 1 } : x))
    .filter(({ c, d }) => d <= Math.min(3, Math.max(1, Math.floor(c.length / 3))));
  scored.sort((a, b) => a.d - b.d || a.i - b.i);
  return [...new Set(scored.map((s) => s.c))].slice(0, count);
}

/** Whether `a` is `b` with two neighbouring letters swapped (`chta` for `chat`): one slip of the fingers. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff = [...a].map((ch, i) => (ch === b[i] ? -1 : i)).filter((i) => i >= 0);
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}
