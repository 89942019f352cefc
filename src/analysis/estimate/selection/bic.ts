import { observedTotal, type CaptureTable } from '../captureTable.ts';
import { logFactorial } from '../distributions.ts';
import type { LoglinearModel } from '../design.ts';
import type { ExistenceChecker } from '../existence.ts';
import { fitModel, type ModelFit } from '../modelFit.ts';
import { hierarchicalModels } from './hierarchicalModels.ts';
import type { SelectionResult } from './stepwise.ts';

export interface BicResult extends SelectionResult {
  readonly maxOrder: number;
  /** The selected model and the fitted models ranked below it, best BIC first (existence checked only for the first). */
  readonly ranking: readonly { readonly model: LoglinearModel; readonly bic: number; readonly estimate: number }[];
  /** Models passed over because their estimate does not exist or is not identifiable. */
  readonly refusedModels: number;
  /** Models actually fitted; the others could not beat the best BIC even fitting perfectly. */
  readonly fittedModels: number;
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
  // Models are visited from the fewest parameters up. No model can fit better than the saturated
  // one, so once −2 log L(saturated) + p log n exceeds the best BIC found among models whose
  // estimate exists, no model with p or more parameters can win and it is not fitted. A model is
  // checked for existence (a linear programme) only when it would become the best. The result is
  // the model a full enumeration with existence checks would pick, at a fraction of the cost.
  const observed = observedTotal(table);
  const saturatedDeviance = -2 * saturatedLogLikelihood(table);
  const candidates = hierarchicalModels(k, Math.max(order, 1))
    .map((model, index) => ({ model, index, parameters: 1 + k + model.interactions.length }))
    .sort((a, b) => a.parameters - b.parameters || a.index - b.index);
  let best: ModelFit | undefined;
  let refusedModels = 0;
  let fittedModels = 0;
  const ranking: ModelFit[] = [];
  for (const candidate of candidates) {
    if (best !== undefined && saturatedDeviance + candidate.parameters * Math.log(observed) > best.bic) break;
    const fit = fitModel(table, candidate.model);
    fittedModels++;
    if (fit.poisson.rank < fit.design.columns.length || !Number.isFinite(fit.bic)) continue;
    if (best !== undefined && !(fit.bic < best.bic)) {
      ranking.push(fit);
      continue;
    }
    if (checker.check(table, candidate.model).code > 0) {
      refusedModels++;
      continue;
    }
    best = fit;
    ranking.push(fit);
  }
  if (best === undefined) throw new RangeError('no hierarchical model has an existing, identifiable estimate');
  ranking.sort((a, b) => a.bic - b.bic);
  return {
    model: best.model,
    fit: best,
    maxOrder: order,
    fittedModels,
    ranking: ranking.slice(ranking.indexOf(best)).map((fit) => ({ model: fit.model, bic: fit.bic, estimate: fit.estimate })),
    refusedModels,
  };
}

/** Poisson log likelihood of the saturated model over the observable cells (fitted = observed). */
function saturatedLogLikelihood(table: CaptureTable): number {
  let total = 0;
  for (let pattern = 1; pattern < table.counts.length; pattern++) {
    const y = table.counts[pattern] ?? 0;
    if (y > 0) total += y * Math.log(y) - y - logFactorial(y);
  }
  return total;
}
