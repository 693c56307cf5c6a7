// Catalogue entries of the registry mirror: RegistryMirror's props, mirror()/mirrorAs() and grantPull().
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { CatalogueEntry, GUID, LOCATION, placement, RG, SUB } from './common';
import {
  ContainerImage, ICustomerManagedKey, Monitoring, Principal, PrivateDnsZones, PrivateLinkZone, PrivateNetwork, RegistryMirror, RegistryMirrorProps,
} from '../../../src';
import { newStack } from '../../util';

/** Untyped input, as JavaScript callers (or TypeScript holding `any`) pass it. */
const js = <T>(value: unknown): T => value as T;

const DIGEST = 'sha256:9591b13f13843c7721c2b8eaf7382846c81b3ffe126526d1888d1fed50c6a33f';
const OPEN_WEBUI = () => ContainerImage.fromRegistryDigest('https://ghcr.io', 'open-webui/open-webui', DIGEST, { port: 8080 });

/** A mirror in a fresh stack whose zones include privatelink.azurecr.io. */
export function registryMirror(p: Partial<RegistryMirrorProps> = {}, stack: TerraformStack = newStack()): RegistryMirror {
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', {
    resourceGroupName: RG, network, zones: [...PrivateLinkZone.all(), PrivateLinkZone.CONTAINER_REGISTRY],
  });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: RG, location: LOCATION });
  return new RegistryMirror(stack, 'Mirror', { resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring, ...p });
}

/** A mirror given a customer-managed key changed by `change`. */
function withKey(change: Partial<ICustomerManagedKey> = {}): RegistryMirror {
  const stack = newStack();
  const identity = new UserAssignedIdentity(stack, 'KeyIdentity', { name: 'id-cmk', resourceGroupName: RG, location: LOCATION });
  const key: ICustomerManagedKey = {
    keyId: 'https://kv-keys.vault.azure.net/keys/cmk-registry',
    keyVaultId: `${SUB}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv-keys`,
    identityId: `${SUB}/resourceGroups/${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk`,
    identityClientId: GUID,
    identityPrincipalId: '99999999-2222-3333-4444-555555555555',
    dependables: [identity],
    ...change,
  };
  return registryMirror({ customerManagedKey: key }, stack);
}

/** Mirrors the images in order into one new mirror, and returns the mirror. */
function mirrored(...images: Array<() => ContainerImage>): RegistryMirror {
  const mirror = registryMirror();
  for (const image of images) mirror.mirror(image());
  return mirror;
}

const fromRegistry = (url: string, name: string, tag: string) => () => ContainerImage.fromRegistry(url, name, tag);

const PROPS: CatalogueEntry[] = [
  ...placement('RegistryMirror', (p) => registryMirror(p)).map((e) => ({ ...e, valid: () => registryMirror() })),
  {
    construct: 'RegistryMirror',
    prop: 'name',
    description: 'container registry name: letters and digits only',
    build: () => registryMirror({ name: 'cr-chat' }),
    expected: /'name' must contain only letters and digits, got 'cr-chat'/,
    fix: 'Drop the hyphens: registry names are 5-50 letters and digits, unique across Azure.',
    valid: () => registryMirror({ name: 'crchat' }),
  },
  {
    construct: 'RegistryMirror',
    prop: 'name',
    description: 'container registry name: 5-50 characters',
    build: () => registryMirror({ name: 'cr' }),
    expected: /'name' must be 5-50 characters long for a container registry \(got 2\), got 'cr'/,
    fix: 'Use 5-50 letters and digits, or leave `name` unset for a derived one.',
    valid: () => registryMirror({ name: 'crchat' }),
  },
  {
    construct: 'RegistryMirror',
    prop: 'sku',
    description: 'Premium only',
    build: () => registryMirror({ sku: 'Standard' }),
    expected: /'sku' must be 'Premium': private endpoints, public network access off and the export policy off are Premium features, and the mirror has no public endpoint, got 'Standard'/,
    fix: 'Leave `sku` unset (Premium).',
    valid: () => registryMirror({ sku: 'Premium' }),
  },
  {
    construct: 'RegistryMirror',
    prop: 'trustedServicesBypass',
    description: 'a boolean, not a string',
    build: () => registryMirror(js({ trustedServicesBypass: 'true' })),
    expected: /'trustedServicesBypass' must be true or false \(a boolean, not a string or number\), got 'true'/,
    fix: 'Pass `true` or `false` without quotes.',
    valid: () => registryMirror({ trustedServicesBypass: true }),
  },
  {
    construct: 'RegistryMirror',
    prop: 'customerManagedKey',
    description: 'an ICustomerManagedKey',
    build: () => registryMirror(js({ customerManagedKey: { keyId: 'https://kv-keys.vault.azure.net/keys/cmk' } })),
    expected: /'customerManagedKey' must be an ICustomerManagedKey \(an EncryptionKey or EncryptionKey.fromKeyId\(...\)\), got \{"keyId"/,
    fix: 'Pass an `EncryptionKey`, or `EncryptionKey.fromKeyId(...)` for a key the platform team owns.',
    valid: () => withKey(),
  },
  {
    construct: 'RegistryMirror',
    prop: 'customerManagedKey.identityId',
    description: 'the key\'s identity is a user-assigned identity',
    build: () => withKey({ identityId: `${SUB}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv-keys` }),
    expected: /'customerManagedKey.identityId' must be the id of a Microsoft.ManagedIdentity\/userAssignedIdentities resource \(found Microsoft.KeyVault\/vaults\)/,
    fix: 'Azure Container Registry unwraps a customer-managed key only with a user-assigned identity at creation: give the key one.',
    valid: () => withKey(),
  },
  {
    construct: 'RegistryMirror',
    prop: 'customerManagedKey.identityClientId',
    description: 'a GUID',
    build: () => withKey({ identityClientId: 'id-cmk' }),
    expected: /'customerManagedKey.identityClientId' must be a GUID \(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\), got 'id-cmk'/,
    fix: 'Pass the client (application) id of the key\'s identity, not its name.',
    valid: () => withKey(),
  },
  {
    construct: 'RegistryMirror',
    prop: 'customerManagedKey.identityClientId',
    description: 'the client id and the principal id of the key identity are two different GUIDs',
    build: () => withKey({ identityPrincipalId: GUID }),
    expected: /'customerManagedKey.identityClientId' and 'customerManagedKey.identityPrincipalId' must be the two different ids of one identity: .*, got '11111111-2222-3333-4444-555555555555' for both/,
    fix: 'Take `clientId` and `principalId` from `az identity show`: they are different GUIDs.',
    valid: () => withKey(),
  },
];

const UPSTREAMS = '\\(\'https://mcr.microsoft.com\', \'https://ghcr.io\', \'https://quay.io\', \'https://registry.k8s.io\', \'https://public.ecr.aws\', \'https://gcr.io\'\\)';
const FROM_UPSTREAM = `'image.registryUrl' must be the URL of a registry that ACR artifact cache pulls from without credentials ${UPSTREAMS}`;

const MIRROR: CatalogueEntry[] = [
  {
    construct: 'RegistryMirror.mirror',
    prop: 'image.registryUrl',
    description: 'not another Azure Container Registry',
    build: () => mirrored(() => ContainerImage.SAMPLE_CHAT_APP),
    expected: new RegExp(`${FROM_UPSTREAM}; 'sampleappaoaichatgpt.azurecr.io' is an Azure Container Registry: caching from another registry authenticates with a managed identity, which azurerm_container_registry_cache_rule cannot set; .*, got 'https://sampleappaoaichatgpt.azurecr.io'`),
    fix: 'Do not mirror an image that already sits in an Azure Container Registry: give the web app that registry directly with `pullWithManagedIdentity` and `AcrPull` on it, or import the image into a registry of yours.',
    valid: () => mirrored(OPEN_WEBUI),
  },
  {
    construct: 'RegistryMirror.mirror',
    prop: 'image.registryUrl',
    description: 'not Docker Hub (credential set required)',
    build: () => mirrored(fromRegistry('https://docker.io', 'library/nginx', '1.27')),
    expected: /'docker.io' is Docker Hub, which artifact cache pulls from only with a credential set \(a Docker Hub user name and token kept as Key Vault secrets\); RegistryMirror creates no credential sets, got 'https:\/\/docker.io'/,
    fix: 'Use the image from a registry that allows anonymous pulls (many Docker Hub images are also on `mcr.microsoft.com`, `ghcr.io`, `quay.io` or `public.ecr.aws`), or pull it without the mirror.',
    valid: () => mirrored(fromRegistry('https://public.ecr.aws', 'nginx/nginx', '1.27')),
  },
  {
    construct: 'RegistryMirror.mirror',
    prop: 'image.registryUrl',
    description: 'not Google Artifact Registry (credential set required)',
    build: () => mirrored(fromRegistry('https://europe-docker.pkg.dev', 'proj/repo/app', '1.0')),
    expected: /'europe-docker.pkg.dev' is Google Artifact Registry, which artifact cache pulls from only with a credential set/,
    fix: 'Publish the image to a registry that allows anonymous pulls, or pull it without the mirror.',
    valid: () => mirrored(fromRegistry('https://gcr.io', 'proj/app', '1.0')),
  },
  {
    construct: 'RegistryMirror.mirror',
    prop: 'image.registryUrl',
    description: 'an upstream artifact cache supports',
    build: () => mirrored(fromRegistry('https://registry.contoso.com', 'team/chat', '1.0')),
    expected: new RegExp(`${FROM_UPSTREAM}; 'registry.contoso.com' is not a registry that ACR artifact cache lists as an upstream, got 'https://registry.contoso.com'`),
    fix: 'Mirror only images of `MirrorUpstream.all()`; push a private image to an Azure Container Registry instead and pull it from there.',
    valid: () => mirrored(fromRegistry('https://quay.io', 'team/chat', '1.0')),
  },
  {
    construct: 'RegistryMirror.mirror',
    prop: 'image.registryUrl',
    description: 'a registry URL without a path',
    build: () => mirrored(fromRegistry('https://ghcr.io/open-webui', 'open-webui', '1.0')),
    expected: new RegExp(`${FROM_UPSTREAM}, with its scheme and no path, got 'https://ghcr.io/open-webui'`),
    fix: 'Put the namespace in the image name: `fromRegistry(\'https://ghcr.io\', \'open-webui/open-webui\', ...)`.',
    valid: () => mirrored(fromRegistry('https://ghcr.io', 'open-webui/open-webui', '1.0')),
  },
  {
    construct: 'RegistryMirror.mirror',
    prop: 'image.registryUrl',
    description: 'known at synth',
    build: () => {
      const stack = newStack();
      const url = new TerraformVariable(stack, 'registry_url', { type: 'string' }).stringValue;
      return registryMirror({}, stack).mirror(ContainerImage.fromRegistry(url, 'team/chat', '1.0'));
    },
    expected: new RegExp(`${FROM_UPSTREAM}, known at synth because the cache rule's source is fixed then, got a Terraform expression`),
    fix: 'Write the upstream registry URL literally; a cache rule cannot take it from a variable.',
    valid: () => mirrored(fromRegistry('https://ghcr.io', 'team/chat', '1.0')),
  },
  {
    construct: 'RegistryMirror.mirror',
    prop: 'image.imageName',
    description: 'a lowercase repository path without wildcards',
    build: () => mirrored(fromRegistry('https://mcr.microsoft.com', 'dotnet/*', '8.0')),
    expected: /'image.imageName' must be a repository path in lowercase letters, digits, '.', '_', '-' and '\/', without registry host, tag, digest or wildcard, got 'dotnet\/\*'/,
    fix: 'Name one repository (`dotnet/aspnet`); the mirror adds one cache rule per repository, never a wildcard rule.',
    valid: () => mirrored(fromRegistry('https://mcr.microsoft.com', 'dotnet/aspnet', '8.0')),
  },
  {
    construct: 'RegistryMirror.mirror',
    prop: 'image.imageName',
    description: 'without the registry host',
    build: () => mirrored(fromRegistry('https://ghcr.io', 'ghcr.io/open-webui/open-webui', '1.0')),
    expected: /'image.imageName' must be the repository path inside the registry, not start with a registry host \('ghcr.io'\): put the registry in 'registryUrl', got 'ghcr.io\/open-webui\/open-webui'/,
    fix: 'Drop the host from the image name; it belongs in `registryUrl`.',
    valid: () => mirrored(fromRegistry('https://ghcr.io', 'open-webui/open-webui', '1.0')),
  },
  {
    construct: 'RegistryMirror.mirror',
    prop: 'image.imageName',
    description: 'one upstream per repository',
    build: () => mirrored(fromRegistry('https://quay.io', 'team/chat', '1.0'), fromRegistry('https://ghcr.io', 'team/chat', '1.0')),
    expected: /'image.imageName' must name a repository this mirror does not already fill from another upstream \('team\/chat' mirrors 'quay.io\/team\/chat'\); pass another options.targetRepository, got 'team\/chat'/,
    fix: 'Mirror the second image with `mirrorAs(image, { targetRepository: \'ghcr/team/chat\' })`.',
    valid: () => {
      const mirror = mirrored(fromRegistry('https://quay.io', 'team/chat', '1.0'));
      mirror.mirrorAs(ContainerImage.fromRegistry('https://ghcr.io', 'team/chat', '1.0'), { targetRepository: 'ghcr/team/chat' });
      return mirror;
    },
  },
  {
    construct: 'RegistryMirror.mirror',
    prop: 'image.tag',
    description: 'a Docker tag',
    build: () => mirrored(fromRegistry('https://ghcr.io', 'open-webui/open-webui', '-v1')),
    expected: /'image.tag' must be a Docker tag: up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-', got '-v1'/,
    fix: 'Use the tag as the upstream publishes it, e.g. `v0.6.30`.',
    valid: () => mirrored(fromRegistry('https://ghcr.io', 'open-webui/open-webui', 'v1')),
  },
  {
    construct: 'RegistryMirror.mirror',
    prop: 'image.digest',
    description: 'a sha256 digest',
    build: () => mirrored(() => ContainerImage.fromRegistryDigest('https://ghcr.io', 'open-webui/open-webui', 'sha256:ABC')),
    expected: /'image.digest' must be 'sha256:' followed by 64 lowercase hex characters, got 'sha256:ABC'/,
    fix: 'Copy the digest as `docker buildx imagetools inspect` prints it.',
    valid: () => mirrored(OPEN_WEBUI),
  },
  {
    construct: 'RegistryMirror.mirror',
    prop: 'image',
    description: 'a ContainerImage',
    build: () => registryMirror().mirror(js({ registryUrl: 'https://ghcr.io', imageName: 'open-webui/open-webui', tag: '1.0' })),
    expected: /'image' must be a ContainerImage \(ContainerImage.fromRegistry\(...\) or ContainerImage.fromRegistryDigest\(...\)\), got \{"registryUrl"/,
    fix: 'Build the image with `ContainerImage.fromRegistry` or `ContainerImage.fromRegistryDigest`.',
    valid: () => mirrored(fromRegistry('https://ghcr.io', 'open-webui/open-webui', '1.0')),
  },
  {
    construct: 'RegistryMirror.mirrorAs',
    prop: 'options.targetRepository',
    description: 'a lowercase repository path',
    build: () => registryMirror().mirrorAs(OPEN_WEBUI(), { targetRepository: 'Chat/WebUI' }),
    expected: /'options.targetRepository' must be a repository path in lowercase letters, digits, '.', '_', '-' and '\/', got 'Chat\/WebUI'/,
    fix: 'Use lowercase letters, digits, `.`, `_`, `-` and `/`, e.g. `chat/open-webui`.',
    valid: () => {
      const mirror = registryMirror();
      mirror.mirrorAs(OPEN_WEBUI(), { targetRepository: 'chat/open-webui' });
      return mirror;
    },
  },
  {
    construct: 'RegistryMirror.grantPull',
    prop: 'principal',
    description: 'an IPrincipal',
    build: () => registryMirror().grantPull(js({ principalId: GUID })),
    expected: /'principal' must be an IPrincipal \(a ChatIdentity, or Principal.fromGroupObjectId\(...\)\), got \{"principalId"/,
    fix: 'Pass the app\'s `ChatIdentity`, or a `Principal.from...(...)`.',
    valid: () => {
      const mirror = registryMirror();
      mirror.grantPull(Principal.fromServicePrincipalObjectId(TerraformStack.of(mirror), 'App', GUID));
      return mirror;
    },
  },
];

export const REGISTRY_ENTRIES: CatalogueEntry[] = [...PROPS, ...MIRROR];
