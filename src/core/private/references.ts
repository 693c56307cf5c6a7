import { FieldSpec, is } from './validate';

// Runtime shapes of the typed references constructs pass each other (IPrivateNetwork,
// IMonitoring, …): an object is taken for one when it has the members every implementation has.
// One definition per interface, so every construct words its errors the same way.

/** An IPrivateNetwork. */
export const NETWORK_REF = (required = false): FieldSpec => is.reference(
  ['virtualNetworkId', 'privateEndpointSubnetId'], 'a PrivateNetwork or PrivateNetwork.fromAttributes(...)', required);
/** An IPrivateDnsZones. */
export const DNS_ZONES_REF = (required = false): FieldSpec => is.reference(
  ['zoneIdFor'], 'a PrivateDnsZones or PrivateDnsZones.fromHubZoneIds(...)', required);
/** An IMonitoring. */
export const MONITORING_REF = (required = false): FieldSpec => is.reference(
  ['workspaceId', 'addDiagnosticSetting'], 'a Monitoring or Monitoring.fromWorkspaceId(...)', required);
/** An IMonitorPrivateLinkScope. */
export const MONITOR_SCOPE_REF = (required = false): FieldSpec => is.reference(
  ['scopeId', 'addScopedResource'], 'a MonitorPrivateLinkScope or MonitorPrivateLinkScope.fromScopeId(...)', required);
/** An IPrincipal. */
export const PRINCIPAL_REF = (required = false): FieldSpec => is.reference(
  ['node', 'principalId', 'principalType'], 'an IPrincipal (a ChatIdentity, or Principal.fromGroupObjectId(...))', required);
/** An IChatIdentity. */
export const IDENTITY_REF = (required = false): FieldSpec => is.reference(
  ['identityId', 'clientId', 'principalId'], 'an IChatIdentity (a ChatIdentity or ChatIdentity.fromIdentityAttributes(...))', required);
/** An IPrivateKeyVault. */
export const VAULT_REF = (required = false): FieldSpec => is.reference(
  ['vaultId', 'vaultUri', 'addSecret', 'grantSecretsRead'], 'an IPrivateKeyVault (a PrivateKeyVault or PrivateKeyVault.fromAttributes(...))', required);
/** An ICustomerManagedKey. */
export const CUSTOMER_MANAGED_KEY_REF = (required = false): FieldSpec => is.reference(
  ['keyId', 'keyVaultId', 'identityId', 'identityClientId', 'identityPrincipalId', 'dependables'],
  'an ICustomerManagedKey (an EncryptionKey or EncryptionKey.fromKeyId(...))', required);
/** An IAiAccount. */
export const AI_ACCOUNT_REF = (required = false): FieldSpec => is.reference(
  ['accountId', 'endpoint', 'grantUse'], 'an IAiAccount (an AiAccount, an OpenAiAccount, or AiAccount.fromAttributes(...))', required);
