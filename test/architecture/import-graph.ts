// The import graph of src/ and the two rules src/README.md states about it: a file imports only
// from its own floor or below, and no two files import each other, directly or around a loop.
// Pure functions over a plain graph, so the tests can feed them a synthetic one.
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, sep } from 'path';
import * as ts from 'typescript';

/** One relative import (or re-export) of a source file, resolved to the file it names. */
export interface ImportEdge {
  /** Importing file, relative to the source root, with `/` separators (`secrets/key-vault.ts`). */
  readonly from: string;
  /** Imported file, same form. */
  readonly to: string;
  /** 1-based line of the import statement. */
  readonly line: number;
}

/**
 * The floors, lowest first: each entry lists the top-level folders of the source root on that
 * floor. Must match the table in src/README.md.
 */
export const FLOORS: readonly (readonly string[])[] = [
  ['core'],
  ['network'],
  ['monitoring', 'compliance', 'conformance', 'diagram'],
  ['secrets'],
  ['ai'],
  ['app'],
  ['history', 'storage', 'cache', 'registry', 'gateway', 'databricks'],
  ['pattern'],
];

/** Files directly in the source root: `index.ts` is the public face and re-exports every floor, so it stands above them all. */
export const ROOT_FILES: readonly string[] = ['index.ts'];

/** Every `.ts` file (not `.d.ts`) under `dir`, relative to it with `/` separators, sorted. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/**
 * The relative module specifiers of `text` with their lines, read with TypeScript's own parser:
 * `import`, `import type`, `export ... from`, `export type ... from`, `import x = require(...)`,
 * and dynamic `import()` / `require()` calls anywhere in the file.
 */
export function moduleSpecifiers(fileName: string, text: string): { specifier: string; line: number }[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: { specifier: string; line: number }[] = [];
  const add = (node: ts.Node, literal: ts.Expression | undefined): void => {
    if (literal && ts.isStringLiteralLike(literal)) {
      found.push({ specifier: literal.text, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      add(node, node.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression);
    } else if (ts.isCallExpression(node)
      && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      add(node, node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal as ts.Expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Every relative import of every file under `root`, resolved to a file (`x.ts` or `x/index.ts`). Throws on one that resolves to nothing. */
export function importEdges(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(root)) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const { specifier, line } of moduleSpecifiers(file, text)) {
      if (!specifier.startsWith('.')) continue;
      const base = join(root, dirname(file), specifier);
      const target = [`${base}.ts`, join(base, 'index.ts'), base].find((p) => existsSync(p) && statSync(p).isFile());
      if (!target) throw new Error(`${file}:${line}: cannot resolve '${specifier}'`);
      const to = relative(root, target).split(sep).join('/');
      if (to.startsWith('..')) throw new Error(`${file}:${line}: '${specifier}' leaves the source root`);
      edges.push({ from: file, to, line });
    }
  }
  return edges;
}

/** The floor of a file (index into `floors`), `Infinity` for the root files, or `undefined` when its folder is on no floor. */
export function floorOf(file: string, floors: readonly (readonly string[])[] = FLOORS): number | undefined {
  if (ROOT_FILES.includes(file)) return Infinity;
  const area = file.split('/')[0];
  const floor = floors.findIndex((f) => f.includes(area));
  return floor < 0 ? undefined : floor;
}

/** A description of a floor for messages: `2 (monitoring, compliance, ...)`. */
function floorName(floor: number, floors: readonly (readonly string[])[]): string {
  return floor === Infinity ? 'root' : `${floor} (${floors[floor].join(', ')})`;
}

/**
 * Every edge that goes up a floor, and every file whose folder is on no floor, as messages naming
 * the file, the line and both floors.
 */
export function floorViolations(edges: readonly ImportEdge[], files: readonly string[], floors: readonly (readonly string[])[] = FLOORS): string[] {
  const problems: string[] = [];
  for (const file of files) {
    if (floorOf(file, floors) === undefined) {
      problems.push(`${file}: folder '${file.split('/')[0]}' is on no floor; add it to the floor table in src/README.md and test/architecture/import-graph.ts`);
    }
  }
  for (const e of edges) {
    const from = floorOf(e.from, floors);
    const to = floorOf(e.to, floors);
    if (from === undefined || to === undefined) continue;
    if (to > from) {
      problems.push(`${e.from}:${e.line} imports ${e.to}: floor ${floorName(from, floors)} must not import from the higher floor ${floorName(to, floors)}`);
    }
  }
  return problems;
}

/**
 * Every import cycle, one per strongly connected component of the graph, as the path
 * `a.ts -> b.ts -> a.ts` (the component's first file in sorted order, then the shortest way round).
 */
export function cycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (!next.has(e.from)) next.set(e.from, []);
    next.get(e.from)!.push(e.to);
  }
  for (const list of next.values()) list.sort();
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort();

  // Tarjan's strongly connected components.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = (next.get(v) ?? []).includes(v);
      if (component.length > 1 || selfLoop) components.push(component.sort());
    }
  };
  for (const v of nodes) if (!index.has(v)) connect(v);

  // Within each component, the shortest path from its first file back to itself (breadth first).
  return components.sort((a, b) => a[0].localeCompare(b[0])).map((component) => {
    const inside = new Set(component);
    const start = component[0];
    const previous = new Map<string, string>();
    const queue = [start];
    let end: string | undefined;
    while (queue.length > 0 && end === undefined) {
      const v = queue.shift()!;
      for (const w of next.get(v) ?? []) {
        if (!inside.has(w)) continue;
        if (w === start) {
          end = v;
          break;
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    const path = [start];
    for (let v = end!; v !== start; v = previous.get(v)!) path.splice(1, 0, v);
    path.push(start);
    return path;
  });
}
