/** Probabilistic record linkage (Fellegi–Sunter with EM-trained weights), independent of the database. */
export type { PersonRecord, EstimatedAge, LinkType } from './record.ts';
export { prepareRecords, type PreparedRecords, type PrepareOptions, type FeatureTable } from './featureTable.ts';
export { jaroWinkler, jaro } from './jaroWinkler.ts';
export type { ComparisonKind, ComparisonSpec } from './comparisons/comparison.ts';
export { comparisonKinds } from './comparisons/index.ts';
export {
  countComparisons,
  blockedPairs,
  describeRule,
  resolveBlockingRules,
  totalPossiblePairs,
  type BlockingKey,
  type BlockingRuleSpec,
  type RuleComparisonCount,
} from './blocking.ts';
export {
  defaultSettings,
  describeModel,
  matchWeightOf,
  probabilityFromWeight,
  type LinkageModel,
  type LinkageSettings,
  type TrainedComparison,
  type TrainedLevel,
} from './model.ts';
export {
  linkRecords,
  trainModel,
  predict,
  scoringTables,
  presentComparisonKinds,
  weightFromProbability,
  type LabelledPair,
  type LinkOptions,
  type LinkageResult,
  type LinkageProgress,
  type LinkageStage,
  type ProgressCallback,
} from './linkage.ts';
export { connectedComponents, strictComponents, stableClusterIds } from './clustering.ts';
export { explainPair, formatWaterfall, type Waterfall, type WaterfallStep } from './waterfall.ts';
export { pairwiseAccuracy, clusterAccuracy, type PairwiseAccuracy } from './evaluation.ts';
export { createPairEngine, type PairEngine } from './workers/pairEngine.ts';
