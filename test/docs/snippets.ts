// Type-checks the TypeScript code blocks of the documentation (issue 7: "every code block in the
// README and docs compiles").
//
// Every ```ts / ```typescript block becomes one in-memory module of ONE TypeScript program
// (so the library and the provider typings are loaded once), with `cdktf-private-chat` mapped to
// src/index.ts. A block is either
//
// - a complete program: it compiles exactly as written, with its own imports; or
// - a fragment, marked by the comment `<!-- snippet: fragment -->` on the closest non-blank line
//   above the fence. A fragment is compiled inside a scaffold (see `scaffold` below):
//   - every export of `cdktf-private-chat`, `cdktf` and `constructs` is in scope, unless the
//     fragment imports that name itself (its own `import` statements are hoisted to the top);
//   - the statements run in the constructor of a `TerraformStack` subclass, so `this` is a stack;
//   - these names are declared, each shadowable by a declaration of the fragment (the fragment
//     runs in a nested block): `app: App`, `stack: TerraformStack`, `scope: Construct`,
//     `rg: ResourceGroup`, and constructs created elsewhere: `network: PrivateNetwork`,
//     `dnsZones: PrivateDnsZones`, `monitoring: Monitoring`, `account: AiAccount`,
//     `vault: PrivateKeyVault`, `appIdentity: IPrincipal`, `password: string`.
//   A fragment is therefore a run of statements, not an object-literal excerpt: write
//   `new PrivateChat(stack, 'chat', { location: 'swedencentral', image: ... });` rather than
//   `image: ...,`.
import { join, relative } from 'path';
import * as ts from 'typescript';

/** Marker line that makes the following block a fragment. */
export const FRAGMENT_MARKER = '<!-- snippet: fragment -->';

/** One TypeScript block of a markdown file. */
export interface Snippet {
  /** Markdown file, relative to the repository root. */
  readonly file: string;
  /** 1-based line of the first code line (the line after the opening fence). */
  readonly line: number;
  readonly code: string;
  readonly fragment: boolean;
}

/** A compile error, located in the markdown. */
export interface SnippetError {
  readonly file: string;
  readonly line: number;
  /** 1-based line of the block's first code line. */
  readonly blockLine: number;
  readonly message: string;
}

/** Every ```ts / ```typescript block of a markdown text; indented fences (in lists) are dedented. */
export function extractSnippets(file: string, markdown: string): Snippet[] {
  const lines = markdown.split('\n');
  const out: Snippet[] = [];
  let inOther = false;
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```\s*(ts|typescript)\s*$/.exec(lines[i]);
    if (!open) {
      // Skip the body of other fences, so a ```ts inside a ```md block is not taken for a block.
      if (/^\s*```/.test(lines[i])) inOther = !inOther;
      continue;
    }
    if (inOther) continue;
    const indent = open[1].length;
    let j = i + 1;
    while (j < lines.length && !/^\s*```\s*$/.test(lines[j])) j++;
    let k = i - 1;
    while (k >= 0 && lines[k].trim() === '') k--;
    out.push({
      file,
      line: i + 2,
      code: lines.slice(i + 1, j).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join('\n'),
      fragment: k >= 0 && lines[k].trim() === FRAGMENT_MARKER,
    });
    i = j;
  }
  return out;
}

/** Names a module exports, read with the compiler. */
interface ExportLists {
  readonly library: string[];
  readonly cdktf: string[];
  readonly constructs: string[];
}

/** A virtual module: its text and, per line, the markdown line it came from (0 = scaffold). */
interface VirtualFile {
  readonly snippet: Snippet;
  readonly text: string;
  readonly origin: number[];
}

const PLACEHOLDERS: [string, string][] = [
  ['app', '__cdktf.App'],
  ['stack', '__cdktf.TerraformStack'],
  ['scope', '__constructs.Construct'],
  ['rg', '__ResourceGroup'],
  ['network', '__lib.PrivateNetwork'],
  ['dnsZones', '__lib.PrivateDnsZones'],
  ['monitoring', '__lib.Monitoring'],
  ['account', '__lib.AiAccount'],
  ['vault', '__lib.PrivateKeyVault'],
  ['appIdentity', '__lib.IPrincipal'],
  ['password', 'string'],
];

/** The module a fragment compiles as. Complete programs compile as written (plus `export {}`). */
function scaffold(snippet: Snippet, exports: ExportLists): VirtualFile {
  const codeLines = snippet.code.split('\n');
  const lines: string[] = [];
  const origin: number[] = [];
  const add = (text: string, mdLine = 0) => {
    lines.push(text);
    origin.push(mdLine);
  };
  if (!snippet.fragment) {
    codeLines.forEach((l, i) => add(l, snippet.line + i));
    add('export {};');
    return { snippet, text: lines.join('\n'), origin };
  }

  // Hoist the fragment's own imports (whole statements, even multi-line) and note their names.
  const parsed = ts.createSourceFile('fragment.ts', snippet.code, ts.ScriptTarget.ES2022, true);
  const hoisted = new Set<number>();
  const own = new Set<string>();
  for (const st of parsed.statements) {
    if (!ts.isImportDeclaration(st) && !ts.isImportEqualsDeclaration(st)) continue;
    const from = parsed.getLineAndCharacterOfPosition(st.getStart(parsed)).line;
    const to = parsed.getLineAndCharacterOfPosition(st.getEnd()).line;
    for (let l = from; l <= to; l++) hoisted.add(l);
    if (ts.isImportEqualsDeclaration(st)) {
      own.add(st.name.text);
      continue;
    }
    const clause = st.importClause;
    if (clause?.name) own.add(clause.name.text);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) own.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) bindings.elements.forEach((e) => own.add(e.name.text));
  }

  // First module wins on a name clash; names the fragment imports itself are never auto-imported.
  const taken = new Set(own);
  const pick = (names: string[]): string[] => {
    const fresh = names.filter((n) => !taken.has(n));
    fresh.forEach((n) => taken.add(n));
    return fresh;
  };
  const auto: [string, string[]][] = [
    ['cdktf-private-chat', pick(exports.library)],
    ['cdktf', pick(exports.cdktf)],
    ['constructs', pick(exports.constructs)],
  ];
  for (const [mod, names] of auto) if (names.length > 0) add(`import { ${names.join(', ')} } from '${mod}';`);
  add("import type * as __lib from 'cdktf-private-chat';");
  add("import * as __cdktf from 'cdktf';");
  add("import type * as __constructs from 'constructs';");
  add("import type { ResourceGroup as __ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';");
  codeLines.forEach((l, i) => hoisted.has(i) && add(l, snippet.line + i));
  for (const [name, type] of PLACEHOLDERS) add(`declare const ${name}: ${type};`);
  add('export class __Snippet extends __cdktf.TerraformStack {');
  add('  constructor() {');
  add("    super(app, 'snippet');");
  add('    {'); // a block of its own, so the fragment may redeclare `app`, `stack`...
  codeLines.forEach((l, i) => !hoisted.has(i) && add(l, snippet.line + i));
  add('    }');
  add('  }');
  add('}');
  return { snippet, text: lines.join('\n'), origin };
}

/** Compiler options: the tests' own (strict), minus the unused-name checks that fragments trip. */
function compilerOptions(root: string): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, 'test', 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('cannot read test/tsconfig.json');
  return {
    ...parsed.options,
    noEmit: true,
    noUnusedLocals: false,
    noUnusedParameters: false,
    isolatedModules: false,
    baseUrl: root,
    paths: { 'cdktf-private-chat': [join(root, 'src', 'index.ts')] },
    types: ['node'],
  };
}

/** A compiler host that serves the virtual modules from memory and everything else from disk. */
function host(options: ts.CompilerOptions, files: Map<string, string>): ts.CompilerHost {
  const base = ts.createCompilerHost(options, true);
  return {
    ...base,
    fileExists: (f) => files.has(f) || base.fileExists(f),
    readFile: (f) => files.get(f) ?? base.readFile(f),
    getSourceFile: (f, lang, onError, create) => {
      const text = files.get(f);
      if (text !== undefined) return ts.createSourceFile(f, text, lang, true);
      return base.getSourceFile(f, lang, onError, create);
    },
  };
}

/**
 * Type-checks all `snippets` in one program and returns their errors, located in the markdown.
 *
 * @param root repository root (holds src/ and test/tsconfig.json)
 */
export function checkSnippets(root: string, snippets: Snippet[]): SnippetError[] {
  const options = compilerOptions(root);
  const dir = join(root, 'test', 'docs', '__snippets__');

  // Pass 1: read the export lists of the three modules a fragment sees.
  const probeFile = join(dir, '__exports.ts');
  const probe = new Map([[probeFile, "export * as a from 'cdktf-private-chat';\nexport * as b from 'cdktf';\nexport * as c from 'constructs';\n"]]);
  const first = ts.createProgram([probeFile], options, host(options, probe));
  const checker = first.getTypeChecker();
  const namesOf = (spec: string): string[] => {
    const sf = first.getSourceFile(probeFile)!;
    const decl = sf.statements
      .find((s) => ts.isExportDeclaration(s) && (s.moduleSpecifier as ts.StringLiteral).text === spec) as ts.ExportDeclaration;
    const sym = checker.getSymbolAtLocation(decl.moduleSpecifier!);
    if (!sym) throw new Error(`cannot resolve '${spec}' from ${relative(root, dir)}`);
    return checker.getExportsOfModule(sym).map((s) => s.name).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default').sort();
  };
  const exports: ExportLists = { library: namesOf('cdktf-private-chat'), cdktf: namesOf('cdktf'), constructs: namesOf('constructs') };

  // Pass 2: every snippet, one module each, in one program that reuses pass 1's parsed files.
  const virtual = new Map<string, VirtualFile>();
  snippets.forEach((s, i) => {
    const name = `${String(i).padStart(3, '0')}-${s.file.replace(/[^A-Za-z0-9]+/g, '_')}-L${s.line}.ts`;
    virtual.set(join(dir, name), scaffold(s, exports));
  });
  const texts = new Map([...virtual].map(([f, v]) => [f, v.text]));
  const program = ts.createProgram([...virtual.keys()], options, host(options, texts), first);

  const errors: SnippetError[] = [];
  for (const [fileName, v] of virtual) {
    const sf = program.getSourceFile(fileName)!;
    const diagnostics = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]
      .filter((d) => d.category === ts.DiagnosticCategory.Error);
    for (const d of diagnostics) {
      const virtualLine = d.start !== undefined ? sf.getLineAndCharacterOfPosition(d.start).line : 0;
      errors.push({
        file: v.snippet.file,
        line: v.origin[virtualLine] || v.snippet.line,
        blockLine: v.snippet.line,
        message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
      });
    }
  }
  return errors;
}

/** One line per error: `file:line: message (block at line n, fragment|program)`. */
export function formatErrors(errors: SnippetError[], snippets: Snippet[]): string {
  return errors.map((e) => {
    const s = snippets.find((x) => x.file === e.file && x.line === e.blockLine);
    return `${e.file}:${e.line}: ${e.message} (block starting at line ${e.blockLine}, compiled as a ${s?.fragment ? 'fragment' : 'complete program'})`;
  }).join('\n');
}
