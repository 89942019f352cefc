import { blockedPairs, totalPossiblePairs } from './blocking.ts';
import type { PreparedRecords } from './featureTable.ts';
import { priorWeight, type LinkageModel } from './model.ts';
import { compileComparisons, type ScoredPairs, type ScoringTables, type TermFrequencyRule } from './pairComparison.ts';
import type { ProgressCallback } from './progress.ts';
import { termFrequencies, termFrequencyColumn } from './termFrequency.ts';
import { expectationMaximisation } from './training/expectationMaximisation.ts';
import type { PairChunk, PairEngine } from './workers/pairEngine.ts';

export function scoringTables(prepared: PreparedRecords, model: LinkageModel): ScoringTables {
  const termFrequency: TermFrequencyRule[] = [];
  model.settings.comparisons.forEach((spec, k) => {
    const exact = model.comparisons[k]?.levels[0];
    const column = termFrequencyColumn(prepared.table, spec.kind);
    const levels = (model.comparisons[k]?.levels ?? []).flatMap((l, index) => (l.termFrequencyAdjusted ? [index + 1] : []));
    if (exact !== undefined && levels.length > 0 && column !== null)
      termFrequency.push({ comparisonIndex: k, levels, uProbability: exact.uProbability, frequencies: termFrequencies(column, prepared.strings.length) });
  });
  return {
    priorWeight: priorWeight(model.probabilityTwoRandomRecordsMatch),
    weights: model.comparisons.map((c) => [0, ...c.levels.map((l) => l.matchWeight)]),
    termFrequency,
  };
}

export interface Prediction {
  /** Pairs (by row) with match weight ≥ minWeight, prior included. */
  readonly pairs: ScoredPairs;
  /** The model used; its prior re-estimated from the candidate pairs when the settings ask for it. */
  readonly model: LinkageModel;
  /** Pairs scored per blocking rule (each pair counted for the first rule that found it). */
  readonly scoredPerRule: readonly number[];
}

export interface PredictOptions {
  /** Re-estimate the prior from the candidate pairs (settings.priorMethod 'candidatePairs'). */
  readonly refinePrior?: boolean;
  /** An upper bound on the candidate pairs (e.g. the sum of the rules' counts), for progress. */
  readonly expectedPairs?: number;
  readonly onProgress?: ProgressCallback;
}

/**
 * Scores every candidate pair once. The prior only shifts all weights by the same amount, so
 * the pass computes the evidence (weights without prior) and the pattern counts together; the
 * share of matches among candidates is then estimated by EM with m and u fixed, without a
 * second pass over the pairs.
 */
export async function predict(prepared: PreparedRecords, model: LinkageModel, engine: PairEngine, minWeight: number, options: PredictOptions = {}): Promise<Prediction> {
  const { table } = prepared;
  const settings = model.settings;
  const possible = totalPossiblePairs(table, settings.linkType);
  const refine = options.refinePrior === true && settings.priorMethod === 'candidatePairs';
  const upperBound = options.expectedPairs ?? possible;
  // Pairs that could still reach minWeight once the prior is known are kept.
  const largestPrior = refine ? Math.min(0.5, Math.max(upperBound, 1) / Math.max(possible, 1)) : model.probabilityTwoRandomRecordsMatch;
  const evidenceFloor = minWeight - priorWeight(largestPrior);
  const scoredPerRule = new Array<number>(settings.blockingRules.length).fill(0);
  function* counted(): Generator<PairChunk> {
    for (const chunk of blockedPairs(table, settings.blockingRules, settings.linkType)) {
      scoredPerRule[chunk.ruleIndex] = (scoredPerRule[chunk.ruleIndex] ?? 0) + chunk.left.length;
      yield chunk;
    }
  }
  let done = 0;
  options.onProgress?.({ stage: 'score', done: 0, total: upperBound });
  const { pairs: evidence, patterns } = await engine.score(counted(), { ...scoringTables(prepared, model), priorWeight: 0 }, evidenceFloor, (n) => {
    done += n;
    options.onProgress?.({ stage: 'score', done, total: Math.max(upperBound, done) });
  });
  let used = model;
  const candidates = scoredPerRule.reduce((a, b) => a + b, 0);
  // The total was an upper bound (pairs found by several rules are scored once): close at 100 %.
  options.onProgress?.({ stage: 'score', done: candidates, total: candidates });
  if (refine && candidates > 0) {
    const specs = settings.comparisons;
    const radix = compileComparisons(specs).radix;
    const m = model.comparisons.map((c) => [0, ...c.levels.map((l) => l.mProbability)]);
    const u = model.comparisons.map((c) => [0, ...c.levels.map((l) => l.uProbability)]);
    const start = model.probabilityTwoRandomRecordsMatch;
    const result = expectationMaximisation({
      patterns,
      radix,
      active: model.comparisons.map((c) => !c.levels.every((l) => l.matchWeight === 0)),
      m,
      u,
      lambda: Math.min(0.5, Math.max(1e-6, (start * possible) / candidates)),
      estimateM: false,
      maxIterations: 200,
    });
    const prior = Math.min(Math.max((result.lambda * candidates) / possible, 1e-12), 0.5);
    used = {
      ...model,
      probabilityTwoRandomRecordsMatch: prior,
      training: [
        ...model.training,
        {
          stage: 'prior',
          detail: `EM share of matches ${result.lambda.toFixed(5)} among ${candidates} candidate pairs: ${(result.lambda * candidates).toFixed(0)} expected matches (prior ${prior.toExponential(3)})`,
        },
      ],
    };
  }
  const shift = priorWeight(used.probabilityTwoRandomRecordsMatch);
  let kept = 0;
  const left = new Int32Array(evidence.left.length);
  const right = new Int32Array(evidence.left.length);
  const weights = new Float32Array(evidence.left.length);
  for (let p = 0; p < evidence.left.length; p++) {
    const weight = (evidence.weights[p] ?? 0) + shift;
    if (weight < minWeight) continue;
    left[kept] = evidence.left[p] ?? 0;
    right[kept] = evidence.right[p] ?? 0;
    weights[kept] = weight;
    kept++;
  }
  return { pairs: { left: left.slice(0, kept), right: right.slice(0, kept), weights: weights.slice(0, kept) }, model: used, scoredPerRule };
}

export function weightFromProbability(probability: number): number {
  return Math.log2(probability / (1 - probability));
}

