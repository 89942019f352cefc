// The demo operation (seed 1, scale 1) loaded into the database: the hidden scale by region.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadDemoOperation } from '../../src/services/demoOperation.ts';
import { HiddenScaleService } from '../../src/services/hiddenScale.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';

describeEachDatabase('the hidden scale of the demo operation', (dialect) => {
  let runtime: TestRuntime;
  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    await loadDemoOperation(runtime.services.context, { seed: 1, scale: 1 });
  });
  afterEach(async () => {
    await runtime.dispose();
  });

  it('is finite, at least the people observed, and moves with the linkage threshold', async () => {
    const analyst = await actorFor(runtime, demoAccount('analyst'));
    const run = await runtime.services.linkageRuns.runToEnd(analyst, { trigger: 'command' });
    expect(run.status).toBe('finished');
    const service = new HiddenScaleService(runtime.services.context, { comparison: { thresholds: [0.5, 0.9], methods: ['main'] } });
    const choices = await service.listChoices(analyst);
    // The default lists: police forces by region and nation.
    const lists = new Set(choices.map((c) => c.defaultList));
    expect([...lists].sort()).toEqual(['Ireland', 'London', 'Midlands and East of England', 'North of England', 'Northern Ireland', 'Scotland', 'South of England', 'Wales']);
    const request = await service.parseForm(analyst, { method: 'main', threshold: '0.9', listOf: Object.fromEntries(choices.map((c) => [c.organisationId, c.defaultList])) });
    const id = await service.start(analyst, request);
    await service.settled(id);
    const saved = await service.get(analyst, id);
    expect(saved.error).toBeNull();
    const estimate = saved.outcome?.estimate;
    if (estimate === undefined || estimate === null) throw new Error(`no estimate: ${saved.outcome?.refusal ?? ''}`);
    expect(Number.isFinite(estimate.estimate)).toBe(true);
    expect(estimate.estimate).toBeGreaterThanOrEqual(estimate.observed);
    expect(estimate.warnings.length).toBeGreaterThan(0);
    const [loose, strict] = saved.outcome?.comparison ?? [];
    expect(saved.request.linkageRunId).toBe(run.id);
    expect(saved.outcome?.methodNote).toContain(`linkage run ${run.id}`);
    // The clusters alone (0.9) against the doubtful pairs from 0.5 taken as matches.
    expect([loose?.threshold, strict?.threshold]).toEqual([0.5, 0.9]);
    expect(strict?.observed).toBeGreaterThan(loose?.observed ?? Infinity);
    expect(strict?.estimate).not.toBe(loose?.estimate);
    expect(Number.isFinite(loose?.estimate ?? NaN) && Number.isFinite(strict?.estimate ?? NaN)).toBe(true);
  }, 60_000);
});
