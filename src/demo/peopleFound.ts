// Renders one sighting of a real person as the record an officer would make: the name with its
// variants, a date of birth as recorded, the phones they carried written in that force's habits,
// documents if any were seen. Returns the record and, separately, the truth about how it was made.
import { recordBirthDate } from './birthDates.ts';
import type { TruthRecordLink } from './groundTruth.ts';
import { writePhoneNumber } from './phoneFormats.ts';
import type { Random } from './random.ts';
import type { IdentityDocumentRecord, PersonFoundRecord, PotentialVictimDetails } from './records.ts';
import { recordName } from './spellingVariants.ts';
import type { TruePerson } from './truePeople.ts';
import type { Nationality, PersonRole } from './vocabulary.ts';

/** Nationalities an officer might write down by mistake (or from a false document). */
const CONFUSED_NATIONALITY: Partial<Record<Nationality, Nationality>> = {
  CN: 'MY', MY: 'CN', VN: 'CN', AL: 'GB', RO: 'BG', BG: 'RO', SK: 'CZ', CZ: 'SK', LT: 'LV', LV: 'LT', UA: 'PL',
  ER: 'SD', SD: 'ER', TH: 'MY', HU: 'RO',
};

export interface Sighting {
  id: string;
  visitId: string;
  forceCode: string;
  recordedIn: 'GB' | 'IE';
  visitedAt: string;
  role: PersonRole;
  /** 0 for the person's first record, 1 for the next, and so on. */
  sightingNumber: number;
  account: string;
  potentialVictim: PotentialVictimDetails | null;
}

function distortionCount(sightingNumber: number, random: Random): number {
  // A first record is often taken from a document; later ones, by other forces, drift further.
  return sightingNumber === 0
    ? random.weightedChoice([{ value: 0, weight: 45 }, { value: 1, weight: 40 }, { value: 2, weight: 15 }])
    : random.weightedChoice([{ value: 0, weight: 20 }, { value: 1, weight: 45 }, { value: 2, weight: 25 }, { value: 3, weight: 10 }]);
}

function mistypeDocumentNumber(number: string, random: Random): string {
  const chars = Array.from(number);
  const at = random.integer(Math.max(0, chars.length - 6), chars.length - 1);
  const c = chars[at] ?? '0';
  // O for 0 and I for 1 are the classic misreadings of a passport's machine-readable zone.
  const replacement = c === '0' ? 'O' : c === '1' ? 'I' : String((Number(c) + 1) % 10);
  chars[at] = /[0-9]/.test(c) ? replacement : c;
  return chars.join('');
}

export function recordSighting(person: TruePerson, sighting: Sighting, random: Random): { record: PersonFoundRecord; link: TruthRecordLink } {
  const name = recordName(person.name, person.nationality, person.aliases, distortionCount(sighting.sightingNumber, random), random);
  const documentsSeen = person.documents.filter(() => random.chance(0.75));
  let mistyped = false;
  const identityDocuments: IdentityDocumentRecord[] = documentsSeen.map((d) => {
    const wrong = random.chance(0.1);
    mistyped ||= wrong;
    return { kind: d.kind, number: wrong ? mistypeDocumentNumber(d.number, random) : d.number, issuingCountry: d.issuingCountry };
  });
  const birth = recordBirthDate(person.dateOfBirth, sighting.visitedAt, { exactness: identityDocuments.length > 0 ? 0.7 : 0.35 }, random);
  const phones = person.phones
    .filter(() => random.chance(0.7))
    .map((p) => {
      const { written, style } = writePhoneNumber(p, sighting.recordedIn, random);
      return { written, e164: p.e164, style };
    });
  const nationality = random.chance(0.92)
    ? person.nationality
    : random.chance(0.5) ? null : CONFUSED_NATIONALITY[person.nationality] ?? null;
  const aliases = person.aliases.length > 0 && !name.variants.includes('nickname') && random.chance(0.4) ? [...person.aliases] : [];
  const record: PersonFoundRecord = {
    id: sighting.id,
    visitId: sighting.visitId,
    forceCode: sighting.forceCode,
    role: sighting.role,
    givenNames: name.givenNames,
    familyName: name.familyName,
    fullNameAsWritten: name.fullNameAsWritten,
    aliases,
    dateOfBirth: birth.dateOfBirth,
    estimatedAge: birth.estimatedAge,
    sex: random.chance(0.01) ? 'unknown' : person.sex,
    nationality,
    languages: random.chance(0.8) ? [...person.languages] : person.languages.slice(0, 1),
    identityDocuments,
    phoneNumbers: phones.map((p) => p.written),
    account: sighting.account,
    potentialVictim: sighting.potentialVictim,
  };
  const link: TruthRecordLink = {
    personFoundId: sighting.id,
    visitId: sighting.visitId,
    forceCode: sighting.forceCode,
    nameVariants: name.variants,
    nameStyle: name.style,
    birthDateVariant: birth.variant,
    phones,
    documentNumberMistyped: mistyped,
  };
  return { record, link };
}
