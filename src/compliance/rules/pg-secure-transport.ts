import { ResourceView } from '../private/model';
import { resourceRule } from '../private/rule-kit';

/** The server parameters a PostgreSQL server must have, and their values. */
const REQUIRED: [string, string][] = [['require_secure_transport', 'on'], ['ssl_min_protocol_version', 'TLSv1.2']];

/**
 * Connections to the history database are encrypted with TLS 1.2 or later. Checkov has no check
 * for flexible-server parameters (its parameter checks read the retired single server's
 * `azurerm_postgresql_configuration`); Azure Policy checks these two parameters.
 *
 * @see https://github.com/Azure/azure-policy/blob/master/built-in-policies/policyDefinitions/PostgreSQL/FlexibleServers_EnableSSL_AINE.json
 * @see https://github.com/Azure/azure-policy/blob/master/built-in-policies/policyDefinitions/PostgreSQL/FlexibleServers_MinTLS_AINE.json
 */
export const PG_SECURE_TRANSPORT = resourceRule({
  id: 'PCHAT-PG-001',
  title: 'PostgreSQL: secure transport required, TLS 1.2 minimum',
  mapsTo: ['AzPol c29c38cb', 'AzPol a43d5475', 'SECURITY-BASELINE history stores (TLS in transit)'],
  rationale: 'Conversations travel between the app and the database; without enforced TLS a misconfigured client would send them in clear inside the VNet.',
  fix: "Add azurerm_postgresql_flexible_server_configuration resources 'require_secure_transport' = 'on' and 'ssl_min_protocol_version' = 'TLSv1.2' (PostgresHistoryStore sets both).",
  resourceTypes: ['azurerm_postgresql_flexible_server'],
}, (r, model) => {
  const params = model.referencing(['azurerm_postgresql_flexible_server_configuration'], r, (c: ResourceView) => [c.config.server_id]);
  return REQUIRED.map(([name, value]) => {
    const set = params.find((p) => p.config.name === name);
    if (set === undefined) return `no azurerm_postgresql_flexible_server_configuration sets '${name}' (must be '${value}')`;
    return String(set.config.value).toLowerCase() === value.toLowerCase() ? undefined : `'${name}' must be '${value}', got '${set.config.value}'`;
  });
});
