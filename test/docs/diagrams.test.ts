// Per-example pictures (issue 7): the Mermaid block in examples/<name>/README.md must be the
// diagram of what the example synthesizes today. The stacks are built in-process from the
// examples' exported stack classes and synthesized with `app.synth()` into a temporary directory,
// i.e. the same cdk.tf.json (with `//` metadata) that `node main.js` writes, and rendered by the
// same code as `npm run synth:examples -- --diagram`.
//
// Update deliberately with `UPDATE_DIAGRAMS=1 npx jest test/docs/diagrams`.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { App } from 'cdktf';
import { exampleNames, instantiateExample } from '../../scripts/addresses';
import {
  DIAGRAM_END, DIAGRAM_START, DIAGRAM_UPDATE_COMMANDS, diagramBlock, readDiagramBlock, readSynthesizedStacks, replaceDiagramBlock,
} from '../../scripts/readme-diagram';

const root = resolve(__dirname, '..', '..');
const examplesDir = join(root, 'examples');
const update = process.env.UPDATE_DIAGRAMS === '1';
const examples = exampleNames(examplesDir);

/** Synthesizes one example exactly as `node main.js` would, into a fresh directory, and renders its block. */
function currentBlock(example: string): string {
  const main = join(examplesDir, example, 'main.ts');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(main) as Record<string, unknown>;
  const outdir = mkdtempSync(join(tmpdir(), `diagram-${example}-`));
  try {
    const app = new App({ outdir });
    instantiateExample(app, example, mod, readFileSync(main, 'utf8'));
    app.synth();
    return diagramBlock(readSynthesizedStacks(outdir));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function howToUpdate(): string {
  return `Update with one of:\n${DIAGRAM_UPDATE_COMMANDS.map((c) => `  ${c}`).join('\n')}`;
}

describe('diagrams in the example READMEs', () => {
  test.each(examples)('examples/%s/README.md shows the current diagram', (example) => {
    const file = join(examplesDir, example, 'README.md');
    const rel = `examples/${example}/README.md`;
    const expected = currentBlock(example);
    const readme = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (update && readme !== undefined) {
      writeFileSync(file, replaceDiagramBlock(readme, expected, rel));
      return;
    }
    if (readme === undefined) throw new Error(`${rel} is missing: every example documents itself and carries its diagram between '${DIAGRAM_START}' and '${DIAGRAM_END}'.`);
    const committed = readDiagramBlock(readme);
    if (committed === undefined) throw new Error(`${rel} has no '${DIAGRAM_START}' ... '${DIAGRAM_END}' block.\n${howToUpdate()}`);
    if (committed !== expected) {
      const got = committed.split('\n');
      const want = expected.split('\n');
      const first = want.findIndex((line, i) => got[i] !== line);
      const at = first < 0 ? Math.min(got.length, want.length) : first;
      throw new Error([
        `${rel}: the diagram differs from what examples/${example}/main.ts synthesizes`,
        `(first difference at line ${at + 1} of the block: committed ${JSON.stringify(got[at])}, current ${JSON.stringify(want[at])}).`,
        howToUpdate(),
      ].join('\n'));
    }
  });
});

describe('diagram block helpers', () => {
  const stack = (id: string) => ({
    id,
    json: { resource: { azurerm_key_vault: { kv: { '//': { metadata: { path: `${id}/Vault/Resource` } }, 'public_network_access_enabled': false } } } },
  });

  test('one stack gives one mermaid block labelled from the construct path in the metadata', () => {
    const block = diagramBlock([stack('only')]);
    expect(block).toMatch(/^\n```mermaid\nflowchart LR\n[\s\S]*\n```\n$/);
    expect(block).toContain('[("Key Vault<br/>Vault<br/>public access off")]');
    expect(block).not.toContain('Stack `');
  });

  test('several stacks are rendered in stack id order, each under its id', () => {
    const block = diagramBlock([stack('spoke'), stack('hub')].sort((a, b) => a.id.localeCompare(b.id)));
    expect(block.indexOf('Stack `hub`:')).toBeGreaterThan(0);
    expect(block.indexOf('Stack `spoke`:')).toBeGreaterThan(block.indexOf('Stack `hub`:'));
    expect(block.match(/```mermaid/g)).toHaveLength(2);
  });

  test('replaces only the text between the markers', () => {
    const readme = `# x\n\n${DIAGRAM_START}\nold\n${DIAGRAM_END}\n\nafter\n`;
    expect(replaceDiagramBlock(readme, '\nnew\n', 'x.md')).toBe(`# x\n\n${DIAGRAM_START}\nnew\n${DIAGRAM_END}\n\nafter\n`);
    expect(readDiagramBlock(readme)).toBe('\nold\n');
  });

  test('fails when a README has no markers, naming the file', () => {
    expect(readDiagramBlock('# x\n')).toBeUndefined();
    expect(() => replaceDiagramBlock('# x\n', '\nnew\n', 'examples/x/README.md')).toThrow(/examples\/x\/README\.md has no diagram block/);
  });
});
