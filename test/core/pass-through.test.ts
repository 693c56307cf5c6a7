import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { inUsersWords } from '../../src/core/private/pass-through';
import { propError, ruleError } from '../../src/core/private/validate';

class Outer extends Construct {}
class Inner extends Construct {}

function outerAndInner() {
  const stack = new TerraformStack(new App(), 'test');
  const outer = new Outer(stack, 'chat');
  return { outer, inner: new Inner(outer, 'App'), stack };
}

describe('inUsersWords', () => {
  test('a prop error of an inner construct names the outer construct and the path the user wrote', () => {
    const { outer, inner } = outerAndInner();
    expect(() => inUsersWords(outer, { workerCount: 'scale.instances' }, () => {
      throw propError(inner, 'workerCount', 'must be between 1 and 30 for a P1v3 plan', 40);
    })).toThrow("Outer 'test/chat': 'scale.instances' must be between 1 and 30 for a P1v3 plan, got 40");
  });

  test('a mapped name that heads a longer path keeps its tail; every mapped name in a rule is rewritten', () => {
    const { outer, inner } = outerAndInner();
    expect(() => inUsersWords(outer, { autoscale: 'scale.autoscale', zoneBalancingEnabled: 'scale.zoneRedundant' }, () => {
      throw ruleError(inner, "'autoscale.minInstances' (1) must be at least 2 with 'zoneBalancingEnabled', got 1");
    })).toThrow("Outer 'test/chat': 'scale.autoscale.minInstances' (1) must be at least 2 with 'scale.zoneRedundant', got 1");
    expect(() => inUsersWords(outer, { backends: 'gateway.additionalBackends' }, () => {
      throw propError(inner, 'backends[1].account', 'must be an AI account', 'x');
    })).toThrow("Outer 'test/chat': 'gateway.additionalBackends[1].account' must be an AI account, got 'x'");
  });

  test('an error about a prop the user did not write keeps the inner owner and names', () => {
    const { outer, inner } = outerAndInner();
    expect(() => inUsersWords(outer, { workerCount: 'scale.instances' }, () => {
      throw propError(inner, 'vault', 'must be given', undefined);
    })).toThrow("Inner 'test/chat/App': 'vault' must be given, got undefined");
  });

  test('the value after "got" is the user\'s, never renamed, unless it is a prop followed by its value', () => {
    const { outer, inner } = outerAndInner();
    expect(() => inUsersWords(outer, { skuName: 'scale.skuName' }, () => {
      throw propError(inner, 'skuName', "must be one of 'P0v3', 'P1v3'", 'skuName');
    })).toThrow("Outer 'test/chat': 'scale.skuName' must be one of 'P0v3', 'P1v3', got 'skuName'");
    expect(() => inUsersWords(outer, { zoneBalancingEnabled: 'scale.zoneRedundant', workerCount: 'scale.instances' }, () => {
      throw ruleError(inner, "'zoneBalancingEnabled' needs at least 2 instances, got 'workerCount' 1");
    })).toThrow("Outer 'test/chat': 'scale.zoneRedundant' needs at least 2 instances, got 'scale.instances' 1");
  });

  test('errors of constructs outside the outer one, of static factories, and other errors pass unchanged', () => {
    const { outer, stack } = outerAndInner();
    const elsewhere = new Inner(stack, 'Other');
    const e1 = propError(elsewhere, 'workerCount', 'must be 1', 2);
    const e2 = propError('ChatFrontEnd.openWebUi', 'workerCount', 'must be 1', 2);
    const e3 = new TypeError('boom');
    for (const e of [e1, e2, e3]) {
      expect(() => inUsersWords(outer, { workerCount: 'scale.instances' }, () => { throw e; })).toThrow(e);
    }
  });

  test('returns what build returns', () => {
    const { outer } = outerAndInner();
    expect(inUsersWords(outer, {}, () => 42)).toBe(42);
  });
});

describe('inUsersWords with a function (mappings a table cannot say)', () => {
  test('shifts an index: the inner backends[1] is the user\'s additionalBackends[0]', () => {
    const { outer, inner } = outerAndInner();
    const words = (name: string, tail: string) => {
      const m = name === 'backends' ? /^\[(\d+)\](.*)$/.exec(tail) : null;
      return m && Number(m[1]) >= 1 ? `gateway.additionalBackends[${Number(m[1]) - 1}]${m[2]}` : undefined;
    };
    expect(() => inUsersWords(outer, words, () => { throw propError(inner, 'backends[1].node', 'must be an account', 'x'); }))
      .toThrow("Outer 'test/chat': 'gateway.additionalBackends[0].node' must be an account, got 'x'");
    // backends[0] is not the user's: left as it is.
    expect(() => inUsersWords(outer, words, () => { throw propError(inner, 'backends[0].node', 'must be an account', 'x'); }))
      .toThrow("Inner 'test/chat/App': 'backends[0].node' must be an account, got 'x'");
  });
});
