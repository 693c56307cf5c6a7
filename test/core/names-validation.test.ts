import { Construct } from 'constructs';
import { AzureNameRule, AzureNameRuleOptions, Names } from '../../src/core';
import { newStack } from '../util';

const valid: AzureNameRuleOptions = { resourceType: 'widget', minLength: 2, maxLength: 20, pattern: '^[a-z0-9-]+$', description: 'lowercase letters, digits and hyphens' };
const rule = (o: Record<string, unknown>) => new AzureNameRule({ ...valid, ...o } as AzureNameRuleOptions);

describe('AzureNameRule: its own contract', () => {
  test.each([
    ['minLength exceeds maxLength', { minLength: 10, maxLength: 5 }, /^AzureNameRule: 'minLength' must not exceed 'maxLength' \(5\), got 10$/],
    ['minLength is negative', { minLength: -1 }, /^AzureNameRule: 'minLength' must be an integer between 1 and 1024, got -1$/],
    ['maxLength is zero', { maxLength: 0, minLength: 1 }, /^AzureNameRule: 'maxLength' must be an integer between 1 and 1024, got 0$/],
    ['maxLength is not an integer', { maxLength: 2.5 }, /^AzureNameRule: 'maxLength' must be an integer, got 2.5$/],
    ['minLength is a string', { minLength: '2' }, /^AzureNameRule: 'minLength' must be an integer, got '2'$/],
    ['the pattern is not a regular expression', { pattern: '^[a-z' }, /^AzureNameRule: 'pattern' must be a valid JavaScript regular expression \(.*\), got '\^\[a-z'$/],
    ['the pattern needs the unicode flag', { pattern: '^\\p{L}+$', unicode: true, description: 'x' }, null],
    ['a Unicode pattern without the flag is not one', { pattern: '^[\\p{L}-\\d]+$', unicode: true }, /'pattern' must be a valid JavaScript regular expression/],
    ['the resource type is blank', { resourceType: ' ' }, /^AzureNameRule: 'resourceType' must not be empty, got ' '$/],
    ['an option is misspelt', { maxLenght: 5 }, /^AzureNameRule: 'maxLenght' is not a known prop/],
    ['lowercase is a string', { lowercase: 'yes' }, /^AzureNameRule: 'lowercase' must be true or false/],
  ])('fails when %s', (_n, options, expected) => {
    if (expected) expect(() => rule(options)).toThrow(expected);
    else expect(() => rule(options)).not.toThrow();
  });

  test('fails with a named error when options are missing', () => {
    expect(() => new AzureNameRule(undefined as any)).toThrow(/^AzureNameRule: 'resourceType' is required/);
  });

  test('reports a non-string name instead of testing its text', () => {
    expect(AzureNameRule.KEY_VAULT.check(42 as any)).toMatch(/must be a string/);
    expect(() => AzureNameRule.KEY_VAULT.validate(new Construct(newStack(), 'T'), 'name', 42 as any)).toThrow(/'name' must be a string .*, got 42/);
  });
});

describe('AzureNameRule.RESOURCE_GROUP: Azure allows Unicode letters and digits', () => {
  test.each(['rg-données', 'rg-日本語', 'Ресурсы', 'rg-٣', 'rg_(prod).1', 'rg-ñ', 'a'])('accepts %s', (name) => {
    expect(AzureNameRule.RESOURCE_GROUP.check(name)).toBeUndefined();
  });

  test('counts characters, not UTF-16 units, against the 90-character limit', () => {
    expect(AzureNameRule.RESOURCE_GROUP.check('𠀀'.repeat(90))).toBeUndefined();
    expect(AzureNameRule.RESOURCE_GROUP.check('𠀀'.repeat(91))).toMatch(/\(got 91\)/);
  });

  test.each([
    ['ending in a period', 'rg-données.'],
    ['a space', 'rg données'],
    ['a slash', 'rg/x'],
    ['an emoji (a symbol, not a letter)', 'rg-🙂'],
    ['91 characters', 'r'.repeat(91)],
  ])('refuses %s', (_n, name) => {
    expect(AzureNameRule.RESOURCE_GROUP.check(name)).toBeDefined();
  });
});

describe('Names: its own contract', () => {
  const scope = () => new Construct(newStack(), 'Thing');

  test.each([
    ['zero', 0, /^Names.hashOf: 'length' must be an integer between 1 and 64, got 0$/],
    ['negative', -3, /^Names.hashOf: 'length' must be an integer between 1 and 64, got -3$/],
    ['not an integer', 4.5, /^Names.hashOf: 'length' must be an integer, got 4.5$/],
    ['longer than the hash', 65, /^Names.hashOf: 'length' must be an integer between 1 and 64, got 65$/],
    ['a string', '8', /^Names.hashOf: 'length' must be an integer, got '8'$/],
    ['null', null, /^Names.hashOf: 'length' must be an integer, got null$/],
  ])('hashOf fails when the length is %s', (_n, length, expected) => {
    expect(() => Names.hashOf(scope(), length as any)).toThrow(expected);
  });

  test('hashOf accepts 1 to 64 and defaults to 8', () => {
    expect(Names.hashOf(scope(), 1)).toHaveLength(1);
    expect(Names.hashOf(scope(), 64)).toHaveLength(64);
    expect(Names.hashOf(scope())).toHaveLength(8);
  });

  test('hashOf fails when the scope is not a construct', () => {
    expect(() => Names.hashOf('Thing' as any)).toThrow(/^Names.hashOf: 'scope' must be a construct, got 'Thing'$/);
  });

  test('local fails when the rule cannot hold the hash', () => {
    expect(() => Names.local(scope(), rule({ minLength: 1, maxLength: 6 }), 'w'))
      .toThrow(/^Names.local: 'rule' must allow names of at least 8 characters .*, got 'maxLength 6'$/);
  });

  test('globallyUnique fails when the rule cannot hold the hash', () => {
    expect(() => Names.globallyUnique(scope(), rule({ minLength: 1, maxLength: 9 }), 'w'))
      .toThrow(/^Names.globallyUnique: 'rule' must allow names of at least 10 characters/);
  });

  test('local fails when the derived name cannot meet the rule', () => {
    expect(() => Names.local(scope(), rule({ minLength: 19, maxLength: 20 }), 'w'))
      .toThrow(/^Names.local: 'rule' cannot be met by a derived name for test\/Thing: the name must be 19-20 characters long .*, got 'w-thing-[0-9a-f]{6}'$/);
  });

  test.each([
    ['the rule is a plain object', { ...valid }, 'w', /'rule' must be an AzureNameRule/],
    ['the prefix is a number', AzureNameRule.VIRTUAL_NETWORK, 5, /'prefix' must be a string, got 5/],
    ['the rule is missing', undefined, 'w', /'rule' is required/],
  ])('local fails when %s', (_n, r, prefix, expected) => {
    expect(() => Names.local(scope(), r as any, prefix as any)).toThrow(expected);
  });

  test('local leaves hyphens out for a rule that forbids them', () => {
    const noHyphens = rule({ pattern: '^[a-z0-9]+$', allowHyphens: false, lowercase: true });
    expect(Names.local(scope(), noHyphens, 'st')).toMatch(/^stthing[0-9a-f]{6}$/);
  });
});
