// Secrets and keys written through Azure Resource Manager: the first apply from outside the network.
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { KeyVaultSecret } from '@cdktf/provider-azurerm/lib/key-vault-secret';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { Compliance } from '../../src/compliance';
import { Monitoring } from '../../src/monitoring';
import { PrivateDnsZones, PrivateNetwork } from '../../src/network';
import { Encryption, PrivateChat } from '../../src/pattern';
import { EncryptionKey, PrivateKeyVault, VaultSecret } from '../../src/secrets';
import { addGeneratedSecret } from '../../src/secrets/private/generated-secret';
import { ADOPT_CONTEXT_KEY } from '../../src/secrets/private/upgrade';
import { withoutConformance } from '../conformance-hook';
import { newStack, onlyResource, resolved, resourcesOf, synthJson } from '../util';

const SUB = '00000000-0000-0000-0000-000000000000';
const VAULT_ID = `/subscriptions/${SUB}/resourceGroups/rg-shared/providers/Microsoft.KeyVault/vaults/kv-shared`;
const VAULT_URI = 'https://kv-shared.vault.azure.net/';

/** A stack with the azurerm provider and the given context. */
function stackWith(context: Record<string, unknown> = {}): TerraformStack {
  const stack = new TerraformStack(Testing.app({ context }), 'test');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

/** A string matched literally inside a RegExp. */
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The synthesized JSON, with its `removed` and `import` blocks. */
const blocksOf = (stack: TerraformStack): any => synthJson(stack);

function vaultIn(stack: TerraformStack): PrivateKeyVault {
  const common = { resourceGroupName: 'rg-chat', location: 'swedencentral' };
  const network = new PrivateNetwork(stack, 'Network', common);
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: 'rg-chat', network });
  const monitoring = new Monitoring(stack, 'Monitoring', common);
  return new PrivateKeyVault(stack, 'Vault', { ...common, network, dnsZones, monitoring });
}

/** Every resource type and the `removed`/`import` blocks of a PrivateChat stack. */
function privateChat(props: { encryption?: Encryption } = {}, context: Record<string, unknown> = {}) {
  const stack = stackWith(context);
  const chat = new PrivateChat(stack, 'chat', { location: 'swedencentral', ...props });
  // The conformance hook's provider rules are another helper's work in progress; this file checks
  // the vault items, and the stack's other resources are checked by the pattern's own tests.
  const json = withoutConformance(() => synthJson(stack)) as any;
  return { stack, chat, json };
}

describe('generated secrets', () => {
  test('the value is generated once by a sensitive terraform_data that ignores later changes, and sent write-only', () => {
    const stack = newStack();
    const vault = vaultIn(stack);
    const secret = addGeneratedSecret(vault, 'Session', { name: 'session', contentType: 'session-signing-key' });
    const json = synthJson(stack);
    const [holderName, holder] = Object.entries(resourcesOf(json, 'terraform_data'))[0] as [string, any];
    expect(holderName).toMatch(/^Vault_Secrets_Session_Value_/);
    expect(holder).toEqual({ input: '${sensitive(join("", [uuid(), uuid()]))}', lifecycle: { ignore_changes: ['input'] } });
    const written = onlyResource(json, 'azapi_resource');
    expect(written.sensitive_body).toEqual({ properties: { value: `\${terraform_data.${holderName}.output}` } });
    // The value is nowhere in the non-sensitive body.
    expect(JSON.stringify(written.body)).not.toContain('terraform_data');
    expect(resolved(stack, secret.value)).toBe(`\${terraform_data.${holderName}.output}`);
  });

  test('one uuid when asked, and a given expiry', () => {
    const stack = newStack();
    addGeneratedSecret(vaultIn(stack), 'Token', { name: 'token', contentType: 'text/plain', uuids: 1, expirationDate: '2030-01-01T00:00:00Z' });
    const json = synthJson(stack);
    expect((Object.values(resourcesOf(json, 'terraform_data'))[0] as any).input).toBe('${sensitive(uuid())}');
    expect(onlyResource(json, 'azapi_resource').body.properties.attributes.exp).toBe(1893456000);
  });

  test('the history passwords: the server and the admin URL read the administrator\'s held value, the app\'s URL its login\'s', () => {
    const { json } = privateChat();
    const holderOf = (name: string) => {
      const holders = Object.keys(resourcesOf(json, 'terraform_data')).filter((k) => k.includes(`${name}-`));
      expect(holders).toHaveLength(1);
      return `\${terraform_data.${holders[0]}.output}`;
    };
    const admin = holderOf('HistoryPassword');
    const app = holderOf('HistoryAppPassword');
    expect(app).not.toBe(admin);
    const server = Object.values(resourcesOf(json, 'azurerm_postgresql_flexible_server'))[0] as any;
    expect(server.administrator_password).toBe(admin);
    const secret = (name: string) => Object.entries(resourcesOf(json, 'azapi_resource')).find(([k]) => k.includes(`_${name}-`))![1] as any;
    expect(secret('HistoryPassword').sensitive_body.properties.value).toBe(admin);
    expect(secret('HistoryAppPassword').sensitive_body.properties.value).toBe(app);
    // The setup connects as the administrator; Open WebUI connects as its own login, never the administrator.
    expect(secret('HistoryAdminUrl').sensitive_body.properties.value).toMatch(new RegExp(`^postgresql://chatadmin:${escape(admin)}@`));
    expect(secret('HistoryUrl').sensitive_body.properties.value).toMatch(new RegExp(`^postgresql://openwebui_app:${escape(app)}@`));
    expect(secret('HistoryUrl').sensitive_body.properties.value).not.toContain(admin);
    expect(secret('HistoryAdminUrl').body.properties.contentType).toBe('database-url');
    expect(secret('HistoryUrl').body.properties.contentType).toBe('database-url');
  });
});

describe('a PrivateChat stack', () => {
  test.each([
    ['without encryption', {}],
    ['with a customer-managed key', { encryption: Encryption.customerManagedKey() }],
  ])('%s writes no azurerm_key_vault_secret or azurerm_key_vault_key, and nothing waits for a deployer grant', (_, props) => {
    const { json } = privateChat(props);
    expect(resourcesOf(json, 'azurerm_key_vault_secret')).toEqual({});
    expect(resourcesOf(json, 'azurerm_key_vault_key')).toEqual({});
    const assignments = Object.values(resourcesOf(json, 'azurerm_role_assignment')) as any[];
    expect(assignments.filter((a) => /Secrets Officer|Crypto Officer/.test(String(a.role_definition_name)))).toEqual([]);
    expect(assignments.filter((a) => String(a.role_definition_id).endsWith('14b46e9e-c2b7-41b4-b07b-48a6ebf60603'))).toEqual([]);
    expect(assignments.filter((a) => a.principal_id === '${data.azurerm_client_config.AzurermClientConfig.object_id}')).toEqual([]);
    const types = (Object.values(resourcesOf(json, 'azapi_resource')) as any[]).map((r) => r.type);
    // The session key, the sign-in client secret, the bootstrap admin's password, and the history store's
    // administrator password, app login password, app URL and administrator URL (for the setup at start).
    expect(types.filter((t) => t.startsWith('Microsoft.KeyVault/vaults/secrets@'))).toHaveLength(7);
    expect(types.filter((t) => t.startsWith('Microsoft.KeyVault/vaults/keys@'))).toHaveLength('encryption' in props ? 1 : 0);
    expect(json.provider.azapi).toHaveLength(1);
    expect(json.terraform.required_providers.azapi).toEqual({ source: 'azure/azapi', version: '~> 2.4' });
  });

  test('every app setting that reads the vault is a versionless reference to an azapi secret', () => {
    const { json } = privateChat();
    const settings = (Object.values(resourcesOf(json, 'azurerm_linux_web_app'))[0] as any).app_settings as Record<string, string>;
    const references = Object.entries(settings).filter(([, v]) => v.startsWith('@Microsoft.KeyVault('));
    expect(references.map(([k]) => k).sort()).toEqual(['DATABASE_URL', 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET', 'OAUTH_CLIENT_SECRET',
      'PCHAT_DB_SETUP_SECRET_APP_PASSWORD', 'PCHAT_DB_SETUP_URL', 'WEBUI_ADMIN_PASSWORD', 'WEBUI_SECRET_KEY']);
    for (const [, v] of references) {
      expect(v).toMatch(/^@Microsoft\.KeyVault\(SecretUri=\$\{trimsuffix\(azurerm_key_vault\.[\w]+\.vault_uri, "\/"\)\}\/secrets\/\$\{azapi_resource\.[\w-]+\.name\}\)$/);
    }
  });

  test('the customer-managed key id every store gets is the versionless https://<vault>/keys/<name>', () => {
    const { json, chat } = privateChat({ encryption: Encryption.customerManagedKey() });
    const key = chat.encryptionKey as EncryptionKey;
    const keyId = `\${trimsuffix(azurerm_key_vault.${(chat.vault as PrivateKeyVault).resource.friendlyUniqueId}.vault_uri, "/")}/keys/\${azapi_resource.${key.resource.friendlyUniqueId}.name}`;
    expect((Object.values(resourcesOf(json, 'azurerm_cognitive_account'))[0] as any).customer_managed_key.key_vault_key_id).toBe(keyId);
    expect((Object.values(resourcesOf(json, 'azurerm_postgresql_flexible_server'))[0] as any).customer_managed_key.key_vault_key_id).toBe(keyId);
  });

  test('passes the vault rules of the pack (PCHAT-KV-008, PCHAT-KV-009, PCHAT-CMK-001)', () => {
    const { stack } = privateChat({ encryption: Encryption.customerManagedKey() });
    const failures = Compliance.report(stack).failures.filter((f) => ['PCHAT-KV-008', 'PCHAT-KV-009', 'PCHAT-CMK-001'].includes(f.ruleId));
    expect(failures).toEqual([]);
  });
});

describe('upgrade from azurerm_key_vault_secret / azurerm_key_vault_key', () => {
  test('each secret forgets the azurerm_key_vault_secret an earlier version had at its path, without destroying it', () => {
    const stack = newStack();
    const vault = vaultIn(stack);
    vault.addSecret('Db', { name: 'db', value: 'x', contentType: 'text/plain' });
    vault.addSecret('Api', { name: 'api', value: 'y', contentType: 'text/plain' });

    // What the earlier version synthesized at the same construct paths.
    const before = new TerraformStack(Testing.app(), 'test');
    const secrets = new Construct(new Construct(before, 'Vault'), 'Secrets');
    const old = ['Db', 'Api'].map((id) => new KeyVaultSecret(secrets, id, { name: id, value: 'x', keyVaultId: VAULT_ID }));

    expect(blocksOf(stack).removed).toEqual(old.map((s) => `azurerm_key_vault_secret.${s.friendlyUniqueId}`).sort()
      .map((from) => ({ from, lifecycle: { destroy: false } })));
  });

  test('a key forgets the azurerm_key_vault_key at its path (prevent_destroy does not cover a resource removed from the code)', () => {
    const stack = newStack();
    const key = new EncryptionKey(stack, 'Key', { vault: vaultIn(stack), resourceGroupName: 'rg-chat', location: 'swedencentral' });
    const before = new TerraformStack(Testing.app(), 'test');
    const old = new KeyVaultKey(new Construct(before, 'Key'), 'Resource', { name: 'k', keyVaultId: VAULT_ID, keyType: 'RSA', keyOpts: [] });
    expect(blocksOf(stack).removed).toEqual([{ from: `azurerm_key_vault_key.${old.friendlyUniqueId}`, lifecycle: { destroy: false } }]);
    expect(old.friendlyUniqueId).toBe(key.resource.friendlyUniqueId);
  });

  test('the PrivateChat example forgets the azurerm address at each vault item\'s path, the earlier versions\' among them', () => {
    const { json } = privateChat({ encryption: Encryption.customerManagedKey() });
    const forgotten = (json.removed as any[]).map((r) => r.from);
    // Earlier versions had the key and HistoryPassword, HistoryUrl, SessionSecret and SignInSecret; BootstrapAdmin,
    // HistoryAdminUrl and HistoryAppPassword are new (issue 22), and a removed block for an address a stack never had does nothing.
    expect(forgotten).toEqual([
      'azurerm_key_vault_key.chat_EncryptionKey_87116961',
      expect.stringMatching(/^azurerm_key_vault_secret\.chat_Vault_Secrets_BootstrapAdmin-[0-9a-f]{8}_[0-9A-F]{8}$/),
      expect.stringMatching(/^azurerm_key_vault_secret\.chat_Vault_Secrets_HistoryAdminUrl-/),
      expect.stringMatching(/^azurerm_key_vault_secret\.chat_Vault_Secrets_HistoryAppPassword-/),
      expect.stringMatching(/^azurerm_key_vault_secret\.chat_Vault_Secrets_HistoryPassword-[0-9a-f]{8}_[0-9A-F]{8}$/),
      expect.stringMatching(/^azurerm_key_vault_secret\.chat_Vault_Secrets_HistoryUrl-/),
      expect.stringMatching(/^azurerm_key_vault_secret\.chat_Vault_Secrets_SessionSecret-/),
      expect.stringMatching(/^azurerm_key_vault_secret\.chat_Vault_Secrets_SignInSecret-/),
    ]);
    expect(json).not.toHaveProperty('import');
  });

  test('a stack without vault items has no removed block', () => {
    const stack = newStack();
    vaultIn(stack);
    expect(blocksOf(stack)).not.toHaveProperty('removed');
  });

  test(`with the context '${ADOPT_CONTEXT_KEY}', each secret and key is imported from the item of the same name`, () => {
    const stack = stackWith({ [ADOPT_CONTEXT_KEY]: true });
    const vault = PrivateKeyVault.fromAttributes(stack, 'Shared', { vaultId: VAULT_ID, vaultUri: VAULT_URI, purgeProtectionEnabled: true });
    const secret = vault.addSecret('Db', { name: 'db', value: 'x', contentType: 'text/plain' });
    const key = new EncryptionKey(stack, 'Key', { vault, name: 'cmk', resourceGroupName: 'rg-chat', location: 'swedencentral' });
    expect(blocksOf(stack).import).toEqual(expect.arrayContaining([
      { to: `azapi_resource.${secret.resource.friendlyUniqueId}`, id: `${VAULT_ID}/secrets/db?api-version=2024-11-01` },
      { to: `azapi_resource.${key.resource.friendlyUniqueId}`, id: `${VAULT_ID}/keys/cmk?api-version=2024-11-01` },
    ]));
    expect(blocksOf(stack).import).toHaveLength(2);
  });

  test('without the context, or with it false, nothing is imported', () => {
    for (const context of [{}, { [ADOPT_CONTEXT_KEY]: false }]) {
      const stack = stackWith(context);
      PrivateKeyVault.fromAttributes(stack, 'Shared', { vaultId: VAULT_ID, vaultUri: VAULT_URI }).addSecret('Db', { name: 'db', value: 'x', contentType: 'text/plain' });
      expect(blocksOf(stack)).not.toHaveProperty('import');
    }
  });
});

describe('PCHAT-KV-008 on secrets written through ARM', () => {
  function secretStack() {
    const stack = newStack();
    const secret = PrivateKeyVault.fromAttributes(stack, 'Shared', { vaultId: VAULT_ID, vaultUri: VAULT_URI })
      .addSecret('Db', { name: 'db', value: 'x', contentType: 'text/plain', expirationDate: '2030-01-01T00:00:00Z' });
    return { stack, secret, body: (secret.resource as unknown as { body: any }).body };
  }
  const kv008 = (stack: TerraformStack) => Compliance.report(stack).failures.filter((f) => f.ruleId === 'PCHAT-KV-008')
    .map((f) => [f.constructPath, f.problem]);

  test('passes with a content type and an expiry, and applies to azurerm secrets and azapi resources', () => {
    expect(kv008(secretStack().stack)).toEqual([]);
    expect(Compliance.rules().find((r) => r.id === 'PCHAT-KV-008')!.resourceTypes).toEqual(['azurerm_key_vault_secret', 'azapi_resource']);
  });

  test('fails when the azapi secret has no expiry', () => {
    const { stack, body } = secretStack();
    delete body.properties.attributes.exp;
    expect(kv008(stack)).toEqual([['test/Shared/Secrets/Db/Resource', "'body.properties.attributes.exp' must be set, got undefined"]]);
  });

  test('fails when the azapi secret has no content type', () => {
    const { stack, body } = secretStack();
    delete body.properties.contentType;
    expect(kv008(stack)).toEqual([['test/Shared/Secrets/Db/Resource', "'body.properties.contentType' must be set, got undefined"]]);
  });

  test('ignores azapi resources of other types', () => {
    const { stack, secret, body } = secretStack();
    delete body.properties.contentType;
    secret.resource.addOverride('type', 'Microsoft.ApiManagement/service/loggers@2024-05-01');
    expect(kv008(stack)).toEqual([]);
  });

  test('the VaultSecret type is what addSecret returns, and keyVaultReference refuses the azurerm class', () => {
    const { secret } = secretStack();
    expect(secret).toBeInstanceOf(VaultSecret);
    const stack = newStack();
    const raw = new KeyVaultSecret(stack, 'Raw', { name: 'raw', value: 'x', keyVaultId: VAULT_ID });
    expect(() => PrivateKeyVault.keyVaultReference(raw as never)).toThrow(/^PrivateKeyVault\.keyVaultReference: 'secret' must be a VaultSecret returned by addSecret\(\.\.\.\), got /);
  });
});
