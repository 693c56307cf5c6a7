// The documented columns of the two resource-specific tables that the AI gateway's diagnostic
// setting (destination type Dedicated) fills, and that the usage workbook's queries read. The
// KQL schema test (kql-schema.test.ts) refuses any column a query uses that is not listed here.
//
// Copied, names and types exactly, from Microsoft's Azure Monitor table reference, read on
// 2026-11-23:
//
// ApiManagementGatewayLogs (59 columns)
//   https://learn.microsoft.com/azure/azure-monitor/reference/tables/apimanagementgatewaylogs
//   The stored copies of the live page are cut after `Method`; the rest of the list comes from
//   - the same page's ja-jp copy (columns up to `RequestBody`):
//     https://learn.microsoft.com/ja-jp/azure/azure-monitor/reference/tables/apimanagementgatewaylogs
//   - the page's source, MicrosoftDocs/azure-reference-other azure-monitor-ref/tables/apimanagementgatewaylogs.md
//     (2022 revision: every column below except IsMasterTrace, IsTraceAllowed, IsTraceExpired,
//     IsTraceRequested, Timestamp, WorkspaceId, _BilledSize and _IsBillable, which later revisions added);
//   - Sentinel Ninja's table page, generated from the live Learn page (59 columns, the same list as here).
//   Column meanings: https://learn.microsoft.com/azure/api-management/gateway-log-schema-reference
//   (RequestHeaders: "Collection of HTTP headers sent by a client", dynamic).
//
// ApiManagementGatewayLlmLog (22 columns)
//   https://learn.microsoft.com/azure/azure-monitor/reference/tables/apimanagementgatewayllmlog
//   (full list in the docs.azure.cn copy:
//   https://docs.azure.cn/en-us/azure-monitor/reference/tables/ApiManagementGatewayLlmLog, and the
//   Global zh-cn copy: https://learn.microsoft.com/zh-cn/azure/azure-monitor/reference/tables/apimanagementgatewayllmlog)

/** A Log Analytics column type as the table reference pages name it. */
export type ColumnType = 'string' | 'int' | 'long' | 'real' | 'bool' | 'datetime' | 'dynamic';

/** Column name to type, for one table. */
export type TableSchema = Readonly<Record<string, ColumnType>>;

export const API_MANAGEMENT_GATEWAY_LOGS: TableSchema = {
  ApiId: 'string',
  ApimSubscriptionId: 'string',
  ApiRevision: 'string',
  BackendId: 'string',
  BackendMethod: 'string',
  BackendProtocol: 'string',
  BackendRequestBody: 'string',
  BackendRequestHeaders: 'dynamic',
  BackendResponseBody: 'string',
  BackendResponseCode: 'int',
  BackendResponseHeaders: 'dynamic',
  BackendTime: 'long',
  BackendUrl: 'string',
  _BilledSize: 'real',
  Cache: 'string',
  CacheTime: 'long',
  CallerIpAddress: 'string',
  Category: 'string',
  ClientProtocol: 'string',
  ClientTime: 'long',
  ClientTlsVersion: 'string',
  CorrelationId: 'string',
  Errors: 'dynamic',
  _IsBillable: 'string',
  IsMasterTrace: 'bool',
  IsRequestSuccess: 'bool',
  IsTraceAllowed: 'bool',
  IsTraceExpired: 'bool',
  IsTraceRequested: 'bool',
  LastErrorElapsed: 'long',
  LastErrorMessage: 'string',
  LastErrorReason: 'string',
  LastErrorScope: 'string',
  LastErrorSection: 'string',
  LastErrorSource: 'string',
  Method: 'string',
  OperationId: 'string',
  OperationName: 'string',
  ProductId: 'string',
  Region: 'string',
  RequestBody: 'string',
  RequestHeaders: 'dynamic',
  RequestSize: 'int',
  _ResourceId: 'string',
  ResponseBody: 'string',
  ResponseCode: 'int',
  ResponseHeaders: 'dynamic',
  ResponseSize: 'int',
  SourceSystem: 'string',
  _SubscriptionId: 'string',
  TenantId: 'string',
  TimeGenerated: 'datetime',
  Timestamp: 'datetime',
  TotalTime: 'long',
  TraceRecords: 'dynamic',
  Type: 'string',
  Url: 'string',
  UserId: 'string',
  WorkspaceId: 'string',
};

export const API_MANAGEMENT_GATEWAY_LLM_LOG: TableSchema = {
  ApiVersion: 'string',
  _BilledSize: 'real',
  CompletionTokens: 'int',
  CorrelationId: 'string',
  DeploymentName: 'string',
  _IsBillable: 'string',
  IsStreamCompletion: 'bool',
  ModelName: 'string',
  OperationName: 'string',
  PromptTokens: 'int',
  Region: 'string',
  RequestId: 'string',
  RequestMessages: 'dynamic',
  _ResourceId: 'string',
  ResponseMessages: 'dynamic',
  SequenceNumber: 'int',
  SourceSystem: 'string',
  _SubscriptionId: 'string',
  TenantId: 'string',
  TimeGenerated: 'datetime',
  TotalTokens: 'int',
  Type: 'string',
};

/**
 * AppMetrics (36 columns): metrics of a workspace-based Application Insights component, where the
 * gateway's emitted token metrics land. From the table reference's source,
 * MicrosoftDocs/azure-reference-other azure-monitor-ref/tables/appmetrics.md (read 2026-11-23);
 * live page https://learn.microsoft.com/azure/azure-monitor/reference/tables/appmetrics.
 * `_BilledSize` and `_IsBillable` are the standard columns of every table.
 */
export const APP_METRICS: TableSchema = {
  AppRoleInstance: 'string',
  AppRoleName: 'string',
  AppVersion: 'string',
  _BilledSize: 'real',
  ClientBrowser: 'string',
  ClientCity: 'string',
  ClientCountryOrRegion: 'string',
  ClientIP: 'string',
  ClientModel: 'string',
  ClientOS: 'string',
  ClientStateOrProvince: 'string',
  ClientType: 'string',
  IKey: 'string',
  _IsBillable: 'string',
  ItemCount: 'int',
  Max: 'real',
  Min: 'real',
  Name: 'string',
  OperationId: 'string',
  OperationName: 'string',
  ParentId: 'string',
  Properties: 'dynamic',
  ResourceGUID: 'string',
  _ResourceId: 'string',
  SDKVersion: 'string',
  SessionId: 'string',
  SourceSystem: 'string',
  _SubscriptionId: 'string',
  Sum: 'real',
  SyntheticSource: 'string',
  TenantId: 'string',
  TimeGenerated: 'datetime',
  Type: 'string',
  UserAccountId: 'string',
  UserAuthenticatedId: 'string',
  UserId: 'string',
};

/** Every table a workbook query may read, by its name in the workspace. */
export const LOG_TABLES: Readonly<Record<string, TableSchema>> = {
  ApiManagementGatewayLogs: API_MANAGEMENT_GATEWAY_LOGS,
  ApiManagementGatewayLlmLog: API_MANAGEMENT_GATEWAY_LLM_LOG,
  AppMetrics: APP_METRICS,
};
