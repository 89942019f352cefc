// How the person was recruited (HTCDS v2 case data, as listed in DOMAIN.md).
import { vocabulary } from './vocabulary.ts';

export const recruitmentTypeTerms = [
  { id: 'workplace', label: 'At a workplace' },
  { id: 'school', label: 'At school or college' },
  { id: 'online-social-network', label: 'Through an online social network' },
  { id: 'online-advert', label: 'Through an online advert' },
  { id: 'newspaper-advert', label: 'Through a newspaper advert' },
  { id: 'family', label: 'Through family' },
  { id: 'friends', label: 'Through friends' },
  { id: 'other', label: 'Other' },
] as const;

export type RecruitmentType = (typeof recruitmentTypeTerms)[number]['id'];
export const recruitmentTypes = vocabulary('recruitment types', recruitmentTypeTerms);
