// The operations of the gateway's `openai` API: the Azure OpenAI and OpenAI-compatible (v1)
// endpoints that chat front ends call, instead of wildcard operations.
//
// - "Import an Azure OpenAI API": API Management defines an operation for each Azure OpenAI REST
//   endpoint (`/deployments/{deployment-id}/chat/completions`, …) under the API's `/openai` path.
//   https://learn.microsoft.com/azure/api-management/azure-openai-api-from-specification
// - "Import a language model API": an OpenAI-compatible API gets a chat completions operation;
//   wildcard operations are what the passthrough type gets, for APIs that are not OpenAI-compatible.
//   https://learn.microsoft.com/azure/api-management/openai-compatible-llm-api
// - llm-token-limit and llm-emit-token-metric work with language model APIs that follow the
//   OpenAI Chat Completions or Responses schema.
//   https://learn.microsoft.com/azure/api-management/llm-token-limit-policy
//   https://learn.microsoft.com/azure/api-management/llm-emit-token-metric-policy
//
// Open WebUI calls `<gateway>/openai/v1` + `/chat/completions` (OPENAI_API_BASE_URLS); the sample
// chat app and Azure OpenAI SDKs call the deployment routes. Anything else gets API Management's 404.

/** One operation: its id, method, URL template (below the API's `/openai` path) and template parameters. */
export interface OperationSpec {
  readonly operationId: string;
  readonly method: string;
  readonly urlTemplate: string;
  readonly displayName: string;
  readonly description: string;
  /** Names of the `{...}` parameters in `urlTemplate` (azurerm refuses one that is not declared). */
  readonly templateParameters: readonly string[];
}

/** Operations whose bodies follow the OpenAI chat completions, responses or embeddings schema (token policies count them). */
export const OPERATIONS: readonly OperationSpec[] = [
  {
    operationId: 'v1-chat-completions',
    method: 'POST',
    urlTemplate: '/v1/chat/completions',
    displayName: 'Create a chat completion (OpenAI v1)',
    description: 'OpenAI-compatible chat completions; the deployment is the body\'s model. Open WebUI calls this.',
    templateParameters: [],
  },
  {
    operationId: 'v1-responses',
    method: 'POST',
    urlTemplate: '/v1/responses',
    displayName: 'Create a response (OpenAI v1)',
    description: 'OpenAI-compatible responses; the deployment is the body\'s model.',
    templateParameters: [],
  },
  {
    operationId: 'v1-get-response',
    method: 'GET',
    urlTemplate: '/v1/responses/{response-id}',
    displayName: 'Retrieve a stored response (OpenAI v1)',
    description: 'Reads a response the account stored.',
    templateParameters: ['response-id'],
  },
  {
    operationId: 'v1-delete-response',
    method: 'DELETE',
    urlTemplate: '/v1/responses/{response-id}',
    displayName: 'Delete a stored response (OpenAI v1)',
    description: 'Deletes a response the account stored.',
    templateParameters: ['response-id'],
  },
  {
    operationId: 'v1-embeddings',
    method: 'POST',
    urlTemplate: '/v1/embeddings',
    displayName: 'Create embeddings (OpenAI v1)',
    description: 'OpenAI-compatible embeddings, e.g. for a front end\'s document search.',
    templateParameters: [],
  },
  {
    operationId: 'v1-list-models',
    method: 'GET',
    urlTemplate: '/v1/models',
    displayName: 'List models (OpenAI v1)',
    description: 'The models OpenAI-compatible clients may call.',
    templateParameters: [],
  },
  {
    operationId: 'deployment-chat-completions',
    method: 'POST',
    urlTemplate: '/deployments/{deployment-id}/chat/completions',
    displayName: 'Create a chat completion (Azure OpenAI deployment route)',
    description: 'Azure OpenAI chat completions of one deployment (with api-version).',
    templateParameters: ['deployment-id'],
  },
  {
    operationId: 'deployment-embeddings',
    method: 'POST',
    urlTemplate: '/deployments/{deployment-id}/embeddings',
    displayName: 'Create embeddings (Azure OpenAI deployment route)',
    description: 'Azure OpenAI embeddings of one deployment (with api-version).',
    templateParameters: ['deployment-id'],
  },
];
