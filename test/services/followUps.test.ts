import { afterEach, beforeEach, expect, it } from 'vitest';
import type { UserActor } from '../../src/access/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/access/errors.ts';
import type { FollowUpInput } from '../../src/services/followUps.ts';
import { newId } from '../../src/store/ids.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';

async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ValidationError)) throw new Error(`Expected a ValidationError, got ${String(error)}`);
  return Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message]));
}

describeEachDatabase('supervisors’ follow-ups', (dialect) => {
  let runtime: TestRuntime;
  let fixture: EnforcementFixture;
  let officer: UserActor;
  let supervisor: UserActor;
  let wmOfficer: UserActor;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    officer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    supervisor = await actorFor(runtime, demoAccount('supervisor', 'metropolitan'));
    wmOfficer = await actorFor(runtime, demoAccount('officer', 'west-midlands'));
  });
  afterEach(async () => runtime.dispose());

  const followUps = () => runtime.services.followUps;
  // The test clock stands at 2 March 2026.
  const input = (overrides: Partial<FollowUpInput> = {}): FollowUpInput => ({
    subjectType: 'person-found', subjectId: fixture.people.lan, assigneeId: officer.userId, dueOn: { day: '9', month: '3', year: '2026' },
    note: 'Arrange a second interview with an interpreter', ...overrides,
  });

  it('goes from assigned to the officer’s list, to done with an outcome, audited on the record', async () => {
    const assigned = await followUps().assign(supervisor, input());
    expect(assigned).toMatchObject({ organisation_id: fixture.met, assigned_to: officer.userId, assigned_by: supervisor.userId, due_on: '2026-03-09', status: 'open' });
    const mine = await followUps().mine(officer);
    expect(mine.open.map((f) => [f.id, f.assignee_name, f.overdue, f.canComplete])).toEqual([[assigned.id, 'Priya Shah (demo officer)', false, true]]);
    expect((await followUps().forForce(supervisor)).open.map((f) => f.id)).toEqual([assigned.id]);
    expect((await followUps().forRecord(officer, fixture.met, fixture.people.lan)).map((f) => f.id)).toEqual([assigned.id]);

    expect(await fieldErrors(followUps().complete(officer, assigned.id, { outcome: ' ' }))).toEqual({ outcome: 'Enter what was done' });
    const done = await followUps().complete(officer, assigned.id, { outcome: 'Interviewed on 5 March with a Vietnamese interpreter' });
    expect(done).toMatchObject({ status: 'done', completed_by: officer.userId, outcome: 'Interviewed on 5 March with a Vietnamese interpreter' });
    // A second post of the same form finds it done and changes nothing.
    const again = await followUps().complete(supervisor, assigned.id, { outcome: 'Something else' });
    expect(again.outcome).toBe('Interviewed on 5 March with a Vietnamese interpreter');
    expect((await followUps().mine(officer))).toMatchObject({ open: [], done: [{ id: assigned.id, canComplete: false }] });
    expect((await followUps().forForce(supervisor)).open).toEqual([]);

    const history = await runtime.services.enforcementRecords.history(supervisor, fixture.met, fixture.people.lan);
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(['follow-up.assign', 'follow-up.complete']));
    const audit = JSON.stringify(await runtime.store.repositories.auditEvents.list({ limit: 100 }));
    expect(audit).not.toContain('interpreter');
  });

  it('shows the force’s overdue follow-ups as the days pass', async () => {
    const soon = await followUps().assign(supervisor, input({ dueOn: { day: '2', month: '3', year: '2026' } }));
    const later = await followUps().assign(supervisor, input({ subjectType: 'visit', subjectId: fixture.visits.v1, dueOn: { day: '20', month: '3', year: '2026' } }));
    expect((await followUps().forForce(supervisor)).overdue).toEqual([]);
    runtime.testClock.advanceMinutes(2 * 24 * 60);
    const force = await followUps().forForce(supervisor);
    expect(force.open.map((f) => f.id)).toEqual([soon.id, later.id]);
    expect(force.overdue.map((f) => f.id)).toEqual([soon.id]);
    expect((await followUps().mine(officer)).open.find((f) => f.id === soon.id)?.overdue).toBe(true);
  });

  it('checks who it is for, when it is due and what is to be done', async () => {
    const westMidlandsOfficer = wmOfficer.userId;
    expect(await fieldErrors(followUps().assign(supervisor, input({ assigneeId: westMidlandsOfficer, dueOn: { day: '1', month: '3', year: '2026' }, note: '' })))).toEqual({
      assigneeId: 'Select an officer of your force', dueOn: 'The due date must be today or in the future', note: 'Enter what needs to be done',
    });
    expect(await fieldErrors(followUps().assign(supervisor, input({ assigneeId: '', dueOn: { day: '31', month: '2', year: '2026' } })))).toEqual({
      assigneeId: 'Select an officer of your force', dueOn: 'The due date must be a real date, like 27 3 2027',
    });
    expect((await followUps().assignees(supervisor, fixture.met)).map((a) => a.displayName)).toEqual(['Helen Marsh (demo supervisor)', 'Priya Shah (demo officer)']);
  });

  it('is assigned only by a supervisor of the force, and hidden from every other force', async () => {
    await expect(followUps().assign(officer, input())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(followUps().assign(supervisor, input({ subjectId: fixture.people.wmVictim }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(followUps().assign(supervisor, input({ subjectType: 'charge' }))).rejects.toBeInstanceOf(NotFoundError);
    const assigned = await followUps().assign(supervisor, input({ subjectType: 'arrest', subjectId: '01900000-0000-7000-8000-000000000031' }));
    await expect(followUps().get(wmOfficer, assigned.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(followUps().complete(wmOfficer, assigned.id, { outcome: 'Done' })).rejects.toBeInstanceOf(NotFoundError);
    expect(await followUps().forRecord(wmOfficer, fixture.met, '01900000-0000-7000-8000-000000000031')).toEqual([]);
    const analyst = await actorFor(runtime, demoAccount('analyst'));
    await expect(followUps().get(analyst, assigned.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(followUps().forForce(officer)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await followUps().mine(wmOfficer)).open).toEqual([]);

    // An officer of the force who was not given it may see it but not mark it done.
    const colleague = await runtime.services.users.add(await actorFor(runtime, demoAccount('system-administrator')), {
      organisationId: fixture.met, email: 'colleague@met.example', displayName: 'A Colleague', roles: ['officer'],
    });
    const colleagueActor = await runtime.services.authentication.loadActor(colleague.user.id, 'session', null);
    if (colleagueActor === null) throw new Error('no actor');
    expect((await followUps().get(colleagueActor, assigned.id)).canComplete).toBe(false);
    await expect(followUps().complete(colleagueActor, assigned.id, { outcome: 'Done' })).rejects.toBeInstanceOf(ForbiddenError);
    // The supervisor may finish it on the officer's behalf.
    expect((await followUps().complete(supervisor, assigned.id, { outcome: 'Closed: file sent to CPS' })).status).toBe('done');
  });

  it('makes one follow-up of a form posted twice', async () => {
    const submissionId = newId();
    const [a, b] = await Promise.all([followUps().assign(supervisor, input(), submissionId), followUps().assign(supervisor, input(), submissionId)]);
    expect(a.id).toBe(b.id);
    expect((await followUps().forForce(supervisor)).open).toHaveLength(1);
  });
});
