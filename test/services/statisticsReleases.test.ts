import { createHash } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { UserActor } from '../../src/access/actor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/access/errors.ts';
import type { ProtectedCell } from '../../src/domain/disclosure/index.ts';
import type { ReleaseContent } from '../../src/services/statistics/releaseContent.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { actorFor, demoAccount, organisationId, seedDemo } from '../support/fixtures.ts';
import { EXPECTED, seedStatisticsFixture } from '../support/statisticsFixture.ts';

function allCells(content: ReleaseContent): ProtectedCell[] {
  return [
    ...Object.values(content.headline), ...content.byForce.rows.flatMap((r) => r.cells), ...content.byForce.totals,
    ...content.byMonth.rows.flatMap((r) => r.cells), ...content.byMonth.totals,
  ];
}

describeEachDatabase('statistics releases', (dialect) => {
  let runtime: TestRuntime;
  let analyst: UserActor;
  let secondAnalyst: UserActor;
  let operationId: string;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    operationId = (await seedStatisticsFixture(runtime)).operationId;
    analyst = await actorFor(runtime, demoAccount('analyst'));
    const admin = await actorFor(runtime, demoAccount('system-administrator'));
    const added = await runtime.services.users.add(admin, { organisationId: await organisationId(runtime, 'national-centre'), email: 'second.analyst@centre.example', displayName: 'Second Analyst', roles: ['analyst'] });
    const loaded = await runtime.services.authentication.loadActor(added.user.id, 'session', 'test');
    if (loaded === null) throw new Error('second analyst cannot act');
    secondAnalyst = loaded;
  });

  afterEach(async () => {
    await runtime.dispose();
  });

  it('prepares a draft with the hand-counted figures, no count from 1 to 4 and no value for a withheld cell', async () => {
    const id = await runtime.services.statisticsReleases.prepare(analyst, { operationId });
    const release = await runtime.services.statisticsReleases.get(analyst, id);
    expect(release.status).toBe('draft');
    expect(release.contentHash).toBeNull();
    const { content } = release;
    expect(content.headline.visits).toEqual({ value: EXPECTED.visits, status: 'shown' });
    expect(content.headline.potentialVictims).toEqual({ value: EXPECTED.potentialVictims, status: 'shown' });
    expect(content.headline.arrests).toEqual({ value: EXPECTED.arrests, status: 'shown' });
    expect(content.headline.peopleArrested).toEqual({ value: EXPECTED.peopleArrested, status: 'shown' });
    expect(content.headline.charges).toEqual({ value: EXPECTED.charges, status: 'shown' });
    expect(content.cashSeized).toEqual([{ currency: 'GBP', amountMinor: EXPECTED.cashGbpMinor }]);
    expect(content.byForce.rows.map((r) => r.label)).toEqual(['Metropolitan Police Service', 'Police Scotland', 'West Midlands Police']);
    expect(content.byMonth.rows.map((r) => r.label)).toEqual(['January 2007', 'February 2007', 'March 2007']);
    // Each shown cell is the hand-counted figure.
    for (const row of content.byForce.rows) {
      const expected = EXPECTED.byForce[row.label as keyof typeof EXPECTED.byForce];
      row.cells.forEach((cell, i) => {
        const figure = content.byForce.columns[i] ?? 'visits';
        if (cell.status === 'shown') expect(cell.value, `${row.label} ${figure}`).toBe(expected[figure]);
        else expect(cell.value).toBeNull();
      });
    }
    // West Midlands' 3 potential victims and 3 arrests are small counts.
    const wm = content.byForce.rows.find((r) => r.label === 'West Midlands Police');
    expect(wm?.cells[content.byForce.columns.indexOf('potentialVictims')]).toEqual({ value: null, status: 'fewer-than-5' });
    expect(wm?.cells[content.byForce.columns.indexOf('arrests')]).toEqual({ value: null, status: 'fewer-than-5' });
    // Met's 30 potential victims would give West Midlands' 3 away (33 − 30 − 0): one more cell is withheld.
    const pvColumn = content.byForce.columns.indexOf('potentialVictims');
    expect(content.byForce.rows.filter((r) => r.cells[pvColumn]?.status === 'withheld').length).toBeGreaterThanOrEqual(1);
    for (const cell of allCells(content)) {
      if (cell.status === 'shown') expect(cell.value !== null && (cell.value === 0 || cell.value >= 5)).toBe(true);
      else expect(cell.value).toBeNull();
    }
  });

  it('never shows a draft to the public; a second analyst approves it and it is frozen, hashed, dated and audited', async () => {
    const id = await runtime.services.statisticsReleases.prepare(analyst, { operationId });
    expect(await runtime.services.statisticsReleases.listPublished()).toEqual([]);
    await expect(runtime.services.statisticsReleases.getPublished(id)).rejects.toBeInstanceOf(NotFoundError);

    await expect(runtime.services.statisticsReleases.approve(analyst, id)).rejects.toBeInstanceOf(ForbiddenError);
    const approved = await runtime.services.statisticsReleases.approve(secondAnalyst, id);
    expect(approved.status).toBe('approved');
    expect(approved.approvedByName).toBe('Second Analyst');
    expect(approved.publishedOn).toBe('2026-03-02');
    const stored = await runtime.store.repositories.statisticsReleases.findById(id);
    expect(approved.contentHash).toBe(createHash('sha256').update(stored?.content ?? '').digest('hex'));

    // Approving twice (a double submit) changes nothing; another analyst gets a conflict.
    expect((await runtime.services.statisticsReleases.approve(secondAnalyst, id)).approvedAt).toBe(approved.approvedAt);
    await expect(runtime.services.statisticsReleases.approve(analyst, id)).rejects.toBeInstanceOf(ConflictError);

    const published = await runtime.services.statisticsReleases.listPublished();
    expect(published.map((r) => r.id)).toEqual([id]);
    expect(published[0]?.content.headline.visits.value).toBe(EXPECTED.visits);
    expect(JSON.stringify(published[0])).not.toContain(analyst.userId);
    expect(JSON.stringify(published[0])).not.toContain(secondAnalyst.userId);

    const events = await runtime.store.repositories.auditEvents.list({ subjectType: 'statistics-release', subjectId: id, limit: 10 });
    expect(events.map((e) => e.action).sort()).toEqual(['statistics-release.approve', 'statistics-release.prepare']);
  });

  it('puts a mistake right with a correction that supersedes the release and leaves its figures as published', async () => {
    const first = await runtime.services.statisticsReleases.prepare(analyst, { operationId });
    await runtime.services.statisticsReleases.approve(secondAnalyst, first);
    const before = await runtime.services.statisticsReleases.getPublished(first);

    await expect(runtime.services.statisticsReleases.prepare(analyst, { operationId, supersedesId: first })).rejects.toBeInstanceOf(ValidationError);
    const correction = await runtime.services.statisticsReleases.prepare(analyst, { operationId, supersedesId: first, correctionReason: 'A visit was recorded twice' });
    expect((await runtime.services.statisticsReleases.get(analyst, first)).status).toBe('approved');
    await runtime.services.statisticsReleases.approve(secondAnalyst, correction);

    const old = await runtime.services.statisticsReleases.getPublished(first);
    expect(old.status).toBe('superseded');
    expect(old.supersededById).toBe(correction);
    expect(old.content).toEqual(before.content);
    expect(old.contentHash).toBe(before.contentHash);
    const corrected = await runtime.services.statisticsReleases.getPublished(correction);
    expect(corrected.correctionReason).toBe('A visit was recorded twice');
    expect(corrected.supersedesId).toBe(first);
    // A superseded release cannot be corrected again.
    await expect(runtime.services.statisticsReleases.prepare(analyst, { operationId, supersedesId: first, correctionReason: 'Again' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('refuses a published release whose stored content no longer matches its hash', async () => {
    const id = await runtime.services.statisticsReleases.prepare(analyst, { operationId });
    await runtime.services.statisticsReleases.approve(secondAnalyst, id);
    await runtime.store.database.db.updateTable('statistics_releases').set({ content: '{"version":1}' }).where('id', '=', id).execute();
    await expect(runtime.services.statisticsReleases.getPublished(id)).rejects.toThrow(/content hash/);
  });

  it('makes one draft from a form posted twice, and refuses those who are not the national centre’s analysts', async () => {
    const submissionId = '01900000-0000-7000-8000-0000000009a1';
    const a = await runtime.services.statisticsReleases.prepare(analyst, { operationId }, submissionId);
    const b = await runtime.services.statisticsReleases.prepare(analyst, { operationId }, submissionId);
    expect(b).toBe(a);
    expect(await runtime.services.statisticsReleases.list(analyst)).toHaveLength(1);
    for (const role of ['officer', 'supervisor', 'system-administrator'] as const) {
      const actor = await actorFor(runtime, demoAccount(role));
      await expect(runtime.services.statisticsReleases.prepare(actor, { operationId })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(runtime.services.statisticsReleases.list(actor)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(runtime.services.statisticsReleases.prepare(analyst, { operationId: '' })).rejects.toBeInstanceOf(ValidationError);
  });
});
