import { vocabulary } from './vocabulary.ts';

export const visitOutcomeTerms = [
  { id: 'victims-found', label: 'Potential victims found' },
  { id: 'arrests-made', label: 'Arrests made' },
  { id: 'intelligence-only', label: 'Intelligence gathered only' },
  { id: 'nothing-found', label: 'Nothing found' },
] as const;
export type VisitOutcome = (typeof visitOutcomeTerms)[number]['id'];
export const visitOutcomes = vocabulary('visit outcomes', visitOutcomeTerms);

/** How a person found at a visit was recorded. "Potential victim": never a label that presumes guilt or status. */
export const personRoleTerms = [
  { id: 'potential-victim', label: 'Potential victim' },
  { id: 'suspect', label: 'Suspect' },
  { id: 'other-present', label: 'Other person present' },
] as const;
export type PersonRole = (typeof personRoleTerms)[number]['id'];
export const personRoles = vocabulary('person roles', personRoleTerms);
