// The hidden scale of one period: link the potential victims into people, count people by the
// lists they appear on, estimate how many were on none. Pure (no database): the platform runs it
// in a worker thread over the people found an analyst may see, and tests run it directly.
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
import { connectedComponents, linkRecords, weightFromProbability, type LinkageSettings, type PersonRecord } from '../linkage/index.ts';
import { overlapTable } from './overlapTable.ts';

export const ESTIMATE_METHODS: readonly EstimateMethod[] = ['main', 'stepwise', 'aic', 'bic', 'lcmcr'];
/** Linkage thresholds every estimate is compared across, to show how much it depends on linkage. */
export const COMPARISON_THRESHOLDS: readonly number[] = [0.8, 0.9, 0.95, 0.99];

export interface EstimateParameters {
  readonly method: EstimateMethod;
  /** Interval level, e.g. 0.95. */
  readonly level: number;
  /** Seed of the LCMCR sampler and of the bootstrap. */
  readonly seed: number;
  /** BCa bootstrap replicates of the whole procedure; 0 for none (log-linear methods only). */
  readonly bootstrapReplicates: number;
}

export interface HiddenScaleInput extends EstimateParameters {
  /** Potential victims, each from an organisation on one of the lists. */
  readonly records: readonly PersonRecord[];
  /** The list (index into listNames) of each record, by record id. */
  readonly listOfRecord: Readonly<Record<string, number>>;
  readonly listNames: readonly string[];
  /** Match probability at which records are linked into one person. */
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
  readonly threshold: number;
  readonly records: number;
  /** Linked people at the threshold. */
  readonly people: number;
  /** Pairs of records at or above the threshold. */
  readonly linkedPairs: number;
  readonly settings: LinkageSettings | null;
  readonly probabilityTwoRandomRecordsMatch: number | null;
}

export interface HiddenScaleOutcome {
  readonly table: CaptureTable | null;
  readonly estimate: PopulationEstimate | null;
  /** Why there is no estimate, in plain words. */
  readonly refusal: string | null;
  readonly comparison: readonly ComparisonCell[];
  readonly linkage: LinkageSummary;
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

export async function runHiddenScale(input: HiddenScaleInput, onProgress?: HiddenScaleProgress): Promise<HiddenScaleOutcome> {
  const thresholds = [...new Set([input.threshold, ...input.comparison.thresholds])].sort((a, b) => a - b);
  const lowest = thresholds[0] ?? input.threshold;
  if (input.records.length === 0) {
    return {
      table: null, estimate: null, comparison: [], linkedRecords: [],
      refusal: 'No potential victims were recorded by the organisations on the lists in this period.',
      linkage: { threshold: input.threshold, records: 0, people: 0, linkedPairs: 0, settings: null, probabilityTwoRandomRecordsMatch: null },
    };
  }
  // Pair weights do not depend on the threshold, so one linkage at the lowest threshold gives the
  // clusters at every higher one by dropping the weaker pairs.
  onProgress?.('linking', 0, 1);
  const linkage = await linkRecords(input.records, {
    threshold: lowest,
    threads: 0,
    onProgress: (p) => onProgress?.('linking', p.done, Math.max(p.total, p.done)),
  });
  const recordIds = linkage.prepared.recordIds;
  const clusteredAt = (threshold: number): ClusteredAt => {
    const minWeight = weightFromProbability(threshold);
    const roots = connectedComponents(recordIds.length, linkage.pairs, minWeight);
    const members = new Map<number, string[]>();
    roots.forEach((root, row) => members.set(root, [...(members.get(root) ?? []), recordIds[row] ?? '']));
    let linkedPairs = 0;
    for (const weight of linkage.pairs.weights) if (weight >= minWeight) linkedPairs++;
    const records = recordIds.map((id, row) => ({ clusterId: String(roots[row]), list: input.listOfRecord[id] ?? null }));
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
  return {
    table: chosen.table,
    estimate: main.value,
    refusal: main.refusal,
    comparison,
    linkedRecords: chosen.linkedRecords,
    linkage: {
      threshold: input.threshold, records: recordIds.length, people: chosen.people, linkedPairs: chosen.linkedPairs,
      settings: linkage.model.settings, probabilityTwoRandomRecordsMatch: linkage.model.probabilityTwoRandomRecordsMatch,
    },
  };
}
