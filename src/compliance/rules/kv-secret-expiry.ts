import { expectSet, resourceRule } from '../private/rule-kit';

/** Every secret says what it is and when it stops being valid. */
export const KV_SECRET_EXPIRY = resourceRule({
  id: 'PCHAT-KV-008',
  title: 'Key Vault secret: content type and expiration date',
  mapsTo: ['CKV_AZURE_114', 'CKV_AZURE_41'],
  rationale: 'An expiry date forces rotation and lets Azure Policy and Defender flag stale secrets; the content type tells operators how to rotate it.',
  fix: 'Set content_type (contentType) and expiration_date (expirationDate, RFC 3339) on the azurerm_key_vault_secret.',
  resourceTypes: ['azurerm_key_vault_secret'],
}, (r) => [expectSet(r.config, 'content_type'), expectSet(r.config, 'expiration_date')]);
