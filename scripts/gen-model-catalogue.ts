// Model catalogue as data (issue 12): turns the research file docs/research/model-catalogue.json
// into src/ai/private/catalogue-data.ts, the table ModelCatalogue and the synth-time checks of
// ModelDeployment read. The research file is the source of truth; the generated module is
// committed so that the library needs no JSON at run time and jsii sees plain TypeScript.
//
//   npx ts-node scripts/gen-model-catalogue.ts      (rewrites the module)
//   npx ts-node scripts/gen-model-catalogue.ts --check   (exits 1 when the module is stale)
//
// test/ai/models.test.ts fails when the committed module differs from what this script writes.
//
// Only fs and path are imported: scripts/ is also compiled by tsconfig.examples.json against the
// built library, and this script must not depend on src/.
import { readFileSync } from 'fs';
import { join } from 'path';
import { runGenerator } from './generated-file';
import { CatalogueModelData, CatalogueVersionData } from '../src/ai/private/catalogue-types';

/** The research file, relative to the repository root. */
export const CATALOGUE_SOURCE = 'docs/research/model-catalogue.json';
/** The generated module, relative to the repository root. */
export const CATALOGUE_TARGET = 'src/ai/private/catalogue-data.ts';
/** The command that rewrites the generated module, shown in every staleness message. */
export const CATALOGUE_COMMAND = 'npx ts-node scripts/gen-model-catalogue.ts';

const LIFECYCLES = ['GA', 'Preview', 'Legacy', 'Deprecated', 'Retired'];
const KINDS = ['chat', 'reasoning', 'embeddings', 'image', 'audio'];
const SKUS = [
  'Standard', 'GlobalStandard', 'DataZoneStandard', 'ProvisionedManaged', 'GlobalProvisionedManaged', 'DataZoneProvisionedManaged',
  'GlobalBatch', 'DataZoneBatch',
];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SCHEMA_PREFIX = 'cdktf-private-chat model catalogue v1.';

/** One version as the generated module records it. */
type VersionOut = CatalogueVersionData;

/** One model as the generated module records it. */
type ModelOut = CatalogueModelData;

/**
 * The text of src/ai/private/catalogue-data.ts for the research file `json` (its parsed content
 * or its text). Deterministic: models and versions keep the research file's order. Throws, naming
 * the model and field, when the file breaks its own schema.
 */
export function generateCatalogueData(json: unknown): string {
  const data = (typeof json === 'string' ? JSON.parse(json) : json) as Record<string, unknown>;
  if (data === null || typeof data !== 'object') throw new Error(`${CATALOGUE_SOURCE}: expected an object`);
  if (typeof data.schema !== 'string' || !data.schema.startsWith(SCHEMA_PREFIX)) {
    throw new Error(`${CATALOGUE_SOURCE}: 'schema' must start with '${SCHEMA_PREFIX}' (this generator reads v1 only)`);
  }
  const researchedOn = date(data.researchedOn, 'researchedOn', false)!;
  if (!Array.isArray(data.models) || data.models.length === 0) throw new Error(`${CATALOGUE_SOURCE}: 'models' must be a non-empty array`);
  const seen = new Set<string>();
  const models = data.models.map((raw, i) => {
    const model = readModel(raw, i);
    if (seen.has(model.name)) throw new Error(`${CATALOGUE_SOURCE}: models[${i}]: '${model.name}' is listed twice`);
    seen.add(model.name);
    return model;
  });
  return render(researchedOn, models);
}

function readModel(raw: unknown, index: number): ModelOut {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${CATALOGUE_SOURCE}: models[${index}] must be an object`);
  const m = raw as Record<string, unknown>;
  const where = `models[${index}]${typeof m.name === 'string' ? ` (${m.name})` : ''}`;
  const str = (key: string, optional = false): string | undefined => {
    const v = m[key];
    if (v === undefined || v === null) {
      if (optional) return undefined;
      throw new Error(`${CATALOGUE_SOURCE}: ${where}: '${key}' is required`);
    }
    if (typeof v !== 'string' || v.trim() === '' || v !== v.trim()) throw new Error(`${CATALOGUE_SOURCE}: ${where}: '${key}' must be a trimmed non-empty string`);
    return v;
  };
  const bool = (key: string, fallback?: boolean): boolean => {
    const v = m[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'boolean') throw new Error(`${CATALOGUE_SOURCE}: ${where}: '${key}' must be true or false`);
    return v;
  };
  const oneOf = (key: string, allowed: string[]): string => {
    const v = str(key)!;
    if (!allowed.includes(v)) throw new Error(`${CATALOGUE_SOURCE}: ${where}: '${key}' must be one of ${allowed.join(', ')}, got '${v}'`);
    return v;
  };
  const skuList = (value: unknown, key: string): string[] => {
    if (!Array.isArray(value) || value.some((s) => typeof s !== 'string' || !SKUS.includes(s))) {
      throw new Error(`${CATALOGUE_SOURCE}: ${where}: '${key}' must be an array of ${SKUS.join(', ')}`);
    }
    if (new Set(value).size !== value.length) throw new Error(`${CATALOGUE_SOURCE}: ${where}: '${key}' repeats a SKU`);
    return [...value] as string[];
  };

  const name = str('name')!;
  const lifecycle = oneOf('lifecycle', LIFECYCLES);
  const retirementDate = date(m.retirementDate, `${where}.retirementDate`, true);
  const skus = skuList(m.skus, 'skus');
  if (!Array.isArray(m.versions) || m.versions.some((v) => typeof v !== 'string' || v.trim() === '')) {
    throw new Error(`${CATALOGUE_SOURCE}: ${where}: 'versions' must be an array of version strings`);
  }
  const listed = m.versions as string[];
  if (new Set(listed).size !== listed.length) throw new Error(`${CATALOGUE_SOURCE}: ${where}: 'versions' repeats a version`);
  const perVersion = m.perVersion ?? {};
  if (perVersion === null || typeof perVersion !== 'object' || Array.isArray(perVersion)) {
    throw new Error(`${CATALOGUE_SOURCE}: ${where}: 'perVersion' must be an object`);
  }
  const overrides = perVersion as Record<string, unknown>;
  // Versions listed first (newest or preferred first), then versions the file knows only from
  // `perVersion` (earlier, retired versions): a deployment of one then gets the retirement error
  // instead of an "unknown version" warning.
  const all = [...listed, ...Object.keys(overrides).filter((v) => !listed.includes(v))];
  const versions = all.map((version): VersionOut => {
    // The model-level lifecycle and date describe the first listed version; later listed
    // versions without an override share them.
    const o = overrides[version];
    if (o === undefined) return strip({ version, lifecycle, retirementDate });
    if (o === null || typeof o !== 'object' || Array.isArray(o)) throw new Error(`${CATALOGUE_SOURCE}: ${where}: perVersion.${version} must be an object`);
    const v = o as Record<string, unknown>;
    if (typeof v.lifecycle !== 'string' || !LIFECYCLES.includes(v.lifecycle)) {
      throw new Error(`${CATALOGUE_SOURCE}: ${where}: perVersion.${version}.lifecycle must be one of ${LIFECYCLES.join(', ')}`);
    }
    return strip({
      version,
      lifecycle: v.lifecycle,
      retirementDate: date(v.retirementDate, `${where}.perVersion.${version}.retirementDate`, true),
      skus: v.skus === undefined ? undefined : skuList(v.skus, `perVersion.${version}.skus`),
    });
  });
  const soldDirectly = bool('soldDirectly');
  const regions = readRegions(m.regions, where, skus);
  const regionsSource = str('regionsSource', true);
  const regionsCheckedOn = date(m.regionsCheckedOn, `${where}.regionsCheckedOn`, true);
  if ((regions === undefined) !== (regionsSource === undefined) || (regions === undefined) !== (regionsCheckedOn === undefined)) {
    throw new Error(`${CATALOGUE_SOURCE}: ${where}: 'regions', 'regionsSource' and 'regionsCheckedOn' go together`);
  }
  return strip({
    name,
    format: str('format')!,
    versions,
    skus,
    kind: oneOf('kind', KINDS),
    reasoning: bool('reasoning'),
    chatCompletions: bool('chatCompletions'),
    // A model with no known version cannot be deployed from the table: it counts as not sold
    // directly (a deployment of one gets the 'model-not-sold-directly' warning).
    soldDirectly: soldDirectly && listed.length > 0,
    skusVerified: bool('skusVerified', true),
    versionsVerified: bool('versionsVerified', true),
    formatVerified: bool('formatVerified', true),
    source: str('source')!,
    checkedOn: date(m.checkedOn, `${where}.checkedOn`, false)!,
    note: str('note', true),
    regions,
    regionsSource,
    regionsCheckedOn,
  });
}

/** SKUs whose regions the research file records: the ones a deployment defaults to. */
const REGION_SKUS = ['DataZoneStandard', 'Standard'];
const REGION_NAME = /^[a-z][a-z0-9]*$/;

/** `regions`: sku -> sorted, unique lowercase region names, for SKUs the model lists. */
function readRegions(value: unknown, where: string, skus: string[]): { [sku: string]: string[] } | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${CATALOGUE_SOURCE}: ${where}: 'regions' must be an object`);
  const out: { [sku: string]: string[] } = {};
  for (const [sku, regionList] of Object.entries(value as Record<string, unknown>)) {
    if (!REGION_SKUS.includes(sku)) throw new Error(`${CATALOGUE_SOURCE}: ${where}: 'regions' records ${REGION_SKUS.join(' and ')} only, got '${sku}'`);
    if (!skus.includes(sku)) throw new Error(`${CATALOGUE_SOURCE}: ${where}: 'regions.${sku}' is for a SKU missing from 'skus'`);
    if (!Array.isArray(regionList) || regionList.some((r) => typeof r !== 'string' || !REGION_NAME.test(r))) {
      throw new Error(`${CATALOGUE_SOURCE}: ${where}: 'regions.${sku}' must be an array of Azure region names such as 'swedencentral'`);
    }
    const sorted = [...regionList].sort();
    if (new Set(sorted).size !== sorted.length || sorted.some((r, i) => r !== regionList[i])) {
      throw new Error(`${CATALOGUE_SOURCE}: ${where}: 'regions.${sku}' must be sorted and must not repeat a region`);
    }
    out[sku] = sorted as string[];
  }
  return out;
}

function date(value: unknown, what: string, nullable: boolean): string | undefined {
  if ((value === null || value === undefined) && nullable) return undefined;
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))
    || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new Error(`${CATALOGUE_SOURCE}: ${what} must be an ISO date (YYYY-MM-DD)${nullable ? ' or null' : ''}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A TypeScript string literal the lint rules accept: single quotes unless the text has one and no double quote. */
function quote(text: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  if (escaped.includes("'") && !escaped.includes('"')) return `"${escaped}"`;
  return `'${escaped.replace(/'/g, "\\'")}'`;
}

function list(values: readonly string[]): string {
  return `[${values.map(quote).join(', ')}]`;
}

/** Quoted values, several to a line, each line under the lint rules' length. */
function wrapList(values: readonly string[], indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const v of values.map(quote)) {
    const next = line === '' ? v : `${line}, ${v}`;
    if (indent.length + next.length + 1 > 120 && line !== '') {
      lines.push(`${indent}${line},`);
      line = v;
    } else {
      line = next;
    }
  }
  if (line !== '') lines.push(`${indent}${line},`);
  return lines.join('\n');
}

function renderVersion(v: VersionOut): string {
  const parts = [`version: ${quote(v.version)}`, `lifecycle: ${quote(v.lifecycle)}`];
  if (v.retirementDate !== undefined) parts.push(`retirementDate: ${quote(v.retirementDate)}`);
  if (v.skus !== undefined) parts.push(`skus: ${list(v.skus)}`);
  return `{ ${parts.join(', ')} }`;
}

function renderModel(m: ModelOut): string {
  const lines = [
    `    name: ${quote(m.name)},`,
    `    format: ${quote(m.format)},`,
    m.versions.length === 0 ? '    versions: [],' : `    versions: [\n${m.versions.map((v) => `      ${renderVersion(v)},`).join('\n')}\n    ],`,
    `    skus: ${list(m.skus)},`,
    `    kind: ${quote(m.kind)},`,
    `    reasoning: ${m.reasoning},`,
    `    chatCompletions: ${m.chatCompletions},`,
    `    soldDirectly: ${m.soldDirectly},`,
    `    skusVerified: ${m.skusVerified},`,
    `    versionsVerified: ${m.versionsVerified},`,
    `    formatVerified: ${m.formatVerified},`,
    `    source: ${quote(m.source)},`,
    `    checkedOn: ${quote(m.checkedOn)},`,
  ];
  if (m.note !== undefined) lines.push(`    note: ${quote(m.note)},`);
  if (m.regions !== undefined) {
    const entries = Object.entries(m.regions).map(([sku, regionList]) => `      ${sku}: ${regionList.length === 0 ? '[]' : `[\n${wrapList(regionList, '        ')}\n      ]`},`);
    lines.push(`    regions: {\n${entries.join('\n')}\n    },`);
    lines.push(`    regionsSource: ${quote(m.regionsSource!)},`);
    lines.push(`    regionsCheckedOn: ${quote(m.regionsCheckedOn!)},`);
  }
  return `  {\n${lines.join('\n')}\n  },`;
}

function render(researchedOn: string, models: ModelOut[]): string {
  return `// generated by scripts/gen-model-catalogue.ts from docs/research/model-catalogue.json; do not edit.
// Regenerate with \`${CATALOGUE_COMMAND}\`; test/ai/models.test.ts fails when this file is stale.

import { CatalogueModelData } from './catalogue-types';

/** The date the research file was compiled. */
export const CATALOGUE_RESEARCHED_ON = ${quote(researchedOn)};

/** Every model of the research file, in its order. */
export const CATALOGUE_MODELS: readonly CatalogueModelData[] = [
${models.map(renderModel).join('\n')}
];
`;
}

/** Reads the research file under `root` and returns the module text. */
export function generateFromRepository(root: string): string {
  return generateCatalogueData(readFileSync(join(root, CATALOGUE_SOURCE), 'utf8'));
}

function main(argv: string[]): number {
  return runGenerator({ target: CATALOGUE_TARGET, source: CATALOGUE_SOURCE, command: CATALOGUE_COMMAND, generate: generateFromRepository }, argv);
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
