// Per-example pictures (issue 7): each examples/<name>/README.md carries a Mermaid diagram of
// what the example synthesizes, between two markers. `npm run synth:examples -- --diagram`
// rewrites the block from the synthesized cdk.tf.json; test/docs/diagrams.test.ts fails when a
// committed block no longer matches.
//
// Both sides render from the same kind of input, the cdk.tf.json that `app.synth()` writes (with
// its `//` metadata, which the diagram uses for labels), so they cannot disagree.
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { DeploymentDiagram } from 'cdktf-private-chat';

export const DIAGRAM_START = '<!-- diagram:start -->';
export const DIAGRAM_END = '<!-- diagram:end -->';
/** The commands that rewrite the committed blocks, shown in every failure. */
export const DIAGRAM_UPDATE_COMMANDS = [
  'npm run synth:examples -- --diagram            (build, synthesize with node, rewrite every README block)',
  'UPDATE_DIAGRAMS=1 npx jest test/docs/diagrams  (same blocks, rendered in-process; no build)',
];

/** One synthesized stack: its id and the parsed cdk.tf.json. */
export interface SynthesizedStack {
  readonly id: string;
  readonly json: unknown;
}

/** The stacks in a cdktf output directory (`cdktf.out`), read through its manifest.json, by stack id. */
export function readSynthesizedStacks(outdir: string): SynthesizedStack[] {
  const manifestFile = join(outdir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} does not exist: synthesize first`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { stacks: Record<string, { synthesizedStackPath: string }> };
  return Object.entries(manifest.stacks)
    .map(([id, stack]) => ({ id, json: JSON.parse(readFileSync(join(outdir, stack.synthesizedStackPath), 'utf8')) as unknown }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The text that goes between the markers: one ```mermaid block per stack, each preceded by the
 * stack id when the example has several stacks.
 */
export function diagramBlock(stacks: SynthesizedStack[]): string {
  const parts = stacks.map((s) => {
    const fence = `\`\`\`mermaid\n${DeploymentDiagram.fromSynthesizedJson(s.json)}\`\`\``;
    return stacks.length > 1 ? `Stack \`${s.id}\`:\n\n${fence}` : fence;
  });
  return `\n${parts.join('\n\n')}\n`;
}

/** The committed text between the markers, or undefined when the README lacks them. */
export function readDiagramBlock(readme: string): string | undefined {
  const start = readme.indexOf(DIAGRAM_START);
  const end = readme.indexOf(DIAGRAM_END);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start + DIAGRAM_START.length, end);
}

/** The README with its block replaced; throws when the markers are missing. */
export function replaceDiagramBlock(readme: string, block: string, file: string): string {
  const start = readme.indexOf(DIAGRAM_START);
  const end = readme.indexOf(DIAGRAM_END);
  if (start < 0 || end < start) {
    throw new Error(`${file} has no diagram block: add the lines '${DIAGRAM_START}' and '${DIAGRAM_END}' where the picture goes`);
  }
  return readme.slice(0, start + DIAGRAM_START.length) + block + readme.slice(end);
}
