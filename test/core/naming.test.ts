import { Application } from '@cdktf/provider-azuread/lib/application';
import { CognitiveAccount } from '@cdktf/provider-azurerm/lib/cognitive-account';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { LinuxWebApp } from '@cdktf/provider-azurerm/lib/linux-web-app';
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { Testing } from 'cdktf';
import { INamingConvention, NameRequest, NamingConvention, PrivateChat } from '../../src';
import { newStack, resolved, resourcesOf, synthJson } from '../util';

const BANK = NamingConvention.fromPattern('{abbr}-chat-prod-weu-{role}-001', {
  patternsByAbbreviation: { kv: 'kv-chatprodweu001' },
});

function chatWith(convention?: INamingConvention) {
  const stack = newStack();
  if (convention) NamingConvention.applyTo(stack, convention);
  const chat = new PrivateChat(stack, 'chat', { location: 'swedencentral' });
  return { stack, chat, json: synthJson(stack) };
}

describe('NamingConvention.fromPattern', () => {
  test('names every resource by the pattern, and keeps every address', () => {
    const plain = chatWith();
    const bank = chatWith(BANK);
    const addresses = (json: any) => Object.entries(json.resource).flatMap(([type, byName]) => Object.keys(byName as object).map((n) => `${type}.${n}`)).sort();
    expect(addresses(bank.json)).toEqual(addresses(plain.json));

    const app = Object.values(resourcesOf(bank.json, 'azurerm_linux_web_app'))[0];
    expect(app.name).toBe('app-chat-prod-weu-app-001');
    expect(Object.values(resourcesOf(bank.json, 'azurerm_key_vault'))[0].name).toBe('kv-chatprodweu001');
    const nsgs = Object.values(resourcesOf(bank.json, 'azurerm_network_security_group')).map((n) => n.name).sort();
    expect(nsgs).toEqual(['nsg-chat-prod-weu-app-integration-001', 'nsg-chat-prod-weu-private-endpoints-001']);
  });

  test('everything derived from a name follows it: redirect URI, endpoint, host name', () => {
    const { chat, stack } = chatWith(BANK);
    const out = Testing.synth(stack);
    expect(out).toHaveResourceWithProperties(Application, {
      // App Service authentication's callback, and Open WebUI's own OpenID Connect sign-in (issue 22).
      web: expect.objectContaining({
        redirect_uris: [
          'https://app-chat-prod-weu-app-001.azurewebsites.net/.auth/login/aad/callback',
          'https://app-chat-prod-weu-app-001.azurewebsites.net/oauth/oidc/callback',
        ],
      }),
    });
    expect(out).toHaveResourceWithProperties(CognitiveAccount, { custom_subdomain_name: 'oai-chat-prod-weu-openai-001' });
    // The app reaches the account at the OpenAI endpoint of its custom subdomain.
    expect(resolved(chat, chat.openAiEndpoint)).toBe('https://oai-chat-prod-weu-openai-001.openai.azure.com/');
    expect(out).toHaveResourceWithProperties(LinuxWebApp, { name: 'app-chat-prod-weu-app-001' });
    expect(out).toHaveResourceWithProperties(KeyVault, { name: 'kv-chatprodweu001' });
  });

  test('a type whose names hold no separators (the file store\'s storage account) gets the pattern without them', () => {
    const bank = chatWith(BANK);
    const accounts = Object.values(resourcesOf(bank.json, 'azapi_resource')).filter((r: any) => r.type.startsWith('Microsoft.Storage/storageAccounts@'));
    expect(accounts.map((a: any) => a.name)).toEqual(['stchatprodweufiles001']);
  });

  test('without a convention the names stay as before', () => {
    const { json } = chatWith();
    expect(Object.values(resourcesOf(json, 'azurerm_network_security_group')).map((n) => n.name).sort())
      .toEqual([expect.stringMatching(/^nsg-app-integration-network-[0-9a-f]{6}$/), expect.stringMatching(/^nsg-private-endpoints-network-[0-9a-f]{6}$/)]);
  });

  test('a convention returning undefined keeps the default for that resource', () => {
    const onlyNsgs: INamingConvention = { nameFor: (r: NameRequest) => (r.abbreviation === 'nsg' ? `nsg-${r.role}-x` : undefined) };
    const { stack } = chatWith(onlyNsgs);
    const out = Testing.synth(stack);
    expect(out).toHaveResourceWithProperties(NetworkSecurityGroup, { name: 'nsg-private-endpoints-x' });
    // The web app keeps its default, globally unique name (a Terraform expression): `app-<hash>`,
    // not `app-app-<hash>` for the construct id `App`.
    expect(out).toHaveResourceWithProperties(LinuxWebApp, { name: expect.stringMatching(/^app-\$\{substr\(sha256/) });
  });

  test('fails when two resources of one type would get one name', () => {
    expect(() => chatWith(NamingConvention.fromPattern('{abbr}-chat-prod-001'))).toThrow(
      /^ServicePrivateEndpoint 'test\/chat\/OpenAi\/PrivateEndpoint': 'naming' gives the private endpoint the same name as the one of 'test\/chat\/Vault\/PrivateEndpoint'; put \{role\} \(or \{hash\}\) in the pattern so that resources of one type differ, got 'pe-chat-prod-001'$/,
    );
  });

  test('fails when the convention gives a name Azure refuses for the type', () => {
    const longVaultNames: INamingConvention = { nameFor: (r) => (r.abbreviation === 'kv' ? `kv-${r.role}-waytoolongforakeyvaultname` : undefined) };
    expect(() => chatWith(longVaultNames))
      .toThrow(/^PrivateKeyVault 'test\/chat\/Vault': 'naming' gave a name for the Key Vault \(kv\/vault\) that Azure refuses: it must be 3-24 characters long .*, got 'kv-vault-waytoolongforakeyvaultname'$/);
  });

  test.each([
    [() => NamingConvention.fromPattern('{abbr}-{workload}'), /NamingConvention.fromPattern: 'pattern' uses the placeholder \{workload\}, which is neither built in .* nor in options.values, got '\{abbr\}-\{workload\}'/],
    [() => NamingConvention.fromPattern(''), /NamingConvention.fromPattern: 'pattern' must not be empty, got ''/],
    [() => NamingConvention.fromPattern(42 as any), /NamingConvention.fromPattern: 'pattern' must be a string, got 42/],
    [() => NamingConvention.fromPattern('{abbr}', { values: { role: 'x' } }), /'options.values.role' must not redefine a built-in placeholder/],
    [() => NamingConvention.fromPattern('{abbr}', { colour: 'x' } as any), /'options.colour' is not a known prop/],
    [() => NamingConvention.applyTo(newStack(), {} as any), /'naming' must be an INamingConvention/],
  ])('fails on bad input (%#)', (make, expected) => {
    expect(make).toThrow(expected);
  });
});
