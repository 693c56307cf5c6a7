// PrivateChat with more of the platform's own pieces, explicit names and a naming convention.
import { CognitiveAccount } from '@cdktf/provider-azurerm/lib/cognitive-account';
import { CognitiveDeployment } from '@cdktf/provider-azurerm/lib/cognitive-deployment';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { LinuxWebApp } from '@cdktf/provider-azurerm/lib/linux-web-app';
import { ServicePlan } from '@cdktf/provider-azurerm/lib/service-plan';
import { Testing } from 'cdktf';
import {
  ChatFrontEnd, ContainerImage, DeploymentSku, NamingConvention, OpenAiAccount, Principal, PrivateChat, PrivateChatProps, PrivateKeyVault, Verify,
} from '../../src';
import { newStack, warningsOf } from '../util';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const ACCOUNT_ID = `${SUB}/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/ais-shared`;
const VAULT_ID = `${SUB}/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-shared`;
const PLAN_ID = `${SUB}/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/asp-shared`;

/** Models sold only globally (or wanted so) need the opt-in to global processing (issue 22). */
const GLOBAL = { sku: DeploymentSku.GLOBAL_STANDARD, allowGlobalProcessing: true };

function chat(props: Partial<PrivateChatProps> = {}) {
  const stack = newStack();
  const made = new PrivateChat(stack, 'chat', { location: 'swedencentral', ...props });
  return { stack, chat: made, out: () => Testing.synth(stack, true) };
}

describe('PrivateChat with an existing AI account, vault and plan', () => {
  test('creates none of them, and wires the app to them', () => {
    const stack = newStack();
    const openAi = OpenAiAccount.fromAttributes(stack, 'SharedAi', { accountId: ACCOUNT_ID, endpoint: 'https://ais-shared.openai.azure.com/' });
    const vault = PrivateKeyVault.fromAttributes(stack, 'SharedVault', { vaultId: VAULT_ID, vaultUri: 'https://kv-shared.vault.azure.net/' });
    const made = new PrivateChat(stack, 'chat', { location: 'swedencentral', aiAccount: openAi, vault, servicePlanId: PLAN_ID, chatDeploymentName: 'gpt-4.1-mini' });
    const out = Testing.synth(stack, true);
    expect(out).not.toHaveResource(CognitiveAccount);
    expect(out).not.toHaveResource(CognitiveDeployment);
    expect(out).not.toHaveResource(KeyVault);
    expect(out).not.toHaveResource(ServicePlan);
    expect(out).toHaveResourceWithProperties(LinuxWebApp, {
      service_plan_id: PLAN_ID,
      app_settings: expect.objectContaining({ OPENAI_API_BASE_URLS: 'https://ais-shared.openai.azure.com/openai/v1', DEFAULT_MODELS: 'gpt-4.1-mini' }),
    });
    expect(made.chatDeploymentNames).toEqual(['gpt-4.1-mini']);
    expect(made.createdOpenAi).toBeUndefined();
    expect(made.createdVault).toBeUndefined();
    expect(made.chatDeploymentName).toBe('gpt-4.1-mini');
    const scopes = Object.values(JSON.parse(out).resource.azurerm_role_assignment as Record<string, any>).map((r) => r.scope);
    expect(scopes).toEqual(expect.arrayContaining([ACCOUNT_ID, VAULT_ID]));
    expect(() => Verify.stack(stack)).not.toThrow();
  });

  test.each([
    [{ models: [{ modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14' }] }, /'aiAccount' and 'models' are mutually exclusive/],
    [{ chatDeploymentName: undefined }, /'chatDeploymentName' is required with an existing 'aiAccount' account/],
    [{ names: { aiSubdomain: 'ais-mine' } }, /'aiAccount' and 'names.aiAccount'\/'names.aiSubdomain' are mutually exclusive/],
  ])('fails with an existing account when %j', (extra, expected) => {
    const stack = newStack();
    const openAi = OpenAiAccount.fromAttributes(stack, 'SharedAi', { accountId: ACCOUNT_ID });
    expect(() => new PrivateChat(stack, 'chat', { location: 'swedencentral', aiAccount: openAi, chatDeploymentName: 'gpt-4.1-mini', ...extra } as PrivateChatProps)).toThrow(expected);
  });

  test.each([
    [{ servicePlanId: PLAN_ID, appServicePlanSku: 'P1v3' }, /'servicePlanId' and 'appServicePlanSku' are mutually exclusive/],
    [{ servicePlanId: `${SUB}/resourceGroups/rg-web/providers/Microsoft.Web/sites/app-x` }, /'servicePlanId' must be the id of a Microsoft.Web\/serverFarms resource \(found Microsoft.Web\/sites\)/],
    [{ vault: { vaultId: VAULT_ID } }, /'vault' must be an IPrivateKeyVault/],
    [{ aiAccount: 'ais-shared', chatDeploymentName: 'x' }, /'aiAccount' must be an IAiAccount/],
  ])('fails on bad bring-your-own input %#', (props, expected) => {
    expect(() => chat(props as Partial<PrivateChatProps>)).toThrow(expected);
  });
});

describe('PrivateChat names', () => {
  test('takes explicit names, and the redirect URI follows the web app name', () => {
    const { out } = chat({ names: { webApp: 'app-chat-prod-weu-001', keyVault: 'kv-chat-prod-weu-001', aiSubdomain: 'oai-chat-prod-weu-001', servicePlan: 'asp-chat-prod-weu-001' } });
    const text = out();
    expect(text).toHaveResourceWithProperties(LinuxWebApp, { name: 'app-chat-prod-weu-001' });
    expect(text).toHaveResourceWithProperties(KeyVault, { name: 'kv-chat-prod-weu-001' });
    expect(text).toHaveResourceWithProperties(CognitiveAccount, { custom_subdomain_name: 'oai-chat-prod-weu-001', name: 'oai-chat-prod-weu-001' });
    expect(text).toMatch(/"https:\/\/app-chat-prod-weu-001\.azurewebsites\.net\/\.auth\/login\/aad\/callback"/);
  });

  test('takes a naming convention for everything it names', () => {
    const { out } = chat({ naming: NamingConvention.fromPattern('{abbr}-chat-prod-weu-{role}-001', { patternsByAbbreviation: { kv: 'kv-chatprodweu001' } }) });
    expect(out()).toHaveResourceWithProperties(KeyVault, { name: 'kv-chatprodweu001' });
  });

  test.each([
    [{ names: { keyVault: 'kv_bad' } }, /PrivateChat 'test\/chat': 'names.keyVault' must contain only .*, got 'kv_bad'/],
    [{ names: { webApp: '-app' } }, /'names.webApp' must contain only .*, got '-app'/],
    [{ names: { resourceGroup: 'rg-x' }, resourceGroupName: 'rg-y' }, /'names.resourceGroup' names a resource group to create and 'resourceGroupName' an existing one/],
    [{ names: { colour: 'x' } }, /'names.colour' is not a known prop/],
  ])('fails on bad names %#', (props, expected) => {
    expect(() => chat(props as Partial<PrivateChatProps>)).toThrow(expected);
  });
});

describe('PrivateChat chat deployments the front end cannot call', () => {
  test.each([
    ['an embeddings model', { models: [{ modelName: 'text-embedding-3-small', modelVersion: '1' }, { modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14' }], chatDeploymentName: 'text-embedding-3-small' },
      /'chatDeploymentName' must name a chat deployment Open WebUI can call, not an embeddings model \(text-embedding-3-small\)/],
    ['a batch SKU', { models: [{ modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14', sku: DeploymentSku.DATA_ZONE_BATCH }] },
      /'models' must include a chat deployment Open WebUI can call \('gpt-4.1-mini' is a DataZoneBatch deployment: batch deployments answer files hours later/],
    ['a global batch SKU (opted in to global processing)', { models: [{ modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14', sku: DeploymentSku.GLOBAL_BATCH, allowGlobalProcessing: true }] },
      /'models' must include a chat deployment Open WebUI can call \('gpt-4.1-mini' is a GlobalBatch deployment: batch deployments answer files hours later/],
    ['a reasoning model with the sample app', { models: [{ modelName: 'gpt-5-mini', modelVersion: '2025-08-07' }], frontEnd: ChatFrontEnd.sampleChatApp() },
      /'models' must include a chat deployment Microsoft's sample chat app can call \('gpt-5-mini' is a reasoning model \(gpt-5-mini\), which Microsoft's sample chat app cannot call/],
  ])('fails when the chat deployment is %s', (_, props, expected) => {
    expect(() => chat(props as Partial<PrivateChatProps>)).toThrow(expected);
  });

  test('the default chat deployment is the first one the front end can call; every callable one is offered', () => {
    const { chat: made, stack } = chat({
      models: [
        { modelName: 'text-embedding-3-small', modelVersion: '1' },
        // Both are deployed in swedencentral only globally (gpt-5.4-mini has DataZoneStandard in the US zone only).
        { modelName: 'gpt-5.4-mini', modelVersion: '2026-03-17', ...GLOBAL },
        { modelName: 'Llama-4-Maverick-17B-128E-Instruct-FP8', modelVersion: '1', modelFormat: 'Meta', ...GLOBAL },
      ],
    });
    expect(made.chatDeploymentName).toBe('gpt-5.4-mini');
    expect(made.chatDeploymentNames).toEqual(['gpt-5.4-mini', 'Llama-4-Maverick-17B-128E-Instruct-FP8']);
    const settings = JSON.parse(Testing.synth(stack, true)).resource.azurerm_linux_web_app;
    const app = Object.values(settings)[0] as any;
    expect(JSON.parse(app.app_settings.OPENAI_API_CONFIGS)['0'].model_ids).toEqual(['gpt-5.4-mini', 'Llama-4-Maverick-17B-128E-Instruct-FP8']);
  });

  test('Open WebUI calls reasoning models; the sample app gets a non-reasoning one', () => {
    expect(chat({ models: [{ modelName: 'gpt-5-mini', modelVersion: '2025-08-07' }] }).chat.chatDeploymentName).toBe('gpt-5-mini');
    const image = ContainerImage.fromRegistry('https://myregistry.azurecr.io', 'team/chat', '1.4.2');
    expect(chat({ image, models: [{ modelName: 'gpt-5-mini', modelVersion: '2025-08-07' }] }).chat.chatDeploymentName).toBe('gpt-5-mini');
  });

  test('fails when an offered deployment is unknown or cannot be called, or the front end offers one model', () => {
    const models = [{ modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14' }, { modelName: 'text-embedding-3-small', modelVersion: '1' }];
    expect(() => chat({ models, chatDeploymentNames: ['gpt-4.1'] })).toThrow(/'chatDeploymentNames\[0\]' must name one of the account's deployments \('gpt-4.1-mini', 'text-embedding-3-small'\), got 'gpt-4.1'/);
    expect(() => chat({ models, chatDeploymentNames: ['text-embedding-3-small'] }))
      .toThrow(/'chatDeploymentNames\[0\]' must name a chat deployment Open WebUI can call, not an embeddings model/);
    const two = [{ modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14' }, { modelName: 'gpt-4.1', modelVersion: '2025-04-14' }];
    expect(() => chat({ models: two, chatDeploymentNames: ['gpt-4.1'], frontEnd: ChatFrontEnd.sampleChatApp() }))
      .toThrow(/'chatDeploymentNames' must be left out for Microsoft's sample chat app, which calls one deployment/);
  });

  test('does not warn for the default model', () => {
    // A sign-in group and the database's Entra administrator silence the warnings that are not
    // about the model (no-sign-in-assignments, history-no-entra-administrator).
    const stack = newStack();
    const made = new PrivateChat(stack, 'chat', {
      location: 'swedencentral',
      signInPrincipals: [Principal.fromGroupObjectId(stack, 'ChatUsers', '22222222-2222-2222-2222-222222222222')],
      history: { entraAdministrator: { objectId: '33333333-3333-3333-3333-333333333333', principalName: 'chat-dbas' } },
    });
    expect(made.chatDeploymentName).toBe('gpt-5.4');
    expect(warningsOf(made)).toEqual([]);
  });
});

describe('PrivateChat front-end settings', () => {
  test('passes WebSockets, the health check path and auth-excluded paths to the app, and takes settings added later', () => {
    const { chat: made, stack } = chat({ webSocketsEnabled: true, healthCheckPath: '/health', authExcludedPaths: ['/static/*'] });
    made.app.addAppSetting('MY_MODEL_ENDPOINT', made.openAiEndpoint);
    expect(Testing.synth(stack, true)).toHaveResourceWithProperties(LinuxWebApp, {
      site_config: expect.objectContaining({ websockets_enabled: true, health_check_path: '/health' }),
      auth_settings_v2: expect.objectContaining({ excluded_paths: ['/static/*'] }),
      app_settings: expect.objectContaining({ MY_MODEL_ENDPOINT: expect.stringMatching(/^https:\/\/oai-\$\{substr\(sha256\(.*\/test\/chat\/OpenAi.*\)\}\.openai\.azure\.com\/$/) }),
    });
  });

  test.each([
    [{ webSocketsEnabled: 'true' }, /'webSocketsEnabled' must be true or false/],
    [{ healthCheckPath: 'health' }, /'healthCheckPath' must be a path starting with '\/'/],
    [{ authExcludedPaths: ['/*'] }, /'authExcludedPaths\[0\]'/],
  ])('fails on bad front-end settings %#', (props, expected) => {
    expect(() => chat(props as Partial<PrivateChatProps>)).toThrow(expected);
  });
});
