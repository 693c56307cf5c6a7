import { DatabricksWorkspace as AzDatabricksWorkspace } from '@cdktf/provider-azurerm/lib/databricks-workspace';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import {
  AZURE_DATABRICKS_APP_ID, BACKEND_PRIVATE_LINK_PORTS, DATABRICKS_DELEGATION, DATABRICKS_WORKSPACE_NAME, MIN_DATABRICKS_SUBNET_PREFIX,
  WORKSPACE_LOG_CATEGORIES,
} from './private/facts';
import { AzureNameRule, Names } from '../core/names';
import { Cidr, overlaps, parseCidr } from '../core/private/cidr';
import { checkPlacement } from '../core/private/placement';
import { CUSTOMER_MANAGED_KEY_REF, DNS_ZONES_REF, MONITORING_REF, NETWORK_REF } from '../core/private/references';
import { checkSameRegionAsNetwork } from '../core/private/regions';
import { checkField, checkNotBlank, checkOneOf, checkRefused, checkResourceId, checkShape, checkTags, checkTrimmed, is, isUnresolved, parseResourceId, propError, ruleError, Shape, warn } from '../core/private/validate';
import { IMonitoring } from '../monitoring/monitoring';
import { resolvedText } from '../network/private/flows';
import { PrivateLinkZone } from '../network/private-dns-zones';
import { EndpointCaller, PrivateEndpointOptions, ServicePrivateEndpoint } from '../network/private-endpoint';
import { IPrivateNetwork, PrivateNetwork } from '../network/private-network';
import { ICustomerManagedKey } from '../secrets/customer-managed-key';
import { EncryptionKey } from '../secrets/encryption-key';
import { CRYPTO_SERVICE_ENCRYPTION_USER_ROLE, parseKeyId } from '../secrets/private/keys';

/** Pricing tier of an Azure Databricks workspace. */
export enum DatabricksSku {
  /** Premium: Private Link, customer-managed keys, Unity Catalog, model serving permissions. */
  PREMIUM = 'premium',
  /** Standard: no Private Link and no customer-managed keys; refused with Private Link. */
  STANDARD = 'standard',
  /** Trial (14 days of Premium features, then Standard). */
  TRIAL = 'trial',
}

/**
 * An Azure Databricks workspace, created here or existing: what a model-serving construct and an
 * AI gateway backend need of it.
 */
export interface IDatabricksWorkspace extends IConstruct {
  /** Resource id (`…/providers/Microsoft.Databricks/workspaces/<name>`), the databricks provider's `azure_workspace_resource_id`. */
  readonly workspaceResourceId: string;
  /** Workspace URL without scheme, `adb-<workspace id>.<n>.azuredatabricks.net`. */
  readonly workspaceUrl: string;
  /** Region of the workspace. */
  readonly location?: string;
  /**
   * Whether the workspace has a `databricks_ui_api` private endpoint, so that a caller in the
   * network (a gateway) reaches its REST API and serving endpoints privately.
   */
  readonly hasPrivateEndpoint: boolean;
}

/** Attributes of an existing workspace, for {@link DatabricksWorkspace.fromAttributes}. */
export interface DatabricksWorkspaceAttributes {
  /** Resource id of the workspace. */
  readonly workspaceResourceId: string;
  /** Workspace URL, `adb-<workspace id>.<n>.azuredatabricks.net` (with or without `https://`). */
  readonly workspaceUrl: string;
  /**
   * Whether the workspace has a `databricks_ui_api` private endpoint that the callers' network
   * resolves (through `privatelink.azuredatabricks.net`). A gateway backend refuses a workspace
   * without one.
   */
  readonly hasPrivateEndpoint: boolean;
  /**
   * Region of the workspace.
   *
   * @default - unknown; region checks are skipped
   */
  readonly location?: string;
}

/** The two subnets of a VNet-injected workspace. Create them, or pass existing ones. */
export class DatabricksSubnets {
  /**
   * Creates the host (public) and container (private) subnets in the workspace's network, each
   * delegated to `Microsoft.Databricks/workspaces` and with its own NSG. The network must be a
   * {@link PrivateNetwork}, or `PrivateNetwork.fromAttributes` with a literal VNet id.
   *
   * @param hostSubnetCidr range of the host subnet, /26 or larger
   * @param containerSubnetCidr range of the container subnet, /26 or larger
   */
  public static create(hostSubnetCidr: string, containerSubnetCidr: string): DatabricksSubnets {
    checkField('DatabricksSubnets.create', 'hostSubnetCidr', hostSubnetCidr, is.string(true));
    checkField('DatabricksSubnets.create', 'containerSubnetCidr', containerSubnetCidr, is.string(true));
    return new DatabricksSubnets(hostSubnetCidr, containerSubnetCidr, undefined, undefined);
  }

  /**
   * Existing subnets of this stack (e.g. a network team's constructs): checked for the delegation
   * to `Microsoft.Databricks/workspaces`, for a /26 or larger range, and for an NSG association
   * in the stack, which the workspace references.
   */
  public static fromSubnets(hostSubnet: Subnet, containerSubnet: Subnet): DatabricksSubnets {
    checkField('DatabricksSubnets.fromSubnets', 'hostSubnet', hostSubnet, is.instance(Subnet, 'an azurerm Subnet', true));
    checkField('DatabricksSubnets.fromSubnets', 'containerSubnet', containerSubnet, is.instance(Subnet, 'an azurerm Subnet', true));
    return new DatabricksSubnets(undefined, undefined, hostSubnet, containerSubnet);
  }

  /**
   * Range of the host subnet to create.
   *
   * @default - existing subnets
   */
  public readonly hostCidr?: string;
  /**
   * Range of the container subnet to create.
   *
   * @default - existing subnets
   */
  public readonly containerCidr?: string;
  /**
   * Existing host subnet.
   *
   * @default - created
   */
  public readonly hostSubnet?: Subnet;
  /**
   * Existing container subnet.
   *
   * @default - created
   */
  public readonly containerSubnet?: Subnet;

  private constructor(hostCidr?: string, containerCidr?: string, host?: Subnet, container?: Subnet) {
    this.hostCidr = hostCidr;
    this.containerCidr = containerCidr;
    this.hostSubnet = host;
    this.containerSubnet = container;
  }
}

/** Customer-managed keys of a workspace (Premium only). At least one of the two. */
export interface DatabricksCustomerManagedKeys {
  /**
   * Key of the control plane's managed services data (notebooks, secrets, queries). azurerm 4.55
   * takes a VERSIONED key id here. The Azure Databricks first-party application
   * (`2ff814a6-3304-4ab8-85cb-cd0e6f879c1d`) must hold Get, Wrap Key and Unwrap Key on the key
   * (`Key Vault Crypto Service Encryption User` on an RBAC vault) before the apply: that
   * grant is the key owner's, not this construct's (see docs/databricks.md).
   *
   * @default - Microsoft-managed keys for managed services
   */
  readonly managedServices?: ICustomerManagedKey;
  /**
   * Key of the compute plane's managed disks (a VERSIONED key id). The workspace's disk
   * encryption set gets a system identity; this construct grants it `Key Vault Crypto Service
   * Encryption User` on the key's vault.
   *
   * @default - Microsoft-managed keys for managed disks
   */
  readonly managedDisks?: ICustomerManagedKey;
  /**
   * Let the disk encryption set follow new versions of the disk key.
   *
   * @default true when `managedDisks` is set
   */
  readonly managedDiskKeyRotation?: boolean;
}

/** Props of {@link DatabricksWorkspace}. */
export interface DatabricksWorkspaceProps extends PrivateEndpointOptions {
  /** Resource group of the workspace, its subnets' NSGs and its private endpoints. */
  readonly resourceGroupName: string;
  /** Region: the VNet's (Databricks requires the VNet in the workspace's region and subscription). */
  readonly location: string;
  /** The host and container subnets: `DatabricksSubnets.create(hostCidr, containerCidr)` or `DatabricksSubnets.fromSubnets(host, container)`. */
  readonly subnets: DatabricksSubnets;
  /**
   * Name of the workspace. Changing it replaces the workspace.
   *
   * @default - `dbw-<id>-<8 hex characters>` hashed from the construct path
   */
  readonly name?: string;
  /**
   * Pricing tier. Private Link and customer-managed keys need Premium.
   *
   * @default DatabricksSku.PREMIUM
   */
  readonly sku?: DatabricksSku;
  /**
   * Name of the resource group Databricks creates and locks for the workspace's managed resources.
   *
   * @default - `<resourceGroupName>-dbw-<8 hex characters>`
   */
  readonly managedResourceGroupName?: string;
  /**
   * Create the `browser_authentication` private endpoint, which Entra ID sign-in to the web app
   * needs when users have no Internet path. There is ONE per region and private DNS zone: every
   * workspace of the region whose names resolve through the same `privatelink.azuredatabricks.net`
   * shares it, so the second workspace of a region sets this to false. Deleting the workspace
   * that holds it breaks sign-in for the others; Microsoft suggests a small "web auth" workspace
   * that only holds this endpoint.
   *
   * @default true
   * @see https://learn.microsoft.com/azure/databricks/security/network/classic/private-link-standard
   */
  readonly browserAuthentication?: boolean;
  /**
   * Customer-managed keys for managed services and/or managed disks.
   *
   * @default - Microsoft-managed keys
   */
  readonly customerManagedKeys?: DatabricksCustomerManagedKeys;
  /**
   * Workspace that receives the audit and model-serving logs.
   *
   * @default - no diagnostic setting
   */
  readonly monitoring?: IMonitoring;
  /**
   * `lifecycle.prevent_destroy` on the workspace: a replaced workspace loses its notebooks,
   * models, serving endpoints and URL.
   *
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * Tags of every resource created here.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * Settings that would open the workspace to a public network, and why each is refused (a
 * JavaScript caller, or TypeScript holding `any`, can pass them).
 */
const REFUSED: { readonly [prop: string]: string } = {
  publicNetworkAccessEnabled: 'the workspace is reached only through its private endpoints (public_network_access_enabled = false)',
  noPublicIp: 'secure cluster connectivity is always on (custom_parameters.no_public_ip = true): cluster nodes get no public IP',
  networkSecurityGroupRulesRequired: "back-end Private Link needs 'NoAzureDatabricksRules', which is always set",
};

const SHAPE: Shape = {
  resourceGroupName: is.string(true),
  location: is.string(true),
  network: NETWORK_REF(true),
  dnsZones: DNS_ZONES_REF(true),
  subnets: is.instance(DatabricksSubnets, 'DatabricksSubnets.create(hostCidr, containerCidr) or DatabricksSubnets.fromSubnets(host, container)', true),
  name: is.string(),
  sku: is.any(),
  managedResourceGroupName: is.string(),
  browserAuthentication: is.boolean(),
  customerManagedKeys: is.object({
    managedServices: CUSTOMER_MANAGED_KEY_REF(), managedDisks: CUSTOMER_MANAGED_KEY_REF(), managedDiskKeyRotation: is.boolean(),
  }),
  monitoring: MONITORING_REF(),
  preventDestroy: is.boolean(),
  tags: is.stringMap(),
};

const SKUS: readonly DatabricksSku[] = [DatabricksSku.PREMIUM, DatabricksSku.STANDARD, DatabricksSku.TRIAL];

/**
 * A private Azure Databricks workspace: Premium, injected into two delegated subnets of your VNet,
 * secure cluster connectivity (no public IPs on cluster nodes), public network access off,
 * front-end and back-end Private Link through one `databricks_ui_api` endpoint, and the region's
 * `browser_authentication` endpoint, both in `privatelink.azuredatabricks.net`.
 *
 * NSGs: each subnet gets its own empty NSG. Databricks writes the rules it needs into them through
 * the subnet delegation (intra-VNet traffic between the two subnets), and with
 * `network_security_group_rules_required = "NoAzureDatabricksRules"` it adds no outbound rules to
 * its public control plane: clusters reach it through the private endpoint instead. The NSGs have
 * no inline rules, so Terraform does not fight the rules Databricks owns.
 *
 * The workspace's data plane (REST API, serving endpoints) is private: the databricks provider can
 * only reach it from inside the network, so model serving lives in a second stack
 * (`DatabricksServingEndpoint`, docs/databricks.md).
 *
 * @see https://learn.microsoft.com/azure/databricks/security/network/classic/vnet-inject
 * @see https://learn.microsoft.com/azure/databricks/security/network/classic/private-link-standard
 */
export class DatabricksWorkspace extends Construct implements IDatabricksWorkspace {
  /** An existing workspace: nothing is created. */
  public static fromAttributes(scope: Construct, id: string, attrs: DatabricksWorkspaceAttributes): IDatabricksWorkspace {
    return new ImportedDatabricksWorkspace(scope, id, attrs);
  }

  public readonly workspaceResourceId: string;
  public readonly workspaceUrl: string;
  public readonly location?: string;
  public readonly hasPrivateEndpoint: boolean = true;
  /** Name of the workspace. */
  public readonly workspaceName: string;
  /** The numeric workspace id Databricks assigns (known after apply). */
  public readonly workspaceNumericId: string;
  /** The `azurerm_databricks_workspace` (escape hatch). */
  public readonly resource: AzDatabricksWorkspace;
  /** The `databricks_ui_api` private endpoint (front-end and back-end Private Link). Call `allowFrom` for each caller. */
  public readonly privateEndpoint: ServicePrivateEndpoint;
  /** The region's `browser_authentication` private endpoint, unless `browserAuthentication` is false. */
  public readonly browserAuthenticationEndpoint?: ServicePrivateEndpoint;
  /** Host (public) subnet id. */
  public readonly hostSubnetId: string;
  /** Container (private) subnet id. */
  public readonly containerSubnetId: string;
  /** NSG of the host subnet, when created here. */
  public readonly hostNsg?: NetworkSecurityGroup;
  /** NSG of the container subnet, when created here. */
  public readonly containerNsg?: NetworkSecurityGroup;
  /** The audit log diagnostic setting, when `monitoring` is given. */
  public readonly diagnosticSetting?: MonitorDiagnosticSetting;
  /** The disk encryption set identity's role on the disk key's vault, when `customerManagedKeys.managedDisks` is set. */
  public readonly diskKeyRoleAssignment?: RoleAssignment;

  constructor(scope: Construct, id: string, props: DatabricksWorkspaceProps) {
    super(scope, id);
    this.validate(props);
    const tags = props.tags;
    const sku = props.sku ?? DatabricksSku.PREMIUM;
    const keys = props.customerManagedKeys;
    this.location = props.location;
    this.workspaceName = props.name ?? Names.local(this, DATABRICKS_WORKSPACE_NAME, `dbw-${id}`);

    const subnets = this.subnetsOf(props, tags);
    this.hostSubnetId = subnets.host.id;
    this.containerSubnetId = subnets.container.id;

    this.resource = new AzDatabricksWorkspace(this, 'Resource', {
      name: this.workspaceName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku,
      managedResourceGroupName: props.managedResourceGroupName ?? `${props.resourceGroupName}-dbw-${Names.hashOf(this, 8)}`.slice(0, 90),
      // Written out although false is what scanners want: they read the JSON, not the default.
      publicNetworkAccessEnabled: false,
      // Back-end Private Link: Databricks adds no NSG rules towards its public control plane.
      networkSecurityGroupRulesRequired: 'NoAzureDatabricksRules',
      customParameters: {
        noPublicIp: true,
        virtualNetworkId: subnets.virtualNetworkId,
        publicSubnetName: subnets.host.name,
        privateSubnetName: subnets.container.name,
        publicSubnetNetworkSecurityGroupAssociationId: subnets.host.associationId,
        privateSubnetNetworkSecurityGroupAssociationId: subnets.container.associationId,
      },
      // The vault ids too: without them azurerm looks each key's vault up in the workspace's own
      // subscription, and the apply fails for a vault in another one (a central key vault).
      ...(keys?.managedServices ? {
        managedServicesCmkKeyVaultKeyId: keys.managedServices.keyId,
        managedServicesCmkKeyVaultId: keys.managedServices.keyVaultId,
      } : {}),
      ...(keys?.managedDisks ? {
        managedDiskCmkKeyVaultKeyId: keys.managedDisks.keyId,
        managedDiskCmkKeyVaultId: keys.managedDisks.keyVaultId,
        managedDiskCmkRotationToLatestVersionEnabled: keys.managedDiskKeyRotation ?? true,
      } : {}),
      dependsOn: subnets.dependables,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
      tags,
    });
    this.workspaceResourceId = this.resource.id;
    this.workspaceUrl = this.resource.workspaceUrl;
    this.workspaceNumericId = this.resource.workspaceId;

    const endpointProps = {
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      network: props.network,
      dnsZones: props.dnsZones,
      targetResourceId: this.workspaceResourceId,
      zones: [PrivateLinkZone.AZURE_DATABRICKS],
      tags,
    };
    this.privateEndpoint = new ServicePrivateEndpoint(this, 'PrivateEndpoint', {
      ...endpointProps,
      subresource: 'databricks_ui_api',
      // Callers of the REST API (a gateway) use 443; the clusters also use the relay and
      // control-plane ports (back-end Private Link).
      servicePorts: [...BACKEND_PRIVATE_LINK_PORTS],
    });
    // The compute plane reaches its control plane through this endpoint.
    for (const [which, cidr] of [['host', subnets.hostCidr], ['container', subnets.containerCidr]] as const) {
      if (cidr !== undefined) {
        this.privateEndpoint.allowFrom(EndpointCaller.addressPrefix(cidr), `Databricks ${which} subnet to its control plane (back-end Private Link)`);
      } else {
        warn(this, 'databricks-backend-flow', `the range of 'subnets.${which}Subnet' is not known at synth, so no NSG rule lets it reach the workspace's `
          + `databricks_ui_api private endpoint: allow it on TCP ${BACKEND_PRIVATE_LINK_PORTS.join(', ')} (back-end Private Link), or clusters cannot start`);
      }
    }
    if (props.browserAuthentication ?? true) {
      this.browserAuthenticationEndpoint = new ServicePrivateEndpoint(this, 'BrowserAuthenticationEndpoint', {
        ...endpointProps,
        subresource: 'browser_authentication',
        servicePorts: [443],
      });
      // Browsers follow Entra's redirect to this endpoint after sign-in: users come through the
      // VNet, its peerings, VPN or ExpressRoute, like the chat app's users.
      this.browserAuthenticationEndpoint.allowFrom(EndpointCaller.virtualNetwork(), 'Browsers completing Entra sign-in to Azure Databricks');
    }

    if (keys?.managedDisks) {
      this.diskKeyRoleAssignment = new RoleAssignment(this, 'DiskKeyRole', {
        scope: keys.managedDisks.keyVaultId,
        roleDefinitionName: CRYPTO_SERVICE_ENCRYPTION_USER_ROLE.name,
        principalId: this.resource.managedDiskIdentity.get(0).principalId,
        principalType: 'ServicePrincipal',
        description: 'Azure Databricks disk encryption set: wrap and unwrap the managed disk key',
      });
    }
    if (keys?.managedServices) {
      warn(this, 'databricks-managed-services-key-grant', "'customerManagedKeys.managedServices' is set: the Azure Databricks application "
        + `(${AZURE_DATABRICKS_APP_ID}) must hold Get, Wrap Key and Unwrap Key on that key before the apply, or the workspace update fails; `
        + 'the key owner grants it (docs/databricks.md)');
    }

    if (props.monitoring) {
      this.diagnosticSetting = props.monitoring.addDiagnosticSetting(this, 'Diagnostics', {
        targetResourceId: this.workspaceResourceId,
        logCategories: [...WORKSPACE_LOG_CATEGORIES],
        metrics: false,
      });
    }
  }

  private validate(props: DatabricksWorkspaceProps): void {
    checkRefused(this, props, REFUSED);
    checkShape(this, props, SHAPE);
    checkOneOf(this, 'sku', props.sku, SKUS);
    checkTags(this, 'tags', props.tags);
    checkPlacement(this, props.resourceGroupName, props.location);
    checkSameRegionAsNetwork(this, 'location', props.location, props.network.location);
    checkTrimmed(this, 'name', props.name);
    DATABRICKS_WORKSPACE_NAME.validate(this, 'name', props.name);
    checkNotBlank(this, 'managedResourceGroupName', props.managedResourceGroupName);
    AzureNameRule.RESOURCE_GROUP.validate(this, 'managedResourceGroupName', props.managedResourceGroupName);
    if (props.managedResourceGroupName !== undefined && !isUnresolved(props.managedResourceGroupName)
      && !isUnresolved(props.resourceGroupName) && props.managedResourceGroupName.toLowerCase() === props.resourceGroupName.toLowerCase()) {
      throw propError(this, 'managedResourceGroupName', "must differ from 'resourceGroupName': Databricks creates and locks its own resource group", props.managedResourceGroupName);
    }
    if (props.sku !== undefined && props.sku !== DatabricksSku.PREMIUM) {
      throw propError(this, 'sku', `must be DatabricksSku.PREMIUM: Private Link (the workspace has public access off and private endpoints) needs the Premium tier, and a ${props.sku} workspace is refused by Azure`, props.sku);
    }
    const keys = props.customerManagedKeys;
    if (keys !== undefined) {
      if (!keys.managedServices && !keys.managedDisks) {
        throw propError(this, 'customerManagedKeys', "must set 'managedServices', 'managedDisks' or both (or be left out)", {});
      }
      if (keys.managedDiskKeyRotation !== undefined && !keys.managedDisks) {
        throw ruleError(this, "'customerManagedKeys.managedDiskKeyRotation' needs 'customerManagedKeys.managedDisks' (azurerm: RequiredWith managed_disk_cmk_key_vault_key_id), got no disk key");
      }
      for (const which of ['managedServices', 'managedDisks'] as const) {
        const key = keys[which];
        if (!key) continue;
        const prop = `customerManagedKeys.${which}`;
        if (key instanceof EncryptionKey) {
          throw ruleError(this, `'${prop}' must name a key version: azurerm_databricks_workspace takes only a versioned key id (…/keys/<name>/<version>), `
            + "and an EncryptionKey created in the stack gives a versionless one; pass an ICustomerManagedKey whose keyId names the key's current version "
            + '(EncryptionKey.fromKeyId takes versionless ids only), '
            + `got the EncryptionKey '${key.node.path}'`);
        }
        if (!isUnresolved(key.keyId) && parseKeyId(key.keyId)?.version === undefined) {
          throw propError(this, `${prop}.keyId`, 'must be a versioned Key Vault key id (https://<vault>.vault.azure.net/keys/<name>/<version>): azurerm_databricks_workspace refuses a versionless one', key.keyId);
        }
        checkResourceId(this, `${prop}.keyVaultId`, key.keyVaultId, 'Microsoft.KeyVault/vaults');
      }
    }
  }

  private subnetsOf(props: DatabricksWorkspaceProps, tags: { [key: string]: string } | undefined): ResolvedSubnets {
    const subnets = props.subnets;
    if (subnets.hostSubnet && subnets.containerSubnet) return this.existingSubnets(subnets.hostSubnet, subnets.containerSubnet, props.network);
    const host = this.checkCidr('subnets.hostSubnetCidr', subnets.hostCidr!);
    const container = this.checkCidr('subnets.containerSubnetCidr', subnets.containerCidr!);
    if (host && container && overlaps(host, container)) {
      throw ruleError(this, `'subnets.hostSubnetCidr' ('${host.text}') and 'subnets.containerSubnetCidr' ('${container.text}') must not overlap, got both`);
    }
    const vnet = vnetOf(this, props.network);
    const make = (key: 'Host' | 'Container', name: string, cidr: string) => {
      const nsg = new NetworkSecurityGroup(this, `${key}Nsg`, {
        name: Names.local(this, AzureNameRule.NETWORK_RESOURCE, `nsg-${name}`),
        resourceGroupName: props.resourceGroupName,
        location: props.location,
        // No inline security_rule: Databricks owns the rules of these NSGs through the delegation,
        // and inline rules would make every plan remove them.
        tags,
      });
      const subnet = new Subnet(this, `${key}Subnet`, {
        name,
        resourceGroupName: vnet.resourceGroupName,
        virtualNetworkName: vnet.name,
        addressPrefixes: [cidr],
        defaultOutboundAccessEnabled: false,
        delegation: [{
          name: 'databricks',
          serviceDelegation: {
            name: DATABRICKS_DELEGATION,
            // The actions Azure sets for this delegation; written out so that plans show no drift.
            actions: [
              'Microsoft.Network/virtualNetworks/subnets/join/action',
              'Microsoft.Network/virtualNetworks/subnets/prepareNetworkPolicies/action',
              'Microsoft.Network/virtualNetworks/subnets/unprepareNetworkPolicies/action',
            ],
          },
        }],
      });
      const association = new SubnetNetworkSecurityGroupAssociation(this, `${key}NsgAssociation`, { subnetId: subnet.id, networkSecurityGroupId: nsg.id });
      return { subnet, nsg, association };
    };
    const hostName = `${this.node.id}-host`.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 60);
    const containerName = `${this.node.id}-container`.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 60);
    const h = make('Host', `snet-${hostName}`, subnets.hostCidr!);
    const c = make('Container', `snet-${containerName}`, subnets.containerCidr!);
    (this as { hostNsg?: NetworkSecurityGroup }).hostNsg = h.nsg;
    (this as { containerNsg?: NetworkSecurityGroup }).containerNsg = c.nsg;
    return {
      virtualNetworkId: props.network.virtualNetworkId,
      host: { id: h.subnet.id, name: h.subnet.name, associationId: h.association.id },
      container: { id: c.subnet.id, name: c.subnet.name, associationId: c.association.id },
      hostCidr: subnets.hostCidr,
      containerCidr: subnets.containerCidr,
      dependables: [h.association, c.association],
    };
  }

  private existingSubnets(host: Subnet, container: Subnet, network: IPrivateNetwork): ResolvedSubnets {
    const stack = TerraformStack.of(this);
    const associations = stack.node.findAll()
      .filter((c): c is SubnetNetworkSecurityGroupAssociation => c instanceof SubnetNetworkSecurityGroupAssociation);
    const check = (prop: string, subnet: Subnet) => {
      const delegation = subnet.delegationInput;
      if (!isUnresolved(delegation)) {
        const names = (Array.isArray(delegation) ? delegation : []).map((d) => d.serviceDelegation?.name);
        if (!names.includes(DATABRICKS_DELEGATION)) {
          throw propError(this, prop, `must be delegated to '${DATABRICKS_DELEGATION}' (Databricks deploys cluster nodes only into subnets delegated to it)`,
            names.length ? names : 'no delegation');
        }
      }
      for (const cidr of subnet.addressPrefixesInput ?? []) this.checkCidr(prop, cidr);
      // References are compared by what they synthesize to (each read of `id` is a new token).
      const wanted = resolvedText(this, subnet.id);
      const association = associations.find((a) => a.subnetIdInput !== undefined && resolvedText(this, a.subnetIdInput) === wanted);
      if (!association) {
        throw propError(this, prop, 'must have an NSG association (azurerm_subnet_network_security_group_association) in this stack: the workspace references it', subnet.node.path);
      }
      return { id: subnet.id, name: subnet.name, associationId: association.id, association };
    };
    const h = check('subnets.hostSubnet', host);
    const c = check('subnets.containerSubnet', container);
    if (host === container) throw ruleError(this, "'subnets.hostSubnet' and 'subnets.containerSubnet' must be two different subnets, got the same one twice");
    const cidrs = (s: Subnet) => (s.addressPrefixesInput && !isUnresolved(s.addressPrefixesInput) ? s.addressPrefixesInput[0] : undefined);
    return {
      virtualNetworkId: network.virtualNetworkId,
      host: h,
      container: c,
      hostCidr: cidrs(host),
      containerCidr: cidrs(container),
      dependables: [h.association, c.association],
    };
  }

  private checkCidr(prop: string, text: string): Cidr | undefined {
    if (isUnresolved(text)) return undefined;
    const cidr = parseCidr(text);
    if (typeof cidr === 'string') throw propError(this, prop, cidr, text);
    if (cidr.prefix > MIN_DATABRICKS_SUBNET_PREFIX) {
      throw propError(this, prop, `must be a /${MIN_DATABRICKS_SUBNET_PREFIX} or larger: Azure Databricks needs at least a /${MIN_DATABRICKS_SUBNET_PREFIX} per workspace subnet`, cidr.text);
    }
    return cidr;
  }
}

interface ResolvedSubnet {
  readonly id: string;
  readonly name: string;
  readonly associationId: string;
}

interface ResolvedSubnets {
  readonly virtualNetworkId: string;
  readonly host: ResolvedSubnet;
  readonly container: ResolvedSubnet;
  readonly hostCidr?: string;
  readonly containerCidr?: string;
  readonly dependables: SubnetNetworkSecurityGroupAssociation[];
}

/** Name and resource group of the network's VNet, for subnets created in it. */
function vnetOf(scope: Construct, network: IPrivateNetwork): { name: string; resourceGroupName: string } {
  if (network instanceof PrivateNetwork) {
    return { name: network.virtualNetwork.name, resourceGroupName: network.virtualNetwork.resourceGroupName };
  }
  const parsed = isUnresolved(network.virtualNetworkId) ? undefined : parseResourceId(network.virtualNetworkId);
  if (!parsed || parsed.fullType.toLowerCase() !== 'microsoft.network/virtualnetworks') {
    throw propError(scope, 'network.virtualNetworkId', 'must be a literal VNet id for DatabricksSubnets.create (the subnets are created in it); '
      + 'or pass existing subnets with DatabricksSubnets.fromSubnets', network.virtualNetworkId);
  }
  return { name: parsed.names[0], resourceGroupName: parsed.resourceGroup };
}

/** An existing workspace, from {@link DatabricksWorkspace.fromAttributes}. */
class ImportedDatabricksWorkspace extends Construct implements IDatabricksWorkspace {
  /** Shown in error messages instead of this internal class name. */
  public static readonly errorKind = 'DatabricksWorkspace.fromAttributes';

  public readonly workspaceResourceId: string;
  public readonly workspaceUrl: string;
  public readonly location?: string;
  public readonly hasPrivateEndpoint: boolean;

  constructor(scope: Construct, id: string, attrs: DatabricksWorkspaceAttributes) {
    super(scope, id);
    checkShape(this, attrs, {
      workspaceResourceId: is.string(true), workspaceUrl: is.string(true), hasPrivateEndpoint: is.boolean(true), location: is.string(),
    }, 'attrs');
    checkResourceId(this, 'attrs.workspaceResourceId', attrs.workspaceResourceId, 'Microsoft.Databricks/workspaces');
    checkNotBlank(this, 'attrs.workspaceUrl', attrs.workspaceUrl);
    checkTrimmed(this, 'attrs.workspaceUrl', attrs.workspaceUrl);
    let url = attrs.workspaceUrl;
    if (!isUnresolved(url)) {
      url = url.replace(/^https:\/\//, '').replace(/\/$/, '');
      if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.azuredatabricks\.net$/i.test(url)) {
        throw propError(this, 'attrs.workspaceUrl', 'must be a workspace URL such as adb-1234567890123456.7.azuredatabricks.net', attrs.workspaceUrl);
      }
    }
    this.workspaceResourceId = attrs.workspaceResourceId;
    this.workspaceUrl = url;
    this.location = attrs.location;
    this.hasPrivateEndpoint = attrs.hasPrivateEndpoint;
  }
}
