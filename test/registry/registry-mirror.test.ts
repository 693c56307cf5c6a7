import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { ContainerRegistryCacheRule } from '@cdktf/provider-azurerm/lib/container-registry-cache-rule';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { ChatIdentity, ContainerImage, IImageMirror } from '../../src/app';
import { Compliance } from '../../src/compliance';
import { Principal } from '../../src/core';
import { Monitoring } from '../../src/monitoring';
import { PrivateDnsZones, PrivateLinkZone, PrivateNetwork } from '../../src/network';
import { MirrorUpstream, RegistryMirror, RegistryMirrorProps } from '../../src/registry';
import { cacheRuleName } from '../../src/registry/private/upstreams';
import { ICustomerManagedKey } from '../../src/secrets';
import { newStack, onlyResource, resolved, resourcesOf, synth, synthJson } from '../util';

const RG = 'rg-chat';
const LOCATION = 'swedencentral';
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const GUID = '11111111-2222-3333-4444-555555555555';
const DIGEST = 'sha256:9591b13f13843c7721c2b8eaf7382846c81b3ffe126526d1888d1fed50c6a33f';
const OPEN_WEBUI = ContainerImage.fromRegistryDigest('https://ghcr.io', 'open-webui/open-webui', DIGEST, {
  port: 8080, appSettings: { ENABLE_SIGNUP: 'false' },
});

interface Fixture {
  readonly stack: TerraformStack;
  readonly network: PrivateNetwork;
  readonly dnsZones: PrivateDnsZones;
  readonly monitoring: Monitoring;
}

function fixture(): Fixture {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', {
    resourceGroupName: RG, network, zones: [...PrivateLinkZone.all(), PrivateLinkZone.CONTAINER_REGISTRY],
  });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: RG, location: LOCATION });
  return { stack, network, dnsZones, monitoring };
}

function build(overrides: Partial<RegistryMirrorProps> = {}): { f: Fixture; mirror: RegistryMirror } {
  const f = fixture();
  const mirror = new RegistryMirror(f.stack, 'Mirror', {
    resourceGroupName: RG, location: LOCATION, network: f.network, dnsZones: f.dnsZones, monitoring: f.monitoring, ...overrides,
  });
  return { f, mirror };
}

/** `${<type>.<name>.<attr>}` of a resource, the way references synthesize. */
function ref(resource: { terraformResourceType: string; friendlyUniqueId: string }, attr: string): string {
  return `\${${resource.terraformResourceType}.${resource.friendlyUniqueId}.${attr}}`;
}

function thrown(make: () => unknown): string {
  try {
    make();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

/** A customer-managed key as another construct (or the platform team) provides it. */
function fakeKey(stack: TerraformStack): ICustomerManagedKey {
  const identity = new UserAssignedIdentity(stack, 'KeyIdentity', { name: 'id-cmk', resourceGroupName: RG, location: LOCATION });
  return {
    keyId: 'https://kv-keys.vault.azure.net/keys/cmk-registry',
    keyVaultId: `${SUB}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv-keys`,
    identityId: `${SUB}/resourceGroups/${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk`,
    identityClientId: GUID,
    identityPrincipalId: '99999999-2222-3333-4444-555555555555',
    dependables: [identity],
  };
}

describe('RegistryMirror', () => {
  describe('the registry', () => {
    test('is Premium, private, keyless and closed to export, with dedicated data endpoints', () => {
      const { f } = build();
      expect(synth(f.stack)).toHaveResourceWithProperties(ContainerRegistry, {
        resource_group_name: RG,
        location: LOCATION,
        sku: 'Premium',
        admin_enabled: false,
        anonymous_pull_enabled: false,
        public_network_access_enabled: false,
        export_policy_enabled: false,
        data_endpoint_enabled: true,
        network_rule_bypass_option: 'None',
        zone_redundancy_enabled: false,
      });
      const registry = onlyResource(synthJson(f.stack), 'azurerm_container_registry');
      // A cache: no customer key unless asked, no prevent_destroy, no policies that would hold cached images back.
      expect(registry).not.toHaveProperty('identity');
      expect(registry).not.toHaveProperty('encryption');
      expect(registry).not.toHaveProperty('lifecycle');
      expect(registry).not.toHaveProperty('quarantine_policy_enabled');
    });

    test('derives a hyphen-free, subscription-scoped name', () => {
      const { f } = build();
      const name: string = onlyResource(synthJson(f.stack), 'azurerm_container_registry').name;
      expect(name).toMatch(/^cr\$\{substr\(sha256\(join\(/);
      expect(name).toContain('data.azurerm_client_config');
      expect(name).toMatch(/, 0, 8\)\}$/);
      expect(name).not.toMatch(/^cr-/);
    });

    test('takes a given name, zone redundancy, the trusted-services bypass and tags', () => {
      const { f } = build({ name: 'crchatmirror', zoneRedundancyEnabled: true, trustedServicesBypass: true, tags: { env: 'test' } });
      expect(synth(f.stack)).toHaveResourceWithProperties(ContainerRegistry, {
        name: 'crchatmirror', zone_redundancy_enabled: true, network_rule_bypass_option: 'AzureServices', tags: { env: 'test' },
      });
      expect(synth(f.stack)).toHaveResourceWithProperties(PrivateEndpoint, { tags: { env: 'test' } });
    });

    test('exposes its attributes', () => {
      const { mirror } = build({ name: 'crchatmirror' });
      expect(resolved(mirror, mirror.registryId)).toBe(ref(mirror.resource, 'id'));
      expect(mirror.registryName).toBe('crchatmirror');
      expect(resolved(mirror, mirror.loginServer)).toBe(ref(mirror.resource, 'login_server'));
      expect(resolved(mirror, mirror.registryUrl)).toBe(`https://${ref(mirror.resource, 'login_server')}`);
      expect(mirror.cacheRules).toEqual([]);
    });

    test('implements IImageMirror, so a ChatWebApp can take it as imageMirror', () => {
      const { mirror } = build();
      const asMirror: IImageMirror = mirror;
      expect(typeof asMirror.mirror).toBe('function');
      expect(typeof asMirror.grantPull).toBe('function');
    });
  });

  describe('private endpoint', () => {
    test('connects to the registry subresource and registers in privatelink.azurecr.io', () => {
      const { f, mirror } = build();
      const json = synthJson(f.stack);
      const pe = onlyResource(json, 'azurerm_private_endpoint');
      expect(pe.private_service_connection).toEqual(expect.objectContaining({
        subresource_names: ['registry'],
        private_connection_resource_id: ref(mirror.resource, 'id'),
        is_manual_connection: false,
      }));
      expect(pe.subnet_id).toBe(resolved(mirror, f.network.privateEndpointSubnetId));
      expect(pe.private_dns_zone_group).toEqual(expect.objectContaining({
        private_dns_zone_ids: [resolved(mirror, f.dnsZones.zoneIdFor(PrivateLinkZone.CONTAINER_REGISTRY))],
      }));
      expect(mirror.privateEndpoint.resource).toBeInstanceOf(PrivateEndpoint);
    });

    test('needs the registry zone in the zone set', () => {
      const stack = newStack();
      const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
      const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: RG, network });
      expect(() => new RegistryMirror(stack, 'Mirror', { resourceGroupName: RG, location: LOCATION, network, dnsZones }))
        .toThrow(/no private DNS zone 'privatelink.azurecr.io' in this set; add PrivateLinkZone for 'containerRegistry' to 'zones'/);
    });
  });

  describe('diagnostics', () => {
    test('sends login and repository events and metrics to the workspace', () => {
      const { f, mirror } = build();
      expect(synth(f.stack)).toHaveResourceWithProperties(MonitorDiagnosticSetting, {
        target_resource_id: ref(mirror.resource, 'id'),
        log_analytics_workspace_id: resolved(mirror, f.monitoring.workspaceId),
        enabled_log: [{ category: 'ContainerRegistryRepositoryEvents' }, { category: 'ContainerRegistryLoginEvents' }],
        enabled_metric: [{ category: 'AllMetrics' }],
      });
      expect(mirror.diagnosticSetting).toBeInstanceOf(MonitorDiagnosticSetting);
    });

    test('are left out without monitoring', () => {
      const { f, mirror } = build({ monitoring: undefined });
      expect(Object.keys(resourcesOf(synthJson(f.stack), 'azurerm_monitor_diagnostic_setting'))).toEqual([]);
      expect(mirror.diagnosticSetting).toBeUndefined();
    });
  });

  describe('customer-managed key', () => {
    test('the key identity joins the registry, the encryption names the key, and the registry waits for the grant', () => {
      const f = fixture();
      const key = fakeKey(f.stack);
      const mirror = new RegistryMirror(f.stack, 'Mirror', {
        resourceGroupName: RG, location: LOCATION, network: f.network, dnsZones: f.dnsZones, customerManagedKey: key,
      });
      const registry = onlyResource(synthJson(f.stack), 'azurerm_container_registry');
      expect(registry.identity).toEqual({ type: 'UserAssigned', identity_ids: [key.identityId] });
      expect(registry.encryption).toEqual([{ key_vault_key_id: key.keyId, identity_client_id: GUID }]);
      expect(registry.depends_on).toEqual([`${(key.dependables[0] as UserAssignedIdentity).terraformResourceType}.${(key.dependables[0] as UserAssignedIdentity).friendlyUniqueId}`]);
      expect(mirror.resource.encryption.internalValue).toBeDefined();
    });

    test.each<[string, (k: ICustomerManagedKey) => ICustomerManagedKey, RegExp]>([
      ['its identity is not a user-assigned identity', (k) => ({ ...k, identityId: `${SUB}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv-keys` }),
        /'customerManagedKey.identityId' must be the id of a Microsoft.ManagedIdentity\/userAssignedIdentities resource/],
      ['its client id is no GUID', (k) => ({ ...k, identityClientId: 'id-cmk' }), /'customerManagedKey.identityClientId' must be a GUID/],
      ['it is not a key at all', () => ({ keyId: 'x' }) as unknown as ICustomerManagedKey,
        /'customerManagedKey' must be an ICustomerManagedKey \(an EncryptionKey or EncryptionKey.fromKeyId\(...\)\)/],
    ])('fails when %s', (_, change, expected) => {
      const f = fixture();
      expect(() => new RegistryMirror(f.stack, 'Mirror', {
        resourceGroupName: RG, location: LOCATION, network: f.network, dnsZones: f.dnsZones, customerManagedKey: change(fakeKey(f.stack)),
      })).toThrow(expected);
    });
  });

  describe('mirror()', () => {
    test('adds a cache rule for the repository and returns the image as the mirror serves it', () => {
      const { f, mirror } = build();
      const mirrored = mirror.mirror(OPEN_WEBUI);
      const name = cacheRuleName('open-webui/open-webui');
      expect(synth(f.stack)).toHaveResourceWithProperties(ContainerRegistryCacheRule, {
        name,
        container_registry_id: ref(mirror.resource, 'id'),
        source_repo: 'ghcr.io/open-webui/open-webui',
        target_repo: 'open-webui/open-webui',
      });
      expect(name).toMatch(/^open-webui-open-webui-[0-9a-f]{6}$/);
      expect(mirror.cacheRules.map((r) => r.node.id)).toEqual([name]);

      expect(resolved(mirror, mirrored.registryUrl)).toBe(`https://${ref(mirror.resource, 'login_server')}`);
      expect(mirrored.imageName).toBe('open-webui/open-webui');
      expect(mirrored.digest).toBe(DIGEST);
      expect(mirrored.tag).toBeUndefined();
      expect(mirrored.reference).toBe(`open-webui/open-webui@${DIGEST}`);
      expect(mirrored.pullWithManagedIdentity).toBe(true);
      expect(mirrored.port).toBe(8080);
      expect(mirrored.appSettings).toEqual({ ENABLE_SIGNUP: 'false' });
      // The source image is left as it was.
      expect(OPEN_WEBUI.registryUrl).toBe('https://ghcr.io');
      expect(OPEN_WEBUI.pullWithManagedIdentity).toBe(false);
    });

    test('keeps a tag, and the mutable-tag opt-in of the source', () => {
      const { f, mirror } = build();
      const image = ContainerImage.fromRegistry('https://mcr.microsoft.com/', 'dotnet/aspnet', 'latest', { allowMutableTag: true });
      const mirrored = mirror.mirror(image);
      expect(mirrored.reference).toBe('dotnet/aspnet:latest');
      expect(mirrored.tag).toBe('latest');
      expect(mirrored.allowMutableTag).toBe(true);
      expect(mirrored.port).toBe(80);
      expect(synth(f.stack)).toHaveResourceWithProperties(ContainerRegistryCacheRule, { source_repo: 'mcr.microsoft.com/dotnet/aspnet', target_repo: 'dotnet/aspnet' });
    });

    test('mirrors every upstream in MirrorUpstream', () => {
      const { f, mirror } = build();
      for (const upstream of MirrorUpstream.all()) mirror.mirror(ContainerImage.fromRegistry(upstream.registryUrl, `${upstream.displayName.split(' ')[0].toLowerCase()}/app`, '1.0'));
      const sources = Object.values(resourcesOf(synthJson(f.stack), 'azurerm_container_registry_cache_rule')).map((r: any) => r.source_repo).sort();
      expect(sources).toEqual(['gcr.io/google/app', 'ghcr.io/github/app', 'mcr.microsoft.com/microsoft/app', 'public.ecr.aws/aws/app', 'quay.io/quay/app',
        'registry.k8s.io/kubernetes/app']);
      expect(MirrorUpstream.all().map((u) => u.host)).toEqual(['mcr.microsoft.com', 'ghcr.io', 'quay.io', 'registry.k8s.io', 'public.ecr.aws', 'gcr.io']);
    });

    test('twice for one image returns an equivalent image and keeps one rule', () => {
      const { f, mirror } = build();
      const first = mirror.mirror(OPEN_WEBUI);
      const second = mirror.mirror(OPEN_WEBUI);
      const other = mirror.mirror(ContainerImage.fromRegistry('https://ghcr.io', 'open-webui/open-webui', 'v0.6.30'));
      expect(second.reference).toBe(first.reference);
      expect(second.registryUrl).toBe(first.registryUrl);
      expect(other.reference).toBe('open-webui/open-webui:v0.6.30');
      expect(Object.keys(resourcesOf(synthJson(f.stack), 'azurerm_container_registry_cache_rule'))).toHaveLength(1);
      expect(mirror.cacheRules).toHaveLength(1);
    });

    test('returns an image it already serves unchanged', () => {
      const { mirror } = build();
      const mirrored = mirror.mirror(OPEN_WEBUI);
      expect(mirror.mirror(mirrored)).toBe(mirrored);
      expect(mirror.cacheRules).toHaveLength(1);
    });

    test('gives the rule an address that depends on the repository only', () => {
      const a = build().mirror;
      a.mirror(ContainerImage.fromRegistry('https://quay.io', 'prometheus/node-exporter', 'v1.8.2'));
      a.mirror(OPEN_WEBUI);
      const b = build().mirror;
      b.mirror(OPEN_WEBUI);
      const idOf = (m: RegistryMirror) => m.cacheRules.find((r) => r.targetRepoInput === 'open-webui/open-webui')!.node.id;
      expect(idOf(a)).toBe(idOf(b));
    });

    test('mirrorAs puts the image under another repository path', () => {
      const { f, mirror } = build();
      const mirrored = mirror.mirrorAs(OPEN_WEBUI, { targetRepository: 'chat/open-webui' });
      expect(mirrored.reference).toBe(`chat/open-webui@${DIGEST}`);
      expect(synth(f.stack)).toHaveResourceWithProperties(ContainerRegistryCacheRule, {
        source_repo: 'ghcr.io/open-webui/open-webui', target_repo: 'chat/open-webui', name: cacheRuleName('chat/open-webui'),
      });
    });

    test('names long repositories within the 49 characters azurerm allows', () => {
      const name = cacheRuleName('a-very-long-organisation-name/with-a-long-team/and-an-even-longer-image-name');
      expect(name.length).toBeLessThanOrEqual(49);
      expect(name).toMatch(/^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$/);
      expect(cacheRuleName('a/b')).not.toBe(cacheRuleName('a-b'));
      expect(cacheRuleName('x').length).toBeGreaterThanOrEqual(5);
    });

    const refused: [string, () => ContainerImage, RegExp][] = [
      ['the sample app\'s own registry (an ACR)', () => ContainerImage.SAMPLE_CHAT_APP,
        /'image.registryUrl' must be the URL of a registry that ACR artifact cache pulls from without credentials \('https:\/\/mcr.microsoft.com', 'https:\/\/ghcr.io', 'https:\/\/quay.io', 'https:\/\/registry.k8s.io', 'https:\/\/public.ecr.aws', 'https:\/\/gcr.io'\); 'sampleappaoaichatgpt.azurecr.io' is an Azure Container Registry: .*, got 'https:\/\/sampleappaoaichatgpt.azurecr.io'$/],
      ['Docker Hub, which needs a credential set', () => ContainerImage.fromRegistry('https://docker.io', 'library/nginx', '1.27'),
        /'docker.io' is Docker Hub, which artifact cache pulls from only with a credential set .*, got 'https:\/\/docker.io'$/],
      ['Google Artifact Registry', () => ContainerImage.fromRegistry('https://europe-docker.pkg.dev', 'proj/repo/app', '1.0'),
        /'europe-docker.pkg.dev' is Google Artifact Registry, which artifact cache pulls from only with a credential set/],
      ['a private registry', () => ContainerImage.fromRegistry('https://registry.contoso.com', 'team/chat', '1.0'),
        /'registry.contoso.com' is not a registry that ACR artifact cache lists as an upstream, got 'https:\/\/registry.contoso.com'$/],
      ['a registry URL with a path', () => ContainerImage.fromRegistry('https://ghcr.io/open-webui', 'open-webui', '1.0'),
        /'image.registryUrl' must be the URL of a registry .*, with its scheme and no path, got 'https:\/\/ghcr.io\/open-webui'$/],
      ['a repository path in capitals', () => ContainerImage.fromRegistry('https://ghcr.io', 'Open-WebUI/open-webui', '1.0'),
        /'image.imageName' must be a repository path in lowercase letters, .* without registry host, tag, digest or wildcard, got 'Open-WebUI\/open-webui'$/],
      ['a wildcard repository', () => ContainerImage.fromRegistry('https://mcr.microsoft.com', 'dotnet/*', '1.0'),
        /'image.imageName' must be a repository path .*, got 'dotnet\/\*'$/],
      ['a repository path starting with the registry host', () => ContainerImage.fromRegistry('https://ghcr.io', 'ghcr.io/open-webui/open-webui', '1.0'),
        /'image.imageName' must be the repository path inside the registry, not start with a registry host \('ghcr.io'\)/],
      ['a malformed tag', () => ContainerImage.fromRegistry('https://ghcr.io', 'open-webui/open-webui', '-v1'),
        /'image.tag' must be a Docker tag: .*, got '-v1'$/],
      ['a malformed digest', () => ContainerImage.fromRegistryDigest('https://ghcr.io', 'open-webui/open-webui', 'sha256:ABC'),
        /'image.digest' must be 'sha256:' followed by 64 lowercase hex characters, got 'sha256:ABC'$/],
    ];
    test.each(refused)('fails when the image comes from %s', (_, image, expected) => {
      const { mirror } = build();
      const message = thrown(() => mirror.mirror(image()));
      expect(message).toMatch(/^RegistryMirror 'test\/Mirror': /);
      expect(message).toMatch(expected);
      expect(mirror.cacheRules).toEqual([]);
    });

    test('fails when the registry URL is only known at plan time', () => {
      const { f, mirror } = build();
      const url = new TerraformVariable(f.stack, 'registry_url', { type: 'string' }).stringValue;
      expect(() => mirror.mirror(ContainerImage.fromRegistry(url, 'team/chat', '1.0')))
        .toThrow(/'image.registryUrl' must be the URL of a registry .*, known at synth because the cache rule's source is fixed then, got a Terraform expression/);
    });

    test('fails when the target repository is malformed', () => {
      const { mirror } = build();
      expect(() => mirror.mirrorAs(OPEN_WEBUI, { targetRepository: 'Chat/WebUI' }))
        .toThrow(/'options.targetRepository' must be a repository path in lowercase letters, digits, '.', '_', '-' and '\/', got 'Chat\/WebUI'$/);
      expect(() => mirror.mirrorAs(OPEN_WEBUI, { targetRepository: ' ' })).toThrow(/'options.targetRepository' must not be empty, got ' '/);
      expect(() => mirror.mirrorAs(OPEN_WEBUI, { target: 'x' } as any)).toThrow(/'options.target' is not a known prop \(known: targetRepository\)/);
    });

    test('fails when two upstreams would fill one repository', () => {
      const { mirror } = build();
      mirror.mirror(ContainerImage.fromRegistry('https://quay.io', 'team/chat', '1.0'));
      expect(() => mirror.mirror(ContainerImage.fromRegistry('https://ghcr.io', 'team/chat', '1.0')))
        .toThrow(/'image.imageName' must name a repository this mirror does not already fill from another upstream \('team\/chat' mirrors 'quay.io\/team\/chat'\); pass another options.targetRepository, got 'team\/chat'$/);
      expect(() => mirror.mirrorAs(ContainerImage.fromRegistry('https://ghcr.io', 'other/chat', '1.0'), { targetRepository: 'team/chat' }))
        .toThrow(/'options.targetRepository' must name a repository this mirror does not already fill/);
      expect(mirror.mirrorAs(ContainerImage.fromRegistry('https://ghcr.io', 'team/chat', '1.0'), { targetRepository: 'ghcr/team/chat' }).imageName).toBe('ghcr/team/chat');
    });

    test('fails when given something other than a ContainerImage', () => {
      const { mirror } = build();
      expect(() => mirror.mirror({ registryUrl: 'https://ghcr.io', imageName: 'a/b', tag: '1' } as any))
        .toThrow(/'image' must be a ContainerImage \(ContainerImage.fromRegistry\(...\) or ContainerImage.fromRegistryDigest\(...\)\), got \{"registryUrl"/);
    });
  });

  describe('grantPull()', () => {
    test('assigns AcrPull on the registry by role id and returns the assignment', () => {
      const { f, mirror } = build();
      const identity = new ChatIdentity(f.stack, 'Identity', { resourceGroupName: RG, location: LOCATION });
      const assignment = mirror.grantPull(identity);
      expect(assignment).toBeInstanceOf(RoleAssignment);
      expect(synth(f.stack)).toHaveResourceWithProperties(RoleAssignment, {
        scope: ref(mirror.resource, 'id'),
        role_definition_id: expect.stringMatching(/\/providers\/Microsoft.Authorization\/roleDefinitions\/7f951dda-4ed3-4680-a7ca-43fe172d538d$/),
        principal_id: resolved(mirror, identity.principalId),
        principal_type: 'ServicePrincipal',
      });
      expect(mirror.grantPull(identity)).toBe(assignment);
    });

    test('makes the assignment wait for every cache rule, added before or after the grant', () => {
      const { f, mirror } = build();
      mirror.mirror(OPEN_WEBUI);
      const identity = new ChatIdentity(f.stack, 'Identity', { resourceGroupName: RG, location: LOCATION });
      mirror.grantPull(identity);
      mirror.mirror(ContainerImage.fromRegistry('https://quay.io', 'team/chat', '1.0'));
      mirror.grantPull(identity);
      const assignment = onlyResource(synthJson(f.stack), 'azurerm_role_assignment');
      expect(assignment.depends_on).toEqual(mirror.cacheRules.map((r) => `${r.terraformResourceType}.${r.friendlyUniqueId}`));
      expect(assignment.depends_on).toHaveLength(2);
    });

    test('grants a group too', () => {
      const { f, mirror } = build();
      mirror.grantPull(Principal.fromGroupObjectId(f.stack, 'Operators', GUID));
      expect(synth(f.stack)).toHaveResourceWithProperties(RoleAssignment, { principal_id: GUID, principal_type: 'Group' });
    });

    test('fails when given no principal', () => {
      const { mirror } = build();
      expect(() => mirror.grantPull({ principalId: GUID } as any))
        .toThrow(/RegistryMirror 'test\/Mirror': 'principal' must be an IPrincipal \(a ChatIdentity, or Principal.fromGroupObjectId\(...\)\), got \{"principalId"/);
    });
  });

  describe('props', () => {
    test.each<[string, Partial<RegistryMirrorProps>, RegExp]>([
      ['the SKU is not Premium', { sku: 'Standard' },
        /'sku' must be 'Premium': private endpoints, public network access off and the export policy off are Premium features, and the mirror has no public endpoint, got 'Standard'$/],
      ['the name has a hyphen', { name: 'cr-chat' }, /'name' must contain only letters and digits, got 'cr-chat'/],
      ['the name is too short', { name: 'cr' }, /'name' must be 5-50 characters long for a container registry \(got 2\), got 'cr'/],
      ['a prop is misspelt', { zoneRedundant: true } as any, /'zoneRedundant' is not a known prop/],
      ['a boolean comes as a string', { trustedServicesBypass: 'true' } as any, /'trustedServicesBypass' must be true or false/],
      ['the region is not the network\'s', { location: 'westeurope' }, /'location' must be the region of its network \('swedencentral'\).*, got 'westeurope'/],
    ])('fails when %s', (_, overrides, expected) => {
      const message = thrown(() => build(overrides));
      expect(message).toMatch(/^RegistryMirror 'test\/Mirror': /);
      expect(message).toMatch(expected);
    });
  });

  describe('compliance', () => {
    test('the registry and its endpoint pass the pack, the PaaS rules included', () => {
      const { f, mirror } = build();
      mirror.mirror(OPEN_WEBUI);
      const report = Compliance.report(f.stack);
      expect(report.failures.filter((x) => x.constructPath.startsWith('test/Mirror'))).toEqual([]);
      expect(report.checkedResources).toBeGreaterThan(0);
    });
  });
});
