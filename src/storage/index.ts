export * from './private-file-store';
