// How many instances ChatWebApp runs: the plan's SKU, count and zones, autoscale, and whether the
// front end has what it needs to run as several instances.
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { checkAutoscale, instanceLimit } from './autoscale-setting';
import { AzureNameRule } from '../../core/names';
import { checkZoneRedundancy } from '../../core/private/regions';
import { checkIntRange, checkResourceId, isUnresolved, propError, ruleError, warn } from '../../core/private/validate';
import { ChatWebAppProps, PRIVATE_APP_SERVICE_SKUS } from '../chat-web-app-props';
import { ChatFrontEnd, HistoryStoreKind } from '../front-end';

export function validatePlan(owner: Construct, props: ChatWebAppProps): void {
  if (props.servicePlanId !== undefined) {
    checkResourceId(owner, 'servicePlanId', props.servicePlanId, 'Microsoft.Web/serverFarms');
    const planProps: [string, unknown][] = [
      ['skuName', props.skuName], ['workerCount', props.workerCount],
      ['zoneBalancingEnabled', props.zoneBalancingEnabled], ['servicePlanName', props.servicePlanName],
    ];
    for (const [name, value] of planProps) {
      if (value !== undefined) {
        throw ruleError(owner, `'servicePlanId' and '${name}' are mutually exclusive: '${name}' configures the plan created when no 'servicePlanId' is given, got both`);
      }
    }
    // The given plan's SKU is unknown here: only the bounds and the largest plan's limit are checked.
    if (props.autoscale !== undefined) checkAutoscale(owner, props.autoscale, {});
    return;
  }
  AzureNameRule.SERVICE_PLAN.validate(owner, 'servicePlanName', props.servicePlanName);
  const sku = props.skuName ?? 'P0v3';
  if (!isUnresolved(sku) && !PRIVATE_APP_SERVICE_SKUS.includes(sku)) {
    const why = /^I\d/.test(sku)
      ? 'must not be an Isolated SKU here: Isolated v2 plans exist only inside an App Service Environment v3; pass that plan\'s id as \'servicePlanId\' instead'
      : `must be a SKU that supports both private endpoints and VNet integration (Basic, Standard, Premium v2/v3/v4): one of ${PRIVATE_APP_SERVICE_SKUS.join(', ')}`;
    throw propError(owner, 'skuName', why, sku);
  }
  // A plan created here is never Isolated (an Isolated SKU is refused above), so a SKU known only at plan is held to Premium's 30.
  checkIntRange(owner, 'workerCount', props.workerCount, 1, isUnresolved(sku) ? 30 : instanceLimit(sku).max);
  if (props.zoneBalancingEnabled === true) {
    if (!isUnresolved(sku) && !sku.startsWith('P')) {
      throw ruleError(owner, `'zoneBalancingEnabled' needs a Premium SKU (P*v2, P*v3, P*v4), got 'skuName' '${sku}'`);
    }
    // With autoscale, the plan starts at its minimum at least, which checkAutoscale holds to 2.
    const workers = props.workerCount ?? 1;
    if (props.autoscale === undefined && !isUnresolved(workers) && workers < 2) {
      throw ruleError(owner, `'zoneBalancingEnabled' needs at least 2 instances (ideally a multiple of the region's zones), got 'workerCount' ${workers}`);
    }
    checkZoneRedundancy(owner, 'zoneBalancingEnabled', props.location, 'zone-balanced instances');
  }
  if (props.autoscale !== undefined) {
    checkAutoscale(owner, props.autoscale, { sku, workerCount: props.workerCount, zoneBalancingEnabled: props.zoneBalancingEnabled });
  }
}

/**
 * Warns when the app may run several instances and the front end lacks what it needs to share
 * its state between them, naming each missing prop; silent once all are given.
 */
export function warnIfIncompleteForSeveralInstances(owner: Construct, props: ChatWebAppProps, frontEnd: ChatFrontEnd,
  uses: ReadonlySet<string>): void {
  if (severalInstances(props) !== true) return;
  const why = props.autoscale !== undefined
    ? `'autoscale.maxInstances' is ${props.autoscale.maxInstances}, so the app may run several instances`
    : `'workerCount' is ${props.workerCount}`;
  if (!uses.has('sharedState')) {
    if (frontEnd.webSocketsEnabled) {
      warn(owner, 'front-end-multi-instance', `${why}, but ${frontEnd.name} keeps WebSocket sessions in memory: with more than one instance (and client affinity off) sessions break unless it is given a Redis manager (WEBSOCKET_MANAGER=redis, WEBSOCKET_REDIS_URL) in 'appSettings'`);
    }
    return;
  }
  const missing: string[] = [];
  if (frontEnd.historyStore !== HistoryStoreKind.NONE && props.history === undefined) {
    missing.push(`'history' (a ${frontEnd.historyStore} store: otherwise each instance keeps its own database on its disk)`);
  }
  if (props.sharedState === undefined) missing.push("'sharedState' (a Redis for the WebSocket manager and shared state: otherwise sessions break between instances)");
  if (uses.has('fileStore') && props.fileStore === undefined) missing.push("'fileStore' (a private blob container: otherwise an upload sits on one instance's disk)");
  if (missing.length > 0) {
    warn(owner, 'front-end-multi-instance', `${why}, but ${frontEnd.name} needs, to run as several instances: ${missing.join(', ')}`);
  }
}

/**
 * Whether the app may run more than one instance: `workerCount` above 1, or an autoscale maximum
 * above 1. Undefined when that is unknown (a token, or a given plan without autoscale).
 */
export function severalInstances(props: ChatWebAppProps): boolean | undefined {
  if (props.autoscale !== undefined) {
    const max = props.autoscale.maxInstances;
    return isUnresolved(max) ? undefined : max > 1;
  }
  if (props.servicePlanId !== undefined) return undefined;
  const workers = props.workerCount ?? 1;
  return isUnresolved(workers) ? undefined : workers > 1;
}

/** max(minInstances, workerCount); Terraform's `max()` when either is a token (a number token is no number to compare). */
export function startingInstances(minInstances: number, workers: number): number {
  if (isUnresolved(minInstances) || isUnresolved(workers)) return Token.asNumber(Fn.max([minInstances, workers]));
  return Math.max(minInstances, workers);
}
