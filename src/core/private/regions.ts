import { Construct } from 'constructs';
import { isUnresolved, propError } from './validate';

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

/**
 * Throws unless `location` is a known Azure region. Accepts the display form (`Sweden Central`)
 * the way the provider does, by normalizing before the lookup.
 */
export function checkLocation(scope: Construct, prop: string, location: string | undefined): void {
  if (location === undefined || isUnresolved(location)) return;
  const normalized = location.replace(/\s+/g, '').toLowerCase();
  if (!AZURE_REGIONS.includes(normalized)) {
    const near = AZURE_REGIONS.filter((r) => r.startsWith(normalized.slice(0, 4))).slice(0, 4);
    const hint = near.length ? ` (did you mean ${near.map((n) => `'${n}'`).join(', ')}?)` : '';
    throw propError(scope, prop, `must be an Azure region name such as 'swedencentral'${hint}`, location);
  }
}
