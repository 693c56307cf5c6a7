import { expectBool, isOpenAiAccount, resourceRule } from '../private/rule-kit';

/** Keys are off: every call is an Entra identity that RBAC can scope and logs can name. */
export const OAI_LOCAL_AUTH = resourceRule({
  id: 'PCHAT-OAI-003',
  title: 'Model account (OpenAI or AIServices): local (key) authentication off',
  mapsTo: ['CKV_AZURE_236', 'AzPol 71ef260a'],
  rationale: 'API keys are shared secrets that bypass RBAC and cannot be traced to a caller; Entra ID tokens can.',
  fix: 'Set local_auth_enabled = false (localAuthEnabled: false) and grant callers a data-plane role: Cognitive Services OpenAI User on an OpenAI account, Azure AI User on an AIServices account.',
  resourceTypes: ['azurerm_cognitive_account'],
}, (r) => expectBool(r.config, 'local_auth_enabled', false), isOpenAiAccount);
