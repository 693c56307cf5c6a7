import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { IConstruct } from 'constructs';
import { ContainerImage } from './container-image';
import { IPrincipal } from '../core/principal';

// The types a chat front end is described with: what it keeps history, shared state, files and
// embeddings in, its options, and (internal) what the web app hands it and gets back. The
// ChatFrontEnd class is in front-end.ts; Open WebUI's settings in private/open-webui-settings.ts.
/** How a chat front end learns who is signed in. */
export enum UserIdentitySource {
  /**
   * From App Service authentication's headers (`X-MS-CLIENT-PRINCIPAL-NAME` and friends), which
   * the platform sets after the Entra sign-in and which external requests cannot set.
   */
  APP_SERVICE_HEADERS = 'AppServiceHeaders',
  /**
   * From its own OpenID Connect sign-in against the same Entra registration, behind App Service
   * authentication: the ID token carries the user and the app roles (`User`, `Admin`) the front
   * end takes its roles from.
   */
  OPEN_ID_CONNECT = 'OpenIdConnect',
  /** The front end does not learn the user (it trusts whoever App Service let in). */
  NONE = 'None',
}

/** Where a chat front end keeps conversation history. */
export enum HistoryStoreKind {
  /** PostgreSQL (Azure Database for PostgreSQL Flexible Server), read from `DATABASE_URL`. */
  POSTGRESQL = 'PostgreSQL',
  /** No history store: chats live in the browser or in the container and are lost on restart. */
  NONE = 'None',
}

/** Which API a front end calls the models through. */
export enum ModelApi {
  /** The OpenAI-compatible v1 API (`https://<account>.openai.azure.com/openai/v1`): every model by deployment name, no `api-version`. */
  OPENAI_V1 = 'OpenAiV1',
  /** The Azure OpenAI deployment routes (`/openai/deployments/<name>/…?api-version=…`): one deployment. */
  AZURE_DEPLOYMENTS = 'AzureDeployments',
}

/**
 * A conversation-history store a front end connects to. Implemented by
 * {@link PostgresHistoryStore}.
 */
export interface IChatHistoryStore extends IConstruct {
  /** The kind of store, matched against the front end's `ChatFrontEnd.historyStore`. */
  readonly historyStoreKind: HistoryStoreKind;
  /**
   * Key Vault reference (`@Microsoft.KeyVault(SecretUri=…)`) to the connection URL the front end
   * reads, with its credential, so that the URL never appears in an app setting in clear.
   */
  readonly connectionUrlReference: string;
  /**
   * Idempotent SQL statements the front end runs as the database's administrator at every start,
   * before it serves (inside the VNet, so the applying machine needs no path to the database):
   * e.g. enabling pg_cron and scheduling the retention job. Only Open WebUI runs them.
   *
   * @default - none
   */
  readonly setupStatements?: string[];
  /**
   * Key Vault reference to the administrator's connection URL the setup statements run with, so
   * that `connectionUrlReference` can name a login with less privilege. The front end's own
   * process never receives it.
   *
   * @default - the setup runs with `connectionUrlReference`
   */
  readonly setupUrlReference?: string;
  /**
   * Secret parameters of the setup statements, by name: a statement reads `%(name)s`, which the
   * setup fills in client side (psycopg2) from this Key Vault reference, so that no secret appears
   * in a statement or an app setting in clear. A statement that names one is formatted, so a
   * literal `%` in it must be written `%%`.
   *
   * @default - none
   */
  readonly setupSecretReferences?: { [name: string]: string };
  /**
   * Whether the store's database has pgvector's `vector` extension, created by its setup
   * statements as the administrator, so that the front end keeps its vectors there without
   * creating it (the app's login may not).
   *
   * @default false
   */
  readonly vectorExtension?: boolean;
}

/**
 * A Redis that several instances of a front end share their state through (Open WebUI: its
 * WebSocket manager, sessions, token revocation, locks). Implemented by `PrivateRedisCache`.
 */
export interface IChatSharedState extends IConstruct {
  /**
   * Key Vault reference (`@Microsoft.KeyVault(SecretUri=…)`) to the Redis URL with its
   * credential (`rediss://:<key>@<host>:<port>/0`), so that the credential never appears in an
   * app setting in clear.
   */
  readonly redisUrlReference: string;
}

/**
 * A private blob container a front end keeps uploaded files in, reached with the app's managed
 * identity (no account key, no SAS). Implemented by `PrivateFileStore`.
 */
export interface IChatFileStore extends IConstruct {
  /** Blob endpoint of the account, `https://<account>.blob.core.windows.net` (no trailing slash). */
  readonly blobEndpoint: string;
  /** Name of the container uploads go to. */
  readonly containerName: string;
  /**
   * Lets `principal` read, write and delete blobs in the container (`Storage Blob Data
   * Contributor` on the container, nothing wider) and returns the assignment.
   */
  grantReadWrite(principal: IPrincipal): RoleAssignment;
}

/**
 * Embeddings a front end computes its document search with, reached without any model key.
 *
 * Open WebUI v0.11.4 calls embeddings only with a static key (`api-key` for its `azure_openai`
 * engine, `Authorization: Bearer` for `openai`; backend/open_webui/retrieval/utils.py), never with
 * an Entra token, while the model account keeps local (key) auth off. So the AI gateway issues
 * the front end a credential of its own, valid for one embeddings-only API and kept in the vault,
 * and calls the deployment as the gateway's managed identity. Implemented by the AI gateway.
 */
export interface IChatEmbeddings extends IConstruct {
  /** Base URL the front end appends `/openai/deployments/<name>/embeddings?api-version=…` to (no trailing slash). */
  readonly baseUrl: string;
  /** Key Vault reference to the credential the front end sends in the `api-key` header. */
  readonly apiKeyReference: string;
  /** Name of the embeddings deployment. */
  readonly deploymentName: string;
  /** `api-version` the front end sends. */
  readonly apiVersion: string;
  /** Length of the vectors the deployment returns (1536 for `text-embedding-3-small`). */
  readonly dimensions: number;
}

/** Options of `ChatFrontEnd.openWebUi`. */
export interface OpenWebUiOptions {
  /**
   * Another Open WebUI image, e.g. a newer release pinned by digest. It must listen on 8080 and be
   * Open WebUI 0.10.2 or later: older releases start and pass `/health`, but do not read
   * `OPENAI_API_CONFIGS` from the environment, so their connection has no Entra ID auth and every
   * chat fails with 401.
   *
   * It must be pinned: by digest, by a release tag (`v0.11.4`, `0.11.4-slim`) or by `git-<sha>`;
   * a rolling tag (`main`, `latest`, `dev`, `main-slim`, `cuda`…) is an error unless the image sets
   * `allowMutableTag`, and another port than 8080 is an error. A release tag older than 0.10.2 is
   * an error at synth; a digest or `git-<sha>` cannot be checked: make sure it is a release of
   * 0.10.2 or later. Microsoft's sample app's image is refused here.
   *
   * @default - `ghcr.io/open-webui/open-webui` v0.11.4, pinned by digest
   */
  readonly image?: ContainerImage;
  /**
   * Forward the signed-in user to the model endpoint as `X-OpenWebUI-User-Email`, `-Id`,
   * `-Name` and `-Role` headers, for a gateway that meters per user. They are claims made by the
   * app, not proof of the user: a gateway may trust them only from the app's own identity.
   *
   * @default false
   */
  readonly forwardUserInfoHeaders?: boolean;
  /**
   * Let users start temporary chats, which are never saved.
   *
   * @default true
   */
  readonly temporaryChatsAllowed?: boolean;
  /**
   * Make every chat temporary: nothing is saved, whatever the user picks. The strictest
   * retention there is.
   *
   * @default false
   */
  readonly temporaryChatsEnforced?: boolean;
}

/** Options of `ChatFrontEnd.fromImage`. */
export interface CustomFrontEndOptions {
  /**
   * Path App Service's health check probes.
   *
   * @default '/'
   */
  readonly healthCheckPath?: string;
  /**
   * Whether the front end needs WebSockets.
   *
   * @default false
   */
  readonly webSocketsEnabled?: boolean;
  /**
   * Whether the front end can call reasoning models (gpt-5 family, o-series, gpt-oss, DeepSeek-R1):
   * they reject `max_tokens` and `temperature`. With false, a reasoning chat model is an error.
   *
   * @default true
   */
  readonly callsReasoningModels?: boolean;
}

/**
 * What the web app knows when it asks a front end for its settings.
 *
 * @internal
 */
export interface FrontEndContext {
  /** OpenAI endpoint of the account, `https://<subdomain>.openai.azure.com/`. */
  readonly endpoint: string;
  /** The default deployment: Open WebUI's `DEFAULT_MODELS`, and `AZURE_OPENAI_MODEL` for other images. */
  readonly deploymentName: string;
  /** Every deployment the front end offers, the default first. */
  readonly deploymentNames: string[];
  /** Client id of the app's user-assigned identity. */
  readonly identityClientId: string;
  /** `https://<app host>`. */
  readonly appUrl: string;
  /** Key Vault reference to the app's own session-signing secret, when the front end needs one. */
  readonly sessionSecretReference?: string;
  /** The history store, when one is given. */
  readonly history?: IChatHistoryStore;
  /** Whether `endpoint` is an AI gateway's, which meters users by the headers the front end forwards. */
  readonly throughGateway?: boolean;
  /** The Entra registration users sign in with, for a front end that signs them in itself. */
  readonly signIn?: FrontEndSignIn;
  /** The Redis the instances share their state through, when the app runs (or may scale to) more than one instance. */
  readonly sharedState?: IChatSharedState;
  /** The private blob container uploads go to, instead of the container's disk. */
  readonly files?: IChatFileStore;
  /** The embeddings document search uses, when document chat is on. */
  readonly embeddings?: IChatEmbeddings;
  /** Whether the app may run more than one instance (a worker count or an autoscale maximum above 1). */
  readonly multiInstance?: boolean;
}

/**
 * The sign-in registration, as a front end with its own OpenID Connect sign-in needs it.
 *
 * @internal
 */
export interface FrontEndSignIn {
  /** Application (client) id. */
  readonly clientId: string;
  /** Key Vault reference to the registration's client secret. */
  readonly clientSecretReference: string;
  /** Tenant of the registration. */
  readonly tenantId: string;
  /** Key Vault reference to the password of the placeholder admin the front end creates at its first start. */
  readonly bootstrapAdminPasswordReference?: string;
}

/**
 * Settings a front end needs: `defaults` the app's `appSettings` may override, and `wired` ones
 * that carry the security design and cannot be overridden (the reason is in `wiredFrom`).
 *
 * @internal
 */
export interface FrontEndSettings {
  readonly defaults: { [key: string]: string };
  readonly wired: { [key: string]: string };
  readonly wiredFrom: { [key: string]: string };
  /** App Service's startup command (`site_config.app_command_line`), when the front end replaces the image's command. */
  readonly startupCommand?: string;
}

/**
 * The placeholder admin Open WebUI creates at its first start (`WEBUI_ADMIN_EMAIL`), so that no
 * person who signs in is ever its only account, which Open WebUI would promote to admin. `.invalid`
 * is reserved (RFC 2606): no Entra user can have this name, so no sign-in can take the account over.
 */
export const OPEN_WEBUI_BOOTSTRAP_ADMIN_EMAIL = 'bootstrap-admin@open-webui.invalid';

/** Open WebUI's OpenID Connect callback (provider `oidc`), a redirect URI of the registration. */
export const OPEN_WEBUI_OIDC_CALLBACK = '/oauth/oidc/callback';
