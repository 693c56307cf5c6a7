import { TerraformStack } from 'cdktf';
import { Cidr, parseCidr } from '../../core/private/cidr';
import { resolvedText, VIRTUAL_NETWORK_TAG } from '../../network/private/flows';
import { servicePortsOf } from '../../network/private/service-ports';
import { ServicePrivateEndpoint } from '../../network/private-endpoint';
import { asArray, block, blocks, isExpression, ResourceView, StackModel } from '../private/model';
import { Addresses, evaluate, Verdict } from '../private/nsg-eval';
import { cidrsOf, nsgOf, rulesOf } from '../private/nsg-model';
import { RuleDefinition, Violation } from '../private/rule-kit';
import { ComplianceRule } from '../rule';

const INFO: ComplianceRule = {
  id: 'PCHAT-NET-003',
  title: "Network: every private endpoint's service port is open from each caller wired to it",
  mapsTo: ['learn.microsoft.com private-link/disable-private-endpoint-network-policy'],
  rationale: 'With endpoint network policies on, the endpoint subnet\'s NSG filters traffic to the endpoints, and the caller\'s subnet NSG filters it on the way out; '
    + 'a flow the NSGs drop deploys cleanly and fails only at runtime (Open WebUI cannot open DATABASE_URL on 5432). '
    + 'Callers are the ones the library records (ServicePrivateEndpoint.allowFrom) plus those read from the configuration: a VNet-integrated web or function app '
    + 'calls every private-endpointed resource its settings reference (directly, or through a Key Vault secret\'s vault and value, azurerm or azapi), '
    + 'and an API Management instance in a VNet calls what its backends point at. NSG rules are evaluated as Azure does (priority, protocol, port ranges, '
    + 'address prefixes, service tags, default rules); a value that cannot be evaluated at synth never counts as open.',
  fix: 'Wire the caller with ServicePrivateEndpoint.allowFrom(EndpointCaller...) on a PrivateNetwork, whose NSGs then get the rules; on NSGs you manage, '
    + 'add an Allow for the port from the caller\'s subnet with a lower priority number than the blocking rule: inbound on the endpoint subnet\'s NSG, '
    + 'outbound on the caller subnet\'s NSG.',
  resourceTypes: ['azurerm_private_endpoint', 'azurerm_network_security_group', 'azurerm_network_security_rule', 'azurerm_subnet'],
};

/** Who calls an endpoint, as the rule sees it. */
interface Caller {
  /** Stable key, to merge the same caller found twice (recorded and derived). */
  readonly key: string;
  /** In words, for the finding. */
  readonly label: string;
  /** The calling subnet, when it is in the stack. */
  readonly subnet?: ResourceView;
  readonly addresses: Addresses;
  readonly ports: Set<number>;
}

/** Subnet policies that make the subnet's NSG apply to its private endpoints. */
const NSG_POLICIES = ['enabled', 'networksecuritygroupenabled'];

const APP_TYPES = ['azurerm_linux_web_app', 'azurerm_windows_web_app', 'azurerm_linux_function_app', 'azurerm_windows_function_app',
  'azurerm_linux_web_app_slot', 'azurerm_windows_web_app_slot'];
/** Attributes of an app that reference other resources without calling them. */
const NOT_CALLS = ['virtual_network_subnet_id', 'service_plan_id', 'depends_on', 'identity', 'key_vault_reference_identity_id', 'lifecycle', 'tags',
  'resource_group_name', 'location', 'app_service_id', 'parent_id'];

const REFERENCE = /\$\{([^}]*)\}/g;
const ADDRESS = /\b((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)/g;

/** Resources that `value` references, in this stack. */
function referenced(model: StackModel, value: unknown): ResourceView[] {
  const out = new Map<string, ResourceView>();
  for (const expr of JSON.stringify(value ?? null).matchAll(REFERENCE)) {
    for (const m of expr[1].matchAll(ADDRESS)) {
      const r = model.get(m[1]);
      if (r) out.set(r.address, r);
    }
  }
  return [...out.values()];
}


function subnetAddresses(subnet: ResourceView): Addresses {
  const cidrs = cidrsOf(subnet.config.address_prefixes);
  return cidrs ? { cidrs } : { unknown: `subnet ${JSON.stringify(subnet.config.name)} has address prefixes that cannot be evaluated at synth` };
}

function subnetLabel(subnet: ResourceView): string {
  const cidrs = cidrsOf(subnet.config.address_prefixes);
  return `subnet ${JSON.stringify(subnet.config.name)} (${subnet.address}${cidrs ? `, ${cidrs.map((c) => c.text).join(', ')}` : ''})`;
}


function vnetSpaceOf(model: StackModel, subnet: ResourceView | undefined): Cidr[] {
  const vnet = subnet ? model.target(subnet.config.virtual_network_name) : undefined;
  return (vnet && cidrsOf(vnet.config.address_space)) ?? [];
}

/** Callers the library recorded on the endpoint's construct (ServicePrivateEndpoint.allowFrom). */
function recordedCallers(model: StackModel, pe: ResourceView, stack: TerraformStack): Caller[] {
  const owner = pe.construct.node.scope;
  if (!(owner instanceof ServicePrivateEndpoint) || owner.servicePorts.length === 0) return [];
  return owner.callers.map(({ caller, description, ports: callerPorts }) => {
    const why = description ? ` ('${description}')` : '';
    const ports = new Set(callerPorts ?? owner.servicePorts);
    if (caller.subnetId !== undefined) {
      const text = resolvedText(stack, caller.subnetId);
      const subnet = model.target(text);
      if (subnet?.type === 'azurerm_subnet') {
        return { key: subnet.address, label: `${subnetLabel(subnet)}${why}`, subnet, addresses: subnetAddresses(subnet), ports };
      }
      return { key: text, label: `subnet '${caller.subnetId}'${why}`, addresses: { unknown: 'the subnet is not in this stack' }, ports };
    }
    const prefix = String(caller.sourceAddressPrefix);
    const cidr = parseCidr(prefix);
    const addresses: Addresses = prefix === VIRTUAL_NETWORK_TAG ? { virtualNetworkTag: true }
      : typeof cidr === 'string' ? { unknown: `'${prefix}' cannot be evaluated at synth` } : { cidrs: [cidr] };
    return { key: `prefix:${prefix}`, label: `'${prefix}'${why}`, addresses, ports };
  });
}

/** The resources a caller's configuration points at: directly, and through Key Vault secrets (their vault and their value). */
function calledResources(model: StackModel, config: Record<string, any>): ResourceView[] {
  const direct = referenced(model, Object.fromEntries(Object.entries(config).filter(([k]) => !NOT_CALLS.includes(k))));
  const out = new Map(direct.map((r) => [r.address, r]));
  const isSecret = (x: ResourceView) => x.type === 'azurerm_key_vault_secret'
    || (x.type === 'azapi_resource' && typeof x.config.type === 'string' && x.config.type.toLowerCase().startsWith('microsoft.keyvault/vaults/secrets'));
  for (const r of direct.filter(isSecret)) {
    const { key_vault_id: vault, parent_id: parent, value, value_wo: valueWo, body, sensitive_body: sensitiveBody } = r.config;
    for (const next of referenced(model, [vault, parent, value, valueWo, body, sensitiveBody])) out.set(next.address, next);
  }
  return [...out.values()];
}

/** Callers read from the configuration, by endpoint address. */
function derivedCallers(model: StackModel): Map<string, Caller[]> {
  const byEndpoint = new Map<string, Caller[]>();
  const add = (subnet: ResourceView, targets: ResourceView[], why: string) => {
    for (const target of targets) {
      const endpoints = model.referencing(['azurerm_private_endpoint'], target,
        (pe) => blocks(pe.config.private_service_connection).map((c) => c.private_connection_resource_id));
      for (const pe of endpoints) {
        const ports = blocks(pe.config.private_service_connection).flatMap((c) => asArray(c.subresource_names))
          .flatMap((s) => (typeof s === 'string' ? servicePortsOf(s) ?? [] : []));
        if (ports.length === 0) continue;
        const list = byEndpoint.get(pe.address) ?? [];
        list.push({ key: subnet.address, label: `${subnetLabel(subnet)} (${why})`, subnet, addresses: subnetAddresses(subnet), ports: new Set(ports) });
        byEndpoint.set(pe.address, list);
      }
    }
  };
  for (const app of model.ofType(...APP_TYPES)) {
    const subnet = model.target(app.config.virtual_network_subnet_id);
    if (subnet?.type !== 'azurerm_subnet') continue;
    add(subnet, calledResources(model, app.config), `VNet integration of ${app.address}`);
  }
  for (const apim of model.ofType('azurerm_api_management')) {
    const subnet = model.target(block(apim.config.virtual_network_configuration).subnet_id);
    if (subnet?.type !== 'azurerm_subnet') continue;
    const backends = model.referencing(['azurerm_api_management_backend'], apim, (b) => [b.config.api_management_name]);
    add(subnet, backends.flatMap((b) => referenced(model, [b.config.url, b.config.resource_id])), `outbound VNet integration of ${apim.address}`);
  }
  return byEndpoint;
}

function merge(callers: Caller[]): Caller[] {
  const out = new Map<string, Caller>();
  for (const c of callers) {
    const seen = out.get(c.key);
    if (seen) c.ports.forEach((p) => seen.ports.add(p));
    else out.set(c.key, { ...c, ports: new Set(c.ports) });
  }
  return [...out.values()];
}

function describeVerdict(verdict: Verdict, nsg: ResourceView, direction: string): string {
  const where = `NSG ${JSON.stringify(nsg.config.name)} (${nsg.address}) ${direction}`;
  const rule = `rule '${verdict.rule.name}' (priority ${String(verdict.rule.priority)}${verdict.rule.builtIn ? ', an Azure default rule' : ''})`;
  if (verdict.access === 'Deny') return `blocked at ${where} by ${rule}`;
  return `not provably open at ${where}: ${rule} ${verdict.reason}`;
}

function targetOf(model: StackModel, pe: ResourceView): string {
  const connection = block(pe.config.private_service_connection);
  const target = model.target(connection.private_connection_resource_id);
  const subresources = asArray(connection.subresource_names).map(String).join(', ');
  const what = target ? target.address : String(connection.private_connection_resource_id);
  return `${what}, sub-resource '${subresources}'`;
}

/** Every flow wired to a private endpoint passes every NSG on its path. */
export const NET_REACHABILITY: RuleDefinition = {
  info: INFO,
  check(model) {
    const out: Violation[] = [];
    const derived = derivedCallers(model);
    for (const pe of model.ofType('azurerm_private_endpoint')) {
      const callers = merge([...recordedCallers(model, pe, model.stack), ...(derived.get(pe.address) ?? [])]);
      if (callers.length === 0) continue;
      const peSubnet = model.target(pe.config.subnet_id);
      const destSubnet = peSubnet?.type === 'azurerm_subnet' ? peSubnet : undefined;
      const staticIp = blocks(pe.config.ip_configuration).map((c) => c.private_ip_address).find((ip) => typeof ip === 'string' && !isExpression(ip));
      const destination: Addresses = staticIp ? { cidrs: [parseCidr(`${staticIp}/32`) as Cidr] }
        : destSubnet ? subnetAddresses(destSubnet) : { unknown: 'the endpoint subnet is not in this stack' };
      const policies = destSubnet?.config.private_endpoint_network_policies;
      // azurerm 4.x defaults the attribute to Disabled: then NSGs do not apply to endpoint traffic.
      const inboundFiltered = destSubnet !== undefined && (isExpression(policies) || NSG_POLICIES.includes(String(policies ?? 'Disabled').toLowerCase()));
      const inboundNsg = inboundFiltered ? nsgOf(model, destSubnet) : undefined;
      const problems: string[] = [];
      for (const caller of callers) {
        const sourceNsg = caller.subnet ? nsgOf(model, caller.subnet) : undefined;
        const vnetSpace = vnetSpaceOf(model, destSubnet ?? caller.subnet);
        for (const port of [...caller.ports].sort((a, b) => a - b)) {
          const blocked: string[] = [];
          if (sourceNsg) {
            const verdict = evaluate(rulesOf(model, sourceNsg), { direction: 'Outbound', port, source: caller.addresses, destination, vnetSpace });
            if (verdict.access !== 'Allow') blocked.push(describeVerdict(verdict, sourceNsg, 'outbound'));
          }
          if (inboundNsg) {
            const verdict = evaluate(rulesOf(model, inboundNsg), { direction: 'Inbound', port, source: caller.addresses, destination, vnetSpace });
            if (verdict.access !== 'Allow') {
              const note = isExpression(policies) ? ' (private_endpoint_network_policies is an expression, taken as enabled)' : '';
              blocked.push(describeVerdict(verdict, inboundNsg, 'inbound') + note);
            }
          }
          if (blocked.length > 0) {
            problems.push(`${caller.label} cannot reach private endpoint '${pe.path}' (${targetOf(model, pe)}) on TCP ${port}: ${blocked.join('; ')}`);
          }
        }
      }
      if (problems.length > 0) out.push({ resource: pe, problem: problems.join('; ') });
    }
    return out;
  },
};
