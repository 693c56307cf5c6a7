// PrivateChat's optional pieces that hold data or images: the conversation-history store, the
// registry mirror, and the Redis and file store the scale-out plan asks for.
import { Construct } from 'constructs';
import { ChatIsolation, ChatPlacement } from './chat-foundation';
import { createFileStore, createSharedState, ScaleOutPlan } from './scale-out';
import { PrivateRedisCache } from '../../cache/private-redis-cache';
import { PostgresHistoryStore } from '../../history/postgres-history-store';
import { RegistryMirror } from '../../registry/registry-mirror';
import { ICustomerManagedKey } from '../../secrets/customer-managed-key';
import { IPrivateKeyVault } from '../../secrets/key-vault';
import { PrivateFileStore } from '../../storage/private-file-store';
import { PrivateChatNames } from '../chat-options';
import { PrivateChatProps } from '../private-chat-props';

/** Where the pieces go and what they are encrypted and protected with. */
export interface ChatPieceContext {
  readonly common: ChatPlacement;
  readonly isolation: ChatIsolation;
  readonly vault: IPrivateKeyVault;
  readonly encryptionKey?: ICustomerManagedKey;
}

/** The history store the front end reads (PostgreSQL), with the stack's vault and key. */
export function createHistory(owner: Construct, props: PrivateChatProps, names: PrivateChatNames, at: ChatPieceContext): PostgresHistoryStore {
  const { enabled: _enabled, ...history } = props.history ?? {};
  return new PostgresHistoryStore(owner, 'History', {
    ...at.common,
    ...at.isolation,
    ...history,
    name: names.historyServer,
    vault: at.vault,
    customerManagedKey: at.encryptionKey,
    preventDestroy: props.preventDestroy,
  });
}

/** The private registry the app pulls its image from, with `imageMirror`. */
export function createRegistryMirror(owner: Construct, names: PrivateChatNames, at: ChatPieceContext): RegistryMirror {
  return new RegistryMirror(owner, 'Registry', {
    ...at.common,
    ...at.isolation,
    name: names.registry,
    customerManagedKey: at.encryptionKey,
  });
}

/** The Redis and the file store the plan asks for, in the stack's network, zones and vault. */
export function createScaleOutPieces(owner: Construct, props: PrivateChatProps, names: PrivateChatNames, plan: ScaleOutPlan,
  at: ChatPieceContext): { sharedState?: PrivateRedisCache; fileStore?: PrivateFileStore } {
  const placement = {
    ...at.common,
    network: at.isolation.network,
    dnsZones: at.isolation.dnsZones,
    monitoring: at.isolation.monitoring,
    vault: at.vault,
    customerManagedKey: at.encryptionKey,
    preventDestroy: props.preventDestroy,
  };
  return {
    sharedState: plan.sharedState ? createSharedState(owner, props.sharedState, placement, names.sharedState) : undefined,
    fileStore: plan.fileStore ? createFileStore(owner, props.fileStore, placement, names.fileStore) : undefined,
  };
}
