import { countComparisons, resolveBlockingRules, totalPossiblePairs, type RuleComparisonCount } from './blocking.ts';
import { consistentComponents, duplicateFreeSourcesRule, recordConflicts } from './clusterConstraints.ts';
import { stableClusterIds } from './clustering.ts';
import type { ComparisonKind } from './comparisons/comparison.ts';
import { prepareRecords, type PrepareOptions, type PreparedRecords } from './featureTable.ts';
import { defaultSettings, type LinkageModel, type LinkageSettings } from './model.ts';
import type { ScoredPairs } from './pairComparison.ts';
import type { ProgressCallback } from './progress.ts';
import type { LinkType, PersonRecord } from './record.ts';
import { predict, weightFromProbability } from './scoring.ts';
import { trainModel } from './training/trainModel.ts';
import type { LabelledPair } from './training/supervised.ts';
import { createPairEngine, defaultThreadCount } from './workers/pairEngine.ts';

export type { LinkageProgress, LinkageStage, ProgressCallback } from './progress.ts';
export type { LabelledPair } from './training/supervised.ts';
export { trainModel, type TrainOptions } from './training/trainModel.ts';
export { predict, scoringTables, weightFromProbability, type Prediction, type PredictOptions } from './scoring.ts';

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
  /**
   * Cluster id per row: pairs at the threshold joined strongest first, refusing a join that
   * would put two records the model says can never be one person in one cluster
   * (clusterConstraints.ts).
   */
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
  if (has((r) => r.emails)) kinds.push('email');
  // Only informative where records come from more than one area.
  if (new Set(records.map((r) => r.area?.trim().toLowerCase() ?? '').filter((a) => a !== '')).size > 1) kinds.push('area');
  return kinds;
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
    const conflict = recordConflicts(prepared.table, model);
    const components = consistentComponents(prepared.table, pairs, minWeight, conflict);
    const clusters = stableClusterIds(prepared.recordIds, components, options.previousClusters);
    const duplicateFree = new Set(
      settings.duplicateFreeSources.map((s) => prepared.sourceIds.indexOf(s)).filter((index) => index >= 0),
    );
    const strict = consistentComponents(prepared.table, pairs, minWeight, conflict, duplicateFreeSourcesRule(prepared.table.source, duplicateFree));
    const strictClusters = stableClusterIds(prepared.recordIds, strict, options.previousClusters);
    progress?.({ stage: 'cluster', done: 1, total: 1 });
    return { prepared, model, comparisonCounts: scoredCounts, pairs, clusters, strictClusters, blockingRuleChanges: resolved.replaced };
  } finally {
    await engine.close();
  }
}

