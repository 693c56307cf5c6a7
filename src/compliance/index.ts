export * from './rule';
export * from './compliance';
