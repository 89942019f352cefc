import type { Comparator, ComparisonSpec } from './comparisons/comparison.ts';
import { comparisonKinds } from './comparisons/index.ts';
import type { FeatureTable } from './featureTable.ts';

/**
 * The inner loops shared by the main thread and the workers: comparison vectors of pairs,
 * tallied as patterns (for training) or turned into match weights (for prediction).
 */
export interface CompiledComparisons {
  readonly comparators: readonly Comparator[];
  /** Levels per comparison including the null level: the radix of the pattern code. */
  readonly radix: readonly number[];
}

export function compileComparisons(specs: readonly ComparisonSpec[]): CompiledComparisons {
  return {
    comparators: specs.map((s) => comparisonKinds[s.kind].comparator(s)),
    radix: specs.map((s) => comparisonKinds[s.kind].levelLabels(s).length + 1),
  };
}

/**
 * A comparison vector as one number (mixed radix); exact for up to 2^53 combinations, far more
 * than any model needs. Training then works on distinct patterns and their counts, which is
 * what keeps EM fast at a million records.
 */
export function encodePattern(levels: ArrayLike<number>, radix: readonly number[]): number {
  let code = 0;
  for (let k = radix.length - 1; k >= 0; k--) code = code * (radix[k] ?? 1) + (levels[k] ?? 0);
  return code;
}

export function decodePattern(code: number, radix: readonly number[], out: Uint8Array): Uint8Array {
  for (let k = 0; k < radix.length; k++) {
    const r = radix[k] ?? 1;
    out[k] = code % r;
    code = Math.floor(code / r);
  }
  return out;
}

export function comparisonVector(table: FeatureTable, compiled: CompiledComparisons, left: number, right: number, out: Uint8Array): Uint8Array {
  const comparators = compiled.comparators;
  for (let k = 0; k < comparators.length; k++) out[k] = (comparators[k] as Comparator)(table, left, right);
  return out;
}

export interface PatternCounts {
  readonly codes: Float64Array;
  readonly counts: Float64Array;
}

/**
 * Open-addressing tally of pattern codes: a pair's pattern is counted in a few array reads,
 * where a Map costs two hash lookups and boxed keys per pair.
 */
export class PatternTally {
  private keys = new Float64Array(1024).fill(-1);
  private counts = new Float64Array(1024);
  private used = 0;

  add(code: number, count = 1): void {
    const mask = this.keys.length - 1;
    let slot = Math.imul((code | 0) ^ ((code / 4294967296) | 0), 0x9e3779b1) & mask;
    for (;;) {
      const key = this.keys[slot] ?? -1;
      if (key === code) {
        this.counts[slot] = (this.counts[slot] ?? 0) + count;
        return;
      }
      if (key === -1) break;
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = code;
    this.counts[slot] = count;
    if (++this.used * 2 > this.keys.length) {
      const oldKeys = this.keys;
      const oldCounts = this.counts;
      this.keys = new Float64Array(oldKeys.length * 2).fill(-1);
      this.counts = new Float64Array(oldKeys.length * 2);
      this.used = 0;
      for (let i = 0; i < oldKeys.length; i++) if ((oldKeys[i] ?? -1) !== -1) this.add(oldKeys[i] ?? 0, oldCounts[i] ?? 0);
    }
  }

  result(): PatternCounts {
    const codes = new Float64Array(this.used);
    const counts = new Float64Array(this.used);
    let at = 0;
    for (let i = 0; i < this.keys.length; i++)
      if ((this.keys[i] ?? -1) !== -1) {
        codes[at] = this.keys[i] ?? 0;
        counts[at] = this.counts[i] ?? 0;
        at++;
      }
    return { codes, counts };
  }
}

export function countPatterns(table: FeatureTable, compiled: CompiledComparisons, left: Int32Array, right: Int32Array): PatternCounts {
  const tally = new PatternTally();
  const comparators = compiled.comparators;
  const radix = compiled.radix;
  const count = comparators.length;
  for (let p = 0; p < left.length; p++) {
    const a = left[p] ?? 0;
    const b = right[p] ?? 0;
    let code = 0;
    for (let k = count - 1; k >= 0; k--) code = code * (radix[k] ?? 1) + (comparators[k] as Comparator)(table, a, b);
    tally.add(code);
  }
  return tally.result();
}

export function mergePatternCounts(into: Map<number, number>, counts: PatternCounts): void {
  for (let i = 0; i < counts.codes.length; i++) {
    const code = counts.codes[i] ?? 0;
    into.set(code, (into.get(code) ?? 0) + (counts.counts[i] ?? 0));
  }
}

/**
 * The same counts keyed in code order. Worker threads finish chunks in any order, and training
 * sums floating-point terms over the patterns, so the order is fixed to keep results identical
 * however the work was split.
 */
export function inCodeOrder(counts: ReadonlyMap<number, number>): Map<number, number> {
  return new Map([...counts].sort((a, b) => a[0] - b[0]));
}

/** Everything needed to turn a comparison vector into a match weight; plain data for workers. */
export interface ScoringTables {
  readonly priorWeight: number;
  /** weights[k][level]; level 0 (null) is always 0. */
  readonly weights: readonly (readonly number[])[];
  readonly termFrequency: readonly TermFrequencyRule[];
}

export interface TermFrequencyRule {
  readonly comparisonIndex: number;
  /** The levels adjusted: the exact level, and any other that is the same value (swapped names). */
  readonly levels: readonly number[];
  /** u of the exact level: the adjustment is log2(u / frequency of the value). */
  readonly uProbability: number;
  /** Each record's value frequency for the column. */
  readonly frequencies: Float32Array;
}

export interface ScoredPairs {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly weights: Float32Array;
}

/** Kept pairs plus the pattern counts of every pair scored (for estimating the prior). */
export interface ScoredChunk extends ScoredPairs {
  readonly patterns: PatternCounts;
}

export function termFrequencyWeight(rule: TermFrequencyRule, left: number, right: number): number {
  const frequency = Math.max(rule.frequencies[left] ?? 0, rule.frequencies[right] ?? 0);
  return frequency > 0 ? Math.log2(rule.uProbability / frequency) : 0;
}

/** Scores pairs, keeps those whose weight is at least minWeight, and tallies every pair's pattern. */
export function scorePairs(
  table: FeatureTable,
  compiled: CompiledComparisons,
  scoring: ScoringTables,
  left: Int32Array,
  right: Int32Array,
  minWeight: number,
): ScoredChunk {
  const comparators = compiled.comparators;
  const radix = compiled.radix;
  const tally = new PatternTally();
  const count = comparators.length;
  const tfByComparison: (TermFrequencyRule | undefined)[] = new Array<TermFrequencyRule | undefined>(count);
  for (const rule of scoring.termFrequency) tfByComparison[rule.comparisonIndex] = rule;
  const keptLeft = new Int32Array(left.length);
  const keptRight = new Int32Array(left.length);
  const keptWeights = new Float32Array(left.length);
  let kept = 0;
  for (let p = 0; p < left.length; p++) {
    const a = left[p] ?? 0;
    const b = right[p] ?? 0;
    let weight = scoring.priorWeight;
    let code = 0;
    for (let k = count - 1; k >= 0; k--) {
      const level = (comparators[k] as Comparator)(table, a, b);
      code = code * (radix[k] ?? 1) + level;
      if (level === 0) continue;
      weight += scoring.weights[k]?.[level] ?? 0;
      const tf = tfByComparison[k];
      if (tf !== undefined && tf.levels.includes(level)) weight += termFrequencyWeight(tf, a, b);
    }
    tally.add(code);
    if (weight >= minWeight) {
      keptLeft[kept] = a;
      keptRight[kept] = b;
      keptWeights[kept] = weight;
      kept++;
    }
  }
  return { left: keptLeft.slice(0, kept), right: keptRight.slice(0, kept), weights: keptWeights.slice(0, kept), patterns: tally.result() };
}
