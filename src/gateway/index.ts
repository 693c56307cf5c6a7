export * from './ai-gateway';
export * from './usage-workbook';
export * from './front-end-embeddings';
