// Catalogue entries of the AI gateway's usage workbook: UsageWorkbook's props and UsageWorkbook.query().
import { CatalogueEntry, LOCATION, placement, RG, WORKSPACE_ID } from './common';
import { UsageWorkbook, UsageWorkbookProps } from '../../../src/gateway/usage-workbook';
import { Monitoring } from '../../../src/monitoring';
import { newStack } from '../../util';

/** A usage workbook in a fresh stack, on an existing workspace. */
export function usageWorkbook(p: Partial<UsageWorkbookProps> = {}): UsageWorkbook {
  const stack = newStack();
  const monitoring = Monitoring.fromWorkspaceId(stack, 'Central', WORKSPACE_ID);
  return new UsageWorkbook(stack, 'Usage', { resourceGroupName: RG, location: LOCATION, monitoring, ...p });
}

const GOOD_NAME = '0f8fad5b-d9cb-469f-a165-70867728950e';

export const WORKBOOK_ENTRIES: CatalogueEntry[] = [
  ...placement('UsageWorkbook', (p) => usageWorkbook(p)).map((e) => ({ ...e, valid: () => usageWorkbook() })),
  {
    construct: 'UsageWorkbook',
    prop: 'monitoring',
    description: 'required: the workspace the gateway logs to',
    build: () => usageWorkbook({ monitoring: undefined }),
    expected: /'monitoring' is required \(a Monitoring or Monitoring\.fromWorkspaceId\(\.\.\.\)\), got undefined/,
    fix: 'Pass the Monitoring (or Monitoring.fromWorkspaceId(...)) that receives the AI gateway\'s diagnostic logs.',
    valid: () => usageWorkbook(),
  },
  {
    construct: 'UsageWorkbook',
    prop: 'name',
    description: 'workbook names are GUIDs',
    build: () => usageWorkbook({ name: 'usage' }),
    expected: /'name' must be a GUID in lowercase \(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\): workbooks are named by GUID and azurerm refuses uppercase letters, got 'usage'/,
    fix: 'Leave `name` unset (a GUID derived from the construct path), or pass a GUID; the title goes in `displayName`.',
    valid: () => usageWorkbook({ name: GOOD_NAME }),
  },
  {
    construct: 'UsageWorkbook',
    prop: 'name',
    description: 'lowercase GUID only',
    build: () => usageWorkbook({ name: GOOD_NAME.toUpperCase() }),
    expected: /'name' must be a GUID in lowercase .*, got '0F8FAD5B-D9CB-469F-A165-70867728950E'/,
    fix: 'Write the GUID in lowercase.',
    valid: () => usageWorkbook({ name: GOOD_NAME }),
  },
  {
    construct: 'UsageWorkbook',
    prop: 'displayName',
    description: 'must not be empty',
    build: () => usageWorkbook({ displayName: ' ' }),
    expected: /'displayName' must not be empty, got ' '/,
    fix: 'Pass a title such as `AI gateway usage`, or leave `displayName` unset.',
    valid: () => usageWorkbook({ displayName: 'AI gateway usage' }),
  },
  {
    construct: 'UsageWorkbook',
    prop: 'displayName',
    description: 'no leading or trailing whitespace',
    build: () => usageWorkbook({ displayName: 'Usage ' }),
    expected: /'displayName' must not start or end with whitespace, got 'Usage '/,
    fix: 'Trim the title.',
    valid: () => usageWorkbook({ displayName: 'Usage' }),
  },
  {
    construct: 'UsageWorkbook',
    prop: 'tags.hidden-title',
    description: 'the title comes from displayName',
    build: () => usageWorkbook({ tags: { 'hidden-title': 'Usage' } }),
    expected: /'tags.hidden-title' must not be set: azurerm refuses it and sets the title from `displayName`, got 'Usage'/,
    fix: 'Drop the `hidden-title` tag and set `displayName`.',
    valid: () => usageWorkbook({ displayName: 'Usage', tags: { team: 'platform' } }),
  },
  {
    construct: 'UsageWorkbook',
    prop: 'userHeaderName',
    description: 'an HTTP header name',
    build: () => usageWorkbook({ userHeaderName: 'X User' }),
    expected: /'userHeaderName' must be an HTTP header name \(letters, digits and .*\), got 'X User'/,
    fix: 'Pass the header the gateway logs, as AiGateway\'s `userHeaderName`, e.g. `X-OpenWebUI-User-Email`.',
    valid: () => usageWorkbook({ userHeaderName: 'X-User-Upn' }),
  },
  {
    construct: 'UsageWorkbook.query',
    prop: 'name',
    description: 'one of the workbook\'s queries',
    build: () => UsageWorkbook.query('top-user'),
    expected: /UsageWorkbook\.query: 'name' must be one of 'tokens-per-user-per-day', 'top-users', 'deployment-health', 'active-users', 'tokens-per-front-end' \(did you mean 'top-users'\?\), got 'top-user'/,
    fix: 'Use a name from `UsageWorkbook.queryNames()`.',
    factory: true,
    valid: () => UsageWorkbook.query('top-users'),
  },
];
