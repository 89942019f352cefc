/**
 * Linkage benchmark: accuracy on the shared data sets with ground truth, the Jaro–Winkler
 * kernel's speed, and end-to-end deduplication of deterministic synthetic inputs.
 *
 *   npx tsx bench/linkage.ts                 # data sets, kernel, 100,000 records
 *   npx tsx bench/linkage.ts --million       # also 1,000,000 records
 *   npx tsx bench/linkage.ts --only 1000000  # one synthetic size only
 *   npx tsx bench/linkage.ts --demo          # the demo operation's people only (scales 1 and 10)
 *   npx tsx bench/linkage.ts --kernel        # the Jaro–Winkler kernel against the npm package only
 *
 * Results are printed as Markdown; bench/linkage.md records a run.
 */
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { clusterAccuracy, pairwiseAccuracy, type PairwiseAccuracy } from '../src/analysis/linkage/evaluation.ts';
import { prepareRecords } from '../src/analysis/linkage/featureTable.ts';
import { jaroWinklerIds } from '../src/analysis/linkage/comparisons/name.ts';
import { jaroWinkler } from '../src/analysis/linkage/jaroWinkler.ts';
import npmJaroWinkler from 'jaro-winkler';
import { personRecordsFromPeopleFound } from '../src/analysis/linkage/fromPeopleFound.ts';
import { linkRecords, type LinkageResult } from '../src/analysis/linkage/linkage.ts';
import type { LinkType } from '../src/analysis/linkage/record.ts';
import { seededRandom } from '../src/domain/seededRandom.ts';
import { EXAMPLE_FORCE_ROSTER, generateOperation } from '../src/demo/index.ts';
import { concat, loadFebrl, loadFebrlDsgen, loadSplinkFake, type LabelledRecords } from './linkageDatasets.ts';
import { syntheticPeople } from './syntheticPeople.ts';

const args = process.argv.slice(2);
const demoOnly = args.includes('--demo');
const only = args.includes('--only') ? Number(args[args.indexOf('--only') + 1]) : null;
const sizes = only !== null ? [only] : args.includes('--million') ? [100_000, 1_000_000] : [100_000];

const format = (a: PairwiseAccuracy): string => `${a.precision.toFixed(4)} | ${a.recall.toFixed(4)} | ${a.f1.toFixed(4)}`;

interface Timed {
  readonly result: LinkageResult;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
}

async function timed(data: LabelledRecords, linkType?: LinkType, defaultCountry: 'AU' | 'GB' = 'AU'): Promise<Timed> {
  const start = Date.now();
  const cpu = process.cpuUsage();
  const result = await linkRecords(data.records, { prepare: { defaultCountry }, ...(linkType !== undefined ? { linkType } : {}) });
  const used = process.cpuUsage(cpu);
  return { result, wallSeconds: (Date.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

function accuracy(run: Timed, data: LabelledRecords): { pairs: PairwiseAccuracy; clusters: PairwiseAccuracy } {
  const { result } = run;
  const linkType = result.model.settings.linkType;
  const source = result.prepared.table.source;
  return {
    pairs: pairwiseAccuracy(result.pairs.left, result.pairs.right, data.entity, source, linkType),
    clusters: clusterAccuracy(result.clusters, data.entity, source, linkType),
  };
}

async function datasets(): Promise<void> {
  const sets: [string, () => LabelledRecords, LinkType?][] = [
    ['FEBRL1 (dedupe 1,000)', () => loadFebrl('dataset1.csv')],
    ['FEBRL2 (dedupe 5,000)', () => loadFebrl('dataset2.csv')],
    ['FEBRL3 (dedupe 5,000)', () => loadFebrl('dataset3.csv')],
    ['FEBRL4 (link 5,000 ↔ 5,000)', () => concat(loadFebrl('dataset4a.csv', 'a'), loadFebrl('dataset4b.csv', 'b')), 'link'],
    ['febrl-dsgen A (dedupe 10,000)', () => loadFebrlDsgen('dataset_A_10000.csv')],
    ['febrl-dsgen C (dedupe 10,000)', () => loadFebrlDsgen('dataset_C_10000.csv')],
    ['febrl-dsgen F (link 6,000 ↔ 4,000)', () => concat(loadFebrlDsgen('dataset_F_org_10000.csv', 'org'), loadFebrlDsgen('dataset_F_dup_10000.csv', 'dup')), 'link'],
    ['Splink fake_1000 (dedupe)', () => loadSplinkFake('fake_1000.csv')],
    ['Splink fake_20000 (dedupe)', () => loadSplinkFake('fake_20000_from_splink_demos.csv')],
  ];
  console.log('## Accuracy at the default threshold (match probability ≥ 0.9), no labels\n');
  console.log('| data set | true pairs | pairs P | pairs R | pairs F1 | clusters P | clusters R | clusters F1 | wall s | CPU s |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const [name, load, linkType] of sets) {
    const data = load();
    const run = await timed(data, linkType);
    const { pairs, clusters } = accuracy(run, data);
    console.log(`| ${name} | ${pairs.truePairs} | ${format(pairs)} | ${format(clusters)} | ${run.wallSeconds.toFixed(1)} | ${run.cpuSeconds.toFixed(1)} |`);
  }
}

/** Issue 7's figure: people found on the demo operation's visits, forces as sources, the generator's truth. */
async function demoOperation(scales: readonly number[]): Promise<void> {
  console.log('\n## Demo operation (seed 1, EXAMPLE_FORCE_ROSTER), people found, no labels\n');
  console.log('| scale | records | forces | true pairs | pairs P | pairs R | pairs F1 | clusters P | clusters R | clusters F1 | wall s | CPU s |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const scale of scales) {
    const { records, truth } = generateOperation({ seed: 1, scale, forces: EXAMPLE_FORCE_ROSTER });
    const people = personRecordsFromPeopleFound(records.peopleFound, records.visits, EXAMPLE_FORCE_ROSTER);
    const truePerson = new Map<string, string>();
    for (const person of truth.people) for (const r of person.records) truePerson.set(r.personFoundId, person.truePersonId);
    const entity = people.map((p) => truePerson.get(p.recordId) ?? p.recordId);
    const run = await timed({ records: people, entity }, undefined, 'GB');
    const { pairs, clusters } = accuracy(run, { records: people, entity });
    const forces = new Set(people.map((p) => p.sourceId)).size;
    console.log(
      `| ${scale} | ${people.length} | ${forces} | ${pairs.truePairs} | ${format(pairs)} | ${format(clusters)} | ${run.wallSeconds.toFixed(1)} | ${run.cpuSeconds.toFixed(1)} |`,
    );
  }
}

function npmVersion(): string {
  const manifest: unknown = createRequire(import.meta.url)('jaro-winkler/package.json');
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : '?';
}

function kernel(): void {
  const people = syntheticPeople(20_000, 5);
  const prepared = prepareRecords(people.records);
  const ids = [...prepared.table.family, ...prepared.table.given].filter((id) => id >= 0);
  const random = seededRandom(9);
  const count = 2_000_000;
  const left = Int32Array.from({ length: count }, () => ids[Math.floor(random() * ids.length)] ?? 0);
  const right = Int32Array.from({ length: count }, () => ids[Math.floor(random() * ids.length)] ?? 0);
  let best = 0;
  let bestStrings = 0;
  let bestNpm = 0;
  let checksum = 0;
  for (let round = 0; round < 3; round++) {
    let start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) checksum += jaroWinklerIds(prepared.table.pool, left[i] ?? 0, right[i] ?? 0);
    best = Math.max(best, count / (Number(process.hrtime.bigint() - start) / 1e9));
    start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) checksum += jaroWinkler(prepared.strings[left[i] ?? 0] ?? '', prepared.strings[right[i] ?? 0] ?? '');
    bestStrings = Math.max(bestStrings, count / (Number(process.hrtime.bigint() - start) / 1e9));
    start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) checksum += npmJaroWinkler(prepared.strings[left[i] ?? 0] ?? '', prepared.strings[right[i] ?? 0] ?? '');
    bestNpm = Math.max(bestNpm, count / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  // The npm package does not floor half-transpositions (strcmp95 does), so a pair with an odd
  // number of out-of-order characters differs slightly; count how often, and by how much.
  let differing = 0;
  let largestDifference = 0;
  for (let i = 0; i < count; i++) {
    const a = prepared.strings[left[i] ?? 0] ?? '';
    const b = prepared.strings[right[i] ?? 0] ?? '';
    const difference = Math.abs(jaroWinkler(a, b) - npmJaroWinkler(a, b));
    if (difference > 1e-12) differing++;
    largestDifference = Math.max(largestDifference, difference);
  }
  console.log('\n## Jaro–Winkler kernel (one thread, random pairs of names, best of 3 rounds of 2,000,000)\n');
  console.log(`- typed-array form (the engine's): ${(best / 1e6).toFixed(2)} million comparisons/s`);
  console.log(`- string form: ${(bestStrings / 1e6).toFixed(2)} million comparisons/s (checksum ${checksum.toFixed(0)})`);
  console.log(`- npm jaro-winkler ${npmVersion()} (string form): ${(bestNpm / 1e6).toFixed(2)} million comparisons/s`);
  console.log(`- values differing from the npm package: ${differing} of ${count} pairs (largest difference ${largestDifference.toFixed(4)})`);
}

async function synthetic(size: number): Promise<void> {
  const generated = syntheticPeople(size, 1);
  const start = Date.now();
  const cpu = process.cpuUsage();
  const stages: string[] = [];
  let stage = '';
  const result = await linkRecords(generated.records, {
    onProgress: (p) => {
      if (p.stage !== stage) {
        stage = p.stage;
        const used = process.cpuUsage(cpu);
        stages.push(`${p.stage} at ${((Date.now() - start) / 1000).toFixed(1)} s (CPU ${((used.user + used.system) / 1e6).toFixed(1)} s)`);
      }
    },
  });
  const used = process.cpuUsage(cpu);
  const wall = (Date.now() - start) / 1000;
  const { pairs, clusters } = accuracy({ result, wallSeconds: wall, cpuSeconds: 0 }, generated);
  const scored = result.comparisonCounts.reduce((sum, c) => sum + (c.newComparisons ?? 0), 0);
  console.log(`\n## Synthetic deduplication, ${size.toLocaleString('en-GB')} records\n`);
  console.log(`- end to end (prepare, count, train, score, cluster): wall ${wall.toFixed(1)} s, CPU ${((used.user + used.system) / 1e6).toFixed(1)} s`);
  console.log(`- peak resident memory: ${(process.resourceUsage().maxRSS / 1024 / 1024).toFixed(2)} GB`);
  console.log(`- pairs scored: ${scored.toLocaleString('en-GB')} (${(scored / wall / 1e6).toFixed(2)} million per wall second overall)`);
  console.log(`- blocking rules: ${result.comparisonCounts.map((c) => `${c.rule} ${c.newComparisons ?? 0}`).join('; ')}`);
  if (result.blockingRuleChanges.length > 0) console.log(`- replaced for size: ${result.blockingRuleChanges.join('; ')}`);
  console.log(`- stages: ${stages.join(' → ')}`);
  console.log(`- pairs P/R/F1: ${format(pairs)}; clusters P/R/F1: ${format(clusters)}`);
}

console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}; load average at start ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n`,
);
if (demoOnly) await demoOperation([1, 10]);
else if (args.includes('--kernel')) kernel();
else {
  if (only === null) {
    await datasets();
    await demoOperation([1, 10]);
    kernel();
  }
  for (const size of sizes) await synthetic(size);
}
