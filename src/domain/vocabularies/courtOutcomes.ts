import { vocabulary } from './vocabulary.ts';

export const courtOutcomeTerms = [
  { id: 'awaiting-trial', label: 'Awaiting trial', final: false },
  { id: 'convicted-guilty-plea', label: 'Convicted on a guilty plea', final: true },
  { id: 'convicted-after-trial', label: 'Convicted after trial', final: true },
  { id: 'convicted-of-other-offence', label: 'Convicted of a different or lesser offence', final: true },
  { id: 'acquitted', label: 'Acquitted (not guilty)', final: true },
  // Scotland's third verdict, in use throughout the period of the model operation.
  { id: 'not-proven', label: 'Not proven (Scotland)', final: true },
  { id: 'discontinued', label: 'Discontinued by the prosecution', final: true },
  { id: 'dismissed', label: 'Dismissed by the court', final: true },
  { id: 'retrial-ordered', label: 'Retrial ordered', final: false },
  { id: 'left-on-file', label: 'Ordered to lie on file', final: true },
  { id: 'warrant-issued', label: 'Failed to appear; warrant issued', final: false },
  { id: 'other', label: 'Other', final: true },
] as const;

export type CourtOutcome = (typeof courtOutcomeTerms)[number]['id'];
export const courtOutcomes = vocabulary('court outcomes', courtOutcomeTerms);

export function isConviction(outcome: CourtOutcome): boolean {
  switch (outcome) {
    case 'convicted-guilty-plea':
    case 'convicted-after-trial':
    case 'convicted-of-other-offence':
      return true;
    case 'awaiting-trial':
    case 'acquitted':
    case 'not-proven':
    case 'discontinued':
    case 'dismissed':
    case 'retrial-ordered':
    case 'left-on-file':
    case 'warrant-issued':
    case 'other':
      return false;
  }
}
