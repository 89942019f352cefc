// Potential victims whose linkage is known by construction: four people recorded more than once
// (across forces and within one), six recorded once, and records that must be left out (a
// suspect, a force on no list, a visit outside the period). The overlap table is hand-computed.
import { nameSearchText } from '../../src/domain/nameSearch.ts';
import type { PersonFoundRow } from '../../src/store/schema.ts';
import type { TestRuntime } from './databases.ts';
import { organisationId } from './fixtures.ts';

const AT = '2026-01-01T00:00:00.000Z';
const id = (prefix: string, n: number) => `01900000-0000-7000-${prefix}-${String(n).padStart(12, '0')}`;

interface Person { given: string; family: string; dob: string; nationality: string; sex: string; passport: string | null; phone: string | null }

const PEOPLE: Record<string, Person> = {
  lan: { given: 'Thi Lan', family: 'Nguyen', dob: '1990-03-04', nationality: 'VN', sex: 'female', passport: 'C1234567', phone: '+44 7700 900101' },
  ana: { given: 'Ana', family: 'Ionescu', dob: '1988-07-12', nationality: 'RO', sex: 'female', passport: '052345678', phone: '+44 7700 900202' },
  maria: { given: 'Maria', family: 'Popa', dob: '1995-01-20', nationality: 'RO', sex: 'female', passport: null, phone: '+44 7700 900303' },
  daniel: { given: 'Daniel', family: 'Kowalski', dob: '1980-11-02', nationality: 'PL', sex: 'male', passport: 'EA7654321', phone: null },
  grace: { given: 'Grace', family: 'Okonkwo', dob: '1992-05-30', nationality: 'NG', sex: 'female', passport: 'A09876543', phone: null },
  mei: { given: 'Mei', family: 'Chen', dob: '1985-09-09', nationality: 'CN', sex: 'female', passport: 'E11223344', phone: null },
  ardit: { given: 'Ardit', family: 'Hoxha', dob: '1999-12-01', nationality: 'AL', sex: 'male', passport: 'BA5566778', phone: null },
  somchai: { given: 'Somchai', family: 'Wongsakul', dob: '1978-02-14', nationality: 'TH', sex: 'male', passport: 'AA9988776', phone: null },
  olena: { given: 'Olena', family: 'Shevchenko', dob: '2001-08-23', nationality: 'UA', sex: 'female', passport: 'FE1357913', phone: null },
  tesfay: { given: 'Tesfay', family: 'Gebremedhin', dob: '1994-04-17', nationality: 'ER', sex: 'male', passport: null, phone: '+44 7700 900909' },
  outsider: { given: 'Baraka', family: 'Mwangi', dob: '1987-06-06', nationality: 'GB', sex: 'male', passport: null, phone: null },
};

export interface HiddenScaleFixture {
  met: string;
  westMidlands: string;
  scotland: string;
  garda: string;
  /** List names in table order and their organisations. */
  lists: Array<{ name: string; organisationIds: string[] }>;
  /** Hand-computed counts by pattern (bit 0 London, bit 1 Midlands and East, bit 2 Scotland). */
  expectedCounts: number[];
  from: string;
  to: string;
}

export async function seedHiddenScaleFixture(runtime: TestRuntime): Promise<HiddenScaleFixture> {
  const met = await organisationId(runtime, 'metropolitan');
  const westMidlands = await organisationId(runtime, 'west-midlands');
  const scotland = await organisationId(runtime, 'police-scotland');
  const garda = await organisationId(runtime, 'garda');
  const operationId = id('8000', 900);
  // [person, force, role, visit date]
  const records: Array<[keyof typeof PEOPLE, string, string, string]> = [
    ['lan', met, 'potential-victim', '2007-01-10'], ['lan', westMidlands, 'potential-victim', '2007-02-11'], ['lan', scotland, 'potential-victim', '2007-03-12'],
    ['ana', met, 'potential-victim', '2007-01-15'], ['ana', westMidlands, 'potential-victim', '2007-04-02'],
    ['maria', met, 'potential-victim', '2007-01-20'], ['maria', met, 'potential-victim', '2007-05-20'],
    ['daniel', scotland, 'potential-victim', '2007-02-01'], ['daniel', met, 'potential-victim', '2007-06-01'],
    ['grace', met, 'potential-victim', '2007-02-03'], ['mei', met, 'potential-victim', '2007-02-04'],
    ['ardit', westMidlands, 'potential-victim', '2007-02-05'], ['somchai', westMidlands, 'potential-victim', '2007-02-06'],
    ['olena', scotland, 'potential-victim', '2007-02-07'], ['tesfay', scotland, 'potential-victim', '2007-02-08'],
    // Left out: a suspect who shares Lan's name, a force on no list, a visit after the period.
    ['lan', met, 'suspect', '2007-01-10'], ['outsider', garda, 'potential-victim', '2007-02-09'], ['outsider', met, 'potential-victim', '2008-02-09'],
  ];
  await runtime.store.transaction(async (r) => {
    await r.operations.insert({ id: operationId, code: 'hidden-scale-fixture', name: 'Hidden scale fixture', starts_on: '2007-01-01', ends_on: '2008-12-31', created_at: AT, updated_at: AT }, [met, westMidlands, scotland, garda]);
    const forces = [met, westMidlands, scotland, garda];
    await r.premises.insertMany(forces.map((force, n) => ({
      id: id('8001', n), organisation_id: force, premises_type: 'brothel', name: null, address_lines: '["1 High Street"]', town: 'Town', postcode: 'E1 6AN',
      postcode_key: 'E16AN', created_by: null, created_at: AT, updated_at: AT,
    })));
    await r.visits.insertMany(records.map(([, force, , date], n) => ({
      id: id('8002', n), operation_id: operationId, premises_id: id('8001', forces.indexOf(force)), organisation_id: force, visited_at: `${date}T22:00:00.000Z`,
      warrant: 1, outcome: 'victims-found', notes: '', created_by: null, created_at: AT, updated_at: AT,
    })));
    await r.peopleFound.insertMany(records.map(([key, force, role], n): PersonFoundRow => {
      const p = PEOPLE[key] as Person;
      return {
        id: id('8003', n), visit_id: id('8002', n), organisation_id: force, role, given_names: p.given, family_name: p.family, full_name: `${p.given} ${p.family}`,
        aliases: '[]', name_search: nameSearchText([`${p.given} ${p.family}`]), date_of_birth: p.dob, estimated_age: null, sex: p.sex, nationality: p.nationality,
        languages: '[]', identity_documents: JSON.stringify(p.passport === null ? [] : [{ kind: 'passport', number: p.passport, issuingCountry: p.nationality }]),
        phone_numbers: JSON.stringify(p.phone === null ? [] : [p.phone]), account: '', exploitation_type: null, possible_child: 0, consent: null,
        interpreter_language: null, created_by: null, created_at: AT, updated_at: AT,
      };
    }));
  });
  const lists = [
    { name: 'London', organisationIds: [met] },
    { name: 'Midlands and East of England', organisationIds: [westMidlands] },
    { name: 'Scotland', organisationIds: [scotland] },
  ];
  //            none  L  M  LM  S  LS  MS  LMS
  const expectedCounts = [0, 3, 2, 1, 2, 1, 0, 1];
  return { met, westMidlands, scotland, garda, lists, expectedCounts, from: '2007-01-01', to: '2007-12-31' };
}

/** The person-found id of the fixture's record n (its order in the list above). */
export const fixtureRecordId = (n: number): string => id('8003', n);

export interface StoredLinkageFixture {
  /** The latest finished run: the one estimates must use. */
  runId: string;
  /** An older run whose review pair (Maria with Grace, 0.95) must be ignored. */
  olderRunId: string;
  /** Hand-computed overlap counts (bit 0 London, bit 1 Midlands and East, bit 2 Scotland) by threshold. */
  expectedCounts: Record<'0.2' | '0.35' | '0.5' | '0.9', number[]>;
}

/**
 * A saved linkage of the fixture's records, written by hand so the overlap table can be worked out
 * by hand. Clusters: Lan (her three records and the suspect), Ana, Maria, Daniel's Scottish and
 * London records apart, Olena with the Garda record (a force on no list), everyone else alone;
 * Tesfay's record is in no cluster (made since the run). Pairs awaiting review: Daniel's two
 * records (0.6), Grace–Mei (0.3), Olena–Tesfay (0.4, decided "unsure"); Ardit–Somchai (0.7) was
 * decided "different", so it never joins.
 */
export async function seedStoredLinkage(runtime: TestRuntime): Promise<StoredLinkageFixture> {
  const runId = id('8004', 2);
  const olderRunId = id('8004', 1);
  const run = (runIdOf: string, finishedAt: string) => ({
    id: runIdOf, started_by: null, started_by_label: 'test', trigger: 'command', status: 'finished', stage: 'store', stage_fraction: 1, scope: 'null',
    lower_threshold: 0.2, upper_threshold: 0.9, record_count: 18, pair_count: 6, review_pair_count: 4, cluster_count: 13, label_count: 0, model_json: null, error: null,
    started_at: finishedAt, finished_at: finishedAt,
  });
  const clusters: number[][] = [[0, 1, 2, 15], [3, 4], [5, 6], [7], [8], [9], [10], [11], [12], [13, 16], [17]];
  const pair = (runIdOf: string, n: number, left: number, right: number, probability: number) => ({
    id: id('8006', n), run_id: runIdOf, left_person_id: fixtureRecordId(left), right_person_id: fixtureRecordId(right), match_probability: probability,
    match_weight: Math.log2(probability / (1 - probability)), waterfall: runtime.services.context.fieldCipher.seal('{}'), created_at: '2026-01-02T00:00:00.000Z',
  });
  const decision = (n: number, left: number, right: number, made: string) => ({
    id: id('8007', n), pair_id: null, left_person_id: fixtureRecordId(left), right_person_id: fixtureRecordId(right), decision: made, reason: 'test',
    decided_by: null, decided_by_label: 'test', decided_at: '2026-01-03T00:00:00.000Z',
  });
  await runtime.store.transaction(async (r) => {
    await r.linkage.insertRun(run(olderRunId, '2026-01-01T00:00:00.000Z'));
    await r.linkage.insertRun(run(runId, '2026-01-02T00:00:00.000Z'));
    await r.linkage.insertClusters(clusters.map((members, n) => ({ id: id('8005', n), created_by_run_id: runId, member_count: members.length, created_at: AT, updated_at: AT })));
    await r.linkage.setMembership(clusters.flatMap((members, n) => members.map((m) => ({ person_found_id: fixtureRecordId(m), cluster_id: id('8005', n), updated_at: AT }))));
    await r.linkage.insertPairs([
      pair(olderRunId, 0, 5, 9, 0.95),
      pair(runId, 1, 7, 8, 0.6), pair(runId, 2, 9, 10, 0.3), pair(runId, 3, 11, 12, 0.7), pair(runId, 4, 13, 14, 0.4),
    ]);
    await r.linkage.insertDecision(decision(1, 11, 12, 'different'));
    await r.linkage.insertDecision(decision(2, 13, 14, 'unsure'));
  });
  return {
    runId, olderRunId,
    expectedCounts: {
      //       none  L  M  LM  S  LS  MS  LMS
      '0.9': [0, 4, 2, 1, 3, 0, 0, 1], // the clusters alone: 11 people
      '0.5': [0, 3, 2, 1, 2, 1, 0, 1], // Daniel's two records joined: London and Scotland
      '0.35': [0, 3, 2, 1, 1, 1, 0, 1], // and Olena with Tesfay ("unsure" still awaits review)
      '0.2': [0, 2, 2, 1, 1, 1, 0, 1], // and Grace with Mei
    },
  };
}
