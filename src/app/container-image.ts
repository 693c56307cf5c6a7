import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { IConstruct } from 'constructs';
import { IMAGE_OPTIONS_SHAPE } from './private/checks';
import { IPrincipal } from '../core/principal';
import { checkField, checkShape, is } from '../core/private/validate';

/** Options of an image given with {@link ContainerImage.fromRegistry} or {@link ContainerImage.fromRegistryDigest}. */
export interface ContainerImageOptions {
  /**
   * Port the container listens on; App Service forwards HTTPS traffic to it (`WEBSITES_PORT`).
   *
   * @default 80
   */
  readonly port?: number;
  /**
   * Accept a mutable tag: `latest`, `main`, `master`, `stable`, `edge`, `nightly`, `dev`,
   * `develop`, `head` or `current`.
   *
   * Off by default because a mutable tag makes every restart a possible, unreviewed upgrade,
   * and two instances of one plan can end up running different code.
   *
   * @default false
   */
  readonly allowMutableTag?: boolean;
  /**
   * App settings the image needs to start. The `appSettings` prop of the web app may override them.
   *
   * @default - none
   */
  readonly appSettings?: { [key: string]: string };
  /**
   * Pull the image as the app's user-assigned identity instead of anonymously.
   *
   * For a private Azure Container Registry; grant the identity `AcrPull` on the registry
   * and pass that role assignment in the web app's `roleAssignments`. App Service pulls with a
   * managed identity only from an Azure Container Registry (`*.azurecr.io`); any other registry
   * records the warning `mi-pull-non-acr`.
   *
   * @default false
   */
  readonly pullWithManagedIdentity?: boolean;
}

/**
 * The container image the chat web app runs.
 *
 * The default front end, Open WebUI ({@link ChatFrontEnd.openWebUi}), brings its own pinned
 * image. {@link ContainerImage.SAMPLE_CHAT_APP} (Microsoft's sample app, the first version's
 * default) stays available, and any image can be brought with {@link ContainerImage.fromRegistry}:
 * for images other than Open WebUI the web app wires the Azure OpenAI settings the sample app
 * reads, so a replacement image only has to read the same environment variables.
 */
export class ContainerImage {
  /**
   * Microsoft's open-source sample chat app (`microsoft/sample-app-aoai-chatGPT`), pinned to
   * the dated tag Microsoft's own templates use.
   *
   * It listens on port 80, reads `AZURE_OPENAI_ENDPOINT` and `AZURE_OPENAI_MODEL`, signs in to
   * Azure OpenAI with `DefaultAzureCredential` (which picks the identity named by
   * `AZURE_CLIENT_ID`) whenever `AZURE_OPENAI_KEY` is absent, and reads the signed-in user from
   * App Service authentication's headers (`AUTH_ENABLED`).
   *
   * @see https://github.com/microsoft/sample-app-aoai-chatGPT
   */
  public static readonly SAMPLE_CHAT_APP = new ContainerImage(
    'https://sampleappaoaichatgpt.azurecr.io',
    'sample-app-aoai-chatgpt',
    '2025-02-13_52',
    undefined,
    { port: 80, appSettings: { AUTH_ENABLED: 'true' } },
  );

  /**
   * An image by registry, name and tag, e.g.
   * `fromRegistry('https://myregistry.azurecr.io', 'team/chat', '1.4.2')`.
   *
   * @param registryUrl registry URL with its scheme, e.g. `https://mcr.microsoft.com`
   * @param imageName repository path inside the registry, without tag
   * @param tag a pinned tag; `latest` and other moving tags (`main`, `stable`, `nightly`, …) need `allowMutableTag`
   */
  public static fromRegistry(registryUrl: string, imageName: string, tag: string, options: ContainerImageOptions = {}): ContainerImage {
    checkArgs('ContainerImage.fromRegistry', registryUrl, imageName, 'tag', tag, options);
    return new ContainerImage(registryUrl, imageName, tag, undefined, options);
  }

  /**
   * An image pinned by content digest (`sha256:<64 hex>`): the strictest pin there is.
   *
   * @param registryUrl registry URL with its scheme
   * @param imageName repository path inside the registry
   * @param digest `sha256:` followed by 64 hex characters
   */
  public static fromRegistryDigest(registryUrl: string, imageName: string, digest: string, options: ContainerImageOptions = {}): ContainerImage {
    checkArgs('ContainerImage.fromRegistryDigest', registryUrl, imageName, 'digest', digest, options);
    return new ContainerImage(registryUrl, imageName, undefined, digest, options);
  }

  /** Registry URL, with scheme. */
  public readonly registryUrl: string;
  /** Repository path inside the registry. */
  public readonly imageName: string;
  /** Tag, when pinned by tag. */
  public readonly tag?: string;
  /** Digest, when pinned by digest. */
  public readonly digest?: string;
  /** Port the container listens on. */
  public readonly port: number;
  /** Whether a mutable tag is accepted. */
  public readonly allowMutableTag: boolean;
  /** Whether the app's identity pulls the image. */
  public readonly pullWithManagedIdentity: boolean;
  /** Settings the image needs. */
  public readonly appSettings: { [key: string]: string };

  private constructor(registryUrl: string, imageName: string, tag: string | undefined, digest: string | undefined, options: ContainerImageOptions) {
    this.registryUrl = registryUrl;
    this.imageName = imageName;
    this.tag = tag;
    this.digest = digest;
    this.port = options.port ?? 80;
    this.allowMutableTag = options.allowMutableTag ?? false;
    this.pullWithManagedIdentity = options.pullWithManagedIdentity ?? false;
    this.appSettings = { ...(options.appSettings ?? {}) };
  }

  /** `name:tag` or `name@digest`, as App Service's `docker_image_name` takes it. */
  public get reference(): string {
    return this.digest !== undefined ? `${this.imageName}@${this.digest}` : `${this.imageName}:${this.tag ?? ''}`;
  }
}

/**
 * A private registry that serves a copy of a public image, so that the app pulls over the VNet
 * as its own identity. Implemented by {@link RegistryMirror}.
 */
export interface IImageMirror extends IConstruct {
  /** The image as this registry serves it: same repository path and tag or digest, pulled with the app's identity. */
  mirror(image: ContainerImage): ContainerImage;
  /** Lets `principal` pull from the registry (`AcrPull`); the app waits for the returned assignment. */
  grantPull(principal: IPrincipal): RoleAssignment;
}

/**
 * Runtime types of a factory's arguments (JavaScript callers pass anything); the formats are
 * checked by the web app, which names the construct.
 */
function checkArgs(owner: string, registryUrl: unknown, imageName: unknown, pinName: string, pin: unknown, options: unknown): void {
  checkField(owner, 'registryUrl', registryUrl, is.string(true));
  checkField(owner, 'imageName', imageName, is.string(true));
  checkField(owner, pinName, pin, is.string(true));
  checkShape(owner, options, IMAGE_OPTIONS_SHAPE, 'options');
}
