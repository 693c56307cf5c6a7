// Releases (issue 24): the version comes from the hand-kept CHANGELOG.md, and every release keeps
// a snapshot of the examples' address lists, so that a test can hold an address change against
// the release notes and the version step without a network or git tags.
//
// projen's release tasks call this file (see .projenrc.ts and docs/operations.md section 7):
//   next-version     `bump:next-version`: prints the version to release (x.y.z)
//   changelog-entry  in `bump`: writes dist/changelog.md, the entry of the version being released
//   stamp            in `publish:git`: renames "## Unreleased" to the released version and writes
//                    docs/addresses/releases/<version>.json
// Run through `node -r ts-node/register/transpile-only scripts/release.ts <command>`: bump runs
// before the build, so no compiled scripts/*.js exists yet.
//
// test/release/changelog.test.ts holds the repository to the rules below.
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import type { ExampleAddresses } from './addresses';

/** Example name → its address list (the content of docs/addresses/<example>.json). */
export interface AddressLists {
  [example: string]: ExampleAddresses;
}

/** One released version's section of CHANGELOG.md. */
export interface ReleaseSection {
  readonly version: string;
  readonly date: string;
  readonly body: string;
}

/** CHANGELOG.md, split at its `## ` headings. */
export interface ParsedChangelog {
  /** The text under `## Unreleased`, up to the next `## ` heading (trimmed). */
  readonly unreleased: string;
  /** Released versions, newest first, as they appear. */
  readonly releases: ReleaseSection[];
}

/** One address that differs between two sets of lists. */
export interface ListedChange {
  readonly example: string;
  readonly stack: string;
  readonly address: string;
  readonly change: 'added' | 'removed' | 'moved';
}

export const UNRELEASED_HEADING = '## Unreleased';
const RELEASE_HEADING = /^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})\s*$/;
const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;
/** The first version released (0.x: the API is still settling; see docs/address-stability.md). */
export const FIRST_VERSION = '0.1.0';

/** Splits CHANGELOG.md into its Unreleased section and its released versions. */
export function parseChangelog(text: string): ParsedChangelog {
  const lines = text.split('\n');
  let unreleased: string[] | undefined;
  const releases: { version: string; date: string; lines: string[] }[] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    if (line.startsWith('## ')) {
      const m = RELEASE_HEADING.exec(line);
      if (line.trim() === UNRELEASED_HEADING) {
        if (unreleased) throw new Error(`CHANGELOG.md has two '${UNRELEASED_HEADING}' sections`);
        unreleased = [];
        current = unreleased;
      } else if (m) {
        const entry = { version: m[1], date: m[2], lines: [] as string[] };
        if (releases.some((r) => r.version === entry.version)) throw new Error(`CHANGELOG.md has two sections for ${entry.version}`);
        releases.push(entry);
        current = entry.lines;
      } else {
        throw new Error(`CHANGELOG.md: a '## ' heading must be '${UNRELEASED_HEADING}' or '## [x.y.z] - YYYY-MM-DD', got '${line}'`);
      }
      continue;
    }
    current?.push(line);
  }
  if (!unreleased) throw new Error(`CHANGELOG.md has no '${UNRELEASED_HEADING}' section`);
  return {
    unreleased: unreleased.join('\n').trim(),
    releases: releases.map((r) => ({ version: r.version, date: r.date, body: r.lines.join('\n').trim() })),
  };
}

function parts(version: string): [number, number, number] {
  const m = SEMVER.exec(version);
  if (!m) throw new Error(`not a release version (x.y.z): '${version}'`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Semantic-version order of two x.y.z versions. */
export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/**
 * Whether going from one version to another is allowed to break users: a new major version, or,
 * while the major version is 0, a new minor version (semver: in 0.x the minor digit is the
 * breaking one).
 */
export function isBreakingStep(from: string, to: string): boolean {
  const [f, t] = [parts(from), parts(to)];
  if (t[0] !== f[0]) return true;
  return t[0] === 0 && t[1] !== f[1];
}

/** The version after `from` for a bump kind. */
export function bump(from: string, kind: 'major' | 'minor' | 'patch'): string {
  const [ma, mi, pa] = parts(from);
  if (kind === 'major') return `${ma + 1}.0.0`;
  if (kind === 'minor') return `${ma}.${mi + 1}.0`;
  return `${ma}.${mi}.${pa + 1}`;
}

/** The newest released version in the changelog, or undefined before the first release. */
export function lastReleased(changelog: ParsedChangelog): string | undefined {
  return changelog.releases.map((r) => r.version).sort(compareVersions).pop();
}

/** Every address that was added, removed or moved to another construct path. */
export function changedAddresses(before: AddressLists, after: AddressLists): ListedChange[] {
  const out: ListedChange[] = [];
  for (const example of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const b = before[example] ?? {};
    const a = after[example] ?? {};
    for (const stack of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()) {
      const bs = b[stack] ?? {};
      const as = a[stack] ?? {};
      for (const address of Object.keys(bs).sort()) {
        if (!(address in as)) out.push({ example, stack, address, change: 'removed' });
        else if (as[address] !== bs[address]) out.push({ example, stack, address, change: 'moved' });
      }
      for (const address of Object.keys(as).sort()) {
        if (!(address in bs)) out.push({ example, stack, address, change: 'added' });
      }
    }
  }
  return out;
}

/**
 * The address patterns a changelog section names: every code span that starts with a resource
 * type and a dot (`azurerm_subnet.chat_Network_…`, `data.azurerm_client_config.…`). Inside a span,
 * `…`, `*` and any `<placeholder>` (`<hash>`, `<chat>`) stand for any run of characters.
 */
export function addressPatterns(section: string): RegExp[] {
  const spans = [...section.matchAll(/`([^`\n]+)`/g)].map((m) => m[1].trim());
  return spans
    .filter((s) => /^(data\.)?[a-z][a-z0-9]*_[a-z0-9_]+\./.test(s))
    .map((s) => {
      const source = s
        .split(/(<[^>]*>|…|\*)/)
        .map((piece, i) => (i % 2 === 1 ? '.*' : piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
      return new RegExp(`^${source}$`);
    });
}

/** The changes that no pattern of the section names. */
export function unnamedChanges(changes: ListedChange[], section: string): ListedChange[] {
  const patterns = addressPatterns(section);
  return changes.filter((c) => !patterns.some((p) => p.test(c.address)));
}

function describe(changes: ListedChange[]): string {
  return changes.map((c) => `  ${c.change} ${c.example}/${c.stack}: ${c.address}`).join('\n');
}

/**
 * What is wrong with the repository's release history and its pending changes:
 * - every released version in the changelog has an address snapshot, and every snapshot a version;
 * - between two consecutive releases, the addresses change only in a breaking step (a new major
 *   version, or a new minor version in 0.x) or where that version's section names each change;
 * - the current lists differ from the last release's only where the Unreleased section names each
 *   change, or while the version being released (package.json during `projen release`) is a
 *   breaking step from the last release.
 */
export function checkAddressHistory(input: {
  readonly changelog: ParsedChangelog;
  readonly snapshots: { readonly [version: string]: AddressLists };
  readonly current: AddressLists;
  /** The package.json version: 0.0.0 outside a release, the bumped version inside one. */
  readonly packageVersion: string;
}): string[] {
  const problems: string[] = [];
  const released = input.changelog.releases.map((r) => r.version).sort(compareVersions);
  const snapshotted = Object.keys(input.snapshots).sort(compareVersions);
  for (const v of released.filter((r) => !snapshotted.includes(r))) {
    problems.push(`CHANGELOG.md has release ${v}, but docs/addresses/releases/${v}.json is missing`);
  }
  for (const v of snapshotted.filter((s) => !released.includes(s))) {
    problems.push(`docs/addresses/releases/${v}.json has no '## [${v}] - <date>' section in CHANGELOG.md`);
  }
  const both = released.filter((v) => snapshotted.includes(v));
  for (let i = 1; i < both.length; i++) {
    const [from, to] = [both[i - 1], both[i]];
    if (isBreakingStep(from, to)) continue;
    const section = input.changelog.releases.find((r) => r.version === to)!.body;
    const unnamed = unnamedChanges(changedAddresses(input.snapshots[from], input.snapshots[to]), section);
    if (unnamed.length > 0) {
      problems.push(`release ${to} changes resource addresses of ${from} without a breaking version step `
        + `(a new major, or a new minor in 0.x), and its CHANGELOG.md section does not name them:\n${describe(unnamed)}`);
    }
  }
  const last = both[both.length - 1];
  if (last !== undefined) {
    const bumped = input.packageVersion !== '0.0.0' && compareVersions(input.packageVersion, last) > 0;
    if (!(bumped && isBreakingStep(last, input.packageVersion))) {
      const unnamed = unnamedChanges(changedAddresses(input.snapshots[last], input.current), input.changelog.unreleased);
      if (unnamed.length > 0) {
        problems.push(`docs/addresses/*.json differ from release ${last} (docs/addresses/releases/${last}.json), and `
          + `CHANGELOG.md's '${UNRELEASED_HEADING}' section does not name these addresses (in a code span, `
          + `\`<type>.<name>\`, with \`…\` or \`<hash>\` for any characters):\n${describe(unnamed)}`);
      }
    }
  }
  return problems;
}

/**
 * The version the next release gets: `RELEASE_AS` (x.y.z, or major|minor|patch) when given; the
 * first release is 0.1.0; otherwise the breaking digit (0.x: minor; from 1.0: major) when the
 * address lists differ from the last release's, and the next one down when they do not.
 */
export function nextVersion(input: {
  readonly changelog: ParsedChangelog;
  readonly lastSnapshot: AddressLists | undefined;
  readonly current: AddressLists;
  readonly releaseAs?: string;
}): string {
  const last = lastReleased(input.changelog);
  if (input.changelog.unreleased === '') {
    throw new Error(`CHANGELOG.md: the '${UNRELEASED_HEADING}' section is empty; there is nothing to release`);
  }
  const as = input.releaseAs?.trim();
  if (as) {
    if (as === 'major' || as === 'minor' || as === 'patch') return bump(last ?? '0.0.0', as);
    parts(as);
    if (last && compareVersions(as, last) <= 0) throw new Error(`RELEASE_AS=${as} is not after the last release ${last}`);
    return as;
  }
  if (!last) return FIRST_VERSION;
  const changed = input.lastSnapshot === undefined || changedAddresses(input.lastSnapshot, input.current).length > 0;
  const major = parts(last)[0];
  if (changed) return bump(last, major === 0 ? 'minor' : 'major');
  return bump(last, major === 0 ? 'patch' : 'minor');
}

/**
 * CHANGELOG.md with the Unreleased section released as `version` on `date`: the heading becomes
 * `## [version] - date`, and an empty Unreleased section is put above it.
 */
export function stampChangelog(text: string, version: string, date: string): string {
  const parsed = parseChangelog(text);
  parts(version);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`not a date (YYYY-MM-DD): '${date}'`);
  if (parsed.unreleased === '') throw new Error(`CHANGELOG.md: the '${UNRELEASED_HEADING}' section is empty; there is nothing to release`);
  if (parsed.releases.some((r) => r.version === version)) throw new Error(`CHANGELOG.md already has a section for ${version}`);
  const last = lastReleased(parsed);
  if (last && compareVersions(version, last) <= 0) throw new Error(`${version} is not after the last release ${last}`);
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.trim() === UNRELEASED_HEADING);
  lines.splice(at, 1, UNRELEASED_HEADING, '', `## [${version}] - ${date}`);
  return lines.join('\n');
}

/** The changelog entry of the version being released (dist/changelog.md). */
export function changelogEntry(text: string, version: string, date: string): string {
  const body = parseChangelog(text).unreleased;
  return `## [${version}] - ${date}\n\n${body}\n`;
}

/** Reads docs/addresses/<example>.json into one object. */
export function readAddressLists(dir: string): AddressLists {
  const out: AddressLists = {};
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    out[f.slice(0, -'.json'.length)] = JSON.parse(readFileSync(join(dir, f), 'utf8')) as ExampleAddresses;
  }
  return out;
}

/** Reads every docs/addresses/releases/<version>.json. */
export function readSnapshots(dir: string): { [version: string]: AddressLists } {
  const out: { [version: string]: AddressLists } = {};
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    out[f.slice(0, -'.json'.length)] = JSON.parse(readFileSync(join(dir, f), 'utf8')) as AddressLists;
  }
  return out;
}

/** The date of the commit being released (deterministic for a commit, unlike the wall clock). */
function headDate(root: string): string {
  return execFileSync('git', ['log', '-1', '--format=%cs', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
}

function main(argv: string[]): void {
  const root = resolve(__dirname, '..');
  const changelogFile = join(root, 'CHANGELOG.md');
  const listsDir = join(root, 'docs', 'addresses');
  const snapshotsDir = join(listsDir, 'releases');
  const text = readFileSync(changelogFile, 'utf8');
  const changelog = parseChangelog(text);
  const command = argv[0];
  if (command === 'next-version') {
    const last = lastReleased(changelog);
    const snapshots = readSnapshots(snapshotsDir);
    process.stdout.write(nextVersion({
      changelog,
      lastSnapshot: last ? snapshots[last] : undefined,
      current: readAddressLists(listsDir),
      releaseAs: process.env.RELEASE_AS,
    }));
    return;
  }
  const version = readFileSync(join(root, 'dist', 'version.txt'), 'utf8').trim();
  if (command === 'changelog-entry') {
    writeFileSync(join(root, 'dist', 'changelog.md'), changelogEntry(text, version, headDate(root)));
    return;
  }
  if (command === 'stamp') {
    writeFileSync(changelogFile, stampChangelog(text, version, headDate(root)));
    mkdirSync(snapshotsDir, { recursive: true });
    writeFileSync(join(snapshotsDir, `${version}.json`), `${JSON.stringify(readAddressLists(listsDir), null, 2)}\n`);
    return;
  }
  throw new Error(`usage: scripts/release.ts next-version | changelog-entry | stamp (got '${command ?? ''}')`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`release: ${(e as Error).message}\n`);
    process.exit(1);
  }
}
