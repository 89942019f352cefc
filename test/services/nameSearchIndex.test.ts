// Name search goes through a trigram index (migration 0013, on the narrow people_found_search) for needles of three characters or
// more, and scans the folded names for shorter ones. Either way it must find exactly the people
// whose folded names or aliases contain the folded needle: checked here against that definition,
// over the demo operation and the hand-built fixture, on each database.
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Actor } from '../../src/access/actor.ts';
import { foldName } from '../../src/domain/nameSearch.ts';
import { loadDemoOperation } from '../../src/services/demoOperation.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';

describeEachDatabase('name search through the trigram index', (dialect) => {
  let runtime: TestRuntime;
  let fixture: EnforcementFixture;
  let analyst: Actor;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    await loadDemoOperation(runtime.services.context, { seed: 5, scale: 0.3 });
    analyst = await actorFor(runtime, demoAccount('analyst'));
  });
  afterEach(async () => runtime.dispose());

  const db = () => runtime.database.db;

  async function found(name: string): Promise<{ ids: string[]; total: number }> {
    // Page by page: a page holds at most 200.
    const ids: string[] = [];
    for (let offset = 0; ; offset += 200) {
      const listing = await runtime.services.enforcementRecords.listPeople(analyst, { name }, { limit: 200, offset });
      ids.push(...listing.rows.map((p) => p.id));
      if (offset + 200 >= listing.total) return { ids: ids.sort(), total: listing.total };
    }
  }

  /** The definition: every person one of whose folded names contains the folded needle. */
  async function expected(name: string): Promise<{ ids: string[]; total: number }> {
    const needle = foldName(name);
    const people = await db().selectFrom('people_found').select(['id', 'name_search']).execute();
    const ids = people.filter((p) => needle === '' || p.name_search.includes(needle)).map((p) => p.id).sort();
    return { ids, total: ids.length };
  }

  it('finds the same people as the folded names say, for long, short, accented and alias needles', async () => {
    const familyNames = [...new Set((await db().selectFrom('people_found').select('family_name').execute()).map((p) => p.family_name))].slice(0, 12);
    expect(familyNames.length).toBeGreaterThan(5);
    const needles = [
      'Nguyễn', 'NGUYEN', 'nguyen thi lan', 'Lan Nguyen', 'Trần', 'tran', 'POPESCU', 'pop', 'po', 'p', 'an', 'é', 'Ş', 'zz', 'zzq', 'ionescu', 'le thi', ' lan ', 'thi-lan',
      ...familyNames, ...familyNames.map((n) => n.slice(0, 2)), ...familyNames.map((n) => n.slice(1, 4)), ...familyNames.map((n) => n.toUpperCase()),
    ];
    for (const needle of needles) expect(await found(needle), needle).toEqual(await expected(needle));
    // The fixture's people, by an accented name, an alias, a two- and a one-letter needle.
    expect((await found('Nguyễn Thị Lan')).ids).toContain(fixture.people.lan);
    expect((await found('lan nguyen')).ids).toContain(fixture.people.lan);
    expect((await found('Ma')).ids).toContain(fixture.people.child);
    expect((await found('I')).ids).toContain(fixture.people.popescu);
    expect((await found('qqq')).total).toBe(0);
  });

  it('pages a search in the list’s order, by visit date or by name, either way', async () => {
    // A three-letter needle that many people match, and a two-letter one.
    const candidates = await Promise.all(['ang', 'ana', 'ing', 'ien', 'ion', 'ova', 'esc', 'ski', 'ali', 'ina'].map(async (n) => ({ n, size: (await expected(n)).total })));
    const common = candidates.sort((a, b) => b.size - a.size)[0]?.n ?? 'ang';
    for (const needle of [common, common.slice(0, 2)]) {
      const matching = new Set((await expected(needle)).ids);
      expect(matching.size, needle).toBeGreaterThan(12);
      for (const sort of ['visited_at', 'name'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          // The whole list in the database's own order (no name: no index), cut down to the matches.
          const everyone: string[] = [];
          for (let offset = 0; ; offset += 200) {
            const listing = await runtime.services.enforcementRecords.listPeople(analyst, { sort, direction }, { limit: 200, offset });
            everyone.push(...listing.rows.map((p) => p.id));
            if (offset + 200 >= listing.total) break;
          }
          const page = await runtime.services.enforcementRecords.listPeople(analyst, { name: needle, sort, direction }, { limit: 10, offset: 3 });
          expect(page.rows.map((p) => p.id), `${needle} ${sort} ${direction}`).toEqual(everyone.filter((id) => matching.has(id)).slice(3, 13));
        }
      }
    }
  });

  it('keeps the index in step when a name is written, changed or removed', async () => {
    await db().updateTable('people_found').set({ name_search: ' xavier quixley ' }).where('id', '=', fixture.people.lan).execute();
    expect((await found('quixley')).ids).toEqual([fixture.people.lan]);
    expect((await found('nguyen thi lan')).ids).not.toContain(fixture.people.lan);
    expect(await found('lan nguyen')).toEqual(await expected('lan nguyen'));
    await db().deleteFrom('people_found').where('id', '=', fixture.people.child).execute();
    expect(await found('tran mai')).toEqual({ ids: [], total: 0 });
    const officer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    const added = await runtime.services.enforcementRecording.addPersonFound(officer, fixture.visits.v1, {
      role: 'other-present', fullName: 'Ştefan Ţepeş', givenNames: 'Ştefan', familyName: 'Ţepeş', aliases: ['Stevie'], dateOfBirth: { day: '', month: '', year: '1980' }, estimatedAge: '',
      sex: 'male', nationality: 'RO', languages: ['Romanian'], identityDocuments: [], phoneNumbers: [], account: 'Present at the premises.', exploitationType: '', possibleChild: '', consent: '', interpreterLanguage: '',
    });
    expect((await found('stefan tepes')).ids).toEqual([added.id]);
    expect((await found('STEVIE')).ids).toEqual([added.id]);
  });

  it('has the index on this database, and the planner uses it for three letters or more', async () => {
    if (dialect === 'sqlite') {
      const names = await sql<{ n: number }>`select count(*) as n from people_found_search_names`.execute(db());
      const people = await sql<{ n: number }>`select count(*) as n from people_found`.execute(db());
      expect(Number(names.rows[0]?.n)).toBe(Number(people.rows[0]?.n));
      const plan = await sql<{ detail: string }>`explain query plan select rowid from people_found_search_names where names like '%nguyen%'`.execute(db());
      expect(plan.rows.map((r) => r.detail).join('\n')).toMatch(/VIRTUAL TABLE INDEX/);
      return;
    }
    const plan = await db().transaction().execute(async (trx) => {
      // The test tables are small enough that a scan would win; forbid it to see the index is usable.
      await sql`set local enable_seqscan = off`.execute(trx);
      return sql<{ 'QUERY PLAN': string }>`explain select person_found_id from people_found_search where names like '%nguyen%'`.execute(trx);
    });
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('people_found_search_names');
  });
});
