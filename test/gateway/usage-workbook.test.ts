import { readFileSync } from 'fs';
import { join } from 'path';
import { ApplicationInsightsWorkbook } from '@cdktf/provider-azurerm/lib/application-insights-workbook';
import { TerraformStack, TerraformVariable } from 'cdktf';
import {
  generateFromRepository, generateQueriesData, QUERIES_COMMAND, QUERIES_SOURCE, QUERIES_TARGET, readQueryFiles,
} from '../../scripts/gen-workbook-queries';
import { WORKBOOK_QUERY_TEXTS } from '../../src/gateway/private/queries-data';
import { QUERY_LAYOUT, stableStringify, workbookJson } from '../../src/gateway/private/workbook-json';
import { workbookNameFor } from '../../src/gateway/private/workbook-name';
import { UsageWorkbook, UsageWorkbookProps } from '../../src/gateway/usage-workbook';
import { Monitoring } from '../../src/monitoring';
import { newStack, onlyResource, synth, synthJson } from '../util';

const ROOT = join(__dirname, '..', '..');
const WORKSPACE_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/log-central';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function build(props: Partial<UsageWorkbookProps> = {}, stack: TerraformStack = newStack()) {
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: 'rg-chat', location: 'swedencentral' });
  const workbook = new UsageWorkbook(stack, 'Usage', { resourceGroupName: 'rg-chat', location: 'swedencentral', monitoring, ...props });
  return { stack, monitoring, workbook };
}

/** The synthesized workbook resource and its parsed data_json. */
function synthesized(stack: TerraformStack) {
  const resource = onlyResource(synthJson(stack), 'azurerm_application_insights_workbook');
  return { resource, data: JSON.parse(resource.data_json) };
}

describe('UsageWorkbook', () => {
  test('creates a workbook in the workspace: GUID name, category workbook, lowercased workspace id as source', () => {
    const { stack, monitoring, workbook } = build();
    const ws = `azurerm_log_analytics_workspace.${monitoring.workspace.friendlyUniqueId}.id`;
    expect(synth(stack)).toHaveResourceWithProperties(ApplicationInsightsWorkbook, {
      name: workbookNameFor('test/Usage'),
      resource_group_name: 'rg-chat',
      location: 'swedencentral',
      display_name: 'AI gateway usage',
      category: 'workbook',
      source_id: `\${lower(${ws})}`,
    });
    expect(workbook.workbookName).toMatch(UUID);
    expect(workbook.workspaceId).toBe(monitoring.workspaceId);
  });

  test('takes a display name, a GUID name and tags', () => {
    const { stack } = build({ displayName: 'Chat usage', name: '0f8fad5b-d9cb-469f-a165-70867728950e', tags: { env: 'prod' } });
    expect(synth(stack)).toHaveResourceWithProperties(ApplicationInsightsWorkbook, {
      display_name: 'Chat usage', name: '0f8fad5b-d9cb-469f-a165-70867728950e', tags: { env: 'prod' },
    });
  });

  test('lowercases the id of an existing workspace at synth (azurerm refuses uppercase letters in source_id)', () => {
    const stack = newStack();
    const monitoring = Monitoring.fromWorkspaceId(stack, 'Central', WORKSPACE_ID);
    new UsageWorkbook(stack, 'Usage', { resourceGroupName: 'rg-chat', location: 'swedencentral', monitoring });
    const { resource, data } = synthesized(stack);
    expect(resource.source_id).toBe(WORKSPACE_ID.toLowerCase());
    expect(data.items.filter((i: any) => i.type === 3).map((i: any) => i.content.crossComponentResources)).toEqual(
      Array(5).fill([WORKSPACE_ID]),
    );
    expect(data.fallbackResourceIds).toEqual([WORKSPACE_ID]);
  });

  test('derives different names for different construct paths, the same for the same path', () => {
    const a = build().workbook.workbookName;
    const b = build().workbook.workbookName;
    const stack = newStack();
    const c = build({}, stack).workbook.workbookName;
    const d = new UsageWorkbook(stack, 'Other', { resourceGroupName: 'rg-chat', location: 'swedencentral', monitoring: Monitoring.fromWorkspaceId(stack, 'W', WORKSPACE_ID) });
    expect(a).toBe(b);
    expect(a).toBe(c);
    expect(d.workbookName).not.toBe(a);
    expect(d.workbookName).toMatch(UUID);
  });

  test('accepts tokens for name and display name', () => {
    const stack = newStack();
    const name = new TerraformVariable(stack, 'name', { type: 'string' });
    const title = new TerraformVariable(stack, 'title', { type: 'string' });
    build({ name: name.stringValue, displayName: title.stringValue }, stack);
    expect(synth(stack)).toHaveResourceWithProperties(ApplicationInsightsWorkbook, { name: '${var.name}', display_name: '${var.title}' });
  });

  test('reads the user from another header when the gateway uses one', () => {
    const { stack } = build({ userHeaderName: 'X-User-Upn' });
    const { data } = synthesized(stack);
    const queries = data.items.filter((i: any) => i.type === 3).map((i: any) => i.content.query);
    for (const query of queries.filter((q: string) => q.includes('RequestHeaders'))) {
      expect(query).toContain('coalesce(tostring(RequestHeaders["X-User-Upn"]), tostring(RequestHeaders["x-user-upn"]))');
      expect(query).not.toMatch(/openwebui/i);
    }
    expect(queries.filter((q: string) => q.includes('RequestHeaders'))).toHaveLength(3);
    expect(data.items[0].content.json).toContain('`X-User-Upn`');
  });

  test('takes a token for the header, lowercased by Terraform', () => {
    const stack = newStack();
    const header = new TerraformVariable(stack, 'header', { type: 'string' });
    build({ userHeaderName: header.stringValue }, stack);
    const { data } = synthesized(stack);
    expect(data.items[2 + 1].content.query).toContain('coalesce(tostring(RequestHeaders["${var.header}"]), tostring(RequestHeaders["${lower(var.header)}"]))');
  });

  describe('the workbook JSON', () => {
    test('is a Notebook/1.0 with a time range parameter, then a text and a query per KQL file', () => {
      const { stack, monitoring } = build();
      const { data } = synthesized(stack);
      expect(data.version).toBe('Notebook/1.0');
      expect(data.items.map((i: any) => `${i.type}:${i.name}`)).toEqual([
        '1:text - intro',
        '9:parameters - time range',
        '1:text - tokens-per-user-per-day', '3:query - tokens-per-user-per-day',
        '1:text - top-users', '3:query - top-users',
        '1:text - deployment-health', '3:query - deployment-health',
        '1:text - active-users', '3:query - active-users',
        '1:text - tokens-per-front-end', '3:query - tokens-per-front-end',
      ]);
      const [parameter] = data.items[1].content.parameters;
      expect(parameter).toMatchObject({ name: 'TimeRange', type: 4, isRequired: true, value: { durationMs: 30 * 86400000 } });
      expect(parameter.typeSettings.selectableValues).toContainEqual({ durationMs: 7 * 86400000 });
      const ws = `\${azurerm_log_analytics_workspace.${monitoring.workspace.friendlyUniqueId}.id}`;
      for (const item of data.items.filter((i: any) => i.type === 3)) {
        expect(item.content).toMatchObject({
          version: 'KqlItem/1.0', queryType: 0, resourceType: 'microsoft.operationalinsights/workspaces', crossComponentResources: [ws],
        });
      }
    });

    test('holds every .kql file verbatim', () => {
      const { stack } = build();
      const { data } = synthesized(stack);
      const queries = data.items.filter((i: any) => i.type === 3).map((i: any) => i.content.query).sort();
      const files = readQueryFiles(ROOT).map((f) => f.text.replace(/\r\n?/g, '\n').replace(/\n+$/, '')).sort();
      expect(files).toHaveLength(5);
      expect(queries).toEqual(files);
    });

    test('ties every query to the time range, except top users, which has its own 7 days', () => {
      const { stack } = build();
      const { data } = synthesized(stack);
      const time = Object.fromEntries(data.items.filter((i: any) => i.type === 3).map((i: any) => [
        i.name, i.content.timeContextFromParameter ?? i.content.timeContext.durationMs,
      ]));
      expect(time).toEqual({
        'query - tokens-per-user-per-day': 'TimeRange',
        'query - top-users': 7 * 86400000,
        'query - deployment-health': 'TimeRange',
        'query - active-users': 'TimeRange',
        'query - tokens-per-front-end': 'TimeRange',
      });
      expect(UsageWorkbook.query('top-users')).toContain('ago(7d)');
    });

    test('is deterministic, with keys sorted at every level', () => {
      const one = synthesized(build().stack).resource.data_json;
      const two = synthesized(build().stack).resource.data_json;
      expect(one).toBe(two);
      expect(stableStringify(JSON.parse(one))).toBe(one);
      expect(Object.keys(JSON.parse(one))).toEqual(['$schema', 'fallbackResourceIds', 'isLocked', 'items', 'version']);
      expect(workbookJson('/x')).toBe(workbookJson('/x'));
    });

    test('holds no Terraform template sequence besides the workspace reference', () => {
      const json = workbookJson('WORKSPACE');
      expect(json).not.toMatch(/\$\{|%\{/);
    });
  });

  describe('queries', () => {
    test('lists the queries in workbook order and returns their text', () => {
      expect(UsageWorkbook.queryNames()).toEqual(['tokens-per-user-per-day', 'top-users', 'deployment-health', 'active-users', 'tokens-per-front-end']);
      expect(UsageWorkbook.query('active-users')).toBe(readFileSync(join(ROOT, QUERIES_SOURCE, 'active-users.kql'), 'utf8').replace(/\n+$/, ''));
    });

    test('every query file has a layout and every layout a file', () => {
      expect(Object.keys(QUERY_LAYOUT).sort()).toEqual(WORKBOOK_QUERY_TEXTS.map((q) => q.name).sort());
      expect(() => workbookJson('/x', [...WORKBOOK_QUERY_TEXTS, { name: 'extra', text: 'ApiManagementGatewayLogs' }]))
        .toThrow('usage workbook: query files and QUERY_LAYOUT disagree (no layout: extra; no file: none)');
    });

    test('fails when the name is not a query', () => {
      expect(() => UsageWorkbook.query('top-user'))
        .toThrow("UsageWorkbook.query: 'name' must be one of 'tokens-per-user-per-day', 'top-users', 'deployment-health', 'active-users', 'tokens-per-front-end' (did you mean 'top-users'?), got 'top-user'");
    });
  });

  test('docs/operations.md shows every query verbatim in a kusto block', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'operations.md'), 'utf8');
    for (const q of WORKBOOK_QUERY_TEXTS) expect(doc).toContain(`\`\`\`kusto\n${q.text}\n\`\`\``);
  });

  describe('the generated query module', () => {
    test(`is exactly what the generator writes from ${QUERIES_SOURCE} (run ${QUERIES_COMMAND} to regenerate)`, () => {
      const committed = readFileSync(join(ROOT, QUERIES_TARGET), 'utf8');
      if (committed !== generateFromRepository(ROOT)) {
        throw new Error(`${QUERIES_TARGET} is out of date with ${QUERIES_SOURCE}: run ${QUERIES_COMMAND}`);
      }
    });

    test('detects a changed query file', () => {
      const files = readQueryFiles(ROOT);
      const changed = files.map((f, i) => (i === 0 ? { ...f, text: `${f.text}\n| take 1` } : f));
      expect(generateQueriesData(changed)).not.toBe(generateFromRepository(ROOT));
    });

    test('normalizes line ends and sorts by name', () => {
      const a = generateQueriesData([{ name: 'b', text: 'T\r\n| take 1\r\n\r\n' }, { name: 'a', text: 'T' }]);
      const b = generateQueriesData([{ name: 'a', text: 'T' }, { name: 'b', text: 'T\n| take 1' }]);
      expect(a).toBe(b);
    });

    test.each([
      ['a bad file name', [{ name: 'Top_Users', text: 'T' }], /Top_Users.kql: file names must be lowercase words joined by hyphens/],
      ['a file with comments only', [{ name: 'empty', text: '// nothing\n' }], /empty.kql: holds no query, only comments/],
      ['no files', [], /no .kql files/],
    ])('refuses %s', (_, files, expected) => {
      expect(() => generateQueriesData(files)).toThrow(expected);
    });
  });

  describe('fails when', () => {
    test.each([
      ['the name is not a GUID', { name: 'usage' }, /UsageWorkbook 'test\/Usage': 'name' must be a GUID in lowercase \(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\): workbooks are named by GUID and azurerm refuses uppercase letters, got 'usage'/],
      ['the name has uppercase letters', { name: '0F8FAD5B-D9CB-469F-A165-70867728950E' }, /'name' must be a GUID in lowercase .*, got '0F8FAD5B-D9CB-469F-A165-70867728950E'/],
      ['the display name is blank', { displayName: '  ' }, /UsageWorkbook 'test\/Usage': 'displayName' must not be empty, got ' {2}'/],
      ['the display name has stray whitespace', { displayName: 'Usage ' }, /'displayName' must not start or end with whitespace, got 'Usage '/],
      ['a tag is hidden-title', { tags: { 'hidden-title': 'x' } }, /'tags.hidden-title' must not be set: azurerm refuses it and sets the title from `displayName`, got 'x'/],
      ['the location is not a region', { location: 'swedencentrall' }, /'location' must be an Azure region name/],
      ['the display name is not a string', { displayName: 42 as unknown as string }, /'displayName' must be a string, got 42/],
      ['the user header is not a header name', { userHeaderName: 'X-User"]) | take 0 //' }, /'userHeaderName' must be an HTTP header name \(letters, digits and !#\$%&'\*\+\.\^_`\|~-\), got 'X-User"\]\) \| take 0 \/\/'/],
      ['the user header is blank', { userHeaderName: '' }, /'userHeaderName' must not be empty, got ''/],
      ['a prop is unknown', { sourceId: 'x' } as Partial<UsageWorkbookProps>, /'sourceId' is not a known prop/],
    ])('%s', (_, props, expected) => {
      expect(() => build(props)).toThrow(expected);
    });

    test('monitoring is missing', () => {
      expect(() => new UsageWorkbook(newStack(), 'Usage', { resourceGroupName: 'rg-chat', location: 'swedencentral' } as UsageWorkbookProps))
        .toThrow(/UsageWorkbook 'test\/Usage': 'monitoring' is required \(a Monitoring or Monitoring.fromWorkspaceId\(...\)\)/);
    });
  });
});
