import { TerraformStack } from 'cdktf';

/** A Terraform resource block as it appears in `cdk.tf.json`. */
type Block = { [key: string]: any };
type Resources = { [type: string]: { [name: string]: Block } };

/** How a PaaS resource type is drawn. */
const SERVICES: { [type: string]: string } = {
  azurerm_cognitive_account: 'Azure OpenAI',
  azurerm_key_vault: 'Key Vault',
  azurerm_linux_web_app: 'Web app',
  azurerm_log_analytics_workspace: 'Log Analytics',
  azurerm_storage_account: 'Storage account',
  azurerm_cosmosdb_account: 'Cosmos DB',
  azurerm_search_service: 'AI Search',
  azurerm_container_registry: 'Container registry',
  azurerm_postgresql_flexible_server: 'PostgreSQL',
  azurerm_api_management: 'API Management',
  azurerm_application_insights: 'Application Insights',
  azurerm_monitor_private_link_scope: 'Monitor private link scope',
  azurerm_managed_redis: 'Managed Redis',
  azurerm_databricks_workspace: 'Databricks workspace',
  databricks_model_serving: 'Databricks serving endpoint',
};

/** Resources written through ARM with azapi that are services too, by their ARM type. */
const AZAPI_SERVICES: { [armType: string]: string } = {
  'Microsoft.Storage/storageAccounts': 'Storage account',
};

/** The ARM type of an azapi resource block, without its API version. */
function armTypeOf(block: Block): string {
  return String(block.type ?? '').split('@')[0];
}

/** The access line under a service's name: public access, or for monitoring pieces their ingestion. */
function access(type: string, block: Block): string {
  switch (type) {
    case 'azurerm_log_analytics_workspace':
      return '';
    case 'azurerm_application_insights':
      return `<br/>public ingestion ${block.internet_ingestion_enabled === false ? 'off' : 'ON'}`;
    case 'azurerm_monitor_private_link_scope':
      return `<br/>ingestion ${block.ingestion_access_mode ?? 'Open'}`;
    case 'azurerm_managed_redis':
      return `<br/>public access ${block.public_network_access === 'Disabled' ? 'off' : 'ON'}`;
    case 'databricks_model_serving':
      return '<br/>in the workspace';
    case 'azapi_resource':
      return `<br/>public access ${block.body?.properties?.publicNetworkAccess === 'Disabled' ? 'off' : 'ON'}`;
    default:
      return `<br/>public access ${block.public_network_access_enabled === false ? 'off' : 'ON'}`;
  }
}

/**
 * Renders a Mermaid flowchart of what a stack actually synthesizes: the VNet and its subnets,
 * private endpoints and the services they connect to, the privatelink DNS zones, identities and
 * their role grants, and where logs go.
 *
 * It reads the synthesized Terraform JSON, not the props, so the picture cannot drift from what
 * `cdktf deploy` would create, and it works for resources added outside this library too.
 */
export class DeploymentDiagram {
  /** The diagram of a stack, synthesized in memory. */
  public static ofStack(stack: TerraformStack): string {
    return DeploymentDiagram.fromSynthesizedJson(stack.toTerraform());
  }

  /**
   * The diagram of a synthesized `cdk.tf.json` document (parsed).
   *
   * @param json the parsed content of `cdktf.out/stacks/<stack>/cdk.tf.json`
   */
  public static fromSynthesizedJson(json: any): string {
    return new Renderer((json?.resource ?? {}) as Resources).render();
  }
}

class Renderer {
  private readonly lines: string[] = [];
  private readonly edges = new Set<string>();

  constructor(private readonly resources: Resources) {}

  public render(): string {
    this.lines.push('flowchart LR');
    this.lines.push('  users(["Users on the corporate network<br/>(peered hub, VPN, ExpressRoute)"])');
    this.renderNetworks();
    this.renderServices();
    this.renderZones();
    this.renderIdentities();
    this.renderEndpoints();
    this.renderScopedServices();
    this.renderIntegration();
    this.renderGrants();
    this.renderDiagnostics();
    return [...this.lines, ...[...this.edges].sort()].join('\n') + '\n';
  }

  private each(type: string): [string, Block][] {
    return Object.entries(this.resources[type] ?? {}).sort(([a], [b]) => a.localeCompare(b));
  }

  private renderNetworks(): void {
    const subnets = this.each('azurerm_subnet');
    for (const [name, vnet] of this.each('azurerm_virtual_network')) {
      this.lines.push(`  subgraph ${id('azurerm_virtual_network', name)}["VNet ${label(name, vnet)} ${(vnet.address_space ?? []).join(', ')}"]`);
      for (const [subnetName, subnet] of subnets) {
        if (!refersTo(subnet.virtual_network_name, 'azurerm_virtual_network', name)) continue;
        this.renderSubnet(subnetName, subnet);
      }
      this.lines.push('  end');
    }
    // Subnets of a VNet this stack does not create (existing spoke).
    for (const [subnetName, subnet] of subnets) {
      if (!this.each('azurerm_virtual_network').some(([n]) => refersTo(subnet.virtual_network_name, 'azurerm_virtual_network', n))) {
        this.renderSubnet(subnetName, subnet);
      }
    }
    this.renderExistingSubnets();
  }

  /** Subnets passed in by id (an existing spoke): drawn from the endpoints and apps that use them. */
  private renderExistingSubnets(): void {
    const ids = new Set<string>();
    for (const [, pe] of this.each('azurerm_private_endpoint')) if (isResourceId(pe.subnet_id)) ids.add(pe.subnet_id);
    for (const [, app] of this.each('azurerm_linux_web_app')) if (isResourceId(app.virtual_network_subnet_id)) ids.add(app.virtual_network_subnet_id);
    for (const subnetId of [...ids].sort()) {
      const [, vnet, subnet] = /virtualNetworks\/([^/]+)\/subnets\/([^/]+)$/i.exec(subnetId) ?? [undefined, '?', subnetId];
      this.lines.push(`  subgraph ${existingSubnetNode(subnetId)}["existing subnet ${subnet}<br/>of VNet ${vnet}"]`);
      for (const [peName, pe] of this.each('azurerm_private_endpoint')) {
        if (pe.subnet_id !== subnetId) continue;
        const sub = (pe.private_service_connection?.subresource_names ?? []).join(', ');
        this.lines.push(`    ${id('azurerm_private_endpoint', peName)}["private endpoint<br/>${label(peName, pe)} (${sub})"]`);
      }
      this.lines.push('  end');
    }
  }

  private renderSubnet(name: string, subnet: Block): void {
    const nsg = this.each('azurerm_subnet_network_security_group_association').some(([, a]) => refersTo(a.subnet_id, 'azurerm_subnet', name));
    const delegated = (subnet.delegation ?? []).map((d: Block) => d.service_delegation?.name).filter(Boolean);
    const notes = [nsg ? 'NSG' : 'no NSG', ...delegated.map((d: string) => `delegated to ${d}`)].join(', ');
    this.lines.push(`    subgraph ${id('azurerm_subnet', name)}["subnet ${subnet.name} ${(subnet.address_prefixes ?? []).join(', ')}<br/>${notes}"]`);
    for (const [peName, pe] of this.each('azurerm_private_endpoint')) {
      if (!refersTo(pe.subnet_id, 'azurerm_subnet', name)) continue;
      const sub = (pe.private_service_connection?.subresource_names ?? []).join(', ');
      this.lines.push(`      ${id('azurerm_private_endpoint', peName)}["private endpoint<br/>${label(peName, pe)} (${sub})"]`);
    }
    this.lines.push('    end');
  }

  private renderServices(): void {
    this.lines.push('  subgraph paas["Azure services"]');
    for (const type of Object.keys(SERVICES).sort()) {
      for (const [name, block] of this.each(type)) {
        const extra = access(type, block);
        const kind = type === 'azurerm_cognitive_account' && block.kind === 'AIServices' ? 'Foundry account' : SERVICES[type];
        this.lines.push(`    ${id(type, name)}[("${kind}<br/>${label(name, block)}${extra}")]`);
      }
    }
    for (const [name, block] of this.each('azapi_resource')) {
      const kind = AZAPI_SERVICES[armTypeOf(block)];
      if (kind) this.lines.push(`    ${id('azapi_resource', name)}[("${kind}<br/>${label(name, block)}${access('azapi_resource', block)}")]`);
    }
    this.lines.push('  end');
  }

  private renderZones(): void {
    const zones = new Map<string, string>();
    for (const [name, zone] of this.each('azurerm_private_dns_zone')) zones.set(`\${azurerm_private_dns_zone.${name}.id}`, zone.name);
    for (const [, pe] of this.each('azurerm_private_endpoint')) {
      for (const zoneId of pe.private_dns_zone_group?.private_dns_zone_ids ?? []) {
        if (!zones.has(zoneId)) zones.set(zoneId, `${String(zoneId).split('/').pop()} (hub)`);
      }
    }
    if (zones.size === 0) return;
    this.lines.push('  subgraph dns["Private DNS zones"]');
    for (const [zoneId, zoneName] of [...zones.entries()].sort((a, b) => a[1].localeCompare(b[1]))) {
      this.lines.push(`    ${zoneNode(zoneId)}{{"${zoneName}"}}`);
    }
    this.lines.push('  end');
    for (const [name, link] of this.each('azurerm_private_dns_zone_virtual_network_link')) {
      const zone = this.each('azurerm_private_dns_zone').find(([z]) => refersTo(link.private_dns_zone_name, 'azurerm_private_dns_zone', z));
      const vnet = this.each('azurerm_virtual_network').find(([v]) => refersTo(link.virtual_network_id, 'azurerm_virtual_network', v));
      if (zone && vnet) this.edge(`  ${zoneNode(`\${azurerm_private_dns_zone.${zone[0]}.id}`)} -. linked .- ${id('azurerm_virtual_network', vnet[0])}`);
      void name;
    }
  }

  private renderIdentities(): void {
    for (const [name, identity] of this.each('azurerm_user_assigned_identity')) {
      this.lines.push(`  ${id('azurerm_user_assigned_identity', name)}>"managed identity<br/>${label(name, identity)}"]`);
    }
  }

  private renderEndpoints(): void {
    for (const [peName, pe] of this.each('azurerm_private_endpoint')) {
      const target = this.findReferenced(pe.private_service_connection?.private_connection_resource_id);
      const node = id('azurerm_private_endpoint', peName);
      if (target) this.edge(`  ${node} == private link ==> ${id(target[0], target[1])}`);
      for (const zoneId of pe.private_dns_zone_group?.private_dns_zone_ids ?? []) {
        this.edge(`  ${node} -. A record .-> ${zoneNode(zoneId)}`);
      }
      if (target && target[0] === 'azurerm_linux_web_app') this.edge(`  users -- HTTPS 443 --> ${node}`);
    }
  }

  private renderIntegration(): void {
    for (const [name, app] of this.each('azurerm_linux_web_app')) {
      const subnet = this.findReferenced(app.virtual_network_subnet_id);
      const routeAll = app.site_config?.vnet_route_all_enabled ? 'route all' : 'VNet integration';
      const existing = isResourceId(app.virtual_network_subnet_id) ? existingSubnetNode(app.virtual_network_subnet_id) : undefined;
      const target = subnet ? id(subnet[0], subnet[1]) : existing;
      if (target) this.edge(`  ${id('azurerm_linux_web_app', name)} -- "outbound (${routeAll})" --> ${target}`);
      for (const identityId of app.identity?.identity_ids ?? []) {
        const identity = this.findReferenced(identityId);
        if (identity) this.edge(`  ${id('azurerm_linux_web_app', name)} -. runs as .- ${id(identity[0], identity[1])}`);
      }
    }
  }

  private renderGrants(): void {
    for (const [, grant] of this.each('azurerm_role_assignment')) {
      const principal = this.findReferenced(grant.principal_id);
      const scope = this.serviceOf(this.findReferenced(grant.scope));
      if (principal && scope) {
        this.edge(`  ${id(principal[0], principal[1])} -- "${grant.role_definition_name ?? 'role'}" --> ${id(scope[0], scope[1])}`);
      }
    }
  }

  private renderDiagnostics(): void {
    for (const [, setting] of this.each('azurerm_monitor_diagnostic_setting')) {
      const source = this.serviceOf(this.findReferenced(setting.target_resource_id, true));
      const sink = this.findReferenced(setting.log_analytics_workspace_id);
      if (source && sink && this.isService(source)) this.edge(`  ${id(source[0], source[1])} -. logs .-> ${id(sink[0], sink[1])}`);
    }
  }

  /** The resource a `${type.name.attr}` reference points at, when this stack creates it. */
  /** Workspaces and components in a private link scope: reached through the scope's endpoint. */
  private renderScopedServices(): void {
    for (const [, scoped] of this.each('azurerm_monitor_private_link_scoped_service')) {
      const scope = this.findReferenced(scoped.scope_name);
      const member = this.findReferenced(scoped.linked_resource_id);
      if (scope && member) this.edge(`  ${id(scope[0], scope[1])} -. scoped .-> ${id(member[0], member[1])}`);
    }
  }

  /** Whether a resource is drawn as a service node. */
  private isService([type, name]: [string, string]): boolean {
    return SERVICES[type] !== undefined || (type === 'azapi_resource' && AZAPI_SERVICES[armTypeOf(this.resources[type][name])] !== undefined);
  }

  /**
   * The service node a resource belongs to: itself, or for an azapi child (a blob container, a
   * blob service) the account its `parent_id` names.
   */
  private serviceOf(ref: [string, string] | undefined): [string, string] | undefined {
    let current = ref;
    for (let depth = 0; current && depth < 3; depth++) {
      if (this.isService(current)) return current;
      if (current[0] !== 'azapi_resource') return current;
      current = this.findReferenced(this.resources[current[0]][current[1]].parent_id, true);
    }
    return current;
  }

  /**
   * The resource a `${type.name.attr}` reference points at, when this stack creates it; with
   * `prefix`, also a path below it (`${azapi_resource.x.id}/blobServices/default`).
   */
  private findReferenced(value: unknown, prefix = false): [string, string] | undefined {
    const pattern = prefix ? /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.[a-z_]+\}(?:\/.*)?$/ : /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.[a-z_]+\}$/;
    const m = pattern.exec(String(value ?? ''));
    if (!m || !this.resources[m[1]]?.[m[2]]) return undefined;
    return [m[1], m[2]];
  }

  private edge(text: string): void {
    this.edges.add(text);
  }
}

function refersTo(value: unknown, type: string, name: string): boolean {
  return typeof value === 'string' && value.startsWith(`\${${type}.${name}.`);
}

function isResourceId(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('/subscriptions/');
}

function existingSubnetNode(subnetId: string): string {
  return `existing_subnet_${subnetId.split('/').pop()!.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

function id(type: string, name: string): string {
  return `${type.replace(/^azurerm_/, '')}_${name}`.replace(/[^A-Za-z0-9_]/g, '_');
}

function zoneNode(zoneId: string): string {
  return `zone_${String(zoneId).replace(/^.*privateDnsZones\//i, '').replace(/^\$\{azurerm_private_dns_zone\.([^.]+)\.id\}$/, '$1').replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** A readable label: the construct path recorded in metadata, else the Terraform name without its hash. */
function label(name: string, block: Block): string {
  const path: string | undefined = block['//']?.metadata?.path;
  const text = path ? path.split('/').slice(1).join('/') : name.replace(/_[0-9A-F]{8}$/, '').replace(/_/g, '/');
  return text.replace(/\/Resource$/, '').replace(/"/g, "'");
}
