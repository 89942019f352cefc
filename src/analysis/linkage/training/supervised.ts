import { levelCounts, probabilitiesFromCounts } from './levelCounts.ts';

/**
 * m from reviewer-decided matches: the level frequencies among pairs known to match. u stays
 * with random pairs, because labelled non-matches are the hard cases and would bias it.
 */
export function supervisedM(matchPatterns: ReadonlyMap<number, number>, radix: readonly number[]): (number[] | null)[] {
  return levelCounts(matchPatterns, radix).map((counts) => probabilitiesFromCounts(counts));
}

/** A reviewer's decision on a pair. */
export interface LabelledPair {
  readonly recordIdLeft: string;
  readonly recordIdRight: string;
  readonly isMatch: boolean;
}

