// What the tarball ships (issue 24): exactly the intended files, and every relative link in its
// Markdown resolves to a file inside it, so the README read from node_modules or the registry
// page has no dead links. Reads `npm pack --dry-run --json`, which applies .npmignore as the
// real pack does (.projenrc.ts writes it).
import { execFileSync } from 'child_process';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join, posix, relative, resolve } from 'path';

const root = resolve(__dirname, '..', '..');

/** Files `npm pack` would put in the tarball, relative to the package root. */
function packedFiles(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'silent' },
  });
  const [pack] = JSON.parse(out) as { files: { path: string }[] }[];
  return pack.files.map((f) => f.path).sort();
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? walk(p) : [p];
  });
}

const rel = (p: string) => relative(root, p).split('\\').join('/');

/**
 * The intended file list, from rules that do not read .npmignore: the package's own files, the
 * docs (but not the per-release address snapshots, which only the repository's test reads), the
 * construct READMEs, the examples' sources, and the build output that exists.
 */
function intendedFiles(): string[] {
  const files = ['LICENSE', 'README.md', 'CHANGELOG.md', 'API.md', 'package.json'];
  files.push(...walk(join(root, 'docs')).map(rel).filter((f) => !f.startsWith('docs/addresses/releases/')));
  for (const area of readdirSync(join(root, 'src'), { withFileTypes: true }).filter((d) => d.isDirectory())) {
    if (existsSync(join(root, 'src', area.name, 'README.md'))) files.push(`src/${area.name}/README.md`);
  }
  for (const ex of readdirSync(join(root, 'examples'), { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const f of ['README.md', 'main.ts', 'cdktf.json']) {
      if (existsSync(join(root, 'examples', ex.name, f))) files.push(`examples/${ex.name}/${f}`);
    }
  }
  // The build (absent on a fresh clone before `npx projen compile`): JavaScript, declarations and
  // the jsii assembly.
  files.push(...walk(join(root, 'lib')).map(rel).filter((f) => f.endsWith('.js') || f.endsWith('.d.ts')));
  if (existsSync(join(root, '.jsii'))) files.push('.jsii');
  // Bundled runtime dependencies (package.json bundledDependencies) ship whole, as npm packs them.
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const dep of (pkg.bundledDependencies ?? []) as string[]) files.push(...walk(join(root, 'node_modules', dep)).map(rel));
  return files.sort();
}

/** Relative link targets in a Markdown file (inline links and images), without anchors. */
function relativeLinks(markdown: string): string[] {
  const noCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...noCode.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
    .map((m) => m[1])
    .filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'))
    .map((t) => decodeURIComponent(t.split('#')[0]));
}

/** `<file> -> <target>` for every relative link in a shipped Markdown file whose target does not ship. */
function deadLinks(files: string[], read: (file: string) => string): string[] {
  const shipped = new Set(files);
  const isShippedDir = (p: string) => files.some((f) => f.startsWith(`${p.replace(/\/$/, '')}/`));
  const dead: string[] = [];
  // A bundled dependency's own docs are its authors', not this package's.
  for (const md of files.filter((f) => f.endsWith('.md') && !f.startsWith('node_modules/'))) {
    for (const target of relativeLinks(read(md))) {
      if (target === '') continue;
      const resolved = posix.normalize(posix.join(posix.dirname(md), target));
      if (!shipped.has(resolved) && !isShippedDir(resolved)) dead.push(`${md} -> ${resolved}`);
    }
  }
  return dead;
}

/**
 * Links that do not resolve inside the package yet, each with why and who fixes it. The test fails
 * when an entry is no longer needed, so the list cannot go stale.
 */
const KNOWN_DEAD: Record<string, string> = {
};

describe('the packed tarball', () => {
  const files = packedFiles();

  test('ships exactly the intended files', () => {
    expect(files).toEqual(intendedFiles());
  });

  test.each([
    'tsconfig.examples.json', 'tsconfig.json', '.projenrc.ts', 'scripts/test.sh', '.ci/run', 'test/setup.ts',
    'docs/addresses/releases', '.bench/results.json', 'src/index.ts', 'examples/private-chat/main.js',
  ])('does not ship %s', (stray) => {
    expect(files.filter((f) => f === stray || f.startsWith(`${stray}/`))).toEqual([]);
  });

  test('ships the README, the changelog, the docs and the construct READMEs it links to', () => {
    expect(files).toEqual(expect.arrayContaining([
      'README.md', 'CHANGELOG.md', 'docs/install.md', 'docs/operations.md', 'docs/address-stability.md',
      'src/pattern/README.md', 'examples/private-chat/main.ts',
    ]));
  });

  test('every relative link in the shipped Markdown resolves to a shipped file', () => {
    const dead = deadLinks(files, (md) => readFileSync(join(root, md), 'utf8'));
    const unexpected = dead.filter((d) => !(d in KNOWN_DEAD));
    const stale = Object.keys(KNOWN_DEAD).filter((k) => !dead.includes(k));
    expect({ unexpected, stale }).toEqual({ unexpected: [], stale: [] });
  });

  test('relativeLinks finds links and images, and skips URLs, anchors and code', () => {
    expect(relativeLinks('[a](docs/a.md#x) ![p](pic.svg "t") [u](https://x.y/z) [h](#top) `[c](code.md)`\n```\n[d](block.md)\n```'))
      .toEqual(['docs/a.md', 'pic.svg']);
  });

  test('the link check fails on a link to a file that is not shipped, and passes links to shipped files and folders', () => {
    const pages: Record<string, string> = {
      'README.md': '[i](docs/install.md) [a](src/ai/README.md#x) [e](examples/private-chat) [t](scripts/test.sh) [c](./CHANGELOG.md)',
      'docs/install.md': '[up](../README.md) [gone](../src/ai/index.ts)',
    };
    const shipped = ['CHANGELOG.md', 'README.md', 'docs/install.md', 'examples/private-chat/main.ts', 'src/ai/README.md'];
    expect(deadLinks(shipped, (md) => pages[md] ?? '')).toEqual(['README.md -> scripts/test.sh', 'docs/install.md -> src/ai/index.ts']);
  });
});
