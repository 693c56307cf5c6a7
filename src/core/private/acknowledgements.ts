import { IConstruct } from 'constructs';

/**
 * Where compliance acknowledgements live: metadata on a construct's node. Kept in core so that a
 * construct on a lower floor than the compliance pack (the network's `Egress.openInternet`) records
 * its acknowledgement the same way `Compliance.acknowledge` does; only `Compliance.acknowledge`
 * validates user input.
 */

/** Metadata type under which acknowledgements are stored on a construct's node. */
export const ACK_METADATA = 'cdktf-private-chat/compliance-acknowledgement';

/** One acknowledgement: the rule it accepts and why. */
export interface AckEntry {
  readonly ruleId: string;
  readonly reason: string;
}

/** Acknowledgements recorded directly on `c` (not its ancestors). */
export function acknowledgementsOn(c: IConstruct): AckEntry[] {
  return c.node.metadata.filter((m) => m.type === ACK_METADATA).map((m) => m.data as AckEntry);
}

/** Records an acknowledgement of `ruleId` on `scope`, once per rule. */
export function recordAcknowledgement(scope: IConstruct, ruleId: string, reason: string): void {
  if (acknowledgementsOn(scope).some((a) => a.ruleId === ruleId)) return;
  scope.node.addMetadata(ACK_METADATA, { ruleId, reason });
}
