// Methods of control (HTCDS v2). `htcds` is the HTCDS value name (vic_MethodsOfControl in the
// HTCDS field reference, UNMigration/HTCDS) used on export; threats to the person and threats to
// their family are one HTCDS value ("Threats").
import { vocabulary } from './vocabulary.ts';

export const methodOfControlTerms = [
  { id: 'physical-threats', label: 'Threats of physical harm', htcds: 'Threats' },
  { id: 'threats-of-law-enforcement', label: 'Threats of law enforcement action', htcds: 'ThreatOfLawEnforcement' },
  { id: 'threats-to-family', label: 'Threats to family', htcds: 'Threats' },
  { id: 'debt-bondage', label: 'Debt bondage', htcds: 'DebtBondage' },
  { id: 'false-promises', label: 'False promises', htcds: 'FalsePromises' },
  { id: 'physical-abuse', label: 'Physical abuse', htcds: 'PhysicalAbuse' },
  { id: 'sexual-abuse', label: 'Sexual abuse', htcds: 'SexualAbuse' },
  { id: 'takes-earnings', label: 'Takes earnings', htcds: 'TakesEarnings' },
  { id: 'restricts-access-to-money', label: 'Restricts access to money', htcds: 'RestrictsFinancialAccess' },
  { id: 'restricts-movement', label: 'Restricts movement', htcds: 'RestrictsMovement' },
  { id: 'restricts-medical-care', label: 'Restricts medical care', htcds: 'RestrictsMedicalCare' },
  { id: 'withholds-necessities', label: 'Withholds necessities (food, water, sleep)', htcds: 'WithholdsNecessities' },
  { id: 'psychological-abuse', label: 'Psychological abuse', htcds: 'PsychologicalAbuse' },
  { id: 'substances', label: 'Alcohol or drugs used to control', htcds: 'PsychoactiveSubstances' },
  { id: 'excessive-hours', label: 'Excessive working hours', htcds: 'ExcessiveWorkingHours' },
  { id: 'withholds-documents', label: 'Withholds documents', htcds: 'WithholdsDocuments' },
  { id: 'other', label: 'Other', htcds: 'Other' },
] as const;

export type MethodOfControl = (typeof methodOfControlTerms)[number]['id'];
export const methodsOfControl = vocabulary('methods of control', methodOfControlTerms);
