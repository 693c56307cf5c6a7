export * from './names';
export * from './principal';
