/**
 * TCP ports a client opens on a private endpoint, by the endpoint's sub-resource (group id).
 *
 * The NSG of an endpoint subnet with network policies on filters the traffic to each endpoint,
 * so every caller wired to an endpoint needs exactly these ports open. Keys are lowercase
 * sub-resource names; where a sub-resource name is shared by several target types, the ports
 * of every type are listed (the union) so that no caller is cut off.
 *
 * Sources (Microsoft Learn):
 * - HTTPS (443) for the REST/data-plane APIs: Key Vault, Cognitive Services / Foundry, App
 *   Service, API Management, Container Registry, Azure Monitor Private Link Scope, Storage
 *   (blob, queue, table, dfs, web), Cosmos DB for NoSQL/Table/Gremlin, AI Search, App
 *   Configuration, Machine Learning, SignalR, Event Grid, Databricks:
 *   https://learn.microsoft.com/azure/private-link/private-endpoint-overview#private-link-resource
 * - Azure Files over SMB also needs 445:
 *   https://learn.microsoft.com/azure/storage/files/storage-files-networking-overview
 * - PostgreSQL flexible server 5432:
 *   https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-private-link
 * - MySQL flexible server 3306:
 *   https://learn.microsoft.com/azure/mysql/flexible-server/concepts-networking-private-link
 * - Azure SQL 1433 (private endpoint connections use the proxy policy on 1433):
 *   https://learn.microsoft.com/azure/azure-sql/database/private-endpoint-overview
 * - Azure Cache for Redis 6380 (TLS; clustered caches also use 15000-15999, pass
 *   `servicePorts` for them): https://learn.microsoft.com/azure/azure-cache-for-redis/cache-private-link
 * - Azure Managed Redis / Redis Enterprise 10000:
 *   https://learn.microsoft.com/azure/redis/private-link
 * - Cosmos DB for MongoDB (RU) 10255, for Apache Cassandra 10350:
 *   https://learn.microsoft.com/azure/cosmos-db/how-to-configure-private-endpoints
 * - Service Bus / Event Hubs namespaces: HTTPS 443 and AMQP 5671/5672 (Event Hubs' Kafka
 *   endpoint 9093): https://learn.microsoft.com/azure/service-bus-messaging/service-bus-faq#what-ports-do-i-need-to-open-on-the-firewall
 */
const PORTS_BY_SUBRESOURCE: { readonly [subresource: string]: readonly number[] } = {
  vault: [443],
  managedhsm: [443],
  account: [443],
  sites: [443],
  staticsites: [443],
  gateway: [443],
  registry: [443],
  azuremonitor: [443],
  blob: [443],
  blob_secondary: [443],
  queue: [443],
  queue_secondary: [443],
  table: [443],
  table_secondary: [443],
  dfs: [443],
  dfs_secondary: [443],
  web: [443],
  web_secondary: [443],
  file: [443, 445],
  file_secondary: [443, 445],
  sql: [443],
  sqldedicated: [443],
  gremlin: [443],
  mongodb: [10255],
  cassandra: [10350],
  postgresqlserver: [5432],
  mysqlserver: [3306],
  sqlserver: [1433],
  rediscache: [6380],
  redisenterprise: [10000],
  searchservice: [443],
  configurationstores: [443],
  amlworkspace: [443],
  signalr: [443],
  topic: [443],
  domain: [443],
  namespace: [443, 5671, 5672, 9093],
  databricks_ui_api: [443],
  browser_authentication: [443],
};

/**
 * Ports of a sub-resource, sorted; undefined when the library does not know it. `sites-<slot>`
 * (a deployment slot) counts as `sites`.
 */
export function servicePortsOf(subresource: string): number[] | undefined {
  const key = subresource.toLowerCase();
  const ports = PORTS_BY_SUBRESOURCE[key] ?? (key.startsWith('sites-') ? PORTS_BY_SUBRESOURCE.sites : undefined);
  return ports ? [...ports].sort((a, b) => a - b) : undefined;
}

/** Sub-resources with known ports, as written in Azure's docs' casing where it matters (for messages). */
export function knownSubresources(): string[] {
  return Object.keys(PORTS_BY_SUBRESOURCE);
}
