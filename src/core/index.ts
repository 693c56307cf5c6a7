export * from './names';
export * from './principal';
export * from './identity';
export * from './tags';
export * from './warnings';
export * from './naming';
