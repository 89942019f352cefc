import { overlapCount, type CaptureTable } from '../captureTable.ts';
import { MAIN_EFFECTS_MODEL, type LoglinearModel } from '../design.ts';
import { poissonCdf, poissonUpperTail } from '../distributions.ts';
import type { ExistenceChecker } from '../existence.ts';
import { fitModel, type ModelFit } from '../modelFit.ts';
import { twoListTerms } from './candidates.ts';

export interface StepwiseStep {
  readonly term: number;
  readonly pValue: number;
}

export interface SelectionResult {
  readonly model: LoglinearModel;
  readonly fit: ModelFit;
}

export interface StepwiseResult extends SelectionResult {
  readonly steps: readonly StepwiseStep[];
}

export const DEFAULT_STEPWISE_THRESHOLD = 0.02;

/**
 * Stepwise addition of two-list interactions (Chan, Silverman and Vincent 2021; SparseMSE
 * stepwisefit). At each step every two-list term not yet in the model is scored by how surprising
 * its observed overlap is under the current fit (two-sided Poisson tail probability); terms whose
 * addition would make the estimate non-existent or non-identifiable are not eligible. The most
 * significant term is added while its p-value is below the threshold.
 */
export function selectStepwise(
  table: CaptureTable,
  checker: ExistenceChecker,
  threshold = DEFAULT_STEPWISE_THRESHOLD,
): StepwiseResult {
  const k = table.listNames.length;
  if (threshold === 0) return { model: MAIN_EFFECTS_MODEL, fit: fitModel(table, MAIN_EFFECTS_MODEL), steps: [] };
  const candidates = twoListTerms(k);
  if (threshold === 1) {
    const full: LoglinearModel = { interactions: candidates };
    if (checker.check(table, full).code === 0) return { model: full, fit: fitModel(table, full), steps: [] };
  }
  const overlaps = candidates.map((term) => overlapCount(table, term));
  let model = MAIN_EFFECTS_MODEL;
  let fit = fitModel(table, model);
  const steps: StepwiseStep[] = [];
  for (let cycle = 0; cycle < candidates.length; cycle++) {
    const pValues = candidates.map((term, index) => {
      if (model.interactions.includes(term)) return 1;
      let expectedOverlap = 0;
      for (const cell of fit.fittedCells) if ((cell.pattern & term) === term) expectedOverlap += cell.fitted;
      const observedOverlap = overlaps[index] ?? 0;
      return Math.min(poissonCdf(observedOverlap, expectedOverlap), poissonUpperTail(observedOverlap, expectedOverlap));
    });
    // SparseMSE checks every candidate and gives the ineligible ones a p-value of 1, then takes the
    // first smallest. Checking in order of p-value and stopping at the first eligible term picks
    // the same term with far fewer linear programmes.
    const ranked = candidates
      .map((term, index) => ({ term, pValue: pValues[index] ?? 1, index }))
      .filter((candidate) => candidate.pValue < threshold)
      .sort((a, b) => a.pValue - b.pValue || a.index - b.index);
    const chosen = ranked.find(
      (candidate) => checker.check(table, { interactions: [...model.interactions, candidate.term] }).code === 0,
    );
    if (chosen === undefined) break;
    model = { interactions: [...model.interactions, chosen.term] };
    fit = fitModel(table, model);
    steps.push({ term: chosen.term, pValue: chosen.pValue });
  }
  return { model, fit, steps };
}
