import { describe, expect, it } from 'vitest';
import { bcaLimits, quantileType8 } from '../../../src/analysis/estimate/bca.ts';
import { bootstrapInterval } from '../../../src/analysis/estimate/bootstrap.ts';
import { createExistenceChecker } from '../../../src/analysis/estimate/existence.ts';
import { runProcedure } from '../../../src/analysis/estimate/procedure.ts';
import { RandomStream } from '../../../src/analysis/estimate/random.ts';
import { computedOf, heldOutTables, keyOf, loadTable, numberAt, referencedTables } from './referenceData.ts';

describe('BCa building blocks', () => {
  it('quantile type 8 matches R', () => {
    // Hyndman and Fan definition 8: position (n + 1/3)p + 1/3, so 9.6333 for p = 0.9 and n = 10.
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantileType8(sorted, 0.025)).toBeCloseTo(1, 10);
    expect(quantileType8(sorted, 0.5)).toBeCloseTo(5.5, 10);
    expect(quantileType8(sorted, 0.9)).toBeCloseTo(9.633333333333333, 10);
  });
  it('reduces to percentile limits with no bias and no acceleration', () => {
    const values = Array.from({ length: 999 }, (_, i) => i + 1);
    const [lower, upper] = bcaLimits(values, 500, 0, [0.025, 0.975]);
    expect(lower).toBeCloseTo(quantileType8(values, 0.025), 0);
    expect(upper).toBeCloseTo(quantileType8(values, 0.975), 0);
  });
});

describe('seeded random streams', () => {
  it('repeat exactly for the same seed and stream and differ otherwise', () => {
    const draw = (seed: number, stream: number): number[] => {
      const random = new RandomStream(seed, stream);
      return [random.uniform(), random.poisson(3), random.poisson(250), random.gamma(0.4)];
    };
    expect(draw(1234, 7)).toEqual(draw(1234, 7));
    expect(draw(1234, 7)).not.toEqual(draw(1234, 8));
    expect(draw(1234, 7)).not.toEqual(draw(1235, 7));
  });
  it('samples Poisson and gamma with the right means', () => {
    const random = new RandomStream(42);
    for (const mean of [0.5, 4, 30, 900]) {
      let sum = 0;
      for (let i = 0; i < 20000; i++) sum += random.poisson(mean);
      // Standard error of the mean is sqrt(mean / 20000); allow five of them.
      expect(Math.abs(sum / 20000 - mean)).toBeLessThan(5 * Math.sqrt(mean / 20000));
    }
    let gammaSum = 0;
    for (let i = 0; i < 20000; i++) gammaSum += random.gamma(0.25);
    expect(Math.abs(gammaSum / 20000 - 0.25)).toBeLessThan(5 * Math.sqrt(0.25 / 20000));
  });
});

describe.each(referencedTables)('stepwise bootstrap on %s', (name) => {
  const table = loadTable(name);
  const estimate = numberAt(keyOf(name), 'sparsemse_stepwise', 'popest') ?? Number.NaN;
  const reference = (keyPath: string): number | undefined =>
    numberAt(computedOf(name), 'sparsemse', 'estimatepopulation', ...keyPath.split('.'));

  it('jackknife acceleration equals SparseMSE ahat (deterministic)', async () => {
    const result = await bootstrapInterval(table, { method: 'stepwise' }, estimate, { replicates: 20, seed: 1, threads: 0 });
    const expected = reference('ahat') ?? Number.NaN;
    expect(Math.abs(result.acceleration - expected)).toBeLessThan(1e-6 * Math.max(Math.abs(expected), 1e-3));
  });
});

// Bootstrap limits follow R's random stream, so they can only agree in distribution. With 1,000
// replicates the 2.5% limit moves by about ±4% between seeds (measured on UKdat_4, Kosovo and
// HIV with seeds 1234, 1, 2, 3); with the 200 replicates used here to stay in the CI budget its
// Monte Carlo error is about √5 times larger, so the limits are held to 20% and the median and
// mean of the replicates, which are far more stable, to 5%.
describe.each(['UKdat_4', 'Kosovo', 'Rcapture_HIV'])('BCa interval on %s with 200 replicates in worker threads', (name) => {
  it('agrees with SparseMSE in distribution and limits', async () => {
    const table = loadTable(name);
    const estimate = numberAt(keyOf(name), 'sparsemse_stepwise', 'popest') ?? Number.NaN;
    const progress: number[] = [];
    const result = await bootstrapInterval(table, { method: 'stepwise' }, estimate, {
      replicates: 200,
      seed: 1234,
      threads: 2,
      onProgress: (done) => progress.push(done),
    });
    expect(progress.at(-1)).toBe(200 + table.counts.filter((count) => count > 0).length);
    expect(result.failedReplicates).toBe(0);
    const sorted = [...result.replicates].sort((a, b) => a - b);
    const median = quantileType8(sorted, 0.5);
    const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
    const summary = (field: string): number =>
      numberAt(computedOf(name), 'sparsemse', 'estimatepopulation', 'bootreps_summary', field) ?? Number.NaN;
    expect(Math.abs(median / summary('median') - 1)).toBeLessThan(0.05);
    expect(Math.abs(mean / summary('mean') - 1)).toBeLessThan(0.05);
    const limits = numberAt(keyOf(name), 'sparsemse_stepwise', 'BCa95', 0) ?? Number.NaN;
    const upperLimit = numberAt(keyOf(name), 'sparsemse_stepwise', 'BCa95', 1) ?? Number.NaN;
    expect(Math.abs(result.interval.lower / limits - 1)).toBeLessThan(0.2);
    expect(Math.abs(result.interval.upper / upperLimit - 1)).toBeLessThan(0.2);
  });

  it('is reproducible: same seed, same replicates, whatever the number of threads', async () => {
    const table = loadTable(name);
    const run = (threads: number) => bootstrapInterval(table, { method: 'main' }, 1000, { replicates: 30, seed: 99, threads });
    const [inline, pooled] = await Promise.all([run(0), run(2)]);
    expect(pooled.replicates).toEqual(inline.replicates);
  });
});

describe('parametric bootstrap (Poisson draws from the selected model)', () => {
  it('gives a reproducible interval around the estimate', async () => {
    const table = loadTable('UKdat_4');
    const checker = await createExistenceChecker();
    const outcome = runProcedure(table, { method: 'stepwise' }, checker);
    const run = () =>
      bootstrapInterval(table, { method: 'stepwise' }, outcome.estimate, {
        replicates: 60,
        seed: 5,
        threads: 0,
        scheme: 'parametric',
        fittedCells: outcome.fit.fittedCells,
      });
    const [first, second] = [await run(), await run()];
    expect(second.replicates).toEqual(first.replicates);
    expect(first.scheme).toBe('parametric');
    expect(first.failedReplicates).toBe(0);
    expect(first.interval.lower).toBeLessThan(outcome.estimate);
    expect(first.interval.upper).toBeGreaterThan(outcome.estimate);
  });

  it('needs the fitted cells', async () => {
    await expect(
      bootstrapInterval(loadTable('Korea'), { method: 'main' }, 200, { replicates: 5, seed: 1, threads: 0, scheme: 'parametric' }),
    ).rejects.toThrow(/fitted cells/);
  });
});

describe.each(heldOutTables)('bootstrap on held-out table %s (sanity only, 20 replicates)', (name) => {
  it('gives finite BCa limits around the stepwise estimate', async () => {
    const table = loadTable(name);
    const checker = await createExistenceChecker();
    const estimate = runProcedure(table, { method: 'stepwise' }, checker).estimate;
    const result = await bootstrapInterval(table, { method: 'stepwise' }, estimate, { replicates: 20, seed: 3, threads: 0 });
    expect(Number.isFinite(result.interval.lower)).toBe(true);
    expect(Number.isFinite(result.interval.upper)).toBe(true);
    expect(result.interval.lower).toBeLessThanOrEqual(result.interval.upper);
  });
});
