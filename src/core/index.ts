export * from './names';
export * from './principal';
export * from './tags';
export * from './warnings';
export * from './naming';
