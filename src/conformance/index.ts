export * from './conformance';
export * from './provider-rule';
export * from './provider-rules';
