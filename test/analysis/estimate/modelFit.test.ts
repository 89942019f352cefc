import { describe, expect, it } from 'vitest';
import { hierarchicalClosure, MAIN_EFFECTS_MODEL, parseHierarchyLabel } from '../../../src/analysis/estimate/design.ts';
import { profileLikelihoodInterval, waldInterval } from '../../../src/analysis/estimate/intervals.ts';
import { fitModel } from '../../../src/analysis/estimate/modelFit.ts';
import { computedOf, heldOutTables, keyOf, loadTable, lookup, numberAt, referencedTables } from './referenceData.ts';

// Deterministic quantities must match R to about 1e-6 relative (README "Tolerances").
const DETERMINISTIC = 1e-6;

function expectClose(actual: number, expected: number | undefined, tolerance = DETERMINISTIC): void {
  expect(expected).toBeTypeOf('number');
  // Saturated models have a deviance of zero up to rounding (R reports ±1e-14): compare absolutely there.
  const scale = Math.max(Math.abs(expected ?? 1), 1e-6);
  expect(Math.abs(actual - (expected ?? Number.NaN)) / scale).toBeLessThan(tolerance);
}

function allPairs(listCount: number): number[] {
  const pairs: number[] = [];
  for (let i = 0; i < listCount; i++) for (let j = i + 1; j < listCount; j++) pairs.push((1 << i) | (1 << j));
  return pairs;
}

describe.each(referencedTables)('fixed models on %s', (name) => {
  const table = loadTable(name);
  const key = keyOf(name);
  const computed = computedOf(name);
  const main = fitModel(table, MAIN_EFFECTS_MODEL);

  it('main effects: N, intercept, deviance and AIC as glm', () => {
    expectClose(main.estimate, numberAt(key, 'main_effects_N_glm'));
    expectClose(main.intercept, numberAt(computed, 'glm_main_effects', 'intercept'));
    expectClose(main.interceptStandardError, numberAt(computed, 'glm_main_effects', 'se_intercept'));
    expectClose(main.deviance, numberAt(computed, 'glm_main_effects', 'deviance'));
    expectClose(main.aic, numberAt(computed, 'glm_main_effects', 'aic'));
    expect(main.residualDegreesOfFreedom).toBe(numberAt(computed, 'glm_main_effects', 'df_residual'));
  });

  it('main effects: Wald interval on the log scale', () => {
    const interval = waldInterval(main);
    expectClose(interval.lower, numberAt(key, 'main_effects_wald95', 0));
    expectClose(interval.upper, numberAt(key, 'main_effects_wald95', 1));
  });

  it('main effects: multinomial profile likelihood estimate and interval (Rcapture closedpCI.t)', () => {
    const profile = profileLikelihoodInterval(table, MAIN_EFFECTS_MODEL, main.estimate);
    expectClose(profile.estimate, numberAt(key, 'rcapture_Mt_multinomial_N_and_profile95', 0));
    expectClose(profile.interval.lower, numberAt(key, 'rcapture_Mt_multinomial_N_and_profile95', 1));
    expectClose(profile.interval.upper, numberAt(key, 'rcapture_Mt_multinomial_N_and_profile95', 2));
  });

  const allTwoWay = numberAt(key, 'all_two_way_N');
  if (allTwoWay !== undefined) {
    it('all two-list interactions, empty overlaps at minus infinity (SparseMSE modelfit mX=0)', () => {
      const fit = fitModel(table, { interactions: allPairs(table.listNames.length) });
      expectClose(fit.estimate, allTwoWay);
      expectClose(fit.deviance, numberAt(computed, 'sparsemse', 'modelfit_all_two_way', 'deviance'));
      expectClose(fit.aic, numberAt(computed, 'sparsemse', 'modelfit_all_two_way', 'aic_adjusted'));
      const expectedEmpty = lookup(key, 'all_two_way_minus_inf_pairs');
      const emptyLabels = fit.design.emptyTerms.map((term) =>
        table.listNames.filter((_, list) => term & (1 << list)).join(':'),
      );
      expect([...emptyLabels].sort()).toEqual([...(expectedEmpty as string[])].sort());
    });
  }

  const bestBic = lookup(computed, 'rcapture', 'closedpMS_t', 'best_model');
  const bestBicRow = lookup(computed, 'rcapture', 'closedpMS_t', 'best');
  if (typeof bestBic === 'string' && numberAt(bestBicRow, 'infoFit') === 0) {
    it(`Rcapture's best BIC model ${bestBic}: abundance, deviance, AIC and BIC`, () => {
      const fit = fitModel(table, parseHierarchyLabel(bestBic));
      expectClose(fit.estimate, numberAt(bestBicRow, 'abundance'));
      expectClose(fit.deviance, numberAt(bestBicRow, 'deviance'));
      expectClose(fit.aic, numberAt(bestBicRow, 'AIC'));
      expectClose(fit.bic, numberAt(bestBicRow, 'BIC'));
    });

    const bestCi = lookup(computed, 'rcapture', 'closedpCI_t_bestBIC', 'CI');
    if (numberAt(bestCi, 'infoCI') === 0) {
      it(`Rcapture's best BIC model ${bestBic}: multinomial profile likelihood estimate and interval`, () => {
        const model = parseHierarchyLabel(bestBic);
        const profile = profileLikelihoodInterval(table, model, fitModel(table, model).estimate);
        expectClose(profile.estimate, numberAt(bestCi, 'abundance'));
        expectClose(profile.interval.lower, numberAt(bestCi, 'infCL'));
        expectClose(profile.interval.upper, numberAt(bestCi, 'supCL'));
      });
    }
  }
});

describe.each(heldOutTables)('held-out table %s (sanity only)', (name) => {
  it('fits main effects and all two-list interactions to finite values', () => {
    const table = loadTable(name);
    const main = fitModel(table, MAIN_EFFECTS_MODEL);
    expect(Number.isFinite(main.estimate)).toBe(true);
    expect(main.estimate).toBeGreaterThanOrEqual(main.observed);
    const interval = waldInterval(main);
    expect(interval.lower).toBeLessThan(main.estimate);
    expect(interval.upper).toBeGreaterThan(main.estimate);
    const profile = profileLikelihoodInterval(table, MAIN_EFFECTS_MODEL, main.estimate);
    expect(Number.isFinite(profile.estimate)).toBe(true);
  });
});

describe('hierarchical closure', () => {
  it('adds the two-list terms implied by a three-list term', () => {
    expect(hierarchicalClosure([0b111]).sort()).toEqual([0b011, 0b101, 0b110, 0b111].sort());
  });
});
