import type { WeightedPairs } from './clustering.ts';
import type { Comparator } from './comparisons/comparison.ts';
import type { FeatureTable } from './featureTable.ts';
import type { LinkageModel } from './model.ts';
import { compileComparisons } from './pairComparison.ts';

/** True when two records can never be one person, whatever links join them through others. */
export type RecordConflict = (left: number, right: number) => boolean;

/**
 * A level whose match weight is at most this (matches disagree this way under once in a
 * thousand times as often as non-matches) makes two records different people.
 */
export const CONFLICT_WEIGHT = -6;

// Levels of the date-of-birth comparator (comparisons/dateOfBirth.ts).
const DATE_WITHIN_A_YEAR = 5;

/**
 * Records that disagree on something the trained model says a person hardly ever changes: any
 * level weighing CONFLICT_WEIGHT or less (in the demo data a differing sex, date of birth or
 * identity document, each near −19) — and, where a differing date of birth is such a level, two
 * full dates up to a year apart that are not one keying error or a day/month swap away. Which
 * fields qualify is left to the data: in FEBRL, whose documents and dates carry several typos,
 * those levels weigh about −4 and constrain nothing. One such pair scores far below any
 * threshold; the danger is two people joined through a chain of namesakes, which this refuses.
 */
export function recordConflicts(table: FeatureTable, model: LinkageModel): RecordConflict {
  const specs = model.settings.comparisons;
  const compiled = compileComparisons(specs);
  const checks: { readonly comparator: Comparator; readonly conflicting: Uint8Array }[] = [];
  specs.forEach((spec, k) => {
    const levels = model.comparisons[k]?.levels ?? [];
    const conflicting = new Uint8Array(levels.length + 1);
    levels.forEach((level, index) => {
      if (level.matchWeight <= CONFLICT_WEIGHT) conflicting[index + 1] = 1;
    });
    if (spec.kind === 'dateOfBirth' && conflicting[levels.length] === 1) conflicting[DATE_WITHIN_A_YEAR] = 2;
    const comparator = compiled.comparators[k];
    if (comparator !== undefined && conflicting.includes(1)) checks.push({ comparator, conflicting });
  });
  const fullDate = (row: number): boolean => (table.dobDay[row] ?? 0) !== 0 && (table.dobMonth[row] ?? 0) !== 0;
  return (left, right) => {
    for (const { comparator, conflicting } of checks) {
      const flag = conflicting[comparator(table, left, right)] ?? 0;
      if (flag === 1 || (flag === 2 && fullDate(left) && fullDate(right))) return true;
    }
    return false;
  };
}

/**
 * Clusters from the pairs at or above minWeight, strongest first, refusing any join that would
 * put two conflicting records in one cluster. Connected components chain namesakes ("Emma
 * Jones" – "Gemma Jones" – "Emma Jones" born ten years later); joining strongest first and
 * refusing the join that brings in a contradiction cuts such a chain at its weakest link.
 * `alsoRefuse` adds a caller's rule over the two clusters' roots (e.g. duplicate-free sources).
 */
export function consistentComponents(
  table: FeatureTable,
  pairs: WeightedPairs,
  minWeight: number,
  conflict: RecordConflict,
  alsoRefuse?: { readonly refuses: (rootA: number, rootB: number) => boolean; readonly joined: (root: number, absorbed: number) => void },
): Int32Array {
  const size = table.size;
  const parent = Int32Array.from({ length: size }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      const grand = parent[parent[x] ?? x] ?? x;
      parent[x] = grand;
      x = grand;
    }
    return x;
  };
  // The members of each cluster, kept at its root.
  const members = new Map<number, number[]>();
  for (let row = 0; row < size; row++) members.set(row, [row]);
  const order = Array.from({ length: pairs.left.length }, (_, p) => p)
    .filter((p) => (pairs.weights[p] ?? -Infinity) >= minWeight)
    .sort((x, y) => (pairs.weights[y] ?? 0) - (pairs.weights[x] ?? 0));
  const clash = (a: readonly number[], b: readonly number[]): boolean => {
    for (const x of a) for (const y of b) if (conflict(x, y)) return true;
    return false;
  };
  for (const p of order) {
    let ra = find(pairs.left[p] ?? 0);
    let rb = find(pairs.right[p] ?? 0);
    if (ra === rb) continue;
    const ma = members.get(ra) ?? [];
    const mb = members.get(rb) ?? [];
    if (clash(ma, mb) || alsoRefuse?.refuses(ra, rb) === true) continue;
    // The larger member list stays in place; the smaller is appended to it.
    if (ma.length < mb.length) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    const kept = members.get(ra);
    const absorbed = members.get(rb);
    if (absorbed !== undefined) {
      if (kept === undefined) members.set(ra, absorbed);
      else for (const row of absorbed) kept.push(row);
      members.delete(rb);
    }
    alsoRefuse?.joined(ra, rb);
  }
  return Int32Array.from({ length: size }, (_, i) => find(i));
}

/** Refuses a join that would put two records of one duplicate-free source in one cluster. */
export function duplicateFreeSourcesRule(source: Int32Array, duplicateFreeSources: ReadonlySet<number>): NonNullable<Parameters<typeof consistentComponents>[4]> {
  // Duplicate-free sources present in each cluster, kept at its root.
  const present = new Map<number, Set<number>>();
  for (let row = 0; row < source.length; row++) {
    const s = source[row] ?? -1;
    if (duplicateFreeSources.has(s)) present.set(row, new Set([s]));
  }
  return {
    refuses(rootA, rootB) {
      const a = present.get(rootA);
      const b = present.get(rootB);
      if (a === undefined || b === undefined) return false;
      for (const s of a) if (b.has(s)) return true;
      return false;
    },
    joined(root, absorbed) {
      const from = present.get(absorbed);
      if (from === undefined) return;
      const into = present.get(root);
      if (into === undefined) present.set(root, from);
      else for (const s of from) into.add(s);
      present.delete(absorbed);
    },
  };
}
