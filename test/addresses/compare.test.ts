// Proves the address guard works: a renamed construct id is reported, stateful removals loudly.
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  collectAddresses, collectExample, compareAddresses, formatDiff, instantiateExample, isStateful, isUnchanged, serialize,
  UPDATE_COMMAND, verifyExample,
} from '../../scripts/addresses';
import { Monitoring } from '../../src/monitoring';
import { newStack } from '../util';

/** A small stack; `vaultId` is the construct id a refactor might rename. */
function stack(vaultId = 'Vault', group = 'Secrets'): TerraformStack {
  const s = newStack('demo');
  const rg = new ResourceGroup(s, 'ResourceGroup', { name: 'rg', location: 'swedencentral' });
  const scope = new Construct(s, group);
  new KeyVault(scope, vaultId, {
    name: 'kv-demo', location: rg.location, resourceGroupName: rg.name, tenantId: '0', skuName: 'standard',
  });
  new Monitoring(s, 'Monitoring', { resourceGroupName: rg.name, location: 'swedencentral' });
  return s;
}

describe('collectAddresses', () => {
  test('maps each Terraform address to its construct path', () => {
    expect(collectAddresses(stack())).toEqual({
      'azurerm_key_vault.Secrets_Vault_90FC3560': 'demo/Secrets/Vault',
      'azurerm_log_analytics_workspace.Monitoring_19FB5217': 'demo/Monitoring/Resource',
      'azurerm_resource_group.ResourceGroup': 'demo/ResourceGroup',
    });
  });

  test('records data sources with the data. prefix and honours overrideLogicalId, like the synthesized JSON', () => {
    const s = newStack('demo');
    const subnet = new Subnet(s, 'Subnet', { name: 'a', resourceGroupName: 'rg', virtualNetworkName: 'v', addressPrefixes: ['10.0.0.0/24'] });
    subnet.overrideLogicalId('legacy_subnet');
    // Names.globallyUnique adds the client config data source.
    new Monitoring(s, 'Monitoring', { resourceGroupName: 'rg', location: 'swedencentral' });
    const json = JSON.parse(Testing.synth(s));
    const fromJson = Object.keys(json.resource.azurerm_subnet).map((n) => `azurerm_subnet.${n}`);
    expect(fromJson).toEqual(['azurerm_subnet.legacy_subnet']);
    expect(collectAddresses(s)).toEqual(expect.objectContaining({ 'azurerm_subnet.legacy_subnet': 'demo/Subnet' }));
  });

  test('serializes sorted, two-space indented, with a trailing newline', () => {
    const text = serialize({ b: { 'z.a': 'p1', 'a.b': 'p2' }, a: {} });
    expect(text).toBe('{\n  "a": {},\n  "b": {\n    "a.b": "p2",\n    "z.a": "p1"\n  }\n}\n');
  });
});

describe('compareAddresses', () => {
  test('no difference for the same code', () => {
    const diff = compareAddresses(collectExample([stack()]), collectExample([stack()]));
    expect(isUnchanged(diff)).toBe(true);
  });

  test('a renamed construct id is a removed and an added address, the removed vault flagged stateful', () => {
    const before = collectExample([stack('Vault')]);
    const after = collectExample([stack('KeyVault')]);
    const diff = compareAddresses(before, after);
    expect(diff.removed).toEqual([{ stack: 'demo', address: 'azurerm_key_vault.Secrets_Vault_90FC3560', path: 'demo/Secrets/Vault' }]);
    expect(diff.added).toEqual([expect.objectContaining({ stack: 'demo', address: expect.stringMatching(/^azurerm_key_vault\.Secrets_KeyVault_/) })]);
    expect(diff.removedStateful).toEqual(diff.removed);

    const message = formatDiff('demo', diff);
    expect(message).toMatch(/STATEFUL RESOURCES REMOVED: terraform apply would DESTROY/);
    expect(message).toContain('!! demo: azurerm_key_vault.Secrets_Vault_90FC3560  (demo/Secrets/Vault)');
    expect(message).toMatch(/\+ demo: azurerm_key_vault\.Secrets_KeyVault_\w+ {2}\(demo\/Secrets\/KeyVault\)/);
    expect(message).toMatch(/moved \{ from = azurerm_key_vault\.Secrets_Vault_90FC3560 {2}to = azurerm_key_vault\.Secrets_KeyVault_\w+ \}/);
    expect(message).toContain(".moveFromId('azurerm_key_vault.Secrets_Vault_90FC3560')");
    expect(message).toContain(UPDATE_COMMAND);
  });

  test('moving a construct under a new parent changes the address too', () => {
    const diff = compareAddresses(collectExample([stack('Vault', 'Secrets')]), collectExample([stack('Vault', 'Vaults')]));
    expect(diff.removedStateful.map((c) => c.address)).toEqual(['azurerm_key_vault.Secrets_Vault_90FC3560']);
  });

  test('a removed stateless resource is listed but not flagged', () => {
    const before = { s: { 'azurerm_subnet_network_security_group_association.A': 's/A', 'data.azurerm_client_config.C': 's/C' } };
    const diff = compareAddresses(before, { s: {} });
    expect(diff.removed).toHaveLength(2);
    expect(diff.removedStateful).toEqual([]);
    const message = formatDiff('demo', diff);
    expect(message).not.toMatch(/STATEFUL/);
    expect(message).toContain('- s: azurerm_subnet_network_security_group_association.A  (s/A)');
  });

  test('a changed construct path with the same address is reported as stale, not as a destroy', () => {
    const diff = compareAddresses({ s: { 'azurerm_key_vault.kv': 's/Old' } }, { s: { 'azurerm_key_vault.kv': 's/New' } });
    expect(diff.removed).toEqual([]);
    expect(diff.pathChanged).toEqual([{ stack: 's', address: 'azurerm_key_vault.kv', path: 's/New', previousPath: 's/Old' }]);
    expect(formatDiff('demo', diff)).toContain('~ s: azurerm_key_vault.kv  (s/Old -> s/New)');
  });

  test('a removed stack removes all its addresses', () => {
    const diff = compareAddresses({ gone: { 'azurerm_key_vault.kv': 'gone/Vault' } }, {});
    expect(diff.removedStateful).toEqual([{ stack: 'gone', address: 'azurerm_key_vault.kv', path: 'gone/Vault' }]);
  });

  test('stateful types cover the resources whose replacement loses data or identity', () => {
    for (const a of ['azurerm_cognitive_account.x', 'azurerm_key_vault.x', 'azurerm_key_vault_secret.x', 'azurerm_log_analytics_workspace.x',
      'azurerm_virtual_network.x', 'azurerm_subnet.x', 'azurerm_private_dns_zone.x', 'azurerm_linux_web_app.x',
      'azurerm_user_assigned_identity.x', 'azurerm_role_assignment.x', 'time_offset.x']) {
      expect(isStateful(a)).toBe(true);
    }
    expect(isStateful('time_sleep.x')).toBe(false);
    expect(isStateful('data.azurerm_key_vault.x')).toBe(false);
  });
});

describe('verifyExample', () => {
  const current = () => collectExample([stack()]);

  test('passes when the committed list matches', () => {
    expect(verifyExample('demo', current(), serialize(current()))).toBeUndefined();
  });

  test('fails for an example with no committed list, telling how to create it', () => {
    expect(verifyExample('demo', current(), undefined)).toMatch(
      /^examples\/demo has no committed address list \(docs\/addresses\/demo\.json\)\.[\s\S]*UPDATE_ADDRESSES=1 npx jest test\/addresses/,
    );
  });

  test('fails with the diff when the committed list differs', () => {
    const committed = serialize(collectExample([stack('Vault')]));
    expect(verifyExample('demo', collectExample([stack('KeyVault')]), committed)).toMatch(/^examples\/demo: resource addresses differ[\s\S]*DESTROY/);
  });

  test('fails when the committed list is not canonically formatted', () => {
    expect(verifyExample('demo', current(), JSON.stringify(current()))).toMatch(/not in the canonical format/);
  });
});

describe('instantiateExample', () => {
  class OneStack extends TerraformStack {
    constructor(scope: Construct, id: string) {
      super(scope, id);
    }
  }
  class HubStack extends TerraformStack {}
  class NeedsPropsStack extends TerraformStack {
    constructor(scope: Construct, id: string, props: { name: string }) {
      super(scope, id);
      if (!props) throw new Error('props are required');
    }
  }

  test('uses the stack id that main.ts declares', () => {
    const [s] = instantiateExample(new App(), 'private-chat', { PrivateChatStack: OneStack }, "new PrivateChatStack(app, 'chat');");
    expect(s.node.id).toBe('chat');
  });

  test('falls back to the directory name for one class, and kebab class names for several', () => {
    expect(instantiateExample(Testing.app(), 'demo', { OneStack, helper: () => 1, value: 3 }).map((s) => s.node.id)).toEqual(['demo']);
    expect(instantiateExample(Testing.app(), 'demo', { OneStack, HubStack }).map((s) => s.node.id)).toEqual(['hub', 'one']);
  });

  test('fails when the module exports no stack class', () => {
    expect(() => instantiateExample(Testing.app(), 'demo', { helper: () => 1 })).toThrow(/examples\/demo\/main\.ts exports no TerraformStack subclass/);
  });

  test('fails with guidance when a stack class needs more than (scope, id)', () => {
    expect(() => instantiateExample(Testing.app(), 'demo', { NeedsPropsStack }))
      .toThrow(/'new NeedsPropsStack\(app, 'demo'\)' failed: props are required\. Every exported stack class must be constructible with \(scope, id\) alone/);
  });
});
