// Every KQL query of the usage workbook reads only documented tables and columns: a query that
// names a column its tables do not have (a typo, a column Microsoft renamed) fails here instead of
// showing "Failed to resolve scalar expression" in the portal after a deployment.
//
// The check is a small tokenizer, not a KQL parser:
// - comments and string literals (including verbatim @"..." ones) are dropped;
// - statements split at top-level `;`; `let name = ...` binds a name;
// - table sources are the first name of a statement's expression, the argument of `join` (after
//   its `kind=...` and `hint.*=...` options) and the arguments of `union`; each must be a `let`
//   name or a table of log-schemas.ts;
// - every other name must be a KQL keyword, a function (followed by `(`), a name the query
//   defines (`Name = ...` in let/extend/project/summarize/by), or a column of a table the query
//   reads. Defined names count for the whole query (no data flow), which keeps it simple and
//   errs on the side of passing; misspelt or undocumented columns still fail.
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { LOG_TABLES, API_MANAGEMENT_GATEWAY_LOGS, API_MANAGEMENT_GATEWAY_LLM_LOG, APP_METRICS } from './log-schemas';
import { TOKEN_METRIC_DIMENSIONS } from '../../src/gateway/private/policy';

const QUERY_DIR = join(__dirname, '..', '..', 'src', 'gateway', 'queries');

type Token = { readonly kind: 'name' | 'number' | 'string' | 'op'; readonly text: string };

const KEYWORDS = new Set([
  'let', 'where', 'filter', 'project', 'extend', 'summarize', 'by', 'join', 'kind', 'on', 'inner', 'innerunique', 'leftouter',
  'rightouter', 'fullouter', 'leftanti', 'rightanti', 'leftsemi', 'rightsemi', 'anti', 'semi', 'union', 'order', 'sort', 'asc',
  'desc', 'nulls', 'first', 'last', 'top', 'take', 'limit', 'count', 'distinct', 'and', 'or', 'in', 'has', 'has_any', 'has_all',
  'hasprefix', 'hassuffix', 'contains', 'contains_cs', 'startswith', 'startswith_cs', 'endswith', 'endswith_cs', 'matches', 'regex',
  'between', 'true', 'false', 'with', 'as', 'render', 'table', 'timechart', 'barchart', 'columnchart', 'piechart', 'linechart',
  'isfuzzy', 'withsource', 'hint', 'step', 'from', 'to', 'typeof',
]);

/** Splits a query into tokens, without comments. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const at = (k: number) => query[i + k] ?? '';
  while (i < query.length) {
    const c = query[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '/' && at(1) === '/') { while (i < query.length && query[i] !== '\n') i++; continue; }
    if ((c === '@' && (at(1) === '"' || at(1) === "'"))) {
      const quote = at(1);
      i += 2;
      while (i < query.length && !(query[i] === quote && query[i + 1] !== quote)) i += query[i] === quote ? 2 : 1;
      i++;
      tokens.push({ kind: 'string', text: 'string' });
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      while (i < query.length && query[i] !== c) i += query[i] === '\\' ? 2 : 1;
      if (i >= query.length) throw new Error('unterminated string literal');
      i++;
      tokens.push({ kind: 'string', text: 'string' });
      continue;
    }
    const name = /^\$?[A-Za-z_][A-Za-z0-9_]*/.exec(query.slice(i));
    if (name) { tokens.push({ kind: 'name', text: name[0] }); i += name[0].length; continue; }
    const num = /^\d+(\.\d+)?[A-Za-z]*/.exec(query.slice(i));
    if (num) { tokens.push({ kind: 'number', text: num[0] }); i += num[0].length; continue; }
    const op = /^(==|!=|<=|>=|=~|!~|[=|()[\],;.<>+\-*/%!~])/.exec(query.slice(i));
    if (!op) throw new Error(`unexpected character '${c}'`);
    tokens.push({ kind: 'op', text: op[0] });
    i += op[0].length;
  }
  return tokens;
}

/** What one query reads and names. */
export interface QueryCheck {
  readonly tables: string[];
  readonly problems: string[];
}

/** Checks one query against the documented schemas. */
export function checkQuery(query: string, tables: Record<string, Readonly<Record<string, string>>> = LOG_TABLES): QueryCheck {
  const tokens = tokenize(query);
  const problems: string[] = [];
  const letNames = new Set<string>();
  const sources = new Set<number>();
  const defined = new Set<string>();

  // Statements, and the `let` names they bind.
  const starts: number[] = [0];
  let depth = 0;
  tokens.forEach((t, k) => {
    if (t.text === '(' || t.text === '[') depth++;
    if (t.text === ')' || t.text === ']') depth--;
    if (t.text === ';' && depth === 0) starts.push(k + 1);
  });
  for (const start of starts) {
    let k = start;
    if (tokens[k]?.text === 'let' && tokens[k + 1]?.kind === 'name' && tokens[k + 2]?.text === '=') {
      letNames.add(tokens[k + 1].text);
      k += 3;
    }
    if (tokens[k]?.kind === 'name' && !KEYWORDS.has(tokens[k].text)) sources.add(k);
  }
  tokens.forEach((t, k) => {
    // `Name = ...` defines a column (or a let name, or a named argument such as kind=).
    if (t.kind === 'name' && tokens[k + 1]?.text === '=') defined.add(t.text);
    if (t.text === 'join') {
      // Options first: kind=leftouter, hint.strategy=shuffle.
      let j = k + 1;
      for (;;) {
        if (tokens[j]?.kind === 'name' && tokens[j + 1]?.text === '=') j += 3;
        else if (tokens[j]?.kind === 'name' && tokens[j + 1]?.text === '.' && tokens[j + 3]?.text === '=') j += 5;
        else break;
      }
      while (tokens[j]?.text === '(') j++;
      if (tokens[j]?.kind === 'name') sources.add(j);
    }
    if (t.text === 'union') {
      // union T1, T2 / union (T1 | ...), (T2 | ...): every argument up to the first top-level pipe.
      let d = 0;
      let expectSource = true;
      for (let j = k + 1; j < tokens.length; j++) {
        const u = tokens[j];
        if (u.text === '(') { d++; continue; }
        if (u.text === ')') { d--; continue; }
        if (d === 0 && (u.text === '|' || u.text === ';')) break;
        if (u.text === ',' && d === 0) { expectSource = true; continue; }
        if (expectSource && u.kind === 'name' && !(tokens[j + 1]?.text === '=')) { sources.add(j); expectSource = false; }
      }
    }
  });

  const read: string[] = [];
  for (const k of sources) {
    const name = tokens[k].text;
    if (letNames.has(name)) continue;
    if (!(name in tables)) {
      problems.push(`reads table '${name}', which is not a documented table (known: ${Object.keys(tables).join(', ')})`);
      continue;
    }
    if (!read.includes(name)) read.push(name);
  }
  const columns = new Set(read.flatMap((t) => Object.keys(tables[t])));

  tokens.forEach((t, k) => {
    if (t.kind !== 'name' || sources.has(k)) return;
    if (KEYWORDS.has(t.text) || letNames.has(t.text) || defined.has(t.text) || columns.has(t.text)) return;
    if (tokens[k + 1]?.text === '(') return; // a function
    if (t.text === '$left' || t.text === '$right') return;
    if (tokens[k - 1]?.text === '.' && !['$left', '$right'].includes(tokens[k - 2]?.text ?? '')) return; // hint.strategy
    problems.push(`uses '${t.text}', which is not a column of ${read.join(' or ') || 'any table it reads'}`);
  });
  return { tables: read, problems: [...new Set(problems)] };
}

const FILES = readdirSync(QUERY_DIR).filter((f) => f.endsWith('.kql')).sort();
/** The query over the emitted token metrics (Application Insights), not the gateway logs. */
const METRICS_FILE = 'tokens-per-front-end.kql';

describe('the workbook queries read only documented tables and columns', () => {
  test('there are query files', () => {
    expect(FILES).toEqual(['active-users.kql', 'deployment-health.kql', 'tokens-per-front-end.kql', 'tokens-per-user-per-day.kql', 'top-users.kql']);
  });

  test.each(FILES)('%s', (file) => {
    const result = checkQuery(readFileSync(join(QUERY_DIR, file), 'utf8'));
    expect(result.problems).toEqual([]);
    expect(result.tables).toContain(file === METRICS_FILE ? 'AppMetrics' : 'ApiManagementGatewayLogs');
  });

  test('the token-metrics query reads the dimensions the policy emits, by their names', () => {
    const text = readFileSync(join(QUERY_DIR, METRICS_FILE), 'utf8');
    expect(checkQuery(text).tables).toEqual(['AppMetrics']);
    const read = [...text.matchAll(/Properties\["(\w+)"\]/g)].map((m) => m[1]);
    expect(read.sort()).toEqual([...TOKEN_METRIC_DIMENSIONS].sort());
    expect(text).toContain('"Prompt Tokens", "Completion Tokens", "Total Tokens"');
  });

  test('the per-user queries join the LLM table on CorrelationId', () => {
    for (const file of ['tokens-per-user-per-day.kql', 'top-users.kql', 'deployment-health.kql']) {
      const text = readFileSync(join(QUERY_DIR, file), 'utf8');
      expect(checkQuery(text).tables.sort()).toEqual(['ApiManagementGatewayLlmLog', 'ApiManagementGatewayLogs']);
      expect(text).toMatch(/\| join kind=\w+ llm on CorrelationId/);
    }
  });
});

describe('the check is real', () => {
  const base = readFileSync(join(QUERY_DIR, 'top-users.kql'), 'utf8');

  test('fails on a misspelt column', () => {
    const bad = base.replace('sum(TotalTokens) by User', 'sum(TotalToken) by User');
    expect(bad).not.toBe(base);
    expect(checkQuery(bad).problems).toEqual([
      "uses 'TotalToken', which is not a column of ApiManagementGatewayLlmLog or ApiManagementGatewayLogs",
    ]);
  });

  test('fails on a column of another table', () => {
    expect(checkQuery('ApiManagementGatewayLlmLog | where ResponseCode == 429').problems)
      .toEqual(["uses 'ResponseCode', which is not a column of ApiManagementGatewayLlmLog"]);
    expect(checkQuery('ApiManagementGatewayLogs | summarize sum(TotalTokens)').problems)
      .toEqual(["uses 'TotalTokens', which is not a column of ApiManagementGatewayLogs"]);
  });

  test('fails on a table that is not documented, as a source, a join or a union argument', () => {
    expect(checkQuery('ApiManagementGatewayLog | take 1').problems[0])
      .toMatch(/^reads table 'ApiManagementGatewayLog', which is not a documented table/);
    expect(checkQuery('ApiManagementGatewayLogs | join kind=inner AppRequests on CorrelationId').problems[0])
      .toMatch(/^reads table 'AppRequests'/);
    expect(checkQuery('union (AzureDiagnostics | take 1), (ApiManagementGatewayLogs | take 1)').problems[0])
      .toMatch(/^reads table 'AzureDiagnostics'/);
  });

  test('ignores names in comments and strings, and accepts defined names and functions', () => {
    const ok = [
      '// NotAColumn in a comment',
      'ApiManagementGatewayLogs',
      '| extend Who = tostring(RequestHeaders["NotAColumn"]), Path = extract(@"/x/(NotAColumn)", 1, Url)',
      '| summarize Calls = count() by Who, Day = bin(TimeGenerated, 1d)',
      '| order by Calls desc',
    ].join('\n');
    expect(checkQuery(ok).problems).toEqual([]);
  });

  test('refuses an unterminated string', () => {
    expect(() => tokenize('ApiManagementGatewayLogs | where Url == "x')).toThrow('unterminated string literal');
  });
});

describe('the documented schemas', () => {
  test('RequestHeaders and the message columns are dynamic, so the queries index them by key', () => {
    expect(API_MANAGEMENT_GATEWAY_LOGS.RequestHeaders).toBe('dynamic');
    expect(API_MANAGEMENT_GATEWAY_LOGS.TraceRecords).toBe('dynamic');
    expect(API_MANAGEMENT_GATEWAY_LLM_LOG.RequestMessages).toBe('dynamic');
    for (const file of FILES.filter((f) => f !== 'deployment-health.kql' && f !== METRICS_FILE)) {
      expect(readFileSync(join(QUERY_DIR, file), 'utf8')).toContain('tostring(RequestHeaders["X-OpenWebUI-User-Email"])');
    }
  });

  test('the LLM table has no user column, which is why the queries join the gateway table', () => {
    const userish = Object.keys(API_MANAGEMENT_GATEWAY_LLM_LOG).filter((c) => /user/i.test(c));
    expect(userish).toEqual([]);
    expect(API_MANAGEMENT_GATEWAY_LLM_LOG.CorrelationId).toBe('string');
    expect(API_MANAGEMENT_GATEWAY_LOGS.CorrelationId).toBe('string');
  });

  test('as many columns as the reference pages list', () => {
    expect(Object.keys(API_MANAGEMENT_GATEWAY_LOGS)).toHaveLength(59);
    expect(Object.keys(API_MANAGEMENT_GATEWAY_LLM_LOG)).toHaveLength(22);
    expect(Object.keys(APP_METRICS)).toHaveLength(36);
  });
});
