export * from './content-filter';
export * from './model-deployment';
export * from './models';
export * from './ai-account-props';
export * from './ai-account';
export * from './openai-account';
export * from './foundry-project';
