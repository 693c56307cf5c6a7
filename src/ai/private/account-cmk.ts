import { Construct } from 'constructs';
import { isUnresolved, propError } from '../../core/private/validate';
import { ICustomerManagedKey } from '../../secrets/customer-managed-key';
import { checkKeyReference } from '../../secrets/private/keys';

/**
 * The only RSA size Azure OpenAI and Foundry accept for a customer-managed key.
 *
 * @see https://learn.microsoft.com/azure/ai-foundry/openai/encrypt-data-at-rest
 */
export const ACCOUNT_CMK_KEY_SIZE = 2048;

/**
 * Checks a model account's `customerManagedKey`: a 2048-bit key (when the key says its size, as
 * an EncryptionKey does) and an identity that is a user-assigned identity.
 */
export function checkCustomerManagedKey(scope: Construct, key: ICustomerManagedKey | undefined): void {
  if (key === undefined) return;
  const size = (key as { readonly keySize?: unknown }).keySize;
  if (typeof size === 'number' && !isUnresolved(size) && size !== ACCOUNT_CMK_KEY_SIZE) {
    throw propError(scope, 'customerManagedKey', `must be a ${ACCOUNT_CMK_KEY_SIZE}-bit RSA key: Azure OpenAI and Foundry accept no other size `
      + `(leave EncryptionKey's keySize at its default, ${ACCOUNT_CMK_KEY_SIZE})`, `a ${size}-bit key`);
  }
  checkKeyReference(scope, 'customerManagedKey', key);
}

/**
 * The account's user-assigned identities: the ones given, plus the key's unless given already
 * (Azure refuses a duplicate identity).
 */
export function withKeyIdentity(identityIds: string[], key: ICustomerManagedKey | undefined): string[] {
  if (key === undefined) return identityIds;
  const id = key.identityId;
  const same = (other: string) => other === id || (!isUnresolved(other) && !isUnresolved(id) && other.toLowerCase() === id.toLowerCase());
  return identityIds.some(same) ? identityIds : [...identityIds, id];
}
