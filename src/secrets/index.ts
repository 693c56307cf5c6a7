export * from './key-vault';
export * from './customer-managed-key';
export * from './encryption-key';
export * from './vault-secret';
