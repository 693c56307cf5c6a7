// PrivateChat's last steps: the flows of the architecture's table, and the record of an explicit
// `preventDestroy: false`.
import { IConstruct } from 'constructs';
import { IAiAccount } from '../../ai/ai-account-props';
import { ChatWebApp } from '../../app/chat-web-app';
import { Compliance } from '../../compliance/compliance';
import { endpointOf, wireSubnetCaller } from '../../network/private/wiring';
import { EndpointCaller, ServicePrivateEndpoint } from '../../network/private-endpoint';
import { IPrivateNetwork } from '../../network/private-network';
import { IPrivateKeyVault } from '../../secrets/key-vault';

/** The endpoints the app's subnet calls; each optional one only when its piece exists. */
export interface ChatFlowEnds {
  readonly network: IPrivateNetwork;
  readonly app: ChatWebApp;
  readonly aiAccount: IAiAccount;
  readonly vault: IPrivateKeyVault;
  readonly gatewayEndpoint?: ServicePrivateEndpoint;
  readonly historyEndpoint?: ServicePrivateEndpoint;
  readonly registryEndpoint?: ServicePrivateEndpoint;
  readonly sharedStateEndpoint?: ServicePrivateEndpoint;
  readonly fileStoreEndpoint?: ServicePrivateEndpoint;
}

/**
 * The flows of the architecture, each on its service's port (NSG rules on a new network; recorded
 * for PCHAT-NET-003 on an existing one): users reach the app through the VNet, and the app's
 * subnet reaches what its settings point at. The gateway wires its own subnet to its backends.
 */
export function wireFlows(f: ChatFlowEnds): void {
  f.app.privateEndpoint.allowFrom(EndpointCaller.virtualNetwork(), 'Users (VNet, hub, VPN, ExpressRoute) to the chat app');
  const subnet = f.network.appIntegrationSubnetId;
  wireSubnetCaller(f.gatewayEndpoint ?? endpointOf(f.aiAccount), subnet, 'Chat app to its model endpoint');
  wireSubnetCaller(endpointOf(f.vault), subnet, 'Chat app to Key Vault references');
  wireSubnetCaller(f.historyEndpoint, subnet, 'Chat app to its history database');
  wireSubnetCaller(f.registryEndpoint, subnet, 'Chat app pulls its image over the VNet');
  wireSubnetCaller(f.sharedStateEndpoint, subnet, 'Chat app instances share state through Redis');
  wireSubnetCaller(f.fileStoreEndpoint, subnet, 'Chat app keeps uploads in its file store');
}

/**
 * Records `preventDestroy: false` as an acknowledged deviation of PCHAT-LIFE-001 on each stateful
 * piece this construct created, so that the compliance report shows who turned protection off,
 * instead of failing the synth.
 */
export function acknowledgeNoDestroyProtection(owner: IConstruct, stateful: ReadonlyArray<IConstruct | undefined>): void {
  const reason = `preventDestroy: false was set on PrivateChat '${owner.node.path}' (disposable environment)`;
  for (const piece of stateful) {
    if (piece) Compliance.acknowledge(piece, 'PCHAT-LIFE-001', reason);
  }
}
