import {
  blockedPairs,
  comparisonsUsedByRule,
  countComparisons,
  describeRule,
  resolveBlockingRules,
  ruleKeys,
  totalPossiblePairs,
  type BlockingRuleSpec,
  type RuleComparisonCount,
} from './blocking.ts';
import { strictComponents, connectedComponents, stableClusterIds } from './clustering.ts';
import { comparisonKinds } from './comparisons/index.ts';
import type { ComparisonKind } from './comparisons/comparison.ts';
import { prepareRecords, type PrepareOptions, type PreparedRecords } from './featureTable.ts';
import {
  defaultSettings,
  matchWeightOf,
  priorWeight,
  type LinkageModel,
  type LinkageSettings,
  type TrainedComparison,
  type TrainingNote,
} from './model.ts';
import { compileComparisons, type ScoredPairs, type ScoringTables, type TermFrequencyRule } from './pairComparison.ts';
import type { LinkType, PersonRecord } from './record.ts';
import { seededRandom } from './seededRandom.ts';
import { termFrequencies, termFrequencyColumn } from './termFrequency.ts';
import { expectationMaximisation, initialM } from './training/expectationMaximisation.ts';
import { levelCounts, probabilitiesFromCounts } from './training/levelCounts.ts';
import { randomPairs } from './training/randomPairsU.ts';
import { supervisedM } from './training/supervised.ts';
import { createPairEngine, defaultThreadCount, type PairChunk, type PairEngine } from './workers/pairEngine.ts';

export type LinkageStage = 'prepare' | 'countComparisons' | 'estimateU' | 'estimatePrior' | 'trainM' | 'score' | 'cluster';

export interface LinkageProgress {
  readonly stage: LinkageStage;
  readonly done: number;
  readonly total: number;
  readonly detail?: string;
}

export type ProgressCallback = (progress: LinkageProgress) => void;

/** A reviewer's decision on a pair. */
export interface LabelledPair {
  readonly recordIdLeft: string;
  readonly recordIdRight: string;
  readonly isMatch: boolean;
}

export interface LinkOptions {
  /** Defaults from the fields present in the records. */
  readonly settings?: LinkageSettings;
  /** A trained model to score with; training is skipped. */
  readonly model?: LinkageModel;
  /**
   * Which pairs to compare. Default: dedupe for one source; linkAndDedupe for several, as a
   * force's own records may hold the same person twice. Use link for two duplicate-free files.
   */
  readonly linkType?: LinkType;
  /** Reviewer-decided pairs: m is then estimated from the matches instead of by EM. */
  readonly labels?: readonly LabelledPair[];
  /** Match probability at which pairs are kept and clusters joined. Default 0.9. */
  readonly threshold?: number;
  /** Worker threads; 0 runs in this thread. Default: 0 below 20,000 records, else one per core. */
  readonly threads?: number;
  /** The previous run's clusters (record id → cluster id), so ids stay stable. */
  readonly previousClusters?: ReadonlyMap<string, string>;
  readonly prepare?: PrepareOptions;
  /** Overrides the settings' duplicate-free sources (for the strict clustering). */
  readonly duplicateFreeSources?: readonly string[];
  /** Called with the comparisons per blocking rule (from block sizes) before any pair is compared. */
  readonly onComparisonCounts?: (counts: readonly RuleComparisonCount[], replacedRules: readonly string[]) => void;
  readonly onProgress?: ProgressCallback;
}

export interface LinkageResult {
  readonly prepared: PreparedRecords;
  readonly model: LinkageModel;
  readonly comparisonCounts: readonly RuleComparisonCount[];
  /** Pairs (by row) at or above the threshold. */
  readonly pairs: ScoredPairs;
  /** Cluster id per row, by connected components at the threshold. */
  readonly clusters: readonly string[];
  /** Cluster id per row, never joining two records of one duplicate-free source. */
  readonly strictClusters: readonly string[];
  /** Blocking rules replaced by tighter ones because they were over the comparison budget. */
  readonly blockingRuleChanges: readonly string[];
}

/** Which comparison kinds have any value in the records: only those are modelled by default. */
export function presentComparisonKinds(records: readonly PersonRecord[]): ComparisonKind[] {
  const has = (f: (r: PersonRecord) => unknown): boolean =>
    records.some((r) => {
      const v = f(r);
      return v != null && v !== '' && !(Array.isArray(v) && v.length === 0);
    });
  const kinds: ComparisonKind[] = [];
  if (has((r) => r.givenNames ?? r.fullName)) kinds.push('givenName');
  if (has((r) => r.familyName ?? r.fullName)) kinds.push('familyName');
  if (has((r) => r.dateOfBirth ?? r.estimatedAge)) kinds.push('dateOfBirth');
  if (has((r) => r.sex)) kinds.push('sex');
  if (has((r) => r.nationality)) kinds.push('nationality');
  if (has((r) => r.phones)) kinds.push('phone');
  if (has((r) => r.postcode)) kinds.push('postcode');
  if (has((r) => r.address)) kinds.push('address');
  if (has((r) => r.aliases)) kinds.push('alias');
  if (has((r) => r.documentNumbers)) kinds.push('documentNumber');
  return kinds;
}

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
  const u = specs.map((_, k) => probabilitiesFromCounts(uCounts[k] ?? []));
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

  const comparisons: TrainedComparison[] = specs.map((spec, k) => {
    const labels = comparisonKinds[spec.kind].levelLabels(spec);
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
          termFrequencyAdjusted: spec.termFrequencyAdjustment === true && level === 1,
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

export function scoringTables(prepared: PreparedRecords, model: LinkageModel): ScoringTables {
  const termFrequency: TermFrequencyRule[] = [];
  model.settings.comparisons.forEach((spec, k) => {
    const exact = model.comparisons[k]?.levels[0];
    const column = termFrequencyColumn(prepared.table, spec.kind);
    if (exact?.termFrequencyAdjusted === true && column !== null)
      termFrequency.push({ comparisonIndex: k, level: 1, uProbability: exact.uProbability, frequencies: termFrequencies(column, prepared.strings.length) });
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

/** Dedupe or link, end to end: prepare, count, train (unless a model is given), score, cluster. */
export async function linkRecords(records: readonly PersonRecord[], options: LinkOptions = {}): Promise<LinkageResult> {
  const progress = options.onProgress;
  progress?.({ stage: 'prepare', done: 0, total: records.length });
  const prepared = prepareRecords(records, options.prepare);
  progress?.({ stage: 'prepare', done: records.length, total: records.length });
  const sources = new Set(records.map((r) => r.sourceId));
  const linkType: LinkType = options.linkType ?? (sources.size > 1 ? 'linkAndDedupe' : 'dedupe');
  const baseSettings: LinkageSettings =
    options.model?.settings ??
    options.settings ??
    defaultSettings(presentComparisonKinds(records), linkType, totalPossiblePairs(prepared.table, linkType));
  const budget = Math.max(1_000_000, (baseSettings.maxComparisonsPerRecord ?? 20) * records.length);
  const resolved = resolveBlockingRules(prepared.table, baseSettings.blockingRules, baseSettings.linkType, budget);
  const settings: LinkageSettings = {
    ...baseSettings,
    blockingRules: resolved.rules,
    duplicateFreeSources: options.duplicateFreeSources ?? baseSettings.duplicateFreeSources,
  };
  const threads = options.threads ?? (records.length >= 20_000 ? defaultThreadCount() : 0);
  const engine = createPairEngine(prepared.table, settings.comparisons, threads);
  try {
    progress?.({ stage: 'countComparisons', done: 0, total: settings.blockingRules.length });
    const comparisonCounts = countComparisons(prepared.table, settings.blockingRules, settings.linkType);
    options.onComparisonCounts?.(comparisonCounts, resolved.replaced);
    progress?.({ stage: 'countComparisons', done: settings.blockingRules.length, total: settings.blockingRules.length });
    const trained =
      (options.model ? { ...options.model, settings } : undefined) ??
      (await trainModel(prepared, settings, engine, { ...(options.labels ? { labels: options.labels } : {}), ...(progress ? { onProgress: progress } : {}) }));
    const threshold = options.threshold ?? 0.9;
    const minWeight = weightFromProbability(threshold);
    const expected = comparisonCounts.reduce((sum, c) => sum + c.comparisons, 0);
    const prediction = await predict(prepared, trained, engine, minWeight, {
      refinePrior: options.model === undefined,
      expectedPairs: expected,
      ...(progress ? { onProgress: progress } : {}),
    });
    const { pairs, model } = prediction;
    const scoredCounts = comparisonCounts.map((c, r) => ({ ...c, newComparisons: prediction.scoredPerRule[r] ?? 0 }));
    progress?.({ stage: 'cluster', done: 0, total: 1 });
    const components = connectedComponents(prepared.table.size, pairs, minWeight);
    const clusters = stableClusterIds(prepared.recordIds, components, options.previousClusters);
    const duplicateFree = new Set(
      settings.duplicateFreeSources.map((s) => prepared.sourceIds.indexOf(s)).filter((index) => index >= 0),
    );
    const strict = strictComponents(prepared.table.size, pairs, minWeight, prepared.table.source, duplicateFree);
    const strictClusters = stableClusterIds(prepared.recordIds, strict, options.previousClusters);
    progress?.({ stage: 'cluster', done: 1, total: 1 });
    return { prepared, model, comparisonCounts: scoredCounts, pairs, clusters, strictClusters, blockingRuleChanges: resolved.replaced };
  } finally {
    await engine.close();
  }
}

export type { BlockingRuleSpec };
