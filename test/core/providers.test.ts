import { TimeProvider } from '@cdktf/provider-time/lib/provider';
import { Sleep } from '@cdktf/provider-time/lib/sleep';
import { Construct } from 'constructs';
import { ensureTimeProvider, waitAfter } from '../../src/core/private/providers';
import { newStack, synth, synthJson } from '../util';

describe('provider singletons', () => {
  test('adds the time provider once, however often it is asked for', () => {
    const stack = newStack();
    ensureTimeProvider(new Construct(stack, 'A'));
    ensureTimeProvider(new Construct(stack, 'B'));
    expect(Object.keys(synthJson(stack).provider!)).toEqual(['azurerm', 'time']);
    expect((synthJson(stack).provider as any).time).toHaveLength(1);
  });

  test('does not add a time provider when the stack declares its own', () => {
    const stack = newStack();
    new TimeProvider(stack, 'mine', {});
    ensureTimeProvider(new Construct(stack, 'A'));
    expect(stack.node.children.filter((c) => c instanceof TimeProvider)).toHaveLength(1);
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
