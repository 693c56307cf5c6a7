export * from './registry-mirror';
