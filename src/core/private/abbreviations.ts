/**
 * The abbreviations the library names resources with (`NameRequest.abbreviation`), the keys
 * `NamingConvention.fromPattern`'s `patternsByAbbreviation` accepts. Mostly Microsoft's
 * recommended abbreviations (Cloud Adoption Framework); test/core/naming-abbreviations.test.ts
 * fails when a construct names a resource with one missing here.
 *
 * @see https://learn.microsoft.com/azure/cloud-adoption-framework/ready/azure-best-practices/resource-abbreviations
 */
export const NAMING_ABBREVIATIONS: readonly string[] = [
  'ampls', // Azure Monitor private link scope
  'apim', // API Management (the AI gateway)
  'app', // web app
  'appi', // Application Insights (the gateway's token metrics)
  'asp', // App Service plan
  'autoscale', // autoscale setting
  'cf', // content filter (RAI policy)
  'cmk', // Key Vault key
  'cr', // container registry (the image mirror)
  'dbw', // Azure Databricks workspace
  'id', // user-assigned identity
  'kv', // Key Vault
  'link', // private DNS zone virtual network link
  'log', // Log Analytics workspace
  'ng', // NAT gateway
  'nsg', // network security group
  'oai', // AI (Foundry / Azure OpenAI) account
  'pe', // private endpoint
  'pip', // public IP address (the NAT gateway's)
  'proj', // Foundry project
  'psql', // PostgreSQL flexible server
  'redis', // Azure Managed Redis
  'rg', // resource group
  'rt', // route table
  'st', // storage account
  'vnet', // virtual network
];
