import { expectSet, resourceRule } from '../private/rule-kit';

/** Every model deployment runs behind a content filter policy. */
export const DEPLOYMENT_CONTENT_FILTER = resourceRule({
  id: 'PCHAT-DEP-001',
  title: 'Model deployment: content filter attached',
  mapsTo: ['AzPol previews on content filtering'],
  rationale: 'The content filter (RAI policy) is what blocks harmful prompts, completions and jailbreaks; a deployment without one inherits whatever the platform default is that day.',
  fix: "Set rai_policy_name to the stack's azurerm_cognitive_account_rai_policy (raiPolicyName: policy.name).",
  resourceTypes: ['azurerm_cognitive_deployment'],
}, (r) => expectSet(r.config, 'rai_policy_name'));
