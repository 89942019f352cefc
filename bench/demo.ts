// Measures the demo generator at a given scale: wall time, peak resident memory and peak heap,
// consuming batches the way a loader would (serialise, then drop). Results go in bench/demo.md.
//   npx tsx bench/demo.ts [scale=100] [seed=1] [batchVisits=1000] [generate-only]
import { createHash } from 'node:crypto';
import { EXAMPLE_FORCE_ROSTER, generateOperationBatches } from '../src/demo/index.ts';

const scale = Number(process.argv[2] ?? 100);
const seed = Number(process.argv[3] ?? 1);
const batchVisits = Number(process.argv[4] ?? 1000);
// Without serialisation the figures are the generator's alone; with it, what a loader would see.
const serialise = process.argv[5] !== 'generate-only';

const start = performance.now();
// CPU time as well as wall time: the machine may be shared, and wall time then measures the neighbours.
const cpuStart = process.cpuUsage();
const baseline = process.memoryUsage();
let peakRss = baseline.rss;
let peakHeap = baseline.heapUsed;
let bytes = 0;
const counts = { batches: 0, premises: 0, visits: 0, peopleFound: 0, arrests: 0, seizedAssets: 0, truePeople: 0 };
const digest = createHash('sha256');

for (const batch of generateOperationBatches({ seed, scale, forces: EXAMPLE_FORCE_ROSTER, batchVisits })) {
  if (serialise) {
    const recordsJson = JSON.stringify(batch.records);
    const truthJson = JSON.stringify(batch.truth);
    digest.update(recordsJson);
    bytes += recordsJson.length + truthJson.length;
  }
  counts.batches++;
  counts.premises += batch.records.premises.length;
  counts.visits += batch.records.visits.length;
  counts.peopleFound += batch.records.peopleFound.length;
  counts.arrests += batch.records.arrests.length;
  counts.seizedAssets += batch.records.seizedAssets.length;
  counts.truePeople += batch.truth.people.length;
  const memory = process.memoryUsage();
  peakRss = Math.max(peakRss, memory.rss);
  peakHeap = Math.max(peakHeap, memory.heapUsed);
}

const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
console.log(JSON.stringify({
  scale, seed, batchVisits, serialise, seconds: Number(seconds.toFixed(2)), cpuSeconds: Number(cpuSeconds.toFixed(2)), ...counts,
  serialisedMB: Number(mb(bytes)), peakRssMB: Number(mb(peakRss)), peakHeapMB: Number(mb(peakHeap)),
  baselineRssMB: Number(mb(baseline.rss)), node: process.version, recordsSha256: digest.digest('hex').slice(0, 16),
}));
