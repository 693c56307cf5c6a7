import { block } from '../private/model';
import { attr, expectSet, resourceRule, show } from '../private/rule-kit';

/**
 * Every key rotates automatically and every rotated version expires.
 *
 * Checkov's Terraform check CKV_AZURE_40 reads `expiration_date`, which a rotating key must not
 * set (azurerm writes the newest version's expiry back into it: hashicorp/terraform-provider-azurerm#22838);
 * Checkov's ARM form of the same check reads the rotation policy's expiry, as this rule does.
 *
 * @see https://learn.microsoft.com/azure/key-vault/keys/how-to-configure-key-rotation
 */
export const KV_KEY_ROTATION = resourceRule({
  id: 'PCHAT-KV-009',
  title: 'Key Vault key: automatic rotation and an expiry in its rotation policy',
  mapsTo: ['CKV_AZURE_40'],
  rationale: 'A key that rotates by itself limits what one compromised version exposes, and an expiry on every version stops a forgotten one from being used for ever.',
  fix: 'Add rotation_policy { expire_after = "P365D", notify_before_expiry = "P30D", automatic { time_after_creation = "P335D" } }, or create the key with EncryptionKey.',
  resourceTypes: ['azurerm_key_vault_key'],
}, (r) => {
  if (Object.keys(block(r.config.rotation_policy)).length === 0) {
    return `'rotation_policy' must be set, with expire_after and an automatic block, got ${show(r.config.rotation_policy)}`;
  }
  const rotates = ['time_after_creation', 'time_before_expiry'].some((t) => expectSet(r.config, `rotation_policy.automatic.${t}`) === undefined);
  return [
    expectSet(r.config, 'rotation_policy.expire_after'),
    rotates ? undefined : `'rotation_policy.automatic' must rotate the key (time_after_creation or time_before_expiry), got ${show(attr(r.config, 'rotation_policy.automatic'))}`,
  ];
});
