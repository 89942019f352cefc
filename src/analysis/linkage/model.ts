import type { ComparisonKind, ComparisonSpec } from './comparisons/comparison.ts';
import { comparisonKinds } from './comparisons/index.ts';
import type { BlockingRuleSpec } from './blocking.ts';
import type { LinkType } from './record.ts';

/**
 * The model settings and trained parameters as plain JSON, so a person can read and edit
 * `model.json`, and a later run can score with it without retraining.
 */
export interface LinkageSettings {
  readonly linkType: LinkType;
  readonly comparisons: readonly ComparisonSpec[];
  /** Rules that generate the pairs to score; a pair found by several rules is scored once. */
  readonly blockingRules: readonly BlockingRuleSpec[];
  /** One EM session per rule; each comparison is estimated from sessions not blocking on it. */
  readonly trainingBlockingRules: readonly BlockingRuleSpec[];
  /** Pairs these rules join are taken as certain matches when estimating the prior. */
  readonly deterministicRules: readonly BlockingRuleSpec[];
  /** The share of true matches the deterministic rules are believed to find. */
  readonly deterministicRulesRecall: number;
  /**
   * deterministicRules: matches found by the rules / recall (Splink's method).
   * candidatePairs: after m and u are trained, EM estimates only the share of matches among the
   * scored pairs; better when the deterministic rules' recall is unknown or low.
   */
  readonly priorMethod: 'deterministicRules' | 'candidatePairs';
  /** Comparison budget per rule, per record: rules over it are replaced by their tighter alternatives. */
  readonly maxComparisonsPerRecord: number;
  /** Random pairs sampled to estimate u. */
  readonly maxRandomPairs: number;
  /** Pairs per EM session above which a random sample is used. */
  readonly maxTrainingPairs: number;
  /** Sources declared free of duplicates, for the strict clustering. */
  readonly duplicateFreeSources: readonly string[];
  readonly seed: number;
}

export interface TrainedLevel {
  readonly label: string;
  readonly mProbability: number;
  readonly uProbability: number;
  /** log2(m / u), after floors. */
  readonly matchWeight: number;
  readonly termFrequencyAdjusted: boolean;
  /** Where m came from: the EM sessions averaged, "labels", or "default" when never trained. */
  readonly mSource: string;
}

export interface TrainedComparison {
  readonly kind: ComparisonKind;
  readonly levels: readonly TrainedLevel[];
}

export interface LinkageModel {
  readonly format: 'lifeline-linkage-model';
  readonly version: 1;
  readonly settings: LinkageSettings;
  readonly probabilityTwoRandomRecordsMatch: number;
  readonly comparisons: readonly TrainedComparison[];
  readonly training: readonly TrainingNote[];
}

export interface TrainingNote {
  readonly stage: string;
  readonly detail: string;
}

/** Smallest probability allowed, so that no single level can carry an infinite weight. */
export const PROBABILITY_FLOOR = 1e-6;

export function matchWeightOf(m: number, u: number): number {
  return Math.log2(Math.max(m, PROBABILITY_FLOOR) / Math.max(u, PROBABILITY_FLOOR));
}

export function priorWeight(probability: number): number {
  return Math.log2(probability / (1 - probability));
}

export function probabilityFromWeight(weight: number): number {
  const odds = 2 ** weight;
  return odds / (1 + odds);
}

/** Up to this many possible pairs, every pair is scored instead of blocking. */
export const EXHAUSTIVE_PAIR_LIMIT = 1_000_000;

/** Sensible defaults for the fields a data set actually has. */
export function defaultSettings(kinds: readonly ComparisonKind[], linkType: LinkType, possiblePairs = Number.POSITIVE_INFINITY): LinkageSettings {
  const has = (k: ComparisonKind): boolean => kinds.includes(k);
  const comparisons: ComparisonSpec[] = kinds.map((kind) =>
    kind === 'givenName' || kind === 'familyName' ? { kind, termFrequencyAdjustment: true } : { kind },
  );
  const blockingRules: BlockingRuleSpec[] = [];
  const training: BlockingRuleSpec[] = [];
  const deterministic: BlockingRuleSpec[] = [];
  if (has('documentNumber')) {
    blockingRules.push({ keys: ['documentNumber'] });
    deterministic.push({ keys: ['documentNumber'] });
  }
  if (has('phone')) blockingRules.push({ keys: ['phone'] });
  if (has('email')) blockingRules.push({ keys: ['email'] });
  if (has('dateOfBirth')) {
    blockingRules.push({ keys: ['dateOfBirth'], ifTooMany: [{ keys: ['dateOfBirth', 'familyInitial'] }, { keys: ['dateOfBirth', 'givenInitial'] }] });
    training.push({ keys: ['dateOfBirth'] });
  }
  if (has('givenName') && has('familyName')) {
    blockingRules.push({ keys: ['sortedNames'] });
    blockingRules.push({
      keys: ['familyMetaphone', 'givenInitial'],
      ifTooMany: [{ keys: ['familyMetaphone', 'givenMetaphone'] }, { keys: ['familyMetaphone', 'birthYear'] }],
    });
    blockingRules.push({ keys: ['givenMetaphone', 'familyInitial'], ifTooMany: [{ keys: ['givenMetaphone', 'familyInitial', 'birthYear'] }] });
    training.push({ keys: ['givenName', 'familyName'] });
    if (has('dateOfBirth')) deterministic.push({ keys: ['givenName', 'familyName', 'dateOfBirth'] });
  } else if (has('familyName')) {
    blockingRules.push({ keys: ['familyMetaphone'] });
    training.push({ keys: ['familyName'] });
  }
  if (has('postcode')) {
    blockingRules.push({
      keys: ['postcode', 'givenInitial'],
      ifTooMany: [{ keys: ['postcode', 'givenMetaphone'] }, { keys: ['postcode', 'familyMetaphone'] }],
    });
    if (!has('dateOfBirth')) training.push({ keys: ['postcode'] });
  }
  if (has('alias')) blockingRules.push({ keys: ['aliasName'] });
  // Pairs sharing an identifier are nearly all matches, so they show how names and dates of
  // birth vary within one person. A session blocked on names also holds namesakes, who agree on
  // sex and nationality as well, so EM takes them for matches and m for a differing date of
  // birth comes out far too high; with an identifier to train on, that session is left out.
  const identifierTraining: BlockingRuleSpec[] = [];
  if (has('documentNumber')) identifierTraining.push({ keys: ['documentNumber'] });
  if (has('phone')) identifierTraining.push({ keys: ['phone'] });
  const trainingBlockingRules =
    identifierTraining.length > 0 ? [...training.filter((rule) => !rule.keys.includes('givenName')), ...identifierTraining] : training;
  return {
    linkType,
    comparisons,
    // Small inputs are compared exhaustively: blocking can only lose matches there.
    blockingRules: possiblePairs <= EXHAUSTIVE_PAIR_LIMIT ? [{ keys: [] }] : blockingRules,
    trainingBlockingRules,
    deterministicRules: deterministic,
    deterministicRulesRecall: 0.8,
    priorMethod: 'candidatePairs',
    maxComparisonsPerRecord: 20,
    maxRandomPairs: 1_000_000,
    maxTrainingPairs: 2_000_000,
    duplicateFreeSources: [],
    seed: 42,
  };
}

export function levelLabelsOf(spec: ComparisonSpec): string[] {
  return comparisonKinds[spec.kind].levelLabels(spec);
}

/** Readable one-line form of a model, for logs. */
export function describeModel(model: LinkageModel): string {
  return model.comparisons
    .map((c) => `${c.kind}: ${c.levels.map((l) => `${l.label} ${l.matchWeight.toFixed(2)}`).join(', ')}`)
    .join('\n');
}
