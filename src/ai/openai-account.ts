import { CognitiveAccount } from '@cdktf/provider-azurerm/lib/cognitive-account';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Sleep } from '@cdktf/provider-time/lib/sleep';
import { Fn, ITerraformDependable } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ContentFilter, ContentFilterOptions } from './content-filter';
import { DeploymentSku, ModelDeployment, ModelDeploymentOptions } from './model-deployment';
import { AzureNameRule, Names } from '../core/names';
import { grantRole, IPrincipal } from '../core/principal';
import { checkPlacement } from '../core/private/placement';
import { waitAfter } from '../core/private/providers';
import { dataZoneOf, hasAzureOpenAi, checkSameRegionAsNetwork, AZURE_OPENAI_REGIONS } from '../core/private/regions';
import {
  checkField, checkNotBlank, checkResourceId, checkShape, checkTags, checkTrimmed, is, isUnresolved, propError, ruleError, warn,
} from '../core/private/validate';
import { IMonitoring } from '../monitoring/monitoring';
import { IPrivateDnsZones, PrivateLinkZone } from '../network/private-dns-zones';
import { ServicePrivateEndpoint } from '../network/private-endpoint';
import { IPrivateNetwork } from '../network/private-network';
import { validateDeploymentOptions } from './private/deployment-validation';
import { DEPLOYMENT_OPTIONS_SHAPE, OPENAI_ATTRIBUTES_SHAPE, openAiAccountShape } from './private/shapes';
import { PRINCIPAL_REF } from '../core/private/references';

/** Built-in role that may call the inference APIs of an account, and nothing else. */
const OPENAI_USER_ROLE = 'Cognitive Services OpenAI User';

/** Log categories an Azure OpenAI account sends: control-plane audit, request metadata, token usage. */
const LOG_CATEGORIES = ['Audit', 'RequestResponse', 'AzureOpenAIRequestUsage'];

/**
 * An Azure OpenAI account that applications can be granted access to: created here
 * ({@link OpenAiAccount}) or existing ({@link OpenAiAccount.fromAttributes}).
 */
export interface IOpenAiAccount extends IConstruct {
  /** Resource id of the account. */
  readonly accountId: string;
  /** Name of the account. */
  readonly accountName: string;
  /** Endpoint clients call, `https://<custom subdomain>.openai.azure.com/`. */
  readonly endpoint: string;

  /**
   * Lets `principal` call the account's models (role `Cognitive Services OpenAI User` on the
   * account), with Entra ID tokens since key authentication is off.
   *
   * @returns the role assignment, so that callers can make their app depend on it
   */
  grantUse(principal: IPrincipal): RoleAssignment;
}

/** An existing account, for {@link OpenAiAccount.fromAttributes}. */
export interface OpenAiAccountAttributes {
  /** Resource id of the account (`/subscriptions/…/providers/Microsoft.CognitiveServices/accounts/<name>`). */
  readonly accountId: string;
  /**
   * Endpoint of the account.
   *
   * @default - `https://<account name>.openai.azure.com/`, right when the custom subdomain equals the account name
   */
  readonly endpoint?: string;
}

/** Props of {@link OpenAiAccount}. */
export interface OpenAiAccountProps {
  /** Resource group of the account and its private endpoint. */
  readonly resourceGroupName: string;
  /** Azure region of the account; the private endpoint is placed there too, so it must be the VNet's region. */
  readonly location: string;
  /** Network whose `private-endpoints` subnet holds the account's private endpoint. */
  readonly network: IPrivateNetwork;
  /** Zones holding `privatelink.openai.azure.com` and `privatelink.cognitiveservices.azure.com`. */
  readonly dnsZones: IPrivateDnsZones;
  /** Workspace that receives the account's audit, request and usage logs and its metrics. */
  readonly monitoring: IMonitoring;
  /**
   * Name of the account.
   *
   * A deleted account stays soft-deleted for 48 hours and blocks its name until purged.
   *
   * @default - the custom subdomain name
   */
  readonly name?: string;
  /**
   * Custom subdomain of the endpoint (`https://<subdomain>.openai.azure.com/`). Required for
   * private endpoints and Entra ID authentication, and unique across Azure.
   *
   * @default - `oai-<8 hex characters>`, a stable hash of the subscription and the construct path
   */
  readonly customSubdomainName?: string;
  /**
   * Hosts the account may reach on its own (e.g. for "on your data" features). Outbound access
   * is restricted either way; an empty list allows none.
   *
   * @default []
   */
  readonly allowedFqdns?: string[];
  /**
   * Let trusted Azure services (e.g. Azure AI Search with a managed identity) through the
   * network ACL, which otherwise denies everything but the private endpoint.
   *
   * @default true
   */
  readonly trustedServicesBypass?: boolean;
  /**
   * Model deployments, created in this order, one after another.
   *
   * @default - one `gpt-4.1-mini` (`2025-04-14`) deployment, GlobalStandard, capacity 10 (10,000 tokens per minute)
   */
  readonly models?: ModelDeploymentOptions[];
  /**
   * Content filter attached to every deployment.
   *
   * @default - harm categories filtered from MEDIUM on prompts and completions and blocked; prompt shields and protected material on
   */
  readonly contentFilter?: ContentFilterOptions;
  /**
   * Protect the account from `terraform destroy` and from replacement (`lifecycle.prevent_destroy`).
   *
   * Setting false weakens protection: a replaced account loses its deployments and its endpoint
   * name, and its name stays blocked while it is soft-deleted.
   *
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * Resource ids of user-assigned managed identities to add next to the system-assigned one
   * (e.g. for customer-managed keys).
   *
   * @default - only the system-assigned identity
   */
  readonly userAssignedIdentityIds?: string[];
  /**
   * Tags applied to the account, its content filter and its private endpoint.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** The default deployment: a current small chat model at a capacity that fits default quotas. */
const DEFAULT_MODELS: ModelDeploymentOptions[] = [
  { modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14', sku: DeploymentSku.GLOBAL_STANDARD, capacity: 10 },
];

/** Longest DNS label: the custom subdomain is the first label of `<subdomain>.openai.azure.com`. */
const MAX_DNS_LABEL = 63;

const FQDN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

abstract class OpenAiAccountBase extends Construct implements IOpenAiAccount {
  public abstract readonly accountId: string;
  public abstract readonly accountName: string;
  public abstract readonly endpoint: string;

  public grantUse(principal: IPrincipal): RoleAssignment {
    checkField(this, 'grantUse.principal', principal, PRINCIPAL_REF(true));
    return grantRole(this, { scopeId: this.accountId, roleDefinitionName: OPENAI_USER_ROLE, principal });
  }
}

/**
 * An Azure OpenAI account reachable only through a private endpoint, with Entra ID
 * authentication only, a content filter, and model deployments created one at a time.
 *
 * - kind `OpenAI`, SKU `S0`, a custom subdomain; public network access off; network ACL
 *   default Deny; key authentication off; outbound access restricted to `allowedFqdns`;
 *   a system-assigned identity;
 * - one private endpoint (`account`) with one zone group holding the OpenAI and the Cognitive
 *   Services zones, created after a short wait, because an endpoint on an account that is still
 *   provisioning fails;
 * - a diagnostic setting sending `Audit`, `RequestResponse` and `AzureOpenAIRequestUsage` logs
 *   and all metrics to the workspace;
 * - `lifecycle.prevent_destroy` unless `preventDestroy: false`.
 *
 * @see https://learn.microsoft.com/azure/ai-foundry/openai/how-to/network
 */
export class OpenAiAccount extends OpenAiAccountBase {
  /** Uses an existing account: nothing is created; `grantUse` still works. */
  public static fromAttributes(scope: Construct, id: string, attrs: OpenAiAccountAttributes): IOpenAiAccount {
    return new ImportedOpenAiAccount(scope, id, attrs);
  }

  public readonly accountId: string;
  public readonly accountName: string;
  public readonly endpoint: string;
  /** Object id of the account's system-assigned identity. */
  public readonly principalId: string;
  /** Custom subdomain of the endpoint. */
  public readonly customSubdomainName: string;
  /** Model deployments, in creation order. */
  public readonly deployments: ModelDeployment[] = [];
  /** The content filter attached to the deployments. */
  public readonly contentFilter: ContentFilter;
  /** The `azurerm_cognitive_account` (escape hatch). */
  public readonly resource: CognitiveAccount;
  /** The account's private endpoint. */
  public readonly privateEndpoint: ServicePrivateEndpoint;
  /** The wait between the account and its private endpoint. */
  public readonly provisioningWait: Sleep;
  /** The diagnostic setting sending logs and metrics to the workspace. */
  public readonly diagnosticSetting: MonitorDiagnosticSetting;

  /** What the next deployment waits for: the previous deployment, or the content filter. */
  private lastInChain: ITerraformDependable;
  /** Region of the account, for the Data Zone check of each deployment. */
  private readonly region: string;

  constructor(scope: Construct, id: string, props: OpenAiAccountProps) {
    super(scope, id);
    this.validate(props);
    this.region = props.location;

    this.customSubdomainName = props.customSubdomainName ?? Names.globallyUnique(this, AzureNameRule.COGNITIVE_ACCOUNT, 'oai');
    this.accountName = props.name ?? this.customSubdomainName;
    const userIds = props.userAssignedIdentityIds ?? [];
    this.resource = new CognitiveAccount(this, 'Resource', {
      name: this.accountName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      kind: 'OpenAI',
      skuName: 'S0',
      customSubdomainName: this.customSubdomainName,
      publicNetworkAccessEnabled: false,
      localAuthEnabled: false,
      networkAcls: {
        defaultAction: 'Deny',
        bypass: (props.trustedServicesBypass ?? true) ? 'AzureServices' : 'None',
      },
      outboundNetworkAccessRestricted: true,
      fqdns: props.allowedFqdns ?? [],
      identity: userIds.length
        ? { type: 'SystemAssigned, UserAssigned', identityIds: userIds }
        : { type: 'SystemAssigned' },
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
      tags: props.tags,
    });
    this.accountId = this.resource.id;
    this.endpoint = this.resource.endpoint;
    this.principalId = this.resource.identity.principalId;

    this.provisioningWait = waitAfter(this, 'WaitForProvisioning', [this.resource], '30s');
    this.privateEndpoint = new ServicePrivateEndpoint(this, 'PrivateEndpoint', {
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      network: props.network,
      dnsZones: props.dnsZones,
      targetResourceId: this.accountId,
      subresource: 'account',
      zones: [PrivateLinkZone.OPENAI, PrivateLinkZone.COGNITIVE_SERVICES],
      dependsOn: [this.provisioningWait],
      tags: props.tags,
    });

    this.diagnosticSetting = props.monitoring.addDiagnosticSetting(this, 'Diagnostics', {
      targetResourceId: this.accountId,
      logCategories: LOG_CATEGORIES,
      metrics: true,
    });

    this.contentFilter = new ContentFilter(this, 'ContentFilter', {
      ...props.contentFilter,
      cognitiveAccountId: this.accountId,
      tags: props.tags,
    });
    this.lastInChain = this.contentFilter.resource;

    for (const [i, options] of (props.models ?? DEFAULT_MODELS).entries()) {
      this.addDeployment(this.freeDeploymentId(options, i), options);
    }
  }

  /**
   * The construct id of `models[i]`: its deployment name, unless that is a token or already the id
   * of a child (a deployment named `Resource` or `ContentFilter`), which only the user's own
   * `addDeployment` id may collide with.
   */
  private freeDeploymentId(options: ModelDeploymentOptions, i: number): string {
    const name = options.name ?? options.modelName;
    if (!isUnresolved(name) && !this.node.tryFindChild(name)) return name;
    let id = `Deployment${i}`;
    while (this.node.tryFindChild(id)) id = `${id}_`;
    return id;
  }

  /**
   * Adds a model deployment after every deployment added before, with the account's content
   * filter unless `options.raiPolicyName` names another.
   *
   * @param id construct id; the deployment name is a good choice, as it is unique per account
   */
  public addDeployment(id: string, options: ModelDeploymentOptions): ModelDeployment {
    checkField(this, 'addDeployment.id', id, is.string(true));
    checkNotBlank(this, 'addDeployment.id', id);
    checkField(this, `addDeployment(${id})`, options, is.object(DEPLOYMENT_OPTIONS_SHAPE, true));
    const existing = this.node.tryFindChild(id);
    if (existing) {
      throw propError(this, 'addDeployment', `id '${id}' is already used by '${existing.node.path}': give each deployment its own construct id`, id);
    }
    const name = options.name ?? options.modelName;
    const clash = isUnresolved(name) ? undefined : this.deployments.find((d) => !isUnresolved(d.deploymentName) && d.deploymentName === name);
    if (clash) {
      throw propError(this, 'name', `must be unique within the account ('${name}' is already deployed by '${clash.node.path}')`, name);
    }
    const caseClash = isUnresolved(name) || typeof name !== 'string' ? undefined
      : this.deployments.find((d) => !isUnresolved(d.deploymentName) && d.deploymentName.toLowerCase() === name.toLowerCase());
    if (caseClash) {
      throw propError(this, 'name', `must differ from '${caseClash.deploymentName}' (deployed by '${caseClash.node.path}') by more than letter case: Azure deployment names are case-insensitive`, name);
    }
    const deployment = new ModelDeployment(this, id, {
      ...options,
      cognitiveAccountId: this.accountId,
      raiPolicyName: options.raiPolicyName ?? this.contentFilter.policyName,
      dependsOn: [this.lastInChain],
    });
    this.deployments.push(deployment);
    this.lastInChain = deployment.resource;
    this.warnAboutDataZone(deployment);
    return deployment;
  }

  /** A Data Zone SKU only exists in the regions of the EU and US data zones. */
  private warnAboutDataZone(deployment: ModelDeployment): void {
    const location = this.region;
    if (!deployment.sku.name.startsWith('DataZone') || isUnresolved(location) || dataZoneOf(location) !== undefined) return;
    warn(deployment, 'data-zone-region', `'sku' is '${deployment.sku.name}', but the account's region '${location}' is in neither the EU nor the US data zone: `
      + 'the deployment fails at apply; use a Global or regional SKU, or an account in an EU or US region');
  }

  private validate(props: OpenAiAccountProps): void {
    checkShape(this, props, openAiAccountShape());
    checkPlacement(this, props.resourceGroupName, props.location);
    checkSameRegionAsNetwork(this, 'location', props.location, networkLocation(props.network));
    if (!hasAzureOpenAi(props.location)) {
      warn(this, 'region-without-openai', `'location' is '${props.location}', a region without Azure OpenAI: the account fails at apply; `
        + `use one of ${AZURE_OPENAI_REGIONS.join(', ')}`);
    }
    checkTags(this, 'tags', props.tags);
    AzureNameRule.COGNITIVE_ACCOUNT.validate(this, 'name', props.name);
    AzureNameRule.COGNITIVE_ACCOUNT.validate(this, 'customSubdomainName', props.customSubdomainName);
    const subdomain = props.customSubdomainName;
    if (subdomain !== undefined && !isUnresolved(subdomain) && subdomain.length > MAX_DNS_LABEL) {
      throw propError(this, 'customSubdomainName', `must be at most ${MAX_DNS_LABEL} characters: it is the DNS label of '<subdomain>.openai.azure.com' (got ${subdomain.length})`, subdomain);
    }
    for (const [i, fqdn] of (props.allowedFqdns ?? []).entries()) {
      if (!isUnresolved(fqdn) && !FQDN.test(fqdn)) {
        throw propError(this, `allowedFqdns[${i}]`, "must be a host name such as 'api.contoso.com' (no scheme, port or path)", fqdn);
      }
    }
    const identities = new Map<string, number>();
    for (const [i, identityId] of (props.userAssignedIdentityIds ?? []).entries()) {
      checkResourceId(this, `userAssignedIdentityIds[${i}]`, identityId, 'Microsoft.ManagedIdentity/userAssignedIdentities');
      if (isUnresolved(identityId)) continue;
      const first = identities.get(identityId.toLowerCase());
      if (first !== undefined) {
        throw propError(this, `userAssignedIdentityIds[${i}]`, `must not repeat 'userAssignedIdentityIds[${first}]' (Azure refuses a duplicate identity)`, identityId);
      }
      identities.set(identityId.toLowerCase(), i);
    }
    const seen = new Map<string, { index: number; name: string }>();
    for (const [i, options] of (props.models ?? []).entries()) {
      validateDeploymentOptions(this, `models[${i}].`, options);
      const name = options.name ?? options.modelName;
      if (isUnresolved(name)) continue;
      const first = seen.get(name.toLowerCase());
      if (first !== undefined && first.name === name) {
        throw ruleError(this, `'models[${i}].name' must be unique within the account ('models[${first.index}]' already deploys it), got '${name}'`);
      }
      if (first !== undefined) {
        throw ruleError(this, `'models[${i}].name' must differ from 'models[${first.index}].name' ('${first.name}') by more than letter case: `
          + `Azure deployment names are case-insensitive, got '${name}'`);
      }
      seen.set(name.toLowerCase(), { index: i, name });
    }

  }
}

class ImportedOpenAiAccount extends OpenAiAccountBase {
  /** Shown in error messages instead of this internal class name. */
  public static readonly errorKind = 'OpenAiAccount.fromAttributes';

  public readonly accountId: string;
  public readonly accountName: string;
  public readonly endpoint: string;

  constructor(scope: Construct, id: string, attrs: OpenAiAccountAttributes) {
    super(scope, id);
    checkShape(this, attrs, OPENAI_ATTRIBUTES_SHAPE);
    checkResourceId(this, 'accountId', attrs.accountId, 'Microsoft.CognitiveServices/accounts');
    checkNotBlank(this, 'endpoint', attrs.endpoint);
    checkTrimmed(this, 'endpoint', attrs.endpoint);
    if (attrs.endpoint !== undefined && !isUnresolved(attrs.endpoint) && !/^https:\/\/[^/]+\/?$/.test(attrs.endpoint)) {
      throw propError(this, 'endpoint', "must be an https URL such as 'https://my-account.openai.azure.com/'", attrs.endpoint);
    }
    this.accountId = attrs.accountId;
    this.accountName = isUnresolved(attrs.accountId)
      ? Fn.element(Fn.split('/', attrs.accountId), 8)
      : attrs.accountId.split('/')[8];
    this.endpoint = attrs.endpoint ?? `https://${this.accountName}.openai.azure.com/`;
  }
}

/**
 * The network's region. `location` is optional on `IPrivateNetwork` (unknown for an imported
 * network given none); read defensively so that a hand-made network object without it passes.
 */
function networkLocation(network: IPrivateNetwork): string | undefined {
  const location = (network as { readonly location?: unknown }).location;
  return typeof location === 'string' ? location : undefined;
}
