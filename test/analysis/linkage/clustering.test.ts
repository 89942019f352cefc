import { describe, expect, it } from 'vitest';
import { connectedComponents, stableClusterIds, strictComponents } from '../../../src/analysis/linkage/clustering.ts';
import { linkRecords, presentComparisonKinds } from '../../../src/analysis/linkage/linkage.ts';
import { defaultSettings } from '../../../src/analysis/linkage/model.ts';
import type { PersonRecord } from '../../../src/analysis/linkage/record.ts';
import { explainPair } from '../../../src/analysis/linkage/waterfall.ts';
import { loadFebrl } from '../../../bench/linkageDatasets.ts';

/** Blocked (not exhaustive) comparison and a smaller u sample keep these runs quick. */
const quickSettings = (records: readonly PersonRecord[]) => ({ ...defaultSettings(presentComparisonKinds(records), 'dedupe'), maxRandomPairs: 200_000 });

const pairs = (list: [number, number, number][]) => ({
  left: Int32Array.from(list.map((p) => p[0])),
  right: Int32Array.from(list.map((p) => p[1])),
  weights: Float32Array.from(list.map((p) => p[2])),
});

describe('clustering', () => {
  it('joins records by connected components at the threshold', () => {
    const components = connectedComponents(5, pairs([[0, 1, 5], [1, 2, 4], [3, 4, 1]]), 3);
    expect(components[0]).toBe(components[1]);
    expect(components[1]).toBe(components[2]);
    expect(components[3]).not.toBe(components[4]);
  });

  it('the strict clustering never puts two records of a duplicate-free source together', () => {
    // Rows 0 and 1 are from source 0 (duplicate-free); row 2 from source 1 resembles both.
    const source = Int32Array.from([0, 0, 1]);
    const weighted = pairs([[0, 2, 10], [1, 2, 8]]);
    const loose = connectedComponents(3, weighted, 3);
    expect(new Set(loose).size).toBe(1);
    const strict = strictComponents(3, weighted, 3, source, new Set([0]));
    expect(strict[0]).toBe(strict[2]);
    expect(strict[1]).not.toBe(strict[0]);
    // Without the declaration the strict clustering equals the loose one.
    expect(new Set(strictComponents(3, weighted, 3, source, new Set())).size).toBe(1);
  });
});

describe('stable cluster ids', () => {
  it('numbers a first run by smallest record id', () => {
    expect(stableClusterIds(['b', 'a', 'c'], Int32Array.from([0, 1, 0]))).toEqual(['c2', 'c1', 'c2']);
  });

  it('keeps ids when new records join, gives new clusters fresh ids, and resolves merges and splits', () => {
    const previous = new Map([
      ['a', 'c1'],
      ['b', 'c1'],
      ['c', 'c2'],
      ['d', 'c7'],
      ['e', 'c7'],
      ['f', 'c7'],
    ]);
    // New run: x joins a/b; c merges into a/b's cluster; d,e stay together, f splits off; y is new.
    const ids = ['a', 'b', 'c', 'x', 'd', 'e', 'f', 'y'];
    const components = Int32Array.from([0, 0, 0, 0, 1, 1, 2, 3]);
    const result = stableClusterIds(ids, components, previous);
    expect(result.slice(0, 4)).toEqual(['c1', 'c1', 'c1', 'c1']);
    expect(result[4]).toBe('c7');
    expect(result[5]).toBe('c7');
    // f split from c7 and y is new: fresh ids above the highest used (c7), by smallest record id.
    expect(result[6]).toBe('c8');
    expect(result[7]).toBe('c9');
  });

  it('a re-run of the engine with earlier clusters keeps every unchanged cluster’s id', async () => {
    const data = loadFebrl('dataset1.csv');
    const settings = quickSettings(data.records);
    const first = await linkRecords(data.records.slice(0, 600), { threads: 0, settings });
    const previous = new Map(first.prepared.recordIds.map((id, row) => [id, first.clusters[row] ?? '']));
    const second = await linkRecords(data.records, { threads: 0, settings, previousClusters: previous });
    const idAfter = new Map(second.prepared.recordIds.map((id, row) => [id, second.clusters[row] ?? '']));
    let kept = 0;
    for (const [id, cluster] of previous) if (idAfter.get(id) === cluster) kept++;
    expect(kept / previous.size).toBeGreaterThan(0.99);
    // New records that joined an existing person carry that person's id.
    const joined = second.prepared.recordIds.filter((id, row) => !previous.has(id) && new Set(previous.values()).has(second.clusters[row] ?? ''));
    expect(joined.length).toBeGreaterThan(50);
    // Running again with the same input and previous clusters changes nothing.
    const again = await linkRecords(data.records, { threads: 0, settings, previousClusters: idAfter });
    expect(again.clusters).toEqual(second.clusters);
  });
});

describe('waterfall explanation', () => {
  it('adds up, step by step, to the weight the engine scored, with both raw values', async () => {
    const data = loadFebrl('dataset1.csv');
    const result = await linkRecords(data.records, { threads: 0, settings: quickSettings(data.records) });
    const row = 0;
    const left = result.prepared.recordIds[result.pairs.left[row] ?? 0] ?? '';
    const right = result.prepared.recordIds[result.pairs.right[row] ?? 0] ?? '';
    const waterfall = explainPair(result.prepared, result.model, left, right);
    expect(waterfall.matchWeight).toBeCloseTo(result.pairs.weights[row] ?? 0, 3);
    expect(waterfall.steps[0]?.step).toBe('prior');
    const total = waterfall.steps.reduce((sum, s) => sum + s.matchWeight + s.termFrequencyWeight, 0);
    expect(total).toBeCloseTo(waterfall.matchWeight, 6);
    const given = waterfall.steps.find((s) => s.step === 'givenName');
    const recordLeft = result.prepared.records[result.pairs.left[row] ?? 0];
    expect(given?.valueLeft).toBe(recordLeft?.givenNames ?? null);
    expect(waterfall.steps.map((s) => s.step)).toEqual(['prior', ...result.model.settings.comparisons.map((c) => c.kind)]);
  });
});
