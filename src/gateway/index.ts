export * from './ai-gateway';
export * from './usage-workbook';
