import { closest, nearest } from '../../src/core/private/suggest';

describe('closest and nearest', () => {
  test('suggest the nearest known name, ignoring case', () => {
    expect(closest('swedencentrall', ['swedencentral', 'swedensouth'])).toBe('swedencentral');
    expect(closest('GPT-5.4', ['gpt-5.4', 'gpt-5.4-mini'])).toBe('gpt-5.4');
  });

  test('two swapped neighbours count as one slip, so a short name still gets its suggestion', () => {
    expect(closest('chta', ['chat', 'embed'])).toBe('chat');
    expect(closest('ebmed', ['chat', 'embed'])).toBe('embed');
  });

  test('suggest nothing when no name is near: a third of the letters at most may differ', () => {
    expect(closest('chat', ['embeddings', 'reasoning'])).toBeUndefined();
    expect(closest('ab', ['xy'])).toBeUndefined();
  });

  test('nearest orders by distance, then by the order of the candidates, without repeats', () => {
    // eastus2 and eastus are one edit away (a tie, so in the candidates' order); westus is three, too far for six letters.
    expect(nearest('eastus4', ['westus', 'eastus2', 'eastus', 'eastus2'], 3)).toEqual(['eastus2', 'eastus']);
  });

  test('a non-string input gets no suggestion', () => {
    expect(nearest(42 as unknown as string, ['a'], 1)).toEqual([]);
  });
});
