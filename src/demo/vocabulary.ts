// The vocabulary ids the generator emits. They must stay identical to the platform's vocabulary
// module (written separately); the arrays exist so tests can check every emitted value is one of them.

export const PREMISES_TYPES = [
  'brothel', 'massage-parlour', 'sauna', 'private-flat', 'hotel', 'nail-bar', 'car-wash',
  'cannabis-farm', 'farm', 'factory', 'other',
] as const;
export type PremisesType = (typeof PREMISES_TYPES)[number];

export const PERSON_ROLES = ['potential-victim', 'suspect', 'other-present'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const EXPLOITATION_TYPES = [
  'sexual-exploitation', 'forced-labour', 'domestic-servitude', 'forced-criminality', 'child-labour',
  'forced-marriage', 'servitude', 'organ-removal',
] as const;
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number];

export const CONSENT_VALUES = ['given', 'refused', 'not-possible'] as const;
export type Consent = (typeof CONSENT_VALUES)[number];

export const SEXES = ['female', 'male', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const NATIONALITIES = [
  'RO', 'AL', 'VN', 'CN', 'NG', 'PL', 'LT', 'TH', 'GB', 'SK', 'CZ', 'BG', 'UA', 'ER', 'SD', 'IN', 'MY',
  'BR', 'HU', 'LV',
] as const;
export type Nationality = (typeof NATIONALITIES)[number];

export const OFFENCES = [
  'trafficking-sexual-exploitation', 'controlling-prostitution-for-gain', 'trafficking-labour-exploitation',
  'modern-slavery-offence', 'immigration-facilitation', 'brothel-keeping', 'drugs-production',
  'drugs-supply', 'money-laundering',
] as const;
export type Offence = (typeof OFFENCES)[number];

export const VISIT_OUTCOMES = ['victims-found', 'arrests-made', 'intelligence-only', 'nothing-found'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

export const COURT_OUTCOMES = ['convicted', 'acquitted', 'discontinued', 'pending'] as const;
export type CourtOutcome = (typeof COURT_OUTCOMES)[number];

export const ASSET_TYPES = ['cash', 'vehicle', 'property', 'jewellery', 'bank-funds', 'other'] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

export type Currency = 'GBP' | 'EUR';

export type Jurisdiction = 'england-and-wales' | 'scotland' | 'northern-ireland' | 'ireland' | 'uk-wide';

export const IDENTITY_DOCUMENT_KINDS = ['passport', 'national-identity-card', 'driving-licence', 'residence-permit'] as const;
export type IdentityDocumentKind = (typeof IDENTITY_DOCUMENT_KINDS)[number];
