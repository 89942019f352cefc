// `lifeline linkage run`: the nightly run from cron, over the people found in the database.
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CHILD_PROCESS_TEST_TIMEOUT, makeDataDir, runLifeline } from './run.ts';

vi.setConfig({ testTimeout: CHILD_PROCESS_TEST_TIMEOUT, hookTimeout: CHILD_PROCESS_TEST_TIMEOUT });

describe('lifeline linkage run', () => {
  const data = makeDataDir('development');
  afterAll(() => data.remove());

  it('links the people found into clusters, prints progress per stage, and keeps cluster ids on the next run', async () => {
    expect((await runLifeline(['demo', '--scale', '0.05'], data.env)).code).toBe(0);
    const first = await runLifeline(['linkage', 'run'], data.env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Linked 55 people found into \d+ person clusters: \d+ pairs linked, \d+ pairs to review, 0 reviewers’ decisions used as labels\. Run [0-9a-f-]{36}\.\n$/);
    for (const stage of ['Reading people found', 'Scoring pairs', 'Saving clusters and pairs']) expect(first.stderr).toContain(`${stage}: 100/100`);
    const membership = () => {
      const db = new SQLite(data.databaseFile, { readonly: true });
      try {
        return db.prepare('select person_found_id, cluster_id from person_cluster_members order by person_found_id').all();
      } finally {
        db.close();
      }
    };
    const before = membership();
    expect(before).toHaveLength(55);
    const second = await runLifeline(['linkage', 'run', '--json'], data.env);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ status: 'finished', trigger: 'command', started_by: null, record_count: 55, model: { format: 'lifeline-linkage-model' } });
    expect(membership()).toEqual(before);
  });
});
