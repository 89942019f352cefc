// A roster of the forces of the period, for tests and benchmarks. The platform's own organisation
// roster is authoritative and is what `lifeline demo` passes in; the codes here are illustrative.
import type { ForceInput } from './records.ts';

const ENGLAND_AND_WALES = [
  'Avon and Somerset Constabulary', 'Bedfordshire Police', 'Cambridgeshire Constabulary', 'Cheshire Constabulary',
  'City of London Police', 'Cleveland Police', 'Cumbria Constabulary', 'Derbyshire Constabulary',
  'Devon and Cornwall Police', 'Dorset Police', 'Durham Constabulary', 'Essex Police', 'Gloucestershire Constabulary',
  'Greater Manchester Police', 'Hampshire Constabulary', 'Hertfordshire Constabulary', 'Humberside Police',
  'Kent Police', 'Lancashire Constabulary', 'Leicestershire Police', 'Lincolnshire Police', 'Merseyside Police',
  'Metropolitan Police Service', 'Norfolk Constabulary', 'North Yorkshire Police', 'Northamptonshire Police',
  'Northumbria Police', 'Nottinghamshire Police', 'South Yorkshire Police', 'Staffordshire Police',
  'Suffolk Constabulary', 'Surrey Police', 'Sussex Police', 'Thames Valley Police', 'Warwickshire Police',
  'West Mercia Police', 'West Midlands Police', 'West Yorkshire Police', 'Wiltshire Police',
  'Dyfed-Powys Police', 'Gwent Police', 'North Wales Police', 'South Wales Police',
];

const SCOTLAND = [
  'Central Scotland Police', 'Dumfries and Galloway Constabulary', 'Fife Constabulary', 'Grampian Police',
  'Lothian and Borders Police', 'Northern Constabulary', 'Strathclyde Police', 'Tayside Police',
];

function code(name: string): string {
  return name
    .replace(/\b(Police|Constabulary|Service)\b/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const EXAMPLE_FORCE_ROSTER: readonly ForceInput[] = [
  ...ENGLAND_AND_WALES.map((name) => ({ code: code(name), name, jurisdiction: 'england-and-wales' as const })),
  ...SCOTLAND.map((name) => ({ code: code(name), name, jurisdiction: 'scotland' as const })),
  { code: 'psni', name: 'Police Service of Northern Ireland', jurisdiction: 'northern-ireland' },
  { code: 'garda', name: 'An Garda Síochána', jurisdiction: 'ireland' },
  { code: 'btp', name: 'British Transport Police', jurisdiction: 'uk-wide' },
];
