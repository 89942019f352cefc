import { describe, expect, it } from 'vitest';
import type { ComparisonSpec } from '../../../src/analysis/linkage/comparisons/comparison.ts';
import { comparisonKinds } from '../../../src/analysis/linkage/comparisons/index.ts';
import { prepareRecords } from '../../../src/analysis/linkage/featureTable.ts';
import { presentComparisonKinds } from '../../../src/analysis/linkage/linkage.ts';
import type { PersonRecord } from '../../../src/analysis/linkage/record.ts';

type Fields = Omit<PersonRecord, 'recordId' | 'sourceId'>;

/** The label of the level a pair of records falls in for one comparison. */
function level(spec: ComparisonSpec, left: Fields, right: Fields): string {
  const prepared = prepareRecords(
    [
      { recordId: 'l', sourceId: 'a', ...left },
      { recordId: 'r', sourceId: 'b', ...right },
    ],
    { defaultCountry: 'GB', runDate: new Date('2026-01-01T00:00:00Z') },
  );
  const definition = comparisonKinds[spec.kind];
  const value = definition.comparator(spec)(prepared.table, 0, 1);
  return value === 0 ? 'null' : (definition.levelLabels(spec)[value - 1] ?? `?${value}`);
}

describe('name comparison levels', () => {
  const family: ComparisonSpec = { kind: 'familyName' };
  const given: ComparisonSpec = { kind: 'givenName' };

  it('first match wins, from exact down to else', () => {
    expect(level(family, { familyName: 'Nguyen' }, { familyName: 'NGUYEN' })).toBe('exact');
    expect(level(family, { familyName: 'Nguyễn' }, { familyName: 'Nguyen' })).toBe('exact');
    expect(level(family, { familyName: 'Martha' }, { familyName: 'Marhta' })).toBe('Jaro–Winkler ≥ 0.92');
    // EMMA/GEMMA is 0.933 but differs at the first letter, where slips are rare: one level down.
    expect(level(given, { givenNames: 'Emma', familyName: 'Jones' }, { givenNames: 'Gemma', familyName: 'Jones' })).toBe('Jaro–Winkler ≥ 0.88');
    expect(level(given, { givenNames: 'Gemma', familyName: 'Jones' }, { givenNames: 'Gemmma', familyName: 'Jones' })).toBe('Jaro–Winkler ≥ 0.92');
    // DWAYNE/DUANE is 0.84: below 0.88, and they sound alike (TN).
    expect(level(family, { familyName: 'Dwayne' }, { familyName: 'Duane' })).toBe('Double Metaphone equal');
    // JONES/JOHNSON is 0.832 and sound different (JNS / JNSN).
    expect(level(family, { familyName: 'Jones' }, { familyName: 'Johnson' })).toBe('Jaro–Winkler ≥ 0.7');
    expect(level(family, { givenNames: 'John', familyName: 'Smith' }, { givenNames: 'John', familyName: 'Edokpolo' })).toBe('else');
    // A record with one name only (often a nickname) disagrees more weakly: a level of its own.
    expect(level(family, { familyName: 'Smith' }, { familyName: 'Edokpolo' })).toBe('else, one record has a single name');
    expect(level(family, { familyName: 'Smith' }, {})).toBe('null');
  });

  it('recognises given and family names swapped, also when one was written in one piece', () => {
    expect(level(family, { givenNames: 'Lan', familyName: 'Nguyen' }, { givenNames: 'Nguyen', familyName: 'Lan' })).toBe(
      'given and family names swapped',
    );
    expect(level(family, { fullName: 'NGUYEN T. LAN, b. 1990' }, { givenNames: 'Lan', familyName: 'Nguyen' })).toBe(
      'given and family names swapped',
    );
    expect(level(family, { fullName: 'Nguyen Thi Lan' }, { fullName: 'Lan Nguyen' })).toBe('given and family names swapped');
    // Swapped and mistyped (febrl-dsgen style): a level of its own, as it is weaker evidence.
    expect(level(family, { givenNames: 'Erin', familyName: 'Newsom' }, { givenNames: 'Newson', familyName: 'Erin' })).toBe(
      'given and family names swapped, with a typo or an initial',
    );
    // The swap is one piece of evidence: the given-name comparison stays out of it.
    expect(level(given, { fullName: 'Nguyen Thi Lan' }, { fullName: 'Lan Nguyen' })).toBe('null');
    expect(comparisonKinds.givenName.levelLabels(given).filter((l) => l.includes('swapped'))).toEqual([]);
  });

  it('sees a name written in the other field when the remaining names differ (a swap with a nickname)', () => {
    const crossed = 'one name in the other field, the other names differ';
    expect(level(family, { givenNames: 'Ionescu', familyName: 'Gigi' }, { givenNames: 'Costel', familyName: 'Ionescu' })).toBe(crossed);
    expect(level(family, { givenNames: 'Khan', familyName: 'Li' }, { givenNames: 'Lee', familyName: 'Khhan' })).toBe(crossed);
    // The given-name comparison keeps its own evidence: the given names do differ.
    expect(level(given, { givenNames: 'Ionescu', familyName: 'Gigi' }, { givenNames: 'Costel', familyName: 'Ionescu' })).toBe('else');
    // A shared given name is no crossing, though "Stan" is close to "Stefan"; nor is an initial.
    expect(level(family, { givenNames: 'Stefan', familyName: 'Radu' }, { givenNames: 'Stefan', familyName: 'Stan' })).toBe('else');
    expect(level(family, { givenNames: 'Wood', familyName: 'L.' }, { givenNames: 'L. N.', familyName: 'Kahn' })).toBe('else');
  });

  it('sees a given name left out (a middle name dropped)', () => {
    const leftOut = 'a given name left out';
    expect(level(given, { givenNames: 'Adrian', familyName: 'Stoica' }, { givenNames: 'Adrian Alexandru', familyName: 'Stoica' })).toBe(leftOut);
    expect(level(given, { givenNames: 'Mary Jane Ann', familyName: 'Smith' }, { givenNames: 'Mary Ann', familyName: 'Smith' })).toBe(leftOut);
    // Out of order, or an initial only: other levels.
    expect(level(given, { givenNames: 'Ann Mary Jane', familyName: 'Smith' }, { givenNames: 'Mary Ann', familyName: 'Smith' })).not.toBe(leftOut);
    expect(level(given, { givenNames: 'A.', familyName: 'Stoica' }, { givenNames: 'Adrian Alexandru', familyName: 'Stoica' })).toBe('initial');
    expect(level(given, { givenNames: 'Adrian', familyName: 'Stoica' }, { givenNames: 'Adrian', familyName: 'Stoica' })).toBe('exact');
  });

  it('matches an initial against a full given name', () => {
    expect(level(given, { givenNames: 'T.', familyName: 'Nguyen' }, { givenNames: 'Thi', familyName: 'Nguyen' })).toBe('initial');
    expect(level(given, { givenNames: 'T', familyName: 'Nguyen' }, { givenNames: 'Lan', familyName: 'Nguyen' })).toBe('else');
  });

  it('matches an alias against the other record’s name', () => {
    const alias: ComparisonSpec = { kind: 'alias' };
    expect(level(alias, { givenNames: 'Lan', familyName: 'Nguyen', aliases: ['Linh Tran'] }, { givenNames: 'Linh', familyName: 'Tran' })).toBe(
      'an alias equals a name',
    );
    // Most records list no alias at all: one that matches nothing of such a record is weak
    // evidence, a level apart from two records whose aliases all differ.
    expect(level(alias, { givenNames: 'Lan', familyName: 'Nguyen' }, { aliases: ['TRAN Linh'], givenNames: 'Anna', familyName: 'Lee' })).toBe(
      'else, one record has aliases',
    );
    expect(
      level(alias, { givenNames: 'Lan', familyName: 'Nguyen', aliases: ['Lily'] }, { aliases: ['TRAN Linh'], givenNames: 'Anna', familyName: 'Lee' }),
    ).toBe('else');
    expect(level(alias, { givenNames: 'Lan' }, { givenNames: 'Lan' })).toBe('null');
  });
});

describe('date of birth levels', () => {
  const dob: ComparisonSpec = { kind: 'dateOfBirth' };
  it('grades exact, swapped, one digit, year one out, partial, within a year, age bands', () => {
    expect(level(dob, { dateOfBirth: '1990-04-12' }, { dateOfBirth: '12/04/1990' })).toBe('exact');
    expect(level(dob, { dateOfBirth: '1990-04-12' }, { dateOfBirth: '1990-12-04' })).toBe('day and month swapped');
    expect(level(dob, { dateOfBirth: '1990-04-12' }, { dateOfBirth: '1991-04-12' })).toBe('one digit different');
    // An impossible date is kept, so a keying error still counts as nearly equal.
    expect(level(dob, { dateOfBirth: '19551114' }, { dateOfBirth: '19556114' })).toBe('one digit different');
    expect(level(dob, { dateOfBirth: '1990-04-12' }, { dateOfBirth: '1990' })).toBe('partial date agrees');
    // The year written one out (1989 for 1990 is two digits) is a slip of its own.
    expect(level(dob, { dateOfBirth: '1990-04-12' }, { dateOfBirth: '1989-04-12' })).toBe('year one out, day and month equal');
    expect(level(dob, { dateOfBirth: '1990-04' }, { dateOfBirth: '1989-09-30' })).toBe('within a year');
    // Two full dates months apart that no one slip explains are told apart from partial dates.
    expect(level(dob, { dateOfBirth: '1990-04-12' }, { dateOfBirth: '1989-09-30' })).toBe('two full dates within a year');
    // Born in 1990, 34 in June 2024: an estimate of 33 is close, one of 37 at the band's edge.
    expect(level(dob, { dateOfBirth: '1990-04-12' }, { estimatedAge: { years: 33, asOf: '2024-06-01' } })).toBe('estimated age within 2 years');
    expect(level(dob, { dateOfBirth: '1990-04-12' }, { estimatedAge: { years: 37, asOf: '2024-06-01' } })).toBe('estimated age within 5 years');
    expect(level(dob, { estimatedAge: { years: 30, asOf: '2024-06-01' } }, { estimatedAge: { years: 25, asOf: '2019-01-01' } })).toBe(
      'estimated age within 2 years',
    );
    // An estimate far out is a misjudged age as often as another person: not the dates' "else".
    expect(level(dob, { dateOfBirth: '1990-04-12' }, { estimatedAge: { years: 60, asOf: '2024-06-01' } })).toBe('estimated age further out');
    expect(level(dob, { dateOfBirth: '1990-04-12' }, { dateOfBirth: '1975-01-01' })).toBe('else');
    expect(level(dob, { dateOfBirth: '1990-04-12' }, {})).toBe('null');
  });
});

describe('other comparison levels', () => {
  it('phones: E.164 equality, then the last nine digits, any against any', () => {
    const phone: ComparisonSpec = { kind: 'phone' };
    expect(level(phone, { phones: ['07700 900123'] }, { phones: ['+44 7700 900123'] })).toBe('E.164 equal');
    expect(level(phone, { phones: ['0000', '07700 900123'] }, { phones: ['+33 7700 900123'] })).toBe('last 9 digits equal');
    expect(level(phone, { phones: ['07700 900123'] }, { phones: ['07700 900999'] })).toBe('else');
    expect(level(phone, { phones: [] }, { phones: ['07700 900999'] })).toBe('null');
  });

  it('postcodes: full, sector, district, area', () => {
    const postcode: ComparisonSpec = { kind: 'postcode' };
    expect(level(postcode, { postcode: 'SW1A 1AA' }, { postcode: 'sw1a1aa' })).toBe('full');
    expect(level(postcode, { postcode: 'SW1A 1AA' }, { postcode: 'SW1A 1BB' })).toBe('sector');
    expect(level(postcode, { postcode: 'SW1A 1AA' }, { postcode: 'SW1A 2AA' })).toBe('district');
    expect(level(postcode, { postcode: 'SW1A 1AA' }, { postcode: 'SW9 1AA' })).toBe('area');
    expect(level(postcode, { postcode: 'SW1A 1AA' }, { postcode: 'M1 1AE' })).toBe('else');
  });

  it('sex, nationality, address words and document numbers', () => {
    expect(level({ kind: 'sex' }, { sex: 'F' }, { sex: 'female' })).toBe('exact');
    expect(level({ kind: 'sex' }, { sex: 'F' }, { sex: 'unknown' })).toBe('null');
    expect(level({ kind: 'nationality' }, { nationality: 'Viet Nam' }, { nationality: 'VIET-NAM' })).toBe('exact');
    // Countries sharing a land border (GeoNames), which officers confuse most; islands have none.
    expect(level({ kind: 'nationality' }, { nationality: 'RO' }, { nationality: 'bg' })).toBe('neighbouring countries');
    expect(level({ kind: 'nationality' }, { nationality: 'CZ' }, { nationality: 'SK' })).toBe('neighbouring countries');
    expect(level({ kind: 'nationality' }, { nationality: 'GB' }, { nationality: 'IE' })).toBe('neighbouring countries');
    expect(level({ kind: 'nationality' }, { nationality: 'VN' }, { nationality: 'CN' })).toBe('neighbouring countries');
    expect(level({ kind: 'nationality' }, { nationality: 'RO' }, { nationality: 'PL' })).toBe('else');
    expect(level({ kind: 'nationality' }, { nationality: 'GB' }, { nationality: 'FR' })).toBe('else');
    expect(level({ kind: 'nationality' }, { nationality: 'JP' }, { nationality: 'KR' })).toBe('else');
    expect(level({ kind: 'area' }, { area: 'Metropolitan ' }, { area: 'metropolitan' })).toBe('same area');
    expect(level({ kind: 'area' }, { area: 'garda' }, { area: 'psni' })).toBe('else');
    expect(level({ kind: 'area' }, { area: 'garda' }, {})).toBe('null');
    expect(level({ kind: 'address' }, { address: '12 High Street' }, { address: 'High Street 12' })).toBe('same words');
    expect(level({ kind: 'address' }, { address: '12 High Street Leeds' }, { address: '12 High St Leeds' })).toBe('Jaccard ≥ 0.6');
    expect(level({ kind: 'documentNumber' }, { documentNumbers: ['AB 123456 C'] }, { documentNumbers: ['ab123456c'] })).toBe('a number equal');
    expect(level({ kind: 'documentNumber' }, { documentNumbers: ['AB123456C'] }, { documentNumbers: ['AB124356C'] })).toBe('one keying error');
    expect(level({ kind: 'documentNumber' }, { documentNumbers: ['AB123456C'] }, { documentNumbers: ['ZZ999999Z'] })).toBe('else');
  });
});

describe('which comparisons a data set gets', () => {
  it('compares areas only when the records come from more than one', () => {
    const person = (recordId: string, area: string): PersonRecord => ({ recordId, sourceId: 's', familyName: 'Rusu', area });
    expect(presentComparisonKinds([person('a', 'kent'), person('b', 'Kent ')])).not.toContain('area');
    expect(presentComparisonKinds([person('a', 'kent'), person('b', 'essex')])).toContain('area');
  });
});
