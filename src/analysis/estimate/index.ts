// Public API of the multiple systems estimation engine: pure functions over plain data.
export {
  CaptureTableError,
  MAX_LISTS,
  MIN_LISTS,
  captureTableFromPatterns,
  observedTotal,
  overlapCount,
  parseCaptureTable,
  type CaptureTable,
} from './captureTable.ts';
export {
  MAIN_EFFECTS_MODEL,
  hierarchicalClosure,
  hierarchyLabel,
  parseHierarchyLabel,
  parseTerms,
  termLabel,
  type LoglinearModel,
} from './design.ts';
export { createExistenceChecker, type ExistenceChecker, type ExistenceCode, type ExistenceVerdict } from './existence.ts';
export { fitModel, type ModelFit } from './modelFit.ts';
export { profileLikelihoodInterval, waldInterval, type IntervalKind, type PopulationInterval } from './intervals.ts';
export { selectStepwise, DEFAULT_STEPWISE_THRESHOLD } from './selection/stepwise.ts';
export { selectForwardAic, DEFAULT_AIC_THRESHOLD } from './selection/aic.ts';
export { selectByBic, defaultBicMaxOrder } from './selection/bic.ts';
export { EstimateRefusedError, runProcedure, type LoglinearProcedure } from './procedure.ts';
export { bootstrapInterval, type BootstrapOptions, type BootstrapResult } from './bootstrap.ts';
export type { BootstrapScheme } from './bootstrapReplicates.ts';
export { runLcmcr, type LcmcrOptions, type LcmcrResult } from './lcmcr.ts';
export {
  DEFAULT_LCMCR_SEED,
  DEFAULT_METHOD,
  estimatePopulation,
  type EstimateMethod,
  type EstimateOptions,
  type ModelSummary,
  type PopulationEstimate,
} from './estimatePopulation.ts';
