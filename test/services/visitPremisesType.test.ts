// Each visit carries a copy of its premises' type (migration 0025), kept by triggers, so the
// visits list filters and counts by premises type on one index. Checked here: after the demo
// operation is loaded, a premises re-typed and a visit moved to other premises, every visit's copy
// equals its premises' type, and the filtered list gives exactly the visits the join gives.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadDemoOperation } from '../../src/services/demoOperation.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';

describeEachDatabase('the premises type copied onto each visit', (dialect) => {
  let runtime: TestRuntime;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    await seedEnforcementFixture(runtime);
    await loadDemoOperation(runtime.services.context, { seed: 5, scale: 0.1 });
  });
  afterEach(async () => runtime.dispose());

  const db = () => runtime.database.db;

  async function mismatches(): Promise<number> {
    const rows = await db().selectFrom('visits as v').innerJoin('premises as p', 'p.id', 'v.premises_id')
      .select(['v.id', 'v.premises_type as copied', 'p.premises_type as actual']).execute();
    expect(rows.length).toBeGreaterThan(50);
    return rows.filter((r) => r.copied !== r.actual).length;
  }

  async function filteredIds(premisesType: string): Promise<{ listed: string[]; total: number; joined: string[] }> {
    const analyst = await actorFor(runtime, demoAccount('analyst'));
    const listing = await runtime.services.enforcementRecords.listVisits(analyst, { premisesType }, { limit: 1000, offset: 0 });
    const joined = await db().selectFrom('visits as v').innerJoin('premises as p', 'p.id', 'v.premises_id').select('v.id').where('p.premises_type', '=', premisesType).execute();
    return { listed: listing.rows.map((r) => r.id).sort(), total: listing.total, joined: joined.map((r) => r.id).sort() };
  }

  it('follows the premises through loading, re-typing and moving visits', async () => {
    expect(await mismatches()).toBe(0);
    const brothels = await filteredIds('brothel');
    expect(brothels.listed.length).toBeGreaterThan(0);
    expect(brothels).toEqual({ listed: brothels.joined, total: brothels.joined.length, joined: brothels.joined });

    const visited = await db().selectFrom('visits').select(['id', 'premises_id']).orderBy('id').limit(2).execute();
    const [first, second] = visited;
    if (first === undefined || second === undefined) throw new Error('the demo operation has visits');
    await db().updateTable('premises').set({ premises_type: 'car-wash' }).where('id', '=', first.premises_id).execute();
    const other = await db().selectFrom('premises').select('id').where('premises_type', '=', 'nail-bar').where('id', '!=', second.premises_id).executeTakeFirstOrThrow();
    await db().updateTable('visits').set({ premises_id: other.id }).where('id', '=', second.id).execute();

    expect(await mismatches()).toBe(0);
    for (const premisesType of ['car-wash', 'nail-bar', 'brothel']) {
      const filtered = await filteredIds(premisesType);
      expect(filtered.listed).toEqual(filtered.joined);
      expect(filtered.total).toBe(filtered.joined.length);
    }
    expect((await filteredIds('car-wash')).listed).toContain(first.id);
    expect((await filteredIds('nail-bar')).listed).toContain(second.id);
  });
});
