export * from './deployment-diagram';
