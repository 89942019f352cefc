// The dashboards sum kept days (dayLedger.ts) instead of counting the records for each period.
// Here the sums are checked against the direct count of every definition (directCount.ts) on the
// demo operation at a small scale with the hand-built fixture, for random periods of each
// operation and of every operation together, and again after records change.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { UserActor } from '../../src/access/actor.ts';
import { factsForPeriod, readDayLedger } from '../../src/services/dashboard/dayLedger.ts';
import { countDashboardFactsDirectly } from '../../src/services/dashboard/directCount.ts';
import type { DashboardFacts } from '../../src/services/dashboard/facts.ts';
import { forceView, nationalView } from '../../src/services/dashboard/view.ts';
import { loadDemoOperation } from '../../src/services/demoOperation.ts';
import type { DashboardScope } from '../../src/store/repositories/dashboard.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';

const TODAY = '2026-03-02';
const COUNTED_AT = '2026-03-02T09:00:00.000Z';

/** A small deterministic generator, so a failure names a period that can be tried again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The facts with every list in one order and rows of the same key merged, as the views read them. */
function normalised(facts: DashboardFacts): unknown {
  const merge = <T extends { organisationId: string }>(rows: readonly T[], key: (r: T) => string, add: (into: T, from: T) => void): T[] => {
    const merged = new Map<string, T>();
    for (const r of rows) {
      const k = `${r.organisationId} ${key(r)}`;
      const into = merged.get(k);
      if (into === undefined) merged.set(k, { ...r });
      else add(into, r);
    }
    return [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  };
  return {
    scope: facts.scope, forces: facts.forces, others: facts.others, informationLineCalls: facts.informationLineCalls,
    days: merge(facts.days, (d) => d.day, (into, from) => {
      into.visits += from.visits;
      into.potentialVictims += from.potentialVictims;
      into.arrests += from.arrests;
    }),
    nationality: merge(facts.nationality, (r) => r.key, (into, from) => { into.count += from.count; }),
    exploitationType: merge(facts.exploitationType, (r) => r.key, (into, from) => { into.count += from.count; }),
    premisesType: merge(facts.premisesType, (r) => r.premisesType, (into, from) => {
      into.visits += from.visits;
      into.potentialVictims += from.potentialVictims;
    }),
    victimCare: facts.victimCare, estimate: facts.estimate,
  };
}

describeEachDatabase('the dashboards’ kept days', (dialect) => {
  let runtime: TestRuntime;
  let fixture: EnforcementFixture;
  let officer: UserActor;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    await loadDemoOperation(runtime.services.context, { seed: 5, scale: 0.3 });
    officer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    // Intelligence about days inside and outside the operations, to be bounded by each operation's dates.
    for (const [day, month, year] of [['1', '2', '2007'], ['15', '3', '2007'], ['30', '6', '2007'], ['1', '9', '2007'], ['3', '1', '2006']] as const) {
      await runtime.services.intelligence.submit(officer, { text: `Report ${day}/${month}`, source: '1', intelligence: 'A', handling: 'P', refersTo: { day, month, year }, entities: [], links: [] });
    }
  }, 120_000);
  afterEach(async () => runtime.dispose());

  async function expectSameFacts(operationId: string | undefined, periods: ReadonlyArray<Pick<DashboardScope, 'from' | 'to'>>): Promise<number> {
    const repositories = runtime.store.repositories;
    const ledger = await readDayLedger(repositories, operationId, TODAY, COUNTED_AT);
    for (const period of periods) {
      const scope: DashboardScope = { ...(operationId === undefined ? {} : { operationId }), ...period };
      const direct = await countDashboardFactsDirectly(repositories, scope, TODAY, COUNTED_AT);
      const summed = factsForPeriod(ledger, period);
      const label = JSON.stringify(scope);
      expect(normalised(summed), label).toEqual(normalised(direct));
      expect(nationalView(summed, false), label).toEqual(nationalView(direct, false));
      for (const force of direct.forces.slice(0, 3)) {
        const own = summed.forces.find((f) => f.organisationId === force.organisationId);
        expect(own, label).toBeDefined();
        if (own !== undefined) expect(forceView(summed, own, false), label).toEqual(forceView(direct, force, false));
      }
    }
    return ledger.forceDays.length;
  }

  /** Random periods around the records' days: open at either end or both, single days, whole spans. */
  async function randomPeriods(seed: number, count: number): Promise<Array<Pick<DashboardScope, 'from' | 'to'>>> {
    const bounds = await runtime.database.db.selectFrom('visits').select((eb) => [eb.fn.min('visited_at').as('first'), eb.fn.max('visited_at').as('last')]).executeTakeFirstOrThrow();
    const first = addDays(String(bounds.first).slice(0, 10), -20);
    const span = Math.round((Date.parse(String(bounds.last).slice(0, 10)) - Date.parse(first)) / 86_400_000) + 40;
    const next = random(seed);
    const day = () => addDays(first, Math.floor(next() * span));
    const periods: Array<Pick<DashboardScope, 'from' | 'to'>> = [{}];
    for (let i = 0; i < count; i += 1) {
      const [a, b] = [day(), day()].sort();
      const shape = Math.floor(next() * 5);
      if (a === undefined || b === undefined) continue;
      if (shape === 0) periods.push({ from: a });
      else if (shape === 1) periods.push({ to: b });
      else if (shape === 2) periods.push({ from: a, to: a });
      else periods.push({ from: a, to: b });
    }
    return periods;
  }

  it('gives the same figures as the direct count for random periods of every operation and of each', async () => {
    const operations = await runtime.store.repositories.operations.list();
    expect(operations.length).toBeGreaterThanOrEqual(2);
    const periods = await randomPeriods(dialect === 'sqlite' ? 11 : 12, 12);
    const forceDays = await expectSameFacts(undefined, periods);
    // The demo data must be there for the comparison to mean anything.
    expect(forceDays).toBeGreaterThan(50);
    for (const operation of operations) await expectSameFacts(operation.id, periods.slice(0, 6));
    await expectSameFacts(fixture.operationId, [{ from: '2007-02-01', to: '2007-02-28' }, { from: '2007-01-15' }, { to: '2007-03-31' }]);
  }, 300_000);

  it('still gives the same figures after records are added, moved and deleted', async () => {
    const db = runtime.database.db;
    const AT = '2026-03-01T00:00:00.000Z';
    const visit = await db.selectFrom('visits').selectAll().where('operation_id', '=', fixture.operationId).orderBy('id').executeTakeFirstOrThrow();
    // A second visit the same day to the same premises (one premises visited, two visits), a visit moved, an arrest deleted.
    await db.insertInto('visits').values({ ...visit, id: '01900000-0000-7000-8000-0000000e0001', created_at: AT, updated_at: AT }).execute();
    const other = await db.selectFrom('visits').select(['id', 'visited_at']).where('operation_id', '<>', fixture.operationId).orderBy('id').executeTakeFirstOrThrow();
    await db.updateTable('visits').set({ visited_at: addDays(other.visited_at.slice(0, 10), 3) + other.visited_at.slice(10), updated_at: AT }).where('id', '=', other.id).execute();
    const arrest = await db.selectFrom('arrests').select(['id']).where((eb) => eb.not(eb.exists(eb.selectFrom('charges').select('charges.id').whereRef('charges.arrest_id', '=', 'arrests.id')))).orderBy('id').executeTakeFirstOrThrow();
    await db.deleteFrom('arrests').where('id', '=', arrest.id).execute();
    await expectSameFacts(undefined, await randomPeriods(21, 6));
    await expectSameFacts(fixture.operationId, [{}, { from: visit.visited_at.slice(0, 10), to: visit.visited_at.slice(0, 10) }]);
  }, 300_000);
});
