import { FieldSpec, is, isUnresolved, Owner, propError, Shape } from '../../core/private/validate';

// Checks of the app area shared by ChatWebApp, the factories of ContainerImage and SignIn, and
// PrivateChat (which passes names and images through to the web app).

export { DNS_ZONES_REF, IDENTITY_REF, MONITORING_REF, NETWORK_REF, AI_ACCOUNT_REF, VAULT_REF } from '../../core/private/references';
export const DEPENDABLE_REF = (): FieldSpec => is.reference(['fqn'], 'a Terraform resource (an ITerraformDependable, e.g. a RoleAssignment)');

/** Fields of `ContainerImageOptions`. */
export const IMAGE_OPTIONS_SHAPE: Shape = {
  port: is.integer(),
  allowMutableTag: is.boolean(),
  appSettings: is.stringMap(),
  pullWithManagedIdentity: is.boolean(),
};

/** Fields of `ExistingRegistrationOptions`. */
export const EXISTING_REGISTRATION_SHAPE: Shape = {
  clientId: is.string(true),
  clientSecret: is.string(),
  clientSecretExpirationDate: is.string(),
  clientSecretKeyVaultSecretId: is.string(),
  tenantId: is.string(),
};

/** Fields of `AppRegistrationOptions`. */
export const APP_REGISTRATION_SHAPE: Shape = {
  displayName: is.string(),
  owners: is.arrayOf(is.string()),
  secretLifetimeDays: is.integer(),
  assignmentRequired: is.boolean(),
};

/**
 * Tags that name a moving target, not a release: a restart may pull other code. Treated like
 * `latest` (accepted only with `allowMutableTag`).
 */
export const MUTABLE_TAGS: readonly string[] = ['latest', 'main', 'master', 'stable', 'edge', 'nightly', 'dev', 'develop', 'head', 'current'];

/**
 * Variant words that registries append to a moving tag (`main-slim`, `latest-cuda`) or publish
 * alone as a rolling build of a variant (Open WebUI's `:cuda` and `:ollama` follow `main`).
 *
 * @see https://docs.openwebui.com/getting-started/quick-start (Image Variants, How the tags update)
 */
const VARIANT_WORDS: readonly string[] = ['slim', 'cuda', 'ollama', 'alpine', 'gpu', 'cpu', 'full'];

/**
 * Whether `tag` names a moving target: a moving word (`latest`, `main`, …), a variant of one
 * (`main-slim`, `dev-cuda`) or a variant alone (`cuda`, `ollama`). Every part is such a word, and
 * no part carries a version, so nothing in the tag pins a release.
 */
export function isMovingTag(tag: string): boolean {
  const parts = tag.toLowerCase().split(/[-_.]/);
  return parts.length > 0 && parts.every((p) => MUTABLE_TAGS.includes(p) || VARIANT_WORDS.includes(p));
}

/**
 * Words Azure refuses in the name of a resource with a public endpoint (a web app's
 * `<name>.azurewebsites.net`), as the whole name.
 *
 * @see https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-reserved-resource-name
 */
const RESERVED_WHOLE_NAMES = [
  'access', 'azure', 'bing', 'bizspark', 'biztalk', 'cortana', 'directx', 'dotnet', 'dynamics', 'excel', 'exchange',
  'forefront', 'groove', 'hololens', 'hyperv', 'kinect', 'lync', 'msdn', 'o365', 'office', 'office365', 'onedrive',
  'onenote', 'outlook', 'powerpoint', 'sharepoint', 'skype', 'visio', 'visualstudio', 'xbox',
];
/** Words refused anywhere in such a name. */
const RESERVED_SUBSTRINGS = ['microsoft', 'windows'];
/** Words refused at the start of such a name. */
const RESERVED_PREFIXES = ['login'];

/**
 * Throws when a web app name contains a word Azure reserves (`ReservedResourceName` at apply).
 * Length and characters are the job of `AzureNameRule.WEB_APP`.
 */
export function checkWebAppNameNotReserved(scope: Owner, prop: string, name: string | undefined): void {
  if (name === undefined || isUnresolved(name) || typeof name !== 'string') return;
  const lower = name.toLowerCase();
  const why = 'must not use a word Azure reserves for names with a public endpoint (ReservedResourceName at apply)';
  if (RESERVED_WHOLE_NAMES.includes(lower)) throw propError(scope, prop, `${why}: '${lower}' is reserved as a whole name`, name);
  const inside = RESERVED_SUBSTRINGS.find((w) => lower.includes(w));
  if (inside) throw propError(scope, prop, `${why}: '${inside}' is refused anywhere in the name`, name);
  const start = RESERVED_PREFIXES.find((w) => lower.startsWith(w));
  if (start) throw propError(scope, prop, `${why}: '${start}' is refused at the start of the name`, name);
}

/** Key Vault DNS suffixes of the public and sovereign clouds. */
const VAULT_SUFFIXES = ['vault.azure.net', 'vault.azure.cn', 'vault.usgovcloudapi.net', 'vault.microsoftazure.de'];
const SECRET_URI = /^https:\/\/([A-Za-z0-9-]+)\.([a-z.]+)\/secrets\/([A-Za-z0-9-]+)(\/[^/]*)?\/?$/;

/**
 * Throws unless `value` is a versionless Key Vault secret URI, `https://<vault>.vault.azure.net/secrets/<name>`
 * (vault name 3-24 characters, secret name 1-127), naming the usual mistakes: the secret's ARM
 * resource id, a version, a host that is no vault.
 */
export function checkVersionlessSecretUri(scope: Owner, prop: string, value: string | undefined): void {
  if (value === undefined || isUnresolved(value) || typeof value !== 'string') return;
  const wanted = 'must be a versionless Key Vault secret id (https://<vault>.vault.azure.net/secrets/<name>)';
  if (value.startsWith('/subscriptions/')) {
    throw propError(scope, prop, `${wanted}: the secret's URI (its 'versionless_id'), not its ARM resource id`, value);
  }
  const m = SECRET_URI.exec(value);
  if (!m) throw propError(scope, prop, wanted, value);
  const [, vault, suffix, secret, version] = m;
  if (version !== undefined && version !== '/') throw propError(scope, prop, wanted, value);
  if (!VAULT_SUFFIXES.includes(suffix)) {
    throw propError(scope, prop, `${wanted}: the host must end in ${VAULT_SUFFIXES.map((s) => `'.${s}'`).join(', ')}`, value);
  }
  if (!/^[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$/.test(vault) || vault.includes('--')) {
    throw propError(scope, prop, `${wanted}: the vault name must be 3-24 letters, digits and single hyphens, starting with a letter`, value);
  }
  if (secret.length > 127) throw propError(scope, prop, `${wanted}: the secret name must be 1-127 characters`, value);
}

/**
 * App setting names that hold a key or a secret: `…_KEY` (so `API_KEY`), `…APIKEY`, `…_SECRET`,
 * `…PASSWORD`, `…_TOKEN`, `…CONNECTION_STRING` (or `CONNECTIONSTRING`), and the database and
 * Redis URLs that carry a password (`…DATABASE_URL`, `…REDIS_URL`), in any case.
 */
export const KEY_SHAPED_SETTING = /(_KEY|APIKEY|_SECRET|PASSWORD|_TOKEN|CONNECTION_?STRING|DATABASE_URL|REDIS_URL)$/i;

/**
 * Key-shaped names whose values are documented as no secret: an Application Insights connection
 * string's instrumentation key only routes telemetry; Microsoft documents it as no security token
 * or key and not a secret.
 *
 * @see https://learn.microsoft.com/azure/azure-monitor/app/sdk-connection-string
 */
const NOT_SECRET_SETTINGS = ['APPLICATIONINSIGHTS_CONNECTION_STRING'];

/** Whether an app setting's name says it holds a key or secret (then its value must be a Key Vault reference). */
export function isKeyShapedSetting(name: string): boolean {
  return KEY_SHAPED_SETTING.test(name) && !NOT_SECRET_SETTINGS.includes(name.toUpperCase());
}
/** A Key Vault reference, which App Service resolves with the app's identity. */
const KEY_VAULT_REFERENCE = /^@Microsoft\.KeyVault\((SecretUri=https:\/\/[^)\s]+|VaultName=[^;)\s]+;\s*SecretName=[^;)\s]+(;\s*SecretVersion=[^;)\s]*)?)\)$/i;

/** Whether `value` starts like a Key Vault reference (then it must be a well-formed one). */
export function looksLikeKeyVaultReference(value: string): boolean {
  return /^@Microsoft\.KeyVault/i.test(value);
}

/** Whether `value` is a well-formed Key Vault reference. */
export function isKeyVaultReference(value: string): boolean {
  return KEY_VAULT_REFERENCE.test(value);
}

/** Registry hosts of Azure Container Registry (public and sovereign clouds). */
const ACR_HOST = /^[a-z0-9]+\.azurecr\.(io|cn|us)$/i;

/** The host of a registry URL (`https://myregistry.azurecr.io` → `myregistry.azurecr.io`), or undefined. */
export function registryHost(url: string): string | undefined {
  const m = /^https:\/\/([^/:]+)(:\d+)?\/?$/.exec(url);
  return m ? m[1] : undefined;
}

/** Whether `url` is an Azure Container Registry, the only registry App Service pulls from with a managed identity. */
export function isAzureContainerRegistry(url: string): boolean {
  const host = registryHost(url);
  return host !== undefined && ACR_HOST.test(host);
}
