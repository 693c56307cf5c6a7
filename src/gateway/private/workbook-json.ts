// The usage workbook's definition (`serializedData` of a Microsoft.Insights/workbooks resource),
// built from the KQL files of src/gateway/queries/ (through the generated queries-data.ts).
//
// Workbook JSON: version `Notebook/1.0`, items of type 1 (markdown text), 9 (parameters) and
// 3 (a KQL query, `KqlItem/1.0`) run against a Log Analytics workspace (`queryType: 0`,
// `resourceType: microsoft.operationalinsights/workspaces`, `crossComponentResources`).
// https://learn.microsoft.com/azure/azure-monitor/visualize/workbooks-automate
// https://learn.microsoft.com/azure/azure-monitor/visualize/workbooks-time
import { Fn, Token } from 'cdktf';
import { WORKBOOK_QUERY_TEXTS, WorkbookQueryText } from './queries-data';

/** How one query is shown. */
export interface QueryLayout {
  /** Heading of the query's tile. */
  readonly title: string;
  /** What the tile answers, shown as text above it. */
  readonly description: string;
  /** Workbook visualization (`table`, `barchart`, `timechart`). */
  readonly visualization: string;
  /**
   * A fixed window in milliseconds for a query whose own KQL fixes its window (`ago(7d)`);
   * otherwise the tile follows the workbook's time range parameter.
   */
  readonly fixedDurationMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Name of the time range parameter every other tile follows. */
export const TIME_RANGE_PARAMETER = 'TimeRange';

/** Default of the time range parameter: 30 days. */
export const DEFAULT_TIME_RANGE_MS = 30 * DAY_MS;

/** Resource type of a Log Analytics workspace as workbooks spell it (lowercase). */
export const WORKSPACE_RESOURCE_TYPE = 'microsoft.operationalinsights/workspaces';

/**
 * Layout of each query file, in the order the workbook shows them. Every .kql file must have an
 * entry and every entry a file (the workbook builder and its test check both ways).
 */
export const QUERY_LAYOUT: Readonly<Record<string, QueryLayout>> = {
  'tokens-per-user-per-day': {
    title: 'Tokens per user per day',
    description: 'Requests, throttled requests (429) and prompt, completion and total tokens for each user and day.',
    visualization: 'table',
  },
  'top-users': {
    title: 'Top users, last 7 days',
    description: 'The 20 users with the most tokens over the last 7 days (this tile ignores the time range).',
    visualization: 'table',
    fixedDurationMs: 7 * DAY_MS,
  },
  'deployment-health': {
    title: 'Model deployments: latency, throttling, errors, content filter',
    description: 'Per deployment and model: p50/p95 of the total and backend time (ms), 429s, 5xx, prompts blocked by the content filter '
      + '(needs body logging; otherwise see the 400s from the model).',
    visualization: 'table',
  },
  'active-users': {
    title: 'Active users',
    description: 'Distinct users per day and per week.',
    visualization: 'table',
  },
  'tokens-per-front-end': {
    title: 'Tokens per front end and deployment (token metrics)',
    description: 'Prompt, completion and total tokens per calling front end (its identity\'s client id) and deployment per day, with the number of users, '
      + 'from the metrics the gateway emits to Application Insights (empty unless token metrics are on).',
    visualization: 'table',
  },
};

/** The fixed id of the time range parameter (workbooks want a GUID; a constant keeps the JSON stable). */
const TIME_RANGE_PARAMETER_ID = '5f2c1d3e-6b8a-4c47-9e21-0a7d3b9c4e15';

const INTRO = [
  '## AI gateway usage',
  'Token use, users and model health from the AI gateway\'s logs (`ApiManagementGatewayLogs` and `ApiManagementGatewayLlmLog`), '
    + 'and its token metrics (`AppMetrics`).',
  'Users are attributed by the `X-OpenWebUI-User-Email` header the chat front end sends and the gateway logs; requests without it show as `(no user header)`.',
  'Logs arrive a few minutes after the requests.',
].join('\n\n');

/** The header the query files read the user from. */
export const DEFAULT_USER_HEADER = 'X-OpenWebUI-User-Email';

/**
 * The query texts reading the user from `header` instead of the default header: the files name it
 * as the quoted keys `"X-OpenWebUI-User-Email"` and `"x-openwebui-user-email"`.
 */
export function withUserHeader(texts: readonly WorkbookQueryText[], header: string): WorkbookQueryText[] {
  if (header === DEFAULT_USER_HEADER) return [...texts];
  // A token (a variable) is lowercased by Terraform.
  const lower = Token.isUnresolved(header) ? Fn.lower(header) : header.toLowerCase();
  return texts.map((t) => ({
    name: t.name,
    text: t.text
      .split(`"${DEFAULT_USER_HEADER}"`).join(`"${header}"`)
      .split(`"${DEFAULT_USER_HEADER.toLowerCase()}"`).join(`"${lower}"`)
      .split(DEFAULT_USER_HEADER).join(header),
  }));
}

/** The queries in layout order, each with its layout; throws when files and layout disagree. */
export function orderedQueries(texts: readonly WorkbookQueryText[] = WORKBOOK_QUERY_TEXTS): Array<WorkbookQueryText & QueryLayout> {
  const byName = new Map(texts.map((t) => [t.name, t]));
  const missingLayout = texts.filter((t) => !(t.name in QUERY_LAYOUT)).map((t) => t.name);
  const missingFile = Object.keys(QUERY_LAYOUT).filter((n) => !byName.has(n));
  if (missingLayout.length > 0 || missingFile.length > 0) {
    throw new Error(`usage workbook: query files and QUERY_LAYOUT disagree (no layout: ${missingLayout.join(', ') || 'none'}; no file: ${missingFile.join(', ') || 'none'})`);
  }
  return Object.entries(QUERY_LAYOUT).map(([name, layout]) => ({ ...byName.get(name)!, ...layout }));
}

/**
 * The workbook definition as an object. `workspaceId` is the resource id (or a token for it) of
 * the workspace every query runs in.
 */
export function workbookDefinition(
  workspaceId: string, texts: readonly WorkbookQueryText[] = WORKBOOK_QUERY_TEXTS, userHeader: string = DEFAULT_USER_HEADER,
): Record<string, unknown> {
  const items: unknown[] = [
    { type: 1, name: 'text - intro', content: { json: INTRO.split(DEFAULT_USER_HEADER).join(userHeader) } },
    {
      type: 9,
      name: 'parameters - time range',
      content: {
        version: 'KqlParameterItem/1.0',
        style: 'pills',
        queryType: 0,
        resourceType: WORKSPACE_RESOURCE_TYPE,
        parameters: [
          {
            id: TIME_RANGE_PARAMETER_ID,
            version: 'KqlParameterItem/1.0',
            name: TIME_RANGE_PARAMETER,
            label: 'Time range',
            type: 4,
            isRequired: true,
            value: { durationMs: DEFAULT_TIME_RANGE_MS },
            typeSettings: {
              allowCustom: true,
              selectableValues: [1, 7, 14, 30, 90].map((days) => ({ durationMs: days * DAY_MS })),
            },
          },
        ],
      },
    },
  ];
  for (const q of orderedQueries(withUserHeader(texts, userHeader))) {
    items.push({ type: 1, name: `text - ${q.name}`, content: { json: `### ${q.title}\n\n${q.description}` } });
    const time = q.fixedDurationMs !== undefined
      ? { timeContext: { durationMs: q.fixedDurationMs } }
      : { timeContext: { durationMs: 0 }, timeContextFromParameter: TIME_RANGE_PARAMETER };
    items.push({
      type: 3,
      name: `query - ${q.name}`,
      content: {
        version: 'KqlItem/1.0',
        title: q.title,
        query: q.text,
        size: 0,
        queryType: 0,
        resourceType: WORKSPACE_RESOURCE_TYPE,
        crossComponentResources: [workspaceId],
        visualization: q.visualization,
        ...time,
      },
    });
  }
  return {
    $schema: 'https://github.com/Microsoft/Application-Insights-Workbooks/blob/master/schema/workbook.json',
    version: 'Notebook/1.0',
    isLocked: false,
    fallbackResourceIds: [workspaceId],
    items,
  };
}

/** The workbook definition as JSON text: keys sorted at every level, so equal input gives equal bytes. */
export function workbookJson(
  workspaceId: string, texts: readonly WorkbookQueryText[] = WORKBOOK_QUERY_TEXTS, userHeader: string = DEFAULT_USER_HEADER,
): string {
  return stableStringify(workbookDefinition(workspaceId, texts, userHeader));
}

/** JSON.stringify with object keys sorted (arrays keep their order). */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}
