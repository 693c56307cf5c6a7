// src is linted without type information (.projenrc.ts): the only type-aware rules,
// no-floating-promises and return-await, guard async code, and constructs have none. This test
// keeps it so: an async function, an await or a Promise in src fails here, and then the rules and
// their program must come back for src.
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import * as ts from 'typescript';

const SRC = join(__dirname, '..', '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** `file:line what` for every async construct in a source text. */
export function asyncUses(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => found.push(`${fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${what}`);
  const visit = (node: ts.Node): void => {
    if (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) at(node, 'async function');
    if (ts.isAwaitExpression(node)) at(node, 'await');
    if (ts.isIdentifier(node) && node.text === 'Promise') at(node, 'Promise');
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('src has no async code', () => {
  test('no async function, await or Promise anywhere in src', () => {
    const found = files(SRC).flatMap((f) => asyncUses(relative(SRC, f), readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  test('the check finds each kind (so it can fail)', () => {
    expect(asyncUses('x.ts', 'async function f() { await g(); }\nconst p: Promise<void> = h();')).toEqual([
      'x.ts:1 async function', 'x.ts:1 await', 'x.ts:2 Promise',
    ]);
    expect(asyncUses('y.ts', "warn(this, 'async-filter', 'ASYNCHRONOUS_FILTER');")).toEqual([]);
  });
});
