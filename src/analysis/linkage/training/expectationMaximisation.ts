import { decodePattern } from '../pairComparison.ts';

export interface ExpectationMaximisationInput {
  /** Distinct comparison vectors (pattern codes) and how many pairs have each. */
  readonly patterns: ReadonlyMap<number, number>;
  readonly radix: readonly number[];
  /** Comparisons taking part; those a blocking rule fixes are left out, as they carry no information. */
  readonly active: readonly boolean[];
  /** Per comparison, probabilities by level (index 0 unused). */
  readonly m: readonly (readonly number[])[];
  readonly u: readonly (readonly number[])[];
  /** Initial share of matches among the pairs. */
  readonly lambda: number;
  /** Re-estimate u too (off by default: u from random pairs is better than EM's). */
  readonly estimateU?: boolean;
  /** Re-estimate m (on by default; off to estimate only the share of matches). */
  readonly estimateM?: boolean;
  readonly maxIterations?: number;
  readonly tolerance?: number;
}

export interface ExpectationMaximisationResult {
  readonly m: number[][];
  readonly u: number[][];
  readonly lambda: number;
  readonly iterations: number;
  readonly converged: boolean;
}

const MIN_PROBABILITY = 1e-9;

/**
 * Fellegi–Sunter EM on pattern counts: each distinct comparison vector is visited once per
 * iteration whatever the number of pairs sharing it.
 */
export function expectationMaximisation(input: ExpectationMaximisationInput): ExpectationMaximisationResult {
  const { radix, active } = input;
  const maxIterations = input.maxIterations ?? 25;
  const tolerance = input.tolerance ?? 1e-4;
  const k = radix.length;
  const codes = [...input.patterns.keys()];
  const counts = Float64Array.from(input.patterns.values());
  const levels = new Uint8Array(codes.length * k);
  const scratch = new Uint8Array(k);
  codes.forEach((code, p) => levels.set(decodePattern(code, radix, scratch), p * k));
  let m = input.m.map((row) => [...row]);
  let u = input.u.map((row) => [...row]);
  let lambda = input.lambda;
  let iterations = 0;
  let converged = false;

  while (iterations < maxIterations) {
    iterations++;
    const mCounts = radix.map((r) => new Float64Array(r));
    const uCounts = radix.map((r) => new Float64Array(r));
    let matchTotal = 0;
    let total = 0;
    for (let p = 0; p < codes.length; p++) {
      let likelihoodMatch = lambda;
      let likelihoodNonMatch = 1 - lambda;
      for (let c = 0; c < k; c++) {
        if (active[c] !== true) continue;
        const level = levels[p * k + c] ?? 0;
        if (level === 0) continue;
        likelihoodMatch *= Math.max(m[c]?.[level] ?? 0, MIN_PROBABILITY);
        likelihoodNonMatch *= Math.max(u[c]?.[level] ?? 0, MIN_PROBABILITY);
      }
      const posterior = likelihoodMatch / (likelihoodMatch + likelihoodNonMatch);
      const count = counts[p] ?? 0;
      matchTotal += posterior * count;
      total += count;
      for (let c = 0; c < k; c++) {
        if (active[c] !== true) continue;
        const level = levels[p * k + c] ?? 0;
        (mCounts[c] as Float64Array)[level] = ((mCounts[c] as Float64Array)[level] ?? 0) + posterior * count;
        (uCounts[c] as Float64Array)[level] = ((uCounts[c] as Float64Array)[level] ?? 0) + (1 - posterior) * count;
      }
    }
    const normalised = (row: Float64Array, previous: readonly number[]): number[] => {
      let sum = 0;
      for (let l = 1; l < row.length; l++) sum += row[l] ?? 0;
      if (sum === 0) return [...previous];
      return Array.from(row, (v, l) => (l === 0 ? 0 : Math.max(v / sum, MIN_PROBABILITY)));
    };
    const nextM = input.estimateM === false ? m : m.map((row, c) => (active[c] === true ? normalised(mCounts[c] as Float64Array, row) : row));
    const nextU = input.estimateU === true ? u.map((row, c) => (active[c] === true ? normalised(uCounts[c] as Float64Array, row) : row)) : u;
    const nextLambda = total > 0 ? matchTotal / total : lambda;
    let change = Math.abs(nextLambda - lambda);
    for (let c = 0; c < k; c++)
      for (let l = 1; l < (radix[c] ?? 0); l++) {
        change = Math.max(change, Math.abs((nextM[c]?.[l] ?? 0) - (m[c]?.[l] ?? 0)));
        change = Math.max(change, Math.abs((nextU[c]?.[l] ?? 0) - (u[c]?.[l] ?? 0)));
      }
    m = nextM;
    u = nextU;
    lambda = nextLambda;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  return { m, u, lambda, iterations, converged };
}

/** Starting m values: agreement levels likely, the final "else" level unlikely. */
export function initialM(levelsIncludingNull: number): number[] {
  const row = new Array<number>(levelsIncludingNull).fill(0);
  const last = levelsIncludingNull - 1;
  if (last <= 0) return row;
  if (last === 1) return [0, 1];
  row[last] = 0.05;
  let share = 0.95;
  for (let l = 1; l < last; l++) {
    const portion = l === last - 1 ? share : share * 0.6;
    row[l] = portion;
    share -= portion;
  }
  return row;
}
