import { ComplianceRule } from '../rule';

/** Markers around the generated table in docs/compliance.md. */
export const TABLE_START = '<!-- rules:start (generated from Compliance.rules(); do not edit by hand) -->';
export const TABLE_END = '<!-- rules:end -->';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The rule table of docs/compliance.md, generated so that the doc can never drift from the code. */
export function rulesMarkdownTable(rules: ComplianceRule[]): string {
  const lines = [
    '| Id | Rule | Checks | Maps to | Why | Fix |',
    '|---|---|---|---|---|---|',
    ...rules.map((r) => `| ${r.id} | ${cell(r.title)} | ${r.resourceTypes.map((t) => `\`${t}\``).join(', ')} | ${cell(r.mapsTo.join(', '))} | ${cell(r.rationale)} | ${cell(r.fix)} |`),
  ];
  return [TABLE_START, ...lines, TABLE_END].join('\n');
}
