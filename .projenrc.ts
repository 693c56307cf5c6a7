import { cdk, DependencyType, javascript, release } from 'projen';

// Versions the library is built and tested against. They are peer dependencies so that the
// user's stack owns exactly one copy of cdktf and of each provider package.
const CDKTF = '0.21.0';
const AZURERM = '14.23.1';
const AZUREAD = '14.3.1';
const TIME = '11.0.1';
const CONSTRUCTS = '10.4.2';
// Optional: only src/databricks needs it (databricks provider 1.99.0); nothing the five-line stack
// loads imports it, so users who do not serve models from Databricks need not install it.
const DATABRICKS = '15.16.1';

// The release steps of scripts/release.ts. They run before the build (bump), so not compiled.
const RELEASE_SCRIPT = 'node -r ts-node/register/transpile-only scripts/release.ts';

const project = new cdk.JsiiProject({
  name: 'cdktf-private-chat',
  description:
    'CDK for Terraform constructs for a network-isolated ChatGPT equivalent on Azure: Azure OpenAI, private endpoints, Key Vault, an Entra-protected chat app and Log Analytics.',
  author: 'Private Chat Engineers',
  authorAddress: 'eng@example.com',
  repositoryUrl: 'https://github.com/example/cdktf-private-chat.git',
  defaultReleaseBranch: 'main',
  keywords: ['cdktf', 'terraform', 'azure', 'azure-openai', 'private-endpoint', 'chatgpt', 'constructs'],
  license: 'Apache-2.0',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',

  // TypeScript 7 breaks ts-jest; jsii 5.9 compiles with TypeScript 5.9.
  jsiiVersion: '~5.9.0',
  typescriptVersion: '~5.9.3',

  peerDeps: [
    `cdktf@^${CDKTF}`,
    `constructs@^${CONSTRUCTS}`,
    `@cdktf/provider-azurerm@^${AZURERM}`,
    `@cdktf/provider-azuread@^${AZUREAD}`,
    `@cdktf/provider-time@^${TIME}`,
    `@cdktf/provider-databricks@^${DATABRICKS}`,
  ],
  // The one runtime dependency: edit distance for "did you mean" suggestions (zero dependencies,
  // typed, maintained). jsii packages bundle their non-jsii runtime dependencies.
  bundledDeps: ['fastest-levenshtein@^1.0.16'],
  // Property-based tests (test/property/).
  devDeps: ['fast-check@^4', '@xmldom/xmldom@^0.9.8', '@swc/core@~1.16.22', '@swc/jest@^0.2.39'],
  // This repository is built and checked by .ci/run; no hosted workflows or bots.
  github: false,
  depsUpgrade: false,
  // Releases with projen's own tooling, run by hand (`npx projen release`, docs/operations.md
  // section 7): bump, build, unbump, then publish:git, which here stamps the hand-kept
  // CHANGELOG.md, snapshots the address lists, commits and tags (pushing is left to the
  // maintainer). The version comes from CHANGELOG.md, not from git tags: CI's clones may have no
  // tags, and the commits are not conventional commits (scripts/release.ts).
  release: true,
  releaseTrigger: release.ReleaseTrigger.manual({ changelog: false, gitPushCommand: '' }),
  nextVersionCommand: `${RELEASE_SCRIPT} next-version`,
  // commit-and-tag-version only writes the version into package.json: its commit-derived
  // changelog would be empty (no conventional commits); scripts/release.ts writes the entry.
  versionrcOptions: { skip: { commit: true, tag: true, changelog: true } },
  buildWorkflow: false,
  pullRequestTemplate: false,

  jestOptions: {
    // jest 30 resolves modules through unrs-resolver, whose platform bindings the registry here does
    // not all serve, so its lockfile fails `npm ci`; jest 29 has no such dependency.
    jestVersion: '^29',
    // CI must fail on snapshot drift instead of rewriting the snapshot (`jest --ci`).
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    // Coverage costs more than the tests themselves here (v8 coverage of every loaded provider
    // module: 93 s with it, 40 s without, on 2 cores). `npm test` runs without it;
    // `npx projen test:coverage` measures it.
    jestConfig: {
      collectCoverage: false,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // jest's default is cores - 1, a single in-band worker on the 2-core machines this runs on
      // (40 s); two workers take 25 s.
      maxWorkers: '100%',
      moduleNameMapper: { '^cdktf-private-chat$': '<rootDir>/src' },
      // TypeScript first: `npm run synth:examples` compiles examples/ and scripts/ next to their
      // sources, and with jest's default order (js first) the tests would then load that build,
      // stale as soon as a .ts file changes, instead of the source.
      moduleFileExtensions: ['ts', 'tsx', 'js', 'json', 'node'],
      coverageReporters: ['text-summary', 'lcov'],
      testTimeout: 60_000,
      setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
    },
  },
  // No inline source maps in lib/: jsii's default puts a base64 source map holding the whole
  // TypeScript source at the end of every lib/*.js, 2.8 MB of the 4 MB that loading the package
  // reads and scans at every synth (15-20 ms of the five lines' 0.15 s above the floor; see
  // docs/benchmarks.md). Node reads source maps only with --enable-source-maps, and lib/*.js is
  // plain tsc output, readable as it is.
  tsconfig: { compilerOptions: { inlineSourceMap: false, inlineSources: false } },
  tsconfigDev: {
    compilerOptions: {
      // Examples and tests import the package by its published name, as users do.
      paths: { 'cdktf-private-chat': ['../src'] },
    },
    include: ['examples/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
  },
  // src/**/*.js: compile:examples builds scripts/gen-model-catalogue.ts, which imports a type module
  // from src/, and tsc emits that module next to its source (the library itself builds into lib/).
  gitignore: ['cdktf.out/', 'src/**/*.js', 'examples/**/*.js', 'examples/**/*.d.ts', 'bench/**/*.js', 'bench/**/*.d.ts', 'scripts/**/*.js', 'scripts/**/*.d.ts', '.bench/'],
  docgen: true,
  // Check-only: the test command (scripts/test.sh runs `npx projen eslint`) must change no file.
  // `npx projen eslint:fix` rewrites what eslint can fix.
  // `--cache` (in node_modules, never in git): only files changed since the last lint are linted
  // again; the build (synth:examples) lints first, so the test command's lint is the quick part.
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'scripts', 'bench', 'projenrc', '.projenrc.ts'],
    commandOptions: { fix: false, extraArgs: ['--cache', '--cache-location', 'node_modules/.cache/cdktf-private-chat/eslint/'] },
  },
});

// eslint-import-resolver-typescript 4 pulls unrs-resolver, whose platform bindings are not all
// served by the registry these machines reach; a lockfile without them fails `npm ci`.
// Added after the ESLint component, which declares the package without a version.
project.deps.removeDependency('eslint-import-resolver-typescript');
// The databricks provider package is an optional peer: npm then neither installs it for users nor
// warns when it is missing (only the src/databricks constructs load it).
project.package.addField('peerDependenciesMeta', { '@cdktf/provider-databricks': { optional: true } });
project.deps.addDependency('eslint-import-resolver-typescript@~3.6.3', DependencyType.BUILD);
// ts-jest requires jest-util from the top level (a peer dependency npm does not hoist for jest 29).
project.deps.addDependency('jest-util@^29', DependencyType.BUILD);

// Examples, scripts and benchmarks import the package by name; before a build (a fresh clone)
// only test/tsconfig.json's paths mapping resolves it, to src/.
project.tryFindObjectFile('.eslintrc.json')?.addOverride(
  'settings.import/resolver.typescript.project', ['./tsconfig.json', './test/tsconfig.json'],
);

// Type-aware linting builds a TypeScript program for every file it checks, which took 12 of
// eslint's 18 s on 2 cores (and, for src alone, 8 of its 14 s of CPU). Its two type-aware rules,
// no-floating-promises and return-await, guard async code, and no file here has any: construct
// code is synchronous by design, and test/architecture/no-async.test.ts fails when src gains an
// async function, an await or a Promise. So every file is linted without them and without a
// program; `tsc --noEmit` (scripts/test.sh) still type-checks everything.
project.eslint?.addOverride({
  files: ['src/**/*.ts', 'test/**/*.ts', 'examples/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
  rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/return-await': 'off' },
});
// EslintOverride has no parserOptions field; set it on the generated override by index.
const overrides = project.eslint?.overrides ?? [];
project.tryFindObjectFile('.eslintrc.json')?.addOverride(`overrides.${overrides.length - 1}.parserOptions`, { projectService: false });

// The test task: the type-check (ts-jest only transpiles, with isolatedModules, so type errors in
// tests and examples are caught there), jest and eslint side by side (scripts/test.sh): tsc and
// eslint are single-threaded, so run one after the other they left a core idle. Arguments still
// go to jest (`npm test -- -u`).
project.testTask.reset();
project.testTask.exec('bash scripts/test.sh', { receiveArgs: true });

// eslint with --fix, on demand (the `eslint` task above is check-only).
project.addTask('eslint:fix', {
  description: 'Runs eslint and rewrites the files it can fix',
  env: { ESLINT_USE_FLAT_CONFIG: 'false', NODE_NO_WARNINGS: '1' },
  exec: `eslint --ext .ts,.tsx --fix --no-error-on-unmatched-pattern ${project.eslint?.lintPatterns.join(' ')}`,
  receiveArgs: true,
});

// Releases (docs/operations.md section 7). bump: after projen has written the version into
// package.json, the changelog entry of that version goes to dist/changelog.md (the release
// artifact next to dist/version.txt). publish:git, after the build and the anti-tamper check:
// stamp CHANGELOG.md's Unreleased section with the version and the released commit's date,
// snapshot the address lists for test/release/changelog.test.ts, commit, then projen tags.
project.tasks.tryFind('bump')?.exec(`${RELEASE_SCRIPT} changelog-entry`);
const publishGit = project.tasks.tryFind('publish:git');
publishGit?.prependExec('git commit -m "chore(release): $(cat dist/version.txt)"');
publishGit?.prependExec('git add CHANGELOG.md docs/addresses/releases');
publishGit?.prependExec(`${RELEASE_SCRIPT} stamp`);

// Tests are transpiled by SWC instead of ts-jest: with isolatedModules ts-jest only transpiles
// anyway (type errors are tsc's job in scripts/test.sh), and SWC does that in native code, which
// matters most on the first run after install, when jest's cache is empty. Class names are kept:
// the library's messages name the construct's class (`PrivateChat 'chat': …`).
project.tryFindObjectFile('package.json')?.addOverride('jest.transform', {
  '^.+\\.[t]sx?$': ['@swc/jest', {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022', keepClassNames: true },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  }],
});

// Coverage on demand (it more than doubles the suite's time; see jestOptions.coverage above).
project.addTask('test:coverage', {
  description: 'Run the jest suite with coverage (slow: v8 coverage of every loaded module)',
  exec: 'jest --coverage --collectCoverageFrom=src/**/*.ts',
  receiveArgs: true,
});

// Examples, scripts and benchmarks import the package by its published name, exactly as users
// write it; Node resolves that name to this package through `exports` (package self-reference).
project.package.addField('exports', {
  '.': { types: './lib/index.d.ts', default: './lib/index.js' },
  './package.json': './package.json',
  './.jsii': './.jsii',
});

// jsii prints a banner on Node 20; the machines this builds on run Node 20 on purpose (minNodeVersion).
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');

// Examples, the summary script and the benchmarks are plain TypeScript compiled next to their sources,
// so that they run with plain `node` (no ts-node on the fast path).
const compileExamples = project.addTask('compile:examples', {
  description: 'Compile examples/, scripts/ and bench/ against the built library',
  exec: 'tsc -p tsconfig.examples.json',
});

// Every build compiles the examples too, so `cdktf synth` (whose cdktf.json runs `node main.js`)
// works in an example's folder after `npx projen build` as well as after `npm run synth:examples`.
project.postCompileTask.spawn(compileExamples);

const synthExamples = project.addTask('synth:examples', {
  description: 'Main job: build the library, then synthesize every app under examples/ and print a summary per stack',
});
synthExamples.spawn(project.compileTask);
synthExamples.spawn(project.postCompileTask);
synthExamples.exec('node scripts/synth-examples.js', { receiveArgs: true });

// The type-check of tests, examples, scripts and benchmarks against src (ts-jest is gone and SWC
// only transpiles, so type errors in tests are caught here). Incremental, with its build info in
// node_modules/.cache: a run re-checks only what changed since the last one. The build runs it
// (and the lint) after synthesizing, so `npm test` after the README's first command re-checks
// nothing unchanged; run alone on a fresh clone it checks everything.
const typecheck = project.addTask('typecheck', {
  description: 'Type-check tests, examples, scripts and benchmarks against src (incremental)',
  exec: 'tsc --noEmit -p test/tsconfig.json --incremental --tsBuildInfoFile node_modules/.cache/cdktf-private-chat/tsc-test.tsbuildinfo',
});
synthExamples.spawn(typecheck);
synthExamples.spawn(project.eslint!.eslintTask);

// Benchmarks (docs/benchmarks.md): builds what it measures, then times synthesis against an empty
// app and a root-import stack, scale to 50 instances and the test suite, and rewrites the doc.
const bench = project.addTask('bench', {
  description: 'Build, then benchmark synth time and memory (floor, naive, examples, scale) and the test suite; writes docs/benchmarks.md',
});
bench.spawn(project.compileTask);
bench.spawn(compileExamples);
bench.exec('node bench/run.js', { receiveArgs: true });

// docs/ ships with the package: the README, the error catalogue and the compliance rules link
// there, and users read them next to the code they installed.
// The construct READMEs (src/<area>/README.md) and the examples' sources ship too, so that every
// relative link in the shipped Markdown resolves inside the package (test/release/package.test.ts
// holds the exact file list). Nothing else from src/ or examples/ ships: lib/ is the code.
project.npmignore?.removePatterns('/src/');
project.npmignore?.exclude(
  '/src/**', '/examples/**', '/bench/', '/scripts/', '/.ci/', '/.bench/', '/tsconfig.examples.json',
  '/docs/addresses/releases/', '/cdktf.out/', '/test-reports/',
);
project.npmignore?.include('/src/*/README.md', '/examples/*/README.md', '/examples/*/main.ts', '/examples/*/cdktf.json');

project.synth();
