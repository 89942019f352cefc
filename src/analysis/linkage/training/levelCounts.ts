import { decodePattern } from '../pairComparison.ts';

/** Per comparison, how many pairs fell in each level (index 0 = null), from pattern counts. */
export function levelCounts(patterns: ReadonlyMap<number, number>, radix: readonly number[]): number[][] {
  const counts = radix.map((r) => new Array<number>(r).fill(0));
  const levels = new Uint8Array(radix.length);
  for (const [code, count] of patterns) {
    decodePattern(code, radix, levels);
    for (let k = 0; k < radix.length; k++) {
      const row = counts[k] as number[];
      const level = levels[k] ?? 0;
      row[level] = (row[level] ?? 0) + count;
    }
  }
  return counts;
}

/**
 * Probabilities over levels 1..L (index 0 unused), ignoring null. A level never observed gets
 * the probability of one observation, so no weight becomes infinite.
 */
export function probabilitiesFromCounts(counts: readonly number[]): number[] | null {
  let total = 0;
  for (let l = 1; l < counts.length; l++) total += counts[l] ?? 0;
  if (total === 0) return null;
  return counts.map((c, l) => (l === 0 ? 0 : Math.max(c, 1) / total));
}
