import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { Construct, IConstruct } from 'constructs';
import { IPrivateNetwork } from './private-network';
import { AzureNameRule, Names } from '../core/names';
import { claimZoneLink } from './private/stack-registry';
import { NETWORK_REF } from '../core/private/references';
import {
  checkField, checkNotBlank, checkResourceId, checkShape, checkTags, checkTrimmed, is, isUnresolved, parseResourceId, propError, ruleError,
} from '../core/private/validate';

/**
 * A privatelink DNS zone of an Azure service, so that no caller writes a zone name by hand.
 *
 * @see https://learn.microsoft.com/azure/private-link/private-endpoint-dns
 */
export class PrivateLinkZone {
  /** Azure OpenAI (`account` subresource of an OpenAI account). */
  public static readonly OPENAI = new PrivateLinkZone('openAi', 'privatelink.openai.azure.com');
  /** Cognitive Services (`account` subresource; Azure registers the account's cognitiveservices name here). */
  public static readonly COGNITIVE_SERVICES = new PrivateLinkZone('cognitiveServices', 'privatelink.cognitiveservices.azure.com');
  /** Key Vault (`vault` subresource). */
  public static readonly KEY_VAULT = new PrivateLinkZone('keyVault', 'privatelink.vaultcore.azure.net');
  /** App Service and Functions (`sites` subresource). */
  public static readonly APP_SERVICE = new PrivateLinkZone('appService', 'privatelink.azurewebsites.net');

  /** Every zone the private chat deployment needs, in a fixed order. */
  public static all(): PrivateLinkZone[] {
    return [PrivateLinkZone.OPENAI, PrivateLinkZone.COGNITIVE_SERVICES, PrivateLinkZone.KEY_VAULT, PrivateLinkZone.APP_SERVICE];
  }

  /**
   * @param key the prop name of this zone in {@link HubDnsZoneIds} and the construct id of its zone
   * @param zoneName the DNS zone name
   */
  private constructor(public readonly key: string, public readonly zoneName: string) {}
}

/**
 * Resolves the private DNS zone id for a service: implemented by zones created here and by a
 * hub's existing zones.
 */
export interface IPrivateDnsZones extends IConstruct {
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
   * resolver, and Azure Policy or this stack's endpoints register the records.
   */
  public static fromHubZoneIds(scope: Construct, id: string, ids: HubDnsZoneIds): IPrivateDnsZones {
    return new HubDnsZones(scope, id, ids);
  }

  /** The zones created, by zone name. */
  public readonly zones: { [zoneName: string]: PrivateDnsZone } = {};

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

  private readonly ids: HubDnsZoneIds;

  constructor(scope: Construct, id: string, ids: HubDnsZoneIds) {
    super(scope, id);
    checkShape(this, ids, Object.fromEntries(PrivateLinkZone.all().map((z) => [z.key, is.string()])));
    for (const zone of PrivateLinkZone.all()) {
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
  }

  public zoneIdFor(zone: PrivateLinkZone): string {
    checkField(this, 'zone', zone, ZONE_REQUIRED);
    const value = (this.ids as Record<string, string | undefined>)[zone.key];
    if (value === undefined) {
      const given = PrivateLinkZone.all().filter((z) => (this.ids as Record<string, string | undefined>)[z.key] !== undefined).map((z) => `'${z.key}'`);
      throw ruleError(this, `'${zone.key}' is needed for a private endpoint in zone '${zone.zoneName}' but was not given to fromHubZoneIds, got ${given.length ? given.join(', ') : 'none'}`);
    }
    return value;
  }
}

const ZONE_DESCRIPTION = 'a PrivateLinkZone (e.g. PrivateLinkZone.KEY_VAULT)';
const ZONE = is.instance(PrivateLinkZone, ZONE_DESCRIPTION);
const ZONE_REQUIRED = is.instance(PrivateLinkZone, ZONE_DESCRIPTION, true);

function pascal(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}
