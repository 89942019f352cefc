export * from './algorithms.ts';
export * from './entities.ts';
export * from './reliability.ts';
export * from './graph.ts';
export * from './graphml.ts';
export * from './followTheMoney.ts';
export * from './layout.ts';
export * from './picture.ts';
