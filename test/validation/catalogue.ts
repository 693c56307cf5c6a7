// The catalogue of every synth-time validation of the library: one entry per rule, each with an
// input that breaks it, the message it must produce, the fix and a valid twin. errors.test.ts runs
// every entry and generates docs/errors.md from the messages they actually produce.
// Entries live per area under ./catalogue/ so that each area's rules sit next to each other.
import { IConstruct } from 'constructs';
import { AI_ENTRIES } from './catalogue/ai';
import { APP_ENTRIES } from './catalogue/app';
import { CatalogueEntry } from './catalogue/common';
import { GATEWAY_ENTRIES } from './catalogue/gateway';
import { HISTORY_ENTRIES } from './catalogue/history';
import { NETWORK_ENTRIES } from './catalogue/network';
import { PATTERN_ENTRIES } from './catalogue/pattern';
import { REGISTRY_ENTRIES } from './catalogue/registry';
import { SECRETS_ENTRIES } from './catalogue/secrets';
import { WORKBOOK_ENTRIES } from './catalogue/workbook';

export * from './catalogue/common';

/** Every rule, grouped by area in the order the docs list them. */
export const CATALOGUE: CatalogueEntry[] = [
  ...NETWORK_ENTRIES, ...AI_ENTRIES, ...SECRETS_ENTRIES, ...APP_ENTRIES, ...HISTORY_ENTRIES, ...REGISTRY_ENTRIES, ...PATTERN_ENTRIES,
  ...WORKBOOK_ENTRIES, ...GATEWAY_ENTRIES,
];

/** The construct a warning entry returns, for reading its annotations. */
export function asConstruct(value: unknown): IConstruct {
  if (value && typeof value === 'object' && 'node' in value) return value as IConstruct;
  throw new Error('a warning entry must return the construct it built');
}
