export * from './private-chat';
export * from './encryption';
