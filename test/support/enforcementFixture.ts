// A hand-built set of enforcement records with counts known in advance, for testing figures and access.
import { nameSearchText } from '../../src/domain/nameSearch.ts';
import type { PersonFoundRow } from '../../src/store/schema.ts';
import type { TestRuntime } from './databases.ts';
import { organisationId } from './fixtures.ts';

export interface EnforcementFixture {
  met: string;
  westMidlands: string;
  operationId: string;
  visits: Record<'v1' | 'v2' | 'v3' | 'v4', string>;
  people: Record<'lan' | 'child' | 'popescu' | 'wmVictim', string>;
}

const AT = '2026-01-01T00:00:00.000Z';

function person(id: string, visitId: string, organisation: string, role: string, names: { given: string; family: string; full: string; aliases?: string[] }, child = false): PersonFoundRow {
  return {
    id, visit_id: visitId, organisation_id: organisation, role, given_names: names.given, family_name: names.family, full_name: names.full,
    aliases: JSON.stringify(names.aliases ?? []), name_search: nameSearchText([names.full, `${names.given} ${names.family}`, ...(names.aliases ?? [])]),
    date_of_birth: null, estimated_age: child ? 16 : 30, sex: 'female', nationality: 'VN', languages: '["vi"]', identity_documents: '[]', phone_numbers: '[]',
    account: 'Found at the premises.', exploitation_type: role === 'potential-victim' ? 'sexual-exploitation' : null, possible_child: child ? 1 : 0,
    consent: role === 'potential-victim' ? 'given' : null, interpreter_language: null, created_by: null, created_at: AT, updated_at: AT,
  };
}

export async function seedEnforcementFixture(runtime: TestRuntime): Promise<EnforcementFixture> {
  const met = await organisationId(runtime, 'metropolitan');
  const westMidlands = await organisationId(runtime, 'west-midlands');
  const operationId = '01900000-0000-7000-8000-0000000000a1';
  const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
  const visits = { v1: id(11), v2: id(12), v3: id(13), v4: id(14) };
  const people = { lan: id(21), child: id(22), popescu: id(23), wmVictim: id(24) };
  await runtime.store.transaction(async (r) => {
    await r.operations.insert({ id: operationId, code: 'fixture-operation', name: 'Fixture Operation', starts_on: '2007-01-01', ends_on: '2007-06-30', created_at: AT, updated_at: AT }, [met, westMidlands]);
    const premises = (n: number, organisation: string, type: string, postcode: string) => ({
      id: id(n), organisation_id: organisation, premises_type: type, name: null, address_lines: '["1 High Street"]', town: 'Town', postcode,
      postcode_key: postcode.replace(/\s+/g, ''), created_by: null, created_at: AT, updated_at: AT,
    });
    await r.premises.insertMany([premises(1, met, 'brothel', 'E1 6AN'), premises(2, met, 'nail-bar', 'N15 4AA'), premises(3, westMidlands, 'car-wash', 'B1 1AA')]);
    const visit = (visitId: string, premisesN: number, organisation: string, at: string) => ({
      id: visitId, operation_id: operationId, premises_id: id(premisesN), organisation_id: organisation, visited_at: at, warrant: 1, outcome: 'victims-found', notes: '', created_by: null, created_at: AT, updated_at: AT,
    });
    await r.visits.insertMany([
      visit(visits.v1, 1, met, '2007-01-10T22:00:00.000Z'), visit(visits.v2, 1, met, '2007-02-10T22:00:00.000Z'),
      visit(visits.v3, 2, met, '2007-03-01T10:00:00.000Z'), visit(visits.v4, 3, westMidlands, '2007-01-20T10:00:00.000Z'),
    ]);
    await r.peopleFound.insertMany([
      person(people.lan, visits.v1, met, 'potential-victim', { given: 'Thị Lan', family: 'Nguyễn', full: 'Nguyễn Thị Lan', aliases: ['Lan Nguyen'] }),
      person(people.child, visits.v1, met, 'potential-victim', { given: 'Mai', family: 'Trần', full: 'Trần Mai' }, true),
      person(people.popescu, visits.v1, met, 'suspect', { given: 'Ion', family: 'Popescu', full: 'POPESCU Ion' }),
      person(people.wmVictim, visits.v4, westMidlands, 'potential-victim', { given: 'Ana', family: 'Ionescu', full: 'Ana Ionescu' }),
    ]);
    const arrest = (n: number, visitId: string, organisation: string, personId: string, at: string) => ({
      id: id(n), person_found_id: personId, visit_id: visitId, organisation_id: organisation, offence: 'soa-2003-s53-controlling-prostitution-for-gain', arrested_at: at, place: '', created_by: null, created_at: AT, updated_at: AT,
    });
    await r.arrests.insertMany([
      arrest(31, visits.v1, met, people.popescu, '2007-01-10T23:00:00.000Z'),
      arrest(32, visits.v2, met, people.popescu, '2007-02-10T23:00:00.000Z'),
      arrest(33, visits.v4, westMidlands, people.wmVictim, '2007-01-20T11:00:00.000Z'),
    ]);
    await r.arrests.insertCharges([{ id: id(41), arrest_id: id(31), offence: 'soa-2003-s53-controlling-prostitution-for-gain', charged_on: '2007-01-11', court_outcome: 'convicted-guilty-plea', sentence_months: 30, created_at: AT, updated_at: AT }]);
    await r.visits.insertSeizedAssets([
      { id: id(51), visit_id: visits.v1, organisation_id: met, asset_type: 'cash', amount_minor: 50_000, currency: 'GBP', description: '', created_at: AT, updated_at: AT },
      { id: id(52), visit_id: visits.v3, organisation_id: met, asset_type: 'vehicle', amount_minor: 900_000, currency: 'GBP', description: '', created_at: AT, updated_at: AT },
    ]);
  });
  return { met, westMidlands, operationId, visits, people };
}
