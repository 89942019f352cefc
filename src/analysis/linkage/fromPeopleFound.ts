import type { ForceInput, PersonFoundRecord, VisitRecord } from '../../demo/records.ts';
import type { PersonRecord } from './record.ts';

/** The fields of a person found that linkage reads; the platform's own rows can satisfy it. */
export type PersonFoundFields = Pick<
  PersonFoundRecord,
  | 'id'
  | 'visitId'
  | 'forceCode'
  | 'givenNames'
  | 'familyName'
  | 'fullNameAsWritten'
  | 'aliases'
  | 'dateOfBirth'
  | 'estimatedAge'
  | 'sex'
  | 'nationality'
  | 'phoneNumbers'
  | 'identityDocuments'
>;

const blankToNull = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

const nonBlank = (values: readonly string[]): string[] => values.map((v) => v.trim()).filter((v) => v !== '');

/**
 * The engine reads an alias as a full name. A one-word alias is a nickname used in place of the
 * given name ("Gigi" for Gheorghe), so it is written with the recorded family name, family first
 * so that the split cannot mistake the nickname for the family name.
 */
function asFullName(alias: string, familyName: string | null): string {
  return familyName !== null && !/\s/.test(alias) ? `${familyName}, ${alias}` : alias;
}

export interface PersonFoundContext {
  /** When the person was found: dates an estimated age. */
  readonly visitedAt?: string | null;
  /** The recording force's jurisdiction: says which country a number written without a calling code is in. */
  readonly jurisdiction?: ForceInput['jurisdiction'] | null;
}

/**
 * A number written in national form ("087 123 4567") means the recording country's number. The
 * engine reads such numbers as British, so a number an Irish officer wrote locally is given its
 * calling code here, or it would never equal the same number written "+353 87 …" elsewhere.
 */
function withCallingCode(written: string, jurisdiction: PersonFoundContext['jurisdiction']): string {
  if (jurisdiction !== 'ireland') return written;
  const digits = written.replace(/[^0-9+]/g, '');
  return /^0[1-9]/.test(digits) ? `+353${digits.slice(1)}` : written;
}

/**
 * One person found as a linkage record, with the force as the source: each force records in its
 * own habits, and the same person recorded twice by one force is as likely as across forces.
 * Without `visitedAt` an estimated age is taken as of the run date, which for an operation years ago
 * puts the birth year years late.
 */
export function personRecordFromPersonFound(person: PersonFoundFields, context: PersonFoundContext = {}): PersonRecord {
  const { visitedAt, jurisdiction } = context;
  const givenNames = blankToNull(person.givenNames);
  const familyName = blankToNull(person.familyName);
  return {
    recordId: person.id,
    sourceId: person.forceCode,
    givenNames,
    familyName,
    // The written form may be in another script or order; the split fields are the officer's
    // reading of it, so it is only worth parsing when they gave neither.
    fullName: givenNames === null && familyName === null ? blankToNull(person.fullNameAsWritten) : null,
    aliases: nonBlank(person.aliases).map((alias) => asFullName(alias, familyName)),
    dateOfBirth: blankToNull(person.dateOfBirth),
    estimatedAge: person.estimatedAge === null ? null : { years: person.estimatedAge, asOf: visitedAt?.slice(0, 10) ?? null },
    // 'unknown' is the absence of a value, not a third sex that disagrees with both.
    sex: person.sex === 'unknown' ? null : person.sex,
    nationality: person.nationality,
    phones: nonBlank(person.phoneNumbers).map((p) => withCallingCode(p, jurisdiction)),
    documentNumbers: nonBlank(person.identityDocuments.map((d) => d.number)),
    // The force is where the person was found: their area.
    area: person.forceCode,
  };
}

/** Every person found, dated by its visit and placed by its force, where those are given. */
export function personRecordsFromPeopleFound(
  people: readonly PersonFoundFields[],
  visits: readonly Pick<VisitRecord, 'id' | 'visitedAt'>[] = [],
  forces: readonly Pick<ForceInput, 'code' | 'jurisdiction'>[] = [],
): PersonRecord[] {
  const visitedAt = new Map(visits.map((v) => [v.id, v.visitedAt]));
  const jurisdiction = new Map(forces.map((f) => [f.code, f.jurisdiction]));
  return people.map((p) =>
    personRecordFromPersonFound(p, { visitedAt: visitedAt.get(p.visitId) ?? null, jurisdiction: jurisdiction.get(p.forceCode) ?? null }),
  );
}
