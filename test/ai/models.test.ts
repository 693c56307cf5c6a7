// The model catalogue (issue 12): the public ModelCatalogue API, and the generated table it reads
// (src/ai/private/catalogue-data.ts), which must be exactly what scripts/gen-model-catalogue.ts
// writes from docs/research/model-catalogue.json.
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  CATALOGUE_COMMAND, CATALOGUE_SOURCE, CATALOGUE_TARGET, generateCatalogueData, generateFromRepository,
} from '../../scripts/gen-model-catalogue';
import * as root from '../../src';
import { ModelCatalogue, ModelInfo, ModelKind, ModelLifecycle } from '../../src/ai';

const ROOT = join(__dirname, '../..');
const RESEARCH = JSON.parse(readFileSync(join(ROOT, CATALOGUE_SOURCE), 'utf8'));

describe('ModelCatalogue', () => {
  test('is exported from the package root with its enums', () => {
    expect(root.ModelCatalogue).toBe(ModelCatalogue);
    expect(root.ModelLifecycle).toBe(ModelLifecycle);
    expect(root.ModelKind).toBe(ModelKind);
  });

  test('enums carry the values of the research file', () => {
    expect(Object.values(ModelLifecycle)).toEqual(['GA', 'Preview', 'Legacy', 'Deprecated', 'Retired']);
    expect(Object.values(ModelKind)).toEqual(['chat', 'reasoning', 'embeddings', 'image', 'audio']);
  });

  test('RESEARCHED_ON is the research date of the file', () => {
    expect(ModelCatalogue.RESEARCHED_ON).toBe(RESEARCH.researchedOn);
    expect(ModelCatalogue.RESEARCHED_ON).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('all() lists every model of the research file, in its order', () => {
    expect(ModelCatalogue.all().map((m) => m.name)).toEqual(RESEARCH.models.map((m: { name: string }) => m.name));
  });

  test('all() and find() return copies', () => {
    const first = ModelCatalogue.all();
    (first[0].versions as unknown[]).length = 0;
    (first[0].skus as string[]).push('Nope');
    const found = ModelCatalogue.find('gpt-4o')!;
    found.versions[0].skus.push('Nope');
    expect(ModelCatalogue.all()[0].versions.length).toBeGreaterThan(0);
    expect(ModelCatalogue.all()[0].skus).not.toContain('Nope');
    expect(ModelCatalogue.find('gpt-4o')!.versions[0].skus).not.toContain('Nope');
  });

  test('every model matches its entry in the research file', () => {
    for (const raw of RESEARCH.models) {
      const info = ModelCatalogue.find(raw.name)!;
      expect(info).toBeDefined();
      const expected: ModelInfo = {
        name: raw.name,
        format: raw.format,
        versions: expect.any(Array),
        skus: raw.skus,
        kind: raw.kind,
        reasoning: raw.reasoning,
        chatCompletions: raw.chatCompletions,
        soldDirectly: raw.soldDirectly && raw.versions.length > 0,
        source: raw.source,
        checkedOn: raw.checkedOn,
        ...raw.note !== undefined ? { note: raw.note } : {},
        ...raw.regions?.DataZoneStandard !== undefined ? { dataZoneStandardRegions: raw.regions.DataZoneStandard } : {},
        ...raw.regions?.Standard !== undefined ? { standardRegions: raw.regions.Standard } : {},
        ...raw.regions !== undefined ? { regionsSource: raw.regionsSource, regionsCheckedOn: raw.regionsCheckedOn } : {},
      };
      expect(info).toEqual(expected);
      // Listed versions first, in order; then versions known only from perVersion.
      const perVersion: Record<string, { lifecycle: string; retirementDate: string | null; skus?: string[] }> = raw.perVersion ?? {};
      const versions = [...raw.versions, ...Object.keys(perVersion).filter((v) => !raw.versions.includes(v))];
      expect(info.versions.map((v) => v.version)).toEqual(versions);
      for (const v of info.versions) {
        const own = perVersion[v.version];
        expect(v.lifecycle).toBe(own?.lifecycle ?? raw.lifecycle);
        expect(v.retirementDate).toBe((own ? own.retirementDate : raw.retirementDate) ?? undefined);
        expect(v.skus).toEqual(own?.skus ?? raw.skus);
      }
    }
  });

  test('find() matches names exactly, case-sensitively, and ignores prototype properties', () => {
    expect(ModelCatalogue.find('DeepSeek-V3.2')?.format).toBe('DeepSeek');
    expect(ModelCatalogue.find('deepseek-v3.2')).toBeUndefined();
    expect(ModelCatalogue.find('gpt-9')).toBeUndefined();
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(ModelCatalogue.find(name)).toBeUndefined();
  });

  test('findVersion() returns a version with its own lifecycle, retirement date and SKUs', () => {
    expect(ModelCatalogue.findVersion('gpt-4o', '2024-08-06')).toEqual({
      version: '2024-08-06', lifecycle: ModelLifecycle.DEPRECATED, retirementDate: '2027-04-14', skus: ModelCatalogue.find('gpt-4o')!.skus,
    });
    expect(ModelCatalogue.findVersion('text-embedding-ada-002', '1')).toEqual({
      version: '1', lifecycle: ModelLifecycle.GA, retirementDate: '2028-02-09', skus: ['Standard'],
    });
    expect(ModelCatalogue.findVersion('gpt-chat-latest', '2026-05-05')?.lifecycle).toBe(ModelLifecycle.RETIRED);
    expect(ModelCatalogue.findVersion('DeepSeek-V3.2', '1')).toEqual({ version: '1', lifecycle: ModelLifecycle.GA, skus: ['GlobalStandard'] });
    expect(ModelCatalogue.findVersion('DeepSeek-V3.2', '1')).not.toHaveProperty('retirementDate');
    expect(ModelCatalogue.findVersion('gpt-4o', '2023-01-01')).toBeUndefined();
    expect(ModelCatalogue.findVersion('gpt-9', '1')).toBeUndefined();
  });

  test('marks models without a known version as not sold directly', () => {
    expect(ModelCatalogue.find('Phi-4')).toMatchObject({ soldDirectly: false, versions: [], skus: [] });
    expect(ModelCatalogue.find('Llama-4-Scout-17B-16E-Instruct')?.soldDirectly).toBe(false);
    expect(ModelCatalogue.find('Llama-4-Maverick-17B-128E-Instruct-FP8')?.soldDirectly).toBe(true);
    for (const m of ModelCatalogue.all().filter((x) => x.soldDirectly)) expect(m.versions.length).toBeGreaterThan(0);
  });

  test('servesPlainChat() is true only for chat-kind, non-reasoning models with Chat Completions', () => {
    for (const name of ['gpt-4.1-mini', 'gpt-4o', 'Llama-4-Maverick-17B-128E-Instruct-FP8', 'Mistral-Large-3', 'grok-4-1-fast-non-reasoning']) {
      expect([name, ModelCatalogue.servesPlainChat(name)]).toEqual([name, true]);
    }
    for (const name of ['gpt-5.5', 'gpt-5-pro', 'gpt-oss-120b', 'DeepSeek-V3.2', 'text-embedding-3-small', 'mistral-document-ai-2512', 'gpt-9', 'GPT-4.1-MINI']) {
      expect([name, ModelCatalogue.servesPlainChat(name)]).toEqual([name, false]);
    }
    for (const m of ModelCatalogue.all()) {
      expect(ModelCatalogue.servesPlainChat(m.name)).toBe(m.kind === ModelKind.CHAT && !m.reasoning && m.chatCompletions);
    }
  });

  test('records the reasoning flag for reasoning-kind models', () => {
    for (const m of ModelCatalogue.all().filter((x) => x.kind === ModelKind.REASONING)) expect([m.name, m.reasoning]).toEqual([m.name, true]);
  });
});

describe('the generated table', () => {
  test(`is exactly what the generator writes from ${CATALOGUE_SOURCE} (run ${CATALOGUE_COMMAND} to regenerate)`, () => {
    const committed = readFileSync(join(ROOT, CATALOGUE_TARGET), 'utf8');
    const generated = generateFromRepository(ROOT);
    if (committed !== generated) {
      throw new Error(`${CATALOGUE_TARGET} is out of date with ${CATALOGUE_SOURCE}: run ${CATALOGUE_COMMAND}`);
    }
  });

  test('starts with the generated-file header', () => {
    expect(generateCatalogueData(RESEARCH).split('\n')[0])
      .toBe('// generated by scripts/gen-model-catalogue.ts from docs/research/model-catalogue.json; do not edit.');
  });

  test('is deterministic, and the same from the text or the parsed file', () => {
    const text = readFileSync(join(ROOT, CATALOGUE_SOURCE), 'utf8');
    expect(generateCatalogueData(text)).toBe(generateCatalogueData(RESEARCH));
    expect(generateCatalogueData(RESEARCH)).toBe(generateCatalogueData(JSON.parse(text)));
  });

  describe('the generator refuses a research file that breaks its schema', () => {
    const REGIONS = (regions: Record<string, string[]>) => ({ regions, regionsSource: 'https://learn.microsoft.com/x', regionsCheckedOn: '2026-06-11' });
    const withModel = (change: Record<string, unknown>, index = 0) => ({
      ...RESEARCH, models: RESEARCH.models.map((m: object, i: number) => (i === index ? { ...m, ...change } : m)),
    });
    test.each([
      ['another schema', { ...RESEARCH, schema: 'v2' }, /'schema' must start with 'cdktf-private-chat model catalogue v1.'/],
      ['no models', { ...RESEARCH, models: [] }, /'models' must be a non-empty array/],
      ['a bad research date', { ...RESEARCH, researchedOn: '22/11/2026' }, /researchedOn must be an ISO date/],
      ['a model listed twice', { ...RESEARCH, models: [...RESEARCH.models, RESEARCH.models[0]] }, /'gpt-5.6-luna' is listed twice/],
      ['an unknown lifecycle', withModel({ lifecycle: 'Beta' }), /models\[0\] \(gpt-5.6-luna\): 'lifecycle' must be one of GA, Preview, Legacy, Deprecated, Retired, got 'Beta'/],
      ['an unknown kind', withModel({ kind: 'video' }), /'kind' must be one of chat, reasoning, embeddings, image, audio, got 'video'/],
      ['an unknown SKU', withModel({ skus: ['Premium'] }), /'skus' must be an array of Standard, GlobalStandard/],
      ['an impossible retirement date', withModel({ retirementDate: '2027-02-30' }), /retirementDate must be an ISO date \(YYYY-MM-DD\) or null, got "2027-02-30"/],
      ['a padded format', withModel({ format: 'OpenAI ' }), /'format' must be a trimmed non-empty string/],
      ['a bad perVersion lifecycle', withModel({ perVersion: { '2026-07-09': { lifecycle: 'Old', retirementDate: null } } }), /perVersion.2026-07-09.lifecycle must be one of/],
      ['soldDirectly as a string', withModel({ soldDirectly: 'yes' }), /'soldDirectly' must be true or false/],
      ['regions without their source', withModel({ regions: { DataZoneStandard: ['swedencentral'] } }),
        /models\[0\] \(gpt-5.6-luna\): 'regions', 'regionsSource' and 'regionsCheckedOn' go together/],
      ['regions of a SKU outside the recorded two', withModel(REGIONS({ GlobalStandard: ['swedencentral'] })), /'regions' records DataZoneStandard and Standard only, got 'GlobalStandard'/],
      ['regions of a SKU the model lacks', withModel(REGIONS({ Standard: ['swedencentral'] })), /'regions.Standard' is for a SKU missing from 'skus'/],
      ['unsorted regions', withModel(REGIONS({ DataZoneStandard: ['swedencentral', 'eastus'] })), /'regions.DataZoneStandard' must be sorted and must not repeat a region/],
      ['a display-name region', withModel(REGIONS({ DataZoneStandard: ['Sweden Central'] })), /'regions.DataZoneStandard' must be an array of Azure region names/],
      ['a bad regions date', withModel({ ...REGIONS({ DataZoneStandard: ['eastus'] }), regionsCheckedOn: '2026-13-01' }), /regionsCheckedOn must be an ISO date/],
    ])('%s', (_, json, expected) => {
      expect(() => generateCatalogueData(json)).toThrow(expected);
    });
  });
});
