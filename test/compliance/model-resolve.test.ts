// The rule pack reads each resource through resolveLikeCdktf, a faster walk over the plain data
// around the tokens. Its result must be exactly what cdktf's own resolver returns, or a rule
// would judge something other than what Terraform receives.
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import {
  DefaultTokenResolver, Fn, Lazy, ResolveOptions, StringConcat, TerraformElement, TerraformIterator, TerraformLocal, TerraformOutput,
  TerraformStack, TerraformVariable, Testing, Token, Tokenization,
} from 'cdktf';
import { exampleNames, instantiateExample } from '../../scripts/addresses';
import { resolveLikeCdktf } from '../../src/compliance/private/model';

const examplesDir = join(resolve(__dirname, '..', '..'), 'examples');

function optionsFor(stack: TerraformStack): ResolveOptions {
  return { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) };
}

function both(stack: TerraformStack, value: unknown): { cdktf: unknown; fast: unknown } {
  return { cdktf: Tokenization.resolve(value, optionsFor(stack)), fast: resolveLikeCdktf(value, optionsFor(stack)) };
}

function elementsOf(stack: TerraformStack): TerraformElement[] {
  return stack.node.findAll().filter((c): c is TerraformElement => c instanceof TerraformElement);
}

describe('resolveLikeCdktf returns what Tokenization.resolve returns', () => {
  test.each(exampleNames(examplesDir))('for every element of examples/%s', (example) => {
    const main = join(examplesDir, example, 'main.ts');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const stacks = instantiateExample(Testing.app(), example, require(main) as Record<string, unknown>, readFileSync(main, 'utf8'));
    let compared = 0;
    for (const stack of stacks) {
      for (const element of elementsOf(stack)) {
        const { cdktf, fast } = both(stack, element.toTerraform());
        expect({ path: element.node.path, value: fast }).toStrictEqual({ path: element.node.path, value: cdktf });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  // One stack with each kind of token the resolver distinguishes, in plain data, in arrays and as keys.
  function tokenStack() {
    const stack = new TerraformStack(Testing.app(), 'tokens');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const account = new StorageAccount(stack, 'account', {
      name: 'st', resourceGroupName: 'rg', location: 'swedencentral', accountTier: 'Standard', accountReplicationType: 'LRS',
    });
    const variable = new TerraformVariable(stack, 'names', { type: 'list(string)' });
    const local = new TerraformLocal(stack, 'sizes', [1, 2]);
    const iterator = TerraformIterator.fromList(variable.listValue);
    return { stack, account, variable, local, iterator };
  }

  const cases: Array<[string, (t: ReturnType<typeof tokenStack>) => unknown]> = [
    ['a string reference', (t) => ({ id: t.account.id })],
    ['a reference inside a longer string', (t) => ({ url: `https://${t.account.name}.blob.core.windows.net/${t.account.id}` })],
    ['a number token', (t) => ({ n: t.account.getNumberAttribute('x'), inString: `size ${t.account.getNumberAttribute('x')}` })],
    ['a string list token, alone and as an array', (t) => ({ list: t.variable.listValue, spread: [...t.account.getListAttribute('ips')], refs: [t.account.id, t.account.name] })],
    ['a number list token in an array', (t) => ({ nums: t.account.getNumberListAttribute('ports') })],
    ['a map token', (t) => ({ tags: t.account.getStringMapAttribute('tags'), any: Token.asAnyMap(t.account.getAnyMapAttribute('m')) })],
    ['a token as a key', (t) => ({ [t.account.name]: 'v', plain: { [`k-${t.account.id}`]: 1 } })],
    ['lazy values that return tokens and plain data', (t) => ({
      s: Lazy.stringValue({ produce: () => t.account.id }),
      a: Lazy.anyValue({ produce: () => ({ nested: [t.account.name, undefined, { deep: t.account.id }] }) }),
      n: Lazy.numberValue({ produce: () => 3 }),
    })],
    ['functions and an iterator', (t) => ({
      joined: Fn.join(',', [t.account.id, 'x']),
      lookup: Fn.lookup(t.account.getStringMapAttribute('tags'), 'k', 'd'),
      each: t.iterator.value,
      dynamic: t.iterator.dynamic({ name: t.iterator.value }),
      local: t.local.expression,
    })],
    ['plain data that only looks like tokens', () => ({
      expression: '${var.x}',
      escaped: '$${literal}',
      exponent: '1e5',
      sku: 'Standard_D2e3',
      empty: {},
      list: [],
      nothing: undefined,
      nested: [[1, undefined, null], { a: undefined, b: false, c: 0 }],
    })],
  ];

  test.each(cases)('for %s', (_, make) => {
    const t = tokenStack();
    const value = make(t);
    const { cdktf, fast } = both(t.stack, value);
    expect(fast).toStrictEqual(cdktf);
    // The values really held tokens (or none, for the plain-data case): nothing is left encoded.
    expect(JSON.stringify(fast)).not.toMatch(/TfToken\[/);
  });

  const invalid: Array<[string, (t: ReturnType<typeof tokenStack>) => unknown]> = [
    ['a list token used as a string', (t) => ({ bad: t.account.getListAttribute('ips')[0] })],
    ['a list token mixed with other elements', (t) => ({ bad: [t.account.id, ...t.account.getListAttribute('ips')] })],
    ['the map token placeholder as a string', () => ({ bad: Token.STRING_MAP_TOKEN_VALUE })],
    ['the map token placeholder as a number', () => ({ bad: Token.NUMBER_MAP_TOKEN_VALUE })],
    ['a function', () => ({ bad: () => 1 })],
  ];

  test.each(invalid)('throws cdktf\'s own error for %s', (_, make) => {
    const t = tokenStack();
    const value = make(t);
    let expected = '';
    try {
      Tokenization.resolve(value, optionsFor(t.stack));
    } catch (e) {
      expected = (e as Error).message;
    }
    expect(expected).not.toBe('');
    // The message is cdktf's; only the path it names ('/bad') may be shorter, since the value is
    // handed over on its own (the rule pack records such a resource as unresolvable either way).
    const withoutPath = (m: string) => m.replace(/'\/[^']*'/g, "'<path>'");
    let actual = '';
    try {
      resolveLikeCdktf(value, optionsFor(t.stack));
    } catch (e) {
      actual = (e as Error).message;
    }
    expect(withoutPath(actual)).toBe(withoutPath(expected));
  });

  test('fails when a value is not resolved: plain data comes back equal, not the same object', () => {
    const t = tokenStack();
    const plain = { a: { b: [1, 'x'] } };
    const out = resolveLikeCdktf(plain, optionsFor(t.stack));
    expect(out).toEqual(plain);
    expect(out).not.toBe(plain);
    expect(out.a).not.toBe(plain.a);
  });

  test('an output and a data source resolve alike too', () => {
    const t = tokenStack();
    const output = new TerraformOutput(t.stack, 'out', { value: { id: t.account.id, n: t.account.getNumberAttribute('x') } });
    const { cdktf, fast } = both(t.stack, output.toTerraform());
    expect(fast).toStrictEqual(cdktf);
  });
});
