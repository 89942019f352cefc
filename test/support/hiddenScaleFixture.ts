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
