import type { CaptureTable } from '../captureTable.ts';
import { MAIN_EFFECTS_MODEL } from '../design.ts';
import { fitModel, parameterPValue } from '../modelFit.ts';
import { firstMinimumIndex, twoListTerms } from './candidates.ts';
import type { SelectionResult } from './stepwise.ts';

export interface AicStep {
  readonly term: number;
  readonly aic: number;
  readonly pValue: number;
}

export interface AicResult extends SelectionResult {
  readonly steps: readonly AicStep[];
}

/** The thresholds of the UK 2014 analysis (Bales, Hesketh and Silverman 2015). */
export const DEFAULT_AIC_THRESHOLD = 0.05;

/**
 * Forward selection by AIC with a Wald stop, as modslavmse's MSEfit (the method behind the UK 2014
 * estimate): add the two-list term that lowers the AIC most; stop when none lowers it, or when the
 * new term's Wald p-value exceeds the threshold. A term with nobody in its overlap has no finite
 * estimate and so cannot pass the Wald test.
 */
export function selectForwardAic(table: CaptureTable, threshold = DEFAULT_AIC_THRESHOLD): AicResult {
  const candidates = twoListTerms(table.listNames.length);
  let model = MAIN_EFFECTS_MODEL;
  let fit = fitModel(table, model);
  const steps: AicStep[] = [];
  for (let cycle = 0; cycle < candidates.length; cycle++) {
    const trials = candidates.map((term) =>
      model.interactions.includes(term) ? undefined : fitModel(table, { interactions: [...model.interactions, term] }),
    );
    const aics = trials.map((trial) => trial?.aic ?? fit.aic);
    const best = firstMinimumIndex(aics);
    const bestAic = aics[best] ?? fit.aic;
    const trial = trials[best];
    if (bestAic >= fit.aic || trial === undefined) break;
    const term = candidates[best] ?? 0;
    const pValue = parameterPValue(trial, term);
    if (!(pValue <= threshold)) break;
    model = trial.model;
    fit = trial;
    steps.push({ term, aic: bestAic, pValue });
  }
  return { model, fit, steps };
}
