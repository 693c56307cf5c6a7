import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { Construct, IConstruct } from 'constructs';
import { AzureNameRule, Names } from '../core/names';
import { checkPlacement } from '../core/private/placement';
import { checkIntRange, checkResourceId, isUnresolved, propError, ruleError } from '../core/private/validate';

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
   * Name of the diagnostic setting (unique per resource).
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

abstract class MonitoringBase extends Construct implements IMonitoring {
  public abstract readonly workspaceId: string;

  public addDiagnosticSetting(scope: Construct, id: string, options: DiagnosticSettingOptions): MonitorDiagnosticSetting {
    checkResourceId(this, `addDiagnosticSetting(${id}).targetResourceId`, options.targetResourceId);
    const categories = options.logCategories ?? [];
    const groups = options.logCategoryGroups ?? (options.logCategories ? [] : ['allLogs']);
    if (categories.length === 0 && groups.length === 0 && options.metrics === false) {
      throw ruleError(this, `diagnostic setting '${id}' for ${scope.node.path} sends nothing: set 'logCategories', 'logCategoryGroups' or 'metrics', got no log categories and 'metrics' false`);
    }
    return new MonitorDiagnosticSetting(scope, id, {
      name: options.name ?? 'to-log-analytics',
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
  /** Uses an existing workspace (e.g. the platform team's central one): nothing is created. */
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
    checkResourceId(this, 'workspaceId', workspaceId, 'Microsoft.OperationalInsights');
    this.workspaceId = workspaceId;
  }
}
