// Consent to a referral. An adult who refuses is recorded anonymously (a duty-to-notify record);
// a child is referred without consent, so for a child this records what they said, not a gate.
import { vocabulary } from './vocabulary.ts';

export const consentTerms = [
  { id: 'given', label: 'Consent given' },
  { id: 'refused', label: 'Consent refused' },
  { id: 'not-possible', label: 'Consent not possible (e.g. the person could not be asked safely, or lacks capacity)' },
] as const;

export type Consent = (typeof consentTerms)[number]['id'];
export const consents = vocabulary('consent to referral', consentTerms);

/** What a referral must be: named with consent, or an anonymous duty-to-notify record. */
export function referralForm(consent: Consent, isChild: boolean): 'named-referral' | 'anonymous-duty-to-notify' {
  if (isChild) return 'named-referral';
  switch (consent) {
    case 'given':
      return 'named-referral';
    case 'refused':
    case 'not-possible':
      return 'anonymous-duty-to-notify';
  }
}
