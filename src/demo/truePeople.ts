// The real people behind the records: one canonical identity each, from which every record of
// them is rendered with its own distortions (peopleFound.ts). These objects are ground truth and
// never reach the store.
import { NAMING_CONVENTIONS, type NameEntry, type NamingConvention } from './names/index.ts';
import { type PhoneAllocator, type PhoneCountry, type PhoneNumber, isPhoneCountry } from './phoneFormats.ts';
import type { Random } from './random.ts';
import type { IdentityDocumentKind, Nationality } from './vocabulary.ts';

export interface TrueName {
  /** Given names in their proper written form ("Ionuț", "Xiaoling", "Nur Aisyah"). */
  given: string[];
  /** Pinyin syllables of a Chinese given name, which records split with spaces or hyphens. */
  givenSyllables: string[] | null;
  /** Vietnamese middle name (Thị, Văn). */
  middle: string | null;
  family: string;
  /** The family name's form for the other sex (Kowalski for Kowalska), a common mistake. */
  familyOtherForm: string | null;
  /** "binti"/"bin" for Malay names, written between given name and father's name. */
  particle: string | null;
  givenScript: string | null;
  familyScript: string | null;
  familyFirst: boolean;
}

export type TruePart = 'controller' | 'associate' | 'potential-victim' | 'other-present';

export interface TrueDocument {
  kind: IdentityDocumentKind;
  number: string;
  issuingCountry: Nationality;
}

export interface TruePerson {
  id: string;
  networkId: string;
  part: TruePart;
  sex: 'female' | 'male';
  nationality: Nationality;
  name: TrueName;
  dateOfBirth: string;
  languages: string[];
  phones: PhoneNumber[];
  documents: TrueDocument[];
  /** Names the person is known by (street names, nicknames). */
  aliases: string[];
}

const LANGUAGES: Readonly<Record<Nationality, readonly string[]>> = {
  RO: ['ro'], AL: ['sq'], VN: ['vi'], CN: ['zh'], NG: ['en', 'bin'], PL: ['pl'], LT: ['lt', 'ru'],
  TH: ['th'], GB: ['en'], SK: ['sk'], CZ: ['cs'], BG: ['bg'], UA: ['uk', 'ru'], ER: ['ti'], SD: ['ar'],
  IN: ['pa', 'hi'], MY: ['ms'], BR: ['pt'], HU: ['hu'], LV: ['lv', 'ru'],
};

/** Prefix letters and digit count of passport numbers, close to each country's real pattern. */
const PASSPORT_PATTERNS: Readonly<Record<Nationality, { letters: readonly string[]; digits: number }>> = {
  RO: { letters: [''], digits: 8 }, AL: { letters: ['BA', 'BB'], digits: 7 }, VN: { letters: ['B', 'C'], digits: 7 },
  CN: { letters: ['G', 'E'], digits: 8 }, NG: { letters: ['A'], digits: 8 }, PL: { letters: ['EA', 'EC', 'AB'], digits: 7 },
  LT: { letters: [''], digits: 8 }, TH: { letters: ['AA', 'AB'], digits: 7 }, GB: { letters: [''], digits: 9 },
  SK: { letters: ['SP', 'EA'], digits: 7 }, CZ: { letters: [''], digits: 8 }, BG: { letters: [''], digits: 9 },
  UA: { letters: ['EH', 'FA', 'ES'], digits: 6 }, ER: { letters: ['P'], digits: 7 }, SD: { letters: ['B', 'P'], digits: 8 },
  IN: { letters: ['H', 'J', 'K'], digits: 7 }, MY: { letters: ['A', 'H'], digits: 8 }, BR: { letters: ['CZ', 'FB'], digits: 6 },
  HU: { letters: ['BA', 'BD'], digits: 7 }, LV: { letters: ['LV'], digits: 7 },
};

function latinGiven(entry: NameEntry): { given: string; syllables: string[] | null } {
  if (!entry.latin.includes('-')) return { given: entry.latin, syllables: null };
  const syllables = entry.latin.split('-');
  const joined = syllables.join('');
  return { given: joined.charAt(0).toUpperCase() + joined.slice(1).toLowerCase(), syllables };
}

export function drawTrueName(naming: NamingConvention, sex: 'female' | 'male', random: Random): TrueName {
  const givenPool = sex === 'female' ? naming.givenFemale : naming.givenMale;
  const first = givenPool.draw(random);
  const { given, syllables } = latinGiven(first);
  const givenNames = [given];
  if (random.chance(naming.secondGivenName)) {
    const second = givenPool.draw(random);
    if (second.latin !== first.latin) givenNames.push(latinGiven(second).given);
  }
  const family = naming.family.draw(random);
  const middlePool = sex === 'female' ? naming.middleFemale : naming.middleMale;
  const familyLatin = sex === 'female' && family.feminine !== null ? family.feminine : family.latin;
  const familyOther = family.feminine === null ? null : familyLatin === family.latin ? family.feminine : family.latin;
  return {
    given: givenNames,
    givenSyllables: syllables,
    middle: middlePool === undefined ? null : middlePool.draw(random).latin,
    family: familyLatin,
    familyOtherForm: familyOther,
    particle: naming.patronymicParticle === undefined ? null : naming.patronymicParticle[sex],
    givenScript: first.script,
    familyScript: family.script,
    familyFirst: naming.familyFirst,
  };
}

/** "Nguyễn Thị Lan", "Wang Xiaoling", "Nur Aisyah binti Abdullah", "Ionuț Popescu". */
export function canonicalFullName(name: TrueName): string {
  const given = [name.middle, ...name.given].filter((p): p is string => p !== null).join(' ');
  if (name.familyFirst) return `${name.family} ${given}`;
  return name.particle === null ? `${given} ${name.family}` : `${given} ${name.particle} ${name.family}`;
}

function digits(random: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(random.integer(0, 9));
  return out;
}

export interface TruePersonRequest {
  id: string;
  networkId: string;
  part: TruePart;
  sex: 'female' | 'male';
  nationality: Nationality;
  /** Age on the reference date. */
  age: number;
  referenceDate: string;
  phoneCountries: readonly PhoneCountry[];
  /** A network's shared "work phone" that this person also carries. */
  sharedPhone: PhoneNumber | null;
  hasPassport: boolean;
}

export function createTruePerson(request: TruePersonRequest, phones: PhoneAllocator, random: Random): TruePerson {
  const naming = NAMING_CONVENTIONS[request.nationality];
  const name = drawTrueName(naming, request.sex, random);
  const reference = new Date(`${request.referenceDate}T00:00:00Z`);
  const birth = new Date(Date.UTC(reference.getUTCFullYear() - request.age, reference.getUTCMonth(), reference.getUTCDate()));
  // A random day within the year before the age boundary keeps the stated age exact.
  birth.setUTCDate(birth.getUTCDate() - random.integer(1, 364));
  const ownPhones = request.phoneCountries.map((country) => phones.allocate(country, random));
  const allPhones = request.sharedPhone === null ? ownPhones : [...ownPhones, request.sharedPhone];
  const passport = PASSPORT_PATTERNS[request.nationality];
  const documents: TrueDocument[] = request.hasPassport
    ? [{ kind: 'passport', number: random.choice(passport.letters) + digits(random, passport.digits), issuingCountry: request.nationality }]
    : [];
  const aliases = random.chance(request.part === 'controller' ? 0.6 : 0.25) ? [random.choice(naming.nicknames)] : [];
  const languages = [...LANGUAGES[request.nationality]];
  return {
    id: request.id,
    networkId: request.networkId,
    part: request.part,
    sex: request.sex,
    nationality: request.nationality,
    name,
    dateOfBirth: birth.toISOString().slice(0, 10),
    languages,
    phones: allPhones,
    documents,
    aliases,
  };
}

export function homePhoneCountry(nationality: Nationality): PhoneCountry {
  return isPhoneCountry(nationality) ? nationality : 'GB';
}
