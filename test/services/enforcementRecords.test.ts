import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '../../src/access/errors.ts';
import { loadDemoOperation } from '../../src/services/demoOperation.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';

describeEachDatabase('enforcement records', (dialect) => {
  let runtime: TestRuntime;
  let fixture: EnforcementFixture;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
  });
  afterEach(async () => runtime.dispose());

  const records = () => runtime.services.enforcementRecords;

  it('shows an officer only their own force’s records, and an analyst every force’s', async () => {
    const metOfficer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    const wmOfficer = await actorFor(runtime, demoAccount('officer', 'west-midlands'));
    const analyst = await actorFor(runtime, demoAccount('analyst'));
    expect((await records().listVisits(metOfficer, {})).total).toBe(3);
    expect((await records().listVisits(wmOfficer, {})).total).toBe(1);
    expect((await records().listVisits(analyst, {})).total).toBe(4);
    expect((await records().listVisits(analyst, { forceId: fixture.westMidlands })).total).toBe(1);
    // Asking for another force's records gives nothing, as if it had none.
    expect((await records().listVisits(metOfficer, { forceId: fixture.westMidlands })).total).toBe(0);
    expect((await records().listArrests(metOfficer, {})).rows.map((a) => a.organisation_id)).toEqual([fixture.met, fixture.met]);
  });

  it('answers another force’s record exactly like a missing one', async () => {
    const metOfficer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    const hidden = await records().getVisit(metOfficer, fixture.visits.v4).catch((e: unknown) => e);
    const missing = await records().getVisit(metOfficer, '01900000-0000-7000-8000-999999999999').catch((e: unknown) => e);
    expect(hidden).toBeInstanceOf(NotFoundError);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((hidden as Error).message).toBe((missing as Error).message);
    await expect(records().getPerson(metOfficer, fixture.people.wmVictim)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps enforcement records from roles that have no business with them', async () => {
    for (const role of ['charity-case-worker', 'system-administrator', 'decision-maker', 'information-line-adviser'] as const) {
      const actor = await actorFor(runtime, demoAccount(role));
      await expect(records().listPeople(actor, {})).rejects.toBeInstanceOf(ForbiddenError);
      await expect(records().getPerson(actor, fixture.people.lan)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it('finds people by name without regard to accents, case, order or aliases', async () => {
    const analyst = await actorFor(runtime, demoAccount('analyst'));
    const find = async (name: string) => (await records().listPeople(analyst, { name })).rows.map((p) => p.id);
    expect(await find('nguyen')).toEqual([fixture.people.lan]);
    expect(await find('NGUYỄN THỊ')).toEqual([fixture.people.lan]);
    expect(await find('lan nguyen')).toEqual([fixture.people.lan]);
    expect(await find('popescu ion')).toEqual([fixture.people.popescu]);
    expect(await find('tran')).toEqual([fixture.people.child]);
    expect(await find('%')).toHaveLength(4);
    expect(await find('nobody')).toEqual([]);
  });

  it('filters, sorts and pages lists', async () => {
    const analyst = await actorFor(runtime, demoAccount('analyst'));
    const victims = await records().listPeople(analyst, { role: 'potential-victim', sort: 'name' });
    expect(victims.total).toBe(3);
    expect(victims.rows.map((p) => p.family_name)).toEqual(['Ionescu', 'Nguyễn', 'Trần']);
    const firstPage = await records().listVisits(analyst, {}, { limit: 2, offset: 0 });
    const secondPage = await records().listVisits(analyst, {}, { limit: 2, offset: 2 });
    expect(firstPage.total).toBe(4);
    expect([...firstPage.rows, ...secondPage.rows].map((v) => v.visited_at)).toEqual(['2007-03-01T10:00:00.000Z', '2007-02-10T22:00:00.000Z', '2007-01-20T10:00:00.000Z', '2007-01-10T22:00:00.000Z']);
    expect((await records().listVisits(analyst, { from: '2007-01-15', to: '2007-02-10' })).total).toBe(2);
    expect((await records().listVisits(analyst, { premisesType: 'nail-bar' })).total).toBe(1);
  });

  it('audits every read of a person’s record', async () => {
    const metOfficer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    const detail = await records().getPerson(metOfficer, fixture.people.popescu);
    expect(detail.arrests).toHaveLength(2);
    const reads = await runtime.store.repositories.auditEvents.list({ limit: 10, action: 'person-found.read', subjectId: fixture.people.popescu });
    expect(reads).toHaveLength(1);
    expect(reads[0]?.actor_user_id).toBe(metOfficer.userId);
  });

  it('counts the operation’s results with one definition each, per force and nationally', async () => {
    const supervisor = await actorFor(runtime, demoAccount('supervisor'));
    const { forces, total } = await runtime.services.operationResults.results(supervisor, {});
    expect(forces).toHaveLength(1);
    expect(total).toMatchObject({ visits: 3, premisesVisited: 2, potentialVictims: 2, possibleChildren: 1, arrests: 2, peopleArrested: 1, charges: 1, cashSeizedMinor: { GBP: 50_000 } });

    const analyst = await actorFor(runtime, demoAccount('analyst'));
    const national = await runtime.services.operationResults.results(analyst, { operationId: fixture.operationId });
    expect(national.forces.map((f) => f.organisationCode)).toEqual(['metropolitan', 'west-midlands']);
    expect(national.total).toMatchObject({ visits: 4, premisesVisited: 3, potentialVictims: 3, arrests: 3, peopleArrested: 2, charges: 1 });
    const january = await runtime.services.operationResults.results(analyst, { from: '2007-01-01', to: '2007-01-31' });
    expect(january.total).toMatchObject({ visits: 2, arrests: 2, peopleArrested: 2, cashSeizedMinor: { GBP: 50_000 } });

    const officer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    await expect(runtime.services.operationResults.results(officer, {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describeEachDatabase('the demo operation', (dialect) => {
  it('loads in batches with progress, and keeps its ground truth out of the database', async () => {
    const runtime = await openTestRuntime(dialect);
    try {
      await seedDemo(runtime);
      const progress: Array<[number, number]> = [];
      const truthFile = path.join(runtime.config.dataDir, 'truth.ndjson');
      const report = await loadDemoOperation(runtime.services.context, { seed: 7, scale: 0.5, truthFile, onProgress: (done, total) => progress.push([done, total]) });
      expect(report.visits).toBe(400);
      expect(progress.at(-1)).toEqual([400, 400]);
      const analyst = await actorFor(runtime, demoAccount('analyst'));
      expect((await runtime.services.enforcementRecords.listVisits(analyst, {})).total).toBe(400);
      expect((await runtime.services.enforcementRecords.listPeople(analyst, {})).total).toBe(report.peopleFound);
      expect(existsSync(truthFile)).toBe(true);
      const truth = readFileSync(truthFile, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { people: Array<{ truePersonId: string }> });
      const trueIds = truth.flatMap((b) => b.people.map((p) => p.truePersonId));
      expect(trueIds.length).toBeGreaterThan(0);
      const people = await runtime.services.enforcementRecords.listPeople(analyst, {}, { limit: 200 });
      const stored = JSON.stringify(people.rows);
      for (const id of trueIds.slice(0, 50)) expect(stored).not.toContain(id);
      const results = await runtime.services.operationResults.results(analyst, {});
      expect(results.total.visits).toBe(400);
      expect(results.total.arrests).toBe(report.arrests);
    } finally {
      await runtime.dispose();
    }
  });
});
