// The people list reads people_found_search, a narrow copy of people_found kept by triggers
// (migration 0013). Checked here: the copy equals people_found joined to its visit after records
// are created, edited (the person, and the visit they were found in) and deleted; and the list,
// with every filter, both orders and any page, gives exactly what the join of the records gives.
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Actor, UserActor } from '../../src/access/actor.ts';
import type { PersonFoundInput, VisitInput } from '../../src/services/enforcementRecording.ts';
import { loadDemoOperation } from '../../src/services/demoOperation.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';

const FIXTURE_VERSION = '2026-01-01T00:00:00.000Z';
const PERSON: PersonFoundInput = {
  role: 'suspect', fullName: 'Ştefan Ţepeş', givenNames: 'Ştefan', familyName: 'Ţepeş', aliases: ['Stevie'], dateOfBirth: { day: '', month: '', year: '1980' }, estimatedAge: '',
  sex: 'male', nationality: 'RO', languages: ['ro'], identityDocuments: [], phoneNumbers: [], account: 'Present at the premises.', exploitationType: '', possibleChild: '', consent: '', interpreterLanguage: '',
};

interface CopiedRow {
  id: string; visit_id: string; organisation_id: string; operation_id: string; visited_at: string; role: string; given_names: string; family_name: string; full_name: string;
  aliases: string; date_of_birth: string | null; estimated_age: number | null; sex: string; nationality: string | null; possible_child: number; created_at: string; updated_at: string; names: string;
}

describeEachDatabase('the people list’s narrow copy of the people found', (dialect) => {
  let runtime: TestRuntime;
  let fixture: EnforcementFixture;
  let analyst: Actor;
  let metOfficer: UserActor;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    await loadDemoOperation(runtime.services.context, { seed: 3, scale: 0.15 });
    analyst = await actorFor(runtime, demoAccount('analyst'));
    metOfficer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
  });
  afterEach(async () => runtime.dispose());

  const db = () => runtime.database.db;
  const normalised = (rows: CopiedRow[]) => rows
    .map((r) => ({ ...r, possible_child: Number(r.possible_child), estimated_age: r.estimated_age === null ? null : Number(r.estimated_age) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  /** What the copy must hold: every person found with their visit's time and operation, from the records themselves. */
  async function fromRecords(): Promise<CopiedRow[]> {
    const rows = await db().selectFrom('people_found as p').innerJoin('visits as v', 'v.id', 'p.visit_id')
      .select(['p.id', 'p.visit_id', 'p.organisation_id', 'v.operation_id', 'v.visited_at', 'p.role', 'p.given_names', 'p.family_name', 'p.full_name', 'p.aliases',
        'p.date_of_birth', 'p.estimated_age', 'p.sex', 'p.nationality', 'p.possible_child', 'p.created_at', 'p.updated_at', 'p.name_search as names'])
      .execute();
    return normalised(rows);
  }

  async function copy(): Promise<CopiedRow[]> {
    const rows = await db().selectFrom('people_found_search as s')
      .select(['s.person_found_id as id', 's.visit_id', 's.organisation_id', 's.operation_id', 's.visited_at', 's.role', 's.given_names', 's.family_name', 's.full_name', 's.aliases',
        's.date_of_birth', 's.estimated_age', 's.sex', 's.nationality', 's.possible_child', 's.created_at', 's.updated_at', 's.names'])
      .execute();
    return normalised(rows);
  }

  async function namesIndexed(): Promise<number> {
    const table = dialect === 'sqlite' ? sql`people_found_search_names` : sql`people_found_search`;
    const counted = await sql<{ n: number }>`select count(*) as n from ${table}`.execute(db());
    return Number(counted.rows[0]?.n);
  }

  it('holds every person found as the records say, after recording, editing and deleting', async () => {
    const initial = await fromRecords();
    expect(initial.length).toBeGreaterThan(50);
    expect(await copy()).toEqual(initial);

    // Recorded through the service.
    const added = await runtime.services.enforcementRecording.addPersonFound(metOfficer, fixture.visits.v2, PERSON);
    expect((await copy()).find((r) => r.id === added.id)).toMatchObject({ full_name: 'Ştefan Ţepeş', visit_id: fixture.visits.v2, visited_at: '2007-02-10T22:00:00.000Z', operation_id: fixture.operationId });

    // A person edited through the service: names, role, nationality.
    const edited = await runtime.services.enforcementEditing.editPersonFound(metOfficer, fixture.people.lan,
      { ...PERSON, role: 'potential-victim', fullName: 'Lan Hoang', givenNames: 'Lan', familyName: 'Hoàng', aliases: ['Hoa'], nationality: 'CN', sex: 'female', consent: 'given' }, { version: FIXTURE_VERSION });
    expect((await copy()).find((r) => r.id === fixture.people.lan)).toMatchObject({ full_name: 'Lan Hoang', family_name: 'Hoàng', nationality: 'CN', role: 'potential-victim', updated_at: edited.updated_at });

    // The visit they were found in moved in time: the copy moves with it.
    const visit: VisitInput = { operationId: fixture.operationId, visitedOn: { day: '11', month: '1', year: '2007' }, visitedTime: '01:30', warrant: 'yes', outcome: 'victims-found', notes: '' };
    const movedVisit = await runtime.services.enforcementEditing.editVisit(metOfficer, fixture.visits.v1, visit, { version: FIXTURE_VERSION });
    const moved = (await copy()).filter((r) => r.visit_id === fixture.visits.v1);
    expect(moved.length).toBe(3);
    for (const row of moved) expect(row.visited_at).toBe(movedVisit.visited_at);

    // Deleted directly (no service deletes a person; the copy must follow whatever writes).
    await db().deleteFrom('charges').execute();
    await db().deleteFrom('arrests').where('person_found_id', '=', fixture.people.popescu).execute();
    await db().deleteFrom('people_found').where('id', '=', fixture.people.popescu).execute();
    // And a name changed directly, outside the services.
    await db().updateTable('people_found').set({ name_search: ' xavier quixley ' }).where('id', '=', fixture.people.child).execute();

    const after = await fromRecords();
    expect(after.map((r) => r.id)).not.toContain(fixture.people.popescu);
    expect(await copy()).toEqual(after);
    expect(await namesIndexed()).toBe(after.length);
    expect((await runtime.services.enforcementRecords.listPeople(analyst, { name: 'quixley' })).rows.map((r) => r.id)).toEqual([fixture.people.child]);
    expect((await runtime.services.enforcementRecords.listPeople(analyst, { name: 'popescu ion' })).rows.map((r) => r.id)).not.toContain(fixture.people.popescu);
    expect((await runtime.services.enforcementRecords.listPeople(analyst, { name: 'LAN hoàng' })).rows.map((r) => r.id)).toContain(fixture.people.lan);
  });

  it('lists, counts and pages exactly what the records joined to their visits give, with every filter and both orders', async () => {
    const operations = await db().selectFrom('operations').select('id').orderBy('id').execute();
    const popular = await db().selectFrom('people_found').select('nationality').where('nationality', 'is not', null).groupBy('nationality').orderBy((eb) => eb.fn.countAll(), 'desc').limit(1).executeTakeFirstOrThrow();
    const cases: Array<{ label: string; filter: { role?: string; nationality?: string; operationId?: string; forceId?: string; from?: string; to?: string; name?: string } }> = [
      { label: 'everyone', filter: {} },
      { label: 'role', filter: { role: 'potential-victim' } },
      { label: 'nationality', filter: { nationality: popular.nationality ?? 'VN' } },
      { label: 'operation', filter: { operationId: operations.at(-1)?.id ?? fixture.operationId } },
      { label: 'force', filter: { forceId: fixture.met } },
      { label: 'period', filter: { from: '2007-03-01', to: '2007-09-30' } },
      { label: 'name and role', filter: { name: 'an', role: 'potential-victim' } },
      { label: 'long name and period', filter: { name: 'ngu', from: '2007-01-01' } },
    ];
    for (const { label, filter } of cases) {
      for (const sort of ['visited_at', 'name'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          const expected = await viaRecords(filter, sort, direction);
          const listed: string[] = [];
          for (let offset = 0; offset < expected.length + 7; offset += 7) {
            const page = await runtime.services.enforcementRecords.listPeople(analyst, { ...filter, sort, direction }, { limit: 7, offset });
            expect(page.total, `${label} ${sort} ${direction} at ${offset}`).toBe(expected.length);
            listed.push(...page.rows.map((r) => r.id));
          }
          expect(listed, `${label} ${sort} ${direction}`).toEqual(expected);
        }
      }
    }
  });

  /** The list as the records give it: people joined to their visits, filtered and ordered the list's way. */
  async function viaRecords(filter: { role?: string; nationality?: string; operationId?: string; forceId?: string; from?: string; to?: string; name?: string }, sort: 'visited_at' | 'name', direction: 'asc' | 'desc'): Promise<string[]> {
    let q = db().selectFrom('people_found as p').innerJoin('visits as v', 'v.id', 'p.visit_id').select('p.id');
    if (filter.role !== undefined) q = q.where('p.role', '=', filter.role);
    if (filter.nationality !== undefined) q = q.where('p.nationality', '=', filter.nationality);
    if (filter.operationId !== undefined) q = q.where('v.operation_id', '=', filter.operationId);
    if (filter.forceId !== undefined) q = q.where('p.organisation_id', '=', filter.forceId);
    if (filter.from !== undefined) q = q.where('v.visited_at', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('v.visited_at', '<=', `${filter.to}T23:59:59.999Z`);
    if (filter.name !== undefined) q = q.where('p.name_search', 'like', `%${filter.name}%`);
    q = sort === 'name' ? q.orderBy('p.family_name', direction).orderBy('p.given_names', direction) : q.orderBy('v.visited_at', direction);
    return (await q.orderBy('p.id').execute()).map((r) => r.id);
  }
});
