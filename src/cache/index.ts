export * from './private-redis-cache';
