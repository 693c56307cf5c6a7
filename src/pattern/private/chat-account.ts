// PrivateChat's AI rows: the Foundry (or OpenAI-kind) account with its model deployments and
// content filter, or an existing account; and which deployments the front end chats with.
import { Construct } from 'constructs';
import { ChatIsolation, ChatPlacement } from './chat-foundation';
import { defaultModelsFor, whyFrontEndCannotCall } from './chat-models';
import { embeddingsDeploymentFor } from './scale-out';
import { AiAccount } from '../../ai/ai-account';
import { AccountKind, IAiAccount } from '../../ai/ai-account-props';
import { ModelDeployment, ModelDeploymentOptions } from '../../ai/model-deployment';
import { OpenAiAccount } from '../../ai/openai-account';
import { ChatFrontEnd } from '../../app/front-end';
import { isUnresolved, propError, warn } from '../../core/private/validate';
import { ICustomerManagedKey } from '../../secrets/customer-managed-key';
import { PrivateChatNames } from '../chat-options';
import { PrivateChatProps } from '../private-chat-props';

/** The account the app calls and the deployments it chats with. */
export interface ChatAccount {
  readonly aiAccount: IAiAccount;
  readonly createdAiAccount?: AiAccount;
  readonly createdOpenAi?: OpenAiAccount;
  readonly chatDeployment?: ModelDeployment;
  readonly chatDeploymentName: string;
  readonly chatDeploymentNames: string[];
}

/**
 * Takes the existing account (`aiAccount`, or its deprecated name `openAi`) or creates one with
 * the models, and picks the chat deployments.
 */
export function createChatAccount(owner: Construct, props: PrivateChatProps, names: PrivateChatNames, frontEnd: ChatFrontEnd,
  common: ChatPlacement, isolation: ChatIsolation, encryptionKey: ICustomerManagedKey | undefined): ChatAccount {
  // validatePrivateChat has refused both names at once.
  const existing = props.aiAccount ?? props.openAi;
  const accountProp = props.openAi !== undefined ? 'openAi' : 'aiAccount';
  if (existing && encryptionKey) {
    warn(owner, 'encryption-existing-account', `'encryption' is customer-managed, but '${accountProp}' is an existing account: its encryption is managed where it was created, and this stack's key does not reach it. Set its customer-managed key there (AiAccountProps.customerManagedKey)`);
  }
  if (existing) {
    const chatDeploymentName = props.chatDeploymentName!;
    const others = (props.chatDeploymentNames ?? []).filter((n) => n !== chatDeploymentName);
    return {
      aiAccount: existing,
      chatDeploymentName,
      chatDeploymentNames: oneOrSeveral(owner, frontEnd, [chatDeploymentName, ...others]),
    };
  }
  const accountProps = {
    ...common,
    ...isolation,
    name: names.aiAccount,
    customSubdomainName: names.aiSubdomain,
    models: modelsWithEmbeddings(owner, props, frontEnd),
    contentFilter: props.contentFilter,
    allowedFqdns: props.allowedFqdns,
    preventDestroy: props.preventDestroy,
    customerManagedKey: encryptionKey,
  };
  // One construct id for both kinds: the names hashed from the path stay the same, so that
  // azurerm >= 4.56 can change the kind in place (see docs/address-stability.md).
  let account: AiAccount | OpenAiAccount;
  let createdAiAccount: AiAccount | undefined;
  let createdOpenAi: OpenAiAccount | undefined;
  if (props.accountKind === AccountKind.OPENAI) {
    account = createdOpenAi = new OpenAiAccount(owner, 'OpenAi', accountProps);
  } else {
    account = createdAiAccount = new AiAccount(owner, 'OpenAi', accountProps);
  }
  const chatDeployment = findChatDeployment(owner, frontEnd, account, props.chatDeploymentName);
  const chatDeploymentName = chatDeployment.deploymentName;
  return {
    aiAccount: account,
    createdAiAccount,
    createdOpenAi,
    chatDeployment,
    chatDeploymentName,
    chatDeploymentNames: offeredDeployments(owner, frontEnd, account, chatDeploymentName, props.chatDeploymentNames),
  };
}

/** The account's models: the user's (or the front end's default), plus document chat's embeddings deployment. */
function modelsWithEmbeddings(owner: Construct, props: PrivateChatProps, frontEnd: ChatFrontEnd): ModelDeploymentOptions[] | undefined {
  const models = props.models ?? defaultModelsFor(frontEnd);
  // Without `models` the account deploys its own defaults: the embeddings deployment comes after them.
  const all = models ?? AiAccount.defaultModels();
  const embeddings = embeddingsDeploymentFor(owner, props.documentChat, all, (props.aiAccount ?? props.openAi) !== undefined);
  return embeddings ? [...all, embeddings] : models;
}

/** The default chat deployment: the one named, which must be callable, else the first callable one. */
function findChatDeployment(owner: Construct, frontEnd: ChatFrontEnd, account: AiAccount | OpenAiAccount, name: string | undefined): ModelDeployment {
  const deployments = account.deployments;
  if (name !== undefined) {
    const found = deployments.find((d) => d.deploymentName === name);
    if (!found) {
      throw propError(owner, 'chatDeploymentName', `must name one of the account's deployments (${deployments.map((d) => `'${d.deploymentName}'`).join(', ')})`, name);
    }
    const why = whyFrontEndCannotCall(frontEnd, found);
    if (why !== undefined) throw propError(owner, 'chatDeploymentName', `must name a chat deployment ${frontEnd.name} can call, not ${why}`, name);
    return found;
  }
  const callable = deployments.find((d) => whyFrontEndCannotCall(frontEnd, d) === undefined);
  if (!callable) {
    const reasons = deployments.map((d) => `'${d.deploymentName}' is ${whyFrontEndCannotCall(frontEnd, d)}`).join('; ');
    throw propError(owner, 'models', `must include a chat deployment ${frontEnd.name} can call (${reasons})`, deployments.map((d) => d.modelName));
  }
  return callable;
}

/** The deployments the front end offers: the ones named (each callable), else every callable one; the default first. */
function offeredDeployments(owner: Construct, frontEnd: ChatFrontEnd, account: AiAccount | OpenAiAccount, first: string,
  names: string[] | undefined): string[] {
  if (names === undefined) {
    if (!frontEnd.offersSeveralModels) return [first];
    const callable = account.deployments.filter((d) => whyFrontEndCannotCall(frontEnd, d) === undefined).map((d) => d.deploymentName);
    return [first, ...callable.filter((n) => n !== first)];
  }
  for (const [i, name] of names.entries()) {
    if (isUnresolved(name)) continue;
    const found = account.deployments.find((d) => d.deploymentName === name);
    if (!found) {
      throw propError(owner, `chatDeploymentNames[${i}]`, `must name one of the account's deployments (${account.deployments.map((d) => `'${d.deploymentName}'`).join(', ')})`, name);
    }
    const why = whyFrontEndCannotCall(frontEnd, found);
    if (why !== undefined) throw propError(owner, `chatDeploymentNames[${i}]`, `must name a chat deployment ${frontEnd.name} can call, not ${why}`, name);
  }
  return oneOrSeveral(owner, frontEnd, [first, ...names.filter((n) => n !== first)]);
}

function oneOrSeveral(owner: Construct, frontEnd: ChatFrontEnd, names: string[]): string[] {
  if (names.length > 1 && !frontEnd.offersSeveralModels) {
    throw propError(owner, 'chatDeploymentNames', `must be left out for ${frontEnd.name}, which calls one deployment ('chatDeploymentName'); use ChatFrontEnd.openWebUi() to offer several models`, names.slice(1));
  }
  return names;
}
