// Issue 24, point 6: the floors of src/README.md hold, and no source file imports itself around a
// loop. The first two tests read src/ itself; the others feed the checks a synthetic graph to show
// that they fail, and what they say when they do.
import { join } from 'path';
import { cycles, floorOf, floorViolations, ImportEdge, importEdges, moduleSpecifiers, sourceFiles } from './import-graph';

const SRC = join(__dirname, '..', '..', 'src');
const files = sourceFiles(SRC);
const edges = importEdges(SRC);

/** A synthetic edge. */
const edge = (from: string, to: string, line = 1): ImportEdge => ({ from, to, line });

describe('the source tree', () => {
  test('is read: every area has files and imports', () => {
    // Guards against the checks passing because the reader found nothing.
    expect(files).toEqual(expect.arrayContaining(['index.ts', 'core/names.ts', 'pattern/private-chat.ts']));
    expect(edges.length).toBeGreaterThan(300);
    expect(edges).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'index.ts', to: 'pattern/index.ts' })]));
  });

  test('no file imports from a higher floor, and every folder is on a floor', () => {
    expect(floorViolations(edges, files)).toEqual([]);
  });

  test('has no import cycle', () => {
    expect(cycles(edges).map((c) => c.join(' -> '))).toEqual([]);
  });
});

describe('floorViolations', () => {
  test('fails on an import from a higher floor, naming file, line and both floors', () => {
    expect(floorViolations([edge('secrets/encryption-key.ts', 'app/identity.ts', 12)], ['secrets/encryption-key.ts', 'app/identity.ts'])).toEqual([
      'secrets/encryption-key.ts:12 imports app/identity.ts: floor 3 (secrets) must not import from the higher floor 5 (app)',
    ]);
  });

  test('fails on a folder that is on no floor', () => {
    expect(floorViolations([], ['widgets/widget.ts'])).toEqual([
      "widgets/widget.ts: folder 'widgets' is on no floor; add it to the floor table in src/README.md and test/architecture/import-graph.ts",
    ]);
  });

  test('passes imports from the same floor, from lower floors and from the root index', () => {
    expect(floorViolations([
      edge('pattern/private-chat.ts', 'core/names.ts'),
      edge('compliance/verify.ts', 'conformance/conformance.ts'),
      edge('gateway/ai-gateway.ts', 'app/identity.ts'),
      edge('ai/model-deployment.ts', 'ai/private/shapes.ts'),
      edge('index.ts', 'pattern/index.ts'),
    ], ['pattern/private-chat.ts', 'core/names.ts', 'index.ts'])).toEqual([]);
  });

  test('fails when an area imports the root index', () => {
    expect(floorViolations([edge('core/names.ts', 'index.ts', 3)], ['core/names.ts', 'index.ts'])).toEqual([
      'core/names.ts:3 imports index.ts: floor 0 (core) must not import from the higher floor root',
    ]);
  });

  test('uses the floors it is given', () => {
    const floors = [['a'], ['b']];
    expect(floorOf('b/x.ts', floors)).toBe(1);
    expect(floorViolations([edge('a/x.ts', 'b/y.ts', 7)], ['a/x.ts', 'b/y.ts'], floors)).toEqual([
      'a/x.ts:7 imports b/y.ts: floor 0 (a) must not import from the higher floor 1 (b)',
    ]);
  });
});

describe('cycles', () => {
  test('fails on two files that import each other, with the path', () => {
    expect(cycles([edge('ai/model-deployment.ts', 'ai/private/deployment-validation.ts'), edge('ai/private/deployment-validation.ts', 'ai/model-deployment.ts')]))
      .toEqual([['ai/model-deployment.ts', 'ai/private/deployment-validation.ts', 'ai/model-deployment.ts']]);
  });

  test('fails on a longer loop, reporting the shortest way round from its first file', () => {
    expect(cycles([
      edge('c.ts', 'a.ts'), edge('a.ts', 'b.ts'), edge('b.ts', 'c.ts'), edge('b.ts', 'd.ts'), edge('a.ts', 'e.ts'),
    ])).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  test('reports each separate loop, and a file importing itself', () => {
    expect(cycles([edge('x.ts', 'y.ts'), edge('y.ts', 'x.ts'), edge('p.ts', 'q.ts'), edge('q.ts', 'p.ts'), edge('s.ts', 's.ts')])).toEqual([
      ['p.ts', 'q.ts', 'p.ts'], ['s.ts', 's.ts'], ['x.ts', 'y.ts', 'x.ts'],
    ]);
  });

  test('passes a graph without loops (a diamond)', () => {
    expect(cycles([edge('a.ts', 'b.ts'), edge('a.ts', 'c.ts'), edge('b.ts', 'd.ts'), edge('c.ts', 'd.ts')])).toEqual([]);
  });
});

describe('moduleSpecifiers', () => {
  test('reads every kind of import, type-only ones included, with their lines', () => {
    const text = [
      "import { A } from './a';",
      "import type { B } from '../b';",
      "export * from './c';",
      "export type { D } from './d';",
      "import e = require('./e');",
      "const f = () => import('./f');",
      "type G = import('./g').G;",
      "// import { H } from './h';",
      "const s = \"import { I } from './i'\";",
      "import 'cdktf';",
    ].join('\n');
    expect(moduleSpecifiers('x.ts', text)).toEqual([
      { specifier: './a', line: 1 }, { specifier: '../b', line: 2 }, { specifier: './c', line: 3 }, { specifier: './d', line: 4 },
      { specifier: './e', line: 5 }, { specifier: './f', line: 6 }, { specifier: './g', line: 7 }, { specifier: 'cdktf', line: 10 },
    ]);
  });
});
