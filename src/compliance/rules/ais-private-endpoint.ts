import { isExpression } from '../private/model';
import {
  endpointsOf, isAiServicesAccount, resourceRule, show, UNKNOWN_ZONE, zoneGroupContents, zoneGroupManagedByPolicy,
} from '../private/rule-kit';

/** The privatelink zones an AIServices account answers on through its `account` subresource, in the order the docs name them. */
export const AI_SERVICES_ZONES = [
  'privatelink.services.ai.azure.com',
  'privatelink.openai.azure.com',
  'privatelink.cognitiveservices.azure.com',
];

/** `privatelink.openai.azure.com` -> `openai.azure.com`: the public name a zone overrides. */
function publicSuffix(zone: string): string {
  return zone.replace(/^privatelink\./, '');
}

/**
 * An AIServices (Microsoft Foundry) account answers on three names, `<sub>.services.ai.azure.com`,
 * `<sub>.openai.azure.com` and `<sub>.cognitiveservices.azure.com`; each resolves privately only
 * through its own privatelink zone, so the endpoint's zone group must hold all three.
 *
 * Only endpoints on `account` whose zone group resolves at least one of the names are judged
 * here; an account with no such endpoint is PCHAT-OAI-006's finding, so each broken
 * configuration is reported by one rule. An endpoint whose zone group is left to the hub's Azure
 * Policy passes, as do zone ids the checker cannot evaluate, each of which may stand for one
 * missing zone.
 */
export const AIS_PRIVATE_ENDPOINT = resourceRule({
  id: 'PCHAT-AIS-001',
  title: 'AIServices account: private endpoint zone group holds the services.ai, openai and cognitiveservices zones',
  mapsTo: ['AzPol c4bc6f10'],
  rationale: 'A Foundry account is called as {subdomain}.services.ai.azure.com, {subdomain}.openai.azure.com and {subdomain}.cognitiveservices.azure.com; a name whose privatelink zone is missing from the zone group resolves to the public IP, which refuses every call once public access is off.',
  fix: 'Put privatelink.services.ai.azure.com, privatelink.openai.azure.com and privatelink.cognitiveservices.azure.com in the zone group of the private endpoint on subresource "account" (AiAccount does), or leave the zone group to the hub\'s Azure Policy with lifecycle.ignore_changes = ["private_dns_zone_group"] and no zone group.',
  resourceTypes: ['azurerm_cognitive_account'],
}, (r, model) => {
  const subdomain = typeof r.config.custom_subdomain_name === 'string' && !isExpression(r.config.custom_subdomain_name)
    ? r.config.custom_subdomain_name : '<subdomain>';
  const problems: string[] = [];
  for (const { endpoint, subresources } of endpointsOf(model, r)) {
    if (!subresources.some((s) => s.toLowerCase() === 'account')) continue;
    if (zoneGroupManagedByPolicy(endpoint)) return undefined;
    const { zones, openEnded } = zoneGroupContents(model, endpoint);
    if (openEnded) return undefined;
    const unknown = zones.filter((z) => z === UNKNOWN_ZONE).length;
    const missing = AI_SERVICES_ZONES.filter((z) => !zones.includes(z));
    // Resolves none of the names (or has no zone group): PCHAT-OAI-006 reports it.
    if (unknown === 0 && missing.length === AI_SERVICES_ZONES.length) continue;
    if (missing.length <= unknown) return undefined;
    const hosts = missing.map((z) => `${subdomain}.${publicSuffix(z)}`);
    const unevaluated = unknown === 0 ? ''
      : ` (its ${unknown} zone id(s) that cannot be evaluated at synth stand for at most ${unknown} of them)`;
    problems.push(`private endpoint '${endpoint.path}' has zones ${show(zones)} in its zone group, missing ${missing.map(show).join(', ')}${unevaluated}, `
      + `so ${hosts.join(', ')} resolve${hosts.length === 1 ? 's' : ''} to the public IP`);
  }
  return problems.length > 0 ? problems.join('; ') : undefined;
}, isAiServicesAccount);
