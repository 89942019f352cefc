export const ORGANISATION_KINDS = [
  'police-force',
  'national-centre',
  'competent-authority',
  'support-charity',
  'immigration',
  'local-authority',
  'public-line',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  'police-force': 'Police force',
  'national-centre': 'National centre',
  'competent-authority': 'Competent authority',
  'support-charity': 'Support charity',
  immigration: 'Immigration',
  'local-authority': 'Local authority',
  'public-line': 'Public line',
};

export const JURISDICTIONS = ['england-and-wales', 'scotland', 'northern-ireland', 'ireland', 'uk-wide'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export const JURISDICTION_LABELS: Record<Jurisdiction, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
  ireland: 'Ireland',
  'uk-wide': 'UK-wide',
};

export function isOrganisationKind(value: string): value is OrganisationKind {
  return (ORGANISATION_KINDS as readonly string[]).includes(value);
}

export function isJurisdiction(value: string): value is Jurisdiction {
  return (JURISDICTIONS as readonly string[]).includes(value);
}
