import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { TimeProvider } from '@cdktf/provider-time/lib/provider';
import { Sleep } from '@cdktf/provider-time/lib/sleep';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { PrivateChat } from '../../src';
import { ensureTimeProvider, waitAfter } from '../../src/core/private/providers';
import { newStack, synth, synthJson } from '../util';

/** The provider blocks of one type in the synthesized JSON (one entry per block). */
function blocks(stack: TerraformStack, type: string): any[] {
  const provider = (synthJson(stack).provider ?? {}) as Record<string, any[]>;
  return provider[type] ?? [];
}

describe('provider singletons', () => {
  test('adds the time provider once, however often it is asked for', () => {
    const stack = newStack();
    ensureTimeProvider(new Construct(stack, 'A'));
    ensureTimeProvider(new Construct(stack, 'B'));
    expect(Object.keys(synthJson(stack).provider!)).toEqual(['azurerm', 'time']);
    expect(blocks(stack, 'time')).toHaveLength(1);
  });

  test('does not add a time provider when the stack declares its own, before or after', () => {
    const before = newStack();
    new TimeProvider(before, 'mine', {});
    ensureTimeProvider(new Construct(before, 'A'));
    expect(blocks(before, 'time')).toHaveLength(1);
    expect(before.node.findAll().filter((c) => c instanceof TimeProvider)).toHaveLength(1);

    const after = newStack();
    ensureTimeProvider(new Construct(after, 'A'));
    new TimeProvider(after, 'time', {});
    expect(blocks(after, 'time')).toHaveLength(1);
  });

  test('adds its own provider next to an aliased one, which is not a default block', () => {
    const stack = newStack();
    new TimeProvider(stack, 'aliased', { alias: 'other' });
    ensureTimeProvider(new Construct(stack, 'A'));
    expect(blocks(stack, 'time')).toEqual(expect.arrayContaining([{ alias: 'other' }, {}]));
    expect(blocks(stack, 'time')).toHaveLength(2);
  });

  test('waitAfter creates a time_sleep depending on what it waits for', () => {
    const stack = newStack();
    const first = new Sleep(stack, 'First', { createDuration: '1s' });
    waitAfter(stack as unknown as Construct, 'Wait', [first], '30s');
    expect(synth(stack)).toHaveResourceWithProperties(Sleep, {
      create_duration: '30s',
      depends_on: ['time_sleep.First'],
    });
  });
});

describe('PrivateChat and a user-declared azuread provider', () => {
  const chat = (stack: TerraformStack) => new PrivateChat(stack, 'chat', { location: 'swedencentral' });

  test('adds one azuread provider when the user declares none', () => {
    const stack = newStack();
    chat(stack);
    expect(blocks(stack, 'azuread')).toEqual([{}]);
  });

  test.each([
    ['before', "'azuread'", 'azuread'],
    ['before', 'another id', 'entra'],
    ['after', "'azuread'", 'azuread'],
    ['after', 'another id', 'entra'],
  ])('keeps only the user\'s provider when it is declared %s PrivateChat with %s', (order, _, id) => {
    const stack = newStack();
    if (order === 'before') new AzureadProvider(stack, id, { tenantId: '11111111-2222-3333-4444-555555555555' });
    chat(stack);
    if (order === 'after') new AzureadProvider(stack, id, { tenantId: '11111111-2222-3333-4444-555555555555' });
    expect(blocks(stack, 'azuread')).toEqual([{ tenant_id: '11111111-2222-3333-4444-555555555555' }]);
  });

  test('synthesizing twice (a test, then the app) still leaves one provider', () => {
    const stack = newStack();
    chat(stack);
    synth(stack);
    expect(blocks(stack, 'azuread')).toHaveLength(1);
    expect(blocks(stack, 'time')).toHaveLength(1);
  });
});
