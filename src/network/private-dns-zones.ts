import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { Construct, IConstruct } from 'constructs';
import { IPrivateNetwork } from './private-network';
import { AzureNameRule, Names } from '../core/names';
import { claimZoneLink } from './private/stack-registry';
import { NETWORK_REF } from '../core/private/references';
import {
  checkField, checkNotBlank, checkOneOf, checkResourceId, checkShape, checkTags, checkTrimmed, is, isUnresolved, parseResourceId, propError,
  ruleError,
} from '../core/private/validate';

/**
 * A privatelink DNS zone of an Azure service, so that no caller writes a zone name by hand.
 *
 * @see https://learn.microsoft.com/azure/private-link/private-endpoint-dns
 */
export class PrivateLinkZone {
  /** The OpenAI endpoint (`account` subresource of an AI account, Foundry or Azure OpenAI). */
  public static readonly OPENAI = new PrivateLinkZone('openAi', 'privatelink.openai.azure.com', ['openai.azure.com']);
  /** Cognitive Services (`account` subresource; Azure registers the account's cognitiveservices name here). */
  public static readonly COGNITIVE_SERVICES = new PrivateLinkZone('cognitiveServices', 'privatelink.cognitiveservices.azure.com', ['cognitiveservices.azure.com']);
  /** Key Vault (`vault` subresource). */
  public static readonly KEY_VAULT = new PrivateLinkZone('keyVault', 'privatelink.vaultcore.azure.net', ['vault.azure.net', 'vaultcore.azure.net']);
  /** App Service and Functions (`sites` subresource). */
  public static readonly APP_SERVICE = new PrivateLinkZone('appService', 'privatelink.azurewebsites.net', ['azurewebsites.net']);
  /**
   * Microsoft Foundry (`account` subresource of an `AIServices` account). Such an account answers
   * on three names, so its endpoint needs this zone, {@link PrivateLinkZone.OPENAI} and
   * {@link PrivateLinkZone.COGNITIVE_SERVICES}.
   */
  public static readonly AI_SERVICES = new PrivateLinkZone('aiServices', 'privatelink.services.ai.azure.com', ['services.ai.azure.com']);
  /**
   * Azure Database for PostgreSQL Flexible Server (`postgresqlServer` subresource): the chat
   * history store. Not in {@link PrivateLinkZone.all}: a stack needs it only when it keeps history.
   */
  public static readonly POSTGRESQL = new PrivateLinkZone('postgreSql', 'privatelink.postgres.database.azure.com', ['postgres.database.azure.com']);
  /**
   * Azure Container Registry (`registry` subresource; the registry's regional data endpoints
   * register here too). Not in {@link PrivateLinkZone.all}: a stack needs it only with a registry mirror.
   */
  public static readonly CONTAINER_REGISTRY = new PrivateLinkZone('containerRegistry', 'privatelink.azurecr.io', ['azurecr.io']);
  /**
   * Azure API Management (`Gateway` subresource): the AI gateway. Not in {@link PrivateLinkZone.all}:
   * a stack needs it only with an AI gateway.
   *
   * @see https://learn.microsoft.com/azure/api-management/private-endpoint
   */
  public static readonly API_MANAGEMENT = new PrivateLinkZone('apiManagement', 'privatelink.azure-api.net', ['azure-api.net']);
  /**
   * Azure Monitor Private Link Scope (`azuremonitor` subresource): Application Insights and Log
   * Analytics ingestion and query endpoints. An AMPLS endpoint needs this zone and the four that
   * follow ({@link PrivateLinkZone.azureMonitor}). Not in {@link PrivateLinkZone.all}: a stack
   * needs them only for the AI gateway's token metrics.
   *
   * @see https://learn.microsoft.com/azure/azure-monitor/logs/private-link-configure
   */
  public static readonly AZURE_MONITOR = new PrivateLinkZone('azureMonitor', 'privatelink.monitor.azure.com', ['monitor.azure.com', 'applicationinsights.azure.com', 'services.visualstudio.com']);
  /** Log Analytics workspace endpoints (`<workspace id>.oms.opinsights.azure.com`), for an AMPLS endpoint. */
  public static readonly LOG_ANALYTICS_OMS = new PrivateLinkZone('omsOpinsights', 'privatelink.oms.opinsights.azure.com', ['oms.opinsights.azure.com']);
  /** Log Analytics ingestion endpoints (`<workspace id>.ods.opinsights.azure.com`), for an AMPLS endpoint. */
  public static readonly LOG_ANALYTICS_ODS = new PrivateLinkZone('odsOpinsights', 'privatelink.ods.opinsights.azure.com', ['ods.opinsights.azure.com']);
  /** Azure Automation agent endpoints (`<workspace id>.agentsvc.azure-automation.net`), for an AMPLS endpoint. */
  public static readonly AUTOMATION_AGENT = new PrivateLinkZone('agentService', 'privatelink.agentsvc.azure-automation.net', ['agentsvc.azure-automation.net']);
  /**
   * Blob storage (`blob` subresource of a storage account): the file store's uploads
   * (`PrivateFileStore`), and the storage account an AMPLS endpoint registers for monitoring
   * agents' solution packs. Not in {@link PrivateLinkZone.all}: a stack needs it only with a file
   * store or an AMPLS endpoint, and one zone serves both (list it once in
   * `PrivateDnsZonesProps.zones`).
   */
  public static readonly BLOB = new PrivateLinkZone('blob', 'privatelink.blob.core.windows.net', ['blob.core.windows.net']);
  /**
   * Azure Managed Redis (`redisEnterprise` subresource of `Microsoft.Cache/redisEnterprise`;
   * hosts `<name>.<region>.redis.azure.net`): the Redis Open WebUI's instances share. Not in
   * {@link PrivateLinkZone.all}: a stack needs it only with a `PrivateRedisCache`.
   *
   * @see https://learn.microsoft.com/azure/redis/private-link
   */
  public static readonly MANAGED_REDIS = new PrivateLinkZone('managedRedis', 'privatelink.redis.azure.net', ['redis.azure.net']);
  /**
   * Azure Databricks (`databricks_ui_api` and `browser_authentication` subresources of
   * `Microsoft.Databricks/workspaces`): the workspace's web app and REST API (`adb-<id>.<n>.azuredatabricks.net`,
   * model serving included), and the regional sign-in callback. Not in {@link PrivateLinkZone.all}:
   * a stack needs it only with a `DatabricksWorkspace`.
   *
   * @see https://learn.microsoft.com/azure/databricks/security/network/classic/private-link-standard
   */
  public static readonly AZURE_DATABRICKS = new PrivateLinkZone('azureDatabricks', 'privatelink.azuredatabricks.net', ['azuredatabricks.net']);

  /** The five zones of an Azure Monitor Private Link Scope's endpoint, in a fixed order. */
  public static azureMonitor(): PrivateLinkZone[] {
    return [
      PrivateLinkZone.AZURE_MONITOR, PrivateLinkZone.LOG_ANALYTICS_OMS, PrivateLinkZone.LOG_ANALYTICS_ODS,
      PrivateLinkZone.AUTOMATION_AGENT, PrivateLinkZone.BLOB,
    ];
  }

  /**
   * Every zone the private chat deployment needs, in a fixed order (zones added later come last,
   * so that the construct ids of existing zones never move).
   */
  public static all(): PrivateLinkZone[] {
    return [
      PrivateLinkZone.OPENAI, PrivateLinkZone.COGNITIVE_SERVICES, PrivateLinkZone.KEY_VAULT, PrivateLinkZone.APP_SERVICE,
      PrivateLinkZone.AI_SERVICES,
    ];
  }

  /**
   * Every zone the library knows: {@link PrivateLinkZone.all} and then the zones of optional
   * pieces (history store, registry mirror, AI gateway, shared Redis), in a fixed order.
   */
  public static known(): PrivateLinkZone[] {
    return [
      ...PrivateLinkZone.all(), PrivateLinkZone.POSTGRESQL, PrivateLinkZone.CONTAINER_REGISTRY, PrivateLinkZone.API_MANAGEMENT,
      ...PrivateLinkZone.azureMonitor(), PrivateLinkZone.MANAGED_REDIS, PrivateLinkZone.AZURE_DATABRICKS,
    ];
  }

  /**
   * The public DNS zones whose names Azure's public DNS points into this zone with a CNAME
   * (`<name>.openai.azure.com` → `<name>.privatelink.openai.azure.com`): the conditional forwarders
   * a corporate DNS server needs towards a resolver that sees this zone. Microsoft's "Public DNS
   * zone forwarders" column, without names already under another entry (`scm.azurewebsites.net`,
   * `<region>.data.azurecr.io`).
   *
   * @see https://learn.microsoft.com/azure/private-link/private-endpoint-dns
   */
  public get publicDnsZones(): string[] {
    // A copy: the zones are shared statics.
    return [...this.forwarders];
  }

  /**
   * @param key the prop name of this zone in {@link HubDnsZoneIds} and the construct id of its zone
   * @param zoneName the DNS zone name
   * @param forwarders the public DNS zones that resolve into it
   */
  private constructor(public readonly key: string, public readonly zoneName: string, private readonly forwarders: readonly string[]) {}
}

/** Who creates the DNS zone group of each private endpoint that uses a set of zones. */
export enum ZoneGroupMode {
  /**
   * Each endpoint gets one zone group (`private_dns_zone_group`) holding its zones; Azure then
   * registers the endpoint's A records in them.
   */
  CREATE = 'Create',
  /**
   * The hub's Azure Policy assignment (e.g. the Azure Landing Zones "Deploy-Private-DNS-Zones"
   * initiative, DeployIfNotExists) creates each endpoint's zone group after the endpoint exists.
   * The library creates none, and the endpoints ignore changes to `private_dns_zone_group`, so that
   * Terraform does not remove the group Policy added. Zone ids are then optional.
   */
  MANAGED_BY_POLICY = 'ManagedByPolicy',
}

/**
 * Resolves the private DNS zone id for a service: implemented by zones created here and by a
 * hub's existing zones.
 */
export interface IPrivateDnsZones extends IConstruct {
  /**
   * Who creates the endpoints' zone groups.
   *
   * @default ZoneGroupMode.CREATE
   */
  readonly zoneGroupMode?: ZoneGroupMode;
  /** Resource id of the zone for `zone`. Throws a synth-time error if this set does not hold it. */
  zoneIdFor(zone: PrivateLinkZone): string;
}

/** Resource ids of a hub's existing privatelink zones, for {@link PrivateDnsZones.fromHubZoneIds}. */
export interface HubDnsZoneIds {
  /**
   * Id of `privatelink.openai.azure.com`.
   *
   * @default - not available; constructs that need it fail at synth
   */
  readonly openAi?: string;
  /**
   * Id of `privatelink.cognitiveservices.azure.com`.
   *
   * @default - not available; constructs that need it fail at synth
   */
  readonly cognitiveServices?: string;
  /**
   * Id of `privatelink.vaultcore.azure.net`.
   *
   * @default - not available; constructs that need it fail at synth
   */
  readonly keyVault?: string;
  /**
   * Id of `privatelink.azurewebsites.net`.
   *
   * @default - not available; constructs that need it fail at synth
   */
  readonly appService?: string;
  /**
   * Id of `privatelink.services.ai.azure.com` (Microsoft Foundry / `AIServices` accounts).
   *
   * @default - not available; constructs that need it fail at synth
   */
  readonly aiServices?: string;
  /**
   * Id of `privatelink.postgres.database.azure.com` (the chat history store).
   *
   * @default - not available; constructs that need it fail at synth
   */
  readonly postgreSql?: string;
  /**
   * Id of `privatelink.azurecr.io` (the registry mirror).
   *
   * @default - not available; constructs that need it fail at synth
   */
  readonly containerRegistry?: string;
  /**
   * Id of `privatelink.azure-api.net` (the AI gateway).
   *
   * @default - not available; constructs that need it fail at synth
   */
  readonly apiManagement?: string;
  /**
   * Id of `privatelink.monitor.azure.com` (an Azure Monitor Private Link Scope endpoint).
   *
   * @default - not available; constructs that need it fail at synth
   */
  readonly azureMonitor?: string;
  /**
   * Id of `privatelink.oms.opinsights.azure.com` (an Azure Monitor Private Link Scope endpoint).
   *
   * @default - not available; constructs that need it fail at synth
   */
  readonly omsOpinsights?: string;
  /**
   * Id of `privatelink.ods.opinsights.azure.com` (an Azure Monitor Private Link Scope endpoint).
   *
   * @default - not available; constructs that need it fail at synth
   */
  readonly odsOpinsights?: string;
  /**
   * Id of `privatelink.agentsvc.azure-automation.net` (an Azure Monitor Private Link Scope endpoint).
   *
   * @default - not available; constructs that need it fail at synth
   */
  readonly agentService?: string;
  /**
   * Id of `privatelink.blob.core.windows.net` (the file store, an Azure Monitor Private Link Scope endpoint).
   *
   * @default - not available; constructs that need it fail at synth
   */
  readonly blob?: string;
  /**
   * Id of `privatelink.redis.azure.net` (Azure Managed Redis, the shared state of several app instances).
   *
   * @default - not available; constructs that need it fail at synth
   */
  readonly managedRedis?: string;
  /**
   * Id of `privatelink.azuredatabricks.net` (Azure Databricks workspaces and their regional
   * browser-authentication endpoint).
   *
   * @default - not available; constructs that need it fail at synth
   */
  readonly azureDatabricks?: string;
}

/** Options of {@link PrivateDnsZones.fromHubZoneIds}. */
export interface HubDnsZonesOptions {
  /**
   * Who creates the private endpoints' DNS zone groups. `ZoneGroupMode.MANAGED_BY_POLICY` when the
   * hub's Azure Policy (DeployIfNotExists) adds them: the endpoints then get no zone group and
   * ignore the one Policy adds, and zone ids may be left out.
   *
   * @default ZoneGroupMode.CREATE
   */
  readonly zoneGroups?: ZoneGroupMode;
}

/** Props of {@link PrivateDnsZones}. */
export interface PrivateDnsZonesProps {
  /** Resource group the zones are created in. */
  readonly resourceGroupName: string;
  /** The network every zone is linked to, so that its resources resolve the private endpoints. */
  readonly network: IPrivateNetwork;
  /**
   * Zones to create.
   *
   * @default PrivateLinkZone.all()
   */
  readonly zones?: PrivateLinkZone[];
  /**
   * Tags applied to the zones and links.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * The privatelink DNS zones a stack needs, each linked to the stack's VNet.
 *
 * In a hub-and-spoke landing zone the zones live in the hub: use
 * {@link PrivateDnsZones.fromHubZoneIds} and no zone or link is created.
 */
export class PrivateDnsZones extends Construct implements IPrivateDnsZones {
  /**
   * Uses a hub's existing zones. Nothing is created; the hub team links the zones to its
   * resolver, and this stack's endpoints (or, with `zoneGroups: ZoneGroupMode.MANAGED_BY_POLICY`,
   * the hub's Azure Policy) register the records.
   *
   * The zones may be in another subscription (a landing zone's connectivity subscription): the
   * endpoints' zone groups take their whole ids, and no link is created here.
   *
   * @param ids the hub's zone ids, by key; may be empty with `ZoneGroupMode.MANAGED_BY_POLICY`
   */
  public static fromHubZoneIds(scope: Construct, id: string, ids: HubDnsZoneIds, options?: HubDnsZonesOptions): IPrivateDnsZones {
    return new HubDnsZones(scope, id, ids, options);
  }

  /** The zones created, by zone name. */
  public readonly zones: { [zoneName: string]: PrivateDnsZone } = {};
  /** Always `ZoneGroupMode.CREATE`: endpoints register themselves in the zones created here. */
  public readonly zoneGroupMode?: ZoneGroupMode = ZoneGroupMode.CREATE;

  constructor(scope: Construct, id: string, props: PrivateDnsZonesProps) {
    super(scope, id);
    checkShape(this, props, {
      resourceGroupName: is.string(true),
      network: NETWORK_REF(true),
      zones: is.arrayOf(ZONE),
      tags: is.stringMap(),
    });
    checkTags(this, 'tags', props.tags);
    checkNotBlank(this, 'resourceGroupName', props.resourceGroupName);
    checkTrimmed(this, 'resourceGroupName', props.resourceGroupName);
    AzureNameRule.RESOURCE_GROUP.validate(this, 'resourceGroupName', props.resourceGroupName);
    const zones = props.zones ?? PrivateLinkZone.all();
    if (zones.length === 0) throw propError(this, 'zones', 'must list at least one zone', []);
    const seen = new Set<string>();
    for (const [i, zone] of (isUnresolved(zones) ? [] : zones).entries()) {
      if (seen.has(zone.zoneName)) throw propError(this, `zones[${i}]`, 'must not repeat a zone', zone.zoneName);
      seen.add(zone.zoneName);
    }

    for (const zone of zones) {
      if (!isUnresolved(zone.zoneName)) claimZoneLink(this, zone.zoneName, props.network.virtualNetworkId);
      const created = new PrivateDnsZone(this, pascal(zone.key), {
        name: zone.zoneName,
        resourceGroupName: props.resourceGroupName,
        tags: props.tags,
      });
      new PrivateDnsZoneVirtualNetworkLink(created, 'VnetLink', {
        name: Names.local(this, AzureNameRule.NETWORK_RESOURCE, 'link'),
        resourceGroupName: props.resourceGroupName,
        privateDnsZoneName: created.name,
        virtualNetworkId: props.network.virtualNetworkId,
        // Records come from endpoint zone groups, never from VM auto-registration.
        registrationEnabled: false,
        tags: props.tags,
      });
      this.zones[zone.zoneName] = created;
    }
  }

  public zoneIdFor(zone: PrivateLinkZone): string {
    checkField(this, 'zone', zone, ZONE_REQUIRED);
    const created = this.zones[zone.zoneName];
    if (!created) {
      const held = Object.keys(this.zones).map((z) => `'${z}'`).join(', ');
      throw ruleError(this, `no private DNS zone '${zone.zoneName}' in this set; add PrivateLinkZone for '${zone.key}' to 'zones', got ${held}`);
    }
    return created.id;
  }
}

class HubDnsZones extends Construct implements IPrivateDnsZones {
  /** Shown in error messages instead of this internal class name. */
  public static readonly errorKind = 'PrivateDnsZones.fromHubZoneIds';

  public readonly zoneGroupMode: ZoneGroupMode;
  private readonly ids: HubDnsZoneIds;

  constructor(scope: Construct, id: string, ids: HubDnsZoneIds, options?: HubDnsZonesOptions) {
    super(scope, id);
    checkShape(this, ids, Object.fromEntries(PrivateLinkZone.known().map((z) => [z.key, is.string()])));
    // Enum values: `is.any` in the shape and `checkOneOf`, first so that even `null` gets the
    // message listing the members.
    const zoneGroups = options !== null && typeof options === 'object' ? options.zoneGroups : undefined;
    checkOneOf(this, 'options.zoneGroups', zoneGroups, ZONE_GROUP_MODES);
    checkShape(this, options, { zoneGroups: is.any() }, 'options');
    for (const zone of PrivateLinkZone.known()) {
      const value = (ids as Record<string, string | undefined> | undefined)?.[zone.key];
      checkResourceId(this, zone.key, value, 'Microsoft.Network/privateDnsZones');
      if (value === undefined || isUnresolved(value)) continue;
      const name = parseResourceId(value)!.names[0];
      if (isUnresolved(name)) continue;
      if (name.toLowerCase() !== zone.zoneName) {
        throw propError(this, zone.key, `must be the id of the private DNS zone '${zone.zoneName}' (…/privateDnsZones/${zone.zoneName})`, value);
      }
    }
    this.ids = ids ?? {};
    this.zoneGroupMode = options?.zoneGroups ?? ZoneGroupMode.CREATE;
  }

  public zoneIdFor(zone: PrivateLinkZone): string {
    checkField(this, 'zone', zone, ZONE_REQUIRED);
    const value = (this.ids as Record<string, string | undefined>)[zone.key];
    if (value === undefined) {
      const given = PrivateLinkZone.known().filter((z) => (this.ids as Record<string, string | undefined>)[z.key] !== undefined).map((z) => `'${z.key}'`);
      throw ruleError(this, `'${zone.key}' is needed for a private endpoint in zone '${zone.zoneName}' but was not given to fromHubZoneIds, got ${given.length ? given.join(', ') : 'none'}`);
    }
    return value;
  }
}

const ZONE_GROUP_MODES: readonly ZoneGroupMode[] = [ZoneGroupMode.CREATE, ZoneGroupMode.MANAGED_BY_POLICY];
const ZONE_DESCRIPTION = 'a PrivateLinkZone (e.g. PrivateLinkZone.KEY_VAULT)';
const ZONE = is.instance(PrivateLinkZone, ZONE_DESCRIPTION);
const ZONE_REQUIRED = is.instance(PrivateLinkZone, ZONE_DESCRIPTION, true);

function pascal(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}
