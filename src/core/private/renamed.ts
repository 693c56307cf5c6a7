// Props renamed in a minor release keep their old name as a deprecated alias until the next
// breaking release (CHANGELOG.md, "Names"): either name works, with a warning under the old one,
// and giving both is an error, since the construct could not tell which the user meant.
import { Construct } from 'constructs';
import { ruleError, warn } from './validate';

/** The release in which deprecated aliases go. */
export const ALIASES_REMOVED_IN = '0.2.0';

/**
 * The value of a prop given under its current name or under its deprecated old name.
 *
 * @param props the user's props (read by name, so that this works on every props interface)
 * @param oldName the deprecated name, e.g. `openAi`
 * @param newName the current name, e.g. `aiAccount`
 * @throws when both names are given
 */
export function renamedProp<T>(owner: Construct, props: object, oldName: string, newName: string): T | undefined {
  const given = props as { readonly [key: string]: unknown };
  const current = given[newName];
  const old = given[oldName];
  if (old === undefined) return current as T | undefined;
  if (current !== undefined) {
    throw ruleError(owner, `'${oldName}' and '${newName}' are mutually exclusive: '${oldName}' is the deprecated name of '${newName}'; give one, got both`);
  }
  warn(owner, `deprecated-${oldName}`, `'${oldName}' is deprecated: use '${newName}', which takes the same value; '${oldName}' goes in ${ALIASES_REMOVED_IN}`);
  return old as T;
}
