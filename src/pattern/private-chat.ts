import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Aspects, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ContentFilterOptions } from '../ai/content-filter';
import { ModelDeployment, ModelDeploymentOptions } from '../ai/model-deployment';
import { OpenAiAccount } from '../ai/openai-account';
import { ChatWebApp, PRIVATE_APP_SERVICE_SKUS } from '../app/chat-web-app';
import { ContainerImage } from '../app/container-image';
import { IChatIdentity } from '../app/identity';
import { SignIn } from '../app/sign-in';
import { Compliance } from '../compliance/compliance';
import { AzureNameRule, Names } from '../core/names';
import { checkLocation } from '../core/private/regions';
import { checkNotBlank, isUnresolved, propError, ruleError } from '../core/private/validate';
import { TagResources } from '../core/tags';
import { IMonitoring, Monitoring } from '../monitoring/monitoring';
import { IPrivateDnsZones, PrivateDnsZones } from '../network/private-dns-zones';
import { IPrivateNetwork, PrivateNetwork } from '../network/private-network';
import { PrivateKeyVault } from '../secrets/key-vault';

/** Props of {@link PrivateChat}. Only `location` is required. */
export interface PrivateChatProps {
  /** Azure region of every resource, e.g. `swedencentral`. Pick one that offers your models. */
  readonly location: string;

  /**
   * Existing resource group to deploy into. When set, no resource group is created.
   *
   * @default - a new resource group `rg-<construct id>-<hash of the construct path>`
   */
  readonly resourceGroupName?: string;

  /**
   * An existing VNet and subnets (e.g. a spoke vended by the platform team). When set, no VNet,
   * subnet, NSG or NAT gateway is created; do not combine with the address props.
   *
   * @default - a new {@link PrivateNetwork}
   */
  readonly network?: IPrivateNetwork;
  /**
   * Address space of the new VNet.
   *
   * @default '10.0.0.0/16'
   */
  readonly addressSpace?: string;
  /**
   * Address prefix of the new `private-endpoints` subnet.
   *
   * @default '10.0.0.0/24'
   */
  readonly privateEndpointSubnetCidr?: string;
  /**
   * Address prefix of the new `app-integration` subnet.
   *
   * @default '10.0.1.0/24'
   */
  readonly appIntegrationSubnetCidr?: string;
  /**
   * Egress for the app subnet through a NAT gateway (see {@link PrivateNetworkProps.natGateway}).
   *
   * @default true
   */
  readonly natGateway?: boolean;

  /**
   * A hub's privatelink DNS zones (`PrivateDnsZones.fromHubZoneIds`). When set, no zone and no
   * VNet link is created.
   *
   * @default - the four zones are created and linked to the VNet
   */
  readonly dnsZones?: IPrivateDnsZones;

  /**
   * An existing Log Analytics workspace (`Monitoring.fromWorkspaceId`). When set, no workspace is created.
   *
   * @default - a new workspace with 90 days retention
   */
  readonly monitoring?: IMonitoring;

  /**
   * Model deployments of the Azure OpenAI account. The app chats with `chatDeploymentName`.
   *
   * @default - one small GlobalStandard deployment of a current chat model (see {@link OpenAiAccount})
   */
  readonly models?: ModelDeploymentOptions[];
  /**
   * Name of the deployment the chat app uses.
   *
   * @default - the first of `models`
   */
  readonly chatDeploymentName?: string;
  /**
   * Content filter attached to every deployment.
   *
   * @default - hate, sexual, violence and self-harm blocked at medium severity and above on prompts and completions; prompt shields on
   */
  readonly contentFilter?: ContentFilterOptions;
  /**
   * FQDNs the Azure OpenAI account may reach (outbound access is restricted to this list).
   *
   * @default - none
   */
  readonly allowedFqdns?: string[];

  /**
   * Container image of the chat app, with its port and settings.
   *
   * @default ContainerImage.SAMPLE_CHAT_APP
   */
  readonly image?: ContainerImage;
  /**
   * Extra app settings for the container.
   *
   * @default - none
   */
  readonly appSettings?: { [key: string]: string };
  /**
   * How users sign in with Entra ID.
   *
   * @default SignIn.createAppRegistration() - an app registration is created through the azuread provider
   */
  readonly signIn?: SignIn;
  /**
   * SKU of the App Service plan; it must support private endpoints and VNet integration.
   *
   * @default 'P0v3'
   */
  readonly appServicePlanSku?: string;
  /**
   * An existing identity for the app.
   *
   * @default - a new user-assigned managed identity
   */
  readonly identity?: IChatIdentity;

  /**
   * Protect the Azure OpenAI account and the Key Vault with `lifecycle.prevent_destroy`.
   *
   * Setting this to false WEAKENS PROTECTION: a later change that forces replacement would
   * destroy the account (its deployments and endpoint name) and the vault. Only for disposable
   * environments.
   *
   * @default true
   */
  readonly preventDestroy?: boolean;

  /**
   * Tags added to every taggable resource of this construct (by an Aspect; a resource's own tags win).
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * A network-isolated ChatGPT equivalent on Azure, in one construct.
 *
 * Wires a resource group, a {@link PrivateNetwork}, the {@link PrivateDnsZones}, a
 * {@link Monitoring} workspace, an {@link OpenAiAccount} with model deployments and a content
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
  /** The Azure OpenAI account, its deployments and content filter. */
  public readonly openAi: OpenAiAccount;
  /** The Key Vault holding the sign-in secret. */
  public readonly vault: PrivateKeyVault;
  /** The chat web app. */
  public readonly app: ChatWebApp;
  /** The deployment the app chats with. */
  public readonly chatDeployment: ModelDeployment;
  /** The app's managed identity. */
  public readonly identity: IChatIdentity;
  /** Endpoint of the Azure OpenAI account (`https://<subdomain>.openai.azure.com/`), private-only. */
  public readonly openAiEndpoint: string;
  /**
   * Host name users browse to (`<app>.azurewebsites.net`). It resolves to the app's private
   * endpoint for clients that use the `privatelink.azurewebsites.net` zone.
   */
  public readonly appHostname: string;

  constructor(scope: Construct, id: string, props: PrivateChatProps) {
    super(scope, id);
    this.validate(props);

    const location = props.location;
    if (props.resourceGroupName !== undefined) {
      this.resourceGroupName = props.resourceGroupName;
    } else {
      this.resourceGroup = new ResourceGroup(this, 'ResourceGroup', {
        name: Names.local(this, AzureNameRule.RESOURCE_GROUP, 'rg'),
        location,
      });
      this.resourceGroupName = this.resourceGroup.name;
    }
    const common = { resourceGroupName: this.resourceGroupName, location };

    this.network = props.network ?? new PrivateNetwork(this, 'Network', {
      ...common,
      addressSpace: props.addressSpace,
      privateEndpointSubnetCidr: props.privateEndpointSubnetCidr,
      appIntegrationSubnetCidr: props.appIntegrationSubnetCidr,
      natGateway: props.natGateway,
    });
    this.dnsZones = props.dnsZones ?? new PrivateDnsZones(this, 'DnsZones', {
      resourceGroupName: this.resourceGroupName,
      network: this.network,
    });
    this.monitoring = props.monitoring ?? new Monitoring(this, 'Monitoring', common);
    const isolation = { network: this.network, dnsZones: this.dnsZones, monitoring: this.monitoring };

    this.openAi = new OpenAiAccount(this, 'OpenAi', {
      ...common,
      ...isolation,
      models: props.models,
      contentFilter: props.contentFilter,
      allowedFqdns: props.allowedFqdns,
      preventDestroy: props.preventDestroy,
    });
    this.chatDeployment = this.findChatDeployment(props.chatDeploymentName);

    this.vault = new PrivateKeyVault(this, 'Vault', {
      ...common,
      ...isolation,
      preventDestroy: props.preventDestroy,
    });

    this.app = new ChatWebApp(this, 'App', {
      ...common,
      ...isolation,
      openAi: this.openAi,
      deploymentName: this.chatDeployment.deploymentName,
      vault: this.vault,
      identity: props.identity,
      signIn: props.signIn,
      image: props.image,
      appSettings: props.appSettings,
      skuName: props.appServicePlanSku,
    });
    if (props.preventDestroy === false) {
      // The opt-out is explicit in the props; record it as an acknowledged deviation so that the
      // compliance report shows who turned protection off, instead of failing the synth.
      const reason = `preventDestroy: false was set on PrivateChat '${this.node.path}' (disposable environment)`;
      Compliance.acknowledge(this.openAi, 'PCHAT-LIFE-001', reason);
      Compliance.acknowledge(this.vault, 'PCHAT-LIFE-001', reason);
    }
    this.identity = this.app.identity;
    this.openAiEndpoint = this.openAi.endpoint;
    this.appHostname = this.app.defaultHostname;

    if (props.tags && Object.keys(props.tags).length > 0) {
      Aspects.of(this).add(new TagResources(props.tags));
    }
    // The rule pack guards the whole stack, including resources the user adds next to this construct.
    Compliance.applyTo(TerraformStack.of(this));
  }

  private validate(props: PrivateChatProps): void {
    checkLocation(this, 'location', props.location);
    if (props.resourceGroupName !== undefined) {
      checkNotBlank(this, 'resourceGroupName', props.resourceGroupName);
      AzureNameRule.RESOURCE_GROUP.validate(this, 'resourceGroupName', props.resourceGroupName);
    }
    if (props.network) {
      for (const prop of ['addressSpace', 'privateEndpointSubnetCidr', 'appIntegrationSubnetCidr', 'natGateway'] as const) {
        if (props[prop] !== undefined) {
          throw ruleError(this, `'network' and '${prop}' are mutually exclusive: an existing network brings its own addresses and egress, got both (${prop} ${JSON.stringify(props[prop])})`);
        }
      }
    }
    if (props.chatDeploymentName !== undefined && !isUnresolved(props.chatDeploymentName) && props.models) {
      const names = props.models.map((m) => m.name ?? m.modelName);
      if (!names.includes(props.chatDeploymentName)) {
        throw propError(this, 'chatDeploymentName', `must name one of the deployments in 'models' (${names.map((n) => `'${n}'`).join(', ')})`, props.chatDeploymentName);
      }
    }
    const sku = props.appServicePlanSku;
    if (sku !== undefined && !isUnresolved(sku) && !PRIVATE_APP_SERVICE_SKUS.includes(sku)) {
      throw propError(this, 'appServicePlanSku', `must be a SKU that supports private endpoints and VNet integration: one of ${PRIVATE_APP_SERVICE_SKUS.join(', ')}`, sku);
    }
    if (props.models && props.models.length === 0) {
      throw propError(this, 'models', 'must list at least one deployment for the chat app', []);
    }
  }

  private findChatDeployment(name: string | undefined): ModelDeployment {
    const deployments = this.openAi.deployments;
    if (name === undefined) return deployments[0];
    const found = deployments.find((d) => d.deploymentName === name);
    if (!found) {
      throw propError(this, 'chatDeploymentName', `must name one of the account's deployments (${deployments.map((d) => `'${d.deploymentName}'`).join(', ')})`, name);
    }
    return found;
  }
}
