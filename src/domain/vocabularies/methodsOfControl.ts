// Methods of control (DOMAIN.md). `htcds` is the value name of vic_MethodsOfControl in the IOM
// Human Trafficking Case Data Standard v2.0 (src/domain/htcds.ts), used on export. The standard's
// picklist has no value for restricted movement (its Field Definitions describe one, but the v2.0
// field standard does not list it), so that is exported as Other.
import type { HtcdsMethodOfControl } from '../htcds.ts';
import { vocabulary } from './vocabulary.ts';

export const methodOfControlTerms = [
  { id: 'physical-threats', label: 'Threats of physical harm', htcds: 'PhysicalThreats' },
  { id: 'threats-of-law-enforcement', label: 'Threats of law enforcement action', htcds: 'ThreatsLawEnforcement' },
  { id: 'threats-to-family', label: 'Threats to family', htcds: 'ThreatensChildrenFamily' },
  { id: 'debt-bondage', label: 'Debt bondage', htcds: 'DebtBondage' },
  { id: 'false-promises', label: 'False promises', htcds: 'FalsePromises' },
  { id: 'physical-abuse', label: 'Physical abuse', htcds: 'PhysicalAbuse' },
  { id: 'sexual-abuse', label: 'Sexual abuse', htcds: 'SexualAbuse' },
  { id: 'takes-earnings', label: 'Takes earnings', htcds: 'TakesEarnings' },
  { id: 'restricts-access-to-money', label: 'Restricts access to money', htcds: 'RestrictsFinancialAccess' },
  { id: 'restricts-movement', label: 'Restricts movement', htcds: 'Other' },
  { id: 'restricts-medical-care', label: 'Restricts medical care', htcds: 'RestrictsMedicalCare' },
  { id: 'withholds-necessities', label: 'Withholds necessities (food, water, sleep)', htcds: 'WithholdsNecessities' },
  { id: 'psychological-abuse', label: 'Psychological abuse', htcds: 'PsychologicalAbuse' },
  { id: 'substances', label: 'Alcohol or drugs used to control', htcds: 'PsychoactiveSubstance' },
  { id: 'excessive-hours', label: 'Excessive working hours', htcds: 'ExcessiveWorkingHours' },
  { id: 'withholds-documents', label: 'Withholds documents', htcds: 'WithholdsDocuments' },
  { id: 'other', label: 'Other', htcds: 'Other' },
] as const satisfies ReadonlyArray<{ id: string; label: string; htcds: HtcdsMethodOfControl }>;

export type MethodOfControl = (typeof methodOfControlTerms)[number]['id'];
export const methodsOfControl = vocabulary('methods of control', methodOfControlTerms);
