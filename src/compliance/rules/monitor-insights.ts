import { expectBool, expectOneOf, resourceRule } from '../private/rule-kit';

/**
 * Application Insights takes telemetry only from Entra identities with a role on it
 * (`local_authentication_disabled = true`): its connection string is no credential.
 *
 * @see https://learn.microsoft.com/azure/azure-monitor/app/azure-ad-authentication
 */
export const INSIGHTS_ENTRA_ONLY = resourceRule({
  id: 'PCHAT-MON-001',
  title: 'Application Insights: Entra-only ingestion',
  mapsTo: ['AzPol 199d5677'],
  rationale: 'With local authentication on, anyone who reads the connection string (it is in app settings and state) can write fake token metrics.',
  fix: 'Set local_authentication_disabled = true and give the sender Monitoring Metrics Publisher on the component (AiGateway does both).',
  resourceTypes: ['azurerm_application_insights'],
}, (r) => expectBool(r.config, 'local_authentication_disabled', true));

/**
 * Application Insights takes no telemetry from public networks (`internet_ingestion_enabled =
 * false`): senders reach it through an Azure Monitor Private Link Scope.
 *
 * @see https://learn.microsoft.com/azure/azure-monitor/logs/private-link-design
 */
export const INSIGHTS_PRIVATE_INGESTION = resourceRule({
  id: 'PCHAT-MON-002',
  title: 'Application Insights: no public ingestion',
  mapsTo: ['AzPol 1bc02227'],
  rationale: 'Telemetry carries user names and usage; sent to a public endpoint it leaves the private network.',
  fix: 'Set internet_ingestion_enabled = false and add the component to an Azure Monitor Private Link Scope (AiGateway does both).',
  resourceTypes: ['azurerm_application_insights'],
}, (r) => expectBool(r.config, 'internet_ingestion_enabled', false));

/**
 * A private link scope created here keeps its networks' telemetry on private endpoints
 * (`ingestion_access_mode = "PrivateOnly"`).
 *
 * @see https://learn.microsoft.com/azure/azure-monitor/logs/private-link-design#control-how-private-links-apply-to-your-networks
 */
export const AMPLS_PRIVATE_ONLY = resourceRule({
  id: 'PCHAT-MON-003',
  title: 'Azure Monitor Private Link Scope: private-only ingestion',
  mapsTo: ['Azure Monitor private link design (access modes)'],
  rationale: 'In Open mode, clients in the network may still send telemetry to any public Azure Monitor resource, outside the scope.',
  fix: 'Set ingestion_access_mode = "PrivateOnly" (MonitorPrivateLinkScope does by default).',
  resourceTypes: ['azurerm_monitor_private_link_scope'],
}, (r) => expectOneOf(r.config, 'ingestion_access_mode', ['PrivateOnly']));
