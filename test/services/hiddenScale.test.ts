import { afterEach, beforeEach, expect, it } from 'vitest';
import type { UserActor } from '../../src/access/actor.ts';
import { ForbiddenError, ValidationError } from '../../src/access/errors.ts';
import { estimatePopulation } from '../../src/analysis/estimate/index.ts';
import { HiddenScaleService, type HiddenScaleForm } from '../../src/services/hiddenScale.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { seedHiddenScaleFixture, seedStoredLinkage, type HiddenScaleFixture, type StoredLinkageFixture } from '../support/hiddenScaleFixture.ts';

describeEachDatabase('hidden scale estimates', (dialect) => {
  let runtime: TestRuntime;
  let fixture: HiddenScaleFixture;
  let linkage: StoredLinkageFixture;
  let analyst: UserActor;
  let service: HiddenScaleService;
  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    fixture = await seedHiddenScaleFixture(runtime);
    analyst = await actorFor(runtime, demoAccount('analyst'));
    // Compared by the fast methods only, to keep the test quick; 0.95 is above the run's upper threshold.
    service = new HiddenScaleService(runtime.services.context, { comparison: { thresholds: [0.2, 0.35, 0.9, 0.95], methods: ['main', 'stepwise'] } });
  });
  afterEach(async () => {
    await service.drain();
    await runtime.dispose();
  });

  const form = (overrides: Partial<HiddenScaleForm> = {}): HiddenScaleForm => ({
    from: fixture.from, to: fixture.to, method: 'main', threshold: '0.5', seed: '7', bootstrapReplicates: '0',
    listOf: Object.fromEntries(fixture.lists.flatMap((l) => l.organisationIds.map((id) => [id, l.name]))),
    ...overrides,
  });

  it('de-duplicates people with the latest linkage run’s stored clusters, pairs awaiting review taken per the threshold: the hand-computed table, the engine’s estimate, reproducibly', async () => {
    linkage = await seedStoredLinkage(runtime);
    const request = await service.parseForm(analyst, form());
    expect(request.lists.map((l) => l.name)).toEqual(fixture.lists.map((l) => l.name));
    expect(request.linkageRunId).toBe(linkage.runId);
    expect(request.comparison.thresholds).toEqual([0.2, 0.35, 0.9]);
    const id = await service.start(analyst, request);
    const running = await service.get(analyst, id);
    expect(running.status).toBe('running');
    await service.settled(id);

    const saved = await service.get(analyst, id);
    expect(saved.error).toBeNull();
    expect(saved.status).toBe('done');
    const outcome = saved.outcome;
    if (outcome === null) throw new Error('no outcome');
    expect(outcome.table?.listNames).toEqual(['London', 'Midlands and East of England', 'Scotland']);
    expect(outcome.table?.counts).toEqual(linkage.expectedCounts['0.5']);
    // 15 potential-victim records in the period from listed forces; Tesfay's in no cluster; three
    // pairs awaiting review between them (Ardit–Somchai was decided), one of them at 0.5 or more.
    expect(outcome.linkage).toEqual({
      runId: linkage.runId, runFinishedAt: '2026-01-02T00:00:00.000Z', lowerThreshold: 0.2, upperThreshold: 0.9, threshold: 0.5,
      records: 15, people: 10, unclusteredRecords: 1, awaitingReview: 3, linkedPairs: 1,
    });
    expect(outcome.methodNote).toContain(`stored clusters of linkage run ${linkage.runId} (finished 2026-01-02)`);
    expect(outcome.methodNote).toContain('Of the 3 pairs of these records still awaiting review, 1 with a match probability of 0.5 or more was taken as the same person');
    expect(outcome.methodNote).toContain('1 record made since the run, in no cluster, each counted as one person');
    expect(outcome.methodNote).toContain('15 records gave 10 people');

    const engine = await estimatePopulation({ listNames: ['London', 'Midlands and East of England', 'Scotland'], counts: linkage.expectedCounts['0.5'] }, { method: 'main', level: 0.95, seed: 7 });
    expect(outcome.estimate?.estimate).toBe(engine.estimate);
    expect(outcome.estimate?.interval).toEqual(engine.interval);
    expect(outcome.estimate?.warnings).toEqual(engine.warnings);
    expect(saved.request).toEqual(request);
    expect(saved.createdBy).toBe(analyst.userId);

    const reproduction = await service.reproduce(analyst, id);
    expect(reproduction.identical).toBe(true);
    expect(reproduction.reproduced).toEqual(reproduction.saved);

    // The comparison: each threshold's hand-computed table (people observed: 8, 9, 11).
    expect(outcome.comparison.map((c) => [c.threshold, c.method, c.observed])).toEqual([
      [0.2, 'main', 8], [0.2, 'stepwise', 8], [0.35, 'main', 9], [0.35, 'stepwise', 9], [0.9, 'main', 11], [0.9, 'stepwise', 11],
    ]);
    const atClusters = await estimatePopulation({ listNames: ['London', 'Midlands and East of England', 'Scotland'], counts: linkage.expectedCounts['0.9'] }, { method: 'main', level: 0.95, seed: 7 });
    expect(outcome.comparison[4]?.estimate).toBe(atClusters.estimate);

    expect((await service.list(analyst)).map((e) => e.id)).toEqual([id]);
    const audit = await runtime.store.repositories.auditEvents.list({ subjectId: id, limit: 10 });
    expect(audit.map((e) => e.action).sort()).toEqual(['population-estimate.finish', 'population-estimate.start']);
    expect(JSON.parse(audit.find((e) => e.action === 'population-estimate.start')?.details ?? '{}')).toMatchObject({ linkageRunId: linkage.runId, threshold: 0.5 });
  }, 15_000);

  it('gives the hand-computed table at each threshold, from the clusters alone (the run’s upper threshold) down', async () => {
    linkage = await seedStoredLinkage(runtime);
    for (const threshold of ['0.9', '0.35', '0.2'] as const) {
      const id = await service.start(analyst, await service.parseForm(analyst, form({ threshold })));
      await service.settled(id);
      expect((await service.get(analyst, id)).outcome?.table?.counts).toEqual(linkage.expectedCounts[threshold]);
    }
  }, 20_000);

  it('refuses an estimate until a linkage run has finished, and a threshold outside the run’s review range', async () => {
    const none = await service.parseForm(analyst, form()).catch((e: unknown) => e);
    expect(none).toBeInstanceOf(ValidationError);
    expect((none as ValidationError).fieldErrors).toEqual([{ field: 'threshold', message: expect.stringContaining('Run record linkage first') as string }]);
    await seedStoredLinkage(runtime);
    for (const threshold of ['0.95', '0.1']) {
      const refused = await service.parseForm(analyst, form({ threshold })).catch((e: unknown) => e);
      expect((refused as ValidationError).fieldErrors.map((e) => e.message)).toEqual(['Enter a linkage threshold from 0.2 to 0.9, the linkage run’s review range, like 0.9']);
    }
  });

  it('uses the clusters a real linkage run stored', async () => {
    const run = await runtime.services.linkageRuns.runToEnd(analyst, { trigger: 'command' });
    expect(run.status).toBe('finished');
    const id = await service.start(analyst, await service.parseForm(analyst, form({ threshold: '0.9' })));
    await service.settled(id);
    const saved = await service.get(analyst, id);
    expect(saved.request.linkageRunId).toBe(run.id);
    // The fixture's people are told apart and joined by their records alone: the hand-computed table.
    expect(saved.outcome?.table?.counts).toEqual(fixture.expectedCounts);
  }, 20_000);

  it('offers the organisations with potential victims in the period, forces grouped by region', async () => {
    const choices = await service.listChoices(analyst, { from: fixture.from, to: fixture.to });
    expect(choices.map((c) => [c.name, c.records, c.defaultList])).toEqual([
      ['An Garda Síochána', 1, 'Ireland'],
      ['Metropolitan Police Service', 7, 'London'],
      ['West Midlands Police', 4, 'Midlands and East of England'],
      ['Police Scotland', 4, 'Scotland'],
    ]);
  });

  it('refuses bad input with a message per field', async () => {
    await seedStoredLinkage(runtime);
    const refused = await service.parseForm(analyst, form({ from: '2007-13-01', threshold: '1', method: 'guess', listOf: { [fixture.met]: 'London' } })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors.map((e) => e.field).sort()).toEqual(['from', 'lists', 'method', 'threshold']);
  });

  it('is for the national centre’s analysts only', async () => {
    const officer = await actorFor(runtime, demoAccount('officer'));
    const supervisor = await actorFor(runtime, demoAccount('supervisor'));
    const centreSupervisor: UserActor = { ...analyst, roles: new Set(['supervisor']) };
    await seedStoredLinkage(runtime);
    const request = await service.parseForm(analyst, form());
    for (const actor of [officer, supervisor, centreSupervisor]) {
      await expect(service.start(actor, request)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(service.list(actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(service.listChoices(actor)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(service.get(officer, '01900000-0000-7000-8000-0000000000e1')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(service.reproduce(centreSupervisor, '01900000-0000-7000-8000-0000000000e1')).rejects.toBeInstanceOf(ForbiddenError);
    expect(await runtime.store.repositories.populationEstimates.list(10)).toEqual([]);
  });
});
