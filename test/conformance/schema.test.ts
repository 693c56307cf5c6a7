import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { DEPRECATED_ARGUMENTS } from '../../src/conformance/deprecations';
import { deriveProviderSchema } from '../../src/conformance/private/derive';
import { BlockSchema, loadProviderSchema, ProviderSchema, SCHEMA_FORMAT, schemaForType } from '../../src/conformance/schema';

function azurerm(): ProviderSchema {
  return loadProviderSchema('@cdktf/provider-azurerm')!;
}
function azuread(): ProviderSchema {
  return loadProviderSchema('@cdktf/provider-azuread')!;
}

describe('schema derived from the provider packages\' jsii assemblies', () => {
  test('azurerm_cognitive_account: kind is a required string, network_acls a max-1 block, tags a map of strings', () => {
    const account = azurerm().resources.azurerm_cognitive_account;
    expect(account.attributes.kind).toEqual({ kind: 'string', required: true });
    expect(account.attributes.tags).toEqual({ kind: 'map', element: 'string' });
    expect(account.attributes.fqdns).toEqual({ kind: 'list', element: 'string' });
    expect(account.attributes.local_auth_enabled).toEqual({ kind: 'bool' });
    expect(account.blocks.network_acls.maxOne).toBe(true);
    expect(account.blocks.network_acls.required).toBeUndefined();
    expect(account.blocks.network_acls.schema.attributes.default_action).toEqual({ kind: 'string', required: true });
    // A list block (not max-1) inside a max-1 block.
    expect(account.blocks.network_acls.schema.blocks.virtual_network_rules.maxOne).toBeUndefined();
  });

  test('azuread_application: tags is a list/set of strings, web.implicit_grant a max-1 block of booleans', () => {
    const app = azuread().resources.azuread_application;
    expect(app.attributes.tags).toEqual({ kind: 'list', element: 'string' });
    expect(app.attributes.display_name).toEqual({ kind: 'string', required: true });
    expect(app.blocks.web.maxOne).toBe(true);
    expect(app.blocks.web.schema.blocks.implicit_grant.schema.attributes.id_token_issuance_enabled).toEqual({ kind: 'bool' });
  });

  test('numbers, data sources, provider configuration and the Terraform versions come out too', () => {
    const rm = azurerm();
    expect(rm.provider).toBe('azurerm');
    expect(rm.providerVersion).toMatch(/^4\.\d+\.\d+$/);
    expect(rm.resources.azurerm_key_vault.attributes.soft_delete_retention_days).toEqual({ kind: 'number' });
    expect(rm.dataSources.azurerm_client_config.attributes).toHaveProperty('id');
    expect(rm.providerConfig.blocks.features.schema.blocks).toHaveProperty('key_vault');
    expect(Object.keys(rm.resources).length).toBeGreaterThan(1000);
    expect(azuread().provider).toBe('azuread');
    expect(schemaForType('time_offset')!.resources.time_offset.attributes.offset_days).toEqual({ kind: 'number' });
  });

  test('object-typed attributes (lists of objects that are not blocks) keep their nested schema', () => {
    const siteConfig = azurerm().resources.azurerm_app_service.blocks.site_config.schema;
    const ipRestriction = siteConfig.attributes.ip_restriction;
    expect(ipRestriction).toMatchObject({ kind: 'list', element: 'object' });
    expect(ipRestriction.nested!.attributes).toHaveProperty('ip_address');
  });

  test('meta-arguments are not part of any schema', () => {
    const vault = azurerm().resources.azurerm_key_vault;
    for (const meta of ['depends_on', 'count', 'provider', 'lifecycle', 'for_each', 'provisioners', 'connection']) {
      expect(vault.attributes[meta]).toBeUndefined();
      expect(vault.blocks[meta]).toBeUndefined();
    }
  });

  test('snake_case names come from the registry links, not from converting the property names', () => {
    // The bindings call it `countValue`-style names when they clash; the link keeps the real one.
    const withRenamed = Object.values(azurerm().resources).some((r) => Object.keys(r.attributes).some((a) => /[A-Z]/.test(a)));
    expect(withRenamed).toBe(false);
  });

  test('a provider without a prebuilt package here is unknown, not an error', () => {
    expect(loadProviderSchema('@cdktf/provider-random')).toBeUndefined();
    expect(schemaForType('random_string')).toBeUndefined();
  });

  test('the derived schema is cached on disk next to the packages, keyed by version and .jsii size', () => {
    const jsii = require.resolve('@cdktf/provider-time/.jsii');
    loadProviderSchema('@cdktf/provider-time');
    const dirs = [join(jsii.slice(0, jsii.lastIndexOf('node_modules') + 'node_modules'.length), '.cache', 'cdktf-private-chat'), join(tmpdir(), 'cdktf-private-chat')];
    const files = dirs.filter(existsSync).flatMap((d) => readdirSync(d));
    const version = JSON.parse(readFileSync(join(dirname(jsii), 'package.json'), 'utf8')).version;
    expect(files).toContain(`cdktf+provider-time@${version}-${statSync(jsii).size}-f${SCHEMA_FORMAT}.json`);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('derivation reads blocks, max-1 blocks, unions with IResolvable and registry names from an assembly', () => {
    const link = (name: string) => ({ summary: `Docs at Terraform Registry: {@link https://registry.terraform.io/providers/x/demo/1.2.3/docs/resources/thing#${name} Thing#${name}}.` });
    const schema = deriveProviderSchema({
      name: '@cdktf/provider-demo',
      version: '9.9.9',
      types: {
        'demo.Thing': {
          fqn: 'demo.Thing',
          kind: 'class',
          base: 'cdktf.TerraformResource',
          docs: { summary: 'Represents a {@link https://registry.terraform.io/providers/x/demo/1.2.3/docs/resources/thing demo_thing}.' },
          initializer: { parameters: [{ name: 'config', type: { fqn: 'demo.ThingConfig' } }] },
        },
        'demo.ThingConfig': {
          fqn: 'demo.ThingConfig',
          kind: 'interface',
          datatype: true,
          interfaces: ['cdktf.TerraformMetaArguments'],
          properties: [
            { name: 'countValue', type: { primitive: 'number' }, docs: link('count') },
            { name: 'enabled', optional: true, type: { union: { types: [{ primitive: 'boolean' }, { fqn: 'cdktf.IResolvable' }] } }, docs: link('enabled') },
            { name: 'one', type: { fqn: 'demo.One' }, docs: { summary: 'one block.', remarks: link('one').summary } },
            { name: 'many', optional: true, type: { union: { types: [{ fqn: 'cdktf.IResolvable' }, { collection: { kind: 'array', elementtype: { fqn: 'demo.One' } } }] } }, docs: { summary: 'many block.', remarks: link('many').summary } },
          ],
        },
        'demo.One': {
          fqn: 'demo.One',
          kind: 'interface',
          datatype: true,
          properties: [{ name: 'labels', optional: true, type: { collection: { kind: 'map', elementtype: { primitive: 'string' } } }, docs: link('labels') }],
        },
      },
    }, SCHEMA_FORMAT);
    const one: BlockSchema = { attributes: { labels: { kind: 'map', element: 'string' } }, blocks: {} };
    expect(schema.provider).toBe('demo');
    expect(schema.resources.demo_thing).toEqual({
      attributes: { count: { kind: 'number', required: true }, enabled: { kind: 'bool' } },
      blocks: { one: { schema: one, maxOne: true, required: true }, many: { schema: one } },
    });
  });
});

describe('deprecation table', () => {
  test.each(DEPRECATED_ARGUMENTS.map((d) => [`${d.resourceType}.${d.argument}`, d] as const))('%s names an argument the derived schema has', (_, d) => {
    const schema = schemaForType(d.resourceType)?.resources[d.resourceType];
    expect(schema).toBeDefined();
    const parts = d.argument.split('.');
    let block: BlockSchema = schema!;
    for (const part of parts.slice(0, -1)) {
      expect(Object.keys(block.blocks)).toContain(part);
      block = block.blocks[part].schema;
    }
    const last = parts[parts.length - 1];
    expect([...Object.keys(block.attributes), ...Object.keys(block.blocks)]).toContain(last);
    expect(d.replacement.length).toBeGreaterThan(0);
    expect(d.reason.length).toBeGreaterThan(10);
  });

  test('each replacement that names an argument of the same resource exists too', () => {
    for (const d of DEPRECATED_ARGUMENTS) {
      const word = /^[a-z_]+$/.exec(d.replacement.split(' ')[0])?.[0];
      if (!word || word.startsWith('azurerm_') || word === 'the' || word === 'an') continue;
      const schema = schemaForType(d.resourceType)!.resources[d.resourceType];
      const parent = d.argument.split('.').slice(0, -1).reduce((b, p) => b.blocks[p].schema, schema);
      expect([...Object.keys(parent.attributes), ...Object.keys(parent.blocks)]).toContain(word);
    }
  });
});
