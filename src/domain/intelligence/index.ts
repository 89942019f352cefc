export * from './grade.ts';
export * from './handling.ts';
export * from './schemes.ts';
