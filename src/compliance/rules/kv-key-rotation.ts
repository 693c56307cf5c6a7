import { asArray, block, ResourceView } from '../private/model';
import { attr, expectSet, resourceRule, show } from '../private/rule-kit';

/** The ARM type of a vault key, as an azapi_resource `type` prefix (compared case-insensitively). */
const KEY_TYPE = 'microsoft.keyvault/vaults/keys@';

/** An azapi_resource that creates a vault key through Azure Resource Manager. */
function isAzapiKey(r: ResourceView): boolean {
  return typeof r.config.type === 'string' && r.config.type.toLowerCase().startsWith(KEY_TYPE);
}

/** The azurerm form: `rotation_policy { expire_after, automatic { time_after_creation | time_before_expiry } }`. */
function azurermProblems(r: ResourceView): string | Array<string | undefined> {
  if (Object.keys(block(r.config.rotation_policy)).length === 0) {
    return `'rotation_policy' must be set, with expire_after and an automatic block, got ${show(r.config.rotation_policy)}`;
  }
  const rotates = ['time_after_creation', 'time_before_expiry'].some((t) => expectSet(r.config, `rotation_policy.automatic.${t}`) === undefined);
  return [
    expectSet(r.config, 'rotation_policy.expire_after'),
    rotates ? undefined : `'rotation_policy.automatic' must rotate the key (time_after_creation or time_before_expiry), got ${show(attr(r.config, 'rotation_policy.automatic'))}`,
  ];
}

/** The ARM form: `properties.rotationPolicy { attributes.expiryTime, lifetimeActions[{ action.type = rotate, trigger }] }`. */
function azapiProblems(r: ResourceView): string | Array<string | undefined> {
  const policy = attr(r.config, 'body.properties.rotationPolicy');
  if (Object.keys(block(policy)).length === 0) {
    return `'body.properties.rotationPolicy' must be set, with attributes.expiryTime and a rotate lifetime action, got ${show(policy)}`;
  }
  const actions = asArray(block(policy).lifetimeActions).map((a) => block(a));
  const rotates = actions.some((a) => String(block(a.action).type).toLowerCase() === 'rotate'
    && ['timeAfterCreate', 'timeBeforeExpiry'].some((t) => expectSet(block(a.trigger), t) === undefined));
  return [
    expectSet(r.config, 'body.properties.rotationPolicy.attributes.expiryTime'),
    rotates ? undefined : `'body.properties.rotationPolicy.lifetimeActions' must hold a 'rotate' action with timeAfterCreate or timeBeforeExpiry, got ${show(block(policy).lifetimeActions)}`,
  ];
}

/**
 * Every key rotates automatically and every rotated version expires: an `azurerm_key_vault_key`
 * (`rotation_policy`), or an `azapi_resource` of type `Microsoft.KeyVault/vaults/keys`
 * (`body.properties.rotationPolicy`), which is how the library creates keys.
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
  fix: 'Add rotation_policy { expire_after = "P365D", notify_before_expiry = "P30D", automatic { time_after_creation = "P335D" } } '
    + '(azapi: body.properties.rotationPolicy with attributes.expiryTime and a rotate lifetime action), or create the key with EncryptionKey.',
  resourceTypes: ['azurerm_key_vault_key', 'azapi_resource'],
}, (r) => (r.type === 'azapi_resource' ? azapiProblems(r) : azurermProblems(r)),
(r) => r.type !== 'azapi_resource' || isAzapiKey(r));
