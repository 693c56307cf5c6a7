import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Aspects, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { createChatAccount } from './private/chat-account';
import { createChatApp } from './private/chat-app';
import { acknowledgeNoDestroyProtection, wireFlows } from './private/chat-flows';
import { createFoundation } from './private/chat-foundation';
import { createChatGateway, tokenMetricsOf } from './private/chat-gateway';
import { createHistory, createRegistryMirror, createScaleOutPieces } from './private/chat-pieces';
import { createSecrets } from './private/chat-secrets';
import { validatePrivateChat } from './private/chat-validation';
import { checkHubZonesFor } from './private/scale-out';
import { PrivateChatProps } from './private-chat-props';
import { AiAccount } from '../ai/ai-account';
import { IAiAccount } from '../ai/ai-account-props';
import { ModelDeployment } from '../ai/model-deployment';
import { OpenAiAccount } from '../ai/openai-account';
import { ChatWebApp } from '../app/chat-web-app';
import { ChatFrontEnd, HistoryStoreKind } from '../app/front-end';
import { PrivateRedisCache } from '../cache/private-redis-cache';
import { Compliance } from '../compliance/compliance';
import { IChatIdentity } from '../core/identity';
import { NamingConvention } from '../core/naming';
import { TagResources } from '../core/tags';
import { AiGateway } from '../gateway/ai-gateway';
import { FrontEndEmbeddings } from '../gateway/front-end-embeddings';
import { UsageWorkbook } from '../gateway/usage-workbook';
import { PostgresHistoryStore } from '../history/postgres-history-store';
import { IMonitoring } from '../monitoring/monitoring';
import { IPrivateDnsZones } from '../network/private-dns-zones';
import { IPrivateNetwork } from '../network/private-network';
import { RegistryMirror } from '../registry/registry-mirror';
import { ICustomerManagedKey } from '../secrets/customer-managed-key';
import { IPrivateKeyVault, PrivateKeyVault } from '../secrets/key-vault';
import { PrivateFileStore } from '../storage/private-file-store';

export * from './private-chat-props';
export * from './chat-options';

/**
 * A network-isolated ChatGPT equivalent on Azure, in one construct.
 *
 * Wires a resource group, a {@link PrivateNetwork}, the {@link PrivateDnsZones}, a
 * {@link Monitoring} workspace, a Foundry {@link AiAccount} with model deployments and a content
 * filter, a {@link PrivateKeyVault} and a {@link ChatWebApp} signed in with Entra ID. Nothing has
 * a public data-plane endpoint; the app reaches the model with its managed identity, never with
 * a key. The compliance rule pack is applied to the whole stack.
 *
 * Every piece can be replaced by an existing one: resource group, network, DNS zones, workspace, identity.
 *
 * @example
 * new PrivateChat(stack, 'chat', { location: 'swedencentral' });
 */
export class PrivateChat extends Construct {
  /** Name of the resource group everything is deployed to. */
  public readonly resourceGroupName: string;
  /** The resource group, when this construct created it. */
  public readonly resourceGroup?: ResourceGroup;
  /** The network (created or existing). */
  public readonly network: IPrivateNetwork;
  /** The privatelink DNS zones (created or the hub's). */
  public readonly dnsZones: IPrivateDnsZones;
  /** The Log Analytics workspace (created or existing). */
  public readonly monitoring: IMonitoring;
  /** The AI account the app calls (created, or the one passed in `aiAccount`). */
  public readonly aiAccount: IAiAccount;
  /** The Foundry account this construct created, with its deployments and content filter (with the default `accountKind`). */
  public readonly createdAiAccount?: AiAccount;
  /** The OpenAI-kind account this construct created (only with `accountKind: AccountKind.OPENAI`). */
  public readonly createdOpenAi?: OpenAiAccount;
  /** The Key Vault holding the sign-in secret (created, or the one passed in `vault`). */
  public readonly vault: IPrivateKeyVault;
  /** The vault this construct created (none with an existing vault). */
  public readonly createdVault?: PrivateKeyVault;
  /** The chat web app. */
  public readonly app: ChatWebApp;
  /** The deployment the app chats with, when this construct created it. */
  public readonly chatDeployment?: ModelDeployment;
  /** Name of the deployment the app chats with by default. */
  public readonly chatDeploymentName: string;
  /** Names of the deployments the front end offers, the default first. */
  public readonly chatDeploymentNames: string[];
  /** The chat front end the app runs. */
  public readonly frontEnd: ChatFrontEnd;
  /** The AI gateway, with `gateway`. */
  public readonly gateway?: AiGateway;
  /** The usage workbook of the gateway, with `gateway`. */
  public readonly usageWorkbook?: UsageWorkbook;
  /** The conversation-history store, when the front end keeps history in one. */
  public readonly history?: PostgresHistoryStore;
  /** The registry mirror, with `imageMirror`. */
  public readonly registryMirror?: RegistryMirror;
  /** The Redis the app's instances share, when the app may run more than one (or `sharedState` asks for it). */
  public readonly sharedState?: PrivateRedisCache;
  /** The private file store for uploads, when on. */
  public readonly fileStore?: PrivateFileStore;
  /** The gateway's embeddings operation for document chat, when on. */
  public readonly embeddings?: FrontEndEmbeddings;
  /** The customer-managed key, with `Encryption.customerManagedKey()`. */
  public readonly encryptionKey?: ICustomerManagedKey;
  /** The app's managed identity. */
  public readonly identity: IChatIdentity;
  /**
   * The AI account's OpenAI endpoint (`https://<subdomain>.openai.azure.com/`), private-only: the
   * OpenAI-compatible one of the account's endpoints (a Foundry account also answers on
   * `<subdomain>.services.ai.azure.com` and `<subdomain>.cognitiveservices.azure.com`).
   *
   * @see https://learn.microsoft.com/azure/foundry/how-to/develop/sdk-overview
   */
  public readonly openAiEndpoint: string;
  /**
   * Host name users browse to (`<app>.azurewebsites.net`). It resolves to the app's private
   * endpoint for clients that use the `privatelink.azurewebsites.net` zone.
   */
  public readonly appHostname: string;

  constructor(scope: Construct, id: string, props: PrivateChatProps) {
    super(scope, id);
    this.frontEnd = validatePrivateChat(this, props);
    if (props.naming) NamingConvention.applyTo(this, props.naming);
    const names = props.names ?? {};
    const keepsHistory = this.frontEnd.historyStore === HistoryStoreKind.POSTGRESQL && props.history?.enabled !== false;

    // Resource group, VNet and subnets, private DNS zones, Log Analytics workspace.
    const base = createFoundation(this, props, names, this.frontEnd, keepsHistory, tokenMetricsOf(props.gateway));
    this.resourceGroup = base.resourceGroup;
    this.resourceGroupName = base.resourceGroupName;
    this.network = base.network;
    this.dnsZones = base.dnsZones;
    this.monitoring = base.monitoring;
    const common = { resourceGroupName: this.resourceGroupName, location: props.location };
    const isolation = { network: this.network, dnsZones: this.dnsZones, monitoring: this.monitoring };

    // Key Vault, and the customer-managed key with `encryption`.
    const secrets = createSecrets(this, props, names, common, isolation);
    this.vault = secrets.vault;
    this.createdVault = secrets.createdVault;
    this.encryptionKey = secrets.encryptionKey;

    // AI account, model deployments, content filter.
    const ai = createChatAccount(this, props, names, this.frontEnd, common, isolation, this.encryptionKey);
    this.aiAccount = ai.aiAccount;
    this.createdAiAccount = ai.createdAiAccount;
    this.createdOpenAi = ai.createdOpenAi;
    this.chatDeployment = ai.chatDeployment;
    this.chatDeploymentName = ai.chatDeploymentName;
    this.chatDeploymentNames = ai.chatDeploymentNames;

    // Conversation history, registry mirror, and the pieces several instances share.
    const at = { common, isolation, vault: this.vault, encryptionKey: this.encryptionKey };
    if (keepsHistory) this.history = createHistory(this, props, names, at);
    if (props.imageMirror) this.registryMirror = createRegistryMirror(this, names, at);
    checkHubZonesFor(this, props.dnsZones, base.plan);
    const pieces = createScaleOutPieces(this, props, names, base.plan, at);
    this.sharedState = pieces.sharedState;
    this.fileStore = pieces.fileStore;

    // AI gateway, its workbook and document chat's embeddings, with `gateway`.
    const gateway = createChatGateway(this, props, this.frontEnd, base.plan, common, isolation, this.aiAccount, this.vault);
    this.gateway = gateway.gateway;
    this.usageWorkbook = gateway.usageWorkbook;
    this.embeddings = gateway.embeddings;

    // Chat web app, with its identity and sign-in.
    this.app = createChatApp(this, props, names, {
      common,
      isolation,
      frontEnd: this.frontEnd,
      aiAccount: this.aiAccount,
      chatDeploymentName: this.chatDeploymentName,
      // The gateway's Databricks models are offered beside the deployments.
      chatDeploymentNames: [...this.chatDeploymentNames, ...gateway.databricksModelNames],
      vault: this.vault,
      identity: gateway.appIdentity,
      gatewayEndpoint: this.gateway?.endpoint,
      imageMirror: this.registryMirror,
      history: this.history,
      sharedState: this.sharedState,
      fileStore: this.fileStore,
      embeddings: this.embeddings,
    });
    if (props.preventDestroy === false) {
      acknowledgeNoDestroyProtection(this, [this.createdAiAccount ?? this.createdOpenAi, this.createdVault, this.history, this.fileStore]);
    }

    // Flows, and nothing else.
    wireFlows({
      network: this.network,
      app: this.app,
      aiAccount: this.aiAccount,
      vault: this.vault,
      gatewayEndpoint: this.gateway?.privateEndpoint,
      historyEndpoint: this.history?.privateEndpoint,
      registryEndpoint: this.registryMirror?.privateEndpoint,
      sharedStateEndpoint: this.sharedState?.privateEndpoint,
      fileStoreEndpoint: this.fileStore?.privateEndpoint,
    });
    this.identity = this.app.identity;
    this.openAiEndpoint = this.aiAccount.endpoint;
    this.appHostname = this.app.defaultHostname;

    if (props.tags && Object.keys(props.tags).length > 0) {
      Aspects.of(this).add(new TagResources(props.tags));
    }
    // The rule pack guards the whole stack, including resources the user adds next to this construct.
    Compliance.applyTo(TerraformStack.of(this));
  }

  /**
   * The former name of {@link aiAccount}: the same object.
   *
   * @deprecated use `aiAccount`; this name goes in the next breaking release (0.2.0).
   */
  public get openAi(): IAiAccount {
    return this.aiAccount;
  }
}
