// From a run's scored pairs to person clusters with ids that survive runs. Reviewers' decisions
// override the model: a pair decided "same" is always joined, a pair decided "different" (or
// split apart) never joined directly. Ids come from the previous membership: each component
// keeps the id most of its members had (stableClusterIds), so a run does not renumber everyone.
// A "same" that contradicts a "different" through other records: the "same" wins (joined first).
import { stableClusterIds, type WeightedPairs } from '../../analysis/linkage/clustering.ts';

export type RecordPair = readonly [string, string];

export interface ClusterAssignmentInput {
  /** Record id per row of the run. */
  readonly recordIds: readonly string[];
  /** Scored pairs by row. */
  readonly pairs: WeightedPairs;
  /** Pairs at or above this weight join clusters. */
  readonly minWeight: number;
  readonly mustLink: readonly RecordPair[];
  readonly cannotLink: readonly RecordPair[];
  /** Current cluster of each record that has one. */
  readonly previous: ReadonlyMap<string, string>;
  readonly newClusterId: () => string;
}

export interface ClusterAssignment {
  /** Cluster id per row. */
  readonly clusterOf: readonly string[];
  /** Ids made by this run (clusters to create). */
  readonly newClusterIds: ReadonlySet<string>;
}

export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Union–find that refuses a join which would put two records kept apart in one cluster: pairs
 * decided "same" join first, then the model's pairs strongest first, so a "different" decision
 * holds even where a chain of other links would join the two records.
 */
function constrainedComponents(size: number, edges: ReadonlyArray<{ a: number; b: number; weight: number }>, apart: ReadonlyArray<readonly [number, number]>): Int32Array {
  const parent = Int32Array.from({ length: size }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      const grand = parent[parent[x] ?? x] ?? x;
      parent[x] = grand;
      x = grand;
    }
    return x;
  };
  // Rows each root's cluster must never share a cluster with.
  const forbidden = new Map<number, Set<number>>();
  for (const [a, b] of apart) {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      let set = forbidden.get(x);
      if (set === undefined) forbidden.set(x, (set = new Set()));
      set.add(y);
    }
  }
  const clashes = (ra: number, rb: number): boolean => {
    for (const row of forbidden.get(ra) ?? []) if (find(row) === rb) return true;
    return false;
  };
  for (const { a, b } of [...edges].sort((x, y) => y.weight - x.weight)) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb || clashes(ra, rb) || clashes(rb, ra)) continue;
    parent[rb] = ra;
    const merged = new Set([...(forbidden.get(ra) ?? []), ...(forbidden.get(rb) ?? [])]);
    forbidden.delete(rb);
    if (merged.size > 0) forbidden.set(ra, merged);
  }
  return Int32Array.from({ length: size }, (_, i) => find(i));
}

export function assignClusters(input: ClusterAssignmentInput): ClusterAssignment {
  const rowOf = new Map(input.recordIds.map((id, row) => [id, row]));
  const edges: Array<{ a: number; b: number; weight: number }> = [];
  for (let p = 0; p < input.pairs.left.length; p++) {
    const weight = input.pairs.weights[p] ?? -Infinity;
    if (weight >= input.minWeight) edges.push({ a: input.pairs.left[p] ?? 0, b: input.pairs.right[p] ?? 0, weight });
  }
  for (const [a, b] of input.mustLink) {
    const ra = rowOf.get(a);
    const rb = rowOf.get(b);
    if (ra !== undefined && rb !== undefined) edges.push({ a: ra, b: rb, weight: Infinity });
  }
  const apart: Array<readonly [number, number]> = [];
  for (const [a, b] of input.cannotLink) {
    const ra = rowOf.get(a);
    const rb = rowOf.get(b);
    if (ra !== undefined && rb !== undefined) apart.push([ra, rb]);
  }
  const components = constrainedComponents(input.recordIds.length, edges, apart);
  const labels = stableClusterIds(input.recordIds, components, input.previous);
  const known = new Set(input.previous.values());
  const fresh = new Map<string, string>();
  const clusterOf = labels.map((label) => {
    if (known.has(label)) return label;
    let id = fresh.get(label);
    if (id === undefined) fresh.set(label, (id = input.newClusterId()));
    return id;
  });
  return { clusterOf, newClusterIds: new Set(fresh.values()) };
}
