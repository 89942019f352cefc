import type { CaptureTable } from './captureTable.ts';
import { hierarchicalClosure, type LoglinearModel } from './design.ts';
import type { ExistenceChecker } from './existence.ts';
import { profileLikelihoodEstimate } from './intervals.ts';
import { fitModel, type ModelFit } from './modelFit.ts';
import { DEFAULT_AIC_THRESHOLD, selectForwardAic } from './selection/aic.ts';
import { selectByBic } from './selection/bic.ts';
import { DEFAULT_STEPWISE_THRESHOLD, selectStepwise } from './selection/stepwise.ts';

/**
 * A log-linear estimation procedure: how the model is chosen, then N = n + exp(intercept). The
 * bootstrap reruns the whole procedure, selection included, on every resampled table.
 */
export type LoglinearProcedure =
  | { readonly method: 'main' }
  | { readonly method: 'fixed'; readonly interactions: readonly number[] }
  | { readonly method: 'stepwise'; readonly threshold?: number }
  | { readonly method: 'aic'; readonly threshold?: number }
  | { readonly method: 'bic'; readonly maxOrder?: number };

export interface ProcedureOutcome {
  readonly model: LoglinearModel;
  readonly fit: ModelFit;
  /** The procedure's estimate of N. */
  readonly estimate: number;
}

export class EstimateRefusedError extends Error {
  override readonly name = 'EstimateRefusedError';
}

export function runProcedure(
  table: CaptureTable,
  procedure: LoglinearProcedure,
  checker: ExistenceChecker,
  options: { readonly checkFixedModel?: boolean } = {},
): ProcedureOutcome {
  switch (procedure.method) {
    case 'main':
    case 'fixed': {
      const model: LoglinearModel =
        procedure.method === 'main' ? { interactions: [] } : { interactions: hierarchicalClosure(procedure.interactions) };
      if (options.checkFixedModel ?? true) {
        const verdict = checker.check(table, model);
        if (verdict.code > 0) throw new EstimateRefusedError(`this model cannot be used: ${verdict.explanation}`);
      }
      const fit = fitModel(table, model);
      return { model, fit, estimate: fit.estimate };
    }
    case 'stepwise': {
      const result = selectStepwise(table, checker, procedure.threshold ?? DEFAULT_STEPWISE_THRESHOLD);
      return { model: result.model, fit: result.fit, estimate: result.fit.estimate };
    }
    case 'aic': {
      // modslavmse reports the multinomial profile likelihood estimate of the selected model.
      const result = selectForwardAic(table, procedure.threshold ?? DEFAULT_AIC_THRESHOLD);
      return { model: result.model, fit: result.fit, estimate: profileLikelihoodEstimate(table, result.model, result.fit.estimate) };
    }
    case 'bic': {
      const result = selectByBic(table, checker, procedure.maxOrder);
      return { model: result.model, fit: result.fit, estimate: result.fit.estimate };
    }
  }
}
