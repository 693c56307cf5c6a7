// The app settings of ChatWebApp: which ones the construct wires (so nobody may set them), and
// the rules every setting follows, however it is given.
import { Construct } from 'constructs';
import { isKeyShapedSetting, isKeyVaultReference, looksLikeKeyVaultReference } from './checks';
import { isUnresolved, propError } from '../../core/private/validate';
import { AUTH_SECRET_SETTING_NAME, ChatWebAppProps } from '../chat-web-app-props';
import { ContainerImage } from '../container-image';
import { ChatFrontEnd, FrontEndSettings, IChatEmbeddings, IChatFileStore, IChatHistoryStore, IChatSharedState } from '../front-end';

/** Settings that would switch the app to key-based (Azure) OpenAI auth; the account has local auth off. */
const FORBIDDEN_SETTINGS = ['AZURE_OPENAI_KEY', 'AZURE_OPENAI_API_KEY', 'OPENAI_API_KEY', 'OPENAI_API_KEYS'];

/** Settings the construct wires for every front end, by the prop they come from. */
export const WIRED_FROM: { readonly [key: string]: string } = {
  AZURE_CLIENT_ID: 'identity',
  WEBSITES_PORT: 'image.port',
  [AUTH_SECRET_SETTING_NAME]: 'signIn',
};

/**
 * Checks the image's and the props' app settings, and returns the names of the settings the
 * construct wires (upper case), by the prop they come from: nobody may set those.
 */
export function checkSettings(owner: Construct, props: ChatWebAppProps, image: ContainerImage, frontEnd: ChatFrontEnd): { [key: string]: string } {
  const wiredFrom = { ...WIRED_FROM, ...wiredKeysOf(frontEnd, props) };
  for (const [key, value] of Object.entries(image.appSettings)) checkAppSetting(owner, wiredFrom, `image.appSettings.${key}`, key, value);
  for (const [key, value] of Object.entries(props.appSettings ?? {})) checkAppSetting(owner, wiredFrom, `appSettings.${key}`, key, value);
  return wiredFrom;
}

/** The rules every app setting follows, however it is given (`prop` names it in errors). */
export function checkAppSetting(owner: Construct, wiredFrom: { readonly [key: string]: string }, prop: string, key: string, value: string): void {
  if (isUnresolved(key)) return;
  if (!/^[A-Za-z0-9_.]+$/.test(key)) {
    throw propError(owner, prop, 'must be named with letters, digits, \'_\' and \'.\' only (what Linux App Service passes to a container)', key);
  }
  const wiredBy = wiredFrom[key.toUpperCase()];
  if (wiredBy !== undefined) {
    throw propError(owner, prop, `must not be set: the construct wires it from '${wiredBy}'`, value);
  }
  if (isUnresolved(value)) return;
  if (looksLikeKeyVaultReference(value) && !isKeyVaultReference(value)) {
    throw propError(owner, prop, "must be a well-formed Key Vault reference: '@Microsoft.KeyVault(SecretUri=https://<vault>.vault.azure.net/secrets/<name>)' or '@Microsoft.KeyVault(VaultName=<vault>;SecretName=<name>)'", value);
  }
  if (isKeyShapedSetting(key) && !isKeyVaultReference(value)) {
    // The value is a secret: never shown.
    throw propError(owner, prop, "must not hold a key or secret in plain text (app settings are readable by anyone who can read the app): use a Key Vault reference '@Microsoft.KeyVault(SecretUri=...)'; Azure OpenAI needs no key, the app signs in with its managed identity", 'a plain-text value');
  }
  if (FORBIDDEN_SETTINGS.includes(key.toUpperCase())) {
    throw propError(owner, prop, 'must not be set: the app signs in to Azure OpenAI with its managed identity and the account has key auth off', value);
  }
}

/** A sign-in registration of placeholders, for {@link wiredKeysOf}. */
const NO_SIGN_IN = { clientId: '', clientSecretReference: '', tenantId: '', bootstrapAdminPasswordReference: '' };

/** The parts of the props a front end's settings read, for {@link wiredKeysOf} and {@link scaleOutPropsOf}. */
interface WiredInputs {
  readonly history?: IChatHistoryStore;
  readonly sharedState?: IChatSharedState;
  readonly fileStore?: IChatFileStore;
  readonly embeddings?: IChatEmbeddings;
}

/** Names of the settings a front end wires (its settings are pure, so placeholders show the names). */
function wiredKeysOf(frontEnd: ChatFrontEnd, inputs: WiredInputs): { [key: string]: string } {
  const placeholders = { endpoint: '', deploymentName: '', deploymentNames: [], identityClientId: '', appUrl: '', sessionSecretReference: '', signIn: NO_SIGN_IN };
  const given = { history: inputs.history, sharedState: inputs.sharedState, files: inputs.fileStore, embeddings: inputs.embeddings };
  const settings: FrontEndSettings = frontEnd._settings({ ...placeholders, ...given });
  return Object.fromEntries(Object.entries(settings.wiredFrom).map(([k, v]) => [k.toUpperCase(), v]));
}

/** Placeholders with the members a front end's settings read: only the names of what they wire matter. */
const PLACEHOLDERS: WiredInputs = {
  sharedState: { redisUrlReference: '' } as unknown as IChatSharedState,
  fileStore: { blobEndpoint: '', containerName: '' } as unknown as IChatFileStore,
  embeddings: { baseUrl: '', apiKeyReference: '', deploymentName: '', apiVersion: '', dimensions: 1536 } as unknown as IChatEmbeddings,
};

/**
 * Which of `sharedState`, `fileStore` and `embeddings` the front end has settings for, found by
 * asking it for its settings with placeholders: a front end that wires nothing from one cannot use it.
 */
export function scaleOutPropsOf(frontEnd: ChatFrontEnd): ReadonlySet<string> {
  return new Set(Object.values(wiredKeysOf(frontEnd, PLACEHOLDERS)));
}
