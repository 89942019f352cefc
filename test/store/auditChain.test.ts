import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemActor } from '../../src/access/actor.ts';
import { recordAudit } from '../../src/services/auditTrail.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';

describeEachDatabase('audit chain', (dialect) => {
  let runtime: TestRuntime;
  const operator = systemActor('test');

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
  });
  afterEach(async () => runtime.dispose());

  async function appendEvents(count: number): Promise<void> {
    for (let index = 0; index < count; index += 1) {
      await runtime.store.transaction((repositories) =>
        recordAudit(repositories, operator, new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString(), {
          action: 'test.event', subjectType: 'test', subjectId: `subject-${index}`, subjectOrganisationId: null, details: { index },
        }));
    }
  }

  it('links each event to the one before and verifies intact', async () => {
    await appendEvents(5);
    const events = await runtime.store.repositories.auditEvents.list({ limit: 10 });
    expect(events.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    for (const [index, event] of events.entries()) {
      const older = events[index + 1];
      if (older !== undefined) expect(event.previous_hash).toBe(older.hash);
    }
    const verdict = await runtime.services.audit.verifyChain(operator);
    expect(verdict).toMatchObject({ intact: true, rows: 5 });
  });

  it('detects an altered row and names it', async () => {
    await appendEvents(5);
    await sql`update audit_events set details = ${JSON.stringify({ index: 99 })} where seq = 3`.execute(runtime.database.db);
    expect(await runtime.services.audit.verifyChain(operator)).toMatchObject({ intact: false, firstBadSeq: 3, problem: 'altered' });
  });

  it('detects an altered row even when its hash was recomputed naively', async () => {
    await appendEvents(4);
    // A forger who edits row 2 and recomputes its own hash still breaks row 3's link to it.
    const { auditRowHash } = await import('../../src/store/auditHash.ts');
    const row = (await runtime.store.repositories.auditEvents.list({ limit: 10 })).find((e) => e.seq === 2);
    if (row === undefined) throw new Error('row 2 missing');
    const forged = { ...row, actor_label: 'system:someone-else' };
    const { hash: _oldHash, ...fields } = forged;
    await sql`update audit_events set actor_label = ${forged.actor_label}, hash = ${auditRowHash(fields)} where seq = 2`.execute(runtime.database.db);
    expect(await runtime.services.audit.verifyChain(operator)).toMatchObject({ intact: false, firstBadSeq: 3, problem: 'missing-or-inserted' });
  });

  it('detects a deleted row', async () => {
    await appendEvents(5);
    await sql`delete from audit_events where seq = 2`.execute(runtime.database.db);
    expect(await runtime.services.audit.verifyChain(operator)).toMatchObject({ intact: false, firstBadSeq: 2, problem: 'missing-or-inserted' });
  });

  it('detects an inserted row', async () => {
    await appendEvents(3);
    const last = (await runtime.store.repositories.auditEvents.list({ limit: 1 }))[0];
    if (last === undefined) throw new Error('no events');
    await sql`insert into audit_events (seq, id, occurred_at, actor_user_id, actor_organisation_id, actor_label, action, outcome, subject_type, subject_id, subject_organisation_id, request_id, details, previous_hash, hash)
      values (${last.seq + 10}, 'forged', ${last.occurred_at}, null, null, 'system:forger', 'test.event', 'success', 'test', null, null, null, '{}', ${last.hash}, 'bogus')`.execute(runtime.database.db);
    expect(await runtime.services.audit.verifyChain(operator)).toMatchObject({ intact: false, firstBadSeq: 4, problem: 'missing-or-inserted' });
  });

  it('stays one linear chain when many transactions append at once', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, index) =>
      runtime.store.transaction((repositories) => recordAudit(repositories, operator, new Date().toISOString(), {
        action: 'test.concurrent', subjectType: 'test', subjectId: String(index), subjectOrganisationId: null,
      }))));
    expect(await runtime.services.audit.verifyChain(operator)).toMatchObject({ intact: true, rows: 12 });
  });

  it('rolls the audit event back with the change it records', async () => {
    await expect(runtime.store.transaction(async (repositories) => {
      await recordAudit(repositories, operator, new Date().toISOString(), { action: 'test.doomed', subjectType: 'test', subjectId: null, subjectOrganisationId: null });
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    expect(await runtime.store.repositories.auditEvents.list({ limit: 10, action: 'test.doomed' })).toEqual([]);
  });
});
