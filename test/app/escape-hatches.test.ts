// The web app's front-end escape hatches (WebSockets, health check, paths that skip sign-in,
// settings added after construction) and the rules they follow.
import { LinuxWebApp } from '@cdktf/provider-azurerm/lib/linux-web-app';
import { TerraformVariable, Testing } from 'cdktf';
import { ChatFrontEnd, ChatWebAppProps } from '../../src/app';
import { synth } from '../util';
import { buildApp, ref } from './fixtures';

/** Untyped input, as JavaScript callers pass it. */
const js = (p: object) => p as unknown as Partial<ChatWebAppProps>;
const KV_REF = '@Microsoft.KeyVault(SecretUri=https://kv-shared.vault.azure.net/secrets/search-key)';

/** The synthesized `azurerm_linux_web_app` of the app. */
function webApp(stack: Parameters<typeof synth>[0]): any {
  const json = JSON.parse(synth(stack));
  return Object.values(json.resource.azurerm_linux_web_app)[0];
}

describe('webSocketsEnabled', () => {
  test('WebSockets follow the front end: on for Open WebUI (Socket.IO), off for the sample app', () => {
    expect(webApp(buildApp().f.stack).site_config.websockets_enabled).toBe(true);
    expect(Testing.synth(buildApp({ frontEnd: ChatFrontEnd.sampleChatApp() }).f.stack))
      .toHaveResourceWithProperties(LinuxWebApp, { site_config: expect.objectContaining({ websockets_enabled: false }) });
  });
  test('an explicit false wins over the front end', () => {
    expect(webApp(buildApp({ webSocketsEnabled: false }).f.stack).site_config.websockets_enabled).toBe(false);
  });
  test('turns WebSockets on', () => {
    const { f } = buildApp({ webSocketsEnabled: true });
    expect(Testing.synth(f.stack)).toHaveResourceWithProperties(LinuxWebApp, { site_config: expect.objectContaining({ websockets_enabled: true }) });
  });
  test('fails when webSocketsEnabled is a string', () => {
    expect(() => buildApp(js({ webSocketsEnabled: 'true' }))).toThrow(/^ChatWebApp 'test\/Chat': 'webSocketsEnabled' must be true or false .*, got 'true'$/);
  });
});

describe('healthCheckPath and authExcludedPaths', () => {
  test('the health check follows the front end (/health for Open WebUI, / for the sample app) and the path given otherwise', () => {
    expect(webApp(buildApp().f.stack).site_config.health_check_path).toBe('/health');
    expect(webApp(buildApp({ frontEnd: ChatFrontEnd.sampleChatApp() }).f.stack).site_config.health_check_path).toBe('/');
    expect(webApp(buildApp({ healthCheckPath: '/healthz' }).f.stack).site_config.health_check_path).toBe('/healthz');
  });
  test('excluded paths reach auth_settings_v2.excluded_paths', () => {
    const app = webApp(buildApp({ authExcludedPaths: ['/healthz', '/api/public'] }).f.stack);
    expect(app.auth_settings_v2.excluded_paths).toEqual(['/healthz', '/api/public']);
    expect(app.auth_settings_v2.require_authentication).toBe(true);
  });
  test('no excluded paths by default', () => {
    expect(webApp(buildApp().f.stack).auth_settings_v2.excluded_paths).toBeUndefined();
  });
  test('fails when an excluded path does not start with /', () => {
    expect(() => buildApp({ authExcludedPaths: ['/ok', 'healthz'] })).toThrow(/'authExcludedPaths\[1\]' must be a path starting with '\/', got 'healthz'/);
  });
  test('fails when an excluded path repeats', () => {
    expect(() => buildApp({ authExcludedPaths: ['/healthz', '/healthz'] })).toThrow(/'authExcludedPaths\[1\]' must not repeat a path, got '\/healthz'/);
  });
  test('fails when the health check path has a query', () => {
    expect(() => buildApp({ healthCheckPath: '/health?full=1' })).toThrow(/'healthCheckPath' must be a path starting with '\/', without spaces, query or fragment/);
  });
});

describe('addAppSetting', () => {
  test('a setting added after construction is synthesized with the others', () => {
    const { f, app } = buildApp({ appSettings: { FEATURE: 'on' } });
    app.addAppSetting('MY_ENDPOINT', f.openAi.endpoint);
    const settings = webApp(f.stack).app_settings;
    expect(settings).toEqual(expect.objectContaining({ FEATURE: 'on', MY_ENDPOINT: ref(f.openAi.resource, 'endpoint') }));
    expect(settings.DEFAULT_MODELS).toBe('gpt-4o-mini');
  });
  test('a key-shaped setting is accepted as a Key Vault reference', () => {
    const { f, app } = buildApp();
    app.addAppSetting('SEARCH_API_KEY', KV_REF);
    expect(webApp(f.stack).app_settings.SEARCH_API_KEY).toBe(KV_REF);
  });
  test('a token name and value are accepted', () => {
    const { f, app } = buildApp();
    const value = new TerraformVariable(f.stack, 'endpoint', { type: 'string' });
    app.addAppSetting('SEARCH_ENDPOINT', value.stringValue);
    expect(webApp(f.stack).app_settings.SEARCH_ENDPOINT).toBe('${var.endpoint}');
  });
  test.each(['SEARCH_API_KEY', 'OPENAI_API_KEY', 'GITHUB_TOKEN', 'DB_CONNECTION_STRING', 'client_secret'])('fails when %s is added in plain text', (name) => {
    const { app } = buildApp();
    expect(() => app.addAppSetting(name, 'sk-123'))
      .toThrow(new RegExp(`^ChatWebApp 'test/Chat': 'addAppSetting\\(${name}\\)' must not hold a key or secret in plain text .*, got 'a plain-text value'$`));
  });
  test('fails when the name is already set by appSettings (in another case)', () => {
    const { app } = buildApp({ appSettings: { FEATURE: 'on' } });
    expect(() => app.addAppSetting('feature', 'off')).toThrow(/'addAppSetting\(feature\)' must not repeat a setting that is already set \('FEATURE'.*, got 'feature'/);
  });
  test('fails when the name was added before', () => {
    const { app } = buildApp();
    app.addAppSetting('MY_ENDPOINT', 'https://a.example');
    expect(() => app.addAppSetting('MY_ENDPOINT', 'https://b.example')).toThrow(/'addAppSetting\(MY_ENDPOINT\)' must not repeat a setting/);
  });
  test('fails when the name is one the image sets', () => {
    const { app } = buildApp({ frontEnd: ChatFrontEnd.sampleChatApp() });
    expect(() => app.addAppSetting('AUTH_ENABLED', 'false')).toThrow(/'addAppSetting\(AUTH_ENABLED\)' must not repeat a setting that is already set/);
  });
  test('fails when the name is wired by the construct', () => {
    const { app } = buildApp();
    expect(() => app.addAppSetting('AZURE_CLIENT_ID', 'x')).toThrow(/'addAppSetting\(AZURE_CLIENT_ID\)' must not be set: the construct wires it from 'identity'/);
  });
  test('fails when the name has characters a container cannot read', () => {
    const { app } = buildApp();
    expect(() => app.addAppSetting('MY-SETTING', 'x')).toThrow(/'addAppSetting\(MY-SETTING\)' must be named with letters, digits/);
  });
  test('fails when the value is not a string', () => {
    const { app } = buildApp();
    expect(() => app.addAppSetting('PORT', 8080 as unknown as string)).toThrow(/^ChatWebApp 'test\/Chat': 'addAppSetting.value' must be a string, got 8080$/);
  });
  test('fails when the name is missing', () => {
    const { app } = buildApp();
    expect(() => app.addAppSetting(undefined as unknown as string, 'x')).toThrow(/'addAppSetting.name' is required \(a string\), got undefined/);
  });
});

describe('key-shaped settings', () => {
  test.each(['API_TOKEN', 'SAS_TOKEN', 'DB_CONNECTION_STRING', 'SqlConnectionString', 'AZURE_OPENAI_API_KEY', 'OPENAI_API_KEY', 'stripe_apikey'])('fails when %s holds a plain value', (key) => {
    expect(() => buildApp({ appSettings: { [key]: 'x' } }))
      .toThrow(new RegExp(`'appSettings.${key}' must not hold a key or secret in plain text .*got 'a plain-text value'$`));
  });
  test.each(['AZURE_CLIENT_ID_2', 'AZURE_OPENAI_MAX_TOKENS', 'KEYCLOAK_URL', 'APPLICATIONINSIGHTS_CONNECTION_STRING'])('accepts %s in plain text', (key) => {
    const { f } = buildApp({ appSettings: { [key]: 'InstrumentationKey=00000000-0000-0000-0000-000000000000' } });
    expect(() => synth(f.stack)).not.toThrow();
  });
  test('a token value skips the check (it is resolved by Terraform)', () => {
    const stackless = buildApp();
    const v = new TerraformVariable(stackless.f.stack, 'token', { type: 'string', sensitive: true });
    expect(() => stackless.app.addAppSetting('GITHUB_TOKEN', v.stringValue)).not.toThrow();
  });
});

describe('no bare TypeError', () => {
  const odd: unknown[] = [null, undefined, 42, true, {}, [], ['x'], () => 1, Symbol('s'), new Date(0), Object.create(null)];
  test.each(odd.map((v) => [String(typeof v), v]))('addAppSetting with a %s name or value throws a named error', (_, v) => {
    const { app } = buildApp();
    for (const call of [() => app.addAppSetting(v as string, 'x'), () => app.addAppSetting('MY_SETTING_2', v as string)]) {
      try {
        call();
      } catch (e) {
        expect(e).not.toBeInstanceOf(TypeError);
        expect((e as Error).message).toMatch(/^ChatWebApp 'test\/Chat': 'addAppSetting\.(name|value)' /);
      }
    }
  });
  test.each(odd.map((v) => [String(typeof v), v]))('the front-end props with a %s throw a named error', (_, v) => {
    for (const prop of ['webSocketsEnabled', 'healthCheckPath', 'authExcludedPaths', 'healthCheckEvictionTimeInMin']) {
      try {
        buildApp(js({ [prop]: v }));
      } catch (e) {
        expect(e).not.toBeInstanceOf(TypeError);
        expect((e as Error).message).toMatch(new RegExp(`^ChatWebApp 'test/Chat': '${prop}(\\[\\d+\\])?' `));
      }
    }
  });
});
