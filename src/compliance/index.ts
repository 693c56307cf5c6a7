export * from './rule';
export * from './compliance';
export * from './verify';
