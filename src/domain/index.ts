// The domain module: pure types, rules and reference data. No I/O, no clock: "today" is always
// passed in, so every rule can be tested against a fixed date.
export * from './calendar/index.ts';
export * from './indicators/index.ts';
export * from './intelligence/index.ts';
export * from './phone.ts';
export * from './victimPath/index.ts';
export * from './vocabularies/index.ts';
