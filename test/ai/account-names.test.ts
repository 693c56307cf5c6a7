// Names that say what things are (issue 24): the Foundry account is an "AI account", not an
// "OpenAI" one. The new names work; the old ones are deprecated aliases that still work, give
// the same objects and the same synthesized output, and may not be given together with the new.
import { TerraformStack, Testing } from 'cdktf';
import {
  AccountKind, AiAccount, AiAccountAttributes, AiAccountProps, ChatWebApp, IAiAccount, IOpenAiAccount, OpenAiAccount,
  OpenAiAccountAttributes, OpenAiAccountProps, PrivateChat, PrivateChatProps,
} from '../../src';
import * as aiAccountModule from '../../src/ai/ai-account';
import * as propsModule from '../../src/ai/ai-account-props';
import * as oldModule from '../../src/ai/openai-account';
import { baseProps, fixture } from '../app/fixtures';
import { newStack, onlyResource, synthJson, warningsOf } from '../util';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const ACCOUNT_ID = `${SUB}/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/ais-shared`;
const DEPRECATED = /'openAi' is deprecated: use 'aiAccount', which takes the same value; 'openAi' goes in 0\.2\.0 \[deprecated-openAi\]$/;

describe('IAiAccount and the deprecated IOpenAiAccount', () => {
  test('an account of either kind, created or imported, is both', () => {
    const stack = newStack();
    // Compile-time half of the test: each assignment type-checks only while the alias holds.
    const imported: IAiAccount = AiAccount.fromAttributes(stack, 'Shared', { accountId: ACCOUNT_ID });
    const old: IOpenAiAccount = imported;
    const openAiKind: IOpenAiAccount = OpenAiAccount.fromAttributes(stack, 'SharedOpenAi', { accountId: ACCOUNT_ID });
    const attrs: OpenAiAccountAttributes = { accountId: ACCOUNT_ID };
    const asNew: AiAccountAttributes = attrs;
    expect(old).toBe(imported);
    expect(openAiKind.endpoint).toBe('https://ais-shared.openai.azure.com/');
    expect(AiAccount.fromAttributes(stack, 'Again', asNew).accountName).toBe('ais-shared');
  });

  test('OpenAiAccountProps and AiAccountProps hold the same fields', () => {
    const f = fixture();
    const props: AiAccountProps = { resourceGroupName: 'rg-chat', location: 'swedencentral', network: f.network, dnsZones: f.dnsZones, monitoring: f.monitoring };
    const asOld: OpenAiAccountProps = props;
    const account = new OpenAiAccount(f.stack, 'Account', asOld);
    expect(account.customSubdomainName.startsWith('oai-')).toBe(true);
  });

  test('the old module path still exports what it did, as the same objects', () => {
    expect(oldModule.AiAccount).toBe(aiAccountModule.AiAccount);
    expect(oldModule.AccountKind).toBe(propsModule.AccountKind);
    expect(oldModule.OpenAiAccount).toBe(OpenAiAccount);
    expect(oldModule.AccountKind.OPENAI).toBe(AccountKind.OPENAI);
  });
});

describe('ChatWebApp: aiAccount, and its deprecated name openAi', () => {
  test('the old name gives the same app as the new one, with a deprecation warning', () => {
    const current = fixture();
    const app = new ChatWebApp(current.stack, 'Chat', baseProps(current));
    const old = fixture();
    const { aiAccount, ...rest } = baseProps(old);
    const oldApp = new ChatWebApp(old.stack, 'Chat', { ...rest, openAi: aiAccount });
    expect(Testing.synth(old.stack, true)).toEqual(Testing.synth(current.stack, true));
    expect(warningsOf(app).filter((w) => DEPRECATED.test(w))).toEqual([]);
    expect(warningsOf(oldApp).filter((w) => DEPRECATED.test(w))).toEqual([
      "ChatWebApp 'test/Chat': 'openAi' is deprecated: use 'aiAccount', which takes the same value; 'openAi' goes in 0.2.0 [deprecated-openAi]",
    ]);
  });

  test('fails when both names are given', () => {
    const f = fixture();
    expect(() => new ChatWebApp(f.stack, 'Chat', { ...baseProps(f), openAi: f.openAi }))
      .toThrow(/^ChatWebApp 'test\/Chat': 'openAi' and 'aiAccount' are mutually exclusive: 'openAi' is the deprecated name of 'aiAccount'; give one, got both$/);
  });

  test('fails when neither is given, naming the new one', () => {
    const f = fixture();
    expect(() => new ChatWebApp(f.stack, 'Chat', { ...baseProps(f), aiAccount: undefined }))
      .toThrow(/^ChatWebApp 'test\/Chat': 'aiAccount' is required \(an IAiAccount \(an AiAccount, an OpenAiAccount, or AiAccount\.fromAttributes\(\.\.\.\)\)\), got undefined$/);
  });
});

describe('PrivateChat: aiAccount, and its deprecated name openAi', () => {
  function onShared(account: (a: IAiAccount) => Partial<PrivateChatProps>) {
    const stack = newStack();
    const shared = AiAccount.fromAttributes(stack, 'SharedAi', { accountId: ACCOUNT_ID });
    const chat = new PrivateChat(stack, 'chat', { location: 'swedencentral', chatDeploymentName: 'gpt-5.4', ...account(shared) });
    return { stack, chat, shared };
  }

  test('an existing account under the new name: attribute aiAccount, and openAi returns the same object', () => {
    const { chat, shared } = onShared((a) => ({ aiAccount: a }));
    expect(chat.aiAccount).toBe(shared);
    expect(chat.openAi).toBe(chat.aiAccount);
    expect(chat.createdAiAccount).toBeUndefined();
    expect(chat.openAiEndpoint).toBe('https://ais-shared.openai.azure.com/');
    expect(warningsOf(chat).filter((w) => DEPRECATED.test(w))).toEqual([]);
  });

  test('the old name gives the same stack as the new one, with a deprecation warning', () => {
    const current = onShared((a) => ({ aiAccount: a }));
    const old = onShared((a) => ({ openAi: a }));
    expect(old.chat.aiAccount).toBe(old.shared);
    expect(Testing.synth(old.stack, true)).toEqual(Testing.synth(current.stack, true));
    expect(warningsOf(old.chat).filter((w) => DEPRECATED.test(w))).toEqual([
      "PrivateChat 'test/chat': 'openAi' is deprecated: use 'aiAccount', which takes the same value; 'openAi' goes in 0.2.0 [deprecated-openAi]",
    ]);
  });

  test('messages about the existing account name the prop the user wrote', () => {
    expect(() => onShared((a) => ({ openAi: a, chatDeploymentName: undefined })))
      .toThrow(/^PrivateChat 'test\/chat': 'chatDeploymentName' is required with an existing 'openAi' account: name the deployment the app chats with, got undefined$/);
    expect(() => onShared((a) => ({ aiAccount: a, chatDeploymentName: undefined })))
      .toThrow(/^PrivateChat 'test\/chat': 'chatDeploymentName' is required with an existing 'aiAccount' account: name the deployment the app chats with, got undefined$/);
  });

  test('fails when both names are given', () => {
    expect(() => onShared((a) => ({ aiAccount: a, openAi: a })))
      .toThrow(/^PrivateChat 'test\/chat': 'openAi' and 'aiAccount' are mutually exclusive: 'openAi' is the deprecated name of 'aiAccount'; give one, got both$/);
  });

  test('a created account: aiAccount is createdAiAccount (Foundry) or createdOpenAi (kind OpenAI), ids unchanged', () => {
    const subdomainIn = (chat: PrivateChat) => onlyResource(synthJson(TerraformStack.of(chat)), 'azurerm_cognitive_account').custom_subdomain_name;
    const foundry = new PrivateChat(newStack(), 'chat', { location: 'swedencentral' });
    expect(foundry.aiAccount).toBe(foundry.createdAiAccount);
    expect(foundry.openAi).toBe(foundry.createdAiAccount);
    expect(foundry.createdOpenAi).toBeUndefined();
    // The construct id stays `OpenAi`, so addresses and the hashed `oai-` names do not move.
    expect(foundry.createdAiAccount!.node.id).toBe('OpenAi');
    expect(subdomainIn(foundry)).toMatch(/^oai-\$\{/);

    const openAiKind = new PrivateChat(newStack(), 'chat', { location: 'swedencentral', accountKind: AccountKind.OPENAI });
    expect(openAiKind.aiAccount).toBe(openAiKind.createdOpenAi);
    expect(openAiKind.createdAiAccount).toBeUndefined();
    expect(openAiKind.createdOpenAi!.node.id).toBe('OpenAi');
    expect(subdomainIn(openAiKind)).toBe(subdomainIn(foundry));
  });
});
