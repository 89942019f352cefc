// The codes of the forces a public report can be routed to. They match the organisation roster
// (kebab-case of each force's name), so a routed report lands in that force's triage queue.
export const forceCodes = [
  'avon-and-somerset', 'bedfordshire', 'cambridgeshire', 'cheshire', 'city-of-london', 'cleveland',
  'cumbria', 'derbyshire', 'devon-and-cornwall', 'dorset', 'durham', 'essex', 'gloucestershire',
  'greater-manchester', 'hampshire', 'hertfordshire', 'humberside', 'kent', 'lancashire',
  'leicestershire', 'lincolnshire', 'merseyside', 'metropolitan', 'norfolk', 'north-yorkshire',
  'northamptonshire', 'northumbria', 'nottinghamshire', 'south-yorkshire', 'staffordshire',
  'suffolk', 'surrey', 'sussex', 'thames-valley', 'warwickshire', 'west-mercia', 'west-midlands',
  'west-yorkshire', 'wiltshire', 'dyfed-powys', 'gwent', 'north-wales', 'south-wales',
  'police-scotland', 'psni', 'garda', 'british-transport-police',
] as const;

export type ForceCode = (typeof forceCodes)[number];

export function isForceCode(value: string): value is ForceCode {
  return (forceCodes as readonly string[]).includes(value);
}
