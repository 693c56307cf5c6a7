import { expectOneOf, expectSet, resourceRule } from '../private/rule-kit';

/** The model version is fixed and Azure does not move it. */
export const DEPLOYMENT_VERSION_PINNED = resourceRule({
  id: 'PCHAT-DEP-002',
  title: 'Model deployment: version pinned, NoAutoUpgrade',
  mapsTo: ['AzPol previews on versioning'],
  rationale: 'An automatic model upgrade changes answers, cost and filter behaviour without a code change or a review.',
  fix: "Set model.version and version_upgrade_option = \"NoAutoUpgrade\" (versionUpgradeOption: 'NoAutoUpgrade').",
  resourceTypes: ['azurerm_cognitive_deployment'],
}, (r) => [expectSet(r.config, 'model.version'), expectOneOf(r.config, 'version_upgrade_option', ['NoAutoUpgrade'])]);
