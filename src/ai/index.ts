export * from './content-filter';
export * from './model-deployment';
export * from './models';
export * from './openai-account';
export * from './foundry-project';
