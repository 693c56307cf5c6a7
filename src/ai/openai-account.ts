import { CognitiveAccount } from '@cdktf/provider-azurerm/lib/cognitive-account';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Sleep } from '@cdktf/provider-time/lib/sleep';
import { Fn, ITerraformDependable } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ContentFilter, ContentFilterOptions } from './content-filter';
import { FoundryProject, FoundryProjectOptions } from './foundry-project';
import { DeploymentSku, ModelDeployment, ModelDeploymentOptions } from './model-deployment';
import { checkCustomerManagedKey, withKeyIdentity } from './private/account-cmk';
import { chatModelsProcessingIn, checkRegionalOffer, dataZoneOfRegion, defaultSkuName } from './private/data-zones';
import { validateDeploymentOptions } from './private/deployment-validation';
import {
  AccountKindSpec, AZURE_AI_USER_ROLE, grantModelRole, FQDN, LOG_CATEGORIES, MAX_DNS_LABEL, networkLocation,
  OPENAI_KIND_FORMATS, OPENAI_KIND_UNCERTAIN_FORMATS, OPENAI_USER_ROLE, openAiEndpointOf, UseRole,
} from './private/model-account';
import { DEPLOYMENT_OPTIONS_SHAPE, OPENAI_ATTRIBUTES_SHAPE, openAiAccountShape } from './private/shapes';
import { AzureNameRule, Names } from '../core/names';
import { IPrincipal } from '../core/principal';
import { FOUNDRY_PROJECT_OPTIONS_SHAPE } from './private/project-shapes';
import { inUsersWords } from '../core/private/pass-through';
import { checkPlacement } from '../core/private/placement';
import { waitAfter } from '../core/private/providers';
import { PRINCIPAL_REF } from '../core/private/references';
import { AZURE_OPENAI_REGIONS, checkSameRegionAsNetwork, hasAzureOpenAi, normalizeRegion } from '../core/private/regions';
import {
  checkField, checkNotBlank, checkResourceId, checkShape, checkTags, checkTrimmed, is, isUnresolved, propError, ruleError, Shape, warn,
} from '../core/private/validate';
import { IMonitoring } from '../monitoring/monitoring';
import { PrivateLinkZone, IPrivateDnsZones } from '../network/private-dns-zones';
import { ServicePrivateEndpoint } from '../network/private-endpoint';
import { IPrivateNetwork } from '../network/private-network';
import { ICustomerManagedKey } from '../secrets/customer-managed-key';
import { checkKeyVaultRegion } from '../secrets/private/keys';

/**
 * A model account that applications can be granted access to through its OpenAI-compatible
 * endpoint: a Foundry account ({@link AiAccount}), an Azure OpenAI account
 * ({@link OpenAiAccount}), or an existing one (`fromAttributes`).
 */
export interface IOpenAiAccount extends IConstruct {
  /** Resource id of the account. */
  readonly accountId: string;
  /** Name of the account. */
  readonly accountName: string;
  /** Endpoint clients call, `https://<custom subdomain>.openai.azure.com/`. */
  readonly endpoint: string;

  /**
   * Lets `principal` call the account's models with Entra ID tokens, since key authentication
   * is off: role `Azure AI User` on a Foundry account (every model, by role id), `Cognitive
   * Services OpenAI User` on an OpenAI-kind account.
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

/** Props of {@link OpenAiAccount}, and the base of {@link AiAccountProps}. */
export interface OpenAiAccountProps {
  /** Resource group of the account and its private endpoint. */
  readonly resourceGroupName: string;
  /** Azure region of the account; the private endpoint is placed there too, so it must be the VNet's region. */
  readonly location: string;
  /** Network whose `private-endpoints` subnet holds the account's private endpoint. */
  readonly network: IPrivateNetwork;
  /**
   * Zones holding `privatelink.openai.azure.com` and `privatelink.cognitiveservices.azure.com`,
   * and for an {@link AiAccount} `privatelink.services.ai.azure.com` too.
   */
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
   * Each deployment without a `sku` is processed in the account's data zone or region: see
   * {@link ModelDeploymentOptions.sku}.
   *
   * @default - one `gpt-5.4` (`2026-03-05`) deployment, capacity 10 (10,000 tokens per minute), `DataZoneStandard` in the EU and US data zones' regions; in any other region the synth fails and names both ways out (a model with a regional deployment there, or `allowGlobalProcessing`)
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
   * Resource ids of user-assigned managed identities to add next to the system-assigned one.
   * A `customerManagedKey`'s identity is added without being listed here.
   *
   * @default - only the system-assigned identity
   */
  readonly userAssignedIdentityIds?: string[];
  /**
   * Encrypt the account's data at rest (fine-tuning files and models, stored data of the
   * account's projects) with this key instead of a Microsoft-managed one.
   *
   * The key's identity joins the account (`SystemAssigned, UserAssigned`) and the account is
   * created with `customer_managed_key` set, after the identity's role assignment on the key has
   * propagated. Set it when the account is first created: Azure OpenAI and Foundry accept only
   * 2048-bit RSA keys from a vault with purge protection in the account's region and tenant, and
   * with project management on (Foundry accounts), removing the key later replaces the account.
   * A vault with a firewall must let trusted Azure services through (a created
   * {@link PrivateKeyVault} does).
   *
   * @default - Microsoft-managed keys
   * @see https://learn.microsoft.com/azure/ai-foundry/openai/encrypt-data-at-rest
   * @see https://learn.microsoft.com/azure/ai-foundry/concepts/encryption-keys-portal
   */
  readonly customerManagedKey?: ICustomerManagedKey;
  /**
   * Tags applied to the account, its content filter and its private endpoint.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** `grantUse`, shared by created and imported accounts. */
abstract class ModelAccountBase extends Construct implements IOpenAiAccount {
  public abstract readonly accountId: string;
  public abstract readonly accountName: string;
  public abstract readonly endpoint: string;

  constructor(scope: Construct, id: string, private readonly useRole: UseRole) {
    super(scope, id);
  }

  public grantUse(principal: IPrincipal): RoleAssignment {
    checkField(this, 'grantUse.principal', principal, PRINCIPAL_REF(true));
    return grantModelRole(this, this.accountId, this.useRole, principal);
  }
}

/**
 * The implementation of {@link OpenAiAccount} and {@link AiAccount}: a model account reachable
 * only through a private endpoint, with Entra ID authentication only, a content filter, and
 * model deployments created one at a time.
 */
abstract class ModelAccount extends ModelAccountBase {
  public readonly accountId: string;
  public readonly accountName: string;
  public readonly endpoint: string;
  /** Object id of the account's system-assigned identity. */
  public readonly principalId: string;
  /** Custom subdomain of the endpoint. */
  public readonly customSubdomainName: string;
  /** Region of the account. */
  public readonly location: string;
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

  /** Kind of the account. */
  private readonly kind: string;
  /**
   * What the next change to the account waits for: the previous deployment or project, or the content filter.
   *
   * @internal
   */
  protected _lastInChain: ITerraformDependable;

  constructor(scope: Construct, id: string, props: OpenAiAccountProps, spec: AccountKindSpec, shape: Shape) {
    super(scope, id, spec.useRole);
    this.validate(props, shape);
    this.location = props.location;
    this.kind = spec.kind;

    this.customSubdomainName = props.customSubdomainName ?? Names.globallyUnique(this, AzureNameRule.COGNITIVE_ACCOUNT, 'oai');
    this.accountName = props.name ?? this.customSubdomainName;
    const cmk = props.customerManagedKey;
    const userIds = withKeyIdentity(props.userAssignedIdentityIds ?? [], cmk);
    const foundry = spec.kind === 'AIServices';
    this.resource = new CognitiveAccount(this, 'Resource', {
      name: this.accountName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      kind: spec.kind,
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
      ...(foundry ? { projectManagementEnabled: true } : {}),
      identity: userIds.length
        ? { type: 'SystemAssigned, UserAssigned', identityIds: userIds }
        : { type: 'SystemAssigned' },
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
      tags: props.tags,
      // The block, not azurerm_cognitive_account_customer_managed_key: the account is created
      // encrypted, and a separate resource would leave the block out of the account's config,
      // which azurerm 4.55 plans as a removal that replaces a project-managed account.
      ...(cmk ? { customerManagedKey: { keyVaultKeyId: cmk.keyId, identityClientId: cmk.identityClientId } } : {}),
      // The service reads the key while the account is created: after the identity's grant.
      ...(cmk && cmk.dependables.length > 0 ? { dependsOn: [...cmk.dependables] } : {}),
    });
    this.accountId = this.resource.id;
    // An AIServices account reports its cognitiveservices endpoint; OpenAI clients want the
    // openai one, which the same custom subdomain serves.
    this.endpoint = foundry ? openAiEndpointOf(this.customSubdomainName) : this.resource.endpoint;
    this.principalId = this.resource.identity.principalId;

    this.provisioningWait = waitAfter(this, 'WaitForProvisioning', [this.resource], '30s');
    this.privateEndpoint = inUsersWords(this, { dnsZones: 'dnsZones' }, () => new ServicePrivateEndpoint(this, 'PrivateEndpoint', {
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      network: props.network,
      dnsZones: props.dnsZones,
      targetResourceId: this.accountId,
      subresource: 'account',
      zones: spec.zones,
      dependsOn: [this.provisioningWait],
      tags: props.tags,
    }));

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
    this._lastInChain = this.contentFilter.resource;

    for (const [i, options] of (props.models ?? spec.defaultModels).entries()) {
      const childId = this.freeChildId(options.name ?? options.modelName, `Deployment${i}`);
      this.addDeploymentAt(childId, options, props.models === undefined ? undefined : `models[${i}].`);
    }
  }

  /**
   * The construct id for a child named `name`: the name itself, unless that is a token or
   * already the id of a child (a deployment named `Resource` or `ContentFilter`), which only the
   * user's own `addDeployment` id may collide with.
   */
  private freeChildId(name: string, fallback: string): string {
    if (!isUnresolved(name) && !this.node.tryFindChild(name)) return name;
    let id = fallback;
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
    checkAddArgs(this, 'addDeployment', 'deployment', id, options, DEPLOYMENT_OPTIONS_SHAPE);
    return this.addDeploymentAt(id, options, `addDeployment(${id}).`);
  }

  /**
   * Adds a deployment; `prefix` names its options in messages (`models[1].`), undefined for the
   * account's default deployment (whose errors name `location`).
   */
  private addDeploymentAt(id: string, given: ModelDeploymentOptions, prefix: string | undefined): ModelDeployment {
    const options = this.withDefaultSku(given, prefix);
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
      dependsOn: [this._lastInChain],
    });
    this.checkFormatServed(deployment);
    this.deployments.push(deployment);
    this._lastInChain = deployment.resource;
    checkRegionalOffer(this, prefix ?? '', deployment.modelName, deployment.sku.name, this.location);
    this.warnAboutDataZone(deployment);
    return deployment;
  }

  /**
   * The options with the deployment type a deployment gets when none is given: processed in the
   * account's data zone, else in its region. Throws, naming both ways out, when the model has
   * neither in the account's region.
   */
  private withDefaultSku(options: ModelDeploymentOptions, prefix: string | undefined): ModelDeploymentOptions {
    if (options.sku !== undefined) return options;
    const name = defaultSkuName(options.modelName, this.location);
    if (name !== undefined) return { ...options, sku: DeploymentSku.of(name) };
    const model = options.modelName;
    const region = normalizeRegion(this.location);
    const others = chatModelsProcessingIn(region).slice(0, 4);
    const otherModels = others.length > 0 ? ` (e.g. ${others.join(', ')})` : '';
    const why = dataZoneOfRegion(region) === undefined
      ? `'${region}' is in neither the EU nor the US data zone, and model '${model}' has no regional (Standard) deployment there in Microsoft's model catalogue`
      : `model '${model}' is offered neither as DataZoneStandard nor as Standard in '${region}' in Microsoft's model catalogue`;
    const optIn = `{ modelName: '${model}', modelVersion: '${options.modelVersion}', sku: DeploymentSku.GLOBAL_STANDARD, allowGlobalProcessing: true }`;
    if (prefix === undefined) {
      throw propError(this, 'location', `must be a region where the default model keeps prompts in its data zone or region: ${why}; `
        + `either set 'models' to a model with a data-zone or regional deployment there${otherModels}, `
        + `or opt in to global processing, which weakens data residency: models: [${optIn}]`, this.location);
    }
    throw propError(this, `${prefix}sku`, `must be set: no deployment type keeps model '${model}' in the data zone or region of the account: ${why}; `
      + `either pick a model with a data-zone or regional deployment there${otherModels}, `
      + `or opt in to global processing, which weakens data residency: ${optIn}`, undefined);
  }

  /** An `OpenAI`-kind account serves only OpenAI's models; open models need a Foundry account. */
  private checkFormatServed(deployment: ModelDeployment): void {
    const format = deployment.modelFormat;
    if (this.kind !== 'OpenAI' || isUnresolved(format) || OPENAI_KIND_FORMATS.includes(format)) return;
    if (OPENAI_KIND_UNCERTAIN_FORMATS.includes(format)) {
      warn(deployment, 'format-on-openai-kind', `model '${deployment.modelName}' has format '${format}', which Microsoft documents for Foundry (AIServices) accounts; `
        + 'an OpenAI-kind account may refuse it at apply: deploy it on an AiAccount');
      return;
    }
    throw ruleError(deployment, `model '${deployment.modelName}' has format '${format}', which an account of kind 'OpenAI' cannot serve: `
      + `only ${OPENAI_KIND_FORMATS.map((f) => `'${f}'`).join(', ')} models deploy there. Deploy it on an AiAccount (kind 'AIServices'), got format '${format}'`);
  }

  /** A Data Zone SKU only exists in the regions of the EU and US data zones. */
  private warnAboutDataZone(deployment: ModelDeployment): void {
    const location = this.location;
    if (!deployment.sku.name.startsWith('DataZone') || isUnresolved(location) || dataZoneOfRegion(location) !== undefined) return;
    warn(deployment, 'data-zone-region', `'sku' is '${deployment.sku.name}', but the account's region '${location}' is in neither the EU nor the US data zone: `
      + 'the deployment fails at apply; use a Global or regional SKU, or an account in an EU or US region');
  }

  private validate(props: OpenAiAccountProps, shape: Shape): void {
    checkShape(this, props, shape);
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
    checkCustomerManagedKey(this, props.customerManagedKey);
    checkKeyVaultRegion(this, 'customerManagedKey', props.customerManagedKey, props.location, 'Azure OpenAI and Foundry accounts');
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

/** An existing account: nothing is created; `grantUse` still works. */
class ImportedModelAccount extends ModelAccountBase {
  public readonly accountId: string;
  public readonly accountName: string;
  public readonly endpoint: string;

  constructor(scope: Construct, id: string, attrs: OpenAiAccountAttributes, useRole: UseRole) {
    super(scope, id, useRole);
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
    this.endpoint = attrs.endpoint ?? openAiEndpointOf(this.accountName);
  }
}


/**
 * The default deployment of every account kind: a current GA chat model that Microsoft offers as
 * DataZoneStandard in every region of the EU and US data zones, whose retirement date is outside
 * the catalogue's warning window, and which Open WebUI calls (a reasoning model: the sample chat
 * app cannot). Its SKU is left to the account: DataZoneStandard there, an error elsewhere.
 *
 * Evidence (docs/research/model-catalogue.json): gpt-5.4 `2026-03-05`, GA, retiring 2027-09-02
 * (retirement schedule rev 2026-09-02); DataZoneStandard in all nine EU and seven US columns of
 * Microsoft's region table (standard tables rev 2026-06-11). The smaller gpt-5.4-mini and
 * gpt-5.4-nano are DataZoneStandard in the US only, and the EU's other mini models (gpt-5-mini,
 * gpt-4.1-mini) retire within the 180-day window.
 */
const DEFAULT_MODELS: ModelDeploymentOptions[] = [
  { modelName: 'gpt-5.4', modelVersion: '2026-03-05', capacity: 10 },
];

/**
 * An Azure OpenAI account (kind `OpenAI`) reachable only through a private endpoint, with
 * Entra ID authentication only, a content filter, and model deployments created one at a time.
 *
 * New stacks should use {@link AiAccount} (kind `AIServices`, Microsoft Foundry), which serves
 * the same OpenAI models and open models too. This class stays for stacks that already have an
 * OpenAI-kind account: in azurerm 4.55 `kind` forces replacement, so switching an existing
 * account to {@link AiAccount} plans a new account (see docs/operations.md for the migration).
 *
 * - kind `OpenAI`, SKU `S0`, a custom subdomain; public network access off; network ACL
 *   default Deny; key authentication off; outbound access restricted to `allowedFqdns`;
 *   a system-assigned identity;
 * - one private endpoint (`account`) with one zone group holding the OpenAI and the Cognitive
 *   Services zones, created after a short wait, because an endpoint on an account that is still
 *   provisioning fails;
 * - a diagnostic setting sending `Audit`, `RequestResponse` and `AzureOpenAIRequestUsage` logs
 *   and all metrics to the workspace;
 * - `lifecycle.prevent_destroy` unless `preventDestroy: false`;
 * - default deployment `gpt-5.4` `2026-03-05`, DataZoneStandard (see {@link OpenAiAccountProps.models}).
 *
 * @see https://learn.microsoft.com/azure/ai-foundry/openai/how-to/network
 */
export class OpenAiAccount extends ModelAccount {
  /**
   * Uses an existing account: nothing is created; `grantUse` still works, also for an account in
   * another subscription (the assignment's scope is the whole id, the role id is built under the
   * account's subscription).
   */
  public static fromAttributes(scope: Construct, id: string, attrs: OpenAiAccountAttributes): IOpenAiAccount {
    return new ImportedOpenAiAccount(scope, id, attrs);
  }

  constructor(scope: Construct, id: string, props: OpenAiAccountProps) {
    super(scope, id, props, {
      kind: 'OpenAI',
      defaultModels: DEFAULT_MODELS,
      zones: [PrivateLinkZone.OPENAI, PrivateLinkZone.COGNITIVE_SERVICES],
      useRole: OPENAI_USER_ROLE,
    }, openAiAccountShape());
  }
}

class ImportedOpenAiAccount extends ImportedModelAccount {
  /** Shown in error messages instead of this internal class name. */
  public static readonly errorKind = 'OpenAiAccount.fromAttributes';

  constructor(scope: Construct, id: string, attrs: OpenAiAccountAttributes) {
    super(scope, id, attrs, OPENAI_USER_ROLE);
  }
}

/** Which kind of model account a pattern creates. */
export enum AccountKind {
  /**
   * A Microsoft Foundry account (`AIServices`): OpenAI models and open models (Meta, DeepSeek,
   * Mistral, gpt-oss, xAI) behind one private endpoint, with Foundry projects.
   */
  AI_SERVICES = 'AIServices',
  /**
   * An Azure OpenAI account (`OpenAI`): OpenAI models only. For stacks created before the
   * library defaulted to Foundry: in azurerm 4.55 changing `kind` replaces the account.
   */
  OPENAI = 'OpenAI',
}

/** Props of {@link AiAccount}. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface AiAccountProps extends OpenAiAccountProps {}

/** The default deployment of a Foundry account: the same as an OpenAI-kind account's. */
const FOUNDRY_DEFAULT_MODELS: ModelDeploymentOptions[] = DEFAULT_MODELS;

/**
 * A Microsoft Foundry account (`azurerm_cognitive_account` kind `AIServices`) reachable only
 * through a private endpoint: OpenAI models and open models (Llama, DeepSeek, Mistral, gpt-oss,
 * Grok) behind one endpoint, with Entra ID authentication only, a content filter on every
 * deployment, model deployments created one at a time, and Foundry projects.
 *
 * - kind `AIServices`, SKU `S0`, project management on, a custom subdomain; public network
 *   access off; network ACL default Deny; key authentication off; outbound access restricted to
 *   `allowedFqdns`; a system-assigned identity;
 * - one private endpoint (`account`) whose zone group holds the three zones a Foundry account
 *   answers on: `privatelink.services.ai.azure.com`, `privatelink.openai.azure.com` and
 *   `privatelink.cognitiveservices.azure.com` (or none, when the hub's Azure Policy manages zone
 *   groups); created after a short wait, because an endpoint on an account that is still
 *   provisioning fails;
 * - a diagnostic setting sending `Audit`, `RequestResponse` and `AzureOpenAIRequestUsage` logs
 *   and all metrics to the workspace;
 * - `lifecycle.prevent_destroy` unless `preventDestroy: false`.
 *
 * Every model is called through the OpenAI-compatible endpoint, `{@link openAiV1Endpoint}`,
 * with the deployment name as `model` and an Entra token for `https://cognitiveservices.azure.com/.default`.
 *
 * @see https://learn.microsoft.com/azure/foundry/foundry-models/concepts/endpoints
 * @see https://learn.microsoft.com/azure/foundry/how-to/configure-private-link
 */
export class AiAccount extends ModelAccount {
  /**
   * Uses an existing Foundry account: nothing is created; `grantUse` assigns `Azure AI User`, also
   * on an account in another subscription (the assignment's scope is the whole id).
   */
  /**
   * The deployments an account makes when `models` is left out (one current GA chat model in the
   * region's data zone, small capacity), as fresh copies: e.g. to add one beside them.
   */
  public static defaultModels(): ModelDeploymentOptions[] {
    return FOUNDRY_DEFAULT_MODELS.map((m) => ({ ...m }));
  }

  public static fromAttributes(scope: Construct, id: string, attrs: OpenAiAccountAttributes): IOpenAiAccount {
    return new ImportedAiAccount(scope, id, attrs);
  }

  /** Foundry endpoint, `https://<custom subdomain>.services.ai.azure.com/`. */
  public readonly servicesEndpoint: string;
  /**
   * OpenAI-compatible v1 base URL for every model of the account,
   * `https://<custom subdomain>.openai.azure.com/openai/v1/`: no `api-version`, the deployment
   * name as `model`.
   */
  public readonly openAiV1Endpoint: string;
  /** Foundry projects, in creation order. */
  public readonly projects: FoundryProject[] = [];

  constructor(scope: Construct, id: string, props: AiAccountProps) {
    super(scope, id, props, {
      kind: 'AIServices',
      defaultModels: FOUNDRY_DEFAULT_MODELS,
      zones: [PrivateLinkZone.AI_SERVICES, PrivateLinkZone.OPENAI, PrivateLinkZone.COGNITIVE_SERVICES],
      useRole: AZURE_AI_USER_ROLE,
    }, openAiAccountShape());
    this.servicesEndpoint = `https://${this.customSubdomainName}.services.ai.azure.com/`;
    this.openAiV1Endpoint = `${this.endpoint}openai/v1/`;
  }

  /**
   * Adds a Foundry project, created after every deployment and project added before (Azure
   * rejects concurrent writes to one account). Grant people access with
   * {@link FoundryProject.grantUse} or {@link FoundryProject.grantManage}.
   *
   * @param id construct id of the project
   */
  public addProject(id: string, options: FoundryProjectOptions = {}): FoundryProject {
    checkAddArgs(this, 'addProject', 'project', id, options, FOUNDRY_PROJECT_OPTIONS_SHAPE);
    const name = options.name;
    const clash = name === undefined || isUnresolved(name) ? undefined
      : this.projects.find((p) => !isUnresolved(p.projectName) && p.projectName.toLowerCase() === name.toLowerCase());
    if (clash) {
      throw propError(this, `addProject(${id}).name`, `must be unique within the account ('${clash.projectName}' is already used by '${clash.node.path}'; names compare case-insensitively)`, name);
    }
    const project = new FoundryProject(this, id, {
      ...options,
      cognitiveAccountId: this.accountId,
      location: this.location,
      dependsOn: [this._lastInChain],
    });
    this.projects.push(project);
    this._lastInChain = project.resource;
    return project;
  }
}

class ImportedAiAccount extends ImportedModelAccount {
  /** Shown in error messages instead of this internal class name. */
  public static readonly errorKind = 'AiAccount.fromAttributes';

  constructor(scope: Construct, id: string, attrs: OpenAiAccountAttributes) {
    super(scope, id, attrs, AZURE_AI_USER_ROLE);
  }
}

/**
 * The checks every `add*` method of an account makes on its arguments: a non-blank construct id
 * not taken by another child, and options of the expected shape.
 *
 * @param what the kind of child, for the message (`deployment`, `project`)
 */
function checkAddArgs(owner: Construct, method: string, what: string, id: string, options: unknown, shape: Shape): void {
  checkField(owner, `${method}.id`, id, is.string(true));
  checkNotBlank(owner, `${method}.id`, id);
  checkField(owner, `${method}(${id})`, options, is.object(shape, true));
  const existing = owner.node.tryFindChild(id);
  if (existing) {
    throw propError(owner, method, `id '${id}' is already used by '${existing.node.path}': give each ${what} its own construct id`, id);
  }
}
