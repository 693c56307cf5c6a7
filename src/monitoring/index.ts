export * from './monitoring';
export * from './private-link-scope';
