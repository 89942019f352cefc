import { describe, expect, it } from 'vitest';
import { comparisonKinds } from '../../../src/analysis/linkage/comparisons/index.ts';
import { pairwiseAccuracy, clusterAccuracy, type PairwiseAccuracy } from '../../../src/analysis/linkage/evaluation.ts';
import { prepareRecords } from '../../../src/analysis/linkage/featureTable.ts';
import { personRecordFromPersonFound, personRecordsFromPeopleFound } from '../../../src/analysis/linkage/fromPeopleFound.ts';
import { linkRecords } from '../../../src/analysis/linkage/linkage.ts';
import type { PersonRecord } from '../../../src/analysis/linkage/record.ts';
import { EXAMPLE_FORCE_ROSTER, generateOperation, type PersonFoundRecord } from '../../../src/demo/index.ts';

const person: PersonFoundRecord = {
  id: 'p1',
  visitId: 'v1',
  forceCode: 'garda',
  role: 'potential-victim',
  givenNames: ' ',
  familyName: '',
  fullNameAsWritten: 'NGUYEN Thi Lan',
  aliases: ['Lily', ' '],
  dateOfBirth: null,
  estimatedAge: 25,
  sex: 'unknown',
  nationality: 'VN',
  languages: ['vi'],
  identityDocuments: [{ kind: 'passport', number: 'B1234567', issuingCountry: 'VN' }],
  phoneNumbers: ['087 123 4567', '+44 7700 900123'],
  account: '',
  potentialVictim: null,
};

describe('people found as linkage records', () => {
  it('keeps what was recorded and turns "not recorded" into missing, never into disagreement', () => {
    const [record] = personRecordsFromPeopleFound([person], [{ id: 'v1', visitedAt: '2007-03-02T21:15:00Z' }], EXAMPLE_FORCE_ROSTER);
    expect(record).toEqual<PersonRecord>({
      recordId: 'p1',
      sourceId: 'garda',
      givenNames: null,
      familyName: null,
      fullName: 'NGUYEN Thi Lan',
      aliases: ['Lily'],
      dateOfBirth: null,
      estimatedAge: { years: 25, asOf: '2007-03-02' },
      sex: null,
      nationality: 'VN',
      // An Irish officer's national-format number is an Irish number.
      phones: ['+353871234567', '+44 7700 900123'],
      documentNumbers: ['B1234567'],
      // Where the person was found: the force's area.
      area: 'garda',
    });
  });

  it('uses the written full name only when the split fields are empty, and leaves numbers alone outside Ireland', () => {
    const record = personRecordFromPersonFound(
      { ...person, forceCode: 'metropolitan', givenNames: 'Thi Lan', familyName: 'Nguyen', sex: 'female' },
      { jurisdiction: 'england-and-wales' },
    );
    expect(record.fullName).toBeNull();
    expect(record.givenNames).toBe('Thi Lan');
    expect(record.sex).toBe('female');
    expect(record.phones).toEqual(['087 123 4567', '+44 7700 900123']);
    // A nickname stands in for the given name; the family name stays.
    expect(record.aliases).toEqual(['Nguyen, Lily']);
    expect(record.estimatedAge).toEqual({ years: 25, asOf: null });
  });
});

const LOOSE_SWAP = 'given and family names swapped, with a typo or an initial';

describe('comparisons for this kind of data', () => {
  const level = (kind: 'givenName' | 'familyName' | 'dateOfBirth' | 'alias', left: Partial<PersonRecord>, right: Partial<PersonRecord>): string => {
    const prepared = prepareRecords([
      { recordId: 'l', sourceId: 'a', ...left },
      { recordId: 'r', sourceId: 'b', ...right },
    ]);
    const definition = comparisonKinds[kind];
    const spec = { kind };
    const value = definition.comparator(spec)(prepared.table, 0, 1);
    return value === 0 ? 'null' : (definition.levelLabels(spec)[value - 1] ?? `?${value}`);
  };

  it('sees a swap through a middle name, a typo or an initial', () => {
    expect(level('familyName', { givenNames: 'Nguyen Thi', familyName: 'Thao' }, { givenNames: 'Thi Thao', familyName: 'Nguyen' })).toBe(
      'given and family names swapped',
    );
    expect(level('familyName', { givenNames: 'Nguyen Thi', familyName: 'Thao' }, { givenNames: 'Thi Thao', familyName: 'Nguyeen' })).toBe(
      LOOSE_SWAP,
    );
    expect(level('familyName', { givenNames: 'Andreea', familyName: 'Rusu' }, { givenNames: 'Rusu', familyName: 'A.' })).toBe(
      LOOSE_SWAP,
    );
    expect(level('familyName', { givenNames: 'John', familyName: 'Walker' }, { givenNames: 'Wakker', familyName: 'J.' })).toBe(
      LOOSE_SWAP,
    );
    expect(level('familyName', { givenNames: 'Stephen', familyName: 'Walker' }, { givenNames: 'Walker', familyName: 'Stevrn' })).toBe(
      LOOSE_SWAP,
    );
    // Two weak crossings are not enough.
    expect(level('familyName', { givenNames: 'Stephen', familyName: 'Wagner' }, { givenNames: 'Walker', familyName: 'Stevrn' })).not.toMatch(/swapped/);
    expect(level('familyName', { givenNames: 'Ana', familyName: 'B.' }, { givenNames: 'Bob', familyName: 'A.' })).not.toMatch(/swapped/);
  });

  it('matches a person recorded by a nickname alone against that nickname among the other’s aliases', () => {
    const known = { givenNames: 'Artan', familyName: 'Hyaa', aliases: ['Hyaa, Lela'] };
    expect(level('alias', { givenNames: 'Lela' }, known)).toBe('an alias equals the only name recorded');
    // Officers put a lone name in either field.
    expect(level('alias', { familyName: 'Lela' }, known)).toBe('an alias equals the only name recorded');
    expect(level('alias', { givenNames: 'Lela', familyName: 'Hoxha' }, known)).toBe('else, one record has aliases');
    expect(level('alias', { givenNames: 'Lela', familyName: 'Hyaa' }, known)).toBe('an alias equals a name');
    // Two namesakes with the same nickname share no more than the nickname: the family name in
    // it is the family-name comparison's evidence.
    expect(level('alias', { givenNames: 'Agron', familyName: 'Hyaa', aliases: ['Hyaa, Lela'] }, known)).toBe('the same alias on both');
    // An alias that is a full name of its own still counts as one.
    expect(level('alias', { givenNames: 'Jun', familyName: 'Chui', aliases: ['Ah Wei'] }, { givenNames: 'Zhao', familyName: 'Jun', aliases: ['Ah Wei'] })).toBe(
      'an alias equals a name',
    );
  });

  it('measures a partial date of birth from the nearest day it covers', () => {
    expect(level('dateOfBirth', { dateOfBirth: '1970' }, { dateOfBirth: '1971-04-29' })).toBe('within a year');
    expect(level('dateOfBirth', { dateOfBirth: '1990-01' }, { dateOfBirth: '1991-01-11' })).toBe('within a year');
    expect(level('dateOfBirth', { dateOfBirth: '1970' }, { dateOfBirth: '1972-01-02' })).toBe('else');
  });

  it('does not let a shared first given name make different second names similar', () => {
    expect(level('givenName', { givenNames: 'Văn Cường', familyName: 'Nguyen' }, { givenNames: 'Văn Long', familyName: 'Nguyen' })).toBe('else');
    expect(level('givenName', { givenNames: 'Thi Thao', familyName: 'Nguyen' }, { givenNames: 'Thi Thoa', familyName: 'Nguyen' })).toMatch(/^Jaro–Winkler/);
  });
});

/** Links the people found on the demo operation's visits and scores pairs and clusters against the generator's truth. */
async function linkDemoOperation(scale: number, seed = 1): Promise<{ pairs: PairwiseAccuracy; clusters: PairwiseAccuracy; sources: number; linkType: string }> {
  const { records, truth } = generateOperation({ seed, scale, forces: EXAMPLE_FORCE_ROSTER });
  const people = personRecordsFromPeopleFound(records.peopleFound, records.visits, EXAMPLE_FORCE_ROSTER);
  const truePerson = new Map<string, string>();
  for (const p of truth.people) for (const r of p.records) truePerson.set(r.personFoundId, p.truePersonId);

  const result = await linkRecords(people, { threads: 0, threshold: 0.9 });

  const entity = result.prepared.recordIds.map((id) => truePerson.get(id) ?? `no truth for ${id}`);
  expect(entity.filter((e) => e.startsWith('no truth'))).toEqual([]);
  const source = result.prepared.table.source;
  return {
    pairs: pairwiseAccuracy(result.pairs.left, result.pairs.right, entity, source, 'linkAndDedupe'),
    clusters: clusterAccuracy(result.clusters, entity, source, 'linkAndDedupe'),
    sources: new Set(people.map((p) => p.sourceId)).size,
    linkType: result.model.settings.linkType,
  };
}

describe('the demo operation, without labels', () => {
  // Issue 7 asks for pairwise F1 ≥ 0.95 at scale 1: reached. Scored pairs at seed 1: P 0.956,
  // R 0.946, F1 0.951 (0.937 before 2026-12-06's third round: the area where found, neighbouring
  // nationalities, age estimates within two years, a given name left out, a name crossed once,
  // estimates far out apart from dates far apart, aliases against a record with none, names a
  // letter apart at the front one level down; 0.936 before the second round, 0.919 before the
  // first); seed 2 0.955 (was 0.951). The pairs implied by the clusters: F1 0.961 at seed 1 (0.959
  // before), 0.975 at seed 2 (0.962). What remains is namesakes with names, sex and nationality
  // only ("A. Munteanu", "Imran White") and nicknames with nothing else in common ("Mo" /
  // "Michael Johnson"); the model's weights agree with the truth's level by level, so neither is
  // a training error. bench/linkage.md counts them.
  it('links people found across and within forces at scale 1: pairwise F1 ≥ 0.95 (issue 7), clusters F1 ≥ 0.96', async () => {
    const { pairs, clusters, sources, linkType } = await linkDemoOperation(1);
    expect(sources).toBeGreaterThan(20);
    expect(linkType).toBe('linkAndDedupe');
    expect(pairs.truePairs).toBeGreaterThan(300);
    expect(pairs.precision).toBeGreaterThanOrEqual(0.955);
    expect(pairs.recall).toBeGreaterThanOrEqual(0.945);
    expect(pairs.f1).toBeGreaterThanOrEqual(0.95);
    expect(clusters.f1).toBeGreaterThanOrEqual(0.96);
  }, 30_000);

  it('holds on another operation (seed 2): pairwise F1 ≥ 0.95, clusters F1 ≥ 0.97', async () => {
    const { pairs, clusters } = await linkDemoOperation(1, 2);
    expect(pairs.truePairs).toBeGreaterThan(300);
    expect(pairs.f1).toBeGreaterThanOrEqual(0.95);
    expect(clusters.f1).toBeGreaterThanOrEqual(0.97);
  }, 30_000);

  // Clusters precision 0.816, recall 0.928, F1 0.869 (0.825 / 0.916 / 0.868 before the third
  // round); pairs F1 0.843 (0.830). Precision sits on a knife edge: an estimated age more than five
  // years out weighs -5.5 here, just above the -6 at which it keeps two records apart
  // (clusterConstraints.ts); at -6.0, without the area comparison, precision was 0.824.
  it('does not chain namesakes into one cluster at scale 10: clusters precision ≥ 0.81 (0.36 by connected components)', async () => {
    const { pairs, clusters } = await linkDemoOperation(10);
    expect(pairs.truePairs).toBeGreaterThan(5000);
    expect(clusters.precision).toBeGreaterThanOrEqual(0.81);
    expect(clusters.recall).toBeGreaterThanOrEqual(0.92);
    expect(pairs.f1).toBeGreaterThanOrEqual(0.84);
  }, 120_000);
});
