// PrivateChat's Key Vault row, and the customer-managed key that `encryption` asks for.
import { Construct } from 'constructs';
import { ChatIsolation, ChatPlacement } from './chat-foundation';
import { ICustomerManagedKey } from '../../secrets/customer-managed-key';
import { EncryptionKey } from '../../secrets/encryption-key';
import { IPrivateKeyVault, PrivateKeyVault } from '../../secrets/key-vault';
import { PrivateChatNames } from '../chat-options';
import { Encryption } from '../encryption';
import { PrivateChatProps } from '../private-chat-props';

/** The vault (given or created) and the key. */
export interface ChatSecrets {
  readonly vault: IPrivateKeyVault;
  readonly createdVault?: PrivateKeyVault;
  readonly encryptionKey?: ICustomerManagedKey;
}

/** Takes or creates the vault, then the customer-managed key when `encryption` asks for one. */
export function createSecrets(owner: Construct, props: PrivateChatProps, names: PrivateChatNames, common: ChatPlacement,
  isolation: ChatIsolation): ChatSecrets {
  let vault: IPrivateKeyVault;
  let createdVault: PrivateKeyVault | undefined;
  if (props.vault) {
    vault = props.vault;
  } else {
    createdVault = new PrivateKeyVault(owner, 'Vault', {
      ...common,
      ...isolation,
      name: names.keyVault,
      preventDestroy: props.preventDestroy,
    });
    vault = createdVault;
  }

  let encryptionKey: ICustomerManagedKey | undefined;
  const encryption = props.encryption ?? Encryption.microsoftManagedKeys();
  if (encryption.customerManaged) {
    const options = encryption.options;
    encryptionKey = options.key ?? new EncryptionKey(owner, 'EncryptionKey', {
      ...common,
      vault,
      rotateAfterDays: options.rotateAfterDays,
      expireAfterDays: options.expireAfterDays,
      preventDestroy: props.preventDestroy,
    });
  }
  return { vault, createdVault, encryptionKey };
}
