import { captureTableFromPatterns, observedTotal, type CaptureTable } from './captureTable.ts';
import type { ExistenceChecker } from './existence.ts';
import { runProcedure, type LoglinearProcedure } from './procedure.ts';
import { RandomStream } from './random.ts';

/**
 * The work of the bootstrap, shared by the worker threads and the in-thread fallback. The whole
 * procedure, selection included, is rerun on every resampled table. Two ways to resample:
 * - `multinomial` (SparseMSE's estimatepopulation, the default and the reference): the n observed
 *   people are redrawn with replacement, a multinomial over the observed capture patterns;
 * - `parametric`: every observable cell is drawn from a Poisson with the mean fitted by the
 *   selected model, so patterns never seen can appear.
 */
export type BootstrapScheme = 'multinomial' | 'parametric';

export type BootstrapTask =
  | {
      readonly kind: 'replicates';
      readonly table: CaptureTable;
      readonly procedure: LoglinearProcedure;
      readonly seed: number;
      readonly first: number;
      readonly count: number;
      readonly scheme: BootstrapScheme;
      /** Fitted mean per capture pattern of the selected model (parametric scheme only). */
      readonly fittedCells?: readonly { readonly pattern: number; readonly fitted: number }[];
    }
  | {
      readonly kind: 'jackknife';
      readonly table: CaptureTable;
      readonly procedure: LoglinearProcedure;
      readonly patterns: readonly number[];
    };

export function observedPatterns(table: CaptureTable): number[] {
  const patterns: number[] = [];
  table.counts.forEach((count, pattern) => {
    if (count > 0) patterns.push(pattern);
  });
  return patterns;
}

/** Estimate from a resampled table, NaN when the procedure refuses it (reported, not hidden). */
function safeEstimate(table: CaptureTable, procedure: LoglinearProcedure, checker: ExistenceChecker): number {
  try {
    const estimate = runProcedure(table, procedure, checker).estimate;
    return Number.isFinite(estimate) ? estimate : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

export function runBootstrapTask(task: BootstrapTask, checker: ExistenceChecker): number[] {
  const patterns = observedPatterns(task.table);
  switch (task.kind) {
    case 'replicates': {
      const total = observedTotal(task.table);
      const weights = patterns.map((pattern) => task.table.counts[pattern] ?? 0);
      const estimates: number[] = [];
      for (let replicate = task.first; replicate < task.first + task.count; replicate++) {
        const random = new RandomStream(task.seed, replicate);
        let rows: { pattern: number; count: number }[];
        if (task.scheme === 'parametric') {
          rows = (task.fittedCells ?? []).map(({ pattern, fitted }) => ({ pattern, count: random.poisson(fitted) }));
        } else {
          const counts = random.multinomial(total, weights);
          rows = patterns.map((pattern, index) => ({ pattern, count: counts[index] ?? 0 }));
        }
        if (rows.every((row) => row.count === 0)) {
          estimates.push(Number.NaN);
          continue;
        }
        estimates.push(safeEstimate(captureTableFromPatterns(task.table.listNames, rows), task.procedure, checker));
      }
      return estimates;
    }
    case 'jackknife':
      return task.patterns.map((leftOut) => {
        const counts = [...task.table.counts];
        counts[leftOut] = (counts[leftOut] ?? 0) - 1;
        const reduced: CaptureTable = { listNames: task.table.listNames, counts };
        return safeEstimate(reduced, task.procedure, checker);
      });
  }
}
