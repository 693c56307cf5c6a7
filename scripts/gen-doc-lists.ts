// Lists in the docs that must follow the code (issue 21): the private DNS zones a stack creates and
// the conditional forwarders a corporate DNS server needs for them, the NSG rules (network flows),
// the role assignments, and what leaves the VNet. Each list sits between markers
//
//   <!-- generated:<name>:start (…) -->  …  <!-- generated:<name>:end -->
//
// and is rendered here from `PrivateLinkZone` (zone names and their public DNS zones) and from
// what `PrivateChat` actually synthesizes with default props and with each option that changes
// the list: never from the constructs' internals, so a list follows whatever the code emits.
//
//   UPDATE_DOC_LISTS=1 npx jest test/docs/doc-lists --maxWorkers=1   (rewrites the sections in place)
//   node scripts/gen-doc-lists.js [--check]           (after the build: it imports the package by name)
//
// test/docs/doc-lists.test.ts fails when a committed section differs from what this script renders.
import { readFileSync } from 'fs';
import { join } from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { GeneratedFile, runGenerator } from './generated-file';
import { ChatScale, Egress, Encryption, PrivateChat, PrivateChatProps, PrivateLinkZone } from 'cdktf-private-chat';

/** The command that rewrites every section, shown in staleness messages. */
export const DOC_LISTS_COMMAND = 'UPDATE_DOC_LISTS=1 npx jest test/docs/doc-lists --maxWorkers=1';

/** A configuration of the pattern that adds zones, and how the docs name it. */
interface Variant {
  readonly when: string;
  readonly props: Omit<PrivateChatProps, 'location'>;
}

/** Options that add zones to the default stack, in the order the table lists them. */
const VARIANTS: readonly Variant[] = [
  { when: 'with `imageMirror: true` (the registry mirror)', props: { imageMirror: true } },
  { when: 'with `gateway` (the AI gateway)', props: { gateway: { publisherEmail: 'ops@contoso.com', tokenMetrics: false } } },
  { when: 'with `gateway` and its token metrics (on by default): Azure Monitor Private Link Scope', props: { gateway: { publisherEmail: 'ops@contoso.com' } } },
  { when: 'with more than one instance (`scale`), or `sharedState: { enabled: true }` (the shared Redis)', props: { sharedState: { enabled: true } } },
];

/**
 * Zones the library knows that no `PrivateChat` configuration creates, and which construct's
 * zones they belong to instead (the forwarder table still lists them).
 */
const OTHER_CONSTRUCTS: { readonly [zoneName: string]: string } = {
  [PrivateLinkZone.AZURE_DATABRICKS.zoneName]: 'never: a `DatabricksWorkspace` needs it in its `dnsZones` '
    + '(`new PrivateDnsZones(..., { zones: [PrivateLinkZone.AZURE_DATABRICKS] })`, or the hub\'s `azureDatabricks` zone id)',
};

/** A resource block of the synthesized JSON. */
export interface Block {
  readonly [key: string]: unknown;
}

/** The synthesized JSON, as far as these lists read it. */
export interface Synthesized {
  readonly resource?: { readonly [type: string]: { readonly [name: string]: Block } };
}

const SYNTHESIZED = new Map<string, Synthesized>();

/** What `PrivateChat` synthesizes with `props` (one synth per configuration, cached). */
export function synthesized(props: Omit<PrivateChatProps, 'location'> = {}): Synthesized {
  // Egress and Encryption are classes: key on their fields, which JSON.stringify sees.
  const key = JSON.stringify(props);
  const known = SYNTHESIZED.get(key);
  if (known) return known;
  const stack = new TerraformStack(Testing.app(), 'docs');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new PrivateChat(stack, 'chat', { location: 'swedencentral', ...props });
  const json = JSON.parse(Testing.synth(stack)) as Synthesized;
  SYNTHESIZED.set(key, json);
  return json;
}

/** The resources of one type in `json`, by logical name, in synthesis order. */
export function resourcesOf(json: Synthesized, type: string): Array<[string, Block]> {
  return Object.entries(json.resource?.[type] ?? {});
}

/** How many resources of `type` `PrivateChat` synthesizes with `props`. */
export function resourceCount(type: string, props: Omit<PrivateChatProps, 'location'> = {}): number {
  return resourcesOf(synthesized(props), type).length;
}

/** Names of the private DNS zones `PrivateChat` creates with `props`, in synthesis order. */
export function zonesCreated(props: Omit<PrivateChatProps, 'location'> = {}): string[] {
  return resourcesOf(synthesized(props), 'azurerm_private_dns_zone').map(([, z]) => z.name as string);
}

function zoneOf(name: string): PrivateLinkZone {
  const zone = PrivateLinkZone.known().find((z) => z.zoneName === name);
  if (!zone) throw new Error(`PrivateChat creates the zone '${name}', which PrivateLinkZone.known() does not list`);
  return zone;
}

function code(names: readonly string[]): string {
  return names.map((n) => `\`${n}\``).join(', ');
}

/** Zones of the default stack, as a bullet list with their forwarders. */
export function renderDefaultZones(): string {
  const created = zonesCreated().map(zoneOf);
  // In the library's order (PrivateLinkZone.known()), not synthesis order.
  return PrivateLinkZone.known().filter((z) => created.includes(z))
    .map((z) => `- \`${z.zoneName}\`: forward ${code(z.publicDnsZones)}`).join('\n');
}

/** Every zone the library knows, the public zones to forward, and when a stack needs it. */
export function renderForwarders(): string {
  const defaults = new Set(zonesCreated());
  const when = new Map<string, string>();
  for (const variant of VARIANTS) {
    for (const name of zonesCreated(variant.props)) if (!defaults.has(name) && !when.has(name)) when.set(name, variant.when);
  }
  const rows = PrivateLinkZone.known().map((zone) => {
    const needed = defaults.has(zone.zoneName) ? 'always (default props)' : when.get(zone.zoneName) ?? OTHER_CONSTRUCTS[zone.zoneName];
    if (needed === undefined) throw new Error(`no PrivateChat configuration in scripts/gen-doc-lists.ts creates '${zone.zoneName}': add one to VARIANTS, or name its construct in OTHER_CONSTRUCTS`);
    return `| \`${zone.zoneName}\` | ${code(zone.publicDnsZones)} | ${needed} |`;
  });
  return ['| Private DNS zone | Conditional forwarders (public zones) | Created by `PrivateChat` |', '|---|---|---|', ...rows].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Network flows, roles and egress: rendered from the synthesized JSON of each configuration.

/** A configuration of the pattern that changes a list, and how the docs name it. */
export interface Configuration {
  readonly label: string;
  readonly props: Omit<PrivateChatProps, 'location'>;
}

const DEFAULT: Configuration = { label: 'default', props: {} };
const WITH_GATEWAY: Configuration = { label: 'with `gateway`', props: { gateway: { publisherEmail: 'ops@contoso.com' } } };
const WITH_MIRROR: Configuration = { label: 'with `imageMirror: true`', props: { imageMirror: true } };
const WITH_CMK: Configuration = { label: 'with `encryption: Encryption.customerManagedKey()`', props: { encryption: Encryption.customerManagedKey() } };
const WITH_SCALE: Configuration = { label: 'with `scale: ChatScale.production()`', props: { scale: ChatScale.production() } };
const WITH_FIREWALL: Configuration = {
  label: "with `egress: Egress.throughFirewall('10.100.0.4')`",
  props: { egress: Egress.throughFirewall('10.100.0.4') },
};

/** The configurations each list is rendered from; the first is always the default. */
export const FLOW_CONFIGURATIONS: readonly Configuration[] = [DEFAULT, WITH_GATEWAY, WITH_SCALE];
export const ROLE_CONFIGURATIONS: readonly Configuration[] = [DEFAULT, WITH_GATEWAY, WITH_MIRROR, WITH_CMK];
export const EGRESS_CONFIGURATIONS: readonly Configuration[] = [DEFAULT, WITH_FIREWALL, WITH_GATEWAY, WITH_MIRROR];

/**
 * Where a row appears: `default` when the default stack has it and every other configuration
 * keeps it; `default; not with X` when a configuration drops it; else the configurations that add it.
 */
export function presence(configurations: readonly Configuration[], present: ReadonlySet<number>): string {
  if (present.has(0)) {
    const dropped = configurations.filter((_, i) => i > 0 && !present.has(i)).map((c) => c.label.replace(/^with /, ''));
    return dropped.length === 0 ? 'default' : `default; not with ${dropped.join(', ')}`;
  }
  return configurations.filter((_, i) => present.has(i)).map((c) => c.label).join(', ');
}

/** A row of a merged table and where it sorts; rows without a key keep their first appearance's order. */
interface KeyedRow {
  readonly row: string;
  readonly sortKey?: string;
}

/** Markdown rows (the last cell left for `presence`), merged over the configurations in order. */
function mergedRows(configurations: readonly Configuration[], rowsOf: (json: Synthesized) => Array<string | KeyedRow>): string[] {
  const seen = new Map<string, { at: Set<number>; sortKey: string; order: number }>();
  configurations.forEach((configuration, i) => {
    for (const item of rowsOf(synthesized(configuration.props))) {
      const { row, sortKey } = typeof item === 'string' ? { row: item, sortKey: undefined } : item;
      const known = seen.get(row) ?? { at: new Set<number>(), sortKey: sortKey ?? '', order: seen.size };
      known.at.add(i);
      seen.set(row, known);
    }
  });
  return [...seen.entries()]
    .sort(([, a], [, b]) => a.sortKey.localeCompare(b.sortKey) || a.order - b.order)
    .map(([row, { at }]) => `${row} ${presence(configurations, at)} |`);
}

/** `${type.name.attribute}` → [type, name]; data sources as `data.<type>`. */
function referenced(value: unknown): [string, string] | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\$\{(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)\./.exec(value);
  return match ? [`${match[1] ?? ''}${match[2]}`, match[3]] : undefined;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

interface SubnetInfo {
  readonly name: string;
  readonly prefixes: readonly string[];
}

function subnets(json: Synthesized): Map<string, SubnetInfo> {
  return new Map(resourcesOf(json, 'azurerm_subnet').map(([key, s]) => [key, { name: s.name as string, prefixes: (s.address_prefixes ?? []) as string[] }]));
}

/** The subnet an association of `type` ties to the resource `${resourceType}.${key}`. */
function subnetAssociated(json: Synthesized, type: string, attribute: string, resourceType: string, key: string): SubnetInfo | undefined {
  const all = subnets(json);
  for (const [, association] of resourcesOf(json, type)) {
    const target = referenced(association[attribute]);
    const subnet = referenced(association.subnet_id);
    if (target?.[0] === resourceType && target[1] === key && subnet) return all.get(subnet[1]);
  }
  return undefined;
}

/** An address prefix as the docs show it: the subnet it is, or what a service tag means. */
function addressLabel(json: Synthesized, prefix: string | undefined, prefixes: unknown): string {
  const values = prefix ? [prefix] : (prefixes as string[] | null) ?? [];
  const names = new Map<string, string>();
  for (const s of subnets(json).values()) for (const p of s.prefixes) names.set(p, s.name);
  return values.map((v) => {
    if (v === '*') return 'any';
    if (v === 'VirtualNetwork') return '`VirtualNetwork` (the VNet, peerings, VPN, ExpressRoute)';
    const subnet = names.get(v);
    return subnet ? `\`${v}\` (${subnet})` : `\`${v}\``;
  }).join(', ');
}

function ports(rule: Block): string {
  const list = (rule.destination_port_ranges as string[] | null) ?? [rule.destination_port_range as string];
  const protocol = rule.protocol === '*' ? 'any protocol' : String(rule.protocol).toUpperCase();
  return list.length === 1 && list[0] === '*' ? `${protocol}, any port` : `${protocol} ${list.join(', ')}`;
}

interface NsgRule {
  readonly subnet: string;
  readonly rule: Block;
}

/** Every inline `security_rule` of every NSG, with the subnet the NSG is attached to. */
function nsgRules(json: Synthesized): NsgRule[] {
  const out: NsgRule[] = [];
  for (const [key, nsg] of resourcesOf(json, 'azurerm_network_security_group')) {
    const subnet = subnetAssociated(json, 'azurerm_subnet_network_security_group_association', 'network_security_group_id', 'azurerm_network_security_group', key);
    const rules = [...((nsg.security_rule ?? []) as Block[])].sort((a, b) =>
      (a.direction === b.direction ? 0 : a.direction === 'Inbound' ? -1 : 1) || (a.priority as number) - (b.priority as number));
    for (const rule of rules) out.push({ subnet: subnet ? `\`${subnet.name}\`` : `NSG \`${nsg.name as string}\` (no subnet)`, rule });
  }
  return out;
}

/** The NSG rules of the default stack and of the gateway variant, one row per rule. */
export function renderNetworkFlows(): string {
  const rows = mergedRows(FLOW_CONFIGURATIONS, (json) => nsgRules(json).map(({ subnet, rule }) => ({
    sortKey: `${subnet} ${rule.direction === 'Inbound' ? 0 : 1} ${String(rule.priority).padStart(4, '0')}`,
    row: [
      '', subnet, rule.direction, rule.priority, `\`${rule.name as string}\``, rule.access,
      addressLabel(json, rule.source_address_prefix as string, rule.source_address_prefixes),
      addressLabel(json, rule.destination_address_prefix as string, rule.destination_address_prefixes),
      ports(rule), cell(String(rule.description ?? '')), '',
    ].join(' | ').trim(),
  })));
  return [
    '| NSG of subnet | Direction | Priority | Rule | Access | Source | Destination | Protocol and ports | For | In |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

// Roles -----------------------------------------------------------------------------------------

/**
 * Built-in roles the stack assigns by id rather than by name, so that the docs can name them.
 * @see https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
 */
const BUILT_IN_ROLE_IDS: { readonly [guid: string]: string } = {
  '53ca6127-db72-4b80-b1b0-d745d6d5456d': 'Azure AI User',
  '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd': 'Cognitive Services OpenAI User',
  '7f951dda-4ed3-4680-a7ca-43fe172d538d': 'AcrPull',
  'e147488a-f6f5-4113-8e2d-b22465e65bf6': 'Key Vault Crypto Service Encryption User',
  '4633458b-17de-408a-b874-0445c86b69e6': 'Key Vault Secrets User',
  '3913510d-42f4-4e42-8a64-420c390055eb': 'Monitoring Metrics Publisher',
  'ba92f5b4-2d11-453d-a403-e96b0029c9fe': 'Storage Blob Data Contributor',
};

/** What a resource type is, in the docs' words. */
const WHAT: { readonly [type: string]: string } = {
  azurerm_linux_web_app: 'the chat app',
  azurerm_api_management: 'the AI gateway',
  azurerm_cognitive_account: 'the AI account',
  azurerm_postgresql_flexible_server: 'the history store',
  azurerm_cosmosdb_account: 'the history store',
  azurerm_container_registry: 'the registry mirror',
  azurerm_key_vault: 'the Key Vault',
  azurerm_application_insights: "the gateway's Application Insights",
  azurerm_resource_group: 'the resource group',
  azurerm_managed_redis: 'the shared Redis',
};

function what(json: Synthesized, type: string, key: string): string {
  if (type === 'azapi_resource') {
    const armType = String(json.resource?.azapi_resource?.[key]?.type ?? '').split('@')[0];
    if (armType === 'Microsoft.KeyVault/vaults/keys') return 'the encryption key';
    if (armType === 'Microsoft.Storage/storageAccounts/blobServices/containers') return "the file store's uploads container";
    if (armType === 'Microsoft.Storage/storageAccounts') return 'the file store';
    return `\`${armType}\``;
  }
  return WHAT[type] ?? `\`${type}\``;
}

function roleName(assignment: Block): string {
  if (typeof assignment.role_definition_name === 'string') return assignment.role_definition_name;
  const guid = String(assignment.role_definition_id ?? '').split('/').pop() ?? '';
  const name = BUILT_IN_ROLE_IDS[guid];
  if (!name) throw new Error(`a role assignment names the role definition '${guid}', which BUILT_IN_ROLE_IDS in scripts/gen-doc-lists.ts does not know: add it`);
  return name;
}

/** Who holds a principal id: a user-assigned identity (and what uses it), a system-assigned one, or the deployer. */
function principalLabel(json: Synthesized, principalId: unknown): string {
  const ref = referenced(principalId);
  if (!ref) return `principal \`${String(principalId)}\``;
  const [type, key] = ref;
  if (type === 'data.azurerm_client_config') return 'the deployer (the identity running Terraform)';
  if (type === 'azuread_service_principal') return 'the sign-in app registration\'s service principal';
  if (type === 'azuread_group') return 'an Entra group';
  if (type !== 'azurerm_user_assigned_identity') return `system-assigned identity of ${what(json, type, key)}`;
  const users = new Set<string>();
  for (const [userType, blocks] of Object.entries(json.resource ?? {})) {
    for (const [userKey, block] of Object.entries(blocks)) {
      const identity = block.identity as Block | undefined;
      const ids = (identity?.identity_ids ?? []) as string[];
      if (ids.some((id) => referenced(id)?.[1] === key)) users.add(what(json, userType, userKey));
    }
  }
  const list = [...users];
  const joined = list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
  return joined ? `user-assigned identity of ${joined}` : `user-assigned identity \`${String(json.resource?.azurerm_user_assigned_identity?.[key]?.name)}\``;
}

function scopeLabel(json: Synthesized, scope: unknown): string {
  const ref = referenced(scope);
  return ref ? what(json, ref[0], ref[1]) : `\`${String(scope)}\``;
}

/** Every role assignment the stack makes, over the default stack and the variants that add some. */
export function renderRoles(): string {
  const rows = mergedRows(ROLE_CONFIGURATIONS, (json) => resourcesOf(json, 'azurerm_role_assignment').map(([, a]) =>
    `| ${principalLabel(json, a.principal_id)} | **${roleName(a)}** | ${scopeLabel(json, a.scope)} |`));
  const anyAssignment = ROLE_CONFIGURATIONS.some((c) => resourceCount('azurerm_role_assignment', c.props) > 0);
  return [
    '| Principal | Role | Scope | In |',
    '|---|---|---|---|',
    ...rows,
    ...(anyAssignment ? [
      '',
      `Creating them takes \`${ROLE_ASSIGNMENT_WRITE}\`, which ${ROLE_ASSIGNMENT_WRITERS.map((r) => `**${r}**`).join(', ').replace(/, ([^,]*)$/, ' and $1')} hold and **Contributor** does not.`,
    ] : []),
  ].join('\n');
}

/** The permission every role assignment needs. */
export const ROLE_ASSIGNMENT_WRITE = 'Microsoft.Authorization/roleAssignments/write';

/**
 * Built-in roles that hold `Microsoft.Authorization/roleAssignments/write`; Contributor excludes
 * `Microsoft.Authorization/*\/Write` in its NotActions.
 * @see https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/privileged
 */
export const ROLE_ASSIGNMENT_WRITERS: readonly string[] = ['Owner', 'User Access Administrator', 'Role Based Access Control Administrator'];
/** Built-in roles that can create the stack's resources (`*` actions). */
export const RESOURCE_WRITERS: readonly string[] = ['Owner', 'Contributor'];

/**
 * Problems with the deployer's roles as a docs table cell states them (`**Owner**, or
 * **Contributor** + **Role Based Access Control Administrator**`): each alternative must create
 * the resources and, when the stack assigns roles, the role assignments.
 */
export function deployerRoleProblems(stated: string, assignsRoles: boolean): string[] {
  const alternatives = stated.split(/,?\s+or\s+/).map((a) => [...a.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]));
  const problems: string[] = [];
  if (alternatives.every((roles) => roles.length === 0)) return [`names no role in bold: '${stated}'`];
  for (const roles of alternatives.filter((r) => r.length > 0)) {
    if (!roles.some((r) => RESOURCE_WRITERS.includes(r))) problems.push(`'${roles.join(' + ')}' cannot create resources (needs one of ${RESOURCE_WRITERS.join(', ')})`);
    if (assignsRoles && !roles.some((r) => ROLE_ASSIGNMENT_WRITERS.includes(r))) {
      problems.push(`'${roles.join(' + ')}' cannot create the stack's role assignments (${ROLE_ASSIGNMENT_WRITE}: one of ${ROLE_ASSIGNMENT_WRITERS.join(', ')})`);
    }
  }
  return problems;
}

// Egress ----------------------------------------------------------------------------------------

function ipv4(text: string): number | undefined {
  const parts = text.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return parts.reduce((sum, part) => sum * 256 + part, 0);
}

/** Whether `prefix` (a CIDR, address or tag) lies inside one of `spaces`. */
export function insideAddressSpace(prefix: string, spaces: readonly string[]): boolean {
  if (prefix === 'VirtualNetwork') return true;
  const [address, bits = '32'] = prefix.split('/');
  const start = ipv4(address);
  if (start === undefined) return false;
  return spaces.some((space) => {
    const [spaceAddress, spaceBits = '32'] = space.split('/');
    const base = ipv4(spaceAddress);
    if (base === undefined || Number(bits) < Number(spaceBits)) return false;
    const block = 2 ** (32 - Number(spaceBits));
    return Math.floor(start / block) === Math.floor(base / block);
  });
}

function addressSpace(json: Synthesized): string[] {
  return resourcesOf(json, 'azurerm_virtual_network').flatMap(([, v]) => (v.address_space ?? []) as string[]);
}

/** How a subnet's traffic leaves the VNet: NAT gateway, route table, or nothing. */
function egressPath(json: Synthesized, key: string, subnet: Block): string {
  const paths: string[] = [];
  for (const [, association] of resourcesOf(json, 'azurerm_subnet_nat_gateway_association')) {
    if (referenced(association.subnet_id)?.[1] === key) paths.push('NAT gateway with a static public IP');
  }
  for (const [, association] of resourcesOf(json, 'azurerm_subnet_route_table_association')) {
    if (referenced(association.subnet_id)?.[1] !== key) continue;
    const table = json.resource?.azurerm_route_table?.[referenced(association.route_table_id)?.[1] ?? ''];
    for (const route of (table?.route ?? []) as Block[]) {
      paths.push(`route \`${route.address_prefix as string}\` → ${route.next_hop_type as string}${route.next_hop_in_ip_address ? ` \`${route.next_hop_in_ip_address as string}\`` : ''}`);
    }
    if (table?.bgp_route_propagation_enabled === false) paths.push('gateway route propagation off');
  }
  if (paths.length > 0) return paths.join('; ');
  return subnet.default_outbound_access_enabled === false ? 'none (default outbound access off)' : 'Azure\'s default outbound access';
}

/** Outbound NSG rules of a subnet toward anything outside the VNet, and whether the Internet is left open. */
export function outboundBeyond(json: Synthesized, key: string): string {
  const space = addressSpace(json);
  const described: string[] = [];
  let internetDenied = false;
  let internetOpened = false;
  for (const [nsgKey, nsg] of resourcesOf(json, 'azurerm_network_security_group')) {
    const subnet = subnetAssociated(json, 'azurerm_subnet_network_security_group_association', 'network_security_group_id', 'azurerm_network_security_group', nsgKey);
    const own = json.resource?.azurerm_subnet?.[key];
    if (!subnet || !own || subnet.name !== own.name) continue;
    const rules = ((nsg.security_rule ?? []) as Block[]).filter((r) => r.direction === 'Outbound')
      .sort((a, b) => (a.priority as number) - (b.priority as number));
    for (const rule of rules) {
      const targets = rule.destination_address_prefix
        ? [rule.destination_address_prefix as string]
        : (rule.destination_address_prefixes ?? []) as string[];
      if (targets.every((d) => insideAddressSpace(d, space))) continue;
      const wholeInternet = targets.some((d) => ['*', 'Internet', '0.0.0.0/0'].includes(d));
      if (wholeInternet && !internetDenied && !internetOpened) {
        if (rule.access === 'Deny') internetDenied = true;
        else internetOpened = true;
      }
      described.push(`${rule.access as string} ${addressLabel(json, rule.destination_address_prefix as string, rule.destination_address_prefixes)} ${ports(rule)} (${rule.priority as number})`);
    }
  }
  if (internetDenied) return described.join('; ');
  if (internetOpened) return `${described.join('; ')}: the Internet is open (the opt-in's acknowledged deviation)`;
  if (described.length === 0) return 'none: the NSG default rule `AllowInternetOutBound` (65001) lets everything out';
  return `${described.join('; ')}; then the NSG default rule \`AllowInternetOutBound\` (65001) lets the rest out`;
}

/** A documented destination outside the VNet, for a piece the stack contains. */
interface Destination {
  readonly destination: string;
  readonly who: string;
  readonly why: string;
  readonly from: string;
  readonly source: string;
}

function host(url: string): string {
  return url.replace(/^https?:\/\//, '').split(/[/:]/)[0];
}

function subnetNameOf(json: Synthesized, subnetId: unknown): string | undefined {
  const ref = referenced(subnetId);
  return ref ? subnets(json).get(ref[1])?.name : undefined;
}

/**
 * Hosts whose images a registry serves from other domains, from the registry's own documentation.
 * @see https://api.github.com/meta (`domains.packages`)
 */
const REGISTRY_BLOB_HOSTS: { readonly [registry: string]: readonly string[] } = {
  'ghcr.io': ['pkg-containers.githubusercontent.com'],
};

const SOURCES = {
  easyAuth: 'https://learn.microsoft.com/azure/app-service/configure-authentication-provider-aad',
  vnetImagePull: 'https://learn.microsoft.com/azure/app-service/configure-custom-container?pivots=container-linux',
  ghcr: 'https://api.github.com/meta',
  validateToken: 'https://learn.microsoft.com/azure/api-management/validate-azure-ad-token-policy',
  cacheRule: 'https://learn.microsoft.com/azure/container-registry/artifact-cache-overview',
};

/** The destinations outside the VNet the pieces of `json` call, as their docs describe them. */
function destinations(json: Synthesized): Destination[] {
  const out: Destination[] = [];
  for (const [, app] of resourcesOf(json, 'azurerm_linux_web_app')) {
    const siteConfig = app.site_config as Block;
    const from = `\`${subnetNameOf(json, app.virtual_network_subnet_id) ?? 'no subnet'}\`${siteConfig.vnet_route_all_enabled ? ' (route-all)' : ''}`;
    const auth = app.auth_settings_v2 as Block | undefined;
    const aad = auth?.active_directory_v2 as Block | undefined;
    if (auth?.auth_enabled && typeof aad?.tenant_auth_endpoint === 'string') {
      out.push({
        destination: `\`${host(aad.tenant_auth_endpoint)}\` (service tag \`AzureActiveDirectory\`)`,
        who: 'the chat app\'s App Service authentication (Easy Auth)',
        why: 'signs users in with Entra ID and redeems the sign-in code for tokens',
        from,
        source: SOURCES.easyAuth,
      });
    }
    const registryUrl = (siteConfig.application_stack as Block | undefined)?.docker_registry_url;
    if (typeof registryUrl === 'string' && !registryUrl.includes('${')) {
      const registry = host(registryUrl);
      out.push({
        destination: [registry, ...(REGISTRY_BLOB_HOSTS[registry] ?? [])].map((h) => `\`${h}\``).join(', '),
        who: 'App Service, pulling the app\'s container image',
        why: app.vnet_image_pull_enabled ? 'image pull over the VNet (`vnet_image_pull_enabled`)' : 'image pull (outside the VNet: `vnet_image_pull_enabled` is off)',
        from: app.vnet_image_pull_enabled ? from : 'App Service\'s own outbound addresses',
        source: REGISTRY_BLOB_HOSTS[registry] ? `${SOURCES.vnetImagePull}, ${SOURCES.ghcr}` : SOURCES.vnetImagePull,
      });
    }
  }
  for (const [, rule] of resourcesOf(json, 'azurerm_container_registry_cache_rule')) {
    out.push({
      destination: `\`${host(String(rule.source_repo))}\``,
      who: 'the registry mirror\'s cache rule',
      why: 'copies the image from its upstream on first pull; Azure Container Registry fetches it itself',
      from: 'Azure Container Registry, not the VNet',
      source: SOURCES.cacheRule,
    });
  }
  const gateways = resourcesOf(json, 'azurerm_api_management');
  for (const [, policy] of resourcesOf(json, 'azurerm_api_management_api_policy')) {
    if (!String(policy.xml_content ?? '').includes('<validate-azure-ad-token')) continue;
    const subnetId = (gateways[0]?.[1].virtual_network_configuration as Block | undefined)?.subnet_id;
    out.push({
      destination: '`login.microsoftonline.com` (service tag `AzureActiveDirectory`)',
      who: 'the AI gateway\'s `validate-azure-ad-token` policy',
      why: 'fetches Entra ID\'s signing keys to validate the callers\' tokens',
      from: `\`${subnetNameOf(json, subnetId) ?? 'API Management'}\``,
      source: SOURCES.validateToken,
    });
  }
  return out;
}

/** What leaves the VNet: each subnet's path out and outbound NSG rules, then the destinations. */
export function renderEgress(): string {
  const paths = mergedRows(EGRESS_CONFIGURATIONS, (json) => resourcesOf(json, 'azurerm_subnet').map(([key, subnet]) => ({
    sortKey: subnet.name as string,
    row: `| \`${subnet.name as string}\` | ${egressPath(json, key, subnet)} | ${outboundBeyond(json, key)} |`,
  })));
  const targets = mergedRows(EGRESS_CONFIGURATIONS, (json) => destinations(json).map((d) =>
    `| ${d.destination} | ${cell(d.who)} | ${cell(d.why)} | ${d.from} | ${d.source} |`));
  return [
    '| Subnet | Path out of the VNet | Outbound NSG rules beyond the VNet | In |',
    '|---|---|---|---|',
    ...paths,
    '',
    '| Destination | Called by | Why | From | Source | In |',
    '|---|---|---|---|---|---|',
    ...targets,
  ].join('\n');
}

/** The generated sections, by name. */
export const SECTIONS: { readonly [name: string]: () => string } = {
  'default-zones': renderDefaultZones,
  'forwarders': renderForwarders,
  'network-flows': renderNetworkFlows,
  'roles': renderRoles,
  'egress': renderEgress,
};

/** The files that hold generated sections, relative to the repository root. */
export const DOC_LIST_FILES = ['README.md', 'docs/deploy.md', 'src/pattern/README.md'];

const START = (name: string) => new RegExp(`<!-- generated:${name}:start[^>]*-->\\n`);
const END = (name: string) => `<!-- generated:${name}:end -->`;

/** `text` with every generated section it holds re-rendered; throws for a start marker without its end. */
export function renderSections(text: string, file: string, sections = SECTIONS): string {
  let out = text;
  for (const [name, render] of Object.entries(sections)) {
    let from = 0;
    for (;;) {
      const match = START(name).exec(out.slice(from));
      if (!match) break;
      const bodyStart = from + match.index + match[0].length;
      const end = out.indexOf(END(name), bodyStart);
      if (end < 0) throw new Error(`${file}: '<!-- generated:${name}:start' has no '${END(name)}'`);
      const body = `${render()}\n`;
      out = out.slice(0, bodyStart) + body + out.slice(end);
      from = bodyStart + body.length + END(name).length;
    }
  }
  return out;
}

/** One generated file per document. */
export function docListFiles(): GeneratedFile[] {
  return DOC_LIST_FILES.map((target) => ({
    target,
    source: 'PrivateLinkZone and PrivateChat',
    command: DOC_LISTS_COMMAND,
    generate: (root: string) => renderSections(readFileSync(join(root, target), 'utf8'), target),
  }));
}

if (require.main === module) {
  process.exitCode = docListFiles().map((f) => runGenerator(f, process.argv.slice(2))).some((rc) => rc !== 0) ? 1 : 0;
}
