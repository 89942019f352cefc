import { observedTotal, type CaptureTable } from './captureTable.ts';
import { normalCdf } from './distributions.ts';
import { buildDesign, cellCounts, type LoglinearModel, type ModelDesign } from './design.ts';
import { fitPoisson, type PoissonFit } from './poissonFit.ts';

/**
 * A fitted log-linear model. The population estimate is N = n + exp(intercept): the intercept is
 * the log of the expected count in the unobservable "on no list" cell.
 */
export interface ModelFit {
  readonly model: LoglinearModel;
  readonly design: ModelDesign;
  readonly poisson: PoissonFit;
  readonly observed: number;
  readonly intercept: number;
  readonly interceptStandardError: number;
  readonly darkFigure: number;
  readonly estimate: number;
  readonly deviance: number;
  readonly residualDegreesOfFreedom: number;
  /** Number of parameters, counting the ones fixed at minus infinity (as SparseMSE's adjusted AIC). */
  readonly parameterCount: number;
  /** −2 log L + 2 × parameters, with glm's Poisson likelihood. */
  readonly aic: number;
  /** −2 log L + log(n) × parameters, n the number of people observed (as Rcapture and MultipleSystemsEstimation). */
  readonly bic: number;
  readonly fittedCells: readonly { readonly pattern: number; readonly observed: number; readonly fitted: number }[];
}

export function fitModel(table: CaptureTable, model: LoglinearModel): ModelFit {
  const design = buildDesign(table, model);
  const counts = cellCounts(table, design.cells);
  const poisson = fitPoisson(design.matrix, design.cells.length, design.columns.length, counts);
  const observed = observedTotal(table);
  const intercept = poisson.coefficients[0] ?? Number.NaN;
  const interceptVariance = poisson.covarianceUnscaled[0] ?? Number.NaN;
  const parameterCount = poisson.rank + design.emptyTerms.length;
  const darkFigure = Math.exp(intercept);
  return {
    model,
    design,
    poisson,
    observed,
    intercept,
    interceptStandardError: Math.sqrt(interceptVariance),
    darkFigure,
    estimate: observed + darkFigure,
    deviance: poisson.deviance,
    residualDegreesOfFreedom: design.cells.length - poisson.rank,
    parameterCount,
    aic: -2 * poisson.logLikelihood + 2 * parameterCount,
    bic: -2 * poisson.logLikelihood + Math.log(observed) * parameterCount,
    fittedCells: design.cells.map((pattern, row) => ({
      pattern,
      observed: counts[row] ?? 0,
      fitted: poisson.fitted[row] ?? 0,
    })),
  };
}

/** Wald statistic p-value of one model parameter (two-sided normal), NaN if it is not estimable. */
export function parameterPValue(fit: ModelFit, term: number): number {
  const column = fit.design.columns.indexOf(term);
  if (column < 0) return Number.NaN;
  const size = fit.design.columns.length;
  const estimate = fit.poisson.coefficients[column] ?? Number.NaN;
  const variance = fit.poisson.covarianceUnscaled[column * size + column] ?? Number.NaN;
  const z = estimate / Math.sqrt(variance);
  return 2 * normalCdf(-Math.abs(z));
}
