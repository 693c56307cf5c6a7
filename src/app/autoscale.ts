/**
 * Rule-based autoscale of the chat app's App Service plan (`azurerm_monitor_autoscale_setting`):
 * it adds an instance when the plan's CPU (or, when asked, the app's requests per instance) stays
 * high, and removes one when every scale-in rule holds.
 *
 * Autoscale needs a Standard or Premium plan (Basic and Free have none), and stays within the
 * plan's instance limit (Standard 10, Premium v2/v3/v4 30).
 *
 * @see https://learn.microsoft.com/azure/app-service/manage-scale-up
 * @see https://learn.microsoft.com/azure/azure-monitor/autoscale/autoscale-best-practices
 * @example
 * { minInstances: 3, maxInstances: 10, requestsPerInstanceScaleOut: 600 }
 */
export interface AutoscaleOptions {
  /**
   * Fewest instances autoscale leaves running; also the instance count the plan starts with when
   * `workerCount` is lower. With zone balancing, at least 2 (App Service's minimum for a
   * zone-redundant plan); 3 in a three-zone region keeps one instance per zone.
   */
  readonly minInstances: number;
  /** Most instances autoscale adds, at most the plan SKU's limit (Standard 10, Premium 30). */
  readonly maxInstances: number;
  /**
   * Average CPU of the plan's instances (`CpuPercentage`, in percent) over 10 minutes above which
   * one instance is added.
   *
   * @default 70
   */
  readonly cpuPercentScaleOut?: number;
  /**
   * Average CPU below which one instance is removed; below `cpuPercentScaleOut`, and best under
   * half of it: autoscale estimates the load after a scale-in (the load times the instances,
   * divided by one fewer), and going from 2 instances to 1 doubles the load per instance, so a
   * value close to the scale-out one never scales in, or scales straight back out (flapping).
   *
   * @default 30
   */
  readonly cpuPercentScaleIn?: number;
  /**
   * Requests per minute per instance (the app's `Requests`, averaged over 10 minutes and divided
   * by the instance count) above which one instance is added. Chat traffic is mostly waiting on
   * the model, so CPU alone can stay low while instances run out of connections.
   *
   * @default - no requests rule: CPU only
   */
  readonly requestsPerInstanceScaleOut?: number;
  /**
   * Requests per minute per instance below which one instance may be removed (every scale-in
   * rule must hold); below `requestsPerInstanceScaleOut`, best under half of it, for the reason
   * given at `cpuPercentScaleIn`.
   *
   * @default - 40% of `requestsPerInstanceScaleOut`, rounded down
   */
  readonly requestsPerInstanceScaleIn?: number;
}
