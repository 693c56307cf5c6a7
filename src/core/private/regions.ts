import { nearest } from './suggest';
import { checkTrimmed, isUnresolved, Owner, propError, ruleError } from './validate';

// Region capabilities, one module with the source of each table: the region names, where Azure
// OpenAI is offered, which regions have availability zones, and the data zone of each region.

/**
 * Azure public-cloud region names as the azurerm provider normalizes them (lowercase, no spaces).
 *
 * Sovereign clouds add more; a user deploying there can pass a token (e.g. a variable) to skip
 * the check.
 */
export const AZURE_REGIONS: readonly string[] = [
  'australiacentral', 'australiacentral2', 'australiaeast', 'australiasoutheast', 'austriaeast', 'belgiumcentral',
  'brazilsouth', 'brazilsoutheast', 'canadacentral', 'canadaeast', 'centralindia', 'centralus', 'chilecentral',
  'denmarkeast', 'eastasia', 'eastus', 'eastus2', 'francecentral', 'francesouth', 'germanynorth',
  'germanywestcentral', 'indonesiacentral', 'israelcentral', 'italynorth', 'japaneast', 'japanwest', 'jioindiacentral',
  'jioindiawest', 'koreacentral', 'koreasouth', 'malaysiawest', 'mexicocentral', 'newzealandnorth', 'northcentralus',
  'northeurope', 'norwayeast', 'norwaywest', 'polandcentral', 'qatarcentral', 'southafricanorth', 'southafricawest',
  'southcentralus', 'southeastasia', 'southindia', 'spaincentral', 'swedencentral', 'swedensouth', 'switzerlandnorth',
  'switzerlandwest', 'uaecentral', 'uaenorth', 'uksouth', 'ukwest', 'westcentralus', 'westeurope', 'westindia',
  'westus', 'westus2', 'westus3',
];

/** The provider's form of a region: `Sweden Central` → `swedencentral`. */
export function normalizeRegion(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}

/**
 * Throws unless `location` is a known Azure region. Accepts the display form (`Sweden Central`)
 * the way the provider does, by normalizing before the lookup; refuses leading or trailing
 * whitespace, which the provider keeps and Azure then refuses.
 */
export function checkLocation(scope: Owner, prop: string, location: string | undefined): void {
  if (location === undefined || isUnresolved(location)) return;
  if (typeof location !== 'string') throw propError(scope, prop, "must be an Azure region name string such as 'swedencentral'", location);
  checkTrimmed(scope, prop, location);
  const normalized = normalizeRegion(location);
  if (!AZURE_REGIONS.includes(normalized)) {
    const near = nearRegions(normalized);
    const hint = near.length ? ` (did you mean ${near.map((n) => `'${n}'`).join(', ')}?)` : '';
    throw propError(scope, prop, `must be an Azure region name such as 'swedencentral'${hint}`, location);
  }
}

/**
 * Up to three known regions nearest to a mistyped one: by edit distance (`swedencentrl`,
 * `westeurpoe`), else those sharing its first four letters (`sweden` → both Swedish regions).
 */
function nearRegions(normalized: string): string[] {
  const byDistance = nearest(normalized, AZURE_REGIONS, 3);
  if (byDistance.length > 0) return byDistance;
  return AZURE_REGIONS.filter((r) => r.startsWith(normalized.slice(0, 4))).slice(0, 3);
}

/**
 * Throws when a resource that must sit in its VNet's region (a private endpoint, an App Service
 * VNet integration) is given another region. Skipped when either side is unknown or a token.
 *
 * @param networkLocation the network's `location`, undefined for an imported network without one
 */
export function checkSameRegionAsNetwork(scope: Owner, prop: string, location: string | undefined, networkLocation: string | undefined): void {
  if (location === undefined || networkLocation === undefined || isUnresolved(location) || isUnresolved(networkLocation)) return;
  if (typeof location !== 'string' || typeof networkLocation !== 'string') return;
  if (normalizeRegion(location) !== normalizeRegion(networkLocation)) {
    throw propError(scope, prop, `must be the region of its network ('${networkLocation}'): Azure places a private endpoint or VNet integration only in its VNet's region`, location);
  }
}

/**
 * Regions where an Azure OpenAI resource can be created (Global Standard availability, provider form).
 *
 * A region outside this list has no Azure OpenAI: the account (or its deployments) fails at apply.
 * Checked against Microsoft's model availability matrix in 2026; new regions appear there first.
 *
 * @see https://learn.microsoft.com/azure/ai-foundry/openai/concepts/models#model-summary-table-and-region-availability
 */
export const AZURE_OPENAI_REGIONS: readonly string[] = [
  'australiaeast', 'brazilsouth', 'canadacentral', 'canadaeast', 'centralus', 'eastus', 'eastus2', 'francecentral',
  'germanywestcentral', 'italynorth', 'japaneast', 'koreacentral', 'northcentralus', 'norwayeast', 'polandcentral',
  'southafricanorth', 'southcentralus', 'southeastasia', 'southindia', 'spaincentral', 'swedencentral',
  'switzerlandnorth', 'switzerlandwest', 'uaenorth', 'uksouth', 'westeurope', 'westus', 'westus3',
];

/** Whether Azure OpenAI is offered in `region` (display names accepted; tokens count as yes). */
export function hasAzureOpenAi(region: string): boolean {
  if (typeof region !== 'string' || isUnresolved(region)) return true;
  return AZURE_OPENAI_REGIONS.includes(normalizeRegion(region));
}

/**
 * Regions with availability zones (provider form), from Microsoft's region list, read on
 * 2026-12-07 (page dated 2025-09-23). Denmark East is listed as coming soon, with zones.
 *
 * A region missing here (a new one, a sovereign cloud's) is not refused by the zone check, which
 * only reports regions that {@link AZURE_REGIONS} knows to have none.
 *
 * @see https://learn.microsoft.com/azure/reliability/regions-list
 */
export const ZONE_REGIONS: readonly string[] = [
  'australiaeast', 'austriaeast', 'belgiumcentral', 'brazilsouth', 'canadacentral', 'centralindia', 'centralus',
  'chilecentral', 'denmarkeast', 'eastasia', 'eastus', 'eastus2', 'francecentral', 'germanywestcentral',
  'indonesiacentral', 'israelcentral', 'italynorth', 'japaneast', 'japanwest', 'koreacentral', 'malaysiawest',
  'mexicocentral', 'newzealandnorth', 'northeurope', 'norwayeast', 'polandcentral', 'qatarcentral', 'southafricanorth',
  'southcentralus', 'southeastasia', 'spaincentral', 'swedencentral', 'switzerlandnorth', 'uaenorth', 'uksouth',
  'westeurope', 'westus2', 'westus3',
];

/**
 * For each known region without zones, the regions with zones in the same geography, its paired
 * region first (the same page's `Paired region` and `Geography` columns).
 */
const ZONE_NEIGHBOURS: { readonly [region: string]: readonly string[] } = {
  australiacentral: ['australiaeast'],
  australiacentral2: ['australiaeast'],
  australiasoutheast: ['australiaeast'],
  brazilsoutheast: ['brazilsouth'],
  canadaeast: ['canadacentral'],
  francesouth: ['francecentral'],
  germanynorth: ['germanywestcentral'],
  jioindiacentral: ['centralindia'],
  jioindiawest: ['centralindia'],
  koreasouth: ['koreacentral'],
  northcentralus: ['southcentralus', 'centralus', 'eastus2'],
  norwaywest: ['norwayeast'],
  southafricawest: ['southafricanorth'],
  southindia: ['centralindia'],
  swedensouth: ['swedencentral'],
  switzerlandwest: ['switzerlandnorth'],
  uaecentral: ['uaenorth'],
  ukwest: ['uksouth'],
  westcentralus: ['westus2', 'westus3', 'centralus'],
  westindia: ['centralindia'],
  westus: ['westus3', 'westus2', 'eastus'],
};

/**
 * Whether `region` has availability zones (display names accepted). A token counts as yes, since
 * it cannot be checked; a region this table does not know counts as no.
 */
export function hasAvailabilityZones(region: string): boolean {
  if (typeof region !== 'string' || isUnresolved(region)) return true;
  return ZONE_REGIONS.includes(normalizeRegion(region));
}

/**
 * Throws when zone redundancy is asked for (`prop`) in a known region without availability zones,
 * naming the regions with zones near it (`Kind 'path': 'prop' needs a region with availability
 * zones for <what>; '<region>' has none (regions with zones near it: …), got '<region>'`). Skipped for tokens, undefined and regions outside
 * {@link AZURE_REGIONS} (a sovereign cloud's).
 *
 * @param what what needs the zones, e.g. 'zone-balanced instances'
 */
export function checkZoneRedundancy(scope: Owner, prop: string, location: string | undefined, what: string): void {
  if (location === undefined || typeof location !== 'string' || isUnresolved(location)) return;
  const region = normalizeRegion(location);
  if (!AZURE_REGIONS.includes(region) || ZONE_REGIONS.includes(region)) return;
  const near = ZONE_NEIGHBOURS[region] ?? [];
  const hint = near.length > 0 ? ` (regions with zones near it: ${near.map((r) => `'${r}'`).join(', ')})` : '';
  throw ruleError(scope, `'${prop}' needs a region with availability zones for ${what}; '${location}' has none${hint}, got '${location}'`);
}

// ---------------------------------------------------------------------------------------------
// Data zones: where a Data Zone deployment of a model processes prompts.

/**
 * Azure regions whose accounts deploy the Data Zone types (`DataZoneStandard`,
 * `DataZoneProvisionedManaged`, `DataZoneBatch`), by the data zone their requests are then
 * processed in.
 *
 * - "Deployment types for Microsoft Foundry Models" (include rev 2026-05-08, read 2026-12-07):
 *   DataZone types process only within the Microsoft-specified data zone, the United States or
 *   the European Union; the EU data zone is the EU Data Boundary, "as of May 2026" regions in
 *   France, Germany, Italy, Netherlands, Norway, Poland, Spain, Sweden and Switzerland.
 * - The regions are the columns of the Data Zone tables: "Region availability for Foundry Models
 *   sold by Azure", standard tables rev 2026-06-11 (OpenAI models; Asia Pacific and Middle East &
 *   Africa: "Not available"), and the Data Zone table of the other models sold directly by Azure
 *   (rev 2026-04-02, which adds westus2 and westcentralus).
 *
 * @see https://learn.microsoft.com/azure/foundry/foundry-models/concepts/deployment-types#data-zone-deployments
 * @see https://learn.microsoft.com/azure/foundry/foundry-models/concepts/models-sold-directly-by-azure-region-availability
 */
export const DATA_ZONE_REGIONS: { readonly [zone: string]: readonly string[] } = {
  EU: ['francecentral', 'germanywestcentral', 'italynorth', 'norwayeast', 'polandcentral', 'spaincentral', 'swedencentral', 'switzerlandnorth', 'westeurope'],
  US: ['centralus', 'eastus', 'eastus2', 'northcentralus', 'southcentralus', 'westcentralus', 'westus', 'westus2', 'westus3'],
};

/** When the region lists above were checked against Microsoft's pages. */
export const DATA_ZONES_CHECKED_ON = '2026-12-07';

/**
 * The data zone (`EU` or `US`) of `region`'s Data Zone deployments, or undefined when the region
 * is in neither (or is a token). Accepts display names (`Sweden Central`).
 */
export function dataZoneOfRegion(region: string): string | undefined {
  if (typeof region !== 'string' || isUnresolved(region)) return undefined;
  const normalized = normalizeRegion(region);
  return Object.keys(DATA_ZONE_REGIONS).find((zone) => DATA_ZONE_REGIONS[zone].includes(normalized));
}
