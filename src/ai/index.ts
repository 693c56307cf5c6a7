export * from './content-filter';
export * from './model-deployment';
export * from './openai-account';
