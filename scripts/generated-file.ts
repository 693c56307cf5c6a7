// The command-line half of a generator that writes a committed file from its sources: write it,
// or with `--check` exit 1 when the committed file differs (the tests and CI use that).
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

/** What a generator writes, from where, and how a person regenerates it. */
export interface GeneratedFile {
  /** Path of the generated file, relative to the repository root. */
  readonly target: string;
  /** Path (or description) of its sources, for messages. */
  readonly source: string;
  /** The command that regenerates it, for messages. */
  readonly command: string;
  /** The file's text, generated from the repository at `root`. */
  readonly generate: (root: string) => string;
}

/** Runs a generator for `argv`; returns the process exit code. */
export function runGenerator(file: GeneratedFile, argv: string[]): number {
  const root = join(__dirname, '..');
  const text = file.generate(root);
  const target = join(root, file.target);
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing: stale
    }
    if (current === text) return 0;
    process.stderr.write(`${file.target} is out of date with ${file.source}: run ${file.command}\n`);
    return 1;
  }
  writeFileSync(target, text);
  process.stdout.write(`wrote ${file.target} from ${file.source}\n`);
  return 0;
}
