// Main job: synthesizes every app under examples/ with plain `node` (the compiled main.js, as
// its cdktf.json says) and prints a one-screen summary per stack.
//
// Usage: node scripts/synth-examples.js [--diagram] [example-name ...]
//   --diagram  also rewrites the Mermaid picture in examples/<name>/README.md from the synthesized JSON
import { spawnSync } from 'child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join, relative, resolve } from 'path';
import { diagramBlock, readSynthesizedStacks, replaceDiagramBlock } from './readme-diagram';

const root = resolve(__dirname, '..');
const examplesDir = join(root, 'examples');

interface Manifest {
  readonly stacks: Record<string, { readonly synthesizedStackPath: string; readonly annotations?: { level: string; message: string }[] }>;
}

function examples(filter: string[]): string[] {
  const all = readdirSync(examplesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(examplesDir, d.name, 'cdktf.json')))
    .map((d) => d.name)
    .sort();
  const unknown = filter.filter((f) => !all.includes(f));
  if (unknown.length > 0) {
    throw new Error(`unknown example(s) ${unknown.join(', ')}; available: ${all.join(', ')}`);
  }
  return filter.length > 0 ? all.filter((e) => filter.includes(e)) : all;
}

function appCommand(dir: string): string[] {
  const config = JSON.parse(readFileSync(join(dir, 'cdktf.json'), 'utf8')) as { app: string };
  return config.app.split(/\s+/);
}

function summarize(name: string, dir: string, ms: number): void {
  const outdir = join(dir, 'cdktf.out');
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as Manifest;
  for (const [stackName, stack] of Object.entries(manifest.stacks)) {
    const file = join(outdir, stack.synthesizedStackPath);
    const tf = JSON.parse(readFileSync(file, 'utf8')) as {
      resource?: Record<string, Record<string, unknown>>;
      data?: Record<string, Record<string, unknown>>;
      provider?: Record<string, unknown>;
    };
    const counts = Object.entries(tf.resource ?? {})
      .map(([type, byName]) => [type, Object.keys(byName).length] as const)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const total = counts.reduce((n, [, c]) => n + c, 0);
    const data = Object.values(tf.data ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
    console.log(`\n== ${name} / stack '${stackName}': ${total} resources, ${data} data sources, providers: ${Object.keys(tf.provider ?? {}).sort().join(', ')} (${ms} ms)`);
    console.log(`   written to ${relative(root, file)}`);
    for (const [type, count] of counts) console.log(`   ${String(count).padStart(4)}  ${type}`);
    for (const a of stack.annotations ?? []) console.log(`   ${a.level.toUpperCase()}: ${a.message}`);
  }
}

function writeDiagram(dir: string): void {
  const file = join(dir, 'README.md');
  const readme = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const updated = replaceDiagramBlock(readme, diagramBlock(readSynthesizedStacks(join(dir, 'cdktf.out'))), relative(root, file));
  if (updated !== readme) writeFileSync(file, updated);
  console.log(`   diagram ${updated === readme ? 'unchanged in' : 'written to'} ${relative(root, file)}`);
}

function main(): void {
  const argv = process.argv.slice(2);
  const diagram = argv.includes('--diagram');
  const selected = examples(argv.filter((a) => a !== '--diagram'));
  let failed = 0;
  for (const name of selected) {
    const dir = join(examplesDir, name);
    const [cmd, ...args] = appCommand(dir);
    const started = Date.now();
    const run = spawnSync(cmd, args, { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CDKTF_OUTDIR: join(dir, 'cdktf.out') } });
    const ms = Date.now() - started;
    if (run.status !== 0) {
      console.error(`\n== ${name}: synth FAILED (exit ${run.status ?? run.signal})`);
      failed++;
      continue;
    }
    summarize(name, dir, ms);
    if (diagram) {
      try {
        writeDiagram(dir);
      } catch (e) {
        console.error(`   diagram FAILED: ${(e as Error).message}`);
        failed++;
      }
    }
  }
  console.log(`\n${selected.length - failed} of ${selected.length} examples synthesized.`);
  if (failed > 0) process.exit(1);
}

main();
