import { describe, expect, it } from 'vitest';
import { estimatePopulation } from '../../../src/analysis/estimate/index.ts';
import { defaultForceList } from '../../../src/analysis/hiddenScale/forceRegions.ts';
import { methodNote, peopleAt, runHiddenScale, type ReviewPair, type StoredLinkage } from '../../../src/analysis/hiddenScale/hiddenScale.ts';
import { overlapTable, peoplePerList } from '../../../src/analysis/hiddenScale/overlapTable.ts';
import { personRecordsFromPeopleFound } from '../../../src/analysis/linkage/fromPeopleFound.ts';
import { connectedComponents, linkRecords, weightFromProbability } from '../../../src/analysis/linkage/index.ts';
import { probabilityFromWeight } from '../../../src/analysis/linkage/model.ts';
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

describe('people from stored clusters and pairs awaiting review', () => {
  const linkage: StoredLinkage = {
    runId: 'run', finishedAt: '2026-01-02T00:00:00.000Z', lowerThreshold: 0.2, upperThreshold: 0.9,
    // r1 and r2 one cluster; r3, r4 and the out-of-scope x each their own; r5 in none.
    clusterOfRecord: { r1: 'c1', r2: 'c1', r3: 'c3', r4: 'c4', x: 'cx' },
    awaitingReview: [
      { left: 'r3', right: 'r4', probability: 0.6 },
      // r4 and r5 are joined through x, a record outside the estimate, at 0.4 and 0.5.
      { left: 'r4', right: 'x', probability: 0.4 }, { left: 'r5', right: 'x', probability: 0.5 },
    ],
  };
  const people = (threshold: number) => {
    const { personOf, linkedPairs } = peopleAt(['r1', 'r2', 'r3', 'r4', 'r5'], linkage, threshold);
    return { groups: new Set(personOf.values()).size, same: personOf.get('r3') === personOf.get('r5'), linkedPairs };
  };

  it('counts a stored cluster as one person and joins the pairs at or above the threshold, through records outside the estimate too', () => {
    expect(people(0.9)).toEqual({ groups: 4, same: false, linkedPairs: 0 });
    expect(people(0.6)).toEqual({ groups: 3, same: false, linkedPairs: 1 });
    expect(people(0.5)).toEqual({ groups: 3, same: false, linkedPairs: 1 });
    expect(people(0.4)).toEqual({ groups: 2, same: true, linkedPairs: 1 });
  });

  it('says in its method note which run and threshold it used', () => {
    const note = methodNote({
      runId: 'run-1', runFinishedAt: '2026-01-02T00:00:00.000Z', lowerThreshold: 0.2, upperThreshold: 0.9, threshold: 0.6,
      records: 5, people: 3, unclusteredRecords: 1, awaitingReview: 3, linkedPairs: 1,
    });
    expect(note).toBe('People were de-duplicated with the stored clusters of linkage run run-1 (finished 2026-01-02): records in one cluster (linked at a match probability of 0.9 or more, or joined by a reviewer) count as one person. '
      + 'Of the 3 pairs of these records still awaiting review, 1 with a match probability of 0.6 or more was taken as the same person and the rest as different people. '
      + '1 record made since the run, in no cluster, each counted as one person. 5 records gave 3 people.');
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
    // A linkage run as the platform makes one: clusters at 0.9, pairs from 0.2 to review.
    const run = await linkRecords(personRecordsFromPeopleFound(victims, records.visits, EXAMPLE_FORCE_ROSTER), { threads: 0, threshold: 0.2 });
    const ids = run.prepared.recordIds;
    const roots = connectedComponents(ids.length, run.pairs, weightFromProbability(0.9));
    const awaitingReview: ReviewPair[] = [];
    run.pairs.weights.forEach((weight, p) => {
      if (weight < weightFromProbability(0.9)) awaitingReview.push({ left: ids[run.pairs.left[p] ?? 0] ?? '', right: ids[run.pairs.right[p] ?? 0] ?? '', probability: probabilityFromWeight(weight) });
    });
    const outcome = await runHiddenScale({
      recordIds: ids, listOfRecord: Object.fromEntries([...listOf].map(([id, list]) => [id, listNames.indexOf(list)])),
      linkage: { runId: 'run', finishedAt: '2026-01-01T00:00:00.000Z', lowerThreshold: 0.2, upperThreshold: 0.9, clusterOfRecord: Object.fromEntries(ids.map((id, row) => [id, `c${roots[row]}`])), awaitingReview },
      listNames, threshold: 0.9, method: 'main', level: 0.95, seed: 1, bootstrapReplicates: 0,
      comparison: { thresholds: [0.5, 0.9], methods: ['main'] },
    });
    const estimate = outcome.estimate;
    if (estimate === null) throw new Error(`no estimate: ${outcome.refusal ?? ''}`);
    expect(Number.isFinite(estimate.estimate)).toBe(true);
    expect(estimate.estimate).toBeGreaterThanOrEqual(estimate.observed);
    // Every potential victim is one record; the clusters join some of them into one person.
    expect(estimate.observed).toBe(outcome.linkage.people);
    expect(outcome.linkage.people).toBeLessThan(victims.length);
    expect(outcome.table).not.toBeNull();
    if (outcome.table !== null) expect((await estimatePopulation(outcome.table, { method: 'main', level: 0.95, seed: 1 })).estimate).toBe(estimate.estimate);
    const [loose, strict] = outcome.comparison;
    expect([loose?.threshold, strict?.threshold]).toEqual([0.5, 0.9]);
    // Taking the doubtful pairs from 0.5 as matches joins more records: fewer people, a different estimate.
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
