export * from './private-network';
export * from './private-dns-zones';
export * from './private-endpoint';
export * from './egress';
