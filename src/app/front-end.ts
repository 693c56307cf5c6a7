import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { IConstruct } from 'constructs';
import { ContainerImage } from './container-image';
import { isMovingTag } from './private/checks';
import { databaseSetupSettings, databaseSetupStartupCommand } from './private/database-setup';
import { SignIn } from './sign-in';
import { IPrincipal } from '../core/principal';
import { withoutTrailingSlash } from '../core/private/endpoints';
import { checkField, checkShape, FieldSpec, is, isUnresolved, propError, ruleError, Shape } from '../core/private/validate';

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
  /** The kind of store, matched against the front end's {@link ChatFrontEnd.historyStore}. */
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

/** Options of {@link ChatFrontEnd.openWebUi}. */
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

/** Options of {@link ChatFrontEnd.fromImage}. */
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

const IMAGE_REF = (required: boolean): FieldSpec => is.instance(ContainerImage,
  'a ContainerImage (ContainerImage.fromRegistry(...) or ContainerImage.fromRegistryDigest(...))', required);
/** Open WebUI's OpenID Connect callback (provider `oidc`), a redirect URI of the registration. */
const OPEN_WEBUI_OIDC_CALLBACK = '/oauth/oidc/callback';

/**
 * The placeholder admin Open WebUI creates at its first start (`WEBUI_ADMIN_EMAIL`), so that no
 * person who signs in is ever its only account, which Open WebUI would promote to admin. `.invalid`
 * is reserved (RFC 2606): no Entra user can have this name, so no sign-in can take the account over.
 */
export const OPEN_WEBUI_BOOTSTRAP_ADMIN_EMAIL = 'bootstrap-admin@open-webui.invalid';

/** Fields of `OpenWebUiOptions`. */
const OPEN_WEBUI_OPTIONS_SHAPE: Shape = {
  image: IMAGE_REF(false),
  forwardUserInfoHeaders: is.boolean(),
  temporaryChatsAllowed: is.boolean(),
  temporaryChatsEnforced: is.boolean(),
};
/** Fields of `CustomFrontEndOptions`. */
const FRONT_END_OPTIONS_SHAPE: Shape = {
  healthCheckPath: is.string(),
  webSocketsEnabled: is.boolean(),
  callsReasoningModels: is.boolean(),
};

/** The front ends the library knows by name, for error messages. */
const OPEN_WEBUI = 'Open WebUI';
const SAMPLE_CHAT_APP = "Microsoft's sample chat app";
const CUSTOM = 'a custom image';

/**
 * Open WebUI v0.11.4, the multi-architecture index digest as GHCR served it on 2026-10-01
 * (docs/research/front-ends-facts.md). Re-resolve a newer release with
 * `docker buildx imagetools inspect ghcr.io/open-webui/open-webui:<tag>` and pass it as `image`.
 */
const OPEN_WEBUI_IMAGE = ContainerImage.fromRegistryDigest(
  'https://ghcr.io', 'open-webui/open-webui', 'sha256:9591b13f13843c7721c2b8eaf7382846c81b3ffe126526d1888d1fed50c6a33f', { port: 8080 },
);

/** The version of {@link OPEN_WEBUI_IMAGE}, for messages. */
const OPEN_WEBUI_DEFAULT_VERSION = 'v0.11.4';

/**
 * What the settings of {@link openWebUiSettings} need of an Open WebUI release, newest first: an
 * older release starts, passes `/health` and then ignores the setting. Settings not listed
 * (`DATABASE_URL`, `ENABLE_PERSISTENT_CONFIG`, the OpenID Connect sign-in settings such as
 * `OPENID_PROVIDER_URL`, `ENABLE_OAUTH_ROLE_MANAGEMENT` and `OAUTH_ROLES_CLAIM`, the Ollama and
 * direct-connection switches) are older than every release listed here.
 */
const OPEN_WEBUI_FLOOR: ReadonlyArray<{ readonly since: readonly [number, number, number]; readonly relies: string }> = [
  // open-webui/docs 3495ed1d ("config surfaces introduced in 0.10.2"); before, the setting was a
  // PersistentConfig with a fixed `{}` default, so the connection had no Entra auth and no model
  // list, and every chat got a 401 from the account.
  { since: [0, 10, 2], relies: 'OPENAI_API_CONFIGS from the environment' },
  // Entra ID connections arrived earlier (v0.6.31, docs/research/front-ends-facts.md), so a release
  // that lacks them already fails the entry above; list a setting here only when its floor is newer.
];

/** `v0.10.1`, `0.9.5`, `0.6.31-cuda`: a release tag; `0.10`: a minor line. Undefined for anything else. */
function releaseOf(tag: string): { readonly parts: readonly number[]; readonly text: string } | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:-[0-9A-Za-z.-]+)?$/.exec(tag);
  if (!m) return undefined;
  const parts = [Number(m[1]), Number(m[2]), ...(m[3] !== undefined ? [Number(m[3])] : [])];
  return { parts, text: parts.join('.') };
}

/** Whether every release `parts` names (a minor line names all its patches) is older than `floor`. */
function olderThan(parts: readonly number[], floor: readonly number[]): boolean {
  for (let i = 0; i < floor.length; i++) {
    if (parts[i] === undefined) return false;
    if (parts[i] !== floor[i]) return parts[i] < floor[i];
  }
  return false;
}

/** The port Open WebUI listens on unless its `PORT` setting says otherwise. */
const OPEN_WEBUI_PORT = 8080;

/** Open WebUI's pinned tags: a release (`v0.11.4`, `0.11.4`, `0.11`, with a variant suffix) or one commit (`git-<sha>`). */
const OPEN_WEBUI_PINNED_TAG = /^(v?\d+\.\d+(\.\d+)?(-[0-9A-Za-z.-]+)?|git-[0-9a-f]{7,40}(-[0-9A-Za-z.-]+)?)$/;

/**
 * Throws for an image that cannot be the Open WebUI the factory configures: Microsoft's sample
 * app, a port other than the one Open WebUI listens on, or one of Open WebUI's rolling tags
 * (`main`, `latest`, `dev`, `main-slim`, `cuda`, `ollama`: rebuilt from a branch, so a restart
 * runs other code) unless `allowMutableTag` is set.
 *
 * @see https://docs.openwebui.com/getting-started/quick-start (Image Variants: how the tags update)
 * @see https://docs.openwebui.com/reference/env-configuration (PORT, default 8080)
 */
function checkOpenWebUiImage(owner: string, prop: string, image: ContainerImage): void {
  if (isSampleImage(image)) {
    throw ruleError(owner, `'${prop}' must be an Open WebUI image: '${image.reference}' is Microsoft's sample chat app, which reads other settings; `
      + `use ChatFrontEnd.sampleChatApp() for it, got '${image.reference}'`);
  }
  const port = image.port;
  const portSetting = image.appSettings.PORT;
  if (typeof port === 'number' && !isUnresolved(port) && port !== OPEN_WEBUI_PORT && portSetting !== String(port)) {
    throw ruleError(owner, `'${prop}.port' must be ${OPEN_WEBUI_PORT}, the port Open WebUI listens on (or set the image's 'PORT' app setting to the same port), got ${port}`);
  }
  const tag = image.digest === undefined ? image.tag : undefined;
  if (tag === undefined || typeof tag !== 'string' || isUnresolved(tag) || image.allowMutableTag) return;
  if (!OPEN_WEBUI_PINNED_TAG.test(tag)) {
    const kind = isMovingTag(tag) ? 'a rolling tag that Open WebUI rebuilds from a branch' : 'not a tag Open WebUI keeps fixed';
    throw ruleError(owner, `'${prop}' must be pinned by digest, a release tag ('v0.11.4') or 'git-<sha>': '${tag}' is ${kind}, `
      + `so a restart could run other code; set 'allowMutableTag' to accept it, got '${image.reference}'`);
  }
}

/** Throws unless a front end's health path is a path App Service can probe, as ChatWebApp's `healthCheckPath`. */
function checkHealthCheckPath(owner: string, prop: string, path: string | undefined): void {
  if (path === undefined || isUnresolved(path) || typeof path !== 'string') return;
  if (!/^\/[^\s?#]*$/.test(path)) {
    const hint = /^[^/\s?#]/.test(path) && !/[\s?#]/.test(path) ? ` (did you mean '/${path}'?)` : '';
    throw propError(owner, prop, `must be a path starting with '/', without spaces, query or fragment${hint}`, path);
  }
  if (path.length > 255) throw propError(owner, prop, 'must be at most 255 characters', path);
}

/**
 * Throws when `image` is tagged with an Open WebUI release older than a setting the library writes
 * needs. Tags that are not versions (`main`, `latest`, `git-…`) and digests cannot be checked.
 */
function checkOpenWebUiRelease(owner: string, prop: string, image: ContainerImage): void {
  const tag = image.digest === undefined ? image.tag : undefined;
  if (tag === undefined || typeof tag !== 'string' || isUnresolved(tag)) return;
  const release = releaseOf(tag);
  if (!release) return;
  const missing = OPEN_WEBUI_FLOOR.find((f) => olderThan(release.parts, f.since));
  if (!missing) return;
  const since = missing.since.join('.');
  throw ruleError(owner, `'${prop}' is Open WebUI ${release.text}, but the library relies on ${missing.relies}, which Open WebUI reads since ${since}; `
    + `use ${since} or later (the default is ${OPEN_WEBUI_DEFAULT_VERSION}), got '${image.reference}'`);
}

/**
 * The chat front end the web app runs, and everything the web app must know about it: its image
 * (pinned), port, health path, the settings it needs, how it learns the signed-in user, which
 * models it can call and where it keeps history.
 *
 * - {@link ChatFrontEnd.openWebUi} (the default of `PrivateChat`): Open WebUI, which calls every
 *   model of a Foundry account through the v1 API with Entra tokens of the app's identity, signs
 *   users in with its own OpenID Connect login against the sign-in registration behind App
 *   Service authentication, takes their roles from the ID token's `roles` claim, and keeps
 *   history in PostgreSQL;
 * - {@link ChatFrontEnd.sampleChatApp}: Microsoft's sample app, the first version's default; it
 *   cannot call reasoning models;
 * - {@link ChatFrontEnd.fromImage}: any other image, given the Azure OpenAI settings the sample
 *   app reads.
 *
 * The choice and its sources are in docs/front-ends.md.
 */
export class ChatFrontEnd {
  /**
   * Open WebUI, pinned by digest, calling the account's models through the OpenAI-compatible v1
   * API with Entra ID tokens of the app's managed identity (`auth_type` `microsoft_entra_id`), so
   * that local auth stays off on the account.
   *
   * - signs users in with its own OpenID Connect login against the sign-in registration, behind
   *   App Service authentication (which only lets assigned users through), and takes each
   *   user's role from the app roles in the ID token: `Admin` makes an admin, `User` a user, no
   *   role leaves the account pending; roles are re-read at every sign-in;
   * - creates a placeholder admin at its first start (`WEBUI_ADMIN_EMAIL`, password in the vault,
   *   password sign-in off), so the first person to sign in is never its only account, which it
   *   would promote to admin;
   * - offers every deployment given to the app, the default first;
   * - keeps history in PostgreSQL (`DATABASE_URL`, a Key Vault reference) when a history store is
   *   given, otherwise in SQLite inside the container, which a restart loses;
   * - runs the store's `setupStatements` (pg_cron and the retention job) at every start, before
   *   its own start command, with the image's Python and psycopg2: the startup command becomes a
   *   short `python3 -c` that then execs `bash start.sh`; a failure stops the start (fail closed);
   * - settings saved in its admin UI do not outlive a restart (`ENABLE_PERSISTENT_CONFIG=False`):
   *   the stack is the source of truth, and an admin cannot point the app's token at another URL
   *   for longer than that;
   * - direct connections and the API pass-through are off.
   *
   * @see https://docs.openwebui.com/reference/env-configuration
   * @see https://docs.openwebui.com/features/authentication-access/auth/sso
   */
  public static openWebUi(options: OpenWebUiOptions = {}): ChatFrontEnd {
    checkShape('ChatFrontEnd.openWebUi', options, OPEN_WEBUI_OPTIONS_SHAPE, 'options');
    if (options.temporaryChatsEnforced === true && options.temporaryChatsAllowed === false) {
      throw ruleError('ChatFrontEnd.openWebUi', "'options.temporaryChatsEnforced' makes every chat temporary, so it needs temporary chats allowed, got 'temporaryChatsAllowed' false");
    }
    if (options.image !== undefined) {
      checkOpenWebUiImage('ChatFrontEnd.openWebUi', 'options.image', options.image);
      checkOpenWebUiRelease('ChatFrontEnd.openWebUi', 'options.image', options.image);
    }
    const image = options.image ?? OPEN_WEBUI_IMAGE;
    return new ChatFrontEnd({
      name: OPEN_WEBUI,
      image,
      healthCheckPath: '/health',
      webSocketsEnabled: true,
      userIdentitySource: UserIdentitySource.OPEN_ID_CONNECT,
      historyStore: HistoryStoreKind.POSTGRESQL,
      modelApi: ModelApi.OPENAI_V1,
      callsReasoningModels: true,
      offersSeveralModels: true,
      needsSessionSecret: true,
      runsDatabaseSetup: true,
      forwardsSignedInUser: true,
      signInCallbackPath: OPEN_WEBUI_OIDC_CALLBACK,
      needsBootstrapAdmin: true,
      settings: (ctx) => openWebUiSettings(ctx, options),
    });
  }

  /**
   * Microsoft's sample chat app (`microsoft/sample-app-aoai-chatGPT`), the first version's
   * default, pinned to the dated tag Microsoft's templates use. It reads `AZURE_OPENAI_ENDPOINT`
   * and `AZURE_OPENAI_MODEL`, signs in to the account with the identity `AZURE_CLIENT_ID` names,
   * and reads the user from App Service's headers.
   *
   * It has had no commit since May 2025 and always sends `max_tokens` and `temperature`, which
   * reasoning models reject: giving it one is an error. Without Cosmos DB it keeps no history.
   *
   * @see https://github.com/microsoft/sample-app-aoai-chatGPT
   */
  public static sampleChatApp(): ChatFrontEnd {
    return ChatFrontEnd.custom(SAMPLE_CHAT_APP, ContainerImage.SAMPLE_CHAT_APP, {
      callsReasoningModels: false,
    }, UserIdentitySource.APP_SERVICE_HEADERS);
  }

  /**
   * Any other image. The web app gives it the settings the sample app reads
   * (`AZURE_OPENAI_ENDPOINT`, `AZURE_OPENAI_MODEL`, `AZURE_CLIENT_ID`, `WEBSITES_PORT`) plus the
   * image's own `appSettings`; it must call the account with the managed identity, since the
   * account has key auth off.
   */
  public static fromImage(image: ContainerImage, options: CustomFrontEndOptions = {}): ChatFrontEnd {
    checkField('ChatFrontEnd.fromImage', 'image', image, IMAGE_REF(true));
    checkShape('ChatFrontEnd.fromImage', options, FRONT_END_OPTIONS_SHAPE, 'options');
    checkHealthCheckPath('ChatFrontEnd.fromImage', 'options.healthCheckPath', options.healthCheckPath);
    return ChatFrontEnd.custom(isSampleImage(image) ? SAMPLE_CHAT_APP : CUSTOM, image, options, UserIdentitySource.NONE);
  }

  private static custom(name: string, image: ContainerImage, options: CustomFrontEndOptions, users: UserIdentitySource): ChatFrontEnd {
    const sample = name === SAMPLE_CHAT_APP;
    return new ChatFrontEnd({
      name,
      image,
      healthCheckPath: options.healthCheckPath ?? '/',
      webSocketsEnabled: options.webSocketsEnabled ?? false,
      userIdentitySource: sample ? UserIdentitySource.APP_SERVICE_HEADERS : users,
      historyStore: HistoryStoreKind.NONE,
      modelApi: ModelApi.AZURE_DEPLOYMENTS,
      callsReasoningModels: sample ? false : options.callsReasoningModels ?? true,
      offersSeveralModels: false,
      needsSessionSecret: false,
      runsDatabaseSetup: false,
      forwardsSignedInUser: false,
      needsBootstrapAdmin: false,
      settings: (ctx) => ({
        defaults: {},
        wired: { AZURE_OPENAI_ENDPOINT: ctx.endpoint, AZURE_OPENAI_MODEL: ctx.deploymentName },
        wiredFrom: { AZURE_OPENAI_ENDPOINT: 'aiAccount', AZURE_OPENAI_MODEL: 'deploymentName' },
      }),
    });
  }

  /** Name of the front end, for messages (`Open WebUI`, `Microsoft's sample chat app`, `a custom image`). */
  public readonly name: string;
  /** The image, pinned. */
  public readonly image: ContainerImage;
  /** Port the container listens on. */
  public readonly port: number;
  /** Path App Service's health check probes. */
  public readonly healthCheckPath: string;
  /** Whether App Service must accept WebSockets for it. */
  public readonly webSocketsEnabled: boolean;
  /** How it learns the signed-in user. */
  public readonly userIdentitySource: UserIdentitySource;
  /** Where it keeps history. */
  public readonly historyStore: HistoryStoreKind;
  /** Which API it calls the models through. */
  public readonly modelApi: ModelApi;
  /** Whether it can call reasoning models. */
  public readonly callsReasoningModels: boolean;
  /** Whether it offers several deployments to choose from (otherwise only the default one). */
  public readonly offersSeveralModels: boolean;
  /** Whether it needs a stable secret of its own (Open WebUI signs its sessions with `WEBUI_SECRET_KEY`). */
  public readonly needsSessionSecret: boolean;
  /**
   * Whether it runs a history store's `setupStatements` at its start (Open WebUI does, with its
   * image's Python and psycopg2, before its own start command).
   */
  public readonly runsDatabaseSetup: boolean;
  /**
   * Whether it can forward the signed-in user to the model endpoint in a header (Open WebUI's
   * `X-OpenWebUI-User-Email`), which an AI gateway needs to meter per user.
   */
  public readonly forwardsSignedInUser: boolean;
  /**
   * Path of the front end's own OpenID Connect callback when it signs users in itself against
   * the sign-in registration (Open WebUI: `/oauth/oidc/callback`); the registration gets it as a
   * redirect URI. Undefined when App Service authentication alone signs users in.
   */
  public readonly signInCallbackPath?: string;
  /**
   * Whether it needs a placeholder admin account created at its first start, whose password the
   * web app keeps in the vault: Open WebUI makes its only account admin, so without one the first
   * person to sign in would administer it.
   */
  public readonly needsBootstrapAdmin: boolean;
  private readonly settingsOf: (ctx: FrontEndContext) => FrontEndSettings;

  private constructor(spec: FrontEndSpec) {
    this.name = spec.name;
    this.image = spec.image;
    this.port = spec.image.port;
    this.healthCheckPath = spec.healthCheckPath;
    this.webSocketsEnabled = spec.webSocketsEnabled;
    this.userIdentitySource = spec.userIdentitySource;
    this.historyStore = spec.historyStore;
    this.modelApi = spec.modelApi;
    this.callsReasoningModels = spec.callsReasoningModels;
    this.offersSeveralModels = spec.offersSeveralModels;
    this.needsSessionSecret = spec.needsSessionSecret;
    this.runsDatabaseSetup = spec.runsDatabaseSetup;
    this.forwardsSignedInUser = spec.forwardsSignedInUser;
    this.signInCallbackPath = spec.signInCallbackPath;
    this.needsBootstrapAdmin = spec.needsBootstrapAdmin;
    this.settingsOf = spec.settings;
  }

  /**
   * The same front end running another image, e.g. the copy of its image in a private registry
   * mirror (`RegistryMirror.mirror`). Everything else (settings, port, health path) stays.
   */
  public withImage(image: ContainerImage): ChatFrontEnd {
    checkField('ChatFrontEnd.withImage', 'image', image, IMAGE_REF(true));
    if (this.name === OPEN_WEBUI) {
      checkOpenWebUiImage('ChatFrontEnd.withImage', 'image', image);
      checkOpenWebUiRelease('ChatFrontEnd.withImage', 'image', image);
    }
    return new ChatFrontEnd({
      name: this.name,
      image,
      healthCheckPath: this.healthCheckPath,
      webSocketsEnabled: this.webSocketsEnabled,
      userIdentitySource: this.userIdentitySource,
      historyStore: this.historyStore,
      modelApi: this.modelApi,
      callsReasoningModels: this.callsReasoningModels,
      offersSeveralModels: this.offersSeveralModels,
      needsSessionSecret: this.needsSessionSecret,
      runsDatabaseSetup: this.runsDatabaseSetup,
      forwardsSignedInUser: this.forwardsSignedInUser,
      signInCallbackPath: this.signInCallbackPath,
      needsBootstrapAdmin: this.needsBootstrapAdmin,
      settings: this.settingsOf,
    });
  }

  /**
   * The settings this front end needs in an app.
   *
   * @internal
   */
  public _settings(ctx: FrontEndContext): FrontEndSettings {
    return this.settingsOf(ctx);
  }
}

/** Everything a front end is made of. */
interface FrontEndSpec {
  readonly name: string;
  readonly image: ContainerImage;
  readonly healthCheckPath: string;
  readonly webSocketsEnabled: boolean;
  readonly userIdentitySource: UserIdentitySource;
  readonly historyStore: HistoryStoreKind;
  readonly modelApi: ModelApi;
  readonly callsReasoningModels: boolean;
  readonly offersSeveralModels: boolean;
  readonly needsSessionSecret: boolean;
  readonly runsDatabaseSetup: boolean;
  readonly forwardsSignedInUser: boolean;
  readonly signInCallbackPath?: string;
  readonly needsBootstrapAdmin: boolean;
  readonly settings: (ctx: FrontEndContext) => FrontEndSettings;
}

/** The sample app's image, also when built again with `fromRegistry` (any tag). */
function isSampleImage(image: ContainerImage): boolean {
  const sample = ContainerImage.SAMPLE_CHAT_APP;
  return image === sample || (typeof image.registryUrl === 'string' && image.registryUrl.replace(/\/$/, '').toLowerCase() === sample.registryUrl.toLowerCase()
    && image.imageName === sample.imageName);
}

/** `https://<subdomain>.openai.azure.com/openai/v1`, without a trailing slash: Open WebUI skips its Azure URL rewriting for it. */
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
function openWebUiSettings(ctx: FrontEndContext, options: OpenWebUiOptions): FrontEndSettings {
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
