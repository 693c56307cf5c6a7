import { stableHash } from '../../core/names';

/**
 * Why a registry host cannot be an anonymous artifact-cache upstream, by host pattern. Checked
 * before the generic "not supported" answer so that the message says what would be needed.
 *
 * @see https://learn.microsoft.com/azure/container-registry/artifact-cache-overview#upstream-support
 */
const REFUSALS: ReadonlyArray<{ readonly test: (host: string) => boolean; readonly reason: string }> = [
  {
    test: (h) => ['docker.io', 'registry-1.docker.io', 'index.docker.io', 'registry.hub.docker.com', 'hub.docker.com'].includes(h),
    reason: 'Docker Hub, which artifact cache pulls from only with a credential set (a Docker Hub user name and token '
      + 'kept as Key Vault secrets); RegistryMirror creates no credential sets',
  },
  {
    test: (h) => h === 'pkg.dev' || h.endsWith('.pkg.dev'),
    reason: 'Google Artifact Registry, which artifact cache pulls from only with a credential set (a service account key '
      + 'kept as a Key Vault secret); RegistryMirror creates no credential sets',
  },
  {
    test: (h) => /^[a-z0-9]+\.azurecr\.(io|cn|us)$/.test(h),
    reason: 'an Azure Container Registry: caching from another registry authenticates with a managed identity, which '
      + 'azurerm_container_registry_cache_rule cannot set; let the app pull from that registry directly '
      + '(pullWithManagedIdentity and AcrPull on it) or import the image into one of yours',
  },
];

/** The host of `https://<host>[/]`, lowercased, or undefined when the URL has another form. */
export function hostOf(registryUrl: string): string | undefined {
  const m = /^https:\/\/([A-Za-z0-9.-]+)\/?$/.exec(registryUrl);
  return m ? m[1].toLowerCase() : undefined;
}

/** Why `host` cannot be mirrored, for a host that is no anonymous upstream. */
export function refusalFor(host: string): string {
  return REFUSALS.find((r) => r.test(host))?.reason ?? 'not a registry that ACR artifact cache lists as an upstream';
}

/** A repository path as registries accept it: lowercase components separated by `/`, no tag, no digest, no wildcard. */
export const REPOSITORY_PATH = /^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;

/** A Docker tag: up to 128 letters, digits, `_`, `.` and `-`, not starting with `.` or `-`. */
export const DOCKER_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** A content digest as App Service takes it. */
export const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;

/** Longest cache rule name azurerm accepts (`validate.ContainerRegistryCacheRuleName`: 5-49 characters). */
const RULE_NAME_MAX = 49;
const RULE_HASH_LENGTH = 6;

/**
 * The cache rule's name for a target repository: the path with every run of other characters
 * turned into one `-`, cut to fit, and a hash of the whole path, so that two paths that read
 * alike (`a/b`, `a-b`) never share a name. Letters, digits and single inner hyphens only, 8-49
 * characters, which azurerm's `^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$` and 5-49 characters accept.
 *
 * Derived from the target repository alone, so the name (and the construct id, which is the
 * name) stays the same whatever the construct tree around the mirror looks like.
 */
export function cacheRuleName(targetRepository: string): string {
  const slug = targetRepository.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const room = RULE_NAME_MAX - RULE_HASH_LENGTH - 1;
  const label = slug.slice(0, room).replace(/-+$/, '') || 'repo';
  return `${label}-${stableHash(targetRepository, RULE_HASH_LENGTH)}`;
}
