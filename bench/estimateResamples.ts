// Writes the engine's bootstrap resamples (multinomial redraws of the observed people, random
// stream (seed, i) for replicate i, exactly as bootstrapReplicates.ts draws them) as CSV, so that
// SparseMSE can be run on the very same tables: see bench/sparsemseReplicates.R.
// Run with: npx tsx bench/estimateResamples.ts <table> <seed> <replicates> > resamples.csv
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { observedPatterns } from '../src/analysis/estimate/bootstrapReplicates.ts';
import { observedTotal, parseCaptureTable } from '../src/analysis/estimate/index.ts';
import { RandomStream } from '../src/analysis/estimate/random.ts';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folder = [process.env['LIFELINE_ESTIMATION_DATA'], path.resolve(repositoryRoot, '../shared/data/estimation')]
  .filter((candidate): candidate is string => candidate !== undefined)
  .find((candidate) => existsSync(path.join(candidate, 'reference.json')));
if (folder === undefined) throw new Error('estimation data folder not found (set LIFELINE_ESTIMATION_DATA)');

const [name, seedText, countText] = process.argv.slice(2);
if (name === undefined || seedText === undefined || countText === undefined) {
  throw new Error('usage: npx tsx bench/estimateResamples.ts <table> <seed> <replicates>');
}
const table = parseCaptureTable(readFileSync(path.join(folder, `${name}.csv`), 'utf8'));
const patterns = observedPatterns(table);
const weights = patterns.map((pattern) => table.counts[pattern] ?? 0);
const total = observedTotal(table);
const lines = [[...table.listNames, 'replicate', 'count'].join(',')];
for (let replicate = 0; replicate < Number(countText); replicate++) {
  const counts = new RandomStream(Number(seedText), replicate).multinomial(total, weights);
  patterns.forEach((pattern, index) => {
    const bits = table.listNames.map((_, list) => (pattern >> list) & 1);
    lines.push([...bits, replicate, counts[index] ?? 0].join(','));
  });
}
process.stdout.write(`${lines.join('\n')}\n`);
