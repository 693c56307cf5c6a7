import { CognitiveAccountRaiPolicy } from '@cdktf/provider-azurerm/lib/cognitive-account-rai-policy';
import { ContentFilter, ContentFilterMode, ContentFilterProps, ContentFilterSeverity } from '../../src/ai';
import { newStack, synth, synthJson, warningsOf } from '../util';
import { blockOf } from './fixture';

const ACCOUNT_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai-chat';

function filter(props: Partial<ContentFilterProps> = {}) {
  const stack = newStack();
  const cf = new ContentFilter(stack, 'Filter', { cognitiveAccountId: ACCOUNT_ID, ...props });
  return { stack, cf, block: blockOf(synthJson(stack), cf.resource) };
}

const harm = (name: string, source: string, severity: string, blocking = true) => ({
  name, source, severity_threshold: severity, filter_enabled: true, block_enabled: blocking,
});

describe('ContentFilter', () => {
  test('filters all four harm categories on prompts and completions from medium and blocks, with every shield on', () => {
    const { cf, block } = filter();
    expect(block).toMatchObject({
      name: cf.policyName,
      cognitive_account_id: ACCOUNT_ID,
      base_policy_name: 'Microsoft.DefaultV2',
      mode: 'Default',
    });
    expect(block.content_filter).toEqual([
      harm('Hate', 'Prompt', 'Medium'), harm('Hate', 'Completion', 'Medium'),
      harm('Sexual', 'Prompt', 'Medium'), harm('Sexual', 'Completion', 'Medium'),
      harm('Violence', 'Prompt', 'Medium'), harm('Violence', 'Completion', 'Medium'),
      harm('Selfharm', 'Prompt', 'Medium'), harm('Selfharm', 'Completion', 'Medium'),
      expect.objectContaining({ name: 'Jailbreak', source: 'Prompt', filter_enabled: true, block_enabled: true }),
      expect.objectContaining({ name: 'Indirect Attack', source: 'Prompt', filter_enabled: true, block_enabled: true }),
      expect.objectContaining({ name: 'Protected Material Text', source: 'Completion', filter_enabled: true, block_enabled: true }),
      expect.objectContaining({ name: 'Protected Material Code', source: 'Completion', filter_enabled: true, block_enabled: true }),
    ]);
    expect(cf.policyName).toMatch(/^cf-filter-[0-9a-f]{6}$/);
    expect(warningsOf(cf)).toEqual([]);
  });

  test('takes a name and base policy', () => {
    const { stack } = filter({ name: 'strict', basePolicyName: 'Microsoft.Default' });
    expect(synth(stack)).toHaveResourceWithProperties(CognitiveAccountRaiPolicy, { name: 'strict', base_policy_name: 'Microsoft.Default' });
  });

  test('lets each category and source be set on its own; stricter settings need no warning', () => {
    const { cf, block } = filter({
      hate: { promptSeverity: ContentFilterSeverity.LOW },
      violence: { completionSeverity: ContentFilterSeverity.LOW },
    });
    expect(block.content_filter).toEqual(expect.arrayContaining([
      harm('Hate', 'Prompt', 'Low'), harm('Hate', 'Completion', 'Medium'),
      harm('Violence', 'Prompt', 'Medium'), harm('Violence', 'Completion', 'Low'),
    ]));
    expect(warningsOf(cf)).toEqual([]);
  });

  test('allows a weaker threshold, with a warning', () => {
    const { cf, block } = filter({ sexual: { completionSeverity: ContentFilterSeverity.HIGH } });
    expect(block.content_filter).toContainEqual(harm('Sexual', 'Completion', 'High'));
    expect(warningsOf(cf)).toEqual([
      expect.stringMatching(/ContentFilter 'test\/Filter': 'sexual.completionSeverity' is HIGH: only high-severity content is filtered/),
    ]);
  });

  test('allows annotate-only, with a warning', () => {
    const { cf, block } = filter({ selfHarm: { blocking: false } });
    expect(block.content_filter).toEqual(expect.arrayContaining([
      harm('Selfharm', 'Prompt', 'Medium', false), harm('Selfharm', 'Completion', 'Medium', false),
    ]));
    expect(warningsOf(cf)).toEqual([expect.stringMatching(/'selfHarm.blocking' is false/)]);
  });

  test('allows turning shields and protected material off, with a warning each', () => {
    const { cf, block } = filter({ jailbreakShield: false, indirectAttackShield: false, protectedMaterialText: false, protectedMaterialCode: false });
    for (const name of ['Jailbreak', 'Indirect Attack', 'Protected Material Text', 'Protected Material Code']) {
      expect(block.content_filter).toContainEqual(expect.objectContaining({ name, filter_enabled: false, block_enabled: false }));
    }
    expect(warningsOf(cf)).toEqual([
      expect.stringMatching(/'jailbreakShield' is off/),
      expect.stringMatching(/'indirectAttackShield' is off/),
      expect.stringMatching(/'protectedMaterialText' is off/),
      expect.stringMatching(/'protectedMaterialCode' is off/),
    ]);
  });

  test('allows asynchronous filtering, with a warning', () => {
    const { cf, block } = filter({ mode: ContentFilterMode.ASYNCHRONOUS_FILTER });
    expect(block.mode).toBe('Asynchronous_filter');
    expect(warningsOf(cf)).toEqual([expect.stringMatching(/'mode' is ASYNCHRONOUS_FILTER/)]);
  });

  test('fails when a severity is not a ContentFilterSeverity', () => {
    expect(() => filter({ hate: { promptSeverity: 'Severe' as any } }))
      .toThrow(/ContentFilter 'test\/Filter': 'hate.promptSeverity' must be one of 'Low', 'Medium', 'High', got 'Severe'/);
    expect(() => filter({ violence: { completionSeverity: 'medium' as any } }))
      .toThrow(/'violence.completionSeverity' must be one of 'Low', 'Medium', 'High' \(did you mean 'Medium'\?\), got 'medium'/);
  });

  test('fails when mode is unknown', () => {
    expect(() => filter({ mode: 'Blocking' as any })).toThrow(/'mode' must be one of 'Default', 'Asynchronous_filter', got 'Blocking'/);
  });

  test('fails when name breaks the policy naming rule', () => {
    expect(() => filter({ name: 'my filter' })).toThrow(/'name' must contain only .*, got 'my filter'/);
  });

  test('fails when basePolicyName is blank', () => {
    expect(() => filter({ basePolicyName: '' })).toThrow(/'basePolicyName' must not be empty, got ''/);
  });

  test('fails when cognitiveAccountId is not a Cognitive Services id', () => {
    expect(() => filter({ cognitiveAccountId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Web/sites/app' }))
      .toThrow(/'cognitiveAccountId' must be the id of a Microsoft.CognitiveServices\/accounts resource \(found Microsoft.Web\/sites\), got '.*sites\/app'/);
  });
});
