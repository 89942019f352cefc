/** Union–find over record rows, with path halving. */
class DisjointSets {
  readonly parent: Int32Array;
  readonly size: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.size = new Int32Array(n).fill(1);
  }
  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      const grand = parent[parent[x] ?? x] ?? x;
      parent[x] = grand;
      x = grand;
    }
    return x;
  }
  union(a: number, b: number): number {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return ra;
    if ((this.size[ra] ?? 0) < (this.size[rb] ?? 0)) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] = (this.size[ra] ?? 0) + (this.size[rb] ?? 0);
    return ra;
  }
}

export interface WeightedPairs {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly weights: Float32Array;
}

/** Component root per row: records joined by any pair at or above minWeight. */
export function connectedComponents(size: number, pairs: WeightedPairs, minWeight: number): Int32Array {
  const sets = new DisjointSets(size);
  for (let p = 0; p < pairs.left.length; p++) if ((pairs.weights[p] ?? -Infinity) >= minWeight) sets.union(pairs.left[p] ?? 0, pairs.right[p] ?? 0);
  return Int32Array.from({ length: size }, (_, i) => sets.find(i));
}

/**
 * Stricter clustering: strongest pairs first; a join is refused when it would put two records
 * of the same duplicate-free source in one cluster (a force's custody register names a person
 * once, so two of its records are two people however alike they look).
 */
export function strictComponents(
  size: number,
  pairs: WeightedPairs,
  minWeight: number,
  source: Int32Array,
  duplicateFreeSources: ReadonlySet<number>,
): Int32Array {
  const sets = new DisjointSets(size);
  // Duplicate-free sources present in each cluster, kept at the root.
  const members = new Map<number, Set<number>>();
  for (let row = 0; row < size; row++) {
    const s = source[row] ?? -1;
    if (duplicateFreeSources.has(s)) members.set(row, new Set([s]));
  }
  const order = Array.from({ length: pairs.left.length }, (_, p) => p)
    .filter((p) => (pairs.weights[p] ?? -Infinity) >= minWeight)
    .sort((x, y) => (pairs.weights[y] ?? 0) - (pairs.weights[x] ?? 0));
  for (const p of order) {
    const ra = sets.find(pairs.left[p] ?? 0);
    const rb = sets.find(pairs.right[p] ?? 0);
    if (ra === rb) continue;
    const sa = members.get(ra);
    const sb = members.get(rb);
    if (sa !== undefined && sb !== undefined) {
      let clash = false;
      for (const s of sa)
        if (sb.has(s)) {
          clash = true;
          break;
        }
      if (clash) continue;
    }
    const root = sets.union(ra, rb);
    const merged = new Set([...(sa ?? []), ...(sb ?? [])]);
    members.delete(ra);
    members.delete(rb);
    if (merged.size > 0) members.set(root, merged);
  }
  return Int32Array.from({ length: size }, (_, i) => sets.find(i));
}

/**
 * Cluster ids that survive re-runs. A component keeps the previous id most of its members had
 * (ties: the smaller id); when a previous cluster splits, only the part holding most of its
 * members keeps the id. Everything else gets a fresh id above any used before, numbered in
 * order of the smallest record id, so a run never renumbers existing clusters.
 */
export function stableClusterIds(
  recordIds: readonly string[],
  components: Int32Array,
  previous: ReadonlyMap<string, string> = new Map(),
  prefix = 'c',
): string[] {
  const byComponent = new Map<number, number[]>();
  for (let row = 0; row < components.length; row++) {
    const c = components[row] ?? row;
    let list = byComponent.get(c);
    if (list === undefined) byComponent.set(c, (list = []));
    list.push(row);
  }
  interface Claim {
    readonly component: number;
    readonly previousId: string;
    readonly votes: number;
  }
  const claims: Claim[] = [];
  for (const [component, rows] of byComponent) {
    const votes = new Map<string, number>();
    for (const row of rows) {
      const id = previous.get(recordIds[row] ?? '');
      if (id !== undefined) votes.set(id, (votes.get(id) ?? 0) + 1);
    }
    for (const [previousId, count] of votes) claims.push({ component, previousId, votes: count });
  }
  // Strongest claims first; each previous id and each component is granted at most once.
  claims.sort((a, b) => b.votes - a.votes || (a.previousId < b.previousId ? -1 : a.previousId > b.previousId ? 1 : 0) || a.component - b.component);
  const assigned = new Map<number, string>();
  const granted = new Set<string>();
  for (const claim of claims) {
    if (assigned.has(claim.component) || granted.has(claim.previousId)) continue;
    assigned.set(claim.component, claim.previousId);
    granted.add(claim.previousId);
  }
  const used = new Set(previous.values());
  let next = 1;
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)$`);
  for (const id of used) {
    const match = pattern.exec(id);
    if (match) next = Math.max(next, Number(match[1]) + 1);
  }
  const fresh = [...byComponent.entries()]
    .filter(([component]) => !assigned.has(component))
    .map(([component, rows]) => ({ component, first: rows.map((r) => recordIds[r] ?? '').reduce((a, b) => (b < a ? b : a)) }))
    .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  for (const { component } of fresh) {
    let id = `${prefix}${next++}`;
    while (used.has(id)) id = `${prefix}${next++}`;
    assigned.set(component, id);
  }
  return Array.from(components, (c) => assigned.get(c) ?? '');
}
