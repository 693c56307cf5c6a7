import { databaseSetupSettings, databaseSetupStartupCommand } from './database-setup';
import { withoutTrailingSlash } from '../../core/private/endpoints';
import { FrontEndContext, FrontEndSettings, OPEN_WEBUI_BOOTSTRAP_ADMIN_EMAIL, OPEN_WEBUI_OIDC_CALLBACK, OpenWebUiOptions } from '../front-end-types';
import { SignIn } from '../sign-in';

// Open WebUI's app settings: what ChatFrontEnd.openWebUi() gives the web app.

export function openAiV1BaseUrl(endpoint: string): string {
  return `${withoutTrailingSlash(endpoint)}/openai/v1`;
}

/**
 * Open WebUI's settings. The security-relevant ones are wired: the model connection (Entra auth,
 * the account's v1 URL, the model list), the credential chain, the OpenID Connect sign-in against
 * the sign-in registration with roles from the ID token's `roles` claim (see
 * `openWebUiSignInSettings`), the secrets, and the switches that would let users or admins
 * route the app's token elsewhere.
 *
 * @see https://docs.openwebui.com/reference/env-configuration
 */
export function openWebUiSettings(ctx: FrontEndContext, options: OpenWebUiOptions): FrontEndSettings {
  // model_ids is what makes Open WebUI list the models without calling /models with the (empty)
  // key; "azure" stays unset, since on a /openai/v1 URL it would rewrite to deployment routes.
  const connection = { 0: { enable: true, auth_type: 'microsoft_entra_id', model_ids: ctx.deploymentNames } };
  const wired: { [key: string]: string } = {
    ENABLE_OPENAI_API: 'True',
    OPENAI_API_BASE_URLS: openAiV1BaseUrl(ctx.endpoint),
    OPENAI_API_CONFIGS: JSON.stringify(connection),
    ENABLE_OLLAMA_API: 'False',
    AZURE_TOKEN_CREDENTIALS: 'ManagedIdentityCredential',
    ENABLE_PERSISTENT_CONFIG: 'False',
    ENABLE_DIRECT_CONNECTIONS: 'False',
    ENABLE_OPENAI_API_PASSTHROUGH: 'False',
    ...openWebUiSignInSettings(ctx),
    WEBUI_URL: ctx.appUrl,
    CORS_ALLOW_ORIGIN: ctx.appUrl,
    // Through a gateway the user headers are how it meters per user; it trusts them only from this app's identity.
    ENABLE_FORWARD_USER_INFO_HEADERS: options.forwardUserInfoHeaders || ctx.throughGateway ? 'True' : 'False',
    USER_PERMISSIONS_CHAT_TEMPORARY: options.temporaryChatsAllowed === false && !options.temporaryChatsEnforced ? 'False' : 'True',
    USER_PERMISSIONS_CHAT_TEMPORARY_ENFORCED: options.temporaryChatsEnforced ? 'True' : 'False',
  };
  const wiredFrom: { [key: string]: string } = Object.fromEntries(Object.keys(wired).map((k) => [k, 'frontEnd']));
  for (const key of ['OPENAI_API_BASE_URLS']) wiredFrom[key] = 'aiAccount';
  for (const key of ['OAUTH_CLIENT_ID', 'OAUTH_CLIENT_SECRET', 'OPENID_PROVIDER_URL']) wiredFrom[key] = 'signIn';
  wiredFrom.WEBUI_ADMIN_PASSWORD = 'vault';
  wiredFrom.OPENAI_API_CONFIGS = 'deploymentNames';
  if (ctx.sessionSecretReference !== undefined) {
    wired.WEBUI_SECRET_KEY = ctx.sessionSecretReference;
    wiredFrom.WEBUI_SECRET_KEY = 'vault';
  }
  let startupCommand: string | undefined;
  if (ctx.history !== undefined) {
    wired.DATABASE_URL = ctx.history.connectionUrlReference;
    wiredFrom.DATABASE_URL = 'history';
    // The database setup runs here, inside the VNet, before Open WebUI's own start command.
    const statements = Array.isArray(ctx.history.setupStatements) ? ctx.history.setupStatements : [];
    if (statements.length > 0) {
      const settings = databaseSetupSettings(statements, ctx.history.setupSecretReferences, ctx.history.setupUrlReference, ctx.files !== undefined);
      for (const [key, value] of Object.entries(settings)) {
        wired[key] = value;
        wiredFrom[key] = 'history';
      }
      startupCommand = databaseSetupStartupCommand();
    }
  }
  addScaleOutSettings(ctx, wired, wiredFrom);
  return {
    startupCommand,
    defaults: {
      DEFAULT_MODELS: ctx.deploymentName,
      OAUTH_PROVIDER_NAME: 'Microsoft Entra ID',
      // Straight to Entra ID: the user already signed in at App Service, so no second click.
      OAUTH_AUTO_REDIRECT: 'True',
      ENABLE_VERSION_UPDATE_CHECK: 'False',
      ENABLE_COMMUNITY_SHARING: 'False',
      // Every outbound feature off (egress is closed; docs/front-ends.md "What leaves the network").
      // OFFLINE_MODE sets HF_HUB_OFFLINE and turns the update check and model auto-updates off
      // (env.py, config.py); the others say so on their own, should OFFLINE_MODE change meaning.
      OFFLINE_MODE: 'True',
      HF_HUB_OFFLINE: '1',
      RAG_EMBEDDING_MODEL_AUTO_UPDATE: 'False',
      RAG_RERANKING_MODEL_AUTO_UPDATE: 'False',
      ENABLE_WEB_SEARCH: 'False',
      ENABLE_PIP_INSTALL_FRONTMATTER_REQUIREMENTS: 'False',
      DATABASE_USER_ACTIVE_STATUS_UPDATE_INTERVAL: '300',
      // Several instances exchange every Socket.IO event through Redis as JSON; orjson (v0.11.0+)
      // was the largest saving measured there, and whatever it refuses falls back to the standard
      // library (docs: scaling.md, "Switch the JSON Encoder to orjson").
      ...(ctx.multiInstance === true ? { ENABLE_ORJSON: 'True' } : {}),
    },
    wired,
    wiredFrom,
  };
}

/** The vector length Open WebUI's pgvector table gets when no embeddings deployment says otherwise (its own default). */
const PGVECTOR_DEFAULT_LENGTH = 1536;
/** pgvector's `vector` type holds at most 2,000 dimensions; longer vectors need `halfvec` (4,000). */
const PGVECTOR_MAX_VECTOR = 2000;
/**
 * Chunks per embeddings request. Open WebUI's default of 1 makes one call per chunk, about 650
 * for a 300-page document, which a deployment's requests-per-minute limit (1 per 1,000 tokens per
 * minute of quota) throttles; Azure OpenAI takes up to 2,048 inputs per request, and 64 chunks of
 * Open WebUI's default 1,000 characters stay far below a request's token limit (docs/sizing.md).
 */
const EMBEDDINGS_BATCH_SIZE = 64;

/**
 * Settings that let several Open WebUI instances share one state, and keep files, vectors and
 * document search private and durable:
 *
 * - `sharedState`: `REDIS_URL` and `WEBSOCKET_REDIS_URL` (the same Key Vault reference) with
 *   `WEBSOCKET_MANAGER=redis`, which Open WebUI requires with more than one instance (docs:
 *   getting-started/advanced-topics/scaling.md, "Step 2: Add Redis"); it also makes sign-out
 *   revoke tokens;
 * - `files`: `STORAGE_PROVIDER=azure` with the container's endpoint and no `AZURE_STORAGE_KEY`, so
 *   that the Azure SDK's credential chain (`AZURE_TOKEN_CREDENTIALS=ManagedIdentityCredential`,
 *   `AZURE_CLIENT_ID`) signs in as the app's identity; `STORAGE_LOCAL_CACHE=False` removes the
 *   local copy once a file is processed, so an upload lives only in the private container;
 * - with a PostgreSQL history store that has the `vector` extension, vectors go to pgvector in the same database (`VECTOR_DB`),
 *   never to Chroma's SQLite on the container's disk, which a restart loses and several
 *   instances corrupt; the extension is created by the store's setup as its administrator, so
 *   the app's login does not try (`PGVECTOR_CREATE_EXTENSION=False`);
 * - `embeddings`: the `azure_openai` embeddings engine against the gateway's embeddings-only API
 *   with the credential it issued (a Key Vault reference); vectors are sized to the deployment.
 *
 * @see https://docs.openwebui.com/getting-started/advanced-topics/scaling
 */
function addScaleOutSettings(ctx: FrontEndContext, wired: { [key: string]: string }, wiredFrom: { [key: string]: string }): void {
  const set = (from: string, values: { [key: string]: string }) => {
    for (const [key, value] of Object.entries(values)) {
      wired[key] = value;
      wiredFrom[key] = from;
    }
  };
  if (ctx.sharedState !== undefined) {
    set('sharedState', {
      REDIS_URL: ctx.sharedState.redisUrlReference,
      WEBSOCKET_MANAGER: 'redis',
      WEBSOCKET_REDIS_URL: ctx.sharedState.redisUrlReference,
      ENABLE_WEBSOCKET_SUPPORT: 'True',
    });
  }
  if (ctx.files !== undefined) {
    set('fileStore', {
      STORAGE_PROVIDER: 'azure',
      AZURE_STORAGE_ENDPOINT: withoutTrailingSlash(ctx.files.blobEndpoint),
      AZURE_STORAGE_CONTAINER_NAME: ctx.files.containerName,
      STORAGE_LOCAL_CACHE: 'False',
    });
  }
  if (ctx.history?.vectorExtension === true) {
    const dimensions = ctx.embeddings?.dimensions ?? PGVECTOR_DEFAULT_LENGTH;
    set(ctx.embeddings !== undefined ? 'embeddings' : 'history', {
      VECTOR_DB: 'pgvector',
      PGVECTOR_CREATE_EXTENSION: 'False',
      PGVECTOR_INITIALIZE_MAX_VECTOR_LENGTH: String(dimensions),
      PGVECTOR_USE_HALFVEC: typeof dimensions === 'number' && dimensions > PGVECTOR_MAX_VECTOR ? 'True' : 'False',
    });
    wiredFrom.VECTOR_DB = 'history';
    wiredFrom.PGVECTOR_CREATE_EXTENSION = 'history';
  }
  if (ctx.embeddings !== undefined) {
    set('embeddings', {
      RAG_EMBEDDING_ENGINE: 'azure_openai',
      RAG_EMBEDDING_MODEL: ctx.embeddings.deploymentName,
      RAG_AZURE_OPENAI_BASE_URL: withoutTrailingSlash(ctx.embeddings.baseUrl),
      RAG_AZURE_OPENAI_API_KEY: ctx.embeddings.apiKeyReference,
      RAG_AZURE_OPENAI_API_VERSION: ctx.embeddings.apiVersion,
      RAG_EMBEDDING_BATCH_SIZE: String(EMBEDDINGS_BATCH_SIZE),
    });
  }
}

/**
 * Open WebUI's sign-in: its own OpenID Connect login (provider `oidc`) against the sign-in
 * registration, roles from the ID token's `roles` claim, no password login, no trusted header.
 *
 * - Trusted-header sign-in is off: it registers every e-mail App Service lets through with
 *   `DEFAULT_USER_ROLE`, and App Service authentication sets no header that carries roles.
 * - `ENABLE_OAUTH_ROLE_MANAGEMENT` maps the app roles at every sign-in (`Admin` wins over
 *   `User`); a token without a roles claim leaves a new account at `DEFAULT_USER_ROLE`
 *   (`pending`, which reaches nothing).
 * - Open WebUI promotes its only account to admin, however it signed in; the placeholder admin
 *   (`WEBUI_ADMIN_EMAIL`, created at the first start when no account exists) is always there
 *   first, and nobody can sign in as it: password sign-in is off and its `.invalid` name cannot
 *   be an Entra user.
 * - The e-mail is the ID token's `preferred_username` (the UPN), and `name` its display name, so
 *   Open WebUI never calls the userinfo endpoint (Microsoft Graph), and Entra ID issues no
 *   `picture` claim, so it fetches no picture: sign-in needs only login.microsoftonline.com.
 * - Accounts merge by that name, so the accounts that trusted-header sign-in created (keyed by
 *   `X-MS-CLIENT-PRINCIPAL-NAME`, the same UPN) keep their chats; with a single-tenant
 *   registration the tenant alone issues these names.
 *
 * @see https://docs.openwebui.com/features/authentication-access/auth/sso
 * @see https://learn.microsoft.com/entra/identity-platform/id-token-claims-reference
 */
function openWebUiSignInSettings(ctx: FrontEndContext): { [key: string]: string } {
  const signIn = ctx.signIn;
  return {
    ENABLE_OAUTH: 'True',
    ENABLE_OAUTH_SIGNUP: 'True',
    ENABLE_OAUTH_PERSISTENT_CONFIG: 'False',
    OAUTH_CLIENT_ID: signIn?.clientId ?? '',
    OAUTH_CLIENT_SECRET: signIn?.clientSecretReference ?? '',
    OPENID_PROVIDER_URL: `https://login.microsoftonline.com/${signIn?.tenantId ?? ''}/v2.0/.well-known/openid-configuration`,
    OPENID_REDIRECT_URI: `${ctx.appUrl}${OPEN_WEBUI_OIDC_CALLBACK}`,
    OAUTH_SCOPES: 'openid email profile',
    OAUTH_EMAIL_CLAIM: 'preferred_username',
    OAUTH_USERNAME_CLAIM: 'name',
    OAUTH_MERGE_ACCOUNTS_BY_EMAIL: 'True',
    ENABLE_OAUTH_ROLE_MANAGEMENT: 'True',
    OAUTH_ROLES_CLAIM: 'roles',
    OAUTH_ALLOWED_ROLES: `${SignIn.USER_ROLE_VALUE},${SignIn.ADMIN_ROLE_VALUE}`,
    OAUTH_ADMIN_ROLES: SignIn.ADMIN_ROLE_VALUE,
    ENABLE_OAUTH_GROUP_MANAGEMENT: 'False',
    DEFAULT_USER_ROLE: 'pending',
    ENABLE_SIGNUP: 'False',
    ENABLE_LOGIN_FORM: 'False',
    ENABLE_PASSWORD_AUTH: 'False',
    WEBUI_ADMIN_EMAIL: OPEN_WEBUI_BOOTSTRAP_ADMIN_EMAIL,
    WEBUI_ADMIN_NAME: 'Bootstrap admin (cannot sign in)',
    WEBUI_ADMIN_PASSWORD: signIn?.bootstrapAdminPasswordReference ?? '',
  };
}
