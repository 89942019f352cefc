import { vocabulary } from './vocabulary.ts';

export const premisesTypeTerms = [
  { id: 'brothel', label: 'Brothel' },
  { id: 'massage-parlour', label: 'Massage parlour' },
  { id: 'sauna', label: 'Sauna' },
  { id: 'private-flat', label: 'Private flat' },
  { id: 'hotel', label: 'Hotel' },
  { id: 'nail-bar', label: 'Nail bar' },
  { id: 'car-wash', label: 'Car wash' },
  { id: 'cannabis-farm', label: 'Cannabis farm' },
  { id: 'farm', label: 'Farm' },
  { id: 'factory', label: 'Factory' },
  { id: 'other', label: 'Other' },
] as const;

export type PremisesType = (typeof premisesTypeTerms)[number]['id'];
export const premisesTypes = vocabulary('premises types', premisesTypeTerms);
