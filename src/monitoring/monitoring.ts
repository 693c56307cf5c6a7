import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AzureNameRule, Names } from '../core/names';
import { checkPlacement } from '../core/private/placement';
import {
  checkField, checkIntRange, checkNotBlank, checkResourceId, checkShape, checkTags, is, isUnresolved, propError, ruleError, Shape,
} from '../core/private/validate';

/** What to send from one resource to the workspace. */
export interface DiagnosticSettingOptions {
  /** Resource id of the monitored resource. */
  readonly targetResourceId: string;
  /**
   * Log categories to enable, e.g. `Audit`, `RequestResponse`.
   *
   * @default - none by category; see `logCategoryGroups`
   */
  readonly logCategories?: string[];
  /**
   * Log category groups to enable, e.g. `audit`, `allLogs`.
   *
   * @default - `['allLogs']` when `logCategories` is not set either, otherwise none
   */
  readonly logCategoryGroups?: string[];
  /**
   * Send the resource's platform metrics (`AllMetrics`).
   *
   * @default true
   */
  readonly metrics?: boolean;
  /**
   * Name of the diagnostic setting: unique per resource (case-insensitive), 1-260 characters,
   * without `< > * % & : \ ? + /`.
   *
   * @default 'to-log-analytics'
   */
  readonly name?: string;
}

/** A Log Analytics workspace that resources send their logs to: created here or existing. */
export interface IMonitoring extends IConstruct {
  /** Resource id of the Log Analytics workspace. */
  readonly workspaceId: string;

  /**
   * Adds a diagnostic setting that sends `options.targetResourceId`'s logs to this workspace.
   *
   * @param scope construct the setting is created under (normally the monitored construct)
   * @param id construct id of the setting
   */
  addDiagnosticSetting(scope: Construct, id: string, options: DiagnosticSettingOptions): MonitorDiagnosticSetting;
}

/** Props of {@link Monitoring}. */
export interface MonitoringProps {
  /** Resource group of the workspace. */
  readonly resourceGroupName: string;
  /** Azure region of the workspace. */
  readonly location: string;
  /**
   * Name of the workspace.
   *
   * @default - `log-<construct id>-<hash of the construct path>`
   */
  readonly name?: string;
  /**
   * Days logs are kept (30-730).
   *
   * @default 90
   */
  readonly retentionInDays?: number;
  /**
   * Daily ingestion cap in GB, to bound the cost of request/response logging.
   *
   * @default - no cap
   */
  readonly dailyQuotaGb?: number;
  /**
   * Allow queries from public networks (still Entra-authenticated and RBAC-checked).
   *
   * On by default so that operators can read logs in the portal without an Azure Monitor
   * Private Link Scope. Ingestion from public networks is always off: resources send their logs
   * over Azure's backbone through diagnostic settings.
   *
   * @default true
   */
  readonly internetQueryEnabled?: boolean;
  /**
   * Tags.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** Longest diagnostic setting name Azure accepts. */
const MAX_SETTING_NAME = 260;
/** Characters Azure refuses in a diagnostic setting name (the portal's rule, also the provider's). */
const FORBIDDEN_SETTING_CHARS = /[<>*%&:\\?+/]/;
const DEFAULT_SETTING_NAME = 'to-log-analytics';

const SETTING_SHAPE: Shape = {
  targetResourceId: is.string(true),
  logCategories: is.arrayOf(is.string()),
  logCategoryGroups: is.arrayOf(is.string()),
  metrics: is.boolean(),
  name: is.string(),
};

/**
 * Diagnostic setting names already used per target resource, per stack: Azure keeps one setting
 * of a name per resource, so a second one (from any workspace) would replace or conflict with
 * the first at apply. Target ids that are tokens compare by token text, i.e. by resource object.
 */
const SETTING_NAMES = new WeakMap<TerraformStack, Map<string, Map<string, string>>>();

function claimSettingName(owner: Construct, prop: string, scope: Construct, id: string, targetResourceId: string, name: string): void {
  const stack = TerraformStack.of(scope);
  let byTarget = SETTING_NAMES.get(stack);
  if (!byTarget) {
    byTarget = new Map();
    SETTING_NAMES.set(stack, byTarget);
  }
  const key = targetResourceId.toLowerCase();
  const names = byTarget.get(key) ?? new Map<string, string>();
  byTarget.set(key, names);
  const other = names.get(name.toLowerCase());
  if (other !== undefined) {
    throw propError(owner, prop, `must be unique per target resource: diagnostic setting '${other}' already uses it for the same target (Azure names are case-insensitive)`, name);
  }
  names.set(name.toLowerCase(), `${scope.node.path}/${id}`);
}

abstract class MonitoringBase extends Construct implements IMonitoring {
  public abstract readonly workspaceId: string;

  public addDiagnosticSetting(scope: Construct, id: string, options: DiagnosticSettingOptions): MonitorDiagnosticSetting {
    checkField(this, 'addDiagnosticSetting.scope', scope, is.reference(['node'], 'a construct (normally the monitored one)', true));
    checkField(this, 'addDiagnosticSetting.id', id, is.string(true));
    checkNotBlank(this, 'addDiagnosticSetting.id', id);
    const prefix = `addDiagnosticSetting(${id})`;
    checkShape(this, options, SETTING_SHAPE, prefix);
    checkResourceId(this, `${prefix}.targetResourceId`, options.targetResourceId);
    if (scope.node.tryFindChild(id)) {
      throw propError(this, 'addDiagnosticSetting.id', `must be unique under ${scope.node.path}: a construct with this id already exists there`, id);
    }
    const name = options.name ?? DEFAULT_SETTING_NAME;
    if (!isUnresolved(name)) {
      if (name.trim() === '' || name.length > MAX_SETTING_NAME) {
        throw propError(this, `${prefix}.name`, `must be 1-${MAX_SETTING_NAME} characters`, name);
      }
      if (FORBIDDEN_SETTING_CHARS.test(name)) {
        throw propError(this, `${prefix}.name`, "must not contain '<', '>', '*', '%', '&', ':', '\\', '?', '+' or '/' (Azure refuses them in a diagnostic setting name)", name);
      }
      if (name !== name.trim()) throw propError(this, `${prefix}.name`, 'must not start or end with whitespace', name);
    }
    const categories = options.logCategories ?? [];
    const groups = options.logCategoryGroups ?? (options.logCategories ? [] : ['allLogs']);
    for (const [prop, list] of [['logCategories', categories], ['logCategoryGroups', groups]] as const) {
      if (isUnresolved(list)) continue;
      const seen = new Set<string>();
      for (const [i, item] of list.entries()) {
        if (isUnresolved(item)) continue;
        checkNotBlank(this, `${prefix}.${prop}[${i}]`, item);
        if (seen.has(item.toLowerCase())) throw propError(this, `${prefix}.${prop}[${i}]`, 'must not repeat a category', item);
        seen.add(item.toLowerCase());
      }
    }
    const none = (list: string[]) => !isUnresolved(list) && list.length === 0;
    if (none(categories) && none(groups) && options.metrics === false) {
      throw ruleError(this, `diagnostic setting '${id}' for ${scope.node.path} sends nothing: set 'logCategories', 'logCategoryGroups' or 'metrics', got no log categories and 'metrics' false`);
    }
    if (!isUnresolved(name)) claimSettingName(this, `${prefix}.name`, scope, id, options.targetResourceId, name);
    return new MonitorDiagnosticSetting(scope, id, {
      name,
      targetResourceId: options.targetResourceId,
      logAnalyticsWorkspaceId: this.workspaceId,
      // Resource-specific tables are cheaper to query and are what Microsoft's workbooks expect.
      logAnalyticsDestinationType: 'Dedicated',
      enabledLog: [
        ...categories.map((category) => ({ category })),
        ...groups.map((categoryGroup) => ({ categoryGroup })),
      ],
      enabledMetric: (options.metrics ?? true) ? [{ category: 'AllMetrics' }] : undefined,
    });
  }
}

/**
 * A Log Analytics workspace, and diagnostic settings that send any resource's logs to it.
 *
 * @see https://learn.microsoft.com/azure/azure-monitor/logs/log-analytics-workspace-overview
 */
export class Monitoring extends MonitoringBase {
  /**
   * Uses an existing workspace (e.g. the platform team's central one): nothing is created.
   *
   * The workspace may be in another subscription: diagnostic settings and the other consumers
   * take its whole id.
   */
  public static fromWorkspaceId(scope: Construct, id: string, workspaceId: string): IMonitoring {
    return new ImportedMonitoring(scope, id, workspaceId);
  }

  public readonly workspaceId: string;
  /** Name of the workspace. */
  public readonly workspaceName: string;
  /** The `azurerm_log_analytics_workspace` (escape hatch). */
  public readonly workspace: LogAnalyticsWorkspace;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    checkShape(this, props, {
      resourceGroupName: is.string(true),
      location: is.string(true),
      name: is.string(),
      retentionInDays: is.number(),
      dailyQuotaGb: is.number(),
      internetQueryEnabled: is.boolean(),
      tags: is.stringMap(),
    });
    checkTags(this, 'tags', props.tags);
    checkPlacement(this, props.resourceGroupName, props.location);
    AzureNameRule.LOG_ANALYTICS_WORKSPACE.validate(this, 'name', props.name);
    checkIntRange(this, 'retentionInDays', props.retentionInDays, 30, 730);
    if (props.dailyQuotaGb !== undefined && !isUnresolved(props.dailyQuotaGb) && !(props.dailyQuotaGb > 0)) {
      throw propError(this, 'dailyQuotaGb', 'must be a positive number of GB', props.dailyQuotaGb);
    }

    this.workspaceName = props.name ?? Names.local(this, AzureNameRule.LOG_ANALYTICS_WORKSPACE, 'log');
    this.workspace = new LogAnalyticsWorkspace(this, 'Resource', {
      name: this.workspaceName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku: 'PerGB2018',
      retentionInDays: props.retentionInDays ?? 90,
      dailyQuotaGb: props.dailyQuotaGb,
      internetIngestionEnabled: false,
      internetQueryEnabled: props.internetQueryEnabled ?? true,
      // Entra-only access: no shared workspace keys for agents.
      localAuthenticationEnabled: false,
      tags: props.tags,
    });
    this.workspaceId = this.workspace.id;
  }
}

class ImportedMonitoring extends MonitoringBase {
  /** Shown in error messages instead of this internal class name. */
  public static readonly errorKind = 'Monitoring.fromWorkspaceId';

  public readonly workspaceId: string;

  constructor(scope: Construct, id: string, workspaceId: string) {
    super(scope, id);
    checkField(this, 'workspaceId', workspaceId, is.string(true));
    // A cluster (Microsoft.OperationalInsights/clusters) or a query pack shares the namespace but takes no logs.
    checkResourceId(this, 'workspaceId', workspaceId, 'Microsoft.OperationalInsights/workspaces');
    this.workspaceId = workspaceId;
  }
}
