import { blockedPairs, comparisonsUsedByRule, describeRule, ruleKeys, totalPossiblePairs } from '../blocking.ts';
import { comparisonKinds } from '../comparisons/index.ts';
import type { PreparedRecords } from '../featureTable.ts';
import { matchWeightOf, type LinkageModel, type LinkageSettings, type TrainedComparison, type TrainingNote } from '../model.ts';
import { compileComparisons } from '../pairComparison.ts';
import type { ProgressCallback } from '../progress.ts';
import { seededRandom } from '../../../domain/seededRandom.ts';
import type { PairChunk, PairEngine } from '../workers/pairEngine.ts';
import { expectationMaximisation, initialM } from './expectationMaximisation.ts';
import { levelCounts, probabilitiesFromCounts } from './levelCounts.ts';
import { uExcludingLikelyMatches } from './nonMatchU.ts';
import { randomPairs } from './randomPairsU.ts';
import { supervisedM, type LabelledPair } from './supervised.ts';

function* sampled(chunks: Iterable<PairChunk>, rate: number, seed: number): Generator<PairChunk> {
  if (rate >= 1) {
    yield* chunks;
    return;
  }
  const random = seededRandom(seed);
  for (const chunk of chunks) {
    const left: number[] = [];
    const right: number[] = [];
    for (let p = 0; p < chunk.left.length; p++)
      if (random() < rate) {
        left.push(chunk.left[p] ?? 0);
        right.push(chunk.right[p] ?? 0);
      }
    yield { left: Int32Array.from(left), right: Int32Array.from(right) };
  }
}

function countPairs(chunks: Iterable<PairChunk>): number {
  let total = 0;
  for (const c of chunks) total += c.left.length;
  return total;
}

export interface TrainOptions {
  readonly labels?: readonly LabelledPair[];
  readonly onProgress?: ProgressCallback;
}

/** u from random pairs, the prior from deterministic rules, m by EM sessions or from labels. */
export async function trainModel(prepared: PreparedRecords, settings: LinkageSettings, engine: PairEngine, options: TrainOptions = {}): Promise<LinkageModel> {
  const { table } = prepared;
  const specs = settings.comparisons;
  const radix = compileComparisons(specs).radix;
  const notes: TrainingNote[] = [];
  const progress = options.onProgress;
  const possible = totalPossiblePairs(table, settings.linkType);

  // u: level frequencies among random pairs.
  const uTarget = Math.min(settings.maxRandomPairs, possible);
  progress?.({ stage: 'estimateU', done: 0, total: uTarget });
  let uDone = 0;
  const uPatterns = await engine.patterns(randomPairs(table, settings.linkType, settings.maxRandomPairs, settings.seed), (n) => {
    uDone += n;
    progress?.({ stage: 'estimateU', done: uDone, total: uTarget });
  });
  const uCounts = levelCounts(uPatterns, radix);
  let u = specs.map((_, k) => probabilitiesFromCounts(uCounts[k] ?? []));
  notes.push({ stage: 'u', detail: `${uDone} random pairs` });

  // Prior: pairs the deterministic rules join, corrected for the rules' recall.
  progress?.({ stage: 'estimatePrior', done: 0, total: 1 });
  let prior = 0;
  if (settings.deterministicRules.length > 0) {
    const certain = countPairs(blockedPairs(table, settings.deterministicRules, settings.linkType));
    prior = certain / possible / settings.deterministicRulesRecall;
    notes.push({
      stage: 'prior',
      detail: `${certain} pairs by ${settings.deterministicRules.map(describeRule).join(' or ')} of ${possible} possible, recall ${settings.deterministicRulesRecall}`,
    });
  }
  progress?.({ stage: 'estimatePrior', done: 1, total: 1 });

  const m: (number[] | null)[] = specs.map(() => null);
  const mSource: string[] = specs.map(() => 'default');
  let emMatches = 0;
  if (options.labels !== undefined && options.labels.length > 0) {
    const rowById = new Map(prepared.recordIds.map((id, row) => [id, row]));
    const left: number[] = [];
    const right: number[] = [];
    for (const label of options.labels) {
      const a = rowById.get(label.recordIdLeft);
      const b = rowById.get(label.recordIdRight);
      if (label.isMatch && a !== undefined && b !== undefined && a !== b) {
        left.push(a);
        right.push(b);
      }
    }
    const patterns = await engine.patterns([{ left: Int32Array.from(left), right: Int32Array.from(right) }]);
    supervisedM(patterns, radix).forEach((row, k) => {
      if (row !== null) {
        m[k] = row;
        mSource[k] = 'labels';
      }
    });
    notes.push({ stage: 'm', detail: `from ${left.length} labelled matches` });
  } else {
    const estimates: number[][][] = specs.map(() => []);
    const sessionNames: string[][] = specs.map(() => []);
    const sessionPrior = prior > 0 ? prior : 1 / Math.max(table.size, 2);
    for (const [s, rule] of settings.trainingBlockingRules.entries()) {
      const name = describeRule(rule);
      const fixed = comparisonsUsedByRule(rule);
      const active = specs.map((spec) => !fixed.has(spec.kind));
      const keys = [ruleKeys(table, rule)];
      const pairsInBlock = countPairs(blockedPairs(table, [rule], settings.linkType, 1_000_000, keys));
      if (pairsInBlock === 0) continue;
      const rate = Math.min(1, settings.maxTrainingPairs / pairsInBlock);
      let done = 0;
      const total = Math.round(pairsInBlock * rate);
      progress?.({ stage: 'trainM', done: 0, total, detail: name });
      const patterns = await engine.patterns(sampled(blockedPairs(table, [rule], settings.linkType, 200_000, keys), rate, settings.seed + s + 1), (n) => {
        done += n;
        progress?.({ stage: 'trainM', done, total, detail: name });
      });
      const lambda = Math.min(0.9, Math.max(0.001, (sessionPrior * possible) / pairsInBlock));
      const result = expectationMaximisation({
        patterns,
        radix,
        active,
        m: specs.map((_, k) => m[k] ?? initialM(radix[k] ?? 2)),
        u: specs.map((_, k) => u[k] ?? initialM(radix[k] ?? 2).reverse()),
        lambda,
      });
      specs.forEach((_, k) => {
        if (active[k] === true && u[k] !== null) {
          estimates[k]?.push(result.m[k] ?? []);
          sessionNames[k]?.push(name);
        }
      });
      emMatches = Math.max(emMatches, result.lambda * pairsInBlock);
      notes.push({
        stage: 'm',
        detail: `EM blocked on ${name}: ${done} pairs, ${result.iterations} iterations${result.converged ? '' : ' (not converged)'}, share matching ${result.lambda.toFixed(4)}`,
      });
    }
    specs.forEach((_, k) => {
      const rows = estimates[k] ?? [];
      if (rows.length === 0) return;
      const first = rows[0] ?? [];
      m[k] = first.map((_, l) => rows.reduce((sum, row) => sum + (row[l] ?? 0), 0) / rows.length);
      mSource[k] = `EM: ${(sessionNames[k] ?? []).join('; ')}`;
    });
  }
  if (prior <= 0) {
    // Without deterministic rules, the EM sessions' expected matches stand in.
    prior = emMatches > 0 ? emMatches / possible : 1 / Math.max(table.size, 2);
    notes.push({ stage: 'prior', detail: `from EM expected matches (${emMatches.toFixed(0)})` });
  }
  prior = Math.min(Math.max(prior, 1e-12), 0.5);
  for (let round = 0; round < 3; round++) u = uExcludingLikelyMatches(uPatterns, radix, m, u, prior);
  notes.push({ stage: 'u', detail: 'random pairs weighted by their probability of being a non-match under the trained m' });

  const comparisons: TrainedComparison[] = specs.map((spec, k) => {
    const definition = comparisonKinds[spec.kind];
    const labels = definition.levelLabels(spec);
    const adjusted = spec.termFrequencyAdjustment === true ? (definition.termFrequencyLevels?.(spec) ?? [1]) : [];
    const mRow = m[k] ?? initialM(radix[k] ?? 2);
    const uRow = u[k];
    return {
      kind: spec.kind,
      levels: labels.map((label, index) => {
        const level = index + 1;
        const mProbability = mRow[level] ?? 0;
        const uProbability = uRow?.[level] ?? mProbability;
        return {
          label,
          mProbability,
          uProbability,
          matchWeight: uRow === null ? 0 : matchWeightOf(mProbability, uProbability),
          termFrequencyAdjusted: adjusted.includes(level),
          mSource: uRow === null ? 'no values in the data' : (mSource[k] ?? 'default'),
        };
      }),
    };
  });
  return {
    format: 'lifeline-linkage-model',
    version: 1,
    settings,
    probabilityTwoRandomRecordsMatch: prior,
    comparisons,
    training: notes,
  };
}

