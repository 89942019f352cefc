import { decodePattern } from '../pairComparison.ts';
import { probabilitiesFromCounts } from './levelCounts.ts';

const MIN_PROBABILITY = 1e-9;

/**
 * u from random pairs with the likely matches taken out. Among all pairs of a small input (every
 * pair is then "random") the true matches are a visible share of the pairs that agree on a
 * document, a phone or a full date of birth, so u for those levels comes out several times too
 * high and their weights too low. Each pattern's count is weighted by its probability of being
 * a non-match under the trained m, the current u and the prior; rows with no values stay null.
 */
export function uExcludingLikelyMatches(
  patterns: ReadonlyMap<number, number>,
  radix: readonly number[],
  m: readonly (readonly number[] | null)[],
  u: readonly (readonly number[] | null)[],
  prior: number,
): (number[] | null)[] {
  const k = radix.length;
  const counts = radix.map((r) => new Array<number>(r).fill(0));
  const levels = new Uint8Array(k);
  const priorOdds = prior / (1 - prior);
  for (const [code, count] of patterns) {
    decodePattern(code, radix, levels);
    let odds = priorOdds;
    for (let c = 0; c < k; c++) {
      const level = levels[c] ?? 0;
      const mRow = m[c];
      const uRow = u[c];
      if (level === 0 || mRow == null || uRow == null) continue;
      odds *= Math.max(mRow[level] ?? 0, MIN_PROBABILITY) / Math.max(uRow[level] ?? 0, MIN_PROBABILITY);
    }
    const nonMatch = Number.isFinite(odds) ? count / (1 + odds) : 0;
    for (let c = 0; c < k; c++) {
      const row = counts[c] as number[];
      const level = levels[c] ?? 0;
      row[level] = (row[level] ?? 0) + nonMatch;
    }
  }
  return counts.map((row, c) => (u[c] == null ? null : probabilitiesFromCounts(row)));
}
