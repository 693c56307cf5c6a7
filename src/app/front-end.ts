import { ContainerImage } from './container-image';
import {
  CustomFrontEndOptions, FrontEndContext, FrontEndSettings, HistoryStoreKind, ModelApi, OPEN_WEBUI_OIDC_CALLBACK, OpenWebUiOptions,
  UserIdentitySource,
} from './front-end-types';
import { isMovingTag } from './private/checks';
import { openWebUiSettings } from './private/open-webui-settings';
import { checkField, checkShape, FieldSpec, is, isUnresolved, propError, ruleError, Shape } from '../core/private/validate';

// The types of a front end live in front-end-types.ts; this module re-exports them, so that
// `import { IChatHistoryStore } from '…/app/front-end'` keeps working.
export * from './front-end-types';
export { openAiV1BaseUrl } from './private/open-webui-settings';

const IMAGE_REF = (required: boolean): FieldSpec => is.instance(ContainerImage,
  'a ContainerImage (ContainerImage.fromRegistry(...) or ContainerImage.fromRegistryDigest(...))', required);

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
