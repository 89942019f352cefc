// Which records are the same real person — the answer record linkage must find. It is a separate
// return value, written by the CLI to a separate file for tests and evaluation, and never loaded
// into the database: records carry no trace of it.
import type { BirthDateVariantKind } from './birthDates.ts';
import type { PhoneWritingStyle } from './phoneFormats.ts';
import type { FullNameStyle, NameVariantKind } from './spellingVariants.ts';
import { type TruePart, type TruePerson, canonicalFullName } from './truePeople.ts';
import type { IdentityDocumentKind, Nationality } from './vocabulary.ts';

/** How one record renders its person, so a test (or an analyst) can see why two records differ. */
export interface TruthRecordLink {
  personFoundId: string;
  visitId: string;
  forceCode: string;
  nameVariants: NameVariantKind[];
  nameStyle: FullNameStyle;
  birthDateVariant: BirthDateVariantKind;
  /** Each number written on the record, with the real number it stands for. */
  phones: { written: string; e164: string; style: PhoneWritingStyle }[];
  /** True when a document number was written with a mistake. */
  documentNumberMistyped: boolean;
}

export interface TruePersonTruth {
  truePersonId: string;
  networkId: string;
  /** Their real part in the network, which a record's role need not match. */
  part: TruePart;
  sex: 'female' | 'male';
  nationality: Nationality;
  canonicalName: {
    givenNames: string;
    familyName: string;
    fullName: string;
    nativeScript: string | null;
  };
  dateOfBirth: string;
  phones: string[];
  documents: { kind: IdentityDocumentKind; number: string; issuingCountry: Nationality }[];
  aliases: string[];
  records: TruthRecordLink[];
}

export interface NetworkTruth {
  networkId: string;
  profile: string;
  homeForceCode: string;
  forceCodes: string[];
  premisesIds: string[];
  truePersonIds: string[];
  /** The network's shared "work phone", if it had one. */
  sharedPhone: string | null;
}

export interface GroundTruthBatch {
  people: TruePersonTruth[];
  networks: NetworkTruth[];
}

export function truthOfPerson(person: TruePerson, records: TruthRecordLink[]): TruePersonTruth {
  const n = person.name;
  const givenNames = [n.middle, ...n.given].filter((p): p is string => p !== null).join(' ');
  const nativeScript = n.givenScript !== null && n.familyScript !== null
    ? (n.familyFirst ? `${n.familyScript}${n.givenScript}` : `${n.givenScript} ${n.familyScript}`)
    : null;
  return {
    truePersonId: person.id,
    networkId: person.networkId,
    part: person.part,
    sex: person.sex,
    nationality: person.nationality,
    canonicalName: {
      givenNames,
      familyName: n.particle === null ? n.family : `${n.particle} ${n.family}`,
      fullName: canonicalFullName(n),
      nativeScript,
    },
    dateOfBirth: person.dateOfBirth,
    phones: person.phones.map((p) => p.e164),
    documents: person.documents.map((d) => ({ ...d })),
    aliases: [...person.aliases],
    records,
  };
}
