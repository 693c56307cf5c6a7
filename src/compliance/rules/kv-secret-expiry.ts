import { ResourceView } from '../private/model';
import { expectSet, resourceRule } from '../private/rule-kit';

/** The ARM type of a vault secret, as an azapi_resource `type` prefix (compared case-insensitively). */
const SECRET_TYPE = 'microsoft.keyvault/vaults/secrets@';

/** An azapi_resource that writes a vault secret through Azure Resource Manager. */
function isAzapiSecret(r: ResourceView): boolean {
  return typeof r.config.type === 'string' && r.config.type.toLowerCase().startsWith(SECRET_TYPE);
}

/**
 * Every secret says what it is and when it stops being valid: an `azurerm_key_vault_secret`
 * (`content_type`, `expiration_date`), or an `azapi_resource` of type
 * `Microsoft.KeyVault/vaults/secrets` (`body.properties.contentType`, `body.properties.attributes.exp`,
 * the expiry in Unix seconds), which is how the library writes secrets.
 */
export const KV_SECRET_EXPIRY = resourceRule({
  id: 'PCHAT-KV-008',
  title: 'Key Vault secret: content type and expiration date',
  mapsTo: ['CKV_AZURE_114', 'CKV_AZURE_41'],
  rationale: 'An expiry date forces rotation and lets Azure Policy and Defender flag stale secrets; the content type tells operators how to rotate it.',
  fix: 'Set content_type (contentType) and expiration_date (expirationDate, RFC 3339) on the azurerm_key_vault_secret, '
    + 'or body.properties.contentType and body.properties.attributes.exp (Unix seconds) on the azapi_resource of type Microsoft.KeyVault/vaults/secrets.',
  resourceTypes: ['azurerm_key_vault_secret', 'azapi_resource'],
}, (r) => (r.type === 'azapi_resource'
  ? [expectSet(r.config, 'body.properties.contentType'), expectSet(r.config, 'body.properties.attributes.exp')]
  : [expectSet(r.config, 'content_type'), expectSet(r.config, 'expiration_date')]),
(r) => r.type !== 'azapi_resource' || isAzapiSecret(r));
