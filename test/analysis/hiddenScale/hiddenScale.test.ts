import { describe, expect, it } from 'vitest';
import { estimatePopulation } from '../../../src/analysis/estimate/index.ts';
import { defaultForceList } from '../../../src/analysis/hiddenScale/forceRegions.ts';
import { runHiddenScale } from '../../../src/analysis/hiddenScale/hiddenScale.ts';
import { overlapTable, peoplePerList } from '../../../src/analysis/hiddenScale/overlapTable.ts';
import { personRecordsFromPeopleFound } from '../../../src/analysis/linkage/fromPeopleFound.ts';
import { connectedComponents, linkRecords, weightFromProbability } from '../../../src/analysis/linkage/index.ts';
import { EXAMPLE_FORCE_ROSTER, generateOperation } from '../../../src/demo/index.ts';

describe('the overlap table of linked people', () => {
  it('counts each linked person once, on every list any of their records came from', () => {
    // Lists A (bit 1), B (bit 2), C (bit 4).
    const table = overlapTable(['A', 'B', 'C'], [
      { clusterId: 'p1', list: 0 }, { clusterId: 'p1', list: 1 }, // A and B
      { clusterId: 'p2', list: 0 }, // A only
      { clusterId: 'p3', list: 1 }, { clusterId: 'p3', list: 2 }, { clusterId: 'p3', list: 2 }, // B and C, twice on C
      { clusterId: 'p4', list: 0 }, { clusterId: 'p4', list: 0 }, // A only, recorded twice
      { clusterId: 'p5', list: 2 }, // C only
      { clusterId: 'p6', list: null }, // an organisation on no list: left out
      { clusterId: 'p7', list: 0 }, { clusterId: 'p7', list: 1 }, { clusterId: 'p7', list: 2 }, // all three
    ]);
    expect(table.listNames).toEqual(['A', 'B', 'C']);
    //                       none  A  B  AB  C  AC  BC  ABC
    expect(table.counts).toEqual([0, 2, 0, 1, 1, 0, 1, 1]);
    expect(peoplePerList(table)).toEqual([4, 3, 3]);
  });

  it('refuses a list index that does not exist', () => {
    expect(() => overlapTable(['A', 'B'], [{ clusterId: 'x', list: 2 }])).toThrow(RangeError);
  });
});

describe('the demo operation (seed 1, scale 1) by region', () => {
  it('gives a finite estimate at least the people observed, which moves with the linkage threshold', async () => {
    const { records } = generateOperation({ seed: 1, scale: 1, forces: EXAMPLE_FORCE_ROSTER });
    const victims = records.peopleFound.filter((p) => p.role === 'potential-victim');
    const jurisdiction = new Map(EXAMPLE_FORCE_ROSTER.map((f) => [f.code, f.jurisdiction]));
    const listOf = new Map(victims.map((p) => [p.id, defaultForceList(p.forceCode, jurisdiction.get(p.forceCode) ?? '')]));
    const listNames = [...new Set(listOf.values())].sort();
    expect(listNames.length).toBeGreaterThanOrEqual(6);
    const outcome = await runHiddenScale({
      records: personRecordsFromPeopleFound(victims, records.visits, EXAMPLE_FORCE_ROSTER),
      listOfRecord: Object.fromEntries([...listOf].map(([id, list]) => [id, listNames.indexOf(list)])),
      listNames, threshold: 0.9, method: 'main', level: 0.95, seed: 1, bootstrapReplicates: 0,
      comparison: { thresholds: [0.8, 0.99], methods: ['main'] },
    });
    const estimate = outcome.estimate;
    if (estimate === null) throw new Error(`no estimate: ${outcome.refusal ?? ''}`);
    expect(Number.isFinite(estimate.estimate)).toBe(true);
    expect(estimate.estimate).toBeGreaterThanOrEqual(estimate.observed);
    // Every potential victim is one record; linkage joins some of them into one person.
    expect(estimate.observed).toBe(outcome.linkage.people);
    expect(outcome.linkage.people).toBeLessThan(victims.length);
    // The estimate is the engine's for the table built.
    expect(outcome.table).not.toBeNull();
    if (outcome.table !== null) expect((await estimatePopulation(outcome.table, { method: 'main', level: 0.95, seed: 1 })).estimate).toBe(estimate.estimate);
    const [loose, strict] = outcome.comparison;
    expect(loose?.threshold).toBe(0.8);
    expect(strict?.threshold).toBe(0.99);
    // A stricter threshold links fewer records: more people observed, fewer overlaps, a different estimate.
    expect(strict?.observed).toBeGreaterThan(loose?.observed ?? Infinity);
    expect(strict?.estimate).not.toBe(loose?.estimate);
    expect(Number.isFinite(strict?.estimate ?? NaN) && Number.isFinite(loose?.estimate ?? NaN)).toBe(true);
  }, 15_000);
});

describe('one linkage for every threshold', () => {
  it('gives at a higher threshold the same people as a linkage run at that threshold', async () => {
    const { records } = generateOperation({ seed: 1, scale: 1, forces: EXAMPLE_FORCE_ROSTER });
    const people = personRecordsFromPeopleFound(records.peopleFound.filter((p) => p.role === 'potential-victim'), records.visits, EXAMPLE_FORCE_ROSTER);
    const partition = (ids: readonly string[], cluster: ArrayLike<string | number>) => {
      const members = new Map<string, string[]>();
      ids.forEach((id, row) => members.set(String(cluster[row]), [...(members.get(String(cluster[row])) ?? []), id]));
      return [...members.values()].map((m) => m.sort().join(' ')).sort();
    };
    const loose = await linkRecords(people, { threads: 0, threshold: 0.8 });
    const direct = await linkRecords(people, { threads: 0, threshold: 0.99 });
    const derived = connectedComponents(loose.prepared.recordIds.length, loose.pairs, weightFromProbability(0.99));
    expect(partition(loose.prepared.recordIds, derived)).toEqual(partition(direct.prepared.recordIds, direct.clusters));
    expect(partition(loose.prepared.recordIds, loose.clusters)).not.toEqual(partition(direct.prepared.recordIds, direct.clusters));
  }, 15_000);
});
