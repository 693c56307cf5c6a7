import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { ContainerRegistryCacheRule } from '@cdktf/provider-azurerm/lib/container-registry-cache-rule';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { cacheRuleName, DOCKER_TAG, hostOf, refusalFor, REPOSITORY_PATH, SHA256_DIGEST } from './private/upstreams';
import { ContainerImage, IImageMirror } from '../app/container-image';
import { AzureNameRule, Names } from '../core/names';
import { grantRole, IPrincipal } from '../core/principal';
import { checkPlacement } from '../core/private/placement';
import { CUSTOMER_MANAGED_KEY_REF, DNS_ZONES_REF, MONITORING_REF, NETWORK_REF, PRINCIPAL_REF } from '../core/private/references';
import { checkSameRegionAsNetwork, checkZoneRedundancy } from '../core/private/regions';
import {
  checkField, checkNotBlank, checkShape, checkTags, is, isUnresolved, propError, ruleError, Shape,
} from '../core/private/validate';
import { IMonitoring } from '../monitoring/monitoring';
import { servicePrivateEndpoint } from '../network/private/wiring';
import { PrivateLinkZone } from '../network/private-dns-zones';
import { PrivateEndpointOptions, ServicePrivateEndpoint } from '../network/private-endpoint';
import { ICustomerManagedKey } from '../secrets/customer-managed-key';
import { checkKeyReference } from '../secrets/private/keys';

/**
 * A public registry that Azure Container Registry's artifact cache pulls from without
 * credentials: the upstreams a {@link RegistryMirror} can mirror.
 *
 * Docker Hub and Google Artifact Registry (`*.pkg.dev`) are not here: artifact cache pulls from
 * them only with a credential set (user name and password kept as Key Vault secrets), which
 * this library does not create. Neither is another Azure Container Registry: caching from one
 * needs a managed identity on the cache rule, which azurerm's cache rule cannot set.
 *
 * @see https://learn.microsoft.com/azure/container-registry/artifact-cache-overview#upstream-support
 */
export class MirrorUpstream {
  /** Microsoft Artifact Registry (`mcr.microsoft.com`): unauthenticated pulls only. */
  public static readonly MICROSOFT_ARTIFACT_REGISTRY = new MirrorUpstream('mcr.microsoft.com', 'Microsoft Artifact Registry');
  /** GitHub Container Registry (`ghcr.io`), home of Open WebUI's image. */
  public static readonly GITHUB_CONTAINER_REGISTRY = new MirrorUpstream('ghcr.io', 'GitHub Container Registry');
  /** Quay (`quay.io`). */
  public static readonly QUAY = new MirrorUpstream('quay.io', 'Quay');
  /** The Kubernetes container image registry (`registry.k8s.io`). */
  public static readonly KUBERNETES = new MirrorUpstream('registry.k8s.io', 'Kubernetes container image registry');
  /** AWS Elastic Container Registry Public Gallery (`public.ecr.aws`): unauthenticated pulls only. */
  public static readonly AWS_ECR_PUBLIC = new MirrorUpstream('public.ecr.aws', 'AWS ECR Public Gallery');
  /** The legacy Google Container Registry (`gcr.io`). */
  public static readonly GOOGLE_CONTAINER_REGISTRY = new MirrorUpstream('gcr.io', 'Google Container Registry');

  /** Every upstream a mirror accepts, in a fixed order. */
  public static all(): MirrorUpstream[] {
    return [
      MirrorUpstream.MICROSOFT_ARTIFACT_REGISTRY, MirrorUpstream.GITHUB_CONTAINER_REGISTRY, MirrorUpstream.QUAY,
      MirrorUpstream.KUBERNETES, MirrorUpstream.AWS_ECR_PUBLIC, MirrorUpstream.GOOGLE_CONTAINER_REGISTRY,
    ];
  }

  /**
   * @param host the registry host, as a cache rule's source repository starts (`ghcr.io`)
   * @param displayName the registry's name in Microsoft's list of upstreams
   */
  private constructor(public readonly host: string, public readonly displayName: string) {}

  /** `https://<host>`, as a {@link ContainerImage} names the registry. */
  public get registryUrl(): string {
    return `https://${this.host}`;
  }
}

/** Options of {@link RegistryMirror.mirrorAs}. */
export interface MirrorOptions {
  /**
   * Repository path the image gets in the mirror. Azure refuses a cache rule whose target
   * repository already exists in the registry, and two upstreams cannot share one target.
   *
   * @default - the image's own repository path (`open-webui/open-webui`)
   */
  readonly targetRepository?: string;
}

/** Props of {@link RegistryMirror}. */
export interface RegistryMirrorProps extends PrivateEndpointOptions {
  /** Resource group of the registry and its private endpoint. */
  readonly resourceGroupName: string;
  /** Azure region, the VNet's region, since the private endpoint goes there too. */
  readonly location: string;
  /**
   * Workspace that receives the registry's login and repository events and its metrics.
   *
   * @default - no diagnostic setting
   */
  readonly monitoring?: IMonitoring;
  /**
   * Name of the registry: 5-50 letters and digits, globally unique (`<name>.azurecr.io`).
   *
   * @default - `cr<8 hex characters>` from a hash of the subscription id and the construct path
   */
  readonly name?: string;
  /**
   * Service tier. Only `Premium` is accepted: private endpoints, public network access off and
   * the export policy off are Premium features, and the mirror has no public endpoint.
   *
   * @default 'Premium'
   * @see https://learn.microsoft.com/azure/container-registry/container-registry-skus
   */
  readonly sku?: string;
  /**
   * Encrypt the registry with a customer-managed key, unwrapped by the key's user-assigned identity.
   *
   * Azure takes the key only when the registry is created, and encryption cannot be turned off
   * afterwards: adding, removing or replacing the key later means a new registry (a cache refills
   * from its upstreams, so little is lost). The vault must let trusted Azure services through its
   * firewall (a `PrivateKeyVault` does).
   *
   * @default - Microsoft-managed keys
   * @see https://learn.microsoft.com/azure/container-registry/tutorial-customer-managed-keys
   */
  readonly customerManagedKey?: ICustomerManagedKey;
  /**
   * Mark the registry zone-redundant (`zone_redundancy_enabled`). Azure refuses it in a region
   * without availability zones, and changing it replaces the registry. Azure now spreads
   * registries over zones by default where a region has them, whatever this says.
   *
   * @default false
   * @see https://learn.microsoft.com/azure/container-registry/zone-redundancy
   */
  readonly zoneRedundancyEnabled?: boolean;
  /**
   * Let trusted Azure services (Microsoft Defender for Cloud's image scanning, ACR import from
   * another registry) past the registry's network rules (`network_rule_bypass_option =
   * "AzureServices"`). App Service is not among them: the app pulls through the private endpoint.
   *
   * @default false - only the private endpoint reaches the registry (`None`)
   * @see https://learn.microsoft.com/azure/container-registry/allow-access-trusted-services
   */
  readonly trustedServicesBypass?: boolean;
  /**
   * Tags applied to the registry and its private endpoint.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** Azure's built-in `AcrPull` role. */
const ACR_PULL_ROLE_ID = '7f951dda-4ed3-4680-a7ca-43fe172d538d';
const PREMIUM = 'Premium';

/**
 * Resource log categories of `Microsoft.ContainerRegistry/registries`.
 *
 * @see https://learn.microsoft.com/azure/container-registry/monitor-container-registry-reference
 */
const LOG_CATEGORIES = ['ContainerRegistryRepositoryEvents', 'ContainerRegistryLoginEvents'];

const IMAGE_REF = is.instance(ContainerImage, 'a ContainerImage (ContainerImage.fromRegistry(...) or ContainerImage.fromRegistryDigest(...))', true);

const SHAPE: Shape = {
  resourceGroupName: is.string(true),
  location: is.string(true),
  network: NETWORK_REF(true),
  dnsZones: DNS_ZONES_REF(true),
  monitoring: MONITORING_REF(),
  name: is.string(),
  sku: is.string(),
  customerManagedKey: CUSTOMER_MANAGED_KEY_REF(),
  zoneRedundancyEnabled: is.boolean(),
  trustedServicesBypass: is.boolean(),
  tags: is.stringMap(),
};

/** One cache rule of the mirror: where it pulls from and where the copy lives. */
interface MirroredRepository {
  readonly source: string;
  readonly rule: ContainerRegistryCacheRule;
}

/**
 * A private Azure Container Registry that serves copies of public images through artifact cache
 * (pull-through cache rules), so that the chat app pulls over the VNet as its own identity and
 * nobody imports images by hand.
 *
 * - Premium, reachable only through a private endpoint on `registry` (`privatelink.azurecr.io`,
 *   which also holds the regional data endpoint `<name>.<region>.data.azurecr.io`);
 * - admin user, anonymous pull and export off; dedicated data endpoints on;
 * - optional customer-managed key, login and repository events to Log Analytics;
 * - {@link RegistryMirror.mirror} adds one cache rule per repository and returns the image as the
 *   mirror serves it; {@link RegistryMirror.grantPull} gives an identity `AcrPull`.
 *
 * The first pull of a tag or digest fetches it from the upstream and keeps it; later pulls are
 * served from the cache. Artifact cache does not fetch new tags by itself.
 *
 * No `prevent_destroy`: the registry holds only copies that refill from their upstreams on the
 * next pull, so a replaced mirror costs one slower pull, not data.
 *
 * @see https://learn.microsoft.com/azure/container-registry/artifact-cache-overview
 * @see https://learn.microsoft.com/azure/container-registry/container-registry-private-link
 */
export class RegistryMirror extends Construct implements IImageMirror {
  /** Resource id of the registry, the scope of role assignments. */
  public readonly registryId: string;
  /** Name of the registry (a plan-time expression when derived). */
  public readonly registryName: string;
  /** Login server, `<name>.azurecr.io`. */
  public readonly loginServer: string;
  /** `https://<login server>`, the registry URL of every image {@link RegistryMirror.mirror} returns. */
  public readonly registryUrl: string;
  /** The `azurerm_container_registry` (escape hatch). */
  public readonly resource: ContainerRegistry;
  /** The registry's private endpoint. */
  public readonly privateEndpoint: ServicePrivateEndpoint;
  /**
   * The diagnostic setting that sends login and repository events and metrics to the workspace.
   *
   * @default - none, when no `monitoring` is given
   */
  public readonly diagnosticSetting?: MonitorDiagnosticSetting;
  private readonly mirrored = new Map<string, MirroredRepository>();
  /** AcrPull assignments made by grantPull: each waits for every cache rule (see grantPull). */
  private readonly pullGrants: RoleAssignment[] = [];

  constructor(scope: Construct, id: string, props: RegistryMirrorProps) {
    super(scope, id);
    checkShape(this, props, SHAPE);
    checkPlacement(this, props.resourceGroupName, props.location);
    checkSameRegionAsNetwork(this, 'location', props.location, props.network.location);
    if (props.zoneRedundancyEnabled === true) checkZoneRedundancy(this, 'zoneRedundancyEnabled', props.location, 'a zone-redundant registry');
    checkTags(this, 'tags', props.tags);
    AzureNameRule.CONTAINER_REGISTRY.validate(this, 'name', props.name);
    const sku = props.sku ?? PREMIUM;
    checkNotBlank(this, 'sku', sku);
    if (!isUnresolved(sku) && sku !== PREMIUM) {
      throw propError(this, 'sku', `must be '${PREMIUM}': private endpoints, public network access off and the export policy off `
        + 'are Premium features, and the mirror has no public endpoint', sku);
    }
    const key = props.customerManagedKey;
    checkKeyReference(this, 'customerManagedKey', key);

    this.registryName = props.name ?? registryNameFor(this);
    this.resource = new ContainerRegistry(this, 'Resource', {
      name: this.registryName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku,
      // Every setting written out, secure value included, because scanners read the JSON.
      adminEnabled: false,
      anonymousPullEnabled: false,
      publicNetworkAccessEnabled: false,
      // No `az acr import`/transfer out of the registry; azurerm requires public access off for it.
      exportPolicyEnabled: false,
      // A private endpoint always gets the regional data endpoint as a second address; dedicated
      // data endpoints make its name the registry's own (`<name>.<region>.data.azurecr.io`).
      dataEndpointEnabled: true,
      networkRuleBypassOption: (props.trustedServicesBypass ?? false) ? 'AzureServices' : 'None',
      zoneRedundancyEnabled: props.zoneRedundancyEnabled ?? false,
      ...(key === undefined ? {} : {
        identity: { type: 'UserAssigned', identityIds: [key.identityId] },
        // Versionless key id: the registry follows rotation to the newest version within an hour.
        encryption: [{ keyVaultKeyId: key.keyId, identityClientId: key.identityClientId }],
        // The identity's role on the key, and the wait for it, come first, or creation fails.
        dependsOn: key.dependables,
      }),
      tags: props.tags,
    });
    this.registryId = this.resource.id;
    this.loginServer = this.resource.loginServer;
    this.registryUrl = `https://${this.loginServer}`;

    this.privateEndpoint = servicePrivateEndpoint(this, props, {
      targetResourceId: this.registryId,
      subresource: 'registry',
      zones: [PrivateLinkZone.CONTAINER_REGISTRY],
    });
    if (props.monitoring) {
      this.diagnosticSetting = props.monitoring.addDiagnosticSetting(this, 'Diagnostics', {
        targetResourceId: this.registryId,
        logCategories: LOG_CATEGORIES,
        metrics: true,
      });
    }
  }

  /** The cache rules created so far, one per mirrored repository, in the order they were added. */
  public get cacheRules(): ContainerRegistryCacheRule[] {
    return [...this.mirrored.values()].map((m) => m.rule);
  }

  /**
   * The image as this mirror serves it: `https://<login server>`, the same repository path (or
   * `options.targetRepository`), tag or digest, port and app settings, pulled with the app's
   * managed identity. Adds the cache rule for the repository unless it exists already, so that
   * mirroring one image twice returns the same image and one rule.
   *
   * Only images of a {@link MirrorUpstream} can be mirrored. Pulls by digest are cached too.
   *
   * @see https://github.com/Azure/acr/issues/862
   */
  public mirror(image: ContainerImage): ContainerImage {
    return this.mirrorAs(image, {});
  }

  /**
   * {@link RegistryMirror.mirror} with options, e.g. another repository path in the mirror when
   * the image's own path is taken.
   */
  public mirrorAs(image: ContainerImage, options: MirrorOptions): ContainerImage {
    checkField(this, 'image', image, IMAGE_REF);
    checkShape(this, options, { targetRepository: is.string() }, 'options');
    // An image this mirror already serves stays as it is.
    if (image.registryUrl === this.registryUrl) return image;
    const host = this.upstreamHost(image.registryUrl);
    const repository = this.repositoryOf(image, host);
    const target = options.targetRepository ?? repository;
    checkNotBlank(this, 'options.targetRepository', target);
    if (!REPOSITORY_PATH.test(target)) {
      throw propError(this, 'options.targetRepository', 'must be a repository path in lowercase letters, digits, \'.\', \'_\', \'-\' and \'/\'', target);
    }
    this.checkPin(image);

    const source = `${host}/${repository}`;
    const existing = this.mirrored.get(target);
    if (existing && existing.source !== source) {
      throw propError(this, options.targetRepository === undefined ? 'image.imageName' : 'options.targetRepository',
        `must name a repository this mirror does not already fill from another upstream ('${target}' mirrors '${existing.source}'); `
        + 'pass another options.targetRepository', target);
    }
    if (!existing) {
      const name = cacheRuleName(target);
      const rule = new ContainerRegistryCacheRule(this, name, {
        name,
        containerRegistryId: this.registryId,
        sourceRepo: source,
        targetRepo: target,
      });
      this.mirrored.set(target, { source, rule });
      for (const grant of this.pullGrants) dependOn(grant, rule);
    }

    const settings = {
      port: image.port,
      appSettings: { ...image.appSettings },
      allowMutableTag: image.allowMutableTag,
      pullWithManagedIdentity: true,
    };
    return image.digest !== undefined
      ? ContainerImage.fromRegistryDigest(this.registryUrl, target, image.digest, settings)
      : ContainerImage.fromRegistry(this.registryUrl, target, image.tag ?? '', settings);
  }

  /**
   * Lets `principal` pull from the registry (`AcrPull`).
   *
   * The assignment is created after every cache rule of the mirror (those added later too), so
   * that an app waiting for it finds its repository's rule in place on its first pull.
   *
   * @returns the role assignment, which the app must be created after (plus a wait for it to propagate)
   */
  public grantPull(principal: IPrincipal): RoleAssignment {
    checkField(this, 'principal', principal, PRINCIPAL_REF(true));
    const grant = grantRole(this, { scopeId: this.registryId, roleDefinitionName: 'AcrPull', principal }, ACR_PULL_ROLE_ID);
    if (!this.pullGrants.includes(grant)) this.pullGrants.push(grant);
    for (const { rule } of this.mirrored.values()) dependOn(grant, rule);
    return grant;
  }

  /** The upstream host of an image's registry URL, or a named error that lists the upstreams. */
  private upstreamHost(registryUrl: string): string {
    const upstreams = MirrorUpstream.all();
    const allowed = `must be the URL of a registry that ACR artifact cache pulls from without credentials (${upstreams.map((u) => `'${u.registryUrl}'`).join(', ')})`;
    checkNotBlank(this, 'image.registryUrl', registryUrl);
    if (isUnresolved(registryUrl)) {
      throw ruleError(this, `'image.registryUrl' ${allowed}, known at synth because the cache rule's source is fixed then, got a Terraform expression`);
    }
    const host = hostOf(registryUrl);
    if (host === undefined) throw propError(this, 'image.registryUrl', `${allowed}, with its scheme and no path`, registryUrl);
    if (!upstreams.some((u) => u.host === host)) {
      throw propError(this, 'image.registryUrl', `${allowed}; '${host}' is ${refusalFor(host)}`, registryUrl);
    }
    return host;
  }

  /** The image's repository path, checked: it becomes the cache rule's source and target. */
  private repositoryOf(image: ContainerImage, host: string): string {
    const repository = image.imageName;
    checkNotBlank(this, 'image.imageName', repository);
    if (isUnresolved(repository)) {
      throw ruleError(this, '\'image.imageName\' must be known at synth, because the cache rule\'s source is fixed then, got a Terraform expression');
    }
    if (!REPOSITORY_PATH.test(repository)) {
      throw propError(this, 'image.imageName',
        'must be a repository path in lowercase letters, digits, \'.\', \'_\', \'-\' and \'/\', without registry host, tag, digest or wildcard', repository);
    }
    const first = repository.split('/')[0];
    if (repository.includes('/') && (first === host || MirrorUpstream.all().some((u) => u.host === first))) {
      throw propError(this, 'image.imageName', `must be the repository path inside the registry, not start with a registry host ('${first}'): `
        + 'put the registry in \'registryUrl\'', repository);
    }
    return repository;
  }

  /** The tag or digest must be one App Service can pull; the web app checks whether a tag moves. */
  private checkPin(image: ContainerImage): void {
    if (image.digest !== undefined) {
      if (!isUnresolved(image.digest) && !SHA256_DIGEST.test(image.digest)) {
        throw propError(this, 'image.digest', 'must be \'sha256:\' followed by 64 lowercase hex characters', image.digest);
      }
      return;
    }
    const tag = image.tag ?? '';
    if (!isUnresolved(tag) && !DOCKER_TAG.test(tag)) {
      throw propError(this, 'image.tag', 'must be a Docker tag: up to 128 letters, digits, \'_\', \'.\' and \'-\', not starting with \'.\' or \'-\'', tag);
    }
  }
}

/** Rules each grant already waits for. */
const WAITS_FOR = new WeakMap<RoleAssignment, Set<ContainerRegistryCacheRule>>();

/**
 * Makes `grant` wait for `rule` (once). `depends_on` takes a bare address (`type.name`); it is
 * read at synth so that an `overrideLogicalId` on the rule still holds.
 */
function dependOn(grant: RoleAssignment, rule: ContainerRegistryCacheRule): void {
  const waits = WAITS_FOR.get(grant) ?? new Set<ContainerRegistryCacheRule>();
  if (waits.has(rule)) return;
  waits.add(rule);
  WAITS_FOR.set(grant, waits);
  grant.dependsOn = [...(grant.dependsOn ?? []), Lazy.stringValue({ produce: () => `${rule.terraformResourceType}.${rule.friendlyUniqueId}` })];
}

/** `cr<8 hex>`: a registry name holds no hyphen, so Names.globallyUnique joins prefix and hash directly. */
function registryNameFor(scope: Construct): string {
  return Names.globallyUnique(scope, AzureNameRule.CONTAINER_REGISTRY, 'cr');
}
