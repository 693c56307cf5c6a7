import { ResourceView } from '../private/model';
import { isOpenAiAccount } from '../private/rule-kit';

/** Private-link subresources and their privatelink zones, per PaaS resource type beyond the three the pack covers in depth. */
export const PAAS_ENDPOINTS: { [type: string]: { [subresource: string]: string[] } } = {
  azurerm_storage_account: {
    blob: ['privatelink.blob.core.windows.net'],
    file: ['privatelink.file.core.windows.net'],
    queue: ['privatelink.queue.core.windows.net'],
    table: ['privatelink.table.core.windows.net'],
    dfs: ['privatelink.dfs.core.windows.net'],
    web: ['privatelink.web.core.windows.net'],
  },
  azurerm_cosmosdb_account: {
    Sql: ['privatelink.documents.azure.com'],
    MongoDB: ['privatelink.mongo.cosmos.azure.com'],
    Cassandra: ['privatelink.cassandra.cosmos.azure.com'],
    Gremlin: ['privatelink.gremlin.cosmos.azure.com'],
    Table: ['privatelink.table.cosmos.azure.com'],
  },
  azurerm_search_service: { searchService: ['privatelink.search.windows.net'] },
  azurerm_container_registry: { registry: ['privatelink.azurecr.io'] },
  azurerm_postgresql_flexible_server: { postgresqlServer: ['privatelink.postgres.database.azure.com'] },
  azurerm_cognitive_account: {
    account: ['privatelink.cognitiveservices.azure.com', 'privatelink.openai.azure.com', 'privatelink.services.ai.azure.com'],
  },
  azurerm_windows_web_app: { sites: ['privatelink.azurewebsites.net'] },
  azurerm_linux_function_app: { sites: ['privatelink.azurewebsites.net'] },
  azurerm_windows_function_app: { sites: ['privatelink.azurewebsites.net'] },
};

export const PAAS_TYPES = Object.keys(PAAS_ENDPOINTS);

/** OpenAI accounts have their own, stricter rules (PCHAT-OAI-*). */
export function isOtherPaas(r: ResourceView): boolean {
  return r.type !== 'azurerm_cognitive_account' || !isOpenAiAccount(r);
}
