// The hidden scale of one period: de-duplicate the potential victims into people with a saved
// linkage run's clusters (and, per a threshold, its pairs still awaiting review), count people by
// the lists they appear on, estimate how many were on none. Pure (no database): the platform runs
// it in a worker thread over the people found an analyst may see, and tests run it directly.
import {
  CaptureTableError,
  EstimateRefusedError,
  createExistenceChecker,
  estimatePopulation,
  type CaptureTable,
  type EstimateMethod,
  type ExistenceChecker,
  type EstimateOptions,
  type PopulationEstimate,
} from '../estimate/index.ts';
import { overlapTable } from './overlapTable.ts';

export const ESTIMATE_METHODS: readonly EstimateMethod[] = ['main', 'stepwise', 'aic', 'bic', 'lcmcr'];
/** Linkage thresholds every estimate is compared across, to show how much it depends on linkage. */
// Stored clusters cannot be split at a stricter threshold than the run's upper one (their pairs'
// weights are not kept), so the comparison varies how pairs awaiting review are taken, from the
// run's lower threshold to its upper (only those within the run's range are used).
export const COMPARISON_THRESHOLDS: readonly number[] = [0.5, 0.7, 0.8, 0.9];

export interface EstimateParameters {
  readonly method: EstimateMethod;
  /** Interval level, e.g. 0.95. */
  readonly level: number;
  /** Seed of the LCMCR sampler and of the bootstrap. */
  readonly seed: number;
  /** BCa bootstrap replicates of the whole procedure; 0 for none (log-linear methods only). */
  readonly bootstrapReplicates: number;
}

/** A pair of records the linkage run sent to review, with its match probability. */
export interface ReviewPair {
  readonly left: string;
  readonly right: string;
  readonly probability: number;
}

/**
 * The saved linkage the estimate de-duplicates people with: the run's clusters as they stand
 * (with reviewers' merges and splits since) and its pairs still awaiting a decision.
 */
export interface StoredLinkage {
  readonly runId: string;
  readonly finishedAt: string;
  /** Pairs from the lower threshold went to review; pairs at or above the upper joined clusters. */
  readonly lowerThreshold: number;
  readonly upperThreshold: number;
  /** The stored cluster of each record that has one (the estimate's records and the pairs' records). */
  readonly clusterOfRecord: Readonly<Record<string, string>>;
  /** The run's pairs with no "same" or "different" decision in force. */
  readonly awaitingReview: readonly ReviewPair[];
}

export interface HiddenScaleInput extends EstimateParameters {
  /** Potential victims (person-found ids), each from an organisation on one of the lists. */
  readonly recordIds: readonly string[];
  /** The list (index into listNames) of each record, by record id. */
  readonly listOfRecord: Readonly<Record<string, number>>;
  readonly listNames: readonly string[];
  readonly linkage: StoredLinkage;
  /** Pairs awaiting review at or above this match probability are taken as one person; below it, as two. */
  readonly threshold: number;
  /** Thresholds and methods of the comparison; empty to skip it. */
  readonly comparison: { readonly thresholds: readonly number[]; readonly methods: readonly EstimateMethod[] };
}

export type HiddenScaleStage = 'linking' | 'estimating' | 'comparing';
export type HiddenScaleProgress = (stage: HiddenScaleStage, done: number, total: number) => void;

/** One cell of the comparison across thresholds and methods. */
export interface ComparisonCell {
  readonly threshold: number;
  readonly method: EstimateMethod;
  readonly observed: number;
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly intervalKind: string | null;
  readonly refusal: string | null;
}

export interface LinkageSummary {
  /** The linkage run whose clusters de-duplicated the people. */
  readonly runId: string;
  readonly runFinishedAt: string;
  readonly lowerThreshold: number;
  readonly upperThreshold: number;
  readonly threshold: number;
  readonly records: number;
  /** People: records joined by their stored clusters and the review pairs taken as matches. */
  readonly people: number;
  /** Records in no stored cluster (recorded since the run): each is a person of their own. */
  readonly unclusteredRecords: number;
  /** The run's pairs between the estimate's people still awaiting review. */
  readonly awaitingReview: number;
  /** Of those, the pairs at or above the threshold, taken as one person. */
  readonly linkedPairs: number;
}

export interface HiddenScaleOutcome {
  readonly table: CaptureTable | null;
  readonly estimate: PopulationEstimate | null;
  /** Why there is no estimate, in plain words. */
  readonly refusal: string | null;
  readonly comparison: readonly ComparisonCell[];
  readonly linkage: LinkageSummary;
  /** How people were de-duplicated, in plain words: shown with the estimate and kept with it. */
  readonly methodNote: string;
  /** Record ids of each linked person with more than one record, at the chosen threshold. */
  readonly linkedRecords: readonly (readonly string[])[];
}

/** The engine's options for one estimate; a saved estimate is reproduced with exactly these. */
export function estimateOptions(parameters: EstimateParameters, checker?: ExistenceChecker): EstimateOptions {
  const bootstrap = parameters.method !== 'lcmcr' && parameters.bootstrapReplicates > 0;
  return {
    method: parameters.method,
    level: parameters.level,
    seed: parameters.seed,
    ...(bootstrap ? { bootstrap: { replicates: parameters.bootstrapReplicates, seed: parameters.seed, threads: 1 } } : {}),
    ...(checker === undefined ? {} : { checker }),
  };
}

/** Errors that mean "this table cannot give this estimate", as opposed to a fault. */
export function refusalOf(error: unknown): string | null {
  if (error instanceof EstimateRefusedError || error instanceof CaptureTableError || error instanceof RangeError) return error.message;
  return null;
}

async function attempt<T>(work: () => Promise<T>): Promise<{ value: T; refusal: null } | { value: null; refusal: string }> {
  try {
    return { value: await work(), refusal: null };
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal === null) throw error;
    return { value: null, refusal };
  }
}

interface ClusteredAt {
  readonly table: CaptureTable | null;
  readonly refusal: string | null;
  readonly people: number;
  readonly linkedPairs: number;
  readonly linkedRecords: string[][];
}

/** Groups records into people: one per stored cluster, joined further by the review pairs taken as matches. */
export function peopleAt(recordIds: readonly string[], linkage: StoredLinkage, threshold: number): { personOf: Map<string, string>; linkedPairs: number } {
  const parent = new Map<string, string>();
  const groupOf = (record: string): string => linkage.clusterOfRecord[record] ?? `record:${record}`;
  const find = (group: string): string => {
    let root = group;
    while (parent.has(root)) root = parent.get(root) ?? root;
    // Path compression: later look-ups of this chain go straight to the root.
    let node = group;
    while (node !== root) {
      const next = parent.get(node) ?? root;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  let linkedPairs = 0;
  const inScope = new Set(recordIds);
  for (const pair of linkage.awaitingReview) {
    if (pair.probability < threshold) continue;
    if (inScope.has(pair.left) && inScope.has(pair.right)) linkedPairs++;
    const a = find(groupOf(pair.left));
    const b = find(groupOf(pair.right));
    // The smaller root wins, so the grouping does not depend on the order of the pairs.
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  return { personOf: new Map(recordIds.map((id) => [id, find(groupOf(id))])), linkedPairs };
}

/** The method note: how people were de-duplicated, with the figures of this estimate. */
export function methodNote(summary: LinkageSummary): string {
  const date = summary.runFinishedAt.slice(0, 10);
  const review = summary.awaitingReview === 0
    ? 'No pair of these records was awaiting review.'
    : `Of the ${summary.awaitingReview} pair${summary.awaitingReview === 1 ? '' : 's'} of these records still awaiting review, ${summary.linkedPairs} with a match probability of ${summary.threshold} or more ${summary.linkedPairs === 1 ? 'was' : 'were'} taken as the same person and the rest as different people.`;
  const unclustered = summary.unclusteredRecords === 0 ? '' : ` ${summary.unclusteredRecords} record${summary.unclusteredRecords === 1 ? '' : 's'} made since the run, in no cluster, each counted as one person.`;
  return `People were de-duplicated with the stored clusters of linkage run ${summary.runId} (finished ${date}): records in one cluster (linked at a match probability of ${summary.upperThreshold} or more, or joined by a reviewer) count as one person. ${review}${unclustered} ${summary.records} record${summary.records === 1 ? '' : 's'} gave ${summary.people} ${summary.people === 1 ? 'person' : 'people'}.`;
}

export async function runHiddenScale(input: HiddenScaleInput, onProgress?: HiddenScaleProgress): Promise<HiddenScaleOutcome> {
  const recordIds = [...input.recordIds].sort();
  const inScope = new Set(recordIds);
  const awaiting = input.linkage.awaitingReview.filter((p) => inScope.has(p.left) && inScope.has(p.right)).length;
  const summaryAt = (people: number, linkedPairs: number): LinkageSummary => ({
    runId: input.linkage.runId, runFinishedAt: input.linkage.finishedAt, lowerThreshold: input.linkage.lowerThreshold, upperThreshold: input.linkage.upperThreshold,
    threshold: input.threshold, records: recordIds.length, people, unclusteredRecords: recordIds.filter((id) => input.linkage.clusterOfRecord[id] === undefined).length,
    awaitingReview: awaiting, linkedPairs,
  });
  if (recordIds.length === 0) {
    const linkage = summaryAt(0, 0);
    return {
      table: null, estimate: null, comparison: [], linkedRecords: [], linkage, methodNote: methodNote(linkage),
      refusal: 'No potential victims were recorded by the organisations on the lists in this period.',
    };
  }
  onProgress?.('linking', 0, 1);
  const clusteredAt = (threshold: number): ClusteredAt => {
    const { personOf, linkedPairs } = peopleAt(recordIds, input.linkage, threshold);
    const members = new Map<string, string[]>();
    for (const id of recordIds) {
      const person = personOf.get(id) ?? id;
      members.set(person, [...(members.get(person) ?? []), id]);
    }
    const records = recordIds.map((id) => ({ clusterId: personOf.get(id) ?? id, list: input.listOfRecord[id] ?? null }));
    const linkedRecords = [...members.values()].filter((ids) => ids.length > 1);
    try {
      return { table: overlapTable(input.listNames, records), refusal: null, people: members.size, linkedPairs, linkedRecords };
    } catch (error) {
      if (error instanceof CaptureTableError) return { table: null, refusal: error.message, people: members.size, linkedPairs, linkedRecords };
      throw error;
    }
  };

  const checker = await createExistenceChecker();
  const chosen = clusteredAt(input.threshold);
  onProgress?.('linking', 1, 1);
  onProgress?.('estimating', 0, 1);
  const main = chosen.table === null ? { value: null, refusal: chosen.refusal ?? 'no table' } : await attempt(() => estimatePopulation(chosen.table as CaptureTable, estimateOptions(input, checker)));
  onProgress?.('estimating', 1, 1);

  const comparison: ComparisonCell[] = [];
  const cells = input.comparison.thresholds.length * input.comparison.methods.length;
  // Thresholds that give the same table give the same estimates: each table is estimated once.
  const memo = new Map<string, ComparisonCell>();
  for (const threshold of [...input.comparison.thresholds].sort((a, b) => a - b)) {
    const at = threshold === input.threshold ? chosen : clusteredAt(threshold);
    for (const method of input.comparison.methods) {
      onProgress?.('comparing', comparison.length, cells);
      const key = `${method}|${at.table === null ? 'none' : at.table.counts.join(',')}`;
      const known = memo.get(key);
      if (known !== undefined) {
        comparison.push({ ...known, threshold });
        continue;
      }
      const table = at.table;
      const result = table === null
        ? { value: null, refusal: at.refusal ?? 'no table' }
        : await attempt(() => estimatePopulation(table, { method, level: input.level, seed: input.seed, skipSensitivity: true, checker }));
      const cell: ComparisonCell = {
        threshold, method, observed: table === null ? 0 : table.counts.reduce((a, b) => a + b, 0),
        estimate: result.value?.estimate ?? null, lower: result.value?.interval.lower ?? null, upper: result.value?.interval.upper ?? null,
        intervalKind: result.value?.interval.kind ?? null, refusal: result.refusal,
      };
      memo.set(key, cell);
      comparison.push(cell);
    }
  }
  onProgress?.('comparing', cells, cells);
  const linkage = summaryAt(chosen.people, chosen.linkedPairs);
  return {
    table: chosen.table, estimate: main.value, refusal: main.refusal, comparison, linkedRecords: chosen.linkedRecords, linkage, methodNote: methodNote(linkage),
  };
}
