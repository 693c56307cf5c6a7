import { MonitorAutoscaleSetting, MonitorAutoscaleSettingProfileRule } from '@cdktf/provider-azurerm/lib/monitor-autoscale-setting';
import { Construct } from 'constructs';
import { AzureNameRule, Names } from '../../core/names';
import { checkIntRange, FieldSpec, is, isUnresolved, propError, ruleError } from '../../core/private/validate';
import { AutoscaleOptions } from '../autoscale';

/** Scale-out CPU threshold when none is given (percent): the portal's suggested rule. */
export const DEFAULT_CPU_SCALE_OUT = 70;
/**
 * Scale-in CPU threshold when none is given: under half of the scale-out threshold, so that going
 * from two instances to one (which doubles the load per instance) does not cross it again.
 */
export const DEFAULT_CPU_SCALE_IN = 30;
/** Scale-in requests threshold, as a share of the scale-out one, when none is given (under half, as for CPU). */
export const DEFAULT_REQUESTS_SCALE_IN_SHARE = 0.4;

/**
 * Metric namespaces, in the lowercase form Azure reports them (the provider's own examples write
 * `microsoft.compute/virtualmachinescalesets`), so that a refresh shows no difference.
 */
export const PLAN_METRIC_NAMESPACE = 'microsoft.web/serverfarms';
export const SITE_METRIC_NAMESPACE = 'microsoft.web/sites';

/** Window each rule averages over, and the metric's grain. */
const TIME_WINDOW = 'PT10M';
const TIME_GRAIN = 'PT1M';
/** A new instance pulls the image and starts the front end before it takes load: wait before adding another. */
const SCALE_OUT_COOLDOWN = 'PT5M';
/** Removing instances more slowly than adding them keeps a burst from flapping the plan. */
const SCALE_IN_COOLDOWN = 'PT10M';

/** Most instances of a plan by SKU tier (App Service limits: Basic 3, Standard 10, Premium v2/v3 30, Isolated v2 100). */
export function instanceLimit(sku: string | undefined): { readonly max: number; readonly tier: string } {
  if (sku === undefined || isUnresolved(sku)) return { max: 100, tier: 'an App Service' };
  if (sku.startsWith('B')) return { max: 3, tier: 'a Basic' };
  if (sku.startsWith('S')) return { max: 10, tier: 'a Standard' };
  if (sku.startsWith('I')) return { max: 100, tier: 'an Isolated v2' };
  return { max: 30, tier: 'a Premium' };
}

/** Runtime shape of {@link AutoscaleOptions}. */
export const AUTOSCALE_SHAPE: FieldSpec = is.object({
  minInstances: is.integer(true),
  maxInstances: is.integer(true),
  cpuPercentScaleOut: is.number(),
  cpuPercentScaleIn: is.number(),
  requestsPerInstanceScaleOut: is.number(),
  requestsPerInstanceScaleIn: is.number(),
});

/** The plan an autoscale setting scales, as far as synth knows it. */
export interface AutoscalePlan {
  /** The plan's SKU; undefined for a plan given by id. */
  readonly sku?: string;
  /** The plan's `workerCount` prop, when given. */
  readonly workerCount?: number;
  readonly zoneBalancingEnabled?: boolean;
}

const known = (v: number | undefined): v is number => v !== undefined && !isUnresolved(v);

/**
 * Throws for autoscale options the plan cannot honour, naming the prop: bounds that cross, counts
 * over the SKU's limit, thresholds that would flap, a tier without autoscale, and a zone-balanced
 * plan whose minimum is under App Service's 2.
 */
export function checkAutoscale(scope: Construct, options: AutoscaleOptions, plan: AutoscalePlan): void {
  const { sku } = plan;
  if (sku !== undefined && !isUnresolved(sku) && /^[BF]/.test(sku)) {
    throw ruleError(scope, `'autoscale' needs a Standard or Premium plan: App Service offers no autoscale on Free or Basic, got 'skuName' '${sku}'`);
  }
  const limit = instanceLimit(sku);
  const where = sku === undefined ? `the instance limit of ${limit.tier} plan` : `the instance limit of ${limit.tier} plan ('skuName' '${sku}')`;
  for (const prop of ['minInstances', 'maxInstances'] as const) {
    const value = options[prop];
    checkIntRange(scope, `autoscale.${prop}`, value, 1, 1000);
    if (known(value) && value > limit.max) {
      throw ruleError(scope, `'autoscale.${prop}' must be at most ${limit.max}, ${where}, got ${value}`);
    }
  }
  const { minInstances: min, maxInstances: max } = options;
  if (known(min) && known(max) && min > max) {
    throw ruleError(scope, `'autoscale.minInstances' (${min}) must not exceed 'autoscale.maxInstances' (${max}): the bounds cross, got ${min} > ${max}`);
  }
  const workers = plan.workerCount;
  if (known(workers) && known(max) && workers > max) {
    throw ruleError(scope, `'workerCount' (${workers}) must not exceed 'autoscale.maxInstances' (${max}): the plan starts within the autoscale bounds, got ${workers} > ${max}`);
  }
  if (plan.zoneBalancingEnabled === true && known(min) && min < 2) {
    throw ruleError(scope, `'zoneBalancingEnabled' needs at least 2 instances (App Service's minimum for a zone-redundant plan), got 'autoscale.minInstances' ${min}`);
  }
  checkThreshold(scope, 'cpuPercentScaleOut', options.cpuPercentScaleOut, 100);
  checkThreshold(scope, 'cpuPercentScaleIn', options.cpuPercentScaleIn, 100);
  const cpuOut = options.cpuPercentScaleOut ?? DEFAULT_CPU_SCALE_OUT;
  const cpuIn = options.cpuPercentScaleIn ?? DEFAULT_CPU_SCALE_IN;
  checkBelow(scope, 'cpuPercentScaleIn', cpuIn, 'cpuPercentScaleOut', cpuOut);
  checkThreshold(scope, 'requestsPerInstanceScaleOut', options.requestsPerInstanceScaleOut);
  checkThreshold(scope, 'requestsPerInstanceScaleIn', options.requestsPerInstanceScaleIn);
  if (options.requestsPerInstanceScaleIn !== undefined && options.requestsPerInstanceScaleOut === undefined) {
    throw ruleError(scope, "'autoscale.requestsPerInstanceScaleIn' needs 'autoscale.requestsPerInstanceScaleOut': without a scale-out rule on requests, "
      + `a scale-in rule on them only holds CPU scale-in back, got requestsPerInstanceScaleIn ${options.requestsPerInstanceScaleIn} alone`);
  }
  if (options.requestsPerInstanceScaleOut !== undefined) {
    checkBelow(scope, 'requestsPerInstanceScaleIn', requestsScaleIn(options), 'requestsPerInstanceScaleOut', options.requestsPerInstanceScaleOut);
  }
}

/** A threshold is a number above 0 (a metric under 0 never triggers), at most `max` for a percentage. */
function checkThreshold(scope: Construct, prop: string, value: number | undefined, max?: number): void {
  if (!known(value)) return;
  if (value <= 0 || (max !== undefined && value > max)) {
    throw propError(scope, `autoscale.${prop}`, max !== undefined ? `must be a percentage above 0 and at most ${max}` : 'must be above 0', value);
  }
}

function checkBelow(scope: Construct, inProp: string, inValue: number, outProp: string, outValue: number): void {
  if (!known(inValue) || !known(outValue) || inValue < outValue) return;
  throw ruleError(scope, `'autoscale.${inProp}' (${inValue}) must be below 'autoscale.${outProp}' (${outValue}): with the same or a higher threshold `
    + `autoscale would remove an instance only to add it back (keep it under half), got ${inValue} >= ${outValue}`);
}

function requestsScaleIn(options: AutoscaleOptions): number {
  return options.requestsPerInstanceScaleIn ?? Math.floor(options.requestsPerInstanceScaleOut! * DEFAULT_REQUESTS_SCALE_IN_SHARE);
}

/** What {@link addAutoscaleSetting} needs. */
export interface AutoscaleSettingProps {
  readonly options: AutoscaleOptions;
  readonly resourceGroupName: string;
  /** The plan's region (an autoscale setting lives in its target's region). */
  readonly location: string;
  readonly servicePlanId: string;
  readonly webAppId: string;
  /** Instances the plan starts with: max(minInstances, workerCount). */
  readonly defaultCapacity: number;
  readonly tags?: { [key: string]: string };
}

/**
 * The autoscale setting of the plan: one profile (capacity min, max and default), a scale-out and
 * a scale-in rule on the plan's `CpuPercentage`, and, when asked, on the app's `Requests` per
 * instance. Notifications stay off (no `notification` block): scale events reach the activity log.
 *
 * @see https://learn.microsoft.com/azure/azure-monitor/autoscale/autoscale-common-metrics
 */
export function addAutoscaleSetting(scope: Construct, id: string, props: AutoscaleSettingProps): MonitorAutoscaleSetting {
  const { options } = props;
  const rules: MonitorAutoscaleSettingProfileRule[] = [
    rule(props.servicePlanId, 'CpuPercentage', PLAN_METRIC_NAMESPACE, 'Average', 'Average', false, 'GreaterThan', options.cpuPercentScaleOut ?? DEFAULT_CPU_SCALE_OUT, 'Increase'),
    rule(props.servicePlanId, 'CpuPercentage', PLAN_METRIC_NAMESPACE, 'Average', 'Average', false, 'LessThan', options.cpuPercentScaleIn ?? DEFAULT_CPU_SCALE_IN, 'Decrease'),
  ];
  if (options.requestsPerInstanceScaleOut !== undefined) {
    // Requests is the site's count per minute (its primary aggregation is Total): summed per grain,
    // averaged over the window, divided by the instances.
    rules.push(
      rule(props.webAppId, 'Requests', SITE_METRIC_NAMESPACE, 'Sum', 'Average', true, 'GreaterThan', options.requestsPerInstanceScaleOut, 'Increase'),
      rule(props.webAppId, 'Requests', SITE_METRIC_NAMESPACE, 'Sum', 'Average', true, 'LessThan', requestsScaleIn(options), 'Decrease'),
    );
  }
  return new MonitorAutoscaleSetting(scope, id, {
    name: Names.local(scope, AzureNameRule.SERVICE_PLAN, 'autoscale'),
    resourceGroupName: props.resourceGroupName,
    location: props.location,
    targetResourceId: props.servicePlanId,
    enabled: true,
    profile: [{
      name: 'default',
      capacity: { minimum: options.minInstances, maximum: options.maxInstances, default: props.defaultCapacity },
      rule: rules,
    }],
    tags: props.tags,
  });
}

function rule(
  metricResourceId: string, metricName: string, metricNamespace: string, statistic: string, timeAggregation: string, divideByInstanceCount: boolean,
  operator: string, threshold: number, direction: string,
): MonitorAutoscaleSettingProfileRule {
  return {
    metricTrigger: {
      metricName,
      metricNamespace,
      metricResourceId,
      timeGrain: TIME_GRAIN,
      statistic,
      timeWindow: TIME_WINDOW,
      timeAggregation,
      operator,
      threshold,
      divideByInstanceCount,
    },
    scaleAction: {
      direction,
      type: 'ChangeCount',
      value: 1,
      cooldown: direction === 'Increase' ? SCALE_OUT_COOLDOWN : SCALE_IN_COOLDOWN,
    },
  };
}
