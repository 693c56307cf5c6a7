import { ACR_ADMIN_USER } from './acr-admin-user';
import { ACR_ANONYMOUS_PULL } from './acr-anonymous-pull';
import { ACR_DATA_ENDPOINT } from './acr-data-endpoint';
import { ACR_EXPORT_POLICY } from './acr-export-policy';
import { AIS_PRIVATE_ENDPOINT } from './ais-private-endpoint';
import { APIM_BACKEND_HTTPS } from './apim-backend-https';
import { APIM_MANAGED_IDENTITY } from './apim-managed-identity';
import { APIM_PRIVATE_INBOUND } from './apim-private-inbound';
import { APIM_PUBLIC_ACCESS } from './apim-public-access';
import { APIM_TLS } from './apim-tls';
import { APIM_VNET } from './apim-vnet';
import { APP_AUTHENTICATION } from './app-authentication';
import { APP_FTP_BASIC_AUTH } from './app-ftp-basic-auth';
import { APP_HTTPS_ONLY } from './app-https-only';
import { APP_MANAGED_IDENTITY } from './app-managed-identity';
import { APP_MIN_TLS } from './app-min-tls';
import { APP_PRIVATE_ENDPOINT } from './app-private-endpoint';
import { APP_PUBLIC_ACCESS } from './app-public-access';
import { APP_REMOTE_DEBUGGING } from './app-remote-debugging';
import { APP_VNET_ROUTE_ALL } from './app-vnet-route-all';
import { APPLY_CONTROL_PLANE } from './apply-control-plane';
import { DBW_CMK } from './dbw-cmk';
import { DBW_PRIVATE_ENDPOINT } from './dbw-private-endpoint';
import { DBW_PUBLIC_ACCESS } from './dbw-public-access';
import { DBW_SECURE_CONNECTIVITY } from './dbw-secure-connectivity';
import { DBW_VNET_INJECTION } from './dbw-vnet-injection';
import { DEPLOYMENT_CONTENT_FILTER } from './deployment-content-filter';
import { DEPLOYMENT_DATA_ZONE } from './deployment-data-zone';
import { DEPLOYMENT_SERIALIZED } from './deployment-serialized';
import { DEPLOYMENT_VERSION_PINNED } from './deployment-version-pinned';
import { KV_DIAGNOSTICS } from './kv-diagnostics';
import { KV_KEY_ROTATION } from './kv-key-rotation';
import { KV_NETWORK_ACLS } from './kv-network-acls';
import { KV_PRIVATE_ENDPOINT } from './kv-private-endpoint';
import { KV_PUBLIC_ACCESS } from './kv-public-access';
import { KV_PURGE_PROTECTION } from './kv-purge-protection';
import { KV_RBAC } from './kv-rbac';
import { KV_RETENTION } from './kv-retention';
import { KV_SECRET_EXPIRY } from './kv-secret-expiry';
import { LIFECYCLE_PREVENT_DESTROY } from './lifecycle-prevent-destroy';
import { AMPLS_PRIVATE_ONLY, INSIGHTS_ENTRA_ONLY, INSIGHTS_PRIVATE_INGESTION } from './monitor-insights';
import { NET_EGRESS_CLOSED } from './net-egress-closed';
import { NET_NO_INTERNET_INBOUND } from './net-no-internet-inbound';
import { NET_REACHABILITY } from './net-reachability';
import { NET_SUBNET_NSG } from './net-subnet-nsg';
import { OAI_CMK_PURGE_PROTECTION } from './oai-cmk-purge-protection';
import { OAI_CUSTOM_SUBDOMAIN } from './oai-custom-subdomain';
import { OAI_DIAGNOSTICS } from './oai-diagnostics';
import { OAI_LOCAL_AUTH } from './oai-local-auth';
import { OAI_MANAGED_IDENTITY } from './oai-managed-identity';
import { OAI_NETWORK_ACLS } from './oai-network-acls';
import { OAI_OUTBOUND } from './oai-outbound';
import { OAI_PRIVATE_ENDPOINT } from './oai-private-endpoint';
import { OAI_PUBLIC_ACCESS } from './oai-public-access';
import { PAAS_PRIVATE_ENDPOINT } from './paas-private-endpoint';
import { PAAS_PUBLIC_ACCESS } from './paas-public-access';
import { PG_BACKUPS } from './pg-backups';
import { PG_SECURE_TRANSPORT } from './pg-secure-transport';
import { REDIS_DIAGNOSTICS } from './redis-diagnostics';
import { REDIS_PRIVATE_ENDPOINT } from './redis-private-endpoint';
import { REDIS_PUBLIC_ACCESS } from './redis-public-access';
import { REDIS_REPLICATION } from './redis-replication';
import { REDIS_TLS } from './redis-tls';
import { SIGNIN_ASSIGNMENT } from './signin-assignment';
import { STORAGE_BLOB_PUBLIC_ACCESS } from './storage-blob-public-access';
import { STORAGE_DIAGNOSTICS } from './storage-diagnostics';
import { STORAGE_HTTPS_ONLY } from './storage-https-only';
import { STORAGE_MIN_TLS } from './storage-min-tls';
import { STORAGE_NETWORK_ACLS } from './storage-network-acls';
import { STORAGE_PRIVATE_ENDPOINT } from './storage-private-endpoint';
import { STORAGE_PUBLIC_ACCESS } from './storage-public-access';
import { STORAGE_SHARED_KEY } from './storage-shared-key';
import { STORAGE_SOFT_DELETE } from './storage-soft-delete';
import { RuleDefinition } from '../private/rule-kit';

/** The whole pack, in the order the docs list and the checker reports. */
export const ALL_RULES: readonly RuleDefinition[] = [
  OAI_PUBLIC_ACCESS, OAI_NETWORK_ACLS, OAI_LOCAL_AUTH, OAI_MANAGED_IDENTITY, OAI_OUTBOUND, OAI_PRIVATE_ENDPOINT, OAI_DIAGNOSTICS,
  OAI_CUSTOM_SUBDOMAIN, AIS_PRIVATE_ENDPOINT,
  DEPLOYMENT_CONTENT_FILTER, DEPLOYMENT_VERSION_PINNED, DEPLOYMENT_SERIALIZED,
  KV_PURGE_PROTECTION, KV_RETENTION, KV_PUBLIC_ACCESS, KV_NETWORK_ACLS, KV_RBAC, KV_PRIVATE_ENDPOINT, KV_DIAGNOSTICS, KV_SECRET_EXPIRY,
  APP_PUBLIC_ACCESS, APP_PRIVATE_ENDPOINT, APP_HTTPS_ONLY, APP_MIN_TLS, APP_FTP_BASIC_AUTH, APP_MANAGED_IDENTITY,
  APP_AUTHENTICATION, APP_REMOTE_DEBUGGING, APP_VNET_ROUTE_ALL,
  NET_SUBNET_NSG, NET_NO_INTERNET_INBOUND,
  LIFECYCLE_PREVENT_DESTROY,
  PAAS_PUBLIC_ACCESS, PAAS_PRIVATE_ENDPOINT,
  KV_KEY_ROTATION, OAI_CMK_PURGE_PROTECTION,
  ACR_ADMIN_USER, ACR_ANONYMOUS_PULL, ACR_EXPORT_POLICY, ACR_DATA_ENDPOINT,
  APIM_PUBLIC_ACCESS, APIM_PRIVATE_INBOUND, APIM_VNET, APIM_TLS, APIM_MANAGED_IDENTITY, APIM_BACKEND_HTTPS,
  PG_SECURE_TRANSPORT, PG_BACKUPS,
  STORAGE_PUBLIC_ACCESS, STORAGE_NETWORK_ACLS, STORAGE_BLOB_PUBLIC_ACCESS, STORAGE_SHARED_KEY, STORAGE_MIN_TLS, STORAGE_HTTPS_ONLY,
  STORAGE_PRIVATE_ENDPOINT, STORAGE_SOFT_DELETE, STORAGE_DIAGNOSTICS,
  REDIS_PUBLIC_ACCESS, REDIS_PRIVATE_ENDPOINT, REDIS_TLS, REDIS_DIAGNOSTICS, REDIS_REPLICATION,
  INSIGHTS_ENTRA_ONLY, INSIGHTS_PRIVATE_INGESTION, AMPLS_PRIVATE_ONLY,
  NET_REACHABILITY,
  APPLY_CONTROL_PLANE,
  DEPLOYMENT_DATA_ZONE,
  NET_EGRESS_CLOSED,
  SIGNIN_ASSIGNMENT,
  DBW_PUBLIC_ACCESS, DBW_SECURE_CONNECTIVITY, DBW_VNET_INJECTION, DBW_PRIVATE_ENDPOINT, DBW_CMK,
];
