// Records with counts known in advance for published statistics: three forces over three months
// (January to March 2007), some cells small enough to be suppressed. The expected figures below
// are written by hand from the loops that make the records, not computed by the code under test.
import type { PersonFoundRow } from '../../src/store/schema.ts';
import type { TestRuntime } from './databases.ts';
import { organisationId } from './fixtures.ts';

const AT = '2026-01-01T00:00:00.000Z';
export const STATISTICS_OPERATION_ID = '01900000-0000-7000-8000-0000000005a1';

/** Visits by force (Metropolitan, West Midlands, Police Scotland) and month (Jan, Feb, Mar 2007). */
const VISITS: Record<string, [number, number, number]> = { metropolitan: [10, 8, 12], 'west-midlands': [6, 2, 7], 'police-scotland': [1, 0, 5] };

/** Hand-counted: Met's first two January visits are to one premises; one Met suspect is arrested twice. */
export const EXPECTED = {
  visits: 51, premisesVisited: 50, potentialVictims: 33, possibleChildren: 7, arrests: 16, peopleArrested: 15, charges: 6,
  byForce: {
    'Metropolitan Police Service': { visits: 30, premisesVisited: 29, potentialVictims: 30, possibleChildren: 7, arrests: 13, peopleArrested: 12, charges: 6 },
    'West Midlands Police': { visits: 15, premisesVisited: 15, potentialVictims: 3, possibleChildren: 0, arrests: 3, peopleArrested: 3, charges: 0 },
    'Police Scotland': { visits: 6, premisesVisited: 6, potentialVictims: 0, possibleChildren: 0, arrests: 0, peopleArrested: 0, charges: 0 },
  },
  byMonth: { visits: [17, 10, 24], potentialVictims: [11, 9, 13], arrests: [6, 5, 5] },
  cashGbpMinor: 123_400,
} as const;

let counter = 0;
const id = (prefix: number) => `01900000-0000-7000-8${String(prefix).padStart(3, '0')}-${String((counter += 1)).padStart(12, '0')}`;

function person(personId: string, visitId: string, organisation: string, role: string, child: boolean): PersonFoundRow {
  return {
    id: personId, visit_id: visitId, organisation_id: organisation, role, given_names: 'Test', family_name: 'Person', full_name: 'Test Person', aliases: '[]',
    name_search: 'test person', date_of_birth: null, estimated_age: child ? 16 : 30, sex: 'female', nationality: 'VN', languages: '["vi"]', identity_documents: '[]',
    phone_numbers: '[]', account: '', exploitation_type: role === 'potential-victim' ? 'labour-exploitation' : null, possible_child: child ? 1 : 0,
    consent: role === 'potential-victim' ? 'given' : null, interpreter_language: null, created_by: null, created_at: AT, updated_at: AT,
  };
}

export async function seedStatisticsFixture(runtime: TestRuntime): Promise<{ operationId: string }> {
  const forces = Object.fromEntries(await Promise.all(Object.keys(VISITS).map(async (code) => [code, await organisationId(runtime, code)] as const)));
  await runtime.store.transaction(async (r) => {
    await r.operations.insert({ id: STATISTICS_OPERATION_ID, code: 'statistics-fixture', name: 'Operation Figures', starts_on: '2007-01-01', ends_on: '2007-03-31', created_at: AT, updated_at: AT }, Object.values(forces));
    for (const [code, perMonth] of Object.entries(VISITS)) {
      const force = forces[code] ?? '';
      let sharedPremises = '';
      for (const [m, count] of perMonth.entries()) {
        for (let n = 0; n < count; n += 1) {
          const reuse: boolean = code === 'metropolitan' && m === 0 && n === 1;
          const premisesId: string = reuse ? sharedPremises : id(1);
          if (!reuse) {
            await r.premises.insertMany([{ id: premisesId, organisation_id: force, premises_type: 'nail-bar', name: null, address_lines: '["1 High Street"]', town: 'Town', postcode: 'E1 6AN', postcode_key: 'E16AN', created_by: null, created_at: AT, updated_at: AT }]);
          }
          if (code === 'metropolitan' && m === 0 && n === 0) sharedPremises = premisesId;
          const visitId = id(2);
          const day = String(n + 1).padStart(2, '0');
          await r.visits.insertMany([{ id: visitId, operation_id: STATISTICS_OPERATION_ID, premises_id: premisesId, organisation_id: force, visited_at: `2007-0${m + 1}-${day}T10:00:00.000Z`, warrant: 1, outcome: 'victims-found', notes: '', created_by: null, created_at: AT, updated_at: AT }]);
          const people: PersonFoundRow[] = [];
          // Met: one potential victim on every visit; the first 7 (January's) possibly children.
          if (code === 'metropolitan') people.push(person(id(3), visitId, force, 'potential-victim', m === 0 && n < 7));
          // West Midlands: a potential victim on its first visit of each month.
          if (code === 'west-midlands' && n === 0) people.push(person(id(3), visitId, force, 'potential-victim', false));
          // A suspect arrested on Met visits 0–3 of each month, on West Midlands' first visit of each month.
          const arrested = (code === 'metropolitan' && n < 4) || (code === 'west-midlands' && n === 0);
          const suspect = arrested ? person(id(4), visitId, force, 'suspect', false) : null;
          if (suspect !== null) people.push(suspect);
          if (people.length > 0) await r.peopleFound.insertMany(people);
          if (suspect !== null) {
            const arrestId = id(5);
            await r.arrests.insertMany([{ id: arrestId, person_found_id: suspect.id, visit_id: visitId, organisation_id: force, offence: 'soa-2003-s53-controlling-prostitution-for-gain', arrested_at: `2007-0${m + 1}-${day}T11:00:00.000Z`, place: '', created_by: null, created_at: AT, updated_at: AT }]);
            // Met's January suspect on visit 0 is arrested again the next day (counted twice in arrests, once in people arrested).
            if (code === 'metropolitan' && m === 0 && n === 0) {
              await r.arrests.insertMany([{ id: id(5), person_found_id: suspect.id, visit_id: visitId, organisation_id: force, offence: 'soa-2003-s53-controlling-prostitution-for-gain', arrested_at: '2007-01-02T09:00:00.000Z', place: '', created_by: null, created_at: AT, updated_at: AT }]);
            }
            // Met's arrests on visits 0 and 1 of each month lead to a charge.
            if (code === 'metropolitan' && n < 2) {
              await r.arrests.insertCharges([{ id: id(6), arrest_id: arrestId, offence: 'soa-2003-s53-controlling-prostitution-for-gain', charged_on: `2007-0${m + 1}-${day}`, court_outcome: 'awaiting-trial', sentence_months: null, created_at: AT, updated_at: AT }]);
            }
          }
          if (code === 'metropolitan' && m === 2 && n === 0) {
            await r.visits.insertSeizedAssets([{ id: id(7), visit_id: visitId, organisation_id: force, asset_type: 'cash', amount_minor: 123_400, currency: 'GBP', description: '', created_at: AT, updated_at: AT }]);
          }
        }
      }
    }
  });
  return { operationId: STATISTICS_OPERATION_ID };
}
