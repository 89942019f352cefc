import { describe, expect, it } from 'vitest';
import { effectiveSampleSize, runLcmcr } from '../../../src/analysis/estimate/lcmcr.ts';
import { RandomStream } from '../../../src/analysis/estimate/random.ts';
import { heldOutTables, keyOf, loadTable, numberAt, referencedTables } from './referenceData.ts';

// LCMCR's defaults and the reference seed; the reference is R's C++ sampler with GSL's random
// stream, so only the posterior can agree, not the draws.
const REFERENCE_SEED = 20240101;

describe.each(referencedTables)('LCMCR on %s (defaults: K = 5, burn-in 10,000, 1,000 samples thinned by 10)', (name) => {
  it('posterior median agrees with LCMCR', () => {
    const table = loadTable(name);
    const result = runLcmcr(table, { seed: REFERENCE_SEED });
    const median = numberAt(keyOf(name), 'lcmcr_default_median_95', 0) ?? Number.NaN;
    const lower = numberAt(keyOf(name), 'lcmcr_default_median_95', 1) ?? Number.NaN;
    const upper = numberAt(keyOf(name), 'lcmcr_default_median_95', 2) ?? Number.NaN;
    expect(result.draws).toHaveLength(1000);
    expect(result.interval.lower).toBeLessThanOrEqual(result.median);
    expect(result.interval.upper).toBeGreaterThanOrEqual(result.median);
    if (result.diagnostics.effectiveSampleSize >= 100) {
      // A well-mixed chain must land inside the reference's 95% credible interval.
      expect(result.median).toBeGreaterThanOrEqual(lower);
      expect(result.median).toBeLessThanOrEqual(upper);
    } else {
      // Poorly mixing chains on sparse or multimodal tables (README: "order-of-magnitude checks"):
      // the median must be within a factor of three, and the diagnostics must say so.
      expect(result.median / median).toBeGreaterThan(1 / 3);
      expect(result.median / median).toBeLessThan(3);
    }
  });
});

describe('LCMCR sampler', () => {
  it('is reproducible for a seed and differs between seeds', () => {
    const table = loadTable('Korea');
    const settings = { burnIn: 500, samples: 100, thinning: 2 };
    expect(runLcmcr(table, { seed: 5, ...settings }).draws).toEqual(runLcmcr(table, { seed: 5, ...settings }).draws);
    expect(runLcmcr(table, { seed: 6, ...settings }).draws).not.toEqual(runLcmcr(table, { seed: 5, ...settings }).draws);
  });

  it('reports progress up to the total number of iterations', () => {
    const seen: number[] = [];
    runLcmcr(loadTable('Korea'), { seed: 1, burnIn: 200, samples: 50, thinning: 2, onProgress: (done, total) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
  });

  it('effective sample size is the sample size for independent draws and small for a sticky chain', () => {
    const random = new RandomStream(3);
    const independent = Array.from({ length: 2000 }, () => random.uniform());
    expect(effectiveSampleSize(independent)).toBeGreaterThan(1000);
    const sticky = Array.from({ length: 2000 }, (_, i) => Math.floor(i / 200));
    expect(effectiveSampleSize(sticky)).toBeLessThan(50);
  });
});

describe.each(heldOutTables)('LCMCR on held-out table %s (sanity only, short chain)', (name) => {
  it('gives a finite posterior above the observed total', () => {
    const result = runLcmcr(loadTable(name), { seed: REFERENCE_SEED, burnIn: 1000, samples: 200, thinning: 5 });
    expect(Number.isFinite(result.median)).toBe(true);
    expect(result.interval.lower).toBeGreaterThanOrEqual(result.observed);
  });
});
