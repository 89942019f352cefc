// How the person was recruited (DOMAIN.md). `htcds` is the value name of vic_MethodOfRecruitment
// in the IOM Human Trafficking Case Data Standard v2.0 (src/domain/htcds.ts). No record holds a
// recruitment method yet, so the export has no such column; the mapping is here for when one does.
import type { HtcdsMethodOfRecruitment } from '../htcds.ts';
import { vocabulary } from './vocabulary.ts';

export const recruitmentTypeTerms = [
  { id: 'workplace', label: 'At a workplace', htcds: 'AtWork' },
  { id: 'school', label: 'At school or college', htcds: 'AtAnEducationalInstitution' },
  { id: 'online-social-network', label: 'Through an online social network', htcds: 'ThroughOnlineSocialNetworks' },
  { id: 'online-advert', label: 'Through an online advert', htcds: 'ThroughAnOnlineAdvertisement' },
  { id: 'newspaper-advert', label: 'Through a newspaper advert', htcds: 'ThroughANewspaperAdvert' },
  { id: 'family', label: 'Through family', htcds: 'ThroughFamilyOrFamilyEvents' },
  { id: 'friends', label: 'Through friends', htcds: 'ThroughFriendsOrSocialEvents' },
  { id: 'other', label: 'Other', htcds: 'Other' },
] as const satisfies ReadonlyArray<{ id: string; label: string; htcds: HtcdsMethodOfRecruitment }>;

export type RecruitmentType = (typeof recruitmentTypeTerms)[number]['id'];
export const recruitmentTypes = vocabulary('recruitment types', recruitmentTypeTerms);
