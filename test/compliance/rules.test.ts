import { Application } from '@cdktf/provider-azuread/lib/application';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { KeyVaultSecret } from '@cdktf/provider-azurerm/lib/key-vault-secret';
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { TerraformVariable } from 'cdktf';
import { Compliance, MonitorPrivateLinkScope, PrivateLinkZone } from '../../src';
import { synth, synthJson } from '../util';
import { AI_SERVICES_ZONE, compliantStack, endpoint, Fixture, hubZoneId, nsgRule, RG, synthError } from './fixture';

/** The error synth throws for a stack, or fails the test when synth succeeds. */

interface Case {
  /** Rule expected to fail, alone. */
  readonly id: string;
  /** What the case does to the compliant stack. */
  readonly label: string;
  /** Construct path of the resource the error must name. */
  readonly path: string;
  /** Text the problem must contain (attribute and value). */
  readonly problem: string;
  readonly breakIt: (f: Fixture) => void;
}

const CASES: Case[] = [
  {
    id: 'PCHAT-NET-003',
    label: 'the app references the history server, but nothing allowed the app subnet in on the endpoint NSG (no allowFrom)',
    path: 'test/HistoryEndpoint',
    problem: 'on TCP 5432: blocked at NSG',
    breakIt: (f) => { f.app.appSettings = { DATABASE_HOST: f.history.fqdn }; },
  },
  {
    id: 'PCHAT-APPLY-001',
    label: 'the blob container is created through the data plane (storage_account_name)',
    path: 'test/Container',
    problem: 'needs https://<account>.blob.core.windows.net (Blob data plane) from the applying machine',
    breakIt: (f) => { f.container.addOverride('storage_account_id', null); f.container.addOverride('storage_account_name', f.storage.name); },
  },
  {
    id: 'PCHAT-APPLY-001',
    label: 'a secret written through the vault\'s data plane (azurerm_key_vault_secret)',
    path: 'test/Secrets/RawSecret',
    problem: 'from the applying machine',
    breakIt: (f) => {
      new KeyVaultSecret(f.vault.node.scope!, 'RawSecret', {
        name: 'raw', value: 'x', keyVaultId: f.vault.id, contentType: 'text/plain', expirationDate: '2030-01-01T00:00:00Z',
      });
    },
  },
  {
    id: 'PCHAT-REDIS-001',
    label: 'the Redis is open to public networks',
    path: 'test/Redis',
    problem: "'public_network_access' must be 'Disabled', got 'Enabled'",
    breakIt: (f) => { f.redis.publicNetworkAccess = 'Enabled'; },
  },
  {
    id: 'PCHAT-REDIS-002',
    label: 'the Redis endpoint connects to the Azure Cache for Redis subresource',
    path: 'test/Redis',
    problem: "connects to subresource [\"redisCache\"], expected 'redisEnterprise'",
    breakIt: (f) => f.redisEndpoint.putPrivateServiceConnection({
      name: 'redis', privateConnectionResourceId: f.redis.id, subresourceNames: ['redisCache'], isManualConnection: false,
    }),
  },
  {
    id: 'PCHAT-REDIS-003',
    label: 'the Redis database speaks plaintext',
    path: 'test/Redis',
    problem: "'default_database.client_protocol' must be 'Encrypted', got 'Plaintext'",
    breakIt: (f) => { f.redis.defaultDatabase.clientProtocol = 'Plaintext'; },
  },
  {
    id: 'PCHAT-REDIS-004',
    label: 'the Redis connection events are not logged',
    path: 'test/Redis',
    problem: 'no azurerm_monitor_diagnostic_setting sends its ConnectionEvents to a workspace',
    breakIt: (f) => f.redisDiagnostics.putEnabledLog([{ category: 'Other' }]),
  },
  {
    id: 'PCHAT-REDIS-005',
    label: 'the Redis has no high availability',
    path: 'test/Redis',
    problem: "'high_availability_enabled' must be true, got false",
    breakIt: (f) => { f.redis.highAvailabilityEnabled = false; },
  },
  {
    id: 'PCHAT-PG-001',
    label: 'TLS 1.1 allowed on the history server',
    path: 'test/History',
    problem: "'ssl_min_protocol_version' must be 'TLSv1.2', got 'TLSv1.1'",
    breakIt: (f) => { f.historyTls.value = 'TLSv1.1'; },
  },
  {
    id: 'PCHAT-PG-002',
    label: 'history backups kept 1 day',
    path: 'test/History',
    problem: "'backup_retention_days' must be set to 7-35, got 1",
    breakIt: (f) => { f.history.backupRetentionDays = 1; },
  },
  {
    id: 'PCHAT-LIFE-001',
    label: 'the history server without prevent_destroy',
    path: 'test/History',
    problem: "'lifecycle.prevent_destroy' must be true",
    breakIt: (f) => { f.history.lifecycle = {}; },
  },
  {
    id: 'PCHAT-APIM-001',
    label: 'the gateway no longer ignores public_network_access_enabled (azurerm would turn public access back on)',
    path: 'test/Gateway/Resource',
    problem: "'public_network_access_enabled' must be false, got true, and no azapi_update_resource disables it",
    breakIt: (f) => { f.gateway.resource.lifecycle = { preventDestroy: false }; },
  },
  {
    id: 'PCHAT-APIM-002',
    label: 'the gateway endpoint connects to the management subresource',
    path: 'test/Gateway/Resource',
    problem: "expected 'Gateway'",
    breakIt: (f) => f.gateway.privateEndpoint.resource.putPrivateServiceConnection({
      name: 'pe', privateConnectionResourceId: f.gateway.gatewayId, subresourceNames: ['Management'], isManualConnection: false,
    }),
  },
  {
    id: 'PCHAT-APIM-003',
    label: 'the gateway has no integration subnet',
    path: 'test/Gateway/Resource',
    problem: "'virtual_network_configuration.subnet_id' must be set, got undefined",
    breakIt: (f) => f.gateway.resource.resetVirtualNetworkConfiguration(),
  },
  {
    id: 'PCHAT-APIM-004',
    label: 'TLS 1.1 on towards the backends',
    path: 'test/Gateway/Resource',
    problem: "'security.backend_tls11_enabled' must be false, got true",
    breakIt: (f) => f.gateway.resource.addOverride('security.backend_tls11_enabled', true),
  },
  {
    id: 'PCHAT-MON-001',
    label: 'local authentication on the metrics component',
    path: 'test/Gateway/Insights',
    problem: "'local_authentication_disabled' must be true, got false",
    breakIt: (f) => { f.gateway.applicationInsights!.localAuthenticationDisabled = false; },
  },
  {
    id: 'PCHAT-MON-002',
    label: 'public ingestion on the metrics component',
    path: 'test/Gateway/Insights',
    problem: "'internet_ingestion_enabled' must be false, got true",
    breakIt: (f) => { f.gateway.applicationInsights!.internetIngestionEnabled = true; },
  },
  {
    id: 'PCHAT-MON-003',
    label: 'the private link scope lets the network send telemetry anywhere',
    path: 'test/Gateway/MonitorPrivateLinkScope/Resource',
    problem: "'ingestion_access_mode' must be 'PrivateOnly', got 'Open'",
    breakIt: (f) => { (f.gateway.monitorPrivateLinkScope as MonitorPrivateLinkScope).resource.ingestionAccessMode = 'Open'; },
  },
  {
    id: 'PCHAT-APIM-005',
    label: 'the gateway has no identity',
    path: 'test/Gateway/Resource',
    problem: "'identity' must declare a managed identity",
    breakIt: (f) => f.gateway.resource.resetIdentity(),
  },
  {
    id: 'PCHAT-APIM-006',
    label: 'a gateway backend over plain HTTP',
    path: 'test/Gateway/Backend-GatewayBackend-8a46b3',
    problem: "'url' must start with https://, got 'http://10.0.0.4/openai'",
    breakIt: (f) => { f.gateway.backends[0].url = 'http://10.0.0.4/openai'; },
  },
  {
    id: 'PCHAT-ACR-001',
    label: 'admin user on',
    path: 'test/Registry',
    problem: "'admin_enabled' must be false, got true",
    breakIt: (f) => { f.registry.adminEnabled = true; },
  },
  {
    id: 'PCHAT-ACR-002',
    label: 'anonymous pull on',
    path: 'test/Registry',
    problem: "'anonymous_pull_enabled' must be false, got true",
    breakIt: (f) => { f.registry.anonymousPullEnabled = true; },
  },
  {
    id: 'PCHAT-ACR-003',
    label: 'exports allowed',
    path: 'test/Registry',
    problem: "'export_policy_enabled' must be false, got true",
    breakIt: (f) => { f.registry.exportPolicyEnabled = true; },
  },
  {
    id: 'PCHAT-ACR-004',
    label: 'no dedicated data endpoints',
    path: 'test/Registry',
    problem: "'data_endpoint_enabled' must be true, got false",
    breakIt: (f) => { f.registry.dataEndpointEnabled = false; },
  },
  {
    id: 'PCHAT-KV-009',
    label: 'a key without a rotation policy',
    path: 'test/Secrets/Key',
    problem: "'body.properties.rotationPolicy' must be set, with attributes.expiryTime and a rotate lifetime action, got undefined",
    breakIt: (f) => { delete f.key.body.properties.rotationPolicy; },
  },
  {
    id: 'PCHAT-CMK-001',
    label: "the Foundry account's key sits in a vault without purge protection (acknowledged for the vault rule)",
    path: 'test/Foundry',
    problem: "whose 'purge_protection_enabled' must be true, got false",
    breakIt: (f) => {
      f.vault.purgeProtectionEnabled = false;
      Compliance.acknowledge(f.vault, 'PCHAT-KV-001', 'this case breaks the CMK rule only');
    },
  },
  {
    id: 'PCHAT-OAI-001',
    label: 'public access on',
    path: 'test/OpenAi',
    problem: "'public_network_access_enabled' must be false, got true",
    breakIt: (f) => { f.account.publicNetworkAccessEnabled = true; },
  },
  {
    id: 'PCHAT-OAI-001',
    label: 'AIServices account: public access on',
    path: 'test/Foundry',
    problem: "'public_network_access_enabled' must be false, got true",
    breakIt: (f) => { f.aiAccount.publicNetworkAccessEnabled = true; },
  },
  {
    id: 'PCHAT-OAI-001',
    label: "kind written 'aiservices' in lower case: public access on",
    path: 'test/Foundry',
    problem: "'public_network_access_enabled' must be false, got true",
    breakIt: (f) => {
      f.aiAccount.kind = 'aiservices';
      f.aiAccount.publicNetworkAccessEnabled = true;
    },
  },
  {
    id: 'PCHAT-OAI-002',
    label: 'AIServices account: network ACL Allow',
    path: 'test/Foundry',
    problem: "'network_acls.default_action' must be 'Deny', got 'Allow'",
    breakIt: (f) => f.aiAccount.addOverride('network_acls.default_action', 'Allow'),
  },
  {
    id: 'PCHAT-OAI-002',
    label: 'network ACL Allow',
    path: 'test/OpenAi',
    problem: "'network_acls.default_action' must be 'Deny', got 'Allow'",
    breakIt: (f) => f.account.addOverride('network_acls.default_action', 'Allow'),
  },
  {
    id: 'PCHAT-OAI-003',
    label: 'local auth on',
    path: 'test/OpenAi',
    problem: "'local_auth_enabled' must be false, got true",
    breakIt: (f) => { f.account.localAuthEnabled = true; },
  },
  {
    id: 'PCHAT-OAI-003',
    label: 'AIServices account: local auth on',
    path: 'test/Foundry',
    problem: "'local_auth_enabled' must be false, got true",
    breakIt: (f) => { f.aiAccount.localAuthEnabled = true; },
  },
  {
    id: 'PCHAT-OAI-004',
    label: 'AIServices account: no identity',
    path: 'test/Foundry',
    problem: "'identity' must declare a managed identity",
    breakIt: (f) => f.aiAccount.resetIdentity(),
  },
  {
    id: 'PCHAT-OAI-004',
    label: 'no identity',
    path: 'test/OpenAi',
    problem: "'identity' must declare a managed identity",
    breakIt: (f) => f.account.resetIdentity(),
  },
  {
    id: 'PCHAT-OAI-005',
    label: 'no fqdns',
    path: 'test/OpenAi',
    problem: "'fqdns' must be written explicitly (the allowed hosts, or [] for none), got undefined",
    breakIt: (f) => f.account.resetFqdns(),
  },
  {
    id: 'PCHAT-OAI-005',
    label: 'outbound unrestricted',
    path: 'test/OpenAi',
    problem: "'outbound_network_access_restricted' must be true, got false",
    breakIt: (f) => { f.account.outboundNetworkAccessRestricted = false; },
  },
  {
    id: 'PCHAT-OAI-005',
    label: 'AIServices account: outbound unrestricted',
    path: 'test/Foundry',
    problem: "'outbound_network_access_restricted' must be true, got false",
    breakIt: (f) => { f.aiAccount.outboundNetworkAccessRestricted = false; },
  },
  {
    id: 'PCHAT-OAI-006',
    label: 'endpoint in the wrong zone',
    path: 'test/OpenAi',
    problem: "private endpoint 'test/OpenAiEndpoint' has zones [\"privatelink.cognitiveservices.azure.com\"] in its zone group, expected 'privatelink.openai.azure.com'",
    breakIt: (f) => f.accountEndpoint.putPrivateDnsZoneGroup({ name: 'default', privateDnsZoneIds: [f.zones.zoneIdFor(PrivateLinkZone.COGNITIVE_SERVICES)] }),
  },
  {
    id: 'PCHAT-OAI-006',
    label: 'no endpoint',
    path: 'test/OpenAi',
    problem: 'no azurerm_private_endpoint connects to it',
    breakIt: (f) => f.accountEndpoint.addOverride('private_service_connection.private_connection_resource_id', '/subscriptions/x/resourceGroups/y/providers/Microsoft.CognitiveServices/accounts/other'),
  },
  {
    id: 'PCHAT-OAI-006',
    label: 'AIServices account: no endpoint',
    path: 'test/Foundry',
    problem: "no azurerm_private_endpoint connects to it (expected private_service_connection.private_connection_resource_id = '${azurerm_cognitive_account.Foundry.id}' on subresource 'account')",
    breakIt: (f) => f.aiAccountEndpoint.addOverride('private_service_connection.private_connection_resource_id', '/subscriptions/x/resourceGroups/y/providers/Microsoft.CognitiveServices/accounts/other'),
  },
  {
    id: 'PCHAT-OAI-006',
    label: 'AIServices account: endpoint in none of its zones',
    path: 'test/Foundry',
    problem: "private endpoint 'test/FoundryEndpoint' has zones [\"privatelink.vaultcore.azure.net\"] in its zone group, "
      + "expected 'privatelink.services.ai.azure.com' or 'privatelink.openai.azure.com' or 'privatelink.cognitiveservices.azure.com'",
    breakIt: (f) => f.aiAccountEndpoint.putPrivateDnsZoneGroup({ name: 'default', privateDnsZoneIds: [f.zones.zoneIdFor(PrivateLinkZone.KEY_VAULT)] }),
  },
  {
    id: 'PCHAT-OAI-006',
    label: 'AIServices account: endpoint with no zone group and no ignore_changes for a policy-made one',
    path: 'test/Foundry',
    problem: "private endpoint 'test/FoundryEndpoint' has no private_dns_zone_group, expected one holding 'privatelink.services.ai.azure.com' or",
    breakIt: (f) => f.aiAccountEndpoint.resetPrivateDnsZoneGroup(),
  },
  {
    id: 'PCHAT-OAI-007',
    label: 'no diagnostic setting',
    path: 'test/OpenAi',
    problem: 'no azurerm_monitor_diagnostic_setting targets it',
    breakIt: (f) => f.accountDiagnostics.addOverride('target_resource_id', f.vault.id),
  },
  {
    id: 'PCHAT-OAI-007',
    label: 'AIServices account: diagnostic setting without Log Analytics',
    path: 'test/Foundry',
    problem: "diagnostic setting(s) 'test/FoundryDiagnostics' send no logs to a Log Analytics workspace",
    breakIt: (f) => f.aiAccountDiagnostics.addOverride('log_analytics_workspace_id', null),
  },
  {
    id: 'PCHAT-OAI-008',
    label: 'no custom subdomain',
    path: 'test/OpenAi',
    problem: "'custom_subdomain_name' must be set, got undefined",
    breakIt: (f) => f.account.resetCustomSubdomainName(),
  },
  {
    id: 'PCHAT-OAI-008',
    label: 'AIServices account: no custom subdomain',
    path: 'test/Foundry',
    problem: "'custom_subdomain_name' must be set, got undefined",
    breakIt: (f) => f.aiAccount.resetCustomSubdomainName(),
  },
  {
    id: 'PCHAT-AIS-001',
    label: 'zone group holds only the openai zone',
    path: 'test/Foundry',
    problem: "private endpoint 'test/FoundryEndpoint' has zones [\"privatelink.openai.azure.com\"] in its zone group, "
      + "missing 'privatelink.services.ai.azure.com', 'privatelink.cognitiveservices.azure.com', "
      + 'so ais-chat.services.ai.azure.com, ais-chat.cognitiveservices.azure.com resolve to the public IP',
    breakIt: (f) => f.aiAccountEndpoint.putPrivateDnsZoneGroup({ name: 'default', privateDnsZoneIds: [f.zones.zoneIdFor(PrivateLinkZone.OPENAI)] }),
  },
  {
    id: 'PCHAT-AIS-001',
    label: 'hub zone ids (literal) lack the services.ai zone',
    path: 'test/Foundry',
    problem: 'has zones ["privatelink.openai.azure.com","privatelink.cognitiveservices.azure.com"] in its zone group, '
      + "missing 'privatelink.services.ai.azure.com', so ais-chat.services.ai.azure.com resolves to the public IP",
    breakIt: (f) => f.aiAccountEndpoint.putPrivateDnsZoneGroup({
      name: 'default', privateDnsZoneIds: [hubZoneId('privatelink.openai.azure.com'), hubZoneId('privatelink.cognitiveservices.azure.com')],
    }),
  },
  {
    id: 'PCHAT-AIS-001',
    label: 'one hub zone id as a variable cannot stand for two missing zones',
    path: 'test/Foundry',
    problem: 'has zones ["privatelink.openai.azure.com","<unknown>"] in its zone group, '
      + "missing 'privatelink.services.ai.azure.com', 'privatelink.cognitiveservices.azure.com' "
      + '(its 1 zone id(s) that cannot be evaluated at synth stand for at most 1 of them)',
    breakIt: (f) => {
      const zone = new TerraformVariable(f.stack, 'ai_zone_id', { type: 'string' });
      f.aiAccountEndpoint.putPrivateDnsZoneGroup({ name: 'default', privateDnsZoneIds: [f.zones.zoneIdFor(PrivateLinkZone.OPENAI), zone.stringValue] });
    },
  },
  {
    id: 'PCHAT-DEP-001',
    label: 'no content filter',
    path: 'test/ChatDeployment',
    problem: "'rai_policy_name' must be set, got undefined",
    breakIt: (f) => f.chat.resetRaiPolicyName(),
  },
  {
    id: 'PCHAT-DEP-002',
    label: 'auto upgrade',
    path: 'test/ChatDeployment',
    problem: "'version_upgrade_option' must be 'NoAutoUpgrade', got 'OnceNewDefaultVersionAvailable'",
    breakIt: (f) => { f.chat.versionUpgradeOption = 'OnceNewDefaultVersionAvailable'; },
  },
  {
    id: 'PCHAT-DEP-002',
    label: 'unpinned version',
    path: 'test/ChatDeployment',
    problem: "'model.version' must be set, got undefined",
    breakIt: (f) => f.chat.model.resetVersion(),
  },
  {
    id: 'PCHAT-DEP-003',
    label: 'parallel deployments',
    path: 'test/EmbeddingsDeployment',
    problem: "it and 'test/ChatDeployment' deploy to the same account with no depends_on chain between them",
    breakIt: (f) => { f.embeddings.dependsOn = undefined; },
  },
  {
    id: 'PCHAT-DEP-004',
    label: 'a global deployment type',
    path: 'test/ChatDeployment',
    problem: "'sku.name' must not be a Global deployment type (prompts may be processed in any Azure region), got 'GlobalStandard'",
    breakIt: (f) => { f.chat.putSku({ name: 'GlobalStandard', capacity: 10 }); },
  },
  {
    id: 'PCHAT-KV-001',
    label: 'purge protection off',
    path: 'test/Secrets/Vault',
    problem: "'purge_protection_enabled' must be true, got false",
    breakIt: (f) => {
      f.vault.purgeProtectionEnabled = false;
      // The Foundry account's key lives in this vault: PCHAT-CMK-001 fails too, and is not this case.
      Compliance.acknowledge(f.aiAccount, 'PCHAT-CMK-001', 'this case breaks the vault rule only');
    },
  },
  {
    id: 'PCHAT-KV-002',
    label: 'retention unset',
    path: 'test/Secrets/Vault',
    problem: "'soft_delete_retention_days' must be 90, got undefined",
    breakIt: (f) => f.vault.resetSoftDeleteRetentionDays(),
  },
  {
    id: 'PCHAT-KV-003',
    label: 'public access on',
    path: 'test/Secrets/Vault',
    problem: "'public_network_access_enabled' must be false, got true",
    breakIt: (f) => { f.vault.publicNetworkAccessEnabled = true; },
  },
  {
    id: 'PCHAT-KV-004',
    label: 'network ACL Allow',
    path: 'test/Secrets/Vault',
    problem: "'network_acls.default_action' must be 'Deny', got 'Allow'",
    breakIt: (f) => f.vault.addOverride('network_acls.default_action', 'Allow'),
  },
  {
    id: 'PCHAT-KV-005',
    label: 'access policies',
    path: 'test/Secrets/Vault',
    problem: "'rbac_authorization_enabled' (or the older 'enable_rbac_authorization') must be true, got undefined",
    breakIt: (f) => f.vault.resetRbacAuthorizationEnabled(),
  },
  {
    id: 'PCHAT-KV-006',
    label: 'endpoint on the wrong subresource',
    path: 'test/Secrets/Vault',
    problem: "private endpoint 'test/Secrets/VaultEndpoint' connects to subresource [\"account\"], expected 'vault'",
    breakIt: (f) => f.vaultEndpoint.putPrivateServiceConnection({
      name: 'connection', privateConnectionResourceId: f.vault.id, subresourceNames: ['account'], isManualConnection: false,
    }),
  },
  {
    id: 'PCHAT-KV-007',
    label: 'no audit logs',
    path: 'test/Secrets/Vault',
    problem: "diagnostic setting(s) 'test/Secrets/VaultDiagnostics' enable no audit logs",
    breakIt: (f) => f.vaultDiagnostics.putEnabledLog([{ category: 'AzurePolicyEvaluationDetails' }]),
  },
  {
    id: 'PCHAT-KV-008',
    label: 'secret without expiry',
    path: 'test/Secrets/ClientSecret',
    problem: "'body.properties.attributes.exp' must be set, got undefined",
    breakIt: (f) => { delete f.secret.body.properties.attributes.exp; },
  },
  {
    id: 'PCHAT-KV-008',
    label: 'secret without content type',
    path: 'test/Secrets/ClientSecret',
    problem: "'body.properties.contentType' must be set, got undefined",
    breakIt: (f) => { delete f.secret.body.properties.contentType; },
  },
  {
    id: 'PCHAT-APP-001',
    label: 'public access on',
    path: 'test/ChatApp',
    problem: "'public_network_access_enabled' must be false, got true",
    breakIt: (f) => { f.app.publicNetworkAccessEnabled = true; },
  },
  {
    id: 'PCHAT-APP-002',
    label: 'endpoint in the vault zone',
    path: 'test/ChatApp',
    problem: "private endpoint 'test/ChatAppEndpoint/Resource' has zones [\"privatelink.vaultcore.azure.net\"] in its zone group, expected 'privatelink.azurewebsites.net'",
    breakIt: (f) => f.appEndpoint.resource.putPrivateDnsZoneGroup({ name: 'default', privateDnsZoneIds: [f.zones.zoneIdFor(PrivateLinkZone.KEY_VAULT)] }),
  },
  {
    id: 'PCHAT-APP-003',
    label: 'http allowed',
    path: 'test/ChatApp',
    problem: "'https_only' must be true, got false",
    breakIt: (f) => { f.app.httpsOnly = false; },
  },
  {
    id: 'PCHAT-APP-004',
    label: 'TLS 1.1',
    path: 'test/ChatApp',
    problem: "'site_config.minimum_tls_version' must be one of '1.2', '1.3', got '1.1'",
    breakIt: (f) => f.app.addOverride('site_config.minimum_tls_version', '1.1'),
  },
  {
    id: 'PCHAT-APP-004',
    label: 'SCM TLS 1.0',
    path: 'test/ChatApp',
    problem: "'site_config.scm_minimum_tls_version' must be '1.2' or '1.3', got '1.0'",
    breakIt: (f) => f.app.addOverride('site_config.scm_minimum_tls_version', '1.0'),
  },
  {
    id: 'PCHAT-APP-005',
    label: 'FTP basic auth on',
    path: 'test/ChatApp',
    problem: "'ftp_publish_basic_authentication_enabled' must be false, got true",
    breakIt: (f) => { f.app.ftpPublishBasicAuthenticationEnabled = true; },
  },
  {
    id: 'PCHAT-APP-005',
    label: 'FTPS allowed',
    path: 'test/ChatApp',
    problem: "'site_config.ftps_state' must be 'Disabled', got 'FtpsOnly'",
    breakIt: (f) => f.app.addOverride('site_config.ftps_state', 'FtpsOnly'),
  },
  {
    id: 'PCHAT-APP-006',
    label: 'no identity',
    path: 'test/ChatApp',
    problem: "'identity' must declare a managed identity",
    breakIt: (f) => f.app.resetIdentity(),
  },
  {
    id: 'PCHAT-APP-007',
    label: 'auth off',
    path: 'test/ChatApp',
    problem: "'auth_settings_v2.auth_enabled' must be true, got false",
    breakIt: (f) => f.app.addOverride('auth_settings_v2.auth_enabled', false),
  },
  {
    id: 'PCHAT-APP-008',
    label: 'remote debugging on',
    path: 'test/ChatApp',
    problem: "'site_config.remote_debugging_enabled' must be false, got true",
    breakIt: (f) => f.app.addOverride('site_config.remote_debugging_enabled', true),
  },
  {
    id: 'PCHAT-APP-009',
    label: 'route-all off',
    path: 'test/ChatApp',
    problem: "'site_config.vnet_route_all_enabled' must be true, got false",
    breakIt: (f) => f.app.addOverride('site_config.vnet_route_all_enabled', false),
  },
  {
    id: 'PCHAT-APP-009',
    label: 'no VNet integration',
    path: 'test/ChatApp',
    problem: "'virtual_network_subnet_id' must be set",
    breakIt: (f) => f.app.resetVirtualNetworkSubnetId(),
  },
  {
    id: 'PCHAT-NET-001',
    label: 'subnet without NSG',
    path: 'test/BareSubnet',
    problem: 'subnet "workload" has no azurerm_subnet_network_security_group_association',
    breakIt: (f) => new Subnet(f.stack, 'BareSubnet', {
      name: 'workload', resourceGroupName: RG, virtualNetworkName: f.network.virtualNetworkName, addressPrefixes: ['10.0.2.0/24'],
    }),
  },
  {
    id: 'PCHAT-NET-002',
    label: 'inline Allow from Internet',
    path: 'test/OpenNsg',
    problem: "security_rule \"AllowSsh\" allows inbound from 'Internet'",
    breakIt: (f) => new NetworkSecurityGroup(f.stack, 'OpenNsg', {
      name: 'nsg-open',
      resourceGroupName: RG,
      location: 'swedencentral',
      securityRule: [{
        name: 'AllowSsh',
        priority: 100,
        direction: 'Inbound',
        access: 'Allow',
        protocol: 'Tcp',
        sourceAddressPrefix: 'Internet',
        sourcePortRange: '*',
        destinationAddressPrefix: '*',
        destinationPortRange: '22',
      }],
    }),
  },
  {
    id: 'PCHAT-LIFE-001',
    label: 'vault without prevent_destroy',
    path: 'test/Secrets/Vault',
    problem: "'lifecycle.prevent_destroy' must be true, got undefined",
    breakIt: (f) => { f.vault.lifecycle = {}; },
  },
  {
    id: 'PCHAT-LIFE-001',
    label: 'account without prevent_destroy',
    path: 'test/OpenAi',
    problem: "'lifecycle.prevent_destroy' must be true, got false",
    breakIt: (f) => { f.account.lifecycle = { preventDestroy: false }; },
  },
  {
    id: 'PCHAT-LIFE-001',
    label: 'AIServices account without prevent_destroy',
    path: 'test/Foundry',
    problem: "'lifecycle.prevent_destroy' must be true, got undefined",
    breakIt: (f) => { f.aiAccount.lifecycle = {}; },
  },
  {
    id: 'PCHAT-ISO-001',
    label: 'public storage',
    path: 'test/Storage',
    problem: "'public_network_access_enabled' must be false, got true",
    breakIt: (f) => { f.storage.publicNetworkAccessEnabled = true; },
  },
  {
    id: 'PCHAT-ISO-002',
    label: 'registry without endpoint',
    path: 'test/Registry',
    problem: 'no azurerm_private_endpoint connects to it',
    breakIt: (f) => f.registryEndpoint.addOverride('private_service_connection.private_connection_resource_id', '/subscriptions/x/resourceGroups/y/providers/Microsoft.ContainerRegistry/registries/other'),
  },
  {
    id: 'PCHAT-ISO-002',
    label: 'storage endpoint on file with the blob zone',
    path: 'test/Storage',
    problem: "has zones [\"privatelink.blob.core.windows.net\"] in its zone group, expected 'privatelink.file.core.windows.net'",
    breakIt: (f) => f.storageEndpoint.putPrivateServiceConnection({
      name: 'connection', privateConnectionResourceId: f.storage.id, subresourceNames: ['file'], isManualConnection: false,
    }),
  },
  {
    id: 'PCHAT-ID-001',
    label: 'the app signs users in with a registration whose service principal lets the whole tenant in',
    path: 'test/SignInPrincipal',
    problem: "'app_role_assignment_required' must be true, got false (the service principal of 'test/SignInApp', which 'test/ChatApp' signs users in with)",
    breakIt: (f) => {
      new AzureadProvider(f.stack, 'azuread', {});
      const application = new Application(f.stack, 'SignInApp', { displayName: 'chat', signInAudience: 'AzureADMyOrg' });
      new ServicePrincipal(f.stack, 'SignInPrincipal', { clientId: application.clientId, appRoleAssignmentRequired: false });
      f.app.addOverride('auth_settings_v2.active_directory_v2.client_id', application.clientId);
    },
  },
  {
    id: 'PCHAT-NET-004',
    label: 'an outbound Allow to the Internet before the deny on the app subnet',
    path: 'test/Network/AppIntegrationSubnet',
    problem: 'can reach the Internet on TCP 1 through NSG',
    breakIt: (f) => nsgRule(f.stack, 'AllowAllOut', { nsgName: f.network.appIntegrationNsg.name, resourceGroupName: RG }),
  },
  {
    id: 'PCHAT-ST-001',
    label: 'the file store\'s account is opened to public networks',
    path: 'test/Files/Resource',
    problem: "'body.properties.publicNetworkAccess' must be 'Disabled', got 'Enabled'",
    breakIt: (f) => f.files.resource.addOverride('body.properties.publicNetworkAccess', 'Enabled'),
  },
  {
    id: 'PCHAT-ST-002',
    label: 'the raw storage account\'s network rules allow by default',
    path: 'test/Storage',
    problem: "'network_rules.default_action' must be 'Deny', got 'Allow'",
    breakIt: (f) => f.storage.putNetworkRules({ defaultAction: 'Allow', bypass: ['None'] }),
  },
  {
    id: 'PCHAT-ST-003',
    label: 'the file store allows anonymous blob access',
    path: 'test/Files/Resource',
    problem: "'body.properties.allowBlobPublicAccess' must be false, got true",
    breakIt: (f) => f.files.resource.addOverride('body.properties.allowBlobPublicAccess', true),
  },
  {
    id: 'PCHAT-ST-004',
    label: 'the raw storage account keeps shared keys on',
    path: 'test/Storage',
    problem: "'shared_access_key_enabled' must be false, got true",
    breakIt: (f) => { f.storage.sharedAccessKeyEnabled = true; },
  },
  {
    id: 'PCHAT-ST-005',
    label: 'the file store accepts TLS 1.0',
    path: 'test/Files/Resource',
    problem: "'body.properties.minimumTlsVersion' must be one of 'TLS1_2', 'TLS1_3', got 'TLS1_0'",
    breakIt: (f) => f.files.resource.addOverride('body.properties.minimumTlsVersion', 'TLS1_0'),
  },
  {
    id: 'PCHAT-ST-006',
    label: 'the raw storage account accepts plain HTTP',
    path: 'test/Storage',
    problem: "'https_traffic_only_enabled' must be true, got false",
    breakIt: (f) => { f.storage.httpsTrafficOnlyEnabled = false; },
  },
  {
    id: 'PCHAT-ST-007',
    label: 'the file store\'s endpoint connects on file instead of blob',
    path: 'test/Files/Resource',
    problem: "connects to subresource [\"file\"], expected 'blob'",
    breakIt: (f) => f.files.privateEndpoint.resource.putPrivateServiceConnection({
      name: 'files-connection', privateConnectionResourceId: f.files.storageAccountId, subresourceNames: ['file'], isManualConnection: false,
    }),
  },
  {
    id: 'PCHAT-ST-008',
    label: 'the file store\'s blob soft delete is off',
    path: 'test/Files/Resource',
    problem: "'body.properties.deleteRetentionPolicy' must be enabled with 'days' of at least 1, got enabled false and days 7",
    breakIt: (f) => f.files.blobService.addOverride('body.properties.deleteRetentionPolicy.enabled', false),
  },
  {
    id: 'PCHAT-ST-009',
    label: 'the file store\'s blob logs leave out deletes',
    path: 'test/Files/Resource',
    problem: 'do not enable StorageRead, StorageWrite and StorageDelete',
    breakIt: (f) => f.files.diagnosticSetting!.putEnabledLog([{ category: 'StorageRead' }, { category: 'StorageWrite' }]),
  },
  {
    id: 'PCHAT-DBW-001',
    label: 'the Databricks workspace is open to public networks',
    path: 'test/Databricks/Resource',
    problem: "'public_network_access_enabled' must be false, got true",
    breakIt: (f) => { f.databricks.resource.publicNetworkAccessEnabled = true; },
  },
  {
    id: 'PCHAT-DBW-002',
    label: 'the Databricks cluster nodes get public IPs',
    path: 'test/Databricks/Resource',
    problem: "'custom_parameters.no_public_ip' must be true, got false",
    breakIt: (f) => { f.databricks.resource.customParameters.noPublicIp = false; },
  },
  {
    id: 'PCHAT-DBW-003',
    label: 'the Databricks workspace is not injected into the VNet',
    path: 'test/Databricks/Resource',
    problem: "'custom_parameters.virtual_network_id' must be set, got undefined",
    breakIt: (f) => { f.databricks.resource.customParameters.resetVirtualNetworkId(); },
  },
  {
    id: 'PCHAT-DBW-004',
    label: 'the Databricks endpoint connects on browser_authentication only',
    path: 'test/Databricks/Resource',
    problem: "expected 'databricks_ui_api'",
    breakIt: (f) => f.databricks.privateEndpoint.resource.putPrivateServiceConnection({
      name: 'ui', privateConnectionResourceId: f.databricks.workspaceResourceId, subresourceNames: ['browser_authentication'], isManualConnection: false,
    }),
  },
  {
    id: 'PCHAT-DBW-005',
    label: 'the Databricks disk key is not granted to the disk encryption set',
    path: 'test/Databricks/Resource',
    problem: 'no azurerm_role_assignment grants the key to managed_disk_identity[0].principal_id',
    breakIt: (f) => { f.databricks.diskKeyRoleAssignment!.principalId = '11111111-2222-3333-4444-555555555555'; },
  },
];

const RULES = Compliance.rules();

describe('compliance rules', () => {
  test('the compliant stack synthesizes with the pack applied', () => {
    const f = compliantStack();
    Compliance.applyTo(f.stack);
    expect(() => synth(f.stack)).not.toThrow();
    expect(Compliance.report(f.stack).failures).toEqual([]);
  });

  test('every rule has at least one failing case below', () => {
    expect(RULES.map((r) => r.id).filter((id) => !CASES.some((c) => c.id === id))).toEqual([]);
  });

  describe.each(RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    test('passes on the compliant stack, which has resources it inspects', () => {
      const f = compliantStack();
      const json = synthJson(f.stack);
      expect(rule.resourceTypes.some((t) => Object.keys(json.resource?.[t] ?? {}).length > 0)).toBe(true);
      expect(Compliance.report(f.stack).failures.filter((x) => x.ruleId === id)).toEqual([]);
    });

    test.each(CASES.filter((c) => c.id === id).map((c) => [c.label, c] as const))('fails when %s', (_label, c) => {
      const f = compliantStack();
      c.breakIt(f);
      Compliance.applyTo(f.stack);
      const message = synthError(f.stack);
      expect(message).toContain(`'${c.path}'`);
      expect(message).toContain(`breaks ${id} (${rule.title})`);
      expect(message).toContain(c.problem);
      expect(message).toContain(`Fix: ${rule.fix}`);
      // The mutation breaks this rule and nothing else.
      expect([...new Set(Compliance.report(f.stack).failures.map((x) => x.ruleId))]).toEqual([id]);
    });
  });
});

describe('model accounts of kind AIServices', () => {
  test('every PCHAT-OAI-* rule has a failing case on the AIServices account', () => {
    const oai = RULES.map((r) => r.id).filter((id) => id.startsWith('PCHAT-OAI-'));
    expect(oai.filter((id) => !CASES.some((c) => c.id === id && c.path === 'test/Foundry'))).toEqual([]);
  });

  test('the compliant stack holds an AIServices account that passes every rule', () => {
    const f = compliantStack();
    const json = synthJson(f.stack);
    expect(json.resource!.azurerm_cognitive_account.Foundry).toMatchObject({ kind: 'AIServices', custom_subdomain_name: 'ais-chat' });
    expect(Compliance.report(f.stack).failures.filter((x) => x.constructPath === 'test/Foundry')).toEqual([]);
  });

  test('its zone group may hold the three hub zones as literal ids, in any order', () => {
    const f = compliantStack();
    f.aiAccountEndpoint.putPrivateDnsZoneGroup({
      name: 'default',
      privateDnsZoneIds: ['privatelink.cognitiveservices.azure.com', AI_SERVICES_ZONE, 'privatelink.openai.azure.com'].map(hubZoneId),
    });
    expect(Compliance.report(f.stack).failures).toEqual([]);
  });

  test('a hub zone id the checker cannot evaluate stands for one missing zone', () => {
    const f = compliantStack();
    const zone = new TerraformVariable(f.stack, 'ai_zone_id', { type: 'string' });
    f.aiAccountEndpoint.putPrivateDnsZoneGroup({
      name: 'default', privateDnsZoneIds: [zone.stringValue, f.zones.zoneIdFor(PrivateLinkZone.OPENAI), f.zones.zoneIdFor(PrivateLinkZone.COGNITIVE_SERVICES)],
    });
    expect(Compliance.report(f.stack).failures).toEqual([]);
  });

  test('a whole zone id list that is one expression may hold every zone', () => {
    const f = compliantStack();
    const ids = new TerraformVariable(f.stack, 'ai_zone_ids', { type: 'list(string)' });
    f.aiAccountEndpoint.putPrivateDnsZoneGroup({ name: 'default', privateDnsZoneIds: ids.listValue });
    expect(Compliance.report(f.stack).failures).toEqual([]);
  });

  test('one complete endpoint is enough, as for the other private endpoint rules', () => {
    const f = compliantStack();
    endpointTo(f, 'FoundryPartialEndpoint', [hubZoneId('privatelink.openai.azure.com')]);
    expect(Compliance.report(f.stack).failures).toEqual([]);
  });

  test('every incomplete endpoint is named when none is complete', () => {
    const f = compliantStack();
    f.aiAccountEndpoint.putPrivateDnsZoneGroup({ name: 'default', privateDnsZoneIds: [hubZoneId(AI_SERVICES_ZONE)] });
    endpointTo(f, 'FoundrySecondEndpoint', [hubZoneId('privatelink.cognitiveservices.azure.com')]);
    const failures = Compliance.report(f.stack).failures;
    expect(failures.map((x) => x.ruleId)).toEqual(['PCHAT-AIS-001']);
    expect(failures[0].problem).toContain("private endpoint 'test/FoundryEndpoint' has zones [\"privatelink.services.ai.azure.com\"] in its zone group, "
      + "missing 'privatelink.openai.azure.com', 'privatelink.cognitiveservices.azure.com'");
    expect(failures[0].problem).toContain("private endpoint 'test/FoundrySecondEndpoint' has zones [\"privatelink.cognitiveservices.azure.com\"] in its zone group, "
      + "missing 'privatelink.services.ai.azure.com', 'privatelink.openai.azure.com'");
  });

  test('an OpenAI account needs only the openai zone (PCHAT-AIS-001 is for AIServices)', () => {
    const f = compliantStack();
    f.accountEndpoint.putPrivateDnsZoneGroup({ name: 'default', privateDnsZoneIds: [hubZoneId('privatelink.openai.azure.com')] });
    expect(Compliance.report(f.stack).failures).toEqual([]);
  });

  test('an OpenAI account is not satisfied by the cognitiveservices zone alone, an AIServices account is by PCHAT-OAI-006 (and then fails PCHAT-AIS-001)', () => {
    const f = compliantStack();
    const cognitive = f.zones.zoneIdFor(PrivateLinkZone.COGNITIVE_SERVICES);
    f.accountEndpoint.putPrivateDnsZoneGroup({ name: 'default', privateDnsZoneIds: [cognitive] });
    f.aiAccountEndpoint.putPrivateDnsZoneGroup({ name: 'default', privateDnsZoneIds: [cognitive] });
    expect(Compliance.report(f.stack).failures.map((x) => `${x.ruleId} ${x.constructPath}`)).toEqual([
      'PCHAT-OAI-006 test/OpenAi',
      'PCHAT-AIS-001 test/Foundry',
    ]);
  });

  test('accounts of other kinds stay under the PCHAT-ISO-* rules, not the model-account ones', () => {
    const f = compliantStack();
    f.aiAccount.kind = 'TextAnalytics';
    f.aiAccount.publicNetworkAccessEnabled = true;
    expect(Compliance.report(f.stack).failures.map((x) => x.ruleId)).toEqual(['PCHAT-ISO-001']);
  });
});

describe('zone groups left to Azure Policy', () => {
  /** Drops the endpoint's zone group, optionally telling Terraform to keep the one a policy creates. */
  function policyManaged(f: Fixture, ignoreChanges: string[] | undefined): void {
    f.aiAccountEndpoint.resetPrivateDnsZoneGroup();
    f.vaultEndpoint.resetPrivateDnsZoneGroup();
    if (ignoreChanges) {
      f.aiAccountEndpoint.lifecycle = { ignoreChanges };
      f.vaultEndpoint.lifecycle = { ignoreChanges };
    }
  }

  test('an endpoint with no zone group and ignore_changes = [private_dns_zone_group] counts as resolving', () => {
    const f = compliantStack();
    policyManaged(f, ['private_dns_zone_group']);
    const json = synthJson(f.stack);
    const pe = json.resource!.azurerm_private_endpoint.FoundryEndpoint;
    expect(pe).not.toHaveProperty('private_dns_zone_group');
    expect(pe.lifecycle).toEqual({ ignore_changes: ['private_dns_zone_group'] });
    expect(Compliance.report(f.stack).failures).toEqual([]);
  });

  test('the same written as an escape-hatch override passes too', () => {
    const f = compliantStack();
    policyManaged(f, undefined);
    f.aiAccountEndpoint.addOverride('lifecycle.ignore_changes', ['tags', 'private_dns_zone_group']);
    f.vaultEndpoint.addOverride('lifecycle.ignore_changes', ['private_dns_zone_group']);
    expect(Compliance.report(f.stack).failures).toEqual([]);
  });

  test('without the ignore_changes entry the endpoint resolves nothing and fails', () => {
    const f = compliantStack();
    policyManaged(f, undefined);
    const failures = Compliance.report(f.stack).failures;
    expect(failures.map((x) => `${x.ruleId} ${x.constructPath}`)).toEqual(['PCHAT-OAI-006 test/Foundry', 'PCHAT-KV-006 test/Secrets/Vault']);
    expect(failures[0].problem).toBe("private endpoint 'test/FoundryEndpoint' has no private_dns_zone_group, expected one holding "
      + "'privatelink.services.ai.azure.com' or 'privatelink.openai.azure.com' or 'privatelink.cognitiveservices.azure.com' "
      + '(or lifecycle.ignore_changes = ["private_dns_zone_group"] when the hub\'s Azure Policy creates the zone group)');
    expect(failures[1].problem).toContain("private endpoint 'test/Secrets/VaultEndpoint' has no private_dns_zone_group, expected one holding 'privatelink.vaultcore.azure.net'");
  });

  test('a policy-managed endpoint counts as complete for PCHAT-AIS-001, next to a partial one', () => {
    const f = compliantStack();
    policyManaged(f, ['private_dns_zone_group']);
    endpointTo(f, 'FoundryPartialEndpoint', [hubZoneId('privatelink.openai.azure.com')]);
    expect(Compliance.report(f.stack).failures).toEqual([]);
  });

  test('ignoring other attributes is not a delegation', () => {
    const f = compliantStack();
    policyManaged(f, ['tags', 'private_dns_zone_group[0].private_dns_zone_ids']);
    expect(Compliance.report(f.stack).failures.map((x) => x.ruleId)).toEqual(['PCHAT-OAI-006', 'PCHAT-KV-006']);
  });

  test('an endpoint that declares a zone group is judged on it, ignore_changes or not', () => {
    const f = compliantStack();
    f.aiAccountEndpoint.putPrivateDnsZoneGroup({ name: 'default', privateDnsZoneIds: [hubZoneId('privatelink.openai.azure.com')] });
    f.aiAccountEndpoint.lifecycle = { ignoreChanges: ['private_dns_zone_group'] };
    f.vaultEndpoint.putPrivateDnsZoneGroup({ name: 'default', privateDnsZoneIds: [hubZoneId('privatelink.blob.core.windows.net')] });
    f.vaultEndpoint.lifecycle = { ignoreChanges: ['private_dns_zone_group'] };
    const failures = Compliance.report(f.stack).failures;
    expect(failures.map((x) => x.ruleId)).toEqual(['PCHAT-AIS-001', 'PCHAT-KV-006']);
    expect(failures[0].problem).toContain("missing 'privatelink.services.ai.azure.com', 'privatelink.cognitiveservices.azure.com'");
  });
});

/** A second raw endpoint on the AIServices account, on `account`, in the given zones. */
function endpointTo(f: Fixture, id: string, zoneIds: string[]): void {
  endpoint(f.stack, id, f.network, f.aiAccount.id, 'account', zoneIds);
}
