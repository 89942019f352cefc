// Benchmark of the estimation engine against the R reference times in
// shared/data/estimation/README.md: stepwise selection plus a 1,000-replicate BCa bootstrap that
// reruns the selection (SparseMSE estimatepopulation), and LCMCR with its default run length.
// Run with: npx tsx bench/estimate.ts [table ...]
import { readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bootstrapInterval,
  createExistenceChecker,
  observedTotal,
  parseCaptureTable,
  runLcmcr,
  selectStepwise,
} from '../src/analysis/estimate/index.ts';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folder = [process.env['LIFELINE_ESTIMATION_DATA'], path.resolve(repositoryRoot, '../shared/data/estimation')]
  .filter((candidate): candidate is string => candidate !== undefined)
  .find((candidate) => existsSync(path.join(candidate, 'reference.json')));
if (folder === undefined) throw new Error('estimation data folder not found (set LIFELINE_ESTIMATION_DATA)');

// Wall times of SparseMSE estimatepopulation (stepwise + 1,000 bootstrap replicates) from the README.
const R_SECONDS: Record<string, number> = {
  Korea: 31,
  conting_spina: 10,
  Kosovo: 92,
  Rcapture_HIV: 19,
  Western: 55,
  dga_MY_5list: 57,
  UKdat: 245,
  Ned: 400,
  NewOrl: 1056,
};

interface ReferenceFile {
  readonly datasets: Record<string, { readonly key: { readonly sparsemse_stepwise?: { readonly BCa95: readonly number[] } } | null }>;
}
const reference = JSON.parse(readFileSync(path.join(folder, 'reference.json'), 'utf8')) as ReferenceFile;

const REPLICATES = 1000;
const SEED = 1234;
const threads = Math.max(1, os.availableParallelism());
const tables = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(R_SECONDS);
const checker = await createExistenceChecker();

const lines: string[] = [];
const print = (line: string): void => {
  lines.push(line);
  console.log(line);
};

print(`Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, Node ${process.version}, ` +
  `load average at start ${os.loadavg().map((value) => value.toFixed(1)).join(' / ')}`);
print(`Bootstrap: ${REPLICATES} replicates, seed ${SEED}, ${threads} worker threads; jackknife included.`);
print('');
print('| table | lists | observed | stepwise N | BCa 95% (ours) | BCa 95% (R) | ours, wall | ours, CPU | R, wall | speed-up (wall) | LCMCR, wall |');
print('|---|---|---|---|---|---|---|---|---|---|---|');
for (const name of tables) {
  const table = parseCaptureTable(readFileSync(path.join(folder, `${name}.csv`), 'utf8'));
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const selection = selectStepwise(table, checker);
  const bootstrap = await bootstrapInterval(table, { method: 'stepwise' }, selection.fit.estimate, {
    replicates: REPLICATES,
    seed: SEED,
    threads,
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  // All threads of this process, workers included: less sensitive to other load than wall time.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const lcmcrStarted = performance.now();
  runLcmcr(table, { seed: 20240101 });
  const lcmcrSeconds = (performance.now() - lcmcrStarted) / 1000;
  const rLimits = reference.datasets[name]?.key?.sparsemse_stepwise?.BCa95;
  const rSeconds = R_SECONDS[name];
  const whole = (value: number | undefined): string => (value === undefined ? '–' : Math.round(value).toLocaleString('en-GB'));
  print(
    `| ${name} | ${table.listNames.length} | ${whole(observedTotal(table))} | ${whole(selection.fit.estimate)} ` +
      `| ${whole(bootstrap.interval.lower)}–${whole(bootstrap.interval.upper)} ` +
      `| ${rLimits === undefined ? 'held out' : `${whole(rLimits[0])}–${whole(rLimits[1])}`} ` +
      `| ${seconds.toFixed(1)} s | ${cpuSeconds.toFixed(1)} s | ${rSeconds === undefined ? '–' : `${rSeconds} s`} ` +
      `| ${rSeconds === undefined ? '–' : `${(rSeconds / seconds).toFixed(0)}×`} | ${lcmcrSeconds.toFixed(2)} s |`,
  );
  if (bootstrap.failedReplicates > 0) print(`  (${name}: ${bootstrap.failedReplicates} replicates gave no estimate)`);
}
print('');
print(`Load average at end ${os.loadavg().map((value) => value.toFixed(1)).join(' / ')}`);
