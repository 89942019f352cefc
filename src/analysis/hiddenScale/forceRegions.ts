// The default lists of police forces for multiple systems estimation: one list per English region
// grouping, Wales, Scotland, Northern Ireland and Ireland. Forty-odd forces each as its own list
// would give a table of 2^40 cells with almost every overlap empty, which no model can use; a few
// lists of comparable size keep the overlaps the estimate rests on. Analysts can regroup freely.
import type { Jurisdiction } from '../../domain/organisationKinds.ts';

export const LONDON = 'London';
export const SOUTH_OF_ENGLAND = 'South of England';
export const MIDLANDS_AND_EAST = 'Midlands and East of England';
export const NORTH_OF_ENGLAND = 'North of England';
export const WALES = 'Wales';
export const SCOTLAND = 'Scotland';
export const NORTHERN_IRELAND = 'Northern Ireland';
export const IRELAND = 'Ireland';

/** Force codes (as in the roster, src/domain/roster.ts) by default list. */
const FORCES_BY_LIST: Readonly<Record<string, readonly string[]>> = {
  // British Transport Police polices the railways everywhere, but most of its work is in London.
  [LONDON]: ['metropolitan', 'city-of-london', 'british-transport-police', 'btp'],
  [SOUTH_OF_ENGLAND]: [
    'thames-valley', 'hampshire', 'kent', 'surrey', 'sussex',
    'avon-and-somerset', 'devon-and-cornwall', 'dorset', 'gloucestershire', 'wiltshire',
  ],
  [MIDLANDS_AND_EAST]: [
    'bedfordshire', 'cambridgeshire', 'essex', 'hertfordshire', 'norfolk', 'suffolk',
    'derbyshire', 'leicestershire', 'lincolnshire', 'northamptonshire', 'nottinghamshire',
    'staffordshire', 'warwickshire', 'west-mercia', 'west-midlands',
  ],
  [NORTH_OF_ENGLAND]: [
    'cheshire', 'cumbria', 'greater-manchester', 'lancashire', 'merseyside',
    'cleveland', 'durham', 'northumbria',
    'humberside', 'north-yorkshire', 'south-yorkshire', 'west-yorkshire',
  ],
  [WALES]: ['dyfed-powys', 'gwent', 'north-wales', 'south-wales'],
};

const LIST_BY_FORCE = new Map(Object.entries(FORCES_BY_LIST).flatMap(([list, codes]) => codes.map((code) => [code, list] as const)));

const LIST_BY_JURISDICTION: Record<Jurisdiction, string> = {
  'england-and-wales': 'England and Wales (other forces)',
  scotland: SCOTLAND,
  'northern-ireland': NORTHERN_IRELAND,
  ireland: IRELAND,
  'uk-wide': LONDON,
};

/** The default list of a police force: its region, else (a force the table does not know) its jurisdiction's. */
export function defaultForceList(code: string, jurisdiction: string): string {
  const listed = LIST_BY_FORCE.get(code);
  if (listed !== undefined) return listed;
  return (LIST_BY_JURISDICTION as Record<string, string | undefined>)[jurisdiction] ?? 'Other forces';
}
