// The small vocabularies an officer picks from when recording a visit and the people found. The
// ids are the ones the demo generator and the import already store, so records from every source agree.
import type { HtcdsGender } from '../htcds.ts';
import { vocabulary } from './vocabulary.ts';

export const personRoleTerms = [
  { id: 'potential-victim', label: 'Potential victim' },
  { id: 'suspect', label: 'Suspect' },
  { id: 'other-present', label: 'Someone else present' },
] as const;
export type PersonRole = (typeof personRoleTerms)[number]['id'];
export const personRoles = vocabulary('person roles', personRoleTerms);

/**
 * `htcds` is the nearest prs_Gender value of the IOM Human Trafficking Case Data Standard v2.0
 * (src/domain/htcds.ts): the standard records gender expression, Lifeline records sex as stated
 * or observed, so female and male become Feminine and Masculine.
 */
export const sexTerms = [
  { id: 'female', label: 'Female', htcds: 'Feminine' },
  { id: 'male', label: 'Male', htcds: 'Masculine' },
  { id: 'unknown', label: 'Not known', htcds: 'NonSpecifiedUnknown' },
] as const satisfies ReadonlyArray<{ id: string; label: string; htcds: HtcdsGender }>;
export type Sex = (typeof sexTerms)[number]['id'];
export const sexes = vocabulary('sexes', sexTerms);

export const visitOutcomeTerms = [
  { id: 'victims-found', label: 'Potential victims found' },
  { id: 'arrests-made', label: 'Arrests made' },
  { id: 'intelligence-only', label: 'Intelligence gathered only' },
  { id: 'nothing-found', label: 'Nothing found' },
] as const;
export type VisitOutcome = (typeof visitOutcomeTerms)[number]['id'];
export const visitOutcomes = vocabulary('visit outcomes', visitOutcomeTerms);

export const identityDocumentKindTerms = [
  { id: 'passport', label: 'Passport' },
  { id: 'national-identity-card', label: 'National identity card' },
  { id: 'driving-licence', label: 'Driving licence' },
  { id: 'residence-permit', label: 'Residence permit' },
] as const;
export type IdentityDocumentKind = (typeof identityDocumentKindTerms)[number]['id'];
export const identityDocumentKinds = vocabulary('identity document kinds', identityDocumentKindTerms);

export const currencyTerms = [
  { id: 'GBP', label: 'Pounds (£)' },
  { id: 'EUR', label: 'Euros (€)' },
] as const;
export type Currency = (typeof currencyTerms)[number]['id'];
export const currencies = vocabulary('currencies', currencyTerms, /^[A-Z]{3}$/);
