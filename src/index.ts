export * from './core';
export * from './network';
export * from './monitoring';
export * from './ai';
export * from './secrets';
export * from './app';
export * from './compliance';
export * from './diagram';
