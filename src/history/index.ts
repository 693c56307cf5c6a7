export * from './postgres-history-store';
