export * from './core';
export * from './network';
export * from './monitoring';
