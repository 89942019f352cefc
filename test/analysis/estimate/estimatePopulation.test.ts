import { beforeAll, describe, expect, it } from 'vitest';
import { createExistenceChecker, type ExistenceChecker } from '../../../src/analysis/estimate/existence.ts';
import { estimatePopulation, parseCaptureTable } from '../../../src/analysis/estimate/index.ts';
import { RandomStream } from '../../../src/analysis/estimate/random.ts';
import { computedOf, heldOutTables, keyOf, loadTable, numberAt, referencedTables } from './referenceData.ts';

let checker: ExistenceChecker;
beforeAll(async () => {
  checker = await createExistenceChecker();
});

const close = (actual: number, expected: number | undefined): boolean =>
  expected !== undefined && Math.abs(actual / expected - 1) < 1e-6;

describe.each(referencedTables)('estimatePopulation on %s', (name) => {
  const table = loadTable(name);

  it('stepwise: estimate and Wald interval as SparseMSE estimatepopulation.0', async () => {
    const result = await estimatePopulation(table, { method: 'stepwise', checker, skipSensitivity: true });
    const reference = (field: string): number | undefined =>
      numberAt(computedOf(name), 'sparsemse', 'estimatepopulation0_stepwise', 'estimate', field);
    expect(close(result.estimate, reference('point est.'))).toBe(true);
    expect(close(result.interval.lower, reference('2.5%'))).toBe(true);
    expect(close(result.interval.upper, reference('97.5%'))).toBe(true);
    expect(result.darkFigure).toBeCloseTo(result.estimate - result.observed, 6);
    expect(result.observed).toBe(numberAt(keyOf(name), 'total_observed'));
  });
});

describe('honest output', () => {
  it('Artificial_3: warns about lists that never overlap and refuses nothing it reports', async () => {
    const result = await estimatePopulation(loadTable('Artificial_3'), { method: 'bic', checker });
    expect(result.model.hierarchy).toBe('[1,2,3]');
    expect(result.warnings.join(' ')).toMatch(/List C shares nobody with any other list/);
    expect(result.warnings.join(' ')).toMatch(/A:C, B:C/);
    expect(result.warnings.join(' ')).toMatch(/Only 96 people/);
  });

  it('Ned: reports the empty overlaps in the model, the large ratio and the method sensitivity', async () => {
    const result = await estimatePopulation(loadTable('Ned'), { method: 'stepwise', checker });
    expect(result.model.emptyTerms).toEqual(['K:R', 'I:K']);
    const text = result.warnings.join(' ');
    expect(text).toMatch(/13\.5 times/);
    expect(text).toMatch(/sensitive to the method/);
  });

  it('forward AIC reports the profile likelihood estimate and interval, as modslavmse', async () => {
    const result = await estimatePopulation(loadTable('UKdat_4'), { method: 'aic', threshold: 0.001, checker, skipSensitivity: true });
    expect(close(result.estimate, numberAt(keyOf('UKdat_4'), 'BHS_modslavmse_p0.001', 'point'))).toBe(true);
    expect(result.interval.kind).toBe('profile-likelihood');
    expect(close(result.interval.lower, numberAt(keyOf('UKdat_4'), 'BHS_modslavmse_p0.001', '95', 0))).toBe(true);
  });

  it('lcmcr carries its diagnostics', async () => {
    const result = await estimatePopulation(loadTable('Korea'), { method: 'lcmcr', checker, lcmcr: { burnIn: 1000, samples: 200 } });
    expect(result.interval.kind).toBe('bayesian-credible');
    expect(result.lcmcr?.diagnostics.effectiveSampleSize).toBeGreaterThan(0);
    expect(result.model.terms).toEqual([]);
  });
});

describe.each(heldOutTables)('estimatePopulation on held-out table %s (sanity only)', (name) => {
  it.each(['main', 'stepwise', 'aic'] as const)('%s gives a finite estimate, interval and warnings', async (method) => {
    // The comparison with other methods refits the same methods; it is exercised on Ned above.
    const result = await estimatePopulation(loadTable(name), { method, checker, skipSensitivity: true });
    expect(Number.isFinite(result.estimate)).toBe(true);
    expect(result.estimate).toBeGreaterThanOrEqual(result.observed);
    expect(result.interval.lower).toBeLessThanOrEqual(result.estimate);
    expect(result.interval.upper).toBeGreaterThanOrEqual(result.estimate);
    expect(Array.isArray(result.warnings)).toBe(true);
  });
});

describe('twelve lists, the most the engine takes', () => {
  it('reads, checks and fits a simulated twelve-list table', async () => {
    // 3,000 people, twelve independent lists with capture probabilities 5%–27%: main effects are
    // the true model, so the estimate must be close to 3,000.
    const random = new RandomStream(12);
    const lists = Array.from({ length: 12 }, (_, j) => `L${j + 1}`);
    const counts = new Map<number, number>();
    for (let person = 0; person < 3000; person++) {
      let pattern = 0;
      for (let j = 0; j < 12; j++) if (random.uniform() < 0.05 + 0.02 * j) pattern |= 1 << j;
      if (pattern !== 0) counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
    }
    const csv = [
      `${lists.join(',')},count`,
      ...[...counts].map(([pattern, count]) => `${lists.map((_, j) => (pattern >> j) & 1).join(',')},${count}`),
    ].join('\n');
    const table = parseCaptureTable(csv);
    const result = await estimatePopulation(table, { method: 'main', checker });
    expect(result.estimate).toBeGreaterThan(2800);
    expect(result.estimate).toBeLessThan(3200);
    expect(result.interval.lower).toBeLessThan(3000);
    expect(result.interval.upper).toBeGreaterThan(3000);
    expect(result.model.hierarchy).toBeNull();
  });
});
