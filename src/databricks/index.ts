export * from './databricks-workspace';
export * from './serving-endpoint';
