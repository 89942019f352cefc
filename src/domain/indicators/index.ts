export * from './catalogue.ts';
export * from './guidance.ts';
export * from './screening.ts';
