import { TerraformStack } from 'cdktf';
import { IAiAccount, OpenAiAccount } from '../../src/ai';
import { AiGateway, AiGatewayProps } from '../../src/gateway';
import { Monitoring } from '../../src/monitoring';
import { PrivateDnsZones, PrivateLinkZone, PrivateNetwork } from '../../src/network';
import { newStack } from '../util';

export const RG = 'rg-chat';
export const LOCATION = 'swedencentral';
export const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
export const APIM_SUBNET = `${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/virtualNetworks/vnet-chat/subnets/apim-integration`;
export const CALLER = '11111111-2222-3333-4444-555555555555';
export const TENANT = '99999999-8888-7777-6666-555555555555';

/** A stack with a network, the zones (API Management's included), a workspace and two accounts. */
export interface GatewayFixture {
  readonly stack: TerraformStack;
  readonly network: PrivateNetwork;
  readonly dnsZones: PrivateDnsZones;
  readonly monitoring: Monitoring;
  readonly primary: IAiAccount;
  readonly secondary: IAiAccount;
  /** The required props, with `primary` as the only backend. */
  readonly props: AiGatewayProps;
}

/** @param monitorZones add the five Azure Monitor zones, which a gateway with token metrics needs (a new monitor scope) */
export function gatewayFixture(monitorZones = false): GatewayFixture {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: RG, location: LOCATION });
  const zones = [...PrivateLinkZone.all(), PrivateLinkZone.API_MANAGEMENT, ...(monitorZones ? PrivateLinkZone.azureMonitor() : [])];
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: RG, network, zones });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: RG, location: LOCATION });
  const primary = OpenAiAccount.fromAttributes(stack, 'Primary', {
    accountId: `${SUB}/resourceGroups/${RG}/providers/Microsoft.CognitiveServices/accounts/oai-primary`,
    endpoint: 'https://oai-primary.openai.azure.com/',
  });
  const secondary = OpenAiAccount.fromAttributes(stack, 'Secondary', {
    accountId: `${SUB}/resourceGroups/${RG}/providers/Microsoft.CognitiveServices/accounts/oai-secondary`,
    endpoint: 'https://oai-secondary.openai.azure.com/',
  });
  return {
    stack,
    network,
    dnsZones,
    monitoring,
    primary,
    secondary,
    props: {
      resourceGroupName: RG,
      location: LOCATION,
      network,
      dnsZones,
      backends: [{ account: primary }],
      integrationSubnetId: APIM_SUBNET,
      allowedCallerClientIds: [CALLER],
      publisherEmail: 'platform@contoso.com',
    },
  };
}

/** A gateway on a fresh fixture, with `overrides` applied to the required props. */
export function buildGateway(overrides: Partial<AiGatewayProps> = {}): { f: GatewayFixture; gateway: AiGateway } {
  const f = gatewayFixture();
  const gateway = new AiGateway(f.stack, 'Gateway', { ...f.props, ...overrides });
  return { f, gateway };
}
