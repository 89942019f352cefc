import type { CaptureTable } from '../captureTable.ts';
import type { LoglinearModel } from '../design.ts';
import type { ExistenceChecker } from '../existence.ts';
import { fitModel, type ModelFit } from '../modelFit.ts';
import { hierarchicalModels } from './hierarchicalModels.ts';
import type { SelectionResult } from './stepwise.ts';

export interface BicResult extends SelectionResult {
  readonly maxOrder: number;
  /** The selected model and those ranked below it, best BIC first (existence checked only for the first). */
  readonly ranking: readonly { readonly model: LoglinearModel; readonly bic: number; readonly estimate: number }[];
  /** Better-ranked models passed over because their estimate does not exist. */
  readonly refusedModels: number;
}

export const MAX_LISTS_FOR_BIC = 5;

/** MultipleSystemsEstimation's default highest interaction order by number of lists. */
export function defaultBicMaxOrder(listCount: number): number {
  if (listCount <= 2) return 1;
  if (listCount === 3) return 2;
  if (listCount <= 5) return 3;
  return 2;
}

/**
 * Best BIC over all hierarchical models up to an order (Rcapture closedpMS.t;
 * MultipleSystemsEstimation's default for up to five lists). Unlike closedpMS.t, models whose
 * estimate does not exist or is not identifiable are left out, as MultipleSystemsEstimation does:
 * otherwise a model with a meaningless estimate of 10^13 can win (Artificial_3).
 */
export function selectByBic(table: CaptureTable, checker: ExistenceChecker, maxOrder?: number): BicResult {
  const k = table.listNames.length;
  const order = Math.min(maxOrder ?? defaultBicMaxOrder(k), k - 1);
  if (k > MAX_LISTS_FOR_BIC + 1 || (k === MAX_LISTS_FOR_BIC + 1 && order > 2)) {
    throw new RangeError(`BIC search over all hierarchical models is limited to ${MAX_LISTS_FOR_BIC} lists (or six lists with two-list terms only)`);
  }
  // Fitting is cheap and the existence LP is not, so rank every model by BIC first and check
  // existence down the ranking: the first model that passes is the one the full check would pick.
  const fits: ModelFit[] = [];
  for (const model of hierarchicalModels(k, Math.max(order, 1))) {
    const fit = fitModel(table, model);
    if (fit.poisson.rank === fit.design.columns.length && Number.isFinite(fit.bic)) fits.push(fit);
  }
  // A stable sort keeps the enumeration order (smaller models first) among exact ties.
  fits.sort((a, b) => a.bic - b.bic);
  let refusedModels = 0;
  const best = fits.find((fit) => {
    const passes = checker.check(table, fit.model).code === 0;
    if (!passes) refusedModels++;
    return passes;
  });
  if (best === undefined) throw new RangeError('no hierarchical model has an existing, identifiable estimate');
  const ranking = fits.slice(fits.indexOf(best));
  return {
    model: best.model,
    fit: best,
    maxOrder: order,
    ranking: ranking.map((fit) => ({ model: fit.model, bic: fit.bic, estimate: fit.estimate })),
    refusedModels,
  };
}
