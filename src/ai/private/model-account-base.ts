// The implementation shared by AiAccount and OpenAiAccount (created and imported), kept apart so
// that each account class has its own file.
import { CognitiveAccount } from '@cdktf/provider-azurerm/lib/cognitive-account';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Sleep } from '@cdktf/provider-time/lib/sleep';
import { Fn, ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { checkCustomerManagedKey, withKeyIdentity } from './account-cmk';
import { chatModelsProcessingIn, checkRegionalOffer, dataZoneOfRegion, defaultSkuName } from './data-zones';
import { validateDeploymentOptions } from './deployment-validation';
import {
  AccountKindSpec, FQDN, grantModelRole, LOG_CATEGORIES, MAX_DNS_LABEL, networkLocation, OPENAI_KIND_FORMATS,
  OPENAI_KIND_UNCERTAIN_FORMATS, openAiEndpointOf, UseRole,
} from './model-account';
import { ACCOUNT_ATTRIBUTES_SHAPE, DEPLOYMENT_OPTIONS_SHAPE } from './shapes';
import { AzureNameRule, Names } from '../../core/names';
import { IPrincipal } from '../../core/principal';
import { checkPlacement } from '../../core/private/placement';
import { waitAfter } from '../../core/private/providers';
import { PRINCIPAL_REF } from '../../core/private/references';
import { AZURE_OPENAI_REGIONS, checkSameRegionAsNetwork, hasAzureOpenAi, normalizeRegion } from '../../core/private/regions';
import {
  checkField, checkNotBlank, checkResourceId, checkShape, checkTags, checkTrimmed, is, isUnresolved, propError, ruleError, Shape, warn,
} from '../../core/private/validate';
import { servicePrivateEndpoint } from '../../network/private/wiring';
import { ServicePrivateEndpoint } from '../../network/private-endpoint';
import { checkKeyVaultRegion } from '../../secrets/private/keys';
import { AiAccountAttributes, AiAccountProps, IAiAccount } from '../ai-account-props';
import { ContentFilter } from '../content-filter';
import { DeploymentSku, ModelDeployment, ModelDeploymentOptions } from '../model-deployment';

/** `grantUse`, shared by created and imported accounts. */
abstract class ModelAccountBase extends Construct implements IAiAccount {
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
 *
 * @internal jsii erases it: its members appear on each account class.
 */
export abstract class _ModelAccount extends ModelAccountBase {
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

  constructor(scope: Construct, id: string, props: AiAccountProps, spec: AccountKindSpec, shape: Shape) {
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
    this.privateEndpoint = servicePrivateEndpoint(this, props, {
      targetResourceId: this.accountId,
      subresource: 'account',
      zones: spec.zones,
      dependsOn: [this.provisioningWait],
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

  private validate(props: AiAccountProps, shape: Shape): void {
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

/**
 * An existing account: nothing is created; `grantUse` still works.
 *
 * @internal
 */
export abstract class _ImportedModelAccount extends ModelAccountBase {
  public readonly accountId: string;
  public readonly accountName: string;
  public readonly endpoint: string;

  constructor(scope: Construct, id: string, attrs: AiAccountAttributes, useRole: UseRole) {
    super(scope, id, useRole);
    checkShape(this, attrs, ACCOUNT_ATTRIBUTES_SHAPE);
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
export const DEFAULT_MODELS: ModelDeploymentOptions[] = [
  { modelName: 'gpt-5.4', modelVersion: '2026-03-05', capacity: 10 },
];

/**
 * The checks every `add*` method of an account makes on its arguments: a non-blank construct id
 * not taken by another child, and options of the expected shape.
 *
 * @param what the kind of child, for the message (`deployment`, `project`)
 */
export function checkAddArgs(owner: Construct, method: string, what: string, id: string, options: unknown, shape: Shape): void {
  checkField(owner, `${method}.id`, id, is.string(true));
  checkNotBlank(owner, `${method}.id`, id);
  checkField(owner, `${method}(${id})`, options, is.object(shape, true));
  const existing = owner.node.tryFindChild(id);
  if (existing) {
    throw propError(owner, method, `id '${id}' is already used by '${existing.node.path}': give each ${what} its own construct id`, id);
  }
}
