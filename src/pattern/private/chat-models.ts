import { DeploymentSkuFamily, ModelDeployment, ModelDeploymentOptions } from '../../ai/model-deployment';
import { ModelCatalogue, ModelKind } from '../../ai/models';
import { ChatFrontEnd } from '../../app/front-end';
import { isUnresolved } from '../../core/private/validate';

/**
 * Reasoning models (o-series, gpt-5 family, gpt-oss), for models newer than the catalogue: they
 * reject `max_tokens` and `temperature`.
 */
const REASONING_MODEL = /^(o\d|gpt-5|gpt-oss|gpt-chat-latest|codex|deepseek-r)/i;

/** Models that answer no chat completions at all, for models newer than the catalogue: speech, images, video, document extraction. */
const NON_CHAT_MODEL = /^(whisper|tts|gpt-4o-(mini-)?(transcribe|tts|realtime|audio)|gpt-realtime|gpt-audio|dall-e|gpt-image|sora|mistral-document-ai)/i;

/**
 * Why `frontEnd` cannot chat through `deployment`, or undefined when it can (or when the model is
 * a token and cannot be judged). Known models are judged by the model catalogue; models newer
 * than it by their name.
 */
export function whyFrontEndCannotCall(frontEnd: ChatFrontEnd, deployment: ModelDeployment): string | undefined {
  const model = deployment.modelName;
  if (deployment.sku.family === DeploymentSkuFamily.BATCH) {
    return `a ${deployment.sku.name} deployment: batch deployments answer files hours later, not chat requests`;
  }
  if (isUnresolved(model)) return undefined;
  const info = ModelCatalogue.find(model);
  const embeddings = info ? info.kind === ModelKind.EMBEDDINGS : /embedding/i.test(model);
  if (embeddings) return `an embeddings model (${model}): it answers no chat requests`;
  const notChat = info ? !info.chatCompletions || info.kind === ModelKind.IMAGE || info.kind === ModelKind.AUDIO : NON_CHAT_MODEL.test(model);
  if (notChat) return `a model without chat completions (${model}): speech, images, realtime or documents`;
  const reasoning = info ? info.reasoning : REASONING_MODEL.test(model);
  if (reasoning && !frontEnd.callsReasoningModels) {
    return `a reasoning model (${model}), which ${frontEnd.name} cannot call: it sends max_tokens and temperature, which reasoning models reject`;
  }
  return undefined;
}

/**
 * The deployments a pattern asks its account for when the user gives none: undefined (the
 * account's default, gpt-5.4 on DataZoneStandard) for a front end that calls reasoning models;
 * for one that cannot (Microsoft's sample chat app), gpt-4.1-mini, the newest non-reasoning chat
 * model Microsoft offers as DataZoneStandard in the EU and US data zones (Legacy, retiring
 * 2027-04-14: the synth warns), processed in the data zone like the account's default.
 */
export function defaultModelsFor(frontEnd: ChatFrontEnd): ModelDeploymentOptions[] | undefined {
  if (frontEnd.callsReasoningModels) return undefined;
  return [{ modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14', capacity: 10 }];
}
