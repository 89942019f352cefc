import type { DecidingOrganisationType } from './vocabularies/victimStatus.ts';

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

/**
 * The kind of deciding organisation each kind of organisation is, for the status it records and
 * the HTCDS export. The national centre (the UK Human Trafficking Centre) is police-led. The
 * public line's operator varies, so it is left undecided rather than guessed.
 */
export const DECIDING_ORGANISATION_TYPE_OF_KIND: Record<OrganisationKind, DecidingOrganisationType | null> = {
  'police-force': 'law-enforcement',
  'national-centre': 'law-enforcement',
  'competent-authority': 'competent-authority',
  'support-charity': 'ngo',
  immigration: 'immigration-service',
  'local-authority': 'local-government',
  'public-line': null,
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
