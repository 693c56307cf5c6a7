import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { ModelDeployment, Warnings } from '../../src';
import { warn } from '../../src/core/warnings';
import { newStack } from '../util';

const ACCOUNT_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai';
const unknownModel = (scope: Construct) =>
  new ModelDeployment(scope, 'Deployment', { cognitiveAccountId: ACCOUNT_ID, modelName: 'gpt-9', modelVersion: '2030-01-01' });

/** Runs `fn` as outside jest (where warnings are printed), capturing what reaches stderr. */
function stderrOutsideJest(fn: () => void): string {
  const worker = process.env.JEST_WORKER_ID;
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  delete process.env.JEST_WORKER_ID;
  try {
    fn();
    return spy.mock.calls.map((c) => String(c[0])).join('');
  } finally {
    process.env.JEST_WORKER_ID = worker;
    spy.mockRestore();
  }
}

const annotations = (scope: Construct) =>
  scope.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data)));

describe('Warnings', () => {
  test('each warning carries its id, and becomes a cdktf annotation at synth', () => {
    const stack = newStack();
    unknownModel(stack);
    expect(Warnings.of(stack)).toEqual([expect.objectContaining({ id: 'unknown-model', constructPath: 'test/Deployment', acknowledgedReason: undefined })]);
    expect(annotations(stack)).toEqual([]); // decided at synth, not at construction
    Testing.synth(stack);
    expect(annotations(stack)).toEqual([expect.stringMatching(/^ModelDeployment 'test\/Deployment': model 'gpt-9'.* \[unknown-model\]$/)]);
  });

  test('an acknowledgement silences it, made before or after the construct, on it or a parent', () => {
    const after = newStack();
    const deployment = unknownModel(after);
    Warnings.acknowledge(deployment, 'unknown-model', 'gpt-9 is in private preview for us');
    const before = newStack();
    Warnings.acknowledge(before, 'unknown-model', 'the whole stack tries preview models');
    unknownModel(before);
    for (const stack of [after, before]) {
      expect(Warnings.unacknowledged(stack)).toEqual([]);
      Testing.synth(stack);
      expect(annotations(stack)).toEqual([]);
    }
    expect(Warnings.of(after)[0].acknowledgedReason).toBe('gpt-9 is in private preview for us');
  });

  test('an acknowledgement of another id silences nothing', () => {
    const stack = newStack();
    Warnings.acknowledge(unknownModel(stack), 'auto-upgrade', 'we accept automatic upgrades here');
    expect(Warnings.unacknowledged(stack)).toHaveLength(1);
  });

  test('plain node (outside jest) prints unacknowledged warnings on stderr, once per synth target', () => {
    const stack = newStack();
    unknownModel(stack);
    const quietOne = new Construct(stack, 'Quiet');
    warn(quietOne, 'demo-warning', 'something odd');
    Warnings.acknowledge(quietOne, 'demo-warning', 'known and accepted here');
    const out = stderrOutsideJest(() => {
      Testing.synth(stack);
      Testing.synth(stack);
    });
    expect(out).toMatch(/^\[WARNING\] ModelDeployment 'test\/Deployment': model 'gpt-9'.*\[unknown-model\]\n$/);
  });

  test('CDKTF_PRIVATE_CHAT_QUIET=1 keeps stderr quiet', () => {
    const stack = newStack();
    unknownModel(stack);
    process.env.CDKTF_PRIVATE_CHAT_QUIET = '1';
    try {
      expect(stderrOutsideJest(() => Testing.synth(stack))).toBe('');
    } finally {
      delete process.env.CDKTF_PRIVATE_CHAT_QUIET;
    }
  });

  test.each([
    ['Unknown Id', 'a long enough reason', /Warnings.acknowledge: 'warningId' must be a warning id such as 'unknown-model'.*got "Unknown Id"/],
    ['unknown-model', 'short', /Warnings.acknowledge: 'reason' must explain why .* at least 10 characters, got "short"/],
    ['unknown-model', undefined, /'reason' must explain .*got undefined/],
  ])('acknowledge fails when the id is %j and the reason %j', (id, reason, expected) => {
    expect(() => Warnings.acknowledge(newStack(), id, reason as any)).toThrow(expected);
  });
});
