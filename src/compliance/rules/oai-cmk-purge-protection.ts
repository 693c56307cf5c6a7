import { block, ResourceView, StackModel } from '../private/model';
import { expectBool, isOpenAiAccount, resourceRule } from '../private/rule-kit';

/**
 * A model account's customer-managed key sits in a vault with purge protection.
 *
 * Checked only when the key and its vault are resources of the stack; a key given as a literal id
 * or from another state is the vault owner's to prove. PCHAT-KV-001 holds every vault of the
 * stack to the same setting; this rule names the account that a waiver of it would break.
 *
 * @see https://learn.microsoft.com/azure/ai-foundry/openai/encrypt-data-at-rest
 */
export const OAI_CMK_PURGE_PROTECTION = resourceRule({
  id: 'PCHAT-CMK-001',
  title: 'Model account customer-managed key: its vault has purge protection',
  mapsTo: ['CKV_AZURE_42', 'CKV_AZURE_110'],
  rationale: 'Azure refuses a customer-managed key from a vault without soft delete and purge protection, and a purged key makes the encrypted data unreadable for good.',
  fix: 'Keep the key in a vault with purge_protection_enabled = true (a PrivateKeyVault), or acknowledge this rule with the reason the vault is exempt.',
  resourceTypes: ['azurerm_cognitive_account'],
}, (r, model) => {
  const keyId = block(r.config.customer_managed_key).key_vault_key_id;
  const key = model.target(keyId) ?? azapiKeyOf(model, keyId);
  if (key?.type !== 'azurerm_key_vault_key' && key?.type !== 'azapi_resource') return undefined;
  const vault = model.target(key.type === 'azapi_resource' ? key.config.parent_id : key.config.key_vault_id);
  if (vault?.type !== 'azurerm_key_vault') return undefined;
  const problem = expectBool(vault.config, 'purge_protection_enabled', true);
  return problem && `its key '${key.path}' is in the vault '${vault.path}', whose ${problem}`;
}, (r) => isOpenAiAccount(r) && Object.keys(block(r.config.customer_managed_key)).length > 0);

/**
 * The `azapi_resource` key that an `EncryptionKey`'s id names: the id is built as
 * `<vault URI>/keys/${azapi_resource.<key>.name}`, not a bare reference.
 */
function azapiKeyOf(model: StackModel, keyId: unknown): ResourceView | undefined {
  if (typeof keyId !== 'string') return undefined;
  const m = /keys\/\$\{(azapi_resource\.[A-Za-z_][A-Za-z0-9_-]*)\.name\}$/.exec(keyId);
  const key = m ? model.target(`\${${m[1]}.id}`) : undefined;
  return typeof key?.config.type === 'string' && key.config.type.toLowerCase().startsWith('microsoft.keyvault/vaults/keys@') ? key : undefined;
}
