// The kinds of criminal network behind the visits. The mix follows what the model operations
// reported: mostly sexual exploitation in brothels, flats and massage parlours, with Eastern
// European, Albanian, Chinese, Thai and Nigerian networks prominent, plus labour exploitation and
// Vietnamese cannabis farms that UK forces met increasingly from 2007.
import type { Weighted } from './random.ts';
import type { ExploitationType, Nationality, Offence, PremisesType } from './vocabulary.ts';

export interface NetworkProfile {
  key: string;
  weight: number;
  premisesTypes: readonly Weighted<PremisesType>[];
  controllerNationalities: readonly Weighted<Nationality>[];
  victimNationalities: readonly Weighted<Nationality>[];
  /** Share of controllers who are women (Nigerian "madams", Thai and Chinese parlour managers). */
  femaleControllerShare: number;
  femaleVictimShare: number;
  /** Chance that a potential victim found is under 18. */
  childShare: number;
  /** Mean potential victims found at a visit that finds anyone (before the global calibration). */
  victimsPerVisit: number;
  exploitation: (premises: PremisesType) => ExploitationType;
  offences: readonly Weighted<Offence>[];
}

const w = <T>(value: T, weight: number): Weighted<T> => ({ value, weight });

const sexualOffences: readonly Weighted<Offence>[] = [
  w('trafficking-sexual-exploitation', 4), w('controlling-prostitution-for-gain', 4), w('brothel-keeping', 3),
  w('money-laundering', 1), w('immigration-facilitation', 1),
];

export const NETWORK_PROFILES: readonly NetworkProfile[] = [
  {
    key: 'romanian-sexual-exploitation', weight: 16,
    premisesTypes: [w('private-flat', 5), w('brothel', 4), w('massage-parlour', 2), w('sauna', 1), w('hotel', 1)],
    controllerNationalities: [w('RO', 8), w('AL', 1), w('GB', 1)],
    victimNationalities: [w('RO', 7), w('BG', 1), w('HU', 1), w('SK', 1), w('LV', 1), w('LT', 1)],
    femaleControllerShare: 0.15, femaleVictimShare: 1, childShare: 0.07, victimsPerVisit: 1.6,
    exploitation: () => 'sexual-exploitation', offences: sexualOffences,
  },
  {
    key: 'albanian-sexual-exploitation', weight: 12,
    premisesTypes: [w('private-flat', 5), w('brothel', 3), w('massage-parlour', 1)],
    controllerNationalities: [w('AL', 9), w('GB', 1)],
    victimNationalities: [w('AL', 3), w('RO', 2), w('LT', 2), w('LV', 1), w('UA', 1), w('CZ', 1)],
    femaleControllerShare: 0.05, femaleVictimShare: 1, childShare: 0.08, victimsPerVisit: 1.4,
    exploitation: () => 'sexual-exploitation', offences: sexualOffences,
  },
  {
    key: 'baltic-sexual-exploitation', weight: 6,
    premisesTypes: [w('private-flat', 4), w('brothel', 3), w('sauna', 1)],
    controllerNationalities: [w('LT', 5), w('LV', 2), w('GB', 2)],
    victimNationalities: [w('LT', 4), w('LV', 3), w('PL', 1)],
    femaleControllerShare: 0.2, femaleVictimShare: 1, childShare: 0.1, victimsPerVisit: 1.3,
    exploitation: () => 'sexual-exploitation', offences: sexualOffences,
  },
  {
    key: 'chinese-massage-parlours', weight: 10,
    premisesTypes: [w('massage-parlour', 6), w('brothel', 3), w('sauna', 1), w('private-flat', 2)],
    controllerNationalities: [w('CN', 6), w('MY', 2), w('GB', 1)],
    victimNationalities: [w('CN', 5), w('MY', 2), w('TH', 1), w('VN', 1)],
    femaleControllerShare: 0.45, femaleVictimShare: 1, childShare: 0.03, victimsPerVisit: 1.2,
    exploitation: () => 'sexual-exploitation',
    offences: [...sexualOffences, w('immigration-facilitation', 2)],
  },
  {
    key: 'thai-saunas', weight: 6,
    premisesTypes: [w('sauna', 4), w('massage-parlour', 4), w('private-flat', 1)],
    controllerNationalities: [w('TH', 3), w('GB', 4)],
    victimNationalities: [w('TH', 8), w('MY', 1)],
    femaleControllerShare: 0.5, femaleVictimShare: 0.95, childShare: 0.02, victimsPerVisit: 1.3,
    exploitation: () => 'sexual-exploitation', offences: sexualOffences,
  },
  {
    key: 'nigerian-sexual-exploitation', weight: 6,
    premisesTypes: [w('private-flat', 7), w('brothel', 2), w('hotel', 1)],
    controllerNationalities: [w('NG', 9), w('GB', 1)],
    victimNationalities: [w('NG', 10)],
    femaleControllerShare: 0.6, femaleVictimShare: 1, childShare: 0.15, victimsPerVisit: 1.1,
    exploitation: () => 'sexual-exploitation',
    offences: [...sexualOffences, w('immigration-facilitation', 3)],
  },
  {
    key: 'vietnamese-cannabis-farms', weight: 8,
    premisesTypes: [w('cannabis-farm', 7), w('nail-bar', 3)],
    controllerNationalities: [w('VN', 8), w('CN', 1), w('GB', 1)],
    victimNationalities: [w('VN', 10)],
    femaleControllerShare: 0.2, femaleVictimShare: 0.35, childShare: 0.2, victimsPerVisit: 0.9,
    exploitation: (premises) => (premises === 'nail-bar' ? 'forced-labour' : 'forced-criminality'),
    offences: [w('drugs-production', 5), w('drugs-supply', 1), w('trafficking-labour-exploitation', 2), w('immigration-facilitation', 2)],
  },
  {
    key: 'central-european-labour', weight: 5,
    premisesTypes: [w('farm', 3), w('factory', 3), w('car-wash', 2), w('other', 1)],
    controllerNationalities: [w('PL', 3), w('LT', 2), w('SK', 2), w('CZ', 1), w('GB', 3), w('HU', 1)],
    victimNationalities: [w('PL', 3), w('LT', 2), w('SK', 2), w('CZ', 2), w('HU', 2), w('LV', 1)],
    femaleControllerShare: 0.1, femaleVictimShare: 0.3, childShare: 0.01, victimsPerVisit: 2,
    exploitation: () => 'forced-labour',
    offences: [w('trafficking-labour-exploitation', 5), w('money-laundering', 1)],
  },
  {
    key: 'hand-car-washes', weight: 3,
    premisesTypes: [w('car-wash', 8), w('other', 1)],
    controllerNationalities: [w('AL', 3), w('GB', 2), w('RO', 1)],
    victimNationalities: [w('RO', 2), w('AL', 1), w('VN', 1), w('UA', 1), w('SD', 1), w('ER', 1)],
    femaleControllerShare: 0.02, femaleVictimShare: 0.05, childShare: 0.04, victimsPerVisit: 1.5,
    exploitation: () => 'forced-labour',
    offences: [w('trafficking-labour-exploitation', 5), w('immigration-facilitation', 2), w('money-laundering', 1)],
  },
  {
    key: 'domestic-servitude', weight: 2,
    premisesTypes: [w('private-flat', 3), w('other', 2)],
    controllerNationalities: [w('IN', 2), w('NG', 2), w('GB', 2), w('SD', 1), w('MY', 1)],
    victimNationalities: [w('IN', 2), w('NG', 2), w('ER', 1), w('SD', 1), w('MY', 1)],
    femaleControllerShare: 0.5, femaleVictimShare: 0.85, childShare: 0.1, victimsPerVisit: 0.8,
    exploitation: () => 'domestic-servitude',
    offences: [w('trafficking-labour-exploitation', 4), w('immigration-facilitation', 2)],
  },
  {
    key: 'brazilian-sexual-exploitation', weight: 3,
    premisesTypes: [w('private-flat', 5), w('brothel', 2)],
    controllerNationalities: [w('BR', 3), w('GB', 1)],
    victimNationalities: [w('BR', 10)],
    femaleControllerShare: 0.4, femaleVictimShare: 0.95, childShare: 0.02, victimsPerVisit: 1.2,
    exploitation: () => 'sexual-exploitation', offences: sexualOffences,
  },
  {
    key: 'local-sexual-exploitation', weight: 6,
    premisesTypes: [w('brothel', 4), w('sauna', 2), w('massage-parlour', 2), w('private-flat', 2), w('hotel', 1)],
    controllerNationalities: [w('GB', 8), w('RO', 1), w('AL', 1)],
    victimNationalities: [w('GB', 2), w('RO', 1), w('PL', 1), w('UA', 1), w('BG', 1), w('LT', 1), w('CZ', 1)],
    femaleControllerShare: 0.3, femaleVictimShare: 0.97, childShare: 0.12, victimsPerVisit: 1.1,
    exploitation: () => 'sexual-exploitation',
    offences: [w('controlling-prostitution-for-gain', 5), w('brothel-keeping', 4), w('trafficking-sexual-exploitation', 2)],
  },
  {
    key: 'east-african-labour', weight: 2,
    premisesTypes: [w('factory', 2), w('farm', 1), w('car-wash', 1)],
    controllerNationalities: [w('SD', 1), w('ER', 1), w('GB', 1)],
    victimNationalities: [w('ER', 3), w('SD', 3)],
    femaleControllerShare: 0.1, femaleVictimShare: 0.2, childShare: 0.08, victimsPerVisit: 1.5,
    exploitation: () => 'forced-labour',
    offences: [w('trafficking-labour-exploitation', 4), w('immigration-facilitation', 3)],
  },
];
