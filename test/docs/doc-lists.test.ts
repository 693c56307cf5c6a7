// Lists in the docs that follow the code (issue 21): each generated section of docs/deploy.md and
// the area READMEs must be what scripts/gen-doc-lists.ts renders from PrivateLinkZone and from what
// PrivateChat synthesizes (zones, forwarders, NSG rules, role assignments, egress). Update
// deliberately with `UPDATE_DOC_LISTS=1 npx jest test/docs/doc-lists --maxWorkers=1`. The counts in
// README.md's "Fixed resources" table are not generated but tested against the default stack.
import { readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import {
  Configuration, deployerRoleProblems, DOC_LIST_FILES, DOC_LISTS_COMMAND, EGRESS_CONFIGURATIONS, FLOW_CONFIGURATIONS,
  insideAddressSpace, outboundBeyond, presence, renderDefaultZones, renderEgress, renderForwarders, renderNetworkFlows,
  renderRoles, renderSections, resourceCount, resourcesOf, ROLE_CONFIGURATIONS, SECTIONS, Synthesized, synthesized, zonesCreated,
} from '../../scripts/gen-doc-lists';
import { PrivateLinkZone } from '../../src/network';

const root = resolve(__dirname, '..', '..');
const update = process.env.UPDATE_DOC_LISTS === '1';

describe('generated lists in the docs', () => {
  test.each(DOC_LIST_FILES)('%s holds the lists the code renders', (file) => {
    const path = join(root, file);
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/<!-- generated:[a-z-]+:start/);
    const rendered = renderSections(text, file);
    if (update && rendered !== text) {
      writeFileSync(path, rendered);
      return;
    }
    if (rendered !== text) {
      const stale = Object.keys(SECTIONS).filter((name) => renderSections(text, file, { [name]: SECTIONS[name] }) !== text);
      throw new Error(`${file} is out of date with the code (generated sections: ${stale.join(', ')}): run ${DOC_LISTS_COMMAND}`);
    }
  });

  test('docs/deploy.md section 5 lists the forwarders of every zone the default stack creates', () => {
    const section = readFileSync(join(root, 'docs/deploy.md'), 'utf8').split('## 5.')[1].split('\n## ')[0];
    for (const name of zonesCreated()) {
      const zone = PrivateLinkZone.known().find((z) => z.zoneName === name)!;
      for (const forwarder of zone.publicDnsZones) expect(section).toContain(`\`${forwarder}\``);
    }
  });

  test('the default stack\'s zones are the Foundry, OpenAI, Cognitive Services, Key Vault, App Service, PostgreSQL and blob zones', () => {
    expect([...zonesCreated()].sort()).toEqual([
      'privatelink.azurewebsites.net', 'privatelink.blob.core.windows.net', 'privatelink.cognitiveservices.azure.com', 'privatelink.openai.azure.com',
      'privatelink.postgres.database.azure.com', 'privatelink.services.ai.azure.com', 'privatelink.vaultcore.azure.net',
    ]);
    expect(renderDefaultZones()).toContain('- `privatelink.services.ai.azure.com`: forward `services.ai.azure.com`');
    expect(renderDefaultZones()).toContain('- `privatelink.vaultcore.azure.net`: forward `vault.azure.net`, `vaultcore.azure.net`');
  });

  test('the forwarder table has a row for every zone the library knows, each with a configuration that creates it', () => {
    const table = renderForwarders();
    for (const zone of PrivateLinkZone.known()) expect(table).toContain(`| \`${zone.zoneName}\` |`);
    expect(table).toContain('| `privatelink.azurecr.io` | `azurecr.io` | with `imageMirror: true`');
    expect(table).toContain('| `privatelink.monitor.azure.com` | `monitor.azure.com`, `applicationinsights.azure.com`, `services.visualstudio.com` | with `gateway` and its token metrics (on by default)');
    expect(table).toContain('| `privatelink.blob.core.windows.net` | `blob.core.windows.net` | always (default props) |');
    expect(table).toContain('| `privatelink.redis.azure.net` | `redis.azure.net` | with more than one instance (`scale`)');
  });

  test('renderSections replaces only what lies between the markers, and fails on a missing end marker', () => {
    const sections = { demo: () => 'new' };
    expect(renderSections('a\n<!-- generated:demo:start (x) -->\nold\n<!-- generated:demo:end -->\nb\n', 'f.md', sections))
      .toBe('a\n<!-- generated:demo:start (x) -->\nnew\n<!-- generated:demo:end -->\nb\n');
    expect(() => renderSections('<!-- generated:demo:start -->\nold\n', 'f.md', sections))
      .toThrow("f.md: '<!-- generated:demo:start' has no '<!-- generated:demo:end -->'");
  });
});

/** The text of `## <n>.` in docs/deploy.md, up to the next `## `. */
function deploySection(n: number): string {
  return readFileSync(join(root, 'docs/deploy.md'), 'utf8').split(`\n## ${n}.`)[1].split('\n## ')[0];
}

/** The table rows (lines starting with `|`) of a rendered section, without header and separator. */
function bodyRows(table: string): string[] {
  return table.split('\n').filter((l) => l.startsWith('|') && !l.startsWith('|---'));
}

describe('network flows (NSG rules)', () => {
  test('docs/deploy.md section 5 holds the generated flows', () => {
    expect(deploySection(5)).toContain('<!-- generated:network-flows:start');
  });

  test('one row per distinct NSG rule of the default stack and of the gateway variant', () => {
    const distinct = new Set<string>();
    for (const { props } of FLOW_CONFIGURATIONS) {
      for (const [, nsg] of resourcesOf(synthesized(props), 'azurerm_network_security_group')) {
        for (const rule of nsg.security_rule as Array<{ [k: string]: unknown }>) distinct.add(`${nsg.name} ${JSON.stringify(rule)}`);
      }
    }
    const rows = bodyRows(renderNetworkFlows()).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    // A rule that two configurations share is one row.
    expect(rows.length).toBe(distinct.size);
    for (const { props } of FLOW_CONFIGURATIONS) {
      for (const [, nsg] of resourcesOf(synthesized(props), 'azurerm_network_security_group')) {
        for (const rule of nsg.security_rule as Array<{ [k: string]: unknown }>) {
          expect(rows.some((r) => r.includes(`| \`${rule.name}\` |`) && r.includes(`| ${rule.priority} |`))).toBe(true);
        }
      }
    }
  });

  test('the private endpoints\' NSG lets the app subnet in on 443, in the default stack', () => {
    const rows = bodyRows(renderNetworkFlows());
    expect(rows.some((r) => r.startsWith('| `private-endpoints` | Inbound |') && r.includes('| Allow | `10.0.1.0/24` (app-integration) |')
      && /\| TCP [^|]*\b443\b/.test(r) && /\| default(; not with [^|]*)? \|$/.test(r))).toBe(true);
  });

  test('the gateway variant adds the gateway subnet\'s rules, marked as such', () => {
    const rows = bodyRows(renderNetworkFlows());
    const gatewayRows = rows.filter((r) => r.endsWith('| with `gateway` |'));
    expect(gatewayRows.some((r) => r.includes('`10.0.2.0/27` (apim-integration)'))).toBe(true);
  });
});

describe('roles the stack assigns', () => {
  test('docs/deploy.md section 1 holds the generated roles', () => {
    expect(deploySection(1)).toContain('<!-- generated:roles:start');
  });

  test('every role assignment of every configuration has its row, with a named principal, role and scope', () => {
    const rows = bodyRows(renderRoles()).slice(1);
    let assignments = 0;
    for (const { props } of ROLE_CONFIGURATIONS) assignments = Math.max(assignments, resourceCount('azurerm_role_assignment', props));
    expect(rows.length).toBeGreaterThanOrEqual(assignments);
    for (const row of rows) expect(row).not.toMatch(/`azurerm_|principal `|\$\{/);
  });

  test('the app identity reads the vault; the AI account is called by the app, or by the gateway when there is one', () => {
    const rows = bodyRows(renderRoles());
    expect(rows).toContain('| user-assigned identity of the chat app | **Key Vault Secrets User** | the Key Vault | default |');
    expect(rows).toContain('| user-assigned identity of the chat app | **Azure AI User** | the AI account | default; not with `gateway` |');
    expect(rows).toContain('| system-assigned identity of the AI gateway | **Azure AI User** | the AI account | with `gateway` |');
    expect(rows).toContain('| user-assigned identity of the chat app | **AcrPull** | the registry mirror | with `imageMirror: true` |');
    expect(rows).toContain("| user-assigned identity of the chat app | **Storage Blob Data Contributor** | the file store's uploads container | default |");
    expect(rows.some((r) => r.includes('**Key Vault Crypto Service Encryption User** | the encryption key | with `encryption:'))).toBe(true);
  });

  test('the deployer roles in docs/deploy.md section 1 can create the resources and the stack\'s role assignments', () => {
    const row = deploySection(1).split('\n').find((l) => l.startsWith('|') && l.includes('role assignments'));
    expect(row).toBeDefined();
    const stated = row!.split('|')[1];
    const assignsRoles = ROLE_CONFIGURATIONS.some(({ props }) => resourceCount('azurerm_role_assignment', props) > 0);
    expect(assignsRoles).toBe(true);
    expect(deployerRoleProblems(stated, assignsRoles)).toEqual([]);
  });

  test('deployerRoleProblems fails when an alternative cannot assign roles or cannot create resources', () => {
    expect(deployerRoleProblems('**Owner**, or **Contributor** + **Role Based Access Control Administrator**', true)).toEqual([]);
    expect(deployerRoleProblems('**Owner**, or **Contributor** + **User Access Administrator**', true)).toEqual([]);
    expect(deployerRoleProblems('**Contributor**', true)).toEqual([
      "'Contributor' cannot create the stack's role assignments (Microsoft.Authorization/roleAssignments/write: one of Owner, User Access Administrator, Role Based Access Control Administrator)",
    ]);
    expect(deployerRoleProblems('**Owner**, or **User Access Administrator**', true)).toEqual([
      "'User Access Administrator' cannot create resources (needs one of Owner, Contributor)",
    ]);
    expect(deployerRoleProblems('**Contributor**', false)).toEqual([]);
    expect(deployerRoleProblems('Owner', true)).toEqual(["names no role in bold: 'Owner'"]);
  });
});

describe('what leaves the VNet', () => {
  test('docs/deploy.md section 5 holds the generated egress', () => {
    expect(deploySection(5)).toContain('<!-- generated:egress:start');
  });

  test('the app subnet leaves through the NAT gateway by default and through the firewall route with Egress.throughFirewall', () => {
    const rows = bodyRows(renderEgress());
    expect(rows.some((r) => r.startsWith('| `app-integration` | NAT gateway') && r.includes('| default; not with `egress: Egress.throughFirewall'))).toBe(true);
    expect(rows.some((r) => r.startsWith('| `app-integration` | route `0.0.0.0/0` → VirtualAppliance `10.100.0.4`') && r.endsWith('| with `egress: Egress.throughFirewall(\'10.100.0.4\')` |'))).toBe(true);
    expect(rows.some((r) => r.startsWith('| `private-endpoints` | none (default outbound access off)'))).toBe(true);
  });

  test('Entra ID for Easy Auth and the gateway, and the image registry unless the mirror serves the image', () => {
    const rows = bodyRows(renderEgress());
    expect(rows.some((r) => r.startsWith('| `login.microsoftonline.com`') && r.includes('Easy Auth') && r.endsWith('| default |'))).toBe(true);
    expect(rows.some((r) => r.startsWith('| `login.microsoftonline.com`') && r.includes('validate-azure-ad-token') && r.endsWith('| with `gateway` |'))).toBe(true);
    expect(rows.some((r) => r.startsWith('| `ghcr.io`, `pkg-containers.githubusercontent.com` |') && r.endsWith('| default; not with `imageMirror: true` |'))).toBe(true);
    // Every destination row names its source.
    for (const row of rows.filter((r) => r.includes('| Called by |') === false && /^\| `[a-z.-]+\.[a-z]+`/.test(r))) expect(row).toMatch(/https:\/\//);
  });

  test('the egress configurations start from the default stack', () => {
    expect(EGRESS_CONFIGURATIONS[0].props).toEqual({});
    expect(FLOW_CONFIGURATIONS[0].props).toEqual({});
    expect(ROLE_CONFIGURATIONS[0].props).toEqual({});
  });

  test('outboundBeyond lists rules toward service tags and the Internet, and says when the Internet stays open', () => {
    const json = (rules: Array<{ [k: string]: unknown }>): Synthesized => ({
      resource: {
        azurerm_virtual_network: { vnet: { address_space: ['10.0.0.0/16'] } },
        azurerm_subnet: { app: { name: 'app-integration', address_prefixes: ['10.0.1.0/24'] } },
        azurerm_network_security_group: { nsg: { name: 'nsg', security_rule: rules } },
        azurerm_subnet_network_security_group_association: {
          a: { network_security_group_id: '${azurerm_network_security_group.nsg.id}', subnet_id: '${azurerm_subnet.app.id}' },
        },
      },
    });
    const rule = (priority: number, access: string, destination: string, port: string) => ({
      direction: 'Outbound',
      priority,
      access,
      protocol: port === '*' ? '*' : 'Tcp',
      destination_address_prefix: destination,
      destination_port_range: port,
      source_address_prefix: '*',
    });
    expect(outboundBeyond(json([rule(150, 'Allow', '10.0.0.0/24', '443')]), 'app'))
      .toBe('none: the NSG default rule `AllowInternetOutBound` (65001) lets everything out');
    expect(outboundBeyond(json([rule(200, 'Allow', 'AzureActiveDirectory', '443')]), 'app'))
      .toBe('Allow `AzureActiveDirectory` TCP 443 (200); then the NSG default rule `AllowInternetOutBound` (65001) lets the rest out');
    expect(outboundBeyond(json([rule(4000, 'Deny', 'Internet', '*'), rule(200, 'Allow', 'AzureActiveDirectory', '443')]), 'app'))
      .toBe('Allow `AzureActiveDirectory` TCP 443 (200); Deny `Internet` any protocol, any port (4000)');
  });

  test('insideAddressSpace', () => {
    expect(insideAddressSpace('10.0.1.0/24', ['10.0.0.0/16'])).toBe(true);
    expect(insideAddressSpace('VirtualNetwork', [])).toBe(true);
    expect(insideAddressSpace('10.1.0.0/24', ['10.0.0.0/16'])).toBe(false);
    expect(insideAddressSpace('10.0.0.0/8', ['10.0.0.0/16'])).toBe(false);
    expect(insideAddressSpace('Internet', ['10.0.0.0/16'])).toBe(false);
    expect(insideAddressSpace('0.0.0.0/0', ['10.0.0.0/16'])).toBe(false);
  });
});

describe('presence', () => {
  const configurations: Configuration[] = [{ label: 'default', props: {} }, { label: 'with `a`', props: {} }, { label: 'with `b`', props: {} }];
  test('names where a row appears', () => {
    expect(presence(configurations, new Set([0, 1, 2]))).toBe('default');
    expect(presence(configurations, new Set([0, 2]))).toBe('default; not with `a`');
    expect(presence(configurations, new Set([1, 2]))).toBe('with `a`, with `b`');
  });
});

/** What README.md's "Fixed resources" table says, against the default stack's counts. */
function fixedResourceProblems(readme: string, count: (type: string) => number): string[] {
  const problems: string[] = [];
  const check = (what: string, stated: number | undefined, type: string) => {
    const actual = count(type);
    if (stated !== actual) problems.push(`README.md 'Fixed resources' says ${stated ?? 'nothing'} for ${what}; the default PrivateChat synthesizes ${actual} ${type}`);
  };
  const endpoints = /^\| Private endpoints \| (\d+) \(([^)]*)\)/m.exec(readme);
  check('private endpoints', endpoints ? Number(endpoints[1]) : undefined, 'azurerm_private_endpoint');
  if (endpoints && endpoints[2].split(',').length !== Number(endpoints[1])) {
    problems.push(`README.md 'Fixed resources' says ${endpoints[1]} private endpoints but names ${endpoints[2].split(',').length}: '${endpoints[2]}'`);
  }
  const zones = /^\| Private DNS zones \| (\d+), with (\d+) VNet links \|/m.exec(readme);
  check('private DNS zones', zones ? Number(zones[1]) : undefined, 'azurerm_private_dns_zone');
  check('VNet links', zones ? Number(zones[2]) : undefined, 'azurerm_private_dns_zone_virtual_network_link');
  const nat = /^\| NAT gateway \+ Standard public IP \| (\d+) each/m.exec(readme);
  check('NAT gateways', nat ? Number(nat[1]) : undefined, 'azurerm_nat_gateway');
  check('public IPs', nat ? Number(nat[1]) : undefined, 'azurerm_public_ip');
  return problems;
}

describe('README.md counts', () => {
  test('the "Fixed resources" table counts what the default stack synthesizes (README.md is not generated: correct it by hand)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(fixedResourceProblems(readme, (type) => resourceCount(type))).toEqual([]);
  });

  test('fails when a count or the named endpoints differ', () => {
    const readme = [
      '| Private endpoints | 3 (AI account, Key Vault, app, history) | per hour |',
      '| NAT gateway + Standard public IP | 1 each | per hour |',
      '| Private DNS zones | 6, with 5 VNet links | per zone |',
    ].join('\n');
    const counts: { [type: string]: number } = {
      azurerm_private_endpoint: 4,
      azurerm_private_dns_zone: 6,
      azurerm_private_dns_zone_virtual_network_link: 6,
      azurerm_nat_gateway: 1,
      azurerm_public_ip: 1,
    };
    expect(fixedResourceProblems(readme, (type) => counts[type])).toEqual([
      "README.md 'Fixed resources' says 3 for private endpoints; the default PrivateChat synthesizes 4 azurerm_private_endpoint",
      "README.md 'Fixed resources' says 3 private endpoints but names 4: 'AI account, Key Vault, app, history'",
      "README.md 'Fixed resources' says 5 for VNet links; the default PrivateChat synthesizes 6 azurerm_private_dns_zone_virtual_network_link",
    ]);
    expect(fixedResourceProblems('', (type) => counts[type])[0]).toBe(
      "README.md 'Fixed resources' says nothing for private endpoints; the default PrivateChat synthesizes 4 azurerm_private_endpoint");
  });
});
