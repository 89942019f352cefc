// Terms of the enforcement records themselves: who a person found was, what a visit came to, and
// sex as recorded. The ids are those the store holds (and the demo generator emits).
import { vocabulary } from './vocabulary.ts';

export const personRoleTerms = [
  { id: 'potential-victim', label: 'Potential victim' },
  { id: 'suspect', label: 'Suspect' },
  { id: 'other-present', label: 'Other person present' },
] as const;
export const personRoles = vocabulary('person roles', personRoleTerms);

export const visitOutcomeTerms = [
  { id: 'victims-found', label: 'Potential victims found' },
  { id: 'arrests-made', label: 'Arrests made' },
  { id: 'intelligence-only', label: 'Intelligence gathered only' },
  { id: 'nothing-found', label: 'Nothing found' },
] as const;
export const visitOutcomes = vocabulary('visit outcomes', visitOutcomeTerms);

export const sexTerms = [
  { id: 'female', label: 'Female' },
  { id: 'male', label: 'Male' },
  { id: 'unknown', label: 'Not known' },
] as const;
export const sexes = vocabulary('sexes', sexTerms);
