import { describe, expect, it } from 'vitest';
import { linkRecords, type LinkageProgress } from '../../../src/analysis/linkage/linkage.ts';
import { loadFebrl } from '../../../bench/linkageDatasets.ts';

describe('worker threads', () => {
  it('score exactly as the in-thread engine, and report progress per stage', async () => {
    const data = loadFebrl('dataset2.csv');
    const stages = new Set<string>();
    const inThread = await linkRecords(data.records, { threads: 0 });
    const workers = await linkRecords(data.records, { threads: 2, onProgress: (p: LinkageProgress) => stages.add(p.stage) });
    expect(workers.model.comparisons).toEqual(inThread.model.comparisons);
    const key = (r: typeof inThread, p: number) => `${r.pairs.left[p]}-${r.pairs.right[p]}:${r.pairs.weights[p]?.toFixed(3)}`;
    const expected = new Set(Array.from({ length: inThread.pairs.left.length }, (_, p) => key(inThread, p)));
    const actual = new Set(Array.from({ length: workers.pairs.left.length }, (_, p) => key(workers, p)));
    expect(actual).toEqual(expected);
    expect(workers.clusters).toEqual(inThread.clusters);
    expect([...stages]).toEqual(['prepare', 'countComparisons', 'estimateU', 'estimatePrior', 'trainM', 'score', 'cluster']);
  });
});
