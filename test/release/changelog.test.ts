// Releases (issue 24): an address change comes with a breaking version step (a new major, or a new
// minor in 0.x) or with CHANGELOG.md naming the changed addresses; the version comes from the
// changelog (scripts/release.ts, docs/address-stability.md).
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import {
  AddressLists, addressPatterns, changedAddresses, changelogEntry, checkAddressHistory, isBreakingStep, nextVersion,
  parseChangelog, readAddressLists, readSnapshots, stampChangelog,
} from '../../scripts/release';

const root = resolve(__dirname, '..', '..');

describe('the repository', () => {
  test('CHANGELOG.md, docs/addresses/ and docs/addresses/releases/ agree', () => {
    const changelog = parseChangelog(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'));
    const packageVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    const problems = checkAddressHistory({
      changelog,
      snapshots: readSnapshots(join(root, 'docs', 'addresses', 'releases')),
      current: readAddressLists(join(root, 'docs', 'addresses')),
      packageVersion,
    });
    expect(problems).toEqual([]);
  });
});

const HEAD = '# Changelog\n\nIntro.\n\n';
const VAULT = 'azurerm_key_vault.chat_Vault_C883CF6C';
const SUBNET = 'azurerm_subnet.chat_Network_PrivateEndpoints_1A2B3C4D';
const SUBNET2 = 'azurerm_subnet.chat_Network_Endpoints_5E6F7A8B';

/** One example, one stack, these addresses. */
function lists(...addresses: string[]): AddressLists {
  return { 'private-chat': { chat: Object.fromEntries(addresses.map((a) => [a, `chat/${a}`])) } };
}

function check(text: string, snapshots: { [v: string]: AddressLists }, current: AddressLists, packageVersion = '0.0.0'): string[] {
  return checkAddressHistory({ changelog: parseChangelog(text), snapshots, current, packageVersion });
}

describe('checkAddressHistory', () => {
  const released = `${HEAD}## Unreleased\n\n## [0.1.0] - 2026-12-01\n\nFirst.\n`;

  test('passes when nothing changed since the last release', () => {
    expect(check(released, { '0.1.0': lists(VAULT, SUBNET) }, lists(VAULT, SUBNET))).toEqual([]);
  });

  test('fails when an address changed and the Unreleased section does not name it', () => {
    const problems = check(released, { '0.1.0': lists(VAULT, SUBNET) }, lists(VAULT, SUBNET2));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("docs/addresses/*.json differ from release 0.1.0 (docs/addresses/releases/0.1.0.json), and CHANGELOG.md's '## Unreleased' section does not name these addresses");
    expect(problems[0]).toContain(`removed private-chat/chat: ${SUBNET}`);
    expect(problems[0]).toContain(`added private-chat/chat: ${SUBNET2}`);
  });

  test('fails when only one of two changed addresses is named', () => {
    const text = `${HEAD}## Unreleased\n\n- Address changes: \`${SUBNET}\` is removed.\n\n## [0.1.0] - 2026-12-01\n\nFirst.\n`;
    const problems = check(text, { '0.1.0': lists(VAULT, SUBNET) }, lists(VAULT, SUBNET2));
    expect(problems).toHaveLength(1);
    expect(problems[0]).not.toContain(`removed private-chat/chat: ${SUBNET}`);
    expect(problems[0]).toContain(`added private-chat/chat: ${SUBNET2}`);
  });

  test('passes when the Unreleased section names every changed address, with placeholders', () => {
    const text = `${HEAD}## Unreleased\n\n- Address changes: \`${SUBNET}\` becomes \`azurerm_subnet.<chat>_Network_Endpoints_<hash>\`.\n\n`
      + '## [0.1.0] - 2026-12-01\n\nFirst.\n';
    expect(check(text, { '0.1.0': lists(VAULT, SUBNET) }, lists(VAULT, SUBNET2))).toEqual([]);
  });

  test('fails when a construct path changed under the same address and nothing names it', () => {
    const moved: AddressLists = { 'private-chat': { chat: { [VAULT]: 'chat/elsewhere/Vault' } } };
    expect(check(released, { '0.1.0': lists(VAULT) }, moved)[0]).toContain(`moved private-chat/chat: ${VAULT}`);
  });

  test('passes while the version being released is a breaking step (0.x: a new minor)', () => {
    expect(check(released, { '0.1.0': lists(VAULT, SUBNET) }, lists(VAULT, SUBNET2), '0.2.0')).toEqual([]);
  });

  test('fails while the version being released is a patch of the last release', () => {
    expect(check(released, { '0.1.0': lists(VAULT, SUBNET) }, lists(VAULT, SUBNET2), '0.1.1')).toHaveLength(1);
  });

  test('fails when a patch release changed addresses its section does not name', () => {
    const text = `${HEAD}## Unreleased\n\n## [0.1.1] - 2026-12-02\n\nA fix.\n\n## [0.1.0] - 2026-12-01\n\nFirst.\n`;
    const problems = check(text, { '0.1.0': lists(VAULT, SUBNET), '0.1.1': lists(VAULT, SUBNET2) }, lists(VAULT, SUBNET2));
    expect(problems).toEqual([
      'release 0.1.1 changes resource addresses of 0.1.0 without a breaking version step (a new major, or a new minor in 0.x), '
      + `and its CHANGELOG.md section does not name them:\n  removed private-chat/chat: ${SUBNET}\n  added private-chat/chat: ${SUBNET2}`,
    ]);
  });

  test('passes when a 0.minor release changed addresses without naming them', () => {
    const text = `${HEAD}## Unreleased\n\n## [0.2.0] - 2026-12-02\n\nRenames.\n\n## [0.1.0] - 2026-12-01\n\nFirst.\n`;
    expect(check(text, { '0.1.0': lists(VAULT, SUBNET), '0.2.0': lists(VAULT, SUBNET2) }, lists(VAULT, SUBNET2))).toEqual([]);
  });

  test('fails when a 1.x minor release changed addresses without naming them', () => {
    const text = `${HEAD}## Unreleased\n\n## [1.1.0] - 2026-12-02\n\nMore.\n\n## [1.0.0] - 2026-12-01\n\nFirst.\n`;
    expect(check(text, { '1.0.0': lists(VAULT, SUBNET), '1.1.0': lists(VAULT, SUBNET2) }, lists(VAULT, SUBNET2))).toHaveLength(1);
  });

  test('fails when a released version has no address snapshot, and a snapshot no version', () => {
    expect(check(released, {}, lists(VAULT))).toEqual(['CHANGELOG.md has release 0.1.0, but docs/addresses/releases/0.1.0.json is missing']);
    expect(check(`${HEAD}## Unreleased\n`, { '0.1.0': lists(VAULT) }, lists(VAULT)))
      .toEqual(["docs/addresses/releases/0.1.0.json has no '## [0.1.0] - <date>' section in CHANGELOG.md"]);
  });

  test('passes before the first release, whatever the lists', () => {
    expect(check(`${HEAD}## Unreleased\n\n- Something.\n`, {}, lists(VAULT))).toEqual([]);
  });
});

describe('parseChangelog', () => {
  test('splits the Unreleased section from the released versions', () => {
    const parsed = parseChangelog(`${HEAD}## Unreleased\n\n- Pending.\n\n## [0.2.0] - 2026-12-02\n\nTwo.\n\n## [0.1.0] - 2026-12-01\n\nOne.\n`);
    expect(parsed.unreleased).toBe('- Pending.');
    expect(parsed.releases).toEqual([
      { version: '0.2.0', date: '2026-12-02', body: 'Two.' },
      { version: '0.1.0', date: '2026-12-01', body: 'One.' },
    ]);
  });

  test('fails when there is no Unreleased section', () => {
    expect(() => parseChangelog(`${HEAD}## [0.1.0] - 2026-12-01\n`)).toThrow("CHANGELOG.md has no '## Unreleased' section");
  });

  test('fails on a second-level heading that is neither Unreleased nor a release', () => {
    expect(() => parseChangelog(`${HEAD}## Unreleased\n\n## Next\n`))
      .toThrow("CHANGELOG.md: a '## ' heading must be '## Unreleased' or '## [x.y.z] - YYYY-MM-DD', got '## Next'");
  });

  test('fails on two sections for one version', () => {
    expect(() => parseChangelog(`${HEAD}## Unreleased\n\n## [0.1.0] - 2026-12-01\n\n## [0.1.0] - 2026-12-02\n`))
      .toThrow('CHANGELOG.md has two sections for 0.1.0');
  });
});

describe('stampChangelog and changelogEntry', () => {
  const text = `${HEAD}## Unreleased\n\n### Fixes\n- A fix.\n\n## [0.1.0] - 2026-12-01\n\nOne.\n`;

  test('releases the Unreleased section under the version and date, and opens a new empty one', () => {
    const stamped = stampChangelog(text, '0.1.1', '2026-12-07');
    expect(stamped).toBe(`${HEAD}## Unreleased\n\n## [0.1.1] - 2026-12-07\n\n### Fixes\n- A fix.\n\n## [0.1.0] - 2026-12-01\n\nOne.\n`);
    const parsed = parseChangelog(stamped);
    expect(parsed.unreleased).toBe('');
    expect(parsed.releases[0]).toEqual({ version: '0.1.1', date: '2026-12-07', body: '### Fixes\n- A fix.' });
  });

  test('the release artifact holds the entry alone', () => {
    expect(changelogEntry(text, '0.1.1', '2026-12-07')).toBe('## [0.1.1] - 2026-12-07\n\n### Fixes\n- A fix.\n');
  });

  test('fails when there is nothing to release', () => {
    expect(() => stampChangelog(`${HEAD}## Unreleased\n\n## [0.1.0] - 2026-12-01\n`, '0.1.1', '2026-12-07'))
      .toThrow("CHANGELOG.md: the '## Unreleased' section is empty; there is nothing to release");
  });

  test('fails when the version is not after the last release', () => {
    expect(() => stampChangelog(text, '0.0.9', '2026-12-07')).toThrow('0.0.9 is not after the last release 0.1.0');
    expect(() => stampChangelog(text, '0.1.0', '2026-12-07')).toThrow('CHANGELOG.md already has a section for 0.1.0');
  });

  test('fails on a version or date that is not one', () => {
    expect(() => stampChangelog(text, '0.2', '2026-12-07')).toThrow("not a release version (x.y.z): '0.2'");
    expect(() => stampChangelog(text, '0.2.0', 'today')).toThrow("not a date (YYYY-MM-DD): 'today'");
  });
});

describe('nextVersion', () => {
  const pending = (releases: string) => parseChangelog(`${HEAD}## Unreleased\n\n- Pending.\n\n${releases}`);

  test('the first release is 0.1.0', () => {
    expect(nextVersion({ changelog: pending(''), lastSnapshot: undefined, current: lists(VAULT) })).toBe('0.1.0');
  });

  test('0.x: a patch when no address changed, a new minor when one did', () => {
    const changelog = pending('## [0.1.0] - 2026-12-01\n\nOne.\n');
    expect(nextVersion({ changelog, lastSnapshot: lists(VAULT), current: lists(VAULT) })).toBe('0.1.1');
    expect(nextVersion({ changelog, lastSnapshot: lists(VAULT), current: lists(VAULT, SUBNET) })).toBe('0.2.0');
  });

  test('1.x: a new minor when no address changed, a new major when one did', () => {
    const changelog = pending('## [1.2.3] - 2026-12-01\n\nOne.\n');
    expect(nextVersion({ changelog, lastSnapshot: lists(VAULT), current: lists(VAULT) })).toBe('1.3.0');
    expect(nextVersion({ changelog, lastSnapshot: lists(VAULT), current: lists(SUBNET) })).toBe('2.0.0');
  });

  test('RELEASE_AS overrides: a bump kind or an exact version', () => {
    const changelog = pending('## [0.1.0] - 2026-12-01\n\nOne.\n');
    expect(nextVersion({ changelog, lastSnapshot: lists(VAULT), current: lists(VAULT), releaseAs: 'major' })).toBe('1.0.0');
    expect(nextVersion({ changelog, lastSnapshot: lists(VAULT), current: lists(VAULT), releaseAs: '0.5.0' })).toBe('0.5.0');
  });

  test('fails when RELEASE_AS is not after the last release, or not a version', () => {
    const changelog = pending('## [0.1.0] - 2026-12-01\n\nOne.\n');
    expect(() => nextVersion({ changelog, lastSnapshot: lists(VAULT), current: lists(VAULT), releaseAs: '0.1.0' }))
      .toThrow('RELEASE_AS=0.1.0 is not after the last release 0.1.0');
    expect(() => nextVersion({ changelog, lastSnapshot: lists(VAULT), current: lists(VAULT), releaseAs: 'next' }))
      .toThrow("not a release version (x.y.z): 'next'");
  });

  test('fails when the Unreleased section is empty', () => {
    expect(() => nextVersion({ changelog: parseChangelog(`${HEAD}## Unreleased\n`), lastSnapshot: undefined, current: lists(VAULT) }))
      .toThrow("CHANGELOG.md: the '## Unreleased' section is empty; there is nothing to release");
  });
});

describe('helpers', () => {
  test('isBreakingStep: 0.x breaks on the minor digit, 1.x on the major', () => {
    expect(isBreakingStep('0.1.0', '0.1.5')).toBe(false);
    expect(isBreakingStep('0.1.5', '0.2.0')).toBe(true);
    expect(isBreakingStep('0.9.0', '1.0.0')).toBe(true);
    expect(isBreakingStep('1.0.0', '1.4.0')).toBe(false);
    expect(isBreakingStep('1.4.0', '2.0.0')).toBe(true);
  });

  test('addressPatterns reads code spans that start with a resource type, and nothing else', () => {
    const patterns = addressPatterns('`azurerm_subnet.<chat>_Network_…_<hash>`, `data.azurerm_client_config.current`, `PrivateChat`, `gpt-4.1-mini`');
    expect(patterns).toHaveLength(2);
    expect(patterns[0].test(SUBNET)).toBe(true);
    expect(patterns[0].test(VAULT)).toBe(false);
    expect(patterns[1].test('data.azurerm_client_config.current')).toBe(true);
    expect(patterns[1].test('data.azurerm_client_config.currentX')).toBe(false);
  });

  test('changedAddresses reports additions, removals and moves per example and stack', () => {
    const before: AddressLists = { a: { s: { [VAULT]: 'p1', [SUBNET]: 'p2' } } };
    const after: AddressLists = { a: { s: { [VAULT]: 'p1-moved', [SUBNET2]: 'p3' } }, b: { s: { [VAULT]: 'p1' } } };
    expect(changedAddresses(before, after)).toEqual([
      { example: 'a', stack: 's', address: VAULT, change: 'moved' },
      { example: 'a', stack: 's', address: SUBNET, change: 'removed' },
      { example: 'a', stack: 's', address: SUBNET2, change: 'added' },
      { example: 'b', stack: 's', address: VAULT, change: 'added' },
    ]);
  });
});
