// Bad input at the public boundary of the app area: runtime types (JavaScript callers), exact
// resource types, regions, reserved names, secrets in app settings, and the warnings for what
// deploys but does not work.
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { ChatIdentity, ChatWebApp, ChatWebAppProps, ContainerImage, SignIn } from '../../src/app';
import { Warnings } from '../../src/core/warnings';
import { PrivateNetwork } from '../../src/network';
import { newStack, synth, warningsOf } from '../util';
import { baseProps, buildApp, fixture } from './fixtures';

const CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const SECRET_ID = 'https://kv-shared.vault.azure.net/secrets/chat-client-secret';
const VNET_ID = `${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke`;
const ACR = 'https://contoso.azurecr.io';

/** Untyped input, as JavaScript callers pass it. */
const js = (p: object) => p as unknown as Partial<ChatWebAppProps>;
const fails = (overrides: object) => () => buildApp(js(overrides));
const existing = (o: object) => SignIn.withExistingRegistration({ clientId: CLIENT_ID, clientSecretKeyVaultSecretId: SECRET_ID, ...o });

describe('ChatWebApp bad input', () => {
  describe('runtime types', () => {
    test('fails when location is null (a named error, not a TypeError)', () => {
      expect(fails({ location: null })).toThrow(/^ChatWebApp 'test\/Chat': 'location' must be a string, got null$/);
    });
    test('fails when props are missing', () => {
      const f = fixture();
      expect(() => new ChatWebApp(f.stack, 'Chat', undefined as unknown as ChatWebAppProps)).toThrow(/'resourceGroupName' is required/);
    });
    test('fails when signIn is a plain object', () => {
      expect(fails({ signIn: { clientId: CLIENT_ID } })).toThrow(/'signIn' must be a SignIn \(SignIn.createAppRegistration\(\) .*got \{"clientId"/);
    });
    test('fails when image is a plain object', () => {
      expect(fails({ image: { registryUrl: ACR, imageName: 'chat', tag: '1.0' } })).toThrow(/'image' must be a ContainerImage .*got \{"registryUrl"/);
    });
    test('fails when identity is a plain object', () => {
      expect(fails({ identity: { clientId: CLIENT_ID } })).toThrow(/'identity' must be an IChatIdentity .*got \{"clientId"/);
    });
    test('fails when aiAccount is missing', () => {
      expect(fails({ aiAccount: undefined })).toThrow(/^ChatWebApp 'test\/Chat': 'aiAccount' is required \(an IAiAccount \(an AiAccount, an OpenAiAccount, or AiAccount.fromAttributes\(\.\.\.\)\)\), got undefined$/);
    });
    test('fails when vnetImagePullEnabled is a string', () => {
      expect(fails({ vnetImagePullEnabled: 'false' })).toThrow(/'vnetImagePullEnabled' must be true or false .*got 'false'/);
    });
    test('fails when workerCount is a string', () => {
      expect(fails({ workerCount: '2' })).toThrow(/'workerCount' must be an integer, got '2'/);
    });
    test('fails when an app setting value is a number', () => {
      expect(fails({ appSettings: { PORT: 8080 } })).toThrow(/'appSettings.PORT' must be a string, got 8080/);
    });
    test('fails when roleAssignments holds undefined', () => {
      expect(fails({ roleAssignments: [undefined] })).toThrow(/'roleAssignments\[0\]' must be a Terraform resource .*got undefined/);
    });
    test('fails when authExcludedPaths holds undefined', () => {
      expect(fails({ authExcludedPaths: ['/healthz', undefined] })).toThrow(/'authExcludedPaths\[1\]' must be a string, got undefined/);
    });
    test('fails when a prop is misspelled', () => {
      expect(fails({ skuname: 'P1v3' })).toThrow(/'skuname' is not a known prop \(did you mean 'skuName'\? known: .*skuName.*\), got 'P1v3'/);
    });
    test('fails when tags break Azure\'s limits', () => {
      expect(fails({ tags: { 'a?b': 'x' } })).toThrow(/'tags.a\?b' is not a valid tag name/);
    });
  });

  describe('ids, regions and names', () => {
    test('fails when servicePlanId is a site id', () => {
      expect(fails({ servicePlanId: `${SUB}/resourceGroups/rg/providers/Microsoft.Web/sites/app-x` }))
        .toThrow(/'servicePlanId' must be the id of a Microsoft.Web\/serverFarms resource \(found Microsoft.Web\/sites\)/);
    });
    test('fails when servicePlanId has a subscription that is not a GUID', () => {
      expect(fails({ servicePlanId: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web/serverFarms/asp' })).toThrow(/'servicePlanId' must be an Azure resource id/);
    });
    test('fails when the app is in another region than its network', () => {
      expect(fails({ location: 'westeurope' })).toThrow(/'location' must be the region of its network \('swedencentral'\).*got 'westeurope'/);
    });
    test('fails when the network has no app-integration subnet', () => {
      const f = fixture();
      const network = PrivateNetwork.fromAttributes(f.stack, 'Spoke', { virtualNetworkId: VNET_ID, privateEndpointSubnetId: `${VNET_ID}/subnets/pe` });
      expect(() => new ChatWebApp(f.stack, 'Chat', { ...baseProps(f), network }))
        .toThrow(/'network' must have an app-integration subnet .*got 'a network without one'/);
    });
    test.each(['azure', 'my-microsoft-chat', 'WindowsChat', 'login-chat', 'xbox'])('fails when the web app name %s is reserved by Azure', (name) => {
      expect(fails({ name })).toThrow(/'name' must not use a word Azure reserves/);
    });
    test('accepts a name that only contains a whole-name word', () => {
      expect(() => buildApp({ name: 'azure-chat-prod' })).not.toThrow();
      expect(() => buildApp({ name: 'chat-login' })).not.toThrow();
    });
  });

  describe('images', () => {
    test.each(['main', 'master', 'stable', 'edge', 'nightly', 'dev', 'develop', 'head', 'current', 'MAIN', 'main-slim', 'latest-cuda', 'cuda'])('fails when the tag is the moving tag %s', (tag) => {
      expect(fails({ image: ContainerImage.fromRegistry(ACR, 'chat', tag) })).toThrow(/'image.tag' must be a pinned tag, not '.*' \(a moving tag/);
    });
    test.each(['v0.11.4-slim', '1.0-cuda', 'git-3f2a1b9', '2025-02-13_52'])('accepts the pinned tag %s', (tag) => {
      expect(() => buildApp({ image: ContainerImage.fromRegistry(ACR, 'chat', tag) })).not.toThrow();
    });
    test('fails when the image name starts with the registry host', () => {
      expect(fails({ image: ContainerImage.fromRegistry(ACR, 'contoso.azurecr.io/chat', '1.0') })).toThrow(/'image.imageName' must be the repository path inside the registry, not start with a registry host \('contoso.azurecr.io'\)/);
    });
    test('accepts a nested repository path', () => {
      expect(() => buildApp({ image: ContainerImage.fromRegistry(ACR, 'team/chat/ui', '1.0') })).not.toThrow();
      expect(() => buildApp({ image: ContainerImage.fromRegistry(ACR, 'my.team/chat', '1.0') })).not.toThrow();
    });
    test('accepts a moving tag with allowMutableTag', () => {
      expect(() => buildApp({ image: ContainerImage.fromRegistry(ACR, 'chat', 'main', { allowMutableTag: true }) })).not.toThrow();
    });
    test('fails when a factory gets a number for the tag', () => {
      expect(() => ContainerImage.fromRegistry(ACR, 'chat', 42 as unknown as string)).toThrow(/^ContainerImage.fromRegistry: 'tag' must be a string, got 42$/);
    });
    test('fails when a factory gets null for the registry', () => {
      expect(() => ContainerImage.fromRegistryDigest(null as unknown as string, 'chat', 'sha256:x')).toThrow(/^ContainerImage.fromRegistryDigest: 'registryUrl' must be a string, got null$/);
    });
    test('fails when an image option is misspelled or of the wrong type', () => {
      expect(() => ContainerImage.fromRegistry(ACR, 'chat', '1.0', { prot: 8080 } as object)).toThrow(/'options.prot' is not a known prop/);
      expect(() => ContainerImage.fromRegistry(ACR, 'chat', '1.0', { port: '8080' } as unknown as object)).toThrow(/'options.port' must be an integer, got '8080'/);
      expect(() => ContainerImage.fromRegistry(ACR, 'chat', '1.0', { pullWithManagedIdentity: 'yes' } as unknown as object)).toThrow(/'options.pullWithManagedIdentity' must be true or false/);
    });
    // The sign-in warning (nobody assigned) is tested in sign-in.test.ts.
    const imageWarnings = (app: IConstruct) => warningsOf(app).filter((w) => !w.endsWith('[no-sign-in-assignments]'));
    test('warns when a managed-identity pull targets a registry that is not ACR', () => {
      const { app } = buildApp({ image: ContainerImage.fromRegistry('https://ghcr.io', 'contoso/chat', '1.0', { pullWithManagedIdentity: true }) });
      expect(imageWarnings(app)).toEqual([expect.stringMatching(/'image.pullWithManagedIdentity' is true for 'https:\/\/ghcr.io', which is not an Azure Container Registry .* \[mi-pull-non-acr\]$/)]);
    });
    test('no warning for a managed-identity pull from ACR, and the warning can be acknowledged', () => {
      expect(imageWarnings(buildApp({ image: ContainerImage.fromRegistry(ACR, 'chat', '1.0', { pullWithManagedIdentity: true }) }).app)).toEqual([]);
      const { app } = buildApp({ image: ContainerImage.fromRegistry('https://ghcr.io', 'contoso/chat', '1.0', { pullWithManagedIdentity: true }) });
      Warnings.acknowledge(app, 'mi-pull-non-acr', 'the registry is fronted by an ACR cache rule');
      expect(imageWarnings(app)).toEqual([]);
    });
  });

  describe('app settings', () => {
    test.each(['AZURE_OPENAI_API_KEY', 'OPENAI_API_KEY', 'AZURE_SEARCH_KEY', 'STRIPE_APIKEY', 'CLIENT_SECRET', 'DB_PASSWORD'])('fails when %s holds a plain value', (key) => {
      expect(fails({ appSettings: { [key]: 'sk-123' } })).toThrow(new RegExp(`'appSettings.${key}' must not hold a key or secret in plain text .*got 'a plain-text value'$`));
    });
    test('AZURE_OPENAI_API_KEY and OPENAI_API_KEY get the same message', () => {
      const message = (key: string) => {
        try {
          buildApp({ appSettings: { [key]: 'x' } });
        } catch (e) {
          return (e as Error).message.replace(key, 'KEY');
        }
        return 'no error';
      };
      expect(message('AZURE_OPENAI_API_KEY')).toBe(message('OPENAI_API_KEY'));
    });
    test('the secret value is never shown', () => {
      expect(fails({ appSettings: { DB_PASSWORD: 'hunter2' } })).toThrow(/^(?!.*hunter2)/s);
    });
    test('a key-shaped setting that is a Key Vault reference is accepted', () => {
      const { f } = buildApp({ appSettings: { AZURE_SEARCH_KEY: '@Microsoft.KeyVault(SecretUri=https://kv-shared.vault.azure.net/secrets/search-key)' } });
      expect(() => synth(f.stack)).not.toThrow();
    });
    test('fails when an Azure OpenAI key is set even as a Key Vault reference', () => {
      expect(fails({ appSettings: { OPENAI_API_KEY: '@Microsoft.KeyVault(VaultName=kv-shared;SecretName=oai)' } }))
        .toThrow(/'appSettings.OPENAI_API_KEY' must not be set: the app signs in to Azure OpenAI with its managed identity/);
    });
    test('fails when a Key Vault reference is malformed', () => {
      expect(fails({ appSettings: { SEARCH_ENDPOINT: '@Microsoft.KeyVault(SecretUri=https://kv/secrets/x' } }))
        .toThrow(/'appSettings.SEARCH_ENDPOINT' must be a well-formed Key Vault reference/);
    });
    test('fails when an image setting is key-shaped', () => {
      expect(fails({ image: ContainerImage.fromRegistry(ACR, 'chat', '1.0', { appSettings: { API_KEY: 'x' } }) }))
        .toThrow(/'image.appSettings.API_KEY' must not hold a key or secret in plain text/);
    });
  });

  describe('health and auth paths', () => {
    test('fails when healthCheckPath is longer than 255 characters', () => {
      expect(fails({ healthCheckPath: `/${'a'.repeat(255)}` })).toThrow(/'healthCheckPath' must be at most 255 characters/);
    });
    test('fails when an excluded path repeats', () => {
      expect(fails({ authExcludedPaths: ['/healthz', '/healthz'] })).toThrow(/'authExcludedPaths\[1\]' must not repeat a path, got '\/healthz'/);
    });
  });

  describe('sign-in', () => {
    test('fails when withExistingRegistration gets no options', () => {
      expect(() => SignIn.withExistingRegistration(undefined as unknown as { clientId: string })).toThrow(/^SignIn.withExistingRegistration: 'options.clientId' is required/);
    });
    test('fails when withExistingRegistration gets a number for the client id', () => {
      expect(() => SignIn.withExistingRegistration({ clientId: 42 as unknown as string })).toThrow(/'options.clientId' must be a string, got 42/);
    });
    test('fails when a registration option is misspelled', () => {
      expect(() => SignIn.createAppRegistration({ owner: [CLIENT_ID] } as object)).toThrow(/^SignIn.createAppRegistration: 'options.owner' is not a known prop/);
    });
    test('fails when owners holds undefined', () => {
      expect(() => SignIn.createAppRegistration({ owners: [CLIENT_ID, undefined as unknown as string] })).toThrow(/'options.owners\[1\]' must be a string, got undefined/);
    });
    test('fails when secretLifetimeDays is fractional', () => {
      expect(() => SignIn.createAppRegistration({ secretLifetimeDays: 1.5 })).toThrow(/'options.secretLifetimeDays' must be an integer, got 1.5/);
    });
    test('fails when assignmentRequired is a string', () => {
      expect(() => SignIn.createAppRegistration({ assignmentRequired: 'true' as unknown as boolean })).toThrow(/'options.assignmentRequired' must be true or false/);
    });
    test('fails when an owner is listed twice', () => {
      expect(fails({ signIn: SignIn.createAppRegistration({ owners: [CLIENT_ID, CLIENT_ID.toUpperCase()] }) }))
        .toThrow(/'signIn.owners\[1\]' must not repeat an owner \(same as 'signIn.owners\[0\]'\)/);
    });
    test('fails when the display name is longer than 256 characters', () => {
      expect(fails({ signIn: SignIn.createAppRegistration({ displayName: 'x'.repeat(257) }) })).toThrow(/'signIn.displayName' must be at most 256 characters/);
    });
    test('fails when the secret id is the ARM id of the secret', () => {
      expect(fails({ signIn: existing({ clientSecretKeyVaultSecretId: `${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-shared/secrets/chat` }) }))
        .toThrow(/'signIn.clientSecretKeyVaultSecretId' must be a versionless Key Vault secret id .*not its ARM resource id/);
    });
    test('fails when the secret id is on a host that is no vault', () => {
      expect(fails({ signIn: existing({ clientSecretKeyVaultSecretId: 'https://kv-shared.vault.example.com/secrets/chat' }) }))
        .toThrow(/'signIn.clientSecretKeyVaultSecretId' .*the host must end in '.vault.azure.net'/);
    });
    test('fails when the vault name in the secret id is too short', () => {
      expect(fails({ signIn: existing({ clientSecretKeyVaultSecretId: 'https://kv.vault.azure.net/secrets/chat' }) }))
        .toThrow(/'signIn.clientSecretKeyVaultSecretId' .*the vault name must be 3-24/);
    });
    test('accepts a secret id in a sovereign cloud and with a trailing slash', () => {
      expect(() => buildApp({ signIn: existing({ clientSecretKeyVaultSecretId: 'https://kv-shared.vault.azure.cn/secrets/chat/' }) })).not.toThrow();
    });
    test('fails when an expiry is given with a vault secret id', () => {
      expect(fails({ signIn: existing({ clientSecretExpirationDate: '2027-01-01T00:00:00Z' }) }))
        .toThrow(/'signIn.clientSecretExpirationDate' is recorded on the vault secret .*needs 'clientSecret'/);
    });

    const withExpiry = (today: string | undefined, expiry: string) => {
      const stack = new TerraformStack(Testing.app(today ? { context: { 'cdktf-private-chat:today': today } } : {}), 'test');
      new AzurermProvider(stack, 'azurerm', { features: [{}] });
      const f = fixture(stack);
      const signIn = SignIn.withExistingRegistration({ clientId: CLIENT_ID, clientSecret: 's3cret', clientSecretExpirationDate: expiry });
      return new ChatWebApp(f.stack, 'Chat', { ...baseProps(f), signIn });
    };
    const appWarnings = (app: any) => warningsOf(TerraformStack.of(app)).filter((w) => w.includes('signIn.clientSecretExpirationDate'));

    test('warns when the client secret expiry is already past', () => {
      expect(appWarnings(withExpiry('2026-11-22', '2025-01-01T00:00:00Z'))).toEqual([
        expect.stringMatching(/^ChatWebApp 'test\/Chat': 'signIn.clientSecretExpirationDate' is '2025-01-01T00:00:00Z', already past on 2026-11-22 .* \[expiry-in-past\]$/),
      ]);
    });
    test('no past-date warning for a future expiry', () => {
      expect(appWarnings(withExpiry('2026-11-22', '2027-01-01T00:00:00Z'))).toEqual([]);
      expect(appWarnings(withExpiry(undefined, '2027-01-01T00:00:00Z'))).toEqual([]);
    });
    test('warns without today in the context too, naming the date it took (the catalogue\'s research date)', () => {
      expect(appWarnings(withExpiry(undefined, '2025-01-01T00:00:00Z'))).toEqual([
        expect.stringMatching(/^ChatWebApp 'test\/Chat': 'signIn.clientSecretExpirationDate' is '2025-01-01T00:00:00Z', already past on 2026-11-22 \(taken as today: the date the model catalogue was researched; set context 'cdktf-private-chat:today' to check another date\): .* \[expiry-in-past\]$/),
      ]);
    });
  });
});

describe('ChatIdentity bad input', () => {
  const IDENTITY_ID = `${SUB}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-chat`;
  const GUID = '11111111-1111-1111-1111-111111111111';
  test('fails when location is null', () => {
    expect(() => new ChatIdentity(newStack(), 'Identity', { resourceGroupName: 'rg', location: null as unknown as string }))
      .toThrow(/^ChatIdentity 'test\/Identity': 'location' must be a string, got null$/);
  });
  test('fails when a prop is unknown', () => {
    expect(() => new ChatIdentity(newStack(), 'Identity', { resourceGroupName: 'rg', location: 'swedencentral', nmae: 'id-x' } as object as never))
      .toThrow(/'nmae' is not a known prop/);
  });
  test('fails when tags hold more than 50 entries', () => {
    const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(() => new ChatIdentity(newStack(), 'Identity', { resourceGroupName: 'rg', location: 'swedencentral', tags })).toThrow(/'tags' must hold at most 50 tags/);
  });
  test('fails when an imported identity id is a federated credential (a child type)', () => {
    expect(() => ChatIdentity.fromIdentityAttributes(newStack(), 'Existing', {
      identityId: `${IDENTITY_ID}/federatedIdentityCredentials/gh`, clientId: GUID, principalId: GUID, tenantId: GUID,
    })).toThrow(/'identityId' must be the id of a Microsoft.ManagedIdentity\/userAssignedIdentities resource \(found Microsoft.ManagedIdentity\/userAssignedIdentities\/federatedIdentityCredentials\)/);
  });
  test('fails when an imported attribute is missing', () => {
    expect(() => ChatIdentity.fromIdentityAttributes(newStack(), 'Existing', { identityId: IDENTITY_ID, clientId: GUID, principalId: GUID } as never))
      .toThrow(/^ChatIdentity.fromIdentityAttributes 'test\/Existing': 'tenantId' is required/);
  });
});
