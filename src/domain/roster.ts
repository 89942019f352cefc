// The organisation roster as data: seeded into every new database and then editable by a system
// administrator, because no source settles which "55 forces" took part (see DOMAIN.md).
import type { Jurisdiction, OrganisationKind } from './organisationKinds.ts';

export interface RosterEntry {
  code: string;
  name: string;
  kind: OrganisationKind;
  jurisdiction: Jurisdiction;
  /** Set for organisations that no longer exist but appear in historical records. */
  retiredOn?: string;
}

const ENGLAND_AND_WALES_FORCES = [
  'Avon and Somerset', 'Bedfordshire', 'Cambridgeshire', 'Cheshire', 'City of London', 'Cleveland', 'Cumbria',
  'Derbyshire', 'Devon and Cornwall', 'Dorset', 'Durham', 'Essex', 'Gloucestershire', 'Greater Manchester',
  'Hampshire', 'Hertfordshire', 'Humberside', 'Kent', 'Lancashire', 'Leicestershire', 'Lincolnshire', 'Merseyside',
  'Metropolitan', 'Norfolk', 'North Yorkshire', 'Northamptonshire', 'Northumbria', 'Nottinghamshire',
  'South Yorkshire', 'Staffordshire', 'Suffolk', 'Surrey', 'Sussex', 'Thames Valley', 'Warwickshire', 'West Mercia',
  'West Midlands', 'West Yorkshire', 'Wiltshire', 'Dyfed-Powys', 'Gwent', 'North Wales', 'South Wales',
] as const;

const LEGACY_SCOTTISH_FORCES = [
  'Central Scotland', 'Dumfries and Galloway', 'Fife', 'Grampian', 'Lothian and Borders', 'Northern', 'Strathclyde', 'Tayside',
] as const;

export function forceCode(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '');
}

function forceName(name: string): string {
  if (name === 'Metropolitan') return 'Metropolitan Police Service';
  if (name === 'City of London') return 'City of London Police';
  return name.endsWith('Police') ? name : `${name} Police`;
}

export const POLICE_FORCES: readonly RosterEntry[] = [
  ...ENGLAND_AND_WALES_FORCES.map((name) => ({ code: forceCode(name), name: forceName(name), kind: 'police-force' as const, jurisdiction: 'england-and-wales' as const })),
  { code: 'police-scotland', name: 'Police Scotland', kind: 'police-force', jurisdiction: 'scotland' },
  { code: 'psni', name: 'Police Service of Northern Ireland', kind: 'police-force', jurisdiction: 'northern-ireland' },
  { code: 'garda', name: 'An Garda Síochána', kind: 'police-force', jurisdiction: 'ireland' },
  { code: 'british-transport-police', name: 'British Transport Police', kind: 'police-force', jurisdiction: 'uk-wide' },
  // The model operation (2006–08) predates Police Scotland (2013): its records name these forces.
  ...LEGACY_SCOTTISH_FORCES.map((name) => ({
    code: `legacy-${forceCode(name)}`, name: `${name} Police`, kind: 'police-force' as const, jurisdiction: 'scotland' as const, retiredOn: '2013-04-01',
  })),
];

/** The organisations every deployment needs: the forces, the national centre and the competent authority. */
export const CORE_ROSTER: readonly RosterEntry[] = [
  ...POLICE_FORCES,
  { code: 'national-centre', name: 'UK Human Trafficking Centre', kind: 'national-centre', jurisdiction: 'uk-wide' },
  { code: 'competent-authority', name: 'Single Competent Authority', kind: 'competent-authority', jurisdiction: 'uk-wide' },
];

/** Partner organisations of the demo operation. Their names are invented, not real charities or councils. */
export const DEMO_PARTNERS: readonly RosterEntry[] = [
  { code: 'charity-safe-harbour', name: 'Safe Harbour Support (demo)', kind: 'support-charity', jurisdiction: 'england-and-wales' },
  { code: 'charity-northern-light', name: 'Northern Light Trust (demo)', kind: 'support-charity', jurisdiction: 'scotland' },
  { code: 'charity-open-door', name: 'Open Door Ireland (demo)', kind: 'support-charity', jurisdiction: 'ireland' },
  { code: 'immigration-heathrow', name: 'Border Force Heathrow (demo)', kind: 'immigration', jurisdiction: 'uk-wide' },
  { code: 'immigration-dublin', name: 'Immigration Service Dublin Port (demo)', kind: 'immigration', jurisdiction: 'ireland' },
  { code: 'la-riverside', name: 'Riverside Borough Council Children\'s Services (demo)', kind: 'local-authority', jurisdiction: 'england-and-wales' },
  { code: 'la-glenmoor', name: 'Glenmoor Council Social Work (demo)', kind: 'local-authority', jurisdiction: 'scotland' },
];
