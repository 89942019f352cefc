/** Progress reporting shared by the engine's stages. */
export type LinkageStage = 'prepare' | 'countComparisons' | 'estimateU' | 'estimatePrior' | 'trainM' | 'score' | 'cluster';

export interface LinkageProgress {
  readonly stage: LinkageStage;
  readonly done: number;
  readonly total: number;
  readonly detail?: string;
}

export type ProgressCallback = (progress: LinkageProgress) => void;

