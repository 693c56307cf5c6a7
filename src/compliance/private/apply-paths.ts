/**
 * Every Terraform resource type, data source and provisioner the library can emit, with the
 * network path an apply needs for it. The applying machine (a laptop, a hosted CI runner) reaches
 * only Azure Resource Manager and Microsoft Graph (plus the state backend and the provider
 * registry); anything else is a data-plane operation, which PCHAT-APPLY-001 fails unless
 * acknowledged, and which docs/deploy.md lists ("What an apply touches", checked against this
 * table by test/compliance/apply-paths.test.ts).
 *
 * Facts come from the provider sources at the versions the library pins (azurerm v4.55.0,
 * azuread 3.7, time 0.13, azapi 2.x); each data-plane entry names its source.
 */

/** Id of the rule that fails on a data-plane operation of the apply. */
export const APPLY_CONTROL_PLANE_RULE_ID = 'PCHAT-APPLY-001';

/** The network path an operation of the apply needs. */
export enum ApplyPath {
  /** Azure Resource Manager, `https://management.azure.com`: reachable from anywhere the deployer signs in. */
  RESOURCE_MANAGER = 'Azure Resource Manager',
  /** Microsoft Graph, `https://graph.microsoft.com` (the azuread provider). */
  MICROSOFT_GRAPH = 'Microsoft Graph',
  /** No network at all: computed by Terraform or the provider on the applying machine. */
  LOCAL = 'none (local)',
  /** A service's own endpoint, private in this library's deployments: the applying machine needs a network path into the VNet. */
  DATA_PLANE = 'data plane',
}

/** One row of the table. */
export interface ApplyPathEntry {
  /**
   * What the row classifies: a resource type (`azurerm_key_vault_secret`), a data source
   * (`data.azurerm_client_config`), a provisioner (`provisioner.local-exec`), or a prefix ending
   * in `*` (`databricks_*`).
   */
  readonly subject: string;
  readonly path: ApplyPath;
  /** For a data-plane row: the endpoint it needs, e.g. `https://<vault>.vault.azure.net`. */
  readonly endpoint?: string;
  /** What the apply does there, and the way out when it is a data-plane operation. */
  readonly note: string;
  /** Where the fact comes from. */
  readonly source?: string;
  /**
   * For a type whose path depends on its arguments: the attribute that makes it a data-plane
   * operation when set (e.g. `storage_account_name` on `azurerm_storage_container`).
   */
  readonly dataPlaneWhenSet?: string;
}

const AZURERM = 'https://github.com/hashicorp/terraform-provider-azurerm/blob/v4.55.0/internal/services';

const arm = (subjects: string[], note = 'ARM only'): ApplyPathEntry[] =>
  subjects.map((subject) => ({ subject, path: ApplyPath.RESOURCE_MANAGER, note }));

/** The table, control plane first, then Graph, local, and the data-plane operations. */
export const APPLY_PATHS: readonly ApplyPathEntry[] = [
  ...arm([
    'azurerm_resource_group', 'azurerm_virtual_network', 'azurerm_virtual_network_peering', 'azurerm_subnet', 'azurerm_network_security_group', 'azurerm_network_security_rule',
    'azurerm_subnet_network_security_group_association', 'azurerm_route_table', 'azurerm_route', 'azurerm_subnet_route_table_association',
    'azurerm_nat_gateway', 'azurerm_public_ip', 'azurerm_nat_gateway_public_ip_association', 'azurerm_subnet_nat_gateway_association',
    'azurerm_private_endpoint', 'azurerm_private_dns_zone', 'azurerm_private_dns_zone_virtual_network_link', 'azurerm_private_dns_a_record',
    'azurerm_log_analytics_workspace', 'azurerm_monitor_diagnostic_setting', 'azurerm_monitor_autoscale_setting', 'azurerm_monitor_private_link_scope',
    'azurerm_monitor_private_link_scoped_service', 'azurerm_application_insights', 'azurerm_application_insights_workbook',
    'azurerm_user_assigned_identity', 'azurerm_role_assignment',
    'azurerm_cognitive_account', 'azurerm_cognitive_deployment', 'azurerm_cognitive_account_rai_policy', 'azurerm_cognitive_account_project',
    'azurerm_service_plan', 'azurerm_linux_web_app',
    'azurerm_postgresql_flexible_server', 'azurerm_postgresql_flexible_server_database', 'azurerm_postgresql_flexible_server_configuration',
    'azurerm_postgresql_flexible_server_active_directory_administrator',
    'azurerm_container_registry', 'azurerm_container_registry_cache_rule',
    'azurerm_api_management', 'azurerm_api_management_api', 'azurerm_api_management_api_operation', 'azurerm_api_management_api_policy',
    'azurerm_api_management_api_diagnostic', 'azurerm_api_management_backend', 'azurerm_api_management_logger',
    // Its keys are read through ARM too (POST …/subscriptions/<sid>/listSecrets).
    'azurerm_api_management_subscription',
  ]),
  {
    subject: 'azurerm_managed_redis',
    path: ApplyPath.RESOURCE_MANAGER,
    note: 'ARM: the cluster and its default database are PUT and polled through management.azure.com, and with access keys on the read '
      + 'lists them with the ARM action listKeys; nothing connects to the Redis endpoint (port 10000)',
    source: `${AZURERM}/managedredis/managed_redis_resource.go (Create: CreateThenPoll on the cluster and the database; Read: dbClient.ListKeys)`,
  },
  {
    subject: 'azurerm_key_vault',
    path: ApplyPath.RESOURCE_MANAGER,
    note: 'ARM; with public network access off the provider neither polls the vault URI after create nor fails on its read of the '
      + 'certificate contacts (a data-plane call whose error it ignores when public access is off), so no data-plane path is needed',
    source: `${AZURERM}/keyvault/key_vault_resource.go (resourceKeyVaultCreate: "if isPublic" poll; resourceKeyVaultRead: GetCertificateContacts)`,
  },
  {
    subject: 'azapi_resource',
    path: ApplyPath.RESOURCE_MANAGER,
    note: 'ARM only: azapi_resource writes ARM resource types (e.g. Microsoft.KeyVault/vaults/secrets, a control-plane PUT the vault firewall does not apply to)',
    source: 'https://registry.terraform.io/providers/Azure/azapi/latest/docs/resources/resource',
  },
  { subject: 'azapi_update_resource', path: ApplyPath.RESOURCE_MANAGER, note: 'ARM only (a PATCH of an ARM resource)' },
  { subject: 'data.azurerm_client_config', path: ApplyPath.LOCAL, note: 'read from the provider\'s own credentials' },
  { subject: 'data.azurerm_subscription', path: ApplyPath.RESOURCE_MANAGER, note: 'ARM only' },
  ...['azuread_application', 'azuread_service_principal', 'azuread_application_password', 'azuread_app_role_assignment', 'azuread_group']
    .map((subject) => ({ subject, path: ApplyPath.MICROSOFT_GRAPH, note: 'Microsoft Graph only' })),
  ...['time_sleep', 'time_offset', 'time_static', 'time_rotating']
    .map((subject) => ({ subject, path: ApplyPath.LOCAL, note: 'computed by the time provider, no network' })),
  { subject: 'terraform_data', path: ApplyPath.LOCAL, note: 'no network by itself; a provisioner on it is classified on its own row' },
  {
    subject: 'azurerm_key_vault_secret',
    path: ApplyPath.DATA_PLANE,
    endpoint: 'https://<vault>.vault.azure.net (Key Vault data plane)',
    note: 'sets and reads secrets through the vault\'s own endpoint, which has public access off; write secrets with '
      + 'azapi_resource Microsoft.KeyVault/vaults/secrets (ARM) instead',
    source: `${AZURERM}/keyvault/key_vault_secret_resource.go`,
  },
  {
    subject: 'azurerm_key_vault_key',
    path: ApplyPath.DATA_PLANE,
    endpoint: 'https://<vault>.vault.azure.net (Key Vault data plane)',
    note: 'creates and reads keys through the vault\'s own endpoint; create the key with azapi_resource Microsoft.KeyVault/vaults/keys (ARM) instead',
    source: `${AZURERM}/keyvault/key_vault_key_resource.go`,
  },
  {
    subject: 'azurerm_key_vault_certificate',
    path: ApplyPath.DATA_PLANE,
    endpoint: 'https://<vault>.vault.azure.net (Key Vault data plane)',
    note: 'imports or issues certificates through the vault\'s own endpoint',
    source: `${AZURERM}/keyvault/key_vault_certificate_resource.go`,
  },
  {
    subject: 'azurerm_key_vault_certificate_contacts',
    path: ApplyPath.DATA_PLANE,
    endpoint: 'https://<vault>.vault.azure.net (Key Vault data plane)',
    note: 'the certificate contacts azurerm moved out of azurerm_key_vault because they use the data plane',
    source: `${AZURERM}/keyvault/key_vault_resource.go (the deprecation of 'contact')`,
  },
  {
    subject: 'azurerm_storage_container',
    path: ApplyPath.RESOURCE_MANAGER,
    dataPlaneWhenSet: 'storage_account_name',
    endpoint: 'https://<account>.blob.core.windows.net (Blob data plane)',
    note: 'ARM with storage_account_id; the deprecated storage_account_name form uses the Blob data plane',
    source: `${AZURERM}/storage/storage_container_resource.go`,
  },
  {
    subject: 'azurerm_storage_share',
    path: ApplyPath.RESOURCE_MANAGER,
    dataPlaneWhenSet: 'storage_account_name',
    endpoint: 'https://<account>.file.core.windows.net (Files data plane)',
    note: 'ARM with storage_account_id; the deprecated storage_account_name form uses the Files data plane',
    source: `${AZURERM}/storage/storage_share_resource.go`,
  },
  {
    subject: 'azurerm_storage_blob',
    path: ApplyPath.DATA_PLANE,
    endpoint: 'https://<account>.blob.core.windows.net (Blob data plane)',
    note: 'uploads blobs through the account\'s own endpoint',
    source: `${AZURERM}/storage/storage_blob_resource.go`,
  },
  {
    subject: 'azurerm_storage_queue',
    path: ApplyPath.DATA_PLANE,
    endpoint: 'https://<account>.queue.core.windows.net (Queue data plane)',
    note: 'creates queues through the account\'s own endpoint',
    source: `${AZURERM}/storage/storage_queue_resource.go`,
  },
  {
    subject: 'azapi_data_plane_resource',
    path: ApplyPath.DATA_PLANE,
    endpoint: 'the service\'s own endpoint',
    note: 'azapi\'s data-plane resource, by definition',
    source: 'https://registry.terraform.io/providers/Azure/azapi/latest/docs/resources/data_plane_resource',
  },
  {
    subject: 'azurerm_databricks_workspace',
    path: ApplyPath.RESOURCE_MANAGER,
    note: 'ARM: the workspace is PUT and polled through management.azure.com (Microsoft.Databricks/workspaces); the subnet delegation check reads '
      + 'the subnets through ARM too; nothing calls the workspace URL',
    source: `${AZURERM}/databricks/databricks_workspace_resource.go (Create: CreateOrUpdateThenPoll; checkSubnetDelegations: subnets client)`,
  },
  ...[
    ['databricks_model_serving', 'creates the serving endpoint through POST /api/2.0/serving-endpoints and waits for it', 'serving/resource_model_serving.go'],
    ['databricks_service_principal', 'adds the service principal through the workspace SCIM API, /api/2.0/preview/scim/v2/ServicePrincipals', 'scim/resource_service_principal.go'],
    ['databricks_permissions', 'sets the endpoint\'s ACL through PUT /api/2.0/permissions/serving-endpoints/<id>', 'permissions/resource_permissions.go'],
  ].map(([subject, note, file]): ApplyPathEntry => ({
    subject,
    path: ApplyPath.DATA_PLANE,
    endpoint: 'https://adb-<id>.<n>.azuredatabricks.net (workspace REST API, private with public access off)',
    note: `${note}; DatabricksServingEndpoint belongs in a second stack applied from inside the network and acknowledges this with the reason`,
    source: `https://github.com/databricks/terraform-provider-databricks/blob/v1.99.0/${file}`,
  })),
  {
    subject: 'databricks_*',
    path: ApplyPath.DATA_PLANE,
    endpoint: 'https://adb-<id>.azuredatabricks.net (workspace REST API, private with public access off)',
    note: 'every databricks_* resource calls the workspace API',
  },
  {
    subject: 'provisioner.local-exec',
    path: ApplyPath.DATA_PLANE,
    endpoint: 'whatever its command connects to (the retention job: the PostgreSQL private endpoint on 5432)',
    note: 'the PostgreSQL retention job with retentionJobRunner APPLYING_MACHINE runs psql against the private endpoint on 5432; '
      + 'the default (APP_STARTUP) runs it inside the VNet instead',
    source: 'https://developer.hashicorp.com/terraform/language/resources/provisioners/local-exec',
  },
  {
    subject: 'provisioner.remote-exec',
    path: ApplyPath.DATA_PLANE,
    endpoint: 'SSH or WinRM to the target host',
    note: 'the library emits none',
  },
  {
    subject: 'provisioner.file',
    path: ApplyPath.DATA_PLANE,
    endpoint: 'SSH or WinRM to the target host',
    note: 'the library emits none',
  },
];

/** The row for a resource type, data source (`data.<type>`) or provisioner (`provisioner.<kind>`), or undefined. */
export function applyPathEntry(subject: string): ApplyPathEntry | undefined {
  return APPLY_PATHS.find((e) => e.subject === subject)
    ?? APPLY_PATHS.find((e) => e.subject.endsWith('*') && subject.startsWith(e.subject.slice(0, -1)));
}

/** One data-plane operation found in a resource's configuration. */
export interface DataPlaneOperation {
  readonly entry: ApplyPathEntry;
  /** What was found, for messages (`azurerm_key_vault_secret`, `a local-exec provisioner`). */
  readonly what: string;
}

/** The data-plane operations of one resource: its type (or the arguments that make it one) and its provisioners. */
export function dataPlaneOperationsOf(type: string, config: Record<string, any>): DataPlaneOperation[] {
  const found: DataPlaneOperation[] = [];
  const entry = applyPathEntry(type);
  if (entry?.path === ApplyPath.DATA_PLANE) {
    found.push({ entry, what: type });
  } else if (entry?.dataPlaneWhenSet !== undefined && config?.[entry.dataPlaneWhenSet] !== undefined) {
    found.push({ entry: { ...entry, path: ApplyPath.DATA_PLANE }, what: `${type} with '${entry.dataPlaneWhenSet}'` });
  }
  for (const kind of provisionerKinds(config)) {
    const p = applyPathEntry(`provisioner.${kind}`) ?? { subject: `provisioner.${kind}`, path: ApplyPath.DATA_PLANE, note: 'an unknown provisioner' };
    if (p.path === ApplyPath.DATA_PLANE) found.push({ entry: p, what: `a ${kind} provisioner` });
  }
  return found;
}

/** Kinds of the provisioners in a synthesized resource (`provisioner: [{ 'local-exec': {...} }]`). */
export function provisionerKinds(config: Record<string, any> | undefined): string[] {
  const list = config?.provisioner;
  if (!Array.isArray(list)) return [];
  return list.flatMap((p) => (p && typeof p === 'object' ? Object.keys(p) : []));
}

/** The data-plane rows, as the Markdown table docs/deploy.md carries under "What an apply touches". */
export function dataPlaneTableMarkdown(): string {
  const rows = APPLY_PATHS.filter((e) => e.path === ApplyPath.DATA_PLANE || e.dataPlaneWhenSet !== undefined);
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  // URLs with <placeholders> go in code spans, where Markdown shows them as written.
  const endpoint = (text: string) => cell(text).replace(/https:\/\/\S+/g, (url) => `\`${url}\``);
  return [
    '| Operation | Network path it needs | Notes |',
    '|---|---|---|',
    ...rows.map((e) => `| \`${e.subject}\`${e.dataPlaneWhenSet ? ` (with \`${e.dataPlaneWhenSet}\`)` : ''} | ${endpoint(e.endpoint ?? '')} | ${cell(e.note)} |`),
  ].join('\n');
}
