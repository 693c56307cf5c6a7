// PrivateChat's app row: the chat web app, wired to every piece made before it, reporting bad
// scale options in PrivateChat's words.
import { Construct } from 'constructs';
import { ChatIsolation, ChatPlacement } from './chat-foundation';
import { IAiAccount } from '../../ai/ai-account-props';
import { ChatWebApp } from '../../app/chat-web-app';
import { IImageMirror } from '../../app/container-image';
import { ChatFrontEnd, IChatEmbeddings, IChatFileStore, IChatHistoryStore, IChatSharedState } from '../../app/front-end';
import { IChatIdentity } from '../../core/identity';
import { inUsersWords } from '../../core/private/pass-through';
import { PrivateNetwork } from '../../network/private-network';
import { IPrivateKeyVault } from '../../secrets/key-vault';
import { PrivateChatNames } from '../chat-options';
import { PrivateChatProps } from '../private-chat-props';

/** What the app is wired to. */
export interface ChatAppWiring {
  readonly common: ChatPlacement;
  readonly isolation: ChatIsolation;
  readonly frontEnd: ChatFrontEnd;
  readonly aiAccount: IAiAccount;
  readonly chatDeploymentName: string;
  readonly chatDeploymentNames: string[];
  readonly vault: IPrivateKeyVault;
  readonly identity?: IChatIdentity;
  readonly gatewayEndpoint?: string;
  readonly imageMirror?: IImageMirror;
  readonly history?: IChatHistoryStore;
  readonly sharedState?: IChatSharedState;
  readonly fileStore?: IChatFileStore;
  readonly embeddings?: IChatEmbeddings;
}

/** The chat web app, its errors naming PrivateChat's props (`scale.instances`, not `workerCount`). */
export function createChatApp(owner: Construct, props: PrivateChatProps, names: PrivateChatNames, w: ChatAppWiring): ChatWebApp {
  const scale = props.scale ?? {};
  const appWords: { [inner: string]: string } = {
    workerCount: 'scale.instances',
    zoneBalancingEnabled: 'scale.zoneRedundant',
    autoscale: 'scale.autoscale',
    skuName: scale.skuName !== undefined ? 'scale.skuName' : 'appServicePlanSku',
  };
  return inUsersWords(owner, appWords, () => new ChatWebApp(owner, 'App', {
    ...w.common,
    ...w.isolation,
    name: names.webApp,
    servicePlanName: names.servicePlan,
    servicePlanId: props.servicePlanId,
    aiAccount: w.aiAccount,
    deploymentName: w.chatDeploymentName,
    vault: w.vault,
    identity: w.identity,
    gatewayEndpoint: w.gatewayEndpoint,
    signIn: props.signIn,
    signInPrincipals: props.signInPrincipals,
    adminGroups: props.adminGroups,
    frontEnd: w.frontEnd,
    imageMirror: w.imageMirror,
    // Egress is closed: without the mirror the public image is pulled over App Service's own
    // path, not through the VNet (whose NSG denies the Internet); with the mirror, or once the
    // Internet is opened, through the VNet. An existing network keeps the app's default.
    vnetImagePullEnabled: props.network ? undefined : props.imageMirror === true || (w.isolation.network as PrivateNetwork).egress.opensInternet,
    history: w.history,
    deploymentNames: w.frontEnd.offersSeveralModels ? w.chatDeploymentNames : undefined,
    appSettings: props.appSettings,
    skuName: scale.skuName ?? props.appServicePlanSku,
    workerCount: scale.instances,
    zoneBalancingEnabled: scale.zoneRedundant,
    autoscale: scale.autoscale,
    sharedState: w.sharedState,
    fileStore: w.fileStore,
    embeddings: w.embeddings,
    webSocketsEnabled: props.webSocketsEnabled,
    healthCheckPath: props.healthCheckPath,
    authExcludedPaths: props.authExcludedPaths,
  }));
}
