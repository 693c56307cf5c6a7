import { ComplianceRule } from '../rule';
import { asArray, block, blocks, isExpression, ResourceView, StackModel } from './model';

/** One resource breaking one rule, before acknowledgements are applied. */
export interface Violation {
  readonly resource: ResourceView;
  readonly problem: string;
}

/** A rule: its public metadata and its check. */
export interface RuleDefinition {
  readonly info: ComplianceRule;
  check(model: StackModel): Violation[];
}

/**
 * The common shape: look at each resource of some types on its own and say what, if anything,
 * is wrong with it. `problems` returns one or several sentences, or nothing when it passes.
 */
export function resourceRule(
  info: ComplianceRule,
  problems: (r: ResourceView, model: StackModel) => string | Array<string | undefined> | undefined,
  applies: (r: ResourceView) => boolean = () => true,
): RuleDefinition {
  return {
    info,
    check(model) {
      const out: Violation[] = [];
      for (const resource of model.ofType(...info.resourceTypes)) {
        if (!applies(resource)) continue;
        const found = asArray(problems(resource, model)).filter((p): p is string => typeof p === 'string');
        if (found.length > 0) out.push({ resource, problem: found.join('; ') });
      }
      return out;
    },
  };
}

/** Reads `a.b.c` through nested blocks (first block at each level). */
export function attr(config: Record<string, any>, path: string): unknown {
  const parts = path.split('.');
  let current: unknown = config;
  for (const [i, part] of parts.entries()) {
    if (current === undefined || current === null || typeof current !== 'object') return undefined;
    const next = (current as Record<string, unknown>)[part];
    current = i < parts.length - 1 ? block(next) : next;
  }
  return current;
}

export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `'${value}'`;
  return JSON.stringify(value);
}

function unprovable(value: unknown): string {
  return `${show(value)}, a Terraform expression that cannot be proven at synth`;
}

function asBool(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

/**
 * The attribute must be written and equal `expected`. A missing attribute fails even where
 * the provider's default is the secure value, because scanners read the JSON, not the default.
 */
export function expectBool(config: Record<string, any>, path: string, expected: boolean): string | undefined {
  const value = attr(config, path);
  if (asBool(value) === expected) return undefined;
  if (isExpression(value)) return `'${path}' must be ${expected}, got ${unprovable(value)}`;
  return `'${path}' must be ${expected}, got ${show(value)}`;
}

/** The attribute must equal one of `allowed` (case-insensitive). */
export function expectOneOf(config: Record<string, any>, path: string, allowed: Array<string | number>): string | undefined {
  const value = attr(config, path);
  const norm = (v: unknown) => String(v).toLowerCase();
  if (value !== undefined && value !== null && allowed.some((a) => norm(a) === norm(value))) return undefined;
  const what = allowed.length === 1 ? show(allowed[0]) : `one of ${allowed.map(show).join(', ')}`;
  if (isExpression(value)) return `'${path}' must be ${what}, got ${unprovable(value)}`;
  return `'${path}' must be ${what}, got ${show(value)}`;
}

/** The attribute must be a non-empty string (an expression counts: it is set). */
export function expectSet(config: Record<string, any>, path: string): string | undefined {
  const value = attr(config, path);
  if (typeof value === 'string' && value.trim() !== '') return undefined;
  if (typeof value === 'number') return undefined;
  return `'${path}' must be set, got ${show(value)}`;
}

/** The resource must have a managed identity block with a type. */
export function expectIdentity(config: Record<string, any>): string | undefined {
  const identity = block(config.identity);
  if (typeof identity.type === 'string' && identity.type.trim() !== '') return undefined;
  return `'identity' must declare a managed identity (SystemAssigned or UserAssigned), got ${show(config.identity)}`;
}

/** A diagnostic setting (`azurerm_monitor_diagnostic_setting`) that targets `r`. */
export function diagnosticSettingsOf(model: StackModel, r: ResourceView): ResourceView[] {
  return model.referencing(['azurerm_monitor_diagnostic_setting'], r, (d) => [d.config.target_resource_id]);
}

/** Log categories and category groups a diagnostic setting enables, lowercased. */
export function enabledLogs(setting: ResourceView): string[] {
  return blocks(setting.config.enabled_log)
    .flatMap((l) => [l.category, l.category_group])
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.toLowerCase());
}

/** What a private endpoint rule expects: the subresource and the privatelink zones that resolve it. */
export interface EndpointExpectation {
  /** Accepted subresource names; each maps to the zones acceptable for it. */
  readonly zonesBySubresource: { [subresource: string]: string[] };
}

/** A private endpoint that connects to a resource, with the subresources it connects on. */
export interface EndpointOf {
  readonly endpoint: ResourceView;
  /** `subresource_names` of the connection that targets the resource, as written. */
  readonly subresources: string[];
}

/** The private endpoints whose `private_service_connection` targets `r` (by reference), in construct-tree order. */
export function endpointsOf(model: StackModel, r: ResourceView): EndpointOf[] {
  const endpoints = model.referencing(['azurerm_private_endpoint'], r,
    (pe) => blocks(pe.config.private_service_connection).map((c) => c.private_connection_resource_id));
  return endpoints.map((endpoint) => {
    const connection = blocks(endpoint.config.private_service_connection).find((c) => typeof c.private_connection_resource_id === 'string'
      && c.private_connection_resource_id.includes(`${r.address}.`))!;
    return { endpoint, subresources: asArray(connection.subresource_names).map((s) => String(s)) };
  });
}

/**
 * True when the endpoint leaves its DNS zone group to the hub's Azure Policy (a
 * DeployIfNotExists assignment creates it after the endpoint): the endpoint declares no
 * `private_dns_zone_group`, and `lifecycle.ignore_changes` lists `private_dns_zone_group` so
 * that Terraform does not delete the group the policy made. Without that entry an endpoint
 * with no zone group is simply unresolvable.
 */
export function zoneGroupManagedByPolicy(endpoint: ResourceView): boolean {
  if (blocks(endpoint.config.private_dns_zone_group).length > 0) return false;
  const ignored = attr(endpoint.config, 'lifecycle.ignore_changes');
  return Array.isArray(ignored) && ignored.some((x) => typeof x === 'string' && x.trim() === 'private_dns_zone_group');
}

/** What an endpoint's zone groups hold. */
export interface ZoneGroupContents {
  /** Number of `private_dns_zone_group` blocks. */
  readonly groups: number;
  /** Zone names in group order, lowercased; `<unknown>` for an id the checker cannot evaluate. */
  readonly zones: string[];
  /**
   * True when a whole `private_dns_zone_ids` list is one expression (`var.zone_ids`,
   * `concat(...)`): it may hold any number of zones.
   */
  readonly openEnded: boolean;
}

/** The zones in an endpoint's `private_dns_zone_group` blocks, by name. */
export function zoneGroupContents(model: StackModel, endpoint: ResourceView): ZoneGroupContents {
  const groups = blocks(endpoint.config.private_dns_zone_group);
  const openEnded = groups.some((g) => isExpression(g.private_dns_zone_ids));
  const zones = groups.flatMap((g) => asArray(g.private_dns_zone_ids)).map((id) => zoneName(model, id));
  return { groups: groups.length, zones, openEnded };
}

/**
 * Checks that some private endpoint in the stack connects to `r` on an expected subresource and
 * that the endpoint's zone group holds a zone that resolves that subresource. Returns the problem,
 * or undefined when one endpoint satisfies everything.
 *
 * A zone id the checker cannot evaluate (a variable, a remote-state output) is accepted: the zone
 * then belongs to a hub, and only its name, not its existence, could be checked. So is an
 * endpoint whose zone group is left to Azure Policy ({@link zoneGroupManagedByPolicy}).
 */
export function privateEndpointProblem(model: StackModel, r: ResourceView, expected: EndpointExpectation): string | undefined {
  const endpoints = endpointsOf(model, r);
  const subresources = Object.keys(expected.zonesBySubresource);
  if (endpoints.length === 0) {
    return `no azurerm_private_endpoint connects to it (expected private_service_connection.private_connection_resource_id = '\${${r.address}.id}' on subresource ${subresources.map(show).join(' or ')})`;
  }
  const problems: string[] = [];
  for (const { endpoint: pe, subresources: connected } of endpoints) {
    const names = connected.map((s) => s.toLowerCase());
    const sub = subresources.find((s) => names.includes(s.toLowerCase()));
    if (!sub) {
      problems.push(`private endpoint '${pe.path}' connects to subresource ${show(connected)}, expected ${subresources.map(show).join(' or ')}`);
      continue;
    }
    const wanted = expected.zonesBySubresource[sub];
    if (zoneGroupManagedByPolicy(pe)) return undefined;
    const { groups, zones } = zoneGroupContents(model, pe);
    if (groups === 0) {
      problems.push(`private endpoint '${pe.path}' has no private_dns_zone_group, expected one holding ${wanted.map(show).join(' or ')} `
        + '(or lifecycle.ignore_changes = ["private_dns_zone_group"] when the hub\'s Azure Policy creates the zone group)');
      continue;
    }
    if (zones.some((z) => z === UNKNOWN_ZONE || wanted.includes(z))) return undefined;
    problems.push(`private endpoint '${pe.path}' has zones ${show(zones)} in its zone group, expected ${wanted.map(show).join(' or ')}`);
  }
  return problems.join('; ');
}

/** Stands for a zone id whose zone name the checker cannot evaluate at synth. */
export const UNKNOWN_ZONE = '<unknown>';

/** The DNS zone name behind a zone id: a zone in this stack, a data source, or a literal resource id. */
function zoneName(model: StackModel, id: unknown): string {
  const resource = model.target(id);
  if (resource) return typeof resource.config.name === 'string' && !isExpression(resource.config.name) ? resource.config.name.toLowerCase() : UNKNOWN_ZONE;
  const data = model.dataTarget(id);
  if (data) return typeof data.name === 'string' && !isExpression(data.name) ? data.name.toLowerCase() : UNKNOWN_ZONE;
  if (typeof id === 'string' && !isExpression(id)) {
    const m = /\/privatednszones\/([^/]+)$/i.exec(id);
    return m ? m[1].toLowerCase() : id;
  }
  return UNKNOWN_ZONE;
}

/** Kinds of `azurerm_cognitive_account` that serve Azure OpenAI models, lowercased. */
const MODEL_ACCOUNT_KINDS = ['openai', 'aiservices'];

/**
 * Cognitive accounts that serve Azure OpenAI models, the library's model accounts: kind `OpenAI`
 * and kind `AIServices` (Microsoft Foundry), compared case-insensitively. The PCHAT-OAI-* rules
 * hold for both.
 */
export function isOpenAiAccount(r: ResourceView): boolean {
  return typeof r.config.kind === 'string' && MODEL_ACCOUNT_KINDS.includes(r.config.kind.toLowerCase());
}

/** Cognitive accounts of kind `AIServices` (Microsoft Foundry), compared case-insensitively. */
export function isAiServicesAccount(r: ResourceView): boolean {
  return typeof r.config.kind === 'string' && r.config.kind.toLowerCase() === 'aiservices';
}
