export * from './private-chat';
