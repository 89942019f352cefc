import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { bcaLimits, jackknifeAcceleration } from './bca.ts';
import { observedPatterns, runBootstrapTask, type BootstrapScheme, type BootstrapTask } from './bootstrapReplicates.ts';
import type { CaptureTable } from './captureTable.ts';
import { createExistenceChecker } from './existence.ts';
import type { PopulationInterval } from './intervals.ts';
import type { LoglinearProcedure } from './procedure.ts';

export interface BootstrapOptions {
  readonly replicates: number;
  readonly seed: number;
  readonly level?: number;
  /** Worker threads; 0 runs everything in the calling thread. Defaults to the available cores. */
  readonly threads?: number;
  /** How tables are resampled; `parametric` needs `fittedCells`. Default `multinomial` (SparseMSE). */
  readonly scheme?: BootstrapScheme;
  readonly fittedCells?: readonly { readonly pattern: number; readonly fitted: number }[];
  /** Called as replicates complete, with (completed, total) counting the jackknife too. */
  readonly onProgress?: (completed: number, total: number) => void;
}

export interface BootstrapResult {
  readonly interval: PopulationInterval;
  readonly replicates: readonly number[];
  /** Replicates on which the procedure refused to give an estimate; left out of the limits. */
  readonly failedReplicates: number;
  readonly acceleration: number;
  readonly biasCorrection: number;
  readonly seed: number;
  readonly scheme: BootstrapScheme;
}

const CHUNK_SIZE = 20;

/**
 * BCa interval that includes model uncertainty: the whole procedure, selection included, is rerun
 * on every resampled table (SparseMSE estimatepopulation; see BootstrapScheme), with acceleration
 * from the jackknife over the observed people. Replicate i always uses random stream (seed, i), so the result is the
 * same whatever the number of threads.
 */
export async function bootstrapInterval(
  table: CaptureTable,
  procedure: LoglinearProcedure,
  pointEstimate: number,
  options: BootstrapOptions,
): Promise<BootstrapResult> {
  const level = options.level ?? 0.95;
  const scheme = options.scheme ?? 'multinomial';
  if (scheme === 'parametric' && options.fittedCells === undefined) {
    throw new RangeError('the parametric bootstrap needs the fitted cells of the selected model');
  }
  const tasks: BootstrapTask[] = [];
  for (let first = 0; first < options.replicates; first += CHUNK_SIZE) {
    const count = Math.min(CHUNK_SIZE, options.replicates - first);
    tasks.push({
      kind: 'replicates',
      table,
      procedure,
      seed: options.seed,
      first,
      count,
      scheme,
      ...(options.fittedCells === undefined ? {} : { fittedCells: options.fittedCells }),
    });
  }
  const patterns = observedPatterns(table);
  for (let first = 0; first < patterns.length; first += CHUNK_SIZE) {
    tasks.push({ kind: 'jackknife', table, procedure, patterns: patterns.slice(first, first + CHUNK_SIZE) });
  }
  const total = options.replicates + patterns.length;
  let completed = 0;
  const report = (task: BootstrapTask): void => {
    completed += task.kind === 'replicates' ? task.count : task.patterns.length;
    options.onProgress?.(completed, total);
  };

  const threads = options.threads ?? Math.max(1, availableParallelism());
  const results: number[][] = [];
  if (threads === 0) {
    const checker = await createExistenceChecker();
    for (const task of tasks) {
      results.push(runBootstrapTask(task, checker));
      report(task);
      // Let progress output and other callbacks run between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } else {
    const pool = createPool(threads);
    try {
      results.push(
        ...(await Promise.all(
          tasks.map(async (task) => {
            const estimates = (await pool.run(task)) as number[];
            report(task);
            return estimates;
          }),
        )),
      );
    } finally {
      await pool.destroy();
    }
  }

  const replicates = results.slice(0, tasks.length - Math.ceil(patterns.length / CHUNK_SIZE)).flat();
  const jackknife = results.slice(tasks.length - Math.ceil(patterns.length / CHUNK_SIZE)).flat();
  const usable = replicates.filter(Number.isFinite);
  const weights = patterns.map((pattern) => table.counts[pattern] ?? 0);
  const usableJackknife = jackknife.map((estimate) => (Number.isFinite(estimate) ? estimate : pointEstimate));
  const acceleration = jackknifeAcceleration(usableJackknife, weights);
  const tail = (1 - level) / 2;
  const [lower, upper] = bcaLimits(usable, pointEstimate, acceleration, [tail, 1 - tail]);
  const below = usable.filter((value) => value < pointEstimate).length;
  return {
    interval: { lower: lower ?? Number.NaN, upper: upper ?? Number.NaN, level, kind: 'bootstrap-bca' },
    replicates,
    failedReplicates: replicates.length - usable.length,
    acceleration,
    biasCorrection: below / usable.length,
    seed: options.seed,
    scheme,
  };
}

function createPool(threads: number): Piscina {
  const workerUrl = new URL('./bootstrapWorker.ts', import.meta.url);
  // The worker is TypeScript source: give the worker threads tsx's loader, resolved from here so
  // it works whatever the current directory.
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return new Piscina({
    filename: workerUrl.href,
    minThreads: threads,
    maxThreads: threads,
    execArgv: ['--import', tsxLoader],
  });
}
