import { CUSTOMER_MANAGED_KEY_REF } from '../core/private/references';
import { checkShape, is, Shape } from '../core/private/validate';
import { ICustomerManagedKey } from '../secrets/customer-managed-key';

/** Options of {@link Encryption.customerManagedKey}. */
export interface CustomerManagedKeyOptions {
  /**
   * An existing key (e.g. `EncryptionKey.fromKeyId(...)`), for a key the security team owns.
   * Its vault must have purge protection on.
   *
   * @default - a new `EncryptionKey` in the stack's vault, with its own user-assigned identity
   */
  readonly key?: ICustomerManagedKey;
  /**
   * Days after creation when Key Vault rotates the key to a new version (see `EncryptionKey`).
   *
   * @default 335
   */
  readonly rotateAfterDays?: number;
  /**
   * Days a new key version is valid (see `EncryptionKey`).
   *
   * @default 365
   */
  readonly expireAfterDays?: number;
}

/**
 * How `PrivateChat` encrypts what it stores: with Microsoft-managed keys (the default), or with
 * one customer-managed key that every stateful piece that supports it honours: the AI account,
 * the history store and the registry mirror. The key lives in the stack's vault, which has purge
 * protection, with a rotation policy; see docs/data-protection.md for what cannot use it.
 */
export class Encryption {
  /** Microsoft-managed keys (Azure's default encryption at rest). */
  public static microsoftManagedKeys(): Encryption {
    return new Encryption(false, {});
  }

  /**
   * One customer-managed key for the AI account, the history store and the registry mirror.
   * The key, its identity, the identity's role on the key and a propagation wait are created
   * before any of them, so the first apply does not race the role assignment.
   */
  public static customerManagedKey(options: CustomerManagedKeyOptions = {}): Encryption {
    checkShape('Encryption.customerManagedKey', options, OPTIONS_SHAPE, 'options');
    return new Encryption(true, options);
  }

  /** Whether a customer-managed key is used. */
  public readonly customerManaged: boolean;
  /** The options given to {@link Encryption.customerManagedKey}. */
  public readonly options: CustomerManagedKeyOptions;

  private constructor(customerManaged: boolean, options: CustomerManagedKeyOptions) {
    this.customerManaged = customerManaged;
    this.options = options;
  }
}

const OPTIONS_SHAPE: Shape = {
  key: CUSTOMER_MANAGED_KEY_REF(),
  rotateAfterDays: is.integer(),
  expireAfterDays: is.integer(),
};
