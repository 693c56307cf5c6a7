import { CognitiveAccount } from '@cdktf/provider-azurerm/lib/cognitive-account';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { IAiAccount } from '../../src/ai/ai-account-props';
import { ChatWebApp, ChatWebAppProps } from '../../src/app';
import { grantRole, IPrincipal } from '../../src/core';
import { Monitoring } from '../../src/monitoring';
import { PrivateDnsZones, PrivateNetwork } from '../../src/network';
import { PrivateKeyVault } from '../../src/secrets';
import { newStack } from '../util';

export const RG = 'rg-chat';
export const LOCATION = 'swedencentral';

/**
 * A stand-in for the ai area's account: a real `azurerm_cognitive_account` so that references
 * to it can be asserted, and `grantUse` through `grantRole`, as the contract says.
 */
export class FakeOpenAiAccount extends Construct implements IAiAccount {
  public readonly accountId: string;
  public readonly accountName: string;
  public readonly endpoint: string;
  public readonly resource: CognitiveAccount;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.resource = new CognitiveAccount(this, 'Resource', {
      name: 'oai-test',
      resourceGroupName: RG,
      location: LOCATION,
      kind: 'OpenAI',
      skuName: 'S0',
      customSubdomainName: 'oai-test',
    });
    this.accountId = this.resource.id;
    this.accountName = this.resource.name;
    this.endpoint = this.resource.endpoint;
  }

  public grantUse(principal: IPrincipal): RoleAssignment {
    return grantRole(this, { scopeId: this.accountId, roleDefinitionName: 'Cognitive Services OpenAI User', principal });
  }
}

export interface Fixture {
  readonly stack: TerraformStack;
  readonly network: PrivateNetwork;
  readonly dnsZones: PrivateDnsZones;
  readonly monitoring: Monitoring;
  readonly openAi: FakeOpenAiAccount;
  readonly vault: PrivateKeyVault;
}

export function fixture(stack: TerraformStack = newStack()): Fixture {
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: RG, network });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: RG, location: LOCATION });
  const openAi = new FakeOpenAiAccount(stack, 'OpenAi');
  const vault = new PrivateKeyVault(stack, 'Vault', { resourceGroupName: RG, location: LOCATION, network, dnsZones, monitoring });
  return { stack, network, dnsZones, monitoring, openAi, vault };
}

/** The props every test starts from: everything wired, defaults for the rest. */
export function baseProps(f: Fixture): ChatWebAppProps {
  return {
    resourceGroupName: RG,
    location: LOCATION,
    network: f.network,
    dnsZones: f.dnsZones,
    monitoring: f.monitoring,
    aiAccount: f.openAi,
    deploymentName: 'gpt-4o-mini',
    vault: f.vault,
  };
}

/** Builds one ChatWebApp `Chat` on a fresh fixture. */
export function buildApp(overrides: Partial<ChatWebAppProps> = {}): { f: Fixture; app: ChatWebApp } {
  const f = fixture();
  const app = new ChatWebApp(f.stack, 'Chat', { ...baseProps(f), ...overrides });
  return { f, app };
}

/** `${<type>.<name>.<attr>}` of a resource, the way references synthesize. */
export function ref(resource: { terraformResourceType: string; friendlyUniqueId: string }, attr: string): string {
  return `\${${resource.terraformResourceType}.${resource.friendlyUniqueId}.${attr}}`;
}

/** `<type>.<name>` of a resource, the way `depends_on` lists it. */
export function address(resource: { terraformResourceType: string; friendlyUniqueId: string }): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}
