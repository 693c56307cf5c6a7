import { MonitorPrivateLinkScope as AzMonitorPrivateLinkScope } from '@cdktf/provider-azurerm/lib/monitor-private-link-scope';
import { MonitorPrivateLinkScopedService } from '@cdktf/provider-azurerm/lib/monitor-private-link-scoped-service';
import { Fn, TerraformProvider } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { IMonitoring } from './monitoring';
import { AzureNameRule, Names } from '../core/names';
import { checkPlacement } from '../core/private/placement';
import { DNS_ZONES_REF, MONITORING_REF, NETWORK_REF } from '../core/private/references';
import { checkSameRegionAsNetwork } from '../core/private/regions';
import { requireProviderSubscription } from '../core/private/subscription';
import {
  checkField, checkNotBlank, checkOneOf, checkResourceId, checkShape, checkTags, is, isUnresolved, parseResourceId, propError,
} from '../core/private/validate';
import { servicePrivateEndpoint } from '../network/private/wiring';
import { PrivateLinkZone } from '../network/private-dns-zones';
import { PrivateEndpointOptions, ServicePrivateEndpoint } from '../network/private-endpoint';

/** Who may reach the resources of a scope through their public endpoints (`ingestion_access_mode`, `query_access_mode`). */
export enum ScopeAccessMode {
  /** Only through private endpoints of a scope: networks linked to the scope cannot reach resources outside it. */
  PRIVATE_ONLY = 'PrivateOnly',
  /** Private endpoints for the scope's resources, public endpoints for the rest. */
  OPEN = 'Open',
}

/** An Azure Monitor Private Link Scope that Application Insights components and workspaces join. */
export interface IMonitorPrivateLinkScope extends IConstruct {
  /** Resource id of the scope. */
  readonly scopeId: string;
  /**
   * Adds a Log Analytics workspace or an Application Insights component to the scope, so that
   * networks linked to it reach that resource through the scope's private endpoint.
   *
   * @param scope construct the scoped service is created under (normally the resource's own)
   * @param id construct id of the scoped service
   * @param resourceId id of the workspace or component
   */
  addScopedResource(scope: Construct, id: string, resourceId: string): MonitorPrivateLinkScopedService;
}

/** Props of {@link MonitorPrivateLinkScope}. */
export interface MonitorPrivateLinkScopeProps extends PrivateEndpointOptions {
  /** Resource group of the scope and its private endpoint. */
  readonly resourceGroupName: string;
  /** Region of the private endpoint (the scope itself is global); the network's region. */
  readonly location: string;
  /**
   * The stack's workspace, added to the scope so that agents and query clients in the network
   * reach it privately. Leave out for a workspace that joins another scope.
   *
   * @default - no workspace is scoped
   */
  readonly monitoring?: IMonitoring;
  /**
   * Ingestion through public endpoints. `PrivateOnly` keeps telemetry from the network on private
   * endpoints; it also stops the network from sending telemetry to Application Insights or
   * workspaces outside the scope, which is why a network should have one scope.
   *
   * @default ScopeAccessMode.PRIVATE_ONLY
   */
  readonly ingestionAccessMode?: ScopeAccessMode;
  /**
   * Queries through public endpoints. `Open` matches the workspace's default
   * (`internetQueryEnabled`), so operators read logs in the portal without a private path.
   *
   * @default ScopeAccessMode.OPEN
   */
  readonly queryAccessMode?: ScopeAccessMode;
  /**
   * Name of the scope.
   *
   * @default - `ampls-<construct id>-<hash>`
   */
  readonly name?: string;
  /** Tags of the scope and its private endpoint. */
  readonly tags?: { [key: string]: string };
}

/** Options of {@link MonitorPrivateLinkScope.fromScopeId}. */
export interface MonitorPrivateLinkScopeImportOptions {
  /**
   * An azurerm provider (normally aliased) for the scope's subscription, which creates the scoped
   * services. `azurerm_monitor_private_link_scoped_service` names its scope by name and resource
   * group, so it joins a scope only in its provider's subscription: a landing zone's scope in the
   * connectivity or management subscription needs this.
   *
   * @default - the stack's default azurerm provider: the scope must be in its subscription
   *   (checked at synth when the provider's `subscriptionId` is set, otherwise at plan)
   */
  readonly provider?: TerraformProvider;
}

const MODES = [ScopeAccessMode.PRIVATE_ONLY, ScopeAccessMode.OPEN];
/** What a scope takes: Log Analytics workspaces and Application Insights components. */
const SCOPED_TYPES = ['Microsoft.OperationalInsights/workspaces', 'Microsoft.Insights/components'];

abstract class ScopeBase extends Construct implements IMonitorPrivateLinkScope {
  public abstract readonly scopeId: string;
  /** Name and resource group of the scope, as `azurerm_monitor_private_link_scoped_service` takes them. */
  protected abstract readonly scopeName: string;
  protected abstract readonly scopeResourceGroupName: string;
  /** Provider of the scoped services; undefined for the stack's default. */
  protected readonly scopedServiceProvider?: TerraformProvider;

  public addScopedResource(scope: Construct, id: string, resourceId: string): MonitorPrivateLinkScopedService {
    checkField(this, 'addScopedResource.scope', scope, is.reference(['node'], 'a construct (normally the scoped resource\'s own)', true));
    checkField(this, 'addScopedResource.id', id, is.string(true));
    checkNotBlank(this, 'addScopedResource.id', id);
    if (scope.node.tryFindChild(id)) {
      throw propError(this, 'addScopedResource.id', `must be unique under ${scope.node.path}: a construct with this id already exists there`, id);
    }
    checkField(this, 'addScopedResource.resourceId', resourceId, is.string(true));
    checkResourceId(this, 'addScopedResource.resourceId', resourceId, SCOPED_TYPES);
    const child = new Construct(scope, id);
    const service = new MonitorPrivateLinkScopedService(child, 'Resource', {
      // From the linked resource, not the construct path: a landing zone's scope is shared by many
      // stacks, and one resource joins a scope once.
      name: `amplss-${Fn.substr(Fn.sha1(Fn.lower(resourceId)), 0, 16)}`,
      resourceGroupName: this.scopeResourceGroupName,
      scopeName: this.scopeName,
      linkedResourceId: resourceId,
      provider: this.scopedServiceProvider,
    });
    this.checkSubscription(service);
    return service;
  }

  /** Makes sure `service` is created in the scope's subscription. */
  protected checkSubscription(_service: MonitorPrivateLinkScopedService): void {
    // A scope created here is in the stack's subscription.
  }
}

/**
 * An Azure Monitor Private Link Scope (AMPLS) with its private endpoint: telemetry from the
 * network to the scoped Application Insights components and workspaces stays on private
 * addresses.
 *
 * - ingestion `PrivateOnly` and query `Open` by default;
 * - a private endpoint on `azuremonitor` whose zone group holds the five Azure Monitor zones
 *   ({@link PrivateLinkZone.azureMonitor});
 * - the stack's workspace in the scope, when `monitoring` is given.
 *
 * Azure Monitor's endpoints are shared by every resource of a kind, so the private DNS of a
 * network should hold one scope: in a landing zone that already has one, use
 * {@link MonitorPrivateLinkScope.fromScopeId} and add resources to it instead.
 *
 * @see https://learn.microsoft.com/azure/azure-monitor/logs/private-link-design
 */
export class MonitorPrivateLinkScope extends ScopeBase {
  /**
   * An existing scope (e.g. the landing zone's, with its private endpoint and DNS): resources are
   * added to it and nothing else is created.
   *
   * `azurerm_monitor_private_link_scoped_service` joins a scope only in its provider's
   * subscription: for a scope in another subscription (a landing zone's, in the connectivity or
   * management subscription), pass an azurerm provider for that subscription as
   * `options.provider`. Without it, a scope in another subscription fails at synth when the
   * stack's azurerm provider sets `subscriptionId`, and at plan (a precondition on each scoped
   * service) when the subscription comes from the environment.
   *
   * @param scopeId resource id of the `Microsoft.Insights/privateLinkScopes` scope
   */
  public static fromScopeId(scope: Construct, id: string, scopeId: string, options?: MonitorPrivateLinkScopeImportOptions): IMonitorPrivateLinkScope {
    return new ImportedScope(scope, id, scopeId, options);
  }

  public readonly scopeId: string;
  /** The `azurerm_monitor_private_link_scope` (escape hatch). */
  public readonly resource: AzMonitorPrivateLinkScope;
  /** Its private endpoint (`azuremonitor`). */
  public readonly privateEndpoint: ServicePrivateEndpoint;
  /** The workspace's membership of the scope, with `monitoring`. */
  public readonly workspaceScopedService?: MonitorPrivateLinkScopedService;
  protected readonly scopeName: string;
  protected readonly scopeResourceGroupName: string;

  constructor(scope: Construct, id: string, props: MonitorPrivateLinkScopeProps) {
    super(scope, id);
    checkShape(this, props, {
      resourceGroupName: is.string(true),
      location: is.string(true),
      network: NETWORK_REF(true),
      dnsZones: DNS_ZONES_REF(true),
      monitoring: MONITORING_REF(),
      ingestionAccessMode: is.string(),
      queryAccessMode: is.string(),
      name: is.string(),
      tags: is.stringMap(),
    });
    checkPlacement(this, props.resourceGroupName, props.location);
    checkSameRegionAsNetwork(this, 'location', props.location, props.network.location);
    checkTags(this, 'tags', props.tags);
    AzureNameRule.MONITOR_PRIVATE_LINK_SCOPE.validate(this, 'name', props.name);
    if (props.ingestionAccessMode !== undefined) checkOneOf(this, 'ingestionAccessMode', props.ingestionAccessMode, MODES);
    if (props.queryAccessMode !== undefined) checkOneOf(this, 'queryAccessMode', props.queryAccessMode, MODES);

    this.resource = new AzMonitorPrivateLinkScope(this, 'Resource', {
      name: props.name ?? Names.local(this, AzureNameRule.MONITOR_PRIVATE_LINK_SCOPE, 'ampls'),
      resourceGroupName: props.resourceGroupName,
      ingestionAccessMode: props.ingestionAccessMode ?? ScopeAccessMode.PRIVATE_ONLY,
      queryAccessMode: props.queryAccessMode ?? ScopeAccessMode.OPEN,
      tags: props.tags,
    });
    this.scopeId = this.resource.id;
    // References, so that each scoped service waits for the scope.
    this.scopeName = this.resource.name;
    this.scopeResourceGroupName = this.resource.resourceGroupName;
    if (props.monitoring) {
      this.workspaceScopedService = this.addScopedResource(this, 'Workspace', props.monitoring.workspaceId);
    }
    // After the workspace joins: an endpoint created first registers no workspace records.
    this.privateEndpoint = servicePrivateEndpoint(this, props, {
      targetResourceId: this.scopeId,
      subresource: 'azuremonitor',
      zones: PrivateLinkZone.azureMonitor(),
      dependsOn: this.workspaceScopedService ? [this.workspaceScopedService] : undefined,
    });
  }
}

class ImportedScope extends ScopeBase {
  /** Shown in error messages instead of this internal class name. */
  public static readonly errorKind = 'MonitorPrivateLinkScope.fromScopeId';

  public readonly scopeId: string;
  protected readonly scopeName: string;
  protected readonly scopeResourceGroupName: string;
  protected readonly scopedServiceProvider?: TerraformProvider;

  constructor(scope: Construct, id: string, scopeId: string, options?: MonitorPrivateLinkScopeImportOptions) {
    super(scope, id);
    checkField(this, 'scopeId', scopeId, is.string(true));
    checkResourceId(this, 'scopeId', scopeId, 'Microsoft.Insights/privateLinkScopes');
    checkShape(this, options, { provider: is.instance(TerraformProvider, 'an AzurermProvider for the scope\'s subscription') }, 'options');
    const provider = options?.provider;
    if (provider !== undefined && provider.terraformResourceType !== 'azurerm') {
      throw propError(this, 'options.provider', 'must be an azurerm provider (AzurermProvider) for the scope\'s subscription', provider.terraformResourceType);
    }
    this.scopedServiceProvider = provider;
    this.scopeId = scopeId;
    const parsed = isUnresolved(scopeId) ? undefined : parseResourceId(scopeId);
    // /subscriptions/<s>/resourceGroups/<rg>/providers/Microsoft.Insights/privateLinkScopes/<name>
    this.scopeResourceGroupName = parsed?.resourceGroup ?? Fn.element(Fn.split('/', scopeId), 4);
    this.scopeName = parsed?.names[0] ?? Fn.element(Fn.split('/', scopeId), 8);
  }

  protected checkSubscription(service: MonitorPrivateLinkScopedService): void {
    requireProviderSubscription({
      owner: this,
      prop: 'scopeId',
      resourceId: this.scopeId,
      why: 'azurerm_monitor_private_link_scoped_service names its scope by name and resource group, so it joins a scope only in its provider\'s subscription',
      wayOut: 'pass an azurerm provider for that subscription as \'options.provider\' of fromScopeId, or add the resource to the scope from a stack in that subscription',
      provider: this.scopedServiceProvider,
    }, service);
  }
}
