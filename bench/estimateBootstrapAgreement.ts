// How closely the engine's stepwise BCa bootstrap agrees with SparseMSE's estimatepopulation on
// every table with reference values, and how much of any difference is Monte Carlo error.
//
// Per table: 1,000 replicates for each of several seeds (1234, 1, 2, 3 by default). Replicate i of
// seed s always uses random stream (s, i), so the first r replicates of a run are exactly an
// r-replicate run, and the replicates cut into disjoint blocks of r give many independent
// r-replicate intervals. Their spread is the Monte Carlo error of an r-replicate run; all the
// replicates pooled give the engine's limits with little Monte Carlo error, to set against R's
// single 1,000-replicate run (which has the 1,000-replicate Monte Carlo error itself).
//
// Run with: npx tsx bench/estimateBootstrapAgreement.ts [table ...]
// Options through the environment: SEEDS=1234,1,2,3; BLOCKS=100,200,1000 (block sizes);
// THREADS=2; JSON=file (writes the measured relative standard deviations per table and block size).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bcaLimits, quantileType8 } from '../src/analysis/estimate/bca.ts';
import { bootstrapInterval, createExistenceChecker, parseCaptureTable, selectStepwise } from '../src/analysis/estimate/index.ts';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folder = [process.env['LIFELINE_ESTIMATION_DATA'], path.resolve(repositoryRoot, '../shared/data/estimation')]
  .filter((candidate): candidate is string => candidate !== undefined)
  .find((candidate) => existsSync(path.join(candidate, 'reference.json')));
if (folder === undefined) throw new Error('estimation data folder not found (set LIFELINE_ESTIMATION_DATA)');

interface EstimatePopulationReference {
  readonly BCaquantiles: Record<string, number>;
  readonly bootreps_summary: { readonly median: number; readonly mean: number };
}
interface ReferenceFile {
  readonly datasets: Record<
    string,
    { readonly key: unknown; readonly computed?: { readonly sparsemse?: { readonly estimatepopulation?: EstimatePopulationReference } } }
  >;
}
const reference = JSON.parse(readFileSync(path.join(folder, 'reference.json'), 'utf8')) as ReferenceFile;
const referenceOf = (name: string): EstimatePopulationReference | undefined =>
  reference.datasets[name]?.key == null ? undefined : reference.datasets[name]?.computed?.sparsemse?.estimatepopulation;

const REPLICATES = 1000;
const seeds = (process.env['SEEDS'] ?? '1234,1,2,3').split(',').map(Number);
const blockSizes = (process.env['BLOCKS'] ?? '100,200,1000').split(',').map(Number);
const threads = Number(process.env['THREADS'] ?? 2);
const tables =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(folder)
        .filter((file) => file.endsWith('.csv'))
        .map((file) => file.replace(/\.csv$/, ''))
        .filter((name) => referenceOf(name) !== undefined)
        .sort();
const checker = await createExistenceChecker();

const percent = (value: number): string => `${(100 * value).toFixed(1)}%`;
const signed = (value: number): string => `${value >= 0 ? '+' : ''}${percent(value)}`;
const whole = (value: number): string =>
  Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en-GB') : value.toPrecision(4);
const standardDeviation = (values: readonly number[]): number => {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1));
};
const medianOf = (values: readonly number[]): number => quantileType8([...values].sort((a, b) => a - b), 0.5);
const meanOf = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

interface Spread {
  readonly blocks: number;
  readonly lower: number;
  readonly upper: number;
  readonly median: number;
  readonly mean: number;
}
const measured: Record<string, { secondsPerThousand: number; spreads: Record<number, Spread> }> = {};

console.log(
  `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, Node ${process.version}, ` +
    `load average ${os.loadavg().map((value) => value.toFixed(1)).join(' / ')}; ${threads} worker threads; seeds ${seeds.join(', ')}`,
);
const summaryRows: string[] = [];
for (const name of tables) {
  const table = parseCaptureTable(readFileSync(path.join(folder, `${name}.csv`), 'utf8'));
  const expected = referenceOf(name);
  if (expected === undefined) continue;
  const rLower = expected.BCaquantiles['0.025'] ?? Number.NaN;
  const rUpper = expected.BCaquantiles['0.975'] ?? Number.NaN;
  const estimate = selectStepwise(table, checker).fit.estimate;
  const runs: { seed: number; replicates: readonly number[]; seconds: number; failed: number; lower: number; upper: number }[] = [];
  let acceleration = Number.NaN;
  for (const seed of seeds) {
    const started = performance.now();
    const result = await bootstrapInterval(table, { method: 'stepwise' }, estimate, { replicates: REPLICATES, seed, threads });
    acceleration = result.acceleration;
    runs.push({
      seed,
      replicates: result.replicates,
      seconds: (performance.now() - started) / 1000,
      failed: result.failedReplicates,
      lower: result.interval.lower,
      upper: result.interval.upper,
    });
  }
  const limitsOf = (replicates: readonly number[]): [number, number] => {
    const [lower, upper] = bcaLimits(replicates, estimate, acceleration, [0.025, 0.975]);
    return [lower ?? Number.NaN, upper ?? Number.NaN];
  };
  const pooled = runs.flatMap((run) => run.replicates);
  const [pooledLower, pooledUpper] = limitsOf(pooled);
  const pooledMedian = medianOf(pooled);
  const pooledMean = meanOf(pooled);
  console.log(`\n## ${name}: estimate ${whole(estimate)}, acceleration ${acceleration.toFixed(5)}`);
  console.log(
    `R, 1,000, seed 1234: ${whole(rLower)} – ${whole(rUpper)}; median ${whole(expected.bootreps_summary.median)}, mean ${whole(expected.bootreps_summary.mean)}`,
  );
  for (const run of runs) {
    console.log(
      `ours, 1,000, seed ${run.seed}: ${whole(run.lower)} – ${whole(run.upper)} (${signed(run.lower / rLower - 1)}, ${signed(run.upper / rUpper - 1)}); ` +
        `median ${whole(medianOf(run.replicates))}, mean ${whole(meanOf(run.replicates))}; ${run.failed} failed; ${run.seconds.toFixed(1)} s`,
    );
  }
  console.log(
    `ours pooled ${pooled.length}: ${whole(pooledLower)} – ${whole(pooledUpper)} (${signed(pooledLower / rLower - 1)}, ${signed(pooledUpper / rUpper - 1)}); ` +
      `median ${whole(pooledMedian)} (${signed(pooledMedian / expected.bootreps_summary.median - 1)}), mean ${whole(pooledMean)} (${signed(pooledMean / expected.bootreps_summary.mean - 1)})`,
  );
  const spreads: Record<number, Spread> = {};
  for (const size of blockSizes) {
    const lowers: number[] = [];
    const uppers: number[] = [];
    const medians: number[] = [];
    const means: number[] = [];
    for (const run of runs) {
      for (let first = 0; first + size <= run.replicates.length; first += size) {
        const block = run.replicates.slice(first, first + size);
        const [lower, upper] = limitsOf(block);
        lowers.push(lower / pooledLower - 1);
        uppers.push(upper / pooledUpper - 1);
        medians.push(medianOf(block) / pooledMedian - 1);
        means.push(meanOf(block) / pooledMean - 1);
      }
    }
    const spread: Spread = {
      blocks: lowers.length,
      lower: standardDeviation(lowers),
      upper: standardDeviation(uppers),
      median: standardDeviation(medians),
      mean: standardDeviation(means),
    };
    spreads[size] = spread;
    const first = runs[0]?.replicates.slice(0, size) ?? [];
    const [firstLower, firstUpper] = limitsOf(first);
    console.log(
      `blocks of ${size} (${spread.blocks}): relative sd lower ${percent(spread.lower)}, upper ${percent(spread.upper)}, ` +
        `median ${percent(spread.median)}, mean ${percent(spread.mean)}; first ${size} of seed ${runs[0]?.seed} vs R: ` +
        `${signed(firstLower / rLower - 1)}, ${signed(firstUpper / rUpper - 1)}, median ${signed(medianOf(first) / expected.bootreps_summary.median - 1)}`,
    );
  }
  const secondsPerThousand = runs.reduce((sum, run) => sum + run.seconds, 0) / runs.length;
  measured[name] = { secondsPerThousand, spreads };
  const thousand = spreads[1000];
  summaryRows.push(
    `| ${name} | ${whole(estimate)} | ${whole(runs[0]?.lower ?? Number.NaN)}–${whole(runs[0]?.upper ?? Number.NaN)} ` +
      `| ${whole(pooledLower)}–${whole(pooledUpper)} | ${whole(rLower)}–${whole(rUpper)} ` +
      `| ${signed(pooledLower / rLower - 1)} / ${signed(pooledUpper / rUpper - 1)} ` +
      `| ${thousand === undefined ? '–' : `${percent(thousand.lower)} / ${percent(thousand.upper)}`} | ${secondsPerThousand.toFixed(1)} s |`,
  );
}
console.log('');
console.log(
  `| table | stepwise N | ours, 1,000, seed ${seeds[0]} | ours, ${seeds.length} × 1,000 pooled | R, 1,000, seed 1234 ` +
    `| pooled vs R (lower / upper) | sd of a 1,000-replicate limit (lower / upper) | wall per 1,000 |`,
);
console.log('|---|---|---|---|---|---|---|---|');
for (const row of summaryRows) console.log(row);
console.log(`\nload average at end ${os.loadavg().map((value) => value.toFixed(1)).join(' / ')}`);
const jsonFile = process.env['JSON'];
if (jsonFile !== undefined) writeFileSync(jsonFile, `${JSON.stringify(measured, null, 2)}\n`);
