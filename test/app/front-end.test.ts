// The chat front ends: what each one puts into the web app, and the input each one refuses.
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct } from 'constructs';
import {
  ChatFrontEnd, ChatIdentity, ChatWebApp, ContainerImage, HistoryStoreKind, IChatHistoryStore, IImageMirror, ModelApi, UserIdentitySource,
} from '../../src/app';
import { openAiV1BaseUrl } from '../../src/app/front-end';
import { grantRole, IPrincipal } from '../../src/core';
import { VaultSecret } from '../../src/secrets';
import { onlyResource, resourcesOf, synthJson, warningsOf } from '../util';
import { baseProps, buildApp, fixture, ref } from './fixtures';

const DIGEST = 'sha256:9591b13f13843c7721c2b8eaf7382846c81b3ffe126526d1888d1fed50c6a33f';
const DB_URL_REF = '@Microsoft.KeyVault(SecretUri=https://kv-chat.vault.azure.net/secrets/history-url)';

/** A stand-in history store: only the two members the web app reads. */
class FakeHistory extends Construct implements IChatHistoryStore {
  public readonly connectionUrlReference = DB_URL_REF;
  constructor(scope: Construct, id: string, public readonly historyStoreKind: HistoryStoreKind = HistoryStoreKind.POSTGRESQL) {
    super(scope, id);
  }
}

/** A stand-in registry mirror that serves every image from contoso.azurecr.io and grants AcrPull. */
class FakeMirror extends Construct implements IImageMirror {
  public mirrored?: ContainerImage;
  public mirror(image: ContainerImage): ContainerImage {
    this.mirrored = image;
    return ContainerImage.fromRegistryDigest('https://contoso.azurecr.io', image.imageName, image.digest!, {
      port: image.port, appSettings: image.appSettings, pullWithManagedIdentity: true,
    });
  }
  public grantPull(principal: IPrincipal): RoleAssignment {
    return grantRole(this, { scopeId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/contoso', roleDefinitionName: 'AcrPull', principal });
  }
}

function webAppOf(f: { stack: any }): any {
  return onlyResource(synthJson(f.stack), 'azurerm_linux_web_app');
}

describe('ChatFrontEnd.openWebUi (the default)', () => {
  test('what the factory knows: pinned image, port 8080, /health, WebSockets, v1 API, OpenID Connect sign-in, PostgreSQL', () => {
    const fe = ChatFrontEnd.openWebUi();
    expect(fe.image.registryUrl).toBe('https://ghcr.io');
    expect(fe.image.reference).toBe(`open-webui/open-webui@${DIGEST}`);
    expect(fe.port).toBe(8080);
    expect(fe.healthCheckPath).toBe('/health');
    expect(fe.webSocketsEnabled).toBe(true);
    expect(fe.modelApi).toBe(ModelApi.OPENAI_V1);
    expect(fe.userIdentitySource).toBe(UserIdentitySource.OPEN_ID_CONNECT);
    expect(fe.signInCallbackPath).toBe('/oauth/oidc/callback');
    expect(fe.needsBootstrapAdmin).toBe(true);
    expect(fe.historyStore).toBe(HistoryStoreKind.POSTGRESQL);
    expect(fe.callsReasoningModels).toBe(true);
    expect(fe.offersSeveralModels).toBe(true);
  });

  test('the app runs the pinned image on 8080 with WebSockets and the /health probe', () => {
    const { f } = buildApp();
    const app = webAppOf(f);
    expect(app.site_config.application_stack).toEqual({ docker_registry_url: 'https://ghcr.io', docker_image_name: `open-webui/open-webui@${DIGEST}` });
    expect(app.site_config.websockets_enabled).toBe(true);
    expect(app.site_config.health_check_path).toBe('/health');
    expect(app.app_settings.WEBSITES_PORT).toBe('8080');
  });

  test('keyless: the v1 URL of the account with Entra auth as the app identity, and no key setting', () => {
    const { f, app } = buildApp();
    const settings = webAppOf(f).app_settings;
    expect(settings.OPENAI_API_BASE_URLS).toBe(`\${trimsuffix(${ref(f.openAi.resource, 'endpoint').slice(2, -1)}, "/")}/openai/v1`);
    expect(JSON.parse(settings.OPENAI_API_CONFIGS)).toEqual({ 0: { enable: true, auth_type: 'microsoft_entra_id', model_ids: ['gpt-4o-mini'] } });
    expect(settings.AZURE_CLIENT_ID).toBe(ref((app.identity as ChatIdentity).resource, 'client_id'));
    expect(settings.AZURE_TOKEN_CREDENTIALS).toBe('ManagedIdentityCredential');
    expect(Object.keys(settings).filter((k) => /KEY(S)?$/.test(k) && k !== 'WEBUI_SECRET_KEY')).toEqual([]);
    expect(settings.ENABLE_OLLAMA_API).toBe('False');
  });

  test('users sign in through Entra (roles from the registration, see sign-in.test.ts), and nothing lets the token go elsewhere', () => {
    const { f, app } = buildApp();
    const settings = webAppOf(f).app_settings;
    expect(settings.WEBUI_AUTH_TRUSTED_EMAIL_HEADER).toBeUndefined();
    expect(settings).toEqual(expect.objectContaining({
      ENABLE_OAUTH_ROLE_MANAGEMENT: 'True',
      DEFAULT_USER_ROLE: 'pending',
      ENABLE_PERSISTENT_CONFIG: 'False',
      ENABLE_DIRECT_CONNECTIONS: 'False',
      ENABLE_OPENAI_API_PASSTHROUGH: 'False',
      ENABLE_FORWARD_USER_INFO_HEADERS: 'False',
      ENABLE_COMMUNITY_SHARING: 'False',
      ENABLE_VERSION_UPDATE_CHECK: 'False',
    }));
    expect(settings.WEBUI_URL).toMatch(/^https:\/\/app-chat-\$\{substr\(sha256\(.*\)\}\.azurewebsites\.net$/);
    expect(app.webAppName).toBeDefined();
    expect(settings.CORS_ALLOW_ORIGIN).toBe(settings.WEBUI_URL);
    expect(webAppOf(f).auth_settings_v2.require_authentication).toBe(true);
  });

  test('the session secret is generated once by Terraform (uuid held by a terraform_data, ignore_changes) into the vault, and read as a Key Vault reference', () => {
    const { f, app } = buildApp();
    const json = synthJson(f.stack);
    const [name, secret] = Object.entries(resourcesOf(json, 'azapi_resource')).find(([k]) => k.includes('SessionSecret')) as [string, any];
    const [holderName, holder] = Object.entries(resourcesOf(json, 'terraform_data')).find(([k]) => k.includes('SessionSecret')) as [string, any];
    expect(holder).toEqual({ input: '${sensitive(join("", [uuid(), uuid()]))}', lifecycle: { ignore_changes: ['input'] } });
    expect(secret.sensitive_body).toEqual({ properties: { value: `\${terraform_data.${holderName}.output}` } });
    expect(secret.body.properties.contentType).toBe('session-signing-key');
    expect(secret.parent_id).toBe(ref(f.vault.resource, 'id'));
    expect(webAppOf(f).app_settings.WEBUI_SECRET_KEY)
      .toBe(`@Microsoft.KeyVault(SecretUri=\${trimsuffix(azurerm_key_vault.${f.vault.resource.friendlyUniqueId}.vault_uri, "/")}/secrets/\${azapi_resource.${name}.name})`);
    expect(app.sessionSecret).toBeInstanceOf(VaultSecret);
    expect(JSON.stringify(json.resource)).not.toMatch(/random_/);
  });

  test('offers every deployment given, the default first, once each', () => {
    const { f, app } = buildApp({ deploymentNames: ['gpt-5.4', 'gpt-4o-mini', 'Llama-4-Maverick'] });
    const settings = webAppOf(f).app_settings;
    expect(JSON.parse(settings.OPENAI_API_CONFIGS)['0'].model_ids).toEqual(['gpt-4o-mini', 'gpt-5.4', 'Llama-4-Maverick']);
    expect(settings.DEFAULT_MODELS).toBe('gpt-4o-mini');
    expect(app.deploymentNames).toEqual(['gpt-4o-mini', 'gpt-5.4', 'Llama-4-Maverick']);
  });

  test('history: DATABASE_URL is the store\'s Key Vault reference', () => {
    const { f } = buildApp({});
    expect(webAppOf(f).app_settings.DATABASE_URL).toBeUndefined();
    const built = buildApp({ history: new FakeHistory(f.stack, 'History') });
    expect(webAppOf(built.f).app_settings.DATABASE_URL).toBe(DB_URL_REF);
  });

  test('options: user headers for a gateway, temporary chats allowed or enforced', () => {
    const { f } = buildApp({ frontEnd: ChatFrontEnd.openWebUi({ forwardUserInfoHeaders: true, temporaryChatsEnforced: true }) });
    expect(webAppOf(f).app_settings).toEqual(expect.objectContaining({
      ENABLE_FORWARD_USER_INFO_HEADERS: 'True', USER_PERMISSIONS_CHAT_TEMPORARY: 'True', USER_PERMISSIONS_CHAT_TEMPORARY_ENFORCED: 'True',
    }));
    const off = buildApp({ frontEnd: ChatFrontEnd.openWebUi({ temporaryChatsAllowed: false }) });
    expect(webAppOf(off.f).app_settings.USER_PERMISSIONS_CHAT_TEMPORARY).toBe('False');
  });

  test('default settings may be overridden by appSettings; wired ones may not', () => {
    const { f } = buildApp({ appSettings: { OAUTH_PROVIDER_NAME: 'Contoso SSO' } });
    expect(webAppOf(f).app_settings.OAUTH_PROVIDER_NAME).toBe('Contoso SSO');
    expect(() => buildApp({ appSettings: { OPENAI_API_BASE_URLS: 'https://evil.example/v1' } }))
      .toThrow(/^ChatWebApp 'test\/Chat': 'appSettings.OPENAI_API_BASE_URLS' must not be set: the construct wires it from 'aiAccount', got 'https:\/\/evil.example\/v1'$/);
    expect(() => buildApp({ appSettings: { enable_persistent_config: 'True' } }))
      .toThrow(/'appSettings.enable_persistent_config' must not be set: the construct wires it from 'frontEnd', got 'True'/);
    expect(() => buildApp({ appSettings: { DATABASE_URL: 'postgresql://u:p@db/x' } }))
      .toThrow(/'appSettings.DATABASE_URL' must not hold a key or secret in plain text .*got 'a plain-text value'/);
    expect(() => buildApp({ history: new FakeHistory(f.stack, 'H'), appSettings: { DATABASE_URL: DB_URL_REF } }))
      .toThrow(/'appSettings.DATABASE_URL' must not be set: the construct wires it from 'history'/);
  });

  test('a newer Open WebUI image keeps the settings', () => {
    const image = ContainerImage.fromRegistry('https://ghcr.io', 'open-webui/open-webui', 'v0.12.0', { port: 8080 });
    const { f } = buildApp({ frontEnd: ChatFrontEnd.openWebUi({ image }) });
    const app = webAppOf(f);
    expect(app.site_config.application_stack.docker_image_name).toBe('open-webui/open-webui:v0.12.0');
    expect(app.app_settings.OAUTH_ADMIN_ROLES).toBe('Admin');
  });

  test('more than one instance warns, naming what Open WebUI lacks to share its state (all present/absent cases: scale-out.test.ts)', () => {
    // The sign-in warning (nobody assigned) is tested in sign-in.test.ts.
    const others = (app: ChatWebApp) => warningsOf(app).filter((w) => !w.endsWith('[no-sign-in-assignments]'));
    expect(others(buildApp({ workerCount: 2 }).app)).toEqual([expect.stringMatching(/'workerCount' is 2, but Open WebUI needs, to run as several instances: 'history' .*'sharedState' .*'fileStore' .*\[front-end-multi-instance\]$/)]);
    expect(others(buildApp({ workerCount: 2, frontEnd: ChatFrontEnd.sampleChatApp() }).app)).toEqual([]);
  });
});

describe('the sample app and custom images', () => {
  test('the sample app gets the Azure OpenAI settings, no session secret, and one model', () => {
    const { f, app } = buildApp({ frontEnd: ChatFrontEnd.sampleChatApp() });
    const settings = webAppOf(f).app_settings;
    expect(settings).toEqual(expect.objectContaining({ AZURE_OPENAI_ENDPOINT: ref(f.openAi.resource, 'endpoint'), AZURE_OPENAI_MODEL: 'gpt-4o-mini', AUTH_ENABLED: 'true' }));
    expect(settings.OPENAI_API_CONFIGS).toBeUndefined();
    expect(app.sessionSecret).toBeUndefined();
    expect(ChatFrontEnd.sampleChatApp().callsReasoningModels).toBe(false);
  });

  test('image is short for ChatFrontEnd.fromImage(image)', () => {
    const image = ContainerImage.fromRegistry('https://contoso.azurecr.io', 'team/chat', '1.0', { port: 3000 });
    const a = webAppOf(buildApp({ image }).f);
    const b = webAppOf(buildApp({ frontEnd: ChatFrontEnd.fromImage(image) }).f);
    expect(a).toEqual(b);
    expect(a.app_settings.AZURE_OPENAI_MODEL).toBe('gpt-4o-mini');
    expect(a.site_config.health_check_path).toBe('/');
  });

  test('a custom front end states its health path, WebSockets and reasoning support', () => {
    const image = ContainerImage.fromRegistry('https://contoso.azurecr.io', 'team/chat', '1.0');
    const fe = ChatFrontEnd.fromImage(image, { healthCheckPath: '/ready', webSocketsEnabled: true, callsReasoningModels: false });
    expect([fe.healthCheckPath, fe.webSocketsEnabled, fe.callsReasoningModels, fe.historyStore]).toEqual(['/ready', true, false, HistoryStoreKind.NONE]);
    expect(ChatFrontEnd.fromImage(ContainerImage.SAMPLE_CHAT_APP).name).toBe("Microsoft's sample chat app");
  });
});

describe('registry mirror', () => {
  test('the app pulls the mirrored image as its identity, after AcrPull', () => {
    const f = fixture();
    const mirror = new FakeMirror(f.stack, 'Mirror');
    const built = { f, app: new ChatWebApp(f.stack, 'Chat', { ...baseProps(f), imageMirror: mirror }) };
    expect(mirror.mirrored?.registryUrl).toBe('https://ghcr.io');
    const web = webAppOf(built.f);
    expect(web.site_config.application_stack).toEqual({ docker_registry_url: 'https://contoso.azurecr.io', docker_image_name: `open-webui/open-webui@${DIGEST}` });
    expect(web.site_config.container_registry_use_managed_identity).toBe(true);
    expect(web.site_config.container_registry_managed_identity_client_id).toBe(ref((built.app.identity as ChatIdentity).resource, 'client_id'));
    expect(built.app.frontEnd.image.registryUrl).toBe('https://contoso.azurecr.io');
    expect(built.app.frontEnd.name).toBe('Open WebUI');
    const json = synthJson(built.f.stack);
    const pull = Object.entries(resourcesOf(json, 'azurerm_role_assignment')).find(([, r]) => (r as any).role_definition_name === 'AcrPull');
    expect(pull).toBeDefined();
    const wait = Object.values(resourcesOf(json, 'time_sleep'))[0] as any;
    expect(wait.depends_on).toContain(`azurerm_role_assignment.${pull![0]}`);
  });
});

describe('bad input', () => {
  test('fails when image and frontEnd are both given', () => {
    expect(() => buildApp({ image: ContainerImage.SAMPLE_CHAT_APP, frontEnd: ChatFrontEnd.openWebUi() }))
      .toThrow(/^ChatWebApp 'test\/Chat': 'image' and 'frontEnd' are mutually exclusive/);
  });
  test('fails when a one-model front end is given more deployments', () => {
    expect(() => buildApp({ frontEnd: ChatFrontEnd.sampleChatApp(), deploymentNames: ['gpt-5.4'] }))
      .toThrow(/'deploymentNames' must be empty or name only 'deploymentName' for Microsoft's sample chat app, which calls one deployment.*got \["gpt-5.4"\]/);
  });
  test('fails when a deployment is named twice', () => {
    expect(() => buildApp({ deploymentNames: ['dep-a', 'dep-b', 'dep-a'] })).toThrow(/'deploymentNames\[2\]' must not repeat a deployment \(same as 'deploymentNames\[0\]'\), got 'dep-a'/);
  });
  test('fails when a deployment name is not a deployment name', () => {
    expect(() => buildApp({ deploymentNames: ['has space'] })).toThrow(/'deploymentNames\[0\]'/);
  });
  test('fails when a history store is given to a front end without one', () => {
    const { f } = buildApp();
    expect(() => buildApp({ frontEnd: ChatFrontEnd.sampleChatApp(), history: new FakeHistory(f.stack, 'H') }))
      .toThrow(/'history' must not be set for Microsoft's sample chat app, which keeps no history in a store the library can wire, got 'PostgreSQL'/);
  });
  test('fails when the history store is another kind', () => {
    const { f } = buildApp();
    expect(() => buildApp({ history: new FakeHistory(f.stack, 'H', HistoryStoreKind.NONE) }))
      .toThrow(/'history' must be a PostgreSQL store, the kind Open WebUI reads, got 'None'/);
  });
  test('fails when Open WebUI has no vault for its session secret', () => {
    expect(() => buildApp({ vault: undefined })).toThrow(/'vault' is required for Open WebUI: the secret it signs sessions with is generated there/);
  });
  test('fails when OPENAI_API_KEYS is set, even as a Key Vault reference', () => {
    expect(() => buildApp({ appSettings: { OPENAI_API_KEYS: '@Microsoft.KeyVault(SecretUri=https://kv-shared.vault.azure.net/secrets/k)' } }))
      .toThrow(/'appSettings.OPENAI_API_KEYS' must not be set: the app signs in to Azure OpenAI with its managed identity/);
  });
  test('fails when temporary chats are enforced but not allowed', () => {
    expect(() => ChatFrontEnd.openWebUi({ temporaryChatsAllowed: false, temporaryChatsEnforced: true }))
      .toThrow(/^ChatFrontEnd.openWebUi: 'options.temporaryChatsEnforced' makes every chat temporary, so it needs temporary chats allowed/);
  });
  test('fails on untyped options and images', () => {
    expect(() => ChatFrontEnd.openWebUi({ forwardUserInfoHeaders: 'yes' } as any)).toThrow(/ChatFrontEnd.openWebUi: 'options.forwardUserInfoHeaders' must be true or false/);
    expect(() => ChatFrontEnd.fromImage('ghcr.io/x' as any)).toThrow(/ChatFrontEnd.fromImage: 'image' must be a ContainerImage/);
    expect(() => ChatFrontEnd.openWebUi().withImage(undefined as any)).toThrow(/ChatFrontEnd.withImage: 'image'/);
  });
  test('fails when a custom front end\'s health path has no leading slash, suggesting it', () => {
    const image = ContainerImage.fromRegistry('https://myregistry.azurecr.io', 'team/chat', '1.4.2');
    expect(() => ChatFrontEnd.fromImage(image, { healthCheckPath: 'healthz' })).toThrow(
      "ChatFrontEnd.fromImage: 'options.healthCheckPath' must be a path starting with '/', without spaces, query or fragment (did you mean '/healthz'?), got 'healthz'");
    expect(() => ChatFrontEnd.fromImage(image, { healthCheckPath: '/health?probe=1' })).toThrow(
      "ChatFrontEnd.fromImage: 'options.healthCheckPath' must be a path starting with '/', without spaces, query or fragment, got '/health?probe=1'");
    expect(ChatFrontEnd.fromImage(image, { healthCheckPath: '/healthz' }).healthCheckPath).toBe('/healthz');
  });
});

describe('openAiV1BaseUrl', () => {
  test('one slash between the endpoint and /openai/v1, whatever the endpoint ends with', () => {
    expect(openAiV1BaseUrl('https://a.openai.azure.com/')).toBe('https://a.openai.azure.com/openai/v1');
    expect(openAiV1BaseUrl('https://a.openai.azure.com')).toBe('https://a.openai.azure.com/openai/v1');
  });
});

describe('Open WebUI release floor', () => {
  const ghcr = (tag: string) => ContainerImage.fromRegistry('https://ghcr.io', 'open-webui/open-webui', tag, { port: 8080, allowMutableTag: true });

  test.each([
    ['v0.10.1', '0.10.1'],
    ['0.9.5', '0.9.5'],
    ['0.10.1-cuda', '0.10.1'],
    ['v0.9', '0.9'],
  ])('fails when the tag is the older release %s, naming the setting and the first release that reads it', (tag, shown) => {
    expect(() => ChatFrontEnd.openWebUi({ image: ghcr(tag) })).toThrow(
      `ChatFrontEnd.openWebUi: 'options.image' is Open WebUI ${shown}, but the library relies on OPENAI_API_CONFIGS from the environment, `
      + `which Open WebUI reads since 0.10.2; use 0.10.2 or later (the default is v0.11.4), got 'open-webui/open-webui:${tag}'`);
  });

  test('fails for a release older than Entra ID connections with that reason first', () => {
    expect(() => ChatFrontEnd.openWebUi({ image: ghcr('v0.6.30') })).toThrow(
      "'options.image' is Open WebUI 0.6.30, but the library relies on OPENAI_API_CONFIGS from the environment, which Open WebUI reads since 0.10.2");
  });

  test.each(['v0.10.2', '0.10.2', '0.11.4-ollama', 'v1.0.0', '0.10', 'main', 'latest', 'git-1a2b3c4'])('accepts %s (a new enough release, or a tag that names none)', (tag) => {
    expect(ChatFrontEnd.openWebUi({ image: ghcr(tag) }).image.tag).toBe(tag);
  });

  test.each(['main-slim', 'main', 'latest', 'dev', 'cuda', 'ollama', 'dev-cuda'])('fails when the tag %s is one Open WebUI rebuilds from a branch', (tag) => {
    const rolling = ContainerImage.fromRegistry('https://ghcr.io', 'open-webui/open-webui', tag, { port: 8080 });
    expect(() => ChatFrontEnd.openWebUi({ image: rolling })).toThrow(
      `ChatFrontEnd.openWebUi: 'options.image' must be pinned by digest, a release tag ('v0.11.4') or 'git-<sha>': '${tag}' is a rolling tag that Open WebUI `
      + `rebuilds from a branch, so a restart could run other code; set 'allowMutableTag' to accept it, got 'open-webui/open-webui:${tag}'`);
  });

  test('fails when the tag is neither a release nor a commit', () => {
    const image = ContainerImage.fromRegistry('https://ghcr.io', 'open-webui/open-webui', 'prod', { port: 8080 });
    expect(() => ChatFrontEnd.openWebUi({ image })).toThrow(/'options.image' must be pinned by digest, .*: 'prod' is not a tag Open WebUI keeps fixed, /);
  });

  test('fails when the port is not the one Open WebUI listens on, unless PORT says so', () => {
    const on80 = ContainerImage.fromRegistry('https://ghcr.io', 'open-webui/open-webui', 'v0.11.4', {});
    expect(() => ChatFrontEnd.openWebUi({ image: on80 })).toThrow(
      "ChatFrontEnd.openWebUi: 'options.image.port' must be 8080, the port Open WebUI listens on (or set the image's 'PORT' app setting to the same port), got 80");
    const on3000 = ContainerImage.fromRegistry('https://ghcr.io', 'open-webui/open-webui', 'v0.11.4', { port: 3000, appSettings: { PORT: '3000' } });
    expect(ChatFrontEnd.openWebUi({ image: on3000 }).port).toBe(3000);
  });

  test('fails when given Microsoft\'s sample app image', () => {
    expect(() => ChatFrontEnd.openWebUi({ image: ContainerImage.SAMPLE_CHAT_APP })).toThrow(
      "ChatFrontEnd.openWebUi: 'options.image' must be an Open WebUI image: 'sample-app-aoai-chatgpt:2025-02-13_52' is Microsoft's sample chat app, "
      + "which reads other settings; use ChatFrontEnd.sampleChatApp() for it, got 'sample-app-aoai-chatgpt:2025-02-13_52'");
    expect(ChatFrontEnd.sampleChatApp().image).toBe(ContainerImage.SAMPLE_CHAT_APP);
  });

  test('withImage holds the new Open WebUI image to the same rules', () => {
    expect(() => ChatFrontEnd.openWebUi().withImage(ContainerImage.fromRegistry('https://ghcr.io', 'open-webui/open-webui', 'main-slim', { port: 8080 })))
      .toThrow(/^ChatFrontEnd.withImage: 'image' must be pinned by digest/);
  });

  test('accepts a digest, which cannot be checked', () => {
    const image = ContainerImage.fromRegistryDigest('https://ghcr.io', 'open-webui/open-webui', `sha256:${'a'.repeat(64)}`, { port: 8080 });
    expect(ChatFrontEnd.openWebUi({ image }).image).toBe(image);
  });

  test('withImage checks the new image of an Open WebUI front end, and not of other front ends', () => {
    expect(() => ChatFrontEnd.openWebUi().withImage(ghcr('0.9.5'))).toThrow(/^ChatFrontEnd.withImage: 'image' is Open WebUI 0.9.5, but /);
    expect(ChatFrontEnd.sampleChatApp().withImage(ghcr('0.9.5')).image.tag).toBe('0.9.5');
  });

  test('a custom front end on an old Open WebUI image is not Open WebUI\'s settings, so it is not checked', () => {
    expect(ChatFrontEnd.fromImage(ghcr('0.9.5')).name).toBe('a custom image');
  });
});
