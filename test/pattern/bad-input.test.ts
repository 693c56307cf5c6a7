// Bad input at PrivateChat's boundary: runtime types, names Azure reserves, regions, and the
// warnings for a chat deployment the app cannot use.
import { DeploymentSku } from '../../src/ai';
import { ChatFrontEnd, ContainerImage, SignIn } from '../../src/app';
import { Principal } from '../../src/core';
import { Warnings } from '../../src/core/warnings';
import { PrivateNetwork } from '../../src/network';
import { PrivateChat, PrivateChatProps } from '../../src/pattern';
import { newStack } from '../util';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const VNET = `${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke`;
/** Open models sold only as GlobalStandard need the opt-in to global processing (issue 22). */
const GLOBAL = { sku: DeploymentSku.GLOBAL_STANDARD, allowGlobalProcessing: true };
const ok = { modelName: 'Llama-4-Maverick-17B-128E-Instruct-FP8', modelVersion: '1', ...GLOBAL };

/** Untyped input, as JavaScript callers pass it. */
const chat = (p: object) => new PrivateChat(newStack(), 'chat', { location: 'swedencentral', ...(p as Partial<PrivateChatProps>) });
/**
 * A chat that assigns a sign-in group and names the database's Entra administrator, so that it
 * warns about nothing else: what remains comes from the props under test.
 */
const quietChat = (p: object) => {
  const stack = newStack();
  return new PrivateChat(stack, 'chat', {
    location: 'swedencentral',
    signInPrincipals: [Principal.fromGroupObjectId(stack, 'ChatUsers', '22222222-2222-2222-2222-222222222222')],
    history: { entraAdministrator: { objectId: '33333333-3333-3333-3333-333333333333', principalName: 'chat-dbas' } },
    ...(p as Partial<PrivateChatProps>),
  });
};
const fails = (p: object) => () => chat(p);
const warningIds = (c: PrivateChat) => Warnings.of(c).filter((w) => w.acknowledgedReason === undefined).map((w) => w.id);

describe('PrivateChat bad input', () => {
  test('fails when location is null (a named error, not a TypeError)', () => {
    expect(() => new PrivateChat(newStack(), 'chat', { location: null } as unknown as PrivateChatProps))
      .toThrow(/^PrivateChat 'test\/chat': 'location' must be a string, got null$/);
  });
  test('fails when props are missing', () => {
    expect(() => new PrivateChat(newStack(), 'chat', undefined as unknown as PrivateChatProps)).toThrow(/'location' is required/);
  });
  test('fails when natGateway is a string', () => {
    expect(fails({ natGateway: 'false' })).toThrow(/'natGateway' must be true or false .*got 'false'/);
  });
  test('fails when an element of allowedFqdns is undefined', () => {
    expect(fails({ allowedFqdns: ['example.com', undefined] })).toThrow(/'allowedFqdns\[1\]' must be a string, got undefined/);
  });
  test('fails when a names key is misspelled', () => {
    expect(fails({ names: { webapp: 'chat-prod' } })).toThrow(/'names.webapp' is not a known prop \(did you mean 'webApp'\? known: .*webApp.*\)/);
  });
  test('fails when signIn or image is a plain object', () => {
    expect(fails({ signIn: { clientId: 'x' } })).toThrow(/'signIn' must be a SignIn/);
    expect(fails({ image: { tag: '1.0' } })).toThrow(/'image' must be a ContainerImage/);
  });
  test.each(['azure', 'chat-windows', 'login-chat'])('fails when names.webApp %s is a word Azure reserves', (name) => {
    expect(fails({ names: { webApp: name } })).toThrow(/^PrivateChat 'test\/chat': 'names.webApp' must not use a word Azure reserves/);
  });
  test('fails when names.webApp has surrounding whitespace', () => {
    expect(fails({ names: { webApp: ' chat-prod' } })).toThrow(/'names.webApp' must/);
  });
  test('fails when the region differs from an existing network\'s', () => {
    const stack = newStack();
    const network = PrivateNetwork.fromAttributes(stack, 'Spoke', {
      virtualNetworkId: VNET, privateEndpointSubnetId: `${VNET}/subnets/pe`, appIntegrationSubnetId: `${VNET}/subnets/app`, location: 'westeurope',
    });
    expect(() => new PrivateChat(stack, 'chat', { location: 'swedencentral', network })).toThrow(/'location' must be the region of its network \('westeurope'\)/);
  });
  test('fails when a key-shaped app setting holds a plain value', () => {
    expect(fails({ appSettings: { OPENAI_API_KEY: 'sk-1' } })).toThrow(/^ChatWebApp 'test\/chat\/App': 'appSettings.OPENAI_API_KEY' must not hold a key or secret in plain text/);
  });
  test('fails when the image uses a moving tag', () => {
    expect(fails({ image: ContainerImage.fromRegistry('https://contoso.azurecr.io', 'chat', 'stable') })).toThrow(/'image.tag' must be a pinned tag, not 'stable'/);
  });
  test('fails when the sign-in secret id is a resource id', () => {
    const signIn = SignIn.withExistingRegistration({
      clientId: '11111111-2222-3333-4444-555555555555', clientSecretKeyVaultSecretId: `${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-x/secrets/s`,
    });
    expect(fails({ signIn })).toThrow(/'signIn.clientSecretKeyVaultSecretId' .*not its ARM resource id/);
  });

  describe('the chat deployment', () => {
    const sample = ChatFrontEnd.sampleChatApp();
    test('fails when the chat deployment is an embeddings model', () => {
      expect(() => chat({ models: [ok, { modelName: 'text-embedding-3-small', modelVersion: '1' }], chatDeploymentName: 'text-embedding-3-small' }))
        .toThrow(/^PrivateChat 'test\/chat': 'chatDeploymentName' must name a chat deployment Open WebUI can call, not an embeddings model \(text-embedding-3-small\): it answers no chat requests, got 'text-embedding-3-small'$/);
    });
    // gpt-5-mini has a Data Zone deployment in swedencentral; the others are deployed there only
    // globally (gpt-5.4-mini and grok-4-1-fast-reasoning have DataZoneStandard in the US zone only).
    test.each([
      ['gpt-5-mini', '2025-08-07', {}], ['gpt-5.4-mini', '2026-03-17', GLOBAL], ['gpt-oss-120b', '1', GLOBAL], ['DeepSeek-V3.2', '1', GLOBAL],
      ['grok-4-1-fast-reasoning', '1', GLOBAL],
    ])('fails when the sample app would call the reasoning model %s (known to the catalogue)', (modelName, modelVersion, sku) => {
      expect(() => chat({ models: [{ modelName, modelVersion, ...sku }], frontEnd: sample }))
        .toThrow(new RegExp(`'models' must include a chat deployment Microsoft's sample chat app can call \\('${modelName}' is a reasoning model`));
    });
    test.each(['o9-mini', 'gpt-5.9-mini', 'gpt-oss-300b'])('judges a reasoning model newer than the catalogue by its name: %s', (modelName) => {
      expect(() => chat({ models: [{ modelName, modelVersion: '2027-01-01', allowUnknownModel: true }], frontEnd: sample })).toThrow(/is a reasoning model/);
      expect(warningIds(quietChat({ models: [{ modelName, modelVersion: '2027-01-01', allowUnknownModel: true }] }))).toEqual([]);
    });
    test.each([['Llama-3.3-70B-Instruct', '1'], ['grok-4-1-fast-non-reasoning', '1']])('the sample app may call the non-reasoning chat model %s', (modelName, modelVersion) => {
      expect(chat({ models: [{ modelName, modelVersion, ...GLOBAL }], frontEnd: sample }).chatDeploymentName).toBe(modelName);
    });
    test('the sample app rebuilt with fromRegistry cannot call reasoning models either', () => {
      const image = ContainerImage.fromRegistry(ContainerImage.SAMPLE_CHAT_APP.registryUrl, ContainerImage.SAMPLE_CHAT_APP.imageName, '2025-03-01_1');
      expect(() => chat({ models: [{ modelName: 'gpt-5-mini', modelVersion: '2025-08-07' }], image })).toThrow(/Microsoft's sample chat app cannot call/);
    });
    test('another image is assumed to call reasoning models unless it says otherwise', () => {
      const image = ContainerImage.fromRegistry('https://contoso.azurecr.io', 'chat', '1.0');
      expect(chat({ models: [{ modelName: 'gpt-5-mini', modelVersion: '2025-08-07' }], image }).chatDeploymentName).toBe('gpt-5-mini');
      expect(() => chat({ models: [{ modelName: 'gpt-5-mini', modelVersion: '2025-08-07' }], frontEnd: ChatFrontEnd.fromImage(image, { callsReasoningModels: false }) }))
        .toThrow(/a reasoning model \(gpt-5-mini\), which a custom image cannot call/);
    });
    test('skips a deployment without chat completions for the default, and fails when none is left', () => {
      expect(chat({ models: [{ modelName: 'whisper', modelVersion: '001', allowUnknownModel: true }, ok] }).chatDeploymentName).toBe(ok.modelName);
      expect(() => chat({ models: [{ modelName: 'whisper', modelVersion: '001', allowUnknownModel: true }] }))
        .toThrow(/'models' must include a chat deployment Open WebUI can call \('whisper' is a model without chat completions \(whisper\)/);
    });
    test('fails when image and frontEnd are both given', () => {
      expect(() => chat({ image: ContainerImage.SAMPLE_CHAT_APP, frontEnd: sample })).toThrow(/^PrivateChat 'test\/chat': 'image' and 'frontEnd' are mutually exclusive/);
    });
  });
});
