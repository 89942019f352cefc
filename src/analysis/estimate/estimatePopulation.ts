import { observedTotal, type CaptureTable } from './captureTable.ts';
import { bootstrapInterval, type BootstrapResult } from './bootstrap.ts';
import type { BootstrapScheme } from './bootstrapReplicates.ts';
import { hierarchyLabel, termLabel, type LoglinearModel } from './design.ts';
import { createExistenceChecker, type ExistenceChecker } from './existence.ts';
import { profileLikelihoodInterval, waldInterval, type PopulationInterval } from './intervals.ts';
import { runLcmcr, type LcmcrDiagnostics, type LcmcrOptions } from './lcmcr.ts';
import type { ModelFit } from './modelFit.ts';
import { EstimateRefusedError, runProcedure, type LoglinearProcedure } from './procedure.ts';
import { estimateWarnings, methodSensitivityWarning, tableWarnings } from './warnings.ts';

export type EstimateMethod = 'main' | 'stepwise' | 'aic' | 'bic' | 'lcmcr';

export interface EstimateOptions {
  readonly method?: EstimateMethod;
  /** Interaction terms (bitmasks) of a fixed model; only with the main-effects method. */
  readonly terms?: readonly number[];
  readonly level?: number;
  /** p-value threshold of the stepwise (default 0.02) or forward-AIC (default 0.05) selection. */
  readonly threshold?: number;
  /** Highest interaction order for the BIC search. */
  readonly maxOrder?: number;
  readonly bootstrap?: {
    readonly replicates: number;
    readonly seed: number;
    readonly threads?: number;
    readonly scheme?: BootstrapScheme;
    readonly onProgress?: (completed: number, total: number) => void;
  };
  readonly lcmcr?: Partial<LcmcrOptions>;
  /** Seed for LCMCR when `lcmcr.seed` is not given. */
  readonly seed?: number;
  /** Skip the comparison with other methods (it refits the table a few times). */
  readonly skipSensitivity?: boolean;
  readonly checker?: ExistenceChecker;
}

export interface ModelSummary {
  /** Interaction terms with a finite parameter, list names joined by ':'. */
  readonly terms: readonly string[];
  /** Terms in the model whose overlap is empty, fixed at minus infinity. */
  readonly emptyTerms: readonly string[];
  /** Rcapture / MultipleSystemsEstimation notation, e.g. "[12,13,4]"; null beyond nine lists. */
  readonly hierarchy: string | null;
  readonly deviance?: number;
  readonly residualDegreesOfFreedom?: number;
  readonly aic?: number;
  readonly bic?: number;
}

/** What every estimate carries, so that no figure travels without its uncertainty and caveats. */
export interface PopulationEstimate {
  readonly observed: number;
  readonly estimate: number;
  readonly darkFigure: number;
  readonly interval: PopulationInterval;
  /** Other intervals computed for the same estimate (e.g. profile likelihood next to Wald). */
  readonly otherIntervals: readonly PopulationInterval[];
  readonly model: ModelSummary;
  readonly method: EstimateMethod | 'fixed';
  readonly warnings: readonly string[];
  readonly bootstrap?: Pick<BootstrapResult, 'failedReplicates' | 'acceleration' | 'seed' | 'scheme'> & { readonly replicates: number };
  readonly lcmcr?: { readonly median: number; readonly mean: number; readonly diagnostics: LcmcrDiagnostics; readonly seed: number };
}

export const DEFAULT_METHOD: EstimateMethod = 'stepwise';
export const DEFAULT_LCMCR_SEED = 20240101;

function procedureFor(method: Exclude<EstimateMethod, 'lcmcr'>, options: EstimateOptions): LoglinearProcedure {
  switch (method) {
    case 'main':
      return options.terms !== undefined && options.terms.length > 0
        ? { method: 'fixed', interactions: options.terms }
        : { method: 'main' };
    case 'stepwise':
      return options.threshold === undefined ? { method: 'stepwise' } : { method: 'stepwise', threshold: options.threshold };
    case 'aic':
      return options.threshold === undefined ? { method: 'aic' } : { method: 'aic', threshold: options.threshold };
    case 'bic':
      return options.maxOrder === undefined ? { method: 'bic' } : { method: 'bic', maxOrder: options.maxOrder };
  }
}

export function summariseModel(table: CaptureTable, model: LoglinearModel, fit?: ModelFit): ModelSummary {
  const empty = fit?.design.emptyTerms ?? [];
  const summary: ModelSummary = {
    terms: model.interactions.filter((term) => !empty.includes(term)).map((term) => termLabel(term, table.listNames)),
    emptyTerms: model.interactions.filter((term) => empty.includes(term)).map((term) => termLabel(term, table.listNames)),
    hierarchy: table.listNames.length <= 9 ? hierarchyLabel(model, table.listNames.length) : null,
  };
  if (fit === undefined) return summary;
  return { ...summary, deviance: fit.deviance, residualDegreesOfFreedom: fit.residualDegreesOfFreedom, aic: fit.aic, bic: fit.bic };
}

/**
 * Estimates the total population from a capture table with the chosen method, with an interval
 * and plain-language warnings. Models whose estimate does not exist or is not identifiable are
 * refused (EstimateRefusedError), never silently fitted.
 */
export async function estimatePopulation(table: CaptureTable, options: EstimateOptions = {}): Promise<PopulationEstimate> {
  const method = options.method ?? DEFAULT_METHOD;
  if (options.terms !== undefined && options.terms.length > 0 && method !== 'main') {
    throw new RangeError('interaction terms fix the model, so they go with the main-effects method only');
  }
  const level = options.level ?? 0.95;
  const observed = observedTotal(table);
  const warnings = tableWarnings(table);
  const checker = options.checker ?? (await createExistenceChecker());

  if (method === 'lcmcr') {
    const seed = options.lcmcr?.seed ?? options.seed ?? DEFAULT_LCMCR_SEED;
    const result = runLcmcr(table, { ...options.lcmcr, seed, level });
    const diagnostics = result.diagnostics;
    if (diagnostics.effectiveSampleSize < 100) {
      warnings.push(
        `The sampler mixed poorly (effective sample size ${diagnostics.effectiveSampleSize.toFixed(0)} of ${result.draws.length} draws): ` +
          'the posterior may have several modes; rerun with a longer chain or another seed before relying on it.',
      );
    }
    if (Math.abs(diagnostics.gewekeZ) > 3) {
      warnings.push(`The chain had not settled (early and late draws differ, z = ${diagnostics.gewekeZ.toFixed(1)}); use a longer burn-in.`);
    }
    if (diagnostics.shareAtCap > 0) {
      warnings.push('Some draws hit the cap of 20 times the observed total: the data barely bound the hidden population.');
    }
    warnings.push(...estimateWarnings(observed, result.median, result.interval));
    addSensitivity(warnings, table, checker, options, { method: 'lcmcr', estimate: result.median });
    return {
      observed,
      estimate: result.median,
      darkFigure: result.median - observed,
      interval: result.interval,
      otherIntervals: [],
      model: { terms: [], emptyTerms: [], hierarchy: null },
      method,
      warnings,
      lcmcr: { median: result.median, mean: result.mean, diagnostics, seed },
    };
  }

  const procedure = procedureFor(method, options);
  const outcome = runProcedure(table, procedure, checker);
  const verdict = checker.check(table, outcome.model);
  if (verdict.code > 0) {
    // Forward AIC does not check existence while it selects; never report such a model.
    throw new EstimateRefusedError(`the ${method} procedure chose a model that cannot be used: ${verdict.explanation}`);
  }
  const fit = outcome.fit;
  if (!fit.poisson.converged) warnings.push('The model fit did not converge; treat the estimate with suspicion.');
  const wald = waldInterval(fit, level);
  const profile = profileLikelihoodInterval(table, outcome.model, fit.estimate, level);
  let interval: PopulationInterval = method === 'aic' ? profile.interval : wald;
  const otherIntervals: PopulationInterval[] = method === 'aic' ? [wald] : [profile.interval];
  let bootstrapSummary: PopulationEstimate['bootstrap'];
  if (options.bootstrap !== undefined && options.bootstrap.replicates > 0) {
    const result = await bootstrapInterval(table, procedure, outcome.estimate, {
      ...options.bootstrap,
      level,
      fittedCells: fit.fittedCells,
    });
    otherIntervals.unshift(interval);
    interval = result.interval;
    bootstrapSummary = {
      replicates: options.bootstrap.replicates,
      failedReplicates: result.failedReplicates,
      acceleration: result.acceleration,
      seed: result.seed,
      scheme: result.scheme,
    };
    if (result.failedReplicates > 0) {
      warnings.push(
        `${result.failedReplicates} of ${options.bootstrap.replicates} bootstrap replicates gave no usable estimate and were left out of the interval.`,
      );
    }
  }
  warnings.push(...estimateWarnings(observed, outcome.estimate, interval));
  addSensitivity(warnings, table, checker, options, { method, estimate: outcome.estimate });
  return {
    observed,
    estimate: outcome.estimate,
    darkFigure: outcome.estimate - observed,
    interval,
    otherIntervals,
    model: summariseModel(table, outcome.model, fit),
    method: procedure.method === 'fixed' ? 'fixed' : method,
    warnings,
    ...(bootstrapSummary === undefined ? {} : { bootstrap: bootstrapSummary }),
  };
}

/** Largest table for which the other methods are refitted to check sensitivity. */
const SENSITIVITY_MAX_LISTS = 8;

function addSensitivity(
  warnings: string[],
  table: CaptureTable,
  checker: ExistenceChecker,
  options: EstimateOptions,
  chosen: { readonly method: string; readonly estimate: number },
): void {
  if (options.skipSensitivity === true || table.listNames.length > SENSITIVITY_MAX_LISTS) return;
  const others: { method: string; estimate: number }[] = [chosen];
  const alternatives: LoglinearProcedure[] = [{ method: 'main' }, { method: 'stepwise' }, { method: 'aic' }];
  if (table.listNames.length <= 4) alternatives.push({ method: 'bic' });
  for (const procedure of alternatives) {
    if (procedure.method === chosen.method) continue;
    try {
      const estimate = runProcedure(table, procedure, checker).estimate;
      others.push({ method: procedure.method === 'main' ? 'main effects' : procedure.method, estimate });
    } catch {
      // A method that refuses this table simply does not enter the comparison.
    }
  }
  const warning = methodSensitivityWarning(others);
  if (warning !== undefined) warnings.push(warning);
}
