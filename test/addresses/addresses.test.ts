// Address stability (issue 5): every example's resource addresses must equal the committed list
// in docs/addresses/<example>.json. Update deliberately with `UPDATE_ADDRESSES=1 npx jest test/addresses`.
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { Testing } from 'cdktf';
import {
  collectExample, exampleNames, instantiateExample, serialize, UPDATE_COMMAND, UPDATE_ENV, verifyExample,
} from '../../scripts/addresses';

const root = resolve(__dirname, '..', '..');
const examplesDir = join(root, 'examples');
const listDir = join(root, 'docs', 'addresses');
const update = process.env[UPDATE_ENV] === '1';
const examples = exampleNames(examplesDir);

describe('resource addresses of the examples', () => {
  test('there is at least one example to guard', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  test.each(examples)('examples/%s matches its committed address list', (example) => {
    // The .ts source, not a compiled main.js that may be stale.
    const main = join(examplesDir, example, 'main.ts');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(main) as Record<string, unknown>;
    const stacks = instantiateExample(Testing.app(), example, mod, readFileSync(main, 'utf8'));

    // The tree walk must agree with what Terraform sees: the addresses of the synthesized JSON.
    for (const stack of stacks) {
      const json = JSON.parse(Testing.synth(stack)) as { resource?: Record<string, object>; data?: Record<string, object> };
      const synthesized = [
        ...Object.entries(json.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`)),
        ...Object.entries(json.data ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((n) => `data.${type}.${n}`)),
      ].sort();
      expect(Object.keys(collectExample([stack])[stack.node.id])).toEqual(synthesized);
    }

    const current = collectExample(stacks);
    const file = join(listDir, `${example}.json`);
    if (update) {
      mkdirSync(listDir, { recursive: true });
      writeFileSync(file, serialize(current));
      return;
    }
    const problem = verifyExample(example, current, existsSync(file) ? readFileSync(file, 'utf8') : undefined);
    if (problem) throw new Error(problem);
  });

  test('every committed address list belongs to an example', () => {
    const lists = existsSync(listDir) ? readdirSync(listDir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)) : [];
    const orphans = lists.filter((l) => !examples.includes(l));
    if (update) {
      for (const orphan of orphans) unlinkSync(join(listDir, `${orphan}.json`));
      return;
    }
    if (orphans.length > 0) {
      throw new Error(`docs/addresses has lists for examples that no longer exist: ${orphans.join(', ')}. Delete them, or run ${UPDATE_COMMAND}`);
    }
  });
});
