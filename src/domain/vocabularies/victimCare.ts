// The small vocabularies of a potential-victim record (issue 4): how the person came to notice,
// whether they are a child, what support they want, and the non-identifying facts an anonymous
// notification keeps. Ids are stored; relabel freely, never rename.
import { vocabulary } from './vocabulary.ts';

export const identificationRouteTerms = [
  { id: 'found-on-visit', label: 'Found during a premises visit' },
  { id: 'information-line-screening', label: 'Screening on the information line' },
  { id: 'came-forward', label: 'Came forward to a first responder' },
  { id: 'referred-by-another-agency', label: 'Brought to notice by another agency' },
  { id: 'other', label: 'Other' },
] as const;
export type IdentificationRoute = (typeof identificationRouteTerms)[number]['id'];
export const identificationRoutes = vocabulary('identification routes', identificationRouteTerms);

export const childStatusTerms = [
  { id: 'adult', label: 'An adult' },
  { id: 'child', label: 'A child (under 18)' },
  { id: 'may-be-child', label: 'May be a child: age not established' },
] as const;
export type ChildStatus = (typeof childStatusTerms)[number]['id'];
export const childStatuses = vocabulary('child statuses', childStatusTerms);

/** A person who may be a child is treated as a child until their age is established. */
export function treatedAsChild(status: ChildStatus): boolean {
  switch (status) {
    case 'adult':
      return false;
    case 'child':
    case 'may-be-child':
      return true;
  }
}

export const supportKindTerms = [
  { id: 'accommodation', label: 'Safe accommodation' },
  { id: 'medical', label: 'Medical care' },
  { id: 'counselling', label: 'Counselling' },
  { id: 'legal-advice', label: 'Legal advice' },
  { id: 'interpreter', label: 'An interpreter' },
  { id: 'financial', label: 'Money for essentials' },
] as const;
export type SupportKind = (typeof supportKindTerms)[number]['id'];
export const supportKinds = vocabulary('support kinds', supportKindTerms);

export const safeToWriteTerms = [
  { id: 'yes', label: 'Yes, it is safe to write to this address' },
  { id: 'no', label: 'No, do not write to this address' },
  { id: 'not-known', label: 'Not known: do not write until it is confirmed' },
] as const;
export type SafeToWrite = (typeof safeToWriteTerms)[number]['id'];
export const safeToWriteAnswers = vocabulary('safe to write', safeToWriteTerms);

/** Age bands of an anonymous notification: adults only, since a child is always referred by name. */
export const ageBandTerms = [
  { id: '18-24', label: '18 to 24' },
  { id: '25-34', label: '25 to 34' },
  { id: '35-44', label: '35 to 44' },
  { id: '45-54', label: '45 to 54' },
  { id: '55-plus', label: '55 or over' },
  { id: 'not-known', label: 'Not known' },
] as const;
export type AgeBand = (typeof ageBandTerms)[number]['id'];
export const ageBands = vocabulary('age bands', ageBandTerms);

export const referralKindTerms = [
  { id: 'competent-authority', label: 'Competent authority (for a decision)' },
  { id: 'support-charity', label: 'Support charity (for care)' },
] as const;
export type ReferralKind = (typeof referralKindTerms)[number]['id'];
export const referralKinds = vocabulary('referral kinds', referralKindTerms);

export const referralStatusTerms = [
  { id: 'pending', label: 'Waiting for an answer' },
  { id: 'accepted', label: 'Accepted' },
  { id: 'declined', label: 'Declined' },
  { id: 'withdrawn', label: 'Withdrawn' },
] as const;
export type ReferralStatus = (typeof referralStatusTerms)[number]['id'];
export const referralStatuses = vocabulary('referral statuses', referralStatusTerms);

/** A change of consent after the record was made: given later, or withdrawn. */
export const consentChangeTerms = [
  { id: 'given', label: 'Consent given' },
  { id: 'withdrawn', label: 'Consent withdrawn' },
] as const;
export type ConsentChange = (typeof consentChangeTerms)[number]['id'];
export const consentChanges = vocabulary('consent changes', consentChangeTerms);

/** Why a charity closes its case; the move-on plan says what happens next. */
export const caseClosureReasonTerms = [
  { id: 'moved-on', label: 'Moved on with a plan in place' },
  { id: 'support-complete', label: 'Support complete' },
  { id: 'declined-further-support', label: 'The person declined further support' },
  { id: 'transferred', label: 'Transferred to another organisation' },
  { id: 'lost-contact', label: 'Contact lost' },
] as const;
export type CaseClosureReason = (typeof caseClosureReasonTerms)[number]['id'];
export const caseClosureReasons = vocabulary('case closure reasons', caseClosureReasonTerms);
