export * from './private-chat';
export * from './encryption';
export * from './chat-scale';
