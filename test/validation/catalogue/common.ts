// Shared fixtures of the catalogue of every synth-time validation of the library: one entry per rule, each with an
// input that breaks it, the message it must produce and the fix. errors.test.ts runs every entry
// and generates docs/errors.md from the messages they actually produce.
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import {
  ChatIdentity, ChatIdentityAttributes, ChatIdentityProps, ChatWebApp, ChatWebAppProps, ContainerImage,
  ContentFilter, ContentFilterProps, HubDnsZoneIds,
  KeyVaultSecretOptions, ModelDeployment, ModelDeploymentOptions, ModelDeploymentProps, Monitoring, MonitoringProps,
  AiAccount, FoundryProject, FoundryProjectProps,
  OpenAiAccount, AiAccountAttributes, AiAccountProps, PrivateChat, PrivateChatProps, PrivateDnsZones,
  PrivateDnsZonesProps, PrivateKeyVault, PrivateKeyVaultAttributes, PrivateKeyVaultProps, PrivateLinkZone, PrivateNetwork,
  PrivateNetworkAttributes, PrivateNetworkProps, ServicePrivateEndpoint, ServicePrivateEndpointProps, SignIn,
} from '../../../src';
import { newStack } from '../../util';

/** One validation rule: an input that breaks it, and what the user sees and does about it. */
export interface CatalogueEntry {
  /** Construct (or factory) whose prop is checked; the docs group entries by it. */
  readonly construct: string;
  /** The prop exactly as the message quotes it, e.g. `models[1].name`. */
  readonly prop: string;
  /** The rule, in a few words. */
  readonly description: string;
  /** Builds the bad input: throws for an error; returns the construct for a warning. */
  readonly build: () => unknown;
  /** What the message (or warning) must say, including the bad value. */
  readonly expected: RegExp;
  /** What the user changes to get past it. */
  readonly fix: string;
  /** A warning (cdktf annotation) rather than an error. */
  readonly warning?: boolean;
  /** For a warning with a silencer: the same input with the silencer set; must record no such warning. */
  readonly silenced?: () => IConstruct;
  /** Thrown by a static factory without a construct: `Class.method: 'prop' ..., got <value>`. */
  readonly factory?: boolean;
  /**
   * The valid twin: the same call with the one bad value corrected. It must synthesize (and, for a
   * warning, record no warning matching `expected`), so no entry passes by rejecting everything.
   */
  readonly valid?: () => unknown;
}

export const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
export const RG = 'rg-chat';
export const LOCATION = 'swedencentral';
export const GUID = '11111111-2222-3333-4444-555555555555';
/** A second GUID, for the id of an identity that must differ from its other id. */
export const GUID_2 = '66666666-7777-8888-9999-000000000000';
export const VNET_ID = `${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke`;
export const ACCOUNT_ID = `${SUB}/resourceGroups/${RG}/providers/Microsoft.CognitiveServices/accounts/oai-chat`;
export const VAULT_ID = `${SUB}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv-shared`;
export const VAULT_URI = 'https://kv-shared.vault.azure.net/';
export const IDENTITY_ID = `${SUB}/resourceGroups/${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-chat`;
export const WORKSPACE_ID = `${SUB}/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/log-central`;
export const PLAN_ID = `${SUB}/resourceGroups/${RG}/providers/Microsoft.Web/serverFarms/asp-shared`;
export const DNS = `${SUB}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones`;
export const STORAGE_ID = `${SUB}/resourceGroups/${RG}/providers/Microsoft.Storage/storageAccounts/stchat`;

/** The network, zones and workspace most constructs plug into, in a fresh stack. */
export function base(stack: TerraformStack = newStack()) {
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: RG, network });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: RG, location: LOCATION });
  return { stack, network, dnsZones, monitoring };
}

// One builder per construct: valid required props, overridden by the entry's bad input.
export const build = {
  network: (p: Partial<PrivateNetworkProps> = {}) =>
    new PrivateNetwork(newStack(), 'Network', { resourceGroupName: RG, location: LOCATION, ...p }),
  networkAttrs: (a: Partial<PrivateNetworkAttributes> = {}) => PrivateNetwork.fromAttributes(newStack(), 'Spoke', {
    virtualNetworkId: VNET_ID,
    privateEndpointSubnetId: `${VNET_ID}/subnets/private-endpoints`,
    appIntegrationSubnetId: `${VNET_ID}/subnets/app-integration`,
    ...a,
  }),
  dnsZones: (p: Partial<PrivateDnsZonesProps> = {}) => {
    const stack = newStack();
    const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
    return new PrivateDnsZones(stack, 'Zones', { resourceGroupName: RG, network, ...p });
  },
  hubZones: (ids: HubDnsZoneIds) => PrivateDnsZones.fromHubZoneIds(newStack(), 'HubZones', ids),
  endpoint: (p: Partial<ServicePrivateEndpointProps> = {}) => {
    const { stack, network, dnsZones } = base();
    return new ServicePrivateEndpoint(stack, 'Endpoint', {
      resourceGroupName: RG,
      location: LOCATION,
      network,
      dnsZones,
      targetResourceId: VAULT_ID,
      subresource: 'vault',
      zones: [PrivateLinkZone.KEY_VAULT],
      ...p,
    });
  },
  monitoring: (p: Partial<MonitoringProps> = {}) =>
    new Monitoring(newStack(), 'Monitoring', { resourceGroupName: RG, location: LOCATION, ...p }),
  openAi: (p: Partial<AiAccountProps> = {}) => {
    const { stack, network, dnsZones, monitoring } = base();
    return new OpenAiAccount(stack, 'OpenAi', { resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring, ...p });
  },
  aiAccount: (p: Partial<AiAccountProps> = {}) => {
    const { stack, network, dnsZones, monitoring } = base();
    return new AiAccount(stack, 'Ai', { resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring, ...p });
  },
  project: (p: Partial<FoundryProjectProps> = {}) => new FoundryProject(newStack(), 'Project', {
    cognitiveAccountId: ACCOUNT_ID, location: LOCATION, ...p,
  }),
  openAiAttrs: (a: Partial<AiAccountAttributes> = {}) =>
    OpenAiAccount.fromAttributes(newStack(), 'SharedOpenAi', { accountId: ACCOUNT_ID, ...a }),
  deployment: (p: Partial<ModelDeploymentProps> = {}) => new ModelDeployment(newStack(), 'Deployment', {
    cognitiveAccountId: ACCOUNT_ID, modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14', ...p,
  }),
  filter: (p: Partial<ContentFilterProps> = {}) =>
    new ContentFilter(newStack(), 'ContentFilter', { cognitiveAccountId: ACCOUNT_ID, ...p }),
  vault: (p: Partial<PrivateKeyVaultProps> = {}) => {
    const { stack, network, dnsZones, monitoring } = base();
    return new PrivateKeyVault(stack, 'Vault', { resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring, ...p });
  },
  /** Adds the secrets in order to one new vault. */
  secrets: (...secrets: [string, Partial<KeyVaultSecretOptions>][]) => {
    const vault = build.vault();
    for (const [id, options] of secrets) {
      vault.addSecret(id, { name: 'db-password', value: 'hunter2', contentType: 'text/plain', ...options } as KeyVaultSecretOptions);
    }
    return vault;
  },
  vaultAttrs: (a: Partial<PrivateKeyVaultAttributes> = {}) =>
    PrivateKeyVault.fromAttributes(newStack(), 'SharedVault', { vaultId: VAULT_ID, vaultUri: VAULT_URI, ...a }),
  identity: (p: Partial<ChatIdentityProps> = {}) =>
    new ChatIdentity(newStack(), 'Identity', { resourceGroupName: RG, location: LOCATION, ...p }),
  identityAttrs: (a: Partial<ChatIdentityAttributes> = {}) => ChatIdentity.fromIdentityAttributes(newStack(), 'SharedIdentity', {
    identityId: IDENTITY_ID, clientId: GUID, principalId: GUID_2, tenantId: GUID, ...a,
  }),
  webApp: (p: Partial<ChatWebAppProps> = {}) => {
    const { stack, network, dnsZones, monitoring } = base();
    const openAi = OpenAiAccount.fromAttributes(stack, 'OpenAi', { accountId: ACCOUNT_ID });
    const vault = new PrivateKeyVault(stack, 'Vault', { resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring });
    return new ChatWebApp(stack, 'App', {
      resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring, aiAccount: openAi, vault, deploymentName: 'gpt-4.1-mini', ...p,
    });
  },
  image: (image: ContainerImage) => build.webApp({ image }),
  chat: (p: Partial<PrivateChatProps> = {}) => new PrivateChat(newStack(), 'chat', { location: LOCATION, ...p }),
};

/** A valid model deployment, for entries that vary one field. */
export const ok: ModelDeploymentOptions = { modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14' };

export const existingSignIn = (o: object) => SignIn.withExistingRegistration({ clientId: GUID, clientSecretKeyVaultSecretId: 'https://kv-shared.vault.azure.net/secrets/client-secret', ...o });
export const image = (registryUrl: string, imageName: string, tag: string, options = {}) =>
  ContainerImage.fromRegistry(registryUrl, imageName, tag, options);
export const ACR = 'https://myregistry.azurecr.io';

/** Resource group, region and name rules that every resource-creating construct shares. */
export function placement(construct: string, make: (p: { resourceGroupName?: string; location?: string }) => unknown): CatalogueEntry[] {
  return [
    {
      construct,
      prop: 'resourceGroupName',
      description: 'must not be empty',
      build: () => make({ resourceGroupName: ' ' }),
      expected: /'resourceGroupName' must not be empty, got ' '/,
      fix: 'Pass the name of the resource group, e.g. `rg-chat`.',
    },
    {
      construct,
      prop: 'resourceGroupName',
      description: 'follows Azure\'s resource group naming rule',
      build: () => make({ resourceGroupName: 'rg-chat.' }),
      expected: /'resourceGroupName' must contain only letters, digits, underscores, hyphens, periods and parentheses, not ending in a period, got 'rg-chat\.'/,
      fix: 'Use 1-90 letters, digits, `-`, `_`, `.`, `(` and `)`, not ending in a period.',
    },
    {
      construct,
      prop: 'location',
      description: 'must be an Azure region',
      build: () => make({ location: 'swedencentrall' }),
      expected: /'location' must be an Azure region name such as 'swedencentral' \(did you mean 'swedencentral'\?\), got 'swedencentrall'/,
      fix: 'Use a region name as `az account list-locations -o table` prints it, e.g. `swedencentral`. For a sovereign cloud, pass a token (e.g. a variable) to skip the check.',
    },
  ];
}

