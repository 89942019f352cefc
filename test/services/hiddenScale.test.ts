import { afterEach, beforeEach, expect, it } from 'vitest';
import type { UserActor } from '../../src/access/actor.ts';
import { ForbiddenError, ValidationError } from '../../src/access/errors.ts';
import { estimatePopulation } from '../../src/analysis/estimate/index.ts';
import { HiddenScaleService, type HiddenScaleForm } from '../../src/services/hiddenScale.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { seedHiddenScaleFixture, type HiddenScaleFixture } from '../support/hiddenScaleFixture.ts';

describeEachDatabase('hidden scale estimates', (dialect) => {
  let runtime: TestRuntime;
  let fixture: HiddenScaleFixture;
  let analyst: UserActor;
  let service: HiddenScaleService;
  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    fixture = await seedHiddenScaleFixture(runtime);
    analyst = await actorFor(runtime, demoAccount('analyst'));
    // Compared at two thresholds by the fast methods only, to keep the test quick.
    service = new HiddenScaleService(runtime.services.context, { comparison: { thresholds: [0.9, 0.99], methods: ['main', 'stepwise'] } });
  });
  afterEach(async () => {
    await service.drain();
    await runtime.dispose();
  });

  const form = (overrides: Partial<HiddenScaleForm> = {}): HiddenScaleForm => ({
    from: fixture.from, to: fixture.to, method: 'main', threshold: '0.9', seed: '7', bootstrapReplicates: '0',
    listOf: Object.fromEntries(fixture.lists.flatMap((l) => l.organisationIds.map((id) => [id, l.name]))),
    ...overrides,
  });

  it('links the potential victims, builds the hand-computed overlap table and gives the engine’s estimate for it, reproducibly', async () => {
    const request = await service.parseForm(analyst, form());
    expect(request.lists.map((l) => l.name)).toEqual(fixture.lists.map((l) => l.name));
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
    expect(outcome.table?.counts).toEqual(fixture.expectedCounts);
    // 15 potential-victim records in the period from listed forces; 10 people.
    expect(outcome.linkage).toMatchObject({ records: 15, people: 10, threshold: 0.9 });
    expect(outcome.linkage.settings?.linkType).toBe('linkAndDedupe');

    const engine = await estimatePopulation({ listNames: ['London', 'Midlands and East of England', 'Scotland'], counts: fixture.expectedCounts }, { method: 'main', level: 0.95, seed: 7 });
    expect(outcome.estimate?.estimate).toBe(engine.estimate);
    expect(outcome.estimate?.interval).toEqual(engine.interval);
    expect(outcome.estimate?.warnings).toEqual(engine.warnings);
    expect(saved.request).toEqual(request);
    expect(saved.createdBy).toBe(analyst.userId);

    const reproduction = await service.reproduce(analyst, id);
    expect(reproduction.identical).toBe(true);
    expect(reproduction.reproduced).toEqual(reproduction.saved);

    expect(outcome.comparison.map((c) => [c.threshold, c.method])).toEqual([[0.9, 'main'], [0.9, 'stepwise'], [0.99, 'main'], [0.99, 'stepwise']]);
    expect(outcome.comparison[0]?.estimate).toBe(engine.estimate);

    expect((await service.list(analyst)).map((e) => e.id)).toEqual([id]);

    const audit = await runtime.store.repositories.auditEvents.list({ subjectId: id, limit: 10 });
    expect(audit.map((e) => e.action).sort()).toEqual(['population-estimate.finish', 'population-estimate.start']);
  }, 15_000);

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
    const refused = await service.parseForm(analyst, form({ from: '2007-13-01', threshold: '1', method: 'guess', listOf: { [fixture.met]: 'London' } })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors.map((e) => e.field).sort()).toEqual(['from', 'lists', 'method', 'threshold']);
  });

  it('is for the national centre’s analysts only', async () => {
    const officer = await actorFor(runtime, demoAccount('officer'));
    const supervisor = await actorFor(runtime, demoAccount('supervisor'));
    const centreSupervisor: UserActor = { ...analyst, roles: new Set(['supervisor']) };
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
