// Every TypeScript code block in README.md, docs/*.md, src/*/README.md and examples/*/README.md
// type-checks against the library (issue 7). See test/docs/snippets.ts for what a block may be:
// a complete program, or a fragment marked `<!-- snippet: fragment -->` and compiled in a scaffold.
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { checkSnippets, extractSnippets, formatErrors, FRAGMENT_MARKER, Snippet, SnippetError } from './snippets';

const root = resolve(__dirname, '..', '..');

function markdownFiles(): string[] {
  const inDir = (dir: string, pick: (name: string) => string | undefined): string[] =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir), { withFileTypes: true }).map((d) => pick(d.isDirectory() ? `${d.name}/` : d.name)).filter((f): f is string => f !== undefined)
      : [];
  const readmeIn = (dir: string) => inDir(dir, (n) => (n.endsWith('/') && existsSync(join(root, dir, n, 'README.md')) ? `${dir}/${n}README.md` : undefined));
  return [
    'README.md',
    ...inDir('docs', (n) => (n.endsWith('.md') ? `docs/${n}` : undefined)),
    ...readmeIn('src'),
    ...readmeIn('examples'),
  ].filter((f) => existsSync(join(root, f))).sort();
}

// A synthetic document that exercises the checker itself in the same program: it must accept a
// complete program and typical fragments, and report the broken ones at the right line.
const SELF_TEST = 'test/docs/__self-test__.md';
const selfTest = [
  '# self test', //                                                                  1
  '```ts', //                                                                        2
  "import { App, TerraformStack } from 'cdktf';", //                                 3
  "import { PrivateChat } from 'cdktf-private-chat';", //                           4
  'const app = new App();', //                                                       5
  "new PrivateChat(new TerraformStack(app, 'chat'), 'chat', { location: 'swedencentral' });", // 6
  '```', //                                                                          7
  FRAGMENT_MARKER, //                                                                8
  '', //                                                                             9
  '```typescript', //                                                               10
  "import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';", // 11
  "const group = new ResourceGroup(this, 'Rg', { name: 'rg-chat', location: 'swedencentral' });", // 12
  "const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: group.name, location: group.location });", // 13
  "new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: rg.name, network });", // 14
  'account.grantUse(appIdentity);', //                                              15
  'const app = new App(); app.synth(); void scope; void vault; void dnsZones; void monitoring; void password;', // 16
  '```', //                                                                         17
  FRAGMENT_MARKER, //                                                               18
  '```ts', //                                                                       19
  "new PrivateChat(stack, 'chat', {", //                                            20
  "  location: 'swedencentral',", //                                                21
  '  modelz: [],', //                                                               22
  '});', //                                                                         23
  '```', //                                                                         24
  '- in a list:', //                                                                25
  '  ```ts', //                                                                     26
  "  new PrivateChat(stack, 'chat', { location: 'swedencentral' });", //            27
  '  ```', //                                                                       28
  '```ts', //                                                                       29
  "new PrivateChat(stack, 'chat', { location: 'swedencentral' });", //              30
  '```', //                                                                         31
  '```md', //                                                                       32
  '```ts', //                                                                       33
  'not code', //                                                                    34
  '```', //                                                                         35
].join('\n');

const files = markdownFiles();
const snippets: Snippet[] = [
  ...files.flatMap((f) => extractSnippets(f, readFileSync(join(root, f), 'utf8'))),
  ...extractSnippets(SELF_TEST, selfTest),
];
let errors: SnippetError[] = [];

beforeAll(() => {
  errors = checkSnippets(root, snippets);
}, 120_000);

describe('code blocks in the docs compile', () => {
  test('the docs hold code blocks to check', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/deploy.md', 'src/ai/README.md']));
    expect(snippets.filter((s) => s.file !== SELF_TEST).length).toBeGreaterThan(5);
  });

  test.each(files)('%s', (file) => {
    const mine = errors.filter((e) => e.file === file);
    if (mine.length > 0) {
      throw new Error(`${mine.length} compile error(s) in the TypeScript blocks of ${file}:\n${formatErrors(mine, snippets)}\n\n`
        + `A block that is not a complete program needs '${FRAGMENT_MARKER}' on the line above its fence; `
        + 'see test/docs/snippets.ts for the names a fragment can use.');
    }
  });
});

describe('snippet checker', () => {
  const own = snippets.filter((s) => s.file === SELF_TEST);
  const selfErrors = () => errors.filter((e) => e.file === SELF_TEST);

  test('finds ts and typescript blocks, dedents blocks in lists, skips blocks inside other fences', () => {
    expect(own.map((s) => [s.line, s.fragment])).toEqual([[3, false], [11, true], [20, true], [27, false], [30, false]]);
    expect(own[3].code).toBe("new PrivateChat(stack, 'chat', { location: 'swedencentral' });");
  });

  test('compiles a complete program and a fragment using this, hoisted imports and the scaffold names', () => {
    expect(selfErrors().filter((e) => e.blockLine === 3 || e.blockLine === 11)).toEqual([]);
  });

  test('fails when a fragment misuses the API, at the markdown line of the error', () => {
    expect(selfErrors().filter((e) => e.blockLine === 20)).toEqual([
      expect.objectContaining({ line: 22, message: expect.stringMatching(/'modelz' does not exist in type 'PrivateChatProps'/) }),
    ]);
  });

  test('fails when an unmarked block is not a complete program, naming file and line', () => {
    const unmarked = selfErrors().filter((e) => e.blockLine === 30);
    expect(unmarked).toEqual(expect.arrayContaining([expect.objectContaining({ line: 30, message: expect.stringMatching(/Cannot find name 'PrivateChat'/) })]));
    expect(formatErrors(unmarked, snippets)).toMatch(/^test\/docs\/__self-test__\.md:30: Cannot find name 'PrivateChat'.*complete program\)$/m);
  });
});
