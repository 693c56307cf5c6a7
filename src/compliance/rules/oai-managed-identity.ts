import { expectIdentity, isOpenAiAccount, resourceRule } from '../private/rule-kit';

/** The model account (kind OpenAI or AIServices) has its own identity for customer-managed keys and outbound calls. */
export const OAI_MANAGED_IDENTITY = resourceRule({
  id: 'PCHAT-OAI-004',
  title: 'Model account (OpenAI or AIServices): managed identity',
  mapsTo: ['CKV_AZURE_238', 'AzPol fe3fd216'],
  rationale: 'A managed identity lets the account reach Key Vault or storage without secrets.',
  fix: "Add identity { type = \"SystemAssigned\" } (identity: { type: 'SystemAssigned' }) or a user-assigned identity.",
  resourceTypes: ['azurerm_cognitive_account'],
}, (r) => expectIdentity(r.config), isOpenAiAccount);
