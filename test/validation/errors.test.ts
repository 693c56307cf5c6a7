// Runs every rule of the catalogue and checks docs/errors.md against the messages it produces.
// Regenerate the doc deliberately with `UPDATE_ERRORS_DOC=1 npx jest test/validation`.
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { asConstruct, CATALOGUE, CatalogueEntry } from './catalogue';
import { CatalogueResult, errorsMarkdown, shortenPaths, UPDATE_COMMAND, UPDATE_ENV } from './errors-doc';
import { warningsOf } from '../util';

/** `Kind 'path': ... 'prop' ... got <value>`, the form of shared/STYLE.md. */
const ERROR_FORM = /^([A-Z][A-Za-z]+(?:\.from[A-Za-z]+)?) '(test(\/[^']+)?)': .*, got .+$/s;
/** Warnings state the value in the sentence (`is 30`), so they need no `got`. */
const WARNING_FORM = /^([A-Z][A-Za-z]+) '(test(\/[^']+)?)': .+$/s;
/** Static factories and plain classes have no construct: `Class.method: 'prop' ..., got <value>` or `Class: ...`. */
const FACTORY_FORM = /^[A-Z][A-Za-z]+(\.[a-z][A-Za-z]*)?: '[^']+' .*, got .+$/s;

function thrownBy(entry: CatalogueEntry): string {
  try {
    entry.build();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${entry.construct} '${entry.prop}' (${entry.description}): expected an error, nothing was thrown`);
}

function warningBy(entry: CatalogueEntry): string {
  const scope = asConstruct(entry.build());
  const found = warningsOf(TerraformStack.of(scope)).filter((w) => entry.expected.test(w));
  if (found.length !== 1) {
    throw new Error(`${entry.construct} '${entry.prop}' (${entry.description}): expected one warning matching ${entry.expected}, got ${JSON.stringify(warningsOf(TerraformStack.of(scope)))}`);
  }
  return found[0];
}

/** Each entry is built once for its message, whichever test asks first (building stacks is the slow part). */
const MESSAGES = new Map<CatalogueEntry, string>();
function messageOf(entry: CatalogueEntry): string {
  let message = MESSAGES.get(entry);
  if (message === undefined) {
    message = entry.warning ? warningBy(entry) : thrownBy(entry);
    MESSAGES.set(entry, message);
  }
  return message;
}

const label = (e: CatalogueEntry) => `${e.construct} '${e.prop}': ${e.description}`;
const errors = CATALOGUE.filter((e) => !e.warning);
const warnings = CATALOGUE.filter((e) => e.warning);

describe('every validation error', () => {
  test.each(errors.map((e) => [label(e), e] as const))('fails when %s', (_, entry) => {
    const message = messageOf(entry);
    expect(message).toMatch(entry.expected);
    if (entry.factory) {
      expect(message).toMatch(FACTORY_FORM);
    } else {
      expect(message).toMatch(ERROR_FORM);
      // The kind is the construct the user wrote, or the factory they called (`PrivateNetwork.fromAttributes`).
      const kind = ERROR_FORM.exec(message)![1];
      expect(kind).toMatch(/^[A-Z][A-Za-z]+(\.from[A-Za-z]+)?$/);
      expect(kind).not.toMatch(/^(Imported|Hub)/);
    }
    expect(message).toContain(`'${entry.prop}'`);
  });
});

describe('every validation warning', () => {
  test.each(warnings.map((e) => [label(e), e] as const))('warns when %s', (_, entry) => {
    const message = warningBy(entry);
    expect(message).toMatch(WARNING_FORM);
    expect(message).toContain(`'${entry.prop}'`);
    // A warning never stops the synth.
    expect(() => entry.build()).not.toThrow();
  });

  const silenceable = warnings.filter((e) => e.silenced);
  test.each(silenceable.map((e) => [label(e), e] as const))('the silencer removes the warning when %s', (_, entry) => {
    const scope = entry.silenced!();
    expect(warningsOf(TerraformStack.of(scope)).filter((w) => entry.expected.test(w))).toEqual([]);
  });
});

describe('every valid twin', () => {
  // The same call as the bad input with the one bad value corrected: it synthesizes, so no entry
  // passes by rejecting everything (and no warning entry passes by warning about everything).
  test.each(CATALOGUE.filter((e) => e.valid).map((e) => [label(e), e] as const))('accepts the corrected input for %s', (_, entry) => {
    const made = entry.valid!();
    if (made && typeof made === 'object' && 'node' in made) {
      const stack = TerraformStack.of(made as IConstruct);
      expect(() => Testing.synth(stack, true)).not.toThrow();
      expect(warningsOf(stack).filter((w) => entry.expected.test(w))).toEqual([]);
    }
  });

  test('every entry has one', () => {
    const missing = CATALOGUE.filter((e) => !e.valid).map(label);
    expect(missing).toEqual([]);
  });
});

describe('the catalogue', () => {
  // Built once for the checks below, independently of the tests above (which may be filtered).
  let results: CatalogueResult[];
  beforeAll(() => {
    results = CATALOGUE.map((entry) => ({ entry, message: messageOf(entry) }));
  });

  test('lists each rule once', () => {
    const keys = CATALOGUE.map((e) => `${e.construct}|${e.prop}|${e.description}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('gives every rule a fix', () => {
    for (const entry of CATALOGUE) expect(entry.fix.length).toBeGreaterThan(5);
  });

  test('produces deterministic messages (no token markers, no absolute paths)', () => {
    for (const { message } of results) {
      expect(message).not.toMatch(/\$\{Token\[|TOKEN\.\d+|#\{/);
      expect(shortenPaths(message)).not.toMatch(/'test\//);
    }
  });

  test(`docs/errors.md holds the tables generated from the catalogue (run ${UPDATE_COMMAND} to regenerate)`, () => {
    const generated = errorsMarkdown(results);
    const file = path.join(__dirname, '../../docs/errors.md');
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (process.env[UPDATE_ENV] === '1' && current !== generated) {
      fs.writeFileSync(file, generated);
      return;
    }
    if (current !== generated) {
      throw new Error(`docs/errors.md is out of date with test/validation/catalogue.ts. Run ${UPDATE_COMMAND} and commit the result.`);
    }
  });
});
