// The operation's results over the whole period come from figures the database keeps as records
// are written (migration 0005). Here they are checked against a count from the records, over the
// demo operation and the hand-built fixture, after every kind of write there is and some there is
// not yet (edits and deletes straight in the database).
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadDemoOperation } from '../../src/services/demoOperation.ts';
import { countOperationResults } from '../../src/store/migrations/0005-search-and-results.ts';
import type { ForceResultsRow } from '../../src/store/repositories/operationResults.ts';
import type { EnforcementScope } from '../../src/store/repositories/enforcementScope.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';

function byOrganisation(rows: readonly ForceResultsRow[]): ForceResultsRow[] {
  return [...rows].sort((a, b) => a.organisationId.localeCompare(b.organisationId));
}

describeEachDatabase('operation results kept as records are written', (dialect) => {
  let runtime: TestRuntime;
  let fixture: EnforcementFixture;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    await loadDemoOperation(runtime.services.context, { seed: 3, scale: 0.3 });
  });
  afterEach(async () => runtime.dispose());

  const results = () => runtime.store.repositories.operationResults;
  const db = () => runtime.database.db;

  /** Every scope the kept figures serve: all operations or one, every force or some. */
  async function scopes(): Promise<Array<Omit<EnforcementScope, 'from' | 'to'>>> {
    const operations = await db().selectFrom('operations').select('id').execute();
    const forces = [[fixture.met], [fixture.met, fixture.westMidlands], (await db().selectFrom('visits').select('organisation_id').distinct().execute()).map((r) => r.organisation_id)];
    return [{}, ...operations.map((o) => ({ operationId: o.id })), ...forces.map((organisationIds) => ({ organisationIds })), ...forces.map((organisationIds) => ({ organisationIds, operationId: fixture.operationId }))];
  }

  async function expectKeptEqualsRecount(): Promise<void> {
    for (const scope of await scopes()) {
      const kept = byOrganisation(await results().keptFigures(scope));
      expect(kept, JSON.stringify(scope)).toEqual(byOrganisation(await results().countFromRecords(scope)));
      expect(await results().byForce(scope)).toEqual(await results().keptFigures(scope));
    }
  }

  it('gives the same figures as a count from the records, for every operation and force', async () => {
    const national = await results().keptFigures({});
    expect(national.length).toBeGreaterThan(5);
    expect(national.reduce((n, r) => n + r.visits, 0)).toBe(240 + 4);
    expect(national.find((r) => r.organisationId === fixture.met)).toMatchObject({ premisesVisited: expect.any(Number) as number });
    await expectKeptEqualsRecount();
    // A date range is counted from the records.
    const january = await results().byForce({ from: '2007-01-01', to: '2007-01-31', organisationIds: [fixture.met] });
    expect(january).toEqual(await results().countFromRecords({ from: '2007-01-01', to: '2007-01-31', organisationIds: [fixture.met] }));
  });

  it('keeps the figures through recording, a court outcome and a multi-row insert with repeats', async () => {
    const officer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    const recording = runtime.services.enforcementRecording;
    // A second visit to a premises already visited, a victim, an arrest of a person already arrested, a charge, cash.
    const visit = await recording.recordVisit(officer, (await db().selectFrom('visits').select('premises_id').where('id', '=', fixture.visits.v3).executeTakeFirstOrThrow()).premises_id, {
      operationId: fixture.operationId, visitedOn: { day: '5', month: '3', year: '2007' }, visitedTime: '21:00', warrant: 'yes', outcome: 'victims-found', notes: '',
    });
    await recording.addPersonFound(officer, visit.id, {
      role: 'potential-victim', fullName: 'Trần Thị Hương', givenNames: 'Thị Hương', familyName: 'Trần', aliases: ['Huong'], dateOfBirth: { day: '', month: '', year: '1992' }, estimatedAge: '',
      sex: 'female', nationality: 'VN', languages: ['Vietnamese'], identityDocuments: [], phoneNumbers: [], account: 'Found at the premises.', exploitationType: 'sexual-exploitation',
      possibleChild: 'yes', consent: 'given', interpreterLanguage: 'Vietnamese',
    });
    const arrest = await recording.recordArrest(officer, fixture.people.popescu, { offence: 'soa-2003-s53-controlling-prostitution-for-gain', arrestedOn: { day: '5', month: '3', year: '2007' }, arrestedTime: '22:00', place: '' });
    const charge = await recording.addCharge(officer, arrest.id, { offence: 'soa-2003-s53-controlling-prostitution-for-gain', chargedOn: { day: '6', month: '3', year: '2007' }, courtOutcome: 'awaiting-trial', sentenceMonths: '' });
    await recording.recordSeizedAsset(officer, visit.id, { assetType: 'cash', amount: '300', currency: 'EUR', description: '' });
    await recording.recordCourtOutcome(officer, charge.id, { courtOutcome: 'convicted-after-trial', sentenceMonths: '24' });
    const met = (await results().keptFigures({ operationId: fixture.operationId, organisationIds: [fixture.met] }))[0];
    expect(met).toMatchObject({ visits: 4, premisesVisited: 2, potentialVictims: 3, possibleChildren: 2, arrests: 3, peopleArrested: 1, charges: 2, cashSeizedMinor: { GBP: 50_000, EUR: 30_000 } });

    // One statement inserting two visits to one new premises and one to an old: each premises counted once.
    const premisesId = '01900000-0000-7000-8000-0000000000f1';
    const at = '2026-01-02T00:00:00.000Z';
    await db().insertInto('premises').values({ id: premisesId, organisation_id: fixture.met, premises_type: 'sauna', name: null, address_lines: '[]', town: 'Town', postcode: 'E1 1AA', postcode_key: 'E11AA', created_by: null, created_at: at, updated_at: at }).execute();
    const visitRow = (n: number, premises: string) => ({ id: `01900000-0000-7000-8000-0000000000e${n}`, operation_id: fixture.operationId, premises_id: premises, organisation_id: fixture.met, visited_at: '2007-04-0' + String(n) + 'T10:00:00.000Z', warrant: 0, outcome: 'no-one-found', notes: '', created_by: null, created_at: at, updated_at: at });
    await runtime.store.repositories.visits.insertMany([visitRow(1, premisesId), visitRow(2, premisesId), visitRow(3, visit.premises_id)]);
    expect((await results().keptFigures({ operationId: fixture.operationId, organisationIds: [fixture.met] }))[0]).toMatchObject({ visits: 7, premisesVisited: 3 });
    await expectKeptEqualsRecount();
  });

  it('recounts a force after an edit of a counted column or a delete', async () => {
    const other = (await db().selectFrom('operations').select('id').where('id', '<>', fixture.operationId).executeTakeFirstOrThrow()).id;
    const edits = [
      db().updateTable('people_found').set({ role: 'suspect' }).where('id', '=', fixture.people.lan),
      db().updateTable('people_found').set({ possible_child: 1 }).where('id', '=', fixture.people.wmVictim),
      db().updateTable('visits').set({ operation_id: other }).where('id', '=', fixture.visits.v2),
      db().updateTable('visits').set({ premises_id: (await db().selectFrom('visits').select('premises_id').where('id', '=', fixture.visits.v4).executeTakeFirstOrThrow()).premises_id, organisation_id: fixture.westMidlands }).where('id', '=', fixture.visits.v3),
      db().updateTable('arrests').set({ person_found_id: fixture.people.lan }).where('id', '=', '01900000-0000-7000-8000-000000000032'),
      db().updateTable('seized_assets').set({ amount_minor: 70_000 }).where('id', '=', '01900000-0000-7000-8000-000000000051'),
    ];
    for (const edit of edits) {
      await edit.execute();
      await expectKeptEqualsRecount();
    }
    await db().deleteFrom('seized_assets').where('id', '=', '01900000-0000-7000-8000-000000000051').execute();
    await db().deleteFrom('charges').where('id', '=', '01900000-0000-7000-8000-000000000041').execute();
    await db().deleteFrom('arrests').where('person_found_id', '=', fixture.people.popescu).execute();
    await expectKeptEqualsRecount();
  });

  it('fills the figures from existing records as the migration does', async () => {
    const snapshot = async () => ({
      totals: await db().selectFrom('operation_result_totals').selectAll().orderBy('organisation_id').orderBy('operation_id').execute(),
      cash: await db().selectFrom('operation_result_cash').selectAll().orderBy('organisation_id').orderBy('operation_id').orderBy('currency').execute(),
    });
    const kept = await snapshot();
    await sql`delete from operation_result_totals`.execute(db());
    await countOperationResults(db());
    expect(await snapshot()).toEqual(kept);
  });
});
