// The officer's free-text account of each person found. Written the way the platform asks its
// users to write: "potential victim", what was observed, what the person said, no labels about
// immigration status or about selling sex. test/demo/carefulLanguage.test.ts scans every account.
import type { Random } from './random.ts';
import type { Consent, ExploitationType, PremisesType } from './vocabulary.ts';

export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  ro: 'Romanian', sq: 'Albanian', vi: 'Vietnamese', zh: 'Mandarin', bin: 'Edo', en: 'English', pl: 'Polish',
  lt: 'Lithuanian', ru: 'Russian', th: 'Thai', sk: 'Slovak', cs: 'Czech', bg: 'Bulgarian', uk: 'Ukrainian',
  ti: 'Tigrinya', ar: 'Arabic', pa: 'Punjabi', hi: 'Hindi', ms: 'Malay', pt: 'Portuguese', hu: 'Hungarian',
  lv: 'Latvian',
};

const PLACE: Readonly<Record<PremisesType, string>> = {
  brothel: 'the premises', 'massage-parlour': 'the massage parlour', sauna: 'the sauna', 'private-flat': 'the flat',
  hotel: 'the hotel room', 'nail-bar': 'the nail bar', 'car-wash': 'the car wash', 'cannabis-farm': 'the house',
  farm: 'the farm', factory: 'the factory', other: 'the address',
};

const CONTROL_INDICATORS: Readonly<Record<ExploitationType, readonly string[]>> = {
  'sexual-exploitation': [
    'Said she was promised work in a restaurant and was told on arrival that she owed money for her travel.',
    'Said her passport was kept by a man she called "the boss".',
    'Said she was moved between addresses every few weeks and did not know the name of this town.',
    'Said she was escorted whenever she left the premises and was not allowed to keep any money.',
    'Said she had been told her family at home would be harmed if she spoke to police.',
    'Slept at the premises; few personal belongings and no money or identity documents of her own.',
  ],
  'forced-labour': [
    'Said wages were paid to a third party and deducted for rent, transport and "fees".',
    'Said they worked seven days a week, twelve hours or more a day, for little or no pay.',
    'Said their identity documents had been taken "for safekeeping" by the person who brought them.',
    'Lived in overcrowded accommodation provided by the employer and could not afford to leave.',
    'Said they were recruited by an advert at home promising well-paid work.',
  ],
  'forced-criminality': [
    'Found in a locked property; windows blacked out and the door secured from outside.',
    'Said they were brought to the UK in the back of a lorry and told to tend the plants to repay a debt.',
    'Said they had not left the house for several weeks; food was delivered by a man they did not know.',
    'Appeared frightened; said they would be in danger if they did not do as told.',
  ],
  'domestic-servitude': [
    'Said she cooked, cleaned and cared for the children of the household from early morning until late at night.',
    'Said she was not allowed to leave the house alone and her passport was held by the household.',
    'Slept on the floor of the kitchen; said she had not been paid since she arrived.',
  ],
  'child-labour': ['Appeared to be of school age; said they worked every day instead of attending school.'],
  'forced-marriage': ['Said she had been brought to the UK to be married and was not allowed to leave the house.'],
  servitude: ['Said they could not leave and had no say over where they lived or worked.'],
  'organ-removal': ['Said they had been offered money for a "medical operation" abroad.'],
};

export interface VictimAccountContext {
  exploitation: ExploitationType;
  premises: PremisesType;
  possibleChild: boolean;
  consent: Consent;
  interpreterLanguage: string | null;
  othersFound: number;
  sex: 'female' | 'male';
}

/** The indicator sentences are written about a woman; every "her" in them is possessive. */
function forSex(sentence: string, sex: 'female' | 'male'): string {
  if (sex === 'female') return sentence;
  return sentence.replace(/\bshe\b/g, 'he').replace(/\bShe\b/g, 'He').replace(/\bher\b/g, 'his');
}

export function victimAccount(context: VictimAccountContext, random: Random): string {
  const sentences: string[] = [];
  const place = PLACE[context.premises];
  sentences.push(
    context.othersFound > 0
      ? `Found at ${place} with ${context.othersFound} other ${context.othersFound === 1 ? 'person' : 'people'}; identified as a potential victim of trafficking.`
      : `Found alone at ${place}; identified as a potential victim of trafficking.`,
  );
  sentences.push(...random.sample(CONTROL_INDICATORS[context.exploitation], random.integer(1, 2)).map((t) => forSex(t, context.sex)));
  if (context.interpreterLanguage !== null) {
    sentences.push(`Spoken to through a ${LANGUAGE_NAMES[context.interpreterLanguage] ?? context.interpreterLanguage} interpreter.`);
  }
  if (context.possibleChild) {
    // A child is referred whatever they say; what they said is still recorded.
    sentences.push('Appears to be under 18; treated as a child and referred to children\'s services and for support without waiting for consent.');
    sentences.push(context.consent === 'given'
      ? 'Agreed to the referral; taken to a place of safety with a social worker.'
      : context.consent === 'refused'
        ? 'Said they did not want support at first; referred nonetheless, as every child is.'
        : 'Too distressed to be asked about support; referred as a child.');
    return sentences.join(' ');
  }
  switch (context.consent) {
    case 'given':
      sentences.push('Consented to referral for support; taken to a place of safety.');
      break;
    case 'refused':
      sentences.push('Declined referral at this time; given the helpline number and details of support available.');
      break;
    case 'not-possible':
      sentences.push('Consent could not be sought at the time; to be revisited with a support worker present.');
      break;
  }
  return sentences.join(' ');
}

const SUSPECT_OBSERVATIONS = [
  'Held keys to the premises and a large amount of cash.',
  'Appeared to be in charge; answered questions on behalf of others present.',
  'Several mobile phones and a notebook of names and amounts found in their possession.',
  'Named by others present as the person who collects the money.',
  'Arrived at the address during the visit in a car linked to other premises.',
  'Said they were a visitor and knew nothing about the business.',
  'Acted as receptionist and driver; declined to answer questions.',
];

export function suspectAccount(context: { premises: PremisesType; arrested: boolean }, random: Random): string {
  const sentences = [`Present at ${PLACE[context.premises]} when officers entered.`, ...random.sample(SUSPECT_OBSERVATIONS, random.integer(1, 2))];
  sentences.push(context.arrested ? 'Arrested and taken into custody.' : 'Not arrested; details recorded and intelligence submitted.');
  return sentences.join(' ');
}

const OTHER_PRESENT = [
  'Present as a customer; details taken and allowed to leave.',
  'Said they rent a room at the address; no indicators of exploitation noted. Details recorded.',
  'Worker at the premises; spoken to alone, no indicators of exploitation noted. Given the helpline number.',
  'Visitor to the address; details taken and allowed to leave.',
  'Neighbour who came to the door during the visit; gave a statement about comings and goings at night.',
];

export function otherPresentAccount(random: Random): string {
  return random.choice(OTHER_PRESENT);
}
