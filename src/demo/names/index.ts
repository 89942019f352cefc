import type { Nationality } from '../vocabulary.ts';
import type { NamingConvention } from './namePool.ts';
import { brazilian, eritrean, nigerian, sudanese } from './africaAndAmericas.ts';
import { chinese, indian, malaysian, thai, vietnamese } from './asia.ts';
import {
  albanian, british, bulgarian, czech, hungarian, latvian, lithuanian, polish, romanian, slovak, ukrainian,
} from './europe.ts';

export type { NameEntry, NamingConvention } from './namePool.ts';

export const NAMING_CONVENTIONS: Readonly<Record<Nationality, NamingConvention>> = {
  RO: romanian, AL: albanian, VN: vietnamese, CN: chinese, NG: nigerian, PL: polish, LT: lithuanian,
  TH: thai, GB: british, SK: slovak, CZ: czech, BG: bulgarian, UA: ukrainian, ER: eritrean,
  SD: sudanese, IN: indian, MY: malaysian, BR: brazilian, HU: hungarian, LV: latvian,
};
