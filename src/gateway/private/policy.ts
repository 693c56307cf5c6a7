// The API policy of the AI gateway, generated as XML text. Every element and attribute name
// below comes from the API Management policy reference; the links are on each builder.
//
// Terraform reads `${` and `%{` in any string as template syntax, so no literal text here may
// contain them (policy expressions use `@(...)` and `@{...}`, and no C# `$"..."` strings).

/** Where the gateway learns the signed-in user (see GatewayUserSource). */
export type UserSourceKind = 'ForwardedHeader' | 'TokenClaim';

/** One backend, in failover order. */
export interface PolicyBackend {
  /** `azurerm_api_management_backend` name, the `backend-id` of `set-backend-service`. */
  readonly backendId: string;
}

/**
 * One Azure Databricks serving endpoint: requests whose model is `modelName` go to it, on the
 * workspace's OpenAI-compatible chat completions route, with a token for `tokenResource`.
 */
export interface PolicyDatabricksBackend {
  /** `azurerm_api_management_backend` name (its URL is `https://<workspace URL>/serving-endpoints`). */
  readonly backendId: string;
  /** The `model` callers send. */
  readonly modelName: string;
  /** The serving endpoint's name, the `model` the workspace expects. */
  readonly endpointName: string;
  /** The Entra resource (application id) of Azure Databricks. */
  readonly tokenResource: string;
}

/** Limits of one deployment, overriding the defaults. */
export interface PolicyDeploymentLimit {
  readonly deployment: string;
  readonly tokensPerMinute: number;
  readonly tokensPerDay: number;
}

/** Everything the policy is built from. */
export interface PolicyOptions {
  readonly tenantId: string;
  readonly allowedCallerClientIds: string[];
  readonly audiences: string[];
  readonly userSource: UserSourceKind;
  readonly userHeaderName: string;
  /** Client id of the user-assigned identity that calls the backends; undefined for the system-assigned one. */
  readonly identityClientId?: string;
  /** Backends in the order they are tried. */
  readonly backends: PolicyBackend[];
  /** Databricks serving endpoints, each answering for one model name; none when left out. */
  readonly databricksBackends?: PolicyDatabricksBackend[];
  readonly tokensPerMinute: number;
  readonly tokensPerDay: number;
  readonly deploymentLimits: PolicyDeploymentLimit[];
  readonly emitTokenMetrics: boolean;
}

/**
 * Everything the policy of the front end's embeddings API is built from: the caller is one API
 * Management subscription instead of an Entra token; the rest is the main API's.
 */
export interface EmbeddingsPolicyOptions {
  /** Name (`sid`) of the only subscription whose key is accepted. */
  readonly subscriptionName: string;
  /** Query parameter API Management would also take the key from; a request using it is refused. */
  readonly subscriptionKeyQueryName: string;
  /** Header the key arrives in, removed before the backend call. */
  readonly subscriptionKeyHeaderName: string;
  /** The deployments this API may call; any other gets 404 before a backend is called. */
  readonly allowedDeployments: string[];
  /** Header that names the user. */
  readonly userHeaderName: string;
  readonly identityClientId?: string;
  readonly backends: PolicyBackend[];
  readonly tokensPerMinute: number;
  readonly tokensPerDay: number;
  readonly deploymentLimits: PolicyDeploymentLimit[];
  readonly emitTokenMetrics: boolean;
}

/** Audience of Azure OpenAI / Foundry tokens, and the resource the gateway asks tokens for. */
export const COGNITIVE_SERVICES_RESOURCE = 'https://cognitiveservices.azure.com';

/** Context variables the policy sets. */
export const VARS = {
  callerToken: 'gateway-caller-token',
  user: 'gateway-user',
  deployment: 'gateway-deployment',
  caller: 'gateway-caller',
  attempt: 'gateway-backend-attempt',
  retryAfter: 'gateway-retry-after',
  databricks: 'gateway-databricks-backend',
} as const;

/**
 * The one operation that reaches a Databricks backend: the OpenAI-compatible chat completions
 * (`/serving-endpoints/chat/completions` on the workspace). Databricks' Responses API serves only
 * OpenAI's own models, and embeddings and the Azure OpenAI deployment routes are the accounts'.
 */
export const DATABRICKS_OPERATION_ID = 'v1-chat-completions';

/** Escapes text for an XML attribute value or element content. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** `@(...)` read of a string variable, XML-escaped for an attribute. */
function variable(name: string): string {
  return `@((string)context.Variables.GetValueOrDefault(&quot;${name}&quot;, &quot;&quot;))`;
}

function indent(lines: string[], by: number): string[] {
  const pad = ' '.repeat(by);
  return lines.map((l) => (l === '' ? l : pad + l));
}

/**
 * The whole `<policies>` document.
 *
 * Order inside `inbound`: authenticate the caller, learn the user and the deployment, meter,
 * then authenticate to the backend. Failover lives in `backend`; the user-facing limit messages
 * in `on-error`.
 */
export function buildPolicyXml(o: PolicyOptions): string {
  return policiesDocument([
    ...validateCaller(o),
    ...identifyUser(o),
    ...identifyDeployment(),
    ...databricksRouting(o.databricksBackends ?? []),
    ...tokenLimits(o),
    ...(o.emitTokenMetrics ? tokenMetrics() : []),
    ...backendAuthentication(o),
  ], backendCall(o));
}

/**
 * A `<policies>` document: `inbound` after the API's `<base />`, `backend`, the base `outbound`,
 * and `on-error` with the user-facing limit messages. Both APIs (chat and front-end embeddings)
 * share this frame; only their inbound steps and backend call differ.
 */
function policiesDocument(inbound: string[], backend: string[]): string {
  const lines = [
    '<policies>',
    '  <inbound>',
    '    <base />',
    ...indent(inbound, 4),
    '  </inbound>',
    '  <backend>',
    ...indent(backend, 4),
    '  </backend>',
    '  <outbound>',
    '    <base />',
    '  </outbound>',
    '  <on-error>',
    '    <base />',
    ...indent(limitMessages(), 4),
    '  </on-error>',
    '</policies>',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The policy of the front end's embeddings API: the same user, deployment, limits, metrics,
 * backend authentication, failover and limit messages as {@link buildPolicyXml}, built by the same
 * functions; only the caller check differs (one subscription instead of an Entra token), and
 * only the allowed deployments pass.
 */
export function buildEmbeddingsPolicyXml(o: EmbeddingsPolicyOptions): string {
  return policiesDocument([
    ...checkSubscription(o),
    ...identifyUser({ userSource: 'ForwardedHeader', userHeaderName: o.userHeaderName }),
    ...identifyDeployment(),
    ...allowDeployments(o.allowedDeployments),
    ...tokenLimits(o),
    ...(o.emitTokenMetrics ? tokenMetrics() : []),
    // The key is the gateway's, not the backend's: never forward it (the accounts refuse keys).
    `<set-header name="${xmlEscape(o.subscriptionKeyHeaderName)}" exists-action="delete" />`,
    ...backendAuthentication(o),
  ], failover(o.backends));
}

/** A JSON error answered by the gateway itself. */
function refuse(code: number, reason: string, errorCode: string, message: string): string[] {
  return [
    '<return-response>',
    `  <set-status code="${code}" reason="${reason}" />`,
    '  <set-header name="Content-Type" exists-action="override">',
    '    <value>application/json</value>',
    '  </set-header>',
    `  <set-body>{"error":{"code":"${errorCode}","message":"${xmlEscape(message)}"}}</set-body>`,
    '</return-response>',
  ];
}

/**
 * API Management has checked that the key belongs to a subscription valid for this API before
 * the policy runs; this narrows it to the front end's own subscription (the service's built-in
 * all-access subscription is valid for every API too), refuses the key in the query string
 * (where it would be logged with the URL), and names the caller for the token metrics.
 *
 * @see https://learn.microsoft.com/azure/api-management/api-management-subscriptions
 * @see https://learn.microsoft.com/azure/api-management/api-management-policy-expressions#ref-context-subscription
 */
function checkSubscription(o: EmbeddingsPolicyOptions): string[] {
  const name = xmlEscape(o.subscriptionName);
  return [
    '<choose>',
    `  <when condition="@(context.Subscription == null || context.Subscription.Id != &quot;${name}&quot;)">`,
    ...indent(refuse(401, 'Unauthorized', 'caller_not_allowed', 'Only the front end\'s subscription may call this API'), 4),
    '  </when>',
    `  <when condition="@(context.Request.Url.Query.ContainsKey(&quot;${xmlEscape(o.subscriptionKeyQueryName)}&quot;))">`,
    ...indent(refuse(400, 'Bad Request', 'key_in_query', `Send the key in the ${o.subscriptionKeyHeaderName} header, not in the query string`), 4),
    '  </when>',
    '</choose>',
    `<set-variable name="${VARS.caller}" value="@(&quot;subscription:&quot; + context.Subscription.Id)" />`,
  ];
}

/** Only the named deployments; any other gets 404 before a backend is called. */
function allowDeployments(deployments: string[]): string[] {
  const test = deployments.map((d) => `(string)context.Variables[&quot;${VARS.deployment}&quot;] != &quot;${xmlEscape(d)}&quot;`).join(' &amp;&amp; ');
  return [
    '<choose>',
    `  <when condition="@(${test})">`,
    ...indent(refuse(404, 'Not Found', 'DeploymentNotFound', 'This API serves only the front end\'s embeddings deployment'), 4),
    '  </when>',
    '</choose>',
  ];
}

/**
 * `validate-azure-ad-token`: an Entra token of one of the allowed callers (`appid`/`azp`), for the
 * Cognitive Services audience, so that a front end that already calls Azure OpenAI with its
 * managed identity works unchanged. Element order is the reference's.
 *
 * @see https://learn.microsoft.com/azure/api-management/validate-azure-ad-token-policy
 */
function validateCaller(o: PolicyOptions): string[] {
  return [
    `<validate-azure-ad-token tenant-id="${xmlEscape(o.tenantId)}" header-name="Authorization" failed-validation-httpcode="401" `
      + `failed-validation-error-message="Unauthorized: an Entra ID token of an allowed caller is required" output-token-variable-name="${VARS.callerToken}">`,
    '  <client-application-ids>',
    ...o.allowedCallerClientIds.map((id) => `    <application-id>${xmlEscape(id)}</application-id>`),
    '  </client-application-ids>',
    '  <audiences>',
    ...o.audiences.map((a) => `    <audience>${xmlEscape(a)}</audience>`),
    '  </audiences>',
    '</validate-azure-ad-token>',
    `<set-variable name="${VARS.caller}" value="@(((Jwt)context.Variables[&quot;${VARS.callerToken}&quot;]).Claims.GetValueOrDefault(&quot;appid&quot;, `
      + `((Jwt)context.Variables[&quot;${VARS.callerToken}&quot;]).Claims.GetValueOrDefault(&quot;azp&quot;, &quot;unknown&quot;)))" />`,
  ];
}

/**
 * The signed-in user: a header the (validated) caller sets, or the `oid` claim of the caller's
 * own token. A request without one is refused: an empty key would pool every such request.
 */
function identifyUser(o: Pick<PolicyOptions, 'userSource' | 'userHeaderName'>): string[] {
  const value = o.userSource === 'TokenClaim'
    ? `@(((Jwt)context.Variables[&quot;${VARS.callerToken}&quot;]).Claims.GetValueOrDefault(&quot;oid&quot;, &quot;&quot;))`
    : `@(context.Request.Headers.GetValueOrDefault(&quot;${xmlEscape(o.userHeaderName)}&quot;, &quot;&quot;).Trim().ToLowerInvariant())`;
  const missing = o.userSource === 'TokenClaim'
    ? 'the caller token has no oid claim: it must be a user token'
    : `the caller must send the signed-in user in the ${o.userHeaderName} header`;
  return [
    `<set-variable name="${VARS.user}" value="${value}" />`,
    '<choose>',
    `  <when condition="@(string.IsNullOrEmpty((string)context.Variables[&quot;${VARS.user}&quot;]))">`,
    '    <return-response>',
    '      <set-status code="400" reason="Bad Request" />',
    '      <set-header name="Content-Type" exists-action="override">',
    '        <value>application/json</value>',
    '      </set-header>',
    `      <set-body>{"error":{"code":"user_unknown","message":"${xmlEscape(missing)}"}}</set-body>`,
    '    </return-response>',
    '  </when>',
    '</choose>',
  ];
}

/**
 * The deployment (model) a request is for: the `{deployment-id}` segment of the deployment
 * routes, else the `model` field of a v1 (OpenAI-compatible) request body.
 */
function identifyDeployment(): string[] {
  return [
    `<set-variable name="${VARS.deployment}" value="@{`,
    '  var match = System.Text.RegularExpressions.Regex.Match(context.Request.OriginalUrl.Path, &quot;/deployments/([^/]+)&quot;);',
    '  if (match.Success) { return match.Groups[1].Value; }',
    '  if (context.Request.Method == &quot;POST&quot; &amp;&amp; context.Request.Body != null) {',
    '    try {',
    '      var body = context.Request.Body.As&lt;JObject&gt;(preserveContent: true);',
    '      var model = (string)body[&quot;model&quot;];',
    '      if (!string.IsNullOrEmpty(model)) { return model; }',
    '    } catch (Exception) { }',
    '  }',
    '  return &quot;none&quot;;',
    '}" />',
  ];
}

/** The counter key: one counter per user and deployment. */
export const COUNTER_KEY = `@((string)context.Variables[&quot;${VARS.user}&quot;] + &quot;|&quot; + (string)context.Variables[&quot;${VARS.deployment}&quot;])`;

/**
 * `llm-token-limit`: tokens per minute (429 when exceeded) and a daily quota (403), per user and
 * deployment. Deployments with their own limits get their own branch.
 *
 * @see https://learn.microsoft.com/azure/api-management/llm-token-limit-policy
 */
function tokenLimits(o: Pick<PolicyOptions, 'tokensPerMinute' | 'tokensPerDay' | 'deploymentLimits'>): string[] {
  const limit = (tpm: number, perDay: number) => [
    `<llm-token-limit counter-key="${COUNTER_KEY}" tokens-per-minute="${tpm}" token-quota="${perDay}" token-quota-period="Daily" `
      + `estimate-prompt-tokens="true" retry-after-variable-name="${VARS.retryAfter}" remaining-tokens-header-name="x-ratelimit-remaining-tokens" `
      + 'remaining-quota-tokens-header-name="x-quota-remaining-tokens" />',
  ];
  if (o.deploymentLimits.length === 0) return limit(o.tokensPerMinute, o.tokensPerDay);
  return [
    '<choose>',
    ...o.deploymentLimits.flatMap((d) => [
      `  <when condition="@((string)context.Variables[&quot;${VARS.deployment}&quot;] == &quot;${xmlEscape(d.deployment)}&quot;)">`,
      ...indent(limit(d.tokensPerMinute, d.tokensPerDay), 4),
      '  </when>',
    ]),
    '  <otherwise>',
    ...indent(limit(o.tokensPerMinute, o.tokensPerDay), 4),
    '  </otherwise>',
    '</choose>',
  ];
}

/**
 * `llm-emit-token-metric`: prompt, completion and total tokens to Application Insights, by user,
 * deployment and calling front end (3 of the 10 dimensions allowed).
 *
 * @see https://learn.microsoft.com/azure/api-management/llm-emit-token-metric-policy
 */
function tokenMetrics(): string[] {
  const values: Record<(typeof TOKEN_METRIC_DIMENSIONS)[number], string> = { User: VARS.user, Deployment: VARS.deployment, Caller: VARS.caller };
  return [
    '<llm-emit-token-metric namespace="ai-gateway">',
    ...TOKEN_METRIC_DIMENSIONS.map((name) => `  <dimension name="${name}" value="${variable(values[name])}" />`),
    '</llm-emit-token-metric>',
  ];
}

/** The dimensions of the token metrics, in the policy's order: the user, the deployment and the calling front end. */
export const TOKEN_METRIC_DIMENSIONS = ['User', 'Deployment', 'Caller'] as const;

/**
 * `authentication-managed-identity`: the gateway's own token for the backends, which replaces
 * the caller's `Authorization` header.
 *
 * @see https://learn.microsoft.com/azure/api-management/authentication-managed-identity-policy
 */
function backendAuthentication(o: Pick<PolicyOptions, 'identityClientId' | 'databricksBackends'>): string[] {
  const clientId = o.identityClientId === undefined ? '' : ` client-id="${xmlEscape(o.identityClientId)}"`;
  const accounts = `<authentication-managed-identity resource="${COGNITIVE_SERVICES_RESOURCE}"${clientId} />`;
  const databricks = o.databricksBackends ?? [];
  if (databricks.length === 0) return [accounts];
  // One resource for every workspace (Azure Databricks' application), but read from each backend.
  const resources = [...new Set(databricks.map((b) => b.tokenResource))];
  return [
    '<choose>',
    ...resources.flatMap((resource) => [
      `  <when condition="@(${databricksCondition(databricks.filter((b) => b.tokenResource === resource))})">`,
      `    <authentication-managed-identity resource="${xmlEscape(resource)}"${clientId} />`,
      '  </when>',
    ]),
    '  <otherwise>',
    `    ${accounts}`,
    '  </otherwise>',
    '</choose>',
  ];
}

/** Whether the request goes to one of `backends` (set by {@link databricksRouting}). */
function databricksCondition(backends: readonly PolicyDatabricksBackend[]): string {
  return backends.map((b) => `(string)context.Variables.GetValueOrDefault(&quot;${VARS.databricks}&quot;, &quot;&quot;) == &quot;${xmlEscape(b.backendId)}&quot;`)
    .join(' || ');
}

/**
 * Routing of the Databricks models, before the limits so that they meter the request as sent:
 * the chat completions operation only (others answer 400), the serving endpoint's name as the
 * body's `model` when callers know it by another name, and the workspace's path
 * (`<backend URL>/chat/completions`, the backend URL being `https://<workspace URL>/serving-endpoints`).
 *
 * @see https://learn.microsoft.com/azure/databricks/machine-learning/model-serving/query-chat-models
 * @see https://learn.microsoft.com/azure/api-management/rewrite-uri-policy
 */
function databricksRouting(backends: readonly PolicyDatabricksBackend[]): string[] {
  if (backends.length === 0) return [];
  return [
    '<choose>',
    ...backends.flatMap((b) => [
      `  <when condition="@((string)context.Variables[&quot;${VARS.deployment}&quot;] == &quot;${xmlEscape(b.modelName)}&quot;)">`,
      '    <choose>',
      `      <when condition="@(context.Operation.Id != &quot;${DATABRICKS_OPERATION_ID}&quot;)">`,
      ...indent(refuse(400, 'Bad Request', 'operation_not_supported',
        `Model ${b.modelName} is served by Azure Databricks and answers only POST /openai/v1/chat/completions`), 8),
      '      </when>',
      '    </choose>',
      `    <set-variable name="${VARS.databricks}" value="${xmlEscape(b.backendId)}" />`,
      ...(b.modelName === b.endpointName ? [] : [
        '    <set-body>@{',
        '      var body = context.Request.Body.As&lt;JObject&gt;(preserveContent: true);',
        `      body[&quot;model&quot;] = &quot;${xmlEscape(b.endpointName)}&quot;;`,
        '      return body.ToString();',
        '    }</set-body>',
      ]),
      '    <rewrite-uri template="/chat/completions" copy-unmatched-params="false" />',
      '  </when>',
    ]),
    '</choose>',
  ];
}

/**
 * The backend call: a Databricks model goes to its one workspace backend (no failover: the
 * accounts serve other models); anything else fails over across the accounts.
 */
function backendCall(o: PolicyOptions): string[] {
  const databricks = o.databricksBackends ?? [];
  if (databricks.length === 0) return failover(o.backends);
  return [
    '<choose>',
    ...databricks.flatMap((b) => [
      `  <when condition="@(${databricksCondition([b])})">`,
      `    <set-backend-service backend-id="${xmlEscape(b.backendId)}" />`,
      '    <forward-request buffer-request-body="true" />',
      '  </when>',
    ]),
    '  <otherwise>',
    ...indent(failover(o.backends), 4),
    '  </otherwise>',
    '</choose>',
  ];
}

/**
 * Failover: backends in order, the next one on 429 or 5xx (a backend whose circuit breaker is
 * open answers 503 at once). The body is buffered so that it can be sent again.
 *
 * @see https://learn.microsoft.com/azure/api-management/retry-policy
 * @see https://learn.microsoft.com/azure/api-management/set-backend-service-policy
 */
function failover(backends: PolicyBackend[]): string[] {
  if (backends.length === 1) {
    return [
      `<set-backend-service backend-id="${xmlEscape(backends[0].backendId)}" />`,
      '<forward-request buffer-request-body="true" />',
    ];
  }
  const attempt = `context.Variables.GetValueOrDefault&lt;int&gt;(&quot;${VARS.attempt}&quot;, 0)`;
  return [
    `<retry condition="@(context.Response.StatusCode == 429 || context.Response.StatusCode &gt;= 500)" count="${backends.length - 1}" `
      + 'interval="0" first-fast-retry="true">',
    '  <choose>',
    ...backends.slice(0, -1).flatMap((b, i) => [
      `    <when condition="@(${attempt} == ${i})">`,
      `      <set-backend-service backend-id="${xmlEscape(b.backendId)}" />`,
      '    </when>',
    ]),
    '    <otherwise>',
    `      <set-backend-service backend-id="${xmlEscape(backends[backends.length - 1].backendId)}" />`,
    '    </otherwise>',
    '  </choose>',
    `  <set-variable name="${VARS.attempt}" value="@(${attempt} + 1)" />`,
    '  <forward-request buffer-request-body="true" />',
    '</retry>',
  ];
}

/**
 * Tells the user which limit they hit and when to try again: 429 for the per-minute limit,
 * 403 for the daily quota (the status codes `llm-token-limit` returns).
 *
 * API Management documents that a `rate-limit` or `quota` rejection is an error that runs
 * `on-error`, with the status code in `context.Response.StatusCode`; `llm-token-limit` is not in
 * that table, and that it behaves the same way is unverified on a live gateway.
 *
 * @see https://learn.microsoft.com/azure/api-management/api-management-error-handling-policies
 */
function limitMessages(): string[] {
  const retryAfter = `@(context.Variables.ContainsKey(&quot;${VARS.retryAfter}&quot;) ? context.Variables[&quot;${VARS.retryAfter}&quot;].ToString() : &quot;60&quot;)`;
  const response = (code: number, reason: string, body: string, header: string[]) => [
    '<return-response>',
    `  <set-status code="${code}" reason="${reason}" />`,
    '  <set-header name="Content-Type" exists-action="override">',
    '    <value>application/json</value>',
    '  </set-header>',
    ...indent(header, 2),
    `  <set-body>${body}</set-body>`,
    '</return-response>',
  ];
  return [
    '<choose>',
    '  <when condition="@(context.Response.StatusCode == 429)">',
    ...indent(response(429, 'Too Many Requests',
      '@(new JObject(new JProperty(&quot;error&quot;, new JObject(new JProperty(&quot;code&quot;, &quot;user_tokens_per_minute_exceeded&quot;), '
      + `new JProperty(&quot;message&quot;, &quot;You have used your tokens per minute for this model. Try again in &quot; + (${retryAfter.slice(2, -1)}) + &quot; seconds.&quot;)))).ToString())`,
      ['<set-header name="Retry-After" exists-action="override">', `  <value>${retryAfter}</value>`, '</set-header>']), 4),
    '  </when>',
    `  <when condition="@(context.Response.StatusCode == 403 &amp;&amp; context.Variables.ContainsKey(&quot;${VARS.user}&quot;))">`,
    ...indent(response(403, 'Forbidden',
      '{"error":{"code":"user_daily_token_quota_exceeded","message":"You have used your daily token quota for this model. It renews with the next daily period."}}',
      []), 4),
    '  </when>',
    '</choose>',
  ];
}
