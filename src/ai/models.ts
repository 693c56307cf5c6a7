/**
 * Azure OpenAI models and the versions Azure offers for new deployments, as published in
 * Microsoft's model catalogue ("Azure OpenAI in Foundry Models"). Retired models and retired
 * previews are left out on purpose: a deployment of one fails at apply. Researched in November
 * 2026; Microsoft publishes retirement dates as "not before", so an entry can outlive its model.
 *
 * The table only drives a synth-time warning. Azure ships models faster than this library is
 * released, so a pair missing here is not an error: set `allowUnknownModel: true` on the
 * deployment to silence the warning for a model newer than the table.
 *
 * Not part of the public API; exported for the constructs and tests of this package only.
 *
 * @see https://learn.microsoft.com/azure/ai-foundry/foundry-models/concepts/models-sold-directly-by-azure
 */
export const KNOWN_MODELS: Readonly<Record<string, readonly string[]>> = {
  // GPT-4o family
  'gpt-4o': ['2024-08-06', '2024-11-20'],
  'gpt-4o-mini': ['2024-07-18'],
  // GPT-4.1 family
  'gpt-4.1': ['2025-04-14'],
  'gpt-4.1-mini': ['2025-04-14'],
  'gpt-4.1-nano': ['2025-04-14'],
  // o-series reasoning models (o1, o3-mini and codex-mini are retired)
  'o3': ['2025-04-16'],
  'o3-pro': ['2025-06-10'],
  'o4-mini': ['2025-04-16'],
  // GPT-5 family
  'gpt-5': ['2025-08-07'],
  'gpt-5-mini': ['2025-08-07'],
  'gpt-5-nano': ['2025-08-07'],
  'gpt-5-codex': ['2025-09-11'],
  'gpt-5-pro': ['2025-10-06'],
  'gpt-5.1': ['2025-11-13'],
  'gpt-5.1-codex': ['2025-11-13'],
  'gpt-5.1-codex-mini': ['2025-11-13'],
  'gpt-5.1-codex-max': ['2025-12-04'],
  'gpt-5.2': ['2025-12-11'],
  'gpt-5.2-codex': ['2026-01-14'],
  'gpt-5.3-codex': ['2026-02-24'],
  'gpt-5.4': ['2026-03-05'],
  'gpt-5.4-pro': ['2026-03-05'],
  'gpt-5.4-mini': ['2026-03-17'],
  'gpt-5.4-nano': ['2026-03-17'],
  'gpt-5.5': ['2026-04-24'],
  // Embeddings
  'text-embedding-3-small': ['1'],
  'text-embedding-3-large': ['1'],
  'text-embedding-ada-002': ['2'],
};

/** Whether the table lists `version` of `modelName`. */
export function isKnownModel(modelName: string, version: string): boolean {
  return knownVersions(modelName).includes(version);
}

/** Versions the table lists for `modelName` (empty when the model is not listed). */
export function knownVersions(modelName: string): readonly string[] {
  return Object.prototype.hasOwnProperty.call(KNOWN_MODELS, modelName) ? KNOWN_MODELS[modelName] : [];
}
