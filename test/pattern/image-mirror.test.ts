// PrivateChat's private image supply: the front end's image through a registry mirror in the stack.
import { Testing } from 'cdktf';
import { ChatFrontEnd, ContainerImage, DeploymentSku, Encryption, PrivateChat, PrivateChatProps, PrivateDnsZones } from '../../src';
import { newStack, resourcesOf, synthJson } from '../util';

function chat(props: Partial<PrivateChatProps> = {}) {
  const stack = newStack();
  const made = new PrivateChat(stack, 'chat', { location: 'swedencentral', ...props });
  return { stack, chat: made };
}

describe('PrivateChat imageMirror', () => {
  test('off by default: no registry, no registry zone, the app pulls from ghcr.io', () => {
    const { stack, chat: made } = chat();
    const json = synthJson(stack);
    expect(made.registryMirror).toBeUndefined();
    expect(resourcesOf(json, 'azurerm_container_registry')).toEqual({});
    expect(Object.values(resourcesOf(json, 'azurerm_private_dns_zone')).map((z: any) => z.name)).not.toContain('privatelink.azurecr.io');
    const app = Object.values(resourcesOf(json, 'azurerm_linux_web_app'))[0] as any;
    expect(app.site_config.application_stack.docker_registry_url).toBe('https://ghcr.io');
    // The created VNet denies outbound Internet traffic (issue 22), so the public image is pulled
    // over App Service's own path, not through the VNet.
    expect(app.vnet_image_pull_enabled).toBe(false);
  });

  test('a private Premium registry with a cache rule for the image; the app pulls from it as its identity after AcrPull', () => {
    const { stack, chat: made } = chat({ imageMirror: true });
    const json = synthJson(stack);
    const [registryName, registry] = Object.entries(resourcesOf(json, 'azurerm_container_registry'))[0] as [string, any];
    expect(registry).toMatchObject({ sku: 'Premium', public_network_access_enabled: false, admin_enabled: false, anonymous_pull_enabled: false });
    expect(Object.values(resourcesOf(json, 'azurerm_container_registry_cache_rule'))).toEqual([expect.objectContaining({
      source_repo: 'ghcr.io/open-webui/open-webui', target_repo: 'open-webui/open-webui', container_registry_id: `\${azurerm_container_registry.${registryName}.id}`,
    })]);
    const app = Object.values(resourcesOf(json, 'azurerm_linux_web_app'))[0] as any;
    expect(app.site_config.application_stack).toEqual({
      docker_registry_url: `https://\${azurerm_container_registry.${registryName}.login_server}`,
      docker_image_name: `open-webui/open-webui@${ChatFrontEnd.openWebUi().image.digest}`,
    });
    expect(app.site_config.container_registry_use_managed_identity).toBe(true);
    expect(app.vnet_image_pull_enabled).toBe(true);
    const pull = Object.entries(resourcesOf(json, 'azurerm_role_assignment')).find(([, r]: [string, any]) => r.scope === `\${azurerm_container_registry.${registryName}.id}`);
    expect(pull).toBeDefined();
    const wait = Object.values(resourcesOf(json, 'time_sleep')).find((w: any) => w.depends_on.includes(`azurerm_role_assignment.${pull![0]}`));
    expect(wait).toBeDefined();
    const zone = Object.entries(resourcesOf(json, 'azurerm_private_dns_zone')).find(([, z]: [string, any]) => z.name === 'privatelink.azurecr.io');
    expect(zone).toBeDefined();
    const endpoint = Object.values(resourcesOf(json, 'azurerm_private_endpoint')).find((e: any) => e.private_service_connection.subresource_names[0] === 'registry') as any;
    expect(endpoint.private_dns_zone_group.private_dns_zone_ids).toEqual([`\${azurerm_private_dns_zone.${zone![0]}.id}`]);
    expect(made.registryMirror).toBeDefined();
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('with a customer-managed key the registry is encrypted with it', () => {
    const { stack } = chat({ imageMirror: true, encryption: Encryption.customerManagedKey() });
    const registry = Object.values(resourcesOf(synthJson(stack), 'azurerm_container_registry'))[0] as any;
    expect(registry.encryption[0].key_vault_key_id).toMatch(/^\$\{trimsuffix\(azurerm_key_vault\..*\.vault_uri, "\/"\)\}\/keys\/\$\{azapi_resource\..*\.name\}$/);
  });

  test('names.registry names it', () => {
    const { stack } = chat({ imageMirror: true, names: { registry: 'crcontosochat' } });
    expect((Object.values(resourcesOf(synthJson(stack), 'azurerm_container_registry'))[0] as any).name).toBe('crcontosochat');
  });

  test('fails when the image comes from a registry without cache rules', () => {
    expect(() => chat({ imageMirror: true, frontEnd: ChatFrontEnd.sampleChatApp(), models: [{ modelName: 'Llama-4-Maverick-17B-128E-Instruct-FP8', modelVersion: '1', sku: DeploymentSku.GLOBAL_STANDARD, allowGlobalProcessing: true }] }))
      .toThrow(/'image.registryUrl' .*sampleappaoaichatgpt.azurecr.io/);
    expect(() => chat({ imageMirror: true, image: ContainerImage.fromRegistry('https://index.docker.io', 'contoso/chat', '1.0') })).toThrow(/'image.registryUrl'/);
  });

  test('fails when names.registry is given without imageMirror, or is not a registry name', () => {
    expect(() => chat({ names: { registry: 'crcontoso' } })).toThrow(/^PrivateChat 'test\/chat': 'names.registry' names the registry mirror, which only 'imageMirror: true' creates/);
    expect(() => chat({ imageMirror: true, names: { registry: 'cr-contoso' } })).toThrow(/'names.registry' must contain only letters and digits, got 'cr-contoso'/);
  });

  test('a hub must supply the registry zone', () => {
    const stack = newStack();
    // Every zone the chat needs but the registry's, so that the registry's is the one missing.
    const zone = (name: string) => `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/${name}`;
    const dnsZones = PrivateDnsZones.fromHubZoneIds(stack, 'Hub', {
      aiServices: zone('privatelink.services.ai.azure.com'),
      openAi: zone('privatelink.openai.azure.com'),
      cognitiveServices: zone('privatelink.cognitiveservices.azure.com'),
      keyVault: zone('privatelink.vaultcore.azure.net'),
      appService: zone('privatelink.azurewebsites.net'),
      postgreSql: zone('privatelink.postgres.database.azure.com'),
      blob: zone('privatelink.blob.core.windows.net'),
    });
    expect(() => new PrivateChat(stack, 'chat', { location: 'swedencentral', dnsZones, imageMirror: true }))
      .toThrow(/'dnsZones' must hold 'privatelink\.azurecr\.io'.*'containerRegistry' is needed for a private endpoint/);
  });
});
