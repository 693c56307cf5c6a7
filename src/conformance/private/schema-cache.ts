import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, sep } from 'path';

const CACHE_SUBDIR = 'cdktf-private-chat';

/**
 * Directories the derived schemas are cached in, best first: `node_modules/.cache/cdktf-private-chat`
 * of the `node_modules` that holds the provider package (the convention of babel, eslint and
 * friends, wiped with `node_modules`), then the OS temp directory.
 */
function cacheDirs(jsiiPath: string): string[] {
  const dirs: string[] = [];
  const marker = `${sep}node_modules${sep}`;
  const i = jsiiPath.lastIndexOf(marker);
  if (i >= 0) dirs.push(join(jsiiPath.slice(0, i + marker.length), '.cache', CACHE_SUBDIR));
  dirs.push(join(tmpdir(), CACHE_SUBDIR));
  return dirs;
}

/** The cached value under `key`, or undefined when no cache directory holds a readable one. */
export function readCache(jsiiPath: string, key: string): unknown {
  for (const dir of cacheDirs(jsiiPath)) {
    let text: string;
    try {
      text = readFileSync(join(dir, key), 'utf8');
    } catch {
      continue;
    }
    try {
      return JSON.parse(text);
    } catch {
      // A truncated file (disk full): ignore it, it is rewritten below.
      continue;
    }
  }
  return undefined;
}

/**
 * Writes `value` under `key` in the first writable cache directory, atomically: a temp file
 * renamed over the target, so a concurrent reader (another jest worker) sees either no file or
 * a whole one. Failure to write is not an error; the next process derives the schema again.
 */
export function writeCache(jsiiPath: string, key: string, value: unknown): void {
  const text = JSON.stringify(value);
  for (const dir of cacheDirs(jsiiPath)) {
    const target = join(dir, key);
    const temp = `${target}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(temp, text);
      renameSync(temp, target);
      return;
    } catch {
      try {
        unlinkSync(temp);
      } catch {
        // nothing was written
      }
    }
  }
}
