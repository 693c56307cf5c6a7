import { Construct } from 'constructs';
import { ownerLabel } from './validate';

/** `Kind 'path': rest` — the form of every bad-input error the library throws (propError, ruleError). */
const LABELLED = /^([A-Za-z][A-Za-z0-9.]*) '([^']*)': ([\s\S]*)$/;
/** A quoted prop name, with an optional tail (`.minInstances`, `[1].account`). */
const QUOTED_NAME = /'([A-Za-z_][A-Za-z0-9_]*)((?:\.|\[)[^']*)?'/g;

/**
 * Runs `build`, which creates an inner construct from props the user wrote on `outer`, and
 * rewrites a bad-input error the inner construct throws into the user's words: the owner becomes
 * `outer` and each inner prop name that `props` maps (`workerCount` → `scale.instances`) becomes
 * the path the user wrote, also where it heads a longer path (`autoscale.minInstances`,
 * `backends[1].account`). An error about a prop the user did not write keeps the inner owner and
 * names, which stay accurate. Anything that is not such an error passes through unchanged.
 *
 * STYLE.md: "A construct that passes props on to another reports the prop path its user wrote."
 *
 * @param props inner prop name → the outer path the user wrote
 */
export function inUsersWords<T>(outer: Construct, props: PropMap, build: () => T): T {
  try {
    return build();
  } catch (e) {
    throw translated(outer, props, e);
  }
}

/**
 * How inner prop names become the paths the user wrote: a table (`workerCount` → `scale.instances`,
 * the tail kept), or a function of the name and its tail (`backends`, `[1].account`) that returns
 * the whole outer path, or undefined to leave it, for mappings a table cannot say (an index shift).
 */
export type PropMap = { readonly [inner: string]: string } | ((name: string, tail: string) => string | undefined);

/** The error `e` in the words of `outer`'s props, or `e` itself. */
export function translated(outer: Construct, props: PropMap, e: unknown): unknown {
  if (!(e instanceof Error)) return e;
  const m = LABELLED.exec(e.message);
  if (!m) return e;
  const [, , path, rest] = m;
  // Only errors of constructs inside `outer` are its inner constructs' (a static factory has no path).
  if (path !== outer.node.path && !path.startsWith(`${outer.node.path}/`)) return e;
  let mapped = false;
  const rename = (part: string, onlyBeforeAValue: boolean) => part.replace(QUOTED_NAME, (whole, name: string, tail: string | undefined,
    at: number) => {
    const outerPath = typeof props === 'function' ? props(name, tail ?? '')
      : Object.prototype.hasOwnProperty.call(props, name) ? `${props[name]}${tail ?? ''}` : undefined;
    // After ", got" a quoted word is the value the user gave, unless a value follows it ('workerCount' 1).
    if (outerPath === undefined || (onlyBeforeAValue && part[at + whole.length] !== ' ')) return whole;
    mapped = true;
    return `'${outerPath}'`;
  });
  const got = rest.lastIndexOf(', got ');
  const text = got < 0 ? rename(rest, false) : rename(rest.slice(0, got), false) + rename(rest.slice(got), true);
  if (!mapped) return e;
  const error = new Error(`${ownerLabel(outer)}: ${text}`);
  error.stack = `${error.message}\n(from ${m[1]} '${path}')\n${(e.stack ?? '').split('\n').slice(1).join('\n')}`;
  return error;
}
