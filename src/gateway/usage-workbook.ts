import { ApplicationInsightsWorkbook } from '@cdktf/provider-azurerm/lib/application-insights-workbook';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { checkPlacement } from '../core/private/placement';
import { MONITORING_REF } from '../core/private/references';
import { closest } from '../core/private/suggest';
import {
  checkField, checkNotBlank, checkShape, checkTags, checkTrimmed, is, isUnresolved, propError,
} from '../core/private/validate';
import { IMonitoring } from '../monitoring/monitoring';
import { WORKBOOK_QUERY_TEXTS } from './private/queries-data';
import { DEFAULT_USER_HEADER, orderedQueries, workbookJson } from './private/workbook-json';
import { isLowercaseUuid, workbookNameFor } from './private/workbook-name';

/** Props of {@link UsageWorkbook}. */
export interface UsageWorkbookProps {
  /** Resource group the workbook is created in. */
  readonly resourceGroupName: string;
  /** Azure region of the workbook resource (its queries run in the workspace, wherever that is). */
  readonly location: string;
  /**
   * The workspace that receives the AI gateway's logs (diagnostic setting with destination type
   * `Dedicated`, so that `ApiManagementGatewayLogs` and `ApiManagementGatewayLlmLog` exist). The
   * workbook is attached to it and every query runs in it.
   */
  readonly monitoring: IMonitoring;
  /**
   * Name shown in the portal's workbook gallery.
   *
   * @default 'AI gateway usage'
   */
  readonly displayName?: string;
  /**
   * Resource name of the workbook: a lowercase GUID (Azure names workbooks by GUID; azurerm
   * refuses uppercase letters).
   *
   * @default - a name-based UUID from a hash of the construct path: the same on every synth
   */
  readonly name?: string;
  /**
   * Request header that names the user, as the front end sends it and the gateway logs it
   * (`AiGateway`'s `userHeaderName`). The queries read it from `RequestHeaders`.
   *
   * @default 'X-OpenWebUI-User-Email'
   */
  readonly userHeaderName?: string;
  /**
   * Tags of the workbook. `hidden-title` is refused: Azure keeps the display name there and
   * azurerm sets it from `displayName`.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

const DEFAULT_DISPLAY_NAME = 'AI gateway usage';
/** An HTTP header name: a token of RFC 9110 (and so nothing that could break out of a KQL string). */
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/**
 * An Azure Monitor workbook with the AI gateway's usage analytics: tokens per user per day, top
 * users over the last 7 days, per-deployment latency, throttling, errors and content-filter
 * blocks, and daily and weekly active users.
 *
 * The queries read the resource-specific tables `ApiManagementGatewayLogs` and
 * `ApiManagementGatewayLlmLog` of the workspace. The LLM table has no user column: users are
 * attributed by the `X-OpenWebUI-User-Email` request header, which the chat front end sends and
 * the gateway logs (diagnostic `headers_to_log`), joined on `CorrelationId`. The queries live as
 * KQL files in the package's source (`src/gateway/queries/`) and are listed in
 * docs/operations.md; {@link UsageWorkbook.query} returns each one.
 *
 * @see https://learn.microsoft.com/azure/api-management/api-management-howto-llm-logs
 * @see https://learn.microsoft.com/azure/azure-monitor/visualize/workbooks-overview
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/resources/application_insights_workbook
 */
export class UsageWorkbook extends Construct {
  /** Names of the workbook's queries (the KQL file names without `.kql`), in the order the workbook shows them. */
  public static queryNames(): string[] {
    return orderedQueries().map((q) => q.name);
  }

  /**
   * The KQL text of one of the workbook's queries, e.g. to run it in Log Analytics or to base an
   * alert on it.
   *
   * @param name one of {@link UsageWorkbook.queryNames}, e.g. `top-users`
   */
  public static query(name: string): string {
    checkField('UsageWorkbook.query', 'name', name, is.string(true));
    const found = WORKBOOK_QUERY_TEXTS.find((q) => q.name === name);
    if (!found) {
      const near = closest(name, UsageWorkbook.queryNames());
      const hint = near ? ` (did you mean '${near}'?)` : '';
      throw propError('UsageWorkbook.query', 'name', `must be one of ${UsageWorkbook.queryNames().map((n) => `'${n}'`).join(', ')}${hint}`, name);
    }
    return found.text;
  }

  /** Resource id of the workbook. */
  public readonly workbookId: string;
  /** Resource name of the workbook (a lowercase GUID). */
  public readonly workbookName: string;
  /** Resource id of the workspace the queries run in. */
  public readonly workspaceId: string;
  /** The `azurerm_application_insights_workbook` (escape hatch). */
  public readonly resource: ApplicationInsightsWorkbook;

  constructor(scope: Construct, id: string, props: UsageWorkbookProps) {
    super(scope, id);
    checkShape(this, props, {
      resourceGroupName: is.string(true),
      location: is.string(true),
      monitoring: MONITORING_REF(true),
      displayName: is.string(),
      name: is.string(),
      userHeaderName: is.string(),
      tags: is.stringMap(),
    });
    checkPlacement(this, props.resourceGroupName, props.location);
    checkNotBlank(this, 'displayName', props.displayName);
    checkTrimmed(this, 'displayName', props.displayName);
    if (props.name !== undefined && !isUnresolved(props.name) && !isLowercaseUuid(props.name)) {
      throw propError(this, 'name',
        'must be a GUID in lowercase (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx): workbooks are named by GUID and azurerm refuses uppercase letters', props.name);
    }
    const header = props.userHeaderName ?? DEFAULT_USER_HEADER;
    checkNotBlank(this, 'userHeaderName', header);
    if (!isUnresolved(header) && !HEADER_NAME.test(header)) {
      throw propError(this, 'userHeaderName', 'must be an HTTP header name (letters, digits and !#$%&\'*+.^_`|~-)', header);
    }
    checkTags(this, 'tags', props.tags);
    if (props.tags && !isUnresolved(props.tags) && Object.keys(props.tags).some((k) => k.toLowerCase() === 'hidden-title')) {
      throw propError(this, 'tags.hidden-title', 'must not be set: azurerm refuses it and sets the title from `displayName`', props.tags['hidden-title']);
    }

    this.workspaceId = props.monitoring.workspaceId;
    this.workbookName = props.name ?? workbookNameFor(this.node.path);
    this.resource = new ApplicationInsightsWorkbook(this, 'Resource', {
      name: this.workbookName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      displayName: props.displayName ?? DEFAULT_DISPLAY_NAME,
      category: 'workbook',
      // azurerm refuses uppercase letters in source_id, and the workspace id Azure returns has
      // them (`resourceGroups`, `Microsoft.OperationalInsights`).
      sourceId: isUnresolved(this.workspaceId) ? Fn.lower(this.workspaceId) : this.workspaceId.toLowerCase(),
      dataJson: workbookJson(this.workspaceId, WORKBOOK_QUERY_TEXTS, header),
      tags: props.tags,
    });
    this.workbookId = this.resource.id;
  }
}
