import { describe, expect, it } from 'vitest';
import { bcaLimits, quantileType8 } from '../../../src/analysis/estimate/bca.ts';
import { bootstrapInterval, type BootstrapResult } from '../../../src/analysis/estimate/bootstrap.ts';
import { createExistenceChecker } from '../../../src/analysis/estimate/existence.ts';
import { runProcedure } from '../../../src/analysis/estimate/procedure.ts';
import { RandomStream } from '../../../src/analysis/estimate/random.ts';
import {
  BOOTSTRAP_AGREEMENT,
  SUMMARIES,
  agreementTolerance,
  bootstrapReferenceTables,
  type Summary,
} from './bootstrapAgreement.ts';
import { computedOf, heldOutTables, keyOf, loadTable, numberAt, referencedTables, relativeDifference } from './referenceData.ts';
import { SPARSEMSE_REPLICATE_ESTIMATES } from './sparsemseReplicates.ts';

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

describe('bootstrap references', () => {
  it('give every table with a SparseMSE bootstrap a measured setting and SparseMSE replicate estimates', () => {
    expect(bootstrapReferenceTables.length).toBeGreaterThan(0);
    expect(Object.keys(BOOTSTRAP_AGREEMENT).sort()).toEqual([...bootstrapReferenceTables].sort());
    expect(Object.keys(SPARSEMSE_REPLICATE_ESTIMATES).sort()).toEqual([...bootstrapReferenceTables].sort());
  });
});

// SparseMSE's estimatepopulation (stepwise selection rerun on 1,000 multinomial resamples, BCa
// limits) is the only bootstrap in the reference; the tolerances and replicate counts, and how
// they were measured, are in bootstrapAgreement.ts.
describe.each(bootstrapReferenceTables)('BCa interval on %s against SparseMSE estimatepopulation', (name) => {
  const setting = BOOTSTRAP_AGREEMENT[name];
  const table = loadTable(name);
  const estimate = numberAt(keyOf(name), 'sparsemse_stepwise', 'popest') ?? Number.NaN;
  const reference = (...keys: string[]): number =>
    numberAt(computedOf(name), 'sparsemse', 'estimatepopulation', ...keys) ?? Number.NaN;
  const progress: number[] = [];
  let run: Promise<BootstrapResult> | undefined;
  // Seed 1234 as R's; both checks below read the same run.
  const bootstrap = (): Promise<BootstrapResult> =>
    (run ??= bootstrapInterval(table, { method: 'stepwise' }, estimate, {
      replicates: setting?.replicates ?? 0,
      seed: 1234,
      threads: 2,
      onProgress: (done) => progress.push(done),
    }));

  it('repeats SparseMSE exactly on each resampled table (first replicates, deterministic)', async () => {
    const result = await bootstrap();
    const expected = SPARSEMSE_REPLICATE_ESTIMATES[name] ?? [];
    expect(expected.length).toBeGreaterThan(0);
    expected.forEach((value, replicate) => {
      const ours = result.replicates[replicate] ?? Number.NaN;
      expect(relativeDifference(ours, value), `replicate ${replicate}: ours ${ours}, SparseMSE ${value}`).toBeLessThan(1e-6);
    });
  });

  it('agrees with SparseMSE in limits, median and mean within the measured Monte Carlo error', async () => {
    if (setting === undefined) throw new Error(`no measured Monte Carlo spread for ${name}`);
    const result = await bootstrap();
    expect(progress.at(-1)).toBe(setting.replicates + table.counts.filter((count) => count > 0).length);
    expect(result.failedReplicates).toBe(reference('bootreps_summary', 'n_na'));
    const sorted = [...result.replicates].sort((a, b) => a - b);
    const computed: Record<Summary, number> = {
      lower: result.interval.lower,
      upper: result.interval.upper,
      median: quantileType8(sorted, 0.5),
      mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    };
    const expected: Record<Summary, number> = {
      lower: reference('BCaquantiles', '0.025'),
      upper: reference('BCaquantiles', '0.975'),
      median: reference('bootreps_summary', 'median'),
      mean: reference('bootreps_summary', 'mean'),
    };
    for (const summary of SUMMARIES) {
      const tolerance = agreementTolerance(setting, summary);
      if (tolerance === undefined) continue;
      const difference = relativeDifference(computed[summary], expected[summary]);
      expect(difference, `${summary}: ours ${computed[summary]}, SparseMSE ${expected[summary]}`).toBeLessThan(tolerance);
    }
  });
});

describe.each(['UKdat_4', 'Kosovo', 'Rcapture_HIV'])('bootstrap replicates on %s', (name) => {
  it('are reproducible: same seed, same replicates, whatever the number of threads', async () => {
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
